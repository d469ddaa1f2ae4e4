"""Fixtures shared by `python/tests` and `tests`: where the data and the `summit` binary are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("SUMMIT_SHARED", ROOT.parent / "shared"))


def shared_files(*parts: str, pattern: str = "*.txt") -> list[Path]:
    folder = SHARED.joinpath(*parts)
    if not folder.is_dir():
        pytest.fail(f"{folder} is missing: these tests read the shared data (set SUMMIT_SHARED)")
    return sorted(folder.rglob(pattern))


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    return shared_files("seeds")


@pytest.fixture(scope="session")
def bbc() -> list[Path]:
    return shared_files("corpus", "bbc")


@pytest.fixture(scope="session")
def summit_bin() -> Path:
    """The `summit` binary: $SUMMIT_BIN, else the newest of target/{debug,release}."""
    if "SUMMIT_BIN" in os.environ:
        return Path(os.environ["SUMMIT_BIN"])
    built = [p for p in (ROOT / "target/debug/summit", ROOT / "target/release/summit") if p.exists()]
    if not built:
        pytest.fail("no summit binary: run `cargo build -p summit-cli` or set SUMMIT_BIN")
    return max(built, key=lambda p: p.stat().st_mtime)

"""A bug met on one input is an `InternalError` for that input alone: `analyze` raises it
(a `SummitError`, never pyo3's `PanicException`), and a batch returns it in its place with
every other document intact. `SUMMIT_FAULT_INJECT` is the test-only switch that makes the
engine panic on inputs holding a marker."""

from __future__ import annotations

import pytest

import summit_core

MARKER = "FAULT-5e1d"

# The sentence that once panicked the engine (a byte slice inside "Ö").
OPA = "Wien\n\nDie Österreichische Plattform für Alleinerziehende (ÖPA) hat den Aufruf unterstützt."


def test_the_accented_acronym_analyses() -> None:
    doc = summit_core.analyze(OPA)
    assert any(m.text == "ÖPA" for e in doc.entities for m in e.mentions)


def test_analyze_raises_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMIT_FAULT_INJECT", MARKER)
    with pytest.raises(summit_core.InternalError) as info:
        summit_core.analyze(f"Story\n\nIt holds {MARKER} here.", id="bad")
    err = info.value
    assert isinstance(err, summit_core.SummitError)
    assert err.kind == "internal"
    assert MARKER not in str(err) and "panicked" not in str(err)
    # The next call is fine.
    summit_core.analyze(OPA)


@pytest.mark.parametrize("parallel", ["true", "false"])
def test_a_batch_keeps_every_other_result(monkeypatch: pytest.MonkeyPatch, parallel: str) -> None:
    monkeypatch.setenv("SUMMIT_FAULT_INJECT", MARKER)
    monkeypatch.setenv("SUMMIT_PARALLELISM", parallel)
    bad = {13, 501, 1998}
    texts = [
        f"Story {i}\n\nIt holds {MARKER} here." if i in bad else f"Story {i}\n\nThe delegates met on day {i}."
        for i in range(2000)
    ]
    ids = [f"doc-{i}" for i in range(2000)]
    results = summit_core.analyze_batch(texts, ids)
    assert len(results) == 2000
    for i, result in enumerate(results):
        if i in bad:
            assert isinstance(result, summit_core.InternalError), (i, result)
            assert result.kind == "internal"
        else:
            assert isinstance(result, summit_core.Document), (i, result)
            assert result.id == ids[i]

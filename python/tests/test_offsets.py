"""Every span of every kind slices the caller's input to its text: code points for str,
bytes for bytes, over all of ../shared/seeds and ../shared/corpus/bbc."""

from __future__ import annotations

from pathlib import Path

import pytest

import summit_core
from spans import bare_spans, text_spans

ROOT = Path(__file__).resolve().parents[2]


def check_str(text: str, doc: summit_core.Document) -> int:
    d = doc.to_dict()
    checked = 0
    for kind, start, end, span_text in text_spans(d):
        assert 0 <= start <= end <= len(text), (kind, start, end)
        assert text[start:end] == span_text, (kind, start, end)
        checked += 1
    for kind, start, end in bare_spans(d):
        assert 0 <= start <= end <= len(text), (kind, start, end)
        checked += 1
    return checked


def check_bytes(data: bytes, doc: summit_core.Document) -> None:
    d = doc.to_dict()
    for kind, start, end, span_text in text_spans(d):
        assert data[start:end].decode("utf-8") == span_text, (kind, start, end)
    for kind, start, end in bare_spans(d):
        assert 0 <= start <= end <= len(data), (kind, start, end)
        data[start:end].decode("utf-8")  # on character boundaries


def test_seed_offsets_are_code_points(seeds: list[Path]) -> None:
    assert seeds
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        doc = summit_core.analyze(text, id=path.name)
        assert check_str(text, doc) > 0
        # The objects agree with their dicts.
        for entity in doc.entities:
            for m in entity.mentions:
                assert text[m.start : m.end] == m.text
        for q in doc.quotes:
            assert text[q.start : q.end] == q.text
        for p in doc.paragraphs:
            assert 0 <= p.start <= p.end <= len(text)


def test_seed_offsets_are_bytes_for_bytes(seeds: list[Path]) -> None:
    for path in seeds:
        data = path.read_bytes()
        check_bytes(data, summit_core.analyze(data, id=path.name))


def test_bbc_offsets_are_code_points(bbc: list[Path]) -> None:
    assert len(bbc) > 1000
    texts = [p.read_text(encoding="utf-8") for p in bbc]
    results = summit_core.analyze_batch(texts, [p.name for p in bbc])
    assert len(results) == len(texts)
    for path, text, doc in zip(bbc, texts, results):
        assert isinstance(doc, summit_core.Document), (path, doc)
        check_str(text, doc)


@pytest.mark.parametrize(
    "text",
    [
        "Ça va\n\n«Très bien», a dit M. Lévêque à Genève.",
        "Emoji 🙂 first\n\nThen \u00a0text with “curly” quotes and 日本語.",
        "\ufeffA byte-order mark\n\nbefore the headline.",
        "Tabs\tand\u200bzero-width\n\nspaces\u2003too.",
    ],
)
def test_non_ascii_offsets(text: str) -> None:
    doc = summit_core.analyze(text)
    check_str(text, doc)
    check_bytes(text.encode(), summit_core.analyze(text.encode()))


MULTILINGUAL = sorted((ROOT / "crates/summit-core/tests/multilingual").glob("*.txt"))


def test_the_multilingual_smoke_corpus_is_there() -> None:
    assert len(MULTILINGUAL) >= 15


@pytest.mark.parametrize("path", MULTILINGUAL, ids=[p.stem for p in MULTILINGUAL])
def test_multilingual_offsets(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    check_str(text, summit_core.analyze(text, id=path.name))
    check_bytes(text.encode(), summit_core.analyze(text.encode(), id=path.name))


def test_lone_surrogates_are_invalid_unless_lossy() -> None:
    text = "Headline\n\nA lone \ud800 surrogate in the body."
    with pytest.raises(summit_core.InvalidUtf8Error):
        summit_core.analyze(text)
    doc = summit_core.analyze(text, lossy=True)
    assert any("U+FFFD" in w for w in doc.warnings)

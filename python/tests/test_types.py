"""The document classes: immutable, typed, readable, and equal to the JSON contract."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import summit_core
from spans import code_points_to_bytes, map_offsets

ARTICLE = (
    "Leaders meet in Geneva\n\n"
    "GENEVA \u2014 The two presidents met for four hours on Wednesday.\n\n"
    "\u201cWe had a frank conversation,\u201d the first president told reporters.\n"
)

# A belief ("fears that …") next to a statement ("… said"): only attitudes=True reports
# the belief.
ATTITUDES = (
    "Trade talks in Lagos\n\n"
    "Chidi Okafor fears that the talks will fail. "
    "The delegations will meet again on Monday, a spokeswoman said.\n"
)


def every_object(doc: summit_core.Document) -> list[object]:
    objects: list[object] = [doc, *doc.paragraphs, *doc.removed, *doc.entities, *doc.quotes]
    for e in doc.entities:
        objects.extend(e.mentions)
    for q in doc.quotes:
        objects.extend(x for x in (q.cue, q.clause, q.speaker, q.addressee) if x is not None)
    return objects


def test_classes_are_immutable(seeds: list[Path]) -> None:
    doc = summit_core.analyze(seeds[0].read_text(encoding="utf-8"))
    for obj in every_object(doc):
        for name in ("start", "text", "id", "kind", "new_attribute"):
            with pytest.raises(AttributeError):
                setattr(obj, name, 1)
    assert isinstance(doc.paragraphs, tuple)
    assert isinstance(doc.warnings, tuple)
    assert doc.paragraphs is doc.paragraphs


def test_classes_cannot_be_subclassed_or_built() -> None:
    with pytest.raises(TypeError):
        type("Mine", (summit_core.Document,), {})
    with pytest.raises(TypeError):
        summit_core.Document()  # type: ignore[call-arg]


def test_reprs_name_the_class(seeds: list[Path]) -> None:
    doc = summit_core.analyze(seeds[0].read_text(encoding="utf-8"), id="seed")
    assert repr(doc).startswith("Document(id='seed', ")
    for obj in every_object(doc):
        assert repr(obj).startswith(type(obj).__name__ + "(")


def test_fields_mirror_the_contract() -> None:
    doc = summit_core.analyze(ARTICLE, id="geneva")
    d = doc.to_dict()
    assert list(d) == [
        "id", "title", "published", "text", "paragraphs", "removed", "entities", "quotes", "warnings",
    ]
    assert d["id"] == doc.id == "geneva"
    assert d["title"] == doc.title
    assert d["text"] == doc.text
    assert [p.to_dict() for p in doc.paragraphs] == d["paragraphs"]
    for p in d["paragraphs"]:
        assert set(p) == {"kind", "start", "end"}
        assert p["kind"] in {"title", "standfirst", "heading", "body"}


def test_to_dict_round_trips_through_json(seeds: list[Path]) -> None:
    for path in seeds:
        d = summit_core.analyze(path.read_text(encoding="utf-8"), id=path.name).to_dict()
        assert json.loads(json.dumps(d)) == d


def test_to_dict_equals_the_cli_json(seeds: list[Path], summit_bin: Path) -> None:
    out = subprocess.run(
        [summit_bin, "analyze", "--format", "jsonl", *seeds],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert len(out) == len(seeds)
    for path, line in zip(seeds, out):
        cli = json.loads(line)
        # bytes in: byte offsets, exactly the CLI's document.
        assert summit_core.analyze(path.read_bytes(), id=str(path)).to_dict() == cli
        # str in: code-point offsets, the same document once they are turned into bytes.
        text = path.read_text(encoding="utf-8")
        as_str = summit_core.analyze(text, id=str(path)).to_dict()
        assert map_offsets(as_str, code_points_to_bytes(text)) == cli


def test_batch_keeps_order_and_errors_in_place() -> None:
    texts: list[str | bytes] = [ARTICLE, "", b"\xff\xfe\x00\x00", "Second\n\nbody text here.", "  \n "]
    ids = ["a", "b", "c", "d", "e"]
    results = summit_core.analyze_batch(texts, ids)
    assert len(results) == len(texts)
    assert isinstance(results[0], summit_core.Document) and results[0].id == "a"
    assert isinstance(results[1], summit_core.EmptyInputError)
    assert isinstance(results[2], summit_core.BinaryInputError)
    assert isinstance(results[3], summit_core.Document) and results[3].id == "d"
    assert isinstance(results[4], summit_core.NoTextError)
    assert results[0].to_dict() == summit_core.analyze(ARTICLE, id="a").to_dict()


def test_batch_takes_any_iterable_and_checks_ids() -> None:
    results = summit_core.analyze_batch(t for t in [ARTICLE, ARTICLE])
    assert [type(r) for r in results] == [summit_core.Document, summit_core.Document]
    assert summit_core.analyze_batch([]) == []
    with pytest.raises(ValueError, match="2 texts but 1 ids"):
        summit_core.analyze_batch([ARTICLE, ARTICLE], ["only-one"])
    with pytest.raises(TypeError, match="not a single text"):
        summit_core.analyze_batch(ARTICLE)
    with pytest.raises(TypeError, match="str or bytes"):
        summit_core.analyze_batch([ARTICLE, 3])  # type: ignore[list-item]


def test_batch_respects_options() -> None:
    results = summit_core.analyze_batch([ARTICLE, b"Gen\xe8ve\n\ntalks"], max_bytes=50, lossy=True)
    assert isinstance(results[0], summit_core.InputTooLargeError)
    assert isinstance(results[1], summit_core.Document)


def test_attitudes_are_reported_only_when_asked() -> None:
    def cues(doc: summit_core.Document | summit_core.SummitError) -> list[str]:
        assert isinstance(doc, summit_core.Document), doc
        return [q.cue.text for q in doc.quotes if q.cue is not None]

    assert cues(summit_core.analyze(ATTITUDES)) == ["said"]
    doc = summit_core.analyze(ATTITUDES, attitudes=True)
    assert cues(doc) == ["fears", "said"]
    belief = doc.quotes[0]
    assert belief.kind == "indirect" and ATTITUDES[belief.start : belief.end] == "the talks will fail"
    assert belief.speaker is not None and belief.speaker.name == "Chidi Okafor"
    batch = summit_core.analyze_batch([ATTITUDES, ATTITUDES])
    assert [cues(d) for d in batch] == [["said"], ["said"]]
    batch = summit_core.analyze_batch([ATTITUDES, ATTITUDES], attitudes=True)
    assert [cues(d) for d in batch] == [["fears", "said"], ["fears", "said"]]


def test_batch_is_sequential_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMIT_PARALLELISM", "false")
    results = summit_core.analyze_batch([ARTICLE, "", ARTICLE])
    assert [type(r).__name__ for r in results] == ["Document", "EmptyInputError", "Document"]

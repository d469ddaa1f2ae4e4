"""Every span of a document, by kind, for the offset checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# The kinds of span that carry their own text: (kind, start, end, text).
TextSpan = tuple[str, int, int, str]


def text_spans(doc: dict[str, Any]) -> Iterator[TextSpan]:
    for entity in doc["entities"]:
        for m in entity["mentions"]:
            yield "mention", m["start"], m["end"], m["text"]
    for q in doc["quotes"]:
        yield "quote", q["start"], q["end"], q["text"]
        for part in ("cue", "clause", "speaker", "addressee"):
            if q[part] is not None:
                yield part, q[part]["start"], q[part]["end"], q[part]["text"]


def bare_spans(doc: dict[str, Any]) -> Iterator[tuple[str, int, int]]:
    for p in doc["paragraphs"]:
        yield "paragraph", p["start"], p["end"]
    for r in doc["removed"]:
        yield "removed", r["start"], r["end"]


def all_offsets(doc: dict[str, Any]) -> Iterator[int]:
    for _, start, end in bare_spans(doc):
        yield start
        yield end
    for _, start, end, _ in text_spans(doc):
        yield start
        yield end


def map_offsets(doc: dict[str, Any], f: Any) -> dict[str, Any]:
    """A copy of the contract dict with every offset passed through `f`."""

    def span(d: dict[str, Any] | None) -> dict[str, Any] | None:
        if d is None:
            return None
        return {**d, "start": f(d["start"]), "end": f(d["end"])}

    return {
        **doc,
        "paragraphs": [span(p) for p in doc["paragraphs"]],
        "removed": [span(r) for r in doc["removed"]],
        "entities": [
            {**e, "mentions": [span(m) for m in e["mentions"]]} for e in doc["entities"]
        ],
        "quotes": [
            {
                **span(q),  # type: ignore[dict-item]
                "cue": span(q["cue"]),
                "clause": span(q["clause"]),
                "speaker": span(q["speaker"]),
                "addressee": span(q["addressee"]),
            }
            for q in doc["quotes"]
        ],
    }


def code_points_to_bytes(text: str) -> Any:
    """The function from code-point offsets of `text` to byte offsets of its UTF-8."""
    table = [0]
    for ch in text:
        table.append(table[-1] + len(ch.encode("utf-8", "surrogatepass")))
    return lambda i: table[i]

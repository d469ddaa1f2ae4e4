"""Each bad input raises its own SummitError subclass, a ValueError with a stable kind."""

from __future__ import annotations

import pytest

import summit_core

BAD = [
    ("", summit_core.EmptyInputError, "empty"),
    (b"", summit_core.EmptyInputError, "empty"),
    (" \n\t \u00a0\u3000\n", summit_core.NoTextError, "no_text"),
    (b"\n\n   \r\n", summit_core.NoTextError, "no_text"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", summit_core.BinaryInputError, "binary"),
    (bytes(range(1, 32)) * 20, summit_core.BinaryInputError, "binary"),
    (b"Talks in Gen\xe8ve ended.", summit_core.InvalidUtf8Error, "invalid_utf8"),
]


@pytest.mark.parametrize(("text", "cls", "kind"), BAD)
def test_bad_input_raises_its_class(text: str | bytes, cls: type[summit_core.SummitError], kind: str) -> None:
    with pytest.raises(cls) as info:
        summit_core.analyze(text, id="bad")
    err = info.value
    assert isinstance(err, summit_core.SummitError)
    assert isinstance(err, ValueError)
    assert err.kind == kind == cls.kind
    assert str(err)


def test_over_limit_is_input_too_large() -> None:
    with pytest.raises(summit_core.InputTooLargeError) as info:
        summit_core.analyze("Headline\n\n" + "word " * 100, max_bytes=100)
    assert info.value.kind == "too_large"
    assert "over the limit of 100 bytes" in str(info.value)


def test_default_limit_is_the_cores() -> None:
    with pytest.raises(summit_core.InputTooLargeError):
        summit_core.analyze(b"a" * (8 * 1024 * 1024 + 1))


def test_lossy_accepts_invalid_utf8() -> None:
    data = b"Talks in Gen\xe8ve\n\nThe talks in Gen\xe8ve ended on Friday."
    doc = summit_core.analyze(data, lossy=True)
    assert any("U+FFFD" in w for w in doc.warnings)


def test_wrong_type_is_type_error() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        summit_core.analyze(42)  # type: ignore[arg-type]


def test_hierarchy() -> None:
    subclasses = {
        summit_core.EmptyInputError: "empty",
        summit_core.NoTextError: "no_text",
        summit_core.InputTooLargeError: "too_large",
        summit_core.InvalidUtf8Error: "invalid_utf8",
        summit_core.BinaryInputError: "binary",
        summit_core.InternalError: "internal",
    }
    assert issubclass(summit_core.SummitError, ValueError)
    for cls, kind in subclasses.items():
        assert issubclass(cls, summit_core.SummitError)
        assert cls.kind == kind
        assert cls.__module__ == "summit_core"

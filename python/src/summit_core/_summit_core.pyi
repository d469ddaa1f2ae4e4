"""Type stubs for the native module (hand-written; checked with mypy.stubtest)."""

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Literal, final

__all__ = [
    "__version__",
    "analyze",
    "analyze_batch",
    "_after_fork_in_child",
    "Document",
    "Paragraph",
    "Removed",
    "Entity",
    "Mention",
    "Quote",
    "Cue",
    "Clause",
    "Speaker",
    "Addressee",
    "SummitError",
    "EmptyInputError",
    "NoTextError",
    "InputTooLargeError",
    "InvalidUtf8Error",
    "BinaryInputError",
    "InternalError",
]

__version__: str

_ParagraphKind = Literal["title", "standfirst", "heading", "body"]
_RemovalReason = Literal[
    "markup", "shortcode", "credit", "caption", "duplicate", "dateline", "boilerplate"
]
_EntityLabel = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE", "MISC"
]
_QuoteKind = Literal["direct", "mixed", "indirect", "partial"]

def analyze(
    text: str | bytes,
    id: str | None = None,
    *,
    lossy: bool = False,
    max_bytes: int | None = None,
    attitudes: bool = False,
) -> Document:
    """Analyses one article; raises a ``SummitError`` subclass when it cannot.

    ``attitudes=True`` also reports attributed beliefs, wishes, intentions and findings
    ("Okafor fears that …", "the poll shows …") as indirect or mixed quotes.
    """

def analyze_batch(
    texts: Iterable[str | bytes],
    ids: Sequence[str] | None = None,
    *,
    lossy: bool = False,
    max_bytes: int | None = None,
    attitudes: bool = False,
) -> list[Document | SummitError]:
    """Analyses many articles in parallel; one entry per input, in input order.

    The options are those of ``analyze``.
    """

def _after_fork_in_child() -> None: ...

@final
class Document:
    """Everything summit found in one article."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def paragraphs(self) -> tuple[Paragraph, ...]: ...
    @property
    def removed(self) -> tuple[Removed, ...]: ...
    @property
    def entities(self) -> tuple[Entity, ...]: ...
    @property
    def quotes(self) -> tuple[Quote, ...]: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Paragraph:
    """One kept block of the article."""

    @property
    def kind(self) -> _ParagraphKind: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Removed:
    """A stretch of the input the cleaner dropped, and why."""

    @property
    def reason(self) -> _RemovalReason: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Entity:
    """A named entity with every mention."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> _EntityLabel: ...
    @property
    def name(self) -> str: ...
    @property
    def roles(self) -> tuple[str, ...]: ...
    @property
    def mentions(self) -> tuple[Mention, ...]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Mention:
    """One mention of an entity."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Quote:
    """An attributed statement."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> _QuoteKind: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def cue(self) -> Cue | None: ...
    @property
    def clause(self) -> Clause | None: ...
    @property
    def speaker(self) -> Speaker | None: ...
    @property
    def addressee(self) -> Addressee | None: ...
    @property
    def confidence(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Cue:
    """The reporting expression of a quote."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Clause:
    """For a partial quote, the reported clause that holds the quoted words."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Speaker:
    """Who said it."""

    @property
    def entity(self) -> str | None: ...
    @property
    def name(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Addressee:
    """Whom it was said to."""

    @property
    def entity(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

class SummitError(ValueError):
    """An input summit cannot analyse; ``kind`` names the reason."""

    kind: ClassVar[str]

class EmptyInputError(SummitError):
    kind: ClassVar[Literal["empty"]]

class NoTextError(SummitError):
    kind: ClassVar[Literal["no_text"]]

class InputTooLargeError(SummitError):
    kind: ClassVar[Literal["too_large"]]

class InvalidUtf8Error(SummitError):
    kind: ClassVar[Literal["invalid_utf8"]]

class BinaryInputError(SummitError):
    kind: ClassVar[Literal["binary"]]

class InternalError(SummitError):
    """summit failed on this input: a bug in the engine, contained to this one input."""

    kind: ClassVar[Literal["internal"]]

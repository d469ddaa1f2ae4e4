"""summit: structured facts from news text.

``analyze`` turns a scraped article into a ``Document``: the cleaned text, its
paragraphs, what was removed and why, named entities with all their mentions, and quotes
with their speakers. Offsets index the ``str`` you passed (code points), or the
``bytes`` you passed (bytes), so that ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import os as _os

from summit_core._summit_core import (
    Addressee,
    BinaryInputError,
    Clause,
    Cue,
    Document,
    EmptyInputError,
    Entity,
    InputTooLargeError,
    InternalError,
    InvalidUtf8Error,
    Mention,
    NoTextError,
    Paragraph,
    Quote,
    Removed,
    Speaker,
    SummitError,
    __version__,
    _after_fork_in_child,
    analyze,
    analyze_batch,
)

__all__ = [
    "Addressee",
    "BinaryInputError",
    "Clause",
    "Cue",
    "Document",
    "EmptyInputError",
    "Entity",
    "InputTooLargeError",
    "InternalError",
    "InvalidUtf8Error",
    "Mention",
    "NoTextError",
    "Paragraph",
    "Quote",
    "Removed",
    "Speaker",
    "SummitError",
    "__version__",
    "analyze",
    "analyze_batch",
]

# A forked child inherits the thread pool's state but not its threads: keep its batches
# on the calling thread (set SUMMIT_PARALLELISM=false to do so everywhere).
if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_after_fork_in_child)

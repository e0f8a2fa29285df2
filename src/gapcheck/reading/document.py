"""The document every reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A document's text and where it came from.

    Attributes:
        text: the document's plain text. Every character offset gapcheck reports indexes this string.
        source: the path as the user gave it (or ``-`` for standard input, or a label for in-memory text).
        format: ``pdf``, ``docx``, ``txt``, ``md``, ``html`` or ``text`` (in-memory).
        warnings: non-fatal notes from reading (e.g. "repaired mojibake"), for diagnostics.
    """

    text: str
    source: str
    format: str
    warnings: tuple[str, ...] = field(default=())

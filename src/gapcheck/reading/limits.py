"""Safety limits for reading untrusted documents, and the cooperative deadline that enforces the time one.

A CV or a job advert is small: a few pages, a few hundred kilobytes. Anything far bigger is a mistake
(the wrong file) or hostile (a zip bomb, a PDF with thousands of pages), and gapcheck refuses it with a
:class:`~gapcheck.errors.LimitExceededError` instead of spending minutes or gigabytes on it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from gapcheck.errors import LimitExceededError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Upper bounds applied while reading one document. Every field can be overridden.

    Attributes:
        max_file_bytes: largest PDF, DOCX or HTML file read (default 20 MB). Checked from the file's
            size before it is opened, so an oversized file is refused at once.
        max_text_bytes: largest plain-text input (``.txt``, ``.md``, standard input; default 5 MB).
            A bigger file is refused from its size without being read; standard input is read only
            up to this many bytes plus one.
        max_pdf_pages: most pages a PDF may have (default 50).
        max_decompressed_bytes: most bytes that may come out of decompression: the sum over all
            members of a DOCX zip (checked against the sizes the zip declares, then counted while
            actually decompressing, so a lying zip is caught too), and any one compressed PDF stream
            (default 50 MB).
        max_zip_members: most files a DOCX zip may hold (default 10,000; a real one has a few dozen).
        max_parse_seconds: wall-clock budget for parsing one document (default 20 s). It is checked
            cooperatively: per PDF page and every few hundred characters or objects drawn, per DOCX
            block, and every few thousand HTML tags, so a reader stops soon after the budget runs out.
            It is also how long a named pipe is waited on for a program to start writing to it.
        max_chars: most characters of text a document may yield (default 300,000: a long CV has 10,000 to
            20,000, a 50-page report about 150,000). Analysis time and memory grow with the text, so this
            bounds them. It also caps the glyphs a PDF may draw and, ten to a character (at least
            1,000,000, see :func:`max_markup_tags`), the tags of a DOCX's XML or an HTML page, all
            checked before or while reading, so a bomb is refused before it is built.
    """

    max_file_bytes: int = 20 * MB
    max_text_bytes: int = 5 * MB
    max_pdf_pages: int = 50
    max_decompressed_bytes: int = 50 * MB
    max_zip_members: int = 10_000
    max_parse_seconds: float = 20.0
    max_chars: int = 300_000

    def __post_init__(self) -> None:
        for name in (
            "max_file_bytes",
            "max_text_bytes",
            "max_pdf_pages",
            "max_decompressed_bytes",
            "max_zip_members",
            "max_chars",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"Limits.{name} must be a positive integer, not {value!r}")
        if not (isinstance(self.max_parse_seconds, int | float) and self.max_parse_seconds > 0):
            raise ValueError(
                f"Limits.max_parse_seconds must be a positive number, not {self.max_parse_seconds!r}"
            )


DEFAULT_LIMITS = Limits()

#: Markup tags allowed per character of ``Limits.max_chars`` in a DOCX's XML or an HTML page, and the
#: least allowed whatever ``max_chars`` is. Word writes one or two per character of text; lxml keeps
#: ~130 bytes per element and Python's HTML parser takes ~4 s per million tags.
TAGS_PER_CHAR = 10
MIN_TAGS = 1_000_000


def max_markup_tags(limits: Limits) -> int:
    """The most tags a DOCX's XML parts or an HTML page may hold under ``limits``."""
    return max(TAGS_PER_CHAR * limits.max_chars, MIN_TAGS)


def human_size(n: int) -> str:
    """``1536`` -> ``"1.5 KB"``; used in limit messages."""
    if n >= MB:
        return f"{n / MB:.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.1f} KB".replace(".0 KB", " KB")
    return f"{n} bytes"


def short_detail(exc: BaseException, limit: int = 100) -> str:
    """An exception's message made safe for a one-line error: printable characters only, shortened."""
    text = " ".join(str(exc).split())
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text or type(exc).__name__


class Deadline:
    """A wall-clock budget that readers poll with :meth:`check` at natural checkpoints."""

    __slots__ = ("_end", "seconds", "source")

    def __init__(self, seconds: float, source: str) -> None:
        self.seconds = seconds
        self.source = source
        self._end = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() > self._end

    def check(self) -> None:
        """Raise :class:`LimitExceededError` if the budget is spent."""
        if time.monotonic() > self._end:
            raise LimitExceededError(
                f"took longer than the {self.seconds:g} s limit to read; is it really a CV or a job advert?",
                source=self.source,
            )

"""Reading CVs and job adverts into plain text, offline and within safety limits.

Public API:

* :func:`read_document` — a file path (``.pdf``, ``.docx``, ``.txt``, ``.md``/``.markdown``,
  ``.html``/``.htm``) or ``"-"`` for standard input -> :class:`Document`.
* :func:`read_text` — text already in memory -> :class:`Document`.
* :class:`Limits` — size, page, decompression, character and time limits (all overridable).

Every problem a user can cause raises :class:`gapcheck.errors.ReadError` (or its subclasses
:class:`~gapcheck.errors.UnsupportedFormatError` and :class:`~gapcheck.errors.LimitExceededError`)
whose ``str()`` is one line, ``"<path as given>: <problem>"``. No other exception escapes
:func:`read_document`, whatever bytes the file holds.

Plain text (``.txt``, ``.md``, standard input) is decoded and has its newlines normalised and its BOM
removed, nothing else: for a UTF-8 file ``Document.text == Path(f).read_text(encoding="utf-8")``.
Text extracted from PDF, DOCX and HTML is tidied (see :mod:`gapcheck.reading.cleanup`).

pdfminer.six and python-docx are imported only when a PDF or DOCX is read.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from gapcheck.errors import LimitExceededError, ReadError, UnsupportedFormatError
from gapcheck.reading.document import Document
from gapcheck.reading.limits import DEFAULT_LIMITS, Deadline, Limits, human_size, max_markup_tags
from gapcheck.reading.sniff import describe, sniff

__all__ = ["SUPPORTED_SUFFIXES", "Document", "Limits", "read_document", "read_text"]

_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMATS)
_SUPPORTED = ".pdf, .docx, .txt, .md, .markdown, .html, .htm (or - for standard input)"
_HINTS = {
    ".doc": "; save it as .docx or PDF",
    ".odt": "; save it as .docx or PDF",
    ".rtf": "; save it as .docx or PDF",
    ".pages": "; export it as .docx or PDF",
    ".xhtml": "; rename it to .html",
    ".mht": "; save the page as .html",
    ".mhtml": "; save the page as .html",
}


def read_text(text: str, *, source: str = "<text>", limits: Limits | None = None) -> Document:
    """Wrap text already in memory as a :class:`Document` (``format="text"``).

    A leading BOM is removed and newlines are normalised (``\\r\\n`` and ``\\r`` -> ``\\n``); nothing
    else changes.

    Raises:
        ReadError: if the text is empty or only whitespace.
        LimitExceededError: if it is longer than ``limits.max_chars``.
    """
    from gapcheck.reading.textdecode import normalise_newlines

    limits = limits or DEFAULT_LIMITS
    if not isinstance(text, str):
        raise TypeError(f"read_text() needs a str, not {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    text = normalise_newlines(text)
    if not text:
        raise ReadError("is empty", source=source)
    if text.isspace():
        raise ReadError("has no text (it is only whitespace)", source=source)
    _check_chars(text, source, limits)
    return Document(text=text, source=source, format="text")


def read_document(source: str | os.PathLike[str], *, limits: Limits | None = None) -> Document:
    """Read a CV or job advert from a file, or from standard input when ``source`` is ``"-"``.

    The format comes from the file's suffix (case-insensitive); the content is checked against it, so a
    ``.pdf`` that is really a Word file, or a ``.txt`` full of binary data, is refused with a clear
    message. Standard input may carry text (any common encoding), a PDF, a DOCX or an HTML page; its
    kind is recognised from its first bytes.

    Raises:
        ReadError: the file is missing, a directory, unreadable, empty, not what its suffix says,
            damaged, encrypted, has no text layer, ...
        UnsupportedFormatError: the suffix is not one gapcheck reads.
        LimitExceededError: the input is over one of ``limits``.
    """
    limits = limits or DEFAULT_LIMITS
    label = os.fsdecode(source) if isinstance(source, bytes) else os.fspath(source)
    try:
        return _read_document(label, limits)
    except ReadError as exc:
        if str(exc).isprintable():
            raise
        # A file name (or a suffix) with a newline, an escape sequence or a bidi override in it must not
        # break the one-line message or drive the terminal: show such characters escaped.
        shown = type(exc)(_escape(exc.problem), source=_escape(exc.source) if exc.source else None)
        raise shown from None


def _read_document(label: str, limits: Limits) -> Document:
    if label == "-":
        return _read_stdin(limits)
    path = Path(label)
    st = _stat(path, label)
    suffix = path.suffix.lower()
    fmt = _FORMATS.get(suffix)
    if fmt is None:
        if not suffix:
            raise UnsupportedFormatError(f"has no file extension; gapcheck reads {_SUPPORTED}", source=label)
        raise UnsupportedFormatError(
            f"unsupported file type '{suffix}'{_HINTS.get(suffix, '')}; gapcheck reads {_SUPPORTED}",
            source=label,
        )
    if fmt in ("txt", "md"):
        data = _load(path, label, st, limits.max_text_bytes, "text files", limits.max_parse_seconds)
    else:
        data = _load(path, label, st, limits.max_file_bytes, "documents", limits.max_parse_seconds)
    return _from_bytes(data, fmt, label, limits)


def _from_bytes(data: bytes, fmt: str, label: str, limits: Limits) -> Document:
    """The boundary: readers raise ReadError on purpose; anything else they raise becomes one."""
    try:
        return _parse(data, fmt, label, limits)
    except ReadError:
        raise
    except MemoryError:
        raise LimitExceededError("needs too much memory to read", source=label) from None
    except RecursionError:
        raise ReadError("is too deeply nested to read", source=label) from None
    # a reader's bug or a library's surprise must not escape as a traceback
    except Exception as exc:  # noqa: BLE001
        raise ReadError(f"could not be read as {fmt.upper()} ({type(exc).__name__})", source=label) from None


# -- internals -------------------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """Non-printable characters (controls, line and bidi marks, undecodable bytes) as Python escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _stat(path: Path, label: str) -> os.stat_result:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ReadError("no such file", source=label) from None
    except NotADirectoryError:
        raise ReadError("no such file (a folder on its path is a file)", source=label) from None
    except PermissionError:
        raise ReadError("cannot be read (permission denied)", source=label) from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise ReadError(f"cannot be read ({reason})", source=label) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("is a directory, not a file", source=label)
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        raise ReadError("is a device, not a file", source=label)
    return st


def _too_big(size: int | str, limit: int, what: str, label: str) -> LimitExceededError:
    shown = size if isinstance(size, str) else human_size(size)
    return LimitExceededError(f"is {shown}, over the {human_size(limit)} limit for {what}", source=label)


def _load(path: Path, label: str, st: os.stat_result, limit: int, what: str, wait: float) -> bytes:
    if stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise _too_big(st.st_size, limit, what, label)
    try:
        if stat.S_ISFIFO(st.st_mode):
            data = _read_pipe(path, limit + 1, wait)
        else:
            with open(path, "rb") as f:
                data = f.read(limit + 1)
    except PermissionError:
        raise ReadError("cannot be read (permission denied)", source=label) from None
    except IsADirectoryError:
        raise ReadError("is a directory, not a file", source=label) from None
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or type(exc).__name__})", source=label) from None
    if len(data) > limit:
        raise _too_big(f"more than {human_size(limit)}", limit, what, label)
    return data


def _read_pipe(path: Path, size: int, wait: float) -> bytes:
    """Up to ``size`` bytes from a named pipe, waiting at most ``wait`` seconds for a program to start
    writing to it (a plain ``open`` blocks until one does, forever if none ever does). Once a writer has
    appeared the pipe is read to its end, as a file would be; a pipe nobody writes to reads as empty."""
    import select
    import time

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # does not wait for a writer
    try:
        end = time.monotonic() + wait
        while True:
            try:
                first = os.read(fd, size)
            except BlockingIOError:  # a writer is there, with nothing written yet
                first = None
            if first:
                break
            if first is None:
                select.select([fd], [], [])
                continue
            # End of file: no writer yet (or one that wrote nothing and left).
            if time.monotonic() >= end:
                return b""
            time.sleep(0.02)
        os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as f:
            return first + f.read(size - len(first)) if len(first) < size else first
    finally:
        os.close(fd)


def _read_stdin(limits: Limits) -> Document:
    label = "-"
    cap = max(limits.max_file_bytes, limits.max_text_bytes)
    stdin = sys.stdin
    if stdin is None:
        raise ReadError("standard input is not available", source=label)
    stream = getattr(stdin, "buffer", None)
    try:
        if stream is not None:
            chunks: list[bytes] = []
            total = 0
            while total <= cap:
                chunk = stream.read(min(1 << 20, cap + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            data = b"".join(chunks)
        else:
            data = stdin.read(cap + 1).encode("utf-8", "surrogateescape")
    except OSError as exc:
        raise ReadError(
            f"standard input cannot be read ({exc.strerror or type(exc).__name__})", source=label
        ) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ReadError(f"standard input cannot be read ({type(exc).__name__})", source=label) from None
    kind = sniff(data)
    fmt = {"pdf": "pdf", "docx": "docx", "zip": "docx", "html": "html"}.get(kind or "", "txt")
    limit = limits.max_text_bytes if fmt == "txt" else limits.max_file_bytes
    if len(data) > limit:
        what = "text" if fmt == "txt" else "documents"
        raise LimitExceededError(
            f"standard input is more than {human_size(limit)}, over the limit for {what}", source=label
        )
    if not data:
        raise ReadError("standard input is empty", source=label)
    return _from_bytes(data, fmt, label, limits)


def _check_chars(text: str, source: str, limits: Limits) -> None:
    if len(text) > limits.max_chars:
        raise LimitExceededError(
            f"has {len(text):,} characters of text, over the limit of {limits.max_chars:,}", source=source
        )


def _not_a(fmt_name: str, data: bytes, label: str) -> ReadError:
    kind = sniff(data)
    looks = describe(kind)
    if kind == "text" and not data.strip():
        return ReadError("is empty (it contains only whitespace)", source=label)
    tail = f" (it looks like {looks})" if looks else ""
    return ReadError(f"is not a valid {fmt_name}{tail}", source=label)


def _parse(data: bytes, fmt: str, label: str, limits: Limits) -> Document:
    if not data:
        raise ReadError("is empty", source=label)
    deadline = Deadline(limits.max_parse_seconds, label)
    warnings: tuple[str, ...] = ()
    if fmt in ("txt", "md"):
        from gapcheck.reading.textdecode import decode_text

        text, _encoding, warnings = decode_text(data, label)
        _check_chars(text, label, limits)
        return Document(text=text, source=label, format=fmt, warnings=warnings)

    from gapcheck.reading.cleanup import clean_extracted

    if fmt == "pdf":
        if b"%PDF-" not in data[:1024]:
            raise _not_a("PDF", data, label)
        from gapcheck.reading.pdf_reader import read_pdf_bytes

        raw, warnings = read_pdf_bytes(data, label, limits, deadline)
    elif fmt == "docx":
        kind = sniff(data)
        if kind == "encrypted-office":
            raise ReadError("is encrypted (password-protected); save an unprotected copy", source=label)
        if kind == "ole":
            raise ReadError(
                "is an old-style Word .doc file, not a .docx; save it as .docx or PDF", source=label
            )
        if kind not in ("docx", "zip"):
            raise _not_a("DOCX (Word) file", data, label)
        from gapcheck.reading.docx_reader import read_docx_bytes

        raw = read_docx_bytes(data, label, limits, deadline)
    elif fmt == "html":
        raw, warnings = _html_text(data, label, limits, deadline)
    else:  # pragma: no cover - _FORMATS and the stdin sniffing only produce the formats above
        raise UnsupportedFormatError(f"unsupported format {fmt!r}", source=label)

    if len(raw) > 4 * limits.max_chars:
        _check_chars(raw, label, limits)
    text, cleanup_warnings = clean_extracted(raw, kind=fmt)
    if not text.strip():
        raise ReadError("has no text", source=label)
    _check_chars(text, label, limits)
    return Document(text=text, source=label, format=fmt, warnings=tuple(warnings) + cleanup_warnings)


def _html_text(data: bytes, label: str, limits: Limits, deadline: Deadline) -> tuple[str, tuple[str, ...]]:
    from gapcheck.reading.html_reader import html_charset, html_to_text
    from gapcheck.reading.textdecode import decode_text

    kind = sniff(data)
    if kind in ("pdf", "docx", "zip", "ole", "encrypted-office", "image"):
        raise _not_a("HTML page", data, label)
    text: str | None = None
    warnings: tuple[str, ...] = ()
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            declared = html_charset(data)
            if declared is not None:
                text = data.decode(declared, errors="replace")
                warnings = (f"decoded as {declared} (declared by the page)",)
    if text is None:
        text, _encoding, warnings = decode_text(data, label)
    text = text.removeprefix("\ufeff")
    return html_to_text(text, deadline=deadline, source=label, max_tags=max_markup_tags(limits)), warnings

"""Where listings come from: folders, documents, CSV and JSONL exports, texts and Documents in memory.

:func:`iter_tasks` turns what the user gave into a stream of :class:`Task` tuples, lazily, in a stable
order (folders are walked in sorted order). Nothing is read here except CSV and JSONL exports, which are
parsed row by row; documents are read by whoever analyses the task (a worker process, in parallel).

A task is one of

* ``(seq, "path", source, path, None)``: a document file to read with :func:`gapcheck.read_document`;
* ``(seq, "text", source, text, title)``: text already in memory (a CSV/JSONL row, a string);
* ``(seq, "doc", source, text, None)``: the text of a document already read (a Document, standard input);
* ``(seq, "error", source, message, title)``: a listing known to be unusable before reading (a JSONL
  line that is not JSON, a CSV without a text column); it becomes an error row as it is.

``seq`` numbers the tasks from 0 in input order; it breaks ties in the ranking and decides which of two
identical listings is kept (the first).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from gapcheck.reading import SUPPORTED_SUFFIXES, Document

#: Exports of saved jobs: one listing per row or line.
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
#: Document types gapcheck does not read but that are clearly listings; inside a folder they become error
#: rows with the reader's advice ("save it as .docx or PDF") rather than being skipped.
NEAR_MISS_SUFFIXES = (".doc", ".odt", ".rtf", ".pages", ".xhtml", ".mht", ".mhtml")

#: Column (CSV) or field (JSONL) names tried, in order, when no --text-column / --title-column is given.
#: Names match case-insensitively, with spaces and hyphens read as underscores.
DEFAULT_TEXT_COLUMNS = ("text", "description", "job_description", "jobdescription", "description_text",
                        "full_description", "body", "content")
DEFAULT_TITLE_COLUMNS = ("title", "job_title", "jobtitle", "position", "position_title", "role")


class Task(NamedTuple):
    seq: int
    kind: str  # "path" | "text" | "doc" | "error"
    source: str
    payload: str  # a path, a text or an error message
    title: str | None


def _norm_name(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def pick_column(names: Iterable[str], wanted: str | None, defaults: tuple[str, ...]) -> str | None:
    """The column among ``names`` that ``wanted`` (or else the first default present) refers to."""
    names = list(names)
    if wanted is not None:
        if wanted in names:
            return wanted
        by_norm = {_norm_name(n): n for n in names}
        return by_norm.get(_norm_name(wanted))
    by_norm = {}
    for n in names:
        by_norm.setdefault(_norm_name(n), n)
    for d in defaults:
        if d in by_norm:
            return by_norm[d]
    return None


def _looked_for(wanted: str | None, defaults: tuple[str, ...]) -> str:
    return repr(wanted) if wanted is not None else ", ".join(defaults)


def _shown_names(names: Iterable[str], limit: int = 12) -> str:
    names = [str(n) for n in names]
    more = f", … ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more if names else "none"


def _title_of(value: Any) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def is_listing_file(path: Path) -> bool:
    """True for the files a folder walk picks up (documents and near misses, not CSV/JSONL exports)."""
    suffix = path.suffix.lower()
    return suffix in SUPPORTED_SUFFIXES or suffix in NEAR_MISS_SUFFIXES


def walk_folder(folder: Path) -> Iterator[Path]:
    """Listing files under ``folder``, recursively, in sorted order; hidden files and folders skipped.

    Symbolic links to folders are not followed (no loops); links to files are read like files.
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.startswith("~$"):  # ~$ : Office lock files
                continue
            p = Path(root, name)
            if is_listing_file(p):
                yield p


# -- CSV and JSONL exports -------------------------------------------------------------------------------

_SAMPLE_BYTES = 1 << 20


def _text_encoding(path: Path) -> str:
    """The encoding to read a CSV/JSONL export with: UTF-8 (with or without BOM) unless its first
    megabyte says otherwise (spreadsheets on Windows save cp1252)."""
    with open(path, "rb") as f:
        sample = f.read(_SAMPLE_BYTES)
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    cut = sample.rfind(b"\n") if len(sample) == _SAMPLE_BYTES else len(sample)
    try:
        sample[: cut if cut > 0 else len(sample)].decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        from gapcheck.reading.textdecode import decode_text

        _, enc, _ = decode_text(sample, str(path))
        enc = enc.split(" ")[0]
        "".encode(enc)  # a codec Python knows?
        return enc
    except Exception:  # noqa: BLE001 - any doubt: cp1252 decodes every byte
        return "cp1252"


def _open_export(path: Path, label: str) -> io.TextIOBase | str:
    """The export opened as text, or an error message."""
    try:
        enc = _text_encoding(path)
        return open(path, encoding=enc, errors="replace", newline="")
    except FileNotFoundError:
        return f"{label}: no such file"
    except IsADirectoryError:
        return f"{label}: is a directory, not a file"
    except PermissionError:
        return f"{label}: cannot be read (permission denied)"
    except OSError as e:
        return f"{label}: cannot be read ({e.strerror or type(e).__name__})"


def _csv_rows(path: Path, label: str, text_column: str | None,
              title_column: str | None) -> Iterator[tuple[str, str, str, str | None]]:
    """``(kind, source, payload, title)`` per data row; the source is ``file.csv#N`` with N the row as a
    spreadsheet numbers it (the header is row 1)."""
    f = _open_export(path, label)
    if isinstance(f, str):
        yield "error", label, f, None
        return
    with f:
        # Job descriptions are long: lift the csv module's 128 KB field limit (gapcheck's own limits
        # apply to each listing's text afterwards).
        csv.field_size_limit(64 * 1024 * 1024)
        reader = csv.reader(f)
        try:
            header = next(reader, None)
        except csv.Error as e:
            yield "error", label, f"{label}: is not a valid CSV file ({e})", None
            return
        if not header:
            yield "error", label, f"{label}: is empty (no header row)", None
            return
        tcol = pick_column(header, text_column, DEFAULT_TEXT_COLUMNS)
        if tcol is None:
            yield ("error", label, f"{label}: has no text column (looked for "
                   f"{_looked_for(text_column, DEFAULT_TEXT_COLUMNS)}; columns: {_shown_names(header)}); "
                   "name it with --text-column", None)
            return
        hcol = pick_column(header, title_column, DEFAULT_TITLE_COLUMNS)
        if title_column is not None and hcol is None:
            yield ("error", label, f"{label}: has no title column {title_column!r} (columns: "
                   f"{_shown_names(header)})", None)
            return
        ti, hi = header.index(tcol), (header.index(hcol) if hcol is not None else None)
        n = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield "error", f"{label}#{n + 1}", f"{label}#{n + 1}: is not valid CSV ({e}); " \
                    "the rest of the file was not read", None
                return
            n += 1
            if not row:  # a blank line
                continue
            src = f"{label}#{n}"
            title = _title_of(row[hi]) if hi is not None and hi < len(row) else None
            if ti >= len(row):
                yield "error", src, f"{src}: has no value in column {tcol!r}", title
                continue
            yield "text", src, row[ti], title


def _jsonl_rows(path: Path, label: str, text_column: str | None,
                title_column: str | None) -> Iterator[tuple[str, str, str, str | None]]:
    """``(kind, source, payload, title)`` per non-blank line; the source is ``file.jsonl#N`` with N the
    line number."""
    f = _open_export(path, label)
    if isinstance(f, str):
        yield "error", label, f, None
        return
    with f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            src = f"{label}#{n}"
            try:
                obj = json.loads(line)
            except ValueError as e:
                yield "error", src, f"{src}: is not valid JSON ({getattr(e, 'msg', e)})", None
                continue
            if not isinstance(obj, dict):
                yield "error", src, f"{src}: is not a JSON object", None
                continue
            yield _from_mapping(obj, src, text_column, title_column)


def _from_mapping(obj: Mapping, src: str, text_column: str | None,
                  title_column: str | None) -> tuple[str, str, str, str | None]:
    keys = [k for k in obj if isinstance(k, str)]
    hkey = pick_column(keys, title_column, DEFAULT_TITLE_COLUMNS)
    title = _title_of(obj[hkey]) if hkey is not None else None
    tkey = pick_column(keys, text_column, DEFAULT_TEXT_COLUMNS)
    if tkey is None:
        return ("error", src, f"{src}: has no text field (looked for "
                f"{_looked_for(text_column, DEFAULT_TEXT_COLUMNS)}; fields: {_shown_names(keys)})", title)
    value = obj[tkey]
    if not isinstance(value, str):
        what = "is empty" if value is None else f"is a {type(value).__name__}, not text"
        return "error", src, f"{src}: field {tkey!r} {what}", title
    return "text", src, value, title


# -- everything together --------------------------------------------------------------------------------


def _is_path_like(item: Any) -> bool:
    return isinstance(item, (os.PathLike, bytes))


def _str_is_path(s: str) -> bool:
    """Is a string in a list of listings a path (else it is a listing's text)?

    An existing path is a path; text with a line break, or longer than any path, is text; otherwise a
    string that looks like a file name (a known suffix, or a folder separator) is a path (a missing one
    becomes a "no such file" error row rather than being analysed as text). Wrap texts with
    :func:`gapcheck.read_text`, or paths with :class:`pathlib.Path`, to say which you mean.
    """
    if s == "-":
        return True  # standard input, as everywhere in gapcheck
    if "\n" in s or len(s) > 4096 or not s.strip():
        return False
    try:
        if os.path.exists(s):
            return True
    except (OSError, ValueError):
        return False
    suffix = os.path.splitext(s)[1].lower()
    if suffix in SUPPORTED_SUFFIXES or suffix in TABLE_SUFFIXES or suffix in NEAR_MISS_SUFFIXES:
        return " " not in suffix
    return os.sep in s or (os.altsep is not None and os.altsep in s)


def _expand_path(p: str, text_column: str | None, title_column: str | None,
                 limits=None) -> Iterator[tuple[str, str, str, str | None]]:
    if p == "-":  # standard input is this process's: read it here, not in a worker
        from gapcheck.errors import GapcheckError
        from gapcheck.reading import read_document

        try:
            yield "doc", "-", read_document("-", limits=limits).text, None
        except GapcheckError as e:
            yield "error", "-", str(e), None
        return
    path = Path(p)
    if path.is_dir():
        for f in walk_folder(path):
            yield "path", str(f), str(f), None
        return
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path, p, text_column, title_column)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _jsonl_rows(path, p, text_column, title_column)
    else:
        yield "path", p, p, None  # the reader decides (missing, unsupported, broken ...)


def iter_tasks(listings: Any, *, text_column: str | None = None, title_column: str | None = None,
               limits=None) -> Iterator[Task]:
    """The listings as a lazy stream of :class:`Task`; see the module docstring.

    Args:
        listings: a path (folder, document, ``.csv``, ``.jsonl``), a :class:`~gapcheck.reading.Document`,
            a pandas DataFrame, or an iterable of paths, texts, Documents and mappings (``{"text": ...,
            "title": ...}``).
        text_column, title_column: the CSV column / JSONL field (or mapping key, DataFrame column) with
            a listing's text and its title; defaults :data:`DEFAULT_TEXT_COLUMNS`,
            :data:`DEFAULT_TITLE_COLUMNS`.
        limits: :class:`~gapcheck.reading.Limits` for standard input, read here (files are read by whoever
            analyses their task).
    """
    seq = 0

    def items() -> Iterator[tuple[str, str, str, str | None]]:
        if isinstance(listings, (str, os.PathLike, bytes)):
            yield from _expand_path(os.fsdecode(listings), text_column, title_column, limits)
            return
        if isinstance(listings, Document):
            yield "doc", listings.source, listings.text, None
            return
        if hasattr(listings, "to_dict") and hasattr(listings, "columns"):  # a pandas DataFrame
            yield from _frame_rows(listings, text_column, title_column)
            return
        if isinstance(listings, Mapping):
            yield _from_mapping(listings, "<listing 1>", text_column, title_column)
            return
        for n, item in enumerate(listings, 1):
            if isinstance(item, Document):
                src = item.source if item.source not in ("<text>", "") else f"<text {n}>"
                yield "doc", src, item.text, None
            elif _is_path_like(item):
                yield from _expand_path(os.fsdecode(item), text_column, title_column, limits)
            elif isinstance(item, str):
                if _str_is_path(item):
                    yield from _expand_path(item, text_column, title_column, limits)
                else:
                    yield "text", f"<text {n}>", item, None
            elif isinstance(item, Mapping):
                yield _from_mapping(item, f"<listing {n}>", text_column, title_column)
            else:
                yield ("error", f"<listing {n}>", f"<listing {n}>: is a {type(item).__name__}, not a path, "
                       "text or Document", None)

    for kind, source, payload, title in items():
        yield Task(seq, kind, source, payload, title)
        seq += 1


def _frame_rows(df: Any, text_column: str | None,
                title_column: str | None) -> Iterator[tuple[str, str, str, str | None]]:
    cols = [str(c) for c in df.columns]
    tcol = pick_column(cols, text_column, DEFAULT_TEXT_COLUMNS)
    if tcol is None:
        yield ("error", "<DataFrame>", f"<DataFrame>: has no text column (looked for "
               f"{_looked_for(text_column, DEFAULT_TEXT_COLUMNS)}; columns: {_shown_names(cols)})", None)
        return
    hcol = pick_column(cols, title_column, DEFAULT_TITLE_COLUMNS)
    use = [tcol] + ([hcol] if hcol else [])
    for idx, rec in zip(df.index, df[use].itertuples(index=False, name=None)):
        src = f"<row {idx}>"
        title = _title_of(rec[1]) if hcol and isinstance(rec[1], str) else None
        value = rec[0]
        if not isinstance(value, str):
            yield "error", src, f"{src}: column {tcol!r} has no text", title
        else:
            yield "text", src, value, title


def count_listings(listings: Any) -> int | None:
    """How many tasks :func:`iter_tasks` will yield, when that is cheap to know (for a progress bar):
    folders are walked and JSONL lines counted; None when a CSV or an iterator is involved."""
    if isinstance(listings, (str, os.PathLike)):
        items: list = [listings]
    elif isinstance(listings, (list, tuple)):
        items = list(listings)
    else:
        return None
    total = 0
    for item in items:
        if isinstance(item, Document):
            total += 1
            continue
        if isinstance(item, str) and not _str_is_path(item):
            total += 1
            continue
        if not isinstance(item, (str, os.PathLike)):
            return None
        p = Path(item)
        try:
            if p.is_dir():
                total += sum(1 for _ in walk_folder(p))
            elif p.suffix.lower() in (".jsonl", ".ndjson"):
                with open(p, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            elif p.suffix.lower() == ".csv":
                return None
            else:
                total += 1
        except OSError:
            total += 1
    return total

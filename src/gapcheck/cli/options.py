"""Options and helpers shared by the commands."""

from __future__ import annotations

import math
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from gapcheck.errors import GapcheckError
from gapcheck.reading.limits import DEFAULT_LIMITS as _D
from gapcheck.reading.limits import MB as _MB
from gapcheck.reading.limits import Limits

HELP_OUTPUT = "Write to this file instead of standard output."


class DocType(str, Enum):
    auto = "auto"
    cv = "cv"
    advert = "advert"


def emit(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise GapcheckError(f"cannot write the report ({e.strerror or e})", source=_shown(str(output))) from None


def _shown(path: str) -> str:
    """A path for a one-line message: control characters (a newline in a file name) escaped."""
    return path if path.isprintable() else "".join(c if c.isprintable() else ascii(c)[1:-1] for c in path)


# -- reading limits ------------------------------------------------------------------------------------
#
# Every command that reads documents takes the same limit options. Add them to a command's signature and
# build the Limits with limits_from_options:
#
#     def cmd(..., max_file_mb: MaxFileMB = None, max_text_mb: MaxTextMB = None, max_pages: MaxPages = None,
#             max_decompressed_mb: MaxDecompressedMB = None, max_parse_seconds: MaxParseSeconds = None,
#             max_chars: MaxChars = None) -> None:
#         limits = limits_from_options(max_file_mb=max_file_mb, max_text_mb=max_text_mb, max_pages=max_pages,
#                                      max_decompressed_mb=max_decompressed_mb,
#                                      max_parse_seconds=max_parse_seconds, max_chars=max_chars)
#
# An option left out keeps the default of gapcheck.reading.Limits (see docs/limits.md).

LIMITS_PANEL = "Limits (see docs/limits.md)"


def _num(x: float) -> str:
    return f"{x:g}"


def _option(name: str, metavar: str, help: str):  # noqa: A002
    return typer.Option(name, metavar=metavar, show_default=False, rich_help_panel=LIMITS_PANEL, help=help)


MaxFileMB = Annotated[Optional[float], _option(
    "--max-file-mb", "MB",
    f"Refuse a PDF, DOCX or HTML file bigger than this (default {_num(_D.max_file_bytes / _MB)} MB).")]
MaxTextMB = Annotated[Optional[float], _option(
    "--max-text-mb", "MB",
    f"Refuse a plain-text or Markdown file, or standard input, bigger than this "
    f"(default {_num(_D.max_text_bytes / _MB)} MB).")]
MaxPages = Annotated[Optional[int], _option(
    "--max-pages", "N", f"Refuse a PDF with more pages than this (default {_D.max_pdf_pages}).")]
MaxDecompressedMB = Annotated[Optional[float], _option(
    "--max-decompressed-mb", "MB",
    f"Refuse a DOCX that unpacks, or a PDF stream that expands, to more than this "
    f"(default {_num(_D.max_decompressed_bytes / _MB)} MB).")]
MaxParseSeconds = Annotated[Optional[float], _option(
    "--max-parse-seconds", "S",
    f"Give up reading a document after this many seconds (default {_num(_D.max_parse_seconds)}).")]
MaxChars = Annotated[Optional[int], _option(
    "--max-chars", "N", f"Refuse a document with more characters of text than this (default {_D.max_chars:,}).")]


def _positive(value: float | None, option: str) -> float | None:
    if value is not None and not (value > 0 and math.isfinite(value)):
        raise typer.BadParameter(f"must be a number more than 0, not {value:g}", param_hint=f"'{option}'")
    return value


def _mb_to_bytes(value: float | None, option: str) -> int | None:
    value = _positive(value, option)
    return None if value is None else max(1, round(value * _MB))


def limits_from_options(
    *,
    max_file_mb: float | None = None,
    max_text_mb: float | None = None,
    max_pages: int | None = None,
    max_decompressed_mb: float | None = None,
    max_parse_seconds: float | None = None,
    max_chars: int | None = None,
    base: Limits | None = None,
) -> Limits:
    """The :class:`~gapcheck.reading.Limits` the limit options ask for; ``None`` keeps ``base``'s value
    (default: gapcheck's defaults). A value that is not more than 0 is a usage error (``BadParameter``)."""
    base = base or _D
    changes: dict[str, int | float] = {}
    for field, value in (
        ("max_file_bytes", _mb_to_bytes(max_file_mb, "--max-file-mb")),
        ("max_text_bytes", _mb_to_bytes(max_text_mb, "--max-text-mb")),
        ("max_pdf_pages", _positive(max_pages, "--max-pages")),
        ("max_decompressed_bytes", _mb_to_bytes(max_decompressed_mb, "--max-decompressed-mb")),
        ("max_parse_seconds", _positive(max_parse_seconds, "--max-parse-seconds")),
        ("max_chars", _positive(max_chars, "--max-chars")),
    ):
        if value is not None:
            changes[field] = value
    return replace(base, **changes) if changes else base

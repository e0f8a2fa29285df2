"""``gapcheck CV ADVERT`` (``gapcheck analyze``): one CV against one advert."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from gapcheck.cli import app
from gapcheck.cli.custom import SkillsOption, extractor_for
from gapcheck.cli.options import (
    HELP_OUTPUT,
    MaxChars,
    MaxDecompressedMB,
    MaxFileMB,
    MaxPages,
    MaxParseSeconds,
    MaxTextMB,
    emit,
    limits_from_options,
)
from gapcheck.errors import GapcheckError

HELP_CV = "Your CV: PDF, DOCX, TXT, Markdown or HTML; - reads standard input."
HELP_ADVERT = "The job advert: PDF, DOCX, TXT, Markdown or HTML (a saved job page); - reads standard input."


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    md = "md"
    html = "html"


@app.command("analyze")
def analyze_cmd(
    cv: Annotated[str, typer.Argument(help=HELP_CV, show_default=False, metavar="CV")],
    advert: Annotated[str, typer.Argument(help=HELP_ADVERT, show_default=False, metavar="ADVERT")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=HELP_OUTPUT)] = None,
    skills: SkillsOption = None,
    max_file_mb: MaxFileMB = None,
    max_text_mb: MaxTextMB = None,
    max_pages: MaxPages = None,
    max_decompressed_mb: MaxDecompressedMB = None,
    max_parse_seconds: MaxParseSeconds = None,
    max_chars: MaxChars = None,
) -> None:
    """Analyse a CV against one job advert (the default command: `gapcheck CV ADVERT`).

    Example: gapcheck cv.pdf advert.txt --format json
    """
    if cv == "-" and advert == "-":
        raise GapcheckError("only one of CV and ADVERT can be read from standard input", source="-")
    from gapcheck.api import analyze

    from gapcheck.reading import read_document

    # Read both files before loading the pipeline, so a bad file is reported at once.
    limits = limits_from_options(max_file_mb=max_file_mb, max_text_mb=max_text_mb, max_pages=max_pages,
                                 max_decompressed_mb=max_decompressed_mb, max_parse_seconds=max_parse_seconds,
                                 max_chars=max_chars)
    cv_doc, ad_doc = read_document(cv, limits=limits), read_document(advert, limits=limits)
    report = analyze(cv_doc, ad_doc, extractor=extractor_for(skills))
    if fmt is ReportFormat.json:
        emit(report.to_json(), output)
    elif fmt in (ReportFormat.markdown, ReportFormat.md):
        emit(report.to_markdown(), output)
    elif fmt is ReportFormat.html:
        emit(report.to_html(), output)
    else:
        from gapcheck.reporting.terminal import render_terminal

        if output is None:
            render_terminal(report)
        else:
            try:
                with open(output, "w", encoding="utf-8") as f:
                    render_terminal(report, file=f, width=120)
            except OSError as e:
                raise GapcheckError(f"cannot write the report ({e.strerror or e})", source=str(output)) from None



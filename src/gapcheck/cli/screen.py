"""``gapcheck screen CV LISTINGS...``: rank saved job listings by how well the CV fits them."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from gapcheck.cli import app
from gapcheck.cli.analyze import HELP_CV
from gapcheck.cli.custom import SkillsOption, custom_skill_files
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

HELP_LISTINGS = ("Job listings: folders (read recursively: .txt, .md, .html, .pdf, .docx), single documents, "
                 "or CSV / JSONL exports of saved jobs (one listing per row).")

#: Error lines printed on standard error before they are summarised (all are in the output rows).
MAX_ERROR_LINES = 20


class ScreenFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    html = "html"


@app.command("screen")
def screen_cmd(
    cv: Annotated[str, typer.Argument(help=HELP_CV, show_default=False, metavar="CV")],
    listings: Annotated[list[str], typer.Argument(help=HELP_LISTINGS, show_default=False,
                                                  metavar="LISTINGS...")],
    fmt: Annotated[ScreenFormat, typer.Option("--format", "-f", help="Output format.")] = ScreenFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=HELP_OUTPUT)] = None,
    top: Annotated[Optional[int], typer.Option("--top", "-k", min=1, help="Keep only the K best listings "
                                               "(listings that failed are always listed).")] = None,
    min_match: Annotated[Optional[int], typer.Option("--min-match", min=0, max=100, help="Keep only "
                                                     "listings matching at least this much (0-100).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: one per CPU).")] = 1,
    text_column: Annotated[Optional[str], typer.Option(
        "--text-column", help="CSV column / JSONL field with the listing's text (default: the first of text, "
        "description, job_description ... that exists).")] = None,
    title_column: Annotated[Optional[str], typer.Option(
        "--title-column", help="CSV column / JSONL field with the listing's title (default: the first of "
        "title, job_title, position ... that exists).")] = None,
    gaps: Annotated[int, typer.Option("--gaps", min=0,
                                      help="Missing required skills named per listing.")] = 3,
    progress: Annotated[Optional[bool], typer.Option(
        "--progress/--no-progress", help="Show a progress bar on standard error (default: when it is a "
        "terminal).", show_default=False)] = None,
    skills: SkillsOption = None,
    max_file_mb: MaxFileMB = None,
    max_text_mb: MaxTextMB = None,
    max_pages: MaxPages = None,
    max_decompressed_mb: MaxDecompressedMB = None,
    max_parse_seconds: MaxParseSeconds = None,
    max_chars: MaxChars = None,
) -> None:
    """Rank job listings by how well your CV fits them: match, required-skill coverage and what is missing.

    Each listing gets the score `gapcheck CV ADVERT` would give it. Identical listings are reported once;
    one that cannot be read becomes an error row (listed after the others) and the exit status is 1.
    Example: gapcheck screen cv.pdf saved_jobs/ jobs.csv --top 20 --jobs 2
    """
    if cv == "-" and "-" in listings:
        raise GapcheckError("only one of CV and LISTINGS can be read from standard input", source="-")
    from gapcheck.screening import count_listings, prepare_cv, run_screen

    from gapcheck.reading import read_document

    # The same limits for the CV and every listing (a listing over one becomes an error row).
    limits = limits_from_options(max_file_mb=max_file_mb, max_text_mb=max_text_mb, max_pages=max_pages,
                                 max_decompressed_mb=max_decompressed_mb, max_parse_seconds=max_parse_seconds,
                                 max_chars=max_chars)
    cv_doc = read_document(cv, limits=limits)  # an unreadable CV stops here, before the pipeline loads
    from gapcheck.extraction import load_extractor

    custom = custom_skill_files(skills)  # as gapcheck CV ADVERT: gapcheck.toml's custom skills, then --skills
    extractor = load_extractor(custom_skills=custom)
    prepared = prepare_cv(cv_doc, extractor=extractor)
    show = sys.stderr.isatty() if progress is None else progress
    bar = _Progress(count_listings(listings)) if show else None
    try:
        result = run_screen(prepared, listings, top=top, min_match=min_match, jobs=jobs,
                            text_column=text_column, title_column=title_column, gaps=gaps, limits=limits,
                            skills=custom, extractor=extractor, on_progress=bar.update if bar else None)
    finally:
        if bar:
            bar.stop()

    rows = result.rows
    if fmt is ScreenFormat.json:
        import json

        emit(json.dumps(rows, ensure_ascii=False, indent=2), output)
    elif fmt is ScreenFormat.jsonl:
        import json

        emit("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), output)
    elif fmt is ScreenFormat.csv:
        emit(_csv(rows), output)
    elif fmt is ScreenFormat.html:
        from gapcheck.reporting.render import render_screen_html

        emit(render_screen_html(rows, cv=Path(result.cv_source).name), output)
    elif output is None:
        _table(result, sys.stdout)
    else:
        try:
            with open(output, "w", encoding="utf-8") as f:
                _table(result, f, width=160)
        except OSError as e:
            raise GapcheckError(f"cannot write the report ({e.strerror or e})", source=str(output)) from None

    errors = [r["error"] for r in rows if r["status"] != "ok"]
    for msg in errors[:MAX_ERROR_LINES]:
        print(f"gapcheck: error: {msg}", file=sys.stderr)
    if len(errors) > MAX_ERROR_LINES:
        print(f"gapcheck: error: … and {len(errors) - MAX_ERROR_LINES} more listings that could not be "
              "read (see the error rows)", file=sys.stderr)
    if result.failed or result.duplicates:
        print(f"gapcheck: {_summary(result)}", file=sys.stderr)
    if result.failed:
        raise typer.Exit(1)


def _summary(result: Any) -> str:
    n = result.screened + result.failed + result.duplicates
    parts = [f"{result.screened} ranked"]
    if result.failed:
        parts.append(f"{result.failed} could not be read")
    if result.duplicates:
        parts.append(f"{result.duplicates} duplicate{'s' if result.duplicates != 1 else ''} skipped")
    if result.below_min:
        parts.append(f"{result.below_min} below the minimum match")
    return f"{n} listing{'s' if n != 1 else ''}: " + ", ".join(parts)


def _csv(rows: list[dict]) -> str:
    import csv
    import io

    from gapcheck.screening import COLUMNS

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow(["; ".join(r[c]) if c == "top_gaps" else ("" if r[c] is None else r[c]) for c in COLUMNS])
    return buf.getvalue()


def _table(result: Any, file, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file, width=width)
    table = Table(title=f"Best fit first for {Path(result.cv_source).name}", title_justify="left",
                  caption=_summary(result), caption_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("match", justify="right")
    table.add_column("req.", justify="right")
    table.add_column("title", overflow="fold", ratio=3)
    table.add_column("top missing required skills", overflow="fold", ratio=3)
    table.add_column("source", overflow="fold", ratio=2, style="dim")
    rank = 0
    for r in result.rows:
        if r["status"] == "ok":
            rank += 1
            m = r["match"]
            style = "bold green" if m >= 60 else "yellow" if m >= 35 else "red"
            table.add_row(str(rank), Text(str(m), style=style), f"{r['required_coverage']:.0%}",
                          r["title"] or "", ", ".join(r["top_gaps"]) or "—", _short(r["source"]))
        else:
            table.add_row("", Text("error", style="bold red"), "", r["title"] or "",
                          Text(r["error"], style="red"), _short(r["source"]))
    console.print(table)


def _short(source: str) -> str:
    """A source as the table shows it: the file name (and row), the folders are in the JSON/CSV output."""
    return Path(source).name or source


class _Progress:
    """A rich progress bar on standard error, started at the first update (after any worker processes
    have been forked, so no display thread is running when they are)."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self._p = None
        self._task = None

    def update(self, done: int) -> None:
        if self._p is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                ProgressColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.text import Text

            class Rate(ProgressColumn):
                def render(self, task) -> Text:
                    return Text(f"{task.speed:.0f}/s" if task.speed else "", style="progress.data.speed")

            self._p = Progress(SpinnerColumn(), TextColumn("screening"), BarColumn(), MofNCompleteColumn(),
                               Rate(), TimeElapsedColumn(), TimeRemainingColumn(),
                               console=Console(stderr=True), transient=True)
            self._task = self._p.add_task("screening", total=self.total)
            self._p.start()
        self._p.update(self._task, completed=done)

    def stop(self) -> None:
        if self._p is not None:
            self._p.stop()

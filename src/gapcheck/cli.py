"""The ``gapcheck`` command: a thin layer over the library (see :mod:`gapcheck.api`).

    gapcheck CV ADVERT [--format table|json|markdown] [-o FILE]
    gapcheck skills FILE... [--format jsonl|json|table]

Data goes to standard output, messages to standard error. Exit status: 0 ok, 1 an input was refused
(the message names the file and the problem), 2 usage error, 3 internal error.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from gapcheck.errors import GapcheckError

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="How your CV stands against a job advert: matched skills, gaps, over-stretched claims and what "
    "to fix first. Runs fully offline.",
)

COMMANDS = {"analyze", "skills"}

HELP_CV = "Your CV: PDF, DOCX, TXT, Markdown or HTML; - reads standard input."
HELP_ADVERT = "The job advert: PDF, DOCX, TXT, Markdown or HTML (a saved job page); - reads standard input."
HELP_OUTPUT = "Write the report to this file instead of standard output."


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    md = "md"


class SkillsFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class DocType(str, Enum):
    auto = "auto"
    cv = "cv"
    advert = "advert"


def _emit(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise GapcheckError(f"cannot write the report ({e.strerror or e})", source=str(output)) from None


@app.command("analyze")
def analyze_cmd(
    cv: Annotated[str, typer.Argument(help=HELP_CV, show_default=False, metavar="CV")],
    advert: Annotated[str, typer.Argument(help=HELP_ADVERT, show_default=False, metavar="ADVERT")],
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help=HELP_OUTPUT)] = None,
) -> None:
    """Analyse a CV against one job advert (the default command: `gapcheck CV ADVERT`).

    Example: gapcheck cv.pdf advert.txt --format json
    """
    if cv == "-" and advert == "-":
        raise GapcheckError("only one of CV and ADVERT can be read from standard input", source="-")
    from gapcheck.api import analyze

    report = analyze(cv, advert)
    if fmt is ReportFormat.json:
        _emit(report.to_json(), output)
    elif fmt in (ReportFormat.markdown, ReportFormat.md):
        _emit(report.to_markdown(), output)
    else:
        from gapcheck.reporting.terminal import render_terminal

        if output is None:
            render_terminal(report)
        else:
            with open(output, "w", encoding="utf-8") as f:
                render_terminal(report, file=f, width=120)


@app.command("skills")
def skills_cmd(
    files: Annotated[list[str], typer.Argument(help="Documents to read (any supported type; - for stdin).")],
    fmt: Annotated[SkillsFormat, typer.Option("--format", "-f", help="Output format.")] = SkillsFormat.jsonl,
    doc_type: Annotated[DocType, typer.Option("--as", help="Section the files as CVs or adverts; auto "
                                              "guesses from their headings.")] = DocType.auto,
) -> None:
    """List the skills found in each file, one mention per entry with its offsets.

    With --format jsonl, one line per file: {"source", "skills": [{"id", "name", "kind", "text",
    "section", "start", "end"}]}; a file that cannot be read gets {"source", "error"} and the exit
    status is 1. Example: gapcheck skills cv.pdf listings/*.txt
    """
    from gapcheck.extraction import load_extractor
    from gapcheck.reading import read_document
    from gapcheck.sectioning import section_at
    from gapcheck.sectioning.guess import guess_doc_type_and_sections

    ex = load_extractor()
    failed = 0
    rows_out: list[dict] = []

    def docs():
        nonlocal failed
        for f in files:
            try:
                doc = read_document(f)
            except GapcheckError as e:
                failed += 1
                yield f, None, str(e)
                continue
            yield f, doc, None

    def stream():
        # Documents flow through nlp.pipe in batches; unreadable ones become error rows in order.
        pending: list = []
        for item in docs():
            pending.append(item)
            if len(pending) >= 64:
                yield from _extract_batch(ex, pending)
                pending = []
        yield from _extract_batch(ex, pending)

    def _extract_batch(ex, batch):
        good = [(f, d) for f, d, err in batch if d is not None]
        results = iter(ex.extract_texts([d.text for _, d in good]))
        for f, d, err in batch:
            if d is None:
                yield {"source": f, "error": err}
                continue
            mentions = next(results)
            dt, sections = guess_doc_type_and_sections(d.text, None if doc_type is DocType.auto
                                                       else doc_type.value)
            yield {"source": f, "skills": [
                {"id": m.skill_id, "name": m.name, "kind": m.kind, "text": m.text,
                 "section": section_at(sections, m.start), "start": m.start, "end": m.end}
                for m in mentions]}

    if fmt is SkillsFormat.jsonl:
        for row in stream():
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            if "error" in row:
                print(f"gapcheck: error: {row['error']}", file=sys.stderr)
    else:
        rows_out = list(stream())
        for row in rows_out:
            if "error" in row:
                print(f"gapcheck: error: {row['error']}", file=sys.stderr)
        if fmt is SkillsFormat.json:
            sys.stdout.write(json.dumps(rows_out, ensure_ascii=False, indent=2) + "\n")
        else:
            from rich.console import Console
            from rich.table import Table

            t = Table("source", "skill", "kind", "text", "section", "start", "end")
            for row in rows_out:
                for s in row.get("skills", []):
                    t.add_row(row["source"], s["name"], s["kind"], s["text"], s["section"], str(s["start"]),
                              str(s["end"]))
            Console().print(t)
    if failed:
        raise typer.Exit(1)


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``gapcheck CV ADVERT`` runs ``analyze``; errors become one line on stderr."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and not args[0].startswith("-"):
        args.insert(0, "analyze")
    try:
        rc = app(args=args, prog_name="gapcheck", standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except GapcheckError as e:
        print(f"gapcheck: error: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("gapcheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as e:  # click usage errors and anything unexpected
        # typer ships its own copy of click, so match click's exceptions by what they offer.
        if hasattr(e, "show") and isinstance(getattr(e, "exit_code", None), int):
            e.show()  # usage errors: "Usage: ... Error: Missing argument 'ADVERT'."
            sys.exit(e.exit_code)
        if type(e).__name__ == "Abort":
            print("gapcheck: aborted", file=sys.stderr)
            sys.exit(1)
        if os.environ.get("GAPCHECK_DEBUG"):
            raise
        msg = " ".join(str(e).split())[:300]
        print(f"gapcheck: internal error: {type(e).__name__}: {msg} (set GAPCHECK_DEBUG=1 for details)",
              file=sys.stderr)
        sys.exit(3)

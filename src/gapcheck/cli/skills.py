"""``gapcheck skills FILE...``: the skill mentions of each file, with offsets."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from gapcheck.cli import app
from gapcheck.cli.custom import SkillsOption, extractor_for
from gapcheck.cli.options import DocType
from gapcheck.errors import GapcheckError


class SkillsFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.command("skills")
def skills_cmd(
    files: Annotated[list[str], typer.Argument(help="Documents to read (any supported type; - for stdin).")],
    fmt: Annotated[SkillsFormat, typer.Option("--format", "-f", help="Output format.")] = SkillsFormat.jsonl,
    doc_type: Annotated[DocType, typer.Option("--as", help="Section the files as CVs or adverts; auto "
                                              "guesses from their headings.")] = DocType.auto,
    skills: SkillsOption = None,
) -> None:
    """List the skills found in each file, one mention per entry with its offsets.

    With --format jsonl, one line per file: {"source", "skills": [{"id", "name", "kind", "text",
    "section", "start", "end"}]}; a file that cannot be read gets {"source", "error"} and the exit
    status is 1. In adverts, skill phrases the taxonomy does not name but the span tagger finds
    ("translate business needs into requirements") are listed with id null. Example: gapcheck skills
    cv.pdf listings/*.txt
    """
    from gapcheck.reading import read_document
    from gapcheck.sectioning import section_at
    from gapcheck.sectioning.guess import guess_doc_type_and_sections

    ex = extractor_for(skills)
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
        typed = [guess_doc_type_and_sections(d.text, None if doc_type is DocType.auto else doc_type.value)
                 for _, d in good]
        # Adverts also get the span tagger's phrases the taxonomy does not name (id null).
        found: list = [None] * len(good)
        for kind in ("advert", "cv"):
            idx = [i for i, (dt, _) in enumerate(typed) if (dt == "advert") == (kind == "advert")]
            texts = [good[i][1].text for i in idx]
            kw = {"doc_type": "advert", "unnamed": True} if kind == "advert" else {}
            for i, mentions in zip(idx, ex.extract_texts(texts, **kw)):
                found[i] = mentions
        results = iter(zip(found, typed))
        for f, d, err in batch:
            if d is None:
                yield {"source": f, "error": err}
                continue
            mentions, (_, sections) = next(results)
            yield {"source": f, "skills": [
                {"id": m.skill_id or None, "name": m.name, "kind": m.kind, "text": m.text,
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



"""The default terminal report, drawn with rich (tables that fit the terminal width, colour when it is
a terminal, plain text when piped)."""

from __future__ import annotations

import re
from typing import TextIO

from gapcheck.gaps.actions import quote as _quote
from gapcheck.reporting.model import Report


#: Control characters (ESC, BEL, backspace ...) and bidirectional overrides: text from a document must not
#: drive the terminal, so they are dropped from everything printed (tabs and newlines are kept).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    return _CONTROL.sub("", text)


def quote(*args, **kwargs) -> str:
    return clean(_quote(*args, **kwargs))


def render_terminal(report: Report, *, file: TextIO | None = None, width: int | None = None) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    con = Console(file=file, width=width, highlight=False, soft_wrap=False)
    if width is None and not con.is_terminal:
        con.width = 110  # piped output: wide enough for the tables, still readable in an editor
    sc = report.score
    colour = "green" if sc.match >= 70 else "yellow" if sc.match >= 45 else "red"
    title = clean(report.advert.title or report.advert.source)
    con.print(Text.assemble(("gapcheck ", "bold"), (clean(report.cv.source), "cyan"), " against ", (title, "cyan")))
    con.print(Text.assemble(
        ("Match ", "bold"), (f"{sc.match}/100", f"bold {colour}"),
        f"   required skills covered {round(100 * sc.required_coverage)}%",
        f" · preferred {round(100 * sc.preferred_coverage)}%",
        f" · text similarity {sc.similarity:.2f}",
    ))
    con.print()
    con.print(Text("The three things to address", style="bold underline"))
    if report.actions:
        for i, a in enumerate(report.actions, 1):
            con.print(Text(clean(f"{i}. {a.text}")))
    else:
        con.print("Nothing stands out: the CV covers what the advert asks for.")
    con.print()

    def cell(name: str, snippet: str) -> Text:
        return Text.assemble((name, "bold"), "\n", (snippet, "dim"))

    if report.gaps:
        t = Table(title="Gaps: asked for by the advert, not shown in the CV", title_justify="left",
                  box=box.SIMPLE_HEAD, expand=True)
        t.add_column("skill · where the advert asks", ratio=4, overflow="fold")
        t.add_column("kind")
        t.add_column("level")
        t.add_column("imp.", justify="right")
        t.add_column("close relative in CV", ratio=2, overflow="fold")
        for g in report.gaps:
            m = g.mentions[0]
            t.add_row(cell(clean(g.name), quote(report.advert.text, m.start, m.end, limit=100)), g.kind,
                      Text(g.requirement or "", style="red" if g.requirement == "required" else "yellow"),
                      f"{g.importance:.2f}", clean(", ".join(g.related)))
        con.print(t)
    else:
        con.print("No gaps found.")

    if report.year_shortfalls:
        t = Table(title="Years asked for and shown", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        t.add_column("skill · where the advert asks", ratio=4, overflow="fold")
        t.add_column("asked", justify="right")
        t.add_column("your dated roles", justify="right")
        for sf in report.year_shortfalls:
            t.add_row(cell(clean(sf["skill"]), quote(report.advert.text, sf["start"], sf["end"], limit=90)),
                      f"{sf['years_required']:g} y", f"{sf['years_shown']:g} y")
        con.print(t)

    if report.stretched_claims:
        t = Table(title="Over-stretched claims (asked for by the advert first)", title_justify="left",
                  box=box.SIMPLE_HEAD, expand=True)
        t.add_column("claim · why", ratio=4, overflow="fold")
        t.add_column("what to do", ratio=3, overflow="fold")
        for c in report.stretched_claims:
            flag = " (the advert asks for it)" if c.details.get("asked_by_advert") else ""
            t.add_row(cell(clean(c.name + flag), clean(c.reason or "")), clean(c.advice or ""))
        con.print(t)

    if report.satisfied_groups:
        for g in report.satisfied_groups:
            con.print(Text(clean(f"Either/or \"{g['text']}\": covered by {g['by']}."), style="green"))
        con.print()

    if report.matched:
        t = Table(title="Matched skills", title_justify="left", box=box.SIMPLE_HEAD, expand=True)
        t.add_column("skill · evidence in the CV", ratio=5, overflow="fold")
        t.add_column("kind")
        t.add_column("level")
        t.add_column("section")
        for m in report.matched:
            ev = m.mentions[0]
            name = clean(f"{m.name} (via {m.via})" if m.via else m.name)
            t.add_row(cell(name, quote(report.cv.text, ev.start, ev.end, limit=100)), m.kind,
                      m.requirement or "", ev.section)
        con.print(t)
    con.print(Text(f"CV sections: {', '.join(report.cv.sections)} · advert sections: "
                   f"{', '.join(report.advert.sections)}", style="dim"))

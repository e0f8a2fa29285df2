"""Render a :class:`~gapcheck.reporting.model.Report` with Jinja2 templates (Markdown, HTML).

Templates live in ``reporting/templates/``; HTML autoescapes every value, so document text can never inject
markup into the page.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from gapcheck.reporting.model import Report


@lru_cache(maxsize=1)
def _env(kind: str):
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("gapcheck.reporting", "templates"),
        autoescape=(kind == "html"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _context(report: Report) -> dict[str, Any]:
    from gapcheck.gaps.actions import quote

    def snippet(doc: str, m) -> str:
        text = report.cv.text if doc == "cv" else report.advert.text
        return quote(text, m.start, m.end)

    def pct(x: float) -> str:
        return f"{round(100 * x)}%"

    return {"r": report, "snippet": snippet, "pct": pct,
            "required_gaps": [g for g in report.gaps if g.requirement == "required"],
            "preferred_gaps": [g for g in report.gaps if g.requirement == "preferred"]}


def render_markdown(report: Report) -> str:
    return _env("md").get_template("report.md.j2").render(**_context(report))


def render_html(report: Report) -> str:
    return _env("html").get_template("report.html.j2").render(**_context(report))

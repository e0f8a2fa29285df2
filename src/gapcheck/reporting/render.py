"""Render a :class:`~gapcheck.reporting.model.Report` with Jinja2 templates (Markdown, HTML).

Templates live in ``reporting/templates/``. The HTML environment autoescapes every value, so document text
can never inject markup into the page: evidence snippets are built here as plain-text pieces
(:class:`Snippet`: before, the mention, after) and the template wraps the mention in ``<mark>`` itself;
nothing taken from a document is ever marked safe. The only ``Markup`` values the HTML templates receive
are the SVG charts of :mod:`gapcheck.reporting.charts`, which escape their own labels.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gapcheck.reporting.model import MentionRef, Report, SkillItem

#: Clause boundaries for snippets: a line break, a semicolon, a bullet, or sentence punctuation followed
#: by a space (so "VB.Net" and "3.5" do not end a clause). The same rule as ``gaps.actions.quote``.
#: An HTML entity left in plain text ("Bachelor&rsquo;s") is matched first so its ";" is no boundary.
_BOUNDARY = re.compile(r"&#?\w{2,8};|\n|;|•|[.!?](?=\s)")
_SPACE = re.compile(r"\s+")
#: A list marker at the start of a clause ("- Python", "• Docker"), left out of snippets.
_BULLET = re.compile(r"^(?:[-*•·▪◦‣–]|\d{1,2}[.)])\s+")
#: Characters of context shown around a mention in the HTML and Markdown reports.
SNIPPET_CHARS = 110


#: Control characters (other than tab and newline) and bidirectional overrides: never shown as they are.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _finalize(value: Any) -> Any:
    """Every value a template prints: document text loses control characters (an ESC sequence or a
    right-to-left override in a file name shows as nothing rather than acting); our SVG passes as is."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROLS.sub("", value)
    return value


@lru_cache(maxsize=None)
def _env(kind: str):
    import jinja2

    env = jinja2.Environment(
        finalize=_finalize,
        loader=jinja2.PackageLoader("gapcheck.reporting", "templates"),
        autoescape=(kind == "html"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = md_escape
    return env


# --------------------------------------------------------------------------------------------- snippets


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short stretch of a document around one mention, as three plain-text pieces on one line.

    ``pre + hit + post`` is the clause around the mention with runs of white space collapsed; ``hit`` is
    the mention itself. Templates render ``{{ s.pre }}<mark>{{ s.hit }}</mark>{{ s.post }}`` so every piece
    is escaped (HTML) and only the ``<mark>`` comes from us.
    """

    pre: str
    hit: str
    post: str
    section: str = ""

    def __str__(self) -> str:
        return f"{self.pre}{self.hit}{self.post}"


def snippet(text: str, start: int, end: int, *, limit: int = SNIPPET_CHARS, section: str = "") -> Snippet:
    """The clause of ``text`` around ``text[start:end]``, trimmed to about ``limit`` characters."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    half = max(10, (limit - (end - start)) // 2)
    lo = lo_bound = max(0, start - half)
    cut_left = lo_bound > 0
    for m in _BOUNDARY.finditer(text, lo_bound, start):
        if not m.group().startswith("&"):
            lo, cut_left = m.end(), False
    hi_bound = min(len(text), end + half)
    m = next((b for b in _BOUNDARY.finditer(text, end, hi_bound) if not b.group().startswith("&")), None)
    if m:
        hi, cut_right = m.start() + (1 if m.group() in ".!?" else 0), False
    else:
        hi, cut_right = hi_bound, hi_bound < len(text)
    # Where the clause is cut, cut at a word boundary rather than mid-word.
    if cut_left and (ws := _SPACE.search(text, lo, start)):
        lo = ws.end()
    if cut_right:
        hi = max([hi_cut for c in " \t\n" if (hi_cut := text.rfind(c, end, hi)) >= 0] or [hi])
    pre = _BULLET.sub("", _SPACE.sub(" ", text[lo:start]).lstrip())
    hit = _SPACE.sub(" ", text[start:end])
    post = _SPACE.sub(" ", text[end:hi]).rstrip()
    if len(hit) > limit:
        # A mention longer than the snippet itself (a phrase spread over a paragraph): its two ends.
        head = hit[: limit // 2].rsplit(" ", 1)[0]
        tail = hit[-(limit // 3):].split(" ", 1)[-1]
        return Snippet("", f"{head.strip()} … {tail.strip()}", "", section)
    return Snippet(("…" if cut_left else "") + pre, hit, post + ("…" if cut_right else ""), section)


def _doc_text(report: Report, document: str) -> str:
    return report.cv.text if document == "cv" else report.advert.text


def mention_snippet(report: Report, document: str, m: MentionRef, *, limit: int = SNIPPET_CHARS) -> Snippet:
    return snippet(_doc_text(report, document), m.start, m.end, limit=limit, section=m.section)


def _pct(x: float | None) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{round(100 * x)}%"


# ------------------------------------------------------------------------------------------------ Markdown

#: Characters that make Markdown (or inline HTML) out of plain text; "_" only where it could start or end
#: emphasis (CommonMark ignores it inside a word, as in cv_software_engineer.pdf).
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")


def md_escape(s: str) -> str:
    """Backslash-escape the characters that would make document text into Markdown or HTML markup
    (CommonMark renders ``\\<`` as ``<``), so a snippet reads the same in any Markdown viewer."""
    return _MD_SPECIAL.sub(r"\\\1", s)


def md_snippet(s: Snippet) -> str:
    """A snippet for Markdown, the mention in bold."""
    return f"{md_escape(s.pre)}**{md_escape(s.hit)}**{md_escape(s.post)}"


def _common(report: Report) -> dict[str, Any]:
    from gapcheck.reporting.charts import coverage_split

    return {
        "r": report, "pct": _pct,
        "coverage": coverage_split(report.advert_skills, report.matched),
        "required_gaps": [g for g in report.gaps if g.requirement == "required"],
        "preferred_gaps": [g for g in report.gaps if g.requirement == "preferred"],
    }


def _context(report: Report) -> dict[str, Any]:
    """The Markdown template's context."""

    def snip(doc: str, m: MentionRef) -> str:
        return md_snippet(mention_snippet(report, doc, m))

    return {**_common(report), "snippet": snip, "md": md_escape}


def render_markdown(report: Report) -> str:
    return _env("md").get_template("report.md.j2").render(**_context(report))


# ---------------------------------------------------------------------------------------------------- HTML


@dataclass(frozen=True, slots=True)
class _Row:
    """One skill as the HTML page shows it: the item and its evidence snippets."""

    item: SkillItem
    evidence: tuple[Snippet, ...]
    more: int  # mentions not shown


def _rows(report: Report, items: list[SkillItem], document: str, *, shown: int = 1,
          limit: int = SNIPPET_CHARS) -> list[_Row]:
    return [_Row(it, tuple(mention_snippet(report, document, m, limit=limit) for m in it.mentions[:shown]),
                 max(0, len(it.mentions) - shown)) for it in items]


#: How each kind of action is labelled on the page.
ACTION_KINDS = {"learn": "close a gap", "prove": "back a claim", "drop": "reword a claim"}


def html_context(report: Report) -> dict[str, Any]:
    """Everything the HTML template needs, computed from the report (and nothing else)."""
    from gapcheck import __version__
    from gapcheck.reporting.charts import coverage_chart, score_colour, score_ring

    common = _common(report)
    actions = [{"n": i, "text": a.text, "kind": a.kind, "kind_label": ACTION_KINDS.get(a.kind, a.kind),
                "document": "your CV" if a.document == "cv" else "the advert",
                "evidence": [mention_snippet(report, a.document, m, limit=90) for m in a.evidence[:1]]}
               for i, a in enumerate(report.actions, 1)]
    # Required and preferred, hard and soft counts for the headline numbers.
    return {
        **common,
        "version": __version__,
        "title": report.advert.title or report.advert.source,
        "cv_name": _short_source(report.cv.source), "advert_name": _short_source(report.advert.source),
        "score_colour": score_colour(report.score.match),
        "ring": score_ring(report.score.match),
        "chart": coverage_chart(common["coverage"]),
        "actions": actions,
        "gaps": _rows(report, report.gaps, "advert", limit=100),
        "claims": _rows(report, report.stretched_claims, "cv", limit=100),
        "matched": _rows(report, report.matched, "cv", limit=100),
    }


def render_html(report: Report) -> str:
    """The self-contained HTML one-pager (no scripts, fonts or styles from outside the page)."""
    return _env("html").get_template("report.html.j2").render(**html_context(report))


# ----------------------------------------------------------------------------------- screening (ranked list)

SCREEN_FIELDS = ("source", "title", "match", "similarity", "required_coverage", "preferred_coverage",
                 "top_gaps", "status", "error")


def _missing(x: Any) -> bool:
    """None, NaN, pandas' NA and NaT (without importing pandas)."""
    if x is None or type(x).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(x, float) and math.isnan(x)


def _num(x: Any) -> float | None:
    """A number from a row value, or None for missing values (None, NaN, pandas NA, empty strings)."""
    if _missing(x) or isinstance(x, str) and not x.strip():
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _names(x: Any) -> list[str]:
    """top_gaps as a list of names, whether it came as a list, a tuple, an array or a "a, b" string."""
    if _missing(x):
        return []
    if isinstance(x, str):
        return [s.strip() for s in x.split(",") if s.strip()]
    try:
        return [str(s) for s in x if s is not None and str(s).strip()]
    except TypeError:
        return [] if _num(x) is None else [str(x)]


def _short_source(source: str) -> str:
    """A listing's file name without its folders (``listings/a.txt`` -> ``a.txt``, ``x/jobs.csv#3`` ->
    ``jobs.csv#3``); the full source stays in the page as the cell's tooltip."""
    return re.split(r"[/\\]", source)[-1] or source


def _text(x: Any) -> str:
    return "" if _missing(x) else str(x)


def screen_context(rows: list[dict], *, cv: str | None = None) -> dict[str, Any]:
    from gapcheck import __version__
    from gapcheck.reporting.charts import frequency_bars, histogram, score_colour

    shown = []
    for r in rows:
        match = _num(r.get("match"))
        status = _text(r.get("status")) or ("ok" if match is not None else "error")
        shown.append({
            "source": _text(r.get("source")), "name": _short_source(_text(r.get("source"))),
            "name_parts": re.findall(r"[^_\-.]*[_\-.]?", _short_source(_text(r.get("source"))))[:-1] or [""],
            "title": _text(r.get("title")),
            "match": None if match is None else round(match),
            "colour": score_colour(match),
            "similarity": _num(r.get("similarity")),
            "required": _num(r.get("required_coverage")),
            "preferred": _num(r.get("preferred_coverage")),
            "gaps": _names(r.get("top_gaps")),
            "status": status, "error": _text(r.get("error")),
        })
    scored = [s for s in shown if s["match"] is not None]
    gap_counts = Counter(g for s in scored for g in dict.fromkeys(s["gaps"]))
    return {
        "rows": shown, "cv": cv, "version": __version__, "pct": _pct,
        "n_scored": len(scored), "n_failed": len(shown) - len(scored),
        "best": max((s["match"] for s in scored), default=None),
        "median": _median([s["match"] for s in scored]),
        "histogram": histogram([s["match"] for s in scored], title="Match scores across the listings")
        if scored else None,
        "gap_chart": frequency_bars(gap_counts.most_common(8), total=len(scored),
                                    title="The gaps that come up most often") if gap_counts else None,
    }


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    v = sorted(values)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def render_screen_html(rows: list[dict], *, cv: str | None = None) -> str:
    """A self-contained HTML page for a ranked list of listings (``gapcheck screen --format html``).

    ``rows`` are dicts with the keys of :data:`SCREEN_FIELDS` (``source``, ``title``, ``match``,
    ``similarity``, ``required_coverage``, ``preferred_coverage``, ``top_gaps`` (a list of skill names),
    ``status``, ``error``), already ranked; missing keys and NaN values are shown as blanks, so
    ``DataFrame.to_dict("records")`` can be passed as it is. ``cv`` names the CV in the page title.
    """
    return _env("html").get_template("screen.html.j2").render(**screen_context(rows, cv=cv))

"""Small charts drawn as inline SVG for the HTML reports (no scripts, no fonts, no external files).

Every function returns :class:`markupsafe.Markup`: the SVG is built here from numbers and our own labels,
and every piece of text that goes into it is escaped first, so a template can insert it without ``|safe``
on anything that came from a document.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from gapcheck.reporting.model import SkillItem

#: Colours shared with the HTML templates (kept in one place so the chart and the page agree).
COVERED = "#1f7a4d"
MISSING = "#e7e3dc"
MISSING_EDGE = "#c9c2b6"
INK = "#1d232b"
MUTED = "#5f6b78"
GOOD, FAIR, POOR = "#1f7a4d", "#b26a00", "#b3261e"

#: Hard skills count fully, soft skills 0.75, as in the match score (scoring/coverage.py).
KIND_WEIGHT = {"hard": 1.0, "soft": 0.75}


@dataclass(frozen=True, slots=True)
class CoverageGroup:
    """How many of the advert's skills at one level and of one kind the CV shows."""

    level: str  # required | preferred
    kind: str  # hard | soft
    asked: int
    covered: int
    missing: tuple[str, ...]

    @property
    def share(self) -> float | None:
        return self.covered / self.asked if self.asked else None

    @property
    def label(self) -> str:
        return f"{self.level.capitalize()} · {self.kind}"


def coverage_split(advert_skills: Iterable[SkillItem], matched: Iterable[SkillItem]) -> list[CoverageGroup]:
    """The advert's skills split by level (required, preferred) and kind (hard, soft), with how many of
    each the CV covers (a skill counts as covered when it is in ``matched``, directly or via a narrower
    one). Always four groups, in the order required-hard, required-soft, preferred-hard, preferred-soft."""
    covered_ids = {m.id for m in matched}
    groups: list[CoverageGroup] = []
    skills = list(advert_skills)
    for level in ("required", "preferred"):
        for kind in ("hard", "soft"):
            items = [s for s in skills if s.requirement == level and s.kind == kind]
            cov = [s for s in items if s.id in covered_ids]
            groups.append(CoverageGroup(level, kind, len(items), len(cov),
                                        tuple(s.name for s in items if s.id not in covered_ids)))
    return groups


def score_colour(match: float | None) -> str:
    """The colour of a 0-100 match score, with the terminal report's thresholds."""
    if match is None:
        return MUTED
    return GOOD if match >= 70 else FAIR if match >= 45 else POOR


def _n(x: float) -> str:
    """A coordinate: short, with no locale surprises."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def coverage_chart(groups: Sequence[CoverageGroup], *, width: int = 390) -> Markup:
    """Horizontal bars, one per level and kind: the covered part filled, the missing part pale, and
    "covered of asked" written at the end. Groups the advert does not ask for say so instead of a bar."""
    row_h, bar_h, top = 30, 16, 6
    label_w, value_w = 112, 104
    bar_w = width - label_w - value_w
    height = top + row_h * len(groups) + 20
    out = [
        f'<svg class="chart coverage-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="cov-title" font-family="inherit" font-size="12">',
        '<title id="cov-title">Coverage of the advert\'s required and preferred skills, hard and soft</title>',
    ]
    for i, g in enumerate(groups):
        y = top + i * row_h
        cy = y + bar_h / 2 + 4
        out.append(f'<text x="0" y="{_n(cy)}" fill="{INK}">{escape(g.label)}</text>')
        if not g.asked:
            out.append(f'<text x="{label_w}" y="{_n(cy)}" fill="{MUTED}" font-style="italic">'
                       f'none asked</text>')
            continue
        filled = bar_w * g.covered / g.asked
        out.append(f'<rect x="{label_w}" y="{y}" width="{bar_w}" height="{bar_h}" rx="3" fill="{MISSING}" '
                   f'stroke="{MISSING_EDGE}" stroke-width="0.8"/>')
        if filled > 0:
            out.append(f'<rect x="{label_w}" y="{y}" width="{_n(filled)}" height="{bar_h}" rx="3" '
                       f'fill="{COVERED}"/>')
        pct = round(100 * g.covered / g.asked)
        out.append(f'<text x="{label_w + bar_w + 8}" y="{_n(cy)}" fill="{INK}">'
                   f'<tspan font-weight="bold">{g.covered}</tspan> of {g.asked} '
                   f'<tspan fill="{MUTED}">({pct}%)</tspan></text>')
    ly = top + row_h * len(groups) + 6
    out.append(f'<rect x="{label_w}" y="{ly}" width="10" height="10" rx="2" fill="{COVERED}"/>'
               f'<text x="{label_w + 14}" y="{ly + 9}" fill="{MUTED}" font-size="11">shown in the CV</text>'
               f'<rect x="{label_w + 112}" y="{ly}" width="10" height="10" rx="2" fill="{MISSING}" '
               f'stroke="{MISSING_EDGE}" stroke-width="0.8"/>'
               f'<text x="{label_w + 126}" y="{ly + 9}" fill="{MUTED}" font-size="11">missing (a gap)</text>')
    out.append("</svg>")
    return Markup("".join(out))


def score_ring(match: int | None, *, size: int = 112) -> Markup:
    """The match score as a ring filled in proportion, the number in the middle."""
    r = size / 2 - 9
    c = size / 2
    circ = 2 * math.pi * r
    value = max(0, min(100, match)) if match is not None else 0
    colour = score_colour(match)
    text = str(match) if match is not None else "–"
    return Markup(
        f'<svg class="chart score-ring" role="img" '
        f'viewBox="0 0 {size} {size}" width="{size}" height="{size}" font-family="inherit">'
        f"<title>Match {escape(text)} out of 100</title>"
        f'<circle cx="{_n(c)}" cy="{_n(c)}" r="{_n(r)}" fill="none" stroke="{MISSING}" stroke-width="12"/>'
        f'<circle cx="{_n(c)}" cy="{_n(c)}" r="{_n(r)}" fill="none" stroke="{colour}" stroke-width="12" '
        f'stroke-dasharray="{_n(circ * value / 100)} {_n(circ)}" transform="rotate(-90 {_n(c)} {_n(c)})"/>'
        f'<text x="{_n(c)}" y="{_n(c + 4)}" text-anchor="middle" font-size="{size * 0.3:.0f}" '
        f'font-weight="bold" fill="{colour}">{escape(text)}</text>'
        f'<text x="{_n(c)}" y="{_n(c + size * 0.2)}" text-anchor="middle" font-size="{size * 0.1:.0f}" '
        f'fill="{MUTED}">of 100</text>'
        "</svg>"
    )


def histogram(values: Sequence[float], *, bins: int = 10, lo: float = 0, hi: float = 100,
              width: int = 360, height: int = 150, title: str = "Distribution") -> Markup:
    """Counts of ``values`` in ``bins`` equal bins over [lo, hi], bars coloured by score band."""
    counts = [0] * bins
    for v in values:
        i = min(bins - 1, max(0, int((v - lo) / (hi - lo) * bins)))
        counts[i] += 1
    top, bottom, left = 18, 22, 26
    plot_h, plot_w = height - top - bottom, width - left - 4
    peak = max(counts) or 1
    bw = plot_w / bins
    out = [f'<svg class="chart histogram" role="img" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="inherit" '
           f'font-size="11"><title>{escape(title)}</title>']
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" stroke="{MUTED}"/>')
    out.append(f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" fill="{MUTED}">{peak}</text>'
               f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" fill="{MUTED}">0</text>')
    for i, n in enumerate(counts):
        x = left + i * bw
        mid = lo + (i + 0.5) * (hi - lo) / bins
        if n:
            h = plot_h * n / peak
            out.append(f'<rect x="{_n(x + 1)}" y="{_n(top + plot_h - h)}" width="{_n(bw - 2)}" '
                       f'height="{_n(h)}" fill="{score_colour(mid)}"/>'
                       f'<text x="{_n(x + bw / 2)}" y="{_n(top + plot_h - h - 2)}" text-anchor="middle" '
                       f'fill="{INK}" font-size="10">{n}</text>')
        if i % 2 == 0 or bins <= 5:
            edge = lo + i * (hi - lo) / bins
            out.append(f'<text x="{_n(x)}" y="{height - 6}" text-anchor="middle" fill="{MUTED}">'
                       f"{edge:g}</text>")
    out.append(f'<text x="{_n(left + plot_w)}" y="{height - 6}" text-anchor="end" fill="{MUTED}">{hi:g}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def frequency_bars(items: Sequence[tuple[str, int]], *, total: int | None = None, width: int = 360,
                   title: str = "Most frequent") -> Markup:
    """Horizontal bars for (label, count) pairs, most frequent first; labels are escaped."""
    row_h, bar_h = 18, 12
    label_w, value_w = 150, 58
    bar_w = width - label_w - value_w
    height = max(row_h, row_h * len(items)) + 4
    peak = max((n for _, n in items), default=1) or 1
    out = [f'<svg class="chart frequency" role="img" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="inherit" '
           f'font-size="11"><title>{escape(title)}</title>']
    for i, (label, n) in enumerate(items):
        y = i * row_h + 2
        shown = label if len(label) <= 24 else label[:23] + "…"
        out.append(f'<text x="{label_w - 6}" y="{y + bar_h - 2}" text-anchor="end" fill="{INK}">'
                   f"{escape(shown)}</text>")
        out.append(f'<rect x="{label_w}" y="{y}" width="{_n(bar_w * n / peak)}" height="{bar_h}" rx="2" '
                   f'fill="{POOR}" fill-opacity="0.75"/>')
        value = f"{n} of {total}" if total else str(n)
        out.append(f'<text x="{_n(label_w + bar_w * n / peak + 4)}" y="{y + bar_h - 2}" fill="{MUTED}">'
                   f"{value}</text>")
    out.append("</svg>")
    return Markup("".join(out))

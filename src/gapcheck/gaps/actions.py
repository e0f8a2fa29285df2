"""The three things to address, each citing the advert's words and the CV's evidence or its absence."""

from __future__ import annotations

import re

from gapcheck.reporting.model import Action, Report, SkillItem

#: Clause boundaries: a line break, a semicolon, a bullet, or sentence punctuation followed by a space
#: (so "VB.Net" and "3.5" do not end a clause).
_BOUNDARY = re.compile(r"\n|;|•|[.!?](?=\s)")
#: Characters of context shown around a quoted mention.
QUOTE_CHARS = 110


def quote(text: str, start: int, end: int, *, limit: int = QUOTE_CHARS) -> str:
    """The clause around ``text[start:end]``, trimmed to about ``limit`` characters, on one line."""
    half = limit // 2
    lo_bound = max(0, start - half)
    lo = lo_bound
    cut_left = lo_bound > 0
    for m in _BOUNDARY.finditer(text, lo_bound, start):
        lo, cut_left = m.end(), False
    hi_bound = min(len(text), end + half)
    m = _BOUNDARY.search(text, end, hi_bound)
    hi, cut_right = (m.start() + (1 if m.group() in ".!?" else 0), False) if m else (hi_bound, hi_bound < len(text))
    snippet = " ".join(text[lo:hi].split())
    return f"{'…' if cut_left else ''}{snippet}{'…' if cut_right else ''}"


def _learn(gap: SkillItem, advert_text: str) -> Action:
    m = gap.mentions[0]
    q = quote(advert_text, m.start, m.end)
    level = "requires" if gap.requirement == "required" else "would like"
    if gap.related:
        how = (f"you show {', '.join(gap.related[:2])}, a close relative: say how it transfers, with an "
               f"example, and close the gap with a short course or a side project")
    elif gap.kind == "soft":
        how = "if you have it, add a concrete example (situation, task, action, result) to a role"
    else:
        how = "learn it (a course, a side project, volunteering) or, if you have used it, add where and how"
    text = f"{gap.name}: the advert {level} it (\"{q}\") and your CV does not show it; {how}."
    return Action(text=text, skill_id=gap.id, kind="learn", evidence=tuple(gap.mentions[:3]),
                  document="advert")


def top_actions(report: Report, *, n: int = 3) -> list[Action]:
    """The ``n`` most useful actions: stretched claims the advert asks for first, then the top gaps."""
    actions: list[Action] = []
    for claim in report.stretched_claims:
        if len(actions) >= n:
            break
        if claim.requirement and claim.advice:
            actions.append(Action(text=f"{claim.name}: {claim.advice}", skill_id=claim.id,
                                  kind="drop" if claim.details.get("unbackable") else "prove",
                                  evidence=tuple(claim.mentions[:3]), document="cv"))
    for gap in report.gaps:
        if len(actions) >= n:
            break
        actions.append(_learn(gap, report.advert.text))
    return actions

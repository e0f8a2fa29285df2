"""The three things to address, each citing the advert's words and the CV's evidence or its absence.

Three kinds, as the advice puts it:

- **prove it**: the advert asks for something the CV claims without evidence, or shows with too few
  years: write a STAR example (situation, task, action, result) from the evidence the CV names;
- **drop it**: a claim that cannot be backed (a certification nowhere listed, years the history cannot
  hold): correct it before an interviewer does;
- **learn it**: a required skill the CV lacks: a course, a side project, volunteering, or a close
  relative to build on.

Order: unbackable claims the advert asks about, then the most important required gaps and stretched
claims interleaved by weight, then year shortfalls, then preferred gaps.
"""

from __future__ import annotations

import re

from gapcheck.reporting.model import Action, MentionRef, Report, SkillItem

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
    if cut_left:  # start and end on whole words
        sp = text.find(" ", lo, start)
        lo = sp + 1 if sp >= 0 else lo
    if cut_right:
        sp = text.rfind(" ", end, hi)
        hi = sp if sp >= 0 else hi
    snippet = " ".join(text[lo:hi].split())
    return f"{'…' if cut_left else ''}{snippet}{'…' if cut_right else ''}"


def _telling_quote(mentions: list[MentionRef], text: str) -> tuple[MentionRef, str]:
    """The mention whose clause reads best as a quote (the most words: a sentence of the advert rather than a
    job board's tag line, "azure . net asp.net-web-api powershell"), and that quote; the first on a tie."""
    best = None
    for m in mentions[:8]:
        q = quote(text, m.start, m.end)
        words = len(re.findall(r"[A-Za-z]{2,}", q)) - 2 * sum(1 for w in q.split() if w in ".,;:")
        if best is None or words > best[0]:
            best = (words, m, q)
    return best[1], best[2]


def _as_asked(gap: SkillItem, m: MentionRef) -> str:
    """The gap's name, or the advert's own words for it when they name a standard or a version the
    taxonomy's label hides ("ISO 14001", not "environmental management standards")."""
    said = " ".join(m.text.split())
    return said if re.search(r"\d", said) and said.lower() not in gap.name.lower() else gap.name


def _learn(gap: SkillItem, advert_text: str) -> Action:
    m, q = _telling_quote(gap.mentions, advert_text)
    level = "requires" if gap.requirement == "required" else "would like"
    alts = gap.details.get("either_or")
    what = " or ".join(alts) if alts else _as_asked(gap, m)
    if gap.related:
        how = (f"you show {', '.join(gap.related[:2])}, a close relative: say how it transfers, with an "
               f"example, and close the gap with a short course or a side project")
    elif gap.kind == "soft":
        how = ("if you have it, add a concrete example to a role (situation, task, action, result); if not, "
               "look for a volunteering or project role that builds it")
    else:
        how = "learn it (a course, a side project, volunteering) or, if you have used it, add where and how"
    text = f"Learn {what}: the advert {level} it (\"{q}\") and your CV does not show it; {how}."
    # the quoted mention first among the evidence
    evidence = tuple(dict.fromkeys([m, *gap.mentions]))[:3]
    return Action(text=text, skill_id=gap.id, kind="learn", evidence=evidence, document="advert")


def _learn_together(gaps: list[SkillItem], advert_text: str) -> Action:
    """One "learn" action for hard-skill gaps the advert asks for in one line ("Knowledge of ISO 9001, ISO
    14001 and ISO 45001"): one of the three things, not three."""
    if len(gaps) == 1:
        return _learn(gaps[0], advert_text)
    picked = [(_telling_quote(g.mentions, advert_text), g) for g in gaps]
    picked.sort(key=lambda x: x[0][0].start)
    names = [" or ".join(g.details["either_or"]) if g.details.get("either_or") else _as_asked(g, mq[0])
             for mq, g in picked]
    what = ", ".join(names[:-1]) + " and " + names[-1]
    required = any(g.requirement == "required" for g in gaps)
    (m, _), _ = picked[0]
    q = quote(advert_text, m.start, picked[-1][0][0].end, limit=QUOTE_CHARS + 40)
    text = (f"Learn {what}: the advert {'requires' if required else 'would like'} them (\"{q}\") and your CV "
            f"shows none of them; learn them (a course, a side project, volunteering) or, if you have used them, "
            f"add where and how.")
    evidence = tuple(dict.fromkeys(mq[0] for mq, _ in picked))[:3]
    return Action(text=text, skill_id=picked[0][1].id, kind="learn", evidence=evidence, document="advert")


def _line_of(gap: SkillItem, advert_text: str) -> int:
    m, _ = _telling_quote(gap.mentions, advert_text)
    return advert_text.rfind("\n", 0, m.start)


def _claim_action(claim: SkillItem, report: Report) -> Action:
    m = claim.mentions[0]
    cv_q = quote(report.cv.text, m.start, m.end)
    asked = ""
    ad = next((s for s in report.advert_skills if s.id == claim.id), None)
    if ad is not None:
        _, aq = _telling_quote(ad.mentions, report.advert.text)
        asked = f" The advert asks for it (\"{aq}\")."
    if claim.details.get("unbackable"):
        return Action(text=f"Drop or fix the claim \"{cv_q}\": {claim.reason}.{asked} {claim.advice[0].upper()}"
                      f"{claim.advice[1:]}.", skill_id=claim.id, kind="drop", evidence=tuple(claim.mentions[:3]),
                      document="cv")
    return Action(text=f"Prove {claim.name}: your CV says \"{cv_q}\"; {claim.reason}."
                  f"{asked} {claim.advice[0].upper()}{claim.advice[1:]}.", skill_id=claim.id, kind="prove",
                  evidence=tuple(claim.mentions[:3]), document="cv")


def _shortfall_action(sf: dict, report: Report) -> Action:
    ev = report.evidence.get(sf["skill_id"])
    refs = tuple((ev.backed or ev.asserted)[:3]) if ev else ()
    where = ""
    if ev and ev.roles:
        spans = ", ".join(r.dates_text for r in ev.roles[:3])
        where = f" (roles dated {spans})"
    text = (f"Prove your {sf['skill']} years: the advert asks for \"{sf['advert_text']}\" and your dated roles "
            f"show {sf['years_shown']:g} years of it{where}; if you have more (earlier jobs, study, open source), "
            f"add them with dates, otherwise lead with the depth of what you did (situation, task, action, "
            f"result).")
    ad_ref = MentionRef(report.advert.text[sf["start"]:sf["end"]], "requirements", sf["start"], sf["end"])
    return Action(text=text, skill_id=sf["skill_id"], kind="prove", evidence=refs + (ad_ref,), document="cv")


def top_actions(report: Report, *, n: int = 3) -> list[Action]:
    """The ``n`` most useful actions (see the module docstring for the order)."""
    cands: list[tuple[float, Action]] = []
    asked_claims = [c for c in report.stretched_claims if c.details.get("asked_by_advert")]
    for c in asked_claims:
        weight = 1.2 if c.details.get("unbackable") or c.details.get("claim") == "years_exceed_history" else 0.8
        if c.requirement == "preferred":
            weight -= 0.3
        cands.append((weight, _claim_action(c, report)))
    # hard-skill gaps asked for in one line of the advert make one action ("ISO 9001, ISO 14001 and ISO 45001")
    by_line: dict[tuple, list[SkillItem]] = {}
    for g in report.gaps:
        key = ("line", _line_of(g, report.advert.text), g.requirement) if g.kind == "hard" and g.mentions \
            and not g.related else ("gap", g.id)
        by_line.setdefault(key, []).append(g)
    for gs in by_line.values():
        weight = max((g.importance or 0.0) + (0.0 if g.requirement == "required" else -0.2) for g in gs)
        cands.append((weight, _learn_together(gs, report.advert.text)))
    for sf in report.year_shortfalls:
        cands.append((0.75 if sf.get("requirement") == "required" else 0.4, _shortfall_action(sf, report)))
    if len(cands) < n:  # nothing asked: unasked unbackable claims still matter
        for c in report.stretched_claims:
            if c not in asked_claims and c.details.get("unbackable"):
                cands.append((0.1, _claim_action(c, report)))
    cands.sort(key=lambda wa: -wa[0])
    out: list[Action] = []
    seen: set[str | None] = set()
    for _, a in cands:
        if a.skill_id in seen:
            continue
        seen.add(a.skill_id)
        out.append(a)
        if len(out) == n:
            break
    return out

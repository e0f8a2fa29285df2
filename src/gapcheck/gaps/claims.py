"""Over-stretched claims: what the CV claims without evidence, with a plain reason and what to do.

Four kinds, checked per CV skill:

- ``years_exceed_history``: "10+ years of Java" with a work history that cannot hold ten years;
- ``proficiency_unbacked``: "expert", "advanced", "fluent" ... next to a skill no role, project,
  certification or degree backs;
- ``cert_unbacked``: a certification named in the summary or skills list but absent from the
  certifications and education sections;
- ``listed_only``: a skill in a skills list or the summary and nowhere else.

Claims the advert asks for come first: they are the ones an interviewer will test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gapcheck.extraction.mention import Mention
from gapcheck.gaps.evidence import Role, SkillEvidence, history_months
from gapcheck.gaps.requirements import YEARS, _number, mentions_near
from gapcheck.reporting.model import MentionRef, SkillItem

PROFICIENCY = re.compile(
    r"\b(?:expert(?:ise)?|advanced|fluent(?:ly)?|fluency|proficient|proficiency|native|mastery|master|"
    r"highly\s+skilled|deep\s+(?:knowledge|expertise)|specialist|guru|ninja|strong\s+command)\b",
    re.IGNORECASE,
)
#: Years claimed may exceed what the history shows by this much before it counts as stretched
#: (rounding "about 5 years" up, overlapping study and work).
YEARS_SLACK_MONTHS = 12
#: Characters between a proficiency word and the skill it qualifies ("expert in Python", "Python
#: (advanced)").
PROFICIENCY_REACH = 30


@dataclass(frozen=True)
class Claim:
    skill_id: str
    name: str
    kind: str  # SkillItem kind: hard/soft
    claim: str  # years_exceed_history | proficiency_unbacked | cert_unbacked | listed_only
    reason: str
    advice: str
    mentions: tuple[MentionRef, ...]
    unbackable: bool = False


def _near(text: str, pattern: re.Pattern, start: int, end: int, reach: int) -> re.Match | None:
    """A match of ``pattern`` just before or after a span, within its clause."""
    lo = max(0, start - reach)
    for m in pattern.finditer(text, lo, start):
        if not re.search(r"[.;\n•|]", text[m.end():start]):
            return m
    for m in pattern.finditer(text, end, min(len(text), end + reach)):
        if not re.search(r"[.;\n•|]", text[end:m.start()]):
            return m
    return None


def claimed_years(text: str, mentions: list[Mention]) -> list[tuple[float, Mention | None, str, int, int]]:
    """Year claims in a CV: ``(years, skill mention or None for overall experience, text, start, end)``.
    Only claims outside dated entries count: the summary, the header and skills lists."""
    out = []
    ms = sorted((m for m in mentions if m.kind == "hard"), key=lambda m: m.start)
    starts = [m.start for m in ms]
    for y in YEARS.finditer(text):
        after, before = mentions_near(ms, text, y.start(), y.end(), before_reach=20, after_reach=45, starts=starts)
        before = [m for m in before if re.match(r"\s*[(:-]?\s*$", text[m.end:y.start()])]
        skill = after[0] if after else (before[-1] if before else None)
        out.append((_number(y.group("n")), skill, y.group().strip(), y.start(), y.end()))
    return out


def find_claims(text: str, mentions: list[Mention], evidence: dict[str, SkillEvidence], roles: list[Role],
                sections, *, credentials: dict[str, str], asked: set[str], tech=lambda sid: True,
                traits: frozenset[str] = frozenset()) -> list[Claim]:
    """Every stretched claim in a CV, the advert's (``asked``) first."""
    claims: dict[str, Claim] = {}
    hist = history_months(roles)
    summary_like = {"summary", "header", "skills", "other"}

    def refs_of(sid: str) -> tuple[MentionRef, ...]:
        ev = evidence[sid]
        return tuple(ev.asserted + ev.backed)

    # 1. years beyond the history
    for years, m, ytext, ys, ye in claimed_years(text, mentions):
        sec = _section_name(sections, ys)
        if sec not in summary_like or not roles:
            continue
        if m is not None:
            ev = evidence.get(m.skill_id)
            used = ev.months if ev else 0
            limit = max(hist, used)
            if years * 12 > limit + YEARS_SLACK_MONTHS:
                claims[m.skill_id] = Claim(
                    m.skill_id, m.name, m.kind, "years_exceed_history",
                    f"the CV claims {ytext} {m.name}, but the work history covers "
                    f"{hist / 12:.1f} years" + (f" and {m.name} appears in roles covering {used / 12:.1f} years"
                                                if ev and ev.roles else ""),
                    f"say what the dated roles show ({max(used, 0) / 12:.0f}+ years) or add the roles that "
                    f"account for the rest",
                    (MentionRef(text[ys:m.end] if m.start > ys else text[m.start:ye], sec, min(ys, m.start),
                                max(ye, m.end)),) + refs_of(m.skill_id))
        elif years * 12 > hist + YEARS_SLACK_MONTHS and hist:
            claims.setdefault("gapcheck:years-of-experience", Claim(
                "gapcheck:years-of-experience", "years of experience", "hard", "years_exceed_history",
                f"the CV claims {ytext} of experience, but the dated roles cover {hist / 12:.1f} years",
                "claim what the dated roles show, or add the missing roles with dates",
                (MentionRef(text[ys:ye], sec, ys, ye),)))

    for sid, ev in evidence.items():
        if sid in claims:
            continue
        first = (ev.asserted + ev.backed)[0]
        kind = next((m.kind for m in mentions if m.skill_id == sid), "hard")
        # 3. certifications named outside the certifications and education sections
        if credentials.get(sid) == "certification":
            in_cert = [r for r in ev.backed if r.section in ("certifications", "education")]
            if not in_cert:
                claims[sid] = Claim(
                    sid, ev.name, kind, "cert_unbacked",
                    f"{ev.name} is named ({first.section}) but not listed under certifications or education",
                    f"list {ev.name} with its issuer and year under certifications, or remove it if you do "
                    f"not hold it",
                    refs_of(sid), unbackable=True)
                continue
        # 2. proficiency words with no backing
        if not ev.is_backed:
            for ref in ev.asserted:
                p = _near(text, PROFICIENCY, ref.start, ref.end, PROFICIENCY_REACH)
                if p:
                    claims[sid] = Claim(
                        sid, ev.name, kind, "proficiency_unbacked",
                        f"\"{p.group()}\" {ev.name} is claimed but no role, project, certificate or degree "
                        f"shows it",
                        f"back it with a concrete example (situation, task, action, result) of using "
                        f"{ev.name}, or tone the claim down",
                        (MentionRef(ref.text, ref.section, ref.start, ref.end),) + refs_of(sid))
                    break
            if sid in claims:
                continue
        # 4. listed only: a skill the advert asks for, or a technology in a skills list (a job title in the
        # header or a field named in the summary is no claim to back)
        if traits and sid in traits:
            continue
        listed = sid in asked or (kind == "hard" and tech(sid) and any(r.section == "skills" for r in ev.asserted))
        if not ev.is_backed and listed:
            where = sorted({r.section for r in ev.asserted})
            claims[sid] = Claim(
                sid, ev.name, kind, "listed_only",
                f"{ev.name} appears only in the {' and '.join(where)} section{'s' if len(where) > 1 else ''}; "
                f"no role or project shows it",
                f"add a bullet to a role or project that shows {ev.name} in use, with a result"
                if kind == "hard" else
                f"add an example of {ev.name} from a role (situation, task, action, result)",
                refs_of(sid))
    out = [c for c in claims.values()]
    order = {"years_exceed_history": 0, "cert_unbacked": 1, "proficiency_unbacked": 2, "listed_only": 3}
    out.sort(key=lambda c: (c.skill_id not in asked, order[c.claim], c.name.lower()))
    return out


def _section_name(sections, offset: int) -> str:
    name = sections[0].name if sections else "other"
    for s in sections:
        if s.start <= offset:
            name = s.name
        else:
            break
    return name


def claim_items(claims: list[Claim], *, asked: dict[str, str]) -> list[SkillItem]:
    """Claims as report items (``asked``: skill id -> the advert's requirement level)."""
    items = []
    for c in claims:
        it = SkillItem(c.skill_id, c.name, c.kind, list(c.mentions), requirement=asked.get(c.skill_id),
                       reason=c.reason, advice=c.advice)
        it.details = {"claim": c.claim, "unbackable": c.unbackable, "asked_by_advert": c.skill_id in asked}
        items.append(it)
    return items

"""CV evidence: the roles and their dates, and for each skill where it is backed or only asserted.

A skill is *backed* when an experience or project entry, a certification or the education section names
it, and *asserted* when only a skills list, the summary or the header does. The roles come from the date
ranges in the experience and project sections ("Mar 2019 – Present", "2016 - 2019", "03/2020 – 05/2022"):
each range opens a role that runs to the next one, so a skill's months of use and how recent it is follow
from the roles that mention it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from gapcheck.extraction.mention import Mention
from gapcheck.reporting.model import MentionRef

#: Sections whose mentions back a skill.
BACKING_SECTIONS = frozenset({"experience", "projects", "certifications", "education"})
#: Sections whose mentions only assert it.
ASSERTING_SECTIONS = frozenset({"skills", "summary", "header"})
#: Sections holding roles with dates.
ROLE_SECTIONS = frozenset({"experience", "projects"})

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1,
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|fall|winter)\.?"
_POINT = r"(?:(?P<@m>" + _MONTH + r")\s+|(?P<@n>\d{1,2})\s*[/.-]\s*)?(?P<@y>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|‒|−|\xad|to|until|till)\s*"
_NOW = r"(?P<now>present|current|currently|now|today|ongoing|date)"
DATE_RANGE = re.compile(
    _POINT.replace("@", "a") + _DASH + "(?:" + _POINT.replace("@", "b") + "|" + _NOW + ")",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\d|%|£|\$|€|\b(?:reduc\w*|increas\w*|improv\w*|cut|cutting|sav(?:ed|ing)|grew|grow\w*|doubl\w*|"
    r"tripl\w*|halv\w*|achiev\w*|won|award\w*|launch\w*|deliver\w*|exceed\w*|rais\w*|boost\w*|"
    r"faster|fewer|lower\w*|higher|zero|record)\b",
    re.IGNORECASE,
)


def _month(word: str | None) -> int | None:
    if not word:
        return None
    return _MONTHS.get(word.lower().rstrip(".")[:4]) or _MONTHS.get(word.lower().rstrip(".")[:3])


@dataclass(frozen=True)
class Role:
    """A dated entry of the experience or projects section."""

    start: int  # character offsets of the role's text
    end: int
    section: str
    began: date
    ended: date
    current: bool
    dates_text: str

    @property
    def months(self) -> int:
        return max(1, (self.ended.year - self.began.year) * 12 + self.ended.month - self.began.month + 1)

    @property
    def monthly(self) -> bool:
        """Whether the dates give their months ("Mar 2021 - Present", "03/2021 - 06/2023"), not years only
        ("2019 - 2021": anything from 13 months to 35)."""
        m = DATE_RANGE.search(self.dates_text or "")
        return bool(m and (m.group("am") or m.group("an")) and (m.group("now") or m.group("bm") or m.group("bn")))


@dataclass
class SkillEvidence:
    """What the CV shows for one skill."""

    skill_id: str
    name: str
    backed: list[MentionRef] = field(default_factory=list)
    asserted: list[MentionRef] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    with_result: list[MentionRef] = field(default_factory=list)

    @property
    def is_backed(self) -> bool:
        return bool(self.backed)

    @property
    def months(self) -> int:
        return months_covered(self.roles)

    @property
    def last_used(self) -> date | None:
        return max((r.ended for r in self.roles), default=None)


def parse_date_point(m: re.Match, p: str, *, end: bool) -> date | None:
    y = m.group(f"{p}y")
    if not y:
        return None
    month = _month(m.group(f"{p}m"))
    if month is None and m.group(f"{p}n"):
        n = int(m.group(f"{p}n"))
        month = n if 1 <= n <= 12 else None
    if month is None:
        month = 12 if end else 1  # a bare year: the whole year
    return date(int(y), month, 1)


def find_roles(text: str, sections, *, today: date | None = None) -> list[Role]:
    """Dated roles in the experience and project sections, in text order."""
    today = today or date.today()
    roles: list[Role] = []
    for sec in sections:
        if sec.name not in ROLE_SECTIONS:
            continue
        hits = []
        for m in DATE_RANGE.finditer(text, sec.start, sec.end):
            began = parse_date_point(m, "a", end=False)
            current = bool(m.group("now"))
            ended = date(today.year, today.month, 1) if current else parse_date_point(m, "b", end=True)
            if began is None or ended is None or ended < began or began > today:
                continue
            line_start = text.rfind("\n", sec.start, m.start()) + 1
            hits.append((max(line_start, sec.start), began, ended, current, m.group()))
        for i, (start, began, ended, current, dt) in enumerate(hits):
            # The first role also takes the section's text above its dates (its title line).
            s = sec.start if i == 0 else start
            e = hits[i + 1][0] if i + 1 < len(hits) else sec.end
            roles.append(Role(s, e, sec.name, began, ended, current, dt))
    return roles


def months_covered(roles: list[Role]) -> int:
    """Months covered by the union of the roles' periods (overlaps count once)."""
    months: set[int] = set()
    for r in roles:
        a = r.began.year * 12 + r.began.month
        b = r.ended.year * 12 + r.ended.month
        months.update(range(a, b + 1))
    return len(months)


def history_months(roles: list[Role]) -> int:
    """Months from the first role's start to the last role's end (the span a claim of years must fit)."""
    exp = [r for r in roles if r.section == "experience"] or roles
    if not exp:
        return 0
    a = min(r.began for r in exp)
    b = max(r.ended for r in exp)
    return (b.year - a.year) * 12 + b.month - a.month + 1


def line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (bullet) holding a span, joined with its wrapped continuation lines."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    # A bullet wrapped over several lines continues on lines that start in lower case or indented.
    while hi < len(text):
        nxt_end = text.find("\n", hi + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        nxt = text[hi + 1:nxt_end]
        if nxt and (nxt[:1].isspace() or nxt[:1].islower()) and not nxt.lstrip().startswith(("•", "-", "*")):
            hi = nxt_end
        else:
            break
    return lo, hi


def collect_evidence(text: str, mentions: list[Mention], roles: list[Role]) -> dict[str, SkillEvidence]:
    """Evidence per CV skill id."""
    out: dict[str, SkillEvidence] = {}
    for m in mentions:
        ev = out.setdefault(m.skill_id, SkillEvidence(m.skill_id, m.name))
        ref = MentionRef(m.text, m.section, m.start, m.end)
        if m.section in BACKING_SECTIONS:
            ev.backed.append(ref)
            for r in roles:
                if r.start <= m.start < r.end and r not in ev.roles:
                    ev.roles.append(r)
            if m.section in ROLE_SECTIONS:
                lo, hi = line_of(text, m.start, m.end)
                line = text[lo:hi]
                dates_in_line = any(r.dates_text in line for r in roles)
                if _RESULT.search(line) and not dates_in_line:
                    ev.with_result.append(ref)
        else:
            ev.asserted.append(ref)
    return out

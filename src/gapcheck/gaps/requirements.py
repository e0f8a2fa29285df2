"""What an advert asks for beyond a list of skills: years per skill, either/or groups, degrees,
certifications and seniority.

- Years: "3+ years of Python", "at least two years' experience in SQL", "Python (5 years)", "minimum of
  3 years of Kubernetes". A figure with no skill in reach is a general experience requirement.
- Either/or: mentions joined only by "or", "/" or "and/or" ("Go or Python", "Java/Kotlin", "AWS or
  GCP"), and lists introduced by "one of", "one or more of", "any of", "such as" or "e.g.": one of them
  satisfies the group, and the missing alternatives are no gaps.
- Degrees and certifications come from skills the taxonomy marks as such (Bachelor's degree, PMP,
  ACCA, CCRN ...), seniority from the job title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gapcheck.extraction.mention import Mention

_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fifteen": 15, "a": 1, "an": 1,
}
_NUM = r"(?P<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
YEARS = re.compile(
    r"(?:(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than)\s+)?" + _NUM +
    r"\s*(?:\+|plus)?\s*(?:(?:or|to|-|–)\s*\d{1,2}\s*)?(?:\+\s*)?years?['’]?(?:\s+of)?",
    re.IGNORECASE,
)
_OR_JOIN = re.compile(r"^[\s,]*(?:,?\s*or(?:\s+(?:a|an|the))?|/|and\s*/\s*or|\|)[\s,]*$", re.IGNORECASE)
#: Examples in brackets after a skill: "a laboratory information management system (WinPath or Telepath)",
#: "analysers (e.g., Roche cobas or Abbott Alinity)": any of them satisfies the skill.
_EXAMPLES = re.compile(r"^\s*\(\s*(?:e\.\s?g\.?,?|i\.\s?e\.?,?|such\s+as|including|for\s+example,?|like)?\s*$", re.IGNORECASE)
#: A list ending in "or a related subject" ("English, journalism or a related subject"): any item will do.
_OR_RELATED = re.compile(r"[ \t]*,?\s*or\s+(?:an?\s+|another\s+|other\s+|any\s+)?(?:closely\s+)?"
                         r"(?:related|similar|relevant|equivalent|comparable|allied|associated)\b", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^[\s,]*(?:,|/|or|and/or|and)?[\s,]*$", re.IGNORECASE)
_LIST_INTRO = re.compile(
    r"(?:one\s+or\s+more\s+of|one\s+of|any\s+of|either|such\s+as|e\.\s?g\.?|for\s+example|like|"
    r"(?:a|any)\s+combination\s+of|combination\s+of)"
    r"(?:\s+the\s+following)?(?:\s+\w+){0,3}\s*[:(]?\s*$",
    re.IGNORECASE,
)
#: Characters between a year figure and its skill ("3+ years of professional experience with Python").
YEARS_REACH = 70

SENIORITY = [
    ("intern", r"\b(?:intern|internship|placement)\b"),
    ("graduate", r"\b(?:graduate|trainee|apprentice|entry[- ]level)\b"),
    ("junior", r"\b(?:junior|jr\.?|associate)\b"),
    ("senior", r"\b(?:senior|sr\.?)\b"),
    ("lead", r"\b(?:lead|principal|staff|head|chief|director|manager|supervisor)\b"),
]


@dataclass
class YearsRequirement:
    years: float
    text: str
    start: int
    end: int
    skill_id: str | None = None
    skill_name: str | None = None
    #: every hard skill the figure applies to ("3+ years of backend development in Java or Kotlin")
    skill_ids: list[str] = field(default_factory=list)


@dataclass
class EitherOr:
    skill_ids: list[str]
    names: list[str]
    start: int
    end: int
    text: str


@dataclass
class AdvertRequirements:
    years: list[YearsRequirement] = field(default_factory=list)
    groups: list[EitherOr] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    seniority: str | None = None

    def to_dict(self) -> dict:
        return {
            "years": [{"skill_id": y.skill_id, "skill": y.skill_name, "skill_ids": y.skill_ids, "years": y.years,
                       "text": y.text, "start": y.start, "end": y.end} for y in self.years],
            "either_or": [{"skill_ids": g.skill_ids, "skills": g.names, "text": g.text, "start": g.start,
                           "end": g.end} for g in self.groups],
            "degrees": self.degrees, "certifications": self.certifications, "seniority": self.seniority,
        }


def mentions_near(ms: list[Mention], text: str, start: int, end: int, *, before_reach: int,
                  after_reach: int, starts: list[int] | None = None) -> tuple[list[Mention], list[Mention]]:
    """Mentions (``ms`` sorted by start) within reach after ``end`` and before ``start``, in the same
    clause. Found by bisection, so a document with thousands of figures stays linear."""
    import bisect

    if starts is None:
        starts = [m.start for m in ms]
    i = bisect.bisect_left(starts, end)
    after = []
    for m in ms[i:]:
        if m.start > end + after_reach:
            break
        if not re.search(r"[.;\n•]", text[end:m.start]):
            after.append(m)
    j = bisect.bisect_left(starts, start - before_reach - 200)
    before = [m for m in ms[j:i] if start - before_reach <= m.end <= start
              and not re.search(r"[.;\n•]", text[m.end:start])]
    return after, before


def _number(s: str) -> float:
    s = s.lower()
    return float(_NUM_WORDS[s]) if s in _NUM_WORDS else float(s)


def _clause_break(between: str) -> bool:
    return bool(re.search(r"[.;:\n•]|\band\b(?!\s*/)", between))


def parse_years(text: str, mentions: list[Mention]) -> list[YearsRequirement]:
    """Year figures and the skill each applies to (the nearest hard skill after it in the same clause,
    else the one just before it: "Python (5 years)")."""
    out = []
    ms = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ms]
    for y in YEARS.finditer(text):
        req = YearsRequirement(_number(y.group("n")), y.group().strip(), y.start(), y.end())
        after, before = mentions_near(ms, text, y.start(), y.end(), before_reach=25, after_reach=YEARS_REACH,
                                      starts=starts)
        pick = None
        hard_after = [m for m in after if m.kind == "hard"]
        if hard_after:
            pick = hard_after[0]
        elif before and re.match(r"\s*\(?\s*$", text[before[-1].end:y.start()]):
            pick = before[-1]
        if pick is not None:
            req.skill_id, req.skill_name = pick.skill_id, pick.name
            req.skill_ids = list(dict.fromkeys([pick.skill_id] + [m.skill_id for m in hard_after]))
        out.append(req)
    return out


_EDITION = re.compile(r"^[ \t]+[A-Za-z]{0,3}\d[\w.]*(?=[ \t]*(?:,|/|or\b|and\b))")
_AWARD_TAIL = re.compile(r"^[ \t]+(?:degrees?|diplomas?|qualifications?)\b(?=[ \t]*(?:,|or\b|/|and\b))",
                         re.IGNORECASE)
#: Items of a list between two mentions that name things gapcheck does not know: ", Delta eSourcing,".
_UNKNOWN_ITEMS = re.compile(r"^[ \t]*(?:,[ \t]*(?:[A-Z]|[a-z]+[A-Z])[\w+#.&-]*(?:[ \t]+(?:[A-Z0-9]|"
                            r"[a-z]+[A-Z])[\w+#.&-]*){0,2}[ \t]*)+(?=,|[ \t]+(?:or|and|and/or)[ \t])")
_NAME_BEFORE_ACRONYM = re.compile(r"(?<=\s)(?:[A-Z][\w&-]*\s+){1,5}\($")
_NAME_TO_ACRONYM = re.compile(r"(?:\s+[A-Z][\w&-]*){0,4}\s*\(")


def parse_groups(text: str, mentions: list[Mention]) -> list[EitherOr]:
    """Either/or groups among consecutive mentions."""
    ms = sorted(mentions, key=lambda m: m.start)
    # A mention inside the spelled-out name of an acronym mention ("Certified Payroll Professional (CPP)")
    # is part of that item, not an item of its own.
    ms = [m for k, m in enumerate(ms)
          if not (k + 1 < len(ms) and _NAME_TO_ACRONYM.fullmatch(text, m.end, ms[k + 1].start)
                  and text[ms[k + 1].end:ms[k + 1].end + 1] == ")")]
    groups: list[EitherOr] = []
    i = 0
    while i < len(ms):
        j = i
        has_or = False
        while j + 1 < len(ms):
            # A tail glued to the previous item ("C#.NET, or Python") is part of that item.
            between = re.sub(r"^[^\s,/]{1,8}", "", text[ms[j].end:ms[j + 1].start])
            # ... and so is a version or edition after it ("Sage X3 or Microsoft Dynamics", "Sage 200, Xero")
            between = _EDITION.sub("", between)
            # ... and so is the kind of award after a degree's name ("a Master of Science Degree or a PhD")
            between = _AWARD_TAIL.sub("", between)
            # An acronym after its spelled-out name ("FPC or Certified Payroll Professional (CPP)"): the
            # name is part of the item. (The pattern ends in "\($": only a gap ending so can match, and a
            # long gap between two mentions is not searched through.)
            if between.endswith(("(", "(\n")):
                between = _NAME_BEFORE_ACRONYM.sub("", between)
            # Names of the list that are no skill gapcheck knows ("Proactis, Delta eSourcing and Jaggaer")
            # are items like the others: the list goes on past them.
            if "," in between:
                between = _UNKNOWN_ITEMS.sub(",", between)
            if len(between) > 40:
                break
            if _OR_JOIN.match(between):
                has_or = True
            elif not (_LIST_JOIN.match(between) or _EXAMPLES.match(between)):
                break  # (a bracket joins; its list makes a group only with an "or": "(Kafka, Airflow)" does not)
            j += 1
        if j > i and not has_or and _OR_RELATED.match(text, ms[j].end):
            has_or = True  # "a degree in English, journalism or a related subject": any of them
        if j > i:
            w = max(0, ms[i].start - 300)  # a bounded look back: long lines stay linear
            line_start = max(text.rfind("\n", w, ms[i].start), text.rfind(".", w, ms[i].start), w - 1) + 1
            intro = bool(_LIST_INTRO.search(text[line_start:ms[i].start]))
            last_join = text[ms[j - 1].end:ms[j].start]
            if intro or (has_or and not re.search(r"\band\b(?!\s*/)", last_join)):
                members = ms[i:j + 1]
                ids, names = [], []
                for m in members:
                    if m.skill_id not in ids:
                        ids.append(m.skill_id)
                        names.append(m.name)
                if len(ids) > 1 and not any(set(g.skill_ids) == set(ids) for g in groups):
                    groups.append(EitherOr(ids, names, members[0].start, members[-1].end,
                                           text[members[0].start:members[-1].end]))
        i = j + 1
    return groups


def parse_seniority(title: str | None) -> str | None:
    if not title:
        return None
    for level, pat in SENIORITY:
        if re.search(pat, title, re.IGNORECASE):
            return level
    return "mid"


def parse_requirements(text: str, mentions: list[Mention], *, title: str | None, credentials: dict[str, str],
                       groups: list[EitherOr] | None = None) -> AdvertRequirements:
    """All requirements of an advert.

    Args:
        text: the advert's text.
        mentions: its requirement mentions (see ``SkillExtractor.requirement_mentions``).
        title: its job title, if known.
        credentials: skill id -> ``"degree"`` or ``"certification"`` for the skills that are credentials.
        groups: ``parse_groups(text, mentions)`` if already parsed.
    """
    if groups is None:
        groups = parse_groups(text, mentions)
    req = AdvertRequirements(years=parse_years(text, mentions), groups=groups,
                             seniority=parse_seniority(title))
    for m in mentions:
        kind = credentials.get(m.skill_id)
        if kind == "degree" and m.name not in req.degrees:
            req.degrees.append(m.name)
        elif kind == "certification" and m.name not in req.certifications:
            req.certifications.append(m.name)
    return req

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
from gapcheck.gaps.terms import _same_word, _singular
from gapcheck.reporting.model import MentionRef, SkillItem

PROFICIENCY = re.compile(
    r"\b(?:expert(?:ise)?|advanced|fluent(?:ly)?|fluency|proficient|proficiency|native|mastery|master|"
    r"highly\s+skilled|deep\s+(?:knowledge|expertise)|specialist|guru|ninja|strong\s+command)\b",
    re.IGNORECASE,
)
#: Years claimed may exceed what the history shows by this much before it counts as stretched
#: (rounding "about 5 years" up, overlapping study and work).
YEARS_SLACK_MONTHS = 12
#: ... where every role is dated to the month: a figure that says "at least" ("7+ years", "over 7 years") is
#: held to it within a quarter; a plain one ("7 years") may round up half a year.
AT_LEAST_SLACK_MONTHS = 3
ROUNDING_SLACK_MONTHS = 6
_AT_LEAST = re.compile(r"\+|\b(?:over|more\s+than|at\s+least|in\s+excess\s+of)\b", re.IGNORECASE)


def years_slack(ytext: str, monthly: bool) -> int:
    """Months a year claim may exceed what the dated roles show: a year's worth when some role is dated by
    years only ("2019 - 2021" may be 13 months or 35), less when every role gives its months."""
    if not monthly:
        return YEARS_SLACK_MONTHS
    return AT_LEAST_SLACK_MONTHS if _AT_LEAST.search(ytext) else ROUNDING_SLACK_MONTHS
#: What may stand between a year figure and the skill it is said of ("years of", "years' hands-on
#: experience in").
_TIGHT = re.compile(r"\s*(?:['’]s?\s*)?(?:(?:of|in|with|using|hands-on|professional|commercial|industry|"
                    r"practical|relevant|direct|experience)\s+)*", re.IGNORECASE)
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
    """A match of ``pattern`` just before a span, within its clause, or right after it ("Python
    (advanced)", "Spanish: fluent"; not "CCSM and fluent Portuguese")."""
    lo = max(0, start - reach)
    for m in pattern.finditer(text, lo, start):
        if not re.search(r"[.;\n•|]", text[m.end():start]):
            return m
    for m in pattern.finditer(text, end, min(len(text), end + reach)):
        if re.fullmatch(r"[\s(:,–—-]*", text[end:m.start()]):
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


#: A credential named in words the taxonomy may not know: "Certified SOLIDWORKS Professional (CSWP)",
#: "Chartered MCIPD", "Qualified TAQA assessor", "2919-qualified", "WRAS Approved Plumber", "holding the
#: NPQ in Leading Teaching", "FPC-certified and SHRM-CP", "Envision Sustainability Professional (ENV SP)".
_CRED_NAME = r"(?:[A-Z0-9][\w&+/-]*(?:\s+(?:in|of|for|and|&)\s+|[ \t]+[–—-][ \t]+|\s+)){0,4}[A-Z0-9][\w&+/-]*(?:\s*\([A-Z][\w-]+\))?"
_CRED_NOUN = r"(?:Professional|Practitioner|Associate|Assessor|Technologist|Fellow|Diploma|Certificate)"
#: A role whose name, abbreviated in brackets by its initials, is a credential: "Critical Care Paramedic
#: (CCP-C)", "Certified Emergency Nurse (CEN)".
_CRED_ROLE = r"(?:Paramedic|Nurse|Engineer|Technician|Scientist|Specialist|Accountant|Auditor|Inspector|Therapist|" \
             r"Midwife|Pharmacist|Surveyor|Planner|Consultant|Manager|Analyst|Coder|Educator)"
_CREDENTIAL = re.compile(
    rf"\b(?:Certified|Chartered|Accredited|Licensed|Registered|Qualified)\s+(?P<a>{_CRED_NAME})"
    # "CeMAP and DipPFS qualified", "LSVT LOUD certified", "AU-designated", "Forest School Level 3 trained" (the
    # cue may start the next line of a wrapped summary)
    rf"|(?P<b>\b[A-Z0-9][\w&+/-]*(?:[ \t]+(?:(?:and|&)[ \t]+)?[A-Z0-9][\w&+/-]*){{0,4}})(?:[ \t-]+"
    rf"(?:(?i:qualified|accredited|approved|designated|trained)\b|(?:certified|CERTIFIED)\b|Certified\b(?![ \t]+[A-Z]))"
    rf"|[ \t]*\n[ \t]*(?:qualified|accredited|approved|designated|trained|certified)\b)"
    rf"|\b(?:holding|holder\s+of|hold|holds|achieved|awarded|completed)\s+(?:the|an?|my)?\s*(?P<c>{_CRED_NAME})"
    rf"|(?<=\band )(?P<d>[A-Z]{{2,}}[A-Z0-9]*-[A-Z0-9]{{1,4}})\b"
    rf"|(?P<e>\b[A-Z][\w&+-]*(?:\s+[A-Z][\w&+-]*){{0,3}}\s+{_CRED_NOUN}\s*\([A-Z][A-Z0-9]{{1,5}}(?:\s[A-Z0-9]{{1,4}})?\))"
    rf"|(?P<f>\b[A-Z][\w&+-]*(?:\s+[A-Z][\w&+-]*){{0,3}}\s+{_CRED_ROLE}\s*\((?P<fa>[A-Z]{{2,5}})(?:-[A-Z]{{1,2}})?\))"
    r"|\bQualified\s+(?P<g>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,2}?)(?=[.,;]|\s+(?:and|with|since|for)\b)"
    # a body's graded title: "IRTEC Master Technician", "ECS Gold Card Electrician"
    r"|(?P<h>\b[A-Z]{3,6}\s+(?:Master|Senior|Advanced|Gold\s+Card|Approved|Accredited)\s+"
    r"(?:Technician|Inspector|Assessor|Installer|Electrician|Plumber|Engineer))\b"
    # a named certificate: "Google Data Analytics Professional Certificate holder"
    r"|(?P<i>\b[A-Z][\w&+-]*(?:[ \t]+(?:(?:and|of|in|for|&)[ \t]+)?[A-Z][\w&+-]*){1,5}[ \t]+"
    r"(?:Certificate|Certification))\b",  # ... "SAA Arrangement and Description Certificate"
)
#: After a credential's name, words that make it a trade or a thing, not the credential: "HGV technician",
#: "working on HGVs", "forklift trainer".
_TRADE_AFTER = re.compile(r"(?:s\b|['’]s\b|[ \t]+(?i:technicians?|drivers?|engineers?|mechanics?|fitters?|operatives?|"
                          r"apprentices?|trainers?|instructors?|assessors?|examiners?|fleet|vehicles?|work)\b)")
#: The issuer's acronym before "Certified ...": "AWS Certified Machine Learning – Specialty".
_ISSUER_BEFORE = re.compile(r"\b([A-Z]{2,6})[ \t]+$")
#: What makes "and SHRM-CP" a credential: a credential cue just before it ("FPC-certified and SHRM-CP").
_CRED_CUE_BEFORE = re.compile(r"(?i:certified|qualified|accredited|chartered|licensed)\s+and\s+$")
#: Words that start a capitalised run but name no credential.
_NOT_CREDENTIAL = frozenset("""
I A An The My Our We He She They It This That In On At For With And Or Of To By As From Fully Highly Also
Nurse Engineer Technician Manager Teacher Accountant Driver Chef Designer Analyst Advisor Adviser Specialist
""".split())
_LEVEL_AFTER = re.compile(r"[ \t]+(?:Level|Lvl\.?)[ \t]*(\d{1,2})\b", re.IGNORECASE)


def _level_after(text: str, end: int) -> str | None:
    """The level written right after a credential's name ("AAT Level 3"), if any."""
    m = _LEVEL_AFTER.match(text, end)
    return m.group(1) if m else None


#: Where a credential is listed as held.
CREDENTIAL_SECTIONS = ("certifications", "education")


def credential_claims(text: str, sections, covered: list[tuple[int, int]]) -> list[Claim]:
    """Credentials named in the summary or header (in words the taxonomy may not know) whose distinctive
    words (acronyms, numbers, capitalised words) the certifications and education sections do not show.
    ``covered``: spans already claimed (a known certification is checked as a skill)."""
    held = " ".join(text[s.start:s.end] for s in sections if s.name in CREDENTIAL_SECTIONS).lower()
    held_words = set(re.findall(r"[a-z0-9&+]+", held))
    out = []
    seen: set[str] = set()
    for sec in sections:
        if sec.name not in ("summary", "header"):
            continue
        for m in _CREDENTIAL.finditer(text, sec.start, sec.end):
            g = next(k for k in "abcdefghi" if m.group(k))
            name = m.group(g).strip(" .,;:-")
            a = m.start(g)
            if g == "d" and not _CRED_CUE_BEFORE.search(text, max(0, a - 40), a):
                continue
            if g == "f" and "".join(w[0] for w in name[:name.index("(")].split()) != m.group("fa"):
                continue  # the bracket is not the name's initials
            if g == "f" and m.group("fa").lower() in held_words:
                continue  # "CCP-C" listed under certifications
            # "holding GWO BST and GWO ART": each credential on its own
            parts = [(name, a)]
            # ... and "CeMAP and DipPFS qualified" (acronyms on both sides: "Health and Safety" is one name)
            if g == "b" and re.search(r"\s+and\s+[A-Z]", name) and \
                    all(re.search(r"[A-Z]\w*[A-Z]", p) for p in re.split(r"\s+and\s+", name)):
                g = "c"
            if g == "c" and re.search(r"\s+and\s+[A-Z]", name):
                cuts = [0] + [x for j in re.finditer(r"\s+and\s+", name) for x in (j.start(), j.end())] + [len(name)]
                parts = [(name[i:k], a + i) for i, k in zip(cuts[::2], cuts[1::2])]
            for name, a in parts:
                words = re.findall(r"[A-Za-z0-9&+]+", name)
                if g == "g":  # "Qualified canine hydrotherapist": held when any of its words is
                    if any(_same_word(w.lower(), h) for w in words for h in held_words if h[:3] == w[:3].lower()):
                        continue
                    words = [w.capitalize() for w in words]
                if not words or words[0] in _NOT_CREDENTIAL:
                    continue
                # What sets it apart: acronyms, numbers and capitalised words that are not the cue itself.
                key = [w.lower() for w in words if (w[0].isupper() or w[0].isdigit()) and w not in _NOT_CREDENTIAL]
                issuer = _ISSUER_BEFORE.search(text, max(0, m.start() - 12), m.start()) if g == "a" else None
                if issuer and key:
                    key.insert(0, issuer.group(1).lower())  # "AWS Certified Machine Learning": AWS's, not any
                # (a two-letter acronym only joined to its cue: "AU-designated", not "IT qualified")
                joined = re.fullmatch(r"[A-Z]{2}", name) is not None and text.startswith("-", a + len(name))
                if not key or (len(key) == 1 and len(key[0]) < 3 and not key[0].isdigit() and not joined):
                    continue
                b = a + len(name)
                if any(x < b and a < y for x, y in covered):
                    continue
                if all(k in held_words for k in key) or " ".join(key) in seen:
                    continue
                seen.add(" ".join(key))
                phrase = text[m.start():b] if g in "abg" else name
                name = " ".join(name.split())
                start = m.start() if g in "abg" else a
                out.append(Claim(
                    "gapcheck:credential:" + re.sub(r"[^a-z0-9]+", "-", " ".join(key)).strip("-"), name, "hard",
                    "cert_unbacked",
                    f"\"{phrase}\" is claimed ({sec.name}) but the certifications and education sections do not list it",
                    f"list {name} with its issuer and year under certifications, or remove it if you do not hold it",
                    (MentionRef(phrase, sec.name, start, start + len(phrase)),), unbackable=True))
    return out


#: The field a year figure is said of: "10 years' warehouse experience", "15 years in the electrical trade".
_FIELD = re.compile(r"\s*(?:['’]s?\s*)?(?:(?:of|in|the|a|an|post-qualification|hands-on|professional|"
                    r"experience|working)\s+)*(?P<f>(?:[A-Za-z][\w&/-]*\s*){1,3})")
_FIELD_STOP = re.compile(r"\b(?:experience|in|across|with|from|behind|at|for|as|and|of|on|to|including)\b.*",
                         re.IGNORECASE | re.DOTALL)


def _field_words(text: str, end: int) -> list[str]:
    """Stems of the content words of the field after a year figure ("warehouse", "kitchens")."""
    from gapcheck.gaps.terms import GENERIC, _stem
    from gapcheck.scoring._stopwords import ENGLISH_STOP_WORDS

    m = _FIELD.match(text, end, min(len(text), end + 60))
    if not m:
        return []
    field = _FIELD_STOP.sub("", re.split(r"[,.;:\n(]", m.group("f"))[0])
    words = [w for w in re.findall(r"[A-Za-z][\w&-]*", field)
             if len(w) > 2 and w.lower() not in GENERIC and w.lower() not in ENGLISH_STOP_WORDS]
    if len(words) > 1 and words[0].lower().endswith("ing"):
        words = words[1:]  # "experience maintaining wind turbines": the field is wind turbines
    # a compound's head names the field too: "cybersecurity" in a "Managed Security" role
    heads = [c.group(1) for w in words if (c := _COMPOUND.fullmatch(w.lower()))]
    return [_stem(w) for w in words + heads]


#: A word made of a combining form and a word of its own ("cybersecurity", "biostatistics").
_COMPOUND = re.compile(r"(?:cyber|info|bio|micro|tele|geo|agri|aero|electro|hydro|petro|neuro|socio|eco|e-)"
                       r"-?([a-z]{5,})")


#: Stems in a role's title lines that say nothing about the field (months, "present", "ltd").
_TITLE_NOISE = frozenset("""janua febru march april may june july augus septe octob novem decem jan feb mar apr
jun jul aug sep sept oct nov dec prese curre now ltd inc llc limit plc group the and
manag offic assis senio junio lead head princ chief deput super coord admin direc execu assoc train appre
speci consu advis team leade engin""".split())  # and rank words: an "Office Manager" is no "School Business Manager"


_TITLE_CUT = re.compile(r"\s+[—–|-]\s+|,|\s+at\s+|\s+@\s+")


#: A job after a year figure: "8+ years as a commercial lines underwriter", "6 years working as an electrician".
_AS_JOB = re.compile(r"[ \t]*(?:['’]s?[ \t]*)?(?:experience[ \t]+)?(?:working[ \t]+)?as[ \t]+(?:an?[ \t]+)?"
                     r"(?:[A-Za-z][\w-]*[ \t]+){0,3}?(?P<head>[A-Za-z]+(?:er|or|ist|ian|ant|ent|man|ive|ic))\b",
                     re.IGNORECASE)


def _title_lines(text: str, r: Role) -> list[str]:
    """A role's title lines: the line of its dates and the one before it."""
    at = text.find(r.dates_text, r.start, r.end) if r.dates_text else -1
    at = at if at >= 0 else r.start
    a = text.rfind("\n", 0, max(0, text.rfind("\n", 0, at))) + 1
    b = text.find("\n", at)
    return text[a:b if b >= 0 else len(text)].split("\n")


def _title_months(text: str, roles: list[Role], head: str) -> int:
    """Months of the roles whose title names ``head`` in any form ("underwriter", "Underwriting Associate")."""
    from gapcheck.gaps.evidence import months_covered

    named = re.compile(r"\b" + re.escape(head.lower()[:max(5, len(head) - 3)]), re.IGNORECASE)
    return months_covered([r for r in roles if any(named.search(line) for line in _title_lines(text, r))])


def field_months(text: str, roles: list[Role], stems: list[str], mentions: list[Mention] = ()) -> tuple[int, int]:
    """(months of the roles in the field, how many such roles): roles whose text shows one of ``stems``,
    with the same kind of title as one of those, or sharing two hard skills with them (a Linux
    administrator's "servers" are infrastructure too)."""
    from gapcheck.gaps.evidence import months_covered
    from gapcheck.gaps.terms import _stem

    def words(s: str) -> set[str]:
        return {_stem(w) for w in re.findall(r"[A-Za-z][\w&-]*", s) if len(w) > 2}

    related = [r for r in roles if set(stems) & words(text[r.start:r.end])]
    # A role with the same kind of title is in the field too, whether or not its bullets repeat the word
    # (every teaching post is "in the classroom"): titles are the line of the role's dates and the one
    # before it.
    def title(r: Role) -> set[str]:
        # Only the job title of each line: what follows a dash, a bar, a comma or "at" is the employer
        # and the place, which unrelated roles share ("Leeds").
        return set().union(*(words(_TITLE_CUT.split(line, 1)[0]) for line in _title_lines(text, r))) - _TITLE_NOISE

    def skills(r: Role) -> set[str]:
        return {m.skill_id for m in mentions if m.kind == "hard" and r.start <= m.start < r.end}

    names = set().union(*(title(r) for r in related)) if related else set()
    related = [r for r in roles if r in related or title(r) & names]
    used = set().union(*(skills(r) for r in related)) if related else set()
    related = [r for r in roles if r in related or len(skills(r) & used) >= 2]
    return months_covered(related), len(related)


def find_claims(text: str, mentions: list[Mention], evidence: dict[str, SkillEvidence], roles: list[Role],
                sections, *, credentials: dict[str, str], asked: set[str], tech=lambda sid: True,
                traits: frozenset[str] = frozenset()) -> list[Claim]:
    """Every stretched claim in a CV, the advert's (``asked``) first."""
    claims: dict[str, Claim] = {}
    hist = history_months(roles)
    backing_lines: list[set[str]] | None = None
    implied: set[str] | None = None

    def backed_implied() -> set[str]:
        """Skills that a backed skill implies through the curated implications (Jenkins -> CI/CD)."""
        nonlocal implied
        if implied is None:
            from gapcheck.gaps.relations import load_relations

            implies = load_relations().implies
            implied = {b for s, e in evidence.items() if e.is_backed for b in implies.get(s, ())}
        return implied

    def _words_shown(refs, exact: bool) -> bool:
        """Whether a backing line shows the words of how the CV names the skill: in any form, or for a
        technology named with capitals as written ("Salesforce" is not shown by "Sales")."""
        nonlocal backing_lines
        if backing_lines is None:
            backing_lines = _backing_lines(text, sections)
        for r in refs:
            words = _content_words(r.text)
            strong = [w for w in words if w.lower() not in _WEAK_HEADS] or words
            if not strong:
                continue
            if exact and r.text != r.text.lower():  # a product's name, as written ("Salesforce")
                want = {_singular(w) for w in strong}
                if any(want <= {_singular(x) for x in line} for line in backing_lines):
                    return True
            elif _shown_in(strong, backing_lines):
                return True
        return False

    summary_like = {"summary", "header", "skills", "other"}

    def refs_of(sid: str) -> tuple[MentionRef, ...]:
        ev = evidence[sid]
        return tuple(ev.asserted + ev.backed)

    # 1. years beyond the history
    monthly = bool(roles) and all(r.monthly for r in roles)
    for years, m, ytext, ys, ye in claimed_years(text, mentions):
        sec = _section_name(sections, ys)
        if sec not in summary_like or not roles:
            continue
        slack = years_slack(ytext, monthly)
        # Years in a job ("8+ years as a commercial lines underwriter") are held to the roles with that job
        # in their title (an underwriting associate is one; a customer service post is not).
        job = _AS_JOB.match(text, ye)
        if job and m is None:
            months = _title_months(text, roles, job.group("head"))
            if months and years * 12 > months + slack:
                phrase = text[ys:job.end()]
                claims.setdefault("gapcheck:years-as-" + job.group("head").lower(), Claim(
                    "gapcheck:years-as-" + job.group("head").lower(), phrase, "hard", "years_exceed_history",
                    f"the CV claims {phrase}, but the roles with {job.group('head').lower()} in their title cover "
                    f"{months / 12:.1f} years (the whole history {hist / 12:.1f})",
                    "claim what those roles show, or add the dated roles that account for the rest",
                    (MentionRef(phrase, sec, ys, ys + len(phrase)),)))
                continue
        # Years in a field ("10 years' warehouse experience") are held to the roles that show the field
        # when only some do (the rest were in retail sales): claims of a whole career in a trade.
        stems = _field_words(text, ye)
        if stems:
            months, n_related = field_months(text, roles, stems, mentions)
            # (when every role shows the field, a skill named right after the figure is the better name:
            # "10+ years of Java", but "10 years in professional kitchens, cooking ...")
            said_of_skill = m is not None and m.start >= ye and _TIGHT.fullmatch(text[ye:m.start])
            if 0 < n_related <= len(roles) and years * 12 > months + slack \
                    and (n_related < len(roles) or not said_of_skill):
                fe = ye + len(_FIELD.match(text, ye).group().rstrip())
                phrase = re.sub(r"(?:\s+(?:in|across|of|with|from|behind|at|for|as|and|on|to|including))+$", "",
                                text[ys:fe].split("\n")[0].rstrip(" ,.;:"), flags=re.IGNORECASE)
                sid = "gapcheck:years-in-" + "-".join(stems)
                claims.setdefault(sid, Claim(
                    sid, phrase, "hard", "years_exceed_history",
                    f"the CV claims {phrase}, but the roles that show it cover {months / 12:.1f} years "
                    + (f"(the whole history {hist / 12:.1f})" if n_related < len(roles) else "(all of them)"),
                    "claim what those roles show, or add the dated roles that account for the rest",
                    (MentionRef(phrase, sec, ys, ys + len(phrase)),)))
                continue
        if m is not None:
            ev = evidence.get(m.skill_id)
            used = ev.months if ev else 0
            # Years said of the skill itself ("9 years of payroll", "Python (8 years)") are held to the
            # roles that name it (payroll in roles covering 6.7 years, the rest in accounts payable);
            # looser ones ("10 years in professional kitchens, cooking ...") and skills no role names, to
            # the whole history (a skill no role shows is a claim of its own).
            tight = _TIGHT.fullmatch(text[ye:m.start]) if m.start >= ye else \
                re.fullmatch(r"\s*[(:-]?\s*", text[m.end:ys])
            limit = used if ev and ev.roles and tight else max(hist, used)
            if years * 12 > limit + slack:
                claims[m.skill_id] = Claim(
                    m.skill_id, m.name, m.kind, "years_exceed_history",
                    f"the CV claims {ytext} {m.name}, but the work history covers "
                    f"{hist / 12:.1f} years" + (f" and {m.name} appears in roles covering {used / 12:.1f} years"
                                                if ev and ev.roles else ""),
                    f"say what the dated roles show ({limit / 12:.1f} years) or add the roles that "
                    f"account for the rest",
                    (MentionRef(text[ys:m.end] if m.start > ys else text[m.start:ye], sec, min(ys, m.start),
                                max(ye, m.end)),) + (tuple(ev.asserted) if ev else ()))  # the roles are given apart
        elif years * 12 > hist + slack and hist:
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
            # claimed in the summary or a skills list; a licence in the header or an "Other" line
            # ("Full UK driving licence, clean") is stated, not claimed as a certificate
            claimed_at = [r for r in ev.asserted + ev.backed if r.section in ("summary", "skills")
                          and not _TRADE_AFTER.match(text, r.end)]  # "HGV technician", "working on HGVs"
            # a level claimed that the listed one is not ("AAT Level 3 qualified", "AAT Level 2" held)
            claimed_levels = {lv for r in claimed_at if (lv := _level_after(text, r.end))}
            held_levels = {lv for r in in_cert if (lv := _level_after(text, r.end))}
            if in_cert and claimed_at and claimed_levels and held_levels and not claimed_levels & held_levels:
                lv = sorted(claimed_levels)[0]
                claims[sid] = Claim(
                    sid, ev.name, kind, "cert_unbacked",
                    f"{ev.name} Level {lv} is named ({claimed_at[0].section}) but the certifications and "
                    f"education list Level {', '.join(sorted(held_levels))}",
                    f"name the level you hold, or list {ev.name} Level {lv} with its year if you hold it",
                    refs_of(sid), unbackable=True)
                continue
            if not in_cert and claimed_at:
                claims[sid] = Claim(
                    sid, ev.name, kind, "cert_unbacked",
                    f"{ev.name} is named ({claimed_at[0].section}) but not listed under certifications or education",
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
        if not ev.is_backed and listed and sid in backed_implied():
            continue  # "CI/CD" listed, GitLab CI and Jenkins pipelines in the roles (curated implications)
        if not ev.is_backed and listed and _words_shown(ev.asserted, exact=kind == "hard" and tech(sid)):
            continue  # "Medication administration" listed, "administer medications" in a role's bullet
        if not ev.is_backed and listed and (any(r.text.lower() in _LANGUAGES for r in ev.asserted)
                                            or credentials.get(sid) or any(_LICENCE.search(r.text) for r in ev.asserted)):
            continue  # a spoken language, a licence or a certificate is held, not shown in a role's bullet
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
    covered = [(r.start, r.end) for c in out for r in c.mentions]
    covered += [(m.start, m.end) for m in mentions if credentials.get(m.skill_id) == "certification"]
    out += credential_claims(text, sections, covered)
    return sort_claims(out, asked)


def term_claims(matched_terms: list[SkillItem], term_kinds: dict[str, str], cv, sections,
                claimed: set[str]) -> list[Claim]:
    """Tools and credentials the advert asks for by a name the taxonomy does not know ("Microsoft
    Sentinel", "Ascribe"), that the CV names only in its skills list: listed only. Names and acronyms
    only (literal occurrences); phrases, matched loosely by their words, are not judged.

    Args:
        matched_terms: the report's matched items that are advert terms.
        term_kinds: term skill id -> its kind (acronym, name, phrase, duty, credential).
        cv: the CV's :class:`~gapcheck.gaps.terms.CVText`.
        sections: the CV's sections.
        claimed: skill ids already claimed.
    """
    from gapcheck.gaps.terms import Term, name_hits_in_cv

    out = []
    for it in matched_terms:
        if it.id in claimed or term_kinds.get(it.id) not in ("acronym", "name"):
            continue
        hits = name_hits_in_cv(Term(it.name, 0, len(it.name), term_kinds[it.id]), cv)
        where = [(_section_name(sections, a), a, b) for a, b in hits]
        if not where or any(sec != "skills" for sec, _, _ in where):
            continue
        out.append(Claim(
            it.id, it.name, "hard", "listed_only",
            f"{it.name} appears only in the skills section; no role or project shows it",
            f"add a bullet to a role or project that shows {it.name} in use, with a result",
            tuple(MentionRef(cv.text[a:b], sec, a, b) for sec, a, b in where)))
    return out


def sort_claims(claims: list[Claim], asked) -> list[Claim]:
    """The advert's claims first, then by kind (years, certificates, proficiency, listed only), by name."""
    order = {"years_exceed_history": 0, "cert_unbacked": 1, "proficiency_unbacked": 2, "listed_only": 3}
    return sorted(claims, key=lambda c: (c.skill_id not in asked, order[c.claim], c.name.lower()))


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


# --- claims about skills the taxonomy does not name -------------------------------------------------------

#: Characters that separate the items of a skills list ("Makaton · French", "CAD: SolidWorks, Creo").
_ITEM_SEPARATORS = "·•|;,▪●◦"
#: A category label before a list's items ("CAD: ", "Data and MLOps: ", "EDR: ").
_LIST_LABEL = re.compile(r"[A-Z][\w &/+-]{0,30}:\s*")
#: "Expert in Reapit", "Expert knowledge of HITRUST CSF", "Advanced skills in exotic species nursing",
#: "Advanced butchery skills": a proficiency claimed in the summary for the phrase in ``x`` or ``y``.
_PROFICIENT_IN = re.compile(
    r"\b(?P<p>expert|advanced|proficient|highly\s+skilled|specialist|deep|mastery)\s+"
    r"(?:(?:knowledge|skills?|experience|expertise|understanding|user)\s+)?(?:in|of|with|at)\s+"
    r"(?P<x>(?:[^.;:,()\n]|\n(?!\s*\n)){2,60})"
    r"|\b(?P<q>expert|advanced)\s+(?P<y>[a-z][a-z -]{2,40}?)\s+(?:skills|knowledge|techniques)\b"
    # "with expert gearbox and clutch rebuilds,": the phrase up to the clause's end, in lower case
    r"|\b(?<!an )(?<!a )(?P<r>(?-i:expert))\s+(?P<z>(?-i:[a-z][a-z -]{2,50}?))(?=[,.;]|\s*\n)",
    re.IGNORECASE,
)
#: Where a phrase after a proficiency word stops: a clause or a new thought ("hydronic systems and I ...").
_PHRASE_STOP = re.compile(r"\s+(?:and|who|which|that|with|for|to|across|at|in|on|from|including|I|as)\s+.*",
                          re.IGNORECASE | re.DOTALL)
#: Spoken languages: a CV's "Spanish" or "Fluent French" is judged by the taxonomy or not at all.
_LANGUAGES = frozenset("""
english spanish french german italian portuguese dutch polish arabic urdu hindi punjabi bengali gujarati
mandarin cantonese chinese japanese korean russian turkish greek welsh gaelic irish romanian bulgarian
hungarian czech slovak swedish norwegian danish finnish tagalog vietnamese thai somali swahili farsi persian
hebrew bsl asl bilingual
""".split())
_ITEM_WORD = re.compile(r"[A-Za-z0-9+#]+")
#: A licence or permit is held, not shown in use: the taxonomy's credentials judge those.
_LICENCE = re.compile(r"\blicen[cs]es?\b|\bpermit\b", re.IGNORECASE)
#: Heads of skill names that any line about the thing shows in other words ("Behaviour management" in
#: "apply the behaviour policy", "MCS paperwork" in "compile the MCS handover pack"): not required there.
_WEAK_HEADS = frozenset("management handling paperwork documentation administration".split())
#: A line of "·"-separated items wraps onto the next when it ends on a word no item ends with ("Stock
#: control and / ordering") or the next starts in lower case ("Patient and family / education").
_WRAPS_AFTER = re.compile(r"\b(?:and|or|of|for|to|in|on|with|the|a|an|&)$", re.IGNORECASE)


def _body_start(text: str, sec) -> int:
    """Where a section's content starts: after its heading, if it has one."""
    if sec.heading:
        i = text.find(sec.heading, sec.start, sec.end)
        if i >= 0:
            return i + len(sec.heading)
    return sec.start


def skills_list_items(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """The items of a skills list between two offsets, each ``(start, end, proficiency word or None)``.

    Items are separated by bullets, bars, commas and semicolons (not inside brackets) and by line ends,
    except that a line of "·"-separated items that ends without one wraps onto the next line ("Stock
    control and / ordering"). A category label ("CAD:") is not part of an item; a bracket after it is
    dropped, but a proficiency word in it ("CUDA (expert)") is kept. "GivEnergy and Enphase" is two items.
    """
    spans: list[tuple[int, int]] = []
    depth, first, line_start = 0, None, start
    for i in range(start, end):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        cut = depth == 0 and c in _ITEM_SEPARATORS
        if c == "\n":
            line = text[line_start:i].rstrip()
            nxt = text[i + 1:i + 2]
            wraps = _WRAPS_AFTER.search(line) is not None or (any(s in line for s in "·•|") and nxt.islower())
            cut, line_start = not wraps, i + 1
        if cut:
            if first is not None:
                spans.append((first, i))
            first = None
        elif first is None and not c.isspace():
            first = i
    if first is not None:
        spans.append((first, end))
    out = []
    for a, b in spans:
        lab = _LIST_LABEL.match(text, a, b)
        if lab:
            a = lab.end()
        item = text[a:b]
        prof = None
        for br in re.finditer(r"\s*\([^)]*\)?", item):
            p = PROFICIENCY.search(br.group())
            prof = prof or (p.group() if p else None)
        name = re.sub(r"\s*\([^)]*\)?", "", item).strip(" \t\n.-*–")
        if not name:
            continue
        a += item.find(name[:1]) if name else 0
        parts = re.split(r"\s+(?:and|&)\s+", name)
        if len(parts) == 1 and re.fullmatch(r"[A-Z][A-Z0-9]+(?:/[A-Z][A-Z0-9]+)+", name):
            parts = name.split("/")  # "BLS/ACLS", "TCP/IP"
            for p in parts:
                k = text.find(p, a, b)
                out.append((k, k + len(p), prof))
            continue
        if len(parts) == 2 and all(p[:1].isupper() for p in parts):
            out.append((a, a + len(parts[0]), prof))
            k = text.find(parts[1], a + len(parts[0]), b)
            out.append((k, k + len(parts[1]), prof))
        else:
            k = text.find(name, a, b)
            out.append((k, k + len(name), prof))
    return [(a, b, p) for a, b, p in out if a >= 0]


def _backing_text(text: str, sections) -> str:
    """The CV's text with everything outside the backing sections (roles, projects, certifications,
    education) blanked, offsets kept."""
    from gapcheck.gaps.evidence import BACKING_SECTIONS

    return "".join(text[s.start:s.end] if s.name in BACKING_SECTIONS else
                   re.sub(r"[^\n]", " ", text[s.start:s.end]) for s in sections)


def _backing_lines(text: str, sections, backing: str | None = None) -> list[set[str]]:
    """The lower-case words of each backing line; a bullet wrapped over lines is one line (continuations
    are indented or start in lower case)."""
    backing = _backing_text(text, sections) if backing is None else backing
    return [{w.lower() for w in _ITEM_WORD.findall(x)} for x in re.split(r"\n(?![ \t]+\S|[a-z])", backing)]


def _content_words(name: str) -> list[str]:
    from gapcheck.gaps.terms import _FUNCTION, GENERIC

    return [w for w in _ITEM_WORD.findall(name) if w.lower() not in GENERIC and w.lower() not in _FUNCTION
            and (len(w) > 2 or (len(w) == 2 and (w.isupper() or any(ch.isdigit() for ch in w))))]


def _shown_in(words: list[str], lines: list[set[str]]) -> bool:
    """Whether one line (its lower-case words) shows a phrase's content words, in any form ("hunting" and
    "hunts", "ECG" and "ECGs"): all of them, or all but one of three or more ("12-lead ECG interpretation"
    in "read 12-lead ECG tracings", "Brand identity and guidelines" in "Design brand identities")."""
    from gapcheck.gaps.terms import _same_word

    words = [w.lower() for w in words]
    need = len(words) - (1 if len(words) >= 3 else 0)
    for line in lines:
        if sum(any(x[:3] == w[:3] and _same_word(w, x) for x in line) for w in words) >= need:
            return True
    return False


def unnamed_claims(text: str, sections, mentions: list[Mention], covered: list[tuple[int, int]],
                   claimed: set[str]) -> list[Claim]:
    """Claims about skills the taxonomy does not name: items of the skills list ("Makaton", "Bluebeam
    Revu", "Air source heat pumps") and proficiencies in the summary ("Expert in Reapit") that no
    experience, project, certification or education line shows (all their words on one line there).

    Args:
        text: the CV's text.
        sections: its sections.
        mentions: its taxonomy mentions (an item a mention covers whole was judged as that skill).
        covered: spans other claims already rest on.
        claimed: skill ids already claimed.
    """
    from gapcheck.gaps.evidence import BACKING_SECTIONS
    from gapcheck.gaps.terms import CVText, Term, term_in_cv

    backing = _backing_text(text, sections)
    backing_cv = CVText(backing)
    lines = _backing_lines(text, sections, backing)
    found: dict[str, tuple[str, str | None, str, tuple[MentionRef, ...]]] = {}  # id -> name, prof, sec, refs

    def unbacked(a: int, b: int) -> Term | None:
        """The span as a term when it names a skill no backing line shows, else None."""
        name = text[a:b]
        # a bracketed qualifier is no part of what a role must show ("EYFS planning (in the moment and
        # topic-based)"), unless it is all there is
        words = _content_words(re.sub(r"\s*\([^()]*\)", "", name)) or _content_words(name)
        if not words or len(words) > 5 or any(w.lower() in _LANGUAGES for w in words) or _LICENCE.search(name):
            return None
        if re.search(r"\b(?:19|20)\d\d\b|\.\s", name) or (
                name.isupper() and all(len(w) >= 5 for w in re.findall(r"[A-Z]+", name)) and " " in name):
            return None  # a dated line ("member since 2024"), a sentence, a heading the sectioner missed
        over = [m for m in mentions if m.start < b and a < m.end]
        if any(m.kind == "soft" for m in over):
            return None
        # the words no taxonomy mention covers decide: none (or a stray short one, "Splunk ES") and the
        # item was judged as those skills; a word another claim rests on is judged there
        free = [(a + w.start(), a + w.end()) for w in _ITEM_WORD.finditer(name) if w.group() in words
                and not any(m.start <= a + w.start() and a + w.end() <= m.end for m in over)]
        if all(y - x <= 2 or any(x < q and p < y for p, q in covered) for x, y in free):
            return None
        kind = "acronym" if len(words) == 1 and re.fullmatch(r"[A-Z][A-Z0-9&+-]+", name) else "phrase"
        term = Term(name, a, b, kind)
        strong = [w for w in words if w.lower() not in _WEAK_HEADS] or words
        if term.skill_id in claimed or _shown_in(strong, lines) or (
                kind == "acronym" and term_in_cv(term, backing_cv) is not None):
            return None
        # The words no taxonomy mention covers name the thing ("5 Whys" in "5 Whys root cause analysis");
        # the covered ones are judged as their own skill. A role showing the free words backs the item.
        free_words = [text[x:y] for x, y in free]
        if over and free_words and _shown_in(free_words, lines):
            return None
        return term

    def consider(a: int, b: int, prof: str | None, sec: str, ref: tuple[int, int] | None = None) -> None:
        term = unbacked(a, b)
        if term is None:
            return
        parts, k = [], a
        for sep in re.finditer(r"\s+(?:and|&)\s+", text[a:b]):
            parts.append((k, a + sep.start()))
            k = a + sep.end()
        parts.append((k, b))
        if len(parts) > 1:  # "STEMI and stroke recognition": STEMI is shown; judge each part
            for pa, pb in parts:
                if unbacked(pa, pb) is not None:
                    consider(pa, pb, prof, sec)
            return
        ref = ref or (a, b)
        name, old_prof, _, refs = found.get(term.skill_id, (" ".join(term.text.split()), None, sec, ()))
        found[term.skill_id] = (name, prof or old_prof, sec if prof or not old_prof else found[term.skill_id][2],
                                refs + (MentionRef(text[ref[0]:ref[1]], sec, ref[0], ref[1]),))

    for sec in sections:
        if sec.name in ("summary", "header"):
            for m in _PROFICIENT_IN.finditer(text, sec.start, sec.end):
                g = "x" if m.group("x") else "y" if m.group("y") else "z"
                phrase = _PHRASE_STOP.sub("", m.group(g)).strip()
                if phrase:
                    a = m.start(g)
                    consider(a, a + len(phrase), (m.group("p") or m.group("q") or m.group("r")).lower(), sec.name,
                             (m.start(), a + len(phrase)))
        elif sec.name == "skills":
            for a, b, prof in skills_list_items(text, _body_start(text, sec), sec.end):
                consider(a, b, prof, sec.name)
    out = []
    for sid, (name, prof, sec, refs) in found.items():
        if prof:
            out.append(Claim(sid, name, "hard", "proficiency_unbacked",
                             f"\"{prof}\" {name} is claimed ({sec}) but no role, project, certificate or degree "
                             f"shows it",
                             f"back it with a concrete example (situation, task, action, result) of {name}, or "
                             f"tone the claim down", refs))
        else:
            out.append(Claim(sid, name, "hard", "listed_only",
                             f"{name} appears only in the {sec} section; no role or project shows it",
                             f"add a bullet to a role or project that shows {name} in use, with a result", refs))
    return out

"""Advert requirements (years, either/or, seniority) and CV evidence (roles, dates, backing)."""

from __future__ import annotations

from datetime import date

import pytest

from gapcheck import read_text
from gapcheck.api import analyse_document
from gapcheck.gaps.evidence import DATE_RANGE, collect_evidence, find_roles, history_months
from gapcheck.gaps.requirements import parse_groups, parse_seniority, parse_years


def advert(text):
    return analyse_document(read_text(text), "advert")


@pytest.mark.parametrize("text, skill, years", [
    ("Requirements\n• 3+ years of Python in production\n", "Python", 3),
    ("Requirements\n• At least two years' experience in SQL\n", "SQL", 2),
    ("Requirements\n• Kubernetes (5 years)\n", "Kubernetes", 5),
    ("Requirements\n• Minimum of 4 years of professional experience with Java\n", "Java", 4),
])
def test_years_attach_to_their_skill(text, skill, years):
    d = advert(text)
    reqs = parse_years(d.text, d.mentions)
    assert len(reqs) == 1
    assert reqs[0].years == years and reqs[0].skill_name.startswith(skill)


def test_years_with_no_skill_are_general():
    d = advert("Requirements\n• 5+ years in a similar role.\n")
    (y,) = parse_years(d.text, d.mentions)
    assert y.years == 5 and y.skill_id is None


@pytest.mark.parametrize("text, members", [
    ("Requirements\n• Strong Java or Kotlin\n", {"Java", "Kotlin"}),
    ("Requirements\n• Java/Kotlin on the JVM\n", {"Java", "Kotlin"}),
    ("Requirements\n• One or more of the following: PostgreSQL, MySQL, Oracle Database\n",
     {"PostgreSQL", "MySQL", "Oracle"}),
    # a version or edition after a name is part of its item
    ("Requirements\n- Experience with Sage X3 or Microsoft Dynamics for production planning\n", {"Sage", "Microsoft"}),
    ("Requirements\n• Extensive knowledge of Java 8 or Kotlin\n", {"Java", "Kotlin"}),
    # a list ending "or a related subject": any of its items will do
    ("Requirements\n- A degree in Physics, Chemistry or a closely related subject\n", {"physics", "chemistry"}),
])
def test_either_or_groups(text, members):
    d = advert(text)
    (g,) = parse_groups(d.text, d.mentions)
    assert {n.split(" (")[0].split()[0] for n in g.names} == {m.split()[0] for m in members}


def test_an_acronym_after_its_spelled_out_name_is_one_item_of_a_group():
    from gapcheck.extraction.mention import Mention

    text = "Preferred\n• Fundamental Payroll Certification (FPC) or Certified Payroll Professional (CPP)\n"

    def at(word, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = text.index(word, i + 1)
        return Mention(word.lower(), word, "hard", word, i, i + len(word))

    ms = [at("Payroll"), at("FPC"), at("Payroll", 1), at("CPP")]
    (g,) = parse_groups(text, ms)
    assert set(g.skill_ids) == {"fpc", "cpp"}


def test_a_group_gap_carries_every_member_as_evidence():
    from gapcheck.api import analyze

    cv = read_text("JO PARK\nPayroll specialist\n\nEXPERIENCE\nPayroll Specialist, Acme, 2020 - 2024\n"
                   "- Ran biweekly payroll for 300 staff in ADP.\n", source="cv.txt")
    ad = read_text("Payroll Specialist\nRequirements\n• Payroll experience\n• Experience with Kronos/UKG timekeeping\n",
                   source="advert.txt")
    r = analyze(cv, ad)
    gap = next(g for g in r.gaps if g.details.get("either_or"))
    assert {m.text for m in gap.mentions} >= {"Kronos", "UKG"}


def test_examples_in_brackets_after_a_skill_join_its_group():
    from gapcheck.extraction.mention import Mention

    text = "Requirements\n- Experience of a laboratory information management system (WinPath or Telepath)\n"

    def at(phrase):
        i = text.index(phrase)
        return Mention(phrase.lower(), phrase, "hard", phrase, i, i + len(phrase))

    (g,) = parse_groups(text, [at("laboratory information management system"), at("WinPath"), at("Telepath")])
    assert len(g.skill_ids) == 3


def test_and_is_not_or():
    d = advert("Requirements\n• Python and SQL\n")
    assert parse_groups(d.text, d.mentions) == []


@pytest.mark.parametrize("title, level", [("Senior Backend Engineer", "senior"), ("Junior Developer", "junior"),
                                          ("Graduate Nurse", "graduate"), ("Head Chef", "lead"),
                                          ("Electrician", "mid"), (None, None)])
def test_seniority(title, level):
    assert parse_seniority(title) == level


@pytest.mark.parametrize("s, ok", [("Mar 2019 – Present", True), ("2016 - 2019", True), ("03/2020 – 05/2022", True),
                                   ("Sept 2018 – May 2023", True), ("Mar. 2010 - Aug. 2017", True),
                                   ("Summer 2012 to 2013", True), ("2019", False), ("call 2019-555", False)])
def test_date_ranges(s, ok):
    assert bool(DATE_RANGE.search(s)) is ok


CV = """Jane Roe
Nurse

PROFILE
Registered nurse with 15 years of ICU experience. Expert in Python.

EXPERIENCE
Staff Nurse, City Hospital
Mar 2021 – Present
• Cared for 4 ventilated patients a shift using Epic; cut handoff errors by 30%.
Healthcare Assistant, Town Clinic
Jan 2019 – Feb 2021
• Took observations and recorded them in Epic.

SKILLS
Epic, SQL, Python

CERTIFICATIONS
BLS (2024)
"""


def test_roles_months_and_backing():
    d = analyse_document(read_text(CV), "cv")
    roles = find_roles(d.text, d.sections, today=date(2026, 11, 21))
    assert [r.dates_text for r in roles] == ["Mar 2021 – Present", "Jan 2019 – Feb 2021"]
    assert roles[0].current and roles[0].months == 69
    assert history_months(roles) == 95
    ev = collect_evidence(d.text, d.mentions, roles)
    by_name = {e.name: e for e in ev.values()}
    epic = next(e for n, e in by_name.items() if n.startswith("Epic"))
    assert epic.is_backed and len(epic.roles) == 2 and epic.months == 95
    assert epic.with_result  # "cut handoff errors by 30%"
    sql = by_name["SQL"]
    assert not sql.is_backed and [r.section for r in sql.asserted] == ["skills"]
    assert by_name["BLS"].backed[0].section == "certifications"


def test_claims_on_a_stretched_cv():
    from gapcheck import analyze

    r = analyze(read_text(CV, source="cv.txt"), read_text(
        "ICU Nurse\n\nRequirements\n• 2+ years of ICU nursing\n• Epic\n• Python or SQL\n• BLS\n", source="ad.txt"))
    claims = {c.name.split(" (")[0]: c.details["claim"] for c in r.stretched_claims}
    assert claims.get("Python") == "proficiency_unbacked"   # "Expert in Python", no role shows it
    assert claims.get("SQL") == "listed_only"
    assert "gapcheck:years-of-experience" in {c.id for c in r.stretched_claims}  # 15 years vs ~8
    assert not any(n.startswith("Epic") or n == "BLS" for n in claims)  # backed: never flagged
    # Claims the advert asks for come first.
    asked = [c.details["asked_by_advert"] for c in r.stretched_claims]
    assert asked == sorted(asked, reverse=True)
    for c in r.stretched_claims:
        for m in c.mentions:
            assert r.cv.text[m.start:m.end] == m.text

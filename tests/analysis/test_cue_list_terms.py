"""Every item of a list after a cue ("experience with A, B or C") is a phrase the CV is checked for."""

from __future__ import annotations

from conftest import advert_terms_of

ADVERT = """Mechanical Design Engineer
Requirements
• Experience with pumps, valves or other fluid-handling equipment
• Experience in the charity or not-for-profit sector
• Experience handling disciplinary and grievance procedures
The MRI modality requires additional knowledge of superconducting magnets,
the physics of superconducting magnets, and how they relate to the human body.
Equivalent experience in the private or public sector developing design specifications.
Experience with Remedy desired.
"""


def terms():
    return advert_terms_of(ADVERT)


def test_later_items_of_a_cue_list_are_terms():
    found = terms()
    assert {"fluid-handling equipment", "not-for-profit sector", "disciplinary and grievance procedures"} <= set(found)
    for t in found.values():
        assert ADVERT[t.start:t.end] == t.text


def test_clauses_and_ordinary_words_in_a_cue_list_are_not():
    found = set(terms())
    assert not {"pumps", "valves", "charity", "disciplinary"} & found  # one ordinary word each
    assert not any("relate" in t for t in found)      # "and how they relate to ...": a clause
    assert not any("\n" in t for t in found)          # an item does not run over a line break
    assert not any("developing" in t for t in found)  # "public sector developing ...": a verb follows
    assert not any("desired" in t for t in found)     # "Remedy desired": the stop word ends the phrase


def test_items_after_including_name_things_not_duties_or_jobs():
    advert = """QC Technician
Requirements
• Perform environmental monitoring of cleanrooms and utilities, including water system sampling
• Experience of IT duties such as writing code and executing test plans
• Relevant experience in roles such as computer operator or program analyst
• Paid or unpaid experience, including volunteer experience, counts
"""
    found = set(advert_terms_of(advert))
    assert "water system sampling" in found
    assert not any(w in t for t in found for w in ("writing", "executing", "operator", "analyst", "volunteer"))


def test_a_modifier_before_a_named_skill_after_a_cue_is_a_narrower_term():
    advert = """Payroll Specialist
Requirements
• Experience with union payroll or collective bargaining agreements
• Experience with current BLS certification
"""
    found = set(advert_terms_of(advert))
    assert "union payroll" in found
    assert not any(t.lower().startswith("current") for t in found)  # a qualifier, not a narrower skill


def test_a_short_item_joined_by_and_to_the_last_shares_its_noun():
    advert = """Payroll Specialist
Requirements
• Working knowledge of FLSA, wage garnishments and state wage and hour laws
• Experience handling disciplinary and grievance procedures
"""
    found = set(advert_terms_of(advert))
    assert {"state wage and hour laws", "disciplinary and grievance procedures"} <= found
    assert not {"hour laws", "state wage", "grievance procedures"} & found


def test_prose_asks_what_you_hold_and_where_you_have_worked():
    advert = """Paramedic
Requirements
To be considered you must hold an Arizona paramedic certification or a National Registry (NRP)
certification. Ideal candidates are paramedics who have worked in a community paramedicine or
mobile integrated health program, or who have served as a field training officer for new medics. You'll
hold your own clinics. If you have used ImageTrend you will settle in quickly.
"""
    found = advert_terms_of(advert)
    for want in ("Arizona paramedic certification", "community paramedicine", "field training officer"):
        assert want in found, sorted(found)
    assert not any(t.startswith(("your", "own", "used")) for t in found)


def test_an_alternative_after_or_a_joins_the_group():
    from gapcheck import read_text
    from gapcheck.api import analyse_document, compare_documents

    advert = read_text("""Paramedic
Requirements
- You must hold an Arizona paramedic certification or a National Registry (NRP) certification
""", source="advert.txt")
    cv = read_text("""Sam Lee
CERTIFICATIONS
National Registry Paramedic (NRP), 2021
EXPERIENCE
Paramedic, Valley EMS, 2019 - Present
- Ran 911 calls as lead paramedic.
""", source="cv.txt")
    r = compare_documents(analyse_document(cv, "cv"), analyse_document(advert, "advert"))
    assert not any("Arizona" in g.name for g in r.gaps)  # NRP satisfies the either/or


def test_joint_names_people_and_activity_verbs_are_not_terms():
    advert = """HR Advisor
Requirements
- Map controls across NIST CSF 2.0, ISO/IEC 27001:2022 and PCI DSS v4.0
- Experience of managing employee relations casework from start to finish
- Experience in a unionised environment, working with trade union representatives
- A working knowledge of lettings legislation, including deposit protection rules
"""
    found = advert_terms_of(advert)
    assert not any("IEC" in t for t in found)  # "ISO/IEC 27001" is ISO 27001 to a CV
    assert not any("representatives" in t for t in found)  # people, not a skill
    assert not any(t.startswith("managing") for t in found)  # the activity's verb is no part of the thing
    assert "employee relations casework" in found or not any("casework" in t for t in found)
    from gapcheck.gaps.terms import CVText, term_in_cv

    cv = CVText("Deposit protection (DPS) and tenancy deposit disputes\nEmployee relations: 40 cases a year\n")
    for t in found.values():
        if "deposit" in t.text or "employee relations" in t.text:
            assert term_in_cv(t, cv) is not None, t  # "rules" and "casework" are not asked of the CV


def test_a_sector_worked_in_is_one_word_enough():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = ("It's a real plus if you've worked with restaurants or hospitality before. Worked as a computer "
            "operator or assistant. You have worked on arrays of 50kWp and above.")
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert {"restaurants", "hospitality"} <= got
    assert not {"assistant", "above"} & got


def test_generic_words_joined_by_and_are_no_term():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = ("Experience with policies and procedures. Curriculum Vitae including the applicant´s former work. "
            "Deadline for applications including all materials is 12 November.")
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert not got, got


def test_currencies_and_people_are_no_terms():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = ("The salary is DKK 34,000 a month. You will have experience of supervising junior doctors and "
            "experience with AED use.")
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert not any("DKK" in t or "doctors" in t for t in got)
    assert "AED" in got  # a defibrillator, though also a currency code

"""The objects of an advert's duties ("Keep the controlled drugs register", "you will carry out
pre-installation site surveys") are terms the CV is checked for; people, verbs and possessives are not."""

from __future__ import annotations

from datetime import date

from conftest import advert_terms_of

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents

ADVERT = """Veterinary Nurse
What you'll do
- Keep the controlled drugs register and help with stock ordering
- Fit and set up smart thermostats (Hive, Nest and tado) in customers' homes
- Design, train and ship learning-to-rank models for search and the home feed
- Care for hospitalised patients, including barrier nursing in our isolation ward
- Join our five-person Brand team and mentor new starters
- Make sure every client leaves with a written care plan
On some days you will carry out pre-installation site surveys, checking roof condition and shading.
What you'll need
- RCVS registration
"""


def test_the_objects_of_duties_are_terms():
    found = advert_terms_of(ADVERT)
    for want in ("controlled drugs register", "smart thermostats", "learning-to-rank models",
                 "pre-installation site surveys"):
        assert want in found, sorted(found)
        assert found[want].kind == "duty"
        assert ADVERT[found[want].start:found[want].end] == want


def test_people_possessives_verbs_and_headings_are_not_duty_objects():
    found = set(advert_terms_of(ADVERT))
    assert not any("patients" in t or "starters" in t or "team" in t for t in found)
    assert not any(t.lower().startswith(("our ", "sure ", "every ")) for t in found)
    assert not any("\n" in t or t.startswith("-") for t in found)  # "What you'll do" + next line


def _gaps(cv_text: str) -> list[str]:
    cv = analyse_document(read_text(cv_text, source="cv.txt"), "cv")
    ad = analyse_document(read_text(ADVERT, source="advert.txt"), "advert")
    return [g.name for g in compare_documents(cv, ad, today=date(2026, 11, 1)).gaps]


def test_a_duty_the_cv_shows_with_one_modifier_missing_is_no_gap():
    base = """Alex Doe
EXPERIENCE
Veterinary Nurse, Hilltop Vets, 2020 - Present
- Monitored anaesthesia and kept the drugs register for a busy small-animal practice.
- Ran site surveys for a solar installer before each install.
"""
    gaps = _gaps(base)
    # "kept the drugs register" shows "controlled drugs register" but for one modifier; "site surveys"
    # shows "pre-installation site surveys" likewise
    assert "controlled drugs register" not in gaps
    assert "pre-installation site surveys" not in gaps
    assert "smart thermostats" in gaps
    assert "learning-to-rank models" in gaps


def test_you_will_sentences_about_the_workplace_give_no_duty():
    advert = """Data Engineer
What you will do
You'll find a collaborative, thought-provoking environment. You will join our platform squad and
report to the Head of Data. You will quickly become a great candidate for promotion.
- Build and monitor streaming pipelines in Kafka
"""
    found = {t for t, term in advert_terms_of(advert).items() if term.kind == "duty"}
    assert found == {"streaming pipelines"}


def test_named_awards_and_laws_are_terms_checked_by_their_distinctive_words():
    advert = """Lettings Negotiator
Requirements
- It would be an advantage if you hold the Propertymark Level 3 Award in Residential Letting
- IBMS Higher Specialist Diploma, or working towards it
- A working knowledge of the Renters' Rights Act and the Tenant Fees Act 2019
- High School Diploma or GED
- Experience as a field training officer for new medics
"""
    found = advert_terms_of(advert)
    for name in ("Propertymark Level 3 Award in Residential Letting", "IBMS Higher Specialist Diploma",
                 "Renters' Rights Act", "Tenant Fees Act 2019"):
        assert found[name].kind == "credential", sorted(found)
    # ordinary words name no particular award (the bullet is still a phrase to check, like any name-only bullet)
    assert found["High School Diploma"].kind == "phrase"
    assert "field training officer" in found  # "experience as a ..."
    from gapcheck.gaps.terms import CVText, term_in_cv

    cv = CVText("QUALIFICATIONS\nLevel 3 Award in Residential Letting and Property Management (Propertymark), 2022\n"
                "IBMS Specialist Diploma in Haematology, 2019\nTenant Fees Act training, 2020\n")
    assert term_in_cv(found["Propertymark Level 3 Award in Residential Letting"], cv) is not None
    assert term_in_cv(found["IBMS Higher Specialist Diploma"], cv) is None  # "Higher" is what is asked
    assert term_in_cv(found["Tenant Fees Act 2019"], cv) is not None
    assert term_in_cv(found["Renters' Rights Act"], cv) is None


def test_later_clauses_and_names_with_of_are_duties_too():
    """Each clause of a "you will" sentence is a duty ("..., assemble probate applications"), and a name
    with "of" inside ("Lasting Power of Attorney applications") is one object."""
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = ("You will prepare Lasting Power of Attorney applications for registration with the Office of the "
            "Public Guardian, assemble probate applications and the supporting estate account schedules, and "
            "keep a close eye on deadlines.")
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)
           if t.kind == "duty"}
    assert {"Lasting Power of Attorney applications", "probate applications"} <= got
    assert "close eye" not in got


def test_a_pronoun_starts_no_duty_object():
    """ "help us grow a culture of code review" (the sample advert) is no thing to look for in a CV."""
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = "You will own services end to end, and help us grow a culture of code review and mentoring."
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert not any(t.startswith("us ") for t in got)


def test_behind_ends_a_duty_object():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = "- Serve ranking models behind low-latency APIs (p99 under 60 ms) on Kubernetes\n"
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert "ranking models" in got and not any("behind" in t for t in got)


def test_staff_a_duty_names_are_people_not_things():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = "- Supervise trainee pharmacy technicians and pharmacy support workers on the wards\n"
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert not got, got


def test_a_trailing_adverb_is_no_part_of_a_duty_object():
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.terms import find_terms

    ex = load_extractor()
    text = ("• Hunt for threats proactively and map findings to MITRE ATT&CK\n"
            "• Reconcile supplier statements monthly\n• Manage the parts supply\n")
    got = {t.text for t in find_terms(text, [(0, len(text))], [], is_english=ex.is_english, is_verb=ex.is_verb)}
    assert not any(t.endswith("ly") and t != "parts supply" for t in got), got
    assert "supplier statements" in got and "threats proactively" not in got

"""A phrase term is found in a CV by its content words on one line, in any form of each word."""

from __future__ import annotations

import pytest

from gapcheck.gaps.terms import CVText, Term, term_in_cv

CV = """Frontend engineer. I care about clean component APIs and interfaces that work for everyone.
Titrate vasopressor infusions; optimised the managed isolation ward's rota. Barrier nurse parvo cases.
Published two papers on audit sampling.
"""


def found(phrase: str) -> bool:
    return term_in_cv(Term(phrase, 0, len(phrase), "phrase"), CVText(CV)) is not None


@pytest.mark.parametrize("phrase", ["vasopressor titration", "isolation management", "rota optimization",
                                    "audit samples", "component interface", "barrier nursing"])
def test_forms_of_a_word_match(phrase):
    assert found(phrase)


@pytest.mark.parametrize("phrase", ["internationalization", "publications", "vasopressor audits",
                                    "presenting isolation"])
def test_words_sharing_only_five_letters_or_another_line_do_not(phrase):
    assert not found(phrase)


def test_a_name_without_its_year_or_by_its_initials():
    cv = CVText("Advised landlords on the Tenant Fees Act and deposit rules.\nWork to the 2021 IPC and local amendments.\n")
    for text, kind in (("Tenant Fees Act 2019", "phrase"), ("Tenant Fees Act 2019", "name"),
                       ("International Plumbing Code", "name"), ("International Plumbing Code", "phrase")):
        assert term_in_cv(Term(text, 0, len(text), kind), cv) is not None, (text, kind)
    for text in ("Building Safety Act 2022", "Uniform Plumbing Code", "Plumbing Code"):
        assert term_in_cv(Term(text, 0, len(text), "name"), cv) is None, text


def test_a_grade_letter_or_number_must_match():
    cv = CVText("- Full UK driving licence (category B), clean\n- Level 2 Food Safety and Hygiene, 2023\n")
    assert term_in_cv(Term("Category C licence", 0, 18, "phrase"), cv) is None
    assert term_in_cv(Term("Level 3 Food Safety", 0, 19, "phrase"), cv) is None
    assert term_in_cv(Term("Level 2 Food Safety", 0, 19, "phrase"), cv) is not None
    assert term_in_cv(Term("category B licence", 0, 18, "phrase"), cv) is not None


DRIVER_CV = CVText("""EXPERIENCE
Class 1 Driver, Northway Haulage, 2021 - Present
- Coupling and uncoupling of curtain-side and box trailers; securing loads with straps and bars.
- Planned my own multi-drop routes, 40 drops a day.
- Fault finding on tail-lift hydraulics before reporting defects.
""")


@pytest.mark.parametrize("phrase, shown", [
    ("refrigerated trailers", False),  # the distinctive word is missing: box trailers are no reefers
    ("box trailers", True),
    ("curtain-side trailers", True),
    ("electrical fault finding", True),  # a common modifier may be missing
    ("multi-drop routes", True),
    ("tail-lift servicing", False),  # the rarer "servicing" is missing
])
def test_a_duty_object_needs_its_least_common_word(phrase, shown):
    assert (term_in_cv(Term(phrase, 0, len(phrase), "duty"), DRIVER_CV) is not None) is shown


def test_an_acronym_and_the_words_after_it_by_their_initials():
    cv = CVText("- First-line radiographer for code stroke calls, including CT perfusion and CTA of the circle of Willis.\n"
                "- Reported CTPA studies for suspected PE.\n")
    for phrase in ("CT angiography examinations", "CT pulmonary angiography"):
        assert term_in_cv(Term(phrase, 0, len(phrase), "duty"), cv) is not None, phrase
    assert term_in_cv(Term("CT colonography lists", 0, 21, "duty"), cv) is None


def test_an_acronym_spelled_out_in_lower_case_running_content_words():
    cv = CVText("- Set up vendor-managed inventory for fasteners with two distributors.\n"
                "- Wore personal protective equipment on site; the Coursera platform, which allowed for it.\n"
                "- Managed customer relationships and recommender systems using Python.\n")
    for acronym, shown in (("VMI", True), ("PPE", True), ("TCP", False), ("WAF", False), ("MCR", False),
                           ("RSU", False)):
        assert (term_in_cv(Term(acronym, 0, 3, "acronym"), cv) is not None) is shown, acronym


def test_a_law_is_shown_by_its_subject_as_a_phrase():
    cv = CVText("- Completed mental capacity assessments for swallowing decisions with the MDT.\n"
                "- Right to Rent checks on every tenant; ran e-procurement on Delta eSourcing.\n")
    for law, shown in (("Mental Capacity Act", True), ("Renters' Rights Act", False),
                       ("Procurement Act 2023", False), ("Mental Health Act 1983", False)):
        assert (term_in_cv(Term(law, 0, len(law), "credential"), cv) is not None) is shown, law

"""A qualification asked for at a level ("a Level 4 Food Safety qualification"): the taxonomy names its
subject (food hygiene), which a CV with a lower award also shows, so the level is checked with the name."""

from __future__ import annotations

import pytest

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents
from gapcheck.gaps.terms import CVText, Term, term_in_cv

ADVERT = """Night Shift Production Manager - Bakery
Harlow Fresh Bakes | Permanent | £52,000

About the role
You will run a night shift of 40 operatives across two bread lines, hitting plan, yield and quality.

What you'll need
- At least three years as a production manager in food manufacturing
- Level 3 HACCP and a Level 4 Food Safety qualification
- ILM Level 3 in Leadership and Management or similar
- A Level 2 Support Analyst background is not needed

What we offer
- 25 days' holiday and a staff shop discount
"""

CV_LOWER = """Dana Price
Production Manager

EXPERIENCE
Production Manager, Redbrook Foods, Luton
Mar 2020 - Present
- Run the night shift of 35 operatives on two sandwich lines; raised yield from 91% to 95%.
- Led the HACCP team through two BRCGS audits, both grade AA.

QUALIFICATIONS
- Level 3 Award in HACCP for Food Manufacturing, 2021
- Level 3 Award in Food Safety and Hygiene for Manufacturing, 2020
- CMI Level 5 Diploma in Leadership and Management, 2022
"""


@pytest.fixture(scope="module")
def report():
    from gapcheck.extraction import load_extractor

    ex = load_extractor()
    cv = analyse_document(read_text(CV_LOWER, source="cv.txt"), "cv", extractor=ex)
    ad = analyse_document(read_text(ADVERT, source="advert.txt"), "advert", extractor=ex)
    return compare_documents(cv, ad, extractor=ex)


def test_a_lower_level_award_leaves_the_level_asked_for_a_gap(report):
    gap = next((g for g in report.gaps if g.name == "Level 4 Food Safety"), None)
    assert gap is not None, [g.name for g in report.gaps]
    assert gap.requirement == "required"
    assert ADVERT[gap.mentions[0].start:gap.mentions[0].end] == "Level 4 Food Safety"
    # the subject itself is still shown (HACCP, food safety): food hygiene stays a match
    assert any(m.name == "Food hygiene" for m in report.matched)


def test_the_same_level_and_a_higher_one_meet_the_requirement(report):
    names = [g.name for g in report.gaps]
    assert not any("HACCP" in n for n in names), names  # Level 3 HACCP shown at Level 3
    # a Level 5 award in the same subject from another body meets "ILM Level 3 in ... or similar"
    assert not any("Leadership and Management" in n or n == "ILM" for n in names), names
    assert not any("Support Analyst" in n for n in names), names  # a job, not a qualification


@pytest.mark.parametrize("cv_line, shown", [
    ("Level 4 Award in Food Safety in Catering, 2023", True),
    ("Food Safety Level 4 (2022)", True),
    ("Level 5 Diploma in Food Safety Management", True),
    ("Level 3 Award in Food Safety and Hygiene", False),
    ("Level 4 Award in HACCP", False),  # the level, but not the subject
])
def test_term_in_cv_compares_levels(cv_line, shown):
    term = Term("Level 4 Food Safety", 0, 19, "credential")
    assert (term_in_cv(term, CVText(f"QUALIFICATIONS\n- {cv_line}\n")) is not None) is shown


def test_a_safety_certificate_shows_health_and_safety():
    """IOSH Managing Safely or NEBOSH in the CV meets "champion health and safety" (curated relations);
    the certificate the CV lacks is still a gap."""
    from gapcheck.extraction import load_extractor

    ex = load_extractor()
    advert = ADVERT.replace("- ILM Level 3", "- Champion health and safety on the shop floor\n- NEBOSH General "
                                            "Certificate\n- ILM Level 3")
    cv_text = CV_LOWER + "- IOSH Managing Safely, 2022\n"
    cv = analyse_document(read_text(cv_text, source="cv.txt"), "cv", extractor=ex)
    ad = analyse_document(read_text(advert, source="advert.txt"), "advert", extractor=ex)
    names = [g.name for g in compare_documents(cv, ad, extractor=ex).gaps]
    assert "Health and safety" not in names, names
    assert "NEBOSH" in names, names
    cv = analyse_document(read_text(CV_LOWER, source="cv.txt"), "cv", extractor=ex)
    names = [g.name for g in compare_documents(cv, ad, extractor=ex).gaps]
    assert "Health and safety" in names, names

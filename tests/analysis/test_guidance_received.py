"""A CV's mention of guidance the candidate received ("mentored by", "with a school-based mentor", "under the
supervision of") is no evidence that the candidate mentors or supervises."""

from __future__ import annotations

import pytest

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents
from gapcheck.extraction.pipeline import received

ADVERT = """Teacher of Science (Chemistry)
Brookfield Academy, Leicester | MPS/UPS | September start

What you'll need
- QTS and a degree in Chemistry or a closely related subject
- Experience of teaching GCSE Chemistry
- Experience mentoring Early Career Teachers or trainee teachers
"""

CV_MENTORED = """Priya Shah
Teacher of Science

EXPERIENCE
Teacher of Science (ECT), Rowan Park School, Loughborough
Sep 2023 - Present
- Teach GCSE Chemistry to four Year 10 and 11 groups; 78% of my Year 11 class gained grade 5 or above.
- Completed my two-year ECT induction under the Early Career Framework with a school-based mentor.

EDUCATION
PGCE Secondary Science with QTS, University of Nottingham, 2023
BSc Chemistry, University of Leicester, 2022
"""

CV_MENTOR = CV_MENTORED.replace(
    "with a school-based mentor.", "with a school-based mentor.\n- Mentor two trainee teachers each year on the "
                                   "school's PGCE partnership.")


def _gaps(cv_text: str) -> list[str]:
    from gapcheck.extraction import load_extractor

    ex = load_extractor()
    cv = analyse_document(read_text(cv_text, source="cv.txt"), "cv", extractor=ex)
    ad = analyse_document(read_text(ADVERT, source="advert.txt"), "advert", extractor=ex)
    report = compare_documents(cv, ad, extractor=ex)
    return [ADVERT[m.start:m.end] for g in report.gaps for m in g.mentions]


def test_a_mentor_the_candidate_had_leaves_mentoring_a_gap():
    assert any("mentoring" in t.lower() for t in _gaps(CV_MENTORED)), _gaps(CV_MENTORED)


def test_mentoring_the_candidate_does_meets_it():
    assert not any("mentoring" in t.lower() for t in _gaps(CV_MENTOR)), _gaps(CV_MENTOR)


@pytest.mark.parametrize("text, word, given", [
    ("Mentored by the head of department.", "Mentored", True),
    ("Worked under the supervision of a senior chef.", "supervision", True),
    ("Met weekly with my clinical supervisor.", "supervisor", True),
    ("Mentored two apprentices.", "Mentored", False),
    ("A mentor to three ECTs.", "mentor", False),
    ("Acted as mentor for new starters.", "mentor", False),
    ("Supervision of six kitchen staff.", "Supervision", False),
])
def test_received(text, word, given):
    i = text.find(word)
    assert received(text, i, i + len(word)) is given

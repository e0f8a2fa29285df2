"""The three things to address: gaps asked for in one line of the advert make one action, named as the
advert names them; a law is one requirement, not the skill one of its words names."""

from __future__ import annotations

from datetime import date

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents

ADVERT = """Bid Writer
Calder Estates Services | Leeds | £38,000

What you'll need
- Experience writing tenders for public sector contracts, with win rates you can evidence
- Knowledge of ISO 9001, ISO 14001 and ISO 45001 for quality and safety questions
- A sound understanding of the Procurement Act 2023 and how it has changed the process
- APMP Practitioner status
"""

CV = """SAM OKAFOR
Bid Writer

EXPERIENCE
Bid Writer, Northfield Facilities, Leeds
Jan 2021 - Present
- Wrote 60 public sector tenders a year for cleaning and security contracts; win rate up from 31% to 44%.
- Ran the purchasing of print and courier services for every submission.

EDUCATION
BA (Hons) English Language, University of York, 2020
"""


def report():
    cv = analyse_document(read_text(CV, source="cv.txt"), "cv")
    ad = analyse_document(read_text(ADVERT, source="advert.txt"), "advert")
    return compare_documents(cv, ad, today=date(2026, 11, 1))


def test_gaps_of_one_line_make_one_action_in_the_adverts_words():
    r = report()
    learn = [a for a in r.actions if a.kind == "learn"]
    iso = [a for a in learn if "ISO" in a.text]
    assert len(iso) == 1, [a.text for a in r.actions]
    assert iso[0].text.startswith("Learn ISO 9001, ISO 14001 and ISO 45001:"), iso[0].text
    assert {r.advert.text[m.start:m.end] for m in iso[0].evidence} == {"ISO 9001", "ISO 14001", "ISO 45001"}


def test_a_law_is_asked_for_whole():
    names = [g.name for g in report().gaps]
    assert "Procurement Act 2023" in names, names
    assert "Purchasing" not in names, names  # the CV's purchasing is beside the point

"""guess_doc_type_and_sections: CV or advert, from headings, then from the text's voice."""

from __future__ import annotations

import pytest
from sectioning_helpers import OWN_CVS, RESUMES, USAJOBS, read, skillspan_train_dev

from gapcheck.sectioning import split_sections
from gapcheck.sectioning.guess import _tiebreak, guess_doc_type_and_sections


@pytest.mark.parametrize("path", RESUMES + OWN_CVS, ids=lambda p: p.stem)
def test_real_cvs(path):
    text = read(path)
    doc_type, sections = guess_doc_type_and_sections(text)
    assert doc_type == "cv"
    assert sections == split_sections(text, doc_type="cv")
    assert _tiebreak(text) == "cv"  # the text alone also says CV


def test_usajobs_adverts():
    for path in USAJOBS:
        text = read(path)
        assert guess_doc_type_and_sections(text)[0] == "advert", path.name
        assert _tiebreak(text) == "advert", path.name


def test_skillspan_adverts():
    for doc in skillspan_train_dev():
        assert guess_doc_type_and_sections(doc["text"])[0] == "advert", doc["doc_id"]


def test_shared_headings_are_decided_by_the_text():
    # "Experience", "Education", "Skills" are headings of both kinds of document.
    cv = "John Smith\njohn@example.com\n\nExperience\nAcme, 2019 - 2021\nBeta, 2021 - present\n\nEducation\n"
    ad = "Data Analyst\n\nExperience\n3 years with SQL.\n\nSkills\nYou know Python and you like our data.\n"
    assert guess_doc_type_and_sections(cv)[0] == "cv"
    assert guess_doc_type_and_sections(ad)[0] == "advert"


def test_no_headings_defaults_to_advert():
    assert guess_doc_type_and_sections("")[0] == "advert"
    assert (
        guess_doc_type_and_sections("Warehouse operatives wanted. Apply now, we pay weekly.")[0] == "advert"
    )


def test_given_doc_type_is_used():
    text = "Skills\nPython\n"
    assert guess_doc_type_and_sections(text, "advert") == ("advert", split_sections(text, doc_type="advert"))
    assert guess_doc_type_and_sections(text, "cv")[0] == "cv"
    with pytest.raises(ValueError):
        guess_doc_type_and_sections(text, "letter")

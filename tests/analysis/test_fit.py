"""The CV side computed once for screening gives what the per-advert computation gave."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES

from gapcheck.api import analyse_document
from gapcheck.gaps.analysis import group_mentions
from gapcheck.gaps.relations import load_relations
from gapcheck.gaps.terms import CVText, Term, term_in_cv


def test_narrower_index_is_the_first_cv_skill_implying_each_skill(extractor):
    rel = load_relations()
    for path in (SAMPLES / "cv_software_engineer.pdf", FIXTURES / "cvs" / "nurse_cv.txt"):
        have = list(group_mentions(analyse_document(path, "cv", extractor=extractor).mentions))
        index = rel.narrower_index(have)
        assert index  # the CVs do have skills with broader ones
        implied = set().union(*(rel.ancestors(c) for c in have)) | set(have)
        for sid in implied:
            first = next((c for c in have if c != sid and sid in rel.ancestors(c)), None)
            assert index.get(sid) == first, sid


def test_terms_are_found_in_a_cv_text_prepared_once():
    cv = CVText("Jane Doe\nHolds a Driver Qualification Card and a HGV licence\n"
                "Managed fleet maintenance systems")
    dqc = cv.text.index("Driver")
    assert term_in_cv(Term("DQC", 0, 3, "acronym"), cv) == (dqc, dqc + len("Driver Qualification Card"))
    assert term_in_cv(Term("hgv", 0, 3, "name"), cv) == (cv.text.index("HGV"), cv.text.index("HGV") + 3)
    line = cv.text.index("Managed")
    assert term_in_cv(Term("fleet maintenance management", 0, 1, "phrase"), cv) == (line, len(cv.text))
    assert term_in_cv(Term("tachograph analysis", 0, 1, "phrase"), cv) is None

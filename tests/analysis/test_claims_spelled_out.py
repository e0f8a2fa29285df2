"""A skills-list item a role shows in other words is backed: an acronym the role spells out ("EYFS" and
"the Early Years Foundation Stage", wrapped over two lines), an item with a bracketed qualifier."""

from __future__ import annotations

from datetime import date

from gapcheck import read_text
from gapcheck.api import analyse_document, compare_documents

ADVERT = """Nursery Room Leader
Little Acorns Nursery, Derby

What you'll need
- A sound knowledge of the EYFS
- Experience of Tapestry or a similar online learning journal
"""

CV = """Chloe Marsden
Derby | chloe@example.com

Key skills
* EYFS planning (in the moment and topic-based)
* Observations on Tapestry

Experience
Deputy Room Leader, Sunnyfield Day Nursery, Derby | March 2022 - present
- Lead the weekly planning meeting and plan activities around the children's interests and the
  Early Years Foundation Stage.
- Write observations and next steps on Tapestry for 8 key children every week.
"""


def _claims(cv_text: str) -> list[str]:
    cv = analyse_document(read_text(cv_text, source="cv.txt"), "cv")
    ad = analyse_document(read_text(ADVERT, source="advert.txt"), "advert")
    return [c.name for c in compare_documents(cv, ad, today=date(2026, 11, 1)).stretched_claims]


def test_an_acronym_a_role_spells_out_is_backed():
    assert not any("EYFS" in n for n in _claims(CV)), _claims(CV)


def test_without_the_role_it_is_listed_only():
    bare = CV.replace("interests and the\n  Early Years Foundation Stage.", "interests.")
    assert any("EYFS" in n for n in _claims(bare)), _claims(bare)

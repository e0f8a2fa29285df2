"""A phrase term is found in a CV by its content words on one line, in any form of each word."""

from __future__ import annotations

import pytest

from gapcheck.gaps.terms import CVText, Term, term_in_cv

CV = """Frontend engineer. I care about clean component APIs and interfaces that work for everyone.
Titrate vasopressor infusions; optimised the managed isolation ward's rota.
Published two papers on audit sampling.
"""


def found(phrase: str) -> bool:
    return term_in_cv(Term(phrase, 0, len(phrase), "phrase"), CVText(CV)) is not None


@pytest.mark.parametrize("phrase", ["vasopressor titration", "isolation management", "rota optimization",
                                    "audit samples", "component interface"])
def test_forms_of_a_word_match(phrase):
    assert found(phrase)


@pytest.mark.parametrize("phrase", ["internationalization", "publications", "vasopressor audits"])
def test_words_sharing_only_five_letters_or_another_line_do_not(phrase):
    assert not found(phrase)

"""Sentences for company-voice detection: found run by run, the same spans as the plain regex."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from gapcheck.sectioning import company_voice_spans
from gapcheck.sectioning.scope import sentence_spans

#: The regex sentence_spans stands for (slow: it retries a run that is no sentence from each character).
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)")
USAJOBS = Path(__file__).parent / "fixtures" / "usajobs"


def test_sentences_as_the_regex_on_real_adverts():
    texts = [p.read_text(encoding="utf-8") for p in sorted(USAJOBS.glob("*.txt"))]
    assert texts
    for t in texts:
        assert sentence_spans(t) == [m.span() for m in SENTENCE.finditer(t)]


def test_sentences_as_the_regex_on_random_punctuation():
    rnd = random.Random(5)
    for _ in range(5000):
        t = "".join(rnd.choice("ab .!?\n\t,") for _ in range(rnd.randint(0, 30)))
        assert sentence_spans(t) == [m.span() for m in SENTENCE.finditer(t)], repr(t)


@pytest.mark.parametrize("text, voice", [
    ("We lead in financial services. You will build APIs.", ["We lead in financial services."]),
    ("Acme was founded in 2014!\nOur team uses Go.", ["Acme was founded in 2014!", "Our team uses Go."]),
    ("We need you to know SQL.", []),
    ("About <ORGANIZATION>\nPython developers wanted.", ["About <ORGANIZATION>"]),
    ("<ORGANIZATION> <ORGANIZATION> unites the business and social science research fields.",
     ["<ORGANIZATION> <ORGANIZATION> unites the business and social science research fields."]),
    ("The Biological and Chemical Engineering Section has strong expertise within materials engineering.",
     ["The Biological and Chemical Engineering Section has strong expertise within materials engineering."]),
    ("About you: you know SQL.", []),
])
def test_company_voice_sentences(text, voice):
    assert [text[a:b].strip() for a, b in company_voice_spans(text)] == voice


@pytest.mark.parametrize("sentence, ok", [
    ("Leverage Terraform and Kubernetes to maintain our infrastructure.", True),
    ("- Make our backend resilient and scalable.", True),
    ("We use PostgreSQL and DynamoDB.", False),
    ("Shift is a leader in logistics.", False),
    ("Our culture emphasizes customer focus.", False),
])
def test_imperative_sentences(sentence, ok):
    from gapcheck.sectioning import imperative

    assert imperative(sentence) is ok

"""TokenPatterns finds exactly what spaCy's Matcher finds, on our curated patterns and on the operators."""

from __future__ import annotations

import random

import pytest
from spacy.matcher import Matcher

from conftest import FIXTURES, SAMPLES
from gapcheck.extraction.token_patterns import TokenPatterns


def _spacy_matches(nlp, patterns, doc) -> list[tuple[int, int, int]]:
    m = Matcher(nlp.vocab)
    for n, p in enumerate(patterns):
        m.add(f"p{n}", [p])
    key = {nlp.vocab.strings[f"p{n}"]: n for n in range(len(patterns))}
    return sorted((key[k], s, e) for k, s, e in m(doc))


def _ours(extractor, patterns, doc) -> list[tuple[int, int, int]]:
    toks = [w.attrs for w in extractor.nlp.get_pipe("gapcheck_skills").tokens(doc)]
    return sorted(TokenPatterns(patterns)(toks))


@pytest.fixture(scope="module")
def curated(extractor):
    return [tp["pattern"] for tp in extractor.compiled.token_patterns]


def _texts() -> list[str]:
    paths = sorted((SAMPLES / "listings").glob("*.txt")) + sorted(FIXTURES.glob("pairs/*/*.txt")) \
        + sorted(FIXTURES.glob("cvs/*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def test_curated_patterns_on_real_documents(extractor, curated):
    total = 0
    for doc in extractor.nlp.pipe(_texts()):
        expected = _spacy_matches(extractor.nlp, curated, doc)
        assert _ours(extractor, curated, doc) == expected, doc.text[:80]
        total += len(expected)
    assert total > 30  # the documents do exercise the patterns


def _instance(pattern, rnd: random.Random) -> list[str]:
    """Words that a pattern may match, some of its optional and repeated tokens taken 0 or 2 times."""
    out = []
    for tok in pattern:
        op = tok.get("OP", "1")
        times = {"1": 1, "?": rnd.randint(0, 1), "*": rnd.randint(0, 2), "+": rnd.randint(1, 2)}[op]
        for _ in range(times):
            word = None
            for key in ("LOWER", "LEMMA"):
                v = tok.get(key)
                word = v if isinstance(v, str) else rnd.choice(v["IN"]) if isinstance(v, dict) and "IN" in v else word
            if word is None:
                word = rnd.choice(["3", "ten", "new"] if tok.get("LIKE_NUM") else ["new", "big"])
            out.append(word.capitalize() if rnd.random() < 0.2 else word)
    return out


def test_curated_patterns_on_pattern_like_text(extractor, curated):
    # Text built from the patterns' own words, with words dropped, inserted and inflected: near misses
    # and overlapping matches that real documents rarely hold.
    rnd = random.Random(7)
    fillers = ["the", "and", "-", "  ", "\n", "works", "managed", "teams", "10,000", "fast-paced", "e.g."]
    texts = []
    for _ in range(400):
        words: list[str] = []
        for _ in range(rnd.randint(1, 4)):
            words += _instance(rnd.choice(curated), rnd)
            if rnd.random() < 0.5:
                words.insert(rnd.randint(0, len(words)), rnd.choice(fillers))
            if words and rnd.random() < 0.3:
                words.pop(rnd.randrange(len(words)))
        texts.append(" ".join(words))
    total = 0
    for doc in extractor.nlp.pipe(texts):
        expected = _spacy_matches(extractor.nlp, curated, doc)
        assert _ours(extractor, curated, doc) == expected, doc.text
        total += len(expected)
    assert total > 400


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}],
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "+"}, {"LOWER": "c", "OP": "?"}],
    [{"LOWER": {"IN": ["a", "b"]}}, {"IS_ALPHA": True, "OP": "?"}, {"IS_ALPHA": True, "OP": "?"},
     {"LOWER": "c"}],
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "!"}, {"LOWER": "c"}],
    [{"LEMMA": "be"}, {"LOWER": {"NOT_IN": ["a", "b"]}}],
    [{"ORTH": "A"}, {"LIKE_NUM": True, "OP": "*"}, {"IS_DIGIT": True}],
    [{"IS_ALPHA": True}, {"LOWER": "c"}],  # no word to start from: tried at every token
])
def test_operators_as_spacy(extractor, pattern):
    texts = ["a b b c", "a c a b c", "A 3 ten 4 b c", "b x y c a b", "a", "is a was c were d", "c c a a b b b"]
    for doc in extractor.nlp.pipe(texts):
        assert _ours(extractor, [pattern], doc) == _spacy_matches(extractor.nlp, [pattern], doc), doc.text


@pytest.mark.parametrize("pattern", [[{"POS": "NOUN"}], [{"LOWER": {"REGEX": "a.*"}}],
                                     [{"LOWER": "a", "OP": "{2}"}]])
def test_unsupported_patterns_are_refused(pattern):
    with pytest.raises(ValueError):
        TokenPatterns([pattern])


def test_lemmatizer_looks_up_the_lower_case_form(extractor):
    doc = extractor.nlp("Managed teams. MANAGING budgets, managers")
    assert [t.lemma_ for t in doc] == ["manage", "team", ".", "manage", "budget", ",", "manager"]


def test_word_caches_are_emptied_at_their_limit(extractor, monkeypatch):
    from gapcheck.extraction import matcher

    monkeypatch.setattr(matcher, "CACHE_LIMIT", 5)
    sm = matcher.SkillMatcher(extractor.nlp, extractor.compiled)
    text = "Built data pipelines in Python and worked closely with the analytics team on reporting"
    expected = extractor.nlp.get_pipe("gapcheck_skills").match(extractor.nlp(text))
    assert sm.match(extractor.nlp(text)) == expected  # the cache was emptied several times meanwhile
    assert len(sm._words) <= 5

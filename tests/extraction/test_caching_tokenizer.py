"""The caching tokenizer gives spaCy's tokens exactly: on every bundled document and on random texts full
of special cases, affixes and odd white space."""

from __future__ import annotations

import random

import spacy

from conftest import FIXTURES

from gapcheck.extraction.tokenizer import CachingTokenizer

PIECES = ["word", "Word", "e.g.", "don't", "can't", ":)", "(e.g.", "U.S.", "a.m.", "http://x.com/a?b=1", "me@x.com",
          "3.5", "$100", "£10m", "co-op", "--", "...", "—", "'s", "N/A", "C++", "C#", ".NET", "i.e.", " ", "  ", "   ",
          "\n", "\n\n", " \n", "\t", "\xa0", "\u2009", "\x1c", "\r\n", "\u3000", "!", "?", '"', "(", ")", "[", "]",
          "'", "’", "“", "”", "-", "/", "Ph.D.", "St.", "Dr.", "No.", "vs.", "etc.", "&amp;", ":-)", "<3"]


def _tokens(doc):
    return [(t.text, t.whitespace_) for t in doc]


def test_the_same_tokens_as_spacy_on_real_documents():
    ref = spacy.blank("en").tokenizer
    fast = CachingTokenizer(spacy.blank("en").tokenizer)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]
    assert len(texts) > 100
    for _ in range(2):  # cold, then with every chunk cached
        for t in texts:
            assert _tokens(fast(t)) == _tokens(ref(t))


def test_the_same_tokens_as_spacy_on_random_texts():
    ref = spacy.blank("en").tokenizer
    fast = CachingTokenizer(spacy.blank("en").tokenizer, max_chunks=50)  # the record fills and is emptied
    rnd = random.Random(5)
    for _ in range(3000):
        t = "".join(rnd.choice(PIECES) + rnd.choice(["", " ", "", ""]) for _ in range(rnd.randint(1, 25)))
        assert _tokens(fast(t)) == _tokens(ref(t)), repr(t)
        assert fast(t).text == t


def test_the_cache_is_bounded():
    tok = spacy.blank("en").tokenizer
    fast = CachingTokenizer(tok, max_chunks=100)
    assert tok.max_cache_size >= 100
    for i in range(1000):
        fast(f"token{i} and more{i}")
    assert len(fast._seen) <= 100

"""find_terms skips a pattern on a stretch of text that lacks what every match of it holds: the skip must
never lose a match."""

from __future__ import annotations

import re
import sys

import pytest

from gapcheck.gaps import terms as T


def test_case_odd_characters_are_all_the_non_ascii_ones_a_case_insensitive_letter_matches():
    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = {chr(c) for c in range(0x80, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert odd == set(T._CASE_ODD.pattern.strip("[]"))
    # ... and lower case keeps every other character one character, not an ASCII one, \w as \w, \s as \s
    word, space = re.compile(r"\w"), re.compile(r"\s")
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        if ch in odd:
            continue
        low = ch.lower()
        assert len(low) == 1 and (ch.isascii() or not low.isascii()), hex(c)
        assert bool(word.match(ch)) == bool(word.match(low))
        assert bool(space.match(ch)) == bool(space.match(low))


@pytest.mark.parametrize("pattern, words", [
    (T._CUE, T._CUE_WORDS_IN), (T._HAVE_CUE, T._HAVE_WORDS_IN), (T._BACK_CUE, T._BACK_WORDS_IN),
])
def test_a_case_insensitive_pattern_is_skipped_only_without_its_words(pattern, words):
    texts = ["Experience with Kubeflow", "EXPERIENCE OF PUMPS", "you must hold a CSCS card",
             "If you've WORKED in retail", "Served as a medic", "Lumion would be a PLUS",
             "Spanish is desirable", "ſkilled in welding", "Traİned in CPR", "ADVANTAGEOUS: Go",
             "nothing here at all"]
    for t in texts:
        low = t.lower() if t.isascii() or not T._CASE_ODD.search(t) else None
        assert [m.span() for m in T._finditer_if(pattern, t, low, words)] == \
            [m.span() for m in pattern.finditer(t)], t


def test_case_sensitive_prefilters_hold_every_match():
    for t in ["Level 3 Award in Residential Letting", "(G3) qualification", "G99 applications",
              "ServiceTitan",
              "HubSpot or Marketo", "eBay", "Renters' Rights Act", "including Excel", "such as Proclaim"]:
        if T._CREDENTIAL_NAME.search(t):
            assert any(k in t for k in T._CREDENTIAL_KINDS)
        if T._CODE.search(t):
            assert T._CAP_DIGIT.search(t)
        if T._CAMEL.search(t):
            assert T._CAMEL_JOINT.search(t)
        if T._LIST_CUE.search(t):
            assert "including" in t or "such" in t


def _real_texts() -> list[str]:
    """Every advert and CV the repo bundles (the pairs, the samples, the fixtures' CVs)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "fixtures"
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("pairs/*/*.txt"))
            + sorted(root.glob("cvs/*.txt"))]


@pytest.mark.parametrize("pattern, words", [
    (T._CUE, T._CUE_WORDS_IN), (T._HAVE_CUE, T._HAVE_WORDS_IN), (T._BACK_CUE, T._BACK_WORDS_IN),
])
def test_the_prefilter_words_hold_every_match_on_real_documents(pattern, words):
    # The word lists are kept by hand beside the patterns: a word added to a pattern and not to its list would
    # silently lose matches. Every match on every bundled document must hold one of the words.
    for text in _real_texts():
        for m in pattern.finditer(text):
            assert any(w in m.group(0).lower() for w in words), (pattern.pattern[:40], m.group(0))
    for text in _real_texts():
        for m in T._CREDENTIAL_NAME.finditer(text):
            assert any(k in m.group(0) for k in T._CREDENTIAL_KINDS), m.group(0)
        for m in T._CODE.finditer(text):
            assert T._CAP_DIGIT.search(m.group(0)), m.group(0)
        for m in T._CAMEL.finditer(text):
            assert T._CAMEL_JOINT.search(m.group(0)), m.group(0)

"""Text the reading limits let through, on which the analysis must stay (close to) linear.

The reading limits bound the input (300,000 characters); they bound the analysis time only if no stage
of the analysis is quadratic in the text. Each test times one stage on hostile text where a quadratic
stage takes 10 s or more and a linear one well under a second.

They are regression tests for the six quadratic stages these tests found, all since fixed: spaCy's
tokenizer on long runs, the matcher's near-technology check and advert terms (9474522); advert year
requirements, CV year claims and either/or groups on a long line (4e33cc5). docs/limits.md has the times
at the character limit.
"""

from __future__ import annotations

import time

import pytest

from gapcheck.reading import read_text

#: The fixed stages take 0.01-0.6 s on these inputs (the quadratic versions took 3-20 s).
CEILING_S = 3.0


@pytest.fixture(scope="module")
def ex():
    from gapcheck.extraction import load_extractor

    return load_extractor()


@pytest.fixture(scope="module")
def warm(ex):
    from gapcheck.api import analyze

    cv = read_text("Python developer with SQL and 5 years of Go.")
    analyze(cv, read_text("Python developer"), extractor=ex)  # rules and tables loaded
    return cv


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _fresh(text: str) -> str:
    """spaCy caches how it split each whitespace-free run; a new prefix defeats the cache."""
    return f"{time.perf_counter_ns()} {text}"


def _analysis_time(ex, cv, advert_text: str, *, advert_side: bool = True) -> float:
    from gapcheck.api import analyze

    doc = read_text(_fresh(advert_text))
    if advert_side:
        return _timed(lambda: analyze(cv, doc, extractor=ex))
    return _timed(lambda: analyze(doc, read_text("Python developer, 3+ years of SQL."), extractor=ex))


def test_tokenizer_on_a_long_punctuation_run(ex) -> None:
    """spaCy peels prefixes and suffixes off a whitespace-free run one character at a time (10,000 '$'
    took 20 s); extraction now keeps runs of 100+ characters as one token."""
    text = _fresh("Python " + "'\"$%!?" * 1700)  # 10,200 characters
    assert _timed(lambda: ex.extract(text)) < CEILING_S


def test_matcher_on_many_ambiguous_names(ex) -> None:
    """Each ambiguous name ('Go') used to scan every candidate for nearby technology."""
    text = _fresh("Go " * 3000)
    assert _timed(lambda: ex.extract(text)) < CEILING_S


def test_advert_terms_on_a_long_line(ex, warm) -> None:
    """find_terms searched the whole sentence and line around every capitalised name."""
    assert _analysis_time(ex, warm, "Python or Java, " * 2000) < CEILING_S  # 32,000 characters, one line


def test_a_long_ordinary_document(ex, warm) -> None:
    from hostile_helpers import SAMPLE_ADVERT

    advert = SAMPLE_ADVERT.read_text(encoding="utf-8")
    assert _analysis_time(ex, warm, (advert + "\n") * (60_000 // len(advert))) < CEILING_S


def test_advert_year_requirements(ex, warm) -> None:
    """parse_years scanned every mention for every 'N years' (fixed in 4e33cc5)."""
    assert _analysis_time(ex, warm, "5+ years of Python. " * 5000) < CEILING_S  # 100,000 characters


def test_cv_year_claims(ex, warm) -> None:
    """claimed_years did the same for a CV's year claims."""
    assert _analysis_time(ex, warm, "5+ years of Python. " * 5000, advert_side=False) < CEILING_S


def test_advert_either_or_groups_on_a_long_line(ex, warm) -> None:
    """parse_groups searched from the line's start to every group."""
    assert _analysis_time(ex, warm, "experience in Snowflake or Looker, " * 1600) < CEILING_S

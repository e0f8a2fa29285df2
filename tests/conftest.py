"""Shared fixtures: paths to the bundled samples and to the shared real documents, and one extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared" / "data"
FIXTURES = ROOT / "tests" / "fixtures"


def shared(*parts: str) -> Path:
    """A path under ../shared/data; skips the test when that checkout is not beside the repo."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p


def advert_terms_of(advert: str) -> dict:
    """The terms gapcheck finds in an advert's text (see gapcheck.gaps.terms), by their text."""
    from gapcheck.api import advert_terms, analyse_document
    from gapcheck.extraction import load_extractor
    from gapcheck.reading import read_text

    ex = load_extractor()
    ad = analyse_document(read_text(advert, source="advert.txt"), "advert", extractor=ex)
    return {t.text: t for t in advert_terms(ex, advert, ad)}


@pytest.fixture(scope="session")
def extractor():
    from gapcheck.extraction import load_extractor

    return load_extractor()


@pytest.fixture(scope="session")
def sample_report():
    from gapcheck import analyze

    return analyze(SAMPLES / "cv_software_engineer.pdf", SAMPLES / "advert_backend_engineer.txt")

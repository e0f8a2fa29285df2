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


@pytest.fixture(scope="session")
def extractor():
    from gapcheck.extraction import load_extractor

    return load_extractor()


@pytest.fixture(scope="session")
def sample_report():
    from gapcheck import analyze

    return analyze(SAMPLES / "cv_software_engineer.pdf", SAMPLES / "advert_backend_engineer.txt")

"""Paths and helpers shared by the reading-layer tests (imported by name: tests are not a package)."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
BAD = TESTS / "fixtures" / "bad"
DOCS = TESTS / "fixtures" / "docs"
REAL_PDFS = Path("/work/shared/data/raw/resumes/pdf")
REAL_ADVERTS = Path("/work/shared/data/raw/job_postings/usajobs_2017/txt")


def real_pdf(name: str) -> Path:
    path = REAL_PDFS / name
    if not path.is_file():
        pytest.skip(f"real CV {path} not available")
    return path

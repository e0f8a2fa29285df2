"""Does the ranking put the right jobs first? Two CVs against the 50 USAJOBS announcements.

The announcements (tests/sectioning/fixtures/usajobs, public domain) are numbered so that 01-25 are IT,
data and engineering jobs and 26-50 are others (nursing, medicine, trades, recreation, clerical).
"""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, ROOT, SAMPLES

from gapcheck.screening import run_screen

USAJOBS = ROOT / "tests" / "sectioning" / "fixtures" / "usajobs"
SB2NOV = SAMPLES / "cv_software_engineer.pdf"  # the sb2nov resume (MIT), a software/data engineer
NURSE = FIXTURES / "cvs" / "nurse_cv.txt"  # an emergency-department registered nurse

NURSING = {26, 35, 38}  # Registered Nurse, Nurse Practitioner, Advanced Practice Nurse Practitioner
IT = {1, 2, 4, 6, 8, 9, 17, 24}  # IT Specialist x5, Information Technology Specialist, Computer Scientist,
#                                  Senior Systems Engineer


def number(row) -> int:
    return int(re.search(r"usajobs_(\d\d)_", row["source"]).group(1))


def shown(rows, n=None) -> str:
    return "\n".join(f"{i:>2}. {r['match']:>3} sim={r['similarity']:.3f} req={r['required_coverage']:.2f} "
                     f"{r['title']}  gaps={r['top_gaps']}" for i, r in enumerate(rows[:n], 1))


@pytest.fixture(scope="module")
def ranked():
    return {name: run_screen(cv, USAJOBS, jobs=2).rows for name, cv in (("sb2nov", SB2NOV), ("nurse", NURSE))}


def test_all_fifty_are_ranked(ranked):
    for rows in ranked.values():
        assert len(rows) == 50 and {r["status"] for r in rows} == {"ok"}


def test_software_engineer_top_ten_are_it_data_and_engineering_jobs(ranked):
    rows = ranked["sb2nov"]
    assert all(number(r) <= 25 for r in rows[:10]), "top ten for the sb2nov resume:\n" + shown(rows, 10)


def test_nurse_ranks_nursing_jobs_above_it_jobs(ranked):
    rows = ranked["nurse"]
    rank = {number(r): i for i, r in enumerate(rows, 1)}
    worst_nursing = max(rank[n] for n in NURSING)
    best_it = min(rank[n] for n in IT)
    assert worst_nursing < best_it, "ranking for the nurse's CV:\n" + shown(rows, worst_nursing)

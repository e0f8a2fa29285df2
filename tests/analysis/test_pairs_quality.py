"""Gap and claim quality on the 16 hand-annotated pairs (tests/fixtures/pairs), as benchmarks/pairs.py
measures it. The floors sit just under today's figures so a regression fails; see the issue for the
targets (gap recall 0.90, false gaps 0.10, stretched 0.80, backed flagged 0.10)."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def summary():
    spec = importlib.util.spec_from_file_location("pairs_bench", ROOT / "benchmarks" / "pairs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = [mod.evaluate_pair(p) for p in sorted(mod.PAIRS.iterdir()) if (p / "truth.json").exists()]
    assert len(rows) >= 14
    return mod.summarise(rows)


def test_gap_recall(summary):
    assert summary["gap_recall"]["value"] >= 0.65


def test_false_gaps(summary):
    assert summary["false_gap_rate"]["value"] <= 0.08


def test_stretched_claims_found(summary):
    assert summary["stretched_recall"]["value"] >= 0.75


def test_backed_claims_not_flagged(summary):
    assert summary["backed_flag_rate"]["value"] <= 0.05


def test_benefits_and_blurbs_are_not_requirements(summary):
    assert summary["trap_rate"]["value"] <= 0.05

"""Gap and claim quality on the hand-annotated pairs (tests/fixtures/pairs), as benchmarks/pairs.py
measures it.

The floors apply to the 16 pairs gapcheck was tuned on (01-16) and sit just under their figures, so a
regression fails; see the issue for the targets (gap recall 0.90, false gaps 0.10, stretched 0.80, backed
flagged 0.10). Pairs 17-24 (held-out), 25-32 (blind-2) and 33-40 (blind-3, round 3) were written blind: they
are evaluated here (so they must keep parsing and scoring) but carry no floors, because a floor on them would
invite tuning on them and spoil them as an out-of-sample check. Their figures are printed by
``benchmarks/pairs.py``."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("pairs_bench", ROOT / "benchmarks" / "pairs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def rows(bench):
    return [bench.evaluate_pair(p) for p in sorted(bench.PAIRS.iterdir()) if (p / "truth.json").exists()]


@pytest.fixture(scope="module")
def summary(bench, rows):
    tuned = [r for r in rows if r["pair"][:2] in bench.TUNED_ON]
    assert len(tuned) == 16
    return bench.summarise(tuned)


def test_gap_recall(summary):
    assert summary["gap_recall"]["value"] >= 0.88  # 0.907 in round 3


def test_false_gaps(summary):
    assert summary["false_gap_rate"]["value"] <= 0.08


def test_stretched_claims_found(summary):
    assert summary["stretched_recall"]["value"] >= 0.90  # 0.936 in round 3


def test_backed_claims_not_flagged(summary):
    assert summary["backed_flag_rate"]["value"] <= 0.05


def test_benefits_and_blurbs_are_not_requirements(summary):
    assert summary["trap_rate"]["value"] <= 0.05


def test_held_out_pairs_are_scored_separately(bench, rows):
    """The held-out pairs exist, are disjoint from the tuned ones, and every one of them is scored."""
    assert not bench.TUNED_ON & bench.HELD_OUT
    held = [r for r in rows if r["pair"][:2] in bench.HELD_OUT]
    assert len(held) == 8
    s = bench.summarise(held)
    for key in ("gap_recall", "false_gap_rate", "stretched_recall", "backed_flag_rate", "trap_rate"):
        assert s[key]["of"] > 0 and s[key]["value"] is not None


def test_blind_2_pairs_are_scored_separately(bench, rows):
    """The second blind set (25-32) exists, is disjoint from the other groups, and every pair is scored.
    No thresholds: these pairs must not be tuned on."""
    assert not bench.BLIND_2 & (bench.TUNED_ON | bench.HELD_OUT)
    blind = [r for r in rows if r["pair"][:2] in bench.BLIND_2]
    assert len(blind) == 8
    s = bench.summarise(blind)
    for key in ("gap_recall", "false_gap_rate", "stretched_recall", "backed_flag_rate", "trap_rate"):
        assert s[key]["of"] > 0 and s[key]["value"] is not None


def test_blind_3_pairs_are_scored_separately(bench, rows):
    """The third blind set (33-40) exists, is disjoint from the other groups, and every pair is scored.
    No thresholds: these pairs must not be tuned on."""
    assert not bench.BLIND_3 & (bench.TUNED_ON | bench.HELD_OUT | bench.BLIND_2)
    blind = [r for r in rows if r["pair"][:2] in bench.BLIND_3]
    assert len(blind) == 8
    s = bench.summarise(blind)
    for key in ("gap_recall", "false_gap_rate", "stretched_recall", "backed_flag_rate", "trap_rate"):
        assert s[key]["of"] > 0 and s[key]["value"] is not None


def test_dev_3_pairs_are_scored_separately(bench, rows):
    """The round-3 development set (41-48) exists, is disjoint from the blind groups, and is scored."""
    assert not bench.DEV_3 & (bench.TUNED_ON | bench.HELD_OUT | bench.BLIND_2 | bench.BLIND_3)
    dev = [r for r in rows if r["pair"][:2] in bench.DEV_3]
    assert len(dev) == 8
    s = bench.summarise(dev)
    for key in ("gap_recall", "false_gap_rate", "stretched_recall", "backed_flag_rate", "trap_rate"):
        assert s[key]["of"] > 0 and s[key]["value"] is not None

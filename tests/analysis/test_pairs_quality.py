"""Gap and claim quality on the hand-annotated pairs (tests/fixtures/pairs), as benchmarks/pairs.py
measures it.

The floors apply to the pairs gapcheck was tuned on (01-16, dev-3 41-48, dev-4 49-56, dev-5 57-64, dev-6 65-72) and sit
just under their figures, so a
regression fails; see the issue for the targets (gap recall 0.90, false gaps 0.10, stretched 0.80, backed
flagged 0.10). Pairs 17-24 (held-out), 25-32 (blind-2), 33-40 (blind-3, round 3) and 73-80 (blind-7, round 7)
were written blind: they
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
    assert summary["gap_recall"]["value"] >= 0.90  # 0.907 in round 3, 0.916 in round 4


def test_false_gaps(summary):
    assert summary["false_gap_rate"]["value"] <= 0.08


def test_stretched_claims_found(summary):
    assert summary["stretched_recall"]["value"] >= 0.95  # 0.936 in round 3, 1.0 in round 4


def test_backed_claims_not_flagged(summary):
    assert summary["backed_flag_rate"]["value"] <= 0.05


def test_benefits_and_blurbs_are_not_requirements(summary):
    assert summary["trap_rate"]["value"] <= 0.05


#: The groups after 01-16, each written blind (see tests/fixtures/pairs/README.md).
LATER_GROUPS = ("HELD_OUT", "BLIND_2", "BLIND_3", "DEV_3", "DEV_4", "DEV_5", "DEV_6", "BLIND_7")


@pytest.mark.parametrize("group", LATER_GROUPS)
def test_later_groups_are_scored_separately(bench, rows, group):
    """Each later group (17-24 held out, 25-32 blind-2, 33-40 blind-3, 41-48 dev-3, 49-56 dev-4, 57-64 dev-5, 65-72 dev-6,
    73-80 blind-7)
    exists, is disjoint
    from every other group, and every pair of it is scored. No floors: blind pairs must not be tuned on."""
    ids = getattr(bench, group)
    assert not any(ids & getattr(bench, other) for other in ("TUNED_ON", *LATER_GROUPS) if other != group)
    members = [r for r in rows if r["pair"][:2] in ids]
    assert len(members) == 8
    s = bench.summarise(members)
    for key in ("gap_recall", "false_gap_rate", "stretched_recall", "backed_flag_rate", "trap_rate"):
        assert s[key]["of"] > 0 and s[key]["value"] is not None


def test_dev_set_floors(bench, rows):
    """Pairs 41-48 (dev-3) were written blind but are tuned on, like 01-16: floors just under round 4's
    figures (gap recall 0.822, false gaps 0.052, stretched 0.969)."""
    s = bench.summarise([r for r in rows if r["pair"][:2] in bench.DEV_3])
    assert s["gap_recall"]["value"] >= 0.80
    assert s["false_gap_rate"]["value"] <= 0.07
    assert s["stretched_recall"]["value"] >= 0.93


def test_dev4_set_floors(bench, rows):
    """Pairs 49-56 (dev-4) were written blind in round 4 and are tuned on from round 5: floors just under
    round 5's figures (gap recall 0.860, false gaps 0.035, stretched 0.969)."""
    s = bench.summarise([r for r in rows if r["pair"][:2] in bench.DEV_4])
    assert s["gap_recall"]["value"] >= 0.83
    assert s["false_gap_rate"]["value"] <= 0.06
    assert s["stretched_recall"]["value"] >= 0.93


def test_dev5_set_floors(bench, rows):
    """Pairs 57-64 (dev-5) were written blind in round 5 and are tuned on from round 6: floors just under
    round 6's figures (gap recall 0.655, false gaps 0.064, stretched 0.938, backed flagged 0.031)."""
    s = bench.summarise([r for r in rows if r["pair"][:2] in bench.DEV_5])
    assert s["gap_recall"]["value"] >= 0.63
    assert s["false_gap_rate"]["value"] <= 0.08
    assert s["stretched_recall"]["value"] >= 0.90
    assert s["backed_flag_rate"]["value"] <= 0.05

"""Unit tests for benchmarks/_eval.py: hand-made spans with P/R/F1 worked out by hand."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "_eval.py"
_spec = importlib.util.spec_from_file_location("gapcheck_bench_eval", _PATH)
ev = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = ev  # dataclasses look the module up by name
_spec.loader.exec_module(ev)

approx = pytest.approx


def prf(p: ev.PRF) -> tuple:
    return (p.precision, p.recall, p.f1)


# --- overlap ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 5), (4, 9), True),  # share character 4
        ((0, 5), (5, 9), False),  # touching, half-open: no shared character
        ((2, 3), (0, 10), True),  # nested
        ((0, 10), (2, 3), True),
        ((3, 3), (0, 10), False),  # empty span overlaps nothing
        ((0, 10), (3, 3), False),
        ((0, 4), (6, 9), False),
    ],
)
def test_overlaps(a, b, expected):
    assert ev.overlaps(a, b) is expected


# --- strict and partial on one document ---------------------------------------------------------------

GOLD = [(0, 5), (10, 20), (30, 40)]
PRED = [(0, 5), (12, 18), (50, 55)]  # one exact, one inside a gold span, one spurious


def test_strict_exact_offsets_only():
    s = ev.score(PRED, GOLD, "strict")
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (1, 3, 1, 3)
    assert prf(s) == approx((1 / 3, 1 / 3, 1 / 3))


def test_partial_counts_overlap():
    s = ev.score(PRED, GOLD, "partial")
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (2, 3, 2, 3)
    assert prf(s) == approx((2 / 3, 2 / 3, 2 / 3))


def test_one_long_prediction_finds_two_gold_spans():
    gold, pred = [(0, 5), (6, 10)], [(0, 10)]
    assert prf(ev.score(pred, gold, "partial")) == approx((1.0, 1.0, 1.0))
    assert prf(ev.score(pred, gold, "strict")) == (0.0, 0.0, 0.0)


def test_two_predictions_inside_one_gold_span_both_correct():
    gold, pred = [(0, 20)], [(0, 5), (10, 15), (30, 35)]
    s = ev.score(pred, gold, "partial")
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (2, 3, 1, 1)
    assert prf(s) == approx((2 / 3, 1.0, 0.8))


def test_partial_f1_is_harmonic_mean_of_p_and_r_not_count_formula():
    s = ev.score([(0, 5), (10, 15)], [(0, 20), (30, 40), (50, 60)], "partial")
    assert (s.precision, s.recall) == approx((1.0, 1 / 3))
    assert s.f1 == approx(0.5)


def test_duplicate_spans_count_once():
    s = ev.score([(0, 5), (0, 5), (7, 9)], [(0, 5), (0, 5)], "strict")
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (1, 2, 1, 1)


def test_unknown_mode_rejected():
    with pytest.raises(ValueError):
        ev.score([(0, 1)], [(0, 1)], "fuzzy")


# --- empty sides --------------------------------------------------------------------------------------


def test_no_predictions_precision_undefined_recall_zero():
    s = ev.score([], GOLD, "partial")
    assert s.precision is None and s.recall == 0.0 and s.f1 == 0.0


def test_document_without_gold_recall_undefined_precision_zero():
    s = ev.score([(0, 3), (4, 8)], [], "partial")
    assert s.precision == 0.0 and s.recall is None and s.f1 == 0.0


def test_nothing_at_all_is_undefined():
    s = ev.score([], [], "strict")
    assert prf(s) == (None, None, None)
    assert ev.fmt(s.precision) == "n/a"


def test_micro_average_sums_counts_and_no_gold_doc_costs_precision():
    docs = [
        ([(0, 5)], [(0, 5)]),  # perfect
        ([(0, 2), (3, 4), (6, 8)], []),  # no gold: three false positives, nothing to find
        ([], [(1, 9)]),  # nothing predicted: one miss
    ]
    s = ev.score_docs(docs, "strict")
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (1, 4, 1, 2)
    assert prf(s) == approx((0.25, 0.5, 1 / 3))  # not the mean of per-document figures


# --- SkillSpan by kind --------------------------------------------------------------------------------

# "developing Java based services": Skill (0, 30) with the Knowledge span "Java" (11, 15) nested in it.
NESTED = ev.LabelledDoc(gold={"Skill": [(0, 30)], "Knowledge": [(11, 15)]}, pred={"hard": [(11, 15)]})


def test_nested_gold_by_label():
    r = ev.score_by_kind([NESTED])["by_label"]
    assert prf(r["partial"]["hard"]) == approx((1.0, 1.0, 1.0))
    # No soft prediction: P undefined; but the Skill span is overlapped by the hard prediction, and
    # by-label recall accepts a prediction of any kind.
    assert prf(r["partial"]["soft"]) == (None, 1.0, 0.0)
    assert prf(r["partial"]["overall"]) == approx((1.0, 1.0, 1.0))
    assert prf(r["strict"]["hard"]) == approx((1.0, 1.0, 1.0))
    assert prf(r["strict"]["soft"]) == (None, 0.0, 0.0)
    assert prf(r["strict"]["overall"]) == approx((1.0, 0.5, 2 / 3))


def test_nested_gold_label_matched():
    r = ev.score_by_kind([NESTED])["label_matched"]
    assert prf(r["partial"]["hard"]) == approx((1.0, 1.0, 1.0))
    assert prf(r["partial"]["soft"]) == (None, 0.0, 0.0)  # the Skill span needs a soft prediction
    assert prf(r["partial"]["overall"]) == approx((1.0, 0.5, 2 / 3))


def test_wrong_kind_counts_by_label_but_not_label_matched():
    doc = ev.LabelledDoc(
        gold={"Skill": [(0, 10)], "Knowledge": [(20, 25)]},
        pred={"hard": [(2, 8)], "soft": [(20, 25), (40, 45)]},
    )
    r = ev.score_by_kind([doc])
    bl, lm = r["by_label"]["partial"], r["label_matched"]["partial"]
    assert prf(bl["hard"]) == approx((1.0, 1.0, 1.0))  # hard pred sits on a Skill span: fine by label
    assert prf(bl["soft"]) == approx((0.5, 1.0, 2 / 3))
    assert prf(bl["overall"]) == approx((2 / 3, 1.0, 0.8))
    assert prf(lm["hard"]) == (0.0, 0.0, 0.0)
    assert prf(lm["soft"]) == (0.0, 0.0, 0.0)
    s = lm["overall"]
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (0, 3, 0, 2)
    st = r["by_label"]["strict"]
    assert (st["soft"].tp_p, st["soft"].n_pred) == (1, 2)  # (20, 25) is exactly the Knowledge span
    assert (st["hard"].tp_r, st["hard"].n_gold) == (1, 1)  # ... which any-kind recall accepts
    assert (r["label_matched"]["strict"]["hard"].tp_r) == 0


def test_span_predicted_with_both_kinds():
    doc = ev.LabelledDoc(gold={"Knowledge": [(0, 4)]}, pred={"hard": [(0, 4)], "soft": [(0, 4)]})
    r = ev.score_by_kind([doc])
    assert r["by_label"]["strict"]["overall"].n_pred == 1  # kinds merged, span counted once
    assert r["label_matched"]["strict"]["overall"].n_pred == 2  # one hard and one soft prediction
    assert r["label_matched"]["strict"]["overall"].precision == approx(0.5)


def test_by_kind_documents_without_gold_and_without_predictions():
    docs = [
        ev.LabelledDoc(gold={}, pred={"hard": [(0, 3)]}),
        ev.LabelledDoc(gold={"Knowledge": [(0, 3)]}, pred={}),
    ]
    r = ev.score_by_kind(docs)["by_label"]["partial"]
    assert prf(r["hard"]) == (0.0, 0.0, 0.0)
    assert prf(r["soft"]) == (None, None, None)
    assert prf(r["overall"]) == (0.0, 0.0, 0.0)


# --- Green diagnostic ---------------------------------------------------------------------------------


def test_false_positive_labels():
    gold = [(0, 10)]
    other = [((20, 30), "Occupation"), ((25, 40), "Domain"), ((50, 60), "Qualification")]
    pred = [(2, 4), (22, 27), (35, 38), (70, 80)]
    n_fp, by = ev.false_positive_labels(pred, gold, other)
    assert n_fp == 3
    assert by == {"Occupation": 1, "Domain": 2, "any": 2}


# --- Decorte label sets -------------------------------------------------------------------------------


def test_label_sets_case_and_whitespace_insensitive():
    pairs = [
        ({"Python (computer programming)", "work in teams"}, {"python (computer programming)", "English"}),
        (set(), {"plan "}),
        ({"plan"}, set()),  # predicted where gold has nothing: a false positive
    ]
    s = ev.score_label_sets(pairs)
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (1, 3, 1, 3)
    assert prf(s) == approx((1 / 3, 1 / 3, 1 / 3))


def test_label_sets_duplicates_collapse():
    s = ev.score_label_sets([(["SQL", "sql"], ["SQL", "SQL"])])
    assert (s.tp_p, s.n_pred, s.tp_r, s.n_gold) == (1, 1, 1, 1)


def test_flatten_numeric_leaves():
    d = {"a": {"p": 0.5, "n": 3, "x": None, "ok": True, "s": "t"}, "b": 1}
    assert ev.flatten(d) == {"a.p": 0.5, "a.n": 3.0, "b": 1.0}

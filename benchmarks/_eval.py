"""Scoring for the extraction benchmark: span precision / recall / F1, strict and partial, and label sets.

Pure standard library, no I/O, so it can be unit-tested with hand-made spans (tests/benchmarks/).

Conventions (benchmarks/README.md repeats them):

* A span is ``(start, end)``: character offsets, half-open, ``start < end``. Two spans *overlap* when they
  share at least one character: ``a.start < b.end and b.start < a.end``. Nesting is a kind of overlap.
* Spans are sets: duplicates within a document count once (an extractor that returns the same span twice,
  e.g. for two skill ids, makes one prediction).
* **strict**: a prediction is correct when a gold span has exactly its offsets; a gold span is found when a
  prediction has exactly its offsets.
* **partial**: a prediction is correct when it overlaps at least one gold span; a gold span is found when
  at least one prediction overlaps it. So one long prediction can find several gold spans, and several
  predictions can all be correct on one gold span: the two sides are counted separately.
* precision = correct predictions / predictions; recall = found gold / gold; micro-averaged, i.e. the
  counts are summed over all documents before dividing.
* Zero denominators: precision with no predictions is ``None`` (printed ``n/a``), recall with no gold is
  ``None``. F1 is the harmonic mean of P and R; it is 0 when either is 0 (no predictions means R = 0, no
  gold means P = 0, so F1 = 0 in both cases) and ``None`` only when there is neither gold nor predictions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]
Mode = Literal["strict", "partial"]
MODES: tuple[Mode, ...] = ("partial", "strict")


def overlaps(a: Span, b: Span) -> bool:
    """True when the half-open spans share at least one character (empty spans overlap nothing)."""
    return a[0] < a[1] and b[0] < b[1] and a[0] < b[1] and b[0] < a[1]


def count_matched(items: Iterable[Span], against: Iterable[Span], mode: Mode) -> int:
    """How many distinct spans of ``items`` match some span of ``against`` (exactly, or by overlap)."""
    items = set(items)
    against = set(against)
    if mode == "strict":
        return len(items & against)
    if mode != "partial":
        raise ValueError(f"unknown mode {mode!r}")
    # Documents hold tens to a few hundred spans: a sorted sweep would be faster, a double loop is clearer.
    return sum(1 for s in items if any(overlaps(s, g) for g in against))


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class PRF:
    """Counts behind one precision / recall / F1 figure; add documents together with ``+=``."""

    tp_p: int = 0  # predictions judged correct
    n_pred: int = 0
    tp_r: int = 0  # gold spans (or labels) found
    n_gold: int = 0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp_p += other.tp_p
        self.n_pred += other.n_pred
        self.tp_r += other.tp_r
        self.n_gold += other.n_gold
        return self

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp_p, self.n_pred)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp_r, self.n_gold)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        if not p or not r:  # one of them is 0 or undefined (an undefined side implies the other is 0)
            return 0.0
        return 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "p": self.precision,
            "r": self.recall,
            "f1": self.f1,
            "tp_p": self.tp_p,
            "n_pred": self.n_pred,
            "tp_r": self.tp_r,
            "n_gold": self.n_gold,
        }


def score(
    pred: Iterable[Span],
    gold: Iterable[Span],
    mode: Mode,
    *,
    gold_for_precision: Iterable[Span] | None = None,
    pred_for_recall: Iterable[Span] | None = None,
) -> PRF:
    """Score one document.

    Precision judges ``pred`` against ``gold_for_precision`` (default ``gold``); recall judges ``gold``
    against ``pred_for_recall`` (default ``pred``). The two defaults give the usual P/R/F1; the overrides
    express the per-label schemes (e.g. recall of Knowledge spans found by a prediction of any kind).
    """
    pred, gold = set(pred), set(gold)
    gp = gold if gold_for_precision is None else set(gold_for_precision)
    pr = pred if pred_for_recall is None else set(pred_for_recall)
    return PRF(
        tp_p=count_matched(pred, gp, mode),
        n_pred=len(pred),
        tp_r=count_matched(gold, pr, mode),
        n_gold=len(gold),
    )


def score_docs(docs: Iterable[tuple[Iterable[Span], Iterable[Span]]], mode: Mode) -> PRF:
    """Micro-averaged score over ``(pred, gold)`` pairs, one per document."""
    total = PRF()
    for pred, gold in docs:
        total += score(pred, gold, mode)
    return total


# --- SkillSpan: gold labels Knowledge (hard) and Skill (soft), predicted kinds hard / soft -------------

KIND_OF_LABEL = {"Knowledge": "hard", "Skill": "soft"}


@dataclass(frozen=True)
class LabelledDoc:
    """One document's gold spans by label and predicted spans by kind."""

    gold: Mapping[str, Sequence[Span]]  # label -> spans, e.g. {"Knowledge": [...], "Skill": [...]}
    pred: Mapping[str, Sequence[Span]]  # kind -> spans, e.g. {"hard": [...], "soft": [...]}


def _spans(mapping: Mapping[str, Sequence[Span]], key: str | None = None) -> set[Span]:
    if key is not None:
        return set(mapping.get(key, ()))
    return {s for spans in mapping.values() for s in spans}


def score_by_kind(
    docs: Sequence[LabelledDoc], kind_of_label: Mapping[str, str] = KIND_OF_LABEL
) -> dict[str, dict[str, dict[str, PRF]]]:
    """SkillSpan figures: ``result[scheme][mode][kind]`` with kind in hard, soft, overall.

    scheme ``by_label`` (the headline): recall of kind k = gold spans of k's label found by a prediction
    of *any* kind; precision of kind k = predictions of kind k matching a gold span of *any* label;
    overall = all predicted spans (kinds merged) against all gold spans (labels merged).

    scheme ``label_matched`` (stricter): a prediction of kind k counts only against gold spans of k's
    label, and a gold span of k's label counts as found only by a prediction of kind k. Overall sums the
    hard and soft counts (a span predicted with both kinds is two predictions there).
    """
    label_of_kind = {k: lab for lab, k in kind_of_label.items()}
    kinds = list(label_of_kind)
    out: dict[str, dict[str, dict[str, PRF]]] = {
        scheme: {mode: {k: PRF() for k in [*kinds, "overall"]} for mode in MODES}
        for scheme in ("by_label", "label_matched")
    }
    for doc in docs:
        gold_all = _spans({lab: doc.gold.get(lab, ()) for lab in kind_of_label})
        pred_all = _spans({k: doc.pred.get(k, ()) for k in kinds})
        for mode in MODES:
            for k in kinds:
                pk, gk = _spans(doc.pred, k), _spans(doc.gold, label_of_kind[k])
                out["by_label"][mode][k] += score(
                    pk, gk, mode, gold_for_precision=gold_all, pred_for_recall=pred_all
                )
                matched = score(pk, gk, mode)
                out["label_matched"][mode][k] += matched
                out["label_matched"][mode]["overall"] += matched
            out["by_label"][mode]["overall"] += score(pred_all, gold_all, mode)
    return out


# --- Green 2022: gold Skill spans; diagnostic on false positives -------------------------------------


def false_positive_labels(
    pred: Iterable[Span], gold: Iterable[Span], other_gold: Iterable[tuple[Span, str]]
) -> tuple[int, Counter[str]]:
    """Partial-match false positives of ``pred`` against ``gold``, and how many overlap each other label.

    Returns ``(n_false_positives, Counter(label -> false positives overlapping a span of that label))``;
    a false positive overlapping spans of two labels counts once under each, and once in
    ``Counter["any"]``.
    """
    gold = set(gold)
    other = list(other_gold)
    n_fp = 0
    by_label: Counter[str] = Counter()
    for p in set(pred):
        if any(overlaps(p, g) for g in gold):
            continue
        n_fp += 1
        labels = {lab for span, lab in other if overlaps(p, span)}
        by_label.update(labels)
        if labels:
            by_label["any"] += 1
    return n_fp, by_label


# --- Decorte 2022: sets of normalised skill labels per sentence ---------------------------------------


def normalise_label(label: str) -> str:
    """Compare ESCO labels case-insensitively, ignoring surrounding and repeated whitespace."""
    return " ".join(label.split()).casefold()


def score_label_sets(pairs: Iterable[tuple[Iterable[str], Iterable[str]]]) -> PRF:
    """Micro P/R over ``(predicted labels, gold labels)`` per sentence; labels compared normalised."""
    total = PRF()
    for pred, gold in pairs:
        p = {normalise_label(x) for x in pred}
        g = {normalise_label(x) for x in gold}
        tp = len(p & g)
        total += PRF(tp_p=tp, n_pred=len(p), tp_r=tp, n_gold=len(g))
    return total


def fmt(x: float | None, digits: int = 3) -> str:
    """A figure for a table: ``0.423``, or ``n/a`` when undefined."""
    return "n/a" if x is None else f"{x:.{digits}f}"


def flatten(obj: object, prefix: str = "", keep: Callable[[str], bool] = lambda k: True) -> dict[str, float]:
    """Numeric leaves of a nested dict as ``{"a.b.c": value}`` (for --compare)."""
    out: dict[str, float] = {}
    if isinstance(obj, Mapping):
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}{k}.", keep))
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        key = prefix.rstrip(".")
        if keep(key):
            out[key] = float(obj)
    return out

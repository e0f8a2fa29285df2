"""Skill-extraction benchmark: SkillSpan, Green 2022 and Decorte 2022 (ESCO labels), plus throughput.

    .venv/bin/python benchmarks/extraction.py                    # test split, our extractor
    .venv/bin/python benchmarks/extraction.py --split dev        # tune here: never looks at test
    .venv/bin/python benchmarks/extraction.py --extractor baselines:load_baseline --compare OLD.json

Every figure is defined in benchmarks/README.md; the scoring itself lives in benchmarks/_eval.py.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO / "benchmarks"
DEFAULT_DATA = REPO.parent / "shared" / "data" / "benchmarks"
DEFAULT_EXTRACTOR = "gapcheck.extraction:load_extractor"
SPLITS = ("test", "dev", "train", "all-but-test")
DATASETS = ("skillspan", "green", "decorte")
# Decorte's label column holds an ESCO preferred label or one of these markers (skipped, and counted).
DECORTE_MARKERS = ("LABEL NOT PRESENT", "UNDERSPECIFIED")

for _p in (BENCH_DIR, REPO / "src", REPO):  # _eval and baselines; gapcheck even when not pip-installed
    if str(_p) not in sys.path:
        sys.path.append(str(_p))

import _eval as ev  # noqa: E402


# --- the extractor ------------------------------------------------------------------------------------


def load_extractor(spec: str = DEFAULT_EXTRACTOR) -> Any:
    """The one place the harness gets an extractor: ``module:callable``, called with no arguments.

    The callable returns an object with ``extract_texts(texts) -> iterable of list[Mention]`` (one list per
    text, in order), or is itself such a function. Mentions are duck-typed: ``start, end, text,
    skill_id, name, kind``.
    """
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise SystemExit(f"--extractor wants module:callable, got {spec!r}")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as e:
        raise SystemExit(
            f"extractor {spec} is not available ({type(e).__name__}: {e}); "
            "try --extractor baselines:load_baseline"
        ) from e
    obj = factory()
    if hasattr(obj, "extract_texts"):
        return obj
    if callable(obj):
        return _FunctionExtractor(obj)
    raise SystemExit(f"{spec} returned {type(obj).__name__}, which has no extract_texts()")


@dataclass
class _FunctionExtractor:
    fn: Callable[[Iterable[str]], Iterable[list[Any]]]

    def extract_texts(self, texts: Iterable[str]) -> Iterable[list[Any]]:
        return self.fn(texts)


@dataclass
class Run:
    """Mentions for a list of texts, the wall time it took, and breaches of the Mention contract."""

    mentions: list[list[Any]]
    seconds: float
    problems: Counter[str] = field(default_factory=Counter)


def run_extractor(extractor: Any, texts: Sequence[str], **kwargs: Any) -> Run:
    """Extract from all texts in one call; drop mentions with unusable offsets (and count them).

    ``kwargs`` (e.g. ``doc_type="advert", requirements_only=True`` for whole postings) are passed on
    only to extractors whose ``extract_texts`` accepts them.
    """
    t0 = time.perf_counter()
    if kwargs:
        import inspect

        params = inspect.signature(extractor.extract_texts).parameters
        kwargs = {k: v for k, v in kwargs.items() if k in params}
    raw = [list(ms) for ms in extractor.extract_texts(texts, **kwargs)]
    seconds = time.perf_counter() - t0
    if len(raw) != len(texts):
        raise SystemExit(f"extractor returned {len(raw)} results for {len(texts)} texts")
    problems: Counter[str] = Counter()
    kept: list[list[Any]] = []
    for text, ms in zip(texts, raw):
        good = []
        for m in ms:
            if not (0 <= m.start < m.end <= len(text)):
                problems["bad offsets (dropped)"] += 1
                continue
            if m.text != text[m.start : m.end]:
                problems["text != document[start:end]"] += 1
            if m.kind not in ("hard", "soft"):
                problems[f"kind {m.kind!r}"] += 1
            good.append(m)
        kept.append(good)
    return Run(kept, seconds, problems)


# --- data ---------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def skillspan_splits(split: str) -> set[str]:
    return {"train", "dev"} if split == "all-but-test" else {split}


def decorte_files(split: str) -> dict[str, str]:
    """Decorte set name -> file, for a split. TECH/HOUSE test and validation come from SkillSpan's test
    and dev postings; TECHWOLF (test only, sentence-level labels, no spans) is an extra."""
    if split == "test":
        return {
            "house": "house_test_annotations.csv",
            "tech": "tech_test_annotations.csv",
            "techwolf": "techwolf_test_annotations.csv",
        }
    if split in ("dev", "all-but-test"):
        return {"house": "house_validation_annotations.csv", "tech": "tech_validation_annotations.csv"}
    return {}


@dataclass
class DecorteSentence:
    text: str
    gold: set[str] = field(default_factory=set)  # ESCO preferred labels as written
    spans: list[tuple[tuple[int, int], str]] = field(default_factory=list)  # (span, label or marker)


def read_decorte(path: Path) -> tuple[list[DecorteSentence], Counter[str], int]:
    """Sentences (identical sentence texts merged, first-seen order), skipped markers, and row count."""
    sentences: dict[str, DecorteSentence] = {}
    skipped: Counter[str] = Counter()
    rows = 0
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows += 1
            text = row["sentence"]
            s = sentences.setdefault(text, DecorteSentence(text))
            label = " ".join(row["label"].split())
            if label in DECORTE_MARKERS or not label:
                skipped[label or "(empty)"] += 1
            else:
                s.gold.add(label)
            span = row.get("span") or ""
            start = text.find(span) if span else -1
            if start >= 0:
                s.spans.append(((start, start + len(span)), label if label not in DECORTE_MARKERS else ""))
    return list(sentences.values()), skipped, rows


def esco_preferred_labels(taxonomy: Path) -> set[str] | None:
    """Normalised ESCO preferred labels of our taxonomy file, or None when it is not there."""
    if not taxonomy.is_file():
        return None
    with taxonomy.open(encoding="utf-8", newline="") as f:
        return {ev.normalise_label(r["preferredLabel"]) for r in csv.DictReader(f)}


def n_words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


# --- the three benchmarks -----------------------------------------------------------------------------


def bench_skillspan(extractor: Any, data: Path, split: str, *, sections: bool = True, unnamed: bool = True,
                    min_confidence: float | None = None) -> dict:
    wanted = skillspan_splits(split)
    docs = [d for d in read_jsonl(data / "skillspan" / "skillspan_docs.jsonl") if d["split"] in wanted]
    texts = [d["text"] for d in docs]
    # Whole postings are read as gapcheck reads an advert: skills in the company blurb, the benefits and
    # the how-to-apply text are not requirements and are not reported (--no-sections turns this off).
    # The span tagger's spans the taxonomy does not name count too (--named-only leaves them out).
    kw = {"doc_type": "advert", "requirements_only": True} if sections else {}
    if sections and unnamed:
        kw["unnamed"] = True
    if sections and min_confidence is not None:
        kw["min_confidence"] = min_confidence
    run = run_extractor(extractor, texts, **kw)
    labelled, gold_count, pred_count = [], Counter(), Counter()
    pred_chars, gold_chars = 0, 0
    for d, ms in zip(docs, run.mentions):
        gold: dict[str, list] = {}
        for s in d["spans"]:
            gold.setdefault(s["label"], []).append((s["start"], s["end"]))
            gold_count[s["label"]] += 1
            gold_chars += len(s["text"].split())
        pred: dict[str, set] = {}
        for m in ms:
            pred.setdefault(m.kind, set()).add((m.start, m.end))
        spans = {(m.start, m.end) for m in ms}
        pred_count["spans"] += len(spans)
        pred_count["mentions"] += len(ms)
        for k, v in pred.items():
            pred_count[k] += len(v)
        pred_chars += sum(len(d["text"][a:b].split()) for a, b in spans)
        labelled.append(ev.LabelledDoc(gold=gold, pred=pred))
    scores = ev.score_by_kind(labelled)
    words = n_words(texts)
    return {
        "split": sorted(wanted),
        "n_docs": len(docs),
        "n_words": words,
        "gold": dict(gold_count),
        "pred": dict(pred_count),
        "pred_spans_per_doc": pred_count["spans"] / len(docs) if docs else None,
        "mean_words_per_pred_span": pred_chars / pred_count["spans"] if pred_count["spans"] else None,
        "mean_words_per_gold_span": gold_chars / sum(gold_count.values()) if gold_count else None,
        **{
            scheme: {mode: {k: v.to_dict() for k, v in by_kind.items()} for mode, by_kind in modes.items()}
            for scheme, modes in scores.items()
        },
        "seconds": run.seconds,
        "words_per_s": words / run.seconds if run.seconds > 0 else None,
        "ms_per_doc": 1000 * run.seconds / len(docs) if docs else None,
        "contract_problems": dict(run.problems),
    }


def bench_green(extractor: Any, data: Path, *, unnamed: bool = True) -> dict:
    sents = read_jsonl(data / "green2022" / "green2022_testset.jsonl")
    # Sentences of job adverts, read as advert text (the span tagger runs); single sentences have no
    # sections, so nothing is filtered as outside the requirements.
    kw: dict[str, Any] = {"doc_type": "advert", "unnamed": True} if unnamed else {"doc_type": "advert"}
    run = run_extractor(extractor, [s["text"] for s in sents], **kw)
    out: dict[str, Any] = {"n_sentences": len(sents)}
    labels: Counter[str] = Counter()
    n_fp, fp_labels = 0, Counter()
    totals = {mode: ev.PRF() for mode in ev.MODES}
    for s, ms in zip(sents, run.mentions):
        gold = [(x["start"], x["end"]) for x in s["spans"] if x["label"] == "Skill"]
        other = [((x["start"], x["end"]), x["label"]) for x in s["spans"] if x["label"] != "Skill"]
        labels.update(x["label"] for x in s["spans"])
        pred = {(m.start, m.end) for m in ms}
        for mode in ev.MODES:
            totals[mode] += ev.score(pred, gold, mode)
        fp, by = ev.false_positive_labels(pred, gold, other)
        n_fp += fp
        fp_labels += by
    out["gold_labels"] = dict(labels)
    out.update({mode: totals[mode].to_dict() for mode in ev.MODES})
    n_other = fp_labels.pop("any", 0)
    out["false_positives"] = {
        "n": n_fp,
        "overlap_non_skill": n_other,
        "share_overlap_non_skill": n_other / n_fp if n_fp else None,
        "by_label": dict(fp_labels.most_common()),
    }
    out["seconds"] = run.seconds
    out["contract_problems"] = dict(run.problems)
    return out


def bench_decorte(extractor: Any, data: Path, split: str, esco_labels: set[str] | None) -> dict:
    out: dict[str, Any] = {}
    for name, fname in decorte_files(split).items():
        path = data / "decorte2022_esco" / "data" / fname
        if not path.is_file():
            out[name] = {"missing": str(path)}
            continue
        sents, skipped, rows = read_decorte(path)
        run = run_extractor(extractor, [s.text for s in sents])
        pairs, fp_where = [], Counter()
        for s, ms in zip(sents, run.mentions):
            esco = [m for m in ms if str(m.skill_id).startswith("esco:")]
            pred = {ev.normalise_label(m.name) for m in esco}
            gold = {ev.normalise_label(g) for g in s.gold}
            pairs.append((pred, gold))
            for label in pred - gold:  # why was this label wrong? look at where its mentions sit
                where = "outside annotated spans"
                for m in esco:
                    if ev.normalise_label(m.name) != label:
                        continue
                    hit = [lab for span, lab in s.spans if ev.overlaps((m.start, m.end), span)]
                    if any(hit):
                        where = "on a span with another ESCO label"
                        break
                    if hit:
                        where = "on a span marked no label / underspecified"
                if not s.spans:
                    where = "no spans (sentence-level set)"
                fp_where[where] += 1
        prf = ev.score_label_sets(pairs)
        gold_all = [g for _, gold in pairs for g in gold]
        res: dict[str, Any] = {
            "file": fname,
            "rows": rows,
            "n_sentences": len(sents),
            "n_sentences_with_gold": sum(1 for _, g in pairs if g),
            "skipped_rows": dict(skipped),
            **prf.to_dict(),
            "p_sentences_with_gold": ev.score_label_sets([(p, g) for p, g in pairs if g]).precision,
            "false_positives_where": dict(fp_where.most_common()),
            "seconds": run.seconds,
            "contract_problems": dict(run.problems),
        }
        if esco_labels is not None:
            missing = sum(1 for g in gold_all if g not in esco_labels)
            res["gold_not_in_taxonomy"] = missing
            res["recall_ceiling"] = 1 - missing / len(gold_all) if gold_all else None
        out[name] = res
    return out


# --- output -------------------------------------------------------------------------------------------


def _n(x: float | int | None, spec: str = ",.0f") -> str:
    return "n/a" if x is None else format(x, spec)


def _prf_cells(d: dict) -> str:
    return "  ".join(f"{ev.fmt(d[k]):>5}" for k in ("p", "r", "f1"))


def render(res: dict) -> str:
    meta, lines = res["meta"], []
    add = lines.append
    add(f"gapcheck extraction benchmark · extractor {meta['extractor']} · split {meta['split']}")
    add(f"data {meta['data']} · commit {meta['commit']} · {meta['timestamp']}")
    sk = res.get("skillspan")
    if sk:
        g = sk["gold"]
        add("")
        add(
            f"SkillSpan {'+'.join(sk['split'])} · {sk['n_docs']} postings · {sk['n_words']:,} words · gold "
            f"{g.get('Knowledge', 0):,} Knowledge (hard) + {g.get('Skill', 0):,} Skill (soft) · "
            f"{_n(sk['pred_spans_per_doc'], '.1f')} predicted spans/posting "
            f"(hard {sk['pred'].get('hard', 0):,}, soft {sk['pred'].get('soft', 0):,})"
        )
        add(f"{'':24}{'partial (overlap)':<21}  {'strict (exact span)':<21}")
        add(f"{'':24}{'P':>5}  {'R':>5}  {'F1':>5}    {'P':>5}  {'R':>5}  {'F1':>5}")
        for scheme, title in (("by_label", "by label"), ("label_matched", "label-matched")):
            for i, kind in enumerate(("hard", "soft", "overall")):
                head = title if i == 0 else ""
                add(
                    f"{head:<15}{kind:<9}{_prf_cells(sk[scheme]['partial'][kind])}    "
                    f"{_prf_cells(sk[scheme]['strict'][kind])}"
                )
        add(
            f"mean span length: predicted {_n(sk['mean_words_per_pred_span'], '.2f')} words, "
            f"gold {_n(sk['mean_words_per_gold_span'], '.2f')} words"
        )
    gr = res.get("green")
    if gr:
        add("")
        gl = gr["gold_labels"]
        others = ", ".join(f"{k} {v}" for k, v in sorted(gl.items(), key=lambda kv: -kv[1]) if k != "Skill")
        add(f"Green 2022 test · {gr['n_sentences']} sentences · gold {gl.get('Skill', 0)} Skill spans "
            f"(not scored: {others})")
        add(f"{'':24}{'P':>5}  {'R':>5}  {'F1':>5}    {'P':>5}  {'R':>5}  {'F1':>5}")
        add(f"{'all mentions':<24}{_prf_cells(gr['partial'])}    {_prf_cells(gr['strict'])}")
        fp = gr["false_positives"]
        by = ", ".join(f"{k} {v}" for k, v in fp["by_label"].items()) or "none"
        add(
            f"partial false positives: {fp['n']:,}, of which {fp['overlap_non_skill']:,} "
            f"({_n(None if fp['share_overlap_non_skill'] is None else 100 * fp['share_overlap_non_skill'], '.1f')}%)"
            f" overlap a non-Skill gold span ({by})"
        )
    dc = res.get("decorte")
    if dc:
        add("")
        add("Decorte 2022 · ESCO skills per sentence (our esco: mentions by preferred label) vs gold labels, "
            "micro")
        add(f"{'set':<10}{'sentences':>10}{'gold':>7}{'pred':>7}{'tp':>6}   {'P':>5}  {'R':>5}  {'F1':>5}"
            f"   {'P*':>5}  {'ceiling':>7}  skipped rows")
        for name, d in dc.items():
            if "missing" in d:
                add(f"{name:<10}missing: {d['missing']}")
                continue
            skipped = ", ".join(f"{k} {v}" for k, v in d["skipped_rows"].items()) or "none"
            add(
                f"{name:<10}{d['n_sentences']:>10}{d['n_gold']:>7}{d['n_pred']:>7}{d['tp_p']:>6}   "
                f"{_prf_cells(d)}   {ev.fmt(d['p_sentences_with_gold']):>5}  "
                f"{ev.fmt(d.get('recall_ceiling')):>7}  {skipped}"
            )
        add("P* = precision over sentences with at least one gold label; ceiling = share of gold labels that "
            "are preferred labels in our ESCO file")
        for name, d in dc.items():
            if d.get("false_positives_where"):
                where = ", ".join(f"{k} {v}" for k, v in d["false_positives_where"].items())
                add(f"{name} false positives: {where}")
    t = res["timing"]
    add("")
    sk_speed = ""
    if sk:
        sk_speed = (
            f" · SkillSpan {sk['n_words']:,} words in {sk['seconds']:.2f} s = "
            f"{_n(sk['words_per_s'])} words/s ({_n(sk['ms_per_doc'], '.1f')} ms/posting)"
        )
    others = []
    if gr:
        others.append(f"Green {gr['seconds']:.2f} s")
    if dc:
        others.append(f"Decorte {sum(d.get('seconds', 0) for d in dc.values()):.2f} s")
    add(
        f"speed: load {t['load_s']:.2f} s{sk_speed}" + (" · " + ", ".join(others) if others else "")
        + f" · total {t['total_s']:.1f} s · peak RSS {_n(t.get('peak_rss_mb'))} MB"
    )
    problems = Counter()
    for part in (sk, gr, *(dc or {}).values()):
        if part:
            problems.update(part.get("contract_problems", {}))
    if problems:
        add("WARNING mention contract: " + ", ".join(f"{k}: {v}" for k, v in problems.items()))
    return "\n".join(lines)


# Figures worth a before/after line; everything numeric is in the JSON anyway.
def _compare_key(key: str) -> bool:
    last = key.rsplit(".", 1)[-1]
    if last in ("p", "r", "f1", "p_sentences_with_gold", "words_per_s", "ms_per_doc", "load_s", "total_s"):
        return True
    return key in ("skillspan.pred_spans_per_doc", "green.false_positives.share_overlap_non_skill")


def render_compare(old: dict, new: dict) -> str:
    """Before / after / delta for every headline figure; P, R and F1 of one scope share a row."""
    a = ev.flatten({k: v for k, v in old.items() if k != "meta"}, keep=_compare_key)
    b = ev.flatten({k: v for k, v in new.items() if k != "meta"}, keep=_compare_key)
    om, nm = old.get("meta", {}), new.get("meta", {})
    lines = [
        "",
        f"compare · before: {om.get('extractor')} @ {om.get('commit')} ({om.get('timestamp')})",
        f"          after:  {nm.get('extractor')} @ {nm.get('commit')} ({nm.get('timestamp')})",
    ]
    if om.get("split") != nm.get("split"):
        lines.append(f"WARNING: splits differ ({om.get('split')} vs {nm.get('split')}): deltas are meaningless")
    # group "x.y.p", "x.y.r", "x.y.f1" under "x.y"; other figures stand alone
    groups: dict[str, list[str]] = {}
    for k in [*b, *(k for k in a if k not in b)]:
        head, _, last = k.rpartition(".")
        groups.setdefault(head if last in ("p", "r", "f1") else k, []).append(k)
    width = max((len(g) for g in groups), default=10)

    def f(x: float | None, big: bool) -> str:
        return "n/a" if x is None else (f"{x:,.0f}" if big else f"{x:.3f}")

    def d(x: float | None, y: float | None, big: bool) -> str:
        return "" if x is None or y is None else (f"{y - x:+,.0f}" if big else f"{y - x:+.3f}")

    trio = f"{'P':>6} {'R':>6} {'F1':>6}"
    lines.append(f"{'figure':<{width}}  {'before':^20}   {'after':^20}   {'delta':^20}")
    lines.append(f"{'':<{width}}  {trio}   {trio}   {trio}")
    for g, keys in groups.items():
        if keys == [g]:  # a single figure
            va, vb = a.get(g), b.get(g)
            big = abs(vb if vb is not None else va or 0) >= 100
            lines.append(f"{g:<{width}}  {f(va, big):>20}   {f(vb, big):>20}   {d(va, vb, big):>20}")
            continue
        cells = [[], [], []]
        for part in ("p", "r", "f1"):
            va, vb = a.get(f"{g}.{part}"), b.get(f"{g}.{part}")
            cells[0].append(f"{f(va, False):>6}")
            cells[1].append(f"{f(vb, False):>6}")
            cells[2].append(f"{d(va, vb, False):>6}")
        lines.append(f"{g:<{width}}  " + "   ".join(" ".join(c) for c in cells))
    return "\n".join(lines)


def git_commit() -> str:
    try:
        sha = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
        return sha or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def peak_rss_mb() -> float | None:
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    except (ImportError, OSError):
        return None


# --- main ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmarks directory (default %(default)s)")
    ap.add_argument("--split", choices=SPLITS, default="test", help="default test; tune on dev")
    ap.add_argument("--extractor", default=DEFAULT_EXTRACTOR, help="module:callable (default %(default)s)")
    ap.add_argument("--out", type=Path, help="JSON results (default benchmarks/results/extraction-<time>.json)")
    ap.add_argument("--no-out", action="store_true", help="do not write the JSON file")
    ap.add_argument("--compare", type=Path, metavar="OLD.json", help="print before/after deltas against a run")
    ap.add_argument("--named-only", action="store_true",
                    help="leave out the span tagger's spans the taxonomy does not name (only named skills)")
    from gapcheck.extraction.pipeline import SKILLSPAN_MIN_CONFIDENCE

    ap.add_argument("--tagger-filter", type=float, metavar="P", nargs="?", const=SKILLSPAN_MIN_CONFIDENCE,
                    default=None,
                    help="SkillSpan: also drop named mentions the span tagger gives less than P (default "
                         f"{SKILLSPAN_MIN_CONFIDENCE}: what SkillSpan-style annotation would want; gapcheck "
                         "does not do it)")
    ap.add_argument("--no-sections", action="store_true",
                    help="SkillSpan: extract from whole postings, ignoring advert sections")
    ap.add_argument(
        "--datasets", default=",".join(DATASETS), help="comma-separated subset of %(default)s"
    )
    ap.add_argument(
        "--taxonomy",
        type=Path,
        help="ESCO skills CSV for Decorte's recall ceiling (default <data>/../taxonomy/esco/esco_skills_merged.csv)",
    )
    args = ap.parse_args(argv)
    args.datasets = [d.strip() for d in args.datasets.split(",") if d.strip()]
    unknown = set(args.datasets) - set(DATASETS)
    if unknown:
        ap.error(f"unknown datasets {sorted(unknown)}; choose from {DATASETS}")
    return args


def main(argv: Sequence[str] | None = None) -> dict:
    args = parse_args(argv)
    t_start = time.perf_counter()
    data: Path = args.data
    if not data.is_dir():
        raise SystemExit(f"no benchmark data at {data} (use --data DIR)")
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None

    t0 = time.perf_counter()
    extractor = load_extractor(args.extractor)
    load_s = time.perf_counter() - t0

    res: dict[str, Any] = {
        "meta": {
            "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "commit": git_commit(),
            "extractor": args.extractor,
            "split": args.split,
            "data": str(data),
            "datasets": args.datasets,
            "python": platform.python_version(),
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cpus",
        }
    }
    notes = []
    if "skillspan" in args.datasets:
        res["skillspan"] = bench_skillspan(extractor, data, args.split, sections=not args.no_sections,
                                            unnamed=not args.named_only, min_confidence=args.tagger_filter)
        res["meta"]["skillspan_sections"] = not args.no_sections
        res["meta"]["unnamed_spans"] = not args.named_only
        res["meta"]["tagger_filter"] = args.tagger_filter
    if "green" in args.datasets:
        if args.split == "test":
            res["green"] = bench_green(extractor, data, unnamed=not args.named_only)
        else:
            notes.append("Green 2022 has only a test set: skipped for this split.")
    if "decorte" in args.datasets:
        if decorte_files(args.split):
            tax = args.taxonomy or data.parent / "taxonomy" / "esco" / "esco_skills_merged.csv"
            res["decorte"] = bench_decorte(extractor, data, args.split, esco_preferred_labels(tax))
        else:
            notes.append("Decorte 2022 has no train set: skipped for this split.")
    res["timing"] = {
        "load_s": load_s,
        "total_s": time.perf_counter() - t_start,
        "peak_rss_mb": peak_rss_mb(),
    }
    res["meta"]["notes"] = notes

    print(render(res))
    for n in notes:
        print(n)
    if old is not None:
        print(render_compare(old, res))
    if not args.no_out:
        out = args.out or BENCH_DIR / "results" / f"extraction-{datetime.now():%Y%m%d-%H%M%S}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {out}")
    return res


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Error analysis for skill extraction on SkillSpan (train/dev only: never look at test errors).

Lists the most frequent false positives (predicted spans overlapping no gold span) by skill and text, and
the most frequent missed gold spans, per kind. Use it to decide what to curate; figures come from
``benchmarks/extraction.py``.

    python benchmarks/extraction_errors.py --split dev [--top 40] [--kind hard|soft]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "benchmarks" / "skillspan" / "skillspan_docs.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["train", "dev", "all-but-test"])
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--kind", choices=["hard", "soft"])
    args = ap.parse_args()
    from gapcheck.extraction import load_extractor

    splits = {"train", "dev"} if args.split == "all-but-test" else {args.split}
    docs = [json.loads(line) for line in open(DATA, encoding="utf-8")]
    docs = [d for d in docs if d["split"] in splits]
    ex = load_extractor()
    fp: Counter = Counter()
    fn: Counter = Counter()
    tp: Counter = Counter()
    for d, ms in zip(docs, ex.extract_texts([d["text"] for d in docs])):
        gold = d["spans"]
        for m in ms:
            if args.kind and m.kind != args.kind:
                continue
            ok = any(m.start < g["end"] and g["start"] < m.end for g in gold)
            (tp if ok else fp)[(m.kind, m.name, m.text.lower())] += 1
        for g in gold:
            want = {"Knowledge": "hard", "Skill": "soft"}[g["label"]]
            if args.kind and want != args.kind:
                continue
            if not any(m.start < g["end"] and g["start"] < m.end for m in ms):
                fn[(g["label"], g["text"].lower())] += 1
    print(f"false positives ({sum(fp.values())}), true positives {sum(tp.values())}")
    for (k, name, text), n in fp.most_common(args.top):
        print(f"  {n:3d}  {k:4s}  {text!r:40s} -> {name}  (tp {tp[(k, name, text)]})")
    print(f"\nmissed gold spans ({sum(fn.values())})")
    for (lab, text), n in fn.most_common(args.top):
        print(f"  {n:3d}  {lab:9s} {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

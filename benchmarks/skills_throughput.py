#!/usr/bin/env python
"""``gapcheck skills`` over SkillSpan's 65 test postings (~43,000 words) in one process, timed from process
start: words per second (the target is 10,000 or more).

    python benchmarks/skills_throughput.py [--runs 3] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "benchmarks" / "skillspan" / "skillspan_docs.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    docs = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    docs = [d for d in docs if d["split"] == "test"]
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for d in docs:
            p = Path(tmp) / f"{d['doc_id']}.txt"
            p.write_text(d["text"], encoding="utf-8")
            files.append(str(p))
        cmd = [sys.executable, "-m", "gapcheck", "skills", *files, "--format", "jsonl"]
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            r = subprocess.run(cmd, capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            if r.returncode != 0:
                sys.exit(f"gapcheck skills failed: {r.stderr.strip()}")
            rows = [json.loads(line) for line in r.stdout.splitlines()]
            assert len(rows) == len(docs)
    t = statistics.median(times)
    out = {"postings": len(docs), "words": words, "runs": args.runs, "median_s": round(t, 3),
           "words_per_s": round(words / t), "all_s": [round(x, 3) for x in times],
           "mentions": sum(len(r["skills"]) for r in rows)}
    print(f"gapcheck skills: {len(docs)} postings, {words:,} words, median {t:.2f} s from process start "
          f"= {words / t:,.0f} words/s (target >= 10,000)")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

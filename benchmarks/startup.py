#!/usr/bin/env python
"""Cold start: a new ``gapcheck CV.pdf ADVERT.txt`` process against the floor of any spaCy tool.

Measures, in one run and interleaved (so machine load hits both alike), the wall time of
``python -c "import spacy; spacy.blank('en')"`` and of ``gapcheck <pdf cv> <txt advert> --format json``,
each as a fresh process, and prints the medians and their ratio (the target is at most 2.0).

    python benchmarks/startup.py [--runs 7] [--cv FILE.pdf] [--advert FILE.txt] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"startup.py: {' '.join(cmd)} failed ({r.returncode}): {r.stderr.strip()}")
    return dt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--cv", default=str(ROOT / "data/samples/cv_software_engineer.pdf"))
    ap.add_argument("--advert", default=str(ROOT / "data/samples/advert_backend_engineer.txt"))
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    py = sys.executable
    gapcheck = [py, "-m", "gapcheck", args.cv, args.advert, "--format", "json"]
    floor = [py, "-c", "import spacy; spacy.blank('en')"]
    wall(floor), wall(gapcheck)  # warm the OS file cache once; not counted
    f_times, g_times = [], []
    for _ in range(args.runs):
        f_times.append(wall(floor))
        g_times.append(wall(gapcheck))
    f, g = statistics.median(f_times), statistics.median(g_times)
    out = {"runs": args.runs, "spacy_blank_median_s": round(f, 3), "gapcheck_median_s": round(g, 3),
           "ratio": round(g / f, 2), "spacy_blank_all": [round(x, 3) for x in f_times],
           "gapcheck_all": [round(x, 3) for x in g_times], "cv": args.cv, "advert": args.advert}
    print(f"import spacy + spacy.blank('en'): median {f:.3f} s over {args.runs} runs")
    print(f"gapcheck {Path(args.cv).name} {Path(args.advert).name}: median {g:.3f} s")
    print(f"ratio: {g / f:.2f} (target <= 2.0)")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Wall time and peak memory of ``gapcheck CV ADVERT`` on every file of the bad-input corpus.

    .venv/bin/python benchmarks/hostile.py                   # every corpus file as the CV, default limits
    .venv/bin/python benchmarks/hostile.py --roles cv,advert # ... and as the advert
    .venv/bin/python benchmarks/hostile.py --big             # also the big inputs (50 MB text, 15 MB HTML, ...)
    .venv/bin/python benchmarks/hostile.py --scaling         # also texts the analysis is super-linear on (minutes)
    .venv/bin/python benchmarks/hostile.py --json out.json   # every figure as JSON too

Each run is a cold ``gapcheck`` process (the installed console script of this interpreter's environment),
with the default limits and the default (terminal) output, standard input closed. Its wall time is
measured around the process, its peak memory is the ``ru_maxrss`` that ``os.wait4`` reports for that
child alone. Runs are sequential, so they do not compete with each other; the machine's load average is
printed, since other work on the machine inflates the times. The figures in docs/limits.md come from
this script.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "tests" / "fixtures" / "bad", ROOT / "tests" / "hostile" / "corpus"]
SAMPLE_CV = ROOT / "tests" / "fixtures" / "pairs" / "01_backend_engineer" / "cv.txt"
SAMPLE_ADVERT = ROOT / "data" / "samples" / "advert_backend_engineer.txt"


def gapcheck() -> list[str]:
    script = Path(sys.executable).with_name("gapcheck")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "gapcheck"]


def run(args: list[str], timeout: float) -> dict:
    """One cold gapcheck process: exit status, first stderr line, wall seconds, peak MB, killed."""
    env = dict(os.environ, COLUMNS="120")
    env.pop("GAPCHECK_DEBUG", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(gapcheck() + args, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                killed = True
                os.kill(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").splitlines()
    return {
        "exit": proc.returncode,
        "seconds": round(seconds, 2),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "killed": killed,
        "stderr_lines": len(lines),
        "message": lines[0] if lines else "",
    }


def fixture_script():
    spec = importlib.util.spec_from_file_location("make_bad_fixtures", ROOT / "scripts" / "make_bad_fixtures.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def scaling_inputs(folder: Path) -> list[Path]:
    """Texts within the limits that the analysis handles in super-linear time (see docs/limits.md)."""
    def upto(text: str, n: int = 300_000) -> str:  # the character limit
        return (text * (n // len(text) + 1))[:n]

    texts = {
        "scaling_punctuation_300k.txt": "Python developer. " + upto("'\"$%!?", 299_000),
        "scaling_go_list_300k.txt": "Skills\n" + upto("Go ", 299_000),
        "scaling_long_line_300k.txt": "Requirements\n" + upto("Python or Java, ", 299_000),
        "scaling_years_300k.txt": upto("5+ years of Python. "),
        "scaling_either_or_line_300k.txt": upto("experience in Snowflake or Looker, "),
    }
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def per_file_table(results: list[dict]) -> str:
    """One row per file: what it gave (per role if that differs), worst wall time and peak memory."""
    rows: dict[str, dict] = {}
    for r in results:
        row = rows.setdefault(r["file"], {"seconds": 0.0, "peak_mb": 0.0, "outcomes": {}})
        row["seconds"] = max(row["seconds"], r["seconds"])
        row["peak_mb"] = max(row["peak_mb"], r["peak_mb"])
        outcome = "report" if r["exit"] == 0 else r["message"].split(": ", 3)[-1]
        if r["killed"]:
            outcome = "KILLED (hung)"
        row["outcomes"][r["role"]] = outcome
    lines = ["| file | outcome | worst wall s | worst peak MB |", "|---|---|---:|---:|"]
    for name, row in rows.items():
        outcomes = row["outcomes"]
        if len(set(outcomes.values())) == 1:
            text = next(iter(outcomes.values()))
        else:
            text = " / ".join(f"{role}: {o}" for role, o in outcomes.items())
        text = text.replace("|", "\\|")
        if len(text) > 100:
            text = text[:99] + "…"
        lines.append(f"| `{name}` | {text} | {row['seconds']:.1f} | {row['peak_mb']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roles", default="cv", help="cv, advert or cv,advert (default: cv)")
    parser.add_argument("--big", action="store_true", help="also the big inputs, written to a temporary folder")
    parser.add_argument("--scaling", action="store_true", help="also texts the analysis is super-linear on")
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("--timeout", type=float, default=300.0, help="kill a run after this many seconds")
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    args = parser.parse_args()

    files = [p for folder in CORPORA for p in sorted(folder.iterdir()) if p.is_file()]
    scratch = tempfile.TemporaryDirectory(prefix="gapcheck-hostile-")
    if args.big:
        files += fixture_script().write_big(Path(scratch.name))
    if args.scaling:
        files += scaling_inputs(Path(scratch.name))
    files = [f for f in files if args.only in f.name]
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]

    print(f"# gapcheck on the hostile corpus: {len(files)} files, roles {', '.join(roles)}, default limits")
    print(f"# {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average before {os.getloadavg()[0]:.2f}")
    print()
    print("| file | role | exit | wall s | peak MB | message |")
    print("|---|---|---:|---:|---:|---|")
    results = []
    for f in files:
        for role in roles:
            argv = [str(f), str(SAMPLE_ADVERT)] if role == "cv" else [str(SAMPLE_CV), str(f)]
            r = run(argv, args.timeout)
            name = f"{f.parent.name}/{f.name}" if f.parent in CORPORA else f.name
            r.update(file=name, role=role)
            results.append(r)
            message = r["message"].split(": ", 3)[-1] if r["message"] else ("(report)" if r["exit"] == 0 else "")
            if r["killed"]:
                message = f"KILLED after {args.timeout:g} s"
            print(f"| {name} | {role} | {r['exit']} | {r['seconds']:.2f} | {r['peak_mb']:.0f} | {message[:90]} |",
                  flush=True)
    if len(roles) > 1:
        print()
        print("Worst of the roles, per file (the table in docs/limits.md):")
        print()
        print(per_file_table(results))
    worst_time = max(results, key=lambda r: r["seconds"])
    worst_mem = max(results, key=lambda r: r["peak_mb"])
    print()
    print(f"worst time:   {worst_time['seconds']:.2f} s  ({worst_time['file']}, {worst_time['role']})")
    print(f"worst memory: {worst_mem['peak_mb']:.0f} MB ({worst_mem['file']}, {worst_mem['role']})")
    bad = [r for r in results if r["killed"] or r["exit"] not in (0, 1) or (r["exit"] == 1 and r["stderr_lines"] != 1)]
    if bad:
        print(f"NOT HANDLED: {[(r['file'], r['role'], r['exit']) for r in bad]}")
    print(f"load average after {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"load_average": os.getloadavg(), "results": results}, indent=2))
    scratch.cleanup()
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

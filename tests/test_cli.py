"""The command line: output formats, one-line errors, exit codes, and `gapcheck skills` offsets."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SAMPLES, shared

from gapcheck.cli import main

CV = str(SAMPLES / "cv_software_engineer.pdf")
AD = str(SAMPLES / "advert_backend_engineer.txt")


def run(argv, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
        raise SystemExit(0)
    out = capsys.readouterr()
    return e.value.code or 0, out.out, out.err


def test_default_command_prints_a_terminal_report(capsys):
    code, out, err = run([CV, AD], capsys)
    assert code == 0, err
    assert "Match" in out and "The three things to address" in out and "Kubernetes" in out


def test_json_and_markdown_formats(capsys, tmp_path):
    code, out, _ = run([CV, AD, "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["schema_version"] == 1
    target = tmp_path / "r.md"
    code, out, _ = run([CV, AD, "-f", "markdown", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert target.read_text().startswith("# gapcheck:")


@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "missing.pdf", "no such file"),
    (lambda d: (d / "cv.xyz").write_text("Python") and d / "cv.xyz", "unsupported"),
    (lambda d: (d / "empty.txt").write_text("   \n") and d / "empty.txt", "empty"),
])
def test_bad_input_is_one_line_naming_the_file(capsys, tmp_path, make, problem):
    path = make(tmp_path)
    code, out, err = run([str(path), AD], capsys)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0].lower(), err
    assert "Traceback" not in err and out == ""


def test_a_cold_process_gives_no_traceback(tmp_path):
    r = subprocess.run([sys.executable, "-m", "gapcheck", str(tmp_path / "nope.pdf"), AD],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "nope.pdf: no such file" in r.stderr
    assert "Traceback" not in r.stderr


def test_usage_error_exits_2(capsys):
    code, _, err = run([CV], capsys)
    assert code == 2 and "ADVERT" in err


def test_skills_jsonl_offsets_match_the_file_text(capsys, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Requirements\n• Python, Go and PostgreSQL — 3+ years\r\n• Strong communication skills\n",
                 encoding="utf-8", newline="")
    b = tmp_path / "b.txt"
    b.write_text("", encoding="utf-8")
    code, out, err = run(["skills", str(a), AD, str(b), "--format", "jsonl"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in rows] == [str(a), AD, str(b)]
    assert code == 1 and str(b) in err and "error" in rows[2]
    text = a.read_text(encoding="utf-8")
    names = {s["name"] for s in rows[0]["skills"]}
    assert {"Go", "PostgreSQL", "communication"} <= names
    for r in rows[:2]:
        t = open(r["source"], encoding="utf-8").read()
        for s in r["skills"]:
            assert t[s["start"]:s["end"]] == s["text"]
            assert set(s) == {"id", "name", "kind", "text", "section", "start", "end"}
    assert text  # the file's decoded text, universal newlines, as Python reads it


def test_skills_handles_hundreds_of_files_in_one_process(capsys):
    folder = shared("raw", "job_postings", "usajobs_2017", "txt")
    files = sorted(str(p) for p in folder.glob("*.txt")) * 4  # 200 files
    code, out, err = run(["skills", *files], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0, err
    assert len(rows) == 200
    assert sum(1 for r in rows if r["skills"]) >= 196  # every advert but the odd boilerplate-only one

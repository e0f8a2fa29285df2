"""gapcheck screen on the command line: formats, --top, --min-match, error rows, exit status."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, SAMPLES

from gapcheck.cli import main

CV = str(SAMPLES / "cv_software_engineer.pdf")
USAJOBS = ROOT / "tests" / "sectioning" / "fixtures" / "usajobs"
KEYS = {"source", "title", "match", "similarity", "required_coverage", "preferred_coverage", "top_gaps",
        "status", "error"}


def run(argv, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
        raise SystemExit(0)
    out = capsys.readouterr()
    return e.value.code or 0, out.out, out.err


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    d = tmp_path_factory.mktemp("listings")
    for n in ("01", "08", "09", "26", "35"):
        shutil.copy(next(USAJOBS.glob(f"usajobs_{n}_*.txt")), d)
    return d


def test_json_is_an_array_of_rows_best_first(capsys, listings):
    code, out, err = run(["screen", CV, str(listings), "--format", "json"], capsys)
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert len(rows) == 5 and all(set(r) == KEYS and r["status"] == "ok" and r["error"] is None for r in rows)
    assert [r["match"] for r in rows] == sorted((r["match"] for r in rows), reverse=True)
    assert all(isinstance(r["top_gaps"], list) for r in rows)


def test_top_min_match_jsonl_and_csv(capsys, listings):
    _, out, _ = run(["screen", CV, str(listings), "-f", "json"], capsys)
    full = json.loads(out)
    code, out, _ = run(["screen", CV, str(listings), "-f", "jsonl", "--top", "2"], capsys)
    assert code == 0 and [json.loads(line) for line in out.splitlines()] == full[:2]
    cut = full[2]["match"]
    code, out, _ = run(["screen", CV, str(listings), "-f", "csv", "--min-match", str(cut)], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["source"] for r in rows] == [r["source"] for r in full if r["match"] >= cut]
    assert rows[0]["top_gaps"] == "; ".join(full[0]["top_gaps"]) and rows[0]["error"] == ""


def test_the_table_names_titles_and_gaps(capsys, listings):
    code, out, err = run(["screen", CV, str(listings)], capsys)
    assert code == 0
    assert "Computer" in out and "usajobs_08_Comput" in out and "5 listings: 5 ranked" in out


def test_broken_listings_are_error_rows_exit_1_and_one_line_each_on_stderr(capsys, listings, tmp_path):
    for name in ("empty.txt", "encrypted.pdf", "random.docx"):
        shutil.copy(FIXTURES / "bad" / name, tmp_path / name)
    shutil.copy(next(listings.glob("*.txt")), tmp_path / "dup.txt")
    code, out, err = run(["screen", CV, str(listings), str(tmp_path), "-f", "json", "--jobs", "2"], capsys)
    assert code == 1
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["ok"] * 5 + ["error"] * 3
    assert {r["source"] for r in rows[5:]} == {str(tmp_path / n) for n in ("empty.txt", "encrypted.pdf",
                                                                          "random.docx")}
    lines = err.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("gapcheck: ") for line in lines)
    assert "encrypted" in err and "8 listings: 4 ranked, 3 could not be read, 1 duplicate skipped" not in err
    assert lines[-1] == "gapcheck: 9 listings: 5 ranked, 3 could not be read, 1 duplicate skipped"


def test_an_unreadable_cv_is_one_line_and_exit_1(capsys, listings, tmp_path):
    code, out, err = run(["screen", str(tmp_path / "nope.pdf"), str(listings)], capsys)
    assert code == 1 and out == ""
    assert err.strip() == f"gapcheck: error: {tmp_path / 'nope.pdf'}: no such file"


def test_usage_errors_exit_2(capsys, listings):
    code, _, err = run(["screen", CV], capsys)
    assert code == 2 and "LISTINGS" in err
    code, _, err = run(["screen", CV, str(listings), "--min-match", "101"], capsys)
    assert code == 2


def test_a_csv_export_with_named_columns(capsys, tmp_path):
    f = tmp_path / "saved.csv"
    ad = next(USAJOBS.glob("usajobs_08_*.txt")).read_text(encoding="utf-8")
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Role", "Posting"])
        w.writerow(["Computer Scientist", ad.split("\n", 1)[1]])
        w.writerow(["Nothing", ""])
    code, out, _ = run(["screen", CV, str(f), "--text-column", "posting", "--title-column", "role",
                        "-f", "json"], capsys)
    rows = json.loads(out)
    assert code == 1
    assert [(r["source"], r["title"], r["status"]) for r in rows] == [
        (f"{f}#2", "Computer Scientist", "ok"), (f"{f}#3", "Nothing", "error")]


def test_progress_bar_on_request_in_a_fresh_process(listings):
    r = subprocess.run([sys.executable, "-m", "gapcheck", "screen", CV, str(listings), "--progress",
                        "-j", "2", "-f", "jsonl"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 5 and "Traceback" not in r.stderr


def test_a_listing_on_standard_input_with_workers():
    ad = next(USAJOBS.glob("usajobs_26_*.txt")).read_text(encoding="utf-8")
    nurse = str(FIXTURES / "cvs" / "nurse_cv.txt")
    r = subprocess.run([sys.executable, "-m", "gapcheck", "screen", nurse, "-", "-j", "2", "-f", "jsonl"],
                       input=ad, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (row,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert row["source"] == "-" and row["title"] == "Registered Nurse - Surgical Quality Nurse"
    assert row["status"] == "ok" and row["match"] > 0


def test_custom_skills_count_as_in_gapcheck_cv_advert(capsys, tmp_path):
    skills = tmp_path / "mine.jsonl"
    skills.write_text(json.dumps({"name": "Hot work permits", "kind": "hard", "aliases": ["hot-work permit"]})
                      + "\n", encoding="utf-8")
    ad = tmp_path / "welder.txt"
    ad.write_text("Welder\n\nRequirements\n- A valid hot-work permit\n- Python scripting\n", encoding="utf-8")
    code, out, _ = run(["screen", CV, str(ad), "--skills", str(skills), "-j", "2", "-f", "json"], capsys)
    (row,) = json.loads(out)
    assert code == 0 and row["top_gaps"][0] == "Hot work permits"
    code, out, _ = run([CV, str(ad), "--skills", str(skills), "-f", "json"], capsys)
    assert json.loads(out)["score"]["match"] == row["match"]


def test_reading_limits_apply_to_every_listing(capsys, tmp_path):
    (tmp_path / "short.txt").write_text("Data engineer\n\nRequirements\n- Python\n- SQL\n", encoding="utf-8")
    (tmp_path / "long.txt").write_text("Data engineer\n\n" + "Python and SQL. " * 400, encoding="utf-8")
    code, out, err = run(["screen", CV, str(tmp_path), "--max-chars", "5000", "-f", "json"], capsys)
    rows = {r["source"].rsplit("/", 1)[-1]: r for r in json.loads(out)}
    assert code == 1 and rows["short.txt"]["status"] == "ok" and rows["long.txt"]["status"] == "error"
    assert "over the limit of 5,000" in rows["long.txt"]["error"]
    code, out, err = run(["screen", CV, str(tmp_path), "--max-chars", "4000"], capsys)  # the CV's 4,100
    assert code == 1 and out == "" and "over the limit of 4,000" in err and len(err.splitlines()) == 1


def test_html_page(capsys, listings, tmp_path):
    target = tmp_path / "ranked.html"
    code, out, _ = run(["screen", CV, str(listings), "-f", "html", "-o", str(target)], capsys)
    page = target.read_text(encoding="utf-8")
    assert code == 0 and out == "" and page.lstrip().lower().startswith("<!doctype html")
    assert "Computer Scientist (DHA)" in page and "cv_software_engineer.pdf" in page

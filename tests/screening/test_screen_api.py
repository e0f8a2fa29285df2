"""gapcheck.screen(): the same scores as gapcheck CV ADVERT, every row kept, repeats once, --top, --jobs."""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest

from conftest import FIXTURES, ROOT, SAMPLES

from gapcheck import screen
from gapcheck.errors import ReadError
from gapcheck.screening import COLUMNS, run_screen

CV = SAMPLES / "cv_software_engineer.pdf"
NURSE = FIXTURES / "cvs" / "nurse_cv.txt"
USAJOBS = ROOT / "tests" / "sectioning" / "fixtures" / "usajobs"
BAD = FIXTURES / "bad"
#: Broken files of the reading layer's bad-input corpus, each with a word of its one-line reason.
BROKEN = {"empty.txt": "empty", "random.pdf": "not a valid pdf", "encrypted.pdf": "encrypted",
          "random.docx": "not a valid docx", "whitespace.txt": "whitespace", "truncated.pdf": "pdf",
          "cv.doc": "save it as .docx"}


def usajobs(*numbers: int) -> list[str]:
    return [str(next(USAJOBS.glob(f"usajobs_{n:02d}_*.txt"))) for n in numbers]


@pytest.fixture(scope="module")
def some_ads():
    return usajobs(1, 2, 8, 9, 17, 20, 26, 29, 35, 38, 41, 50)


def test_the_same_scores_as_analyze_for_each_pair(some_ads, extractor):
    from gapcheck import analyze

    for cv in (CV, NURSE):
        df = screen(cv, some_ads)
        assert len(df) == len(some_ads) and set(df["status"]) == {"ok"}
        for row in df.to_dict("records"):
            report = analyze(cv, row["source"])
            s = report.score
            got = (int(row["match"]), row["similarity"], row["required_coverage"], row["preferred_coverage"])
            assert got == (s.match, s.similarity, s.required_coverage, s.preferred_coverage), row["source"]
            assert row["top_gaps"] == [g.name for g in report.gaps if g.requirement == "required"][:3]
            assert row["title"] == report.advert.title


@pytest.mark.parametrize("cv", [CV, NURSE, FIXTURES / "cvs" / "electrician_cv.txt"], ids=lambda p: p.stem)
def test_rows_equal_the_full_analysis_on_50_usajobs_postings(cv, extractor):
    # Screening compares through gapcheck.gaps.fit.compare_skills with the CV side computed once and no
    # report; every figure of a row must still be the full analysis's.
    from gapcheck import analyze

    ads = sorted(USAJOBS.glob("usajobs_*.txt"))
    assert len(ads) == 50
    rows = {r["source"]: r for r in run_screen(cv, ads, jobs=1).rows}
    assert len(rows) == len(ads)
    for ad in ads:
        report, row = analyze(cv, ad, extractor=extractor), rows[str(ad)]
        s = report.score
        assert (row["match"], row["similarity"], row["required_coverage"], row["preferred_coverage"]) == \
            (s.match, s.similarity, s.required_coverage, s.preferred_coverage), ad.name
        assert row["top_gaps"] == [g.name for g in report.gaps if g.requirement == "required"][:3], ad.name
        assert row["title"] == report.advert.title


def test_rows_are_ranked_best_first_with_the_documented_columns(some_ads):
    df = screen(CV, some_ads)
    assert tuple(df.columns) == COLUMNS
    key = list(zip(df["match"], df["similarity"], df["required_coverage"]))
    assert key == sorted(key, reverse=True)
    assert str(df["match"].dtype) == "Int64" and df["similarity"].dtype == "float64"
    assert df["error"].isna().all() and all(isinstance(g, list) for g in df["top_gaps"])
    assert df.attrs["screened"] == len(some_ads) and df.attrs["failed"] == 0


def test_top_k_and_min_match(some_ads):
    full = screen(CV, some_ads)
    top3 = screen(CV, some_ads, top=3)
    assert list(top3["source"]) == list(full["source"][:3])
    cut = int(full["match"].iloc[4])
    kept = screen(CV, some_ads, min_match=cut)
    assert list(kept["source"]) == [s for s, m in zip(full["source"], full["match"]) if m >= cut]
    assert kept.attrs["below_min"] == len(full) - len(kept)


def test_identical_listings_are_reported_once_first_one_kept(tmp_path):
    text = USAJOBS.joinpath(usajobs(8)[0]).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + text.upper().replace("\n", "\n\n") + "\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(text + "\nRef: 2", encoding="utf-8")
    for jobs in (1, 2):
        result = run_screen(CV, [tmp_path, text], jobs=jobs)
        assert sorted(r["source"] for r in result.rows) == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]
        assert result.duplicates == 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_broken_files_become_error_rows_next_to_every_good_row(tmp_path, jobs):
    good = usajobs(1, 8, 26)
    for g in good:
        shutil.copy(g, tmp_path)
    (tmp_path / "broken").mkdir()
    for name in BROKEN:
        shutil.copy(BAD / name, tmp_path / "broken" / name)
    df = screen(CV, tmp_path, jobs=jobs)
    ok, err = df[df["status"] == "ok"], df[df["status"] == "error"]
    assert sorted(os.path.basename(s) for s in ok["source"]) == sorted(os.path.basename(g) for g in good)
    assert sorted(os.path.basename(s) for s in err["source"]) == sorted(BROKEN)
    assert list(df["status"]) == ["ok"] * len(good) + ["error"] * len(BROKEN)  # errors after ok rows
    for row in err.to_dict("records"):
        msg = row["error"]
        assert msg.startswith(row["source"] + ": ") and "\n" not in msg
        assert BROKEN[os.path.basename(row["source"])] in msg.lower(), msg
        assert pd.isna(row["match"]) and pd.isna(row["similarity"]) and row["top_gaps"] == []
    assert df.attrs["failed"] == len(BROKEN)


def test_jobs_2_gives_the_same_rows_as_jobs_1(some_ads):
    a = run_screen(NURSE, some_ads, jobs=1).rows
    b = run_screen(NURSE, some_ads, jobs=2, chunk_size=3).rows
    assert a == b


def test_a_worker_that_dies_costs_only_its_listing(tmp_path, monkeypatch, some_ads):
    from gapcheck.screening import analysis

    real = analysis.Screener.score

    def score(self, doc, mentions, *, title=None):
        if "CRASH-THIS-WORKER" in doc.text:
            os._exit(3)  # as if killed: no exception, the process is gone
        return real(self, doc, mentions, title=title)

    monkeypatch.setattr(analysis.Screener, "score", score)  # inherited by the forked workers
    listings = some_ads[:4] + ["Software engineer\nPython\nCRASH-THIS-WORKER"] + some_ads[4:8]
    result = run_screen(CV, listings, jobs=2, chunk_size=3)
    errors = [r for r in result.rows if r["status"] == "error"]
    assert [r["source"] for r in errors] == ["<text 5>"]
    assert "stopped unexpectedly" in errors[0]["error"]
    assert sorted(r["source"] for r in result.rows if r["status"] == "ok") == sorted(some_ads[:8])


def test_listings_as_texts_and_csv_rows_with_html(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_text('title,description\n"Data Engineer","<p>We need <b>Python</b> and <li>SQL</li></p>"\n'
                 '"Empty",""\n', encoding="utf-8")
    df = screen(CV, [f, "Backend developer\n\nRequirements:\n- Python\n- Docker"])
    ok = df[df["status"] == "ok"].set_index("source")
    assert ok.loc[f"{f}#2", "title"] == "Data Engineer"
    assert ok.loc["<text 2>", "title"] == "Backend developer"
    (err,) = df[df["status"] == "error"].to_dict("records")
    assert err["source"] == f"{f}#3" and err["title"] == "Empty" and "empty" in err["error"]


def test_a_csv_row_is_scored_as_its_title_and_text(tmp_path, extractor):
    """The title column becomes the listing's first line; without HTML the rest is the text as written."""
    from gapcheck import analyze, read_text

    body = "Requirements:\n- Python\n- Docker\n- Kubernetes"
    f = tmp_path / "jobs.csv"
    f.write_text(f'title,text\nPlatform Engineer,"{body}"\n', encoding="utf-8")
    (row,) = screen(CV, f).to_dict("records")
    report = analyze(CV, read_text(f"Platform Engineer\n\n{body}"))
    assert int(row["match"]) == report.score.match and row["title"] == "Platform Engineer"


def test_an_unreadable_cv_raises_and_nothing_is_screened(tmp_path):
    with pytest.raises(ReadError, match="encrypted"):
        screen(BAD / "encrypted.pdf", usajobs(1))


def test_workers_started_with_spawn_load_the_pipeline_themselves(monkeypatch, some_ads):
    """macOS and Windows do not fork: each worker loads the extractor (custom skills included) itself."""
    import multiprocessing as mp

    from gapcheck.screening import runner

    monkeypatch.setattr(runner, "_context", lambda: mp.get_context("spawn"))
    assert run_screen(CV, some_ads[:4], jobs=2, skills=()).rows == run_screen(CV, some_ads[:4], skills=()).rows

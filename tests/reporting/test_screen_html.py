"""render_screen_html: the ranked list of listings as one self-contained page."""

from __future__ import annotations

import math

import pytest
from conftest import SAMPLES
from reporting_helpers import IMG, SCRIPT, STYLE_END, assert_self_contained_and_inert, parse

from gapcheck.reporting.render import render_screen_html

LISTINGS = SAMPLES / "listings"


def _rows(page) -> list[dict]:
    return [a for t, a in page.tags if t == "tr" and "listing" in (a.get("class") or "").split()]


def test_bundled_listings_are_there():
    files = sorted(LISTINGS.glob("*.txt"))
    assert 20 <= len(files) <= 30
    assert (LISTINGS / "README").is_file() and "public domain" in (LISTINGS / "README").read_text().lower()


def test_rows_from_the_screen_api_render():
    screen = pytest.importorskip("gapcheck.screening").screen
    df = screen(SAMPLES / "cv_software_engineer.pdf", [LISTINGS, "missing_listing.txt"])
    rows = df.to_dict("records")
    html = render_screen_html(rows, cv="cv_software_engineer.pdf")
    page = assert_self_contained_and_inert(html)
    assert len(_rows(page)) == len(rows) == len(list(LISTINGS.glob("*.txt"))) + 1
    ranked = page.text_by_id["ranked"]
    for r in rows:
        if r["status"] == "ok":
            assert r["title"] in ranked and f"{r['match']}" in ranked
            for g in r["top_gaps"]:
                assert g in ranked
    assert "missing_listing.txt: no such file" in ranked  # the error row, with its reason
    assert "<svg" in html[html.index('id="distribution"'):]
    assert "<svg" in html[html.index('id="frequent-gaps"'):]


def test_missing_values_and_hostile_text():
    rows = [
        {"source": f"jobs/{SCRIPT}.txt", "title": f"Engineer {IMG}", "match": 71, "similarity": 0.21,
         "required_coverage": 0.8, "preferred_coverage": float("nan"),
         "top_gaps": [f"Kafka {STYLE_END}", "Go"], "status": "ok", "error": None},
        {"source": "b.txt", "title": None, "match": 12.0, "similarity": 0.05, "required_coverage": 0.1,
         "preferred_coverage": 1.0, "top_gaps": "Kafka, Rust", "status": "ok", "error": math.nan},
        {"source": f"bad {SCRIPT}.pdf", "title": math.nan, "match": math.nan, "similarity": None,
         "required_coverage": None, "preferred_coverage": None, "top_gaps": [], "status": "error",
         "error": f"bad.pdf: is encrypted {IMG}"},
        {"source": "sparse.txt"},  # keys missing altogether
    ]
    try:
        import pandas as pd

        rows.append({"source": "na.txt", "title": pd.NA, "match": pd.NA, "similarity": pd.NA,
                     "required_coverage": pd.NA, "preferred_coverage": pd.NA, "top_gaps": None,
                     "status": "error", "error": "na.txt: no such file"})
    except ImportError:  # pragma: no cover
        pass
    html = render_screen_html(rows, cv=f"{SCRIPT}cv.pdf")
    page = assert_self_contained_and_inert(html)
    assert page.count("img") == 0 and page.count("u") == 0
    assert len(_rows(page)) == len(rows)
    ranked = page.text_by_id["ranked"]
    assert f"Engineer {IMG}" in ranked and f"Kafka {STYLE_END}" in ranked and "Kafka, Rust" in ranked
    assert "71" in ranked and "80%" in ranked
    assert "<NA>" not in page.text and "nan" not in ranked.lower().replace("nancy", "")
    assert "is encrypted" in ranked
    assert SCRIPT in page.text and "&lt;script&gt;" in html


def test_no_rows():
    page = assert_self_contained_and_inert(render_screen_html([]))
    assert "No listings." in page.text_by_id["ranked"]

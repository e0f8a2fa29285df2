"""The PhraseMatcher baseline on a tiny taxonomy: kinds, lower-case matching, longest match."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("spacy")

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "baselines.py"
_spec = importlib.util.spec_from_file_location("gapcheck_bench_baselines", _PATH)
bl = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bl
_spec.loader.exec_module(bl)

ESCO_HEAD = ["esco_id", "preferredLabel", "altLabels", "top_groups", "reuseLevel_v1_2_0"]
ESCO_ROWS = [
    ["k1", "Python (computer programming)", "python", "K", ""],
    ["s1", "work in teams", "teamwork | work", "S;T", ""],
    ["s2", "show initiative", "", "S", "transversal"],
    ["a1", "be curious", "", "A", ""],
    ["k2", "project management", "", "K", ""],
]


@pytest.fixture(scope="module")
def matcher(tmp_path_factory) -> bl.PhraseMatcherBaseline:
    tax = tmp_path_factory.mktemp("taxonomy")
    (tax / "esco").mkdir()
    (tax / "onet").mkdir()
    with (tax / "esco" / "esco_skills_merged.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(ESCO_HEAD)
        w.writerows(ESCO_ROWS)
    (tax / "onet" / "Technology_Skills.tsv").write_text(
        "O*NET-SOC Code\tTitle\tExample\n1\tx\tMicrosoft Excel\n2\ty\tMicrosoft Excel\n3\tz\tProject\n"
    )
    return bl.PhraseMatcherBaseline(taxonomy=tax)


def mentions(m: bl.PhraseMatcherBaseline, text: str) -> list[tuple[str, str, str]]:
    [ms] = list(m.extract_texts([text]))
    for x in ms:
        assert x.text == text[x.start : x.end]
    return [(x.text, x.skill_id, x.kind) for x in ms]


def test_kinds_and_case(matcher):
    got = mentions(matcher, "PYTHON, Teamwork, Show Initiative and be curious; MICROSOFT excel.")
    assert got == [
        ("PYTHON", "esco:k1", "hard"),
        ("Teamwork", "esco:s1", "soft"),  # top group T
        ("Show Initiative", "esco:s2", "soft"),  # reuse level transversal
        ("be curious", "esco:a1", "soft"),  # top group A
        ("MICROSOFT excel", "onet:tech:microsoft-excel", "hard"),  # O*NET names deduplicated
    ]


def test_longest_match_wins_and_name_is_preferred_label(matcher):
    [ms] = list(matcher.extract_texts(["Project management at work"]))
    assert [(m.text, m.name) for m in ms] == [
        ("Project management", "project management"),
        ("work", "work in teams"),  # the generic alternative label the README warns about
    ]


def test_all_matches_keeps_overlaps(matcher):
    allm = bl.PhraseMatcherBaseline(taxonomy=matcher.taxonomy, longest=False)
    [ms] = list(allm.extract_texts(["Project management"]))
    # O*NET "Project" overlaps ESCO "project management": both kept; the longest-match matcher keeps one
    assert [(m.text, m.skill_id) for m in ms] == [
        ("Project", "onet:tech:project"),
        ("Project management", "esco:k2"),
    ]

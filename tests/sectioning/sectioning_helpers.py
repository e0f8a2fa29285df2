"""Shared helpers for the sectioning tests.

A uniquely named module rather than a conftest.py: other test folders import their own conftest by
name, and two modules called ``conftest`` on sys.path would shadow each other.

Real documents live in ``fixtures/`` beside this file (copied from the shared data folder with their
licences: USAJOBS announcements are US federal works, the CVs are MIT / LPPL templates; see
``fixtures/README.md``). SkillSpan postings are read from the repository's ``data/corpus`` (only the
train and dev postings: test postings are never used to design or check rules).
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from gapcheck.sectioning import Section

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
USAJOBS = sorted((FIXTURES / "usajobs").glob("*.txt"))
RESUMES = sorted(p for p in (FIXTURES / "resumes").glob("*.txt") if not p.name.startswith("LICEN"))
OWN_CVS = sorted((FIXTURES / "cvs").glob("*.txt"))
_SKILLSPAN = [
    HERE.parents[1] / "data" / "corpus" / "skillspan_postings.jsonl",
    Path("/work/shared/data/benchmarks/skillspan/skillspan_docs.jsonl"),
]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def skillspan_train_dev() -> list[dict]:
    """SkillSpan train and dev postings ({doc_id, text}); skips the test if the corpus is absent."""
    for path in _SKILLSPAN:
        if path.exists():
            docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
            return [d for d in docs if d["doc_id"].startswith(("train-", "dev-"))]
    pytest.skip("SkillSpan postings not available")


def assert_tiles(text: str, sections: list[Section]) -> None:
    """Sections are in order, contiguous, cover the whole text; headings are quoted from the text."""
    assert sections, "no sections"
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    for a, b in pairwise(sections):
        assert a.end == b.start
    for i, s in enumerate(sections):
        assert s.start <= s.end
        if s.heading is None:
            assert i == 0, "only the lead section may be untitled"
        else:
            body = text[s.start : s.end]
            assert s.heading in body[: len(s.heading) + 200], (s, body[:100])
            assert s.heading == s.heading.strip()


def names(sections: list[Section]) -> list[str]:
    return [s.name for s in sections]

"""Public API: advert_title, section_at, the package surface, import cost and speed."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
from sectioning_helpers import USAJOBS, read

from gapcheck import sectioning
from gapcheck.sectioning import Section, advert_title, requirement_level, section_at, split_sections

# ------------------------------------------------------------------------------- advert_title


@pytest.mark.parametrize(
    "text, title",
    [
        ("IT Specialist (APPSW)\n\nJOB SUMMARY\n...", "IT Specialist (APPSW)"),
        ("Senior QA Engineer ( m/f/d ) <ORGANIZATION>\n<ADDRESS>\nJob description:", "Senior QA Engineer"),
        ("Head of IT ( m/w/d )\n<ORGANIZATION>", "Head of IT"),
        ("Backend Developer (all genders)\nBerlin", "Backend Developer"),
        ("Front End Developer - <ORGANIZATION>\n<ORGANIZATION>", "Front End Developer"),
        (
            "Android Engineer ( m/f/x ) onsite or remote ( in <LOCATION> ) <ORGANIZATION>",
            "Android Engineer onsite or remote",
        ),
        (
            "CLERK -  *Full Time TEMPORARY Not To Exceed a Year*\n\nJOB SUMMARY",
            "CLERK - Full Time TEMPORARY Not To Exceed a Year",
        ),
        ("<ORGANIZATION>\nData Analyst\nWe are hiring.", "Data Analyst"),
        ("Acme Corp careers\nJob title: Payroll Officer\nLocation: Leeds", "Payroll Officer"),
        ("Position: Staff Nurse (Band 5)\nWard 7", "Staff Nurse (Band 5)"),
        (
            "Title: PhD stipend Department of Proteomics Tenure: Three years",
            "PhD stipend Department of Proteomics",
        ),
        ("\n\n   Electrician   \n\nAbout us", "Electrician"),
        (
            "Senior FullStack Engineer - Shape the future of better housing .\n<ORGANIZATION>",
            "Senior FullStack Engineer - Shape the future of better housing",
        ),
    ],
)
def test_advert_title(text, title):
    assert advert_title(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n \n",
        "<ORGANIZATION> <ORGANIZATION>\n<LOCATION>",
        "We are changing the way people enjoy wine and disrupting one of the oldest industries .",
        "Are you a true sports enthusiast?\nThen read on.",
        "JOB SUMMARY\nThe agency ...",
        "About us\nWe make things.",
        "Date posted: 2021-07-14\nLikes: 0",
        "https://example.com/jobs/123",
        "The <ORGANIZATION> <ORGANIZATION> is seeking a postdoc to join the group .",
        "• Python\n• SQL",
        "( Location: <LOCATION> ) Job Description\nDo you have strong leadership skills?",
    ],
)
def test_advert_title_none(text):
    assert advert_title(text) is None


# --------------------------------------------------------------------------------- section_at


def test_section_at_boundaries():
    sections = [
        Section("other", 0, 10, None),
        Section("about", 10, 10, "x"),
        Section("requirements", 10, 25, "y"),
    ]
    assert section_at(sections, 0) == "other"
    assert section_at(sections, 9) == "other"
    assert section_at(sections, 10) == "requirements"  # an empty section holds no offset
    assert section_at(sections, 24) == "requirements"
    assert section_at(sections, 25) == "requirements"  # the end of the text
    for bad in (-1, 26):
        with pytest.raises(ValueError):
            section_at(sections, bad)
    with pytest.raises(ValueError):
        section_at([], 0)


@pytest.mark.parametrize("path", USAJOBS[:10], ids=lambda p: p.stem[:12])
def test_section_at_agrees_with_a_linear_scan(path):
    text = read(path)
    sections = split_sections(text, doc_type="advert")
    for offset in range(0, len(text), 7):
        linear = next(s.name for s in sections if s.start <= offset < s.end)
        assert section_at(sections, offset) == linear


# --------------------------------------------------------------------------------- the package


def test_public_api():
    assert set(sectioning.__all__) >= {
        "Section",
        "split_sections",
        "section_at",
        "advert_title",
        "requirement_level",
        "load_rules",
    }
    for name in sectioning.__all__:
        assert hasattr(sectioning, name)


def test_import_is_light():
    code = (
        "import sys, gapcheck.sectioning as s\n"
        "s.split_sections('Skills\\nPython', doc_type='cv')\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('spacy', 'numpy', 'pandas', 'sklearn', 'thinc', 'torch', 'pdfminer', 'docx')]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_speed_on_a_700_word_advert():
    # Build a ~700-word advert from real USAJOBS text, with headings of every kind.
    body = " ".join(read(USAJOBS[4]).split()[:600])
    lines = [body[i : i + 90] for i in range(0, len(body), 90)]
    text = "\n".join(
        [
            "Operations Research Analyst",
            "",
            "About us",
            *lines[:10],
            "Responsibilities",
            *lines[10:20],
            "Requirements",
            *lines[20:35],
            "Nice to have",
            *lines[35:40],
            "Benefits",
            *lines[40:],
            "How to apply",
            "Send your CV.",
        ]
    )
    assert 600 <= len(text.split()) <= 800
    split_sections(text, doc_type="advert")  # warm the rules cache
    best = min(_time(lambda: split_sections(text, doc_type="advert")) for _ in range(5))
    assert best < 0.002, f"{best * 1e3:.2f} ms"  # measured ~0.3 ms


def _time(fn, n: int = 20) -> float:
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n


def test_requirement_level_speed():
    # Called once per skill mention: the text is analysed once (cached), each call is a few lookups.
    text = read(USAJOBS[31])
    sections = split_sections(text, doc_type="advert")
    spans = [(m.start(), m.end()) for m in re.finditer(r"\b[A-Z][A-Za-z]{2,}\b", text)]
    assert len(spans) > 100
    t = time.perf_counter()
    for a, b in spans:
        requirement_level(text, a, b, section_at(sections, a))
    per_call = (time.perf_counter() - t) / len(spans)
    assert per_call < 0.0005, f"{per_call * 1e6:.0f} µs per call"  # measured ~30 µs incl. the analysis

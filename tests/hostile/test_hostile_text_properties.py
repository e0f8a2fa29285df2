"""Property-based tests of the text pipeline: whatever Unicode text a CV or an advert holds (no lone
surrogates: a ``str`` read from a file never has them), reading, sectioning, extraction and the whole
analysis give no exception, and every offset indexes the text (``text[start:end] == mention.text``), in
the report's JSON too.

Texts mix arbitrary code points with what stresses a text pipeline: control characters, RTL and bidi
marks, combining marks, emoji with joiners, ligatures, mathematical and full-width letters, line and
paragraph separators, very long tokens, only punctuation or whitespace, skill names and headings. Example
counts are modest (the suite stays fast); sizes stay below where known super-linear behaviour of the
tokenizer and matcher starts (tests/hostile/test_hostile_scaling.py).
"""

from __future__ import annotations

import io
import json
import os
import string

import pytest
from hostile_helpers import check_report_offsets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gapcheck.api import analyze
from gapcheck.errors import ReadError
from gapcheck.reading import read_text
from gapcheck.reading.textdecode import normalise_newlines
from gapcheck.sectioning import split_sections

#: GAPCHECK_FUZZ_EXAMPLES=2000 for a deeper local run (the analysis tests get half as many).
EXAMPLES = int(os.environ.get("GAPCHECK_FUZZ_EXAMPLES", "120"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANALYSIS = settings(max_examples=max(1, EXAMPLES // 2), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

ANY_CHAR = st.characters(blacklist_categories=("Cs",))
SPECIAL = [
    "\u202e", "\u202c", "\u202d", "\u2066", "\u2069", "\u200f", "\u200e", "\u061c",  # bidi
    "\u0301", "\u0351", "\u0489", "\u20dd", "\u0e49",  # combining
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f",  # zero width, soft hyphen
    "\u00a0", "\u2007", "\u202f", "\u3000", "\u2028", "\u2029", "\x85",  # spaces, separators
    "\x00", "\x07", "\x08", "\x1b", "\x0b", "\x0c", "\x1c", "\x7f", "\x9b", "\r", "\r\n", "\n", "\t",
    "👩🏽‍💻", "🚀", "🏳️‍🌈", "🇬🇧", "ﬁ", "ﬀ", "𝐏𝐲𝐭𝐡𝐨𝐧", "Ｐｙｔｈｏｎ", "İ", "ß", "ǅ", "ﷺ", "\U0010ffff",
    "\ue000", "\uf8ff", "\ufffd", "\uffff", "\ufdd0", "ʼ", "‘", "’", "“", "”", "–", "—", "•", "…",
    "עברית", "العربية", "中文", "日本語", "한국어", "ไทย", "देवनागरी", "Ελληνικά", "Русский",
]
WORDS = [
    "Python", "python", "PYTHON", "Go", "go", "C", "C++", "C#", "F#", "R", ".NET", "Node.js", "SQL", "Excel",
    "Access", "Swift", "Spring", "Kubernetes", "k8s", "AWS", "PostgreSQL", "communication", "teamwork",
    "works well under pressure", "Requirements", "REQUIREMENTS", "Skills", "Experience", "Education",
    "Benefits", "Nice to have", "Responsibilities", "About us", "Summary", "•", "-", "*", "·", ":", ";", ",",
    ".", "/", "(", ")", "[", "]", "&", "5+ years", "3 years of", "2019 – 2021", "Jan 2020 - Present",
    "a plus", "required", "preferred", "desirable", "we are", "you will", "or", "and", "either", "BSc",
    "MSc", "PhD", "Senior", "Engineer", "Developer", "go the extra mile", "I excel at",
]
TOKEN = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(SPECIAL),
    st.text(ANY_CHAR, max_size=12),
    st.text(alphabet=string.punctuation, min_size=1, max_size=20),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \n "]),
)
MIXED = st.lists(TOKEN, max_size=80).map("".join)
SPACED = st.lists(TOKEN, max_size=80).map(" ".join)
LONG_TOKEN = st.builds(
    lambda a, body, b: a + body + b,
    st.sampled_from(["", "Python ", "Skills\n"]),
    st.one_of(st.text(alphabet=string.ascii_letters + string.digits, min_size=500, max_size=5000),
              st.text(ANY_CHAR.filter(lambda c: not c.isspace()), min_size=200, max_size=1500)),
    st.sampled_from(["", " SQL", "\nGo"]),
)
ONLY_PUNCTUATION_OR_SPACE = st.text(alphabet=string.punctuation + string.whitespace + "•–—…‘’“”\u00a0\u3000",
                                    max_size=300)
TEXTS = st.one_of(st.text(ANY_CHAR, max_size=400), MIXED, SPACED, LONG_TOKEN, ONLY_PUNCTUATION_OR_SPACE)


@pytest.fixture(scope="module")
def ex():
    from gapcheck.extraction import load_extractor

    return load_extractor()


def _read(text: str):
    """read_text, which refuses only empty and whitespace-only text (with a one-line ReadError)."""
    try:
        doc = read_text(text)
    except ReadError as exc:
        assert "\n" not in str(exc)
        assert not normalise_newlines(text.removeprefix("\ufeff")).strip()
        return None
    assert doc.text == normalise_newlines(text.removeprefix("\ufeff"))
    return doc


@SETTINGS
@given(text=TEXTS)
def test_read_text_keeps_the_text(text: str) -> None:
    _read(text)


@SETTINGS
@given(text=TEXTS)
def test_extraction_offsets_index_the_text(ex, text: str) -> None:
    mentions = ex.extract(text)
    last = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
        assert m.kind in ("hard", "soft")
        assert m.start >= last  # in text order
        last = m.start
    assert [m.text for m in mentions] == [m.text for m in next(ex.extract_texts([text]))]


@SETTINGS
@given(text=TEXTS, doc_type=st.sampled_from(["cv", "advert"]))
def test_sections_tile_the_text(text: str, doc_type: str) -> None:
    sections = split_sections(text, doc_type=doc_type)
    assert sections and sections[0].start == 0 and sections[-1].end == len(text)
    for a, b in zip(sections, sections[1:]):
        assert a.end == b.start
    for s in sections:
        assert s.start <= s.end
        assert s.heading is None or s.heading in text[s.start:s.end]


@ANALYSIS
@given(cv=TEXTS, advert=TEXTS)
def test_analysis_never_fails_and_its_json_offsets_index_the_documents(ex, cv: str, advert: str) -> None:
    cv_doc, ad_doc = _read(cv), _read(advert)
    if cv_doc is None or ad_doc is None:
        return
    report = analyze(cv_doc, ad_doc, extractor=ex)
    data = json.loads(report.to_json())
    check_report_offsets(data, cv_doc.text, ad_doc.text)
    assert 0 <= data["score"]["match"] <= 100
    report.to_markdown()
    from gapcheck.reporting.terminal import render_terminal

    render_terminal(report, file=io.StringIO(), width=100)


@ANALYSIS
@given(cv=TEXTS)
def test_analysis_against_a_real_advert(ex, cv: str) -> None:
    """Hostile text in one document, a real one in the other (more skills to match and compare)."""
    from hostile_helpers import SAMPLE_ADVERT

    cv_doc = _read(cv)
    if cv_doc is None:
        return
    ad_doc = read_text(SAMPLE_ADVERT.read_text(encoding="utf-8"))
    for a, b in ((cv_doc, ad_doc), (ad_doc, cv_doc)):
        report = analyze(a, b, extractor=ex)
        check_report_offsets(json.loads(report.to_json()), a.text, b.text)

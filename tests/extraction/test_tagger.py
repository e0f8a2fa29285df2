"""The advert span tagger: what it adds, what it must never do, and that the training script builds it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from gapcheck.errors import ModelsMissingError
from gapcheck.extraction import SkillExtractor
from gapcheck.extraction.tagger import BUCKETS, N_TEMPLATES, features, token_table
from gapcheck.paths import models_dir
from gapcheck.sectioning import company_voice_spans, section_at, split_sections

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_ADVERT = (ROOT / "data" / "samples" / "advert_backend_engineer.txt").read_text(encoding="utf-8")
PAIRS = ROOT / "tests" / "fixtures" / "pairs"

ADVERT_WITH_BENEFITS = """Data Engineer
What you'll do
- Translate business requirements into robust data models
- Work closely with analysts to deliver trusted dashboards
Requirements
- Experience with Snowflake and dbt
- Ability to explain complex technical decisions to non-technical stakeholders
Benefits
- Free yoga classes and a cycle-to-work scheme
- Annual budget for conference attendance and professional development
"""


def unnamed(extractor, text):
    return [m for m in next(extractor.extract_texts([text], doc_type="advert", requirements_only=True,
                                                    unnamed=True)) if not m.skill_id]


def test_finds_an_applied_skill_the_taxonomy_does_not_name(extractor):
    found = unnamed(extractor, SAMPLE_ADVERT)
    assert any("explain technical decisions" in m.text and m.kind == "soft" for m in found)
    assert all(m.kind in ("hard", "soft") for m in found)


@pytest.mark.parametrize("path", [ROOT / "data" / "samples" / "advert_backend_engineer.txt",
                                  *sorted(PAIRS.glob("*/advert.txt"))[:8]], ids=lambda p: p.parent.name)
def test_unnamed_spans_keep_the_contract(extractor, path):
    text = path.read_text(encoding="utf-8")
    ms = next(extractor.extract_texts([text], doc_type="advert", requirements_only=True, unnamed=True))
    named = [m for m in ms if m.skill_id]
    for m in ms:
        if m.skill_id:
            continue
        assert text[m.start:m.end] == m.text and m.name == m.text
        assert "\n" not in m.text  # never across a line break
        assert not any(n.start < m.end and m.start < n.end for n in named)  # the taxonomy's name wins
        assert extractor.names_something(m.text)  # no fragments like "run the" or "to"
        assert 0.0 <= m.confidence <= 1.0
    assert [(m.start, m.end) for m in ms] == sorted((m.start, m.end) for m in ms)


def test_unnamed_spans_only_where_requirements_can_be(extractor):
    sections = split_sections(ADVERT_WITH_BENEFITS, doc_type="advert")
    _, spans = extractor.extract_advert(ADVERT_WITH_BENEFITS)
    assert spans, "the tagger should find something in the duties and requirements"
    benefits_start = ADVERT_WITH_BENEFITS.index("Benefits")
    assert all(s.start < benefits_start for s in spans)
    assert all(section_at(sections, s.start) != "benefits" for s in spans)


def test_off_unless_asked(extractor):
    plain = next(extractor.extract_texts([SAMPLE_ADVERT], doc_type="advert", requirements_only=True))
    assert plain and all(m.skill_id for m in plain)
    assert all(m.confidence is None for m in extractor.extract(SAMPLE_ADVERT))  # CVs are not tagged


def test_confidence_filter_drops_exactly_the_doubted_mentions(extractor):
    base = next(extractor.extract_texts([SAMPLE_ADVERT], doc_type="advert", requirements_only=True))
    strict = next(extractor.extract_texts([SAMPLE_ADVERT], doc_type="advert", requirements_only=True,
                                          min_confidence=0.5))
    assert all(m.confidence is not None for m in base)
    assert strict == [m for m in base if m.confidence >= 0.5]
    assert len(strict) < len(base)  # the sample has doubted mentions ("on-call" as incident management)


@pytest.mark.parametrize("phrase, ok", [
    ("run the", False), ("to", False), ("professional", False), ("services", False), ("a", False),
    ("variable speed drives", True), ("explain technical decisions", True), ("Kubeflow", True),
    ("HACCP", True), ("communication skills", False), ("e.g.", False), ("C1", False),
])
def test_what_can_stand_as_a_skill(extractor, phrase, ok):
    assert extractor.names_something(phrase) is ok


def test_doubt_is_only_for_doubtful_names(extractor):
    from gapcheck.extraction import Mention
    from gapcheck.extraction.pipeline import DOUBT_CONFIDENCE

    def m(text, conf, kind="hard"):
        return Mention("x", text, kind, text, 0, len(text), confidence=conf)

    low = DOUBT_CONFIDENCE / 2
    assert extractor.doubted(m("automation", low))  # an ordinary word the tagger doubts
    assert extractor.doubted(m("Go", low))  # an ambiguous alias
    assert not extractor.doubted(m("automation", DOUBT_CONFIDENCE))
    assert not extractor.doubted(m("Kubernetes", low))  # a tool's name is never doubted
    assert not extractor.doubted(m("teamwork", low, kind="soft"))
    assert not extractor.doubted(m("automation", None))  # CVs are not tagged
    ms = next(extractor.extract_texts([SAMPLE_ADVERT], doc_type="advert", requirements_only=True))
    assert not any(extractor.doubted(x) for x in ms)


def test_doubted_loose_matches_and_technologies_in_the_company_voice(extractor):
    from gapcheck.extraction.mention import Mention
    from gapcheck.extraction.pipeline import LOOSE_DOUBT_CONFIDENCE, VOICE_TECH_CONFIDENCE

    def m(text, conf, loose=False, start=0):
        return Mention("x", text, "hard", text, start, start + len(text), loose=loose, confidence=conf)

    assert extractor.doubted(m("repair on boiler", LOOSE_DOUBT_CONFIDENCE / 2, loose=True))
    assert not extractor.doubted(m("repair on boiler", LOOSE_DOUBT_CONFIDENCE, loose=True))
    assert not extractor.doubted(m("repair on boiler", None, loose=True))  # CVs are not tagged
    voice = ((0, 40),)
    assert extractor.doubted(m("Redux", VOICE_TECH_CONFIDENCE / 2, start=10), voice)
    assert not extractor.doubted(m("Redux", VOICE_TECH_CONFIDENCE, start=10), voice)
    assert not extractor.doubted(m("Redux", VOICE_TECH_CONFIDENCE / 2, start=50), voice)



def test_doubted_names_of_roles(extractor):
    from gapcheck.extraction.mention import Mention
    from gapcheck.extraction.pipeline import ROLE_DOUBT_CONFIDENCE

    text = "We are looking for a Business Process Engineer to join us"
    a = text.index("Business Process")
    m = Mention("x", "business processes", "hard", "Business Process", a, a + 16,
                confidence=ROLE_DOUBT_CONFIDENCE / 2)
    assert extractor.doubted(m, (), text)
    assert not extractor.doubted(m, (), text.replace("Engineer", "improvement"))


def test_people_and_units_are_no_requirements(extractor):
    text = ("Requirements\n- Experience with Python and Docker\n"
            "- You will work in the Department of Bioinformatics and Data Mining\n"
            "- You will mentor our Software Engineers\n")
    names = {x.text for x in next(extractor.extract_texts([text], doc_type="advert", requirements_only=True))}
    assert {"Python", "Docker"} <= names
    assert not names & {"Bioinformatics", "Data Mining", "Software Engineers"}


def test_features_are_deterministic_and_bounded(extractor):
    doc = extractor.nlp(extractor.make_doc(ADVERT_WITH_BENEFITS))
    mentions = extractor._mentions(doc)
    sections = split_sections(ADVERT_WITH_BENEFITS, doc_type="advert")
    table = token_table(doc, mentions, {(m.start, m.end) for m in mentions}, sections,
                        company_voice_spans(ADVERT_WITH_BENEFITS), extractor.is_tech)
    f1, f2 = features(table), features(table)
    assert f1.shape == (len(doc), N_TEMPLATES)
    assert np.array_equal(f1, f2)
    assert f1.min() >= 0 and f1.max() < BUCKETS
    # Mentions are visible to the tagger: tokens of "Snowflake" carry a mention code, "Free" none.
    i = [t.text for t in doc].index("Snowflake")
    j = [t.text for t in doc].index("Free")
    assert table.mention[i] != 0 and table.mention[j] == 0


def test_missing_tagger_is_a_clear_error(tmp_path):
    for p in models_dir().iterdir():
        if p.name != "tagger.npz":
            shutil.copy(p, tmp_path / p.name)
    ex = SkillExtractor(str(tmp_path))
    assert ex.extract(SAMPLE_ADVERT)  # CVs and plain extraction do not need the tagger
    with pytest.raises(ModelsMissingError, match="make models"):
        ex.extract_advert(SAMPLE_ADVERT)


def test_training_script_builds_a_working_tagger(tmp_path):
    """A tiny training run (three postings, a few iterations) writes a tagger that loads and tags."""
    pytest.importorskip("sklearn")
    models = tmp_path / "models"
    models.mkdir()
    for p in models_dir().iterdir():
        if p.name != "tagger.npz":
            shutil.copy(p, models / p.name)
    rows = [json.loads(line) for line in
            (ROOT / "data" / "corpus" / "skillspan_train_dev.jsonl").read_text(encoding="utf-8").splitlines()[:3]]
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_tagger.py"), "--models", str(models),
                          "--data", str(data), "--max-iter", "20"], capture_output=True, text=True, timeout=300,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert "3 postings" in run.stdout
    ex = SkillExtractor(str(models))
    mentions, spans = ex.extract_advert(SAMPLE_ADVERT)
    assert mentions and all(m.confidence is not None for m in mentions)
    assert all(SAMPLE_ADVERT[s.start:s.end] == s.text for s in spans)


def test_cli_skills_lists_unnamed_phrases_of_adverts(tmp_path):
    from typer.testing import CliRunner

    from gapcheck.cli import app

    cv = ROOT / "tests" / "fixtures" / "pairs" / "01_backend_engineer" / "cv.txt"
    ad = ROOT / "data" / "samples" / "advert_backend_engineer.txt"
    res = CliRunner().invoke(app, ["skills", "--format", "json", str(cv)])
    assert res.exit_code == 0
    assert all(s["id"] for s in json.loads(res.stdout)[0]["skills"])  # a CV: taxonomy names only
    res = CliRunner().invoke(app, ["skills", "--format", "json", "--as", "advert", str(ad)])
    assert res.exit_code == 0
    skills = json.loads(res.stdout)[0]["skills"]
    assert any(s["id"] is None and "explain technical decisions" in s["text"] for s in skills)
    assert any(s["id"] == "onet:tech:kubernetes" or s["name"] == "Kubernetes" for s in skills)

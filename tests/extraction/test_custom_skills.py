"""Custom skills from JSONL/CSV files and the config file: matched, validated, errors name the line."""

from __future__ import annotations

import json

import pytest

from gapcheck.cli import main
from gapcheck.config import load_config
from gapcheck.errors import DataFileError
from gapcheck.extraction import load_extractor
from gapcheck.extraction.custom import read_custom_rows

ADVERT = "Requirements\n- Valid hot-work permit and confined-space work\n- Kafka Streams and Python\n"


@pytest.fixture
def files(tmp_path):
    j = tmp_path / "mine.jsonl"
    j.write_text(json.dumps({"name": "Hot work permits", "kind": "hard", "aliases": ["hot-work permit", "HWP"]})
                 + "\n" + json.dumps({"name": "Kafka Streams", "kind": "hard"}) + "\n")
    c = tmp_path / "mine.csv"
    c.write_text("name,kind,aliases\nConfined space entry,hard,confined spaces|confined-space work\n")
    return j, c


def test_custom_skills_are_matched_with_their_own_ids(files):
    ex = load_extractor(custom_skills=[str(p) for p in files])
    got = {m.skill_id: m.text for m in ex.extract(ADVERT)}
    assert got["custom:hot-work-permits"] == "hot-work permit"
    assert got["custom:confined-space-entry"] == "confined-space work"
    assert got["custom:kafka-streams"] == "Kafka Streams"  # the custom skill wins over the taxonomy's Kafka
    assert any(sid.startswith("esco:") for sid in got)  # Python is still the taxonomy's


def test_the_default_extractor_is_untouched(files):
    load_extractor(custom_skills=[str(p) for p in files])
    plain = load_extractor(custom_skills=())
    assert not any(m.skill_id.startswith("custom:") for m in plain.extract(ADVERT))


@pytest.mark.parametrize("content, suffix, message", [
    ('{"name": "X", "kind": "medium"}\n', ".jsonl", "line 1: 'kind' must be"),
    ('{"name": "X"}\n{"nme": "Y"}\n', ".jsonl", "line 2: unknown key"),
    ('{"name": "X", "aliases": "x"}\n', ".jsonl", "line 1: 'aliases' must be a list"),
    ("not json\n", ".jsonl", "line 1: invalid JSON"),
    ("skill,kind\nX,hard\n", ".csv", "line 1: expected a header row"),
    ("name,kind\nX,hard\n,soft\n", ".csv", "line 3: 'name' must be a non-empty string"),
    ("name,kind\nX,hard\n", ".txt", "must be a .jsonl or .csv file"),
])
def test_bad_files_name_the_line(tmp_path, content, suffix, message):
    p = tmp_path / f"bad{suffix}"
    p.write_text(content)
    with pytest.raises(DataFileError) as e:
        read_custom_rows(p)
    assert message in str(e.value) and str(p) in str(e.value)


def test_cli_option_and_config_file(tmp_path, files, capsys, monkeypatch):
    ad = tmp_path / "ad.txt"
    ad.write_text(ADVERT)
    with pytest.raises(SystemExit) as e:
        main(["skills", str(ad), "--skills", str(files[1])])
        raise SystemExit(0)
    assert not e.value.code
    ids = {s["id"] for s in json.loads(capsys.readouterr().out)["skills"]}
    assert "custom:confined-space-entry" in ids and "custom:hot-work-permits" not in ids

    cfg = tmp_path / "gapcheck.toml"
    cfg.write_text('[skills]\ncustom = ["mine.jsonl"]\n')
    monkeypatch.setenv("GAPCHECK_CONFIG", str(cfg))
    assert load_config().custom_skills == (str(files[0]),)
    with pytest.raises(SystemExit):
        main(["skills", str(ad)])
        raise SystemExit(0)
    ids = {s["id"] for s in json.loads(capsys.readouterr().out)["skills"]}
    assert "custom:hot-work-permits" in ids


def test_bad_config_is_one_line(tmp_path, capsys, monkeypatch):
    cfg = tmp_path / "gapcheck.toml"
    cfg.write_text("[skils]\n")
    monkeypatch.setenv("GAPCHECK_CONFIG", str(cfg))
    ad = tmp_path / "ad.txt"
    ad.write_text(ADVERT)
    with pytest.raises(SystemExit) as e:
        main(["skills", str(ad)])
    assert e.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gapcheck.toml: unknown section [skils]" in err[0]


def test_two_word_prefix_tables_are_built_with_the_models():
    """The matcher's two-word prefix tables come from models/ (built once, not at every start) and agree
    with the phrase tables they summarise."""
    from gapcheck.extraction.compiled import load_compiled, two_word_prefixes

    c = load_compiled()
    assert c.second_lower == two_word_prefixes(c.lower)
    assert c.second_lemma == two_word_prefixes(c.lemma)
    assert c.second_lower  # ESCO has thousands of phrases of three or more words


def test_second_word_tables_are_built_with_the_models():
    """The matcher's second-word tables (which words can follow a phrase's first word) come from models/
    and agree with the phrase tables; a custom skill adds its own second word."""
    import json

    from gapcheck.extraction.compiled import load_compiled, second_words
    from gapcheck.paths import models_dir

    c = load_compiled()
    assert "next_lower" in json.loads((models_dir() / "phrases.json").read_text(encoding="utf-8"))
    assert c.next_lower == second_words(c.lower)
    assert c.next_lemma == second_words(c.lemma)
    assert "learning" in c.next_lower["machine"].split(" ")

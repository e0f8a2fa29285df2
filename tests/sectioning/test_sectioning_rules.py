"""load_rules: the shipped files are valid; broken files raise DataFileError naming file and rule."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from gapcheck.errors import DataFileError, GapcheckError
from gapcheck.sectioning import ADVERT_CATEGORIES, CV_CATEGORIES, load_rules
from gapcheck.sectioning.rules import CUES_FILE, SECTION_FILES, _rules_dir

SHIPPED = Path(str(_rules_dir()))


def test_shipped_rules_load_and_are_cached():
    rules = load_rules()
    assert rules is load_rules()
    assert rules.cv.lead_category == "header"
    assert rules.advert.lead_category == "other"
    assert rules.cv.match("work experience") == ("experience", True)
    assert rules.advert.match("job summary")[0] == "about"
    assert rules.advert.match("qualifications")[0] == "requirements"


def test_every_category_has_rules():
    rules = load_rules()
    for doc_type, categories in (("cv", CV_CATEGORIES), ("advert", ADVERT_CATEGORIES)):
        sr = rules.sections[doc_type]
        used = {c for c, _ in sr.literals.values()} | {c for c, _ in sr.pattern_targets.values()}
        assert used == set(categories) - ({"header"} if doc_type == "cv" else set()), doc_type


def test_shipped_files_are_package_data():
    # pyproject ships "sectioning/rules/*.json"; all three files must be there.
    assert sorted(p.name for p in SHIPPED.glob("*.json")) == sorted([*SECTION_FILES.values(), CUES_FILE])


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    for p in SHIPPED.glob("*.json"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


def _edit(path: Path, fn) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    fn(data)
    # One rule per line, like the shipped files, so that line numbers are meaningful.
    key = "cues" if "cues" in data else "rules"
    items = data.pop(key)
    head = json.dumps(data, ensure_ascii=False)[:-1]
    body = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in items)
    path.write_text(f'{head}, "{key}": [\n{body}\n  ]\n}}\n', encoding="utf-8")


def _error(rules_dir: Path) -> str:
    with pytest.raises(DataFileError) as info:
        load_rules(rules_dir)
    assert isinstance(info.value, GapcheckError)
    return str(info.value)


def _line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_unknown_key_names_file_rule_and_line(rules_dir):
    path = rules_dir / "cv_sections.json"
    _edit(path, lambda d: d["rules"][3].update(categroy="skills"))
    msg = _error(rules_dir)
    assert str(path) in msg
    assert "rule 3" in msg and "'categroy'" in msg
    line = _line_of(path, "categroy")
    assert f"(line {line})" in msg


def test_unknown_category(rules_dir):
    path = rules_dir / "advert_sections.json"
    _edit(path, lambda d: d["rules"].append({"literal": "perks galore", "category": "perks"}))
    msg = _error(rules_dir)
    n = len(json.loads(path.read_text())["rules"]) - 1
    assert str(path) in msg and f"rule {n}" in msg and "unknown category 'perks'" in msg
    assert f"(line {_line_of(path, 'perks galore')})" in msg


def test_cv_category_is_not_an_advert_category(rules_dir):
    _edit(
        rules_dir / "advert_sections.json",
        lambda d: d["rules"].insert(0, {"literal": "x y", "category": "skills"}),
    )
    assert "rule 0" in _error(rules_dir)


def test_bad_regex(rules_dir):
    path = rules_dir / "cv_sections.json"
    _edit(path, lambda d: d["rules"].insert(5, {"pattern": "(skills|tools", "category": "skills"}))
    msg = _error(rules_dir)
    assert str(path) in msg and "rule 5" in msg and "bad regular expression" in msg


@pytest.mark.parametrize(
    "rule, problem",
    [
        ({"literal": 42, "category": "skills"}, "'literal' must be a non-empty string"),
        ({"literal": "tools", "pattern": "tools", "category": "skills"}, "exactly one of"),
        ({"category": "skills"}, "exactly one of"),
        ({"literal": "tools x", "category": ["skills"]}, "'category' must be a string"),
        ({"literal": "tools x", "category": "skills", "inline": "yes"}, "'inline' must be true or false"),
        ({"pattern": "(?P<x>tools)", "category": "skills"}, "named groups"),
        ({"pattern": "(a)\\1", "category": "skills"}, "back-references"),
        ({"pattern": "x*", "category": "skills"}, "matches the empty string"),
        ("skills", "must be a JSON object"),
    ],
)
def test_rule_shape_errors(rules_dir, rule, problem):
    path = rules_dir / "cv_sections.json"
    _edit(path, lambda d: d["rules"].insert(7, rule))
    msg = _error(rules_dir)
    assert str(path) in msg and "rule 7" in msg and problem in msg


def test_top_level_errors(rules_dir):
    path = rules_dir / "cv_sections.json"
    _edit(path, lambda d: d.update(doc_type="advert"))
    assert "expected 'cv'" in _error(rules_dir)
    shutil.copy(SHIPPED / "cv_sections.json", path)
    _edit(path, lambda d: d.update(lead_category="nonsense"))
    assert "unknown lead_category" in _error(rules_dir)
    shutil.copy(SHIPPED / "cv_sections.json", path)
    _edit(path, lambda d: d.update(colour="blue"))
    assert "unknown top-level key" in _error(rules_dir)


def test_invalid_json_names_line(rules_dir):
    path = rules_dir / "advert_sections.json"
    text = path.read_text(encoding="utf-8").splitlines()
    text[10] = text[10].rstrip(",")  # drop a comma between two rules
    path.write_text("\n".join(text), encoding="utf-8")
    msg = _error(rules_dir)
    assert str(path) in msg and re.search(r"line 1[12], column \d+: invalid JSON", msg)


def test_missing_file(rules_dir):
    (rules_dir / "requirement_cues.json").unlink()
    msg = _error(rules_dir)
    assert "requirement_cues.json" in msg and "missing" in msg


@pytest.mark.parametrize(
    "cue, problem",
    [
        ({"literal": "sort of", "level": "maybe"}, "'level' must be one of"),
        ({"literal": "sort of", "level": "preferred", "explicit": True}, "only 'required' cues"),
        ({"literal": "sort of", "level": "preferred", "scope": "sideways"}, "'scope' must be one of"),
        ({"pattern": "[unclosed", "level": "preferred"}, "bad regular expression"),
        ({"literal": "sort of", "level": "preferred", "weight": 2}, "unknown key(s) 'weight'"),
    ],
)
def test_cue_errors(rules_dir, cue, problem):
    path = rules_dir / "requirement_cues.json"
    _edit(path, lambda d: d["cues"].insert(2, cue))
    msg = _error(rules_dir)
    assert str(path) in msg and "rule 2" in msg and problem in msg


@pytest.mark.parametrize(
    "name, key, item",
    [
        ("cv_sections.json", "rules", {"literal": "Skills:", "category": "skills"}),
        ("requirement_cues.json", "cues", {"literal": "MUST", "level": "required"}),
    ],
)
def test_duplicate_literal_is_reported_at_the_second_rule(rules_dir, name, key, item):
    path = rules_dir / name
    _edit(path, lambda d: d[key].append(item))
    n = len(json.loads(path.read_text())[key]) - 1
    msg = _error(rules_dir)
    assert str(path) in msg and f"rule {n} (line " in msg and "duplicate literal" in msg


def test_custom_rules_dir_is_used(rules_dir):
    _edit(
        rules_dir / "cv_sections.json",
        lambda d: d["rules"].append({"literal": "things i know", "category": "skills"}),
    )
    rules = load_rules(rules_dir)
    assert rules.cv.match("things i know") == ("skills", True)
    assert load_rules().cv.match("things i know") is None


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"\bfoo", "f"), (r"\b(a|b)c", "ab"), (r"\ba|\bb", "ab"), (r"(\bFoo|\bbar)", "fb"), (r"\b[ab]x", "ab"),
        (r"\b(|a)b", "ab"), (r"\b2x", "2"), (r"\b(x+)y", "x"),
        (r"\b[a-z]x", None), (r"\b\w+", None), (r"\bé", None), (r"foo", None), (r"\b\s*x", None), (r"\ba|b", None),
        (r"\b(?:x)?y", None), (r"\b[^a]x", None), (r"\b.x", None), (r"\b(|a)-", None), (r"\b-", None), (r"\b$", None),
        (r"(?a)\bfoo", None), (r"(?a:\bfoo)", None),  # an ASCII \b is not (?<!\w) before "é"
    ],
)
def test_first_letters(pattern, letters):
    from gapcheck.sectioning.rules import _first_letters

    assert _first_letters(pattern, re.IGNORECASE) == (frozenset(letters) if letters else None)


def test_cue_scan_is_narrowed_only_when_every_cue_starts_a_word(rules_dir):
    assert load_rules().cues.regex.pattern.startswith(r"(?<!\w)(?=\w)")
    text = "Python is a must; C++ a plus, x-ray desirable. Must-have: SQL"
    shipped = load_rules().cues.find(text)
    _edit(rules_dir / CUES_FILE, lambda d: d["cues"].append({"pattern": r"\+\+", "level": "preferred"}))
    cues = load_rules(rules_dir).cues
    assert not cues.regex.pattern.startswith(r"(?<!\w)(?=\w)")
    assert [c for c in cues.find(text) if text[c[0]:c[1]] != "++"] == shipped

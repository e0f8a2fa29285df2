"""End-to-end tests of benchmarks/extraction.py on tiny hand-made data with a fake extractor."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


bx = _load("gapcheck_bench_extraction", BENCH / "extraction.py")

FAKE = '''
import re
from dataclasses import dataclass

LEXICON = {
    "python": ("esco:1", "Python (computer programming)", "hard"),
    "teamwork": ("esco:2", "work in teams", "soft"),
    "excel": ("onet:tech:excel", "Microsoft Excel", "hard"),
    "nice": ("esco:3", "be nice", "soft"),
}

@dataclass(frozen=True)
class M:
    skill_id: str
    name: str
    kind: str
    text: str
    start: int
    end: int

class Fake:
    def extract_texts(self, texts):
        for t in texts:
            out = []
            for m in re.finditer(r"[A-Za-z]+", t):
                hit = LEXICON.get(m.group().lower())
                if hit:
                    out.append(M(*hit, m.group(), m.start(), m.end()))
            yield out

def load():
    return Fake()

def load_function():
    return lambda texts: Fake().extract_texts(texts)

class Broken:
    def extract_texts(self, texts):
        for t in texts:
            yield [M("esco:1", "x", "hard", "wrong", 0, 3), M("esco:1", "x", "medium", t[0:2], 0, 2),
                   M("esco:1", "x", "hard", "", 5, 5)]

def load_broken():
    return Broken()
'''


def span(text: str, sub: str, label: str) -> dict:
    i = text.index(sub)
    return {"start": i, "end": i + len(sub), "label": label, "text": sub}


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "fake_gapcheck_extractor.py").write_text(FAKE)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "fake_gapcheck_extractor", raising=False)
    root = tmp_path / "benchmarks"
    (root / "skillspan").mkdir(parents=True)
    a = "We need Python and teamwork skills ."
    b = "Use Excel and communicate clearly ."
    c = "Teamwork matters ."
    docs = [
        {"doc_id": "test-a", "split": "test", "source": "tech", "text": a,
         "spans": [span(a, "Python", "Knowledge"), span(a, "teamwork skills", "Skill")]},
        {"doc_id": "test-b", "split": "test", "source": "house", "text": b,
         "spans": [span(b, "communicate clearly", "Skill")]},
        {"doc_id": "dev-c", "split": "dev", "source": "house", "text": c, "spans": [span(c, "Teamwork", "Skill")]},
    ]
    (root / "skillspan" / "skillspan_docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    (root / "green2022").mkdir()
    g1, g2 = "Strong Python skills and a degree .", "Excel users wanted ."
    green = [
        {"sent_id": 0, "text": g1, "spans": [span(g1, "Python skills", "Skill"), span(g1, "degree", "Qualification")]},
        {"sent_id": 1, "text": g2, "spans": [span(g2, "Excel users", "Occupation")]},
    ]
    (root / "green2022" / "green2022_testset.jsonl").write_text("".join(json.dumps(d) + "\n" for d in green))
    dd = root / "decorte2022_esco" / "data"
    dd.mkdir(parents=True)
    head = ["sentence", "span", "sub_span", "label"]
    write_csv(dd / "house_test_annotations.csv", head, [
        ["We use Python daily .", "Python", "", "Python (computer programming)"],
        ["We use Python daily .", "daily", "", "LABEL NOT PRESENT"],
        ["Teamwork and Excel .", "Teamwork", "", "work in teams"],
        ["Teamwork and Excel .", "Excel", "", "UNDERSPECIFIED"],
        ["Be nice .", "nice", "", "show empathy"],
        ["Be nice .", "nice", "", "show empathy"],  # duplicate row: one gold label
    ])
    write_csv(dd / "tech_test_annotations.csv", head, [["Excel and Python .", "Excel", "", "LABEL NOT PRESENT"]])
    write_csv(dd / "techwolf_test_annotations.csv", ["sentence", "label"], [["Teamwork .", "work in teams"]])
    write_csv(dd / "house_validation_annotations.csv", head, [["Python !", "Python", "", "python (computer programming)"]])
    tax = tmp_path / "taxonomy" / "esco"
    tax.mkdir(parents=True)
    write_csv(tax / "esco_skills_merged.csv", ["esco_id", "preferredLabel"],
              [["1", "Python (computer programming)"], ["2", "work in teams"]])
    return root


def run(data: Path, *extra: str) -> dict:
    out = data.parent / "out.json"
    res = bx.main(["--data", str(data), "--extractor", "fake_gapcheck_extractor:load", "--out", str(out), *extra])
    assert json.loads(out.read_text()) == json.loads(json.dumps(res))
    return res


def test_skillspan_test_split(data, capsys):
    sk = run(data)["skillspan"]
    assert (sk["n_docs"], sk["n_words"]) == (2, 13)
    assert sk["gold"] == {"Knowledge": 1, "Skill": 2}
    bl = sk["by_label"]["partial"]
    assert (bl["hard"]["p"], bl["hard"]["r"]) == (0.5, 1.0)  # Excel is a false positive
    assert (bl["soft"]["p"], bl["soft"]["r"]) == (1.0, 0.5)  # "communicate clearly" missed
    assert (bl["overall"]["p"], bl["overall"]["r"]) == pytest.approx((2 / 3, 2 / 3))
    st = sk["by_label"]["strict"]
    assert (st["soft"]["p"], st["soft"]["r"]) == (0.0, 0.0)  # "teamwork" is not "teamwork skills"
    assert (st["overall"]["tp_p"], st["overall"]["n_pred"], st["overall"]["n_gold"]) == (1, 3, 3)
    assert sk["words_per_s"] > 0 and sk["contract_problems"] == {}
    printed = capsys.readouterr().out
    assert "SkillSpan test · 2 postings" in printed and "label-matched" in printed


def test_green(data):
    gr = run(data)["green"]
    assert (gr["partial"]["p"], gr["partial"]["r"]) == (0.5, 1.0)
    assert (gr["strict"]["p"], gr["strict"]["r"]) == (0.0, 0.0)
    fp = gr["false_positives"]
    assert (fp["n"], fp["overlap_non_skill"], fp["share_overlap_non_skill"]) == (1, 1, 1.0)
    assert fp["by_label"] == {"Occupation": 1}


def test_decorte(data):
    dc = run(data)["decorte"]
    h = dc["house"]
    assert h["skipped_rows"] == {"LABEL NOT PRESENT": 1, "UNDERSPECIFIED": 1}
    assert (h["n_sentences"], h["tp_p"], h["n_pred"], h["n_gold"]) == (3, 2, 3, 3)
    assert h["false_positives_where"] == {"on a span with another ESCO label": 1}
    assert h["recall_ceiling"] == pytest.approx(2 / 3)  # "show empathy" is not in the tiny taxonomy
    t = dc["tech"]
    assert (t["p"], t["r"], t["f1"]) == (0.0, None, 0.0)  # gold all markers; python predicted
    assert t["false_positives_where"] == {"outside annotated spans": 1}
    assert (dc["techwolf"]["p"], dc["techwolf"]["r"]) == (1.0, 1.0)


def test_dev_split_never_reads_test(data, capsys):
    res = run(data, "--split", "dev")
    assert res["skillspan"]["n_docs"] == 1 and res["skillspan"]["by_label"]["partial"]["soft"]["r"] == 1.0
    assert "green" not in res
    assert set(res["decorte"]) == {"house", "tech"}
    assert res["decorte"]["house"]["r"] == 1.0  # gold label case differs from our name
    assert "missing" in res["decorte"]["tech"]
    assert "only a test set" in capsys.readouterr().out


def test_all_but_test_and_train_splits(data):
    assert run(data, "--split", "all-but-test")["skillspan"]["split"] == ["dev", "train"]
    res = run(data, "--split", "train")
    assert res["skillspan"]["n_docs"] == 0 and "decorte" not in res


def test_compare_prints_deltas(data, capsys):
    first = data.parent / "first.json"
    bx.main(["--data", str(data), "--extractor", "fake_gapcheck_extractor:load", "--out", str(first)])
    capsys.readouterr()
    run(data, "--compare", str(first), "--extractor", "fake_gapcheck_extractor:load_function")
    out = capsys.readouterr().out
    assert "compare · before: fake_gapcheck_extractor:load" in out
    assert "skillspan.by_label.partial.hard" in out and "+0.000" in out


def test_contract_problems_reported(data, capsys):
    res = run(data, "--extractor", "fake_gapcheck_extractor:load_broken", "--datasets", "skillspan")
    probs = res["skillspan"]["contract_problems"]
    assert probs == {"text != document[start:end]": 2, "kind 'medium'": 2, "bad offsets (dropped)": 2}
    assert "WARNING mention contract" in capsys.readouterr().out


def test_bad_extractor_spec(data):
    with pytest.raises(SystemExit):
        bx.main(["--data", str(data), "--extractor", "no_such_module_xyz:load", "--no-out"])
    with pytest.raises(SystemExit):
        bx.main(["--data", str(data), "--extractor", "nocolon", "--no-out"])

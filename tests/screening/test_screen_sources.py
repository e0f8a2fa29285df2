"""Where listings come from: folder walks, CSV and JSONL exports, texts and Documents in memory."""

from __future__ import annotations

import json

from gapcheck.reading import read_text
from gapcheck.screening.sources import count_listings, iter_tasks, pick_column


def tasks(listings, **kw):
    return list(iter_tasks(listings, **kw))


def test_folders_are_walked_recursively_in_sorted_order_skipping_hidden_and_foreign_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/z.txt", "b/a.pdf", "a.md", "c.HTML", "d.docx", "notes.csv", "photo.png", ".hidden.txt",
                 ".git/x.txt", "old.doc"):
        (tmp_path / name).write_text("x")
    got = [t.source for t in tasks(tmp_path)]
    rel = [p.removeprefix(str(tmp_path) + "/") for p in got]
    # Documents and near misses (.doc gets the reader's advice as an error row); no CSV, images, hidden.
    assert rel == ["a.md", "c.HTML", "d.docx", "old.doc", "b/a.pdf", "b/z.txt"]
    assert all(t.kind == "path" for t in tasks(tmp_path))
    assert [t.seq for t in tasks(tmp_path)] == list(range(6))
    assert count_listings(tmp_path) == 6


def test_csv_rows_default_columns_and_spreadsheet_row_numbers(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_text('Job Title,Company,Description\n'
                 'Data Engineer,Acme,"Build pipelines in Python.\nAirflow a plus."\n'
                 '\n'
                 'Nurse,General,"Triage patients."\n', encoding="utf-8")
    ts = tasks(f)
    assert [(t.kind, t.source, t.title) for t in ts] == [
        ("text", f"{f}#2", "Data Engineer"), ("text", f"{f}#4", "Nurse")]
    assert ts[0].payload == "Build pipelines in Python.\nAirflow a plus."


def test_csv_named_columns_missing_column_and_short_rows(tmp_path):
    f = tmp_path / "jobs.csv"
    f.write_text("name,body_html,kind\nA,Python developer,x\nB\n", encoding="utf-8")
    ts = tasks(f, text_column="Body HTML", title_column="name")
    assert [(t.kind, t.title) for t in ts] == [("text", "A"), ("error", "B")]
    assert ts[1].payload == f"{f}#3: has no value in column 'body_html'"
    (err,) = tasks(f)  # no default text column in this file: one error row naming what was looked for
    assert err.kind == "error" and err.source == str(f)
    assert "has no text column" in err.payload and "description" in err.payload and "body_html" in err.payload
    assert "--text-column" in err.payload


def test_csv_in_cp1252_is_decoded(tmp_path):
    f = tmp_path / "jobs.csv"
    text = "title,text\nCaf\xe9 manager,Manage the caf\xe9 team \u2013 rota and stock\n"
    f.write_bytes(text.encode("cp1252"))
    (t,) = tasks(f)
    assert t.title == "Café manager" and t.payload == "Manage the café team – rota and stock"


def test_jsonl_lines_bad_json_missing_fields_and_line_numbers(tmp_path):
    f = tmp_path / "saved.jsonl"
    lines = [json.dumps({"title": "SRE", "description": "Kubernetes and Go"}), "", "{not json",
             json.dumps(["a list"]), json.dumps({"title": "No text"}),
             json.dumps({"text": None, "title": "Null"}), json.dumps({"Text": "Case-insensitive field"})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ts = tasks(f)
    assert [(t.kind, t.source) for t in ts] == [
        ("text", f"{f}#1"), ("error", f"{f}#3"), ("error", f"{f}#4"), ("error", f"{f}#5"),
        ("error", f"{f}#6"), ("text", f"{f}#7")]
    assert ts[0].title == "SRE" and ts[0].payload == "Kubernetes and Go"
    assert "is not valid JSON" in ts[1].payload
    assert ts[2].payload.endswith("is not a JSON object")
    assert "has no text field" in ts[3].payload and ts[3].title == "No text"
    assert ts[4].payload == f"{f}#6: field 'text' is empty"
    assert count_listings(f) == 6


def test_a_missing_export_is_one_error_row(tmp_path):
    (t,) = tasks(tmp_path / "gone.jsonl")
    assert t.kind == "error" and t.payload == f"{tmp_path / 'gone.jsonl'}: no such file"


def test_in_memory_items_texts_documents_paths_and_mappings(tmp_path):
    p = tmp_path / "ad.txt"
    p.write_text("Backend engineer\nPython")
    doc = read_text("Nurse\nTriage", source="ward.txt")
    ts = tasks([str(p), "Data analyst\nSQL and Excel", doc, read_text("x"), {"title": "T", "text": "Body"},
                tmp_path / "missing.pdf", "not/there.txt", 42])
    assert [(t.kind, t.source) for t in ts] == [
        ("path", str(p)), ("text", "<text 2>"), ("doc", "ward.txt"), ("doc", "<text 4>"),
        ("text", "<listing 5>"), ("path", str(tmp_path / "missing.pdf")), ("path", "not/there.txt"),
        ("error", "<listing 8>")]
    assert ts[4].title == "T"


def test_a_dataframe_is_read_by_columns():
    import pandas as pd

    df = pd.DataFrame({"position": ["A", "B"], "job_description": ["Python", None]}, index=[10, 11])
    ts = tasks(df)
    assert [(t.kind, t.source, t.title) for t in ts] == [("text", "<row 10>", "A"),
                                                          ("error", "<row 11>", "B")]


def test_pick_column_normalises_names():
    assert pick_column(["Job-Description", "Title"], None, ("text", "job_description")) == "Job-Description"
    assert pick_column(["a", "b"], "B", ("text",)) == "b"
    assert pick_column(["a"], "c", ("a",)) is None

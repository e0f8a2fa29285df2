"""Every file of the bad-input corpus through ``gapcheck CV ADVERT``: a correct result or one clear line.

* In a child process, as the CV against the sample advert, with the command's default output: exit 0 and
  a report, or exit 1 and exactly one line on standard error naming the file; never a traceback, never a
  control character on the terminal; wall time and peak memory (``ru_maxrss`` of the child) under the
  ceilings of :mod:`hostile_helpers` (hang and leak detectors; measured figures: docs/limits.md).
  Refused files, and one readable file of each format, run the installed ``gapcheck`` cold; the other
  readable files run ``gapcheck.cli.main`` in a child forked from a process with the pipeline loaded
  (:class:`hostile_helpers.WarmCli`), which saves 1.5 s of start-up per file.
* In process, as the CV and as the advert, with ``--format json``: the same outcome, and every mention of
  the report indexes the text gapcheck read (``text[start:end] == mention.text``); encoding fixtures
  decode to their expected text.

The children run two at a time (a session fixture).
"""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hostile_helpers import (
    BAD,
    CORPUS,
    CORPUS_FILES,
    EXPECT_BAD,
    EXPECT_HOSTILE,
    MEMORY_CEILING_MB,
    SAMPLE_ADVERT,
    TEXT_CV,
    TIME_CEILING_S,
    Expect,
    Run,
    WarmCli,
    check_report_offsets,
    corpus_id,
    expected_text,
    run_cli,
)
from hostile_helpers import (
    run_main_in_process as _main,
)

from gapcheck.errors import ReadError
from gapcheck.reading import Limits, read_document

PARAMS = [pytest.param(path, expect, id=corpus_id(path)) for path, expect in CORPUS_FILES]


def test_every_corpus_file_has_an_expectation() -> None:
    assert {p.name for p in BAD.iterdir()} == set(EXPECT_BAD)
    assert {p.name for p in CORPUS.iterdir() if p.is_file()} == set(EXPECT_HOSTILE)
    expected = {p.name for p in (CORPUS / "expected").iterdir()}
    assert expected == {e.same_text_as for e in EXPECT_HOSTILE.values() if e.same_text_as}


#: Readable files that also run cold, so the installed entry point is covered on the success path too.
COLD_READABLE = {BAD / "cv_script.html", CORPUS / "pdf_javascript_links.pdf", CORPUS / "docx_xxe.docx"}


def cold(path: Path, expect: Expect) -> bool:
    return not expect.ok or path in COLD_READABLE


@pytest.fixture(scope="session")
def cli_runs() -> dict[Path, Run]:
    """``gapcheck FILE SAMPLE_ADVERT`` for every corpus file, two children at a time."""
    local = threading.local()
    servers: list[WarmCli] = []
    lock = threading.Lock()

    def one(item: tuple[Path, Expect]) -> tuple[Path, Run]:
        path, expect = item
        args = [str(path), str(SAMPLE_ADVERT), *expect.args]
        if cold(path, expect):
            return path, run_cli(args)
        if not hasattr(local, "server"):
            local.server = WarmCli()
            with lock:
                servers.append(local.server)
        return path, local.server.run(args)

    workers = max(2, min(4, os.cpu_count() or 2))
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return dict(pool.map(one, CORPUS_FILES))
    finally:
        for server in servers:
            server.close()


@pytest.mark.slow
@pytest.mark.parametrize("path, expect", PARAMS)
def test_cli_subprocess(cli_runs: dict[Path, Run], path: Path, expect: Expect) -> None:
    run = cli_runs[path]
    assert not run.killed, f"hung: {run.describe()}"
    assert "Traceback" not in run.stderr + run.stdout, run.describe()
    assert run.seconds < TIME_CEILING_S, run.describe()
    assert run.peak_mb < MEMORY_CEILING_MB, run.describe()
    if expect.ok:
        assert run.returncode == 0, run.describe()
        assert run.stderr == "", run.describe()
        assert "Match" in run.stdout
    else:
        assert run.returncode == 1, run.describe()
        assert run.stdout == ""
        lines = run.stderr.splitlines()
        assert len(lines) == 1, run.describe()
        assert lines[0].startswith(f"gapcheck: error: {path}: "), lines[0]
        assert expect.fragment in lines[0], lines[0]


@pytest.mark.slow
@pytest.mark.parametrize("path, expect", [p for p in PARAMS if p.values[1].ok])
def test_cli_output_has_no_control_characters(cli_runs: dict[Path, Run], path: Path, expect: Expect) -> None:
    """Nothing from a file may drive the terminal: no escape sequences, bells, backspaces ..."""
    out = cli_runs[path].stdout
    bad = sorted({c for c in out if (c < " " and c != "\n") or "\x7f" <= c <= "\x9f"})
    assert not bad, f"control characters {bad} in the report: {out[:200]!r}"


@pytest.mark.parametrize("path, expect", PARAMS)
def test_in_process_as_cv_and_as_advert(path: Path, expect: Expect, capsys: pytest.CaptureFixture[str]) -> None:
    other = str(TEXT_CV)
    for argv in ([str(path), str(SAMPLE_ADVERT)], [other, str(path)]):
        code, out, err = _main([*argv, "--format", "json", *expect.fast_args], capsys)
        assert "Traceback" not in err
        if not expect.ok:
            assert code == 1 and out == ""
            lines = err.splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"gapcheck: error: {path}: "), err
            assert expect.fragment in lines[0]
            continue
        assert code == 0 and err == "", err
        report = json.loads(out)
        cv_text = read_document(argv[0]).text
        advert_text = read_document(argv[1]).text
        check_report_offsets(report, cv_text, advert_text)


@pytest.mark.parametrize("path, expect", [p for p in PARAMS if p.values[1].ok])
def test_readable_files_decode_correctly(path: Path, expect: Expect) -> None:
    doc = read_document(path)
    assert doc.text.strip()
    if path.name not in ("controls_invalid_utf8.txt", "html_entities.html"):  # these hold invalid bytes / &#0;
        assert "\ufffd" not in doc.text
    want = expected_text(path, expect)
    if want is not None:
        assert doc.text == want


def test_what_hostile_documents_read_as() -> None:
    def text(name: str) -> str:
        return read_document(CORPUS / name).text

    xxe = text("docx_xxe.docx")
    assert xxe.startswith("Python developer") and "root:" not in xxe  # /etc/passwd was not read
    assert text("pdf_cyclic_pages.pdf") == "Python developer"
    assert text("pdf_recursive_form.pdf") == "Python developer"
    assert text("pdf_deep_arrays.pdf") == "Python developer"
    assert "Python, Django" in text("pdf_javascript_links.pdf")
    assert "tracker.invalid" not in text("pdf_javascript_links.pdf")
    assert "café" in text("html_charset_zlib.html")
    assert text("html_utf16.html") == "Data Engineer\n\nPython and SQL — café"
    assert "<script>" in text("html_entities.html")  # an escaped tag is text, not markup
    for name in ("cv_script.html", "advert_script.html"):
        assert "alert(1)" not in read_document(BAD / name).text.replace("<script>alert(1)</script>", "")
    assert len(text("long_token.md")) > 200_000


def test_refusals_are_limit_errors_where_a_limit_was_hit() -> None:
    from gapcheck.errors import LimitExceededError

    small = Limits(max_chars=5000)  # the glyph cap is max_chars; the tag cap is at least 1,000,000
    for name in ("pdf_stream_bomb.pdf", "pdf_glyph_bomb.pdf", "pdf_form_bomb.pdf", "docx_tag_bomb.docx"):
        with pytest.raises(LimitExceededError):
            read_document(CORPUS / name, limits=small)
    with pytest.raises(ReadError) as info:
        read_document(CORPUS / "docx_billion_laughs.docx")
    assert not isinstance(info.value, LimitExceededError)

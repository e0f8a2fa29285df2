"""Inputs that cannot be committed: big files (written at test time), pipes, devices, hostile file names,
standard input; and the limit options of ``gapcheck CV ADVERT``."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from hostile_helpers import (
    MEMORY_CEILING_MB,
    ROOT,
    SAMPLE_ADVERT,
    TEXT_CV,
    TIME_CEILING_S,
    WarmCli,
    fixture_script,
    run_cli,
)
from hostile_helpers import (
    run_main_in_process as _main,
)

from gapcheck.cli.options import limits_from_options
from gapcheck.errors import LimitExceededError, ReadError
from gapcheck.reading import Limits, read_document
from gapcheck.reading.limits import DEFAULT_LIMITS, MB

DOCS = ROOT / "tests" / "fixtures" / "docs"
AD = str(SAMPLE_ADVERT)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The big inputs of scripts/make_bad_fixtures.py (write_big), in a temporary folder."""
    folder = tmp_path_factory.mktemp("big")
    fixture_script().write_big(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)  # 70 MB: not kept with pytest's last temporary folders


def _one_error_line(err: str, shown: str, fragment: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"gapcheck: error: {shown}: "), lines[0]
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in err


# -- big files -------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_50mb_text_file_is_refused_from_its_size(big: Path) -> None:
    f = big / "huge_50mb.txt"
    assert f.stat().st_size >= 50 * MB
    run = run_cli([str(f), AD])
    assert run.returncode == 1, run.describe()
    _one_error_line(run.stderr, str(f), "is 50 MB, over the 5 MB limit for text files")
    assert run.seconds < TIME_CEILING_S and run.peak_mb < 100, run.describe()  # never read


@pytest.mark.slow
def test_50mb_text_file_let_through_the_size_limit_stops_at_the_character_limit(big: Path) -> None:
    f = big / "huge_50mb.txt"
    run = run_cli([str(f), AD, "--max-text-mb", "60"])
    assert run.returncode == 1, run.describe()
    _one_error_line(run.stderr, str(f), "characters of text, over the limit of 300,000")
    assert run.seconds < TIME_CEILING_S and run.peak_mb < MEMORY_CEILING_MB, run.describe()


@pytest.mark.slow
def test_50mb_on_standard_input_is_refused_after_reading_only_the_limit(big: Path) -> None:
    with open(big / "huge_50mb.txt", "rb") as f:
        run = run_cli(["analyze", "-", AD], stdin=f)
    assert run.returncode == 1, run.describe()
    _one_error_line(run.stderr, "-", "standard input is more than 5 MB, over the limit for text")
    assert run.seconds < TIME_CEILING_S and run.peak_mb < 200, run.describe()


@pytest.mark.slow
def test_megabytes_of_unclosed_html_tags(big: Path) -> None:
    f = big / "html_tag_flood.html"  # 5 million tags
    run = run_cli([str(f), AD])
    assert run.returncode == 1, run.describe()
    _one_error_line(run.stderr, str(f), "has more than 3,000,000 HTML tags, over the limit")
    assert run.seconds < TIME_CEILING_S and run.peak_mb < 300, run.describe()
    # let through the tag limit, the parse deadline stops it, and the tag stack stays small
    run = run_cli([str(f), AD, "--max-chars", "600000", "--max-parse-seconds", "1"])
    assert run.returncode == 1, run.describe()
    _one_error_line(run.stderr, str(f), "took longer than the 1 s limit to read")
    assert run.seconds < TIME_CEILING_S and run.peak_mb < 300, run.describe()


def test_docx_with_too_many_parts(big: Path) -> None:
    with pytest.raises(LimitExceededError, match=r"has 10001 parts, over the limit of 10000"):
        read_document(big / "docx_many_parts.docx")


@pytest.mark.slow
def test_a_document_at_the_character_limit_is_analysed_within_the_ceilings(big: Path) -> None:
    at, over = big / "text_at_char_limit.txt", big / "text_over_char_limit.txt"
    assert len(at.read_text()) == DEFAULT_LIMITS.max_chars
    server = WarmCli()
    try:
        run = server.run([str(at), AD])
        assert run.returncode == 0 and run.stderr == "", run.describe()
        assert run.seconds < TIME_CEILING_S and run.peak_mb < MEMORY_CEILING_MB, run.describe()
        run = server.run([str(over), AD])
        assert run.returncode == 1
        _one_error_line(run.stderr, str(over), "has 300,001 characters of text, over the limit of 300,000")
    finally:
        server.close()


# -- pipes, devices and file names -----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_nobody_writes_to_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    # gapcheck waits for a writer as long as the parse budget allows (20 s by default), then gives up
    run = run_cli([str(fifo), AD, "--max-parse-seconds", "1"], timeout=20)
    assert not run.killed, "gapcheck blocked on a named pipe with no writer"
    assert run.returncode == 1
    _one_error_line(run.stderr, str(fifo), "is empty")
    assert run.seconds < 10


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "advert.txt"
    os.mkfifo(fifo)
    for delay in ("0", "0.5"):  # the writer may come before or after gapcheck opens the pipe
        writer = subprocess.Popen(["sh", "-c", f"sleep {delay}; cat '{SAMPLE_ADVERT}' > '{fifo}'"])
        try:
            doc = read_document(fifo)
        finally:
            writer.wait(timeout=20)
        assert doc.text == SAMPLE_ADVERT.read_text(encoding="utf-8")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    link = tmp_path / "cv.pdf"
    link.symlink_to(device)
    with pytest.raises(ReadError, match=r"cv\.pdf: is a device, not a file$"):
        read_document(link)


@pytest.mark.parametrize("name, shown", [
    ("em\npty.txt", "em\\npty.txt"),
    ("esc\x1b[31mred.txt", "esc\\x1b[31mred.txt"),
    ("bidi\u202etxt.exe.txt", "bidi\\u202etxt.exe.txt"),
    ("bell\x07.txt", "bell\\x07.txt"),
])
def test_control_characters_in_file_names_are_escaped_in_errors(
    tmp_path: Path, name: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / name
    f.write_bytes(b"")
    code, out, err = _main([str(f), AD], capsys)
    assert code == 1 and out == ""
    _one_error_line(err, f"{tmp_path}/{shown}", "is empty")
    # and a suffix with a newline in it is escaped in the message too
    odd = tmp_path / "cv.t\nxt"
    odd.write_text("Python")
    with pytest.raises(ReadError) as info:
        read_document(odd)
    assert "\n" not in str(info.value) and "'.t\\nxt'" in str(info.value)


def test_a_readable_file_with_a_newline_in_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "my\ncv.txt"
    f.write_bytes(TEXT_CV.read_bytes())
    code, out, err = _main([str(f), AD, "--format", "json"], capsys)
    assert code == 0 and err == ""


def test_undecodable_bytes_in_a_file_name(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/cv\xff\xfe.txt"
    try:
        with open(raw, "wb") as fh:
            fh.write(b"")
    except (OSError, ValueError):
        pytest.skip("the file system refuses undecodable names")
    run = run_cli([os.fsdecode(raw), AD])
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1 and "\\udcff\\udcfe.txt: is empty" in run.stderr


def test_both_from_standard_input_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main(["analyze", "-", "-"], capsys)
    assert code == 1 and len(err.splitlines()) == 1 and "standard input" in err


def test_cv_from_standard_input_without_the_command_name() -> None:
    """`gapcheck - ADVERT` (was 'No such command', fixed in 9474522)."""
    with open(TEXT_CV, "rb") as f:
        run = run_cli(["-", AD, "--format", "json"], stdin=f)
    assert run.returncode == 0, run.describe()


@pytest.mark.parametrize("name", ["random.pdf", "zip_bomb.docx", "encrypted.pdf", "random.txt"])
def test_bad_bytes_on_standard_input(name: str, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = (ROOT / "tests" / "fixtures" / "bad" / name).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = _main(["analyze", "-", AD], capsys)
    assert code == 1 and out == ""
    _one_error_line(err, "-", "")


# -- the limit options -----------------------------------------------------------------------------------


@pytest.mark.parametrize("args, path, fragment", [
    (["--max-pages", "1"], DOCS / "sample_cv.pdf", "has more than 1 page (the limit)"),
    (["--max-file-mb", "0.001"], DOCS / "sample_cv.pdf", "over the 1 KB limit for documents"),
    (["--max-text-mb", "0.0001"], TEXT_CV, "over the 105 bytes limit for text files"),
    (["--max-decompressed-mb", "0.01"], DOCS / "sample_cv.docx", "over the 10.2 KB limit (a zip bomb?)"),
    (["--max-decompressed-mb", "0.0001"], DOCS / "sample_cv.pdf", "expands beyond the 105 bytes limit"),
    (["--max-parse-seconds", "0.000001"], DOCS / "sample_cv.pdf", "took longer than the 1e-06 s limit"),
    (["--max-chars", "100"], TEXT_CV, "characters of text, over the limit of 100"),
    (["--max-chars", "100"], DOCS / "sample_cv.pdf", "draws too many characters of text, over the limit of 100"),
])
def test_limit_options_refuse(args: list[str], path: Path, fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main([str(path), AD, *args], capsys)
    assert code == 1 and out == ""
    _one_error_line(err, str(path), fragment)


def test_limit_options_apply_to_the_advert_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _main([str(TEXT_CV), str(DOCS / "sample_cv.pdf"), "--max-pages", "1"], capsys)
    assert code == 1
    _one_error_line(err, str(DOCS / "sample_cv.pdf"), "has more than 1 page")


def test_limit_options_can_raise_a_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(TEXT_CV.read_text(encoding="utf-8") * 3)
    small = ["--max-text-mb", str(f.stat().st_size / MB / 2)]
    assert _main([str(f), AD, *small], capsys)[0] == 1
    assert _main([str(f), AD, *small[:1], "1"], capsys)[0] == 0


@pytest.mark.parametrize("option, value", [
    ("--max-pages", "0"), ("--max-pages", "-3"), ("--max-pages", "many"), ("--max-file-mb", "0"),
    ("--max-file-mb", "-1"), ("--max-file-mb", "nan"), ("--max-text-mb", "inf"),
    ("--max-decompressed-mb", "0"), ("--max-parse-seconds", "0"), ("--max-parse-seconds", "nan"),
    ("--max-chars", "0"),
])
def test_bad_limit_values_are_usage_errors(option: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _main([str(TEXT_CV), AD, option, value], capsys)
    assert code == 2 and out == "", err
    assert option in err and "Traceback" not in err


def test_limits_from_options() -> None:
    assert limits_from_options() == DEFAULT_LIMITS
    limits = limits_from_options(max_file_mb=1.5, max_text_mb=0.5, max_pages=3, max_decompressed_mb=10,
                                 max_parse_seconds=2.5, max_chars=1000)
    assert limits == Limits(max_file_bytes=round(1.5 * MB), max_text_bytes=MB // 2, max_pdf_pages=3,
                            max_decompressed_bytes=10 * MB, max_parse_seconds=2.5, max_chars=1000)
    assert limits_from_options(max_file_mb=1e-9).max_file_bytes == 1  # never 0 bytes
    base = Limits(max_pdf_pages=7)
    assert limits_from_options(max_chars=5, base=base) == Limits(max_pdf_pages=7, max_chars=5)
    for bad in (0, -1, math.nan, math.inf):
        with pytest.raises(typer.BadParameter):
            limits_from_options(max_file_mb=bad)

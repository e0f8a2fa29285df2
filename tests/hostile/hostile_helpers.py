"""Shared by the hostile-input tests (imported by name: tests are not a package).

* the two corpus folders and what each file must give (:data:`EXPECT`);
* :func:`run_cli`: the real ``gapcheck`` command in a child process, with its wall time and peak memory
  (``ru_maxrss`` of that child alone, from ``os.wait4``) and a kill timer as a hang detector;
* :class:`WarmCli`: the same command's ``main()`` in a child forked from a process that has already
  loaded the pipeline (what every cold run spends 1.5 s on), for files that are analysed;
* :func:`check_report_offsets`: every mention of a report's JSON indexes the document it belongs to;
* :func:`fixture_script`: ``scripts/make_bad_fixtures.py`` as a module (for the big inputs, written at test
  time).

The ceilings are hang and leak detectors, not performance targets: the measured figures are in
``docs/limits.md`` (``benchmarks/hostile.py`` measures them).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"
CORPUS = ROOT / "tests" / "hostile" / "corpus"
EXPECTED = CORPUS / "expected"
SAMPLE_CV = ROOT / "data" / "samples" / "cv_software_engineer.pdf"
SAMPLE_ADVERT = ROOT / "data" / "samples" / "advert_backend_engineer.txt"
PAIRS = ROOT / "tests" / "fixtures" / "pairs"
TEXT_CV = PAIRS / "01_backend_engineer" / "cv.txt"

#: A run slower than this is treated as hung (the slowest corpus file takes about 5 s alone, 20 s for
#: the files only the parse deadline stops, which the tests run with a 1 s deadline).
TIME_CEILING_S = 30.0
#: A run that grows bigger than this is a leak or a bomb that got through (the worst is about 300 MB).
MEMORY_CEILING_MB = 1024.0
#: Deadline-bound files are run with this parse budget in the tests (20 s by default; the benchmark
#: measures them at the default).
TEST_PARSE_SECONDS = "1"


@dataclass(frozen=True)
class Expect:
    """What ``gapcheck FILE ADVERT`` must give for one corpus file.

    Attributes:
        ok: True if the file must be read and analysed (exit 0), False if it must be refused (exit 1).
        fragment: for a refused file, part of the one-line message.
        args: extra command-line arguments for the subprocess run (a smaller parse budget for files
            whose only bound is the deadline).
        fast_args: extra arguments for the in-process runs, which only check messages and offsets.
        same_text_as: for an encoding fixture, the file whose UTF-8 text it must decode to.
    """

    ok: bool
    fragment: str = ""
    args: tuple[str, ...] = ()
    fast_args: tuple[str, ...] = ()
    same_text_as: str | None = None


def ok(same_text_as: str | None = None) -> Expect:
    return Expect(True, same_text_as=same_text_as)


def refused(fragment: str, args: tuple[str, ...] = (), fast_args: tuple[str, ...] = ()) -> Expect:
    return Expect(False, fragment, args, fast_args or args)


_DEADLINE = ("--max-parse-seconds", TEST_PARSE_SECONDS)
_FAST_DEADLINE = ("--max-parse-seconds", "0.3")
_FAST_GLYPHS = ("--max-chars", "5000")
#: Glyph bombs run to a third of the default character limit in the subprocess tests (the benchmark
#: runs them at the default: 2 s and 5 s).
_GLYPHS = ("--max-chars", "100000")

#: tests/fixtures/bad/ (the reading layer's corpus; its list is pinned by tests/reading/test_reading_bad.py)
EXPECT_BAD: dict[str, Expect] = {
    "README.md": ok(),
    "advert.expected.txt": ok(),
    "advert_cp1252.txt": ok("advert.expected.txt"),
    "advert_latin1.expected.txt": ok(),
    "advert_latin1.txt": ok("advert_latin1.expected.txt"),
    "advert_script.html": ok(),
    "advert_script.txt": ok(),
    "advert_utf16_bom.txt": ok("advert.expected.txt"),
    "advert_utf8_bom.txt": ok("advert.expected.txt"),
    "controls_invalid_utf8.txt": ok(),
    "corrupt_stream.pdf": refused("is damaged: 1 of its compressed streams cannot be decoded"),
    "corrupt_xml.docx": refused("is not a valid Word document"),
    "cv.doc": refused("unsupported file type '.doc'; save it as .docx or PDF"),
    "cv_script.html": ok(),
    "cv_script.txt": ok(),
    "docx_renamed.pdf": refused("is not a valid PDF (it looks like a Word .docx file)"),
    "empty.docx": refused("is empty"),
    "empty.pdf": refused("is empty"),
    "empty.txt": refused("is empty"),
    "encrypted.pdf": refused("is encrypted (password-protected)"),
    "html_renamed.pdf": refused("is not a valid PDF (it looks like an HTML page)"),
    "image_only.pdf": refused("has no text layer (a scanned image?); run OCR on it first"),
    "nested_divs.html": ok(),
    "not_word.docx": refused("is a zip archive but not a Word document"),
    "old_word.docx": refused("is an old-style Word .doc file"),
    "pages_5000.pdf": refused("has more than 50 pages"),
    "pdf_renamed.docx": refused("is not a valid DOCX (Word) file (it looks like a PDF)"),
    "random.docx": refused("is not a valid DOCX (Word) file"),
    "random.pdf": refused("is not a valid PDF"),
    "random.txt": refused("looks like binary data, not text"),
    "truncated.pdf": refused("is not a complete PDF"),
    "truncated_real.pdf": refused("PDF"),
    "whitespace.docx": refused("has no text"),
    "whitespace.pdf": refused("has no text (its pages are blank)"),
    "whitespace.txt": refused("has no text (it is only whitespace)"),
    "whitespace_bytes.pdf": refused("is empty (it contains only whitespace)"),
    "zip_bomb.docx": refused("would expand to 200 MB when unpacked, over the 50 MB limit"),
    "zip_bomb_declared.docx": refused("would expand to 1024 MB when unpacked"),
    "zip_bomb_lying.docx": refused("is a damaged zip archive, not a readable DOCX"),
}

#: tests/hostile/corpus/ (made by scripts/make_bad_fixtures.py, hostile_fixtures())
EXPECT_HOSTILE: dict[str, Expect] = {
    "README.md": ok(),
    "cp1251.txt": ok("cp1251.txt"),
    "crlf_cr_lf.txt": ok("crlf_cr_lf.txt"),
    "docx_billion_laughs.docx": refused("is not a valid Word document"),
    "docx_deep_nesting.docx": refused("is not a valid Word document"),
    "docx_tag_bomb.docx": refused("has more than 3,000,000 XML tags"),
    "docx_xxe.docx": ok(),
    "empty.html": refused("is empty"),
    "empty.md": refused("is empty"),
    "gb18030.txt": ok("gb18030.txt"),
    "html_charset_zlib.html": ok(),
    "html_entities.html": ok(),
    "html_unclosed_comment.html": ok(),
    "html_unclosed_script.html": refused("has no text"),
    "html_utf16.html": ok(),
    "long_token.md": ok(),
    "mixed_scripts.txt": ok("mixed_scripts.txt"),
    "nul_bytes.txt": refused("looks like binary data, not text"),
    "pdf_cyclic_pages.pdf": ok(),
    "pdf_deep_arrays.pdf": ok(),
    "pdf_form_bomb.pdf": refused("draws too many characters of text", _GLYPHS, _FAST_GLYPHS),
    "pdf_glyph_bomb.pdf": refused("draws too many characters of text", _GLYPHS, _FAST_GLYPHS),
    "pdf_image_bomb.pdf": ok(),
    "pdf_javascript_links.pdf": ok(),
    "pdf_noop_operators.pdf": refused("took longer than the", _DEADLINE, _FAST_DEADLINE),
    "pdf_operand_flood.pdf": refused("took longer than the", _DEADLINE, _FAST_DEADLINE),
    "pdf_path_flood.pdf": refused("took longer than the", _DEADLINE, _FAST_DEADLINE),
    "pdf_recursive_form.pdf": ok(),
    "pdf_renamed.txt": refused("looks like binary data, not text"),
    "pdf_stream_bomb.pdf": refused("has a compressed stream that expands beyond the 50 MB limit"),
    "pdf_xref_loop.pdf": refused("is damaged or too deeply nested to read as a PDF"),
    "punctuation_run.txt": ok("punctuation_run.txt"),
    "random.html": refused("looks like binary data, not text"),
    "shift_jis.txt": ok("shift_jis.txt"),
    "terminal_escapes.txt": ok("terminal_escapes.txt"),
    "utf16be_bom.txt": ok("utf16be_bom.txt"),
    "utf16le_no_bom.txt": ok("utf16le_no_bom.txt"),
    "utf32_bom.txt": ok("utf32_bom.txt"),
    "whitespace.html": refused("has no text"),
}

#: (path, expectation) for every file of both corpus folders, in a stable order.
CORPUS_FILES: list[tuple[Path, Expect]] = [(BAD / n, e) for n, e in sorted(EXPECT_BAD.items())] + [
    (CORPUS / n, e) for n, e in sorted(EXPECT_HOSTILE.items())
]


def run_main_in_process(argv: list[str], capsys) -> tuple[int, str, str]:
    """``gapcheck.cli.main(argv)`` in this process: (exit status, stdout, stderr) as pytest captured them."""
    import pytest

    from gapcheck.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(argv)
        raise SystemExit(0)
    out = capsys.readouterr()
    return exit_info.value.code or 0, out.out, out.err


def corpus_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def expected_text(path: Path, expect: Expect) -> str | None:
    """The UTF-8 text an encoding fixture must decode to, if it is one."""
    if expect.same_text_as is None:
        return None
    folder = BAD if path.parent == BAD else EXPECTED
    return (folder / expect.same_text_as).read_bytes().decode("utf-8").replace("\r\n", "\n")


def gapcheck_command() -> list[str]:
    """The installed ``gapcheck`` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("gapcheck")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "gapcheck"]


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    killed: bool

    def describe(self) -> str:
        return (f"exit {self.returncode} after {self.seconds:.1f} s, {self.peak_mb:.0f} MB"
                f"{' (killed: hung)' if self.killed else ''}; stderr={self.stderr[-500:]!r}")


def run_cli(args: list[str], *, timeout: float = 2 * TIME_CEILING_S, stdin: Any = subprocess.DEVNULL,
            env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``gapcheck ARGS`` in a child; its peak RSS comes from ``os.wait4`` (that child only)."""
    return run_process(gapcheck_command() + args, timeout=timeout, stdin=stdin, env=env, cwd=cwd)


#: Runs the command and reports its exit status, wall time and peak memory as JSON on standard output.
#: It is a small process of its own because Linux carries a process's peak RSS across fork and exec:
#: a child of pytest (hundreds of MB once the pipeline is loaded) would report pytest's size as its own.
_LAUNCHER = r"""
import json, os, signal, subprocess, sys, time
argv, timeout, out, err = json.loads(sys.argv[1])
with open(out, "wb") as o, open(err, "wb") as e:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=o, stderr=e)
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            killed = True
            os.kill(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
print(json.dumps({"rc": proc.returncode, "seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "killed": killed}))
"""


def run_process(argv: list[str], *, timeout: float = 2 * TIME_CEILING_S, stdin: Any = subprocess.DEVNULL,
                env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``argv`` through a small launcher process that measures it (see ``_LAUNCHER``)."""
    child_env = dict(os.environ if env is None else env)
    child_env.pop("GAPCHECK_DEBUG", None)
    child_env.setdefault("COLUMNS", "120")
    with tempfile.TemporaryDirectory(prefix="gapcheck-run-") as tmp:
        out, err = Path(tmp, "out"), Path(tmp, "err")
        job = json.dumps([argv, timeout, str(out), str(err)])
        launcher = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, job], stdin=stdin,
                                  capture_output=True, text=True, env=child_env, cwd=cwd,
                                  timeout=timeout + 60)
        if launcher.returncode != 0:
            raise RuntimeError(f"the launcher failed: {launcher.stderr}")
        r = json.loads(launcher.stdout)
        return Run(r["rc"], out.read_bytes().decode("utf-8", "replace"), err.read_bytes().decode("utf-8", "replace"),
                   r["seconds"], r["peak_mb"], r["killed"])


_WARM_SERVER = r"""
import json, os, signal, sys, time
from gapcheck.cli import main
from gapcheck.extraction import load_extractor
import gapcheck.api, gapcheck.reporting.terminal, gapcheck.reading.pdf_reader, gapcheck.reading.docx_reader

load_extractor()
control = sys.stdin
reply = os.fdopen(os.dup(1), "w")
null = os.open(os.devnull, os.O_RDONLY)
for line in control:
    job = json.loads(line)
    sys.stdout.flush(); sys.stderr.flush()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            os.dup2(null, 0)
            out = os.open(job["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            err = os.open(job["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(out, 1); os.dup2(err, 2)
            try:
                main(job["args"])
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        finally:
            try:
                sys.stdout.flush(); sys.stderr.flush()
            finally:
                os._exit(code)
    killed = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() - start > job["timeout"]:
            killed = True
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.01)
    reply.write(json.dumps({"rc": os.waitstatus_to_exitcode(status), "seconds": time.perf_counter() - start,
                            "peak_mb": usage.ru_maxrss / 1024, "killed": killed}) + "\n")
    reply.flush()
"""


class WarmCli:
    """Runs ``gapcheck.cli.main(args)`` in children forked from a server process that has the pipeline
    loaded: each run is its own process (exit status, standard streams, peak memory, kill on hang), but
    skips the 1.5 s of start-up a cold ``gapcheck`` spends loading spaCy and the models. The peak memory
    of a forked child includes the pages it shares with the server, so it matches a cold run's."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env.pop("GAPCHECK_DEBUG", None)
        env.setdefault("COLUMNS", "120")
        self._dir = tempfile.TemporaryDirectory(prefix="gapcheck-warm-")
        self._proc = subprocess.Popen([sys.executable, "-c", _WARM_SERVER], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, env=env)

    def run(self, args: list[str], *, timeout: float = 2 * TIME_CEILING_S) -> Run:
        out, err = Path(self._dir.name, "out"), Path(self._dir.name, "err")
        job = {"args": args, "out": str(out), "err": str(err), "timeout": timeout}
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(job) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("the warm gapcheck server died")
        r = json.loads(line)
        return Run(r["rc"], out.read_bytes().decode("utf-8", "replace"), err.read_bytes().decode("utf-8", "replace"),
                   r["seconds"], r["peak_mb"], r["killed"])

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._dir.cleanup()


def check_report_offsets(report: dict, cv_text: str, advert_text: str) -> int:
    """Assert that every mention in a report's JSON indexes its document; return how many were checked."""
    checked = 0

    def check(mentions: list[dict], text: str, where: str) -> None:
        nonlocal checked
        for m in mentions:
            start, end = m["start"], m["end"]
            assert isinstance(start, int) and isinstance(end, int), (where, m)
            assert 0 <= start < end <= len(text), (where, m, len(text))
            assert text[start:end] == m["text"], (where, m, text[start:end])
            checked += 1

    docs = {"cv": cv_text, "advert": advert_text}
    for s in report["cv_skills"]:
        check(s["mentions"], cv_text, f"cv_skills {s['name']}")
    for s in report["advert_skills"]:
        check(s["mentions"], advert_text, f"advert_skills {s['name']}")
    for s in report["matched"]:
        check(s["mentions"], cv_text, f"matched {s['name']}")
        check(s.get("advert_mentions", []), advert_text, f"matched {s['name']} (advert)")
    for s in report["gaps"]:
        check(s["mentions"], advert_text, f"gaps {s['name']}")
    for s in report["stretched_claims"]:
        check(s["mentions"], cv_text, f"stretched_claims {s['name']}")
    for a in report.get("action_details", []):
        check(a.get("evidence", []), docs[a.get("document", "advert")], f"action {a.get('text', '')[:40]}")
    for e in report.get("evidence", []):
        for key in ("backed_in", "asserted_in", "with_result"):
            check(e.get(key, []), cv_text, f"evidence {e.get('name')} {key}")
    for r in report.get("roles", []):
        assert 0 <= r["start"] <= r["end"] <= len(cv_text), ("roles", r)
    return checked


def fixture_script():
    """``scripts/make_bad_fixtures.py`` as a module."""
    name = "make_bad_fixtures_for_tests"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "make_bad_fixtures.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module

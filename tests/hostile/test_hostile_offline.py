"""CVs are personal data: gapcheck opens no network connection, fetches nothing a document points at,
and unpickles nothing (its models are plain JSON)."""

from __future__ import annotations

import ast
import json
import os
import pickle
import socket
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hostile_helpers import ROOT, SAMPLE_ADVERT, SAMPLE_CV, fixture_script, run_cli, run_process

SRC = ROOT / "src" / "gapcheck"
DOCS = ROOT / "tests" / "fixtures" / "docs"
PAIRS = ROOT / "tests" / "fixtures" / "pairs"

#: Modules that deserialise arbitrary objects (or exist to).
UNPICKLERS = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "shelve", "marshal", "jsonpickle"}


# -- no pickle anywhere ----------------------------------------------------------------------------------


def test_the_code_base_imports_no_pickle_or_joblib() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("__import__", "import_module") and node.args and isinstance(node.args[0], ast.Constant):
                    names = [str(node.args[0].value)]
                if name in ("read_pickle", "to_pickle"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}()")
                for kw in node.keywords:
                    if kw.arg == "allow_pickle" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: allow_pickle")
            for name in names:
                if name.split(".")[0] in UNPICKLERS:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports {name}")
    assert not found, "\n".join(found)


def test_models_hold_only_json_and_plain_arrays() -> None:
    """models/ holds JSON, and the span tagger's weights as plain numeric arrays (.npz read with
    allow_pickle=False): nothing that runs code when loaded (no .pkl, .joblib, object arrays)."""
    import numpy as np

    from gapcheck.paths import models_dir

    folder = models_dir()
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert files, f"no models in {folder}"
    for p in files:
        assert p.suffix in (".json", ".jsonl", ".npz"), f"{p}: only JSON and .npz arrays belong in models/"
        if p.suffix == ".npz":
            with np.load(p, allow_pickle=False) as z:  # raises on any pickled (object) array
                assert all(z[k].dtype.kind in "fiub" for k in z.files), f"{p} holds non-numeric arrays"
            continue
        head = p.read_bytes()[:8]
        assert not head.startswith((b"\x80", b"PK", b"\x93NUMPY")), f"{p} looks like a pickle, zip or .npy"
        with open(p, encoding="utf-8") as f:
            json.loads(f.read() if p.suffix == ".json" else f.readline())
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    listed = json.dumps(manifest)
    for suffix in (".pkl", ".pickle", ".joblib", ".npy", ".bin", ".spacy"):
        assert suffix not in listed


# -- in process: sockets and unpickling disabled -----------------------------------------------------------


def _ipv6_probe() -> bool:
    """True when urllib3's import-time check for IPv6 support is asking (it binds a socket to ::1 and
    never connects; ``import spacy`` imports it through spacy.cli.download -> requests). It copes with
    the refusal, so the guards refuse it too, without counting it."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "_has_ipv6" and "urllib3" in frame.f_code.co_filename:
            return True
        frame = frame.f_back
    return False


class Violations(list):
    def guard(self, what: str):
        def refuse(*args, **kwargs):
            self.append(what)
            raise RuntimeError(f"gapcheck called {what}")

        return refuse


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Violations:
    """Sockets and unpickling raise (and are recorded, in case something swallows the error)."""
    seen = Violations()

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            if not _ipv6_probe():
                seen.append("socket.socket")
            raise OSError("network access is disabled in this test")

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_server"):
        monkeypatch.setattr(socket, name, seen.guard(f"socket.{name}"))
    import _pickle

    for module in (pickle, _pickle):
        for name in ("load", "loads", "Unpickler", "_load", "_loads", "_Unpickler"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, seen.guard(f"{module.__name__}.{name}"))
    return seen


def test_guards_work(offline: Violations) -> None:
    import urllib.request

    with pytest.raises(Exception):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
    with pytest.raises(RuntimeError):
        pickle.loads(b"\x80\x04N.")
    assert offline


def test_loading_and_analysis_with_sockets_and_unpickling_disabled(offline: Violations, capsys) -> None:
    from gapcheck.api import analyze
    from gapcheck.cli import main
    from gapcheck.extraction import SkillExtractor

    fresh = SkillExtractor()  # builds the pipeline from models/ again, under the guards
    report = analyze(SAMPLE_CV, SAMPLE_ADVERT, extractor=fresh)
    assert report.matched and report.gaps
    analyze(DOCS / "sample_cv.docx", DOCS / "advert.html", extractor=fresh)
    for argv in ([str(SAMPLE_CV), str(SAMPLE_ADVERT), "--format", "json"],
                 [str(DOCS / "two_column_cv.pdf"), str(DOCS / "advert.html"), "--format", "markdown"],
                 ["skills", str(DOCS / "sample_cv.docx"), str(SAMPLE_ADVERT)]):
        with pytest.raises(SystemExit) as info:
            main(argv)
            raise SystemExit(0)
        assert info.value.code in (0, None), capsys.readouterr().err
    assert not offline, offline


# -- a fresh process: module imports and model loading under the guards too -------------------------------

GUARDED_RUN = textwrap.dedent('''
    import os, sys, socket, pickle, _pickle
    log = open(os.environ["GAPCHECK_GUARD_LOG"], "a")

    def guard(what):
        def refuse(*a, **k):
            log.write(what + "\\n"); log.flush()
            raise RuntimeError("gapcheck called " + what)
        return refuse

    def ipv6_probe():  # urllib3's import-time check (see _ipv6_probe in the test module)
        frame = sys._getframe(2)
        while frame is not None:
            if frame.f_code.co_name == "_has_ipv6" and "urllib3" in frame.f_code.co_filename:
                return True
            frame = frame.f_back
        return False

    class NoSocket(socket.socket):
        def __init__(self, family=-1, *a, **k):
            if family in (-1, socket.AF_INET, socket.AF_INET6):
                if ipv6_probe():
                    raise OSError("refused")
                guard("socket.socket")()
            super().__init__(family, *a, **k)

    socket.socket = NoSocket
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_server"):
        setattr(socket, name, guard("socket." + name))
    for module in (pickle, _pickle):
        for name in ("load", "loads", "Unpickler", "_load", "_loads", "_Unpickler"):
            if hasattr(module, name):
                setattr(module, name, guard(module.__name__ + "." + name))

    from gapcheck.cli import main
    for argv in ARGVS:
        try:
            main(argv)
            print("exit 0", file=sys.stderr)
        except SystemExit as e:
            print("exit", e.code or 0, file=sys.stderr)
    heavy = sorted(m for m in ("sklearn", "joblib", "dill", "torch") if m in sys.modules)
    print("HEAVY", heavy, file=sys.stderr)
''')


@pytest.mark.slow
def test_a_fresh_process_needs_no_network_and_unpickles_nothing(tmp_path: Path) -> None:
    argvs = [
        [str(SAMPLE_CV), str(SAMPLE_ADVERT), "--format", "json"],
        [str(DOCS / "sample_cv.docx"), str(DOCS / "advert.html"), "--format", "markdown"],
        ["skills", str(DOCS / "two_column_cv.pdf")],
    ]
    from gapcheck.cli import COMMANDS

    if "screen" in COMMANDS:
        argvs.append(["screen", str(SAMPLE_CV), *(str(p / "advert.txt") for p in sorted(PAIRS.glob("0*"))),
                      "--format", "json"])
    log = tmp_path / "guard.log"
    log.touch()
    code = f"ARGVS = {argvs!r}\n" + GUARDED_RUN
    run = run_process([sys.executable, "-c", code], env={**os.environ, "GAPCHECK_GUARD_LOG": str(log)})
    assert log.read_text() == "", f"network or unpickling during a run: {log.read_text()}"
    assert run.returncode == 0, run.describe()
    exits = [line for line in run.stderr.splitlines() if line.startswith("exit")]
    assert exits == ["exit 0"] * len(argvs), run.stderr
    assert "HEAVY []" in run.stderr, run.stderr  # no scikit-learn (nor joblib) at run time
    assert "Traceback" not in run.stderr


# -- documents that point at the network ----------------------------------------------------------------


@pytest.fixture
def listener():
    """A TCP server on 127.0.0.1 that records every connection made to it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                conn.settimeout(1)
                try:
                    hits.append(conn.recv(1024) or b"<connected>")
                except OSError:
                    hits.append(b"<connected>")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join(5)
    server.close()


def _pointing_documents(folder: Path, port: int) -> list[Path]:
    m = fixture_script()
    url = f"http://127.0.0.1:{port}"
    files = {
        "xxe.docx": m.docx_document(
            b"<w:p><w:r><w:t>Python developer &remote; &local;</w:t></w:r></w:p>",
            b'<!DOCTYPE w:document [<!ENTITY remote SYSTEM "%s/entity">'
            b'<!ENTITY local SYSTEM "file:///etc/hostname">]>\n' % url.encode(),
        ),
        "dtd.docx": m.docx_document(
            b"<w:p><w:r><w:t>Python developer</w:t></w:r></w:p>",
            b'<!DOCTYPE w:document SYSTEM "%s/doctype.dtd">\n' % url.encode(),
        ),
        "page.html": (
            f'<html><head><link rel="stylesheet" href="{url}/style.css"><script src="{url}/app.js"></script>'
            f'<meta http-equiv="refresh" content="0; url={url}/refresh"><style>@import url("{url}/import.css");'
            f'body {{ background: url({url}/bg.png) }}</style></head><body><h1>Data Engineer</h1>'
            f'<img src="{url}/pixel.gif"><iframe src="{url}/frame"></iframe><object data="{url}/obj"></object>'
            f'<p>Python and SQL</p><a href="{url}/link">apply</a></body></html>'
        ).encode(),
        "links.pdf": m.javascript_pdf().replace(b"http://tracker.invalid", url.encode()),
    }
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


@pytest.mark.slow
def test_documents_pointing_at_the_network_make_no_connection(tmp_path: Path, listener) -> None:
    port, hits = listener
    probe = socket.create_connection(("127.0.0.1", port))  # the listener works
    probe.close()
    docs = _pointing_documents(tmp_path, port)
    for cv, advert in zip(docs[::2], docs[1::2]):  # each document once, as the CV or as the advert
        run = run_cli([str(cv), str(advert), "--format", "json"])
        assert run.returncode == 0, run.describe()
        report = json.loads(run.stdout)
        assert (report["cv"]["source"], report["advert"]["source"]) == (str(cv), str(advert))
    import time

    time.sleep(0.5)
    assert hits == [b"<connected>"], f"gapcheck connected to a URL in a document: {hits[1:]}"

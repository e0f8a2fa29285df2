"""Whatever bytes a file holds, read_document returns a Document or raises a one-line ReadError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reading_paths import BAD, DOCS

from gapcheck.errors import ReadError
from gapcheck.reading import Document, read_document

SEEDS = {
    "pdf": (DOCS / "sample_cv.pdf").read_bytes(),
    "docx": (DOCS / "sample_cv.docx").read_bytes(),
    "html": (DOCS / "advert.html").read_bytes(),
    "txt": (BAD / "advert_cp1252.txt").read_bytes(),
}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(path: Path) -> None:
    try:
        doc = read_document(path)
    except ReadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(f"{path}: ")
    else:
        assert isinstance(doc, Document) and doc.text.strip()


@FUZZ
@given(suffix=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_corrupted_documents(tmp_path: Path, suffix: str, data: st.DataObject) -> None:
    raw = bytearray(SEEDS[suffix])
    for _ in range(data.draw(st.integers(1, 20), label="flips")):
        pos = data.draw(st.integers(0, len(raw) - 1))
        raw[pos] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans(), label="truncate"):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    f = tmp_path / f"fuzz.{suffix}"
    f.write_bytes(bytes(raw))
    _check(f)


@FUZZ
@given(suffix=st.sampled_from(["pdf", "docx", "html", "htm", "md"]), raw=st.binary(max_size=2000))
def test_arbitrary_bytes(tmp_path: Path, suffix: str, raw: bytes) -> None:
    for prefix in (b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html>"):
        f = tmp_path / f"fuzz.{suffix}"
        f.write_bytes(prefix + raw)
        _check(f)

"""The bad-input corpus: every file gives a one-line ReadError naming it (or reads correctly)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reading_paths import BAD, DOCS

from gapcheck.errors import LimitExceededError, ReadError, UnsupportedFormatError
from gapcheck.reading import Limits, read_document

# file -> (error class, fragment of the message)
EXPECTED_ERRORS: dict[str, tuple[type[ReadError], str]] = {
    "empty.txt": (ReadError, "is empty"),
    "empty.pdf": (ReadError, "is empty"),
    "empty.docx": (ReadError, "is empty"),
    "whitespace.txt": (ReadError, "has no text"),
    "whitespace_bytes.pdf": (ReadError, "is empty (it contains only whitespace)"),
    "whitespace.pdf": (ReadError, "has no text"),
    "whitespace.docx": (ReadError, "has no text"),
    "random.pdf": (ReadError, "is not a valid PDF"),
    "random.docx": (ReadError, "is not a valid DOCX"),
    "random.txt": (ReadError, "looks like binary data, not text"),
    "truncated.pdf": (ReadError, "is not a complete PDF"),
    "truncated_real.pdf": (ReadError, "PDF"),
    "corrupt_stream.pdf": (ReadError, "is damaged: 1 of its compressed streams cannot be decoded"),
    "encrypted.pdf": (ReadError, "is encrypted (password-protected); save an unprotected copy"),
    "image_only.pdf": (ReadError, "has no text layer (a scanned image?); run OCR on it first"),
    "pages_5000.pdf": (LimitExceededError, "has more than 50 pages"),
    "docx_renamed.pdf": (ReadError, "is not a valid PDF (it looks like a Word .docx file)"),
    "html_renamed.pdf": (ReadError, "is not a valid PDF (it looks like an HTML page)"),
    "pdf_renamed.docx": (ReadError, "is not a valid DOCX (Word) file (it looks like a PDF)"),
    "old_word.docx": (ReadError, "old-style Word .doc file"),
    "not_word.docx": (ReadError, "not a Word document"),
    "corrupt_xml.docx": (ReadError, "is not a valid Word document"),
    "zip_bomb.docx": (LimitExceededError, "would expand to 200 MB when unpacked, over the 50 MB limit"),
    "zip_bomb_declared.docx": (LimitExceededError, "would expand to 1024 MB"),
    "zip_bomb_lying.docx": (ReadError, "Bad CRC-32"),
    "cv.doc": (
        UnsupportedFormatError,
        "unsupported file type '.doc'; save it as .docx or PDF; gapcheck reads .pdf",
    ),
}
READABLE = {
    "advert_cp1252.txt",
    "advert_latin1.txt",
    "advert_utf16_bom.txt",
    "advert_utf8_bom.txt",
    "advert.expected.txt",
    "advert_latin1.expected.txt",
    "controls_invalid_utf8.txt",
    "cv_script.html",
    "advert_script.html",
    "cv_script.txt",
    "advert_script.txt",
    "nested_divs.html",
    "README.md",
}


def test_every_bad_fixture_is_classified() -> None:
    names = {p.name for p in BAD.iterdir()}
    assert names == set(EXPECTED_ERRORS) | READABLE


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_bad_fixture_gives_one_line_read_error(name: str) -> None:
    cls, fragment = EXPECTED_ERRORS[name]
    path = BAD / name
    with pytest.raises(ReadError) as info:
        read_document(path)
    err = info.value
    assert type(err) is cls
    message = str(err)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert err.source == str(path)
    assert fragment in message


def test_errors_name_the_path_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    with pytest.raises(ReadError, match=r"^encrypted\.pdf: is encrypted"):
        read_document("encrypted.pdf")
    with pytest.raises(ReadError, match=r"^\./empty\.txt: is empty$"):
        read_document("./empty.txt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"cv\.pdf: no such file$"):
        read_document(tmp_path / "cv.pdf")
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "cv.doc")  # missing beats unsupported
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(ReadError, match="is a directory, not a file"):
        read_document(folder)
    with pytest.raises(ReadError, match="is a directory"):
        read_document(tmp_path)


def test_unsupported_suffixes(tmp_path: Path) -> None:
    for name, fragment in [
        ("cv.odt", "'.odt'; save it as .docx or PDF"),
        ("cv.xlsx", "'.xlsx'; gapcheck reads"),
        ("README", "has no file extension"),
    ]:
        f = tmp_path / name
        f.write_text("hello")
        with pytest.raises(UnsupportedFormatError, match="gapcheck reads .pdf, .docx, .txt") as info:
            read_document(f)
        assert fragment in str(info.value)


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    f = tmp_path / "CV.PDF"
    f.write_bytes((DOCS / "sample_cv.pdf").read_bytes())
    assert read_document(f).format == "pdf"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "cv.txt"
    f.write_text("x")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    from gapcheck import reading

    monkeypatch.setattr(reading, "open", denied, raising=False)
    with pytest.raises(ReadError, match=r"cv\.txt: cannot be read \(permission denied\)$"):
        read_document(f)


def test_50mb_text_file_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:  # sparse: costs no disk, and the reader must not read it anyway
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(LimitExceededError) as info:
        read_document(big)
    assert str(info.value) == f"{big}: is 50 MB, over the 5 MB limit for text files"


def test_big_document_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.pdf"
    with open(big, "wb") as f:
        f.truncate(21 * 1024 * 1024)
    with pytest.raises(LimitExceededError, match="is 21 MB, over the 20 MB limit for documents"):
        read_document(big)


def test_limits_are_overridable() -> None:
    with pytest.raises(LimitExceededError, match="has more than 1 page "):
        read_document(DOCS / "sample_cv.pdf", limits=Limits(max_pdf_pages=1))
    with pytest.raises(LimitExceededError, match="over the 100 bytes limit for text files"):
        read_document(BAD / "advert_cp1252.txt", limits=Limits(max_text_bytes=100))
    with pytest.raises(LimitExceededError, match="would expand to"):
        read_document(DOCS / "sample_cv.docx", limits=Limits(max_decompressed_bytes=10_000))
    with pytest.raises(LimitExceededError, match=r"has \d+ parts, over the limit of 5"):
        read_document(DOCS / "sample_cv.docx", limits=Limits(max_zip_members=5))
    with pytest.raises(LimitExceededError, match="characters of text, over the limit of 100"):
        read_document(DOCS / "sample_cv.pdf", limits=Limits(max_chars=100))
    with pytest.raises(ValueError):
        Limits(max_pdf_pages=0)


def test_time_limit_is_enforced() -> None:
    with pytest.raises(LimitExceededError, match="took longer than the 1e-06 s limit"):
        read_document(BAD / "nested_divs.html", limits=Limits(max_parse_seconds=1e-6))
    with pytest.raises(LimitExceededError, match="took longer than"):
        read_document(DOCS / "sample_cv.pdf", limits=Limits(max_parse_seconds=1e-6))


def test_pdf_stream_decompression_is_capped() -> None:
    with pytest.raises(LimitExceededError, match="compressed stream that expands beyond the 100 bytes limit"):
        read_document(DOCS / "sample_cv.pdf", limits=Limits(max_decompressed_bytes=100))
    # and the cap does not leak into later reads
    assert "Kubernetes" in read_document(DOCS / "sample_cv.pdf").text


def test_many_pages_refused_even_if_the_page_count_lies(tmp_path: Path) -> None:
    data = (BAD / "pages_5000.pdf").read_bytes().replace(b"/Count 5000", b"/Count 1   ")
    f = tmp_path / "liar.pdf"
    f.write_bytes(data)
    with pytest.raises(LimitExceededError, match="has more than 50 pages"):
        read_document(f)


def test_fully_closed_deep_html(tmp_path: Path) -> None:
    f = tmp_path / "deep.html"
    f.write_text("<div>" * 100_000 + "<p>Python &amp; SQL</p>" + "</div>" * 100_000 + "</p>" * 1000)
    assert read_document(f).text == "Python & SQL"


def test_nested_divs_fixture_reads() -> None:
    assert read_document(BAD / "nested_divs.html").text == "Deeply nested Python developer"


def test_truncated_pdfs_of_every_length_give_read_errors(tmp_path: Path) -> None:
    data = (DOCS / "sample_cv.pdf").read_bytes()
    f = tmp_path / "cut.pdf"
    for cut in range(0, len(data) - 10, 97):
        f.write_bytes(data[:cut] + b"\n%%EOF\n")  # even with a fake end marker
        try:
            read_document(f)
        except ReadError as exc:
            assert "\n" not in str(exc)


def test_importing_reading_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, gapcheck.reading; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pdfminer', 'docx', 'ftfy', 'charset_normalizer', 'lxml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

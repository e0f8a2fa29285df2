"""Plain text: exact decoding, encodings, newlines, read_text, standard input, arbitrary bytes."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reading_paths import BAD, REAL_ADVERTS

from gapcheck.errors import GapcheckError, LimitExceededError, ReadError
from gapcheck.reading import Document, Limits, read_document, read_text
from gapcheck.reading.textdecode import decode_text

EXPECTED = (BAD / "advert.expected.txt").read_text(encoding="utf-8")


def test_utf8_file_text_is_exactly_what_python_reads(tmp_path: Path) -> None:
    content = "Café – “quotes”\r\nline two\rline three\n\x07bell\u00a0nbsp ﬁ ligature â€™ mojibake\n\n  spaces  \t\n"
    f = tmp_path / "advert.txt"
    f.write_bytes(content.encode("utf-8"))
    doc = read_document(f)
    assert doc.text == f.read_text(encoding="utf-8")
    assert doc.format == "txt"
    assert doc.source == str(f)
    # the plain-text path changes nothing but line ends
    assert "ﬁ" in doc.text and "â€™" in doc.text and "\u00a0" in doc.text and "\x07" in doc.text


def test_real_usajobs_adverts_read_exactly() -> None:
    files = sorted(REAL_ADVERTS.glob("*.txt"))
    if not files:
        pytest.skip("USAJOBS adverts not available")
    for f in files:
        doc = read_document(f)
        assert doc.text == f.read_text(encoding="utf-8"), f.name
        assert doc.warnings == ()


def test_markdown_is_read_as_is(tmp_path: Path) -> None:
    f = tmp_path / "cv.markdown"
    f.write_text("# Jane\n\n- **Python**, `SQL`\n", encoding="utf-8")
    doc = read_document(f)
    assert doc.format == "md"
    assert doc.text == "# Jane\n\n- **Python**, `SQL`\n"


@pytest.mark.parametrize("name", ["advert_cp1252.txt", "advert_utf16_bom.txt", "advert_utf8_bom.txt"])
def test_encodings_decode_to_the_same_text(name: str) -> None:
    doc = read_document(BAD / name)
    assert doc.text == EXPECTED
    assert "â€" not in doc.text and "\ufeff" not in doc.text and "\r" not in doc.text


def test_cp1252_smart_quotes_are_not_mojibake() -> None:
    doc = read_document(BAD / "advert_cp1252.txt")
    assert "We’re hiring a “Senior Python Developer” in Montréal – café" in doc.text
    assert "60 000 €" in doc.text
    assert any("cp1252" in w for w in doc.warnings)


def test_latin1() -> None:
    doc = read_document(BAD / "advert_latin1.txt")
    assert doc.text == (BAD / "advert_latin1.expected.txt").read_text(encoding="utf-8")
    assert "façade" in doc.text and "½" in doc.text and "£" in doc.text


def test_utf16_without_bom(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(EXPECTED.encode("utf-16-le"))
    assert read_document(f).text == EXPECTED


def test_control_characters_and_invalid_utf8_are_kept_not_refused() -> None:
    doc = read_document(BAD / "controls_invalid_utf8.txt")
    assert doc.text.startswith("Python developer – Zürich\nbell:\x07 escape:\x1b[31mred")
    assert "formfeed:\x0c tab:\t end\n" in doc.text
    assert "bad bytes: \ufffd\ufffd and \ufffd( here\ncafé “quoted” text\n" in doc.text
    assert any("U+FFFD" in w for w in doc.warnings)


def test_script_in_a_txt_file_is_just_text() -> None:
    doc = read_document(BAD / "cv_script.txt")
    assert doc.text == (BAD / "cv_script.txt").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" in doc.text


def test_binary_junk_in_txt_is_refused() -> None:
    with pytest.raises(ReadError, match="looks like binary data, not text"):
        read_document(BAD / "random.txt")


def test_nul_heavy_ascii_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "nul.txt"
    f.write_bytes(b"abc\x00\x00\x00\x01\x02" * 200)
    with pytest.raises(ReadError, match="binary"):
        read_document(f)


def test_read_text() -> None:
    doc = read_text("\ufeffPython\r\nSQL\r", source="advert")
    assert doc == Document(text="Python\nSQL\n", source="advert", format="text")
    assert read_text("x").source == "<text>"
    with pytest.raises(ReadError, match="advert: is empty"):
        read_text("", source="advert")
    with pytest.raises(ReadError, match="has no text"):
        read_text(" \n\t ")
    with pytest.raises(LimitExceededError, match="over the limit of 10"):
        read_text("x" * 11, limits=Limits(max_chars=10))


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_bytes_with_detected_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(EXPECTED.encode("cp1252")))
    doc = read_document("-")
    assert doc.text == EXPECTED
    assert doc.source == "-"
    assert doc.format == "txt"


def test_stdin_utf8_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin("a\r\nb – c\n".encode()))
    assert read_document("-").text == "a\nb – c\n"


def test_stdin_pdf_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    from reading_paths import DOCS

    monkeypatch.setattr(sys, "stdin", _FakeStdin((DOCS / "sample_cv.pdf").read_bytes()))
    doc = read_document("-")
    assert doc.format == "pdf"
    assert "Kubernetes" in doc.text


def test_stdin_empty_and_too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b""))
    with pytest.raises(ReadError, match="^-: standard input is empty$"):
        read_document("-")
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"word " * 1000))
    with pytest.raises(LimitExceededError, match="standard input is more than"):
        read_document("-", limits=Limits(max_text_bytes=1000, max_file_bytes=1000))


def test_stdin_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("text from a StringIO\n"))
    assert read_document("-").text == "text from a StringIO\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=500).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.text(max_size=300).map(lambda s: s.encode("utf-16", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    b"\x00",
                    b"\xff",
                    b"\xfe",
                    b"\xef\xbb\xbf",
                    b"\r",
                    b"\n",
                    b"a",
                    b"\xc3",
                    b"\xa9",
                    b"\x92",
                    b" ",
                    b"\x1b",
                ]
            ),
            max_size=200,
        ).map(b"".join),
    )
)
def test_txt_reader_never_raises_anything_but_read_error(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "fuzz.txt"
    f.write_bytes(data)
    try:
        doc = read_document(f)
    except ReadError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(f"{f}: ")
        return
    assert isinstance(doc.text, str) and doc.text.strip()
    assert "\r" not in doc.text
    try:
        expected = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    if not expected.startswith("\ufeff"):
        assert doc.text == expected.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(alphabet=st.characters(codec=None) | st.sampled_from("\ufeff\r\n \t\u00a0"), max_size=300)
)
def test_read_text_never_raises_anything_but_read_error(text: str) -> None:
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    try:
        doc = read_text(text)
    except GapcheckError as exc:
        assert isinstance(exc, ReadError)
        assert not expected or expected.isspace()
        return
    assert doc.text == expected


def test_decode_text_reports_encoding() -> None:
    text, encoding, _ = decode_text("naïve".encode("utf-16"), "x")
    assert (text, encoding) == ("naïve", "utf-16")

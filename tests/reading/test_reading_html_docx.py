"""HTML (visible text only) and DOCX (body, tables, headers, text boxes, content controls)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from reading_paths import BAD, DOCS

from gapcheck.errors import ReadError
from gapcheck.reading import read_document
from gapcheck.reading.html_reader import html_to_text


def test_saved_job_page_visible_text_only() -> None:
    doc = read_document(DOCS / "advert.html")
    assert doc.format == "html"
    text = doc.text
    for hidden in (
        "Careers",
        "dataLayer",
        "tracking",
        "enable JavaScript",
        "do-not-show",
        "display: none",
        "app.js",
    ):
        assert hidden not in text
    lines = text.splitlines()
    for heading in ("Data Engineer", "About the role", "Requirements"):
        assert heading in lines
    assert "Example Corp – Berlin & remote · Full time" in lines  # entities decoded, nbsp -> space
    assert "You will design data pipelines in Python and SQL, and run them on Apache Airflow." in lines
    assert (
        "Requirements\n\n• 3+ years with Python\n• Experience with dbt or Spark\n• Good English; German is a plus"
        in text
    )
    assert "Salary\t€60,000 – €75,000\nStart\tASAP" in text
    assert "Write to us about <script> tags you have tamed." in lines  # escaped markup is literal text


def test_script_tags_are_dropped_but_escaped_script_text_is_kept() -> None:
    cv = read_document(BAD / "cv_script.html").text
    assert cv.count("alert(1)") == 1  # only the one written as &lt;script&gt; text
    assert "Writes <script>alert(1)</script> in blog posts about XSS." in cv
    assert "Skills: Python, Django, <b> tags & CSS." in cv
    assert "CV" not in cv.splitlines()  # <title> is in <head>
    advert = read_document(BAD / "advert_script.html").text
    assert "alert" not in advert and "p{}" not in advert
    assert advert == "QA Engineer\n\nTest web apps with Selenium & Cypress.\n\nKnow the OWASP Top 10."


def test_html_mojibake_and_ligatures_are_repaired() -> None:
    doc = read_document(DOCS / "advert_mojibake.html")
    assert "We’re looking for someone who knows AWS – and Terraform." in doc.text
    assert "Remote first." in doc.text
    assert any("mojibake" in w for w in doc.warnings)


def test_html_encodings(tmp_path: Path) -> None:
    body = '<html><head><meta charset="windows-1252"></head><body><p>Café “Python” – naïve</p></body></html>'
    f = tmp_path / "a.htm"
    f.write_bytes(body.encode("cp1252"))
    assert read_document(f).text == "Café “Python” – naïve"
    g = tmp_path / "b.html"
    g.write_bytes(body.replace("windows-1252", "utf-16").encode("utf-16"))
    assert read_document(g).text == "Café “Python” – naïve"


def test_html_structure_details() -> None:
    html = (
        "<h1>Title</h1>Intro<br>second line<pre>  keep   spaces\n  here</pre>"
        "<div hidden><p>nope</p></div><p style='visibility: hidden'>nope</p>"
        "<i class='fa fa-phone' aria-hidden='true'></i><span>+1 555</span>"
        "<ul><li>one<li>two<ul><li>nested</li></ul></li></ul><p>a &amp;amp; b &#x41;&#66;</p>"
    )
    text = html_to_text(html)
    assert "nope" not in text
    assert "Title\n\nIntro\nsecond line\n\nkeep   spaces\nhere" in text
    assert "• one\n• two\n\n• nested" in text
    assert "a &amp; b AB" in text


def test_pdf_named_html_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "job.html"
    f.write_bytes((DOCS / "sample_cv.pdf").read_bytes())
    with pytest.raises(ReadError, match=r"job\.html: is not a valid HTML page \(it looks like a PDF\)"):
        read_document(f)


def test_empty_html(tmp_path: Path) -> None:
    f = tmp_path / "e.html"
    f.write_text("<html><head><title>x</title><script>y()</script></head><body> &nbsp; </body></html>")
    with pytest.raises(ReadError, match="has no text"):
        read_document(f)


# -- DOCX ----------------------------------------------------------------------------------------------


def test_sample_docx() -> None:
    doc = read_document(DOCS / "sample_cv.docx")
    assert doc.format == "docx"
    assert doc.text == (
        "Sam Docx · sam@example.org · Leeds\n\n"
        "Sam Docx\nExperience\nData Engineer, Example Analytics (2020 – present)\n"
        "• Built ELT pipelines with dbt, Airflow and Snowflake.\n"
        "• Cut the nightly batch from 5 hours to 40 minutes.\n"
        "Skills\nLanguages\tPython, SQL, Scala\nCloud\tAWS, GCP\n\n"
        "Education\nMSc Data Science, University of Sheffield (2019)"
    )


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WPS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _docx_with_body(tmp_path: Path, body: str) -> Path:
    """A minimal DOCX (built from python-docx's default template) whose body XML is replaced."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = tmp_path / "t.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = (
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f"<w:document {W} {WPS}><w:body>{body}</w:body></w:document>"
                ).encode()
            dst.writestr(info, data)
    return out


def test_docx_content_controls_textboxes_tracked_changes_and_nested_tables(tmp_path: Path) -> None:
    body = (
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t xml:space='preserve'>Kept </w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins><w:r><w:tab/><w:t>after tab</w:t><w:br/><w:t>new line</w:t>"
        "</w:r><w:r><w:instrText>HYPERLINK x</w:instrText></w:r>"
        "<w:hyperlink><w:r><w:t xml:space='preserve'> link text</w:t></w:r></w:hyperlink></w:p>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx><w:txbxContent>"
        "<w:p><w:r><w:t>Text box skills: Rust</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Text box skills: Rust</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Left cell</w:t></w:r></w:p><w:p><w:r><w:t>second para</w:t></w:r></w:p>"
        "</w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nested A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>"
        "<w:t>Nested B</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
        "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr><w:r><w:t>A list item</w:t>"
        "</w:r></w:p>"
        "<w:p><w:r><w:t>Soft\u00adhyphen and\u00a0nbsp</w:t></w:r><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>"
    )
    text = read_document(_docx_with_body(tmp_path, body)).text
    assert text.splitlines() == [
        "Inside a content control",
        "Kept inserted\tafter tab",
        "new line link text",
        "Text box skills: Rust",
        "Left cell",
        "second para",
        "",
        "Nested A\tNested B",
        "",
        "• A list item",
        "Softhyphen and nbsp-x",
    ]


def test_docx_with_no_text(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"t\.docx: has no text$"):
        read_document(_docx_with_body(tmp_path, "<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>"))

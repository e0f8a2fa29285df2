#!/usr/bin/env python3
"""Generate the reading layer's test documents: the bad-input corpus and a few good documents.

    python scripts/make_bad_fixtures.py            # writes tests/fixtures/bad/, tests/fixtures/docs/ and
                                                   # tests/hostile/corpus/
    python scripts/make_bad_fixtures.py --big DIR  # also writes the big inputs (50 MB text file, 15 MB of
                                                   # unclosed HTML tags, ...) into DIR (not committed)

``tests/fixtures/bad/`` is the reading layer's corpus (its file list is pinned by
``tests/reading/test_reading_bad.py``); ``tests/hostile/corpus/`` extends it with parser bombs (PDF
content streams and form XObjects, DOCX XML entities and tag floods), more encodings and hostile text,
for the end-to-end tests in ``tests/hostile/``. Expected decoded texts live in ``corpus/expected/``.

Deterministic (fixed seeds, fixed zip timestamps) and offline. Needs only the standard library, plus
python-docx for the DOCX files and pdfminer.six to check that the encrypted PDF really is one (both are
runtime dependencies of gapcheck). PDFs are written by hand, byte by byte, including the RC4
encryption (PDF standard security handler, revision 2), so no PDF-writing library is needed.

The outputs are committed; this script is only needed to regenerate them. The big inputs are never
committed: the tests create them in a temporary directory with :func:`write_big`.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import io
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
DOCS = ROOT / "tests" / "fixtures" / "docs"
HOSTILE = ROOT / "tests" / "hostile" / "corpus"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

ADVERT = (
    "We’re hiring a “Senior Python Developer” in Montréal – café culture, naïve questions welcome.\n"
    "You will build data pipelines with Python, SQL and Docker; experience with Kubernetes is a plus.\n"
    "Salary: 60 000 € – 75 000 € per year.\n"
)
ADVERT_LATIN1 = (
    'We are hiring a "Senior Python Developer" in Montréal - café culture, naïve questions welcome.\n'
    "You will build data pipelines with Python, SQL and Docker; experience with Kubernetes is a plus.\n"
    "Salary: 60 000 £ to 75 000 £ per year, façade repairs included (½ day off).\n"
)


# --------------------------------------------------------------------------------------------------------
# A small PDF writer
# --------------------------------------------------------------------------------------------------------

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252) bytes; \\x81/\\x8d stand for the fi/fl ligature glyphs."""
    raw = b"\x8d".join(
        b"\x81".join(part.encode("cp1252", errors="replace") for part in chunk.split("ﬁ"))
        for chunk in text.split("ﬂ")
    )
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


class PDF:
    """Objects are added in order; ``build`` writes header, objects, xref table and trailer."""

    def __init__(self) -> None:
        self.objects: list[
            tuple[bytes, bytes | None, bool] | None
        ] = []  # (dict or body, stream data, compress)

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects)

    def set(self, num: int, body: bytes, stream: bytes | None = None, compress: bool = False) -> int:
        self.objects[num - 1] = (body, stream, compress)
        return num

    def add(self, body: bytes, stream: bytes | None = None, compress: bool = False) -> int:
        self.objects.append((body, stream, compress))
        return len(self.objects)

    def build(
        self,
        root: int,
        *,
        encrypt_key: bytes | None = None,
        encrypt_obj: int | None = None,
        file_id: bytes | None = None,
    ) -> bytes:
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for num, entry in enumerate(self.objects, start=1):
            assert entry is not None, f"object {num} reserved but never set"
            body, stream, compress = entry
            offsets.append(len(out))
            out += b"%d 0 obj\n" % num
            if stream is None:
                out += body
            else:
                data = zlib.compress(stream, 9) if compress else stream
                if encrypt_key is not None and num != encrypt_obj:
                    objkey = hashlib.md5(encrypt_key + struct.pack("<I", num)[:3] + b"\x00\x00").digest()
                    data = rc4(objkey[: min(len(encrypt_key) + 5, 16)], data)
                extra = b" /Filter /FlateDecode" if compress else b""
                out += (
                    b"<< "
                    + body
                    + b" /Length %d" % len(data)
                    + extra
                    + b" >>\nstream\n"
                    + data
                    + b"\nendstream"
                )
            out += b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        trailer = b"<< /Size %d /Root %d 0 R" % (len(self.objects) + 1, root)
        if encrypt_obj is not None:
            trailer += b" /Encrypt %d 0 R" % encrypt_obj
        if file_id is not None:
            trailer += b" /ID [<" + file_id.hex().encode() + b"> <" + file_id.hex().encode() + b">]"
        out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def font_objects(pdf: PDF) -> bytes:
    """Helvetica and Helvetica-Bold (standard 14 fonts, WinAnsi plus fi/fl ligatures); returns /Font dict."""
    enc = pdf.add(b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [129 /fi 141 /fl] >>")
    f1 = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding %d 0 R >>" % enc)
    f2 = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding %d 0 R >>" % enc)
    return b"<< /F1 %d 0 R /F2 %d 0 R >>" % (f1, f2)


def text_ops(items: list[tuple[float, float, str, float, bool]]) -> bytes:
    """``(x, y, text, size, bold)`` -> content stream operators placing each text at (x, y)."""
    ops = [b"BT"]
    for x, y, text, size, bold in items:
        ops.append(
            b"/%s %g Tf 1 0 0 1 %g %g Tm %s Tj" % (b"F2" if bold else b"F1", size, x, y, pdf_string(text))
        )
    ops.append(b"ET")
    return b"\n".join(ops)


def simple_pdf(
    pages: list[bytes],
    *,
    compress: bool = True,
    encrypt_password: bytes | None = None,
    extra_resources: bytes = b"",
    extra_objects: list[tuple[bytes, bytes | None]] | None = None,
) -> bytes:
    """A PDF whose pages have the given content streams and share fonts (and ``extra_resources``)."""
    pdf = PDF()
    catalog = pdf.reserve()
    pages_obj = pdf.reserve()
    for body, stream in extra_objects or []:  # objects 3, 4, ...
        pdf.add(body, stream)
    fonts = font_objects(pdf)
    kids = []
    for content in pages:
        c = pdf.add(b"", content, compress)
        kids.append(
            pdf.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font %s %s >> /Contents %d 0 R >>"
                % (pages_obj, fonts, extra_resources, c)
            )
        )
    pdf.set(
        pages_obj,
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)),
    )
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    if encrypt_password is None:
        return pdf.build(catalog)
    file_id = hashlib.md5(b"gapcheck encrypted fixture").digest()
    user = (encrypt_password + PAD)[:32]
    owner = (b"owner-" + encrypt_password + PAD)[:32]
    o_value = rc4(hashlib.md5(owner).digest()[:5], user)
    p_value = -44
    key = hashlib.md5(user + o_value + struct.pack("<i", p_value) + file_id).digest()[:5]
    u_value = rc4(key, PAD)
    enc = pdf.add(
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (o_value.hex().encode(), u_value.hex().encode(), p_value)
    )
    return pdf.build(catalog, encrypt_key=key, encrypt_obj=enc, file_id=file_id)


def lines_page(
    lines: list[str], *, top: float = 740, left: float = 72, size: float = 11, leading: float = 15
) -> bytes:
    items = []
    y = top
    for line in lines:
        if line:
            bold = line.isupper() or line in ("Experience", "Education", "Skills", "Projects", "Summary")
            items.append((left, y, line, size + (2 if bold else 0), bold))
        y -= leading
    return text_ops(items)


CV_PAGE_1 = [
    "Jane Example",
    "jane@example.org | +44 20 7946 0000 | London",
    "",
    "Summary",
    "Backend engineer with eight years of Python and PostgreSQL, and a ﬂair for ﬁxing slow queries.",
    "",
    "Experience",
    "Senior Software Engineer, Acme Data Ltd (2019 - present)",
    "• Designed event pipelines in Python and Apache Kafka handling 2M messages a day.",
    "• Led the migration of 40 services to Kubernetes on AWS; cut hosting costs by 30%.",
    "• Mentored four junior engineers; introduced code review and CI with GitHub Actions.",
    "Software Engineer, Widgets plc (2015 - 2019)",
    "• Built REST APIs with Django and PostgreSQL for the order manage-",
    "ment system used by 300 shops.",
]
CV_PAGE_2 = [
    "Education",
    "BSc Computer Science, University of Leeds (2011 - 2015)",
    "",
    "Skills",
    "Python, Django, FastAPI, PostgreSQL, Redis, Docker, Kubernetes, Terraform, AWS",
]


def sample_cv_pdf() -> bytes:
    return simple_pdf([lines_page(CV_PAGE_1), lines_page(CV_PAGE_2)])


def two_column_pdf() -> bytes:
    """A sidebar CV: a narrow left column (contact, skills, languages) beside the main column."""
    items: list[tuple[float, float, str, float, bool]] = [(40, 750, "Alex Sidebar", 20, True)]
    side = [
        ("CONTACT", True),
        ("alex@example.org", False),
        ("+1 555 0100", False),
        ("Toronto, ON", False),
        None,
        ("SKILLS", True),
        ("Python", False),
        ("Go", False),
        ("PostgreSQL", False),
        ("Terraform", False),
        ("Kubernetes", False),
        None,
        ("LANGUAGES", True),
        ("English", False),
        ("French", False),
    ]
    y = 700.0
    for entry in side:
        if entry is None:
            y -= 22
            continue
        text, bold = entry
        items.append((40, y, text, 10, bold))
        y -= 14
    main = [
        ("PROFILE", True),
        ("Platform engineer who likes boring, reliable systems and", False),
        ("clear documentation. Eight years in fintech and health.", False),
        None,
        ("EXPERIENCE", True),
        ("Staff Engineer, Maple Payments, 2020 - present", True),
        ("• Runs the Kubernetes platform for 120 services across", False),
        ("three regions, with Terraform and Argo CD.", False),
        ("• Cut deploy time from 40 to 6 minutes.", False),
        None,
        ("Senior Engineer, North Clinics, 2016 - 2020", True),
        ("• Built the appointment API in Go and PostgreSQL.", False),
        ("• On-call lead for a 24/7 service with 99.95% uptime.", False),
        None,
        ("EDUCATION", True),
        ("BEng Software Engineering, University of Waterloo, 2016", False),
    ]
    y = 700.0
    for entry in main:
        if entry is None:
            y -= 9
            continue
        text, bold = entry
        items.append((200, y, text, 10, bold))
        y -= 14
    return simple_pdf([text_ops(items)])


# --------------------------------------------------------------------------------------------------------
# Zip and DOCX helpers
# --------------------------------------------------------------------------------------------------------

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
DOC_TAIL = b"</w:body></w:document>"


def raw_zip(entries: list[tuple[str, bytes, int]]) -> bytes:
    """Write a zip by hand from ``(name, crc32 + raw-deflated data, declared uncompressed size)`` entries
    (as :func:`deflate` returns them), so the declared size can differ from the real one."""
    out = bytearray()
    central = bytearray()
    for name, payload, declared in entries:
        comp, crc = payload[4:], struct.unpack("<I", payload[:4])[0]
        name_b = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(comp), declared, len(name_b), 0
        )
        out += name_b + comp
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(comp),
            declared,
            len(name_b),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += name_b
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd_offset, 0)
    return bytes(out)


def deflate(data_chunks: list[bytes] | bytes, repeat: int = 1) -> tuple[bytes, int]:
    """Raw-deflate the chunks (each repeated ``repeat`` times); returns (crc + data, size)."""
    chunks = [data_chunks] if isinstance(data_chunks, bytes) else data_chunks
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = bytearray()
    crc = 0
    size = 0
    for chunk in chunks:
        for _ in range(repeat if len(chunk) > 1000 else 1):
            out += comp.compress(chunk)
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
    out += comp.flush()
    return struct.pack("<I", crc) + bytes(out), size


def docx_zip(document_xml_chunks: list[bytes], repeat: int = 1, declared: int | None = None) -> bytes:
    ct, ct_size = deflate(CONTENT_TYPES)
    rels, rels_size = deflate(RELS)
    doc, doc_size = deflate(document_xml_chunks, repeat)
    return raw_zip(
        [
            ("[Content_Types].xml", ct, ct_size),
            ("_rels/.rels", rels, rels_size),
            ("word/document.xml", doc, doc_size if declared is None else declared),
        ]
    )


def fixed_zip(data: bytes) -> bytes:
    """Re-zip with fixed timestamps so python-docx output is byte-for-byte reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            new.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(new, src.read(info))
    return buf.getvalue()


def python_docx(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return fixed_zip(buf.getvalue())


def sample_cv_docx(document) -> None:
    document.sections[0].header.paragraphs[0].text = "Sam Docx · sam@example.org · Leeds"
    document.add_heading("Sam Docx", level=0)
    document.add_heading("Experience", level=1)
    document.add_paragraph("Data Engineer, Example Analytics (2020 – present)")
    document.add_paragraph("Built ELT pipelines with dbt, Airflow and Snowﬂake.", style="List Bullet")
    document.add_paragraph("Cut the nightly batch from 5 hours to 40 minutes.", style="List Bullet")
    document.add_heading("Skills", level=1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Python, SQL, Scala"
    table.cell(1, 0).text = "Cloud"
    table.cell(1, 1).text = "AWS, GCP"
    document.add_heading("Education", level=1)
    document.add_paragraph("MSc Data Science, University of Sheffield\u00a0(2019)")


def whitespace_docx(document) -> None:
    document.add_paragraph("     ")
    document.add_paragraph("\t  ")
    document.add_paragraph("")


# --------------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------------

ADVERT_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Careers – Data Engineer | Example Corp</title>
<style>.hidden { display: none } h1 { color: #333 }</style>
<script>window.dataLayer = [{"page": "job"}]; function track() { alert("tracking") }</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav>
<noscript>Please enable JavaScript to apply.</noscript>
<main>
<h1>Data Engineer</h1><p>Example Corp &ndash; Berlin &amp; remote &middot; Full&nbsp;time</p>
<h2>About the role</h2>
<p>You will design <b>data pipelines</b> in <i>Python</i> and
   <a href="/sql">SQL</a>, and run them on <span>Apache&nbsp;Airflow</span>.</p>
<h2>Requirements</h2>
<ul><li>3+ years with Python<li>Experience with dbt or Spark</li>
<li>Good English; German is a plus</li></ul>
<div hidden>Internal reference: do-not-show-1</div>
<div style="display:none">do-not-show-2</div>
<template><p>do-not-show-3</p></template>
<table><tr><th>Salary</th><td>€60,000 – €75,000</td></tr><tr><th>Start</th><td>ASAP</td></tr></table>
<p>Write to us about &lt;script&gt; tags you have tamed.</p>
</main>
<script src="/app.js"></script>
</body></html>
"""

CV_HTML_SCRIPT = """<html><head><title>CV</title></head><body>
<h1>Robin Markup</h1>
<p>Skills: Python, <b>Django</b>, <code>&lt;b&gt;</code> tags &amp; CSS.</p>
<script>alert(1)</script>
<p>Writes &lt;script&gt;alert(1)&lt;/script&gt; in blog posts about XSS.</p>
<img src="x" onerror="alert(1)">
</body></html>
"""

ADVERT_HTML_SCRIPT = """<!doctype html><html><body>
<h2>QA Engineer</h2><script type="text/javascript">alert(1)</script>
<p>Test web apps with Selenium &amp; Cypress.</p><style>p{}</style>
<p onclick="alert(1)">Know the OWASP Top 10.</p>
</body></html>
"""


# --------------------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------------------


def bad_fixtures(source_pdf: bytes) -> dict[str, bytes]:
    rng = random.Random(20240601)
    files: dict[str, bytes] = {}
    for ext in ("txt", "pdf", "docx"):
        files[f"empty.{ext}"] = b""
    files["whitespace.txt"] = b"   \n\t\n  \r\n   "
    files["whitespace_bytes.pdf"] = b" \n\n \t \r\n"
    files["whitespace.pdf"] = simple_pdf(
        [text_ops([(72, 720, "      ", 12, False), (72, 700, "   ", 12, False)])]
    )
    files["whitespace.docx"] = python_docx(whitespace_docx)
    for ext in ("pdf", "docx", "txt"):
        files[f"random.{ext}"] = bytes(rng.getrandbits(8) for _ in range(4096))
    files["truncated.pdf"] = source_pdf[: len(source_pdf) // 2]
    real = Path("/work/shared/data/raw/resumes/pdf/rendercv_John_Doe_ClassicTheme_CV.pdf")  # MIT licence
    if real.is_file():
        data = real.read_bytes()
        files["truncated_real.pdf"] = data[: len(data) // 2]
    elif (BAD / "truncated_real.pdf").is_file():
        files["truncated_real.pdf"] = (BAD / "truncated_real.pdf").read_bytes()
    files["corrupt_stream.pdf"] = simple_pdf(
        [b"x\x9c" + bytes(rng.getrandbits(8) for _ in range(600))], compress=False
    ).replace(b"<<  /Length", b"<< /Filter /FlateDecode /Length")
    files["encrypted.pdf"] = simple_pdf([lines_page(CV_PAGE_1)], encrypt_password=b"secret")
    image = bytes((x * 32 + y * 4) % 256 for y in range(8) for x in range(8))
    files["image_only.pdf"] = simple_pdf(
        [b"q 400 0 0 500 100 150 cm /Im1 Do Q"],
        extra_resources=b"/XObject << /Im1 3 0 R >>",
        extra_objects=[
            (
                (
                    b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8"
                ),
                image,
            )
        ],
    )
    files["pages_5000.pdf"] = many_pages_pdf(5000)
    files["docx_renamed.pdf"] = python_docx(sample_cv_docx)
    files["pdf_renamed.docx"] = sample_cv_pdf()
    files["html_renamed.pdf"] = ADVERT_HTML_SCRIPT.encode()
    files["old_word.docx"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(
        rng.getrandbits(8) for _ in range(2048)
    )
    files["not_word.docx"] = deflate_zip_without_document()
    files["corrupt_xml.docx"] = docx_zip([DOC_HEAD + b"<w:p><w:r><w:t>unclosed"])
    spaces = b" " * (1 << 20)
    # 200 MB of spaces in document.xml, honestly declared: ~200 KB on disk.
    files["zip_bomb.docx"] = docx_zip(
        [DOC_HEAD + b'<w:p><w:r><w:t xml:space="preserve">', spaces, b"Python</w:t></w:r></w:p>" + DOC_TAIL],
        repeat=200,
    )
    # The same data, but the zip headers claim document.xml is only 4 KB.
    files["zip_bomb_lying.docx"] = docx_zip(
        [DOC_HEAD + b'<w:p><w:r><w:t xml:space="preserve">', spaces, b"Python</w:t></w:r></w:p>" + DOC_TAIL],
        repeat=200,
        declared=4096,
    )
    # Tiny data, but the headers claim 1 GB.
    files["zip_bomb_declared.docx"] = docx_zip(
        [DOC_HEAD + b"<w:p><w:r><w:t>Python</w:t></w:r></w:p>" + DOC_TAIL], declared=1 << 30
    )
    files["nested_divs.html"] = (
        b"<html><body>" + b"<div>" * 100_000 + b"Deeply nested Python developer" + b"</body></html>"
    )

    files["advert_cp1252.txt"] = ADVERT.encode("cp1252")
    files["advert_latin1.txt"] = ADVERT_LATIN1.encode("latin-1")
    files["advert_utf16_bom.txt"] = ADVERT.replace("\n", "\r\n").encode("utf-16")  # BOM + little-endian
    files["advert_utf8_bom.txt"] = b"\xef\xbb\xbf" + ADVERT.encode("utf-8")
    files["advert.expected.txt"] = ADVERT.encode("utf-8")
    files["advert_latin1.expected.txt"] = ADVERT_LATIN1.encode("utf-8")
    files["controls_invalid_utf8.txt"] = (
        "Python developer – Zürich\n".encode()
        + b"bell:\x07 escape:\x1b[31mred\x1b[0m formfeed:\x0c tab:\t end\r\n"
        + b"bad bytes: \xff\xfe and \xc3\x28 here\r"
        + "café “quoted” text\n".encode()
    )
    files["cv_script.html"] = CV_HTML_SCRIPT.encode()
    files["advert_script.html"] = ADVERT_HTML_SCRIPT.encode()
    files["cv_script.txt"] = b"Robin Markup\nSkills: Python, <b>Django</b> & CSS\n<script>alert(1)</script>\n"
    files["advert_script.txt"] = (
        b"QA Engineer\n<p>Test web apps with Selenium &amp; Cypress.</p>\n<script>alert(1)</script>\n"
    )
    files["cv.doc"] = b"not supported"
    files["README.md"] = README.encode()
    return files


def deflate_zip_without_document() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("notes/readme.txt", date_time=FIXED_TIME), "just a zip")
    return buf.getvalue()


def many_pages_pdf(n: int) -> bytes:
    """``n`` pages sharing one content stream and one font: ~110 bytes per page."""
    pdf = PDF()
    catalog = pdf.reserve()
    pages_obj = pdf.reserve()
    fonts = font_objects(pdf)
    content = pdf.add(b"", text_ops([(72, 720, "Page text", 12, False)]), True)
    kids = [
        pdf.add(
            b"<< /Type /Page /Parent %d 0 R /Resources << /Font %s >> /Contents %d 0 R >>"
            % (pages_obj, fonts, content)
        )
        for _ in range(n)
    ]
    pdf.set(
        pages_obj,
        b"<< /Type /Pages /MediaBox [0 0 612 792] /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % k for k in kids), n),
    )
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    return pdf.build(catalog)


# --------------------------------------------------------------------------------------------------------
# The hostile corpus (tests/hostile/corpus/): parser bombs, more encodings, hostile text
# --------------------------------------------------------------------------------------------------------

#: Decoded texts of the encoding fixtures (written to corpus/expected/<name>.txt as UTF-8).
CYRILLIC = (
    "Требуется разработчик Python. Опыт работы с SQL и Docker обязателен; знание Kubernetes — плюс.\n"
    "Зарплата: 200 000 руб. в месяц.\n"
)
JAPANESE = "Pythonエンジニア募集。SQLとDockerの経験が必要です。Kubernetesの知識があれば尚可。\n給与：年収600万円から800万円。\n"
CHINESE = "招聘Python开发工程师。需要SQL和Docker经验，熟悉Kubernetes者优先。\n薪资：每月两万元。\n"
MIXED_SCRIPTS = (
    "Skills\n"
    "• Python, SQL and Kubernetes 🚀👩🏽‍💻\n"
    "• \u202eesrever\u202c text and \u200fعربي\u200f with an RTL mark\n"
    "• Z\u0351\u0300a\u0301\u0302l\u0303g\u0304o\u0305 combining marks, e\u0301 vs é, ﬁ ligature\n"
    "• zero\u200bwidth\u200d joiners, non\u00a0breaking, line\u2028separator, para\u2029graph\n"
    "• 𝐁𝐨𝐥𝐝 𝑃𝑦𝑡ℎ𝑜𝑛, Ｆｕｌｌｗｉｄｔｈ ＳＱＬ, ＧＯ\n"
    "Experience\n"
    "Data engineer (2019 – 2024): Apache Airflow, dbt, Snowflake.\n"
)
#: Rich console markup, ANSI colour and screen-clearing sequences, an OSC 8 hyperlink and a bell: a report
#: must show them as text (or drop the control characters), never pass them to the terminal.
TERMINAL_ESCAPES = (
    "Skills\n"
    "Python [/] [bold]SQL[/bold] [link=http://evil.invalid]Docker[/link] [red]Kubernetes\n"
    "\x1b]8;;http://evil.invalid\x1b\\Go\x1b]8;;\x1b\\ and \x1b[2J\x1b[31mAWS\x1b[0m\x07\n"
    "Experience\n"
    "Data engineer at \x1b[1mAcme\x1b[0m (2019 – 2024): Python, Apache Airflow.\n"
)
#: Text that spaCy's tokenizer splits one character at a time, in quadratic time (see docs/limits.md).
PUNCTUATION_RUN = "Python developer. " + "'\"$%!?" * 200 + "\nSQL and Go.\n"


def custom_pdf(build) -> bytes:
    """``build(pdf, pages_obj, fonts)`` adds the page objects and returns the /Pages dict's body."""
    pdf = PDF()
    catalog = pdf.reserve()
    pages_obj = pdf.reserve()
    fonts = font_objects(pdf)
    body, catalog_extra = build(pdf, pages_obj, fonts)
    pdf.set(pages_obj, body)
    pdf.set(catalog, b"<< /Type /Catalog /Pages %d 0 R %s>>" % (pages_obj, catalog_extra))
    return pdf.build(catalog)


def page(pdf: PDF, pages_obj: int, resources: bytes, content: int, extra: bytes = b"") -> int:
    return pdf.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << %s >> /Contents %d 0 R %s>>"
        % (pages_obj, resources, content, extra)
    )


def cyclic_pages_pdf() -> bytes:
    """The page tree lists itself as one of its kids."""

    def build(pdf: PDF, pages_obj: int, fonts: bytes) -> tuple[bytes, bytes]:
        c = pdf.add(b"", text_ops([(72, 720, "Python developer", 12, False)]), True)
        p1 = page(pdf, pages_obj, b"/Font " + fonts, c)
        return b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>" % (p1, pages_obj), b""

    return custom_pdf(build)


def recursive_form_pdf() -> bytes:
    """A form XObject that draws itself."""

    def build(pdf: PDF, pages_obj: int, fonts: bytes) -> tuple[bytes, bytes]:
        form = pdf.reserve()
        pdf.set(
            form,
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font %s "
            b"/XObject << /X1 %d 0 R >> >>" % (fonts, form),
            b"BT /F1 12 Tf 72 720 Td (Python developer) Tj ET /X1 Do",
        )
        c = pdf.add(b"", b"/X1 Do")
        p1 = page(pdf, pages_obj, b"/Font %s /XObject << /X1 %d 0 R >>" % (fonts, form), c)
        return b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % p1, b""

    return custom_pdf(build)


def form_bomb_pdf(levels: int = 9, fanout: int = 10) -> bytes:
    """Form XObjects nested ``levels`` deep, each drawing the next ``fanout`` times: 3 KB that would draw
    ``10 * fanout ** levels`` glyphs (10 billion)."""

    def build(pdf: PDF, pages_obj: int, fonts: bytes) -> tuple[bytes, bytes]:
        prev = pdf.add(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font %s >>" % fonts,
            b"BT /F1 12 Tf 72 720 Td (Python SQL) Tj ET",
        )
        for _ in range(levels):
            prev = pdf.add(
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X %d 0 R >> >>"
                % prev,
                b"/X Do " * fanout,
            )
        c = pdf.add(b"", b"/X Do")
        p1 = page(pdf, pages_obj, b"/Font %s /XObject << /X %d 0 R >>" % (fonts, prev), c)
        return b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % p1, b""

    return custom_pdf(build)


def javascript_pdf() -> bytes:
    """A CV that asks to run JavaScript on opening and links to a web page and a remote file."""

    def build(pdf: PDF, pages_obj: int, fonts: bytes) -> tuple[bytes, bytes]:
        c = pdf.add(b"", lines_page(CV_PAGE_2), True)
        js = pdf.add(b"<< /S /JavaScript /JS (app.launchURL\\(\"http://tracker.invalid/open\"\\);) >>")
        link = pdf.add(
            b"<< /Type /Annot /Subtype /Link /Rect [72 600 300 620] "
            b"/A << /S /URI /URI (http://tracker.invalid/click) >> >>"
        )
        remote = pdf.add(
            b"<< /Type /Annot /Subtype /Link /Rect [72 560 300 580] "
            b"/A << /S /GoToR /F << /FS /URL /F (http://tracker.invalid/x.pdf) >> /D [0 /Fit] >> >>"
        )
        p1 = page(pdf, pages_obj, b"/Font " + fonts, c, b"/Annots [%d 0 R %d 0 R] " % (link, remote))
        return b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % p1, b"/OpenAction %d 0 R " % js

    return custom_pdf(build)


def xref_loop_pdf() -> bytes:
    """The trailer's /Prev points back at its own cross-reference table."""
    data = sample_cv_pdf()
    at = data.rindex(b"startxref\n")
    xref = int(data[at + 10 :].split(b"\n")[0])
    return data.replace(b"trailer\n<<", b"trailer\n<< /Prev %d" % xref)


def flood_pdf(ops: bytes, count: int) -> bytes:
    """One page: a line of text, then ``ops`` repeated ``count`` times (compressed: a few KB)."""
    return simple_pdf([b"BT /F1 12 Tf 72 720 Td (Python developer) Tj ET\n" + ops * count])


def docx_document(body: bytes, prolog: bytes = b"") -> bytes:
    return docx_zip(
        [
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog
            + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + body
            + DOC_TAIL
        ]
    )


def billion_laughs_docx() -> bytes:
    entities = b'<!ENTITY a0 "lollollollollollollollollollol">' + b"".join(
        b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    return docx_document(
        b"<w:p><w:r><w:t>Python &a9;</w:t></w:r></w:p>", b"<!DOCTYPE w:document [" + entities + b"]>\n"
    )


def xxe_docx() -> bytes:
    """External entities: a local file and a URL. Neither may be read."""
    return docx_document(
        b"<w:p><w:r><w:t>Python developer &local;&remote;</w:t></w:r></w:p>",
        b'<!DOCTYPE w:document [<!ENTITY local SYSTEM "file:///etc/passwd">'
        b'<!ENTITY remote SYSTEM "http://127.0.0.1:9/gapcheck-must-not-fetch">]>\n',
    )


def hostile_fixtures() -> dict[str, bytes]:
    rng = random.Random(20240607)
    files: dict[str, bytes] = {}
    # PDF
    files["pdf_stream_bomb.pdf"] = flood_pdf(b" ", 51 << 20)  # 51 MB of spaces in a 52 KB stream
    files["pdf_glyph_bomb.pdf"] = simple_pdf(
        [b"BT /F1 1 Tf 0 0 Td (" + b"Python SQL " * 40_000 + b") Tj ET"]  # 440,000 glyphs
    )
    files["pdf_form_bomb.pdf"] = form_bomb_pdf()
    files["pdf_noop_operators.pdf"] = flood_pdf(b"q Q ", 12_000_000)  # 12M operators that draw nothing
    files["pdf_operand_flood.pdf"] = flood_pdf(b"1 2 3 4 5 6 7 8 9 0 ", 2_000_000)  # no operator takes them
    files["pdf_path_flood.pdf"] = flood_pdf(b"0 0 m 1 1 l S\n", 2_000_000)
    files["pdf_cyclic_pages.pdf"] = cyclic_pages_pdf()
    files["pdf_recursive_form.pdf"] = recursive_form_pdf()
    files["pdf_deep_arrays.pdf"] = simple_pdf(
        [b"[" * 20_000 + b"]" * 20_000 + b"\nBT /F1 12 Tf 72 720 Td (Python developer) Tj ET"]
    )
    files["pdf_xref_loop.pdf"] = xref_loop_pdf()
    files["pdf_image_bomb.pdf"] = simple_pdf(
        [b"q 400 0 0 500 100 150 cm /Im1 Do Q\n" + lines_page(CV_PAGE_2)],
        extra_resources=b"/XObject << /Im1 3 0 R >>",
        extra_objects=[
            (
                b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceRGB "
                b"/BitsPerComponent 8 /Filter /FlateDecode",
                zlib.compress(b"\0" * (20 << 20), 9),
            )
        ],
    )
    files["pdf_javascript_links.pdf"] = javascript_pdf()
    # DOCX
    files["docx_xxe.docx"] = xxe_docx()
    files["docx_billion_laughs.docx"] = billion_laughs_docx()
    files["docx_deep_nesting.docx"] = docx_document(
        b"<w:sdt><w:sdtContent>" * 5000 + b"<w:p><w:r><w:t>Python</w:t></w:r></w:p>"
        + b"</w:sdtContent></w:sdt>" * 5000
    )
    files["docx_tag_bomb.docx"] = docx_zip([DOC_HEAD, b"<w:p/>" * 7_000_000, DOC_TAIL])  # 42 MB of XML
    # HTML
    files["empty.html"] = b""
    files["whitespace.html"] = b"  \n\t\r\n  "
    files["random.html"] = bytes(rng.getrandbits(8) for _ in range(4096))
    files["html_charset_zlib.html"] = (
        b'<html><head><meta charset="zlib"></head><body><h1>Data Engineer</h1>'
        b"<p>Python and SQL, caf\xe9 culture</p></body></html>"
    )
    files["html_unclosed_script.html"] = b"<html><body><script>var cv = 'Python developer';" + b" x" * 1000
    files["html_unclosed_comment.html"] = b"<html><body><p>Data Engineer</p><!-- " + b"Python SQL " * 1000
    files["html_entities.html"] = (
        b"<html><body><p>Python &#0; &#xD800; &#x110000; &#99999999999; &nosuch; &amp&lt;script&gt;"
        b" &#x202E;desrever&#x202C;</p></body></html>"
    )
    files["html_utf16.html"] = (
        "<html><body><h1>Data Engineer</h1><p>Python and SQL — café</p></body></html>".encode("utf-16")
    )
    # Plain text
    files["empty.md"] = b""
    files["pdf_renamed.txt"] = sample_cv_pdf()
    files["nul_bytes.txt"] = b"Python developer\x00 with SQL\x00\n" * 10
    files["utf16be_bom.txt"] = codecs.BOM_UTF16_BE + ADVERT.encode("utf-16-be")
    files["utf16le_no_bom.txt"] = ADVERT.encode("utf-16-le")
    files["utf32_bom.txt"] = ADVERT.encode("utf-32")
    files["cp1251.txt"] = CYRILLIC.encode("cp1251")
    files["shift_jis.txt"] = JAPANESE.encode("shift_jis")
    files["gb18030.txt"] = CHINESE.encode("gb18030")
    files["mixed_scripts.txt"] = MIXED_SCRIPTS.encode("utf-8")
    files["punctuation_run.txt"] = PUNCTUATION_RUN.encode()
    files["long_token.md"] = b"# Python\n\n" + b"a" * 200_000 + b" SQL\n"
    files["terminal_escapes.txt"] = TERMINAL_ESCAPES.encode("utf-8")
    files["crlf_cr_lf.txt"] = b"Skills\r\nPython\rSQL\nGo\r\n\r\nExperience\rDocker\n"
    files["README.md"] = HOSTILE_README.encode()
    return files


def expected_texts() -> dict[str, str]:
    """The text each readable encoding fixture of the hostile corpus must decode to."""
    return {
        "utf16be_bom.txt": ADVERT,
        "utf16le_no_bom.txt": ADVERT,
        "utf32_bom.txt": ADVERT,
        "cp1251.txt": CYRILLIC,
        "shift_jis.txt": JAPANESE,
        "gb18030.txt": CHINESE,
        "mixed_scripts.txt": MIXED_SCRIPTS,
        "punctuation_run.txt": PUNCTUATION_RUN,
        "terminal_escapes.txt": TERMINAL_ESCAPES,
        "crlf_cr_lf.txt": "Skills\nPython\nSQL\nGo\n\nExperience\nDocker\n",
    }


# Big inputs: written at test time (or with --big DIR), never committed.


def write_huge_text(path: Path, mb: int = 50) -> None:
    line = b"Python developer wanted. " * 4 + b"\n"
    with open(path, "wb") as f:
        f.writelines(line for _ in range(mb * 1024 * 1024 // len(line) + 1))


def write_tag_flood_html(path: Path, mb: int = 15) -> None:
    """Millions of unclosed tags (a stack that only grows), under the 20 MB file limit."""
    with open(path, "wb") as f:
        f.write(b"<html><body><p>Python developer</p>")
        f.writelines(b"<b>" * (1 << 20) for _ in range(mb // 3))


def write_many_parts_docx(path: Path, parts: int = 10_001) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=FIXED_TIME), CONTENT_TYPES)
        zf.writestr(zipfile.ZipInfo("_rels/.rels", date_time=FIXED_TIME), RELS)
        zf.writestr(
            zipfile.ZipInfo("word/document.xml", date_time=FIXED_TIME),
            DOC_HEAD + b"<w:p><w:r><w:t>Python</w:t></w:r></w:p>" + DOC_TAIL,
        )
        for i in range(parts - 3):
            zf.writestr(zipfile.ZipInfo(f"p/{i}", date_time=FIXED_TIME), b"")
    path.write_bytes(buf.getvalue())


def write_text_of(path: Path, chars: int) -> None:
    """A plausible advert of exactly ``chars`` characters (ASCII only, so also bytes), for the character
    limit."""
    para = (
        "Requirements\n* 5+ years of Python and SQL; Kubernetes and Terraform are a plus.\n"
        "* Build data pipelines with Apache Airflow and dbt on AWS.\n"
        "We offer remote work, a learning budget and a friendly team.\n"
    )
    path.write_text((para * (chars // len(para) + 1))[:chars], encoding="ascii")


BIG: dict[str, Callable[[Path], None]] = {
    "huge_50mb.txt": write_huge_text,
    "html_tag_flood.html": write_tag_flood_html,
    "docx_many_parts.docx": write_many_parts_docx,
    "text_at_char_limit.txt": lambda p: write_text_of(p, 300_000),
    "text_over_char_limit.txt": lambda p: write_text_of(p, 300_001),
}


def write_big(directory: Path, names: Iterable[str] | None = None) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name in names or BIG:
        BIG[name](directory / name)
        out.append(directory / name)
    return out


HOSTILE_README = """# Hostile-input corpus

Generated by `scripts/make_bad_fixtures.py` (deterministic; do not edit by hand). It extends
`tests/fixtures/bad/` (whose file list the reading tests pin) with parser bombs, more encodings and
hostile text; `tests/hostile/` runs every file of both folders through `gapcheck CV ADVERT` (and
`gapcheck screen`) and says what each must give. `expected/NAME.txt` holds the UTF-8 text an encoding
fixture must decode to. Big inputs (a 50 MB text file, 15 MB of unclosed HTML tags, a DOCX of 10,001
parts, texts at the character limit) are written at test time by `write_big`.
"""


README = """# Bad-input corpus for the reading layer

Generated by `scripts/make_bad_fixtures.py` (deterministic; do not edit by hand). Every file here must
make `gapcheck.reading.read_document` raise a one-line `ReadError` naming the file, except the
encoding fixtures (`advert_*.txt`, `controls_invalid_utf8.txt`, `*_script.*`), which must read
correctly. `*.expected.txt` hold the UTF-8 text the encoding fixtures must decode to.

The 50 MB text file is not committed; the tests create it in a temporary directory.
"""


IMAGE_8X8 = bytes((x * 32 + y * 4) % 256 for y in range(8) for x in range(8))
IMAGE_XOBJECT = (
    b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8",
    IMAGE_8X8,
)


def good_docs() -> dict[str, bytes]:
    return {
        "mostly_scanned.pdf": simple_pdf(
            [
                b"q 400 0 0 500 100 150 cm /Im1 Do Q\n"
                + text_ops([(72, 720, "Scanned CV, page 1", 12, False)])
            ],
            extra_resources=b"/XObject << /Im1 3 0 R >>",
            extra_objects=[IMAGE_XOBJECT],
        ),
        "sample_cv.pdf": sample_cv_pdf(),
        "two_column_cv.pdf": two_column_pdf(),
        "sample_cv.docx": python_docx(sample_cv_docx),
        "advert.html": ADVERT_HTML.encode(),
        "advert_mojibake.html": (
            "<html><body><h1>Cloud Engineer</h1><p>Weâ€™re looking for someone who knows AWS â€“ "
            "and Terraform.</p><p>Remote ﬁrst.</p></body></html>"
        ).encode(),
    }


def check_encrypted(data: bytes) -> None:
    """Make sure pdfminer sees the PDF as encrypted, and that the right password opens it."""
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:  # pragma: no cover
        print("pdfminer.six not installed: encrypted.pdf not verified", file=sys.stderr)
        return
    try:
        extract_text(io.BytesIO(data))
    except PDFPasswordIncorrect:
        pass
    else:
        raise SystemExit("encrypted.pdf opened without a password")
    text = extract_text(io.BytesIO(data), password="secret")
    if "Senior Software Engineer" not in text:
        raise SystemExit("encrypted.pdf did not decrypt with its password")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--big", type=Path, help="also write the big inputs (50 MB .txt ...) into this (uncommitted) directory"
    )
    args = parser.parse_args()
    BAD.mkdir(parents=True, exist_ok=True)
    DOCS.mkdir(parents=True, exist_ok=True)
    docs = good_docs()
    for name, data in docs.items():
        (DOCS / name).write_bytes(data)
    bad = bad_fixtures(docs["sample_cv.pdf"])
    check_encrypted(bad["encrypted.pdf"])
    for name, data in bad.items():
        (BAD / name).write_bytes(data)
    hostile = hostile_fixtures()
    (HOSTILE / "expected").mkdir(parents=True, exist_ok=True)
    for name, data in hostile.items():
        (HOSTILE / name).write_bytes(data)
    for name, text in expected_texts().items():
        (HOSTILE / "expected" / name).write_bytes(text.encode("utf-8"))
    if args.big:
        write_big(args.big)
    total = sum(len(d) for group in (bad, docs, hostile) for d in group.values())
    print(
        f"wrote {len(bad)} files to {BAD.relative_to(ROOT)}, {len(docs)} to {DOCS.relative_to(ROOT)} "
        f"and {len(hostile)} to {HOSTILE.relative_to(ROOT)} ({total / 1024:.0f} KB)"
    )


if __name__ == "__main__":
    main()

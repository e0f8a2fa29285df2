"""PDF reading on the real CVs and the generated fixtures: headings, words, reading order, cleanliness."""

from __future__ import annotations

import re

import pytest
from reading_paths import DOCS, real_pdf

from gapcheck.reading import read_document

RENDERCV = [
    "rendercv_John_Doe_ClassicTheme_CV.pdf",
    "rendercv_John_Doe_EngineeringresumesTheme_CV.pdf",
    "rendercv_John_Doe_ModerncvTheme_CV.pdf",
    "rendercv_John_Doe_Sb2novTheme_CV.pdf",
]
RENDERCV_HEADINGS = [
    "Welcome to RenderCV",
    "Education",
    "Experience",
    "Projects",
    "Publications",
    "Selected Honors",
    "Skills",
    "Patents",
    "Invited Talks",
]
CASES = {
    "sb2nov_sourabh_bajaj_resume.pdf": (
        ["Education", "Experience", "Projects"],
        [
            "TensorFlow",
            "Apache Beam",
            "Hadoop to Cassandra",
            "Amazon Redshift",
            "Georgia Institute of Technology",
        ],
    ),
    "awesome-cv_examples_cv.pdf": (
        [
            "Education",
            "Skills",
            "Experience",
            "Extracurricular Activity",
            "Honors & Awards",
            "Certificates",
            "Presentation",
            "Writing",
            "Program Committees",
        ],
        [
            "Kubernetes",
            "Terraform",
            "ArgoCD",
            "Node.js, Python, JAVA, OCaml, LaTeX",
            "Site Reliability Engineer",
        ],
    ),
    "awesome-cv_examples_resume.pdf": (
        ["Summary", "Work Experience", "Honors & Awards", "Certificates", "Education"],
        ["Kubernetes", "Terraform", "AWS VPC Lattice", "Istio, Cilium, Kuma, Consul"],
    ),
} | {
    name: (RENDERCV_HEADINGS, ["PyTorch, JAX, TensorFlow", "Kubernetes", "CUDA", "Princeton University"])
    for name in RENDERCV
}

BAD_CHARS = re.compile("[\ufb00-\ufb06\ue000-\uf8ff\u00ad\u00a0\ufffd\x00-\x08\x0b-\x1f]|\\(cid:|  ")


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {name: read_document(real_pdf(name)).text for name in CASES}


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_cv_headings_on_their_own_lines_and_key_words(texts: dict[str, str], name: str) -> None:
    text = texts[name]
    lines = set(text.splitlines())
    headings, words = CASES[name]
    for heading in headings:
        assert heading in lines, f"{name}: heading {heading!r} not on its own line"
    for word in words:
        assert word in text, f"{name}: {word!r} missing"


@pytest.mark.parametrize("name", sorted(CASES))
def test_real_cv_text_is_clean(texts: dict[str, str], name: str) -> None:
    text = texts[name]
    assert not BAD_CHARS.search(text), BAD_CHARS.search(text)
    assert "ﬁ" not in text and "ﬂ" not in text
    assert text == text.strip()
    assert "\n\n\n" not in text
    for line in text.splitlines():
        assert line == line.strip(" \t")


@pytest.mark.parametrize("name", RENDERCV)
def test_rendercv_entries_keep_their_lines_together(texts: dict[str, str], name: str) -> None:
    text = texts[name]
    nexus = text.rfind("\n", 0, text.index("Nexus AI")) + 1  # start of the entry's title line
    built = text.index("• Built foundation model infrastructure")
    dates = text.index("June 2023 – present")
    nvidia = text.index("NVIDIA Research")
    assert nexus < built < nvidia
    assert nexus <= dates < nvidia, "the entry's dates left the entry"
    # bullets are not interleaved with the date column
    for line in text.splitlines():
        if line.startswith("•"):
            assert not re.search(r"(Jan|May|June|July|Aug|Sept|Dec) 20\d\d", line.split("(")[0]), line
    # the date of each education entry stays with it, and stays in the Education section
    assert text.index("Education") < text.index("Sept 2018 – May 2023") < text.index("Thesis:")
    assert "top 5% of submissions)" in text  # "submis-\nsions" joined


def test_rendercv_classic_entry_shape(texts: dict[str, str]) -> None:
    text = texts["rendercv_John_Doe_ClassicTheme_CV.pdf"]
    assert (
        "Nexus AI, Co-Founder & CTO\tSan Francisco, CA\nJune 2023 – present\n2 years 10 months\n"
        "• Built foundation model infrastructure serving 2M+ monthly API requests with 99.97%\nuptime\n"
    ) in text


def test_rendercv_moderncv_dates_on_the_left(texts: dict[str, str]) -> None:
    text = texts["rendercv_John_Doe_ModerncvTheme_CV.pdf"]
    assert (
        "Education\nSept 2018 – May 2023 Princeton University, PhD in Computer Science – Princeton, NJ\n• Thesis"
        in text
    )


def test_rendercv_sb2nov_two_row_headers(texts: dict[str, str]) -> None:
    text = texts["rendercv_John_Doe_Sb2novTheme_CV.pdf"]
    assert (
        "Princeton University\tPrinceton, NJ\nPhD in Computer Science\tSept 2018 – May 2023\n• Thesis" in text
    )


def test_awesome_cv_rows_and_icons(texts: dict[str, str]) -> None:
    text = texts["awesome-cv_examples_cv.pdf"]
    assert "(+82) 10-9030-1843 | posquit0.bj@gmail.com | www.posquit0.com" in text
    for icon in ("HOUSE-CHIMNEY", "GITHUB-SQUARE", "LINKEDIN", "📱", "🖂"):
        assert icon not in text
    assert "Danggeun Pay Inc. (KarrotPay)\tSeoul, S.Korea\n" in text
    assert "\nPOSTECH(Pohang University of Science and Technology)\tPohang, S.Korea\n" in text
    assert "\n2021 2nd Place, AWS ASEAN AI/ML GameDay\tOnline\n2020 Finalist, DEFCON 28th" in text
    assert "Mar. 2010 - Aug. 2017" in text  # the soft-hyphen glyph the font uses for "-" became "-"
    assert "multi-account and multi-VPC" in text
    assert "over 20 enterprise systems" in text  # "en-\nterprise" joined


def test_sb2nov(texts: dict[str, str]) -> None:
    text = texts["sb2nov_sourabh_bajaj_resume.pdf"]
    assert text.startswith("Sourabh Bajaj\tEmail: sourabh@sourabhbajaj.com\n")
    assert "• Google\tMountain View, CA\nSoftware Engineer\tOct 2016 – Present\n• TensorFlow:" in text


def test_sample_cv_ligatures_and_hyphenation() -> None:
    doc = read_document(DOCS / "sample_cv.pdf")
    assert doc.format == "pdf"
    assert "a flair for fixing slow queries" in doc.text
    assert "for the order management system used by 300 shops." in doc.text
    assert doc.text.splitlines()[:2] == ["Jane Example", "jane@example.org | +44 20 7946 0000 | London"]
    assert "\n\nEducation\n" in doc.text  # pages are separated by a blank line


def test_two_column_sidebar_is_read_column_by_column() -> None:
    text = read_document(DOCS / "two_column_cv.pdf").text
    assert "SKILLS\nPython\nGo\nPostgreSQL\nTerraform\nKubernetes" in text
    assert "LANGUAGES\nEnglish\nFrench" in text
    assert text.index("French") < text.index("PROFILE")
    assert (
        "• Runs the Kubernetes platform for 120 services across\nthree regions, with Terraform and Argo CD."
        in text
    )
    assert "EDUCATION\nBEng Software Engineering, University of Waterloo, 2016" in text


def test_mostly_scanned_pdf_reads_with_a_warning() -> None:
    doc = read_document(DOCS / "mostly_scanned.pdf")
    assert doc.text == "Scanned CV, page 1"
    assert any("scanned" in w for w in doc.warnings)

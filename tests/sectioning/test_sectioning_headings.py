"""Heading recognition: the forms PDF/DOCX/HTML text arrives in, and what must not be a heading."""

from __future__ import annotations

import pytest
from sectioning_helpers import assert_tiles, names

from gapcheck.sectioning import Section, section_at, split_sections
from gapcheck.sectioning.headings import normalize_heading


def split(text: str, doc_type: str = "cv") -> list[Section]:
    sections = split_sections(text, doc_type=doc_type)
    assert_tiles(text, sections)
    return sections


@pytest.mark.parametrize(
    "raw, norm",
    [
        ("E X P E R I E N C E", "experience"),
        ("W O R K   E X P E R I E N C E", "work experience"),
        ("## Skills", "skills"),
        ("### Work History ###", "work history"),
        ("**Education**", "education"),
        ("2. Professional Experience:", "professional experience"),
        ("IV. Projects", "projects"),
        ("  SKILLS & EXPERTISE :  ", "skills and expertise"),
        ("What you’ll do?", "what you'll do"),
        ("=== Certifications ===", "certifications"),
        ("\u200bSummary\u00a0", "summary"),
    ],
)
def test_normalize_heading(raw, norm):
    assert normalize_heading(raw) == norm


@pytest.mark.parametrize(
    "heading, name",
    [
        ("E X P E R I E N C E", "experience"),
        ("S K I L L S", "skills"),
        ("P R O F E S S I O N A L E X P E R I E N C E", "experience"),  # word gap lost
        ("## Skills", "skills"),
        ("# Education", "education"),
        ("**Projects**", "projects"),
        ("3. Education", "education"),
        ("1) Work Experience", "experience"),
        ("EDUCATION:", "education"),
        ("Professional Experience", "experience"),
        ("Employment History", "experience"),
        ("Relevant Experience", "experience"),
        ("Volunteer Experience", "experience"),
        ("Clinical Experience", "experience"),
        ("Licensure", "certifications"),
        ("Professional Registration", "certifications"),
        ("Licences and Certifications", "certifications"),
        ("Courses", "certifications"),
        ("Core Competencies", "skills"),
        ("Technical Skills", "skills"),
        ("Languages", "skills"),
        ("Tools & Technologies", "skills"),
        ("About Me", "summary"),
        ("Objective", "summary"),
        ("Personal Statement", "summary"),
        ("Publications", "other"),
        ("Hobbies and Interests", "other"),
        ("Languages Spoken", "other"),
        ("References", "other"),
        ("        Selected Projects", "projects"),  # indented, as pdftotext -layout writes it
    ],
)
def test_cv_heading_forms(heading, name):
    text = f"Jane Doe\njane@example.com\n\n{heading}\nSome content line\n"
    sections = split(text)
    assert names(sections) == ["header", name]
    assert sections[1].heading == heading.strip()
    assert sections[1].start == text.index(heading)


def test_skills_colon_heading_with_text_on_the_same_line():
    text = "Jane Doe\n\nSkills: Python, SQL, Docker\n\nExperience\nAcme Ltd, 2019 - 2023\n"
    sections = split(text)
    assert [(s.name, s.heading) for s in sections] == [
        ("header", None),
        ("skills", "Skills"),
        ("experience", "Experience"),
    ]
    start = sections[1].start
    assert text[start : start + 6] == "Skills"
    assert section_at(sections, text.index("Python")) == "skills"


def test_caps_heading_running_into_text():
    text = "Intro line.\nRESPONSIBILITIES Develop and implement a growth strategy .\nQUALIFICATIONS\nSQL\n"
    sections = split(text, "advert")
    assert [(s.name, s.heading) for s in sections] == [
        ("other", None),
        ("responsibilities", "RESPONSIBILITIES"),
        ("requirements", "QUALIFICATIONS"),
    ]


def test_sentences_starting_with_a_heading_word_are_not_headings():
    text = (
        "Jane Doe\n\nSummary\nExperience in retail and logistics.\nExperience with SAP is a plus\n"
        "Skills were honed in a fast-paced environment\nEducation matters to me.\n"
    )
    assert names(split(text)) == ["header", "summary"]


def test_long_lines_and_bullets_are_not_headings():
    text = (
        "Jane Doe\n\nExperience\n• Education\n- Skills\n* Projects\n"
        "Education and training of new staff across three sites in the region\n"
    )
    assert names(split(text)) == ["header", "experience"]


def test_wrapped_line_is_not_a_heading():
    text = "Jane Doe\n\nSummary\nI designed a new onboarding and browse\nexperience\nfor the web app.\n"
    assert names(split(text)) == ["header", "summary"]


def test_label_inside_a_cv_entry_is_not_a_section():
    text = (
        "Jane Doe\n\nExperience\nAcme Ltd, Engineer\n• Built the data platform\nTools: Python, Airflow\n"
        "• Ran the on-call rota\n"
    )
    sections = split(text)
    assert names(sections) == ["header", "experience"]
    assert section_at(sections, text.index("Ran the on-call")) == "experience"


def test_label_after_blank_line_in_a_cv_is_a_section():
    text = "Jane Doe\n\nExperience\nAcme Ltd, Engineer\n\nSkills: Python, SQL\nLanguages: English, French\n"
    sections = split(text)
    # "Languages:" belongs to the skills section already open: no split.
    assert [(s.name, s.heading) for s in sections] == [
        ("header", None),
        ("experience", "Experience"),
        ("skills", "Skills"),
    ]


def test_label_in_the_lead_of_a_cv_is_a_section():
    # DOCX text often has no blank lines between paragraphs.
    text = "Jane Doe\njane@example.com\nSkills: Python, SQL\nExperience\nAcme Ltd\n"
    assert names(split(text)) == ["header", "skills", "experience"]


def test_advert_inline_labels():
    text = (
        "Backend Engineer\n\nRequirements\n- 3+ years of Go\nNice to have: Kafka, gRPC\n"
        "Benefits: 30 days of holiday\n"
    )
    sections = split(text, "advert")
    assert [(s.name, s.heading) for s in sections] == [
        ("other", None),
        ("requirements", "Requirements"),
        ("preferred", "Nice to have"),
        ("benefits", "Benefits"),
    ]


def test_markdown_advert():
    text = (
        "# Data Engineer\n\n## About us\nWe build tools.\n\n## What you'll do\nBuild pipelines.\n\n"
        "## What we're looking for\nSQL.\n\n## Bonus points\ndbt.\n\n## Perks\nRemote.\n\n"
        "## How to apply\nEmail.\n"
    )
    assert names(split(text, "advert")) == [
        "other",
        "about",
        "responsibilities",
        "requirements",
        "preferred",
        "benefits",
        "other",
    ]


def test_advert_metadata_labels_are_not_requirements():
    text = "QA Engineer\nJob type:\nFull-time\nExperience level:\nSenior\nRole:\nQA/Test Developer\n"
    sections = split(text, "advert")
    assert "requirements" not in names(sections)


def test_question_headings():
    text = (
        "Intro.\nWhat would your role look like?\nYou build things.\nWho are we looking for?\nSomeone kind.\n"
        "What's in it for you?\nCake on Fridays.\nInterested?\nSend us your CV.\n"
    )
    assert names(split(text, "advert")) == ["other", "responsibilities", "requirements", "benefits", "other"]


def test_whitespace_lead_merges_into_first_section():
    text = "\n\n   \nEducation\nBSc\n"
    sections = split(text)
    assert [(s.name, s.start) for s in sections] == [("education", 0)]


def test_no_heading_and_empty_text():
    assert split("just a line of text", "advert") == [Section("other", 0, 19, None)]
    assert split_sections("", doc_type="cv") == [Section("header", 0, 0, None)]
    assert split_sections("", doc_type="advert") == [Section("other", 0, 0, None)]


def test_crlf_and_form_feed_offsets():
    text = "Jane Doe\r\n\r\nEducation\r\nBSc\r\n\fSkills\r\nPython\r\n"
    sections = split(text)
    assert [(s.name, s.heading) for s in sections] == [
        ("header", None),
        ("education", "Education"),
        ("skills", "Skills"),
    ]
    assert text[sections[2].start :].startswith("Skills")


def test_bad_doc_type():
    with pytest.raises(ValueError):
        split_sections("x", doc_type="letter")  # type: ignore[arg-type]


def test_text_is_not_modified_and_sections_are_frozen():
    text = "Jane\n\nS K I L L S\nPython\n"
    before = str(text)
    sections = split(text)
    assert text == before
    with pytest.raises(AttributeError):
        sections[0].name = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "heading",
    [
        "The successful candidate will:",
        "The ideal candidate",
        "Our ideal candidate has:",
        "The right person will have",
    ],
)
def test_candidate_headings_are_requirements(heading):
    text = f"Class Teacher\n\nThe role\nTeach Year 4.\n\n{heading}\n- Hold QTS\n"
    assert names(split(text, "advert")) == ["other", "responsibilities", "requirements"]

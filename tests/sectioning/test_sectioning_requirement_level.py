"""requirement_level: section defaults and cue words scoped to the sentence and clause."""

from __future__ import annotations

import pytest
from sectioning_helpers import USAJOBS, read

from gapcheck.sectioning import requirement_level, section_at, split_sections


def level(text: str, mention: str, section: str = "requirements", nth: int = 0) -> str:
    i = -1
    for _ in range(nth + 1):
        i = text.index(mention, i + 1)
    return requirement_level(text, i, i + len(mention), section)


@pytest.mark.parametrize(
    "text, mention, section, want",
    [
        # the brief's example: the cue is scoped to its clause
        ("Must have Python; Go is a plus", "Python", "requirements", "required"),
        ("Must have Python; Go is a plus", "Go", "requirements", "preferred"),
        ("Must have Python, Go is a plus", "Python", "requirements", "required"),
        ("Must have Python, Go is a plus", "Go", "requirements", "preferred"),
        ("Python is required and Go is a plus.", "Python", "requirements", "required"),
        ("Python is required and Go is a plus.", "Go", "requirements", "preferred"),
        ("You must know Python, Java and ideally Go.", "Java", "requirements", "required"),
        ("You must know Python, Java and ideally Go.", "Go", "requirements", "preferred"),
        ("Strong Java skills, Kotlin would be a plus", "Java", "requirements", "required"),
        ("Strong Java skills, Kotlin would be a plus", "Kotlin", "requirements", "preferred"),
        ("Preferably a Master in CS, minimum 3 years of Python", "Python", "requirements", "required"),
        ("Preferably a Master in CS, minimum 3 years of Python", "Master", "requirements", "preferred"),
        ("A degree is not required but SQL is essential", "SQL", "requirements", "required"),
        ("A degree is not required but SQL is essential", "degree", "requirements", "preferred"),
        ("Excellent English; German is optional", "English", "requirements", "required"),
        ("Excellent English; German is optional", "German", "requirements", "preferred"),
        # bullets and sentences are separate scopes
        ("• Python\n• Go is a plus", "Python", "requirements", "required"),
        ("Node.js and React are required.\nIdeally TypeScript.", "React", "requirements", "required"),
        ("Node.js and React are required.\nIdeally TypeScript.", "TypeScript", "requirements", "preferred"),
        ("Python\nDocker\nKubernetes is a plus", "Docker", "requirements", "required"),
        ("Python is a must. Docker is nice to have.", "Python", "requirements", "required"),
        ("Python is a must. Docker is nice to have.", "Docker", "requirements", "preferred"),
        # a wrapped line (next line in lower case) is the same sentence
        ("we use Python and\nideally Go", "Go", "requirements", "preferred"),
        # preferred cues
        ("Kubernetes knowledge is nice to have", "Kubernetes", "requirements", "preferred"),
        ("Familiarity with Terraform is helpful", "Terraform", "requirements", "preferred"),
        ("Experience with AWS (preferred)", "AWS", "requirements", "preferred"),
        ("Bonus points for Rust", "Rust", "requirements", "preferred"),
        ("Experience in Node.js is a plus", "Node.js", "requirements", "preferred"),
        ("Desirable: experience with Kafka", "Kafka", "requirements", "preferred"),
        ("Knowledge of SQL is an advantage", "SQL", "requirements", "preferred"),
        ("Experience with Spinnaker is beneficial", "Spinnaker", "requirements", "preferred"),
        ("It would be great if you have Scala experience", "Scala", "requirements", "preferred"),
        ("Ideally you know GraphQL", "GraphQL", "requirements", "preferred"),
        ("Jira experience desired", "Jira", "requirements", "preferred"),
        # section defaults
        ("Experience with Docker", "Docker", "requirements", "required"),
        ("Experience with Docker", "Docker", "responsibilities", "required"),
        ("Experience with Docker", "Docker", "preferred", "preferred"),
        # in a preferred section a plain required cue does not count, an explicit one does
        ("Experience with Docker is required", "Docker", "preferred", "preferred"),
        ("You have Docker experience", "Docker", "preferred", "preferred"),
        ("You must have Docker experience", "Docker", "preferred", "required"),
        ("Docker is mandatory", "Docker", "preferred", "required"),
        # a preferred cue inside the requirements section makes it preferred
        ("Spark experience preferred", "Spark", "requirements", "preferred"),
        # a cue's scope: "ideally" governs what follows, "is a plus" what precedes
        ("Go. Ideally Rust", "Go", "requirements", "required"),
        ("Go. Ideally Rust", "Rust", "requirements", "preferred"),
        ("Go is a plus", "Go", "requirements", "preferred"),
    ],
)
def test_cases(text, mention, section, want):
    assert level(text, mention, section) == want


def test_cue_inside_the_mention_is_not_a_cue():
    text = "Experience with the Required Skills Framework"
    assert level(text, "Required Skills Framework", "preferred") == "preferred"


def test_bad_span():
    with pytest.raises(ValueError):
        requirement_level("abc", 2, 5, "requirements")


def test_in_a_real_advert():
    # usajobs_32: "Preferred Experience/Characteristics: ..." runs on after a sentence with no space.
    text = read(next(p for p in USAJOBS if p.name.startswith("usajobs_32_")))
    sections = split_sections(text, doc_type="advert")
    i = text.index("Advanced Cardiac Life Support")
    assert section_at(sections, i) == "requirements"
    assert requirement_level(text, i, i + 29, "requirements") == "preferred"
    j = text.index("Magnetic Resonance Imaging (MRI)")
    assert requirement_level(text, j, j + 26, "requirements") == "required"

"""Mention.in_section is dataclasses.replace(m, section=...), field for field."""

from dataclasses import fields, replace

from gapcheck.extraction.mention import Mention


def test_in_section_is_replace_of_the_section():
    m = Mention("esco:x", "Python", "hard", "python", 3, 9, "skills", loose=True, confidence=0.25)
    assert m.in_section("requirements") == replace(m, section="requirements")
    # A field added to Mention must be carried over by in_section too.
    assert [f.name for f in fields(Mention)] == ["skill_id", "name", "kind", "text", "start", "end", "section",
                                                 "loose", "confidence"]

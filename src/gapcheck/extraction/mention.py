"""What extraction returns: one skill mention at a character span of a document's text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SkillKind = Literal["hard", "soft"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a skill in a text.

    Attributes:
        skill_id: canonical id (``esco:<uuid>``, ``onet:<id>``, ``gapcheck:<slug>``, ``custom:<slug>``).
        name: the skill's display name.
        kind: ``hard`` or ``soft``.
        text: the mentioned text, exactly ``document_text[start:end]``.
        start: character offset of the first character, into the document's text.
        end: character offset one past the last character.
        section: the section the mention sits in (``skills``, ``requirements`` ...), or ``other``.
        loose: found as a verb and its object a few words apart ("maintain strong relationships with
            customers" for "maintain customer relationships"), not as a phrase: good enough to match,
            too weak to call a gap on its own.
        confidence: for adverts, the span tagger's probability that these words are a skill the advert
            asks for (see :mod:`gapcheck.extraction.tagger`); None where the tagger was not run (CVs).
    """

    skill_id: str
    name: str
    kind: SkillKind
    text: str
    start: int
    end: int
    section: str = "other"
    loose: bool = False
    confidence: float | None = None

    def in_section(self, section: str) -> Mention:
        """This mention in ``section``: ``dataclasses.replace(self, section=section)`` without its
        per-call look at the fields (a listing's mentions are all given their section)."""
        return Mention(self.skill_id, self.name, self.kind, self.text, self.start, self.end, section, self.loose,
                       self.confidence)

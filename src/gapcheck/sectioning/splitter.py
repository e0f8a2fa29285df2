"""Splitting a CV or advert into titled sections.

A heading is recognised on a line of its own, when the whole line is short (at most
:data:`MAX_HEADING_WORDS` words once normalised) and matches a rule; or at the start of a line, as a
label followed by the rest of the line ("Skills: Python, SQL", "RESPONSIBILITIES Develop ..."), when
the label matches a rule exactly. Ordinary sentences that merely start with "Experience" never match,
because rules must match the whole normalised heading.

Extra care, learnt from real documents:

* a line that starts with a bullet ("• Experience") is a list item, never a heading;
* a lower-case one-line "heading" right after a line that does not end a sentence is a wrapped
  continuation ("... browse\\nexperience"), not a heading;
* in a CV, a "Label: text" line only opens a new section when it follows a blank line or another
  heading, or sits in the untitled lead (a "Tools: Python, Docker" line inside a job entry is part of
  the entry);
* a "Label: text" line whose label maps to the section already open does not split it ("Languages:
  ..." inside Skills, "Basic Requirements: ..." inside QUALIFICATIONS).

The sections tile the text: the first starts at 0, each ends where the next starts, the last ends at
``len(text)``. A section starts at the start of its heading's line. The text is never modified.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from gapcheck.sectioning.headings import WS, is_bullet, join_spaced_letters, normalize_heading
from gapcheck.sectioning.rules import SectionRules, load_rules

DocType = Literal["cv", "advert"]

MAX_HEADING_WORDS = 8
MAX_HEADING_CHARS = 80
MAX_LABEL_CHARS = 60

# "Label: rest" — the label has no sentence punctuation and is at most MAX_LABEL_CHARS long.
_LABEL_RE = re.compile(rf"([^:.!?\n]{{1,{MAX_LABEL_CHARS}}}?)\s*:\s*(?=\S)")
# "ALL CAPS LABEL Then text" (no colon), as in "RESPONSIBILITIES Develop and implement ...".
_CAPS_LABEL_RE = re.compile(r"([A-Z][A-Z0-9&/,'’ -]*[A-Z])\s+(?=[A-Z]?[a-z])")
_ENDS_SENTENCE = frozenset(".:!?;")
_CONTINUATION_RE = re.compile(
    r"(?:of|and|or|nor|to|in|for|with|the|a|an|on|at|by|from|as|that|which|who|whose|is|are|was|were|be|"
    r"into|than|such|including|across|within|without)\b"
)
_BARE_BULLETS = frozenset("•·▪●◦‣⁃○■□➢►▶✓✔❖◆◇-–—*+>")


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a document.

    Attributes:
        name: the canonical category (``experience``, ``requirements`` ...).
        start: offset of the section's first character (the start of its heading's line).
        end: offset one past its last character (the start of the next section, or ``len(text)``).
        heading: the heading exactly as written (``text[i:j]`` for some i, j), or None for the
            untitled lead section.
    """

    name: str
    start: int
    end: int
    heading: str | None


def _standalone(stripped: str, rules: SectionRules) -> str | None:
    """The category of a line that is a heading on its own, or None."""
    if len(stripped) > MAX_HEADING_CHARS or is_bullet(stripped):
        return None
    norm = normalize_heading(stripped)
    if not norm or norm.count(" ") >= MAX_HEADING_WORDS:
        return None
    _, spaced = join_spaced_letters(stripped)
    hit = rules.match(norm, squashed=spaced)
    return hit[0] if hit else None


def _inline(stripped: str, rules: SectionRules) -> tuple[str, int] | None:
    """For a "Label: rest" or "CAPS LABEL Rest" line: (category, length of the label as written)."""
    if is_bullet(stripped):
        return None
    m = _LABEL_RE.match(stripped)
    if m is None:
        m = _CAPS_LABEL_RE.match(stripped)
        if m is None:
            return None
    label = m.group(1)
    norm = normalize_heading(label)
    if not norm or norm.count(" ") >= MAX_HEADING_WORDS:
        return None
    hit = rules.match(norm)
    if hit is None or not hit[1]:
        return None
    return hit[0], len(label.rstrip(WS))


def _wrapped(stripped: str, prev_end: str, lines: list[str], nxt: int, n_lines: int) -> bool:
    """True if a would-be heading line is really part of running text or of a list item:

    * it follows a line that is only a bullet mark ("*" then "Experience" then "developing ...");
    * it starts in lower case and continues an unfinished sentence ("... browse" / "experience");
    * the next line continues it with a lower-case function word ("Culture" / "of empowerment ...");
      a lower-case list ("Technologies" / "docker agile selenium") is fine.
    """
    if prev_end and prev_end in _BARE_BULLETS and len(lines[nxt - 2].strip(WS)) == 1:
        return True
    if stripped[0].islower() and prev_end and prev_end not in _ENDS_SENTENCE:
        return True
    if stripped[-1] in ":?" or stripped[0] == "#":
        return False
    if nxt < n_lines:
        return _CONTINUATION_RE.match(lines[nxt].lstrip(WS)) is not None
    return False


def split_sections(text: str, *, doc_type: DocType) -> list[Section]:
    """Split a document's text into sections that tile it.

    Args:
        text: the document's plain text (any offsets later reported index this exact string).
        doc_type: ``"cv"`` or ``"advert"``: which heading rules apply.

    Returns:
        The sections in order, contiguous, the first starting at 0 and the last ending at
        ``len(text)``. An untitled lead (before the first heading) gets the rules' lead category
        (``header`` for CVs, ``other`` for adverts) and ``heading=None``; a lead that is only white
        space is merged into the first titled section. An empty text gives one empty lead section.
    """
    rules_all = load_rules()
    try:
        rules = rules_all.sections[doc_type]
    except KeyError:
        raise ValueError(f"doc_type must be 'cv' or 'advert', not {doc_type!r}") from None
    is_cv = doc_type == "cv"

    # (start offset, category, heading text) of every heading found.
    found: list[tuple[int, str, str]] = []
    current = rules.lead_category
    pos = 0
    prev_blank = True  # the document start counts as a blank line
    prev_heading = False
    prev_line_end = ""  # last non-space character of the previous line ("" if it was blank)
    lines = text.splitlines(keepends=True)
    n_lines = len(lines)
    for i, line in enumerate(lines):
        line_start = pos
        pos += len(line)
        stripped = line.strip(WS)
        if not stripped:
            prev_blank, prev_heading, prev_line_end = True, False, ""
            continue
        lead = len(line) - len(line.lstrip(WS))
        heading_hit: tuple[str, str] | None = None

        category = _standalone(stripped, rules)
        if category is not None:
            if not _wrapped(stripped, prev_line_end, lines, i + 1, n_lines):
                heading_hit = (category, stripped)
        else:
            inline = _inline(stripped, rules)
            if inline is not None:
                cat, label_len = inline
                if cat != current and (not is_cv or prev_blank or prev_heading or not found):
                    heading_hit = (cat, line[lead : lead + label_len])
        if heading_hit is not None:
            found.append((line_start, heading_hit[0], heading_hit[1]))
            current = heading_hit[0]
        prev_heading = heading_hit is not None
        prev_blank = False
        prev_line_end = stripped[-1]

    sections: list[Section] = []
    if not found:
        return [Section(rules.lead_category, 0, len(text), None)]
    first_start = found[0][0]
    if first_start > 0:
        if text[:first_start].strip(WS):
            sections.append(Section(rules.lead_category, 0, first_start, None))
        else:
            found[0] = (0, found[0][1], found[0][2])
    for i, (start, cat, heading) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        sections.append(Section(cat, start, end, heading))
    return sections


def section_at(sections: list[Section], offset: int) -> str:
    """The name of the section holding character ``offset`` (binary search over ``sections``).

    ``offset == len(text)`` (the end of the last section) counts as in the last section.

    Raises:
        ValueError: ``sections`` is empty or ``offset`` is outside the text.
    """
    if not sections:
        raise ValueError("no sections")
    if offset < sections[0].start or offset > sections[-1].end:
        raise ValueError(f"offset {offset} is outside the text (0..{sections[-1].end})")
    i = bisect_right(sections, offset, key=_start) - 1
    return sections[i].name


def _start(section: Section) -> int:
    return section.start

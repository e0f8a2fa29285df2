"""Normalising a candidate heading line so that rules can match it.

The normal form is what the ``literal`` and ``pattern`` rules in ``rules/*_sections.json`` are matched
against: lower-cased, Markdown ``#`` marks, emphasis, numbering and decorations stripped, spaced-out
letters joined ("E X P E R I E N C E" -> "experience"), a trailing colon / question mark / full stop
dropped, typographic apostrophes made plain, "&" spelt "and", runs of white space collapsed.

Nothing here touches the document text: these functions work on copies of single lines, and the
splitter keeps the offsets of the original.
"""

from __future__ import annotations

import re

# White space we strip around a line: ordinary white space plus the invisible characters PDF and HTML
# extraction leaves behind (no-break space, zero-width space/joiners, BOM).
WS = " \t\r\n\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\x85"

# A line that starts with a bullet followed by a space is a list item, never a heading.
_BULLET_RE = re.compile(r"[•·▪●◦‣⁃○■□➢►▶✓✔❖◆◇\-–—*+>]\s")
_MD_HASH_RE = re.compile(r"^#{1,6}(?=\s|[^#\s])\s*")
_MD_TRAIL_RE = re.compile(r"\s+#+$")
# "1.", "2)", "(3)", "1.2", "IV.", "b)" numbering before a heading.
_NUMBER_RE = re.compile(
    r"^(?:\(?(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,4}|[a-h])[.)]\s+|\d{1,2}(?:\.\d{1,2})+\s+|\d{1,2}\s+)",
    re.IGNORECASE,
)
_EDGE_DECOR = "=~_*|[]·•►▶■◆❖:;,.!?-–—/\\ \t"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u2010": "-", "\u2011": "-"})
_AMP_RE = re.compile(r"\s*&\s*")


def is_bullet(stripped: str) -> bool:
    """True if an already-stripped line starts with a bullet mark and a space."""
    return _BULLET_RE.match(stripped) is not None


def join_spaced_letters(s: str) -> tuple[str, bool]:
    """Join letter-spaced words: "E X P E R I E N C E" -> "EXPERIENCE".

    Words are taken to be separated by two or more spaces ("W O R K   H I S T O R Y" -> "WORK HISTORY").
    Returns the joined text and whether the letters were spaced out at all. When spaced letters are
    separated by single spaces only, word boundaries are lost; the caller then also tries the rules
    with spaces removed.
    """
    tokens = s.split()
    if len(tokens) < 3 or any(len(t) > 1 for t in tokens):
        return s, False
    words = re.split(r"\s{2,}", s.strip())
    return " ".join(w.replace(" ", "") for w in words), True


def normalize_heading(s: str) -> str:
    """Return the normal form of a candidate heading (see the module docstring)."""
    s = s.strip(WS)
    s, _ = join_spaced_letters(s)
    s = _MD_HASH_RE.sub("", s)
    s = _MD_TRAIL_RE.sub("", s)
    s = s.strip(_EDGE_DECOR)
    s = _NUMBER_RE.sub("", s)
    s = s.strip(_EDGE_DECOR)
    s = s.translate(_APOSTROPHES).lower()
    if "&" in s:
        s = _AMP_RE.sub(" and ", s)
    return " ".join(s.split())


def squash(s: str) -> str:
    """The normal form without any spaces, for letter-spaced headings whose word gaps were lost."""
    return s.replace(" ", "")

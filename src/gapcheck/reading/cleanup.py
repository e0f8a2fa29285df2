"""Tidying of text extracted from PDF, DOCX and HTML (never applied to plain-text files).

What :func:`clean_extracted` does, in order:

* repairs mojibake (``â€“`` -> ``–``, ``â€™`` -> ``’``) with ftfy, but only when the text contains a
  character pair that mojibake produces, so clean text never pays for ftfy's import and scan;
* expands Latin ligatures (``ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ``);
* soft hyphens: in a PDF a U+00AD is a drawn hyphen (some fonts map every hyphen to it), so it becomes
  ``-``; in DOCX and HTML it is an invisible break hint and is removed;
* PDF only: a word hyphenated across a line end (``require-\\nments``) is joined when the letters on both
  sides are lowercase;
* non-breaking and other fixed-width spaces become plain spaces; zero-width characters are removed;
  control characters other than tab and newline are removed;
* bullet glyphs at the start of a line (``• ◦ ▪ ● ‣ − – ■ ➢ ✓`` …, and private-use icon-font glyphs)
  become ``• ``; private-use glyphs elsewhere (icons) are dropped;
* runs of spaces collapse to one, lines are stripped, and more than one blank line in a row collapses.

Tabs are kept: the PDF reader uses one to separate cells of a visual row that are far apart (a job
title and, flush right, its dates).
"""

from __future__ import annotations

import re

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st", "Ĳ": "IJ", "ĳ": "ij"}
)

# A Latin-1 lead character followed by a character cp1252/Latin-1 shows for a UTF-8 continuation byte,
# or any C1 control: the fingerprints of UTF-8 read as cp1252/Latin-1.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
    "|[\u0080-\u009f]"
)

_SPACES = str.maketrans(
    {
        c: " "
        for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    }
    | {c: None for c in "\u200b\u200c\u200d\u2060\ufeff"}
    | {c: "\n" for c in "\u2028\u2029\x0b\x0c\x85"}
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_BULLETS = "•◦▪▫●○■□◆◇◼◾►▶▸▹‣⁃∙⦁⦾⦿➢➤➣➔→✓✔✗☐☑❖◉◘"
_DASH_BULLETS = "−–"  # minus sign and en dash: bullets only when a space follows
_PUA = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_LEADING_BULLET = re.compile(
    rf"^[ \t]*(?:[{_BULLETS}{_PUA}]+[ \t]*|[{_DASH_BULLETS}][ \t]+)(?=\S)", re.MULTILINE
)
# A bullet alone on its line, its text on the next line (a PDF that placed them apart).
_BULLET_THEN_NEWLINE = re.compile(
    rf"^[ \t]*[{_BULLETS}{_DASH_BULLETS}{_PUA}]+[ \t]*\n(?=[ \t]*\w)", re.MULTILINE
)
_LONE_BULLET = re.compile(rf"^[ \t]*[{_BULLETS}{_DASH_BULLETS}{_PUA}]+[ \t]*$", re.MULTILINE)
_PUA_ANY = re.compile(f"[{_PUA}]")
_MULTI_SPACE = re.compile(r" {2,}")
_SPACE_AROUND_TAB = re.compile(r" *\t[ \t]*")
_BLANK_LINES = re.compile(r"\n{3,}")


def _fix_mojibake(text: str) -> tuple[str, bool]:
    if not _MOJIBAKE_HINT.search(text):
        return text, False
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    fixed = ftfy.fix_text(text, config=config)
    return fixed, fixed != text


# First halves of compounds that keep their hyphen when a line break falls after it ("multi-\naccount").
_HYPHEN_PREFIXES = frozenset(
    # Only words that are rarely split by hyphenation themselves: "sub-", "re-", "in-", "pro-" ... are
    # break points of ordinary hyphenation ("sub-\nmissions"), so they are not here.
    [
        "self",
        "multi",
        "non",
        "cross",
        "well",
        "full",
        "part",
        "high",
        "low",
        "long",
        "short",
        "real",
        "open",
        "cloud",
        "data",
        "user",
        "client",
        "server",
        "front",
        "back",
        "hands",
        "state",
        "event",
        "test",
        "time",
        "team",
        "cost",
        "risk",
        "fine",
        "large",
        "small",
        "top",
        "day",
        "year",
        "life",
        "work",
        "problem",
        "decision",
        "customer",
        "market",
        "first",
        "one",
        "two",
        "three",
        "e",
    ]
)
_HYPHEN_WORDS = re.compile(r"((?:[^\W\d_]+-)*[^\W\d_]+)-\n([^\W\d_]+(?:-[^\W\d_]+)*)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _join_hyphenated(text: str) -> str:
    """Join words hyphenated across a line end: ``require-\nments`` -> ``requirements``.

    Only when the letters either side of the break are lowercase. The hyphen is kept (only the line
    break goes) when the document elsewhere spells the word with a hyphen, or, failing evidence either
    way, when the first half is a common compound prefix (``multi-``, ``self-``, ``cross-`` ...).
    """
    if "-\n" not in text:
        return text
    vocabulary: set[str] | None = None

    def repl(m: re.Match[str]) -> str:
        nonlocal vocabulary
        left, right = m.group(1), m.group(2)  # whole compounds: "state-of-the" / "art"
        if not (left[-1].islower() and right[0].islower()):
            return m.group(0)
        if vocabulary is None:
            vocabulary = {w.lower() for w in _WORD.findall(text)}
        if f"{left}-{right}".lower() in vocabulary:
            return f"{left}-{right}"
        if (left + right).lower() in vocabulary:
            return left + right
        if left.rsplit("-", 1)[-1].lower() in _HYPHEN_PREFIXES:
            return f"{left}-{right}"
        return left + right

    return _HYPHEN_WORDS.sub(repl, text)


def clean_extracted(text: str, *, kind: str) -> tuple[str, tuple[str, ...]]:
    """Tidy text extracted from a ``pdf``, ``docx`` or ``html`` document (see the module docstring).

    Returns:
        ``(text, warnings)``.
    """
    warnings: list[str] = []
    if not text.isascii():
        text, fixed = _fix_mojibake(text)
        if fixed:
            warnings.append("repaired mojibake (text that had been decoded with the wrong encoding)")
        text = text.translate(_LIGATURES)
        if kind == "pdf":
            text = text.replace("\u00ad", "-")
        else:
            text = text.replace("\u00ad", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    text = _CONTROLS.sub("", text)
    if not text.isascii():
        text = _BULLET_THEN_NEWLINE.sub("• ", text)
        text = _LONE_BULLET.sub("", text)
        text = _LEADING_BULLET.sub("• ", text)
        text = _PUA_ANY.sub("", text)
    text = _MULTI_SPACE.sub(" ", text)
    if "\t" in text:
        text = _SPACE_AROUND_TAB.sub("\t", text)
    lines = [line.strip(" \t") for line in text.split("\n")]
    text = "\n".join(lines)
    if kind == "pdf":
        text = _join_hyphenated(text)
    text = _BLANK_LINES.sub("\n\n", text).strip("\n")
    return text, tuple(warnings)

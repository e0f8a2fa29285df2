"""The job title of an advert."""

from __future__ import annotations

import re

from gapcheck.sectioning.headings import WS, is_bullet, normalize_heading
from gapcheck.sectioning.rules import load_rules

MAX_TITLE_WORDS = 14
MAX_TITLE_CHARS = 120
_SCAN_LINES = 40

# "Job title: X", "Position: X", "Title - X" ... (the label, then the title on the same line).
_LABEL_RE = re.compile(
    r"(?:job\s+title|position\s+title|title|job\s+position|position|vacancy|job\s+role|role|job)"
    r"\s*(?::|\s[-–—]\s)\s*(\S.*)$",
    re.I,
)
_STRONG_LABELS = re.compile(r"(?:job\s+title|position\s+title|title|job\s+position|position|vacancy)\b", re.I)
# Anonymisation placeholders (SkillSpan: <ORGANIZATION>, <LOCATION> ...).
_PLACEHOLDER_RE = re.compile(r"<[A-Z_]{2,}>")
# Gender markers: (m/f/d), ( m/w/d ), (f/m/x), (h/f), (all genders), m/f/d ...
_GENDER_RE = re.compile(
    r"\(\s*(?:[mfwdhx*]\s*/\s*){1,3}[mfwdhx*]\s*\)|\(\s*all\s+genders?\s*\)|\b[mfw]\s*/\s*[mfw]\s*/\s*[dx]\b",
    re.I,
)
_URL_RE = re.compile(r"https?://|www\.|@\S+\.\w", re.I)
_DATEISH_RE = re.compile(r"^(date posted|posted|likes|closing date|deadline)\b", re.I)
_LETTER_RE = re.compile(r"[^\W\d_]")


def _clean(s: str) -> str:
    s = _PLACEHOLDER_RE.sub(" ", s)
    s = _GENDER_RE.sub(" ", s)
    s = s.replace("()", " ").replace("( )", " ")
    s = " ".join(s.split())
    return s.strip(" -–—|,:;/*•")


def _plausible(s: str) -> bool:
    if not s or len(_LETTER_RE.findall(s)) < 2:
        return False
    if len(s) > MAX_TITLE_CHARS or len(s.split()) > MAX_TITLE_WORDS:
        return False
    if s[-1] in ".!?" or s[0].islower() or _URL_RE.search(s) or _DATEISH_RE.match(s):
        return False
    return True


def advert_title(text: str) -> str | None:
    """The job title of an advert, or None if nothing plausible.

    A "Job title: X" / "Position: X" / "Title: X" line near the top wins; otherwise the first
    non-empty line that is not only placeholders is taken if it looks like a title (short, not a
    sentence, not a section heading such as "JOB SUMMARY", not a URL or a date). Anonymisation
    placeholders ("<ORGANIZATION>") and gender markers ("(m/f/d)") are removed and white space is
    collapsed; the case is kept as written ("IT SPECIALIST (CUSTOMER SUPPORT)").
    """
    rules = load_rules().advert
    first: str | None = None
    role_label: str | None = None
    seen_first = False
    for n, line in enumerate(text.splitlines()):
        if n >= _SCAN_LINES:
            break
        stripped = line.strip(WS)
        if not stripped:
            continue
        m = _LABEL_RE.match(stripped)
        if m is not None:
            value = _clean(m.group(1))
            if _plausible(value):
                if _STRONG_LABELS.match(stripped):
                    return value
                role_label = role_label or value
        if not seen_first:
            cleaned = _clean(stripped)
            if not cleaned:
                continue  # a line of placeholders only
            seen_first = True
            norm = normalize_heading(stripped)
            if _plausible(cleaned) and not is_bullet(stripped) and rules.match(norm) is None and m is None:
                first = cleaned
    return first or role_label

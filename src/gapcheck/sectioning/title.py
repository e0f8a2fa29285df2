"""The job title of an advert."""

from __future__ import annotations

import re

from gapcheck.sectioning.headings import WS, is_bullet, normalize_heading
from gapcheck.sectioning.rules import SectionRules, load_rules

MAX_TITLE_WORDS = 14
MAX_TITLE_CHARS = 120
_SCAN_LINES = 40

# "Job title: X", "Position: X", "Title - X" ... (the label, then the title on the same line).
_LABEL_RE = re.compile(
    r"(?:job\s+title|position\s+title|title|job\s+position|position|vacancy|job\s+role|role|job)"
    r"\s*(?::|\s[-–—]\s)\s*(\S.*)$",
    re.IGNORECASE,
)
_STRONG_LABELS = re.compile(
    r"(?:job\s+title|position\s+title|title|job\s+position|position|vacancy)\b", re.IGNORECASE
)
# Anonymisation placeholders (SkillSpan: <ORGANIZATION>, <LOCATION> ...).
_PLACEHOLDER_RE = re.compile(r"<[A-Z_]{2,}>")
# Gender markers: (m/f/d), ( m/w/d ), (f/m/x), (h/f), (all genders), m/f/d ...
_GENDER_RE = re.compile(
    r"\(\s*(?:[mfwdhx*]\s*/\s*){1,3}[mfwdhx*]\s*\)|\(\s*all\s+genders?\s*\)|\b[mfw]\s*/\s*[mfw]\s*/\s*[dx]\b",
    re.IGNORECASE,
)
# What is left of "( in <LOCATION> )" once the placeholder is gone.
_EMPTY_PARENS_RE = re.compile(r"\(\s*(?:(?:in|at|on|or|and|de|-|,|/)\s*)?\)")
# "Title: X Tenure: Three years": a second label on the same line ends the value.
_NEXT_LABEL_RE = re.compile(r"\s+[A-Z][\w.]*\s?:\s")
_TRAILING_JOINER_RE = re.compile(r"(?:\s+(?:at|@|for|with|in|bei|chez|[-–—|,]))+$", re.IGNORECASE)
# Words that make a line a sentence rather than a job title.
_SENTENCE_WORD_RE = re.compile(
    r"\b(?:is|are|was|were|be|we|we're|you|you're|your|our|will|would|have|has|had|join|looking|seeking|"
    r"wanted|hiring|available|vacant|invites?)\b",
    re.IGNORECASE,
)
_FUNCTION_END_RE = re.compile(r"\b(?:the|a|an|as|of|to|by|and|or|on|from|into|within)$", re.IGNORECASE)
_FUNCTION_START_RE = re.compile(
    r"^(?:the|a|an|as|at|about|for|in|on|with|by|from|to|if|when|do|does|are|would|can|could|this|that|"
    r"these|our|your|we|you|join|looking|welcome|please)\b",
    re.IGNORECASE,
)
_TRAILING_DOTS_RE = re.compile(r"(?:\s+\.|\.{2,})[\s.]*$")
_URL_RE = re.compile(r"https?://|www\.|@\S+\.\w", re.IGNORECASE)
_DATEISH_RE = re.compile(r"^(date posted|posted|likes|closing date|deadline)\b", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")


def _clean(s: str) -> str:
    s = _PLACEHOLDER_RE.sub(" ", s)
    s = _GENDER_RE.sub(" ", s)
    s = s.replace("*", " ")
    s = _EMPTY_PARENS_RE.sub(" ", s)
    s = " ".join(s.split())
    s = _TRAILING_DOTS_RE.sub("", s)
    return s.strip(" -–—|,:;/*•")


def _plausible(s: str) -> bool:
    if not s or len(_LETTER_RE.findall(s)) < 2:
        return False
    if len(s) > MAX_TITLE_CHARS or len(s.split()) > MAX_TITLE_WORDS:
        return False
    first_word = s.split()[0]
    if s[-1] in ".!?" or not s[0].isalnum() or first_word.islower() or ":" in s:
        return False
    if _URL_RE.search(s) or _DATEISH_RE.match(s) or _SENTENCE_WORD_RE.search(s):
        return False
    return not (_FUNCTION_START_RE.match(s) or _FUNCTION_END_RE.search(s))


def _first_line_title(stripped: str, rules: SectionRules) -> str | None:
    """The title in the first non-empty line of an advert, or None if that line is not a title."""
    if is_bullet(stripped) or _LABEL_RE.match(stripped):
        return None
    # Flattened postings run the title straight into the company, address, metadata ...: keep what
    # precedes the first anonymisation placeholder.
    p = _PLACEHOLDER_RE.search(stripped)
    head = stripped[: p.start()] if p is not None and p.start() > 0 else stripped
    if head is not stripped and head.count("(") > head.count(")"):
        head = head[: head.rfind("(")]  # the cut fell inside "( in <LOCATION> )"
    title = _TRAILING_JOINER_RE.sub("", _clean(head))
    if head is not stripped and " " not in title and len(_clean(stripped).split()) > MAX_TITLE_WORDS:
        return None  # one word cut from the front of a long sentence: "Research <ORG> Do you ..."
    if not _plausible(title):
        return None
    if rules.match(normalize_heading(stripped)) or rules.match(normalize_heading(title)):
        return None  # a section heading ("JOB SUMMARY", "About us"), not a title
    return title


def advert_title(text: str) -> str | None:
    """The job title of an advert, or None if nothing plausible.

    A "Job title: X" / "Position: X" / "Title: X" / "Vacancy: X" line in the first 40 lines wins;
    otherwise the first non-empty line that is not only placeholders is taken if it looks like a title
    (short, not a sentence, not a section heading such as "JOB SUMMARY", not a URL or a date); failing
    that, a "Role: X" line. Anonymisation placeholders ("<ORGANIZATION>") and gender markers
    ("(m/f/d)") are removed and white space is collapsed; the case is kept as written
    ("IT SPECIALIST (CUSTOMER SUPPORT)").
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
            value = _clean(_NEXT_LABEL_RE.split(m.group(1), maxsplit=1)[0])
            if _plausible(value):
                if _STRONG_LABELS.match(stripped):
                    return value
                role_label = role_label or value
        if not seen_first and _clean(stripped):  # skip lines of placeholders only
            seen_first = True
            first = _first_line_title(stripped, rules)
    return first or role_label

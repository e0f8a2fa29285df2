"""Guess whether a document is a CV or a job advert, from its headings and its voice."""

from __future__ import annotations

import re
from typing import Literal

from gapcheck.sectioning.splitter import Section, split_sections

DocType = Literal["cv", "advert"]

# Adverts talk to the reader ("you will", "we offer") and about the job; CVs carry contact details at
# the top and date ranges of jobs held ("Mar. 2021 - Jun. 2023"; PDF text may have a soft hyphen as
# the dash). "application" is no advert word: CVs are full of software applications.
_ADDRESS_RE = re.compile(r"\b(?:you|your|you'll|you're|we|our|we're|we'll|us)\b", re.IGNORECASE)
_ADVERT_WORD_RE = re.compile(
    r"\b(?:apply|applicants?|candidates?|vacancy|position|salary|benefits|hiring|"
    r"responsibilities|requirements|qualifications|job)\b",
    re.IGNORECASE,
)
_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{7,}\d|linkedin\.com/in/", re.IGNORECASE)
_DATE_RANGE_RE = re.compile(
    r"\b(?:19|20)\d\d\s*(?:-|–|—|‒|\xad|to)\s*"
    r"(?:[a-z]{3,9}\.?\s+)?(?:(?:19|20)\d\d|present|current|now|today)\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\w+")
_ADDRESS_RATE = 0.01  # share of words; CVs measured 0-0.6 %, most adverts 1-5 %


def _tiebreak(text: str) -> DocType:
    """CV or advert, for a text whose headings do not decide."""
    words = len(_WORD_RE.findall(text)) or 1
    advert = (len(_ADDRESS_RE.findall(text)) / words >= _ADDRESS_RATE) + (
        len(_ADVERT_WORD_RE.findall(text)) >= 2
    )
    top = "\n".join(text.lstrip().splitlines()[:6])
    cv = (_CONTACT_RE.search(top) is not None) + (len(_DATE_RANGE_RE.findall(text)) >= 2)
    return "cv" if cv > advert else "advert"


def guess_doc_type_and_sections(text: str, doc_type: str | None = None) -> tuple[DocType, list[Section]]:
    """Return ``(doc_type, sections)``; with ``doc_type`` None, guess it.

    The guess splits the text both ways and counts the headings only one rule set recognises ("Work
    Experience", "Projects" are CV headings; "Responsibilities", "What we offer" advert ones; "Skills"
    or "Education" are both and count for neither). More such headings decide. A tie (also a text with
    no headings) is broken by the text itself: contact details in the first lines and two or more
    date ranges ("2019 - 2021", "2020 – present") speak for a CV; addressing the reader ("you", "we",
    "our": 1 % of the words or more) and advert words ("apply", "candidate", "salary" ...) for an
    advert; a draw goes to ``advert``, the more common input of batch commands.
    """
    if doc_type:
        if doc_type not in ("cv", "advert"):
            raise ValueError(f"doc_type must be 'cv' or 'advert', not {doc_type!r}")
        return doc_type, split_sections(text, doc_type=doc_type)  # type: ignore[return-value]
    cv = split_sections(text, doc_type="cv")
    ad = split_sections(text, doc_type="advert")
    cv_heads = {s.start for s in cv if s.heading is not None}
    ad_heads = {s.start for s in ad if s.heading is not None}
    n_cv, n_ad = len(cv_heads - ad_heads), len(ad_heads - cv_heads)
    if n_cv != n_ad:
        return ("cv", cv) if n_cv > n_ad else ("advert", ad)
    return ("cv", cv) if _tiebreak(text) == "cv" else ("advert", ad)

"""Sectioning: which part of a CV or job advert a character offset belongs to.

Documents arrive as plain text from the readers. :func:`split_sections` finds heading lines with the
rules in ``rules/*_sections.json`` (data, in the spirit of medspaCy's section rules) and returns
:class:`Section` objects that tile the text exactly; the text is never modified, so every offset
indexes the string as given.

Section names
    CV: ``header`` (the untitled lead: name, contact details, tag line), ``summary``, ``experience``,
    ``education``, ``skills``, ``projects``, ``certifications``, ``other`` (publications, awards,
    interests, references ...).

    Advert: ``other`` for the untitled lead (title line, intro), ``about`` (company / agency blurb;
    USAJOBS "JOB SUMMARY" too), ``responsibilities``, ``requirements`` (also the qualification
    sub-headings: Education, Experience, Licensure, Specialized Experience ...), ``preferred``,
    ``benefits``, ``other`` (how to apply, equal opportunity, metadata ...).

Other helpers: :func:`section_at` (offset -> section name), :func:`advert_title`,
:func:`requirement_level` (required / preferred for a skill mention in an advert),
:func:`guess_doc_type_and_sections` (CV or advert?) and :func:`load_rules` (reads and validates the
rules files; cached).

This package imports only the standard library (no spaCy).
"""

from __future__ import annotations

from gapcheck.sectioning.guess import guess_doc_type_and_sections
from gapcheck.sectioning.requirements import requirement_level
from gapcheck.sectioning.scope import (
    NON_REQUIREMENT_SECTIONS,
    company_voice_spans,
    holds_requirements,
    imperative,
    offer_spans,
)
from gapcheck.sectioning.rules import ADVERT_CATEGORIES, CV_CATEGORIES, Rules, load_rules
from gapcheck.sectioning.splitter import Section, section_at, split_sections
from gapcheck.sectioning.title import advert_title

__all__ = [
    "company_voice_spans",
    "imperative",
    "offer_spans",
    "NON_REQUIREMENT_SECTIONS",
    "holds_requirements",
    "ADVERT_CATEGORIES",
    "CV_CATEGORIES",
    "Rules",
    "Section",
    "advert_title",
    "guess_doc_type_and_sections",
    "load_rules",
    "requirement_level",
    "section_at",
    "split_sections",
]

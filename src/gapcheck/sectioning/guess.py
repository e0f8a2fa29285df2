"""Guess whether a document is a CV or a job advert from the headings each rule set finds."""

from __future__ import annotations

from gapcheck.sectioning.splitter import Section, split_sections


def guess_doc_type_and_sections(text: str, doc_type: str | None = None) -> tuple[str, list[Section]]:
    """Return ``(doc_type, sections)``; with ``doc_type`` None, the type whose rules find more headings
    (ties go to ``advert``, the more common input of batch commands)."""
    if doc_type:
        return doc_type, split_sections(text, doc_type=doc_type)  # type: ignore[arg-type]
    cv = split_sections(text, doc_type="cv")
    ad = split_sections(text, doc_type="advert")
    n_cv = sum(1 for s in cv if s.heading is not None)
    n_ad = sum(1 for s in ad if s.heading is not None)
    return ("cv", cv) if n_cv > n_ad else ("advert", ad)

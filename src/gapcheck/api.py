"""The library API: read, section, extract, score, compare, report. The CLI is a thin layer over this.

    >>> from gapcheck import analyze
    >>> report = analyze("cv.pdf", "advert.txt")
    >>> report.score.match, [g.name for g in report.gaps[:3]]
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from gapcheck.extraction.mention import Mention
from gapcheck.reading import Document, read_document
from gapcheck.reporting.model import DocInfo, Report
from gapcheck.sectioning import Section, advert_title, requirement_level, section_at, split_sections

Source = "str | os.PathLike[str] | Document"


@dataclass(frozen=True)
class AnalysedDocument:
    """A document with its sections and skill mentions (mentions carry their section)."""

    document: Document
    doc_type: str
    sections: list[Section]
    mentions: list[Mention]

    @property
    def text(self) -> str:
        return self.document.text

    def info(self, *, title: str | None = None) -> DocInfo:
        names: list[str] = []
        for s in self.sections:
            if s.name not in names:
                names.append(s.name)
        return DocInfo(self.document.source, tuple(names), self.document.text, title)


def _as_document(src) -> Document:
    if isinstance(src, Document):
        return src
    return read_document(src)


def analyse_document(src, doc_type: str, *, extractor=None) -> AnalysedDocument:
    """Read (if needed), section and extract one document."""
    from gapcheck.extraction import load_extractor

    doc = _as_document(src)
    sections = split_sections(doc.text, doc_type=doc_type)
    ex = extractor or load_extractor()
    mentions = [replace(m, section=section_at(sections, m.start)) for m in ex.extract(doc.text)]
    return AnalysedDocument(doc, doc_type, sections, mentions)


def analyze(cv, advert, *, extractor=None) -> Report:
    """Analyse a CV against a job advert.

    Args:
        cv: a path (PDF, DOCX, TXT, Markdown, HTML; ``-`` for standard input) or a
            :class:`~gapcheck.reading.Document` (see :func:`gapcheck.read_text` for text in memory).
        advert: the same, for the job advert.
        extractor: a :class:`~gapcheck.extraction.SkillExtractor`; the cached default if omitted.

    Returns:
        The :class:`~gapcheck.reporting.model.Report`.

    Raises:
        gapcheck.errors.GapcheckError: for unreadable input; the message names the file and the problem.
    """
    # Read both before any heavy work, so a bad second file fails at once.
    cv_src, ad_src = _as_document(cv), _as_document(advert)
    cv_doc = analyse_document(cv_src, "cv", extractor=extractor)
    ad_doc = analyse_document(ad_src, "advert", extractor=extractor)
    return compare_documents(cv_doc, ad_doc, extractor=extractor)


def compare_documents(cv_doc: AnalysedDocument, ad_doc: AnalysedDocument, *, extractor=None) -> Report:
    """Build the report from two analysed documents (the CV analysed once can be reused)."""
    from gapcheck.gaps.actions import top_actions
    from gapcheck.gaps.analysis import compare
    from gapcheck.gaps.relations import load_relations
    from gapcheck.scoring.coverage import score

    text = ad_doc.text
    title = advert_title(text)
    title_span = None
    if title:
        i = text.find(title)
        if i >= 0:
            title_span = (i, i + len(title))
    from gapcheck.extraction import load_extractor

    ad_mentions = (extractor or load_extractor()).requirement_mentions(text, ad_doc.mentions, ad_doc.sections)
    levels = {(m.start, m.end): requirement_level(text, m.start, m.end, m.section) for m in ad_mentions}
    cv_skills, advert_skills, matched, gaps = compare(
        cv_doc.mentions, ad_mentions, levels, load_relations(), title_span=title_span)
    sc = score(cv_doc.text, text, advert_skills, matched, gaps)
    report = Report(
        cv=cv_doc.info(), advert=ad_doc.info(title=title), score=sc, cv_skills=cv_skills,
        advert_skills=advert_skills, matched=matched, gaps=gaps,
    )
    report.actions = top_actions(report)
    return report


def extract_skills(src, *, doc_type: str = "cv", extractor=None) -> list[Mention]:
    """Skill mentions of one document, each with its section."""
    return analyse_document(src, doc_type, extractor=extractor).mentions

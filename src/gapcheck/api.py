"""The library API: read, section, extract, score, compare, report. The CLI is a thin layer over this.

    >>> from gapcheck import analyze
    >>> report = analyze("cv.pdf", "advert.txt")
    >>> report.score.match, [g.name for g in report.gaps[:3]]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gapcheck.extraction.mention import Mention
from gapcheck.reading import Document, read_document
from gapcheck.reporting.model import DocInfo, Report
from gapcheck.sectioning import Section, advert_title, requirement_level, section_at, split_sections



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


def compare_documents(cv_doc: AnalysedDocument, ad_doc: AnalysedDocument, *, extractor=None,
                      today=None) -> Report:
    """Build the report from two analysed documents (the CV analysed once can be reused)."""
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.actions import top_actions
    from gapcheck.gaps.analysis import add_terms, apply_groups, compare, year_shortfalls
    from gapcheck.gaps.claims import claim_items, find_claims
    from gapcheck.gaps.evidence import collect_evidence, find_roles
    from gapcheck.gaps.relations import load_relations
    from gapcheck.gaps.requirements import parse_requirements
    from gapcheck.scoring.coverage import score

    ex = extractor or load_extractor()
    text = ad_doc.text
    title = advert_title(text)
    title_span = None
    if title:
        i = text.find(title)
        if i >= 0:
            title_span = (i, i + len(title))
    ad_mentions = ex.requirement_mentions(text, ad_doc.mentions, ad_doc.sections)
    levels = {(m.start, m.end): requirement_level(text, m.start, m.end, m.section) for m in ad_mentions}
    credentials = {sid: ex.skill(sid).credential for sid in
                   {m.skill_id for m in ad_mentions} | {m.skill_id for m in cv_doc.mentions}
                   if ex.skill(sid).credential}
    terms = advert_terms(ex, text, ad_doc)
    from gapcheck.gaps.terms import mentions_from_terms

    reqs = parse_requirements(text, sorted(ad_mentions + mentions_from_terms(terms), key=lambda m: m.start),
                              title=title, credentials=credentials)
    traits = frozenset(m.skill_id for m in ad_mentions if ex.skill(m.skill_id).trait)
    cv_skills, advert_skills, matched, gaps = compare(
        cv_doc.mentions, ad_mentions, levels, load_relations(), title_span=title_span, traits=traits)
    add_terms(text, cv_doc.text, terms, ad_doc.sections,
              lambda a, b, sec: requirement_level(text, a, b, sec), advert_skills, matched, gaps,
              title_span=title_span)
    gaps, satisfied_groups = apply_groups(gaps, matched, reqs.groups)

    roles = find_roles(cv_doc.text, cv_doc.sections, today=today)
    evidence = collect_evidence(cv_doc.text, cv_doc.mentions, roles)
    shortfalls = year_shortfalls(reqs.years, matched, evidence)
    asked = {s.id: s.requirement for s in advert_skills}
    for mt in matched:  # the CV skill that stands for an advert skill is asked for too
        for ev_id, ev in evidence.items():
            if mt.via and ev.name == mt.via:
                asked.setdefault(ev_id, mt.requirement)
    claims = find_claims(cv_doc.text, cv_doc.mentions, evidence, roles, cv_doc.sections,
                         credentials=credentials, asked=set(asked),
                         tech=lambda sid: sid in ex.has_skill_index and ex.skill(sid).tech,
                         traits=frozenset(m.skill_id for m in cv_doc.mentions if ex.skill(m.skill_id).trait))
    from gapcheck.scoring.coverage import FIELD_SHRINK, field_profile, field_similarity

    for it in advert_skills:  # degrees weigh little in coverage
        if it.id in ex.has_skill_index and ex.skill(it.id).credential:
            it.details.setdefault("credential", ex.skill(it.id).credential)
    known = ex.has_skill_index
    cv_fields = field_profile([ex.skill(sid).fields for sid in {m.skill_id for m in cv_doc.mentions}
                               if sid in known and ex.skill(sid).fields])
    ad_field_lists = [ex.skill(it.id).fields for it in advert_skills if it.id in known and ex.skill(it.id).fields]
    field = field_similarity(cv_fields, field_profile(ad_field_lists))
    if field is not None:  # an advert naming few fields of work says little: shrink towards 0
        field *= len(ad_field_lists) / (len(ad_field_lists) + FIELD_SHRINK)
    sc = score(cv_doc.text, text, advert_skills, matched, gaps, groups=reqs.groups, field=field)
    report = Report(
        cv=cv_doc.info(), advert=ad_doc.info(title=title), score=sc, cv_skills=cv_skills,
        advert_skills=advert_skills, matched=matched, gaps=gaps,
        stretched_claims=claim_items(claims, asked=asked),
        requirements=reqs.to_dict(),
    )
    report.year_shortfalls = shortfalls
    report.satisfied_groups = satisfied_groups
    report.evidence = evidence
    report.roles = roles
    report.actions = top_actions(report)
    return report


def advert_terms(ex, text: str, ad_doc: AnalysedDocument):
    """Terms the taxonomy does not name, in the advert's requirement text (not its title line)."""
    from gapcheck.gaps.terms import find_terms
    from gapcheck.sectioning import company_voice_spans, holds_requirements

    first_nl = text.find("\n")
    title_end = first_nl if first_nl >= 0 else 0
    spans = [(max(s.start, title_end), s.end) for s in ad_doc.sections
             if holds_requirements(s) and s.end > title_end]
    voice = company_voice_spans(text)
    cut = []
    for a, b in spans:  # remove company-voice sentences from the spans
        pos = a
        for va, vb in voice:
            if vb <= pos or va >= b:
                continue
            if va > pos:
                cut.append((pos, va))
            pos = max(pos, vb)
        if pos < b:
            cut.append((pos, b))
    covered = [(m.start, m.end) for m in ad_doc.mentions if not m.loose]  # a loose match names no requirement
    terms = find_terms(text, cut, covered, is_english=ex.is_english)
    # A name the advert also uses in its title lines or its company blurb is the employer's or the
    # product's own ("Bluestem Biologics is seeking ..."), not a requirement.
    blurb = text[:title_end] + " " + " ".join(text[s.start:s.end] for s in ad_doc.sections
                                               if not holds_requirements(s))
    blurb = blurb.lower()
    return [t for t in terms if t.kind != "name" or t.text.lower() not in blurb]


def extract_skills(src, *, doc_type: str = "cv", extractor=None) -> list[Mention]:
    """Skill mentions of one document, each with its section."""
    return analyse_document(src, doc_type, extractor=extractor).mentions

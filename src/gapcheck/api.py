"""The library API: read, section, extract, score, compare, report. The CLI is a thin layer over this.

    >>> from gapcheck import analyze
    >>> report = analyze("cv.pdf", "advert.txt")
    >>> report.score.match, [g.name for g in report.gaps[:3]]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gapcheck.extraction.mention import Mention
from gapcheck.reading import Document, read_document
from gapcheck.reporting.model import DocInfo, Report
from gapcheck.sectioning import Section, section_at, split_sections



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
    if doc_type == "cv":  # "mentored by", "with a school-based mentor": guidance received, not given
        from gapcheck.extraction.pipeline import received

        mentions = [m for m in mentions if not received(doc.text, m.start, m.end)]
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
    """Build the report from two analysed documents (the CV analysed once can be reused).

    The skills, gaps and score are :func:`gapcheck.gaps.fit.compare_skills`' (what ``gapcheck screen``
    reports per listing); the rest of the report is built on them here.
    """
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.actions import top_actions
    from gapcheck.gaps.analysis import year_shortfalls
    from gapcheck.gaps.claims import claim_items, find_claims, sort_claims, term_claims, unnamed_claims
    from gapcheck.gaps.evidence import collect_evidence, find_roles
    from gapcheck.gaps.fit import CVSide, compare_skills
    from gapcheck.gaps.requirements import parse_requirements

    ex = extractor or load_extractor()
    side = CVSide.of(cv_doc, ex)
    fit = compare_skills(side, ad_doc, extractor=ex)
    matched = fit.matched
    credentials = {sid: ex.skill(sid).credential for sid in
                   {m.skill_id for m in fit.advert_mentions} | {m.skill_id for m in cv_doc.mentions}
                   if ex.skill(sid).credential}
    reqs = parse_requirements(ad_doc.text, fit.requirement_mentions, title=fit.title, credentials=credentials,
                              groups=fit.groups)
    roles = find_roles(cv_doc.text, cv_doc.sections, today=today)
    evidence = collect_evidence(cv_doc.text, cv_doc.mentions, roles)
    shortfalls = year_shortfalls(reqs.years, matched, evidence)
    asked = {s.id: s.requirement for s in fit.advert_skills}
    for mt in matched:  # the CV skill that stands for an advert skill is asked for too
        for ev_id, ev in evidence.items():
            if mt.via and ev.name == mt.via:
                asked.setdefault(ev_id, mt.requirement)
    claims = find_claims(cv_doc.text, cv_doc.mentions, evidence, roles, cv_doc.sections,
                         credentials=credentials, asked=set(asked),
                         tech=lambda sid: sid in ex.has_skill_index and ex.skill(sid).tech,
                         traits=frozenset(m.skill_id for m in cv_doc.mentions if ex.skill(m.skill_id).trait))
    term_kinds = {s.id: s.details["term_kind"] for s in fit.advert_skills if s.details.get("source") == "term"}
    claims += term_claims([mt for mt in matched if mt.details.get("source") == "term"], term_kinds, side.text,
                          cv_doc.sections, {c.skill_id for c in claims})
    claims = sort_claims(claims + unnamed_claims(cv_doc.text, cv_doc.sections, cv_doc.mentions,
                                                 [(r.start, r.end) for c in claims for r in c.mentions],
                                                 {c.skill_id for c in claims}), set(asked))
    report = Report(
        cv=cv_doc.info(), advert=ad_doc.info(title=fit.title), score=fit.score, cv_skills=fit.cv_skills,
        advert_skills=fit.advert_skills, matched=matched, gaps=fit.gaps,
        stretched_claims=claim_items(claims, asked=asked),
        requirements=reqs.to_dict(),
    )
    report.year_shortfalls = shortfalls
    report.satisfied_groups = fit.satisfied_groups
    report.evidence = evidence
    report.roles = roles
    report.actions = top_actions(report)
    return report


#: A header line under an advert's title: employer, place, hours and pay cut up by dashes, dots or bars,
#: with no full stop at its end.
_HEADER_LINE = re.compile(r"^[^\n.]*?[^\s\n][ \t]+[–—·|][ \t]+[^\n]*?(?<![.:])$", re.MULTILINE)

#: Words before a name that make it a tool in use, not the employer: "we currently use WinPath".
_TOOL_CUE = re.compile(r"\b(?:use|uses|using|used|run|runs|on|in|with|via)\s+(?:the\s+)?$")


def header_end(text: str, sections) -> int:
    """Where an advert's title and the header lines under it end: employer, place, pay, hours
    ("Northway Chilled Distribution – Daventry, Northamptonshire", "£38,000 – £44,000 basic + overtime +
    on-call + company van | Permanent"), which state no requirement."""
    first_nl = text.find("\n")
    title_end = first_nl if first_nl >= 0 else 0
    # Header lines under the title, before the first heading.
    if len(sections) > 1 and sections[0].name == "other" and all(
            len(line.split()) <= 15 and not line.rstrip().endswith(".")
            for line in text[sections[0].start:sections[0].end].splitlines()):
        title_end = max(title_end, sections[0].end)
    # ... and such lines under the title even when a blurb paragraph follows without a heading ("The Wild
    # Hare, Bibury – a Hedgerow Inns pub with rooms", "Saguaro Regional EMS · Mesa, Arizona · Full-time"):
    # short, cut up by dashes, dots or bars, no full stop at the end.
    for line in _HEADER_LINE.finditer(text, title_end + 1 if first_nl >= 0 else len(text)):
        if line.start() != title_end + 1 or len(line.group().split()) > 20:
            break
        title_end = line.end()
    return title_end


def advert_terms(ex, text: str, ad_doc: AnalysedDocument, *, title_end: int | None = None):
    """Terms the taxonomy does not name, in the advert's requirement text (not its title line);
    ``title_end``: ``header_end(text, ad_doc.sections)``, if already known."""
    from gapcheck.gaps.terms import find_terms
    from gapcheck.sectioning import company_voice_spans, holds_requirements, imperative, offer_spans

    if title_end is None:
        title_end = header_end(text, ad_doc.sections)
    spans = [(max(s.start, title_end), s.end) for s in ad_doc.sections
             if holds_requirements(s) and s.end > title_end]
    # A duty in the company's words ("Harden our Kubernetes clusters, including admission control with OPA
    # Gatekeeper") still names what the job does: its terms count.
    voice = sorted([v for v in company_voice_spans(text) if not imperative(text[v[0]:v[1]])] + list(offer_spans(text)))
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
    terms = find_terms(text, cut, covered, is_english=ex.is_english, is_verb=ex.is_verb)
    # A name the advert also uses in its title lines or its company blurb is the employer's or the
    # product's own ("Bluestem Biologics is seeking ..."), not a requirement.
    blurb = text[:title_end] + " " + " ".join(text[s.start:s.end] for s in ad_doc.sections
                                               if not holds_requirements(s))
    blurb = blurb.lower()

    def employers(t) -> bool:
        # A tool the employer says it uses ("we currently use WinPath") stays a requirement.
        hits = [m.start() for m in re.finditer(re.escape(t.text.lower()), blurb)]
        return bool(hits) and not all(_TOOL_CUE.search(blurb, max(0, h - 25), h) for h in hits)

    return [t for t in terms if (t.kind != "name" or not employers(t))
            and not _accreditor(text, t.start, t.end, t.kind) and not _schedule(t.text)]


#: When the work happens ("Fridays", "weekends and bank holidays", "nights"): the hours, not a skill.
_SCHEDULE_WORDS = frozenset("""monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday
fridays saturday saturdays sunday sundays weekend weekends weekday weekdays evening evenings night nights
morning mornings afternoon afternoons bank public holiday holidays shift shifts rota rotas overtime january
february march april may june july august september october november december and or every alternate other""".split())


def _schedule(term: str) -> bool:
    words = re.findall(r"[a-z]+", term.lower())
    return bool(words) and all(w in _SCHEDULE_WORDS for w in words) \
        and any(w not in ("and", "or", "every", "alternate", "other") for w in words)


#: A body that accredits the candidate's school or course, not something the candidate shows: "a Master's
#: from an ALA-accredited program", "a school accredited by ACEN or CCNE", "an IHEEM-approved course".
_ACCREDITED_AFTER = re.compile(r"[ \t]*-?[ \t]*(?:accredited|approved|validated)\b", re.IGNORECASE)
_ACCREDITED_BY = re.compile(r"\b(?:accredited|approved|validated|accreditation)[ \t]+(?:by|from)[ \t]+"
                            r"(?:the[ \t]+)?(?:[A-Z][\w&-]*[ \t]*(?:,|or|and|/)[ \t]*)*$", re.IGNORECASE)


#: ... or named in a sentence about accrediting bodies ("accredited by one of the following accrediting
#: bodies ...: The Accreditation Commission for Education in Nursing (ACEN) or ... (CCNE)").
_ACCREDITING = re.compile(r"\b(?:accredited[ \t]+by|accrediting[ \t]+(?:bod|agenc|organi)|accreditation[ \t]+"
                          r"(?:commission|council|board|bod|agenc))", re.IGNORECASE)


def _accreditor(text: str, start: int, end: int, kind: str = "name") -> bool:
    if re.search(r"-?(?:accredited|approved|validated)$", text[start:end], re.IGNORECASE) \
            or _ACCREDITED_AFTER.match(text, end) or _ACCREDITED_BY.search(text, max(0, start - 80), start):
        return True
    if kind not in ("acronym", "name"):
        # "... accredited by the NLNAC or CCNE and ... certification as a mental health nurse practitioner"
        return False
    before = text[max(0, start - 200):start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    return bool(_ACCREDITING.search(before, cut + 1))


def extract_skills(src, *, doc_type: str = "cv", extractor=None) -> list[Mention]:
    """Skill mentions of one document, each with its section."""
    return analyse_document(src, doc_type, extractor=extractor).mentions

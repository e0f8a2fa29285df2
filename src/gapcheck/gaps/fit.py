"""What the match score rests on: the advert's requirements against the CV's skills.

:func:`compare_skills` finds the advert's requirement mentions and their levels, its terms outside the
taxonomy and its either/or groups, matches them against the CV's skills, and scores the result. It is the
part of :func:`gapcheck.api.compare_documents` that a ``gapcheck screen`` row needs; the full report adds
what it alone shows (evidence and dated roles, year shortfalls, stretched claims, degrees, actions) on top
of the same :class:`SkillFit`, so a screen row and ``gapcheck CV ADVERT`` agree by construction.

:class:`CVSide` is what the comparison needs from the CV, computed once: screening compares one CV with
thousands of adverts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gapcheck.extraction.mention import Mention
from gapcheck.gaps.terms import CVText
from gapcheck.reporting.model import Score, SkillItem


@dataclass(frozen=True)
class CVSide:
    """The CV's side of every comparison (plain data: screening hands it to worker processes).

    Attributes:
        doc: the analysed CV (a :class:`gapcheck.api.AnalysedDocument`).
        text: its text prepared for looking up advert terms.
        narrower: advert skill id -> the CV skill that implies it (see ``Relations.narrower_index``).
        fields: its field-of-work profile (see :func:`gapcheck.scoring.coverage.field_profile`).
        vector: its TF-IDF vector.
        groups: its mentions by skill id (see :func:`gapcheck.gaps.analysis.group_mentions`).
        english: where the CV shows it is written in English (a line of its prose), or None when it is not
            (see :func:`gapcheck.gaps.analysis.english_prose`).
    """

    doc: Any
    text: CVText
    narrower: dict[str, str]
    fields: dict[str, float]
    vector: dict[str, float]
    groups: dict[str, list[Mention]] = None  # type: ignore[assignment]
    english: tuple[int, int] | None = None

    @classmethod
    def of(cls, doc, extractor) -> CVSide:
        """The CV side of an analysed CV (``extractor`` knows the skills' fields of work)."""
        from gapcheck.gaps.analysis import group_mentions
        from gapcheck.gaps.relations import load_relations
        from gapcheck.scoring.coverage import field_profile
        from gapcheck.scoring.tfidf import load_tfidf

        ex = extractor
        known = ex.has_skill_index
        fields = field_profile([ex.skill(sid).fields for sid in {m.skill_id for m in doc.mentions}
                                if sid in known and ex.skill(sid).fields])
        from gapcheck.gaps.analysis import english_prose

        groups = group_mentions(doc.mentions)
        return cls(doc, CVText(doc.text), load_relations().narrower_index(groups), fields,
                   load_tfidf().vector(doc.text), groups, english_prose(doc.text, ex.is_english))


@dataclass
class SkillFit:
    """The comparison of one advert with the CV: what the score and the gap lists come from.

    Attributes:
        title: the advert's job title, if found; ``title_span`` its offsets.
        advert_mentions: the advert mentions that state requirements.
        requirement_mentions: those and the advert's terms as mentions, by offset (what requirement
            parsing reads).
        groups: the advert's either/or groups.
        cv_skills, advert_skills, matched, gaps: the report's lists (gaps with groups applied).
        satisfied_groups: either/or groups a matched member satisfies.
        score: similarity, coverage and the match score.
    """

    title: str | None
    title_span: tuple[int, int] | None
    advert_mentions: list[Mention]
    requirement_mentions: list[Mention]
    groups: list
    cv_skills: list[SkillItem]
    advert_skills: list[SkillItem]
    matched: list[SkillItem]
    gaps: list[SkillItem]
    satisfied_groups: list[dict]
    score: Score


def compare_skills(cv: CVSide, ad_doc, *, extractor, cv_skills: bool = True) -> SkillFit:
    """Compare an analysed advert with the CV side of a CV; see the module docstring. ``cv_skills=False``
    leaves the fit's ``cv_skills`` empty (a screen row does not show them)."""
    from gapcheck.api import advert_terms, header_end
    from gapcheck.gaps.analysis import add_terms, apply_groups, compare, met_by_alternative, met_by_example, \
        met_by_writing
    from gapcheck.gaps.relations import load_relations
    from gapcheck.gaps.requirements import parse_groups
    from gapcheck.gaps.terms import LAW_NAME, mentions_from_terms
    from gapcheck.scoring.coverage import FIELD_SHRINK, field_profile, field_similarity, score
    from gapcheck.scoring.tfidf import load_tfidf
    from gapcheck.sectioning import advert_title, requirement_level

    ex = extractor
    text = ad_doc.text
    title = advert_title(text)
    title_span = None
    if title:
        i = text.find(title)
        if i >= 0:
            title_span = (i, i + len(title))
    ad_mentions = ex.requirement_mentions(text, ad_doc.mentions, ad_doc.sections)
    # the header lines under the title (employer, place, pay: "basic + overtime + on-call") ask for nothing
    first_nl, hdr = text.find("\n"), header_end(text, ad_doc.sections)
    if 0 <= first_nl < hdr:
        ad_mentions = [m for m in ad_mentions if not first_nl < m.start < hdr]
    levels = {(m.start, m.end): requirement_level(text, m.start, m.end, m.section) for m in ad_mentions}
    terms = advert_terms(ex, text, ad_doc, title_end=hdr)
    # a law is asked for as a whole: "Procurement" in "the Procurement Act 2023" is no purchasing skill
    laws = [(t.start, t.end) for t in terms if t.kind == "credential" and LAW_NAME.search(t.text)]
    if laws:
        ad_mentions = [m for m in ad_mentions if not any(a <= m.start and m.end <= b for a, b in laws)]
        levels = {k: v for k, v in levels.items() if not any(a <= k[0] and k[1] <= b for a, b in laws)}
    req_mentions = sorted(ad_mentions + mentions_from_terms(terms), key=lambda m: m.start)
    groups = parse_groups(text, req_mentions)
    traits = frozenset(m.skill_id for m in ad_mentions if ex.skill(m.skill_id).trait)
    cv_skills, advert_skills, matched, gaps = compare(
        cv.doc.mentions, ad_mentions, levels, load_relations(), title_span=title_span, traits=traits,
        narrower=cv.narrower, cv_text=cv.text.text, cv_groups=cv.groups, cv_skills=cv_skills)
    add_terms(text, cv.text, terms, ad_doc.sections,
              lambda a, b, sec: requirement_level(text, a, b, sec), advert_skills, matched, gaps,
              title_span=title_span)
    gaps, satisfied_groups = apply_groups(gaps, matched, groups)
    gaps = met_by_example(text, gaps, matched)
    gaps = met_by_alternative(text, gaps, matched, cv.text.text, getattr(cv.doc, "sections", ()))
    if cv.english is not None:
        gaps = met_by_writing(text, gaps, matched, cv.text.text, cv.english)

    # Evidence found in the CV's text (terms, acronyms, alternatives) is given its section, like the rest
    cv_sections = getattr(cv.doc, "sections", None)
    if cv_sections:
        from gapcheck.reporting.model import MentionRef
        from gapcheck.sectioning import section_at

        for it in matched:
            if any(r.section == "other" for r in it.mentions):
                it.mentions = [MentionRef(r.text, section_at(cv_sections, r.start), r.start, r.end)
                               if r.section == "other" else r for r in it.mentions]
    known = ex.has_skill_index
    for it in advert_skills:  # degrees weigh little in coverage
        if it.id in known and ex.skill(it.id).credential:
            it.details.setdefault("credential", ex.skill(it.id).credential)
    ad_field_lists = [ex.skill(it.id).fields for it in advert_skills
                      if it.id in known and ex.skill(it.id).fields]
    field = field_similarity(cv.fields, field_profile(ad_field_lists))
    if field is not None:  # an advert naming few fields of work says little: shrink towards 0
        field *= len(ad_field_lists) / (len(ad_field_lists) + FIELD_SHRINK)
    tfidf = load_tfidf()
    sc = score(tfidf.similarity(cv.vector, tfidf.vector(text)), advert_skills, matched, groups=groups,
               field=field)
    return SkillFit(title, title_span, ad_mentions, req_mentions, groups, cv_skills, advert_skills, matched,
                    gaps, satisfied_groups, sc)

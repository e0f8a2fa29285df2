"""The gap report: computed once, rendered many ways (terminal, JSON, Markdown, HTML, DataFrames).

:class:`Report` is the single source of truth. :meth:`Report.to_dict` is the JSON contract
(``schema_version`` 1); every renderer reads the same object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class MentionRef:
    """Where a skill is mentioned: ``document_text[start:end] == text``."""

    text: str
    section: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "section": self.section, "start": self.start, "end": self.end}


@dataclass(slots=True)
class SkillItem:
    """A skill as it appears in one list of the report.

    ``mentions`` point into the CV for ``cv_skills``, ``matched`` and ``stretched_claims`` (the evidence),
    and into the advert for ``advert_skills`` and ``gaps`` (where the advert asks for it).
    """

    id: str
    name: str
    kind: str
    mentions: list[MentionRef]
    requirement: str | None = None
    importance: float | None = None
    reason: str | None = None
    #: matched: the advert's mentions; gaps: nothing
    advert_mentions: list[MentionRef] = field(default_factory=list)
    #: matched via a narrower skill (the CV shows PostgreSQL, the advert asks for SQL): that skill's name
    via: str | None = None
    #: gaps: close relatives the CV does show (transferable skills), by name
    related: list[str] = field(default_factory=list)
    #: stretched claims: what to do about it
    advice: str | None = None
    #: free-form facts a renderer may show (years asked, evidence summary ...)
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *extra: str) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "name": self.name, "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        for k in extra:
            v = getattr(self, k)
            if k == "advert_mentions":
                v = [m.to_dict() for m in v]
            d[k] = v
        return d


@dataclass(frozen=True, slots=True)
class DocInfo:
    """A document as the report describes it."""

    source: str
    sections: tuple[str, ...]
    text: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Score:
    """The fit, see README "How the match score is computed"."""

    match: int
    similarity: float
    required_coverage: float
    preferred_coverage: float
    #: cosine of the two documents' field-of-work profiles (None when either names no field)
    field_similarity: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"match": self.match, "similarity": self.similarity,
                "required_coverage": self.required_coverage, "preferred_coverage": self.preferred_coverage,
                "field_similarity": self.field_similarity}


@dataclass(frozen=True, slots=True)
class Action:
    """One of the three things to address, with the evidence it rests on."""

    text: str
    skill_id: str | None = None
    kind: str = "learn"  # learn | prove | drop
    evidence: tuple[MentionRef, ...] = ()
    document: str = "advert"  # which document the evidence mentions point into

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "skill_id": self.skill_id, "document": self.document,
                "evidence": [m.to_dict() for m in self.evidence]}


@dataclass(slots=True)
class Report:
    """Everything gapcheck found for one CV against one advert."""

    cv: DocInfo
    advert: DocInfo
    score: Score
    cv_skills: list[SkillItem]
    advert_skills: list[SkillItem]
    matched: list[SkillItem]
    gaps: list[SkillItem]
    stretched_claims: list[SkillItem] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    requirements: dict[str, Any] = field(default_factory=dict)
    #: advert year requirements the CV falls short of: {"skill", "years_required", "years_shown", ...}
    year_shortfalls: list[dict[str, Any]] = field(default_factory=list)
    #: either/or groups the CV satisfies: {"skills", "text", "by"}
    satisfied_groups: list[dict[str, Any]] = field(default_factory=list)
    #: per CV skill id: where it is backed or asserted, the roles that show it (not in the JSON as is)
    evidence: dict[str, Any] = field(default_factory=dict, repr=False)
    roles: list[Any] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract, schema_version 1 (plus additive fields)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "cv": {"source": self.cv.source, "sections": list(self.cv.sections)},
            "advert": {"source": self.advert.source, "title": self.advert.title,
                       "sections": list(self.advert.sections)},
            "score": self.score.to_dict(),
            "cv_skills": [s.to_dict() for s in self.cv_skills],
            "advert_skills": [s.to_dict("requirement") for s in self.advert_skills],
            "matched": [s.to_dict("requirement", "advert_mentions", "via") for s in self.matched],
            "gaps": [s.to_dict("requirement", "importance", "related", "details") for s in self.gaps],
            "stretched_claims": [s.to_dict("reason", "advice", "requirement", "details")
                                 for s in self.stretched_claims],
            "actions": [a.text for a in self.actions],
            "action_details": [a.to_dict() for a in self.actions],
            "requirements": self.requirements,
            "year_shortfalls": self.year_shortfalls,
            "satisfied_either_or": self.satisfied_groups,
            "evidence": [
                {"id": sid, "name": ev.name, "backed": ev.is_backed, "months": ev.months,
                 "last_used": ev.last_used.isoformat() if ev.last_used else None,
                 "backed_in": [m.to_dict() for m in ev.backed], "asserted_in": [m.to_dict() for m in ev.asserted],
                 "with_result": [m.to_dict() for m in ev.with_result]}
                for sid, ev in self.evidence.items()
            ],
            "roles": [{"start": r.start, "end": r.end, "section": r.section, "from": r.began.isoformat(),
                       "to": r.ended.isoformat(), "current": r.current, "dates": r.dates_text}
                      for r in self.roles],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_markdown(self) -> str:
        from gapcheck.reporting.render import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        from gapcheck.reporting.render import render_html

        return render_html(self)

    def frames(self) -> dict[str, Any]:
        """The report as pandas DataFrames: ``skills`` (one row per advert or CV skill), ``gaps``,
        ``matched``, ``stretched_claims`` and ``mentions`` (one row per mention)."""
        from gapcheck.reporting.frames import report_frames

        return report_frames(self)

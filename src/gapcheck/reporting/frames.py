"""The report as pandas DataFrames, for notebooks (pandas is imported only here)."""

from __future__ import annotations

from typing import Any

from gapcheck.reporting.model import Report


def report_frames(report: Report) -> dict[str, Any]:
    import pandas as pd

    def rows(items, listname, doc):
        for it in items:
            yield {"list": listname, "id": it.id, "name": it.name, "kind": it.kind,
                   "requirement": it.requirement, "importance": it.importance, "via": it.via,
                   "related": ", ".join(it.related), "reason": it.reason, "mentions": len(it.mentions),
                   "document": doc}

    skills = pd.DataFrame([*rows(report.advert_skills, "advert", "advert"),
                           *rows(report.cv_skills, "cv", "cv")])
    gaps = pd.DataFrame(list(rows(report.gaps, "gap", "advert")))
    matched = pd.DataFrame(list(rows(report.matched, "matched", "cv")))
    claims = pd.DataFrame(list(rows(report.stretched_claims, "stretched", "cv")))
    mentions = pd.DataFrame([
        {"document": doc, "id": it.id, "name": it.name, "kind": it.kind, "text": m.text,
         "section": m.section, "start": m.start, "end": m.end}
        for doc, items in (("cv", report.cv_skills), ("advert", report.advert_skills))
        for it in items for m in it.mentions
    ])
    return {"skills": skills, "gaps": gaps, "matched": matched, "stretched_claims": claims,
            "mentions": mentions}

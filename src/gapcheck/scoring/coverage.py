"""Skill coverage and the combined match score (see README, "How the match score is computed")."""

from __future__ import annotations

from gapcheck.reporting.model import Score, SkillItem

#: TF-IDF cosine at which similarity counts in full. Measured on our corpus: a CV against an advert for
#: its own trade scores 0.15-0.35, against an unrelated trade 0.02-0.10; 0.35 and above is as similar as
#: a CV and an advert written separately get.
SIMILARITY_FULL = 0.35

#: Weights of required coverage, preferred coverage, text similarity and field similarity in the match
#: score. Field similarity (same fields of work, whatever the tools) carries the "is this my kind of job"
#: signal that exact skill coverage misses when an advert names few skills or other tools.
W_REQUIRED, W_PREFERRED, W_SIMILARITY, W_FIELD = 0.45, 0.10, 0.20, 0.25
#: Degrees weigh little in coverage: a Master's matches a Master's in any subject, so on an advert that
#: names few skills a degree match would otherwise pass for fit.
DEGREE_WEIGHT = 0.15


def _weight(item: SkillItem) -> float:
    # Hard skills count fully, soft skills 0.75 (the discount gap importance applies), degrees 0.3.
    if item.details.get("credential") == "degree":
        return DEGREE_WEIGHT
    return 1.0 if item.kind == "hard" else 0.75


def field_similarity(cv_fields: dict[str, float], advert_fields: dict[str, float]) -> float | None:
    """Cosine of two field-of-work profiles (each skill spreads one unit over its fields), or None if
    either has no field."""
    import math

    if not cv_fields or not advert_fields:
        return None
    dot = sum(v * cv_fields.get(k, 0.0) for k, v in advert_fields.items())
    na = math.sqrt(sum(v * v for v in advert_fields.values()))
    nc = math.sqrt(sum(v * v for v in cv_fields.values()))
    return dot / (na * nc) if na and nc else None


#: Field similarity from an advert with few field-bearing skills is noisy: it is shrunk by n / (n + k).
FIELD_SHRINK = 3


def field_profile(skill_fields: list[tuple[str, ...]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for fields in skill_fields:
        for f in fields:
            out[f] = out.get(f, 0.0) + 1.0 / len(fields)
    return out


def coverage(items: list[SkillItem], matched_ids: set[str], groups=()) -> float | None:
    """Weighted share of ``items`` that the CV covers, or None when there are none.

    An either/or group counts once, covered when any member is (its weight: its heaviest member's).
    """
    units: list[tuple[float, bool]] = []
    grouped: set[str] = set()
    ids = {i.id: i for i in items}
    for g in groups:
        members = [ids[s] for s in g.skill_ids if s in ids]
        if len(members) < 2:
            continue
        grouped.update(m.id for m in members)
        units.append((max(_weight(m) for m in members), any(m.id in matched_ids for m in members)))
    units += [(_weight(i), i.id in matched_ids) for i in items if i.id not in grouped]
    total = sum(w for w, _ in units)
    if not total:
        return None
    return sum(w for w, ok in units if ok) / total


def score(sim: float, advert_skills: list[SkillItem], matched: list[SkillItem], *, groups=(),
          field: float | None = None) -> Score:
    """Coverage and the 0-100 match score, given the TF-IDF similarity of the two texts (see
    :meth:`gapcheck.scoring.tfidf.TfidfModel.similarity`)."""
    ids = {m.id for m in matched}
    req = coverage([s for s in advert_skills if s.requirement == "required"], ids, groups)
    pref = coverage([s for s in advert_skills if s.requirement == "preferred"], ids, groups)
    s_part = min(1.0, sim / SIMILARITY_FULL)
    parts = [(W_SIMILARITY, s_part)]
    if field is not None:
        parts.append((W_FIELD, field))
    if req is not None:
        parts.append((W_REQUIRED, req))
    if pref is not None:
        parts.append((W_PREFERRED, pref))
    # Missing parts (an advert with no preferred skills) hand their weight to the others in proportion.
    total_w = sum(w for w, _ in parts)
    match = round(100 * sum(w * v for w, v in parts) / total_w)
    return Score(match=int(match), similarity=round(sim, 4), field_similarity=None if field is None else round(field, 4),
                 # Nothing asked at a level means nothing missing there: coverage 1.0 (the match score
                 # leaves that part out rather than reward it).
                 required_coverage=round(req if req is not None else 1.0, 4),
                 preferred_coverage=round(pref if pref is not None else 1.0, 4))

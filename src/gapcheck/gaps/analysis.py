"""Gap analysis: which advert skills the CV shows, which it lacks, and how much each gap matters.

Input is the skill mentions of both documents (with their sections); output is the lists of the report.
A CV skill satisfies an advert skill when it is the same skill, or a narrower one (the CV shows
PostgreSQL, the advert asks for SQL: ESCO's broader relations and ``data/curation/relations.jsonl``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from gapcheck.extraction.mention import Mention
from gapcheck.gaps.relations import Relations
from gapcheck.gaps.terms import CVText
from gapcheck.reporting.model import MentionRef, SkillItem

#: Weight of a gap by where the advert asks for it (the requirements list says most).
SECTION_WEIGHT = {"requirements": 1.0, "preferred": 1.0, "responsibilities": 0.85}
OTHER_SECTION_WEIGHT = 0.7
#: Soft skills are asked for everywhere and hard to verify from a CV; they weigh less than hard ones.
SOFT_WEIGHT = 0.75
#: A skill named in the job title is central to the role.
TITLE_BONUS = 0.25


def group_mentions(mentions: Iterable[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped by skill id, in first-mention order."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        out[m.skill_id].append(m)
    return dict(out)


def refs(mentions: Iterable[Mention]) -> list[MentionRef]:
    return [MentionRef(m.text, m.section, m.start, m.end) for m in mentions]


def skill_level(ms: list[Mention], levels: dict[tuple[int, int], str]) -> str:
    """One level for a skill from its mentions' levels.

    Required where the requirements list asks for it; otherwise preferred if any mention says so (the
    nice-to-have list or a "desirable" cue), even when the duties mention it too ("build pipelines with
    Airflow" under duties, "Airflow is desirable" under requirements); otherwise required (duties and
    untitled text state what the job needs).
    """
    lv = [levels.get((m.start, m.end), "required") for m in ms]
    if any(v == "required" and m.section == "requirements" for v, m in zip(lv, ms)):
        return "required"
    if any(v == "preferred" for v in lv):
        return "preferred"
    return "required"


_ACRONYM_TEXT = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


_SUFFIX = re.compile(r"(?:ations?|ions?|ing|ed|es|e|s|ors?|ers?|ments?)$")


def _stem(word: str) -> str:
    return _SUFFIX.sub("", word.lower())


#: Endings of a word family after its stem ("negotiat" + "ion", "ed", "ing", "or" ...).
_FAMILY_ENDINGS = frozenset("ation ations ion ions ing ed es e s or ors er ers ment ments ate ated ates "
                            "ating ator ators".split())


@lru_cache(maxsize=4)
def _cv_words(cv_text: str) -> tuple[str, dict[str, list[str]]]:
    """The CV's text in lower case and its words of five letters or more by their first five (computed once
    per CV: screening compares one CV with every listing)."""
    low = cv_text.lower()
    index: dict[str, list[str]] = defaultdict(list)
    for w in sorted(set(re.findall(r"[a-z]{5,}", low))):
        index[w[:5]].append(w)
    return low, index


@lru_cache(maxsize=4096)
def _coordinated(a: str, b_stem: str) -> re.Pattern[str]:
    """``a``, a conjunction, another word or two, then a word starting ``b_stem``: "Production and labour
    planning" for "production planning" (compiled once per pair of words)."""
    return re.compile(r"(?<![\w-])" + re.escape(a) + r"[ \t]*(?:,|&|and|or)[ \t]*(?:[a-z]+[ \t]+){0,1}[a-z]+"
                      r"[ \t]+" + re.escape(b_stem) + r"\w*", re.IGNORECASE)


def _wording_shown(ms: list[Mention], cv_text: str) -> tuple[int, int] | None:
    """Where the CV writes what the advert's words for a skill say, when the taxonomy took the two for
    different skills or missed the CV's: a soft skill named by one word in the same word family
    ("negotiation", "Negotiated"; "mentoring", "mentored"; the bare stem is not enough: "present" in
    "2019 - present"), or a two-word name with its modifier coordinated with another ("production
    planning" in "Production and labour planning")."""
    low, index = _cv_words(cv_text)
    for m in ms:
        words = m.text.split()
        if len(words) == 1 and m.kind == "soft" and words[0].isalpha():
            stem = _stem(words[0])
            if len(stem) >= 5:
                spans = []
                for w in index.get(stem[:5], ()):
                    if w.startswith(stem) and w[len(stem):] in _FAMILY_ENDINGS:
                        hit = re.search(r"(?<![\w-])" + w + r"(?![\w-])", cv_text, re.IGNORECASE)
                        if hit:
                            spans.append(hit.span())
                if spans:
                    return min(spans)
        elif len(words) == 2 and m.text.islower() and all(w.isalpha() and len(w) > 3 for w in words):
            a, b = words
            if a.lower() not in low or _stem(b) not in low:
                continue
            hit = _coordinated(a, _stem(b)).search(cv_text)
            if hit and _stem(hit.group().split()[-1]) == _stem(b):
                return hit.span()
    return None


def _acronym_shown(ms: list[Mention], cv_text: str) -> tuple[int, int] | None:
    """Where the CV writes the acronym every advert mention of a skill is (capitals as written, a plural
    "s" allowed), or None."""
    words = {m.text for m in ms}
    if len(words) != 1:
        return None
    word = next(iter(words))
    if not _ACRONYM_TEXT.fullmatch(word) or word not in cv_text:
        return None
    hit = re.search(r"(?<![\w&/-])" + re.escape(word) + r"s?(?![\w&/-])", cv_text)
    return hit.span() if hit else None


def importance(mentions: list[Mention], requirement: str, kind: str, *, in_title: bool) -> float:
    """How much a missing skill matters, in [0, 1]."""
    base = 1.0 if requirement == "required" else 0.5
    section = max(SECTION_WEIGHT.get(m.section, OTHER_SECTION_WEIGHT) for m in mentions)
    # Named again and again: more central. 1 mention -> 0.7, 2 -> ~0.84, 4+ -> ~1.
    freq = min(1.0, 0.7 + 0.2 * math.log2(len(mentions))) if mentions else 0.7
    w = base * section * freq * (SOFT_WEIGHT if kind == "soft" else 1.0)
    if in_title:
        w += TITLE_BONUS
    return round(min(1.0, w), 3)


def compare(
    cv_mentions: list[Mention],
    advert_mentions: list[Mention],
    levels: dict[tuple[int, int], str],
    relations: Relations,
    *,
    title_span: tuple[int, int] | None = None,
    traits: frozenset[str] = frozenset(),
    narrower: dict[str, str] | None = None,
    cv_text: str | None = None,
    cv_groups: dict[str, list[Mention]] | None = None,
    cv_skills: bool = True,
) -> tuple[list[SkillItem], list[SkillItem], list[SkillItem], list[SkillItem]]:
    """Compare the two documents' skills.

    Args:
        cv_mentions: every skill mention in the CV.
        advert_mentions: the advert mentions that state requirements (see
            :meth:`gapcheck.extraction.SkillExtractor.requirement_mentions`).
        levels: ``(start, end) -> "required" | "preferred"`` for each advert mention.
        relations: skill relations, to accept a narrower CV skill for a broader advert one.
        title_span: offsets of the advert's job title in its text, if known.
        traits: ids of personality traits, reported when matched but never as gaps.
        narrower: ``relations.narrower_index`` of the CV's skills, if already built.
        cv_text: the CV's text; an advert skill named only by an acronym the CV writes too ("ADL",
            "ADLs") is matched whatever the taxonomy takes the acronym for.
        cv_groups: ``group_mentions(cv_mentions)``, if already built.
        cv_skills: False to leave the CV's list empty (it is built from the CV alone; a screen row does
            not show it).

    Returns:
        ``(cv_skills, advert_skills, matched, gaps)``; gaps are ordered required first, then by
        importance.
    """
    if cv_groups is None:
        cv_groups = group_mentions(cv_mentions)
    ad_groups = group_mentions(advert_mentions)
    if narrower is None:
        narrower = relations.narrower_index(cv_groups)

    def item(ms: list[Mention]) -> SkillItem:
        m0 = ms[0]
        return SkillItem(m0.skill_id, m0.name, m0.kind, refs(ms))

    cv_items = [item(ms) for ms in cv_groups.values()] if cv_skills else []
    advert_skills, matched, gaps = [], [], []
    for sid, ms in ad_groups.items():
        req = skill_level(ms, levels)
        ad_item = item(ms)
        ad_item.requirement = req
        advert_skills.append(ad_item)
        evidence_id = sid if sid in cv_groups else narrower.get(sid)
        if evidence_id is not None:
            cv_ms = cv_groups[evidence_id]
            mt = SkillItem(sid, ms[0].name, ms[0].kind, refs(cv_ms), requirement=req,
                           advert_mentions=refs(ms),
                           via=None if evidence_id == sid else cv_ms[0].name)
            matched.append(mt)
            continue
        if ms[0].skill_id in traits:
            continue  # a personality trait ("passionate", "hands-on") is no gap a course can close
        if all(m.loose for m in ms):
            continue  # a verb-object match is enough to match, too weak to report a gap
        shown = _acronym_shown(ms, cv_text) if cv_text is not None else None
        if shown is not None:
            # "ADL" in both: whatever the taxonomy takes it for, the CV names what the advert names
            a, b = shown
            mt = SkillItem(sid, ms[0].name, ms[0].kind, [MentionRef(cv_text[a:b], "other", a, b)],
                           requirement=req, advert_mentions=refs(ms))
            mt.details = {"source": "acronym"}
            matched.append(mt)
            continue
        shown = _wording_shown(ms, cv_text) if cv_text is not None else None
        if shown is not None:
            # "negotiation" and the CV's "Negotiated payment plans"; "production planning" and the CV's
            # "Production and labour planning"
            a, b = shown
            mt = SkillItem(sid, ms[0].name, ms[0].kind, [MentionRef(cv_text[a:b], "other", a, b)],
                           requirement=req, advert_mentions=refs(ms))
            mt.details = {"source": "wording"}
            matched.append(mt)
            continue
        in_title = bool(title_span) and any(title_span[0] <= m.start < title_span[1] for m in ms)
        gap = SkillItem(sid, ms[0].name, ms[0].kind, refs(ms), requirement=req,
                        importance=importance(ms, req, ms[0].kind, in_title=in_title))
        gap.related = [cv_groups[r][0].name for r in relations.relatives_in(sid, cv_groups)]
        gaps.append(gap)
    gaps.sort(key=lambda g: (g.requirement != "required", -(g.importance or 0.0), g.name.lower()))
    return cv_items, advert_skills, matched, gaps


def apply_groups(gaps: list[SkillItem], matched: list[SkillItem], groups) -> tuple[list[SkillItem], list[dict]]:
    """Either/or groups: a group with a matched member needs nothing more, so its other members are no
    gaps; a group with no matched member is one gap (its most important member, alternatives named).

    Returns the new gap list and the satisfied groups (``{"skills", "by"}``) for the report.
    """
    matched_ids = {m.id for m in matched}
    drop: set[str] = set()
    satisfied = []
    by_id = {g.id: g for g in gaps}
    for grp in groups:
        hit = [sid for sid in grp.skill_ids if sid in matched_ids]
        if hit:
            drop.update(sid for sid in grp.skill_ids if sid not in matched_ids)
            satisfied.append({"skills": grp.names, "text": grp.text,
                              "by": next(m.name for m in matched if m.id == hit[0])})
            continue
        members = [by_id[sid] for sid in grp.skill_ids if sid in by_id]
        if len(members) < 2:
            continue
        keep = max(members, key=lambda g: (g.requirement == "required", g.importance or 0))
        keep.details["either_or"] = [g.name for g in members]
        keep.details["either_or_text"] = grp.text
        # The group's evidence is where the advert asks for any of its members ("Kronos/UKG timekeeping").
        spans = {(m.start, m.end): m for g in members for m in g.mentions}
        keep.mentions = [spans[k] for k in sorted(spans)]
        drop.update(g.id for g in members if g is not keep)
    return [g for g in gaps if g.id not in drop], satisfied


#: Examples after a kind of thing: "a case management system such as Proclaim or LEAP", "a school MIS
#: (e.g. SIMS, Arbor)".
_EXAMPLES = re.compile(r"(?:[ \t]+(?!(?:in|on|with|for|of|and|or|to|at|by|the|a|an|is|are|be|such|like|"
                       r"including|based|experience|skills?|knowledge|background|expertise|understanding)\b)"
                       r"[a-z][\w-]*)?"  # the kind's own noun: "e-tendering portals such as Proactis"
                       r"[ \t]*,?[ \t]*\(?[ \t]*"
                       r"(?:such[ \t]+as|e\.[ \t]?g\.?,?|for[ \t]+example,?|like|including)[ \t]+",
                       re.IGNORECASE)
_EXAMPLES_END = re.compile(r"[.;:!?)\n]|\b(?:such\s+as|and\s+other|etc)\b", re.IGNORECASE)


def met_by_example(text: str, gaps: list[SkillItem], matched: list[SkillItem]) -> list[SkillItem]:
    """Gaps the CV meets through one of the examples the advert gives for them ("Experience of a case
    management system such as Proclaim or LEAP": Proclaim matched, so the system is no gap); each becomes
    a matched skill via that example. Returns the remaining gaps."""
    # named examples only (a product, a system, a standard): "a field of nursing (e.g., teaching, ...)" is
    # not met by a software engineer's teaching
    examples = sorted(((m.start, it) for it in matched for m in (it.advert_mentions or ()) if m.text[:1].isupper()),
                      key=lambda x: x[0])
    if not examples:
        return gaps
    keep = []
    for g in gaps:
        via = None
        for m in g.mentions:
            e = _EXAMPLES.match(text, m.end)
            if e is None:
                continue
            stop = _EXAMPLES_END.search(text, e.end(), min(len(text), e.end() + 80))
            end = stop.start() if stop else min(len(text), e.end() + 80)
            via = next((it for s, it in examples if e.end() <= s < end), None)
            if via is not None:
                break
        if via is None:
            keep.append(g)
            continue
        matched.append(SkillItem(g.id, g.name, g.kind, list(via.mentions), requirement=g.requirement,
                                 advert_mentions=list(g.mentions), via=via.name))
    return keep


#: A name of one to three words: "ServiceTitan", "Argo CD", "Sage 50", "Flux".
_ALT_NAME = r"(?:[A-Z]|[a-z]+[A-Z])[\w+#.&-]*(?:[ \t]+(?:&[ \t]+)?(?:[A-Z0-9]|[a-z]+[A-Z])[\w+#.&-]*){0,2}"
#: What comes before a lower-case alternative that opens its phrase ("in bakery or", "- retail or"), not
#: one that ends a longer one ("computer science or physics").
_ALT_OPENS = re.compile(r"(?:^|[,(:;/•*-]|\b(?:in|of|with|for|from|to|a|an|the|on|at|as|including|either|"
                        r"within|across))[ \t]*$", re.IGNORECASE)
#: An alternative written just before a gap's words: "ServiceTitan or BuildOps", "Flux or Argo CD",
#: "bakery or chilled food production" (one modifier may come between "or" and the gap's words).
_ALT_BEFORE = re.compile(r"(?<![\w-])(?P<alt>" + _ALT_NAME + r"|[a-z][a-z-]{3,})[ \t]*,?[ \t]+or[ \t]+"
                         r"(?P<mod>[a-z][\w-]*[ \t]+)?$")
#: ... or just after them: "Argo CD or Flux", "retail or hospitality".
_ALT_AFTER = re.compile(r"[ \t]*,?[ \t]+or[ \t]+(?P<alt>" + _ALT_NAME + r"|[a-z][a-z-]{3,})(?![\w-])")
#: Words after "or" that name no alternative ("Python or similar", "a degree or higher"), and names of
#: awards, which stand for no product ("a Master or PhD degree", "an Associate Degree or Diploma").
_NOT_ALTERNATIVE = frozenset("""other others similar equivalent related relevant comparable another any higher
above more greater previous prior alternative alternatives same such also even both either whatever whichever
willingness willing ability able demonstrable demonstrated proven equal experience
master masters master's bachelor bachelors bachelor's phd doctorate diploma certificate certification degree
associate associates bs ba ms ma bsc msc hnd hnc gcse gcses nvq level""".split())
#: Capitalised words that open a requirement rather than name a product ("Experience ServiceTitan or").
_ALT_OPENERS = frozenset("""Experience Knowledge Proficiency Familiarity Using Use Strong Good Excellent
Either Ideally Preferably Must You We Working Work With In Of And Or A An The""".split())


def _alternatives(text: str, m, line_start: int, line_end: int) -> list[tuple[str, bool]]:
    """What the advert offers in place of the words at ``m`` on their line: ``(words, is_name)``. A name is
    taken as written; a lower-case alternative stands in the same phrase ("bakery or chilled food
    production" gives "bakery food production"; "electrical or mechanical engineering" gives "electrical
    engineering"), or alone beside a one-word mention ("retail or hospitality")."""
    out = []
    words = m.text.split()
    b = _ALT_BEFORE.search(text, max(line_start, m.start - 60), m.start)
    if b:
        alt = b.group("alt")
        if alt[:1].isupper() or not alt.islower():
            if not b.group("mod"):
                out.append((alt, True))
        elif m.text.islower() and (b.start() == line_start
                                   or _ALT_OPENS.search(text, max(line_start, b.start() - 20), b.start())):
            if b.group("mod"):
                out.append((f"{alt} {m.text}", False))
            else:
                out.append((" ".join([alt] + words[1:]), False))
    a = _ALT_AFTER.match(text, m.end, line_end)
    if a:
        alt = a.group("alt")
        if not alt.islower():
            out.append((alt, True))
        elif len(words) == 1 and m.text.islower() and not re.match(r"[ \t]+[a-z]", text[a.end():a.end() + 2]):
            out.append((alt, False))
    return out


def met_by_alternative(text: str, gaps: list[SkillItem], matched: list[SkillItem], cv_text: str,
                       cv_sections=()) -> list[SkillItem]:
    """Gaps the CV meets through an alternative the advert gives beside them that gapcheck does not know as a
    skill ("Experience with ServiceTitan or BuildOps": the CV shows ServiceTitan, so BuildOps is no gap;
    "GitOps through Flux or Argo CD": the CV's Flux v2 meets it). The alternative must be written in the CV:
    a name as written, as a word of its own; lower-case words in any case, in order, on one line. Each such
    gap becomes a matched skill via the alternative. Returns the remaining gaps."""
    from gapcheck.sectioning import section_at

    keep = []
    for g in gaps:
        hit = None
        for m in g.mentions:
            line_start = text.rfind("\n", 0, m.start) + 1
            line_end = text.find("\n", m.end)
            line_end = len(text) if line_end < 0 else line_end
            for alt, is_name in _alternatives(text, m, line_start, line_end):
                words = alt.split()
                if is_name:
                    while len(words) > 1 and words[0] in _ALT_OPENERS:
                        words = words[1:]
                    alt = " ".join(words)
                    if words[0] in _ALT_OPENERS or alt.lower() == g.name.lower() \
                            or alt.lower() in _NOT_ALTERNATIVE:
                        continue
                    found = re.search(r"(?<![\w-])" + re.escape(alt) + r"(?![\w-])", cv_text)
                else:
                    if words[0] in _NOT_ALTERNATIVE:
                        continue
                    pat = r"[ \t]+".join(re.escape(w) for w in words[:-1])
                    last = words[-1][:-1] if words[-1].endswith("s") and len(words[-1]) > 3 else words[-1]
                    pat = (pat + r"[ \t]+" if pat else "") + re.escape(last) + r"(?:s|es)?"
                    found = re.search(r"(?<![\w-])" + pat + r"(?![\w-])", cv_text, re.IGNORECASE)
                if found:
                    hit = (alt, found)
                    break
            if hit:
                break
        if hit is None:
            keep.append(g)
            continue
        alt, found = hit
        sec = section_at(cv_sections, found.start()) if cv_sections else "other"
        ref = MentionRef(found.group(), sec, found.start(), found.end())
        mt = SkillItem(g.id, g.name, g.kind, [ref], requirement=g.requirement,
                       advert_mentions=list(g.mentions), via=alt)
        mt.details = {k: v for k, v in g.details.items() if k == "source"}
        mt.details["alternative"] = alt
        matched.append(mt)
    return keep


def english_prose(text: str, is_english) -> tuple[int, int] | None:
    """Where a CV shows it is written in English: its first line of eight words or more, when most of the
    CV's words are English words; None otherwise."""
    words = re.findall(r"[A-Za-z]+", text[:20000])
    if len(words) < 50 or sum(map(is_english, words)) < 0.6 * len(words):
        return None
    pos = 0
    for line in text.split("\n"):
        if len(re.findall(r"[A-Za-z]+", line)) >= 8:
            a = pos + len(line) - len(line.lstrip())
            return a, pos + len(line.rstrip())
        pos += len(line) + 1
    return None


#: "English" that is no language the CV could show by being written in it: a subject ("a degree in English",
#: "GCSE English") or one of two languages a bilingual post needs both of ("Bilingual English/Spanish").
_ENGLISH_NOT_LANGUAGE = re.compile(r"(?:\b(?:degree|BA|MA|BSc|MSc|GCSE|GCSEs|A[ -]levels?|subject|"
                                   r"bilingual)\b[^.\n]{0,25}$)", re.IGNORECASE)


def met_by_writing(text: str, gaps: list[SkillItem], matched: list[SkillItem], cv_text: str,
                   prose: tuple[int, int]) -> list[SkillItem]:
    """An advert's English requirement ("fluent English", "excellent written English") is met by a CV written
    in English: it becomes a matched skill resting on a line of the CV's prose. Returns the other gaps."""
    keep = []
    for g in gaps:
        if g.name != "English" or g.details.get("either_or") or any(
                _ENGLISH_NOT_LANGUAGE.search(text, max(0, m.start - 40), m.start) for m in g.mentions):
            keep.append(g)
            continue
        a, b = prose
        mt = SkillItem(g.id, g.name, g.kind, [MentionRef(cv_text[a:b], "other", a, b)],
                       requirement=g.requirement, advert_mentions=list(g.mentions))
        mt.details = {"source": "written_in"}
        matched.append(mt)
    return keep


def year_shortfalls(years_reqs, matched: list[SkillItem], evidence) -> list[dict]:
    """Advert year requirements the CV's dated roles fall short of, with the figures.

    A figure applies to every hard skill of its clause ("3+ years of backend development in Java or
    Kotlin"); the CV meets it if any of them has enough dated use. Skills with no dated evidence at all
    (only in a skills list, or matched through a term) give no figure rather than a false zero.
    """
    out = []
    by_id = {m.id: m for m in matched}
    ev_by_name = {e.name: e for e in evidence.values()}
    for y in years_reqs:
        best = None
        for sid in y.skill_ids or ([y.skill_id] if y.skill_id else []):
            mt = by_id.get(sid)
            if mt is None:
                continue
            ev = evidence.get(sid) or (ev_by_name.get(mt.via) if mt.via else None)
            if ev is None or not ev.roles:
                continue
            shown = round(ev.months / 12, 1)
            mt.details["years_required"] = y.years
            mt.details["years_shown"] = shown
            if best is None or shown > best[1]:
                best = (mt, shown)
        if best is None:
            continue
        mt, shown = best
        if shown + 0.05 < y.years:
            out.append({"skill_id": mt.id, "skill": mt.name, "years_required": y.years,
                        "years_shown": shown, "advert_text": y.text, "start": y.start, "end": y.end,
                        "requirement": mt.requirement})
    return out
#: Terms found outside the taxonomy are less certain than taxonomy skills: their gaps weigh less.
TERM_WEIGHT = 0.8


def add_terms(advert_text: str, cv: CVText, terms, sections, levels_of, advert_skills: list[SkillItem],
              matched: list[SkillItem], gaps: list[SkillItem], *, title_span=None) -> None:
    """Add the advert's non-taxonomy terms (see :mod:`gapcheck.gaps.terms`) to the three lists."""
    from gapcheck.gaps.terms import term_in_cv
    from gapcheck.sectioning import section_at

    cv_text = cv.text
    for t in terms:
        sec = section_at(sections, t.start)
        ref = MentionRef(t.text, sec, t.start, t.end)
        level = levels_of(t.start, t.end, sec)
        ad_item = SkillItem(t.skill_id, t.text, "hard", [ref], requirement=level)
        ad_item.details = {"source": "term", "term_kind": t.kind}
        advert_skills.append(ad_item)
        hit = term_in_cv(t, cv)
        if hit:
            a, b = hit
            cv_ref = MentionRef(cv_text[a:b], "other", a, b)
            mt = SkillItem(t.skill_id, t.text, "hard", [cv_ref], requirement=level, advert_mentions=[ref])
            mt.details = {"source": "term"}
            matched.append(mt)
            continue
        m = Mention(t.skill_id, t.text, "hard", t.text, t.start, t.end, sec)
        in_title = bool(title_span) and title_span[0] <= t.start < title_span[1]
        imp = round(TERM_WEIGHT * importance([m], level, "hard", in_title=in_title), 3)
        gap = SkillItem(t.skill_id, t.text, "hard", [ref], requirement=level, importance=imp)
        gap.details = {"source": "term", "term_kind": t.kind}
        gaps.append(gap)
    gaps.sort(key=lambda g: (g.requirement != "required", -(g.importance or 0.0), g.name.lower()))

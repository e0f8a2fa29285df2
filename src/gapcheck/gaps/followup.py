"""A thank-you and feedback-request email, drafted from the analysis.

The advice: thank the interviewer, say you are still keen on the company, and ask specific questions
("did you find any key qualifications missing from my CV, such as ...?", "how could I strengthen my ...
skills?"). The questions come from the report: the top required gaps, the claims the advert asked about
that the CV does not back, and the soft skills the advert wanted.
"""

from __future__ import annotations

import re

from gapcheck.reporting.model import Report


def _names(items, n: int) -> list[str]:
    out: list[str] = []
    for it in items:
        name = _plain(it)
        if name.lower() not in (o.lower() for o in out):
            out.append(name)
        if len(out) == n:
            break
    return out


def _plain(item) -> str:
    """A skill's name as a person writes it: "mentoring" for "advise others", "Python" for "Python
    (computer programming)"."""
    from gapcheck.extraction import load_extractor

    ex = load_extractor()
    name = item.name
    if item.id in ex.has_skill_index:
        name = ex.skill(item.id).plain or name
    return re.sub(r"\s*\([^)]*\)$", "", name)


def _reads_as_a_noun(name: str) -> bool:
    """False for ESCO's verb-phrase names ("prepare sites for planting of grass"), which read badly after
    "my work with"."""
    from gapcheck.extraction import load_extractor

    words = name.split()
    return not (len(words) >= 2 and name[:1].islower() and load_extractor().is_verb(words[0]))


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def candidate_name(cv_text: str) -> str | None:
    """The CV's first line if it looks like a person's name (two to four capitalised words)."""
    for line in cv_text.splitlines():
        line = line.strip()
        if not line:
            continue
        words = line.split()
        if 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][A-Za-z'’.-]+", w) or w.isupper() for w in words):
            # "MARCHETTI-HOWE" -> "Marchetti-Howe", "O'NEILL" -> "O'Neill"
            return " ".join(re.sub(r"[A-Za-z]+", lambda p: p.group().capitalize(), w) if w.isupper() else w
                            for w in words)
        return None
    return None


def followup_email(report: Report, *, company: str | None = None, interviewer: str | None = None,
                   candidate: str | None = None) -> str:
    """The email as plain text: a subject line, a blank line, the body."""
    role = report.advert.title or "the role"
    org = company or "your team"
    who = candidate or candidate_name(report.cv.text)
    hard_gaps = _names([g for g in report.gaps if g.kind == "hard"], 2)  # gaps are required-first
    soft_gaps = _names([g for g in report.gaps if g.kind == "soft"], 2)
    claims = _names([c for c in report.stretched_claims if c.details.get("asked_by_advert")], 1)
    strengths = _names([m for m in report.matched if m.requirement == "required" and m.kind == "hard"
                        and _reads_as_a_noun(_plain(m))], 2)

    questions = []
    if hard_gaps:
        questions.append(f"Did you find any key qualifications missing from my CV, such as experience with "
                         f"{_join(hard_gaps)}?")
    else:
        questions.append("Did you find any key qualifications missing from my CV?")
    if claims:
        questions.append(f"How could I better show my experience with {claims[0]}, so that it comes across "
                         f"with concrete examples?")
    if soft_gaps:
        questions.append(f"How could I strengthen my {_join([s.lower() for s in soft_gaps])} skills for a role "
                         f"like this?")
    questions.append("Is there anything in how I framed my answers in the interview that I could improve?")

    greeting = f"Dear {interviewer}," if interviewer else "Dear Hiring Manager,"
    strengths_line = (f" I particularly enjoyed discussing how my work with {_join(strengths)} could help "
                      f"{org if company else 'the team'}." if strengths else "")
    lines = [
        f"Subject: Thank you for the {role} interview",
        "",
        greeting,
        "",
        f"Thank you for taking the time to talk with me about the {role} position"
        f"{' at ' + company if company else ''}. I appreciated learning more about the work and the "
        f"people behind it.{strengths_line}",
        "",
        f"I remain very interested in {company or 'the company'} and would welcome being considered for "
        f"future opportunities. If you have a few minutes, I would be grateful for any feedback that would "
        f"help me improve:",
        "",
    ]
    lines += [f"- {q}" for q in questions[:4]]
    lines += [
        "",
        "I understand you are busy, so even a brief reply would be very helpful.",
        "",
        "Kind regards,",
        who or "[Your name]",
    ]
    return "\n".join(lines) + "\n"

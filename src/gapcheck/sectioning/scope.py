"""Which parts of an advert can hold requirements.

Company blurbs (``about``), ``benefits`` and titled ``other`` sections (how to apply, equal opportunity,
additional information) state no requirements: "we use Slack", "access to training", "flexible working".
The untitled lead (job title, intro) and everything else can.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gapcheck.sectioning.splitter import Section

#: Advert sections whose skills are never requirements.
NON_REQUIREMENT_SECTIONS = frozenset({"about", "benefits"})


def holds_requirements(section: Section) -> bool:
    """True if skills mentioned in this advert section can be requirements."""
    if section.name in NON_REQUIREMENT_SECTIONS:
        return False
    return not (section.name == "other" and section.heading is not None)


# A sentence in the company's voice: "we", "our", "<ORGANIZATION> is a leader in ..." ...
_WE = r"\b(?:we|we're|we’re|we've|we’ve|our|ours|us)\b"
_SUBJECT = (r"\W*(?:<ORGANIZATION>|[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})\s+"
            r"(?:is|are|was|has|have|provides|offers|helps|builds|develops|operates|serves|specialises|"
            r"specializes|was founded|has been)\b")
_COMPANY_VOICE = re.compile(_WE + "|^" + _SUBJECT, re.IGNORECASE)
# Also: a line or sentence opening "About <ORGANIZATION>" / "About Acme", a run of anonymised organisation
# names ("<ORGANIZATION> <ORGANIZATION> unites the business and social science research fields"), a unit of
# the organisation as the subject ("The Biological and Chemical Engineering Section has strong research
# expertise within materials engineering").
_ABOUT = r"\W*About\s+(?:the\s+|us\b)?(?:<ORGANIZATION>|[A-Z])"
_ORGANIZATIONS = r"<ORGANIZATION>\s+<ORGANIZATION>"
_UNIT = (r"\W*The\s+(?:[A-Z][\w&,-]*\s+(?:and\s+|&\s+|of\s+|for\s+)?){1,6}"
         r"(?:Section|Department|Group|Unit|Division|Institute|Centre|Center|Lab|Laboratory|group|unit)\s+"
         r"(?:is|are|was|has|have|[a-z]+s)\b")
_COMPANY_VOICE_MORE = re.compile("^" + _ABOUT + "|" + _ORGANIZATIONS + "|^" + _UNIT)
# The same tests, quicker (see company_voice_spans): a sentence opening with a subject, "About ..." or a
# unit; and "we", "our", "ours", "us" as words in a text in lower case, a branch of letters so that the
# regex engine skips to the next w, o or u (the same words as _WE: "we're" holds the word "we").
_SUBJECT_START = re.compile(_SUBJECT, re.IGNORECASE)
_MORE_START = re.compile(_ABOUT + "|" + _UNIT)
_WE_LOWER = re.compile(r"(?:w(?<!\w.)e|o(?<!\w.)urs?|u(?<!\w.)s)\b")
#: Characters other than ASCII letters that a case-insensitive pattern takes for one ("İ", "ı" for i, "ſ" for
#: s, the Kelvin sign for k): a text without them reads in lower case, character for character, as such a
#: pattern reads it (İ is also the one character whose lower case is two).
CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
# ... unless it speaks of the applicant or the job's needs.
_APPLICANT_VOICE = re.compile(
    r"\b(?:you|your|you'll|you’ll|you're|you’re|yourself|candidates?|applicants?|experience|experienced|"
    r"knowledge|skills?|abilit(?:y|ies)|able|proficien\w*|familiar\w*|degree|must|required|requirements?|"
    r"qualifications?|looking for|seeking|searching for|join|hiring|need|needs|will be|would be|"
    r"(?:client|role|position|job|post|employer|company|business)\s+(?:also\s+)?requires|expects?\s+(?:you|our|all)|"
    r"holds?|licen[cs]es?|licensed|certification|certificates?)\b",
    re.IGNORECASE,
)
#: A sentence: a run of characters other than ``.!?`` and line breaks, then its end (end marks followed by
#: white space, a line break, or the end of the text). A run ending in a mark that ends no sentence
#: ("Node.js", "e.g.") is no sentence: the next one starts after the mark.
_RUN = re.compile(r"[^.!?\n]+")
# What the employer offers, in prose adverts without a benefits heading: "In return, you'll get 25 days'
# holiday, private healthcare and a training budget", "We offer hybrid working and a cycle-to-work scheme";
# and how experience is counted ("paid and unpaid experience, including volunteer work done through
# National Service Programs (i.e., Peace Corps, AmeriCorps)"), which US federal adverts repeat.
_OFFER = re.compile(
    r"\b(?:in\s+return|we\s+(?:offer|provide)|what\s+we\s+offer|benefits?\s+(?:include|package)|perks\s+include|"
    r"you(?:'ll|’ll|\s+will)\s+(?:get|receive|enjoy|be\s+rewarded)|(?:package|rewards?)\s+includes?|"
    r"paid\s+and\s+(?:/\s*or\s+)?unpaid\s+experience|volunteer\s+work\s+done\s+through|national\s+service\s+programs?)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n|$")
#: _OFFER for a text in lower case, each cue under its first letter (in _OFFER's order) after that letter:
#: a branch of letters lets the regex engine skip to the next one that can start a cue.
_OFFER_LOWER = re.compile(
    r"(?:i(?<!\w.)n\s+return"
    r"|w(?<!\w.)(?:e\s+(?:offer|provide)|hat\s+we\s+offer)"
    r"|b(?<!\w.)enefits?\s+(?:include|package)"
    r"|p(?<!\w.)(?:erks\s+include|ackage\s+includes?|aid\s+and\s+(?:/\s*or\s+)?unpaid\s+experience)"
    r"|y(?<!\w.)ou(?:'ll|’ll|\s+will)\s+(?:get|receive|enjoy|be\s+rewarded)"
    r"|r(?<!\w.)ewards?\s+includes?"
    r"|v(?<!\w.)olunteer\s+work\s+done\s+through"
    r"|n(?<!\w.)ational\s+service\s+programs?)\b"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``re.finditer(r"[^.!?\\n]+(?:[.!?]+(?=\\s|$)|\\n|$)", text)`` gives, found run by run:
    that regex retries a run that is no sentence from each of its characters (quadratic in the run's
    length, the slowest part of finding company-voice sentences)."""
    out = []
    for run in _RUN.finditer(text):
        end = _SENTENCE_END.match(text, run.end())
        if end is not None:
            out.append((run.start(), end.end()))
    return out


def wrapped_sentence_spans(text: str) -> list[tuple[int, int]]:
    """:func:`sentence_spans` with a hard-wrapped sentence in one piece: a line that goes on in lower case
    continues the sentence before it ("We\nare also a factory authorized dealer", "a car allowance of £250
    a\nmonth, ... Perkbox")."""
    out: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        if out and out[-1][1] == a and text[a - 1] == "\n" and text[a].islower():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=8)
def company_voice_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of sentences that describe the employer rather than the job or the applicant
    ("We are a global leader in financial services", "Acme was founded in 2014 in the FinTech industry").

    Domain words in them ("financial services", "healthcare", "innovative") are not requirements.
    """
    # Cached: gap analysis asks for it twice per advert (requirement mentions, then terms).
    # "We" and the like are found once in the whole text, in lower case: a sentence starts after a full
    # stop, a line break or the text's start and ends with one or at the text's end, so a word of it is a
    # word of the text (where the lower case cannot be trusted, each sentence is searched as it is).
    we = None if CASE_ODD.search(text) else [m.start() for m in _WE_LOWER.finditer(text.lower())]
    out = []
    k = 0
    for a, b in wrapped_sentence_spans(text):
        s = text[a:b]
        if we is None:
            voice = _COMPANY_VOICE.search(s) or _COMPANY_VOICE_MORE.search(s)
        else:
            while k < len(we) and we[k] < a:
                k += 1
            voice = (k < len(we) and we[k] < b) or _SUBJECT_START.match(s) or _MORE_START.match(s) \
                or ("<ORGANIZATION>" in s and _COMPANY_VOICE_MORE.search(s))
        if voice and not _APPLICANT_VOICE.search(s):
            out.append((a, b))
    return tuple(out)


_FIRST_WORDS = re.compile(r"^[\W_]*([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_BE_HAVE = frozenset({"is", "are", "was", "were", "has", "have", "had"})


def imperative(sentence: str) -> bool:
    """True if a sentence opens with a verb's base form, capitalised: an instruction to the applicant, a
    duty ("Leverage Terraform and Kubernetes to maintain our infrastructure", "Make our backend
    resilient"), not the company speaking of itself. A name that is also a verb stays a subject
    ("Shift is a leader in ...")."""
    from gapcheck.extraction.compiled import load_verbs

    m = _FIRST_WORDS.match(sentence)
    if m is None or not m.group(1)[0].isupper() or m.group(1).lower() in ("be", "have", "do"):
        return False
    if m.group(2) and m.group(2).lower() in _BE_HAVE:
        return False
    return m.group(1).lower() in load_verbs()


@lru_cache(maxsize=8)
def offer_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of sentences that say what the employer offers, in adverts that have no benefits
    heading ("In return, you'll get private healthcare and a mentoring programme", "We offer hybrid
    working"), or how experience is counted ("including volunteer work done through National Service
    Programs (i.e., Peace Corps, AmeriCorps)"): they state no requirement (technologies named in them
    are kept, as in company-voice sentences)."""
    out: list[tuple[int, int]] = []
    # In lower case where that reads as _OFFER reads the text (see CASE_ODD): the same matches, found faster.
    cues = _OFFER.finditer(text) if CASE_ODD.search(text) else _OFFER_LOWER.finditer(text.lower())
    for m in cues:
        if out and m.start() < out[-1][1]:
            continue
        # The sentence around the cue, from the last sentence end or line break before it to the next
        # one ("i.e.," and "e.g.," end no sentence: their full stops are not followed by a space).
        before = [b.end() for b in _BOUNDARY.finditer(text, max(0, m.start() - 400), m.start())]
        a = before[-1] if before else max(0, m.start() - 400)
        nxt = _BOUNDARY.search(text, m.end(), min(len(text), m.end() + 400))
        out.append((a, nxt.end() if nxt else min(len(text), m.end() + 400)))
    return tuple(out)


_BOUNDARY = re.compile(r"[.!?]+(?=\s)|\n(?![a-z])")  # a line going on in lower case is a wrapped sentence

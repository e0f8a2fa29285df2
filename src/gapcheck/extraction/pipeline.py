"""The extraction pipeline: ``spacy.blank("en")`` plus gapcheck's components, loaded once per process."""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from gapcheck.extraction.compiled import CompiledSkills, load_compiled
from gapcheck.extraction.mention import Mention

#: A skill named as part of a role ("Java Developer", "DevOps Engineer") repeats what the requirements
#: say; such mentions are dropped when the skill is named elsewhere.
_ROLE_AFTER = re.compile(
    r"[\s/-]*(?:\(\s*\w+\s*\)\s*)?(?:senior\s+|lead\s+)?(?:developers?|engineers?|programmers?|architects?|consultants?|"
    r"specialists?|designers?|administrators?|admins?|analysts?|testers?|devs?|scientists?|experts?|"
    r"practitioners?|leads?|managers?|positions?|roles?|team|teams|practice|group|department)\b",
    re.IGNORECASE,
)

_ASK_BEFORE = re.compile(r"(?:experience|background|knowledge|expertise|understanding|familiarity|work(?:ed|ing)?)"
                         r"\s+(?:in|of|with|within)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
_ASK_AFTER = re.compile(r"^[\s-]*(?:industry\s+|sector\s+)?(?:experience|background|knowledge|expertise)",
                        re.IGNORECASE)


def _asks_for(text: str, start: int, end: int) -> bool:
    """True if the words around a mention ask for it ("experience in retail", "banking experience")."""
    return bool(_ASK_BEFORE.search(text[max(0, start - 60):start]) or _ASK_AFTER.match(text[end:end + 40]))


_ROLE_BEFORE = re.compile(
    r"\b(?:a|an|as|our|the|senior|junior|lead|principal|staff|experienced|skilled|talented|mid-level|"
    r"passionate|strong|new|great|seasoned)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
#: A tool the employer uses and trains people on: "(we use Epicor Kinetic, but training is given)".
_WE_USE_BEFORE = re.compile(r"\bwe\s+(?:currently\s+|also\s+|mainly\s+)?(?:use|run|work\s+(?:in|with|on))\s+"
                            r"(?:[\w.&+/-]+\s+){0,3}$", re.IGNORECASE)
_TRAINING_GIVEN = re.compile(r"[^.;\n()]{0,60}?\b(?:training\s+(?:is|will\s+be)\s+(?:given|provided|available)|"
                             r"we(?:['’]ll|\s+will)\s+train\s+you|full\s+training\s+(?:is\s+)?(?:given|provided))\b",
                             re.IGNORECASE)


#: What every wording of _TRAINING_GIVEN holds: an advert without it promises no training (one search per advert).
_TRAIN_WORD = re.compile(r"\btrain", re.IGNORECASE)


def _trained_on_the_job(text: str, start: int, end: int) -> bool:
    return bool(_WE_USE_BEFORE.search(text, max(0, start - 50), start) and _TRAINING_GIVEN.match(text, end))


#: "Technologies" (a job board's field of required tools) on the same line before a mention.
_TECH_LABEL = re.compile(r"\bTechnologies\b:?[^\n]*$")
_ROLE_WORD = re.compile(r"\b(?:developers?|engineers?|programmers?|architects?)$", re.IGNORECASE)
#: A unit of an organisation named after a field: "the Department of Bioinformatics and Data Mining", "the
#: Section for Genetics, Ecology and Evolution", "the Embodied AI and Neurorobotics Lab". The field names
#: where the job is, not what it asks for (train/dev: 22 such mentions, none a gold span).
_ORG_UNIT_BEFORE = re.compile(
    r"\b(?i:department|dept\.?|section|school|faculty|institute|centre|center|division|chair|professorship|"
    r"laboratory|lab)\s+(?i:of|for)\s+(?:the\s+)?(?:[A-Z][\w&,-]*\s+(?:and\s+|&\s+)?){0,4}$")
_ORG_UNIT_AFTER = re.compile(
    r"(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]*){0,4}\s+"
    r"(?:Lab|Labs|Laboratory|Section|Department|Institute|Centre|Center|Division|Faculty|School)\b")


def _in_org_unit(text: str, start: int, end: int) -> bool:
    """True if a mention is part of the name of an organisation's unit (see _ORG_UNIT_BEFORE)."""
    return bool(_ORG_UNIT_BEFORE.search(text[max(0, start - 120):start]) or _ORG_UNIT_AFTER.match(text, end))

#: A capitalised name used as a subject ("Northwind Technical Recruitment is delighted ...", "Acme Care, a
#: leading ..."): named again elsewhere, it is the employer's, and its last word ("Recruitment", "Care")
#: asks for nothing.
_SUBJECT_NAME = re.compile(r"([A-Z](?<![\w.&'-][A-Z])[\w&'-]*\s+(?:[A-Z][\w&'-]*\s+){0,3}[A-Z][\w&'-]*)"
                           r"(?=\s+(?:is|are|has|have|was)\b|'s\b|,)")


#: A CV's mention of guidance the candidate was given, not gave: "mentored by", "under the supervision of",
#: "with a school-based mentor", "my clinical supervisor".
_GIVEN_BY = re.compile(r"[ \t]+by\b", re.IGNORECASE)
_GIVEN_WORDS = frozenset("mentored coached supervised preceptored tutored".split())
_GIVER_NOUNS = frozenset("mentor mentors coach coaches supervisor supervisors preceptor preceptors tutor tutors "
                         "supervision mentorship preceptorship".split())
_GIVER_BEFORE = re.compile(r"\b(?:with|under|from|by|my|our|assigned|had|having|received|receiving)[ \t]+"
                           r"(?:(?:a|an|the|my|our|his|her|their)[ \t]+)?(?:[\w-]+[ \t]+){0,2}$", re.IGNORECASE)
_GIVER_AFTER = re.compile(r"[ \t]+(?:to|for|of)\b", re.IGNORECASE)


def received(text: str, start: int, end: int) -> bool:
    """True if a CV's mention at ``start:end`` is guidance the candidate received ("mentored by a senior
    engineer", "with a school-based mentor", "under the supervision of"), not a skill shown: a person who
    mentors, coaches or supervises *the candidate* is no evidence that the candidate does."""
    low = text[start:end].lower()
    if low in _GIVEN_WORDS and _GIVEN_BY.match(text, end):
        return True
    if low in _GIVER_NOUNS and not (_GIVER_AFTER.match(text, end) and low != "supervision"):
        line_start = text.rfind("\n", 0, start) + 1
        return _GIVER_BEFORE.search(text, max(line_start, start - 60), start) is not None
    return False


_CAP_WORD_BEFORE = re.compile(r"[A-Z][\w&'-]*\s+$")


def _company_names(text: str, is_english) -> list[re.Pattern[str]]:
    """The names used as subjects (see _SUBJECT_NAME) that the advert names at least twice and that open
    with a word no dictionary has ("Northwind", not "Digital Supply Chain"), as patterns that allow a
    line break between the words."""
    out = []
    for name in {" ".join(m.group(1).split()) for m in _SUBJECT_NAME.finditer(text)}:
        if is_english(name.split()[0].lower()):
            continue
        pat = re.compile(r"\s+".join(map(re.escape, name.split())) + r"(?![\w&'-])")
        if len(pat.findall(text)) >= 2:
            out.append(pat)
    return out


def _ends_company_name(text: str, names: list[re.Pattern[str]], start: int, end: int) -> bool:
    """True if a mention is the last word(s) of one of the employer's names (not the whole name)."""
    for pat in names:
        for m in pat.finditer(text, max(0, start - 80), end):
            if m.start() < start and m.end() == end:
                return True
    return False


#: Runs of non-space characters this long are one token (see SkillExtractor.make_doc).
LONG_RUN = 100
_LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN)

#: The span tagger as a filter: SkillSpan-style annotation would drop named advert mentions it gives less
#: than this (dev split: hard precision 0.72 -> 0.81). gapcheck does not, by default: on our annotated
#: CV/advert pairs it dropped 14 of 81 real gaps ("• Snowflake", "Strong Excel skills"), because real
#: adverts' bullet lists read unlike SkillSpan's sentences. ``min_confidence`` turns it on.
SKILLSPAN_MIN_CONFIDENCE = 0.5
#: The span tagger as a second opinion on *doubtful* names only: an advert's requirement mention whose text
#: is an ambiguous alias (one with context rules, "Go", "Spring", "cloud") or a single ordinary English word
#: ("testing", "security", "automation", "backend") is dropped when the tagger gives it less than this.
#: Such words are as often said of the company or the product ("we face challenges regarding automation and
#: the Cloud") as asked of the applicant. Dev split, train-only tagger: hard precision +0.030, hard recall
#: -0.015. Tool names that are no English words ("Kubernetes", "TypeScript") are never dropped by it.
DOUBT_CONFIDENCE = 0.3
#: A hard mention found loosely (a verb and its object some words apart: "lead the projects" for "lead hard
#: landscape projects", "repair on boiler" for "repair heating equipment") is dropped from an advert's
#: requirements when the tagger gives it less than this: such matches are mostly accidents of wording.
#: Dev split, train-only tagger: hard precision +0.008, hard recall -0.001.
LOOSE_DOUBT_CONFIDENCE = 0.5
#: A technology named in a sentence in the company's voice ("CentOS/Red Hat Linux as the basis for all our
#: servers", "We are developing an AI that will support all developers") is kept as a requirement (the
#: stack the job works with) unless the tagger gives it less than this. A sentence opening with a verb
#: ("Leverage Terraform and Kubernetes to maintain our infrastructure") is a duty, never the company's
#: voice here. Dev split, train-only tagger: hard precision +0.017, hard recall -0.003.
VOICE_TECH_CONFIDENCE = 0.5
#: A role right after a name ("Business Process Engineer", "UX designers", "data analysis experts") makes it
#: a person's title, not a requirement, when the tagger gives the name less than this.
ROLE_DOUBT_CONFIDENCE = 0.5
_ROLE_NOUN_AFTER = re.compile(
    r"[\s/-]*(?:developers?|engineers?|programmers?|architects?|consultants?|specialists?|designers?|"
    r"administrators?|analysts?|testers?|scientists?|experts?|leaders?|managers?|officers?|researchers?)\b",
    re.IGNORECASE)
#: Abbreviations the tagger leaves as spans on their own ("e.g. Wireshark"), and CEFR levels ("C1-level").
_NO_NAME = re.compile(r"(?:e\.g|i\.e|etc|[ABC][12])\.?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AdvertSpan:
    """A stretch of an advert the span tagger calls a skill, named by the taxonomy or not.

    Attributes:
        start, end: character offsets into the advert's text.
        kind: ``hard`` (SkillSpan's Knowledge) or ``soft`` (Skill).
        score: the tagger's mean probability over the span's tokens.
        text: ``advert_text[start:end]``.
    """

    start: int
    end: int
    kind: str
    score: float
    text: str


#: Texts longer than this are cut before tokenising (spaCy's own max_length is 1,000,000 characters).
MAX_CHARS = 2_000_000


class SkillExtractor:
    """Extracts skill mentions from texts with a cached spaCy pipeline.

    Use :func:`load_extractor` rather than building one: the pipeline and tables load once per process.
    """

    def __init__(self, models_dir: str | None = None, custom_skills: tuple[str, ...] = ()) -> None:
        import spacy

        from gapcheck.extraction import matcher  # noqa: F401  (registers the factories)

        load_compiled(models_dir)  # fail early, with the message about `make models`
        nlp = spacy.blank("en")
        nlp.max_length = MAX_CHARS + 1
        nlp.add_pipe("gapcheck_lemmatizer", config={"models_dir": models_dir})
        nlp.add_pipe("gapcheck_skills", config={"models_dir": models_dir, "custom_skills": list(custom_skills)})
        self.nlp = nlp
        self.compiled: CompiledSkills = nlp.get_pipe("gapcheck_skills").c
        self._index = self.compiled.by_id()
        self._english: frozenset[str] | None = None
        self._verbs: frozenset[str] | None = None
        self._models_dir = models_dir
        self._tagger = None
        self._tokenize = None  # a CachingTokenizer, made on first use (see make_doc)

    def is_english(self, word: str) -> bool:
        """True for an ordinary English word (in models/english.json, built from spacy-lookups-data)."""
        if self._english is None:
            from gapcheck.extraction.compiled import load_english

            self._english = load_english()
        return word.lower() in self._english

    def is_verb(self, word: str) -> bool:
        """True for the base form of an English verb ("fit", "calculate", "document")."""
        if self._verbs is None:
            from gapcheck.extraction.compiled import load_verbs

            self._verbs = load_verbs()
        return word.lower() in self._verbs

    def is_tech(self, skill_id: str) -> bool:
        """True if the skill is a technology (a tool, language, product)."""
        return bool(self.compiled.skills[self._index[skill_id]].tech)

    @property
    def has_skill_index(self) -> dict[str, int]:
        """skill id -> row of the compiled table (``sid in ex.has_skill_index`` tells a known skill)."""
        return self._index

    def skill(self, skill_id: str):
        """The :class:`~gapcheck.extraction.compiled.SkillRecord` for an id."""
        return self.compiled.skills[self._index[skill_id]]

    def _mentions(self, doc, text: str | None = None) -> list[Mention]:
        """The mentions of the skill spans of ``doc``; ``text``: the text ``doc`` was made from, if at hand
        (a span's text is the slice of it at the span's offsets, without building the span's tokens)."""
        skills, index = self.compiled.skills, self._index
        out = []
        for span in doc.spans["skills"]:
            rec = skills[index[span.kb_id_]]
            a, b = span.start_char, span.end_char
            out.append(Mention(rec.id, rec.name, rec.kind, span.text if text is None else text[a:b], a, b,
                               loose=span.id_ == "loose"))
        return out

    def _match_mentions(self, doc, matches, text: str) -> list[Mention]:
        """:meth:`_mentions` of ``doc`` once the skill matcher has set ``matches`` (its ``match``) as the
        Doc's spans, read from the matches themselves."""
        skills, index, ids = self.compiled.skills, self._index, self.nlp.get_pipe("gapcheck_skills").ids
        out = []
        for s, e, sk, loose in matches:
            rec = skills[index[ids[sk]]]
            last = doc[e - 1]
            a, b = doc[s].idx, last.idx + len(last)
            out.append(Mention(rec.id, rec.name, rec.kind, text[a:b], a, b, loose=bool(loose)))
        return out

    def make_doc(self, text: str):
        """Tokenise ``text`` (cut to MAX_CHARS). A run of LONG_RUN or more characters without white space
        (a URL, a line of '$$$$', a base64 blob) becomes one token: spaCy's tokenizer peels prefixes and
        suffixes off such a run one character at a time, copying the rest each time, which is quadratic
        (10,000 '$' took 20 s). The Doc's text is the input exactly, so offsets are unchanged."""
        from spacy.tokens import Doc

        text = text[:MAX_CHARS]
        tokenize = self._tokenize
        if tokenize is None:
            from gapcheck.extraction.tokenizer import CachingTokenizer

            tokenize = self._tokenize = CachingTokenizer(self.nlp.tokenizer)
        runs = list(_LONG_RUN.finditer(text))
        if not runs:
            return tokenize(text)
        parts, pos = [], 0
        for m in runs:
            if m.start() > pos:
                parts.append(tokenize(text[pos:m.start()]))
            parts.append(Doc(self.nlp.vocab, words=[m.group()], spaces=[False]))
            pos = m.end()
        if pos < len(text):
            parts.append(tokenize(text[pos:]))
        return Doc.from_docs(parts, ensure_whitespace=False)

    @property
    def tagger(self):
        """The advert span tagger (``models/tagger.npz``), loaded on first use."""
        if self._tagger is None:
            from gapcheck.errors import ModelsMissingError
            from gapcheck.extraction.tagger import SpanTagger
            from gapcheck.paths import models_dir

            path = Path(self._models_dir) if self._models_dir else models_dir()
            path = path / "tagger.npz"
            if not path.is_file():
                raise ModelsMissingError("the span tagger is not built; run `make models` "
                                         "(or python scripts/train_tagger.py)", source=str(path))
            self._tagger = SpanTagger.load(path)
        return self._tagger

    def extract(self, text: str, *, doc_type: str | None = None) -> list[Mention]:
        """Mentions in one text, in order; ``text[m.start:m.end] == m.text`` for each. For
        ``doc_type="advert"`` each mention carries the span tagger's ``confidence``."""
        if doc_type == "advert":
            return self.extract_advert(text)[0]
        return self._mentions(self.nlp(self.make_doc(text)), text)

    def extract_advert(self, text: str) -> tuple[list[Mention], list[AdvertSpan]]:
        """An advert's mentions (with the tagger's ``confidence``) and the tagger's spans."""
        from gapcheck.sectioning import split_sections

        doc = self.nlp(self.make_doc(text))
        return self._tag_advert(doc, text, self._mentions(doc, text), split_sections(text, doc_type="advert"))

    def _tag_advert(self, doc, text: str, mentions: list[Mention], sections,
                    required: list[Mention] | None = None) -> tuple[list[Mention], list[AdvertSpan]]:
        """Run the span tagger over an advert: set each mention's confidence, return the tagger's spans
        inside the sections that can hold requirements. ``required``: the advert's requirement mentions,
        if already found (the tagger sees which mentions they are)."""
        from spacy.attrs import IDX

        from gapcheck.extraction.tagger import KIND, token_table
        from gapcheck.sectioning import company_voice_spans, holds_requirements

        if not len(doc):
            return mentions, []
        if required is None:
            required = self._sectioned(mentions, sections, True, text)
        kept = {(m.start, m.end) for m in required}
        table = token_table(doc, mentions, kept, sections, company_voice_spans(text), self.is_tech)
        tagger = self.tagger
        p = tagger.probabilities(table)
        inside = (1.0 - p[:, [0, 3]]).max(axis=1)
        starts = doc.to_array([IDX]).tolist()
        out = []
        for m in mentions:
            a, b = bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end)
            out.append(replace(m, confidence=round(float(inside[a:b].max()), 3) if b > a else 0.0))
        spans = []
        sec_starts = [s.start for s in sections]
        for s, e, label, score in tagger.spans(table, p):
            a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
            k = bisect.bisect_right(sec_starts, a) - 1
            if k >= 0 and not holds_requirements(sections[k]):
                continue
            spans.append(AdvertSpan(a, b, KIND[label], score, text[a:b]))
        return out, spans

    def extract_texts(self, texts: Iterable[str], *, batch_size: int = 32,
                      doc_type: str | None = None, requirements_only: bool = False,
                      unnamed: bool = False, min_confidence: float | None = None) -> Iterator[list[Mention]]:
        """Mentions for each text of a stream, in order (uses ``nlp.pipe``).

        Args:
            texts: the documents' texts.
            batch_size: texts per ``nlp.pipe`` batch.
            doc_type: ``"cv"`` or ``"advert"`` to give each mention its section; None leaves
                sections as ``other`` (and skips sectioning).
            requirements_only: for adverts, drop mentions in sections that hold no requirements
                (company blurb, benefits, how to apply): what gap analysis uses.
            unnamed: for adverts, also yield the span tagger's spans that no named mention overlaps, as
                mentions with an empty ``skill_id`` (skills the taxonomy does not name).
            min_confidence: with ``requirements_only``, also drop advert mentions the span tagger gives
                less than this (see SKILLSPAN_MIN_CONFIDENCE); None keeps them.
        """
        if doc_type is None and self.nlp.pipe_names == ["gapcheck_lemmatizer", "gapcheck_skills"]:
            # The pipeline as built here: its two components run directly and the matches become mentions
            # without the Doc's spans (what nlp.pipe then _mentions give, without a Span per mention).
            lemmatize = self.nlp.get_pipe("gapcheck_lemmatizer")
            matcher = self.nlp.get_pipe("gapcheck_skills")
            for t in texts:
                doc = lemmatize(self.make_doc(t))
                yield self._match_mentions(doc, matcher.match(doc, t[:MAX_CHARS]), t)
            return
        if doc_type is None:
            made: deque[str] = deque()  # the texts nlp.pipe has taken and not yet given back, in order

            def docs():
                for t in texts:
                    made.append(t)
                    yield self.make_doc(t)

            for doc in self.nlp.pipe(docs(), batch_size=batch_size):
                yield self._mentions(doc, made.popleft())
            return
        from gapcheck.sectioning import company_voice_spans, imperative, split_sections

        pending: list[str] = []

        def run(batch: list[str]):
            for text, doc in zip(batch, self.nlp.pipe((self.make_doc(t) for t in batch), batch_size=batch_size)):
                sections = split_sections(text, doc_type=doc_type)  # type: ignore[arg-type]
                mentions, spans = self._mentions(doc, text), []
                voice: tuple[tuple[int, int], ...] = ()
                if doc_type != "advert":
                    out = self._sectioned(mentions, sections, requirements_only, text)
                else:
                    required = self._sectioned(mentions, sections, True, text)
                    mentions, spans = self._tag_advert(doc, text, mentions, sections, required)
                    if requirements_only and min_confidence is None:
                        # The confidence changes nothing else: the requirement mentions, found once.
                        conf = {(m.start, m.end): m.confidence for m in mentions}
                        out = [replace(m, confidence=conf[m.start, m.end]) for m in required]
                    else:
                        out = self._sectioned(mentions, sections, requirements_only, text, min_confidence)
                    if requirements_only:
                        voice = tuple((a, b) for a, b in company_voice_spans(text) if not imperative(text[a:b]))
                        out = [m for m in out if not self.doubted(m, voice, text)]
                if unnamed and spans:
                    extra = self._unnamed(spans, out, sections, text)
                    if requirements_only:
                        extra = [m for m in extra if not self.doubted(m, voice, text)]
                    out = sorted(out + extra, key=lambda m: (m.start, m.end))
                yield out

        for t in texts:
            pending.append(t)
            if len(pending) >= batch_size:
                yield from run(pending)
                pending = []
        if pending:
            yield from run(pending)

    def doubted(self, m: Mention, voice: tuple[tuple[int, int], ...] = (), text: str = "") -> bool:
        """True for an advert hard-skill mention the span tagger doubts: a doubtful name on its own (an
        ambiguous alias, or one ordinary English word) below DOUBT_CONFIDENCE; a loose match below
        LOOSE_DOUBT_CONFIDENCE; a technology or an unnamed phrase in a company-voice sentence (``voice``:
        their spans) below VOICE_TECH_CONFIDENCE; a name followed by a role in ``text`` (the advert) below
        ROLE_DOUBT_CONFIDENCE."""
        if m.kind != "hard" or m.confidence is None:
            return False
        if m.loose and m.confidence < LOOSE_DOUBT_CONFIDENCE:
            return True
        if m.confidence < VOICE_TECH_CONFIDENCE and any(a <= m.start < b for a, b in voice):
            return True
        if text and m.confidence < ROLE_DOUBT_CONFIDENCE and _ROLE_NOUN_AFTER.match(text, m.end):
            return True
        if m.confidence >= DOUBT_CONFIDENCE:
            return False
        low = m.text.lower()
        if " ".join(low.split()) in self.compiled.ambiguous:
            return True
        return re.fullmatch(r"[a-z]+", low) is not None and self.is_english(low)

    def _unnamed(self, spans: list[AdvertSpan], named: list[Mention], sections, text: str = "") -> list[Mention]:
        """The tagger's spans that no named mention overlaps and that read as a skill name (see
        :meth:`names_something`) and name no unit of an organisation ("the Neurorobotics Lab"), as
        mentions without a skill id."""
        from gapcheck.sectioning import section_at

        taken = sorted((m.start, m.end) for m in named)
        ends = [e for _, e in taken]
        out = []
        for sp in spans:
            k = bisect.bisect_right(ends, sp.start)  # first named mention ending after the span starts
            if k < len(taken) and taken[k][0] < sp.end:
                continue
            if not self.names_something(sp.text) or (text and _in_org_unit(text, sp.start, sp.end)):
                continue
            out.append(Mention("", sp.text, sp.kind, sp.text, sp.start, sp.end,  # type: ignore[arg-type]
                               section=section_at(sections, sp.start), confidence=sp.score))
        return out

    def names_something(self, phrase: str) -> bool:
        """True if an unnamed span can stand as a skill: two or more content words (not stop words, not
        generic words like "team" or "services"), or one that is no ordinary English word ("Kubeflow",
        "HACCP"). The tagger, trained on SkillSpan's sentences, leaves fragments in real adverts' lists
        ("run the", "to", "professional") that must not be listed as skills."""
        from gapcheck.gaps.terms import GENERIC
        from gapcheck.scoring._stopwords import ENGLISH_STOP_WORDS

        if _NO_NAME.fullmatch(phrase.strip()):
            return False
        words = re.findall(r"[A-Za-z][A-Za-z0-9+#.'-]*[A-Za-z0-9+#]|[A-Za-z]", phrase)
        content = [w for w in words if len(w) > 1 and w.lower() not in ENGLISH_STOP_WORDS
                   and w.lower() not in GENERIC]
        if len(content) >= 2:
            return True
        return len(content) == 1 and len(words) == 1 and not self.is_english(content[0])

    def _sectioned(self, mentions: list[Mention], sections, requirements_only: bool,
                   text: str = "", min_confidence: float | None = None) -> list[Mention]:
        out, k = [], 0
        for m in mentions:  # mentions and sections are both in text order
            while k + 1 < len(sections) and sections[k + 1].start <= m.start:
                k += 1
            out.append(replace(m, section=sections[k].name))
        if requirements_only:
            out = self.requirement_mentions(text, out, sections, min_confidence=min_confidence)
        return out

    def requirement_mentions(self, text: str, mentions: list[Mention], sections, *,
                             min_confidence: float | None = None) -> list[Mention]:
        """The advert mentions that state requirements (what gap analysis compares).

        Dropped: mentions in sections that hold no requirements (company blurb, benefits, how to apply);
        mentions of non-technology skills in sentences in the company's voice ("we are a leader in
        financial services") or saying what it offers ("In return, you'll get private healthcare and a
        mentoring programme"); hard-skill mentions that name a person ("Software Engineer", "Data
        Engineer") and mentions inside the name of an organisation's unit ("the Department of
        Bioinformatics", "the Neurorobotics Lab"); and mentions in the job-title line of skills the body names
        again (the body's mentions carry the requirement, the title only repeats it).
        """
        from gapcheck.sectioning import company_voice_spans, holds_requirements, offer_spans

        skills, index = self.compiled.skills, self._index
        voice = sorted(company_voice_spans(text) + offer_spans(text))
        on_job_training = _TRAIN_WORD.search(text) is not None
        kept, k, v = [], 0, 0
        names: list[str] | None = None
        for m in mentions:
            while k + 1 < len(sections) and sections[k + 1].start <= m.start:
                k += 1
            if min_confidence is not None and m.confidence is not None and m.confidence < min_confidence:
                continue  # the span tagger doubts it (off by default, see SKILLSPAN_MIN_CONFIDENCE)
            if not holds_requirements(sections[k]) and not _TECH_LABEL.search(text[max(0, m.start - 120):m.start]):
                continue  # (a job board's "Technologies: ..." field run into a metadata line still counts)
            while v < len(voice) and voice[v][1] <= m.start:
                v += 1
            rec = skills[index[m.skill_id]]
            if v < len(voice) and voice[v][0] <= m.start and not rec.tech:
                continue
            if m.text[:1].isupper() and _CAP_WORD_BEFORE.search(text, max(0, m.start - 30), m.start):
                if names is None:
                    names = _company_names(text, self.is_english)
                if names and _ends_company_name(text, names, m.start, m.end):
                    continue  # "Northwind Technical Recruitment is delighted ...": the employer's name
            if rec.domain and sections[k].name not in ("requirements", "preferred") \
                    and not _asks_for(text, m.start, m.end):
                continue  # "a leader in financial services" is no requirement; "banking experience" is
            if on_job_training and _trained_on_the_job(text, m.start, m.end):
                continue  # "(we use Epicor Kinetic, but training is given)": not asked of the applicant
            if (m.kind == "hard" and _ROLE_WORD.search(m.text)) or _in_org_unit(text, m.start, m.end):
                continue  # a person ("Software Engineer", "Data Engineer") or a unit ("Department of Physics")
            kept.append(m)
        first_nl = text.find("\n")
        title_end = first_nl if first_nl >= 0 else len(text)

        def role_like(m: Mention) -> bool:
            # The title line, or "an experienced Java Developer": a person, not a requirement list item.
            if m.start < title_end:
                return True
            if not (_ROLE_AFTER.match(text, m.end) or _ROLE_WORD.search(m.text)):
                return False
            return bool(_ROLE_BEFORE.search(text[max(0, m.start - 40):m.start]))

        role = [role_like(m) for m in kept]
        body_ids = {m.skill_id for m, r in zip(kept, role) if not r}
        return [m for m, r in zip(kept, role) if not r or m.skill_id not in body_ids]


def load_extractor(models_dir: str | None = None, custom_skills=None) -> SkillExtractor:
    """The process-wide :class:`SkillExtractor` (built on first use).

    Args:
        models_dir: where the compiled models are (default: see :func:`gapcheck.paths.models_dir`).
        custom_skills: paths of custom-skill files (JSONL or CSV); None means those named in the config
            file (see :mod:`gapcheck.config`), ``()`` means none.
    """
    if custom_skills is None:
        from gapcheck.config import load_config

        custom_skills = load_config().custom_skills
    return _cached_extractor(models_dir, tuple(str(p) for p in custom_skills))


@lru_cache(maxsize=4)
def _cached_extractor(models_dir: str | None, custom_skills: tuple[str, ...]) -> SkillExtractor:
    return SkillExtractor(models_dir, custom_skills)

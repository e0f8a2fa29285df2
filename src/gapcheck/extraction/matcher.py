"""spaCy components that find skills: a lower-case lemmatizer and the taxonomy-driven skill matcher.

Both are registered factories, so a pipeline is ``spacy.blank("en")`` plus::

    nlp.add_pipe("gapcheck_lemmatizer")
    nlp.add_pipe("gapcheck_skills")

``gapcheck_skills`` writes ``doc.spans["skills"]``: one span per mention, ``span.label_`` the kind
(``hard``/``soft``) and ``span.kb_id_`` the canonical skill id.

How it matches. The taxonomy phrase tables are compiled ahead of time (``scripts/build_models.py``) into
dicts keyed by space-joined lower-case tokens, plus a second table keyed by lemmas for multi-word phrases
and curated soft-skill words. At each token the matcher extends the candidate phrase while it is a prefix of
some key and keeps the longest hit: the semantics of ``PhraseMatcher(attr="LOWER")`` with hyphens
transparent, without the second it takes to build a PhraseMatcher from 100,000 patterns on every start.
The curated token patterns for soft-skill verb phrases ("work closely with", "meet tight deadlines") are
spaCy ``Matcher`` patterns, matched by :class:`~gapcheck.extraction.token_patterns.TokenPatterns` (what
``Matcher`` finds, only looking where a pattern can start). Matches of ambiguous aliases (Go, R, C, Excel,
Spring ...) are then checked against their context rules, and overlapping matches are pruned, longest first.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, NamedTuple

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from gapcheck.extraction.compiled import TRANSPARENT_TOKENS, CompiledSkills, load_compiled
from gapcheck.extraction.token_patterns import TokenAttrs, TokenPatterns

#: Tokens that end the window in which an ambiguous alias looks for another technology.
_BARRIERS = frozenset({".", "!", "?", ";", ":"})
NEAR_TECH_WINDOW = 6
#: How far after a verb its object may be ("maintain [strong, lasting] relationships").
PAIR_REACH = 4
_PAIR_STOP = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "and", "or", "but", "while", "which", "that",
                        "who", "to", "•"})


#: Entries in a per-word cache before it is emptied (a stream of never-seen words must not grow it forever).
#: The skill matcher's entries take about 0.5 KB each: at most ~50 MB per process; refilling costs ~2 µs a
#: word.
CACHE_LIMIT = 100_000


class _WordCache(dict):
    """A dict that computes a missing value with ``make(key)`` and keeps it (emptied at CACHE_LIMIT)."""

    def __init__(self, make) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key):
        if len(self) >= CACHE_LIMIT:
            self.clear()
        value = self[key] = self.make(key)
        return value


class LowerLemmatizer:
    """Sets ``token.lemma_`` from a lower-case lookup table (a cut of spacy-lookups-data's English table).

    spaCy's own lookup lemmatizer looks tokens up as written, so "Managed" at the start of a CV bullet stays
    "Managed"; we look up the lower-cased form instead. The lemmas are written as one array (setting
    ``token.lemma_`` token by token was most of this component's time), with the lemma of each word
    computed once.
    """

    def __init__(self, vocab: Vocab, lemmas: dict[str, str]) -> None:
        self.lemmas = lemmas
        strings = vocab.strings

        def lemma_hash(lower_hash: int) -> int:
            low = strings[lower_hash]
            return strings.add(lemmas.get(low, low))

        self._lemma_of = _WordCache(lemma_hash)  # hash of the lower-case form -> hash of its lemma

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            lemma_of = self._lemma_of
            lemmas = [lemma_of[h] for h in doc.to_array(LOWER).tolist()]
            doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc


class _Word(NamedTuple):
    """What the skill matcher knows about a word (kept per word, see ``SkillMatcher._word``)."""

    attrs: TokenAttrs
    #: the phrase-matching keys: None for a token phrases pass over (a hyphen, spaces within a line),
    #: "\n" (both) for white space with a line break, which no phrase spans
    low: str | None
    lem: str
    #: the token patterns that may start at the word
    pattern_starts: tuple[int, ...]
    #: the most words of a phrase starting with ``low`` / ``lem`` (0: none)
    lower_most: int
    lemma_most: int
    #: the skill ``low`` / ``lem`` names on its own, or None
    lower_hit: int | None = None
    lemma_hit: int | None = None
    #: the words that come second in the phrases of two or more words starting with ``low`` / ``lem``
    lower_next: frozenset[str] = frozenset()
    lemma_next: frozenset[str] = frozenset()
    #: the objects of the verb-object pairs whose verb is ``lem`` (see CompiledSkills.pair_objects), or None
    pair_objects: dict[str, int] | None = None
    #: no verb-object pair reaches over the word (a line break, punctuation, "and" ...)
    pair_stop: bool = False


class SkillMatcher:
    """Finds taxonomy skills in a Doc; see the module docstring."""

    def __init__(self, nlp: Language, compiled: CompiledSkills) -> None:
        self.c = compiled
        self.patterns = TokenPatterns([tp["pattern"] for tp in compiled.token_patterns])
        self._tp_skill = [tp["skill"] for tp in compiled.token_patterns]
        self.kinds = compiled.skills.column("kind")
        self.ids = compiled.skills.column("id")
        self.tech = compiled.skills.column("tech")
        # Phrases of three or more words by their first two: the longest one's length. A candidate phrase
        # stops growing at its second word unless some phrase starts with those two words.
        self._second_lower = compiled.second_lower
        self._second_lemma = compiled.second_lemma
        # A candidate phrase grows past its first word only when the next word comes second in some phrase
        # starting with the first (most do not: the two-word look-up is skipped).
        self._next_lower = compiled.next_lower
        self._next_lemma = compiled.next_lemma
        self._words = _WordCache(self._word)  # (orth, lemma) hashes -> _Word
        self._vocab = nlp.vocab

    def _word(self, key: tuple[int, int]) -> _Word:
        """What matching needs to know about a word, from its text and lemma hashes."""
        orth, lemma = key
        lex = self._vocab[orth]
        attrs = TokenAttrs(lex.orth_, lex.lower_, self._vocab.strings[lemma], lex.is_alpha, lex.is_digit,
                           lex.like_num)
        starts = self.patterns.starting_at(attrs)
        if attrs.text in TRANSPARENT_TOKENS or (lex.is_space and "\n" not in attrs.text):
            return _Word(attrs, None, "", starts, 0, 0)
        # A typographic apostrophe reads as the plain one the taxonomy writes ("Bachelor’s degree").
        low, lem = ("\n", "\n") if lex.is_space else (attrs.lower.replace("’", "'"), attrs.lemma.replace("’", "'"))
        c = self.c
        lower_most, lemma_most = c.first_lower.get(low, 0), c.first_lemma.get(lem, 0)
        return _Word(attrs, low, lem, starts, lower_most, lemma_most, c.lower.get(low), c.lemma.get(lem),
                     _seconds(self._next_lower, low) if lower_most > 1 else frozenset(),
                     _seconds(self._next_lemma, lem) if lemma_most > 1 else frozenset(),
                     c.pair_objects.get(lem) if c.pairs else None, low == "\n" or low in _PAIR_STOP)

    def tokens(self, doc: Doc) -> list[_Word]:
        """``_word`` for each token of ``doc`` (from two arrays: no spaCy ``Token`` objects)."""
        if not len(doc):
            return []
        orths, lemmas = doc.to_array([ORTH, LEMMA]).T.tolist()
        words = self._words
        return [words[k] for k in zip(orths, lemmas)]

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc, text: str | None = None) -> list[tuple[int, int, int, bool]]:
        """Return ``(start_token, end_token, skill_index, loose)``, pruned and sorted; ``loose`` marks a
        verb-object match (weaker evidence than a phrase). ``text``: the text ``doc`` was made from, if at
        hand (read instead of the tokens' texts)."""
        c = self.c
        lower, lemma_tab = c.lower, c.lemma
        # Keys of the tokens that take part in matching; hyphens are transparent, whitespace tokens are
        # kept as a key that never matches, so no phrase spans a line break.
        words = self.tokens(doc)
        pos = [i for i, w in enumerate(words) if w.low is not None]
        phrase_words = [words[i] for i in pos]
        lows = [w.low for w in phrase_words]
        lems = [w.lem for w in phrase_words]
        n = len(pos)
        cands: list[tuple[int, int, int, bool]] = []  # start, end (exclusive, in pos), skill, ambiguous
        amb = c.ambiguous

        def longer(keys: list[str], i: int, table: dict[str, int], second: dict[str, int], end: int,
                   sk: int) -> tuple[int, int]:
            """(end, skill) of the longest key of ``table`` of two words or more at ``keys[i:]``, or
            ``(end, sk)`` when there is none."""
            key = keys[i] + " " + keys[i + 1]
            hit = table.get(key)
            if hit is not None:
                end, sk = i + 2, hit
            most = second.get(key, 0)  # the longest key starting with these two words, if over two
            j = i + 2
            while j < n and j - i < most:
                key = key + " " + keys[j]
                hit = table.get(key)
                if hit is not None:
                    end, sk = j + 1, hit
                j += 1
            return end, sk

        # At each word, the longest key of ``lower`` (and of ``lemma``, if longer) that starts there.
        second_lower, second_lemma = self._second_lower, self._second_lemma
        last = n - 1
        for i, w in enumerate(phrase_words):
            best_end, best_sk = (0, -1)
            if w.lower_most:
                if w.lower_hit is not None:
                    best_end, best_sk = i + 1, w.lower_hit
                if i < last and lows[i + 1] in w.lower_next:
                    best_end, best_sk = longer(lows, i, lower, second_lower, best_end, best_sk)
            if w.lemma_most:
                end, sk = (i + 1, w.lemma_hit) if w.lemma_hit is not None else (0, -1)
                if i < last and lems[i + 1] in w.lemma_next:
                    end, sk = longer(lems, i, lemma_tab, second_lemma, end, sk)
                if end > best_end:  # a longer phrase by lemmas
                    best_end, best_sk = end, sk
            if best_end > 0:
                cands.append((i, best_end, best_sk, " ".join(lows[i:best_end]) in amb))
        # Verb-object pairs, where no phrase matched: "maintain strong relationships with customers".
        loose: set[tuple[int, int]] = set()
        if c.pairs:
            covered = bytearray(n)
            for s_, e_, _, _ in cands:
                covered[s_:e_] = b"\x01" * (e_ - s_)
            for i in [i for i, w in enumerate(phrase_words) if w.pair_objects is not None and not covered[i]]:
                objects = phrase_words[i].pair_objects
                for j in range(i + 1, min(n, i + 1 + PAIR_REACH)):
                    wj = phrase_words[j]
                    if wj.pair_stop or covered[j]:
                        break
                    sk = objects.get(wj.lem)
                    if sk is not None:
                        cands.append((i, j + 1, sk, False))
                        loose.add((i, j + 1))
                        break
        # Token patterns, in doc token indices; map back to pos indices (``pos`` is sorted: a binary
        # search per match, not a dict of every token per document).
        tp_matches = self.patterns([w.attrs for w in words], [w.pattern_starts for w in words])
        for pattern, s, e in tp_matches:
            si, ei = bisect.bisect_left(pos, s), bisect.bisect_left(pos, e - 1)
            if si == n or pos[si] != s or ei == n or pos[ei] != e - 1:
                continue  # starts or ends on a token phrases pass over (a hyphen, spaces within a line)
            cands.append((si, ei + 1, self._tp_skill[pattern], False))
        if not cands:
            return []
        cands.sort()
        starts = [cd[0] for cd in cands]
        tags = _tag_fields_near(doc, pos, lows, text) if any(cd[3] for cd in cands) else []
        kept = [cd for cd in cands if not cd[3] or self._context_ok(doc, pos, lows, cd, cands, starts, tags)]
        # Longest first, then leftmost; drop anything overlapping an already kept span.
        kept.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        taken = bytearray(n)
        out = []
        for s, e, sk, _ in kept:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            if sk >= 0:  # -1: an ignore phrase, which only blocks what it covers
                out.append((pos[s], pos[e - 1] + 1, sk, (s, e) in loose))
        out.sort()
        return out

    def _form_ok(self, doc: Doc, pos: list[int], lows: list[str], s: int, e: int) -> bool:
        """An ambiguous neighbour counts as technology if it is written in one of its forms ("Go or
        Rust" confirm each other; "go or rust" do not)."""
        forms = self.c.ambiguous.get(" ".join(lows[s:e]), {}).get("forms")
        return bool(forms) and doc[pos[s]:pos[e - 1] + 1].text in forms

    def _context_ok(self, doc: Doc, pos: list[int], lows: list[str], cand, cands, starts,
                    tags: list[tuple[int, int]] | None = None) -> bool:
        s, e, sk, _ = cand
        key = " ".join(lows[s:e])
        rule: dict[str, Any] = self.c.ambiguous.get(key, {})
        surface = doc[pos[s]:pos[e - 1] + 1].text
        forms = rule.get("forms")
        if tags:
            at = doc[pos[s]].idx
            k = bisect.bisect_right(tags, (at, 1 << 62)) - 1
            if k >= 0 and at < tags[k][1]:
                return True  # a job board's list of the job's technologies, written as lower-case tags
        if forms and surface not in forms:
            return False
        # Hyphens are transparent to phrases, so the neighbours are read from the document: a hyphen glued
        # on both sides ("FP-C", "C-suite", "pre-tax") is the neighbour "-" the rules can block on; a
        # bullet's dash ("- Go") is not.
        a, b = pos[s], pos[e - 1]
        if a > 1 and doc[a - 1].text in TRANSPARENT_TOKENS and not doc[a - 1].whitespace_ \
                and not doc[a - 2].whitespace_:
            prev = "-"
        else:
            prev = lows[s - 1] if s > 0 else ""
        if b + 1 < len(doc) - 1 and doc[b + 1].text in TRANSPARENT_TOKENS and not doc[b].whitespace_ \
                and not doc[b + 1].whitespace_:
            nxt = "-"
        else:
            nxt = lows[e] if e < len(lows) else ""
        if prev in rule.get("block_prev", ()) or nxt in rule.get("block_next", ()):
            return False
        accepts = [k for k in ("accept_next", "accept_prev", "accept_near_tech") if rule.get(k)]
        if not accepts:
            return True
        # Alone on its line (a bullet of a skills list, "• Snowflake"), in one of its forms: a name.
        if forms and (s == 0 or lows[s - 1] in ("\n", "•", "-", "*")) and (e == len(lows) or lows[e] in ("\n", ".", ";")):
            return True
        if nxt in rule.get("accept_next", ()) or prev in rule.get("accept_prev", ()):
            return True
        if rule.get("accept_near_tech"):
            # Only candidates that start within reach (cands are sorted by start): a document full of
            # "Go" must not make this quadratic.
            lo_i = bisect.bisect_left(starts, s - NEAR_TECH_WINDOW - 10)
            hi_i = bisect.bisect_right(starts, e + NEAR_TECH_WINDOW)
            for s2, e2, sk2, amb2 in cands[lo_i:hi_i]:
                if (s2, e2) == (s, e) or sk2 < 0 or not self.tech[sk2]:
                    continue
                if amb2 and not self._form_ok(doc, pos, lows, s2, e2):
                    continue
                if s2 >= e and s2 - e <= NEAR_TECH_WINDOW and not _barrier(lows, e, s2):
                    return True
                if e2 <= s and s - e2 <= NEAR_TECH_WINDOW and not _barrier(lows, e2, s):
                    return True
        return False

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, bool]]) -> None:
        doc.spans["skills"] = [
            Span(doc, s, e, label=self.kinds[sk], kb_id=self.ids[sk], span_id="loose" if lo else "")
            for s, e, sk, lo in matches
        ]


#: A job board's field of required technologies, as tags: the line after a line "Technologies"
#: ("Technologies\ntypescript javascript node.js react go", "Technologies:\n..."), or a line opening
#: "Technologies:".
_TAG_FIELD = re.compile(r"^[ \t]*(?:Technologies|Tech stack|Tags)[ \t]*(?::?[ \t]*\n[^\n]*|:[^\n]*)",
                        re.IGNORECASE | re.MULTILINE)


def _tag_fields(text: str) -> list[tuple[int, int]]:
    """Character spans of a text's job-board technology fields (see _TAG_FIELD)."""
    return [m.span() for m in _TAG_FIELD.finditer(text)]


#: The lower-case words a tag field's heading holds (see _TAG_FIELD).
_TAG_HEADS = frozenset({"technologies", "tags", "stack"})


def _tag_fields_near(doc: Doc, pos: list[int], lows: list[str],
                     text: str | None = None) -> list[tuple[int, int]]:
    """:func:`_tag_fields` of a Doc, read only around the words a field's heading holds: ``doc.text``
    builds a Token object per token, which cost about a millisecond per advert (a span's text too: the
    text the Doc was made from, ``text``, is sliced instead when given)."""
    out: set[tuple[int, int]] = set()
    if _TAG_HEADS.isdisjoint(lows):
        return []
    for k, w in enumerate(lows):
        if w in _TAG_HEADS:
            span = doc[max(0, pos[k] - 4):min(len(doc), pos[k] + 80)]
            base = span.start_char
            near = span.text if text is None else text[base:span.end_char]
            out.update((a + base, b + base) for a, b in _tag_fields(near))
    return sorted(out)


def _seconds(table: dict[str, str], word: str) -> frozenset[str]:
    """The words that come second in phrases starting with ``word`` (see CompiledSkills.next_lower)."""
    seconds = table.get(word)
    return frozenset(seconds.split(" ")) if seconds else frozenset()


def _barrier(lows: list[str], a: int, b: int) -> bool:
    return any(t == "\n" or t in _BARRIERS for t in lows[a:b])


@Language.factory("gapcheck_lemmatizer", default_config={"models_dir": None})
def make_lemmatizer(nlp: Language, name: str, models_dir: str | None) -> LowerLemmatizer:
    return LowerLemmatizer(nlp.vocab, load_compiled(models_dir).lemmas)


@Language.factory("gapcheck_skills", assigns=["doc.spans"],
                  default_config={"models_dir": None, "custom_skills": []})
def make_skill_matcher(nlp: Language, name: str, models_dir: str | None, custom_skills: list[str]) -> SkillMatcher:
    compiled = load_compiled(models_dir)
    if custom_skills:
        from gapcheck.extraction.custom import with_custom_skills

        compiled = with_custom_skills(compiled, custom_skills, lambda s: [t.text for t in nlp.tokenizer(s)])
    return SkillMatcher(nlp, compiled)

"""spaCy token patterns ("work closely with", "meet tight deadlines") matched in plain Python.

The curated soft-skill patterns (``data/curation/soft_patterns.jsonl``) are written in spaCy's ``Matcher``
schema and :class:`TokenPatterns` returns exactly what ``Matcher`` returns for them: every
``(pattern, start, end)`` whose tokens satisfy the pattern, all lengths that the optional and repeated
tokens allow (spaCy's default, not greedy). Why not the ``Matcher`` itself: it checks every token of a
document against every pattern state, and its ``IN`` sets on every token cost about half of the skill
matcher's time; every pattern here starts with a token that must be one of a few words, so matching only
starts at those tokens (a few in a hundred) and the rest of the document is never looked at.

Tokens are given as :class:`TokenAttrs` (strings and flags computed once per distinct word by the skill
matcher), not as spaCy ``Token`` objects, whose attribute lookups are slow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple


class TokenAttrs(NamedTuple):
    """What a pattern can test about a token (spaCy's attribute of the same name in capitals)."""

    text: str
    lower: str
    lemma: str
    is_alpha: bool
    is_digit: bool
    like_num: bool


#: Pattern keys and the :class:`TokenAttrs` field each tests (ORTH and TEXT are the same in spaCy 3).
_FIELDS = {"ORTH": "text", "TEXT": "text", "LOWER": "lower", "LEMMA": "lemma", "IS_ALPHA": "is_alpha",
           "IS_DIGIT": "is_digit", "LIKE_NUM": "like_num"}
_OPS = ("1", "?", "*", "+", "!")

Predicate = Callable[[TokenAttrs], bool]


def _predicate(spec: dict[str, Any]) -> Predicate:
    """A token test from one pattern token (its ``OP`` aside): every attribute must hold."""
    tests: list[tuple[int, str, Any]] = []  # (field index, "eq" | "in" | "not_in", value)
    for key, value in spec.items():
        if key == "OP":
            continue
        if key not in _FIELDS:
            raise ValueError(f"token patterns: unsupported attribute {key!r}")
        idx = TokenAttrs._fields.index(_FIELDS[key])
        if isinstance(value, dict):
            if set(value) == {"IN"}:
                tests.append((idx, "in", frozenset(value["IN"])))
            elif set(value) == {"NOT_IN"}:
                tests.append((idx, "not_in", frozenset(value["NOT_IN"])))
            else:
                raise ValueError(f"token patterns: unsupported operator(s) {sorted(value)} for {key}")
        elif isinstance(value, (str, bool)):
            tests.append((idx, "eq", value))
        else:
            raise ValueError(f"token patterns: unsupported value {value!r} for {key}")

    def test(tok: TokenAttrs) -> bool:
        for idx, how, value in tests:
            v = tok[idx]
            if how == "eq":
                if v != value:
                    return False
            elif (v in value) != (how == "in"):
                return False
        return True

    return test


def _first_words(spec: dict[str, Any]) -> tuple[str, frozenset[str]] | None:
    """``(field, words)`` if a first pattern token can only match one of ``words`` in that field."""
    if spec.get("OP", "1") not in ("1", "+"):
        return None
    for key in ("LOWER", "LEMMA", "ORTH", "TEXT"):
        value = spec.get(key)
        if isinstance(value, str):
            return _FIELDS[key], frozenset([value])
        if isinstance(value, dict) and set(value) == {"IN"}:
            return _FIELDS[key], frozenset(value["IN"])
    return None


class TokenPatterns:
    """Token patterns in spaCy's ``Matcher`` schema, matched where they can start.

    Args:
        patterns: one list of token dicts per pattern (keys ``LOWER``, ``LEMMA``, ``ORTH``, ``TEXT``,
            ``IS_ALPHA``, ``IS_DIGIT``, ``LIKE_NUM``; values a string, a bool, ``{"IN": [...]}`` or
            ``{"NOT_IN": [...]}``; ``OP`` one of ``1 ? * + !``).

    Raises:
        ValueError: a pattern uses something else.
    """

    def __init__(self, patterns: Sequence[list[dict[str, Any]]]) -> None:
        self.steps: list[list[tuple[Predicate, str]]] = []
        #: field -> word -> patterns that can start at a token with that word in that field
        self.starts: dict[str, dict[str, list[int]]] = {}
        #: patterns with no such first word: tried at every token
        self.anywhere: list[int] = []
        for n, pattern in enumerate(patterns):
            steps = []
            for spec in pattern:
                op = spec.get("OP", "1")
                if op not in _OPS:
                    raise ValueError(f"token patterns: unsupported OP {op!r}")
                steps.append((_predicate(spec), op))
            self.steps.append(steps)
            first = _first_words(pattern[0]) if pattern else None
            if first is None:
                self.anywhere.append(n)
                continue
            field, words = first
            by_word = self.starts.setdefault(field, {})
            for w in words:
                by_word.setdefault(w, []).append(n)
        self._start_fields = [(TokenAttrs._fields.index(f), by_word) for f, by_word in self.starts.items()]

    def starting_at(self, tok: TokenAttrs) -> tuple[int, ...]:
        """The patterns that may start at ``tok`` (in order, each once); it depends on the word alone, so
        callers can keep it per word."""
        pats = list(self.anywhere)
        for idx, by_word in self._start_fields:
            pats.extend(by_word.get(tok[idx], ()))
        return tuple(sorted(set(pats)))

    def __call__(self, toks: Sequence[TokenAttrs],
                 starts: Sequence[tuple[int, ...]] | None = None) -> list[tuple[int, int, int]]:
        """Every ``(pattern index, start, end)`` match, end exclusive, each once, sorted by start then
        pattern then end; ``starts``: ``starting_at`` of each token, if already known."""
        if starts is None:
            starts = [self.starting_at(t) for t in toks]
        out = []
        for i, pats in enumerate(starts):
            for n in pats:
                ends: set[int] = set()
                self._ends(self.steps[n], 0, i, toks, ends)
                out.extend((n, i, e) for e in sorted(ends) if e > i)
        return out

    def _ends(self, steps: list[tuple[Predicate, str]], k: int, i: int, toks: Sequence[TokenAttrs],
              ends: set[int]) -> None:
        """Add to ``ends`` every token index where ``steps[k:]`` can end when it starts at token ``i``."""
        if k == len(steps):
            ends.add(i)
            return
        test, op = steps[k]
        n = len(toks)
        if op == "1":
            if i < n and test(toks[i]):
                self._ends(steps, k + 1, i + 1, toks, ends)
        elif op == "!":
            if i < n and not test(toks[i]):
                self._ends(steps, k + 1, i + 1, toks, ends)
        elif op == "?":
            self._ends(steps, k + 1, i, toks, ends)
            if i < n and test(toks[i]):
                self._ends(steps, k + 1, i + 1, toks, ends)
        else:  # "*" (zero or more) or "+" (one or more): every run length
            if op == "*":
                self._ends(steps, k + 1, i, toks, ends)
            j = i
            while j < n and test(toks[j]):
                j += 1
                self._ends(steps, k + 1, j, toks, ends)

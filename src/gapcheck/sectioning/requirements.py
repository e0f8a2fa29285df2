"""Is a skill mentioned in an advert required or only preferred?

The decision uses the mention's section and the cue phrases of ``rules/requirement_cues.json`` found
in the *sentence* around the mention (bounded by line breaks, except those of wrapped lines, bullets,
sentence-final punctuation and semicolons), scoped further to the *clause* (split at commas, colons,
parentheses and "but"/"while"/"whereas"):

1. A cue counts only if its scope reaches the mention: ``forward`` cues govern what follows them
   ("must have X", "ideally X"), ``backward`` cues what precedes them ("X is a plus"), ``both`` either
   ("X preferred", "Preferred: X"). In a ``preferred`` section only explicit required cues ("must",
   "mandatory") count against the section; elsewhere every cue counts.
2. No cue counts: the section decides (``preferred`` section -> preferred, anything else -> required).
3. All counting cues of the sentence agree: they decide.
4. They disagree ("Must have Python, Go is a plus"): the cue in the mention's own clause decides,
   the nearest if there are several (a cue after the mention counts as twice as far as one before
   it); with no cue in the clause, the nearest cue before the mention in the
   sentence decides ("must know Python, Java and C" -> all required), else the nearest after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Literal

from gapcheck.sectioning.rules import load_rules

Level = Literal["required", "preferred"]

# Sentence breaks: a blank line, a line break (but see _soft_newline), a bullet, sentence-final
# punctuation (also "text.Next" with no space), a semicolon, an inline " - " / " * " bullet.
_SENTENCE_BREAK_RE = re.compile(
    r"\n[ \t]*\n"
    r"|\n"
    r"|[•▪●◦‣⁃■➢►✓✔·]"
    r"|(?<=[.!?])[\"')\]]*(?:\s+|(?=[A-Z][a-z]))"
    r"|;"
    r"|\s[*\-–—]\s"
)
_WRAP_WIDTH = 60  # a line at least this long that ends mid-sentence was wrapped by the layout
_BULLET_START = frozenset("•▪●◦‣⁃■➢►✓✔·*-–—")
_CLAUSE_BREAK_RE = re.compile(r"[,:()\[\]]|\s(?:but|while|whereas|however|although|though)\s", re.IGNORECASE)


def _soft_newline(text: str, m: re.Match[str]) -> bool:
    """A single line break that does not end a sentence: the next line starts in lower case, or the
    line before is long and stops mid-sentence (wrapped by pdftotext or a text layout)."""
    if m.group() != "\n":
        return False
    p = m.start()
    nxt = text[p + 1 : p + 80].lstrip(" \t\f\v")
    if not nxt or nxt[0] in _BULLET_START:
        return False
    if nxt[0].islower():
        return True
    line_start = text.rfind("\n", 0, p) + 1
    prev = text[line_start:p].rstrip()
    return len(prev) >= _WRAP_WIDTH and prev[-1] not in ".!?;:"


class _Analysis:
    """What requirement_level needs from a text, found once per text (it is called per mention). The
    clause breaks are found when first needed: only where a sentence's cues disagree."""

    def __init__(self, text: str) -> None:
        self.text = text
        sentence = [m.span() for m in _SENTENCE_BREAK_RE.finditer(text)
                    if m.group() != "\n" or not _soft_newline(text, m)]
        self.sentence_break_starts = [a for a, _ in sentence]
        self.sentence_break_ends = [b for _, b in sentence]
        self.cues: list[tuple[int, int, str, bool, str]] = load_rules().cues.find(text)  # by start
        self.cue_starts = [c[0] for c in self.cues]
        self._clause: tuple[list[int], list[int]] | None = None

    @property
    def clause_breaks(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of the clause breaks."""
        if self._clause is None:
            clause = [m.span() for m in _CLAUSE_BREAK_RE.finditer(self.text)]
            self._clause = ([a for a, _ in clause], [b for _, b in clause])
        return self._clause


@lru_cache(maxsize=16)
def _analyse(text: str) -> _Analysis:
    return _Analysis(text)


def _bounds(starts: list[int], ends: list[int], start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The span around [start, end) within [lo, hi) that crosses no break (breaks given by their sorted
    starts and ends); a break overlapping the mention itself ("Node.js") does not cut it."""
    i = bisect_right(ends, start) - 1
    a = max(lo, ends[i]) if i >= 0 else lo
    j = bisect_left(starts, end)
    b = min(hi, starts[j]) if j < len(starts) else hi
    return min(a, start), max(b, end)


def requirement_level(text: str, start: int, end: int, section: str) -> Level:
    """Whether the skill mentioned at ``text[start:end]`` of an advert is required or preferred.

    Args:
        text: the advert's text.
        start, end: the mention's character span.
        section: the name of the section holding the mention (see :func:`split_sections`).
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"bad span [{start}, {end}) for a text of {len(text)} characters")
    an = _analyse(text)
    in_preferred = section == "preferred"
    default: Level = "preferred" if in_preferred else "required"

    # The sentence: at most 400 characters either way (sentences are short, adverts can be long).
    s_lo, s_hi = _bounds(
        an.sentence_break_starts, an.sentence_break_ends, start, end, max(0, start - 400), end + 400
    )
    found: list[tuple[int, int, Level]] = []  # (cue start, cue end, level) of the cues that can govern
    for k in range(bisect_left(an.cue_starts, s_lo), bisect_left(an.cue_starts, s_hi)):
        c_start, c_end, level, explicit, scope = an.cues[k]
        if c_end > s_hi or (in_preferred and level == "required" and not explicit):
            continue
        if c_end <= start:
            if scope == "backward":
                continue
        elif c_start >= end:
            if scope == "forward":
                continue
        elif not (c_start <= start and c_end >= end):
            continue  # a cue word inside the mention itself ("Required Skills Framework"), not a cue
        found.append((c_start, c_end, level))  # type: ignore[arg-type]
    if not found:
        return default
    if len({f[2] for f in found}) == 1:
        return found[0][2]

    c_lo, c_hi = _bounds(*an.clause_breaks, start, end, s_lo, s_hi)
    in_clause = [f for f in found if f[0] < c_hi and f[1] > c_lo]
    if in_clause:
        return min(in_clause, key=lambda f: _distance(f, start, end))[2]
    before = [f for f in found if f[1] <= start]
    if before:
        return max(before, key=lambda f: f[1])[2]
    return min(found, key=lambda f: f[0])[2]


def _distance(cue: tuple[int, int, str], start: int, end: int) -> int:
    """How far a cue is from the mention; a cue after the mention counts double, because cues mostly
    scope forward ("must have X and ideally Y": "must" governs X, "ideally" governs Y)."""
    c_start, c_end, _ = cue
    if c_end <= start:
        return start - c_end
    if c_start >= end:
        return 2 * (c_start - end) + 1
    return 0  # the cue spans the mention ("familiarity with X is helpful")

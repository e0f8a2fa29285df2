"""A small statistical span tagger for job adverts: which stretches of text the SkillSpan annotators call a
hard skill (``Knowledge``) or an applied skill (``Skill``).

The taxonomy matcher knows names; it does not know whether a name is asked for ("experience with Kafka")
or only mentioned ("the Kafka team will welcome you"), nor the long free-form applied skills no taxonomy
lists ("translate business needs into technical requirements"). The tagger learns both from SkillSpan's
train split (Zhang et al., NAACL 2022). It sees the words around each token *and* what the matcher and
the sectioner said about it, so it is a second opinion on the matcher as much as a span finder.

Model: per token, two multinomial logistic regressions (B/I/O for ``Skill`` and for ``Knowledge``) over
hashed binary features, trained by ``scripts/train_tagger.py`` with scikit-learn and stored as a weight
matrix in ``models/tagger.npz`` (plain arrays, loaded with ``allow_pickle=False``). Features are hashed
from spaCy's 64-bit attribute hashes with numpy, so a 700-word advert costs about a millisecond, with no
Python loop per feature. Only adverts are tagged: the training data are job postings, and CVs read
differently.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

#: Number of hash buckets (a power of two) for the features.
BUCKETS = 1 << 20
#: Output columns: Skill O/B/I, then Knowledge O/B/I.
LABELS = ("Skill", "Knowledge")
#: The kind a span of each label is given (SkillSpan "Skill" = applied/soft, "Knowledge" = hard).
KIND = {"Skill": "soft", "Knowledge": "hard"}

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_S29 = np.uint64(29)
_S40 = np.uint64(64 - 20)
_PAD = {k: np.uint64(v) for k, v in (("bos", 0x1F2E3D4C5B6A7988), ("eos", 0x8877665544332211))}

# Mention codes per token: 0 none; otherwise 1 + 2*(kind*4 + status) + (0 for first token, 1 for inside),
# kind 0 hard 1 soft, status 0 kept (a requirement), 1 dropped by sectioning, 2 loose (verb-object), 3 tech.
#: Marks that open a bulleted line.
BULLETS = frozenset("•·▪●◦‣⁃○■□➢►▶✓✔❖◆◇-–—*+>")


def _shift(col: np.ndarray, k: int) -> np.ndarray:
    """``col`` moved by ``k`` tokens (``k > 0``: the token k to the left), padded with a boundary value."""
    if k == 0:
        return col
    out = np.empty_like(col)
    if k > 0:
        out[:k] = _PAD["bos"]
        out[k:] = col[:-k] if len(col) > k else col[:0]
    else:
        k = -k
        out[-k:] = _PAD["eos"]
        out[:-k] = col[k:] if len(col) > k else col[:0]
    return out


def _mix(template: int, cols: list[np.ndarray], n: int) -> np.ndarray:
    """Hash a feature template's columns into bucket numbers (wrapping uint64 arithmetic)."""
    h = np.full(n, (template + 1) * 0x2545F4914F6CDD1D % (1 << 64), dtype=np.uint64)
    for c in cols:
        h = (h ^ c) * _M1
        h ^= h >> _S29
        h *= _M2
    return (h >> _S40).astype(np.int64)


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per-token columns of one advert (uint64 hashes or small codes), the tagger's input."""

    attrs: np.ndarray      # (n, 5): LOWER, LEMMA, SHAPE, SUFFIX, PREFIX
    mention: np.ndarray    # mention code (see module constants)
    section: np.ndarray    # hash of the section name, plus whether it holds requirements
    voice: np.ndarray      # 1 inside a company-voice sentence
    linepos: np.ndarray    # 0, 1, 2, 3 (3 = fourth or later word of its line)
    linelen: np.ndarray    # words on the line, bucketed
    space: np.ndarray      # True for whitespace tokens (never part of a span)
    newline: np.ndarray    # True for whitespace tokens that hold a line break


def token_table(doc, mentions, kept: set[tuple[int, int]], sections, voice, tech) -> TokenTable:
    """Build the tagger's columns for a Doc.

    Args:
        doc: the advert's Doc (after the lemmatizer and skill matcher).
        mentions: the matcher's mentions (all of them, character offsets).
        kept: ``(start, end)`` of the mentions that survived requirement filtering.
        sections: the advert's sections (``split_sections``).
        voice: company-voice sentence spans (``company_voice_spans``).
        tech: callable ``skill_id -> bool``, True for technologies.
    """
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, PREFIX, SHAPE, SUFFIX

    n = len(doc)
    arr = doc.to_array([LOWER, LEMMA, SHAPE, SUFFIX, PREFIX, IDX, IS_SPACE]).astype(np.uint64)
    idx = arr[:, 5].astype(np.int64)
    space = arr[:, 6].astype(bool)
    newline = np.zeros(n, dtype=bool)
    for i in np.flatnonzero(space):
        newline[i] = "\n" in doc[int(i)].text
    # Position of each word on its line and the line's length. A bullet mark opening a line does not count:
    # SkillSpan's postings lost their bullets, real adverts have them ("• Snowflake" is a one-word line).
    linepos = np.zeros(n, dtype=np.uint64)
    linelen = np.zeros(n, dtype=np.uint64)
    start, k = 0, 0
    for i in range(n + 1):
        if i == n or newline[i]:
            words = k
            bucket = 0 if words <= 1 else 1 if words <= 3 else 2 if words <= 6 else 3 if words <= 12 else 4
            linelen[start:i] = bucket
            start, k = i + 1, 0
        elif not space[i]:
            linepos[i] = min(k, 3)
            if k or doc[i].text not in BULLETS:
                k += 1
    # Mentions, by token.
    mention = np.zeros(n, dtype=np.uint64)
    starts = idx.tolist()
    for m in mentions:
        a = bisect.bisect_left(starts, m.start)
        b = bisect.bisect_left(starts, m.end)
        if a >= b:
            continue
        status = 2 if m.loose else 0 if (m.start, m.end) in kept else 1
        if status == 0 and tech(m.skill_id):
            status = 3
        code = 1 + 2 * ((0 if m.kind == "hard" else 1) * 4 + status)
        mention[a] = code
        mention[a + 1:b] = code + 1
    # Sections and company voice, by token start.
    section = np.zeros(n, dtype=np.uint64)
    from gapcheck.sectioning import holds_requirements

    for s in sections:
        a = bisect.bisect_left(starts, s.start)
        b = bisect.bisect_left(starts, s.end)
        section[a:b] = (hash_string(s.name) ^ (1 if holds_requirements(s) else 0))
    vo = np.zeros(n, dtype=np.uint64)
    for s, e in voice:
        vo[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)] = 1
    return TokenTable(arr[:, :5].copy(), mention, section, vo, linepos, linelen, space, newline)


@lru_cache(maxsize=64)
def hash_string(s: str) -> int:
    """spaCy's 64-bit string hash (stable across versions: it keys serialised Docs)."""
    from spacy.strings import hash_string as _h

    return int(_h(s))


def features(t: TokenTable) -> np.ndarray:
    """Bucket numbers of every feature of every token: an ``(n, n_templates)`` int64 array."""
    n = len(t.mention)
    w, lem, shape, suf, pre = (t.attrs[:, j] for j in range(5))
    m = t.mention
    sh = _shift
    cols = [
        [],                                     # bias
        [w], [lem], [shape], [suf], [pre],
        [sh(w, 1)], [sh(w, -1)], [sh(w, 2)], [sh(w, -2)], [sh(lem, 3)], [sh(lem, -3)],
        [sh(lem, 1), lem], [lem, sh(lem, -1)], [sh(lem, 2), sh(lem, 1)], [sh(lem, -1), sh(lem, -2)],
        [sh(shape, 1), shape, sh(shape, -1)],
        [m], [sh(m, 1)], [sh(m, -1)], [sh(m, 2)], [sh(m, -2)], [m, w], [sh(w, 1), m], [m, sh(m, -1)],
        [t.section], [t.section, m], [t.section, lem],
        [t.linepos], [t.linepos, shape], [t.linepos, lem], [t.linelen], [t.linelen, t.linepos, m],
        [t.voice], [t.voice, m],
    ]
    return np.stack([_mix(k, c, n) for k, c in enumerate(cols)], axis=1)


N_TEMPLATES = 35


def bio_targets(t: TokenTable, idx: list[int], ends: list[int], spans: list[tuple[int, int]]) -> np.ndarray:
    """B/I/O codes (0 O, 1 B, 2 I) per token for gold character spans (training only)."""
    y = np.zeros(len(idx), dtype=np.int64)
    for s, e in spans:
        a = bisect.bisect_left(ends, s + 1)  # first token ending after s
        first = True
        for i in range(a, len(idx)):
            if idx[i] >= e:
                break
            if t.space[i]:
                continue
            y[i] = 1 if first else 2
            first = False
    return y


class SpanTagger:
    """Predicts Skill and Knowledge spans from a :class:`TokenTable`."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, thresholds: dict[str, float]) -> None:
        self.w = weights          # (BUCKETS, 6) float32
        self.b = bias             # (6,)
        self.thresholds = thresholds

    @classmethod
    def load(cls, path: Path) -> SpanTagger:
        with np.load(path, allow_pickle=False) as z:
            rows, vals = z["rows"], z["values"]
            w = np.zeros((BUCKETS, 6), dtype=np.float32)
            w[rows] = vals
            thresholds = {k: round(float(v), 4) for k, v in zip(LABELS, z["thresholds"].tolist())}
            return cls(w, z["bias"].astype(np.float32), thresholds)

    def probabilities(self, t: TokenTable) -> np.ndarray:
        """``(n, 6)``: P(O), P(B), P(I) for Skill, then for Knowledge, per token."""
        f = features(t)
        z = self.w[f].sum(axis=1) + self.b
        out = np.empty_like(z)
        for j in (0, 3):
            x = z[:, j:j + 3]
            x = np.exp(x - x.max(axis=1, keepdims=True))
            out[:, j:j + 3] = x / x.sum(axis=1, keepdims=True)
        out[t.space, 0] = 1.0
        out[t.space, 3] = 1.0
        out[t.space, 1:3] = 0.0
        out[t.space, 4:6] = 0.0
        return out

    def spans(self, t: TokenTable, p: np.ndarray | None = None) -> list[tuple[int, int, str, float]]:
        """``(start_token, end_token, label, mean probability)``: runs of tokens whose probability of
        being inside a span passes the label's threshold; a token more likely B than I starts a new span;
        spans never cross a line break. Whitespace inside a line is bridged."""
        if p is None:
            p = self.probabilities(t)
        out = []
        space, newline = t.space.tolist(), t.newline.tolist()
        for j, label in zip((0, 3), LABELS):
            inside = (1.0 - p[:, j]).tolist()
            th = self.thresholds[label]
            begin = (p[:, j + 1] > p[:, j + 2]).tolist()
            s, last, acc, words = -1, -1, 0.0, 0
            for i in range(len(inside)):
                if space[i] and not newline[i]:
                    continue
                on = inside[i] >= th and not newline[i]
                if s >= 0 and (not on or begin[i]):
                    out.append((s, last + 1, label, round(acc / words, 3)))
                    s = -1
                if on:
                    if s < 0:
                        s, acc, words = i, 0.0, 0
                    acc += inside[i]
                    words += 1
                    last = i
            if s >= 0:
                out.append((s, last + 1, label, round(acc / words, 3)))
        return out

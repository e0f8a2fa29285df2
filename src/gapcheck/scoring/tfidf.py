"""TF-IDF cosine similarity between two documents, with IDF fitted on real job adverts.

The IDF weights are fitted by scikit-learn's ``TfidfVectorizer`` in ``scripts/build_models.py`` and stored in
``models/tfidf.json``. At run time this module applies them in plain Python, reproducing
``TfidfVectorizer.transform`` exactly for the parameters below (a test checks it against scikit-learn), so
gapcheck never pays scikit-learn's ~2 s import on start-up.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from gapcheck.extraction.compiled import _read_json
from gapcheck.paths import models_dir

#: Parameters of the fitted vectorizer (shared with the build script, so the two cannot drift apart).
TFIDF_PARAMS = {
    "lowercase": True,
    # English stop words: "the", "and", "you" carry no signal about a job.
    "stop_words": "english",
    # Unigrams and bigrams: "machine learning" and "project management" are more telling than their words.
    "ngram_range": [1, 2],
    # A term must appear in two adverts of the corpus to get a fitted weight; rarer terms get the
    # maximum IDF at run time (see below), so a CV's unusual but shared term still counts.
    "min_df": 2,
    # log-scaled term frequency: a CV that repeats "Python" ten times is not ten times more similar.
    "sublinear_tf": True,
    "smooth_idf": True,
    "norm": "l2",
    "token_pattern": r"(?u)\b\w\w+\b",
}


class TfidfModel:
    """Vocabulary and IDF weights; :meth:`vector` and :meth:`cosine` mirror scikit-learn."""

    def __init__(self, vocabulary: dict[str, int], idf: list[float], stop_words: frozenset[str],
                 params: dict) -> None:
        self.idf = {t: idf[i] for t, i in vocabulary.items()}
        self.stop_words = stop_words
        self.token_re = re.compile(params["token_pattern"])
        self.ngram_range = tuple(params["ngram_range"])
        self.sublinear = params["sublinear_tf"]
        # The first word of the vocabulary's n-grams, by n: an n-gram starting with another word is out of
        # the vocabulary, so it is not even built.
        self._ngram_starts: dict[int, set[str]] = {}
        for t in self.idf:
            words = t.split(" ")
            if len(words) > 1:
                self._ngram_starts.setdefault(len(words), set()).add(words[0])

    def terms(self, text: str) -> list[str]:
        """The text's terms that are in the vocabulary (unigrams, then bigrams ...), in order.

        Out-of-vocabulary terms are dropped, exactly as TfidfVectorizer.transform drops them.
        """
        idf = self.idf
        words = [w for w in self.token_re.findall(text.lower()) if w not in self.stop_words]
        lo, hi = self.ngram_range
        out: list[str] = []
        for n in range(lo, hi + 1):
            if n == 1:
                out.extend(w for w in words if w in idf)
                continue
            starts = self._ngram_starts.get(n, set())
            if n == 2:  # the common case, without slicing and joining
                grams = (a + " " + b for a, b in zip(words, words[1:]) if a in starts)
            else:
                grams = (" ".join(words[i:i + n]) for i in range(len(words) - n + 1) if words[i] in starts)
            out.extend(g for g in grams if g in idf)
        return out

    def vector(self, text: str) -> dict[str, float]:
        """The L2-normalised TF-IDF vector of ``text`` as a sparse dict."""
        counts = Counter(self.terms(text))
        idf = self.idf
        if self.sublinear:  # a term seen once (most are) has tf 1.0 + log(1) = 1.0 exactly
            vec = {t: idf[t] if c == 1 else (1.0 + math.log(c)) * idf[t] for t, c in counts.items()}
        else:
            vec = {t: float(c) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        if norm:
            vec = {t: v / norm for t, v in vec.items()}
        return vec

    @staticmethod
    def dot(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b[t] for t, v in a.items() if t in b)

    def similarity(self, a: dict[str, float], b: dict[str, float]) -> float:
        """Cosine similarity in [0, 1] of two vectors (a CV's vector is computed once when screening)."""
        return max(0.0, min(1.0, self.dot(a, b)))

    def cosine(self, a: str, b: str) -> float:
        """Cosine similarity in [0, 1] of two texts."""
        return self.similarity(self.vector(a), self.vector(b))


@lru_cache(maxsize=2)
def load_tfidf(directory: str | None = None) -> TfidfModel:
    """Load the fitted TF-IDF model from ``models/tfidf.json`` (once per process)."""
    d = Path(directory) if directory else models_dir()
    data = _read_json(d / "tfidf.json")
    return TfidfModel(data["vocabulary"], data["idf"], _english_stop_words(), data["params"])


def _english_stop_words() -> frozenset[str]:
    from gapcheck.scoring._stopwords import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS

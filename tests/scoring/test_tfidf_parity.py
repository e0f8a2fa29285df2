"""Our run-time TF-IDF must equal scikit-learn's transform with the stored IDF weights."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import ROOT, SAMPLES


def test_stop_words_match_scikit_learn():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from gapcheck.scoring._stopwords import ENGLISH_STOP_WORDS as ours

    assert ours == ENGLISH_STOP_WORDS


@pytest.fixture(scope="module")
def fitted():
    """scikit-learn's vectorizer with our stored vocabulary and IDF, and our model."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from gapcheck.scoring.tfidf import TFIDF_PARAMS, load_tfidf

    data = json.loads((ROOT / "models" / "tfidf.json").read_text())
    vec = TfidfVectorizer(**{**TFIDF_PARAMS, "ngram_range": tuple(TFIDF_PARAMS["ngram_range"]),
                             "vocabulary": data["vocabulary"]})
    vec.fit(["placeholder"])  # sets up the analyzer; the IDF is replaced below
    vec.idf_ = np.array(data["idf"])
    return vec, load_tfidf()


def test_vectors_and_cosine_equal_scikit_learn(fitted):
    vec, ours = fitted
    a = (SAMPLES / "advert_backend_engineer.txt").read_text()
    b = "Senior Python engineer: AWS, Docker and Kubernetes; data pipelines with Kafka. Python Python."
    c = "Registered nurse, ICU, patient care, BLS and ACLS certified."
    m = vec.transform([a, b, c])
    for i, text in enumerate((a, b, c)):
        row = m[i].toarray().ravel()
        inv = {j: t for t, j in vec.vocabulary_.items()}
        expected = {inv[j]: row[j] for j in np.nonzero(row)[0]}
        got = ours.vector(text)
        assert set(got) == set(expected)
        for t, v in expected.items():
            assert got[t] == pytest.approx(v, rel=1e-5)
    sims = (m @ m.T).toarray()
    assert ours.cosine(a, b) == pytest.approx(sims[0, 1], rel=1e-5)
    assert ours.cosine(a, c) == pytest.approx(sims[0, 2], rel=1e-5)
    assert ours.cosine(a, b) > ours.cosine(a, c)


def test_empty_and_unknown_text_has_zero_similarity(fitted):
    _, ours = fitted
    assert ours.cosine("", "Python") == 0.0
    assert ours.cosine("zzqx wvvk", "zzqx wvvk") == 0.0

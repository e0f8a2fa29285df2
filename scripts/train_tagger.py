#!/usr/bin/env python
"""Train the advert span tagger (``src/gapcheck/extraction/tagger.py``) into ``models/tagger.npz``.

Training data: SkillSpan's train and dev splits (``data/corpus/skillspan_train_dev.jsonl``: 198 postings
with their ``Skill`` and ``Knowledge`` spans; MIT / CC BY 4.0, see data/README.md). The test split is never
read here. The features, the regularisation and the thresholds were chosen with the model trained on
train alone and measured on dev (``--data`` a train-only file reproduces that); the shipped model is
then refitted on train + dev, so dev figures are no longer held out for the tagger. Each posting goes through
gapcheck's own pipeline (tokeniser, lemmatizer, skill matcher, advert sectioning), so the tagger learns on
exactly the inputs it sees at run time.

    python scripts/train_tagger.py [--models models] [--c 0.5]

Needs scikit-learn (the ``build`` extra); gapcheck itself only needs numpy to apply the weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TRAIN = ROOT / "data" / "corpus" / "skillspan_train_dev.jsonl"
#: Minimum probability of "inside a span" for a token to be tagged, per label (chosen on the dev split).
THRESHOLDS = {"Skill": 0.6, "Knowledge": 0.2}


def advert_tables(extractor, texts):
    """(TokenTable, token start offsets, token end offsets) per text, through gapcheck's own pipeline."""
    from gapcheck.extraction.tagger import token_table
    from gapcheck.sectioning import company_voice_spans, split_sections

    tech = extractor.is_tech
    for text in texts:
        doc = extractor.nlp(extractor.make_doc(text))
        mentions = extractor._mentions(doc)
        sections = split_sections(text, doc_type="advert")
        kept = {(m.start, m.end) for m in extractor._sectioned(mentions, sections, True, text)}
        table = token_table(doc, mentions, kept, sections, company_voice_spans(text), tech)
        yield table, [t.idx for t in doc], [t.idx + len(t.text) for t in doc]


def build_matrix(extractor, docs):
    from scipy.sparse import csr_matrix

    from gapcheck.extraction.tagger import BUCKETS, LABELS, bio_targets, features

    feats, ys = [], {label: [] for label in LABELS}
    for d, (table, idx, ends) in zip(docs, advert_tables(extractor, [d["text"] for d in docs])):
        keep = ~table.space
        feats.append(features(table)[keep])
        for label in LABELS:
            spans = [(s["start"], s["end"]) for s in d["spans"] if s["label"] == label]
            ys[label].append(bio_targets(table, idx, ends, spans)[keep])
    f = np.concatenate(feats)
    n, k = f.shape
    # Only the buckets some training token uses get a column (about a fifth of BUCKETS): the solver's
    # vectors shrink accordingly, and the others keep weight 0.
    used, cols = np.unique(f.ravel(), return_inverse=True)
    x = csr_matrix((np.ones(n * k, dtype=np.float32), cols, np.arange(0, n * k + 1, k)), shape=(n, len(used)))
    x.sum_duplicates()
    x.data[:] = 1.0
    assert used.max() < BUCKETS
    return x, used, {label: np.concatenate(v) for label, v in ys.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", type=Path, default=ROOT / "models")
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength of the logistic regressions")
    ap.add_argument("--max-iter", type=int, default=300)
    ap.add_argument("--data", type=Path, default=TRAIN, help="postings with spans (JSONL: text, spans)")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    from gapcheck.extraction import load_extractor
    from gapcheck.extraction.tagger import BUCKETS, LABELS

    t0 = time.perf_counter()
    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    extractor = load_extractor(str(args.models), custom_skills=())
    x, used, ys = build_matrix(extractor, docs)
    print(f"{len(docs)} postings, {x.shape[0]:,} tokens, {x.nnz:,} features ({time.perf_counter() - t0:.1f} s)")
    weights = np.zeros((BUCKETS, 6), dtype=np.float32)
    bias = np.zeros(6, dtype=np.float32)
    for j, label in zip((0, 3), LABELS):
        clf = LogisticRegression(C=args.c, max_iter=args.max_iter)
        clf.fit(x, ys[label])
        assert list(clf.classes_) == [0, 1, 2], clf.classes_
        weights[used, j:j + 3] = clf.coef_.T
        bias[j:j + 3] = clf.intercept_
        print(f"{label}: trained ({time.perf_counter() - t0:.1f} s)")
    rows = np.flatnonzero(np.abs(weights).max(axis=1) > 1e-4)
    out = args.models / "tagger.npz"
    np.savez_compressed(out, rows=rows.astype(np.int32), values=weights[rows].astype(np.float16).astype(np.float32),
                        bias=bias, thresholds=np.array([THRESHOLDS[label] for label in LABELS], dtype=np.float32))
    print(f"wrote {out} ({len(rows):,} feature rows, {out.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Baselines for benchmarks/extraction.py: the "before" our extractor has to beat.

    .venv/bin/python benchmarks/extraction.py --extractor baselines:load_baseline
    .venv/bin/python benchmarks/extraction.py --extractor baselines:load_baseline_all_matches

A plain spaCy PhraseMatcher (blank English tokenizer, attr="LOWER") over every ESCO preferred and
alternative label and every O*NET Technology Skills ``Example`` name, with no curation, no stop list and no
context rules. Kind: ``soft`` for ESCO skills whose ``reuseLevel_v1_2_0`` is ``transversal`` or whose
``top_groups`` contain T (transversal) or A (attitudes); ``hard`` for every other ESCO skill and every
O*NET technology.

``load_baseline`` keeps the longest matches (``spacy.util.filter_spans``: overlapping matches resolved to
the longest, then the earliest); ``load_baseline_all_matches`` keeps every match, overlaps included. At one
matched span, one mention is returned for every skill that has the matched string among its labels (so a
string that is an alternative label of three ESCO skills yields three mentions there; span metrics count
the span once).

Reads the shared taxonomy (``<repo>/../shared/data/taxonomy``, which never changes) unless
``GAPCHECK_TAXONOMY_DIR`` points elsewhere, falling back to ``<repo>/data/taxonomy``.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class BaselineMention:
    """Same fields as gapcheck.extraction.mention.Mention, so the baseline has no gapcheck dependency."""

    skill_id: str
    name: str
    kind: str
    text: str
    start: int
    end: int
    section: str = "other"


def taxonomy_dir() -> Path:
    env = os.environ.get("GAPCHECK_TAXONOMY_DIR")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared" / "data" / "taxonomy", REPO / "data" / "taxonomy"]
    for c in candidates:
        if (c / "esco" / "esco_skills_merged.csv").is_file():
            return c
    raise FileNotFoundError(f"no esco/esco_skills_merged.csv under any of {candidates}")


def esco_entries(path: Path) -> Iterator[tuple[str, tuple[str, str, str]]]:
    """(label, (skill_id, preferred label, kind)) for every ESCO preferred and alternative label."""
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            groups = set(row["top_groups"].split(";"))
            soft = row["reuseLevel_v1_2_0"] == "transversal" or bool(groups & {"T", "A"})
            entry = (f"esco:{row['esco_id']}", row["preferredLabel"], "soft" if soft else "hard")
            yield row["preferredLabel"], entry
            for alt in row["altLabels"].split(" | "):
                yield alt, entry


def onet_entries(path: Path) -> Iterator[tuple[str, tuple[str, str, str]]]:
    """(name, (skill_id, name, "hard")) for every distinct O*NET Technology Skills example."""
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name = row["Example"]
            if name in seen:
                continue
            seen.add(name)
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            yield name, (f"onet:tech:{slug}", name, "hard")


class PhraseMatcherBaseline:
    def __init__(self, taxonomy: Path | None = None, longest: bool = True) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        tax = taxonomy or taxonomy_dir()
        self.taxonomy = tax
        self.nlp = spacy.blank("en")
        self.longest = longest
        self.entries: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
        labels: dict[str, None] = {}  # lower-cased label -> None, in first-seen order
        sources = [esco_entries(tax / "esco" / "esco_skills_merged.csv")]
        onet = tax / "onet" / "Technology_Skills.tsv"
        if onet.is_file():
            sources.append(onet_entries(onet))
        by_label: dict[str, list[tuple[str, str, str]]] = {}
        for source in sources:
            for label, entry in source:
                label = " ".join(label.split()).lower()
                if not label:
                    continue
                by_label.setdefault(label, [])
                if entry not in by_label[label]:
                    by_label[label].append(entry)
                labels[label] = None
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        patterns = []
        for label, doc in zip(labels, self.nlp.tokenizer.pipe(labels)):
            key = tuple(t.lower_ for t in doc)
            self.entries.setdefault(key, [])
            for e in by_label[label]:
                if e not in self.entries[key]:
                    self.entries[key].append(e)
            patterns.append(doc)
        self.matcher.add("SKILL", patterns)
        self.n_patterns = len(patterns)

    def extract_texts(self, texts: Iterable[str]) -> Iterator[list[BaselineMention]]:
        from spacy.util import filter_spans

        for doc in self.nlp.tokenizer.pipe(texts):
            spans = self.matcher(doc, as_spans=True)
            if self.longest:
                spans = filter_spans(spans)
            out = []
            for span in sorted(spans, key=lambda s: (s.start_char, s.end_char)):
                for skill_id, name, kind in self.entries.get(tuple(t.lower_ for t in span), ()):
                    out.append(
                        BaselineMention(skill_id, name, kind, span.text, span.start_char, span.end_char)
                    )
            yield out


@cache
def load_baseline() -> PhraseMatcherBaseline:
    return PhraseMatcherBaseline(longest=True)


@cache
def load_baseline_all_matches() -> PhraseMatcherBaseline:
    return PhraseMatcherBaseline(longest=False)

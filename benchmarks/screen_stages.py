#!/usr/bin/env python
"""CPU time per listing of each stage of ``gapcheck screen``, in one process (no start-up, no IPC).

Uses the real adverts ``benchmarks/screen.py`` uses (SkillSpan postings and USAJOBS announcements), each
with a "Ref: N" line as there. Every stage is timed with ``time.process_time`` over all adverts, which
other work on a shared machine changes less than wall time; the run is repeated and the best of each
stage kept. The last figure is ``Screener.run`` itself (all stages plus the glue) after a first pass
has warmed the vocabulary and the caches, as in a long screen.

    python benchmarks/screen_stages.py [--cv FILE] [--repeat 3] [--profile N]

``--profile N`` prints the N most expensive functions (cProfile, by own time) of one ``Screener.run``
pass instead.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from screen import ROOT, base_texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", default=str(ROOT / "data" / "samples" / "cv_software_engineer.pdf"))
    ap.add_argument("--repeat", type=int, default=3, help="passes; the best of each stage is kept (default 3)")
    ap.add_argument("--profile", type=int, metavar="N", help="profile one Screener.run pass instead")
    args = ap.parse_args()

    from gapcheck.api import AnalysedDocument
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.fit import compare_skills
    from gapcheck.screening.analysis import Screener, prepare_cv, row_document, text_key
    from gapcheck.sectioning import section_at, split_sections

    base = base_texts()
    ex = load_extractor()
    cv = prepare_cv(Path(args.cv), extractor=ex)
    lemmatizer, matcher = ex.nlp.get_pipe("gapcheck_lemmatizer"), ex.nlp.get_pipe("gapcheck_skills")
    screener = Screener(cv, extractor=ex)
    n = len(base)
    ref = 0

    def listings() -> list[str]:
        nonlocal ref
        ref += n
        return [f"{t}\n\nRef: {ref + i}" for i, t in enumerate(base)]

    def run_screener(texts: list[str]) -> None:
        tasks = [(i, "text", f"<listing {i}>", t, None) for i, t in enumerate(texts)]
        for i in range(0, n, 16):
            screener.run(tasks[i:i + 16])

    run_screener(listings())  # warm-up: vocabulary, caches, lazy imports
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        texts = listings()
        prof.runcall(run_screener, texts)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
        return 0

    best: dict[str, float] = {}

    def timed(name: str, f):
        t0 = time.process_time()
        out = f()
        ms = 1000 * (time.process_time() - t0) / n
        best[name] = min(best.get(name, ms), ms)
        return out

    for _ in range(args.repeat):
        texts = listings()
        docs = timed("read", lambda: [row_document(t, "<listing>", None, None) for t in texts])
        timed("text key", lambda: [text_key(t) for t in texts])
        texts = [d.text for d in docs]
        spacy_docs = timed("tokenize", lambda: [ex.make_doc(t) for t in texts])
        timed("lemmatize", lambda: [lemmatizer(d) for d in spacy_docs])
        timed("match skills", lambda: [matcher(d) for d in spacy_docs])
        mentions = timed("mentions", lambda: [ex._mentions(d, t) for d, t in zip(spacy_docs, texts)])
        sections = timed("sections", lambda: [split_sections(t, doc_type="advert") for t in texts])
        ads = timed("mention sections", lambda: [
            AnalysedDocument(d, "advert", s, [replace(m, section=section_at(s, m.start)) for m in ms])
            for d, s, ms in zip(docs, sections, mentions)])
        timed("compare skills", lambda: [compare_skills(cv.side, a, extractor=ex, cv_skills=False)
                                         for a in ads])
        timed("Screener.run (all)", lambda: run_screener(listings()))

    print(f"{n} real adverts, CV {args.cv}; CPU ms per listing (best of {args.repeat}):")
    for name, ms in best.items():
        print(f"  {name:<20}{ms:>7.2f}")
    parts = sum(ms for name, ms in best.items() if name != "Screener.run (all)")
    print(f"  {'sum of the stages':<20}{parts:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

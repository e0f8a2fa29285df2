"""company_voice_spans and offer_spans read the text in lower case with quicker patterns where that is safe:
the spans must be those of the plain reading, sentence by sentence."""

from __future__ import annotations

import random
from pathlib import Path

from gapcheck.sectioning import scope as S

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _voice_reference(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for a, b in S.wrapped_sentence_spans(text):
        s = text[a:b]
        voice = S._COMPANY_VOICE.search(s) or S._COMPANY_VOICE_MORE.search(s)
        if voice and not S._APPLICANT_VOICE.search(s):
            out.append((a, b))
    return tuple(out)


def _offer_reference(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for m in S._OFFER.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        before = [b.end() for b in S._BOUNDARY.finditer(text, max(0, m.start() - 400), m.start())]
        a = before[-1] if before else max(0, m.start() - 400)
        nxt = S._BOUNDARY.search(text, m.end(), min(len(text), m.end() + 400))
        out.append((a, nxt.end() if nxt else min(len(text), m.end() + 400)))
    return tuple(out)


def _texts():
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]
    rng = random.Random(5)
    pieces = ["We are", "we're", "WE’VE", "Our team", "ours", "us.", "Acme is a leader", "About Acme",
              "<ORGANIZATION> <ORGANIZATION> unites", "The Data Section has", "you will", "In return",
              "we offer", "What we offer", "Benefits include", "PERKS INCLUDE", "you’ll get",
              "package includes",
              "rewards include", "paid and / or unpaid experience", "volunteer work done through",
              "National Service Programs", "experience", "skills", " ", " ", "\n", "\n\n", ".", "!", "?", ",",
              "Node.js", "e.g.", "trust", "bus", "weekly", "sour", "ſ", "İ", "K", "ı", "•", "-", "x"]
    texts += ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 30)))
              for _ in range(3000)]
    return texts


def test_company_voice_and_offer_spans_match_the_plain_reading():
    for t in _texts():
        assert S.company_voice_spans.__wrapped__(t) == _voice_reference(t), t
        assert S.offer_spans.__wrapped__(t) == _offer_reference(t), t

"""Tidying of extracted text (PDF/DOCX/HTML only)."""

from __future__ import annotations

import sys

import pytest

from gapcheck.reading.cleanup import clean_extracted


def clean(text: str, kind: str = "pdf") -> str:
    return clean_extracted(text, kind=kind)[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ﬁle ﬂow ﬀ ﬃ ﬄ", "file flow ff ffi ffl"),
        ("Weâ€™re hiring â€“ now", "We’re hiring – now"),
        ("cafÃ© rÃ©sumÃ©", "café résumé"),
        ("a\u00a0b\u2009c\u202fd", "a b c d"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("many    spaces   here", "many spaces here"),
        ("  indented line  \n\n\n\n next", "indented line\n\nnext"),
        ("ctrl\x07\x1b chars", "ctrl chars"),
        ("Title\t\tLondon", "Title\tLondon"),
    ],
)
def test_character_repairs(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_mojibake_repair_is_reported() -> None:
    text, warnings = clean_extracted("Weâ€™re", kind="html")
    assert text == "We’re" and warnings


def test_clean_text_is_left_alone() -> None:
    good = "Café “quotes” – naïve – 50 € – ½ – Zürich – 東京 – Ελληνικά"
    assert clean(good) == good
    assert clean_extracted(good, kind="pdf")[1] == ()


def test_ascii_text_does_not_import_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "ftfy", raising=False)
    clean("plain ascii text - with hyphen-\nation\n" * 50)
    clean("no mojibake here: café – “x”")
    assert "ftfy" not in sys.modules


def test_soft_hyphens() -> None:
    assert clean("Back\u00adend Mar. 2010 \u00ad Aug. 2017", "pdf") == "Back-end Mar. 2010 - Aug. 2017"
    assert clean("hyphen\u00adation", "html") == "hyphenation"
    assert clean("hyphen\u00adation", "docx") == "hyphenation"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("the require-\nments list", "the requirements list"),
        ("top 5% of sub-\nmissions)", "top 5% of submissions)"),
        ("Python-\nBased", "Python-\nBased"),
        ("see 2019-\n2020", "see 2019-\n2020"),
        ("AWS multi-\naccount setup", "AWS multi-account setup"),
        ("self-\nsupervised", "self-supervised"),
        (
            "state-of-the-art models; state-of-the-\nart again",
            "state-of-the-art models; state-of-the-art again",
        ),
        ("datadriven work, data-\ndriven", "datadriven work, datadriven"),
    ],
)
def test_line_end_hyphenation(raw: str, expected: str) -> None:
    assert clean(raw, "pdf") == expected


def test_hyphenation_is_pdf_only() -> None:
    assert clean("require-\nments", "docx") == "require-\nments"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("◦ nested item", "• nested item"),
        ("▪item", "• item"),
        ("● a\n‣ b\n■ c", "• a\n• b\n• c"),
        ("– dash item", "• dash item"),
        ("− minus item", "• minus item"),
        ("−5% costs", "−5% costs"),
        ("\uf0b7 symbol-font bullet", "• symbol-font bullet"),
        ("call \uf095 me", "call me"),
        ("•\nBullet on its own line", "• Bullet on its own line"),
        ("  •   spaced", "• spaced"),
        ("A • B", "A • B"),
    ],
)
def test_bullets(raw: str, expected: str) -> None:
    assert clean(raw) == expected

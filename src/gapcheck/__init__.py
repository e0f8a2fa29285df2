"""gapcheck: how a CV stands against a job advert, precisely and honestly. Fully offline.

Public API (imported lazily, so ``import gapcheck`` costs nothing until you use it)::

    from gapcheck import analyze, screen, read_document, read_text, load_extractor
    report = analyze("cv.pdf", "advert.txt")   # -> Report
    report.to_json(); report.to_markdown(); report.frames()

Layout: ``reading/`` (PDF, DOCX, HTML, TXT), ``sectioning/`` (headings -> sections), ``extraction/``
(spaCy skill matcher over the compiled taxonomy), ``scoring/`` (TF-IDF similarity, coverage, match),
``gaps/`` (gaps, relations, evidence, stretched claims, actions), ``reporting/`` (the report and its
renderers), ``cli.py`` (the command line), ``api.py`` (the functions below).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "GapcheckError",
    "Report",
    "analyze",
    "extract_skills",
    "load_extractor",
    "read_document",
    "read_text",
    "screen",
]

_LAZY = {
    "analyze": ("gapcheck.api", "analyze"),
    "extract_skills": ("gapcheck.api", "extract_skills"),
    "load_extractor": ("gapcheck.extraction", "load_extractor"),
    "read_document": ("gapcheck.reading", "read_document"),
    "read_text": ("gapcheck.reading", "read_text"),
    "screen": ("gapcheck.screening", "screen"),
    "Report": ("gapcheck.reporting.model", "Report"),
    "GapcheckError": ("gapcheck.errors", "GapcheckError"),
}

if TYPE_CHECKING:  # pragma: no cover
    from gapcheck.api import analyze, extract_skills
    from gapcheck.errors import GapcheckError
    from gapcheck.extraction import load_extractor
    from gapcheck.reading import read_document, read_text
    from gapcheck.reporting.model import Report


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        mod, attr = _LAZY[name]
        value = getattr(importlib.import_module(mod), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'gapcheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_LAZY))

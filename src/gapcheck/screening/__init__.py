"""Screening: one CV against many job listings, ranked by fit (``gapcheck screen``).

    >>> from gapcheck import screen
    >>> df = screen("cv.pdf", "saved_jobs/")            # a folder, a CSV/JSONL export, or a list
    >>> df[["match", "title", "top_gaps"]].head(10)

Every listing gets the score ``gapcheck CV ADVERT`` would give it (same similarity, coverage, requirement
levels and filtering); the CV is analysed once and listings stream through the extractor in chunks,
optionally in several processes. A listing that cannot be read becomes an error row and the batch goes
on. Identical listings (same text, ignoring case and spacing) are reported once.

Rows (:data:`COLUMNS`): ``source`` (the path, or ``file.csv#N`` / ``file.jsonl#N`` for a row of an
export), ``title``, ``match`` (0-100), ``similarity``, ``required_coverage``, ``preferred_coverage``,
``top_gaps`` (names of the most important missing required skills), ``status`` (``ok`` / ``error``) and
``error`` (the one-line reason). Ok rows come best first, error rows after them in input order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gapcheck.screening.analysis import COLUMNS, DEFAULT_GAPS, PreparedCV, Screener, prepare_cv, text_key
from gapcheck.screening.ranking import Ranker
from gapcheck.screening.runner import CHUNK_SIZE, ScreenRun
from gapcheck.screening.sources import (
    DEFAULT_TEXT_COLUMNS,
    DEFAULT_TITLE_COLUMNS,
    count_listings,
    iter_tasks,
)

__all__ = [
    "COLUMNS",
    "DEFAULT_TEXT_COLUMNS",
    "DEFAULT_TITLE_COLUMNS",
    "PreparedCV",
    "ScreenResult",
    "Screener",
    "count_listings",
    "iter_tasks",
    "prepare_cv",
    "run_screen",
    "screen",
    "text_key",
]


@dataclass
class ScreenResult:
    """The rows of a screen and what happened to the rest.

    Attributes:
        rows: ok rows best first (the ``top`` best, at least ``min_match``), then every error row.
        screened: listings scored (ok rows before ``top`` and ``min_match`` cut them).
        failed: listings that could not be read or analysed (the error rows).
        duplicates: repeats of an earlier listing, left out.
        below_min: scored listings under ``min_match``.
    """

    cv_source: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    screened: int = 0
    failed: int = 0
    duplicates: int = 0
    below_min: int = 0


def run_screen(cv: Any, listings: Any, *, top: int | None = None, min_match: float | None = None,
               jobs: int | None = 1, text_column: str | None = None, title_column: str | None = None,
               gaps: int = DEFAULT_GAPS, limits=None, skills=None, extractor=None,
               chunk_size: int = CHUNK_SIZE,
               on_progress: Callable[[int], None] | None = None) -> ScreenResult:
    """Screen ``listings`` against ``cv``; the engine behind :func:`screen` and ``gapcheck screen``.

    Args: see :func:`screen`; ``on_progress(n)`` is called with the number of listings handled so far.

    Raises:
        gapcheck.errors.GapcheckError: the CV cannot be read (listings never raise: they become rows).
    """
    if extractor is None:
        from gapcheck.extraction import load_extractor

        extractor = load_extractor(custom_skills=skills)
    cv_prepared = cv if isinstance(cv, PreparedCV) else prepare_cv(cv, extractor=extractor)
    tasks = iter_tasks(listings, text_column=text_column, title_column=title_column, limits=limits)
    run = ScreenRun(cv_prepared, tasks, jobs=jobs or 0, chunk_size=chunk_size,
                    options={"gaps": gaps, "limits": limits}, extractor=extractor, custom_skills=skills,
                    on_progress=on_progress)
    ranker = Ranker(top=top, min_match=min_match)
    for seq, row in run:
        ranker.add(seq, row)
    return ScreenResult(cv_prepared.source, ranker.rows(), screened=ranker.ok, failed=ranker.failed,
                        duplicates=run.duplicates, below_min=ranker.below)


def screen(cv: Any, listings: Any, *, top: int | None = None, min_match: float | None = None,
           jobs: int | None = 1, text_column: str | None = None, title_column: str | None = None,
           gaps: int = DEFAULT_GAPS, limits=None, skills=None, extractor=None):
    """Rank job listings by how well a CV fits them.

    Args:
        cv: the CV: a path (PDF, DOCX, TXT, Markdown, HTML) or a :class:`~gapcheck.reading.Document`.
        listings: a folder (read recursively: ``.txt``, ``.md``, ``.html``, ``.pdf``, ``.docx``), a
            document, a ``.csv`` or ``.jsonl`` export of saved jobs (one listing per row), a pandas
            DataFrame, or an iterable of any of these and of texts, Documents and mappings
            (``{"text": ..., "title": ...}``). A string in an iterable is a path if it names an existing
            file or looks like a file name, else a listing's text (wrap texts with
            :func:`gapcheck.read_text` to be explicit).
        top: keep only the ``top`` best listings (error rows are always kept).
        min_match: keep only listings whose match is at least this (0-100).
        jobs: worker processes; 0 or None for one per CPU.
        text_column, title_column: the CSV column / JSONL field holding a listing's text and its title
            (default: the first of ``text``, ``description``, ``job_description`` ... and of ``title``,
            ``job_title``, ``position`` ... that exists, case-insensitively).
        gaps: how many missing required skills ``top_gaps`` names.
        limits: :class:`~gapcheck.reading.Limits` for reading each listing.
        skills: paths of custom-skill files (JSONL or CSV); None: those named in gapcheck.toml, as
            ``gapcheck CV ADVERT`` uses them; ``()``: none.
        extractor: a :class:`~gapcheck.extraction.SkillExtractor` to use instead (with ``jobs`` > 1 only
            where processes fork, as on Linux; elsewhere each worker loads the one ``skills`` names).

    Returns:
        A pandas DataFrame with the columns of :data:`COLUMNS`, ok rows best first, then error rows.
        ``df.attrs`` holds ``screened``, ``failed``, ``duplicates`` and ``below_min`` counts.

    Raises:
        gapcheck.errors.GapcheckError: the CV cannot be read.
    """
    result = run_screen(cv, listings, top=top, min_match=min_match, jobs=jobs, text_column=text_column,
                        title_column=title_column, gaps=gaps, limits=limits, skills=skills,
                        extractor=extractor)
    return to_frame(result)


def to_frame(result: ScreenResult):
    """A :class:`ScreenResult` as a pandas DataFrame (pandas is imported here, not before)."""
    import pandas as pd

    df = pd.DataFrame(result.rows, columns=list(COLUMNS))
    df["match"] = df["match"].astype("Int64")
    for c in ("similarity", "required_coverage", "preferred_coverage"):
        df[c] = df[c].astype("float64")
    df.attrs.update(cv=result.cv_source, screened=result.screened, failed=result.failed,
                    duplicates=result.duplicates, below_min=result.below_min)
    return df



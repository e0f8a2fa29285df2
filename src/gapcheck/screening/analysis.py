"""Scoring listings against a CV analysed once: what each worker process runs.

Per listing, the path ``gapcheck CV ADVERT`` takes (:func:`gapcheck.api.analyse_document` then
:func:`gapcheck.api.compare_documents`), with the CV side done once and the report left out:

* the CV is read, sectioned and its skills extracted once, and what every comparison needs from it
  (:class:`gapcheck.gaps.fit.CVSide`) computed once, in the parent process (:class:`PreparedCV`, handed
  to the workers);
* listings go through ``nlp.pipe`` a chunk at a time, are sectioned as ``analyse_document`` does, and
  compared by :func:`gapcheck.gaps.fit.compare_skills`, the part of ``compare_documents`` that gives the
  skills, gaps and score, so a listing's match, coverage and gaps are exactly those of ``gapcheck CV
  ADVERT`` for the same pair (the tests check it); the rest of a report (evidence, claims, actions) is
  not built;
* nothing is kept between listings but a set of text hashes (to skip repeats); each listing becomes a
  small row dict.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from gapcheck.errors import GapcheckError
from gapcheck.extraction.mention import Mention
from gapcheck.reading import Document, Limits, read_document, read_text
from gapcheck.reading.limits import short_detail

#: The row's fields, in order (the JSON, CSV and DataFrame columns).
COLUMNS = ("source", "title", "match", "similarity", "required_coverage", "preferred_coverage", "top_gaps",
           "status", "error")

#: How many missing required skills a row names.
DEFAULT_GAPS = 3

_HTML_HINT = re.compile(r"<(?:p|div|br|li|ul|ol|h[1-6]|strong|b|em|span|table|tr|td)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class PreparedCV:
    """The CV analysed once (read, sectioned, skills extracted) with its side of every comparison; small
    and picklable (it is handed to worker processes)."""

    side: Any  # gapcheck.gaps.fit.CVSide

    @property
    def doc(self):
        """The :class:`~gapcheck.api.AnalysedDocument`."""
        return self.side.doc

    @property
    def source(self) -> str:
        return self.doc.document.source


def prepare_cv(cv: Any, *, extractor=None) -> PreparedCV:
    """Read (if needed), section and extract the CV.

    Raises:
        gapcheck.errors.GapcheckError: the CV cannot be read.
    """
    from gapcheck.api import analyse_document
    from gapcheck.extraction import load_extractor
    from gapcheck.gaps.fit import CVSide

    ex = extractor or load_extractor()
    return PreparedCV(CVSide.of(analyse_document(cv, "cv", extractor=ex), ex))


def text_key(text: str) -> bytes:
    """The identity of a listing: a hash of its text with case and whitespace normalised."""
    norm = " ".join(text.split()).casefold()
    return hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def error_row(source: str, message: str, title: str | None = None) -> dict[str, Any]:
    return {"source": source, "title": title, "match": None, "similarity": None, "required_coverage": None,
            "preferred_coverage": None, "top_gaps": [], "status": "error", "error": message}


def _one_line(message: str) -> str:
    return " ".join(message.split())


def row_document(text: str, source: str, title: str | None, limits: Limits | None) -> Document:
    """A listing given as text (a CSV/JSONL row, a string): HTML markup (as job-board exports carry)
    is turned into text the way an ``.html`` file is, and a title from its own column becomes the first
    line unless the text already starts with it (an advert's first line is its title)."""
    head = text[:4000]
    if head.lstrip().startswith("<") or _HTML_HINT.search(head):
        from gapcheck.reading.cleanup import clean_extracted
        from gapcheck.reading.html_reader import html_to_text

        text, _ = clean_extracted(html_to_text(text, source=source), kind="html")
    if title:
        first = text.lstrip().split("\n", 1)[0]
        if " ".join(first.split()).casefold() != title.casefold():
            text = f"{title}\n\n{text}" if text.strip() else text
    return read_text(text, source=source, limits=limits)


class Screener:
    """Scores listings against one prepared CV; one per process (see :mod:`gapcheck.screening.runner`)."""

    def __init__(self, cv: PreparedCV, *, gaps: int = DEFAULT_GAPS, limits: Limits | None = None,
                 extractor=None) -> None:
        from gapcheck.extraction import load_extractor

        self.cv = cv.side
        self.gaps = gaps
        self.limits = limits
        self.extractor = extractor or load_extractor()
        self.seen: set[bytes] = set()

    # -- a chunk of tasks -> results ----------------------------------------------------------------------

    def run(self, tasks) -> list[tuple[int, bytes | None, dict | None]]:
        """``(seq, key, row)`` per task, in order; ``row`` is None for a repeat of a listing this process
        has already scored (``key`` says which), ``key`` None for a listing that could not be read."""
        out: list[tuple[int, bytes | None, dict | None]] = []
        todo: list[tuple[int, Any, Document]] = []  # (index in out, task, document)
        for task in tasks:
            seq, kind, source, payload, title = task
            if kind == "error":
                out.append((seq, None, error_row(source, _one_line(payload), title)))
                continue
            try:
                if kind == "path":
                    doc = read_document(payload, limits=self.limits)
                elif kind == "doc":
                    doc = Document(payload, source, "text")
                else:
                    doc = row_document(payload, source, title, self.limits)
            except GapcheckError as e:
                out.append((seq, None, error_row(source, _one_line(str(e)), title)))
                continue
            except Exception as e:  # noqa: BLE001 - one listing must never stop the batch
                out.append((seq, None, error_row(
                    source, f"{source}: could not be read ({type(e).__name__}: {short_detail(e)})", title)))
                continue
            key = text_key(doc.text)
            if key in self.seen:
                out.append((seq, key, None))
                continue
            self.seen.add(key)
            out.append((seq, key, None))
            todo.append((len(out) - 1, task, doc))
        if todo:
            for (i, task, doc), mentions in zip(todo, self._extract([d.text for _, _, d in todo])):
                seq, _, source, _, title = task
                try:
                    if isinstance(mentions, BaseException):
                        raise mentions
                    row = self.score(doc, mentions, title=title)
                except Exception as e:  # noqa: BLE001
                    row = error_row(source, f"{source}: could not be analysed ({type(e).__name__}: "
                                            f"{short_detail(e)})", title)
                out[i] = (seq, out[i][1], row)
        return out

    def _extract(self, texts: list[str]) -> list:
        """Mentions per text through ``nlp.pipe``; if the batch fails, text by text (a failing text gets
        its exception in place of its mentions)."""
        try:
            return list(self.extractor.extract_texts(texts, batch_size=max(1, len(texts))))
        except Exception:  # noqa: BLE001
            out: list = []
            for t in texts:
                try:
                    out.append(self.extractor.extract(t))
                except Exception as e:  # noqa: BLE001
                    out.append(e)
            return out

    # -- one listing ---------------------------------------------------------------------------------------

    def score(self, doc: Document, mentions: list[Mention], *, title: str | None = None) -> dict[str, Any]:
        """The row for one listing, from its raw mentions (as ``SkillExtractor.extract`` gives them).

        The listing is sectioned as :func:`gapcheck.api.analyse_document` does it and compared with
        :func:`gapcheck.gaps.fit.compare_skills`, which :func:`gapcheck.api.compare_documents` builds its
        report on, so the match is the one ``gapcheck CV ADVERT`` reports for the same pair.
        """
        from gapcheck.api import AnalysedDocument
        from gapcheck.gaps.fit import compare_skills
        from gapcheck.sectioning import section_at, split_sections

        sections = split_sections(doc.text, doc_type="advert")
        mentions = [m.in_section(section_at(sections, m.start)) for m in mentions]
        fit = compare_skills(self.cv, AnalysedDocument(doc, "advert", sections, mentions),
                             extractor=self.extractor, cv_skills=False)
        sc = fit.score
        return {
            "source": doc.source, "title": title or fit.title, "match": sc.match,
            "similarity": sc.similarity, "required_coverage": sc.required_coverage,
            "preferred_coverage": sc.preferred_coverage,
            "top_gaps": [g.name for g in fit.gaps if g.requirement == "required"][: self.gaps],
            "status": "ok", "error": None,
        }

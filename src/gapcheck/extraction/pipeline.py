"""The extraction pipeline: ``spacy.blank("en")`` plus gapcheck's components, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from gapcheck.extraction.compiled import CompiledSkills, load_compiled
from gapcheck.extraction.mention import Mention

#: Texts longer than this are cut before tokenising (spaCy's own max_length is 1,000,000 characters).
MAX_CHARS = 2_000_000


class SkillExtractor:
    """Extracts skill mentions from texts with a cached spaCy pipeline.

    Use :func:`load_extractor` rather than building one: the pipeline and tables load once per process.
    """

    def __init__(self, models_dir: str | None = None) -> None:
        import spacy

        from gapcheck.extraction import matcher  # noqa: F401  (registers the factories)

        self.compiled: CompiledSkills = load_compiled(models_dir)
        nlp = spacy.blank("en")
        nlp.max_length = MAX_CHARS + 1
        cfg = {"models_dir": models_dir}
        nlp.add_pipe("gapcheck_lemmatizer", config=cfg)
        nlp.add_pipe("gapcheck_skills", config=cfg)
        self.nlp = nlp
        self._index = self.compiled.by_id()

    def skill(self, skill_id: str):
        """The :class:`~gapcheck.extraction.compiled.SkillRecord` for an id."""
        return self.compiled.skills[self._index[skill_id]]

    def _mentions(self, doc) -> list[Mention]:
        skills, index = self.compiled.skills, self._index
        out = []
        for span in doc.spans["skills"]:
            rec = skills[index[span.kb_id_]]
            out.append(Mention(rec.id, rec.name, rec.kind, span.text, span.start_char, span.end_char))
        return out

    def extract(self, text: str) -> list[Mention]:
        """Mentions in one text, in order; ``text[m.start:m.end] == m.text`` for each."""
        return self._mentions(self.nlp(text[:MAX_CHARS]))

    def extract_texts(self, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[list[Mention]]:
        """Mentions for each text of a stream, in order (uses ``nlp.pipe``)."""
        for doc in self.nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size):
            yield self._mentions(doc)


@lru_cache(maxsize=2)
def load_extractor(models_dir: str | None = None) -> SkillExtractor:
    """The process-wide :class:`SkillExtractor` (built on first use)."""
    return SkillExtractor(models_dir)

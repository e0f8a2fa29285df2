"""Skill extraction: taxonomy tables compiled in ``models/``, matched by spaCy components.

Public API: :func:`load_extractor` returns a cached :class:`SkillExtractor`; its ``extract(text)`` and
``extract_texts(texts)`` return :class:`Mention` lists.
"""

from gapcheck.extraction.mention import Mention, SkillKind
from gapcheck.extraction.pipeline import SkillExtractor, load_extractor

__all__ = ["Mention", "SkillExtractor", "SkillKind", "load_extractor"]

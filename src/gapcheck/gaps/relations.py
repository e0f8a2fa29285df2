"""Relations between skills: "implies" (narrower to broader) and "related" (transferable).

Loaded from ``models/relations.json``, compiled from ESCO's broader relations (skill pillar) and from our
curated ``data/curation/relations.jsonl``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from gapcheck.paths import models_dir

#: A broader ESCO concept with more narrower skills than this is a category ("ICT", "languages"), too
#: wide for two of its members to count as close relatives.
MAX_SIBLING_GROUP = 40


class Relations:
    """Skill relations with the two questions gap analysis asks of them."""

    def __init__(self, broader: dict[str, list[str]], implies: dict[str, list[str]],
                 related: dict[str, list[str]]) -> None:
        self.broader = broader
        self.implies = implies
        self.related = related
        children: dict[str, list[str]] = defaultdict(list)
        for c, ps in broader.items():
            for p in ps:
                children[p].append(c)
        self.children = children

    def ancestors(self, sid: str, depth: int = 2) -> set[str]:
        """Skills that ``sid`` implies: curated implications and ESCO broader skills, ``depth`` levels."""
        out: set[str] = set()
        frontier = {sid}
        for _ in range(depth):
            nxt: set[str] = set()
            for s in frontier:
                nxt.update(self.implies.get(s, ()))
                nxt.update(self.broader.get(s, ()))
            nxt -= out
            out |= nxt
            frontier = nxt
        return out

    def narrower_index(self, have: Iterable[str]) -> dict[str, str]:
        """For each skill that a skill of ``have`` implies (SQL for PostgreSQL), the first such skill of
        ``have`` (in its order), other than itself: what satisfies an advert's broader skill. Built once
        per CV (screening compares it with thousands of adverts)."""
        out: dict[str, str] = {}
        for cand in have:
            for sid in self.ancestors(cand):
                if sid != cand:
                    out.setdefault(sid, cand)
        return out

    def relatives_in(self, sid: str, have: dict) -> list[str]:
        """Skills of ``have`` closely related to ``sid``: curated relatives first, then ESCO siblings."""
        out = [r for r in self.related.get(sid, ()) if r in have]
        for p in self.broader.get(sid, ()):
            sibs = self.children.get(p, ())
            if len(sibs) > MAX_SIBLING_GROUP:
                continue
            out += [s for s in sibs if s in have and s != sid and s not in out]
        # A skill the CV has that implies one of sid's parents is a relative too (Jenkins for CI/CD).
        return out


@lru_cache(maxsize=2)
def load_relations(directory: str | None = None) -> Relations:
    """Load ``models/relations.json`` once per process."""
    from gapcheck.extraction.compiled import _read_json

    d = Path(directory) if directory else models_dir()
    data = _read_json(d / "relations.json")
    return Relations(data["broader"], data.get("implies", {}), data.get("related", {}))

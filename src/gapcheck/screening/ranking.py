"""Ranking rows as they stream in: best first, errors after, only the K best kept when asked."""

from __future__ import annotations

import heapq
from typing import Any


def rank_key(seq: int, row: dict[str, Any]) -> tuple:
    """Larger is better: match, then similarity, then required coverage; earlier input wins ties."""
    return (row["match"], row["similarity"], row["required_coverage"], -seq)


class Ranker:
    """Collects rows: ok rows ranked (only the ``top`` best are held when ``top`` is given, in a heap),
    rows under ``min_match`` dropped, error rows all kept in input order.

    Counts: ``ok`` (scored), ``failed`` (error rows), ``below`` (scored but under ``min_match``).
    """

    def __init__(self, *, top: int | None = None, min_match: float | None = None) -> None:
        if top is not None and top < 0:
            raise ValueError("top must be 0 or more")
        self.top = top
        self.min_match = min_match
        self.ok = self.failed = self.below = 0
        self._best: list[tuple[tuple, int, dict]] = []  # heap (worst first) or plain list
        self._errors: list[dict] = []

    def add(self, seq: int, row: dict[str, Any]) -> None:
        if row["status"] != "ok":
            self.failed += 1
            self._errors.append(row)
            return
        self.ok += 1
        if self.min_match is not None and row["match"] < self.min_match:
            self.below += 1
            return
        item = (rank_key(seq, row), seq, row)
        if self.top is None:
            self._best.append(item)
        elif len(self._best) < self.top:
            heapq.heappush(self._best, item)
        elif self.top and item[0] > self._best[0][0]:
            heapq.heapreplace(self._best, item)

    def rows(self) -> list[dict[str, Any]]:
        """Ok rows best first, then error rows in input order."""
        ranked = sorted(self._best, key=lambda x: x[0], reverse=True)
        return [r for _, _, r in ranked] + list(self._errors)

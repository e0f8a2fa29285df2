"""Running the screen: in this process, or in worker processes, streaming and in input order.

Tasks (see :mod:`gapcheck.screening.sources`) are grouped into chunks. With ``jobs == 1`` each chunk is
scored here; with more, chunks go to a pool of worker processes (the ``fork`` start method on Linux, so
each worker starts with the extractor, the tables and the prepared CV already loaded, copy-on-write;
elsewhere each worker loads them once in its initializer). At most ``2 × jobs`` chunks are in flight, so
memory stays flat however many listings there are; results come back as small row dicts, in input order.

Repeated listings (same text once case and whitespace are normalised) are reported once: a worker skips a
text it has already scored, and the collector drops any later repeat by its hash, so the first in input
order is the one kept.

If a worker process dies (killed, out of memory, a crash in a native library), what was in flight is run
again one listing at a time in a fresh pool, so only the listing that kills a worker becomes an error row.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from gapcheck.screening.analysis import PreparedCV, Screener, error_row
from gapcheck.screening.sources import Task

#: Listings per chunk handed to a worker (and per ``nlp.pipe`` call).
CHUNK_SIZE = 16

_SCREENER: Screener | None = None  # the worker process's screener


def _init_worker(cv: PreparedCV, options: dict[str, Any], extractor, custom_skills) -> None:
    import gc
    import signal

    global _SCREENER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if extractor is None:  # not forked: load the same pipeline here, once
        from gapcheck.extraction import load_extractor

        extractor = load_extractor(custom_skills=custom_skills)
    _SCREENER = Screener(cv, extractor=extractor, **options)
    # Everything loaded so far (the pipeline, its tables, the CV) lives as long as the worker: the cyclic
    # garbage collector need not walk it again at every full collection (nor, after a fork, write to
    # the pages the worker still shares with its parent).
    gc.freeze()


def _work(chunk: list[Task]) -> list[tuple[int, bytes | None, dict | None]]:
    assert _SCREENER is not None
    return _SCREENER.run(chunk)


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def default_jobs(jobs: int | None) -> int:
    """``jobs`` itself, or one per CPU for 0 / None."""
    if jobs is None or jobs <= 0:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - not Linux
            return max(1, os.cpu_count() or 1)
    return jobs


def _context():
    import multiprocessing as mp

    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")  # pragma: no cover


class ScreenRun:
    """Iterate to get ``(seq, row)`` for every listing, in input order, repeats left out.

    Attributes (final once iteration ends): ``duplicates``, the repeats left out; ``done``, the tasks
    handled so far (repeats included), for progress reporting.
    """

    def __init__(self, cv: PreparedCV, tasks: Iterable[Task], *, jobs: int = 1, chunk_size: int = CHUNK_SIZE,
                 options: dict[str, Any] | None = None, extractor=None, custom_skills=None,
                 on_progress: Callable[[int], None] | None = None) -> None:
        self.cv = cv
        self.tasks = tasks
        self.jobs = default_jobs(jobs)
        self.chunk_size = max(1, chunk_size)
        self.options = dict(options or {})
        self.extractor = extractor
        self.custom_skills = custom_skills
        self.on_progress = on_progress
        self.duplicates = 0
        self.done = 0
        self._kept: set[bytes] = set()

    def __iter__(self) -> Iterator[tuple[int, dict]]:
        results = self._in_process() if self.jobs == 1 else self._in_pool()
        for chunk_results in results:
            for seq, key, row in chunk_results:
                if key is not None:
                    if row is None or key in self._kept:
                        self.duplicates += 1
                        continue
                    self._kept.add(key)
                yield seq, row
            self.done += len(chunk_results)
            if self.on_progress is not None:
                self.on_progress(self.done)

    def _in_process(self) -> Iterator[list]:
        import gc

        screener = Screener(self.cv, extractor=self.extractor, **self.options)
        # As in a worker (see _init_worker): what exists now outlives the screen, so full collections
        # need not walk it; given back to the collector at the end (unless someone else froze objects).
        freeze = gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        try:
            for chunk in _chunks(self.tasks, self.chunk_size):
                yield screener.run(chunk)
        finally:
            if freeze:
                gc.unfreeze()

    def _new_pool(self):
        from concurrent.futures import ProcessPoolExecutor

        ctx = _context()
        # With fork the workers inherit the initializer's arguments, the loaded extractor included, as they
        # are; with spawn they are pickled, so each worker loads the pipeline itself (custom skills too).
        extractor = self.extractor if ctx.get_start_method() == "fork" else None
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self.cv, self.options, extractor, self.custom_skills))

    def _in_pool(self) -> Iterator[list]:
        from concurrent.futures.process import BrokenProcessPool

        pool = self._new_pool()
        inflight: deque[tuple[list[Task], Any]] = deque()
        limit = 2 * self.jobs
        chunks = _chunks(self.tasks, self.chunk_size)
        finished = False
        try:
            while True:
                while len(inflight) < limit:
                    chunk = next(chunks, None)
                    if chunk is None:
                        break
                    inflight.append((chunk, pool.submit(_work, chunk)))
                if not inflight:
                    finished = True
                    return
                chunk, fut = inflight[0]
                try:
                    result = fut.result()
                except BrokenProcessPool:
                    # A worker died. Everything in flight is suspect: run it again one listing at a time,
                    # each alone in the pool, so only the listing that kills a worker becomes an error row.
                    suspects = [t for c, _ in inflight for t in c]
                    inflight.clear()
                    _terminate(pool)
                    pool = self._new_pool()
                    for t in suspects:
                        try:
                            result = pool.submit(_work, [t]).result()
                        except BrokenProcessPool:
                            _terminate(pool)
                            pool = self._new_pool()
                            result = [(t.seq, None, error_row(
                                t.source, f"{t.source}: could not be analysed (the worker process analysing "
                                          "it stopped unexpectedly)", t.title))]
                        yield result
                    continue
                inflight.popleft()
                yield result
        finally:
            if finished:
                pool.shutdown(wait=True)
            else:  # interrupted, or the consumer stopped early: stop the workers now
                _terminate(pool)


def _terminate(pool) -> None:
    """Stop a pool now: cancel what has not started and end its worker processes."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=5)

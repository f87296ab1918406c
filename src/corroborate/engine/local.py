"""The ``local`` engine: the per-document stages in a process pool sized to the cores.

Why processes: extraction, NER and embeddings are CPU-bound Python, so threads would
share one core. Workers come from a forkserver that has imported the pipeline once, so
a worker starts in milliseconds and loads each model once, on first use. Small batches
(a handful of documents, a watch poll, one fetched page) run in-process, where a pool
would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from corroborate.engine import stages
from corroborate.engine.base import (
    EMBED_CHUNK,
    Analysis,
    NerItem,
    StoryClaims,
    StoryWork,
    chunked,
    stack_rows,
)
from corroborate.model import NamedMention, RawDocument
from corroborate.reconcile import ReconcileParams

T = TypeVar("T")
R = TypeVar("R")

#: Batches with fewer items than this run in-process.
INLINE_BELOW = 24
#: Documents (or articles) per task sent to a worker: big enough that pickling is
#: cheap beside the work, small enough that the cores stay evenly busy.
TASK_SIZE = 8
_PRELOAD = ["corroborate.pipeline"]


class LocalEngine:
    """A process pool, started on the first batch big enough to need it."""

    name = "local"

    def __init__(self, workers: int | None = None, inline_below: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.inline_below = INLINE_BELOW if inline_below is None else inline_below
        self._pool: ProcessPoolExecutor | None = None

    def analyse(self, docs: Sequence[RawDocument], timeout_s: float | None) -> list[Analysis]:
        return self.analyse_later(docs, timeout_s)()

    def analyse_later(
        self, docs: Sequence[RawDocument], timeout_s: float | None
    ) -> Callable[[], list[Analysis]]:
        work = partial(stages.analyse_chunk, timeout_s=timeout_s)
        return self._map_later(work, chunked(docs, TASK_SIZE), len(docs))

    def recognize(self, items: Sequence[NerItem], spec: str) -> list[list[NamedMention]]:
        work = partial(stages.recognize_chunk, spec=spec)
        return _flatten(self._map(work, chunked(items, TASK_SIZE), len(items)))

    def embed(self, texts: Sequence[str], spec: str) -> npt.NDArray[np.float32]:
        work = partial(stages.embed_chunk, spec=spec)
        return stack_rows(self._map(work, chunked(texts, EMBED_CHUNK), len(texts)))

    def reconcile_later(
        self, works: Sequence[StoryWork], embedder: str, params: ReconcileParams
    ) -> Callable[[], list[StoryClaims]]:
        work = partial(stages.reconcile_chunk, embedder=embedder, params=params)
        return self._map_later(work, chunked(works, TASK_SIZE), len(works))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _map(self, work: Callable[[list[T]], R], chunks: list[list[T]], size: int) -> list[R]:
        """``work`` over the chunks, in order: in the pool, or here for a small batch."""
        if self._inline(chunks, size):
            return [work(chunk) for chunk in chunks]
        return list(self._started().map(work, chunks))

    def _map_later(
        self, work: Callable[[list[T]], list[R]], chunks: list[list[T]], size: int
    ) -> Callable[[], list[R]]:
        """Start ``work`` over the chunks in the pool; the function returns the items in
        order. A small batch runs here, in this thread, when the function is called (so
        the per-document time limit, which needs the main thread, still applies)."""
        if self._inline(chunks, size):
            return lambda: _flatten([work(chunk) for chunk in chunks])
        futures = [self._started().submit(work, chunk) for chunk in chunks]
        return lambda: _flatten([future.result() for future in futures])

    def _inline(self, chunks: list[list[T]], size: int) -> bool:
        return self.workers == 1 or size < self.inline_below or len(chunks) < 2

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=die_with_run,
                initargs=(os.getpid(),),
            )
        return self._pool


#: Seconds between checks that the run is alive, where pidfd_open is not available.
_POLL_S = 1.0


def die_with_run(run_pid: int) -> None:
    """Worker initializer: exit as soon as the process that started the pool is gone.

    Why: a run killed with SIGKILL cannot shut its pool down. Its workers were forked
    by the forkserver, not by the run, so they outlive it, blocked on a task queue
    that never closes, and they keep the forkserver alive too (it serves until its
    last client is gone). A daemon thread waits on the run's pid and ends the worker;
    the forkserver then sees no clients left and exits.
    """
    guard = threading.Thread(
        target=_exit_when_gone, args=(run_pid,), name="corroborate-orphan-guard", daemon=True
    )
    guard.start()


def _exit_when_gone(pid: int) -> None:
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (OSError, AttributeError):
        _poll_until_gone(pid)
    else:
        select.select([handle], [], [])
    os._exit(1)


def _poll_until_gone(pid: int) -> None:
    while True:
        time.sleep(_POLL_S)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        except PermissionError:
            continue


def _flatten(parts: Sequence[Sequence[T]]) -> list[T]:
    return [item for part in parts for item in part]

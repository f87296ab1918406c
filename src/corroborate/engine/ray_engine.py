"""The ``ray`` engine: the per-document stages as Ray Data pipelines.

Extraction runs as stateless Ray tasks; NER and embeddings run in pools of actors that
load their model once (``map_batches`` with a class). Each row is one chunk of items,
pickled, so that the chunks (and the embedding batch shape) are exactly those of the
local engine, and rows are put back in input order by their number afterwards.

Ray is started on first use: locally (no dashboard, as many CPUs as the machine or
``workers``) or attached to a running cluster at ``address``; there, every node needs
corroborate installed. A Ray started here is left running for the rest of the process,
since starting it takes seconds and ``watch`` runs the pipeline again and again.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

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
Batch = dict[str, npt.NDArray[Any]]

#: Documents (or articles) per row.
ROW_SIZE = 8


class RayUnavailable(RuntimeError):
    """Ray is not installed; the message says how to install it."""


class RayEngine:
    """Ray Data over a local Ray or a cluster."""

    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        _start_ray(self.workers, address)

    def analyse(self, docs: Sequence[RawDocument], timeout_s: float | None) -> list[Analysis]:
        work = partial(stages.analyse_chunk, timeout_s=timeout_s)
        return _flatten(self._run(chunked(docs, ROW_SIZE), partial(_apply, work)))

    def recognize(self, items: Sequence[NerItem], spec: str) -> list[list[NamedMention]]:
        return _flatten(self._run(chunked(items, ROW_SIZE), _RecognizerActor, spec))

    def embed(self, texts: Sequence[str], spec: str) -> npt.NDArray[np.float32]:
        return stack_rows(self._run(chunked(texts, EMBED_CHUNK), _EmbedderActor, spec))

    def analyse_later(
        self, docs: Sequence[RawDocument], timeout_s: float | None
    ) -> Callable[[], list[Analysis]]:
        """Runs when called: a Ray Data pipeline is not started in the background here."""
        return partial(self.analyse, docs, timeout_s)

    def reconcile_later(
        self, works: Sequence[StoryWork], embedder: str, params: ReconcileParams
    ) -> Callable[[], list[StoryClaims]]:
        """Runs when called, as tasks (each Ray worker loads the embedder once)."""
        work = partial(stages.reconcile_chunk, embedder=embedder, params=params)
        return lambda: _flatten(self._run(chunked(works, ROW_SIZE), partial(_apply, work)))

    def close(self) -> None:
        """Nothing to release: Ray stays up for the process (see the module docstring)."""

    def _run(self, chunks: list[list[T]], udf: Any, spec: str | None = None) -> list[Any]:
        """Each chunk through ``udf`` (a task callable, or an actor class taking ``spec``)."""
        if not chunks:
            return []
        import ray.data

        rows = [{"n": n, "chunk": pickle.dumps(chunk)} for n, chunk in enumerate(chunks)]
        dataset = ray.data.from_items(rows, override_num_blocks=min(len(rows), 4 * self.workers))
        if spec is None:
            mapped = dataset.map_batches(udf, batch_size=1)
        else:
            mapped = dataset.map_batches(
                udf,
                batch_size=1,
                fn_constructor_kwargs={"spec": spec},
                compute=ray.data.ActorPoolStrategy(size=min(self.workers, len(rows))),
            )
        done = sorted(mapped.take_all(), key=lambda row: int(row["n"]))
        return [pickle.loads(row["result"]) for row in done]


def _apply(work: Callable[[Any], Any], batch: Batch) -> Batch:
    """Run ``work`` on every pickled chunk of a batch; results pickled beside their number."""
    results = [pickle.dumps(work(pickle.loads(chunk))) for chunk in batch["chunk"]]
    return {"n": batch["n"], "result": np.array(results, dtype=object)}


class _RecognizerActor:
    """Holds one NER backend for the actor's lifetime."""

    def __init__(self, spec: str) -> None:
        from corroborate.nlp import get_recognizer

        get_recognizer(spec)
        self.work = partial(stages.recognize_chunk, spec=spec)

    def __call__(self, batch: Batch) -> Batch:
        return _apply(self.work, batch)


class _EmbedderActor:
    """Holds one embedding model for the actor's lifetime."""

    def __init__(self, spec: str) -> None:
        from corroborate.embed import get_embedder

        get_embedder(spec)
        self.work = partial(stages.embed_chunk, spec=spec)

    def __call__(self, batch: Batch) -> Batch:
        return _apply(self.work, batch)


def _start_ray(workers: int, address: str | None) -> None:
    """``ray.init`` once per process, quietly; a cluster address decides its own CPUs."""
    try:
        import ray
        from ray.data import DataContext
    except ImportError as exc:
        raise RayUnavailable(
            "the ray engine needs Ray Data: pip install 'corroborate[ray]'"
        ) from exc
    if not ray.is_initialized():
        ray.init(
            address=address,
            num_cpus=None if address else workers,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
    context = DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False


def _flatten(parts: Sequence[Sequence[T]]) -> list[T]:
    return [item for part in parts for item in part]

"""Engines run the per-document stages (extract, language, NER, embeddings) and the
per-story claim stages (aliases, quantities, dates, reconcile, timeline) at scale.

``get_engine("local")`` (the default) uses a process pool sized to the cores;
``get_engine("ray")`` uses Ray Data, locally or on a cluster. Both return exactly what
the in-process code returns, so the engine never changes the stories; the driver alone
writes the store.
"""

from __future__ import annotations

from collections.abc import Callable

from corroborate.engine.base import (
    EMBED_CHUNK,
    Analysis,
    Engine,
    NerItem,
    StoryClaims,
    StoryWork,
)

__all__ = [
    "DEFAULT_ENGINE",
    "EMBED_CHUNK",
    "ENGINES",
    "Analysis",
    "Engine",
    "NerItem",
    "StoryClaims",
    "StoryWork",
    "get_engine",
]

DEFAULT_ENGINE = "local"


def _local(workers: int | None, address: str | None) -> Engine:
    from corroborate.engine.local import LocalEngine

    if address is not None:
        raise ValueError("--ray-address only goes with --engine ray")
    return LocalEngine(workers)


def _ray(workers: int | None, address: str | None) -> Engine:
    from corroborate.engine.ray_engine import RayEngine

    return RayEngine(workers, address)


#: name -> constructor(workers, address); imported lazily so ``local`` never loads Ray.
ENGINES: dict[str, Callable[[int | None, str | None], Engine]] = {"local": _local, "ray": _ray}


def get_engine(
    spec: str = DEFAULT_ENGINE, workers: int | None = None, address: str | None = None
) -> Engine:
    """The engine named ``spec`` with ``workers`` processes (default: the cores).

    Raises ValueError for an unknown name.
    """
    try:
        make = ENGINES[spec]
    except KeyError:
        raise ValueError(f"unknown engine {spec!r}; known: {', '.join(ENGINES)}") from None
    return make(workers, address)

"""What every engine offers: the per-document stages over a batch, results in input order.

Why a seam here: extraction, language, NER and embeddings look at one document at a
time and hold no shared state, so they can run anywhere (worker processes, a Ray
cluster) while the driver alone writes the store (DuckDB has a single writer) and
clusters. An engine must return exactly what the in-process code returns, in the
same order, so that the engine never changes ``stories.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from corroborate.model import (
    Article,
    Entity,
    Extraction,
    Fact,
    LanguageGuess,
    NamedMention,
    Problem,
    RawDocument,
    TimelineEntry,
)
from corroborate.reconcile import ReconcileParams

T = TypeVar("T")

#: Texts embedded per model call. Fixed for every engine, because a matrix product over
#: another batch shape may differ in the last bits, and stories must not depend on it.
EMBED_CHUNK = 32


@dataclass
class Analysis:
    """What extract and language made of one document.

    ``reason`` says why the document gives no article (then ``language`` is None).
    """

    extraction: Extraction
    language: LanguageGuess | None
    reason: str | None = None


@dataclass(frozen=True)
class NerItem:
    """One article as NER needs it."""

    article: str
    text: str
    language: str


@dataclass
class StoryWork:
    """One story as the claim stages need it: its articles and their named mentions
    (in the order of its articles)."""

    articles: list[Article]
    mentions: list[NamedMention]


@dataclass
class StoryClaims:
    """What the claim stages made of one story."""

    entities: list[Entity]
    facts: list[Fact]
    timeline: list[TimelineEntry]
    problems: list[Problem] = field(default_factory=list)


class Engine(Protocol):
    """Runs the per-document stages over batches; results come back in input order."""

    name: str

    def analyse(self, docs: Sequence[RawDocument], timeout_s: float | None) -> list[Analysis]:
        """Extract and tag each document (``timeout_s``: per-document extraction limit)."""
        ...

    def analyse_later(
        self, docs: Sequence[RawDocument], timeout_s: float | None
    ) -> Callable[[], list[Analysis]]:
        """:meth:`analyse`, started now where the engine can work in the background; the
        returned function waits for the results. The driver stores one batch while the
        workers extract the next."""
        ...

    def recognize(self, items: Sequence[NerItem], spec: str) -> list[list[NamedMention]]:
        """The named mentions of each article, with the NER backend ``spec``."""
        ...

    def embed(self, texts: Sequence[str], spec: str) -> npt.NDArray[np.float32]:
        """One row per text, with the embedding backend ``spec``."""
        ...

    def reconcile_later(
        self, works: Sequence[StoryWork], embedder: str, params: ReconcileParams
    ) -> Callable[[], list[StoryClaims]]:
        """Entities, facts and timeline of each story (``embedder`` matches sentences
        across languages), started now where the engine can; the function waits for them.
        Stories are independent of each other, so they spread over the workers."""
        ...

    def close(self) -> None:
        """Release workers; the engine is not used afterwards."""
        ...


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """``items`` cut into consecutive lists of at most ``size``."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def stack_rows(parts: Sequence[npt.NDArray[np.float32]]) -> npt.NDArray[np.float32]:
    """The chunks' matrices one under the other (an empty 0×0 matrix for no chunks)."""
    if not parts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.concatenate(parts).astype(np.float32, copy=False)

"""The stage functions an engine ships to its workers, one chunk of items per call.

Module-level functions of plain arguments, so that a process pool can pickle them
by reference and a Ray worker can import them. Models are loaded on first use and
cached per process by their own modules (``get_recognizer``, ``get_embedder``,
the language model), so each worker loads each model once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from corroborate.engine.base import Analysis, NerItem, StoryClaims, StoryWork
from corroborate.model import NamedMention, RawDocument
from corroborate.reconcile import ReconcileParams


def analyse_chunk(docs: Sequence[RawDocument], timeout_s: float | None) -> list[Analysis]:
    """Extract and tag each document of the chunk."""
    # Imported here: the pipeline imports the engine package, and the per-document
    # analysis stays in the pipeline, where tests swap its ``extract``.
    from corroborate.pipeline import analyse_document

    return [analyse_document(doc, timeout_s) for doc in docs]


def recognize_chunk(items: Sequence[NerItem], spec: str) -> list[list[NamedMention]]:
    """The named mentions of each article of the chunk."""
    from corroborate.nlp import recognize_many

    return recognize_many([(item.article, item.text, item.language) for item in items], spec)


def embed_chunk(texts: Sequence[str], spec: str) -> npt.NDArray[np.float32]:
    """One vector per text of the chunk."""
    from corroborate.embed import get_embedder

    return np.asarray(get_embedder(spec).encode(list(texts)), dtype=np.float32)


def reconcile_chunk(
    works: Sequence[StoryWork], embedder: str, params: ReconcileParams
) -> list[StoryClaims]:
    """Entities, facts and timeline of each story of the chunk."""
    from corroborate.pipeline import story_claims

    return [story_claims(work, embedder, params) for work in works]

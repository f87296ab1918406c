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

from corroborate.engine.base import Analysis, NerItem, Readings, ReadItem
from corroborate.model import NamedMention, RawDocument


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


def read_chunk(items: Sequence[ReadItem]) -> list[Readings]:
    """Sentences, quantities and time expressions of each article of the chunk."""
    from corroborate.quantities import find_quantities
    from corroborate.reconcile import sentence_spans
    from corroborate.timex import find_time_expressions

    return [
        Readings(
            sentences=sentence_spans(item.text, item.language),
            quantities=find_quantities(item.article, item.text, item.language),
            times=find_time_expressions(item.article, item.text, item.language, item.published),
        )
        for item in items
    ]

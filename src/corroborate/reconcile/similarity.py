"""How alike two sentences are, across languages when an encoder is given.

With an encoder (the pipeline passes the story embedder's ``encode``) the score is
the cosine of sentence vectors, which works across languages. Without one it falls
back to the Jaccard overlap of folded content words, which only works within a
language: the stage stays usable (and testable) with no model loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
from anyascii import anyascii

Encoder = Callable[[Sequence[str]], npt.NDArray[np.float32]]
SentenceKey = tuple[str, int]
#: Sentences per encoder call: a story can have thousands, and one huge batch costs
#: memory in proportion (padded token matrices) for no gain in speed.
ENCODE_BATCH = 64

_WORD = re.compile(r"\w{3,}", re.UNICODE)


class SentenceSimilarity:
    """Pairwise similarity of a fixed set of sentences, each keyed by (article, index)."""

    def __init__(self, sentences: dict[SentenceKey, str], encode: Encoder | None) -> None:
        # Each distinct text is encoded once: pages repeat sentences (a page that
        # repeats one paragraph 12,000 times had 24,000 sentences of two texts).
        distinct: dict[str, int] = {}
        self._keys = {
            key: distinct.setdefault(text, len(distinct)) for key, text in sentences.items()
        }
        texts = list(distinct)
        self._vectors: npt.NDArray[np.float32] | None = None
        self._words: list[frozenset[str]] = []
        if encode is not None and texts:
            self._vectors = np.concatenate(
                [
                    np.asarray(encode(texts[i : i + ENCODE_BATCH]), dtype=np.float32)
                    for i in range(0, len(texts), ENCODE_BATCH)
                ]
            )
        else:
            self._words = [frozenset(_WORD.findall(anyascii(t).lower())) for t in texts]

    def __call__(self, first: SentenceKey, second: SentenceKey) -> float:
        i, j = self._keys[first], self._keys[second]
        if self._vectors is not None:
            return float(self._vectors[i] @ self._vectors[j])
        a, b = self._words[i], self._words[j]
        return len(a & b) / len(a | b) if a and b else 0.0

    @property
    def cross_lingual(self) -> bool:
        return self._vectors is not None

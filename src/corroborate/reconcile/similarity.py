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

_WORD = re.compile(r"\w{3,}", re.UNICODE)


class SentenceSimilarity:
    """Pairwise similarity of a fixed set of sentences, each keyed by (article, index)."""

    def __init__(self, sentences: dict[SentenceKey, str], encode: Encoder | None) -> None:
        self._keys = {key: i for i, key in enumerate(sentences)}
        texts = list(sentences.values())
        self._vectors: npt.NDArray[np.float32] | None = None
        self._words: list[frozenset[str]] = []
        if encode is not None and texts:
            self._vectors = np.asarray(encode(texts), dtype=np.float32)
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

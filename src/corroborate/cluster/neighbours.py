"""The neighbour index: which stored articles a new article could share a story with.

Why: pair scoring and average linkage are quadratic, so re-clustering a whole
archive for every new article does not scale. Incremental mode asks this index
for a new article's nearest stored articles (embedding cosine) and re-clusters
only the stories they belong to, together with the new articles.

The index lives in a usearch file beside the store. The store holds the vectors;
the file is a cache of them, rebuilt whenever it does not match.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from usearch.index import Index

#: Up to this many vectors the index searches exhaustively (exact and still fast);
#: above it, HNSW search, whose recall at our ``count`` is practically complete.
EXACT_SEARCH_MAX = 20_000


def vector_key(article_id: str) -> int:
    """A stable 63-bit usearch key for an article id (collisions: ~n^2 / 2^64)."""
    return int.from_bytes(hashlib.sha1(article_id.encode("utf-8")).digest()[:8], "big") >> 1


def cosine_index(dim: int) -> Index:
    """An empty usearch cosine index over float32 vectors of ``dim``.

    Why usearch is imported here and not with the module: with usearch 2.x loaded
    into a process early (before Ray's core library and before DuckDB), starting the
    ray engine aborted the whole process with ``std::regex_error`` (Ray 2.60).
    Loading it only when an index is built keeps it behind both in every run.
    """
    from usearch.index import Index

    return Index(ndim=dim, metric="cos", dtype="f32")


class NeighbourIndex:
    """A persisted cosine index over article vectors, keyed by article id.

    The store holds the vectors; this file is a cache of them. :meth:`load`
    returns ``None`` when the file is missing, unreadable or does not hold exactly
    the expected articles (a run killed between the store commit and the index
    save), and the caller rebuilds it from the store.
    """

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._index = cosine_index(dim)

    @classmethod
    def load(cls, path: Path, dim: int, expected: Iterable[str]) -> NeighbourIndex | None:
        if not path.is_file():
            return None
        index = cls(dim)
        try:
            index._index.load(str(path))
        except (RuntimeError, ValueError, OSError):
            return None
        keys = [vector_key(a) for a in expected]
        if index._index.ndim != dim or len(index._index) != len(keys):
            return None
        if keys and not bool(np.all(index._index.contains(np.array(keys, dtype=np.uint64)))):
            return None
        return index

    def __len__(self) -> int:
        return len(self._index)

    def add(self, article_ids: Sequence[str], vectors: npt.NDArray[np.floating]) -> None:
        if not article_ids:
            return
        keys = np.array([vector_key(a) for a in article_ids], dtype=np.uint64)
        self._index.add(keys, np.asarray(vectors, dtype=np.float32))

    def remove(self, article_ids: Iterable[str]) -> None:
        keys = [vector_key(a) for a in article_ids]
        if keys:
            self._index.remove(np.array(keys, dtype=np.uint64))

    def neighbours(
        self,
        vectors: npt.NDArray[np.floating],
        count: int,
        floor: float,
        ids_by_key: Mapping[int, str],
    ) -> list[set[str]]:
        """For each query row, the ids of up to ``count`` nearest indexed articles
        whose cosine is at least ``floor`` (keys unknown to ``ids_by_key`` are dropped).
        """
        if len(self._index) == 0:
            return [set() for _ in range(len(vectors))]
        exact = len(self._index) <= EXACT_SEARCH_MAX
        result: list[set[str]] = []
        for row in np.asarray(vectors, dtype=np.float32):
            matches = self._index.search(row, count=count, exact=exact, threads=1)
            similarity = 1.0 - np.asarray(matches.distances, dtype=np.float64)
            keys = np.asarray(matches.keys)[similarity >= floor]
            result.append({ids_by_key[int(k)] for k in keys if int(k) in ids_by_key})
        return result

    def save(self, path: Path) -> None:
        """Write to a temp file and rename, so a crash never leaves half an index."""
        tmp = path.with_name(path.name + ".tmp")
        self._index.save(str(tmp))
        os.replace(tmp, path)

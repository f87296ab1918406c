"""The cluster stage: group articles about the same real-world event into stories.

:func:`cluster_stories` scores every pair of articles from several signals and cuts
an average-linkage tree into stories (see :mod:`.scoring` for the signals and how
their weights were tuned). For incremental runs, :class:`NeighbourIndex` (a usearch
file beside the store) finds the stored articles a new one could join, so only
their stories are re-clustered (see :mod:`.neighbours`).
"""

from __future__ import annotations

from corroborate.cluster.neighbours import NeighbourIndex, vector_key
from corroborate.cluster.scoring import (
    ClusterParams,
    PairSignals,
    cluster_labels,
    cluster_stories,
    combine,
    idf_cosine,
    name_tokens,
    number_tokens,
    pair_scores,
    pair_signals,
    story_id,
    theme_params,
    year_tokens,
)
from corroborate.cluster.similarity import (
    PRIMARY_EMBEDDER,
    SECOND_EMBEDDER,
    SimilarityModelError,
    load_similarity,
)

__all__ = [
    "PRIMARY_EMBEDDER",
    "SECOND_EMBEDDER",
    "ClusterParams",
    "NeighbourIndex",
    "PairSignals",
    "SimilarityModelError",
    "cluster_labels",
    "cluster_stories",
    "combine",
    "idf_cosine",
    "load_similarity",
    "name_tokens",
    "number_tokens",
    "pair_scores",
    "pair_signals",
    "story_id",
    "theme_params",
    "vector_key",
    "year_tokens",
]

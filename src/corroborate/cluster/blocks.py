"""Clustering a large block of articles without an n x n matrix.

Why: :func:`~corroborate.cluster.scoring.cluster_stories` scores every pair densely,
which takes about a dozen n x n float matrices: 8 GB at 8,000 articles. Above
``scoring.DENSE_MAX`` articles the block is clustered in three steps instead, in
memory that grows with n, not n^2:

1. **Candidates.** Each article's :data:`CANDIDATES` nearest articles by embedding
   cosine (a usearch index), and by names, numbers and wording over rare tokens, are
   the only pairs scored across the whole block. The
   signals are those of the dense path, computed from the same per-article features
   (TF-IDF rows, IDF-weighted name, number and year bags over the whole block).
2. **Components.** Average linkage never merges two groups whose average pair score
   is below the cut, so it never merges two groups with no pair at or above the
   cut. The connected components of the candidate pairs that reach the cut are
   therefore clustered independently, each densely over all of its own pairs with
   the block's features. This is exact, up to a pair above the cut that neither
   article has among its nearest candidates.
   A component larger than ``DENSE_MAX`` is split first (see :func:`bounded`).
3. **Related stories** link where a candidate pair across two stories reaches the
   related cut on the theme score, or on the learned similarity when that is the
   related scorer (the dense path looks at every pair).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.sparse import block_diag, csr_matrix
from sklearn.feature_extraction.text import CountVectorizer

from corroborate.cluster import scoring
from corroborate.cluster.neighbours import cosine_index
from corroborate.cluster.scoring import (
    ClusterParams,
    as_tokens,
    cluster_labels,
    full_text,
    idf_weighted,
    name_tokens,
    number_tokens,
    ordinal,
    story_id,
    story_title,
    tfidf_matrix,
    theme_params,
    unit_rows,
    year_tokens,
)
from corroborate.model import Story, StoryCandidate

#: Nearest articles per article whose pairs are scored in a large block.
CANDIDATES = 50
#: How much higher the cut is each time a component too big to score densely is split.
SPLIT_STEP = 0.05
#: Tokens shared by more articles than this propose no candidates (they still score).
RARE_DF = 100
#: Pairs whose sparse rows are multiplied at once (bounds the temporary matrices).
_PAIR_CHUNK = 20_000
#: Rows whose rare-token products are computed at once.
_ROW_CHUNK = 1_000

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class TokenBag:
    """IDF-weighted token rows (L2-normalised) and each article's distinct-token count."""

    rows: csr_matrix | None
    sizes: FloatArray


@dataclass(frozen=True)
class BlockFeatures:
    """Per-article features every pair signal is computed from."""

    unit: FloatArray
    #: TF-IDF rows of all languages side by side (each language its own columns).
    lexical: csr_matrix | None
    #: The language group of each article's lexical row; -1 where it has none.
    lexical_group: IntArray
    names: TokenBag
    numbers: TokenBag
    years: TokenBag
    ordinals: FloatArray


def candidate_pairs(features: BlockFeatures, count: int) -> tuple[IntArray, IntArray]:
    """``(rows, cols)`` with rows < cols: each article with its ``count`` nearest by
    embedding cosine, and with its ``count`` nearest by each of names, numbers and
    wording counted over rare tokens only. Why all four: in a block of thousands of
    reports on one theme (local shootings) the embedding ranks same-theme articles
    alike, and what joins two reports of one event is a shared name or number."""
    n = len(features.unit)
    found = [_nearest_by_embedding(features.unit, count)]
    for matrix in (features.names.rows, features.numbers.rows, features.lexical):
        if matrix is not None:
            found.append(_nearest_by_rare_tokens(matrix, count))
    rows = np.concatenate([pairs[0] for pairs in found])
    cols = np.concatenate([pairs[1] for pairs in found])
    valid = cols != rows
    low, high = np.minimum(rows, cols)[valid], np.maximum(rows, cols)[valid]
    unique = np.unique(low * n + high)
    return unique // n, unique % n


def _nearest_by_embedding(unit: FloatArray, count: int) -> tuple[IntArray, IntArray]:
    """Exact search, so the pairs do not depend on the index's build order."""
    n = len(unit)
    index = cosine_index(unit.shape[1])
    index.add(np.arange(n, dtype=np.uint64), unit.astype(np.float32))
    found = index.search(unit.astype(np.float32), count=min(count + 1, n), exact=True)
    keys = np.asarray(found.keys, dtype=np.int64).reshape(n, -1)
    rows = np.repeat(np.arange(n, dtype=np.int64), keys.shape[1])
    cols = keys.ravel()
    valid = (cols >= 0) & (cols < n)
    return rows[valid], cols[valid]


def _nearest_by_rare_tokens(matrix: csr_matrix, count: int) -> tuple[IntArray, IntArray]:
    """Each row's ``count`` best dot products over tokens at most :data:`RARE_DF`
    articles share (common tokens would pair everything with everything)."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    rare = csr_matrix(matrix[:, np.flatnonzero((df >= 2) & (df <= RARE_DF))])
    rows: list[IntArray] = []
    cols: list[IntArray] = []
    for start in range(0, rare.shape[0], _ROW_CHUNK):
        products = csr_matrix(rare[start : start + _ROW_CHUNK] @ rare.T)
        for offset in range(products.shape[0]):
            begin, end = products.indptr[offset], products.indptr[offset + 1]
            partners, values = products.indices[begin:end], products.data[begin:end]
            if len(partners) > count:
                partners = partners[np.argpartition(-values, count)[:count]]
            rows.append(np.full(len(partners), start + offset, dtype=np.int64))
            cols.append(partners.astype(np.int64))
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(cols)


def pair_values(
    features: BlockFeatures, rows: IntArray, cols: IntArray, params: ClusterParams
) -> FloatArray:
    """The weighted pair score of each ``(rows[k], cols[k])``, as the dense path gives it;
    chunk by chunk, so the gathered rows stay small whatever the number of pairs."""
    out = np.zeros(len(rows))
    for start in range(0, len(rows), _PAIR_CHUNK):
        r, c = rows[start : start + _PAIR_CHUNK], cols[start : start + _PAIR_CHUNK]
        embedding, signals = _pair_signals(features, r, c, params)
        out[start : start + len(r)] = _combine(embedding, signals, params)
    return out


def _pair_signals(
    features: BlockFeatures, r: IntArray, c: IntArray, params: ClusterParams
) -> tuple[FloatArray, list[tuple[FloatArray, FloatArray]]]:
    """Embedding cosine, then (score, support) of lexical, names, numbers, years and
    dates, for the pairs ``(r[k], c[k])``."""
    embedding = np.einsum("ij,ij->i", features.unit[r], features.unit[c])
    group = features.lexical_group
    same = ((group[r] == group[c]) & (group[r] >= 0)).astype(np.float64)
    known = ~np.isnan(features.ordinals)
    signals = [
        (_row_dots(features.lexical, r, c) * same, same),
        *(
            _bag_signal(bag, r, c, params.support_tokens)
            for bag in (features.names, features.numbers, features.years)
        ),
        _date_signal(features.ordinals[r], features.ordinals[c], known[r] & known[c], params),
    ]
    return embedding, signals


def learned_values(
    features: BlockFeatures,
    items: Sequence[StoryCandidate],
    second: npt.NDArray[np.floating],
    pairs: tuple[IntArray, IntArray],
    params: ClusterParams,
) -> FloatArray:
    """The learned similarity (:mod:`.similarity`) of each candidate pair."""
    from corroborate.cluster.similarity import ArticleColumns, load_similarity

    model = load_similarity()
    articles = ArticleColumns.of(items, second)
    rows, cols = pairs
    out = np.zeros(len(rows))
    for start in range(0, len(rows), _PAIR_CHUNK):
        r, c = rows[start : start + _PAIR_CHUNK], cols[start : start + _PAIR_CHUNK]
        embedding, signals = _pair_signals(features, r, c, params)
        columns = articles.pair_columns(r, c, np.clip(embedding, -1.0, 1.0), signals[:4])
        out[start : start + len(r)] = model.predict(columns)
    return out


def dense_scores(features: BlockFeatures, members: list[int], params: ClusterParams) -> FloatArray:
    """The full score matrix of a component's members, from the block's features."""
    idx = np.asarray(members, dtype=np.int64)
    unit = features.unit[idx]
    group = features.lexical_group[idx]
    same = ((group[:, None] == group[None, :]) & (group >= 0)[:, None]).astype(np.float64)
    known = ~np.isnan(features.ordinals[idx])
    ordinals = features.ordinals[idx]
    signals = [
        (_dense_dots(features.lexical, idx) * same, same),
        *(
            (
                _dense_dots(bag.rows, idx),
                np.clip(
                    np.minimum.outer(bag.sizes[idx], bag.sizes[idx]) / params.support_tokens,
                    0.0,
                    1.0,
                )
                if bag.rows is not None
                else np.zeros((len(idx), len(idx))),
            )
            for bag in (features.names, features.numbers, features.years)
        ),
        _date_signal(ordinals[:, None], ordinals[None, :], np.outer(known, known), params),
    ]
    scores = _combine(unit @ unit.T, signals, params)
    np.fill_diagonal(scores, 1.0)
    return scores


def _combine(
    embedding: FloatArray, signals: list[tuple[FloatArray, FloatArray]], params: ClusterParams
) -> FloatArray:
    """Weighted mean of the signals each pair has (the dense path's ``combine``)."""
    total = params.w_embedding * np.clip(embedding, -1.0, 1.0)
    weight = np.full(total.shape, params.w_embedding)
    strengths = (params.w_lexical, params.w_names, params.w_numbers, params.w_years, params.w_date)
    for (signal, support), w in zip(signals, strengths, strict=True):
        if w > 0:
            total = total + w * support * signal
            weight = weight + w * support
    scores: FloatArray = total / weight
    return scores


def _date_signal(
    first: FloatArray, second: FloatArray, both: npt.NDArray[np.bool_], params: ClusterParams
) -> tuple[FloatArray, FloatArray]:
    gap = np.abs(first - second)
    dates = np.nan_to_num(np.where(both, 1.0 / (1.0 + gap / params.date_scale_days), 0.0))
    return dates, both.astype(np.float64)


def _bag_signal(
    bag: TokenBag, rows: IntArray, cols: IntArray, support_tokens: float
) -> tuple[FloatArray, FloatArray]:
    if bag.rows is None:
        zeros = np.zeros(len(rows))
        return zeros, zeros
    smaller = np.minimum(bag.sizes[rows], bag.sizes[cols])
    return _row_dots(bag.rows, rows, cols), np.clip(smaller / support_tokens, 0.0, 1.0)


def _row_dots(matrix: csr_matrix | None, rows: IntArray, cols: IntArray) -> FloatArray:
    """Dot product of row ``rows[k]`` with row ``cols[k]``."""
    if matrix is None:
        return np.zeros(len(rows))
    return np.asarray(matrix[rows].multiply(matrix[cols]).sum(axis=1)).ravel()


def _dense_dots(matrix: csr_matrix | None, idx: IntArray) -> FloatArray:
    """All dot products among the rows ``idx``."""
    if matrix is None:
        return np.zeros((len(idx), len(idx)))
    rows = matrix[idx]
    dots: FloatArray = (rows @ rows.T).toarray()
    return dots


def token_bag(docs: Sequence[Sequence[str]], prior_docs: float) -> TokenBag:
    """IDF-weighted rows of token lists (None when fewer than two articles have one)."""
    sizes = np.array([len(set(d)) for d in docs], dtype=np.float64)
    if (sizes > 0).sum() < 2:
        return TokenBag(None, sizes)
    counts = CountVectorizer(analyzer=as_tokens).fit_transform(docs)
    return TokenBag(idf_weighted(counts, prior_docs), sizes)


def lexical_rows(
    texts: Sequence[str], languages: Sequence[str], prior_docs: float
) -> tuple[csr_matrix | None, IntArray]:
    """Per-language TF-IDF rows side by side, and each article's language group."""
    members: dict[str, list[int]] = {}
    for i, language in enumerate(languages):
        members.setdefault(language, []).append(i)
    group = np.full(len(texts), -1, dtype=np.int64)
    blocks: list[csr_matrix] = []
    order: list[int] = []
    for language, indices in members.items():
        if len(indices) < 2:
            continue
        matrix = tfidf_matrix([texts[i] for i in indices], language, prior_docs)
        if matrix is None:
            continue
        group[indices] = len(blocks)
        blocks.append(matrix)
        order.extend(indices)
    if not blocks:
        return None, group
    stacked = csr_matrix(block_diag(blocks, format="csr"))
    position = np.zeros(len(texts), dtype=np.int64)
    position[order] = np.arange(len(order))
    # Rows in article order; articles with no group get some row, masked out by group.
    return csr_matrix(stacked[position]), group


def components(n: int, rows: IntArray, cols: IntArray) -> list[list[int]]:
    """Connected components of the pairs, each sorted, in order of their first member."""
    parent = np.arange(n)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = int(parent[i])
        return i

    for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def bounded(
    members: list[int], n: int, pairs: tuple[IntArray, IntArray, FloatArray], cut: float
) -> list[list[int]]:
    """``members`` as parts of at most ``DENSE_MAX`` articles: a bigger component (pairs
    above the cut chain thousands of similar reports) is split where its pairs reach a
    cut :data:`SPLIT_STEP` higher, again and again as needed. Only such giant components
    are split, and there average linkage at the real cut is no longer exact."""
    if len(members) <= scoring.DENSE_MAX:
        return [members]
    rows, cols, scores = pairs
    inside = np.zeros(n, dtype=bool)
    inside[members] = True
    cut += SPLIT_STEP
    keep = inside[rows] & inside[cols] & (scores >= cut)
    parts = [group for group in components(n, rows[keep], cols[keep]) if inside[group[0]]]
    return [piece for part in parts for piece in bounded(part, n, pairs, cut)]


def related_links(
    stories: Sequence[Story],
    story_of: IntArray,
    rows: IntArray,
    cols: IntArray,
    theme: FloatArray,
    threshold: float,
) -> None:
    """Set ``related`` from candidate pairs across stories that reach ``threshold``."""
    across = (story_of[rows] != story_of[cols]) & (theme >= threshold)
    linked: dict[int, set[str]] = {}
    for a, b in zip(story_of[rows][across].tolist(), story_of[cols][across].tolist(), strict=True):
        linked.setdefault(a, set()).add(stories[b].id)
        linked.setdefault(b, set()).add(stories[a].id)
    for number, story in enumerate(stories):
        story.related = sorted(linked.get(number, ()))


def cluster_block(
    items: Sequence[StoryCandidate],
    vectors: npt.NDArray[np.floating],
    params: ClusterParams,
    second: npt.NDArray[np.floating] | None = None,
) -> list[Story]:
    """Stories of a large block (see the module docstring); deterministic like the
    dense path: items are put in id order first. ``second``: as for
    :func:`~corroborate.cluster.scoring.cluster_stories`."""
    second = scoring.check_second(params, second, len(items))
    order = sorted(range(len(items)), key=lambda i: items[i].id)
    ordered = [items[i] for i in order]
    features = block_features(ordered, np.asarray(vectors)[order], params)
    rows, cols = candidate_pairs(features, CANDIDATES)
    scores = pair_values(features, rows, cols, params)
    joined = scores >= params.threshold
    stories: list[tuple[list[int], str]] = []
    parts = (
        part
        for members in components(len(ordered), rows[joined], cols[joined])
        for part in bounded(members, len(ordered), (rows, cols, scores), params.threshold)
    )
    for members in parts:
        matrix = dense_scores(features, members, params)
        labels = cluster_labels(matrix, params.threshold)
        for label in sorted(set(labels.tolist())):
            inside = [k for k, other in enumerate(labels.tolist()) if other == label]
            group = [members[k] for k in inside]
            title = story_title(
                [ordered[i] for i in group],
                matrix[np.ix_(inside, inside)],
                list(range(len(group))),
                params.title_language,
            )
            stories.append((group, title))
    stories.sort(key=lambda story: (-len(story[0]), ordered[story[0][0]].id))
    built = [
        Story(id=story_id([ordered[i].id for i in g]), title=t, articles=[ordered[i].id for i in g])
        for g, t in stories
    ]
    story_of = np.zeros(len(ordered), dtype=np.int64)
    for number, (group, _) in enumerate(stories):
        story_of[group] = number
    if second is None:
        theme_scores = pair_values(features, rows, cols, theme_params(params))
    else:
        pairs = (rows, cols)
        theme_scores = learned_values(features, ordered, second[order], pairs, params)
    related_links(built, story_of, rows, cols, theme_scores, scoring.related_cut(params))
    return built


def block_features(
    items: Sequence[StoryCandidate], vectors: npt.NDArray[np.floating], params: ClusterParams
) -> BlockFeatures:
    """Every article's features, with IDF over the whole block as the dense path has it."""
    texts = [full_text(item) for item in items]
    names = [
        list(item.names) if item.names is not None else name_tokens(text)
        for item, text in zip(items, texts, strict=True)
    ]
    prior = params.idf_prior_docs
    lexical, group = lexical_rows(texts, [item.language for item in items], prior)
    return BlockFeatures(
        unit=unit_rows(vectors),
        lexical=lexical,
        lexical_group=group,
        names=token_bag(names, prior),
        numbers=token_bag([number_tokens(text) for text in texts], prior),
        years=token_bag([year_tokens(text) for text in texts], prior),
        ordinals=np.array([ordinal(item.published) for item in items], dtype=np.float64),
    )

"""Near-duplicates: syndicated copies, re-scrapes and title variants of one article.

MinHash over word shingles finds candidate pairs in sub-linear time (datasketch's
LSH); every candidate is then confirmed with the exact Jaccard similarity of the
shingle sets, so the outcome does not depend on hash luck. Each group keeps its
longest text (ties: smallest id); the others point at it with ``duplicate_of``.

:func:`update_duplicates` does the same for a few new articles beside many stored
ones: the stored articles' signatures (:func:`signature`) stand in for their texts,
only the texts of candidate pairs are read again, and the groups found before are
kept. A candidate pair is one whose signatures collide, whatever order articles
come in, so the groups are the ones :func:`find_duplicates` finds over all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE_WORDS = 3
NUM_PERM = 128
#: Jaccard similarity of word 3-shingles above which two texts count as one article.
#: Syndicated copies with a changed headline, byline or footer stay far above it;
#: two outlets' own write-ups of one event stay far below.
THRESHOLD = 0.7
_WORD = re.compile(r"\w+", re.UNICODE)
#: Names the settings signatures and groups depend on: stored ones made under others
#: are made again.
VERSION = f"minhash{NUM_PERM}-shingles{SHINGLE_WORDS}-jaccard{THRESHOLD}"


@dataclass(frozen=True)
class DedupItem:
    """The little the stage needs of an article."""

    id: str
    text: str


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def find_duplicates(items: Sequence[DedupItem], threshold: float = THRESHOLD) -> dict[str, str]:
    """Map each duplicate's id to the id of the article kept for its group."""
    ordered = sorted(items, key=lambda item: item.id)
    sets = _shingle_cache({item.id: item.text for item in ordered})
    lsh = _lsh(threshold)
    parent = {item.id: item.id for item in ordered}
    for item in ordered:
        signature = _minhash(sets(item.id))
        for other in lsh.query(signature):
            if jaccard(sets(item.id), sets(other)) >= threshold:
                _union(parent, item.id, other)
        lsh.insert(item.id, signature)
    lengths = {item.id: len(item.text) for item in ordered}
    return _kept_per_group([item.id for item in ordered], parent, lengths)


#: Shingle sets kept at once while confirming candidates. A set costs about 50 KB (a
#: 3,000-character article), so keeping every one cost 4.7 GB at 100,000 articles;
#: a set that dropped out is only made again.
SHINGLE_CACHE_SIZE = 2048


def _shingle_cache(texts: Mapping[str, str]) -> Callable[[str], set[str]]:
    """Shingle sets by article id, the most recently used ones kept."""

    @lru_cache(maxsize=SHINGLE_CACHE_SIZE)
    def shingled(article_id: str) -> set[str]:
        return shingles(texts[article_id])

    return shingled


def signature(text: str) -> bytes:
    """The MinHash signature of ``text``'s shingles, as :func:`update_duplicates` takes it."""
    return _packed(_minhash(shingles(text)))


def update_duplicates(
    new: Sequence[DedupItem],
    stored: Mapping[str, bytes],
    previous: Mapping[str, str],
    read_texts: Callable[[Sequence[str]], Mapping[str, str]],
    threshold: float = THRESHOLD,
) -> tuple[dict[str, str], dict[str, bytes]]:
    """The duplicate mapping of the stored articles and ``new`` together, and the new
    articles' signatures.

    ``stored``: the signature of every stored article (from :func:`signature`);
    ``previous``: their mapping, from this function or :func:`find_duplicates` over
    them; ``read_texts``: the texts of stored articles by id, asked only for those
    that are candidates of a new article or share a group with one.
    """
    lsh = _lsh(threshold)
    for article_id, packed in stored.items():
        lsh.insert(article_id, _lean(packed))
    ordered = sorted(new, key=lambda item: item.id)
    signatures: dict[str, bytes] = {}
    candidates: list[tuple[str, list[str]]] = []
    for item in ordered:
        minhash = _minhash(shingles(item.text))
        candidates.append((item.id, list(lsh.query(minhash))))
        lsh.insert(item.id, minhash)
        signatures[item.id] = _packed(minhash)
    ids = [*stored, *(item.id for item in ordered)]
    parent = {article_id: article_id for article_id in ids}
    for duplicate, kept in previous.items():
        if duplicate in parent and kept in parent:
            _union(parent, duplicate, kept)
    texts = {item.id: item.text for item in ordered}
    wanted = sorted({o for _, found in candidates for o in found if o not in texts})
    texts.update(read_texts(wanted))
    sets = _shingle_cache(texts)
    for article_id, found in candidates:
        for other in found:
            if jaccard(sets(article_id), sets(other)) >= threshold:
                _union(parent, article_id, other)
    fresh = [item.id for item in ordered]
    return _regrouped(ids, fresh, parent, previous, texts, read_texts), signatures


def _regrouped(
    ids: list[str],
    fresh: list[str],
    parent: dict[str, str],
    previous: Mapping[str, str],
    texts: dict[str, str],
    read_texts: Callable[[Sequence[str]], Mapping[str, str]],
) -> dict[str, str]:
    """The previous mapping, with every group that gained a new member chosen anew."""
    new_roots = {_find(parent, article_id) for article_id in fresh}
    members = [article_id for article_id in ids if _find(parent, article_id) in new_roots]
    texts.update(read_texts([a for a in members if a not in texts]))
    lengths = {article_id: len(texts[article_id]) for article_id in members}
    mapping = {d: k for d, k in previous.items() if _find(parent, d) not in new_roots}
    mapping.update(_kept_per_group(sorted(members), parent, lengths))
    return mapping


def _lsh(threshold: float) -> MinHashLSH:
    return MinHashLSH(threshold=max(0.05, threshold - 0.15), num_perm=NUM_PERM)


def _packed(minhash: MinHash) -> bytes:
    """The signature as stored: its hash values (below 2**32) as uint32, 512 bytes."""
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


def _lean(packed: bytes) -> LeanMinHash:
    values = np.frombuffer(packed, dtype=np.uint32).astype(np.uint64)
    return LeanMinHash(seed=1, hashvalues=values, scheme=_SCHEME)


def _minhash(shingle_set: set[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    # One vectorised call: the same signature as updating shingle by shingle, 5x faster.
    minhash.update_batch([shingle.encode("utf-8", "surrogatepass") for shingle in shingle_set])
    return minhash


#: The hash scheme of :func:`_minhash` signatures (datasketch needs it to rebuild one).
_SCHEME = MinHash(num_perm=NUM_PERM, seed=1).scheme


def _find(parent: dict[str, str], node: str) -> str:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node


def _union(parent: dict[str, str], a: str, b: str) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)


def _kept_per_group(
    ordered: Sequence[str], parent: dict[str, str], lengths: Mapping[str, int]
) -> dict[str, str]:
    """Each group keeps its longest text (ties: smallest id); ``ordered`` is in id order."""
    groups: dict[str, list[str]] = {}
    for article_id in ordered:
        groups.setdefault(_find(parent, article_id), []).append(article_id)
    mapping: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        kept = min(members, key=lambda m: (-lengths[m], m))
        mapping.update({m: kept for m in members if m != kept})
    return mapping

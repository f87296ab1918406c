"""Near-duplicates: syndicated copies, re-scrapes and title variants of one article.

MinHash over word shingles (datasketch) finds candidate pairs: two articles whose
signatures agree on every value of one band (datasketch's LSH banding for the
threshold) are compared. Every candidate is then confirmed with the exact Jaccard
similarity of the shingle sets, so the outcome does not depend on hash luck. Each
group keeps its longest text (ties: smallest id); the others point at it with
``duplicate_of``.

Why the bands live in the store, not in datasketch's ``MinHashLSH``: its in-memory
index holds Python objects for 21 band keys an article, about 7 KB an article (700 MB
at 100,000 articles), and had to be rebuilt from every stored signature on each run.
Here each article's band keys (:func:`band_keys`, 21 64-bit hashes) are stored once;
:class:`DuplicateUpdate` asks the store which stored articles share a band with the
new ones (one join), reads only the texts it must compare, and keeps the groups found
before. New articles come in chunks, so memory stays flat however many there are. A
candidate pair is one whose bands collide, whatever order articles come in, and a pair
already in one group needs no comparison, so the groups are those of one pass.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 3
NUM_PERM = 128
#: Jaccard similarity of word 3-shingles above which two texts count as one article.
#: Syndicated copies with a changed headline, byline or footer stay far above it;
#: two outlets' own write-ups of one event stay far below.
THRESHOLD = 0.7
_WORD = re.compile(r"\w+", re.UNICODE)
#: Names the settings band keys and groups depend on: stored ones made under others
#: are made again.
VERSION = f"minhash{NUM_PERM}-shingles{SHINGLE_WORDS}-jaccard{THRESHOLD}-bands"
#: Candidates are looked for at a lower similarity than the threshold, so that pairs
#: just above it are found despite MinHash's estimation error.
_BANDING = MinHashLSH(threshold=max(0.05, THRESHOLD - 0.15), num_perm=NUM_PERM)
#: (first, end) signature positions of each band.
BANDS: tuple[tuple[int, int], ...] = tuple(_BANDING.hashranges)


@dataclass(frozen=True)
class DedupItem:
    """The little the stage needs of an article."""

    id: str
    text: str


class ComparedArticles(Protocol):
    """What the stage reads of the articles compared before (the store provides it)."""

    def sharing_bands(self, keys: Mapping[str, Sequence[int]]) -> dict[str, list[str]]:
        """For each new article id, the compared articles that share one of its band
        keys (:func:`band_keys`; band number = position in the list)."""
        ...

    def texts(self, ids: Sequence[str]) -> Mapping[str, str]: ...

    def text_lengths(self, ids: Sequence[str]) -> Mapping[str, int]: ...


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
    update = DuplicateUpdate(_NothingCompared(), {}, threshold)
    update.add(items)
    return update.mapping()


#: Shingle sets kept at once while confirming candidates. A set costs about 50 KB (a
#: 3,000-character article), so keeping every one cost 4.7 GB at 100,000 articles;
#: a set that dropped out is only made again.
SHINGLE_CACHE_SIZE = 2048


def _shingle_cache(text_of: Callable[[str], str]) -> Callable[[str], set[str]]:
    """Shingle sets by article id, the most recently used ones kept."""

    @lru_cache(maxsize=SHINGLE_CACHE_SIZE)
    def shingled(article_id: str) -> set[str]:
        return shingles(text_of(article_id))

    return shingled


def band_keys(text: str) -> list[int]:
    """The keys of ``text``'s MinHash signature, one a band (signed 64-bit, as stored)."""
    return _keys(_minhash(shingles(text)))


class DuplicateUpdate:
    """The near-duplicate groups of the compared articles with new ones added, a chunk
    of new articles at a time (:meth:`add`), then read with :meth:`mapping`.

    ``compared``: the articles compared before, whose band keys the caller stores;
    ``previous``: their mapping, from this class over them.
    """

    def __init__(
        self,
        compared: ComparedArticles,
        previous: Mapping[str, str],
        threshold: float = THRESHOLD,
    ) -> None:
        self._compared = compared
        self._previous = dict(previous)
        self._threshold = threshold
        self._parent: dict[str, str] = {}
        for duplicate, kept in previous.items():
            self._parent.setdefault(duplicate, duplicate)
            self._parent.setdefault(kept, kept)
            _union(self._parent, duplicate, kept)
        self._fresh: list[str] = []
        self._lengths: dict[str, int] = {}

    def add(self, items: Sequence[DedupItem]) -> dict[str, list[int]]:
        """Compare ``items`` with the compared articles and with each other; return
        their band keys, which the caller stores before the next chunk comes in."""
        ordered = sorted(items, key=lambda item: item.id)
        keys = {item.id: band_keys(item.text) for item in ordered}
        candidates = _merged(self._compared.sharing_bands(keys), _within(keys))
        texts = _TextReader(self._compared, {item.id: item.text for item in ordered})
        texts.prefetch([next(iter(found), "") for found in candidates.values()])
        sets = _shingle_cache(texts.__getitem__)
        for item in ordered:
            self._parent.setdefault(item.id, item.id)
            self._fresh.append(item.id)
            self._lengths[item.id] = len(item.text)
            for other in candidates.get(item.id, []):
                self._parent.setdefault(other, other)
                if _find(self._parent, item.id) == _find(self._parent, other):
                    continue  # already one group: comparing changes nothing
                if other not in texts:  # the rest of this article's candidates, at once
                    texts.prefetch([o for o in candidates[item.id] if o not in texts])
                if jaccard(sets(item.id), sets(other)) >= self._threshold:
                    _union(self._parent, item.id, other)
        return keys

    def mapping(self) -> dict[str, str]:
        """The previous mapping, with every group that gained a new article chosen anew."""
        parent = self._parent
        new_roots = {_find(parent, article_id) for article_id in self._fresh}
        members = sorted(a for a in list(parent) if _find(parent, a) in new_roots)
        lengths = dict(self._lengths)
        lengths.update(self._compared.text_lengths([a for a in members if a not in lengths]))
        mapping = {d: k for d, k in self._previous.items() if _find(parent, d) not in new_roots}
        mapping.update(_kept_per_group(members, parent, lengths))
        return mapping


class _TextReader:
    """Texts by id: the chunk's own, and compared articles' read from the store in
    batches, only when a comparison needs them."""

    def __init__(self, compared: ComparedArticles, texts: dict[str, str]) -> None:
        self._compared = compared
        self._texts = texts

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._texts

    def __getitem__(self, article_id: str) -> str:
        if article_id not in self._texts:
            self.prefetch([article_id])
        return self._texts[article_id]

    def prefetch(self, ids: Sequence[str]) -> None:
        wanted = sorted({a for a in ids if a and a not in self._texts})
        if wanted:
            self._texts.update(self._compared.texts(wanted))


class _NothingCompared:
    """No article compared before: :func:`find_duplicates` over one list."""

    def sharing_bands(self, keys: Mapping[str, Sequence[int]]) -> dict[str, list[str]]:
        return {}

    def texts(self, ids: Sequence[str]) -> Mapping[str, str]:
        return {}

    def text_lengths(self, ids: Sequence[str]) -> Mapping[str, int]:
        return {}


def _within(keys: Mapping[str, Sequence[int]]) -> dict[str, set[str]]:
    """For each article of a chunk, the chunk's other articles sharing a band key."""
    buckets: dict[tuple[int, int], list[str]] = {}
    for article_id, bands in keys.items():
        for band, key in enumerate(bands):
            buckets.setdefault((band, key), []).append(article_id)
    found: dict[str, set[str]] = {}
    for members in (m for m in buckets.values() if len(m) > 1):
        for article_id in members:
            found.setdefault(article_id, set()).update(m for m in members if m != article_id)
    return found


def _merged(*candidates: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Each article's candidates from every source, in id order."""
    merged: dict[str, set[str]] = {}
    for found in candidates:
        for article_id, others in found.items():
            merged.setdefault(article_id, set()).update(others)
    return {article_id: sorted(others) for article_id, others in merged.items()}


def _keys(minhash: MinHash) -> list[int]:
    values = np.asarray(minhash.hashvalues, dtype=np.uint32)
    return [
        int.from_bytes(
            hashlib.blake2b(values[first:end].tobytes(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for first, end in BANDS
    ]


def _minhash(shingle_set: set[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    # One vectorised call: the same signature as updating shingle by shingle, 5x faster.
    minhash.update_batch([shingle.encode("utf-8", "surrogatepass") for shingle in shingle_set])
    return minhash


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

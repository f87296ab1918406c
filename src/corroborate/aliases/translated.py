"""Organisations each source names in its own language: one entity.

"Perm State University", "Пермском государственном университете" and "Interior
Ministry", "Министерство внутренних дел": no spelling rule or acronym joins such
names, and the table of international bodies (:mod:`.bodies`) holds only a few
bodies every country's news names. A multilingual sentence encoder (the story
embedder the pipeline passes in) places a name near its translation, so two
organisations of a story that only sources in different languages name are one when
their names' vectors are close enough, and each is the other's closest.

The cut-off was read off the names of that table, our own data: of 421 pairs of one
body's names in two forms (mostly two languages), 71% score 0.8 or more (median
0.85); of 7,082 pairs of different bodies' names, none does (the closest:
"Еврокомиссия" and "Европол", 0.79; European bodies are a hard case, their names share
most words). A body and a near namesake of it ("Perm State University", "Perm State
Medical University", 0.83) can pass it; the closest-each-other rule keeps the one
translation for the one body when a story names both.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

NameEncoder = Callable[[Sequence[str]], npt.NDArray[np.float32]]

#: Cosine of two names' vectors from which they are taken for one body (see above).
SAME_BODY_SIMILARITY = 0.8


#: A group being joined: the index of its first group, its languages and its names.
Cluster = tuple[int, frozenset[str], set[str]]


@dataclass(frozen=True)
class NamedGroup:
    """Mentions already linked as one organisation: the languages of the articles
    they are in, and the names they give (acronyms left out)."""

    languages: frozenset[str]
    names: tuple[str, ...]


def translated_pairs(groups: Sequence[NamedGroup], encode: NameEncoder) -> list[tuple[int, int]]:
    """Index pairs of ``groups`` that name one organisation in different languages: no
    language in common, a pair of names at :data:`SAME_BODY_SIMILARITY` or more, and
    each the other's most alike group of another language. Joined groups are compared
    again, so a third language's name can join two that were each other's closest
    ("Perm State University" and "l'université d'État de Perm", then
    "Пермском государственном университете")."""
    usable = [i for i, g in enumerate(groups) if g.names and "und" not in g.languages]
    if len({language for i in usable for language in groups[i].languages}) < 2:
        return []
    names = sorted({name for i in usable for name in groups[i].names})
    vectors = np.asarray(encode(names), dtype=np.float32)
    similarity = vectors @ vectors.T
    row = {name: n for n, name in enumerate(names)}
    clusters = [(i, groups[i].languages, set(groups[i].names)) for i in usable]
    joined: list[tuple[int, int]] = []
    while pairs := _closest_pairs(clusters, lambda a, b: float(similarity[row[a], row[b]])):
        partner = dict(pairs)
        absorbed = set(partner.values())
        merged: list[Cluster] = []
        for k, (index, languages, named) in enumerate(clusters):
            if k in absorbed:
                continue
            if k in partner:
                other = clusters[partner[k]]
                joined.append((index, other[0]))
                languages, named = languages | other[1], named | other[2]
            merged.append((index, languages, named))
        clusters = merged
    return sorted(joined)


def _closest_pairs(
    clusters: Sequence[Cluster], similar: Callable[[str, str], float]
) -> list[tuple[int, int]]:
    """Positions of cluster pairs of no common language, alike enough, each the
    other's most alike."""
    best: dict[int, tuple[float, int]] = {}
    scores: dict[tuple[int, int], float] = {}
    for i, j in itertools.combinations(range(len(clusters)), 2):
        if clusters[i][1] & clusters[j][1]:
            continue
        score = max(similar(a, b) for a in clusters[i][2] for b in clusters[j][2])
        scores[(i, j)] = score
        for one, other in ((i, j), (j, i)):
            if score > best.get(one, (-2.0, -1))[0]:
                best[one] = (score, other)
    return [
        (i, j)
        for (i, j), score in scores.items()
        if score >= SAME_BODY_SIMILARITY and best[i][1] == j and best[j][1] == i
    ]

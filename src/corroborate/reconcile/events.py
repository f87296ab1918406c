"""Event claims: sentences of different sources that report the same happening.

A sentence is a candidate when it names something checkable (an entity, a date, a
number). Two candidates from different articles report the same happening when
their sentences are close (cross-lingual similarity at least
``EventParams.similarity``) *and* they share an anchor: an entity, an overlapping
date, or an equal number. The anchor keeps generic sentences ("Police are
investigating.") from lining up across unrelated moments. Sentences whose dates
the story's sources agree on (a `date` fact found them agreeing or refining each
other: "in June", "on June 17") report one happening too, however they are worded.
Each group keeps one sentence per article, the one closest to the rest of the group.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from corroborate.model import Claim
from corroborate.reconcile.similarity import SentenceKey, SentenceSimilarity

#: Precision order, finest first: a day says more than a month.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class EventParams:
    """Cut-offs for aligning sentences (priors, see :class:`.facts.GroupingParams`)."""

    similarity: float = 0.7
    similarity_lexical: float = 0.45
    #: The cut-off for two sentences that state one figure the sources agree on (a
    #: quantity fact agreed or refined): the figure is their anchor. Halfway between
    #: the cut-off that makes two claims one thing (0.5, :class:`.facts.GroupingParams`)
    #: and :attr:`similarity`: the figure is shared, but a sentence holding it may
    #: tell of more ("Between 40 and 45 firefighters from the Netherlands and Germany
    #: worked through Tuesday" and "Er waren 40 tot 45 brandweerlieden uit Nederland
    #: en Duitsland ter plaatse": 0.66; a lead that names 200 evacuated residents and
    #: a sentence on their return home: 0.53).
    same_figure: float = 0.6
    same_figure_lexical: float = 0.375


@dataclass
class Candidate:
    """A sentence that could report an event, with its anchors."""

    key: SentenceKey
    start: int
    end: int
    text: str
    entities: frozenset[str] = frozenset()
    days: tuple[int, int] | None = None
    date: str | None = None
    precision: str | None = None
    numbers: frozenset[str] = field(default_factory=frozenset)
    #: The date of the nearest dated sentence before it in its article, when the
    #: sentence itself is placed only by an order cue ("two days later").
    follows: str | None = None
    #: The month or day an undated article's sentence gives without a year
    #: ("XXXX-06-17" for "on June 17"), with its precision, when it gives no date.
    calendar: tuple[str, str] | None = None
    #: Nothing but names and dates ("Ámsterdam, 19 feb 2026."): a dateline, no event.
    dateline: bool = False


def candidate(
    key: SentenceKey,
    span: tuple[int, int],
    text: str,
    entities: frozenset[str],
    dates: Sequence[tuple[str, str, date, date]],
    calendars: Sequence[tuple[str, str]] = (),
) -> Candidate:
    """A candidate from a sentence, the (date, precision, first, last) it states and
    the (month or day, precision) it states without a year."""
    start, end = span
    finest = min(dates, key=lambda d: PRECISION_RANK.get(d[1], 9), default=None)
    calendar = min(calendars, key=lambda c: PRECISION_RANK.get(c[1], 9), default=None)
    return Candidate(
        key=key,
        start=start,
        end=end,
        text=text[start:end],
        entities=entities,
        days=(finest[2].toordinal(), finest[3].toordinal()) if finest else None,
        date=finest[0] if finest else None,
        precision=finest[1] if finest else None,
        numbers=frozenset(_NUMBER.findall(text[start:end])),
        calendar=None if finest else calendar,
    )


def align(
    candidates: Sequence[Candidate],
    similarity: SentenceSimilarity,
    params: EventParams,
    same_time: Sequence[Collection[SentenceKey]] = (),
    same_figure: Sequence[Collection[SentenceKey]] = (),
) -> list[list[Candidate]]:
    """Groups of candidates from at least two articles, one sentence per article.

    ``same_time`` holds sentences already known to report one happening, whatever
    their wording: those whose dates the story's sources agree on ("in June", "on
    June 17"; see :func:`corroborate.reconcile.reconcile`). ``same_figure`` holds
    the sentences of each figure the sources agree on: two of one such set align at
    the lower cut-off ``EventParams.same_figure``, the figure being their anchor.
    """
    cross = similarity.cross_lingual
    cut = params.similarity if cross else params.similarity_lexical
    figure_cut = params.same_figure if cross else params.same_figure_lexical
    figures: dict[SentenceKey, set[int]] = defaultdict(set)
    for number, keys in enumerate(same_figure):
        for key in keys:
            figures[key].add(number)
    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scores: dict[tuple[int, int], float] = {}
    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            if a.key[0] == b.key[0]:
                continue
            one_figure = bool(figures.get(a.key, set()) & figures.get(b.key, set()))
            if not one_figure and not _share_anchor(a, b):
                continue
            score = similarity(a.key, b.key)
            if score >= (figure_cut if one_figure else cut):
                scores[(i, j)] = score
                parent[find(i)] = find(j)
    position = {c.key: i for i, c in enumerate(candidates)}
    for keys in same_time:
        joined = [position[key] for key in keys if key in position]
        for i in joined[1:]:
            parent[find(i)] = find(joined[0])
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(candidates)):
        groups[find(i)].append(i)
    return [
        _one_per_article(members, candidates, scores)
        for members in groups.values()
        if len({candidates[i].key[0] for i in members}) > 1
    ]


def _share_anchor(a: Candidate, b: Candidate) -> bool:
    if a.entities & b.entities or a.numbers & b.numbers:
        return True
    return (
        a.days is not None
        and b.days is not None
        and a.days[0] <= b.days[1]
        and b.days[0] <= a.days[1]
    )


def _one_per_article(
    members: list[int], candidates: Sequence[Candidate], scores: Mapping[tuple[int, int], float]
) -> list[Candidate]:
    def closeness(i: int) -> float:
        return sum(scores.get((min(i, j), max(i, j)), 0.0) for j in members if j != i)

    best: dict[str, int] = {}
    for i in members:
        article = candidates[i].key[0]
        if article not in best or closeness(i) > closeness(best[article]):
            best[article] = i
    return [candidates[i] for i in sorted(best.values(), key=lambda i: candidates[i].key)]


def event_claim(item: Candidate) -> Claim:
    """The claim of one sentence: its span, and the date it states when it has one."""
    attributes: dict[str, object] = {}
    if item.date:
        attributes.update({"date": item.date, "precision": item.precision})
    elif item.follows:
        attributes["follows"] = item.follows
    elif item.calendar:
        value, precision = item.calendar
        attributes.update({"date": None, "precision": precision, "value": value})
    return Claim(
        article=item.key[0], start=item.start, end=item.end, text=item.text, attributes=attributes
    )


def short_label(sentence: str, limit: int = 160) -> str:
    """The sentence, cut at a word boundary near ``limit`` characters."""
    flat = " ".join(sentence.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(",;:") + " …"

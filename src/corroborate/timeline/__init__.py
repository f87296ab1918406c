"""The timeline stage: a story's happenings in order, each citing its sources.

Entry point :func:`build_timeline` reads the story's ``event`` facts (sentences the
reconcile stage aligned across sources, or one source's dated sentences). An event
is dated by the dates its claims carry: the finest precision any claim gives, and
among claims of that precision the date most sources give (the earliest on a tie).
Events are sorted by date; a coarser date sorts before finer ones inside it ("June"
before "June 17"). An undated event whose sentence is placed only by an order cue
("two days later") follows the event it is told after. An event its sources date
only by a month or a day with no year ("on June 17" in undated articles) keeps that
as its ``calendar`` (``XXXX-06-17``): such events follow the dated ones, in calendar
order, since no source says which year they fell in. The rest are listed apart, at
the end, with ``date`` None and precision ``undated``. Dates are never invented:
they come only from the claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corroborate.model import Fact, Mention, TimelineEntry

#: Finest first.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
UNDATED = "undated"


def build_timeline(facts: Sequence[Fact]) -> list[TimelineEntry]:
    """The ordered timeline of a story from its facts (non-event facts are ignored)."""
    dated: list[TimelineEntry] = []
    following: list[tuple[str, TimelineEntry]] = []
    yearless: list[TimelineEntry] = []
    undated: list[TimelineEntry] = []
    for fact in facts:
        if fact.kind != "event" or not fact.claims:
            continue
        entry = _entry(fact)
        follows = _follows(fact)
        if entry.date is not None:
            dated.append(entry)
        elif follows is not None:
            following.append((follows, entry))
        elif entry.calendar is not None:
            yearless.append(entry)
        else:
            undated.append(entry)
    dated.sort(key=_order)
    yearless.sort(key=lambda entry: (entry.calendar or "", entry.label))
    return [*_place_followers(dated, following), *yearless, *undated]


def _entry(fact: Fact) -> TimelineEntry:
    mentions = [Mention(c.article, c.start, c.end) for c in fact.claims]
    entry = TimelineEntry(date=None, precision=UNDATED, label=fact.label, claims=mentions)
    stated = _stated(fact, "date")
    if stated:
        entry.date, entry.precision = _best(stated)
    elif calendars := _stated(fact, "value"):
        entry.calendar, entry.precision = _best(calendars)
    return entry


def _stated(fact: Fact, key: str) -> list[tuple[str, str]]:
    """The (date, precision) pairs the fact's claims give under ``key``: ``date`` for
    dates with a year, ``value`` for a month or day without one."""
    return [
        (str(c.attributes[key]), str(c.attributes.get("precision") or "day"))
        for c in fact.claims
        if c.attributes.get(key)
    ]


def _best(stated: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The finest precision stated, and at it the date most claims give (the earliest
    on a tie)."""
    finest = min(PRECISION_RANK.get(p, 9) for _, p in stated)
    candidates = Counter(d for d, p in stated if PRECISION_RANK.get(p, 9) == finest)
    best = min(candidates.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    precision = next(p for d, p in stated if d == best and PRECISION_RANK.get(p, 9) == finest)
    return best, precision


def _follows(fact: Fact) -> str | None:
    cues = [str(c.attributes["follows"]) for c in fact.claims if c.attributes.get("follows")]
    return min(cues) if cues else None


def _order(entry: TimelineEntry) -> tuple[str, int, str]:
    return (entry.date or "", -PRECISION_RANK.get(entry.precision, 9), entry.label)


def _at_or_before(entry: TimelineEntry, anchor: str) -> bool:
    if entry.date is not None:
        return entry.date <= anchor
    return entry.precision == f"after {anchor}"


def _place_followers(
    dated: list[TimelineEntry], following: list[tuple[str, TimelineEntry]]
) -> list[TimelineEntry]:
    """Put each order-cued event right after the last dated event on or before its anchor."""
    ordered = list(dated)
    for anchor, entry in following:
        entry.precision = f"after {anchor}"
        position = 0
        for i, existing in enumerate(ordered):
            if (
                existing.date is not None and existing.date <= anchor
            ) or existing.precision == f"after {anchor}":
                position = i + 1
        ordered.insert(position, entry)
    return ordered

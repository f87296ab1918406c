"""Time expressions: find dates, times and durations and normalise them to TIMEX3 values.

Design, in three steps:

1. **Where** (:mod:`.candidates`): per-language regexes built from word tables
   (:mod:`.vocab`) propose spans anchored on time words or date-shaped numbers.
   dateparser never scans free text: given a sentence it reads "mit 40" as
   2040, "May" the verb as a month and "2022-56-23" as some date.
2. **What** (:mod:`.normalize`): each candidate's rule computes a TIMEX3-style
   value against the publication date (the *anchor*), or rejects the
   candidate (invalid dates such as ``2022-56-23``, lower-case "march", an
   age such as "mit 40 Jahren"). The rules for yearless months and weekdays
   are written in that module's docstring.
3. **Which** (here): overlapping readings are settled longest-first; a clock
   time written just before a date ("5 p.m. Nov. 9", "noon Thursday") becomes
   one expression with it, and any other clock time takes the day of a date
   written just before it ("Tuesday at 10:30"), else the anchor's.
4. **Period** (:mod:`.context`): "the quarter" and "a year ago" in a story
   about a reported quarter are read against that quarter.

Only :mod:`corroborate.model` is imported from the project; the stage is pure
and fast (precompiled patterns, cached dateparser calls), so it can run on
every article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from corroborate.model import TimeExpression
from corroborate.timex.candidates import find_candidates
from corroborate.timex.context import settle_periods
from corroborate.timex.normalize import Context, Reading, interpret
from corroborate.timex.vocab import Vocab, vocab_for

__all__ = ["find_time_expressions", "parse_anchor"]

FALLBACK = Vocab(months={})
#: Text allowed between a date and the clock time that belongs to it.
#: Neither gap reaches over a line break ("around 7 p.m.\n\nOn Monday, ...").
DATE_TIME_GAP = re.compile(
    r"^(?:[^\S\n]|,)*(?:at|um|om|à|a las|a la|в|,)?(?:[^\S\n]|,)*$", re.IGNORECASE
)
#: Text allowed between a clock time and the date written after it ("5 p.m., Nov. 9").
TIME_DATE_GAP = re.compile(
    r"^\.?[^\S\n]*,?[^\S\n]*(?:(?:on|el|del|am|le)[^\S\n]+)?$", re.IGNORECASE
)
#: A full stop, then a capitalised joiner: a new sentence starts with the day
#: ("hasta el jueves a las 8.00. El martes, ..."), which is not the clock's.
NEW_SENTENCE_GAP = re.compile(r"^\.[^\S\n]+(?:On|El|Del|Am|Le)[^\S\n]")

Placed = tuple[int, int, Reading]


@lru_cache(maxsize=64)
def future_pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def parse_anchor(anchor: str | None) -> date | None:
    """The publication date as a ``date``; None when missing or not a valid YYYY-MM-DD."""
    if not anchor:
        return None
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def select(found: list[Placed]) -> list[Placed]:
    """Non-overlapping readings: longer spans first, earlier rules win ties."""
    chosen: list[Placed] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping: only neighbours can clash
    for start, end, reading in sorted(found, key=lambda f: f[0] - f[1]):
        at = bisect.bisect_left(taken, (start, end))
        clashes_before = at > 0 and taken[at - 1][1] > start
        clashes_after = at < len(taken) and taken[at][0] < end
        if not (clashes_before or clashes_after):
            chosen.append((start, end, reading))
            taken.insert(at, (start, end))
    return sorted(chosen, key=lambda f: f[0])


def join_time_and_date(text: str, chosen: list[Placed]) -> list[Placed]:
    """ "10 p.m. Wednesday", "noon Thursday": one time expression on that date's day."""
    joined: list[Placed] = []
    i = 0
    while i < len(chosen):
        start, end, reading = chosen[i]
        if reading.clock is not None and i + 1 < len(chosen):
            next_start, next_end, day = chosen[i + 1]
            gap = text[end:next_start]
            joins = TIME_DATE_GAP.match(gap) and not NEW_SENTENCE_GAP.match(gap)
            if day.precision == "day" and day.date and joins:
                value = f"{day.date}{reading.clock}"
                timed = Reading(
                    "time",
                    value,
                    day.date,
                    "day",
                    day.relative,
                    day_from_anchor=day.day_from_anchor,
                )
                joined.append((start, next_end, timed))
                i += 2
                continue
        joined.append(chosen[i])
        i += 1
    return joined


#: Words between the start and the end of a span: "van zaterdag 14.00 uur tot zondag",
#: "from 2pm on Saturday until 6am on Sunday", "de samedi 14 h à dimanche".
UNTIL_GAP = re.compile(
    r"^[^\S\n]*,?[^\S\n]*(?:\d{1,2}(?:[.:h][^\S\n]?\d\d|[^\S\n]?h(?:eures?)?|[^\S\n]?uur"
    r"|[^\S\n]?Uhr)?[^\S\n]+)?(?:-|–|—|to|until|till|through|thru|tot(?: en met)?|t/m|bis"
    r"(?: zum| zur| am)?|à|au|jusqu'à|jusqu’à|jusqu'au|jusqu’au|hasta(?: el)?|al|a|до|по)"
    r"(?:[^\S\n]+(?:on|op|am|le|el))?[^\S\n]+$",
    re.IGNORECASE,
)


def span_ends_after_starts(text: str, chosen: list[Placed], vocab: Vocab) -> list[Placed]:
    """A weekday ending a span falls on or after the span's start: "van zaterdag 14.00
    uur tot zondag 06.00 uur" in a Saturday paper is the next day, though a bare
    "zondag" there would be the Sunday before."""
    settled = list(chosen)
    for i in range(1, len(settled)):
        start, end, reading = settled[i]
        begun = _day_of(text, settled, i - 1)
        gap = text[settled[i - 1][1] : start]
        words = {word.lower().strip(",.") for word in text[start:end].split()}
        if (
            begun is None
            or reading.date is None
            or reading.precision != "day"
            or not words & vocab.weekdays.keys()
            or not UNTIL_GAP.match(gap)
            or reading.date >= begun
        ):
            continue
        later = (date.fromisoformat(reading.date) + timedelta(weeks=1)).isoformat()
        value = later + (reading.value or "")[len(reading.date) :]
        settled[i] = (start, end, replace(reading, date=later, value=value))
    return settled


def _day_of(text: str, chosen: list[Placed], index: int) -> str | None:
    """The day an expression states, or a clock falls on (see :func:`day_for_clock`)."""
    reading = chosen[index][2]
    if reading.clock is not None:
        return day_for_clock(text, chosen, index)
    stated = reading.precision == "day" and not reading.day_from_anchor
    return reading.date if stated else None


def day_for_clock(text: str, chosen: list[Placed], index: int) -> str | None:
    """The day a clock time falls on: a day-precise date the words state just before
    it, if any ("Tuesday at 10 p.m.", not "in the evening at 9 p.m."). After a night
    a morning clock falls on the next day: "in der Nacht zum Dienstag um 3.47 Uhr",
    "Monday night at 2 a.m." are Tuesday."""
    if index > 0:
        _, end, previous = chosen[index - 1]
        gap = text[end : chosen[index][0]]
        stated = previous.date and not previous.day_from_anchor
        if previous.precision == "day" and stated and DATE_TIME_GAP.match(gap):
            return _after_night(previous, chosen[index][2].clock) or previous.date
    return None


#: The hour a night ends: an earlier clock after a night is on the next day.
NIGHT_ENDS_HOUR = 12


def _after_night(night: Reading, clock: str | None) -> str | None:
    """The day after ``night``'s, when it is a night and ``clock`` a morning time."""
    if not (night.value or "").endswith("TNI") or not night.date or not clock:
        return None
    hour = int(clock[1:3]) if clock[1:3].isdigit() else NIGHT_ENDS_HOUR
    if hour >= NIGHT_ENDS_HOUR:
        return None
    return (date.fromisoformat(night.date) + timedelta(days=1)).isoformat()


def to_expression(
    article_id: str, text: str, placed: Placed, day: str | None, anchor: date | None
) -> TimeExpression:
    """The expression of a placed reading; a clock time falls on ``day`` (a date just
    before it), else on the ``anchor``'s day, flagged as the anchor's."""
    start, end, r = placed
    if r.clock is None:
        clock = _CLOCK.search(r.value or "")  # a clock joined to its date
        return TimeExpression(
            article_id,
            start,
            end,
            text[start:end],
            r.kind,
            r.value,
            r.date,
            r.precision,
            r.relative,
            r.day_from_anchor,
            clock.group(0) if clock else None,
            r.calendar,
            r.part,
        )
    from_anchor = day is None and anchor is not None
    day = day or (anchor.isoformat() if anchor else None)
    value = f"{day}{r.clock}" if day else None
    return TimeExpression(
        article_id,
        start,
        end,
        text[start:end],
        "time",
        value,
        day,
        "day" if day else None,
        relative=True,
        day_from_anchor=from_anchor,
        clock=r.clock,
    )


_CLOCK = re.compile(r"T\d{2}:\d{2}$")


def find_time_expressions(
    article_id: str, text: str, language: str, anchor: str | None
) -> list[TimeExpression]:
    """Every time expression in ``text``, normalised against ``anchor`` (YYYY-MM-DD or None)."""
    vocab = vocab_for(language) or FALLBACK
    ctx = Context(text, parse_anchor(anchor), vocab, language, future_pattern(vocab.future))
    found: list[Placed] = []
    for candidate in find_candidates(text, language):
        reading = interpret(ctx, candidate)
        if reading is not None:
            found.append((candidate.start, candidate.end, reading))
    chosen = join_time_and_date(text, settle_periods(select(found)))
    chosen = span_ends_after_starts(text, chosen, vocab)
    return [
        to_expression(article_id, text, placed, day_for_clock(text, chosen, i), ctx.anchor)
        for i, placed in enumerate(chosen)
    ]

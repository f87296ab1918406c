"""Verdicts: do two sources' values agree, conflict, or is one more precise?

A stated number stands for an interval, not a point. "40 miles" is rounded to the
ten (so 35-45 miles), "about 40" allows some slack on top, "40-45" and "hundreds
of" are ranges by themselves. Two claims agree when their intervals overlap after
conversion to one unit; one *refines* the other when it is a point or narrower range
inside the other's stated range (a range or vague amount, or a month against a
day); otherwise they conflict. This is how an editor reads "roughly 12 miles"
against "19 kilometres": the same distance, rounded differently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from corroborate.model import BOUND_WORDS, FactStatus

#: Extra slack, as a fraction of the value, for a claim marked approximate
#: ("about", "roughly", "ongeveer"). A prior, not tuned on any data: wide enough for
#: "roughly 12 miles" against "19 km", narrow enough that "around 60 mph" and
#: "50 mph" still conflict.
APPROXIMATE_SLACK = 0.05
#: Rounding never widens a value by more than this fraction either way: "60" may be
#: rounded to the ten, but 55-65 would make 50 and 60 agree.
MAX_ROUNDING = 0.05
#: Nor do rounding and approximation together: "around 60 mph" and "roughly 50 mph"
#: (17% apart) conflict, as a reader would say they do.
MAX_WIDENING = 0.075
#: How far above its figure a floor reaches: "more than 80,000" allows 200,000, not
#: 200 million; "etwas über sechs Euro" (a share price) and "200 Millionen Euro" had
#: agreed "within each other's bounds". An order of magnitude: a prior, not tuned.
FLOOR_REACH = 10.0


@dataclass(frozen=True)
class Reading:
    """One claim's value as an interval in a common unit.

    ``stated_low``/``stated_high`` are what the text says (converted); ``low``/``high``
    widen them by rounding and approximation. ``display`` shows the value in the
    common unit ("225.3 km"); ``article`` lets verdicts count sources.
    """

    article: str
    stated_low: float
    stated_high: float
    low: float
    high: float
    display: str
    #: "date" readings count days, "time" readings minutes of the day; gaps between
    #: them are told in those units.
    kind: str = "quantity"
    #: Hedged or told as a collective ("about 30", "une trentaine").
    approximate: bool = False
    #: "min" for a floor ("at least 4": 4 up, unbounded), "max" for a ceiling ("up to
    #: 300": 300 down to zero).
    bound: str | None = None
    #: How far past ``high`` the thing told may run on without a source that names
    #: the time after it conflicting: a night's small hours fall on the next day.
    #: Verdicts only; grouping keeps to ``low``/``high``.
    reach: float = 0.0
    #: A count of one named group of a casualty toll ("two bailiffs" were killed):
    #: part of a larger count of the toll ("3 killed", the shooter too), no rival to
    #: it (see :func:`_part_of`).
    part: bool = False

    @property
    def is_range(self) -> bool:
        return self.stated_high > self.stated_low


@dataclass(frozen=True)
class Verdict:
    status: FactStatus
    explanation: str


def rounding_step(value: float) -> float:
    """The unit a written number is rounded to: 40 -> 10, 19 -> 1, 3.5 -> 0.1.

    Trailing zeros of a whole number count as rounding (a news figure of 40 is
    rarely exact to the mile); a zero is exact.
    """
    if value == 0 or not math.isfinite(value):
        return 0.0
    magnitude = abs(value)
    if magnitude != int(magnitude):
        decimals = len(f"{magnitude:.6f}".rstrip("0").split(".")[1])
        return float(10**-decimals)
    whole = int(magnitude)
    step = 1
    while whole % (step * 10) == 0 and step * 10 <= whole:
        step *= 10
    return float(step)


def quantity_reading(
    article: str,
    low: float,
    high: float,
    written_low: float,
    approximate: bool,
    display: str,
    bound: str | None = None,
    exact: bool = False,
) -> Reading:
    """The interval a stated quantity stands for, in the unit ``low``/``high`` are in.

    ``written_low`` is the number as written (before unit conversion), which says
    how it was rounded; the rounding step is scaled by the conversion factor, unless
    the figure is ``exact`` (an age: "a 20-year-old" is not 19 rounded). A floor ("at
    least 4") reaches up without end and a ceiling ("up to 300") down to zero (or
    without end for a negative figure): ``bound`` is "min" or "max". A floor of a
    positive figure is compared up to :data:`FLOOR_REACH` times it, no further.
    """
    factor = low / written_low if written_low else 1.0
    step = 0.0 if exact else rounding_step(written_low)
    half_step = min(step * abs(factor) / 2, MAX_ROUNDING * max(abs(low), abs(high)))
    slack = APPROXIMATE_SLACK * max(abs(low), abs(high)) if approximate else 0.0
    widening = min(half_step + slack, MAX_WIDENING * max(abs(low), abs(high)))
    reach = high + widening
    if bound == "min":
        high = math.inf
        reach = FLOOR_REACH * low + widening if low > 0 else math.inf
    elif bound == "max":
        low = min(0.0, low) if low >= 0 else -math.inf
    return Reading(
        article=article,
        stated_low=low,
        stated_high=high,
        low=low - widening,
        high=reach,
        display=display,
        approximate=approximate,
        bound=bound,
    )


def date_reading(
    article: str, first: date, last: date, display: str, reach: float = 0.0
) -> Reading:
    """A date claim covers its days: "June 2022" is June 1-30, "June 17" one day;
    ``reach`` days more may follow (see :attr:`Reading.reach`)."""
    return Reading(
        article=article,
        stated_low=first.toordinal(),
        stated_high=last.toordinal(),
        low=first.toordinal(),
        high=last.toordinal(),
        display=display,
        kind="date",
        reach=reach,
    )


def verdict(readings: list[Reading], outlets: dict[str, str]) -> Verdict:
    """The status of claims about one thing, and why, in one line.

    ``outlets`` maps article ids to the outlet name shown (falls back to the id).
    """
    sources = sorted({r.article for r in readings})
    if len(sources) < 2:
        only = outlets.get(sources[0], sources[0]) if sources else "no source"
        shown = ", ".join(_distinct(r.display for r in readings))
        return Verdict("single_source", f"only {only} says {shown}")
    clash = _clash(readings)
    if clash is not None:
        first, second = clash
        return Verdict(
            "conflicting",
            f"{_told(first)} ({_name(first, outlets)}) vs {_told(second)} "
            f"({_name(second, outlets)}): {_gap(first, second)}",
        )
    readings = _common_ground(readings)
    pairs = [(a, b) for a, b in combinations(readings, 2) if a.article != b.article]
    apart = next((pair for pair in pairs if not _fits(*pair)), None)
    if apart is not None and (_part_of(*apart) or _part_of(apart[1], apart[0])):
        part, whole = apart if _part_of(*apart) else (apart[1], apart[0])
        verb = "is" if part.stated_high == 1 else "are"
        return Verdict(
            "refined",
            f"{_told(part)} ({_name(part, outlets)}) {verb} among {_told(whole)} "
            f"({_name(whole, outlets)})",
        )
    refined = next((pair for pair in pairs if _refines(*pair) or _refines(pair[1], pair[0])), None)
    refined = refined or next((pair for pair in pairs if _approximated(*pair)), None)
    if refined is not None:
        wide, narrow = _wide_first(*refined)
        return Verdict(
            "refined",
            f"{_told(narrow)} ({_name(narrow, outlets)}) is a more precise form of "
            f"{_told(wide)} ({_name(wide, outlets)})",
        )
    return Verdict("agreed", _agreement(readings, len(sources)))


def _fits(a: Reading, b: Reading) -> bool:
    """Whether two figures can tell one value (within reach, or one hedging the other)."""
    return _within_reach(a, b) or _approximated(a, b)


def _no_rivals(a: Reading, b: Reading) -> bool:
    """Whether two figures can both be true: one value, or one a named part of the
    other (see :func:`_part_of`)."""
    return _fits(a, b) or _part_of(a, b) or _part_of(b, a)


def _part_of(part: Reading, whole: Reading) -> bool:
    """Whether ``part`` counts one named group of a toll that ``whole`` counts in all:
    "two bailiffs" of "3 killed" (the shooter died too). A part never outnumbers its
    whole, and two named groups are not compared so ("two bailiffs", "three
    officers")."""
    return (
        part.part
        and not whole.part
        and part.kind == whole.kind == "quantity"
        and part.stated_high <= whole.high
        and whole.bound != "max"
    )


def _by_article(readings: list[Reading]) -> dict[str, list[Reading]]:
    grouped: dict[str, list[Reading]] = {}
    for reading in readings:
        grouped.setdefault(reading.article, []).append(reading)
    return grouped


def _clash(readings: list[Reading]) -> tuple[Reading, Reading] | None:
    """Two sources none of whose figures can be one of the other's, each shown by its
    first figure; None when every two sources share one. A source that also gives
    another figure (a toll of an earlier incident it recalls, "A finales de octubre,
    un motín ... dejó seis muertos", beside its own "16 muertos") does not conflict
    with a source that gives its own figure."""
    grouped = _by_article(readings)
    for first, second in combinations(grouped.values(), 2):
        if not any(_no_rivals(a, b) for a in first for b in second):
            return first[0], second[0]
    return None


def _common_ground(readings: list[Reading]) -> list[Reading]:
    """The figures each of which every other source can match: what an agreement or a
    refinement is told by (all of them when no figure is so matched)."""
    grouped = _by_article(readings)
    kept = [
        r
        for r in readings
        if all(
            any(_fits(r, other) for other in others)
            for article, others in grouped.items()
            if article != r.article
        )
    ]
    return kept or readings


def _told(reading: Reading) -> str:
    """A figure as a verdict that sets it against another tells it: with its hedge
    ("about 30" for "une trentaine"; an agreement names the common value alone)."""
    return f"about {reading.display}" if reading.approximate else reading.display


def _within_reach(a: Reading, b: Reading) -> bool:
    """Whether two readings can be one value, either running on by its reach."""
    if overlap(a, b):
        return True
    return bool(a.reach or b.reach) and (a.low <= b.high + b.reach and b.low <= a.high + a.reach)


def overlap(a: Reading, b: Reading) -> bool:
    """Whether two readings can be one value. Rounding widens a figure to the edge of
    its neighbour's reach, not into it: 11 stands for 10.5-11.5 and 12 for
    11.5-12.5, and two exact counts one apart conflict ("Eleven people" against
    "Doce personas"), so for figures the intervals must share more than their
    edge. Dates and times cover whole days and minutes, ends included."""
    if a.kind != "quantity" or (a.stated_low, a.stated_high) == (b.stated_low, b.stated_high):
        return a.low <= b.high and b.low <= a.high
    return a.low < b.high and b.low < a.high


#: How far an exact figure may lie from a hedged one and still be what the hedge
#: allows: "27" beside "une trentaine" or "about 30" (10% apart) refines it, "35"
#: beside "about 30" (14%) conflicts. A prior, not tuned on any data. Two hedged
#: figures get no such room: "around 60 mph" and "roughly 50 mph" conflict.
APPROXIMATION_ROOM = 0.10


def _approximated(a: Reading, b: Reading) -> bool:
    """Whether, of two figures beyond each other's rounding, one is hedged and the
    other an exact figure within :data:`APPROXIMATION_ROOM` of it: the exact one
    says the same more precisely."""
    if overlap(a, b) or a.approximate == b.approximate or a.kind != "quantity":
        return False
    if a.bound or b.bound:
        return False  # a floor or a ceiling has no centre to be near
    hedged, exact = (a, b) if a.approximate else (b, a)
    centre = (hedged.stated_low + hedged.stated_high) / 2
    return (
        not exact.is_range
        and centre != 0
        and abs(exact.stated_low - centre) <= APPROXIMATION_ROOM * abs(centre)
    )


def _wide_first(a: Reading, b: Reading) -> tuple[Reading, Reading]:
    """A refined pair as (the wider claim, the more precise one)."""
    if _refines(a, b) or (_approximated(a, b) and a.approximate):
        return a, b
    return b, a


def _refines(wide: Reading, narrow: Reading) -> bool:
    """``narrow`` says the same as the range ``wide`` states, more precisely; not the
    very figure a floor or a ceiling names ("140 km/h" beside "up to 140 km/h" states
    the same figure), nor a hedged one ("about 30" says no more than "at least 27").
    Of two floors the higher is the more precise ("at least 15" of "at least 12"), of
    two ceilings the lower."""
    if wide.bound is not None and wide.bound == narrow.bound:
        if wide.bound == "min":
            return narrow.stated_low > wide.stated_low
        return narrow.stated_high < wide.stated_high
    return (
        wide.is_range
        and not (wide.bound and narrow.approximate)
        and not _bound_figure(wide, narrow)
        and wide.stated_low <= narrow.stated_low
        and narrow.stated_high <= wide.stated_high
        and (narrow.stated_high - narrow.stated_low) < (wide.stated_high - wide.stated_low)
    )


def _bound_figure(bounded: Reading, other: Reading) -> bool:
    """Whether ``other`` states, within rounding, the figure ``bounded`` gives as a
    floor or a ceiling."""
    if bounded.bound is None or other.bound is not None or other.is_range:
        return False
    if bounded.bound == "min":
        figure, room = bounded.stated_low, bounded.stated_low - bounded.low
    else:
        figure, room = bounded.stated_high, bounded.high - bounded.stated_high
    return figure - room <= other.stated_low and other.stated_high <= figure + room


def in_every_source(sources: int) -> str:
    """ "in both sources", "in all 4 sources"."""
    return "in both sources" if sources == 2 else f"in all {sources} sources"


def _agreement(readings: list[Reading], sources: int) -> str:
    shown = _distinct(r.display for r in readings)
    if len(shown) == 1:
        return f"{shown[0]} {in_every_source(sources)}"
    if readings[0].kind == "date":
        days = {r.stated_low for r in readings}
        if len(days) > 1 and any(r.reach for r in readings):
            return f"{' vs '.join(shown)}: the night and the small hours after it"
        return f"{' vs '.join(shown)}: {_same_span(readings)}"
    if readings[0].kind == "time":
        minutes = int(max(r.stated_low for r in readings) - min(r.stated_low for r in readings))
        within = f"within {minutes} minutes" if minutes else "the same time"
        return f"{' vs '.join(shown)}: {within}"
    if any(r.bound for r in readings):
        return _bound_agreement(readings, shown, sources)
    values = {(r.stated_low, r.stated_high) for r in readings}
    common = format_value(*min(values), "")
    if len(values) == 1 and all(f"{r.display} ".startswith(f"{common} ") for r in readings):
        return f"{common} {in_every_source(sources)}"  # one count, each source's noun
    points = [(r.stated_low + r.stated_high) / 2 for r in readings]
    spread = (max(points) - min(points)) / max(abs(p) for p in points) if any(points) else 0.0
    within = "the same value" if spread < 0.005 else f"within {math.ceil(spread * 100)}%"
    return f"{' vs '.join(shown)}: {within}"


def _bound_agreement(readings: list[Reading], shown: list[str], sources: int) -> str:
    """Why figures of which some are floors or ceilings agree: one bound in every
    source ("at least 400 in all 4 sources"), the figure a bound names ("at most 140
    km/h vs 140 km/h"), or bounds that hold each other's figures."""
    told = {(r.bound, r.stated_low, r.stated_high) for r in readings}
    if len(told) == 1:  # one floor or ceiling, each source with its own noun
        ((bound, low, high),) = told
        figure = low if bound == "min" else high
        common = f"{BOUND_WORDS[str(bound)]} {format_value(figure, figure, '')}"
        if all(f"{r.display} ".startswith(f"{common} ") for r in readings):
            return f"{common} {in_every_source(sources)}"
    bounded = [r for r in readings if r.bound]
    same = all(_bound_figure(b, r) for b in bounded for r in readings if not r.bound)
    how = "the same figure, told as a bound" if same else "within each other's bounds"
    return f"{' vs '.join(shown)}: {how}"


def _same_span(readings: list[Reading]) -> str:
    """Name what agreeing dates share: "March" and "maart" are the same month, not day."""
    spans = {int(r.stated_high - r.stated_low) for r in readings}
    if spans == {0}:
        return "the same day"
    if all(27 <= span <= 30 for span in spans):
        return "the same month"
    if all(364 <= span <= 365 for span in spans):
        return "the same year"
    return "the same dates"


def _gap(a: Reading, b: Reading) -> str:
    if a.kind in ("date", "time"):
        gap = int(max(b.stated_low - a.stated_high, a.stated_low - b.stated_high))
        unit = "day" if a.kind == "date" else "minute"
        return f"{gap} {unit}{'s' if gap != 1 else ''} apart"
    if a.bound or b.bound:  # a floor or a ceiling has no centre: measure end to end
        ends = (a.stated_low, a.stated_high, b.stated_low, b.stated_high)
        apart = max(b.stated_low - a.stated_high, a.stated_low - b.stated_high)
        biggest = max(abs(v) for v in ends if math.isfinite(v))
        return f"{apart / biggest:.0%} apart, beyond rounding" if biggest else "they differ"
    centre_a = (a.stated_low + a.stated_high) / 2
    centre_b = (b.stated_low + b.stated_high) / 2
    biggest = max(abs(centre_a), abs(centre_b))
    if not biggest:
        return "they differ"
    return f"{abs(centre_a - centre_b) / biggest:.0%} apart, beyond rounding"


def _name(reading: Reading, outlets: dict[str, str]) -> str:
    return outlets.get(reading.article, reading.article)


def _distinct(values: object) -> list[str]:
    seen: list[str] = []
    for value in values:  # type: ignore[attr-defined]
        if value not in seen:
            seen.append(value)
    return seen


def format_value(low: float, high: float, unit: str) -> str:
    """``225.3 km``, ``40-45 people``, ``45 million EUR``: how a value is shown in
    explanations."""
    scale = _scale_word(low)
    if scale is not None and scale == _scale_word(high):
        size, word = scale
        low_text, high_text = _number(low / size), _number(high / size)
        text = low_text if low == high else f"{low_text}-{high_text}"
        return f"{text} {word} {unit}".strip()
    text = _number(low) if low == high else f"{_number(low)}-{_number(high)}"
    return f"{text} {unit}".strip()


#: Scale words a large round figure is shown with, as news writes it.
_SCALES = ((1e9, "billion"), (1e6, "million"))


def _scale_word(value: float) -> tuple[float, str] | None:
    """The scale a figure of a million or more is shown in, when it is a round number
    of them to two decimals ("45 million", "9.3 million"; not "1,234,567")."""
    for size, word in _SCALES:
        scaled = abs(value) / size
        if scaled >= 1 and math.isclose(scaled * 100, round(scaled * 100), abs_tol=1e-6):
            return size, word
    return None


def _number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:,.1f}"

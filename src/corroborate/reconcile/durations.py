"""A duration told in parts is one duration: "2 hours, 0 minutes and 35 seconds".

The quantities stage reads each number with its unit as written ("2 h", "00 min",
"35 s"); a reader reads the parts as one time taken, and a source that writes
"2:00:35" states the same. Parts of falling units, one right after another (a comma
or "and" between), become one claim over their span whose value is their sum in
seconds. A bare number with "s" after a minutes part is its seconds ("00 min 35 s").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from corroborate.model import Claim
from corroborate.reconcile.claims import ClaimItem, shown_duration
from corroborate.reconcile.compare import quantity_reading
from corroborate.reconcile.conjoined import AND_WORDS

#: Seconds in the units a duration told in parts may be made of.
SECONDS_IN = {"week": 604800.0, "day": 86400.0, "hour": 3600.0, "minute": 60.0, "second": 1.0}
#: What may stand between two parts: a comma, "and" in our languages.
_PART_JOINT = re.compile(rf"(?:\s*,)?\s*(?:(?:{'|'.join(AND_WORDS.values())})\s+)?", re.IGNORECASE)
#: The noun the quantities stage gives a bare number before a seconds symbol.
_SECONDS_NOUNS = frozenset({"s", "sec", "сек"})
_SECONDS_SYMBOL = re.compile(r"\s*(?:s|sec|сек)\b\.?")


def joined_durations(items: Sequence[ClaimItem], text: str) -> list[ClaimItem]:
    """``items`` (one article's, in text order) with each run of duration parts
    joined into one claim (see the module's docstring)."""
    joined: list[ClaimItem] = []
    last_unit: str | None = None  # the unit of the last part of ``joined[-1]``
    for item in items:
        unit = _part_unit(item, last_unit)
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and unit is not None
            and last_unit is not None
            and SECONDS_IN[last_unit] > SECONDS_IN[unit]
            and _PART_JOINT.fullmatch(text, previous.claim.end, item.claim.start)
        ):
            joined[-1] = _sum(previous, item, unit, text)
            last_unit = unit
            continue
        joined.append(item)
        last_unit = _part_unit(item, None)
    return joined


def _part_unit(item: ClaimItem, last_unit: str | None) -> str | None:
    """The unit of a point duration ("hour", "minute", ...), "second" for a bare
    number with "s" after a minutes part, else None."""
    attributes = item.claim.attributes
    if attributes.get("bound") or item.reading.stated_low != item.reading.stated_high:
        return None
    unit = attributes.get("unit")
    if item.measure == "duration" and unit in SECONDS_IN:
        return str(unit)
    if last_unit == "minute" and item.measure == "count" and item.noun in _SECONDS_NOUNS:
        return "second"
    return None


def _seconds(item: ClaimItem, unit: str) -> float:
    """A part's value in seconds (a joined claim's value is in seconds already)."""
    value = item.claim.attributes.get("value")
    return float(value) * SECONDS_IN[unit] if isinstance(value, int | float) else 0.0


def _sum(first: ClaimItem, part: ClaimItem, unit: str, text: str) -> ClaimItem:
    """``first`` (one or more parts already) and the next ``part`` as one claim."""
    before = first.claim.attributes
    total = _seconds(first, str(before.get("unit"))) + _seconds(part, unit)
    end = part.claim.end
    if part.measure == "count" and (symbol := _SECONDS_SYMBOL.match(text, end)) is not None:
        end = symbol.end()  # "35 s": the symbol the count's noun was
    claim = Claim(
        article=first.claim.article,
        start=first.claim.start,
        end=end,
        text=text[first.claim.start : end],
    )
    shown = shown_duration(total)
    approximate = bool(before.get("approximate") or part.claim.attributes.get("approximate"))
    claim.attributes.update(
        value=total,
        unit="second",
        quantity_kind="duration",
        approximate=approximate,
        normalized={
            "value": total,
            "unit": "second",
            "symbol": "s",
            "shown": shown,
            "shown_unit": "second",
        },
    )
    reading = quantity_reading(claim.article, total, total, total, approximate, shown)
    return replace(first, claim=claim, reading=reading, dimension="duration:second", noun="")

"""Counts joined by "and" before one casualty verb are one count: their sum.

"Two children and an adult male were found dead", "six children and two adults were
fatally shot", "One transit officer and four city police officers were killed": each
number alone is only part of the toll, and the first one, which the article's
reading takes as its figure, is the smaller part. The two parts become one claim
whose text runs from the first number to the end of the second part, and whose
value is their sum.

Only a count of people (its noun says so: "children", "officers") joins, only when
no more than a few words stand between it and the "and" (the rest of its noun
phrase, with no casualty word among them), and only when it has no casualty slot of
its own or the same one: "two were killed and three injured" and "Two people are
dead, and two others were hurt" stay two claims each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from corroborate.model import Claim
from corroborate.reconcile.claims import ClaimItem
from corroborate.reconcile.compare import quantity_reading
from corroborate.reconcile.slots import counts_people, names_a_cue

#: language -> the word for "and".
AND_WORDS: dict[str, str] = {"en": "and", "nl": "en", "de": "und", "es": "y", "fr": "et", "ru": "и"}
#: Words of the first part's noun phrase that may stand before the "and": "two
#: *boys* and", "One *DART officer* and", "three *members of a family* and".
MAX_NOUN_WORDS = 4
#: An aside in commas after the first noun ("Two boys, ages 7 and 10, and two
#: adults"), at most this many characters.
MAX_ASIDE_CHARS = 30
#: The casualty slots a joined count can fill.
CASUALTY_SLOTS = frozenset({"killed", "injured", "shot"})


@lru_cache(maxsize=16)
def _between(language: str) -> re.Pattern[str]:
    conjunction = AND_WORDS.get(language.split("-")[0], AND_WORDS["en"])
    return re.compile(
        rf"^(?:\s+[^\W\d]+(?:['’-][^\W\d]+)*){{1,{MAX_NOUN_WORDS}}}"
        rf"(?:,[^,.;:]{{1,{MAX_ASIDE_CHARS}}},|,)?\s+{conjunction}\s+$",
        re.IGNORECASE,
    )


def conjoined_counts(items: list[ClaimItem], text: str, language: str) -> list[ClaimItem]:
    """One article's claim items with each pair of joined counts made one claim."""
    between = _between(language)
    ordered = sorted(items, key=lambda item: item.claim.start)
    joined: dict[int, ClaimItem] = {}
    dropped: set[int] = set()
    for position, first in enumerate(ordered):
        if id(first) in dropped or not _first_part(first, language):
            continue
        second = _second_part(first, ordered[position + 1 :], text, between, language)
        if second is not None:
            joined[id(first)] = _sum(first, second, text)
            dropped.add(id(second))
    return [joined.get(id(item), item) for item in items if id(item) not in dropped]


def _first_part(item: ClaimItem, language: str) -> bool:
    """A stated count of people with no slot, or a casualty slot, of its own."""
    return (
        item.kind == "quantity"
        and not item.implied
        and item.dimension.startswith("count:")
        and _named_people(item, language)
        and (item.slot is None or item.slot in CASUALTY_SLOTS)
    )


def _named_people(item: ClaimItem, language: str) -> bool:
    """A count whose noun says it counts people ("children", "officers")."""
    return bool(item.noun) and counts_people(item.noun, language)


def _second_part(
    first: ClaimItem,
    later: Sequence[ClaimItem],
    text: str,
    between: re.Pattern[str],
    language: str,
) -> ClaimItem | None:
    """The count right after ``first``'s "and", with a casualty slot ``first`` agrees with
    (numbers in the aside, "ages 7 and 10", are passed over)."""
    for item in later:
        if item.sentence != first.sentence:
            return None
        if item.kind != "quantity" or not item.dimension.startswith("count:"):
            continue
        words = text[first.claim.end : item.claim.start]
        if not between.match(words) or names_a_cue(words, language):
            continue
        named = isinstance(item.claim.attributes.get("victim"), str)
        partitive = _PARTITIVE.match(text, item.claim.end) is not None
        return item if _slots_agree(first, item, language) and not (named or partitive) else None
    return None


#: "four of them were shot": a part of the count before, not more people.
_PARTITIVE = re.compile(r"\s+(?:of|van|von|de|d'|из)\b", re.IGNORECASE)


def _slots_agree(first: ClaimItem, second: ClaimItem, language: str) -> bool:
    """The second part fills a casualty slot the first has not otherwise, or has
    none after a first part that does ("killing six children and two adults")."""
    if second.slot is None:
        return first.slot is not None and _named_people(second, language)
    return second.slot in CASUALTY_SLOTS and first.slot in (None, second.slot)


def _sum(first: ClaimItem, second: ClaimItem, text: str) -> ClaimItem:
    low = first.reading.stated_low + second.reading.stated_low
    high = first.reading.stated_high + second.reading.stated_high
    approximate = bool(
        first.claim.attributes.get("approximate") or second.claim.attributes.get("approximate")
    )
    start, end = first.claim.start, second.claim.end
    claim = Claim(article=first.claim.article, start=start, end=end, text=text[start:end])
    value: object = low if low == high else [low, high]
    claim.attributes.update(first.claim.attributes)
    claim.attributes.update(value=value, approximate=approximate, conjoined=True)
    normalized = first.claim.attributes.get("normalized")
    if isinstance(normalized, dict):
        claim.attributes["normalized"] = {**normalized, "value": value}
    display = f"{low:g}" if low == high else f"{low:g}-{high:g}"
    reading = quantity_reading(first.claim.article, low, high, low, approximate, display)
    return replace(
        first,
        claim=claim,
        reading=reading,
        slot=second.slot or first.slot,
        slot_label=second.slot_label or first.slot_label,
        noun=second.noun or first.noun,
    )

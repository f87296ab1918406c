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

One person joined to a count of people ("he and four others were shot", "A 2-year-old
girl and four other people were wounded", "a mother and her two children", "Brown,
18, and four others") is that count and one: the person is told by a pronoun, a name
the article's entities hold, or "a" with a people noun. So is one person joined after
the count, right before the verb they share ("Two bailiffs and the shooter are dead";
English only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from corroborate.model import Claim
from corroborate.reconcile.claims import ClaimItem
from corroborate.reconcile.compare import quantity_reading
from corroborate.reconcile.slots import (
    CASUALTY_SLOTS,
    OTHER_WORDS,
    PERSON_NOUNS,
    POSSESSIVES,
    counts_people,
    names_a_cue,
)

#: language -> the word for "and".
AND_WORDS: dict[str, str] = {"en": "and", "nl": "en", "de": "und", "es": "y", "fr": "et", "ru": "и"}
#: Words of the first part's noun phrase that may stand before the "and": "two
#: *boys* and", "One *DART officer* and", "three *members of a family* and".
MAX_NOUN_WORDS = 4
#: An aside in commas after the first noun ("Two boys, ages 7 and 10, and two
#: adults"), at most this many characters.
MAX_ASIDE_CHARS = 30
#: language -> pronouns of one person, and the articles that open one person's noun
#: phrase ("*a* 2-year-old girl").
ONE_PERSON_PRONOUNS: dict[str, tuple[str, ...]] = {
    "en": ("he", "she", "him", "her"),
    "nl": ("hij", "zij", "ze", "hem", "haar"),
    "de": ("er", "sie", "ihn"),
    "es": ("él", "ella"),
    "fr": ("il", "elle", "lui"),
    "ru": ("он", "она", "его", "её", "ее"),
}
ONE_PERSON_ARTICLES: dict[str, tuple[str, ...]] = {
    "en": ("a", "an", "one"),
    "nl": ("een",),
    "de": ("ein", "eine", "einen", "einem", "einer"),
    "es": ("un", "una"),
    "fr": ("un", "une"),
    "ru": (),
}


@lru_cache(maxsize=16)
def _between(language: str) -> re.Pattern[str]:
    conjunction = AND_WORDS.get(language.split("-")[0], AND_WORDS["en"])
    return re.compile(
        rf"^(?:\s+[^\W\d]+(?:['’-][^\W\d]+)*){{1,{MAX_NOUN_WORDS}}}"
        rf"(?:,[^,.;:]{{1,{MAX_ASIDE_CHARS}}},|,)?\s+{conjunction}\s+$",
        re.IGNORECASE,
    )


def conjoined_counts(
    items: list[ClaimItem],
    text: str,
    language: str,
    persons: Sequence[tuple[int, int]] = (),
) -> list[ClaimItem]:
    """One article's claim items with each pair of joined counts made one claim, and
    each count joined to one person before it made one more (``persons``: the spans
    of the people the article names)."""
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
        else:
            before = _one_person_before(first, text, language, persons)
            if before is not None:
                start, people = before
                joined[id(first)] = _widened(first, start, first.claim.end, people, text)
            elif (after := _one_person_after(first, text, language)) is not None:
                joined[id(first)] = _widened(first, first.claim.start, after, 1, text)
    return [joined.get(id(item), item) for item in items if id(item) not in dropped]


#: One person joined after a count of people, right before the verb they share: "Two
#: bailiffs and the shooter are dead", "two bailiffs and a gunman are dead" (English).
_ONE_PERSON_AFTER = re.compile(
    r"(?:\s+[^\W\d]+){1,4}?\s+and\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[^\W\d]+)(?=\s+(?:are|were|have|had|both|all|died)\b)",
    re.IGNORECASE,
)


def _one_person_after(count: ClaimItem, text: str, language: str) -> int | None:
    """Where one person joined after this casualty count ends, if one is."""
    if count.slot not in CASUALTY_SLOTS or language.split("-")[0] != "en":
        return None
    match = _ONE_PERSON_AFTER.match(text, count.claim.end)
    if match is None or names_a_cue(text[count.claim.end : match.start("noun")], language):
        return None
    return match.end() if counts_people(match["noun"], language) else None


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


@lru_cache(maxsize=16)
def _one_and_others(language: str) -> re.Pattern[str]:
    """The words between one person and a count of people: "and", "and her", "y
    otros" (an "other" word may also follow the number: "and four *others*")."""
    code = language.split("-")[0]
    conjunction = AND_WORDS.get(code, AND_WORDS["en"])
    other = "|".join(OTHER_WORDS.get(code, OTHER_WORDS["en"]))
    possessive = "|".join(POSSESSIVES.get(code, ()) or ("\uffff",))
    return re.compile(
        rf"(?:,\s*\d{{1,3}},|,)?\s+{conjunction}\s+(?:(?:{other}|{possessive})\s+)?$", re.I
    )


#: A word of a noun phrase: "girl", "2-year-old", "O'Neil".
_WORD = re.compile(r"[^\W_][\w'’-]*")


def _one_person_start(text: str, end: int, language: str) -> int | None:
    """Where one person told right before ``end`` starts: a pronoun ("he"), or an
    article or a possessive and at most four words ending in a people noun ("a
    2-year-old girl", "his wife")."""
    code = language.split("-")[0]
    words = list(_WORD.finditer(text, max(0, end - 60), end))[-(MAX_NOUN_WORDS + 1) :]
    if not words or words[-1].end() != end:
        return None
    if words[-1].group().lower() in ONE_PERSON_PRONOUNS.get(code, ()):
        return words[-1].start()
    if not counts_people(words[-1].group(), language):
        return None
    openers = (*ONE_PERSON_ARTICLES.get(code, ()), *POSSESSIVES.get(code, ()))
    for word in reversed(words[:-1]):
        if word.group().lower() in openers:
            return word.start()
    return None


#: The comma between two people of a list: "a Virginia man*, *his wife and ...".
_LIST_COMMA = re.compile(r",\s+$")


def _people_listed_before(text: str, end: int, language: str) -> tuple[int, int] | None:
    """Where the people listed right before ``end`` start, and how many they are:
    one ("a 2-year-old girl"), or several in commas ("a Virginia man, his wife")."""
    start = _one_person_start(text, end, language)
    people = 0
    while start is not None:
        people += 1
        first = start
        comma = _LIST_COMMA.search(text, max(0, start - 3), start)
        start = None if comma is None else _one_person_start(text, comma.start(), language)
    return None if people == 0 else (first, people)


def _one_person_before(
    count: ClaimItem, text: str, language: str, persons: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where the people joined to this count start, and how many they are (one, or a
    list: "a Virginia man, his wife and their two daughters"), if any are."""
    if count.slot not in CASUALTY_SLOTS:
        return None
    head = text[max(0, count.claim.start - 120) : count.claim.start]
    joint = _one_and_others(language).search(head)
    if joint is None:
        start = _headline_person(count, text, language)
        return None if start is None else (start, 1)
    end = count.claim.start - len(head) + joint.start()
    named = [start for start, stop in persons if stop == end]
    if named:
        return named[0], 1
    return _people_listed_before(text, end, language)


#: A headline's list: "Father, two daughters shot to death", "Mother, 2 children
#: found dead" (a comma stands for "and").
_HEADLINE_ONE = re.compile(r"([^\W\d_]+),\s+$")


def _headline_person(count: ClaimItem, text: str, language: str) -> int | None:
    """Where a line opening with one person's noun and a comma before the count starts."""
    line = text.rfind("\n", 0, count.claim.start) + 1
    match = _HEADLINE_ONE.fullmatch(text, line, count.claim.start)
    if match is None or not match.group(1)[0].isupper():
        return None
    noun = match.group(1).lower()
    listed = language.split("-")[0] in PERSON_NOUNS  # elsewhere any word counts people
    return line if listed and counts_people(noun, language) else None


def _sum(first: ClaimItem, second: ClaimItem, text: str) -> ClaimItem:
    joined = _widened(first, first.claim.start, second.claim.end, 0, text, second)
    return replace(
        joined,
        slot=second.slot or first.slot,
        slot_label=second.slot_label or first.slot_label,
        noun=second.noun or first.noun,
    )


def _widened(
    item: ClaimItem,
    start: int,
    end: int,
    more: float,
    text: str,
    second: ClaimItem | None = None,
) -> ClaimItem:
    """``item`` as a claim over ``text[start:end]`` of its value plus ``more`` and plus
    ``second``'s value."""
    low = item.reading.stated_low + more + (second.reading.stated_low if second else 0)
    high = item.reading.stated_high + more + (second.reading.stated_high if second else 0)
    approximate = bool(
        item.claim.attributes.get("approximate")
        or (second and second.claim.attributes.get("approximate"))
    )
    claim = Claim(article=item.claim.article, start=start, end=end, text=text[start:end])
    value: object = low if low == high else [low, high]
    claim.attributes.update(item.claim.attributes)
    claim.attributes.update(value=value, approximate=approximate, conjoined=True)
    claim.attributes.pop("others", None)  # "he and four others" counts him too
    normalized = item.claim.attributes.get("normalized")
    if isinstance(normalized, dict):
        claim.attributes["normalized"] = {**normalized, "value": value}
    display = f"{low:g}" if low == high else f"{low:g}-{high:g}"
    reading = quantity_reading(item.claim.article, low, high, low, approximate, display)
    return replace(item, claim=claim, reading=reading)

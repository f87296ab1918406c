"""Fractions as news writes them: "10 1/2 miles", "1½ hours", "half a million",
"two and a half years", "a quarter-mile", "two-thirds of the vote".

Why a module of its own: read number by number, each of these turns into a wrong
whole number ("1½ hours" as 1 hour, "half a million" as a million, "two-thirds of
voters" as two voters), and the wrong value then conflicts with a source that wrote
"1.5 hours" or "500,000". The finder reads what follows a fraction (a scale word, a
unit, a currency) as it does for any number; this module only says where a fraction
is and what it is worth.

Two kinds of fraction:

* a **number** ("1½", "10 1/2", "half a", "two and a half"): a value like any other,
  which a unit, scale word or noun after it completes ("half a million" is 500,000);
* a **share** of something ("two-thirds of the vote", "one in five adults"):
  a proportion, read as a percentage so "two-thirds" and "67%" can be compared.

Fractions that could be something else are only read where nothing else fits: a
slash fraction ("3/4") only with a whole number before it or a unit after it (it is
also a date), "half a" / "a quarter" only before a scale word or a unit ("half a
block away" is no amount), and "a third" only before "of" (alone it is mostly an
ordinal: "a third man was shot"); "half of" is left alone ("the first half of 2023").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from corroborate.quantities.lexicon import compiled_per_language

#: The vulgar-fraction characters, each worth what Unicode says ("½" is 0.5).
VULGAR = "½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_VULGAR = re.compile(rf"(?<![\d.,/])(?:(?P<whole>\d{{1,4}})[ \u00a0]?)?(?P<part>[{VULGAR}])")
#: "3/4", "10 1/2": denominators news uses for amounts, not a date's day or month.
_SLASH = re.compile(
    r"(?<![\d/⁄.,])(?:(?P<whole>\d{1,4})[ \u00a0]+)?"
    r"(?P<num>[1-9])[/⁄](?P<den>2|3|4|8|16)(?![\d/⁄])"
)


@dataclass(frozen=True)
class Fraction:
    """A fraction's span ``[start, end)`` and value; ``share`` when it is a proportion
    (its value then a percentage), else a number a unit or noun may follow."""

    start: int
    end: int
    value: float
    share: bool = False


#: Whether a unit or scale word starts at a position (the finder's own reading).
UnitAt = Callable[[int], bool]


def find_fractions(text: str, language: str, unit_at: UnitAt) -> list[Fraction]:
    """Every fraction in ``text``, in text order, none overlapping."""
    found = _digit_fractions(text, unit_at)
    words = _WORD_FRACTIONS.get(language)
    if words is not None:
        found += words(text, unit_at)
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Fraction] = []
    for fraction in found:
        if not kept or fraction.start >= kept[-1].end:
            kept.append(fraction)
    return kept


#: Cheap first looks: most texts hold no fraction, and the full patterns, which look
#: behind at every position, would cost each text as much as the rest of the stage.
_ANY_VULGAR = re.compile(f"[{VULGAR}]")
_ANY_SLASH = re.compile(r"[1-9][/⁄](?:2|3|4|8|16)(?![\d/⁄])")


def _digit_fractions(text: str, unit_at: UnitAt) -> list[Fraction]:
    found: list[Fraction] = []
    if _ANY_VULGAR.search(text):
        found += [
            Fraction(m.start(), m.end(), int(m["whole"] or 0) + unicodedata.numeric(m["part"]))
            for m in _VULGAR.finditer(text)
        ]
    if not _ANY_SLASH.search(text):
        return found
    for m in _SLASH.finditer(text):
        num, den = int(m["num"]), int(m["den"])
        if num >= den:
            continue
        if m["whole"] or unit_at(m.end()):
            found.append(Fraction(m.start(), m.end(), int(m["whole"] or 0) + num / den))
        elif _OF.match(text, m.end()):  # "3/4 of the races": a share of them
            found.append(Fraction(m.start(), m.end(), 100 * num / den, share=True))
    return found


_OF = re.compile(r"\s+of\s", re.IGNORECASE)

# --- English words ---------------------------------------------------------------------

_EN_NUMERATORS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
_EN_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
_EN_DENOMINATOR_STEMS = (
    "half",
    "halves",
    "third",
    "quarter",
    "fourth",
    "fifth",
    "sixth",
    "eighth",
    "tenth",
)
#: "two-thirds", "one quarter", "three fifths": a numerator word and a denominator.
_EN_SHARE = re.compile(
    rf"(?<![\w-])(?P<num>{'|'.join(_EN_NUMERATORS)})[-‐‑\s](?P<den>"
    rf"{'|'.join(sorted(_EN_DENOMINATORS, key=len, reverse=True))})(?![\w-])",
    re.IGNORECASE,
)
#: "half a", "half an" before a scale word or unit: "half a million", "half an hour".
_EN_HALF_A = re.compile(r"(?<![\w-])half[-‐‑\s]+an?(?=\s)", re.IGNORECASE)
#: "a half", "a quarter" before a unit: "a half-mile", "a quarter mile"; "a quarter of a
#: million"; not the "a half" of "two and a half" (the finder adds it to the two).
_EN_A_PART = re.compile(
    r"(?<![\w-])(?<!\band\s)(?<!\band-)(?:a|one)\s+(?P<den>half|quarter)(?:\s+of\s+an?\s|[-‐‑\s])",
    re.IGNORECASE,
)
#: "a third of the residents", "nearly a quarter of voters": a share ("a third man" is
#: an ordinal, and "a quarter of an hour" a duration, read above).
_EN_A_SHARE = re.compile(
    r"(?<![\w-])a\s+(?P<den>third|quarter|fifth|sixth|tenth)\s+of\s+(?!an?\s)", re.IGNORECASE
)
#: "of a", "of an" between a share and a scale word or unit: "three quarters of a mile".
_OF_A = re.compile(r"\s+of\s+an?\s", re.IGNORECASE)
#: language -> the words that add a half to the whole number before them: "two and a
#: half", "1-and-a-half", "twee en een half", "два с половиной".
HALF_AFTER_NUMBER = compiled_per_language(
    {
        "en": r"(?:\s+and\s+|[-‐‑]and[-‐‑])an?[-‐‑\s]half\b",
        "nl": r"\s+en\s+een\s+half\b",
        "ru": r"\s+с\s+половиной(?!\w)",
    }
)
#: language -> the words that add a half to the amount before them, after its unit:
#: "dos años y medio", "deux heures et demie".
HALF_AFTER_UNIT = compiled_per_language(
    {"es": r"\s+y\s+medi[oa](?!\w)", "fr": r"\s+et\s+demie?(?!\w)"}
)


_EN_SMALL_NUMBERS = {**_EN_NUMERATORS, "ten": 10}
#: "one in five adults", "2 out of 3 voters", "one in every four": a share.
_EN_ONE_IN = re.compile(
    rf"(?<![\w.,-])(?P<num>{'|'.join(_EN_SMALL_NUMBERS)}|\d{{1,3}})\s+(?:in|out\s+of)"
    rf"\s+(?:every\s+)?(?P<den>{'|'.join(_EN_SMALL_NUMBERS)}|\d{{1,4}})(?![\w.,-])",
    re.IGNORECASE,
)


def _small_number(word: str) -> int:
    return int(word) if word.isdigit() else _EN_SMALL_NUMBERS[word.lower()]


def _english(text: str, unit_at: UnitAt) -> list[Fraction]:
    found: list[Fraction] = []
    for m in _EN_ONE_IN.finditer(text):
        num, den = _small_number(m["num"]), _small_number(m["den"])
        if 0 < num < den:
            found.append(Fraction(m.start(), m.end(), 100 * num / den, share=True))
    lowered = text.lower()
    if not any(word in lowered for word in _EN_DENOMINATOR_STEMS):
        return found
    for m in _EN_SHARE.finditer(text):
        num, den = _EN_NUMERATORS[m["num"].lower()], _EN_DENOMINATORS[m["den"].lower()]
        if num >= den or (num > 1) != m["den"].lower().endswith("s"):
            continue  # "one thirds", "two third": no fraction
        of_a = _OF_A.match(text, m.end())
        if of_a is not None and unit_at(of_a.end()):
            found.append(Fraction(m.start(), of_a.end() - 1, num / den))
        elif not (num == 1 and den == 2):  # "one half" alone is "one half of the team"
            found.append(Fraction(m.start(), m.end(), 100 * num / den, share=True))
    for m in _EN_HALF_A.finditer(text):
        if unit_at(m.end()):
            found.append(Fraction(m.start(), m.end(), 0.5))
    for m in _EN_A_PART.finditer(text):
        if unit_at(m.end()):
            value = 0.5 if m["den"].lower() == "half" else 0.25
            found.append(Fraction(m.start(), m.end() - 1, value))
    for m in _EN_A_SHARE.finditer(text):
        share = 100 / _EN_DENOMINATORS[m["den"].lower()]
        found.append(Fraction(m.start(), m.end("den"), share, share=True))
    return found


#: One-word numbers with a half: "anderhalf" ("anderhalve" before a noun: "anderhalve
#: dag"), "tweeënhalf", "anderthalb", "zweieinhalb".
_COMPOUND_HALVES = {
    "nl": (
        re.compile(r"(?<!\w)(?:(?P<one>anderhal(?:f|ve))|(?P<whole>[a-z]+)ënhalf)(?!\w)", re.I),
        "een twee drie vier vijf zes zeven acht negen tien",
    ),
    "de": (
        re.compile(r"(?<!\w)(?:(?P<one>anderthalb)|(?P<whole>[a-zäöü]+)einhalb)(?!\w)", re.I),
        "ein zwei drei vier fünf sechs sieben acht neun zehn",
    ),
}


def _compound_halves(language: str) -> Callable[[str, UnitAt], list[Fraction]]:
    pattern, words = _COMPOUND_HALVES[language]
    wholes = {word: number for number, word in enumerate(words.split(), start=1)}

    def find(text: str, unit_at: UnitAt) -> list[Fraction]:
        found = []
        for m in pattern.finditer(text):
            whole = 1 if m["one"] else wholes.get((m["whole"] or "").lower())
            if whole is not None:
                found.append(Fraction(m.start(), m.end(), whole + 0.5))
        return found

    return find


_WORD_FRACTIONS: dict[str, Callable[[str, UnitAt], list[Fraction]]] = {
    "en": _english,
    **{language: _compound_halves(language) for language in _COMPOUND_HALVES},
}

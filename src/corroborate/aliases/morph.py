"""Russian case forms of names, read with pymorphy3.

Russian declines place names like any noun: one village is "Хенгелвелд" in a
headline, "в Хенгелвелде", "под Хенгелвелдом" and "жители Хенгелвелда" in the text,
and a country is "Германии" or "Германией". Without the nominative a gazetteer
lookup misses and one place becomes four entities. pymorphy3 knows the
inflection of the Russian dictionary (OpenCorpora) and guesses unknown words, such
as foreign towns, by analogy with known ones, which is what news names need.

Its guesses for an unknown word differ from one case form to the next
("Марлевена" -> "марлевена", "Марлевен" -> "марлевено"), so two forms are taken
as one word when their sets of candidate nominatives meet, not when their best
guesses are equal, and when they differ only in their endings.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import pymorphy3

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: How many of a word's readings are tried, most likely first.
_READINGS = 3
#: How many letters at the end of two forms of one word may differ ("-ом" / "").
_ENDING_LETTERS = 3
#: Shortest stem two forms must share: shorter words are too easily alike.
_MIN_STEM = 4


@lru_cache(maxsize=1)
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


def is_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@lru_cache(maxsize=65536)
def word_nominatives(word: str) -> tuple[str, ...]:
    """Lower-case nominatives ``word`` may be a case form of, most likely first;
    the word itself when pymorphy3 reads it as no noun or adjective."""
    forms: list[str] = []
    for parse in _analyzer().parse(word)[:_READINGS]:
        if parse.tag.POS not in {"NOUN", "ADJF"}:
            continue
        nominative = parse.inflect({"nomn"})
        form = nominative.word if nominative is not None else parse.normal_form
        if form not in forms:
            forms.append(form)
    return tuple(forms) or (word.lower(),)


@lru_cache(maxsize=65536)
def nominative_given_name(word: str) -> str:
    """The nominative of a Russian given name or patronymic in any case, lower-case
    ("Элены" -> "элена", "Сергея" -> "сергей", "Владимировича" -> "владимирович"):
    "по словам Элены Феррер" names Elena Ferrer. A word the dictionary reads as no
    given name is only lower-cased."""
    names = [
        parse
        for parse in _analyzer().parse(word)[:_READINGS]
        if _given_name_reading(parse) and parse.tag.number == "sing"
    ]
    if names and all(parse.tag.case in _OBLIQUE_CASES for parse in names):
        return str(names[0].normal_form)
    return word.lower()


#: The cases a name is read back to its nominative from. Not the prepositional: a
#: foreign name's nominative often ends as it does ("Хенрике", "Рене").
_OBLIQUE_CASES = frozenset({"gent", "datv", "accs", "ablt"})
#: Case endings of a masculine noun with a hard stem: a foreign surname ending in a
#: consonant declines so ("Трамп": "Трампа", "Трампу", "Трампом").
_MASCULINE_ENDINGS: dict[str, tuple[str, ...]] = {
    "gent": ("а",),
    "accs": ("а",),
    "datv": ("у",),
    "ablt": ("ом", "ем"),  # "-ем" after ц, ж, ш, ч, щ: "Себастьяном Курцем"
}
_VOWELS = frozenset("аеёиоуыэюяьъй")


@lru_cache(maxsize=65536)
def declined_surname(surname: str, given_name: str | None = None) -> str:
    """The nominative of a surname Russian declines as a noun, lower-case: one the
    dictionary knows as a surname or name in another case ("Трампа" -> "трамп"), or
    one whose given name before it is a man's name in a case whose ending the
    surname has ("Эммануэля Макрона" -> "макрон"). Women's foreign surnames do not
    decline ("Элены Феррер") and are kept, as is any other word."""
    lowered = surname.lower()
    top = _analyzer().parse(surname)[0]
    if {"Surn", "Name"} & top.tag.grammemes and top.tag.case in _OBLIQUE_CASES:
        return str(top.normal_form)
    case = _mans_name_case(given_name) if given_name else None
    for ending in _MASCULINE_ENDINGS.get(case or "", ()):
        stem = lowered.removesuffix(ending)
        if stem != lowered and len(stem) >= _MIN_STEM - 1 and stem[-1] not in _VOWELS:
            return stem
    return lowered


def _mans_name_case(word: str) -> str | None:
    """The case of a man's given name as the dictionary reads it first, if it does."""
    top = _analyzer().parse(word)[0]
    return str(top.tag.case) if _given_name_reading(top) and "masc" in top.tag.grammemes else None


def is_oblique_mans_name(word: str) -> bool:
    """Whether the dictionary reads ``word`` first as a man's given name in a case
    other than the nominative ("Мишелем", "Карлоса"; not "Мишель", "Анны")."""
    return _mans_name_case(word) in _OBLIQUE_CASES


def _given_name_reading(parse: pymorphy3.analyzer.Parse) -> bool:
    """Whether a reading of a word before a surname is a given name's: a name or a
    patronymic, or a man's name the dictionary files only as a surname ("Карлоса",
    of "Карлоса Гона": OpenCorpora has Карлос as a surname, not as a name)."""
    grammemes = parse.tag.grammemes
    return bool({"Name", "Patr"} & grammemes) or {"Surn", "masc"} <= grammemes


def is_mans_case_form(form: str, nominative: str) -> bool:
    """Whether ``form`` is ``nominative``, a foreign man's surname ending in a
    consonant, in a case Russian declines it to ("Гону", "Ауна" of Гон, Аун): the
    form a report uses for a surname alone once it has named the man in full."""
    stem, form = nominative.lower(), form.lower()
    if len(stem) < _MIN_STEM - 1 or stem[-1] in _VOWELS or not is_cyrillic(stem):
        return False
    return any(
        form == stem + ending for endings in _MASCULINE_ENDINGS.values() for ending in endings
    )


def nominatives(phrase: str) -> list[str]:
    """Nominatives of a Cyrillic name of one or more words ("Северного моря" ->
    "северное море"), most likely first; empty for a name with no Cyrillic."""
    words = phrase.split()
    if not words or not is_cyrillic(phrase):
        return []
    per_word = [word_nominatives(word)[:2] for word in words]
    return [
        " ".join(combination) for combination in itertools.islice(itertools.product(*per_word), 4)
    ]


def same_word(first: str, second: str) -> bool:
    """Whether two one-word Cyrillic names are case forms of one word: they share
    all but their last :data:`_ENDING_LETTERS` letters and a candidate nominative."""
    a, b = first.lower(), second.lower()
    if a == b:
        return True
    if not (is_cyrillic(a) and is_cyrillic(b)) or " " in a or " " in b:
        return False
    pairs = enumerate(zip(a, b, strict=False))
    stem = next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))
    if stem < _MIN_STEM or max(len(a), len(b)) - stem > _ENDING_LETTERS:
        return False
    return bool(set(word_nominatives(first)) & set(word_nominatives(second)))

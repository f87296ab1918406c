"""Russian dictionary words, read with pymorphy3: the recogniser's commonest slip in
Russian is a capitalised common noun opening a sentence ("Поездом управлял ...",
"By train ..."), which it takes for a name because of its capital. pymorphy3's
dictionary (OpenCorpora) says whether a word is a known common noun in any case
form, and marks the proper nouns it knows (towns, given names, surnames,
organisations), which are kept."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

#: OpenCorpora grammemes of proper nouns and abbreviations: a word read so is a name.
_PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr", "Init"})
#: How many readings of a word are looked at, most likely first.
_READINGS = 4


@lru_cache(maxsize=1)
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def is_common_noun(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a common word and never as a name."""
    readings = _analyzer().parse(word)[:_READINGS]
    if not readings or not readings[0].is_known:
        return False
    return all(not (_PROPER & reading.tag.grammemes) for reading in readings)

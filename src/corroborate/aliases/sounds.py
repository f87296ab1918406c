"""Names across scripts by their consonants.

Russian writes a foreign name as it sounds, not as it is spelt: "Johnson" is
"Джонсон", "Theresa May" "Тереза Мэй", "Trump" "Трамп", "Hunt" "Хант". Their
letter-by-letter transliterations ("dzhonson", "tereza mey", "tramp", "khant")
are too far from the English spellings for a spelling comparison, and even the
English sound codes (Metaphone: "JNSN" against "TJNSN") part them. What survives
both ways of writing a name is its run of consonant sounds: J-N-S-N, T-R-S, T-R-M-P.

A skeleton is that run, with each way of writing a sound read as the sound in its
own script's conventions: English "j", "dg" and a "g" before e/i/y against
Russian "дж" and "ж"; English "sh", "sch" against "ш"; English "c" as "k" or
"s"; "th" as "t"; "w" as "v"; "h" (which Russian writes "х" or leaves out) not at
all; vowels not at all, except that a name starting with a vowel says so. Voiced
and voiceless consonants stay apart (David / Дэвид, not Tavit), "s" and "z" do not
(Theresa / Тереза), nor do "ch" and "k" (Michael / Майкл; Charles / Чарльз).

A Latin name's spelling may follow French or German rules rather than English, so
it is read all three ways and matches by any of them: French "ch" as "ш" and its
silent endings (Michel Barnier / Мишель Барнье, Nicolas / Николя), German "ch" as
"х", "v" as "ф" and a hard "g" (Oettinger / Эттингер, Volker / Фолькер); Spanish
"qu" as "к", "z" as "с" and "j" as "х" (Márquez / Маркес, Jiménez / Хименес); an English
initial "w" may be "у" (Watson / Уотсон) and a German initial "h" "г" (Hitler /
Гитлер).
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

#: Letter groups of a Latin-script name (English spelling) and the sound each
#: stands for, longest first; a letter left is itself.
_LATIN_GROUPS: tuple[tuple[str, str], ...] = (
    ("sch", "s"),
    ("tch", "k"),
    ("ch", "k"),
    ("sh", "s"),
    ("th", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("gh", ""),
    ("qu", "kv"),
    ("wh", "v"),
    ("wr", "r"),
    ("tz", "s"),
    ("ts", "s"),
    ("x", "ks"),
    ("q", "k"),
    ("z", "s"),
    ("h", ""),
)
#: Letter groups of a transliterated Cyrillic name ("Джонсон" -> "dzhonson").
_CYRILLIC_GROUPS: tuple[tuple[str, str], ...] = (
    ("shch", "s"),
    ("tch", "k"),
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", ""),
    ("sh", "s"),
    ("ch", "k"),
    ("ts", "s"),
    ("z", "s"),
    ("h", ""),
)
#: A "c" or "g" before these letters is soft in English: Cecil, George.
_SOFT_BEFORE = re.compile(r"([cg])(?=[eiy])")
#: English "w" before a vowel is a consonant Russian writes "в" or "у" (Edward,
#: Washington); after one it is part of the vowel (Andrew / Эндрю, Matthew / Мэттью).
_W_SOUND = re.compile(r"w(?=([aeiouy])?)")
_VOWELS = re.compile(r"[aeiouy]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")


#: French spelling: "ch" is Russian "ш" (Michel / Мишель), "gn" one sound, and a final
#: "s", "t", "d", "x", "z" or the "r" of "-er", "-ier" is not said (Nicolas / Николя,
#: Barnier / Барнье).
_FRENCH_GROUPS: tuple[tuple[str, str], ...] = (
    ("sch", "s"),
    ("ch", "s"),
    ("qu", "k"),
    ("gn", "n"),
    ("ph", "f"),
    ("th", "t"),
    ("x", "ks"),
    ("q", "k"),
    ("z", "s"),
    ("w", "v"),
    ("h", ""),
)
_FRENCH_SILENT_END = re.compile(r"(?:[stdxz]|(?<=e)r)$")
#: German spelling: "ch" is Russian "х", which the skeleton leaves out like "h";
#: "v" is "ф", "w" "в", "z" "ц", "j" "й" (Jürgen / Юрген); "g" is always hard.
_GERMAN_GROUPS: tuple[tuple[str, str], ...] = (
    ("tsch", "k"),
    ("sch", "s"),
    ("ch", ""),
    ("ck", "k"),
    ("tz", "s"),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "kv"),
    ("x", "ks"),
    ("z", "s"),
    ("v", "f"),
    ("w", "v"),
    ("j", ""),
    ("h", ""),
)

#: Spanish spelling: "qu" is "к", "j" and a "g" before e/i are "х" (Jiménez / Хименес,
#: Gerardo / Херардо), left out like "h"; "z" and a "c" before e/i are "с" (Márquez /
#: Маркес, González / Гонсалес); "ch" is "ч", read as "k" on both sides.
_SPANISH_GROUPS: tuple[tuple[str, str], ...] = (
    ("ch", "k"),
    ("qu", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("j", ""),
    ("h", ""),
)
_SPANISH_SOFT = re.compile(r"(gu(?=[ei]))|([cg])(?=[ei])")


def _spanish(text: str) -> str:
    """A Latin word's consonants read by Spanish spelling (see :data:`_SPANISH_GROUPS`)."""
    soft = _SPANISH_SOFT.sub(
        lambda m: "g" if m.group(1) else ("s" if m.group(2) == "c" else ""), text
    )
    return _consonants(soft, _SPANISH_GROUPS)


@lru_cache(maxsize=65536)
def sound_skeleton(name_word: str, cyrillic: bool) -> str:
    """The consonant sounds of one word of a name, in order, doubled ones once;
    "a" first for a word that starts with a vowel ("Arron" -> "arn",
    "Джонсон" -> "jnsn", "Johnson" -> "jnsn"). A Latin word is read by English
    spelling here; see :func:`sound_skeletons` for its other readings."""
    text = _NOT_LETTER.sub("", anyascii(name_word).lower())
    if not cyrillic:
        text = text.replace("dg", "j")  # Bridgen / Бриджен
        text = _SOFT_BEFORE.sub(lambda m: "s" if m.group(1) == "c" else "j", text)
        text = _W_SOUND.sub(lambda m: "v" if m.group(1) else "", text)
    return _consonants(text, _CYRILLIC_GROUPS if cyrillic else _LATIN_GROUPS)


@lru_cache(maxsize=65536)
def sound_skeletons(name_word: str, cyrillic: bool) -> frozenset[str]:
    """The skeletons of a word by each spelling it may follow: a Cyrillic word's
    one; a Latin word's by English, French, German and Spanish spelling ("Michel" is "mkl"
    by English, "msl" by French: Мишель)."""
    skeleton = sound_skeleton(name_word, cyrillic)
    if cyrillic:
        return frozenset({skeleton})
    text = _NOT_LETTER.sub("", anyascii(name_word).lower())
    soft = _SOFT_BEFORE.sub(lambda m: "s" if m.group(1) == "c" else "j", text)
    french = _consonants(_FRENCH_SILENT_END.sub("", soft), _FRENCH_GROUPS)
    german = _consonants(text, _GERMAN_GROUPS)
    found = {skeleton, french, german, _spanish(text)}
    if text.startswith("w"):  # Wilson / Уилсон, Watson / Уотсон: an English "w" as "у"
        found.add("a" + skeleton.removeprefix("v"))
    if text.startswith("h"):  # Hitler / Гитлер: a German "h" as "г"
        found.add(_consonants("g" + text[1:], _GERMAN_GROUPS))
    return frozenset(found)


def _consonants(text: str, groups: tuple[tuple[str, str], ...]) -> str:
    for group, sound in groups:
        text = text.replace(group, sound)
    text = _DOUBLED.sub(r"\1", text.replace("c", "k"))
    starts_with_vowel = bool(text) and _VOWELS.match(text) is not None
    return ("a" if starts_with_vowel else "") + _VOWELS.sub("", text)


def sound_alike(
    first: str, first_cyrillic: bool, second: str, second_cyrillic: bool, shortest: int = 2
) -> bool:
    """Whether a Latin-script and a Cyrillic word of a name are one name written by
    two conventions: a consonant skeleton in common (the Latin word read by English,
    French or German spelling), of at least ``shortest`` sounds (one sound, "May" /
    "Мэй", is too little to go on by itself; beside a given name that matches too,
    it is enough)."""
    if first_cyrillic == second_cyrillic:
        return False
    shared = sound_skeletons(first, first_cyrillic) & sound_skeletons(second, second_cyrillic)
    return any(len(skeleton) >= shortest for skeleton in shared)

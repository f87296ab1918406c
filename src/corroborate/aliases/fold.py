"""Folding a name to a matching key that survives scripts, languages and spellings.

Sources spell one name many ways: Cyrillic in Russian outlets, an English
transliteration ("kh", "y"), a Dutch one ("oe", "ch", "j"), a German one ("ch", "w",
"tsch"), with or without diacritics, possessive or declined. The key maps all of
them to one lowercase ASCII string so equal keys mean "very probably the same
name". The rules are applied the same way whatever the article's language, so a
string always gets the same key; the language only decides which grammatical
endings (possessive, Turkish suffixes) are cut first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from corroborate.aliases.bodies import body_of
from corroborate.aliases.demonyms import demonym_of
from corroborate.aliases.morph import declined_surname, nominative_given_name

_APOSTROPHES = "'’‘`´ʼ"
_EDGE_PUNCT = ' \t\n"“”„«»()[]{}<>,;:!?*_|/\\-–—' + _APOSTROPHES
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_TOKEN_SPLIT = re.compile(r"[\s\-‐‑–—/]+|(?<=[^\W\d_]{2}\.)(?=[^\W\d_])")
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_DOUBLE = re.compile(r"(.)\1+")


def word_set(words: str) -> frozenset[str]:
    """A frozenset of the space-separated words (keeps long word lists readable)."""
    return frozenset(words.split())


#: Ordered spelling folds. Earlier rules see the longer clusters first so that
#: German "tsch" and Dutch "tsj" are read as one sound before "ch" and "sj" are.
#: Each row merges spellings that transliteration tables use for one sound:
#: х/ч -> h (kh, ch, tsch, tsj, tch), ш/щ -> s, ж -> z, у -> u (oe, ou, ue),
#: й/ы/и endings -> i (j, y), в -> v (w).
_SPELLING_RULES: tuple[tuple[str, str], ...] = (
    ("schtsch", "s"),
    ("shch", "s"),
    ("sjtsj", "s"),
    ("tsch", "h"),
    ("tsj", "h"),
    ("tch", "h"),
    ("kh", "h"),
    ("ch", "h"),
    ("sh", "s"),
    ("sj", "s"),
    ("zh", "z"),
    ("zj", "z"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("oe", "u"),
    ("ou", "u"),
    ("ue", "u"),
    ("ae", "a"),
    ("j", "i"),
    ("y", "i"),
)

#: Oblique Russian/Ukrainian surname forms and the nominative they come from.
#: Longest suffix first. Used on the last (surname) token of Cyrillic names only:
#: Мухаметова, Мухаметову, Мухаметовым -> Мухаметов.
_CYRILLIC_SURNAME_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ского", "ский"),
    ("скому", "ский"),
    ("ским", "ский"),
    ("ском", "ский"),
    ("овым", "ов"),
    ("овой", "ов"),
    ("евым", "ев"),
    ("евой", "ев"),
    ("ёвым", "ёв"),
    ("иным", "ин"),
    ("иной", "ин"),
    ("ова", "ов"),
    ("ову", "ов"),
    ("ове", "ов"),
    ("ева", "ев"),
    ("еву", "ев"),
    ("еве", "ев"),
    ("ёва", "ёв"),
    ("ёву", "ёв"),
    ("ина", "ин"),
    ("ину", "ин"),
    ("ине", "ин"),
)

#: Words that precede a person's name without being part of it.
HONORIFICS = word_set(
    """mr mrs ms miss dr prof professor sir dame lord lady rev reverend president
    sen senator gov governor rep representative minister premier chancellor
    general gen col colonel capt captain sgt sergeant lt officer judge justice
    pope king queen prince princess herr frau heer mevrouw meneer dhr mevr
    mayor burgemeester bürgermeister buergermeister maire alcalde alcaldesa мэр
    monsieur madame mme mlle senor senora signor signora gospodin
    господин госпожа"""
)

#: Ends of German and Dutch role nouns, which those languages capitalise and models
#: then take into the name: "Landwirt Friedhelm Osterloh", "Polizeisprecher Jan
#: Weber", "Bundeskanzler Olaf Scholz", "woordvoerder", "wethouder". A leading word
#: that ends so is a role, not a given name (none of these ends a given name; words
#: that are also surnames, "Bauer", "Richter", "Koch", are left out).
ROLE_ENDINGS = word_set(
    """sprecher sprecherin meister meisterin minister ministerin kanzler kanzlerin
    präsident präsidentin leiter leiterin führer führerin chef chefin direktor
    direktorin landwirt landwirtin kommissar kommissarin sekretär sekretärin
    vorsitzende vorsitzender abgeordnete abgeordneter politiker politikerin
    woordvoerder woordvoerster wethouder directeur voorzitter commissaris hoogleraar"""
)

#: German and Dutch nouns for a thing or a body of the name hyphened before them
#: ("Iberia-Jet", "SPD-Fraktion", "Siemens-Konzern", "KLM-topman", "Boeing-toestel");
#: with the role nouns above ("Iberia-Chefin", "Lufthansa-Sprecher") they make a
#: compound that names someone or something of that name, not a name of its own.
#: Not "-Gruppe", "-Werke", "-Bank": those end company names.
HYPHENED_THINGS = word_set(
    """jet maschine flugzeug flug zug konzern regierung fraktion spitze führung vorstand
    mitarbeiter mitarbeiterin anwalt anwältin manager managerin boss pilot pilotin
    kapitän trainer spieler fans anhänger aktie aktien
    topman topvrouw baas leider kopstuk fractie top toestel vliegtuig vlucht trein
    medewerker advocaat piloot speler spelers aandeel"""
)

#: Nationality words that are also given names ("Frans Hals", "Finn Ronne", "Dane
#: Cook", "Frances McDormand", "Герман Греф"): before a name they are kept. The
#: others ("de Oekraïner Oleksandr Kovaltsjoek", "Ukrainian Oleksandr Kovalchuk") are
#: a description, as a title is. Read off the person names of the CoNLL and
#: WikiNEuRal training and validation data: with these left out no gold name there
#: starts with a nationality word.
GIVEN_NAME_DEMONYMS = word_set("frans frances dane brit finn chino german герман")

#: Generational suffixes: not the surname, never compared.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

#: Lowercase particles inside surnames ("Lo Presti", "van Dijk"): never a given name.
PARTICLES = word_set(
    "van von der den de del della di da dos das du la le lo ter ten al el bin ben ibn"
)

#: Legal-form words that trail organisation names ("Microsoft Corp.").
ORG_SUFFIXES = word_set(
    "inc incorporated corp corporation co ltd limited llc plc gmbh ag nv bv sa spa srl oy ab"
)

#: Leading articles dropped from organisation and place keys ("The Times").
LEADING_ARTICLES = frozenset({"the"})


@dataclass(frozen=True)
class NameToken:
    """One folded word of a name; ``initial`` marks "D." style abbreviations,
    ``particle`` the "van"/"de"/"Lo" that belongs to the surname."""

    key: str
    initial: bool
    cyrillic: bool
    particle: bool = False
    #: The word as written, Cyrillic ones in their nominative: what
    #: :func:`corroborate.aliases.sounds.sound_skeleton` reads across scripts.
    written: str = ""
    #: Whether the word comes from a language that declines names in Latin script
    #: (:data:`DECLINING_LATIN`): "Donalda Tuska" may be Donald Tusk.
    declined: bool = False
    #: The language of the article the word was read in, and the word's key read by
    #: that language's ways of writing a Russian name (:func:`transliteration_keys`):
    #: German "Schurawljow", French "Jouravliov" and English "Zhuravlyov" share one.
    language: str = "und"
    heard: frozenset[str] = frozenset()


#: Languages that write names in Latin letters and decline them.
DECLINING_LATIN = frozenset({"pl", "cs", "sk", "sl", "hr", "lt", "lv"})


def strip_diacritics(text: str) -> str:
    """Drop combining marks after canonical decomposition (č -> c, ū -> u)."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


def clean_surface(text: str, language: str = "und") -> str:
    """The name as written, minus what grammar added around it.

    Cuts edge punctuation and quotes, the English possessive ("Smith's", "Jones'"),
    and, for Turkish and Azerbaijani, the case suffix after an apostrophe
    ("Ankara'da"): those never tell two entities apart.
    """
    text = unicodedata.normalize("NFKC", text).strip(_EDGE_PUNCT)
    for apostrophe in _APOSTROPHES:
        if text.endswith(apostrophe + "s") or text.endswith(apostrophe + "S"):
            text = text[:-2]
    if language in {"tr", "az"}:
        for apostrophe in _APOSTROPHES:
            head, sep, tail = text.rpartition(apostrophe)
            if sep and head and tail.isalpha() and " " not in tail:
                text = head
                break
    return text.strip(_EDGE_PUNCT)


def fold_spelling(word: str) -> str:
    """Fold one ASCII lowercase word through the transliteration rules."""
    for source, target in _SPELLING_RULES:
        if source in word:
            word = word.replace(source, target)
    if word.startswith("ie") and len(word) > 3:
        word = word[1:]  # Russian initial Е: Yevgeny, Jewgeni, Ievgueni, Evgeny
    return _DOUBLE.sub(r"\1", word)


def fold_word(word: str) -> str:
    """Any-script word -> folded ASCII key (transliterate, lowercase, fold)."""
    ascii_word = anyascii(word).lower()
    return fold_spelling(_NON_ALNUM.sub("", ascii_word))


#: How a language writes the sounds of a Russian name, rewritten as English writes
#: them before the folding, in one pass (regular expression, replacement): French
#: "ch" is ш and "j" ж ("Chtchoukine", "Jouravliov": Shchukin, Zhuravlyov); German
#: "sch" is ш or ж and "z" ц ("Schtschukin", "Schurawljow"), and an "s" before a
#: vowel may be з ("Selenskyj": Zelensky), so German has two readings; Spanish "j" is
#: х ("Jruschov"). Dutch and English spellings are what :data:`_SPELLING_RULES` reads.
_TRANSLITERATIONS: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "fr": (
        (
            ("chtch", "shch"),
            ("tch", "ch"),
            ("dj", "dzh"),
            ("ch", "sh"),
            ("j", "zh"),
            ("gu(?=[ei])", "g"),
            ("(?<=in)e$", ""),  # the silent "e" of "-ine": Poutine, Lénine
        ),
    ),
    "de": (
        (("schtsch", "shch"), ("dsch", "dzh"), ("tsch", "ch"), ("sch", "sh"), ("z", "ts")),
        (
            ("schtsch", "shch"),
            ("dsch", "dzh"),
            ("tsch", "ch"),
            ("sch", "zh"),
            ("z", "ts"),
            ("^s(?=[aeiouy])", "z"),
        ),
    ),
    "es": ((("j", "kh"),),),
}


def _one_pass(rules: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    alternatives = (f"(?P<r{index}>{source})" for index, (source, _) in enumerate(rules))
    return re.compile("|".join(alternatives))


def _rewrite(word: str, pattern: re.Pattern[str], rules: tuple[tuple[str, str], ...]) -> str:
    """``word`` with each match of ``pattern`` replaced by its rule's replacement."""
    return pattern.sub(lambda match: rules[int(str(match.lastgroup)[1:])][1], word)


_TRANSLITERATION_PASSES = {
    language: tuple((_one_pass(rules), rules) for rules in readings)
    for language, readings in _TRANSLITERATIONS.items()
}
#: Ё is "yo", "io", "jo" or "e" by the writer's table (Kovalyov, Kovaliov, Kowaljow,
#: Kovalev), and "o" or "e" after a hushing sound (Gorbatschow, Gorbachev).
_YO = re.compile(r"io(?=v$)|(?<=[szh])o(?=v$)")


@lru_cache(maxsize=65536)
def transliteration_keys(word: str, language: str) -> frozenset[str]:
    """A Latin-script word's keys read as ``language`` writes a Russian name: German
    "Schurawljow", French "Jouravliov", Dutch "Zjoeravljov" and English "Zhuravlyov"
    share "zuravlev"; ё and е fold together. Only compared between words read in two
    languages: "Michel" is "mihel" in English and "misel" in French, where it is the
    plain :func:`fold_word` key that the two share."""
    ascii_word = _NON_ALNUM.sub("", anyascii(word).lower())
    spellings = [
        _rewrite(ascii_word, pattern, rules)
        for pattern, rules in _TRANSLITERATION_PASSES.get(language, ())
    ] or [ascii_word]
    return frozenset(_YO.sub("e", fold_spelling(spelling)) for spelling in spellings)


def nominative_surname(word: str) -> str:
    """Undo Russian/Ukrainian case endings on a Cyrillic surname."""
    lowered = word.lower()
    for ending, replacement in _CYRILLIC_SURNAME_ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 1:
            return lowered[: -len(ending)] + replacement
    return lowered


def _is_initial(raw: str) -> bool:
    """ "D." or a lone capital "D" (not "I" used as a word, which NER rarely marks)."""
    letters = raw.rstrip(".")
    return len(letters) == 1 and letters.isalpha() and (raw.endswith(".") or letters.isupper())


def _split_initials(raw: str) -> list[str]:
    """ "J.R." -> ["J.", "R."]; anything else stays one word."""
    if re.fullmatch(r"(?:[^\W\d_]\.){2,}", raw):
        return [part + "." for part in raw.split(".") if part]
    return [raw]


def person_surface(text: str, language: str = "und") -> str:
    """A person mention without possessive, bracketed nickname or trailing
    apposition ("Jane Doe, 61", "Jane Doe, MD")."""
    surface = _PARENTHESES.sub("", clean_surface(text, language))
    head, comma, _tail = surface.partition(",")
    if comma and len(head.split()) >= 2:
        surface = head
    return surface.strip(_EDGE_PUNCT)


@lru_cache(maxsize=65536)
def person_tokens(text: str, language: str = "und") -> tuple[NameToken, ...]:
    """A person's name as folded words, honorifics and "Jr." left out."""
    raw_words = _TOKEN_SPLIT.split(person_surface(text, language))
    words = [word for raw in raw_words if raw and fold_word(raw) for word in _split_initials(raw)]
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    while len(words) > 1 and fold_word(words[-1]) in _SUFFIX_KEYS:
        words = words[:-1]
    tokens: list[NameToken] = []
    for index, raw in enumerate(words):
        cyrillic = bool(_CYRILLIC.search(raw))
        word = raw
        if cyrillic and index == len(words) - 1:
            word = nominative_surname(raw)
            if word == raw.lower():  # no Russian surname's ending: a foreign one?
                word = declined_surname(raw, words[index - 1] if index else None)
        elif cyrillic:
            word = nominative_given_name(raw)
        key = fold_word(word)
        particle = index < len(words) - 1 and raw.casefold() in PARTICLES
        if key:
            declined = language in DECLINING_LATIN and not cyrillic
            heard = frozenset() if cyrillic else transliteration_keys(raw, language)
            initial = _is_initial(raw)
            tokens.append(
                NameToken(key, initial, cyrillic, particle, word, declined, language, heard)
            )
    return tuple(tokens)


def strip_honorifics(surface: str) -> str:
    """ "President Jane Doe" -> "Jane Doe" (a lone title is kept: it is all there is)."""
    words = surface.split()
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def ends_in_title(text: str) -> bool:
    """Whether a name's last word is an honorific or role ("Interior Minister",
    "Polizeisprecher")."""
    words = text.split()
    return bool(words) and _is_title(words[-1])


def _is_title(word: str) -> bool:
    """An honorific ("Mr", "Sergeant"), a German or Dutch role noun ("Landwirt",
    "Polizeisprecher") or a nationality ("Oekraïner", "Ukrainian") before a name."""
    key = fold_word(word.rstrip("."))
    return (
        key in _HONORIFIC_KEYS
        or key.endswith(_ROLE_ENDING_KEYS)
        or (key not in _GIVEN_NAME_DEMONYM_KEYS and demonym_of(word) is not None)
    )


_HYPHENED_ROLE = re.compile(r"(?<=\w)-(\w+)$")


def name_before_role(word: str) -> str | None:
    """The name in a hyphened compound of a role or thing ("Iberia" of
    "Iberia-Chefin", "SPD" of "SPD-Fraktion"; see :data:`HYPHENED_THINGS`), else None."""
    found = _HYPHENED_ROLE.search(word)
    if found is None:
        return None
    key = fold_word(found.group(1))
    if key in _HYPHENED_THING_KEYS or key.endswith(_ROLE_ENDING_KEYS):
        return word[: found.start()]
    return None


def _plain_tokens(text: str, type: str, language: str) -> list[str]:
    words = [fold_word(w) for w in _TOKEN_SPLIT.split(clean_surface(text, language))]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in _LEADING_ARTICLE_KEYS:
        words = words[1:]
    while type == "org" and len(words) > 1 and words[-1] in _ORG_SUFFIX_KEYS:
        words = words[:-1]
    return words


@lru_cache(maxsize=65536)
def name_key(text: str, type: str, language: str = "und") -> str:
    """The folded key two mentions must share (or nearly share) to be one entity.

    Persons lose honorifics, possessives and Russian case endings so that
    "Mr Ivanov's", "Иванова" and "Iwanow" meet; other types lose a leading "the",
    and an international body's name in any language is its English name's key.
    The result is lowercase ASCII words joined by single spaces ("" for no letters).
    """
    if type == "person":
        return " ".join(token.key for token in person_tokens(text, language))
    body = body_of(text)  # "Europese Unie", "EU" and "Евросоюз": one key
    return " ".join(_plain_tokens(body or text, type, "en" if body else language))


def acronym_letters(text: str) -> str | None:
    """The letters of an acronym mention ("NATO", "U.N.", "RFE/RL"), else None."""
    cleaned = clean_surface(text)
    letters = re.sub(r"[\s./&-]", "", cleaned)
    if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper():
        return anyascii(letters).upper()
    return None


#: Function words an acronym may skip ("North Atlantic Treaty Organization" ->
#: NATO, "Federal Bureau of Investigation" -> FBI).
_ACRONYM_SKIPPED = word_set(
    "of the and for on in at to de des du la le van der den het voor und für fur del y e"
)


def expansion_initials(text: str) -> set[str]:
    """Initials a long organisation name may be abbreviated to, with and without
    its function words ("Bank of America" -> {"BOA", "BA"})."""
    words = [w for w in _TOKEN_SPLIT.split(clean_surface(text)) if w and w[0].isalpha()]
    if len(words) < 2:
        return set()
    every = "".join(anyascii(w[0]).upper() for w in words)
    content = "".join(anyascii(w[0]).upper() for w in words if w.lower() not in _ACRONYM_SKIPPED)
    return {initials for initials in (every, content) if len(initials) >= 2}


def is_latin(text: str) -> bool:
    """Whether the surface is written in the Latin script (preferred for names)."""
    return bool(_LATIN_LETTER.search(text)) and not _CYRILLIC.search(text)


_HONORIFIC_KEYS = frozenset(fold_word(word) for word in HONORIFICS)
_ROLE_ENDING_KEYS = tuple(sorted(fold_word(word) for word in ROLE_ENDINGS))
_HYPHENED_THING_KEYS = frozenset(fold_word(word) for word in HYPHENED_THINGS)
_GIVEN_NAME_DEMONYM_KEYS = frozenset(fold_word(word) for word in GIVEN_NAME_DEMONYMS)
_SUFFIX_KEYS = frozenset(fold_word(word) for word in NAME_SUFFIXES)
_ORG_SUFFIX_KEYS = frozenset(fold_word(word) for word in ORG_SUFFIXES)
#: Folded too: "the" folds to "te" (th -> t), and words are folded before the check.
_LEADING_ARTICLE_KEYS = frozenset(fold_word(word) for word in LEADING_ARTICLES)

"""Numbers as each language writes them: digits with its separators, number words, scales.

Why per language: "1.200" is twelve hundred in Dutch, German and Spanish but one
point two in English; French and Russian group thousands with (narrow) spaces.
Number words go through ``text2num`` (Rust, en/fr/es/de/nl), which knows the
compounds ("einundzwanzig", "quatre-vingt-dix") that a word list never would; we
only find *where* a run of number words is, so offsets stay exact. Russian, which
``text2num`` lacks, gets a small table of its own, declined forms included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

#: The six languages with full rules; any other language is read with English rules.
LANGUAGES = frozenset({"en", "nl", "de", "es", "fr", "ru"})
_TEXT2NUM = frozenset({"en", "nl", "de", "es", "fr"})


@dataclass(frozen=True)
class Atom:
    """A number found in the text: ``[start, end)`` and its value; ``word`` if spelled out."""

    start: int
    end: int
    value: float
    word: bool = False


def rules_language(language: str) -> str:
    """The language whose number rules apply: itself, English for others, ``und`` stays."""
    if language in LANGUAGES or language == "und":
        return language
    return "en"


# --- digits -------------------------------------------------------------------------

#: Letters a currency code may leave right before the digits ("$US140", "RM5", "USD300").
_AFTER_CODE = "".join(
    f"|(?<={code})" for code in ("$US", "$A", "$NZ", "$C", "RM", "Rs", "USD", "EUR", "GBP")
).replace("$", r"\$")

_GROUPED = {
    # thousands separators, decimal mark; a space groups thousands in every language
    # but English, as Spanish, German and Dutch style guides also write them ("30 000
    # Liter"), and Swiss German and French write an apostrophe ("30'000 Franken")
    "en": (",", "."),
    "nl": (". ", ","),
    "de": (". '’", ","),
    "es": (". ", ","),
    "fr": (" \u00a0\u202f'’", ","),
    "ru": (" \u00a0\u202f", ","),
}


@lru_cache(maxsize=16)
def digit_pattern(language: str) -> re.Pattern[str]:
    """Digits with the language's thousands grouping, else a plain (decimal) number.

    The grouped form needs groups of exactly three digits, so "3.5" stays a decimal
    in German and "1,5" in English is read as 1.5 rather than dropped.
    """
    groups, decimal = _GROUPED.get(language, _GROUPED["en"])
    sep = "[" + re.escape(groups) + "\u202f\u00a0]"
    dec = re.escape(decimal)
    grouped = f"[0-9]{{1,3}}(?:{sep}[0-9]{{3}})+(?:{dec}[0-9]+)?"
    return re.compile(
        rf"(?:(?<![\w.,]){_AFTER_CODE})(?:{grouped}(?![0-9])|[0-9]+(?:[.,][0-9]+)?(?![0-9]))"
    )


def digits_value(surface: str, language: str) -> float:
    """The value of a match of :func:`digit_pattern`."""
    groups, decimal = _GROUPED.get(language, _GROUPED["en"])
    cleaned = surface
    for char in groups + "\u202f\u00a0":
        parts = cleaned.split(char)
        if len(parts) > 1 and all(len(p) >= 3 for p in parts[1:]):
            cleaned = "".join(parts)
    if decimal == "," or ("," in cleaned and "." not in cleaned):
        cleaned = cleaned.replace(",", ".")
    cleaned = cleaned.replace(",", "")
    return float(cleaned)


# --- scale words ----------------------------------------------------------------------

_SCALES: dict[str, dict[str, float]] = {
    "en": {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
           "billions": 1e9, "trillion": 1e12, "mln": 1e6, "mn": 1e6, "bn": 1e9, "bln": 1e9,
           "tn": 1e12, "trn": 1e12, "dozen": 12},
    "nl": {"honderd": 1e2, "duizend": 1e3, "miljoen": 1e6, "miljard": 1e9, "biljoen": 1e12,
           "mln": 1e6, "mld": 1e9, "mrd": 1e9},
    "de": {"hundert": 1e2, "tausend": 1e3, "tsd.": 1e3, "million": 1e6, "millionen": 1e6,
           "mio.": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd.": 1e9, "mrd": 1e9,
           "billion": 1e12, "billionen": 1e12},
    "es": {"mil millones": 1e9, "mil": 1e3, "millón": 1e6, "millones": 1e6, "billón": 1e12,
           "billones": 1e12, "mdd": 1e6},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "md": 1e9, "mds": 1e9, "mrd": 1e9},
    "ru": {"тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тыс.": 1e3, "миллион": 1e6,
           "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6, "млн.": 1e6, "миллиард": 1e9,
           "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9, "млрд.": 1e9, "трлн": 1e12,
           "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12},
}  # fmt: skip
#: Abbreviations that mean a scale only right after a currency amount ("$5m", "€3k").
MONEY_SCALES: dict[str, float] = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9}


def scales(language: str) -> dict[str, float]:
    """Scale words of a language (lower-cased), English ones as a fallback."""
    own = _SCALES.get(language, {})
    return {**_SCALES["en"], **own} if language != "en" else own


@lru_cache(maxsize=16)
def scale_pattern(language: str) -> re.Pattern[str]:
    """Matches a scale word right after a number (``2.5 million``, ``3 mln``, ``5bn``)."""
    words = sorted(scales(language), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\s?(?i:{body})(?!\w)")


# --- number words ----------------------------------------------------------------------

_WORDS: dict[str, str] = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million billion",
    "nl": "nul een één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien "
    "veertien twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd "
    "duizend miljoen miljard ën en",
    "de": "null eins einer einem einen eine ein zwei zwo drei vier fünf sechs sech sieben "
    "sieb acht neun zehn elf zwölf zwanzig dreißig dreissig vierzig fünfzig sechzig siebzig "
    "achtzig neunzig hundert tausend millionen million milliarden milliarde und",
    "es": "cero uno una un dos tres cuatro cinco seis siete ocho nueve diez once doce trece "
    "catorce quince dieciséis dieciseis diecisiete dieciocho diecinueve veinte veintiuno "
    "veintiún veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete "
    "veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa "
    "cien ciento doscientos doscientas trescientos trescientas cuatrocientos "
    "cuatrocientas quinientos quinientas seiscientos seiscientas setecientos setecientas "
    "ochocientos ochocientas novecientos novecientas mil millón millones",
    "fr": "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize "
    "quatorze quinze seize vingts vingt trente quarante cinquante soixante cents cent "
    "mille millions million milliards milliard",
}
#: Words (and compounds: de, nl) that join the parts of one number.
_JOINERS = {"en": "and", "es": "y", "fr": "et"}
#: A lone indefinite article is not the number one.
_ARTICLES = frozenset(
    {"een", "ein", "eine", "einen", "einem", "einer", "eines", "un", "une", "una", "uno"}
)
_COMPOUNDING = frozenset({"de", "nl"})
#: Scale words that alone are a number, as "a thousand" is in English: "mil
#: personas", "mille personnes", "tausend Menschen", "duizend mensen", "тысяча
#: человек", and Spanish "mil millones", a billion. Only singulars: "millones",
#: "Tausende", "тысячи" are vague amounts (see ``lexicon.vague_pattern``).
_LONE_NUMBERS: dict[str, dict[str, float]] = {
    "es": {"mil": 1e3, "mil millones": 1e9},
    "fr": {"mille": 1e3},
    "de": {"hundert": 1e2, "tausend": 1e3},
    "nl": {"honderd": 1e2, "duizend": 1e3},
    "ru": {"тысяча": 1e3, "тысячу": 1e3},
}
_GLUE = frozenset({"and", "en", "ën", "und", "y", "et"})


def _is_glue(token: str) -> bool:
    """A joining word ("en", "und") cannot start a number, though text2num would skip it."""
    return token.lower() in _GLUE


def _token_regex(language: str) -> str:
    words = sorted(_WORDS[language].split(), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return f"(?:{body})+" if language in _COMPOUNDING else f"(?:{body})"


@lru_cache(maxsize=16)
def word_run_pattern(language: str) -> re.Pattern[str]:
    """A run of number words: tokens joined by spaces, hyphens or the language's "and"."""
    token = _RUSSIAN_TOKEN if language == "ru" else _token_regex(language)
    joiner = _JOINERS.get(language)
    glue = rf"(?:\s+|[-‐‑]|\s+{joiner}\s+)" if joiner else r"(?:\s+|[-‐‑])"
    return re.compile(rf"(?<![\w-])(?i:{token}(?:{glue}{token})*)(?![\w])")


@lru_cache(maxsize=4096)
def word_value(surface: str, language: str) -> float | None:
    """The value of a number written in words ("negen", "zwölf", "девяти"), else None."""
    if surface.lower() in _ARTICLES:
        return None
    if language == "ru":
        return _russian_value(surface)
    try:
        return float(text2num(surface.lower(), language))
    except ValueError:
        return None


_A_BEFORE = re.compile(r"(?<!\w)(?i:a|an)\s+$")
_TOKEN_SPLIT = re.compile(r"[^\s\-‐‑]+")


#: An indefinite article that is the number one: it picks one of a group ("Een van de
#: 22 bemanningsleden", "Eines der 22 Besatzungsmitglieder", "l'un des", "uno de los").
_ONE_OF = {
    "nl": re.compile(r"(?<![\w-])(?i:een)(?=\s+van\s+(?:de|het|die|deze|zijn|haar|hun)\s)"),
    "de": re.compile(r"(?<![\w-])(?i:eine[rsm]?)(?=\s+(?:der|des|von\s+den)\s)"),
    "fr": re.compile(r"(?<=\b[Ll]['’])une?(?=\s+des\s)"),
    "es": re.compile(r"(?<![\w-])(?i:un[oa])(?=\s+de\s+(?:los|las|sus)\s)"),
}


#: An indefinite article after a hedge or a bound is the number one when a unit of
#: measure follows: "within about a mile of the crash site", "nearly a kilometre",
#: "ongeveer een kilometer", "etwa einen Kilometer", "environ un kilomètre", "cerca de
#: un kilómetro". Only such a unit keeps it (see ``finder.MEASURED_BY_AN_ARTICLE``):
#: "about a week", "nearly a dozen" or "more than a man" are left as they were.
_HEDGE_THEN_ARTICLE = {
    "en": re.compile(
        r"(?<!\w)(?:about|around|roughly|nearly|almost|approximately|some|within|over|under"
        r"|(?:more|less)\s+than|up\s+to|at\s+least)\s+(?P<one>an?)(?=\s)",
        re.IGNORECASE,
    ),
    "nl": re.compile(
        r"(?<!\w)(?:ongeveer|zo['’]n|bijna|ruim|circa|binnen|(?:meer|minder)\s+dan)\s+"
        r"(?P<one>een)(?=\s)",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"(?<!\w)(?:etwa|rund|ungefähr|fast|knapp|gut|über|(?:mehr|weniger)\s+als|bis\s+zu"
        r"|innerhalb)\s+(?P<one>ein(?:en|em|er|e)?)(?=\s)",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?<!\w)(?:environ|presque|(?:près|plus|moins)\s+d['’]\s?|à\s+peine)\s*"
        r"(?P<one>une?)(?=\s)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"(?<!\w)(?:cerca\s+de|casi|(?:más|menos)\s+de|alrededor\s+de|unos|unas)\s+"
        r"(?P<one>una?)(?=\s)",
        re.IGNORECASE,
    ),
}


def hedged_article_atoms(text: str, language: str) -> list[Atom]:
    """Indefinite articles after a hedge or a bound (see :data:`_HEDGE_THEN_ARTICLE`),
    each an atom of 1; the finder keeps those a unit of measure follows."""
    pattern = _HEDGE_THEN_ARTICLE.get(language)
    if pattern is None:
        return []
    return [Atom(m.start("one"), m.end("one"), 1.0, word=True) for m in pattern.finditer(text)]


def one_of_atoms(text: str, language: str) -> list[Atom]:
    """The articles that say "one of" (see :data:`_ONE_OF`), each an atom of 1."""
    pattern = _ONE_OF.get(language)
    return (
        [Atom(m.start(), m.end(), 1.0, word=True) for m in pattern.finditer(text)]
        if pattern
        else []
    )


def word_atoms(text: str, language: str) -> list[Atom]:
    """Spelled-out numbers, each the longest run of words that parses as one number.

    A run that does not parse whole ("two and three") is cut back a word at a time,
    and the rest is tried again, so each number keeps its own span.
    """
    if language not in _WORDS and language != "ru":
        return []
    atoms: list[Atom] = []
    lone_scales = scales(language)
    for match in word_run_pattern(language).finditer(text):
        surface = " ".join(match.group().lower().split())
        if surface in lone_scales:
            atoms.extend(_lone_scale(text, match, language, surface, lone_scales[surface]))
            continue
        atoms.extend(_run_atoms(text, match, language, lone_scales))
    return atoms


def _lone_scale(
    text: str, match: re.Match[str], language: str, surface: str, scale: float
) -> list[Atom]:
    """A scale word with no number of its own: "a million", "mil personas"."""
    if surface in _LONE_NUMBERS.get(language, {}):
        return [Atom(match.start(), match.end(), _LONE_NUMBERS[language][surface], True)]
    article = _A_BEFORE.search(text, max(0, match.start() - 4), match.start())
    if article is not None and language == "en":  # "a million"
        return [Atom(article.start(), match.end(), scale, True)]
    return []


def _run_atoms(
    text: str, match: re.Match[str], language: str, scale_words: dict[str, float]
) -> list[Atom]:
    """The numbers of one run of number words, each the longest stretch that parses;
    a joining word starts none ("sieben und zehn Milliarden" is 7, then 10 billion:
    text2num would read "und zehn Milliarden" as the second), and an article before
    a scale word is its one ("eine Million", "einer Milliarde")."""
    tokens = [(m.start(), m.end()) for m in _TOKEN_SPLIT.finditer(match.group())]
    words = [match.group()[slice(*token)].lower() for token in tokens]
    base = match.start()
    atoms: list[Atom] = []
    first = 0
    while first < len(tokens):
        if _is_glue(words[first]):
            first += 1
            continue
        if words[first] in _ARTICLES and first + 1 < len(tokens):
            scale = scale_words.get(words[first + 1])
            if scale is not None and (first + 2 == len(tokens) or _is_glue(words[first + 2])):
                atoms.append(
                    Atom(base + tokens[first][0], base + tokens[first + 1][1], scale, True)
                )
                first += 2
                continue
        for last in range(len(tokens) - 1, first - 1, -1):
            start, end = base + tokens[first][0], base + tokens[last][1]
            value = word_value(text[start:end], language)
            if value is not None:
                atoms.append(Atom(start, end, value, word=True))
                first = last + 1
                break
        else:
            first += 1
    return atoms


# --- Russian -------------------------------------------------------------------------

_RU_UNITS: dict[str, tuple[float, tuple[str, ...]]] = {
    "ноль": (0, ("ноль", "нуля")),
    "один": (1, ("один", "одна", "одно", "одного", "одной", "одному", "одним")),
    "два": (2, ("два", "две", "двух", "двум", "двумя")),
    "три": (3, ("три", "трех", "трёх", "трем", "трём", "тремя")),
    "четыре": (4, ("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя")),
    "полтора": (1.5, ("полтора", "полторы", "полутора")),
    "сорок": (40, ("сорок", "сорока")),
    "девяносто": (90, ("девяносто", "девяноста")),
    "сто": (100, ("сто", "ста")),
    "двести": (200, ("двести", "двухсот")),
    "триста": (300, ("триста", "трехсот", "трёхсот")),
    "четыреста": (400, ("четыреста", "четырехсот", "четырёхсот")),
}
#: Numerals declined like "пять": nominative -ь, oblique -и, instrumental -ью.
_RU_SOFT: dict[str, float] = {
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
}  # fmt: skip
#: Tens and hundreds built on a soft stem ("пятьдесят", "пятьсот").
_RU_COMPOUND: dict[str, tuple[float, str, str]] = {
    "пятьдесят": (50, "пятидесят", "пятьдесят"),
    "шестьдесят": (60, "шестидесят", "шестьдесят"),
    "семьдесят": (70, "семидесят", "семьдесят"),
    "восемьдесят": (80, "восьмидесят", "восемьдесят"),
    "пятьсот": (500, "пятисот", "пятьсот"),
    "шестьсот": (600, "шестисот", "шестьсот"),
    "семьсот": (700, "семисот", "семьсот"),
    "восемьсот": (800, "восьмисот", "восемьсот"),
    "девятьсот": (900, "девятисот", "девятьсот"),
}
#: Collective numerals, which count people ("погибли двое", "пятерых госпитализировали"),
#: in their case forms.
_RU_COLLECTIVE: dict[str, float] = {
    "дво": 2, "тро": 3, "четвер": 4, "пятер": 5, "шестер": 6, "семер": 7, "восьмер": 8,
    "девятер": 9, "десятер": 10,
}  # fmt: skip
_RU_SCALES: dict[str, float] = {
    **dict.fromkeys(("тысяча", "тысячи", "тысяч", "тысячу", "тысячам", "тысячами"), 1e3),
    **dict.fromkeys(("миллион", "миллиона", "миллионов", "миллионам"), 1e6),
    **dict.fromkeys(("миллиард", "миллиарда", "миллиардов", "миллиардам"), 1e9),
}


def _russian_forms() -> dict[str, float]:
    forms: dict[str, float] = {}
    for value, surfaces in _RU_UNITS.values():
        forms.update(dict.fromkeys(surfaces, value))
    for word, value in _RU_SOFT.items():
        stem = word[:-1]
        forms.update({word: value, stem + "и": value, stem + "ью": value})
    for value, oblique, nominative in _RU_COMPOUND.values():
        forms.update({nominative: value, oblique + "и": value, oblique + "ью": value})
    for stem, value in _RU_COLLECTIVE.items():
        oblique = stem + ("и" if stem in ("дво", "тро") else "ы")  # двоих, четверых
        forms.update({stem + ("е" if stem in ("дво", "тро") else "о"): value})
        forms.update({oblique + "х": value, oblique + "м": value, oblique + "ми": value})
    return forms


_RU_FORMS = _russian_forms()
_RUSSIAN_TOKEN = "(?:" + "|".join(sorted([*_RU_FORMS, *_RU_SCALES], key=len, reverse=True)) + ")"


def _russian_value(surface: str) -> float | None:
    """Sum of units below a thousand, multiplied out at each scale word."""
    total = 0.0
    current = 0.0
    seen = False
    for word in surface.lower().split():
        if word in _RU_SCALES:
            total += (current or 1.0) * _RU_SCALES[word]
            current = 0.0
        elif word in _RU_FORMS:
            current += _RU_FORMS[word]
        else:
            return None
        seen = True
    return total + current if seen else None

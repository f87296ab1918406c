"""Turns the numbers of a text into quantities by reading the words around each one.

Why this order: dates, times, phone numbers and URLs are masked first so their
digits never become quantities; fractions ("1½ hours", "half a million", see
:mod:`.fractions`) and vague amounts ("hundreds of") come next; then each
number is read left to right, its left side (currency sign, hedge, "between",
"aged") and its right side (scale word, range end, unit, currency word, age
suffix, counted noun). Everything matches on the original string, so offsets are
exact and ``text[start:end] == quantity.text`` holds by construction; hyphen and
dash variants are character classes rather than a rewritten copy.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import pymorphy3

from corroborate.model import Bound, Quantity
from corroborate.quantities import lexicon, numbers, units
from corroborate.quantities.fractions import HALF_AFTER_NUMBER, HALF_AFTER_UNIT, find_fractions

DASH = "-‐‑‒–—−"
_DASH = f"[{DASH}]"
_WINDOW = 40

_MASKS = re.compile(
    "|".join(
        [
            r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+",  # URLs, e-mail
            r"(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)",  # 2022-06-15
            r"(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)",  # 15.06.2022, 6/15/22
            r"(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)",  # 10:30, 10h30
            r"(?<!\d)\d{1,2}(?:[.:]\d{2})?\s?(?i:a\.m\.|p\.m\.|am|pm|uhr)(?!\w)",  # 9 pm, 10 Uhr
            # 04.47 uur, om 5 uur: a Dutch clock time ("drie uur" alone is a duration)
            r"(?<!\d)\d{1,2}[.:]\d{2}\s?(?i:uur)(?!\w)|(?<!\w)(?i:om)\s+\d{1,2}\s?(?i:uur)(?!\w)",
            # 22 h 30, à 22 heures (French), a las 22.30 (Spanish)
            r"(?<!\d)\d{1,2}\s?h\s?\d{2}(?!\d|\s?min)"
            r"|(?<!\w)(?i:à|vers|dès)\s+\d{1,2}\s?(?i:heures?|h)(?!\w|\s?\d)",
            r"(?<!\w)(?i:las|la)\s+\d{1,2}[.:]\d{2}(?!\d)",
            r"\+\d[\d\s().-]{6,}\d|\(\d{2,5}\)\s?\d[\d\s-]{4,}\d",  # phone numbers
            r"(?<!\d)(?:1[-.])?\d{3}[-.]\d{3}[-.]\d{4}(?!\d)",  # 1-800-222-1222
            # a European number dialled with its leading zero: "0800 1351", "0800-1351",
            # "0570 - 63 63 00", "06 12345678"
            r"(?<![\d,.])0\d{1,4}(?:(?: - |[ -])\d{2,})+(?![\d,.]\d)",
            # digits in groups after a word for a telephone: "hotline on 964 187 240",
            # "Tel. 964 160 112", "llame al 964 187 240"
            r"(?i:\b(?:tel\.?|teléfono|telefoon|telefon|phone|hotline|helpline|call(?:ed|ing)?"
            r"|llam(?:e|ar|ando)|bel(?:len|t)|anrufen|appel(?:ez|er)|телефон\w*)"
            r"(?:\s+[^\W\d]+){0,3})\s+\d{2,4}(?: \d{2,4}){2,}(?!\d)",
            # the emergency number, not a count: "9-1-1", "called 911", "a 911 call"
            r"9-1-1(?<![\w-]9-1-1)(?![\w-])|(?i:(?<!\w)(?:call(?:ed|ing|s)?|dial(?:ed|led|ing|s)?)"
            r"\s+)911(?!\w)|911(?<![\w,.]911)(?=\s*(?i:call|dispatch|operator|center|centre"
            r"|system|emergency|line|recording|tape|hang))",
            # Europe's emergency number as a service's name: "el 112 Aragón", "du 112",
            # "Notruf 112", "het alarmnummer 112" (the number first and the words
            # before it looked back at from its end: tried only where a "1" stands)
            r"112(?:(?<=\b[Ee]l 112)|(?<=\b[Dd]el 112)|(?<=\b[Aa]l 112))(?= [A-ZÁÉÍÓÚ])"
            r"|112(?:(?<=[Nn]otruf 112)|(?<=[Nn]otrufnummer 112)|(?<=alarmnummer 112)"
            r"|(?<=numéro 112)|(?<=número 112)|(?<=номер 112)|(?<=номеру 112))(?!\w)",
            r"(?<![\d,.])\d+(?:[/⁄]\d+)+(?![\d/])",  # 1/2, 2022/23
            r"(?:#|№|(?<!\w)(?i:no|nr|nº)\.?\s?)\d+",  # ids, rankings
            r"\d(?:[.,]\d+)?\s?[×x]\s?10[-−]?\d+",  # scientific notation
            r"(?<!\w)\d+(?:[-–]\d+)?\s+(?:[A-Z0-9][\w.'’]*\s+){0,3}"  # street addresses
            r"(?:St|Street|Rd|Road|Ave|Avenue|Way|Blvd|Boulevard|Lane|Drive|Place|Court)\b",
            r"(?<!\w)(?:A\.D\.|B\.C\.|AD|BC)\s?\d+|\d+\s?(?:BC|AD|BCE|CE|v\.\s?Chr\.)(?!\w)",
        ]
    )
)


@dataclass(frozen=True)
class Reading:
    """A quantity being built: its span, bounds, unit and cues seen so far."""

    start: int
    end: int
    low: float
    high: float
    unit: str | None = None
    kind: str = "count"
    approximate: bool = False
    noun: str | None = None
    digits_only: bool = False
    bound: Bound | None = None


@dataclass(frozen=True)
class Patterns:
    """The compiled expressions one language needs, built once per process."""

    language: str
    digits: re.Pattern[str]
    scale: re.Pattern[str]
    range_gap: re.Pattern[str]
    between_gap: re.Pattern[str]
    between_before: re.Pattern[str]
    approximator: re.Pattern[str]
    bound: re.Pattern[str]
    vague: re.Pattern[str]
    months: re.Pattern[str]
    date_with_month: re.Pattern[str]
    age_after: re.Pattern[str]
    age_before: re.Pattern[str]
    id_noun: re.Pattern[str]
    age_years: re.Pattern[str]
    not_age: re.Pattern[str] | None
    ordinal: re.Pattern[str]


_SIGN_BEFORE = re.compile(
    rf"(?:{units.CURRENCY_SIGN_PATTERN}|(?<![A-Za-z]){units.CURRENCY_CODE_PATTERN})\s?$"
)
#: A unit ends at a word's end, or at a sign a word may follow unspaced ("33%of those
#: hospitalised", as scraped lists run together). A dash joins a unit spaced on both
#: sides or on neither ("a 5 - km run", "10-year"); one spaced before only opens an
#: aside ("Desde 2011 ‒año en que ...‒" is no 2,011 years).
_UNIT_AFTER = re.compile(
    rf"(?:\s{_DASH}\s|{_DASH}|\s{{0,2}})({units.UNIT_PATTERN})(?:(?<=[%‰])|(?!\w))"
)
_CURRENCY_AFTER = re.compile(
    r"(?:\s*(?i:de|of|d['’])\s*|\s?)"
    rf"({units.CURRENCY_WORD_PATTERN}|{units.CURRENCY_CODE_PATTERN}|€|£|₽|\$|руб\.)(?!\w)"
)
_MONEY_SCALE = re.compile(r"(?:k|K|m|M|b|B)(?![\w])")
#: "Maria Lopez, 47," "Julian Roary Jr., 12," and (English) "her father, 56,": a number
#: set off by commas right after a name or a word for a person is that person's age.
_COMMA_AGE_BEFORE = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+|\b[JS]r\.|\b(?:man|woman|boy|girl|father|mother|son|daughter|husband|"
    r"wife|brother|sister|friend|victim|suspect|driver|teen|teenager|resident|officer|student"
    r"|shooter|gunman|child|toddler|infant|baby|boyfriend|girlfriend|grandmother|grandfather"
    r"|cousin|nephew|niece|uncle|aunt|neighbor|neighbour|passenger|customer|employee|worker"
    # a police release's "one female, 27, is in serious condition"
    r"|male|female|juvenile|adult|person|individual|patient|pedestrian|motorist|homeowner"
    # "one man, 27, shot in the arm and another, 18, shot in the hand"
    r"|another|other"
    # "two of the boys, 14 and 15, were taken to hospital"
    r"|men|women|boys|girls|sons|daughters|brothers|sisters|victims|teens|teenagers|children"
    r"|kids|others|robbers?|suspects|gunmen|shooters|officers|students|passengers)"
    # a police description: "Nathan Desai (w/m, 46)"
    r"|\([bwhaBWHA]/[mfMF]),\s$"
)
#: "Bournes, who was 59, had shot ...", "three who were 17,": a person's age in a
#: relative clause; "another woman, also 22,", "the victim was also 15.": an age
#: said again.
_WHO_WAS_BEFORE = re.compile(r"\bwho\s+(?:was|is|were|are)\s$|(?:,|\b(?:was|is))\s+also\s$")
#: After an age in commas: the comma (or the semicolon of a list: "Ada Brook, 35; Cem
#: Ulu, 34; and ..."), a dash or a bracket, or a second age and then one ("the boys,
#: 14 and 15, were"); or, the comma left out, a singular verb or a hometown; or the
#: sentence's end, or "and" the next person.
_COMMA_AFTER = re.compile(
    r"[,;]|\s*[—–)]|\s+(?:and|&)\s+\d{1,3}\s*[,—–)]"
    # the closing comma left out: "Calvin Williams, 24 was shot", "Jamaine Sutton, 32 of
    # Dunbar, was killed", "Byron Devore, 20 of 2111 Tennessee St" (a verb of one person,
    # a hometown, an address)
    r"|\s+(?:was|is)\b|\s+of\s+(?:\d+\s+)?[A-Z]"
    # the end of the sentence ("the death of Chazz Jenkins, 18."), or "and" the next
    # person ("Dustin Grey, 21 and Danny Scott Jr, 18", "Straughn, 22 and her daughter")
    r"|\.(?:\s|$|(?=[A-Z]))|\s+and\s+(?:[A-Z]|(?:his|her|their)\b)"
)
#: A name-like word (capitalised, not the first of its sentence) right before a number,
#: on the same line: a byline's last word ("By Jim Bradley") ends before a paragraph.
_NAME_BEFORE = re.compile(r"(?<=[\w,;:)\]] )[\w&./'’-]*[A-ZА-ЯЁ][\w&./'’-]*[ \t\u00a0]\Z")
#: A word at least this long, ending in a full stop, ends its sentence ("in Chicago.
#: Two men were shot"); a shorter one may be an abbreviation of a name ("Inc. 500").
SENTENCE_END_WORD_CHARS = 4


def _name_before(before: str) -> bool:
    """Whether a name-like word ends ``before`` (see :data:`_NAME_BEFORE`), and not a
    word that ends the sentence before the number."""
    match = _NAME_BEFORE.search(before)
    if match is None:
        return False
    word = match.group().rstrip()
    stem = word.rstrip(".!?")
    return not (stem != word and len(stem) >= SENTENCE_END_WORD_CHARS and stem.isalpha())


_FROM_BEFORE = re.compile(r"(?<!\w)(?i:from|van|von|de|desde|от)\s+$")
_WORD = re.compile(r"\s*(?:[-‐‑]\s*)?([^\W\d_][\w'’-]*)")
_ORDINALS: dict[str, str] = {
    "en": r"(?:st|nd|rd|th)",
    "nl": r"(?:ste|de|e)",
    "fr": r"(?:er|ère|ème|eme|e|re)",
    "es": r"(?:\.?º|\.?ª|er|ro|do|to|vo|no)",
    "ru": r"(?:[-‐‑](?:й|я|е|го|му|м|х|ый|ой|ая|ое))",
    "de": r"(?:ter|te|ten)",
}
_THOUSANDS = re.compile(r"\d[,.\s\u00a0\u202f']\d{3}(?!\d)")
_EN_IRREGULAR_PLURALS = frozenset(
    {"people", "men", "women", "children", "police", "staff", "personnel", "cattle", "sheep",
     "fish", "feet", "teeth", "mice", "geese", "crew", "data"}
)  # fmt: skip
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ых|их|ого|его|ому|ему|ыми|ими)$")


@lru_cache(maxsize=16)
def patterns(language: str) -> Patterns:
    """The compiled patterns of a rules language (see :func:`numbers.rules_language`)."""
    lang = "en" if language == "und" else language
    start_word, and_word = lexicon.BETWEEN.get(lang, lexicon.BETWEEN["en"])
    range_words = "|".join(lexicon.RANGE_WORDS.get(lang, lexicon.RANGE_WORDS["en"]))
    sign = units.CURRENCY_SIGN_PATTERN
    months = lexicon.month_pattern(lang).pattern
    return Patterns(
        language=lang,
        digits=numbers.digit_pattern(lang),
        scale=numbers.scale_pattern(lang),
        range_gap=re.compile(rf"\s?{_DASH}\s?(?:{sign})?\s?|\s+(?:{range_words})\s+(?:{sign})?"),
        between_gap=re.compile(rf"\s+{and_word}\s+(?:{sign})?"),
        between_before=re.compile(rf"(?<!\w)(?i:{start_word})\s+$"),
        approximator=lexicon.approximator_pattern(lang),
        bound=lexicon.bound_pattern(lang),
        vague=lexicon.vague_pattern(lang),
        months=lexicon.month_pattern(lang),
        date_with_month=re.compile(
            rf"(?:{months})\s*\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*{_DASH}\s*\d{{1,2}}\b)?"
            rf"(?:,?\s*\d{{4}})?"
            rf"|(?<!\d)\d{{1,2}}(?:st|nd|rd|th|er|e|\.)?\s*(?:de\s+|of\s+)?(?:{months})"
            rf"(?:,?\s*(?:de\s+)?\d{{4}})?|(?:{months})\s*(?:de\s+)?\d{{4}}"
        ),
        age_after=re.compile(lexicon.for_language(lexicon.AGE_AFTER, lang)),
        age_before=re.compile(lexicon.for_language(lexicon.AGE_BEFORE, lang)),
        id_noun=lexicon.id_noun_pattern(lang),
        age_years=re.compile(lexicon.AGE_BEFORE_NEEDS_YEARS.get(lang, r"(?:\s+years?\b)?")),
        not_age=re.compile(lexicon.NOT_AGE_BEFORE[lang])
        if lang in lexicon.NOT_AGE_BEFORE
        else None,
        ordinal=re.compile(lexicon.for_language(_ORDINALS, lang) + r"(?!\w)"),
    )


#: A year cut to two digits after an apostrophe: "the winter of '96", "the '80s".
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’]\d{2}(?:s\b)?(?![\w'’%]|[.,]\d)")
#: A closing single quote: after a word or a stop, before no letter ("'45 minutes'").
_CLOSING_QUOTE = re.compile(r"[\w.,!?]['’](?!\w)")
#: How far a quotation opened before a number may run to its closing quote.
_QUOTE_REACH = 80


def masked(text: str, p: Patterns) -> bytearray:
    """One byte per character, 1 where a date, time, phone number, URL or id sits."""
    mask = bytearray(len(text))
    for pattern in (_MASKS, p.date_with_month):
        for m in pattern.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _SHORT_YEAR.finditer(text):
        if not _CLOSING_QUOTE.search(text, m.end(), min(len(text), m.end() + _QUOTE_REACH)):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def atoms(
    text: str, language: str, p: Patterns, hedged: Sequence[numbers.Atom] = ()
) -> list[numbers.Atom]:
    """Digit and word numbers outside masked spans, in text order; ``hedged`` are the
    text's hedged articles (:func:`numbers.hedged_article_atoms`)."""
    mask = masked(text, p)
    found: list[numbers.Atom] = []
    for m in p.digits.finditer(text):
        if not any(mask[m.start() : m.end()]) and not _glued_to_id(text, m.start()):
            value = numbers.digits_value(m.group(), language)
            found.append(numbers.Atom(m.start(), m.end(), value))
    if language != "und":
        words = [*numbers.word_atoms(text, language), *numbers.one_of_atoms(text, language)]
        words += [  # "about a mile"; not the "a" of "nearly a dozen", a word atom of its own
            a for a in hedged if not any(w.start < a.end and a.start < w.end for w in words)
        ]
        found.extend(a for a in words if not any(mask[a.start : a.end]))
    found.sort(key=lambda a: a.start)
    half = HALF_AFTER_NUMBER.get(language)
    return [_and_a_half(text, atom, half) for atom in found] if half else found


def _and_a_half(text: str, atom: numbers.Atom, half: re.Pattern[str]) -> numbers.Atom:
    """The atom with an "and a half" after it added: "two and a half years" is 2.5."""
    found = half.match(text, atom.end)
    return replace(atom, end=found.end(), value=atom.value + 0.5) if found else atom


#: A time taken in hours, minutes and seconds: "finished in 2:00:35", "in 2.00.35"
#: (Dutch and German write dots after "in"), "2:00:35 Stunden". A clock time of day
#: has two parts, so three are a duration.
_RACE_TIME = re.compile(
    r"(?<![\d:.,])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:]|[.,]\d)"
    r"|(?<=\bin\s)(?P<h2>\d)\.(?P<m2>[0-5]\d)\.(?P<s2>[0-5]\d)(?![\d.:]|,\d)"
)
_HOURS_AFTER = re.compile(r"\s+(?:hours|Stunden|uur|heures|horas|часа)\b")


def _race_times(text: str) -> list[Reading]:
    """Times taken written as h:mm:ss (see :data:`_RACE_TIME`), in seconds."""
    readings = []
    for m in _RACE_TIME.finditer(text):
        h, mins, secs = (int(m[g] or m[f"{g}2"]) for g in ("h", "m", "s"))
        end = after.end() if (after := _HOURS_AFTER.match(text, m.end())) else m.end()
        seconds = float(h * 3600 + mins * 60 + secs)
        readings.append(Reading(m.start(), end, seconds, seconds, "second", "duration"))
    return readings


def _one_and_a_half(text: str, lang: str) -> list[Reading]:
    """ "a day and a half", "día y medio", "une heure et demie": 1.5 of the unit (see
    :data:`lexicon.ONE_AND_A_HALF`)."""
    pattern = lexicon.ONE_AND_A_HALF.get(lang)
    readings = []
    for m in pattern.finditer(text) if pattern else ():
        word = m["unit"].lower()
        unit = lexicon.HALF_UNITS.get(word) or units.unit_of(word)
        if unit is not None:
            readings.append(Reading(m.start(), m.end(), 1.5, 1.5, unit, "duration"))
    return readings


def _half_after_unit(text: str, lang: str, reading: Reading) -> Reading:
    """A reading with the half told after its unit added: "dos años y medio" is 2.5
    years, "deux heures et demie" 2.5 hours."""
    half = HALF_AFTER_UNIT.get(lang)
    found = half.match(text, reading.end) if half and reading.unit else None
    if found is None or reading.low != reading.high:
        return reading
    return replace(reading, end=found.end(), low=reading.low + 0.5, high=reading.high + 0.5)


def _glued_to_id(text: str, start: int) -> bool:
    """Digits after "COVID-", "F-", "COVID -": part of a name, not a number."""
    if start < 2 or text[start - 1] not in DASH:
        return False
    before = text[start - 2]
    return before.isalpha() or (before == " " and start >= 3 and text[start - 3].isupper())


#: A photo gallery's counter scraped with the page ("Image 2 of 5", "Foto 3 van 12"):
#: page furniture, not an amount.
_GALLERY_COUNTER = re.compile(
    r"\b(?i:images?|photos?|pictures?|slides?|fotos?|bild|imagen|фото)\s+\d+\s*"
    r"(?:of|van|von|de|sur|из|/)\s*/?\s*\d+\b"
)


def find(article_id: str, text: str, language: str) -> list[Quantity]:
    """Every quantity in ``text`` (see :func:`corroborate.quantities.find_quantities`)."""
    lang = numbers.rules_language(language)
    p = patterns(lang)
    hedged = numbers.hedged_article_atoms(text, lang)
    found = atoms(text, lang, p, hedged)
    readings: list[Reading] = []
    taken = bytearray(len(text))
    for counter in _GALLERY_COUNTER.finditer(text):
        taken[counter.start() : counter.end()] = b"\x01" * (counter.end() - counter.start())
    if lang != "und":
        compound = _compound_numbers(text, lang)
        halves = _one_and_a_half(text, lang)
        for reading in [
            *_race_times(text),
            *halves,
            *compound,
            *_fractions(text, lang, p),
            *_vague(text, lang, p, found),
        ]:
            if not any(taken[reading.start : reading.end]):
                readings.append(reading)
                taken[reading.start : reading.end] = b"\x01" * (reading.end - reading.start)
    index = 0
    while index < len(found):
        atom = found[index]
        index += 1
        if taken[atom.start]:
            continue
        read, used = _read(text, lang, p, found, index - 1)
        index += used
        read = _half_after_unit(text, lang, read) if read is not None else None
        if read is not None and not any(taken[read.start : read.end]):
            readings.append(read)
            taken[read.start : read.end] = b"\x01" * (read.end - read.start)
    readings.sort(key=lambda r: r.start)
    readings = _feet_and_inches(text, readings)
    readings = _shared_nouns(text, lang, _ages_in_lists(text, lang, readings))
    readings = [_as_magnitude(text, lang, r) for r in readings]
    readings = _carried_currency(text, p, readings)
    readings = _carried_temperature_scale(text, readings)
    readings = _speed_limits(text, lang, readings)
    readings = [_beneath(text, lang, r) for r in readings]
    readings = [r for r in readings if not _hour_of_a_clock(text, lang, r)]
    readings = _without_spoken_clocks(text, lang, readings)
    readings = _measured_by_an_article(readings, hedged)
    readings = _without_exchange_rates(text, readings)
    return [_quantity(article_id, text, r) for r in readings]


#: What stands between the two sides of an exchange rate: "($1 = 6.9617 yuan)".
_RATE_EQUALS = re.compile(r"\s*=\s*")


def _without_exchange_rates(text: str, readings: list[Reading]) -> list[Reading]:
    """The readings less an exchange rate's two sides: one unit of a currency, "=",
    then its price in another ("($1 = 6.9617 Chinese yuan renminbi)", "(£1 = $1.2210)"),
    as wire copy appends to a story with sums in two currencies. The rate is the
    reader's aid, no claim: a story's "$1" had been a fact of its own."""
    dropped: set[int] = set()
    for index, reading in enumerate(readings):
        if reading.kind != "money" or reading.low != 1 or reading.high != 1:
            continue
        equals = _RATE_EQUALS.match(text, reading.end)
        if equals is None or not text[reading.end : equals.end()].strip():
            continue
        price = [i for i, other in enumerate(readings) if other.start == equals.end()]
        if price:
            dropped.update([index, *price])
    return [r for i, r in enumerate(readings) if i not in dropped]


#: The kinds a hedged indefinite article counts one of ("about a mile", "etwa einen
#: Kilometer"); of time, money or things it says too little ("about a week", "nearly a
#: dozen", "more than a man").
MEASURED_BY_AN_ARTICLE = frozenset({"length", "area", "mass", "volume", "speed"})


def _measured_by_an_article(
    readings: list[Reading], hedged: Sequence[numbers.Atom]
) -> list[Reading]:
    """The readings, less those whose number is a hedged article (``hedged``, see
    :func:`numbers.hedged_article_atoms`) with no unit of measure after it."""
    ones = {a.start for a in hedged}
    if not ones:
        return readings
    return [
        r
        for r in readings
        if r.kind in MEASURED_BY_AN_ARTICLE
        or (r.low, r.high) != (1.0, 1.0)
        or not any(r.start <= at < r.end for at in ones)
    ]


#: A sentence ends between two figures: a stop, then a capital (a decimal point has
#: a digit after it).
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+[\"'“‘«(]*[^\W\d_]")


def _carried_currency(text: str, p: Patterns, readings: list[Reading]) -> list[Reading]:
    """A sum told with its scale word and no currency or noun, after a sum of money in
    the same sentence, is in that currency: "a loss of 412 million euros, against a
    profit of 95 million in 2023", "3,2 Milliarden Euro nach 2,9 Milliarden"."""
    return _carried_unit(
        text, readings, "money", lambda r: p.scale.search(text, r.start, r.end) is not None
    )


def _carried_unit(
    text: str, readings: list[Reading], kind: str, takes: Callable[[Reading], bool]
) -> list[Reading]:
    """``readings`` with each bare count (no unit, no noun) that ``takes`` accepts
    given the unit of the last reading of ``kind`` before it in its sentence."""
    carried = list(readings)
    source: Reading | None = None
    for i, reading in enumerate(carried):
        if source is not None and _SENTENCE_BREAK.search(text, source.end, reading.start):
            source = None
        if reading.kind == kind:
            source = reading
        elif (
            source is not None
            and reading.kind == "count"
            and reading.noun is None
            and takes(reading)
        ):
            carried[i] = replace(reading, unit=source.unit, kind=kind)
    return carried


#: "drop by 9 degrees", "5 degrees warmer": a change of temperature, which a scale's
#: offset would misread as a temperature; "an angle of 30 degrees" is an angle.
_CHANGE_OF_DEGREES = re.compile(
    r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$"
    r"|\b(?:angle|slope|tilt|incline|rotation)\s+of\s+(?:about\s+)?$"
    r"|^\s+(?:warmer|cooler|colder|hotter|higher|lower|above|below|more|less)\b",
    re.IGNORECASE,
)


def _carried_temperature_scale(text: str, readings: list[Reading]) -> list[Reading]:
    """English bare "degrees" in a text that names one temperature scale are of that
    scale ("climbed to 116.2 degrees Fahrenheit ... The old record of 115.5 degrees"),
    not an angle; a change ("drop by 9 degrees") is left alone."""
    scales = {r.unit for r in readings if r.kind == "temperature"}
    if len(scales) != 1:
        return readings
    (scale,) = scales
    return [
        replace(r, unit=scale, kind="temperature")
        if r.unit == "degree"
        and not _CHANGE_OF_DEGREES.search(text, max(0, r.start - 20), r.start)
        and not _CHANGE_OF_DEGREES.match(text[r.end : r.end + 20])
        else r
        for r in readings
    ]


#: "under 10 feet of snow", "unter drei Metern Schnee": "under" a depth of something
#: is beneath it, no ceiling on the figure ("under 10 feet tall" is one).
_UNDER_BEFORE = re.compile(r"\b(?:under|unter)\s+$", re.IGNORECASE)
_SUBSTANCE_AFTER = {
    "en": re.compile(r"\s+of\s+(?:[a-z]+\s+)?[a-z]"),
    "de": re.compile(r"\s+(?:[a-zäöü]+\s+)?[A-ZÄÖÜ][a-zäöüß]"),
}


def _beneath(text: str, lang: str, reading: Reading) -> Reading:
    """A depth of something a thing lies under is no ceiling (see :data:`_UNDER_BEFORE`)."""
    after = _SUBSTANCE_AFTER.get(lang)
    if (
        reading.bound != "max"
        or reading.kind != "length"
        or after is None
        or not _UNDER_BEFORE.search(text, max(0, reading.start - 12), reading.start)
    ):
        return reading
    return replace(reading, bound=None) if after.match(text, reading.end) else reading


def _hour_of_a_clock(text: str, lang: str, reading: Reading) -> bool:
    """ "3 heures du matin": a clock's hour, not 3 hours (see
    :data:`lexicon.CLOCK_PART_AFTER`)."""
    part = lexicon.CLOCK_PART_AFTER.get(lang)
    return (
        part is not None
        and reading.unit == "hour"
        and reading.low == reading.high
        and part.match(text, reading.end) is not None
    )


def _without_spoken_clocks(text: str, lang: str, readings: list[Reading]) -> list[Reading]:
    """The readings outside a spoken clock ("half vijf", see
    :data:`lexicon.SPOKEN_CLOCK`)."""
    clock = lexicon.SPOKEN_CLOCK.get(lang)
    spans = [m.span() for m in clock.finditer(text)] if clock else []
    return [r for r in readings if not any(s <= r.start and r.end <= e for s, e in spans)]


def _speed_limits(text: str, lang: str, readings: list[Reading]) -> list[Reading]:
    """A bare number after a speed in the same sentence, told as the limit ("at about
    120 km/h on a stretch limited to 80", see :data:`lexicon.SPEED_LIMIT_BEFORE`), is
    in the speed's unit: a source that writes "80 km/h" states the same limit."""
    limit = lexicon.SPEED_LIMIT_BEFORE.get(lang)
    if limit is None:
        return readings
    return _carried_unit(
        text,
        readings,
        "speed",
        lambda r: limit.search(text, max(0, r.start - 40), r.start) is not None,
    )


#: An earthquake's magnitude is a number under this.
_MAGNITUDE_MAX = 10.0


def _as_magnitude(text: str, lang: str, reading: Reading) -> Reading:
    """A number of no unit that the text calls an earthquake's magnitude ("a
    magnitude 6.1 earthquake", "der Stärke 6,1", "магнитудой 6,1", "6.1 on the
    Richter scale") is a magnitude: the fact of every source's figure, not a count of
    whatever word follows it."""
    if reading.unit is not None or reading.kind != "count" or reading.high >= _MAGNITUDE_MAX:
        return reading
    after = lexicon.MAGNITUDE_AFTER.get(lang)
    told = _magnitude_word(lang, text[max(0, reading.start - 30) : reading.start]) or (
        after is not None and after.match(text, reading.end)
    )
    if not told:
        return reading
    return replace(reading, kind="magnitude", unit="magnitude", noun=None)


def _magnitude_word(lang: str, before: str) -> bool:
    """Whether ``before`` ends in a word that calls the number after it a magnitude
    ("der Stärke": a German noun before a number, yet no name with it)."""
    pattern = lexicon.MAGNITUDE_BEFORE.get(lang)
    return pattern is not None and pattern.search(before) is not None


def _fractions(text: str, lang: str, p: Patterns) -> list[Reading]:
    """Fractions (see :mod:`.fractions`), read on like any number: "half a million
    dollars" is 500,000 US dollars, "about 1½ hours" an approximate 1.5 hours, and a
    share ("two-thirds of voters") a percentage."""
    readings: list[Reading] = []
    for fraction in find_fractions(text, lang, lambda end: _unit_at(text, p, end)):
        start, end = fraction.start, fraction.end
        before = text[max(0, start - _WINDOW) : start]
        if fraction.share:
            share = Reading(start, end, fraction.value, fraction.value, "percent", "percent")
            readings.append(_left_side(text, lang, p, share, before))
            continue
        if text[end : end + 1] in DASH and p.scale.match(text, end + 1):
            end += 1  # "a half-dozen", "a half-million"
        factor, end = _scale_words(text, p, end)
        value = fraction.value * factor
        reading = _left_side(text, lang, p, Reading(start, end, value, value), before)
        if reading.kind != "age":
            reading = _right_side(text, lang, p, reading, money=None)
        readings.append(reading)
    return readings


def _unit_at(text: str, p: Patterns, end: int) -> bool:
    """Whether a scale word, unit or currency word follows ``end``."""
    if p.scale.match(text, end):
        return True
    unit = _UNIT_AFTER.match(text, end)
    if unit is not None and units.unit_of(unit.group(1)) is not None:
        return True
    currency = _CURRENCY_AFTER.match(text, end)
    return currency is not None and units.currency_of(currency.group(1)) is not None


#: A height's inches right after its feet: "5 feet 10 inches", "6 ft 2 in.", "5 feet and
#: 2 inches", "5-foot-10", "5-foot-10-inch".
_INCHES_AFTER = re.compile(
    r"\s*(?:and\s+)?(?P<inches>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\.)(?!\w)"
    rf"|{_DASH}(?P<dashed>\d{{1,2}})(?!\d|[.,]\d)(?:{_DASH}inch(?:es)?\b)?"
)
INCHES_PER_FOOT = 12


def _feet_and_inches(text: str, readings: list[Reading]) -> list[Reading]:
    """A length in feet and the inches right after it as one length in feet ("5 feet
    10 inches" is 5.83 feet, as is "5-foot-10"): read apart, the inches would be a
    length of their own, and the "10" of "5-foot-10" no number at all."""
    merged: list[Reading] = []
    for reading in readings:
        if merged and reading.start < merged[-1].end:
            continue  # the inches, now part of the height before
        merged.append(_with_inches(text, reading))
    return merged


def _with_inches(text: str, reading: Reading) -> Reading:
    if reading.unit != "foot" or reading.low != reading.high or not float(reading.low).is_integer():
        return reading
    after = _INCHES_AFTER.match(text, reading.end)
    inches = float(after["inches"] or after["dashed"]) if after else INCHES_PER_FOOT
    if after is None or inches >= INCHES_PER_FOOT:
        return reading
    height = reading.low + inches / INCHES_PER_FOOT
    return replace(reading, end=after.end(), low=height, high=height, noun=None)


def _shared_nouns(text: str, lang: str, readings: list[Reading]) -> list[Reading]:
    """The first of two counts joined by "or" counts what the second does: "two or
    three shots" are shots, "“four or five” gunshots" too."""
    joined = _or_joint(lang)
    if joined is None:
        return readings
    shared = list(readings)
    for i in range(len(shared) - 2, -1, -1):
        first, second = shared[i], shared[i + 1]
        if (
            first.kind == "count"
            and second.kind == "count"
            and first.noun is None
            and second.noun is not None
            and joined.fullmatch(text, first.end, second.start)
        ):
            shared[i] = replace(first, noun=second.noun)
    return shared


#: language -> the word for "or" between two counts.
_OR_WORDS = {"en": "or", "nl": "of", "de": "oder", "es": "o", "fr": "ou", "ru": "или"}


@lru_cache(maxsize=16)
def _or_joint(lang: str) -> re.Pattern[str] | None:
    """What stands between two counts joined by "or", quotes included."""
    word = _OR_WORDS.get(lang)
    return re.compile(rf"[”\"’»]?\s+{word}\s+[“\"‘«]?") if word else None


def _ages_in_lists(text: str, lang: str, readings: list[Reading]) -> list[Reading]:
    """Bare numbers listed with an age are ages too: "ages 25, 26 and 33", and the
    suspended hyphen of "his 12- and 10-year-old sons" or its absence ("a 16 and
    17-year-old were shot"): counts of people otherwise."""
    and_word = lexicon.BETWEEN.get(lang, lexicon.BETWEEN["en"])[1]
    listed = re.compile(rf",\s*(?:{and_word}\s+)?|\s+{and_word}\s+")
    suspended = re.compile(rf"[-‐‑]\s*(?:,\s*|\s+{and_word}\s+)")
    paired = re.compile(rf"\s+{and_word}\s+")
    ages = list(readings)
    age_cue = patterns(lang).age_before
    for i in range(1, len(ages)):
        first, years = ages[i - 1], ages[i]
        if (
            years.kind == "duration"
            and years.unit == "year"
            and _bare_count(first)
            and paired.fullmatch(text, first.end, years.start)
            and age_cue.search(text, max(0, first.start - 30), first.start)
        ):  # "de 3 y 5 años", "в возрасте 3 и 5 лет", "im Alter von 3 und 5 Jahren"
            ages[i - 1], ages[i] = _as_age(text, lang, first), _as_age(text, lang, years)
    for i in range(1, len(ages)):
        previous = ages[i - 1]
        joined = listed.fullmatch(text, previous.end, ages[i].start)
        if joined and previous.kind == "age" and _bare_count(ages[i]):
            ages[i] = _as_age(text, lang, ages[i])
    for i in range(len(ages) - 2, -1, -1):
        following = ages[i + 1]
        between = (ages[i].end, following.start)
        hyphen = suspended.fullmatch(text, *between) is not None
        pair = ages[i].digits_only and paired.fullmatch(text, *between) is not None
        if (hyphen or pair) and following.kind == "age" and _bare_count(ages[i]):
            ages[i] = _as_age(text, lang, ages[i])
    return ages


def _bare_count(reading: Reading) -> bool:
    """A plain whole number that could be a person's age, with no unit or noun."""
    return (
        reading.kind == "count"
        and reading.unit is None
        and reading.noun is None
        and reading.low == reading.high
        and float(reading.low).is_integer()
        and 0 < reading.low < 120
    )


def _vague(text: str, lang: str, p: Patterns, found: list[numbers.Atom]) -> list[Reading]:
    """ "hundreds of", "honderden", "сотни": a range, approximate, unless a number precedes."""
    readings: list[Reading] = []
    # "drei Millionen", "две тысячи", "3.200 millones": the vague word is that number's
    # own scale word (a bare "2019 thousands of" is a year before the vague amount)
    ends = {
        a.end
        for a in found
        if a.word or a.value < 1000 or _THOUSANDS.search(text, a.start, a.end) is not None
    }
    for m in p.vague.finditer(text):
        if _word_start(text, m.start()) in ends or any(a.start < m.start() < a.end for a in found):
            continue  # "dos millones de clientes": the number "dos millones" holds it
        low, high = lexicon.vague_bounds(m.group(), lang)
        about = low != high or lexicon.is_about_round(m.group())
        told = p.bound.search(text, max(0, m.start() - 30), m.start()) if low == high else None
        bound: Bound | None = None if told is None else "min" if told["min"] else "max"
        reading = Reading(m.start(), m.end(), low, high, approximate=about, bound=bound)
        readings.append(_right_side(text, lang, p, reading, money=None))
    return readings


#: The oldest age a compound is read as.
_OLDEST = 120


def _compound_numbers(text: str, lang: str) -> list[Reading]:
    """Ages and counts of times written as one word whose first part is a number word
    (see :data:`.lexicon.COMPOUND_AGE`, :data:`.lexicon.COMPOUND_TIMES`):
    "negenjarig" is 9 years old, "meerjarig" (lasting years) is none; "fünfmal" is 5
    times, "einmal" none."""
    readings: list[Reading] = []
    age, times = lexicon.COMPOUND_AGE.get(lang), lexicon.COMPOUND_TIMES.get(lang)
    for match in age.finditer(text) if age else ():
        value = numbers.word_value(match.group(1), lang)
        if value is not None and 0 < value <= _OLDEST:
            readings.append(
                Reading(match.start(), match.end(), value, value, "year", "age", noun=None)
            )
    for match in times.finditer(text) if times else ():
        value = numbers.word_value(match.group(1), lang)
        if value is not None and value > 1:
            noun = match.group(2)
            readings.append(Reading(match.start(), match.end(), value, value, noun=noun))
    return sorted(readings, key=lambda reading: reading.start)


def _word_start(text: str, position: int) -> int:
    """Where the whitespace before ``position`` begins."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _read(
    text: str, lang: str, p: Patterns, found: list[numbers.Atom], i: int
) -> tuple[Reading | None, int]:
    """Read the quantity at ``found[i]``; also how many following atoms it consumed."""
    atom = found[i]
    money = _currency_before(text, atom.start)
    start = atom.start - len(money[0]) if money else atom.start
    first = _scaled(text, p, atom, money is not None)
    used = 0
    reading = first
    if i + 1 < len(found):
        if _is_score(text, atom, found[i + 1]):
            return None, 1
        ranged = _range(text, p, first, atom, found[i + 1], start)
        if ranged is not None:
            reading, used = ranged, 1
    if _is_ordinal(text, p, atom):
        return None, used
    reading = replace(reading, start=start)
    if not atom.word and start > 0 and text[start - 1] in DASH and _starts_negative(text, start):
        reading = replace(reading, start=start - 1, low=-reading.high, high=-reading.low)
    before = text[max(0, reading.start - _WINDOW) : reading.start]
    # a number word in lower case is no part of the name before it ("stabbed El Amrani
    # six times"); names write theirs capitalised ("Formula One", "Channel Four")
    named = (
        _name_before(before)
        and not (atom.word and text[atom.start].islower())
        and not (lexicon.time_word_before(before, lang) or _magnitude_word(lang, before))
        # "nach Angaben des Vereins 98 Millionen Euro": a scale word makes it an amount
        and p.scale.match(text, atom.end) is None
        and not lexicon.attributed_before(text, reading.start, lang)
    )
    if money is None and (named or p.id_noun.search(before)):
        return None, used  # "iPhone 12", "S&P 500", "category 4": part of a name
    reading = _left_side(text, lang, p, reading, before)
    if reading.kind != "age":
        reading = _right_side(text, lang, p, reading, money=money[1] if money else None)
    if _is_year(text, reading) or _glued_to_letters(text, atom, reading) or _decade(text, atom):
        return None, used
    if lang == "en" and _STREET_BLOCK.match(text, reading.end):
        return None, used  # "the 6700 block of S. Aberdeen St.": an address
    return _below_zero(text, reading), used


#: The word that puts a temperature below zero, right before its number ("minus 25C",
#: "min 5 graden", "minus 5 Grad", "moins 5 degrés", "menos 5 grados", "минус 25
#: градусов"); "moins de 10" and "menos de 10" are bounds, not this word.
_MINUS_BEFORE = re.compile(r"(?<!\w)(?i:minus|min|moins|menos|минус)\s+$")


def _below_zero(text: str, reading: Reading) -> Reading:
    """A temperature told with a minus word is below zero (the sign had been lost:
    "minus 25C" was read as 25 °C)."""
    if reading.kind != "temperature" or reading.low < 0:
        return reading
    window = max(0, reading.start - 8)
    minus = _MINUS_BEFORE.search(text[window : reading.start])
    if minus is None:
        return reading
    return replace(reading, start=window + minus.start(), low=-reading.high, high=-reading.low)


def _currency_before(text: str, start: int) -> tuple[str, str] | None:
    """The currency sign or code right before a number, and its ISO code."""
    m = _SIGN_BEFORE.search(text, max(0, start - 6), start)
    if m is None:
        return None
    code = units.currency_of(m.group().strip())
    return (m.group(), code) if code else None


def _scaled(text: str, p: Patterns, atom: numbers.Atom, money: bool) -> Reading:
    """The atom with scale words after it applied ("2.5 million", "$5bn", "€3m")."""
    reading = Reading(atom.start, atom.end, atom.value, atom.value, digits_only=not atom.word)
    factor, end = _scale_words(text, p, atom.end)
    if end == atom.end and money:
        m = _MONEY_SCALE.match(text, atom.end)
        if m is not None:
            factor, end = numbers.MONEY_SCALES[m.group()], m.end()
    if end == atom.end:
        return reading
    value = atom.value * factor
    return replace(reading, end=end, low=value, high=value, digits_only=False)


def _scale_words(text: str, p: Patterns, end: int) -> tuple[float, int]:
    """The product of the scale words at ``end`` ("4 hundred million") and where they stop."""
    factor = 1.0
    table = numbers.scales(p.language)
    m = p.scale.match(text, end)
    while m is not None:
        factor *= table.get(" ".join(m.group().lower().split()), 1.0)
        end = m.end()
        m = p.scale.match(text, end)
    return factor, end


def _word_scale(surface: str, p: Patterns) -> float:
    """The scale a spelled-out number ends in, its scale words multiplied ("five
    thousand" -> 1000, "diez mil millones" -> 1e9), else 1."""
    table = numbers.scales(p.language)
    factor = 1.0
    for word in reversed(surface.lower().split()):
        if word not in table:
            break
        factor *= table[word]
    return factor


def _range(
    text: str, p: Patterns, first: Reading, atom: numbers.Atom, nxt: numbers.Atom, start: int
) -> Reading | None:
    """ "40-45", "40 to 45", "between 40 and 45", "€80–€300": one reading, low and high.

    A scale on the second end only applies to both when it keeps low below high:
    "2 to 3 million" is 2-3 million, "500 to 2 million" stays 500-2,000,000.
    """
    gap = text[first.end : nxt.start]
    if not gap or len(gap) > 12:
        return None
    before = text[max(0, start - _WINDOW) : start]
    joined = p.range_gap.fullmatch(gap) or (
        p.between_before.search(before) and p.between_gap.fullmatch(gap)
    )
    if not joined:
        return None
    second = _scaled(text, p, nxt, money=bool(re.search(r"[^\w\s]", gap)))
    low = first.low
    factor = second.low / nxt.value if nxt.value else 1.0
    if nxt.word:  # "four to five thousand"
        factor *= _word_scale(text[nxt.start : nxt.end], p)
    if first.end == atom.end and factor > 1 and low * factor <= second.low:
        low *= factor
    if not low < second.low:
        return None
    digits_only = first.digits_only and second.digits_only
    return replace(first, end=second.end, low=low, high=second.high, digits_only=digits_only)


def _is_score(text: str, atom: numbers.Atom, nxt: numbers.Atom) -> bool:
    """ "won 3-1", "a 2-1 win": two digits joined by a dash, the second not larger."""
    return (
        not atom.word
        and not nxt.word
        and nxt.start == atom.end + 1
        and text[atom.end] in DASH
        and nxt.value <= atom.value
        and atom.value < 100
    )


def _starts_negative(text: str, start: int) -> bool:
    """A dash before a number is a minus sign when it starts a word ("-5 °C")."""
    return start == 1 or text[start - 2] in " (\t\n"


def _is_ordinal(text: str, p: Patterns, atom: numbers.Atom) -> bool:
    """ "3rd", "21e", "5-й": ordinals are positions, not amounts; the stage skips them."""
    return not atom.word and p.ordinal.match(text, atom.end) is not None


def _compiled_or_none(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern is not None else None


def _left_side(text: str, lang: str, p: Patterns, reading: Reading, before: str) -> Reading:
    """Hedges ("about", "ongeveer") and age cues ("aged", "âgé de", "Name, 21,")."""
    # "from"/"between" may stand between the hedge and the number
    hedge_window = _FROM_BEFORE.sub("", p.between_before.sub("", before))
    if p.approximator.search(before) or p.approximator.search(hedge_window):
        reading = replace(reading, approximate=True)
    bound = p.bound.search(before) if reading.low == reading.high else None
    if bound is not None:
        reading = replace(reading, bound="min" if bound["min"] else "max")
    cues = _age_cue_windows(p, before, bound)
    if p.not_age is not None and any(p.not_age.search(window) for window in cues):
        return reading  # "il y a (plus de) 20 ans": 20 years ago
    if any(p.age_before.search(window) for window in cues):
        years = p.age_years.match(text, reading.end)
        if years is not None and (years.group() or lang == "en"):
            return _as_age(text, lang, replace(reading, end=years.end()))
    age = p.age_after.match(text, reading.end)
    if age is not None:
        return _as_age(text, lang, replace(reading, end=age.end()))
    # the language's years word may follow: "Marta Ibáñez, 51 ans.", "Ana Ruiz, 34 años,"
    years = p.age_years.match(text, reading.end)
    end = years.end() if years is not None else reading.end
    if (
        (_COMMA_AGE_BEFORE.search(before) or _WHO_WAS_BEFORE.search(before))
        and _COMMA_AFTER.match(text, end)
        and reading.low == reading.high
        and reading.low.is_integer()
        and 0 < reading.low < 120
    ):
        return _as_age(text, lang, replace(reading, end=end))
    if _bracket_age(text, lang, reading, before):
        return _as_age(text, lang, reading)
    dutch_end = _dutch_age_end(text, reading, before) if lang == "nl" else None
    if dutch_end is not None:
        return _as_age(text, lang, replace(reading, end=dutch_end))
    return reading


#: Dutch gives an age as "a person of N": "een man van 58", "een zwaargewonde
#: werknemer van 58 is vannacht overleden", "een vrouw van 34 jaar uit Breda".
_DUTCH_PERSON_OF = re.compile(
    r"\b(?:man|vrouw|jongen|meisje|jongeman|kind|baby|peuter|tiener|werknemer|medewerker"
    r"|arbeider|bestuurder|chauffeur|automobilist|motorrijder|fietser|fietsster|voetganger"
    r"|passagier|slachtoffer|verdachte|dader|inwoner|bewoner|vader|moeder|zoon|dochter"
    r"|opa|oma|agent|agente|brandweerman|technicus|monteur|leraar|lerares|student|studente"
    r"|patiënt|patiënte|collega|buurman|buurvrouw|eigenaar|eigenaresse|toerist|wandelaar"
    r"|loper|loopster|deelnemer|deelneemster|militair|soldaat|piloot|gids|skiër)\s+van\s+$",
    re.IGNORECASE,
)
#: What may follow such an age: its years word, then the end of a phrase or a verb.
_DUTCH_AGE_AFTER = re.compile(
    r"(?:\s+jaar\b)?(?=\s*(?:[,.;:)]|$|\s(?:is|was|werd|wordt|die|dat|uit|en|heeft|had|raakte"
    r"|overleed|kwam|zat|ligt|lag|reed|liep|zou|moet|kon|werkte|woonde)\b))"
)


def _dutch_age_end(text: str, reading: Reading, before: str) -> int | None:
    """Where a Dutch "person of N" age ends, or None if the number is no such age."""
    if not (_DUTCH_PERSON_OF.search(before) and reading.low == reading.high):
        return None
    if not (reading.low.is_integer() and 0 < reading.low < 120):
        return None
    after = _DUTCH_AGE_AFTER.match(text, reading.end)
    return after.end() if after is not None else None


def _age_cue_windows(p: Patterns, before: str, bound: re.Match[str] | None) -> list[str]:
    """The text before a number, and that text less the words that may stand between an
    age cue and the number: a bound ("было больше 75 лет"), a hedge ("было около 40
    лет"), "between" ("de entre 31 y 52 años"), then "from"."""
    window = before[: bound.start()] if bound is not None else before
    hedge = p.approximator.search(window)
    window = window[: hedge.start()] if hedge is not None else window
    unbetween = p.between_before.sub("", window)
    return [before, window, unbetween, _FROM_BEFORE.sub("", unbetween)]


#: Dutch and German news put a person's age in brackets after the name or the noun:
#: "Sanne de Vries (34)", "een man (34) uit Enschede", "der Fahrer (34)". The word
#: before has a lower-case letter: a party's seats in a poll, "de VVD (34)", are no age.
_BRACKET_AGE_LANGUAGES = frozenset({"nl", "de"})
_BRACKET_AGE_BEFORE = re.compile(r"(?<![\w-])[^\W\d_]*[a-zà-öø-ÿ][^\W\d_]* \($")


def _bracket_age(text: str, lang: str, reading: Reading, before: str) -> bool:
    return (
        lang in _BRACKET_AGE_LANGUAGES
        and text.startswith(")", reading.end)
        and _BRACKET_AGE_BEFORE.search(before) is not None
        and reading.low == reading.high
        and reading.low.is_integer()
        and 0 < reading.low < 120
    )


def _as_age(text: str, lang: str, reading: Reading) -> Reading:
    noun = _noun(text, lang, reading.end)
    told_in = _AGE_IN_MONTHS_OR_WEEKS.search(text, reading.start, reading.end)
    unit = told_in.group().lower() if told_in else "year"
    return replace(reading, kind="age", unit=unit, noun=noun, digits_only=False)


#: A baby's age is told in months or weeks ("a 10-month-old boy", "six weeks old").
_AGE_IN_MONTHS_OR_WEEKS = re.compile(r"(?i:month|week)(?=s?[-‐‑‒–—\s]olds?\b)")
#: An age's unit -> years in it: ages are compared in years.
_AGE_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25}


def _right_side(text: str, lang: str, p: Patterns, reading: Reading, money: str | None) -> Reading:
    """Unit or currency after the number, else the counted noun."""
    if money is not None:
        return replace(reading, kind="money", unit=money, digits_only=False)
    m = _CURRENCY_AFTER.match(text, reading.end)
    code = units.currency_of(m.group(1)) if m else None
    if m is not None and code is not None:
        return replace(reading, end=m.end(), kind="money", unit=code, digits_only=False)
    if p.scale.search(text, reading.start, reading.end):
        sterling = lexicon.pound_sterling_after(text, reading.end, lang)
        if sterling is not None:
            return replace(reading, end=sterling, kind="money", unit="GBP", digits_only=False)
    m = _UNIT_AFTER.match(text, reading.end)
    unit = units.unit_of(m.group(1)) if m else None
    if m is not None and m.group(1).casefold() in _NOT_UNITS.get(lang, ()):
        unit = None  # Spanish "miles" are thousands: "decenas de miles"
    if m is not None and unit is not None:
        kind = units.conversion(unit).kind
        return replace(reading, end=m.end(), kind=kind, unit=unit, digits_only=False)
    return replace(reading, noun=_noun(text, lang, reading.end, single=reading.high == 1))


#: Unit words that are other words in a language: Spanish "miles" is "thousands"
#: (a mile is "milla" there).
_NOT_UNITS: dict[str, frozenset[str]] = {"es": frozenset({"miles", "mile"})}


def _noun(text: str, lang: str, end: int, single: bool = False) -> str | None:
    """The head of the noun phrase right after a number, as written (or None).

    Up to three words are read until a function word or punctuation, past a
    partitive ("two of the tank wagons"; not for one: "one of the trains" is no count
    of trains); the head is picked per language: English the first plural-looking
    word, German the first capitalised one, Dutch and Russian the first that is not
    an inflected adjective, Spanish and French the first (adjectives follow the noun
    there).
    """
    stop = lexicon.stopwords(lang)
    words: list[str] = []
    position = end + 1 if text[end : end + 1] in _SKIPPED_AFTER_NUMBER else end
    m = _WORD.match(text, position)
    joined = m is not None and _JOINED.match(text, position)
    if joined and m is not None and m.group(1).lower() not in (*stop, *_NOT_COUNTED):
        return m.group(1)  # "a 32-wagon train" counts wagons; "a three-car crash", cars
    before = text[max(0, end - 12) : end]
    if (lang == "fr" and lexicon.is_about_round(before)) or (
        lang in ("es", "fr") and _SCALE_NOUN_BEFORE.search(before)
    ):
        collective = _FRENCH_COLLECTIVE_DE.match(text, position)
        position = collective.end() if collective else position
        m = _WORD.match(text, position)
    if _OF_THEM.match(text, position):
        return None  # "deux d'entre eux": the noun is the one counted before
    partitive = _PARTITIVE.get(lang)
    of_the = partitive.match(text, position) if partitive else None
    if of_the is not None and single:
        return None  # "one of the grain trains": one train, which a plural misnames
    if of_the is not None:
        position = of_the.end()  # "two of the tank wagons" counts wagons
        m = _WORD.match(text, position)
    if lang == "en" and m is not None and m.group(1).lower() in _MORE:
        after = _WORD.match(text, m.end())
        if after is not None and _plural_noun(after.group(1)):
            position = m.end()  # "three more times", "two other victims"; not "two more hurt"
    for _ in range(3):
        m = _WORD.match(text, position)
        if m is None or m.group(1).lower() in stop:
            break
        words.append(m.group(1))
        position = m.end()
    head = _head(words, lang) if words else None
    if of_the is not None and lang == "en" and head is not None and not _plural_noun(head):
        return None  # "one of the wounded died": the wounded, no noun
    return head


#: A mark between a number and its noun: a closing quote ("“four or five” gunshots")
#: or an "or more" plus ("20+ casings").
_SKIPPED_AFTER_NUMBER = frozenset({"”", '"', "’", "»", "+"})
#: A hyphen joining a number to the word it counts ("32-wagon", "three-car").
_JOINED = re.compile(r"[-‐‑](?=[^\W\d_])")
#: Words joined to a number that count nothing: "a 40-strong crew", "20-odd".
_NOT_COUNTED = frozenset({"strong", "odd", "plus", "something", "some", "fold", "ish"})

#: A number's partitive "of the" before the noun it counts: "two of the tank wagons",
#: "twee van de ketelwagens", "zwei der Kesselwagen", "dos de los vagones", "deux des
#: wagons".
#: A part of those just counted, in the six languages: it names no noun of its own.
_OF_THEM = re.compile(
    r"\s*(?:of\s+(?:them|us|whom)|d['’]entre\s+(?:eux|elles|nous)|de\s+(?:ellos|ellas)"
    r"|van\s+(?:hen|hun|wie)|von\s+(?:ihnen|denen)|из\s+(?:них|которых))\b",
    re.IGNORECASE,
)
_PARTITIVE = lexicon.compiled_per_language(
    {
        "en": r"\s+of\s+(?:the|these|those|its|their|his|her)(?=\s)",
        "nl": r"\s+van\s+(?:de|die|deze|hun|zijn|haar)(?=\s)",
        "de": r"\s+(?:der|von\s+den|dieser)(?=\s)",
        "es": r"\s+de\s+(?:los|las|estos|estas|sus)(?=\s)",
        "fr": r"\s+(?:des|de\s+ces|de\s+leurs)(?=\s)",
    }
)
#: Spanish and French scale words that are nouns, which take "de" before what they
#: count: "dos millones de personas", "un milliard d'animaux".
_SCALE_NOUN_BEFORE = re.compile(r"(?i:mill[oó]n(?:es)?|millions?|milliards?|bill[oó]n(?:es)?)$")
#: The "de" after a French collective number or a scale noun: "une cinquantaine de
#: pompiers", "un millier d'habitants", "dos millones de personas".
_FRENCH_COLLECTIVE_DE = re.compile(r"\s+(?:de\s+|d['’])(?=[^\W\d_])")
#: Words between an English number and its noun that say "in addition".
_MORE = frozenset({"more", "other", "additional", "further", "extra"})


def _head(words: list[str], lang: str) -> str | None:
    if lang == "de":
        return next((w for w in words if w[0].isupper()), None)  # "drei davon": no noun
    verb = lexicon.VERB_AFTER_COUNT.get(lang)
    if verb is not None:
        words = list(itertools.takewhile(lambda w: not verb.search(w), words))
    if not words:
        return None  # "27 resultaron heridas", "27 raakten gewond": a verb, no noun
    if lang in ("es", "fr"):
        return None if words[0].lower().endswith(("ment", "mente")) else words[0]
    if lang == "nl":
        words = [w for w in words if w.lower() not in _DUTCH_STATES]
        return next((w for w in words if not w.endswith("e")), words[-1] if words else None)
    if lang == "ru":
        words = list(itertools.takewhile(lambda w: w.lower() not in _RU_WHEN, words))
        words = list(itertools.takewhile(lambda w: not _russian_verb(w), words))
        return next((w for w in words if not _RU_ADJECTIVE.search(w)), words[-1] if words else None)
    return _english_head(words)


#: Dutch words for how people fared that follow a count and are no noun: "van wie
#: drie ernstig", "twee zwaargewond".
_DUTCH_STATES = frozenset(
    {"ernstig", "zwaar", "licht", "dodelijk", "levensgevaarlijk", "gewond", "zwaargewond"}
    | {"lichtgewond", "overleden", "dood"}
)


#: Russian words of time after a count that say when, not what is counted: "2,9 млрд
#: *годом* ранее" (a year earlier), "*месяцем* позже".
_RU_WHEN = frozenset({"годом", "месяцем", "неделей", "днём", "днем", "ранее", "позже"})


@lru_cache(maxsize=1)
def _russian_analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def _russian_verb(word: str) -> bool:
    """Whether the dictionary reads ``word`` first as a verb form ("пятеро *получили*
    ранения"): the count's noun ends before it."""
    readings = _russian_analyzer().parse(word)
    return bool(readings) and readings[0].tag.POS in {"VERB", "INFN", "PRTS", "GRND"}


def _english_head(words: list[str]) -> str | None:
    """The first plural-looking word, or the last of a run of them: a compound's head
    comes last ("two police officers", "five family members"), and "police" alone
    looks plural too. An adverb is no head: "four were shot, three fatally"."""
    first = next((i for i, w in enumerate(words) if _plural_noun(w)), None)
    if first is None:
        while words and _state(words[-1]):
            words = words[:-1]  # "one person injured": the person
        return None if not words or _adverb(words[-1]) else words[-1]
    last = first
    while last + 1 < len(words) and _plural_noun(words[last + 1]):
        last += 1
    return words[last]


#: English nouns that end like an adverb.
_LY_NOUNS = frozenset(
    {"family", "assembly", "supply", "ally", "rally", "tally", "belly", "bully", "jelly",
     "butterfly", "fly", "lily", "folly", "monopoly", "anomaly", "reply", "july", "italy"}
)  # fmt: skip


#: English words for a state people are in, not a noun: "four *dead*", "two *missing*".
_STATES = frozenset({"dead", "hurt", "shot", "alive", "missing", "safe"})


def _state(word: str) -> bool:
    """A participle or a state ("two dead and four *wounded*"), which is no noun."""
    lowered = word.lower()
    return lowered in _STATES or (lowered.endswith("ed") and len(lowered) > 4)


def _adverb(word: str) -> bool:
    return word.endswith("ly") and word.lower() not in _LY_NOUNS


def _plural_noun(word: str) -> bool:
    return word.lower() in _EN_IRREGULAR_PLURALS or _plural_s(word)


def _plural_s(word: str) -> bool:
    """Ends in a plural "s": not "ss", nor a possessive ("the company's grain trains")."""
    return word.endswith("s") and not word.endswith(("ss", "'s", "’s")) and word[0].islower()


#: A US police address: "in the 6700 block of S. Aberdeen St." names a stretch of a
#: street by its house numbers; no count.
_STREET_BLOCK = re.compile(r"\s+block\s+of\b", re.IGNORECASE)


def _is_year(text: str, reading: Reading) -> bool:
    """A bare "2022" (or "2019-2020") is a date, left to the dates stage; "2,000",
    with a thousands separator, is not. So is a Russian year told with the singular
    year word after it ("с 2003 года", "в 2003 году"; a span of two thousand years
    takes "лет")."""
    plain_year = all(v.is_integer() and 1500 <= v <= 2100 for v in (reading.low, reading.high))
    if not plain_year or _THOUSANDS.search(text, reading.start, reading.end):
        return False
    if reading.unit == "year" and _RUSSIAN_YEAR_WORD.match(text, reading.start, reading.end):
        return not reading.approximate
    return reading.digits_only and reading.kind == "count" and not reading.approximate


#: The singular forms of "год" (and "г.") after a year's digits.
_RUSSIAN_YEAR_WORD = re.compile(r"\d{4}\s*(?:год[аеуо]?|годом|г\.)", re.IGNORECASE)


def _glued_to_letters(text: str, atom: numbers.Atom, reading: Reading) -> bool:
    """Digits running into letters that are no unit or scale ("5G", "1990s", "A4b")."""
    if atom.word or atom.end >= len(text) or not text[atom.end].isalpha():
        return False
    return reading.end == atom.end or reading.kind == "count"


#: "'s" after a round number: "in her early 20's", "the 1990’s", "men in their 20′s".
_DECADE_S = re.compile(r"['’′]s\b")


def _decade(text: str, atom: numbers.Atom) -> bool:
    """A decade written with an apostrophe ("20's"): an age range or years, no count.
    (Without the apostrophe, "20s" is digits glued to letters.)"""
    return (
        not atom.word
        and text[atom.start : atom.end].endswith("0")
        and _DECADE_S.match(text, atom.end) is not None
    )


def _quantity(article_id: str, text: str, r: Reading) -> Quantity:
    low, high = float(r.low), float(r.high)
    normalized_unit: str | None = None
    n_low, n_high = low, high
    unit = r.unit
    if r.kind == "age":
        normalized_unit = "year"  # "a 10-month-old" is 0.83 years old
        n_low, n_high = low * _AGE_YEARS[r.unit or "year"], high * _AGE_YEARS[r.unit or "year"]
    elif r.kind == "money":
        normalized_unit = r.unit
    elif r.unit is not None:
        conv = units.conversion(r.unit)
        unit, normalized_unit = conv.unit, conv.base
        n_low, n_high = conv.apply(low), conv.apply(high)
    return Quantity(
        article=article_id,
        start=r.start,
        end=r.end,
        text=text[r.start : r.end],
        low=low,
        high=high,
        unit=unit,
        kind=r.kind,
        normalized_low=n_low,
        normalized_high=n_high,
        normalized_unit=normalized_unit,
        approximate=r.approximate,
        bound=r.bound,
        noun=r.noun,
    )

"""Where time expressions are: per-language regexes built from :mod:`vocab`.

Why our own finder: dateparser's ``search_dates`` scans free text and reads
"mit 40" as 2040 or the verb "may" as a month. Here every pattern is anchored
on a time word (month, weekday, unit, "yesterday") or a date-shaped number, so
a span is only proposed where a person would see a date. Whether a proposal
is kept is decided by :mod:`normalize` (a rule may still reject it, e.g. an
invalid ``2022-56-23``), and overlaps are settled in :mod:`corroborate.timex`.

Each pattern puts the expression in the named group ``s``; context words it
needs but that are not part of the expression (the "in" of "in 2022", the
"mit" of "mit 40 Jahren") sit in the group ``pre`` outside ``s``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from corroborate.timex.vocab import Vocab, vocab_for

#: Parts of day and "tonight"-like words that are a whole expression on their own.
TONIGHT: dict[str, tuple[int, str]] = {
    "tonight": (0, "NI"),
    "last night": (-1, "NI"),
    "vanavond": (0, "EV"),
    "vannacht": (0, "NI"),
    "vanochtend": (0, "MO"),
    "vanmorgen": (0, "MO"),
    "vanmiddag": (0, "AF"),
    "gisteravond": (-1, "EV"),
    "gisternacht": (-1, "NI"),
    "gistermiddag": (-1, "AF"),
    "gisterochtend": (-1, "MO"),
    "gistermorgen": (-1, "MO"),
    "heute nacht": (0, "NI"),
    "anoche": (-1, "NI"),
    "ce soir": (0, "EV"),
    "cette nuit": (0, "NI"),
    "сегодня вечером": (0, "EV"),
}

#: Durations without a number ("for years", "jahrelang").
VAGUE: dict[str, str] = {
    "for years": "PXY",
    "for months": "PXM",
    "for decades": "PXDE",
    "for weeks": "PXW",
    "for days": "PXD",
    "jarenlang": "PXY",
    "maandenlang": "PXM",
    "wekenlang": "PXW",
    "dagenlang": "PXD",
    "jahrelang": "PXY",
    "monatelang": "PXM",
    "wochenlang": "PXW",
    "tagelang": "PXD",
    "jahrzehntelang": "PXDE",
    "durante años": "PXY",
    "durante meses": "PXM",
    "durante décadas": "PXDE",
    "pendant des années": "PXY",
    "pendant des mois": "PXM",
    "depuis des années": "PXY",
    "годами": "PXY",
    "месяцами": "PXM",
    "много лет": "PXY",
}

NOON_WORDS = ("noon", "midday", "midnight", "mittag", "middernacht", "mitternacht", "medianoche")
WEEKEND = "weekend|the weekend|wochenende|fin de semana|week-end|выходные|выходных"
TIME_CUES = (
    "at|around|from|until|by|um|gegen|ab|bis|om|rond|tot|vanaf|à|vers|dès|a las|a la"
    "|hacia las|sobre las|desde las|hasta las|в|к|до"
)
TIME_ZONES = "GMT|UTC|CET|CEST|ET|EST|EDT|CT|PT|PST|PDT|BST|MSK|MEZ|MESZ"
#: The part of the day after an hour: "3 heures du matin", "las 3 de la madrugada",
#: "3 часов ночи", "3 uur 's nachts", "3 Uhr nachts". Those of the afternoon and the
#: evening move an hour under 12 past noon (see ``normalize.rule_time``).
DAY_PARTS_AFTER_HOUR = (
    r"du\s+matin|du\s+soir|de\s+l['’]après-midi|de\s+la\s+(?:mañana|madrugada|tarde|noche)"
    r"|утра|ночи|вечера|дня|'s\s+(?:ochtends|nachts|middags|avonds)|morgens|nachts|früh"
    r"|nachmittags|abends"
)
#: Words for one that are articles too: no hour of a spoken clock ("een half jaar").
ARTICLE_ONES = frozenset({"a", "an", "single", "een", "ein", "eine", "un", "une", "una", "uno"})
#: Those of :data:`DAY_PARTS_AFTER_HOUR` after noon.
AFTERNOON_PARTS = re.compile(
    r"soir|après-midi|tarde|noche|вечера|дня|middags|avonds|nachmittags|abends", re.IGNORECASE
)
PART_CUES = "in the|during the|in de|am|por la|en la|dans la|le|la|el|in der"
PART_MODS = "early|late|vroeg|laat|früh|spät|tôt|tard|рано|поздно"
ARTICLES = "the|its|el|la|le|het|das|im|in|в|de|del|du|au"
#: Definite articles a relative expression takes into its span ("el año pasado").
DEFINITE = "the|el|la|los|las|le|les|l'|l’|het|de|der|die|das"
#: "el pasado mes de mayo", "the month of May".
MONTH_OF = "mes\\s+de|month\\s+of"
#: "of that year" after a month: the year a sentence before named ("a flood in October
#: of that year", "en octubre de aquel año", "im Oktober jenes Jahres").
THAT_YEAR = (
    r"(?:of\s+)?that\s+(?:same\s+)?year|(?:de|del)\s+(?:aquel|ese|aquel\s+mismo|ese\s+mismo)\s+año"
    r"|de\s+cette\s+année-là|de\s+la\s+même\s+année|(?:jenes|desselben|des\s+gleichen)\s+jahres"
    r"|van\s+(?:dat|datzelfde|hetzelfde)\s+jaar|того\s+(?:же\s+)?года"
)
AND = "(?:and|y|et|en|und|и)"
#: "the last quarter of 1999" is its fourth quarter (only with a year, see normalize).
LAST_OF = "last|último|última|dernier|letzten|laatste"
#: "2 1/2 years", "two and a half years".
HALF_INSIDE = r"\s+1/2|½|\s+and\s+a\s+half|\s+y\s+medio|\s+et\s+demi|\s+en\s+een\s+half"
#: "a minute and a half", "dos semanas y media".
HALF_AFTER = r"a\s+half|media|medio|demie|demi|een\s+half|ein\s+halb"
HALVES = "first|second|last|latter|1st|2nd|primer|segundo|primera|segunda|último|ultimo"
ONES = "one|two|three|four|five|six|seven|eight|nine"
TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
TWO_DIGITS = rf"(?:(?:{TENS})(?:[\s-]+(?:{ONES}))?|{TEENS}|(?:oh|o)[\s-]+(?:{ONES}))"
#: Years said aloud in broadcast transcripts: "nineteen ninety-four", "two thousand".
SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:{TWO_DIGITS}|hundred)"
    rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{TWO_DIGITS}|{ONES}))?)"
)


def alt(items: Iterable[str]) -> str:
    """A non-capturing alternation of words, longest first, spaces matching any blank."""
    escaped = sorted(
        {re.escape(w).replace(r"\ ", r"\s+") for w in items if w}, key=len, reverse=True
    )
    return "(?:" + "|".join(escaped) + ")" if escaped else r"(?!x)x"


@dataclass(frozen=True)
class Candidate:
    """One proposed expression: the rule that found it and the match to read."""

    rule: str
    start: int
    end: int
    match: re.Match[str]


def _patterns(v: Vocab) -> list[tuple[str, str]]:
    """(rule, regex source) pairs for one vocabulary; order breaks length ties."""
    month = rf"(?P<month>{alt(v.months)})\.?"
    day = (
        r"(?:(?<![\d./-])(?P<day>[0-3]?\d)(?:st|nd|rd|th|ste|de|er|e|\.|-го|-е|º)?"
        r"|(?P<day1>primero|premier))"
    )
    year = r"(?P<year>1\d{3}|20\d{2})(?:\s*(?:года|году|г\.))?"
    weekday_opt = rf"(?:{alt(v.weekdays)},?\s+)?"
    rel = alt(v.last | v.this | v.next)
    rel_post = alt(v.last_post | v.this_post | v.next_post)
    mods = alt(v.mods)
    units = alt(v.units)
    # the hours of a spoken clock; not the articles "een", "ein", "un": "een half jaar"
    hours = alt(
        [w for w, n in v.numbers.items() if n and n <= 12 and w not in ARTICLE_ONES]
        + [str(n) for n in range(1, 13)]
    )
    parts = alt(v.parts)
    numbers = alt(v.numbers)
    year_words = alt(w for w, u in v.units.items() if u == "Y" and not w.endswith("s"))
    year_rel = (
        rf"(?:(?:of|del|de)\s+)?(?:(?P<yrel>{rel})\s+(?:{year_words})"
        rf"|(?:el\s+)?(?:{year_words})\s+(?P<yrelpost>{rel_post}))"
    )
    quarter_year = (
        r"(?:(?P<qrel>this|last|next)\s+year\s*['’]s|(?P<qyear>1\d{3}|20\d{2})"
        r"|(?P<qback>year[\s-](?:ago|earlier)))"
    )
    return [
        ("iso", r"(?<![\d-])(?P<s>(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2}))(?![\d-])"),
        (
            "numeric",
            r"(?<![\d./-])(?P<s>(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<year>\d{4}))(?![\d./-]\d)",
        ),
        (
            "dmy",
            rf"(?P<s>{weekday_opt}(?:(?P<mod>{mods})\s+)?(?:(?P<rel>{rel})\s+)?{day}\s*"
            rf"(?:de\s+)?{month}(?:\s*,?\s+(?:de\s+|del\s+)?{year}|\s+(?P<relpost>{rel_post}))?)",
        ),
        ("mdy", rf"(?P<s>{weekday_opt}(?:(?P<mod>{mods})\s+)?{month}\s+{day}(?:\s*,?\s+{year})?)"),
        (
            "my",
            rf"(?P<s>(?:(?P<mod>{mods})[\s-]*)?{month},?\s+(?:de\s+|of\s+|del\s+)?"
            rf"(?:{year}|(?P<yword>{SPELLED_YEAR})))",
        ),
        (
            "generic",
            r"(?P<s>(?P<day>[0-3]?\d)\.?\s+(?P<word>[^\W\d_]{3,12})\.?\s+(?P<year>1\d{3}|20\d{2}))",
        ),
        (
            "month",
            rf"(?P<s>(?:(?P<rel>{rel})\s+(?:(?:{MONTH_OF})\s+)?|(?P<mod>{mods})[\s-]*)?{month}"
            rf"(?:\s+(?P<relpost>{rel_post})|\s+(?P<thatyear>{THAT_YEAR})|\s+{year_rel})?)",
        ),
        (
            "weekday",
            rf"(?P<s>(?:(?P<rel>{rel})\s+)?(?:(?P<mod>{mods})\s+)?(?P<wd>{alt(v.weekdays)})"
            rf"(?:\s*(?P<part>{parts}))?"
            rf"(?:\s+(?P<relpost>{rel_post})|\s+(?P<week>{alt(v.weekday_week)}))?)",
        ),
        (
            "dayword",
            rf"(?P<s>(?:(?P<mod>{PART_MODS}|{mods})\s+)?(?P<dw>{alt(v.day_words)})"
            rf"(?:[\s,]*(?:{PART_CUES}|por|in|au|dans)?\s*(?P<part>{parts}))?)",
        ),
        ("tonight", rf"(?P<s>{alt(TONIGHT)})"),
        ("thispart", rf"(?P<s>(?P<rel>{alt(v.this)})\s*(?P<part>{parts}))"),
        (
            "relunit",
            rf"(?P<s>(?:(?P<mod>{mods})\s+)?(?:(?:{DEFINITE})\s+)?(?P<rel>{rel})\s+(?P<unit>{units}))",
        ),
        (
            "unitrel",
            rf"(?P<s>(?:(?:{DEFINITE})\s+)?(?P<unit>{units})\s+(?P<relpost>{rel_post}))",
        ),
        (
            "weekend",
            rf"(?P<s>(?:(?P<rel>{rel})\s+)?(?P<we>{WEEKEND})(?:\s+(?P<relpost>{rel_post}))?)",
        ),
        (
            "decade",
            r"(?P<s>(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<dec>1\d{2}0|20\d0)"
            r"(?:'?s|er(?:[\s-]*jahre\w*)?|-?е(?:\s+год\w*)?|-?х(?:\s+год\w*)?)"
            r"|['’](?P<dec2>\d0)s"
            r"|(?:de\s+)?(?:jaren|años|années|década\s+de(?:\s+los)?)\s+['’]?"
            r"(?P<dec3>\d0|1\d{2}0|20\d0)))",
        ),
        (
            "century",
            r"(?P<s>(?:the\s+)?(?P<cen>\d{1,2})(?:st|nd|rd|th|e|\.|er|ème|-?й|-?го|-?м)?\s+"
            r"(?:century|eeuw|jahrhundert\w*|siècle|век\w*)"
            r"|siglo\s+(?P<cenr>[XVI]+|\d{1,2})"
            r"|(?P<cenr2>[XVI]+)(?:e|ème)?\s+(?:siècle|век\w*))",
        ),
        (
            "year",
            # either year of a span ("1999-2000", "1999/2000", "2013-14"): see rule_year
            rf"(?:(?P<pre>{alt(v.year_cues)})\s+)?(?:(?<![\w.,/:$€£-])|(?<=\d{{4}}[-–/]))"
            rf"(?P<s>(?:fiscal\s+)?"
            rf"(?P<year>1[6-9]\d\d|20\d\d)(?:\s+(?P<post>{alt(v.year_post)}))?)"
            r"(?!\d|%|[.,]\d|-\d(?!\d(?:\d\d)?(?![\d%.,/-]\d)))",
        ),
        (
            "quarter",
            rf"(?P<s>(?:(?:{ARTICLES})\s+)?(?:{quarter_year}\s+)?(?:fiscal\s+)?"
            rf"(?P<ord>{alt(v.ordinals)}|{LAST_OF})[\s-]+"
            rf"(?:fiscal\s+)?(?P<q>{alt(v.quarter)})"
            r"(?:\s+(?:of\s+|de\s+|du\s+|des\s+jahres\s+|van\s+)?(?P<year>\d{4})(?:\s+года)?)?)",
        ),
        ("qshort", r"(?P<s>Q(?P<qn>[1-4])(?:\s+(?P<year>\d{4}))?)"),
        (
            "time",
            rf"(?:(?P<pre>{TIME_CUES})\s+)?(?<![\d.,:])(?P<s>(?P<h>[012]?\d)"
            r"(?:(?P<sep>[:.h]|\s?h\s)(?P<mi>[0-5]\d))?(?!\d|[.,:]\d|\s?min)"
            r"(?:\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b)"
            r"|\s*(?P<uhr>uhr|uur|horas|hora|heures|heure|h\b|часов|часа|час\b))?"
            rf"(?:\s+(?P<dp>{DAY_PARTS_AFTER_HOUR}))?"
            rf"(?:\s+(?P<tz>{TIME_ZONES})\b)?)",
        ),
        (
            "spokenclock",
            rf"(?:(?P<pre>{TIME_CUES})\s+)?(?P<s>(?:(?P<before>{alt(v.clock_before)})\s+(?P<hb>{hours})"
            rf"|(?P<ha>{hours})\s+(?P<after>{alt(v.clock_after)})"
            # "om twee uur", "um zwei Uhr", "at two o'clock": an hour word and the clock's
            r"|(?P<hc>[^\W\d_]+)\s+(?P<oclock>uur|uhr|o['’]clock))"
            rf"(?:\s+(?P<dp>{DAY_PARTS_AFTER_HOUR}))?)",
        ),
        ("noon", rf"(?P<s>(?P<nw>{'|'.join(NOON_WORDS)}))"),
        (
            "duration",
            rf"(?:(?P<pre>{alt(v.age_pre | v.amount_pre)})\s+)?"
            rf"(?P<s>(?:(?P<agopre>{alt(v.ago_pre | v.event_pre)})\s+(?:{alt(v.amount_pre)}\s+)?)?"
            rf"(?:(?:the\s+)?(?P<rel>past|last|next|first|coming|previous)\s+)?"
            rf"(?P<num>{numbers}|\d+(?:[.,]\d+)?)(?P<frac>{HALF_INSIDE})?[\s-]+(?P<unit>{units})"
            rf"(?:\s+{AND}\s+(?:(?P<half>{HALF_AFTER})|(?P<num2>{numbers}|\d+)[\s-]+"
            rf"(?P<unit2>{units})))?"
            rf"(?:\s+(?P<post>{alt(v.ago_post | v.event_post)}))?)",
        ),
        (
            "half",
            rf"(?P<s>(?:(?:{DEFINITE})\s+)?(?P<hord>{HALVES})\s+(?:half|semestre)\s+"
            rf"(?:of|de|del)\s+(?:(?:the|this|este|el)\s+)?(?:{year}|(?P<hrel>{rel})\s+"
            rf"(?:{year_words})|(?:{year_words})\s+(?P<hrelpost>{rel_post})))",
        ),
        ("period", rf"(?P<s>{alt(v.period_refs)})"),
        (
            "yearword",
            r"(?:(?P<pre>in|since|by|until|of|from)\s+)?"
            rf"(?P<s>(?:the\s+year\s+)?(?P<yword>{SPELLED_YEAR}))",
        ),
        ("vague", rf"(?P<s>{alt(VAGUE)})"),
        ("ref", rf"(?P<s>{alt(v.refs)})"),
        ("event", rf"(?P<s>{alt(v.event_phrases)})"),
        ("set", rf"(?P<s>{alt(v.set_words)})"),
        ("setday", rf"(?P<s>(?P<every>{alt(v.every)})\s+(?P<wd>{alt(v.weekdays)}))"),
        (
            "nightbefore",
            rf"(?P<s>{v.night_before.format(wd=alt(v.weekdays))})" if v.night_before else "(?!x)x",
        ),
        (
            "season",
            rf"(?:(?P<pre>in|im|en|in\s+the|au|à|на)\s+)?(?P<s>(?:(?P<rel>{rel})\s+|"
            rf"(?P<mod>{mods})\s+)?(?P<season>{alt(v.seasons)})"
            r"(?:\s+(?:of\s+|de\s+|del\s+|van\s+|des\s+jahres\s+)?(?:(?P<year>\d{4})"
            rf"(?:\s+года)?|(?P<yword>{SPELLED_YEAR})))?"
            rf"(?:\s+(?P<relpost>{rel_post}))?)",
        ),
        (
            "part",
            rf"(?:(?P<pre>{PART_CUES})\s+)?(?P<s>(?:(?P<mod>{PART_MODS})\s+)?(?P<part>{parts}))",
        ),
    ]


#: What every match of the date-shaped rules ("iso", "year", "time"...) holds.
DIGIT = re.compile(r"\d")
#: Letters that the regexes' IGNORECASE takes for another letter although
#: ``str.lower`` does not ("ı" for "i", "ſ" for "s", old Cyrillic forms).
FOLD_EXCEPTIONS = re.compile("[\u0131\u017f\u1e9b\u1c80-\u1c88]")
CENTURY_WORDS = ("century", "eeuw", "jahrhundert", "siècle", "век", "siglo")


@dataclass(frozen=True)
class Rule:
    """One compiled pattern and the words one of which every match of it contains.

    ``needs`` is empty when a digit is what every match contains. Why: most
    patterns cannot match most articles (no season word, no "quarter"), and a
    pattern costs a scan of the whole text; a substring test is far cheaper.
    """

    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...]


def _needs(words: Iterable[str]) -> tuple[str, ...]:
    """The longest word of each phrase: a match of the phrase holds it as written."""
    return tuple(sorted({max(w.split(), key=len) for w in words if w.strip()}))


#: Rules a digit may start (their needs are ``()``): every other rule needs words.
_DIGIT_RULES = frozenset({"iso", "numeric", "generic", "decade", "year", "qshort", "time"})


def _rule_needs(v: Vocab) -> dict[str, tuple[str, ...]]:
    """Per rule, the words one of which every match contains (``()``: a digit).

    Read off the patterns of :func:`_patterns`: each names the one part that no
    match goes without (a month of "dmy", a unit of "duration").
    """
    months, weekdays, units, parts = (
        _needs(v.months),
        _needs(v.weekdays),
        _needs(v.units),
        _needs(v.parts),
    )
    words = {
        "dmy": months,
        "mdy": months,
        "my": months,
        "month": months,
        "weekday": weekdays,
        "setday": weekdays,
        "nightbefore": weekdays,
        "dayword": _needs(v.day_words),
        "tonight": _needs(TONIGHT),
        "thispart": parts,
        "part": parts,
        "relunit": units,
        # "el año pasado": a unit before the word of its relation, which every match holds
        "unitrel": _needs(v.last_post | v.this_post | v.next_post),
        "duration": units,
        "weekend": _needs(WEEKEND.split("|")),
        "century": CENTURY_WORDS,
        "quarter": _needs(v.quarter),
        "noon": NOON_WORDS,
        "spokenclock": (*_needs({**v.clock_before, **v.clock_after}), "uur", "uhr", "clock"),
        "half": ("half", "semestre"),
        "period": _needs(v.period_refs),
        "yearword": ("nineteen", "eighteen", "twenty", "thousand"),
        "vague": _needs(VAGUE),
        "ref": _needs(v.refs),
        "event": _needs(v.event_phrases),
        "set": _needs(v.set_words),
        "season": _needs(v.seasons),
    }
    return {**words, **{rule: () for rule in _DIGIT_RULES}}


@lru_cache(maxsize=64)
def compiled(language: str) -> tuple[Rule, ...]:
    """The compiled patterns for a language (cached: built once per process)."""
    vocab = vocab_for(language)
    if vocab is None:
        return tuple(
            Rule(rule, re.compile(rf"(?<!\w){source}(?!\w)", re.IGNORECASE), ())
            for rule, source in _patterns(EMPTY)
            if rule in {"iso", "numeric", "generic", "year", "time"}
        )
    needs = _rule_needs(vocab)
    # a possessive stays: "Sunday's election", "Thursday’s shooting"
    edges = r"(?<![\w'’]){}(?!\w|['’](?!s\b)\w)"
    # a rule of words the language has none of matches nothing: it is not tried
    # ("unitrel" in English, which puts no relation word after its unit)
    return tuple(
        Rule(rule, re.compile(edges.format(source), re.IGNORECASE), needs[rule])
        for rule, source in _patterns(vocab)
        if needs[rule] or rule in _DIGIT_RULES
    )


def _may_match(text: str) -> Callable[[Rule], bool]:
    """A test of whether a rule can match ``text`` at all (never wrong when it says no).

    The text is lower-cased once; where lower-casing is not what the patterns'
    IGNORECASE does (a letter that lower-cases to two, a look-alike letter),
    every rule is tried.
    """
    folded = text.lower()
    if len(folded) != len(text) or FOLD_EXCEPTIONS.search(text):
        return lambda rule: True
    has_digit = DIGIT.search(text) is not None
    return lambda rule: any(w in folded for w in rule.needs) if rule.needs else has_digit


EMPTY = Vocab(months={})
SENTENCE_START = re.compile(r"\s*$|\s+[^\w\s]*[A-ZА-ЯЁ]")


LAST_WORD = re.compile(r"(?:^|(?<=[^\w.]))(\w+)\.$")


@lru_cache(maxsize=64)
def abbreviations(language: str) -> frozenset[str]:
    """Month and weekday words that are cut-off forms of a longer one ("dec", "sept")."""
    vocab = vocab_for(language) or EMPTY
    names = set(vocab.months) | set(vocab.weekdays)
    return frozenset(w for w in names if any(n != w and n.startswith(w) for n in names))


def trimmed_end(text: str, start: int, end: int, language: str) -> int:
    """The end without a final full stop, unless the stop belongs to an abbreviation.

    "mid-June." and "in 2022." end a sentence, whatever follows; "Dec." and "p.m."
    keep their stop unless a capitalised word follows ("at 5 p.m. The ...").
    """
    if text[end - 1 : end] != ".":
        return end
    word = LAST_WORD.search(text, start, end)
    if word and word[1].lower() not in abbreviations(language):
        return end - 1  # a whole word or a number: the stop ends the sentence
    return end - 1 if SENTENCE_START.match(text, end) else end


def find_candidates(text: str, language: str) -> Iterator[Candidate]:
    """Every match of every pattern, overlapping ones included."""
    may_match = _may_match(text)
    for rule in compiled(language):
        if not may_match(rule):
            continue
        for match in rule.pattern.finditer(text):
            start, end = match.span("s")
            end = trimmed_end(text, start, end, language)
            if end > start:
                yield Candidate(rule.name, start, end, match)

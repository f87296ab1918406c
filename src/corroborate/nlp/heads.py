"""Head words that make a name a place or an organisation, never a person's name.

The models take a name for a person from its shape: capitalised words, one of them
a known first name. "Martin Luther King Drive", "Kosair Children's Hospital",
"Harris County" and, in German, "Chemiepark Osterkamp" have that shape, and on GVA
development articles the English model tagged over 700 such mentions as people
(streets, hospitals, counties, police departments). A person's name does not end
with "Hospital" or "Drive", nor does it start with "Calle" or a German compound
ending in "-krankenhaus": such a head word decides the type.

Only words that are not also surnames are listed: "Lane" (Diane Lane), "Street",
"Church", "Court", "Parish", "Bay", "Pike", "Union" and "Park" (also a Korean family
name written first) stay out, so "Jessica Church" stays a person. The lists are
ours, per language: English puts the head word last ("Hayward Police Department"),
Spanish and French first ("Hospital Clínico", "Rue de Rivoli"), and German and Dutch
join it into the first word ("Seehafen Westduin", "Sporthal De Veldhoek").
"""

from __future__ import annotations

import re

from corroborate.model import EntityType


def _typed(words: str, kind: EntityType) -> dict[str, EntityType]:
    return dict.fromkeys(words.split(), kind)


#: English head words, last in a name.
LAST_WORDS: dict[str, dict[str, EntityType]] = {
    "en": {
        **_typed(
            "county road drive boulevard blvd avenue ave highway freeway parkway expressway"
            " corridor river mountains valley sea ocean island islands peninsula square plaza"
            " airport township canyon creek heights terrace circle",
            "place",
        ),
        **_typed(
            "hospital clinic school university college academy institute police department"
            " dept bureau office ministry agency council committee commission party association"
            " foundation company corporation inc corp ltd llc group times tribune herald"
            " gazette journal news radio television magazine center centre network club zeitung",
            "org",
        ),
    },
}

#: Spanish and French head words, first in a name.
FIRST_WORDS: dict[str, dict[str, EntityType]] = {
    "es": {
        **_typed(
            "calle avenida plaza paseo carretera autopista aeropuerto río lago sierra", "place"
        ),
        **_typed(
            "hospital clínica universidad colegio escuela instituto partido banco diario"
            " ministerio policía ayuntamiento fundación asociación",
            "org",
        ),
    },
    "fr": {
        **_typed("rue avenue boulevard quai route aéroport gare lac", "place"),
        **_typed(
            "hôpital clinique université école lycée collège institut parti banque ministère"
            " mairie fondation association",
            "org",
        ),
    },
}

#: German and Dutch head words that end the first word of a name, as the last part
#: of a compound ("Chemiepark", "Stationsstraat") or, where marked whole, alone too.
COMPOUND_ENDS: dict[str, dict[str, EntityType]] = {
    "de": {
        **_typed("straße strasse weg platz allee park hafen halle bahnhof flughafen see", "place"),
        **_typed(
            "klinik klinikum krankenhaus universität hochschule schule zeitung ministerium"
            " partei polizei verband verein",
            "org",
        ),
    },
    "nl": {
        **_typed("straat weg laan plein park haven sporthal station luchthaven meer", "place"),
        **_typed(
            "ziekenhuis kliniek universiteit hogeschool school krant ministerie partij politie"
            " gemeente vereniging",
            "org",
        ),
    },
}

#: Ends that are also whole words with other readings ("See" a lake and a verb form,
#: "Park" a Korean family name, "Weg" a word): these count only inside a compound.
COMPOUND_ONLY = frozenset({"park", "see", "weg", "meer", "halle", "station", "haven"})


#: Words for a named storm that open its name in every language we read ("Storm
#: Ingrid", "Hurricane Katrina", "Sturmtief Ingrid", "Orkaan Ciarán", "шторм Ингрид"):
#: the name is the storm's, a miscellaneous name, not a person's, whatever language
#: the article is in (storm names cross borders with the storm).
STORM_WORDS = frozenset(
    _typed(
        "storm hurricane typhoon cyclone sturm sturmtief orkan orkantief orkaan tormenta"
        " huracán tifón ciclón tempête ouragan typhon шторм ураган тайфун циклон",
        "other",
    )
)

#: Feasts and holidays the models tag as places or people ("on the occasion of the
#: New Year" had been a story's scene): a name of no type, a day.
HOLIDAYS = frozenset(
    name.casefold()
    for name in (
        "New Year", "New Year's", "New Year's Eve", "New Year's Day", "Christmas",
        "Christmas Eve", "Christmas Day", "Easter", "Thanksgiving", "Halloween",
        "Boxing Day", "Boxing Week", "Independence Day", "Memorial Day", "Labor Day",
        "Valentine's Day", "Ramadan", "Eid", "Eid al-Fitr", "Eid al-Adha", "Diwali",
        "Hanukkah", "Passover", "Yom Kippur", "Rosh Hashanah", "Lunar New Year",
        "Nieuwjaar", "Oud en Nieuw", "Kerstmis", "Kerst", "Pasen", "Pinksteren",
        "Koningsdag", "Neujahr", "Silvester", "Weihnachten", "Heiligabend", "Ostern",
        "Pfingsten", "Año Nuevo", "Nochevieja", "Navidad", "Nochebuena", "Semana Santa",
        "Nouvel An", "Noël", "Pâques", "Réveillon", "Новый год", "Рождество", "Пасха",
    )
)  # fmt: skip

#: Epidemics the models tag as places ("Coronavirus : le musicien ... est décédé" had
#: been where a story happened): a name of no type. ("Corona" alone is also a
#: Californian city, and stays as the model types it.)
DISEASES = frozenset(
    name.casefold()
    for name in (
        "Coronavirus", "COVID-19", "COVID", "Covid-19", "SARS-CoV-2", "SARS", "MERS",
        "Ebola", "Zika", "H1N1", "H5N1", "Mpox", "Monkeypox", "Коронавирус", "COVID19",
    )
)  # fmt: skip

_ELIDED_ARTICLE = re.compile(r"^[ld]['’]")


def is_day_or_disease(name: str) -> bool:
    """Whether ``name`` is a feast or a holiday of :data:`HOLIDAYS` ("the New Year")
    or an epidemic of :data:`DISEASES`: names of no type."""
    words = name.split()
    if words and words[0].casefold() in ("the", "de", "het", "der", "die", "das", "la", "le"):
        words = words[1:]
    key = " ".join(words).casefold().removesuffix("'s")
    return key in HOLIDAYS or key in DISEASES


def head_type(name: str, language: str) -> EntityType | None:
    """The type a head word of ``name`` gives it, for a name of two or more words;
    None when no head word decides."""
    words = name.split()
    if len(words) < 2:
        return None
    code = language.split("-")[0].lower()
    last = words[-1].rstrip(".").lower()
    first = _ELIDED_ARTICLE.sub("", words[0].lower())  # "l'université d'État de Perm"
    if first in STORM_WORDS or " ".join(words[:2]).lower() == "tropical storm":
        return "other"
    found = LAST_WORDS.get(code, {}).get(last) or FIRST_WORDS.get(code, {}).get(first)
    return found or _compound_head(first, COMPOUND_ENDS.get(code, {}))


def _compound_head(word: str, ends: dict[str, EntityType]) -> EntityType | None:
    for end, kind in ends.items():
        if word.endswith(end) and (len(word) > len(end) or end not in COMPOUND_ONLY):
            return kind
    return None

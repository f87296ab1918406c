"""The aliases stage: folding keys, gazetteer lookups and entity linking.

Every name here is invented (or a well-known place), so nothing was fitted to
the seed corpus.
"""

from __future__ import annotations

import io
import random
import tarfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from corroborate.aliases import link_entities, mention_keys, name_key, resolve_place
from corroborate.aliases.demonyms import demonym_of
from corroborate.aliases.fold import transliteration_keys
from corroborate.aliases.link import story_areas
from corroborate.aliases.places import (
    big_city_country,
    gazetteer,
    place_countries,
    place_regions,
)
from corroborate.aliases.sounds import sound_skeleton, sound_skeletons
from corroborate.aliases.translated import NamedGroup, NameEncoder, translated_pairs
from corroborate.embed import get_embedder
from corroborate.model import Entity, NamedMention


def mention(article: str, text: str, type_: str = "person", at: int = 0) -> NamedMention:
    return NamedMention(article, at, at + len(text), text, type_)  # type: ignore[arg-type]


def entity_of(entities: list[Entity], article: str, at: int = 0) -> Entity:
    for entity in entities:
        if any(m.article == article and m.start == at for m in entity.mentions):
            return entity
    raise AssertionError(f"no entity holds {article}@{at}")


# ----------------------------------------------------------------- name_key


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Хурбатов", "ru"),
        ("Хурбатова", "ru"),  # genitive
        ("Хурбатову", "ru"),  # dative
        ("Khurbatov", "en"),
        ("Khurbatov's", "en"),
        ("Choerbatov", "nl"),
        ("Churbatow", "de"),
    ],
)
def test_transliterations_fold_to_one_key(text: str, language: str) -> None:
    assert name_key(text, "person", language) == "hurbatov"


def test_key_folds_diacritics_and_given_name_spellings() -> None:
    assert name_key("Žemaitėlis", "person", "lt") == name_key("Zemaitelis", "person", "en")
    assert name_key("Timofey", "person", "en") == name_key("Timofej", "person", "nl")
    assert name_key("Тимофей", "person", "ru") == name_key("Timofei", "person", "de")


def test_key_keeps_different_names_apart() -> None:
    assert name_key("Khurbatov", "person", "en") != name_key("Kurbatov", "person", "en")
    assert name_key("Anna Kovalenko", "person", "en") != name_key("Anton Kovalenko", "person", "en")


def test_key_drops_titles_and_org_legal_forms() -> None:
    assert name_key("Dr. Tobias Wernicke", "person", "en") == "tobias vernike"
    assert name_key("Quarnholt Corp.", "org", "en") == name_key("Quarnholt", "org", "en")
    assert name_key("The Quarnholt Times", "org", "en") == "kuarnholt times"
    for title in ("Mayor", "Burgemeester", "Bürgermeister", "Мэр"):
        assert name_key(f"{title} Anna Veldkamp", "person", "nl") == "ana veldkamp"


def test_german_and_dutch_role_nouns_before_a_name_are_not_its_given_name() -> None:
    for role in ("Landwirt", "Polizeisprecher", "Feuerwehrsprecherin", "Woordvoerder", "Wethouder"):
        assert name_key(f"{role} Anna Veldkamp", "person", "de") == "ana veldkamp"
    assert name_key("Walter Richter", "person", "de") == "valter rihter"  # a surname, not a role
    entities = link_entities(
        [mention("a", "Landwirt Friedhelm Osterloh"), mention("b", "Friedhelm Osterloh")],
        {"a": "de", "b": "en"},
    )
    assert [(e.name, len(e.mentions)) for e in entities] == [("Friedhelm Osterloh", 2)]


def test_a_nationality_before_a_name_is_not_its_given_name() -> None:
    for nationality in ("Ukrainian", "Oekraïner", "Pole", "Mexican"):
        assert name_key(f"{nationality} Anna Veldkamp", "person", "en") == "ana veldkamp"
    # nationality words that are given names too stay in the name
    assert name_key("Frans Hals", "person", "nl") == "frans hals"
    assert name_key("Finn Ronne", "person", "en") == "fin rone"
    entities = link_entities(
        [mention("a", "Oekraïner Oleksandr Kovaltsjoek"), mention("b", "Oleksandr Kovalchuk")],
        {"a": "nl", "b": "en"},
    )
    assert [(e.name, len(e.mentions)) for e in entities] == [("Oleksandr Kovaltsjoek", 2)]


# ----------------------------------------------------------------- places


def test_country_names_in_four_languages_are_one_place() -> None:
    places = {
        resolve_place(text, language)
        for text, language in [
            ("Litouwen", "nl"),
            ("Lithuania", "en"),
            ("Литва", "ru"),
            ("Litauen", "de"),
            ("Литве", "ru"),  # prepositional case
        ]
    }
    assert len(places) == 1
    place = places.pop()
    assert place is not None and place.country == "LT" and place.name == "Lithuania"


@pytest.mark.parametrize(
    ("text", "name"),
    [("Германией", "Germany"), ("Нидерландов", "Netherlands"), ("Москвой", "Moscow")],
)
def test_a_russian_place_in_any_case_resolves(text: str, name: str) -> None:
    # instrumental and genitive plural: endings a suffix table had missed
    place = resolve_place(text, "ru")
    assert place is not None and place.name == name


def test_case_forms_of_an_unknown_russian_place_are_one_place() -> None:
    forms = ["Брезельдорф", "Брезельдорфе", "Брезельдорфом", "Брезельдорфа", "Брезельдорфу"]
    mentions = [mention(f"r{i}", form, "place") for i, form in enumerate(forms)]
    mentions.append(mention("r9", "Брезельдин", "place"))  # another name, not a case form
    entities = link_entities(mentions, {f"r{i}": "ru" for i in (*range(5), 9)})
    assert sorted(len(e.mentions) for e in entities) == [1, 5]


def test_city_in_two_languages_resolves_with_coordinates() -> None:
    dutch, english = resolve_place("Den Haag", "nl"), resolve_place("The Hague", "en")
    assert dutch == english
    assert dutch is not None and dutch.country == "NL" and dutch.geonames_id is not None
    assert dutch.latitude == pytest.approx(52.08, abs=0.1)
    assert dutch.longitude == pytest.approx(4.30, abs=0.1)


def test_place_must_match_the_whole_text() -> None:
    assert resolve_place("Vilnius Grain Exchange", "en") is None
    assert resolve_place("", "en") is None
    assert resolve_place("1945", "en") is None


def test_an_ambiguous_town_lies_where_the_storys_other_places_do() -> None:
    alone = resolve_place("Birmingham", "en")
    assert alone is not None and alone.country == "GB"  # the most populous
    text = "Police in Birmingham said the suspect fled to Alabama."
    mentions = [
        mention("a", "Birmingham", "place", text.index("Birmingham")),
        mention("a", "Alabama", "place", text.index("Alabama")),
    ]
    town = entity_of(link_entities(mentions, {"a": "en"}), "a", text.index("Birmingham"))
    assert town.place is not None and town.place.country == "US"
    # without a place that says where, the most populous town stays
    lone = [mention("b", "Birmingham", "place")]
    town = entity_of(link_entities(lone, {"b": "en"}), "b")
    assert town.place is not None and town.place.country == "GB"


def test_a_region_of_the_world_resolves_in_every_language_and_holds_its_towns() -> None:
    spain = frozenset({"ES"})
    andalusia = resolve_place("Andalucía", "es", spain)
    assert andalusia is not None and andalusia.country == "ES" and andalusia.latitude is None
    assert all(
        resolve_place(text, language, spain) == andalusia
        for text, language in [("Andalusia", "en"), ("Andalousie", "fr"), ("Andalusien", "de")]
    )
    seville = resolve_place("Sevilla", "es", spain)
    assert seville is not None and seville.region == andalusia.region  # a town in it
    lower_saxony = resolve_place("Lower Saxony", "en")
    assert lower_saxony is not None and lower_saxony.country == "DE"
    assert resolve_place("Nedersaksen", "nl") == lower_saxony
    assert resolve_place("Нижней Саксонии", "ru") == lower_saxony
    assert resolve_place("Niedersachsens", "de") == lower_saxony  # genitive
    assert resolve_place("l'Andalousie", "fr", spain) == andalusia  # with its article
    le_havre = resolve_place("Le Havre", "fr")
    assert le_havre is not None and le_havre.name == "Le Havre"
    hanover = resolve_place("Hannover", "de")
    assert hanover is not None and hanover.region == lower_saxony.region


def test_us_states_and_unknown_russian_region_forms_resolve_in_other_languages() -> None:
    california = resolve_place("California", "en")
    assert california is not None and california.region == "US-CA"
    assert resolve_place("Калифорнии", "ru") == resolve_place("Kalifornien", "de") == california
    # a locative the dictionary reads back wrongly ("Андалусии" -> "андалусие")
    andalusia = resolve_place("Андалусии", "ru")
    assert andalusia is not None and andalusia.country == "ES" and andalusia.latitude is None


def test_a_region_named_after_its_town_is_shown_with_its_kind() -> None:
    # "Kemerovo lies in Kemerovo region", not "Kemerovo lies in Kemerovo"
    region = resolve_place("Кемеровской области", "ru")
    town = resolve_place("Kemerovo", "en")
    assert region is not None and region.name == "Kemerovo region"
    assert town is not None and town.region == region.region


def test_a_town_keeps_its_name_beside_a_region_of_the_same_name() -> None:
    # the city of Groningen, not its province; the Colombian town in a Colombian story
    groningen = resolve_place("Groningen", "nl", frozenset({"NL"}))
    assert groningen is not None and groningen.latitude is not None
    colombian = resolve_place("Andalucía", "es", frozenset({"CO"}))
    assert colombian is not None and colombian.country == "CO"
    # a village of a region's name yields to the region: Scotland is not in Pennsylvania
    scotland = resolve_place("Scotland", "en")
    assert scotland is not None and scotland.country == "GB" and scotland.latitude is None
    # regions named by everyday words ("Central", "Western") or a clipped name are none
    assert not {"western", "central", "north west", "tristan"} & gazetteer().divisions.keys()
    assert resolve_place("Tristan", "en") is None


def test_a_compass_part_of_a_big_city_resolves_to_the_city() -> None:
    city = resolve_place("Los Angeles", "en")
    assert city is not None and city.country == "US"
    assert resolve_place("South Los Angeles", "en") == city
    assert resolve_place("Los Angeles West", "en") == city
    # a compass word before a small town's name, or alone, is no place
    assert resolve_place("West Side", "en") is None
    assert resolve_place("North", "en") is None
    # whole names come first: South Carolina is the state, not a part of Carolina
    state = resolve_place("South Carolina", "en")
    assert state is not None and state.name == "South Carolina" and state.latitude is None


def test_a_us_county_places_an_ambiguous_town_in_the_us() -> None:
    county = resolve_place("Delaware County", "en")
    assert county is not None and county.country == "US" and county.name == "Delaware County"
    parish = resolve_place("Calcasieu Parish", "en")
    assert parish is not None and parish.country == "US"
    text = "Chester police said the man was taken to a hospital in Delaware County."
    mentions = [
        mention("a", "Chester", "place", text.index("Chester")),
        mention("a", "Delaware County", "place", text.index("Delaware")),
    ]
    town = entity_of(link_entities(mentions, {"a": "en"}), "a", 0)
    assert town.place is not None and town.place.country == "US"
    alone = resolve_place("Chester", "en")
    assert alone is not None and alone.country == "GB"


def test_a_name_only_small_towns_abroad_bear_is_no_place_of_the_story() -> None:
    # GeoNames knows "Etna" only as three US villages; the story lies in Sicily
    text = "Etna erupted near Catania. Catania airport closed. Sicily and Catania cleared ash."
    mentions = [
        mention("a", name, "place", start)
        for name in ("Etna", "Catania", "Sicily")
        for start in _starts(text, name)
    ]
    volcano = entity_of(link_entities(mentions, {"a": "en"}), "a", 0)
    assert volcano.place is None
    # a story with no other country keeps the village
    alone = resolve_place("Etna", "en")
    assert alone is not None and alone.country == "US"


def test_a_stray_country_does_not_decide_where_a_world_city_lies() -> None:
    text = (
        "Vilnius and Kaunas said Lithuania would respond. Lithuania and Latvia agreed. "
        "Critics in Lithuania recalled Paris. Latvia and Lithuania met in Texas once."
    )
    mentions = [
        mention("a", name, "place", start)
        for name in ("Vilnius", "Kaunas", "Lithuania", "Latvia", "Paris", "Texas")
        for start in _starts(text, name)
    ]
    city = entity_of(link_entities(mentions, {"a": "en"}), "a", text.index("Paris"))
    assert city.place is not None and city.place.country == "FR"
    # named as often as the story's own countries, Texas is context again
    texan = text.replace("Vilnius and Kaunas", "Austin and Dallas").replace(
        "Critics in", "In Texas"
    )
    mentions = [
        mention("a", name, "place", start)
        for name in ("Austin", "Dallas", "Lithuania", "Latvia", "Paris", "Texas")
        for start in _starts(texan, name)
    ]
    city = entity_of(link_entities(mentions, {"a": "en"}), "a", texan.index("Paris"))
    assert city.place is not None and city.place.country == "US"


def _starts(text: str, name: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(name, i)]


def test_compass_words_are_not_towns() -> None:
    assert resolve_place("West", "en") is None
    assert resolve_place("the North", "en") is None
    assert resolve_place("West Virginia", "en") is not None


def test_ap_state_abbreviations_resolve_only_as_written() -> None:
    georgia = resolve_place("Ga.", "en")
    assert georgia is not None and (georgia.name, georgia.country) == ("Georgia", "US")
    country = resolve_place("Georgia", "en")
    assert country is not None and country.country == "GE"
    state = resolve_place("Georgia", "en", frozenset({"US"}))
    assert state is not None and state.country == "US"
    assert resolve_place("LA", "en") != resolve_place("La.", "en")


@pytest.mark.parametrize(
    ("written", "province"),
    [
        ("B.C.", "British Columbia"),
        ("Ont.", "Ontario"),
        ("Que.", "Quebec"),
        ("N.S.", "Nova Scotia"),
    ],
)
def test_canadian_press_province_abbreviations_name_the_province(
    written: str, province: str
) -> None:
    place = resolve_place(written, "en")
    assert place is not None and (place.name, place.country, place.latitude) == (
        province,
        "CA",
        None,
    )
    # "Ont." is the province, though Ontario, California is the town of its name
    assert place_countries(written, "en") == frozenset({"CA"})


def test_a_big_city_whose_namesakes_abroad_are_villages_places_a_story_in_its_country() -> None:
    # "Toronto" (villages of that name in Ohio and Australia) is Canada's, so
    # "Ontario" beside it is the province, not Ontario, California
    assert big_city_country("Toronto", "en") == "CA"
    assert big_city_country("Paris", "en") is None  # Paris, Texas: 25,000 people
    assert big_city_country("London", "en") is None  # London, Ontario
    text = "A man was shot in Toronto, Ontario on Monday."
    mentions = [mention("a", name, "place", text.index(name)) for name in ("Toronto", "Ontario")]
    places = {e.name: e.place for e in link_entities(mentions, {"a": "en"})}
    assert places["Ontario"] is not None and places["Ontario"].country == "CA"


def test_a_town_told_with_its_province_keeps_its_place_beside_a_namesake_person() -> None:
    # the model's person of a headline ("Brazen Langford") does not make the town
    # "in Langford, B.C." his surname; the province sends "Victoria" to B.C.
    text = "Brazen Langford heist. Thieves in Langford, B.C. left the Victoria suburb."
    spans = [("Brazen Langford", "person"), ("Langford", "place"), ("B.C.", "place")]
    spans += [("Victoria", "place")]
    mentions: list[NamedMention] = []
    for name, kind in spans:
        at = text.index(name, mentions[-1].end if mentions else 0)
        mentions.append(mention("a", name, kind, at))
    entities = link_entities(mentions, {"a": "en"})
    places = {e.name: e.place for e in entities if e.type == "place" and e.place}
    assert set(places) == {"Langford", "British Columbia", "Victoria"}
    assert places["Victoria"].region == places["Langford"].region == "CA-02"


def test_a_town_is_first_the_town_of_that_main_name() -> None:
    # "Englewood" is an old name of a bigger town; the towns called so win, while an
    # exonym of a city orders of magnitude bigger still finds that city.
    englewood = resolve_place("Englewood", "en")
    assert englewood is not None and englewood.name == "Englewood"
    london = resolve_place("Londres", "fr")
    assert london is not None and (london.name, london.country) == ("London", "GB")


def test_a_country_name_of_other_languages_yields_to_a_town_of_that_name() -> None:
    # "Columbia" is Colombia only in Romanian; in English it is a town. A name with no
    # town ("Litouwen") still finds its country whatever the article's language.
    town = resolve_place("Columbia", "en")
    assert town is not None and town.country == "US" and town.latitude is not None
    country = resolve_place("Columbia", "ro")
    assert country is not None and country.country == "CO"
    lithuania = resolve_place("Litouwen", "en")
    assert lithuania is not None and lithuania.country == "LT"


def test_abbreviated_words_are_spelt_out() -> None:
    assert resolve_place("St. Louis", "en") == resolve_place("Saint Louis", "en") is not None
    assert resolve_place("Ft. Myers", "en") == resolve_place("Fort Myers", "en") is not None
    bay = resolve_place("Bay St. Louis", "en")
    assert bay is not None and bay == resolve_place("Bay Saint Louis", "en")
    assert bay.country == "US" and bay != resolve_place("St. Louis", "en")
    assert resolve_place("Main St.", "en") is None


def test_cities_named_by_their_letters_resolve() -> None:
    washington = resolve_place("D.C.", "en")
    assert washington is not None and washington.region == "US-DC"
    assert washington.latitude is not None  # the city, not the district
    assert resolve_place("NYC", "en") == resolve_place("New York City", "en") is not None
    assert resolve_place("L.A.", "en") == resolve_place("Los Angeles", "en") is not None


# ----------------------------------------------------------------- linking


def test_a_town_tagged_a_place_once_is_a_place_throughout_the_story() -> None:
    mentions = [
        mention("a", "TULSA", "place", 0),
        mention("a", "Tulsa", "other", 20),
        mention("a", "Tulsa", "org", 60),
        mention("b", "Tulsa", "other", 0),
        mention("b", "Tulsa", "other", 30),
    ]
    entities = link_entities(mentions, {"a": "en", "b": "en"})
    town = entity_of(entities, "a", 0)
    assert town.type == "place" and town.place is not None and town.place.country == "US"
    # within its article whatever the model said; in another article, where the model
    # gave the name no known type ("a Tulsa mother" as other)
    assert {(m.article, m.start) for m in town.mentions} == {
        ("a", 0),
        ("a", 20),
        ("a", 60),
        ("b", 0),
        ("b", 30),
    }
    invented = [mention("c", "Qorvistan", "place", 0), mention("c", "Qorvistan", "org", 9)]
    assert sorted(e.type for e in link_entities(invented, {"c": "en"})) == ["org", "place"]


def test_one_person_across_languages_and_scripts() -> None:
    mentions = [
        mention("en1", "Timofey Khurbatov"),
        mention("en1", "Khurbatov", at=40),
        mention("nl1", "Timofej Choerbatov"),
        mention("de1", "Timofei Churbatow"),
        mention("ru1", "Тимофей Хурбатов"),
        mention("ru1", "Хурбатова", at=50),
        mention("ru2", "Тимофея Хурбатова"),
    ]
    languages = {"en1": "en", "nl1": "nl", "de1": "de", "ru1": "ru", "ru2": "ru"}
    entities = link_entities(mentions, languages)
    assert len(entities) == 1
    person = entities[0]
    assert person.type == "person"
    assert person.name in {"Timofey Khurbatov", "Timofej Choerbatov", "Timofei Churbatow"}
    assert len(person.mentions) == len(mentions)
    assert "Хурбатова" in person.aliases


@pytest.mark.parametrize(
    "forms",
    [
        # French ch/j/ou, German sch/w/j, English zh/y, Dutch zj/oe: one Russian name
        (("fr", "Timofeï Jouravliov"), ("de", "Timofej Schurawljow"), ("en", "Timofey Zhuravlyov")),
        (("fr", "Dmitri Chtchoukine"), ("de", "Dmitri Schtschukin"), ("en", "Dmitry Shchukin")),
        (("fr", "Evguéni Kovaliov"), ("de", "Jewgeni Kowaljow"), ("nl", "Jevgeni Kovaljov")),
        (("es", "Nikita Jruschov"), ("de", "Nikita Chruschtschow"), ("fr", "Nikita Khrouchtchev")),
    ],
)
def test_transliterations_of_one_russian_name_in_latin_languages_are_one_person(
    forms: tuple[tuple[str, str], ...],
) -> None:
    mentions = [mention(language, name) for language, name in forms]
    entities = link_entities(mentions, {language: language for language, _ in forms})
    assert len(entities) == 1
    assert len(entities[0].mentions) == len(forms)


def test_a_transliterated_person_is_shown_by_the_english_spelling_and_keeps_short_forms() -> None:
    mentions = [
        mention("fr", "Alexeï Jouravliov"),
        mention("fr", "Jouravliov", at=60),
        mention("de", "Alexej Schurawljow"),
        mention("en", "Alexei Zhuravlyov"),
    ]
    entities = link_entities(mentions, {"fr": "fr", "de": "de", "en": "en"})
    assert len(entities) == 1
    assert entities[0].name == "Alexei Zhuravlyov"


def test_a_language_spelling_a_russian_name_its_own_way_does_not_join_other_names() -> None:
    # French "j" is ж, never с: Jouravliov is Zhuravlyov, not Suravliov
    apart = [mention("fr", "Oleg Jouravliov"), mention("en", "Oleg Suravliov")]
    assert len(link_entities(apart, {"fr": "fr", "en": "en"})) == 2
    # a language's own reading is only used against another language's
    one_language = [mention("a", "Oleg Chabanov"), mention("b", "Oleg Shabanov")]
    assert len(link_entities(one_language, {"a": "en", "b": "en"})) == 2
    two_languages = [mention("a", "Oleg Chabanov"), mention("b", "Oleg Shabanov")]
    assert len(link_entities(two_languages, {"a": "fr", "b": "en"})) == 1


def test_transliteration_keys_read_a_word_by_its_article_language() -> None:
    assert transliteration_keys("Michel", "fr") != transliteration_keys("Michel", "en")
    assert transliteration_keys("Poutine", "fr") == transliteration_keys("Putin", "en")
    # German "sch" may be ш or ж, so a German word has two readings
    assert transliteration_keys("Schurawljow", "de") >= transliteration_keys("Zhuravlyov", "en")
    assert transliteration_keys("Gorbatschow", "de") == transliteration_keys("Gorbachev", "en")


def test_a_spanish_name_with_its_second_surname_is_the_name_without_it() -> None:
    mentions = [
        mention("es", "Remedios Albalat Segura"),
        mention("es", "Albalat", at=80),
        mention("en", "Remedios Albalat"),
        mention("de", "Maria Teresa Segarra"),
        mention("es", "María Teresa Segarra Miralles", at=200),
    ]
    entities = link_entities(mentions, {"es": "es", "en": "en", "de": "de"})
    assert sorted(sorted(e.aliases) for e in entities) == [
        ["Albalat", "Remedios Albalat", "Remedios Albalat Segura"],
        ["Maria Teresa Segarra", "María Teresa Segarra Miralles"],
    ]
    # two second surnames are two people
    cousins = [mention("a", "Lucía Ferrer Pons"), mention("b", "Lucía Ferrer Vidal")]
    assert len(link_entities(cousins, {"a": "es", "b": "es"})) == 2


def test_russian_and_ukrainian_forms_of_a_given_name_are_one_person() -> None:
    mentions = [mention("en1", "Oleksandr Doroshenko"), mention("ru1", "Александр Дорошенко")]
    entities = link_entities(mentions, {"en1": "en", "ru1": "ru"})
    assert len(entities) == 1
    # a different name that also opens with a vowel stays apart
    mentions = [mention("en1", "Oleksandr Doroshenko"), mention("ru1", "Арсений Дорошенко")]
    assert len(link_entities(mentions, {"en1": "en", "ru1": "ru"})) == 2


def test_a_word_before_the_given_name_does_not_keep_one_person_apart() -> None:
    mentions = [mention("nl1", "Pool Tomasz Wierzbicki"), mention("en1", "Tomasz Wierzbicki")]
    entities = link_entities(mentions, {"nl1": "nl", "en1": "en"})
    assert len(entities) == 1
    # two given names that differ are still two people
    mentions = [mention("nl1", "Pool Tomasz Wierzbicki"), mention("en1", "Marek Wierzbicki")]
    assert len(link_entities(mentions, {"nl1": "nl", "en1": "en"})) == 2


def test_within_article_short_forms_join_the_full_name() -> None:
    mentions = [
        mention("a", "Tobias Wernicke", at=0),
        mention("a", "Wernicke", at=30),
        mention("a", "T. Wernicke", at=60),
        mention("a", "Tobias W.", at=90),
        mention("a", "Wernicke's", at=120),
    ]
    entities = link_entities(mentions, {"a": "en"})
    assert len(entities) == 1
    assert entities[0].name == "Tobias Wernicke"


def test_surname_shared_by_two_people_stays_unlinked() -> None:
    mentions = [
        mention("a", "Anna Kovalenko", at=0),
        mention("a", "Anton Kovalenko", at=30),
        mention("a", "Kovalenko", at=60),
    ]
    entities = link_entities(mentions, {"a": "en"})
    assert len(entities) == 3
    assert entity_of(entities, "a", 0).id != entity_of(entities, "a", 30).id


def test_similar_names_of_different_people_do_not_merge() -> None:
    mentions = [
        mention("a", "Mark Johnson"),
        mention("b", "Mark Johnston"),
        mention("c", "Mira Halvorsen"),
        mention("d", "Mara Halvorsen"),
    ]
    entities = link_entities(mentions, {k: "en" for k in "abcd"})
    assert len(entities) == 4


def test_person_and_place_with_one_name_stay_apart() -> None:
    mentions = [mention("a", "Florence", "person"), mention("b", "Florence", "place")]
    entities = link_entities(mentions, {"a": "en", "b": "en"})
    assert sorted(e.type for e in entities) == ["person", "place"]
    place = next(e for e in entities if e.type == "place")
    assert place.place is not None and place.place.country == "IT"


def test_country_in_four_languages_is_one_entity() -> None:
    mentions = [
        mention("nl", "Litouwen", "place"),
        mention("en", "Lithuania", "place"),
        mention("ru", "Литва", "place"),
        mention("de", "Litauen", "place"),
    ]
    entities = link_entities(mentions, {"nl": "nl", "en": "en", "ru": "ru", "de": "de"})
    assert len(entities) == 1
    assert entities[0].name == "Lithuania"
    assert entities[0].place is not None and entities[0].place.country == "LT"
    assert entities[0].aliases == sorted(["Litouwen", "Lithuania", "Литва", "Litauen"])


def test_acronym_joins_its_expansion() -> None:
    mentions = [
        mention("a", "Baltic Grain Trading Union", "org"),
        mention("b", "BGTU", "org"),
        mention("c", "Quarnholt Logistics", "org"),
        mention("c", "QL", "org", at=40),
        mention("d", "QL", "org"),
        mention("d", "Quarnfeld Lab", "org", at=40),
    ]
    entities = link_entities(mentions, {k: "en" for k in "abcd"})
    union = entity_of(entities, "b")
    assert union.name == "Baltic Grain Trading Union"
    assert {m.article for m in union.mentions} == {"a", "b"}
    # "QL" in c fits Quarnholt Logistics there; in d it fits Quarnfeld Lab there.
    assert entity_of(entities, "c", 40).id == entity_of(entities, "c", 0).id
    assert entity_of(entities, "d", 0).id == entity_of(entities, "d", 40).id
    assert entity_of(entities, "c", 0).id != entity_of(entities, "d", 40).id


def test_output_is_deterministic_and_ids_are_stable() -> None:
    mentions = [
        mention("a", "Tobias Wernicke"),
        mention("b", "Wernicke"),
        mention("c", "Litouwen", "place"),
        mention("d", "Baltic Grain Trading Union", "org"),
        mention("e", "Mira Halvorsen"),
    ]
    languages = {"a": "en", "b": "en", "c": "nl", "d": "en", "e": "en"}
    first = link_entities(mentions, languages)
    shuffled = list(mentions)
    random.Random(7).shuffle(shuffled)
    assert link_entities(shuffled, languages) == first
    assert len({e.id for e in first}) == len(first)
    assert all(len(e.id) == 16 for e in first)
    alone = link_entities([mention("z", "Tobias Wernicke")], {"z": "en"})
    assert alone[0].id == entity_of(first, "a").id


def test_empty_input() -> None:
    assert link_entities([], {}) == []


def test_mention_keys_agree_across_languages() -> None:
    dutch = mention_keys([mention("nl", "Litouwen", "place"), mention("nl", "Choerbatov")], "nl")
    english = mention_keys(
        [mention("en", "Lithuania", "place"), mention("en", "Timofey Khurbatov")], "en"
    )
    assert dutch[0] == english[0]
    assert set(dutch) <= set(english)
    # an international body is one key, as a place is: not one key a word
    union = [mention("nl", "Europese Unie", "org"), mention("nl", "EU", "org")]
    assert mention_keys(union, "nl") == mention_keys([mention("en", "European Union", "org")] * 2)
    assert len(set(mention_keys(union, "nl"))) == 1


def test_bare_surname_mistyped_by_ner_joins_the_person() -> None:
    mentions = [
        mention("a", "Bogdan Zhelezniakov", "person", 0),
        mention("a", "Zhelezniakov", "org", 30),
        mention("a", "Zhelezniakov", "org", 60),
        mention("b", "Bogdan Zjeleznjakov", "person", 0),
        mention("b", "Zjeleznjakov", "place", 40),
    ]
    entities = link_entities(mentions, {"a": "en", "b": "nl"})
    (person,) = [e for e in entities if "Zhelezniakov" in e.aliases]
    assert person.type == "person"
    assert {"Zjeleznjakov", "Bogdan Zjeleznjakov"} <= set(person.aliases)
    assert len(entities) == 1


def test_a_place_that_shares_a_surname_elsewhere_stays_a_place() -> None:
    mentions = [
        mention("a", "Harriet Dunmore", "person", 0),
        mention("b", "Dunmore", "place", 0),
        mention("b", "Dunmore", "place", 50),
    ]
    entities = link_entities(mentions, {"a": "en", "b": "en"})
    assert sorted(e.type for e in entities) == ["person", "place"]


# ------------------------------------------------------------ the cached gazetteer


def test_a_town_has_its_own_population_not_its_namesakes() -> None:
    from corroborate.aliases.places import gazetteer

    illinois = resolve_place("Bridgeport", "en", frozenset({"US-IL"}))
    connecticut = resolve_place("Bridgeport", "en", frozenset({"US-CT"}))
    assert illinois is not None and connecticut is not None
    assert 0 < gazetteer().population(illinois) < gazetteer().population(connecticut)


def test_a_big_citys_own_name_is_not_taken_by_a_local_towns_alternate_name() -> None:
    # Pittsburg, California lists "Pittsburgh" among its alternate names
    pittsburgh = resolve_place("Pittsburgh", "en", frozenset({"US", "US-CA"}))
    assert pittsburgh is not None and pittsburgh.region == "US-PA"
    # a small town's own name still yields to the story's place of that name
    lawndale = resolve_place("Lawndale", "en", frozenset({"US", "US-IL"}))
    assert lawndale is not None and lawndale.region == "US-IL"


def test_a_state_postal_code_in_english_is_the_state() -> None:
    state = resolve_place("PA", "en")
    assert state is not None and state.region == "US-PA" and state.latitude is None
    washington = resolve_place("DC", "en")
    assert washington is not None and washington.latitude is not None  # the city
    assert resolve_place("PA", "nl") != state  # other languages: no US postal codes


def test_the_gazetteer_cache_round_trips_and_bad_files_are_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corroborate.aliases import places

    monkeypatch.setenv("CORROBORATE_CACHE_DIR", str(tmp_path / "cache"))
    path = places._cache_path()
    assert path is not None and path.parent == tmp_path / "cache"
    tables = places._build_tables()
    places._write_cache(path, tables)
    assert places._read_cache(path) == tables
    path.write_bytes(b"not a pickle")
    assert places._read_cache(path) is None
    assert places._read_cache(tmp_path / "missing.pickle") is None


def test_the_gazetteer_cache_can_be_turned_off_or_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corroborate.aliases import places

    monkeypatch.setenv("CORROBORATE_CACHE_DIR", "")
    assert places._cache_path() is None
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    places._write_cache(blocker / "sub" / "g.pickle", ({}, {}, {}, {}, {}, {}, {}, {}))  # none
    assert not (blocker / "sub").exists()


def test_two_names_run_together_merge_neither() -> None:
    """A model span that glues two names ("Kesselmark Group Varnholt Works") starts with
    one known name and ends with another: attaching both would merge two
    organisations into one entity."""
    mentions = [
        mention("a", "Kesselmark Group", "org"),
        mention("b", "Varnholt Works", "org"),
        mention("c", "Kesselmark Group Varnholt Works", "org"),
        mention("d", "Brandvoort Glass Company", "org"),
        mention("e", "Brandvoort Glass", "org"),
    ]
    entities = link_entities(mentions, {k: "en" for k in "abcde"})
    assert entity_of(entities, "a").id != entity_of(entities, "b").id
    assert entity_of(entities, "e").id == entity_of(entities, "d").id  # one edge only: joined


def test_an_ambiguous_town_lies_in_the_state_the_story_names() -> None:
    # Englewood: towns in six states; a story naming Illinois means Chicago's.
    text = "Two men were shot in Englewood, Illinois police said."
    mentions = [
        mention("a", "Englewood", "place", text.index("Englewood")),
        mention("a", "Illinois", "place", text.index("Illinois")),
    ]
    town = entity_of(link_entities(mentions, {"a": "en"}), "a", text.index("Englewood"))
    assert town.place is not None and town.place.region == "US-IL"
    alone = resolve_place("Englewood", "en", frozenset({"US"}))
    assert alone is not None and alone.region != "US-IL"  # the most populous in the US
    # the country Georgia and the US state share a name: neither places the story
    assert place_regions("Georgia", "en") == frozenset()
    assert place_regions("Georgia", "en", frozenset({"US"})) == {"US-GA"}


def test_a_village_geonames_lacks_resolves_only_in_a_story_in_its_state() -> None:
    # Toomsuba, Mississippi: a post-office town too small for GeoNames' list.
    assert resolve_place("Toomsuba", "en") is None
    village = resolve_place("Toomsuba", "en", frozenset({"US", "US-MS"}))
    assert village is not None and village.region == "US-MS" and village.latitude is not None
    # the country alone, or another state, is not enough: "Avenue" is a Maryland town
    assert resolve_place("Toomsuba", "en", frozenset({"US"})) is None
    assert resolve_place("Toomsuba", "en", frozenset({"US", "US-AL"})) is None


def test_a_double_surname_the_model_took_for_a_place_joins_the_person() -> None:
    mentions = [
        mention("a", "Marit Vollenga-Dijk"),
        mention("b", "Vollenga-Dijk", "place"),  # "Burgemeester Vollenga-Dijk bedankte ..."
        mention("c", "Glaswerk Ostrand"),  # a works the model took for a person
        mention("d", "Ostrand", "place"),
    ]
    entities = link_entities(mentions, {"a": "en", "b": "nl", "c": "de", "d": "de"})
    mayor = entity_of(entities, "b")
    assert mayor.type == "person" and mayor is entity_of(entities, "a")
    # one word is left to the vote: the town stays a town
    assert entity_of(entities, "d").type == "place"


def test_a_mention_of_one_of_the_storys_outlets_is_an_organisation() -> None:
    mentions = [
        mention("a", "Brackwater Wire", "place"),  # "... told Brackwater Wire"
        mention("b", "The Brackwater Wire", "other"),
        mention("b", "Brackwater", "place", at=40),
    ]
    entities = link_entities(mentions, {"a": "en", "b": "en"}, outlets={"Brackwater Wire"})
    wire = entity_of(entities, "a")
    assert wire.type == "org" and wire is entity_of(entities, "b")
    assert entity_of(entities, "b", at=40).type == "place"


def test_a_longer_name_one_model_mistypes_takes_the_storys_type() -> None:
    # one language's model tags a company as a place in each of its articles
    mentions = [
        *(mention(article, "Kranich Logistik", "org") for article in "abcd"),
        mention("e", "Kranich Logistik", "place"),
        mention("f", "Kranich Logistik", "place"),
        # more than half as many votes as the majority: a real disagreement, left alone
        *(mention(article, "Sankt Veith", "place", at=50) for article in "abc"),
        *(mention(article, "Sankt Veith", "org", at=50) for article in "de"),
    ]
    languages = dict.fromkeys("abcdef", "en") | {"e": "nl", "f": "nl"}
    entities = link_entities(mentions, languages)
    company = entity_of(entities, "e")
    assert company.type == "org" and company is entity_of(entities, "a")
    assert entity_of(entities, "d", at=50).type == "org"


def test_a_name_is_shown_with_its_diacritics_however_often_a_source_drops_them() -> None:
    mentions = [
        mention("a", "Rimvydas Žemaitėlis"),
        mention("b", "Rimvydas Zemaitelis"),
        mention("c", "Rimvydas Zemaitelis"),
    ]
    (entity,) = link_entities(mentions, {"a": "en", "b": "en", "c": "en"})
    assert entity.name == "Rimvydas Žemaitėlis"
    assert entity.aliases == ["Rimvydas Zemaitelis", "Rimvydas Žemaitėlis"]


def test_a_place_run_together_with_a_person_after_it_is_split_in_two() -> None:
    glued = "Мэр общины Ост-Велмер Хенрике Дальхоф-Брандт распорядилась."
    at = glued.index("Ост")
    mentions = [
        mention("nl", "Oost-Velmer", "place"),
        mention("nl", "Henrike Dalhof-Brandt", "person", at=20),
        mention("ru", "Ост-Велмер Хенрике Дальхоф-Брандт", "place", at=at),
        # a longer name that ends in no person's full name stays whole
        mention("en", "San Diego Chargers", "org"),
        mention("en", "San Diego", "place", at=40),
    ]
    entities = link_entities(mentions, {"nl": "nl", "ru": "ru", "en": "en"})
    town = entity_of(entities, "nl", 0)
    mayor = entity_of(entities, "nl", 20)
    assert town.aliases == ["Oost-Velmer", "Ост-Велмер"]
    assert mayor.aliases == ["Henrike Dalhof-Brandt", "Хенрике Дальхоф-Брандт"]
    assert entity_of(entities, "ru", at) is town
    split = next(m for m in mayor.mentions if m.article == "ru")
    assert split.start == at + len("Ост-Велмер ")
    assert entity_of(entities, "en", 0).name == "San Diego Chargers"


def test_an_adjective_taken_into_a_place_name_is_left_out_when_the_place_is_named_alone() -> None:
    mentions = [
        mention("nl", "West-Russische Smolensk", "place", at=40),  # "het West-Russische ..."
        mention("en", "Smolensk", "place", at=10),  # "the western city of Smolensk"
        mention("en", "West", "place", at=90),  # "his escape to the West"
        mention("de", "Russischen Smolensk", "place", at=5),  # "im Russischen Smolensk"
        mention("nl", "Haagse Bos", "place", at=200),  # a park: no "Bos" alone
    ]
    languages = {"nl": "nl", "en": "en", "de": "de"}
    entities = link_entities(mentions, languages)
    smolensk = entity_of(entities, "en", at=10)
    assert smolensk.name == "Smolensk" and smolensk.aliases == ["Smolensk"]
    assert sorted((m.article, m.start, m.end) for m in smolensk.mentions) == [
        ("de", 16, 24),
        ("en", 10, 18),
        ("nl", 55, 63),
    ]
    assert entity_of(entities, "en", at=90).name == "West"
    assert entity_of(entities, "nl", at=200).name == "Haagse Bos"


def test_a_noun_on_an_acronym_taken_into_a_place_name_is_left_out() -> None:
    mentions = [
        mention("nl", "EU-land Litouwen", "place", at=40),  # "via Belarus en EU-land Litouwen"
        mention("nl", "Litouwen", "place", at=120),  # "In Litouwen krijgen ..."
        mention("en", "Lithuania", "place", at=10),
        mention("nl", "NAVO-top Vilnius", "place", at=300),  # no "Vilnius" alone: whole
    ]
    entities = link_entities(mentions, {"nl": "nl", "en": "en"})
    lithuania = entity_of(entities, "nl", at=120)
    assert entity_of(entities, "nl", at=40 + len("EU-land ")) is lithuania
    assert entity_of(entities, "en", at=10) is lithuania
    assert entity_of(entities, "nl", at=300).name == "NAVO-top Vilnius"


def test_a_hyphened_role_or_thing_is_cut_off_the_name_it_is_of() -> None:
    mentions = [
        mention("de", "Iberia-Chefin", "org", at=60),  # "von Iberia-Chefin Marta Villanueva"
        mention("de", "Lufthansa-Sprecher", "other", at=200),  # "Ein Lufthansa-Sprecher ..."
        mention("nl", "KLM-topman", "other", at=20),  # "KLM-topman Marjan Rintel"
        mention("en", "Lufthansa", "org", at=10),
        mention("es", "Iberia", "org", at=30),
        mention("de", "Baden-Württemberg", "place", at=400),  # no role: whole
        mention("de", "Mercedes-Benz", "org", at=500),
    ]
    languages = {"de": "de", "nl": "nl", "en": "en", "es": "es"}
    entities = link_entities(mentions, languages)
    iberia = entity_of(entities, "es", at=30)
    assert entity_of(entities, "de", at=60) is iberia
    assert iberia.aliases == ["Iberia"] and iberia.type == "org"
    lufthansa = entity_of(entities, "en", at=10)
    assert entity_of(entities, "de", at=200) is lufthansa
    assert [(m.start, m.end) for m in lufthansa.mentions if m.article == "de"] == [(200, 209)]
    assert entity_of(entities, "nl", at=20).name == "KLM"
    assert entity_of(entities, "de", at=400).name == "Baden-Württemberg"
    assert entity_of(entities, "de", at=500).name == "Mercedes-Benz"


def test_a_party_read_as_one_name_with_its_leaders_is_split_at_of() -> None:
    text = "Parti du progrès d'Anneke Draaisma"
    mentions = [
        mention("fr", text, "org", at=4),  # "Le Parti du progrès d'Anneke Draaisma a remporté"
        mention("fr", "Draaisma", "place", at=200),  # "Mme Draaisma, 52 ans"
        mention("en", "Anneke Draaisma", "person", at=30),
        mention("fr", "Musée d'Orsay", "org", at=300),  # no person after "d'": whole
    ]
    entities = link_entities(mentions, {"fr": "fr", "en": "en"})
    draaisma = entity_of(entities, "en", at=30)
    assert entity_of(entities, "fr", at=4 + text.index("Anneke")) is draaisma
    assert entity_of(entities, "fr", at=200) is draaisma
    party = entity_of(entities, "fr", at=4)
    assert (party.name, party.type) == ("Parti du progrès", "org")
    assert entity_of(entities, "fr", at=300).name == "Musée d'Orsay"


def test_a_plural_noun_opening_a_sentence_is_no_english_name() -> None:
    mentions = [
        mention("en", "Detectives", "person", at=10),  # "Detectives are asking for tips"
        mention("en", "Unions", "place", at=60),  # "Unions have called a strike"
        mention("en", "Refunds", "person", at=90),  # "Refunds will range from ..."
        mention("en", "Banks", "person", at=120),  # "Banks said", beside her full name
        mention("en", "Tyra Banks", "person", at=200),
        mention("en", "Jaguars", "org", at=300),  # a team
        mention("en", "Queens", "place", at=400),  # a borough the gazetteer knows
        mention("en", "Palestinians", "other", at=500),
        mention("en", "Stokes", "place", at=600),  # "on Highway 30 in Stokes"
        mention("de", "Officers", "person", at=10),  # English rule only
    ]
    entities = link_entities(mentions, {"en": "en", "de": "de"})
    kept = {m.start for entity in entities for m in entity.mentions if m.article == "en"}
    assert kept == {120, 200, 300, 400, 500, 600}  # not Detectives, Unions, Refunds
    assert entity_of(entities, "de", at=10).name == "Officers"


def test_a_name_of_no_type_in_one_report_takes_the_type_another_gives_it() -> None:
    mentions = [
        mention("en", "KNMI", "org", at=10),  # "the Dutch weather service KNMI"
        mention("nl", "KNMI", "other", at=20),  # "meldt het KNMI"
    ]
    entities = link_entities(mentions, {"en": "en", "nl": "nl"})
    knmi = entity_of(entities, "en", at=10)
    assert entity_of(entities, "nl", at=20) is knmi and knmi.type == "org"


def test_a_miscellaneous_name_joins_the_one_longer_name_it_ends() -> None:
    mentions = [
        mention("nl", "Storm Ingrid", "other", at=0),
        mention("en", "Ingrid", "other", at=6),  # "Storm Ingrid" read as the name alone
        mention("en", "Airbus A321", "other", at=100),
        mention("de", "Airbus", "other", at=30),
    ]
    entities = link_entities(mentions, {"nl": "nl", "en": "en", "de": "de"})
    assert entity_of(entities, "en", at=6) is entity_of(entities, "nl", at=0)
    assert entity_of(entities, "de", at=30) is entity_of(entities, "en", at=100)


def test_two_countries_read_as_one_name_are_split() -> None:
    mentions = [
        mention("nl", "Finland Europa", "place", at=50),  # "... of Finland Europa te bereiken"
        mention("en", "Finland", "place", at=10),
        mention("en", "Washington Heights", "place", at=90),  # a place as a whole
    ]
    entities = link_entities(mentions, {"nl": "nl", "en": "en"})
    finland = entity_of(entities, "en", at=10)
    assert entity_of(entities, "nl", at=50) is finland
    europe = entity_of(entities, "nl", at=50 + len("Finland "))
    assert europe.place is not None and europe.place.name == "Europe"
    assert entity_of(entities, "en", at=90).name == "Washington Heights"


def test_a_route_read_as_one_name_is_split_into_its_places() -> None:
    mentions = [
        mention("en", "Adler–Kaliningrad", "person", at=20),  # "a sealed Adler–Kaliningrad train"
        mention("en", "Kaliningrad", "place", at=90),
        mention("en", "Winston-Salem", "place", at=120),  # a hyphen joins one name
        mention("en", "Ada Brook–Smith", "person", at=150),  # ends that are no places
    ]
    entities = link_entities(mentions, {"en": "en"})
    adler = entity_of(entities, "en", at=20)
    assert adler.type == "place" and adler.place is not None and adler.place.country == "RU"
    assert entity_of(entities, "en", at=20 + len("Adler–")) is entity_of(entities, "en", at=90)
    assert entity_of(entities, "en", at=120).name == "Winston-Salem"
    assert entity_of(entities, "en", at=150).type == "person"


def test_a_countrys_formal_name_is_that_country() -> None:
    mentions = [
        mention("en", "Republic of Lithuania", "place", at=10),
        mention("nl", "Republiek Litouwen", "place", at=10),
        mention("en", "Lithuania", "place", at=60),
    ]
    entities = link_entities(mentions, {"en": "en", "nl": "nl"})
    lithuania = entity_of(entities, "en", at=60)
    assert entity_of(entities, "en", at=10) is lithuania
    assert entity_of(entities, "nl", at=10) is lithuania
    # a form before a state or a town is no country's name
    assert resolve_place("Republic of Texas", "en") is None


def test_a_name_of_no_known_type_is_the_town_another_article_places() -> None:
    mentions = [
        mention("a", "Kybartai", "place", at=30),  # "near the town of Kybartai"
        mention("b", "Kybartai", "other", at=12),  # "as the train approached Kybartai"
        mention("a", "Warren", "place", at=60),  # "in Warren, Ohio"
        mention("b", "Warren", "person", at=70),  # "Warren said": a surname stays one
    ]
    entities = link_entities(mentions, {"a": "en", "b": "en"})
    town = entity_of(entities, "b", at=12)
    assert town.type == "place" and town is entity_of(entities, "a", at=30)
    assert town.place is not None and town.place.country == "LT"
    assert entity_of(entities, "b", at=70).type == "person"


def test_a_state_agency_places_the_story_in_its_state() -> None:
    mentions = [
        mention("a", "Vermont State Police", "org"),
        mention("a", "Craftsbury", "place", at=40),
        mention("b", "Plainfield", "place", at=40),
        mention("b", "Georgia Bureau of Investigation", "org"),
    ]
    entities = link_entities(mentions, {"a": "en", "b": "en"})
    town = entity_of(entities, "a", at=40).place
    assert town is not None and town.region == "US-VT"
    # Plainfield lies in several states; Vermont's is the story's
    other = entity_of(entities, "b", at=40).place
    assert other is not None and other.region == "US-VT"
    # an agency named after no place, or a country's, sets no division
    assert story_areas([mention("c", "Georgia Bureau of Investigation", "org")], {"c": "en"}) == (
        frozenset()
    )


def test_a_country_s_name_that_villages_abroad_share_still_places_the_story() -> None:
    # "Canada" is also a village in Spain and in Mexico: it still names the country,
    # so "Vancouver" beside it is the Canadian city, though "États-Unis" is named too
    mentions = [
        mention("a", "Vancouver", "place", at=10),
        mention("a", "Canada", "place", at=30),
        mention("b", "États-Unis", "place", at=10),
    ]
    assert {"CA", "US"} <= story_areas(mentions, {"a": "fr", "b": "fr"})
    town = entity_of(link_entities(mentions, {"a": "fr", "b": "fr"}), "a", at=10).place
    assert town is not None and town.country == "CA"
    # a name a US state also bears stays no evidence for either ("Georgia")
    assert story_areas([mention("c", "Georgia", "place")], {"c": "en"}) == frozenset()


def test_a_police_or_fire_service_names_the_town_or_county_it_serves() -> None:
    mentions = [
        mention("a", "Tampa Fire Rescue", "org", at=10),
        mention("a", "the Tampa Police Department", "org", at=60),
        mention("b", "Bibb County Sheriff's Office", "org", at=10),
        mention("c", "Bossier Sheriff's Office", "org", at=10),  # a sheriff serves a county
        mention("c", "Metro Police", "org", at=60),  # "Metro" is the Indonesian town too
    ]
    entities = link_entities(mentions, {"a": "en", "b": "en", "c": "en"})
    places = {e.name: e for e in entities if e.type == "place"}
    assert sorted(places) == ["Bibb County", "Tampa"]
    tampa = places["Tampa"]
    assert tampa.place is not None and tampa.place.region == "US-FL"
    assert [(m.article, m.start, m.end) for m in tampa.mentions] == [("a", 10, 15), ("a", 64, 69)]
    assert [(m.article, m.start) for m in places["Bibb County"].mentions] == [("b", 10)]
    # the services stay organisations beside their towns
    assert {e.name for e in entities if e.type == "org"} == {
        "Tampa Fire Rescue", "the Tampa Police Department", "Bibb County Sheriff's Office",
        "Bossier Sheriff's Office", "Metro Police",
    }  # fmt: skip


def test_an_everyday_word_read_as_a_place_the_gazetteer_lacks_is_no_entity() -> None:
    mentions = [
        mention("a", "Photo", "place", at=0),  # "Photo: Jo Bradley"
        mention("a", "Published", "place", at=20),
        mention("a", "Mobile", "place", at=40),  # a town of that word
        mention("a", "Hengelveld", "place", at=60),  # a village the gazetteer lacks
        mention("b", "Foto", "place", at=0),  # Dutch: everyday word too
        mention("a", "Visit", "org", at=80),  # organisations are not judged
        mention("a", "West", "place", at=100),  # "his escape to the West": a region
        # a small town's other name only: "Area" is one of Mundelein's, "Presidente"
        # one of Presidente Médici's ("el Presidente" of a Spanish report)
        mention("a", "Area", "place", at=120),
        mention("c", "Presidente", "place", at=0),
        mention("d", "Wien", "place", at=0),  # a big city's other name stays
    ]
    entities = link_entities(mentions, {"a": "en", "b": "nl", "c": "es", "d": "de"})
    assert sorted((e.type, e.name) for e in entities) == [
        ("org", "Visit"),
        ("place", "Hengelveld"),
        ("place", "Mobile"),
        ("place", "Vienna"),
        ("place", "West"),
    ]


def test_an_international_body_is_one_entity_in_every_language() -> None:
    mentions = [
        mention("en", "European Union", "org", at=0),
        mention("nl", "Europese Unie", "place", at=0),  # typed a place by the model
        mention("ru", "Евросоюза", "org", at=0),
        mention("de", "EU", "org", at=0),
        mention("nl", "NAVO", "org", at=40),
        mention("en", "NATO", "org", at=40),
        mention("en", "Who", "org", at=80),  # not the WHO: an acronym counts in capitals
    ]
    languages = {"en": "en", "nl": "nl", "ru": "ru", "de": "de"}
    entities = link_entities(mentions, languages)
    union = entity_of(entities, "en", at=0)
    assert union.name == "European Union" and union.type == "org"
    assert all(entity_of(entities, a, at=0) is union for a in ("nl", "ru", "de"))
    nato = entity_of(entities, "en", at=40)
    assert nato is entity_of(entities, "nl", at=40) and nato.name == "NATO"
    assert entity_of(entities, "en", at=80).name == "Who"
    # one clustering key too
    assert name_key("Europese Unie", "org", "nl") == name_key("the European Union", "org", "en")
    # an organisation of the table is one, whatever type the model gave each mention
    ngo = [mention("en", "Amnesty International", t, at=a) for t, a in (("person", 0), ("org", 90))]
    (amnesty,) = link_entities(ngo, {"en": "en"})
    assert amnesty.type == "org" and len(amnesty.mentions) == 2


def test_a_nationality_word_is_one_entity_in_every_language() -> None:
    mentions = [
        mention("en", "German", "other", at=0),
        mention("nl", "Duitse", "other", at=0),
        mention("de", "deutscher", "other", at=0),
        mention("ru", "немецкого", "other", at=0),
        mention("nl", "Litouwse", "other", at=40),
        mention("en", "Lithuanians", "other", at=40),
        mention("de", "Polen", "place", at=40),  # the country, not the Poles
    ]
    languages = {"en": "en", "nl": "nl", "de": "de", "ru": "ru"}
    entities = link_entities(mentions, languages)
    german = entity_of(entities, "en", at=0)
    assert german.name == "German" and german.type == "other"
    assert all(entity_of(entities, a, at=0) is german for a in ("nl", "de", "ru"))
    lithuanian = entity_of(entities, "nl", at=40)
    assert lithuanian is entity_of(entities, "en", at=40) and lithuanian.name == "Lithuanian"
    assert entity_of(entities, "de", at=40).type == "place"
    # only a whole mention is a nationality word
    assert demonym_of("West-Russische Smolensk") is None
    assert demonym_of("Wit-Russische") == "Belarusian"


def test_places_in_chinese_japanese_and_korean_link_without_a_tokenizer() -> None:
    # wordfreq reads these languages only with jieba or MeCab, which are not installed:
    # the everyday-word check must pass them by, not stop the run
    mentions = [
        mention(a, name, "place") for a, name in (("zh", "北京"), ("ja", "東京"), ("ko", "서울"))
    ]
    entities = link_entities(mentions, {"zh": "zh", "ja": "ja", "ko": "ko"})
    assert {e.name for e in entities} >= {"Beijing", "Seoul"}


def test_a_one_word_person_its_article_also_calls_a_place_is_that_place() -> None:
    village = [mention("a", "Kesselbrück", "place"), mention("a", "Kesselbrück", "person", 90)]
    entities = link_entities(village, {"a": "en"})
    assert [(e.type, len(e.mentions)) for e in entities] == [("place", 2)]
    # a child told by first name, once taken for a place, stays a person
    child = [mention("b", "Tristan", "place")] + [
        mention("b", "Tristan", "person", at) for at in (40, 80, 120)
    ]
    assert entity_of(link_entities(child, {"b": "en"}), "b", 40).type == "person"
    # and so does a name the story gives in full
    named = [
        mention("c", "Warren", "place"),
        mention("c", "Warren", "person", 50),
        mention("c", "Elizabeth Warren", "person", 90),
    ]
    assert entity_of(link_entities(named, {"c": "en"}), "c", 50).type == "person"


def test_a_german_genitive_s_is_the_name_it_is_added_to() -> None:
    mentions = [
        mention("a", "Wladimir Putin", "person"),
        mention("a", "Putins", "org", 40),
        mention("a", "Kesselbrück", "place", 80),
        mention("a", "Kesselbrücks", "person", 120),
        mention("a", "Hans", "person", 160),
    ]
    entities = link_entities(mentions, {"a": "de"})
    putin = entity_of(entities, "a", 40)
    assert putin.type == "person" and putin.name == "Wladimir Putin"
    assert [(m.start, m.end) for m in putin.mentions] == [(0, 14), (40, 45)]
    village = entity_of(entities, "a", 120)
    assert village.type == "place" and len(village.mentions) == 2
    assert entity_of(entities, "a", 160).name == "Hans"
    # English has no such genitive: the "-s" word keeps its own type there
    english = [mention("b", "Kesselbrück", "place"), mention("b", "Kesselbrücks", "person", 40)]
    assert entity_of(link_entities(english, {"b": "en"}), "b", 40).type == "person"


def test_a_country_taken_for_an_organisation_is_the_place_another_article_names() -> None:
    mentions = [mention("a", "France", "place"), mention("b", "France", "org")]
    entities = link_entities(mentions, {"a": "en", "b": "fr"})
    assert [(e.type, len(e.mentions)) for e in entities] == [("place", 2)]
    # a company is not a place for sharing a town's name
    firms = [mention("a", "Chicago", "place"), mention("b", "Chicago", "org")]
    assert sorted(e.type for e in link_entities(firms, {"a": "en", "b": "en"})) == ["org", "place"]


# ----------------------------------------------------------------- translated names


def _orgs_linked(encode: NameEncoder | None) -> list[list[str]]:
    mentions = [
        mention("en", "Perm State University", "org"),
        mention("en", "Perm State Medical University", "org", 40),
        mention("ru", "Пермском государственном университете", "org"),
        mention("fr", "ministère de la Santé", "org"),
        mention("ru2", "Министерство внутренних дел", "org"),
    ]
    languages = {"en": "en", "ru": "ru", "fr": "fr", "ru2": "ru"}
    entities = link_entities(mentions, languages, encode=encode)
    return sorted(sorted(e.aliases) for e in entities)


def test_an_organisation_named_in_two_languages_is_one_with_an_encoder() -> None:
    """The shipped multilingual embedder places a name near its translation; each
    name joins only its closest of another language, and no different body."""
    linked = _orgs_linked(get_embedder().encode)
    assert ["Perm State University", "Пермском государственном университете"] in linked
    assert ["Perm State Medical University"] in linked
    assert ["ministère de la Santé"] in linked and ["Министерство внутренних дел"] in linked
    # without an encoder names in two languages stay apart
    assert len(_orgs_linked(None)) == 5


def test_translated_pairs_need_no_shared_language_and_each_the_others_best() -> None:
    groups = [
        NamedGroup(frozenset({"en"}), ("A",)),
        NamedGroup(frozenset({"ru"}), ("B",)),
        NamedGroup(frozenset({"en", "ru"}), ("C",)),
        NamedGroup(frozenset({"fr"}), ("D",)),
    ]
    vectors = {
        "A": [1.0, 0.0, 0.0],
        "B": [0.9, 0.436, 0.0],  # 0.9 to A
        "C": [0.9, 0.0, 0.436],  # 0.9 to A, but shares a language with both
        "D": [0.85, 0.527, 0.0],  # 0.85 to A, 0.995 to B
    }

    def encode(names: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.array([vectors[n] for n in names], dtype=np.float32)

    # B's closest is D, so A and B are not each other's best at first; once B and D
    # are one, A is that one's closest (C shares a language with each)
    assert translated_pairs(groups, encode) == [(0, 1), (1, 3)]
    assert translated_pairs(groups[:3], encode) == [(0, 1)]
    far = {**vectors, "A": [0.0, 0.0, 1.0]}  # 0.436 to C at most: no one's match

    def encode_far(names: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.array([far[n] for n in names], dtype=np.float32)

    assert translated_pairs(groups, encode_far) == [(1, 3)]
    unsure = [NamedGroup(frozenset({"en"}), ("A",)), NamedGroup(frozenset({"und"}), ("B",))]
    assert translated_pairs(unsure, encode) == []


@pytest.mark.parametrize(
    ("declined", "nominative"),
    [
        ("Дональда Трампа", "Дональд Трамп"),  # a surname the dictionary knows
        ("Эммануэля Макрона", "Эммануэль Макрон"),  # read by the man's name before it
        ("Хенрике Дальхоф-Брандт", "Хенрике Дальхоф-Брандт"),  # a nominative kept
    ],
)
def test_declined_names_share_the_key_of_their_nominative(declined: str, nominative: str) -> None:
    assert name_key(declined, "person", "ru") == name_key(nominative, "person", "ru")


def test_a_foreign_mans_name_in_russian_cases_is_one_person_shown_in_the_nominative() -> None:
    # OpenCorpora files "Карлос" as a surname, so "Карлоса" had not shown the case;
    # "Гону" and "Ауна" are a surname alone in the dative and the genitive
    mentions = [
        mention("a", "Карлос Гон"),
        mention("a", "Гону", at=30),
        mention("b", "Карлоса Гона"),
        mention("b", "Мишелем Ауном", at=30),
        mention("b", "Ауна", at=60),
        mention("c", "Жан-Клода Юнкера"),
    ]
    entities = link_entities(mentions, {"a": "ru", "b": "ru", "c": "ru"})
    assert {e.name: e.aliases for e in entities} == {
        "Карлос Гон": ["Гону", "Карлос Гон", "Карлоса Гона"],
        "Мишель Аун": ["Ауна", "Мишелем Ауном"],  # no source names him in the nominative
        "Жан-Клод Юнкер": ["Жан-Клода Юнкера"],
    }


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        (["Анны Петровой"], "Анны Петровой"),  # a woman's name is not rebuilt
        (["Элены Феррер"], "Элены Феррер"),
        (["Мишелем Ауном", "Мишель Аун"], "Мишель Аун"),  # a source's nominative first
    ],
)
def test_only_a_mans_name_told_in_other_cases_is_shown_rebuilt(
    names: list[str], shown: str
) -> None:
    mentions = [mention("a", name, at=40 * i) for i, name in enumerate(names)]
    (entity,) = link_entities(mentions, {"a": "ru"})
    assert entity.name == shown


def test_a_russian_surname_alone_joins_no_full_name_by_a_vowel_ending() -> None:
    # "Мэя" is no case form of the surname "Мэй" (its stem ends in a vowel sound)
    mentions = [mention("a", "Тереза Мэй"), mention("a", "Мэя", at=30)]
    assert len(link_entities(mentions, {"a": "ru"})) == 2


def test_a_lone_cyrillic_surname_joins_the_one_english_full_name_it_sounds_like() -> None:
    mentions = [mention("en", "Theresa May"), mention("ru", "Мэй"), mention("ru2", "Джонсон")]
    entities = link_entities(mentions, {"en": "en", "ru": "ru", "ru2": "ru"})
    assert sorted(e.aliases for e in entities) == [["Theresa May", "Мэй"], ["Джонсон"]]


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Dmitry Peskov", "Алексей Пушков"),  # surnames alike, given names not
        ("Jeremy Hunt", "Джереми Корбин"),
        ("Theresa May", "Тереза Мур"),
    ],
)
def test_names_that_sound_different_stay_apart_across_scripts(latin: str, cyrillic: str) -> None:
    mentions = [mention("en", latin), mention("ru", cyrillic)]
    assert len(link_entities(mentions, {"en": "en", "ru": "ru"})) == 2


def test_a_latin_name_is_read_by_english_french_german_and_spanish_spelling() -> None:
    assert sound_skeletons("Michel", cyrillic=False) >= {"mkl", "msl"}  # Michael, Мишель
    assert sound_skeletons("Volker", cyrillic=False) >= {"vlkr", "flkr"}  # Фолькер
    assert sound_skeletons("Мишель", cyrillic=True) == {"msl"}
    assert "mrks" in sound_skeletons("Márquez", cyrillic=False)  # Spanish: Маркес


@pytest.mark.parametrize(
    ("latin", "cyrillic", "skeleton"),
    [
        ("Johnson", "Джонсон", "jnsn"),
        ("George", "Джордж", "jrj"),
        ("Charles", "Чарльз", "krls"),
        ("Hunt", "Хант", "ant"),
        ("Cecil", "Сесил", "ssl"),
    ],
)
def test_a_name_in_two_scripts_has_one_sound_skeleton(
    latin: str, cyrillic: str, skeleton: str
) -> None:
    assert sound_skeleton(latin, cyrillic=False) == skeleton
    assert sound_skeleton(cyrillic, cyrillic=True) == skeleton


def test_case_endings_join_names_only_where_the_language_declines_them() -> None:
    english = [mention("a", "Donald Tusk"), mention("b", "Donalda Tuska")]
    assert len(link_entities(english, {"a": "en", "b": "en"})) == 2
    other = [mention("en", "Jakub Krupa"), mention("pl", "Jakub Kukla")]
    assert len(link_entities(other, {"en": "en", "pl": "pl"})) == 2


def test_the_names_benchmark_reads_person_spans_with_their_english_ids(tmp_path: Path) -> None:
    from corroborate.bench import names_across

    rows = [
        "docId,sentenceId,tokenId,text,lemma,calcLemma,upos,xpos,ner,clID",
        "ru-1,0,1,Министр,,,,NOUN,O,",
        "ru-1,0,2,Анны,,,,PROPN,B-PER,PER-Anna-Petrova",
        "ru-1,0,3,Петровой,,,,PROPN,I-PER,PER-Anna-Petrova",
        "ru-1,0,4,МИД,,,,PROPN,B-ORG,ORG-Ministry",
        "ru-1,0,5,Иван,,,,PROPN,B-PER,PER-Ivan-Sokolov",
        "ru-1,0,6,Соколов,,,,PROPN,I-PER,PER-Ivan-Sokolov",
    ]
    data = "\n".join(rows).encode("utf-8")
    archive = tmp_path / "bench-data" / names_across.ARCHIVES["ru"]
    archive.parent.mkdir(parents=True)
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("raw/topic/ru_file_1.csv")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    found = names_across.load_mentions(tmp_path, "ru")
    assert found == {
        names_across.PersonMention("Анны Петровой", "Anna Petrova", "topic"),
        names_across.PersonMention("Иван Соколов", "Ivan Sokolov", "topic"),
    }
    # both join their own English name; neither joins the other's
    assert names_across.score(found, "ru", names_across.linked) == (2, 2, 0, 2)


def test_a_title_the_model_split_off_a_name_is_no_person() -> None:
    # "Interior Minister Ali Yerlikaya said": the model read two persons
    mentions = [
        mention("a", "Interior Minister", at=0),
        mention("a", "Ali Yerlikaya", at=18),
        mention("b", "Ali Yerlikaya"),
    ]
    (person,) = link_entities(mentions, {"a": "en", "b": "en"})
    assert person.name == "Ali Yerlikaya"
    # a title with no name right after it stays what the model read
    alone = [mention("a", "Interior Minister", at=0), mention("a", "Ali Yerlikaya", at=40)]
    assert len(link_entities(alone, {"a": "en"})) == 2


def test_an_organisation_named_by_its_acronym_with_a_description_is_that_acronym() -> None:
    mentions = [
        mention("de", "Katastrophenschutzbehörde AFAD", "org"),
        mention("en", "AFAD", "org"),
        mention("es", "AFAD", "org"),
    ]
    (agency,) = link_entities(mentions, {"de": "de", "en": "en", "es": "es"})
    assert agency.name == "AFAD"
    assert agency.aliases == ["AFAD", "Katastrophenschutzbehörde AFAD"]


@pytest.mark.parametrize(
    ("latin", "written", "language"),
    [
        # Russian cases read back to the nominative: given names, a woman's foreign
        # surname that does not decline, Russian surnames
        ("Elena Ferrer", "Элены Феррер", "ru"),
        ("Anna Petrova", "Анны Петровой", "ru"),
        ("Igor Sechin", "Игорем Сечиным", "ru"),
        # English names that Russian writes as they sound
        ("Boris Johnson", "Бориса Джонсона", "ru"),
        ("Theresa May", "Терезы Мэй", "ru"),  # a surname of one sound, beside its given name
        ("Jeremy Hunt", "Джереми Ханта", "ru"),
        ("Andrew Bridgen", "Эндрю Бриджен", "ru"),
        ("Matthew Hancock", "Мэттью Хэнкок", "ru"),
        ("Margaret Thatcher", "Маргарет Тэтчер", "ru"),
        # French and German names, read by their own spelling; a one-sound given name
        # beside a longer surname
        ("Michel Barnier", "Мишель Барнье", "ru"),
        ("Nicolas Sarkozy", "Николя Саркози", "ru"),
        ("Guenther Oettinger", "Гюнтер Эттингер", "ru"),
        ("Joe Biden", "Джо Байден", "ru"),
        ("Tom Watson", "Том Уотсон", "ru"),  # an English "w" Russian writes "у"
        ("Adolf Hitler", "Адольф Гитлер", "ru"),  # a German "h" Russian writes "г"
        # Spanish names, read by Spanish spelling
        ("Elena Márquez", "Элены Маркес", "ru"),
        ("Pedro Jiménez", "Педро Хименес", "ru"),
        ("Felipe González", "Фелипе Гонсалес", "ru"),
        # Polish case endings
        ("Donald Tusk", "Donalda Tuska", "pl"),
        ("Theresa May", "Theresy May", "pl"),
        ("Mateusz Morawiecki", "Mateusza Morawieckiego", "pl"),
        ("Donald Trump", "Donaldowi Trumpowi", "pl"),
        ("Nick Clegg", "Nickiem Cleggiem", "pl"),
    ],
)
def test_a_name_as_another_language_writes_it_is_the_person_named_in_latin(
    latin: str, written: str, language: str
) -> None:
    mentions = [mention("en", latin), mention(language, written)]
    (person,) = link_entities(mentions, {"en": "en", language: language})
    assert person.aliases == [latin, written]


@pytest.mark.parametrize(
    "text",
    ["Людвигсхафен", "Людвигсхафене", "Людвигсхафена", "Людвигсхафеном", "Ludwigshafen"],
)
def test_a_russian_town_named_without_its_river_and_in_any_case_resolves(text: str) -> None:
    # GeoNames knows it as "Людвигсхафен-на-Рейне"; the dictionary guesses the locative
    # back to "людвигсхафена"
    language = "en" if text.isascii() else "ru"
    place = resolve_place(text, language)
    assert place is not None and place.name == "Ludwigshafen am Rhein"

"""The reconcile and timeline stages on hand-written articles and claims.

Quantities and time expressions are built by hand here, so these tests check the
grouping, verdicts and ordering logic apart from the extractors.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from corroborate.aliases import link_entities, resolve_place
from corroborate.model import (
    Article,
    Claim,
    Entity,
    Fact,
    Mention,
    NamedMention,
    Place,
    Quantity,
    TimeExpression,
    source_label,
)
from corroborate.quantities import find_quantities
from corroborate.reconcile import ReconcileParams, article_values, reconcile
from corroborate.reconcile.claims import quantity_items
from corroborate.reconcile.coincidence import PRIOR_WEIGHT, ValueReference
from corroborate.reconcile.compare import (
    date_reading,
    format_value,
    quantity_reading,
    rounding_step,
    verdict,
)
from corroborate.reconcile.facts import GroupingParams, group_claims
from corroborate.reconcile.implicit import REFERRED_VICTIM, implied_counts
from corroborate.reconcile.named import named_casualties
from corroborate.reconcile.sentences import Sentences
from corroborate.reconcile.similarity import SentenceSimilarity
from corroborate.reconcile.slots import count_slot, counts_people, noun_key
from corroborate.timeline import build_timeline
from corroborate.timex import find_time_expressions


def _article(
    article_id: str, text: str, language: str = "en", outlet: str | None = None
) -> Article:
    return Article(
        id=article_id,
        source=article_id,
        content_hash=article_id,
        text=text,
        language=language,
        outlet=outlet or f"Outlet {article_id}",
    )


def _quantity(article: Article, text: str, low: float, **kwargs: object) -> Quantity:
    start = article.text.index(text)
    values: dict[str, object] = {"high": low, "normalized_low": low, "normalized_high": low}
    values.update(kwargs)
    return Quantity(article.id, start, start + len(text), text, low, **values)  # type: ignore[arg-type]


def _person(entity_id: str, name: str, *places: tuple[Article, str]) -> Entity:
    mentions = [Mention(a.id, a.text.index(t), a.text.index(t) + len(t)) for a, t in places]
    return Entity(id=entity_id, type="person", name=name, aliases=[name], mentions=mentions)


def _facts(facts: Sequence[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


def _implied_phrases(text: str) -> list[tuple[str, str]]:
    """Each phrase of an English text that implies a casualty, with its slot."""
    return [(text[c.start : c.end], c.slot) for c in implied_counts(text, "en")]


def _implied_people(text: str) -> list[tuple[str, str, int]]:
    """Each such phrase with its slot and how many people it tells of."""
    return [(text[c.start : c.end], c.slot, c.people) for c in implied_counts(text, "en")]


# ------------------------------------------------------------ verdicts


def test_rounding_step_reads_trailing_zeros_and_decimals() -> None:
    assert rounding_step(40) == 10
    assert rounding_step(19) == 1
    assert rounding_step(3.5) == pytest.approx(0.1)
    assert rounding_step(0) == 0


def test_miles_and_kilometres_agree_within_rounding() -> None:
    miles = quantity_reading("a", 19.312, 19.312, 12, True, "12 miles = 19.3 km")
    km = quantity_reading("b", 19, 19, 19, False, "19 km")
    judged = verdict([miles, km], {"a": "Daily", "b": "Weekly"})
    assert judged.status == "agreed"
    assert "within 2%" in judged.explanation


@pytest.mark.parametrize(
    ("first", "last", "shared"),
    [
        (date(2025, 3, 1), date(2025, 3, 31), "the same month"),
        (date(2025, 3, 4), date(2025, 3, 4), "the same day"),
        (date(2025, 1, 1), date(2025, 12, 31), "the same year"),
    ],
)
def test_agreeing_dates_say_what_they_share(first: date, last: date, shared: str) -> None:
    """Two sources naming one month agree on a month, not on "the same date"."""
    judged = verdict(
        [date_reading("a", first, last, "March"), date_reading("b", first, last, "maart")],
        {"a": "Daily", "b": "NOS"},
    )
    assert judged.status == "agreed"
    assert judged.explanation == f"March vs maart: {shared}"


def test_distinct_exact_counts_conflict_and_say_why() -> None:
    judged = verdict(
        [quantity_reading("a", 3, 3, 3, False, "3"), quantity_reading("b", 5, 5, 5, False, "5")],
        {"a": "Daily", "b": "Weekly"},
    )
    assert judged.status == "conflicting"
    assert "Daily" in judged.explanation and "Weekly" in judged.explanation


@pytest.mark.parametrize(("first", "second"), [(11, 12), (10, 11), (23, 24), (101, 102)])
def test_exact_counts_one_apart_conflict_though_their_rounding_meets(
    first: int, second: int
) -> None:
    """11 stands for 10.5-11.5 and 12 for 11.5-12.5: the edge they share is no value
    both could be."""
    judged = verdict(
        [
            quantity_reading("a", first, first, first, False, str(first)),
            quantity_reading("b", second, second, second, False, str(second)),
        ],
        {"a": "Daily", "b": "Weekly"},
    )
    assert judged.status == "conflicting"


@pytest.mark.parametrize(
    ("part", "whole", "status", "explanation"),
    [
        (2, 3, "refined", "2 bailiffs (Daily) are among 3 (Weekly)"),
        (1, 2, "refined", "1 bailiffs (Daily) is among 2 (Weekly)"),
        (4, 3, "conflicting", "4 bailiffs (Daily) vs 3 (Weekly): 25% apart, beyond rounding"),
    ],
)
def test_a_count_of_one_named_group_is_part_of_a_larger_toll_not_its_rival(
    part: int, whole: int, status: str, explanation: str
) -> None:
    # "two bailiffs" were killed, "3 killed" in all (the shooter too); a part never
    # outnumbers its whole
    group = replace(quantity_reading("a", part, part, part, False, f"{part} bailiffs"), part=True)
    toll = quantity_reading("b", whole, whole, whole, False, str(whole))
    judged = verdict([group, toll], {"a": "Daily", "b": "Weekly"})
    assert (judged.status, judged.explanation) == (status, explanation)
    # two named groups are not parts of each other
    other = replace(quantity_reading("c", whole, whole, whole, False, "x"), part=True)
    assert verdict([group, other], {}).status == "conflicting"


def test_sources_conflict_only_when_none_of_their_figures_can_be_one() -> None:
    # a source that also recalls another toll ("six dead" in an earlier riot) agrees
    # with one that gives its own figure, and the agreement is told by the shared one
    own, earlier = (quantity_reading("a", n, n, n, False, str(n)) for n in (16, 6))
    other = quantity_reading("b", 16, 16, 16, False, "16")
    judged = verdict([own, earlier, other], {"a": "Uno", "b": "Dos"})
    assert (judged.status, judged.explanation) == ("agreed", "16 in both sources")
    judged = verdict([earlier, other], {"a": "Uno", "b": "Dos"})
    assert judged.explanation == "6 (Uno) vs 16 (Dos): 62% apart, beyond rounding"


def test_a_figure_within_a_floor_or_a_ceiling_refines_it_and_one_beyond_conflicts() -> None:
    floor = quantity_reading("a", 4, 4, 4, False, "at least 4", "min")
    five = quantity_reading("b", 5, 5, 5, False, "5")
    three = quantity_reading("b", 3, 3, 3, False, "3")
    judged = verdict([floor, five], {"a": "Daily", "b": "Weekly"})
    assert (judged.status, judged.explanation) == (
        "refined",
        "5 (Weekly) is a more precise form of at least 4 (Daily)",
    )
    clash = verdict([floor, three], {"a": "Daily", "b": "Weekly"})
    assert clash.status == "conflicting" and "25% apart" in clash.explanation
    # a floor reaches an order of magnitude up, no further: a share price "at least 6
    # euros" is no "200 million euros"; "more than 80,000" may be 200,000
    price = quantity_reading("a", 6, 6, 6, False, "at least 6 EUR", "min")
    sum_ = quantity_reading("b", 2e8, 2e8, 200, False, "200 million EUR")
    assert verdict([price, sum_], {}).status == "conflicting"
    crowd = quantity_reading("a", 8e4, 8e4, 8e4, False, "at least 80,000", "min")
    assert verdict([crowd, quantity_reading("b", 2e5, 2e5, 2e5, False, "200,000")], {}).status == (
        "refined"
    )
    ceiling = quantity_reading("a", 300, 300, 300, False, "at most 300", "max")
    assert verdict([ceiling, quantity_reading("b", 250, 250, 250, False, "250")], {}).status == (
        "refined"
    )
    assert verdict([ceiling, quantity_reading("b", 400, 400, 400, False, "400")], {}).status == (
        "conflicting"
    )
    floors = [quantity_reading(k, 8e4, 8e4, 8e4, False, "at least 80,000", "min") for k in "ab"]
    assert verdict(floors, {}).explanation == "at least 80,000 in both sources"
    # of two floors the higher says more; a hedged figure refines no bound
    twelve = quantity_reading("a", 12, 12, 12, False, "at least 12", "min")
    fifteen = quantity_reading("b", 15, 15, 15, False, "at least 15", "min")
    assert verdict([twelve, fifteen], {"a": "A", "b": "B"}).explanation == (
        "at least 15 (B) is a more precise form of at least 12 (A)"
    )
    about_150 = quantity_reading("b", 150, 150, 150, True, "150")
    floor_140 = quantity_reading("a", 140, 140, 140, False, "at least 140", "min")
    judged = verdict([floor_140, about_150], {})
    assert (judged.status, judged.explanation) == (
        "agreed",
        "at least 140 vs 150: within each other's bounds",
    )
    nouns = [
        quantity_reading("a", 400, 400, 400, False, "at least 400 Flüge", "min"),
        quantity_reading("b", 400, 400, 400, False, "at least 400 flights", "min"),
    ]
    assert verdict(nouns, {}).explanation == "at least 400 in both sources"
    # the very figure a ceiling names is the same figure, not a more precise one
    gusts = quantity_reading("a", 140, 140, 140, False, "at most 140 km/h", "max")
    judged = verdict([gusts, quantity_reading("b", 140, 140, 140, False, "140 km/h")], {})
    assert (judged.status, judged.explanation) == (
        "agreed",
        "at most 140 km/h vs 140 km/h: the same figure, told as a bound",
    )


def test_rain_in_litres_on_a_square_metre_agrees_with_millimetres_shown_in_mm() -> None:
    texts = {
        "en": ("Some 60 millimetres of rain fell in Lower Saxony.", "en"),
        "de": ("In Niedersachsen fielen 60 Liter Regen pro Quadratmeter.", "de"),
    }
    articles = [_article(key, text, language) for key, (text, language) in texts.items()]
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in articles}
    (rain,) = [f for f in reconcile(articles, quantities, {}, []) if f.kind == "quantity"]
    assert rain.status == "agreed"
    assert "60 mm" in rain.explanation and "0.1 m" not in rain.explanation


def test_equal_exact_figures_agree_even_with_no_rounding_room() -> None:
    """Zero is exact: its reading has no width, and two zeros are still one value."""
    zeros = [quantity_reading(name, 0, 0, 0, False, "0") for name in "ab"]
    assert verdict(zeros, {}).status == "agreed"
    elevens = [quantity_reading(name, 11, 11, 11, False, "11") for name in "ab"]
    assert verdict(elevens, {}).status == "agreed"


def test_a_point_inside_a_stated_range_refines_it() -> None:
    wide = quantity_reading("a", 200, 999, 200, True, "hundreds")
    point = quantity_reading("b", 340, 340, 340, False, "340")
    assert verdict([wide, point], {}).status == "refined"


def test_one_source_alone_is_single_source() -> None:
    judged = verdict([quantity_reading("a", 7, 7, 7, False, "7")], {"a": "Daily"})
    assert judged.status == "single_source"
    assert judged.explanation == "only Daily says 7"


# ------------------------------------------------------------ slots


def _slot_of(text: str, number: str, language: str = "en") -> str | None:
    at = text.index(number)
    return count_slot(text, at, at + len(number), language)


@pytest.mark.parametrize(
    ("text", "number", "language", "slot"),
    [
        (
            "At least 18 gang members were taken to local hospitals on Sunday.",
            "18",
            "en",
            "injured",
        ),
        ("Two victims were transported to a nearby hospital.", "Two", "en", "injured"),
        ("Two men were taken to the police station.", "Two", "en", None),
        # and killed when they died there
        (
            "Two victims were taken to a nearby hospital, where they later died.",
            "Two",
            "en",
            "killed",
        ),
        ("Drie mensen zijn naar het ziekenhuis gebracht.", "Drie", "nl", "injured"),
        ("Drei Menschen kamen ins Krankenhaus.", "Drei", "de", "injured"),
        ("Trois personnes ont été transportées à l'hôpital.", "Trois", "fr", "injured"),
        ("Tres personas fueron trasladadas al hospital.", "Tres", "es", "injured"),
        ("Три человека доставлены в больницу.", "Три", "ru", "injured"),
    ],
)
def test_people_taken_to_hospital_are_injured(
    text: str, number: str, language: str, slot: str | None
) -> None:
    assert _slot_of(text, number, language) == slot


def test_a_part_counted_in_an_aside_leaves_the_cue_to_the_whole() -> None:
    text = "Six people, including two children, were found shot to death on Tuesday."
    assert (_slot_of(text, "Six"), _slot_of(text, "two")) == ("killed", None)
    german = "Sechs Menschen, darunter zwei Kinder, wurden getötet."
    assert (_slot_of(german, "Sechs", "de"), _slot_of(german, "zwei", "de")) == ("killed", None)


def test_a_count_of_people_told_of_a_death_is_no_casualty_count() -> None:
    told = "Students at the school of roughly 275 were told of the boy's death on Monday."
    assert _slot_of(told, "275") is None
    assert _slot_of("Two people were killed, police told reporters.", "Two") == "killed"


def test_wound_up_is_no_wound() -> None:
    assert _slot_of("Three people wound up dead early Thursday.", "Three") == "killed"
    assert _slot_of("Three people wound up in hospital.", "Three") == "injured"


def test_a_cue_right_before_another_number_is_that_numbers() -> None:
    beaten = "She allegedly beat one person and shot two others outside the bar."
    assert (_slot_of(beaten, "one"), _slot_of(beaten, "two")) == (None, "shot")
    dutch = "Hij sloeg een man en verwondde twee anderen met een mes."
    assert (_slot_of(dutch, "een man", "nl"), _slot_of(dutch, "twee", "nl")) == (None, "injured")
    # a comma keeps the cue for the number before it; other words do not count
    fatally = "Four were shot, two fatally, near the park."
    assert (_slot_of(fatally, "Four"), _slot_of(fatally, "two")) == ("shot", "killed")
    questioned = "Police are questioning two teens in connection to the fatal shooting."
    assert _slot_of(questioned, "two") is None
    # suspects: arrested, not the dead the crime's words name
    assert _slot_of("Two men were charged with murder on Friday.", "Two") == "arrested"
    assert _slot_of("He faces two counts of attempted murder.", "two") is None
    dutch = "Twee mannen zijn aangehouden voor de dood van Ada."
    assert _slot_of(dutch, "Twee", "nl") == "arrested"
    dashed = "He is accused of shooting four men - one fatally - at the party."
    assert (_slot_of(dashed, "four"), _slot_of(dashed, "one")) == (None, "killed")
    # an age in commas is no number of its own
    assert _slot_of("Medics pronounced one man, 22, dead at the scene.", "one") == "killed"
    aged = "Four people, including an 11-year-old, were shot at the vigil."
    assert _slot_of(aged, "Four") == "shot"
    assert _slot_of("Two people were shot and one was killed.", "Two") == "shot"
    # a single-shot rifle's calibre; a number right after "shot" still counts
    assert _slot_of("The weapon was a single shot 223, deputies said.", "223") is None
    assert _slot_of("The gunman shot 12 before he fled.", "12") == "shot"


def test_nearest_cue_word_decides_the_casualty_slot() -> None:
    text = "A gunman opened fire, killing three and wounding 12 others."
    three, twelve = text.index("three"), text.index("12")
    assert count_slot(text, three, three + 5, "en") == "killed"
    assert count_slot(text, twelve, twelve + 2, "en") == "injured"
    dutch = "Bij de brand vielen drie doden en vijf gewonden."
    assert count_slot(dutch, dutch.index("vijf"), dutch.index("vijf") + 4, "nl") == "injured"
    assert count_slot("The bridge is 300 metres long.", 14, 17, "en") is None
    fatal = "A man fatally shot seven people and wounded two."
    assert count_slot(fatal, fatal.index("seven"), fatal.index("seven") + 5, "en") == "killed"
    sent = "The crash sent four people to the hospital; two are in stable condition."
    assert count_slot(sent, sent.index("four"), sent.index("four") + 4, "en") == "injured"
    # a hedge stands between the cue and the number
    hedged = "Two gunmen fled after injuring at least four people."
    four = hedged.index("four")
    assert count_slot(hedged, four, four + 4, "en") == "injured"
    assert count_slot(sent, sent.index("two"), sent.index("two") + 3, "en") == "injured"


def test_a_count_that_does_the_deed_fills_no_slot() -> None:
    # the cue is done to someone: the count is of the shooters
    walked = "Two other people walked up and shot him several times."
    assert _slot_of(walked, "Two") is None
    # a nearer cue before the number still decides
    spree = "Police say he killed one person, wounded three others, and then killed himself."
    assert _slot_of(spree, "three") == "injured"
    assert _slot_of("Two men were shot near the park.", "Two") == "shot"
    # "shot at" fired at them; "at least" is a hedge
    assert _slot_of("A man shot at twelve people, then fled.", "twelve") is None
    assert _slot_of("A man shot at least twelve people.", "twelve") == "shot"


def test_gunfire_words_are_no_cue_for_people_shot() -> None:
    assert count_slot("Two men fired shots at the house.", 0, 3, "en") is None
    assert count_slot("Two men with a shotgun robbed the store.", 0, 3, "en") is None
    assert count_slot("Two hunters with shotguns were found shot.", 0, 3, "en") == "shot"


@pytest.mark.parametrize(
    ("sentence", "number", "language", "slot"),
    [
        ("Two other people were not hurt.", "Two", "en", None),
        ("Three others escaped injury.", "Three", "en", None),
        ("Two people weren't injured.", "Two", "en", None),
        ("Twee passagiers raakten niet gewond.", "Twee", "nl", None),
        ("Drei Kinder wurden nicht verletzt.", "Drei", "de", None),
        # a lowered degree still tells of someone hurt
        ("Two others were not seriously hurt.", "Two", "en", "injured"),
        ("Three people were shot, none of them fatally.", "Three", "en", "shot"),
    ],
)
def test_a_denied_cue_fills_no_slot(
    sentence: str, number: str, language: str, slot: str | None
) -> None:
    start = sentence.index(number)
    assert count_slot(sentence, start, start + len(number), language) == slot


@pytest.mark.parametrize(
    ("sentence", "number", "language"),
    [
        ("The leak forced about 200 residents from their homes.", "200", "en"),
        ("Ongeveer 200 bewoners moesten hun huis uit.", "200", "nl"),
        ("Rund 200 Anwohner mussten ihre Häuser verlassen.", "200", "de"),
        ("Die rund 200 evakuierten Bewohner durften zurück.", "200", "de"),
        ("Около 200 жителей были эвакуированы.", "200", "ru"),
        ("Unos 200 vecinos fueron desalojados.", "200", "es"),
    ],
)
def test_people_evacuated_fill_one_slot_in_every_language(
    sentence: str, number: str, language: str
) -> None:
    at = sentence.index(number)
    assert count_slot(sentence, at, at + len(number), language) == "evacuated"


def test_a_distance_after_the_people_counted_leaves_the_cue_to_them() -> None:
    text = "Some 300 residents within 1.2 miles of the site were evacuated as a precaution."
    assert _slot_of(text, "300") == "evacuated"


@pytest.mark.parametrize(
    ("text", "number", "language"),
    [
        ("Quelque 1 600 habitants de cinq villages ont été évacués dans la nuit.", "1 600", "fr"),
        ("Nachts wurden 1500 Anwohner aus fünf Dörfern evakuiert.", "1500", "de"),
        ("Some 1,500 residents of 5 villages were evacuated overnight.", "1,500", "en"),
    ],
)
def test_the_places_the_people_counted_come_from_leave_the_cue_to_them(
    text: str, number: str, language: str
) -> None:
    # "of five villages" counts villages, not the evacuated
    assert _slot_of(text, number, language) == "evacuated"


@pytest.mark.parametrize(
    ("text", "language", "one"),
    [
        ("One of its 22 crew members was slightly injured.", "en", "One"),
        ("Een van de 22 bemanningsleden raakte licht gewond.", "nl", "Een"),
        ("Eines der 22 Besatzungsmitglieder wurde leicht verletzt.", "de", "Eines"),
        ("Один из 22 членов экипажа получил лёгкие травмы.", "ru", "Один"),
    ],
)
def test_one_of_a_group_is_the_one_hurt_not_the_group(text: str, language: str, one: str) -> None:
    assert _slot_of(text, "22", language) is None
    assert _slot_of(text, one, language) == "injured"


def test_a_count_after_a_comma_with_its_own_noun_takes_the_cue_after_it() -> None:
    text = "Спасти удалось 233 горняков, 11 человек погибли, судьба ещё 41 неизвестна."
    assert (_slot_of(text, "233", "ru"), _slot_of(text, "11", "ru")) == (None, "killed")
    # ages in an aside, or one age, are no count of their own
    assert _slot_of("Two men, 19 and 22, were shot.", "Two") == "shot"
    assert _slot_of("One man, 22, was killed.", "One") == "killed"


def test_miners_and_crews_are_people_a_toll_counts() -> None:
    assert counts_people("miners", "en") and counts_people("mijnwerkers", "nl")
    assert counts_people("bemanningsleden", "nl") and not counts_people("containers", "en")


def test_each_language_has_its_own_hedge_words() -> None:
    hedged = {
        "nl": ("De schutter verwondde minstens vier mensen.", "vier"),
        "de": ("Der Täter verletzte mindestens vier Menschen.", "vier"),
        "es": ("El tirador mató a tres personas e hirió a otras cinco.", "cinco"),
        "fr": ("L'attaque a blessé au moins quatre personnes.", "quatre"),
        "ru": ("Нападавший ранил не менее четырех человек.", "четырех"),
    }
    for language, (text, number) in hedged.items():
        at = text.index(number)
        assert count_slot(text, at, at + len(number), language) == "injured", language


def test_a_possessive_between_a_cue_and_its_count_is_passed_over() -> None:
    owned = {
        "en": ("Police said the man killed his two sons on Friday.", "two"),
        "nl": ("De man doodde zijn twee kinderen.", "twee"),
        "de": ("Der Mann tötete seine zwei Söhne.", "zwei"),
        "es": ("El hombre mató a sus dos hijos.", "dos"),
        "fr": ("L'homme a tué ses deux enfants.", "deux"),
        "ru": ("Мужчина убил своих двух сыновей.", "двух"),
    }
    for language, (text, number) in owned.items():
        at = text.index(number)
        assert count_slot(text, at, at + len(number), language) == "killed", language


def test_implied_counts_need_an_indefinite_singular_subject() -> None:
    text = "A 40-year-old woman was fatally shot. The man who killed her fled. A boy was hurt."
    found = _implied_phrases(text)
    assert found == [
        ("A 40-year-old woman was fatally shot", "killed"),
        ("A boy was hurt", "injured"),
    ]
    # police reports' "an individual"
    text = "An individual was shot in the stomach while holstering a gun."
    assert _implied_phrases(text) == [("An individual was shot", "shot")]


# ------------------------------------------------------------ reconcile


def test_ages_of_one_person_across_languages_form_one_agreed_fact() -> None:
    en = _article("en1", "Pieter Vos, 34, crossed the river at night.")
    nl = _article("nl1", "De 34-jarige Pieter Vos zwom 's nachts over de rivier.", "nl")
    person = _person("p1", "Pieter Vos", (en, "Pieter Vos"), (nl, "Pieter Vos"))
    quantities = {
        "en1": [_quantity(en, "34", 34, kind="age", unit="year")],
        "nl1": [_quantity(nl, "34-jarige", 34, kind="age", unit="year")],
    }
    facts = reconcile([en, nl], quantities, {}, [person])
    age = next(f for f in facts if f.label == "age of Pieter Vos")
    assert age.status == "agreed"
    assert {c.article for c in age.claims} == {"en1", "nl1"}
    articles = {"en1": en, "nl1": nl}
    for claim in age.claims:
        assert articles[claim.article].text[claim.start : claim.end] == claim.text


@pytest.mark.parametrize(
    ("english", "dutch", "status"),
    [(20, 19, "conflicting"), (40, 41, "conflicting"), (20, 20, "agreed")],
)
def test_ages_are_whole_years_not_rounded_figures(english: int, dutch: int, status: str) -> None:
    en = _article("en1", f"Pieter Vos, {english}, crossed the river at night.")
    nl = _article("nl1", f"De {dutch}-jarige Pieter Vos zwom 's nachts over de rivier.", "nl")
    person = _person("p1", "Pieter Vos", (en, "Pieter Vos"), (nl, "Pieter Vos"))
    quantities = {
        "en1": [_quantity(en, str(english), english, kind="age", unit="year")],
        "nl1": [_quantity(nl, f"{dutch}-jarige", dutch, kind="age", unit="year")],
    }
    facts = reconcile([en, nl], quantities, {}, [person])
    assert next(f for f in facts if f.label == "age of Pieter Vos").status == status


def test_one_of_a_time_unit_is_told_in_the_singular() -> None:
    from corroborate.reconcile.claims import _shown

    assert _shown(86_400, 86_400, "second") == ("1 day", "day")
    assert _shown(172_800, 172_800, "second") == ("2 days", "days")
    assert _shown(3_600, 3_600, "second")[0] == "1 hour"


def test_a_quakes_magnitude_and_a_wait_in_hours_agree_across_languages() -> None:
    texts = {
        "en1": ("A magnitude 6.1 earthquake struck on Tuesday. A girl was rescued "
                "after 30 hours under the rubble.", "en"),
        "de1": ("Ein Erdbeben der Stärke 6,1 erschütterte am Dienstag die Region. Ein "
                "Mädchen wurde nach 30 Stunden aus den Trümmern gerettet.", "de"),
    }  # fmt: skip
    articles = [_article(id_, text, language) for id_, (text, language) in texts.items()]
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in articles}

    def encode(sentences: Sequence[str]) -> npt.NDArray[np.float32]:
        """The quake's sentences point one way, the rescue's another."""
        rows = [[1.0, 0.0] if ("6" in t) else [0.0, 1.0] for t in sentences]
        return np.asarray(rows, dtype=np.float32)

    facts = reconcile(articles, quantities, {}, [], encode)
    magnitude = next(f for f in facts if f.label.startswith("magnitude"))
    assert magnitude.status == "agreed"
    assert magnitude.explanation == "magnitude 6.1 in both sources"
    duration = next(f for f in facts if f.label.startswith("duration"))
    assert duration.explanation == "30 hours in both sources"  # not "1.2 days"


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        ("Ali Yerlikaya said a 9-year-old girl was rescued.", "en", "9-year-old"),
        ("Ali Yerlikaya sagte, eine Neunjährige sei gerettet worden.", "de", "Neunjährige"),
    ],
)
def test_an_age_after_a_speaker_is_of_someone_spoken_of(text: str, language: str, age: str) -> None:
    article = _article("a", text, language)
    person = _person("p1", "Ali Yerlikaya", (article, "Ali Yerlikaya"))
    quantities = {"a": find_quantities("a", text, language)}
    assert [q.text for q in quantities["a"]] == [age]
    facts = reconcile([article], quantities, {}, [person])
    assert not [f for f in facts if f.label == "age of Ali Yerlikaya"]


def test_an_age_at_another_time_is_not_the_persons_age() -> None:
    text = "Pieter Vos, 34, said that as a 17-year-old he first crossed."
    article = _article("a", text)
    person = _person("p1", "Pieter Vos", (article, "Pieter Vos"))
    quantities = {
        "a": [
            _quantity(article, "34", 34, kind="age", unit="year"),
            _quantity(article, "17-year-old", 17, kind="age", unit="year"),
        ]
    }
    facts = reconcile([article], quantities, {}, [person])
    age = next(f for f in facts if f.label == "age of Pieter Vos")
    assert [c.text for c in age.claims] == ["34"]


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("Водитель Иван Петров в возрасте 34 лет погиб на месте.", True),
        ("Иван Петров родился в Перми. В возрасте 34 лет он переехал в Москву.", False),
    ],
)
def test_a_russian_age_told_with_v_vozraste_is_the_age_now(text: str, now: bool) -> None:
    article = _article("a", text, "ru")
    person = _person("p1", "Иван Петров", (article, "Иван Петров"))
    quantities = {"a": [_quantity(article, "34 лет", 34, kind="age", unit="year")]}
    facts = reconcile([article], quantities, {}, [person])
    assert any(f.label == "age of Иван Петров" for f in facts) is now


def test_casualty_counts_of_two_sources_conflict() -> None:
    first = _article("a", "Two people were killed in the blast on Main Street.")
    second = _article("b", "Police said four people were killed in the explosion.")
    quantities = {
        "a": [_quantity(first, "Two", 2, noun="people")],
        "b": [_quantity(second, "four", 4, noun="people")],
    }
    facts = reconcile([first, second], quantities, {}, [])
    killed = next(f for f in facts if f.label == "people killed")
    assert killed.status == "conflicting"
    assert "2" in killed.explanation and "4" in killed.explanation


def test_implied_and_stated_counts_agree() -> None:
    first = _article("a", "A man was shot and killed outside the bar on Friday.")
    second = _article("b", "One person was killed in the shooting, police said.")
    quantities = {"b": [_quantity(second, "One", 1, noun="person")]}
    facts = reconcile([first, second], quantities, {}, [])
    killed = next(f for f in facts if f.label == "people killed")
    assert killed.status == "agreed"
    assert article_values(killed.claims) == {"a": 1.0, "b": 1.0}


def test_unrelated_numbers_in_unrelated_sentences_stay_apart() -> None:
    first = _article("a", "The ferry carried 300 passengers across the bay.")
    second = _article("b", "The new stadium cost 300 million euros to build.")
    quantities = {
        "a": [_quantity(first, "300 passengers", 300, noun="passengers")],
        "b": [_quantity(second, "300 million euros", 3e8, kind="money", unit="EUR")],
    }
    facts = reconcile([first, second], quantities, {}, [])
    assert all(len({c.article for c in f.claims}) == 1 for f in _facts(facts, "quantity"))


def _date(article: Article, text: str, value: str, precision: str) -> TimeExpression:
    start = article.text.index(text)
    first_day = value if len(value) == 10 else f"{value}-01"[:10]
    return TimeExpression(
        article.id,
        start,
        start + len(text),
        text,
        "date",
        value,
        first_day,
        precision,  # type: ignore[arg-type]
    )


def test_a_time_that_names_its_day_states_the_day_and_one_that_does_not_states_none() -> None:
    first = _article("a", "The ferry sank off the coast on Tuesday, officials said.")
    second = _article("b", "The ferry sank off the coast on Tuesday morning, officials said.")
    third = _article("c", "The ferry sank off the coast in the evening, officials said.")
    times = {
        "a": [_date(first, "Tuesday", "2021-06-15", "day")],
        "b": [replace(_date(second, "Tuesday morning", "2021-06-15TMO", "day"), kind="time")],
        # read on the publication day, which the words do not give
        "c": [
            replace(
                _date(third, "evening", "2021-06-16TEV", "day"), kind="time", day_from_anchor=True
            )
        ],
    }
    dates = [f for f in reconcile([first, second, third], {}, times, []) if f.kind == "date"]
    assert [(f.status, sorted(c.article for c in f.claims)) for f in dates] == [
        ("agreed", ["a", "b"])
    ]


def test_a_verdict_on_dates_names_the_part_of_the_day_in_words() -> None:
    first = _article("a", "The ferry sank off the coast on Tuesday, officials said.", outlet="A")
    second = _article("b", "The ferry sank off the coast on Tuesday morning.", outlet="B")
    times = {
        "a": [_date(first, "Tuesday", "2021-06-15", "day")],
        "b": [replace(_date(second, "Tuesday morning", "2021-06-15TMO", "day"), kind="time")],
    }
    (fact,) = [f for f in reconcile([first, second], {}, times, []) if f.kind == "date"]
    assert fact.explanation == (
        "Tuesday (2021-06-15) vs Tuesday morning (2021-06-15 morning): the same day"
    )


def test_a_year_both_sources_give_reads_once_in_the_verdict() -> None:
    first = _article("a", "The bridge opened in 2023, officials said.", outlet="A")
    second = _article("b", "The bridge opened in 2023, the city said.", outlet="B")
    times = {
        "a": [_date(first, "2023", "2023", "year")],
        "b": [_date(second, "2023", "2023", "year")],
    }
    (fact,) = [f for f in reconcile([first, second], {}, times, []) if f.kind == "date"]
    assert fact.explanation == "2023 in both sources"


def test_a_source_without_an_outlet_is_named_by_its_site_or_file() -> None:
    page = replace(_article("b", "Text."), outlet=None, url="https://www.example.org/a/b")
    assert source_label(page) == "example.org"
    fetched = replace(page, url=None, source="http://news.example.net/x.html")
    assert source_label(fetched) == "news.example.net"
    file = replace(page, url=None, source="/data/pages/c.html")
    assert source_label(file) == "c.html"
    assert source_label(replace(file, source="")) == "b"
    assert source_label(replace(file, outlet="Daily")) == "Daily"
    # a page kept by the Wayback Machine is named by its own site, not the archive's
    archived = "https://web.archive.org/web/20150805053402id_/http://www.kmbc.com:80/news/a"
    assert source_label(replace(page, url=archived)) == "kmbc.com"
    assert source_label(replace(page, url="https://web.archive.org/about/")) == "web.archive.org"
    # the verdicts name it so
    other = _article("a", "The bridge opened in 2021.", outlet="A")
    text = "The bridge opened in 2023."
    dated = replace(file, text=text)
    times = {
        "a": [_date(other, "2021", "2021", "year")],
        "b": [_date(dated, "2023", "2023", "year")],
    }
    (clash,) = [f for f in reconcile([other, dated], {}, times, []) if f.kind == "date"]
    assert "(c.html)" in clash.explanation


def _clock(article: Article, text: str, clock: str) -> TimeExpression:
    start = article.text.index(text)
    return TimeExpression(article.id, start, start + len(text), text, "time", clock=clock)


def test_times_of_day_agree_within_rounding_and_hedges_and_conflict_beyond() -> None:
    first = _article("a", "The train derailed at 4.47am near the border.", outlet="Gazette")
    second = _article("b", "De trein ontspoorde om 04.47 uur bij de grens.", "nl")
    third = _article("c", "Der Zug entgleiste gegen 4.45 Uhr an der Grenze.", "de")
    fourth = _article("d", "The train derailed at 6.10am near the border.", outlet="Wire")
    times = {
        "a": [_clock(first, "4.47am", "T04:47")],
        "b": [_clock(second, "04.47 uur", "T04:47")],
        "c": [_clock(third, "4.45 Uhr", "T04:45")],
        "d": [_clock(fourth, "6.10am", "T06:10")],
    }

    def encoder(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Every sentence says the same: all of them report the derailment."""
        return np.ones((len(texts), 1), dtype=np.float32)

    (agreed,) = _facts(reconcile([first, second, third], {}, times, [], encoder), "time")
    assert agreed.status == "agreed"
    assert [c.attributes["time"] for c in agreed.claims] == ["04:47", "04:47", "04:45"]
    assert agreed.explanation.endswith("within 2 minutes")
    (clash,) = _facts(reconcile([first, fourth], {}, times, [], encoder), "time")
    assert clash.status == "conflicting"
    assert (
        clash.explanation == "4.47am (04:47) (Gazette) vs 6.10am (06:10) (Wire): 83 minutes apart"
    )
    # one source's time alone is not reported
    assert _facts(reconcile([first], {}, times, [], encoder), "time") == []


@pytest.mark.parametrize(
    ("first", "first_clock", "second", "second_clock", "status"),
    [
        # hedged quarters half an hour apart
        ("hacia las 23.15", "T23:15", "gegen 23.45 Uhr", "T23:45", "conflicting"),
        ("around 5am", "T05:00", "gegen 4.47 Uhr", "T04:47", "agreed"),
        ("around 5am", "T05:00", "gegen 5.45 Uhr", "T05:45", "conflicting"),
        ("shortly before 5am", "T05:00", "gegen 4.47 Uhr", "T04:47", "agreed"),
    ],
)
def test_hedged_times_half_an_hour_apart_conflict(
    first: str, first_clock: str, second: str, second_clock: str, status: str
) -> None:
    a = _article("a", f"The wave hit the village {first}, police said.", outlet="Gazette")
    b = _article("b", f"Die Flutwelle erreichte das Dorf {second}.", "de", outlet="Kurier")
    time_a, time_b = first.split()[-1], second.removesuffix(" Uhr").split()[-1]
    times = {"a": [_clock(a, time_a, first_clock)], "b": [_clock(b, time_b, second_clock)]}

    def encoder(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.ones((len(texts), 1), dtype=np.float32)

    (fact,) = _facts(reconcile([a, b], {}, times, [], encoder), "time")
    assert fact.status == status


@pytest.mark.parametrize(
    "precedent",
    [
        "In March 2023 a train derailed near Ahlden, injuring three people.",
        "In March 2023 a train derailed near Ahlden. Back then three people were injured.",
    ],
)
def test_the_toll_of_an_earlier_event_is_not_the_storys_toll(precedent: str) -> None:
    first = _article("a", "17 people were injured when the train derailed on Tuesday.")
    second = _article(
        "b", f"14 people were injured when the train derailed on Tuesday. {precedent}"
    )
    times = {
        article.id: [_date(article, "Tuesday", "2025-10-14", "day")] for article in (first, second)
    }
    times["b"].append(_date(second, "March 2023", "2023-03", "month"))
    quantities = {
        "a": [_quantity(first, "17", 17, kind="count", noun="people")],
        "b": [
            _quantity(second, "14", 14, kind="count", noun="people"),
            _quantity(second, "three", 3, kind="count", noun="people"),
        ],
    }
    facts = reconcile([first, second], quantities, times, [])
    injured = next(f for f in facts if f.label == "people injured")
    assert sorted(c.text for c in injured.claims) == ["14", "17"]
    assert injured.status == "conflicting"


#: Three reports of one quake in two languages: tolls (8, 14, 19), the story's day
#: said once ("Tuesday"), and the precedent every report recalls by its full date.
QUAKE_REPORTS = {
    "en": (
        "At least eight people were killed when the quake struck on Tuesday.",
        "Fourteen people were killed in the quake.",
        "The toll of the quake has risen to 19 people killed.",
        "The quake of 6 February 2023 killed more than 50,000 people.",
    ),
    "nl": (
        "Bij de beving van dinsdag kwamen zeker acht mensen om het leven.",
        "Bij de beving zijn veertien mensen om het leven gekomen.",
        "Inmiddels zijn 19 mensen om het leven gekomen.",
        "Op 6 februari 2023 beefde de aarde. Er kwamen toen 50.000 mensen om het leven.",
    ),
}


@pytest.mark.parametrize("language", sorted(QUAKE_REPORTS))
def test_a_precedent_every_source_recalls_is_not_the_storys_day(language: str) -> None:
    """Every report recalls the earlier disaster by its full date, and only one states
    the story's own day: that day is still the story's, and the precedent's toll is
    not its toll."""
    *tolls, recall = QUAKE_REPORTS[language]
    articles = [
        replace(_article(f"{i}", f"{toll} {recall}", language), published="2026-03-11")
        for i, toll in enumerate(tolls)
    ]
    quantities = {a.id: find_quantities(a.id, a.text, language) for a in articles}
    times = {a.id: find_time_expressions(a.id, a.text, language, a.published) for a in articles}
    facts = reconcile(articles, quantities, times, [])
    killed = next(f for f in facts if f.label == "people killed")
    assert sorted(float(str(c.attributes["value"])) for c in killed.claims) == [8, 14, 19]


@pytest.mark.parametrize(
    ("when", "value", "counted"),
    [("in late May", "2025-05", True), ("in May 2023", "2023-05", False)],
)
def test_a_follow_ups_first_toll_is_its_storys_toll_however_long_ago(
    when: str, value: str, counted: bool
) -> None:
    """A report of a hearing recalls the shooting it is about months before its own
    day; only a toll a year or more before is history."""
    text = (
        f"A shooting killed one teen and wounded four others at a carnival {when}. "
        "A judge heard witnesses on Tuesday. Two teens face murder charges."
    )
    article = _article("a", text)
    times = {
        "a": [
            _date(article, when, value, "month"),
            _date(article, "Tuesday", "2025-07-29", "day"),
        ]
    }
    quantities = {"a": [_quantity(article, "four", 4, kind="count", noun="others")]}
    facts = reconcile([article], quantities, times, [])
    labels = [f.label for f in facts if f.kind == "quantity"]
    assert ("people injured" in labels) is counted


def test_a_killing_two_days_before_the_storys_day_is_another_event() -> None:
    """A vigil on Monday was fired on; the killing it was held for, on Saturday, is
    told further down: not the vigil's toll."""
    text = (
        "Five people were wounded at a vigil on Monday. Police are looking for the gunman. "
        "Officers said the crowd ran. The vigil was for a man who was shot and killed on "
        "Saturday."
    )
    article = _article("a", text)
    times = {
        "a": [
            _date(article, "Monday", "2025-06-09", "day"),
            _date(article, "Saturday", "2025-06-07", "day"),
        ]
    }
    quantities = {"a": [_quantity(article, "Five", 5, kind="count", noun="people")]}
    facts = reconcile([article], quantities, times, [])
    assert [f.label for f in facts if f.label.startswith("people")] == ["people injured"]


def test_the_toll_of_the_shooting_avenged_is_not_the_storys_toll() -> None:
    text = (
        "Eight people were wounded on Elm Road on Saturday. Police said it was an act of "
        "retaliation for a shooting that left one man dead."
    )
    article = _article("a", text)
    quantities = {
        "a": [
            _quantity(article, "Eight", 8, kind="count", noun="people"),
            _quantity(article, "one", 1, kind="count", noun="man"),
        ]
    }
    facts = reconcile([article], quantities, {}, [])
    assert [f.label for f in facts if f.label.startswith("people")] == ["people injured"]
    # the same words before the count ("wounded in retaliation") leave it alone
    text = "Police said eight people were wounded in retaliation for an argument."
    article = _article("b", text)
    quantities = {"b": [_quantity(article, "eight", 8, kind="count", noun="people")]}
    (injured,) = [
        f for f in reconcile([article], quantities, {}, []) if f.label == "people injured"
    ]
    assert [c.text for c in injured.claims] == ["eight"]


def test_a_day_after_publication_is_not_the_storys_day() -> None:
    # the lone article's dates: the shooting on Saturday, a hearing to come in December
    text = (
        "Police say a 17-year-old was shot and killed on Saturday. "
        "A hearing is set for December 30th."
    )
    article = replace(_article("a", text), published="2014-11-03")
    times = {
        "a": [
            _date(article, "Saturday", "2014-11-01", "day"),
            _date(article, "December 30th", "2014-12-30", "day"),
        ]
    }
    facts = reconcile([article], {}, times, [])
    killed = next(f for f in facts if f.label == "people killed")
    assert [c.text for c in killed.claims] == ["a 17-year-old was shot and killed"]


def test_on_a_tie_the_storys_day_is_the_one_its_toll_is_told_on() -> None:
    # one day for the shooting, one (later) for the arrest: the shooting's day is the
    # story's, so its deaths are not a precedent's toll
    text = (
        "Ada Brook was taken into custody on Thursday. "
        "Police say a 17-year-old was shot and killed on May 10."
    )
    article = replace(_article("a", text), published="2014-06-20")
    times = {
        "a": [
            _date(article, "Thursday", "2014-06-19", "day"),
            _date(article, "May 10", "2014-05-10", "day"),
        ]
    }
    facts = reconcile([article], {}, times, [])
    killed = next(f for f in facts if f.label == "people killed")
    assert [c.text for c in killed.claims] == ["a 17-year-old was shot and killed"]


def test_an_order_cue_counts_from_a_day_not_from_a_year() -> None:
    def follows(between: str, year: str) -> dict[str, object]:
        text = f"The ferry sank on 14 June 2021. {between} Two days later Brisk was raised."
        article = _article("a", text)
        ferry = _person("p1", "Brisk", (article, "Brisk"))
        cue = text.index("Two days later")
        times = {
            "a": [
                _date(article, "14 June 2021", "2021-06-14", "day"),
                _date(article, year, year, "year"),
                TimeExpression("a", cue, cue + 14, "Two days later", "date", relative=True),
            ]
        }
        events = [f for f in reconcile([article], {}, times, [ferry]) if f.kind == "event"]
        return {f.label: f.claims[0].attributes.get("follows") for f in events}

    # a year is no day to count two days from: the raising is left undated
    refitted = follows("In 2019 it had been refitted.", "2019")
    assert "Two days later Brisk was raised." not in refitted
    assert not any(refitted.values())
    # "since 2019" dates no happening: the raising counts from the sinking
    sailed = follows("Its captain had sailed it since 2019.", "2019")
    assert sailed["Two days later Brisk was raised."] == "2021-06-14"


def test_a_day_inside_a_stated_month_refines_it() -> None:
    first = _article("a", "The ferry sank off the coast in June 2021, officials said.")
    second = _article("b", "The ferry sank off the coast on 17 June 2021, officials said.")
    times = {
        "a": [_date(first, "June 2021", "2021-06", "month")],
        "b": [_date(second, "17 June 2021", "2021-06-17", "day")],
    }
    facts = reconcile([first, second], {}, times, [])
    when = next(f for f in facts if f.kind == "date")
    assert when.status == "refined"
    assert {c.attributes["date"] for c in when.claims} == {"2021-06-01", "2021-06-17"}


def _fake_encoder(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Sentences about the ferry point one way, everything else another."""
    rows = [[1.0, 0.0] if ("ferry" in t or "veerboot" in t) else [0.0, 1.0] for t in texts]
    return np.asarray(rows, dtype=np.float32)


def _aurora() -> Entity:
    """The ferry "Aurora" of the articles en1 and nl1, named at the same offsets."""
    return Entity(
        id="e1",
        type="other",
        name="Aurora",
        aliases=["Aurora"],
        mentions=[Mention("en1", 10, 16), Mention("nl1", 13, 19)],
    )


def test_sentences_reporting_one_happening_align_across_languages() -> None:
    en = _article("en1", "The ferry Aurora sank near Texel.\nThe mayor spoke later.")
    nl = _article("nl1", "De veerboot Aurora zonk bij Texel.\nHet weer was slecht.", "nl")
    ship = _aurora()
    facts = reconcile([en, nl], {}, {}, [ship], encode=_fake_encoder)
    events = [f for f in _facts(facts, "event") if f.status == "agreed"]
    assert len(events) == 1
    assert [c.text for c in events[0].claims] == [
        "The ferry Aurora sank near Texel.",
        "De veerboot Aurora zonk bij Texel.",
    ]
    assert events[0].explanation.startswith("reported by 2 sources")


def test_since_when_is_not_when_it_happened() -> None:
    from corroborate.timex import find_time_expressions

    en = _article("en1", "The ferry Aurora, in service since 2019, sank near Texel.")
    nl = _article("nl1", "De veerboot Aurora, sinds 2019 in dienst, zonk bij Texel.", "nl")
    ship = _aurora()
    times = {a.id: find_time_expressions(a.id, a.text, a.language, "2025-06-01") for a in (en, nl)}
    assert all(times.values())  # both state the year
    facts = reconcile([en, nl], {}, times, [ship], encode=_fake_encoder)
    (event,) = [f for f in _facts(facts, "event") if f.status == "agreed"]
    assert [c.attributes.get("date") for c in event.claims] == [None, None]


def test_until_when_is_not_when_it_happened() -> None:
    from corroborate.timex import find_time_expressions

    en = _article("en1", "The ferry Aurora sank near Texel; the port stays shut until June 20.")
    nl = _article(
        "nl1", "De veerboot Aurora zonk bij Texel; de haven blijft tot 20 juni dicht.", "nl"
    )
    ship = _aurora()
    times = {a.id: find_time_expressions(a.id, a.text, a.language, "2025-06-01") for a in (en, nl)}
    assert all(times.values())  # both state the day
    facts = reconcile([en, nl], {}, times, [ship], encode=_fake_encoder)
    (event,) = [f for f in _facts(facts, "event") if f.status == "agreed"]
    assert [c.attributes.get("date") for c in event.claims] == [None, None]


def test_sentences_follow_text_and_abbreviations() -> None:
    sentences = Sentences.of("Mr. Smith arrived on Jan. 5. He left.\n\nHeadline here")
    assert [sentences.sentence(i) for i in range(len(sentences.spans))] == [
        "Mr. Smith arrived on Jan. 5.",
        "He left.",
        "Headline here",
    ]


def test_a_paragraph_without_inner_stops_is_one_sentence_with_its_closing_quote() -> None:
    text = "  Bell said the death 'makes no sense.'\n“He said, ‘I will bury you,’” she said."
    sentences = Sentences.of(text)
    assert [sentences.sentence(i) for i in range(len(sentences.spans))] == [
        "Bell said the death 'makes no sense.'",
        "“He said, ‘I will bury you,’” she said.",
    ]
    # a full stop of another script is a stop too
    chinese = Sentences.of("今天下雨。明天晴天。", "zh")
    assert [chinese.sentence(i) for i in range(len(chinese.spans))] == ["今天下雨。", "明天晴天。"]


#: Paragraphs thick with abbreviations, some written with their stop and some
#: without, one after a paragraph's first word ("St" opening it, "Obst." later).
_ABBREVIATED = {
    "en": "Dr. Smith met Mr. Jones at 5 p.m. on Main St. in the U.S. and no. 3 of the "
    "Co. team, Sgt. Ray and Gov. Lee, spoke. St Mark's Rd. was shut; Ave Maria sang. "
    "Ft. Worth Jr. left at 6 a.m. Then vs. the rest it was over.",
    "de": "St. Pauli spielte gegen Nr. 5 usw. Prof. Dr. Müller sagte z.B. am 3. Mai, dass "
    "ca. 40 Leute kamen. Wir kauften Obst. Danach ging Hr. Meier heim, bzw. zur Str. 9.",
    "es": "El Sr. García y la Sra. Pérez llegaron a la Avda. Colón núm. 5 a las 3 p.m. "
    "Después, el Dr. Ruiz habló. Etc. y más.",
    "fr": "M. Dupont et Mme. Martin ont vu le Dr. Petit vers 15 h. Ensuite, av. Foch, "
    "etc. Tout était calme. Fig. 3 montre la suite.",
    "nl": "Dhr. Jansen en mevr. De Vries zagen dr. Bakker om 3 uur. Daarna ging hij naar "
    "de Kerkstr. 5 enz. Het was stil.",
    "ru": "Г-н Иванов и проф. Петров пришли на ул. Ленина, д. 5, в 3 ч. Затем т.д. и т.п. "
    "Всё было тихо. См. рис. 3.",
}


@pytest.mark.parametrize("language", sorted(_ABBREVIATED))
def test_sentences_are_plain_pysbd_sentences(language: str) -> None:
    """Reading only the abbreviations a paragraph writes with their stop changes no
    sentence: the narrowed segmenter cuts each paragraph as pysbd itself does."""
    import pysbd

    from corroborate.reconcile.sentences import _narrowing, _written_with_stop

    text = _ABBREVIATED[language]
    plain = pysbd.Segmenter(language=language, clean=False)
    narrowed = pysbd.Segmenter(language=language, clean=False)
    narrowed.language_module = _narrowing(plain.language_module)
    assert narrowed.processor(text).process() == plain.processor(text).process()
    kept = _written_with_stop(plain.language_module, text)
    assert 0 < len(kept) < len(plain.language_module.Abbreviation.ABBREVIATIONS)


def test_only_abbreviations_written_with_their_stop_are_read() -> None:
    from pysbd.languages import LANGUAGE_CODES

    from corroborate.reconcile.sentences import _written_with_stop

    kept = _written_with_stop(LANGUAGE_CODES["en"], "Dr. Smith lives on St Mark's Road in the U.S.")
    assert "dr" in kept and "st" not in kept
    assert "u.s" in kept  # not letters alone: always read


# ------------------------------------------------------------ timeline


def _event(label: str, *dates: tuple[str, str], follows: str | None = None) -> Fact:
    claims = []
    for i, (day, precision) in enumerate(dates or [("", "")]):
        attributes: dict[str, object] = {"date": day, "precision": precision} if day else {}
        if follows:
            attributes["follows"] = follows
        claims.append(Claim(article=f"a{i}", start=0, end=1, text="x", attributes=attributes))
    return Fact(id=label, kind="event", label=label, status="agreed", claims=claims)


def test_timeline_orders_by_date_places_cued_events_and_lists_undated_apart() -> None:
    facts = [
        _event("undated"),
        _event("arrest", ("2021-06-20", "day")),
        _event("crash", ("2021-06-17", "day"), ("2021-06-17", "day"), ("2021-06-18", "day")),
        _event("two days later", follows="2021-06-17"),
        _event("june", ("2021-06-01", "month")),
    ]
    timeline = build_timeline(facts)
    assert [e.label for e in timeline] == ["june", "crash", "two days later", "arrest", "undated"]
    crash = timeline[1]
    assert (crash.date, crash.precision) == ("2021-06-17", "day")
    assert timeline[2].date is None and timeline[2].precision == "after 2021-06-17"
    assert timeline[-1].precision == "undated"


def _yearless_event(label: str, calendar: str, precision: str) -> Fact:
    attributes: dict[str, object] = {"date": None, "precision": precision, "value": calendar}
    claim = Claim(article="a0", start=0, end=1, text="x", attributes=attributes)
    return Fact(id=label, kind="event", label=label, status="single_source", claims=[claim])


def test_events_dated_without_a_year_follow_the_dated_ones_in_calendar_order() -> None:
    facts = [
        _event("undated"),
        _yearless_event("leap", "XXXX-06-17", "day"),
        _yearless_event("call-up", "XXXX-03", "month"),
        _event("invasion", ("2022-01-01", "year")),
    ]
    timeline = build_timeline(facts)
    assert [e.label for e in timeline] == ["invasion", "call-up", "leap", "undated"]
    assert [(e.date, e.calendar, e.precision) for e in timeline[1:3]] == [
        (None, "XXXX-03", "month"),
        (None, "XXXX-06-17", "day"),
    ]


def test_each_fact_takes_one_claim_per_article_so_numbers_pair_up() -> None:
    first = _article("a", "Among the injured were three firefighters and 13 residents of the town.")
    second = _article(
        "b", "Among the injured were 13 residents of the town and three firefighters."
    )
    quantities = {
        article.id: [
            _quantity(article, "three firefighters", 3, noun="firefighters"),
            _quantity(article, "13 residents", 13, noun="residents"),
        ]
        for article in (first, second)
    }
    facts = _facts(reconcile([first, second], quantities, {}, []), "quantity")
    assert sorted((f.status, len(f.claims)) for f in facts) == [("agreed", 2), ("agreed", 2)]
    for fact in facts:
        assert len({c.text for c in fact.claims}) == 1


def test_around_sixty_and_fifty_mph_conflict_but_roughly_12_miles_matches_19_km() -> None:
    around_60 = quantity_reading("a", 96.56, 96.56, 60, True, "around 60 mph")
    fifty = quantity_reading("b", 80.47, 80.47, 50, False, "50 mph")
    assert verdict([around_60, fifty], {}).status == "conflicting"
    # both hedged: still 17% apart, more than rounding and hedging together allow
    roughly_50 = quantity_reading("b", 80.47, 80.47, 50, True, "roughly 50 mph")
    assert verdict([around_60, roughly_50], {}).status == "conflicting"
    assert (
        verdict(
            [around_60, quantity_reading("b", 100, 100, 100, True, "about 100 km/h")], {}
        ).status
        == "agreed"
    )
    miles = quantity_reading("a", 19.31, 19.31, 12, True, "roughly 12 miles")
    assert verdict([miles, quantity_reading("b", 19, 19, 19, False, "19 km")], {}).status == (
        "agreed"
    )


@pytest.mark.parametrize(
    ("low", "high", "unit", "shown"),
    [
        (45e6, 45e6, "EUR", "45 million EUR"),
        (9.3e6, 9.3e6, "USD", "9.3 million USD"),
        (8e6, 9e6, "EUR", "8-9 million EUR"),
        (2.5e9, 2.5e9, "USD", "2.5 billion USD"),
        (1_234_567, 1_234_567, "people", "1,234,567 people"),  # not round: every digit
        (450_000, 450_000, "passengers", "450,000 passengers"),
    ],
)
def test_large_round_figures_are_shown_with_their_scale_word(
    low: float, high: float, unit: str, shown: str
) -> None:
    assert format_value(low, high, unit) == shown


def test_a_count_told_once_keeps_a_unit_another_source_converts() -> None:
    readings = [
        quantity_reading("de", 2, 2, 2, False, "2 percentage points"),
        quantity_reading("en", 2, 2, 200, False, "200 basis points = 2 percentage points"),
    ]
    assert verdict(readings, {}).explanation == (
        "2 percentage points vs 200 basis points = 2 percentage points: the same value"
    )


def test_one_count_with_each_languages_noun_is_told_once() -> None:
    readings = [
        quantity_reading("en", 200, 200, 200, False, "200 residents"),
        quantity_reading("nl", 200, 200, 200, False, "200 bewoners"),
        quantity_reading("de", 200, 200, 200, False, "200 Anwohner"),
    ]
    assert verdict(readings, {}).explanation == "200 in all 3 sources"
    # a height written two ways keeps both forms: each says how it was written
    heights = [
        quantity_reading("a", 0.00178, 0.00178, 5, False, "5 feet 10 inches = 1.8 m"),
        quantity_reading("b", 0.00178, 0.00178, 5, False, "5-foot-10 = 1.8 m"),
    ]
    assert verdict(heights, {}).explanation.startswith("5 feet 10 inches = 1.8 m vs")


@pytest.mark.parametrize(
    ("day", "status", "explanation"),
    [
        (
            "June 17",
            "refined",
            "June 17 (2025-06-17) (Outlet b) is a more precise form of mid-June",
        ),
        ("June 25", "conflicting", "mid-June (2025-06) (Outlet a) vs June 25 (2025-06-25) (Outlet"),
    ],
)
def test_a_day_within_mid_june_refines_it_and_one_past_it_conflicts(
    day: str, status: str, explanation: str
) -> None:
    first = _article("a", "Talks between the union and the operator resume in mid-June.")
    second = _article("b", f"Talks between the union and the operator resume on {day}.")
    times = {a.id: find_time_expressions(a.id, a.text, "en", "2025-06-02") for a in (first, second)}
    (when,) = _facts(reconcile([first, second], {}, times, []), "date")
    assert when.status == status
    assert when.explanation.startswith(explanation)
    mid = next(c for c in when.claims if c.article == "a")
    assert (mid.attributes["date"], mid.attributes["part"]) == ("2025-06-11", "mid")


def _scheduled_apart(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """The French sentence and the English one score 0.37, as the shipped encoder
    scores "Une nouvelle réunion est prévue à la mi-juin." against "Talks are
    scheduled for June 17."."""
    apart = float(np.sqrt(1 - 0.37**2))
    rows = [[1.0, 0.0, 0.0] if "June" in t else [0.37, apart, 0.0] for t in texts]
    return np.asarray(rows, dtype=np.float32)


@pytest.mark.parametrize(("published", "linked"), [("2025-06-12", True), ("2025-06-25", False)])
def test_two_sources_days_to_come_that_fit_together_are_one_fact(
    published: str, linked: bool
) -> None:
    en = _article("en", "Talks are scheduled for June 17.")
    fr = _article("fr", "Une nouvelle réunion est prévue à la mi-juin.", "fr")
    articles = [replace(a, published=published) for a in (en, fr)]
    times = {a.id: find_time_expressions(a.id, a.text, a.language, published) for a in articles}
    dates = _facts(reconcile(articles, {}, times, [], encode=_scheduled_apart), "date")
    together = [f for f in dates if {c.article for c in f.claims} == {"en", "fr"}]
    assert bool(together) == linked
    if linked:
        assert together[0].status == "refined"


def _told_apart(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """The Dutch sentence and the English one score 0.31, as the shipped encoder
    scores an injury report against a derailment report of the same morning."""
    apart = float(np.sqrt(1 - 0.31**2))
    rows = [[1.0, 0.0, 0.0] if "derailed" in t else [0.31, apart, 0.0] for t in texts]
    return np.asarray(rows, dtype=np.float32)


@pytest.mark.parametrize(
    ("dutch", "linked"),
    [
        ("Bij het ongeluk, vroeg op dinsdag 3 juni, raakten twaalf mensen gewond.", True),
        ("Bij het ongeluk, vroeg op dinsdag 3 juni, ontstond veel schade.", False),
    ],
)  # fmt: skip
def test_two_days_told_with_one_toll_are_the_day_of_one_happening(dutch: str, linked: bool) -> None:
    en = _article(
        "en", "A freight train derailed early on Tuesday near Brackwater, injuring 12 people."
    )
    nl = _article("nl", dutch, "nl")
    articles = [replace(a, published="2025-06-04") for a in (en, nl)]
    times = {a.id: find_time_expressions(a.id, a.text, a.language, "2025-06-04") for a in articles}
    counts = {a.id: find_quantities(a.id, a.text, a.language) for a in articles}
    facts = reconcile(articles, counts, times, [], encode=_told_apart)
    together = [f for f in _facts(facts, "date") if {c.article for c in f.claims} == {"en", "nl"}]
    assert bool(together) == linked
    if linked:
        assert together[0].status == "agreed"


def test_an_exact_figure_within_a_hedged_ones_room_refines_it() -> None:
    about_30 = quantity_reading("fr", 30, 30, 30, True, "30")  # "une trentaine"
    refined = verdict([quantity_reading("de", 27, 27, 27, False, "27"), about_30], {})
    assert refined.status == "refined"
    assert refined.explanation == "27 (de) is a more precise form of about 30 (fr)"
    # beyond the room a hedge allows, and between two hedged figures, they conflict
    too_far = quantity_reading("en", 35, 35, 35, False, "35")
    assert verdict([about_30, too_far], {}).status == "conflicting"
    about_25 = quantity_reading("en", 25, 25, 25, True, "about 25")
    assert verdict([about_30, about_25], {}).status == "conflicting"
    # within rounding and hedging together they agree, as before
    exact_30 = quantity_reading("en", 30, 30, 30, False, "30")
    assert verdict([about_30, exact_30], {}).status == "agreed"


_SPEED = {"kind": "speed", "unit": "kilometer / hour", "normalized_unit": "kilometer / hour"}


def _speed_articles(second_text: str) -> tuple[list[Article], dict[str, list[Quantity]]]:
    """Two sources on one train's speed, worded apart: lexical similarity between
    the cut-off that links an agreement and the stricter one for a conflict."""
    first = _article(
        "a",
        "Officials said the freight train was travelling at around 60 mph when it "
        "entered the bend near the village.",
    )
    second = _article("b", second_text)
    quantities = {
        "a": [_quantity(first, "60 mph", 96.56, **{**_SPEED, "unit": "mph"})],
        "b": [
            _quantity(second, text, value, **_SPEED)
            for text, value in (("80 km/h", 80.0), ("50 km/h", 50.0))
            if text in second_text
        ],
    }
    return [first, second], quantities


def test_one_speed_per_source_is_one_thing_so_a_pair_worded_apart_conflicts() -> None:
    articles, quantities = _speed_articles(
        "The freight train was moving at 80 km/h near the village, a spokesman for the "
        "emergency services said."
    )
    facts = _facts(reconcile(articles, quantities, {}, []), "quantity")
    assert [(f.status, len(f.claims)) for f in facts] == [("conflicting", 2)]


def test_a_source_stating_two_speeds_keeps_the_strict_conflict_cut_off() -> None:
    articles, quantities = _speed_articles(
        "The freight train was moving at 80 km/h near the village, where 50 km/h is the "
        "limit, a spokesman for the emergency services said."
    )
    facts = _facts(reconcile(articles, quantities, {}, []), "quantity")
    assert all(f.status == "single_source" for f in facts)
    assert len(facts) == 3


def _worded_apart(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Sentences of source "a" and source "b" at cosine 0.45: as alike as unrelated
    sentences of one story can be."""
    apart = [0.45, (1 - 0.45**2) ** 0.5]
    return np.asarray([[1.0, 0.0] if "Ahlden" in t else apart for t in texts], np.float32)


@pytest.mark.parametrize(
    ("figure", "kind", "unit", "linked"),
    [("2 km", "length", "kilometer", True), ("2 people", "count", None, False)],
)
def test_an_agreeing_distance_worded_apart_is_one_fact_but_a_count_is_not(
    figure: str, kind: str, unit: str | None, linked: bool
) -> None:
    first = _article("a", f"The train left the rails {figure} east of Ahlden.")
    second = _article("b", f"Rescuers were still busy {figure} from the town on Tuesday.")
    quantities = {
        a.id: [_quantity(a, figure, 2.0, kind=kind, unit=unit, normalized_unit=unit)]
        for a in (first, second)
    }
    no_coincidence = ReconcileParams(grouping=GroupingParams(coincidence_alpha=0.0))
    facts = reconcile([first, second], quantities, {}, [], _worded_apart, no_coincidence)
    agreed = [len(f.claims) for f in _facts(facts, "quantity") if f.status == "agreed"]
    assert agreed == ([2] if linked else [])


def test_counts_of_times_in_two_languages_are_one_fact() -> None:
    # "six times" and "vijf keer" count the same stabs: the word for "times" is one
    # noun in every language, so the pair is linked as a conflict
    first = _article("a", "De Wit stabbed Youssef El Amrani six times after an argument.")
    second = _article("b", "De Wit stak Youssef El Amrani na een ruzie vijf keer.", "nl")
    quantities = {
        first.id: [_quantity(first, "six", 6.0, noun="times")],
        second.id: [_quantity(second, "vijf", 5.0, noun="keer")],
    }
    facts = reconcile([first, second], quantities, {}, [], _similar_at(0.65))
    counts = _facts(facts, "quantity")
    assert [(f.status, len(f.claims)) for f in counts] == [("conflicting", 2)]
    assert noun_key("fois") == noun_key("veces") == noun_key("раз") == noun_key("times")


def _similar_at(cosine: float) -> Callable[[Sequence[str]], npt.NDArray[np.float32]]:
    """An encoder that puts the English sentences of these tests (:data:`_ENGLISH_SIDE`)
    at ``cosine`` to all others."""
    other = [cosine, (1 - cosine**2) ** 0.5]
    return lambda texts: np.asarray(
        [[1.0, 0.0] if t.startswith(_ENGLISH_SIDE) else other for t in texts], np.float32
    )


_ENGLISH_SIDE = ("De Wit stabbed", "More than", "The fire")


def _alike(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Every sentence of source "a" at cosine 0.6 to every one of the others: alike,
    short of the cut-off that links two different counts as a conflict."""
    alike = [0.6, 0.8]
    return np.asarray([[1.0, 0.0] if "Ahlden" in t else alike for t in texts], np.float32)


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("Van de 32 wagons ontspoorden er negen; twee ketelwagens lekten.", True),
        # two figures left over: which differs from which is not known
        ("Van de 32 wagons ontspoorden er negen; drie ketelwagens lekten.", False),
        # nothing agrees: no sign the sentences tell the same thing
        ("Er ontspoorden negen wagons.", False),
    ],
)
def test_the_one_figure_that_differs_in_parallel_sentences_is_a_conflict(
    second: str, conflict: bool
) -> None:
    first = _article("a", "Of the 32 wagons seven left the rails near Ahlden; two tanks leaked.")
    other = _article("b", second, "nl")
    quantities = {
        article.id: [
            _quantity(article, m.group(), float(words[m.group()]), kind="count")
            for m in re.finditer("|".join(words), article.text)
        ]
        for article, words in (
            (first, {"32": 32, "seven": 7, "two": 2}),
            (other, {"32": 32, "negen": 9, "twee": 2, "drie": 3}),
        )
    }
    facts = reconcile([first, other], quantities, {}, [], _alike)
    conflicts = [sorted(c.text for c in f.claims) for f in facts if f.status == "conflicting"]
    assert conflicts == ([["negen", "seven"]] if conflict else [])


def test_a_figure_restated_in_other_units_is_not_a_claim_of_its_own() -> None:
    first = _article("a", "The train was moving at roughly 50 mph (80 km/h), police said.")
    second = _article("b", "The train was moving at 80 km/h, police said.")
    quantities = {
        "a": [
            _quantity(first, "50 mph", 80.47, **{**_SPEED, "unit": "mph"}),
            _quantity(first, "80 km/h", 80.0, **_SPEED),
        ],
        "b": [_quantity(second, "80 km/h", 80.0, **_SPEED)],
    }
    facts = _facts(reconcile([first, second], quantities, {}, []), "quantity")
    assert [(f.status, len(f.claims)) for f in facts] == [("agreed", 2)]
    # with nothing to join, the first-written form stays
    alone = _facts(reconcile([first], {"a": quantities["a"]}, {}, []), "quantity")
    assert [c.text for f in alone for c in f.claims] == ["50 mph"]


def test_an_age_belongs_to_a_person_named_next_to_it_not_to_the_speaker() -> None:
    text = "The 34-year-old driver did everything right, said his manager Bernd Vos."
    article = _article("a", text)
    person = _person("p1", "Bernd Vos", (article, "Bernd Vos"))
    quantities = {"a": [_quantity(article, "34-year-old", 34, kind="age", unit="year")]}
    facts = reconcile([article], quantities, {}, [person])
    assert not any(f.label == "age of Bernd Vos" for f in facts)
    near = _article("b", "Bernd Vos, a 34-year-old driver, did everything right.")
    person = _person("p1", "Bernd Vos", (near, "Bernd Vos"))
    quantities = {"b": [_quantity(near, "34-year-old", 34, kind="age", unit="year")]}
    assert any(f.label == "age of Bernd Vos" for f in reconcile([near], quantities, {}, [person]))


def test_an_age_before_a_role_set_beside_a_name_is_that_persons() -> None:
    text = "Das sagte die 52-jährige Leiterin des regionalen Katastrophenschutzes, Marta Ibáñez."
    article = _article("a", text, "de")
    person = _person("p1", "Marta Ibáñez", (article, "Marta Ibáñez"))
    quantities = {"a": [_quantity(article, "52-jährige", 52, kind="age", unit="year")]}
    facts = reconcile([article], quantities, {}, [person])
    assert any(f.label == "age of Marta Ibáñez" for f in facts)
    # a verb of saying before the name still tells of someone else
    said = _article("b", "Die 52-jährige Fahrerin blieb unverletzt, sagte Marta Ibáñez.", "de")
    person = _person("p1", "Marta Ibáñez", (said, "Marta Ibáñez"))
    quantities = {"b": [_quantity(said, "52-jährige", 52, kind="age", unit="year")]}
    facts = reconcile([said], quantities, {}, [person])
    assert not any(f.label == "age of Marta Ibáñez" for f in facts)


def test_an_area_is_shown_in_square_kilometres() -> None:
    en = _article("en", "The fire burned 47,000 acres of forest near Segorbe.")
    de = _article("de", "Das Feuer vernichtete 19.000 Hektar Wald bei Segorbe.", "de")
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in (en, de)}
    facts = _facts(reconcile([en, de], quantities, {}, [], _similar_at(0.7)), "quantity")
    assert [f.status for f in facts] == ["agreed"]
    assert "190 km²" in facts[0].explanation and "**" not in facts[0].explanation


def test_a_fact_is_labelled_from_an_english_source_when_one_has_a_claim() -> None:
    # the report is in English: "count of firefighters", not "count of Feuerwehrleute"
    de = _article("de", "Über 600 Feuerwehrleute sind im Einsatz.", "de")
    en = _article("en", "More than 600 firefighters were fighting the blaze.")
    quantities = {
        "de": [_quantity(de, "600", 600.0, noun="Feuerwehrleute")],
        "en": [_quantity(en, "600", 600.0, noun="firefighters")],
    }
    facts = _facts(reconcile([de, en], quantities, {}, [], _similar_at(0.7)), "quantity")
    assert [f.label.split(":")[0] for f in facts] == ["count of firefighters"]
    # an English claim that names no noun: no German noun in an English report
    quantities["en"] = [_quantity(en, "600", 600.0)]
    facts = _facts(reconcile([de, en], quantities, {}, [], _similar_at(0.7)), "quantity")
    assert [f.label.split(":")[0] for f in facts] == ["count"]


def _same_sentence(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Every sentence the same: the sources say one thing."""
    return np.ones((len(texts), 1), dtype=np.float32)


def test_a_label_starts_after_the_sentences_figure_before_its_own() -> None:
    en = _article("en", "Eleven of the train's 24 wagons left the track near Allerhude.")
    de = _article("de", "Elf der 24 Waggons sprangen bei Allerhude aus den Gleisen.", "de")
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in (en, de)}
    facts = _facts(reconcile([en, de], quantities, {}, [], _same_sentence), "quantity")
    assert {f.label for f in facts} == {
        "count: Eleven of the train's 24 wagons left the track…",
        "count of wagons: …of the train's 24 wagons left the track near Allerhude.",
    }
    # a figure restated in brackets keeps the figure it restates
    en = _article("en", "Damage was put at around $9.3 million (8 million euros).")
    de = _article("de", "Der Schaden wird auf rund acht Millionen Euro geschätzt.", "de")
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in (en, de)}
    facts = _facts(reconcile([en, de], quantities, {}, [], _same_sentence), "quantity")
    assert [f.label for f in facts] == ["money: …around $9.3 million (8 million euros)."]


def test_an_age_told_before_a_name_in_a_list_is_that_names() -> None:
    text = "Police named 34-year-old Ada Brook, 19-year-old Cem Ulu and a third man."
    article = _article("a", text)
    people = [_person(f"p{i}", n, (article, n)) for i, n in enumerate(("Ada Brook", "Cem Ulu"))]
    quantities = {
        "a": [
            _quantity(article, "34-year-old", 34, kind="age", unit="year"),
            _quantity(article, "19-year-old", 19, kind="age", unit="year"),
        ]
    }
    facts = reconcile([article], quantities, {}, people)
    ages = {f.label: f.claims[0].text for f in facts if f.label.startswith("age of")}
    assert ages == {"age of Ada Brook": "34-year-old", "age of Cem Ulu": "19-year-old"}


@pytest.mark.parametrize(
    ("text", "language", "ages"),
    [
        (
            "Unter den Toten sind der Steiger Jan Roth und der 31 Jahre alte Bergmann Ole Fink.",
            "de",
            {"31 Jahre alte": "Ole Fink"},
        ),
        (
            "The dead were Ada Brook, 52, and her 19-year-old son Cem Ulu.",
            "en",
            {"52": "Ada Brook", "19-year-old": "Cem Ulu"},
        ),
        # a linking word stands between: the name after is in another phrase
        (
            "Police questioned Ada Brook after a 19-year-old friend of Cem Ulu called them.",
            "en",
            {"19-year-old": None},
        ),
    ],
)
def test_an_age_before_a_role_and_a_name_is_that_names_though_another_is_nearer(
    text: str, language: str, ages: dict[str, str | None]
) -> None:
    article = _article("a", text, language)
    names = re.findall(r"(?:Jan Roth|Ole Fink|Ada Brook|Cem Ulu)", text)
    people = [_person(f"p{i}", n, (article, n)) for i, n in enumerate(names)]
    quantities = {
        "a": [
            _quantity(article, age, float(re.sub(r"\D", "", age)), kind="age", unit="year")
            for age in ages
        ]
    }
    facts = reconcile([article], quantities, {}, people)
    found = {
        f.claims[0].text: f.label.removeprefix("age of ")
        for f in facts
        if f.label.startswith("age of")
    }
    for age, name in ages.items():
        assert found.get(age) == name if name else found.get(age) != "Cem Ulu"


@pytest.mark.parametrize(
    ("text", "language", "age", "owner"),
    [
        # a word for people after the age: someone the sentence does not name
        (
            "Naast Ada Brook kwamen een 67-jarige vrouw en een man om het leven.",
            "nl",
            "67-jarige",
            None,
        ),
        ("Ada Brook shot a 25-year-old man in the leg.", "en", "25-year-old", None),
        # unless the age is set beside the name, or the person is named after a comma
        ("Ada Brook, a 34-year-old driver, was unhurt.", "en", "34-year-old", "Ada Brook"),
        ("Ada Brook's 2-year-old daughter, Cem Ulu, died.", "en", "2-year-old", "Cem Ulu"),
    ],
)
def test_an_age_before_a_word_for_people_after_a_name_is_of_someone_else(
    text: str, language: str, age: str, owner: str | None
) -> None:
    article = _article("a", text, language)
    names = re.findall(r"(?:Ada Brook|Cem Ulu)", text)
    people = [_person(f"p{i}", n, (article, n)) for i, n in enumerate(names)]
    value = float(re.sub(r"\D", "", age))
    quantities = {"a": [_quantity(article, age, value, kind="age", unit="year")]}
    labels = [f.label for f in reconcile([article], quantities, {}, people)]
    owners = [label.removeprefix("age of ") for label in labels if label.startswith("age of")]
    assert owners == ([owner] if owner else [])


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        (
            "Ada Brook spoke for the airport. The 16-year-old aircraft had been in its fleet.",
            "en",
            "16-year-old",
        ),
        ("Laut Ada Brook war das 16 Jahre alte Flugzeug gewartet worden.", "de", "16 Jahre alte"),
        ("Ада Брук сообщила, что 16-летний самолёт прошёл проверку.", "ru", "16-летний"),
    ],
)
def test_an_age_before_a_word_for_a_thing_is_the_things(text: str, language: str, age: str) -> None:
    article = _article("a", text, language)
    name = "Ада Брук" if language == "ru" else "Ada Brook"
    people = [_person("p0", "Ada Brook", (article, name))]
    quantities = {"a": [_quantity(article, age, 16.0, kind="age", unit="year")]}
    labels = [f.label for f in reconcile([article], quantities, {}, people)]
    assert not [label for label in labels if label.startswith("age of")]


def test_an_age_several_listed_people_share_is_each_ones() -> None:
    text = "Police want Ada Brook, Cem Ulu and Dara Voss, all 23, in the shooting. Eda Kaya fled."
    article = _article("a", text)
    people = [
        _person(f"p{i}", n, (article, n))
        for i, n in enumerate(("Ada Brook", "Cem Ulu", "Dara Voss", "Eda Kaya"))
    ]
    quantities = {"a": [_quantity(article, "23", 23, kind="age", unit="year")]}
    facts = reconcile([article], quantities, {}, people)
    ages = sorted(f.label for f in facts if f.label.startswith("age of"))
    assert ages == ["age of Ada Brook", "age of Cem Ulu", "age of Dara Voss"]
    for fact in facts:
        assert all(c.text == text[c.start : c.end] for c in fact.claims)


@pytest.mark.parametrize("told", [", age 38 and ", ", 38, and ", " (38) en "])
def test_an_age_told_after_a_name_is_that_persons_though_another_name_is_closer(
    told: str,
) -> None:
    text = f"Two people died, including Ada Brook{told}Cem Ulu, police said."
    article = _article("a", text)
    brook = _person("p1", "Ada Brook", (article, "Ada Brook"))
    ulu = _person("p2", "Cem Ulu", (article, "Cem Ulu"))
    quantities = {"a": [_quantity(article, "38", 38, kind="age", unit="year")]}
    labels = {f.label for f in reconcile([article], quantities, {}, [brook, ulu])}
    assert "age of Ada Brook" in labels
    assert "age of Cem Ulu" not in labels


@pytest.mark.parametrize(
    ("text", "aged"),
    [
        (
            "The driver Olexandr Kovalchuk has left hospital. The 34-year-old did everything "
            "right, said his manager Bernd Vos.",
            True,
        ),
        # two people named before: which one is meant is not said
        (
            "Olexandr Kovalchuk met Anna Berg in hospital. The 34-year-old did everything "
            "right, said his manager Bernd Vos.",
            False,
        ),
        # the age does not open its sentence: "a 34-year-old" is someone new
        (
            "The driver Olexandr Kovalchuk has left hospital. Later a 34-year-old said he did "
            "everything right, said his manager Bernd Vos.",
            False,
        ),
        # a sentence that names no one stands between: the one named before it
        (
            "The driver Olexandr Kovalchuk has left hospital. He was questioned on Tuesday. "
            "The 34-year-old did everything right, said his manager Bernd Vos.",
            True,
        ),
        # two sentences that name no one: too far back
        (
            "The driver Olexandr Kovalchuk has left hospital. He was questioned on Tuesday. "
            "He went home. The 34-year-old did everything right, said his manager Bernd Vos.",
            False,
        ),
    ],
)
def test_an_age_opening_its_sentence_is_of_the_one_person_named_before(
    text: str, aged: bool
) -> None:
    article = _article("a", text)
    people = [
        _person(f"p{n}", name, (article, name))
        for n, name in enumerate(("Olexandr Kovalchuk", "Anna Berg", "Bernd Vos"))
        if name in text
    ]
    quantities = {"a": [_quantity(article, "34-year-old", 34, kind="age", unit="year")]}
    labels = {f.label for f in reconcile([article], quantities, {}, people)}
    assert ("age of Olexandr Kovalchuk" in labels) is aged
    assert not {"age of Anna Berg", "age of Bernd Vos"} & labels


def test_named_casualties_count_each_person_once() -> None:
    from corroborate.reconcile.named import named_casualties

    text = "The shooting that killed Ada Brook shocked the town. Brook died at the scene."
    people = [
        (text.index("Ada Brook"), text.index("Ada Brook") + 9, "p1"),
        (text.index("Brook died"), text.index("Brook died") + 5, "p1"),
    ]
    found = named_casualties(text, "en", people)
    assert [(text[c.start : c.end], c.slot, c.victim) for c in found] == [
        ("killed Ada Brook", "killed", "p1"),
        ("Brook died", "killed", "p1"),
    ]
    article = _article("a", text)
    person = _person("p1", "Ada Brook", (article, "Ada Brook"))
    person.mentions.append(Mention("a", people[1][0], people[1][1]))
    killed = next(f for f in reconcile([article], {}, {}, [person]) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 1.0}


@pytest.mark.parametrize(
    ("text", "language", "name", "phrase"),
    [
        ("El Amrani overleed twee dagen later.", "nl", "El Amrani", "El Amrani overleed"),
        ("Ada Brook is twee dagen later in het ziekenhuis overleden.", "nl", "Ada Brook",
         "Ada Brook is twee dagen later in het ziekenhuis overleden"),
        ("Ada Brook (27) starb im Krankenhaus.", "de", "Ada Brook", "Ada Brook (27) starb"),
        ("Ada Brook ist später gestorben.", "de", "Ada Brook", "Ada Brook ist später gestorben"),
        ("Ada Brook est décédée à l'hôpital.", "fr", "Ada Brook", "Ada Brook est décédée"),
        ("Ada Brook murió dos días después.", "es", "Ada Brook", "Ada Brook murió"),
        ("Ада Брук скончалась в больнице.", "ru", "Ада Брук", "Ада Брук скончалась"),
    ],
)  # fmt: skip
def test_a_name_then_a_verb_of_dying_is_one_killed_in_other_languages(
    text: str, language: str, name: str, phrase: str
) -> None:
    person = (text.index(name), text.index(name) + len(name), "p1")
    found = named_casualties(text, language, [person])
    assert [(text[c.start : c.end], c.slot, c.victim) for c in found] == [(phrase, "killed", "p1")]


def test_the_victim_dying_and_the_named_victim_dying_are_one_person() -> None:
    texts = {
        "de": "Ada Brook wurde niedergestochen. Das Opfer starb zwei Tage später.",
        "nl": "El Amrani overleed. Volgens de politie zei Ada Brook dat ze het zag.",
    }
    assert [(c.slot, c.victim) for c in implied_counts(texts["de"], "de")] == [
        ("killed", REFERRED_VICTIM)
    ]
    said = texts["nl"].index("Ada Brook")
    assert named_casualties(texts["nl"], "nl", [(said, said + 9, "p2")]) == []
    article = _article("a", texts["de"], language="de")
    person = _person("p1", "Ada Brook", (article, "Ada Brook"))
    killed = next(f for f in reconcile([article], {}, {}, [person]) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 1.0}


def test_an_active_spanish_verb_of_arrest_before_a_count_fills_the_arrested_slot() -> None:
    texts = {
        "es": "La policía detuvo a 12 personas tras los enfrentamientos.",
        "en": "Officers detained 14 people after clashes.",
    }
    articles = [_article(key, text, language=key) for key, text in texts.items()]
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in articles}
    facts = reconcile(articles, quantities, {}, [])
    arrested = next(f for f in facts if f.label == "people arrested")
    assert article_values(arrested.claims) == {"es": 12.0, "en": 14.0}
    assert arrested.status == "conflicting"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Five men were arrested on Saturday.", "en"),
        ("Five men, aged between 31 and 52, were arrested.", "en"),
        ("Fünf Männer im Alter von 31 bis 52 Jahren wurden festgenommen.", "de"),
        ("Cinco hombres de entre 31 y 52 años fueron detenidos.", "es"),
        ("Cinq hommes âgés de 31 à 52 ans ont été interpellés.", "fr"),
        ("Er zijn vijf verdachten aangehouden.", "nl"),
    ],
)
def test_a_count_told_arrested_after_it_fills_the_arrested_slot(text: str, language: str) -> None:
    facts = _read(text, language)
    arrested = next(f for f in facts if f.label == "people arrested")
    assert article_values(arrested.claims) == {"a": 5.0}


def test_a_crime_named_before_suspects_or_a_deed_only_tried_fills_no_slot() -> None:
    shootout = "Two officers were wounded in a shootout with two murder suspects."
    assert _slot_of(shootout, "Two") == "injured"
    assert _slot_of(shootout, "two murder") is None
    assert _slot_of("Two murder suspects were arrested on Monday.", "Two") == "arrested"
    assert _slot_of("He is accused of trying to kill 2 officers.", "2") is None
    assert _slot_of("He threatened to shoot three people.", "three") is None
    assert _slot_of("He tried to flee and killed 2 people.", "2") == "killed"


def test_one_person_joined_after_a_count_before_their_verb_is_one_more() -> None:
    for text, claim in (
        (
            "Two bailiffs and the shooter are dead in the courthouse.",
            "Two bailiffs and the shooter",
        ),
        ("A sheriff says two bailiffs and a gunman are dead.", "two bailiffs and a gunman"),
    ):
        facts = [f for f in _read(text) if f.label == "people killed"]
        assert [(c.text, c.attributes["value"]) for f in facts for c in f.claims] == [(claim, 3)]
    facts = _read("Two people were killed and the suspect was arrested.")
    killed = [c.attributes["value"] for f in facts if f.label == "people killed" for c in f.claims]
    assert killed == [2]


def test_a_number_before_a_singular_verb_is_no_count() -> None:
    text = "Kalone Mcgee, 26 was shot in the left leg and Jamie clayton, 22 was shot in both legs."
    assert _slot_of(text, "22") is None
    assert _slot_of("One was killed and two were hurt.", "One") == "killed"


def test_a_count_of_suspects_with_no_arrest_fills_no_slot() -> None:
    # a caption: the suspects are not the ones shot
    facts = _read("Two suspects outstanding teen driver shot on I-10.")
    assert [f.label for f in facts if f.label.startswith("people")] == []


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("Dos niños, de 3 y 5 años, han fallecido.", "es", "Dos"),
        ("Deux enfants, âgés de 3 et 5 ans, sont morts.", "fr", "Deux"),
        ("Zwei Kinder, im Alter von 3 und 5 Jahren, starben.", "de", "Zwei"),
        ("Двое детей в возрасте 3 и 5 лет скончались.", "ru", "Двое"),
        ("Two children, aged 3 and 5, have died.", "en", "Two"),
    ],
)
def test_a_count_past_the_ages_of_those_it_counts_fills_its_slot(
    text: str, language: str, count: str
) -> None:
    at = text.index(count)
    assert count_slot(text, at, at + len(count), language) == "killed"


def test_english_reads_past_ages_only_to_a_death() -> None:
    """ "Two men, ages 26 and 27, were shot": the count keeps the reading it had."""
    text = "Two men, ages 26 and 27, were shot once in the foot."
    assert count_slot(text, 0, 3, "en") == count_slot("Two men, ages 26 and 27.", 0, 3, "en")


def test_an_age_told_as_a_bound_is_no_ones_age() -> None:
    text = "Most cases are among children under 10, said Dr Elena Marquez."
    article = _article("a", text)
    person = _person("p1", "Elena Marquez", (article, "Elena Marquez"))
    quantities = {"a": find_quantities("a", text, "en")}
    facts = reconcile([article], quantities, {}, [person])
    assert not [f for f in facts if f.label.startswith("age of")]


def test_a_stated_condition_implies_one_injured_person_however_often_repeated() -> None:
    text = "A teen is in critical condition. Doctors said he remained in critical condition."
    found = implied_counts(text, "en")
    assert [c.slot for c in found] == ["injured", "injured"]
    article = _article("a", text)
    injured = next(f for f in reconcile([article], {}, {}, []) if f.label == "people injured")
    assert article_values(injured.claims) == {"a": 1.0}


def test_a_count_of_things_fills_no_casualty_slot() -> None:
    text = "He was charged with 6 counts of robbery after 3 people were killed near 40 Elm Road."
    article = _article("a", text)
    quantities = {
        "a": [
            _quantity(article, "6", 6, noun="counts"),
            _quantity(article, "3", 3, noun="people"),
            _quantity(article, "40", 40, noun="Elm"),
        ]
    }
    killed = next(f for f in reconcile([article], quantities, {}, []) if f.label == "people killed")
    assert [c.text for c in killed.claims] == ["3"]


def test_implied_counts_read_outcomes_objects_and_references_back() -> None:
    text = (
        "A fire at the mill left a security guard injured. A driver had been shot and was "
        "pronounced dead. A boy accidentally shot his 9-year-old brother. The officer was not hurt."
    )
    found = _implied_phrases(text)
    assert found == [
        ("left a security guard injured", "injured"),
        ("A driver had been shot and was pronounced dead", "killed"),
        ("shot his 9-year-old brother", "shot"),
    ]


def test_another_alone_is_one_more_person() -> None:
    text = "A teen is dead and another is injured after shots were fired at a party."
    assert _implied_phrases(text) == [
        ("A teen is dead", "killed"),
        ("another is injured", "injured"),
    ]
    assert _implied_phrases("Another was shot in the arm.") == [("Another was shot", "shot")]


def test_someone_named_before_and_also_hurt_is_one_more_person() -> None:
    text = "An officer was shot during a traffic stop. The suspect was also struck by gunfire."
    shot = next(f for f in _read(text) if f.label == "people shot")
    assert article_values(shot.claims) == {"a": 2.0}
    # a pronoun with "also" is the same person hurt again
    text = "An officer was shot during a traffic stop. He was also shot in the arm."
    shot = next(f for f in _read(text) if f.label == "people shot")
    assert article_values(shot.claims) == {"a": 1.0}
    # "also" in an aside tells nothing of the fate
    text = "An officer was shot on Elm Road. The officer, who also lives there, was shot twice."
    shot = next(f for f in _read(text) if f.label == "people shot")
    assert article_values(shot.claims) == {"a": 1.0}


def test_two_people_who_suffered_injuries_are_two_injured() -> None:
    text = "A man and a police officer suffered minor injuries in the shooting."
    found = _implied_people(text)
    assert ("A man and a police officer suffered minor injuries", "injured", 2) in found


def test_a_name_and_one_more_person_shot_are_two_shot() -> None:
    text = "The car sped off. Maxwell and another teenager were shot near the house."
    found = _implied_people(text)
    assert ("Maxwell and another teenager were shot", "shot", 2) in found


def test_implied_counts_read_relative_clauses_second_victims_and_hospital_outcomes() -> None:
    text = (
        "A 4-year-old who was shot in the leg is stable. Another woman was also hurt. "
        "A 21 year old female was rushed to a hospital, where she died. "
        "An 8-year-old boy is recovering at home. The boy was taken to a hospital but was "
        "dead on arrival. A girl shot and critically injured her brother."
    )
    found = _implied_phrases(text)
    assert found == [
        ("A 4-year-old who was shot", "shot"),
        ("Another woman was also hurt", "injured"),
        ("A 21 year old female was rushed to a hospital, where she died", "killed"),
        ("she died", "killed"),  # a reference back: the same person, counted once
        ("An 8-year-old boy is recovering", "injured"),
        ("The boy was taken to a hospital but was dead on arrival", "killed"),
        ("shot and critically injured her brother", "injured"),
    ]
    text = "Another 15-year-old in the red Lexus was also shot."
    assert _implied_phrases(text) == [(text.rstrip("."), "shot")]


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        (
            "A man in his 40s was shot in the hand. The gun discharged, striking the driver "
            "in the back. She suffered a gunshot wound to the leg. He was struck by a stray "
            "bullet.",
            [
                ("A man in his 40s was shot", "shot"),
                ("striking the driver", "shot"),
                ("gunshot wound", "shot"),
                ("He was struck by a stray bullet", "shot"),
            ],
        ),
        (
            "A 4-year-old girl was hit by a stray bullet. While she slept, a bullet hit her. "
            "The boy was taken to the hospital after being shot. He was hit by a car.",
            [
                ("A 4-year-old girl was hit by a stray bullet", "shot"),
                ("bullet hit her", "shot"),
                ("The boy was taken to the hospital", "injured"),
                ("after being shot", "shot"),
            ],
        ),
        (
            "A gunshot fired near Bartlett and Fuller Streets grazed a 3-year-old boy.",
            [("gunshot fired near Bartlett and Fuller Streets grazed a 3-year-old boy", "shot")],
        ),
    ],
)
def test_implied_counts_read_wounds_strikes_and_ages_by_decade(
    text: str, phrases: list[tuple[str, str]]
) -> None:
    assert _implied_phrases(text) == phrases


def test_implied_deaths_read_bodies_reduced_clauses_and_long_appositions() -> None:
    from corroborate.reconcile.named import named_casualties

    text = (
        "A body was found in a field. The man was deceased. Friends of a 16-year-old boy "
        "shot and killed late Friday held a vigil. A woman fatally wounded on Elm Road. "
        "A 42-year-old Elmton man found dead in his hunting gear had shot himself."
    )
    found = _implied_phrases(text)
    assert found[:4] == [
        ("A body was found", "killed"),
        ("The man was deceased", "killed"),
        ("a 16-year-old boy shot and killed late", "killed"),
        ("A woman fatally wounded on", "killed"),
    ]
    assert ("A 42-year-old Elmton man found dead in", "killed") in found
    text = "Ada Brook, 16, of Elmton, died Wednesday."
    named = named_casualties(text, "en", [(0, 9, "ada")])
    assert [(c.victim, c.slot) for c in named] == [("ada", "killed")]


def test_a_person_also_hurt_is_one_more() -> None:
    text = "A boy was wounded in a shooting that also injured a woman. A boy was wounded."
    article = _article("a", text)
    injured = next(f for f in reconcile([article], {}, {}, []) if f.label == "people injured")
    assert article_values(injured.claims) == {"a": 2.0}


def test_two_people_in_one_phrase_count_two() -> None:
    text = (
        "A man and his 11-year-old son were found dead in a car on Elm Road. Both were "
        "pronounced dead at the scene."
    )
    found = _implied_people(text)
    assert ("A man and his 11-year-old son were found dead", "killed", 2) in found
    assert ("Both were pronounced dead", "killed", 2) in found
    relatives = (
        "Ada Brook, 13, and his father, Cem, were killed at home. Dara Voss and her "
        "2-year-old son were both found dead. A father and son are found shot to death."
    )
    assert [phrase for phrase, _, people in _implied_people(relatives) if people == 2] == [
        "Ada Brook, 13, and his father, Cem, were killed",
        "Dara Voss and her 2-year-old son were both found dead",
        "A father and son are found shot to death",
    ]
    objects = (
        "Bullets hit his wife and his 10-year-old son. He killed his wife and son. She "
        "is accused of killing a 6-year-old boy and wounding his father."
    )
    assert [(phrase, slot) for phrase, slot, people in _implied_people(objects) if people == 2] == [
        ("hit his wife and his 10-year-old son", "shot"),
        ("killed his wife and son", "killed"),
    ]
    assert ("Bullets hit his wife", "shot", 1) in _implied_people(objects)
    died = "A man and woman were taken to a hospital, where they later died."
    assert {slot for _, slot, _ in _implied_people(died)} == {"killed"}
    assert ("killed", 2) in [(slot, people) for _, slot, people in _implied_people(died)]
    # one and several: "his wife and their two daughters" are three
    several = "He is accused of killing his wife and their two infant daughters at home."
    assert ("killing his wife and their two infant daughters", "killed", 3) in _implied_people(
        several
    )
    article = _article("a", text)
    killed = next(f for f in reconcile([article], {}, {}, []) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 2.0}
    aside = "A man and woman, both 35 years old, were found dead in the home."
    assert _killed_values(aside) == {"a": 2.0}


@pytest.mark.parametrize(
    ("text", "phrase", "slot", "people"),
    [
        (
            "A man, a woman and a teenager were shot and killed on Elm Road.",
            "A man, a woman and a teenager were shot and killed",
            "killed",
            3,
        ),
        (
            "He came home to find his 55-year-old wife, 26-year-old son, and 10-year-old "
            "daughter dead.",
            "find his 55-year-old wife, 26-year-old son, and 10-year-old daughter dead",
            "killed",
            3,
        ),
        (
            "Police are looking into the shooting deaths of a mother, son and little girl.",
            "deaths of a mother, son and little girl",
            "killed",
            3,
        ),
        (
            "A woman, her boyfriend, her cousin and a 4-year-old girl were wounded.",
            "A woman, her boyfriend, her cousin and a 4-year-old girl were wounded",
            "injured",
            4,
        ),
    ],
)
def test_a_list_of_people_counts_each(text: str, phrase: str, slot: str, people: int) -> None:
    found = _implied_people(text)
    assert (phrase, slot, people) in found


def test_a_list_of_people_told_of_several_incidents_is_their_total() -> None:
    text = (
        "A man was shot on Elm Road on Sunday. Last month, a 4-year-old boy, a 5-year-old "
        "girl and a 7-year-old boy were shot in separate incidents."
    )
    values = {f.label: article_values(f.claims) for f in _read(text) if f.kind == "quantity"}
    assert values["people shot"] == {"a": 1.0}
    assert values["people shot in several incidents"] == {"a": 3.0}


def test_a_second_name_joined_by_and_shares_the_fate() -> None:
    from corroborate.reconcile.named import named_casualties

    text = "The gunman killed Ada Brook, 21, and Cem Ulu on Friday. Dara Voss was not hurt."
    persons = [(text.index(n), text.index(n) + len(n), n) for n in ("Ada Brook", "Cem Ulu")]
    persons.append((text.index("Dara Voss"), text.index("Dara Voss") + 9, "Dara Voss"))
    found = {(c.victim, c.slot) for c in named_casualties(text, "en", persons)}
    assert found == {("Ada Brook", "killed"), ("Cem Ulu", "killed")}
    # the second told by kin, then name; and "the deaths of"
    for text in (
        "Police say he killed Ada Brook and her daughter, Cem Ulu, on Friday.",
        "He is charged in the deaths of Ada Brook, 9, and Cem Ulu, 52.",
    ):
        persons = [(text.index(n), text.index(n) + len(n), n) for n in ("Ada Brook", "Cem Ulu")]
        found = {(c.victim, c.slot) for c in named_casualties(text, "en", persons)}
        assert found == {("Ada Brook", "killed"), ("Cem Ulu", "killed")}


def test_a_name_joined_by_and_to_a_plural_predicate_shares_the_fate() -> None:
    from corroborate.reconcile.named import named_casualties

    text = (
        "Ada Brook and her son, 17-year-old Cem Brook were found dead on Sunday. "
        "Dara Voss and Eli Ward was hurt."
    )
    names = ("Ada Brook", "Cem Brook", "Dara Voss", "Eli Ward")
    persons = [(text.index(n), text.index(n) + len(n), n) for n in names]
    found = {(c.victim, c.slot) for c in named_casualties(text, "en", persons)}
    # "was hurt" is Eli Ward's alone
    assert found == {("Ada Brook", "killed"), ("Cem Brook", "killed"), ("Eli Ward", "injured")}
    # each name of a list that "and" ends
    text = "Officials say 34-year-old Ada Brook, 19-year-old Cem Ulu and Dara Voss were killed."
    listed = ("Ada Brook", "Cem Ulu", "Dara Voss")
    persons = [(text.index(n), text.index(n) + len(n), n) for n in listed]
    found = {(c.victim, c.slot) for c in named_casualties(text, "en", persons)}
    assert found == {(name, "killed") for name in listed}


def test_a_named_person_killed_is_not_also_counted_injured() -> None:
    from corroborate.reconcile.named import named_casualties

    text = "Ada Brook was taken to a hospital. Later, Ada Brook died. Cem Ulu was wounded."
    starts = [text.index("Ada"), text.index("Ada Brook died"), text.index("Cem")]
    persons = [(starts[0], starts[0] + 9, "ada"), (starts[1], starts[1] + 9, "ada")]
    persons.append((starts[2], starts[2] + 7, "cem"))
    found = {(c.victim, c.slot) for c in named_casualties(text, "en", persons)}
    assert found == {("ada", "killed"), ("cem", "injured")}


def test_a_name_with_a_clause_saying_it_was_also_hurt_is_a_casualty() -> None:
    from corroborate.reconcile.named import named_casualties

    text = (
        "Both Pruitt and Paylor, who was also shot during the robbery, were taken to "
        "hospital. A vigil honoured Javon Booker, who died after he was shot in May."
    )
    names = ("Paylor", "Javon Booker")
    persons = [(text.index(n), text.index(n) + len(n), n) for n in names]
    found = {(c.victim, c.slot) for c in named_casualties(text, "en", persons)}
    # without "also" such a clause is mostly someone recalled, not this event's
    assert found == {("Paylor", "shot")}


def test_casualties_of_a_sentence_about_another_incident_are_not_the_storys() -> None:
    text = (
        "A man was killed on Elm Road on Friday. In a separate shooting, two men were "
        "wounded. In that case, a 15-year-old was killed and a 14-year-old injured. "
        "In the shooting on Elm Road, three people were wounded."
    )
    article = _article("a", text)
    quantities = {
        "a": [
            _quantity(article, "two", 2, noun="men"),
            _quantity(article, "three", 3, noun="people"),
        ]
    }
    facts = reconcile([article], quantities, {}, [])
    # the other incident's counts fill no slot; one source's figure without one is
    # not reported on its own
    assert [(f.label, [c.text for c in f.claims]) for f in facts if f.kind == "quantity"] == [
        ("people killed", ["A man was killed"]),
        ("people injured", ["three"]),
    ]


def test_a_sentence_opening_on_another_shooting_that_happened_is_not_the_storys() -> None:
    text = (
        "A man was wounded on Elm Road on Friday. Another fatal shooting happened two "
        "hours earlier on Oak Street, where a man was shot and killed."
    )
    facts = reconcile([_article("a", text)], {}, {}, [])
    assert [(f.label, [c.text for c in f.claims]) for f in facts if f.kind == "quantity"] == [
        ("people injured", ["A man was wounded"]),
    ]
    # another victim of the story's own shooting is still the story's
    text = "A man was wounded on Elm Road on Friday. Another man was shot and killed."
    facts = reconcile([_article("a", text)], {}, {}, [])
    assert "people killed" in [f.label for f in facts]


def test_casualties_of_a_video_teaser_line_are_not_the_storys() -> None:
    text = (
        "A man was wounded on Elm Road on Friday.\n\n"
        "0:55 Resident describes fatal shooting as tragic\n"
        "1:01 Girl fatally shot at Wilson Homes\n\n"
        "8:10 p.m. UPDATE: A woman was also wounded, police said."
    )
    facts = reconcile([_article("a", text)], {}, {}, [])
    assert [(f.label, [c.text for c in f.claims]) for f in facts if f.kind == "quantity"] == [
        ("people injured", ["A man was wounded", "A woman was also wounded"]),
    ]


@pytest.mark.parametrize(
    ("link", "number", "language"),
    [
        ("► Related: Grandparents charged in fatal shooting of Detroit girl, 5", None, "en"),
        ("Read more: Two men killed in Elm Road crash", "Two", "en"),
        ("Lees ook: Twee doden bij aanrijding op de A1", "Twee", "nl"),
        ("Lesen Sie auch: Zwei Tote bei Unfall auf der A1", "Zwei", "de"),
        ("Читайте также: Два человека погибли в ДТП", "Два", "ru"),
    ],
)
def test_casualties_of_a_link_to_another_story_are_not_the_storys(
    link: str, number: str | None, language: str
) -> None:
    def casualty_facts(article: Article) -> list[str]:
        counts = [_quantity(article, number, 2, kind="count")] if number else []
        facts = reconcile([article], {article.id: counts}, {}, [])
        return [f.label for f in facts if f.label.startswith("people")]

    text = f"Nobody was hurt.\n\n{link}\n\nPolice are investigating."
    assert casualty_facts(_article("a", text, language)) == []
    # the same words as a sentence of the story fill a slot
    assert casualty_facts(_article("b", link.split(": ", 1)[1] + ".", language))


@pytest.mark.parametrize(
    ("heading", "teaser", "number", "noun", "language"),
    [
        (
            "More stories you may like on 7News",
            "Two men were killed on Elm Road.",
            "Two",
            "men",
            "en",
        ),
        (
            "Das könnte Sie auch interessieren",
            "Zwei Menschen wurden getötet.",
            "Zwei",
            "Menschen",
            "de",
        ),
        ("Другие новости", "Два человека погибли.", "Два", "человека", "ru"),
    ],
)
def test_teasers_after_a_more_stories_heading_fill_no_casualty_slot(
    heading: str, teaser: str, number: str, noun: str, language: str
) -> None:
    def casualty_facts(article: Article) -> list[str]:
        counts = [_quantity(article, number, 2, kind="count", noun=noun)]
        facts = reconcile([article], {article.id: counts}, {}, [])
        return [f.label for f in facts if f.label.startswith("people")]

    text = f"Nobody was hurt.\n\n{heading}\n\n{teaser}\n\nPolice said more."
    assert casualty_facts(_article("a", text, language)) == []
    # the same sentence in the story's own text fills its slot
    assert casualty_facts(_article("b", f"Nobody else was hurt.\n\n{teaser}", language))


def test_a_gallery_caption_scraped_with_the_page_fills_no_casualty_slot() -> None:
    text = "Nobody was hurt.\n\nCaption Double homicide being investigated in Elm County\n\n"
    assert not [f for f in reconcile([_article("a", text)], {}, {}, []) if f.kind == "quantity"]
    told = "Police said the double homicide happened on Elm Road."
    assert [f.label for f in reconcile([_article("b", told)], {}, {}, [])] == ["people killed"]


def test_a_casualty_dated_to_an_earlier_event_is_not_counted() -> None:
    text = (
        "A teen was killed on the same block last week. A girl who was fatally shot in 2012 "
        "lived nearby. A man was wounded on Friday."
    )
    found = _implied_phrases(text)
    assert found == [("A man was wounded", "injured")]
    # a paragraph ends the sentence: the next one's "three days earlier" is its own
    text = (
        "She died of her wounds. A second person was also injured.\n\n"
        "Police said his mother was killed in a shooting three days earlier."
    )
    assert ("A second person was also injured", "injured") in _implied_phrases(text)
    # a stretch of time after which this event came
    text = (
        "The shooting came eight months after a bystander was killed nearby, and one week "
        "after a fatal shooting on Oak Street. A man was wounded on Friday. He died three "
        "days before a woman was wounded."
    )
    assert _implied_phrases(text) == [
        ("A man was wounded", "injured"),
        ("He died", "killed"),
        ("a woman was wounded", "injured"),
    ]


def test_a_person_referred_back_to_is_not_counted_twice() -> None:
    text = (
        "A teen was killed on Elm Road. The teen was pronounced dead at the scene. He died "
        "instantly, police said. A teen was killed on Elm Road."
    )
    found = implied_counts(text, "en")
    assert [c.slot for c in found] == ["killed"] * 4
    article = _article("a", text)
    killed = next(f for f in reconcile([article], {}, {}, []) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 1.0}
    text = "Ada Brook died in the crash. Cem Ulu was killed nearby. A driver was killed too."
    two = _article("b", text)
    people = [
        _person("p1", "Ada Brook", (two, "Ada Brook")),
        _person("p2", "Cem Ulu", (two, "Cem Ulu")),
    ]
    killed = next(f for f in reconcile([two], {}, {}, people) if f.label == "people killed")
    assert article_values(killed.claims) == {"b": 2.0}


# ------------------------------------------------------------ coincidence of values


def test_reference_chance_counts_overlapping_intervals_smoothed_by_the_pooled_values() -> None:
    lengths = ([1.0, 5, 10, 200], [1.0, 6, 10, 250])
    reference = ValueReference({"length:kilometer": lengths, "count:": ([3.0] * 16, [3.0] * 16)})
    m = PRIOR_WEIGHT
    # 5.5-9 km overlaps one length of four, and one of the twenty pooled values.
    assert reference.chance("length:kilometer", 5.5, 9) == pytest.approx(
        (1 + m * (1 + 1) / 21) / (4 + m)
    )
    # 3 is common among counts, so a count of 3 agreeing is weak evidence...
    assert reference.chance("count:", 3, 3) == pytest.approx((16 + m * 17 / 21) / (16 + m))
    # ... and an interval holding every value is no evidence at all.
    assert reference.chance("length:kilometer", 0, 1000) == pytest.approx(1.0)
    assert reference.chance("mass:kilogram", 1, 2) == 1.0


def test_a_rare_dimension_can_link_a_value_news_seldom_states() -> None:
    # Four speeds are too few to say much; the pooled sizes say 40-45 is rarely stated.
    speeds = ([30.0, 100, 110, 120], [30.0, 100, 110, 120])
    counts = ([1.0, 2, 3, 4, 5] * 40, [1.0, 2, 3, 4, 5] * 40)
    reference = ValueReference({"speed:kilometer / hour": speeds, "count:": counts})
    assert reference.chance("speed:kilometer / hour", 40, 45) < 0.05 < 1 / (4 + 1)
    assert reference.chance("count:", 3, 3) > 0.05


def test_reference_round_trips_and_rejects_other_files(tmp_path: Path) -> None:
    reference = ValueReference({"count:": ([3, 1], [3, 2])})
    reference.dump(tmp_path / "ref.json.gz", ["invented"])
    loaded = ValueReference.load(tmp_path / "ref.json.gz")
    assert loaded.size("count:") == 2
    assert loaded.chance("count:", 3, 3) == pytest.approx(reference.chance("count:", 3, 3))
    assert loaded.chance("count:", 3, 3) > loaded.chance("count:", 7, 9)
    with gzip.open(tmp_path / "other.json.gz", "wt") as handle:
        handle.write("[1, 2]")
    with pytest.raises(ValueError, match="not a value reference"):
        ValueReference.load(tmp_path / "other.json.gz")


def _length_articles() -> tuple[list[Article], dict[str, list[Quantity]]]:
    first = _article("a", "Engineers say the undersea cable spans roughly 85 miles of seabed.")
    second = _article("b", "Its offshore section measures 137 kilometres before landfall.")
    quantities = {
        "a": [
            _quantity(
                first,
                "85 miles",
                136.79,
                unit="mile",
                kind="length",
                normalized_unit="kilometer",
                approximate=True,
            )
        ],
        "b": [
            _quantity(
                second,
                "137 kilometres",
                137,
                unit="kilometer",
                kind="length",
                normalized_unit="kilometer",
            )
        ],
    }
    return [first, second], quantities


def test_specific_values_that_agree_link_claims_whose_sentences_differ() -> None:
    articles, quantities = _length_articles()
    facts = _facts(reconcile(articles, quantities, {}, []), "quantity")
    assert [(f.status, len(f.claims)) for f in facts] == [("agreed", 2)]
    assert facts[0].explanation.startswith("85 miles = 136.8 km vs 137 km")
    assert {c.attributes["normalized"]["symbol"] for c in facts[0].claims} == {"km"}  # type: ignore[index]


@pytest.mark.parametrize(("cosine", "linked"), [(0.14, False), (0.3, True)])
def test_agreeing_values_link_only_sentences_as_alike_as_a_storys_sentences(
    cosine: float, linked: bool
) -> None:
    # the encoder puts the two sentences at ``cosine``: below the floor they share
    # nothing but the figure ("1 017 décès" against "1000 Infektionen pro Tag?")
    articles, quantities = _length_articles()
    other = [cosine, (1 - cosine**2) ** 0.5]

    def encode(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.asarray([[1.0, 0.0] if "cable" in t else other for t in texts], np.float32)

    facts = _facts(reconcile(articles, quantities, {}, [], encode), "quantity")
    assert sorted(len(f.claims) for f in facts) == ([2] if linked else [1, 1])


def test_values_that_often_agree_by_chance_do_not_link_claims() -> None:
    articles, quantities = _length_articles()
    # Every reference length sits in the interval, so agreement says nothing.
    common = ValueReference({"length:kilometer": ([130.0] * 50, [140.0] * 50)})
    items = []
    for article in articles:
        sentences = Sentences.of(article.text, article.language)
        items += quantity_items(article, quantities[article.id], sentences, {})
    similarity = SentenceSimilarity({(i.claim.article, i.sentence): "" for i in items}, None)
    groups = group_claims(items, similarity, GroupingParams(), common)
    assert sorted(len(group) for group in groups) == [1, 1]
    assert len(group_claims(items, similarity, GroupingParams())) == 1


def test_implied_counts_read_possessive_objects_survivors_and_strikes() -> None:
    text = (
        "Shots were fired, killing a man and critically injuring his 16-year-old brother. "
        "A 24-year-old woman was also shot but survived. A bullet struck the girl in her "
        "side. Dana Reyes remains hospitalized. A second shooting fatally wounded a teenager."
    )
    found = _implied_phrases(text)
    assert found == [
        ("killing a man", "killed"),
        ("injuring his 16-year-old brother", "injured"),
        ("A 24-year-old woman was also shot but survived", "injured"),
        ("bullet struck the girl", "shot"),
        ("fatally wounded a teenager", "killed"),
    ]


def test_implied_counts_read_two_outcomes_a_shooting_left_and_also_before_was() -> None:
    text = (
        "The shooting left a 1-year-old boy dead and a woman wounded. A man also was "
        "injured. It left one man dead. The attack left three teenagers injured and a "
        "16-year-old boy dead."
    )
    assert _implied_phrases(text) == [
        ("left a 1-year-old boy dead", "killed"),
        ("a woman wounded", "injured"),
        ("A man also was injured", "injured"),
        ("left one man dead", "killed"),
        ("a 16-year-old boy dead", "killed"),  # "three teenagers" is a number's claim
    ]


def test_a_casualty_told_by_surname_is_the_one_told_by_full_name() -> None:
    text = (
        "Police say Alicia Edwards shot and killed 34-year-old Ernest Edwards at home. "
        "She is charged with killing Edwards."
    )
    persons = [
        (text.index("Alicia Edwards"), text.index("Alicia Edwards") + 14, "p-alicia"),
        (text.index("Ernest Edwards"), text.index("Ernest Edwards") + 14, "p-ernest"),
        (text.rindex("Edwards"), text.rindex("Edwards") + 7, "p-edwards"),
    ]
    found = named_casualties(text, "en", persons)
    assert {(c.slot, c.victim) for c in found} == {("killed", "p-ernest")}


def test_implied_counts_read_spaced_conditions_and_shots_to_a_body_part() -> None:
    text = (
        "He suffered non-life threatening injuries. The gun went off and shot him in the "
        "thigh. She had superficial wounds to her arm."
    )
    found = _implied_phrases(text)
    assert found == [
        ("non-life threatening injuries", "injured"),
        ("shot him in the", "shot"),
        ("superficial wounds", "injured"),
    ]
    assert implied_counts("Police shot him, witnesses said.", "en") == []


def test_a_kin_word_told_first_is_someone_new_and_told_again_a_reference() -> None:
    def victims(text: str) -> list[str | None]:
        return [c.victim for c in implied_counts(text, "en") if c.slot == "injured"]

    new = "A young girl was killed on Elm Road and her father was injured."
    assert victims(new) == [None]
    again = "A man and his son were shot on Elm Road. His son was wounded in the leg."
    assert victims(again) == [REFERRED_VICTIM]
    # a definite mention stays a reference
    assert victims("A girl was killed on Elm Road. The girl was wounded first.") == [
        REFERRED_VICTIM
    ]


def test_implied_deaths_read_fatal_shootings_pronouncements_and_the_deceased() -> None:
    text = (
        "Police are investigating a deadly shooting on Elm Road. Medics pronounced the "
        "victim dead at the scene. Officers found one deceased male. The teen who shot "
        "himself on Friday has died."
    )
    found = _implied_phrases(text)
    assert [f for f in found if f[1] == "killed"] == [
        ("deadly shooting", "killed"),
        ("pronounced the victim dead", "killed"),
        ("one deceased male", "killed"),
        ("has died", "killed"),
    ]
    # references back: all four are one person
    article = _article("a", text)
    killed = next(f for f in reconcile([article], {}, {}, []) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 1.0}
    # a non-fatal shooting tells that no one died
    assert _implied_phrases("The latest non-fatal shooting was on Elm Road.") == []
    assert _implied_phrases("It was the city's third non fatal shooting.") == []


def test_implied_injuries_read_grazes_and_self_inflicted_shootings() -> None:
    text = (
        "The bullet grazed a 2-year-old boy. A man discharged his pistol, shooting himself "
        "in the left leg."
    )
    found = _implied_phrases(text)
    assert found == [("bullet grazed a 2-year-old boy", "shot"), ("shooting himself", "shot")]


def test_a_named_person_fatally_wounded_was_killed() -> None:
    from corroborate.reconcile.named import named_casualties

    text = "A shot from the rifle fatally wounded Ada Brook. Cem Ulu was wounded."
    persons = [(text.index(n), text.index(n) + len(n), n) for n in ("Ada Brook", "Cem Ulu")]
    found = {(c.victim, c.slot) for c in named_casualties(text, "en", persons)}
    assert found == {("Ada Brook", "killed"), ("Cem Ulu", "injured")}


def test_a_named_person_who_remains_hospitalized_was_hurt() -> None:
    text = "Dana Reyes remains hospitalized after the shooting."
    found = named_casualties(text, "en", [(0, 10, "person-1")])
    assert [(c.slot, c.victim) for c in found] == [("injured", "person-1")]


# --------------------------------------------------------------- where it happened


def _place(entity_id: str, name: str, place: Place | None, *where: tuple[Article, str]) -> Entity:
    mentions = [Mention(a.id, a.text.index(t), a.text.index(t) + len(t)) for a, t in where]
    return Entity(entity_id, "place", name, [name], mentions, place)


_NETHERLANDS = Place("Netherlands", "NL", geonames_id=2750405)
_WARREN = Place("Warren", "US", 41.2376, -80.8184, 5175865, "US-OH")
_AKRON = Place("Akron", "US", 41.0814, -81.519, 5145476, "US-OH")
_TRUMBULL = Place("Trumbull County", "US", region="US-OH")


def _where(articles: list[Article], entities: list[Entity]) -> Fact:
    (fact,) = _facts(reconcile(articles, {}, {}, entities), "place")
    return fact


def test_sources_agree_on_the_place_named_in_their_opening_sentences() -> None:
    a = _article(
        "a", "A barn burned down near the village of Vrelde on Monday. Ask Jan from Ostby."
    )
    b = _article("b", "VRELDE — Firefighters from Ostby fought a barn fire for six hours.")
    ostby = _place("p2", "Ostby", None, (a, "Ostby"), (b, "Ostby"))
    vrelde = _place("p1", "Vrelde", None, (a, "Vrelde"), (b, "VRELDE"))
    fact = _where([a, b], [vrelde, ostby])
    assert fact.status == "agreed" and fact.label == "where it happened"
    assert [(c.article, c.text) for c in fact.claims] == [("a", "Vrelde"), ("b", "VRELDE")]
    assert fact.claims[0].attributes["near"] is True and "near" not in fact.claims[1].attributes
    # a place the sources name only as an origin ("from Ostby") is not the scene
    assert all(c.attributes["place"] == "Vrelde" for c in fact.claims)


def test_a_place_within_another_refines_it_by_the_text_or_the_gazetteer() -> None:
    a = _article("a", "A barn burned down in Vrelde in the eastern Netherlands on Monday.")
    b = _article("b", "In the Netherlands a barn fire kept crews busy.", outlet="Wire")
    c = _article("c", "Hallo. Een schuur brandde af in Vrelde.", language="nl")
    vrelde = _place("p1", "Vrelde", None, (a, "Vrelde"), (c, "Vrelde"))
    netherlands = _place("p2", "Netherlands", _NETHERLANDS, (a, "Netherlands"), (b, "Netherlands"))
    fact = _where([a, b, c], [vrelde, netherlands])
    assert fact.status == "refined"
    assert fact.explanation == "Vrelde lies in Netherlands (Wire)"
    # the gazetteer alone: a town in a state, a town beside the county of its state
    d = _article("d", "Shots were fired in Warren on Friday.")
    e = _article("e", "Deputies in Trumbull County answered a call.")
    warren = _place("p3", "Warren", _WARREN, (d, "Warren"))
    county = _place("p4", "Trumbull County", _TRUMBULL, (e, "Trumbull County"))
    assert _where([d, e], [warren, county]).status == "refined"
    # "X, near Y" in any article makes X the more precise of the two
    f = _article("f", "He was called up to an office in Zelvino, near Karsk.", outlet="Radio")
    g = _article("g", "The call-up came from Zelvino on Monday.", outlet="Daily")
    h = _article("h", "He reported to an office in Karsk on Monday.", outlet="Post")
    zelvino = _place("p5", "Zelvino", _WARREN, (f, "Zelvino"), (g, "Zelvino"))
    karsk = _place("p6", "Karsk", _AKRON, (f, "Karsk"), (h, "Karsk"))
    fact = _where([f, g, h], [zelvino, karsk])
    assert fact.status == "refined" and fact.explanation == "Zelvino lies near Karsk (Post)"


def test_one_source_s_place_is_named_in_its_verdict() -> None:
    a = _article("a", "Shots were fired in Warren on Friday.", outlet="Tribune")
    fact = _where([a], [_place("p1", "Warren", _WARREN, (a, "Warren"))])
    assert (fact.status, fact.explanation) == ("single_source", "only Tribune says Warren")
    b = _article("b", "A barn burned down near the village of Vrelde.", outlet="Post")
    vrelde = Place("Vrelde", "NL", 52.1, 6.6, 1)
    fact = _where([b], [_place("p2", "Vrelde", vrelde, (b, "Vrelde"))])
    assert fact.explanation == "only Post says near Vrelde"


def test_a_journey_from_one_town_to_another_places_neither_in_the_other() -> None:
    # "из Акрона в Уоррен": "в" after a journey's start says where to, not where within
    a = _article("a", "Паром шёл из Акрона в Уоррен, когда начался пожар.", "ru")
    b = _article("b", "Shots were fired in Akron on Friday.", outlet="Beacon")
    c = _article("c", "Shots were fired in Warren on Friday.", outlet="Tribune")
    akron = _place("p1", "Akron", _AKRON, (a, "Акрона"), (b, "Akron"))
    warren = _place("p2", "Warren", _WARREN, (a, "Уоррен"), (c, "Warren"))
    assert _where([b, c, a], [akron, warren]).status == "conflicting"


def test_two_towns_neither_within_the_other_conflict_with_their_distance() -> None:
    a = _article("a", "Shots were fired in Warren on Friday.", outlet="Tribune")
    b = _article("b", "Shots were fired in Akron on Friday.", outlet="Beacon")
    warren = _place("p1", "Warren", _WARREN, (a, "Warren"))
    akron = _place("p2", "Akron", _AKRON, (b, "Akron"))
    fact = _where([a, b], [warren, akron])
    assert fact.status == "conflicting"
    assert fact.explanation == "Warren (Tribune) vs Akron (Beacon): 61 km apart"
    # a landmark ("near Warren") is vaguer than a town close to it, not one 61 km off
    near = _article("a", "Shots were fired near Warren on Friday.", outlet="Tribune")
    niles = _article("c", "Shots were fired in Niles on Friday.", outlet="Vindicator")
    warren = _place("p1", "Warren", _WARREN, (near, "Warren"))
    niles_place = Place("Niles", "US", 41.1828, -80.7654, 5164903, "US-OH")
    town = _place("p3", "Niles", niles_place, (niles, "Niles"))
    fact = _where([near, niles], [warren, town])
    assert fact.status == "refined"
    assert fact.explanation == "Niles is more precise than near Warren (Tribune)"
    assert _where([near, b], [warren, akron]).status == "conflicting"


def test_a_district_a_big_city_has_as_a_town_of_its_own_refines_the_city() -> None:
    # invented places: a city of a million and a district of 18,000 people 10 km away
    city = Place("Grossstadt", "DE", 52.52, 13.41, 1, "DE-16", population=1_000_000)
    part = Place("Feldtal", "DE", 52.45, 13.51, 2, "DE-16", population=18_000)
    a = _article("a", "Fire cut power in Grossstadt on Tuesday.", outlet="Kurier")
    b = _article("b", "Fire cut power in Feldtal on Tuesday.", outlet="Newsline")
    places = [
        _place("p1", "Grossstadt", city, (a, "Grossstadt")),
        _place("p2", "Feldtal", part, (b, "Feldtal")),
    ]
    fact = _where([a, b], places)
    assert fact.status == "refined"
    assert (
        fact.explanation == "Feldtal lies 10 km from the centre of Grossstadt (Kurier), a big city"
    )
    # a town of comparable size, or one further out, is a town beside the city
    for other in (
        Place("Feldtal", "DE", 52.45, 13.51, 2, "DE-16", population=150_000),
        Place("Feldtal", "DE", 52.30, 13.70, 2, "DE-16", population=18_000),
    ):
        places[1] = _place("p2", "Feldtal", other, (b, "Feldtal"))
        assert _where([a, b], places).status == "conflicting"


def test_a_place_the_gazetteer_lacks_may_lie_in_the_country_another_source_names() -> None:
    a = _article("a", "A dike broke in Veldhaven on Friday.", outlet="Tribune")
    b = _article("b", "A dike broke in Veldhaven on Friday.", outlet="Beacon")
    c = _article("c", "A dike broke in the Netherlands on Friday.", outlet="Ledger")
    town = _place("p1", "Veldhaven", None, (a, "Veldhaven"), (b, "Veldhaven"))
    country = _place("p2", "Netherlands", _NETHERLANDS, (c, "Netherlands"))
    fact = _where([a, b, c], [town, country])
    assert fact.status == "refined"
    assert fact.explanation == "Veldhaven (not in the gazetteer) may lie in Netherlands (Ledger)"


def test_a_region_lies_in_its_country_and_holds_its_towns() -> None:
    # "in Spain", "en Andalucía", "in Sevilla": one place told ever more precisely,
    # not three places (the region had been a Colombian town of that name)
    a = _article("a", "Measles spread in Spain on Friday.", outlet="Wire")
    b = _article("b", "El sarampión se extendió en Andalucía el viernes.", outlet="Diario")
    spain, region = (
        resolve_place("Spain", "en"),
        resolve_place("Andalucía", "es", frozenset({"ES"})),
    )
    country = _place("p1", "Spain", spain, (a, "Spain"))
    andalusia = _place("p2", "Andalucía", region, (b, "Andalucía"))
    fact = _where([a, b], [country, andalusia])
    assert fact.status == "refined" and fact.explanation == "Andalucía lies in Spain (Wire)"
    c = _article("c", "El brote empezó en Sevilla el viernes.", outlet="Sur")
    town = _place(
        "p3", "Sevilla", resolve_place("Sevilla", "es", frozenset({"ES"})), (c, "Sevilla")
    )
    fact = _where([b, c], [andalusia, town])
    assert fact.status == "refined" and fact.explanation == "Sevilla lies in Andalucía (Diario)"


def test_a_place_the_gazetteer_lacks_may_lie_in_the_region_another_source_names() -> None:
    a = _article("a", "The ship lost containers off Terschelling on Tuesday.", outlet="Dagblad")
    b = _article("b", "The ship lost containers off Terschelling on Tuesday.", outlet="Wire")
    c = _article("c", "Beaches in Friesland were closed on Tuesday.", outlet="Post")
    island = _place("p1", "Terschelling", None, (a, "Terschelling"), (b, "Terschelling"))
    province = _place("p2", "Friesland", Place("Friesland", "NL", region="NL-02"), (c, "Friesland"))
    fact = _where([a, b, c], [island, province])
    assert fact.status == "refined"
    assert fact.explanation == "Terschelling (not in the gazetteer) may lie in Friesland (Post)"


def test_a_name_one_article_gives_and_no_gazetteer_knows_is_not_a_scene() -> None:
    a = _article("a", "Photo: a barn burned down on Monday.")
    photo = _place("p1", "Photo", None, (a, "Photo"))
    assert _facts(reconcile([a], {}, {}, [photo]), "place") == []


def test_the_town_a_police_force_is_named_after_places_the_event() -> None:
    a = _article("a", "Warren Police Department officers found two men shot on Friday.")
    b = _article("b", "Shots were fired in Warren on Friday. Ask Jan.")
    force = Entity("o1", "org", "Warren Police Department", ["Warren Police Department"])
    force.mentions = [Mention("a", 0, len("Warren Police Department"))]
    warren = _place("p1", "Warren", _WARREN, (b, "Warren"))
    fact = _where([a, b], [warren, force])
    assert fact.status == "agreed"
    assert [(c.article, c.text) for c in fact.claims] == [("a", "Warren"), ("b", "Warren")]


def test_a_town_named_by_its_fire_service_or_a_county_by_its_sheriff_places_the_event() -> None:
    a = _article("a", "Tampa Fire Rescue took five people to hospitals after a shooting.")
    b = _article("b", "Five were shot at a club, the Hillsborough County Sheriff's Office said.")
    force = "Hillsborough County Sheriff's Office"
    mentions = [
        NamedMention("a", 0, len("Tampa Fire Rescue"), "Tampa Fire Rescue", "org"),
        NamedMention("b", b.text.index(force), b.text.index(force) + len(force), force, "org"),
    ]
    entities = link_entities(mentions, {"a": "en", "b": "en"})
    fact = _where([a, b], entities)
    claims = [(c.article, c.text) for c in fact.claims]
    assert claims == [("a", "Tampa"), ("b", "Hillsborough County")]
    assert fact.status == "refined"
    # the words before the force do not send its town elsewhere: the force is from there
    c = _article("c", "She was not pregnant, a release from the Omaha Police Department said.")
    force = "the Omaha Police Department"
    at = c.text.index(force)
    omaha = link_entities([NamedMention("c", at, at + len(force), force, "org")], {"c": "en"})
    assert [claim.text for claim in _where([c], omaha).claims] == ["Omaha"]


def test_a_route_a_home_and_a_hospital_do_not_place_the_event() -> None:
    a = _article("a", "A passenger jumped off a sealed Warren–Akron train in Niles on Friday.")
    b = _article("b", "An Akron man was shot in Warren on Friday.")
    c = _article("c", "An Akron man was shot on Friday, police said.")
    d = _article("d", "A girl was shot on Friday and taken to an Akron hospital.")
    niles_place = Place("Niles", "US", 41.1828, -80.7654, 5164903, "US-OH")
    akron = _place("p1", "Akron", _AKRON, (a, "Akron"), (b, "Akron"), (c, "Akron"), (d, "Akron"))
    warren = _place("p2", "Warren", _WARREN, (a, "Warren"), (b, "Warren"))
    niles = _place("p3", "Niles", niles_place, (a, "Niles"))
    claims = {
        c.article: c.attributes["place"]
        for c in _where([a, b, c, d], [akron, warren, niles]).claims
    }
    # a route's towns are not the scene; a home is, when the opening names no other place
    assert claims["a"] == "Niles" and claims["b"] == "Warren" and claims["c"] == "Akron"
    # the town of the hospital a victim was taken to is not the scene at all
    assert "d" not in claims
    # nor a town's name as one of a corner's streets, or a block's
    e = _article("e", "A man was shot near Market Street and Akron in Warren on Friday.")
    f = _article("f", "Two were shot near Akron and Elm avenues on Friday.")
    g = _article("g", "A man was shot in the 1600 block of Akron on Friday.")
    akron = _place("p1", "Akron", _AKRON, (e, "Akron"), (f, "Akron"), (g, "Akron"))
    warren = _place("p2", "Warren", _WARREN, (e, "Warren"))
    claims = {c.article: c.attributes["place"] for c in _where([e, f, g], [akron, warren]).claims}
    assert claims == {"e": "Warren"}


def test_where_a_journey_began_is_not_the_scene() -> None:
    a = _article(
        "a", "Der Bus war auf dem Weg von Akron nach Warren, als er in Niles verunglückte.", "de"
    )
    b = _article("b", "De burgemeester van Akron sprak over de schietpartij.", "nl")
    niles_place = Place("Niles", "US", 41.1828, -80.7654, 5164903, "US-OH")
    akron = _place("p1", "Akron", _AKRON, (a, "Akron"), (b, "Akron"))
    warren = _place("p2", "Warren", _WARREN, (a, "Warren"))
    niles = _place("p3", "Niles", niles_place, (a, "Niles"))
    claims = {
        c.article: c.attributes["place"] for c in _where([a, b], [akron, warren, niles]).claims
    }
    # the journey's start and end are not where it happened; "van" as "of" is no start
    assert claims == {"a": "Niles", "b": "Akron"}


def test_an_opening_on_background_settles_on_the_place_the_other_sources_name() -> None:
    a = _article(
        "a",
        "He jumped off a train to avoid a summons in Akron. The train stopped in Warren.",
        outlet="Tribune",
    )
    b = _article("b", "A man jumped off a train in Warren on Friday.", outlet="Beacon")
    c = _article("c", "Police in Warren searched for a man on Friday.", outlet="Post")
    akron = _place("p1", "Akron", _AKRON, (a, "Akron"))
    warren = _place("p2", "Warren", _WARREN, (a, "Warren"), (b, "Warren"), (c, "Warren"))
    fact = _where([a, b, c], [akron, warren])
    # the Tribune names Warren too: no source contradicts the others
    assert fact.status == "agreed" and fact.explanation == "Warren in all 3 sources"
    assert fact.claims[0].start == a.text.index("Warren")
    # a source that never names the others' place still conflicts with them
    d = _article("d", "He jumped off a train to avoid a summons in Akron.", outlet="Tribune")
    akron = _place("p1", "Akron", _AKRON, (d, "Akron"))
    warren = _place("p2", "Warren", _WARREN, (b, "Warren"), (c, "Warren"))
    assert _where([d, b, c], [akron, warren]).status == "conflicting"


def test_a_landmark_town_abroad_is_not_made_more_precise_by_a_country() -> None:
    a = _article("a", "A call-up sent him to an office near Akron on Monday.", outlet="Radio")
    b = _article("b", "He jumped off a train in the Netherlands on Monday.", outlet="Wire")
    akron = _place("p1", "Akron", _AKRON, (a, "Akron"))
    netherlands = _place("p2", "Netherlands", _NETHERLANDS, (b, "Netherlands"))
    assert _where([a, b], [akron, netherlands]).status == "conflicting"


def _yearless(article: Article, text: str, calendar: str) -> TimeExpression:
    start = article.text.index(text)
    return TimeExpression(article.id, start, start + len(text), text, "date", calendar=calendar)


def test_undated_articles_line_up_the_month_and_day_they_state_without_a_year() -> None:
    a = _article("a", "He leapt from the train in June to avoid the draft.", outlet="Wire")
    b = _article("b", "He leapt from the train on June 17 to avoid the draft.", outlet="Radio")
    c = _article("c", "He leapt from the train on June 19 to avoid the draft.", outlet="Post")
    times = {
        "a": [_yearless(a, "June", "XXXX-06")],
        "b": [_yearless(b, "June 17", "XXXX-06-17")],
        "c": [_yearless(c, "June 19", "XXXX-06-19")],
    }
    facts = reconcile([a, b], {}, times, [])
    (refined,) = _facts(facts, "date")
    assert refined.status == "refined"
    assert refined.explanation == "June 17 (Radio) is a more precise form of June (Wire)"
    # no year is invented: the claims keep the words' month and day, and no date
    assert [(c.attributes["value"], c.attributes["date"]) for c in refined.claims] == [
        ("XXXX-06", None),
        ("XXXX-06-17", None),
    ]
    # the timeline tells of the leap once, on the day the sources give, with no year
    (leap,) = build_timeline(facts)
    assert (leap.date, leap.precision, leap.calendar) == (None, "day", "XXXX-06-17")
    assert sorted(m.article for m in leap.claims) == ["a", "b"]
    facts = reconcile([b, c], {}, times, [])
    (clash,) = _facts(facts, "date")
    assert clash.status == "conflicting" and clash.explanation.endswith("2 days apart")
    # sources that disagree on the day are not taken to tell of one happening
    assert sorted(str(e.calendar) for e in build_timeline(facts)) == ["XXXX-06-17", "XXXX-06-19"]


def test_a_dated_articles_month_lines_up_with_an_undated_articles_month() -> None:
    a = _article("a", "He received call-up papers in March this year.", outlet="Radio")
    b = _article("b", "In March he received call-up papers for the draft.", outlet="Krant")
    c = _article("c", "In March he received call-up papers for the army.", outlet="Post")
    dated = {
        article.id: [
            replace(
                _yearless(article, "March", "XXXX-03"),
                value="2025-03",
                date="2025-03-01",
                precision="month",
            )
        ]
        for article in (b, c)
    }
    times = {"a": [_yearless(a, "March", "XXXX-03")], **dated}
    facts = reconcile([a, b], {}, times, [])
    (fact,) = _facts(facts, "date")
    assert fact.status == "agreed"
    assert [(c.article, c.attributes["value"]) for c in fact.claims] == [
        ("a", "XXXX-03"),
        ("b", "XXXX-03"),
    ]
    # one happening on the timeline, dated by the source that gives the year
    (call_up,) = build_timeline(facts)
    assert (call_up.date, call_up.precision, call_up.calendar) == ("2025-03-01", "month", None)
    assert sorted(m.article for m in call_up.claims) == ["a", "b"]
    # among dated articles alone the dated claims say it; no yearless copy of them
    (fact,) = _facts(reconcile([b, c], {}, dated, []), "date")
    assert [c.attributes["value"] for c in fact.claims] == ["2025-03", "2025-03"]


def test_a_place_named_only_after_the_opening_or_within_its_area_is_the_claim() -> None:
    menu = "Home. Sports. Weather. Traffic."
    a = _article("a", f"{menu} A man was shot on Friday in Warren, police said.")
    b = _article(
        "b",
        "Deputies in Trumbull County answered a call on Friday. Home. Weather. "
        "Sports. The man was shot outside a bar in Warren, deputies said.",
    )
    warren = _place("p1", "Warren", _WARREN, (a, "Warren"), (b, "Warren"))
    county = _place("p2", "Trumbull County", _TRUMBULL, (b, "Trumbull County"))
    fact = _where([a, b], [warren, county])
    # a page opening on its menu still places the event; a county opening is made
    # precise by the town within it the article names further down
    assert fact.status == "agreed"
    assert [(c.article, c.text) for c in fact.claims] == [("a", "Warren"), ("b", "Warren")]
    # a town of another state further down does not replace the county
    c = _article(
        "c",
        "Deputies in Trumbull County answered a call on Friday. Home. Weather. "
        "Sports. The man was later seen in Boise.",
    )
    boise = _place(
        "p3", "Boise", Place("Boise", "US", 43.6135, -116.2034, 5586437, "US-ID"), (c, "Boise")
    )
    county = _place("p2", "Trumbull County", _TRUMBULL, (c, "Trumbull County"))
    (claim,) = _where([c], [county, boise]).claims
    assert claim.text == "Trumbull County"


def test_a_fact_is_labelled_with_its_sentence_as_written() -> None:
    text = "The track cost $9.3 million (8 million euros), and the 32-wagon train ran on."
    article = _article("a", text)
    quantities = {"a": [_quantity(article, "8 million euros", 8e6, kind="money", unit="EUR")]}
    (fact,) = _facts(reconcile([article], quantities, {}, []), "quantity")
    # four words before, eight after; "…" where the sentence goes on
    words = "…cost $9.3 million (8 million euros), and the 32-wagon train ran on."
    assert fact.label == f"money: {words}"
    # a count a second source gives too: labelled by what it counts, as written
    assert _count_label(text, "32", "wagon").startswith("count: …")  # not "count of wagon"
    # ... unless another source names the noun as a noun
    first = _article("a", "The 32-wagon train ran on.")
    second = _article("b", "Seven of the train's 32 cars left the track.")
    counts = {
        a.id: [_quantity(a, "32", 32, kind="count", noun=noun)]
        for a, noun in ((first, "wagon"), (second, "cars"))
    }
    (fact,) = _facts(reconcile([first, second], counts, {}, []), "quantity")
    assert fact.label == "count of cars: The 32-wagon train ran on."
    german = "Am Montag wurden laut Polizei auch die 40 Waggons auf dem Gleis geprüft."
    assert _count_label(german, "40", "waggons", "de") == (
        "count of Waggons: …laut Polizei auch die 40 Waggons auf dem Gleis geprüft."
    )
    # a noun with letters the comparison folds keeps them
    umlaut = "Der Bus war mit 48 Fahrgästen auf dem Weg nach München."
    assert _count_label(umlaut, "48", "Fahrgästen", "de").startswith("count of Fahrgästen: ")
    # two figures of one sentence: labels that differ from their start
    both = "Seven wagons left the rails, and two of the tank wagons began leaking methanol."
    assert _count_label(both, "Seven", "wagons", value=7) == (
        "count of wagons: Seven wagons left the rails, and two of the…"
    )
    assert _count_label(both, "two", "wagons", value=2) == (
        "count of wagons: …left the rails, and two of the tank wagons began leaking methanol."
    )


def _count_label(
    text: str, number: str, noun: str, language: str = "en", value: float | None = None
) -> str:
    articles = [_article(id_, text, language) for id_ in "ab"]
    low = float(number) if value is None else value
    counts = {a.id: [_quantity(a, number, low, kind="count", noun=noun)] for a in articles}
    (fact,) = _facts(reconcile(articles, counts, {}, []), "quantity")
    return fact.label


def _killed_values(text: str) -> dict[str, float]:
    article = _article("a", text)
    killed = next(f for f in reconcile([article], {}, {}, []) if f.label == "people killed")
    return article_values(killed.claims)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # after a victim, in the same sentence: the shooter is one death more
        (
            "A man shot and killed his wife on Friday before turning the gun on himself, "
            "police said. The man took his own life in the garage.",
            2.0,
        ),
        # a murder-suicide had a victim, though the text only says she was shot
        (
            "Police say it was a murder-suicide. The father shot his daughter, then "
            "killed himself.",
            2.0,
        ),
        # the crime's name alone: the victim and the shooter...
        ("Police believe it was a murder-suicide. The motive is not known.", 2.0),
        # ...who may be among the people another phrase counts
        ("A man and his son were found dead in what police called a murder-suicide.", 2.0),
        # told alone, it is the one death
        (
            "A 10-year-old boy died after accidentally shooting himself on Sunday. Police said "
            "the boy fatally shot himself with a rifle he found.",
            1.0,
        ),
    ],
)
def test_a_death_by_ones_own_hand_is_counted_once(text: str, killed: float) -> None:
    assert _killed_values(text) == {"a": killed}


def test_a_murder_suicide_the_headline_names_has_the_shooter_as_one_death_more() -> None:
    text = (
        "Police said Ada Brook fired several shots, killing Cem Ulu at the scene. Without "
        "a word, he turned the rifle on himself and took his own life."
    )
    article = _article("a", text)
    killed = next(f for f in reconcile([article], {}, {}, []) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 1.0}  # the one death told alone
    article.title = "Police: Elm Road murder-suicide suspect argued with victim"
    killed = next(f for f in reconcile([article], {}, {}, []) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 2.0}


def test_an_attempted_suicide_is_no_death() -> None:
    from corroborate.reconcile.suicides import self_inflicted_deaths

    text = "She shot her husband and then tried to take her own life at their home."
    assert self_inflicted_deaths(text, "en") == []
    text = "He committed suicide in 2009, his brother said."
    assert self_inflicted_deaths(text, "en") == []
    text = "He shot his sons, then turned the gun on himself in an attempted suicide."
    assert self_inflicted_deaths(text, "en") == []


def test_a_shooter_who_killed_himself_right_after_the_stated_count_is_one_more() -> None:
    text = "A man who fatally shot seven people before killing himself was drunk, police said."
    article = _article("a", text)
    quantities = {"a": [_quantity(article, "seven people", 7, noun="people")]}
    killed = next(f for f in reconcile([article], quantities, {}, []) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 8.0}
    later = text + " Seven people were killed. " + "The town mourned. " * 6 + "He killed himself."
    article = _article("a", later)
    quantities = {"a": [_quantity(article, "Seven people", 7, noun="people")]}
    killed = next(f for f in reconcile([article], quantities, {}, []) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 7.0}


def test_implied_counts_read_second_victims_denials_and_deaths_at_a_named_hospital() -> None:
    text = (
        "A 15-year-old boy was found dead. The second victim, a child, was taken to the "
        "hospital. Neither the driver nor the other passenger was injured. He was taken to "
        "the hospital in Cartersville where he was pronounced dead."
    )
    found = [(text[c.start : c.end], c.slot, c.victim) for c in implied_counts(text, "en")]
    assert ("The second victim, a child, was taken to the hospital", "injured", None) in found
    assert not any("passenger" in phrase for phrase, _, _ in found)
    assert (
        "He was taken to the hospital in Cartersville where he was pronounced dead",
        "killed",
        "?someone referred to",
    ) in found


def test_the_kind_of_crime_tells_how_many() -> None:
    text = "Police are investigating a double homicide on Elm Road."
    assert _slot_values(text, "people killed") == {"a": 2.0}
    text = "The triple shooting left residents shaken, police said."
    assert _slot_values(text, "people shot") == {"a": 3.0}
    # several such crimes are no count of one; a murder-suicide's victims are told apart
    text = "Detectives are investigating four triple shootings and a double murder-suicide."
    assert _implied_phrases(text) == []


def test_implied_deaths_read_both_victims_and_a_death_after_the_hospital() -> None:
    text = "Both men inside the Honda were killed when the rounds were fired."
    assert _slot_values(text, "people killed") == {"a": 2.0}
    text = "A shooting victim had been dropped off for treatment and later died."
    assert ("and later died", "killed") in _implied_phrases(text)
    text = "She has been charged with the murder of her 4-year-old daughter."
    assert ("murder of her 4-year-old daughter", "killed") in _implied_phrases(text)
    text = "He was charged with the murder of his girlfriend and a 2-year-old boy."
    assert ("murder of his girlfriend and a 2-year-old boy", "killed", 2) in _implied_people(text)
    # a count of murder per person killed; attempted murder is none
    text = "He faces two counts of first-degree murder and three counts of attempted murder."
    assert _implied_people(text) == [("two counts of first-degree murder", "killed", 2)]
    # "and" before another deed is not a second person
    text = "He was charged in the killing of a man and the wounding of a woman."
    assert ("killing of a man", "killed", 1) in _implied_people(text)


def test_implied_deaths_read_brain_death_and_doctors_who_could_not_save_the_victim() -> None:
    text = (
        "She was taken to the hospital, but doctors were not able to save her. Doctors say "
        "the boy is brain dead. He was declared clinically dead."
    )
    found = _implied_phrases(text)
    assert ("not able to save her", "killed") in found
    assert ("brain dead", "killed") in found
    assert ("was declared clinically dead", "killed") in found
    text = "Officers found the teenager dead. Deputies found him dead in his truck."
    found = _implied_phrases(text)
    assert ("found the teenager dead", "killed") in found
    assert ("found him dead", "killed") in found


def test_implied_deaths_read_passing_away_and_a_near_death_is_an_injury() -> None:
    text = "The child passed away early Tuesday. A hunter has been found dead in the woods."
    found = _implied_phrases(text)
    assert ("The child passed away", "killed") in found
    assert ("A hunter has been found dead", "killed") in found
    text = (
        "A teen was nearly killed in a shooting on Friday. Bullets nearly killed his "
        "father. An officer carried the nearly lifeless body of a 7-year-old boy."
    )
    found = _implied_phrases(text)
    assert [slot for _, slot in found] == ["injured", "injured", "injured"]
    assert ("A teen was nearly killed", "injured") in found


def test_implied_counts_read_someone_told_of_by_anothers_kin_and_hospital_outcomes() -> None:
    text = "Three were killed. The woman's 23-year-old boyfriend was also shot in his leg."
    assert _implied_phrases(text)[-1:] == [
        ("The woman's 23-year-old boyfriend was also shot", "shot")
    ]
    assert implied_counts(text, "en")[-1].victim is None  # one more person
    again = "The shooting injured her mother. The girl's 45-year-old mother was also shot."
    assert implied_counts(again, "en")[-1].victim == REFERRED_VICTIM  # the same mother
    found = _implied_phrases("A fourth victim was taken by ambulance to a nearby hospital.")
    assert found == [("A fourth victim was taken by ambulance to a nearby hospital", "injured")]
    for outcome in (
        "in critical condition, where he later died",
        "where he succumbed to his injuries",
        "but doctors could not save him",
    ):
        text = f"A man was taken to a hospital {outcome}."
        assert [slot for _, slot in _implied_phrases(text)][:1] == ["killed"], outcome


def test_implied_counts_read_pairs_told_by_kin_or_a_reduced_clause_and_hurting() -> None:
    text = "Ava was fatally shot while her sister and mother were injured by gunfire."
    assert ("her sister and mother were injured", "injured", 2) in _implied_people(text)
    text = "A 3-year-old girl and 23-year-old woman wounded by gunfire have been released."
    assert _implied_people(text) == [
        ("A 3-year-old girl and 23-year-old woman wounded by", "injured", 2)
    ]
    text = "The shotgun went off, hurting a 9-year-old boy."
    assert _implied_people(text) == [("hurting a 9-year-old boy", "injured", 1)]
    text = (
        "Three victims, a 21-year-old man, a 26-year-old man, and a 33-year-old man, were "
        "all transported to a local hospital."
    )
    assert [(slot, people) for _, slot, people in _implied_people(text)] == [("injured", 3)]
    text = "He is charged with killing a man and injuring another person."
    assert [phrase for phrase, _, _ in _implied_people(text)] == [
        "killing a man",
        "injuring another person",
    ]


def test_implied_counts_read_one_who_shot_himself_and_others() -> None:
    text = "A father accidentally shot himself and his two daughters."
    assert _implied_people(text) == [("shot himself and his two daughters", "shot", 3)]
    assert _implied_people("He shot himself and his wife.") == [
        ("shot himself and his wife", "shot", 2)
    ]
    assert _implied_people("He shot himself in the leg.") == [("shot himself", "shot", 1)]


def _read(text: str, language: str = "en", entities: Sequence[Entity] = ()) -> list[Fact]:
    """The facts of one article read end to end with our quantities."""
    article = _article("a", text, language)
    return reconcile([article], {"a": find_quantities("a", text, language)}, {}, entities)


def _slot_values(text: str, label: str) -> dict[str, float]:
    """One English article read end to end (our quantities), one slot's reading."""
    facts = _read(text)
    fact = next(f for f in facts if f.label == label)
    assert all(c.text == text[c.start : c.end] for c in fact.claims)
    for claim in fact.claims:
        normalized = claim.attributes.get("normalized")
        if isinstance(normalized, dict):  # the joined claim's normalised value is its sum too
            assert normalized["value"] == claim.attributes["value"]
    return article_values(fact.claims)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two children and an adult male were found dead in the apartment.", 3.0),
        ("Police said six children and two adults were fatally shot at the home.", 8.0),
        ("Two boys, ages 7 and 10, and two adults were found slain inside the house.", 4.0),
        ("One transit officer and four city police officers were killed on Thursday.", 5.0),
        ("The man accused of killing six children and two adults appeared in court.", 8.0),
    ],
)
def test_counts_joined_by_and_before_one_verb_are_their_sum(text: str, killed: float) -> None:
    assert _slot_values(text, "people killed") == {"a": killed}


@pytest.mark.parametrize(
    ("text", "label", "count"),
    [
        ("A man died after he and four others were shot near a home.", "people shot", 5.0),
        (
            "A 2-year-old girl and four other people were wounded on Elm Road.",
            "people injured",
            5.0,
        ),
        ("A teenager and three other people were killed at the store.", "people killed", 4.0),
        ("Police found a mother and her two children dead at the home.", "people killed", 3.0),
        ("A man and four children were wounded on Sunday.", "people injured", 5.0),
        # people listed in commas before the count: one each
        (
            "Police said a Texas man, his wife and their two sons were found dead.",
            "people killed",
            4.0,
        ),
        # a headline's comma stands for "and"
        ("Father, two daughters shot to death in Elm Park\nPolice came.", "people killed", 3.0),
    ],
)
def test_one_person_and_a_count_of_others_is_one_more(text: str, label: str, count: float) -> None:
    assert _slot_values(text, label) == {"a": count}


def test_a_count_of_others_is_marked_so() -> None:
    text = "Three other people were shot. Two people were shot. He and four others were shot."
    facts = _read(text)
    (shot,) = [f for f in facts if f.label == "people shot"]
    marked = {c.text: bool(c.attributes.get("others")) for c in shot.claims}
    assert marked == {"Three": True, "Two": False, "He and four": False}


def test_a_named_person_and_a_count_of_others_is_one_more() -> None:
    text = "Officers found Dara Voss, 18, and four others suffering from gunshot wounds."
    article = _article("a", text)
    voss = _person("voss", "Dara Voss", (article, "Dara Voss"))
    facts = _read(text, entities=[voss])
    (shot,) = [f for f in facts if f.label == "people shot"]
    assert article_values(shot.claims) == {"a": 5.0}
    assert shot.claims[0].text == "Dara Voss, 18, and four"
    # without the name known as a person, the count stays as stated
    facts = _read(text)
    (shot,) = [f for f in facts if f.label == "people shot"]
    assert article_values(shot.claims) == {"a": 4.0}


def test_a_count_of_others_after_its_own_verb_is_not_joined() -> None:
    text = "A 27-year-old woman was killed and five others were injured on Sunday."
    assert _slot_values(text, "people injured") == {"a": 5.0}
    assert _slot_values(text, "people killed") == {"a": 1.0}
    # a comma after a word that is no people noun joins nothing
    assert _slot_values("Tuesday, two men were shot.", "people shot") == {"a": 2.0}


def test_a_count_by_a_role_noun_fills_a_casualty_slot() -> None:
    text = "A gunman fired into the house, wounding five partygoers, police said."
    assert _slot_values(text, "people injured") == {"a": 5.0}
    text = "Two courthouse bailiffs were shot and killed on Monday."
    assert _slot_values(text, "people killed") == {"a": 2.0}


def test_shot_with_some_of_them_killed_is_a_count_of_those_shot() -> None:
    text = "Four teenagers were shot, one fatally, while sitting in a parked van."
    assert _slot_values(text, "people shot") == {"a": 4.0}
    assert _slot_values(text, "people killed") == {"a": 1.0}
    text = "Four people were shot, three fatally, inside an SUV."
    assert _slot_values(text, "people killed") == {"a": 3.0}
    # the outcome right after the means is the slot
    assert _slot_values("Three people were found shot to death.", "people killed") == {"a": 3.0}


def test_a_count_of_several_incidents_is_a_fact_of_its_own() -> None:
    text = (
        "Eight people were killed and 46 others wounded in shootings across the city. "
        "On Elm Road, two men were killed on Sunday."
    )
    facts = _read(text)
    values = {f.label: article_values(f.claims) for f in facts if f.kind == "quantity"}
    assert values["people killed"] == {"a": 2.0}
    assert values["people killed in several incidents"] == {"a": 8.0}
    assert values["people injured in several incidents"] == {"a": 46.0}
    # a count joined from parts, each with no slot of its own, is such a total too
    text = "Three men and a 14-year-old boy were wounded in three separate shootings."
    labels = [f.label for f in _read(text) if f.label.startswith("people")]
    assert labels == ["people injured in several incidents"]
    text = "Three people were killed in multiple Baltimore County shootings on Sunday."
    labels = [f.label for f in _read(text) if f.label.startswith("people")]
    assert labels == ["people killed in several incidents"]
    text = "Nine people were hurt during the shootings. Four were wounded in shootings on Tuesday."
    facts = _read(text)
    labels = sorted(f.label for f in facts if f.kind == "quantity")
    assert labels == ["people injured", "people injured in several incidents"]
    text = "Drunk drivers kill about 10,000 people every year, police said."
    facts = _read(text)
    assert [f.label for f in facts if f.kind == "quantity"] == [
        "people killed in several incidents"
    ]
    # a running total, and not "brought to the hospital"
    for text in (
        "The attack brought to at least 74 the number of people shot since Wednesday.",
        "A weekend that saw 20 people shot over a span of 80 hours ended quietly.",
        "The deaths bring the toll to 12 people killed, police said.",
    ):
        labels = [f.label for f in _read(text) if f.label.startswith("people")]
        assert labels and all(label.endswith("in several incidents") for label in labels), text
    text = "Two people were shot and brought to the hospital on Elm Road."
    assert _slot_values(text, "people shot") == {"a": 2.0}
    # a count over a span of weeks is of every incident in it
    text = "In the past six weeks alone, four children have died from gunshot wounds."
    assert _slot_values(text, "people killed in several incidents") == {"a": 4.0}
    text = "Bei drei getrennten Schießereien wurden zwei Menschen getötet."
    facts = _read(text, "de")
    labels = [f.label for f in facts if f.kind == "quantity"]
    assert labels == ["people killed in several incidents"]


def test_counts_with_a_verb_between_them_stay_apart() -> None:
    text = "Two people were killed and three others were injured in the crash."
    assert _slot_values(text, "people killed") == {"a": 2.0}
    assert _slot_values(text, "people injured") == {"a": 3.0}
    text = "Two people are dead, and two others were hurt in the shooting."
    assert _slot_values(text, "people killed") == {"a": 2.0}
    # a part of the first count, not more people
    text = "There were nearly 200 teens at the party and four of them were shot."
    assert _slot_values(text, "people shot") == {"a": 4.0}


def test_a_height_in_feet_and_inches_agrees_with_its_dashed_form_in_metres() -> None:
    texts = {
        "a": "The suspect is 5 feet 10 inches tall. The fire spread 300 meters.",
        "b": "The suspect is 5-foot-10. The fire spread 1,000 feet.",
    }
    articles = [_article(id_, text, "en") for id_, text in texts.items()]
    quantities = {id_: find_quantities(id_, text, "en") for id_, text in texts.items()}
    facts = [f for f in reconcile(articles, quantities, {}, []) if f.kind == "quantity"]
    height = next(f for f in facts if any(c.text == "5-foot-10" for c in f.claims))
    assert height.status == "agreed"
    # under a kilometre, a length is shown in metres; in metres as written, once
    assert "5 feet 10 inches = 1.8 m vs 5-foot-10 = 1.8 m" in height.explanation
    shown = {c.text: c.attributes["normalized"] for c in height.claims}
    assert shown["5-foot-10"] == shown["5 feet 10 inches"]
    assert shown["5-foot-10"]["shown"] == "1.8 m"  # type: ignore[index]
    spread = next(f for f in facts if any(c.text == "300 meters" for c in f.claims))
    assert "300 m vs 1,000 feet = 304.8 m" in spread.explanation


def test_a_baby_s_age_is_compared_in_years_and_shown_in_months() -> None:
    texts = {
        "a": "Jayden Smith, a 10-month-old boy, was shot on Elm Road.",
        "b": "Jayden Smith, a 10-month-old, was shot on Elm Road.",
    }
    articles = [_article(id_, text, "en") for id_, text in texts.items()]
    boy = _person("p1", "Jayden Smith", *((a, "Jayden Smith") for a in articles))
    quantities = {id_: find_quantities(id_, text, "en") for id_, text in texts.items()}
    age = next(f for f in reconcile(articles, quantities, {}, [boy]) if f.label.startswith("age"))
    assert age.status == "agreed"
    assert age.explanation == "10 months in both sources"


@pytest.mark.parametrize(
    ("text", "number", "language", "slot"),
    [
        ("Drie mensen kwamen om het leven bij de brand.", "Drie", "nl", "killed"),
        ("Tres personas perdieron la vida en el incendio.", "Tres", "es", "killed"),
        ("Trois personnes ont perdu la vie dans l'incendie.", "Trois", "fr", "killed"),
        ("В результате стрельбы погибли двое, четверо ранены.", "двое", "ru", "killed"),
        ("В результате стрельбы погибли двое, четверо ранены.", "четверо", "ru", "injured"),
        ("Пятерых госпитализировали.", "Пятерых", "ru", "injured"),
        ("Cuatro personas fueron hospitalizadas.", "Cuatro", "es", "injured"),
        ("Une cinquantaine d'habitants ont été évacués.", "Une cinquantaine", "fr", "evacuated"),
        ("Een vijftigtal bewoners werd geëvacueerd.", "Een vijftigtal", "nl", "evacuated"),
        # a casualty word or a verb after a count is no other noun it counts
        ("Trois personnes ont été tuées et cinq blessées lundi.", "cinq", "fr", "injured"),
        ("Погибли три человека, еще пятеро получили ранения.", "пятеро", "ru", "injured"),
        ("Cuatro personas murieron y 12 resultaron heridas.", "12", "es", "injured"),
        ("Vijf raakten gewond bij de botsing.", "Vijf", "nl", "injured"),
        ("Three of the victims died.", "Three", "en", "killed"),
    ],
)
def test_casualty_words_and_counts_of_people_in_five_languages(
    text: str, number: str, language: str, slot: str
) -> None:
    at = text.index(number)
    found = [q for q in find_quantities("t", text, language) if q.start == at]
    assert [q.text for q in found] == [number]
    assert counts_people(found[0].noun, language)
    assert count_slot(text, at, at + len(number), language) == slot


def test_sentences_stating_one_agreed_figure_align_at_a_lower_similarity() -> None:
    from corroborate.reconcile.events import EventParams, align, candidate

    texts = {
        ("en", 0): "Between 40 and 45 firefighters worked through the night.",
        ("nl", 0): "Er waren 40 tot 45 brandweerlieden ter plaatse.",
        ("de", 0): "Die Feuerwehr war mit vielen Kräften vor Ort.",
    }
    angle = {("en", 0): 0.0, ("nl", 0): 0.85, ("de", 0): -1.2}  # en-nl 0.66, en-de 0.36

    def encode(batch: Sequence[str]) -> npt.NDArray[np.float32]:
        by_text = {text: angle[key] for key, text in texts.items()}
        return np.asarray([[np.cos(by_text[t]), np.sin(by_text[t])] for t in batch], np.float32)

    similarity = SentenceSimilarity(texts, encode)
    # no entity, date or number in common: numbers are written out apart
    found = [candidate(key, (0, len(text)), text, frozenset(), []) for key, text in texts.items()]
    found = [replace(c, numbers=frozenset()) for c in found]
    params = EventParams()
    assert params.same_figure < similarity(("en", 0), ("nl", 0)) < params.similarity
    assert align(found, similarity, params) == []
    groups = align(found, similarity, params, same_figure=[{("en", 0), ("nl", 0), ("de", 0)}])
    assert [[c.key for c in group] for group in groups] == [[("en", 0), ("nl", 0)]]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three were killed and about 20 people injured, four of them seriously.", "en"),
        ("Una veintena de personas resultaron heridas, cuatro de ellas de gravedad.", "es"),
        ("Une vingtaine de personnes ont été blessées, dont quatre grièvement.", "fr"),
        ("20 Menschen wurden verletzt, vier davon schwer.", "de"),
        ("Twintig mensen raakten gewond, van wie vier ernstig.", "nl"),
        ("Пострадали 20 человек, из них четверо тяжело.", "ru"),
        ("Двадцать человек получили травмы, четверых из них доставили в больницу.", "ru"),
        ("20 Menschen wurden verletzt, vier von ihnen kamen ins Krankenhaus.", "de"),
    ],
)
def test_a_part_of_a_casualty_count_fills_no_slot(text: str, language: str) -> None:
    slots = [
        count_slot(text, q.start, q.end, language) for q in find_quantities("t", text, language)
    ]
    assert slots[-2:] == ["injured", None]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two of the injured are in serious condition.", "en"),
        ("Deux des blessés sont dans un état grave.", "fr"),
        ("Dos de los heridos están graves.", "es"),
        ("Zwei der Verletzten schweben in Lebensgefahr.", "de"),
        ("Twee van de gewonden zijn er ernstig aan toe.", "nl"),
        ("Двое из раненых в тяжелом состоянии.", "ru"),
    ],
)
def test_some_of_the_casualties_are_no_count_of_casualties(text: str, language: str) -> None:
    (count,) = find_quantities("t", text, language)
    assert count_slot(text, count.start, count.end, language) is None


def test_a_sentence_of_a_part_keeps_its_slot_and_a_comma_ends_a_cue() -> None:
    assert _slot_of("Four of them were wounded.", "Four") == "injured"
    told = "Police said two were killed, three were injured."
    assert (_slot_of(told, "two"), _slot_of(told, "three")) == ("killed", "injured")
    assert _slot_of("Four were shot, two fatally.", "two") == "killed"


@pytest.mark.parametrize(("day", "linked"), [("2025-10-16", True), ("2025-10-17", False)])
def test_figures_whose_sentences_share_an_equal_figure_link_at_a_lower_similarity(
    day: str, linked: bool
) -> None:
    """Long sentences worded apart score about 0.4 across languages; a second pair of
    equal figures (the day) is the evidence that the two durations are one."""
    first = _article(
        "a", "Repairs take 2 days. The line is due to reopen on Thursday, two days after the crash."
    )
    second = _article("b", "Движение восстановят в четверг — через два дня после аварии.", "ru")
    times = {
        "a": [_date(first, "Thursday", "2025-10-16", "day")],
        "b": [_date(second, "четверг", day, "day")],
    }
    quantities = {
        article.id: [
            _quantity(
                article,
                words,
                2,
                unit="day",
                kind="duration",
                normalized_unit="second",
                normalized_low=2 * 86400,
                normalized_high=2 * 86400,
            )
            for words in stated
        ]
        for article, stated in ((first, ("2 days", "two days")), (second, ("два дня",)))
    }

    def encoder(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Any two sentences score 0.42: alike, below the 0.5 of a plain link."""
        vectors = np.zeros((len(texts), 9), dtype=np.float32)
        vectors[:, 0] = np.sqrt(0.42)
        for row, text in enumerate(texts):
            vectors[row, 1 + sentences.setdefault(text, len(sentences))] = np.sqrt(0.58)
        return vectors

    sentences: dict[str, int] = {}

    facts = reconcile([first, second], quantities, times, [], encoder)
    # (the repairs' "2 days" makes two pairs of equal values, too many to link by
    # the specificity of 2 days alone)
    durations = sorted(len(f.claims) for f in facts if f.label.startswith("duration"))
    assert durations == ([1, 2] if linked else [1, 1, 1])


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("In 2023 one of the company's trains derailed.", "en", "one"),
        ("In 2023 ontspoorde een van de treinen van het bedrijf.", "nl", "een"),
        ("В 2023 году один из поездов компании сошёл с рельсов.", "ru", "один"),
    ],
)
def test_one_of_a_group_is_no_count(text: str, language: str, words: str) -> None:
    """ "One of the trains" picks out a member; it counts nothing a source could
    contradict. One train, or one of the victims killed, still counts."""
    articles = [_article(id_, text, language) for id_ in "ab"]
    counts = {a.id: [_quantity(a, words, 1, kind="count")] for a in articles}
    assert _facts(reconcile(articles, counts, {}, []), "quantity") == []
    plain = [_article(id_, "In 2023 one train derailed.") for id_ in "ab"]
    counts = {a.id: [_quantity(a, "one", 1, kind="count", noun="train")] for a in plain}
    assert len(_facts(reconcile(plain, counts, {}, []), "quantity")) == 1
    victims = [_article(id_, "One of the victims was killed.") for id_ in "ab"]
    counts = {a.id: [_quantity(a, "One", 1, kind="count")] for a in victims}
    assert [f.label for f in _facts(reconcile(victims, counts, {}, []), "quantity")] == [
        "people killed"
    ]


def test_a_count_of_bodies_is_a_count_of_the_dead() -> None:
    assert _slot_of("Police discovered three bodies inside the home.", "three") == "killed"
    assert _slot_of("Die Polizei fand drei Leichen im Haus.", "drei", "de") == "killed"
    assert _slot_of("La policía halló tres cuerpos en la vivienda.", "tres", "es") == "killed"
    # a count of something else near a body is not
    assert _slot_of("Officers wore two body cameras.", "two") is None


def test_a_count_of_those_who_fired_fills_no_slot() -> None:
    text = "At least two men fired shots, killing Selmon and injuring three other students."
    assert _slot_of(text, "two") is None
    assert _slot_of(text, "three") == "injured"
    assert _slot_of("Three gunmen opened fire, wounding two.", "Three") is None
    assert _slot_of("Two people were killed after a man opened fire.", "Two") == "killed"


def test_kin_in_the_plural_are_two_people_or_as_many_as_their_ages() -> None:
    text = "Shawn Fuller, 31, shot and killed his sons, ages 3 and 4, on Saturday."
    assert ("killed his sons, ages 3 and 4", "killed", 2) in _implied_people(text)
    text = "He shot his children, ages 2, 5 and 7."
    assert _implied_people(text) == [("shot his children, ages 2, 5 and 7", "shot", 3)]
    text = "The gunman killed his parents before fleeing."
    assert _implied_people(text) == [("killed his parents", "killed", 2)]
    # a wife and children: three at least; a wife and a son: two
    text = "A man shot and killed his wife and children before killing himself."
    assert ("killed his wife and children", "killed", 3) in _implied_people(text)
    assert ("killed his wife and son", "killed", 2) in _implied_people(
        "He killed his wife and son."
    )


def test_he_or_she_is_the_person_named_at_the_start_of_the_sentence() -> None:
    from corroborate.reconcile.named import pronouns_as_subjects

    text = (
        "Parish fired, killing Sarah Davidson. Ernest Jasper survived his injuries for a "
        "short time before he was later pronounced dead."
    )
    persons = [
        (text.index("Sarah"), text.index("Sarah") + 13, "sarah"),
        (text.index("Ernest"), text.index("Ernest") + 13, "ernest"),
    ]
    found = pronouns_as_subjects(text, persons, implied_counts(text, "en"))
    assert [(text[c.start : c.end], c.victim) for c in found if c.victim] == [
        ("he was later pronounced dead", "ernest")
    ]
    # a verb of saying between makes the pronoun someone else
    said = "Chief Tim Lee said he was later pronounced dead."
    persons = [(said.index("Tim"), said.index("Tim") + 7, "lee")]
    found = pronouns_as_subjects(said, persons, implied_counts(said, "en"))
    assert [c.victim for c in found] == [REFERRED_VICTIM]


def test_a_count_dated_years_before_is_another_event() -> None:
    text = "McDaniel is the third in the family to die. Two others died in a house fire years ago."
    assert "people killed" not in {f.label for f in _read(text)}
    # a follow-up dates the story's own event by its month: still counted
    text = "He was charged in the June 2013 shooting in which two people were killed."
    assert _slot_values(text, "people killed") == {"a": 2.0}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("57 people were injured on Tuesday. Seven are in critical condition.", "en"),
        ("57 wurden verletzt. Sieben Verletzte schweben in Lebensgefahr.", "de"),
        ("57 personnes ont été blessées. Sept blessés sont dans un état critique.", "fr"),
        ("57 personas resultaron heridas. Siete heridos se encuentran en estado crítico.", "es"),
        ("57 человек получили ранения. Семь пострадавших находятся в критическом состоянии.", "ru"),
        ("57 people were injured on Tuesday. Seven remain in hospital.", "en"),
        ("57 mensen raakten gewond. Zeven liggen nog in het ziekenhuis.", "nl"),
        ("57 wurden verletzt. Sieben von ihnen werden noch im Krankenhaus behandelt.", "de"),
        ("57 personnes ont été blessées. Sept blessés étaient toujours hospitalisés.", "fr"),
        ("57 personas resultaron heridas. Siete siguen hospitalizadas.", "es"),
        ("57 человек получили ранения. Семеро остаются в больнице.", "ru"),
    ],
)
def test_a_count_of_the_hurt_in_a_condition_after_a_larger_one_is_some_of_them(
    text: str, language: str
) -> None:
    def stated(text: str) -> list[object]:
        injured = next(f for f in _read(text, language) if f.label == "people injured")
        return [c.attributes["value"] for c in injured.claims if not c.attributes.get("implied")]

    assert stated(text) == [57]
    # told first, it is the source's count of the hurt
    assert stated(text.split(". ", 1)[1]) == [7]


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("Three skiers were killed by an avalanche on Saturday.", "en", "Three"),
        ("Drei Bergsteiger sind am Samstag ums Leben gekommen.", "de", "Drei"),
        ("Drie skiërs zijn zaterdag om het leven gekomen.", "nl", "Drie"),
        ("Tres esquiadores murieron el sábado.", "es", "Tres"),
        ("Trois randonneurs ont été tués samedi.", "fr", "Trois"),
        ("Три альпиниста погибли в субботу.", "ru", "Три"),
    ],
)
def test_people_out_for_sport_are_people_a_toll_counts(
    text: str, language: str, number: str
) -> None:
    killed = next(f for f in _read(text, language) if f.label == "people killed")
    assert [c.text for c in killed.claims] == [number]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Trois skieurs ont été tués et deux autres blessés samedi.", "fr"),
        ("Drie skiërs kwamen om. Twee anderen raakten gewond.", "nl"),
        ("Murieron tres esquiadores y otros dos resultaron heridos.", "es"),
    ],
)
def test_others_hurt_beside_the_dead_are_a_count_of_the_injured(text: str, language: str) -> None:
    assert "people injured" in {f.label for f in _read(text, language)}


def test_a_clock_time_with_no_day_follows_the_day_told_before_it() -> None:
    from corroborate.timex import find_time_expressions

    text = "The ferry Brisk sank on Saturday, June 14, 2025. Brisk began to list at 11:15 a.m."
    article = _article("a", text)
    ferry = _person("p1", "Brisk", (article, "Brisk"))
    times = {"a": find_time_expressions("a", text, "en", "2025-06-16")}
    events = {f.label: f for f in reconcile([article], {}, times, [ferry]) if f.kind == "event"}
    listing = events["Brisk began to list at 11:15 a.m."].claims[0].attributes
    # its day is the one the article named last, not the day it was published
    assert listing == {"follows": "2025-06-14"}
    timeline = build_timeline(list(events.values()))
    assert [e.label for e in timeline] == [
        "The ferry Brisk sank on Saturday, June 14, 2025.",
        "Brisk began to list at 11:15 a.m.",
    ]


def test_an_event_of_several_languages_is_labelled_by_its_english_sentence() -> None:
    nl = _article("a-nl", "De veerboot Aurora zonk bij Texel.", "nl")
    en = _article("b-en", "The ferry Aurora sank near Texel.")
    ship = Entity(
        id="e1",
        type="other",
        name="Aurora",
        aliases=["Aurora"],
        mentions=[Mention("a-nl", 13, 19), Mention("b-en", 10, 16)],
    )
    facts = reconcile([nl, en], {}, {}, [ship], encode=_fake_encoder)
    (event,) = [f for f in _facts(facts, "event") if f.status == "agreed"]
    assert event.label == "The ferry Aurora sank near Texel."
    # the claims stay in article order
    assert [c.article for c in event.claims] == ["a-nl", "b-en"]


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Il a couru en 2 h 00 min 35 s, soit un record.", "fr", "2 h 00 min 35 s"),
        ("Он пробежал за 2 часа 0 минут 35 секунд.", "ru", "2 часа 0 минут 35 секунд"),
        ("It took him 2 hours, 0 minutes and 35 seconds.", "en",
         "2 hours, 0 minutes and 35 seconds"),
        ("Er brauchte 2 Stunden und 35 Sekunden.", "de", "2 Stunden und 35 Sekunden"),
    ],
)  # fmt: skip
def test_a_duration_told_in_parts_is_one_claim_of_their_sum(
    text: str, language: str, surface: str
) -> None:
    (fact,) = [f for f in _read(text, language) if f.label.startswith("duration")]
    (claim,) = fact.claims
    assert claim.text == surface == text[claim.start : claim.end]
    assert claim.attributes["normalized"]["value"] == 7235  # type: ignore[index]
    assert claim.attributes["normalized"]["shown"] == "2 h 0 min 35 s"  # type: ignore[index]


def test_durations_of_rising_units_stay_apart() -> None:
    facts = _read("It took 5 minutes, and 2 hours later the road reopened.")
    durations = sorted(c.text for f in facts if f.label.startswith("duration") for c in f.claims)
    assert durations == ["2 hours", "5 minutes"]


def test_a_french_role_with_its_age_opening_a_sentence_is_of_the_one_named_before() -> None:
    text = "Kelvin Mwangi a battu le record. Le coureur de 24 ans disputait son troisième marathon."
    article = _article("a", text, "fr")
    mwangi = _person("p1", "Kelvin Mwangi", (article, "Kelvin Mwangi"))
    quantities = {"a": [_quantity(article, "24 ans", 24, kind="age", unit="year")]}
    labels = {f.label for f in reconcile([article], quantities, {}, [mwangi])}
    assert "age of Kelvin Mwangi" in labels


@pytest.mark.parametrize(
    ("text", "language", "age"),
    [
        ("Rescuers found Pierre Dufour, el excursionista francés de 67 años, on Sunday.", "es",
         "67 años"),
        ("Pierre Dufour, un randonneur de 67 ans porté disparu, a été retrouvé.", "fr", "67 ans"),
        ("Pierre Dufour, a French hiker aged 67, was found on Sunday.", "en", "67"),
    ],
)  # fmt: skip
def test_an_age_after_a_role_set_beside_a_name_is_that_persons(
    text: str, language: str, age: str
) -> None:
    article = _article("a", text, language)
    dufour = _person("p1", "Pierre Dufour", (article, "Pierre Dufour"))
    facts = reconcile([article], {"a": find_quantities("a", text, language)}, {}, [dufour])
    aged = next(f for f in facts if f.label == "age of Pierre Dufour")
    assert [c.text for c in aged.claims] == [age]


@pytest.mark.parametrize(
    ("second", "aged"),
    [
        ("Pierre Dufour had set out alone from Benasque.", True),
        # one sentence that names no one may stand between; two may not
        ("Rescuers confirmed it. Pierre Dufour had set out alone.", True),
        ("Rescuers confirmed it. He was weak. Pierre Dufour had set out alone.", False),
        # the next sentence is someone speaking, or names two people: not said whose
        ("Pierre Dufour, a rescuer, said the hiker was weak.", False),
        ("Pierre Dufour and Ana Gil had set out alone.", False),
        # the name does not open it
        ("Rescuers said Pierre Dufour had set out alone.", False),
    ],
)
def test_a_lead_that_opens_on_an_age_and_no_name_names_him_next(second: str, aged: bool) -> None:
    text = f"A 67-year-old French hiker was found alive on Sunday. {second}"
    article = _article("a", text)
    people = [_person("p1", "Pierre Dufour", (article, "Pierre Dufour"))]
    if "Ana Gil" in text:
        people.append(_person("p2", "Ana Gil", (article, "Ana Gil")))
    facts = reconcile([article], {"a": find_quantities("a", text, "en")}, {}, people)
    assert ("age of Pierre Dufour" in {f.label for f in facts}) is aged


def test_a_night_before_a_day_reaches_into_its_small_hours() -> None:
    from corroborate.timex import find_time_expressions

    de = _article("de", "Die Explosion ereignete sich in der Nacht zum Donnerstag.", "de")
    en = _article("en", "The explosion happened early on Thursday.")
    times = {a.id: find_time_expressions(a.id, a.text, a.language, "2026-11-13") for a in (de, en)}

    def same(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows: npt.NDArray[np.float32] = np.full((len(texts), 2), 0.5**0.5, dtype=np.float32)
        return rows  # every sentence alike: one happening

    (day,) = [f for f in reconcile([de, en], {}, times, [], encode=same) if f.kind == "date"]
    assert day.status == "agreed"
    assert day.explanation.endswith("the night and the small hours after it")
    assert {c.text for c in day.claims} == {"Nacht zum Donnerstag", "Thursday"}
    # a day after the night's next one is another day
    en.text = "The explosion happened on Friday."
    times["en"] = find_time_expressions("en", en.text, "en", "2026-11-14")
    statuses = {
        f.status for f in reconcile([de, en], {}, times, [], encode=same) if f.kind == "date"
    }
    assert "agreed" not in statuses


def test_sentences_stating_one_agreed_time_of_day_are_one_event() -> None:
    from corroborate.timex import find_time_expressions

    de = _article("de", "Elf der 24 Waggons sprangen gegen 14.30 Uhr aus den Gleisen.", "de")
    en = _article("en", "Eleven of the train's 24 wagons left the track at about 2.30pm.")
    times = {a.id: find_time_expressions(a.id, a.text, a.language, "2023-03-07") for a in (de, en)}

    def apart(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows = [[1.0, 0.0] if "Gleisen" in t else [0.6, 0.8] for t in texts]  # cosine 0.6
        return np.asarray(rows, dtype=np.float32)

    facts = reconcile([de, en], {}, times, [], encode=apart)
    (time,) = [f for f in facts if f.kind == "time"]
    assert time.status == "agreed"
    events = [f for f in facts if f.kind == "event"]
    assert [sorted(c.article for c in f.claims) for f in events] == [["de", "en"]]


def test_a_range_pairs_with_a_range_before_a_figure_of_its_sentence_inside_it() -> None:
    texts = {
        "a": "The police arrested five men aged between 31 and 52, among them a 34-year-old "
        "dockworker.",
        "b": "The police arrested five men aged between 31 and 52 at the port on Saturday.",
    }
    articles = [_article(key, text) for key, text in texts.items()]
    quantities = {a.id: find_quantities(a.id, a.text, "en") for a in articles}
    ages = [f for f in reconcile(articles, quantities, {}, []) if f.label.startswith("age")]
    found = sorted((f.status, [c.text for c in f.claims]) for f in ages)
    assert found == [("agreed", ["31 and 52", "31 and 52"]), ("single_source", ["34-year-old"])]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Authorities evacuated about 300 residents of the village of Vrelde.", "en"),
        ("Rund 300 Bewohner des Dorfes Vrelde wurden vorsorglich in Sicherheit gebracht.", "de"),
        ("Par précaution, environ 300 habitants du village de Vrelde ont été évacués.", "fr"),
        ("Las autoridades evacuaron a unos 300 vecinos de la localidad de Vrelde.", "es"),
        ("Zo'n 300 inwoners van het dorp Vrelde werden geëvacueerd.", "nl"),
    ],
)
def test_a_count_of_residents_of_a_named_place_is_read_past_the_place(
    text: str, language: str
) -> None:
    facts = _read(text, language)
    evacuated = next(f for f in facts if f.label == "people evacuated")
    assert article_values(evacuated.claims) == {"a": 300.0}


def test_a_possessive_day_names_the_event_and_dates_no_casualty_before_the_story() -> None:
    text = (
        "Jesse Hayes, 15, is the shooting victim who died Monday after being shot in the "
        "face, police said today. The boy died in a hospital, where he had been flown "
        "following Saturday's shooting."
    )
    article = _article("a", text)
    article.published = "2015-05-12"
    times = {"a": find_time_expressions("a", text, "en", "2015-05-12")}
    facts = reconcile([article], {}, times, [])
    killed = next(f for f in facts if f.label == "people killed")
    assert [c.text for c in killed.claims] == ["The boy died"]


def test_a_dateline_run_into_the_lead_is_no_event() -> None:
    text = (
        "Ámsterdam, 19 feb 2026. Un niño de cuatro años murió el domingo en un hospital de Zwolle."
    )
    article = replace(_article("es", text, "es"), published="2026-02-19")
    times = {"es": find_time_expressions("es", text, "es", "2026-02-19")}
    start = text.index("Ámsterdam")
    place = Entity(
        id="amsterdam", type="place", name="Ámsterdam", aliases=["Ámsterdam"],
        mentions=[Mention("es", start, start + len("Ámsterdam"))],
    )  # fmt: skip
    events = [f for f in reconcile([article], {}, times, [place]) if f.kind == "event"]
    told = [c.text for f in events for c in f.claims]
    assert told == ["Un niño de cuatro años murió el domingo en un hospital de Zwolle."]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Since the start of the year, eleven people have been killed in avalanches.", "en"),
        ("Sinds het begin van dit jaar zijn elf mensen bij lawines om het leven gekomen.", "nl"),
        ("Seit Jahresbeginn sind in der Schweiz elf Menschen in Lawinen ums Leben gekommen.", "de"),
        ("Desde principios de año, once personas han muerto en avalanchas en Suiza.", "es"),
        ("Depuis le début de l'hiver, onze personnes ont perdu la vie dans des avalanches.", "fr"),
        ("С начала года под лавинами в Швейцарии погибли одиннадцать человек.", "ru"),
    ],
)
def test_a_running_total_since_the_start_of_a_season_is_of_several_incidents(
    text: str, language: str
) -> None:
    labels = [f.label for f in _read(text, language) if f.label.startswith("people")]
    assert labels == ["people killed in several incidents"]


def _read_dated(text: str, language: str, published: str) -> dict[str, list[str]]:
    """Each quantity fact's label and claim texts, the article read with its dates."""
    article = replace(_article("a", text, language), published=published)
    times = {"a": find_time_expressions("a", text, language, published)}
    facts = reconcile([article], {"a": find_quantities("a", text, language)}, times, [])
    return {f.label: [c.text for c in f.claims] for f in facts if f.kind == "quantity"}


def test_a_toll_dated_by_a_span_of_years_is_another_events() -> None:
    text = "Een vierjarig kind is zondag overleden. Bij de epidemie {}overleden drie kinderen."
    assert _read_dated(text.format(""), "nl", "2026-02-17")["people killed"] == ["drie"]
    assert "people killed" not in _read_dated(text.format("van 1999-2000 "), "nl", "2026-02-17")


def test_people_evacuated_in_an_earlier_event_are_not_the_storys() -> None:
    text = (
        "Some 312 passengers were evacuated on Tuesday. In April 2015, more than 150 people "
        "were evacuated from another ferry."
    )
    assert _read_dated(text, "en", "2026-03-10")["people evacuated"] == ["312"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two participants were injured.", "en"),
        ("Twee deelnemers raakten gewond.", "nl"),
        ("Zwei Teilnehmer der Gruppe wurden verletzt.", "de"),
        ("Dos integrantes del grupo resultaron heridos.", "es"),
        ("Deux participants ont été blessés.", "fr"),
        ("Ещё двое участников группы, в том числе гид, получили травмы.", "ru"),
    ],
)
def test_members_of_a_group_are_counted_as_people(text: str, language: str) -> None:
    injured = next(f for f in _read(text, language) if f.label == "people injured")
    assert article_values(injured.claims) == {"a": 2.0}


@pytest.mark.parametrize(
    ("text", "language", "told"),
    [
        ("The span gave way at about 7:40 a.m. local time (04:40 GMT).", "en", ["7:40 a.m."]),
        ("Vers 7 h 40 heure locale (5 h 40 à Paris), une travée a cédé.", "fr", ["7 h 40"]),
        ("Лавина сошла около 10:45 по местному времени (12:45 по московскому).", "ru", ["10:45"]),
        # two times of their own, one in brackets far after the first
        (
            "The first train left at 6:10, long before the crash (which came at 7:40).",
            "en",
            ["6:10", "7:40"],
        ),
        # a time told only by the reader's clock or a capital's
        ("Das Feuer war gegen 18.40 Uhr deutscher Zeit ausgebrochen.", "de", []),
        ("De brand brak rond 18.45 uur Nederlandse tijd uit.", "nl", []),
        ("L'avion s'est posé à 10 h 52, heure de Moscou, sur un seul moteur.", "fr", []),
        ("The plane landed at 14.52 local time on one engine.", "en", ["14.52"]),
        # then the scene's own time in brackets is the claim
        ("Пожар обнаружили в 20:42 по московскому времени (19:42 по местному).", "ru", ["19:42"]),
    ],
)
def test_a_time_told_again_in_brackets_in_another_zone_is_no_claim(
    text: str, language: str, told: list[str]
) -> None:
    from corroborate.reconcile.claims import time_items

    times = find_time_expressions("a", text, language, "2026-03-11")
    items = time_items(times, Sentences.of(text, language), text)
    assert [item.claim.text.removesuffix(" heure") for item in items] == told


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The ferry on the route between Akron and Warren caught fire near Niles.", "en"),
        ("El ferry, que cubría la línea entre Akron y Warren, ardió cerca de Niles.", "es"),
        ("Le ferry, qui reliait Akron à Warren, a pris feu près de Niles.", "fr"),
        ("Der Zug war ab Warren überfüllt; er entgleiste in Niles.", "de"),
        ("El buque había zarpado del puerto de Akron y se incendió cerca de Niles.", "es"),
        ("Le navire, parti de Akron, a pris feu près de Niles, selon le consulat à Warren.", "fr"),
        ("В консульстве России в Акроне сообщили, что паром загорелся у Нилса.", "ru"),
        ("Le feu a pris à mi-chemin entre Akron et Warren, au large de Niles.", "fr"),
        ("The fire broke out midway between Akron and Warren, off Niles.", "en"),
    ],
)
def test_the_ends_of_a_route_a_port_left_and_a_consulates_seat_do_not_place_the_event(
    text: str, language: str
) -> None:
    article = _article("a", text, language)
    niles_place = Place("Niles", "US", 41.1828, -80.7654, 5164903, "US-OH")
    found = {
        "Akron": ("Akron", _AKRON),
        "Акроне": ("Akron", _AKRON),
        "Warren": ("Warren", _WARREN),
        "Niles": ("Niles", niles_place),
        "Нилса": ("Niles", niles_place),
    }
    entities = [
        _place(f"p{i}", name, place, (article, mention))
        for i, (mention, (name, place)) in enumerate(found.items())
        if mention in text
    ]
    claims = {c.attributes["place"] for c in _where([article], entities).claims}
    assert claims == {"Niles"}


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (2 * 2_629_800, "2 months"),  # "deux mois", not "1461 h"
        (14 * 86_400, "2 weeks"),
        (10 * 86_400, "10 days"),
        (31_557_600, "1 year"),  # not "1 years"
        (30 * 3_600, "30 hours"),
    ],
)
def test_a_duration_is_shown_in_the_largest_unit_it_fills(seconds: int, shown: str) -> None:
    from corroborate.reconcile.claims import shown_duration

    assert shown_duration(seconds) == shown


def test_an_age_opening_its_sentence_before_a_things_name_is_that_things() -> None:
    text = (
        "Airline spokeswoman Marieke van Dalen said safety came first. The 34-year-old "
        "{}stays in Hamburg for now."
    )
    for after, aged in (("Boeing 737-800 ", False), ("", True)):
        article = _article("a", text.format(after))
        person = _person("p1", "Marieke van Dalen", (article, "Marieke van Dalen"))
        entities = [person]
        if after:
            start = article.text.index("Boeing")
            entities.append(
                Entity(id="o1", type="org", name="Boeing", aliases=["Boeing"],
                       mentions=[Mention("a", start, start + len("Boeing"))])
            )  # fmt: skip
        quantities = {"a": [_quantity(article, "34-year-old", 34, kind="age", unit="year")]}
        labels = {f.label for f in reconcile([article], quantities, {}, entities)}
        assert ("age of Marieke van Dalen" in labels) is aged


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In Staphorst is een vierjarig kind overleden aan de gevolgen van mazelen.", "nl"),
        ("Am Sonntag starb ein fünfjähriger Junge an den Folgen der Infektion.", "de"),
        ("Un niño de cuatro años murió el pasado domingo en un hospital.", "es"),
        ("Un garçon de quatre ans est mort dimanche à l'hôpital.", "fr"),
        ("В воскресенье в больнице умер четырёхлетний мальчик.", "ru"),
    ],
)
def test_one_person_first_mentioned_as_dead_is_one_killed(text: str, language: str) -> None:
    killed = next(f for f in _read(text, language) if f.label == "people killed")
    assert article_values(killed.claims) == {"a": 1.0}
    # someone ill is no death
    alive = text.replace("overleden", "ziek geworden").replace("starb", "erkrankte")
    alive = alive.replace("murió", "enfermó").replace("est mort", "est tombé malade")
    alive = alive.replace("умер", "заболел")
    assert "people killed" not in {f.label for f in _read(alive, language)}


@pytest.mark.parametrize(
    ("text", "language", "missing"),
    [
        ("At least seven people have died and at least four others are still missing.", "en", 4),
        ("Vier mensen worden nog vermist.", "nl", 4),
        ("Rund zehn Menschen werden noch vermisst.", "de", 10),
        ("Hay nueve desaparecidos tras las inundaciones.", "es", 9),
        ("Trois personnes sont toujours portées disparues.", "fr", 3),
        ("Три человека пропали без вести.", "ru", 3),
    ],
)
def test_people_missing_fill_a_slot_of_their_own(text: str, language: str, missing: int) -> None:
    facts = {f.label: f for f in _read(text, language)}
    assert article_values(facts["people missing"].claims) == {"a": float(missing)}


def test_sentence_similarity_encodes_each_distinct_text_once() -> None:
    encoded: list[str] = []

    def encode(batch: Sequence[str]) -> npt.NDArray[np.float32]:
        encoded.extend(batch)
        return np.asarray([[1.0, 0.0] if "fire" in t else [0.0, 1.0] for t in batch], np.float32)

    repeated = "The fire burned for nine hours."
    texts = {("a", i): repeated for i in range(50)} | {("b", 0): "Trains stopped at noon."}
    similarity = SentenceSimilarity(texts, encode)
    assert sorted(encoded) == sorted({repeated, "Trains stopped at noon."})
    assert similarity(("a", 3), ("a", 40)) == pytest.approx(1.0)
    assert similarity(("a", 3), ("b", 0)) == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("text", "language", "difference"),
    [
        (
            "Op Vlieland werd 149 kilometer per uur gemeten, één kilometer per uur meer dan "
            "de voorlopige waarde.",
            "nl",
            "één kilometer per uur",
        ),
        ("The final gust was 149 km/h, 1 km/h higher than the first reading.", "en", "1 km/h"),
    ],
)
def test_a_figure_telling_a_difference_is_no_value_of_the_thing(
    text: str, language: str, difference: str
) -> None:
    first = _article("a", "Op Vlieland werd een windstoot van 148 kilometer per uur gemeten.", "nl")
    second = _article("b", text, language)
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in (first, second)}
    facts = reconcile([first, second], quantities, {}, [])
    claimed = {c.text for f in facts for c in f.claims}
    assert difference not in claimed
    assert {"148 kilometer per uur"} <= claimed


def test_a_toll_over_a_span_of_days_is_of_several_incidents() -> None:
    text = (
        "A teen was shot in the leg on Tuesday night. The teen was among 11 people shot, "
        "one fatally, from Tuesday afternoon to early Wednesday, police said."
    )
    facts = _read_dated(text, "en", "2017-03-29")
    assert facts.get("people shot in several incidents") == ["11"]
    assert "11" not in facts.get("people shot", [])


@pytest.mark.parametrize(
    ("text", "language", "killed"),
    [
        ("The crush claimed five lives on Saturday.", "en", 5.0),
        ("The storm claimed the lives of five people.", "en", 5.0),
        ("La tragedia se ha cobrado ya cinco vidas.", "es", 5.0),
        ("El accidente costó la vida a cinco personas.", "es", 5.0),
        ("Le drame a coûté la vie à cinq personnes.", "fr", 5.0),
        ("Das Unglück forderte fünf Menschenleben.", "de", 5.0),
        ("De ramp kostte vijf mensen het leven.", "nl", 5.0),
        ("Трагедия унесла жизни пяти человек.", "ru", 5.0),
        # lives saved are no toll, nor people taken to hospital
        ("Rescuers saved five lives.", "en", None),
        ("Les secours ont sauvé cinq vies.", "fr", None),
    ],
)
def test_a_toll_told_as_lives_a_disaster_claimed_is_the_dead(
    text: str, language: str, killed: float | None
) -> None:
    facts = [f for f in _read(text, language) if f.label == "people killed"]
    assert [c.attributes["value"] for f in facts for c in f.claims] == ([killed] if killed else [])


def test_lives_claimed_over_the_past_years_are_of_several_incidents() -> None:
    text = "The feud between two gangs has already claimed two lives over the past couple of years."
    labels = [f.label for f in _read(text, "en")]
    assert "people killed" not in labels
    assert "people killed in several incidents" in labels


def test_an_implied_casualty_is_never_read_across_a_paragraph_break() -> None:
    from corroborate.reconcile.implicit import implied_counts

    text = "Le bilan monte à cinq morts, dont un jeune Anversois\n\nUn adolescent a succombé."
    assert all("\n" not in text[c.start : c.end] for c in implied_counts(text, "fr"))


def test_a_figure_a_page_repeats_in_the_same_words_is_one_claim() -> None:
    lead = "700 kilometres south of Cairo the largest solar park in the world is being built."
    text = f"Solar parks: {lead}\n\nIt costs $3.6 billion.\n\n: {lead} Another 700 kilometres away."
    article = _article("a", text)
    first = text.index("700 kilometres")
    second = text.index("700 kilometres", first + 1)
    third = text.rindex("700 kilometres")
    quantities = {
        "a": [
            Quantity("a", at, at + 14, "700 kilometres", 700, 700, "kilometer", "length",
                     700, 700, "kilometer")
            for at in (first, second, third)
        ]
    }  # fmt: skip
    facts = _facts(reconcile([article], quantities, {}, []), "quantity")
    # the repeated lead is one claim; the third figure, in other words, stays its own
    assert sorted(f.claims[0].start for f in facts) == [first, third]


def test_a_toll_told_by_one_group_is_among_anothers_whole_toll() -> None:
    first = _article("a", "Two bailiffs were killed in the courthouse shooting on Monday.")
    second = _article("b", "Three people were killed in the courthouse shooting on Monday.")
    quantities = {
        "a": [_quantity(first, "Two", 2.0, noun="bailiffs")],
        "b": [_quantity(second, "Three", 3.0, noun="people")],
    }
    (fact,) = _facts(reconcile([first, second], quantities, {}, []), "quantity")
    assert (fact.label, fact.status) == ("people killed", "refined")
    assert fact.explanation == "2 bailiffs (Outlet a) are among 3 people (Outlet b)"
    assert [c.attributes.get("group") for c in fact.claims] == [True, None]


def test_a_place_named_for_an_office_is_not_where_it_happened() -> None:
    # "Union Minister ..." (India's federal government, read as Union, New Jersey) and
    # "Texas Governor ..." name an office's seat, not the scene
    a = _article("a", "Union Minister Jitendra Singh launched the device in New Delhi.")
    b = _article("b", "Texas Governor Greg Abbott spoke about the device on Tuesday.")
    union = _place(
        "p1", "Union", Place("Union", "US", 40.69, -74.26, 5105608, "US-NJ"), (a, "Union")
    )
    delhi = _place(
        "p2", "New Delhi", Place("New Delhi", "IN", 28.63, 77.21, 1261481), (a, "New Delhi")
    )
    texas = _place("p3", "Texas", Place("Texas", "US", region="US-TX"), (b, "Texas"))
    fact = _where([a, b], [union, delhi, texas])
    assert [c.text for c in fact.claims] == ["New Delhi"]

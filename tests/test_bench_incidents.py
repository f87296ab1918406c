"""The incidents benchmark's readings of one article, on invented reports."""

from __future__ import annotations

import re

import pytest

from corroborate.aliases import link_entities
from corroborate.aliases.link import story_areas
from corroborate.bench.incidents import (
    OPENING_CHARS,
    PLACE_FACT,
    Analysed,
    Gold,
    Reading,
    Tally,
    _city,
    _incident_date,
    _matches,
    _score_place_fact,
    article_readings,
    first_article,
    reconciled,
    story_facts,
)
from corroborate.model import Article, Claim, EntityType, Fact, NamedMention
from corroborate.quantities import find_quantities
from corroborate.timex import find_time_expressions


def _analysed(text: str, published: str, id_: str = "a") -> Analysed:
    article = Article(
        id=id_, source="a.html", content_hash=id_, text=text, published=published, language="en"
    )
    return Analysed(article, [], [], find_time_expressions(id_, text, "en", published))


def test_the_incident_day_is_the_one_told_with_its_time() -> None:
    # Published on Wednesday 2025-03-12; the hearing "Monday" is a bare weekday.
    text = (
        "A man will appear in court Monday. Police said he fired at a car early Tuesday "
        "morning on Elm Road."
    )
    assert _incident_date(_analysed(text, "2025-03-12")) == "2025-03-11"


def test_a_bare_weekday_counts_when_no_time_is_told() -> None:
    text = "A woman was wounded Sunday on Birch Lane, police said."
    assert _incident_date(_analysed(text, "2025-03-12")) == "2025-03-09"
    assert _incident_date(_analysed("Police are investigating.", "2025-03-12")) == "2025-03-12"


def test_a_follow_up_names_the_incident_by_its_calendar_date() -> None:
    # Published Wednesday 2016-12-21: the charges came Tuesday, the shooting on Dec. 13.
    text = "Two men were charged on Tuesday in the shooting of a girl on Dec. 13."
    assert _incident_date(_analysed(text, "2016-12-21")) == "2016-12-13"
    # a day told with its time still comes first
    text = "A man was shot late Monday night. A vigil is planned for Dec. 30."
    assert _incident_date(_analysed(text, "2016-12-21")) == "2016-12-19"


def test_the_pages_own_stamp_is_no_incident_date() -> None:
    text = (
        "Posted: Thursday, March 13, 2025 5:46 PM EDT. Two people were shot Wednesday "
        "night on Elm Road."
    )
    assert _incident_date(_analysed(text, "2025-03-13")) == "2025-03-12"


def test_late_or_early_names_the_part_of_the_day() -> None:
    # "late Saturday" is the moment of the shooting; the Sunday morning came after.
    text = "Three people were shot late Saturday. By Sunday morning the street was quiet."
    assert _incident_date(_analysed(text, "2025-03-09")) == "2025-03-08"


def test_a_day_told_in_a_sentence_about_the_shooting_comes_first() -> None:
    # Published Saturday 2025-03-08: the vigil was Friday, the shooting Thursday.
    text = (
        "A boy was remembered Friday evening at a vigil on Elm Road. He died Thursday "
        "night after he was shot in the yard."
    )
    assert _incident_date(_analysed(text, "2025-03-08")) == "2025-03-06"
    # "early morning" assumes its day: the weekday the text names wins
    text = "An early morning shooting left a man hurt. Police said he was shot Friday."
    assert _incident_date(_analysed(text, "2025-03-08")) == "2025-03-07"


def test_the_day_something_was_said_is_not_the_incident_day() -> None:
    # Published Friday 2025-03-07: "said Thursday" is when the police spoke.
    text = "A man was shot and killed, police said Thursday. The shooting happened Tuesday."
    assert _incident_date(_analysed(text, "2025-03-07")) == "2025-03-04"
    text = "A man was shot and killed Thursday, police said."
    assert _incident_date(_analysed(text, "2025-03-07")) == "2025-03-06"


def test_the_day_of_a_death_yields_to_the_day_of_the_shooting() -> None:
    # Published Saturday 2025-03-08: shot on Thursday, died on Friday.
    text = "A boy died Friday after being accidentally shot at his home Thursday."
    assert _incident_date(_analysed(text, "2025-03-08")) == "2025-03-06"
    # a sentence about the shooting may tell it by its bullet
    text = "A vigil was held Friday. A stray bullet hit a girl on Wednesday."
    assert _incident_date(_analysed(text, "2025-03-08")) == "2025-03-05"


def test_the_day_of_a_later_step_yields_to_any_other_day() -> None:
    # Published Monday 2025-03-10: arrested Sunday, a news conference Sunday
    # afternoon, the shooting on Saturday (told only in a sentence about the suspect).
    text = "A man was arrested Sunday after the shooting. He had argued with a neighbor Saturday."
    assert _incident_date(_analysed(text, "2025-03-10")) == "2025-03-08"
    text = "In a Sunday afternoon news conference, the chief described the shooting. It was Friday."
    assert _incident_date(_analysed(text, "2025-03-10")) == "2025-03-07"
    text = "On Sunday, after two people were shot the day before, the street was quiet. Saturday."
    assert _incident_date(_analysed(text, "2025-03-10")) == "2025-03-08"
    # alone, a later step's day still beats the publication day
    text = "A man was arrested Sunday after the shooting."
    assert _incident_date(_analysed(text, "2025-03-10")) == "2025-03-09"


def test_the_day_a_shooting_was_reported_is_its_day() -> None:
    # "police said Sunday" is the day of the report; "was reported Sunday" the event's.
    text = "A shooting was reported Sunday afternoon on Elm Road. The girl was hurt."
    assert _incident_date(_analysed(text, "2025-03-11")) == "2025-03-09"


@pytest.mark.parametrize(
    ("title", "states", "city"),
    [
        ("Boy wounded in accidental shooting in Dalton, Georgia", (), "Dalton"),
        ("Dalton area boy, 8, wounded by gunfire", (), "Dalton"),
        ("Man shoots intruder at his Home in May", (), None),
        # a town anywhere in the headline, the longest name first, no everyday word
        ("Five Shot During Party At Kankakee Banquet Hall", (), "Kankakee"),
        ("Saginaw kids looking for snake find gun instead", (), "Saginaw"),
        ("Teen Accidentally Shoots Girl Inside Her Home", (), None),
        # in the story's state only, when the story names one
        ("Four wounded in shooting at Pomona restaurant", ("US-CA",), "Pomona"),
        ("Four wounded in shooting at Pomona restaurant", ("US-TX",), None),
    ],
)
def test_with_no_town_in_the_text_the_headline_names_it(
    title: str, states: tuple[str, ...], city: str | None
) -> None:
    text = "A boy, 8, was wounded Sunday when a gun went off at his home, police said."
    article = _analysed(text, "2025-03-10").article
    article.title = title
    assert _city(article, [], frozenset({"US", *states})) == city


def test_a_tie_between_a_town_and_a_county_goes_to_the_town() -> None:
    members = [
        # the county's article is the later one, which would win a plain tie
        _analysed("A man was shot in Rankin County, deputies said.", "2025-03-11", "a"),
        _analysed("A man was shot in Brandon, police said.", "2025-03-10", "b"),
    ]
    for member, name in zip(members, ["Rankin County", "Brandon"], strict=True):
        start = member.article.text.index(name)
        member.mentions.append(
            NamedMention(member.article.id, start, start + len(name), name, "place")
        )
    facts, entities = story_facts(members)
    readings = article_readings(members, facts, entities)
    assert [readings[m.article.id].city for m in members] == ["Rankin County", "Brandon"]
    assert reconciled(members, readings, facts, entities).city == "Brandon"


def _county_story(text: str, names: list[str]) -> tuple[str | None, str | None, str | None]:
    """(the article's city reading, the story's, the first-article baseline's)."""
    member = _analysed(text, "2025-03-11", "a")
    for name in names:
        start = text.index(name)
        member.mentions.append(NamedMention("a", start, start + len(name), name, "place"))
    facts, entities = story_facts([member])
    readings = article_readings([member], facts, entities)
    story = reconciled([member], readings, facts, entities)
    return readings["a"].city, story.city, first_article([member], readings, facts).city


def test_a_county_alone_is_filed_under_the_town_its_addresses_are_mailed_to() -> None:
    # Travis County's street-address ZIP codes are nearly all Austin's
    text = "A teen was shot in east Travis County, Texas, deputies said."
    assert _county_story(text, ["Travis County", "Texas"]) == ("Travis County", "Austin", "Austin")
    # Rankin County's codes spread over several small towns: GVA files it as a county
    text = "A man was shot in Rankin County, Mississippi, deputies said."
    city = "Rankin County"
    assert _county_story(text, ["Rankin County", "Mississippi"]) == (city, city, city)
    # Richmond County, Georgia, is Augusta's; with no state named it could be New
    # York's, North Carolina's or Virginia's
    text = "A man was shot in Richmond County, Ga., deputies said."
    assert _county_story(text, ["Richmond County", "Ga."])[1:] == ("Augusta", "Augusta")
    text = "A man was shot in Richmond County, deputies said."
    city = "Richmond County"
    assert _county_story(text, ["Richmond County"]) == (city, city, city)


def test_a_town_in_the_headline_is_more_precise_than_a_county() -> None:
    member = _analysed("A man was shot in Rankin County, deputies said.", "2025-03-11", "a")
    start = member.article.text.index("Rankin County")
    member.mentions.append(NamedMention("a", start, start + 13, "Rankin County", "place"))
    facts, entities = story_facts([member])
    assert article_readings([member], facts, entities)["a"].city == "Rankin County"
    member.article.title = "Man shot outside Brandon store"
    assert article_readings([member], facts, entities)["a"].city == "Brandon"


def test_city_names_match_with_abbreviations_spelt_out() -> None:
    gold = Gold(date="2025-03-11", city="Saint Louis", killed=0, injured=1, participants=())
    assert _matches("city", "St. Louis", gold)
    assert not _matches("city", "St. Charles", gold)
    # GVA drops apostrophes: "Lees Summit"
    gold = Gold(date="2025-03-11", city="Lees Summit", killed=0, injured=1, participants=())
    assert _matches("city", "Lee's Summit", gold)


def test_county_gold_matches_the_county_name() -> None:
    gold = Gold(date="2025-03-11", city="Rankin (county)", killed=0, injured=1, participants=())
    assert _matches("city", "Rankin County", gold)
    assert _matches("city", "Rankin", gold)
    assert not _matches("city", "County", gold)
    assert not _matches("city", "Brandon", gold)


def _city_of(text: str, names: list[tuple[str, EntityType]]) -> str | None:
    article = Article(id="a", source="a", content_hash="a", text=text, language="en")
    mentions = [
        NamedMention("a", text.index(name), text.index(name) + len(name), name, type_)
        for name, type_ in names
    ]
    areas = story_areas(mentions, {"a": "en"}) | {"US"}
    return _city(article, link_entities(mentions, {"a": "en"}), areas)


def test_the_town_of_a_police_service_outranks_other_towns_then_the_county() -> None:
    text = "Tifton Police said a man was shot on Elm Road in Tift County, Georgia."
    assert _city_of(text, [("Tifton Police", "org"), ("Georgia", "place")]) == "Tifton"
    # the force that answered the call places the incident, not a suspect's home town
    text = "Tifton police said a man from Moultrie was shot."
    assert _city_of(text, [("Moultrie", "place")]) == "Tifton"
    text = "A man from Moultrie was shot in Rankin County, deputies said."
    assert _city_of(text, [("Moultrie", "place"), ("Rankin County", "place")]) == "Moultrie"
    text = "A man was shot in Rankin County, deputies said."
    assert _city_of(text, [("Rankin County", "place")]) == "Rankin County"
    assert _city_of("A man was shot, police said.", []) is None


def test_a_dateline_naming_a_neighbourhood_gives_the_city_whose_police_answered() -> None:
    text = "PORTAGE PARK — A boy was shot in the leg on Monday, Chicago Police said."
    names: list[tuple[str, EntityType]] = [("PORTAGE PARK", "place")]
    assert _city_of(text, names) == "Chicago"
    text = "PORTAGE PARK — A boy was shot in the leg on Monday, police said."
    assert _city_of(text, names) == "Portage Park"
    # a neighbourhood the gazetteer lacks, read as a far town of its name (Austin,
    # Texas), in a story that names no Texas place
    text = "AUSTIN — A boy was shot in the leg on Monday, Chicago Police said."
    assert _city_of(text, [("AUSTIN", "place")]) == "Chicago"
    text = "AUSTIN, Texas — A boy was shot on Monday, Chicago Police said."
    assert _city_of(text, [("AUSTIN", "place"), ("Texas", "place")]) == "Austin"


def test_a_town_the_headline_places_the_story_in_outranks_the_dateline() -> None:
    def city(title: str, text: str) -> str | None:
        article = Article(id="a", source="a", content_hash="a", text=text, language="en")
        article.title = title
        start = text.index(",")
        mention = NamedMention("a", 0, start, text[:start], "place")
        areas = story_areas([mention], {"a": "en"}) | {"US"}
        return _city(article, link_entities([mention], {"a": "en"}), areas)

    text = "ANCHORAGE, Alaska — A teen was shot in the leg late Thursday, troopers said."
    assert city("Teen shot at a party", text) == "Anchorage"
    # another town of the dateline's state: where it happened
    assert city("Teen shot unintentionally in Wasilla", text) == "Wasilla"
    # a town of that name in another state is a far namesake, not the scene
    assert city("Teen shot unintentionally in Pomona", text) == "Anchorage"


def test_a_dateline_naming_a_neighbourhood_and_its_city_gives_the_city() -> None:
    text = "EAST NEW YORK, Brooklyn — A teen was shot in the head late Thursday."
    names: list[tuple[str, EntityType]] = [("EAST NEW YORK", "place"), ("Brooklyn", "place")]
    assert _city_of(text, names) == "Brooklyn"
    # a state after the town is no city around it
    text = "HAMILTON, Ohio — A teen was shot in the head late Thursday."
    assert _city_of(text, [("HAMILTON", "place"), ("Ohio", "place")]) == "Hamilton"


def test_a_big_town_the_tagger_took_for_a_person_still_places_the_story() -> None:
    text = "A man was shot outside a bar in Denver on Friday. Ada Brook saw it."
    names: list[tuple[str, EntityType]] = [("Denver", "person"), ("Ada Brook", "person")]
    assert _city_of(text, names) == "Denver"
    # a small town's name tagged as a person is more likely a person
    text = "A man was shot outside a bar on Friday, said Hilo Brook."
    assert _city_of(text, [("Hilo", "person")]) is None


def test_a_given_name_alone_is_the_person_not_a_town() -> None:
    text = (
        "A boy was shot in Moultrie. Family named him as Colby Fouch. Everybody loved "
        "Colby. Colby played football."
    )
    article = Article(id="a", source="a", content_hash="a", text=text, language="en")
    alone = [m.start() for m in re.finditer(r"Colby(?! Fouch)", text)]
    mentions = [
        NamedMention("a", text.index("Moultrie"), text.index("Moultrie") + 8, "Moultrie", "place"),
        NamedMention("a", text.index("Colby"), text.index("Colby") + 11, "Colby Fouch", "person"),
        *(NamedMention("a", start, start + 5, "Colby", "place") for start in alone),
    ]
    entities = link_entities(mentions, {"a": "en"})
    assert _city(article, entities, frozenset({"US"})) == "Moultrie"
    # without the full name "Colby" (a Kansas town) is a place like any other
    places = [mentions[0], *mentions[2:]]
    assert _city(article, link_entities(places, {"a": "en"}), frozenset({"US"})) == "Colby"


def test_a_town_the_linker_placed_abroad_is_read_in_the_us() -> None:
    # the gazetteer has a "Second Street" in British Columbia, beside its Richmond
    text = "A baby was shot at Second Street and Bissell Avenue in Richmond."
    analysed = _analysed(text, "2025-03-10")
    for name in ("Richmond", "Second Street"):
        start = text.index(name)
        analysed.mentions.append(NamedMention("a", start, start + len(name), name, "place"))
    facts, entities = story_facts([analysed])
    assert article_readings([analysed], facts, entities)["a"].city == "Richmond"


#: One article's text, its names and the city read from them.
_CITY_CASES: dict[str, tuple[str, list[tuple[str, EntityType]], str]] = {
    # a police service is named within one sentence: "Hawthorne." ends a quote's
    "service-within-a-sentence": (
        "LAS VEGAS — A teen was shot, said Lakisha Hawthorne.\n\nPolice said it was fine.",
        [("Lakisha Hawthorne", "person")],
        "Las Vegas",
    ),
    # a joint or metropolitan force serves the city it is named after
    "joint-force": ("A man was shot, Charlotte-Mecklenburg Police said.", [], "Charlotte"),
    "metro-force": (
        "Four people were shot in Broad Ripple, Indianapolis Metro Police said.",
        [("Broad Ripple", "place")],
        "Indianapolis",
    ),
    # Rhine, Georgia: a village only the state's post-office list knows
    "dateline-state": (
        "RHINE, Georgia — A toddler shot herself in the leg.",
        [("RHINE", "place"), ("Georgia", "place")],
        "Rhine",
    ),
    # a small place within a big city the article names is that city...
    "within-a-big-city": (
        "Four kids were wounded in Williamsburg. Williamsburg is in Brooklyn.",
        [("Williamsburg", "place"), ("Brooklyn", "place")],
        "Brooklyn",
    ),
    # ...but a town of its own size beside a city stays itself
    "beside-a-big-city": (
        "Two men were shot in Irvington. Irvington is next to Newark.",
        [("Irvington", "place"), ("Newark", "place")],
        "Irvington",
    ),
    # a town the scene is measured from does not place it
    "measured-from": (
        "The boy was shot in Antrim County, about 25 miles south of Petoskey.",
        [("Antrim County", "place"), ("Petoskey", "place")],
        "Antrim County",
    ),
    # a given name the recogniser took for a town: a surname and an age follow it
    "given-name-with-age": (
        "The victims, Thomas May, 26, and Ida Cole, 29, were wounded in Orlando.",
        [("Orlando", "place"), ("Thomas", "place"), ("Ida Cole", "person")],
        "Orlando",
    ),
    # a town's name as one of a corner's streets, or a block's, does not place it
    "street-corner": (
        "A man was shot near Seventh Street and Broadway in Phoenix. Police closed "
        "Broadway and Central Avenue, and the 1600 block of Broadway.",
        [("Broadway", "place"), ("Phoenix", "place")],
        "Phoenix",
    ),
    "street-corner-plural": (
        "Two men were killed near Thompson and Colorado avenues in Denver. Police "
        "closed Thompson and Colorado avenues.",
        [("Thompson", "place"), ("Denver", "place")],
        "Denver",
    ),
}


@pytest.mark.parametrize("case", list(_CITY_CASES))
def test_the_city_reading(case: str) -> None:
    text, names, city = _CITY_CASES[case]
    assert _city_of(text, names) == city


def _story_city(cities: dict[str, str], places: list[str]) -> str | None:
    """The story's city when each article (id -> text) reads the city given for it."""
    members = []
    for id_, text in cities.items():
        member = _analysed(text, "2025-03-10", id_)
        member.mentions = [
            NamedMention(id_, text.index(name), text.index(name) + len(name), name, "place")
            for name in places
            if name in text
        ]
        members.append(member)
    readings = {id_: Reading(city=city) for id_, city in _READ_AS.items() if id_ in cities}
    return reconciled(members, readings, [], []).city


_READ_AS = {
    "a": "Brooklyn",
    "b": "Williamsburg",
    "c": "Newark",
    "d": "Irvington",
    "e": "East Flatbush",
    "f": "Philadelphia",
    "g": "Camden",
    "h": "Kokomo",
    "i": "Indianapolis",
    "j": "Indianapolis",
    "k": "Indianapolis",
}


def test_a_story_files_a_neighbourhood_under_the_big_city_another_article_names() -> None:
    # a tie between two articles goes to the later one ("b", "d"), unless...
    brooklyn = {"a": "A man was shot in Brooklyn.", "b": "A man was shot in Williamsburg."}
    assert _story_city(brooklyn, ["Brooklyn", "Williamsburg"]) == "Brooklyn"
    # ...a town of its own beside a big city stays itself
    newark = {"c": "Two men were shot in Newark.", "d": "Two men were shot in Irvington."}
    assert _story_city(newark, ["Irvington", "Newark"]) == "Irvington"
    # a populous neighbourhood, small beside its city (178,000 of 2.7 million people)
    flatbush = {"a": "A man was shot in Brooklyn.", "e": "A man was shot in East Flatbush."}
    assert _story_city(flatbush, ["Brooklyn", "East Flatbush"]) == "Brooklyn"
    # a city across a state line is a city of its own
    camden = {"f": "A man was shot in Philadelphia.", "g": "A man was shot in Camden, N.J."}
    assert _story_city(camden, ["Philadelphia", "Camden"]) == "Camden"


def test_a_tie_between_a_big_city_and_a_town_near_it_goes_to_the_town() -> None:
    # the later article ("i") would win the tie: a station's dateline names its city
    kokomo = {"h": "A baby was shot in Kokomo.", "i": "INDIANAPOLIS - A baby was shot."}
    assert _story_city(kokomo, ["Kokomo", "INDIANAPOLIS"]) == "Kokomo"


def test_a_town_near_a_big_city_wins_when_half_as_many_articles_read_it() -> None:
    said = {
        "h": "A baby was shot in Kokomo.",
        "i": "INDIANAPOLIS - A baby was shot.",
        "j": "INDIANAPOLIS - A baby was shot on Monday.",
    }
    assert _story_city(said, ["Kokomo", "INDIANAPOLIS"]) == "Kokomo"
    # a third of the articles: the big city stands
    said["k"] = "INDIANAPOLIS - A baby was shot on Monday night."
    assert _story_city(said, ["Kokomo", "INDIANAPOLIS"]) == "Indianapolis"


def test_an_article_that_names_no_town_is_placed_by_its_outlets_city() -> None:
    text = "A teen was shot on Elm Road on Monday and taken to a hospital."
    for outlet, city in [
        ("chicago.suntimes.com", "Chicago"),
        ("houstonchronicle.com", "Houston"),
        ("mysanantonio.com", "San Antonio"),
        ("kmbc.com", None),
    ]:
        article = Article(id="a", source="a", content_hash="a", text=text, outlet=outlet)
        assert _city(article, [], frozenset({"US"})) == city
    # a town the article names wins over the outlet's city
    named = "A teen was shot in Pasadena on Monday."
    mentions = [
        NamedMention("a", named.index("Pasadena"), named.index("Pasadena") + 8, "Pasadena", "place")
    ]
    article = Article(
        id="a", source="a", content_hash="a", text=named, outlet="houstonchronicle.com"
    )
    assert (
        _city(article, link_entities(mentions, {"a": "en"}), frozenset({"US", "US-TX"}))
        == "Pasadena"
    )


def test_a_hospital_town_does_not_place_the_incident() -> None:
    text = (
        "A man was shot in Moultrie and taken to an Atlanta hospital, then to Atlanta "
        "Medical Center."
    )
    names: list[tuple[str, EntityType]] = [("Moultrie", "place"), ("Atlanta", "place")]
    assert _city_of(text, names) == "Moultrie"


def test_a_neighbourhood_counts_for_the_city_around_it() -> None:
    # Englewood, Chicago's neighbourhood (not the Colorado town: the story is in
    # Illinois), named twice, the city once.
    text = (
        "Two men were shot in the Englewood neighborhood of Chicago. Englewood residents "
        "gathered later."
    )
    names: list[tuple[str, EntityType]] = [("Englewood", "place"), ("Chicago", "place")]
    assert _city_of(text, names) == "Chicago"
    # a town beyond the city's reach stays itself
    text = "Two men were shot in Harvey, near Chicago. Harvey residents gathered later."
    assert _city_of(text, [("Harvey", "place"), ("Chicago", "place")]) == "Harvey"
    # the city an article does not name: the big city of its state around it
    text = "A woman was shot in the Logan Square neighborhood, Illinois police said."
    names = [("Logan Square", "place"), ("Illinois", "place")]
    assert _city_of(text, names) == "Chicago"


def test_a_condition_with_no_death_known_may_be_the_victim_who_died() -> None:
    # Early reports: "in critical condition"; a later one: the teen died.
    members = [
        _analysed("A teen is in critical condition after a shooting.", "2025-03-10", "a"),
        _analysed("A teen is in critical condition, police said.", "2025-03-10", "b"),
        _analysed("A teen was killed in the shooting on Elm Road.", "2025-03-11", "c"),
    ]
    facts, entities = story_facts(members)
    story = reconciled(members, article_readings(members, facts, entities), facts, entities)
    assert (story.killed, story.injured) == (1, 0)
    # with no death anywhere, the condition is one person injured
    facts, entities = story_facts(members[:2])
    story = reconciled(members[:2], article_readings(members[:2], facts, entities), facts, entities)
    assert (story.killed, story.injured) == (0, 1)


def test_one_person_told_critical_with_no_death_known_may_be_the_victim_who_died() -> None:
    early = (
        "A 2-year-old child was critically injured in a shooting on Tuesday. Police said "
        "Kendal Pinkerton was critically injured in the shooting at the apartments."
    )
    later = "The 2-year-old who was shot inside an apartment on Elm Road has died."
    members = [_analysed(early, "2025-03-10", "a"), _analysed(later, "2025-03-12", "b")]
    assert _story(members) == (1, 0)
    assert _story(members[:1]) == (0, 1)
    # "a fourth victim" critically injured is someone else
    other = "A third person has died after the shooting. A fourth victim was critically injured."
    assert _story([_analysed(other, "2025-03-12", "c")]) == (1, 1)


def _story(members: list[Analysed]) -> tuple[float | None, float | None]:
    facts, entities = story_facts(members)
    story = reconciled(members, article_readings(members, facts, entities), facts, entities)
    return story.killed, story.injured


def _counted(text: str, published: str, id_: str) -> Analysed:
    member = _analysed(text, published, id_)
    member.quantities = find_quantities(id_, text, "en")
    return member


def test_a_count_of_others_shot_is_besides_the_one_killed_before() -> None:
    text = "A man was killed on Elm Road. Three other people were shot, police said."
    assert _story([_counted(text, "2025-03-10", "a")]) == (1, 3)
    # told alone, the count is all who were shot
    text = "Three people were shot on Elm Road. One of them died, police said."
    assert _story([_counted(text, "2025-03-10", "a")]) == (1, 2)


def test_a_count_of_others_hurt_is_besides_the_one_hurt_its_sentence_told_of() -> None:
    text = (
        "A boy remained in critical condition after a shooting that also injured three "
        "other people on Elm Road."
    )
    assert _story([_counted(text, "2025-03-10", "a")]) == (0, 4)
    # after a death the others are all the hurt
    text = "A man was killed and three other people were injured on Elm Road."
    assert _story([_counted(text, "2025-03-10", "a")]) == (1, 3)


def test_tied_injured_counts_pass_over_a_roundup_total() -> None:
    # two articles, two counts: the later one's far larger count is a weekend's total
    roundup = [
        _counted("Five people were wounded in a shooting on Elm Road.", "2025-03-10", "a"),
        _counted("Seventeen people were wounded in weekend shootings.", "2025-03-11", "b"),
    ]
    assert _story(roundup) == (0, 5)
    # close counts: the larger, as early reports have not found every victim
    update = [
        _counted("Three people were wounded in a shooting on Elm Road.", "2025-03-10", "a"),
        _counted("Four people were wounded in the shooting on Elm Road.", "2025-03-11", "b"),
    ]
    assert _story(update) == (0, 4)
    # a far larger count its own headline gives too is that shooting's, not a total
    early = _counted("One man was wounded in a shooting on Elm Road.", "2025-03-10", "a")
    full = _counted("Five people were wounded in the shooting on Elm Road.", "2025-03-11", "b")
    full.article.title = "5 wounded in Elm Road shooting"
    assert _story([early, full]) == (0, 5)


def test_tied_injured_counts_go_to_an_article_that_knows_of_the_death() -> None:
    # the early report has the teen hurt, the later one has the teen dead
    early = _counted(
        "A 17-year-old was wounded in a shooting on Elm Road, police said.", "2025-03-10", "a"
    )
    later = _counted(
        "A 17-year-old was shot on Elm Road. The teen died at a hospital.", "2025-03-11", "b"
    )
    assert _story([early, later]) == (1, 0)
    # with both counts from articles that tell of the death: the larger, as before
    both = _counted(
        "A 17-year-old was killed and a woman was wounded on Elm Road.", "2025-03-10", "a"
    )
    assert _story([both, later]) == (1, 1)


def test_tied_killed_counts_go_to_the_one_a_headline_gives() -> None:
    early = _counted("One man was killed in a shooting on Elm Road.", "2025-03-10", "a")
    full = _counted("Three people were killed in the shooting on Elm Road.", "2025-03-11", "b")
    # two counts tie: the fewer (a larger count is as often another incident's)
    assert _story([early, full]) == (1, 0)
    # the larger, its own headline giving it too, is this shooting's toll
    full.article.title = "3 dead in Elm Road shooting"
    assert _story([early, full]) == (3, 0)
    # not when the headline tells of several shootings: that is their total
    full.article.title = "3 dead in weekend shootings"
    assert _story([early, full]) == (1, 0)


def test_three_tied_injured_counts_go_to_the_middle_one() -> None:
    said = {"a": "Two", "b": "Three", "c": "Four"}
    members = [
        _counted(f"{n} people were wounded in the shooting on Elm Road.", "2025-03-10", id_)
        for id_, n in said.items()
    ]
    # two counts tie: the larger (an early report has not found every victim)
    assert _story(members[1:]) == (0, 4)
    # three: neither end (the smaller would win as 4 is twice 2, a roundup's total)
    assert _story(members) == (0, 3)


def test_another_person_shot_beside_a_death_is_a_survivor() -> None:
    text = (
        "A 16-year-old boy was fatally shot on the porch on Monday. Officers "
        "found another 16-year-old boy who had been shot in the ankle."
    )
    assert _story([_analysed(text, "2025-03-10")]) == (1, 1)
    # the one shot, told again, is the one who died
    alone = "Officers found a boy who had been shot on the porch. The boy died on Monday."
    assert _story([_analysed(alone, "2025-03-10")]) == (1, 0)


def test_a_survivor_state_is_not_the_victim_who_died() -> None:
    critical = "A man was shot and killed on Elm Road. One person is in critical condition."
    assert _story([_analysed(critical, "2025-03-10")]) == (1, 0)
    stable = "A man was shot and killed on Elm Road. One person is in stable condition."
    assert _story([_analysed(stable, "2025-03-10")]) == (1, 1)


def test_a_hurt_person_of_another_age_is_not_the_one_who_died() -> None:
    text = (
        "Two teens were playing with a handgun on Elm Road on Monday. The 19-year-old was "
        "accidentally shot and was later pronounced dead. Police said the 14-year-old was "
        "taken to the hospital."
    )
    assert _story([_analysed(text, "2025-03-10")]) == (1, 1)
    same = text.replace("the 14-year-old", "the 19-year-old")
    assert _story([_analysed(same, "2025-03-10")]) == (1, 0)


def _headlined(title: str, text: str) -> Analysed:
    analysed = _analysed(text, "2025-03-10")
    analysed.article.title = title
    return analysed


def test_the_headline_tells_the_casualties_when_the_text_tells_none() -> None:
    menus = "Weather. Traffic. Sports scores. Sign up for our newsletter."
    assert _story([_headlined("2 Dead, 3 Wounded In Park Shooting", menus)]) == (2, 3)
    assert _story([_headlined("Teen shot in church parking lot - WXYZ", menus)]) == (0, 1)
    assert _story([_headlined("Man, 21, killed in accidental shooting", menus)]) == (1, 0)
    assert _story([_headlined("Burlington teen shot dead by 15-year-old", menus)]) == (1, 0)
    assert _story([_headlined("Police Investigate Shooting Death Of Teen", menus)]) == (1, 0)
    assert _story([_headlined("5 Indicted For Killing Of Cranston Girl", menus)]) == (1, 0)
    assert _story([_headlined("Man sentenced to 30 years in girl's killing", menus)]) == (1, 0)
    assert _story([_headlined("City council meets on Tuesday", menus)]) == (0, 0)
    # a text that tells its own casualties keeps them over a headline's one person
    told = "A woman was wounded on Elm Road on Monday."
    assert _story([_headlined("Man, 21, killed in accidental shooting", told)]) == (0, 1)
    # one person as the verb's object
    assert _story([_headlined("Police kill gunman after Elm Road rampage", menus)]) == (1, 0)
    assert _story([_headlined("Teen accidentally shoots 5-year-old boy in leg", menus)]) == (0, 1)
    assert _story([_headlined("Gunshot wounds Elmwood teen", menus)]) == (0, 1)
    # a count of bodies is a count of the dead
    found = _headlined(
        "Police discover 3 bodies, including 2 children, inside Elm Road home", menus
    )
    assert _story([found]) == (3, 0)
    # "of 5": his children, not a count of the dead
    assert _story([_headlined("Father of 5 killed in Elm Road shooting", menus)]) == (1, 0)


def test_a_headline_death_counts_when_the_text_tells_of_a_shooting_but_no_death() -> None:
    shot = "The girl was accidentally shot by her brother at their home on Monday."
    assert _story([_headlined("10-Year-Old Girl Dies After Being Shot", shot)]) == (1, 0)
    assert _story([_headlined("Police Investigate Shooting Death Of Teen", shot)]) == (1, 0)
    assert _story([_headlined("Victim In Boyle Co. Accidental Shooting Dies", shot)]) == (1, 0)
    assert _story([_headlined("Girl's death under investigation", shot)]) == (1, 0)
    assert _story([_headlined("Teen shot to death in Roswell apartment", shot)]) == (1, 0)
    playing = _headlined("Boy playing with rifle shot and killed, sheriff says", shot)
    assert _story([playing]) == (1, 0)
    assert _story([_headlined("Shooting leads to city's latest homicide", shot)]) == (1, 0)
    assert _story([_headlined("Girl, 10, hurt in accidental shooting", shot)]) == (0, 1)


def test_a_headline_count_may_describe_its_people() -> None:
    told = "A 16-year-old boy was shot on Elm Road, and a 15-year-old boy was shot nearby."
    assert _story([_headlined("4 teen boys shot in West Elmwood", told)]) == (0, 4)
    assert _story([_headlined("Two young men wounded in drive-by", told)]) == (0, 2)


def test_a_death_most_articles_do_not_tell_of_is_not_the_storys() -> None:
    hurt = "A man was wounded on Elm Road on Monday."
    dead = "A man was killed on Elm Road on Monday."
    members = [_counted(hurt, "2025-03-10", "a"), _counted(hurt, "2025-03-10", "b")]
    assert _story([*members, _counted(dead, "2025-03-10", "c")])[0] == 0
    # one article against one: the death stands (it may have come later)
    assert _story([members[0], _counted(dead, "2025-03-10", "c")])[0] == 1


def test_a_killers_own_death_in_the_headline_counts_with_his_victims() -> None:
    one = "A boy was found dead at a home on Elm Road on Monday."
    assert _story([_headlined("Father kills 6-year-old son, self", one)]) == (2, 0)
    assert _story([_headlined("Gunman kills 3 bandmates, self after dispute", one)]) == (4, 0)
    assert _story([_headlined("Man Killed Wife, 4 Kids Then Himself", one)]) == (6, 0)
    ages = _headlined("Father kills sons, 10 and 12, before turning the gun on himself", one)
    assert _story([ages]) == (3, 0)
    assert _story([_headlined("Man kills himself after standoff", one)]) == (1, 0)


def test_a_roundups_headline_gives_its_total_not_the_incidents_count() -> None:
    text = (
        "Two men were killed and three men were wounded in three separate shootings on "
        "Saturday. In the last, a 14-year-old boy was shot on Elm Road."
    )
    roundup = _counted(text, "2025-03-10", "a")
    roundup.article.title = "Six shot, two dead in weekend violence"
    assert _story([roundup]) == (0, 1)
    # one incident's own headline count still raises its text's count
    single = _counted("A man was shot on Elm Road on Saturday.", "2025-03-10", "a")
    single.article.title = "Six shot, two dead at party"
    assert _story([single]) == (2, 4)


def test_a_headline_number_raises_the_texts_count() -> None:
    told = "A woman was killed on Elm Road on Monday. Another woman was wounded."
    assert _story([_headlined("Police seek gunman", told)]) == (1, 1)
    assert _story([_headlined("2 Dead, 3 Wounded In Park Shooting", told)]) == (2, 3)
    # and never lowers it
    assert _story([_headlined("1 dead in Elm Road shooting", told)]) == (1, 1)
    # an ordinal victim is one of that many: a later death, a victim found later
    assert _story([_headlined("Third victim of Elm Road shooting dies", told)]) == (3, 1)
    assert _story([_headlined("Police say a second woman was injured", told)]) == (1, 2)
    # not someone charged, nor the victim of a clause that goes on
    assert _story([_headlined("Third man charged in Elm Road killing", told)]) == (1, 1)
    assert _story([_headlined("Second victim in shooting that killed girl is 16", told)]) == (1, 1)


def test_the_place_fact_is_scored_by_its_most_named_and_most_specific_place() -> None:
    def claim(article: str, place: str, **gazetteer: object) -> Claim:
        return Claim(article, 0, len(place), place, {"place": place, **gazetteer})

    county = {"country": "US", "region": "US-AL"}
    town = {**county, "latitude": 33.3, "longitude": -85.5}
    where = Fact(
        "f-1",
        "place",
        "where it happened",
        "refined",
        [claim("a", "Randolph County", **county), claim("b", "Wedowee", **town)],
    )
    first, second = _analysed("Text one.", "2025-03-10", "a"), _analysed("Two.", "2025-03-11", "b")
    ours, first_article = Tally(), Tally()
    gold = Gold(date="2025-03-10", city="Wedowee", killed=0, injured=1, participants=())
    _score_place_fact(ours, first_article, gold, [where], [first, second])
    # one claim each: the town outranks the county; the first article named the county
    assert ours.correct[PLACE_FACT] == 1 and first_article.correct[PLACE_FACT] == 0
    assert ours.disputed_total[PLACE_FACT] == 1


def test_two_people_in_a_headline_are_two_casualties() -> None:
    one = "A 5-year-old girl was wounded on Elm Road on Monday."
    assert _story([_headlined("Woman and 5-year-old child injured in shooting", one)]) == (0, 2)
    assert _story([_headlined("Police: 10-Year-Old Girl, Teen Shot", one)]) == (0, 2)
    assert _story([_headlined("Man Shoots Girlfriend And Her Son In Elmwood", one)]) == (0, 2)
    assert _story([_headlined("Father, son killed in Elm Road shooting", one)]) == (2, 1)
    named = _headlined("Police name father and 3-year-old son shot dead in Elmwood", one)
    assert _story([named]) == (2, 1)
    # two people the headline tells of something else
    assert _story([_headlined("Man and woman charged in Elm Road shooting", one)]) == (0, 1)
    # the headline's pair outweighs a later article's one, as a headline's number does
    later = _counted(one, "2025-03-11", "b")
    later.article.title = "Girl recovering after Elm Road shooting"
    paired = _counted(one, "2025-03-10", "a")
    paired.article.title = "Police: 10-Year-Old Girl, Teen Shot"
    assert _story([paired, later]) == (0, 2)


def test_a_death_told_only_past_the_opening_under_a_headline_of_hurt_is_anothers() -> None:
    opening = (
        "Five people were wounded early Sunday when a man opened fire outside a social "
        "club on Elm Road, police said. All five were taken to hospitals and are "
        "expected to survive. Witnesses said an argument had broken out at the door. "
    )
    middle = (
        "The club's owner said the building had been open for ten years and that he had "
        "never seen trouble there. Neighbours said the block is usually quiet at night, "
        "and that they heard several shots and then sirens. Police asked anyone with "
        "video of the street to call the department's tip line. "
    )
    aside = "Earlier that night, a man was found shot to death a mile away on Oak Street."
    text = opening + middle + aside
    assert len(opening + middle) > OPENING_CHARS
    assert _story([_counted(text, "2025-03-10", "a")]) == (1, 5)  # no headline
    assert _story([_headline_counted("5 hurt as gunman fires outside club", text)]) == (0, 5)
    assert _story([_headline_counted("Five shot in Elmwood on Sunday", text)]) == (0, 5)
    # a headline that names a death, or a death the opening tells, is the story's
    assert _story([_headline_counted("1 dead, 5 hurt in Elmwood", text)]) == (1, 5)
    told_first = aside + " " + opening + middle
    assert _story([_headline_counted("5 hurt as gunman fires outside club", told_first)]) == (1, 5)


def test_a_death_under_a_headline_of_shots_at_a_vigil_is_the_one_mourned() -> None:
    text = (
        "Police say a gunman walked up to a crowd gathered at Pine and Elm streets, where "
        "a 22-year-old man was shot and killed early Saturday, and opened fire. Three "
        "women were wounded and taken to hospitals in stable condition."
    )
    assert _story([_counted(text, "2025-03-10", "a")]) == (1, 3)  # no headline
    assert _story([_headline_counted("3 women shot at vigil on Pine Street", text)]) == (0, 3)
    opened = "Gunman opens fire on crowd at candlelight vigil"
    assert _story([_headline_counted(opened, text)]) == (0, 3)
    # a headline that names a death, or one of no shots ("Memorial Day"), keeps it
    assert _story([_headline_counted("1 dead, 3 hurt at vigil", text)]) == (1, 3)
    assert _story([_headline_counted("Memorial Day weekend turns violent", text)]) == (1, 3)


def _headline_counted(title: str, text: str) -> Analysed:
    member = _counted(text, "2025-03-10", "a")
    member.article.title = title
    return member


def test_a_baby_s_age_in_months_is_read_in_years() -> None:
    text = "Jayden Smith, a 10-month-old boy, was shot on Elm Road. Ada Lee, 34, was hurt."
    member = _counted(text, "2025-03-10", "a")
    for name in ("Jayden Smith", "Ada Lee"):
        start = text.index(name)
        member.mentions.append(NamedMention("a", start, start + len(name), name, "person"))
    facts, entities = story_facts([member])
    story = reconciled([member], article_readings([member], facts, entities), facts, entities)
    assert story.ages["Jayden Smith"] == pytest.approx(10 / 12)
    assert story.ages["Ada Lee"] == 34

"""The quantities stage on sentences written for these tests, in six languages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.model import Quantity
from corroborate.quantities import find_quantities


def one(text: str, language: str, surface: str) -> Quantity:
    """The single quantity whose text is ``surface``."""
    found = [q for q in find_quantities("t", text, language) if q.text == surface]
    assert len(found) == 1, [q.text for q in find_quantities("t", text, language)]
    return found[0]


def texts(text: str, language: str) -> list[str]:
    return [q.text for q in find_quantities("t", text, language)]


# --- English ----------------------------------------------------------------------------


def test_english_miles_are_normalised_to_kilometres_and_hedged() -> None:
    text = "The convoy drove roughly 140 miles before it stopped."
    q = one(text, "en", "140 miles")
    assert (q.low, q.high, q.unit, q.kind) == (140, 140, "mile", "length")
    assert q.normalized_unit == "kilometer"
    assert q.normalized_low == pytest.approx(225.308, abs=1e-3)
    assert q.approximate is True
    assert text[q.start : q.end] == "140 miles"


def test_english_kilometres_stay_kilometres_and_are_exact() -> None:
    q = one("The new line runs 227 kilometers along the coast.", "en", "227 kilometers")
    assert q.normalized_low == pytest.approx(227.0)
    assert q.approximate is False


def test_english_counts_carry_their_noun() -> None:
    text = "Two men were killed and 12 passengers were hurt; three injured people fled."
    assert one(text, "en", "Two").noun == "men"
    assert one(text, "en", "12").noun == "passengers"
    three = one(text, "en", "three")
    assert (three.low, three.kind, three.unit, three.noun) == (3, "count", None, "people")
    # a compound's head comes last, though "police" alone looks plural too
    text = "Four police officers were shot and two police were hurt."
    assert one(text, "en", "Four").noun == "officers"
    assert one(text, "en", "two").noun == "police"
    # an adverb after the number is no noun; a noun that ends like one is
    text = "Four people were shot, three fatally, and police moved one family."
    assert one(text, "en", "three").noun is None
    assert one(text, "en", "one").noun == "family"
    # a participle or a state is no noun: "four wounded" counts people
    text = "The shooting left two men dead and four wounded; one person injured in it died."
    assert one(text, "en", "four").noun is None
    assert one(text, "en", "one").noun == "person"
    # a word joined to the number by a hyphen is what it counts, not the noun after
    text = "The 32-wagon train of a 40-strong crew hit a three-car queue."
    assert one(text, "en", "32").noun == "wagon"
    assert one(text, "en", "three").noun == "car"
    assert one(text, "en", "40").noun == "crew"  # "40-strong" counts the crew


def test_english_ages_in_three_spellings() -> None:
    text = "A 21-year-old Russian man, a 34 year old driver and Maria Lopez, 47, were named."
    young = one(text, "en", "21-year-old")
    assert (young.kind, young.unit, young.low, young.noun) == ("age", "year", 21, "man")
    assert one(text, "en", "34 year old").kind == "age"
    assert one(text, "en", "47").kind == "age"


def test_a_dash_before_a_number_word_is_no_minus_sign() -> None:
    text = "DUNMERE –Three people were hurt when it was -5 °C."
    assert one(text, "en", "Three").low == 3
    assert one(text, "en", "-5 °C").low == -5


def test_two_counts_joined_by_or_count_the_same_thing() -> None:
    text = "Neighbours heard two or three shots; “four or five” gunshots followed."
    assert (one(text, "en", "two").noun, one(text, "en", "four").noun) == ("shots", "gunshots")
    assert one("Two or three people were hurt.", "en", "Two").noun == "people"
    assert one("He fired two or three. Four people fled.", "en", "two").noun is None


def test_a_photo_gallerys_counter_is_no_quantity() -> None:
    text = "Image 2 of 5 The home where two children were hit. Foto 3 van 12."
    assert [q.text for q in find_quantities("a", text, "en")] == ["two"]
    assert find_quantities("a", "Foto 3 van 12", "nl") == []
    assert [q.text for q in find_quantities("a", "He took 5 photos of 3 cats.", "en")] == ["5", "3"]


def test_a_year_cut_to_two_digits_is_no_quantity() -> None:
    text = "In the winter of '96 two men died; the class of ’05 and the '80s are gone."
    assert [q.text for q in find_quantities("a", text, "en")] == ["two"]
    # a quotation that opens on a number keeps it: it closes further on
    quoted = "He repeated the '45 minutes' claim."
    assert [q.text for q in find_quantities("a", quoted, "en")] == ["45 minutes"]


def test_numbers_listed_with_an_age_are_ages() -> None:
    text = "Three other men, ages 41, 37 and 22, were treated. She saw her 9- and 6-year-old son."
    assert [one(text, "en", n).kind for n in ("41", "37", "22", "9")] == ["age"] * 4
    assert one(text, "en", "Three").kind == "count"
    dutch = one("Hij zag zijn 8- en 5-jarige zonen.", "nl", "8")
    assert (dutch.kind, dutch.low) == ("age", 8)
    counted = "Maria Lopez, 47, and 3 colleagues left."
    assert one(counted, "en", "3").kind == "count"
    # the hyphen left out: "a 16 and 17-year-old"; a number word stays a count
    paired = "Police said a 16 and 17-year-old were shot; two and a 9-year-old fled."
    assert one(paired, "en", "16").kind == "age"
    assert one(paired, "en", "two").kind == "count"
    # two ages in commas after people: "the boys, 14 and 15,"
    boys = "Two of the boys, 14 and 15, were taken to a hospital; two men, 3 women fled."
    assert (one(boys, "en", "14").kind, one(boys, "en", "15").kind) == ("age", "age")
    assert one(boys, "en", "3").kind == "count"
    # an age in commas after a role, "another" or children; a police description
    roles = (
        "The student shooter, 14, died; one man, 27, and another, 18, were shot; two "
        "children, 8 and 15, were hit. The suspect (w/m, 46) fled; three others, 5 of "
        "them children, were hurt."
    )
    assert [one(roles, "en", n).kind for n in ("14", "27", "18", "8", "15", "46")] == ["age"] * 6
    assert one(roles, "en", "5").kind == "count"
    # a bound on an age is an age
    bound = "A boy younger than 12 was shot; children under the age of 5 were inside."
    assert (one(bound, "en", "12").kind, one(bound, "en", "5").kind) == ("age", "age")
    assert one("More children under eight are being shot.", "en", "eight").kind == "age"
    assert one("Under 20 people were hurt.", "en", "20").kind == "count"
    # the age of each of several people
    both = "Officers found a woman and a man, both 19, and another man dead."
    assert one(both, "en", "19").kind == "age"
    assert one("The crash killed both 19 passengers.", "en", "19").kind == "count"


def test_english_ages_after_a_word_for_a_person_or_a_birthday() -> None:
    text = "Her father, 56, and Tomas Ek, 61 — both unhurt — left; he turned 18 in May."
    assert [one(text, "en", n).kind for n in ("56", "61", "18")] == ["age"] * 3
    text = "His sons, Julian Roary Jr., 12, and Ian Roary, 10, were shot."
    assert one(text, "en", "12").kind == "age"
    assert one("The officers, 3 of them, left.", "en", "3").kind == "count"
    who = "Investigators said Ada Brook, who was 59, had shot her wife. Cem, who is 3 of 4"
    assert (one(who, "en", "59").kind, one(who, "en", "3").kind) == ("age", "count")
    police = "One female, 27, is in serious condition; the adult, 40, was released."
    assert [one(police, "en", n).kind for n in ("27", "40")] == ["age"] * 2
    typos = (
        "Ada Brook, 24 was shot in the chest. Cem Ulu, 32 of Dunbar, was killed. The two "
        "others, 33 and 28, were hit. One of the robbers, 34, was shot; another woman, also "
        "22, was hurt; three who were 17, were treated."
    )
    assert [one(typos, "en", n).kind for n in ("24", "32", "33", "28", "34", "22", "17")] == [
        "age"
    ] * 7
    assert one("In Chicago, 26 were shot.", "en", "26").kind == "count"
    ends = (
        "He faces charges in the death of Ada Brook, 18. Her sons, Cem Ulu, 21 and Dara Voss, "
        "16, were home; Eda Kaya, 22 and her daughter left. The three, all 23, fled."
    )
    assert [one(ends, "en", n).kind for n in ("18", "21", "22", "23")] == ["age"] * 4
    assert one("In Chicago, 21 and more were shot.", "en", "21").kind == "count"
    glued = "Cem Ulu, 51, and Ada Brook, 19.The gunman fled. Dara Voss, 20 of 211 Elm St fled."
    assert [one(glued, "en", n).kind for n in ("19", "20")] == ["age", "age"]
    assert one("The victim, Ada Brook, was also 15. She died.", "en", "15").kind == "age"
    assert one("The toll was also 15 people.", "en", "15").kind == "count"
    assert one("Victim: Ada Brook, 27 yrs old", "en", "27 yrs old").kind == "age"
    short = "An 8 yo girl and a 21 y/o man"
    assert [one(short, "en", n).kind for n in ("8 yo", "21 y/o")] == ["age", "age"]
    listed = "Ada Brook, 35; Cem Ulu, 34; and Dara Voss, 26, died in the shooting."
    assert [one(listed, "en", n).kind for n in ("35", "34", "26")] == ["age"] * 3


def test_english_aged_before_the_number() -> None:
    q = one("Volunteers aged 18 to 25 took part.", "en", "18 to 25")
    assert (q.kind, q.low, q.high) == ("age", 18, 25)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Wind gusts of 40-45 mph were measured.", "40-45 mph", 40, 45),
        ("Wind gusts of 40–45 mph were measured.", "40–45 mph", 40, 45),
        ("Wind gusts of 40\u201145 mph were measured.", "40\u201145 mph", 40, 45),
        ("It will take 40 to 45 minutes.", "40 to 45 minutes", 40, 45),
        ("Between 40 and 45 people waited outside.", "40 and 45", 40, 45),
        ("Seats cost €80–€300 at the door.", "€80–€300", 80, 300),
        ("The firm expects 2 to 3 million dollars in losses.", "2 to 3 million dollars", 2e6, 3e6),
    ],
)
def test_english_ranges(text: str, surface: str, low: float, high: float) -> None:
    q = one(text, "en", surface)
    assert (q.low, q.high) == (low, high)


def test_english_money_keeps_its_currency() -> None:
    text = "The club paid $1.2 million, £5 for parking and USD 300 in fees; 80 euros more."
    big = one(text, "en", "$1.2 million")
    assert (big.kind, big.unit, big.low, big.normalized_low, big.normalized_unit) == (
        "money",
        "USD",
        1_200_000,
        1_200_000,
        "USD",
    )
    assert one(text, "en", "£5").unit == "GBP"
    assert one(text, "en", "USD 300").low == 300
    assert one(text, "en", "80 euros").unit == "EUR"


def test_english_thousands_separator_and_percent() -> None:
    text = "About 1,200 homes lost power and prices rose 3.5% in a week."
    homes = one(text, "en", "1,200")
    assert (homes.low, homes.approximate, homes.noun) == (1200, True, "homes")
    share = one(text, "en", "3.5%")
    assert (share.kind, share.unit, share.low) == ("percent", "percent", 3.5)


def test_english_vague_amounts() -> None:
    q = one("Hundreds of residents gathered at the square.", "en", "Hundreds of")
    assert (q.low, q.high, q.approximate, q.noun) == (200, 999, True, "residents")
    q = one("Several hundred residents gathered at the square.", "en", "Several hundred")
    assert (q.low, q.high, q.approximate, q.noun) == (200, 999, True, "residents")
    q = one("He owed a few thousand dollars.", "en", "a few thousand dollars")
    assert (q.low, q.high, q.unit) == (2000, 9999, "USD")
    q = one("Einige hundert Menschen kamen.", "de", "Einige hundert")
    assert (q.low, q.high, q.noun) == (200, 999, "Menschen")
    # a dozen is twelve, half of one six, and a number of them that many twelves
    text = "A half-dozen people were shot; half a dozen more and two dozen others fled."
    assert one(text, "en", "A half-dozen").low == 6
    assert one(text, "en", "half a dozen").low == 6
    assert one(text, "en", "two dozen").low == 24


def test_english_speed_and_temperature_are_normalised() -> None:
    text = "It reached 60 mph while the air was 86 °F."
    speed = one(text, "en", "60 mph")
    assert speed.kind == "speed"
    assert speed.normalized_low == pytest.approx(96.56, abs=0.01)
    heat = one(text, "en", "86 °F")
    assert heat.normalized_unit == "degree_Celsius"
    assert heat.normalized_low == pytest.approx(30.0)


@pytest.mark.parametrize(
    "text",
    [
        "The vote is on June 17, 2022 at 10:30.",
        "Results for 2022-06-15 arrived in 2022.",
        "Call +44 20 7946 0958 or visit https://example.org/page/123.",
        "The iPhone 12 and COVID-19 dominated 1990s nostalgia.",
        "A woman in her early 20's met men in their 30’s, popular in the 1990′s.",
        "They won 3-1 on 17 June.",
        "She called 911, and a 911 dispatcher sent help; he dialed 9-1-1 too.",
        "Tips go to 1-800-222-1222.",
        "Families can call the city's hotline on 0800 1351 from within the country.",
        "The helpline is on 964 187 240 all night.",
    ],
)
def test_dates_times_phones_urls_and_ids_are_not_quantities(text: str) -> None:
    assert texts(text, "en") == []


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("Bellen kan met het informatienummer 0800-1351 of 06 12345678.", "nl", []),
        ("Llame al 964 187 240 o al teléfono 964 160 112.", "es", []),
        ("Postbus 187, tel. 0570 - 63 63 00", "nl", ["187"]),
        # a French count written with spaces is no telephone number
        (
            "Il transportait 1 146 passagers ; on a appelé 1 200 volontaires.",
            "fr",
            ["1 146", "1 200"],
        ),
    ],
)
def test_telephone_numbers_of_other_countries_are_not_quantities(
    text: str, language: str, kept: list[str]
) -> None:
    assert texts(text, language) == kept


@pytest.mark.parametrize(
    ("text", "language", "surface", "value"),
    [
        # a space groups thousands outside English too, and Swiss German an apostrophe
        ("Die Post verteilte etwa 30 000 Liter Desinfektionsmittel.", "de", "30 000 Liter", 3e4),
        ("Der Schaden beträgt 30'000 Franken.", "de", "30'000 Franken", 3e4),
        ("Llegaron 30 000 personas a la plaza.", "es", "30 000", 3e4),
        ("Er kwamen 30 000 mensen naar het plein.", "nl", "30 000", 3e4),
        ("La commune a reçu 30'000 francs.", "fr", "30'000", 3e4),
    ],
)  # fmt: skip
def test_thousands_grouped_by_a_space_or_an_apostrophe(
    text: str, language: str, surface: str, value: float
) -> None:
    assert one(text, language, surface).low == value


def test_a_street_block_of_a_us_address_is_no_count() -> None:
    text = "Two men were shot in the 6700 block of South Aberdeen Street on Sunday."
    assert texts(text, "en") == ["Two"]
    assert texts("The city has 300 blocks of row houses.", "en") == ["300"]


def test_a_dash_opening_an_aside_joins_no_unit() -> None:
    # "Desde 2011 ‒año en que ...‒": a year, then an aside, not 2,011 years
    text = "Desde 2011 ‒año en que se emitió la norma‒ están prohibidas."
    assert not [q for q in find_quantities("t", text, "es") if q.unit == "year"]
    assert one("They ran a 5 - km loop.", "en", "5 - km").unit == "kilometer"


def test_a_percent_sign_run_into_the_next_word_is_still_a_percentage() -> None:
    # a scraped fact box: "- 33%of those hospitalised are African Americans"
    q = one("- 33%of those hospitalised are older than 70", "en", "33%")
    assert (q.kind, q.unit) == ("percent", "percent")


def test_a_number_opening_a_sentence_after_a_capitalised_word_is_kept() -> None:
    # the word before ends its sentence: no name such as "iPhone 12"
    assert texts("It happened in Chicago. Two men were shot.", "en") == ["Two"]
    assert texts("Police said it happened Tuesday. Nine were hurt.", "en") == ["Nine"]
    assert texts("Het gebeurde in Utrecht. Drie mensen raakten gewond.", "nl") == ["Drie"]
    # a short word with a stop may be part of the name
    assert texts("The firm made the Inc. 500 list.", "en") == []


def test_a_number_with_a_thousands_separator_is_no_year() -> None:
    assert texts("Police said 2,000 people were killed.", "en") == ["2,000"]
    assert texts("Er kwamen 2.000 mensen.", "nl") == ["2.000"]
    assert texts("Between 2019-2020 and in 2021 it rained.", "en") == []


def test_a_dutch_clock_time_is_no_duration() -> None:
    assert texts("Het ongeluk gebeurde om 04.47 uur in een bocht.", "nl") == []
    assert texts("De trein stond om 5 uur stil.", "nl") == []
    assert texts("De brandweer was drie uur bezig.", "nl") == ["drie uur"]


def test_digit_ordinals_are_skipped() -> None:
    assert texts("She finished 3rd in the 21st race.", "en") == []


# --- Dutch ------------------------------------------------------------------------------


def test_dutch_money_scale_and_hedge() -> None:
    text = "Het kabinet trekt zo'n 3 miljoen euro uit voor 1.200 nieuwe woningen."
    money = one(text, "nl", "3 miljoen euro")
    assert (money.low, money.unit, money.approximate) == (3_000_000, "EUR", True)
    homes = one(text, "nl", "1.200")
    assert (homes.low, homes.noun) == (1200, "woningen")


def test_dutch_words_ranges_ages() -> None:
    text = "Een 21-jarige man en drie gewonde agenten; de file was 40 tot 45 kilometer lang."
    age = one(text, "nl", "21-jarige")
    assert (age.kind, age.low, age.noun) == ("age", 21, "man")
    assert one(text, "nl", "drie").noun == "agenten"
    jam = one(text, "nl", "40 tot 45 kilometer")
    assert (jam.low, jam.high, jam.unit) == (40, 45, "kilometer")


def test_dutch_vague_and_decimal_comma() -> None:
    text = "Honderden demonstranten liepen 3,5 mijl door de stad."
    crowd = one(text, "nl", "Honderden")
    assert (crowd.low, crowd.high, crowd.approximate) == (200, 999, True)
    walk = one(text, "nl", "3,5 mijl")
    assert walk.low == 3.5
    assert walk.normalized_low == pytest.approx(5.6327, abs=1e-3)


# --- German -----------------------------------------------------------------------------


def test_german_numbers_and_ranges() -> None:
    text = "Rund 2,5 Millionen Euro fehlen; zwischen 40 und 45 Meilen liegen zwischen den Orten."
    money = one(text, "de", "2,5 Millionen Euro")
    assert (money.low, money.unit, money.approximate) == (2_500_000, "EUR", True)
    distance = one(text, "de", "40 und 45 Meilen")
    assert (distance.low, distance.high, distance.unit) == (40, 45, "mile")


def test_german_words_ages_and_nouns() -> None:
    text = "Ein 21-jähriger Mann und zwanzig verletzte Menschen; Hunderte Fans warteten."
    age = one(text, "de", "21-jähriger")
    assert (age.kind, age.noun) == ("age", "Mann")
    twenty = one(text, "de", "zwanzig")
    assert (twenty.low, twenty.noun) == (20, "Menschen")
    fans = one(text, "de", "Hunderte")
    assert (fans.low, fans.high) == (200, 999)


def test_an_age_in_words_before_its_noun_is_an_age_not_a_duration() -> None:
    german = one("Der 34 Jahre alte Fahrer blieb ruhig.", "de", "34 Jahre alte")
    assert (german.kind, german.low, german.noun) == ("age", 34, "Fahrer")
    dutch = one("De 34 jaar oude machinist bleef rustig.", "nl", "34 jaar oude")
    assert (dutch.kind, dutch.low, dutch.noun) == ("age", 34, "machinist")


def test_german_thousands_dot_and_speed() -> None:
    text = "Etwa 1.200 Autos fuhren 120 km/h schnell."
    cars = one(text, "de", "1.200")
    assert (cars.low, cars.approximate) == (1200, True)
    speed = one(text, "de", "120 km/h")
    assert (speed.kind, speed.unit) == ("speed", "kilometer / hour")


# --- Spanish ----------------------------------------------------------------------------


def test_spanish_money_range_age() -> None:
    text = (
        "El Gobierno destinará cerca de 3 millones de dólares; la ruta va de 40 a 45 "
        "kilómetros y un hombre de 21 años fue detenido."
    )
    money = one(text, "es", "3 millones de dólares")
    assert (money.low, money.unit, money.approximate) == (3_000_000, "USD", True)
    route = one(text, "es", "40 a 45 kilómetros")
    assert (route.low, route.high, route.kind) == (40, 45, "length")
    age = one(text, "es", "21 años")
    assert (age.kind, age.low) == ("age", 21)


def test_spanish_words_and_vague() -> None:
    text = "Veinte personas y cientos de vecinos salieron; unos 1.500 policías vigilaron."
    assert one(text, "es", "Veinte").noun == "personas"
    assert one(text, "es", "cientos de").noun == "vecinos"
    police = one(text, "es", "1.500")
    assert (police.low, police.approximate, police.noun) == (1500, True, "policías")


@pytest.mark.parametrize(
    ("text", "language", "surface", "low", "high", "noun"),
    [
        # a joining word starts no number: the two words are one range's ends
        ("Zwischen sieben und zehn Milliarden Euro kostet es.", "de",
         "sieben und zehn Milliarden Euro", 7e9, 1e10, None),
        ("Het kost tussen zeven en tien miljard euro.", "nl",
         "zeven en tien miljard euro", 7e9, 1e10, None),
        # "mil millones" scales the range's first end too: a billion, not a million
        ("Cuesta entre siete y diez mil millones de euros.", "es",
         "siete y diez mil millones de euros", 7e9, 1e10, None),
        # a scale word alone is its own number in these languages, as "a thousand"
        ("Murieron mil personas.", "es", "mil", 1e3, 1e3, "personas"),
        ("Hay mil millones de animales.", "es", "mil millones", 1e9, 1e9, "animales"),
        ("Mille personnes ont manifesté.", "fr", "Mille", 1e3, 1e3, "personnes"),
        ("Tausend Menschen kamen.", "de", "Tausend", 1e3, 1e3, "Menschen"),
        ("Er kwamen duizend mensen.", "nl", "duizend", 1e3, 1e3, "mensen"),
        ("Пришла тысяча человек.", "ru", "тысяча", 1e3, 1e3, "человек"),
        # an article before a scale word is its one, in every case
        ("Geschätzt eine Milliarde Tiere starben.", "de", "eine Milliarde", 1e9, 1e9, "Tiere"),
        ("Das Geld reicht einer Million Menschen.", "de", "einer Million", 1e6, 1e6, "Menschen"),
        # a scale noun takes "de" before what it counts
        ("Votaron dos millones de personas.", "es", "dos millones", 2e6, 2e6, "personas"),
        ("Un million de personnes ont voté.", "fr", "Un million", 1e6, 1e6, "personnes"),
    ],
)  # fmt: skip
def test_number_words_around_scale_words(
    text: str, language: str, surface: str, low: float, high: float, noun: str | None
) -> None:
    q = one(text, language, surface)
    assert (q.low, q.high, q.noun) == (low, high, noun)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tausende Menschen kamen.", "de"),  # plurals are vague amounts, not a thousand
        ("Murieron miles de personas.", "es"),
        ("Пришли тысячи человек.", "ru"),
    ],
)
def test_a_plural_scale_word_is_no_lone_thousand(text: str, language: str) -> None:
    assert all(q.low != 1000 or q.high != 1000 for q in find_quantities("t", text, language))


@pytest.mark.parametrize(
    ("text", "surface", "low", "unit"),
    [
        ("China frees up $115 bln to spur the economy.", "$115 bln", 115e9, "USD"),
        ("The plan costs 5 bln euros.", "5 bln euros", 5e9, "EUR"),
    ],
)
def test_bln_is_a_billion(text: str, surface: str, low: float, unit: str) -> None:
    q = one(text, "en", surface)
    assert (q.low, q.unit) == (low, unit)


@pytest.mark.parametrize(
    "text",
    ["($1 = 6.9617 Chinese yuan renminbi) (Reporting by Cate Cadell)", "(£1 = $1.2210)"],
)
def test_an_exchange_rate_note_states_no_sum(text: str) -> None:
    assert texts(text, "en") == []
    # one unit of a currency that is no rate stays a sum
    assert texts("A $1 bet paid off, at $1 = a bargain.", "en") == ["$1", "$1"]


# --- French -----------------------------------------------------------------------------


def test_french_space_grouping_and_words() -> None:
    text = "Environ 1\u202f200 personnes et vingt et un blessés ont été recensés."
    people = one(text, "fr", "1\u202f200")
    assert (people.low, people.approximate, people.noun) == (1200, True, "personnes")
    hurt = one(text, "fr", "vingt et un")
    assert (hurt.low, hurt.noun) == (21, "blessés")


def test_french_age_money_vague() -> None:
    text = "Un homme âgé de 21 ans a payé 80 euros ; des centaines de manifestants ont défilé."
    age = one(text, "fr", "21 ans")
    assert (age.kind, age.low) == ("age", 21)
    assert one(text, "fr", "80 euros").unit == "EUR"
    crowd = one(text, "fr", "des centaines de")
    assert (crowd.low, crowd.high, crowd.noun) == (200, 999, "manifestants")


def test_french_range_with_hedge() -> None:
    q = one("Le bouchon s'étend sur près de 12 à 15 km.", "fr", "12 à 15 km")
    assert (q.low, q.high, q.approximate, q.normalized_unit) == (12, 15, True, "kilometer")


# --- Russian ----------------------------------------------------------------------------


def test_russian_money_range_age() -> None:
    text = "Около 5 млн рублей потратили; от 40 до 45 километров пути; 21-летний мужчина задержан."
    money = one(text, "ru", "5 млн рублей")
    assert (money.low, money.unit, money.approximate) == (5_000_000, "RUB", True)
    path = one(text, "ru", "40 до 45 километров")
    assert (path.low, path.high) == (40, 45)
    age = one(text, "ru", "21-летний")
    assert (age.kind, age.noun) == ("age", "мужчина")


@pytest.mark.parametrize(
    ("text", "surface", "unit", "approximate"),
    [
        ("Самолёт был примерно в 225 километрах от Лиона.", "225 километрах", "kilometer", True),
        ("Дом стоит в 300 метрах от реки.", "300 метрах", "meter", False),
        ("Судно затонуло в двух милях от берега.", "двух милях", "mile", False),
        ("Цены выросли почти на 20%.", "20%", "percent", True),
        ("Пожар потушили примерно через 40 минут.", "40 минут", "minute", True),
        ("Суд приговорил его к 12 годам заключения.", "12 годам", "year", False),
        ("Двумя годами ранее завод закрыли.", "Двумя годами", "year", False),
    ],
)
def test_russian_units_after_a_preposition_and_a_hedge_before_it(
    text: str, surface: str, unit: str, approximate: bool
) -> None:
    q = one(text, "ru", surface)
    assert (q.unit, q.approximate) == (unit, approximate)


@pytest.mark.parametrize(
    ("text", "language", "surface", "currency"),
    [
        ("Nordwerk posted a loss of €412 million, after a profit of 95 million in 2023.", "en",
         "95 million", "EUR"),
        ("Registró pérdidas de 412 millones de euros, frente a un beneficio de 95 millones.",
         "es", "95 millones", "EUR"),
        ("Der Umsatz stieg auf 3,2 Milliarden Euro nach 2,9 Milliarden im Vorjahr.", "de",
         "2,9 Milliarden", "EUR"),
        ("Le chiffre atteint 3,2 milliards de dollars, contre 2,9 milliards en 2024.", "fr",
         "2,9 milliards", "USD"),
        ("Выручка составила 3,2 млрд евро против 2,9 млрд годом ранее.", "ru", "2,9 млрд",
         "EUR"),
    ],
)  # fmt: skip
def test_a_sum_told_without_its_currency_after_one_with_it_is_in_that_currency(
    text: str, language: str, surface: str, currency: str
) -> None:
    q = one(text, language, surface)
    assert (q.kind, q.unit) == ("money", currency)


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("The fund raised 30 million pounds for nurses.", "en", "30 million pounds"),
        ("The appeal raised 30 million pounds.", "en", "30 million pounds"),
        ("Er sammelte rund 30 Millionen Pfund für Pflegekräfte.", "de", "30 Millionen Pfund"),
        ("Er hat 30 Millionen Pfund gesammelt.", "de", "30 Millionen Pfund"),
        ("Der Schaden beträgt 2 Millionen Pfund Sterling.", "de", "2 Millionen Pfund Sterling"),
        ("Hij haalde 30 miljoen pond op.", "nl", "30 miljoen pond"),
        ("Il a récolté 30 millions de livres.", "fr", "30 millions de livres"),
        ("Recaudó 30 millones de libras.", "es", "30 millones de libras"),
        ("Он собрал 30 миллионов фунтов.", "ru", "30 миллионов фунтов"),
    ],
)  # fmt: skip
def test_pounds_after_a_scale_word_are_sterling(text: str, language: str, surface: str) -> None:
    q = one(text, language, surface)
    assert (q.kind, q.unit) == ("money", "GBP") and q.low >= 2e6


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("The plant recalled 2 million pounds of beef.", "en", "2 million pounds"),
        ("The boxer weighs 175 pounds.", "en", "175 pounds"),
    ],
)  # fmt: skip
def test_pounds_of_goods_or_without_a_scale_word_are_a_weight(
    text: str, language: str, surface: str
) -> None:
    q = one(text, language, surface)
    assert (q.kind, q.unit) == ("mass", "pound")


def test_a_german_pound_of_goods_is_no_sum() -> None:
    (q,) = find_quantities("t", "Sie lagerten 2 Millionen Pfund Fleisch.", "de")
    assert q.kind != "money"


@pytest.mark.parametrize(
    "text",
    [
        "It cost $3 million. About 2 million people watched.",  # another sentence
        "It cost $3 million, and 2 million people watched.",  # a noun of its own
        "It cost $3 million, and 2,000 came.",  # no scale word: a count
    ],
)
def test_a_count_after_a_sum_stays_a_count(text: str) -> None:
    counts = [q for q in find_quantities("t", text, "en") if q.kind != "money"]
    assert len(counts) == 1 and counts[0].unit is None


@pytest.mark.parametrize(
    ("text", "language", "surface", "bound"),
    [
        ("At least four people were injured.", "en", "four", "min"),
        ("More than 80,000 took part.", "en", "80,000", "min"),
        ("Up to 300 homes lost power.", "en", "300", "max"),
        ("Minstens vier mensen raakten gewond.", "nl", "vier", "min"),
        ("Bis zu 300 Haushalte waren ohne Strom.", "de", "300", "max"),
        ("Más de 80.000 personas marcharon.", "es", "80.000", "min"),
        ("Plus de 80 000 manifestants ont défilé.", "fr", "80 000", "min"),
        ("Свыше 80 тысяч человек вышли на улицы.", "ru", "80 тысяч", "min"),
        ("Schiphol schrapte ruim 400 vluchten.", "nl", "400", "min"),
        ("Between 40 and 45 firefighters came.", "en", "40 and 45", None),
        ("About 40 firefighters came.", "en", "40", None),
        # where a figure went after a change, no ceiling
        ("ЦБ повысил ставку до 21%.", "ru", "21%", None),
        ("De rente werd verhoogd tot 4 procent.", "nl", "4 procent", None),
    ],
)
def test_a_floor_or_a_ceiling_is_told_by_its_bound(
    text: str, language: str, surface: str, bound: str | None
) -> None:
    assert one(text, language, surface).bound == bound


@pytest.mark.parametrize(
    ("text", "language", "surface", "unit"),
    [
        ("Böen von bis zu 140 Kilometern pro Stunde.", "de", "140 Kilometern pro Stunde",
         "kilometer / hour"),
        ("Der Zug fuhr mit rund 120 Stundenkilometern.", "de", "120 Stundenkilometern",
         "kilometer / hour"),
        ("Es fielen 60 Liter Regen pro Quadratmeter.", "de", "60 Liter Regen pro Quadratmeter",
         "millimeter"),
        ("Cayeron 60 litros por metro cuadrado.", "es", "60 litros por metro cuadrado",
         "millimeter"),
        ("Er viel 30 liter per vierkante meter.", "nl", "30 liter per vierkante meter",
         "millimeter"),
        ("Some 180 litres of rain per square metre fell.", "en",
         "180 litres of rain per square metre", "millimeter"),
        ("Выпало 180 литров осадков на квадратный метр.", "ru",
         "180 литров осадков на квадратный метр", "millimeter"),
    ],
)  # fmt: skip
def test_speeds_in_german_words_and_rain_in_litres_on_a_square_metre(
    text: str, language: str, surface: str, unit: str
) -> None:
    assert one(text, language, surface).unit == unit


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dos niños, de 3 y 5 años, han fallecido.", "es"),
        ("Deux enfants, âgés de 3 et 5 ans, sont morts.", "fr"),
        ("Zwei Kinder im Alter von 3 und 5 Jahren starben.", "de"),
        ("Двое детей в возрасте 3 и 5 лет скончались.", "ru"),
    ],
)
def test_two_ages_told_with_one_years_word_are_both_ages(text: str, language: str) -> None:
    """ "de 3 y 5 años": both are ages, not a count of 3 and a stretch of 5 years."""
    ages = [(q.low, q.kind) for q in find_quantities("t", text, language) if q.low in (3, 5)]
    assert ages == [(3.0, "age"), (5.0, "age")]


def test_russian_number_words_and_vague() -> None:
    text = "Двадцать один человек пострадал, сотни людей вышли, примерно 1 200 домов без света."
    hurt = one(text, "ru", "Двадцать один")
    assert (hurt.low, hurt.noun) == (21, "человек")
    crowd = one(text, "ru", "сотни")
    assert (crowd.low, crowd.high, crowd.noun) == (200, 999, "людей")
    houses = one(text, "ru", "1 200")
    assert (houses.low, houses.approximate, houses.noun) == (1200, True, "домов")


def test_russian_declined_number_words() -> None:
    q = one("Из пятидесяти пяти вагонов сошли три.", "ru", "пятидесяти пяти")
    assert q.low == 55


# --- other languages and robustness -------------------------------------------------


def test_unknown_language_reads_digits_only() -> None:
    found = find_quantities("t", "twenty dogs and 30 km", "und")
    assert [(q.text, q.low) for q in found] == [("30 km", 30)]


def test_other_language_uses_english_rules() -> None:
    q = one("Circa 40 km di coda, twenty cars.", "it", "40 km")
    assert q.unit == "kilometer"
    assert one("Circa 40 km di coda, twenty cars.", "it", "twenty").low == 20


def test_minus_sign_makes_a_negative_temperature() -> None:
    q = one("The night fell to \u22125 °C.", "en", "\u22125 °C")
    assert q.low == -5


_PIECES = [
    *"0123456789 .,-–‑−$€£%/:kmgh\u202f",
    *["km", " miles", " million", "twenty-one", " drie", "zwanzig", "около", "vingt et un"],
    *[" de ", " to ", "between ", " and ", "-year-old", "aged ", "June ", "about ", "é"],
]


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=30).map("".join),
    language=st.sampled_from(["en", "nl", "de", "es", "fr", "ru", "it", "und", ""]),
)
def test_offsets_always_match_and_nothing_crashes(text: str, language: str) -> None:
    for q in find_quantities("t", text, language):
        assert text[q.start : q.end] == q.text
        assert q.low <= q.high or q.kind == "money"


def test_a_count_opening_the_paragraph_after_a_byline_is_read() -> None:
    # "Bradley" ends the byline's line: it names nothing in the next paragraph.
    found = find_quantities("a", "By Jo Bradley\n\nFour people were shot.", "en")
    assert [(q.text, q.noun) for q in found] == [("Four", "people")]
    # on the same line, a capitalised word before a number is part of a name
    assert find_quantities("a", "She bought an Acme 500 last year.", "en") == []


def test_more_between_a_number_and_its_noun_is_skipped() -> None:
    assert one("Police shot three more times.", "en", "three").noun == "times"
    assert one("Two other victims were hurt.", "en", "Two").noun == "victims"
    # "more" before a participle: the number has no noun ("two dead and three more hurt")
    assert one("Two died and three more hurt.", "en", "three").noun is None


def test_a_partitive_of_the_leads_to_the_noun_counted() -> None:
    text = "Seven wagons left the rails, and two of the tank wagons began leaking."
    assert one(text, "en", "two").noun == "wagons"
    assert one("Twee van de ketelwagens lekten.", "nl", "Twee").noun == "ketelwagens"
    assert one("Zwei der Kesselwagen leckten.", "de", "Zwei").noun == "Kesselwagen"
    # a possessive is no plural noun; a participle after "of the" is no noun
    assert one("Two of the company's grain trains derailed.", "en", "Two").noun == "trains"
    # one of them is no count of a plural
    assert one("One of the company's grain trains derailed.", "en", "One").noun is None
    assert one("One of the wounded died later.", "en", "One").noun is None
    assert one("Three of them were hurt.", "en", "Three").noun is None


def test_a_plus_after_a_number_is_read_past_to_its_noun() -> None:
    text = "A woman was hospitalized, 20+ casings found after the shooting."
    assert one(text, "en", "20").noun == "casings"


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The cable runs 10 1/2 miles under the bay.", "10 1/2 miles", 10.5, "mile"),
        ("They waited nearly 1½ hours for help.", "1½ hours", 1.5, "hour"),
        ("The track is a 1/4 mile oval.", "1/4 mile", 0.25, "mile"),
        ("The repairs cost half a million dollars.", "half a million dollars", 5e5, "USD"),
        ("Police arrived half an hour later.", "half an hour", 0.5, "hour"),
        ("He lived a half-mile away.", "a half-mile", 0.5, "mile"),
        ("A quarter million people lost power.", "A quarter million", 2.5e5, None),
        ("She drove three quarters of a mile.", "three quarters of a mile", 0.75, "mile"),
        ("He served two and a half years.", "two and a half years", 2.5, "year"),
        ("It took one-and-a-half hours.", "one-and-a-half hours", 1.5, "hour"),
        ("Two-thirds of voters said yes.", "Two-thirds", 100 * 2 / 3, "percent"),
        ("They won 3/4 of the races.", "3/4", 75.0, "percent"),
        ("One in five adults said yes.", "One in five", 20.0, "percent"),
        ("About a third of the residents left.", "a third", 100 / 3, "percent"),
        ("It hit 2 out of 3 homes.", "2 out of 3", 100 * 2 / 3, "percent"),
        ("He fired half a dozen shots.", "half a dozen", 6.0, None),
    ],
)
def test_fractions_are_read_whole(text: str, surface: str, value: float, unit: str) -> None:
    q = one(text, "en", surface)
    assert q.low == pytest.approx(value)
    assert q.high == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "On 3/4 the suspect fled.",  # a date, no unit after it
        "A third man was shot.",  # an ordinal
        "He stood half a block away.",  # no unit or scale after "half a"
        "Half of them were hurt.",
    ],
)
def test_fraction_words_that_are_no_amount_stay_unread(text: str) -> None:
    assert texts(text, "en") == []


@pytest.mark.parametrize(
    ("text", "language", "surface", "value", "unit"),
    [
        ("Hij wachtte anderhalf uur.", "nl", "anderhalf uur", 1.5, "hour"),
        ("Ze reed tweeënhalf kilometer.", "nl", "tweeënhalf kilometer", 2.5, "kilometer"),
        ("Hij kreeg twee en een half jaar cel.", "nl", "twee en een half jaar", 2.5, "year"),
        ("Er fuhr zweieinhalb Kilometer.", "de", "zweieinhalb Kilometer", 2.5, "kilometer"),
        ("Sie wartete anderthalb Stunden.", "de", "anderthalb Stunden", 1.5, "hour"),
        ("Estuvo preso dos años y medio.", "es", "dos años y medio", 2.5, "year"),
        ("Costó 1½ millones de euros.", "es", "1½ millones de euros", 1.5e6, "EUR"),
        ("Il a attendu deux heures et demie.", "fr", "deux heures et demie", 2.5, "hour"),
        ("Он ждал два с половиной часа.", "ru", "два с половиной часа", 2.5, "hour"),
    ],
)
def test_halves_are_read_in_every_language(
    text: str, language: str, surface: str, value: float, unit: str
) -> None:
    q = one(text, language, surface)
    assert q.low == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "language", "surface", "unit", "kind"),
    [
        ("Exports reached 16,000 metric tons of grain.", "en", "16,000 metric tons",
         "metric_ton", "mass"),
        ("It holds 0.9 trillion cubic feet of gas.", "en", "0.9 trillion cubic feet",
         "cubic_foot", "volume"),
        ("They pumped 5,000 cubic meters of water.", "en", "5,000 cubic meters",
         "meter ** 3", "volume"),
        ("Er liep 200 kubieke meter water weg.", "nl", "200 kubieke meter", "meter ** 3",
         "volume"),
        ("The car was doing 60km/hr.", "en", "60km/hr", "kilometer / hour", "speed"),
        ("The car was doing 60 kmph.", "en", "60 kmph", "kilometer / hour", "speed"),
        ("The victim, 45 years of age, was shot.", "en", "45 years of age", "year", "age"),
    ],
)  # fmt: skip
def test_units_news_writes_in_words(
    text: str, language: str, surface: str, unit: str, kind: str
) -> None:
    q = one(text, language, surface)
    assert (q.unit, q.kind) == (unit, kind)


def test_a_baby_s_age_in_months_or_weeks_is_an_age_compared_in_years() -> None:
    text = "A 10-month-old boy and his sister, six weeks old, were hurt; he got a 10-month term."
    boy = one(text, "en", "10-month-old")
    assert (boy.kind, boy.unit, boy.low, boy.noun) == ("age", "month", 10, "boy")
    assert boy.normalized_unit == "year"
    assert boy.normalized_low == pytest.approx(10 / 12)
    sister = one(text, "en", "six weeks old")
    assert (sister.kind, sister.unit) == ("age", "week")
    assert sister.normalized_low == pytest.approx(6 * 7 / 365.25)
    assert one(text, "en", "10-month").kind == "duration"  # a term, not an age


def test_feet_and_inches_are_one_height() -> None:
    text = "The suspect is 5 feet 10 inches tall; his friend is a 6-foot-1 man."
    tall = one(text, "en", "5 feet 10 inches")
    assert tall.low == pytest.approx(5 + 10 / 12)
    assert (tall.unit, tall.normalized_unit) == ("foot", "kilometer")
    assert tall.normalized_low == pytest.approx(1.778e-3, rel=1e-3)
    friend = one(text, "en", "6-foot-1")
    assert friend.low == pytest.approx(6 + 1 / 12)
    assert texts(text, "en") == ["5 feet 10 inches", "6-foot-1"]
    assert texts("The suspect is 5-foot-10.", "en") == ["5-foot-10"]  # a full stop after
    # a vague amount of feet (whole bounds) is no height and reads as before
    assert texts("He stood a couple of feet away.", "en") == ["a couple of feet"]
    # twelve or more is no count of inches: two lengths stay two
    assert texts("Boards of 6 feet 14 inches wide.", "en") == ["6 feet", "14 inches"]


def test_the_unit_spec_check_reads_spans_values_and_unit_keys() -> None:
    from corroborate.bench.unit_keys import unit_key
    from corroborate.bench.unit_specs import score_language, spec_cases, spec_key

    text = "Der Tank fasst 30 Liter und kostet 80 Euro."
    cases: list[dict[str, object]] = [
        {
            "Input": text,
            "Results": [
                {"Text": "30 liter", "TypeName": "dimension", "Start": 15, "End": 22,
                 "Resolution": {"value": "30", "unit": "Liter"}},
                # older cases give no span: it is found by the text
                {"Text": "80 euro", "TypeName": "currency",
                 "Resolution": {"value": "80", "unit": "Euro", "isoCurrency": "EUR"}},
            ],
        },
        {"Input": "Kein Wert.", "Results": [{"Text": "x", "TypeName": "dimension",
                                             "Resolution": {"value": None}}]},
    ]  # fmt: skip
    ((read, quantities),) = spec_cases(cases)
    assert read == text
    assert [(text[q.start : q.end], q.value, q.unit) for q in quantities] == [
        ("30 Liter", 30.0, unit_key("liter")),
        ("80 Euro", 80.0, "EUR"),
    ]
    tally = score_language(cases, "de")
    assert (tally.gold, tally.detected, tally.value, tally.keyed, tally.unit) == (2, 2, 2, 2, 2)
    assert spec_key("temperature", {"unit": "C"}) == unit_key("degree_Celsius")
    assert spec_key("age", {"unit": "Jahr"}) == "age"
    # a currency result's "Pound" with no ISO code is the British pound, not a weight
    assert spec_key("currency", {"unit": "Pound"}) == "GBP"
    assert spec_key("dimension", {"unit": "Pound"}) == unit_key("pound-mass")
    assert spec_key("dimension", {"unit": "Grado Celsius"}) == "count"  # not keyed


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        # the years one has, in the languages that say so
        ("La víctima tenía 34 años.", "es", "age"),
        ("El conductor, que cumplió 18 años en mayo, murió.", "es", "age"),
        ("Marie avait 34 ans.", "fr", "age"),
        ("Мужчине было 34 года.", "ru", "age"),
        ("В возрасте 34 лет он уехал.", "ru", "age"),
        # ... also with the cue opening its sentence
        ("Murió el miércoles. Tenía 77 años.", "es", "age"),
        ("Im Alter von 34 Jahren zog er nach Bremen.", "de", "age"),
        ("Jonger dan 12 jaar mochten ze niet mee.", "nl", "age"),
        # a German noun of age, and the Dutch and German age in brackets
        ("Der 34-Jährige wurde verletzt.", "de", "age"),
        ("Ein Mann (34) aus Bremen wurde verletzt.", "de", "age"),
        ("Sanne de Vries (34) uit Enschede is aangehouden.", "nl", "age"),
        # ... not a party's seats in a poll
        ("De VVD (34) blijft de grootste partij.", "nl", "count"),
        # years gone by, and years of something, are no age
        ("Il y a 34 ans, le village a brûlé.", "fr", "duration"),
        ("Hace 34 años, el pueblo ardió.", "es", "duration"),
        ("Fue condenado a una pena de 20 años de prisión.", "es", "duration"),
        ("Il a 30 ans de carrière.", "fr", "duration"),
        ("Une étude menée sur 20 ans, aux Etats-Unis, le confirme.", "fr", "duration"),
        ("Lo logró en 20 años, según el informe.", "es", "duration"),
    ],
)
def test_ages_told_with_a_verb_a_noun_or_brackets(text: str, language: str, kind: str) -> None:
    number = next(word for word in text.replace("-", " ").split() if word.strip("()")[:2].isdigit())
    found = [q for q in find_quantities("t", text, language) if number.strip("()") in q.text]
    assert [q.kind for q in found] == [kind]


@pytest.mark.parametrize(
    ("text", "language", "surface", "value", "approximate"),
    [
        ("Une centaine de personnes ont manifesté.", "fr", "Une centaine", 100, True),
        ("Una veintena de vecinos fueron evacuados.", "es", "Una veintena de", 20, True),
        ("Een tiental huizen liep schade op.", "nl", "Een tiental", 10, True),
        ("Пострадал десяток домов.", "ru", "десяток", 10, True),
        ("Погибли двое.", "ru", "двое", 2, False),
        ("Пятерых госпитализировали.", "ru", "Пятерых", 5, False),
        ("Une douzaine de voitures.", "fr", "Une douzaine de", 12, False),
    ],
)
def test_round_numbers_told_as_collectives_and_russian_collective_numerals(
    text: str, language: str, surface: str, value: float, approximate: bool
) -> None:
    found = one(text, language, surface)
    assert (found.low, found.high, found.approximate) == (value, value, approximate)


def test_a_quarantine_is_no_number() -> None:
    assert texts("Il a été placé en quarantaine pendant deux semaines.", "fr") == ["deux semaines"]


def test_french_and_spanish_clock_times_are_no_quantities() -> None:
    assert texts("Le feu a pris vers 22 h 30 dans l'usine.", "fr") == []
    assert texts("Les pompiers sont arrivés à 23 heures.", "fr") == []
    assert texts("Se declaró hacia las 22.30 en la planta.", "es") == []
    assert texts("Le vol a duré 22 heures.", "fr") == ["22 heures"]


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("On Monday 14 people were hurt.", "en", ["14"]),
        ("Dabei kamen am Samstagmorgen zwei Menschen ums Leben.", "de", ["zwei"]),
        ("Verletzt wurden am Montagabend 14 Menschen.", "de", ["14"]),
        # a name's number stays part of the name
        ("The iPhone 12 costs more.", "en", []),
        ("Das iPhone 12 kostet mehr.", "de", []),
    ],
)
def test_a_day_before_a_number_is_no_name(text: str, language: str, found: list[str]) -> None:
    assert texts(text, language) == found


@pytest.mark.parametrize(
    ("text", "language", "surface", "noun"),
    [
        ("14 Fahrgäste wurden verletzt, drei davon schwer.", "de", "drei", None),
        ("14 Fahrgäste wurden verletzt, drei davon schwer.", "de", "14", "Fahrgäste"),
        ("Veertien passagiers raakten gewond, van wie drie ernstig.", "nl", "drie", None),
        ("Vingt blessés, dont quatre grièvement.", "fr", "quatre", None),
        ("Veinte heridos, cuatro gravemente.", "es", "cuatro", None),
        # a verb right after the count: the count has no noun
        ("Tres personas murieron y 12 resultaron heridas.", "es", "12", None),
        ("Tres personas murieron y 12 resultaron heridas.", "es", "Tres", "personas"),
        ("Otros 40 jóvenes siguen ingresados.", "es", "40", "jóvenes"),
        ("Ocho permanecen ingresados en el hospital.", "es", "Ocho", None),
        ("Vijf raakten gewond bij de botsing.", "nl", "Vijf", None),
        ("Trois restent hospitalisés.", "fr", "Trois", None),
        ("Organisers said more than 80,000 took part.", "en", "80,000", None),
        ("About 200 gathered outside the court.", "en", "200", None),
        ("Three armed men were seen.", "en", "Three", "men"),
    ],
)
def test_a_word_after_a_count_that_is_no_noun(
    text: str, language: str, surface: str, noun: str | None
) -> None:
    assert one(text, language, surface).noun == noun


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("A magnitude 6.1 earthquake struck near the city.", "en", "6.1"),
        ("A 5.2-magnitude quake hit the coast.", "en", "5.2"),
        ("The quake measured 4.8 on the Richter scale.", "en", "4.8"),
        ("Een aardbeving met een kracht van 5,2 trof de provincie.", "nl", "5,2"),
        ("Ein Erdbeben der Stärke 6,1 erschütterte die Region.", "de", "6,1"),
        ("Un terremoto de magnitud 6,1 sacudió la provincia.", "es", "6,1"),
        ("Un séisme de magnitude 6,1 a frappé la région.", "fr", "6,1"),
        ("Землетрясение магнитудой 6,1 произошло утром.", "ru", "6,1"),
    ],
)
def test_an_earthquakes_magnitude_is_a_magnitude_not_a_count(
    text: str, language: str, surface: str
) -> None:
    quantity = one(text, language, surface)
    assert (quantity.kind, quantity.normalized_unit, quantity.noun) == (
        "magnitude",
        "magnitude",
        None,
    )


def test_a_wind_force_and_other_small_numbers_are_no_magnitude() -> None:
    for text, language in [
        ("Es herrschte Windstärke 8 auf der Nordsee, zwei Schiffe liefen aus.", "de"),
        ("Three aftershocks of the magnitude 5 quake followed within 6 hours.", "en"),
        ("The magnitude of the damage: 12 houses lost.", "en"),
    ]:
        kinds = {q.text: q.kind for q in find_quantities("t", text, language)}
        assert "magnitude" not in [kind for surface, kind in kinds.items() if surface != "5"]


def test_a_spanish_age_before_a_place_of_the_sentence_is_an_age() -> None:
    # "de los escombros" is where she was, not a stretch of years ("20 años de prisión")
    text = "Rescataron a una niña de 9 años de los escombros."
    assert one(text, "es", "9 años").kind == "age"
    assert one("Fue condenado a una pena de 20 años de prisión.", "es", "20 años").kind == (
        "duration"
    )


@pytest.mark.parametrize(
    ("text", "language", "surface", "years"),
    [
        ("Een negenjarig meisje werd gered.", "nl", "negenjarig", 9),
        ("De achttienjarige bestuurder raakte gewond.", "nl", "achttienjarige", 18),
        ("Eine Neunjährige wurde gerettet.", "de", "Neunjährige", 9),
        ("Ein einundzwanzigjähriger Fahrer wurde verletzt.", "de", "einundzwanzigjähriger", 21),
        ("Спасатели извлекли девятилетнюю девочку.", "ru", "девятилетнюю", 9),
        ("Погиб пятидесятилетний мужчина.", "ru", "пятидесятилетний", 50),
    ],
)
def test_an_age_written_as_one_word_is_an_age(
    text: str, language: str, surface: str, years: int
) -> None:
    quantity = one(text, language, surface)
    assert (quantity.kind, quantity.low) == ("age", years)


@pytest.mark.parametrize(
    ("text", "language", "surface", "bound"),
    [
        ("Er starb im Alter von 34 Jahren.", "de", "34 Jahren", None),
        ("Hij overleed op een leeftijd van 34 jaar.", "nl", "34 jaar", None),
        ("Kinderen jonger dan 10 jaar lopen risico.", "nl", "10 jaar", "max"),
        ("Kinder jünger als 10 Jahre sind gefährdet.", "de", "10 Jahre", "max"),
        ("Заболели в основном дети младше 10 лет.", "ru", "10 лет", "max"),
        ("Вход для детей старше 12 лет.", "ru", "12 лет", "min"),
    ],
)
def test_an_age_cue_with_its_years_word_is_an_age_in_dutch_german_and_russian(
    text: str, language: str, surface: str, bound: str | None
) -> None:
    quantity = one(text, language, surface)
    assert (quantity.kind, quantity.bound) == ("age", bound)


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("a déclaré la responsable des urgences, Marta Ibáñez, 51 ans.", "fr", "51 ans"),
        ("Marta Ibáñez, 51 años, dijo que la situación es grave.", "es", "51 años"),
        ("Анна Петрова, 34 года, заявила об этом.", "ru", "34 года"),
    ],
)
def test_an_age_in_commas_after_a_name_takes_its_years_word(
    text: str, language: str, surface: str
) -> None:
    assert one(text, language, surface).kind == "age"


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Bei Temperaturen von 44 Grad trieben Böen die Flammen.", "de", "44 Grad"),
        ("con temperaturas de 44 grados", "es", "44 grados"),
        ("le thermomètre a atteint 44 degrés", "fr", "44 degrés"),
        ("het werd 35 graden in Maastricht", "nl", "35 graden"),
        ("жара достигла 44 градусов", "ru", "44 градусов"),
    ],
)
def test_bare_degrees_outside_english_are_celsius(text: str, language: str, surface: str) -> None:
    quantity = one(text, language, surface)
    assert (quantity.kind, quantity.normalized_unit) == ("temperature", "degree_Celsius")


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Temperatures near the mine fell to minus 25C.", "en", "minus 25C"),
        ("Bei minus 25 Grad ist die Rettung schwierig.", "de", "minus 25 Grad"),
        ("Температура опустилась до минус 25 градусов.", "ru", "минус 25 градусов"),
        ("Il fait moins 25 degrés.", "fr", "moins 25 degrés"),
    ],
)
def test_a_temperature_told_with_minus_is_below_zero(
    text: str, language: str, surface: str
) -> None:
    assert one(text, language, surface).normalized_low == -25
    # "moins de" is a ceiling, not a sign
    assert one("moins de 10 degrés", "fr", "10 degrés").low == 10


def test_bare_degrees_in_english_stay_an_angle_of_no_scale() -> None:
    # "104 degrees" is Fahrenheit in a US report and Celsius elsewhere: no scale is guessed
    assert one("temperatures reached 104 degrees", "en", "104 degrees").kind == "angle"


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Een van de 22 bemanningsleden raakte licht gewond.", "nl", "Een"),
        ("Eines der 22 Besatzungsmitglieder wurde leicht verletzt.", "de", "Eines"),
        ("L'un des 22 membres d'équipage a été blessé.", "fr", "un"),
        ("Uno de los 22 tripulantes resultó herido.", "es", "Uno"),
    ],
)
def test_an_article_that_says_one_of_is_the_number_one(
    text: str, language: str, surface: str
) -> None:
    assert one(text, language, surface).low == 1
    # a lone article is still no number
    assert find_quantities("t", "Een schip verloor containers.", "nl") == []


def test_a_conjunction_after_a_number_is_no_noun_it_counts() -> None:
    # "bij windkracht 10 toen de stapels omvielen": "toen" (when) counts nothing
    assert one("bij windkracht 10 toen de stapels omvielen", "nl", "10").noun is None
    assert one("à force 10 quand les piles sont tombées", "fr", "10").noun is None


def test_russian_nautical_miles_in_the_locative_are_nautical_miles() -> None:
    quantity = one("примерно в 16 морских милях к северу от острова", "ru", "16 морских милях")
    assert quantity.normalized_low == pytest.approx(29.632)


def test_years_of_work_after_more_than_stay_a_duration() -> None:
    assert one("Он работает здесь больше 10 лет.", "ru", "10 лет").kind == "duration"


@pytest.mark.parametrize(
    ("text", "language"),
    [("Het is een meerjarig contract.", "nl"), ("У него многолетний опыт.", "ru")],
)
def test_a_compound_of_no_number_is_no_age(text: str, language: str) -> None:
    assert find_quantities("t", text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "surface", "times"),
    [
        ("Er stach fünfmal auf das Opfer ein.", "de", "fünfmal", 5),
        ("Dreimal klingelte das Telefon.", "de", "Dreimal", 3),
        ("Hij werd vijfmaal gestoken.", "nl", "vijfmaal", 5),
    ],
)
def test_how_many_times_written_as_one_word_is_a_count_of_times(
    text: str, language: str, surface: str, times: int
) -> None:
    quantity = one(text, language, surface)
    assert (quantity.kind, quantity.low, quantity.unit) == ("count", times, None)
    assert quantity.noun is not None and quantity.noun.lower() in {"mal", "maal"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Es war noch einmal gut gegangen.", "de"),  # "once more", no count
        ("Het is nu eenmaal zo.", "nl"),
        ("Das Denkmal steht am Markt.", "de"),  # a monument
    ],
)
def test_once_or_a_word_ending_in_mal_is_no_count(text: str, language: str) -> None:
    assert find_quantities("t", text, language) == []


def test_a_number_word_in_lower_case_after_a_name_is_counted() -> None:
    # "El Amrani six times": the name's capital does not make "six" part of a name,
    # as it does for "Formula One" or "iPhone 12"
    text = "De Wit stabbed Youssef El Amrani six times after an argument."
    assert (one(text, "en", "six").low, one(text, "en", "six").noun) == (6, "times")
    assert find_quantities("t", "He raced in Formula One for years.", "en") == []
    assert find_quantities("t", "She bought an iPhone 12 on Friday.", "en") == []


@pytest.mark.parametrize(
    "text",
    ["Это максимальный уровень с 2003 года.", "В 2003 году он уехал.", "В 1999 г. начался спад."],
)
def test_a_russian_year_with_its_year_word_is_a_date_not_a_duration(text: str) -> None:
    assert find_quantities("t", text, "ru") == []  # left to the dates stage


def test_years_told_to_a_russian_dative_pronoun_are_an_age() -> None:
    assert one("Ему 23 года.", "ru", "23 года").kind == "age"
    assert one("Прошло 1500 лет.", "ru", "1500 лет").kind == "duration"
    assert one("Ему дали 3 года.", "ru", "3 года").kind == "duration"  # a sentence given him


@pytest.mark.parametrize(
    ("text", "language", "surface", "points"),
    [
        ("The bank raised its key rate by 200 basis points.", "en", "200 basis points", 2.0),
        ("A 50 basis point cut was expected.", "en", "50 basis point", 0.5),
        ("Die Notenbank erhöhte um zwei Prozentpunkte.", "de", "zwei Prozentpunkte", 2.0),
        ("De rente steeg met 2 procentpunten.", "nl", "2 procentpunten", 2.0),
        ("El tipo subió 2 puntos porcentuales.", "es", "2 puntos porcentuales", 2.0),
        ("Le taux a augmenté de 2 points de pourcentage.", "fr", "2 points de pourcentage", 2.0),
        ("Ставку повысили на 2 процентных пункта.", "ru", "2 процентных пункта", 2.0),
    ],
)
def test_a_change_in_a_rate_is_in_percentage_points(
    text: str, language: str, surface: str, points: float
) -> None:
    quantity = one(text, language, surface)
    assert (quantity.normalized_low, quantity.normalized_unit) == (points, "percentage_point")
    assert one("Inflation reached 8.5%.", "en", "8.5%").normalized_unit == "percent"


@pytest.mark.parametrize(
    ("text", "language", "kmh"),
    [
        ("Circulaba a unos 120 kilómetros por hora en un tramo limitado a 80.", "es", 80.0),
        ("Er fuhr mit rund 120 Stundenkilometern, erlaubt waren dort 80.", "de", 80.0),
        ("It was doing 75 mph on a stretch limited to 50.", "en", 80.4672),
        ("Il roulait à 120 km/h sur un tronçon limité à 80.", "fr", 80.0),
    ],
)
def test_a_bare_limit_after_a_speed_is_in_its_unit(text: str, language: str, kmh: float) -> None:
    limit = find_quantities("t", text, language)[-1]
    assert limit.kind == "speed"
    assert limit.normalized_low == pytest.approx(kmh)


def test_a_bare_number_after_a_speed_with_no_limit_word_stays_a_count() -> None:
    text = "It was doing 75 mph. The road is limited to 50 trucks a day."
    assert [q.kind for q in find_quantities("t", text, "en")] == ["speed", "count"]
    text = "It was doing 75 mph when 50 people watched."
    assert [q.kind for q in find_quantities("t", text, "en")] == ["speed", "count"]


def test_a_preposition_is_no_noun_of_a_count() -> None:
    (four, *_) = find_quantities("t", "Le danger était de degré 4 sur une échelle de 5.", "fr")
    assert four.noun is None
    (four, *_) = find_quantities("t", "El peligro estaba en el nivel 4 sobre 5.", "es")
    assert four.noun is None


@pytest.mark.parametrize(
    ("text", "language", "bound"),
    [
        ("Some victims were buried under 10 feet of snow.", "en", None),
        ("Einige Opfer lagen unter drei Metern Schnee.", "de", None),
        # a ceiling still: nothing lies beneath the figure
        ("The village is under 5 km away.", "en", "max"),
        ("Das Dorf ist unter 5 Kilometern entfernt.", "de", "max"),
    ],
)
def test_under_a_depth_of_something_is_beneath_it_not_a_ceiling(
    text: str, language: str, bound: str | None
) -> None:
    (length,) = find_quantities("t", text, language)
    assert (length.kind, length.bound) == ("length", bound)


@pytest.mark.parametrize(
    ("text", "language", "surface", "value", "unit"),
    [
        ("The bank's systems were down for a day and a half.", "en", "a day and a half", 1.5,
         "day"),
        ("El servicio estuvo caído durante día y medio.", "es", "día y medio", 1.5, "day"),
        ("Duró una hora y media.", "es", "una hora y media", 1.5, "hour"),
        ("Les paiements ont été interrompus une journée et demie.", "fr",
         "une journée et demie", 1.5, "day"),
        ("Het betalen lag anderhalve dag plat.", "nl", "anderhalve dag", 1.5, "day"),
        ("Les pirates ont copié 1,2 téraoctet de fichiers.", "fr", "1,2 téraoctet", 1.2,
         "terabyte"),
        ("Sie fordern fünf Millionen US-Dollar.", "de", "fünf Millionen US-Dollar", 5e6, "USD"),
        ("Exigen cinco millones de dólares estadounidenses.", "es",
         "cinco millones de dólares estadounidenses", 5e6, "USD"),
    ],
)  # fmt: skip
def test_halves_told_around_a_unit_octets_and_us_dollars(
    text: str, language: str, surface: str, value: float, unit: str
) -> None:
    found = one(text, language, surface)
    assert (found.low, found.unit) == (value, unit)


def test_a_number_with_its_scale_word_is_no_vague_many() -> None:
    """ "dos millones de clientes" is two million, not "millions of" (2 to 9.9 million)."""
    (customers,) = find_quantities("t", "Robaron los datos de dos millones de clientes.", "es")
    assert (customers.text, customers.low, customers.high) == ("dos millones", 2e6, 2e6)
    (many,) = find_quantities("t", "Robaron los datos de millones de clientes.", "es")
    assert (many.low, many.high, many.approximate) == (2e6, 9_999_999, True)


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("He finished the course in 2:00:35 and took 30 seconds off.", "en", "2:00:35"),
        ("Er lief die Strecke in 2:00:35 Stunden.", "de", "2:00:35 Stunden"),
        ("Hij liep de marathon in 2.00.35 en won.", "nl", "2.00.35"),
    ],
)
def test_a_time_taken_in_hours_minutes_and_seconds_is_a_duration(
    text: str, language: str, surface: str
) -> None:
    found = one(text, language, surface)
    assert (found.kind, found.normalized_low, found.normalized_unit) == ("duration", 7235, "second")


def test_times_of_day_and_dates_are_no_time_taken() -> None:
    assert find_quantities("t", "The shop opened at 10:45 a.m. on 27.09.2026.", "en") == []
    assert find_quantities("t", "Update to version 2.00.35 now.", "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("L'explosion s'est produite peu après 3 heures du matin.", "fr"),
        ("Взрыв произошёл вскоре после 3 часов ночи.", "ru"),
        ("Ocurrió a las 3 horas de la madrugada.", "es"),
    ],
)
def test_an_hour_of_the_clock_is_no_duration(text: str, language: str) -> None:
    assert find_quantities("t", text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De brand werd rond half vijf 's ochtends ontdekt.", "nl"),
        ("Om kwart over acht ging het licht uit.", "nl"),
        ("Der Zug kam gegen halb fünf an.", "de"),
        ("The fire started at half past four.", "en"),
        ("He left at a quarter to five.", "en"),
        ("Llegó a las cuatro y media.", "es"),
    ],
)
def test_the_hour_of_a_spoken_clock_is_no_count(text: str, language: str) -> None:
    assert find_quantities("t", text, language) == []


def test_half_before_a_larger_number_is_no_clock() -> None:
    (found,) = find_quantities("t", "Het ging om half twee miljoen euro.", "nl")
    assert found.text == "twee miljoen euro"


@pytest.mark.parametrize(
    ("text", "language", "surface", "bound"),
    [
        ("Plus d'une centaine de personnes ont été blessées.", "fr", "une centaine", "min"),
        ("Moins d'une dizaine de maisons ont brûlé.", "fr", "une dizaine", "max"),
        ("Más de un centenar resultaron heridas.", "es", "un centenar", "min"),
        ("Plus d'un million de visiteurs sont venus.", "fr", "un million", "min"),
        ("More than a dozen people were hurt.", "en", "a dozen", "min"),
    ],
)
def test_a_bound_before_a_collective_or_after_an_elided_word_holds(
    text: str, language: str, surface: str, bound: str
) -> None:
    assert one(text, language, surface).bound == bound


@pytest.mark.parametrize(
    ("text", "language", "surface", "kind"),
    [
        # an age cue before a bound, a hedge or "between"
        ("Большинству погибших было больше 75 лет.", "ru", "75 лет", "age"),
        ("Ему было около 40 лет.", "ru", "40 лет", "age"),
        ("Cinco hombres de entre 31 y 52 años fueron detenidos.", "es", "31 y 52 años", "age"),
        ("De mannen zijn tussen de 31 en 52 jaar oud.", "nl", "31 en 52 jaar oud", "age"),
        # years gone by stay a duration, a bound between or not
        ("Il y a plus de 20 ans, la ville était déserte.", "fr", "20 ans", "duration"),
        ("Hace más de 20 años que vive aquí.", "es", "20 años", "duration"),
        ("Una pena de entre 10 y 15 años de prisión.", "es", "10 y 15 años", "duration"),
    ],
)
def test_an_age_cue_reaches_past_a_bound_a_hedge_or_between(
    text: str, language: str, surface: str, kind: str
) -> None:
    (found,) = [q for q in find_quantities("t", text, language) if q.text == surface]
    assert found.kind == kind


def test_bare_degrees_take_the_one_temperature_scale_the_text_names() -> None:
    text = (
        "Seville hits 116 degrees. Temperatures climbed to 116.2 degrees Fahrenheit. The "
        "old record of 115.5 degrees was set in 2017. They will drop by about 9 degrees. "
        "The roof sits at an angle of 30 degrees."
    )
    units = {q.text: q.unit for q in find_quantities("t", text, "en")}
    assert units == {
        "116 degrees": "degree_Fahrenheit",
        "116.2 degrees Fahrenheit": "degree_Fahrenheit",
        "115.5 degrees": "degree_Fahrenheit",
        "9 degrees": "degree",
        "30 degrees": "degree",
    }
    # with no scale named, degrees stay an angle
    (found,) = find_quantities("t", "The old record of 115.5 degrees was set in 2017.", "en")
    assert found.unit == "degree"


@pytest.mark.parametrize(
    ("text", "language", "unit", "normalized"),
    [
        ("La demanda alcanzó 41.000 megavatios.", "es", "megawatt", 41_000_000),
        ("La consommation a atteint 41 000 mégawatts.", "fr", "megawatt", 41_000_000),
        ("Repairs to the damaged 110-kilovolt lines began.", "en", "kilovolt", 110_000),
        ("Die 110-Kilovolt-Leitungen wurden beschädigt.", "de", "kilovolt", 110_000),
        ("A 400 kV line was cut.", "en", "kilovolt", 400_000),
    ],
)
def test_power_and_voltage_units(text: str, language: str, unit: str, normalized: float) -> None:
    (found,) = find_quantities("t", text, language)
    assert (found.unit, found.normalized_low) == (unit, normalized)


@pytest.mark.parametrize(
    ("text", "language", "surface", "value"),
    [
        # a number with a thousands separator holds the scale word after it
        ("La facturación alcanzó los 3.200 millones de euros.", "es",
         "3.200 millones de euros", 3.2e9),
        # a capitalised noun before a number and a scale word is no name ("Schalke 04")
        ("Die Ablöse beträgt nach Angaben des Vereins 98 Millionen Euro.", "de",
         "98 Millionen Euro", 9.8e7),
    ],
)  # fmt: skip
def test_a_number_before_a_scale_word_is_an_amount(
    text: str, language: str, surface: str, value: float
) -> None:
    (found,) = find_quantities("t", text, language)
    assert (found.text, found.low) == (surface, value)


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Everyone within about a mile of the plant had to leave.", "en", ("a mile", "mile")),
        ("The slick spread over nearly a kilometre of beach.", "en", ("a kilometre", "kilometer")),
        ("Het vuur woedde ongeveer een kilometer verderop.", "nl", ("een kilometer", "kilometer")),
        ("Die Stelle liegt etwa einen Kilometer entfernt.", "de", ("einen Kilometer", "kilometer")),
        ("Le feu a pris à environ un kilomètre du village.", "fr", ("un kilomètre", "kilometer")),
        ("El fuego empezó a cerca de un kilómetro.", "es", ("un kilómetro", "kilometer")),
        # of time or things a hedged article says too little
        ("They searched for about a week.", "en", None),
        ("It weighed more than a man could carry.", "en", None),
        # an article with no hedge before it is no figure
        ("The school is a mile away.", "en", None),
    ],
)  # fmt: skip
def test_a_hedged_article_before_a_unit_of_measure_is_one(
    text: str, language: str, found: tuple[str, str] | None
) -> None:
    quantities = [(q.text, q.unit, q.low) for q in find_quantities("t", text, language)]
    assert quantities == ([(*found, 1.0)] if found else [])


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Beim Brand wurden nach Angaben der Feuerwehr 23 Menschen verletzt.", ("23", "Menschen")),
        ("Laut Polizei drei Verletzte.", ("drei", "Verletzte")),
        ("Nach Polizeiangaben 5 Tote.", ("5", "Tote")),
        ("Nach ersten Erkenntnissen der Ermittler 12 Beteiligte.", ("12", "Beteiligte")),
        # a name with its number, where no source stands before it, stays a name
        ("Er flog mit einer Boeing 737 nach Hause.", None),
        ("Die Formel 1 Saison beginnt im März.", None),
    ],
)  # fmt: skip
def test_a_german_figure_after_its_source_is_a_count(
    text: str, count: tuple[str, str] | None
) -> None:
    # German capitalises nouns, so a source's last word ("Feuerwehr 23") looked like
    # a name that the number belongs to
    found = [(q.text, q.noun) for q in find_quantities("t", text, "de")]
    assert found == ([count] if count else [])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Maandagmiddag om twee uur ging het vliegveld weer open.", "nl"),
        ("Er kam um zwei Uhr an.", "de"),
        ("The airport opened at two o'clock.", "en"),
    ],
)
def test_the_hour_of_a_clock_in_words_is_no_duration(text: str, language: str) -> None:
    assert find_quantities("t", text, language) == []
    # "twee uur" alone is two hours
    (found,) = find_quantities("t", "Het duurde twee uur.", "nl")
    assert found.unit == "hour"


@pytest.mark.parametrize(
    ("text", "language", "kmh"),
    [
        ("It was dropping at up to 4,500ft a minute.", "en", 82.3),
        ("Sie sank zeitweise mit bis zu 23 Metern pro Sekunde.", "de", 82.8),
        ("L'avion descendait à 23 mètres par seconde.", "fr", 82.8),
        ("Самолёт снижался со скоростью 23 метра в секунду.", "ru", 82.8),
        ("Gusts reached 20 metres per second.", "en", 72.0),
    ],
)
def test_a_length_per_second_or_minute_is_a_speed(text: str, language: str, kmh: float) -> None:
    (speed,) = find_quantities("a", text, language)
    assert speed.kind == "speed" and speed.normalized_unit == "kilometer / hour"
    assert speed.normalized_low == pytest.approx(kmh, abs=0.1)


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Een zwaargewonde werknemer van 58 is vannacht overleden.", "58", "age"),
        ("Een vrouw van 34 jaar uit Breda raakte gewond.", "34 jaar", "age"),
        ("De fietser van 71, die in Ede woont, werd geraakt.", "71", "age"),
        # a person "of N" followed by a noun, or a group of N: no age
        ("Een groep van 12 wandelaars werd gered.", "12", "count"),
        ("Het team van 40 man ging op pad.", "40", "count"),
    ],
)
def test_a_dutch_person_of_n_is_that_persons_age(text: str, surface: str, kind: str) -> None:
    assert one(text, "nl", surface).kind == kind


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        ("Según el último balance del 112 Aragón, hay 23 heridos.", "es", ["23"]),
        ("Der Notruf 112 ging kurz nach acht ein.", "de", ["acht"]),
        ("Die 112 Menschen an Bord wurden gerettet.", "de", ["112"]),
    ],
)
def test_the_emergency_number_as_a_service_is_no_count(
    text: str, language: str, counts: list[str]
) -> None:
    assert [q.text for q in find_quantities("t", text, language)] == counts


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Deux d'entre elles se sont couchées sur le flanc.", "fr", "Deux"),
        ("Dos de ellos quedaron atrapados.", "es", "Dos"),
        ("Zwei von ihnen wurden verletzt.", "de", "Zwei"),
    ],
)
def test_a_part_of_them_names_no_noun(text: str, language: str, surface: str) -> None:
    assert one(text, language, surface).noun is None


@pytest.mark.parametrize(
    ("text", "language", "span", "low"),
    [
        (
            "Entre 18.000 y 25.000 personas, decenas de miles en cualquier caso.",
            "es",
            "decenas de miles",
            20_000,
        ),
        (
            "La police parle de 18 000, les organisateurs des dizaines de milliers.",
            "fr",
            "des dizaines de milliers",
            20_000,
        ),
    ],
)
def test_tens_of_thousands_without_a_noun_after_them(
    text: str, language: str, span: str, low: float
) -> None:
    found = one(text, language, span)
    assert (found.low, found.unit) == (low, None)  # Spanish "miles" are no miles

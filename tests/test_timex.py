"""corroborate.timex: finding and normalising dates, times and durations.

Sentences are our own, one or more per language; the anchor 2022-06-16 is a
Thursday, so "Tuesday" is 2022-06-14.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.model import TimeExpression
from corroborate.timex import candidates, find_time_expressions

ANCHOR = "2022-06-16"


def find(text: str, language: str, anchor: str | None = ANCHOR) -> dict[str, TimeExpression]:
    return {e.text: e for e in find_time_expressions("a1", text, language, anchor)}


def values(text: str, language: str, anchor: str | None = ANCHOR) -> dict[str, str | None]:
    return {k: e.value for k, e in find(text, language, anchor).items()}


def test_explicit_dates_in_all_formats() -> None:
    text = "Deals on 15 June 2022, June 15, 2022, 15.06.2022 and 2022-06-15 were signed."
    found = find(text, "en", None)
    assert set(found) == {"15 June 2022", "June 15, 2022", "15.06.2022", "2022-06-15"}
    for e in found.values():
        assert (e.value, e.date, e.precision, e.relative) == (
            "2022-06-15",
            "2022-06-15",
            "day",
            False,
        )
        assert text[e.start : e.end] == e.text and e.article == "a1"


def test_explicit_dates_in_other_languages() -> None:
    assert values("Het besluit viel op 15 juni 2022.", "nl") == {"15 juni 2022": "2022-06-15"}
    assert values("Er kam am 15. Juni 2022 an.", "de") == {"15. Juni 2022": "2022-06-15"}
    assert values("Llegó el 3 de marzo de 2021.", "es") == {"3 de marzo de 2021": "2021-03-03"}
    assert values("Il est parti le 15 juin 2022.", "fr") == {"15 juin 2022": "2022-06-15"}
    assert values("Он приехал 15 июня 2022 года.", "ru") == {"15 июня 2022 года": "2022-06-15"}


def test_month_year_year_and_decade() -> None:
    found = find("Prices fell in March 2020, rose in 2021 and peaked in the 1990s.", "en")
    assert (found["March 2020"].value, found["March 2020"].precision) == ("2020-03", "month")
    assert (found["2021"].value, found["2021"].date) == ("2021", "2021-01-01")
    assert (found["the 1990s"].value, found["the 1990s"].precision) == ("199", "decade")


def test_relative_english() -> None:
    text = "Yesterday the mayor, who spoke on Tuesday and last week, said prices rose in March."
    found = find(text, "en")
    assert found["Yesterday"].value == "2022-06-15"
    assert found["Tuesday"].date == "2022-06-14"
    assert (found["last week"].value, found["last week"].precision) == ("2022-W23", "week")
    assert (found["March"].value, found["March"].relative) == ("2022-03", True)


def test_years_and_months_relative_to_anchor() -> None:
    v = values("This year sales doubled; last year they fell, and mid-June was hot.", "en")
    assert v == {"This year": "2022", "last year": "2021", "mid-June": "2022-06"}
    # a yearless month is the past one, unless it is at most two months ahead
    assert values("It happened in December.", "en") == {"December": "2021-12"}
    assert values("Talks resume on Aug. 2 in Geneva.", "en") == {"Aug. 2": "2022-08-02"}
    assert values("It was signed on Sept. 2 in Geneva.", "en") == {"Sept. 2": "2021-09-02"}
    assert values("It happened in January.", "en") == {"January": "2022-01"}


def test_future_cue_moves_weekday_forward() -> None:
    assert values("The minister will travel on Tuesday.", "en") == {"Tuesday": "2022-06-21"}
    assert values("The minister travelled on Tuesday.", "en") == {"Tuesday": "2022-06-14"}


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Talks begin Tuesday.", "en", "Tuesday"),
        ("De eerste gesprekken beginnen dinsdag.", "nl", "dinsdag"),
        ("Die Gespräche beginnen am Dienstag.", "de", "Dienstag"),
        ("Переговоры начнутся во вторник.", "ru", "вторник"),
    ],
)
def test_a_present_verb_of_beginning_or_a_russian_perfective_makes_a_weekday_coming(
    text: str, language: str, surface: str
) -> None:
    assert values(text, language) == {surface: "2022-06-21"}
    past = {"en": "Talks began Tuesday.", "nl": "De gesprekken begonnen dinsdag."}
    if language in past:
        assert values(past[language], language) == {surface: "2022-06-14"}


@pytest.mark.parametrize(
    ("text", "language", "surface", "value"),
    [
        ("Die Gespräche beginnen am Mittwoch kommender Woche.", "de", "Mittwoch kommender Woche",
         "2022-06-22"),
        ("Er wurde am Montag vergangener Woche festgenommen.", "de", "Montag vergangener Woche",
         "2022-06-06"),
        ("De gesprekken beginnen woensdag van volgende week.", "nl",
         "woensdag van volgende week", "2022-06-22"),
        ("Talks begin Wednesday next week.", "en", "Wednesday next week", "2022-06-22"),
        ("He was arrested on Monday last week.", "en", "Monday last week", "2022-06-06"),
        ("Les discussions commencent mercredi de la semaine prochaine.", "fr",
         "mercredi de la semaine prochaine", "2022-06-22"),
        ("Las conversaciones empiezan el miércoles de la próxima semana.", "es",
         "miércoles de la próxima semana", "2022-06-22"),
        ("Переговоры начнутся в среду на следующей неделе.", "ru",
         "среду на следующей неделе", "2022-06-22"),
        ("Переговоры прошли в пятницу на этой неделе.", "ru", "пятницу на этой неделе",
         "2022-06-17"),
    ],
)  # fmt: skip
def test_a_weekday_of_the_week_told_after_it_is_that_weeks_day(
    text: str, language: str, surface: str, value: str
) -> None:
    """Thursday's paper: "Wednesday next week" is six days on, not yesterday."""
    assert values(text, language) == {surface: value}


@pytest.mark.parametrize(
    ("text", "language", "span", "value"),
    [
        (
            "Not since 1971, when a flood in October of that year killed four people.",
            "en",
            "October of that year",
            "1971-10",
        ),
        (
            "Desde la riada de 1971, la avenida de octubre de aquel año.",
            "es",
            "octubre de aquel año",
            "1971-10",
        ),
        (
            "Seit 1988 nicht mehr: Im Oktober jenes Jahres starben zwei Menschen.",
            "de",
            "Oktober jenes Jahres",
            "1988-10",
        ),
        (
            "In 2019 brandde het schip ook; in maart van dat jaar raakte niemand gewond.",
            "nl",
            "maart van dat jaar",
            "2019-03",
        ),
        (
            "En 2019 déjà, en mars de cette année-là, un incendie avait éclaté.",
            "fr",
            "mars de cette année-là",
            "2019-03",
        ),
        (
            "В 2019 году судно уже горело: в марте того же года никто не пострадал.",
            "ru",
            "марте того же года",
            "2019-03",
        ),
    ],
)
def test_a_month_of_that_year_is_in_the_year_told_before(
    text: str, language: str, span: str, value: str
) -> None:
    assert values(text, language)[span] == value


def test_a_month_of_that_year_with_no_year_told_is_not_dated_by_the_anchor() -> None:
    assert values("In October of that year the bridge was rebuilt.", "en") == {
        "October of that year": None
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("«Es un golpe durísimo», dijo el alcalde, Jesús Julio Carnero.", "es"),
        ("El cantante Julio Iglesias actuó en Madrid.", "es"),
        ("Le commissaire Avril Dupont a parlé.", "fr"),
        ("Поэт Май Данциг выступил.", "ru"),
    ],
)
def test_a_capitalised_month_beside_a_name_is_part_of_the_name(text: str, language: str) -> None:
    """Spanish, French, Dutch and Russian write months in lower case."""
    assert values(text, language) == {}


def test_a_capitalised_month_on_its_own_is_still_a_month() -> None:
    assert values("Llegará en Julio.", "es") == {"Julio": "2022-07"}
    assert values("Julio fue caluroso.", "es") == {"Julio": values("En julio.", "es")["julio"]}


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Der Sturm zog in der Nacht zu Donnerstag über das Land.", "de", "Nacht zu Donnerstag"),
        ("Шторм прошёл в ночь на четверг.", "ru", "ночь на четверг"),
        ("Het stormde in de nacht van woensdag op donderdag.", "nl",
         "nacht van woensdag op donderdag"),
        ("La tempête a frappé dans la nuit de mercredi à jeudi.", "fr",
         "nuit de mercredi à jeudi"),
        ("La tormenta llegó en la noche del miércoles al jueves.", "es",
         "noche del miércoles al jueves"),
        ("The storm hit overnight Wednesday into Thursday.", "en",
         "overnight Wednesday into Thursday"),
    ],
)  # fmt: skip
def test_the_night_before_a_weekday_is_the_night_of_the_day_before(
    text: str, language: str, surface: str
) -> None:
    """Thursday's paper: "the night to Thursday" is Wednesday night, as "Wednesday
    night" reads."""
    e = find(text, language)[surface]
    assert (e.kind, e.value, e.date) == ("time", "2022-06-15TNI", "2022-06-15")
    assert values("It happened Wednesday night.", "en") == {"Wednesday night": e.value}


@pytest.mark.parametrize(
    ("text", "language", "clock", "value"),
    [
        ("Das Beben kam in der Nacht zu Donnerstag um 3.47 Uhr.", "de", "3.47 Uhr",
         "2022-06-16T03:47"),
        ("Het stormde in de nacht van woensdag op donderdag om 02.10 uur.", "nl", "02.10 uur",
         "2022-06-16T02:10"),
        ("Shots were fired Wednesday night at 1 a.m.", "en", "1 a.m", "2022-06-16T01:00"),
        ("Shots were fired Wednesday night at 11 p.m.", "en", "11 p.m", "2022-06-15T23:00"),
    ],
)  # fmt: skip
def test_a_morning_clock_after_a_night_is_on_the_next_day(
    text: str, language: str, clock: str, value: str
) -> None:
    assert find(text, language)[clock].value == value


@pytest.mark.parametrize(
    ("text", "language", "end", "value"),
    [
        ("Code rood geldt van donderdag 14.00 uur tot vrijdag 06.00 uur.", "nl", "06.00 uur",
         "2022-06-17T06:00"),
        ("The warning runs from 2pm on Thursday until 6am on Friday.", "en", "6am on Friday",
         "2022-06-17T06:00"),
        ("L'alerte court de jeudi 14 h à vendredi.", "fr", "vendredi", "2022-06-17"),
        ("Die Warnung gilt von Donnerstag bis Freitag.", "de", "Freitag", "2022-06-17"),
        # a span in the past keeps both ends in the past
        ("Die Strecke war von Montag bis Mittwoch gesperrt.", "de", "Mittwoch", "2022-06-15"),
    ],
)  # fmt: skip
def test_a_weekday_ending_a_span_falls_after_its_start(
    text: str, language: str, end: str, value: str
) -> None:
    """Thursday's paper: a bare "Friday" would be last week's, but not as the end of a
    span that starts today."""
    assert find(text, language)[end].value == value


def test_early_tuesday_morning_is_a_time_of_that_day() -> None:
    e = find("Shots were fired early Tuesday morning.", "en")["early Tuesday morning"]
    assert (e.kind, e.value, e.date) == ("time", "2022-06-14TMO", "2022-06-14")


def test_relative_words_in_five_languages() -> None:
    assert values("Gisteren en dinsdag, in maart.", "nl") == {
        "Gisteren": "2022-06-15",
        "dinsdag": "2022-06-14",
        "maart": "2022-03",
    }
    assert values("Gestern sagte er, am Dienstag sei im März alles gut gewesen.", "de") == {
        "Gestern": "2022-06-15",
        "Dienstag": "2022-06-14",
        "März": "2022-03",
    }
    assert values("Ayer dijo que el martes habló, como en marzo.", "es") == {
        "Ayer": "2022-06-15",
        "martes": "2022-06-14",
        "marzo": "2022-03",
    }
    assert values("Hier, il a dit que mardi il a parlé, comme en mars.", "fr") == {
        "Hier": "2022-06-15",
        "mardi": "2022-06-14",
        "mars": "2022-03",
    }
    assert values("Вчера он сказал, что во вторник выступил, как в марте.", "ru") == {
        "Вчера": "2022-06-15",
        "вторник": "2022-06-14",
        "марте": "2022-03",
    }


def test_without_anchor_relative_values_stay_unknown() -> None:
    found = find("Yesterday, on 3 May 2021, and on Tuesday.", "en", None)
    assert found["Yesterday"].value is None and found["Yesterday"].relative
    assert found["Yesterday"].date is None
    assert found["3 May 2021"].value == "2021-05-03"
    assert found["Tuesday"].value is None


def test_event_relative_expressions_are_not_resolved() -> None:
    text = "Two days later the army left; 85 years after the war, the next day came."
    found = find(text, "en")
    for key in ("Two days later", "85 years after", "the next day"):
        assert found[key].relative and found[key].value is None and found[key].date is None
    assert find("Le lendemain, il est parti.", "fr")["Le lendemain"].value is None
    assert find("Zwei Tage später kam er.", "de")["Zwei Tage später"].value is None


def test_durations() -> None:
    found = find("He ruled for three years and spoke for 25 minutes.", "en")
    assert (found["three years"].kind, found["three years"].value) == ("duration", "P3Y")
    assert found["25 minutes"].value == "PT25M" and found["25 minutes"].date is None
    assert values("Hij zat drie jaar vast.", "nl") == {"drie jaar": "P3Y"}
    assert values("Она жила там пять лет.", "ru") == {"пять лет": "P5Y"}


def test_ago_counts_back_from_the_anchor() -> None:
    assert values("Three days ago the bridge fell.", "en") == {"Three days ago": "2022-06-13"}
    assert values("Hace dos años que se fue.", "es") == {"Hace dos años": "2020"}
    assert values("Vor drei Jahren begann es.", "de") == {"Vor drei Jahren": "2019"}


def test_times_take_the_anchor_or_the_preceding_date() -> None:
    found = find("The vote starts at 10:30 and ends in the early morning.", "en")
    assert (found["10:30"].kind, found["10:30"].value) == ("time", "2022-06-16T10:30")
    assert found["early morning"].value == "2022-06-16TMO"
    assert values("It opened on 3 May 2021 at 9:15.", "en")["9:15"] == "2021-05-03T09:15"
    assert values("Um 15 Uhr.", "de") == {"15 Uhr": "2022-06-16T15:00"}
    assert find("Meeting at 10:30.", "en", None)["10:30"].value is None


def test_malformed_dates_are_rejected() -> None:
    for text in ("Filed 2022-56-23.", "Filed 2022-02-30.", "Am 31.02.2022 nicht."):
        assert all(
            e.value is None or e.value[:4] != "2022" or e.precision == "year"
            for e in find_time_expressions("a", text, "en", None)
        )
        assert not any(e.precision == "day" for e in find_time_expressions("a", text, "de", None))
    assert values("Filed 2022-56-23.", "en") == {}


def test_not_dates() -> None:
    assert values("Er wurde mit 40 Jahren Vater.", "de") == {}
    assert values("May I ask whether they march on?", "en") == {}
    assert values("The company employs 2500 people.", "en") == {}
    assert values("Il est mort à 40 ans.", "fr") == {}


def test_references_and_quarters() -> None:
    v = values("Now prices are high; recently they fell in the third quarter.", "en")
    assert v == {"Now": "PRESENT_REF", "recently": "PAST_REF", "the third quarter": "2021-Q3"}


def test_best_effort_language_uses_dateparser_locale() -> None:
    assert values("È arrivato il 15 giugno 2022 e ieri.", "it") == {
        "15 giugno 2022": "2022-06-15",
        "ieri": "2022-06-15",
    }


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 .-/:,aJjunMrchy\n")) | st.characters(),
        max_size=80,
    ),
    st.sampled_from(["en", "nl", "de", "es", "fr", "ru", "it", "xx", ""]),
    st.sampled_from([ANCHOR, None, "garbage", "2022-13-40"]),
)
def test_offsets_always_match_the_text(text: str, language: str, anchor: str | None) -> None:
    previous_end = 0
    for e in find_time_expressions("h", text, language, anchor):
        assert e.text == text[e.start : e.end] and e.start < e.end
        assert e.start >= previous_end  # sorted, no overlaps
        previous_end = e.end
        assert e.kind in {"date", "time", "duration", "set"}
        if e.value is None:
            assert e.date is None


def test_reporting_quarter_frames_year_ago_comparisons() -> None:
    text = (
        "Acme said profit in the third quarter rose to $5 million from $4 million a year ago. "
        "Sales climbed to $90 million from $80 million a year earlier, better than in the "
        "year-ago quarter, and the quarter ended with record orders."
    )
    v = values(text, "en", "2022-10-20")
    assert v["the third quarter"] == "2022-Q3"
    assert v["a year ago"] == v["a year earlier"] == v["the year-ago quarter"] == "2021-Q3"
    assert v["the quarter"] == "2022-Q3"


def test_year_ago_without_a_quarter_is_the_previous_year() -> None:
    assert values("Rents are 4% higher than a year ago.", "en") == {"a year ago": "2021"}
    v = values("Rents rose to $900 from $850 a year earlier.", "en")
    assert v == {"a year earlier": "2021"}
    # after an event, not a comparison: we do not know which year
    found = find("She moved to Lyon in 2015. A year earlier she had married.", "en")
    assert found["A year earlier"].value is None and found["A year earlier"].relative


def test_the_quarter_alone_is_the_last_finished_quarter() -> None:
    assert values("Orders fell in the latest quarter.", "en", "2022-10-20") == {
        "the latest quarter": "2022-Q3"
    }


def test_ages_are_not_durations() -> None:
    assert values("The 21-year-old striker, 30 years old next month, scored.", "en") == {
        "next month": "2022-07"
    }
    assert values("De 21-jarige spits scoorde.", "nl") == {}
    assert values("Die 21-jährige Stürmerin traf.", "de") == {}


def test_a_sentence_full_stop_is_not_part_of_the_span() -> None:
    assert set(find("The fair opens in mid-June.\nthen it closes.", "en")) == {"mid-June"}
    assert set(find("They met on Friday.", "en")) == {"Friday"}
    assert set(find("Filed in 2021.", "en")) == {"2021"}
    assert "Dec. 7" in find("Talks end Dec. 7 in Oslo.", "en")


def test_periods_relative_to_the_publication_date() -> None:
    v = values(
        "Over the past year, and in July last year, output fell; in the last half of 2019 "
        "it rose, as did this year's third quarter and the 2020 second quarter.",
        "en",
    )
    assert v["the past year"] == "2021"
    assert v["July last year"] == "2021-07"
    assert v["the last half of 2019"] == "2019-H2"
    assert v["this year's third quarter"] == "2022-Q3"
    assert v["the 2020 second quarter"] == "2020-Q2"
    assert values("It reopens this September.", "en") == {"this September": "2022-09"}
    assert values("Snow fell last fall.", "en", "2022-02-10") == {"last fall": "2021-FA"}


def test_spelled_out_years() -> None:
    v = values("It began in January nineteen ninety-seven, before the year two thousand.", "en")
    assert v == {"January nineteen ninety-seven": "1997-01", "the year two thousand": "2000"}
    assert values("Nineteen forty people came.", "en") == {}  # a year said aloud needs a cue


def test_composite_durations() -> None:
    v = values("He served two years and three months, then 2 1/2 years.", "en")
    assert v == {"two years and three months": "P2Y3M", "2 1/2 years": "P2Y6M"}
    assert values("It took a minute and a half.", "en") == {"a minute and a half": "PT1M30S"}
    assert values("Two decades passed.", "en") == {"Two decades": "P20Y"}
    assert values("Duró dos horas y 30 minutos.", "es") == {"dos horas y 30 minutos": "PT2H30M"}


def test_a_time_takes_the_day_written_after_it() -> None:
    found = find("Polls close at 8 p.m. next Friday in the capital.", "en")
    assert (found["8 p.m. next Friday"].kind, found["8 p.m. next Friday"].value) == (
        "time",
        "2022-06-17T20:00",
    )
    assert values("Doors open at noon on 3 May 2021.", "en") == {
        "noon on 3 May 2021": "2021-05-03T12:00"
    }


def test_a_time_and_a_day_across_a_line_break_stay_apart() -> None:
    found = find("The shots rang out around 9 p.m.\n\nOn Monday, the mayor spoke.", "en")
    assert "Monday" in found and not any("\n" in text for text in found)
    found = find("Police arrived on Friday\nat 3 p.m. to find the car.", "en")
    assert found["Friday"].value == "2022-06-10"
    assert found["3 p.m."].value == "2022-06-16T15:00"  # the anchor's day, not Friday's
    assert values("Police arrived on Friday, at 3 p.m.", "en") == {
        "Friday": "2022-06-10",
        "3 p.m": "2022-06-10T15:00",
    }


def test_spanish_spans_keep_the_article() -> None:
    v = values("El año pasado creció y el mes pasado cayó.", "es")
    assert v == {"El año pasado": "2021", "el mes pasado": "2022-05"}
    assert values("Lo anunció el pasado mes de mayo.", "es") == {"pasado mes de mayo": "2022-05"}
    assert values("Votarán el 2 de julio próximo.", "es") == {"2 de julio próximo": "2022-07-02"}
    assert values("Fue el Primero de Mayo de 2021.", "es") == {
        "Primero de Mayo de 2021": "2021-05-01"
    }
    assert values("Bajó en el último trimestre de 2021.", "es") == {
        "el último trimestre de 2021": "2021-Q4"
    }


def test_a_time_that_names_no_day_is_flagged_as_read_on_the_anchor() -> None:
    text = "It derailed at 4.47am on Tuesday. Residents returned in the evening at 9 p.m."
    found = {
        e.text: (e.date, e.day_from_anchor)
        for e in find_time_expressions("a", text, "en", "2025-10-16")
    }
    assert found["4.47am on Tuesday"] == ("2025-10-14", False)
    assert found["evening"] == ("2025-10-16", True)
    assert found["9 p.m"] == ("2025-10-16", True)
    named = find_time_expressions("a", "De trein ontspoorde dinsdagochtend.", "nl", "2025-10-16")
    assert [(e.date, e.day_from_anchor) for e in named] == [("2025-10-14", False)]


def test_a_clock_time_keeps_its_time_of_day_with_or_without_an_anchor() -> None:
    text = "It derailed at 4.47am on Tuesday. Crews left at 9 p.m. in the evening."
    for anchor in ("2025-10-16", None):
        clocks = {e.text: e.clock for e in find_time_expressions("a", text, "en", anchor)}
        assert clocks["9 p.m."] == "T21:00" and clocks["evening"] is None
        # joined to its day when there is one to read it against
        assert clocks.get("4.47am on Tuesday", clocks.get("4.47am")) == "T04:47"
    german = find_time_expressions("a", "Um 4.47 Uhr sprang der Zug aus den Gleisen.", "de", None)
    assert [(e.text, e.clock, e.value) for e in german] == [("4.47 Uhr", "T04:47", None)]


def test_an_expected_reopening_is_on_the_coming_weekday() -> None:
    # published on a Wednesday: "expects ... Thursday" is tomorrow, not last week
    cases = [
        ("Railnet verwacht dat de lijn donderdag weer opengaat.", "nl"),
        ("Die Strecke soll voraussichtlich am Donnerstag wieder frei sein.", "de"),
        ("Движение, как ожидается, восстановят в четверг.", "ru"),
    ]
    for text, language in cases:
        found = find_time_expressions("a", text, language, "2025-10-15")
        assert [e.value for e in found] == ["2025-10-16"], text


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # a meeting organised for a weekday is to come, though its verb is past
        (
            "Het dorp heeft voor donderdagavond een bijeenkomst georganiseerd.",
            "nl",
            "2025-10-16TEV",
        ),
        ("Die Gemeinde hat für Donnerstag eine Versammlung einberufen.", "de", "2025-10-16"),
        ("Convocaron una reunión para el jueves.", "es", "2025-10-16"),
        ("The council called a meeting for Thursday.", "en", "2025-10-16"),
        # without such a word the past tense reads the last one
        ("The council met on Thursday.", "en", "2025-10-09"),
        # "в ночь на" is no such word: the night before the last Thursday
        ("В ночь на четверг поезд сошёл с рельсов.", "ru", "2025-10-08TNI"),
    ],
)
def test_a_day_something_is_set_for_is_to_come(text: str, language: str, value: str) -> None:
    found = find_time_expressions("a", text, language, "2025-10-15")
    assert [e.value for e in found] == [value], text


def test_an_undated_article_keeps_the_month_and_day_its_words_state() -> None:
    cases = [
        ("He jumped off the train on June 17.", "en", "June 17", "XXXX-06-17"),
        ("He jumped off the train in June.", "en", "June", "XXXX-06"),
        ("In maart kreeg hij een oproep.", "nl", "maart", "XXXX-03"),
        ("Am 17. Juni sprang er aus dem Zug.", "de", "17. Juni", "XXXX-06-17"),
    ]
    for text, language, words, calendar in cases:
        (found,) = find_time_expressions("a", text, language, None)
        assert (found.text, found.calendar, found.value, found.date) == (
            words,
            calendar,
            None,
            None,
        )
    # with an anchor the year comes from it, the words still state only the month and
    # day; a stated year, a relative year and a weekday leave nothing yearless
    (dated,) = find_time_expressions("a", "He jumped on June 17.", "en", "2025-07-01")
    assert (dated.value, dated.calendar) == ("2025-06-17", "XXXX-06-17")
    (dated,) = find_time_expressions("a", "In maart kreeg hij een oproep.", "nl", "2025-07-01")
    assert (dated.value, dated.calendar) == ("2025-03", "XXXX-03")
    for text in ("He jumped on June 17, 2025.", "He jumped in June last year."):
        (dated,) = find_time_expressions("a", text, "en", "2025-07-01")
        assert dated.calendar is None
    (weekday,) = find_time_expressions("a", "He jumped on Tuesday.", "en", None)
    assert weekday.calendar is None
    (weekday,) = find_time_expressions("a", "He jumped on Tuesday.", "en", "2025-07-01")
    assert weekday.calendar is None


def _unfiltered(text: str, language: str) -> list[candidates.Candidate]:
    """Candidates with the word prefilter switched off: the patterns alone decide."""
    original = candidates._may_match
    candidates._may_match = lambda text: lambda rule: True
    try:
        return list(candidates.find_candidates(text, language))
    finally:
        candidates._may_match = original


def _every_rule_tried(text: str, language: str) -> list[tuple[str, int, int]]:
    return [(c.rule, c.start, c.end) for c in _unfiltered(text, language)]


def _found(text: str, language: str) -> list[tuple[str, int, int]]:
    return [(c.rule, c.start, c.end) for c in candidates.find_candidates(text, language)]


def test_letters_that_fold_unlike_lower_still_find_their_dates() -> None:
    # "ſ" is an "s" and "İ" an "i" to the patterns, but not to str.lower.
    for text, rule in (("in the ſummer", "season"), ("at MİDNİGHT", "noon")):
        assert rule in {c[0] for c in _found(text, "en")}
        assert _found(text, "en") == _every_rule_tried(text, "en")


PIECES = [
    "June", "JUNE", "juni", "Juni", "junio", "juin", "июня", "May", "mid-", "Tuesday",
    "dinsdag", "Dienstag", "martes", "mardi", "вторник", "summer", "zomer", "Sommer",
    "verano", "été", "лето", "quarter", "kwartaal", "Quartal", "trimestre", "квартал",
    "half", "noon", "midnight", "century", "eeuw", "tonight", "vannacht", "weekend",
    "days", "dagen", "Tage", "días", "jours", "дней", "ago", "geleden", "last", "next",
    "morning", "ochtend", "Morgen", "yesterday", "gisteren", "gestern", "ayer", "hier",
    "вчера", "İ", "ı", "ſ", "\u212a", "ᲀ", "2022", "15", "5", "'90s", "Q3", "p.m.",
    "nineteen", "ninety", "four", "thousand", "for years", "jahrelang", "every",
    " ", " ", "\n", ",", ".", "-", "the", "de", "in",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
    st.sampled_from(["en", "nl", "de", "es", "fr", "ru", "tr", "xx"]),
)
@settings(max_examples=300, deadline=None)
def test_the_word_prefilter_never_loses_a_candidate(text: str, language: str) -> None:
    assert _found(text, language) == _every_rule_tried(text, language)


#: Sentences that between them give a candidate of every rule in six languages.
EVERY_RULE = {
    "en": (
        "On Tuesday, 15 June 2022 (June 15, 2022; 2022-06-15; 06/15/2022) in mid-June 2021, "
        "last month, next week, three days ago, two weeks later, the day before, tonight, "
        "this morning, early Tuesday morning, yesterday afternoon, the weekend, in the 1990s,"
        " the 19th century, in 2022, the third quarter of 2021, Q3 2022, at 5:30 p.m. EST, "
        "noon, the first half of 2022, the quarter, nineteen ninety-four, for years, every "
        "Monday, last summer, in the morning, the year before, 15 juni 2022, daily, at the "
        "time, 1990s, the year-ago quarter, now, overnight Monday into Tuesday, half past four."
    ),
    "nl": (
        "Op dinsdag 15 juni 2022, in de 15e eeuw, drie dagen geleden, vannacht, vanochtend, "
        "gisteren, in de zomer van 2021, het derde kwartaal, om 17.30 uur, middernacht, "
        "jarenlang, elke maandag, vorige week, het weekend, in de jaren '90, om half vijf."
    ),
    "de": (
        "Am Dienstag, dem 15. Juni 2022, im 19. Jahrhundert, vor drei Tagen, heute Nacht, "
        "gestern Morgen, im Sommer 2021, im dritten Quartal, um 17 Uhr, Mitternacht, "
        "jahrelang, jeden Montag, letzte Woche, am Wochenende, in den 1990er Jahren."
    ),
    "es": (
        "El martes 15 de junio de 2022, en el siglo XIX, hace tres días, anoche, ayer por la "
        "mañana, en el verano de 2021, el tercer trimestre, a las 17 horas, medianoche, "
        "durante años, cada lunes, la semana pasada, el fin de semana, el primer semestre de "
        "2022, en los años 90, el año pasado."
    ),
    "fr": (
        "Le mardi 15 juin 2022, au XIXe siècle, il y a trois jours, ce soir, hier matin, en "
        "été 2021, le troisième trimestre, à 17h30, pendant des années, chaque lundi, la "
        "semaine dernière, le week-end, la veille, dans les années 90."
    ),
    "ru": (
        "Во вторник, 15 июня 2022 года, в XIX веке, три дня назад, сегодня вечером, вчера "
        "утром, летом 2021 года, в третьем квартале, в 17:30, годами, каждый понедельник, на "
        "прошлой неделе, в выходные, в 1990-х годах."
    ),
}


def test_every_match_holds_a_word_its_rule_needs() -> None:
    seen: set[str] = set()
    for language, text in EVERY_RULE.items():
        rules = {rule.name: rule for rule in candidates.compiled(language)}
        found = _unfiltered(text, language)
        for c in found:
            needs, matched = rules[c.rule].needs, c.match.group(0).lower()
            assert any(w in matched for w in needs) if needs else candidates.DIGIT.search(matched)
            seen.add(c.rule)
        assert _found(text, language) == [(c.rule, c.start, c.end) for c in found]
    assert seen == {rule.name for language in EVERY_RULE for rule in candidates.compiled(language)}


def test_a_rule_of_words_a_language_lacks_is_not_tried() -> None:
    """English puts no relation word after a unit ("el año pasado", not "the year
    past"), so its pattern of that shape could match nothing and is left out."""
    assert "unitrel" not in {rule.name for rule in candidates.compiled("en")}
    assert "unitrel" in {rule.name for rule in candidates.compiled("es")}
    year_before = candidates.find_candidates("El año pasado llovió.", "es")
    assert [c.rule for c in year_before if c.rule == "unitrel"] == ["unitrel"]


def test_french_and_spanish_clock_times() -> None:
    def clocks(text: str, language: str) -> dict[str, str | None]:
        return {e.text: e.clock for e in find_time_expressions("a", text, language, None)}

    assert clocks("Le feu a pris vers 22 h 30 dans l'usine.", "fr")["22 h 30"] == "T22:30"
    assert clocks("Les pompiers sont arrivés à 23 heures.", "fr")["23 heures"] == "T23:00"
    assert clocks("Se declaró hacia las 22.30 en la planta.", "es")["22.30"] == "T22:30"
    # hours and minutes of a duration are no clock time; nor is a bare "22 heures"
    assert "2 h 30" not in clocks("Il a couru le marathon en 2 h 30 min.", "fr")
    assert all(c is None for c in clocks("Le vol a duré 22 heures.", "fr").values())


def test_dutch_parts_of_yesterday() -> None:
    found = values("De brand brak gisteravond uit; gisterochtend was alles nog rustig.", "nl")
    assert found == {"gisteravond": "2022-06-15TEV", "gisterochtend": "2022-06-15TMO"}


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("Talks resume in mid-June.", "en", "mid"),
        ("Talks resume in early June 2025.", "en", "early"),
        ("De gesprekken worden half juni hervat.", "nl", "mid"),
        ("Die Gespräche gehen Ende Juni weiter.", "de", "late"),
        ("Las negociaciones se retomarán a mediados de junio.", "es", "mid"),
        ("Une nouvelle réunion est prévue à la mi-juin.", "fr", "mid"),
        ("Переговоры возобновятся в начале июня.", "ru", "early"),
        ("Talks resume in June.", "en", None),
    ],
)
def test_a_third_of_a_month_is_kept_beside_the_month(
    text: str, language: str, part: str | None
) -> None:
    (found,) = find_time_expressions("a", text, language, "2025-06-02")
    assert (found.value, found.precision, found.part) == ("2025-06", "month", part)


@pytest.mark.parametrize(
    ("text", "language", "surface", "coming"),
    [
        ("Il devrait sortir de l'hôpital mardi.", "fr", "mardi", True),
        ("Le procès doit reprendre mardi.", "fr", "mardi", True),
        ("Il est sorti de l'hôpital mardi.", "fr", "mardi", False),
        ("Debería recibir el alta el martes.", "es", "martes", True),
        ("Recibió el alta el martes.", "es", "martes", False),
    ],
)
def test_should_and_is_due_to_make_a_weekday_the_coming_one(
    text: str, language: str, surface: str, coming: bool
) -> None:
    assert values(text, language) == {surface: "2022-06-21" if coming else "2022-06-14"}


@pytest.mark.parametrize(
    ("text", "language", "surface", "clock"),
    [
        ("L'explosion s'est produite peu après 3 heures du matin.", "fr", "3 heures du matin",
         "T03:00"),
        ("Взрыв произошёл вскоре после 3 часов ночи.", "ru", "3 часов ночи", "T03:00"),
        ("Ocurrió poco después de las 3 de la madrugada.", "es", "3 de la madrugada", "T03:00"),
        ("Het gebeurde om 3 uur 's nachts.", "nl", "3 uur 's nachts", "T03:00"),
        ("Le feu a pris à 8 heures du soir.", "fr", "8 heures du soir", "T20:00"),
        ("Пожар начался в 8 часов вечера.", "ru", "8 часов вечера", "T20:00"),
    ],
)  # fmt: skip
def test_an_hour_with_its_part_of_the_day_is_a_clock_time(
    text: str, language: str, surface: str, clock: str
) -> None:
    (time,) = [t for t in find_time_expressions("a", text, language, "2022-06-15")]
    assert (time.text, time.kind, time.clock) == (surface, "time", clock)
    # hours alone are a duration: "Il a dormi 3 heures"
    assert [t.kind for t in find_time_expressions("a", "Il a dormi 3 heures.", "fr", None)] == [
        "duration"
    ]


@pytest.mark.parametrize(
    ("text", "language", "surface", "day"),
    [
        # published on a Friday: "this Monday" is that week's, four days before
        ("La Fiscalía informó este lunes de las detenciones.", "es", "este lunes", "2022-06-13"),
        ("Le parquet l'a annoncé ce lundi.", "fr", "ce lundi", "2022-06-13"),
        ("The court ruled this Monday.", "en", "this Monday", "2022-06-13"),
        # a day still to come in that week, and one a future verb sends to the next week
        ("El juicio se reanuda este sábado.", "es", "este sábado", "2022-06-18"),
        ("The talks will resume this Monday.", "en", "this Monday", "2022-06-20"),
    ],
)
def test_this_weekday_is_that_day_of_the_publication_week(
    text: str, language: str, surface: str, day: str
) -> None:
    assert values(text, language, "2022-06-17") == {surface: day}


@pytest.mark.parametrize(
    ("text", "language", "surface", "clock"),
    [
        ("De brand werd rond half vijf 's ochtends ontdekt.", "nl",
         "half vijf 's ochtends", "04:30"),
        ("Om kwart over acht 's avonds ging het licht uit.", "nl",
         "kwart over acht 's avonds", "20:15"),
        ("Der Zug kam gegen halb fünf an.", "de", "halb fünf", "04:30"),
        ("Die Sitzung endete um Viertel vor zwölf.", "de", "Viertel vor zwölf", "11:45"),
        ("The fire started at half past four.", "en", "half past four", "04:30"),
        ("He left at a quarter to one.", "en", "a quarter to one", "12:45"),
        ("Llegó a las cuatro y media de la tarde.", "es", "cuatro y media de la tarde", "16:30"),
        ("Il est arrivé à quatre heures et demie du matin.", "fr",
         "quatre heures et demie du matin", "04:30"),
        ("Hij kwam om twee uur 's middags.", "nl", "twee uur 's middags", "14:00"),
        ("Er kam um zwei Uhr an.", "de", "zwei Uhr", "02:00"),
        ("It opened at two o'clock.", "en", "two o'clock", "02:00"),
    ],
)  # fmt: skip
def test_the_spoken_clock_is_a_time_of_day(
    text: str, language: str, surface: str, clock: str
) -> None:
    assert values(text, language) == {surface: f"2022-06-16T{clock}"}


def test_an_afternoon_before_a_clock_time_puts_it_after_noon() -> None:
    found = values("Donderdagmiddag om twee uur ging het open.", "nl")
    assert found == {"Donderdagmiddag": "2022-06-16TAF", "twee uur": "2022-06-16T14:00"}
    found = values("Donderdagavond om 8 uur begon het.", "nl")
    assert found == {"Donderdagavond": "2022-06-16TEV", "8 uur": "2022-06-16T20:00"}
    # a day part further back says nothing of the hour
    assert values("Om twee uur ging het open.", "nl") == {"twee uur": "2022-06-16T02:00"}


def test_half_of_something_is_no_time_of_day() -> None:
    assert values("Het duurde een half jaar.", "nl") == {}
    assert values("Er war nur halb so groß.", "de") == {}
    # after the hour and with no cue word, a time taken
    assert values("Il a attendu deux heures et demie.", "fr") == {"deux heures et demie": "PT2H30M"}


def test_a_possessive_weekday_is_a_date() -> None:
    found = values("Police investigate Thursday's shooting after Sunday’s vote.", "en")
    assert found == {"Thursday": "2022-06-16", "Sunday": "2022-06-12"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Bij de epidemie van 1999-2000 overleden drie kinderen.", "nl", {"1999", "2000"}),
        ("Schon 1999/2000 erkrankten fast 3000 Menschen.", "de", {"1999", "2000"}),
        ("An epidemic in the 2013-14 season killed one.", "en", {"2013"}),
        ("En 1999-2000 murieron tres niños.", "es", {"1999", "2000"}),
        # a year and a month, a span too long to be one period, a phone number
        ("The 2013-12 report and the 1998-2012 figures; call 2013-1234.", "en", set()),
    ],
)
def test_either_end_of_a_span_of_years_is_a_year(
    text: str, language: str, expected: set[str]
) -> None:
    assert set(values(text, language).values()) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the anchor is a Thursday: the coming Saturday is the 18th, the last one the 11th
        ("De GGD houdt zaterdag een extra vaccinatiemoment.", "nl", "2022-06-18"),
        ("De minister geeft zaterdag een persconferentie.", "nl", "2022-06-18"),
        ("De staking duurt tot en met zaterdag.", "nl", "2022-06-18"),
        ("Die Blockade dauert bis Samstag.", "de", "2022-06-18"),
        ("La huelga se prolonga hasta el sábado.", "es", "2022-06-18"),
        ("La grève dure jusqu'à samedi.", "fr", "2022-06-18"),
        ("La huelga duró hasta el sábado.", "es", "2022-06-11"),
        # told in the past, the day is behind
        ("De politie hield zaterdag een verdachte aan.", "nl", "2022-06-11"),
        ("Het kind overleed zaterdag in het ziekenhuis.", "nl", "2022-06-11"),
    ],
)
def test_a_present_verb_of_holding_or_lasting_makes_a_weekday_the_coming_one(
    text: str, language: str, expected: str
) -> None:
    found = find_time_expressions("a1", text, language, ANCHOR)
    assert [e.date for e in found] == [expected]


def test_a_clock_time_ending_a_sentence_does_not_take_the_next_sentences_day() -> None:
    text = "La huelga terminará el jueves a las 8.00. El martes circuló un tren de cada tres."
    found = values(text, "es")
    assert "8.00" in found and "martes" in found
    assert not any(". El" in key for key in found)
    # "5 p.m. Monday" is one time
    ended = values("The talks ended at 5 p.m. Monday.", "en")
    assert ended == {"5 p.m. Monday": "2022-06-13T17:00"}
    # and the future verb before the clock still makes it the coming Monday
    start = values("The talks start at 5 p.m. Monday.", "en")
    assert start == {"5 p.m. Monday": "2022-06-20T17:00"}

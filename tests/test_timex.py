"""corroborate.timex: finding and normalising dates, times and durations.

Sentences are our own, one or more per language; the anchor 2022-06-16 is a
Thursday, so "Tuesday" is 2022-06-14.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.model import TimeExpression
from corroborate.timex import find_time_expressions

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
    # a yearless month is the nearest one: up to six months back, up to five ahead
    assert values("It happened in December.", "en") == {"December": "2021-12"}
    assert values("Talks resume on Sept. 2 in Geneva.", "en") == {"Sept. 2": "2022-09-02"}
    assert values("It happened in January.", "en") == {"January": "2022-01"}


def test_future_cue_moves_weekday_forward() -> None:
    assert values("The minister will travel on Tuesday.", "en") == {"Tuesday": "2022-06-21"}
    assert values("The minister travelled on Tuesday.", "en") == {"Tuesday": "2022-06-14"}


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

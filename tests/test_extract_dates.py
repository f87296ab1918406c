"""Publication-date parsing and finding: strict validation, no guessing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.dates import (
    HEADER_LINES,
    YEAR_RANGE,
    find_published_in_text,
    is_date_line,
    parse_human_date,
    parse_iso_date,
)

# --------------------------------------------------------------------------- #
# parse_iso_date
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-11-10", "2025-11-10"),
        ("  2025-11-10\n", "2025-11-10"),
        ("2025-11-10T08:00:00Z", "2025-11-10"),
        ("2025-11-10T23:30:00-05:00", "2025-11-10"),
        ("2025-11-10 08:00", "2025-11-10"),
        ("2025/11/10", "2025-11-10"),
        ("Tue, 14 Mar 2023 08:20:00 +0100", "2023-03-14"),
        ("14 Mar 2023 08:20:00 +0000", "2023-03-14"),
        ("2024-02-29", "2024-02-29"),
        (f"{YEAR_RANGE[0]}-01-01", f"{YEAR_RANGE[0]}-01-01"),
        (f"{YEAR_RANGE[1]}-12-31", f"{YEAR_RANGE[1]}-12-31"),
    ],
)
def test_parse_iso_date_accepts_machine_forms(raw: str, expected: str) -> None:
    assert parse_iso_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "2021-48-17",  # month 48
        "2023-02-29",  # not a leap year
        "2024-04-31",
        "2024-00-10",
        "31/02/2025",
        "0000-01-01",
        f"{YEAR_RANGE[0] - 1}-12-31",
        f"{YEAR_RANGE[1] + 1}-01-01",
        "9999-12-31",
        "2025-11-10T25:00:00Z",
        "2025-11-10T10:61:00Z",
        "2025-11/10",  # mixed separators: a typo, not a date
        "Wed, 14 Mar 2023 08:20:00 +0100",  # 14 Mar 2023 was a Tuesday
        "10 November 2025",  # human form: not a machine date
        "",
        "yesterday",
        "2025-11",
    ],
)
def test_parse_iso_date_rejects_everything_else(raw: str) -> None:
    assert parse_iso_date(raw) is None


@given(st.dates(min_value=date(YEAR_RANGE[0], 1, 1), max_value=date(YEAR_RANGE[1], 12, 31)))
def test_parse_iso_date_round_trips_every_date_in_range(day: date) -> None:
    assert parse_iso_date(day.isoformat()) == day.isoformat()
    assert parse_iso_date(day.strftime("%Y/%m/%d")) == day.isoformat()


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_parse_iso_date_output_is_always_a_valid_iso_date(raw: str) -> None:
    result = parse_iso_date(raw)
    if result is not None:
        parsed = date.fromisoformat(result)
        assert parsed.isoformat() == result
        assert YEAR_RANGE[0] <= parsed.year <= YEAR_RANGE[1]


@settings(max_examples=300)
@given(
    st.integers(0, 9999).map(lambda y: f"{y:04d}"),
    st.integers(0, 99).map(lambda m: f"{m:02d}"),
    st.integers(0, 99).map(lambda d: f"{d:02d}"),
)
def test_parse_iso_date_never_repairs_a_date(year: str, month: str, day: str) -> None:
    raw = f"{year}-{month}-{day}"
    result = parse_iso_date(raw)
    assert result is None or result == raw


# --------------------------------------------------------------------------- #
# find_published_in_text
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 3 March 2024", "2024-03-03"),
        ("Updated 12:30, 4 May 2023", "2023-05-04"),
        ("Posted on June 5, 2021", "2021-06-05"),
        ("Gepubliceerd op 10 november 2025", "2025-11-10"),
        ("Bijgewerkt op 2 mrt 2024 om 14:05", "2024-03-02"),
        ("Veröffentlicht am 3. März 2024", "2024-03-03"),
        ("Stand: 03.03.2024 10:15 Uhr", "2024-03-03"),
        ("Опубликовано 5 марта 2024", "2024-03-05"),
        ("Обновлено: 12 апреля 2023 г.", "2023-04-12"),
        ("Publicado el 3 de marzo de 2024", "2024-03-03"),
        ("Publié le 1er mars 2024 à 10h15", "2024-03-01"),
        ("Publié le vendredi 6 novembre 2026 à 18h40 - Mis à jour à 19h02", "2026-11-06"),
        ("By Tess Marlowe | Thursday, 9 November 2023 06:45 PM CET", "2023-11-09"),
        ("Door Joost van Aalst, 14 mei 2024", "2024-05-14"),
        ("Von Lena Haberkorn · 7. Oktober 2023", "2023-10-07"),
        ("date 2025-11-10", "2025-11-10"),
        ("Tuesday, 4 June 2024", "2024-06-04"),
    ],
)
def test_finds_dates_where_pages_state_them(line: str, expected: str) -> None:
    finding = find_published_in_text(["Harbour council votes on new ferry link", line])
    assert finding.published == expected
    assert finding.line_index == 1
    assert finding.problems == []


MONTHS_BY_LABEL = {
    "Published": "January February March April May June July August September October "
    "November December",
    "Gepubliceerd op": "januari februari maart april mei juni juli augustus september oktober "
    "november december",
    "Veröffentlicht am": "Januar Februar März April Mai Juni Juli August September Oktober "
    "November Dezember",
    "Publicado el": "enero febrero marzo abril mayo junio julio agosto septiembre octubre "
    "noviembre diciembre",
    "Publié le": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre",
    "Опубликовано": "января февраля марта апреля мая июня июля августа сентября октября "
    "ноября декабря",
}


@pytest.mark.parametrize("label", sorted(MONTHS_BY_LABEL))
def test_every_month_name_of_each_language_dates_a_page(label: str) -> None:
    for number, month in enumerate(MONTHS_BY_LABEL[label].split(), start=1):
        finding = find_published_in_text(["Harbour council votes", f"{label} 6 {month} 2024"])
        assert finding.published == f"2024-{number:02d}-06", month


def test_date_header_keeps_the_lead_paragraph_on_the_same_line() -> None:
    line = " date 2024-05-14 De gemeenteraad van Zeewolde stemde gisteren in met de nieuwe brug."
    finding = find_published_in_text([line, "", "Tweede alinea."])
    assert finding.published == "2024-05-14"
    assert finding.raw == "2024-05-14"
    assert (
        finding.date_lines[0]
        == "De gemeenteraad van Zeewolde stemde gisteren in met de nieuwe brug."
    )


def test_a_date_mentioned_in_the_body_is_not_the_publication_date() -> None:
    lines = [
        "Ferry Strike Ends After Three Weeks",
        "The strike began on June 17, 2023 and ended when the union accepted the offer of"
        " 3 March 2024 after a long night of talks in the harbour office.",
        "Der Streik begann am 4. Mai 2023, sagte die Sprecherin der Gewerkschaft am Montag.",
    ]
    finding = find_published_in_text(lines)
    assert finding.published is None
    assert finding.line_index is None


def test_short_dated_lines_count_only_in_the_header() -> None:
    filler = [f"Paragraph number {i} of a long story about the harbour." for i in range(30)]
    late = ["Harbour Day, 4 May 2023 recap"]
    assert find_published_in_text(filler + late).published is None
    assert find_published_in_text(late + filler).published == "2023-05-04"
    assert len(filler) > HEADER_LINES


def test_labelled_lines_and_bare_date_lines_count_anywhere() -> None:
    filler = [f"Paragraph number {i} of a long story about the harbour." for i in range(30)]
    assert find_published_in_text([*filler, "Published: 9 July 2021"]).published == "2021-07-09"
    assert find_published_in_text([*filler, "Friday, 9 July 2021"]).published == "2021-07-09"


def test_malformed_date_is_a_problem_and_never_used() -> None:
    finding = find_published_in_text(["Some Headline Here", "2021-48-17", "Story text."])
    assert finding.published is None
    assert [p.code for p in finding.problems] == ["malformed_date"]
    assert finding.problems[0].message == "'2021-48-17' is not a valid calendar date; ignored"


def test_malformed_date_does_not_hide_a_valid_one() -> None:
    lines = ["By Oskar Wendt | 4 June 2024", "Body text goes here.", "2024-44-04"]
    finding = find_published_in_text(lines)
    assert finding.published == "2024-06-04"
    assert any("2024-44-04" in p.message for p in finding.problems)


@pytest.mark.parametrize(
    "line",
    ["Published: 31 February 2025", "Published: 31/02/2025", "Veröffentlicht am 30.02.2024"],
)
def test_impossible_written_dates_are_problems(line: str) -> None:
    finding = find_published_in_text([line])
    assert finding.published is None
    assert [p.code for p in finding.problems] == ["malformed_date"]


def test_ambiguous_numeric_date_is_not_resolved_by_guessing() -> None:
    finding = find_published_in_text(["Published: 03/04/2024"])
    assert finding.published is None
    assert [p.code for p in finding.problems] == ["ambiguous_date"]


@pytest.mark.parametrize(
    "line",
    ["Gepubliceerd: 04-03-2026", "Publié : 04/03/2026", "Publicado: 04/03/2026",
     "Опубликовано: 04.03.2026"],
)  # fmt: skip
def test_a_label_of_a_day_first_language_orders_a_numeric_date(line: str) -> None:
    finding = find_published_in_text([line])
    assert (finding.published, finding.problems) == ("2026-03-04", [])


def test_unambiguous_numeric_orders_are_read() -> None:
    assert find_published_in_text(["Published: 23/04/2024"]).published == "2024-04-23"
    assert find_published_in_text(["Published: 04/23/2024"]).published == "2024-04-23"


def test_wrong_weekday_is_rejected() -> None:
    finding = find_published_in_text(["Saturday, 9 November 2023"])  # was a Thursday
    assert finding.published is None
    assert finding.problems and finding.problems[0].code == "malformed_date"


def test_published_label_beats_an_earlier_byline_date() -> None:
    lines = [
        "Bridge Reopens To Traffic",
        "By Ansel Drury, 2 May 2024",
        "Published: 1 May 2024",
    ]
    finding = find_published_in_text(lines)
    assert finding.published == "2024-05-01"
    assert finding.line_index == 2


def test_published_label_beats_updated_label() -> None:
    lines = ["Updated: 5 May 2024", "Published: 1 May 2024"]
    assert find_published_in_text(lines).published == "2024-05-01"


def test_header_date_beats_updated_label_but_updated_beats_a_footer_date() -> None:
    header = ["Tram Line Extension Approved", "By Ansel Drury", "May 1, 2024"]
    body = [f"Paragraph number {i} of a long story about the tram." for i in range(30)]
    updated = ["Updated: May 5, 2024"]
    assert find_published_in_text(header + updated + body).published == "2024-05-01"
    footer = find_published_in_text(["Tram Line Extension Approved", *updated, *body, "2024-04-20"])
    assert footer.published == "2024-05-05"


def test_no_year_read_out_of_ordinary_words() -> None:
    lines = ["Die Frau kam mit 40 Jahren nach Riga", "Seit 12 Tagen 2000 Menschen im Lager"]
    finding = find_published_in_text(lines)
    assert finding.published is None
    assert finding.problems == []


def test_is_date_line_and_parse_human_date() -> None:
    assert is_date_line("Thursday, 9 November 2023 06:45 PM")
    assert is_date_line("2024-06-04")
    assert not is_date_line("Election held on 4 June 2024 in the north")
    assert parse_human_date("3. März 2024") == "2024-03-03"
    assert parse_human_date("2024-06-04T10:00:00Z") == "2024-06-04"
    assert parse_human_date("31 February 2025") is None
    assert parse_human_date("soon") is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=20))
def test_find_published_never_raises_and_returns_valid_dates(lines: list[str]) -> None:
    finding = find_published_in_text(lines)
    if finding.published is not None:
        assert date.fromisoformat(finding.published).isoformat() == finding.published
        assert finding.line_index is not None and 0 <= finding.line_index < len(lines)

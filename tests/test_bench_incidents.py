"""The incidents benchmark's readings of one article, on invented reports."""

from __future__ import annotations

from corroborate.bench.incidents import Analysed, Gold, _incident_date, _matches
from corroborate.model import Article
from corroborate.timex import find_time_expressions


def _analysed(text: str, published: str) -> Analysed:
    article = Article(
        id="a", source="a.html", content_hash="a", text=text, published=published, language="en"
    )
    return Analysed(article, [], [], find_time_expressions("a", text, "en", published))


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


def test_city_names_match_with_abbreviations_spelt_out() -> None:
    gold = Gold(date="2025-03-11", city="Saint Louis", killed=0, injured=1, participants=())
    assert _matches("city", "St. Louis", gold)
    assert not _matches("city", "St. Charles", gold)

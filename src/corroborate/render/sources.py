"""Looking up articles and naming them the way a reader knows them.

Why one place: the fact matrix, the timeline lanes, the entity table and the
click-through panel all show "which source said this"; naming and numbering the
articles once keeps every part of the page consistent.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from corroborate.model import Article, RunResult, source_label

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEARLESS = re.compile(r"XXXX-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>\d\d))?")


@dataclass(frozen=True)
class Span:
    """A clickable place in the text: article number (JSON island index), start, end."""

    article: int
    start: int
    end: int


class Sources:
    """The articles of one run, numbered in the order the JSON island lists them."""

    def __init__(self, result: RunResult) -> None:
        self.articles = list(result.articles)
        self._number = {article.id: n for n, article in enumerate(self.articles)}
        self._named = Counter(source_label(article) for article in self.articles)
        self._duplicates: dict[str, list[Article]] = {}
        for article in self.articles:
            if article.duplicate_of is not None:
                self._duplicates.setdefault(article.duplicate_of, []).append(article)

    def get(self, article_id: str) -> Article | None:
        number = self._number.get(article_id)
        return None if number is None else self.articles[number]

    def span(self, article_id: str, start: int, end: int) -> Span | None:
        """The span if the article is known and the offsets fit its text, else None."""
        number = self._number.get(article_id)
        if number is None or not 0 <= start <= end <= len(self.articles[number].text):
            return None
        return Span(number, start, end)

    def whole(self, article_id: str) -> Span | None:
        """A span that opens the article without highlighting anything."""
        return self.span(article_id, 0, 0)

    def duplicates_of(self, article_id: str) -> list[Article]:
        return self._duplicates.get(article_id, [])

    def name(self, article_id: str) -> str:
        """The outlet, or what else tells the source (see :func:`source_label`)."""
        article = self.get(article_id)
        return source_label(article) if article is not None else article_id

    def chip_name(self, article_id: str) -> str:
        """The name with the publication day when another article of the run goes by
        it too ("freep.com, 11 Jul"): chips of one story's sources read apart."""
        day = self.day_if_shared(article_id)
        name = self.name(article_id)
        return name if day is None else f"{name}, {day}"

    def day_if_shared(self, article_id: str) -> str | None:
        """The article's publication day ("4 Nov") when another article of the run goes
        by the same name (three "freep.com" lanes), else None."""
        article = self.get(article_id)
        if article is None or self._named[source_label(article)] < 2:
            return None
        day = format_date(article.published[:10]) if article.published else "undated"
        return day.rsplit(" ", 1)[0] if re.fullmatch(r"\d+ \w+ \d{4}", day) else day

    def context(self, article_id: str, start: int, end: int, width: int = 60) -> str:
        """A one-line snippet around a span, for tooltips."""
        article = self.get(article_id)
        if article is None:
            return ""
        left = max(0, start - width)
        right = min(len(article.text), end + width)
        snippet = " ".join(article.text[left:right].split())
        return ("…" if left else "") + snippet + ("…" if right < len(article.text) else "")


def format_date(iso: str | None, precision: str = "day") -> str:
    """``2025-10-14`` as "14 Oct 2025", coarser for month or year precision; "undated" for None;
    a month or day with no year (``XXXX-06-17``) as "17 Jun, year not given"."""
    if iso is None:
        return _format_undated(precision)
    if yearless := _YEARLESS.fullmatch(iso):
        month_name = _MONTHS[int(yearless["month"]) - 1]
        day_number = f"{int(yearless['day'])} " if yearless["day"] else ""
        return f"{day_number}{month_name}, year not given"
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    month = f"{_MONTHS[day.month - 1]} {day.year}"
    shown = {
        "day": f"{day.day} {month}",
        "week": f"week of {day.day} {month}",
        "month": month,
        "season": f"season from {month}",
        "year": str(day.year),
        "decade": f"{day.year}s",
        "century": f"{day.year}s (century)",
    }
    return shown.get(precision, f"{day.day} {month}")


def _format_undated(precision: str) -> str:
    """``after 2025-09-01`` (an order cue) reads as "after 1 Sep 2025"."""
    if precision.startswith("after "):
        return "after " + format_date(precision.removeprefix("after ").strip())
    return "undated"

"""The top of the page: what went in, what was skipped, and the list of stories.

Why first: before reading a story a journalist wants to know how much coverage
was read, in which languages and over which dates, and what could not be read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborate.model import Article, RunResult, Skipped, Story, site
from corroborate.render.html import Html, el, join, text
from corroborate.render.sources import format_date
from corroborate.render.widgets import badge, collapsed, muted, plural

#: Skipped inputs are listed open when there are only a few of them.
_OPEN_SKIPPED = 10


def date_range(dates: list[str]) -> str:
    """ "14 Oct 2025 – 16 Oct 2025", one date, or "no dates" for publication dates."""
    if not dates:
        return "no dates"
    low, high = min(dates), max(dates)
    return format_date(low) if low == high else f"{format_date(low)} – {format_date(high)}"


def languages(codes: list[str]) -> str:
    """ "en 4 · de 3 · nl 2", most frequent first, ties by code."""
    counts = Counter(codes)
    return " · ".join(
        f"{code} {n}" for code, n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    )


def _stat(label: str, value: str, note: str = "", wide: bool = False) -> Html:
    return el(
        "div",
        el("div", value, class_="stat-value"),
        el("div", label, class_="stat-label"),
        muted(note) if note else None,
        class_="stat wide" if wide else "stat",
    )


@dataclass
class _Counts:
    """What the overview says of the articles, gathered in one pass over them (a run's
    articles are read from the store as they are gone through)."""

    articles: int = 0
    duplicates: int = 0
    outlets: set[str] = field(default_factory=set)
    #: Articles whose page names no outlet (plain-text files, some feeds).
    no_outlet: int = 0
    #: The web sites those articles came from (what the report names them by).
    sites: set[str] = field(default_factory=set)
    published: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, articles: Iterable[Article]) -> _Counts:
        counts = cls()
        for article in articles:
            counts.articles += 1
            counts.duplicates += article.duplicate_of is not None
            if article.outlet:
                counts.outlets.add(article.outlet)
            else:
                counts.no_outlet += 1
                counts.sites.update(filter(None, [site(article)]))
            if article.published:
                counts.published.append(article.published)
            counts.languages.append(article.language)
        return counts


def _stats(result: RunResult, counts: _Counts) -> Html:
    duplicates = counts.duplicates
    return el(
        "div",
        _stat("stories", str(len(result.stories))),
        _stat("articles", str(counts.articles), f"{duplicates} duplicates" if duplicates else ""),
        _stat(
            "outlets",
            str(len(counts.outlets)),
            _naming_none(counts.no_outlet, len(counts.sites)),
        ),
        _stat("languages", str(len(set(counts.languages)))),
        _stat("published", date_range(counts.published), wide=True),
        _stat("skipped inputs", str(len(result.skipped))),
        class_="stats",
    )


def _naming_none(count: int, sites: int = 0) -> str:
    """The note under the outlets figure: how many articles name no outlet, and from
    how many web sites those came (the report names them by their site)."""
    if not count:
        return ""
    note = "1 article names none" if count == 1 else f"{count} articles name none"
    if sites:
        note += ", from 1 web site" if sites == 1 else f", from {sites} web sites"
    return note


def _skipped(skipped: list[Skipped]) -> Html | None:
    if not skipped:
        return None
    rows = [el("tr", el("td", s.source, class_="mono"), el("td", s.reason)) for s in skipped]
    table = el(
        "table",
        el("thead", el("tr", el("th", "input"), el("th", "reason"))),
        el("tbody", rows),
        class_="plain",
    )
    return collapsed(
        f"Skipped inputs ({len(skipped)})",
        el("div", table, class_="scroll"),
        open_=len(skipped) <= _OPEN_SKIPPED,
    )


def _story_link(story: Story, linked: bool) -> Html:
    statuses = Counter(f.status for f in story.facts)
    counts = [
        el("span", badge(status), " ", str(statuses[status]), class_="count")
        for status in ("conflicting", "refined", "agreed")
        if statuses[status]
    ]
    return el(
        "li",
        el("a", story.title, href=f"#{story.id}") if linked else el("span", story.title),
        " ",
        muted(plural(len(story.articles), "source")),
        " ",
        counts,
        el("span", " · facts not worked out", class_="problem") if story.problems else None,
    )


def _story_index(stories: list[Story], shown: int, listed: int) -> Html:
    """The stories, linked to their sections; past ``shown`` they are only named, and
    past ``listed`` only counted."""
    if not stories:
        return el("p", "No stories.", class_="muted")
    items = [_story_link(story, n < shown) for n, story in enumerate(stories[:listed])]
    notes: list[Html] = []
    if shown < len(stories):
        notes.append(
            join(
                [
                    f"The {shown} largest stories are shown in full on this page; ",
                    el("code", "stories.json"),
                    f" holds all {len(stories)}, and ",
                    el("code", "corroborate serve"),
                    " on this folder shows and searches every one.",
                ]
            )
        )
    if listed < len(stories):
        notes.append(text(f"{len(stories) - listed} more stories are not named here."))
    return join(
        [
            el("ol", items, class_="story-index"),
            *(el("p", note, class_="muted story-cap") for note in notes),
        ]
    )


def overview(result: RunResult, shown: int | None = None, listed: int | None = None) -> Html:
    """Counts, languages, skipped inputs and a list of the stories: the first ``shown``
    linked to their sections, at most ``listed`` named (None: every story)."""
    counts = _Counts.of(result.articles)
    codes = counts.languages
    total = len(result.stories)
    return el(
        "section",
        el("h2", "Overview"),
        _stats(result, counts),
        el("p", "Languages: ", languages(codes)) if codes else None,
        _skipped(result.skipped),
        el("h3", "Stories"),
        _story_index(
            result.stories, total if shown is None else shown, total if listed is None else listed
        ),
        class_="overview",
        id="overview",
    )

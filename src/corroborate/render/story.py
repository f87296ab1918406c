"""One story: where sources disagree, the timeline, the fact matrix, events, entities, sources.

Why this order: a journalist first wants the disagreements, then when things
happened, then the figures side by side; names and the list of sources are
reference material further down. Every claim is a button into its source text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from corroborate.model import BOUND_WORDS, Claim, Entity, Fact, Story
from corroborate.render.charts import places_svg, timeline_svg
from corroborate.render.html import Html, el, join
from corroborate.render.overview import date_range
from corroborate.render.sources import Sources, format_date
from corroborate.render.widgets import (
    badge,
    chips,
    claim_button,
    collapsed,
    muted,
    plural,
    quote_button,
    section,
)

_TYPE_ORDER = {"person": 0, "place": 1, "org": 2, "other": 3}
#: The list under the timeline chart starts open when it is this short.
_OPEN_TIMELINE = 10


def _fact_anchor(story: Story, fact: Fact) -> str:
    return f"{story.id}--{fact.id}"


def _cited(story: Story, facts: Iterable[Fact]) -> list[str]:
    """Articles that state any of ``facts``, in the story's order of articles."""
    cited = {c.article for f in facts for c in f.claims}
    order = {article: n for n, article in enumerate(story.articles)}
    return sorted(cited, key=lambda a: (order.get(a, len(order)), a))


# --- claims ---------------------------------------------------------------------------------


def _number(value: object) -> str:
    if isinstance(value, list):
        return "–".join(_number(v) for v in value)
    if not isinstance(value, int | float):
        return str(value)
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{round(value, 1):g}"


def _converted(normalized: dict[str, object], unit: object) -> bool:
    """Whether a claim's normalised value is in another unit than it was written in
    (not "300 meters" shown as "300 m", nor "a 10-month-old" as "10 months")."""
    return unit not in (normalized.get("unit"), normalized.get("shown_unit"))


def reading(claim: Claim) -> str:
    """How the claim was read, when that adds to its words: "= 19.3 km", "14 Oct 2025",
    "= Netherlands" (a place named in another language or case), "near it"."""
    attributes = claim.attributes
    notes = []
    if attributes.get("near") is True:
        notes.append("near it")
    place = attributes.get("place")
    if isinstance(place, str) and place.casefold() != claim.text.casefold():
        notes.append(f"= {place}")  # "Нидерландов" = Netherlands
    if attributes.get("approximate") is True:
        notes.append("approx.")
    bound = attributes.get("bound")
    if bound in BOUND_WORDS:
        notes.append(BOUND_WORDS[str(bound)])  # "more than 80,000": at least
    normalized = attributes.get("normalized")
    # a duration in seconds ("94,672,800 second") tells a reader less than "three years"
    shown = attributes.get("quantity_kind") != "duration"
    if shown and isinstance(normalized, dict) and _converted(normalized, attributes.get("unit")):
        if isinstance(normalized.get("shown"), str):
            notes.append(f"= {normalized['shown']}")  # "= 1.8 m" for "5-foot-10"
        else:
            unit = normalized.get("symbol") or normalized.get("unit") or ""
            notes.append(f"= {_number(normalized.get('value'))} {unit}".rstrip())
    clock = attributes.get("time")
    if isinstance(clock, str) and clock not in claim.text:
        notes.append(clock)  # "4.47am" is 04:47
    when = attributes.get("date")
    if isinstance(when, str):
        shown_date = format_date(when, str(attributes.get("precision") or "day"))
        if shown_date.casefold() != claim.text.strip().casefold():  # "2023" reads itself
            notes.append(shown_date)
    return " ".join(notes)


def claim_chip(sources: Sources, fact: Fact, claim: Claim) -> Html:
    """A claim in its own words (an event sentence by its outlet's name), with its reading."""
    if fact.kind == "event":
        label: Html | str = sources.chip_name(claim.article)
        title = claim.text
    else:
        note = reading(claim)
        label = join([claim.text, el("small", note) if note else None], " ")
        title = sources.context(claim.article, claim.start, claim.end)
    span = sources.span(claim.article, claim.start, claim.end)
    return claim_button(span, label, title, f"st-{fact.status}")


# --- disagreements ----------------------------------------------------------------------------


def _disagreements(story: Story) -> Html | None:
    """A call-out listing conflicting facts first, each linked to its row."""
    conflicts = [f for f in story.facts if f.status == "conflicting"]
    if not conflicts:
        return None
    items = [
        el(
            "li",
            el("a", fact.label, href=f"#{_fact_anchor(story, fact)}"),
            " ",
            muted(fact.explanation),
        )
        for fact in conflicts
    ]
    return el("div", el("h3", "Where the sources disagree"), el("ul", items), class_="callout")


# --- fact matrix ------------------------------------------------------------------------------


def _source_header(sources: Sources, article_id: str) -> Html:
    article = sources.get(article_id)
    meta = "" if article is None else f"{article.language} · {format_date(article.published)}"
    return el("th", sources.name(article_id), el("small", meta), scope="col")


def _matrix_row(story: Story, fact: Fact, columns: list[str], sources: Sources) -> Html:
    head = el(
        "th",
        el("div", fact.label, class_="fact-label"),
        badge(fact.status),
        " ",
        el("span", fact.explanation, class_="expl"),
        scope="row",
    )
    cells = []
    for article in columns:
        claims = [c for c in fact.claims if c.article == article]
        content = chips([claim_chip(sources, fact, c) for c in claims]) if claims else "—"
        cells.append(el("td", content, class_=f"st-{fact.status}" if claims else "empty"))
    return el("tr", head, cells, id=_fact_anchor(story, fact), class_="fact")


def _matrix(story: Story, facts: list[Fact], sources: Sources) -> Html:
    """Facts down, sources across: each cell is what that source says, in its own words."""
    columns = _cited(story, facts)
    header = el("tr", el("th", "fact", scope="col"), [_source_header(sources, a) for a in columns])
    rows = [_matrix_row(story, fact, columns, sources) for fact in facts]
    return el(
        "div", el("table", el("thead", header), el("tbody", rows), class_="matrix"), class_="scroll"
    )


def _single_source(sources: Sources, facts: list[Fact], what: str) -> Html | None:
    """Single-source items, closed by default: they cannot be corroborated."""
    if not facts:
        return None
    items = [
        el(
            "li",
            el("span", fact.label, class_="fact-label"),
            " ",
            chips([claim_chip(sources, fact, c) for c in fact.claims]),
            " ",
            muted(fact.explanation),
            class_="fact",
        )
        for fact in facts
    ]
    return collapsed(
        f"{what} from a single source ({len(facts)})", el("ul", items, class_="single")
    )


def _figures(story: Story, sources: Sources) -> Html | None:
    if story.problems and not story.facts:
        return None  # nothing was read: "no figure ... stated" would say otherwise
    figures = [f for f in story.facts if f.kind != "event"]
    shared = [f for f in figures if f.status != "single_source"]
    alone = [f for f in figures if f.status == "single_source"]
    return section(
        "Figures, dates and places",
        _matrix(story, shared, sources)
        if shared
        else el("p", "No figure, date or place is stated by more than one source.", class_="muted"),
        _single_source(sources, alone, "Figures, dates and places"),
    )


# --- events -----------------------------------------------------------------------------------


def _event_dates(story: Story) -> dict[tuple[str, int], str]:
    """Each event sentence's date as its timeline entry gives it: the finest any of
    its sources states, a dated one before a month or day without a year."""
    return {
        (m.article, m.start): format_date(entry.date or entry.calendar, entry.precision)
        for entry in story.timeline
        if entry.date or entry.calendar
        for m in entry.claims
    }


def _events(story: Story, sources: Sources) -> Html | None:
    events = [f for f in story.facts if f.kind == "event"]
    if not events:
        return None
    dates = _event_dates(story)
    shared = [f for f in events if f.status != "single_source"]
    items = [
        el(
            "li",
            el("div", fact.label, class_="event-label"),
            el(
                "div",
                badge(fact.status),
                " ",
                muted(dates.get((fact.claims[0].article, fact.claims[0].start), "")),
                " ",
                # the chips that follow name the sources
                f"reported by {len({c.article for c in fact.claims})} sources:",
                " ",
                chips([claim_chip(sources, fact, c) for c in fact.claims]),
                class_="event-meta",
            ),
            id=_fact_anchor(story, fact),
            class_="fact event",
        )
        for fact in shared
    ]
    alone = [f for f in events if f.status == "single_source"]
    return section(
        "Events",
        el("ul", items, class_="events")
        if items
        else el("p", "No event is reported by more than one source.", class_="muted"),
        _single_source(sources, alone, "Events"),
    )


# --- timeline ---------------------------------------------------------------------------------


def _timeline(story: Story, sources: Sources) -> Html | None:
    if not story.timeline:
        return None
    items = []
    for number, entry in enumerate(story.timeline, start=1):
        buttons = [
            quote_button(sources, m.article, m.start, m.end, sources.chip_name(m.article))
            for m in entry.claims
        ]
        when = format_date(entry.date or entry.calendar, entry.precision)
        items.append(
            el(
                "li",
                el("span", str(number), class_="num"),
                el("span", when, class_="when"),
                el("span", entry.label, class_="what"),
                el("span", chips(buttons), class_="who"),
                class_="tl-entry",
                data_entry=number,
            )
        )
    chart = timeline_svg(story.timeline, sources, story.articles)
    note = (
        "Dates in order, not to scale: the gaps say how much time passed. "
        "Filled dot: a day; hollow: a month or coarser. One lane per source."
    )
    if any(entry.calendar for entry in story.timeline):
        note += " Events whose sources give no year are listed below, not plotted."
    return section(
        "Timeline",
        el("div", chart, class_="scroll chart") if chart else None,
        muted(note) if chart else None,
        collapsed(
            f"All {len(items)} entries, in order",
            el("ol", items, class_="timeline"),
            open_=len(items) <= _OPEN_TIMELINE,
        ),
    )


# --- entities ---------------------------------------------------------------------------------


def _entity_row(entity: Entity, sources: Sources) -> Html:
    first: dict[str, Html] = {}
    for m in entity.mentions:
        if m.article not in first:
            first[m.article] = quote_button(
                sources, m.article, m.start, m.end, sources.chip_name(m.article)
            )
    langs = sorted({a.language for a in map(sources.get, first) if a is not None})
    aliases = [a for a in entity.aliases if a != entity.name]
    place = entity.place
    where = (
        f"{place.name}, {place.country}"
        if place and place.country
        else (place.name if place else "")
    )
    return el(
        "tr",
        el("td", el("b", entity.name), el("small", where) if where else None),
        el("td", entity.type),
        el("td", join(aliases, "; ")),
        el("td", " ".join(langs)),
        el("td", chips(list(first.values()))),
    )


def _entity_table(entities: list[Entity], sources: Sources) -> Html:
    head = el(
        "tr",
        [
            el("th", h, scope="col")
            for h in ("name", "type", "aliases", "languages", "mentioned by")
        ],
    )
    body = [_entity_row(e, sources) for e in entities]
    return el(
        "div",
        el("table", el("thead", head), el("tbody", body), class_="plain entities"),
        class_="scroll",
    )


def _entities(story: Story, sources: Sources) -> Html | None:
    if not story.entities:
        return None
    ordered = sorted(
        story.entities,
        key=lambda e: (
            _TYPE_ORDER.get(e.type, 9),
            -len({m.article for m in e.mentions}),
            e.name,
            e.id,
        ),
    )
    shared = [e for e in ordered if len({m.article for m in e.mentions}) > 1]
    alone = [e for e in ordered if len({m.article for m in e.mentions}) <= 1]
    plot = places_svg(story.entities, sources)
    return section(
        "People, places and organisations",
        el("div", plot, class_="chart") if plot else None,
        _entity_table(shared, sources) if shared else None,
        collapsed(f"Named by a single source ({len(alone)})", _entity_table(alone, sources))
        if alone
        else None,
    )


# --- sources ----------------------------------------------------------------------------------


def _source_cells(sources: Sources, article_id: str) -> list[Html]:
    article = sources.get(article_id)
    if article is None:
        return [el("td", article_id, colspan=4)]
    problems = "; ".join(p.message for p in article.problems)
    return [
        el("td", sources.name(article_id)),
        el("td", article.language),
        el(
            "td",
            format_date(article.published)
            if article.published
            else muted(article.published_raw or "no date"),
        ),
        el(
            "td",
            claim_button(
                sources.whole(article_id), article.title or article_id, "read the article"
            ),
            el("small", article.url or article.source, class_="mono"),
            el("small", problems, class_="problem") if problems else None,
        ),
    ]


def _source_row(sources: Sources, article_id: str) -> Html:
    """A kept article, with the copies dedup folded into it listed under it."""
    rows = [el("tr", _source_cells(sources, article_id), class_="source")]
    duplicates = sources.duplicates_of(article_id)
    if duplicates:
        inner = el(
            "table",
            el(
                "tbody",
                [el("tr", _source_cells(sources, d.id), class_="duplicate") for d in duplicates],
            ),
            class_="plain",
        )
        summary = f"{plural(len(duplicates), 'duplicate')} of this article"
        rows.append(el("tr", el("td", collapsed(summary, inner), colspan=4), class_="duplicates"))
    return join(rows)


def _sources(story: Story, sources: Sources) -> Html:
    head = el(
        "tr", [el("th", h, scope="col") for h in ("outlet", "language", "published", "title")]
    )
    body = [_source_row(sources, a) for a in story.articles]
    return section(
        "Sources",
        el(
            "div",
            el("table", el("thead", head), el("tbody", body), class_="plain sources"),
            class_="scroll",
        ),
    )


# --- the story --------------------------------------------------------------------------------


#: Where a related story's link points, or None to name it without a link.
StoryHref = Callable[[str], str | None]


def anchor(story_id: str) -> str:
    """The story's section on the same page."""
    return f"#{story_id}"


def _summary(story: Story, sources: Sources, titles: dict[str, str], href: StoryHref) -> Html:
    articles = [a for a in map(sources.get, story.articles) if a is not None]
    langs = sorted({a.language for a in articles})
    dates = [a.published for a in articles if a.published]
    related = [_related(r, titles, href) for r in story.related]
    return el(
        "p",
        f"{plural(len(story.articles), 'source')} · {plural(len(langs), 'language')}",
        f" ({', '.join(langs)})",
        f" · {date_range(dates)}",
        el("span", " · related: ", join(related, "; ")) if related else None,
        class_="story-meta",
    )


def _problems(story: Story) -> Html | None:
    """What went wrong working out the story, first: a reader must not take a story
    with no facts for one whose sources state none."""
    if not story.problems:
        return None
    return el("p", " ".join(p.message for p in story.problems), class_="problem")


def _related(story_id: str, titles: dict[str, str], href: StoryHref) -> Html:
    target = href(story_id)
    title = titles.get(story_id, story_id)
    return el("a", title, href=target) if target else el("span", title)


def story_section(
    story: Story, sources: Sources, titles: dict[str, str], href: StoryHref = anchor
) -> Html:
    """The whole block of one story; ``titles`` names related stories by id and ``href``
    says where their links point (default: their sections on the same page)."""
    return el(
        "article",
        el("h2", story.title),
        _summary(story, sources, titles, href),
        _problems(story),
        _disagreements(story),
        _timeline(story, sources),
        _figures(story, sources),
        _events(story, sources),
        _entities(story, sources),
        _sources(story, sources),
        class_="story",
        id=story.id,
    )

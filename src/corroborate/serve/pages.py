"""The app's list page: search, the stories, and the upload form.

Why server-rendered with no script: the page policy allows only the report's own
script, and a list, a search box and a file form need none.
"""

from __future__ import annotations

from corroborate.render.html import Html, el
from corroborate.render.overview import date_range
from corroborate.render.pages import page
from corroborate.render.sources import format_date
from corroborate.render.widgets import badge, muted, plural, section
from corroborate.serve.reader import Hit, StorySummary


def _search_form(query: str) -> Html:
    return el(
        "form",
        el(
            "input",
            type="search",
            name="q",
            value=query,
            aria_label="Search articles",
            placeholder="Search titles and texts: a name, a place, a figure…",
        ),
        el("button", "Search", type="submit"),
        class_="search",
        action="/",
        method="get",
        role="search",
    )


def _snippet(hit: Hit) -> Html:
    if hit.highlight is None:
        return muted(hit.snippet)
    start, end = hit.highlight
    return el("span", hit.snippet[:start], el("mark", hit.snippet[start:end]), hit.snippet[end:])


def _hit(hit: Hit, titles: dict[str, str]) -> Html:
    title = hit.title or hit.article
    meta = " · ".join(
        part for part in (hit.outlet, hit.language, format_date(hit.published)) if part
    )
    story = titles.get(hit.story or "")
    return el(
        "li",
        el("a", title, href=f"/stories/{hit.story}") if hit.story else el("b", title),
        el("small", meta + (f" · in story: {story}" if story else "")),
        _snippet(hit),
        class_="hit",
    )


def _hits(query: str, hits: list[Hit], titles: dict[str, str]) -> Html:
    heading = f"{plural(len(hits), 'article')} matching “{query}”"
    body = (
        el("ol", [_hit(h, titles) for h in hits], class_="hits")
        if hits
        else el("p", "No article holds every word of the query.", class_="muted")
    )
    return section(heading, body, class_="results")


def _story_row(story: StorySummary) -> Html:
    dates = [d for d in (story.first_published, story.last_published) if d]
    verdicts = [
        el("span", badge(status), " ", str(count), class_="count")
        for status, count in story.verdicts.items()
    ]
    return el(
        "tr",
        el("td", el("a", story.title, href=f"/stories/{story.id}")),
        el("td", str(story.articles)),
        el("td", " ".join(story.languages)),
        el("td", date_range(dates)),
        el(
            "td",
            el("span", "not worked out", class_="problem") if story.problems else verdicts or "—",
        ),
    )


def _stories(stories: list[StorySummary]) -> Html:
    if not stories:
        return section("Stories", el("p", "No stories yet: upload articles below.", class_="muted"))
    head = el(
        "tr",
        [el("th", h, scope="col") for h in ("story", "sources", "languages", "published", "facts")],
    )
    table = el(
        "table",
        el("thead", head),
        el("tbody", [_story_row(s) for s in stories]),
        class_="plain stories",
    )
    return section(f"Stories ({len(stories)})", el("div", table, class_="scroll"))


def _upload_form(max_file_mb: float) -> Html:
    return section(
        "Add articles",
        el(
            "form",
            el(
                "input",
                type="file",
                name="files",
                multiple=True,
                required=True,
                aria_label="Article files",
            ),
            el("button", "Upload and ingest", type="submit"),
            muted(
                f".txt .html .json .jsonl .warc, optionally .gz; up to {max_file_mb:g} MB a file. "
                "Stories, stories.json and report.html are brought up to date."
            ),
            class_="upload",
            action="/upload",
            method="post",
            enctype="multipart/form-data",
        ),
    )


def index_page(
    stories: list[StorySummary],
    query: str,
    hits: list[Hit] | None,
    notice: str | None,
    max_file_mb: float,
) -> str:
    """The list of stories, with search results above it when there is a query."""
    titles = {s.id: s.title for s in stories}
    main = [
        _search_form(query),
        el("p", notice, class_="notice") if notice else Html(""),
        _hits(query, hits, titles) if hits is not None else Html(""),
        _stories(stories),
        _upload_form(max_file_mb),
    ]
    links = [("stories", "/"), ("API (OpenAPI)", "/openapi.json")]
    return page("Stories", links, main, forms=True)

"""The self-contained HTML report: one offline page with every story, source and claim.

Why one file with everything inline: a journalist opens it from disk, mails it or
archives it, and it must look the same years later without a server or network.
The page carries a Content-Security-Policy that forbids every network request and
every script or stylesheet except our own two (allowed by hash), so even markup
that slipped through escaping could neither run nor load anything.

Use :func:`render_report` for the text and :func:`write_report` to write it
atomically beside ``stories.json``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

from corroborate import __version__
from corroborate.model import Article, RunResult, Story
from corroborate.render.assets import CSS, JS
from corroborate.render.html import Html, el, join
from corroborate.render.overview import overview
from corroborate.render.sources import Sources
from corroborate.render.story import anchor, story_section
from corroborate.render.widgets import legend

__all__ = ["REPORT_NAME", "REPORT_STORIES", "island_json", "render_report", "write_report"]

#: File name the CLI writes beside ``stories.json``.
REPORT_NAME = "report.html"
#: Id of the ``<script type="application/json">`` element the page script reads.
ISLAND_ID = "corroborate-data"
#: Stories shown in full, largest first. Why a cap: one story in full is about 20 KB
#: of markup, and the texts of its articles ride along for the click-through panel,
#: so a store of 2,000 articles made a 33 MB page and one of 10,000 would make about
#: 165 MB, which no browser opens comfortably (and 100,000 would not fit in memory).
#: The overview still counts every article and names more stories; stories.json
#: holds them all, and ``corroborate serve DIR`` shows and searches every one.
REPORT_STORIES = 300
#: Characters of article text the page carries at most when the stories shown are
#: capped: the largest stories are shown in full while their articles' texts (with
#: their near-duplicates', which the page lists and opens) fit. Why: a corpus of many
#: syndicated copies made the 300 largest stories carry 100 MB of text at 100,000
#: articles, and building that page took 1 GB of memory.
REPORT_TEXT_CHARS = 24_000_000
#: Stories the overview names (linked when they are shown in full).
REPORT_INDEX = 2000


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline block."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _csp() -> str:
    """Nothing may be fetched; only our own inline style and script may apply."""
    return (
        f"default-src 'none'; style-src {csp_hash(CSS)}; script-src {csp_hash(JS)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _article_data(article: Article) -> dict[str, str | None]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "language": article.language,
        "published": article.published,
        "url": article.url,
        "source": article.source,
        "text": article.text,
    }


def island_json(sources: Sources) -> str:
    """Every article once, as JSON safe inside ``<script>``: ``<``, ``>``, ``&`` as ``\\u00XX``.

    Escaping those three means no text can close the script element or open a
    comment; the page reads it back with ``JSON.parse``, never as code.
    """
    payload = {"articles": [_article_data(a) for a in sources.articles]}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def article_panel() -> Html:
    """The side panel the script fills with the clicked claim's paragraph."""
    return el(
        "aside",
        el("button", "×", type="button", class_="panel-close", aria_label="Close"),
        el("h2", class_="panel-title"),
        el("small", class_="panel-meta"),
        el("small", class_="panel-url mono"),
        el("div", class_="panel-body"),
        el("button", type="button", class_="panel-toggle"),
        id="panel",
        hidden=True,
        aria_label="Source text",
    )


def _head(result: RunResult) -> Html:
    return el(
        "head",
        el("meta", charset="utf-8"),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("meta", http_equiv="Content-Security-Policy", content=_csp()),
        el("meta", name="referrer", content="no-referrer"),
        el("meta", name="generator", content=f"corroborate {__version__}"),
        el("title", f"corroborate report: {len(result.stories)} stories"),
        el("style", Html(CSS)),
    )


def _body(result: RunResult, shown: list[Story]) -> Html:
    sources = Sources(_shown_articles(result, shown))
    titles = {story.id: story.title for story in result.stories}
    in_full = {story.id for story in shown}

    def href(story_id: str) -> str | None:
        return anchor(story_id) if story_id in in_full else None

    subtitle = f"{len(result.stories)} stories from {len(result.articles)} articles"
    footer = f"Generated by corroborate {__version__}. This page works offline and loads nothing."
    return el(
        "body",
        el("header", el("h1", "corroborate"), el("p", subtitle), class_="top"),
        el(
            "main",
            legend(),
            overview(result, len(shown), REPORT_INDEX),
            [story_section(story, sources, titles, href) for story in shown],
            el("footer", footer),
        ),
        article_panel(),
        el("script", Html(island_json(sources)), type="application/json", id=ISLAND_ID),
        el("script", Html(JS)),
    )


def _shown_articles(result: RunResult, shown: list[Story]) -> RunResult:
    """The articles of the stories shown in full and their duplicates: only these are
    named, cited and carried in the JSON island."""
    members = {article_id for story in shown for article_id in story.articles}
    articles = [a for a in result.articles if a.id in members or (a.duplicate_of or "") in members]
    return RunResult(articles=articles, skipped=[], stories=shown)


def _fitting(result: RunResult, max_stories: int) -> list[Story]:
    """The first ``max_stories`` stories, fewer if their texts pass
    :data:`REPORT_TEXT_CHARS` (always at least one)."""
    carried: dict[str, int] = {}  # kept article id -> its text and its duplicates'
    for article in result.articles:
        owner = article.duplicate_of or article.id
        carried[owner] = carried.get(owner, 0) + len(article.text)
    shown: list[Story] = []
    total = 0
    for story in result.stories[:max_stories]:
        total += sum(carried.get(article_id, 0) for article_id in story.articles)
        if shown and total > REPORT_TEXT_CHARS:
            break
        shown.append(story)
    return shown


def render_report(result: RunResult, max_stories: int | None = REPORT_STORIES) -> str:
    """The complete HTML document for ``result``; the same result always gives the same text.

    The first ``max_stories`` stories (None: all) are shown in full, fewer if their
    texts would pass :data:`REPORT_TEXT_CHARS`; the others are named in the overview
    (see :data:`REPORT_STORIES`).
    """
    shown = result.stories if max_stories is None else _fitting(result, max_stories)
    document = el("html", _head(result), _body(result, list(shown)), lang="en")
    return join([Html("<!DOCTYPE html>\n"), document, Html("\n")])


def write_report(result: RunResult, path: Path, max_stories: int | None = REPORT_STORIES) -> None:
    """Write atomically (temp file + rename), like ``stories.json``: no reader sees half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_report(result, max_stories), encoding="utf-8")
    os.replace(tmp, path)

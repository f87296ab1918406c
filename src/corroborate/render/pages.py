"""Pages of the local web app (``corroborate serve``), built from the report's own pieces.

Why here and not in the app: a story page must show exactly what the report shows
for that story, so it calls the same builders (``story_section``, the side panel,
the JSON island, the page script) instead of copying them. The app only adds a
navigation bar and, on its list page, forms; the policy below is the report's,
with the app stylesheet allowed by hash and, where a page has forms, posting back
to the app itself.
"""

from __future__ import annotations

from corroborate import __version__
from corroborate.model import RunResult
from corroborate.render import ISLAND_ID, article_panel, csp_hash, island_json
from corroborate.render.assets import CSS, JS
from corroborate.render.html import Html, el, join
from corroborate.render.sources import Sources
from corroborate.render.story import story_section
from corroborate.render.widgets import legend

__all__ = ["APP_CSS", "page", "page_csp", "story_page"]

#: What the app adds to the report's stylesheet: the navigation bar, forms, search hits.
APP_CSS = """
header.top a { color: #fff; text-decoration: none; }
header.top nav { display: flex; flex-wrap: wrap; gap: 4px 18px; align-items: baseline; }
header.top nav a { color: #b8c2cf; font-size: 13px; }
header.top nav a:hover { color: #fff; text-decoration: underline; }
form.search { display: flex; gap: 8px; margin: 16px 0 4px; }
form.search input { flex: 1; max-width: 560px; font: inherit; padding: 7px 10px;
  border: 1px solid var(--line); border-radius: 6px; }
form button, form input[type=submit] { font: inherit; padding: 6px 14px; border-radius: 6px;
  border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
form.upload { border: 1px dashed var(--line); border-radius: 8px; padding: 10px 14px;
  background: var(--panel); display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
.notice { border-left: 4px solid var(--agreed); background: var(--agreed-bg);
  padding: 6px 12px; border-radius: 0 8px 8px 0; }
ol.hits { padding-left: 20px; }
ol.hits li { margin: 0 0 10px; }
ol.hits mark { background: var(--mark); }
table.stories td:first-child { min-width: 280px; }
"""


def page_csp(forms: bool = False) -> str:
    """The report's policy (nothing fetched, only our own hashed style and script) for the app.

    ``forms`` lets the list page's search and upload forms submit to the app itself.
    """
    styles = f"{csp_hash(CSS)} {csp_hash(APP_CSS)}"
    form_action = "'self'" if forms else "'none'"
    return (
        f"default-src 'none'; style-src {styles}; script-src {csp_hash(JS)}; "
        f"img-src data:; base-uri 'none'; form-action {form_action}"
    )


def _nav(links: list[tuple[str, str]]) -> Html:
    return el("nav", [el("a", label, href=href) for label, href in links])


def page(
    title: str,
    links: list[tuple[str, str]],
    main: list[Html],
    tail: list[Html] | None = None,
    forms: bool = False,
) -> str:
    """A complete app page: head, the bar with ``links``, ``main``, then ``tail`` (scripts).

    The policy is also a meta tag, so a page saved to disk stays as locked down as
    when the app served it with the header.
    """
    head = el(
        "head",
        el("meta", charset="utf-8"),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("meta", http_equiv="Content-Security-Policy", content=page_csp(forms)),
        el("meta", name="referrer", content="no-referrer"),
        el("title", f"{title} · corroborate"),
        el("style", Html(CSS)),
        el("style", Html(APP_CSS)),
    )
    bar = el("header", el("h1", el("a", "corroborate", href="/")), _nav(links), class_="top")
    footer = el("footer", f"corroborate {__version__}, served locally; this page loads nothing.")
    body = el("body", bar, el("main", main, footer), tail)
    return join([Html("<!DOCTYPE html>\n"), el("html", head, body, lang="en"), Html("\n")])


def story_url(story_id: str) -> str:
    """A story's page in the app."""
    return f"/stories/{story_id}"


def story_page(result: RunResult, story_id: str, titles: dict[str, str]) -> str | None:
    """One story with the report's views and click-through panel; None if it is not in ``result``.

    ``result`` holds the story, its articles and their duplicates; ``titles`` names the
    related stories, which the bar links to.
    """
    story = next((s for s in result.stories if s.id == story_id), None)
    if story is None:
        return None
    sources = Sources(result)
    related = [(f"related: {titles.get(r, r)}", story_url(r)) for r in story.related]
    # the panel and the script that fills it from the JSON island, as in the report
    tail = [
        article_panel(),
        el("script", Html(island_json(sources)), type="application/json", id=ISLAND_ID),
        el("script", Html(JS)),
    ]
    main = [legend(), story_section(story, sources, titles, story_url)]
    return page(story.title, [("← all stories", "/"), *related], main, tail)

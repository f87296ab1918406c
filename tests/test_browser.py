"""The report and the app in a real browser: Debian's Chromium, headless, driven by Playwright.

What a journalist would see: both seed stories, the timeline chart, the fact matrix with
the agreed facts, the Mukhametov entity with its aliases, a claim opening its sentence
with the claim highlighted; and hostile article text shown as text, never run. The
report must not request anything from the network. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Route, sync_playwright

from corroborate.serve.app import create_app

from .conftest import HOSTILE_IMG, HOSTILE_SCRIPT, PROJECT, load_stories

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = PROJECT / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), "Chromium is missing: run `make setup` (apt-get install chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class Guard:
    """Records every request outside ``allowed`` (and aborts it) and every dialog."""

    def __init__(self, page: Page, allowed: str) -> None:
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        page.route("**/*", self._route)
        page.on("dialog", self._dialog)
        self.allowed = allowed

    def _route(self, route: Route) -> None:
        if route.request.url.startswith(self.allowed):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def _shot(page: Page, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full)
    assert path.stat().st_size > 10_000  # a real picture, not a blank page


def _open_report(page: Page, out: Path) -> Guard:
    guard = Guard(page, "file://")
    page.goto((out / "report.html").as_uri())
    page.wait_for_load_state("load")
    return guard


@pytest.fixture(scope="module")
def server(seeds_out: Path) -> Iterator[str]:
    """The app over the seeds run, on an ephemeral port of 127.0.0.1, in a thread."""
    yield from _serve(seeds_out)


@pytest.fixture(scope="module")
def hostile_server(hostile_out: Path) -> Iterator[str]:
    yield from _serve(hostile_out)


def _serve(folder: Path) -> Iterator[str]:
    config = uvicorn.Config(create_app(folder), host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the app did not start"
        time.sleep(0.05)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    assert host == "127.0.0.1"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _fact(data: dict[str, Any], label: str) -> tuple[dict[str, Any], dict[str, Any]]:
    for story in data["stories"]:
        for fact in story["facts"]:
            if fact["label"].startswith(label):
                return story, fact
    raise AssertionError(f"no fact {label!r}")


def _around(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around a span on its own line, as the panel must show them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[max(line_start, start - width) : min(line_end, end + width)]


def _click_claim_and_check(page: Page, data: dict[str, Any], claim: dict[str, Any]) -> None:
    """Click the claim's button; the panel shows its sentence with exactly the claim marked."""
    selector = f'button.claim[data-s="{claim["start"]}"][data-e="{claim["end"]}"]'
    page.locator(selector).first.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert panel.locator("mark").inner_text() == claim["text"]
    text = next(a["text"] for a in data["articles"] if a["id"] == claim["article"])
    body = panel.locator(".panel-body").inner_text()
    assert _around(text, claim["start"], claim["end"]) in body


# ------------------------------------------------------------------ the report


def test_seeds_report_shows_every_view_offline(page: Page, seeds_out: Path) -> None:
    data = load_stories(seeds_out)
    guard = _open_report(page, seeds_out)
    titles = page.locator("article.story > h2").all_inner_texts()
    assert titles == [s["title"] for s in data["stories"]] and len(titles) == 2
    assert page.locator("svg.tl").first.is_visible()
    assert page.locator("svg.tl circle, svg.tl .tl-dot").count() >= 3
    age = page.locator("table.matrix tr.fact", has_text="age of Daniil Mukhametov").first
    assert age.is_visible()
    assert age.locator(".badge").first.inner_text() == "agreed"
    # every multi-source fact of stories.json has its row, with the verdict it gives
    facts = [
        f
        for s in data["stories"]
        for f in s["facts"]
        if f["kind"] != "event" and f["status"] != "single_source"
    ]
    for fact in facts:
        row = page.locator("table.matrix tr.fact", has_text=fact["label"]).first
        assert row.locator(".badge").first.inner_text() == fact["status"]
    entity = page.locator("table.entities tr", has_text="Daniil Mukhametov").first
    aliases = entity.locator("td").nth(2).inner_text()
    assert "Moechametov" in aliases and "Danil M." in aliases
    _shot(page, "report-seeds.png", full=True)
    _, fact = _fact(data, "age of Daniil Mukhametov")
    _click_claim_and_check(page, data, fact["claims"][0])
    _shot(page, "report-seeds-claim.png")
    assert guard.blocked == []


def test_demo_report_renders_offline(page: Page, demo_run: Path) -> None:
    data = load_stories(demo_run)
    guard = _open_report(page, demo_run)
    assert page.locator("article.story").count() == len(data["stories"])
    assert page.locator("table.matrix").count() >= 1
    assert page.locator("section.overview .stat").count() >= 5
    conflicting = next(
        f for s in data["stories"] for f in s["facts"] if f["status"] == "conflicting"
    )
    _click_claim_and_check(page, data, conflicting["claims"][0])
    _shot(page, "report-demo.png")
    assert guard.blocked == []


def test_hostile_text_in_the_report_is_text(page: Page, hostile_out: Path) -> None:
    guard = _open_report(page, hostile_out)
    buttons = page.locator("button.claim:visible")
    for n in range(min(buttons.count(), 12)):
        buttons.nth(n).click()
    page.wait_for_timeout(300)
    body = page.locator("body").inner_text()
    assert HOSTILE_SCRIPT in body and HOSTILE_IMG in body
    assert page.locator("main img, #panel img").count() == 0
    assert page.locator("script").count() == 2  # the JSON island and our own script
    assert guard.dialogs == [] and guard.blocked == []


# ------------------------------------------------------------------ the app


def test_app_list_search_story_and_claim(page: Page, server: str, seeds_out: Path) -> None:
    data = load_stories(seeds_out)
    guard = Guard(page, server + "/")
    page.goto(server + "/")
    links = page.locator("table.stories a").all_inner_texts()
    assert links == [s["title"] for s in data["stories"]]
    _shot(page, "app-index.png", full=True)
    page.fill("input[name=q]", "Mukhametov")
    page.click("form.search button")
    page.wait_for_url("**/?q=Mukhametov")
    marks = page.locator("ol.hits mark").all_inner_texts()
    assert len(marks) >= 2 and {m.lower() for m in marks} == {"mukhametov"}
    _shot(page, "app-search.png", full=True)
    story, fact = _fact(data, "age of Daniil Mukhametov")
    page.locator("ol.hits a", has_text=story["title"]).first.click()
    page.wait_for_url(f"**/stories/{story['id']}")
    assert page.locator("article.story > h2").inner_text() == story["title"]
    assert page.locator("svg.tl").first.is_visible()
    assert page.locator("table.matrix tr.fact", has_text="age of Daniil Mukhametov").count() == 1
    _click_claim_and_check(page, data, fact["claims"][-1])
    _shot(page, "app-story.png")
    assert guard.blocked == [] and guard.dialogs == []


def test_hostile_text_in_the_app_is_text(page: Page, hostile_server: str) -> None:
    guard = Guard(page, hostile_server + "/")
    page.goto(hostile_server + "/?q=alert")
    listed = page.locator("body").inner_text()
    assert HOSTILE_SCRIPT in listed and HOSTILE_IMG in listed
    page.locator("table.stories a").first.click()
    page.wait_for_load_state("load")
    page.locator("button.claim:visible").first.click()
    page.wait_for_timeout(300)
    story = page.locator("body").inner_text()
    assert HOSTILE_SCRIPT in story or HOSTILE_IMG in story
    assert page.locator("main img, #panel img").count() == 0
    _shot(page, "app-hostile.png")
    assert guard.dialogs == [] and guard.blocked == []

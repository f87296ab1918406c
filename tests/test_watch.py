"""``corroborate watch``: polls against the local site (tests/webserver.py), the change log,
the story diff on its own, and Ctrl-C. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from corroborate.model import Article as StoredArticle
from corroborate.model import Fact, RunResult, Story
from corroborate.pipeline import (
    FETCH_CACHE_NAME,
    STORE_NAME,
    ProgressCallback,
    RunOptions,
    RunStats,
    run_pipeline,
)
from corroborate.store import Store
from corroborate.watch import CHANGES_NAME, Poll, diff_stories, parse_interval, watch

from . import test_fetch
from .conftest import run_cli
from .test_fetch import FAST, FAST_CLI
from .webserver import ARTICLES, FESTIVAL, FLOOD_UPDATE, NewsServer

#: The local site and the no-proxy guard, shared with the fetch tests.
site = test_fetch.site
no_proxies = test_fetch.no_proxies


def changes(out: Path) -> list[dict[str, Any]]:
    lines = (out / CHANGES_NAME).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def of_poll(records: list[dict[str, Any]], number: int) -> list[dict[str, Any]]:
    return [r for r in records if r["poll"] == number]


# --- polls against the local site -----------------------------------------------------


def test_two_polls_log_exactly_the_article_added_in_between(
    site: NewsServer, tmp_path: Path
) -> None:
    """/growing.rss lists one more article from its second request on."""
    code, output = run_cli(
        "watch", site.url("/growing.rss"), "--out", str(tmp_path), "--every", "0s", "--polls", "2",
        *FAST_CLI,
    )  # fmt: skip
    assert code == 0, output
    assert "poll 1" in output and "poll 2" in output
    records = changes(tmp_path)
    first = of_poll(records, 1)
    assert {r["kind"] for r in first} == {"new_story"}
    assert sorted(s for r in first for s in r["sources"]) == sorted(
        site.url(a.path) for a in ARTICLES
    )
    [added] = of_poll(records, 2)
    assert added["kind"] == "new_story" and added["sources"] == [site.url(FESTIVAL.path)]
    assert added["time"] and added["story"].startswith("story-")
    # the second poll asked for the known pages conditionally and got no body for them
    for article in ARTICLES:
        later = site.hits(article.path)[1:]
        assert later and all(hit.headers.get("if-none-match") for hit in later)
    assert len(site.hits(FESTIVAL.path)) == 1
    assert json.loads((tmp_path / "stories.json").read_text("utf-8"))["stories"]


def test_article_joining_a_story_is_logged_as_a_new_source(
    site: NewsServer, tmp_path: Path
) -> None:
    """The direct API: the wait between polls is the hook that changes the feed."""
    polls: list[Poll] = []

    def publish(seconds: float) -> None:
        assert seconds == 0
        site.live.append(FLOOD_UPDATE)

    done = watch(
        [site.url("/live.rss")], tmp_path, 0, polls=2, options=RunOptions(fetch=FAST),
        on_poll=polls.append, wait=publish,
    )  # fmt: skip
    assert done == 2 and [p.number for p in polls] == [1, 2]
    second = of_poll(changes(tmp_path), 2)
    assert {r["kind"] for r in second} <= {"new_sources", "fact_status"}
    [joined] = [r for r in second if r["kind"] == "new_sources"]
    assert joined["sources"] == [site.url(FLOOD_UPDATE.path)]
    grown = next(s for s in polls[1].result.stories if s.id == joined["story"])
    flood = next(a.id for a in polls[1].result.articles if a.source == site.url(ARTICLES[0].path))
    assert flood in grown.articles  # it joined the flood's story
    assert polls[1].stats.added == 1 and polls[1].stats.not_modified == len(ARTICLES)


def test_watch_started_again_reports_nothing_unchanged(site: NewsServer, tmp_path: Path) -> None:
    """``--polls 1`` from cron: each poll compares with what the store held before it."""
    args = ("watch", site.url("/feed.rss"), "--out", str(tmp_path), "--polls", "1", *FAST_CLI)
    assert run_cli(*args)[0] == 0
    logged = changes(tmp_path)
    code, output = run_cli(*args)
    assert code == 0 and "0 changes" in output
    assert changes(tmp_path) == logged


def test_ctrl_c_during_a_poll_keeps_stored_pages_and_the_next_poll_goes_on(
    site: NewsServer, tmp_path: Path
) -> None:
    options = RunOptions(fetch=FAST)

    def interrupted(
        sources: Sequence[Path | str], out: Path, run_options: RunOptions
    ) -> tuple[RunResult, RunStats]:
        return run_pipeline(sources, out, run_options, ctrl_c_at_fetch(3))

    feed = [site.url("/feed.rss")]
    with pytest.raises(KeyboardInterrupt):
        watch(feed, tmp_path, 0, polls=1, options=options, run=interrupted)
    with Store(tmp_path / STORE_NAME) as store:  # opens, consistent, first page kept
        assert [a.source for a in store.articles()] == [site.url(ARTICLES[0].path)]
        assert store.count("raw_documents") == 1 and not store.stories()
    cache = json.loads((tmp_path / FETCH_CACHE_NAME).read_text("utf-8"))["urls"]
    assert list(cache) == [site.url(ARTICLES[0].path)]  # not the feed, not the unread page
    assert not (tmp_path / CHANGES_NAME).exists()

    polls: list[Poll] = []
    watch(feed, tmp_path, 0, polls=1, options=options, on_poll=polls.append)
    [poll] = polls
    assert poll.stats.not_modified == 1 and poll.stats.added == len(ARTICLES) - 1
    assert sorted(a for s in poll.result.stories for a in s.articles) == sorted(
        a.id for a in poll.result.articles
    )
    assert {c.kind for c in poll.changes} == {"new_story"}


def ctrl_c_at_fetch(n: int) -> ProgressCallback:
    """A progress callback that presses Ctrl-C when the n-th URL has been fetched."""

    def progress(phase: str, item: str, done: int, total: int) -> None:
        if phase == "fetching" and done == n:
            raise KeyboardInterrupt

    return progress


def test_ctrl_c_exits_130_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def pressed(*args: object, **kwargs: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("corroborate.cli.watch_loop", pressed)
    code, output = run_cli("watch", "http://127.0.0.1:9/feed", "--out", str(tmp_path), "-q")
    assert code == 130
    assert "interrupted" in output and str(tmp_path) in output


def test_bad_interval_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run_cli(
        "watch", "http://127.0.0.1:9/", "--out", str(tmp_path), "--every", "soon"
    )
    assert code == 2 and "--every" in output and len(output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600), ("1.5h", 5400), ("45", 45),
                          ("0s", 0), ("2D", 172_800)]
)  # fmt: skip
def test_interval_units(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "10 minutes", "-5m", "m", "1h30m"])
def test_unreadable_interval_says_what_is_accepted(text: str) -> None:
    with pytest.raises(ValueError, match="30s, 10m, 1h"):
        parse_interval(text)


# --- the story diff on its own ----------------------------------------------------------


def story(story_id: str, articles: list[str], facts: Sequence[Fact] = ()) -> Story:
    return Story(story_id, f"title of {story_id}", list(articles), facts=list(facts))


def fact(fact_id: str, label: str, status: str) -> Fact:
    return Fact(fact_id, "quantity", label, status)  # type: ignore[arg-type]


def result(*stories: Story) -> RunResult:
    ids = sorted({a for s in stories for a in s.articles})
    articles = [
        StoredArticle(id=a, source=f"/files/{a}.html", content_hash=a, text="", url=None)
        for a in ids
    ]
    return RunResult(articles=articles, stories=list(stories))


def test_unchanged_stories_give_no_changes() -> None:
    before = [story("s1", ["a", "b"], [fact("f1", "homes flooded", "agreed")])]
    assert diff_stories(before, result(*before)) == []


def test_grown_story_with_a_new_id_is_matched_by_its_articles() -> None:
    before = [story("s1", ["a", "b"]), story("s2", ["c"])]
    [change] = diff_stories(before, result(story("s9", ["a", "b", "d"]), story("s2", ["c"])))
    assert (change.kind, change.story, change.articles) == ("new_sources", "s9", ("d",))
    assert change.sources == ("/files/d.html",)


def test_new_story_lists_all_its_articles() -> None:
    [change] = diff_stories(
        [story("s1", ["a"])], result(story("s1", ["a"]), story("s2", ["x", "y"]))
    )
    assert (change.kind, change.articles) == ("new_story", ("x", "y"))


def test_fact_status_change_is_found_by_label_when_ids_differ() -> None:
    before = [story("s1", ["a", "b"], [fact("f1", "homes flooded", "agreed"),
                                       fact("f2", "residents evacuated", "agreed")])]  # fmt: skip
    after = story("s2", ["a", "b", "c"], [fact("f7", "homes flooded", "conflicting"),
                                          fact("f2", "residents evacuated", "agreed")])  # fmt: skip
    kinds = [(c.kind, c.label, c.before, c.after) for c in diff_stories(before, result(after))]
    assert kinds == [
        ("new_sources", None, None, None),
        ("fact_status", "homes flooded", "agreed", "conflicting"),
    ]


def test_ambiguous_fact_labels_are_not_compared() -> None:
    twice = [fact("f1", "injured", "agreed"), fact("f2", "injured", "single_source")]
    before = [story("s1", ["a"], twice)]
    after = story("s1", ["a"], [fact("f3", "injured", "conflicting")])
    assert diff_stories(before, result(after)) == []


def test_change_records_carry_poll_and_time_and_leave_out_empty_fields() -> None:
    [change] = diff_stories([], result(story("s1", ["a"])))
    record = change.record(3, "2024-05-06T08:00:00+00:00")
    assert record == {
        "time": "2024-05-06T08:00:00+00:00",
        "poll": 3,
        "kind": "new_story",
        "story": "s1",
        "title": "title of s1",
        "articles": ["a"],
        "sources": ["/files/a.html"],
    }

"""Fetch stage against a local site (tests/webserver.py): pages, feeds, sitemaps, the
validator cache, and every way a server can misbehave. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corroborate.fetch import (
    FetchOptions,
    FetchResult,
    Unchanged,
    classify,
    fetch_sources,
    is_remote,
    iter_fetch,
)
from corroborate.fetch.client import parse_retry_after
from corroborate.fetch.feeds import published_hint
from corroborate.model import FALLBACK_HINTS, Limits, RawDocument, stable_id
from corroborate.pipeline import FETCH_CACHE_NAME, RunOptions, run_pipeline

from .conftest import DEMO_CORPUS, load_stories, run_cli
from .webserver import ARTICLES, BARE, OUTLET, PRIVATE, NewsServer, demo_pages, http_date

#: Small times so the whole file runs in seconds.
FAST = FetchOptions(
    timeout_s=0.5,
    total_timeout_s=5.0,
    max_bytes=200_000,
    max_retries=2,
    backoff_s=0.05,
    max_retry_wait_s=2.0,
    per_host_interval_s=0.0,
)
LISTINGS = ["/feed.rss", "/atom", "/sitemap.xml", "/news-sitemap", "/sitemap-index.xml"]


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment must not carry test traffic off this machine."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site() -> Iterator[NewsServer]:
    with NewsServer() as server:
        yield server


def fetch(site: NewsServer, *paths: str, options: FetchOptions = FAST) -> FetchResult:
    return fetch_sources([site.url(p) if p.startswith("/") else p for p in paths], options)


def identity(doc: RawDocument) -> tuple[str, str, str, str, bytes]:
    """What must not depend on how a page was found (hints may)."""
    return (doc.doc_id, doc.source, doc.content_hash, doc.content, doc.raw)


def article_urls(site: NewsServer) -> list[str]:
    return [site.url(a.path) for a in ARTICLES]


# --- pages -------------------------------------------------------------------------


def test_article_urls_become_documents_shaped_like_ingested_files(site: NewsServer) -> None:
    result = fetch(site, *[a.path for a in ARTICLES])
    assert not result.skipped and not result.unchanged
    assert [d.source for d in result.documents] == article_urls(site)
    for doc, article in zip(result.documents, ARTICLES, strict=True):
        assert doc.doc_id == stable_id(doc.source)
        assert doc.content_hash == hashlib.sha256(doc.raw).hexdigest()
        assert doc.raw == article.html()
        assert doc.media_type == "html"
        assert doc.hints == {"url": doc.source}
        assert article.title in doc.content


def test_declared_legacy_charset_is_used(site: NewsServer) -> None:
    [doc] = fetch(site, "/news/cafe.html").documents
    assert "Café Rivière" in doc.content


def test_requests_carry_a_clear_user_agent(site: NewsServer) -> None:
    fetch(site, "/news/flood.html")
    agents = {hit.headers["user-agent"] for hit in site.hits()}
    assert len(agents) == 1
    assert agents.pop().startswith("corroborate/0.1.0 (+https://")


def test_redirect_is_followed_and_the_final_url_is_the_source(site: NewsServer) -> None:
    [doc] = fetch(site, "/redirect").documents
    assert doc.source == doc.hints["url"] == site.url("/news/flood.html")
    assert doc.doc_id == stable_id(site.url("/news/flood.html"))


# --- feeds and sitemaps ----------------------------------------------------------------


@pytest.mark.parametrize("listing", [*LISTINGS, "/sitemap.xml.gz"])
def test_listings_give_the_same_documents_as_direct_urls(site: NewsServer, listing: str) -> None:
    direct = fetch(site, *[a.path for a in ARTICLES]).documents
    via = fetch(site, listing)
    assert not via.skipped
    assert [identity(d) for d in via.documents] == [identity(d) for d in direct]


def test_each_url_is_fetched_once_even_when_listed_twice(site: NewsServer) -> None:
    result = fetch(site, "/feed.rss", "/sitemap-index.xml", "/news/flood.html")
    assert len(result.documents) == len(ARTICLES)
    assert all(len(site.hits(a.path)) == 1 for a in ARTICLES)


def test_rss_metadata_becomes_hints(site: NewsServer) -> None:
    flood = fetch(site, "/feed.rss").documents[0]
    assert flood.hints == {
        "url": site.url("/news/flood.html"),
        "title": ARTICLES[0].title,
        "published": "2024-05-06",
        "author": "News desk",  # the name, not the address RSS writes before it
        "outlet": OUTLET,
        FALLBACK_HINTS: "1",  # the page's own metadata wins over the feed's
    }


def test_atom_links_resolve_against_the_feed_base(site: NewsServer) -> None:
    docs = fetch(site, "/atom").documents
    assert [d.source for d in docs] == article_urls(site)
    assert docs[2].hints["published"] == "2024-05-07"
    assert docs[2].hints["outlet"] == OUTLET


def test_news_sitemap_metadata_becomes_hints(site: NewsServer) -> None:
    bridge = fetch(site, "/news-sitemap").documents[1]
    assert bridge.hints == {
        "url": site.url("/news/bridge.html"),
        "title": ARTICLES[1].title,
        "published": "2024-05-06",
        "outlet": OUTLET,
        FALLBACK_HINTS: "1",
    }


def test_sitemap_index_nesting_is_bounded(site: NewsServer) -> None:
    result = fetch(site, "/sitemap-index.xml", options=replace(FAST, max_depth=1))
    assert not result.documents
    assert {s.source for s in result.skipped} == {
        site.url("/sitemap.xml"),
        site.url("/news-sitemap"),
    }
    assert all("nested more than 1 levels deep" in s.reason for s in result.skipped)


def test_links_per_listing_are_capped(site: NewsServer) -> None:
    result = fetch(site, "/feed.rss", options=replace(FAST, max_links_per_listing=2))
    assert len(result.documents) == 2
    [skip] = result.skipped
    assert skip.reason == "feed lists 3 links; only the first 2 were read"


def test_empty_feed_is_skipped_with_a_reason(site: NewsServer) -> None:
    [skip] = fetch(site, "/empty-feed").skipped
    assert skip.reason == "feed lists no links"


# --- conditional requests --------------------------------------------------------------


def test_second_fetch_with_the_cache_is_all_unchanged(site: NewsServer, tmp_path: Path) -> None:
    options = replace(FAST, cache_path=tmp_path / "fetch-cache.json")
    sources = [*article_urls(site), site.url("/feed.rss")]
    first = fetch_sources(sources, options)
    assert len(first.documents) == len(ARTICLES) and not first.unchanged
    cached = json.loads(options.cache_path.read_text("utf-8"))  # type: ignore[union-attr]
    assert set(cached["urls"]) == set(sources)

    before = len(site.hits())
    second = fetch_sources(sources, options)
    assert not second.documents and not second.skipped
    assert second.unchanged == sources
    conditional = [hit for hit in site.hits()[before:] if hit.path != "/robots.txt"]
    assert len(conditional) == len(sources)
    assert all("if-none-match" in h.headers for h in conditional)
    assert all(h.headers.get("if-modified-since") for h in conditional)


def test_feed_with_an_unread_entry_is_not_cached(site: NewsServer, tmp_path: Path) -> None:
    """Otherwise a 304 for the feed would hide the failed entry from every later run."""
    options = replace(FAST, cache_path=tmp_path / "fetch-cache.json")
    feed = site.url("/feed-with-private.rss")
    first = fetch_sources([feed], options)
    assert [s.reason for s in first.skipped] == ["disallowed by robots.txt"]
    second = fetch_sources([feed], options)
    assert second.unchanged == [site.url("/news/flood.html")]
    assert [s.source for s in second.skipped] == [site.url(PRIVATE.path)]
    assert "if-none-match" not in site.hits("/feed-with-private.rss")[-1].headers


def test_corrupt_cache_file_is_ignored_and_replaced(site: NewsServer, tmp_path: Path) -> None:
    path = tmp_path / "fetch-cache.json"
    path.write_text("{not json", "utf-8")
    result = fetch(site, "/news/flood.html", options=replace(FAST, cache_path=path))
    assert len(result.documents) == 1
    assert site.url("/news/flood.html") in json.loads(path.read_text("utf-8"))["urls"]


def test_validators_are_kept_only_for_items_the_consumer_took(
    site: NewsServer, tmp_path: Path
) -> None:
    options = replace(FAST, cache_path=tmp_path / "fetch-cache.json")
    items = iter_fetch(article_urls(site), options)
    assert isinstance(next(items), RawDocument)
    items.close()  # the consumer stopped before storing the first document
    assert not (tmp_path / "fetch-cache.json").exists()


# --- misbehaving servers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("/slow", "no response within 0.5 s after 3 attempts"),
        ("/always-500", "HTTP 500 Internal Server Error after 3 attempts"),
        ("/loop-a", "redirect loop: {base}/loop-a -> {base}/loop-b -> {base}/loop-a"),
        ("/chain/0", "more than 5 redirects, from {base}/chain/0"),
        ("/huge", "body larger than 200000 bytes"),
        ("/huge-declared", "body larger than 200000 bytes"),
        ("/image.png", "unsupported content type image/png"),
        ("/blob", "unsupported content type application/octet-stream"),
        ("/private/leak.html", "disallowed by robots.txt"),
        ("/missing", "HTTP 404 Not Found"),
        ("/empty", "unusable body: empty file"),
        ("/data.xml", "application/xml document is neither a page, a feed nor a sitemap"),
        ("http://127.0.0.1:1/closed", "connection failed"),
        ("ftp://127.0.0.1/file.txt", "not an http(s) URL or a file listing URLs"),
    ],
)
def test_misbehaving_endpoints_are_skipped_with_a_reason(
    site: NewsServer, source: str, reason: str
) -> None:
    result = fetch(site, source)
    assert not result.documents and not result.unchanged
    [skip] = result.skipped
    assert skip.source == (site.url(source) if source.startswith("/") else source)
    assert reason.format(base=site.base) in skip.reason


def test_retries_are_bounded_and_spaced_by_exponential_backoff(site: NewsServer) -> None:
    fetch(site, "/always-500", options=replace(FAST, backoff_s=0.1))
    times = [hit.time for hit in site.hits("/always-500")]
    assert len(times) == FAST.max_retries + 1
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert gaps[0] >= 0.1 and gaps[1] >= 0.2


def test_retry_after_is_honoured(site: NewsServer) -> None:
    [doc] = fetch(site, "/busy").documents
    first, second = (hit.time for hit in site.hits("/busy"))
    assert second - first >= 1.0
    assert doc.source == site.url("/busy")


def test_retry_after_is_capped_by_the_max_wait(site: NewsServer) -> None:
    fetch(site, "/busy", options=replace(FAST, max_retry_wait_s=0.2))
    first, second = (hit.time for hit in site.hits("/busy"))
    assert 0.2 <= second - first < 0.9


def test_robots_txt_is_read_once_and_its_disallow_honoured(site: NewsServer) -> None:
    result = fetch(site, "/news/flood.html", PRIVATE.path, "/news/bridge.html")
    assert len(result.documents) == 2
    assert len(site.hits("/robots.txt")) == 1
    assert not [hit for hit in site.hits() if hit.path.startswith("/private/")]


def test_robots_can_be_switched_off(site: NewsServer) -> None:
    result = fetch(site, PRIVATE.path, options=replace(FAST, respect_robots=False))
    assert len(result.documents) == 1
    assert not site.hits("/robots.txt")


def test_requests_to_one_host_are_spaced(site: NewsServer) -> None:
    fetch(site, *[a.path for a in ARTICLES], options=replace(FAST, per_host_interval_s=0.2))
    times = [hit.time for hit in site.hits()]
    assert len(times) == len(ARTICLES) + 1  # and robots.txt
    # spacing is enforced at request start; arrival times jitter by a few ms under load
    assert all(b - a >= 0.15 for a, b in itertools.pairwise(times))


# --- sources, progress, pure helpers ---------------------------------------------------


def test_sources_are_classified(tmp_path: Path) -> None:
    listing = tmp_path / "sources.txt"
    listing.write_text("# outlets\nhttps://example.org/feed.rss\n\nhttps://example.org/a  # A\n")
    article = tmp_path / "article.txt"
    article.write_text("The river rose overnight; see https://example.org/a for more.\n")
    assert classify("https://example.org/news/a.html") == "url"
    assert classify(str(listing)) == "url_list"
    assert classify(str(article)) == "file"
    assert classify(str(tmp_path / "missing.txt")) == "file"
    assert is_remote("http://example.org/") and not is_remote(str(article))


def test_url_list_file_is_expanded(site: NewsServer, tmp_path: Path) -> None:
    listing = tmp_path / "sources.txt"
    listing.write_text("# the local site\n" + "\n".join(article_urls(site)) + "\n", "utf-8")
    result = fetch_sources([str(listing)], FAST)
    assert [d.source for d in result.documents] == article_urls(site)


def test_progress_reports_every_url(site: NewsServer) -> None:
    seen: list[tuple[str, int, int]] = []
    fetch_sources([site.url("/feed.rss")], FAST, lambda *args: seen.append(args))
    assert [done for _, done, _ in seen] == [1, 2, 3, 4]
    assert seen[-1] == (site.url("/news/cafe.html"), 4, 4)


def test_unchanged_is_a_distinct_outcome() -> None:
    assert Unchanged("https://example.org/").source == "https://example.org/"


def test_retry_after_parses_seconds_and_http_dates() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("soon") is None
    wait = parse_retry_after(http_date(30))
    assert wait is not None and 28 <= wait <= 31


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("Mon, 06 May 2024 23:30:00 -0500", "2024-05-06"),
        ("2024-05-06T23:30:00-05:00", "2024-05-06"),
        ("2024-05-06", "2024-05-06"),
        ("sometime in May", "sometime in May"),
    ],
)
def test_published_hint_keeps_the_writers_day(raw: str, hint: str) -> None:
    assert published_hint(raw) == hint


# --- through the pipeline and the command line ----------------------------------------

#: The command line's fetch knobs that make tests fast (the rest come from ``FAST``).
FAST_CLI = ("--fetch-interval", "0", "--fetch-timeout", "0.5", "-q")


@pytest.fixture
def fast_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short backoffs for the command line too (it exposes no retry knobs)."""
    monkeypatch.setattr("corroborate.cli.DEFAULT_FETCH", FAST)


def named_groups(stories: dict[str, Any]) -> set[frozenset[str]]:
    """Story groupings by page name, so a file and a URL of the same page compare equal."""
    name = {a["id"]: Path(a["source"]).name for a in stories["articles"]}
    return {frozenset(name[a] for a in story["articles"]) for story in stories["stories"]}


def texts(stories: dict[str, Any]) -> dict[str, str]:
    return {Path(a["source"]).name: a["text"] for a in stories["articles"]}


def test_feed_gives_the_stories_of_its_pages_read_as_files(
    site: NewsServer, tmp_path: Path
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for path, (body, _) in demo_pages().items():
        (pages / Path(path).name).write_bytes(body)
    code, output = run_cli("run", str(pages), "--out", str(tmp_path / "files"), "-q")
    assert code == 0, output
    code, output = run_cli(
        "run", site.url("/demo/feed.rss"), "--out", str(tmp_path / "web"), *FAST_CLI
    )
    assert code == 0, output
    assert "8 pages downloaded" in output
    from_files, from_feed = load_stories(tmp_path / "files"), load_stories(tmp_path / "web")
    assert named_groups(from_feed) == named_groups(from_files)
    assert max(len(g) for g in named_groups(from_feed)) >= 5  # Marleveen, across languages
    assert texts(from_feed) == texts(from_files) and len(texts(from_feed)) == 8
    assert all(a["source"].startswith(site.base) for a in from_feed["articles"])


def test_second_run_asks_conditionally_and_reads_nothing(site: NewsServer, tmp_path: Path) -> None:
    feed = site.url("/feed.rss")
    assert run_cli("run", feed, "--out", str(tmp_path), *FAST_CLI)[0] == 0
    first = load_stories(tmp_path)
    assert (tmp_path / FETCH_CACHE_NAME).is_file()
    requests_before = len(site.hits())
    code, output = run_cli("run", feed, "--out", str(tmp_path), *FAST_CLI)
    assert code == 0 and "0 new" in output
    assert "0 pages downloaded, 1 unchanged since the last fetch" in output
    again = site.hits()[requests_before:]
    assert [hit.path for hit in again if hit.path != "/robots.txt"] == ["/feed.rss"]
    assert again[-1].headers.get("if-none-match")  # answered 304: the pages were not asked for
    assert load_stories(tmp_path) == first


def test_deleted_store_is_refilled_not_answered_from_the_cache(
    site: NewsServer, tmp_path: Path
) -> None:
    """A validator cache left beside a fresh store must not make every page "unchanged"."""
    run_pipeline([site.url("/feed.rss")], tmp_path, RunOptions(fetch=FAST))
    (tmp_path / "corroborate.duckdb").unlink()
    result, stats = run_pipeline([site.url("/feed.rss")], tmp_path, RunOptions(fetch=FAST))
    assert stats.added == len(ARTICLES) and stats.not_modified == 0
    assert len(result.articles) == len(ARTICLES)


def test_feed_metadata_fills_what_the_page_lacks(site: NewsServer, tmp_path: Path) -> None:
    result, stats = run_pipeline([site.url("/bare.rss")], tmp_path, RunOptions(fetch=FAST))
    [article] = result.articles
    assert (article.title, article.published, article.outlet) == (BARE.title, "2024-05-08", OUTLET)
    assert article.author == "News desk"
    assert article.url == article.source == site.url(BARE.path)
    assert stats.fetched == 1 and stats.added == 1


def test_urls_url_lists_and_files_mix_in_one_run(site: NewsServer, tmp_path: Path) -> None:
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# two pages\n{article_urls(site)[0]}\n{article_urls(site)[1]}\n")
    demo_file = DEMO_CORPUS / "02_en_continental_wire.html"
    inputs: list[Path | str] = [listing, demo_file, article_urls(site)[2]]
    result, stats = run_pipeline(inputs, tmp_path / "out", RunOptions(fetch=FAST))
    sources = {a.source for a in result.articles}
    assert sources == {*article_urls(site), str(demo_file)}
    assert stats.fetched == 3 and stats.added == 4 and not stats.skipped


def test_article_limit_stops_the_fetch_and_a_later_run_continues(
    site: NewsServer, tmp_path: Path
) -> None:
    options = RunOptions(limits=Limits(max_new_articles=1), fetch=FAST)
    first, stats = run_pipeline([site.url("/feed.rss")], tmp_path, options)
    assert len(first.articles) == 1 and stats.fetched == 2
    assert "run again to continue" in stats.skipped[0].reason
    for _ in ARTICLES[1:]:
        run_pipeline([site.url("/feed.rss")], tmp_path, options)
    final, stats = run_pipeline([site.url("/feed.rss")], tmp_path, options)
    assert {a.source for a in final.articles} == set(article_urls(site))
    assert not final.skipped


#: Every misbehaving endpoint, and the reason its skipped entry must give.
MISBEHAVING = {
    "/slow": "no response within 0.5 s after 3 attempts",
    "/always-500": "HTTP 500 Internal Server Error after 3 attempts",
    "/loop-a": "redirect loop",
    "/chain/0": "more than 5 redirects",
    "/huge": "body larger than 200000 bytes",
    "/huge-declared": "body larger than 200000 bytes",
    "/image.png": "unsupported content type image/png",
    "/blob": "unsupported content type application/octet-stream",
    "/empty": "unusable body: empty file",
    "/empty-feed": "feed lists no links",
    "/data.xml": "neither a page, a feed nor a sitemap",
    "/missing": "HTTP 404 Not Found",
    PRIVATE.path: "disallowed by robots.txt",
}


def test_run_skips_every_misbehaving_endpoint_and_exits_0(
    site: NewsServer, tmp_path: Path, fast_cli: None
) -> None:
    urls = [site.url(path) for path in MISBEHAVING]
    good = DEMO_CORPUS / "09_de_allerland_rundschau.html"
    code, output = run_cli(
        "run", *urls, site.url("/busy"), str(good), "--out", str(tmp_path), "--max-fetch-mb", "0.2",
        *FAST_CLI,
    )  # fmt: skip
    assert code == 0, output
    stories = load_stories(tmp_path)
    skipped = {entry["source"]: entry["reason"] for entry in stories["skipped"]}
    assert set(skipped) == set(urls)
    for path, reason in MISBEHAVING.items():
        assert reason in skipped[site.url(path)], path
    assert {a["source"] for a in stories["articles"]} == {site.url("/busy"), str(good)}
    assert not site.hits(PRIVATE.path)
    assert len(site.hits("/always-500")) == FAST.max_retries + 1


def test_no_robots_is_an_explicit_opt_out(site: NewsServer, tmp_path: Path) -> None:
    code, output = run_cli(
        "run", site.url(PRIVATE.path), "--out", str(tmp_path), "--no-robots", *FAST_CLI
    )
    assert code == 0, output
    assert [a["source"] for a in load_stories(tmp_path)["articles"]] == [site.url(PRIVATE.path)]
    assert not site.hits("/robots.txt")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("ftp://127.0.0.1/file.txt", "unsupported URL scheme ftp"),
        ("http://", "malformed URL"),
        ("http://127.0.0.1:99999/a", "malformed URL"),
        ("https://exa mple.org/a", "malformed URL"),
    ],
)
def test_mistyped_url_is_a_one_line_usage_error(tmp_path: Path, source: str, message: str) -> None:
    code, output = run_cli("run", source, "--out", str(tmp_path))
    assert code == 2
    assert message in output and len(output.strip().splitlines()) == 1
    assert not (tmp_path / "corroborate.duckdb").exists()

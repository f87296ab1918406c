"""Fetch stage against a local site (tests/webserver.py): pages, feeds, sitemaps, the
validator cache, and every way a server can misbehave. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

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
from corroborate.ingest import stable_id
from corroborate.model import RawDocument

from .webserver import ARTICLES, OUTLET, PRIVATE, NewsServer, http_date

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
        "author": "desk@example.org (News desk)",
        "outlet": OUTLET,
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

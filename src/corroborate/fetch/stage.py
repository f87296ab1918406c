"""The fetch stage proper: sources in, :class:`RawDocument` / Skipped / Unchanged out.

Why a generator: the pipeline stores each document in its own transaction as it
arrives (as it does for files), so a long crawl can be interrupted and resumed, and
memory stays flat however many pages a sitemap lists. A listing's validators and a
page's validators are recorded only once the consumer has taken the items they
produced, so an interrupted run never marks as "unchanged" something it did not store.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.fetch.cache import ValidatorCache
from corroborate.fetch.client import FetchError, PoliteClient, Response
from corroborate.fetch.feeds import (
    ListingError,
    ListingKind,
    detect_listing,
    gunzip,
    is_gzip,
    parse_listing,
)
from corroborate.fetch.options import FetchItem, FetchOptions, FetchResult, Unchanged
from corroborate.fetch.sources import is_url, read_url_list
from corroborate.model import (
    FALLBACK_HINTS,
    MediaType,
    RawDocument,
    Skipped,
    content_hash,
    stable_id,
)

#: Progress of a crawl: (URL just handled, URLs handled, URLs known so far).
FetchProgress = Callable[[str, int, int], None]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_LISTING_NAMES: dict[ListingKind, str] = {
    "feed": "feed",
    "sitemap": "sitemap",
    "sitemap_index": "sitemap index",
}


class UnusableBody(ValueError):
    """A fetched page whose body cannot become a document; the message says why."""


def iter_fetch(
    sources: Sequence[str], options: FetchOptions, progress: FetchProgress | None = None
) -> Generator[FetchItem, None, None]:
    """Fetch every source, expanding feeds and sitemaps, yielding one item per URL.

    Never raises for a bad source: each ends as a document, a Skipped with its reason,
    or Unchanged (a 304 to a conditional request). The validator cache is saved when
    the generator finishes or is closed; a URL's validators count only once the
    consumer asked for the item after it (it has stored the previous one).
    """
    cache = ValidatorCache(options.cache_path)
    with PoliteClient(options, cache) as client:
        crawl = _Crawl(client, options, progress)
        try:
            yield from crawl.run(sources)
        finally:
            cache.save()


def fetch_sources(
    sources: Sequence[str], options: FetchOptions, progress: FetchProgress | None = None
) -> FetchResult:
    """:func:`iter_fetch`, collected: for callers that do not stream."""
    result = FetchResult()
    for item in iter_fetch(sources, options, progress):
        result.add(item)
    return result


#: A crawl step: yields items, returns whether everything under it was read in full.
Step = Generator[FetchItem, None, bool]


@dataclass
class _Crawl:
    """One run's state: the client, the URLs already handled, progress counts."""

    client: PoliteClient
    options: FetchOptions
    progress: FetchProgress | None
    seen: set[str] = field(default_factory=set)
    done: int = 0
    total: int = 0

    def run(self, sources: Sequence[str]) -> Iterator[FetchItem]:
        starts: dict[str, None] = {}
        for source in sources:
            urls = [source.strip()] if is_url(source) else read_url_list(Path(source))
            if not urls:
                yield Skipped(source, "not an http(s) URL or a file listing URLs")
            starts.update(dict.fromkeys(urls))
        self.total = len(starts)
        for url in starts:
            yield from self.url(url, {}, depth=0)

    def url(self, url: str, hints: dict[str, str], depth: int) -> Step:
        """Fetch one URL; a page becomes a document, a listing is expanded.

        Validators are recorded only when the URL was read in full (for a listing: every
        link it names too), so a feed whose entry failed today is fetched again next run
        instead of answering 304 and hiding that entry for good.
        """
        if url in self.seen:
            return True
        self.seen.add(url)
        try:
            response = self.client.get(url)
        except FetchError as exc:
            yield Skipped(url, str(exc))
            return False
        finally:
            self._advance(url)
        if response.url != url and response.url in self.seen:
            return True
        self.seen.add(response.url)
        if response.status == 304:
            yield Unchanged(response.url)
            complete = True
        else:
            complete = yield from self._content(response, hints, depth)
        if complete:
            self.client.cache.record(response.url, response.validators)
        return complete

    def _content(self, response: Response, hints: dict[str, str], depth: int) -> Step:
        body, content_type = response.body, str(response.headers.get("content-type", ""))
        try:
            if is_gzip(body):
                body, content_type = gunzip(body, self.options.max_bytes), "application/xml"
            kind = detect_listing(body)
            if kind is not None:
                return (yield from self._listing(response.url, kind, body, content_type, depth))
            yield page_document(response, body, hints, self.options.decode)
            return True
        except (ListingError, UnusableBody) as exc:
            yield Skipped(response.url, str(exc))
            return False

    def _listing(
        self, url: str, kind: ListingKind, body: bytes, content_type: str, depth: int
    ) -> Step:
        """Fetch the links of a feed or sitemap, one level deeper."""
        name = _LISTING_NAMES[kind]
        if depth >= self.options.max_depth:
            raise ListingError(f"{name} nested more than {self.options.max_depth} levels deep")
        links = parse_listing(kind, body, url, content_type)
        if not links:
            raise ListingError(f"{name} lists no links")
        cap = self.options.max_links_per_listing
        complete = len(links) <= cap
        if not complete:
            yield Skipped(url, f"{name} lists {len(links)} links; only the first {cap} were read")
        self.total += sum(1 for link in links[:cap] if link.url not in self.seen)
        for link in links[:cap]:
            complete = (yield from self.url(link.url, link.hints, depth + 1)) and complete
        return complete

    def _advance(self, url: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(url, self.done, max(self.total, self.done))


def page_document(
    response: Response,
    body: bytes,
    hints: dict[str, str],
    decode: Callable[[bytes], str] | None = None,
) -> RawDocument:
    """A fetched page as a RawDocument, shaped like ingest's: id from the URL, raw bytes kept.

    Raises UnusableBody (XML that is no listing, undecodable, empty) with the reason.
    """
    mime, charset = response.media_type
    if (mime.endswith("xml") and mime not in _HTML_TYPES) or mime.endswith("gzip"):
        raise UnusableBody(f"{mime} document is neither a page, a feed nor a sitemap")
    try:
        content = decode_body(body, charset, decode)
    except ValueError as exc:
        raise UnusableBody(f"unusable body: {exc}") from exc
    media: MediaType = "html" if mime in _HTML_TYPES or _looks_like_html(content) else "text"
    return RawDocument(
        doc_id=stable_id(response.url),
        source=response.url,
        content_hash=content_hash(body),
        media_type=media,
        raw=body,
        content=content,
        hints={
            "url": response.url,
            **{k: v for k, v in hints.items() if k != "url"},
            **({FALLBACK_HINTS: "1"} if hints else {}),
        },
    )


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def plain_decode(body: bytes) -> str:
    """The fallback decoder: byte-order mark, else UTF-8, else Latin-1 (never fails on
    non-empty bytes; :func:`decode_body` prefers a declared charset when UTF-8 fails)."""
    if not body.strip():
        raise ValueError("empty file")
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("latin-1")


def decode_body(
    body: bytes, charset: str | None, decode: Callable[[bytes], str] | None = None
) -> str:
    """Text of a body: ingest's decoding, but a declared non-UTF-8 charset wins when it fits.

    Why: a server's ``charset=windows-1251`` is better evidence than detection on a short
    page; yet many servers declare ISO-8859-1 by default for UTF-8 pages, so valid UTF-8
    is kept as UTF-8.
    """
    text = (decode or plain_decode)(body)
    if charset is None or body.startswith(tuple(bom for bom, _ in _BOMS)):
        return text
    try:
        body.decode("utf-8")
        return text
    except UnicodeDecodeError:
        pass
    try:
        return body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return text


def _looks_like_html(content: str) -> bool:
    return content.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))

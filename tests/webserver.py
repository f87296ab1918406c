"""A local news site for the fetch tests: well-behaved pages, feeds and sitemaps, and
endpoints that misbehave on purpose. Binds 127.0.0.1 on an ephemeral port only.

Every request is logged (arrival time, path, headers) so tests can check what the
client actually sent: conditional headers, retry spacing, paths never requested.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

LAST_MODIFIED = "Mon, 06 May 2024 08:00:00 GMT"
OUTLET = "Riverside Gazette"
HUGE_BYTES = 2_000_000
SLOW_SECONDS = 2.0


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    published: str  # RFC 822, as an RSS pubDate
    iso: str  # the same instant, ISO 8601
    paragraphs: tuple[str, ...]
    charset: str = "utf-8"
    section: str = "news"

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.slug}.html"

    def html(self) -> bytes:
        body = "".join(f"<p>{text}</p>" for text in self.paragraphs)
        page = (
            f'<!DOCTYPE html><html><head><meta charset="{self.charset}">'
            f"<title>{self.title}</title></head><body><article><h1>{self.title}</h1>"
            f"{body}</article></body></html>"
        )
        return page.encode(self.charset)


ARTICLES = (
    Article(
        "flood",
        "River Alde bursts its banks at Millbrook",
        "Mon, 06 May 2024 07:15:00 +0100",
        "2024-05-06T07:15:00+01:00",
        (
            "The River Alde burst its banks at Millbrook early on Monday, flooding 40 homes.",
            "Fire crews evacuated 112 residents to the town hall, the council said.",
        ),
    ),
    Article(
        "bridge",
        "Old Millbrook bridge closed after inspection",
        "Mon, 06 May 2024 12:30:00 +0100",
        "2024-05-06T12:30:00+01:00",
        (
            "Engineers closed the 19th-century bridge after finding cracks in two arches.",
            "The detour adds about 12 km for drivers heading north.",
        ),
    ),
    Article(
        "cafe",
        "Café owners count the cost of the flood",
        "Tue, 07 May 2024 09:00:00 +0100",
        "2024-05-07T09:00:00+01:00",
        (
            "Owners of the Café Rivière on Mill Lane said the water reached 1.2 metres.",
            "Repairs will take at least three weeks, they estimate.",
        ),
        charset="windows-1252",
    ),
)
PRIVATE = Article(
    "leak",
    "Internal memo",
    "Tue, 07 May 2024 10:00:00 +0100",
    "2024-05-07T10:00:00+01:00",
    ("This page is disallowed by robots.txt and must never be requested.",),
    section="private",
)


#: A later article on another event: added to the live and growing feeds between polls.
FESTIVAL = Article(
    "festival",
    "Eastport harbour festival draws record crowd",
    "Sat, 11 May 2024 18:00:00 +0100",
    "2024-05-11T18:00:00+01:00",
    (
        "A record 25,000 visitors came to the Eastport harbour festival on Saturday, the "
        "organisers said, twice as many as last year.",
        "Tall ships from Norway and Portugal moored along the quay, and a brass band "
        "played until midnight.",
    ),
)
#: A later article on the flood: added to the live feed, it joins the flood's story.
FLOOD_UPDATE = Article(
    "flood-update",
    "Millbrook flood: River Alde falls but 40 homes still under water",
    "Tue, 07 May 2024 18:00:00 +0100",
    "2024-05-07T18:00:00+01:00",
    (
        "The River Alde began to fall on Tuesday, a day after it burst its banks at "
        "Millbrook, but 40 homes were still flooded, the council said.",
        "Most of the 112 residents evacuated to the town hall on Monday spent a second night "
        "there while fire crews pumped water from Mill Lane.",
    ),
)
#: A page that states neither title nor date nor outlet: the feed listing it does.
BARE = Article(
    "notice",
    "Hosepipe ban lifted across Millbrook",
    "Wed, 08 May 2024 16:20:00 +0100",
    "2024-05-08T16:20:00+01:00",
    (
        "The water company said reservoir levels had recovered after the heavy rain of the "
        "past week, and the hosepipe ban in force since March ends at midnight.",
        "Customers who paid for a permit to fill pools will be refunded, a spokesman added.",
    ),
    section="bare",
)
DEMO_CORPUS = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def bare_html(article: Article) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in article.paragraphs)
    return f"<!DOCTYPE html><html><body><div>{body}</div></body></html>".encode()


def demo_pages() -> dict[str, tuple[bytes, str]]:
    """The demo corpus as a site would serve it: {path: (body, content type)}.

    HTML pages (the gzipped one unpacked) as text/html, plain-text scrapes as
    text/plain; the JSON Lines file holds records, not a page, and is left out.
    """
    pages: dict[str, tuple[bytes, str]] = {}
    for path in sorted(DEMO_CORPUS.iterdir()):
        body = path.read_bytes()
        if path.suffix == ".gz":
            body, path = gzip.decompress(body), path.with_suffix("")
        ctype = {".html": "text/html", ".txt": "text/plain"}.get(path.suffix)
        if ctype is not None:
            pages[f"/demo/{path.name}"] = (body, f"{ctype}; charset=utf-8")
    return pages


def link_feed(paths: list[str], base: str) -> bytes:
    """An RSS feed of bare links: no title, date or outlet to stand in for the pages' own."""
    items = "".join(f"<item><link>{base}{path}</link></item>" for path in paths)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


def rss_feed(articles: tuple[Article, ...], base: str) -> bytes:
    items = "".join(
        f"<item><title>{a.title}</title><link>{base}{a.path}</link>"
        f"<pubDate>{a.published}</pubDate><author>desk@example.org (News desk)</author></item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{OUTLET}</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def atom_feed(articles: tuple[Article, ...], base: str) -> bytes:
    entries = "".join(
        f'<entry><title>{a.title}</title><link rel="alternate" href="{a.path}"/>'
        f"<id>tag:example.org,2024:{a.slug}</id><published>{a.iso}</published>"
        f"<updated>{a.iso}</updated></entry>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
        f"<title>{OUTLET}</title><id>tag:example.org,2024:feed</id>"
        f"<updated>2024-05-07T09:00:00+01:00</updated>{entries}</feed>"
    ).encode()


def sitemap(paths: list[str], base: str, index: bool = False) -> bytes:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    locs = "".join(f"<{item}><loc>{base}{path}</loc></{item}>" for path in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</{tag}>'
    ).encode()


def news_sitemap(articles: tuple[Article, ...], base: str) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{a.path}</loc><news:news><news:publication>"
        f"<news:name>{OUTLET}</news:name><news:language>en</news:language>"
        f"</news:publication><news:publication_date>{a.iso}</news:publication_date>"
        f"<news:title>{a.title}</news:title></news:news></url>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    ).encode()


@dataclass(frozen=True)
class Hit:
    """One request the server received."""

    time: float  # time.monotonic() on arrival
    path: str
    headers: dict[str, str]


Route = Callable[["Handler"], None]


@dataclass
class NewsServer:
    """The site: routes by path, a request log, and counters for stateful endpoints."""

    log: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""
    #: What /live.rss lists; tests change it between polls.
    live: list[Article] = field(default_factory=lambda: list(ARTICLES))

    def __post_init__(self) -> None:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.site = self  # type: ignore[attr-defined]
        host, port = self._httpd.server_address[:2]
        self.base = f"http://{host!s}:{port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> NewsServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str | None = None) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.log if path is None or hit.path == path]

    def record(self, handler: Handler) -> int:
        """Log a request; return how many times its path was requested before."""
        hit = Hit(
            time.monotonic(), handler.path, {k.lower(): v for k, v in handler.headers.items()}
        )
        with self.lock:
            self.log.append(hit)
            seen = self.counts.get(handler.path, 0)
            self.counts[handler.path] = seen + 1
        return seen

    def routes(self) -> dict[str, Route]:
        base = self.base
        routes: dict[str, Route] = {a.path: _static(a.html(), _html_type(a)) for a in ARTICLES}
        routes.update(
            {
                PRIVATE.path: _static(PRIVATE.html(), "text/html"),
                "/robots.txt": _static(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
                "/feed.rss": _static(rss_feed(ARTICLES, base), "application/rss+xml"),
                "/feed-with-private.rss": _static(
                    rss_feed((ARTICLES[0], PRIVATE), base), "application/rss+xml"
                ),
                "/atom": _static(atom_feed(ARTICLES, base), "text/xml"),
                "/sitemap.xml": _static(
                    sitemap([a.path for a in ARTICLES], base), "application/xml"
                ),
                "/news-sitemap": _static(news_sitemap(ARTICLES, base), "text/xml"),
                "/sitemap-index.xml": _static(
                    sitemap(["/sitemap.xml", "/news-sitemap"], base, index=True),
                    "application/xml",
                ),
                "/sitemap.xml.gz": _static(
                    gzip.compress(sitemap([a.path for a in ARTICLES], base)), "application/x-gzip"
                ),
                "/redirect": _redirect("/news/flood.html"),
                "/loop-a": _redirect("/loop-b"),
                "/loop-b": _redirect("/loop-a"),
                "/slow": _slow,
                "/always-500": lambda h: h.reply(500, "text/html", b"<p>oops</p>"),
                "/busy": _busy,
                "/huge": _huge,
                "/huge-declared": _huge_declared,
                "/image.png": _static(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
                "/blob": _static(bytes(range(256)), "application/octet-stream"),
                "/empty": _static(b"", "text/html"),
                "/empty-feed": _static(
                    b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>",
                    "application/rss+xml",
                ),
                "/data.xml": _static(b"<?xml version='1.0'?><catalog/>", "application/xml"),
            }
        )
        routes.update({f"/chain/{n}": _redirect(f"/chain/{n + 1}") for n in range(20)})
        routes.update(self._live_routes())
        return routes

    def _live_routes(self) -> dict[str, Route]:
        """Pages and feeds for the pipeline and watch tests: the demo corpus, feeds that
        change between polls, a page whose metadata only its feed gives."""
        base = self.base
        demo = demo_pages()
        routes = {path: _static(body, ctype) for path, (body, ctype) in demo.items()}
        with self.lock:
            live = tuple(self.live)
            grown = self.counts.get("/growing.rss", 0) > 1
        routes.update(
            {
                "/demo/feed.rss": _static(link_feed(list(demo), base), "application/rss+xml"),
                FESTIVAL.path: _static(FESTIVAL.html(), "text/html"),
                FLOOD_UPDATE.path: _static(FLOOD_UPDATE.html(), "text/html"),
                BARE.path: _static(bare_html(BARE), "text/html"),
                "/bare.rss": _static(rss_feed((BARE,), base), "application/rss+xml"),
                "/live.rss": _static(rss_feed(live, base), "application/rss+xml"),
                # The articles on the first request, one more from the second on.
                "/growing.rss": _static(
                    rss_feed((*ARTICLES, FESTIVAL) if grown else ARTICLES, base),
                    "application/rss+xml",
                ),
            }
        )
        return routes


class Handler(BaseHTTPRequestHandler):
    """Dispatches to the site's routes; 404 for anything else."""

    def do_GET(self) -> None:
        site: NewsServer = self.server.site  # type: ignore[attr-defined]
        self.seen_before = site.record(self)
        route = site.routes().get(self.path)
        try:
            if route is None:
                self.reply(404, "text/html", b"<p>not found</p>")
            else:
                route(self)
        except OSError:
            pass  # the client gave up (timeouts, size limits): expected

    def reply(
        self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request log is kept in NewsServer.log instead."""


def _html_type(article: Article) -> str:
    return f"text/html; charset={article.charset}"


def _static(body: bytes, ctype: str) -> Route:
    """A resource with ETag and Last-Modified that answers conditional requests with 304."""
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'

    def serve(handler: Handler) -> None:
        validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        if handler.headers.get("If-None-Match") == etag or (
            handler.headers.get("If-None-Match") is None
            and handler.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            handler.send_response(304)
            for key, value in validators.items():
                handler.send_header(key, value)
            handler.end_headers()
            return
        handler.reply(200, ctype, body, validators)

    return serve


def _redirect(target: str) -> Route:
    return lambda h: h.reply(302, "text/html", b"", {"Location": target})


def _slow(handler: Handler) -> None:
    time.sleep(SLOW_SECONDS)
    handler.reply(200, "text/html", b"<p>finally</p>")


def _busy(handler: Handler) -> None:
    """429 with Retry-After: 1 on the first request, the article afterwards."""
    if handler.seen_before == 0:
        handler.reply(429, "text/html", b"<p>slow down</p>", {"Retry-After": "1"})
    else:
        handler.reply(200, "text/html", ARTICLES[0].html())


def _huge(handler: Handler) -> None:
    """2 MB of HTML with no Content-Length: only streaming can stop it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for chunk in _filler():
        handler.wfile.write(chunk)


def _huge_declared(handler: Handler) -> None:
    handler.reply(200, "text/html", b"".join(_filler()))


def _filler() -> Iterator[bytes]:
    chunk = b"<p>" + b"flood " * 10_000 + b"</p>"
    for _ in range(HUGE_BYTES // len(chunk) + 1):
        yield chunk


def http_date(offset_s: float) -> str:
    return formatdate(time.time() + offset_s, usegmt=True)

"""Feeds and sitemaps: documents that list the articles to fetch.

Why detect from the body: outlets serve RSS as ``text/xml``, sitemaps as
``application/xml`` or ``text/plain``, at URLs without a telling extension. The root
element (``<rss>``, ``<feed>``, ``<rdf:RDF>``, ``<urlset>``, ``<sitemapindex>``) is what
decides; the content type only rules out what cannot be a listing.

RSS/Atom go through feedparser (it copes with the malformed feeds found in the
wild); sitemaps are small, regular XML read with ElementTree (expat refuses entity
expansion bombs, and documents declaring entities are refused before parsing).
Each listed URL comes back as a :class:`Link` with the metadata the listing gave.
"""

from __future__ import annotations

import email.utils
import gzip
import io
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urljoin
from xml.etree import ElementTree

import feedparser

ListingKind = Literal["feed", "sitemap", "sitemap_index"]

_ROOTS: dict[str, ListingKind] = {
    "rss": "feed",
    "rdf": "feed",
    "feed": "feed",
    "urlset": "sitemap",
    "sitemapindex": "sitemap_index",
}
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SNIFF_BYTES = 8192


class ListingError(ValueError):
    """A feed or sitemap that cannot be read; the message is the reason."""


@dataclass(frozen=True)
class Link:
    """One URL a listing names, with what it says about it (title, published, outlet)."""

    url: str
    hints: dict[str, str] = field(default_factory=dict)


def detect_listing(body: bytes) -> ListingKind | None:
    """Which kind of listing ``body`` is, from its root element; None for anything else."""
    head = _COMMENT.sub(b"", body[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n"))
    match = _FIRST_ELEMENT.search(head)
    if match is None:
        return None
    local = match.group(1).decode("ascii", "replace").rsplit(":", 1)[-1].lower()
    return _ROOTS.get(local)


def is_gzip(body: bytes) -> bool:
    return body[:2] == b"\x1f\x8b"


def gunzip(body: bytes, max_bytes: int) -> bytes:
    """Decompress a gzipped sitemap, refusing to grow past ``max_bytes`` (gzip bombs)."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            while chunk := stream.read(65_536):
                if out.tell() + len(chunk) > max_bytes:
                    raise ListingError(f"gzip body decompresses to more than {max_bytes} bytes")
                out.write(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise ListingError(f"corrupt gzip data: {exc}") from exc
    return out.getvalue()


def parse_listing(
    kind: ListingKind, body: bytes, base_url: str, content_type: str = "application/xml"
) -> list[Link]:
    """The links of a feed or sitemap, absolute and in document order, without repeats.

    ``content_type`` is the response header (its charset helps feedparser decode).
    """
    if kind == "feed":
        links = parse_feed(body, base_url, content_type)
    else:
        links = parse_sitemap(body, base_url)
    unique: dict[str, Link] = {}
    for link in links:
        unique.setdefault(link.url, link)
    return list(unique.values())


def parse_feed(body: bytes, base_url: str, content_type: str = "application/xml") -> list[Link]:
    """Entry links of an RSS or Atom feed; hints: title, published, author, outlet."""
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": base_url, "content-type": content_type},
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    if not parsed.entries and not parsed.get("version"):
        raise ListingError(f"feed could not be parsed: {parsed.get('bozo_exception')}")
    outlet = _clean(parsed.feed.get("title"))
    links: list[Link] = []
    for entry in parsed.entries:
        url = _entry_url(entry)
        if url is None:
            continue
        hints = {
            "title": _clean(entry.get("title")),
            "published": published_hint(entry.get("published") or entry.get("updated")),
            "author": _author(entry),
            "outlet": outlet,
        }
        links.append(Link(urljoin(base_url, url), _present(hints)))
    return links


def _author(entry: Any) -> str | None:
    """The author's name: RSS writes ``desk@example.org (News desk)``, and a byline is
    the name, not the address."""
    detail = entry.get("author_detail")
    name = detail.get("name") if isinstance(detail, dict) else None
    return _clean(name) or _clean(entry.get("author"))


def _entry_url(entry: Any) -> str | None:
    """The article URL of a feed entry: its link, else its first alternate link."""
    link = entry.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    for item in entry.get("links", []):
        if item.get("rel", "alternate") == "alternate" and item.get("href"):
            return str(item["href"]).strip()
    return None


def parse_sitemap(body: bytes, base_url: str) -> list[Link]:
    """``<loc>`` URLs of a sitemap or sitemap index; news sitemaps add title/published/outlet."""
    if b"<!ENTITY" in body:
        raise ListingError("sitemap declares XML entities; refused")
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise ListingError(f"sitemap is not well-formed XML: {exc}") from exc
    links: list[Link] = []
    for item in root:
        loc = _text(item, "loc")
        if loc:
            links.append(Link(urljoin(base_url, loc), _news_hints(item)))
    return links


def _news_hints(item: ElementTree.Element) -> dict[str, str]:
    """Google News sitemap metadata of one ``<url>`` entry (empty for plain sitemaps)."""
    news = _child(item, "news")
    if news is None:
        return {}
    publication = _child(news, "publication")
    hints = {
        "title": _clean(_text(news, "title")),
        "published": published_hint(_text(news, "publication_date")),
        "outlet": _clean(_text(publication, "name")) if publication is not None else None,
    }
    return _present(hints)


def _child(element: ElementTree.Element, local: str) -> ElementTree.Element | None:
    """First child whose name, without namespace, is ``local``."""
    for child in element:
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == local:
            return child
    return None


def _text(element: ElementTree.Element, local: str) -> str | None:
    child = _child(element, local)
    return child.text.strip() if child is not None and child.text else None


def published_hint(raw: object) -> str | None:
    """YYYY-MM-DD of a feed or sitemap date as the outlet wrote it, else the raw string.

    The date is taken in the writer's own time zone (not converted to UTC), so an
    article dated late evening in New York keeps its New York day.
    """
    text = _clean(raw)
    if text is None:
        return None
    if _ISO_DAY.match(text):
        try:
            datetime.fromisoformat(text[:10])
            return text[:10]
        except ValueError:
            return text
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return text


def _clean(value: object) -> str | None:
    """A one-line, stripped string, or None for missing/blank values."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _present(hints: dict[str, str | None]) -> dict[str, str]:
    return {key: value for key, value in hints.items() if value}

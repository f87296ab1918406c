"""Fetch: read live sources (article URLs, RSS/Atom feeds, sitemaps) into RawDocuments.

Why a stage of its own: files and the web fail differently. A file is there or not;
a server can be slow, refuse us, ask us to come back later, redirect in circles,
send a gigabyte or a PNG. This stage meets all of that and hands the rest of the
pipeline exactly what ingest hands it for a file -- a :class:`RawDocument` (``source``
is the final URL, ``doc_id`` a stable hash of it, ``hints["url"]`` set, plus
``title``/``published``/``outlet``/``author`` when a feed or news sitemap gave them)
or a :class:`Skipped` with a reason a person understands. A third outcome,
:class:`Unchanged`, reports a 304 to a conditional request: nothing new to read.

Design, one module per concern:

* :mod:`.sources` -- which source strings are URLs or files listing URLs
  (:func:`classify`, :func:`is_remote`), and which are mistyped URLs (:func:`url_problem`).
* :mod:`.client` -- :class:`PoliteClient`, httpx plus every rule about talking to
  servers: User-Agent, connect/read and total timeouts, streamed bodies cut off at
  ``max_bytes``, content-type check, redirects followed (and loop-checked) by hand so
  each hop is checked, robots.txt, a minimum interval per host, retries with
  exponential backoff on 429/5xx/network errors honouring Retry-After.
* :mod:`.robots` -- robots.txt per site via :mod:`urllib.robotparser`, fetched once
  through the same client; an unreachable robots.txt allows all.
* :mod:`.feeds` -- feeds (feedparser) and sitemaps / news sitemaps / sitemap indexes
  (ElementTree), detected from the body's root element, not the URL.
* :mod:`.cache` -- ETag/Last-Modified per URL in a JSON file written atomically.
* :mod:`.stage` -- :func:`iter_fetch` (streaming) and :func:`fetch_sources` (collected).

It imports only :mod:`corroborate.model` (whose ``content_hash`` and ``stable_id`` give
a fetched page the same identity a WARC record of the same URL gets). Decoding is
injected: the pipeline passes the ingest stage's decoder in ``FetchOptions.decode``, so a
page decodes exactly as the same bytes in a file would.

Typical use (the pipeline feeds each item to the same code as ingest's)::

    options = FetchOptions(cache_path=out_dir / "fetch-cache.json")
    for item in iter_fetch(remote_sources, options):
        ...  # RawDocument -> process; Skipped -> record; Unchanged -> count
"""

from __future__ import annotations

from corroborate.fetch.options import (
    DEFAULT_USER_AGENT,
    FetchItem,
    FetchOptions,
    FetchResult,
    Unchanged,
)
from corroborate.fetch.sources import SourceKind, classify, is_remote, is_url, url_problem
from corroborate.fetch.stage import FetchProgress, fetch_sources, iter_fetch

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchItem",
    "FetchOptions",
    "FetchProgress",
    "FetchResult",
    "SourceKind",
    "Unchanged",
    "classify",
    "fetch_sources",
    "is_remote",
    "is_url",
    "iter_fetch",
    "url_problem",
]

"""Settings and outcome types shared by the fetch modules.

Kept in a module of their own so that ``client``, ``robots``, ``feeds`` and the
orchestration in ``stage`` can all use them without importing each other in a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corroborate import __version__
from corroborate.model import RawDocument, Skipped

PROJECT_URL = "https://github.com/corroborate/corroborate"
#: Says who we are and where to read about it, so a site owner can reach us or block us.
DEFAULT_USER_AGENT = f"corroborate/{__version__} (+{PROJECT_URL})"


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how far to fetch.

    Why every bound is here: a live site can be slow, huge, looping or hostile, and a
    run must finish anyway. Defaults suit a person running ``corroborate`` against a
    handful of news sites; tests shrink the times.
    """

    user_agent: str = DEFAULT_USER_AGENT
    #: Seconds to wait for a connection and for each read from the socket.
    timeout_s: float = 10.0
    #: Seconds one response may take in all (stops a server that drips one byte a second).
    total_timeout_s: float = 60.0
    #: Largest body read (after content decoding); a longer one is skipped, not truncated.
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    #: Retries after the first attempt on 429, 5xx and network errors.
    max_retries: int = 2
    #: First retry delay; doubled for each further retry.
    backoff_s: float = 1.0
    #: Ceiling for any single wait (a Retry-After of an hour is not honoured in full).
    max_retry_wait_s: float = 30.0
    #: Minimum seconds between two requests to the same host (robots Crawl-delay may raise it).
    per_host_interval_s: float = 1.0
    #: JSON file of ETag / Last-Modified validators; None disables conditional requests.
    cache_path: Path | None = None
    respect_robots: bool = True
    #: How deep sitemap indexes (and feeds listing feeds) may nest.
    max_depth: int = 3
    #: Most links taken from one feed or sitemap; the rest are reported as skipped.
    max_links_per_listing: int = 10_000
    #: Bytes to text for a fetched page (raises ValueError with a reason for binary or
    #: empty bodies). The pipeline passes the ingest stage's decoder, so a page decodes
    #: exactly as the same bytes in a file would; None: BOM, then UTF-8, then the
    #: declared charset, then Latin-1.
    decode: Callable[[bytes], str] | None = None


@dataclass(frozen=True)
class Unchanged:
    """A URL the server answered with 304 Not Modified: nothing new to read."""

    source: str


#: What the stage yields for each URL it was given or found.
FetchItem = RawDocument | Skipped | Unchanged


@dataclass
class FetchResult:
    """Everything one fetch produced, for callers that do not stream."""

    documents: list[RawDocument] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def add(self, item: FetchItem) -> None:
        if isinstance(item, RawDocument):
            self.documents.append(item)
        elif isinstance(item, Skipped):
            self.skipped.append(item)
        else:
            self.unchanged.append(item.source)

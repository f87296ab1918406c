"""robots.txt: read once per site, then asked before every request to that site.

Why through a callback: robots.txt must be fetched with the same client (same
User-Agent, same per-host spacing, same size and time limits) as the pages, but the
client also asks this module before each request. Passing the client's plain "get
bytes" function in breaks that circle.

Policy (RFC 9309, with the one deviation the project asked for): a robots.txt that
cannot be fetched for any reason (404, 5xx, timeout, refused connection) allows
everything, so one broken server file does not hide a whole outlet.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

#: Fetch a robots.txt URL; return its body, or None when it could not be had.
RobotsFetcher = Callable[[str], bytes | None]


def origin(url: str) -> str:
    """scheme://host[:port] of a URL: the scope one robots.txt governs."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsPolicy:
    """Answers "may we fetch this URL?" from each site's robots.txt, fetched lazily."""

    def __init__(self, fetch: RobotsFetcher, user_agent: str) -> None:
        self._fetch = fetch
        self._agent = user_agent
        self._parsers: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        parser = self._parser(origin(url))
        return parser is None or parser.can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the site asks of us, in seconds, if any."""
        parser = self._parser(origin(url))
        delay = parser.crawl_delay(self._agent) if parser is not None else None
        return float(delay) if delay is not None else None

    def _parser(self, site: str) -> RobotFileParser | None:
        with self._lock:
            if site in self._parsers:
                return self._parsers[site]
        body = self._fetch(f"{site}/robots.txt")
        parser = parse_robots(body) if body is not None else None
        with self._lock:
            self._parsers.setdefault(site, parser)
            return self._parsers[site]


def parse_robots(body: bytes) -> RobotFileParser:
    """A parser for one robots.txt body (undecodable bytes are replaced, not fatal)."""
    parser = RobotFileParser()
    parser.parse(body.decode("utf-8", errors="replace").splitlines())
    return parser

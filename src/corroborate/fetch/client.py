"""A polite HTTP client: one place for every rule about how we talk to servers.

Why our own layer over httpx instead of its defaults: each request must pass the same
checks (robots.txt, per-host spacing, size, type, time) at *every* redirect hop, and
every failure must end as a reason a person can read. So redirects are followed here,
not by httpx, and bodies are streamed and cut off at ``max_bytes`` rather than read
whole.

:meth:`PoliteClient.get` returns a :class:`Response` (200, or 304 for a conditional
request) or raises :class:`FetchError` with that reason; it never raises anything else.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from corroborate.fetch.cache import ValidatorCache, Validators
from corroborate.fetch.options import FetchOptions
from corroborate.fetch.robots import RobotsPolicy

#: Media types worth reading: pages, plain text, feeds and sitemaps (gzip: sitemap.xml.gz).
ACCEPTED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/x-rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/gzip",
        "application/x-gzip",
    }
)
ACCEPT_HEADER = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
#: Network trouble that may pass: worth another attempt after a pause.
RETRY_ERRORS: tuple[type[Exception], ...] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)
ROBOTS_MAX_BYTES = 500_000


class FetchError(Exception):
    """A URL that cannot be read; ``str(error)`` is the reason shown to the user."""


@dataclass(frozen=True)
class Response:
    """A finished response: ``url`` is where the redirects ended."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def media_type(self) -> tuple[str, str | None]:
        """(MIME type, charset) from the Content-Type header."""
        return split_content_type(self.headers.get("content-type", ""))

    @property
    def validators(self) -> Validators:
        return Validators.from_headers(self.headers)


@dataclass(frozen=True)
class _Mode:
    """What one kind of request checks: pages and robots.txt differ."""

    robots: bool
    retries: bool
    conditional: bool
    check_type: bool


PAGE = _Mode(robots=True, retries=True, conditional=True, check_type=True)
ROBOTS = _Mode(robots=False, retries=False, conditional=False, check_type=False)


class HostThrottle:
    """Keeps at least ``interval`` seconds between the starts of requests to one host."""

    def __init__(self) -> None:
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, interval: float) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + interval
        if start > now:
            time.sleep(start - now)


class PoliteClient:
    """httpx with robots.txt, per-host spacing, retries, size/type/time limits."""

    def __init__(self, options: FetchOptions, cache: ValidatorCache | None = None) -> None:
        self.options = options
        self.cache = cache or ValidatorCache(None)
        self.robots = RobotsPolicy(self._robots_body, options.user_agent)
        self._throttle = HostThrottle()
        self._http = httpx.Client(
            headers={"User-Agent": options.user_agent, "Accept": ACCEPT_HEADER},
            timeout=httpx.Timeout(options.timeout_s),
            follow_redirects=False,
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def get(self, url: str) -> Response:
        """Fetch a page, feed or sitemap: 200 with a body, or 304 when unchanged."""
        return self._follow(url, PAGE, self.options.max_bytes)

    def _robots_body(self, url: str) -> bytes | None:
        try:
            return self._follow(url, ROBOTS, ROBOTS_MAX_BYTES).body
        except FetchError:
            return None

    def _follow(self, url: str, mode: _Mode, max_bytes: int) -> Response:
        """Request ``url``, following redirects ourselves so each hop is checked."""
        chain = [url]
        for _ in range(self.options.max_redirects + 1):
            current = chain[-1]
            _check_scheme(current)
            if mode.robots and self.options.respect_robots and not self.robots.allowed(current):
                raise FetchError("disallowed by robots.txt")
            validators = self.cache.get(current) if mode.conditional else Validators()
            response = self._attempts(current, mode, validators, max_bytes)
            if response.status not in REDIRECT_STATUSES:
                return _final(response, validators)
            target = _location(response)
            if target in chain:
                raise FetchError("redirect loop: " + " -> ".join([*chain, target]))
            chain.append(target)
        raise FetchError(f"more than {self.options.max_redirects} redirects, from {url}")

    def _attempts(self, url: str, mode: _Mode, validators: Validators, max_bytes: int) -> Response:
        """One request, retried with backoff on 429, 5xx and network errors."""
        attempts = self.options.max_retries + 1 if mode.retries else 1
        failure = ""
        for attempt in range(1, attempts + 1):
            self._throttle.wait(urlsplit(url).netloc.lower(), self._interval(url, mode))
            try:
                response = self._send(url, mode, validators, max_bytes)
            except RETRY_ERRORS as exc:
                failure, delay = describe_error(exc, self.options), self._backoff(attempt)
            else:
                if response.status not in RETRY_STATUSES:
                    return response
                failure = _status_text(response.status)
                delay = retry_after(response) or self._backoff(attempt)
            if attempt < attempts:
                time.sleep(min(delay, self.options.max_retry_wait_s))
        plural = "s" if attempts > 1 else ""
        raise FetchError(f"{failure} after {attempts} attempt{plural}")

    def _interval(self, url: str, mode: _Mode) -> float:
        """The per-host spacing, raised to the site's Crawl-delay (within our wait cap)."""
        interval = self.options.per_host_interval_s
        if mode.robots and self.options.respect_robots:
            delay = self.robots.crawl_delay(url)
            if delay is not None:
                interval = max(interval, min(delay, self.options.max_retry_wait_s))
        return interval

    def _backoff(self, attempt: int) -> float:
        return float(self.options.backoff_s * 2 ** (attempt - 1))

    def _send(self, url: str, mode: _Mode, validators: Validators, max_bytes: int) -> Response:
        try:
            with self._http.stream("GET", url, headers=validators.request_headers()) as resp:
                response = Response(url, resp.status_code, resp.headers, b"")
                if resp.status_code != 200:
                    return response
                content_type = response.media_type[0]
                if mode.check_type and content_type and content_type not in ACCEPTED_TYPES:
                    raise FetchError(f"unsupported content type {content_type}")
                return Response(url, 200, resp.headers, self._read_body(resp, max_bytes))
        except RETRY_ERRORS:
            raise
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            raise FetchError(f"request failed: {exc}") from exc

    def _read_body(self, resp: httpx.Response, max_bytes: int) -> bytes:
        """Stream the (decoded) body, stopping past ``max_bytes`` or the total time limit."""
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"body larger than {max_bytes} bytes")
        deadline = time.monotonic() + self.options.total_timeout_s
        chunks: list[bytes] = []
        size = 0
        for chunk in _chunks(resp):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"body larger than {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"download took longer than {self.options.total_timeout_s:g} s")
            chunks.append(chunk)
        return b"".join(chunks)


def _chunks(resp: httpx.Response) -> Iterator[bytes]:
    yield from resp.iter_bytes(chunk_size=65_536)


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(f"not an http(s) URL: {url}")


def _location(response: Response) -> str:
    """Where a redirect points, resolved against the URL that sent it."""
    location = str(response.headers.get("location", "")).strip()
    if not location:
        raise FetchError(f"{_status_text(response.status)} without a Location header")
    return urljoin(response.url, location)


def _final(response: Response, validators: Validators) -> Response:
    """Accept 200, and 304 only when we asked for it; anything else is a failure."""
    if response.status == 200:
        return response
    if response.status == 304 and validators:
        return response
    raise FetchError(_status_text(response.status))


def _status_text(status: int) -> str:
    try:
        phrase = httpx.codes(status).get_reason_phrase(status)
    except ValueError:
        phrase = ""
    return f"HTTP {status} {phrase}".rstrip()


def split_content_type(header: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from 'text/html; charset="UTF-8"'; charset None if absent."""
    mime, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip(' "'):
            charset = value.strip(' "').lower()
    return mime.strip().lower(), charset


def retry_after(response: Response) -> float | None:
    """Seconds a Retry-After header asks us to wait (delta-seconds or an HTTP date)."""
    return parse_retry_after(response.headers.get("retry-after", ""))


def parse_retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds from ``now`` (epoch) that a Retry-After value names; None if unreadable."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def describe_error(exc: Exception, options: FetchOptions) -> str:
    """A short, human reason for a network failure."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"no connection within {options.timeout_s:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"no response within {options.timeout_s:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"connection failed ({exc})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"server broke the connection ({exc})"
    return f"network error ({exc})"

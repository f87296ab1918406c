"""Tell fetchable sources from local files.

A source string is one of:

* ``url`` -- an http(s) URL. Whether it is an article, a feed or a sitemap is only
  known once the response is in (see :mod:`corroborate.fetch.feeds`), so it is not
  guessed from the URL here.
* ``url_list`` -- a local text file listing URLs, one per line, ``#`` comments and
  blank lines allowed. Every other line must be an http(s) URL: a plain ``.txt``
  article that happens to quote a link stays an article for ingest.
* ``file`` -- anything else: left to ingest, which reports what it cannot read.

Nothing here raises for a bad source: an unreadable path simply is a ``file``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

SourceKind = Literal["url", "url_list", "file"]

#: A URL list bigger than this is not a hand-written list; ingest may have it.
MAX_LIST_BYTES = 5_000_000
#: "scheme://..." -- what a person typing a URL writes, whatever the scheme.
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: str) -> bool:
    """An absolute http(s) URL with a host."""
    try:
        parts = urlsplit(source.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def url_problem(source: str) -> str | None:
    """Why ``source``, written as a URL, cannot be fetched; None when it is fine or no URL.

    Why here and not at fetch time: a command line naming ``ftp://`` or ``http://``
    with no host is a typing mistake to report at once (a usage error), while a
    well-formed URL that fails to load is the server's problem and only skipped.
    """
    if not _URL_LIKE.match(source):
        return None
    scheme = source.split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        return f"unsupported URL scheme {scheme}: {source} (only http and https are fetched)"
    try:
        parts = urlsplit(source)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError as exc:
        return f"malformed URL {source}: {exc}"
    if not parts.hostname or any(ch.isspace() for ch in source.strip()):
        return f"malformed URL: {source}"
    return None


def classify(source: str) -> SourceKind:
    if is_url(source):
        return "url"
    return "url_list" if read_url_list(Path(source)) else "file"


def is_remote(source: str) -> bool:
    """Whether the fetch stage (not ingest) should read ``source``."""
    return classify(source) != "file"


def read_url_list(path: Path) -> list[str]:
    """The URLs of a URL-list file, in order; empty when ``path`` is not one."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_LIST_BYTES:
            return []
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    urls: list[str] = []
    for line in text.splitlines():
        entry = line.split(" #", 1)[0].strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry) or any(ch.isspace() for ch in entry):
            return []
        urls.append(entry)
    return urls

"""Conditional-request validators (ETag / Last-Modified) kept between runs.

Why: ``corroborate watch`` re-reads the same feeds and pages again and again. With the
validators a server gave last time, an unchanged page costs a 304 and no body, and
the pipeline is told "unchanged" instead of re-reading it.

The cache is a small JSON object ``{url: {"etag": ..., "last_modified": ...}}``. It is
written atomically (temporary file + rename) so a run killed mid-write keeps the
previous file; a missing or corrupt file just means "nothing cached".
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

CACHE_FORMAT = "corroborate/fetch-cache@1"


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version of a URL it sent."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> Validators:
        return cls(etag=headers.get("etag"), last_modified=headers.get("last-modified"))

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def request_headers(self) -> dict[str, str]:
        """The headers that ask the server for a 304 when nothing changed."""
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class ValidatorCache:
    """Validators per URL, loaded from and saved to ``path`` (None: in memory only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, Validators] = _load(path) if path is not None else {}
        self._dirty = False
        self._lock = threading.Lock()

    def get(self, url: str) -> Validators:
        with self._lock:
            return self._entries.get(url, Validators())

    def record(self, url: str, validators: Validators) -> None:
        """Remember the validators of a response the caller has finished with."""
        if not validators:
            return
        with self._lock:
            if self._entries.get(url) != validators:
                self._entries[url] = validators
                self._dirty = True

    def save(self) -> None:
        """Write the cache if anything changed; a write failure leaves the old file."""
        with self._lock:
            if self.path is None or not self._dirty:
                return
            data = {
                "format": CACHE_FORMAT,
                "urls": {
                    url: {k: v for k, v in vars(entry).items() if v}
                    for url, entry in sorted(self._entries.items())
                },
            }
            with contextlib.suppress(OSError):
                _write_atomically(self.path, json.dumps(data, indent=1, ensure_ascii=False))
                self._dirty = False


def _load(path: Path) -> dict[str, Validators]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    urls = data.get("urls") if isinstance(data, dict) else None
    if not isinstance(urls, dict):
        return {}
    entries: dict[str, Validators] = {}
    for url, entry in urls.items():
        if isinstance(entry, dict):
            etag, modified = entry.get("etag"), entry.get("last_modified")
            validators = Validators(
                etag if isinstance(etag, str) else None,
                modified if isinstance(modified, str) else None,
            )
            if validators:
                entries[str(url)] = validators
    return entries


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise

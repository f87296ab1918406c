"""One writer or many readers of the store, within the app's process.

Why: DuckDB refuses, in one process, a read-only connection while a read-write one
is open on the same file (and the other way round). Page requests read with
short read-only connections; an upload takes the store for writing, like
``corroborate run``. Pages wait for a running upload (up to a limit, then 503),
and a second upload fails fast with 409 instead of queueing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class StoreUnavailable(RuntimeError):
    """The store cannot be read now (being written); worth retrying shortly."""


class IngestBusy(RuntimeError):
    """Another writer holds the store."""


class StoreGate:
    """A readers-writer lock in which the writer never waits for another writer."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self, wait_s: float) -> Iterator[None]:
        with self._cond:
            if not self._cond.wait_for(lambda: not self._writing, timeout=wait_s):
                raise StoreUnavailable(
                    "the store is being updated by an upload; try again in a moment"
                )
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            if self._writing:
                raise IngestBusy("another upload is being ingested; send this one when it is done")
            self._writing = True  # from here on no new reader starts
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()

"""The pipeline: wires the stages in order over a store.

ingest -> extract -> language -> (store) -> dedup. Stages never call each other;
this module is the only place that knows their order. Each document is written
in its own transaction, so a run killed half-way keeps every finished document
and a re-run picks up where it stopped (documents are keyed by content hash).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.dedup import DedupItem, find_duplicates
from corroborate.extract import extract
from corroborate.ingest import list_inputs, read_file
from corroborate.language import detect_language
from corroborate.model import Article, Extraction, Limits, RawDocument, RunResult, Skipped
from corroborate.store import Store

STORE_NAME = "corroborate.duckdb"

#: Called after each input file: (file shown to the user, files done, files in all).
ProgressCallback = Callable[[str, int, int], None]


@dataclass
class RunOptions:
    limits: Limits = field(default_factory=Limits)
    store_path: Path | None = None


@dataclass
class RunStats:
    """What this run did, as opposed to what the store holds in all."""

    added: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def run_pipeline(
    inputs: Sequence[Path],
    out_dir: Path,
    options: RunOptions | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[RunResult, RunStats]:
    """Ingest ``inputs`` into the store under ``out_dir`` and return everything it holds."""
    options = options or RunOptions()
    store_path = options.store_path or out_dir / STORE_NAME
    stats = RunStats()
    with Store(store_path) as store:
        listing = list_inputs(inputs)
        for entry in listing.skipped:
            _skip(store, stats, entry)
        total = len(listing.files)
        for done, path in enumerate(listing.files, start=1):
            for item in read_file(path, options.limits):
                if isinstance(item, Skipped):
                    _skip(store, stats, item)
                elif _at_article_limit(options.limits, stats) and not store.has_content(
                    item.content_hash
                ):
                    _skip(store, stats, Skipped(item.source, _limit_reason(options.limits)))
                else:
                    process_document(store, item, stats, options.limits.extraction_timeout_s)
            if progress is not None:
                progress(str(path), done, total)
        with store.transaction():
            store.set_duplicates(_duplicates(store.articles()))
        result = RunResult(articles=store.articles(), skipped=store.skipped())
    return result, stats


def process_document(
    store: Store, doc: RawDocument, stats: RunStats, timeout_s: float | None = None
) -> None:
    """Extract, tag and store one document; already-stored content is left alone."""
    first_source = store.source_of(doc.content_hash)
    if first_source is not None:
        stats.unchanged += 1
        if first_source != doc.source:
            _skip(store, stats, Skipped(doc.source, f"same content as {first_source}"))
        return
    try:
        with time_limit(timeout_s):
            extraction = extract(doc)
    except ExtractionTimeout:
        extraction = Extraction(text="")
        reason = f"extraction took longer than {timeout_s:g} s (per-document time limit)"
    except Exception as exc:  # one bad page must not end the run
        extraction = Extraction(text="")
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
    else:
        details = "; ".join(problem.message for problem in extraction.problems)
        reason = "no article text found in the document" + (f" ({details})" if details else "")
    with store.transaction():
        store.add_raw(doc)
        if not extraction.text.strip():
            _skip(store, stats, Skipped(doc.source, reason))
            return
        store.add_article(_article(store, doc, extraction))
    stats.added += 1


def _article(store: Store, doc: RawDocument, extraction: Extraction) -> Article:
    guess = detect_language(extraction.text)
    return Article(
        id=store.free_article_id(doc.doc_id, doc.content_hash),
        source=doc.source,
        content_hash=doc.content_hash,
        text=extraction.text,
        title=extraction.title,
        outlet=extraction.outlet,
        author=extraction.author,
        url=extraction.url or doc.hints.get("url"),
        published=extraction.published,
        published_raw=extraction.published_raw,
        language=guess.code,
        language_confidence=guess.confidence,
        problems=list(extraction.problems),
    )


class ExtractionTimeout(BaseException):
    """Raised inside a document's extraction when its time is up.

    A BaseException, so that libraries' own ``except Exception`` blocks do not
    swallow it and carry on with the slow page.
    """


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with :class:`ExtractionTimeout`.

    Uses a real-time interval timer, so it works only in the main thread (elsewhere
    it does nothing) and interrupts Python code: one long call inside a C
    extension finishes before the timeout is raised.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _at_article_limit(limits: Limits, stats: RunStats) -> bool:
    return limits.max_new_articles is not None and stats.added >= limits.max_new_articles


def _limit_reason(limits: Limits) -> str:
    return (
        f"not read in this run: it stopped after {limits.max_new_articles} new articles "
        "(--max-articles); run again to continue"
    )


def _skip(store: Store, stats: RunStats, entry: Skipped) -> None:
    store.add_skipped(entry)
    stats.skipped.append(entry)


def _duplicates(articles: Iterable[Article]) -> dict[str, str]:
    return find_duplicates([DedupItem(a.id, a.text) for a in articles])

"""The pipeline: wires the stages in order over a store.

ingest -> extract -> language -> (store) -> dedup. Stages never call each other;
this module is the only place that knows their order. Each document is written
in its own transaction, so a run killed half-way keeps every finished document
and a re-run picks up where it stopped (documents are keyed by content hash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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
                else:
                    process_document(store, item, stats)
            if progress is not None:
                progress(str(path), done, total)
        with store.transaction():
            store.set_duplicates(_duplicates(store.articles()))
        result = RunResult(articles=store.articles(), skipped=store.skipped())
    return result, stats


def process_document(store: Store, doc: RawDocument, stats: RunStats) -> None:
    """Extract, tag and store one document; already-stored content is left alone."""
    first_source = store.source_of(doc.content_hash)
    if first_source is not None:
        stats.unchanged += 1
        if first_source != doc.source:
            _skip(store, stats, Skipped(doc.source, f"same content as {first_source}"))
        return
    try:
        extraction = extract(doc)
    except Exception as exc:
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


def _skip(store: Store, stats: RunStats, entry: Skipped) -> None:
    store.add_skipped(entry)
    stats.skipped.append(entry)


def _duplicates(articles: Iterable[Article]) -> dict[str, str]:
    return find_duplicates([DedupItem(a.id, a.text) for a in articles])

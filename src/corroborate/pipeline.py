"""The pipeline: wires the stages in order over a store.

ingest | fetch -> extract -> language -> (store) -> dedup -> nlp -> embed -> cluster ->
aliases -> quantities + timex -> reconcile -> timeline. Stages never call each other;
this module is the only place that knows their order. Local files go through ingest,
URLs (pages, feeds, sitemaps, files listing URLs) through fetch; both hand over the
same RawDocuments, which take the same path from there. Each
document is written in its own transaction, so a run killed half-way keeps every
finished document and a re-run picks up where it stopped (documents are keyed by
content hash; fetched pages are also asked for with their ETag / Last-Modified).

Stories are kept in the store too. A run re-clusters only the new articles together
with the stories their nearest stored neighbours belong to (found through a usearch
index beside the store), so a large archive is not re-clustered for every new page.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from corroborate.aliases import link_entities, mention_keys
from corroborate.cluster import ClusterParams, NeighbourIndex, cluster_stories, vector_key
from corroborate.dedup import DedupItem, find_duplicates
from corroborate.embed import DEFAULT_EMBEDDER, document_text, get_embedder
from corroborate.extract import extract
from corroborate.fetch import FetchOptions, Unchanged, is_remote, iter_fetch
from corroborate.ingest import list_inputs, read_file
from corroborate.language import detect_language
from corroborate.model import (
    Article,
    Extraction,
    Limits,
    NamedMention,
    RawDocument,
    RunResult,
    Skipped,
    Story,
    StoryCandidate,
)
from corroborate.nlp import DEFAULT_BACKEND as DEFAULT_RECOGNIZER
from corroborate.nlp import recognize
from corroborate.quantities import find_quantities
from corroborate.reconcile import ReconcileParams, reconcile
from corroborate.store import Store
from corroborate.timeline import build_timeline
from corroborate.timex import find_time_expressions

STORE_NAME = "corroborate.duckdb"
#: ETag / Last-Modified of fetched URLs, beside the default store (``DB.fetch-cache.json``
#: beside a store given with ``--db``): a 304 means "stored already" only for that store.
FETCH_CACHE_NAME = "fetch-cache.json"
#: Bump when the claim stages (quantities, timex, reconcile, timeline) change what
#: they find, so stored stories get their facts redone.
CLAIMS_VERSION = "1"
INDEX_SUFFIX = ".usearch"

#: Progress of a long phase: (phase, item shown to the user, items done, items in all).
#: Phases: "reading" (per input file), "fetching" (per URL), "entities" and "embedding"
#: (per article), "claims" (per re-clustered story).
ProgressCallback = Callable[[str, str, int, int], None]

#: Articles embedded per call, so progress moves and memory stays small.
EMBED_BATCH = 32


@dataclass
class RunOptions:
    limits: Limits = field(default_factory=Limits)
    store_path: Path | None = None
    #: Embedding backend spec (see :func:`corroborate.embed.get_embedder`).
    embedder: str = DEFAULT_EMBEDDER
    #: Named-entity backend spec (see :func:`corroborate.nlp.get_recognizer`).
    recognizer: str = DEFAULT_RECOGNIZER
    cluster: ClusterParams = field(default_factory=ClusterParams)
    reconcile: ReconcileParams = field(default_factory=ReconcileParams)
    #: How URLs are fetched; a ``cache_path`` of None means the one beside the store.
    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass
class RunStats:
    """What this run did, as opposed to what the store holds in all."""

    added: int = 0
    #: Documents already stored, including URLs the server said were not modified.
    unchanged: int = 0
    #: Pages downloaded (a 200 with a body), whether new to the store or not.
    fetched: int = 0
    #: URLs answered 304 Not Modified to a conditional request (also in ``unchanged``).
    not_modified: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    #: Articles (new, or whose story changed) clustered in this run.
    reclustered: int = 0


def run_pipeline(
    inputs: Sequence[Path | str],
    out_dir: Path,
    options: RunOptions | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[RunResult, RunStats]:
    """Ingest ``inputs`` into the store under ``out_dir`` and return everything it holds.

    ``inputs`` are files, folders, http(s) URLs and text files listing URLs.
    """
    options = options or RunOptions()
    store_path = _store_path(out_dir, options)
    stats = RunStats()
    files, urls = split_sources(inputs)
    with Store(store_path) as store:
        _read_files(store, files, stats, options.limits, progress)
        if urls:
            fetch = _fetch_options(store, store_path, options)
            _fetch(store, urls, stats, fetch, options.limits, progress)
        with store.transaction():
            store.set_duplicates(_duplicates(store.articles()))
        index_path = store_path.with_name(store_path.name + INDEX_SUFFIX)
        stats.reclustered = update_stories(store, index_path, options, progress)
        result = RunResult(
            articles=store.articles(), skipped=store.skipped(), stories=_ordered(store.stories())
        )
    return result, stats


def stored_stories(out_dir: Path, options: RunOptions | None = None) -> list[Story]:
    """The stories the store under ``out_dir`` holds now (none when there is no store yet).

    Why: ``watch`` compares each poll with what was there before it, also on its first poll.
    """
    store_path = _store_path(out_dir, options or RunOptions())
    if not store_path.exists():
        return []
    with Store(store_path) as store:
        return _ordered(store.stories())


def split_sources(inputs: Sequence[Path | str]) -> tuple[list[Path], list[str]]:
    """(local files and folders for ingest, URLs and URL-list files for fetch), in order."""
    files: list[Path] = []
    urls: list[str] = []
    for item in inputs:
        if is_remote(str(item)):
            urls.append(str(item))
        else:
            files.append(Path(item))
    return files, urls


def _store_path(out_dir: Path, options: RunOptions) -> Path:
    return options.store_path or out_dir / STORE_NAME


def _read_files(
    store: Store,
    inputs: Sequence[Path],
    stats: RunStats,
    limits: Limits,
    progress: ProgressCallback | None,
) -> None:
    """Ingest local files and folders: every document read or skipped, file by file."""
    listing = list_inputs(inputs)
    for entry in listing.skipped:
        _skip(store, stats, entry)
    total = len(listing.files)
    for done, path in enumerate(listing.files, start=1):
        for item in read_file(path, limits):
            _take(store, item, stats, limits)
        if progress is not None:
            progress("reading", str(path), done, total)


def _fetch(
    store: Store,
    urls: Sequence[str],
    stats: RunStats,
    options: FetchOptions,
    limits: Limits,
    progress: ProgressCallback | None,
) -> None:
    """Fetch URLs, feeds and sitemaps; each page is stored like a file's document.

    The generator is closed explicitly, so the validator cache is saved (for the pages
    already stored, and only those) also when the article limit or a Ctrl-C stops the loop.
    The article limit stops the fetch itself: the page that hit it keeps no validators,
    so the next run asks for it again instead of being told "not modified".
    """

    def fetched(url: str, done: int, total: int) -> None:
        if progress is not None:
            progress("fetching", url, done, total)

    with closing(iter_fetch(urls, options, fetched)) as items:
        for item in items:
            if isinstance(item, Unchanged):
                stats.unchanged += 1
                stats.not_modified += 1
                continue
            if isinstance(item, RawDocument):
                stats.fetched += 1
            if not _take(store, item, stats, limits):
                break


def _fetch_options(store: Store, store_path: Path, options: RunOptions) -> FetchOptions:
    """The fetch options with the validator cache that belongs to this store.

    A cache left beside a store that holds no documents (deleted, or never finished
    its first page) would make every URL "not modified" and the store stay empty, so it
    is not used.
    """
    fetch = options.fetch
    if fetch.cache_path is None:
        name = (
            FETCH_CACHE_NAME
            if options.store_path is None
            else f"{store_path.name}.{FETCH_CACHE_NAME}"
        )
        fetch = replace(fetch, cache_path=store_path.with_name(name))
    if store.count("raw_documents") == 0 and fetch.cache_path is not None:
        fetch.cache_path.unlink(missing_ok=True)
    return fetch


def _take(store: Store, item: RawDocument | Skipped, stats: RunStats, limits: Limits) -> bool:
    """Store one document (or skip) from ingest or fetch; False once the article limit
    turned a new document away."""
    if isinstance(item, Skipped):
        _skip(store, stats, item)
        return True
    if _at_article_limit(limits, stats) and not store.has_content(item.content_hash):
        _skip(store, stats, Skipped(item.source, _limit_reason(limits)))
        return False
    process_document(store, item, stats, limits.extraction_timeout_s)
    return True


def update_stories(
    store: Store,
    index_path: Path,
    options: RunOptions,
    progress: ProgressCallback | None = None,
) -> int:
    """Bring the stored stories up to date with the stored articles; return how many
    articles were re-clustered.

    Only new articles and the stories of their nearest stored neighbours are
    re-clustered; stories of articles that left (now near-duplicates) are redone too.
    A change of embedder or recognizer re-clusters everything. The store is written
    in one transaction, then the index file; a run killed in between finds the index
    out of date and rebuilds it from the stored vectors.
    """
    params = options.cluster
    models = {
        "embedder": options.embedder,
        "recognizer": options.recognizer,
        "claims": CLAIMS_VERSION,
    }
    story_of = store.story_of()
    if story_of and any(store.get_meta(key) != spec for key, spec in models.items()):
        # Stories made with other models, or by a version that did not record them.
        with store.transaction():
            store.clear_stories()
        story_of = {}
    articles = {a.id: a for a in store.articles() if a.duplicate_of is None}
    new = sorted(a for a in articles if a not in story_of)
    gone = sorted(a for a in story_of if a not in articles)
    if not new and not gone:
        return 0
    mentions = _mentions(store, options.recognizer, list(articles.values()), progress)
    vectors = _vectors(store, options.embedder, list(articles.values()), progress)
    kept = sorted(a for a in story_of if a in articles)
    index = _open_index(index_path, vectors, kept)
    keys = {vector_key(a): a for a in kept}
    touched = {story_of[a] for a in gone}
    if new:
        new_matrix = np.stack([vectors[a] for a in new])
        for near in index.neighbours(
            new_matrix, params.neighbour_count, params.neighbour_floor, keys
        ):
            touched.update(story_of[a] for a in near)
    block = sorted(set(new) | {a for a in kept if story_of[a] in touched})
    fresh = cluster_stories(
        [_candidate(articles[a], mentions[a]) for a in block],
        np.stack([vectors[a] for a in block]),
        params,
    )
    for done, story in enumerate(fresh, start=1):
        story.entities = link_entities(
            [m for a in story.articles for m in mentions[a]],
            {a: articles[a].language for a in story.articles},
        )
        add_claims(story, [articles[a] for a in story.articles], options)
        if progress is not None:
            progress("claims", story.title, done, len(fresh))
    _write_stories(store, touched, fresh)
    for key, spec in models.items():
        store.set_meta(key, spec)
    index.remove(gone)
    if new:
        index.add(new, np.stack([vectors[a] for a in new]))
    index.save(index_path)
    return len(block)


def add_claims(story: Story, members: Sequence[Article], options: RunOptions) -> None:
    """Fill ``story.facts`` and ``story.timeline`` from its articles' quantities and dates."""
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in members}
    times = {a.id: find_time_expressions(a.id, a.text, a.language, a.published) for a in members}
    encode = get_embedder(options.embedder).encode if len(members) > 1 else None
    story.facts = reconcile(members, quantities, times, story.entities, encode, options.reconcile)
    story.timeline = build_timeline(story.facts)


def _write_stories(store: Store, touched: set[str], fresh: list[Story]) -> None:
    """Replace the touched stories; drop ``related`` links to stories that are gone."""
    with store.transaction():
        store.replace_stories(touched, [])
        alive = {s.id for s in store.stories()} | {s.id for s in fresh}
        changed = [s for s in store.stories() if any(r not in alive for r in s.related)]
        for story in changed:
            story.related = [r for r in story.related if r in alive]
        store.replace_stories([], [*changed, *fresh])


def _vectors(
    store: Store,
    embedder_spec: str,
    articles: list[Article],
    progress: ProgressCallback | None,
) -> dict[str, npt.NDArray[np.float32]]:
    """Every article's vector: stored ones reused, missing ones embedded and stored."""
    stored = store.vectors(embedder_spec, [a.id for a in articles])
    vectors = {a: np.asarray(v, dtype=np.float32) for a, v in stored.items()}
    missing = [a for a in articles if a.id not in vectors]
    if not missing:
        return vectors
    embedder = get_embedder(embedder_spec)
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start : start + EMBED_BATCH]
        matrix = embedder.encode([document_text(a.title, a.text) for a in batch])
        fresh = {a.id: matrix[i] for i, a in enumerate(batch)}
        with store.transaction():
            store.add_vectors(embedder_spec, {a: v.tolist() for a, v in fresh.items()})
        vectors.update(fresh)
        if progress is not None:
            progress("embedding", batch[-1].source, start + len(batch), len(missing))
    return vectors


def _mentions(
    store: Store,
    recognizer: str,
    articles: list[Article],
    progress: ProgressCallback | None,
) -> dict[str, list[NamedMention]]:
    """Every article's named mentions: stored ones reused, missing ones recognised and stored.

    Each article's mentions are written in their own transaction, so a run killed
    half-way keeps what it recognised.
    """
    found = store.mentions(recognizer, [a.id for a in articles])
    missing = [a for a in articles if a.id not in found]
    for done, article in enumerate(missing, start=1):
        spans = recognize(article.id, article.text, article.language, recognizer)
        with store.transaction():
            store.add_mentions(recognizer, {article.id: spans})
        found[article.id] = spans
        if progress is not None:
            progress("entities", article.source, done, len(missing))
    return found


def _open_index(
    path: Path, vectors: dict[str, npt.NDArray[np.float32]], kept: list[str]
) -> NeighbourIndex:
    """The index of the ``kept`` articles: loaded if it matches, rebuilt otherwise."""
    dim = len(next(iter(vectors.values())))
    index = NeighbourIndex.load(path, dim, kept)
    if index is None:
        index = NeighbourIndex(dim)
        if kept:
            index.add(kept, np.stack([vectors[a] for a in kept]))
    return index


def _candidate(article: Article, mentions: Sequence[NamedMention]) -> StoryCandidate:
    return StoryCandidate(
        id=article.id,
        text=article.text,
        title=article.title,
        language=article.language,
        published=article.published,
        names=mention_keys(mentions, article.language),
    )


def _ordered(stories: list[Story]) -> list[Story]:
    """Largest story first, then by id: a stable order for reports and tests."""
    return sorted(stories, key=lambda s: (-len(s.articles), s.id))


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

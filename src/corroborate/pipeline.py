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
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from corroborate.aliases import link_entities, mention_keys
from corroborate.cluster import (
    PRIMARY_EMBEDDER,
    SECOND_EMBEDDER,
    ClusterParams,
    NeighbourIndex,
    cluster_stories,
    vector_key,
)
from corroborate.dedup import VERSION as DEDUP_VERSION
from corroborate.dedup import DedupItem, DuplicateUpdate
from corroborate.embed import DEFAULT_EMBEDDER, document_text, get_embedder
from corroborate.engine import (
    DEFAULT_ENGINE,
    Analysis,
    Engine,
    NerItem,
    StoryClaims,
    StoryWork,
    get_engine,
)
from corroborate.extract import extract
from corroborate.fetch import FetchOptions, Unchanged, is_remote, iter_fetch
from corroborate.ingest import decode_text, list_inputs, read_file
from corroborate.language import detect_language
from corroborate.model import (
    Article,
    Extraction,
    LanguageGuess,
    Limits,
    NamedMention,
    Problem,
    RawDocument,
    RunResult,
    Skipped,
    Story,
    StoryCandidate,
)
from corroborate.nlp import DEFAULT_BACKEND as DEFAULT_RECOGNIZER
from corroborate.quantities import find_quantities
from corroborate.reconcile import ReconcileParams, reconcile
from corroborate.store import Store, StoredArticles
from corroborate.timeline import build_timeline
from corroborate.timex import find_time_expressions

STORE_NAME = "corroborate.duckdb"
#: ETag / Last-Modified of fetched URLs, beside the default store (``DB.fetch-cache.json``
#: beside a store given with ``--db``): a 304 means "stored already" only for that store.
FETCH_CACHE_NAME = "fetch-cache.json"
#: Bump when the claim stages (quantities, timex, reconcile, timeline) change what
#: they find, so stored stories get their facts redone (3: "passed away" is a death,
#: "nearly killed" an injury).
CLAIMS_VERSION = "3"
#: Bump when the nlp stage finds other mentions with the same backend (2: datelines,
#: 3: towns named by their police, 4: also before a capitalised "Police" and a verb),
#: so stored mentions are recognised again and the stories re-clustered.
MENTIONS_VERSION = "4"
INDEX_SUFFIX = ".usearch"

#: Progress of a long phase: (phase, item shown to the user, items done, items in all).
#: Phases: "reading" (per input file), "fetching" (per URL), "dedup", "entities" and
#: "embedding" (per article), "claims" (per re-clustered story).
ProgressCallback = Callable[[str, str, int, int], None]

#: Documents read, analysed and stored per batch (and articles per NER or embedding
#: batch): memory stays flat however large the input, and the engine gets enough work
#: to spread over its workers.
STREAM_BATCH = 256
#: New articles compared for near-duplicates at once (their texts are in memory).
DEDUP_CHUNK = 2048


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
    #: Where the per-document stages run (see :func:`corroborate.engine.get_engine`).
    engine: str = DEFAULT_ENGINE
    #: Worker processes of the engine (None: one per core).
    workers: int | None = None
    #: A running Ray cluster for ``engine="ray"`` (None: start Ray locally).
    ray_address: str | None = None
    #: Skip articles published before this ISO date (YYYY-MM-DD); undated ones are kept.
    since: str | None = None
    batch_size: int = STREAM_BATCH


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
    #: Seconds spent per stage: ingest (reading and storing), extract (with language),
    #: fetch, dedup, entities, embedding, cluster, claims.
    seconds: dict[str, float] = field(default_factory=dict)


def run_pipeline(
    inputs: Sequence[Path | str],
    out_dir: Path,
    options: RunOptions | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[RunResult, RunStats]:
    """Ingest ``inputs`` into the store under ``out_dir`` and return everything it holds.

    ``inputs`` are files, folders, http(s) URLs and text files listing URLs. The
    result's articles are read from the store (closed by then) whenever they are gone
    through, so a store of 100,000 articles is not held in memory for the outputs.
    """
    options = options or RunOptions()
    _check_related(options)
    store_path = _store_path(out_dir, options)
    stats = RunStats()
    files, urls = split_sources(inputs)
    with Store(store_path) as store, _engine(options) as engine:
        intake = Intake(store, engine, stats, options)
        _read_files(intake, files, progress)
        if urls:
            fetch = _fetch_options(store, store_path, options)
            with timed(stats, "fetch"):
                _fetch(intake, urls, fetch, progress)
        with timed(stats, "dedup"), store.transaction():
            _update_duplicates(store, progress)
        index_path = store_path.with_name(store_path.name + INDEX_SUFFIX)
        stats.reclustered = update_stories(store, index_path, options, progress, engine, stats)
        ids, skipped, stories = store.article_ids(), store.skipped(), _ordered(store.stories())
    return RunResult(StoredArticles(store_path, ids), skipped, stories), stats


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


@contextmanager
def _engine(options: RunOptions) -> Iterator[Engine]:
    engine = get_engine(options.engine, options.workers, options.ray_address)
    try:
        yield engine
    finally:
        engine.close()


@contextmanager
def timed(stats: RunStats, stage: str) -> Iterator[None]:
    """Add the block's wall-clock seconds to ``stats.seconds[stage]``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        stats.seconds[stage] = stats.seconds.get(stage, 0.0) + time.perf_counter() - started


def _read_files(intake: Intake, inputs: Sequence[Path], progress: ProgressCallback | None) -> None:
    """Ingest local files and folders as a stream: documents go to the store batch by
    batch, so a WARC file of a million records never sits in memory at once. The engine
    extracts the next batch while this process stores the current one."""
    stats = intake.stats
    started = time.perf_counter()
    extracting = stats.seconds.get("extract", 0.0)
    listing = list_inputs(inputs)
    for entry in listing.skipped:
        _skip(intake.store, stats, entry)
    waiting: tuple[list[RawDocument | Skipped], Analyses] | None = None
    for batch in _batches(intake, listing.files, progress):
        started_batch = (batch, intake.start(batch))
        if waiting is not None:
            intake.take(*waiting)
        waiting = started_batch
    if waiting is not None:
        intake.take(*waiting)
    ingest = time.perf_counter() - started - (stats.seconds.get("extract", 0.0) - extracting)
    stats.seconds["ingest"] = stats.seconds.get("ingest", 0.0) + ingest


def _batches(
    intake: Intake, files: Sequence[Path], progress: ProgressCallback | None
) -> Iterator[list[RawDocument | Skipped]]:
    """The files' documents (or reasons to skip them), ``batch_size`` at a time."""
    batch: list[RawDocument | Skipped] = []
    for done, path in enumerate(files, start=1):
        for item in read_file(path, intake.options.limits):
            batch.append(item)
            if len(batch) >= intake.options.batch_size:
                yield batch
                batch = []
        if progress is not None:
            progress("reading", str(path), done, len(files))
    if batch:
        yield batch


def _fetch(
    intake: Intake,
    urls: Sequence[str],
    options: FetchOptions,
    progress: ProgressCallback | None,
) -> None:
    """Fetch URLs, feeds and sitemaps; each page is stored like a file's document.

    Pages are stored one at a time, as they come: the validator cache records a page
    once the loop asks for the next one, so it must be stored by then.
    The generator is closed explicitly, so the validator cache is saved (for the pages
    already stored, and only those) also when the article limit or a Ctrl-C stops the loop.
    The article limit stops the fetch itself: the page that hit it keeps no validators,
    so the next run asks for it again instead of being told "not modified".
    """
    stats = intake.stats

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
            if not intake.take([item]):
                break


def _fetch_options(store: Store, store_path: Path, options: RunOptions) -> FetchOptions:
    """The fetch options with the validator cache that belongs to this store, and the
    ingest stage's decoder (a fetched page decodes as the same bytes in a file would).

    A cache left beside a store that holds no documents (deleted, or never finished
    its first page) would make every URL "not modified" and the store stay empty, so it
    is not used.
    """
    fetch = replace(options.fetch, decode=decode_text)
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


#: Analyses under way: the function waits for them, keyed by content hash.
Analyses = Callable[[], dict[str, Analysis]]


@dataclass
class Intake:
    """Takes documents into the store batch by batch.

    The engine analyses the new documents of a batch (extract, language) wherever it
    runs them; this process alone writes the store, document by document, in input
    order, so the result is that of reading the documents one by one. A batch is one
    transaction, so a run killed half-way keeps whole batches only. A batch may be
    started before the one ahead of it is stored; a document the store gained in
    between is then analysed for nothing, and stored once.
    """

    store: Store
    engine: Engine
    stats: RunStats
    options: RunOptions

    def take(self, items: Sequence[RawDocument | Skipped], started: Analyses | None = None) -> bool:
        """Store (or skip) every item; False once the article limit turned one away.

        ``started``: the analyses :meth:`start` began for these items, if it did.
        """
        with self.store.transaction():  # one commit per batch, not per document
            return self._take(items, started)

    def _take(self, items: Sequence[RawDocument | Skipped], started: Analyses | None) -> bool:
        analyses: dict[str, Analysis] = {}
        writes = _BatchWrites.open(self.store, items)
        room = True
        for position, item in enumerate(items):
            if isinstance(item, Skipped):
                writes.skip(self.stats, item)
            elif (first_source := writes.sources.get(item.content_hash)) is not None:
                self._unchanged(item, first_source, writes)
            elif _at_article_limit(self.options.limits, self.stats):
                writes.skip(self.stats, Skipped(item.source, _limit_reason(self.options.limits)))
                room = False
            else:
                if started is not None:
                    with timed(self.stats, "extract"):
                        analyses.update(started())
                    started = None
                if item.content_hash not in analyses:
                    with timed(self.stats, "extract"):
                        analyses.update(self.start(items[position:], analyses)())
                self._store(item, analyses[item.content_hash], writes)
        writes.flush()
        return room

    def start(
        self, items: Sequence[RawDocument | Skipped], done: Mapping[str, Analysis] | None = None
    ) -> Analyses:
        """Begin analysing the documents of ``items`` the store lacks, at most as many as
        the article limit leaves room for (each gives at most one article); the returned
        function waits for them, keyed by content hash."""
        documents = [
            i for i in items if not isinstance(i, Skipped) and i.content_hash not in (done or {})
        ]
        stored = self.store.sources_of([doc.content_hash for doc in documents])
        wanted: dict[str, RawDocument] = {}
        for doc in documents:
            if doc.content_hash not in stored:
                wanted.setdefault(doc.content_hash, doc)
        docs = list(wanted.values())[: _room(self.options.limits, self.stats)]
        collect = self.engine.analyse_later(docs, self.options.limits.extraction_timeout_s)
        return lambda: dict(zip([doc.content_hash for doc in docs], collect(), strict=True))

    def _unchanged(self, doc: RawDocument, first_source: str, writes: _BatchWrites) -> None:
        self.stats.unchanged += 1
        if first_source != doc.source:
            writes.skip(self.stats, Skipped(doc.source, f"same content as {first_source}"))

    def _store(self, doc: RawDocument, analysis: Analysis, writes: _BatchWrites) -> None:
        """Write one new, analysed document (with the batch's other writes)."""
        too_old = _before(analysis, self.options.since)
        if too_old is not None:
            # No raw document either, so that a later run without --since reads it.
            writes.skip(self.stats, Skipped(doc.source, too_old))
            return
        writes.add_raw(doc)
        if analysis.language is None:
            writes.skip(self.stats, Skipped(doc.source, analysis.reason or "no article text"))
            return
        article_id = writes.free_id(doc.doc_id, doc.content_hash)
        writes.add_article(_article(article_id, doc, analysis.extraction, analysis.language))
        self.stats.added += 1


@dataclass
class _BatchWrites:
    """One batch's writes, gathered into a few statements: one query for the contents
    and article ids the store already has, one insert for the raw documents and one for
    the articles. Why: six statements a document cost about 10 ms a document. What the
    batch itself adds is looked up here first, so the result is that of storing the
    documents one by one; a skip is written at once, after the articles before it (an
    article clears its source's earlier skip entry)."""

    store: Store
    #: Content hash -> the first source that brought it (stored, or earlier in the batch).
    sources: dict[str, str]
    #: Article id -> its content hash (None: free), for the batch's document ids and
    #: the ids the batch takes.
    owners: dict[str, str | None]
    raws: list[RawDocument] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)

    @classmethod
    def open(cls, store: Store, items: Sequence[RawDocument | Skipped]) -> _BatchWrites:
        docs = [item for item in items if not isinstance(item, Skipped)]
        ids = list(dict.fromkeys(doc.doc_id for doc in docs))
        owners: dict[str, str | None] = dict.fromkeys(ids)
        owners.update(store.article_owners(ids))
        return cls(store, store.sources_of([doc.content_hash for doc in docs]), owners)

    def add_raw(self, doc: RawDocument) -> None:
        self.raws.append(doc)
        self.sources.setdefault(doc.content_hash, doc.source)

    def add_article(self, article: Article) -> None:
        self.articles.append(article)
        self.owners[article.id] = article.content_hash

    def free_id(self, doc_id: str, content_hash: str) -> str:
        return self.store.free_article_id(doc_id, content_hash, self.owners)

    def skip(self, stats: RunStats, entry: Skipped) -> None:
        self.flush()
        _skip(self.store, stats, entry)

    def flush(self) -> None:
        self.store.add_raws(self.raws)
        self.store.add_articles(self.articles)
        self.raws.clear()
        self.articles.clear()


def _room(limits: Limits, stats: RunStats) -> int | None:
    """How many more new articles the limit allows (None: no limit)."""
    if limits.max_new_articles is None:
        return None
    return max(0, limits.max_new_articles - stats.added)


def _before(analysis: Analysis, since: str | None) -> str | None:
    """Why an article published before ``since`` is skipped (None: it is not)."""
    published = analysis.extraction.published
    if since is None or published is None or published >= since:
        return None
    return f"published {published}, before --since {since}"


def update_stories(
    store: Store,
    index_path: Path,
    options: RunOptions,
    progress: ProgressCallback | None = None,
    engine: Engine | None = None,
    stats: RunStats | None = None,
) -> int:
    """Bring the stored stories up to date with the stored articles; return how many
    articles were re-clustered.

    Only new articles and the stories of their nearest stored neighbours are
    re-clustered; stories of articles that left (now near-duplicates) are redone too.
    A change of embedder or recognizer re-clusters everything. Only the articles of
    that block are read from the store (texts, mentions, vectors), so a run that adds
    a few articles to a large store costs what it changes. The store is written in one
    transaction, then the index file; a run killed in between finds the index out of
    date and rebuilds it from the stored vectors. NER and embeddings of articles not
    seen before run on ``engine`` (default: in-process).
    """
    _check_related(options)
    engine = engine or get_engine(workers=1)
    stats = stats or RunStats()
    params = options.cluster
    models = {
        "embedder": options.embedder,
        "recognizer": options.recognizer,
        "mentions": MENTIONS_VERSION,
        "claims": CLAIMS_VERSION,
        "related": params.related_scorer,
    }
    story_of = store.story_of()
    if story_of and any(store.get_meta(key) != spec for key, spec in models.items()):
        # Stories made with other models, or by a version that did not record them.
        with store.transaction():
            store.clear_stories()
        story_of = {}
    present = store.kept_article_ids()
    new = [a for a in present if a not in story_of]
    gone = sorted(set(story_of) - set(present))
    if not new and not gone:
        return 0
    with timed(stats, "entities"):
        _recognise_missing(store, engine, options.recognizer, present, progress)
    with timed(stats, "embedding"):
        _embed_missing(store, engine, options.embedder, present, progress)
        if params.related_scorer == "learned":
            _embed_missing(store, engine, SECOND_EMBEDDER, present, progress)
    started = time.perf_counter()
    kept = sorted(a for a in story_of if a not in gone)
    new_vectors = _stored_vectors(store, options.embedder, new)
    index = _open_index(store, index_path, options.embedder, kept, new_vectors)
    touched = {story_of[a] for a in gone}
    if new:
        keys = {vector_key(a): a for a in kept}
        new_matrix = np.stack([new_vectors[a] for a in new])
        for near in index.neighbours(
            new_matrix, params.neighbour_count, params.neighbour_floor, keys
        ):
            touched.update(story_of[a] for a in near)
    block = sorted(set(new) | {a for a in kept if story_of[a] in touched})
    articles = {a.id: a for a in store.articles(block)}
    mentions = store.mentions(mentions_key(options.recognizer), block)
    vectors = new_vectors | _stored_vectors(
        store, options.embedder, [a for a in block if a not in new_vectors]
    )
    fresh = cluster_stories(
        [_candidate(articles[a], mentions[a]) for a in block],
        np.stack([vectors[a] for a in block]) if block else np.zeros((0, index.dim)),
        params,
        _second_vectors(store, params, block),
    )
    stats.seconds["cluster"] = stats.seconds.get("cluster", 0.0) + time.perf_counter() - started
    with timed(stats, "claims"), store.transaction():
        _drop_stories(store, touched, {story.id for story in fresh})
        for group in _story_claims(fresh, articles, mentions, engine, options, progress):
            store.replace_stories([], group)
    for key, spec in models.items():
        store.set_meta(key, spec)
    index.remove(gone)
    if new:
        index.add(new, np.stack([new_vectors[a] for a in new]))
    index.save(index_path)
    return len(block)


def _story_claims(
    stories: Sequence[Story],
    articles: dict[str, Article],
    mentions: dict[str, list[NamedMention]],
    engine: Engine,
    options: RunOptions,
    progress: ProgressCallback | None,
) -> Iterator[list[Story]]:
    """Each group of ``stories`` with its entities, facts and timeline, as it is done.

    Worked out on the engine a few stories' worth of articles at a time, the next
    group started before this one is collected. The groups come back as copies for
    the caller to write away, so the entities and facts of finished stories are not
    held until the last one is done: only the stories' member lists stay.
    """
    groups = list(_story_groups(stories, options.batch_size))
    under_way = [_start_claims(groups[0], articles, mentions, engine, options)] if groups else []
    done = 0
    for number, group in enumerate(groups):
        if number + 1 < len(groups):
            under_way.append(_start_claims(groups[number + 1], articles, mentions, engine, options))
        finished: list[Story] = []
        for story, claims in zip(group, under_way.pop(0)(), strict=True):
            finished.append(
                replace(
                    story,
                    entities=claims.entities,
                    facts=claims.facts,
                    timeline=claims.timeline,
                    problems=claims.problems,
                )
            )
            done += 1
            if progress is not None:
                progress("claims", story.title, done, len(stories))
        yield finished


def _start_claims(
    group: Sequence[Story],
    articles: dict[str, Article],
    mentions: dict[str, list[NamedMention]],
    engine: Engine,
    options: RunOptions,
) -> Callable[[], list[StoryClaims]]:
    works = [
        StoryWork(
            articles=[articles[a] for a in story.articles],
            mentions=[m for a in story.articles for m in mentions[a]],
        )
        for story in group
    ]
    return engine.reconcile_later(works, options.embedder, options.reconcile)


def _story_groups(stories: Sequence[Story], size: int) -> Iterator[list[Story]]:
    """Consecutive stories, about ``size`` articles per group (a bigger story alone)."""
    group: list[Story] = []
    count = 0
    for story in stories:
        if group and count + len(story.articles) > size:
            yield group
            group, count = [], 0
        group.append(story)
        count += len(story.articles)
    if group:
        yield group


#: An error is told in at most this many characters: an exception's message may hold
#: a whole article, and it is stored with the story.
MAX_ERROR_CHARS = 300


def story_claims(work: StoryWork, embedder: str, params: ReconcileParams) -> StoryClaims:
    """Entities, facts and timeline of one story, from its articles and their mentions;
    touches no store, so any process can run it.

    One story must not end the run: when its claim stages fail, the story keeps its
    articles with no entities or facts, the story's ``problems`` say why (stories.json
    and the report show it), and stderr tells it with the story's first source. (An
    unknown embedder is the run's error, not the story's: it is raised.)"""
    encode = get_embedder(embedder).encode if len(work.articles) > 1 else None
    try:
        return _claims_of(work, encode, params)
    except Exception as exc:
        first = work.articles[0].source if work.articles else "?"
        count = f"{len(work.articles)} article{'s' * (len(work.articles) != 1)}"
        error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
        told = f"corroborate: no claims for the story of {first} ({count}): {error}"
        print(told, file=sys.stderr)
        message = f"The story's entities, facts and timeline could not be worked out ({error})."
        return StoryClaims([], [], [], [Problem("claims_failed", message)])


def _claims_of(
    work: StoryWork,
    encode: Callable[[Sequence[str]], npt.NDArray[np.float32]] | None,
    params: ReconcileParams,
) -> StoryClaims:
    articles = work.articles
    outlets = {a.outlet for a in articles if a.outlet}
    entities = link_entities(work.mentions, {a.id: a.language for a in articles}, outlets, encode)
    quantities = {a.id: find_quantities(a.id, a.text, a.language) for a in articles}
    times = {a.id: find_time_expressions(a.id, a.text, a.language, a.published) for a in articles}
    facts = reconcile(articles, quantities, times, entities, encode, params)
    return StoryClaims(entities, facts, build_timeline(facts))


def _drop_stories(store: Store, touched: set[str], fresh: set[str]) -> None:
    """Remove the ``touched`` stories, and the ``related`` links other stored stories
    keep to ones that are gone (not taken again by a ``fresh`` story id)."""
    store.replace_stories(touched, [])
    links = store.story_links()
    alive = set(links) | fresh
    dangling = [story_id for story_id, related in links.items() if set(related) - alive]
    changed = store.stories_by_id(dangling)
    for story in changed:
        story.related = [r for r in story.related if r in alive]
    store.replace_stories([], changed)


def _embed_missing(
    store: Store,
    engine: Engine,
    embedder_spec: str,
    article_ids: list[str],
    progress: ProgressCallback | None,
) -> None:
    """Embed and store the vectors those of ``article_ids`` lack, one batch (one
    transaction) at a time, reading only those articles."""
    missing = store.without_vectors(embedder_spec, article_ids)
    for start in range(0, len(missing), STREAM_BATCH):
        batch = store.articles(missing[start : start + STREAM_BATCH])
        matrix = engine.embed([document_text(a.title, a.text) for a in batch], embedder_spec)
        with store.transaction():
            store.add_vectors(
                embedder_spec, {a.id: matrix[i].tolist() for i, a in enumerate(batch)}
            )
        if progress is not None:
            progress("embedding", batch[-1].source, start + len(batch), len(missing))


def _check_related(options: RunOptions) -> None:
    """Refuse, before reading anything, a learned related scorer over other vectors
    than the ones it was fitted on."""
    if options.cluster.related_scorer == "learned" and options.embedder != PRIMARY_EMBEDDER:
        raise ValueError(
            f"the learned related scorer reads {PRIMARY_EMBEDDER} vectors, not {options.embedder}"
        )


def _second_vectors(
    store: Store, params: ClusterParams, block: Sequence[str]
) -> npt.NDArray[np.float32] | None:
    """The e5 vectors of ``block`` when the learned related scorer reads them."""
    if params.related_scorer != "learned" or not block:
        return None
    second = _stored_vectors(store, SECOND_EMBEDDER, block)
    return np.stack([second[a] for a in block])


def _stored_vectors(
    store: Store, embedder_spec: str, article_ids: Sequence[str]
) -> dict[str, npt.NDArray[np.float32]]:
    stored = store.vectors(embedder_spec, article_ids)
    return {a: np.asarray(v, dtype=np.float32) for a, v in stored.items()}


def _recognise_missing(
    store: Store,
    engine: Engine,
    recognizer: str,
    article_ids: list[str],
    progress: ProgressCallback | None,
) -> None:
    """Recognise and store the named mentions those of ``article_ids`` lack, one batch
    (one transaction) at a time, so a run killed half-way keeps what it recognised."""
    stored_as = mentions_key(recognizer)
    missing = store.without_mentions(stored_as, article_ids)
    for start in range(0, len(missing), STREAM_BATCH):
        batch = store.articles(missing[start : start + STREAM_BATCH])
        spans = engine.recognize([NerItem(a.id, a.text, a.language) for a in batch], recognizer)
        with store.transaction():
            store.add_mentions(stored_as, {a.id: m for a, m in zip(batch, spans, strict=True)})
        if progress is not None:
            progress("entities", batch[-1].source, start + len(batch), len(missing))


def mentions_key(recognizer: str) -> str:
    """What stored mentions are filed under: the backend and the stage's version."""
    return f"{recognizer}@{MENTIONS_VERSION}"


def _open_index(
    store: Store,
    path: Path,
    embedder_spec: str,
    kept: list[str],
    new_vectors: dict[str, npt.NDArray[np.float32]],
) -> NeighbourIndex:
    """The index of the ``kept`` articles: loaded if it matches, else rebuilt from their
    stored vectors (the only case that reads them all)."""
    sample = next(iter(new_vectors.values()), None)
    if sample is None and kept:
        sample = _stored_vectors(store, embedder_spec, kept[:1])[kept[0]]
    dim = len(sample) if sample is not None else 0
    index = NeighbourIndex.load(path, dim, kept)
    if index is None:
        index = NeighbourIndex(dim)
        if kept:
            vectors = _stored_vectors(store, embedder_spec, kept)
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


def analyse_document(doc: RawDocument, timeout_s: float | None = None) -> Analysis:
    """Extract and tag one document, touching no store, so any process can run it.

    One bad page must not end the run: a failure or timeout becomes the reason why the
    document gives no article.
    """
    try:
        with time_limit(timeout_s):
            extraction = extract(doc)
    except ExtractionTimeout:
        reason = f"extraction took longer than {timeout_s:g} s (per-document time limit)"
        return Analysis(Extraction(text=""), None, reason)
    except Exception as exc:
        return Analysis(
            Extraction(text=""), None, f"extraction failed: {type(exc).__name__}: {exc}"
        )
    if not extraction.text.strip():
        details = "; ".join(problem.message for problem in extraction.problems)
        reason = "no article text found in the document" + (f" ({details})" if details else "")
        return Analysis(extraction, None, reason)
    return Analysis(extraction, detect_language(extraction.text))


def _article(
    article_id: str, doc: RawDocument, extraction: Extraction, guess: LanguageGuess
) -> Article:
    return Article(
        id=article_id,
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


def _update_duplicates(store: Store, progress: ProgressCallback | None = None) -> None:
    """Compare the articles not yet compared with every stored one (through the stored
    band keys) and update the near-duplicate groups; all of them again when the
    stored keys were made under other settings. New articles go a chunk at a time,
    each chunk's keys stored before the next, so memory does not grow with their number."""
    if store.get_meta("dedup") != DEDUP_VERSION:
        store.clear_band_keys()
        store.set_meta("dedup", DEDUP_VERSION)
    unsigned = store.unsigned_article_ids()
    if not unsigned:
        return
    previous = store.duplicate_map() if store.count("dedup_bands") else {}
    update = DuplicateUpdate(store, previous)
    for start in range(0, len(unsigned), DEDUP_CHUNK):
        chunk = unsigned[start : start + DEDUP_CHUNK]
        texts = store.texts(chunk)
        store.add_band_keys(update.add([DedupItem(a, texts[a]) for a in chunk]))
        if progress is not None:
            progress("dedup", chunk[-1], start + len(chunk), len(unsigned))
    store.set_duplicates(update.mapping())

"""The embedded store: one DuckDB file holding raw inputs, articles, what the stages
found in them (vectors, named mentions, stories) and skipped inputs.

Why DuckDB: no server to start, one file a user can copy or query with SQL, and
transactions, so an interrupted run never leaves half an article behind. Raw
bytes of every document we could read are kept, so extraction can be redone
later without the original files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, overload

import duckdb

from corroborate.model import (
    Article,
    Claim,
    Entity,
    Fact,
    Mention,
    NamedMention,
    Place,
    Problem,
    RawDocument,
    Skipped,
    Story,
    TimelineEntry,
    plain,
)

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS raw_documents (
    content_hash VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    media_type VARCHAR NOT NULL,
    raw BLOB NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    title VARCHAR, outlet VARCHAR, author VARCHAR, url VARCHAR,
    published VARCHAR, published_raw VARCHAR,
    language VARCHAR NOT NULL, language_confidence DOUBLE NOT NULL,
    duplicate_of VARCHAR,
    text VARCHAR NOT NULL,
    problems VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS embeddings (
    article_id VARCHAR NOT NULL,
    embedder VARCHAR NOT NULL,
    vector FLOAT[] NOT NULL,
    PRIMARY KEY (article_id, embedder)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    recognizer VARCHAR NOT NULL,
    payload VARCHAR NOT NULL,
    PRIMARY KEY (article_id, recognizer)
);
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY,
    payload VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS story_members (
    article_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL
);
DROP TABLE IF EXISTS signatures;
CREATE TABLE IF NOT EXISTS dedup_bands (
    article_id VARCHAR NOT NULL,
    band INTEGER NOT NULL,
    key BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped (
    source VARCHAR PRIMARY KEY,
    reason VARCHAR NOT NULL,
    seen_at TIMESTAMP DEFAULT current_timestamp
);
"""

#: Column name -> DuckDB type, for inserting many rows in one statement.
_RAW_TYPES = {
    "content_hash": "VARCHAR", "doc_id": "VARCHAR", "source": "VARCHAR",
    "media_type": "VARCHAR", "raw": "BLOB",
}  # fmt: skip
_ARTICLE_TYPES = {
    "id": "VARCHAR", "content_hash": "VARCHAR", "source": "VARCHAR", "title": "VARCHAR",
    "outlet": "VARCHAR", "author": "VARCHAR", "url": "VARCHAR", "published": "VARCHAR",
    "published_raw": "VARCHAR", "language": "VARCHAR", "language_confidence": "DOUBLE",
    "duplicate_of": "VARCHAR", "text": "VARCHAR", "problems": "VARCHAR",
}  # fmt: skip
ARTICLE_COLUMNS = ", ".join(_ARTICLE_TYPES)
#: Stories written a statement: their JSON payloads are built a group at a time (all
#: at once held about 500 MB at 100,000 articles).
_STORIES_PER_INSERT = 256
_BAND_TYPES = {"article_id": "VARCHAR", "band": "INTEGER", "key": "BIGINT"}


def _article_row(article: Article) -> tuple[object, ...]:
    return (
        article.id, article.content_hash, article.source, article.title, article.outlet,
        article.author, article.url, article.published, article.published_raw,
        article.language, article.language_confidence, article.duplicate_of, article.text,
        _problems_json(article.problems),
    )  # fmt: skip


#: DuckDB's memory limit (its buffer pool; it spills to disk beyond it). DuckDB's own
#: default is 80% of the machine's memory, and it keeps written blocks cached up to
#: that: ingesting 100,000 documents held 1.8 GB. At 512 MB the cache still filled at
#: 100k and not at 10k (peaks 1,536 / 1,177 MB); at 256 MB they were 1,378 / 1,186 MB
#: and dedup, the stage leaning on it most, was no slower. ``CORROBORATE_DB_MEMORY``
#: sets another (DuckDB's syntax: "2GB").
MEMORY_LIMIT = os.environ.get("CORROBORATE_DB_MEMORY") or "256MB"


class StoreBusy(RuntimeError):
    """Another process holds the store open (DuckDB allows one writer)."""


class Store:
    """A small typed surface over the DuckDB file; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._open_transaction = False
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = duckdb.connect(str(path), config={"memory_limit": MEMORY_LIMIT})
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreBusy(
                    f"{path} is in use by another corroborate process; wait for it to finish"
                ) from exc
            raise
        # DuckDB prints its own progress bar for a statement over two seconds (such as
        # the checkpoint after a batch of large pages), breaking into the run's display.
        self._db.execute("SET enable_progress_bar = false")
        self._db.execute(_DDL)
        self._db.execute(
            "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes so a crash leaves either all of them or none.

        A transaction inside another one joins it (DuckDB has no nested transactions):
        the outer one decides, so a caller can make many small units of work one commit.
        """
        if self._open_transaction:
            yield
            return
        self._db.execute("BEGIN TRANSACTION")
        self._open_transaction = True
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._open_transaction = False

    def has_content(self, content_hash: str) -> bool:
        return self.source_of(content_hash) is not None

    def source_of(self, content_hash: str) -> str | None:
        """The source that first brought in this exact content, if any did."""
        return self.sources_of([content_hash]).get(content_hash)

    def free_article_id(
        self, doc_id: str, content_hash: str, known: Mapping[str, str | None] | None = None
    ) -> str:
        """``doc_id`` unless another document already owns it; then a suffixed id.

        ``known``: article id -> owning content hash (None: free) for ids the caller
        already knows, such as those of a batch not yet written; others are queried.
        """
        candidate = doc_id
        while True:
            if known is not None and candidate in known:
                owner = known[candidate]
            else:
                owner = self.article_owners([candidate]).get(candidate)
            if owner is None or owner == content_hash:
                return candidate
            candidate = f"{doc_id}~{content_hash[: 8 + len(candidate) - len(doc_id)]}"

    def sources_of(self, content_hashes: Sequence[str]) -> dict[str, str]:
        """:meth:`source_of` for many contents in one query (those the store holds)."""
        if not content_hashes:
            return {}
        rows = self._db.execute(
            "SELECT content_hash, source FROM raw_documents "
            "WHERE content_hash IN (SELECT unnest(?::VARCHAR[]))",
            [list(content_hashes)],
        ).fetchall()
        return {str(content_hash): str(source) for content_hash, source in rows}

    def article_owners(self, ids: Sequence[str]) -> dict[str, str]:
        """The content hash of each of ``ids`` that names a stored article."""
        if not ids:
            return {}
        rows = self._db.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [list(ids)],
        ).fetchall()
        return {str(article_id): str(content_hash) for article_id, content_hash in rows}

    def add_raws(self, docs: Sequence[RawDocument]) -> None:
        """:meth:`add_raw` for many documents in one statement."""
        rows = [(d.content_hash, d.doc_id, d.source, d.media_type, d.raw) for d in docs]
        self._insert("raw_documents", _RAW_TYPES, rows, conflict="IGNORE")

    def add_articles(self, articles: Sequence[Article]) -> None:
        """:meth:`add_article` for many articles in one statement (and one to clear
        their sources' earlier skip entries)."""
        self._insert("articles", _ARTICLE_TYPES, [_article_row(a) for a in articles])
        if articles:
            self._db.execute(
                "DELETE FROM skipped WHERE source IN (SELECT unnest(?::VARCHAR[]))",
                [[a.source for a in articles]],
            )

    def add_raw(self, doc: RawDocument) -> None:
        self.add_raws([doc])

    def add_article(self, article: Article) -> None:
        self.add_articles([article])

    def add_skipped(self, entry: Skipped) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO skipped (source, reason) VALUES (?, ?)",
            [entry.source, entry.reason],
        )

    def set_duplicates(self, duplicate_of: dict[str, str]) -> None:
        """Replace every article's ``duplicate_of`` with the given mapping."""
        self._db.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
        if duplicate_of:
            pairs = sorted(duplicate_of.items())
            self._db.execute(
                "UPDATE articles SET duplicate_of = m.kept FROM "
                "(SELECT unnest(?::VARCHAR[]) AS dup, unnest(?::VARCHAR[]) AS kept) AS m "
                "WHERE articles.id = m.dup",
                [[dup for dup, _ in pairs], [kept for _, kept in pairs]],
            )

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Every stored article in id order, or only those of ``ids`` (unknown ids are left out)."""
        if ids is None:
            query, args = f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id", []
        else:
            query = (
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id"
            )
            args = [list(ids)]
        return [article_from_row(row) for row in self._db.execute(query, args).fetchall()]

    def article_ids(self) -> list[str]:
        """Every stored article's id, in id order."""
        rows = self._db.execute("SELECT id FROM articles ORDER BY id").fetchall()
        return [str(row[0]) for row in rows]

    def kept_article_ids(self) -> list[str]:
        """Ids of the articles that are not near-duplicates of another, in id order."""
        rows = self._db.execute(
            "SELECT id FROM articles WHERE duplicate_of IS NULL ORDER BY id"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The texts of those of ``ids`` that are stored."""
        return {str(a): str(text) for a, text in self._by_id("text", ids)}

    def _by_id(self, column: str, ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """(id, ``column``) of those of ``ids`` that are stored; ``column`` is an SQL
        expression from this module."""
        if not ids:
            return []
        return self._db.execute(
            f"SELECT id, {column} FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()

    def duplicate_map(self) -> dict[str, str]:
        """Article id -> the id of the article it is a near-duplicate of."""
        rows = self._db.execute(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchall()
        return {str(article_id): str(kept) for article_id, kept in rows}

    # ------------------------------------------------------------ near-duplicate bands

    def unsigned_article_ids(self) -> list[str]:
        """Articles without band keys (not yet compared for near-duplicates), in id order."""
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM dedup_bands) "
            "ORDER BY id"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def add_band_keys(self, keys: Mapping[str, Sequence[int]]) -> None:
        """Store each article's near-duplicate band keys (band number = list position)."""
        rows = [(a, band, key) for a, bands in keys.items() for band, key in enumerate(bands)]
        self._insert("dedup_bands", _BAND_TYPES, rows, conflict=None)

    def sharing_bands(self, keys: Mapping[str, Sequence[int]]) -> dict[str, list[str]]:
        """For each of ``keys``' article ids, the stored articles sharing one of its band
        keys (one join, however many articles are stored)."""
        rows = [(a, band, key) for a, bands in keys.items() for band, key in enumerate(bands)]
        if not rows:
            return {}
        found = self._db.execute(
            "SELECT n.article_id, list(DISTINCT s.article_id ORDER BY s.article_id) FROM "
            "(SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::INTEGER[]) AS band, "
            "unnest(?::BIGINT[]) AS key) AS n "
            "JOIN dedup_bands AS s ON s.band = n.band AND s.key = n.key "
            "GROUP BY n.article_id",
            [list(column) for column in zip(*rows, strict=True)],
        ).fetchall()
        return {str(article_id): [str(o) for o in others] for article_id, others in found}

    def text_lengths(self, ids: Sequence[str]) -> dict[str, int]:
        """The length in characters of the texts of those of ``ids`` that are stored."""
        return {str(a): int(length) for a, length in self._by_id("length(text)", ids)}

    def clear_band_keys(self) -> None:
        self._db.execute("DELETE FROM dedup_bands")

    def _insert(
        self,
        table: str,
        columns: dict[str, str],
        rows: Sequence[Sequence[object]],
        conflict: str | None = "REPLACE",
    ) -> None:
        """INSERT OR ``conflict`` (REPLACE, IGNORE, or None: a plain INSERT into a table
        without a key) ``rows`` in one statement: one list
        parameter per column, unnested side by side. Why: ``executemany`` costs about
        1.7 ms a row here (17 s for the signatures of 10,000 articles); this takes 0.2 s.
        ``table``, ``columns`` (name -> DuckDB type) and ``conflict`` come from this
        module only."""
        if not rows:
            return
        names = ", ".join(columns)
        values = ", ".join(f"unnest(?::{kind}[])" for kind in columns.values())
        self._db.execute(
            f"INSERT {f'OR {conflict} ' if conflict else ''}INTO {table} ({names}) SELECT {values}",
            [list(column) for column in zip(*rows, strict=True)],
        )

    def clear_signatures(self) -> None:
        self._db.execute("DELETE FROM signatures")

    def skipped(self) -> list[Skipped]:
        rows = self._db.execute("SELECT source, reason FROM skipped ORDER BY source").fetchall()
        return [Skipped(source, reason) for source, reason in rows]

    def raw_bytes(self, content_hash: str) -> bytes | None:
        row = self._db.execute(
            "SELECT raw FROM raw_documents WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return bytes(row[0]) if row else None

    # ------------------------------------------------------------ embeddings

    def vectors(self, embedder: str, article_ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors of ``embedder`` for those of ``article_ids`` that have one."""
        if not article_ids:
            return {}
        rows = self._db.execute(
            "SELECT article_id, vector FROM embeddings WHERE embedder = ? "
            "AND article_id IN (SELECT unnest(?))",
            [embedder, list(article_ids)],
        ).fetchall()
        return {str(article_id): list(vector) for article_id, vector in rows}

    def without_vectors(self, embedder: str, article_ids: Sequence[str]) -> list[str]:
        """Those of ``article_ids`` with no stored vector of ``embedder``, in the order given."""
        return self._missing("embeddings", "embedder", embedder, article_ids)

    def _missing(
        self, table: str, column: str, value: str, article_ids: Sequence[str]
    ) -> list[str]:
        """Those of ``article_ids`` without a row of ``table`` for ``value`` (our names only)."""
        if not article_ids:
            return []
        rows = self._db.execute(
            f"SELECT article_id FROM {table} WHERE {column} = ? "
            "AND article_id IN (SELECT unnest(?))",
            [value, list(article_ids)],
        ).fetchall()
        present = {str(row[0]) for row in rows}
        return [a for a in article_ids if a not in present]

    def add_vectors(self, embedder: str, vectors: Mapping[str, Sequence[float]]) -> None:
        self._insert(
            "embeddings",
            {"article_id": "VARCHAR", "embedder": "VARCHAR", "vector": "FLOAT[]"},
            [(article_id, embedder, list(map(float, v))) for article_id, v in vectors.items()],
        )

    # ------------------------------------------------------------ named mentions

    def mentions(
        self, recognizer: str, article_ids: Sequence[str]
    ) -> dict[str, list[NamedMention]]:
        """Stored NER output of ``recognizer`` for those of ``article_ids`` that have it.

        An article the recognizer found nothing in maps to an empty list: it was
        read, so it is not read again.
        """
        if not article_ids:
            return {}
        rows = self._db.execute(
            "SELECT article_id, payload FROM mentions WHERE recognizer = ? "
            "AND article_id IN (SELECT unnest(?))",
            [recognizer, list(article_ids)],
        ).fetchall()
        return {
            str(article_id): [NamedMention(**m) for m in json.loads(str(payload))]
            for article_id, payload in rows
        }

    def without_mentions(self, recognizer: str, article_ids: Sequence[str]) -> list[str]:
        """Those of ``article_ids`` without stored mentions of ``recognizer``, in order given."""
        return self._missing("mentions", "recognizer", recognizer, article_ids)

    def add_mentions(self, recognizer: str, mentions: Mapping[str, Sequence[NamedMention]]) -> None:
        self._insert(
            "mentions",
            {"article_id": "VARCHAR", "recognizer": "VARCHAR", "payload": "VARCHAR"},
            [
                (article_id, recognizer, json.dumps([plain(m) for m in found], ensure_ascii=False))
                for article_id, found in mentions.items()
            ],
        )

    # ------------------------------------------------------------ stories

    def story_of(self) -> dict[str, str]:
        """Article id -> id of the story it is in, for every clustered article."""
        rows = self._db.execute("SELECT article_id, story_id FROM story_members").fetchall()
        return {str(article_id): str(story) for article_id, story in rows}

    def replace_stories(self, removed: Iterable[str], stories: Iterable[Story]) -> None:
        """Drop the ``removed`` stories and write ``stories`` (payload and members)."""
        removed = list(removed)
        if removed:
            self._db.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?))", [removed])
            self._db.execute(
                "DELETE FROM story_members WHERE story_id IN (SELECT unnest(?))", [removed]
            )
        stories = list(stories)
        for start in range(0, len(stories), _STORIES_PER_INSERT):
            chunk = stories[start : start + _STORIES_PER_INSERT]
            payloads = [(s.id, json.dumps(plain(s), ensure_ascii=False)) for s in chunk]
            self._insert("stories", {"id": "VARCHAR", "payload": "VARCHAR"}, payloads)
            members = [(a, s.id) for s in chunk for a in s.articles]
            self._insert("story_members", {"article_id": "VARCHAR", "story_id": "VARCHAR"}, members)

    def stories(self) -> list[Story]:
        rows = self._db.execute("SELECT payload FROM stories ORDER BY id").fetchall()
        return _stories(rows)

    def stories_by_id(self, story_ids: Sequence[str]) -> list[Story]:
        """The stored stories of ``story_ids`` (unknown ids are left out), in id order."""
        if not story_ids:
            return []
        rows = self._db.execute(
            "SELECT payload FROM stories WHERE id IN (SELECT unnest(?)) ORDER BY id",
            [list(story_ids)],
        ).fetchall()
        return _stories(rows)

    def story_links(self) -> dict[str, list[str]]:
        """Story id -> the ids of its ``related`` stories, for every stored story.

        Read from the payloads in DuckDB, so checking links does not load every
        story's entities and facts.
        """
        rows = self._db.execute(
            "SELECT id, json_extract(payload, '$.related') FROM stories"
        ).fetchall()
        return {str(story_id): json.loads(str(related or "[]")) for story_id, related in rows}

    def clear_stories(self) -> None:
        self._db.execute("DELETE FROM stories")
        self._db.execute("DELETE FROM story_members")

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def count(self, table: str) -> int:
        if table not in {
            "raw_documents",
            "articles",
            "skipped",
            "stories",
            "embeddings",
            "dedup_bands",
        }:
            raise ValueError(f"unknown table {table!r}")
        row = self._db.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0


def _problems_json(problems: Iterable[Problem]) -> str:
    return json.dumps(
        [{"code": p.code, "message": p.message} for p in problems], ensure_ascii=False
    )


def article_from_row(row: tuple[object, ...]) -> Article:
    (id_, content_hash, source, title, outlet, author, url, published, published_raw,
     language, confidence, duplicate_of, text, problems) = row  # fmt: skip
    return Article(
        id=str(id_),
        content_hash=str(content_hash),
        source=str(source),
        text=str(text),
        title=_opt(title),
        outlet=_opt(outlet),
        author=_opt(author),
        url=_opt(url),
        published=_opt(published),
        published_raw=_opt(published_raw),
        language=str(language),
        language_confidence=float(confidence),  # type: ignore[arg-type]
        duplicate_of=_opt(duplicate_of),
        problems=[Problem(p["code"], p["message"]) for p in json.loads(str(problems))],
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _stories(rows: Sequence[tuple[object, ...]]) -> list[Story]:
    """Stories from rows whose first column is a stored payload."""
    return [story_from_dict(json.loads(str(row[0]))) for row in rows]


def story_from_dict(data: dict[str, Any]) -> Story:
    """The inverse of :func:`~corroborate.model.plain` for a :class:`Story`."""
    return Story(
        id=data["id"],
        title=data["title"],
        articles=list(data["articles"]),
        related=list(data["related"]),
        entities=[_entity_from_dict(e) for e in data["entities"]],
        facts=[
            Fact(
                id=f["id"],
                kind=f["kind"],
                label=f["label"],
                status=f["status"],
                claims=[Claim(**c) for c in f["claims"]],
                explanation=f.get("explanation", ""),
            )
            for f in data["facts"]
        ],
        timeline=[
            TimelineEntry(
                date=t["date"],
                precision=t["precision"],
                label=t["label"],
                claims=[Mention(**m) for m in t["claims"]],
                calendar=t.get("calendar"),
            )
            for t in data["timeline"]
        ],
        problems=[Problem(p["code"], p["message"]) for p in data.get("problems", [])],
    )


def _entity_from_dict(data: dict[str, Any]) -> Entity:
    place = data.get("place")
    return Entity(
        id=data["id"],
        type=data["type"],
        name=data["name"],
        aliases=list(data["aliases"]),
        mentions=[Mention(**m) for m in data["mentions"]],
        place=Place(**place) if place else None,
    )


class StoredArticles(Sequence[Article]):
    """The articles of the store at ``path`` (those of ``ids``, which are in id order),
    read from it a chunk at a time whenever they are gone through.

    Why: a run's result lists every stored article, texts included, for stories.json
    and the report; held as a list, 100,000 articles cost about a gigabyte. Going through
    them reopens the store, so the run that made them must have closed it.
    """

    CHUNK = 1000

    def __init__(self, path: Path, ids: Sequence[str]) -> None:
        self._path = path
        self._ids = list(ids)

    def __len__(self) -> int:
        return len(self._ids)

    def _store(self) -> Store:
        """The store, opened again; never a new empty one where it was removed."""
        if not self._path.is_file():
            raise FileNotFoundError(
                f"the store {self._path} holding these articles is gone; "
                "read them (list(result.articles)) before removing it"
            )
        return Store(self._path)

    def __iter__(self) -> Iterator[Article]:
        # A query a chunk of ids: one query ordered by id sorted every text in DuckDB
        # (about 200 MB more at 100,000 articles) for no gain in speed.
        with self._store() as store:
            for start in range(0, len(self._ids), self.CHUNK):
                yield from store.articles(self._ids[start : start + self.CHUNK])

    @overload
    def __getitem__(self, index: int) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...

    def __getitem__(self, index: int | slice) -> Article | list[Article]:
        ids = self._ids[index] if isinstance(index, slice) else [self._ids[index]]
        with self._store() as store:
            found = {article.id: article for article in store.articles(ids)}
        articles = [found[article_id] for article_id in ids]
        return articles if isinstance(index, slice) else articles[0]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

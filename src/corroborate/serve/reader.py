"""Read-only queries the app's pages and API make, one short DuckDB connection per request.

Why not :class:`corroborate.store.Store`: it opens the file for writing (and creates
tables), which would lock out ``corroborate run`` and every other reader. Here the
connection is ``read_only=True`` and lives only for one request.

Search: DuckDB's ``fts`` extension is not bundled with the ``duckdb`` wheel and
``INSTALL fts`` needs the network, so search is a plain case-insensitive substring
match (``ILIKE``) of every word of the query against titles and texts, title hits
ranked first. That is a full scan per query: fine for thousands of articles, not
for millions.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from corroborate.model import Article, RunResult, Story
from corroborate.serve.gate import StoreUnavailable
from corroborate.store import ARTICLE_COLUMNS, article_from_row, story_from_dict

#: At most this many words of a query are matched.
MAX_TERMS = 8
#: Characters of text shown either side of a search hit.
SNIPPET_WIDTH = 80
SEARCH_ENGINE = "ilike"


@dataclass(frozen=True)
class StorySummary:
    """One row of the story list."""

    id: str
    title: str
    articles: int
    languages: list[str]
    first_published: str | None
    last_published: str | None
    verdicts: dict[str, int]
    related: list[str]
    #: Codes of what went wrong working out the story (``claims_failed``).
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Hit:
    """An article matching a search, with the words around its first match."""

    article: str
    title: str | None
    outlet: str | None
    language: str
    published: str | None
    story: str | None
    snippet: str
    #: [start, end) of the match within ``snippet``; empty when only the title matched.
    highlight: tuple[int, int] | None


class Reader:
    """The store under ``path`` opened read-only; an absent store reads as empty."""

    def __init__(self, path: Path) -> None:
        self._db: duckdb.DuckDBPyConnection | None = None
        if not path.is_file():
            return
        try:
            self._db = duckdb.connect(str(path), read_only=True)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            raise StoreUnavailable(
                "the store is being written by another corroborate process "
                "(a run or watch); try again when it has finished"
            ) from exc

    def __enter__(self) -> Reader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._db is not None:
            self._db.close()

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        if self._db is None:
            return []
        return self._db.execute(sql, list(params)).fetchall()

    # ------------------------------------------------------------ stories

    def stories(self) -> list[Story]:
        """Every story, largest first then by id (the order of stories.json)."""
        stories = [story_from_dict(json.loads(str(r[0]))) for r in self._rows(_STORIES)]
        return sorted(stories, key=lambda s: (-len(s.articles), s.id))

    def summaries(self) -> list[StorySummary]:
        meta = {str(r[0]): (str(r[1]), r[2]) for r in self._rows(_ARTICLE_META)}
        return [_summary(story, meta) for story in self.stories()]

    def story(self, story_id: str) -> RunResult | None:
        """The story with its articles and their folded duplicates: what its page shows."""
        rows = self._rows(_STORIES + " WHERE id = ?", [story_id])
        if not rows:
            return None
        story = story_from_dict(json.loads(str(rows[0][0])))
        articles = self._articles(
            "id IN (SELECT unnest(?)) OR duplicate_of IN (SELECT unnest(?))",
            [story.articles, story.articles],
        )
        return RunResult(articles=articles, skipped=[], stories=[story])

    def titles(self, story_ids: Sequence[str]) -> dict[str, str]:
        rows = self._rows(_STORIES + " WHERE id IN (SELECT unnest(?))", [list(story_ids)])
        return {s.id: s.title for s in (story_from_dict(json.loads(str(r[0]))) for r in rows)}

    # ------------------------------------------------------------ articles

    def article(self, article_id: str) -> Article | None:
        found = self._articles("id = ?", [article_id])
        return found[0] if found else None

    def _articles(self, where: str, params: Sequence[object]) -> list[Article]:
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {where} ORDER BY id"
        return [article_from_row(row) for row in self._rows(sql, params)]

    # ------------------------------------------------------------ search

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Articles whose title or text holds every word of ``query`` (case-insensitive)."""
        terms = query.split()[:MAX_TERMS]
        if not terms:
            return []
        patterns = ["%" + _escape_like(t) + "%" for t in terms]
        match = " AND ".join([f"({_IN_TITLE} OR {_IN_TEXT})"] * len(terms))
        score = " + ".join(
            [f"(CASE WHEN {_IN_TITLE} THEN 3 ELSE 0 END + CASE WHEN {_IN_TEXT} THEN 1 ELSE 0 END)"]
            * len(terms)
        )
        doubled = [p for p in patterns for _ in range(2)]
        sql = (
            "SELECT a.id, a.title, a.outlet, a.language, a.published, a.text, m.story_id "
            "FROM articles a LEFT JOIN story_members m "
            "ON m.article_id = coalesce(a.duplicate_of, a.id) "
            f"WHERE {match} ORDER BY {score} DESC, a.id LIMIT ?"
        )
        rows = self._rows(sql, [*doubled, *doubled, limit])
        return [_hit(row, terms) for row in rows]


_STORIES = "SELECT payload FROM stories"
_IN_TITLE = "coalesce(a.title, '') ILIKE ? ESCAPE '\\'"
_IN_TEXT = "a.text ILIKE ? ESCAPE '\\'"
_ARTICLE_META = "SELECT id, language, published FROM articles"


def _summary(story: Story, meta: dict[str, tuple[str, Any]]) -> StorySummary:
    known = [meta[a] for a in story.articles if a in meta]
    dates = sorted(str(published) for _, published in known if published)
    verdicts = Counter(f.status for f in story.facts)
    return StorySummary(
        id=story.id,
        title=story.title,
        articles=len(story.articles),
        languages=sorted({language for language, _ in known}),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        verdicts={k: verdicts[k] for k in ("conflicting", "refined", "agreed") if verdicts[k]},
        related=list(story.related),
        problems=[p.code for p in story.problems],
    )


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _hit(row: tuple[Any, ...], terms: list[str]) -> Hit:
    article_id, title, outlet, language, published, text, story = row
    snippet, highlight = _snippet(str(text), terms)
    return Hit(
        article=str(article_id),
        title=title,
        outlet=outlet,
        language=str(language),
        published=published,
        story=story,
        snippet=snippet,
        highlight=highlight,
    )


def _snippet(text: str, terms: list[str]) -> tuple[str, tuple[int, int] | None]:
    """The words around the earliest match of any term (the text's start if none)."""
    found = [m for m in (re.search(re.escape(t), text, re.IGNORECASE) for t in terms) if m]
    if not found:
        return " ".join(text[: 2 * SNIPPET_WIDTH].split()), None
    first = min(found, key=lambda m: m.start())
    at, end = first.span()
    left = max(0, at - SNIPPET_WIDTH)
    before = text[left:at].replace("\n", " ")
    head = ("…" if left else "") + before
    tail = text[end : end + SNIPPET_WIDTH].replace("\n", " ")
    more = "…" if end + SNIPPET_WIDTH < len(text) else ""
    return head + text[at:end] + tail + more, (len(head), len(head) + end - at)

"""Reports: ``stories.json``, the versioned output contract (schema in ``schema/``), and
``report.html``, the same run for people (see :mod:`corroborate.render`)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from corroborate.model import STORIES_SCHEMA, Article, RunResult, Story, plain
from corroborate.render import REPORT_NAME, REPORT_STORIES, write_report

SCHEMA_FILE = "stories-1.schema.json"


def stories_document(result: RunResult) -> dict[str, Any]:
    """The JSON document for ``result``, following ``schema/stories-1.schema.json``."""
    return {
        "schema": STORIES_SCHEMA,
        "articles": [_article(a) for a in result.articles],
        "skipped": [{"source": s.source, "reason": s.reason} for s in result.skipped],
        "stories": [_story(s) for s in result.stories],
    }


STORIES_NAME = "stories.json"


def write_outputs(
    result: RunResult, out_dir: Path, report_stories: int | None = REPORT_STORIES
) -> None:
    """Write every output of a run into ``out_dir``: stories.json (everything), then
    report.html (the first ``report_stories`` stories in full; None: all)."""
    write_stories_json(result, out_dir / STORIES_NAME)
    write_report(result, out_dir / REPORT_NAME, report_stories)


def write_stories_json(result: RunResult, path: Path) -> None:
    """Write atomically (temp file + rename) so readers never see half a file.

    The same document as :func:`stories_document`, written one record at a time, one
    record a line: a store of 100,000 articles never sits in memory as one JSON tree,
    and a line-based diff of two runs shows which articles and stories changed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write("{" + f"\n {_json('schema')}: {_json(STORIES_SCHEMA)},")
        _write_list(handle, "articles", (_article(a) for a in result.articles), ",")
        skipped = ({"source": s.source, "reason": s.reason} for s in result.skipped)
        _write_list(handle, "skipped", skipped, ",")
        _write_list(handle, "stories", (_story(s) for s in result.stories), "")
        handle.write("\n}\n")
    os.replace(tmp, path)


def _write_list(handle: TextIO, key: str, records: Iterable[dict[str, Any]], after: str) -> None:
    handle.write(f"\n {_json(key)}: [")
    for n, record in enumerate(records):
        handle.write(("," if n else "") + "\n  " + _json(record))
    handle.write("\n ]" + after)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def load_schema() -> dict[str, Any]:
    text = resources.files("corroborate").joinpath("schema", SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "url": article.url,
        "published": article.published,
        "published_raw": article.published_raw,
        "language": article.language,
        "language_confidence": article.language_confidence,
        "duplicate_of": article.duplicate_of,
        "text": article.text,
        "problems": [{"code": p.code, "message": p.message} for p in article.problems],
    }


def _story(story: Story) -> dict[str, Any]:
    data: dict[str, Any] = plain(story)
    for fact in data["facts"]:
        for claim in fact["claims"]:
            claim.update(claim.pop("attributes"))
    return data

"""Reports: ``stories.json``, the versioned output contract (schema in ``schema/``), and
``report.html``, the same run for people (see :mod:`corroborate.render`)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from corroborate.model import STORIES_SCHEMA, Article, RunResult, Story

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


def write_outputs(result: RunResult, out_dir: Path) -> None:
    """Write every output of a run into ``out_dir``: stories.json, then report.html."""
    from corroborate.render import REPORT_NAME, write_report

    write_stories_json(result, out_dir / STORIES_NAME)
    write_report(result, out_dir / REPORT_NAME)


def write_stories_json(result: RunResult, path: Path) -> None:
    """Write atomically (temp file + rename) so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(stories_document(result), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    os.replace(tmp, path)


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
    data = asdict(story)
    for fact in data["facts"]:
        for claim in fact["claims"]:
            claim.update(claim.pop("attributes"))
    return data

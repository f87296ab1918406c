"""Intake: a batch's documents are stored as if written one by one."""

from __future__ import annotations

import hashlib
from pathlib import Path

from corroborate.engine import get_engine
from corroborate.model import RawDocument, Skipped
from corroborate.pipeline import Intake, RunOptions, RunStats
from corroborate.store import Store

BODY = (
    "The river ferry at Oxmoor ran aground on a sandbank on Tuesday evening, the harbour "
    "master said. All forty passengers were taken ashore by lifeboat and nobody was hurt."
)


def _doc(doc_id: str, source: str, text: str) -> RawDocument:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return RawDocument(doc_id, source, digest, "text", text.encode(), text)


def test_one_batch_with_shared_ids_and_repeated_content(tmp_path: Path) -> None:
    first = _doc("ferry", "a.txt", BODY)
    other = _doc("ferry", "b.txt", BODY.replace("Tuesday", "Wednesday"))
    again = _doc("copy", "c.txt", BODY)
    batch: list[RawDocument | Skipped] = [
        Skipped("broken.bin", "binary"),
        first,
        other,
        again,
        _doc("empty", "d.txt", "  "),
    ]
    engine = get_engine("local", workers=1)
    try:
        with Store(tmp_path / "s.duckdb") as store:
            stats = RunStats()
            assert Intake(store, engine, stats, RunOptions()).take(batch)
            articles = {a.source: a.id for a in store.articles()}
            skipped = {entry.source: entry.reason for entry in store.skipped()}
            raws = store.sources_of([d.content_hash for d in (first, other, again)])
    finally:
        engine.close()
    assert articles["a.txt"] == "ferry"
    assert articles["b.txt"].startswith("ferry~")  # the id was taken earlier in the batch
    assert set(articles) == {"a.txt", "b.txt"}
    assert skipped["c.txt"] == "same content as a.txt"
    assert skipped["broken.bin"] == "binary"
    assert "d.txt" in skipped
    assert raws == {first.content_hash: "a.txt", other.content_hash: "b.txt"}
    assert stats.added == 2 and stats.unchanged == 1

"""The DuckDB store: idempotent writes, id collisions, raw bytes kept, one writer."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

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
)
from corroborate.store import Store, StoreBusy, StoredArticles


def raw(doc_id: str, content: str) -> RawDocument:
    data = content.encode()
    return RawDocument(doc_id, f"/in/{doc_id}.txt", f"hash-{content}", "text", data, content)


def article(doc: RawDocument, article_id: str) -> Article:
    return Article(
        id=article_id,
        source=doc.source,
        content_hash=doc.content_hash,
        text=doc.content,
        problems=[Problem("malformed_date", "'2031-13-40' is not a date")],
    )


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        doc = raw("a", "text a")
        store.add_raw(doc)
        store.add_article(article(doc, "a"))
    with Store(tmp_path / "s.duckdb") as store:
        [loaded] = store.articles()
        assert loaded == article(doc, "a")
        assert store.raw_bytes(doc.content_hash) == b"text a"
        assert store.has_content(doc.content_hash)


def test_same_id_with_other_content_gets_a_suffixed_id(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        first = raw("same", "one")
        store.add_article(article(first, store.free_article_id("same", first.content_hash)))
        second = raw("same", "two")
        new_id = store.free_article_id("same", second.content_hash)
        assert new_id != "same" and new_id.startswith("same~")
        assert store.free_article_id("same", first.content_hash) == "same"


def test_processing_an_input_clears_its_old_skip_entry(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        doc = raw("a", "x")
        store.add_skipped(Skipped(doc.source, "too big"))
        assert store.count("skipped") == 1
        store.add_article(article(doc, "a"))
        assert store.count("skipped") == 0


def test_duplicates_are_replaced_not_accumulated(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        for name in "abc":
            store.add_article(article(raw(name, name), name))
        store.set_duplicates({"b": "a", "c": "a"})
        store.set_duplicates({"c": "b"})
        assert {a.id: a.duplicate_of for a in store.articles()} == {"a": None, "b": None, "c": "b"}


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.add_raw(raw("a", "x"))
            raise RuntimeError("crash")
        assert store.count("raw_documents") == 0


def test_inner_transaction_joins_the_outer_one(tmp_path: Path) -> None:
    """A failure after an inner block ends still undoes that block's writes."""
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(RuntimeError), store.transaction():
            with store.transaction():
                store.add_raw(raw("a", "x"))
            raise RuntimeError("crash")
        assert store.count("raw_documents") == 0
        with store.transaction():
            store.add_raw(raw("b", "y"))
        assert store.count("raw_documents") == 1


def _hold_store(path: str, ready: object, release: object) -> None:
    with Store(Path(path)):
        ready.set()  # type: ignore[attr-defined]
        release.wait(30)  # type: ignore[attr-defined]


def test_second_writer_fails_fast_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_store, args=(str(path), ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(StoreBusy, match="in use by another corroborate process"):
            Store(path)
    finally:
        release.set()
        holder.join(30)


def test_stored_articles_read_the_store_chunk_by_chunk_as_a_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    docs = [raw(f"a{n:02d}", f"text {n}") for n in range(25)]
    with Store(path) as store:
        store.add_articles([article(doc, doc.doc_id) for doc in reversed(docs)])
        ids = store.article_ids()
    assert ids == sorted(doc.doc_id for doc in docs)
    stored = StoredArticles(path, ids)
    stored.CHUNK = 4  # several fetches
    with Store(path) as store:  # added after the snapshot: not part of it
        late = raw("a99", "late")
        store.add_article(article(late, "a99"))
        expected = [a for a in store.articles() if a.id != "a99"]
    assert len(stored) == 25 and list(stored) == expected
    assert stored == expected and stored != expected[:-1]
    assert stored[3] == expected[3] and stored[-2:] == expected[-2:]


def test_band_keys_find_stored_articles_sharing_a_band(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_band_keys({"old-1": [10, 20, 30], "old-2": [11, 21, 31]})
        assert store.unsigned_article_ids() == []  # no articles stored
        found = store.sharing_bands({"new": [99, 20, 31], "alone": [1, 2, 3], "x": [30, 0, 0]})
        # Band numbers count: key 30 in band 0 is not key 30 in band 2.
        assert found == {"new": ["old-1", "old-2"]}
        store.clear_band_keys()
        assert store.sharing_bands({"new": [99, 20, 31]}) == {}


def test_stored_articles_of_a_removed_store_fail_loudly(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    doc = raw("a", "text a")
    with Store(path) as store:
        store.add_article(article(doc, "a"))
    stored = StoredArticles(path, ["a"])
    assert [a.id for a in stored] == ["a"]
    path.unlink()
    with pytest.raises(FileNotFoundError, match="is gone"):
        list(stored)
    assert not path.exists()  # no empty store made in its place


def test_story_links_and_stories_by_id_read_only_what_is_asked(tmp_path: Path) -> None:
    stories = [
        Story("s1", "One", ["a"], related=["s2"]),
        Story("s2", "Two", ["b"]),
        Story("s3", "Three", ["c"], related=["s1", "s2"]),
    ]
    with Store(tmp_path / "s.duckdb") as store:
        store.replace_stories([], stories)
        assert store.story_links() == {"s1": ["s2"], "s2": [], "s3": ["s1", "s2"]}
        assert store.stories_by_id(["s3", "s1", "nope"]) == [stories[0], stories[2]]
        assert store.stories_by_id([]) == []


def test_a_stored_storys_timeline_keeps_dates_and_yearless_days(tmp_path: Path) -> None:
    leap = Mention("a", 10, 17)
    timeline = [
        TimelineEntry("2025-03-01", "month", "Call-up papers arrive", [Mention("a", 0, 5)]),
        TimelineEntry(None, "day", "He leaps from the train", [leap], calendar="XXXX-06-17"),
        TimelineEntry(None, "undated", "He appeals", []),
    ]
    story = Story("s1", "Leap", ["a"], timeline=timeline)
    with Store(tmp_path / "s.duckdb") as store:
        store.replace_stories([], [story])
    with Store(tmp_path / "s.duckdb") as store:
        assert store.stories_by_id(["s1"]) == [story]


def _rich_story() -> Story:
    """A story with every kind of record a run writes: entities with places and
    mentions, facts whose claims carry nested attributes, a timeline, a problem."""
    place = Place("Dover", "GB", 51.13, 1.31, 2651048, "GB-ENG", 31022)
    entity = Entity("e1", "place", "Dover", ["Dover", "Doevr"], [Mention("a", 3, 8)], place)
    claim = Claim(
        "a", 10, 17, "140 mph", {"value": 140.0, "unit": "mile/hour", "range": [1, 2], "ok": True}
    )
    fact = Fact("f1", "quantity", "speed", "agreed", [claim], "140 mph = 225.3 km/h")
    entry = TimelineEntry("2025-06-01", "day", "crash", [Mention("a", 0, 5)], None)
    problem = Problem("claims_failed", "no")
    return Story("s1", "Crash", ["a", "b"], ["s2"], [entity], [fact], [entry], [problem])


def test_plain_records_equal_asdict_and_share_nothing_with_the_record() -> None:
    from dataclasses import asdict

    from corroborate.model import plain

    story = _rich_story()
    data = plain(story)
    assert data == asdict(story)
    assert plain(NamedMention("a", 0, 5, "Dover", "place")) == asdict(
        NamedMention("a", 0, 5, "Dover", "place")
    )
    data["facts"][0]["claims"][0]["attributes"]["range"].append(3)
    data["entities"][0]["aliases"].clear()
    assert story.facts[0].claims[0].attributes["range"] == [1, 2]
    assert story.entities[0].aliases == ["Dover", "Doevr"]


def test_a_rich_story_reads_back_as_written(tmp_path: Path) -> None:
    story = _rich_story()
    with Store(tmp_path / "s.duckdb") as store:
        store.replace_stories([], [story])
        assert store.stories() == [story]

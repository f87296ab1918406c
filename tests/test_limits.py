"""Per-run limits: an article cap that a later run continues, a per-document time limit."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest

from corroborate import pipeline
from corroborate.model import Extraction, Limits, RawDocument
from corroborate.pipeline import RunOptions, run_pipeline

PARAGRAPH = (
    "The regional council met on {day} to discuss the closure of the old ferry terminal, "
    "which has served the island villages for more than forty years and now needs repairs."
)


def _corpus(folder: Path, days: list[str]) -> Path:
    folder.mkdir()
    for number, day in enumerate(days):
        (folder / f"{number:02d}.txt").write_text(PARAGRAPH.format(day=day) + "\n")
    return folder


def test_article_cap_lists_the_rest_and_a_later_run_continues(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", ["Monday", "Tuesday", "Wednesday"])
    out = tmp_path / "out"
    result, stats = run_pipeline([corpus], out, RunOptions(Limits(max_new_articles=2)))
    assert [a.id for a in result.articles] == ["00", "01"]
    assert [s.source for s in result.skipped] == [str(corpus / "02.txt")]
    assert "run again" in result.skipped[0].reason
    result, stats = run_pipeline([corpus], out)
    assert [a.id for a in result.articles] == ["00", "01", "02"]
    assert result.skipped == [] and stats.added == 1 and stats.unchanged == 2


def test_slow_extraction_is_skipped_after_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stuck(doc: RawDocument) -> Extraction:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # pure Python, like a regex gone quadratic
            pass
        return Extraction(text="never")

    monkeypatch.setattr(pipeline, "extract", stuck)
    corpus = _corpus(tmp_path / "in", ["Friday"])
    started = time.monotonic()
    result, _ = run_pipeline(
        [corpus], tmp_path / "out", RunOptions(Limits(extraction_timeout_s=0.3))
    )
    assert time.monotonic() - started < 10
    assert result.articles == []
    assert "longer than 0.3 s" in result.skipped[0].reason


def test_timeout_survives_libraries_that_catch_every_exception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def swallowing(doc: RawDocument) -> Extraction:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(Exception):  # what careless library code does
                time.sleep(0.01)
        return Extraction(text="never")

    monkeypatch.setattr(pipeline, "extract", swallowing)
    corpus = _corpus(tmp_path / "in", ["Saturday"])
    result, _ = run_pipeline(
        [corpus], tmp_path / "out", RunOptions(Limits(extraction_timeout_s=0.3))
    )
    assert "longer than" in result.skipped[0].reason

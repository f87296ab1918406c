"""Shared fixtures: where the shared data lives, and a helper to run the CLI."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from corroborate.bench import default_shared_dir
from corroborate.bench.throughput import warc_record

__all__ = ["warc_record"]
from corroborate.cli import app

PROJECT = Path(__file__).resolve().parents[1]
#: (title, lines) that tests want shown after the run, e.g. the hostile-input table.
REPORT_SECTIONS: list[tuple[str, list[str]]] = []
DEMO_CORPUS = PROJECT / "demo" / "corpus"


_OWN_CACHE: list[str] = []


def pytest_configure(config: Any) -> None:
    """Caches (the gazetteer index) go to a folder of this test run, not the user's."""
    if "CORROBORATE_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="corroborate-test-cache-")
        os.environ["CORROBORATE_CACHE_DIR"] = folder
        _OWN_CACHE.append(folder)


def pytest_unconfigure(config: Any) -> None:
    for folder in _OWN_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the tables tests collected, so CI logs show them on success too."""
    for title, lines in REPORT_SECTIONS:
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = default_shared_dir()
    if not (path / "corpus" / "seeds").is_dir():
        pytest.skip(f"shared data not found at {path}: set CORROBORATE_SHARED to run this test")
    return path


def run_cli(*args: str) -> tuple[int, str]:
    """Run ``corroborate ARGS`` in-process; return (exit code, combined output)."""
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def load_stories(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "stories.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def seeds_out(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ``corroborate run`` over the five seed pages, shared by the report and app tests."""
    out = tmp_path_factory.mktemp("seeds-out")
    code, output = run_cli("run", str(shared_dir / "corpus" / "seeds"), "--out", str(out), "-q")
    assert code == 0, output
    return out


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ``corroborate run`` over the shipped demo corpus."""
    out = tmp_path_factory.mktemp("demo-run")
    code, output = run_cli("run", str(DEMO_CORPUS), "--out", str(out), "-q")
    assert code == 0, output
    return out


#: Markup that would run script if any page put article text into HTML unescaped.
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run over articles with script and onerror markup in their titles and bodies."""
    corpus = tmp_path_factory.mktemp("hostile-corpus")
    body = (
        "Freight train derails near Marleveen after signal failure, officials said on Tuesday.\n\n"
        "A freight train came off the tracks near Marleveen on Tuesday, injuring 14 people, "
        f"the regional rail authority said. {HOSTILE_SCRIPT} Crews cleared the line overnight.\n\n"
        f"Inspectors {HOSTILE_IMG} said the signal had failed twice in March."
    )
    records = [
        {"title": f"Train derails {HOSTILE_SCRIPT} near Marleveen", "text": body,
         "outlet": "Harbour Gazette", "published": "2025-10-14", "url": "https://a.example/1"},
        {"title": f"Marleveen derailment {HOSTILE_IMG} injures 14", "text": body.replace(
            "officials said", "police said"), "outlet": "Northsea Ledger",
         "published": "2025-10-15", "url": "https://b.example/2"},
    ]  # fmt: skip
    lines = "\n".join(json.dumps(r) for r in records)
    (corpus / "hostile.jsonl").write_text(lines + "\n", encoding="utf-8")
    (corpus / "hostile_page.txt").write_text(f"{HOSTILE_IMG} Derailment\n\n{body}\n", "utf-8")
    out = tmp_path_factory.mktemp("hostile-out")
    code, output = run_cli("run", str(corpus), "--out", str(out), "-q")
    assert code == 0, output
    return out

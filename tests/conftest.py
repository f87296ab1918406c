"""Shared fixtures: where the shared data lives, and a helper to run the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from corroborate.bench import default_shared_dir
from corroborate.cli import app

PROJECT = Path(__file__).resolve().parents[1]
DEMO_CORPUS = PROJECT / "demo" / "corpus"


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

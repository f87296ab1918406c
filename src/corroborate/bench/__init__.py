"""Benchmarks: ``corroborate bench NAME`` prints figures with their baseline beside them.

Each benchmark is a function taking a :class:`BenchOptions` and returning a list of
:class:`BenchTable` objects; the CLI renders them with Rich. Benchmarks read the
public data in ``../shared/bench-data`` (or ``--data``) and never write into it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def default_shared_dir() -> Path:
    """``$CORROBORATE_SHARED`` or the ``shared`` folder beside the project checkout."""
    env = os.environ.get("CORROBORATE_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared"
        if (candidate / "bench-data").is_dir() or (candidate / "corpus").is_dir():
            return candidate
    return Path.cwd().parent / "shared"


@dataclass
class BenchOptions:
    shared: Path = field(default_factory=default_shared_dir)
    limit: int | None = None


@dataclass
class BenchTable:
    """A titled table of figures; ``notes`` explain where the baseline comes from."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


def f1_score(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Counts:
    """True positives, predictions and gold items, summed over a set, and the
    precision, recall and F1 they give."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, gold: set[Any], predicted: set[Any]) -> None:
        """Count one unit (a sentence, a document) whose items are set members."""
        self.tp += len(gold & predicted)
        self.predicted += len(predicted)
        self.gold += len(gold)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)


BenchFunction = Callable[[BenchOptions], list[BenchTable]]

#: name -> "module:function"; imported lazily so one benchmark's heavy imports
#: never slow down another.
REGISTRY: dict[str, str] = {
    "aliases": "corroborate.bench.aliases:run",
    "clustering": "corroborate.bench.clustering:run",
    "clustering-tune": "corroborate.bench.clustering:run_tune",
    "dates": "corroborate.bench.dates:run",
    "demo": "corroborate.bench.demo:run",
    "extraction": "corroborate.bench.extraction:run",
    "incidents": "corroborate.bench.incidents:run",
    "ner": "corroborate.bench.ner:run",
    "quantities": "corroborate.bench.quantities:run",
    "seeds": "corroborate.bench.seeds:run",
    "similarity": "corroborate.bench.similarity:run",
    "throughput": "corroborate.bench.throughput:run",
}


def get_benchmark(name: str) -> BenchFunction:
    try:
        target = REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise KeyError(f"unknown benchmark {name!r}; known: {known}") from None
    module_name, func_name = target.split(":")
    func: BenchFunction = getattr(importlib.import_module(module_name), func_name)
    return func

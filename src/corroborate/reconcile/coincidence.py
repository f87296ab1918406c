"""How likely two unrelated numbers are to agree by chance.

Two sources rarely word the same fact alike: "roughly 140 miles of EU territory"
and "the route through Lithuania lasts 227 kilometers" are loosely similar
sentences, yet 225 km and 227 km agreeing within rounding is itself strong
evidence. How strong depends on the value: two stories' "3 people" agree all the
time, two unrelated lengths near 226 km hardly ever.

:class:`ValueReference` measures that. It holds the values news text states, per
dimension (``length:kilometer``, ``count:``, ...), collected from the development
halves of the ECB+ and Gun Violence Archive corpora by
``training/value_reference.py``. :meth:`ValueReference.chance` is the fraction of
those values an interval would accept, with one pseudo-count so that a value never
seen is not taken as impossible, and a dimension with few samples stays uncertain.
The grouping stage treats it as the p-value of "these two claims agree by chance".
"""

from __future__ import annotations

import bisect
import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

REFERENCE_FILE = "value_reference.json.gz"


@dataclass(frozen=True)
class _Sample:
    lows: list[float]
    highs: list[float]


class ValueReference:
    """Sorted lower and upper bounds of reference values, per dimension."""

    def __init__(self, samples: dict[str, tuple[list[float], list[float]]]) -> None:
        self._samples = {
            dimension: _Sample(sorted(lows), sorted(highs))
            for dimension, (lows, highs) in samples.items()
            if len(lows) == len(highs)
        }

    @classmethod
    def load(cls, path: Path) -> ValueReference:
        """Read a reference written by :meth:`dump`; a clear error when it is not one."""
        with gzip.open(path, "rt", encoding="utf8") as handle:
            data = json.load(handle)
        samples = data.get("dimensions") if isinstance(data, dict) else None
        if not isinstance(samples, dict):
            raise ValueError(f"{path}: not a value reference (no 'dimensions' table)")
        return cls({name: (row["lows"], row["highs"]) for name, row in samples.items()})

    def dump(self, path: Path, sources: list[str]) -> None:
        rows = {
            name: {"lows": sample.lows, "highs": sample.highs}
            for name, sample in sorted(self._samples.items())
        }
        with gzip.open(path, "wt", encoding="utf8") as handle:
            json.dump({"sources": sources, "dimensions": rows}, handle)

    def size(self, dimension: str) -> int:
        sample = self._samples.get(dimension)
        return len(sample.lows) if sample else 0

    def chance(self, dimension: str, low: float, high: float) -> float:
        """The chance that an unrelated value of ``dimension`` falls in ``[low, high]``:
        (reference values overlapping it + 1) / (reference values + 1)."""
        sample = self._samples.get(dimension)
        if sample is None:
            return 1.0
        # Intervals starting at or below ``high``, minus those that end before ``low``
        # (every one of which also starts below ``high``).
        overlapping = bisect.bisect_right(sample.lows, high) - bisect.bisect_left(sample.highs, low)
        return (overlapping + 1) / (len(sample.lows) + 1)


@lru_cache(maxsize=1)
def shipped_reference() -> ValueReference:
    """The reference that ships with the package, read once per process."""
    source = resources.files("corroborate.reconcile").joinpath(REFERENCE_FILE)
    with resources.as_file(source) as path:
        return ValueReference.load(path)

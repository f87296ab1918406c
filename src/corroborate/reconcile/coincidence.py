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
those values an interval would accept. The grouping stage treats it as the p-value
of "these two claims agree by chance".

Some dimensions are rare in the reference (14 speeds, 5 temperatures), and a share
of 14 values says little: it can never fall below 1/15, so two sources giving the
same speed could never be linked, however specific it is. So each dimension's count
is smoothed towards the pooled reference, the values of every dimension together,
which says how often news states a number of that size at all: the share is
(overlapping values + m * pooled share) / (values + m), with m =
:data:`PRIOR_WEIGHT` pseudo-values. A dimension with thousands of values is
judged on its own; one with a handful mostly by the pooled sizes. A dimension
with no values at all keeps chance 1: nothing is known of what it measures.
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
#: How many pseudo-values the pooled reference lends each dimension (see above).
#: A prior, not fitted: ten values' worth means a dimension with a few dozen values
#: of its own already counts for most of the estimate.
PRIOR_WEIGHT = 10.0


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
        self._pooled = _Sample(
            sorted(x for sample in self._samples.values() for x in sample.lows),
            sorted(x for sample in self._samples.values() for x in sample.highs),
        )

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
        (values of it overlapping + m * pooled share) / (values of it + m), where the
        pooled share (all dimensions, one pseudo-count) is the same fraction over the
        values of every dimension."""
        sample = self._samples.get(dimension)
        if sample is None:
            return 1.0
        pooled = (_overlapping(self._pooled, low, high) + 1) / (len(self._pooled.lows) + 1)
        own = _overlapping(sample, low, high)
        return (own + PRIOR_WEIGHT * pooled) / (len(sample.lows) + PRIOR_WEIGHT)


def _overlapping(sample: _Sample, low: float, high: float) -> int:
    """How many of the sample's intervals overlap ``[low, high]``: those starting at or
    below ``high``, minus those that end before ``low`` (each of which also starts
    below ``high``)."""
    return bisect.bisect_right(sample.lows, high) - bisect.bisect_left(sample.highs, low)


@lru_cache(maxsize=1)
def shipped_reference() -> ValueReference:
    """The reference that ships with the package, read once per process."""
    source = resources.files("corroborate.reconcile").joinpath(REFERENCE_FILE)
    with resources.as_file(source) as path:
        return ValueReference.load(path)

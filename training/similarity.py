"""Fit the learned graded similarity that ``--related learned`` cuts related links from.

Reads the SemEval-2022 Task 8 training sample only; pairs that also appear in the
testing sample are left out, so the test figure of ``corroborate bench similarity``
is not read from training pairs. Prints the 5-fold cross-validated Pearson r and
writes the model with skops (default: the file the package ships).

    .venv/bin/python training/similarity.py [--shared ../shared] [--out PATH]

About ten minutes on 2 cores, most of it multilingual-e5-small reading ~1,400 leads.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from zipfile import ZIP_DEFLATED

import skops.io as sio

from corroborate.bench import BenchOptions, default_shared_dir
from corroborate.bench.similarity import (
    caches,
    cross_validated_r,
    fit_similarity,
    pair_ids,
    semeval_pairs,
)
from corroborate.cluster.similarity import MODEL_PATH


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared_dir())
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    options = BenchOptions(args.shared)
    primary, second = caches()
    held_out = pair_ids(options, "testing_set")
    train = semeval_pairs(options, "training_set", primary, second, held_out)
    print(f"training pairs: {len(train.gold)} (those also in testing_set are left out)")
    print(f"5-fold CV Pearson r on training_set: {cross_validated_r(train):.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(fit_similarity(train), args.out, compression=ZIP_DEFLATED, compresslevel=9)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()

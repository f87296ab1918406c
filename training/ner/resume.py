"""Write a config that continues training a checkpoint instead of starting fresh.

Why: on one shared CPU core a run over the multilingual corpus is cut by its
wall-clock cap after one or two epochs while the dev F1 is still rising. spaCy
resumes a component whose config says ``source = <pipeline>`` (weights kept,
optimizer state fresh), but only when the block has no ``factory`` key, so the
component blocks are replaced wholesale rather than overridden on the command line.

Usage (repo root):
``.venv/bin/python training/ner/resume.py training/ner/multi.cfg \\
/tmp/ner/multi/model-best /tmp/ner/multi2.cfg``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spacy.util import load_config


def resume_config(
    base: Path, checkpoint: Path, out: Path, learn_rate: float, train: str | None = None
) -> None:
    """Copy ``base`` with every component sourced from ``checkpoint``.

    ``train`` replaces the training corpus path (a ``.spacy`` file or a folder of them).
    """
    config = load_config(base, interpolate=False)
    if train:
        config["paths"]["train"] = train
    for name in list(config["components"]):
        config["components"][name] = {"source": str(checkpoint.resolve())}
    config["training"]["optimizer"]["learn_rate"] = learn_rate
    config["training"]["batcher"]["size"]["start"] = 1000
    config.to_disk(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("base", type=Path)
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--train", help="training corpus path instead of the base config's")
    args = parser.parse_args(argv)
    resume_config(args.base, args.checkpoint, args.out, args.learn_rate, args.train)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

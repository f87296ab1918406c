"""Per-source F1 of a checkpoint on the held-out dev split (never on the test sets).

Why: spaCy's training log gives one micro-averaged dev F1, dominated by the
largest sources. Choosing between checkpoints of the multilingual model, we look
at the macro average over the sources, so CoNLL Dutch weighs as much as any
WikiNEuRal language.

Usage (repo root): ``.venv/bin/python training/ner/dev_report.py multi CHECKPOINT [...]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import spacy
from convert import CORPORA, split  # type: ignore[import-not-found]
from spacy.tokens import DocBin
from spacy.training import Example

import corroborate.nlp.piece_layers  # noqa: F401  (registers our spaCy architectures)

CORPUS = Path(__file__).parent / "corpus"


def source_sizes(name: str) -> list[tuple[str, int]]:
    """(source file, dev sentences) in the order convert.py wrote them."""
    return [(train, len(split(train, dev)[1])) for train, dev in CORPORA[name]]


def report(name: str, checkpoint: Path) -> dict[str, float]:
    """Dev F1 per source, plus "macro" and "micro" averages."""
    nlp = spacy.load(checkpoint)
    docs = list(DocBin().from_disk(CORPUS / f"{name}-dev.spacy").get_docs(nlp.vocab))
    scores: dict[str, float] = {}
    position = 0
    for source, size in source_sizes(name):
        part = docs[position : position + size]
        position += size
        examples = [Example(nlp.make_doc(doc.text), doc) for doc in part]
        scores[source.split("/")[0]] = float(nlp.evaluate(examples)["ents_f"])
    scores["macro"] = statistics.fmean(scores.values())
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in docs]
    scores["micro"] = float(nlp.evaluate(examples)["ents_f"])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name")
    parser.add_argument("checkpoints", type=Path, nargs="+")
    args = parser.parse_args(argv)
    for checkpoint in args.checkpoints:
        scores = report(args.name, checkpoint)
        print(checkpoint, " ".join(f"{k}={v:.4f}" for k, v in scores.items()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

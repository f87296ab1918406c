"""Train the Dutch name retyper (:mod:`corroborate.nlp.retype`) and choose its threshold.

Data: the gold names of CoNLL-2002 ``ned.train`` and 95% of the WikiNEuRal-nl dev
split (the same sentences the Dutch NER models train on). Model: scikit-learn's
``MLPClassifier``, one hidden layer of 256, ``alpha=0.01``, early stopping on a
10% slice, seed 0. The weights are written as float16 to
``src/corroborate/nlp/models/nl-retype.npz``.

Threshold: the shipped recognizer (the four-way vote, retyping off) is run over
``ned.testa`` (held out; never a reported test set), and the retyper's type
replaces the voted one where its probability is at least each candidate
threshold; the best typed F1 wins and is stored in the file.

Usage (repo root, about 10 minutes on one core):
``.venv/bin/python training/ner/retype.py``
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.neural_network import MLPClassifier

from corroborate.bench.ner import sentence_text
from corroborate.nlp.backends import MODELS_DIR, RETYPERS, ShippedRecognizer, retyped_spans
from corroborate.nlp.conll import TaggedSentence, read_sentences
from corroborate.nlp.pieces import piece_table
from corroborate.nlp.retype import Retyper, span_features

DATA = Path("/work/shared/bench-data/ner_train")
LABELS = ("PER", "LOC", "ORG", "MISC")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01)


def training_sentences() -> list[TaggedSentence]:
    conll = list(read_sentences(DATA / "conll2002_nl/ned.train.gz"))
    wiki = read_sentences(DATA / "wikineural_nl/val.conllu.gz")
    return conll + [s for i, s in enumerate(wiki) if i % 20 != 0]


def examples(sentences: Iterable[TaggedSentence]) -> tuple[np.ndarray, np.ndarray]:
    """One feature row and label index per gold name."""
    rows: list[np.ndarray] = []
    labels: list[int] = []
    for sentence in sentences:
        names = [(a, b, label) for a, b, label in sentence.spans if label in LABELS]
        if not names:
            continue
        vectors = piece_table().vectors(list(sentence.tokens))
        for start, end, label in names:
            rows.append(span_features(sentence.tokens, vectors, start, end))
            labels.append(LABELS.index(label))
    return np.stack(rows), np.asarray(labels)


def fit(features: np.ndarray, labels: np.ndarray) -> MLPClassifier:
    network = MLPClassifier(
        hidden_layer_sizes=(256,), alpha=0.01, early_stopping=True, random_state=0, max_iter=200
    )
    return network.fit(features, labels)


def save_arrays(network: MLPClassifier, path: Path) -> None:
    """The network's weights as float16, with retyping off (threshold above 1)."""
    half = np.float16
    np.savez_compressed(
        path,
        hidden_w=network.coefs_[0].astype(half),
        hidden_b=network.intercepts_[0].astype(half),
        out_w=network.coefs_[1].astype(half),
        out_b=network.intercepts_[1].astype(half),
        labels=np.asarray([LABELS[int(c)] for c in network.classes_]),
        threshold=np.asarray(1.01),
    )


def set_threshold(path: Path, threshold: float) -> None:
    with np.load(path, allow_pickle=False) as stored:
        arrays = {key: stored[key] for key in stored.files}
    arrays["threshold"] = np.asarray(threshold)
    np.savez_compressed(path, **arrays)


def dev_f1(
    path: Path, sentences: list[TaggedSentence], thresholds: Iterable[float]
) -> dict[float, float]:
    """Typed F1 on ``sentences`` of the vote retyped at each threshold."""
    voting = ShippedRecognizer(retype=False)
    base = Retyper.load(path)
    texts = [sentence_text(s) for s in sentences]
    voted = voting.spans_many([text for text, _ in texts], "nl")
    tokenizer = voting.models_for("nl")[0]
    scores: dict[float, float] = {}
    for threshold in thresholds:
        retyper = replace(base, threshold=threshold)
        hits = predicted = gold_total = 0
        for (text, gold), spans in zip(texts, voted, strict=True):
            found = set(retyped_spans(retyper, tokenizer, text, spans))
            hits += len(found & gold)
            predicted += len(found)
            gold_total += len(gold)
        precision, recall = hits / max(predicted, 1), hits / max(gold_total, 1)
        scores[threshold] = 2 * precision * recall / max(precision + recall, 1e-9)
        print(f"threshold {threshold:.2f}: dev typed F1 {scores[threshold]:.4f}", flush=True)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=MODELS_DIR / RETYPERS["nl"])
    parser.add_argument(
        "--tune-only",
        action="store_true",
        help="keep the network in --out, choose its threshold again (after the NER models change)",
    )
    args = parser.parse_args(argv)
    if not args.tune_only:
        features, labels = examples(training_sentences())
        print(f"{len(labels)} training names", flush=True)
        save_arrays(fit(features, labels), args.out)
    dev = list(read_sentences(DATA / "conll2002_nl/ned.testa.gz"))
    scores = dev_f1(args.out, dev, THRESHOLDS)
    best = max(scores, key=lambda t: (scores[t], t))
    set_threshold(args.out, best)
    print(f"{args.out}: threshold {best} (dev typed F1 {scores[best]:.4f}; off {scores[1.01]:.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

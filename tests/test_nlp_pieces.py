"""The USE piece vectors behind the Dutch NER model (corroborate.nlp.pieces)."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc
from thinc.api import Model
from thinc.types import Floats2d

from corroborate.nlp.piece_layers import PieceHashEmbed
from corroborate.nlp.pieces import PIECE_DIM, piece_table


def test_vectors_are_unit_length_one_per_word() -> None:
    words = ["Utrecht", "de", "Verhaeghen", "1999", "€", "ongeveer"]
    vectors = piece_table().vectors(words)
    assert vectors.shape == (len(words), PIECE_DIM)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_words_give_an_empty_matrix() -> None:
    assert piece_table().vectors([]).shape == (0, PIECE_DIM)


def test_same_word_same_vector_and_case_matters() -> None:
    vectors = piece_table().vectors(["De", "de", "De"])
    assert np.array_equal(vectors[0], vectors[2])
    assert not np.allclose(vectors[0], vectors[1])


def test_country_names_sit_closer_to_each_other_than_to_a_verb() -> None:
    """A wrong dequantisation or piece lookup would scramble this neighbourhood."""
    italy, spain, said = piece_table().vectors(["Italië", "Spanje", "zei"])
    assert float(italy @ spain) > float(italy @ said) + 0.1


def _embed(width: int = 16) -> tuple[Model[list[Doc], list[Floats2d]], list[Doc]]:
    nlp = spacy.blank("nl")
    docs = [nlp("Jan woont in Gent ."), nlp("Ajax won .")]
    model = PieceHashEmbed(width, ["NORM", "SHAPE"], [50, 10])
    model.initialize(X=docs)
    return model, docs


def test_embed_gives_one_row_per_token_and_learns_the_projection() -> None:
    model, docs = _embed()
    output, backprop = model.begin_update(docs)
    assert [o.shape for o in output] == [(5, 16), (3, 16)]
    backprop([model.ops.alloc2f(*o.shape) + 1.0 for o in output])
    gradients = [node.get_grad("W") for node in model.walk() if node.name == "piece_vectors"]
    assert len(gradients) == 1 and float(np.abs(np.asarray(gradients[0])).sum()) > 0


def test_embed_survives_serialisation() -> None:
    model, docs = _embed()
    copy = PieceHashEmbed(16, ["NORM", "SHAPE"], [50, 10]).from_bytes(model.to_bytes())
    for ours, theirs in zip(model.predict(docs), copy.predict(docs), strict=True):
        assert np.allclose(np.asarray(ours), np.asarray(theirs))


def test_rows_and_attrs_must_pair_up() -> None:
    with pytest.raises(ValueError, match="rows and attrs"):
        PieceHashEmbed(16, ["NORM", "SHAPE"], [50])

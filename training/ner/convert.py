"""Turn the column-format NER corpora into spaCy DocBin files for ``spacy train``.

Why a fixed, index-based dev split: we never tune on the reported test sets
(``bench-data/ner_multilingual``), so early stopping needs held-out data carved
from the training material. Where a corpus ships its own dev file (CoNLL
``testa``, ``val``) that file is the dev set; otherwise every 20th sentence (5%)
is held out, which is deterministic and spreads over the whole file.

Labels are kept as PER/LOC/ORG/MISC in every corpus used here, so no harmonisation
is needed beyond dropping nothing: all chosen corpora annotate MISC.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from corroborate.nlp.conll import TaggedSentence, read_sentences

DATA = Path("/work/shared/bench-data/ner_train")
LABELS = {"PER", "LOC", "ORG", "MISC"}
WIKINEURAL_LANGS = ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")
#: Dev sentences kept per source: enough for a stable F1, small enough that an
#: evaluation pass costs seconds on one core.
DEV_CAP = 1200

#: model name -> list of (train file, dev file or None for a 5% carve)
CORPORA: dict[str, list[tuple[str, str | None]]] = {
    "en": [
        ("conll2003_en/eng.train.gz", "conll2003_en/eng.testa.gz"),
        ("wikineural_en/val.conllu.gz", None),
    ],
    "multi": [
        ("conll2002_nl/ned.train.gz", "conll2002_nl/ned.testa.gz"),
        ("conll2002_es/esp.train.gz", "conll2002_es/esp.testa.gz"),
        ("conll2003_de/train.conllu.gz", "conll2003_de/val.conllu.gz"),
        *[(f"wikineural_{lang}/val.conllu.gz", None) for lang in WIKINEURAL_LANGS],
    ],
    "nl": [
        ("conll2002_nl/ned.train.gz", "conll2002_nl/ned.testa.gz"),
        ("wikineural_nl/val.conllu.gz", None),
    ],
}


#: Second-phase training sets: the model's own training data plus extra copies of
#: these gold news corpora. Why: in the multilingual mix CoNLL-2002 Dutch is 7% of
#: the words and its held-out F1 lags the WikiNEuRal languages by ~15 points.
UPSAMPLED: dict[str, list[str]] = {
    "multi": ["conll2002_nl/ned.train.gz"],
    "nl": ["conll2002_nl/ned.train.gz"],
}


def to_doc(vocab: Vocab, sentence: TaggedSentence) -> Doc:
    """One sentence as a Doc with gold entities (unknown labels are dropped)."""
    doc = Doc(vocab, words=sentence.tokens, spaces=[True] * len(sentence.tokens))
    doc.ents = [
        Span(doc, start, end, label=label)
        for start, end, label in sentence.spans
        if label in LABELS
    ]
    return doc


def split(
    train_file: str, dev_file: str | None
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """Train and dev sentences for one corpus entry (dev capped at :data:`DEV_CAP`)."""
    sentences = list(read_sentences(DATA / train_file))
    if dev_file is not None:
        dev = list(read_sentences(DATA / dev_file))
        return sentences, dev[:: max(1, len(dev) // DEV_CAP)][:DEV_CAP]
    train = [s for i, s in enumerate(sentences) if i % 20 != 0]
    dev = [s for i, s in enumerate(sentences) if i % 20 == 0]
    return train, dev[:DEV_CAP]


def write(path: Path, vocab: Vocab, sentences: Iterable[TaggedSentence]) -> int:
    """Serialise sentences to ``path``; returns the number written."""
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    count = 0
    for sentence in sentences:
        docbin.add(to_doc(vocab, sentence))
        count += 1
    docbin.to_disk(path)
    return count


def write_upsampled(out: Path, name: str, vocab: Vocab) -> None:
    """``out/NAME-upsampled/``: the training file plus one more copy of each extra corpus.

    spaCy's corpus reader takes a directory and reads every ``.spacy`` file in it.
    """
    folder = out / f"{name}-upsampled"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(out / f"{name}-train.spacy", folder / "base.spacy")
    for number, train_file in enumerate(UPSAMPLED[name]):
        extra = list(read_sentences(DATA / train_file))
        count = write(folder / f"extra{number}.spacy", vocab, extra)
        print(f"{name}-upsampled: +{count} sentences of {train_file}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, entries in CORPORA.items():
        vocab = Vocab()
        train: list[TaggedSentence] = []
        dev: list[TaggedSentence] = []
        for train_file, dev_file in entries:
            part_train, part_dev = split(train_file, dev_file)
            print(f"{name}: {train_file}: train {len(part_train)} dev {len(part_dev)}")
            train += part_train
            dev += part_dev
        n_train = write(args.out / f"{name}-train.spacy", vocab, train)
        n_dev = write(args.out / f"{name}-dev.spacy", vocab, dev)
        print(f"{name}: {n_train} train / {n_dev} dev sentences")
        if name in UPSAMPLED:
            write_upsampled(args.out, name, vocab)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Person names across languages and scripts, on BSNLP (part of ``bench aliases``).

The BSNLP shared-task data (``ner_train/bsnlp_ru`` and ``bsnlp_pl``, training data:
a dev set here) tags every person mention in Russian and Polish news with a
cross-lingual id spelt from the English name ("PER-Boris-Johnson"). Each distinct
mention as written ("Бориса Джонсона", "Theresy May") is linked with the English
name of its id, two mentions in two articles: *joined* is the share of these pairs
``link_entities`` makes one entity. *Wrong* is the share of pairs with the English
name of another person of the same topic that it joins. The baseline joins two
names whose folded keys are equal (:func:`corroborate.aliases.name_key`: case,
script, diacritics and Russian surname endings undone).

Only ids that spell a Latin-letter name are used, and for wrong joins only
English names of two words or more.
"""

from __future__ import annotations

import csv
import io
import re
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corroborate.aliases import link_entities, name_key
from corroborate.bench import BenchOptions, BenchTable
from corroborate.model import NamedMention

#: language -> the archive of per-document CSV files, under ``bench-data``.
ARCHIVES = {"ru": "ner_train/bsnlp_ru/raw.tar.gz", "pl": "ner_train/bsnlp_pl/raw.tar.gz"}
_LATIN_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")

Joins = Callable[[str, str, str], bool]


@dataclass(frozen=True)
class PersonMention:
    text: str
    english: str
    topic: str


def load_mentions(shared: Path, language: str) -> set[PersonMention]:
    """Distinct person mentions of one language's BSNLP documents, each with the
    English name its cross-lingual id spells."""
    path = shared / "bench-data" / ARCHIVES[language]
    found: set[PersonMention] = set()
    with tarfile.open(path) as archive:
        for member in archive.getmembers():
            handle = archive.extractfile(member) if member.name.endswith(".csv") else None
            if handle is None:
                continue
            topic = member.name.split("/")[-2]
            rows = csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))
            for text, ident in _person_spans(rows):
                english = " ".join(word for word in ident[4:].split("-") if word)
                if _LATIN_NAME.fullmatch(english):
                    found.add(PersonMention(text, english, topic))
    return found


def _person_spans(rows: Iterator[dict[str, str]]) -> Iterator[tuple[str, str]]:
    """(words, cross-lingual id) of each B-PER/I-PER run."""
    words: list[str] = []
    ident = ""
    for row in rows:
        tag = row.get("ner") or "O"
        if tag.startswith("I-") and words:
            words.append(row["text"])
            continue
        if words and ident.startswith("PER-"):
            yield " ".join(words), ident
        words, ident = ([row["text"]], row.get("clID") or "") if tag == "B-PER" else ([], "")
    if words and ident.startswith("PER-"):
        yield " ".join(words), ident


def linked(english: str, text: str, language: str) -> bool:
    """Whether ``link_entities`` makes one person of the two names."""
    mentions = [
        NamedMention("en", 0, len(english), english, "person"),
        NamedMention(language, 0, len(text), text, "person"),
    ]
    return len(link_entities(mentions, {"en": "en", language: language})) == 1


def same_key(english: str, text: str, language: str) -> bool:
    return name_key(english, "person", "en") == name_key(text, "person", language)


def score(mentions: set[PersonMention], language: str, joins: Joins) -> tuple[int, int, int, int]:
    """(joined, pairs of one person, wrongly joined, pairs of two persons)."""
    joined = sum(joins(m.english, m.text, language) for m in mentions)
    others = [
        (m, english)
        for m in mentions
        for english in sorted({o.english for o in mentions if o.topic == m.topic})
        if english != m.english and " " in english
    ]
    wrong = sum(joins(english, m.text, language) for m, english in others)
    return joined, len(mentions), wrong, len(others)


def _row(name: str, counts: tuple[int, int, int, int]) -> list[str]:
    joined, pairs, wrong, other_pairs = counts
    return [
        name,
        f"{joined / pairs:.3f} ({joined}/{pairs})",
        f"{wrong / other_pairs:.4f} ({wrong}/{other_pairs})",
    ]


def tables(options: BenchOptions) -> list[BenchTable]:
    rows: list[list[str]] = []
    for language in ARCHIVES:
        if not (options.shared / "bench-data" / ARCHIVES[language]).is_file():
            continue
        mentions = load_mentions(options.shared, language)
        rows.append(_row(f"{language}: link_entities", score(mentions, language, linked)))
        rows.append(_row(f"{language}: same folded key", score(mentions, language, same_key)))
    if not rows:
        return []
    return [
        BenchTable(
            title="BSNLP person mentions against their English names (dev)",
            columns=["language: linker", "joined", "wrong (other person)"],
            rows=rows,
            notes=[
                "each distinct mention as written ('Бориса Джонсона', 'Theresy May') beside "
                "the English name of its cross-lingual id; wrong: beside the English name "
                "of another person of the same topic"
            ],
        )
    ]

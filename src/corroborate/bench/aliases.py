"""``corroborate bench aliases``: entity linking on ECB+ gold mentions, and a seeds check.

ECB+ annotates person, organisation and location mentions in news texts with
within- and cross-document coreference chains. We keep the *named* ones (every
content word capitalised and usually capitalised in the corpus, so "Police" at a
sentence start or "the actress" are left out), only in the sentences the
annotators marked as coreference-annotated (``ECBplus_coreference_sentences.csv``)
and only mentions that belong to a chain. Each topic's mentions go through
``link_entities`` in one call (all English) and are scored against the gold chains
with BCubed P/R/F1 over mentions, plus pairwise error rates: *wrong-merge* is the
share of mention pairs we put together that the gold keeps apart, *missed* the
share of gold pairs we keep apart. Topics 1-35 are dev (thresholds were tuned
there), 36-45 test (reported only). The baseline links mentions whose text is
equal ignoring case (and type).

Type mapping: HUMAN_PART_PER -> person, HUMAN_PART_ORG -> org, LOC_GEO /
HUMAN_PART_GPE / LOC_FAC -> place.

The seeds check reads the alias sets of ``corpus/seeds.gold.json`` and says
whether each set's strings fold to one key (one gazetteer entry for places) and
whether ``link_entities`` makes one entity of them when each string stands in an
article of its own. It is information only; nothing was tuned on it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tarfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from corroborate.aliases import link_entities, name_key, resolve_place
from corroborate.aliases.places import gazetteer
from corroborate.bench import BenchOptions, BenchTable, f1_score, names_across
from corroborate.model import EntityType, NamedMention

DEV_TOPICS = range(1, 36)
TEST_TOPICS = range(36, 46)
ARCHIVE = "ecbplus/ECB+_LREC2014.tar.gz"
SENTENCES_CSV = "ECB+_LREC2014/ECBplus_coreference_sentences.csv"

TAG_TYPES: dict[str, EntityType] = {
    "HUMAN_PART_PER": "person",
    "HUMAN_PART_ORG": "org",
    "HUMAN_PART_GPE": "place",
    "LOC_GEO": "place",
    "LOC_FAC": "place",
}

#: Words a named span may start with that are not part of the name.
_LEADING = frozenset({"the", "a", "an"})
#: Function words allowed in lowercase inside a name ("Bank of America").
_FUNCTION = frozenset({"of", "the", "and", "for", "de", "van", "von", "la", "le", "du", "&", "'s"})
_ALPHA = re.compile(r"[^\W\d_]")

Linker = Callable[[Sequence[NamedMention], dict[str, str]], dict[NamedMention, str]]


@dataclass
class GoldMention:
    mention: NamedMention
    chain: str
    topic: int


@dataclass
class EcbDocument:
    name: str
    topic: int
    sentences: list[list[str]]
    markables: dict[str, tuple[str, list[int]]]  # m_id -> (tag, token indices)
    chains: dict[str, str]  # m_id -> chain id
    tokens: list[tuple[int, int, str]] = field(default_factory=list)  # (sentence, number, text)


# ----------------------------------------------------------------- reading ECB+


def _parse_document(name: str, data: bytes) -> EcbDocument:
    root = ET.fromstring(data)
    tokens: list[tuple[int, int, str]] = []
    index_of: dict[str, int] = {}
    for token in root.iter("token"):
        index_of[token.get("t_id", "")] = len(tokens)
        tokens.append(
            (int(token.get("sentence", 0)), int(token.get("number", 0)), token.text or "")
        )
    markables: dict[str, tuple[str, list[int]]] = {}
    markables_node = root.find("Markables")
    for node in markables_node if markables_node is not None else []:
        anchors = [index_of[a.get("t_id", "")] for a in node.findall("token_anchor")]
        if anchors:
            markables[node.get("m_id", "")] = (node.tag, sorted(anchors))
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        if relation.tag == "CROSS_DOC_COREF":
            chain = relation.get("note", "")
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"{name}#{relation.get('r_id')}"
        else:
            continue
        for source in relation.findall("source"):
            chains.setdefault(source.get("m_id", ""), chain)
    topic = int(name.split("_", 1)[0])
    sentences: dict[int, list[str]] = defaultdict(list)
    for sentence, _number, text in tokens:
        sentences[sentence].append(text)
    ordered = [sentences[s] for s in sorted(sentences)]
    return EcbDocument(name, topic, ordered, markables, chains, tokens)


def load_documents(shared: Path, topics: Iterable[int]) -> list[EcbDocument]:
    wanted = set(topics)
    documents: list[EcbDocument] = []
    with tarfile.open(shared / "bench-data" / ARCHIVE) as archive:
        for member in archive:
            if not member.name.endswith(".xml"):
                continue
            name = Path(member.name).stem
            if int(name.split("_", 1)[0]) not in wanted:
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                documents.append(_parse_document(name, handle.read()))
    documents.sort(key=lambda d: (d.topic, d.name))
    return documents


def load_selected_sentences(shared: Path) -> set[tuple[str, int]]:
    """(document name, sentence number) pairs the annotators covered."""
    with tarfile.open(shared / "bench-data" / ARCHIVE) as archive:
        handle = archive.extractfile(SENTENCES_CSV)
        if handle is None:
            return set()
        rows = csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))
        return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in rows}


# ----------------------------------------------------------------- named mentions


def capitalisation_votes(documents: Sequence[EcbDocument]) -> Counter[str]:
    """Per word: (+1) each time it is capitalised mid-sentence, (-1) lowercase."""
    votes: Counter[str] = Counter()
    for document in documents:
        for sentence in document.sentences:
            for position, word in enumerate(sentence):
                if position == 0 or not word[:1].isalpha():
                    continue
                votes[word.lower()] += 1 if word[0].isupper() else -1
    return votes


def _named_span(words: list[str], votes: Counter[str]) -> int | None:
    """Index of the first name word if the span is a proper name, else None."""
    start = 0
    while start < len(words) - 1 and words[start].lower() in _LEADING:
        start += 1
    content = [w for w in words[start:] if _ALPHA.search(w) and w.lower() not in _FUNCTION]
    if not content or words[start].lower() in _FUNCTION:
        return None
    for word in content:
        if not word[0].isupper() or votes[word.lower()] < 0:
            return None
    return start


def named_mentions(
    document: EcbDocument, votes: Counter[str], selected: set[tuple[str, int]]
) -> list[GoldMention]:
    """The document text (tokens joined by spaces, sentences by newlines) and the
    named, chained, selected mentions with character offsets into it."""
    offsets: list[int] = []
    position = 0
    previous_sentence: int | None = None
    for sentence, _number, text in document.tokens:
        if previous_sentence is not None:
            position += 1  # the space or newline before this token
        offsets.append(position)
        position += len(text)
        previous_sentence = sentence
    out: list[GoldMention] = []
    for m_id, (tag, anchors) in sorted(document.markables.items()):
        mention_type = TAG_TYPES.get(tag)
        chain = document.chains.get(m_id)
        sentence = document.tokens[anchors[0]][0]
        if mention_type is None or chain is None or (document.name, sentence) not in selected:
            continue
        if anchors != list(range(anchors[0], anchors[-1] + 1)):
            continue  # discontinuous spans are never a single name
        words = [document.tokens[i][2] for i in anchors]
        start = _named_span(words, votes)
        if start is None:
            continue
        first, last = anchors[start], anchors[-1]
        text = " ".join(document.tokens[i][2] for i in range(first, last + 1))
        begin = offsets[first]
        mention = NamedMention(document.name, begin, begin + len(text), text, mention_type)
        out.append(GoldMention(mention, chain, document.topic))
    return out


# ----------------------------------------------------------------- scoring


@dataclass
class LinkScore:
    mentions: int = 0
    precision_sum: float = 0.0
    recall_sum: float = 0.0
    predicted_pairs: int = 0
    wrong_pairs: int = 0
    gold_pairs: int = 0
    missed_pairs: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.precision_sum / self.mentions if self.mentions else 0.0

    @property
    def recall(self) -> float:
        return self.recall_sum / self.mentions if self.mentions else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)

    @property
    def wrong_merge_rate(self) -> float:
        return self.wrong_pairs / self.predicted_pairs if self.predicted_pairs else 0.0

    @property
    def missed_rate(self) -> float:
        return self.missed_pairs / self.gold_pairs if self.gold_pairs else 0.0


def score_topic(
    gold: list[GoldMention], predicted: dict[NamedMention, str], into: LinkScore
) -> None:
    """Add one topic's BCubed sums and pair counts to ``into``."""
    gold_of = {g.mention: g.chain for g in gold}
    by_gold: dict[str, set[NamedMention]] = defaultdict(set)
    by_pred: dict[str, set[NamedMention]] = defaultdict(set)
    for mention, chain in gold_of.items():
        by_gold[chain].add(mention)
        by_pred[predicted[mention]].add(mention)
    for mention, chain in gold_of.items():
        gold_set, pred_set = by_gold[chain], by_pred[predicted[mention]]
        overlap = len(gold_set & pred_set)
        into.mentions += 1
        into.precision_sum += overlap / len(pred_set)
        into.recall_sum += overlap / len(gold_set)
    for members in by_pred.values():
        for a, b in combinations(sorted(members, key=_order), 2):
            into.predicted_pairs += 1
            into.wrong_pairs += gold_of[a] != gold_of[b]
    for members in by_gold.values():
        for a, b in combinations(sorted(members, key=_order), 2):
            into.gold_pairs += 1
            into.missed_pairs += predicted[a] != predicted[b]


def _order(mention: NamedMention) -> tuple[str, int]:
    return (mention.article, mention.start)


def ours(mentions: Sequence[NamedMention], languages: dict[str, str]) -> dict[NamedMention, str]:
    entities = link_entities(mentions, languages)
    by_span = {
        (m.article, m.start, m.end): entity.id for entity in entities for m in entity.mentions
    }
    # A mention link_entities drops as no name ("Detectives") is linked to nothing.
    return {m: by_span.get((m.article, m.start, m.end), f"dropped:{id(m)}") for m in mentions}


def exact_string(
    mentions: Sequence[NamedMention], languages: dict[str, str]
) -> dict[NamedMention, str]:
    """Baseline: equal text ignoring case, within a type."""
    return {m: f"{m.type}:{' '.join(m.text.casefold().split())}" for m in mentions}


def evaluate(gold: list[GoldMention], linker: Linker) -> LinkScore:
    score = LinkScore()
    by_topic: dict[int, list[GoldMention]] = defaultdict(list)
    for item in gold:
        by_topic[item.topic].append(item)
    for topic in sorted(by_topic):
        topic_gold = by_topic[topic]
        mentions = [g.mention for g in topic_gold]
        languages = {m.article: "en" for m in mentions}
        started = time.perf_counter()
        predicted = linker(mentions, languages)
        score.seconds += time.perf_counter() - started
        score_topic(topic_gold, predicted, score)
    return score


def load_gold(options: BenchOptions, topics: Iterable[int]) -> list[GoldMention]:
    """Named gold mentions of ``topics`` (``options.limit`` caps the documents)."""
    documents = load_documents(options.shared, topics)
    if options.limit is not None:
        documents = documents[: options.limit]
    votes = capitalisation_votes(documents)
    selected = load_selected_sentences(options.shared)
    return [g for d in documents for g in named_mentions(d, votes, selected)]


def _row(name: str, score: LinkScore) -> list[str]:
    return [
        name,
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
        f"{score.wrong_merge_rate:.3f} ({score.wrong_pairs}/{score.predicted_pairs})",
        f"{score.missed_rate:.3f} ({score.missed_pairs}/{score.gold_pairs})",
        f"{score.seconds:.2f}",
    ]


def ecb_tables(options: BenchOptions) -> list[BenchTable]:
    tables: list[BenchTable] = []
    for split, topics in (("dev (topics 1-35)", DEV_TOPICS), ("test (topics 36-45)", TEST_TOPICS)):
        gold = load_gold(options, topics)
        chains = len({g.chain for g in gold})
        by_type = Counter(g.mention.type for g in gold)
        rows = [
            _row("link_entities", evaluate(gold, ours)),
            _row("exact string", evaluate(gold, exact_string)),
        ]
        tables.append(
            BenchTable(
                title=f"ECB+ named entity mentions, {split}",
                columns=["linker", "B3 P", "B3 R", "B3 F1", "wrong-merge", "missed", "s"],
                rows=rows,
                notes=[
                    f"{len(gold)} mentions {dict(sorted(by_type.items()))}, {chains} gold chains",
                    "wrong-merge: predicted pairs not coreferent in gold; "
                    "missed: gold pairs we keep apart",
                ],
            )
        )
    return tables


# ----------------------------------------------------------------- seeds check


def seeds_table(options: BenchOptions) -> BenchTable | None:
    path = options.shared / "corpus" / "seeds.gold.json"
    if not path.is_file():
        return None
    sets: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8")).get("entities", [])
    rows: list[list[str]] = []
    for number, entry in enumerate(sets, 1):
        kind, aliases = entry["type"], list(entry["aliases"])
        keys = {name_key(a, kind, "und") for a in aliases}
        places = {resolve_place(a, "und") for a in aliases} if kind == "place" else set()
        mentions = [NamedMention(f"s{i}", 0, len(a), a, kind) for i, a in enumerate(aliases)]
        entities = link_entities(mentions, {m.article: "und" for m in mentions})
        rows.append(
            [
                str(number),
                kind,
                str(len(aliases)),
                str(len(keys)),
                str(len(places)) if kind == "place" else "-",
                "yes" if places and None not in places else ("-" if kind != "place" else "no"),
                str(len(entities)),
            ]
        )
    return BenchTable(
        title="Seed alias sets (information only, not tuned on)",
        columns=["set", "type", "strings", "distinct keys", "places", "all resolved", "entities"],
        rows=rows,
        notes=["one entity per set is the aim; distinct keys > 1 is fine when linking joins them"],
    )


def run(options: BenchOptions) -> list[BenchTable]:
    started = time.perf_counter()
    build = gazetteer().build_seconds
    tables = ecb_tables(options)
    tables += names_across.tables(options)
    seeds = seeds_table(options)
    if seeds is not None:
        tables.append(seeds)
    tables.append(
        BenchTable(
            title="Gazetteer",
            columns=["index build s", "regions", "division names", "town names", "bench total s"],
            rows=[
                [
                    f"{build:.2f}",
                    str(len(gazetteer().regions)),
                    str(len(gazetteer().divisions)),
                    str(len(gazetteer().towns)),
                    f"{time.perf_counter() - started:.1f}",
                ]
            ],
        )
    )
    return tables

"""``corroborate bench clustering``: story clustering on ECB+ and GVA, pair scores on SemEval.

ECB+: every document of the evaluated topics is clustered in one go; gold stories
are the sub-topics (one event each; the two sub-topics of a topic share a theme,
which is what ``related`` should link). Topics 1-35 are dev (tuning), 36-45 test
(reported, never tuned on).

GVA long-tail: local news about gun incidents, gold story = incident; thousands of
incidents on one theme, articles of natural length with publication dates.
Incidents with an even id are dev, odd ones test.

Both are scored with BCubed P/R/F1 beside TF-IDF cosine with average linkage, its
cut tuned on the same dev split.

SemEval-2022 Task 8 (sample): Pearson r between our pair score and the gold Overall
similarity, whose scale runs 1 = very similar to 4 = very dissimilar, so we correlate
with ``-Overall``. Pairs flagged as possibly machine-translated or mojibake are left
out. training_set is dev, testing_set is test; the baseline is plain embedding cosine.

Vectors are cached in memory for one run only; nothing is written anywhere.
"""

from __future__ import annotations

import ast
import gzip
import itertools
import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.stats import pearsonr
from sklearn.feature_extraction.text import TfidfVectorizer

from corroborate.bench import BenchOptions, BenchTable, f1_score
from corroborate.cluster import (
    ClusterParams,
    PairSignals,
    cluster_labels,
    combine,
    pair_signals,
    theme_params,
)
from corroborate.embed import document_text
from corroborate.model import StoryCandidate

Encoder = Callable[[list[str]], npt.NDArray[np.floating]]

DEV_TOPICS = range(1, 36)
TEST_TOPICS = range(36, 46)
_URL_LINE = re.compile(r"^\s*https?\s*:")
_T = TypeVar("_T")


@dataclass(frozen=True)
class EcbDoc:
    id: str
    topic: int
    subtopic: str
    text: str


@dataclass(frozen=True)
class GvaDoc:
    id: str
    incident: str
    title: str
    dct: str
    text: str


@dataclass(frozen=True)
class SemPair:
    id1: str
    id2: str
    similarity: float  # -Overall: higher means more similar


@dataclass
class SemSplit:
    docs: list[StoryCandidate]
    pairs: list[SemPair]


@dataclass(frozen=True)
class Bcubed:
    precision: float
    recall: float
    f1: float


class VectorCache:
    """Embeds each distinct text once per run (encoding ~1,000 docs is the slow part)."""

    def __init__(self, encode: Encoder, batch: int = 32) -> None:
        self._encode = encode
        self._batch = batch
        self._vectors: dict[str, npt.NDArray[np.float32]] = {}
        self.seconds = 0.0

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        start = time.perf_counter()
        for i in range(0, len(missing), self._batch):
            chunk = missing[i : i + self._batch]
            for text, vector in zip(chunk, np.asarray(self._encode(chunk)), strict=True):
                self._vectors[text] = vector.astype(np.float32)
        self.seconds += time.perf_counter() - start
        return np.stack([self._vectors[t] for t in texts])


# ---------------------------------------------------------------- data


def load_ecb(shared: Path, topics: Iterable[int], limit: int | None = None) -> list[EcbDoc]:
    """ECB+ documents of ``topics``, the URL first line (it names the sub-topic) removed."""
    wanted = set(topics)
    docs: list[EcbDoc] = []
    with gzip.open(shared / "bench-data" / "ecbplus" / "docs.jsonl.gz", "rt") as handle:
        for line in handle:
            row = json.loads(line)
            if int(row["topic"]) not in wanted:
                continue
            lines = row["text_tokenized"].split("\n")
            if lines and _URL_LINE.match(lines[0]):
                lines = lines[1:]
            docs.append(EcbDoc(row["doc_id"], int(row["topic"]), row["subtopic"], "\n".join(lines)))
    docs.sort(key=lambda d: d.id)
    return docs[:limit] if limit else docs


#: GVA documents shorter than this many words are scrape failures (captcha pages,
#: empty shells), not articles.
GVA_MIN_WORDS = 80


def load_gva(shared: Path, split: str, limit: int | None = None) -> list[GvaDoc]:
    """GVA long-tail articles of one half: ``dev`` incidents have an even id, ``test`` odd."""
    even = split == "dev"
    docs: list[GvaDoc] = []
    path = shared / "bench-data" / "gva_longtail" / "documents.jsonl.gz"
    with gzip.open(path, "rt") as handle:
        for line in handle:
            row = json.loads(line)
            if (int(row["incident_id"]) % 2 == 0) != even:
                continue
            if len(row["content"].split()) < GVA_MIN_WORDS:
                continue
            docs.append(
                GvaDoc(row["doc_id"], row["incident_id"], row["title"], row["dct"], row["content"])
            )
    docs.sort(key=lambda d: d.id)
    return docs[:limit] if limit else docs


def gva_candidates(docs: Sequence[GvaDoc]) -> list[StoryCandidate]:
    return with_names(
        [
            StoryCandidate(id=d.id, text=d.text, title=d.title, language="en", published=d.dct)
            for d in docs
        ]
    )


def load_semeval(shared: Path, split: str, limit: int | None = None) -> SemSplit:
    """Usable pairs of one split and the distinct documents they mention."""
    path = shared / "bench-data" / "semeval2022_task8_sample" / f"{split}.jsonl.gz"
    docs: dict[str, StoryCandidate] = {}
    pairs: list[SemPair] = []
    with gzip.open(path, "rt") as handle:
        for line in handle:
            row = json.loads(line)
            if _flag(row["id_has_lang_suffix_possibly_translated"]) or _flag(
                row["mojibake_suspected"]
            ):
                continue
            id1, id2 = row["pair_id"].split("_")
            labels = row["labels"]
            if isinstance(labels, str):
                labels = ast.literal_eval(labels)
            overall = float(labels["Overall"])
            for doc_id, text, lang in (
                (id1, row["text1"], row["lang1"]),
                (id2, row["text2"], row["lang2"]),
            ):
                docs.setdefault(doc_id, StoryCandidate(id=doc_id, text=text, language=lang))
            pairs.append(SemPair(id1, id2, -overall))
            if limit and len(pairs) >= limit:
                break
    return SemSplit(sorted(docs.values(), key=lambda d: d.id), pairs)


def _flag(value: object) -> bool:
    """The sample's flags are JSON booleans; accept their string form too."""
    return value is True or str(value).lower() == "true"


# ---------------------------------------------------------------- metrics


def bcubed(predicted: Sequence[int], gold: Sequence[str]) -> Bcubed:
    """BCubed precision/recall/F1: per item, the share of its cluster that is right.

    From the contingency table: an item in predicted cluster c and gold class g
    scores n_cg / n_c for precision and n_cg / n_g for recall.
    """
    n = len(predicted)
    if n == 0:
        return Bcubed(0.0, 0.0, 0.0)
    _, pred = np.unique(np.asarray(predicted), return_inverse=True)
    _, true = np.unique(np.asarray(gold, dtype=object).astype(str), return_inverse=True)
    table = np.zeros((pred.max() + 1, true.max() + 1))
    np.add.at(table, (pred, true), 1.0)
    squares = table**2
    p = float((squares.sum(axis=1) / table.sum(axis=1)).sum() / n)
    r = float((squares.sum(axis=0) / table.sum(axis=0)).sum() / n)
    return Bcubed(p, r, f1_score(p, r))


def related_f1(
    labels: npt.NDArray[np.int64],
    theme: npt.NDArray[np.float64],
    docs: Sequence[EcbDoc],
    threshold: float,
) -> float:
    """F1 of ``related`` links (best cross-story ``theme`` score): link iff same gold topic.

    ``theme`` is the matrix the links are cut from: the pair score, as in the stage.
    """
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    members = list(groups.values())
    topic = [_majority(docs[i].topic for i in m) for m in members]
    sub = [_majority(docs[i].subtopic for i in m) for m in members]
    tp = fp = fn = 0
    for a, b in itertools.combinations(range(len(members)), 2):
        if sub[a] == sub[b]:
            continue  # a split story; not a related-link question
        linked = theme[np.ix_(members[a], members[b])].max() >= threshold
        gold = topic[a] == topic[b]
        tp += linked and gold
        fp += linked and not gold
        fn += gold and not linked
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _majority(values: Iterable[_T]) -> _T:
    counts: dict[_T, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda k: counts[k])


def semeval_pearson(split: SemSplit, scores: npt.NDArray[np.float64]) -> float:
    """Pearson r of pair scores with gold similarity (-Overall)."""
    index = {d.id: i for i, d in enumerate(split.docs)}
    ours = [scores[index[p.id1], index[p.id2]] for p in split.pairs]
    gold = [p.similarity for p in split.pairs]
    return float(pearsonr(ours, gold).statistic)


# ---------------------------------------------------------------- systems


def ecb_candidates(docs: Sequence[EcbDoc]) -> list[StoryCandidate]:
    return with_names([StoryCandidate(id=d.id, text=d.text, language="en") for d in docs])


def with_names(items: Sequence[StoryCandidate]) -> list[StoryCandidate]:
    """The candidates with name keys from NER and alias folding, as the pipeline makes them.

    Tuning and the benchmark must see the same names signal as a real run.
    """
    from corroborate.aliases import mention_keys
    from corroborate.nlp import recognize

    return [
        replace(
            item,
            names=mention_keys(recognize(item.id, item.text, item.language), item.language),
        )
        for item in items
    ]


@dataclass
class ClusterSet:
    """One split of a clustering benchmark: candidates, their vectors and gold stories."""

    name: str
    items: list[StoryCandidate]
    vectors: npt.NDArray[np.floating]
    gold: list[str]


def tfidf_baseline_labels(texts: Sequence[str], threshold: float) -> npt.NDArray[np.int64]:
    """The baseline: TF-IDF cosine, average linkage, one cut."""
    return _cut(_tfidf_tree(texts), threshold)


def _tfidf_tree(texts: Sequence[str]) -> npt.NDArray[np.float64]:
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(list(texts))
    sims = np.clip((matrix @ matrix.T).toarray(), 0.0, 1.0)
    return _tree(sims)


def _tree(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    distance = np.clip(1.0 - scores, 0.0, None)
    tree: npt.NDArray[np.float64] = linkage(distance[np.triu_indices(len(scores), 1)], "average")
    return tree


def _cut(tree: npt.NDArray[np.float64], threshold: float) -> npt.NDArray[np.int64]:
    labels: npt.NDArray[np.int64] = fcluster(tree, t=1.0 - threshold, criterion="distance")
    return labels.astype(np.int64)


def _grid(lo: float, hi: float, step: float) -> list[float]:
    return [round(x, 3) for x in np.arange(lo, hi + step / 2, step)]


THRESHOLDS = _grid(0.15, 0.8, 0.025)
RELATED = _grid(0.1, 0.6, 0.025)


def tune_baseline(texts: Sequence[str], gold: Sequence[str]) -> float:
    """Best TF-IDF threshold on one dev set."""
    tree = _tfidf_tree(texts)
    results = [(t, bcubed(list(_cut(tree, t)), gold).f1) for t in THRESHOLDS]
    return max(results, key=lambda r: (r[1], -r[0]))[0]


@dataclass
class TuneResult:
    params: ClusterParams
    f1: dict[str, float]
    related_f1: float
    pearson: float
    log: list[str]


#: The grid :func:`tune` searches (the embedding weight is fixed at 1).
WEIGHT_GRID: dict[str, tuple[float, ...]] = {
    "support_tokens": (1.0, 3.0),
    "w_lexical": (1.0, 2.0, 3.0),
    "w_names": (2.0, 3.0, 4.0),
    "w_numbers": (1.0, 2.0, 3.0),
    "w_years": (0.0, 1.0, 3.0),
    "w_date": (0.25, 1.0),
}


def tune(
    dev_sets: Sequence[ClusterSet],
    ecb_docs: Sequence[EcbDoc],
    sem: SemSplit,
    sem_vectors: npt.NDArray[np.floating],
    grid: dict[str, tuple[float, ...]] | None = None,
) -> TuneResult:
    """Grid search on DEV data: weights and one cut by the mean BCubed F1 of the dev
    sets, then the related threshold on ECB+ same-topic links.

    Pass only dev data; ``dev_sets[0]`` must be ECB+ (``ecb_docs``, whose topics
    define the related links). SemEval dev Pearson r of each setting is logged.
    """
    grid = grid or WEIGHT_GRID
    sem_items = with_names(sem.docs)
    best: tuple[float, ClusterParams, dict[str, float], float] | None = None
    log: list[str] = []
    cache: dict[float, list[PairSignals]] = {}
    for values in itertools.product(*grid.values()):
        params = _with_weights(dict(zip(grid, values, strict=True)))
        k = params.support_tokens  # the only grid value the signals depend on
        if k not in cache:
            cache[k] = [pair_signals(d.items, d.vectors, params) for d in dev_sets]
            cache[k].append(pair_signals(sem_items, sem_vectors, params))
        *signals, sem_signals = cache[k]
        curves = [_f1_by_cut(sig, params, d.gold) for sig, d in zip(signals, dev_sets, strict=True)]
        cut = max(THRESHOLDS, key=lambda t: (sum(c[t] for c in curves), -t))
        mean = sum(c[cut] for c in curves) / len(curves)
        r = semeval_pearson(sem, combine(sem_signals, params))
        f1 = {d.name: c[cut] for d, c in zip(dev_sets, curves, strict=True)}
        log.append(f"{mean:.4f} {_weights_text(params)} cut={cut} {f1} r={r:.4f}")
        if best is None or mean > best[0] + 1e-9:
            best = (mean, replace(params, threshold=cut), f1, r)
    assert best is not None
    _, params, f1, r = best
    ecb_signals = cache[params.support_tokens][0]
    labels = _cut(_tree(combine(ecb_signals, params)), params.threshold)
    theme = combine(ecb_signals, theme_params(params))
    rel = max(
        ((related_f1(labels, theme, ecb_docs, t), t) for t in RELATED), key=lambda x: (x[0], -x[1])
    )
    return TuneResult(replace(params, related_threshold=rel[1]), f1, rel[0], r, log)


def _with_weights(weights: dict[str, float]) -> ClusterParams:
    """Default params with the named float weights replaced."""
    params = ClusterParams()
    for name, value in weights.items():
        params = replace(params, **{name: float(value)})  # type: ignore[arg-type]
    return params


def _f1_by_cut(
    signals: PairSignals, params: ClusterParams, gold: Sequence[str]
) -> dict[float, float]:
    tree = _tree(combine(signals, params))
    return {t: bcubed(list(_cut(tree, t)), gold).f1 for t in THRESHOLDS}


# ---------------------------------------------------------------- the benchmark


def evaluate(
    data: ClusterSet, params: ClusterParams
) -> tuple[Bcubed, npt.NDArray[np.int64], PairSignals]:
    """BCubed of our clusters, with the labels and signals behind them."""
    signals = pair_signals(data.items, data.vectors, params)
    labels = cluster_labels(combine(signals, params), params.threshold)
    return bcubed(list(labels), data.gold), labels, signals


def per_topic_f1(
    data: ClusterSet, docs: Sequence[EcbDoc], params: ClusterParams, base_cut: float
) -> tuple[float, float]:
    """Mean BCubed F1 (ours, TF-IDF baseline) when each topic is clustered on its own.

    A small batch on one theme is what a user often has (a handful of pages about one
    event, plus one on a related event); batch IDF behaves differently there than
    over hundreds of documents.
    """
    topics: dict[int, list[int]] = {}
    for i, doc in enumerate(docs):
        topics.setdefault(doc.topic, []).append(i)
    ours, base = [], []
    for members in topics.values():
        index = np.array(members)
        part = ClusterSet(
            data.name,
            [data.items[i] for i in members],
            data.vectors[index],
            [data.gold[i] for i in members],
        )
        ours.append(evaluate(part, params)[0].f1)
        texts = [docs[i].text for i in members]
        base.append(bcubed(list(tfidf_baseline_labels(texts, base_cut)), part.gold).f1)
    return float(np.mean(ours)), float(np.mean(base))


def ecb_set(
    options: BenchOptions, cache: VectorCache, split: str
) -> tuple[ClusterSet, list[EcbDoc]]:
    docs = load_ecb(options.shared, DEV_TOPICS if split == "dev" else TEST_TOPICS, options.limit)
    vectors = cache([d.text for d in docs])
    items = ecb_candidates(docs)
    return ClusterSet(f"ECB+ {split}", items, vectors, [d.subtopic for d in docs]), docs


def gva_set(options: BenchOptions, cache: VectorCache, split: str) -> ClusterSet:
    docs = load_gva(options.shared, split, options.limit)
    vectors = cache([document_text(d.title, d.text) for d in docs])
    return ClusterSet(f"GVA {split}", gva_candidates(docs), vectors, [d.incident for d in docs])


def run(options: BenchOptions) -> list[BenchTable]:
    from corroborate.embed import get_embedder

    embedder = get_embedder()
    cache = VectorCache(embedder.encode)
    return [
        _ecb_table(options, cache, embedder.name),
        _gva_table(options, cache),
        _semeval_table(options, cache),
    ]


def _fmt(b: Bcubed) -> str:
    return f"{b.f1:.3f} (P {b.precision:.3f}, R {b.recall:.3f})"


def _ecb_table(options: BenchOptions, cache: VectorCache, embedder: str) -> BenchTable:
    params = ClusterParams()
    rows: list[list[str]] = []
    dev, dev_docs = ecb_set(options, cache, "dev")
    base_cut = tune_baseline([d.text for d in dev_docs], dev.gold)
    for split in ("dev", "test"):
        data, docs = (dev, dev_docs) if split == "dev" else ecb_set(options, cache, split)
        ours, labels, signals = evaluate(data, params)
        rel = related_f1(
            labels, combine(signals, theme_params(params)), docs, params.related_threshold
        )
        base = bcubed(list(tfidf_baseline_labels([d.text for d in docs], base_cut)), data.gold)
        ours_topic, base_topic = per_topic_f1(data, docs, params, base_cut)
        rows.append(
            [
                "dev (topics 1-35)" if split == "dev" else "test (topics 36-45)",
                str(len(docs)),
                str(len(set(data.gold))),
                _fmt(ours),
                f"{rel:.3f}",
                _fmt(base),
                f"{ours_topic:.3f}",
                f"{base_topic:.3f}",
            ]
        )
    return BenchTable(
        "ECB+ story clustering, BCubed (gold: sub-topic)",
        [
            "split",
            "docs",
            "events",
            "ours F1",
            "related F1",
            "TF-IDF baseline F1",
            "ours, per topic",
            "baseline, per topic",
        ],
        rows,
        [
            "per topic: each topic's documents clustered on their own (a small batch on "
            "one theme, two events), BCubed F1 averaged over topics",
            f"ours: {embedder} + TF-IDF + NER names, numbers, years, dates; {_params_text(params)}",
            f"baseline: TF-IDF cosine, average linkage, cut {base_cut} (tuned on dev topics)",
            "related F1: story pairs linked iff same topic",
        ],
    )


def _gva_table(options: BenchOptions, cache: VectorCache) -> BenchTable:
    params = ClusterParams()
    rows: list[list[str]] = []
    base_cut = 0.0
    for split in ("dev", "test"):
        data = gva_set(options, cache, split)
        texts = [item.text for item in data.items]
        if split == "dev":
            base_cut = tune_baseline(texts, data.gold)
        ours, _, _ = evaluate(data, params)
        base = bcubed(list(tfidf_baseline_labels(texts, base_cut)), data.gold)
        rows.append(
            [
                "dev (even incident ids)" if split == "dev" else "test (odd incident ids)",
                str(len(data.items)),
                str(len(set(data.gold))),
                _fmt(ours),
                _fmt(base),
            ]
        )
    return BenchTable(
        "GVA long-tail story clustering, BCubed (gold: incident)",
        ["split", "docs", "incidents", "ours F1", "TF-IDF baseline F1"],
        rows,
        [
            f"articles under {GVA_MIN_WORDS} words (failed scrapes) are left out",
            f"baseline: TF-IDF cosine, average linkage, cut {base_cut} (tuned on dev)",
        ],
    )


def _semeval_table(options: BenchOptions, cache: VectorCache) -> BenchTable:
    params = ClusterParams()
    rows: list[list[str]] = []
    for name, split in (
        ("dev (training_set)", "training_set"),
        ("test (testing_set)", "testing_set"),
    ):
        data = load_semeval(options.shared, split, options.limit)
        start = time.perf_counter()
        vectors = cache([d.text for d in data.docs])
        signals = pair_signals(with_names(data.docs), vectors, params)
        ours = semeval_pearson(data, combine(signals, params))
        theme = semeval_pearson(data, combine(signals, theme_params(params)))
        seconds = time.perf_counter() - start
        base = semeval_pearson(data, signals.embedding)
        rows.append(
            [
                name,
                str(len(data.pairs)),
                f"{ours:.3f}",
                f"{theme:.3f}",
                f"{base:.3f}",
                f"{len(data.docs) / seconds:.1f}",
            ]
        )
    return BenchTable(
        "SemEval-2022 Task 8 sample: Pearson r of pair score with gold similarity",
        ["split", "pairs", "pair score r", "theme score r", "embedding cosine r", "docs/s"],
        rows,
        [
            "gold is -Overall (1 = very similar, 4 = very dissimilar)",
            "pair score: what clustering cuts (tuned for same event on ECB+); theme score: "
            "what related links are cut from",
            "pairs flagged possibly machine-translated or mojibake are left out",
            "docs/s includes embedding (cached within the run)",
        ],
    )


def _weights_text(params: ClusterParams) -> str:
    return (
        f"w_lex={params.w_lexical}, w_names={params.w_names}, w_numbers={params.w_numbers}, "
        f"w_years={params.w_years}, w_date={params.w_date}, support={params.support_tokens}"
    )


def _params_text(params: ClusterParams) -> str:
    return f"{_weights_text(params)}, cut={params.threshold}, related={params.related_threshold}"


def run_tune(options: BenchOptions) -> list[BenchTable]:
    """``corroborate bench clustering-tune``: redo the DEV grid search behind the defaults.

    Reads ECB+ topics 1-35, GVA even incident ids and the SemEval training sample
    only; prints the best setting beside the current defaults and the ten best
    grid points.
    """
    from corroborate.embed import get_embedder

    cache = VectorCache(get_embedder().encode)
    ecb, ecb_docs = ecb_set(options, cache, "dev")
    gva = gva_set(options, cache, "dev")
    sem = load_semeval(options.shared, "training_set", options.limit)
    result = tune([ecb, gva], ecb_docs, sem, cache([d.text for d in sem.docs]))
    current = ClusterParams()
    top = sorted(result.log, reverse=True)[:10]
    figures = ", ".join(f"{name} F1 {f1:.3f}" for name, f1 in result.f1.items())
    return [
        BenchTable(
            "Clustering weights tuned on DEV data (ECB+ topics 1-35, GVA even ids)",
            ["setting", "weights and cuts"],
            [["best", _params_text(result.params)], ["current defaults", _params_text(current)]],
            [
                f"best: {figures}, related F1 {result.related_f1:.3f}, "
                f"SemEval dev r {result.pearson:.3f}",
                "top grid points (mean F1 first):",
                *top,
            ],
        )
    ]

"""``corroborate bench clustering``: story clustering on ECB+ and pair scores on SemEval.

ECB+: every document of the evaluated topics is clustered in one go; gold stories
are the sub-topics (one event each; the two sub-topics of a topic share a theme,
which is what ``related`` should link). Scored with BCubed P/R/F1. Topics 1-35 are
dev (tuning), 36-45 test (reported, never tuned on). The baseline is TF-IDF cosine
with average linkage, its threshold tuned on the same dev topics.

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

from corroborate.bench import BenchOptions, BenchTable
from corroborate.cluster import (
    ClusterParams,
    PairSignals,
    cluster_labels,
    combine,
    pair_signals,
    theme_params,
)
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
    return Bcubed(p, r, 2 * p * r / (p + r) if p + r else 0.0)


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
    return [StoryCandidate(id=d.id, text=d.text, language="en") for d in docs]


def tfidf_baseline_labels(docs: Sequence[EcbDoc], threshold: float) -> npt.NDArray[np.int64]:
    """The baseline: TF-IDF cosine, average linkage, one cut."""
    return _cut(_tfidf_tree(docs), threshold)


def _tfidf_tree(docs: Sequence[EcbDoc]) -> npt.NDArray[np.float64]:
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([d.text for d in docs])
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


def tune_baseline(docs: Sequence[EcbDoc]) -> tuple[float, Bcubed]:
    """Best TF-IDF threshold on ``docs`` (dev only)."""
    tree = _tfidf_tree(docs)
    gold = [d.subtopic for d in docs]
    results = [(t, bcubed(list(_cut(tree, t)), gold)) for t in THRESHOLDS]
    return max(results, key=lambda r: (r[1].f1, -r[0]))


@dataclass
class TuneResult:
    params: ClusterParams
    ecb: Bcubed
    related_f1: float
    pearson: float
    log: list[str]


#: The weight grid :func:`tune` searches (the embedding weight is fixed at 1).
WEIGHT_GRID: dict[str, tuple[float, ...]] = {
    "w_lexical": (1.0, 2.0, 3.0, 4.0),
    "w_names": (2.0, 3.0, 4.0, 6.0, 8.0),
    "w_numbers": (0.0, 1.0, 2.0, 3.0),
    "w_years": (0.0, 1.0, 2.0, 3.0),
}


def tune(
    ecb_docs: Sequence[EcbDoc],
    ecb_vectors: npt.NDArray[np.floating],
    sem: SemSplit,
    sem_vectors: npt.NDArray[np.floating],
    grid: dict[str, tuple[float, ...]] | None = None,
) -> TuneResult:
    """Grid search on DEV data: weights and cut by ECB+ F1, then the related threshold.

    Pass only dev data. Clustering is what the pair score is for, so the weights
    and cut maximise ECB+ dev BCubed F1 alone; SemEval dev Pearson r of each
    setting is logged beside it. The related threshold is the one with the best
    same-topic link F1 on ECB+ dev.
    """
    grid = grid or WEIGHT_GRID
    ecb_signals = pair_signals(ecb_candidates(ecb_docs), ecb_vectors)
    sem_signals = pair_signals(sem.docs, sem_vectors)
    gold = [d.subtopic for d in ecb_docs]
    best: tuple[float, ClusterParams, Bcubed, float] | None = None
    log: list[str] = []
    for values in itertools.product(*grid.values()):
        params = _with_weights(dict(zip(grid, values, strict=True)))
        threshold, score = _best_cut(ecb_signals, params, gold)
        r = semeval_pearson(sem, combine(sem_signals, params))
        log.append(f"{_weights_text(params)} cut={threshold} F1={score.f1:.4f} r={r:.4f}")
        if best is None or score.f1 > best[0] + 1e-9:
            best = (score.f1, replace(params, threshold=threshold), score, r)
    assert best is not None
    _, params, score, r = best
    labels = _cut(_tree(combine(ecb_signals, params)), params.threshold)
    theme = combine(ecb_signals, theme_params(params))
    rel = max(
        ((related_f1(labels, theme, ecb_docs, t), t) for t in RELATED), key=lambda x: (x[0], -x[1])
    )
    return TuneResult(replace(params, related_threshold=rel[1]), score, rel[0], r, log)


def _with_weights(weights: dict[str, float]) -> ClusterParams:
    """Default params with the named float weights replaced."""
    params = ClusterParams()
    for name, value in weights.items():
        params = replace(params, **{name: float(value)})  # type: ignore[arg-type]
    return params


def _best_cut(
    signals: PairSignals, params: ClusterParams, gold: Sequence[str]
) -> tuple[float, Bcubed]:
    tree = _tree(combine(signals, params))
    results = [(t, bcubed(list(_cut(tree, t)), gold)) for t in THRESHOLDS]
    return max(results, key=lambda r: (r[1].f1, -r[0]))


# ---------------------------------------------------------------- the benchmark


def evaluate_ecb(
    docs: Sequence[EcbDoc], vectors: npt.NDArray[np.floating], params: ClusterParams
) -> tuple[Bcubed, float, float]:
    """BCubed of our clusters, related-link F1, and the seconds clustering took."""
    start = time.perf_counter()
    candidates = ecb_candidates(docs)
    signals = pair_signals(candidates, vectors, params.date_scale_days)
    labels = cluster_labels(combine(signals, params), params.threshold)
    seconds = time.perf_counter() - start
    theme = combine(signals, theme_params(params))
    rel = related_f1(labels, theme, docs, params.related_threshold)
    return bcubed(list(labels), [d.subtopic for d in docs]), rel, seconds


def run(options: BenchOptions) -> list[BenchTable]:
    from corroborate.embed import get_embedder

    embedder = get_embedder()
    cache = VectorCache(embedder.encode)
    return [_ecb_table(options, cache, embedder.name), _semeval_table(options, cache)]


def _fmt(b: Bcubed) -> str:
    return f"{b.f1:.3f} (P {b.precision:.3f}, R {b.recall:.3f})"


def _ecb_table(options: BenchOptions, cache: VectorCache, embedder: str) -> BenchTable:
    params = ClusterParams()
    rows: list[list[str]] = []
    dev = load_ecb(options.shared, DEV_TOPICS, options.limit)
    base_threshold, _ = tune_baseline(dev)
    notes: list[str] = []
    for name, topics in (("dev (topics 1-35)", DEV_TOPICS), ("test (topics 36-45)", TEST_TOPICS)):
        docs = load_ecb(options.shared, topics, options.limit)
        encode_before = cache.seconds
        vectors = cache([d.text for d in docs])
        ours, rel, seconds = evaluate_ecb(docs, vectors, params)
        base = bcubed(list(tfidf_baseline_labels(docs, base_threshold)), [d.subtopic for d in docs])
        rate = len(docs) / (seconds + cache.seconds - encode_before)
        rows.append(
            [
                name,
                str(len(docs)),
                str(len({d.subtopic for d in docs})),
                _fmt(ours),
                f"{rel:.3f}",
                _fmt(base),
                f"{rate:.1f}",
            ]
        )
    notes.append(f"ours: {embedder} + TF-IDF + names, numbers, years, {_params_text(params)}")
    notes.append(
        f"baseline: TF-IDF cosine, average linkage, cut {base_threshold} "
        "(tuned on dev topics in this run)"
    )
    notes.append("docs/s includes embedding; related F1: story pairs linked iff same topic")
    return BenchTable(
        "ECB+ story clustering, BCubed (gold: sub-topic)",
        ["split", "docs", "events", "ours F1", "related F1", "TF-IDF baseline F1", "docs/s"],
        rows,
        notes,
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
        signals = pair_signals(data.docs, vectors, params.date_scale_days)
        ours = semeval_pearson(data, combine(signals, params))
        seconds = time.perf_counter() - start
        base = semeval_pearson(data, signals.embedding)
        rows.append(
            [
                name,
                str(len(data.pairs)),
                f"{ours:.3f}",
                f"{base:.3f}",
                f"{len(data.docs) / seconds:.1f}",
            ]
        )
    return BenchTable(
        "SemEval-2022 Task 8 sample: Pearson r of pair score with gold similarity",
        ["split", "pairs", "ours r", "embedding cosine r", "docs/s"],
        rows,
        [
            "gold is -Overall (1 = very similar, 4 = very dissimilar)",
            "pairs flagged possibly machine-translated or mojibake are left out",
            "docs/s includes embedding (cached within the run)",
        ],
    )


def _weights_text(params: ClusterParams) -> str:
    return (
        f"w_lex={params.w_lexical}, w_names={params.w_names}, w_numbers={params.w_numbers}, "
        f"w_years={params.w_years}, w_date={params.w_date}"
    )


def _params_text(params: ClusterParams) -> str:
    return f"{_weights_text(params)}, cut={params.threshold}, related={params.related_threshold}"

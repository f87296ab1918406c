"""``corroborate bench throughput``: articles per minute, per-stage seconds and peak memory.

Why it builds its own corpus: scale is about many ordinary news pages, in the forms
users feed (WARC files from a crawl, single files). The corpus mixes the shared data:
GVA incident articles and trafilatura's evaluation pages as HTML inside WARC files, ECB+
and the seed articles as text files. Sizes beyond the pool (about 7,400 documents)
replay documents under new ids with a small edit, so every one is a new document to
the store (syndicated near-copies, as real feeds have).

Each measurement runs in a fresh Python process, so model loading is counted and peak
RSS (that process and its worker processes, from ``getrusage``) belongs to it alone.
Extraction alone (read + extract + language, through the same engine) is measured in
the same benchmark run as the whole pipeline, on the same documents, for the ratio.
Sizes: ``--limit N`` for one size, else 1,000 and 10,000; 100,000 only as ``--limit``.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate.bench import BenchOptions, BenchTable

DEFAULT_SIZES = (1_000, 10_000)
#: The size at which local and ray are compared.
ENGINE_SIZE = 1_000
WARC_RECORDS_PER_FILE = 1_000
STAGES = ("ingest", "extract", "dedup", "entities", "embedding", "cluster", "claims", "outputs")


@dataclass(frozen=True)
class Doc:
    """One corpus document: HTML goes into WARC files, text into files of its own."""

    key: str
    body: str
    html: bool


def run(options: BenchOptions) -> list[BenchTable]:
    """Build each corpus size, measure extraction alone and the whole pipeline on it."""
    sizes = (options.limit,) if options.limit else DEFAULT_SIZES
    pool = load_pool(options.shared)
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="corroborate-throughput-") as tmp:
        for size in sizes:
            corpus = write_corpus(corpus_docs(pool, size), Path(tmp) / f"corpus-{size}")
            for engine in _engines(size):
                extraction = measure(corpus, Path(tmp) / f"x-{size}-{engine}", engine, True)
                whole = measure(corpus, Path(tmp) / f"p-{size}-{engine}", engine, False)
                rows.append(_row(size, engine, extraction, whole))
    return [
        BenchTable(
            title="Throughput: the whole pipeline vs extraction alone, same documents, same run",
            columns=[
                "articles", "engine", "articles/min", "pipeline s", "extraction s",
                "ratio", "peak RSS MB", *(f"{stage} s" for stage in STAGES),
            ],
            rows=rows,
            notes=[
                f"machine: {machine()}",
                f"corpus: {len(pool)} shared documents (GVA and trafilatura-eval HTML in "
                "WARC files; ECB+ and seeds as .txt), replayed with new ids and a small edit "
                "beyond that",
                "pipeline = what `corroborate run` does: every stage, then writing "
                "stories.json and report.html (outputs)",
                "extraction = read + extract + language through the same engine; ratio = "
                "pipeline / extraction; RSS = the driver or its largest worker process "
                "(Ray's workers are not children of the driver and are not counted)",
            ],
        )
    ]  # fmt: skip


def machine() -> str:
    """Cores and memory of this machine, printed beside the figures."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {memory:.0f} GiB RAM, Python {sys.version.split()[0]}"


def _engines(size: int) -> list[str]:
    try:
        import ray  # noqa: F401
    except ImportError:
        return ["local"]
    return ["local", "ray"] if size <= ENGINE_SIZE else ["local"]


def _row(size: int, engine: str, extraction: dict[str, Any], whole: dict[str, Any]) -> list[str]:
    seconds = float(whole["seconds"])
    articles = int(whole["articles"])
    stages: dict[str, float] = whole["stages"]
    return [
        f"{size:,}",
        engine,
        f"{articles / seconds * 60:,.0f}",
        f"{seconds:.1f}",
        f"{extraction['seconds']:.1f}",
        f"{seconds / extraction['seconds']:.2f}",
        f"{max(whole['rss_mb'], extraction['rss_mb']):.0f}",
        *(f"{stages.get(stage, 0.0):.1f}" for stage in STAGES),
    ]


def load_pool(shared: Path) -> list[Doc]:
    """Every shared document usable as a news page, in a fixed shuffled order."""
    data = shared / "bench-data"
    pool = [*_gva(data), *_trafilatura(data), *_ecb(data), *_seeds(shared)]
    random.Random(6).shuffle(pool)
    return pool


def _gva(data: Path) -> Iterator[Doc]:
    with gzip.open(data / "gva_longtail" / "documents.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("content", "").strip():
                yield Doc(
                    f"gva-{row['doc_id']}", _page(row["title"], row["dct"], row["content"]), True
                )


def _page(title: str, published: str, text: str) -> str:
    """A plain news page around a text, as a crawler would have stored it."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f"<html><head><title>{html.escape(title)}</title>"
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><article><h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>"
    )


def _trafilatura(data: Path) -> Iterator[Doc]:
    folder = data / "trafilatura_eval"
    for path in sorted(folder.glob("*/*.html.gz")):
        body = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        yield Doc(f"traf-{path.name.removesuffix('.html.gz')}", body, True)


def _ecb(data: Path) -> Iterator[Doc]:
    with gzip.open(data / "ecbplus" / "docs.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield Doc(f"ecb-{row['doc_id']}", row["text_tokenized"], False)


def _seeds(shared: Path) -> Iterator[Doc]:
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        yield Doc(f"seed-{path.stem}", path.read_text("utf-8"), False)


def corpus_docs(pool: list[Doc], size: int) -> Iterator[Doc]:
    """``size`` documents: the pool in order, then replays with a new id and an edit."""
    for number in range(size):
        doc = pool[number % len(pool)]
        replay = number // len(pool)
        if replay == 0:
            yield doc
            continue
        note = f"Updated {replay} times since first published (edition {number})."
        body = doc.body.replace("</article>", f"<p>{note}</p></article>", 1)
        yield Doc(f"{doc.key}-r{replay}", body if doc.html else f"{doc.body}\n\n{note}\n", doc.html)


def write_corpus(docs: Iterator[Doc], folder: Path) -> Path:
    """HTML documents as gzipped WARC files of 1,000 records, text ones as .txt files."""
    (folder / "files").mkdir(parents=True)
    (folder / "warc").mkdir()
    records: list[bytes] = []
    for doc in docs:
        if doc.html:
            record = warc_record(f"https://bench.example/{doc.key}", doc.body.encode())
            records.append(gzip.compress(record))
            if len(records) == WARC_RECORDS_PER_FILE:
                _write_warc(folder, records)
                records = []
        else:
            (folder / "files" / f"{doc.key}.txt").write_text(doc.body, "utf-8")
    if records:
        _write_warc(folder, records)
    return folder


def _write_warc(folder: Path, records: list[bytes]) -> None:
    number = len(list((folder / "warc").iterdir()))
    (folder / "warc" / f"crawl-{number:05d}.warc.gz").write_bytes(b"".join(records))


def warc_record(uri: str, body: bytes, status: str = "200 OK", ctype: str = "text/html") -> bytes:
    """One WARC/1.0 response record holding an HTTP response (the tests build theirs
    with it too)."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2025-10-14T08:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def measure(corpus: Path, out: Path, engine: str, extraction_only: bool) -> dict[str, Any]:
    """Run one measurement in a fresh process; its JSON report."""
    command = [sys.executable, "-m", "corroborate.bench.throughput", str(corpus), str(out), engine]
    if extraction_only:
        command.append("--extraction-only")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"throughput measurement failed:\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def _measure_here(corpus: Path, out: Path, engine: str, extraction_only: bool) -> dict[str, Any]:
    """The measurement itself, in this (fresh) process."""
    import time

    from corroborate.pipeline import RunOptions, run_pipeline
    from corroborate.report import write_outputs

    started = time.perf_counter()
    if extraction_only:
        articles, stages = _extract_only(corpus, engine)
    else:
        # The whole job of `corroborate run`: the pipeline, then stories.json and report.html.
        result, stats = run_pipeline([corpus], out, RunOptions(engine=engine))
        writing = time.perf_counter()
        write_outputs(result, out)
        stats.seconds["outputs"] = time.perf_counter() - writing
        articles, stages = len(result.articles), stats.seconds
    return {
        "seconds": time.perf_counter() - started,
        "articles": articles,
        "stages": stages,
        "rss_mb": _peak_rss_mb(),
    }


def _extract_only(corpus: Path, engine_name: str) -> tuple[int, dict[str, float]]:
    """Read and analyse every document of ``corpus`` in streaming batches, store nothing."""
    from corroborate.engine import get_engine
    from corroborate.ingest import list_inputs, read_file
    from corroborate.model import Limits, RawDocument
    from corroborate.pipeline import STREAM_BATCH

    engine = get_engine(engine_name)
    limits = Limits()
    articles = 0
    batch: list[RawDocument] = []
    try:
        for path in list_inputs([corpus]).files:
            for item in read_file(path, limits):
                if isinstance(item, RawDocument):
                    batch.append(item)
                if len(batch) >= STREAM_BATCH:
                    articles += _count_articles(engine.analyse(batch, limits.extraction_timeout_s))
                    batch = []
        articles += _count_articles(engine.analyse(batch, limits.extraction_timeout_s))
    finally:
        engine.close()
    return articles, {}


def _count_articles(analyses: list[Any]) -> int:
    return sum(1 for analysis in analyses if analysis.language is not None)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process or its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def main(argv: list[str]) -> None:
    corpus, out, engine = Path(argv[0]), Path(argv[1]), argv[2]
    report = _measure_here(corpus, out, engine, "--extraction-only" in argv[3:])
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])

"""The throughput benchmark's corpus and measurement (its speed figures live in the README)."""

from __future__ import annotations

from pathlib import Path

from corroborate.bench.throughput import (
    Doc,
    corpus_docs,
    load_pool,
    machine,
    measure,
    write_corpus,
)
from corroborate.ingest import list_inputs, read_file
from corroborate.model import Limits, RawDocument

PAGE = "<html><body><article><p>{}</p></article></body></html>"
POOL = [
    Doc("a", PAGE.format("The ferry ran late on Monday."), True),
    Doc("b", "The council met on Tuesday about the bridge.", False),
    Doc("c", PAGE.format("Floods closed the road."), True),
]


def _documents(folder: Path) -> list[RawDocument]:
    files = list_inputs([folder]).files
    return [d for path in files for d in read_file(path, Limits()) if isinstance(d, RawDocument)]


def test_replays_are_new_documents_with_new_ids(tmp_path: Path) -> None:
    docs = list(corpus_docs(POOL, 8))
    assert len({d.key for d in docs}) == 8
    assert len({d.body for d in docs}) == 8
    assert [d.key for d in docs[:4]] == ["a", "b", "c", "a-r1"]
    corpus = write_corpus(iter(docs), tmp_path / "corpus")
    assert len(list((corpus / "warc").glob("*.warc.gz"))) == 1
    read = _documents(corpus)
    assert len(read) == 8 and len({d.content_hash for d in read}) == 8
    assert sum(1 for d in read if d.hints.get("url", "").startswith("https://bench.")) == 5


def test_pool_mixes_every_shared_source(shared_dir: Path) -> None:
    kinds = {doc.key.split("-")[0] for doc in load_pool(shared_dir)}
    assert kinds == {"gva", "traf", "ecb", "seed"}


def test_extraction_measurement_reports_articles_and_memory(tmp_path: Path) -> None:
    corpus = write_corpus(corpus_docs(POOL, 6), tmp_path / "corpus")
    report = measure(corpus, tmp_path / "out", "local", extraction_only=True)
    assert report["articles"] == 6
    assert report["seconds"] > 0 and report["rss_mb"] > 10


def test_machine_names_cores_and_memory() -> None:
    assert "cores" in machine() and "GiB RAM" in machine()


def test_whole_measurement_is_the_run_command_with_its_outputs(tmp_path: Path) -> None:
    corpus = write_corpus(corpus_docs(POOL, 6), tmp_path / "corpus")
    report = measure(corpus, tmp_path / "out", "local", extraction_only=False)
    assert report["articles"] == 6
    assert (tmp_path / "out" / "stories.json").is_file()
    assert (tmp_path / "out" / "report.html").is_file()
    assert 0 < report["stages"]["outputs"] < report["seconds"]

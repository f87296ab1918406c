"""Ingest: decoding, containers and the reasons given for inputs it cannot use."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from corroborate.ingest import InputError, decode_text, list_inputs, read_file
from corroborate.model import Limits, RawDocument, Skipped

from .conftest import warc_record

CYRILLIC = "Поезд сошёл с рельсов у станции Заречье, сообщили в полиции."
DUTCH = "De trein ontspoorde vlak bij het station, meldt de politie in een verklaring."


def read_all(path: Path, limits: Limits | None = None) -> list[RawDocument | Skipped]:
    return list(read_file(path, limits or Limits()))


def test_utf8_text_file_becomes_one_document_with_file_stem_id(tmp_path: Path) -> None:
    path = tmp_path / "07_nl_krant.txt"
    path.write_text(DUTCH, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument)
    assert doc.doc_id == "07_nl_krant"
    assert doc.media_type == "text"
    assert doc.content == DUTCH
    assert doc.raw == DUTCH.encode()


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_legacy_cyrillic_encodings_are_detected(codec: str) -> None:
    text = (CYRILLIC + " ") * 20
    assert "Поезд сошёл" in decode_text(text.encode(codec))


def test_latin1_mislabelled_as_utf8_is_decoded() -> None:
    text = "Der Zug entgleiste bei München, berichtete die Polizei am Dienstag. " * 10
    assert "München" in decode_text(text.encode("latin-1"))


def test_utf16_without_bom_is_decoded() -> None:
    assert decode_text(DUTCH.encode("utf-16-le")) == DUTCH
    assert decode_text(DUTCH.encode("utf-16-be")) == DUTCH


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n\t ", "empty"), (bytes(range(256)) * 40, "binary")],
)
def test_unusable_bytes_raise_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_text(data)


def test_gzipped_html_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Hallo</p></body></html>"))
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument)
    assert doc.doc_id == "page" and doc.media_type == "html"


def test_gzip_bomb_is_refused_without_expanding_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    [entry] = read_all(path, Limits(max_decompressed_bytes=1_000_000))
    assert isinstance(entry, Skipped)
    assert "decompress" in entry.reason


@pytest.mark.parametrize(
    ("payload", "reason"),
    [(b"plain text, not gzip", "not gzip"), (gzip.compress(b"x" * 10_000)[:40], "truncated")],
)
def test_bad_gzip_is_skipped(tmp_path: Path, payload: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt.gz"
    path.write_bytes(payload)
    [entry] = read_all(path)
    assert isinstance(entry, Skipped) and reason in entry.reason


def test_oversized_file_is_skipped_with_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    [entry] = read_all(path, Limits(max_file_bytes=1000))
    assert isinstance(entry, Skipped) and "size limit" in entry.reason


def test_unsupported_extension_names_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    [entry] = read_all(path)
    assert isinstance(entry, Skipped) and ".pdf" in entry.reason and ".jsonl" in entry.reason


def test_jsonl_records_and_their_problems(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://example.org/a", "title": "A", "text": DUTCH}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<p>Ein Zug.</p>", "outlet": "Beispielblatt"}),
        json.dumps(["not", "an", "object"]),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read_all(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    skipped = {i.source: i.reason for i in items if isinstance(i, Skipped)}
    assert [d.media_type for d in docs] == ["text", "html"]
    assert docs[0].hints["title"] == "A" and docs[0].hints["url"] == "https://example.org/a"
    assert docs[1].hints["outlet"] == "Beispielblatt"
    assert len(docs[0].doc_id) == 16 and docs[0].doc_id != docs[1].doc_id
    assert set(skipped) == {f"{path}:2", f"{path}:3", f"{path}:5"}
    assert "not valid JSON" in skipped[f"{path}:2"]


def test_jsonl_ids_are_stable_across_reads(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"url": "https://example.org/x", "text": DUTCH}) + "\n")
    first, second = read_all(path), read_all(path)
    assert isinstance(first[0], RawDocument) and isinstance(second[0], RawDocument)
    assert first[0].doc_id == second[0].doc_id


def test_warc_html_responses_become_documents(tmp_path: Path) -> None:
    page = b"<html><body><article><p>" + DUTCH.encode() + b"</p></article></body></html>"
    data = (
        warc_record("https://example.org/one", page)
        + warc_record("https://example.org/img", b"\x89PNG", ctype="image/png")
        + warc_record("https://example.org/gone", b"missing", status="404 Not Found")
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(data))
    items = read_all(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    notes = [i for i in items if isinstance(i, Skipped)]
    assert len(docs) == 1 and docs[0].hints["url"] == "https://example.org/one"
    assert DUTCH in docs[0].content
    assert len(notes) == 1 and "2 WARC records" in notes[0].reason


def test_truncated_warc_keeps_what_was_read(tmp_path: Path) -> None:
    page = b"<html><body><p>" + DUTCH.encode() + b"</p></body></html>"
    data = warc_record("https://example.org/one", page) + warc_record(
        "https://example.org/two", page
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 60])
    items = read_all(path)
    assert any(isinstance(i, RawDocument) for i in items)


def test_listing_is_sorted_recursive_and_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    listing = list_inputs([tmp_path])
    names = [p.name for p in listing.files]
    assert names == ["a.txt", "2.txt"]
    assert any("symlink loop" in s.reason for s in listing.skipped)


def test_missing_path_is_reported(tmp_path: Path) -> None:
    listing = list_inputs([tmp_path / "nope"])
    assert listing.files == [] and "does not exist" in listing.skipped[0].reason


def test_unreadable_file_is_skipped_with_the_os_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(DUTCH)
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded_open)
    [entry] = read_all(path)
    assert isinstance(entry, Skipped) and "Permission denied" in entry.reason

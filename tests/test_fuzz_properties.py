"""Property tests over the readers and stages we wrote: arbitrary input never crashes them.

The atheris harnesses in fuzz/ search the same properties coverage-guided for a
fixed time (``make fuzz``); these run a bounded number of examples on every test run.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.dedup import DedupItem, find_duplicates
from corroborate.extract.html import extract_html
from corroborate.ingest import InputError, decode_text, read_file
from corroborate.model import Limits, RawDocument, Skipped

from .conftest import warc_record

LIMITS = Limits(max_file_bytes=1_000_000, max_decompressed_bytes=1_000_000)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(name: str, data: bytes) -> list[RawDocument | Skipped]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_file(path, LIMITS))
    for item in items:
        assert isinstance(item, RawDocument | Skipped)
        if isinstance(item, Skipped):
            assert item.reason.strip()
        else:
            assert item.content and item.content_hash and item.doc_id
    return items


@FAST
@given(st.binary(max_size=2000))
def test_decode_text_refuses_only_with_a_reason(data: bytes) -> None:
    try:
        text = decode_text(data)
    except InputError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and text.strip() and "\x00" not in text


@FAST
@given(
    st.binary(max_size=3000), st.sampled_from(["a.jsonl", "a.warc", "a.txt.gz", "a.html", "a.json"])
)
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, name: str) -> None:
    items = _read(name, data)
    assert items, "every input yields a document or a reason"


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
_RECORDS = st.dictionaries(
    st.sampled_from(["url", "title", "text", "html", "published", "outlet", "author", "other"]),
    _JSON_VALUES,
    max_size=6,
)


@FAST
@given(st.lists(_RECORDS, min_size=1, max_size=8))
def test_every_jsonl_line_becomes_a_document_or_a_reason(records: list[dict[str, object]]) -> None:
    lines = [json.dumps(record) for record in records]
    items = _read("feed.jsonl", "\n".join(lines).encode())
    assert len(items) == len(lines)


@FAST
@given(st.lists(st.binary(min_size=1, max_size=400), min_size=1, max_size=4), st.booleans())
def test_warc_records_with_arbitrary_bodies(bodies: list[bytes], compressed: bool) -> None:
    data = b"".join(warc_record(f"https://example.org/{i}", body) for i, body in enumerate(bodies))
    items = _read(
        "crawl.warc.gz" if compressed else "crawl.warc", gzip.compress(data) if compressed else data
    )
    sources = [item.source for item in items]
    assert all("crawl.warc" in source for source in sources)


@FAST
@given(st.text(max_size=3000))
def test_html_extraction_never_raises(content: str) -> None:
    extraction = extract_html(content)
    assert isinstance(extraction.text, str)
    if extraction.published is not None:
        assert len(extraction.published) == 10


@FAST
@given(st.lists(st.text(max_size=200), max_size=12))
def test_dedup_maps_only_known_ids_to_kept_ones(texts: list[str]) -> None:
    items = [DedupItem(f"id{i:02d}", text) for i, text in enumerate(texts)]
    mapping = find_duplicates(items)
    ids = {item.id for item in items}
    assert set(mapping) <= ids and set(mapping.values()) <= ids
    assert not set(mapping) & set(mapping.values()), "a kept article is never itself a duplicate"

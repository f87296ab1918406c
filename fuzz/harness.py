"""Coverage-guided fuzzing of the parsers corroborate wrote itself, with atheris.

Usage (runs until the time is up or a crash is found; a crash writes ``crash-*``):

    .venv/bin/python fuzz/harness.py TARGET -max_total_time=60
    make fuzz FUZZ_SECONDS=60          # every target in turn

Targets: text (plain-text cleaner), dates (date candidate finder), html (HTML
extraction), decode (byte decoding), jsonl (JSON Lines reader), warc (WARC reader),
aliases (name folding, place lookup and entity linking).
A finding becomes a regular test in tests/ once fixed.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from corroborate.aliases import link_entities, name_key, resolve_place
    from corroborate.extract.dates import find_published_in_text, parse_iso_date
    from corroborate.extract.html import extract_html
    from corroborate.extract.text import extract_text
    from corroborate.ingest import InputError, decode_text, read_file
    from corroborate.model import ENTITY_TYPES, Limits, NamedMention, RawDocument, Skipped

SCRATCH = Path(tempfile.mkdtemp(prefix="corroborate-fuzz-"))
LIMITS = Limits(max_file_bytes=2_000_000, max_decompressed_bytes=2_000_000)


def _text(data: bytes) -> str:
    return atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))


def fuzz_text(data: bytes) -> None:
    content = _text(data)
    extraction = extract_text(content)
    for paragraph in extraction.text.split("\n\n"):
        assert paragraph.strip() in content or not paragraph.strip()


def fuzz_dates(data: bytes) -> None:
    content = _text(data)
    finding = find_published_in_text(content.splitlines())
    if finding.published is not None:
        assert parse_iso_date(finding.published) == finding.published
    parse_iso_date(content)


def fuzz_html(data: bytes) -> None:
    extract_html(_text(data))


def fuzz_decode(data: bytes) -> None:
    try:
        decode_text(data)
    except InputError:
        pass


def _read(name: str, data: bytes) -> None:
    path = SCRATCH / name
    path.write_bytes(data)
    for item in read_file(path, LIMITS):
        assert isinstance(item, RawDocument | Skipped)
        if isinstance(item, Skipped):
            assert item.reason


def fuzz_jsonl(data: bytes) -> None:
    _read("input.jsonl", data)


def fuzz_warc(data: bytes) -> None:
    _read("input.warc", data)


def fuzz_aliases(data: bytes) -> None:
    """Random names of random types in two articles: folding never raises, and every
    mention comes back exactly once, in one entity of its own type."""
    provider = atheris.FuzzedDataProvider(data)
    mentions = []
    for index in range(provider.ConsumeIntInRange(0, 8)):
        text = provider.ConsumeUnicodeNoSurrogates(40)
        kind = ENTITY_TYPES[provider.ConsumeIntInRange(0, len(ENTITY_TYPES) - 1)]
        language = ("en", "nl", "ru", "und")[provider.ConsumeIntInRange(0, 3)]
        name_key(text, kind, language)
        resolve_place(text, language)
        mentions.append(NamedMention(f"a{index % 2}", index, index + len(text), text, kind))
    entities = link_entities(mentions, {"a0": "en", "a1": "ru"})
    spans = sorted((m.article, m.start, m.end) for e in entities for m in e.mentions)
    assert spans == sorted((m.article, m.start, m.end) for m in mentions)
    for entity in entities:
        assert entity.type in ENTITY_TYPES


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": fuzz_text,
    "dates": fuzz_dates,
    "html": fuzz_html,
    "decode": fuzz_decode,
    "jsonl": fuzz_jsonl,
    "warc": fuzz_warc,
    "aliases": fuzz_aliases,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: harness.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Coverage-guided fuzzing of the parsers corroborate wrote itself, with atheris.

Usage (runs until the time is up or a crash is found; a crash writes ``crash-*``):

    .venv/bin/python fuzz/harness.py TARGET -max_total_time=60
    make fuzz FUZZ_SECONDS=60          # every target in turn

Targets: text (plain-text cleaner), dates (date candidate finder), html (HTML
extraction), decode (byte decoding), jsonl (JSON Lines reader), warc (WARC reader).
A finding becomes a regular test in tests/ once fixed.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from corroborate.extract.dates import find_published_in_text, parse_iso_date
    from corroborate.extract.html import extract_html
    from corroborate.extract.text import extract_text
    from corroborate.ingest import InputError, decode_text, read_file
    from corroborate.model import Limits, RawDocument, Skipped

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


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": fuzz_text,
    "dates": fuzz_dates,
    "html": fuzz_html,
    "decode": fuzz_decode,
    "jsonl": fuzz_jsonl,
    "warc": fuzz_warc,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: harness.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

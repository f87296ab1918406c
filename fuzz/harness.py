"""Coverage-guided fuzzing of the parsers corroborate wrote itself, with atheris.

Usage (runs until the time is up or a crash is found; a crash writes ``crash-*``):

    .venv/bin/python fuzz/harness.py TARGET -max_total_time=60
    make fuzz FUZZ_SECONDS=60          # every target in turn

Targets: text (plain-text cleaner), dates (date candidate finder), html (HTML
extraction), decode (byte decoding), jsonl (JSON Lines reader), warc (WARC reader),
aliases (name folding, place lookup and entity linking), quantities (quantity
finder), timex (time-expression finder), reconcile (sentences, slots, verdicts).
A finding becomes a regular test in tests/ once fixed.
"""

from __future__ import annotations

import contextlib
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
    from corroborate.model import (
        ENTITY_TYPES,
        Article,
        Limits,
        NamedMention,
        RawDocument,
        Skipped,
    )
    from corroborate.quantities import find_quantities
    from corroborate.reconcile import reconcile
    from corroborate.timex import find_time_expressions

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
    with contextlib.suppress(InputError):  # a clear refusal is a pass
        decode_text(data)


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


FUZZ_LANGUAGES = ("en", "nl", "de", "es", "fr", "ru", "it", "und")


def _spans_fit(text: str, spans: list[tuple[int, int, str]]) -> None:
    for start, end, found in spans:
        assert 0 <= start <= end <= len(text), (start, end)
        assert text[start:end] == found, (start, end, found)


def fuzz_quantities(data: bytes) -> None:
    """Any text in any language: quantities never raise and always fit their offsets."""
    text = _text(data)
    for language in FUZZ_LANGUAGES:
        _spans_fit(text, [(q.start, q.end, q.text) for q in find_quantities("f", text, language)])


def fuzz_timex(data: bytes) -> None:
    """Any text, anchored or not: time expressions never raise and fit their offsets."""
    text = _text(data)
    for language in FUZZ_LANGUAGES:
        for anchor in (None, "2024-02-29"):
            found = find_time_expressions("f", text, language, anchor)
            _spans_fit(text, [(t.start, t.end, t.text) for t in found])


def fuzz_reconcile(data: bytes) -> None:
    """Two articles cut from the input: facts never raise and every claim fits its text."""
    text = _text(data)
    middle = len(text) // 2
    articles = [
        Article(id=name, source=name, content_hash=name, text=part, language="en")
        for name, part in (("a", text[:middle]), ("b", text[middle:]))
    ]
    facts = reconcile(
        articles,
        {a.id: find_quantities(a.id, a.text, "en") for a in articles},
        {a.id: find_time_expressions(a.id, a.text, "en", "2024-02-29") for a in articles},
        [],
    )
    texts = {a.id: a.text for a in articles}
    for fact in facts:
        for claim in fact.claims:
            assert texts[claim.article][claim.start : claim.end] == claim.text


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": fuzz_text,
    "dates": fuzz_dates,
    "html": fuzz_html,
    "decode": fuzz_decode,
    "jsonl": fuzz_jsonl,
    "warc": fuzz_warc,
    "aliases": fuzz_aliases,
    "quantities": fuzz_quantities,
    "timex": fuzz_timex,
    "reconcile": fuzz_reconcile,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: harness.py {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

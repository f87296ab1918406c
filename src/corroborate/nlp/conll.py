"""Readers for the column NER formats our training and test data come in.

Why one tolerant reader: the corpora we train and score on (CoNLL-2002/2003,
WikiNEuRal, BSNLP, ...) differ in column layout (``tok POS chunk TAG``, ``tok TAG``,
``idx<TAB>tok<TAB>TAG``), in tagging scheme (IOB1, IOB2) and in encoding (UTF-8,
ISO-8859-1). All of them keep the token first (or second, after an index) and the
tag last, so one reader that decodes spans the IOB1/IOB2-agnostic way covers them.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TaggedSentence:
    """Tokens with gold entity spans ``(first_token, end_token_exclusive, label)``."""

    tokens: list[str]
    spans: list[tuple[int, int, str]]


def _read_text(path: Path) -> str:
    """Decode a (possibly gzipped) file as UTF-8, falling back to Latin-1 (CoNLL-2002)."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _split_row(line: str) -> tuple[str, str] | None:
    """``(token, tag)`` of one data row, or None for a row that carries no token."""
    fields = line.split("\t") if "\t" in line else line.split(" ")
    fields = [f for f in fields if f != ""]
    if len(fields) < 2:
        return None
    token = fields[1] if len(fields) >= 3 and fields[0].isdigit() and "\t" in line else fields[0]
    return token, fields[-1].strip()


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans from IOB1 or IOB2 tags (an ``I-`` after another type opens a span)."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        opens = prefix == "B" or (prefix == "I" and (start is None or kind != label))
        if start is not None and (prefix not in ("B", "I") or opens):
            spans.append((start, i, label))
            start = None
        if prefix in ("B", "I") and kind and (opens or start is None):
            start, label = i, kind
    return spans


def read_sentences(path: Path) -> Iterator[TaggedSentence]:
    """Every sentence of a column file, skipping ``-DOCSTART-`` markers and comments."""
    tokens: list[str] = []
    tags: list[str] = []
    for line in _read_text(path).splitlines():
        line = line.rstrip("\r\n")
        row = _split_row(line) if line.strip() and not line.startswith("#") else None
        if row is not None and row[0] == "-DOCSTART-":
            row = None
        if row is None:
            if tokens:
                yield TaggedSentence(tokens, spans_from_tags(tags))
            tokens, tags = [], []
            continue
        tokens.append(row[0])
        tags.append(row[1])
    if tokens:
        yield TaggedSentence(tokens, spans_from_tags(tags))

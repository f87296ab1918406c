"""Cut long texts into bounded pieces whose offsets map back onto the original.

Why: a spaCy pipeline keeps per-token state for the whole Doc and a transformer
backend has a hard length limit, so one 2 MB article must not become one Doc.
Entities rarely cross a paragraph, and almost never a sentence end, so we cut at
paragraph breaks first, then at sentence ends, then at any whitespace, and only
as a last resort in the middle of a run of non-space characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Default upper bound on a piece, in characters. 5,000 characters is ~800 words:
#: big enough that almost every paragraph stays whole, small enough that one Doc
#: costs a few MB at most.
MAX_CHUNK_CHARS = 5000

_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_SENTENCE_END = re.compile(r"[.!?。！？]['\")\]»”]*\s+")
_SPACE = re.compile(r"\s+")


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at ``start`` and may not pass ``limit``.

    Prefers the last sentence end, then the last whitespace, in the second half of
    the window, so pieces stay at least half full.
    """
    floor = start + (limit - start) // 2
    for pattern in (_SENTENCE_END, _SPACE):
        best = -1
        for match in pattern.finditer(text, floor, limit):
            best = match.end()
        if best > floor:
            return best
    return limit


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` pieces of ``text[start:end]``, each at most ``max_chars`` long."""
    while end - start > max_chars:
        cut = _cut_point(text, start, start + max_chars)
        yield start, cut
        start = cut
    yield start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def chunk_text(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Non-blank pieces of ``text`` as ``(offset, piece)``, ``text[offset:...] == piece``."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    pieces: list[tuple[int, str]] = []
    position = 0
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    for para_end, next_start in [*bounds, (len(text), len(text))]:
        for start, end in _split_long(text, position, para_end, max_chars):
            start, end = _strip(text, start, end)
            if start < end:
                pieces.append((start, text[start:end]))
        position = next_start
    return pieces

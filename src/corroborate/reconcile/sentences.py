"""Sentence spans: the unit a claim is read in and compared by.

Why pysbd: it is rule-based (no model to ship), knows abbreviations ("Mr.",
"Jan.", "ул.") in the languages we read, and keeps the text as is, so every span
maps back to character offsets of the original article. Paragraph breaks always
end a sentence (scraped text has headlines and captions without a full stop).
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

import pysbd
from pysbd.abbreviation_replacer import AbbreviationReplacer

_LOCK = threading.Lock()
_SEGMENTERS: dict[str, pysbd.Segmenter] = {}
_LINE = re.compile(r"[^\n]+")
#: Longer paragraphs are cut before segmenting so one pathological page stays cheap.
MAX_PARAGRAPH_CHARS = 5_000


def _segmenter(language: str) -> pysbd.Segmenter:
    code = language if language in pysbd.languages.LANGUAGE_CODES else "en"
    with _LOCK:
        if code not in _SEGMENTERS:
            segmenter = pysbd.Segmenter(language=code, clean=False)
            segmenter.language_module = _narrowing(segmenter.language_module)
            _SEGMENTERS[code] = segmenter
        return _SEGMENTERS[code]


def _narrowing(rules: Any) -> Any:
    """``rules`` (a pysbd language) whose abbreviation step reads only the
    abbreviations a paragraph holds with their full stop.

    Why: pysbd tries each of its ~190 abbreviations ("st", "no", "co", ...) on
    every paragraph that merely contains its letters, and builds two regular
    expressions for each, more than ``re`` keeps compiled: a third of the time
    segmenting took went there (on GVA pages). Every rewrite that step makes turns
    the stop right after an abbreviation into a mark, so one not written with its
    stop ("st." in the lower-cased paragraph) changes nothing and is left out;
    those with other signs than letters ("u.s", "c.-à-d") are always kept. The
    sentences are the same (a test compares them with plain pysbd's).
    """
    replacer: Any = getattr(rules, "AbbreviationReplacer", AbbreviationReplacer)

    class NarrowingReplacer(replacer):  # type: ignore[misc]
        def search_for_abbreviations_in_string(self, text: str) -> str:
            whole: Any = self.lang  # type: ignore[has-type]
            self.lang = _with_abbreviations(whole, _written_with_stop(whole, text))
            try:
                return str(super().search_for_abbreviations_in_string(text))
            finally:
                self.lang = whole

    return type(rules.__name__, (rules,), {"AbbreviationReplacer": NarrowingReplacer})


def _written_with_stop(rules: Any, text: str) -> tuple[str, ...]:
    """The abbreviations of ``rules`` that may stand in ``text`` before a full stop."""
    lowered = text.lower()
    return tuple(abbreviation for abbreviation, stopped in _stopped(rules) if stopped in lowered)


@cache
def _stopped(rules: Any) -> tuple[tuple[str, str], ...]:
    """Each abbreviation of ``rules`` with the text that must stand in a paragraph
    for it to matter: itself and its stop when it is letters alone, else nothing."""
    return tuple(
        (abbreviation, f"{abbreviation.strip()}." if abbreviation.strip().isalpha() else "")
        for abbreviation in rules.Abbreviation.ABBREVIATIONS
    )


@lru_cache(maxsize=1024)
def _with_abbreviations(rules: Any, abbreviations: tuple[str, ...]) -> Any:
    """``rules`` with only these abbreviations (the other abbreviation lists kept);
    cached, since most paragraphs keep the same few."""
    narrowed = type("Abbreviation", (rules.Abbreviation,), {"ABBREVIATIONS": list(abbreviations)})
    return type(rules.__name__, (rules,), {"Abbreviation": narrowed})


def sentence_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, whitespace trimmed, in text order."""
    segmenter = _segmenter(language)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        for offset in range(line.start(), line.end(), MAX_PARAGRAPH_CHARS):
            piece = text[offset : min(offset + MAX_PARAGRAPH_CHARS, line.end())]
            spans.extend(_piece_spans(segmenter, piece, offset))
    return spans


def _piece_spans(segmenter: pysbd.Segmenter, piece: str, offset: int) -> list[tuple[int, int]]:
    """Segment one paragraph; spans are anchored by search so they always fit the text.

    Why the processor, not ``segment``: ``segment`` anchors each sentence itself with a
    regular expression made of the sentence's own text, so every sentence compiled a
    pattern and pushed pysbd's fixed patterns out of ``re``'s cache (half the time of
    segmenting went to compiling). The search below gives the same spans.
    """
    if _one_sentence(piece):
        return [_whole(piece, offset)]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for part in segmenter.processor(piece).process() if piece.strip() else []:
        sentence = part.strip()
        found = piece.find(sentence, cursor) if sentence else -1
        if found < 0:
            continue
        cursor = found + len(sentence)
        spans.append((offset + found, offset + cursor))
    if not spans and piece.strip():
        spans.append(_whole(piece, offset))
    return spans


def _whole(piece: str, offset: int) -> tuple[int, int]:
    """The span of the whole paragraph, whitespace trimmed."""
    lead = len(piece) - len(piece.lstrip())
    return offset + lead, offset + len(piece.rstrip())


#: Marks that may end or split a sentence inside a paragraph, in the scripts pysbd
#: reads (it also splits at some semicolons, colons and ellipses).
_INNER_BREAK = re.compile(r"[.!?;:…。！？｡।؟։]")
_CLOSING = "\"'”’»)]」』"


def _one_sentence(piece: str) -> bool:
    """A paragraph with no such mark before its final one is one sentence, and pysbd
    need not read it: about half of news paragraphs (on GVA pages segmenting took
    28% less time). pysbd would also split a closing quote off as a sentence of its
    own ("... makes no sense.'" as two)."""
    body = piece.strip().rstrip(_CLOSING).rstrip(".!?。！？")
    return bool(body) and not _INNER_BREAK.search(body)


@dataclass(frozen=True)
class Sentences:
    """One article's sentences, with a lookup from a character offset to its sentence."""

    text: str
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str, language: str = "en") -> Sentences:
        return cls(text, tuple(sentence_spans(text, language)))

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _ in self.spans]

    def index_at(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, or None between sentences."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return i
        return None

    def sentence(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

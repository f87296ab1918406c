"""Datelines: the place a report was filed from, in its first line.

News copy opens with "PITTSBURGH (KDKA) –", "HAMILTON, Ohio —" or "Detroit — ". The
statistical models often miss these: capitals are rare in their training data, and a
scraped page glues the dateline to a byline or an outlet code ("MUNCIE — City police"
comes out as one odd name). The pattern is regular enough to read directly, and the
place it names is usually where the story happened, so it matters to readers.
"""

from __future__ import annotations

import re

#: Only the opening of an article carries a dateline (scraped pages may put a
#: timestamp, a photo credit or "Please enable Javascript" before it).
HEAD_CHARS = 400

_UPPER_WORD = r"[A-Z][A-Z.'’-]+"
_TITLE_WORD = r"[A-Z][a-z][\w.'’-]*"
#: "NEW PORT RICHEY" or "Detroit": a run of capitalised words (all capitals, or
#: Title Case only when a comma and region or the dash follows directly).
_PLACE = (
    rf"(?P<place>{_UPPER_WORD}(?:\s{_UPPER_WORD}){{0,3}}|{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}})"
)
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?),?)?"
_OUTLET = r"(?:\s*\([^()\n]{1,30}\))?"
_DASH = r"\s*(?:—|–|--|-|\|)\s"
_DATELINE = re.compile(rf"{_PLACE}{_REGION}{_OUTLET}{_DASH}")
#: Where a paragraph may start: the text's start, a line break, or the double space
#: scrapers leave between paragraphs.
_PARAGRAPH_START = re.compile(r"(?:^|\n|\s{2,})[\u200b\ufeff]*(?=[A-Z])")
#: Openers shaped like a dateline that are not places.
NOT_PLACES = frozenset(
    {"update", "updated", "breaking", "breaking news", "watch", "video", "photo", "photos",
     "file", "editor's note", "exclusive", "live", "opinion", "analysis", "news", "police"}
)  # fmt: skip


def dateline(text: str) -> tuple[int, int] | None:
    """The span of the town in the first dateline of ``text``, or None."""
    found = _first_dateline(text)
    return found.span("place") if found is not None else None


def dateline_places(text: str) -> list[tuple[int, int]]:
    """The spans of the town and, when given, its region ("Ohio", "Fla.") in the
    first dateline of ``text``."""
    found = _first_dateline(text)
    if found is None:
        return []
    return [found.span(group) for group in ("place", "region") if found.group(group)]


def _first_dateline(text: str) -> re.Match[str] | None:
    head = text[:HEAD_CHARS]
    for start in _PARAGRAPH_START.finditer(head):
        found = _DATELINE.match(head, start.end())
        if found is not None and found.group("place").casefold() not in NOT_PLACES:
            return found
    return None

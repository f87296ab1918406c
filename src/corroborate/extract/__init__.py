"""Extract: the article inside a page — body text, title, outlet, author, published date.

HTML goes through trafilatura (:mod:`.html`); plain-text scrapes, which carry
menus, footers and bylines as lines of text, go through our own line-level
cleaner (:mod:`.text`). Both return an :class:`~corroborate.model.Extraction`;
container metadata (a JSON record's ``title``, a WARC target URI) arrives as
``RawDocument.hints`` and wins over what the page itself suggests.
"""

from __future__ import annotations

from corroborate.model import Extraction, RawDocument


def extract(doc: RawDocument) -> Extraction:
    """Extract the article from one raw document (never raises on bad content)."""
    if doc.media_type == "html":
        from corroborate.extract.html import extract_html

        return extract_html(doc.content, doc.hints)
    from corroborate.extract.text import extract_text

    return extract_text(doc.content, doc.hints)


__all__ = ["extract"]

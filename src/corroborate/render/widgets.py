"""Small pieces used all over the page: claim buttons, status badges, the legend.

Why a button per claim: every figure, date and sentence on the page opens its
source paragraph; a real ``<button>`` makes that work with keyboard and screen
readers, and its ``data-a/-s/-e`` attributes are all the script needs.
"""

from __future__ import annotations

from corroborate.model import FactStatus
from corroborate.render.html import Child, Html, el, join
from corroborate.render.sources import Sources, Span

STATUS_LABELS: dict[str, str] = {
    "conflicting": "conflicting",
    "refined": "refined",
    "agreed": "agreed",
    "single_source": "single source",
}
_STATUS_HELP: dict[str, str] = {
    "conflicting": "sources give incompatible values",
    "refined": "one source is more precise than another",
    "agreed": "sources agree after normalising units and rounding",
    "single_source": "only one source says it",
}


def claim_button(span: Span | None, label: Child, title: str = "", extra_class: str = "") -> Html:
    """A button that opens ``span``; plain text when the span cannot be shown."""
    if span is None:
        return el("span", label, class_="claim missing", title="source text not available")
    return el(
        "button",
        label,
        type="button",
        class_=f"claim {extra_class}".strip(),
        title=title or None,
        data_a=span.article,
        data_s=span.start,
        data_e=span.end,
    )


def quote_button(sources: Sources, article: str, start: int, end: int, label: Child) -> Html:
    """A claim button whose tooltip is the words around the claim."""
    return claim_button(
        sources.span(article, start, end), label, sources.context(article, start, end)
    )


def badge(status: FactStatus | str) -> Html:
    return el("span", STATUS_LABELS.get(status, status), class_=f"badge st-{status}")


def legend() -> Html:
    """The four status colours with what they mean, and how to read a claim."""
    items = [
        el("li", el("span", "", class_=f"swatch st-{status}"), el("b", label), " ", help_text)
        for status, label in STATUS_LABELS.items()
        for help_text in [_STATUS_HELP[status]]
    ]
    return el(
        "div",
        el("ul", items, class_="legend-items"),
        el("p", "Click any underlined claim to read it in its source, highlighted."),
        class_="legend",
        aria_label="legend",
    )


def section(title: str, *body: Child, class_: str = "") -> Html:
    """A titled block of a story."""
    return el("section", el("h3", title), *body, class_=f"block {class_}".strip())


def collapsed(summary: Child, *body: Child, open_: bool = False) -> Html:
    """A ``<details>`` block: single-source items and long lists start closed."""
    return el("details", el("summary", summary), *body, open=open_)


def muted(value: Child) -> Html:
    return el("span", value, class_="muted")


def plural(count: int, noun: str) -> str:
    """ "1 source", "2 sources"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def chips(parts: list[Html]) -> Html:
    return join(parts, " ")

"""A tiny HTML/SVG builder that escapes everything it is not told is markup.

Why not string formatting: the report shows scraped text from anywhere, and one
forgotten ``html.escape`` is an injection. Here plain ``str`` children and every
attribute value are escaped by construction; only :class:`Html` values (built by
these functions or by the fixed templates in ``assets``) pass through as markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

#: What an attribute may hold: None and False leave the attribute out, True writes it bare.
AttrValue = str | int | float | bool | None

#: Elements with no closing tag.
_VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "wbr"})


class Html(str):
    """A string that is already safe markup (the only kind that is not escaped)."""

    __slots__ = ()


#: What a child may be: markup, text to escape, nothing, or several of these.
Child = Html | str | None | Iterable[Html | str | None]


def text(value: str) -> Html:
    """``value`` as HTML text: ``<``, ``>``, ``&`` and quotes escaped."""
    return Html(html.escape(value, quote=True))


def join(parts: Iterable[Child], sep: str = "") -> Html:
    """Concatenate children, escaping the plain strings among them."""
    return Html(text(sep).join(_child(part) for part in parts if part is not None))


def _child(part: Child) -> Html:
    if part is None:
        return Html("")
    if isinstance(part, Html):
        return part
    if isinstance(part, str):
        return text(part)
    return join(part)


def _attr_name(name: str) -> str:
    """Keyword names to attribute names: ``class_`` -> ``class``, ``data_a`` -> ``data-a``."""
    return name.rstrip("_").replace("_", "-")


def attrs(values: dict[str, AttrValue]) -> Html:
    """Attributes in the order given, values double-quoted and escaped."""
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        key = _attr_name(name)
        if value is True:
            out.append(f" {key}")
        else:
            shown = fmt(value) if isinstance(value, float) else str(value)
            out.append(f' {key}="{html.escape(shown, quote=True)}"')
    return Html("".join(out))


def fmt(number: float) -> str:
    """A coordinate with at most one decimal, so SVG output is short and deterministic."""
    rounded = round(number, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def el(tag: str, *children: Child, **attributes: AttrValue) -> Html:
    """``<tag attributes>children</tag>``; ``tag`` and attribute names come from our code only."""
    opening = f"<{tag}{attrs(attributes)}>"
    if tag in _VOID:
        return Html(opening)
    return Html(f"{opening}{join(children)}</{tag}>")

"""The keys units are compared on in the quantities benchmarks.

A gold unit name (NewsQuant's "united states dollar", quantulum's "metre", a
Recognizers-Text spec's "Kilometer per hour") and one of our readings (kind and pint
unit or ISO code) meet on one key: an ISO currency, ``percent``, ``age``, pint's
canonical unit name, or ``count`` for everything else.
"""

from __future__ import annotations

import re
from typing import Any

from corroborate.quantities.units import registry

_CURRENCIES: dict[str, str] = {
    "dollar": "USD", "united states dollar": "USD", "euro": "EUR", "pound sterling": "GBP",
    "japanese yen": "JPY", "chinese yuan": "CNY", "australian dollar": "AUD",
    "canadian dollar": "CAD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
    "singaporean dollar": "SGD", "shekel": "ILS", "malaysian ringgit": "MYR",
    "indian rupee": "INR", "danish krone": "DKK", "croatian kuna": "HRK",
    "south african rand": "ZAR", "russian ruble": "RUB", "swiss franc": "CHF",
}  # fmt: skip
#: Names pint reads differently from gold / quantulum.
_PINT_NAMES: dict[str, str] = {
    "metre": "meter", "litre": "liter", "pound-mass": "pound", "square feet": "square_foot",
    "degree": "degree", "celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit",
    "metric ton": "metric_ton", "pound-foot": "foot * force_pound",
}  # fmt: skip
#: Nouns pint also knows as units; in news they are counted things.
_NOUNS_PINT_KNOWS = frozenset({"point", "hand", "count", "unit", "lot", "pick", "game", "bit"})


def unit_key(name: str) -> str:
    """The key a gold or quantulum unit name is compared on (see module docstring)."""
    name = name.strip()
    lowered = name.lower()
    if lowered in ("year of age", "month of age", "age"):
        return "age"
    numerator = lowered.split(" per ")[0]
    if numerator.startswith("%") or numerator in ("percentage", "percent"):
        return "percent"
    if numerator in _CURRENCIES:
        return _CURRENCIES[numerator]
    return _physical_key(lowered) or "count"


def _physical_key(name: str) -> str | None:
    if name in _NOUNS_PINT_KNOWS or name in ("-", "dimensionless", ""):
        return None
    words = name
    for source, target in _PINT_NAMES.items():
        words = re.sub(rf"\b{re.escape(source)}\b", target, words)
    spelled = (
        words.replace(" per ", " / ").replace("square ", "square_").replace("cubic ", "cubic_")
    )
    try:
        unit: Any = registry().Unit(spelled.replace(" ", "_") if "/" not in spelled else spelled)
    except Exception:
        try:
            unit = registry().Unit(spelled)
        except Exception:
            return None
    if unit.dimensionless and "byte" not in str(unit):
        return None
    return str(unit)


def our_key(kind: str, unit: str | None) -> str:
    """The key of one of our readings."""
    if kind in ("count", "age", "percent"):
        return kind
    if kind in ("rate change", "magnitude"):
        return "count"  # units pint does not know key as "count", as the gold's do
    if kind == "money":
        return unit or "count"
    return str(registry().Unit(unit)) if unit else "count"

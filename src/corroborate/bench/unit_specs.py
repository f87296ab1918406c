"""Extra check of the quantities stage: Recognizers-Text NumberWithUnit specs.

Microsoft Recognizers-Text ships, per language, spec cases for four models (currency,
dimension, age, temperature): an input sentence and the quantities in it, each with
its span, value and unit. NewsQuant is English only; these cases show how the
multilingual extraction fares in Dutch, German, Spanish and French (English beside
them). Their conventions differ from ours in places (an age's unit is "Year", a bare
"5 degrees" is a temperature), so the figures are an indication, not a target; no
rule was fitted to these cases. (English cases showed that fractions and heights in
feet and inches were not read; those readings were then written for news in
general, :mod:`corroborate.quantities.fractions`, and tested on our own sentences.)

Per language: the share of the specs' quantities we detect (any overlap of spans),
and the share whose value we read as they do. Units are compared on the keys of
:mod:`corroborate.bench.unit_keys` (ISO currency, ``age``, pint unit) where the spec's
unit has one: the specs name units in their own language ("Grado Celsius", "Milla"),
which only currencies' ISO codes, temperature letters and ages carry across.
"""

from __future__ import annotations

import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corroborate.bench import BenchOptions, BenchTable
from corroborate.bench.unit_keys import our_key, unit_key
from corroborate.quantities import find_quantities

#: Spec folder -> our language code.
LANGUAGES = {"English": "en", "Dutch": "nl", "German": "de", "Spanish": "es", "French": "fr"}
MODELS = ("CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel")
#: The specs' temperature units, by the letter they give.
_TEMPERATURES = {"c": "degree_Celsius", "f": "degree_Fahrenheit", "k": "kelvin"}


@dataclass(frozen=True)
class SpecQuantity:
    """One quantity a spec case lists: its span (end exclusive), value and unit key."""

    start: int
    end: int
    value: float
    unit: str


#: A currency model's unit names that name a weight elsewhere: the specs' "Pound" with
#: no ISO code ("361 million pounds") is the British pound, not pint's pound of mass.
_CURRENCY_NAMES = {"pound": "pound sterling"}


def spec_key(type_name: str, resolution: dict[str, object]) -> str:
    """Our unit key for a spec result's unit."""
    unit = str(resolution.get("unit") or "")
    if type_name == "age":
        return "age"
    if type_name == "currency":
        named = _CURRENCY_NAMES.get(unit.lower(), unit)
        return str(resolution.get("isoCurrency") or unit_key(named))
    if type_name == "temperature" and unit.lower() in _TEMPERATURES:
        return unit_key(_TEMPERATURES[unit.lower()])
    return unit_key(unit)


def spec_cases(cases: list[dict[str, object]]) -> Iterator[tuple[str, list[SpecQuantity]]]:
    """(input, quantities) of the cases whose results all have a numeric value."""
    for case in cases:
        found = []
        for result in case.get("Results") or []:  # type: ignore[attr-defined]
            resolution = result.get("Resolution") or {}
            try:
                value = float(str(resolution.get("value")))
            except ValueError:
                continue
            span = _span(str(case["Input"]), result)
            if span is not None:
                key = spec_key(result["TypeName"], resolution)
                found.append(SpecQuantity(*span, value, key))
        if found:
            yield str(case["Input"]), found


def _span(text: str, result: dict[str, object]) -> tuple[int, int] | None:
    """A result's span (its "End" is inclusive); older cases give only its text."""
    if "Start" in result and "End" in result:
        return int(str(result["Start"])), int(str(result["End"])) + 1
    start = text.lower().find(str(result.get("Text", "")).lower())
    return (start, start + len(str(result["Text"]))) if start >= 0 and result.get("Text") else None


def read_specs(archive: Path) -> dict[str, list[dict[str, object]]]:
    """Spec cases per language folder, all four models together."""
    cases: dict[str, list[dict[str, object]]] = {folder: [] for folder in LANGUAGES}
    with tarfile.open(archive) as tar:
        for folder in LANGUAGES:
            for model in MODELS:
                try:
                    member = tar.extractfile(f"Specs/NumberWithUnit/{folder}/{model}.json")
                except KeyError:
                    continue
                if member is not None:
                    cases[folder] += json.loads(member.read().decode("utf-8-sig"))
    return cases


@dataclass
class _Tally:
    gold: int = 0
    detected: int = 0
    value: int = 0
    #: Quantities read with the right value whose spec unit has a key, and of those
    #: the ones whose unit we read the same.
    keyed: int = 0
    unit: int = 0

    def row(self, name: str) -> list[str]:
        def share(n: int, of: int) -> str:
            return f"{n / of:.3f}" if of else "-"

        return [
            name,
            str(self.gold),
            share(self.detected, self.gold),
            share(self.value, self.gold),
            f"{share(self.unit, self.keyed)} (of {self.keyed})",
        ]


def score_language(cases: list[dict[str, object]], language: str) -> _Tally:
    """How many of the specs' quantities we find, and read right, in one language."""
    tally = _Tally()
    for text, gold in spec_cases(cases):
        ours = [q for q in find_quantities("spec", text, language) if q.kind != "ordinal"]
        for quantity in gold:
            tally.gold += 1
            hit = next((q for q in ours if q.start < quantity.end and quantity.start < q.end), None)
            if hit is None:
                continue
            tally.detected += 1
            if abs(hit.low - quantity.value) <= 1e-3 * max(1.0, abs(quantity.value)):
                tally.value += 1
                if quantity.unit != "count":  # a unit name in the spec's language
                    tally.keyed += 1
                    tally.unit += our_key(hit.kind, hit.unit) == quantity.unit
    return tally


def spec_table(options: BenchOptions) -> BenchTable | None:
    """The extra check's table, or None when the specs are not beside the project."""
    archive = options.shared / "bench-data" / "recognizers_text_specs" / "Specs.tar.gz"
    if not archive.is_file():
        return None
    cases = read_specs(archive)
    rows = [
        score_language(cases[folder], language).row(f"recognizers-{language}")
        for folder, language in LANGUAGES.items()
        if cases[folder]
    ]
    return BenchTable(
        "Recognizers-Text NumberWithUnit specs (currency, dimension, age, temperature)",
        ["set", "quantities", "detected", "value right", "unit right (of keyed)"],
        rows,
        notes=[
            "Extra check, shares of the specs' quantities; their conventions differ from "
            "ours in places, so it is an indication, not a target. No rule was fitted "
            "to these cases.",
            "unit right: among quantities read with the right value whose spec unit has "
            "a key (an ISO currency, a temperature letter, an age, a unit name pint "
            "reads, mostly English); the specs name units in their own language.",
        ],
    )

"""Map each backend's entity labels onto the project's four types.

Why four coarse types: downstream stages (aliases, place resolution) only need to
know whether a name is a person, a place, an organisation or something else
named; finer label sets (OntoNotes' 18, BSNLP's EVT/PRO) differ between models
and languages and would make mentions incomparable across sources.
"""

from __future__ import annotations

from corroborate.model import EntityType

_LABELS: dict[str, EntityType] = {
    "PER": "person",
    "PERSON": "person",
    "PERS": "person",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
    "LOCATION": "place",
    "ORG": "org",
    "ORGANIZATION": "org",
    "ORGANISATION": "org",
    # NORP (nationalities, religious or political groups) is mostly adjectives
    # like "German" or "Catholic", which CoNLL-style data calls MISC.
    "NORP": "other",
    "MISC": "other",
}

#: OntoNotes value labels: numbers, amounts and dates are not names, so a general
#: spaCy pipeline's DATE or MONEY spans are dropped rather than typed "other".
NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def entity_type(label: str) -> EntityType | None:
    """The project type for a backend label, or None for labels that are not names."""
    key = label.strip().upper()
    if key.startswith(("B-", "I-")):
        key = key[2:]
    if key in NOT_NAMES:
        return None
    if key in _LABELS:
        return _LABELS[key]
    lowered = key.lower()
    if lowered in ("person", "place", "org", "other"):
        return lowered  # type: ignore[return-value]
    return "other"

"""Name keys for story clustering: the bag of folded names an article mentions.

Why here: clustering compares articles by the names they share, and "Duitsland",
"Germany" and "Германия", or "Kovaltsjoek" and "Ковальчук", must count as shared.
That folding is this stage's job, so the pipeline asks for the keys here and hands
them to the cluster stage as plain strings.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.aliases.bodies import body_of
from corroborate.aliases.fold import name_key
from corroborate.aliases.places import resolve_place
from corroborate.model import NamedMention


def mention_keys(mentions: Sequence[NamedMention], language: str = "und") -> tuple[str, ...]:
    """One or more keys per mention, repeats kept (they weigh as term frequency).

    A place the gazetteer knows becomes one key for the gazetteer entry, whatever
    the language ("@geo:2921044"), and an international body one key for the body
    ("Europese Unie", "EU": "@body:european-union"). Other names become their folded words, so
    "Oleksandr Kovalchuk" in one article shares "kovalhuk" with a bare
    "Kowaltschuk" in another.
    """
    keys: list[str] = []
    for mention in mentions:
        if mention.type == "place":
            place = resolve_place(mention.text, language)
            if place is not None:
                keys.append(_place_key(place.geonames_id, place.country, place.name))
                continue
        body = body_of(mention.text)
        if body is not None:
            keys.append(f"@body:{name_key(body, 'org', 'en').replace(' ', '-')}")
            continue
        folded = name_key(mention.text, mention.type, language)
        keys.extend(word for word in folded.split() if len(word) > 1)
    return tuple(keys)


def _place_key(geonames_id: int | None, country: str | None, name: str) -> str:
    if geonames_id is not None:
        return f"@geo:{geonames_id}"
    if country is not None:
        return f"@country:{country}"
    return f"@place:{name.casefold()}"

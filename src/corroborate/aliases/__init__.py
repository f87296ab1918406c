"""The aliases stage: which named mentions are the same person, place or organisation.

``link_entities`` turns the NER stage's mentions into :class:`~corroborate.model.Entity`
objects; ``name_key`` and ``resolve_place`` are the pure helpers it is built on,
exported because other stages match names the same way; ``mention_keys`` gives
story clustering one comparable key per mention.
"""

from __future__ import annotations

from corroborate.aliases.fold import name_key
from corroborate.aliases.keys import mention_keys
from corroborate.aliases.link import link_entities
from corroborate.aliases.places import resolve_place

__all__ = ["link_entities", "mention_keys", "name_key", "resolve_place"]

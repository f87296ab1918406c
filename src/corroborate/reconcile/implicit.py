"""Counts the text implies without a number: "a man was shot and killed" is one killed.

Local news rarely writes "1 killed"; it says "a woman died" or "a teen was
wounded". Each such phrase, with an indefinite singular subject (a first mention,
so one new person), is a claim of one for its slot. Within one article, explicit
numbers win over these phrases, and several phrases add up (one claim per person):
see :func:`corroborate.reconcile.facts.article_readings`. English only for now;
other languages have explicit counts only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words for one person that open a first mention ("a 23-year-old man").
_PERSON = (
    r"man|woman|person|teen|teenager|boy|girl|child|toddler|infant|baby|victim|driver|"
    r"passenger|student|officer|deputy|trooper|resident|customer|clerk|employee|worker|"
    r"father|mother|husband|wife|son|daughter|brother|sister|friend|neighbor|bystander|"
    r"suspect|gunman|shooter|homeowner|security guard|guard"
)
_VERBS = {
    "killed": r"fatally (?:shot|wounded|injured)|shot (?:and killed|to death|dead)|killed|"
    r"found dead|pronounced dead|dead",
    "injured": r"wounded|injured|hurt|hospitalized|shot and wounded|shot and injured",
    "shot": r"shot",
}
_SUBJECT = rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}?(?:{_PERSON})\b(?:,[^,.;]{{1,60}},)?"
_AUXILIARY = r"\s+(?:was|has been|had been|is|were)\s+(?:(?!fatally)\w+ly\s+)?"
_PASSIVE = re.compile(rf"{_SUBJECT}{_AUXILIARY}(?P<verb>{'|'.join(_VERBS.values())})\b", re.UNICODE)
_DIED = re.compile(rf"{_SUBJECT}\s+(?:later\s+)?died\b", re.UNICODE)
_SLOT_OF = [(slot, re.compile(rf"^(?:{pattern})$")) for slot, pattern in _VERBS.items()]


@dataclass(frozen=True)
class ImpliedCount:
    """One person the phrase at ``start:end`` says was killed, injured or shot."""

    start: int
    end: int
    slot: str


def implied_counts(text: str, language: str) -> list[ImpliedCount]:
    """Every phrase in ``text`` implying one casualty, in text order."""
    if language != "en":
        return []
    found = [ImpliedCount(m.start(), m.end(), "killed") for m in _DIED.finditer(text)]
    for match in _PASSIVE.finditer(text):
        verb = match.group("verb")
        slot = next(s for s, pattern in _SLOT_OF if pattern.match(verb))
        found.append(ImpliedCount(match.start(), match.end(), slot))
    return sorted(found, key=lambda c: c.start)

"""Casualties told by a person's name: "Brandon Crawford, 15, was shot and killed",
"the shooting that killed Ada Brook", "Ada Brook and Cem Ulu were found dead".

Each such person is counted once, by the entity their name links to, however many
sentences tell their fate; a pronoun that opens a casualty phrase ("he was later
pronounced dead") is the person its sentence named first. The phrases that count
people without naming them are in :mod:`corroborate.reconcile.implicit`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from corroborate.reconcile.implicit import (
    AGED,
    APPOSITION,
    PERSON_WORDS,
    PREDICATE,
    REFERRED_VICTIM,
    VERB_ALTERNATIVES,
    ImpliedCount,
    died_after,
    outcome,
    sentence_start,
    slot_of_verb,
)

#: After a person's name: "Brandon Crawford, 15, was shot and killed", "Crawford died".
_AFTER_NAME = re.compile(rf"^{APPOSITION}{PREDICATE}")
#: A relative clause after a name that tells of one more casualty: "Paylor, who was
#: also shot, was taken to ...". Without "also" such a clause is mostly background:
#: "a vigil for Javon Booker, who died after he was shot during a robbery".
_WHO_AFTER_NAME = re.compile(
    r"^(?:,\s*\d{1,3})?,\s+who\s+(?:was|were)\s+also\s+(?:(?!fatally)\w+ly\s+)?"
    rf"(?P<verb>{VERB_ALTERNATIVES})\b"
)
#: Before a person's name: "the shooting that killed Brandon Crawford", "the death of".
_BEFORE_NAME = re.compile(
    r"(?:(?P<killed>\bkilled|\bkilling|\bdeath of|\bmurder of|\bkilling of|\bfatal shooting of"
    r"|\b(?:claimed|took) the lives? of"
    r"|\bfatally (?:shot|shooting|wounded|wounding|injured|injuring)"
    r"|\b(?:shooting )?deaths of)|(?P<injured>\bwounded|\bwounding|\binjured|\binjuring))"
    r"\s+(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+){0,2}"
    # A second name joined by "and" shares the first one's fate ("killed Ada Brook and
    # Cem Ulu", "killed Ada Brook, 21, and Cem Ulu", "killed Ada Brook and her
    # daughter, Dara Brook").
    r"(?:(?:[A-Z][\w'’.-]*\s*){1,3}(?:,\s*\d{1,3},)?\s*and\s+"
    rf"(?:(?:his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{PERSON_WORDS}),?\s+)?)?$"
)
NAME_WINDOW = 80


def named_casualties(
    text: str, language: str, persons: list[tuple[int, int, str]]
) -> list[ImpliedCount]:
    """People named in ``text`` (``persons``: start, end, entity id) whom the words
    right around the name say were killed, injured or shot; in other languages than
    English, killed (see :data:`corroborate.reconcile.implicit.DIED_WORDS`)."""
    if language != "en":
        died = died_after(language)
        return [
            ImpliedCount(start, dying.end(), "killed", victim)
            for start, end, victim in persons
            if died is not None and (dying := died.match(text, end)) is not None
        ]
    found: list[ImpliedCount] = []
    for start, end, victim in persons:
        window = text[end : end + NAME_WINDOW]
        after = _WHO_AFTER_NAME.match(window) or _AFTER_NAME.match(window)
        if after is not None:
            verb = after.group("verb")
            slot, stop = outcome(text, slot_of_verb(verb) if verb else "killed", end + after.end())
            found.append(ImpliedCount(start, stop, slot, victim))
            continue
        before = _BEFORE_NAME.search(text[max(0, start - NAME_WINDOW) : start])
        if before is not None:
            slot = "killed" if before.group("killed") else "injured"
            found.append(ImpliedCount(start - len(before.group()), end, slot, victim))
    found += _joined_before(text, persons, found)
    return _killed_only_once(_surnames_as_full_names(text, persons, found))


#: A pronoun that refers back to a sentence's subject: "Ernest Jasper survived his
#: injuries for a short time before he was later pronounced dead".
_SUBJECT_PRONOUN = re.compile(r"(?:[Hh]e|[Ss]he)\b")
#: Words between a name and a pronoun that make the pronoun someone else: a verb of
#: saying ("Chief Tim Lee said he died at the scene"), or a clause about another.
_NOT_THE_SUBJECT = re.compile(
    r"\b(?:said|says|told|tells|added|according|stated|reported|believes?|thinks?|who|whom"
    r"|when|after|because|while|that)\b",
    re.IGNORECASE,
)


def pronouns_as_subjects(
    text: str, persons: list[tuple[int, int, str]], found: list[ImpliedCount]
) -> list[ImpliedCount]:
    """A casualty told by "he" or "she" is the person named at the start of its
    sentence, when that is the only name before it there and nothing between makes the
    pronoun another's: one more person than the name told before, not a reference to
    whoever the text named first."""
    mended = []
    for count in found:
        if count.victim == REFERRED_VICTIM and _SUBJECT_PRONOUN.match(text, count.start):
            begins = sentence_start(text, count.start)
            before = [p for p in persons if begins <= p[0] and p[1] <= count.start]
            if (
                len({victim for _, _, victim in before}) == 1
                and not text[begins : before[0][0]].strip()
                and not _NOT_THE_SUBJECT.search(text, before[0][1], count.start)
            ):
                count = replace(count, victim=before[0][2])
        mended.append(count)
    return mended


def _surnames_as_full_names(
    text: str, persons: list[tuple[int, int, str]], found: list[ImpliedCount]
) -> list[ImpliedCount]:
    """A casualty told by surname alone ("killing Edwards") is the casualty of the same
    fate told by full name ("killing 34-year-old Ernest Edwards") when just one has
    that surname. The name linker keeps "Edwards" apart when the text names two
    Edwardses (the victim and his wife who shot him); among the casualties there is one."""
    names: dict[str, str] = {}
    for start, end, victim in persons:  # each person's longest name
        names[victim] = max(names.get(victim, ""), text[start:end], key=len)
    full: dict[tuple[str, str], set[str]] = {}
    for count in found:
        words = names.get(count.victim or "", "").split()
        if len(words) > 1:
            full.setdefault((count.slot, words[-1]), set()).add(str(count.victim))
    mended = []
    for count in found:
        words = names.get(count.victim or "", "").split()
        same = full.get((count.slot, words[0]), set()) if len(words) == 1 else set()
        mended.append(replace(count, victim=next(iter(same))) if len(same) == 1 else count)
    return mended


#: Between two names of one subject: "Bianca Arter and her son, 17-year-old Javeer
#: Arter were found dead", "Genesis Tyler and Rita Langworthy were shot dead".
_AND_NAME = re.compile(
    rf"^(?:,\s*\d{{1,3}},?)?\s+and\s+(?:(?:his|her|their)\s+(?:{PERSON_WORDS}),?\s+)?"
    rf"(?:{AGED}\s+)?$"
)


#: The predicate of a subject of two: "were found dead", "are in hospital".
_PLURAL_VERB = re.compile(r"\b(?:were|are|have been)\b")


#: A comma between names of a list that "and" ends: "Ada Brook, 34, Cem Ulu and ...".
_LIST_COMMA = re.compile(rf"^(?:,\s*\d{{1,3}})?,\s+(?:{AGED}\s+)?$")


def _joined_before(
    text: str, persons: list[tuple[int, int, str]], found: list[ImpliedCount]
) -> list[ImpliedCount]:
    """A name joined by "and" to the next one, whose predicate is plural ("were found
    dead"), shares its fate: the subject is both of them. So does each name of a list
    before them ("Ada Brook, Cem Ulu and Dara Voss were killed")."""
    fates = {c.start: c for c in found}
    shared: dict[int, ImpliedCount] = {}
    for (start, end, victim), (next_start, _, _) in reversed(list(pairwise(sorted(persons)))):
        fate = fates.get(next_start) or shared.get(next_start)
        if fate is None or start in fates:
            continue
        link = text[end:next_start]
        listed = next_start in shared and _LIST_COMMA.match(link)
        if (listed or _AND_NAME.match(link)) and _PLURAL_VERB.search(text, next_start, fate.end):
            shared[start] = ImpliedCount(start, fate.end, fate.slot, victim)
    return sorted(shared.values(), key=lambda c: c.start)


def _killed_only_once(found: list[ImpliedCount]) -> list[ImpliedCount]:
    """A named person the text says was killed is counted among the killed only, though
    another sentence says they were shot or taken to hospital: the injury was the
    fatal one, not a second casualty."""
    killed = {c.victim for c in found if c.slot == "killed"}
    return [c for c in found if c.slot == "killed" or c.victim not in killed]

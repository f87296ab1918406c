"""Deaths by one's own hand: the shooter who "killed himself" or "took his own life".

In a murder-suicide or after shooting others such a death is one more than the
victims a text counts; told alone ("a boy accidentally shot and killed himself") it
is the one death. :mod:`corroborate.reconcile.claims` reads these beside the other
casualty phrases (:mod:`corroborate.reconcile.implicit`) and keeps either the phrase
or the death, not both.
"""

from __future__ import annotations

import re

from corroborate.reconcile.implicit import (
    ImpliedCount,
    another_time,
    sentence_end,
    sentence_start,
)

#: "killed himself", "fatally shot herself", "took his own life", "committed suicide",
#: "died of a self-inflicted gunshot wound", "turned the gun on himself": the one who
#: fired died by their own hand. In a murder-suicide that is one death more than the
#: victims the text counts, so it is told apart (see ``SELF_INFLICTED``).
_SELF_INFLICTED = re.compile(
    r"\b(?:(?:killed|killing|kills)\s+(?:him|her|them)sel(?:f|ves)"
    r"|(?:fatally\s+(?:shot|shooting|shoots)|(?:shot|shooting)\s+and\s+(?:killed|killing))"
    r"\s+(?:him|her)self"
    r"|(?:shot|shooting|shoots)\s+(?:him|her)self\s+to\s+death"
    r"|(?:took|taking|take|takes)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)"
    r"|commit(?:ted|ting|s)?\s+suicide"
    r"|(?:died|dead)\s+(?:of|from)\s+(?:an?\s+)?(?:(?:apparent(?:ly)?|suspected|possible)\s+)?"
    r"self-inflicted"
    r"|turn(?:ed|ing|s)?\s+(?:the|a|his|her)\s+(?:gun|weapon|rifle|shotgun|handgun|pistol"
    r"|firearm)\s+on\s+(?:him|her)self)\b",
    re.IGNORECASE,
)
#: "tried to take her own life", "attempted to kill himself": they survived it.
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:tried|try|trying|attempt(?:ed|ing|s)?|threat(?:ened|ening)?|wanted|planned)\s+to\s+$",
    re.IGNORECASE,
)
#: "turned the gun on himself in an attempted suicide": the same, told after.
_ATTEMPT_AFTER = re.compile(
    r"\s+in\s+(?:an?\s+)?(?:apparent\s+)?(?:attempted\s+suicide|suicide\s+attempt)\b",
    re.IGNORECASE,
)
#: The person an unnamed self-inflicted death refers to ("police said he killed himself").
SELF_INFLICTED = "?took their own life"
#: A self-inflicted death in a murder-suicide: one death more than the victims, of
#: whom there was at least one.
SELF_AFTER_MURDER = "murder-suicide"
#: A self-inflicted death after shooting others, who may have survived: one death
#: more than the victims the text counts.
SELF_AFTER_OTHERS = "after shooting others"
#: A self-inflicted death told alone ("a boy accidentally shot and killed himself"):
#: the one who died, whom other phrases ("the boy died") may already count.
SELF_ALONE = "alone"
#: A murder-suicide: the one who died by their own hand had killed others first.
_MURDER_SUICIDE = re.compile(r"\bmurder[- /]suicide\b", re.IGNORECASE)
#: Shooting someone in the sentence of a self-inflicted death ("shot the child and a
#: woman, then fatally shot himself", "killed himself after critically shooting her").
_SHOOTING_OTHERS = re.compile(
    r"\b(?:shot|shooting|shoots|killed|killing|kills|murdered|murdering|wounded|wounding"
    r"|opened fire|rampage)\b(?!\s+(?:(?:and\s+killed|to\s+death)\s+)?(?:him|her|them)sel)",
    re.IGNORECASE,
)


def self_inflicted_deaths(text: str, language: str, title: str = "") -> list[ImpliedCount]:
    """Deaths by one's own hand ("Harleman, who killed himself", "before taking his own
    life"). In a murder-suicide (``SELF_AFTER_MURDER``) or after shooting others
    (``SELF_AFTER_OTHERS``) each is the one death the victims' count leaves out; told
    alone (``SELF_ALONE``: "a boy accidentally shot himself and died") it is that death.
    All of an article's are one person, ``SELF_INFLICTED``: a murder-suicide has one
    shooter, however often it is retold, and the name near the phrase is as often a
    victim's ("killed Kalila Hollis ... before taking his own life")."""
    if language != "en":
        return []
    murder_suicide = bool(_MURDER_SUICIDE.search(text) or _MURDER_SUICIDE.search(title))
    found = []
    for match in _SELF_INFLICTED.finditer(text):
        if _ATTEMPT_BEFORE.search(
            text, max(0, match.start() - 20), match.start()
        ) or _ATTEMPT_AFTER.match(text, match.end()):
            continue
        if another_time(text, match.start(), match.end()):
            continue
        kind = (
            SELF_AFTER_MURDER
            if murder_suicide
            else SELF_AFTER_OTHERS
            if _shooting_others(text, match.start(), match.end())
            else SELF_ALONE
        )
        found.append(
            ImpliedCount(match.start(), match.end(), "killed", SELF_INFLICTED, self_inflicted=kind)
        )
    return found


def murder_suicides_by_name(text: str, language: str) -> list[ImpliedCount]:
    """ "Police believe it was a murder-suicide": the crime told by its name alone, in
    a text with no death by one's own hand (see :func:`self_inflicted_deaths`), is two
    deaths at least, the victim's and the shooter's (who may be among the people
    another phrase counts: "A man and his son were found dead")."""
    if language != "en":
        return []
    return [
        ImpliedCount(m.start(), m.end(), "killed", people=2)
        for m in _MURDER_SUICIDE.finditer(text)
        if not another_time(text, m.start(), m.end())
    ]


def _shooting_others(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` tells of shooting someone else."""
    parts = (text[sentence_start(text, start) : start], text[end : sentence_end(text, end)])
    return any(_SHOOTING_OTHERS.search(part) for part in parts)


def without_overlaps(found: list[ImpliedCount], selves: list[ImpliedCount]) -> list[ImpliedCount]:
    """``found`` and ``selves`` together, less the phrases of ``found`` a self-inflicted
    death overlaps ("fatally shot himself" is that death, not a victim shot)."""
    kept = [c for c in found if not any(c.start < s.end and s.start < c.end for s in selves)]
    return sorted([*kept, *selves], key=lambda c: c.start)

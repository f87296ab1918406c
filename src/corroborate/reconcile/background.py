"""Background: casualty counts an article tells of an earlier event.

Reports recall precedents ("In March 2023, one of the company's grain trains
derailed near Kesselbrück, injuring three people"; "Damals wurden drei Menschen
verletzt"). Such a count fills the *injured* slot by its words, yet it is not this
story's toll, and set beside the story's own figure it reads as a conflict (17
injured against 3). A count loses its casualty slot when its sentence states a
day, month or year that ends two days or more before the story's day, or when it opens with
"back then" right after such a sentence; it stays a claim, matched to other
sources by its sentence like any figure without a slot.

The story's day is the day most sources state (on a tie, one stated beside a
casualty count, then the latest), of those no later than the source's publication:
the one the reports are about, not a precedent one source recalls nor a hearing to
come.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from corroborate.reconcile.claims import ClaimItem, date_bounds
from corroborate.reconcile.sentences import Sentences
from corroborate.reconcile.slots import CASUALTY_SLOTS

#: How long before the story's day a stated date must end for its sentence to tell
#: of another event: more than a day, so two days or more before it (an article's
#: first toll keeps its slot however long before, see :data:`RECALLED_TOLL_AGE`).
#: First chosen on GVA dev among 14, 30, 60, 120 and 365 days and no limit (30 days:
#: killed / injured 0.859 / 0.754, none: 0.856 / 0.752); with the first-toll rule
#: in place, chosen again among 0 to 3, 7, 14 and 30 days: 1 day counted 1,413 /
#: 1,288 of 1,526 incidents right, 30 days 1,411 / 1,287, 0 days (any day before)
#: 1,415 / 1,288 but with ten injured counts changed, five for the worse.
PAST_EVENT_GAP = timedelta(days=1)

#: An article's first casualty count is the toll it reports, however long before the
#: story's day its sentence dates it ("a shooting that killed one teen ... in late
#: May", in a July report of the hearing), unless that is a year or more before: a
#: page's "1993: Dr. David Gunn is shot to death" is history.
RECALLED_TOLL_AGE = timedelta(days=365)

#: The slots an earlier event's count is taken from: its toll, and the people it made
#: leave their homes ("In April 2015 ... more than 150 people were evacuated").
PAST_EVENT_SLOTS = (*CASUALTY_SLOTS, "evacuated")

#: "Back then" opening a sentence, in the six languages: it goes on about the date
#: of the sentence before.
_BACK_THEN = re.compile(
    r"^\W*(?:back then|at the time|at that time|then|damals|seinerzeit|toen|destijds"
    r"|à l'époque|a l'époque|en aquel entonces|entonces|тогда|в тот раз)\b",
    re.IGNORECASE,
)


def without_past_casualties(
    items: list[ClaimItem],
    sentences: Mapping[str, Sentences],
    published: Mapping[str, str | None],
) -> list[ClaimItem]:
    """``items`` with the casualty slot taken from counts about an earlier event;
    ``sentences`` are each article's sentences, ``published`` their publication days.
    Such an event is also the one a shooting avenged ("in retaliation for a Labor Day
    shooting that left one person dead"), whatever its day."""
    story_day = _story_day(items, published)
    dating = [item for item in items if not _names_an_event(item, sentences)]
    past = _with_back_then(_sentences_dated_before(dating, story_day, PAST_EVENT_GAP), sentences)
    history = _with_back_then(
        _sentences_dated_before(dating, story_day, RECALLED_TOLL_AGE), sentences
    )
    past -= _first_tolls(items) - history
    return [
        replace(item, slot=None, slot_label=None)
        if item.slot in PAST_EVENT_SLOTS
        and ((item.claim.article, item.sentence) in past or _avenged(item, sentences))
        else item
        for item in items
    ]


#: Words that turn to the event a shooting avenged, in the six languages: "in
#: retaliation for", "als vergelding voor", "aus Rache für".
_AVENGING = re.compile(
    r"\b(?:retaliation|revenge|retribution|vergelding|wraak|Vergeltung|Rache|represalia"
    r"|venganza|représailles|vengeance|месть|отместку)\s+(?:for|to|over|voor|für|por|de|pour"
    r"|за)\b",
    re.IGNORECASE,
)


def _avenged(item: ClaimItem, sentences: Mapping[str, Sentences]) -> bool:
    """Whether the claim comes after such words in its sentence."""
    start = sentences[item.claim.article].spans[item.sentence][0]
    text = sentences[item.claim.article].text
    return _AVENGING.search(text, start, item.claim.start) is not None


#: How many sentences open an article (title lines count).
OPENING_SENTENCES = 5


def _names_an_event(item: ClaimItem, sentences: Mapping[str, Sentences]) -> bool:
    """Whether a date claim is a possessive that names an event ("following Saturday's
    shooting"): the sentence refers back to that event; it does not date its own
    casualties on that day (the boy "died Monday ... following Saturday's shooting")."""
    if item.kind != "date":
        return False
    text = sentences[item.claim.article].text
    return text.startswith(("'s", "’s"), item.claim.end)


def _sentences_dated_before(
    items: list[ClaimItem], story_day: date | None, gap: timedelta
) -> set[tuple[str, int]]:
    """The (article, sentence) pairs that state a date ending ``gap`` or more before
    the story's day."""
    if story_day is None:
        return set()
    return {
        (item.claim.article, item.sentence)
        for item in items
        if item.kind == "date" and _ends_before(item, story_day - gap)
    }


def _first_tolls(items: list[ClaimItem]) -> set[tuple[str, int]]:
    """Each article's first sentence with a casualty count: the toll its report is
    about, however long ago it says that was ("a shooting that killed one teen ...
    in late May", recalled in a July report of the trial)."""
    first: dict[str, int] = {}
    for item in items:
        if item.slot in CASUALTY_SLOTS and item.sentence < OPENING_SENTENCES:
            article = item.claim.article
            first[article] = min(first.get(article, item.sentence), item.sentence)
    return set(first.items())


#: "Back then" inside a sentence, where the words cannot mean "when": "Alleen al in
#: Turkije kwamen toen meer dan 50.000 mensen om het leven" (Dutch "toen" right after
#: a verb, not opening a clause), "Damals starben ...", "où il avait fait à l'époque".
_BACK_THEN_INSIDE = re.compile(
    r"\b(?:damals|seinerzeit|destijds|à l'époque|en aquel entonces|en aquella ocasión"
    r"|at the time(?! of)|в то время"
    r"|(?<=\w )toen(?! (?:de|het|een|hij|zij|ze|er|we|wij|ik|u|men|die|dat)\b))\b",
    re.IGNORECASE,
)


def _with_back_then(
    dated: set[tuple[str, int]], sentences: Mapping[str, Sentences]
) -> set[tuple[str, int]]:
    """``dated`` with each sentence after one of them that goes on about its time."""
    return dated | {
        (article, index + 1)
        for article, index in dated
        if _back_then(sentences[article], index + 1)
    }


def _back_then(sentences: Sentences, index: int) -> bool:
    if index >= len(sentences.spans):
        return False
    sentence = sentences.sentence(index)
    return bool(_BACK_THEN.match(sentence) or _BACK_THEN_INSIDE.search(sentence))


def _story_day(items: list[ClaimItem], published: Mapping[str, str | None]) -> date | None:
    """The day most articles state (each article counted once per day), of the days
    no later than the article's publication: a day after it is a hearing or a funeral
    to come ("sentencing is set for December 30th"), not the day reported. Days a
    year or more before every article's publication are left out while others are
    stated: the precedent every report recalls ("the earthquakes of 6 February 2023")
    is not the day of a story published in 2026."""
    stated = {
        (item.claim.article, day)
        for item in items
        if item.kind == "date"
        and item.claim.attributes.get("precision") == "day"
        and (day := str(item.claim.attributes.get("date") or ""))
        and day <= (published.get(item.claim.article) or "9999")
    }
    earliest = _earliest(published)
    history = earliest - RECALLED_TOLL_AGE if earliest else None
    recent = {(a, day) for a, day in stated if not _no_later(_day(day), history)}
    days = Counter(day for _, day in recent or stated)
    if not days:
        return None
    tolls = _days_with_tolls(items)
    return date.fromisoformat(max(days, key=lambda day: (days[day], day in tolls, day)))


def _earliest(published: Mapping[str, str | None]) -> date | None:
    """The earliest known publication day, if any."""
    days = [d for value in published.values() if value and (d := _day(value))]
    return min(days) if days else None


def _no_later(day: date | None, limit: date | None) -> bool:
    """Whether both are known and ``day`` is ``limit`` or before it."""
    return day is not None and limit is not None and day <= limit


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _days_with_tolls(items: list[ClaimItem]) -> set[str]:
    """The days stated in a sentence that also holds a casualty count: on a tie, the
    day of the shooting ("shot and killed Ada Brook on May 10") rather than that of
    an arrest ("taken into custody on Thursday")."""
    tolled = {(item.claim.article, item.sentence) for item in items if item.slot in CASUALTY_SLOTS}
    return {
        str(item.claim.attributes.get("date"))
        for item in items
        if item.kind == "date" and (item.claim.article, item.sentence) in tolled
    }


def _ends_before(item: ClaimItem, limit: date) -> bool:
    bounds = date_bounds(str(item.claim.attributes.get("value")))
    return bounds is not None and bounds[1] < limit

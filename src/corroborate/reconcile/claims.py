"""Claims: each quantity and date an article states, read into a comparable form.

A :class:`ClaimItem` is one claim plus what matching needs: the sentence it sits in,
its *dimension* (only claims of one dimension can be about the same thing: a length
is never compared with a count), its *slot* when the words say what it is about
(see :mod:`.slots`), and its :class:`~.compare.Reading` (the interval it stands for).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from corroborate.model import BOUND_WORDS, Article, Claim, Entity, Quantity, TimeExpression
from corroborate.reconcile.compare import Reading, date_reading, format_value, quantity_reading
from corroborate.reconcile.implicit import implied_counts, told_of_an_earlier_time
from corroborate.reconcile.named import named_casualties, pronouns_as_subjects
from corroborate.reconcile.sentences import Sentences
from corroborate.reconcile.slots import (
    PERSON_NOUNS,
    SLOT_LABELS,
    besides_others,
    count_slot,
    counts_people,
    lives_claimed,
    noun_key,
    several_incidents_slot,
    teasers_start,
    tells_a_condition,
    tells_of_another_incident,
)
from corroborate.reconcile.suicides import (
    murder_suicides_by_name,
    self_inflicted_deaths,
    without_overlaps,
)

#: Short names of the normalised units in explanations.
UNIT_SYMBOLS = {
    "kilometer": "km",
    "meter": "m",
    "millimeter": "mm",
    "kilogram": "kg",
    "gram": "g",
    "second": "s",
    "kilometer / hour": "km/h",
    "kilometer_per_hour": "km/h",
    "square_kilometer": "km²",
    "kilometer ** 2": "km²",
    "meter ** 2": "m²",
    "liter": "l",
    "degree_Celsius": "°C",
    "percent": "%",
    "percentage_point": "percentage points",
    "year": "years",
    "month": "months",
}


@dataclass
class ClaimItem:
    """One claim with what matching and verdicts need (internal to the stage)."""

    claim: Claim
    sentence: int
    kind: str
    dimension: str
    reading: Reading
    slot: str | None = None
    slot_label: str | None = None
    noun: str = ""
    entities: frozenset[str] = field(default_factory=frozenset)
    #: A count of one implied by a phrase ("a man was killed"), not a stated number.
    implied: bool = False
    #: The month and day of a dated claim whose words give no year ("in maart", read
    #: in 2025 from the publication date): what it says, for comparing with undated
    #: articles' yearless claims; a fact made only of twins is not reported.
    yearless_twin: bool = False

    @property
    def measure(self) -> str:
        """What sort of figure: "count", "length", "speed", "money", ... or "date"."""
        return self.dimension.split(":")[0]


#: Characters on either side of a claim that, with the claim's own words, make a
#: repeat of it (see :func:`without_repeats`).
REPEAT_CONTEXT = 40


def without_repeats(items: Sequence[ClaimItem], texts: Mapping[str, str]) -> list[ClaimItem]:
    """The items less the figures and dates an article states again in the same
    words: the same claim text with the same :data:`REPEAT_CONTEXT` characters after
    it, or before it. Pages repeat a paragraph as a heading's teaser, a caption or a
    pull quote, and each repeat had become a fact of its own ("only X says 700 km",
    twice). The first stays; counts of a slot and implied counts are left to the slot
    rules, which read each mention."""
    first_at: dict[tuple[str, str, str, str], int] = {}
    kept: list[ClaimItem] = []
    for item in items:
        claim = item.claim
        if item.slot or item.implied:
            kept.append(item)
            continue
        text = texts[claim.article]
        before = text[max(0, claim.start - REPEAT_CONTEXT) : claim.start]
        after = text[claim.end : claim.end + REPEAT_CONTEXT]
        keys = [(claim.article, claim.text, "<", before), (claim.article, claim.text, ">", after)]
        # the same span twice is no repeat: a dated claim and its yearless twin
        firsts = [first_at.setdefault(key, claim.start) for key in keys]
        if all(first == claim.start for first in firsts):
            kept.append(item)
    return kept


def quantity_items(
    article: Article,
    quantities: Sequence[Quantity],
    sentences: Sentences,
    persons: Mapping[str, list[tuple[int, int, Entity]]],
) -> list[ClaimItem]:
    """Claim items for one article's quantities (ordinals are not claims)."""
    items = []
    teasers = teasers_start(article.text)
    largest: dict[str, float] = {}  # the largest count of each slot told so far
    for quantity in quantities:
        index = sentences.index_at(quantity.start)
        if quantity.kind == "ordinal" or index is None:
            continue
        slot, label = _quantity_slot(article, quantity, sentences, index, persons, teasers)
        if slot is not None and quantity.kind == "count":
            if _some_of_them(article, quantity, largest.get(slot)):
                slot = label = None
            else:
                largest[slot] = max(largest.get(slot, 0.0), quantity.high)
        if slot is None and (
            _one_of_several(article.text, quantity) or _a_difference(article.text, quantity)
        ):
            continue
        items.append(
            ClaimItem(
                claim=_claim(quantity.article, quantity.start, quantity.end, quantity.text),
                sentence=index,
                kind="quantity",
                dimension=f"{quantity.kind}:{quantity.normalized_unit or quantity.unit or ''}",
                reading=_quantity_reading(quantity, _names_a_group(slot, quantity)),
                slot=slot,
                slot_label=label,
                noun=noun_key(quantity.noun),
            )
        )
        items[-1].claim.attributes.update(_quantity_attributes(quantity))
        if items[-1].reading.part:
            items[-1].claim.attributes["group"] = True
        if slot is not None and slot.startswith("age:"):
            items += _shared_ages(items[-1], article.text, persons.get(article.id, []), slot)
        if quantity.kind == "count" and besides_others(
            article.text, quantity.start, quantity.end, article.language
        ):
            items[-1].claim.attributes["others"] = True
    return items


def _some_of_them(article: Article, quantity: Quantity, larger: float | None) -> bool:
    """Whether a count that tells the condition of those it counts ("Seven are in
    critical condition") comes after a larger count of the same slot: it counts some
    of them, not all a source says were hurt."""
    return (
        larger is not None
        and quantity.high < larger
        and tells_a_condition(article.text, quantity.end, article.language)
    )


#: An age several people share, told after their names: "Kyleif Harley and Dominic
#: Lamar, *both* 23", "Anthony Harris, Anthony Lyons and Joshua Almore, *all* 23".
_SHARED_AGE = re.compile(r",\s+(?:both|all|each)\s+$", re.IGNORECASE)
#: Between two names of such a list: ", ", " and ", ", and ".
_NAME_LIST_JOINT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _shared_ages(
    item: ClaimItem, text: str, named: list[tuple[int, int, Entity]], slot: str
) -> list[ClaimItem]:
    """Copies of an age claim for the other people of the list whose shared age it is
    (the age's own person, the last of the list, has ``slot`` already)."""
    before = _SHARED_AGE.search(text, max(0, item.claim.start - 12), item.claim.start)
    if before is None:
        return []
    people = sorted((m for m in named if m[2].type == "person"), key=lambda m: m[0])
    listed: list[Entity] = []
    end = before.start()
    for start, stop, person in reversed(people):
        if stop > end:
            continue
        if stop != end and not _NAME_LIST_JOINT.fullmatch(text, stop, end):
            break
        listed.append(person)
        end = start
    others = {p.id: p for p in listed if f"age:{p.id}" != slot}
    return [
        replace(
            item,
            claim=replace(item.claim, attributes=dict(item.claim.attributes)),
            slot=f"age:{p.id}",
            slot_label=f"age of {p.name}",
        )
        for p in others.values()
    ]


#: "of" after a count of one, in the six languages: "one of the company's trains",
#: "een van de", "einer der", "uno de los", "l'un des", "один из".
_PARTITIVE_OF = re.compile(r"\s+(?:of|van|der|des|de|del|из)\s", re.IGNORECASE)


def _one_of_several(text: str, quantity: Quantity) -> bool:
    """Whether the figure is "one of" a group ("one of the company's grain trains
    derailed"): it picks out a member, it counts nothing a source could contradict
    (a casualty's "one of the victims died" keeps its slot)."""
    return (
        quantity.kind == "count"
        and quantity.low == quantity.high == 1
        and _PARTITIVE_OF.match(text, quantity.end) is not None
    )


#: A comparison right after a figure: the figure is a difference, not a value ("149
#: km/h, één kilometer per uur meer dan de voorlopige waarde", "20 more than last year").
_MORE_THAN = re.compile(
    r"\s*(?:more|less|fewer|higher|lower|meer|minder|hoger|lager|mehr|weniger|höher"
    r"|niedriger|de plus|de moins|más|menos|больше|меньше|выше|ниже)"
    r"\s+(?:than|dan|als|que|qu['’]|чем)\b",
    re.IGNORECASE,
)


def _a_difference(text: str, quantity: Quantity) -> bool:
    """Whether the figure tells by how much one thing exceeds another."""
    return _MORE_THAN.match(text, quantity.end) is not None


_IMPLIED_ATTRIBUTES: dict[str, object] = {
    "value": 1,
    "unit": None,
    "normalized": None,
    "quantity_kind": "count",
    "implied": True,
}


def implied_items(
    article: Article,
    sentences: Sentences,
    persons: Mapping[str, list[tuple[int, int, Entity]]],
) -> list[ClaimItem]:
    """Claim items for the casualties an article implies without a number: phrases
    with an indefinite subject ("a man was killed") and named people ("Crawford died")."""
    named = [(s, e, ent.id) for s, e, ent in persons.get(article.id, []) if ent.type == "person"]
    teasers = teasers_start(article.text)
    found = implied_counts(article.text, article.language)
    found = pronouns_as_subjects(article.text, named, found)
    found += named_casualties(article.text, article.language, named)
    selves = self_inflicted_deaths(article.text, article.language, article.title or "")
    found = without_overlaps(
        found, selves or murder_suicides_by_name(article.text, article.language)
    )
    items = []
    for implied in found:
        index = sentences.index_at(implied.start)
        if index is None:
            continue
        text = article.text[implied.start : implied.end]
        slot = implied.slot
        start, end = sentences.spans[index]
        if _about_another_incident(article, start, end, teasers):
            continue
        if implied.people > 1:
            # "a 4-year-old boy, a 5-year-old girl and a 7-year-old boy were shot in
            # separate incidents": several incidents' total, like a stated count's
            slot = several_incidents_slot(slot, article.text[start:end], article.language) or slot
        claim = _claim(article.id, implied.start, implied.end, text)
        claim.attributes.update(_IMPLIED_ATTRIBUTES)
        claim.attributes["value"] = implied.people
        if implied.victim:
            claim.attributes["victim"] = implied.victim
        if implied.self_inflicted:
            claim.attributes["self_inflicted"] = implied.self_inflicted
        items.append(
            ClaimItem(
                claim=claim,
                sentence=index,
                kind="quantity",
                dimension="count:",
                reading=quantity_reading(
                    article.id,
                    implied.people,
                    implied.people,
                    implied.people,
                    False,
                    str(implied.people),
                ),
                slot=slot,
                slot_label=SLOT_LABELS[slot],
                implied=True,
            )
        )
    return items


def _about_another_incident(article: Article, start: int, end: int, teasers: int) -> bool:
    """Whether the sentence at ``start:end`` tells of another incident than the
    story's: it turns to one, or it is one of the teasers after a "More stories"
    heading."""
    return start >= teasers or tells_of_another_incident(article.text[start:end], article.language)


def _quantity_slot(
    article: Article,
    quantity: Quantity,
    sentences: Sentences,
    index: int,
    persons: Mapping[str, list[tuple[int, int, Entity]]],
    teasers: int,
) -> tuple[str | None, str | None]:
    """Ages belong to the nearest person named in the sentence; counts to a casualty slot
    (none in a sentence past ``teasers``, see :func:`teasers_start`)."""
    start, end = sentences.spans[index]
    if quantity.kind == "age":
        if quantity.bound or _AGE_AT_OTHER_TIME.search(article.text[start : quantity.start]):
            return None, None  # "children under 10": a group's bound, no one's age
        person = _person_aged(article, quantity, sentences, index, persons)
        return (f"age:{person.id}", f"age of {person.name}") if person else (None, None)
    sentence = article.text[start:end]
    lives = quantity.kind == "count" and lives_claimed(
        sentence, quantity.start - start, quantity.end - start, article.language
    )
    if quantity.kind == "count" and (lives or counts_people(quantity.noun, article.language)):
        if _about_another_incident(article, start, end, teasers) or told_of_an_earlier_time(
            article.text, quantity.end
        ):
            return None, None
        slot = count_slot(sentence, quantity.start - start, quantity.end - start, article.language)
        slot = several_incidents_slot(slot, sentence, article.language)
        return (slot, SLOT_LABELS[slot]) if slot else (None, None)
    return None, None


def _person_aged(
    article: Article,
    quantity: Quantity,
    sentences: Sentences,
    index: int,
    persons: Mapping[str, list[tuple[int, int, Entity]]],
) -> Entity | None:
    """The person an age is of: the nearest one its sentence names, at most
    :data:`MAX_AGE_GAP_WORDS` words away; else, for a sentence that opens on the age
    ("The 34-year-old ...", "Der 34 Jahre alte Ukrainer ..."), the one person the
    sentence before names: news refers back to the person it just named so."""
    named = [(s, e, ent) for s, e, ent in persons.get(article.id, []) if ent.type == "person"]
    start, end = sentences.spans[index]
    nearby = [m for m in named if start <= m[0] < end]
    told_after = [
        m
        for m in nearby
        if quantity.text.isdigit() and _AGE_AFTER_NAME.fullmatch(article.text, m[1], quantity.start)
    ]
    if told_after:  # "Crisanto Islas, age 38 and Floza Davila, age 12": Islas's
        return told_after[-1][2]
    if _ages_a_thing(article.text, quantity):
        return None  # "The 16-year-old aircraft had been in AeroTaiga's fleet since 2019"
    described = _named_right_after(article.text, quantity, nearby)
    if described is not None:  # "Kowaljow und der 29 Jahre alte Bergmann Alexej ..."
        return described
    if nearby:
        first, last, person = min(nearby, key=lambda m: _distance(m[0], m[1], quantity))
        between = article.text[min(last, quantity.end) : max(first, quantity.start)]
        if last <= quantity.start and _describes_someone_unnamed(article.text, quantity, between):
            return None  # "Naast Hoekstra kwamen een 67-jarige vrouw ... om het leven"
        spoken_of = last <= quantity.start and _SAID.search(between) is not None
        gap = len(_WORD.findall(between))
        if not spoken_of and (gap <= MAX_AGE_GAP_WORDS or _apposed(between, gap, quantity, last)):
            return person
    opening = article.text[start : quantity.start]
    indefinite = _INDEFINITE_OPENING.fullmatch(opening)
    if not indefinite and not _OPENS_ON_AGE.fullmatch(opening):
        return None
    if _names_a_thing_after(article.text, quantity, persons.get(article.id, [])):
        return None  # "16-летний Boeing 737-800 остаётся в Гамбурге": the plane's age
    if indefinite:
        return _named_next(article.text, sentences, index, named)
    # the sentence before, or the one before that when it names no one ("He improved
    # the record by 30 seconds. The 24-year-old ...")
    found = _first_naming(
        sentences, range(index - 1, index - 1 - AGE_LOOKBACK_SENTENCES, -1), named
    )
    people = {ent.id: ent for _, _, ent in found[1]} if found else {}
    return next(iter(people.values())) if len(people) == 1 else None


def _names_a_thing_after(
    text: str, quantity: Quantity, mentions: Sequence[tuple[int, int, Entity]]
) -> bool:
    """Whether a name that is not a person's follows the age right after it, and no
    word for people after the name: the age is that thing's ("16-летний Boeing 737-800
    остаётся в Гамбурге"); "a 15-year-old Schurz High School student", "a 69-year-old
    Vietnam veteran" are people."""
    at = _SPACES.match(text, quantity.end).end()  # type: ignore[union-attr]
    for start, end, entity in mentions:
        if start == at and entity.type != "person":
            following = _WORD.search(text, end)
            return following is None or following[0].lower() not in _PEOPLE_WORDS
    return False


_SPACES = re.compile(r"\s*")
#: Words for people in every language read: a name before one of them describes a
#: person ("a Vietnam veteran").
_PEOPLE_WORDS = frozenset(word for nouns in PERSON_NOUNS.values() for word in nouns) | {
    "veteran", "veterans", "native", "resident", "senior", "junior", "sophomore", "freshman",
}  # fmt: skip


def _named_next(
    text: str, sentences: Sentences, index: int, named: list[tuple[int, int, Entity]]
) -> Entity | None:
    """The person the next sentence opens on, when it names no one else and says
    nothing one speaks of: a lead that opens on an age and no name ("A 67-year-old
    hiker ... was found alive.") names him next ("Pierre Dufour had set out alone").
    One sentence that names no one may stand between ("Dat melden de
    reddingsdiensten.")."""
    found = _first_naming(sentences, range(index + 1, index + 1 + AGE_LOOKBACK_SENTENCES), named)
    if found is None:
        return None
    (start, end), there = found
    if len({ent.id for _, _, ent in there}) != 1 or _SAID.search(text, start, end):
        return None
    first, _, person = min(there, key=lambda m: m[0])
    return person if not text[start:first].strip(" \"“'‘«") else None


def _first_naming(
    sentences: Sentences, indices: range, named: list[tuple[int, int, Entity]]
) -> tuple[tuple[int, int], list[tuple[int, int, Entity]]] | None:
    """The first of the sentences at ``indices`` (those that exist) that names someone:
    its span and the names in it."""
    for index in indices:
        if not 0 <= index < len(sentences.spans):
            return None
        start, end = sentences.spans[index]
        there = [(s, e, ent) for s, e, ent in named if start <= s < end]
        if there:
            return (start, end), there
    return None


#: How many sentences back an age that opens a sentence looks for the one person named.
AGE_LOOKBACK_SENTENCES = 2


def _apposed(between: str, gap: int, quantity: Quantity, name_end: int) -> bool:
    """An age before a role a name is set beside with a comma: "die 52-jährige Leiterin
    des regionalen Katastrophenschutzes, Marta Ibáñez"; or after the role set beside
    the name: "Pierre Dufour, el excursionista francés de 67 años", "Pierre Dufour, un
    randonneur de 67 ans", "Pierre Dufour, a French hiker aged 67" (more words than
    :data:`MAX_AGE_GAP_WORDS`, no stop or verb of saying between)."""
    if gap > MAX_APPOSED_AGE_WORDS:
        return False
    if name_end <= quantity.start:  # "Pierre Dufour, el excursionista francés de 67 años"
        return _ROLE_THEN_AGE.fullmatch(between) is not None
    return name_end > quantity.end and _APPOSITION.fullmatch(between) is not None


#: The most words an age may stand from the name a role it qualifies is set beside.
MAX_APPOSED_AGE_WORDS = 6
#: Words without a stop, then the comma before the name.
_APPOSITION = re.compile(r"[^,.;:!?\"“”«»()]+,\s*")
#: A role set beside a name, then the age: a comma, an article, words without a stop,
#: and "de" (Spanish, French) or "aged" before the number.
_ROLE_THEN_AGE = re.compile(
    r",\s*(?:el|la|un|una|le|une|the|a|an)\s+[^,.;:!?\"“”«»()]+?\s+(?:de|aged)\s+",
    re.IGNORECASE,
)


#: Between a name and the bare age told right after it: "Ada Brook, 38", "Ada Brook,
#: age 38", "Sanne de Vries (38)". The age is that person's, though another name
#: follows closer ("..., age 38 and Floza Davila"); not "Ada Brook, 19-year-old Cem
#: Ulu", an age told before its name.
_AGE_AFTER_NAME = re.compile(r",\s*(?:(?:age|aged)\s+)?|\s*\(")
#: What comes before an age that opens its sentence: a definite article ("The
#: 34-year-old", "De 34-jarige", "Der 34 Jahre alte", "Le", "El", "La"), or in French
#: and Spanish one with a role before "de" ("Le coureur de 24 ans").
_OPENS_ON_AGE = re.compile(
    r"\W*(?:the|de|het|der|die|das|le|la|el|l')?\s*"
    # "Le coureur de 24 ans", "El corredor, de 24 años": a role, then the age
    r"|\W*(?:le|la|el|l')\s*\w+,?\s+de\s+",
    re.IGNORECASE,
)


#: An indefinite article opening a sentence right before its age: "A 67-year-old
#: French hiker ...", "Een 67-jarige ...", "Un excursionista de 67 años" is not one.
_INDEFINITE_OPENING = re.compile(r"\W*(?:an?|een|ein|eine|einen)\s+", re.IGNORECASE)


#: A verb of saying between a name and the age after it: the age is of someone the
#: person speaks of ("Ali Yerlikaya said a 9-year-old girl ...", "Yerlikaya sagte, eine
#: Neunjährige ...", "zei dat een 9-jarige", "dijo que una niña de 9 años").
_SAID = re.compile(
    r"\b(?:said|says|told|sagte|sagt|erklärte|zei|zegt|verklaarde|dijo|afirmó|declaró"
    r"|a\s+dit|a\s+déclaré|affirme|сказал|сказала|сообщил|сообщила|заявил|заявила)\b",
    re.IGNORECASE,
)
#: An age belongs to a person named at most this many words from it: "Kovalchuk, a
#: 34-year-old", "34-year-old train driver Oleksandr Kovalchuk". Farther off it
#: describes someone else the sentence speaks of ("a 25-year-old man was killed,
#: Sgt. Lee said"; "der 34 Jahre alte Ukrainer habe alles richtig gemacht, sagte
#: Vossköhler"). Of 0-5 words or no limit, 3 scored best on GVA dev participant
#: ages (0.654, against 0.648 with no limit and 0.652 with 2 or 5).
MAX_AGE_GAP_WORDS = 3
_WORD = re.compile(r"\w+")

#: "as a 17-year-old", "als 17-jarige", "at the age of 12": an age at some other time
#: than the story's, so not a claim about the person's age now. Russian news states
#: the present age so ("Иван Петров в возрасте 34 лет погиб"): "в возрасте" is
#: another time only where it opens the sentence ("В возрасте 12 лет он переехал").
_AGE_AT_OTHER_TIME = re.compile(
    r"(?:\b(?:as an?|at age|at the age of|when (?:he|she|they) was|als|mit|à|a los|de niñ[oa])"
    r"|^\W*в\s+возрасте)\s*$",
    re.IGNORECASE,
)


#: An age written as an adjective before what it describes: "29-year-old", "47-jährige",
#: "29 Jahre alte", "34-jarige", "47-летний".
_ATTRIBUTIVE_AGE = re.compile(r"(?:year-old|jährige\w*|alte[nrs]?|jarige|летн\w+)$", re.IGNORECASE)
#: Words that put a name after an age into another phrase ("a 47-year-old friend of
#: John Doe" is not John Doe's age).
_LINKING_WORDS = frozenset(
    {"of", "for", "with", "from", "von", "für", "mit", "aus", "van", "voor", "met", "uit"}
    | {"de", "des", "du", "del", "pour", "para", "con", "avec", "из", "для", "с", "у", "от"}
)
#: Words an attributive age may stand from the name it describes: a role ("Bergmann
#: Alexej Schurawljow", "wife Huijie"; not "nephew discharged Martinez'").
MAX_ATTRIBUTIVE_GAP_WORDS = 1


def _named_right_after(
    text: str, quantity: Quantity, nearby: Sequence[tuple[int, int, Entity]]
) -> Entity | None:
    """The person an attributive age describes: the one named right after it, past a
    role of one word and nothing else ("der 29 Jahre alte Bergmann Alexej
    Schurawljow", though "Sergej Kowaljow und" stands nearer before it)."""
    if not _ATTRIBUTIVE_AGE.search(quantity.text):
        return None
    after = [m for m in nearby if m[0] >= quantity.end]
    if not after:
        return None
    start, _, person = min(after, key=lambda m: m[0])
    between = text[quantity.end : start]
    words = _WORD.findall(between)
    if _ROLE_THEN_NAME.fullmatch(between) and words[0].lower() in _PEOPLE_WORDS:
        return person  # "Miller's 2-year-old daughter, Heaven Miller, died"
    if (
        len(words) > MAX_ATTRIBUTIVE_GAP_WORDS
        or any(word.lower() in _LINKING_WORDS for word in words)
        or re.search(r"[,.;:()\[\]«»\"“”]", between)
    ):
        return None
    return person


#: One word for a person, then a comma before the name: "2-year-old daughter, Heaven".
_ROLE_THEN_NAME = re.compile(r"\s+[^\W\d_]+,\s*")


#: Things whose age news gives, in each language read: an age before one of them is
#: the thing's ("the 16-year-old aircraft", "das 16 Jahre alte Flugzeug", "het 40-jarige
#: gebouw", "16-летний самолёт"), never a person's.
_AGED_THINGS = frozenset(
    re.findall(
        r"\S+",
        """aircraft plane jet airliner vessel ship ferry boat train bus car truck lorry vehicle
    bridge building house church tower plant reactor dam tree company firm
    vliegtuig toestel schip veerboot boot trein auto vrachtwagen brug gebouw huis kerk
    toren centrale boom bedrijf flugzeug maschine schiff fähre zug lkw brücke gebäude
    haus kirche turm kraftwerk baum unternehmen firma avion appareil navire bateau
    voiture camion pont bâtiment immeuble maison église centrale arbre entreprise avión
    aparato buque barco ferri tren autobús coche camión puente edificio casa iglesia
    torre árbol empresa самолёт самолет судно паром корабль поезд автобус автомобиль
    грузовик мост здание дом церковь башня""",
    )
)


def _ages_a_thing(text: str, quantity: Quantity) -> bool:
    """Whether an attributive age stands before a word for a thing (:data:`_AGED_THINGS`)."""
    return _word_after_attributive_age(text, quantity) in _AGED_THINGS


def _word_after_attributive_age(text: str, quantity: Quantity) -> str | None:
    """The word right after an age written as an adjective ("67-jarige *vrouw*"),
    lower-cased; None for an age told otherwise or with no word after it."""
    if not _ATTRIBUTIVE_AGE.search(quantity.text):
        return None
    following = _NEXT_WORD.match(text, quantity.end)
    return following[1].lower() if following else None


#: A name set beside the age that follows it: "Kovalchuk, a 34-year-old driver",
#: "Vos, een 34-jarige chauffeur".
_APPOSED_ARTICLE = re.compile(
    r"\s*[,(]\s*(?:an?|the|een|de|ein|eine|der|die|un|une|una|le|la|el)?\s*", re.IGNORECASE
)
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _describes_someone_unnamed(text: str, quantity: Quantity, between: str) -> bool:
    """Whether an attributive age after a name describes a person the sentence does not
    name, told by a word for people right after it ("Naast Hoekstra kwamen een
    67-jarige vrouw ... om het leven", "Smith shot a 25-year-old man"); not an age set
    beside the name ("Kovalchuk, a 34-year-old driver")."""
    if _APPOSED_ARTICLE.fullmatch(between):
        return False
    return _word_after_attributive_age(text, quantity) in _PEOPLE_WORDS


def _distance(start: int, end: int, quantity: Quantity) -> int:
    return max(start - quantity.end, quantity.start - end, 0)


#: Nouns a casualty count counts everyone by, in our languages (folded as
#: :func:`noun_key` folds them): a count by any other noun counts one group of the
#: toll ("two bailiffs", "drei Polizisten").
EVERYONE_NOUNS = frozenset(
    {"", "people", "persons", "person", "individuals", "victims", "victim", "dead", "injured",
     "wounded", "others", "menschen", "personen", "tote", "toten", "opfer", "verletzte",
     "mensen", "doden", "slachtoffers", "gewonden", "personas", "muertos", "victimas",
     "heridos", "personnes", "morts", "victimes", "blesses", "chelovek", "liudei", "lyudei",
     "pogibshikh", "zhertv", "ranenykh"}
)  # fmt: skip


def _names_a_group(slot: str | None, quantity: Quantity) -> bool:
    """Whether a count of a casualty slot counts one named group ("two bailiffs")."""
    return (
        slot is not None
        and not slot.startswith("age:")
        and quantity.kind == "count"
        and noun_key(quantity.noun) not in EVERYONE_NOUNS
    )


def _quantity_reading(quantity: Quantity, part: bool = False) -> Reading:
    low, high = quantity.low, quantity.high
    unit = quantity.unit or quantity.noun or ""
    if quantity.normalized_low is not None and quantity.normalized_high is not None:
        low, high = quantity.normalized_low, quantity.normalized_high
        unit = quantity.normalized_unit or unit
    shown, shown_unit = _shown(low, high, unit)
    converted = quantity.unit not in (quantity.normalized_unit, shown_unit.removesuffix("s"))
    if quantity.normalized_unit and quantity.unit and converted:
        shown = f"{quantity.text.strip()} = {shown}"
    if quantity.bound is not None:
        shown = f"{BOUND_WORDS[quantity.bound]} {shown}"
    reading = quantity_reading(
        quantity.article,
        low,
        high,
        quantity.low,
        quantity.approximate,
        shown,
        quantity.bound,
        exact=quantity.kind == "age",  # a person's age is told in whole years, not rounded
    )
    return replace(reading, part=True) if part else reading


#: Durations are compared in seconds but shown in the largest unit that fits twice
#: or a whole number of times ("30 hours", "1 day", "2.5 days", "2 months", "3 weeks").
_DURATION_UNITS = (
    ("years", 31_557_600.0),
    ("months", 2_629_800.0),
    ("weeks", 604_800.0),
    ("days", 86_400.0),
    ("hours", 3_600.0),
    ("minutes", 60.0),
)
_PLURAL_DURATIONS = frozenset(name for name, _ in _DURATION_UNITS)


#: A length or mass under one of its base unit is shown in the smaller unit (a height
#: of "5 feet 10 inches = 1.8 m", not "0.00178 km"), and an age under two years in
#: months ("10 months", not "0.833 years"): unit -> (smaller unit, factor, below).
_SMALLER_UNITS = {
    "kilometer": ("meter", 1000.0, 1.0),
    "meter": ("millimeter", 1000.0, 1.0),  # rain: "60 mm", not "0.1 m"
    "kilogram": ("gram", 1000.0, 1.0),
    "year": ("month", 12.0, 2.0),
}


def _shown(low: float, high: float, unit: str) -> tuple[str, str]:
    """A value as a reader is shown it ("1.8 m", "10 months", "225.3 km"), and the unit
    it is shown in."""
    shown_low, shown_high, shown_unit = _readable(low, high, unit)
    if unit == "second" and low == high and _lost_in_rounding(low, shown_low, shown_unit):
        return _in_parts(low), "second"  # a race time: "2 h 0 min 35 s", not "2 hours"
    if shown_low == shown_high == 1 and shown_unit in _PLURAL_DURATIONS:
        shown_unit = shown_unit.removesuffix("s")  # "1 day", not "1 days"
        return format_value(shown_low, shown_high, shown_unit), shown_unit  # nor "1 years"
    if shown_unit == "magnitude":
        return f"magnitude {format_value(shown_low, shown_high, '')}", shown_unit
    return format_value(shown_low, shown_high, UNIT_SYMBOLS.get(shown_unit, shown_unit)), shown_unit


def shown_duration(seconds: float) -> str:
    """How a duration in seconds is shown ("36 hours", "2 h 0 min 35 s")."""
    return _shown(seconds, seconds, "second")[0]


def _lost_in_rounding(seconds: float, shown: float, shown_unit: str) -> bool:
    """Whether a duration shown in a larger unit drops some of its seconds (7,235 s as
    "2 hours")."""
    size = dict(_DURATION_UNITS).get(shown_unit)
    return size is not None and not math.isclose(shown * size, seconds)


def _in_parts(seconds: float) -> str:
    """A duration under a few days in hours, minutes and seconds: "2 h 0 min 35 s"."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(hours, "h"), (minutes, "min"), (secs, "s")]
    first = next(i for i, (value, _) in enumerate(parts) if value or i == 2)
    last = max(i for i, (value, _) in enumerate(parts) if value or i == first)
    return " ".join(f"{value} {symbol}" for value, symbol in parts[first : last + 1])


def _readable(low: float, high: float, unit: str) -> tuple[float, float, str]:
    smaller = _SMALLER_UNITS.get(unit)
    if smaller is not None and 0 < max(abs(low), abs(high)) < smaller[2]:
        name, factor, _ = smaller
        while (smaller := _SMALLER_UNITS.get(name)) and max(abs(low), abs(high)) * factor < 1:
            name, factor = smaller[0], factor * smaller[1]  # 60 mm of rain, in km
        return round(low * factor, 1), round(high * factor, 1), name
    if unit != "second":
        return low, high, unit
    for name, size in _DURATION_UNITS:
        # two or more of the unit, or a whole number of it: "30 hours", not "1.2 days"
        if abs(low) >= 2 * size or (abs(low) >= size and low % size == 0):
            return round(low / size, 1), round(high / size, 1), name
    return low, high, unit


def _quantity_attributes(quantity: Quantity) -> dict[str, object]:
    value: object = quantity.low if quantity.low == quantity.high else [quantity.low, quantity.high]
    normalized: object = None
    if quantity.normalized_low is not None:
        low, high = quantity.normalized_low, quantity.normalized_high
        unit = quantity.normalized_unit or ""
        shown, shown_unit = _shown(low, low if high is None else high, unit)
        normalized = {
            "value": low if low == high else [low, high],
            "unit": quantity.normalized_unit,
            # what a reader is shown: "km" rather than pint's "kilometer", and a small
            # length, mass or age in its smaller unit ("1.8 m", "10 months")
            "symbol": UNIT_SYMBOLS.get(unit, quantity.normalized_unit),
            "shown": shown,
            "shown_unit": shown_unit,
        }
    return {
        "value": value,
        "unit": quantity.unit,
        "normalized": normalized,
        "quantity_kind": quantity.kind,
        "approximate": quantity.approximate,
        **({"bound": quantity.bound} if quantity.bound else {}),
    }


def date_items(expressions: Sequence[TimeExpression], sentences: Sentences) -> list[ClaimItem]:
    """Claim items for the dates an article states or implies (with a known value),
    including the day of a time that names one ("dinsdagochtend", "4.47am on
    Tuesday"): sources that give the hour state the day as surely. A time that names
    no day ("4.47am", "in the evening") states none: the stage read it on the
    publication day, which may not be the day the article means."""
    items = []
    for expression in expressions:
        index = sentences.index_at(expression.start)
        dated = expression.kind == "date" or (
            expression.kind == "time" and not expression.day_from_anchor
        )
        bounds = date_bounds(expression.value) if dated else None
        if bounds is not None and expression.part is not None:
            bounds = part_of_month(*bounds, expression.part)
        if index is not None and expression.kind == "date" and expression.calendar:
            yearless = _yearless_item(expression, index)
            # A dated article's "in maart" also says just "March", for undated ones.
            twin = expression.date is not None
            items += [replace(item, yearless_twin=twin) for item in yearless]
        if index is None or bounds is None or expression.date is None:
            continue
        claim = _claim(expression.article, expression.start, expression.end, expression.text)
        claim.attributes.update(
            {"date": expression.date, "precision": expression.precision, "value": expression.value}
        )
        if expression.part is not None:  # "mid-June": the period starts on June 11
            claim.attributes.update({"part": expression.part, "date": bounds[0].isoformat()})
        display = _date_display(expression.text.strip(), readable_timex(expression.value))
        items.append(
            ClaimItem(
                claim=claim,
                sentence=index,
                kind="date",
                dimension="date",
                reading=date_reading(
                    expression.article,
                    bounds[0],
                    bounds[1],
                    display,
                    # "in der Nacht zum Donnerstag" (Wednesday night) reaches into the
                    # small hours of Thursday: "early on Thursday" tells the same night
                    reach=1 if (expression.value or "").endswith("TNI") else 0,
                ),
            )
        )
    return items


#: TIMEX3's parts of the day and seasons, in words for the one-line verdicts.
_TIMEX_WORDS = {
    "MO": "morning",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
    "SP": "spring",
    "SU": "summer",
    "FA": "autumn",
    "WI": "winter",
}
_TIMEX_PART = re.compile(r"(?P<date>\d{4}-\d\d-\d\d)T(?P<part>MO|AF|EV|NI|DT)")
_TIMEX_SEASON = re.compile(r"(?P<year>\d{4})-(?P<season>SP|SU|FA|WI)")


def readable_timex(value: str | None) -> str:
    """A TIMEX3 value as a reader can take it in: "2025-10-14 morning" for
    ``2025-10-14TMO``, "summer 2025" for ``2025-SU``; others as they are."""
    text = value or ""
    if part := _TIMEX_PART.fullmatch(text):
        return f"{part['date']} {_TIMEX_WORDS[part['part']]}"
    if season := _TIMEX_SEASON.fullmatch(text):
        return f"{_TIMEX_WORDS[season['season']]} {season['year']}"
    return text


def _date_display(words: str, value: str) -> str:
    """ "June 17 (2025-06-17)"; "2023" alone where its value reads the same."""
    return words if words.casefold() == value.casefold() else f"{words} ({value})"


def _yearless_item(expression: TimeExpression, index: int) -> list[ClaimItem]:
    """The claim of a month, or a month and day, that an undated article states ("in
    June", "on June 17"): comparable with other sources' months and days, on a year
    of their own, since none of them gives one."""
    found = _YEARLESS.fullmatch(expression.calendar or "")
    if found is None:
        return []
    month, day = int(found["month"]), found["day"]
    days = calendar.monthrange(YEARLESS_YEAR, month)[1]
    first = date(YEARLESS_YEAR, month, int(day) if day else 1)
    last = first if day else date(YEARLESS_YEAR, month, days)
    if expression.part is not None and not day:
        first, last = part_of_month(first, last, expression.part)
    claim = _claim(expression.article, expression.start, expression.end, expression.text)
    precision = "day" if day else "month"
    claim.attributes.update({"date": None, "precision": precision, "value": expression.calendar})
    if expression.part is not None and not day:
        claim.attributes["part"] = expression.part
    reading = date_reading(expression.article, first, last, expression.text.strip())
    return [ClaimItem(claim, index, "date", YEARLESS, reading)]


#: The dimension of month-and-day claims without a year.
YEARLESS = "date:yearless"
#: A month, or a month and day, with no year: ``XXXX-06``, ``XXXX-06-17``.
_YEARLESS = re.compile(r"XXXX-(?P<month>\d\d)(?:-(?P<day>\d\d))?")
#: The (leap) year yearless dates are laid out on to compare them: February 29 exists.
YEARLESS_YEAR = 2000


def time_items(
    expressions: Sequence[TimeExpression], sentences: Sentences, text: str
) -> list[ClaimItem]:
    """Claim items for the times of day an article states ("4.47am", "04.47 uur",
    "gegen 4.45 Uhr"), day or no day: sources that give the minute of the event agree
    or disagree on it whatever day each reads it on. A time on the hour or a quarter
    is taken as rounded, a hedge ("around", "gegen", "около") widens it, and "shortly
    before" reaches a quarter of an hour back (see :func:`_clock_interval`); a time told
    by another zone's clock is no claim."""
    items = []
    last_clock_end = -1
    previous_claimed = True
    for expression in sorted(expressions, key=lambda e: e.start):
        index = sentences.index_at(expression.start)
        clock = _CLOCK_TIME.fullmatch(expression.clock or "")
        if index is None or clock is None:
            continue
        previous, last_clock_end = last_clock_end, expression.end
        restated = previous >= 0 and _RESTATED_TIME.fullmatch(text[previous : expression.start])
        if restated and previous_claimed:
            continue
        previous_claimed = not (
            _IN_ANOTHER_ZONE.search(expression.text) or _IN_ANOTHER_ZONE.match(text, expression.end)
        )
        if not previous_claimed:
            continue  # "18.40 Uhr deutscher Zeit": the reader's clock, not the scene's; a
            # local time in brackets after it is the claim ("20:42 по московскому времени
            # (19:42 по местному)")
        minute = int(clock[1]) * 60 + int(clock[2])
        sentence_start = sentences.spans[index][0]
        low, high = _clock_interval(minute, text[sentence_start : expression.start])
        shown = f"{minute // 60:02d}:{minute % 60:02d}"
        claim = _claim(expression.article, expression.start, expression.end, expression.text)
        claim.attributes["time"] = shown
        reading = Reading(
            article=expression.article,
            stated_low=minute,
            stated_high=minute,
            low=low,
            high=high,
            display=f"{expression.text.strip()} ({shown})",
            kind="time",
        )
        items.append(
            ClaimItem(claim=claim, sentence=index, kind="time", dimension="time", reading=reading)
        )
    return items


_CLOCK_TIME = re.compile(r"T(\d{2}):(\d{2})")
#: What lies between a clock time and the same time told again in brackets in
#: another zone ("7:40 a.m. local time (04:40 GMT)", "7 h 40 heure locale (5 h 40 à
#: Paris)", "10:45 по местному времени (12:45 по московскому)"): a restatement, no claim.
_RESTATED_TIME = re.compile(r"[^()\n.;]{0,40}\(\s*(?:[^\W\d_]+\s+){0,2}")
#: A zone named after a clock time that is not the scene's own: the time as the
#: reader's country or a capital's clock tells it ("gegen 18.40 Uhr deutscher Zeit",
#: "kwart voor zeven 's avonds Nederlandse tijd", "10 h 52, heure de Moscou", "5.42pm
#: GMT"). Such a time cannot be set against another source's local time, so it is no
#: claim ("local time", "Ortszeit", "heure locale" are the scene's).
_IN_ANOTHER_ZONE = re.compile(
    r"(?:,?\s*(?:\b(?:GMT|UTC|CET|CEST|EET|EEST|MSK|MEZ|MESZ|BST)\b|мск\b"
    r"|\b(?:Moscow|Paris|Berlin|London|Brussels|Madrid|Dutch|German|French|Spanish|Belgian"
    r"|British|Central European|Eastern European) time\b"
    r"|\b(?:deutscher|Moskauer|Pariser|mitteleuropäischer|niederländischer|belgischer) Zeit\b"
    r"|\b(?:Nederlandse|Belgische|Duitse|Moskouse|Franse) tijd\b"
    r"|\bheure (?:de Paris|de Moscou|de Bruxelles|française|de France|belge)\b"
    r"|\bhora (?:peninsular|española|de Moscú|de Madrid|de París)\b"
    r"|по московскому(?:\s+времени)?|по москве))",
    re.IGNORECASE,
)
#: Minutes either side a time on the hour ("5 a.m.") may be off, and how far before or
#: after one "shortly before" or "shortly after" reaches.
CLOCK_SLACK = 15
#: Minutes either side a time on a quarter ("11.15pm", "half past four") may be off,
#: and what a hedge ("around", "gegen", "vers") adds: "hacia las 23.15" and "gegen 23.45
#: Uhr" are half an hour apart, and conflict.
QUARTER_SLACK = 7
HEDGE_SLACK = 7
_BEFORE_TIME = re.compile(
    r"\b(?:shortly|just) before\s*$|\bkurz vor\s*$|\bvlak voor\s*$|незадолго до\s*$",
    re.IGNORECASE,
)
_AFTER_TIME = re.compile(
    r"\b(?:shortly|just) after\s*$|\bkurz nach\s*$|\bkort na\s*$|вскоре после\s*$",
    re.IGNORECASE,
)
_AROUND_TIME = re.compile(
    r"(?:\b(?:around|about|approximately|roughly|some|gegen|etwa|rund|circa|ca\.|omstreeks"
    r"|rond|ongeveer|vers|hacia|sobre)|(?<!\w)(?:около|примерно|приблизительно))"
    r"(?:\s+(?:at|um|om|à|a las|в))?\s*$",
    re.IGNORECASE,
)


def _clock_interval(minute: int, before: str) -> tuple[float, float]:
    """The minutes of the day a stated time may stand for, given the words before it."""
    if _BEFORE_TIME.search(before):
        return minute - CLOCK_SLACK, minute
    if _AFTER_TIME.search(before):
        return minute, minute + CLOCK_SLACK
    slack = HEDGE_SLACK if _AROUND_TIME.search(before) else 0
    if minute % 60 == 0:
        slack += CLOCK_SLACK  # "5 a.m.": rounded
    elif minute % 15 == 0:
        slack += QUARTER_SLACK  # "half past four", "23.15": rounded to a quarter
    elif minute % 5 == 0:
        slack += 2
    return minute - slack, minute + slack


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")


#: The days of a month each third covers: "early June" is June 1-10, "mid-June"
#: 11-20, "late June" 21 to the end.
_PART_DAYS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, None),
}


def part_of_month(first: date, last: date, part: str) -> tuple[date, date]:
    """The days of the third ``part`` of the month ``first``..``last`` (a month's
    bounds; other spans are returned as they are)."""
    if first.day != 1 or (first.year, first.month) != (last.year, last.month):
        return first, last
    start, end = _PART_DAYS[part]
    return first.replace(day=start), last if end is None else first.replace(day=end)


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day a TIMEX3 date value covers, or None for other values."""
    if not value:
        return None
    try:
        return _bounds(value)
    except ValueError:
        return None


def _bounds(value: str) -> tuple[date, date] | None:
    if match := _DAY.match(value):
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match := _YEAR.match(value):
        return date(int(match[1]), 1, 1), date(int(match[1]), 12, 31)
    if match := _WEEK.match(value):
        first = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return first, date.fromisocalendar(int(match[1]), int(match[2]), 7)
    if match := _SEASON.match(value):
        year = int(match[1])
        first_month, last_month = _SEASONS[match[2]]
        last_year = year + (last_month - 1) // 12
        last_month = (last_month - 1) % 12 + 1
        return date(year, first_month, 1), date(
            last_year, last_month, calendar.monthrange(last_year, last_month)[1]
        )
    return None


def _claim(article: str, start: int, end: int, text: str) -> Claim:
    return Claim(article=article, start=start, end=end, text=text)

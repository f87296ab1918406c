"""Facts: claims of several sources about one thing, grouped, with a verdict.

Grouping follows what an editor checks. Claims that fill the same slot (the age of
one person, the number killed) are about the same thing whatever their sentences
say. Other claims of one dimension (two lengths, two sums of money, two dates) are
about the same thing when their sentences say the same: a pair of claims from
different articles is linked when its sentence similarity reaches
``ReconcileParams.same_thing`` and the values are compatible, or the stricter
``ReconcileParams.conflict`` when they are not, so that two unrelated numbers in
loosely similar sentences are not reported as a conflict. A compatible pair whose
sentences are worded apart is still linked when its values agree too specifically
to be chance (:mod:`.coincidence`): 225 km against 227 km, not 3 against 3.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from corroborate.model import Claim, Fact
from corroborate.reconcile.claims import ClaimItem, date_bounds
from corroborate.reconcile.coincidence import ValueReference, shipped_reference
from corroborate.reconcile.compare import Reading, overlap, quantity_reading, verdict
from corroborate.reconcile.implicit import REFERRED_VICTIM
from corroborate.reconcile.similarity import SentenceSimilarity
from corroborate.reconcile.suicides import (
    SELF_AFTER_MURDER,
    SELF_AFTER_OTHERS,
    SELF_ALONE,
    SELF_INFLICTED,
)

#: Statuses in the order a reader wants them: disagreements first.
STATUS_ORDER = {"conflicting": 0, "refined": 1, "agreed": 2, "single_source": 3}


@dataclass(frozen=True)
class GroupingParams:
    """Sentence-similarity cut-offs for claims without a slot.

    Priors set by reading multilingual USE cosines of translated sentence pairs
    (about 0.6-0.8) against unrelated sentences of one story (0.2-0.45); not tuned on
    any evaluation data. The lexical fallback (no encoder) uses Jaccard overlap,
    whose scale is lower.
    """

    same_thing: float = 0.5
    conflict: float = 0.7
    #: The cut-off for two agreeing values of a measure a story states few of (a
    #: length, a speed, a sum; not a count, age, duration or percentage): "19 km"
    #: in two sources is as a rule the one distance, so sentences worded as far
    #: apart as an unrelated pair at its most alike (0.45) still link.
    same_measure: float = 0.4
    #: Added to the sentence similarity of two claims with the same noun ("300
    #: passengers" and "300 passengers").
    same_noun_bonus: float = 0.1
    #: The cut-off for two agreeing figures whose sentences also state another pair
    #: of equal figures ("reopen on Thursday, two days after the crash" and "в четверг
    #: — через два дня после аварии": the day anchors the two days, and the two days
    #: the day). Such long sentences, worded apart, score as low as 0.4 across
    #: languages; the second shared figure is the evidence the score lacks.
    anchored: float = 0.4
    same_thing_lexical: float = 0.3
    conflict_lexical: float = 0.5
    #: The cut-off for two dates that lie ahead of their articles' publication and
    #: agree or one refines the other ("à la mi-juin" and "June 17" in reports of
    #: June 12): a story looks ahead to few happenings, the next meeting, a verdict, so
    #: two sources' days to come that fit together are as a rule the same one, though
    #: worded as far apart as unrelated sentences (0.37 across languages for that pair).
    ahead: float = 0.3
    #: The cut-off for two days (or times of day) that agree or one refines the other
    #: when each sentence also tells a count of the same casualty or outcome slot
    #: ("Bij het ongeluk, vroeg in de ochtend van dinsdag 14 oktober, raakten veertien
    #: mensen gewond" and "came off the tracks early on Tuesday ..., injuring 14
    #: people"): both tell the toll of one happening, so their day is its day, however
    #: else the sentences run (an injury report against a derailment report, 0.31).
    #: The same floor as days ahead, for the same kind of outside evidence.
    same_toll: float = 0.3
    #: Family-wise error rate of the coincidence test: over all compatible pairs of
    #: one dimension in a story (Bonferroni), the chance that any pair of unrelated
    #: claims is linked because its values happen to agree. The conventional 5%.
    coincidence_alpha: float = 0.05
    #: The least sentence similarity (cross-lingual encoder) of a pair the coincidence
    #: test may link: the bottom of the range of unrelated sentences of one story
    #: (0.2, see above). Below it two sentences share nothing but the figure, and a
    #: reference of local news counts judges a big count rare where other news
    #: states many: a French report's "1 017 décès" in Germany had agreed with a
    #: German one's "1000 Infektionen pro Tag?" (0.14). The lexical fallback has none.
    coincidence_floor: float = 0.2


class _Sets:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def group_claims(
    items: Sequence[ClaimItem],
    similarity: SentenceSimilarity,
    params: GroupingParams,
    reference: ValueReference | None = None,
    published: Mapping[str, str | None] | None = None,
) -> list[list[ClaimItem]]:
    """Partition claim items into the things they are about. ``reference`` says how
    common values are (default: the shipped one); ``published`` gives each article's
    publication date (ISO), which says which dates lie ahead of it."""
    reference = reference or shipped_reference()
    ahead = _days_ahead(items, published or {})
    sets = _Sets(len(items))
    by_slot: dict[tuple[str, str], list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.slot:
            by_slot[(item.slot, item.dimension)].append(i)
        else:
            loose[item.dimension].append(i)
    for members in by_slot.values():
        for i in members[1:]:
            sets.union(members[0], i)
    anchors = _sentence_figures(items)
    tolls = _sentence_tolls(items)
    for members in loose.values():
        _link_loose(items, members, similarity, sets, params, reference, anchors, ahead, tolls)
    groups: dict[int, list[ClaimItem]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[sets.find(i)].append(item)
    return list(groups.values())


def _link_loose(
    items: Sequence[ClaimItem],
    members: list[int],
    similarity: SentenceSimilarity,
    sets: _Sets,
    params: GroupingParams,
    reference: ValueReference,
    anchors: Mapping[tuple[str, int], list[int]],
    ahead: set[int],
    tolls: Mapping[tuple[str, int], frozenset[str]],
) -> None:
    """Link the best pairs first; a fact never takes two claims of one article, so
    "three firefighters and 13 residents" pairs 3 with 3 and 13 with 13 across a
    translation instead of merging all four numbers."""
    agree_cut, conflict_cut = (
        (params.same_thing, params.conflict)
        if similarity.cross_lingual
        else (params.same_thing_lexical, params.conflict_lexical)
    )
    if _one_measure_each(items, members):
        conflict_cut = agree_cut
    if similarity.cross_lingual and items[members[0]].measure not in _COMMON_KINDS:
        agree_cut = min(agree_cut, params.same_measure)
    scored = [
        (*_pair_score(items[i], items[j], similarity, params), i, j)
        for i, j in _cross_article_pairs(items, members)
    ]
    compatible_pairs = sum(1 for compatible, *_ in scored if compatible)
    odd = _odd_ones_out(items, members, similarity, agree_cut)
    pairs = [
        (compatible, score, i, j)
        for compatible, score, i, j in scored
        if score >= (agree_cut if compatible else conflict_cut)
        or (i, j) in odd
        or (
            compatible
            and similarity.cross_lingual
            and score >= params.anchored
            and _anchored(items, i, j, anchors)
        )
        or (
            compatible
            and (score >= params.coincidence_floor or not similarity.cross_lingual)
            and _coincide(
                items[i], items[j], reference, params.coincidence_alpha / compatible_pairs
            )
        )
        or (compatible and i in ahead and j in ahead and score >= params.ahead)
        or (compatible and score >= params.same_toll and _same_toll(items, i, j, tolls))
    ]
    articles = {i: {items[i].claim.article} for i in members}
    # of pairs alike in sentence, ranges with ranges first: "Fünf Männer im Alter von 31
    # bis 52 Jahren ..., darunter ein 34 Jahre alter Hafenarbeiter" pairs its range with
    # "aged between 31 and 52", not its 34
    ranked = sorted(pairs, key=lambda p: (p[0], p[1], _same_shape(items[p[2]], items[p[3]])))
    for _, _, i, j in reversed(ranked):
        root_i, root_j = sets.find(i), sets.find(j)
        if root_i == root_j or articles[root_i] & articles[root_j]:
            continue
        sets.union(i, j)
        articles[sets.find(j)] = articles[root_i] | articles[root_j]


def _days_ahead(items: Sequence[ClaimItem], published: Mapping[str, str | None]) -> set[int]:
    """The date claims whose last day lies after their article's publication day."""
    found: set[int] = set()
    for i, item in enumerate(items):
        day = _iso_day(published.get(item.claim.article))
        if item.reading.kind == "date" and day is not None and item.reading.stated_high > day:
            found.add(i)
    return found


def _iso_day(value: str | None) -> int | None:
    """An ISO date's day number (``date.toordinal``), None when missing or invalid."""
    bounds = date_bounds(value[:10]) if value else None
    return bounds[0].toordinal() if bounds else None


def _sentence_figures(items: Sequence[ClaimItem]) -> dict[tuple[str, int], list[int]]:
    """The stated figures (not implied by a phrase) of each (article, sentence)."""
    found: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if not item.implied:
            found[(item.claim.article, item.sentence)].append(i)
    return found


def _sentence_tolls(items: Sequence[ClaimItem]) -> dict[tuple[str, int], frozenset[str]]:
    """The casualty and outcome slots ("injured", "evacuated"; not a person's age)
    whose counts each (article, sentence) tells."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for item in items:
        if item.slot and not item.slot.startswith("age:"):
            found[(item.claim.article, item.sentence)].add(item.slot)
    return {key: frozenset(slots) for key, slots in found.items()}


def _same_toll(
    items: Sequence[ClaimItem], i: int, j: int, tolls: Mapping[tuple[str, int], frozenset[str]]
) -> bool:
    """Whether claims ``i`` and ``j`` are days or times of day whose sentences both
    tell a count of one slot (see :attr:`GroupingParams.same_toll`)."""
    first, second = items[i], items[j]
    if first.kind not in _WHEN_KINDS or second.kind not in _WHEN_KINDS:
        return False
    shared = tolls.get((first.claim.article, first.sentence), frozenset())
    return bool(shared & tolls.get((second.claim.article, second.sentence), frozenset()))


#: The claim kinds that say when something happened.
_WHEN_KINDS = frozenset({"date", "time"})


def _anchored(
    items: Sequence[ClaimItem], i: int, j: int, anchors: Mapping[tuple[str, int], list[int]]
) -> bool:
    """Whether the sentences of claims ``i`` and ``j`` state another pair of equal
    figures of one dimension (see :attr:`GroupingParams.anchored`)."""
    first = anchors.get((items[i].claim.article, items[i].sentence), [])
    second = anchors.get((items[j].claim.article, items[j].sentence), [])
    return any(
        k != i
        and m != j
        and items[k].dimension == items[m].dimension
        and _equal(items[k], items[m])
        for k in first
        for m in second
    )


def _odd_ones_out(
    items: Sequence[ClaimItem], members: list[int], similarity: SentenceSimilarity, cut: float
) -> set[tuple[int, int]]:
    """Pairs of figures that differ where two sources say the same sentence: when
    the sentences are alike and every other figure of the one is matched by an equal
    figure of the other, the one figure left on each side is about the same thing
    ("of the 32 wagons seven derailed; two tank wagons leaked" against "из 32
    вагонов сошли девять, две цистерны дали течь": 7 against 9). Figures that name
    different nouns are not paired."""
    found: set[tuple[int, int]] = set()
    for (first, a), (second, b) in _sentence_pairs_across_articles(items, members):
        if similarity(first, second) < cut:
            continue
        left_a, left_b, matched = _unmatched(items, a, b)
        if matched and len(left_a) == len(left_b) == 1:
            i, j = left_a[0], left_b[0]
            nouns = {items[i].noun, items[j].noun} - {None}
            if len(nouns) <= 1 and not _compatible(items[i], items[j]):
                found.add((i, j) if i < j else (j, i))
    return found


SentenceFigures = tuple[tuple[str, int], list[int]]


def _sentence_pairs_across_articles(
    items: Sequence[ClaimItem], members: list[int]
) -> Iterator[tuple[SentenceFigures, SentenceFigures]]:
    """Every pair of sentences of two different articles, each with its figures among
    ``members``. Pairs are formed article by article: a long article's own sentences
    are never paired (a 5 MB page of 24,000 sentences had made this a 288-million-pair
    loop)."""
    by_article: dict[str, dict[tuple[str, int], list[int]]] = defaultdict(dict)
    for i in members:
        key = (items[i].claim.article, items[i].sentence)
        by_article[key[0]].setdefault(key, []).append(i)
    for first, second in itertools.combinations(by_article.values(), 2):
        yield from itertools.product(first.items(), second.items())


def _unmatched(
    items: Sequence[ClaimItem], first: list[int], second: list[int]
) -> tuple[list[int], list[int], int]:
    """The figures of two sentences left once equal ones are paired off, and how
    many pairs there were."""
    left = list(second)
    unmatched: list[int] = []
    for i in first:
        partner = next((j for j in left if _equal(items[i], items[j])), None)
        if partner is None:
            unmatched.append(i)
        else:
            left.remove(partner)
    return unmatched, left, len(first) - len(unmatched)


def _same_shape(a: ClaimItem, b: ClaimItem) -> bool:
    """Whether both figures are ranges, or neither is."""
    return a.reading.is_range == b.reading.is_range


def _equal(a: ClaimItem, b: ClaimItem) -> bool:
    return (a.reading.low, a.reading.high) == (b.reading.low, b.reading.high)


#: Kinds of figure a story gives many of, each about its own thing ("three
#: firefighters", "two days later", "21-year-old", "40%"): only these keep the
#: stricter conflict cut-off when every source states one value.
_COMMON_KINDS = frozenset({"count", "age", "duration", "percent"})


def _one_measure_each(items: Sequence[ClaimItem], members: list[int]) -> bool:
    """True for a measure (a speed, a length, a sum) of which no source states two
    different values: then the sources' figures are most likely about one thing, the
    train's speed, and a pair worded apart ("was travelling at around 60 mph when it
    entered the bend" against "was moving at roughly 50 mph, a spokesman said") is
    linked as a conflict at the cut-off that links an agreement. A source that states
    two (a speed and the limit, a distance and a radius) keeps the stricter cut-off
    for the whole dimension. A restatement in other units ("50 mph (80 km/h)") is one
    value, as the two readings overlap."""
    if items[members[0]].measure in _COMMON_KINDS:
        return False
    by_article: dict[str, list[ClaimItem]] = defaultdict(list)
    for i in members:
        by_article[items[i].claim.article].append(items[i])
    return len(by_article) > 1 and all(
        _compatible(a, b)
        for stated in by_article.values()
        for a, b in itertools.combinations(stated, 2)
    )


def _compatible(a: ClaimItem, b: ClaimItem) -> bool:
    return overlap(a.reading, b.reading)


def _pair_score(
    a: ClaimItem, b: ClaimItem, similarity: SentenceSimilarity, params: GroupingParams
) -> tuple[bool, float]:
    """Whether two claims' values are compatible, and how alike their sentences are."""
    score = similarity((a.claim.article, a.sentence), (b.claim.article, b.sentence))
    if a.noun and a.noun == b.noun:
        score += params.same_noun_bonus
    return _compatible(a, b), score


def _coincide(a: ClaimItem, b: ClaimItem, reference: ValueReference, level: float) -> bool:
    """True when two compatible values agree too specifically to be chance."""
    low, high = min(a.reading.low, b.reading.low), max(a.reading.high, b.reading.high)
    return reference.chance(a.dimension, low, high) <= level


def _cross_article_pairs(
    items: Sequence[ClaimItem], members: list[int]
) -> Iterator[tuple[int, int]]:
    """Every pair of members from two different articles, lower index first. Walks
    article pairs, so one long article with thousands of claims costs nothing alone."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i in members:
        by_article[items[i].claim.article].append(i)
    for first, second in itertools.combinations(by_article.values(), 2):
        for i in first:
            for j in second:
                yield (i, j) if i < j else (j, i)


#: What stands between a figure and its restatement in other units: "50 mph (80
#: km/h)", "$9.3 million (8 million euros)", "19 kilometers [12 miles]".
_RESTATED = re.compile(r"\s*[(\[]\s*")


def restatements(
    items: Sequence[ClaimItem], texts: Mapping[str, str]
) -> list[tuple[ClaimItem, ClaimItem]]:
    """Pairs of a measured figure and its restatement in brackets right after it,
    in the article texts ``texts`` (by article id)."""
    measured: dict[str, list[ClaimItem]] = defaultdict(list)
    for item in items:
        if item.kind == "quantity" and not item.implied and item.measure not in ("count", "age"):
            measured[item.claim.article].append(item)
    pairs = []
    for article, stated in measured.items():
        stated.sort(key=lambda item: item.claim.start)
        for first, second in itertools.pairwise(stated):
            between = texts[article][first.claim.end : second.claim.start]
            if first.measure == second.measure and _RESTATED.fullmatch(between):
                pairs.append((first, second))
    return pairs


def without_restatements(
    groups: Sequence[list[ClaimItem]], pairs: Sequence[tuple[ClaimItem, ClaimItem]]
) -> list[list[ClaimItem]]:
    """The groups less those that only repeat one source's figure in other units.
    A fact takes one claim per source, so of "50 mph (80 km/h)" one form joins the
    other sources' 80 km/h and the other would stand alone as "only Continental
    Wire says 50 mph": that lone group goes. When both forms stand alone, the
    first-written one stays."""
    group_of = {id(item): n for n, group in enumerate(groups) for item in group}
    dropped: set[int] = set()
    for first, second in pairs:
        a, b = group_of[id(first)], group_of[id(second)]
        if len(groups[a]) == 1 and len(groups[b]) > 1:
            dropped.add(a)
        elif len(groups[b]) == 1:
            dropped.add(b)
    return [group for n, group in enumerate(groups) if n not in dropped]


def make_fact(
    kind: str, label: str, group: Sequence[ClaimItem], outlets: Mapping[str, str]
) -> Fact:
    """A fact from one group of claim items, with its verdict."""
    ordered = sorted(group, key=lambda item: (item.claim.article, item.claim.start))
    judged = verdict(article_readings(ordered), dict(outlets))
    return Fact(
        id=fact_id([item.claim for item in ordered]),
        kind=kind,
        label=label,
        status=judged.status,
        claims=[item.claim for item in ordered],
        explanation=judged.explanation,
    )


def fact_id(claims: Sequence[Claim]) -> str:
    """A fact's id: a digest of where its claims stand, stable across runs."""
    spans = "|".join(f"{c.article}:{c.start}:{c.end}" for c in claims)
    return f"f-{hashlib.sha1(spans.encode()).hexdigest()[:12]}"


def article_readings(group: Sequence[ClaimItem]) -> list[Reading]:
    """The readings a verdict compares: stated numbers as they are; where an article
    states none, one reading of the people its phrases imply (see :func:`implied_count`)."""
    readings = [item.reading for item in group if not item.implied]
    stated = {item.claim.article for item in group if not item.implied}
    implied: dict[str, list[Claim]] = defaultdict(list)
    for item in group:
        if item.implied and item.claim.article not in stated:
            implied[item.claim.article].append(item.claim)
    for article, claims in implied.items():
        count = implied_count(claims)
        readings.append(quantity_reading(article, count, count, count, False, f"{count} (implied)"))
    return readings


def implied_count(claims: Sequence[Claim]) -> int:
    """People one article's phrases imply: the distinct named people, and at least as
    many as one unnamed phrase speaks of ("a man was killed": one, "a man and his son
    were found dead": two) or one for references back ("he died").
    Unnamed first mentions are not added up: news repeats them (headline, lead, a
    later "a 17-year-old was fatally shot") far more often than it introduces a second
    unnamed person with the same fate (on GVA dev, adding them up counted 1.7 points
    fewer incidents right), and an unnamed person is often the one named later.
    A shooter who died by their own hand after shooting others is one more (see
    :func:`corroborate.reconcile.suicides.self_inflicted_deaths`)."""
    victims = {str(c.attributes["victim"]) for c in claims if c.attributes.get("victim")}
    named = victims - {REFERRED_VICTIM, SELF_INFLICTED}
    first: list[int] = []
    further = 0
    for claim in claims:
        if claim.attributes.get("victim"):
            continue
        if _ALSO.search(claim.text):
            further += _people(claim)
        else:
            first.append(_people(claim))
    someone = max(first, default=int(REFERRED_VICTIM in victims)) + further
    kinds = {c.attributes.get("self_inflicted") for c in claims}
    if SELF_AFTER_MURDER in kinds:  # the shooter, besides at least one victim
        return max(len(named), someone, 1) + 1
    if SELF_AFTER_OTHERS in kinds:  # the shooter, besides the victims told of
        return max(len(named), someone) + 1
    return max(len(named), someone, int(SELF_ALONE in kinds))


#: "A woman was also shot", "a shooting that also injured a man": one more person
#: than the first mention, not the same one again. ("another" and "a second" were
#: tried too and counted fewer GVA dev incidents right: they often refer back.)
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


def _people(claim: Claim) -> int:
    """How many people one unnamed phrase speaks of ("a man and his son": two)."""
    value = claim.attributes.get("value")
    return int(value) if isinstance(value, int | float) and value >= 1 else 1


def article_values(claims: Sequence[Claim]) -> dict[str, float]:
    """What each article says a fact's value is: the first number it states (news puts
    the current count in the lead; later numbers are often about other incidents or
    details), or the people its phrases imply when it states none (see
    :func:`implied_count`)."""
    stated: dict[str, tuple[Claim, float]] = {}
    implied: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        value = claim.attributes.get("value")
        if isinstance(value, list) and value:
            value = value[0]
        if claim.attributes.get("implied"):
            implied[claim.article].append(claim)
        elif isinstance(value, int | float):
            first = stated.get(claim.article)
            if first is None or claim.start < first[0].start:
                stated[claim.article] = (claim, float(value))
    values = {a: float(implied_count(c)) for a, c in implied.items() if a not in stated}
    for article, (claim, value) in stated.items():
        values[article] = value + _then_took_own_life(claim, implied[article])
    return values


#: How far after a stated count a shooter's own death may follow and still be the
#: same telling: "left seven people dead before the gunman killed himself".
SELF_AFTER_COUNT_CHARS = 80


def _then_took_own_life(count: Claim, implied: Sequence[Claim]) -> int:
    """1 when the shooter's death by their own hand follows the stated count of the
    victims right after it ("fatally shot seven people before killing himself"): the
    count is of the victims, the shooter is one death more."""
    return int(
        any(
            claim.attributes.get("self_inflicted") in (SELF_AFTER_MURDER, SELF_AFTER_OTHERS)
            and 0 <= claim.start - count.end <= SELF_AFTER_COUNT_CHARS
            for claim in implied
        )
    )


def worth_reporting(group: Sequence[ClaimItem]) -> bool:
    """Claims of several sources always are; one source's claim only when it is about
    a named slot or has a unit (a bare count with no slot is noise: "two sides")."""
    if len({item.claim.article for item in group}) > 1:
        return True
    first = group[0]
    if first.kind in ("date", "time"):
        return False
    return bool(first.slot) or not first.dimension.startswith("count:")


def fact_order(fact: Fact) -> tuple[int, int, str, int]:
    first = fact.claims[0] if fact.claims else None
    return (
        STATUS_ORDER.get(fact.status, 9),
        -len({c.article for c in fact.claims}),
        first.article if first else "",
        first.start if first else 0,
    )

"""The reconcile stage: what each source claims about a story, and whether they agree.

Entry point :func:`reconcile`: for one story's articles, their quantities and time
expressions (from the quantities and timex stages) and the story's entities (from
the aliases stage), it returns :class:`~corroborate.model.Fact` objects:

``quantity`` facts
    numbers of several sources about one thing (the age of one person, the number
    killed, the length of a route), normalised to one unit and judged ``agreed``,
    ``conflicting``, ``refined`` or ``single_source`` with a one-line reason
    (:mod:`.compare`); grouped by slot or by sentence similarity (:mod:`.facts`).
``date`` facts
    dates of several sources about one moment, judged the same way (a month
    against a day in it is ``refined``).
``place`` facts
    where it happened: the place each source names as the scene in its opening
    sentences, one fact per story, ``refined`` when one place lies in another
    ("Marleveen" against "the Netherlands") and ``conflicting`` when sources put
    it in two different towns (:mod:`.location`).
``event`` facts
    sentences of different sources that report the same happening, aligned across
    languages (:mod:`.events`): "reported by 3 outlets" against "only one outlet
    says"; one source's dated sentences are kept too, as single-source events, so
    the timeline stage can place them.

Every claim points at its exact span: ``claim.text == article.text[start:end]``.
The stage never invents a value: dates come only from time expressions that carry
one (stated, or read against a known publication date).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from corroborate.model import Article, Entity, Fact, Quantity, TimeExpression, source_label
from corroborate.reconcile.background import without_past_casualties
from corroborate.reconcile.claims import (
    YEARLESS,
    ClaimItem,
    date_bounds,
    date_items,
    implied_items,
    quantity_items,
    time_items,
    without_repeats,
)
from corroborate.reconcile.conjoined import conjoined_counts
from corroborate.reconcile.durations import joined_durations
from corroborate.reconcile.events import (
    Candidate,
    EventParams,
    align,
    candidate,
    event_claim,
    short_label,
)
from corroborate.reconcile.facts import (
    GroupingParams,
    article_values,
    fact_order,
    group_claims,
    make_fact,
    restatements,
    without_restatements,
    worth_reporting,
)
from corroborate.reconcile.location import location_fact
from corroborate.reconcile.sentences import Sentences, sentence_spans
from corroborate.reconcile.similarity import Encoder, SentenceKey, SentenceSimilarity
from corroborate.reconcile.slots import (
    SLOT_LABELS,
    count_slot,
    several_incidents_slot,
    written_noun,
)

__all__ = [
    "SLOT_LABELS",
    "Encoder",
    "EventParams",
    "GroupingParams",
    "ReconcileParams",
    "article_values",
    "count_slot",
    "date_bounds",
    "reconcile",
    "sentence_spans",
]

EntityMentions = dict[str, list[tuple[int, int, Entity]]]


@dataclass(frozen=True)
class ReconcileParams:
    grouping: GroupingParams = field(default_factory=GroupingParams)
    events: EventParams = field(default_factory=EventParams)
    #: Event alignment compares every pair of candidate sentences; a story with
    #: more candidates than this gets quantity and date facts only.
    max_event_sentences: int = 4000


def reconcile(
    articles: Sequence[Article],
    quantities: Mapping[str, Sequence[Quantity]],
    times: Mapping[str, Sequence[TimeExpression]],
    entities: Sequence[Entity],
    encode: Encoder | None = None,
    params: ReconcileParams | None = None,
) -> list[Fact]:
    """Facts of one story: its quantity, date and event claims, grouped and judged.

    ``encode`` embeds sentences (rows L2-normalised) for cross-lingual matching;
    without it sentences are compared by shared words, within a language only.
    """
    params = params or ReconcileParams()
    outlets = {a.id: source_label(a) for a in articles}
    sentences = {a.id: Sentences.of(a.text, a.language) for a in articles}
    mentions = _entity_mentions(entities)
    items: list[ClaimItem] = []
    for article in articles:
        counts = quantity_items(
            article, quantities.get(article.id, ()), sentences[article.id], mentions
        )
        counts += implied_items(article, sentences[article.id], mentions)
        persons = [(start, end) for start, end, e in mentions[article.id] if e.type == "person"]
        counts = joined_durations(counts, article.text)
        joined = conjoined_counts(counts, article.text, article.language, persons)
        items += _joined_in_several_incidents(joined, sentences[article.id], article.language)
        items += date_items(times.get(article.id, ()), sentences[article.id])
        items += time_items(times.get(article.id, ()), sentences[article.id], article.text)
    items = without_past_casualties(items, sentences, {a.id: a.published for a in articles})
    items = without_repeats(items, {a.id: a.text for a in articles})
    candidates = _candidates(articles, sentences, mentions, items, times)
    similarity = SentenceSimilarity({c.key: c.text for c in candidates}, encode)
    groups = without_restatements(
        group_claims(
            items, similarity, params.grouping, published={a.id: a.published for a in articles}
        ),
        restatements(items, {a.id: a.text for a in articles}),
    )
    # a dated claim's yearless twin speaks only beside an undated article's claim
    groups = [group for group in groups if not all(item.yearless_twin for item in group)]
    english = frozenset(a.id for a in articles if a.language == "en")
    figures = _claim_ends(items)
    facts = [
        make_fact(group[0].kind, _label(group, sentences, english, figures), group, outlets)
        for group in groups
        if worth_reporting(group)
    ]
    if len(candidates) <= params.max_event_sentences:
        same_time = [_claim_sentences(f, sentences) for f in facts if _agreed_date(f)]
        same_figure = [_claim_sentences(f, sentences) for f in facts if _agreed_figure(f)]
        told = [c for c in candidates if not c.dateline]
        facts += _event_facts(
            told, similarity, params.events, outlets, (same_time, same_figure), english
        )
    where = location_fact(articles, sentences, entities, outlets)
    if where is not None:
        facts.append(where)
    return sorted(facts, key=fact_order)


def _agreed_date(fact: Fact) -> bool:
    """A date or a time of day several sources agree on, or one of them gives more
    precisely: their sentences tell of one happening, however differently they word
    it ("Elf der 24 Waggons sprangen gegen 14.30 Uhr ..." and "Eleven of the train's
    24 wagons left the track at about 2.30pm")."""
    return fact.kind in ("date", "time") and fact.status in ("agreed", "refined")


def _agreed_figure(fact: Fact) -> bool:
    """A figure several sources agree on, or one of them gives more precisely."""
    return fact.kind == "quantity" and fact.status in ("agreed", "refined")


def _claim_sentences(fact: Fact, sentences: Mapping[str, Sentences]) -> set[SentenceKey]:
    """The sentences that hold a fact's claims."""
    keys = {(c.article, sentences[c.article].index_at(c.start)) for c in fact.claims}
    return {(article, index) for article, index in keys if index is not None}


def _entity_mentions(entities: Sequence[Entity]) -> EntityMentions:
    found: EntityMentions = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            found[mention.article].append((mention.start, mention.end, entity))
    return found


def _candidates(
    articles: Sequence[Article],
    sentences: Mapping[str, Sentences],
    mentions: EntityMentions,
    items: Sequence[ClaimItem],
    times: Mapping[str, Sequence[TimeExpression]],
) -> list[Candidate]:
    """Sentences that name an entity, state a date or hold a claim, in text order."""
    dated: dict[tuple[str, int], list[tuple[str, str, date, date]]] = defaultdict(list)
    calendars: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    with_claim = {(item.claim.article, item.sentence) for item in items}
    texts = {article.id: article.text for article in articles}
    for item in items:
        if _since(texts[item.claim.article], item.claim.start):
            continue  # "who has worked for the operator since 2019": not when it happened
        if item.dimension == YEARLESS and not item.yearless_twin:
            attributes = item.claim.attributes
            calendars[(item.claim.article, item.sentence)].append(
                (str(attributes["value"]), str(attributes["precision"]))
            )
        elif item.kind == "date":
            bounds = date_bounds(str(item.claim.attributes.get("value")))
            if bounds:
                key = (item.claim.article, item.sentence)
                dated[key].append(
                    (
                        str(item.claim.attributes["date"]),
                        str(item.claim.attributes["precision"]),
                        *bounds,
                    )
                )
    found: list[Candidate] = []
    for article in articles:
        found += _article_candidates(
            article,
            sentences[article.id],
            mentions.get(article.id, []),
            (dated, calendars),
            with_claim,
            times.get(article.id, ()),
        )
    return found


#: Words that make the date after them the start or the end of a state, not the day a
#: sentence's happening took place: "since 2019", "seit 2019", "sinds 2019", "depuis
#: 2019", "desde 2019", "с 2019 года"; "halted all trains until Tuesday afternoon",
#: "tot dinsdagmiddag", "bis Dienstag", "hasta el martes", "jusqu'à mardi", "до вторника".
_SINCE_OR_UNTIL = re.compile(
    r"(?:\b(?:since|seit|sinds|sedert|depuis|desde|с|со|until|till|tot|bis|hasta|до)"
    r"|\bjusqu['’]\s*(?:à|au|en))\s+(?:(?:the|de|het|dem|le|la|el|zum|zur)\s+)?$",
    re.IGNORECASE,
)


def _since(text: str, start: int) -> bool:
    """Whether the date at ``start`` starts or ends a state (see :data:`_SINCE_OR_UNTIL`)."""
    return _SINCE_OR_UNTIL.search(text, max(0, start - 30), start) is not None


_WORD = re.compile(r"[^\W\d_]+")


def _without(text: str, covered: Sequence[tuple[int, int]]) -> str:
    """The text with the given spans blanked out, offsets kept: a sentence with no word
    left in it is nothing but names and dates ("Ámsterdam, 19 feb 2026.", a dateline
    run into the lead) and tells of no happening."""
    chars = list(text)
    for first, last in covered:
        chars[first:last] = " " * (last - first)
    return "".join(chars)


def _article_candidates(
    article: Article,
    sentences: Sentences,
    mentions: list[tuple[int, int, Entity]],
    stated: tuple[
        Mapping[SentenceKey, list[tuple[str, str, date, date]]],
        Mapping[SentenceKey, list[tuple[str, str]]],
    ],
    with_claim: set[tuple[str, int]],
    times: Sequence[TimeExpression],
) -> list[Candidate]:
    """The article's sentences that name an entity, state a date or hold a claim;
    ``stated`` gives each sentence's dates and its months or days without a year."""
    dated, calendars = stated
    named: dict[int, set[str]] = defaultdict(set)
    for start, _, entity in mentions:
        index = sentences.index_at(start)
        if index is not None:
            named[index].add(entity.id)
    # an order cue ("two days later"), or a clock time whose day only the anchor gives
    # ("the avalanche broke loose at 11:15 a.m." after "on Saturday"): told after the
    # day the article last named, it follows that day's happening
    cued = {
        sentences.index_at(t.start)
        for t in times
        if (t.relative and t.value is None) or (t.clock and t.day_from_anchor)
    }
    found: list[Candidate] = []
    last_date: str | None = None
    covered = [(start, end) for start, end, _ in mentions] + [(t.start, t.end) for t in times]
    uncovered = _without(article.text, covered)
    for index, span in enumerate(sentences.spans):
        key = (article.id, index)
        if not (named.get(index) or key in dated or key in with_claim):
            continue
        entities = frozenset(named.get(index, ()))
        item = candidate(
            key, span, article.text, entities, dated.get(key, []), calendars.get(key, [])
        )
        item.dateline = _WORD.search(uncovered, *span) is None
        if item.date:
            # "two days later" counts from a day, not from "since 2019"
            last_date = item.date if item.precision == "day" else None
        elif index in cued and last_date:
            item.follows = last_date
        found.append(item)
    return found


def _event_facts(
    candidates: Sequence[Candidate],
    similarity: SentenceSimilarity,
    params: EventParams,
    outlets: Mapping[str, str],
    anchors: tuple[Sequence[set[SentenceKey]], Sequence[set[SentenceKey]]],
    english: frozenset[str] = frozenset(),
) -> list[Fact]:
    """Aligned sentences of several sources, and one source's sentences that place
    their happening in time (a date, a month or day without a year, an order cue).
    ``anchors`` are the sentences that agree on a date and on a figure."""
    same_time, same_figure = anchors
    groups = align(candidates, similarity, params, same_time, same_figure)
    aligned = {c.key for group in groups for c in group}
    facts = [_event_fact(group, outlets, english) for group in groups]
    facts += [
        _event_fact([c], outlets, english)
        for c in candidates
        if c.key not in aligned and (c.date or c.follows or c.calendar)
    ]
    return facts


def _event_fact(
    group: Sequence[Candidate], outlets: Mapping[str, str], english: frozenset[str] = frozenset()
) -> Fact:
    """One happening told by the ``group``'s sentences, labelled by an English one when
    a source is English (as facts are, see :func:`_label`), else by the first."""
    sources = sorted({outlets.get(c.key[0], c.key[0]) for c in group})
    articles = len({c.key[0] for c in group})
    if articles > 1:
        status, why = "agreed", f"reported by {articles} sources: {', '.join(sources)}"
    else:
        status, why = "single_source", f"only {sources[0]} says"
    claims = [event_claim(c) for c in group]
    fact = Fact(
        id="e-" + "-".join(f"{c.key[0]}.{c.key[1]}" for c in group)[:80],
        kind="event",
        label=short_label(next((c for c in group if c.key[0] in english), group[0]).text),
        status=status,  # type: ignore[arg-type]
        claims=claims,
        explanation=why,
    )
    return fact


_WORDS = re.compile(r"\S+")


def _claim_ends(items: Sequence[ClaimItem]) -> dict[tuple[str, int], list[int]]:
    """Where each claim of each (article, sentence) ends: a label's words before its
    figure stop after another figure (see :func:`_context`)."""
    ends: dict[tuple[str, int], list[int]] = defaultdict(list)
    for item in items:
        ends[(item.claim.article, item.sentence)].append(item.claim.end)
    return ends


def _label(
    group: Sequence[ClaimItem],
    sentences: Mapping[str, Sentences],
    english: frozenset[str],
    figures: Mapping[tuple[str, int], list[int]] | None = None,
) -> str:
    """ "age of Anna Berg", "people killed", or what is measured and the words around
    the first claim ("count of wagons: Seven wagons left the rails, and two…"), an
    English article's first when one has a claim (the report is in English: "count of
    firefighters", not "count of Feuerwehrleute"; and a count whose English claims name
    no noun is "count: Seven of the train's 32 cars left…", not "count of Waggons")."""
    ordered = sorted(
        group,
        key=lambda item: (item.claim.article not in english, item.claim.article, item.claim.start),
    )
    first = ordered[0]
    if first.slot_label:
        return first.slot_label
    what = "date" if first.kind == "date" else first.measure
    if what == "count":
        told_in_english = [item for item in ordered if item.claim.article in english]
        counted = _counted_noun(told_in_english or ordered, sentences)
        what = f"count of {counted}" if counted else what
    ends = (figures or {}).get((first.claim.article, first.sentence), [])
    return f"{what}: {_context(first, sentences[first.claim.article], ends)}"


def _counted_noun(group: Sequence[ClaimItem], sentences: Mapping[str, Sentences]) -> str | None:
    """The noun the first claim that names one counts, as written ("Waggons",
    "Fahrgästen"). A "32-wagon train" names it in the singular ("count of wagon"
    reads wrong): another source's "32 cars" names it then."""
    for item in group:
        text = sentences[item.claim.article].text
        if item.noun and not text.startswith("-", item.claim.end):
            after = text[item.claim.end : item.claim.end + 80]
            return written_noun(after, item.noun) or item.noun
    return None


#: Words of a claim's sentence shown before and after it in a fact's label: few
#: before, so that the figure comes early and two figures of one sentence ("Seven
#: wagons left the rails, and two of the tank wagons began leaking") get labels that
#: differ from their start; more after, where news tells what a figure counts.
LABEL_WORDS_BEFORE = 4
LABEL_WORDS_AFTER = 8


#: What stands between a figure and its restatement in brackets: "$9.3 million (".
_BRACKET = re.compile(r"\s*[(\[]\s*")


def _context(item: ClaimItem, sentences: Sentences, claim_ends: Sequence[int] = ()) -> str:
    """The claim with a few words either side (see :data:`LABEL_WORDS_BEFORE`), as the
    sentence writes them ("The 32-wagon train", not "The 32 -wagon train"); "…" where
    the sentence goes on. The words before stop after another claim of the sentence
    (``claim_ends``): "Eleven of the train's 24 wagons" labels the eleven, and its 24
    is "…of the train's 24 wagons left the track…"."""
    start, end = sentences.spans[item.sentence]
    text = sentences.text
    before = list(_WORDS.finditer(text, start, item.claim.start))
    after = list(_WORDS.finditer(text, item.claim.end, end))
    shown_before = before[-LABEL_WORDS_BEFORE:]
    # a figure restated in brackets keeps the one it restates: "$9.3 million (8 million euros)"
    other = max(
        (
            e
            for e in claim_ends
            if e <= item.claim.start and not _BRACKET.fullmatch(text, e, item.claim.start)
        ),
        default=-1,
    )
    kept = [word for word in shown_before if word.start() >= other]
    if len(kept) < len(shown_before):  # cut after another figure
        first = kept[0].start() if kept else item.claim.start
    else:
        first = shown_before[0].start() if len(before) >= LABEL_WORDS_BEFORE else start
    last = after[LABEL_WORDS_AFTER - 1].end() if len(after) >= LABEL_WORDS_AFTER else end
    shown = " ".join(text[first:last].split()).strip(" ,;:")
    opening = "…" if len(kept) < len(before) else ""
    going_on = "…" if len(after) > LABEL_WORDS_AFTER else ""
    return f"{opening}{shown}{going_on}"


def _joined_in_several_incidents(
    items: list[ClaimItem], sentences: Sentences, language: str
) -> list[ClaimItem]:
    """A count joined from parts is a roundup's total like any count when its sentence
    tells of several incidents ("three men and a 14-year-old boy were wounded in three
    separate shootings"): its parts may each have had no slot of their own to mark."""
    marked = []
    for item in items:
        if item.claim.attributes.get("conjoined") and item.sentence is not None:
            slot = several_incidents_slot(item.slot, sentences.sentence(item.sentence), language)
            if slot != item.slot and slot is not None:
                item = replace(item, slot=slot, slot_label=SLOT_LABELS[slot])
        marked.append(item)
    return marked

"""Where it happened: the place each source puts the story, lined up as one fact.

News names the place of its event in the opening sentence ("derailed near the
village of Marleveen in the eastern Netherlands", "MARLEVEEN, Netherlands —"), so
each article's claim is the most specific place its first few sentences name (of
equals: the earlier sentence's, then the one more of the story's sources name,
then the first). A town the gazetteer knows is more specific than a place it does
not know (a village, as often a street or a caption's "Photo"), which is more
specific than a region or county, which is more specific than a country. A place
a sentence names as an origin or a destination ("a driver from Ukraine", "in
Richtung Süddeutschland"), as a route ("the Adler–Kaliningrad train") or as a
hospital's town does not say where the event was; someone's home ("a Warren man")
does only when nothing else does; a place named as a landmark ("near Marleveen",
"19 km east of Hengelveld") does, loosely, and the claim says so (``near``).

A feature story opens on its background ("to avoid a military summons in Moscow")
and names its scene further down. So when the openings conflict, an article that
names the place most of the story's sources name (as the scene, anywhere in its
text) takes that mention as its claim: sources that each name both places do not
contradict each other.

The verdict compares the claims pairwise:

* the same place (one entity, or one gazetteer entry): they agree;
* one place within the other: refined. The gazetteer says so (a town in a country,
  a town in a US state, a big city's district that GeoNames lists as a town), or the
  story's own words do ("Marleveen in the eastern
  Netherlands", "MARLEVEEN, Netherlands", "Bij Marleveen, in de gemeente
  Oost-Veldmark", and "Domodedovo, near Moscow" for a place beside another); a
  place named as a landmark is refined by any other place too, unless the two lie
  further apart than :data:`NEAR_KM`;
* two towns neither of which lies within the other: the sources conflict, with
  their distance when both have coordinates ("Howland vs Warren: 6 km apart").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from corroborate.model import Article, Claim, Entity, Fact, Place
from corroborate.reconcile.compare import in_every_source
from corroborate.reconcile.facts import fact_id
from corroborate.reconcile.sentences import Sentences

#: How many opening sentences are searched for the place of the event.
LEAD_SENTENCES = 4
#: A landmark ("near X") and a named place further apart than this conflict.
NEAR_KM = 50.0
#: A city this big has districts GeoNames lists as towns (see :func:`_district_distance`),
#: up to this far from its centre, each with under this share of its people.
CITY_MIN_POPULATION = 200_000
CITY_RADIUS_KM = 15.0
DISTRICT_MAX_SHARE = 0.1
LABEL = "where it happened"

#: How specific a place is: a town the gazetteer knows; a place it does not know
#: (a village, a street, or a word the recogniser took for a place); a region or
#: county; a country.
_TOWN, _UNKNOWN, _AREA, _COUNTRY = 4, 3, 2, 1

#: Words right before a place that make it an origin or a destination, not the scene.
_ELSEWHERE = re.compile(
    r"(?:\b(?:from|towards?|bound for|headed for|aus|vom|ab|nach|Richtung|uit|naar|vanaf|richting"
    r"|desde|hacia|vers|depuis)|(?<!\w)(?:из|в сторону|до))"
    r"(?:\s+(?:the|de|het|der|dem|den|des|la|le|les|el))?"
    r"(?:\s+[\w-]+)?\s*$"
    # the destination of a journey from somewhere: "from Russia to the Kaliningrad"
    r"|\b(?:from|van|aus|von|desde|depuis|из)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?"
    r"\s+(?:to|naar|nach|hacia|à|в)\s+(?:the\s+|de\s+|het\s+|die\s+|la\s+)?$",
    re.IGNORECASE,
)
#: A journey's start, which words for "of" also spell in Dutch, German, Spanish and
#: French ("de burgemeester van Enschede"): an origin only with its destination after
#: it, a name ("van Hamburg naar München", "von Hamburg nach München", "de Madrid a
#: Sevilla"; not "le maire de Lyon a déclaré").
_JOURNEY_FROM = re.compile(r"\b(?i:van|von|de|desde|depuis|d['’])\s*$")
_JOURNEY_TO = re.compile(
    r"\s+(?i:naar|nach|a|à|hacia|vers|jusqu['’]à|to)\s+(?i:the\s+|het\s+|la\s+|le\s+)?"
    r"[A-ZÀ-ÖØ-ÞА-ЯЁ]"
)
#: Words right after a place that make it a route, not the scene: "a sealed
#: Adler–Kaliningrad train", "a Kaliningrad transit train", "a Moscow-bound flight".
_ROUTE_AFTER = re.compile(
    r"(?:[-–—][A-Z][\w-]*)?"
    r"(?:-bound\b|\s+(?:transit\s+|passenger\s+|express\s+|freight\s+)?"
    r"(?:trains?|flights?|bus|ferry|planes?|route|trein|vlucht|Zug|Flug|Fähre|поезд|рейс)\b)",
)
#: Words before a place that make it one end of a route: "la línea entre Barcelona y
#: Palma", "qui reliait Barcelone à Palma", "the route between Barcelona and Palma",
#: "die Strecke zwischen Paris und Lyon", either end.
_ROUTE_NOUN = (
    r"(?:line|route|link|connection|crossing|service|ferry|ferries|flights?|trains?|línea|ruta"
    r"|ferrys?|Fähren|veerboten|паром\w*"
    r"|conexión|trayecto|travesía|ligne|liaison|traversée|Verbindung|Strecke|Linie|Route"
    r"|verbinding|lijn|overtocht|маршрут\w*|лини\w+|рейс\w*)"
)
_ROUTE_VERB = (
    r"(?:reliait|reliant|relie|relient|connecting|connects|linking|links|verbindet|verband"
    r"|verbindt|verbond|conectaba|conecta|unía|связывающ\w*|соединяющ\w*)"
)
#: Halfway between two places names neither as the scene: "à mi-chemin entre Tallinn et
#: Helsinki", "halfway between", "auf halbem Weg zwischen", "на полпути между".
_HALFWAY = (
    r"(?:(?:halfway|midway)\s+between|à\s+mi-chemin\s+entre|a\s+medio\s+camino\s+entre"
    r"|(?:auf\s+)?halbem\s+Wege?\s+zwischen|halverwege(?:\s+tussen)?|на\s+полпути\s+между)"
)
_ROUTE_BEFORE = re.compile(
    rf"(?:\b{_ROUTE_NOUN}\s+(?:\w+\s+){{0,2}}?(?:between|entre|zwischen|tussen|между)"
    rf"|\b{_ROUTE_VERB}|{_HALFWAY})"
    r"(?:\s+[\w-]+(?:\s+[\w-]+)?\s+(?:and|y|e|und|en|et|и|à|a|to|nach|naar|с))?\s+$",
    re.IGNORECASE,
)
#: A departure, its port: "había zarpado del puerto de Barcelona", "parti de
#: Barcelone", "left Barcelona", "vertrok uit", "ist in Barcelona ausgelaufen" is not.
_DEPARTED_FROM = re.compile(
    r"\b(?:zarpado|zarpó|salido|salió|partido|partió|parti|partie|partis|quitté|left|departed"
    r"|sailed|vertrokken|vertrok|abgefahren|gestartet|отплыл\w*|вышел|вышли|вылетел\w*)"
    r"(?:\s+(?:from|van|uit|de|del|des|du|von|aus|из))?(?:\s+(?:the|el|le|la|het|dem|port"
    r"|puerto|porto|haven|Hafen|порта))*\s+(?:de|del|of|van|von|d['’])?\s*$",
    re.IGNORECASE,
)
#: An institution's seat, not the scene: "в генеральном консульстве России в Барселоне",
#: "the Dutch embassy in Madrid".
_SEAT_BEFORE = re.compile(
    r"\b(?:consulate|embassy|Konsulat|Botschaft|consulat|ambassade|consulado|embajada"
    r"|consulaat|посольств\w*|консульств\w*)\b[^.,;]{0,30}\b(?:in|в|en|à|im)\s+$",
    re.IGNORECASE,
)
#: Words right after a place that make it someone's home: "a Warren man", "a
#: Chicago-based company". Often the scene too, so it counts when nothing else does.
_RESIDENCE_AFTER = re.compile(
    r"(?:-(?:based|born)\b|\s+(?:man|woman|men|women|boy|girl|teen|teenager|youth"
    r"|residents?|natives?|couple|family)\b)",
)
#: An office named after the place it serves, right after the place: "Texas Governor
#: Greg Abbott", "Union Minister Jitendra Singh" (India's federal government, which the
#: gazetteer reads as Union, New Jersey): the office's seat, not where it happened.
_OFFICE_AFTER = re.compile(
    r"\s+(?:Minister|Governor|Gov\.|Mayor|Premier|President|Secretary|Senator|Sen\."
    r"|Ambassador|Attorney\s+General|Lt\.\s+Gov\.|Lieutenant\s+Governor)\b"
)
#: Words right before a place that make it someone's home: "Ciara Smith, of Deer Park".
_RESIDENCE_BEFORE = re.compile(r",\s+(?:of|uit|aus|из)\s+$")
#: "at an Atlanta hospital", "University of Louisville Hospital", "het ziekenhuis in
#: Enschede": where a victim was taken, not where the event was. One word list for
#: the place named inside the hospital's name, after it and before it.
_HOSPITAL_WORDS = r"(?:hospitals?|medical cent(?:er|re)|trauma cent(?:er|re))"
_HOSPITAL = re.compile(rf"\b{_HOSPITAL_WORDS}\b", re.IGNORECASE)
_HOSPITAL_AFTER = re.compile(rf"(?:\s+[A-Z][\w.'’]*){{0,3}}\s+{_HOSPITAL_WORDS}\b", re.IGNORECASE)
_HOSPITAL_BEFORE = re.compile(
    rf"(?:{_HOSPITAL_WORDS}|university|ziekenhuis|Krankenhaus|Klinik(?:um)?|hôpital)"
    r"\s+(?:in|of|van|de|à)\s+$",
    re.IGNORECASE,
)
#: Words right before a place that make it a landmark the event was near.
_NEAR = re.compile(
    r"(?:\b(?:near|outside|close to|just off"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)"
    r"|\b(?:bij|nabij|nahe|bei|unweit|vlakbij|ten (?:noorden|zuiden|oosten|westen) van"
    r"|(?:nördlich|südlich|östlich|westlich) von|près de|cerca de)"
    r"|(?<!\w)(?:недалеко от|близ|возле|под|около))"
    r"(?:\s+(?:the|de|het|der|dem|den|des|la|le|el))?"
    r"(?:\s+(?:village|town|city|hamlet|dorp|stad|Dorf|Stadt|Ort|Gemeinde|gemeente"
    r"|деревни|села|посёлка|города)(?:\s+of)?)?\s*$",
    re.IGNORECASE,
)
#: What may stand between a place and the larger place it lies in: "X in the
#: eastern Y", "X, Y", "X (Y)", "X, in de gemeente Y", "X в Y".
_WITHIN = re.compile(
    r"^\s*(?:(?:neighbou?rhood|section|suburb|district|borough|area|part)\s+of\s+)?"
    r"(?:,|\()?\s*(?:(?:in|im|in de|in der|in het|en|à|dans|в|на)\s+)?"
    r"(?:(?:the|de|het|der|dem|den|la|le|el)\s+)?"
    r"(?:(?:gemeente|Gemeinde|municipality of|county of|province of|provincie|state of"
    r"|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|rural|"
    r"oost(?:elijk)?|west(?:elijk)?|noord(?:elijk)?|zuid(?:elijk)?|востоке|западе|севере|юге"
    r"|nord|süd|ost|west)\w*\s+){0,2}$",
    re.IGNORECASE,
)
#: What stands between a place and the larger one it lies near: "Domodedovo, near Moscow".
_BESIDE = re.compile(
    r"^\s*,\s*(?:just\s+)?(?:near|outside|bij|nabij|nahe|bei|unweit|près de|cerca de"
    r"|недалеко от|под|близ)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w")
#: The words of a police, sheriff or fire service that follow the place it serves.
_SERVICE_WORDS = (
    r"(?:police|sheriff['’]?s?|fire\s+(?:department|rescue)|deputies|firefighters|politie"
    r"|polizei|brandweer|feuerwehr|pompiers|policía|bomberos)\b"
)
#: An organisation named after the place it serves: "Omaha Police Department",
#: "Politie Amsterdam" is not (the place comes last, and the model tags it apart).
_SERVICE = re.compile(rf"(?:the\s+)?(.+?)\s+{_SERVICE_WORDS}", re.IGNORECASE)
#: A town a force is named after, told by the words after it ("Omaha Police
#: Department", "Tampa Fire Rescue", "Bibb County Sheriff's Office", "Lawrence police").
_SERVICE_AFTER = re.compile(rf"\s+{_SERVICE_WORDS}", re.IGNORECASE)
#: Most characters between a place and the larger place it lies in.
_WITHIN_GAP = 40
#: "from" right before a place: "из Таллина в Хельсинки", "de Tallinn à Helsinki", is a
#: journey's start, so the "в" or "à" after it says where to, not where within ("a man
#: from Niles, Ohio" still places Niles in Ohio).
_TO_OR_IN = frozenset({"в", "во", "на", "à", "en", "a"})
_FROM_BEFORE = re.compile(
    r"(?:^|\W)(?:from|van|uit|von|aus|de|desde|depuis|из|от|с)\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class _Named:
    """One mention of a place entity in an article."""

    start: int
    end: int
    entity: Entity


@dataclass(frozen=True)
class _Scene:
    """One article's claim of where it happened."""

    claim: Claim
    entity: Entity
    near: bool

    @property
    def place(self) -> Place | None:
        return self.entity.place


def location_fact(
    articles: Sequence[Article],
    sentences: Mapping[str, Sentences],
    entities: Sequence[Entity],
    outlets: Mapping[str, str],
) -> Fact | None:
    """The story's "where it happened" fact, or None when no article names a place."""
    named = _place_mentions(entities, {a.id: a.text for a in articles})
    scenes = [
        scene
        for article in articles
        if (scene := _scene(article, sentences[article.id], named.get(article.id, [])))
    ]
    if not scenes:
        return None
    within = _stated_containment(articles, named)
    scenes = _settled(scenes, articles, sentences, named, within)
    status, explanation = _verdict(scenes, within, outlets)
    claims = sorted((s.claim for s in scenes), key=lambda c: (c.article, c.start))
    return Fact(
        id=fact_id(claims),
        kind="place",
        label=LABEL,
        status=status,  # type: ignore[arg-type]
        claims=claims,
        explanation=explanation,
    )


def _place_mentions(
    entities: Sequence[Entity], texts: Mapping[str, str]
) -> dict[str, list[_Named]]:
    """Each article's mentions of the story's places, and of the places its police,
    sheriffs and fire services are named after ("Omaha" in "the Omaha Police
    Department": the force that answered the call)."""
    found: dict[str, list[_Named]] = {}
    places = [e for e in entities if e.type == "place" and _placeable(e)]
    for entity in places:
        for mention in entity.mentions:
            found.setdefault(mention.article, []).append(_Named(mention.start, mention.end, entity))
    by_name = {alias.casefold(): e for e in places for alias in (e.name, *e.aliases)}
    for entity in entities:
        if entity.type != "org":
            continue
        for mention in entity.mentions:
            text = texts.get(mention.article, "")[mention.start : mention.end]
            served = _SERVICE.match(text)
            place = by_name.get(served.group(1).casefold()) if served else None
            if served and place is not None:
                start, end = mention.start + served.start(1), mention.start + served.end(1)
                found.setdefault(mention.article, []).append(_Named(start, end, place))
    # the linker may have given the service's place a mention of its own already
    return {article: _distinct(mentions) for article, mentions in found.items()}


def _distinct(mentions: list[_Named]) -> list[_Named]:
    """The mentions in text order, each span of each entity once."""
    unique = {(m.start, m.end, m.entity.id): m for m in mentions}
    return [unique[key] for key in sorted(unique)]


def _placeable(entity: Entity) -> bool:
    """A place the gazetteer knows, or one that two sources name: a name only one
    article gives and no gazetteer knows is as often a caption's "Photo", or a
    street, as a village."""
    return entity.place is not None or len({m.article for m in entity.mentions}) > 1


@dataclass(frozen=True)
class _Candidate:
    """A place a sentence names as the scene (or as someone's home: ``role`` 0)."""

    role: int
    specificity: int
    sentence: int
    sources: int
    named: _Named
    sentence_start: int

    @property
    def rank(self) -> tuple[int, int, int, int, int]:
        """Higher is better: the scene over a home, the more specific place, the
        earlier sentence, the place more sources name, the earlier mention."""
        return (self.role, self.specificity, -self.sentence, self.sources, -self.named.start)


def _scene(article: Article, sentences: Sentences, named: list[_Named]) -> _Scene | None:
    """The most specific place the opening sentences name as the scene (see the
    module docstring for the order); with none there, the most specific one the rest
    of the article names (a page that opens on a menu, a caption or a comment
    policy). An opening that names only a region or a country is made precise by
    the town within it the rest of the article names."""
    lead = _candidates(article, sentences.spans[:LEAD_SENTENCES], named, 0)
    later = _candidates(article, sentences.spans[LEAD_SENTENCES:], named, LEAD_SENTENCES)
    if not (lead or later):
        return None
    best = max(lead or later, key=lambda c: c.rank)
    if lead and best.specificity < _TOWN:
        # "Harris County deputies ..." and, further down, "in north Houston"
        place = best.named.entity.place
        towns = [c for c in later if c.role and _gazetteer_within(c.named.entity.place, place)]
        best = max(towns, key=lambda c: c.rank, default=best)
    return _scene_at(article, best.named, best.sentence_start)


def _candidates(
    article: Article, spans: Sequence[tuple[int, int]], named: list[_Named], first: int
) -> list[_Candidate]:
    """Each place the sentences ``spans`` (numbered from ``first``) name as the scene."""
    return [
        _Candidate(
            role,
            _specificity(m.entity.place),
            number,
            len({x.article for x in m.entity.mentions}),
            m,
            start,
        )
        for number, (start, end) in enumerate(spans, first)
        for m in named
        if start <= m.start < end
        and (role := _scene_role(article.text, start, m.start, m.end)) is not None
    ]


def _settled(
    scenes: list[_Scene],
    articles: Sequence[Article],
    sentences: Mapping[str, Sentences],
    named: Mapping[str, list[_Named]],
    within: Mapping[tuple[str, str], str],
) -> list[_Scene]:
    """The scenes, with an article whose opening names another place than the one
    most of the story's sources name moved to that place when its text names it too
    (as the scene: not an origin, a route or a home). A feature story opens on its
    background ("to avoid a military summons in Moscow") and names the scene later;
    sources that each name both places do not contradict each other. Only a place
    the gazetteer knows is settled on: the places all sources name most are
    otherwise streets, apartment blocks and captions' "Photo"."""
    by_id = {a.id: a for a in articles}
    placing = {
        article: [m for m in mentions if _places_it(by_id[article].text, sentences[article], m)]
        for article, mentions in named.items()
    }
    best = _most_named(scenes, placing)
    if best is None:
        return scenes
    settled = []
    for scene in scenes:
        article = scene.claim.article
        mention = None
        if not _compatible(scene, best, within):
            key = _place_key(best.entity)
            mention = next(
                (m for m in placing.get(article, []) if _place_key(m.entity) == key), None
            )
        if mention is None:
            settled.append(scene)
        else:
            start = _sentence_start(sentences[article], mention.start)
            settled.append(_scene_at(by_id[article], mention, start))
    return settled


def _most_named(scenes: list[_Scene], placing: Mapping[str, list[_Named]]) -> _Scene | None:
    """The claimed gazetteer place the most articles name as the scene (then the one
    most articles claim, then the more specific), or None when no claim is one."""
    known = {_place_key(s.entity): s for s in scenes if s.place is not None}
    named_by = Counter(
        key for mentions in placing.values() for key in {_place_key(m.entity) for m in mentions}
    )
    claimed = Counter(_place_key(s.entity) for s in scenes)
    return max(
        known.values(),
        key=lambda s: (
            named_by[_place_key(s.entity)],
            claimed[_place_key(s.entity)],
            _specificity(s.place),
        ),
        default=None,
    )


def _places_it(text: str, sentences: Sentences, mention: _Named) -> bool:
    start = _sentence_start(sentences, mention.start)
    return _scene_role(text, start, mention.start, mention.end) == 1


def _sentence_start(sentences: Sentences, offset: int) -> int:
    index = sentences.index_at(offset)
    return sentences.spans[index][0] if index is not None else offset


def _place_key(entity: Entity) -> str:
    """One key for one place: its gazetteer entry, else its entity."""
    place = entity.place
    return f"geonames:{place.geonames_id}" if place and place.geonames_id else entity.id


def _compatible(one: _Scene, other: _Scene, within: Mapping[tuple[str, str], str]) -> bool:
    return (
        _same(one, other)
        or _relation(one, other, within, {}) is not None
        or _relation(other, one, within, {}) is not None
    )


def _scene_at(article: Article, named: _Named, sentence_start: int) -> _Scene:
    near = bool(_NEAR.search(article.text[sentence_start : named.start]))
    claim = Claim(
        article.id,
        named.start,
        named.end,
        article.text[named.start : named.end],
        _attributes(named.entity, near),
    )
    return _Scene(claim, named.entity, near)


def _scene_role(text: str, sentence_start: int, start: int, end: int) -> int | None:
    """How well the place at ``text[start:end]`` may say where the event happened:
    None for an origin or a destination ("from Ukraine", "naar Finland"), a route
    ("the Adler–Kaliningrad train"), a hospital's town, a street named like a town
    ("Seventh Street and Broadway") or an office's seat ("Texas Governor Greg
    Abbott"); 0 for someone's home ("a Warren man"); 1 otherwise, and always for the
    town of a police, sheriff or fire service ("a release from the Omaha Police
    Department": the force is from there)."""
    if _SERVICE_AFTER.match(text, end):
        return 1
    if _ELSEWHERE.search(text[sentence_start:start]) or _ROUTE_AFTER.match(text, end):
        return None
    before = text[max(sentence_start, start - 80) : start]
    if _ROUTE_BEFORE.search(before) or _SEAT_BEFORE.search(before) or _DEPARTED_FROM.search(before):
        return None
    if _JOURNEY_FROM.search(text[sentence_start:start]) and _JOURNEY_TO.match(text, end):
        return None  # "auf dem Weg von Hamburg nach München": where the journey began
    if names_a_hospital(text, start, end) or names_a_street(text, start, end):
        return None
    if _OFFICE_AFTER.match(text, end):
        return None
    if _RESIDENCE_AFTER.match(text, end) or _RESIDENCE_BEFORE.search(
        text, max(0, start - 8), start
    ):
        return 0
    return 1


def names_a_hospital(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is named as a hospital's town."""
    before = text[max(0, start - 40) : start]
    return bool(
        _HOSPITAL_AFTER.match(text, end)
        or _HOSPITAL_BEFORE.search(before)
        or _HOSPITAL.search(text, start, end)
    )


#: Words for a street, as a corner or a block names it.
_STREET = (
    r"(?i:streets?|avenues?|roads?|drives?|boulevards?|lanes?|highways?|parkways?|ave|st|rd"
    r"|blvd|dr)"
)
#: "near Seventh Street and Broadway", "the 1600 block of Broadway".
_STREET_BEFORE = re.compile(rf"(?:\b{_STREET}\.?\s+(?:and|&)|\bblock\s+of)\s+$")
#: "near Thompson and Colorado avenues", "at Broadway and 7th Street".
_STREET_AFTER = re.compile(rf"\s+(?:and|&)\s+(?:[A-Z0-9][\w.'’-]*\s+){{1,3}}?{_STREET}\b")


def names_a_street(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` is named as one of a corner's streets or
    a block's: the recogniser's place, which the gazetteer may read as a town of that
    name (Broadway, Virginia), is a street of the scene."""
    before = text[max(0, start - 40) : start]
    return bool(_STREET_BEFORE.search(before) or _STREET_AFTER.match(text, end))


def claim_specificity(claim: Claim) -> int:
    """How specific the place of a place claim is, from its attributes (see
    :func:`_specificity`): for readers of ``stories.json``-shaped claims."""
    attributes = claim.attributes
    if "latitude" in attributes:
        return _TOWN
    if "country" not in attributes:
        return _UNKNOWN
    return _AREA if "region" in attributes else _COUNTRY


def _specificity(place: Place | None) -> int:
    if place is None:
        return _UNKNOWN
    if place.latitude is not None:
        return _TOWN
    return _AREA if place.region else _COUNTRY


def _attributes(entity: Entity, near: bool) -> dict[str, object]:
    attributes: dict[str, object] = {"place": entity.name, "entity": entity.id}
    place = entity.place
    if place is not None:
        attributes.update(
            {
                key: value
                for key, value in (
                    ("country", place.country),
                    ("region", place.region),
                    ("latitude", place.latitude),
                    ("longitude", place.longitude),
                    ("geonames_id", place.geonames_id),
                )
                if value is not None
            }
        )
    if near:
        attributes["near"] = True
    return attributes


def _stated_containment(
    articles: Sequence[Article], named: Mapping[str, list[_Named]]
) -> dict[tuple[str, str], str]:
    """(inner entity id, outer entity id) pairs a text states, with how: "in" for
    "X in the eastern Y", "near" for "X, near Y" ("Domodedovo, near Moscow")."""
    found: dict[tuple[str, str], str] = {}
    for article in articles:
        mentions = named.get(article.id, [])
        for inner, outer in pairwise(mentions):
            gap = article.text[inner.end : outer.start]
            if inner.entity.id == outer.entity.id or len(gap) > _WITHIN_GAP:
                continue
            if gap.strip() in _TO_OR_IN and _FROM_BEFORE.search(
                article.text[max(0, inner.start - 12) : inner.start]
            ):
                continue
            if _BESIDE.match(gap):
                found.setdefault((inner.entity.id, outer.entity.id), "near")
            elif _WITHIN.match(gap) and _wider(
                outer.entity.place, inner.entity.place, worded=bool(_WORD.search(gap))
            ):
                found[(inner.entity.id, outer.entity.id)] = "in"
    return found


def _wider(outer: Place | None, inner: Place | None, worded: bool) -> bool:
    """Whether ``outer`` may hold ``inner``: a list ("Ukraine, Russia") is no
    containment, so places of one rank need words saying so ("in de gemeente")."""
    if worded:
        return _specificity(outer) <= _specificity(inner)
    return _specificity(outer) < _specificity(inner)


def _verdict(
    scenes: list[_Scene], within: Mapping[tuple[str, str], str], outlets: Mapping[str, str]
) -> tuple[str, str]:
    if len({s.claim.article for s in scenes}) == 1:
        article = scenes[0].claim.article
        named = " or ".join(dict.fromkeys(_told(scene) for scene in scenes))
        return "single_source", f"only {outlets.get(article, article)} says {named}"
    refinement = ""
    for first, second in combinations(scenes, 2):
        if _same(first, second):
            continue
        relation = _relation(first, second, within, outlets) or _relation(
            second, first, within, outlets
        )
        if relation is None:
            return "conflicting", _apart(first, second, outlets)
        refinement = refinement or relation
    if not refinement:
        return "agreed", f"{scenes[0].entity.name} {in_every_source(len(scenes))}"
    return "refined", refinement


def _told(scene: _Scene) -> str:
    """The place as the claim gives it: "Suwanee", or "near Suwanee" for a landmark."""
    return f"near {scene.entity.name}" if scene.near else scene.entity.name


def _same(first: _Scene, second: _Scene) -> bool:
    if first.entity.id == second.entity.id:
        return True
    one, other = first.place, second.place
    return bool(one and other and one.geonames_id and one.geonames_id == other.geonames_id)


def _relation(
    inner: _Scene,
    outer: _Scene,
    within: Mapping[tuple[str, str], str],
    outlets: Mapping[str, str],
) -> str | None:
    """How ``inner`` is more precise than ``outer``, if it is."""
    wider = f"{outer.entity.name} ({outlets.get(outer.claim.article, outer.claim.article)})"
    stated = within.get((inner.entity.id, outer.entity.id))
    if stated is not None:
        return f"{inner.entity.name} lies {stated} {wider}"
    if _gazetteer_within(inner.place, outer.place) or _named_within(
        inner.entity.name, outer.entity.name
    ):
        return f"{inner.entity.name} lies in {wider}"
    distance = _district_distance(inner.place, outer.place)
    if distance is not None:
        return f"{inner.entity.name} lies {distance:.0f} km from the centre of {wider}, a big city"
    if outer.near and not inner.near and _close(inner.place, outer.place):
        return f"{inner.entity.name} is more precise than near {wider}"
    if inner.place is None and _specificity(outer.place) in (_COUNTRY, _AREA):
        # "Terschelling" beside "Friesland", a village beside its country: a place the
        # gazetteer lacks may well lie in the region or country another source names
        return f"{inner.entity.name} (not in the gazetteer) may lie in {wider}"
    return None


def _district_distance(inner: Place | None, outer: Place | None) -> float | None:
    """How far a town lies from the centre of a big city it is a district of, or None.

    GeoNames lists a big city's districts as towns of their own ("Johannisthal",
    18,000 people, 11 km from Berlin's centre; "Brooklyn"): a town of the city's
    division, within :data:`CITY_RADIUS_KM` of its centre and with under
    :data:`DISTRICT_MAX_SHARE` of its people is taken for one of them; a town of
    comparable size beside it (Cambridge beside Boston) is not."""
    if inner is None or outer is None or inner.population is None or outer.population is None:
        return None
    if outer.population < CITY_MIN_POPULATION or inner.region != outer.region:
        return None
    if inner.population >= DISTRICT_MAX_SHARE * outer.population:
        return None
    distance = distance_km(inner, outer)
    return distance if distance is not None and distance <= CITY_RADIUS_KM else None


def _close(one: Place | None, other: Place | None) -> bool:
    """Whether two places may lie within :data:`NEAR_KM` of each other: they do, or
    one has no coordinates and they are not in two countries."""
    distance = distance_km(one, other)
    if distance is not None:
        return distance <= NEAR_KM
    countries = {place.country for place in (one, other) if place and place.country}
    return len(countries) < 2


def _gazetteer_within(inner: Place | None, outer: Place | None) -> bool:
    if inner is None or outer is None or _specificity(outer) >= _specificity(inner):
        return False
    if _specificity(outer) == _COUNTRY:
        return inner.country == outer.country
    # a state holds its towns; a county (no GeoNames entry) may hold a town of its
    # state: the gazetteer cannot tell, and a county beside a town is most often
    # the county the town lies in
    return bool(outer.region and inner.region == outer.region)


def _named_within(inner: str, outer: str) -> bool:
    """ "Town of Halifax", "New Paris Gettysburg Road" and "San Francisco General
    Hospital" name a part of (or another word for) the place whose name they hold."""
    inner_words, outer_words = inner.casefold().split(), outer.casefold().split()
    size = len(outer_words)
    return len(inner_words) > size and any(
        inner_words[i : i + size] == outer_words for i in range(len(inner_words) - size + 1)
    )


def distance_km(one: Place | None, other: Place | None) -> float | None:
    """Great-circle distance between two places, None when either has no coordinates."""
    if one is None or other is None:
        return None
    if one.latitude is None or one.longitude is None:
        return None
    if other.latitude is None or other.longitude is None:
        return None
    lat1, lat2 = math.radians(one.latitude), math.radians(other.latitude)
    dlon = math.radians(other.longitude - one.longitude)
    haversine = (
        math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(haversine))


def _apart(first: _Scene, second: _Scene, outlets: Mapping[str, str]) -> str:
    names = " vs ".join(
        f"{scene.entity.name} ({outlets.get(scene.claim.article, scene.claim.article)})"
        for scene in (first, second)
    )
    distance = distance_km(first.place, second.place)
    if distance is None:
        return f"{names}: different places"
    return f"{names}: {distance:.0f} km apart"

"""The nlp stage: named entities (person, place, org, other) in every language we ingest.

Why our own small models: the stage must run offline on a 2-core machine for news
in a dozen languages, with no model download at install or run time. We train two
spaCy pipelines (hash embeddings + CNN + transition-based NER, no word vectors)
and ship them inside the package (``corroborate/nlp/models``, see MODEL_CARD.md
there for data, licences and scores):

``en``
    English: CoNLL-2003 + WikiNEuRal-en.
``multi``
    Everything else (and ``und``): CoNLL-2002/2003 nl, es, de + WikiNEuRal in nine
    languages (de en es fr it nl pl pt ru).

Backends (``recognize(..., backend=SPEC)`` / :func:`get_recognizer`):

``corroborate`` (default)
    the shipped models, picked by language; for Russian, Natasha's person/place/org
    plus our model's "other" names (see ``backends.NATASHA_LANGUAGES`` for why).
``natasha``
    Natasha's Russian news NER (PER/LOC/ORG, no "other").
``spacy:<path-or-package>``
    any installed or local spaCy pipeline with an ``ner`` component; OntoNotes
    labels are mapped (PERSON -> person; GPE, LOC, FAC -> place; ORG -> org; value
    labels such as DATE or MONEY are dropped; the rest -> other).
``gliner:<directory>``
    a local GLiNER model; needs ``pip install gliner``. Never downloads.

Long texts are cut into paragraph/sentence pieces of bounded size
(:mod:`corroborate.nlp.chunks`) so memory stays flat; offsets always refer to the
original text, so ``text[m.start:m.end] == m.text`` for every mention.
Models are loaded once per process and spec, thread-safely. :func:`recognize_many`
reads many articles at once: their pieces go to the model in batches per language,
which is faster and gives the same mentions as :func:`recognize` one by one.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence

from corroborate.model import EntityType, NamedMention
from corroborate.nlp.backends import (
    GlinerRecognizer,
    NatashaRecognizer,
    Recognizer,
    RecognizerUnavailable,
    ShippedRecognizer,
    SpacyRecognizer,
    Span,
)
from corroborate.nlp.chunks import chunk_text
from corroborate.nlp.datelines import dateline_places
from corroborate.nlp.everyday import is_everyday_word, is_function_word, is_number_word
from corroborate.nlp.heads import head_type, is_day_or_disease
from corroborate.nlp.russian import is_common_noun

__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "Recognizer",
    "RecognizerUnavailable",
    "get_recognizer",
    "recognize",
    "recognize_many",
]

DEFAULT_BACKEND = "corroborate"
SPACY_PREFIX = "spacy:"
GLINER_PREFIX = "gliner:"
#: Spelled-out list for error messages and ``--help`` texts.
BACKENDS = (
    "corroborate (default)",
    "natasha",
    "spacy:<path-or-package>",
    "gliner:<model-directory>",
)

_cache: dict[str, Recognizer] = {}
_lock = threading.Lock()


def _loader(spec: str) -> Callable[[], Recognizer]:
    """The constructor for ``spec``; ValueError (listing the backends) if unknown."""
    if spec == DEFAULT_BACKEND:
        return ShippedRecognizer
    if spec == "natasha":
        return NatashaRecognizer
    for prefix, load in (
        (SPACY_PREFIX, SpacyRecognizer.load),
        (GLINER_PREFIX, GlinerRecognizer.load),
    ):
        if spec.startswith(prefix):
            target = spec[len(prefix) :].strip()
            if not target:
                raise ValueError(f"NER backend {spec!r} needs a path or name after {prefix!r}")
            return lambda load=load, target=target: load(spec, target)  # type: ignore[misc]
    raise ValueError(f"unknown NER backend {spec!r}; known: {', '.join(BACKENDS)}")


def get_recognizer(spec: str | None = None) -> Recognizer:
    """The recognizer for ``spec`` (default :data:`DEFAULT_BACKEND`), loaded once.

    Raises ``ValueError`` for an unknown spec and :class:`RecognizerUnavailable`
    when a known backend's package or model is missing.
    """
    key = (spec or DEFAULT_BACKEND).strip()
    with _lock:
        recognizer = _cache.get(key)
        if recognizer is None:
            recognizer = _loader(key)()
            _cache[key] = recognizer
        return recognizer


def _articles_spans(recognizer: Recognizer, texts: Sequence[tuple[str, str]]) -> list[list[Span]]:
    """Spans over each ``(text, language)``, piece by piece, shifted to article offsets;
    the pieces of all texts of one language go to the model together."""
    pieces: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for number, (text, language) in enumerate(texts):
        for offset, piece in chunk_text(text, recognizer.max_chars):
            pieces[language].append((number, offset, piece))
    spans: list[list[Span]] = [[] for _ in texts]
    for language, found in pieces.items():
        answers = recognizer.spans_many([piece for _, _, piece in found], language)
        for (number, offset, _), piece_spans in zip(found, answers, strict=True):
            spans[number].extend((offset + s, offset + e, kind) for s, e, kind in piece_spans)
    return spans


#: "RFE/RL", "AC/DC": capitals joined by slashes, which the statistical models
#: tokenise apart and mostly miss.
_SLASH_ACRONYM = re.compile(r"(?<![\w/])[A-Z]{2,6}(?:/[A-Z]{2,6})+(?![\w/])")


#: Opening brackets and quotes, each with the closers that end what it opens.
_OPENERS = {"(": ")", "[": "]", "«": "»", "„": "“”", "‹": "›"}


def _unbracketed(spans: list[Span], text: str) -> list[Span]:
    """Each span cut before an opening bracket or quote it does not close.

    The models read on past a name into its gloss ("NordWest Cargo («НордВест
    Карго»)" as one organisation), while a name that holds brackets holds both
    ("Mitsubishi (UK)"). A span left empty is dropped.
    """
    kept: list[Span] = []
    for start, end, kind in spans:
        name = text[start:end]
        for at, char in enumerate(name):
            if at and char in _OPENERS and not any(c in name[at:] for c in _OPENERS[char]):
                end = start + len(name[:at].rstrip())
                break
        if end > start:
            kept.append((start, end, kind))
    return kept


#: A full stop after a word of this many letters or more, then a space and a capital,
#: ends a sentence; a shorter word may be an abbreviation inside a name ("U.S. Army",
#: "St. Louis", "Gen. Smith").
SENTENCE_END_WORD_LETTERS = 4
_SENTENCE_BREAK = re.compile(
    rf"(?<![^\W\d_]\.)(?<=[^\W\d_]{{{SENTENCE_END_WORD_LETTERS}}})[.!?]\s+(?=[^\W\d_])"
)


def _within_one_sentence(spans: list[Span], text: str) -> list[Span]:
    """Each span cut where a sentence ends inside it: a model reads on over a full stop
    into the next sentence's first word ("de la France. Trois employés" read as one
    organisation, "France. Trois")."""
    kept: list[Span] = []
    for start, end, kind in spans:
        for found in _SENTENCE_BREAK.finditer(text, start, end):
            word = text[max(text.rfind(" ", start, found.start()), start - 1) + 1 : found.start()]
            if word.lower() not in TITLE_ABBREVIATIONS and text[found.end() : end].strip():
                end = found.start()
                break
        kept.append((start, end, kind))
    return kept


#: English words a model reads on into past a name, which no name ends in ("Children's
#: Hospital of", "Aaron Calvin said", "Lee — who"). A closed list: English names do
#: end in other lower-case words ("Ontario-based", "Jackson Hole symposium", "interior
#: ministry" in CoNLL), and French, Spanish or Dutch names in many ("Ligue nationale",
#: "Union européenne", "BSE-besmetting").
_TRAILING_WORDS = re.compile(
    r"(?:\s*[—–-]\s*|\s+)(?:of|and|or|the|a|an|for|in|at|to|from|with|by|who|whose|which"
    r"|that|said|says|told|reports|reported)$"
)
#: A handle, an e-mail address or a web address is no name ("@marcfox10").
_ADDRESS_LIKE = re.compile(r"@|://|www\.")


def _without_trailing_words(spans: list[Span], text: str, language: str = "en") -> list[Span]:
    """Each English span cut before the function words that end it (see
    :data:`_TRAILING_WORDS`); a span with no capital that is an address or a handle is
    dropped, whatever the language."""
    kept: list[Span] = []
    for start, end, kind in spans:
        name = text[start:end]
        if not any(c.isupper() for c in name) and _ADDRESS_LIKE.search(name):
            continue
        while language == "en" and (tail := _TRAILING_WORDS.search(text, start, end)):
            if tail.start() == start:
                break
            end = tail.start()
        if _an_article(text[start:end]):
            continue
        kept.append((start, end, kind))
    return kept


def _an_article(name: str) -> bool:
    """ "The", "De", "la": an article alone, written as one ("UN" is no "un")."""
    return name.lower() in _ARTICLES and name in (name.lower(), name.capitalize())


#: Articles, which are no name alone ("The" left of "The Spokesman said").
_ARTICLES = frozenset(
    {"the", "a", "an", "de", "het", "een", "la", "le", "les", "el", "los", "las", "un"}
    | {"une", "una", "der", "die", "das", "ein", "eine"}
)


#: Abbreviated titles of four letters or more, which a name follows ("Police Supt.
#: Garry McCarthy"): their full stop ends no sentence.
TITLE_ABBREVIATIONS = frozenset({"supt", "capt", "lieut", "prof", "insp", "cmdr", "comdr", "msgr"})


#: Prepositions (and indefinite articles) a model takes into a name at the start of a
#: sentence ("From Lithuania, he travelled on", "Via Letland en Estland bereikte
#: hij", "An Amnesty International report"), per language. Not
#: those that open names: "Met Office", "En Marche", "Under Armour", "Van Gogh".
_PREPOSITIONS = {
    "en": "from via in at to for with by near into across through during since a an",
    "nl": "via bij uit naar door tussen in op voor na tijdens vanuit een",
    "de": "aus nach mit bei im vom zum zur durch in für gegen seit ein eine einer einem",
    "es": "desde hacia con para por tras",
    "fr": "depuis vers avec pour dans chez",
    "ru": "из в во на с со к по через",
}
_LEADING_PREPOSITION = {
    language: re.compile(rf"(?:{'|'.join(words.split())})\s+(?=\w)", re.IGNORECASE)
    for language, words in _PREPOSITIONS.items()
}


def _without_preposition(spans: list[Span], text: str, language: str) -> list[Span]:
    """Each name that opens a sentence without the preposition it opens with. A
    title of a work keeps it ("For Whom the Bell Tolls"), and so does a name within
    a sentence, where the capital is the writer's ("the Via Mansuerisca")."""
    leading = _LEADING_PREPOSITION.get(language.split("-")[0].lower())
    if leading is None:
        return spans
    kept: list[Span] = []
    for start, end, kind in spans:
        found = leading.match(text, start, end)
        if found and text[start].isupper() and kind != "other" and _opens_sentence(text, start):
            start = found.end()
        kept.append((start, end, kind))
    return kept


#: Words that call the name after them a town, per language: "near the town of
#: Kybartai", "het dorp Marleveen", "der Stadt Hengelveld", "города Смоленск".
_SETTLEMENT_WORDS = {
    "en": r"(?:town|village|city|hamlet|township|borough|municipality|suburb)\s+of",
    "nl": r"(?:het\s+dorp(?:je)?|de\s+stad|de\s+gemeente|het\s+plaatsje|de\s+plaats)",
    "de": r"(?:Stadt|Dorf|Dorfes|Gemeinde|Ortschaft|Kleinstadt)",
    "es": r"(?:ciudad|pueblo|localidad|municipio|villa)\s+de",
    "fr": r"(?:ville|village|commune|localité|bourg)\s+de",
    "ru": r"(?:город|города|городе|городом|село|села|селе|деревня|деревни|деревне|посёлок"
    r"|поселок|посёлка|поселка|посёлке|поселке)",
}
#: Words that call the name after them a news outlet or agency: "independent outlet
#: Meduza", "the newspaper Kommersant", "de krant NRC", "die Tageszeitung taz",
#: "el diario El País", "le quotidien Le Monde", "издание Meduza". Models take a
#: foreign outlet's name for a person or a place as often as not. Written as running
#: text writes them (case matters): "Daily" in "Daily Record" is no cue.
_OUTLET_WORDS = {
    "en": r"(?:outlet|newspaper|daily|weekly|tabloid|broadcaster|magazine|news\s+agency"
    r"|news\s+site|website|radio\s+station|TV\s+station|TV\s+channel|publication)",
    "nl": r"(?:krant|dagblad|weekblad|omroep|zender|persbureau|nieuwssite|tijdschrift)",
    "de": r"(?:\w*[Zz]eitung|\w*[Bb]latt|\w*[Mm]agazin|\w*[Ss]ender|Nachrichtenagentur"
    r"|Nachrichtenportal)",
    "es": r"(?:diario|periódico|semanario|revista|emisora|agencia\s+de\s+noticias)",
    "fr": r"(?:journal|quotidien|hebdomadaire|magazine|chaîne|agence\s+de\s+presse)",
    "ru": r"(?:газета|газеты|издание|издания|агентство|агентства|телеканал|телеканала)",
}


def _before_name(words: dict[str, str], flags: int = 0) -> dict[str, re.Pattern[str]]:
    return {language: re.compile(rf"(?<!\w){cue}\s+$", flags) for language, cue in words.items()}


#: Per type, per language: the words right before a name that give it that type.
_CUES_BEFORE: dict[EntityType, dict[str, re.Pattern[str]]] = {
    "place": _before_name(_SETTLEMENT_WORDS, re.IGNORECASE),
    "org": _before_name(_OUTLET_WORDS),
}

#: A part of a town after its name: "Saginaw's southeast side", "Chicago's South Side".
_SIDE_AFTER = re.compile(
    r"['’]s\s+(?:far\s+)?(?:north|south|east|west)(?:east|west)?(?:ern)?\s+side\b",
    re.IGNORECASE,
)


#: "in" (or "near", "outside") right before a name, with a part of town between: "shot
#: in southwest Columbus", "at his home in Redfield".
_IN_BEFORE = re.compile(
    r"(?<!\w)(?:in|near|outside)\s+(?:(?i:(?:north|south)?(?:east|west)?(?:ern)?|north|south"
    r"|northern|southern|central|downtown|suburban|rural)\s+)?$"
)
#: A possessive (or a quote) after the name: "in Smith's house" holds a person.
_POSSESSIVE_AFTER = re.compile(r"\s?['’]")


def _placed_in(text: str, start: int, end: int, kind: EntityType, language: str) -> bool:
    """Whether a name the model took for a person is a place the text puts something in
    ("shot in Pine Bluff", "his home in Redfield"): the English model tags a small town
    it has never seen as a person as often as not, and the preposition says which. Not
    a possessive ("in Smith's car", "in Tagore 's poems"), and not an everyday word.
    A miscellaneous name is left as it is: after "in" it is as often a language, a
    faith or an event ("in Latin", "in Formula One") as a town."""
    return (
        kind == "person"
        and _IN_BEFORE.search(text, max(0, start - 30), start) is not None
        and not _POSSESSIVE_AFTER.match(text, end)
        and not is_everyday_word(text[start:end], language)
    )


def _typed_by_cues(spans: list[Span], text: str, language: str) -> list[Span]:
    """A name the text calls a town ("near the town of Kybartai", in English also
    "Saginaw's southeast side") is a place, and one it calls a news outlet ("the
    newspaper Kommersant") an organisation, whatever type the model gave it: models
    tag a small town they have never seen as a miscellaneous name or a person, and
    the aliases stage then cannot resolve it."""
    code = language.split("-")[0].lower()
    cues = [(kind, table[code]) for kind, table in _CUES_BEFORE.items() if code in table]
    typed: list[Span] = []
    for start, end, kind in spans:
        before = max(0, start - 30)
        called = next((k for k, cue in cues if k != kind and cue.search(text, before, start)), None)
        if called is None and kind != "place" and code == "en" and _SIDE_AFTER.match(text, end):
            called = "place"
        if called is None and code == "en" and _placed_in(text, start, end, kind, language):
            called = "place"
        typed.append((start, end, called or kind))
    return typed


#: A town named by the police, sheriff or fire service that answered the call, in
#: running English text: "Buckeye police are investigating", "Richmond County deputies".
_SERVED_TOWN = re.compile(
    r"(?<![\w'’.-])(?P<town>(?:[A-Z][a-z][\w'’.-]*\s){0,2}[A-Z][a-z][\w'’.-]*)"
    r"\s+(?:police|sheriff['’]s|deputies|firefighters|fire\s+(?:officials|crews|department)"
    # "Cheyenne Police are investigating": a capital, but no longer name
    r"|Police(?=\s+[a-z])|Sheriff['’]s\s+(?:deputies|officials))\b"
)
#: First words of a police force that is no town's ("Transit police", "Capitol police").
_NOT_TOWNS = frozenset(
    {"metro", "metropolitan", "transit", "capitol", "park", "campus", "university", "college",
     "tribal", "county", "federal", "border", "airport", "state", "city", "local", "area",
     "military", "port", "harbor", "harbour", "railway", "royal", "secret", "national",
     "school", "village", "town", "township", "district", "regional", "mounted", "riot",
     "paramilitary", "traffic", "special", "armed", "civil", "religious", "morality",
     "immigration", "customs", "judicial", "tax", "railroad", "highway"}
)  # fmt: skip
#: Last words of a force's name that serve no town ("Kansas State police").
_NOT_LAST = frozenset(
    {"state", "university", "college", "transit", "capitol", "school", "campus", "airport",
     "tribal", "metro"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([\w'’.-]+)\s+$")


def _served_towns(spans: list[Span], text: str, language: str) -> list[Span]:
    """In English, the town of a police, sheriff or fire service as a place ("Buckeye
    police"), whatever type the model gave that span or where it gave none: local news
    names its town so, and the models miss a small town's name there more often than
    not."""
    if language.split("-")[0].lower() != "en":
        return spans
    found = list(spans)
    for match in _SERVED_TOWN.finditer(text):
        town = _served_town(text, match, language)
        if town is None:
            continue
        start, end = town
        overlapping = [span for span in found if span[0] < end and start < span[1]]
        # a miscellaneous name before "police" is a people's ("British police")
        if all(span[:2] == town and span[2] != "other" for span in overlapping):
            found = [span for span in found if span not in overlapping] + [(start, end, "place")]
    return sorted(found)


def _served_town(text: str, match: re.Match[str], language: str) -> tuple[int, int] | None:
    """The span of the town in a match of :data:`_SERVED_TOWN`, less a function word
    before it ("The Tampa police"); None for a force of no town ("Transit police"), or a
    run of capitalised words that goes on before it (the end of a longer name)."""
    start, end = match.span("town")
    while " " in text[start:end] and is_function_word(text[start:end].split()[0], language):
        start = text.index(" ", start) + 1
    words = text[start:end].split()
    if words[0].lower() in _NOT_TOWNS or words[-1].lower() in _NOT_LAST:
        return None
    if is_everyday_word(words[0], language):
        return None
    if _after_a_capital(text, start, language):
        return None
    return start, end


def _slash_joined(spans: list[Span], text: str) -> list[Span]:
    """Merge two names of one type joined by a bare slash: the models read "Radio Free
    Europe/Radio Liberty" as two organisations, but it is one name."""
    merged: list[Span] = []
    for start, end, kind in spans:
        if merged and merged[-1][2] == kind and text[merged[-1][1] : start] == "/":
            merged[-1] = (merged[-1][0], end, kind)
        else:
            merged.append((start, end, kind))
    return merged


#: A broadcaster's name around the word "News" that models split at its number:
#: "WAVE 3 News", "KHOU 11 News", "our 14 News", "News 6".
_STATION_BEFORE = re.compile(r"(?:\b[A-Z][A-Z0-9-]{1,6}\s+)?\b\d{1,2}\s+$")
_STATION_AFTER = re.compile(r"\s+\d{1,2}\b(?![.,:]\d)")


def _station_names(spans: list[Span], text: str) -> list[Span]:
    """A "News" span grown to the broadcaster's whole name, as an organisation, in
    place of the spans it then covers: models read "WAVE 3 News" as "WAVE" and
    "News", and a bare "News" would link across a story as one organisation."""
    grown: list[Span] = []
    for start, end, _ in spans:
        if text[start:end] != "News":
            continue
        before = _STATION_BEFORE.search(text, max(0, start - 12), start)
        after = _STATION_AFTER.match(text, end)
        if before or after:
            grown.append(
                (before.start() if before else start, after.end() if after else end, "org")
            )
    if not grown:
        return spans
    covered = [span for span in spans if any(g[0] <= span[0] and span[1] <= g[1] for g in grown)]
    return sorted([*(span for span in spans if span not in covered), *grown])


def _by_head_word(spans: list[Span], text: str, language: str) -> list[Span]:
    """A "person" whose name has a place's or an organisation's head word takes that
    type: "Harris County", "Kosair Children's Hospital" (see :mod:`.heads`); so does a
    "place" with an organisation's ("Perm State University", "l'université d'État de
    Perm"). A holiday or an epidemic is a name of no type, whatever type the model
    gave it."""
    return [
        (start, end, _head_typed(text[start:end], kind, language)) for start, end, kind in spans
    ]


def _head_typed(name: str, kind: EntityType, language: str) -> EntityType:
    if is_day_or_disease(name):
        return "other"  # "the New Year", "Weihnachten", "Coronavirus": no place or person
    if kind not in ("person", "place"):
        return kind
    found = head_type(name, language)
    if found == "other":
        return found if kind == "person" else kind  # "Storm Ingrid" is no person
    return found if found is not None and (kind == "person" or found == "org") else kind


#: Quotes that set off a nickname, each with its closer.
_NICKNAME_QUOTES = {'"': '"', "«": "»", "“": "”", "„": "“", "‘": "’", "'": "'"}
#: What follows a nickname: the surname it stands before.
_SURNAME_AFTER = re.compile(r"\s+(?P<surname>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)")


def _nicknames(spans: list[Span], text: str) -> list[Span]:
    """A "place" or "organisation" in quotes right before a capitalised word is a
    person's nickname, a name of no type: "Jorge «La Hiena» Barrios", "apuñalar a
    \"La Hiena\" Barrios", "Joaquín \"El Chapo\" Guzmán" (the model had read "La Hiena"
    as the place the story happened)."""
    places = {start for start, _, kind in spans if kind == "place"}
    found: list[Span] = []
    for start, end, kind in spans:
        opener = text[start - 1 : start] if start else ""
        closer = _NICKNAME_QUOTES.get(opener)
        after = _SURNAME_AFTER.match(text, end + 1)
        if (
            kind in ("place", "org")
            and closer is not None
            and text[end : end + 1] == closer
            and after is not None
            and after.start("surname") not in places  # "Paris" Texas
        ):
            kind = "other"
        found.append((start, end, kind))
    return found


#: The last word of a bar's, a restaurant's or a hotel's name after "and" or "&":
#: "Ice Bar and Grill", "Austins Bar & Grill", "Comfort Inn & Suites".
_VENUE_TAILS = frozenset(
    {"grill", "grille", "tavern", "lounge", "nightclub", "pub", "saloon", "cafe", "café",
     "billiards", "bistro", "diner", "steakhouse", "suites", "bar", "restaurant", "eatery",
     "taproom", "brewery", "cantina", "club", "inn"}
)  # fmt: skip
_VENUE_JOIN = re.compile(r"\s+(?:and|&)\s+$")


def _venue_tails(spans: list[Span], text: str) -> list[Span]:
    """A "place" that is the last word of a business's name ("Ice Bar and Grill") is
    that business, an organisation, joined to the name before it when the model gave
    one: models read "Grill" alone as a place, which the gazetteer then finds (Grill,
    Pennsylvania; 18 such mentions in the GVA dev pages)."""
    found: list[Span] = []
    for start, end, kind in spans:
        join = _VENUE_JOIN.search(text, max(0, start - 8), start)
        word_before = text[: join.start()].rsplit(None, 1)[-1:] if join else []
        if (
            kind != "place"
            or text[start:end].casefold() not in _VENUE_TAILS
            or join is None
            or not word_before
            or not word_before[0][:1].isupper()
        ):
            found.append((start, end, kind))
        elif found and found[-1][1] == join.start():
            found[-1] = (found[-1][0], end, "org")  # "Ice Bar" + " and Grill"
        else:
            found.append((start, end, "org"))
    return found


#: What tells a town in English around a one-word name: a preposition of place
#: before it ("in Hayward", "of Rockville"), a state after a comma, a dash or a
#: colon after it ("Gary, Ind.", "TRENTON —"), or a word after it that towns take
#: ("Kent police", "a Trenton boy", "the Willowbrooke neighborhood").
_TOWN_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|of|from|to|into|around|outside|across|through|toward|towards|"
    r"between|and|or|&|downtown|uptown|suburban)|[,;(])\s+$",
    re.IGNORECASE,
)
_TOWN_AFTER = re.compile(
    r"\s*(?:,\s*(?-i:[A-Z])|[—–(:])|\s+(?:police|sheriff|fire|county|city|township|area"
    r"|neighbou?rhood|community|residents?|man|woman|boy|girl|teen|teenager|family|native"
    r"|mother|father|couple|home|school|mayor|officials?|authorities|department|precinct"
    r"|street|road|avenue|schools?|laws?|drivers|governor|state)\b",
    re.IGNORECASE,
)


def _given_names(spans: list[Span], text: str, language: str) -> list[Span]:
    """In English, a one-word "place" that is the given name of a person the article
    names in full, and nothing around it tells a town, is that person: local news
    calls a child by the given name once it has named them ("Colby Fouch of West
    Point ... Everybody loved Colby", "Logan had died", "the bullet struck Caleb"),
    and the models tag such names as towns, which the gazetteer then finds."""
    if language.split("-")[0].lower() != "en":
        return spans
    given = {
        text[start:end].split()[0]
        for start, end, kind in spans
        if kind == "person" and len(text[start:end].split()) >= 2
    }
    found: list[Span] = []
    for start, end, kind in spans:
        word = text[start:end]
        if (
            kind == "place"
            and word in given
            and not word.isupper()  # a station's call sign, "KFVS"
            and not is_everyday_word(word, language)
            and not _THING_BEFORE.search(text, max(0, start - 24), start)
            and not _NAME_GOES_ON.match(text, end)
            and not _TOWN_BEFORE.search(text, max(0, start - 12), start)
            and not _TOWN_AFTER.match(text, end)
            and not _after_a_capital(text, start, language)
        ):
            kind = "person"
        found.append((start, end, kind))
    return found


#: An article before a name: a thing or a body ("the stolen Lincoln", "the Bureau"),
#: not a person called by a given name.
_THING_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:\w+\s+)?$", re.IGNORECASE)


#: A capitalised word right after a name: the name goes on ("Kent Chief of Police",
#: "Louisiana Governor"), so the one word is no one's given name alone.
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _after_a_capital(text: str, start: int, language: str) -> bool:
    """Whether the word before ``start`` is capitalised and no function word: a longer
    name goes on before it ("Portland Police Bureau", not "The Tampa police")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    word = before.group(1) if before else ""
    return word[:1].isupper() and not is_function_word(word, language)


#: A state's or a province's abbreviation after a town and a comma, as the American
#: and Canadian press write them: "Conyers, Ga.", "Langford, B.C.", "Kingston, Ont.".
#: (Not a short state's whole name at a sentence's end: "in Austin, Texas.")
_REGION_AFTER = re.compile(
    r",\s(?!(?:Texas|Idaho|Maine|Iowa|Ohio|Utah)\.)"
    r"(?P<region>[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3})(?!\w)"
)


def _region_abbreviations(spans: list[Span], text: str) -> list[Span]:
    """The abbreviated state or province after a place and a comma, as a place of its
    own: the models seldom tag it, and it is what tells Victoria, B.C. from Victoria,
    Hong Kong. The aliases stage reads the abbreviation, or finds no place."""
    taken = [(start, end) for start, end, _ in spans]
    found = list(spans)
    for _, end, kind in spans:
        after = _REGION_AFTER.match(text, end) if kind == "place" else None
        if after is None:
            continue
        region = after.span("region")
        if not any(s < region[1] and region[0] < e for s, e in taken):
            found.append((*region, "place"))
    return sorted(found)


#: An age set beside a name with a comma, in our languages: "Adélaïde, 26 mois",
#: "Lila, 3 ans et demi", "Hayden, 4, was shot", "Marta, 51 años".
_AGE_AFTER = re.compile(
    r",\s*\d{1,3}(?:\s*(?:ans?|años?|jaar|Jahren?|лет|года?|years?|yrs?|mois|meses|months?"
    r"|maanden|Monaten?|месяцев|месяца)\b|\s*[,;)])"
)


def _aged_names(spans: list[Span], text: str) -> list[Span]:
    """A "place" or "organisation" with an age set beside it by a comma is a person:
    "Le 3 avril 2018, Lila, 3 ans et demi, et Adélaïde, 26 mois, mouraient" (the
    model's place "Adélaïde" had been where a French story happened: Adelaide,
    Australia)."""
    return [
        (start, end, "person" if kind in ("place", "org") and _AGE_AFTER.match(text, end) else kind)
        for start, end, kind in spans
    ]


def _with_dateline(text: str, spans: list[Span]) -> list[Span]:
    """The dateline's town and region as place spans, in place of any model span over
    them."""
    places = dateline_places(text)
    if not places:
        return spans
    start, end = places[0][0], places[-1][1]
    kept = [span for span in spans if span[1] <= start or span[0] >= end]
    return sorted([*kept, *((s, e, "place") for s, e in places)])


def _slash_acronyms(text: str, spans: list[Span]) -> list[Span]:
    """Slash acronyms no model span covers, as organisations (the usual case in news;
    the aliases stage re-types a name its article spells out otherwise)."""
    taken = [(start, end) for start, end, _ in spans]
    return [
        (m.start(), m.end(), "org")
        for m in _SLASH_ACRONYM.finditer(text)
        if not any(start < m.end() and m.start() < end for start, end in taken)
    ]


def recognize(
    article_id: str, text: str, language: str, backend: str | None = None
) -> list[NamedMention]:
    """The named mentions in ``text``, in reading order, without overlaps.

    ``language`` is an ISO 639-1 code (or "und"); it picks the shipped model and
    is passed to backends that care.
    """
    return recognize_many([(article_id, text, language)], backend)[0]


def recognize_many(
    articles: Sequence[tuple[str, str, str]], backend: str | None = None
) -> list[list[NamedMention]]:
    """:func:`recognize` for each ``(article_id, text, language)``, in order."""
    readable = [(text, language) for _, text, language in articles if text and not text.isspace()]
    found = iter(_articles_spans(get_recognizer(backend), readable) if readable else [])
    return [
        _mentions(article_id, text, next(found), language) if text and not text.isspace() else []
        for article_id, text, language in articles
    ]


def _mentions(
    article_id: str, text: str, model_spans: list[Span], language: str
) -> list[NamedMention]:
    """Model spans plus dateline places and slash acronyms, as non-overlapping mentions."""
    spans = _within_one_sentence(_unbracketed(sorted(model_spans), text), text)
    spans = _without_trailing_words(spans, text, language)
    spans = _slash_joined(_without_preposition(spans, text, language), text)
    spans = _by_head_word(_station_names(spans, text), text, language)
    spans = _with_dateline(text, _typed_by_cues(spans, text, language))
    spans = _venue_tails(_nicknames(_served_towns(spans, text, language), text), text)
    spans = _region_abbreviations(_given_names(spans, text, language), text)
    spans = _aged_names(spans, text)
    mentions: list[NamedMention] = []
    last_end = -1
    common = _common_words(text, spans, language)
    for start, end, kind in sorted(spans + _slash_acronyms(text, spans)):
        if start < last_end or (start, end) in common or is_number_word(text[start:end], language):
            continue  # a common word the capital misled the model on, or a number
        mentions.append(NamedMention(article_id, start, end, text[start:end], kind))
        last_end = end
    return mentions


#: End punctuation of a sentence, with any closing quote or bracket after it.
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]?$")


def _common_words(text: str, spans: Sequence[Span], language: str) -> set[tuple[int, int]]:
    """Spans that are one capitalised word opening a sentence, where the same word
    stands lower-case elsewhere in the text, or (Russian) the dictionary knows it
    as a common word only: a common word the model took for a name because of its
    capital ("Ongeveer 200 bewoners", "Evacuees were let back", "Поездом управлял"),
    not a name. A word that also stands in a longer name of the text stays
    ("May said" beside "Theresa May"); mid-sentence capitals are the writer's own
    evidence of a name, so only sentence openings are judged. A one-word person
    that is one of the language's everyday words goes too ("Night had fallen.")."""
    names = [text[start:end].split() for start, end, _ in spans]
    longer = {word for words in names if len(words) > 1 for word in words}
    lower_words: set[str] | None = None
    found: set[tuple[int, int]] = set()
    for start, end, kind in spans:
        word = text[start:end]
        if _article_and_common_noun(word) and _opens_sentence(text, start):
            found.add((start, end))  # "De touringcar raakte ...": the coach, no name
            continue
        if not (word.istitle() and word.isalpha()) or word in longer:
            continue
        if not _opens_sentence(text, start):
            continue
        if lower_words is None:
            lower_words = _lower_case_words(text)
        if word.lower() in lower_words or _dictionary_word(word, kind, language):
            found.add((start, end))
    return found


#: Articles that open a sentence with a capital: "De", "Het", "Der", "The", "Le", ...
_ARTICLES = frozenset({
    "the", "a", "an", "de", "het", "een", "der", "die", "das", "ein", "eine",
    "le", "la", "les", "un", "une", "el", "los", "las", "uno", "una",
})  # fmt: skip


def _article_and_common_noun(span: str) -> bool:
    """Whether a span is an article and lower-case words only ("De touringcar")."""
    words = span.split()
    return (
        len(words) > 1
        and words[0].lower() in _ARTICLES
        and all(word.isalpha() and word.islower() for word in words[1:])
    )


def _dictionary_word(word: str, kind: str, language: str) -> bool:
    """A word the language's dictionary or word list marks as common: a Russian
    common noun (pymorphy3), or, for a person, one of the language's everyday words
    ("Night had fallen."; other types are left, since places and demonyms are
    frequent words too); for any type, one of its function words ("About 18% of
    patients", tagged a name of no type)."""
    if language == "ru":
        return is_common_noun(word) or is_function_word(word, language)
    return (kind == "person" and is_everyday_word(word, language)) or is_function_word(
        word, language
    )


def _lower_case_words(text: str) -> set[str]:
    """The lower-case words of running text, not those inside a web or mail address
    ("news@tribune.com", "/local/kent/"), which say nothing of how a word is written."""
    return {
        word
        for token in text.split()
        if not _ADDRESS.search(token)
        for word in re.findall(r"\w+", token)
        if word.islower()
    }


_ADDRESS = re.compile(r"[@/]|\w\.\w")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start]
    stripped = before.rstrip(" \t")
    if not stripped:
        return start == len(before)  # only spaces back to the text's start
    return stripped.endswith("\n") or bool(_SENTENCE_END.search(stripped))

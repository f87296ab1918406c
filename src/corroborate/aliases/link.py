"""Linking named mentions into entities: first inside each article, then across them.

Inside one article a writer introduces a person once ("Daniel Ortmann") and then
shortens ("Ortmann", "D. Ortmann"): a short form joins the one full name it fits,
and stays alone when two full names fit. Across articles and languages, names
are compared through their folded keys (:mod:`corroborate.aliases.fold`); a
fuzzy match is accepted only when the keys also sound alike, because a wrong
merge (two people made one) misleads a reader more than a missed one. Places
merge when they resolve to the same gazetteer entry, organisations when their
keys are equal or one is the acronym of the other.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import jellyfish
from rapidfuzz.fuzz import ratio
from wordfreq import available_languages, zipf_frequency

from corroborate.aliases.bodies import body_of
from corroborate.aliases.demonyms import demonym_of
from corroborate.aliases.fold import (
    NameToken,
    acronym_letters,
    clean_surface,
    ends_in_title,
    expansion_initials,
    fold_spelling,
    is_latin,
    name_before_role,
    name_key,
    person_tokens,
    strip_diacritics,
    strip_honorifics,
)
from corroborate.aliases.morph import (
    is_cyrillic,
    is_mans_case_form,
    is_oblique_mans_name,
    same_word,
)
from corroborate.aliases.places import (
    OWN_NAME_CITY_MIN_POPULATION,
    US_COUNTY_WORDS,
    big_city_country,
    country_named,
    only_villages,
    place_countries,
    place_lookup_key,
    place_regions,
    resolve_place,
)
from corroborate.aliases.sounds import sound_alike, sound_skeletons
from corroborate.aliases.translated import NamedGroup, NameEncoder, translated_pairs
from corroborate.model import Entity, EntityType, Mention, NamedMention, Place

#: Lowest rapidfuzz ratio (0-100) between two surname keys that may still be one
#: name; the keys must also share a Metaphone code. Tuned on ECB+ dev topics.
SURNAME_MIN_RATIO = 85.0
#: Shortest surname key a fuzzy match is tried on: short names differ by design.
SURNAME_FUZZY_MIN_LENGTH = 5
#: Lowest ratio between two given-name keys (Jon / John, Danil / Daniel).
GIVEN_MIN_RATIO = 85.0

#: Whether a lone given name ("Katie") joins the one full name in its article
#: that starts with it.
GIVEN_NAME_ONLY_IN_ARTICLE = True

#: Types whose shortened names ("Chargers") join the one longer name they end
#: or start (persons have their own surname rules).
PARTIAL_NAME_TYPES = frozenset({"org", "place", "other"})
#: A country is context for ambiguous place names when the story names it at least
#: this share as often as its most named country. A prior: a story's own countries
#: are named over and over, a stray one once or twice.
CONTEXT_SHARE = 0.25
#: What a mention of a name only villages bear counts towards its country.
VILLAGE_VOTE = 0.25

_TYPE_ORDER = {"person": 0, "place": 1, "org": 2, "other": 3}
#: Zipf frequency (wordfreq; 5 = once in ten thousand words) from which a one-word
#: place the gazetteer does not know is taken for an everyday word of the page, not
#: a place: "Photo" (a caption's credit, 148 GVA dev stories), "Published", "Posted",
#: "Visit", "Crime", "Officers"; compass points name regions and stay ("the West").
#: Chosen on GVA dev's unresolved one-word places:
#: from 4.5 up they are words but for a mistyped "Trump"; below it come given names
#: ("Kelly", "Aaron") and street words ("Highway", "Avenue") as often as buttons.
EVERYDAY_PLACE_ZIPF = 4.5


@dataclass(frozen=True)
class _Item:
    """One mention with everything matching needs, computed once."""

    index: int
    mention: NamedMention
    language: str
    key: str
    tokens: tuple[NameToken, ...]
    place: Place | None
    acronym: str | None


class _UnionFind:
    """Disjoint sets over item indices; the smaller index becomes the root so that
    results never depend on the order unions happen in."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self, members: Iterable[int]) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for member in members:
            out[self.find(member)].append(member)
        return out


# ----------------------------------------------------------------- person names


def given_name(tokens: tuple[NameToken, ...]) -> NameToken | None:
    """The first word before the surname that is not a particle, if any."""
    for token in tokens[:-1]:
        if not token.particle:
            return token
    return None


def is_full(tokens: tuple[NameToken, ...]) -> bool:
    """A given name and a surname, both spelt out ("Daniel Ortmann")."""
    given = given_name(tokens)
    return given is not None and not given.initial and not tokens[-1].initial


def _middles(tokens: tuple[NameToken, ...]) -> list[NameToken]:
    words = [token for token in tokens[:-1] if not token.particle]
    return words[1:]


@lru_cache(maxsize=65536)
def _metaphone(key: str) -> str:
    return str(jellyfish.metaphone(key))


def surnames_match(first: NameToken, second: NameToken) -> bool:
    """Equal keys, or close keys that also sound alike (Goering / Göring)."""
    if first.key == second.key:
        return True
    if first.cyrillic != second.cyrillic and _sound_alike(first, second):
        return True
    if _transliterated_alike(first, second):
        return True
    if (first.declined or second.declined) and _case_forms(first, second):
        return True
    if min(len(first.key), len(second.key)) < SURNAME_FUZZY_MIN_LENGTH:
        return False
    if first.key[0] != second.key[0] or _metaphone(first.key) != _metaphone(second.key):
        return False
    return ratio(first.key, second.key) >= SURNAME_MIN_RATIO


def given_names_match(first: NameToken, second: NameToken) -> bool:
    """Same given name: equal, an initial of it, a Cyrillic case form, or a close spelling."""
    if first.key == second.key:
        return True
    if first.initial or second.initial:
        return first.key[0] == second.key[0]
    if _sound_alike(first, second) or _case_forms(first, second):
        return True  # Jeremy / Джереми, Mateusz / Mateusza
    if _transliterated_alike(first, second):
        return True  # Evguéni / Jewgeni
    if first.cyrillic or second.cyrillic:
        short, long = sorted((first.key, second.key), key=len)
        if len(short) >= 3 and long.startswith(short) and len(long) - len(short) <= 2:
            return True  # Даниила / Daniil: a declined form
    if (
        first.key[0] != second.key[0]
        and _metaphone(first.key) != _metaphone(second.key)
        and not _cyrillic_vowel_variants(first, second)
    ):
        return False
    return ratio(first.key, second.key) >= GIVEN_MIN_RATIO


def _sound_alike(first: NameToken, second: NameToken, shortest: int = 2) -> bool:
    """A Latin and a Cyrillic word of one name, written as each script hears it
    (Johnson / Джонсон): see :mod:`corroborate.aliases.sounds`."""
    return sound_alike(first.written, first.cyrillic, second.written, second.cyrillic, shortest)


#: Shortest transliteration key two words of two languages may be matched by.
_HEARD_MIN_LENGTH = 4


def _transliterated_alike(first: NameToken, second: NameToken) -> bool:
    """Two Latin-script words read in articles of two languages that write one
    Russian name each by its own table ("Schtschukin", "Chtchoukine", "Shchukin":
    see :func:`corroborate.aliases.fold.transliteration_keys`)."""
    if first.language == second.language:
        return False
    return any(len(key) >= _HEARD_MIN_LENGTH for key in first.heard & second.heard)


#: Case endings of names in the languages of :data:`DECLINING_LATIN`, folded:
#: Polish "Donalda Tuska", "Theresy May", "Mateusza Morawieckiego", "Junckerem".
_CASE_ENDINGS = frozenset(
    fold_spelling(ending)
    for ending in (
        *("", "a", "u", "i", "e", "o", "y", "owi", "em", "ie", "ego", "emu", "im", "ym", "ej"),
        *("om", "iem", "iego", "iemu", "iej"),  # "Tannockiem", "Kowalskiej"
    )
)
#: Letters two case forms of a name must share before their endings.
_CASE_FORM_STEM = 3


def _case_forms(first: NameToken, second: NameToken) -> bool:
    """Two forms of one name in a language that declines names (one of the two
    words is from such a language): a shared stem, then case endings only."""
    if not (first.declined or second.declined):
        return False
    a, b = first.key, second.key
    stem = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return stem >= _CASE_FORM_STEM and a[stem:] in _CASE_ENDINGS and b[stem:] in _CASE_ENDINGS


def _cyrillic_vowel_variants(first: NameToken, second: NameToken) -> bool:
    """Given names that differ in their first vowel where one is Cyrillic: the
    Russian and Ukrainian forms of one name (Александр / Oleksandr), which a
    writer in the other language may use for the same person. The names must
    still be close spellings (:data:`GIVEN_MIN_RATIO`)."""
    vowels = "aeiouy"
    either = first.cyrillic or second.cyrillic
    return either and first.key[0] in vowels and second.key[0] in vowels


def full_names_match(first: tuple[NameToken, ...], second: tuple[NameToken, ...]) -> bool:
    """Two spelt-out names of one person: surname, given name and any middle agree
    (a surname of one sound may match across scripts here: Theresa May / Тереза Мэй;
    so may a given name of one sound beside a surname of three: Joe Biden / Джо
    Байден, Guy Verhofstadt / Ги Верхофстадт), or one is the other with a second
    surname after it, as Spanish and Catalan names have and other languages' reports
    drop ("Remedios Albalat Segura" is "Remedios Albalat")."""
    if _names_agree(first, second):
        return True
    short, long = sorted((first, second), key=len)
    return len(long) == len(short) + 1 and len(short) >= 2 and _names_agree(short, long[:-1])


def _names_agree(first: tuple[NameToken, ...], second: tuple[NameToken, ...]) -> bool:
    """Surname, given name and any middle of two spelt-out names agree (see
    :func:`full_names_match`)."""
    if not _same_surname(first[-1], second[-1]):
        return False
    given_a, given_b = given_name(first), given_name(second)
    if given_a is None or given_b is None:
        return False
    middles_a, middles_b = _middles(first), _middles(second)
    short_given = _sound_alike(first[-1], second[-1], 3) and _sound_alike(given_a, given_b, 1)
    if not (given_names_match(given_a, given_b) or short_given):
        return _one_word_more(middles_a, given_b) or _one_word_more(middles_b, given_a)
    if middles_a and middles_b:
        return given_names_match(middles_a[0], middles_b[0])
    return True


def _one_word_more(middles: list[NameToken], given: NameToken) -> bool:
    """Whether a name with a word before its given name ("Oekraïner Oleksandr
    Kovaltsjoek": a demonym the recogniser took in, or a first name the person
    does not go by) matches one that starts at that given name."""
    return len(middles) == 1 and given_names_match(middles[0], given)


def short_form_fits(short: tuple[NameToken, ...], full: tuple[NameToken, ...]) -> bool:
    """Whether a surname-only or abbreviated name may stand for a spelt-out one.

    "Ortmann", "van Ortmann", "D. Ortmann" and "Daniel O." fit "Daniel Ortmann";
    a lone given name does not (too many people share one).
    """
    if not short:
        return False
    given = given_name(short)
    surname = short[-1]
    full_given = given_name(full)
    if given is None:  # "Albalat" of "Remedios Albalat Segura", too: a first surname
        surnames = full[-2:] if _two_surnames(full) else full[-1:]
        return not surname.initial and any(_same_surname(surname, s) for s in surnames)
    if full_given is None:
        return False
    if surname.initial:
        return (
            not given.initial
            and given_names_match(given, full_given)
            and surname.key[0] == full[-1].key[0]
        )
    return _same_surname(surname, full[-1]) and given_names_match(given, full_given)


#: Languages whose names carry two surnames, the first of which alone names the
#: person ("Remedios Albalat Segura" is "Albalat").
TWO_SURNAME_LANGUAGES = frozenset({"es", "ca", "pt", "gl"})


def _two_surnames(full: tuple[NameToken, ...]) -> bool:
    """A name of three words read in an article of a language whose names carry two
    surnames (elsewhere the middle word is a given name: "Hafiz Muhammad Saeed")."""
    return len(full) == 3 and full[-1].language in TWO_SURNAME_LANGUAGES


def _same_surname(first: NameToken, second: NameToken) -> bool:
    """Matching surnames, or one surname written in two scripts, however short
    ("Мэй" for May), or a foreign man's surname and its Russian case form ("Гону"
    of "Карлос Гон"): a short form is only joined to the one full name it fits."""
    if surnames_match(first, second):
        return True
    if first.cyrillic and second.cyrillic:
        return is_mans_case_form(first.written, second.written) or is_mans_case_form(
            second.written, first.written
        )
    return first.cyrillic != second.cyrillic and _sound_alike(first, second, 1)


def given_only_fits(short: tuple[NameToken, ...], full: tuple[NameToken, ...]) -> bool:
    """A lone given name ("Katie") equal to a full name's given name."""
    given = given_name(full)
    return (
        len(short) == 1 and not short[0].initial and given is not None and short[0].key == given.key
    )


# ----------------------------------------------------------------- preparation


def _prepare(mentions: Sequence[NamedMention], languages: Mapping[str, str]) -> list[_Item]:
    """Sort, de-duplicate and annotate mentions so later steps are order-free."""
    unique = sorted(set(mentions), key=lambda m: (m.article, m.start, m.end, m.type, m.text))
    areas = story_areas(unique, languages)
    items: list[_Item] = []
    for mention in unique:
        language = languages.get(mention.article, "und")
        key = _demonym_key(mention) or name_key(mention.text, mention.type, language)
        key = key or " ".join(mention.text.casefold().split())
        tokens = person_tokens(mention.text, language) if mention.type == "person" else ()
        place = resolve_place(mention.text, language, areas) if mention.type == "place" else None
        # a body's acronym is settled by the table: "NAVO" is NATO, by its key
        spelt = mention.type != "org" or body_of(mention.text) is not None
        acronym = None if spelt else acronym_letters(mention.text)
        items.append(_Item(len(items), mention, language, key, tokens, place, acronym))
    return items


def _demonym_key(mention: NamedMention) -> str | None:
    """One key for every form of a nationality word ("Duitse", "deutscher", "German"),
    in any language (see :mod:`corroborate.aliases.demonyms`)."""
    demonym = demonym_of(mention.text) if mention.type == "other" else None
    return f"@demonym:{demonym}" if demonym else None


def story_countries(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> frozenset[str]:
    """The countries of the place names that can lie in only one ("Alabama",
    "Lithuania", a town no other country has) or that are a country's name beside
    small towns only ("Canada"), counted per mention: the context that
    decides where an ambiguous name of the same story lies. Only countries named at
    least :data:`CONTEXT_SHARE` as often as the most named one count, so one stray
    name (the West read as West, Texas) does not send "Paris" of a story about
    Russia and Lithuania to Texas. A name only villages bear counts a quarter
    (:data:`VILLAGE_VOTE`): "Etna" in a story about Sicily does not bring in the US."""
    counts: defaultdict[str, float] = defaultdict(float)
    for mention in mentions:
        if mention.type == "place":
            language = languages.get(mention.article, "und")
            countries = place_countries(mention.text, language)
            if len(countries) == 1:
                vote = VILLAGE_VOTE if only_villages(mention.text, language) else 1.0
                counts[next(iter(countries))] += vote
            elif country := country_named(mention.text, language):
                counts[country] += 1.0  # "Canada", though villages abroad share it
            elif country := big_city_country(mention.text, language):
                counts[country] += 1.0  # "Toronto", though villages abroad share it
    return _named_often(counts)


def story_areas(mentions: Sequence[NamedMention], languages: Mapping[str, str]) -> frozenset[str]:
    """The story's countries (see :func:`story_countries`) and the first-level
    divisions ("US-IL") of its place names that can lie in only one division of
    those countries ("Illinois", "Ill.", "Chicago"), named as often relative to each
    other: the context that sends "Englewood" to Chicago's neighbourhood."""
    countries = story_countries(mentions, languages)
    counts: Counter[str] = Counter()
    for mention in mentions:
        language = languages.get(mention.article, "und")
        if mention.type == "place":
            regions = place_regions(mention.text, language, countries)
            if len(regions) == 1:
                counts.update(regions)
        elif mention.type == "org" and (region := _agency_region(mention.text, language)):
            counts[region] += 1
    return countries | _named_often(counts)


#: A public agency named after the state or town it serves ("Vermont State Police",
#: "Georgia Bureau of Investigation", "Texas Department of Public Safety"): the story
#: is set there, though the text may name the state no other way.
_AGENCY = re.compile(
    r"^(?P<where>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}?)\s+"
    r"(?:State\s+(?:Police|Patrol|Troopers?)|Highway\s+Patrol|Bureau\s+of|Department\s+of"
    r"|Division\s+of|Attorney\s+General|National\s+Guard)\b"
)


def _agency_region(name: str, language: str) -> str | None:
    """The division ("US-VT") of the place an agency's name begins with (see
    :data:`_AGENCY`), read as the gazetteer reads that name alone: "Vermont" is the
    state, not a suburb of Melbourne."""
    match = _AGENCY.match(name)
    place = resolve_place(match["where"], language) if match else None
    return place.region if place else None


def _named_often(counts: Mapping[str, float]) -> frozenset[str]:
    """The keys counted at least :data:`CONTEXT_SHARE` as often as the top one."""
    top = max(counts.values(), default=0)
    return frozenset(key for key, n in counts.items() if n >= CONTEXT_SHARE * top)


# ----------------------------------------------------------------- linking steps


def _link_persons(items: list[_Item], sets: _UnionFind) -> None:
    by_article: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_article[item.mention.article].append(item)
    for article_items in by_article.values():
        _link_persons_in_article(article_items, sets)
    _link_persons_across(items, sets)


def _link_persons_in_article(items: list[_Item], sets: _UnionFind) -> None:
    """Same key -> same person; full names that agree merge; short forms join the
    single full name they fit."""
    first_of_key: dict[str, int] = {}
    for item in items:
        sets.union(first_of_key.setdefault(item.key, item.index), item.index)
    full = [item for item in items if is_full(item.tokens)]
    for position, item in enumerate(full):
        for other in full[position + 1 :]:
            if full_names_match(item.tokens, other.tokens):
                sets.union(item.index, other.index)
    for item in items:
        if is_full(item.tokens):
            continue
        roots = {sets.find(f.index) for f in full if short_form_fits(item.tokens, f.tokens)}
        if not roots and GIVEN_NAME_ONLY_IN_ARTICLE:
            roots = {sets.find(f.index) for f in full if given_only_fits(item.tokens, f.tokens)}
        if len(roots) == 1:
            sets.union(item.index, roots.pop())


def _link_persons_across(items: list[_Item], sets: _UnionFind) -> None:
    """Full names merge across articles when they match; clusters that never name
    the person in full join the one full-name entity they fit, if only one does."""
    full = [item for item in items if is_full(item.tokens)]
    scripts = _both_scripts(items)
    declined = any(item.tokens[-1].declined for item in items if item.tokens)
    blocks: dict[str, list[_Item]] = defaultdict(list)
    for item in full:
        surname = item.tokens[-1]
        blocks[_metaphone(surname.key)].append(item)
        if len(item.tokens) >= 3:  # and by a first surname before a second one
            blocks[_metaphone(item.tokens[-2].key)].append(item)
        for heard in surname.heard:  # as each language transliterates it
            blocks["^" + heard].append(item)
        # and by its sounds, where Latin and Cyrillic spellings of a name meet,
        # and by its first letters, where its case forms do ("Morawieckiego")
        for skeleton in sound_skeletons(surname.written, surname.cyrillic) if scripts else ():
            blocks["~" + skeleton].append(item)
        if declined:
            blocks["@" + surname.key[:_CASE_FORM_STEM]].append(item)
    for block in blocks.values():
        distinct = _distinct_by_key(block)
        for position, item in enumerate(distinct):
            for other in distinct[position + 1 :]:
                if full_names_match(item.tokens, other.tokens):
                    sets.union(item.index, other.index)
    for block in _distinct_key_groups(full):
        for item in block[1:]:
            sets.union(block[0].index, item.index)
    _attach_short_clusters(items, full, sets, scripts)


def _distinct_by_key(items: list[_Item]) -> list[_Item]:
    seen: dict[str, _Item] = {}
    for item in items:
        seen.setdefault(item.key, item)
    return list(seen.values())


def _distinct_key_groups(items: list[_Item]) -> list[list[_Item]]:
    groups: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        groups[item.key].append(item)
    return [group for group in groups.values() if len(group) > 1]


def _attach_short_clusters(
    items: list[_Item], full: list[_Item], sets: _UnionFind, scripts: bool
) -> None:
    full_roots = {sets.find(item.index) for item in full}
    clusters = sets.groups(item.index for item in items)
    by_index = {item.index: item for item in items}
    short_clusters = [members for root, members in clusters.items() if root not in full_roots]
    by_surname: dict[str, list[_Item]] = defaultdict(list)
    for item in full:
        surnames = item.tokens[-2:] if _two_surnames(item.tokens) else item.tokens[-1:]
        for initial in {i for surname in surnames for i in _surname_initials(surname, scripts)}:
            by_surname[initial].append(item)
    orphans: dict[str, list[int]] = defaultdict(list)
    for members in sorted(short_clusters):
        forms = [by_index[m] for m in members]
        candidates = {
            sets.find(f.index)
            for form in forms
            if form.tokens
            for initial in _surname_initials(form.tokens[-1], scripts, lookup=True)
            for f in by_surname.get(initial, [])
            if short_form_fits(form.tokens, f.tokens)
        }
        if len(candidates) == 1:
            sets.union(members[0], candidates.pop())
        elif not candidates:
            orphans[min(form.key for form in forms)].append(members[0])
    for roots in orphans.values():
        for root in roots[1:]:
            sets.union(roots[0], root)


def _surname_initials(surname: NameToken, scripts: bool, lookup: bool = False) -> tuple[str, ...]:
    """Where a full name's surname is filed (or a short form's ``lookup``-ed): its
    key's first letter, its transliteration key's (:func:`_transliterated_alike`),
    and, in a story that names people in both Latin and Cyrillic
    letters, its first sound, filed under its own script and looked up under the
    other's (Johnson and Джонсон start with "j" there, not with "i" and "d")."""
    heard = sorted({f"^{key[:1]}" for key in surname.heard})  # Chtchoukine under "s" too
    if not scripts:
        return surname.key[:1], *heard
    sounds = {skeleton[:1] for skeleton in sound_skeletons(surname.written, surname.cyrillic)}
    side = surname.cyrillic != lookup
    return surname.key[:1], *heard, *(f"~{side}{sound}" for sound in sorted(sounds))


def _both_scripts(items: Sequence[_Item]) -> bool:
    """Whether persons are named in both Latin and Cyrillic letters."""
    found = {token.cyrillic for item in items for token in item.tokens[-1:]}
    return len(found) == 2


def _link_by_key(items: list[_Item], sets: _UnionFind) -> None:
    """Equal folded keys (or, for places, the same gazetteer entry) -> one entity.

    Acronyms are left out: "QL" may stand for two bodies in two articles, so
    :func:`_link_acronyms` decides where each one goes.
    """
    first: dict[tuple[str, str], int] = {}
    for item in items:
        if item.acronym is not None:
            continue
        group = _place_group(item.place) if item.place is not None else item.key
        sets.union(first.setdefault((item.mention.type, group), item.index), item.index)
    for item in items:
        spelt = first.get((item.mention.type, item.key))
        if item.acronym is not None and spelt is not None:
            sets.union(spelt, item.index)  # "COLTS" is the word Colts, set in capitals


def _link_case_forms(items: list[_Item], sets: _UnionFind) -> None:
    """One-word Cyrillic names that are case forms of one word ("Хенгелвелд",
    "Хенгелвелде", "Хенгелвелдом") -> one entity, when the gazetteer placed none of
    them apart (:func:`corroborate.aliases.morph.same_word`)."""
    by_start: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        text = item.mention.text.strip()
        if item.place is None and " " not in text and is_cyrillic(text):
            by_start[text[:4].lower()].append(item)
    for block in by_start.values():
        for position, item in enumerate(block):
            for other in block[position + 1 :]:
                if same_word(item.mention.text.strip(), other.mention.text.strip()):
                    sets.union(item.index, other.index)


def _place_group(place: Place) -> str:
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    return f"place:{place.country}:{place.name}"


def _link_translations(items: list[_Item], sets: _UnionFind, encode: NameEncoder) -> None:
    """Join organisations that sources name in different languages (see
    :mod:`.translated`)."""
    by_index = {item.index: item for item in items}
    groups = sets.groups(by_index)
    roots = sorted(groups)
    described = [
        NamedGroup(
            languages=frozenset(by_index[i].language for i in groups[root]),
            names=tuple(
                sorted(
                    {
                        " ".join(by_index[i].mention.text.split())
                        for i in groups[root]
                        if by_index[i].acronym is None
                    }
                )
            ),
        )
        for root in roots
    ]
    for first, second in translated_pairs(described, encode):
        sets.union(roots[first], roots[second])


def _link_acronyms(items: list[_Item], sets: _UnionFind) -> None:
    """ "NATO" joins "North Atlantic Treaty Organization": the one expansion in its
    own article, else the one expansion in the whole input; an acronym that no
    expansion anywhere fits joins the same acronym elsewhere; one that several
    fit stays alone."""
    expansions: dict[str, list[_Item]] = defaultdict(list)
    local_groups: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    spelt_keys = {item.key for item in items if item.acronym is None}
    for item in items:
        if item.acronym is not None and item.key in spelt_keys:
            continue
        if item.acronym is None:
            for initials in expansion_initials(item.mention.text) | _acronym_at_end(item):
                expansions[initials].append(item)
        else:
            local_groups[(item.mention.article, item.acronym)].append(item)
    orphans: dict[str, list[int]] = defaultdict(list)
    for (article, letters), group in sorted(local_groups.items()):
        for item in group[1:]:
            sets.union(group[0].index, item.index)
        fits = expansions.get(letters, [])
        local = {sets.find(f.index) for f in fits if f.mention.article == article}
        chosen = local if local else {sets.find(f.index) for f in fits}
        if len(chosen) == 1:
            sets.union(group[0].index, chosen.pop())
        elif not chosen:
            orphans[letters].append(group[0].index)
    for roots in orphans.values():
        for root in roots[1:]:
            sets.union(roots[0], root)


def _acronym_at_end(item: _Item) -> set[str]:
    """The acronym an organisation's longer name ends in, as a word of its own: it
    describes the body the acronym names ("Katastrophenschutzbehörde AFAD", "the
    disaster agency AFAD")."""
    words = item.mention.text.split()
    letters = acronym_letters(words[-1]) if item.mention.type == "org" and len(words) > 1 else None
    return {letters} if letters else set()


def _is_part_of(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is the start or the end of ``long``, in whole words."""
    size = len(short)
    return 0 < size < len(long) and (long[:size] == short or long[-size:] == short)


def _glued(long: list[str], names: set[tuple[str, ...]]) -> bool:
    """Whether ``long`` starts with one of the ``names`` and ends with another, without
    the two overlapping: two names the model ran together ("Ост-Велдмарк Хенриетте
    Схолтен-Бринк", a town and its mayor), not one longer name. Only ``long``'s own
    prefixes and suffixes are looked up, so the cost does not grow with ``names``."""
    heads = [k for k in range(1, len(long)) if tuple(long[:k]) in names]
    tails = [k for k in range(1, len(long)) if tuple(long[-k:]) in names]
    return any(h + t <= len(long) for h in heads for t in tails)


def _link_partial_names(items: list[_Item], sets: _UnionFind) -> None:
    """ "Chargers" joins "San Diego Chargers", "Betty Ford" joins "Betty Ford
    Center": a name that is the first or last words of exactly one longer name of
    the same type, in its article if one is there, else in the whole input.
    Gazetteer places and acronyms are left to their own rules. A longer name that
    starts with one shorter name and ends with another takes neither (:func:`_glued`):
    joining both would merge two entities through it."""
    candidates = [item for item in items if item.place is None and item.acronym is None]
    names = {tuple(item.key.split()) for item in candidates}
    by_edge: dict[str, list[_Item]] = defaultdict(list)
    for item in candidates:
        words = item.key.split()
        if len(words) > 1 and not _glued(words, names):
            by_edge[words[0]].append(item)
            by_edge[words[-1]].append(item)
    for item in candidates:
        words = item.key.split()
        if not words:
            continue
        longer = {
            id(other): other
            for edge in {words[0], words[-1]}
            for other in by_edge.get(edge, [])
            if _is_part_of(words, other.key.split())
        }.values()
        local = {sets.find(o.index) for o in longer if o.mention.article == item.mention.article}
        everywhere = {sets.find(o.index) for o in longer}
        chosen = local if local else everywhere
        if len(chosen) == 1:
            sets.union(item.index, chosen.pop())


# ----------------------------------------------------------------- output


def _display(item: _Item) -> str:
    """The surface without grammar or titles, as the canonical-name candidate."""
    surface = " ".join(clean_surface(item.mention.text, item.language).split())
    if item.mention.type == "person":
        surface = strip_honorifics(surface)
    return surface


def canonical_name(members: list[_Item]) -> str:
    """Latin script first, then full names (persons) or long forms (acronyms, and
    names that end in one, lose),
    then a Cyrillic man's name in its nominative ("Карлос Гон" over "Карлоса Гона";
    :func:`_nominative_form` builds it when no source gives it: "Мишель Аун"),
    then a form with its diacritics over the same name written without them
    ("Kasčiūnas", not "Kasciunas", however often a source drops them), then, for a
    person whose full name sources spell by their own languages' transliterations
    ("Alexej Schurawljow", "Alexeï Jouravliov", "Alexei Zhuravlyov"), the English
    article's spelling, then the most frequent, then a person's name over the same
    name with one more word after it (the recogniser ran on into the next word,
    "Nicole Carr Updated", or a second surname, "Remedios Albalat Segura"), then the
    longest; ties alphabetically."""
    counts = Counter(_display(item) for item in members)
    by_form = {_display(item): item for item in members}
    nominative = _nominative_form(members)
    if nominative is not None:
        counts[nominative] = 0
    full_keys = {item.key for item in members if item.tokens and is_full(item.tokens)}
    transliterated = len(full_keys) > 1
    words = {tuple(token.key for token in item.tokens) for item in members if item.tokens}

    def rank(form: str) -> tuple[bool, bool, bool, bool, bool, int, bool, int, str]:
        item = by_form.get(form)
        if item is None:  # the nominative built for a name told only in other cases
            return (True, False, False, True, True, 0, False, -len(form), form)
        # "Katastrophenschutzbehörde AFAD" is the acronym with words on, no long form
        spelt_out = (
            is_full(item.tokens) if item.tokens else not (item.acronym or _acronym_at_end(item))
        )
        plain = strip_diacritics(form)
        stripped = plain != form and plain in counts
        english = transliterated and item.language == "en"
        return (
            not is_latin(form),
            not spelt_out,
            _oblique(item),
            not stripped,
            not english,
            -counts[form],
            len(item.tokens) > 2 and tuple(t.key for t in item.tokens[:-1]) in words,
            -len(form),
            form,
        )

    return min(counts, key=rank)


def _oblique(item: _Item) -> bool:
    """Whether a Cyrillic person's full name is told in an oblique case, as its
    first word, a man's given name, shows ("Мишелем Ауном", "Карлоса Гона")."""
    if item.mention.type != "person" or not item.tokens or not is_full(item.tokens):
        return False
    first = _display(item).split()[0]
    return is_cyrillic(first) and is_oblique_mans_name(first)


def _nominative_form(members: list[_Item]) -> str | None:
    """A man's Cyrillic full name with each word in its nominative, as the aliases
    stage read it ("Мишелем Ауном" -> "Мишель Аун"), when every full form the
    sources give is in another case; None otherwise (a woman's name is never
    rebuilt: her surname's nominative is not the stage's masculine key). Russian
    reports name a person in whatever case the sentence asks for, and a label in the
    instrumental reads as a slip."""
    full = [item for item in members if item.tokens and is_full(item.tokens)]
    if not full or not all(_oblique(item) for item in full):
        return None
    forms = Counter(form for item in full if (form := _rebuilt(item)) is not None)
    return forms.most_common(1)[0][0] if forms else None


def _rebuilt(item: _Item) -> str | None:
    """A name's surface with each word swapped for its nominative, hyphens kept
    ("Жан-Клода Юнкера" -> "Жан-Клод Юнкер"); None when its words and tokens differ
    in number (a title or suffix was left out of the tokens)."""
    pieces = re.split(r"([\s-]+)", _display(item))
    words = pieces[::2]
    if len(words) != len(item.tokens):
        return None
    for index, token in zip(range(0, len(pieces), 2), item.tokens, strict=True):
        pieces[index] = token.written[:1].upper() + token.written[1:]
    return "".join(pieces)


def _entity(type_: str, members: list[_Item]) -> Entity:
    places = [item.place for item in members if item.place is not None]
    place = Counter(places).most_common(1)[0][0] if places else None
    # a name from our tables, in English: an international body's, a nationality's
    # ("other" mentions never hold a body: those are typed organisations)
    table = demonym_of if type_ == "other" else body_of
    named = Counter(found for item in members if (found := table(item.mention.text)))
    english = named.most_common(1)[0][0] if named else None
    name = place.name if place is not None else english or canonical_name(members)
    return Entity(
        id="",
        type=type_,
        name=name,
        aliases=sorted({" ".join(item.mention.text.split()) for item in members}),
        mentions=[
            Mention(item.mention.article, item.mention.start, item.mention.end)
            for item in sorted(members, key=_position)
        ],
        place=place,
    )


def _position(item: _Item) -> tuple[str, int, int]:
    return (item.mention.article, item.mention.start, item.mention.end)


def _stable_id(entity: Entity) -> str:
    if entity.place is not None:
        basis = f"{entity.type}\x1f{_place_group(entity.place)}"
    else:
        basis = f"{entity.type}\x1f{name_key(entity.name, entity.type)}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def _entity_order(entity: Entity) -> tuple[int, str, str, list[tuple[str, int, int]]]:
    spans = [(m.article, m.start, m.end) for m in entity.mentions]
    return (_TYPE_ORDER.get(entity.type, 9), entity.name.casefold(), entity.name, spans)


def _assign_ids(entities: list[Entity]) -> None:
    """sha1 of type and canonical key; a rare clash gets a suffix in mention order."""
    entities.sort(key=_entity_order)
    seen: Counter[str] = Counter()
    for entity in entities:
        base = _stable_id(entity)
        seen[base] += 1
        entity.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


def harmonise_types(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """Give a one-word mention the type its name has elsewhere.

    NER models tag a bare surname inconsistently ("Ortmann" as a person in one
    sentence, an organisation or a place in the next), and type agreement would
    then split one person into several entities. A one-word mention becomes a
    person when its article spells out a person whose surname it is (the writer
    introduced them), unless it is a place told with its region ("Langford, B.C."
    beside the model's "Brazen Langford"); otherwise it takes the type a strict
    majority of the mentions of its key have. A surname of two words ("Scholten-Brink") becomes a
    person when its article spells out the person ("Henriëtte Scholten-Brink"), or
    when another article does and the gazetteer knows no place of that name; a
    one-word name is not judged across articles ("Osterkamp" is a town beside a
    "Chemiepark Osterkamp" the model took for a person). Other longer names keep
    their type: they are tagged more reliably. Within an article, a place outvotes
    the majority when the gazetteer knows the name: models tag a town inconsistently
    ("TULSA, Okla." a place, "a Tulsa mother" other), and the place tag is the one a
    gazetteer can confirm. A one-word name of no known type ("other"), or a country
    the model took for an organisation ("dans l'est de la France"), is a place when
    another article names that place ("the town of Kybartai" beside "as the train
    approached Kybartai"); a person's name is not, since towns and surnames
    share many names ("Warren"). Within one article, a one-word name its article also
    gives as a place and the model took for a person is that place, known to the
    gazetteer or not, when the story's mentions of it are places at least as often
    and no full name of the story holds it (see :func:`_place_not_person`).
    """
    keys = [name_key(m.text, "person", languages.get(m.article, "und")).split() for m in mentions]
    surnames = {
        (m.article, " ".join(key[cut:]))
        for m, key in zip(mentions, keys, strict=True)
        if m.type == "person"
        for cut in range(1, len(key))
    }
    story_surnames = {surname for _, surname in surnames}
    story_name_words = {
        word
        for m, key in zip(mentions, keys, strict=True)
        if m.type == "person" and len(key) > 1
        for word in key
    }
    places = {
        (m.article, " ".join(key))
        for m, key in zip(mentions, keys, strict=True)
        if m.type == "place"
    }
    story_places = {key for _, key in places}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention, key in zip(mentions, keys, strict=True):
        votes[" ".join(key)][mention.type] += 1
    in_a_region = _placed_in_a_region(mentions)
    result: list[NamedMention] = []
    for mention, key in zip(mentions, keys, strict=True):
        joined = " ".join(key)
        wanted: str = mention.type
        if len(key) == 1:
            wanted = _voted_type(votes[joined], mention.type)
            # a town is a town in every article, not a person, though
            here = (mention.article, joined) in places
            elsewhere = joined in story_places and (
                wanted == "other" or (wanted == "org" and _a_country(mention, languages))
            )
            known = (here or elsewhere) and _gazetteer_knows(mention, languages)
            if known or _place_not_person(mention, votes[joined], here, joined in story_name_words):
                wanted = "place"
        elif mention.type != "place" or not _gazetteer_knows(mention, languages):
            wanted = _outvoted_type(votes[joined], mention.type)
        # "Burgemeester Scholten-Brink", named in full in this article or another
        named_elsewhere = len(key) > 1 and joined in story_surnames
        if ((mention.article, joined) in surnames and mention not in in_a_region) or (
            named_elsewhere and wanted != "person" and not _gazetteer_knows(mention, languages)
        ):
            wanted = "person"
        if wanted != mention.type:
            mention = replace(mention, type=wanted)  # type: ignore[arg-type]
        result.append(mention)
    return result


def _placed_in_a_region(mentions: Sequence[NamedMention]) -> set[NamedMention]:
    """Places followed by another place after a comma ("Langford, B.C.", "Warren,
    Ohio"): a town told with its state is a town, though a person of the article
    bears its name ("Brazen Langford", the model's person of a headline)."""
    starts = {(m.article, m.start) for m in mentions if m.type == "place"}
    return {m for m in mentions if m.type == "place" and (m.article, m.end + 2) in starts}


def _place_not_person(
    mention: NamedMention, votes: Counter[str], place_here: bool, in_a_full_name: bool
) -> bool:
    """A one-word "person" its article also gives as a place, which the story's
    mentions call a place at least as often as a person, and no full name of the
    story holds ("the village of Kesselbrück", then "between Allerhude and
    Kesselbrück"; not "Tristan, 8", twice taken for a place among five mentions)."""
    return (
        mention.type == "person"
        and place_here
        and not in_a_full_name
        and votes["place"] >= votes["person"]
    )


#: Languages whose names take a bare "-s" in the genitive ("Putins Krieg").
GENITIVE_S_LANGUAGES = frozenset({"de"})


def _without_genitive_s(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """German names take an "-s" in the genitive ("Kesselbrücks Ortsbürgermeister",
    "Putins Krieg", "Deutschlands Norden"). A mention in German that is another
    mention's name, or a person's surname, plus "s" is that name: its span ends before
    the "s" and it takes the type the story gives that name most. A name that ends
    in "s" of itself ("Hans", "Paris") has no mention without it."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        types[m.text][m.type] += 1
        if m.type == "person" and " " in m.text:
            types[m.text.split()[-1]]["person"] += 1
    result: list[NamedMention] = []
    for m in mentions:
        stem = m.text[:-1]
        if (
            languages.get(m.article) in GENITIVE_S_LANGUAGES
            and m.text.endswith("s")
            and not m.text.endswith("ss")
            and stem in types
        ):
            kind = types[stem].most_common(1)[0][0]
            m = replace(m, end=m.end - 1, text=stem, type=kind)  # type: ignore[arg-type]
        result.append(m)
    return result


def _known_orgs(
    mentions: Sequence[NamedMention], languages: Mapping[str, str], outlets: Iterable[str]
) -> list[NamedMention]:
    """Mentions typed as organisations when their name is one of ``outlets`` or an
    international body (see :mod:`corroborate.aliases.bodies`): models tag "told
    Continental Wire" or "the EU" a place or a person as often as an organisation."""
    spoken = set(languages.values()) or {"und"}
    keys = {name_key(outlet, "org", language) for outlet in outlets for language in spoken}
    keys.discard("")

    def known(m: NamedMention) -> bool:
        key = name_key(m.text, "org", languages.get(m.article, "und"))
        return key in keys or body_of(m.text) is not None

    return [replace(m, type="org") if m.type != "org" and known(m) else m for m in mentions]


def _unglued(mentions: Sequence[NamedMention], languages: Mapping[str, str]) -> list[NamedMention]:
    """Mentions with a name the model ran together with a person's after it split in
    two: "Мэр общины Ост-Велдмарк Хенриетте Схолтен-Бринк" is read as one place, a
    town and its mayor. A mention (not a person's) splits where its first words are
    a name the story gives elsewhere and the rest is the full name of a person the
    story names, so neither entity takes the other's name as an alias."""
    types: dict[str, EntityType] = {}
    persons: set[str] = set()
    for mention in mentions:
        key = name_key(mention.text, mention.type, languages.get(mention.article, "und"))
        types.setdefault(key, mention.type)
        if mention.type == "person" and " " in key:
            persons.add(key)
    found: list[NamedMention] = []
    for mention in mentions:
        language = languages.get(mention.article, "und")
        split = None if mention.type == "person" else _glue_point(mention, language, types, persons)
        if split is None:
            found.append(mention)
            continue
        head_end, tail_start, head_type = split
        text, start, article = mention.text, mention.start, mention.article
        head = NamedMention(article, start, start + head_end, text[:head_end], head_type)
        tail = NamedMention(article, start + tail_start, mention.end, text[tail_start:], "person")
        found += [head, tail]
    return found


#: language -> endings of an adjective the recogniser may take into a place's name,
#: in languages that capitalise adjectives of places: "het West-Russische Smolensk",
#: "het Oekraïense Charkiv", "im Russischen Smolensk".
_PLACE_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "nl": ("se", "sche"),
    "de": ("ische", "ischen", "isches", "ischer"),
}
#: A noun compounded on an acronym, which the recogniser may take into the place after
#: it in the same languages: "EU-land Litouwen", "NAVO-lidstaat Polen", "EU-Land Polen".
_ACRONYM_COMPOUND = re.compile(r"[A-Z]{2,}-\w+")


def _without_adjectives(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """Place mentions without an adjective the recogniser took in ("West-Russische
    Smolensk" is Smolensk), when the words after it are a place the story names on
    their own elsewhere: so the Dutch report's Smolensk is the English report's, and
    "the West" of another sentence does not join "West-Russische ..." by its first
    word. Other names that start with such a word ("Haagse Bos") are left whole."""
    places = {
        name_key(m.text, "place", languages.get(m.article, "und"))
        for m in mentions
        if m.type == "place"
    }
    found: list[NamedMention] = []
    for mention in mentions:
        language = languages.get(mention.article, "und")
        endings = _PLACE_ADJECTIVE_ENDINGS.get(language)
        words = list(re.finditer(r"\S+", mention.text))
        if mention.type == "place" and endings and len(words) > 1:
            rest = mention.text[words[1].start() :]
            adjective = words[0].group().casefold()
            modifier = adjective.endswith(endings) or _ACRONYM_COMPOUND.fullmatch(words[0].group())
            if modifier and name_key(rest, "place", language) in places:
                start = mention.start + words[1].start()
                mention = NamedMention(mention.article, start, mention.end, rest, "place")
        found.append(mention)
    return found


#: Languages that hyphen a role or a thing onto a name ("Iberia-Chefin", "KLM-topman").
_ROLE_COMPOUND_LANGUAGES = frozenset({"de", "nl"})


def _without_role_compounds(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """Names of no person that end in a hyphened role or thing cut to the name in it:
    "Iberia-Chefin" is Iberia, "SPD-Fraktion" the SPD (:func:`.fold.name_before_role`).
    The recognisers tag such a compound as a miscellaneous name, as the CoNLL data
    does; the name in it is as a rule a company, party or body, so it is one."""
    found: list[NamedMention] = []
    for mention in mentions:
        words = mention.text.split(" ")
        name = name_before_role(words[-1]) if mention.type != "person" else None
        if name and languages.get(mention.article, "und") in _ROLE_COMPOUND_LANGUAGES:
            end = mention.end - len(words[-1]) + len(name)
            kind: EntityType = "org" if mention.type == "other" else mention.type
            text = mention.text[: end - mention.start]
            mention = NamedMention(mention.article, mention.start, end, text, kind)
        found.append(mention)
    return found


def _split_places(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """Places the recogniser read as one name, split into a place mention each (see
    :func:`_adjacent_places` and :func:`_route_ends`); the whole must be no place the
    gazetteer knows."""
    found: list[NamedMention] = []
    for mention in mentions:
        language = languages.get(mention.article, "und")
        parts = _adjacent_places(mention, language) or _route_ends(mention, language)
        if parts and resolve_place(mention.text, language) is None:
            found += [
                NamedMention(mention.article, mention.start + start, mention.start + end,
                             mention.text[start:end], "place")
                for start, end in parts
            ]  # fmt: skip
        else:
            found.append(mention)
    return found


#: A police, sheriff or fire service named after the town or county it serves, the
#: place first: "Tampa Fire Rescue", "the Omaha Police Department", "Bibb County
#: Sheriff's Office". Local news names the force that answered the call, often where
#: no sentence names the town on its own.
_SERVICE = re.compile(
    r"^(?:the\s+)?(?!(?:Metro|Metropolitan|Capitol|Transit|University|Campus|State|Park|Port"
    r"|Airport|Harbou?r|Tribal|Military|Border|Railway|City|County)\b)"
    r"(?P<where>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}?)\s+"
    r"(?:(?P<sheriff>Sheriff)['’]?s?|Police|Fire|Metro(?:politan)?\s+Police)\b"
)


def _with_served_places(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """The mentions, and a place mention for the town or county in the name of each
    service that answers a call there (see :data:`_SERVICE`): the organisation keeps its
    mention, and its town becomes a place of the story, so "Tampa Fire Rescue" tells
    where the shooting was when the model tagged no "Tampa" alone. Only places the
    gazetteer knows as a town or a county ("Capitol Police" serves no town), and for a
    sheriff only a county ("Bossier Sheriff's Office" serves Bossier Parish, not Bossier
    City)."""
    found = list(mentions)
    for mention in mentions:
        match = _SERVICE.match(mention.text) if mention.type == "org" else None
        if match is None:
            continue
        place = resolve_place(match["where"], languages.get(mention.article, "und"))
        if place is None or not (_a_county(place) or (place.latitude and not match["sheriff"])):
            continue  # a sheriff serves a county: "Bossier Sheriff" is not Bossier City's
        start, end = mention.start + match.start("where"), mention.start + match.end("where")
        found.append(NamedMention(mention.article, start, end, match["where"], "place"))
    return found


def _a_county(place: Place) -> bool:
    """A US county, parish or borough (the gazetteer gives these no coordinates)."""
    return place.latitude is None and place.name.endswith(US_COUNTY_WORDS)


def _adjacent_places(mention: NamedMention, language: str) -> list[tuple[int, int]]:
    """Two countries or continents read as one place ("via de Baltische staten of
    Finland Europa te bereiken": Finland, then Europe): each word's span. Towns are left
    alone: US news is full of unknown two-word places whose words are towns ("Aberdeen
    Township"), and splitting them broke 10 GVA dev cities."""
    words = list(re.finditer(r"\S+", mention.text))
    if (
        mention.type == "place"
        and len(words) == 2
        and all(w.group()[:1].isupper() for w in words)
        and all(_a_country_or_continent(resolve_place(w.group(), language)) for w in words)
    ):
        return [w.span() for w in words]
    return []


#: A dash between the ends of a route ("the Adler–Kaliningrad train"); a hyphen
#: joins the words of one name ("Winston-Salem", "Jean-Paul") and is left alone.
_ROUTE_DASH = re.compile(r"\s*[–—]\s*")


def _route_ends(mention: NamedMention, language: str) -> list[tuple[int, int]]:
    """A route read as one name, of whatever type ("Adler–Kaliningrad" as a person):
    the span of each end, when each is a place the gazetteer knows."""
    dashes = list(_ROUTE_DASH.finditer(mention.text))
    if not dashes:
        return []
    spans: list[tuple[int, int]] = []
    cursor = 0
    for dash in [*dashes, None]:
        stop = dash.start() if dash else len(mention.text)
        part = mention.text[cursor:stop]
        if not part or resolve_place(part, language) is None:
            return []
        spans.append((cursor, stop))
        cursor = dash.end() if dash else stop
    return spans


def _a_country(mention: NamedMention, languages: Mapping[str, str]) -> bool:
    """Whether a mention names a country or a continent ("France" taken for an
    organisation in one article, a place in another)."""
    return _a_country_or_continent(
        resolve_place(mention.text, languages.get(mention.article, "und"))
    )


def _a_country_or_continent(place: Place | None) -> bool:
    """Countries have no coordinates in the gazetteer; continents have no country."""
    return place is not None and (place.latitude is None or place.country is None)


def _glue_point(
    mention: NamedMention, language: str, types: Mapping[str, EntityType], persons: set[str]
) -> tuple[int, int, EntityType] | None:
    """(end of the head, start of the person's name, the head's type), or None. The
    head is a name the story gives elsewhere, or any name joined to the person's by
    "of" ("Parti du progrès d'Anneke Draaisma", "Partido de Pedro Sánchez")."""
    words = list(re.finditer(r"\S+", mention.text))
    for k in range(1, len(words)):
        head = mention.text[: words[k - 1].end()]
        tail_start = words[k].start()
        linked = _OF_BEFORE_NAME.match(mention.text, tail_start)
        if linked is not None:
            tail_start = linked.end()
        tail = mention.text[tail_start:]
        if name_key(tail, "person", language) not in persons:
            continue
        head_key = name_key(head, mention.type, language)
        if head_key in types and k < len(words) - 1:
            return words[k - 1].end(), tail_start, types[head_key]
        if linked is not None:
            return words[k - 1].end(), tail_start, mention.type
    return None


#: "of" between an organisation's name and its leader's, which a recogniser may read
#: as one name: "d'", "de", "del", "van", "von".
_OF_BEFORE_NAME = re.compile(r"(?:[dD]['’]|(?:de|del|van|von)\s+)(?=\w)")


def _without_titles_before_names(mentions: Sequence[NamedMention]) -> list[NamedMention]:
    """The mentions less persons that end in a title and run up to a person's name:
    "Interior Minister" right before "Ali Yerlikaya" is his title, which the model
    read as a person of its own."""
    starts = {(m.article, m.start) for m in mentions if m.type == "person"}
    return [
        m
        for m in mentions
        if not (
            m.type == "person"
            and ends_in_title(m.text)
            and ((m.article, m.end) in starts or (m.article, m.end + 1) in starts)
        )
    ]


def _without_everyday_places(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """The mentions less one-word places that are everyday words the gazetteer does
    not know (see :data:`EVERYDAY_PLACE_ZIPF`): a scraped page's "Photo:" and
    "Published" read as places by the model."""
    return [m for m in mentions if not _everyday_place(m, languages.get(m.article, "und"))]


#: wordfreq Zipf frequency from which an English word's singular is a common noun (see
#: :func:`_without_plural_nouns`). A round prior; on the GVA dev stories the mentions
#: it drops read as plural nouns but for about one in twenty, a lone surname or a
#: family ("Stevens", "the Wilsons") no mention of the story gives in full.
PLURAL_NOUN_ZIPF = 3.5


def _without_plural_nouns(
    mentions: Sequence[NamedMention], languages: Mapping[str, str]
) -> list[NamedMention]:
    """The mentions less English one-word names that are a common noun's plural:
    "Detectives", "Unions have called a strike", "Refunds will range", "Callers".
    English writes such nouns in lower case, so the model met them with the capital
    that opens a sentence (mentions carry no sentence, so the position is not checked
    here). A word a longer name of the story
    holds ("Banks" beside "Tyra Banks"), a place the gazetteer knows ("Queens"), a
    nationality ("Palestinians") and organisations (teams: "Jaguars") are kept; a
    "place" goes only when its singular is as common as an everyday place word
    (:data:`EVERYDAY_PLACE_ZIPF`: "Unions", not the village "in Stokes")."""
    held = {word for m in mentions if " " in m.text.strip() for word in m.text.split()}
    return [
        m
        for m in mentions
        if not (languages.get(m.article) == "en" and _plural_noun(m.text, m.type, held))
    ]


def _plural_noun(word: str, kind: str, held: set[str]) -> bool:
    """Whether a one-word mention of type ``kind`` is a plural noun, not a name."""
    if kind == "org" or word in held or not _plural_shape(word):
        return False
    low = word.lower()
    singulars = [low[:-1], low[:-2] if low.endswith("es") else ""]
    singulars.append(low[:-3] + "y" if low.endswith("ies") else "")
    common = max(zipf_frequency(s, "en", wordlist="small") for s in singulars if s)
    return (
        common >= (EVERYDAY_PLACE_ZIPF if kind == "place" else PLURAL_NOUN_ZIPF)
        and demonym_of(word) is None
        and resolve_place(word, "en") is None
    )


def _plural_shape(word: str) -> bool:
    """A capitalised word of lower-case letters after the first, ending in "s"."""
    return (
        len(word) > 3
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and (word.endswith("s") and not word.endswith("ss"))
    )


#: Compass points, which name regions ("his escape to the West"), though frequent.
_COMPASS = frozenset(
    {"north", "south", "east", "west", "noord", "zuid", "oost", "nord", "süd", "ost",
     "norte", "sur", "este", "oeste", "sud", "est", "ouest", "север", "юг", "восток", "запад"}
)  # fmt: skip


def _everyday_place(mention: NamedMention, language: str) -> bool:
    word = mention.text
    if mention.type != "place" or not word.isalpha() or not _word_list_usable(language):
        return False
    if word.lower() in _COMPASS:
        return False
    if zipf_frequency(word.lower(), language, wordlist="small") < EVERYDAY_PLACE_ZIPF:
        return False
    place = resolve_place(word, language)
    return place is None or _small_town_by_another_name(place, word)


def _small_town_by_another_name(place: Place, word: str) -> bool:
    """Whether ``place`` is a town of under :data:`OWN_NAME_CITY_MIN_POPULATION` people
    that ``word`` names only as one of its other names: "el Presidente" of a Spanish
    report had resolved to Presidente Médici, a Brazilian town GeoNames also calls
    "Presidente"; a big city keeps its other names ("Wien" is Vienna)."""
    return (
        place.population is not None  # a town: continents, countries, regions have none
        and place_lookup_key(place.name) != place_lookup_key(word)
        and place.population < OWN_NAME_CITY_MIN_POPULATION
    )


@lru_cache(maxsize=64)
def _word_list_usable(language: str) -> bool:
    """Whether wordfreq has a word list for ``language`` and can read it here: Chinese,
    Japanese and Korean words need a tokenizer package (jieba, MeCab) we do not ship."""
    if language not in available_languages("small"):
        return False
    try:
        zipf_frequency("a", language, wordlist="small")
    except ImportError:
        return False
    return True


def _gazetteer_knows(mention: NamedMention, languages: Mapping[str, str]) -> bool:
    return bool(place_countries(mention.text, languages.get(mention.article, "und")))


def _outvoted_type(votes: Counter[str], current: str) -> str:
    """The type that has at least twice the votes of ``current``, else ``current``.

    For names of several words, which models tag more consistently than a bare
    surname: one language's model may still give a company a place's tag in each
    of its articles ("NordWest Cargo" in two Dutch reports, an organisation in
    fourteen English, German and Russian mentions), so a minority keeps its type
    only when it is at least half as large as the majority.

    An even vote between a person and an organisation stays two entities: the
    shipped models take an organisation for a person more often than the other way
    round on the CoNLL development sets, yet giving such ties to the organisation
    lost two victims' names on GVA dev ("Brandon Crawford" tagged each way once)
    for the one organisation it mended in the seeds ("Amnesty International").
    """
    top, count = votes.most_common(1)[0]
    return top if count >= 2 * votes[current] else current


def _voted_type(votes: Counter[str], current: str) -> str:
    """The type a strict majority voted for, else ``current``; where "other" ties with
    a type, that type ("KNMI" an organisation in one report, of no type in another)."""
    ranked = votes.most_common(3)
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    tied = [kind for kind, count in ranked if count == ranked[0][1]]
    if len(tied) == 2 and "other" in tied:
        return next(kind for kind in tied if kind != "other")
    return current


def link_entities(
    mentions: Sequence[NamedMention],
    languages: Mapping[str, str],
    outlets: Iterable[str] = (),
    encode: NameEncoder | None = None,
) -> list[Entity]:
    """Group named mentions into entities, within and across articles.

    ``languages`` maps article id to an ISO 639-1 code ("und" when unknown).
    ``outlets`` are the names of the story's outlets: a mention of one ("told
    Continental Wire") is an organisation, whatever type the model gave it. The
    result does not depend on input order: entities are sorted by type and name,
    mentions by position, and ids are hashes of type and canonical name.
    ``encode``, a multilingual text encoder, links organisations sources name in
    their own languages (:mod:`.translated`); without one they stay apart.
    """
    mentions = _without_titles_before_names(_without_genitive_s(mentions, languages))
    mentions = _unglued(_known_orgs(mentions, languages, outlets), languages)
    mentions = _split_places(_without_adjectives(mentions, languages), languages)
    mentions = _with_served_places(mentions, languages)
    mentions = _without_role_compounds(mentions, languages)
    mentions = _without_everyday_places(harmonise_types(mentions, languages), languages)
    mentions = _without_plural_nouns(mentions, languages)
    items = _prepare(mentions, languages)
    sets = _UnionFind(len(items))
    by_type: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_type[item.mention.type].append(item)
    for type_, typed in by_type.items():
        if type_ == "person":
            _link_persons(typed, sets)
        else:
            _link_by_key(typed, sets)
            _link_case_forms(typed, sets)
        if type_ == "org":
            _link_acronyms(typed, sets)
        if type_ in PARTIAL_NAME_TYPES:
            _link_partial_names(typed, sets)
    if encode is not None:
        _link_translations(by_type.get("org", []), sets, encode)
    entities = [
        _entity(members_items[0].mention.type, members_items)
        for members_items in (
            [items[i] for i in members] for members in sets.groups(range(len(items))).values()
        )
    ]
    _assign_ids(entities)
    return entities

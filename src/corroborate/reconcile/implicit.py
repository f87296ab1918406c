"""Counts the text implies without a number: "a man was shot and killed" is one killed.

Local news rarely writes "1 killed"; it says "a woman died" or "a teen was
wounded". Each such phrase, with an indefinite singular subject (a first mention),
is a claim of one for its slot, and so is a reference back ("he died"); a named
person the words around the name say was hurt is read in
:mod:`corroborate.reconcile.named`. Within one article, explicit numbers win
over these phrases, and the phrases count distinct named people, or one person
when none is named: see :func:`corroborate.reconcile.facts.implied_count`. The
phrases are English; in Dutch, German, French, Spanish and Russian a name or "the
victim" followed by a verb of dying is one killed (:data:`DIED_WORDS`), and other
casualties need a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

#: Words for one person that open a first mention ("a 23-year-old man").
PERSON_WORDS = (
    r"man|woman|person|teen|teenager|boy|girl|child|toddler|infant|baby|victim|driver|"
    r"passenger|student|officer|deputy|trooper|resident|customer|clerk|employee|worker|hunter|"
    r"father|mother|husband|wife|son|daughter|brother|sister|friend|neighbor|bystander|"
    r"suspect|gunman|shooter|homeowner|security guard|guard|male|female|juvenile|adult|individual|"
    r"boyfriend|girlfriend|grandmother|grandfather|grandson|granddaughter|grandchild|uncle|"
    r"aunt|nephew|niece|cousin|stepfather|stepmother|stepson|stepdaughter|partner|fianc[eé]e?|"
    r"roommate|relative|classmate|coworker|co-worker|patron|motorist|pedestrian|"
    r"\w+-grader"
)
#: "a 23-year-old", "a 21 year old", "a 9-month-old": an age alone names one person.
AGED = r"\d+[- ](?:year|month|week)s?[- ]old\b"


def _one_person(words: int) -> str:
    """A person word after up to ``words`` other words ("23-year-old man"), or an age."""
    return rf"(?:(?:[\w-]+\s+){{0,{words}}}?(?:{PERSON_WORDS})\b|{AGED})"


#: An indefinite first mention of one person: "a man", "one 17-year-old".
_A_PERSON = rf"(?:[Aa]n?|[Oo]ne)\s+{_one_person(3)}"
#: Dying, as news writes it: "died", and the gentler "passed away" ("the child
#: passed away early Tuesday").
_DIES = r"(?:died|passed\s+away)"
_VERBS = {
    "killed": r"fatally (?:shot|wounded|injured)|(?:found )?shot (?:and killed|to death|dead)"
    r"|killed|found dead|pronounced dead|dead|deceased",
    "injured": r"wounded|injured|hurt|hospitalized|shot and wounded|shot and injured|"
    r"recovering|grazed|(?:rushed|taken|transported|flown|airlifted)"
    r"(?: by(?: \w+){1,2}?)? to (?:\w+ ){0,3}?"
    r"(?:hospital|medical center|trauma center)",
    "shot": r"(?:found )?shot|struck "
    r"(?:by (?:an? )?(?:stray )?(?:bullets?|gunfire|rounds?)|in the \w+)"
    r"|hit by (?:an? )?(?:stray |errant )?(?:bullets?|gunfire|rounds?)",
}
#: A first mention: "a man", "an 8-year-old boy", "another woman", "a 4-year-old who"
#: (a second victim is "another"), with an apposition or a place it was at.
_SUBJECT = (
    rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+{_one_person(3)}"
    r"(?:,[^,.;]{1,60},|\s+in (?:his|her|their) (?:early |mid-?|late )?\d0s"
    r"|\s+(?:in|at|inside|from|of) (?:(?:the|a) (?:\w+ )?\w+|[A-Z][\w.]+(?: [A-Z][\w.]+)?))?"
    r"(?:\s+who)?"
)
_AUXILIARY = (
    r"\s+(?:also\s+)?(?:was|has been|had been|is|were|remains|remained)"
    r"\s+(?:also\s+)?(?:(?!fatally)\w+ly\s+)?"
)
#: "A teen is dead and another is injured": "another" alone is one more person.
_ANOTHER_ALONE = r"\b[Aa]nother"
_PASSIVE = re.compile(
    rf"(?:{_SUBJECT}|{_ANOTHER_ALONE}){_AUXILIARY}(?P<verb>{'|'.join(_VERBS.values())})\b",
    re.UNICODE,
)
_DIED = re.compile(rf"{_SUBJECT}\s+(?:later\s+|has\s+)?{_DIES}\b", re.UNICODE)
#: "claimed the life of a 19-year-old man", "the shooting death of a teen", "the
#: murder of his former girlfriend and a 2-year-old boy" (two people).
_DEATH_OF = re.compile(
    r"\b(?:claimed the lives? of|(?:shooting )?deaths? of|killings? of|murders? of"
    r"|fatal shooting of)"
    rf"\s+(?:{_A_PERSON}|(?:his|her|their)\s+{_one_person(2)})"
    rf"(?P<second>\s+and\s+(?:(?:an?|his|her|their|the)\s+)(?!\w+ing\b){_one_person(2)})?"
)
#: "A toddler wounded in a shooting", "a teen killed on Friday": a reduced passive,
#: safe only when a preposition follows ("a man shot his wife" is active).
#: What follows a reduced passive: a preposition or a time ("wounded *by* gunfire").
_REDUCED_AFTER = (
    r"\s+(?:in|by|after|during|when|while|on|at|late|early|overnight|last|this"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
_REDUCED = re.compile(
    rf"{_SUBJECT}\s+(?P<verb>(?:shot and |fatally )?(?:killed|wounded|injured)|hurt|shot to death"
    rf"|found dead){_REDUCED_AFTER}"
)
#: "a shooting that injured a 22-month-old girl", "killing a man", "injuring another
#: person"; "fatally wounded a boy" is a death.
_OBJECT = re.compile(
    rf"\b(?:also\s+)?(?P<verb>(?:fatally\s+)?(?:wounded|wounding|injured|injuring)|hurting"
    r"|killed|killing)\s+"
    rf"(?:{_A_PERSON}|(?:his|her|their|another)\s+{_one_person(2)})"
)
#: "in stable condition", "non-life-threatening injuries": someone was hurt, even
#: when the text only says "she". Counted as one person however often repeated.
_CONDITION = re.compile(
    r"\b(?:(?:stable|critical|serious|fair|grave|good)\s+condition"
    r"|(?:non-life[- ]threatening|life[- ]threatening|minor|serious|critical|superficial)"
    r"\s+(?:(?:hand|leg|arm|foot|head)\s+)?(?:injur|wound)\w*)",
    re.IGNORECASE,
)
#: "a body was found", "discovered the body of a man": someone is dead.
_BODY = re.compile(
    r"\b(?:(?:[Aa]|[Tt]he)\s+body\s+(?:was|has been|had been)\s+(?:found|discovered|recovered)"
    r"|(?:found|discovered|recovered)\s+(?:a|the)\s+body"
    rf"|\bbody\s+of\s+{_A_PERSON})"
)
#: "a deadly shooting", "the shooting death", "pronounced the victim dead", "one
#: deceased male", "found the teen dead", "has died", "is brain dead", "doctors were
#: unable to save her": someone died, whoever the text names ("the latest non-fatal
#: shooting" tells that no one did).
_FATAL = re.compile(
    r"\b(?:(?<!non-)(?<!non\s)(?:deadly|fatal)\s+shooting|shooting\s+death"
    rf"|(?:pronounced|found)\s+(?:(?:the|a)\s+(?:[\w-]+\s+)?(?:{PERSON_WORDS})|him|her)\s+dead"
    rf"|(?:one|a|the)\s+deceased\s+(?:{PERSON_WORDS})"
    r"|(?:was|were|been)\s+(?:later\s+)?(?:pronounced|declared)\s+(?:clinically\s+)?dead"
    rf"|(?:has|have)\s+(?:since\s+)?{_DIES}|(?:brain|clinically)[- ]dead"
    # "... rushed to the hospital, but died a short time later", "and died as a result"
    rf"|(?<=[,\s])(?:but|and)\s+(?:later\s+|then\s+|eventually\s+|soon\s+)?{_DIES}"
    r"|(?:(?:not\s+|un)able\s+to|could\s*not|couldn['’]t)\s+save\s+(?:him|her|the\s+\w+))\b",
    re.IGNORECASE,
)
#: "a gunshot wound to the leg", "suffering from gunshot wounds": someone was shot.
_GUNSHOT_WOUND = re.compile(r"\b(?:gunshot|bullet)\s+wounds?\b", re.IGNORECASE)
#: "the gun discharged, striking the driver in the back", "a bullet struck the girl in
#: her side": someone was hit.
_STRIKING = re.compile(
    r"\b(?:striking|hitting|(?:bullets?|rounds?|gunfire|shots?|gunshot)"
    # up to nine words between: "a gunshot fired in the area of Bartlett and Fuller
    # Streets grazed a boy"
    r"(?:\s+[\w'’-]+){0,9}?"
    r"\s+(?:struck|hit|grazed|pierced))\s+"
    rf"(?:(?:the|his|her|their|an?)\s+(?:[\w-]+\s+){{0,2}}?(?:{PERSON_WORDS})\b"
    r"|(?:him|her)(?:self)?\s+in\s+the\b)"
    # a bullet that hits someone needs no "in the": "a stray bullet hit her last week"
    r"|\b(?:bullets?|rounds?)\s+(?:struck|hit|grazed|pierced)\s+(?:him|her)\b"
    # "taken to the hospital after being shot"
    r"|\bafter\s+being\s+shot\b",
    re.IGNORECASE,
)
#: Phrases that tell of someone without introducing them, and their slot: each is
#: a reference (``REFERRED_VICTIM``), so repeats count one person.
_SOMEONE_PHRASES = (
    (_CONDITION, "injured"),
    (_BODY, "killed"),
    (_STRIKING, "shot"),
    (_GUNSHOT_WOUND, "shot"),
)
#: The person a condition or a definite mention ("the girl died", "he was wounded")
#: refers to. All such phrases of one slot in an article count as one person, who
#: may be the one a first mention or a name already counts (see ``implied_count``).
REFERRED_VICTIM = "?someone referred to"
_SLOT_OF = [(slot, re.compile(rf"^(?:{pattern})$")) for slot, pattern in _VERBS.items()]


VERB_ALTERNATIVES = "|".join(_VERBS.values())
#: Two people at once: "a man and his 11-year-old son were found dead", "the man and
#: woman were pronounced dead", "a woman and toddler died", "both were shot", past an
#: aside in commas ("A man and woman, both 35 years old, were found dead").
_PAIR = re.compile(
    rf"(?:\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+{_one_person(2)}\s+and\s+"
    r"(?:(?:an?|his|her|their|the)\s+)?"
    rf"{_one_person(2)}"
    # "Maxwell and another teenager were shot", "Robertson, 13, and his father, Joe,
    # were killed": a name and one more person
    rf"|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}(?:,\s*\d{{1,3}},)?\s+and\s+"
    rf"(?:another|an?|his|her|their)\s+{_one_person(2)}"
    r"|\bBoth(?:\s+victims|\s+men|\s+women)?"
    r"(?:\s+(?:in|inside|at|on|from)\s+the\s+[\w'’-]+)?)"  # "Both men inside the Honda"
    rf"(?:,[^,.;\n]{{1,30}},)?"  # "A man and woman, both 35 years old, were found dead"
    rf"(?:\s+(?:were|are|have been)\s+(?:also\s+|both\s+)?(?:\w+ly\s+)?"
    rf"(?P<verb>{VERB_ALTERNATIVES})\b|\s+(?:later\s+|both\s+)?died\b"
    # "A 3-year-old girl and 23-year-old woman wounded by gunfire have been released"
    rf"|\s+(?P<reduced>(?:shot and |fatally )?(?:killed|wounded|injured)|hurt){_REDUCED_AFTER}"
    # "A man and police officer suffered minor injuries"
    rf"|\s+(?:both\s+)?(?P<suffered>suffered|sustained)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:injuries|wounds)\b)"
)
#: People told by a number and a plural: "their two children", "her three sons".
_SEVERAL = (
    r"(?:his|her|their|the)\s+(?P<several>two|three|four|five|six|[2-6])\s+(?:[\w-]+\s+)?"
    r"(?:children|kids|sons|daughters|boys|girls|grandchildren|stepchildren|brothers|sisters)\b"
)
#: Two people as one object: "killed his wife and son", "bullets hit his wife and his
#: 10-year-old son", "wounded a mother and her 2-year-old son" (not "killing a boy and
#: wounding his father": a second verb is another phrase); or one and several: "killing
#: his wife and their two infant daughters" (three).
_PAIR_OBJECT = re.compile(
    r"\b(?P<fatal>fatally\s+)?(?P<verb>shot|shooting|hit|hitting|struck|striking|wounded"
    r"|wounding|injured|injuring|killed|killing)\s+"
    # "accidentally shot himself and his two daughters": the one who fired, and them
    rf"(?:(?:his|her|their|an?)\s+{_one_person(2)}|(?:him|her)self)\s+and\s+(?:{_SEVERAL}"
    r"|(?:(?:his|her|their)\s+)?(?:(?:young|little|infant|teenage|twin)\s+)?"
    r"(?P<kin>children|kids|sons|daughters)\b"
    r"|(?:(?:his|her|their|an?|the)\s+)?"
    rf"(?!\w+ing\b|\w+ed\b|left\b){_one_person(2)})"
)
#: Kin in the plural as the object, with no number: "shot and killed his sons, ages 3
#: and 4", "killed their parents", "fatally shot her two children" has its number and
#: is a stated count. Two people at least, or as many as the ages after them.
_KIN_PLURAL_OBJECT = re.compile(
    r"\b(?P<fatal>fatally\s+)?(?P<verb>shot|shooting|killed|killing|murdered|murdering"
    r"|wounded|wounding)\s+(?:his|her|their)\s+(?:(?:young|twin|infant|teenage|little|own)\s+)?"
    r"(?:sons|daughters|children|kids|parents|grandparents|grandchildren|stepchildren"
    r"|brothers|sisters)\b(?:,\s+(?:ages?|aged)\s+(?P<ages>\d{1,2}(?:(?:,\s*|,?\s+and\s+)\d{1,2})+))?"
)
#: One of a list of people: "his 55-year-old wife", "a son", "little girl".
_LISTED = rf"(?:(?:an?|the|his|her|their|one)\s+)?{_one_person(2)}"
#: Three or more people in one list: "his wife, son, and daughter", "a mother, son and
#: little girl". Each is one person; the list's length is the count.
_PEOPLE_LIST = rf"{_LISTED}(?:,\s+{_LISTED}){{1,4}},?\s+and\s+{_LISTED}"
_LIST = re.compile(
    # "A man, a woman and a teenager were shot and killed", "... all died"
    # ", were all transported ...": a comma may close the list
    rf"\b(?P<subject>{_PEOPLE_LIST})(?:,[^,.;\n]{{1,30}},|,(?=\s+(?:were|are|have)\b))?"
    rf"(?:\s+(?:were|are|have been)\s+(?:also\s+|all\s+)?(?:\w+ly\s+)?"
    rf"(?P<verb>{VERB_ALTERNATIVES})\b|\s+(?:later\s+|all\s+)?died\b)"
    # "found his wife, son, and daughter dead"
    rf"|\b(?:find|found|discover|discovered)\s+(?P<found>{_PEOPLE_LIST})\s+dead\b"
    # "the shooting deaths of a mother, son and little girl"
    rf"|\b(?:deaths|killings|murders|slayings)\s+of\s+(?P<dead>{_PEOPLE_LIST})"
)
_LIST_SEPARATOR = re.compile(r",\s+(?!and\b)|,?\s+and\s+")


def _listed_people(people: str) -> int:
    """How many people a list names: one more than its separators."""
    return len(_LIST_SEPARATOR.findall(people)) + 1


#: "a double homicide", "the triple shooting": the kind of crime tells how many.
#: ("four triple shootings" are several crimes: the plural is not read.)
_MULTIPLE = re.compile(
    r"\b(?P<times>double|triple|quadruple)[- ](?:(?P<killed>homicide|murder|slaying|killing"
    r"|fatal shooting)|(?P<shot>shooting))\b(?![- ]suicide)",
    re.IGNORECASE,
)
_TIMES = {"double": 2, "triple": 3, "quadruple": 4}
#: "charged with two counts of first-degree murder": a count of murder per person
#: killed ("attempted murder" is no death, and reads otherwise).
_COUNTS_OF_MURDER = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+counts?\s+of\s+"
    r"(?:(?:first|second|third)[- ]degree\s+|capital\s+|felony\s+)?(?:murder|homicide)\b",
    re.IGNORECASE,
)
#: The English number words the phrases read, one to ten.
COUNT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
#: "... had been shot and was pronounced dead", "a man and woman were taken to a
#: hospital, where they later died": the outcome after the means.
_THEN_DIED = re.compile(
    r"(?:\s+(?:in|at)\s+(?:[A-Z][\w.'’-]*\s*){1,3})?"  # "... to the hospital in Cartersville"
    r"(?:\s+in\s+(?:critical|serious|grave)\s+condition)?"
    r",?\s+(?:(?:and|but|where\s+(?:he|she|they))\s+(?:was\s+|were\s+|later\s+|then\s+"
    r"|has\s+since\s+|have\s+since\s+)*"
    rf"(?:pronounced dead|{_DIES}|killed|dead on arrival|succumbed)"
    # "rushed to Memorial Hermann Hospital, but doctors couldn't save her"
    r"|but\s+doctors\s+(?:could\s*not|couldn['’]t|were\s+(?:unable|not\s+able)\s+to)\s+save)\b"
)
#: "... was also shot, but survived": hurt, not killed.
_THEN_SURVIVED = re.compile(
    r"(?:\s+\w+){0,4}?,?\s+(?:but|and)\s+(?:(?:he|she)\s+)?(?:survived|is expected to survive"
    r"|(?:is|was) expected to recover|is recovering)\b"
)
#: "the girl was later pronounced dead", "he died", "her son was wounded": a person
#: the text already introduced (see ``REFERRED_VICTIM``).
#: What a known person's sentence goes on to say: "was shot and killed", "later died".
PREDICATE = (
    rf"(?:{_AUXILIARY}(?:later\s+)?(?P<verb>{VERB_ALTERNATIVES})\b"
    rf"|\s+(?:later\s+|has\s+|had\s+|then\s+)*{_DIES}\b)"
)
APPOSITION = r"(?:(?:,[^,.;]{1,60}){1,3},)?"
_DEFINITE = re.compile(
    rf"(?:\b(?:[Tt]he(?:\s+\w+['’]s)?|[Hh]is|[Hh]er|[Tt]heir)\s+{_one_person(2)}"
    rf"{APPOSITION}|\b(?:[Hh]e|[Ss]he)\b){PREDICATE}"
)
#: "the second victim", "the other woman": a definite mention of someone besides the
#: one the text told of first, so not a reference back to them.
_ANOTHER_ONE = re.compile(r"[Tt]he\s+(?:second|third|fourth|fifth|other)\s", re.UNICODE)
#: Someone told of by their tie to another ("her father", "his wife").
_KIN_WORD = (
    r"(?:[\w-]+\s+){0,2}?(?P<kin>(?:step|grand)?(?:father|mother"
    r"|husband|wife|son|daughter|brother|sister|child|children)|boyfriend|girlfriend|fianc[eé]e?"
    r"|uncle|aunt|nephew|niece|cousin|partner|roommate|friend|relative)\b"
)
_KIN = re.compile(rf"^(?:[Hh]is|[Hh]er|[Tt]heir)\s+{_KIN_WORD}")


#: Someone told of by their tie to another named by a noun ("the girl's mother").
_POSSESSED_KIN = re.compile(rf"^[Tt]he\s+\w+['’]s\s+{_KIN_WORD}")


def _kin_used_before(pattern: re.Pattern[str], text: str, match: re.Match[str]) -> bool | None:
    """Whether the text used the kin word of a mention ``pattern`` reads before the
    mention (None when the mention tells of no one by a kin word)."""
    kin = pattern.match(match.group())
    if kin is None:
        return None
    before = text[: match.start()]
    return re.search(rf"\b{re.escape(kin['kin'])}\b", before, re.IGNORECASE) is not None


def _kin_told_before(text: str, match: re.Match[str]) -> bool:
    """Whether "the girl's mother" is someone the text told of by that kin word before
    ("injured her mother"): the same person, though "also shot" follows."""
    return _kin_used_before(_POSSESSED_KIN, text, match) is True


def _kin_first_told(text: str, match: re.Match[str]) -> bool:
    """Whether a possessive mention ("A young girl was killed and her father was
    injured") is the first the text tells of that person: a kin word it has not used
    before is someone new, not a reference back to a victim told of before."""
    return _kin_used_before(_KIN, text, match) is False


#: "The suspect was also struck by gunfire": someone the text named before, but not
#: as hurt, now told of as one more ("He was also shot in the arm" is the same man;
#: "The boy, who also lives there, was shot" is no one more).
_ALSO_NAMED = re.compile(r"^[Tt]he\s[^,]*\b(?:was|is|were|has been|had been)\s+also\b")
_LEFT_OUTCOME = r"\s+(?:(?:critically|seriously|badly)\s+)?(?P<{}>dead|injured|wounded|hurt)\b"
#: "a shooting that left a 16-year-old girl dead", "left one man injured", "left a
#: 1-year-old boy dead and a woman wounded" (two people, one phrase each), "left three
#: teenagers injured and a 16-year-old boy dead" (the count is a number's claim).
_LEFT = re.compile(
    rf"\bleft\s+(?:(?P<first>{_A_PERSON}){_LEFT_OUTCOME.format('verb')}"
    r"|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?"
    r"(?:people|others|men|women|teens|teenagers|children|boys|girls|victims)"
    r"\s+(?:dead|injured|wounded|hurt))"
    rf"(?:\s+and\s+(?P<second>{_A_PERSON}{_LEFT_OUTCOME.format('second_verb')}))?"
)
#: "accidentally shot his 12-year-old brother", "shot himself in the leg": one
#: person shot (killed when "shot and killed", "fatally shot").
_SHOT_OBJECT = re.compile(
    r"\b(?P<fatal>fatally\s+)?(?:shot|shoots|shooting)\s+"
    r"(?:and\s+(?:critically\s+|seriously\s+)?(?P<outcome>killed|wounded|injured)\s+)?"
    rf"(?:(?:his|her|their|an?)\s+(?:[\w-]+\s+){{0,2}}?(?:{PERSON_WORDS})\b|(?:him|her)self\b"
    r"|(?:him|her)\s+(?:once\s+|twice\s+)?in\s+the\b)"
)


@dataclass(frozen=True)
class ImpliedCount:
    """One person the phrase at ``start:end`` says was killed, injured or shot.

    ``victim`` is the id of the named person when the phrase names one, so that one
    person named in several sentences is counted once.
    """

    start: int
    end: int
    slot: str
    victim: str | None = None
    people: int = 1
    #: ``SELF_AFTER_MURDER``, ``SELF_AFTER_OTHERS`` or ``SELF_ALONE`` for a death by
    #: one's own hand (see :func:`corroborate.reconcile.suicides.self_inflicted_deaths`).
    self_inflicted: str | None = None


def _small_number(word: str) -> int:
    """ "3" or "three": 3 (digits, or one of :data:`COUNT_WORDS`)."""
    return int(word) if word.isdigit() else COUNT_WORDS.index(word.lower()) + 1


#: Other languages than English: a verb of dying right after its subject, a name or
#: the victim ("El Amrani overleed", "Das Opfer starb", "Эль-Амрани скончался"), in
#: the past tense or, where the participle ends the clause, the perfect ("ist zwei
#: Tage später gestorben"). Only deaths, and only these two subjects: the rest of the
#: casualty phrases above are English.
DIED_WORDS = {
    "nl": r"overleed|stierf|kwam\s+om\s+het\s+leven",
    "de": r"starb|verstarb|erlag",
    "fr": r"(?:est|était)\s+(?:mort|morte|décédée?)|a\s+succombé|succomba|mourut",
    "es": r"murió|falleció|ha\s+muerto|ha\s+fallecido|perdió\s+la\s+vida",
    "ru": r"скончал(?:ся|ась)|умер(?:ла)?|погиб(?:ла)?",
}
_DIED_PERFECT = {
    "nl": (r"is", r"overleden|gestorven|om\s+het\s+leven\s+gekomen"),
    "de": (r"ist", r"gestorben|verstorben|ums\s+Leben\s+gekommen"),
}
_VICTIM_SUBJECT = {
    "nl": r"[Hh]et\s+slachtoffer",
    "de": r"[Dd]as\s+Opfer",
    "fr": r"[Ll]a\s+victime",
    "es": r"[Ll]a\s+víctima",
    "ru": r"[Пп]острадавш(?:ий|ая)|[Жж]ертва",
}


@lru_cache(maxsize=8)
def died_after(language: str) -> re.Pattern[str] | None:
    """Words right after a subject that say it died (see :data:`DIED_WORDS`): an
    age in brackets or an apposition may stand between."""
    died = DIED_WORDS.get(language)
    if died is None:
        return None
    perfect = ""
    if language in _DIED_PERFECT:
        auxiliary, participle = _DIED_PERFECT[language]
        perfect = rf"|{auxiliary}\s+(?:[^\s.;!?]+\s+){{0,6}}?(?:{participle})"
    return re.compile(rf"(?:\s*\([^()]{{1,20}}\))?(?:\s*,[^,.;]{{1,60}},)?\s+(?:{died}{perfect})\b")


@lru_cache(maxsize=8)
def _victim_subject(language: str) -> re.Pattern[str] | None:
    subject = _VICTIM_SUBJECT.get(language)
    return re.compile(rf"\b(?:{subject})\b") if subject else None


def _victim_died(text: str, language: str) -> list[ImpliedCount]:
    """ "Das Opfer starb", "la víctima murió": the person referred to was killed."""
    died, subject = died_after(language), _victim_subject(language)
    if died is None or subject is None:
        return []
    return [
        ImpliedCount(m.start(), end.end(), "killed", REFERRED_VICTIM)
        for m in subject.finditer(text)
        if (end := died.match(text, m.end())) is not None
    ]


#: One person, first mentioned, in the other languages: an indefinite article, up to
#: three words, a word for a person ("een vierjarig kind", "ein fünfjähriger Junge",
#: "un niño", "un garçon"); Russian has no article: an age word and the person
#: ("четырёхлетний мальчик").
_ONE_PERSON_WORDS = {
    "nl": (r"een", r"kind|jongen|meisje|man|vrouw|baby|peuter|kleuter|tiener|scholier|bejaarde"),
    "de": (
        r"ein|eine",
        r"Kind|Junge|Mädchen|Mann|Frau|Baby|Kleinkind|Jugendlicher|Rentner|Rentnerin",
    ),
    "es": (r"[Uu]n|[Uu]na", r"niño|niña|bebé|hombre|mujer|joven|adolescente|anciano|anciana"),
    "fr": (
        r"[Uu]n|[Uu]ne",
        r"enfant|garçon|fillette|fille|bébé|homme|femme|adolescent|adolescente",
    ),
    "ru": (r"", r"мальчик|девочка|ребёнок|ребенок|мужчина|женщина|подросток|младенец|пенсионер\w*"),
}
#: An age told after the person before the verb: "un niño de cuatro años murió".
_AGE_ASIDE = r"(?:\s+(?:de|d['’])\s+(?:\w+\s+){0,2}?(?:años|ans|an)\b|\s*\(\d{1,3}\))?"


@lru_cache(maxsize=8)
def _one_person_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """A first mention of one person and a verb of dying, in either order ("een
    vierjarig kind overleden", "starb ein fünfjähriger Junge", "un niño de cuatro años
    murió", "умер четырёхлетний мальчик")."""
    words = _ONE_PERSON_WORDS.get(language)
    died = DIED_WORDS.get(language)
    if words is None or died is None:
        return ()
    article, person = words
    opening = rf"\b(?:{article})\s+" if article else r"\b"
    subject = rf"{opening}(?:[\w-]+\s+){{0,3}}?(?:{person})\b{_AGE_ASIDE}"
    participles = _DIED_PERFECT.get(language, ("", ""))[1]
    after = rf"\s+(?:{died}{'|' + participles if participles else ''})\b"
    return (
        re.compile(rf"{subject}{after}", re.IGNORECASE),
        re.compile(rf"\b(?:{died})\s+{subject}", re.IGNORECASE),
    )


def _one_person_died(text: str, language: str) -> list[ImpliedCount]:
    """Phrases of one person first mentioned as dead, outside English (see
    :func:`_one_person_patterns`)."""
    return [
        ImpliedCount(m.start(), m.end(), "killed")
        for pattern in _one_person_patterns(language)
        for m in pattern.finditer(text)
    ]


def implied_counts(text: str, language: str) -> list[ImpliedCount]:
    """Every phrase in ``text`` implying one casualty, in text order; none that runs
    across a paragraph break (a headline's last words and the lead's first are no
    phrase: "... dont un jeune Anversois\n\nUn adolescent de 16 ans a succombé")."""
    return [c for c in _implied_counts(text, language) if "\n\n" not in text[c.start : c.end]]


def _implied_counts(text: str, language: str) -> list[ImpliedCount]:
    if language != "en":
        found = _victim_died(text, language) + _one_person_died(text, language)
        return sorted(found, key=lambda c: c.start)
    found = [ImpliedCount(m.start(), m.end(), "killed") for m in _DIED.finditer(text)]
    found += [
        ImpliedCount(m.start(), m.end(), "killed", people=2 if m["second"] else 1)
        for m in _DEATH_OF.finditer(text)
    ]
    for match in _PASSIVE.finditer(text):
        slot, end = outcome(text, slot_of_verb(match.group("verb")), match.end())
        found.append(ImpliedCount(match.start(), end, slot))
    for match in _PAIR.finditer(text):
        verb = "injured" if match.group("suffered") else match["verb"] or match["reduced"]
        slot, end = outcome(text, slot_of_verb(verb) if verb else "killed", match.end())
        found.append(ImpliedCount(match.start(), end, slot, people=2))
    for match in _PAIR_OBJECT.finditer(text):
        slot = _object_slot(match)
        others = _small_number(match["several"]) if match["several"] else 2 if match["kin"] else 1
        found.append(ImpliedCount(match.start(), match.end(), slot, people=1 + others))
    for match in _KIN_PLURAL_OBJECT.finditer(text):
        slot = _object_slot(match)
        people = len(re.findall(r"\d+", match["ages"])) if match["ages"] else 2
        found.append(ImpliedCount(match.start(), match.end(), slot, people=people))
    for match in _LIST.finditer(text):
        people = _listed_people(match["subject"] or match["found"] or match["dead"])
        verb = match["verb"]
        slot, end = outcome(text, slot_of_verb(verb) if verb else "killed", match.end())
        found.append(ImpliedCount(match.start(), end, slot, people=people))
    for match in _MULTIPLE.finditer(text):
        slot = "killed" if match.group("killed") else "shot"
        people = _TIMES[match.group("times").lower()]
        found.append(ImpliedCount(match.start(), match.end(), slot, people=people))
    for match in _COUNTS_OF_MURDER.finditer(text):
        people = _small_number(match["n"])
        found.append(ImpliedCount(match.start(), match.end(), "killed", people=people))
    for pattern in (_REDUCED, _OBJECT):
        for match in pattern.finditer(text):
            died = re.search("kill|death|fatal|dead", match.group("verb"))
            slot = "killed" if died else "injured"
            found.append(ImpliedCount(match.start(), match.end(), slot))
    for match in _LEFT.finditer(text):
        if match.group("first"):
            slot = "killed" if match.group("verb") == "dead" else "injured"
            found.append(ImpliedCount(match.start(), match.end("verb"), slot))
        if match.group("second"):
            slot = "killed" if match.group("second_verb") == "dead" else "injured"
            found.append(ImpliedCount(match.start("second"), match.end("second"), slot))
    for match in _SHOT_OBJECT.finditer(text):
        fatal = match.group("fatal") or match.group("outcome") == "killed"
        slot = "killed" if fatal else "injured" if match.group("outcome") else "shot"
        found.append(ImpliedCount(match.start(), match.end(), slot))
    for match in _DEFINITE.finditer(text):
        slot = slot_of_verb(match.group("verb")) if match.group("verb") else "killed"
        slot, end = outcome(text, slot, match.end())
        another = (
            _ANOTHER_ONE.match(match.group())
            or _ALSO_NAMED.search(match.group())
            or _kin_first_told(text, match)
        ) and not _kin_told_before(text, match)
        victim = None if another else REFERRED_VICTIM
        found.append(ImpliedCount(match.start(), end, slot, victim))
    for pattern, slot in _SOMEONE_PHRASES:
        for match in pattern.finditer(text):
            found.append(ImpliedCount(match.start(), match.end(), slot, REFERRED_VICTIM))
    found += _deaths_told_by_the_way(text, found)
    kept = [
        _survived_nearly(text, c)
        for c in found
        if not another_time(text, c.start, c.end)
        and not _inside_another(c, found)
        and not _denied(text, c.start)
    ]
    return sorted(kept, key=lambda c: c.start)


#: "a teen was nearly killed", "the nearly lifeless body of a boy": a death that did
#: not happen. Inside a phrase, or right before it.
_NEARLY_INSIDE = re.compile(r"\b(?:nearly|almost)\s+(?:been\s+)?(?:killed|dead|died)\b", re.I)
_NEARLY_BEFORE = re.compile(r"\b(?:nearly|almost)\s+(?:been\s+)?(?:lifeless\s+)?$", re.I)


def _survived_nearly(text: str, count: ImpliedCount) -> ImpliedCount:
    """A death phrase that says the person was nearly killed is one hurt, not killed."""
    if count.slot != "killed":
        return count
    before = text[sentence_start(text, count.start) : count.start]
    if _NEARLY_INSIDE.search(text, count.start, count.end) or _NEARLY_BEFORE.search(before):
        return replace(count, slot="injured")
    return count


def _object_slot(match: re.Match[str]) -> str:
    """The slot of people a verb is done to ("killed his wife and son", "shot his
    sons"): its outcome when it tells one, else shot (shot, hit, struck)."""
    verb = match["verb"]
    if match["fatal"] or verb.startswith(("kill", "murder")):
        return "killed"
    return "injured" if verb.startswith(("wound", "injur")) else "shot"


#: "Neither the driver nor the other passenger was injured": no one was.
_NEITHER = re.compile(r"\bneither\b", re.IGNORECASE)


def _denied(text: str, start: int) -> bool:
    """Whether the sentence up to a casualty phrase denies it ("Neither ... nor")."""
    return bool(_NEITHER.search(text, sentence_start(text, start), start))


def _deaths_told_by_the_way(text: str, found: list[ImpliedCount]) -> list[ImpliedCount]:
    """ "A deadly shooting", "has died": a reference to someone killed, unless the phrase
    is part of one already found ("a driver ... was pronounced dead")."""
    told = (
        ImpliedCount(match.start(), match.end(), "killed", REFERRED_VICTIM)
        for match in _FATAL.finditer(text)
    )
    return [count for count in told if not _within_a_longer(count, found)]


def _inside_another(count: ImpliedCount, found: list[ImpliedCount]) -> bool:
    """A phrase within a longer one of the same slot is that phrase's person again
    ("injured her brother" in "shot and critically injured her brother")."""
    return count.victim is None and _within_a_longer(count, found)


def _within_a_longer(count: ImpliedCount, found: list[ImpliedCount]) -> bool:
    """Whether a longer phrase in ``found`` of the same slot holds ``count``."""
    return any(
        other.slot == count.slot
        and other.start <= count.start
        and count.end <= other.end
        and (other.end - other.start) > (count.end - count.start)
        for other in found
    )


def outcome(text: str, slot: str, end: int) -> tuple[str, int]:
    """ "was shot and was pronounced dead", "was taken to a hospital, where she died",
    "was also shot but survived": the slot is the outcome the clause goes on to, and
    the phrase reaches it."""
    then = _THEN_DIED.match(text, end)
    if then is not None and slot != "killed":
        return "killed", then.end()
    survived = _THEN_SURVIVED.match(text, end)
    if survived is not None and slot == "shot":
        return "injured", survived.end()
    return slot, end


#: How many of a stretch of time: "two years ago", "several days earlier".
_SOME = r"(?:a|one|two|three|four|five|several|many|\d+)"
#: Words that date a casualty to some earlier event: "a teen was killed on the same
#: block last week", "a girl who was fatally shot in 2012".
_EARLIER_EVENT = re.compile(
    r"\b(?:last (?:week|month|year|summer|spring|fall|autumn|winter)"
    rf"|(?:{_SOME} )?(?:days?|weeks?|months?|years?) (?:ago|earlier)"
    r"|earlier this (?:week|month|year)|in (?:19|20)\d\d\b|since (?:19|20)\d\d\b)",
    re.IGNORECASE,
)


#: "The shooting occurred eight months after an innocent bystander was killed",
#: "just one week after a fatal shooting": what follows is another, earlier event.
_SOME_TIME_AFTER = re.compile(
    r"\b(?:days?|weeks?|months?|years?)\s+after\s+(?:(?:an?|the)\s+)?$",
    re.IGNORECASE,
)


#: Years before: what a sentence counts so is another event than the story's ("Two
#: others died in a house fire years ago"). A follow-up dates the story's own event by
#: "last month" or "in June 2013", so those are not read so for a stated count.
_YEARS_BEFORE = re.compile(
    rf"\b(?:{_SOME}\s+)?(?:years|decades)\s+(?:ago|earlier)\b",
    re.IGNORECASE,
)


def told_of_an_earlier_time(text: str, end: int) -> bool:
    """Whether the sentence of a count ending at ``end`` dates what it counts years
    before (see :data:`_YEARS_BEFORE`)."""
    return _YEARS_BEFORE.search(text, end, sentence_end(text, end)) is not None


def another_time(text: str, start: int, end: int) -> bool:
    """Whether the sentence of a casualty phrase dates it to another event than this
    one: an earlier time after it, or a stretch of time it came before, so it is not a
    count of this one."""
    return bool(
        _EARLIER_EVENT.search(text, end, sentence_end(text, end))
        or _SOME_TIME_AFTER.search(text, sentence_start(text, start), start)
    )


def sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``text[start]`` begins (after the last ". " or line
    break)."""
    return max(text.rfind(". ", 0, start) + 1, text.rfind("\n", 0, start) + 1)


#: A full stop before a space or a line break, or a line break: a paragraph ends a
#: sentence ("A second person was also injured.\n\nPolice said ...").
_SENTENCE_BREAK = re.compile(r"\.\s|\n")


def sentence_end(text: str, end: int) -> int:
    """Where the sentence holding ``text[end]`` ends (its next full stop or line break,
    or the text's end)."""
    stop = _SENTENCE_BREAK.search(text, end)
    return len(text) if stop is None else stop.start()


def slot_of_verb(verb: str) -> str:
    return next(s for s, pattern in _SLOT_OF if pattern.match(verb))

"""Words that make time expressions, per language, as plain data.

Why hand-written lists and not dateparser's locale tables: we need inflected
forms ("марте", "letzten", "pasada"), the news words dateparser does not know
("third quarter", "geleden", "la veille") and, above all, control over which
words may *start* an expression ("May" the verb, "march" the verb). Languages
outside the six we curate get month, weekday and day words from dateparser's
locale data (:func:`locale_vocab`), which is enough for explicit dates.

Every table maps a lower-cased form to its meaning. Forms are written as one
``|``-separated string per meaning to keep the tables short and greppable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from corroborate.model import MonthPart

#: TIMEX3 unit letters; "MIN"/"H"/"S" are written after a "T" in a value.
UNITS = ("Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q")


def forms(table: Mapping[str, object]) -> dict[str, object]:
    """Expand ``{"a|b": v}`` into ``{"a": v, "b": v}`` (keys lower-cased)."""
    out: dict[str, object] = {}
    for key, value in table.items():
        for form in key.split("|"):
            if form:
                out[form.lower()] = value
    return out


def ints(table: Mapping[str, int]) -> dict[str, int]:
    return {k: int(str(v)) for k, v in forms(table).items()}


def strs(table: Mapping[str, str]) -> dict[str, str]:
    return {k: str(v) for k, v in forms(table).items()}


def words(*groups: str) -> frozenset[str]:
    return frozenset(w.lower() for group in groups for w in group.split("|") if w)


@dataclass(frozen=True)
class Vocab:
    """Everything the candidate finder and the normaliser know about one language.

    ``last``/``this``/``next`` precede a unit, weekday, month or season; the
    ``*_post`` sets follow it (Spanish "el año pasado", French "l'an dernier").
    ``numbers`` maps number words to an int, or to ``None`` for vague amounts
    ("several") that give TIMEX ``X`` values. ``date_order`` is how an
    ambiguous numeric date reads (``mdy`` in English, ``dmy`` elsewhere).
    """

    months: dict[str, int]
    weekdays: dict[str, int] = field(default_factory=dict)
    day_words: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int | None] = field(default_factory=dict)
    last: frozenset[str] = frozenset()
    this: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    last_post: frozenset[str] = frozenset()
    this_post: frozenset[str] = frozenset()
    next_post: frozenset[str] = frozenset()
    ago_pre: frozenset[str] = frozenset()
    ago_post: frozenset[str] = frozenset()
    #: "later", "after", "earlier": relative to another event, never resolved.
    event_post: frozenset[str] = frozenset()
    event_pre: frozenset[str] = frozenset()
    #: fixed phrases relative to another event ("the next day", "la veille").
    event_phrases: frozenset[str] = frozenset()
    refs: dict[str, str] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    mods: frozenset[str] = frozenset()
    year_cues: frozenset[str] = frozenset()
    year_post: frozenset[str] = frozenset()
    every: frozenset[str] = frozenset()
    set_words: dict[str, str] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    quarter: frozenset[str] = frozenset()
    #: words right before a number that make it an age ("mit 40 Jahren").
    age_pre: frozenset[str] = frozenset()
    #: words right before a number that make it an amount, not a year.
    amount_pre: frozenset[str] = frozenset()
    #: the period a report is about ("the quarter") or the same period a year before
    #: ("the year-ago quarter"): ``"quarter"`` or ``"year_back"``, see :mod:`.context`.
    period_refs: dict[str, str] = field(default_factory=dict)
    #: regex source for words that put the clause in the future tense.
    future: str = r"(?!x)x"
    #: words right before a weekday that make it a day to come, whatever the verb's
    #: tense: a meeting "organised for Thursday" ("voor donderdagavond georganiseerd").
    #: Russian "на" is not one: "в ночь на вторник" is the night before a past Tuesday.
    future_pre: frozenset[str] = frozenset()
    #: a week told right after a weekday, and which week it is (-1, 0, +1): "Mittwoch
    #: kommender Woche", "Wednesday next week", "mercredi de la semaine prochaine".
    weekday_week: dict[str, int] = field(default_factory=dict)
    #: the night before a weekday, as a regex with ``{wd}`` for any weekday and a
    #: ``(?P<wd>...)`` group for the one it leads to: "in der Nacht zu Dienstag", "в ночь
    #: на вторник", "la nuit de lundi à mardi" are Monday night.
    night_before: str = ""
    #: the spoken clock: a phrase before or after an hour and the minutes it adds to
    #: that hour ("half past four", "kwart over vier": +30, +15) or takes from it ("half
    #: vijf", "halb fünf": -30, "a quarter to five", "las cinco menos cuarto": -15).
    clock_before: dict[str, int] = field(default_factory=dict)
    clock_after: dict[str, int] = field(default_factory=dict)
    date_order: str = "dmy"
    #: months written with a capital (English, German) must be capitalised.
    capital_months: bool = False
    #: months are written in lower case (es, fr, nl, ru): a bare month word with a
    #: capital beside another capitalised word is part of a name ("Jesús Julio
    #: Carnero", "Julio Iglesias").
    lower_months: bool = False
    #: month names that are also common words: need a day, year or cue.
    risky_months: frozenset[str] = frozenset()


EN_NUMBERS: dict[str, int | None] = {
    **ints(
        {
            "one|a|an|single": 1,
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
            "eleven": 11,
            "twelve": 12,
            "fifteen": 15,
            "eighteen": 18,
            "twenty": 20,
            "thirty": 30,
            "forty": 40,
            "fifty": 50,
            "sixty": 60,
            "hundred|a hundred": 100,
        }
    ),
    **dict.fromkeys(("several", "a few", "few", "some", "many", "a couple of", "couple of"), None),
}

EN = Vocab(
    months=ints(
        {
            "january|jan": 1,
            "february|feb": 2,
            "march|mar": 3,
            "april|apr": 4,
            "may": 5,
            "june|jun": 6,
            "july|jul": 7,
            "august|aug": 8,
            "september|sept|sep": 9,
            "october|oct": 10,
            "november|nov": 11,
            "december|dec": 12,
        }
    ),
    weekdays=ints(
        {
            "monday": 0,
            "tuesday": 1,
            "wednesday": 2,
            "thursday": 3,
            "friday": 4,
            "saturday": 5,
            "sunday": 6,
        }
    ),
    day_words=ints({"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}),
    units=strs(
        {
            "year|years|yr|yrs": "Y",
            "month|months": "M",
            "week|weeks": "W",
            "day|days|trading days|business days": "D",
            "hour|hours": "H",
            "minute|minutes|min|mins": "MIN",
            "second|seconds": "S",
            "decade|decades": "DE",
            "century|centuries": "CE",
            "quarter|quarters": "Q",
        }
    ),
    numbers=EN_NUMBERS,
    last=words("last|past|previous"),
    this=words("this|the current|current"),
    next=words("next|coming|the coming|the next"),
    ago_post=words("ago"),
    event_post=words("later|earlier|after|before|afterwards|previously|on"),
    event_phrases=words(
        "the next day|the following day|the day before|the previous day|the day after|"
        "the next morning|the following week|the following year|the previous year|"
        "the year before|the next year|the same day|that day|later that day"
    ),
    refs=strs(
        {
            "now|currently|right now|at present|at the moment|nowadays|these days|"
            "at this time": "PRESENT_REF",
            "recently|previously|in the past|the past|formerly|lately|recent years": "PAST_REF",
            "soon|in the future|the future|shortly|in the coming years": "FUTURE_REF",
        }
    ),
    seasons=strs({"spring": "SP", "summer": "SU", "autumn|fall": "FA", "winter": "WI"}),
    parts=strs(
        {
            "morning": "MO",
            "afternoon": "AF",
            "evening": "EV",
            "night": "NI",
            "overnight": "NI",
        }
    ),
    mods=words(
        "early|late|mid|mid-|the middle of|the end of|the beginning of|the start of|earlier|later"
    ),
    year_cues=words(
        "in|since|of|by|until|till|from|before|after|during|through|fiscal|year|the year|"
        "between|and|to|early|late|mid|mid-|summer|winter|spring|autumn|fall|around|circa"
    ),
    every=words("every|each|per"),
    set_words=strs(
        {
            "daily|every day|each day": "P1D",
            "weekly|every week|each week": "P1W",
            "monthly|every month|each month": "P1M",
            "annually|yearly|every year|each year": "P1Y",
        }
    ),
    ordinals=ints({"first|1st": 1, "second|2nd": 2, "third|3rd": 3, "fourth|4th|final": 4}),
    quarter=words("quarter"),
    amount_pre=words("than|about|some|nearly|almost|over|under|around|least|to|$|€|£"),
    future_pre=words("for"),
    period_refs=strs(
        {
            "the quarter|the latest quarter|the most recent quarter|the recent quarter|"
            "the fiscal quarter|the latest fiscal quarter|the just-ended quarter": "quarter",
            "year-ago|year-earlier|the year-ago quarter|the year-earlier quarter|"
            "the year-ago period|the year-earlier period|year-ago period|year-earlier period|"
            "year-ago quarter|year-earlier quarter": "year_back",
        }
    ),
    future=(
        r"\b(?:will|won't|'ll|shall|going to|plans? to|scheduled|expected to|due to|"
        r"upcoming|next|coming|begins?|starts?|resumes?|opens?|meets?|takes? place"
        r"|kicks? off|gets? under way)\b"
    ),
    date_order="mdy",
    capital_months=True,
    risky_months=words("may|mar|jan|jun|dec|sep|sept|aug|oct|nov|feb|apr|jul"),
    weekday_week=ints({"next week": 1, "last week": -1, "this week": 0}),
    clock_before=ints(
        {"half past": 30, "quarter past|a quarter past": 15, "quarter to|a quarter to": -15}
    ),
    night_before=r"(?:night|overnight)\s+(?:from\s+)?{wd}\s+(?:into|to)\s+(?P<wd>{wd})",
)

NL = Vocab(
    months=ints(
        {
            "januari|jan": 1,
            "februari|feb": 2,
            "maart|mrt": 3,
            "april|apr": 4,
            "mei": 5,
            "juni|jun": 6,
            "juli|jul": 7,
            "augustus|aug": 8,
            "september|sep|sept": 9,
            "oktober|okt": 10,
            "november|nov": 11,
            "december|dec": 12,
        }
    ),
    weekdays=ints(
        {
            "maandag": 0,
            "dinsdag": 1,
            "woensdag": 2,
            "donderdag": 3,
            "vrijdag": 4,
            "zaterdag": 5,
            "zondag": 6,
        }
    ),
    day_words=ints({"vandaag": 0, "gisteren": -1, "morgen": 1, "eergisteren": -2, "overmorgen": 2}),
    units=strs(
        {
            "jaar|jaren": "Y",
            "maand|maanden": "M",
            "week|weken": "W",
            "dag|dagen": "D",
            "uur|uren": "H",
            "minuut|minuten": "MIN",
            "seconde|seconden": "S",
            "decennium|decennia": "DE",
            "eeuw|eeuwen": "CE",
            "kwartaal|kwartalen": "Q",
        }
    ),
    numbers={
        **ints(
            {
                "een|één|eén": 1,
                "twee": 2,
                "drie": 3,
                "vier": 4,
                "vijf": 5,
                "zes": 6,
                "zeven": 7,
                "acht": 8,
                "negen": 9,
                "tien": 10,
                "elf": 11,
                "twaalf": 12,
                "twintig": 20,
                "dertig": 30,
                "honderd": 100,
            }
        ),
        **dict.fromkeys(("enkele", "een paar", "meerdere", "verscheidene", "vele"), None),
    },
    last=words("vorige|vorig|afgelopen|voorbije|voorbij|verleden"),
    this=words("deze|dit|huidige"),
    next=words("volgende|volgend|komende|aanstaande"),
    ago_post=words("geleden"),
    event_post=words("later|eerder|daarna|ervoor|nadien|daarvoor"),
    event_phrases=words(
        "de volgende dag|de dag erna|de dag ervoor|de dag daarna|een dag later|"
        "het jaar daarop|het jaar ervoor|diezelfde dag|die dag"
    ),
    refs=strs(
        {
            "nu|momenteel|op dit moment|tegenwoordig|thans|op het moment": "PRESENT_REF",
            "onlangs|recentelijk|vroeger|in het verleden|eerder": "PAST_REF",
            "binnenkort|in de toekomst|straks": "FUTURE_REF",
        }
    ),
    seasons=strs({"lente|voorjaar": "SP", "zomer": "SU", "herfst|najaar": "FA", "winter": "WI"}),
    parts=strs({"ochtend|morgen": "MO", "middag|namiddag": "AF", "avond": "EV", "nacht": "NI"}),
    mods=words("begin|eind|einde|half|medio|midden|eind-|begin-|halverwege"),
    year_cues=words("in|sinds|van|tot|vanaf|na|voor|begin|eind|medio|jaar|het jaar|uit|rond"),
    every=words("elke|iedere|elk|ieder"),
    set_words=strs(
        {
            "dagelijks|elke dag|iedere dag": "P1D",
            "wekelijks|elke week|iedere week": "P1W",
            "maandelijks|elke maand": "P1M",
            "jaarlijks|elk jaar|ieder jaar": "P1Y",
        }
    ),
    ordinals=ints({"eerste|1e|1ste": 1, "tweede|2e|2de": 2, "derde|3e|3de": 3, "vierde|4e|4de": 4}),
    quarter=words("kwartaal"),
    amount_pre=words("dan|ongeveer|zo'n|bijna|ruim|circa|tot|$|€|£"),
    future_pre=words("voor"),
    future=r"\b(?:zal|zullen|zult|gaat|gaan|komende|volgende|aanstaande|gepland|verwacht\w*|belegd"
    r"|begint|beginnen|start|starten|hervat|hervatten|opent|openen|vergadert|vergaderen"
    r"|vindt\s+plaats|vinden\s+plaats"
    # holding or giving an event, and lasting, told in the present: "De GGD houdt
    # zaterdag een extra vaccinatiemoment", "De staking duurt tot en met woensdag"
    r"|houdt|houden|geeft|geven|duurt|duren)\b",
    risky_months=words("mei|jan|dec|sep|aug|okt|nov|feb|apr|jul|jun|mrt"),
    weekday_week=ints(
        {
            "volgende week|komende week|van volgende week|van komende week": 1,
            "vorige week|afgelopen week|van vorige week": -1,
            "deze week|van deze week": 0,
        }
    ),
    lower_months=True,
    night_before=r"nacht\s+van\s+{wd}\s+op\s+(?P<wd>{wd})",
    clock_before=ints({"half": -30, "kwart over": 15, "kwart voor": -15}),
)

DE = Vocab(
    months=ints(
        {
            "januar|jänner|jan": 1,
            "februar|feber|feb": 2,
            "märz|mär|maerz": 3,
            "april|apr": 4,
            "mai": 5,
            "juni|jun": 6,
            "juli|jul": 7,
            "august|aug": 8,
            "september|sept|sep": 9,
            "oktober|okt": 10,
            "november|nov": 11,
            "dezember|dez": 12,
        }
    ),
    weekdays=ints(
        {
            "montag": 0,
            "dienstag": 1,
            "mittwoch": 2,
            "donnerstag": 3,
            "freitag": 4,
            "samstag|sonnabend": 5,
            "sonntag": 6,
        }
    ),
    day_words=ints({"heute": 0, "gestern": -1, "morgen": 1, "vorgestern": -2, "übermorgen": 2}),
    units=strs(
        {
            "jahr|jahre|jahren|jahres|jahrs": "Y",
            "monat|monate|monaten|monats": "M",
            "woche|wochen": "W",
            "tag|tage|tagen|tages": "D",
            "stunde|stunden": "H",
            "minute|minuten": "MIN",
            "sekunde|sekunden": "S",
            "jahrzehnt|jahrzehnte|jahrzehnten": "DE",
            "jahrhundert|jahrhunderte|jahrhunderten": "CE",
            "quartal|quartale|quartalen": "Q",
        }
    ),
    numbers={
        **ints(
            {
                "ein|eine|einem|einen|einer|eins": 1,
                "zwei": 2,
                "drei": 3,
                "vier": 4,
                "fünf": 5,
                "sechs": 6,
                "sieben": 7,
                "acht": 8,
                "neun": 9,
                "zehn": 10,
                "elf": 11,
                "zwölf": 12,
                "zwanzig": 20,
                "dreißig": 30,
                "hundert": 100,
            }
        ),
        **dict.fromkeys(("einige", "einigen", "mehrere", "mehreren", "ein paar", "vielen"), None),
    },
    last=words(
        "letzte|letzten|letzter|letztes|vergangene|vergangenen|vergangener|vergangenes|"
        "vorige|vorigen|voriger|voriges"
    ),
    this=words("diese|diesen|dieser|dieses|laufende|laufenden|laufendes"),
    next=words("nächste|nächsten|nächster|nächstes|kommende|kommenden|kommender|kommendes"),
    ago_pre=words("vor"),
    event_post=words("später|danach|zuvor|davor|früher|darauf"),
    event_phrases=words(
        "am nächsten tag|am folgenden tag|am tag danach|am tag davor|am vortag|"
        "am selben tag|tags darauf|im folgenden jahr|im jahr darauf|ein jahr später"
    ),
    refs=strs(
        {
            "jetzt|derzeit|zurzeit|gegenwärtig|momentan|aktuell|heutzutage|"
            "nun|inzwischen|mittlerweile": "PRESENT_REF",
            "kürzlich|neulich|vor kurzem|jüngst|früher|in der vergangenheit|"
            "bisher|bislang": "PAST_REF",
            "bald|künftig|zukünftig|in zukunft|demnächst|in der zukunft": "FUTURE_REF",
        }
    ),
    seasons=strs({"frühling|frühjahr": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"}),
    parts=strs(
        {
            "morgen|früh|vormittag": "MO",
            "mittag|nachmittag": "AF",
            "abend": "EV",
            "nacht": "NI",
        }
    ),
    mods=words("anfang|ende|mitte|anfang-|ende-|mitte-|gegen ende|zu beginn"),
    year_cues=words(
        "im|in|seit|bis|von|ab|vor|nach|anfang|ende|mitte|jahr|im jahr|im jahre|jahre|"
        "jahres|des jahres|frühjahr|sommer|herbst|winter|und|um|während"
    ),
    every=words("jeden|jede|jedes|alle"),
    set_words=strs(
        {
            "täglich|jeden tag": "P1D",
            "wöchentlich|jede woche": "P1W",
            "monatlich|jeden monat": "P1M",
            "jährlich|jedes jahr|alljährlich": "P1Y",
        }
    ),
    ordinals=ints(
        {
            "ersten|erste|erstes|1.": 1,
            "zweiten|zweite|zweites|2.": 2,
            "dritten|dritte|drittes|3.": 3,
            "vierten|vierte|viertes|4.": 4,
        }
    ),
    quarter=words("quartal"),
    age_pre=words("mit|alter von|im alter von"),
    amount_pre=words("als|rund|etwa|fast|knapp|über|unter|ungefähr|bis zu|$|€|£"),
    future_pre=words("für"),
    future=r"\b(?:wird|werden|wirst|soll|sollen|kommende[nrs]?|nächste[nrs]?|geplant|voraussichtlich"
    r"|erwartet|beginnt|beginnen|startet|starten|tagt|tagen|findet\s+statt|finden\s+statt"
    r"|dauert|dauern)\b",
    capital_months=True,
    risky_months=words("mai|jan|dez|sep|aug|okt|nov|feb|apr|jul|jun|mär"),
    weekday_week=ints(
        {
            "kommender woche|nächster woche|der kommenden woche|der nächsten woche": 1,
            "vergangener woche|letzter woche|der vergangenen woche|der letzten woche": -1,
            "dieser woche|der laufenden woche": 0,
        }
    ),
    night_before=r"Nacht\s+(?:von\s+{wd}\s+)?(?:zu|zum|auf)\s+(?:den\s+)?(?P<wd>{wd})",
    clock_before=ints({"halb": -30, "viertel nach": 15, "viertel vor": -15}),
)

ES = Vocab(
    months=ints(
        {
            "enero|ene": 1,
            "febrero|feb": 2,
            "marzo": 3,
            "abril|abr": 4,
            "mayo": 5,
            "junio|jun": 6,
            "julio|jul": 7,
            "agosto|ago": 8,
            "septiembre|setiembre|sept|sep": 9,
            "octubre|oct": 10,
            "noviembre|nov": 11,
            "diciembre|dic": 12,
        }
    ),
    weekdays=ints(
        {
            "lunes": 0,
            "martes": 1,
            "miércoles|miercoles": 2,
            "jueves": 3,
            "viernes": 4,
            "sábado|sabado": 5,
            "domingo": 6,
        }
    ),
    day_words=ints(
        {"hoy": 0, "ayer": -1, "mañana": 1, "anteayer|antier|antes de ayer": -2, "pasado mañana": 2}
    ),
    units=strs(
        {
            "año|años": "Y",
            "mes|meses": "M",
            "semana|semanas": "W",
            "día|días|dia|dias": "D",
            "hora|horas": "H",
            "minuto|minutos": "MIN",
            "segundo|segundos": "S",
            "década|décadas|decada|decadas|decenio|decenios": "DE",
            "siglo|siglos": "CE",
            "trimestre|trimestres": "Q",
        }
    ),
    numbers={
        **ints(
            {
                "un|uno|una": 1,
                "dos": 2,
                "tres": 3,
                "cuatro": 4,
                "cinco": 5,
                "seis": 6,
                "siete": 7,
                "ocho": 8,
                "nueve": 9,
                "diez": 10,
                "once": 11,
                "doce": 12,
                "quince": 15,
                "veinte": 20,
                "treinta": 30,
                "cien": 100,
            }
        ),
        **dict.fromkeys(("varios", "varias", "unos", "unas", "algunos", "algunas", "muchos"), None),
    },
    last=words("último|última|últimos|últimas|pasado|pasada"),
    this=words("este|esta|estos|estas|el presente|el actual"),
    next=words("próximo|próxima|proximo|proxima|siguiente"),
    last_post=words("pasado|pasada|anterior"),
    this_post=words("actual|en curso"),
    next_post=words("próximo|próxima|que viene|entrante"),
    ago_pre=words("hace"),
    event_post=words("después|despues|más tarde|antes|atrás|luego"),
    event_phrases=words(
        "al día siguiente|el día siguiente|el día anterior|la víspera|ese mismo día|"
        "el año siguiente|al año siguiente|el año anterior|ese día"
    ),
    refs=strs(
        {
            "ahora|actualmente|hoy en día|hoy día|hoy por hoy|en la actualidad|"
            "en este momento": "PRESENT_REF",
            "recientemente|anteriormente|en el pasado|últimamente|antiguamente": "PAST_REF",
            "pronto|en el futuro|próximamente|en breve": "FUTURE_REF",
        }
    ),
    seasons=strs({"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"}),
    parts=strs({"mañana": "MO", "tarde": "AF", "noche": "NI", "madrugada": "NI"}),
    mods=words(
        "principios de|a principios de|finales de|a finales de|mediados de|a mediados de|"
        "comienzos de|fines de|inicios de"
    ),
    year_cues=words(
        "en|desde|de|del|el|hasta|año|el año|para|durante|antes de|después de|hacia|verano|"
        "invierno|primavera|otoño|entre|y|a"
    ),
    every=words("cada|todos los|todas las"),
    set_words=strs(
        {
            "diariamente|a diario|cada día|todos los días": "P1D",
            "semanalmente|cada semana|todas las semanas": "P1W",
            "mensualmente|cada mes|todos los meses": "P1M",
            "anualmente|cada año|todos los años": "P1Y",
        }
    ),
    ordinals=ints({"primer|primero|1er": 1, "segundo|2º": 2, "tercer|tercero|3er": 3, "cuarto": 4}),
    quarter=words("trimestre"),
    age_pre=words("a los|edad de|de"),
    amount_pre=words("más de|menos de|unos|unas|cerca de|casi|alrededor de|hasta|$|€|£"),
    future_pre=words("para el|para este"),
    future=r"\b(?:\w+rá|\w+rán|va a|van a|próxim[oa]s?|planea|prevé|debería|deberían"
    r"|está previst[oa]|se espera|dura|duran|se prolonga|se prolongan)\b",
    weekday_week=ints(
        {
            "de la próxima semana|de la semana que viene|de la semana próxima": 1,
            "de la semana pasada": -1,
            "de esta semana": 0,
        }
    ),
    lower_months=True,
    night_before=r"noche\s+del?\s+{wd}\s+al?\s+(?P<wd>{wd})",
    clock_after=ints({"y media": 30, "y cuarto": 15, "menos cuarto": -15}),
)

FR = Vocab(
    months=ints(
        {
            "janvier|janv": 1,
            "février|fevrier|févr|fév": 2,
            "mars": 3,
            "avril|avr": 4,
            "mai": 5,
            "juin": 6,
            "juillet|juil": 7,
            "août|aout": 8,
            "septembre|sept": 9,
            "octobre|oct": 10,
            "novembre|nov": 11,
            "décembre|decembre|déc": 12,
        }
    ),
    weekdays=ints(
        {
            "lundi": 0,
            "mardi": 1,
            "mercredi": 2,
            "jeudi": 3,
            "vendredi": 4,
            "samedi": 5,
            "dimanche": 6,
        }
    ),
    day_words=ints(
        {"aujourd'hui|aujourd’hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2}
    ),
    units=strs(
        {
            "an|ans|année|années|annee|annees": "Y",
            "mois": "M",
            "semaine|semaines": "W",
            "jour|jours|journée|journées": "D",
            "heure|heures": "H",
            "minute|minutes": "MIN",
            "seconde|secondes": "S",
            "décennie|décennies": "DE",
            "siècle|siècles": "CE",
            "trimestre|trimestres": "Q",
        }
    ),
    numbers={
        **ints(
            {
                "un|une": 1,
                "deux": 2,
                "trois": 3,
                "quatre": 4,
                "cinq": 5,
                "six": 6,
                "sept": 7,
                "huit": 8,
                "neuf": 9,
                "dix": 10,
                "onze": 11,
                "douze": 12,
                "quinze": 15,
                "vingt": 20,
                "trente": 30,
                "cent": 100,
            }
        ),
        **dict.fromkeys(("plusieurs", "quelques", "de nombreux", "de nombreuses"), None),
    },
    last=words("dernier|dernière|derniers|dernières"),
    this=words("ce|cette|cet"),
    next=words("prochain|prochaine"),
    last_post=words("dernier|dernière|passé|passée|précédent|précédente"),
    this_post=words("en cours|courant"),
    next_post=words("prochain|prochaine|suivant|suivante|à venir"),
    ago_pre=words("il y a|voici|voilà"),
    event_post=words("plus tard|après|plus tôt|auparavant|avant"),
    event_phrases=words(
        "le lendemain|la veille|le jour suivant|le jour même|ce jour-là|l'année suivante|"
        "l'année précédente|le surlendemain"
    ),
    refs=strs(
        {
            "maintenant|actuellement|à présent|de nos jours|aujourd'hui encore|"
            "en ce moment|désormais": "PRESENT_REF",
            "récemment|auparavant|autrefois|dans le passé|naguère|dernièrement": "PAST_REF",
            "bientôt|prochainement|à l'avenir|dans le futur|l'avenir": "FUTURE_REF",
        }
    ),
    seasons=strs({"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"}),
    parts=strs({"matin|matinée": "MO", "après-midi": "AF", "soir|soirée": "EV", "nuit": "NI"}),
    mods=words("début|fin|mi-|mi|courant|à la mi-|au début de|à la fin de|fin-|début-"),
    year_cues=words(
        "en|depuis|de|du|jusqu'en|d'ici|année|l'année|l'an|avant|après|vers|dès|été|hiver|"
        "printemps|automne|entre|et|à|pour|fin|début"
    ),
    every=words("chaque|tous les|toutes les"),
    set_words=strs(
        {
            "quotidiennement|chaque jour|tous les jours": "P1D",
            "chaque semaine|toutes les semaines|hebdomadairement": "P1W",
            "chaque mois|tous les mois|mensuellement": "P1M",
            "chaque année|tous les ans|annuellement": "P1Y",
        }
    ),
    ordinals=ints(
        {"premier|1er": 1, "deuxième|second|2e": 2, "troisième|3e": 3, "quatrième|4e": 4}
    ),
    quarter=words("trimestre"),
    age_pre=words("à|âgé de|âgée de|l'âge de"),
    amount_pre=words("de plus de|plus de|moins de|environ|près de|quelque|jusqu'à|$|€|£"),
    future_pre=words("pour|pour ce"),
    # "Il devrait en sortir mardi": should (be), is due to
    future=r"\b(?:\w+ra|\w+ront|va|vont|prochaine?s?|prévu|prévue|devrait|devraient|doit"
    r"|doivent|attendue?s?|dure|durent|se prolonge|se prolongent)\b",
    risky_months=words("mars|mai|sept|oct|nov"),
    weekday_week=ints(
        {
            "de la semaine prochaine": 1,
            "de la semaine dernière|de la semaine passée": -1,
            "de cette semaine": 0,
        }
    ),
    lower_months=True,
    night_before=r"nuit\s+(?:de|du)\s+{wd}\s+(?:à|au)\s+(?P<wd>{wd})",
    clock_after=ints(
        {
            "heures et demie|heure et demie|h et demie": 30,
            "heures et quart|heure et quart": 15,
            "heures moins le quart|heure moins le quart": -15,
        }
    ),
)

RU = Vocab(
    months=ints(
        {
            "январь|января|январе|янв": 1,
            "февраль|февраля|феврале|фев": 2,
            "март|марта|марте": 3,
            "апрель|апреля|апреле|апр": 4,
            "май|мая|мае": 5,
            "июнь|июня|июне": 6,
            "июль|июля|июле": 7,
            "август|августа|августе|авг": 8,
            "сентябрь|сентября|сентябре|сент": 9,
            "октябрь|октября|октябре|окт": 10,
            "ноябрь|ноября|ноябре|нояб": 11,
            "декабрь|декабря|декабре|дек": 12,
        }
    ),
    weekdays=ints(
        {
            "понедельник|понедельника": 0,
            "вторник|вторника": 1,
            "среда|среду|среды": 2,
            "четверг|четверга": 3,
            "пятница|пятницу|пятницы": 4,
            "суббота|субботу|субботы": 5,
            "воскресенье|воскресенья": 6,
        }
    ),
    day_words=ints({"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}),
    units=strs(
        {
            "год|года|лет|году|годы|годов|годом|годами": "Y",
            "месяц|месяца|месяцев|месяце|месяцы|месяцами": "M",
            "неделя|недели|недель|неделю|неделе": "W",
            "день|дня|дней|сутки|суток": "D",
            "час|часа|часов": "H",
            "минута|минуты|минут|минуту": "MIN",
            "секунда|секунды|секунд|секунду": "S",
            "десятилетие|десятилетия|десятилетий": "DE",
            "век|века|веков|веке": "CE",
            "квартал|квартале|квартала": "Q",
        }
    ),
    numbers={
        **ints(
            {
                "один|одна|одну|одного": 1,
                "два|две|двух": 2,
                "три|трех|трёх": 3,
                "четыре|четырех|четырёх": 4,
                "пять|пяти": 5,
                "шесть|шести": 6,
                "семь|семи": 7,
                "восемь|восьми": 8,
                "девять|девяти": 9,
                "десять|десяти": 10,
                "двадцать|двадцати": 20,
                "тридцать": 30,
                "сто": 100,
            }
        ),
        **dict.fromkeys(("несколько", "нескольких", "много", "многих"), None),
    },
    last=words(
        "прошлый|прошлого|прошлом|прошлой|прошлую|прошлая|прошедший|прошедшем|прошедшей|"
        "прошедшую|минувший|минувшем|минувшей|минувшую|прошлым|прошлое"
    ),
    this=words("этот|этом|этой|эту|эта|это|текущий|текущем|текущей|текущую|этим|нынешнем"),
    next=words(
        "следующий|следующем|следующей|следующую|следующая|будущий|будущем|будущей|будущую|"
        "следующего|будущего|наступающем"
    ),
    ago_post=words("назад|тому назад"),
    event_pre=words("через|спустя"),
    event_post=words("спустя|позже|позднее|ранее|раньше"),
    event_phrases=words(
        "на следующий день|накануне|в тот же день|в тот день|на следующей неделе после|"
        "в следующем году после"
    ),
    refs=strs(
        {
            "сейчас|теперь|в настоящее время|в данный момент|ныне|на данный момент|"
            "сегодня уже": "PRESENT_REF",
            "недавно|ранее|прежде|в прошлом|раньше": "PAST_REF",
            # not "вскоре": news writes "вскоре после" (shortly after), no future
            "скоро|в будущем|в ближайшее время": "FUTURE_REF",
        }
    ),
    seasons=strs(
        {
            "весна|весной|весну|весны|весне": "SP",
            "лето|летом|лета|лете": "SU",
            "осень|осенью|осени": "FA",
            "зима|зимой|зиму|зимы|зиме": "WI",
        }
    ),
    parts=strs({"утром|утро": "MO", "днём|днем": "AF", "вечером|вечер": "EV", "ночью|ночь": "NI"}),
    mods=words("в начале|в конце|в середине|начале|конце|середине|начало|конец|середина"),
    year_cues=words("в|с|до|по|к|году|года|от|после|летом|зимой|весной|осенью|и"),
    year_post=words("год|года|году|г|г.|гг"),
    every=words("каждый|каждую|каждое|каждые|ежегодно"),
    set_words=strs(
        {
            "ежедневно|каждый день": "P1D",
            "еженедельно|каждую неделю": "P1W",
            "ежемесячно|каждый месяц": "P1M",
            "ежегодно|каждый год": "P1Y",
        }
    ),
    ordinals=ints(
        {
            "первом|первый|первого|i": 1,
            "втором|второй|второго|ii": 2,
            "третьем|третий|третьего|iii": 3,
            "четвертом|четвёртом|четвертый|четвёртый|iv": 4,
        }
    ),
    quarter=words("квартал|квартале|квартала"),
    age_pre=words("в возрасте|возрасте"),
    amount_pre=words("более|менее|около|почти|свыше|до|примерно|$|€|£"),
    future=r"(?:будет|будут|буду|станет|следующ\w*|предстоящ\w*|планиру\w*|ожида\w*"
    r"|начн(?:ётся|ется|утся)|состоится|состоятся|пройд(?:ёт|ет|ут)|откро(?:ется|ются))",
    weekday_week=ints(
        {"на следующей неделе|на будущей неделе": 1, "на прошлой неделе": -1, "на этой неделе": 0}
    ),
    lower_months=True,
    night_before=r"ночь\s+(?:с\s+{wd}\s+)?на\s+(?P<wd>{wd})",
)

CURATED: dict[str, Vocab] = {"en": EN, "nl": NL, "de": DE, "es": ES, "fr": FR, "ru": RU}

MONTH_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@lru_cache(maxsize=64)
def locale_vocab(language: str) -> Vocab | None:
    """Month, weekday and day words from dateparser's locale data (best effort).

    Used for languages we do not curate; ``None`` when dateparser has no locale.
    Only words of three or more letters are kept, so that short abbreviations
    ("mar", "set") do not turn ordinary words into dates.
    """
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (KeyError, ValueError):
        return None
    months = {
        name.lower(): number
        for number, key in enumerate(MONTH_KEYS, 1)
        for name in info.get(key, [])
        if len(name) >= 4
    }
    weekdays = {
        name.lower(): number
        for number, key in enumerate(WEEKDAY_KEYS)
        for name in info.get(key, [])
        if len(name) >= 5
    }
    relative = info.get("relative-type", {})
    day_words = {
        word.lower(): offset
        for key, offset in (("0 day ago", 0), ("1 day ago", -1), ("in 1 day", 1))
        for word in relative.get(key, [])
        if len(word) >= 3 and " " not in word
    }
    if not months:
        return None
    order = str(info.get("date_order", "DMY")).lower()
    return Vocab(
        months=months,
        weekdays=weekdays,
        day_words=day_words,
        date_order="mdy" if order.startswith("m") else "dmy",
        risky_months=frozenset(m for m in months if len(m) <= 4),
    )


def vocab_for(language: str) -> Vocab | None:
    """The curated vocabulary, else dateparser's locale words, else ``None``."""
    code = (language or "").lower().split("-")[0].split("_")[0]
    return CURATED.get(code) or locale_vocab(code)


#: The modifier words of every language's ``mods`` that name a third of a month.
MONTH_PARTS: dict[str, MonthPart] = {
    **dict.fromkeys(
        ("early", "the beginning of", "the start of", "begin", "begin-", "anfang",
         "anfang-", "zu beginn", "principios de", "a principios de", "comienzos de",
         "inicios de", "début", "début-", "au début de", "в начале", "начале", "начало"),
        "early",
    ),
    **dict.fromkeys(
        ("mid", "mid-", "the middle of", "half", "medio", "midden", "halverwege", "mitte",
         "mitte-", "mediados de", "a mediados de", "mi-", "mi", "à la mi-", "в середине",
         "середине", "середина"),
        "mid",
    ),
    **dict.fromkeys(
        ("late", "the end of", "eind", "eind-", "einde", "ende", "ende-", "gegen ende",
         "finales de", "a finales de", "fines de", "fin", "fin-", "à la fin de", "в конце",
         "конце", "конец"),
        "late",
    ),
}  # fmt: skip

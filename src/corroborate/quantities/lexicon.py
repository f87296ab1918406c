"""The words around a number that change what it means, per language.

Why lists rather than a model: the cues are closed classes (a dozen hedges, a few
range words, month names, function words) that a reviewer can read and extend,
and a regular expression over them costs microseconds per article. Every list is
keyed by language; English serves languages we have no list for.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Hedges that make the next number approximate.
APPROXIMATORS: dict[str, tuple[str, ...]] = {
    "en": ("about", "around", "roughly", "nearly", "almost", "some", "approximately",
           "approx.", "an estimated", "estimated", "circa", "ca.", "close to", "or so"),
    "nl": ("ongeveer", "zo'n", "zo’n", "circa", "ca.", "rond de", "rond", "bijna", "pakweg",
           "zowat", "om en nabij"),
    "de": ("rund", "etwa", "circa", "ca.", "zirka", "ungefähr", "fast", "knapp", "beinahe",
           "gut", "annähernd", "schätzungsweise", "um die"),
    "es": ("cerca de", "unos", "unas", "alrededor de", "aproximadamente", "casi", "en torno a",
           "aprox."),
    "fr": ("environ", "près de", "quelque", "quelques", "presque", "approximativement",
           "autour de", "à peu près", "une quinzaine de", "env."),
    "ru": ("около", "примерно", "почти", "приблизительно", "порядка"),
}  # fmt: skip

#: Words before a number that make it a floor ("min": "at least 4", "more than 80,000")
#: or a ceiling ("max": "up to 300", "less than 5"), per language. Not "tot", "hasta",
#: "до" or "bis" alone: after a verb of change they say where a figure went ("verhoogd
#: tot 21%", "повысил ставку до 21%"), no ceiling.
BOUNDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"min": ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
                   "no less than", "older than"),
           "max": ("up to", "at most", "less than", "fewer than", "no more than", "under",
                   "younger than")},
    "nl": {"min": ("minstens", "ten minste", "tenminste", "meer dan", "minimaal", "zeker",
                   "ruim", "ouder dan"),
           "max": ("maximaal", "hoogstens", "minder dan", "ten hoogste", "jonger dan")},
    "de": {"min": ("mindestens", "wenigstens", "mehr als", "über", "zumindest", "älter als"),
           "max": ("bis zu", "höchstens", "maximal", "weniger als", "unter", "jünger als")},
    "es": {"min": ("al menos", "por lo menos", "más de", "como mínimo", "mayores de"),
           "max": ("como máximo", "menos de", "menores de")},
    "fr": {"min": ("au moins", "plus de", "plus d'", "plus d’", "au minimum", "pas moins de"),
           "max": ("jusqu'à", "jusqu’à", "au plus", "au maximum", "moins de", "moins d'",
                   "moins d’")},
    "ru": {"min": ("более", "больше", "свыше", "не менее", "не меньше", "как минимум",
                   "по меньшей мере", "старше"),
           "max": ("не более", "не больше", "менее", "меньше", "максимум", "младше",
                   "моложе")},
}  # fmt: skip

#: Prepositions that may stand between a hedge and its number: Russian puts the
#: hedge first ("примерно в 225 километрах", "почти на 20%", "около" aside).
HEDGED_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "ru": ("в", "во", "на", "через", "до", "с", "со"),
}

#: Words that open a "between X and Y" range (a regex: Dutch says "tussen de 31 en 52"),
#: and the word joining its ends.
BETWEEN: dict[str, tuple[str, str]] = {
    "en": ("between", "and"),
    "nl": (r"tussen(?:\s+de)?", "en"),
    "de": ("zwischen", "und"),
    "es": ("entre", "y"),
    "fr": ("entre", "et"),
    "ru": ("между", "и"),
}
#: Words that join the ends of a "40 to 45" / "from 40 to 45" range.
RANGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("to",),
    "nl": ("tot", "à", "a"),
    "de": ("bis",),
    "es": ("a", "hasta"),
    "fr": ("à", "a"),
    "ru": ("до",),
}

#: Vague amounts ("hundreds of"): phrase -> (low, high). A range is approximate, and so
#: is a round number told as a collective ("une cinquantaine", "una veintena de", "een
#: tiental", "десяток": about 50, 20, 10); "a dozen" is twelve.
VAGUE: dict[str, dict[str, tuple[float, float]]] = {
    "en": {"dozens of": (24, 99), "scores of": (40, 99), "hundreds of thousands of": (2e5, 999_999),
           "tens of thousands of": (2e4, 99_999), "hundreds of": (200, 999),
           "thousands of": (2000, 9999), "millions of": (2e6, 9_999_999),
           "a dozen": (12, 12), "dozen": (12, 12), "a couple of": (2, 2),
           "a half-dozen": (6, 6), "a half dozen": (6, 6), "half a dozen": (6, 6),
           "half-dozen": (6, 6), "a few dozen": (24, 99), "several dozen": (24, 99),
           "a few hundred": (200, 999), "several hundred": (200, 999),
           "a few thousand": (2000, 9999), "several thousand": (2000, 9999)},
    "nl": {"tientallen": (20, 99), "tienduizenden": (2e4, 99_999),
           "honderdduizenden": (2e5, 999_999), "honderden": (200, 999),
           "duizenden": (2000, 9999), "miljoenen": (2e6, 9_999_999), "een dozijn": (12, 12),
           **{f"een {word}tal": (n, n) for word, n in (("tien", 10), ("twintig", 20),
              ("dertig", 30), ("veertig", 40), ("vijftig", 50), ("zestig", 60),
              ("zeventig", 70), ("tachtig", 80), ("negentig", 90), ("honderd", 100))}},
    "de": {"dutzende": (24, 99), "zehntausende": (2e4, 99_999),
           "hunderttausende": (2e5, 999_999), "hunderte": (200, 999), "tausende": (2000, 9999),
           "millionen von": (2e6, 9_999_999), "ein dutzend": (12, 12),
           "einige hundert": (200, 999), "mehrere hundert": (200, 999),
           "einige tausend": (2000, 9999), "mehrere tausend": (2000, 9999)},
    "es": {"decenas de miles de": (2e4, 99_999), "cientos de miles de": (2e5, 999_999),
           "decenas de miles": (2e4, 99_999), "cientos de miles": (2e5, 999_999),
           "decenas de": (20, 99), "cientos de": (200, 999), "centenares de": (200, 999),
           "miles de": (2000, 9999), "millones de": (2e6, 9_999_999), "una docena de": (12, 12),
           "una decena de": (10, 10), "una quincena de": (15, 15), "una veintena de": (20, 20),
           "una treintena de": (30, 30), "una cuarentena de": (40, 40),
           "una cincuentena de": (50, 50), "un centenar de": (100, 100),
           "un centenar": (100, 100),
           "un millar de": (1000, 1000)},
    "fr": {"des dizaines de milliers de": (2e4, 99_999),
           "des centaines de milliers de": (2e5, 999_999), "des dizaines de": (20, 99),
           "des dizaines de milliers": (2e4, 99_999), "des centaines de milliers": (2e5, 999_999),
           "des centaines de": (200, 999), "des milliers de": (2000, 9999),
           "des millions de": (2e6, 9_999_999), "une douzaine de": (12, 12),
           "quelques centaines de": (200, 999), "quelques milliers de": (2000, 9999),
           **{f"une {word}aine": (n, n) for word, n in (("diz", 10), ("quinz", 15),
              ("vingt", 20), ("trent", 30), ("quarant", 40), ("cinquant", 50),
              ("soixant", 60), ("cent", 100))}, "un millier": (1000, 1000)},
    "ru": {"десятки тысяч": (2e4, 99_999), "десятков тысяч": (2e4, 99_999),
           "сотни тысяч": (2e5, 999_999), "сотен тысяч": (2e5, 999_999), "десятки": (20, 99),
           "десятков": (20, 99), "сотни": (200, 999), "сотен": (200, 999),
           "тысячи": (2000, 9999), "тысяч": (2000, 9999), "миллионы": (2e6, 9_999_999),
           "дюжина": (12, 12), "десяток": (10, 10), "десятка": (10, 10),
           "полсотни": (50, 50), "полтора десятка": (15, 15)},
}  # fmt: skip

#: Age after the number: "-year-old", "-jarige", "-jährige", "-летний", "years old" ...
AGE_AFTER: dict[str, str] = {
    # "8 yo girl", "21 y/o Skip Wells": social media's short form
    "en": r"[-‐‑‒–—\s]years?[-‐‑‒–—\s]olds?\b|[-‐‑]year\b|\s+years?\s+of\s+age\b"
    r"|[-‐‑‒–—\s](?:months?|weeks?)[-‐‑‒–—\s]olds?\b|\s?(?:yo|y/o)\b|\s+yrs?\.?\s+old\b",
    "nl": r"[-‐‑]jarigen?\b|\s+jaar\s+oude?\b",
    # "34-jährige" and the noun "der 34-Jährige"
    "de": r"[-‐‑][jJ](?:ä|ae)hrigen?[rnms]?\b|\s+Jahre\s+alt(?:e[rnms]?)?\b",
    "es": r"\s+años\s+de\s+edad\b",
    "fr": r"\s+ans\b(?=\s*(?:,|\)|et\b|a\b|est\b|était\b))",
    "ru": r"[-‐‑]летн(?:ий|яя|его|ей|ему|им|юю|ие|их)\b|\s+(?:лет|года|год)\b(?=\s*[,)])",
}
#: Age before the number: "aged 21", "âgé de", "de 21 años", "в возрасте".
AGE_BEFORE: dict[str, str] = {
    # "younger than 12", "under the age of 5": a bound on an age is an age; "a woman
    # and a man, both 19,": the age of each
    "en": r"(?:,\s+(?i:both|each|all)|\b(?i:aged|ages?|turns?|turned|(?:younger|older)\s+than"
    r"|(?:under|over)\s+the\s+age\s+of|(?:children|kids|boys|girls)\s+(?:under|over)))\s+$",
    # "op een leeftijd van 34 jaar", "jonger dan 10 jaar", "im Alter von 34 Jahren",
    # "jünger als 10 Jahre", "младше 10 лет": each with its years word (below)
    "nl": r"\b(?i:leeftijd\s+van|(?:jonger|ouder)\s+dan)\s+$",
    "de": r"\b(?i:im\s+Alter\s+von|(?:jünger|älter)\s+als)\s+$",
    # "de 34 años", and the years one has: "tenía 34 años", "cumplió 18 años"; also
    # opening a sentence: "Tenía 77 años.", "Im Alter von 34 Jahren", "À 34 ans"
    "es": r"\b(?i:de|con|a\s+los|tiene|tienen|tenía|tenían|tengo|tuvo|tendrá|tendría"
    r"|cumple|cumplió|cumplirá|cumplía)\s+$",
    # "âgé de 34 ans", "il avait 34 ans"; not "il y a 34 ans" (34 years ago)
    "fr": r"(?:\b(?i:âgée?s?\s+de|de)|(?<!\w)(?i:à)"
    r"|\b(?<!\by\s)(?i:a|avait|avaient|ont|aura|aurait|ayant))\s+$",
    # "в возрасте 34 лет", "ему было 34 года", "ей исполнилось 18 лет", "Ему 23 года"
    "ru": r"\b(?i:в\s+возрасте|было|исполнилось|исполнится|ему|ей|младше|старше|моложе)\s+$",
}
#: Whether an age cue before the number also needs the year word after it.
#: Words after which years are time gone by, never an age: "il y a 34 ans" (34 years
#: ago), "hace 34 años", "depuis 20 ans", "durante 20 años".
NOT_AGE_BEFORE: dict[str, str] = {
    "es": r"\b(?i:hace|durante|desde|en)\s+$",
    # "sur vingt ans" and "en vingt ans": over and within twenty years
    "fr": r"\b(?:y\s+a|(?i:depuis|pendant|durant|sur|en))\s+$",
}
#: Years followed by "de" and a noun are a stretch of something, not an age: "una pena
#: de 20 años de prisión", "tiene 30 años de experiencia", "34 ans de carrière"
#: ("años de edad" is an age).
AGE_BEFORE_NEEDS_YEARS: dict[str, str] = {
    # "una niña de 9 años de los escombros": "de" and an article is no stretch of it
    "es": r"\s+años\b(?!\s+de\s+(?!edad\b|(?:los|las|la|el|un|una|su|sus)\b)[a-záéíóúñü])",
    "fr": r"\s+ans\b(?!\s+(?:de\s+|d['’])[a-zàâçéèêëîïôûùüÿœ])",
    "ru": r"\s+(?:лет|года|год)\b",
    "nl": r"\s+jaar\b",
    "de": r"\s+Jahren?\b",
}

#: Nouns that make the number after them an identifier ("category 4", "Flug 17").
ID_NOUNS: dict[str, str] = {
    "en": "category level phase stage type grade number page chapter article section room "
    "flight route row seat gate platform terminal unit lot district zone tier class "
    "version season episode game round act item no nr",
    "nl": "categorie niveau fase nummer pagina artikel hoofdstuk kamer vlucht lijn route "
    "perron rij stoel klasse seizoen aflevering ronde",
    "de": "kategorie stufe phase nummer seite artikel kapitel zimmer flug linie route "
    "gleis reihe platz klasse staffel folge runde",
    "es": "categoría nivel fase número página artículo capítulo habitación vuelo línea "
    "ruta fila asiento clase temporada episodio ronda",
    "fr": "catégorie niveau phase numéro page article chapitre chambre vol ligne route "
    "quai rang siège classe saison épisode tour",
    "ru": "категории категория уровня уровень номер номера страница странице статья статьи "
    "глава главы рейс рейса линия линии ряд место класс сезон серия",
}

#: Capitalised words of time before a number that are no part of a name: "On Monday 14
#: people were hurt", "am Samstagmorgen zwei Menschen" (German compounds on a weekday
#: or a part of the day count too), "Maandag twee".
TIME_WORDS_BEFORE: dict[str, str] = {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag morgen "
    "vormittag mittag nachmittag abend nacht wochenende",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "ru": "понедельник вторник среду четверг пятницу субботу воскресенье",
}


_TIME_WORDS = {language: tuple(words.split()) for language, words in TIME_WORDS_BEFORE.items()}


def time_word_before(before: str, language: str) -> bool:
    """Whether ``before`` ends with a word of time (see :data:`TIME_WORDS_BEFORE`)."""
    words = before.split()
    if not words:
        return False
    last = words[-1].lower().strip(",.;:")
    known = _TIME_WORDS.get(language, _TIME_WORDS["en"])
    if language == "de":
        return last.startswith(known) or last.endswith(known)
    return last in known


#: A source a figure is attributed to, right before the figure: "nach Angaben der
#: niederländischen Behörden 17 Menschen", "laut Polizei drei Verletzte". Only German:
#: it writes every noun with a capital and sets the source off with no comma, so the
#: source's last word looked like a name the number belongs to ("Boeing 737"); other
#: languages put a comma after the source ("according to police, 17 people").
ATTRIBUTION_BEFORE: dict[str, re.Pattern[str]] = {
    "de": re.compile(
        r"(?<!\w)(?i:nach\s+(?:(?:ersten|vorläufigen|offiziellen|eigenen|neuen|jüngsten)\s+)?"
        r"(?:Angaben|Informationen|Schätzungen|Erkenntnissen|Berichten)|laut|gemäß"
        r"|nach\s+\w+(?:angaben|informationen|schätzungen))"
        r"(?:\s+[^\s\d.!?;:,]+){0,5}\s+\Z"
    )
}
#: How far before a figure its source is looked for.
ATTRIBUTION_REACH = 90


def attributed_before(text: str, start: int, language: str) -> bool:
    """Whether a source the figure at ``start`` is attributed to ends right before it
    (see :data:`ATTRIBUTION_BEFORE`)."""
    pattern = ATTRIBUTION_BEFORE.get(language)
    return pattern is not None and bool(
        pattern.search(text, max(0, start - ATTRIBUTION_REACH), start)
    )


MONTHS: dict[str, str] = {
    "en": "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "de": "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre "
    "noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября "
    "декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь "
    "декабрь",
}

#: Function words that end the noun after a count (it never starts with one).
STOPWORDS: dict[str, str] = {
    "en": "the a an of in on at to for from by with and or but as is are was were be been "
    "have has had will would could can may might who which that this these those it its "
    "their his her they he she we i you more than less over under after before during "
    "since ago later earlier per each said say says told also only just more most all "
    "other such not no into out up down off about around there here when where while "
    "what how did do does so then than if year years old percent between against without "
    "through via",
    "nl": "de het een van in op aan te voor uit door met en of maar als is zijn was waren "
    "worden werd werden heeft hebben had die dat deze dit er bij naar om over onder na "
    "per meer dan ook nog al niet geen wel zich zij hij ze we wie wat waar toen wanneer "
    "terwijl omdat nadat voordat sinds tussen tegen zonder volgens tot",
    "de": "der die das den dem des ein eine einen einem einer und oder aber als ist sind "
    "war waren wird werden wurde wurden hat haben hatte in im an am auf aus bei mit nach "
    "von vom zu zum zur für über unter vor seit pro mehr als auch noch nicht kein sich "
    "es sie er wir wer was wo zwischen gegen ohne laut bis durch um",
    "es": "el la los las un una unos unas de del en a al por para con y o pero como es son "
    "fue fueron ha han había que se su sus más menos este esta estos estas no ya cuando "
    "mientras porque después antes desde hasta sobre bajo entre hacia contra sin según tras",
    "fr": "le la les un une des de du d' en à au aux par pour avec et ou mais comme est "
    "sont était étaient a ont avait qui que se sa son ses leur leurs plus moins ce cette "
    "ces ne pas y dont quand lorsque alors puis après avant pendant depuis sur sous dans entre "
    "chez vers contre sans selon",
    "ru": "и в во на с со к ко по о об от до из за для у не что как это был была были "
    "было будет его ее её их он она они мы вы я а но или же ли ещё еще более менее чем "
    "которые который которая когда пока после перед под над между через без про при",
}


def compiled_per_language(table: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """Each language's pattern of ``table`` compiled, case-insensitive."""
    return {language: re.compile(pattern, re.IGNORECASE) for language, pattern in table.items()}


def for_language(table: dict[str, str], language: str) -> str:
    """A language's entry, English when it has none."""
    return table.get(language, table["en"])


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=16)
def approximator_pattern(language: str) -> re.Pattern[str]:
    """A hedge word ending right before a number (searched in the text before it)."""
    words = APPROXIMATORS.get(language, APPROXIMATORS["en"])
    prepositions = HEDGED_PREPOSITIONS.get(language)
    between = rf"(?:\s+(?i:{_alternation(prepositions)}))?" if prepositions else ""
    return re.compile(rf"(?<!\w)(?i:{_alternation(words)}){between}\s+$")


@lru_cache(maxsize=16)
def bound_pattern(language: str) -> re.Pattern[str]:
    """A floor or ceiling word ending right before a number (searched in the text
    before it): group ``min`` or ``max`` says which."""
    words = BOUNDS.get(language, BOUNDS["en"])
    return re.compile(
        rf"(?<!\w)(?i:(?P<min>{_alternation(words['min'])})|(?P<max>{_alternation(words['max'])}))"
        r"(?:\s+|(?<=['’]))$"  # "plus d'une centaine": the elided word ends at its apostrophe
    )


@lru_cache(maxsize=16)
def vague_pattern(language: str) -> re.Pattern[str]:
    """A vague amount phrase ("hundreds of", "honderden", "сотни")."""
    phrases = list(VAGUE.get(language, VAGUE["en"]))
    return re.compile(rf"(?<!\w)(?i:{_alternation(phrases)})(?!\w)")


#: The collective round numbers of :data:`VAGUE`: "about" so many.
ABOUT_ROUND_ENDINGS = ("aine", "tal", "ena de", "enar de", "illar de", "illier", "десяток",
                       "десятка", "полсотни")  # fmt: skip


def is_about_round(surface: str) -> bool:
    """Whether a vague phrase is a round number told as a collective ("une dizaine")."""
    return " ".join(surface.lower().split()).endswith(ABOUT_ROUND_ENDINGS)


def vague_bounds(surface: str, language: str) -> tuple[float, float]:
    """The (low, high) a matched vague phrase stands for."""
    table = VAGUE.get(language, VAGUE["en"])
    return table[" ".join(surface.lower().split())]


@lru_cache(maxsize=16)
def month_pattern(language: str) -> re.Pattern[str]:
    """Month names of a language and English (dates are masked, not read as quantities).

    English names must be capitalised: "5 may be" is no date.
    """
    own = [] if language == "en" else for_language(MONTHS, language).split()
    english = [word.capitalize() for word in MONTHS["en"].split()]
    alternatives = (
        f"(?i:{_alternation(own)})|{_alternation(english)}" if own else _alternation(english)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})\.?(?!\w)")


@lru_cache(maxsize=16)
def id_noun_pattern(language: str) -> re.Pattern[str]:
    """An identifier noun ending right before a number (searched in the text before it)."""
    words = set(for_language(ID_NOUNS, language).split()) | set(ID_NOUNS["en"].split())
    return re.compile(rf"(?<!\w)(?i:{_alternation(sorted(words))})\.?\s*$")


@lru_cache(maxsize=16)
def stopwords(language: str) -> frozenset[str]:
    return frozenset(for_language(STOPWORDS, language).split())


#: A pound after an amount told with its scale word, the currency, not the weight:
#: "raised 30 million pounds", "rund 30 Millionen Pfund für das Gesundheitspersonal",
#: "30 miljoen pond", "30 millions de livres", "30 millones de libras", "30 миллионов
#: фунтов". A weight names its goods right after ("2 million pounds of beef", "2
#: Millionen Pfund Fleisch"), so only a stopword, punctuation or the end may follow
#: (see :func:`pound_sterling_after`); "of" and its kin never.
POUND_AFTER_SCALE = compiled_per_language(
    {
        "en": r"\s+(pounds)\b",
        "nl": r"\s+(pond)\b",
        "de": r"\s+(Pfund)\b",
        "es": r"\s+(?:de\s+)?(libras)\b",
        "fr": r"\s+(?:de\s+|d['’]\s*)?(livres)\b",
        "ru": r"\s+(фунтов|фунта)\b",
    }
)
#: The words after which a pound is a weight of goods: "of", "van", "de".
_GOODS_AFTER = frozenset({"of", "van", "de", "d'", "d’", "du", "des", "del"})
_NEXT_WORD = re.compile(r"\s*([^\W\d]+(?:['’])?)", re.UNICODE)


def pound_sterling_after(text: str, end: int, language: str) -> int | None:
    """Where a pound sterling word ends when one follows an amount ending at ``end``
    that was told with its scale word (see :data:`POUND_AFTER_SCALE`), else None."""
    pattern = POUND_AFTER_SCALE.get(language.split("-")[0])
    found = pattern.match(text, end) if pattern else None
    if found is None:
        return None
    word = _NEXT_WORD.match(text, found.end())
    if word is not None and text[found.end() : word.start(1)].strip() == "":
        following = word.group(1)
        if following.casefold() in _GOODS_AFTER or _goods(following, language):
            return None
    return found.end()


def _goods(word: str, language: str) -> bool:
    """Whether the word after a pound may name the goods it weighs: in German a noun,
    which German capitalises ("Pfund Fleisch"; "30 Millionen Pfund gesammelt" is a
    sum); elsewhere any word but a function word."""
    if language.split("-")[0] == "de":
        return word[:1].isupper() and word.casefold() not in stopwords(language)
    return word.casefold() not in stopwords(language)


#: Words right before a number that make it an earthquake's magnitude: "a magnitude
#: 6.1 earthquake", "van kracht 5,2", "der Stärke 6,1", "de magnitud 6,1", "магнитудой
#: 6,1" ("Windstärke", "windkracht" are one word, so no match).
MAGNITUDE_BEFORE = compiled_per_language(
    {
        "en": r"\bmagnitude(?:\s+of)?[\s‐‑-]+$",
        "nl": r"\b(?:kracht|magnitude)(?:\s+van)?\s+$",
        "de": r"\b(?:Stärke|Magnitude)(?:\s+von)?\s+$",
        "es": r"\bmagnitud(?:\s+de)?\s+$",
        "fr": r"\bmagnitude(?:\s+de)?\s+$",
        "ru": r"\bмагнитуд(?:ой|ы|а|у|е)\s+$",
    }
)
#: One unit of time and a half, told with the unit between: "a day and a half", "día y
#: medio", "une journée et demie", "anderhalve dag" is read as a number ("anderhalf").
#: ``unit`` is the unit's word; the span is the whole phrase.
ONE_AND_A_HALF = compiled_per_language(
    {
        "en": r"\b(?:an?|one)\s+(?P<unit>minute|hour|day|week|month|year)\s+and\s+a\s+half\b",
        "es": r"(?<!\w)(?:(?:un|una)\s+)?(?P<unit>minuto|hora|día|semana|mes|año)\s+y\s+medi[oa]\b",
        "fr": r"\b(?:un|une)\s+(?P<unit>minute|heure|jour|journée|semaine|an|année)"
        r"\s+et\s+demie?\b",
    }
)
#: The unit words of :data:`ONE_AND_A_HALF` that the unit table does not know alone.
HALF_UNITS = {"journée": "day", "an": "year"}
#: A part of the day after "N hours" makes it the hour of a clock, no duration: "3
#: heures du matin", "3 часов ночи", "las 3 de la madrugada" (the dates stage reads
#: the time).
CLOCK_PART_AFTER = compiled_per_language(
    {
        "fr": r"\s+(?:du\s+matin|du\s+soir|de\s+l['’]après-midi)\b",
        "es": r"\s+de\s+la\s+(?:mañana|madrugada|tarde|noche)\b",
        "ru": r"\s+(?:утра|ночи|вечера|дня)\b",
        "nl": r"\s+'s\s+(?:ochtends|nachts|middags|avonds)\b",
        "de": r"\s+(?:morgens|nachts|früh|nachmittags|abends)\b",
    }
)
#: A spoken clock: the number in "half vijf", "halb fünf", "half past four", "a quarter
#: to five", "om twee uur", "two o'clock", "las cuatro y media", "à quatre heures et
#: demie" is the hour of a time of day (the dates stage reads the time), no count;
#: "deux heures et demie" alone is 2.5 hours.
SPOKEN_CLOCK = compiled_per_language(
    {
        "en": r"\b(?:half\s+past|(?:a\s+)?quarter\s+(?:past|to))\s+\w+|\b\w+\s+o['’]clock\b",
        "nl": r"\b(?:half|kwart\s+(?:over|voor))\s+(?!een\b)\w+|\bom\s+[^\W\d_]+\s+uur\b",
        "de": r"\b(?:halb|viertel\s+(?:nach|vor))\s+(?!ein\b)\w+|\bum\s+[^\W\d_]+\s+uhr\b",
        "es": r"\blas\s+\w+\s+(?:y\s+media|y\s+cuarto|menos\s+cuarto)\b",
        "fr": r"\b(?:à|vers|dès)\s+\w+\s+heures?\s+(?:et\s+demie|et\s+quart|moins\s+le\s+quart)\b",
    }
)
#: Words right before a bare number that make it a limit of the speed told before it
#: in the sentence: "at about 120 km/h on a stretch limited to 80", "erlaubt waren
#: dort 80", "en un tramo limitado a 80".
SPEED_LIMIT_BEFORE = compiled_per_language(
    {
        "en": r"\b(?:limited\s+to|limit\s+(?:of|is|was)|allowed|permitted)\s+$",
        "nl": r"\b(?:toegestaan\s+(?:is|was|zijn|waren)(?:\s+daar)?|maximaal|limiet\s+van)\s+$",
        "de": r"\b(?:erlaubt|zulässig|gestattet)\s+(?:sind|waren|ist|war)(?:\s+dort|\s+da)?\s+$"
        r"|\b(?:Tempolimit|Höchstgeschwindigkeit)\s+(?:von|liegt\s+bei|lag\s+bei)\s+$",
        "es": r"\b(?:limitad[oa]\s+a|límite\s+de|permitid[oa]s?\s+(?:de|son|eran|es|era))\s+$",
        "fr": r"\b(?:limitée?\s+à|limite\s+de|autorisée?s?\s+(?:de|à))\s+$",
        "ru": r"(?:разрешено|разрешена|ограничением\s+в|ограничение\s+в)\s+$",
    }
)
#: Words right after a number that make it a magnitude: "a 6.1-magnitude quake",
#: "5.2 on the Richter scale", "5,2 op de schaal van Richter".
MAGNITUDE_AFTER = compiled_per_language(
    {
        "en": r"[\s‐‑-]magnitude\b|\s+on\s+the\s+Richter\s+scale\b",
        "nl": r"\s+op\s+de\s+schaal\s+van\s+Richter\b",
        "de": r"\s+auf\s+der\s+Richter-?[Ss]kala\b",
        "es": r"\s+en\s+la\s+escala\s+(?:de\s+)?Richter\b",
        "fr": r"\s+sur\s+l['’]échelle\s+de\s+Richter\b",
        "ru": r"\s+по\s+шкале\s+Рихтера\b",
    }
)


#: An age written as one word, a number word joined to "year-old": Dutch
#: "negenjarige", German "Neunjährige", "zwölfjähriger", Russian "девятилетнюю"
#: (the number in the genitive), each with its endings.
COMPOUND_AGE = compiled_per_language(
    {
        "nl": r"\b([a-z]{3,}?)jarig(?:e|en)?\b",
        "de": r"\b([a-zäöüß]{3,}?)jährig(?:e[rnms]?)?\b",
        "ru": r"\b([а-яё]{3,}?)летн(?:ий|яя|ее|его|ей|ему|им|юю|ие|их|ими|ая)\b",
    }
)

#: How many times, written as one word: German "fünfmal", "zwölfmal", Dutch
#: "vijfmaal" (group 2 is the word for "times"). "einmal" and "eenmaal" are read as no
#: count: they are mostly "once upon", "noch einmal" (again), "nu eenmaal".
COMPOUND_TIMES = compiled_per_language(
    {
        "nl": r"\b([a-z]{3,}?)(maal)\b",
        "de": r"\b([a-zäöüß]{3,}?)(mal)\b",
    }
)

#: Verbs that may follow a count, where the reading of its noun stops ("27
#: *resultaron* heridas", "vijf *raakten* gewond", "trois *restent* hospitalisés"):
#: Spanish preterite and imperfect endings, French simple past, and the verbs of being
#: and faring that are not function words; in English a few verbs of taking part
#: ("80,000 *took* part", "200 *gathered*"), whose last word would pass for a noun.
#: German reads none (its heads are told by their capital, Russian by its dictionary).
VERB_AFTER_COUNT = compiled_per_language(
    {
        "en": r"^(?:took|take|were|are|remain|remained|came|went|gathered|marched|joined"
        r"|turned|showed|attended|lined|packed|filled|crowded)$",
        "es": r"(?:aron|ieron|eron|aban|ían)$|^(?:están|estaban|eran|siguen|permanecen"
        r"|continúan|quedan|hay)$",
        "fr": r"(?:èrent|irent)$|^(?:restent|demeurent|furent|figurent|meurent)$",
        "nl": r"^(?:raakte|raakten|kwam|kwamen|liep|liepen|overleed|overleden|vielen"
        r"|moesten|belandde|belandden|bleven|lagen|liggen|zaten|zitten|verloren)$",
    }
)

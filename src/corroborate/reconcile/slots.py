"""Slots: what a number is about, when the words around it say so plainly.

Two sources' numbers are about the same thing when they fill the same slot: the age
of one person, the number of people killed, injured, shot, evacuated or arrested. Those are the
figures news reports most often get wrong or update, so they are read with a small
lexicon per language (word stems, matched at the start of a word) and the nearest
cue word wins: in "two were killed and three injured", two fills *killed* and three
*injured*. Numbers with no slot are matched by their sentences instead (see
:mod:`corroborate.reconcile.facts`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice, takewhile

from anyascii import anyascii

#: slot -> language -> stems. Stems are matched lower-cased at the start of a word.
SLOT_STEMS: dict[str, dict[str, tuple[str, ...]]] = {
    "killed": {
        "en": (
            "kill",
            "dead",
            "died",
            "dies",
            "death",
            "fatal",
            "slain",
            "murder",
            "lost their li",
            "bodies",
        ),
        "nl": (
            "dood",
            "doden",
            "omgekomen",
            "omkwam",
            "overled",
            "gedood",
            "omgebracht",
            "om het leven",
            "lichamen",
        ),
        "de": (
            "tot",
            "tote",
            "getötet",
            "tötet",
            "starb",
            "gestorben",
            "ums leben",
            "todesopfer",
            "leichen",
        ),
        "es": (
            "muert",
            "falleci",
            "murier",
            "asesinad",
            "fallecid",
            "mató",
            "matando",
            "mataron",
            "perdieron la vida",
            "perdió la vida",
            "cuerpos",
            "cadáveres",
        ),
        "fr": ("mort", "tué", "décéd", "tues", "perdu la vie", "cadavres"),
        "ru": ("погиб", "убит", "убил", "умер", "скончал", "смерт"),
    },
    "injured": {
        "en": (
            "injur",
            "wound",
            "hurt",
            "hospital",
            "critical cond",
            "serious cond",
            "stable cond",
            "fair cond",
            "recovering",
        ),
        "nl": ("gewond", "verwond", "letsel", "ziekenhuis"),
        "de": ("verletz", "verwund", "krankenhaus", "klinik"),
        "es": ("herid", "lesionad", "hiri", "hospitalizad", "hospital"),
        "fr": ("bless", "hospitalisé", "hôpital", "l'hôpital", "l’hôpital"),
        "ru": ("ранен", "ранил", "пострада", "травм", "госпитализ", "больниц"),
    },
    "shot": {
        "en": ("shot", "gunshot"),
        "nl": ("neergeschoten", "beschoten"),
        "de": ("angeschossen", "erschossen", "beschossen"),
        "es": ("baleado", "disparad"),
        "fr": ("par balle",),
        "ru": ("застрел",),
    },
    "evacuated": {
        "en": ("evacuat", "displaced", "from their home", "out of their home"),
        "nl": ("evacu", "geëvacueerd", "moesten hun huis", "moesten hun huizen"),
        "de": ("evakuier", "mussten ihre häuser", "mussten ihre wohnungen", "in sicherheit"),
        "es": ("evacu", "desaloj"),
        "fr": ("évacu",),
        "ru": ("эвакуир", "эвакуац"),
    },
    # people disasters leave missing ("at least four others are still missing",
    # "nueve desaparecidos", "werden noch vermisst", "portées disparues")
    "missing": {
        "en": ("missing", "unaccounted"),
        "nl": ("vermist",),
        "de": ("vermisst", "vermißt"),
        "es": ("desaparecid",),
        "fr": ("disparu",),
        "ru": ("пропал", "пропавш", "без вести"),
    },
    "arrested": {
        "en": ("arrest", "detain", "in custody", "charged"),
        "nl": ("gearresteerd", "aangehouden", "opgepakt"),
        "de": ("festgenommen", "verhaftet"),
        "es": ("detenid", "detuv", "arrest"),
        "fr": ("arrêt", "interpell"),
        "ru": ("задерж", "арест"),
    },
}

#: language -> nouns that count people ("three *victims*", "zwei *Menschen*"). A count
#: with another noun ("8 counts of murder", "17 gunshots", "20 Main St.") fills no
#: casualty slot, whatever cue word follows it; a count with no noun ("two were
#: killed") may.
PERSON_NOUNS: dict[str, tuple[str, ...]] = {
    "en": (
        "people", "persons", "person", "individuals", "others", "other", "victims", "victim",
        "men", "man", "women", "woman", "children", "child", "kids", "kid", "boys", "boy",
        "girls", "girl", "teens", "teen", "teenagers", "teenager", "youths", "juveniles",
        "minors", "adults", "males", "females", "babies", "infants", "toddlers", "officers",
        "officer", "deputies", "troopers", "firefighters", "soldiers", "civilians",
        "students", "residents", "bystanders", "pedestrians", "passengers", "occupants",
        "patrons", "customers", "guests", "workers", "employees", "members", "relatives",
        "friends", "brothers", "sisters", "sons", "daughters", "suspects", "gunmen",
        "shooters", "inmates", "worshippers", "fans", "spectators", "americans",
        # roles the news counts victims by
        "male", "female", "adult", "baby", "infant", "toddler", "youth", "juvenile", "minor",
        "policemen", "policeman", "cops", "cop", "agents", "agent", "guards", "guard",
        "bailiffs", "constables", "marines", "sailors", "airmen", "troops", "patients",
        "protesters", "protestors", "demonstrators", "partygoers", "revelers", "revellers",
        "concertgoers", "attendees", "shoppers", "diners", "motorists", "drivers", "driver",
        "hostages", "hunters", "neighbors", "neighbours", "siblings", "cousins", "parents",
        "husbands", "wives", "teachers", "pupils", "classmates", "roommates", "tenants",
        "worshipers", "tourists", "visitors", "players", "prisoners", "detainees", "staffers",
        "coworkers", "co-workers", "clerks", "nurses", "doctors", "paramedics", "journalists",
        "reporters", "survivors", "gentlemen", "ladies", "guys", "youngsters", "adolescents",
        "newborns", "twins", "militants", "fighters", "rebels", "migrants", "refugees",
        "mother", "father", "son", "daughter", "brother", "sister", "husband", "wife",
        "grandmother", "grandfather", "grandson", "granddaughter", "uncle", "aunt", "nephew",
        "niece", "cousin", "friend", "neighbor", "neighbour", "girlfriend", "boyfriend",
        "partner", "student", "teacher", "resident", "passenger", "customer", "employee",
        "worker", "bystander", "patient", "suspect", "gunman", "shooter", "deputy", "trooper",
        "miners", "miner", "villagers", "farmers", "fishermen", "hikers", "climbers", "crew",
        "pilots", "rescuers", "volunteers",
        # people out for sport, travel or a pilgrimage, whom accidents count
        "skiers", "skier", "snowboarders", "mountaineers", "alpinists", "trekkers", "walkers",
        "campers", "holidaymakers", "vacationers", "travellers", "travelers", "commuters",
        "cyclists", "bikers", "riders", "runners", "swimmers", "bathers", "divers", "surfers",
        "athletes", "pilgrims", "guides", "hiker", "climber", "tourist",
        # the members of a group an accident struck
        "participants", "tourers", "ski-tourers",
    ),
    "nl": (
        "mensen", "personen", "persoon", "doden", "gewonden", "slachtoffers", "slachtoffer",
        "kinderen", "kind", "mannen", "man", "vrouwen", "vrouw", "agenten", "jongeren",
        "inwoners", "burgers", "militairen", "leden", "passagiers", "bewoners", "verdachten",
        "werknemers", "medewerkers", "arbeiders", "brandweerlieden", "brandweermannen",
        "politieagenten", "studenten", "leerlingen", "scholieren", "toeristen", "bestuurders",
        "automobilisten", "fietsers", "voetgangers", "patiënten", "gevangenen", "gedetineerden",
        "migranten", "vluchtelingen", "familieleden", "tieners", "minderjarigen", "volwassenen",
        "bezoekers", "omstanders", "inzittenden", "reizigers", "demonstranten", "betogers",
        "gijzelaars", "jongens", "meisjes", "jongen", "meisje", "agent", "bestuurder",
        "inzittende", "bewoner", "passagier", "verdachte", "werknemer", "medewerker",
        "mijnwerkers", "mijnwerker", "dorpelingen", "boeren", "vissers", "bemanningsleden",
        "wandelaars", "klimmers", "reddingswerkers", "vrijwilligers",
        "skiers", "skiërs", "snowboarders", "alpinisten", "vakantiegangers", "zwemmers",
        "duikers", "pelgrims", "gidsen", "sporters", "lopers", "forensen", "anderen",
        "deelnemers", "groepsleden", "toerskiërs",
    ),
    "de": (
        "menschen", "personen", "person", "tote", "toten", "verletzte", "verletzten", "opfer",
        "kinder", "kind", "männer", "mann", "frauen", "frau", "polizisten", "jugendliche",
        "einwohner", "soldaten", "passagiere", "bewohner", "anwohner", "verdächtige",
        "mitglieder", "arbeiter", "mitarbeiter", "mitarbeiterinnen", "beschäftigte",
        "beschäftigten", "feuerwehrleute", "feuerwehrmänner", "einsatzkräfte", "beamte",
        "polizeibeamte", "schüler", "schülerinnen", "studenten", "touristen", "fahrer",
        "autofahrer", "radfahrer", "fußgänger", "bergleute", "patienten", "häftlinge",
        "gefangene", "migranten", "flüchtlinge", "angehörige", "familienmitglieder",
        "jugendlichen", "minderjährige", "erwachsene", "besucher", "insassen", "reisende",
        "demonstranten", "geiseln", "jungen", "mädchen", "bürger", "zivilisten", "leute",
        "fahrgäste", "fahrgästen", "fahrgast", "pendler", "helfer",
        "wanderer", "bergsteiger", "alpinisten", "urlauber", "kletterer", "schwimmer",
        "taucher", "pilger", "sportler", "läufer", "snowboarder", "bergführer", "andere",
        "anderen", "weitere", "teilnehmer", "teilnehmerinnen", "gruppenmitglieder",
        "skifahrer", "skitourengänger", "skitourengängern",
    ),
    "es": (
        "personas", "persona", "muertos", "heridos", "víctimas", "víctima", "niños", "niño",
        "hombres", "hombre", "mujeres", "mujer", "agentes", "policías", "jóvenes", "menores",
        "civiles", "soldados", "pasajeros", "vecinos", "detenidos", "sospechosos", "miembros",
        "trabajadores", "trabajador", "empleados", "obreros", "operarios", "bomberos",
        "guardias", "estudiantes", "alumnos", "turistas", "conductores", "conductor",
        "peatones", "mineros", "pacientes", "presos", "reclusos", "migrantes", "inmigrantes",
        "refugiados", "familiares", "adolescentes", "bebés", "adultos", "visitantes",
        "ocupantes", "viajeros", "manifestantes", "rehenes", "chicos", "chicas",
        "ciudadanos", "militares", "efectivos", "habitantes", "residentes", "heridas",
        "herida", "herido", "muertas", "muerto", "muerta", "fallecidos", "fallecidas",
        "desaparecidos",
        "esquiadores", "senderistas", "montañeros", "alpinistas", "excursionistas",
        "escaladores", "veraneantes", "ciclistas", "nadadores", "bañistas", "buceadores",
        "peregrinos", "guías", "deportistas", "corredores", "otros", "otras",
        "participantes", "integrantes",
    ),
    "fr": (
        "personnes", "personne", "morts", "blessés", "victimes", "victime", "enfants",
        "enfant", "hommes", "homme", "femmes", "femme", "policiers", "gendarmes", "jeunes",
        "civils", "soldats", "passagers", "habitants", "suspects", "membres", "employés",
        "employé", "salariés", "ouvriers", "travailleurs", "pompiers", "sapeurs-pompiers",
        "agents", "militaires", "élèves", "étudiants", "touristes", "conducteurs",
        "conducteur", "automobilistes", "piétons", "cyclistes", "mineurs", "patients",
        "détenus", "prisonniers", "migrants", "réfugiés", "proches", "adolescents", "bébés",
        "adultes", "visiteurs", "occupants", "voyageurs", "manifestants", "otages",
        "garçons", "filles", "riverains", "résidents", "citoyens", "secouristes", "blessée",
        "blessées", "blessé", "tués", "tuées", "mort", "morte", "mortes", "disparus",
        "skieurs", "randonneurs", "alpinistes", "grimpeurs", "vacanciers", "nageurs",
        "baigneurs", "plongeurs", "pèlerins", "guides", "sportifs", "coureurs", "estivants",
        "autres", "participants",
    ),
    "ru": (
        "человек", "человека", "люди", "людей", "погибших", "раненых", "пострадавших",
        "жертв", "детей", "ребенка", "ребёнка", "мужчин", "женщин", "полицейских", "военных",
        "пассажиров", "жителей", "подозреваемых", "граждан", "рабочих", "рабочие",
        "сотрудников", "сотрудника", "работников", "пожарных", "спасателей",
        "военнослужащих", "студентов", "школьников", "туристов", "водителей", "пешеходов",
        "горняков", "шахтеров", "шахтёров", "пациентов", "заключенных", "заключённых",
        "мигрантов", "беженцев", "родственников", "подростков", "младенцев", "взрослых",
        "посетителей", "пассажира", "бойцов", "солдат", "силовиков",
        "лыжников", "лыжника", "лыжники", "туристы", "туриста", "альпинистов", "альпиниста",
        "альпинисты", "велосипедистов", "паломников", "спортсменов", "пловцов",
        "отдыхающих", "купальщиков", "дайверов", "гидов", "других", "другие",
        "участников", "участника", "участники", "членов",
    ),
}  # fmt: skip

#: Human labels of the slots, used as fact labels.
SLOT_LABELS = {
    "killed": "people killed",
    "injured": "people injured",
    "shot": "people shot",
    "arrested": "people arrested",
    "evacuated": "people evacuated",
    "missing": "people missing",
}
#: A casualty count of several incidents at once ("Eight people were killed in
#: shootings across Chicago", "Two men were killed in three separate shootings") is a
#: roundup's total, not the toll of the story's own incident: it fills a slot of its
#: own ("killed:several", "people killed in several incidents"), so it neither agrees
#: nor conflicts with the story's count.
SEVERAL = ":several"
#: The slots of a story's toll.
CASUALTY_SLOTS = ("killed", "injured", "shot")
SLOT_LABELS.update(
    {f"{slot}{SEVERAL}": f"{SLOT_LABELS[slot]} in several incidents" for slot in CASUALTY_SLOTS}
)
#: language -> words that say a sentence tells of several incidents.
_EN_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEVERAL_INCIDENTS: dict[str, re.Pattern[str]] = {
    language: re.compile(pattern, re.IGNORECASE)
    for language, pattern in {
        "en": r"\b(?:separate|unrelated|different|several|multiple|two|three|four|five|\d+)\s+"
        r"(?:\w+\s+){0,2}(?:shootings|incidents|attacks)\b"
        r"|\b(?:shootings|violence)\s+(?:across|around|throughout)\b"
        r"|\bcitywide\b|\bacross the city\b|\bweekend\s+(?:shootings|violence)\b"
        # "in shootings Tuesday", not "during the shootings" (one rampage's shots)
        r"|\b(?:in|during)\s+(?!(?:the|these|those|both)\b)(?:\w+\s+)?(?:shootings|attacks)\b"
        r"|\bthis year\b|\bsince (?:January|the start of the year)\b"
        # "In the past six weeks alone, four children have died", "over the past
        # couple of years"
        r"|\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:\w+\s+){0,2}(?:days|weeks|months|years)\b"
        # a running total: "brought to at least 74 the number of people shot since
        # Wednesday", "a weekend that saw 20 people shot over a span of 80 hours"
        r"|\bbr(?:ought|ings?|inging)\s+(?:the\s+(?:number|total|toll)\s+to"
        r"|to\s+(?:at\s+least\s+)?\w+\s+the\s+(?:number|total|toll))\b"
        r"|\b(?:number|total)\s+of\s+(?:people|victims|persons)\s+(?:\w+\s+)?since\b"
        r"|\bover\s+a\s+span\s+of\b"
        # a span of days: "11 people shot, one fatally, from Tuesday afternoon to early
        # Wednesday"
        rf"|\bfrom\s+(?:\w+\s+)?{_EN_WEEKDAY}\b(?:\s+\w+)?\s+(?:to|until|through|into)\s+"
        rf"(?:\w+\s+)?{_EN_WEEKDAY}\b"
        r"|\b(?:every|each|per) year\b|\bannually\b",
        # and, as in English, a running total of a year, a season or a span of weeks
        "nl": r"\b(?:verschillende|meerdere|aparte|afzonderlijke|twee|drie|\d+)\s+"
        r"(?:schietpartijen|incidenten|aanslagen|aanvallen)\b"
        r"|\bdit jaar\b|\bsinds (?:het )?begin van (?:dit |het |deze )?(?:jaar|winter|seizoen)\b"
        r"|\b(?:elk|ieder) jaar\b|\bjaarlijks\b|\bper jaar\b"
        r"|\b(?:in )?de (?:afgelopen|voorbije|laatste) (?:\w+ )?(?:dagen|weken|maanden|jaren)\b",
        "de": r"\b(?:mehreren|verschiedenen|getrennten|zwei|drei|\d+)\s+"
        r"(?:Schießereien|Schiessereien|Vorfällen|Angriffen|Anschlägen)\b"
        r"|\b(?:in diesem|dieses) Jahr\b|\bseit (?:Jahresbeginn|Jahresanfang|Beginn "
        r"(?:des|der|dieses|dieser) (?:Jahres|Winters|Saison))\b"
        r"|\bjedes Jahr\b|\bjährlich\b|\bpro Jahr\b"
        r"|\bin den (?:vergangenen|letzten) (?:\w+ )?(?:Tagen|Wochen|Monaten|Jahren)\b",
        "es": r"\b(?:varios|distintos|diferentes|dos|tres|\d+)\s+(?:tiroteos|incidentes|ataques)\b"
        r"|\beste año\b|\bdesde (?:principios|comienzos|el (?:inicio|comienzo|principio)) "
        r"(?:de|del) (?:año|invierno|la temporada)\b|\bcada año\b|\bal año\b|\banualmente\b"
        r"|\ben (?:los|las) (?:últimos|últimas) (?:\w+ )?(?:días|semanas|meses|años)\b",
        "fr": r"\b(?:plusieurs|différentes|deux|trois|\d+)\s+(?:fusillades|incidents|attaques)\b"
        r"|\bcette année\b|\bdepuis le début de (?:l['’]année|l['’]hiver|la saison)\b"
        r"|\bchaque année\b|\bpar an\b"
        r"|\bau cours des (?:\w+ )?(?:derniers|dernières) (?:jours|semaines|mois|années)\b",
        "ru": r"\b(?:нескольких|разных|двух|трёх|трех|\d+)\s+"
        r"(?:перестрелках|инцидентах|нападениях)\b"
        r"|\bв этом году\b|\bс начала (?:года|зимы|сезона)\b|\bежегодно\b|\bкаждый год\b"
        r"|\bза (?:последние|прошедшие) (?:\w+ )?"
        r"(?:дня|дней|недели|недель|месяца|месяцев|года|лет)\b",
    }.items()
}


#: language -> words that make a count the people besides those told before ("three
#: *other* people were shot", "four *more* victims", "y *otros* cuatro").
OTHER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("other", "others", "additional", "more"),
    "nl": ("andere", "anderen"),
    "de": ("andere", "anderen", "weitere", "weiteren"),
    "es": ("otros", "otras", "otro", "otra"),
    "fr": ("autres", "autre"),
    "ru": ("других", "другие", "ещё", "еще"),
}


def besides_others(text: str, start: int, end: int, language: str) -> bool:
    """Whether the count at ``text[start:end]`` is of people besides those the text
    told of before: an "other" word right after its number or right before it."""
    words = set(OTHER_WORDS.get(language.split("-")[0], OTHER_WORDS["en"]))
    after = [m.group().lower() for m in _WORD.finditer(text, end, end + 20)][:1]
    before = [m.group().lower() for m in _WORD.finditer(text, max(0, start - 20), start)][-1:]
    return bool(words.intersection(after + before))


#: language -> a sentence opening that turns to another incident than the story's
#: ("In a separate shooting, two men were wounded"; "In that case, a 15-year-old was
#: killed", after the text recalls an earlier one).
_ANOTHER_INCIDENT: dict[str, re.Pattern[str]] = {
    language: re.compile(pattern, re.IGNORECASE)
    for language, pattern in {
        "en": r"^\W*(?:in|during)\s+(?:that|a\s+separate|an\s+unrelated|another|an\s+earlier"
        r"|a\s+previous|the\s+earlier|the\s+previous|a\s+similar)\s+(?:\w+\s+)?"
        r"(?:case|incident|shooting|attack|crash)\b"
        # "Another fatal shooting happened about two hours earlier in Englewood"
        r"|^\W*(?:another|a\s+separate|an\s+unrelated)\s+(?:(?:non-?)?fatal\s+|deadly\s+)?"
        r"(?:shooting|incident|attack)\s+(?:happened|occurred|took\s+place|was\s+reported)\b",
        "nl": r"^\W*(?:bij|tijdens)\s+(?:een\s+ander|een\s+eerder|dat)\s+(?:\w+\s+)?"
        r"(?:incident|ongeluk|schietpartij|voorval)\b",
        "de": r"^\W*(?:bei|in)\s+(?:einem\s+anderen|einem\s+früheren)\s+(?:\w+\s+)?"
        r"(?:Fall|Vorfall|Unfall|Angriff)\b",
    }.items()
}


#: A line that opens with a video's running time ("0:55 Resident describes fatal
#: shooting"): a page's list of other videos, each the headline of another story. A
#: clock time ("8:10 p.m. UPDATE: ...") is not one.
_VIDEO_TEASER = re.compile(r"^\s*\d{1,2}:\d\d\s+(?![ap]\.?\s?m\b)\w", re.IGNORECASE)


#: A page's link to another story, in the six languages: "► Related: Grandparents
#: charged in fatal shooting of Detroit girl, 5", "Read more: ...", "Lees ook: ...",
#: "Lesen Sie auch: ...", "À lire aussi : ...", "Lea también: ...", "Читайте также: ...".
_LINK_TO_ANOTHER_STORY = re.compile(
    r"^\W*(?:related(?:\s+(?:stories|story|coverage|content|articles?|links?|news))?"
    r"|read\s+(?:more|also)|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?"
    r"|lees\s+(?:ook|meer)|zie\s+ook|lesen\s+sie\s+(?:auch|mehr)|auch\s+interessant"
    r"|mehr\s+zum\s+thema|(?:à\s+)?lire\s+(?:aussi|également)|voir\s+aussi|lea\s+también"
    r"|leer\s+más|vea\s+también|читайте\s+также|смотрите\s+также|по\s+теме)\s*[:|–—]",
    re.IGNORECASE,
)


#: A photo gallery's caption scraped with the page ("Caption Double homicide being
#: investigated in Baltimore County"): the gallery shows other stories.
_GALLERY_CAPTION = re.compile(r"^\W*Caption\s+[A-Z0-9]")


#: A heading line that opens a page's list of other stories ("More stories you may
#: like on 7News", "You may also like", "Meer nieuws", "Das könnte Sie auch
#: interessieren", "Vous aimerez aussi", "También te puede interesar", "Другие
#: новости"): every line after it is another story's teaser.
_TEASER_HEADING = re.compile(
    r"^[^\S\n]*\W*(?:more\s+stories(?:\s+you\s+(?:may|might)\s+like)?"
    r"|you\s+(?:may|might)\s+also\s+like|recommended\s+for\s+you|trending\s+now|most\s+popular"
    r"|meer\s+nieuws|das\s+könnte\s+sie\s+auch\s+interessieren|weitere\s+artikel"
    r"|vous\s+aimerez\s+aussi|también\s+te\s+puede\s+interesar|más\s+noticias"
    r"|другие\s+новости)\b[^\n]{0,40}$",
    re.IGNORECASE | re.MULTILINE,
)


def teasers_start(text: str) -> int:
    """Where a heading of other stories' teasers opens the rest of ``text`` (its
    length when there is none): everything from there is other stories."""
    heading = _TEASER_HEADING.search(text)
    return len(text) if heading is None else heading.start()


def tells_of_another_incident(sentence: str, language: str) -> bool:
    """Whether the sentence opens by turning to another incident than the story's (or
    is another story's teaser, link or gallery caption): its casualty counts are that
    incident's toll, not the story's."""
    if any(p.match(sentence) for p in (_VIDEO_TEASER, _LINK_TO_ANOTHER_STORY, _GALLERY_CAPTION)):
        return True
    pattern = _ANOTHER_INCIDENT.get(language.split("-")[0])
    return pattern is not None and bool(pattern.match(sentence))


def several_incidents_slot(slot: str | None, sentence: str, language: str) -> str | None:
    """``slot``, or its several-incidents twin when it is a casualty slot and the
    sentence tells of several incidents (see :data:`SEVERAL`)."""
    pattern = _SEVERAL_INCIDENTS.get(language.split("-")[0])
    if slot in CASUALTY_SLOTS and pattern is not None and pattern.search(sentence):
        return f"{slot}{SEVERAL}"
    return slot


#: How many words after (and before) a number are searched for a cue word. Only the
#: word right before counts ("killing three"): further back, a cue usually belongs
#: to the number before ("one dead and four injured").
WORDS_AFTER = 6
WORDS_BEFORE = 1

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def _patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    compiled: dict[str, dict[str, re.Pattern[str]]] = {}
    for slot, by_language in SLOT_STEMS.items():
        for language, stems in by_language.items():
            alternatives = "|".join(
                re.escape(stem) for stem in sorted(stems, key=len, reverse=True)
            )
            compiled.setdefault(language, {})[slot] = re.compile(rf"^(?:{alternatives})")
    return compiled


_PATTERNS = _patterns()


#: language -> (before the number, after it): a toll told as lives a disaster claimed
#: ("claimed five lives", "claimed the lives of five people", "se ha cobrado ya cinco
#: vidas", "a coûté la vie à cinq personnes", "forderte fünf Menschenleben", "kostte
#: vijf mensen het leven", "унесла жизни пяти человек"); not lives saved.
#: Hedges that may stand between such a verb and the number.
_LIVES_HEDGES = {
    "en": r"at\s+least|more\s+than|nearly|almost|some|about",
    "es": r"al\s+menos|más\s+de|ya",
    "fr": r"au\s+moins|plus\s+de",
    "de": r"mindestens|mehr\s+als|bereits",
    "nl": r"minstens|ten\s+minste|al|zeker",
    "ru": r"не\s+менее|более|по\s+меньшей\s+мере",
}
_LIVES_CLAIMED: dict[str, list[tuple[re.Pattern[str], re.Pattern[str]]]] = {
    language: [
        (
            re.compile(rf"(?:{before})\s+(?:{_LIVES_HEDGES.get(language, 'x^')}\s+)?$", re.I),
            re.compile(rf"\s+(?:{after})", re.IGNORECASE),
        )
        for before, after in pairs
    ]
    for language, pairs in {
        "en": [
            (r"\b(?:claim(?:ed|ing|s)?|t(?:ook|aken|aking|akes)|cost(?:ing|s)?)", r"lives\b"),
            (
                r"\b(?:claim(?:ed|ing|s)?|t(?:ook|aken|aking)|cost(?:ing)?)\s+the\s+lives\s+of",
                r"\w",
            ),
        ],
        "es": [
            (r"\b(?:cobrad[oa]|cobró|cobra|costado|segado|segó)(?:\s+ya)?", r"vidas\b"),
            (r"\b(?:costado|costó|cuesta|segado|segó)\s+la\s+vida\s+(?:a|de)", r"\w"),
        ],
        "fr": [(r"\bco[uû]t[ée]\s+la\s+vie\s+(?:à|de)|\bfauché\s+la\s+vie\s+de", r"\w")],
        "de": [
            (
                r"\b(?:forderte|fordert|gefordert|kostete|gekostet|kostet)",
                r"(?:Menschen)?leben\b|\w+\s+(?:das\s+)?Leben\b",
            )
        ],
        "nl": [
            (r"\b(?:kostte|kostten|kost|eiste|eisten)", r"(?:mensen)?levens\b|\w+\s+het\s+leven\b")
        ],
        "ru": [(r"(?<!\w)(?:унес(?:ла|ли|ло)?|унёс)\s+жизни", r"\w")],
    }.items()
}


def lives_claimed(sentence: str, start: int, end: int, language: str) -> bool:
    """Whether the count at ``sentence[start:end]`` is of lives a disaster claimed
    (see :data:`_LIVES_CLAIMED`)."""
    pairs = _LIVES_CLAIMED.get(language.split("-")[0], [])
    return any(
        before.search(sentence[:start]) and after.match(sentence, end) for before, after in pairs
    )


def count_slot(sentence: str, start: int, end: int, language: str) -> str | None:
    """The slot the count at ``sentence[start:end]`` fills, or None.

    The cue word nearest to the number wins, counting words after it ("three people
    were killed") and right before it ("killing three, wounding 12"); at equal
    distance the word after wins, and a "killed" cue beats "shot" in "shot and killed".
    """
    if _part_of_a_count(sentence, start, end, language) or _ONE_OF_BEFORE.search(sentence[:start]):
        return None
    if (
        language == "en"
        and _SINGULAR_AFTER_MANY.match(sentence, end)
        and not _is_one(sentence[start:end])
    ):
        return None  # "Jamie clayton, 22 was shot in both legs": an age
    if lives_claimed(sentence, start, end, language):
        return "killed"
    aside = (
        _PART_ASIDE.match(sentence, end)
        or _DISTANCE_ASIDE.match(sentence, end)
        or _AGE_ASIDE.match(sentence, end)
        or _PLACE_ASIDE.match(sentence, end)
        or _ORIGIN_ASIDE.match(sentence, end)
    )
    if aside is not None:  # read on past the part it counts, or where they were
        sentence = sentence[: aside.start("aside")] + sentence[aside.end("aside") :]
    patterns = _PATTERNS.get(language, _PATTERNS["en"])
    following = _words_before_next_count(sentence, end, patterns)
    words_after = _WORD.finditer(sentence, end)
    rest = [m.group().lower() for m in islice(words_after, len(following) + 8)]
    after = _until_denied(following[:WORDS_AFTER])
    hedges = HEDGES.get(language, HEDGES["en"])
    found = list(_WORD.finditer(sentence[:start]))
    before = _without_hedges([m.group().lower() for m in found], hedges)
    if before and "," in sentence[found[len(before) - 1].end() : start]:
        before = []  # "two were killed, three were injured": the cue is the count's before
    if before[-2:] == ["fatally", "shot"]:
        return "killed"  # "fatally shot seven people": the outcome, not the means
    # "a single shot 223": a single-shot rifle and its calibre, no one shot; "accused of
    # trying to kill 2 officers": no one was
    single_shot = before[-2:] == ["single", "shot"]
    before = [] if single_shot or _intended(before[:-1]) else before[-WORDS_BEFORE:]
    best: tuple[int, int, str] | None = None
    for side, words in enumerate((after, list(reversed(before)))):
        for distance, word in enumerate(words, start=1):
            if word in _GUNFIRE_WORDS or (
                word == "wound" and words[distance : distance + 1] == ["up"]
            ):
                continue  # "wound up dead": came to be, no wound
            phrase = " ".join(words[distance - 1 : distance + 2]) if side == 0 else word
            matched = [slot for slot, p in patterns.items() if p.match(phrase)]
            # the words after the number, past those searched for a cue: "..., where
            # they later died" may lie beyond
            taken = _taken_to_hospital(rest[distance - 1 :]) if side == 0 else None
            if not matched and taken:
                matched = [taken]
            if (
                matched
                and side == 0
                and (
                    _done_to_someone(following[distance:], language)
                    or _SHOOTERS_VERBS.intersection(words[: distance - 1])
                )
            ):
                break  # "two other people walked up and shot him": the shooters
            if matched:
                slot = _preferred(matched, words[distance : distance + 2], patterns)
                if best is None or (distance, side) < best[:2]:
                    best = (distance, side, slot)
                break
    return best[2] if best else None


#: A singular verb right after a number: "22 was shot" counts no 22 people.
_SINGULAR_AFTER_MANY = re.compile(r"\s+(?:was|is|has)\b")


def _is_one(number: str) -> bool:
    return number.strip().lower() in ("1", "one", "a", "an")


#: Words before "to" and a cue that make it an intent, not a deed: "trying to kill 2
#: officers", "threatened to shoot three people".
_INTENT_WORDS = frozenset({
    "try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "attempting",
    "threaten", "threatens", "threatened", "threatening", "plot", "plotted", "plotting",
    "plan", "planned", "planning", "intend", "intended", "intending", "want", "wanted",
})  # fmt: skip


def _intended(words_before_cue: Sequence[str]) -> bool:
    """Whether the cue after these words is only intended ("trying to kill")."""
    return (
        len(words_before_cue) >= 2
        and words_before_cue[-1] == "to"
        and (words_before_cue[-2] in _INTENT_WORDS)
    )


#: A count that is a part of the count before it ("about 20 people injured, four of
#: them seriously", "una veintena de heridos, cuatro de ellas de gravedad", "dont
#: quatre grièvement", "vier davon schwer", "van wie vier ernstig", "из них четверо"):
#: it tells how the people counted fared, not how many fared so. The words of all
#: languages are one set.
_PART_AFTER = re.compile(
    r"\s+(?:of\s+them|of\s+whom|de\s+ell[oa]s|d['’]entre\s+(?:eux|elles)|davon|von\s+ihnen"
    r"|van\s+hen|из\s+них)\b",
    re.IGNORECASE,
)
#: Words that open a part of the people counted before: "Six people, *including* two
#: children, ...", "darunter", "waaronder", "в том числе".
_INCLUDING = (
    r"(?:including|among\s+them|waaronder|darunter|entre\s+ell[oa]s|parmi\s+(?:eux|elles)"
    r"|в\s+том\s+числе)"
)
_PART_BEFORE = re.compile(
    r"(?:,"
    r"|\b(?:dont|van\s+wie|waarvan|из\s+них|de\s+los\s+cuales|de\s+las\s+cuales"
    rf"|{_INCLUDING}))\s+"
    r"(?:(?:zeker|minstens|at\s+least|au\s+moins|al\s+menos|mindestens|не\s+менее)\s+)?$",
    re.IGNORECASE,
)
#: Where the people counted were, by a distance: "some 300 residents *within 1.2 miles
#: of the site* were evacuated". The cue after it is the count's.
_DISTANCE_ASIDE = re.compile(
    r"(?:\s+[^\W\d]+){0,2}(?P<aside>\s+(?:living\s+)?(?:within|inside)\s+(?:a\s+radius\s+of\s+)?"
    r"(?:about\s+|roughly\s+)?[\d.,½]+\s+[^\W\d]+\s+(?:of|from|around)\s+(?:the\s+|a\s+)?[^\W\d]+)",
    re.IGNORECASE,
)
#: Where the people counted come from, by a count of places: "Some 1,500 residents *of
#: five villages* were evacuated", "1 600 habitants *de cinq villages* ont été
#: évacués", "1500 Anwohner *aus fünf Dörfern*", "1.500 vecinos *de cinco pueblos*".
#: The cue after it is the count's, not the places'.
_FEW = (
    r"\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twee|drie|vier|vijf|zes|zeven"
    r"|acht|negen|tien|zwei|drei|fünf|sechs|sieben|neun|zehn|deux|trois|quatre|cinq|sept"
    r"|huit|neuf|dix|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez"
)
#: The words that may open the group a count comes from or is picked out of: "its 22
#: crew members", "de 22 bemanningsleden", "der 22", "los 22".
_GROUP_DETERMINER = (
    r"(?:(?:the|its|their|his|her|de|het|zijn|haar|hun|der|den|ses|leurs?|los|las|sus)\s+)?"
)
_ORIGIN_ASIDE = re.compile(
    r"(?:\s+[^\W\d]+){0,2}?(?P<aside>\s+(?:(?:of|from|de|des|aus|van|uit|из)\s+"
    # "one of its 22 crew members", "een van de 22 bemanningsleden", "eines der 22"
    rf"{_GROUP_DETERMINER}|(?:der|des)\s+)(?:{_FEW})\s+[^\W\d]+)",
    re.IGNORECASE,
)
#: Where the people counted live, by a named place: "About 300 residents *of the village
#: of Fornazzo* were evacuated", "Rund 300 Bewohner *des Dorfes Fornazzo* wurden ...",
#: "300 habitants *du village de Fornazzo* ont été évacués".
_PLACE_ASIDE = re.compile(
    r"(?:\s+[^\W\d]+){0,2}?(?P<aside>\s+(?i:of\s+the|from\s+the|des|der|aus\s+dem|du|de\s+la"
    r"|del|van\s+het|uit\s+het|из)\s+(?i:village|town|city|hamlet|district|dorp|stad|gemeente"
    r"|wijk|dorfes|ortes|stadt|gemeinde|stadtteils|ville|commune|quartier|localidad|pueblo"
    r"|municipio|barrio|деревни|села|города|посёлка|поселка)(?:\s+(?i:of|de|d['’]))?\s+"
    r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*){0,2})"
)
#: "one of" right before a count: the count is the group one is picked from ("One of
#: its 22 crew members was injured": one injured, not 22).
_ONE_OF_BEFORE = re.compile(
    r"\b(?:one|een|eine[rsm]?|один|одна|одно|l['’]une?|uno|una)\s+"
    rf"(?:(?:of|van|de|des|из)\s+)?{_GROUP_DETERMINER}$",
    re.IGNORECASE,
)
#: An aside that tells the ages of the people counted: "Dos niños*, de 3 y 5 años,*
#: han fallecido", "Deux enfants, âgés de 3 et 5 ans,", "Zwei Kinder, im Alter von 3
#: und 5 Jahren,", "Двое детей в возрасте 3 и 5 лет". The cue after it is the count's.
#: In English only right before a death ("Two children, aged 3 and 5, have died"):
#: reading past "three men, ages 19, 21 and 22, who were shot in the hand" put two GVA
#: dev incidents' counts in the shot slot that the cue before them ("Also injured ...
#: were") had rightly filled.
_AGES = r"\d{1,3}(?:(?:\s*,\s*|\s+(?:and|y|et|und|en|и)\s+)\d{1,3})*"
_AGE_ASIDE = re.compile(
    r"(?:\s+[^\W\d]+){0,2}(?P<aside>"
    rf",\s+(?:aged|ages)\s+{_AGES},(?=\s+(?:have\s+|had\s+|both\s+)?(?:died|been\s+killed))"
    rf"|,\s+(?:de|âgée?s?\s+de|im\s+Alter\s+von|van)\s+{_AGES}\s+"
    r"(?:años|ans|Jahren|jaar(?:\s+oud)?),"
    rf"|,?\s+в\s+возрасте\s+{_AGES}\s+(?:лет|года|год),?"
    # the range of their ages: "Five men, aged between 31 and 52, were arrested", "Fünf
    # Männer im Alter von 31 bis 52 Jahren wurden festgenommen"
    r"|,?\s+(?:aged\s+(?:between\s+)?|de\s+entre\s+|âgée?s\s+de\s+|im\s+Alter\s+(?:von|zwischen)\s+"
    r"|tussen\s+(?:de\s+)?)\d{1,3}\s+(?:and|to|y|a|et|à|und|bis|en|tot)\s+\d{1,3}"
    r"(?:\s+(?:años|ans|Jahren|jaar(?:\s+oud)?))?,?)",
    re.IGNORECASE,
)
#: An aside that counts a part of the count before it: "Six people*, including two
#: children,* were found shot to death". The cue after it is the count's.
_PART_ASIDE = re.compile(
    rf"(?:\s+[^\W\d]+){{0,2}}(?P<aside>,\s+{_INCLUDING}\s[^,.;]{{1,50}},)", re.IGNORECASE
)


#: A count of some of the casualties already counted: "Two of the injured are in
#: serious condition", "deux des blessés", "dos de los heridos", "twee van de gewonden",
#: "zwei der Verletzten", "двое из раненых".
_PART_OF_CASUALTIES = re.compile(
    r"\s+(?:of\s+the|des|de\s+l[oa]s|van\s+de|der|из)\s+(\w+)", re.IGNORECASE
)


#: "were taken to local hospitals", "transported to a nearby hospital", "rushed to
#: Grady Memorial Hospital": the verb is the cue, the hospital may come past the
#: words searched for one; "..., where they later died" makes them killed.
_TAKEN_TO_HOSPITAL = re.compile(
    r"^(?:taken|transported|rushed|brought|flown|airlifted|driven)\s+to\s+(?:\S+\s+){0,3}?"
    r"hospitals?\b(?P<died>\s+(?:where|and)\s+(?:(?:they|he|she|both|all|later|were|was"
    r"|then)\s+)*(?:died|pronounced\s+dead)\b)?"
)


def _taken_to_hospital(words: Sequence[str]) -> str | None:
    """ "injured" when the words tell of people taken to hospital ("killed" when they
    died there), else None."""
    taken = _TAKEN_TO_HOSPITAL.match(" ".join(words[:12]))
    return None if taken is None else "killed" if taken["died"] else "injured"


def _part_of_a_count(sentence: str, start: int, end: int, language: str = "en") -> bool:
    """Whether the count is a part of one just before it: after a comma with a
    partitive after it ("four of them"; not a sentence's "Four of them were hurt"),
    after a word that says so ("dont quatre"), or some of the casualties ("two of the
    injured")."""
    group = _PART_OF_CASUALTIES.match(sentence, end)
    if group is not None:
        patterns = _PATTERNS.get(language, _PATTERNS["en"])
        if any(p.match(group.group(1).lower()) for p in patterns.values()):
            return True
    before = _PART_BEFORE.search(sentence[max(0, start - 40) : start])
    if before is None:
        return False
    if before.group().startswith(","):
        return _PART_AFTER.match(sentence, end) is not None
    return True


#: language -> object pronouns: a casualty verb followed by one has the count before it
#: as its doer ("two men walked up and shot him").
_OBJECT_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"him", "her", "them", "himself", "herself", "themselves"}),
}


#: Verbs of firing between a count and its cue: the count is of those who fired
#: ("at least two men fired shots, killing Selmon", "three gunmen opened fire,
#: wounding two").
_SHOOTERS_VERBS = frozenset({"fired", "fires", "firing", "opened", "opens", "sprayed"})


def _done_to_someone(next_word: list[str], language: str) -> bool:
    """Whether the word after a cue is an object pronoun: the cue is a verb whose doer
    is the count."""
    pronouns = _OBJECT_PRONOUNS.get(language.split("-")[0], frozenset())
    return bool(next_word) and next_word[0] in pronouns


def _words_before_next_count(
    sentence: str, end: int, patterns: dict[str, re.Pattern[str]]
) -> list[str]:
    """The words after a number (one more than are searched for a cue: what the last
    cue is done to), up to a cue word that another number follows directly: in "beat
    one person and *shot* two others", "shot" is two's cue, as "killing three" is
    three's, and one fills no slot. A comma between them keeps the cue for the first
    number: "Four were shot, two fatally". A cue right after another number is that
    number's ("shooting four men - one fatally"; not past a comma: "one man, 22,
    dead")."""
    words: list[str] = []
    last_end = end
    for match in _WORD.finditer(sentence, end):
        word = match.group().lower()
        cue = any(p.match(word) for p in patterns.values())
        right_after = not sentence[last_end : match.start()].strip()
        if cue and words and _A_NUMBER.match(words[-1]) and right_after:
            words.pop()  # "shooting four men - one fatally": "fatally" is one's
            break
        if _another_count(sentence, last_end, match, patterns):
            break  # "233 горняков, 11 человек погибли": the deaths are the eleven's
        last_end = match.end()
        following = _NEXT_NUMBER.match(sentence, match.end())
        if following is not None and _A_NUMBER.match(following["number"].lower()) and cue:
            break
        words.append(word)
        if len(words) > WORDS_AFTER:  # one more: what the last cue is done to
            break
    return words


def _another_count(
    sentence: str, last_end: int, match: re.Match[str], patterns: dict[str, re.Pattern[str]]
) -> bool:
    """Whether ``match`` is a number in digits that opens a count of its own after a
    comma, its noun next ("..., 11 человек погибли"), so what follows is that count's;
    not an aside of ages ("two men, 19 and 22, were shot") or a lone age ("one man,
    22, dead")."""
    if not match.group().isdigit() or "," not in sentence[last_end : match.start()]:
        return False
    noun = (
        _WORD.match(sentence, match.end() + 1)
        if sentence[match.end() : match.end() + 1] == " "
        else None
    )
    if noun is None or noun.group().isdigit() or noun.group().lower() in _JOINING_WORDS:
        return False
    return not any(p.match(noun.group().lower()) for p in patterns.values())


#: Words that join ages in an aside ("19 and 22", "19 y 22").
_JOINING_WORDS = frozenset(
    {"and", "or", "en", "of", "und", "oder", "y", "o", "et", "ou", "и", "или"}
)


#: The word after a word, past English hedges, with only spaces between: "shot *two*",
#: "injuring at least *four*", not "shot, two".
_NEXT_NUMBER = re.compile(
    r"(?:\s+(?:at least|more than|up to|about|nearly|almost|some|another|other))*\s+(?P<number>\w+)"
)


#: Words that deny what follows them: "two others were *not* hurt", "three *escaped*
#: injury", "zwei blieben *unverletzt*". A cue after one of them fills no slot. The
#: words of all languages are one set: none of them is a cue or number elsewhere.
_DENIALS = frozenset({
    "not", "never", "no", "without", "escaped", "uninjured", "unharmed", "unhurt",
    "niet", "geen", "nooit", "zonder", "ongedeerd",
    "nicht", "kein", "keine", "ohne", "unverletzt", "unversehrt",
    "sin", "ilesos", "ilesas", "ileso", "ilesa", "pas", "sans", "indemnes", "indemne",
    "не", "без", "невредимы", "невредим",
})  # fmt: skip
#: What may follow a denial and turn it into a degree ("not seriously hurt": hurt).
_DEGREES = re.compile(r"^(?:serious|critical|severe|life|grave|fatal|ernstig|schwer)")


#: Words that turn a count to suspects, whatever crime the words after them name:
#: "questioning two teens *in connection* to the fatal shooting", "two men were
#: *charged* with murder", "twee mannen zijn *aangehouden* voor de dood van ...";
#: and words that make the crime one that did not happen ("two counts of *attempted*
#: murder").
_SUSPECT_WORDS = frozenset(
    {
        "connection", "suspicion", "charged", "accused", "arrested", "questioned",
        "questioning", "detained", "indicted", "convicted", "sentenced", "suspects",
        "aangehouden", "gearresteerd", "opgepakt", "verdachten", "festgenommen",
        "angeklagt", "verdächtige", "tatverdächtige", "attempted", "poging",
    }
)  # fmt: skip


#: Those of :data:`_SUSPECT_WORDS` that are nouns a count of people may have.
_SUSPECT_NOUNS = frozenset({"suspects", "verdachten", "verdächtige", "tatverdächtige"})


#: Words that make a count the people who learnt or saw of the casualties, not the
#: casualties: "students at the school of roughly 275 were *told* of Jaden's death",
#: "dozens *witnessed* the shooting".
_WITNESS_WORDS = frozenset({"told", "informed", "notified", "heard", "saw", "witnessed", "watched"})


def _until_denied(words: list[str]) -> list[str]:
    """The words after a number up to a denial ("were *not* hurt"), unless the denial
    only lowers a degree ("not seriously hurt"), or up to a word that makes them
    suspects (that word kept: it may be the arrest a count fills) or witnesses (see
    :data:`_SUSPECT_WORDS`, :data:`_WITNESS_WORDS`)."""
    for position, word in enumerate(words):
        if word in _SUSPECT_NOUNS and position <= 2:
            # the count's own noun, read on to an arrest: "vier verdachten aangehouden",
            # "two murder suspects were arrested" (the crime names no one killed)
            rest = enumerate(words[position + 1 :], position + 1)
            arrest = next((i for i, w in rest if w in _SUSPECT_WORDS), 0)
            kept = [""] * position + words[position:]  # blanks keep the distances
            return kept[: arrest + 1] if arrest else []
        if word in _SUSPECT_WORDS:
            return words[: position + 1]  # "five men were arrested": the arrest is a cue
        if word in _WITNESS_WORDS:
            return words[:position]
        denied = word in _DENIALS or word.endswith(("n't", "n’t"))
        following = words[position + 1 : position + 2]
        if denied and not (following and _DEGREES.match(following[0])):
            return words[:position]
    return words


#: Words a "shot" stem begins that name the gunfire or the gun, not people shot:
#: "two men fired shots, killing one" are the shooters.
_GUNFIRE_WORDS = frozenset({"shots", "shotgun", "shotguns"})


def names_a_cue(text: str, language: str) -> bool:
    """Whether any word of ``text`` is a casualty cue ("dead", "killed", "injured")."""
    patterns = _PATTERNS.get(language, _PATTERNS["en"]).values()
    return any(p.match(m.group().lower()) for m in _WORD.finditer(text) for p in patterns)


#: language -> possessives before a count of people: "a mother and *her* two
#: children", "killed *his* two sons", "*zijn* twee", "*seine* zwei", "*sus* dos",
#: "*ses* deux", "*своих* двух".
POSSESSIVES: dict[str, tuple[str, ...]] = {
    "en": ("his", "her", "their"),
    "nl": ("zijn", "haar", "hun"),
    "de": ("seine", "ihre", "seinen", "ihren"),
    "es": ("sus",),
    "fr": ("ses", "leurs"),
    "ru": ("своих", "его", "её", "ее", "их"),
}
#: language -> how a count of the hurt goes on when it tells their condition ("Seven
#: are in critical condition", "Sieben Verletzte schweben in Lebensgefahr", "Sept
#: blessés sont dans un état critique", "Семь пострадавших находятся в критическом
#: состоянии"), or that they are still in hospital ("Six blessés étaient toujours
#: hospitalisés", "Sechs von ihnen werden noch im Krankenhaus behandelt"): after a
#: larger count of them, it counts some of them.
_IN_A_CONDITION: dict[str, re.Pattern[str]] = {
    language: re.compile(rf"(?:\s+[^\W\d]+){{0,3}}?\s+(?:{pattern})", re.IGNORECASE)
    for language, pattern in {
        "en": r"(?:are|is|were|was|remain|remained)\s+(?:listed\s+|still\s+)?in\s+"
        r"(?:critical|serious|grave|stable|life-threatening)"
        r"|(?:are|is|were|was)\s+still\s+(?:in\s+hospital|hospitali[sz]ed|being\s+treated)"
        r"|remain(?:ed|s)?\s+(?:in\s+hospital|hospitali[sz]ed)",
        "nl": r"(?:zijn|verkeren|is|verkeert)\s+in\s+(?:kritieke|levensgevaarlijke|ernstige)"
        r"|(?:zijn|is)\s+(?:zwaar|ernstig)\s+gewond"
        r"|(?:liggen|ligt|lagen|lag|zijn|is|waren|was)\s+nog\s+(?:altijd\s+|steeds\s+)?in\s+het"
        r"\s+ziekenhuis|(?:worden|wordt|werden|werd)\s+nog\s+(?:in\s+het\s+ziekenhuis\s+)?behandeld",
        "de": r"(?:schweben|schwebt|sind|ist)\s+in\s+(?:Lebensgefahr|kritischem)"
        r"|(?:sind|ist|wurden|wurde)\s+schwer\s+verletzt"
        r"|(?:werden|wird|liegen|liegt|lagen|lag|sind|ist|waren|war)\s+(?:noch|weiterhin)\s+"
        r"(?:im\s+Krankenhaus|in\s+(?:der\s+)?Klinik|in\s+Kliniken|stationär)",
        "fr": r"(?:sont|est|se\s+trouvent|se\s+trouve)\s+(?:dans\s+un\s+état|en)\s+"
        r"(?:critique|grave|urgence\s+absolue)"
        r"|(?:sont|est|étaient|était|restent|reste|demeurent)\s+(?:toujours\s+|encore\s+)?"
        r"hospitalisé(?:e)?s?",
        "es": r"(?:están|está|se\s+encuentran|se\s+encuentra)\s+(?:en\s+estado\s+)?"
        r"(?:crítico|grave|muy\s+grave)"
        r"|(?:siguen|sigue|permanecen|permanece|continúan|continúa)\s+(?:ingresad|hospitalizad)\w*"
        r"|(?:están|está|estaban|seguían)\s+todavía\s+(?:ingresad|hospitalizad)\w*",
        "ru": r"наход(?:ятся|ится)\s+в\s+(?:критическом|тяж[её]лом|крайне\s+тяж[её]лом)"
        r"|(?:оста[ёе]тся|остаются|находятся|находится)\s+(?:ещ[её]\s+)?в\s+больниц\w*",
    }.items()
}


def tells_a_condition(text: str, end: int, language: str) -> bool:
    """Whether the words after a count ending at ``end`` tell the condition of those it
    counts (see :data:`_IN_A_CONDITION`)."""
    pattern = _IN_A_CONDITION.get(language.split("-")[0])
    return pattern is not None and pattern.match(text, end) is not None


#: language -> words that may stand between a cue and its number: hedges ("injuring
#: at least four", "verwondde minstens vier", "tötete mindestens vier"), "others"
#: ("hirió a otras cinco") and the possessives above ("killed his two sons").
HEDGES: dict[str, frozenset[str]] = {
    language: frozenset(words) | frozenset(POSSESSIVES[language])
    for language, words in {
        "en": ("at", "least", "more", "than", "about", "nearly", "almost", "some", "over",
               "up", "to", "around", "roughly", "approximately", "as", "many"),
        "nl": ("minstens", "ten", "minste", "ruim", "meer", "dan", "ongeveer", "bijna",
               "zo'n", "circa", "rond", "de", "tot", "wel", "zeker", "maar", "liefst", "nog"),
        "de": ("mindestens", "wenigstens", "etwa", "rund", "fast", "knapp", "über",
               "mehr", "als", "bis", "zu", "ungefähr", "circa", "ca", "nahezu", "weitere"),
        "es": ("al", "menos", "más", "de", "a", "unos", "unas", "casi", "cerca",
               "alrededor", "aproximadamente", "hasta", "por", "lo", "otras", "otros"),
        "fr": ("au", "moins", "plus", "de", "d", "environ", "près", "presque",
               "quelque", "jusqu", "à", "pas", "loin"),
        "ru": ("не", "менее", "по", "меньшей", "мере", "более", "около", "почти",
               "свыше", "до", "примерно", "порядка"),
    }.items()
}  # fmt: skip


def _without_hedges(words: list[str], hedges: frozenset[str]) -> list[str]:
    """``words`` without the hedge words that end it. A bare "at" right before the
    number is the preposition, not "at least": "shot at twelve people" fired at them."""
    if words[-1:] == ["at"]:
        return words
    end = len(words)
    while end and words[end - 1] in hedges:
        end -= 1
    return words[:end]


def _preferred(
    matched: list[str], following: Sequence[str], patterns: dict[str, re.Pattern[str]]
) -> str:
    """ "shot and killed", "shot to death": the outcome (killed) is the slot, not the
    means; "shot, one fatally" keeps the means (only some of them died)."""
    if matched != ["shot"]:
        return matched[0]
    outcome = list(takewhile(lambda word: not _A_NUMBER.match(word), following))
    return "killed" if any(patterns["killed"].match(word) for word in outcome) else "shot"


#: A number after "shot" counts some of those shot: "shot, *one* fatally", "*2* died".
_A_NUMBER = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|een|twee|drie|vier|eins|eine|einer|zwei|drei"
    r"|uno|una|dos|tres|cuatro|un|une|deux|trois|quatre|один|одна|два|две|три|четыре)$"
)


def written_noun(text: str, noun: str) -> str | None:
    """The first word of ``text`` whose :func:`noun_key` is ``noun``, as written
    ("Fahrgästen" for the key "fahrgasten"), or None."""
    return next((m.group() for m in _WORD.finditer(text) if noun_key(m.group()) == noun), None)


def noun_key(noun: str | None) -> str:
    """A comparable form of a quantity's head noun: its last word, folded to ASCII;
    the word for "times" in any of our languages is "times" ("six times", "vijf keer",
    "fünfmal", "cinq fois", "cinco veces", "пять раз")."""
    if not noun:
        return ""
    words = _WORD.findall(anyascii(noun).lower())
    key = words[-1] if words else ""
    return "times" if key in _TIMES_WORDS else key


#: The words that count how often something happened, after a number.
_TIMES_WORDS = frozenset({"times", "keer", "maal", "mal", "fois", "veces", "raz", "raza"})


_PERSON_KEYS = {
    language: frozenset(noun_key(noun) for noun in nouns)
    for language, nouns in PERSON_NOUNS.items()
}

#: Languages that write compound nouns as one word: a noun that ends in a people
#: noun counts people ("Landarbeiter", "Bauarbeiter", "Hafenarbeiders").
COMPOUNDING_LANGUAGES = frozenset({"de", "nl"})
#: The shortest people noun a compound is taken to end in ("-arbeiter", not "-mann").
MIN_COMPOUND_END = 5
_COMPOUND_ENDS = {
    language: tuple(sorted(key for key in _PERSON_KEYS[language] if len(key) >= MIN_COMPOUND_END))
    for language in COMPOUNDING_LANGUAGES
}


def counts_people(noun: str | None, language: str) -> bool:
    """Whether a count with this head noun can be a number of people: no noun ("two
    were hurt"), a people noun (or, in German and Dutch, a compound ending in one), or
    a language without a noun list."""
    keys = _PERSON_KEYS.get(language)
    if not noun or keys is None:
        return True
    key = noun_key(noun)
    return key in keys or key.endswith(_COMPOUND_ENDS.get(language, ()))

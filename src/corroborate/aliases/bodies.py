"""International bodies (and a few international organisations news names as often) by
their names and acronyms in the project's languages.

Why a table: folding and transliteration link "Kovaltsjoek" to "Ковальчук", but no
spelling rule makes "Europese Unie" of "European Union", "NAVO" of "NATO" or "ООН"
of "United Nations": each language names the body in its own words. These few
bodies are named in news of every country, so a story told in several languages
names them in several ways; the table makes each one entity (shown by its English
name, as a place is shown by the gazetteer's) and one clustering key. A body is an
organisation whatever type the model gave it: "Amnesty International" tagged a
person in one sentence and an organisation in the next is one organisation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

#: English name -> names (matched without case, accents or dots) and acronyms
#: (matched as written, in capitals) in en, nl, de, es, fr and ru. Russian names are
#: listed in the case forms news uses most. Acronyms another common body shares are
#: left out ("CPI", the ICC in Spanish and French, is a price index in English news;
#: "IWF", the IMF in German, a British charity).
BODIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "European Union": (
        ("European Union", "Europese Unie", "Europäische Union", "Europäischen Union",
         "Unión Europea", "Union européenne", "Европейский союз", "Европейского союза",
         "Европейском союзе", "Евросоюз", "Евросоюза", "Евросоюзе", "Евросоюзом"),
        ("EU", "UE", "ЕС"),
    ),
    "NATO": (
        ("North Atlantic Treaty Organization", "Noord-Atlantische Verdragsorganisatie"),
        ("NATO", "NAVO", "OTAN", "НАТО"),
    ),
    "United Nations": (
        ("United Nations", "Verenigde Naties", "Vereinte Nationen", "Vereinten Nationen",
         "Naciones Unidas",
         "Nations unies", "Organisation des Nations unies", "Organización de las Naciones Unidas",
         "Организация Объединённых Наций", "Организации Объединённых Наций"),
        ("UN", "VN", "UNO", "ONU", "ООН"),
    ),
    "European Court of Human Rights": (
        ("European Court of Human Rights", "Europees Hof voor de Rechten van de Mens",
         "Europäischer Gerichtshof für Menschenrechte", "Tribunal Europeo de Derechos Humanos",
         "Cour européenne des droits de l'homme", "Европейский суд по правам человека",
         "Europäischen Gerichtshof für Menschenrechte", "Европейского суда по правам человека"),
        ("ECHR", "ECtHR", "EHRM", "EGMR", "TEDH", "CEDH", "ЕСПЧ"),
    ),
    "European Commission": (
        ("European Commission", "Europese Commissie", "Europäische Kommission",
         "Europäischen Kommission",
         "EU-Kommission", "Comisión Europea", "Commission européenne", "Еврокомиссия",
         "Еврокомиссии", "Европейская комиссия", "Европейской комиссии"),
        (),
    ),
    "European Parliament": (
        ("European Parliament", "Europees Parlement", "Europäisches Parlament",
         "Europäischen Parlament", "Europäischen Parlaments",
         "Parlamento Europeo", "Parlement européen", "Европарламент", "Европарламента",
         "Европейский парламент", "Европейского парламента"),
        (),
    ),
    "International Criminal Court": (
        ("International Criminal Court", "Internationaal Strafhof",
         "Internationaler Strafgerichtshof", "Internationalen Strafgerichtshof",
         "Corte Penal Internacional", "Cour pénale internationale", "Международный уголовный суд",
         "Международного уголовного суда"),
        ("ICC", "IStGH", "МУС"),
    ),
    "World Health Organization": (
        ("World Health Organization", "Wereldgezondheidsorganisatie",
         "Weltgesundheitsorganisation", "Organización Mundial de la Salud",
         "Organisation mondiale de la santé", "Всемирная организация здравоохранения",
         "Всемирной организации здравоохранения"),
        ("WHO", "OMS", "ВОЗ"),
    ),
    "OSCE": (
        ("Organization for Security and Co-operation in Europe",
         "Organisatie voor Veiligheid en Samenwerking in Europa",
         "Organisation für Sicherheit und Zusammenarbeit in Europa"),
        ("OSCE", "OVSE", "OSZE", "ОБСЕ"),
    ),
    "Amnesty International": (("Amnesty International", "Амнистия Интернэшнл"), ()),
    "Human Rights Watch": (("Human Rights Watch",), ("HRW",)),
    "Médecins Sans Frontières": (
        ("Médecins Sans Frontières", "Doctors Without Borders", "Artsen zonder Grenzen",
         "Ärzte ohne Grenzen", "Médicos Sin Fronteras", "Врачи без границ"),
        ("MSF",),
    ),
    "UNHCR": (("UN Refugee Agency", "VN-vluchtelingenorganisatie"), ("UNHCR", "УВКБ ООН")),
    "UNICEF": (("Unicef",), ("UNICEF", "ЮНИСЕФ")),
    "Interpol": (("Interpol", "Интерпол"), ()),
    "Europol": (("Europol", "Европол"), ()),
    "Frontex": (("Frontex", "Фронтекс"), ()),
    "International Atomic Energy Agency": (
        ("International Atomic Energy Agency", "Internationaal Atoomenergieagentschap",
         "Internationale Atomenergiebehörde", "Organismo Internacional de Energía Atómica",
         "Agence internationale de l'énergie atomique",
         "Международное агентство по атомной энергии"),
        ("IAEA", "IAEO", "OIEA", "AIEA", "МАГАТЭ"),
    ),
    "International Monetary Fund": (
        ("International Monetary Fund", "Internationaal Monetair Fonds",
         "Internationaler Währungsfonds", "Fondo Monetario Internacional",
         "Fonds monétaire international", "Международный валютный фонд"),
        ("IMF", "FMI", "МВФ"),
    ),
    "World Bank": (
        ("World Bank", "Wereldbank", "Weltbank", "Banco Mundial", "Banque mondiale",
         "Всемирный банк", "Всемирного банка"),
        (),
    ),
    "Council of Europe": (
        ("Council of Europe", "Raad van Europa", "Europarat", "Consejo de Europa",
         "Conseil de l'Europe", "Совет Европы"),
        (),
    ),
    "European Central Bank": (
        ("European Central Bank", "Europese Centrale Bank", "Europäische Zentralbank",
         "Europäischen Zentralbank", "Banco Central Europeo", "Banque centrale européenne",
         "Европейский центральный банк"),
        ("ECB", "EZB", "BCE", "ЕЦБ"),
    ),
}  # fmt: skip

_NOT_LETTERS = re.compile(r"[\W_]+")
#: An article before a body's name: "the EU", "de Europese Unie", "l'Union européenne".
_LEADING_ARTICLE = re.compile(
    r"^(?:(?:the|de|het|die|der|den|des|la|le|les|el|los)\s+|l['’]\s*)", re.IGNORECASE
)


def folded_letters(name: str) -> str:
    """Lower-case ASCII letters and digits only: "Union européenne" -> "unioneuropeenne"."""
    return _NOT_LETTERS.sub("", anyascii(name).lower())


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for english, (spelt_out, short) in BODIES.items():
        for name in (english, *spelt_out):
            names[folded_letters(name)] = english
        for acronym in short:
            acronyms[acronym.replace(" ", "")] = english  # "УВКБ ООН" as "УВКБООН"
    return names, acronyms


@lru_cache(maxsize=65536)
def body_of(text: str) -> str | None:
    """The English name of the international body ``text`` names, or None: "Europese
    Unie", "EU" and "Евросоюза" are the European Union. A leading article ("the",
    "de", "die", "la", ...) and dots in an acronym ("U.N.") do not matter; an acronym
    counts only in capitals ("WHO", not "Who")."""
    names, acronyms = _index()
    surface = _LEADING_ARTICLE.sub("", text.strip())
    acronym = surface.replace(".", "").replace(" ", "")
    if acronym in acronyms:
        return acronyms[acronym]
    return names.get(folded_letters(surface))

"""Unit words of six languages, currencies, and pint normalisation to one base unit per kind.

Why a table of surface forms rather than pint's own parser: pint reads ``km`` and
``mile`` but not ``mijl``, ``Meilen``, ``millas`` or ``километров``, and it happily
reads English words that are not units in running text ("in", "hand", "point").
So the words a news article uses are listed here per unit and pint only does what
it is good at: knowing that a mile is 1.609344 km. Conversions are cached per unit
because building pint quantities costs tens of microseconds and the stage runs on
every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: pint unit name -> words (matched case-insensitively, longest first) in en, nl, de, es, fr, ru.
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "kilometer": (
        "kilometers", "kilometer", "kilometres", "kilometre", "kilometern", "kilómetros",
        "kilómetro", "kilomètres", "kilomètre", "километров", "километра", "километр",
        # Russian after a preposition: "в 225 километрах от Лиона", "в километре"
        "километрах", "километрами", "километре",
    ),
    "meter": (
        "meters", "meter", "metres", "metre", "metern", "metros", "metro", "mètres", "mètre",
        "метров", "метра", "метр", "метрах", "метрами", "метре",
    ),
    "centimeter": (
        "centimeters", "centimeter", "centimetres", "centimetre", "centímetros", "centimètres",
        "сантиметров", "сантиметра", "сантиметрах",
    ),
    "millimeter": (
        "millimeters", "millimeter", "millimetres", "millimetre", "milímetros", "millimètres",
        # rain as German, Dutch and Spanish reports give it: a litre on a square metre
        # is a millimetre ("60 Liter Regen pro Quadratmeter", "60 litros por metro cuadrado")
        "liter pro quadratmeter", "liter regen pro quadratmeter", "litern pro quadratmeter",
        "liter per vierkante meter", "liter regen per vierkante meter", "litros por metro cuadrado",
        "litros de lluvia por metro cuadrado", "litres of rain per square metre",
        "liters of rain per square meter", "litres per square metre", "liters per square meter",
        "litres par mètre carré", "litres de pluie par mètre carré",
        "литров осадков на квадратный метр", "литров на квадратный метр", "l/m²", "l/m2",
        "миллиметров", "миллиметра", "миллиметрах",
    ),
    "mile": (
        "miles", "mile", "mijl", "mijlen", "meilen", "meile", "millas", "milla", "milles", "миль",
        "мили", "миля", "милях", "милями", "миле",
    ),
    "nautical_mile": (
        "nautical miles", "nautical mile", "zeemijl", "seemeilen", "seemeile", "millas náuticas",
        "milles nautiques", "морских миль", "морские мили", "морских милях",
        "морскими милями", "морской мили", "морская миля",
    ),
    "foot": (
        "feet", "foot", "voet", "fuß", "pies", "pieds", "pied", "футов", "фута", "фут", "футах",
    ),
    "inch": (
        "inches", "inch", "duim", "zoll", "pulgadas", "pulgada", "pouces", "pouce", "дюймов",
        "дюйма", "дюйм",
    ),
    "yard": ("yards", "yard"),
    "kilogram": (
        "kilograms", "kilogram", "kilogrammes", "kilogramme", "kilogramm", "kilogramos",
        "kilogramo", "kilos", "kilo", "килограммов", "килограмма", "килограмм",
    ),
    "gram": (
        "grams", "gram", "grammes", "gramme", "gramm", "gramos", "gramo", "граммов", "грамма",
        "грамм",
    ),
    "metric_ton": (
        "metric tonnes", "metric tonne", "metric tons", "metric ton", "tonnes", "tonne", "tons",
        "ton", "tonnen", "toneladas métricas", "toneladas", "tonelada", "tonnes métriques",
        "тонн", "тонны", "тонна", "тоннах", "тоннами",
    ),
    "pound": ("pounds", "lbs", "lb"),
    "ounce": ("ounces", "ounce", "onzas", "onces"),
    "second": (
        "seconds", "second", "seconden", "sekunden", "segundos", "secondes", "секунд", "секунды",
    ),
    "minute": (
        "minutes", "minute", "minuten", "minuut", "minutos", "minuto", "минут", "минуты", "минуту",
        "минутах",
    ),
    "hour": (
        "hours", "hour", "uur", "uren", "stunden", "stunde", "horas", "hora", "heures", "heure",
        "часов", "часа", "час", "часах", "часам", "часами",
    ),
    "day": (
        "days", "day", "dagen", "dag", "tagen", "tage", "tag", "días", "día", "jours", "jour",
        "дней", "дня", "день", "суток", "сутки", "дням", "днями",
    ),
    "week": (
        "weeks", "week", "weken", "wochen", "woche", "semanas", "semana", "semaines", "semaine",
        "недель", "недели", "неделю", "неделям", "неделями",
    ),
    "month": (
        "months", "month", "maanden", "maand", "monaten", "monate", "monat", "meses", "mes", "mois",
        "месяцев", "месяца", "месяц", "месяцам", "месяцами",
    ),
    "year": (
        "years", "year", "jaren", "jaar", "jahren", "jahre", "jahr", "años", "año", "années",
        "année", "ans", "лет", "года", "год", "годам", "годами",
    ),
    "mile / hour": ("miles per hour", "miles an hour", "mph"),
    "mile / gallon": ("miles per gallon", "mpg"),
    "barrel / day": (
        "barrels per day", "barrels a day", "barrel a day", "barrel per day", "bpd",
        "vaten per dag", "barrel pro tag", "barriles diarios", "barriles por día",
        "barils par jour", "баррелей в сутки",
    ),
    "micrometer": ("micrometers", "micrometres", "microns", "micron", "µm", "μm"),
    "nanometer": ("nanometers", "nanometres"),
    "milligram": ("milligrams", "milligram", "milligrammes", "miligramos", "миллиграммов"),
    "milliliter": ("milliliters", "millilitres", "mililitros", "миллилитров"),
    "revolutions_per_minute": ("rpm",),
    "pound_force_per_square_inch": ("psi",),
    # bare "degrees" is an angle or either scale in English; in the other languages
    # news means Celsius ("Temperaturen von 44 Grad", "44 grados", "44 градуса")
    "degree": ("degrees",),
    "kilometer / hour": (
        "kilometers per hour", "kilometres per hour", "kilometers an hour", "kilometres an hour",
        "kilometer per uur", "stundenkilometer", "stundenkilometern", "kilómetros por hora",
        "kilomètres par heure", "kilomètres-heure", "километров в час", "kph", "kmh", "kmph",
        "kilometern pro stunde", "kilometer pro stunde",
    ),
    "knot": ("knots", "knopen", "knoten", "nudos", "nœuds", "узлов", "узла"),
    # a climb, a descent or a wind told as a length per second or minute
    "meter / second": (
        "meters per second", "metres per second", "meters a second", "metres a second",
        "meter per seconde", "metern pro sekunde", "meter pro sekunde", "metros por segundo",
        "mètres par seconde", "метров в секунду", "метра в секунду",
    ),
    "foot / minute": ("feet per minute", "feet a minute", "ft a minute", "ft per minute", "fpm"),
    "kilometer ** 2": (
        "square kilometers", "square kilometres", "vierkante kilometer", "quadratkilometer",
        "quadratkilometern", "kilómetros cuadrados", "kilomètres carrés", "квадратных километров",
        "sq km",
    ),
    "meter ** 2": (
        "square meters", "square metres", "vierkante meter", "quadratmeter", "quadratmetern",
        "metros cuadrados", "mètres carrés", "квадратных метров",
    ),
    "square_mile": ("square miles", "square mile", "sq mi"),
    "square_foot": ("square feet", "square foot", "sq ft"),
    "cubic_foot": ("cubic feet", "cubic foot", "cu ft"),
    "meter ** 3": (
        "cubic meters", "cubic metres", "cubic meter", "cubic metre", "kubieke meter",
        "kubikmeter", "kubikmetern", "metros cúbicos", "mètres cubes", "кубометров",
        "кубических метров",
    ),
    "hectare": (
        "hectares", "hectare", "hectaren", "hektar", "hectáreas", "гектаров", "гектара", "гектарах",
        "гектарами", "га",
    ),
    "acre": ("acres", "acre"),
    "liter": (
        "liters", "liter", "litres", "litre", "litern", "litros", "litro", "литров", "литра",
        "литр", "литрах",
    ),
    "gallon": ("gallons", "gallon", "galones", "gallonen"),
    "barrel": (
        "barrels", "barrel", "vaten", "fass", "barriles", "barils", "баррелей", "барреля",
        "баррель",
    ),
    "degree_Celsius": (
        "degrees celsius", "degrees centigrade", "graden celsius", "grad celsius",
        "grados centígrados", "grados celsius", "degrés celsius", "градусов цельсия",
        "градуса цельсия", "graden", "grad", "grados", "degrés", "градусов", "градуса",
        "градусах",
    ),
    "degree_Fahrenheit": (
        "degrees fahrenheit", "graden fahrenheit", "grad fahrenheit", "grados fahrenheit",
        "degrés fahrenheit",
    ),
    "watt": ("watts", "watt", "vatios", "ватт"),
    "kilowatt": ("kilowatts", "kilowatt", "kilovatios", "киловатт"),
    "megawatt": ("megawatts", "megawatt", "megavatios", "mégawatts", "mégawatt", "мегаватт"),
    "gigawatt": ("gigawatts", "gigawatt", "gigavatios", "gigawatts", "гигаватт"),
    "volt": ("volts", "volt", "voltios", "вольт"),
    "kilovolt": ("kilovolts", "kilovolt", "kilovoltios", "киловольт"),
    "kilowatt_hour": ("kilowatt hours", "kilowatt-hours", "kilowattuur", "kilowattstunden"),
    "horsepower": (
        "horsepower", "paardenkracht", "pferdestärken", "caballos de fuerza", "chevaux",
        "лошадиных сил",
    ),
    # French writes bytes as octets ("1,2 téraoctet"); Russian as байт
    "megabyte": ("megabytes", "megabyte", "mégaoctets", "mégaoctet", "мегабайт", "мегабайта"),
    "gigabyte": ("gigabytes", "gigabyte", "gigaoctets", "gigaoctet", "гигабайт", "гигабайта"),
    "terabyte": ("terabytes", "terabyte", "téraoctets", "téraoctet", "терабайт", "терабайта"),
    "percent": (
        "percent", "per cent", "procent", "prozent", "por ciento", "pour cent", "pourcents",
        "процентов", "процента", "процент",
    ),
    # a change in a rate: "raised by 200 basis points", "um zwei Prozentpunkte"
    "percentage_point": (
        "percentage points", "percentage point", "procentpunten", "procentpunt",
        "prozentpunkten", "prozentpunkte", "prozentpunkt", "puntos porcentuales",
        "punto porcentual", "points de pourcentage", "point de pourcentage",
        "процентных пункта", "процентных пунктов", "процентный пункт", "процентного пункта",
    ),
    "basis_point": (
        "basis points", "basis point", "basispunten", "basispunt", "basispunkten",
        "basispunkte", "basispunkt", "puntos básicos", "punto básico", "points de base",
        "point de base", "базисных пунктов", "базисных пункта", "базисный пункт",
    ),
}  # fmt: skip

#: pint unit name -> symbols, matched case-sensitively ("MW" is not "mW").
UNIT_SYMBOLS: dict[str, tuple[str, ...]] = {
    "kilometer": ("km", "км"),
    "meter": ("m", "м"),
    "centimeter": ("cm", "см"),
    "millimeter": ("mm", "мм"),
    "mile": ("mi",),
    "foot": ("ft",),
    "kilogram": ("kg", "кг"),
    "gram": ("g", "гр"),
    "metric_ton": ("t", "т"),
    "minute": ("min", "мин"),
    "hour": ("h", "hrs", "ч"),
    "mile / hour": ("MPH",),
    "kilometer / hour": ("km/h", "km/hr", "km/u", "km/std", "км/ч"),
    "kilometer ** 2": ("km²", "km2", "км²", "кв. км", "кв км"),
    "meter ** 2": ("m²", "m2", "м²", "кв. м"),
    "liter": ("l", "L", "л"),
    "degree_Celsius": ("°C", "ºC", "° C", "°С", "C"),
    "degree_Fahrenheit": ("°F", "ºF", "° F", "F"),
    "nanometer": ("nm",),
    "milligram": ("mg",),
    "milliliter": ("ml", "mL"),
    "kilohertz": ("kHz",),
    "megabit / second": ("Mbps", "Mbit/s"),
    "gigabit / second": ("Gbps", "Gbit/s"),
    "meter / second": ("m/s", "м/с"),
    "watt": ("W", "Вт"),
    "kilowatt": ("kW", "кВт"),
    "megawatt": ("MW", "МВт"),
    "gigawatt": ("GW", "ГВт"),
    "kilovolt": ("kV", "кВ"),
    "kilowatt_hour": ("kWh", "кВт·ч"),
    "megawatt_hour": ("MWh",),
    "gigawatt_hour": ("GWh",),
    "horsepower": ("hp", "bhp", "PS", "pk", "CV", "ch", "л.с."),
    "megabyte": ("MB",),
    "gigabyte": ("GB", "Gb"),
    "terabyte": ("TB",),
    "hertz": ("Hz",),
    "megahertz": ("MHz",),
    "gigahertz": ("GHz",),
    "percent": ("%", "٪"),
}  # fmt: skip

#: Currency signs written before (or after) the amount -> ISO 4217 code.
CURRENCY_SIGNS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "$US": "USD", "$A": "AUD", "$NZ": "NZD", "$C": "CAD", "A$": "AUD",
    "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₩": "KRW", "₪": "ILS",
    "Fr.": "CHF", "₴": "UAH", "руб.": "RUB", "долл.": "USD", "RM": "MYR", "Rs": "INR"
}  # fmt: skip

#: ISO codes written as words before or after the amount.
CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "RUB", "CHF", "AUD", "CAD", "INR", "NZD", "HKD",
    "SEK", "NOK", "DKK", "PLN", "UAH", "TRY", "BRL", "MXN", "ZAR", "KRW", "SGD", "ILS", "MYR",
)  # fmt: skip

#: Currency words after the amount (case-insensitive) -> ISO code.
CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "us dollars",
            "us dollar",
            "u.s. dollars",
            "amerikaanse dollar",
            "amerikanische dollar",
            "dólares estadounidenses",
            "dollars américains",
            "долларов сша",
            "dollars",
            "dollar",
            "dólares",
            "dólar",
            "долларов",
            "доллара",
            "доллар",
            "dollari",
        ),
        "USD",
    ),
    **dict.fromkeys(("australian dollars", "australische dollar"), "AUD"),
    **dict.fromkeys(("canadian dollars",), "CAD"),
    **dict.fromkeys(("euros", "euro", "евро"), "EUR"),
    **dict.fromkeys(
        (
            "pounds sterling",
            "pond sterling",
            "britse pond",
            "britische pfund",
            "pfund sterling",
            "libras esterlinas",
            "livres sterling",
            "фунтов стерлингов",
            "фунта стерлингов",
        ),
        "GBP",
    ),
    **dict.fromkeys(("yen", "jen", "yenes", "иен", "иены"), "JPY"),
    **dict.fromkeys(("yuan", "renminbi", "юаней", "юаня"), "CNY"),
    **dict.fromkeys(
        ("roubles", "rubles", "roebel", "rubel", "rublos", "roubles", "рублей", "рубля", "рубль"),
        "RUB",
    ),
    **dict.fromkeys(
        (
            "swiss francs",
            "zwitserse frank",
            "franken",
            "francos suizos",
            "francs suisses",
            "швейцарских франков",
        ),
        "CHF",
    ),
    **dict.fromkeys(("rupees", "roepie", "rupien", "rupias", "roupies", "рупий"), "INR"),
    **dict.fromkeys(("hryvnias", "hryvnia", "hrivna", "griwna", "гривен", "гривны"), "UAH"),
    **dict.fromkeys(("shekels", "sjekel", "schekel", "séqueles", "shekels", "шекелей"), "ILS"),
    **dict.fromkeys(("ringgit",), "MYR"),
}

#: Kind and base unit for each dimensionality pint reports; the base unit is what
#: quantities of that kind are compared in.
_KINDS: tuple[tuple[str, str], ...] = (
    ("length", "kilometer"),
    ("mass", "kilogram"),
    ("duration", "second"),
    ("speed", "kilometer / hour"),
    ("area", "kilometer ** 2"),
    ("volume", "liter"),
    ("temperature", "degree_Celsius"),
    ("power", "kilowatt"),
    ("voltage", "volt"),
    ("energy", "kilowatt_hour"),
    ("frequency", "hertz"),
    ("angle", "degree"),
    ("fuel economy", "kilometer / liter"),
    ("flow", "liter / second"),
    ("pressure", "kilopascal"),
)
_DATA_UNITS = frozenset({"megabyte", "gigabyte", "terabyte"})
#: Units of a change in a rate, in percentage points.
_RATE_CHANGES = {"percentage_point": 1.0, "basis_point": 0.01}

_registry: Any = None


def registry() -> Any:
    """The one pint registry of this process, created on first use (it takes ~1 s)."""
    global _registry
    if _registry is None:
        import pint

        _registry = pint.UnitRegistry()
    return _registry


@dataclass(frozen=True)
class Conversion:
    """How to bring a value in one unit to its kind's base unit: ``value * scale + offset``."""

    kind: str
    unit: str
    base: str
    scale: float
    offset: float

    def apply(self, value: float) -> float:
        return value * self.scale + self.offset


@lru_cache(maxsize=256)
def conversion(unit: str) -> Conversion:
    """The kind, pint's canonical name and base-unit conversion of a unit name.

    Cached: pint is only consulted the first time a unit is seen in this process.
    """
    if unit in ("percent", "magnitude"):  # no pint unit: compared as they are
        return Conversion(unit, unit, unit, 1.0, 0.0)
    if unit in _RATE_CHANGES:  # a basis point is a hundredth of a percentage point
        return Conversion("rate change", unit, "percentage_point", _RATE_CHANGES[unit], 0.0)
    if unit in _DATA_UNITS:
        factor = registry().Quantity(1.0, unit).to("byte").magnitude
        return Conversion("data", unit, "byte", float(factor), 0.0)
    if "bit / second" in unit:  # pint's bit is dimensionless: it would pass as a frequency
        factor = registry().Quantity(1.0, unit).to("megabit / second").magnitude
        return Conversion("data rate", unit, "megabit / second", float(factor), 0.0)
    ureg = registry()
    canonical = str(ureg.Unit(unit))
    for kind, base in _KINDS:
        if ureg.Unit(unit).is_compatible_with(base):
            zero = float(ureg.Quantity(0.0, unit).to(base).magnitude)
            one = float(ureg.Quantity(1.0, unit).to(base).magnitude)
            scale, offset = _tidy(one - zero), _tidy(zero)
            return Conversion(kind, canonical, str(ureg.Unit(base)), scale, offset)
    return Conversion("other", canonical, canonical, 1.0, 0.0)


def _tidy(number: float) -> float:
    """Twelve significant digits: pint's float arithmetic leaves noise past that."""
    return float(f"{number:.12g}")


def _alternation(forms: list[str], flags: str) -> str:
    ordered = sorted(set(forms), key=len, reverse=True)
    body = "|".join(re.escape(form).replace(r"\ ", r"[\s‐‑-]+") for form in ordered)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _lookup(table: dict[str, tuple[str, ...]], lower: bool) -> dict[str, str]:
    return {(f.lower() if lower else f): unit for unit, forms in table.items() for f in forms}


#: surface form (lower-cased for words) -> pint unit name.
WORD_TO_UNIT = _lookup(UNIT_WORDS, lower=True)
SYMBOL_TO_UNIT = _lookup(UNIT_SYMBOLS, lower=False)
UNIT_PATTERN = (
    _alternation([f for forms in UNIT_WORDS.values() for f in forms], "i")
    + "|"
    + _alternation([f for forms in UNIT_SYMBOLS.values() for f in forms], "")
)
CURRENCY_WORD_PATTERN = _alternation(list(CURRENCY_WORDS), "i")
CURRENCY_CODE_PATTERN = _alternation(list(CURRENCY_CODES), "")
CURRENCY_SIGN_PATTERN = _alternation(list(CURRENCY_SIGNS), "")


_JOINS = re.compile(r"[\s‐‑-]+")


def unit_of(surface: str) -> str | None:
    """The pint unit a matched unit word or symbol stands for."""
    squashed = " ".join(surface.split())
    return SYMBOL_TO_UNIT.get(squashed) or WORD_TO_UNIT.get(_JOINS.sub(" ", squashed).lower())


def currency_of(surface: str) -> str | None:
    """The ISO code of a matched currency sign, code or word."""
    squashed = " ".join(surface.split())
    if squashed in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[squashed]
    if squashed in CURRENCY_CODES:
        return "CNY" if squashed == "RMB" else squashed
    # "US-Dollar": the words' pattern joins them by a space or a hyphen
    return CURRENCY_WORDS.get(squashed.lower()) or CURRENCY_WORDS.get(
        _JOINS.sub(" ", squashed).lower()
    )

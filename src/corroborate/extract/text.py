"""The plain-text scrape cleaner: the article inside a page saved as visible text.

A ``.txt`` scrape of a news page still carries everything the browser showed:
skip links, menus, "Listen · 5 min", share and newsletter prompts, cookie and
copyright lines, a repeated headline, photo captions, the byline, tags and a
long footer. This module turns that into an :class:`~corroborate.model.Extraction`
with the article body, title, outlet and publication date.

How: every non-empty line is classified by small, named rules (each rule's
name is what :func:`explain_lines` reports, so a wrong drop can be traced to
the rule that made it):

1. *Boilerplate lexicon* (:data:`FULL_LINE_RULES`, :data:`SHORT_LINE_RULES`,
   :data:`ANY_LINE_RULES`): UI text in English, Dutch, German, Russian, Spanish
   and French. Phrases that could also occur in a story only count on short
   lines, so a paragraph that mentions cookies or privacy is never dropped.
2. *Prose*: a line with enough words, sentence-final punctuation and the
   function words of the page's language (jusText's stoplists) is a paragraph.
3. *Structure*: the body runs from the first paragraph to the last paragraph
   before the footer (a copyright line or an author card). Short lines before
   the body are header (title, kicker, brand, byline) and are dropped; short
   lines inside the body are section headings and are kept; everything after
   it is footer.
4. *Repeats*: a later copy of a kept line is dropped; a line that repeats near
   the top (headline shown twice, or again as ``Title - Brand``) is the title.

Paragraphs are original lines, stripped and otherwise untouched, so a claim's
character offsets in ``text`` always point at words the outlet really wrote.
The one exception is a line that starts with a date header and continues with
the lead (``date 2025-11-10 The minister said …``): the header is cut off and
the rest of the line kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Final

import justext

from corroborate.extract.dates import (
    HEADER_LINES,
    DateFinding,
    find_published_in_text,
    parse_human_date,
    wire_dateline_date,
)
from corroborate.model import FALLBACK_HINTS, Extraction, Problem

# --------------------------------------------------------------------------- #
# Tunables (chosen from how news pages are built, not fitted to any sample)
# --------------------------------------------------------------------------- #

MIN_PROSE_WORDS: Final = 5
"""A paragraph has at least this many words; shorter lines are headings or UI."""

LONG_PROSE_WORDS: Final = 25
"""A line this long is prose even without final punctuation (scrapers drop it)."""

MIN_STOPWORD_DENSITY: Final = 0.1
"""Share of function words a sentence needs; lists of names or tags have none."""

LONG_PROSE_STOPWORD_DENSITY: Final = 0.2
"""Stricter share for long lines without final punctuation (captions, tag dumps)."""

MAX_SHORT_LINE_WORDS: Final = 20
"""UI phrases ("sign up", "cookies") only count on lines at most this long."""
MAX_BANNER_WORDS: Final = 80
"""A cookie consent banner, in the site's own voice, runs to a paragraph."""

MAX_TITLE_WORDS: Final = 30
MAX_BRAND_WORDS: Final = 5
"""Outlet names are short; a longer 'suffix' after a dash is part of a headline."""

LANGUAGE_STOPLISTS: Final[tuple[str, ...]] = (
    "English", "Dutch", "German", "Russian", "Spanish", "French",
)  # fmt: skip
"""jusText stoplists we use to recognise prose in the languages we read."""

MIN_LANGUAGE_SHARE: Final = 0.1
"""Below this share of stopwords no single language is trusted: use all lists."""

# --------------------------------------------------------------------------- #
# Boilerplate lexicon
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Rule:
    """A named boilerplate pattern.

    ``pattern`` is matched against the normalised line (lower case, bullets and
    trailing punctuation off, whitespace collapsed); ``max_words`` limits the
    rule to short lines, where the phrase can only be page furniture.
    """

    name: str
    pattern: re.Pattern[str]
    max_words: int | None = None


def _rules(name: str, patterns: Iterable[str], max_words: int | None = None) -> list[Rule]:
    return [Rule(name, re.compile(p, re.IGNORECASE), max_words) for p in patterns]


FULL_LINE_RULES: Final[tuple[Rule, ...]] = tuple(
    _rules("navigation", [
        r"skip (?:to )?(?:the )?(?:main )?(?:content|footer|navigation|search|menu)",
        r"skip navigation|accessibility links|jump to (?:main )?content",
        r"(?:scroll )?(?:back )?(?:to )?top|top of page|menu|main menu|search|home|close|"
        r"sections|more|next|previous|print|open menu",
        r"(?:ga )?naar (?:de )?(?:hoofd)?inhoud|(?:terug )?naar boven|zoeken|sluiten",
        r"zum (?:haupt)?inhalt(?: springen)?|(?:zurück )?nach oben|suche|navigation|schließen",
        r"перейти к (?:основному )?содержанию|наверх|поиск|меню|закрыть",
        r"(?:ir|saltar) al contenido(?: principal)?|volver arriba|buscar|menú|cerrar",
        r"aller au contenu(?: principal)?|retour en haut(?: de (?:la )?page)?|rechercher|fermer",
        r"homepage|startseite|главная|inicio|accueil|voorpagina|"
        r"about us|contact(?: us)?|imprint|impressum|kontakt|über uns|over ons|colofon|"
        r"о нас|контакты|sobre nosotros|contacto|aviso legal|mentions légales|qui sommes-nous",
    ])
    + _rules("breaking_label", [
        r"breaking(?: news)?|live|live updates|exclusive|eilmeldung|liveblog|net binnen|"
        r"срочно|última hora|dernière minute|en direct",
    ])
    + _rules("audio_or_reading_time", [
        r"listen(?: to (?:this )?(?:article|story))?|anhören|vorlesen|"
        r"luister(?: naar dit artikel)?|слушать|escuchar|écouter",
        r"\d+\s*(?:min|mins|minutes?|minuten|мин|минут[аы]?)\.?"
        r"(?:\s*(?:read|lezen|leestijd|lesezeit|чтения|de lectura|de lecture))?",
        r"(?:reading time|leestijd|lesezeit|время чтения|tiempo de lectura|temps de lecture)"
        r"\s*:?\s*\d+.*",
        r"(?:\d+:)?\d{1,2}:\d{2}",
    ])
    + _rules("ui_token", [
        r"(?:xs|sm|md|lg|xl|xxl)(?:\s+(?:xs|sm|md|lg|xl|xxl))*",
        r"(?:(?:image|photo|foto|bild|фото|imagen|video)\s+)?\d+\s*[x×:]\s*\d+"
        r"(?:\s+(?:image|photo|foto|bild|фото|imagen|video))?",
        r"advertisement|advertising|ad|anzeige|werbung|advertentie|реклама|publicidad|publicité",
        r"share(?: this)?(?: (?:article|story|page))?(?: on \w+)?|delen|teilen|поделиться|"
        r"compartir|partager|copy link|link kopieren|kopieer link",
        r"(?:comments?|reacties?|kommentare?|комментарии|comentarios|commentaires)"
        r"(?: \(\d+\))?",
        r"[•·|*▪►>»–—-]+",
    ])
    + _rules("number_only", [r"[#№]?[\d\s.,:/+%-]+"])
    + _rules("email_or_url", [
        r"\S+@\S+\.\w+",
        r"(?:https?://|www\.)\S+",
        r"(?:[\w-]+\.)+(?:com|org|net|nl|de|ru|es|fr|eu|uk|info|io|news|tv|be|at|ch|ua|lt|"
        r"lv|ee|fi|pl|it|us)",
    ])
    + _rules("parenthetical_note", [r"\([^()]*\)"])
    + _rules("legal_entity", [r"[\w .&'’-]{1,60},? (?:inc|llc|ltd|gmbh|b\.v|n\.v|ag|s\.a|plc)"])
    + _rules("tags", [
        r"(?:tags?|topics?|trefwoorden|onderwerpen|schlagwörter|schlagworte|themen|теги|темы|"
        r"etiquetas|temas|mots-clés|sujets)\s*:.*",
    ])
)  # fmt: skip
"""Patterns a whole line must match: UI words, tokens, numbers, addresses."""

SHORT_LINE_RULES: Final[tuple[Rule, ...]] = tuple(
    _rules("read_more", [
        r"^related(?: articles| stories| content| coverage)?$",
        r"^(?:most (?:read|popular|viewed)|trending(?: now)?|meistgelesen|meest gelezen"
        r"|les plus lus|lo más leído|самое (?:читаемое|популярное))$",
        r"^(?:read more|read also|see also|also read|more on this (?:story|topic)|"
        r"lees (?:meer|ook)|meer over|mehr (?:lesen|zum thema)|"
        r"weiterlesen|lesen sie auch|читать (?:далее|также)|читайте также|leer más|"
        r"lee también|(?:à |a )?lire (?:aussi|la suite)|ver también|lees ook)\b",
        r"^(?:you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?"
        r"|das könnte sie auch interessieren|auch interessant|empfehlungen"
        r"|(?:dit )?(?:vind je|is) (?:misschien )?ook interessant|ook interessant"
        r"|vous aimerez (?:aussi|également)|à voir aussi|sur le même sujet"
        r"|(?:también )?te puede interesar|te recomendamos|вам (?:может быть|будет) интересно"
        r"|рекомендуем|mehr aus dem ressort|mehr (?:aus|zu) \w+|more (?:from|on|in) [\w ]{1,30}"
        r"|more (?:stories|news)|meer nieuws|meer over dit onderwerp|dans la même rubrique"
        r"|plus d'actualités|más noticias|más de (?:la sección|\w+)|ещё по теме|еще по теме"
        r"|другие новости)$",
        r"\b(?:click here|klik hier|hier klicken|нажмите здесь|haga clic aquí|cliquez ici)\b",
        # a link to another story, or to this one: "► Related: Two hurt in ...",
        # "PREVIOUS COVERAGE: ...", "Read or Share this story: http://..."
        r"^\[?(?:related(?: (?:content|stories|story|videos?|coverage|articles?|links?))?"
        r"|previous coverage|more on this story|read or share this story)\s*:",
    ], MAX_SHORT_LINE_WORDS)
    + _rules("newsletter", [
        r"\bnewsletters?\b|\bnieuwsbrief\b|\bрассылк\w*|\bboletín\b",
        r"^(?:sign up|signup|subscribe|register|abonneer|abonneren|meld je aan|abonnieren|"
        r"jetzt abonnieren|registrieren|подпишитесь|подписаться|suscr[ií]bete|abonnez-vous|"
        r"s'abonner|inscrivez-vous)\b",
        r"\b(?:to|in) your inbox\b|\bin je inbox\b|\bin ihr postfach\b",
    ], MAX_SHORT_LINE_WORDS)
    + _rules("subscription", [
        # a price by the month or week on a short line: "independent news for €4.99 a
        # month", "Abonnez-vous dès 1 € par semaine", "Abo ab 4,99 € im Monat"
        r"^(?=.*\b(?:support|subscribe|subscription|journalism|abonn\w*|abo|suscr[ií]\w*"
        r"|подпис\w*|steun|unterstützen|soutenez|apoya)\b)"
        r".*(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\$|£|euros?|dollars?|рубл\w*))\s+"
        r"(?:a|per|par|pro|por|im|al|в|per)\s+(?:month|week|year|mois|semaine|an|monat|woche"
        r"|jahr|mes|semana|año|maand|jaar|месяц|неделю|год)\b",
        r"\babonnez-vous\b|\bjetzt abonnieren\b|\bsuscr[ií]bete\b|\bword abonnee\b"
        r"|\bsubscribe (?:now|today)\b|\bоформите подписку\b",
        # a metered paywall's count and offer: "You have 2 free articles left this
        # month", "Il vous reste 3 articles gratuits", "Subscribe for unlimited access"
        r"\bfree (?:articles?|stories) (?:left|remaining)\b|\bkostenlose artikel\b"
        r"|\barticles? gratuits?\b|\bgratis artikel(?:en)?\b|\bartículos? gratis\b"
        r"|\bбесплатн\w* (?:стат\w*|материал\w*)\b|\bunlimited access\b"
        r"|\bunbegrenzte\w* zugriff\b|\baccès illimité\b|\bonbeperkt toegang\b"
        r"|\bacceso ilimitado\b|\bбезлимитн\w* доступ\b",
        # a trial offer: "Jetzt 30 Tage kostenlos testen", "4 Wochen für 0,99 € testen –
        # danach 12,90 € monatlich", "Try 4 weeks for £1"
        r"\b(?:kostenlos|gratis|für [\d,.]+\s?€) testen\b|\b\d+ (?:wochen|tage) gratis\b"
        r"|\bfree trial\b|\bessai gratuit\b|\bprueba gratis\b|\bgratis proberen\b"
        r"|\bпробн\w* (?:период|подписк\w*)\b",
        r"^(?=.*\b(?:testen|try|trial|essai|essayez|probeer|proberen|prueba|попробуйте)\b)"
        r".*(?:[€$£]\s?\d|\d\s?[€$£])",
    ], MAX_SHORT_LINE_WORDS)
    + _rules("cookie_banner", [
        # a consent banner in the site's own voice, however long: "We value your
        # privacy. We and our partners use cookies ...", "Wir nutzen Cookies, um ...",
        # "Nous et nos 204 partenaires utilisons des cookies"
        r"\b(?:we|wir|wij|nous|nosotros|мы)\b.{0,40}\b(?:use|nutzen|verwenden|gebruiken"
        r"|utilisons|utilizamos|usamos|использу\w+) (?:des |las |файлы )?cookies?\b"
        r"|\b(?:this (?:site|website)|diese (?:website|seite|webseite)|deze (?:website|site)"
        r"|ce site|este sitio(?: web)?|сайт)\s+(?:uses|nutzt|verwendet|gebruikt|utilise|utiliza"
        r"|usa|использует) (?:des |las |файлы )?cookies?\b",
        # the reader told they accept cookies: "By continuing to browse, you agree to our
        # use of cookies", "vous acceptez l'utilisation de cookies", "consideramos que acepta
        # su uso", "stimmen Sie der Verwendung von Cookies zu", "gaat u akkoord met"
        r"^(?=.*\bcookies?\b).*\b(?:you (?:agree|accept|consent)|vous acceptez|acepta(?:s|n)?"
        r"|stimmen sie|erklären sie sich|gaat u akkoord|ga je akkoord|stemt u in"
        r"|вы (?:соглашаетесь|принимаете))\b",
        # the site's verb without a pronoun: "Utilizamos cookies propias y de terceros"
        r"^(?:utilizamos|usamos|utilisons|verwenden|gebruiken)\s+(?:\w+\s+){0,2}cookies?\b",
        # a line ending in the banner's buttons: "[Akzeptieren] [Ablehnen] [Details]"
        r"(?:\baccept\w*|\bakzeptieren|\baccepteren|\bj'accepte|\baceptar|\bпринять)"
        r"\W+(?:reject\w*|ablehnen|weigeren|je refuse|refuser|rechazar|отклонить)\b\W*"
        r"(?:\w+\W*)?$",
    ], MAX_BANNER_WORDS)
    + _rules("cookies_privacy", [
        r"^cookies?(?: (?:policy|settings|preferences|consent))?$|"
        r"\b(?:we|this (?:site|website)) uses? cookies\b|"
        r"\b(?:accept|manage|reject)(?: all)? cookies\b|"
        r"\bcookie[- ]?(?:policy|settings|preferences|consent|beleid|instellingen|richtlinie|"
        r"einstellungen|hinweis)\b|\bфайлы cookie\b|\bpolítica de cookies\b|"
        r"\bgestion des cookies\b",
        r"^(?:privacy|privacybeleid|datenschutz\w*|конфиденциальност\w*|privacidad|"
        r"confidentialité)\b",
        r"\bprivacy (?:policy|settings|statement|notice)\b|\bterms of (?:use|service)\b",
        r"\bdo not sell(?: or share)? my personal information\b|\binterest-based advertising\b",
    ], MAX_SHORT_LINE_WORDS)
    + _rules("follow_share", [
        r"^(?:follow us|volg ons|folgen sie uns|подписывайтесь|síguenos|suivez-nous)\b",
        r"^share (?:on|via|this)\b",
    ], MAX_SHORT_LINE_WORDS)
    + _rules("app_download", [
        r"\bdownload (?:the|our)\b.*\bapp\b|\bget the app\b|\bdownload de\b.*\bapp\b|"
        r"\blade(?:n sie)? die\b.*\bapp\b|\bскачайте\b.*\bприложение\b|"
        r"\bdescarga (?:la|nuestra)\b.*\bapp\b|\btéléchargez\b.*\bapplication\b",
    ], MAX_SHORT_LINE_WORDS)
    + _rules("comments", [
        r"\b(?:read and )?post (?:a )?comments?\b|\bposting a comment\b|\bleave a comment\b|"
        r"\bcommunity guidelines\b|^join (?:the|our)\b.*\bcommunity\b|\bshow comments\b|"
        r"\breageer\b|\bkommentieren\b|\bкомментировать\b|\bоставить комментарий\b|"
        r"\breageren is alleen mogelijk\b|\bom te reageren\b|\bpour (?:commenter|réagir)\b|"
        r"\bpara comentar\b|\bto (?:comment|leave a comment)\b|"
        r"\bjoin the (?:discussion|conversation)\b|\bnetiquette\b|\bwrite a comment\b"
        r"|\bkommentar schreiben\b|\bschrijf een reactie\b|\bécrire un commentaire\b"
        r"|\bescribe un comentario\b|\bнаписать комментарий\b|\bkommentarfunktion\b"
        r"|\bcomments (?:are|have been) closed\b|\breacties zijn gesloten\b"
        r"|\bcommentaires sont fermés\b|\bcomentarios están cerrados\b",
    ], MAX_SHORT_LINE_WORDS)
    + _rules("caption_credit", [
        r"^(?:photo|foto|фото|bild|image|imagen|afbeelding|credit)\s*:",
        r"\([^()]*\b(?:getty images|afp|reuters|ap photo|epa|anp|dpa|tass|ria novosti|"
        r"shutterstock|photo|foto|фото|imagen|image|bild)\b[^()]*\)$",
    ], 60)
)  # fmt: skip
"""Phrases that mark page furniture, but only on lines that are short enough."""

ANY_LINE_RULES: Final[tuple[Rule, ...]] = tuple(
    _rules("copyright", [
        r"^(?:©|\(c\)|copyright\b)",
        r"\ball rights reserved\b|\balle rechte vorbehalten\b|\balle rechten voorbehouden\b|"
        r"\bвсе права защищены\b|\btodos los derechos reservados\b|\btous droits réservés\b",
    ])
    + _rules("trademark_notice", [r"\bare (?:registered )?trademarks of\b"])
    + _rules("ai_audio_notice", [r"\bthis audio is ai[- ]generated\b"])
    # a video player's controls saved as text, then its caption and playlist: "CLOSE
    # Skip in Skip x Embed x Share Two bailiffs in a county courthouse ... | 1:25 ..."
    + _rules("video_player", [r"^(?:close )?skip in skip x embed x share\b"])
)  # fmt: skip
"""Patterns that mark boilerplate at any length (legal lines can be long)."""

_BYLINE_NO_DATE = re.compile(
    r"^(?:by|door|von|автор:?|текст:?|por|par)\s+\W*[A-ZÀ-ÞА-ЯЁ]", re.IGNORECASE
)
_MAX_BYLINE_WORDS: Final = 8

_BULLETS = " \t•·*▪►>»|–—-"
_TRAILING = " .!:…"


def _normalise(line: str) -> str:
    """Lower-case, bullet-free, single-spaced form used for lexicon matching."""
    return " ".join(line.strip(_BULLETS).rstrip(_TRAILING).split()).casefold()


def _words(line: str) -> list[str]:
    return line.split()


def _letter_words(line: str) -> list[str]:
    """Words with a letter in them: "VALAIS / FAITS DIVERS" has three."""
    return [word for word in line.split() if any(c.isalpha() for c in word)]


def _rule_applies(rule: Rule, normalised: str, word_count: int, full: bool) -> bool:
    if rule.max_words is not None and word_count > rule.max_words:
        return False
    if full:
        return rule.pattern.fullmatch(normalised) is not None
    return rule.pattern.search(normalised) is not None


def _is_tag_list(line: str) -> bool:
    """``ferries, storms, harbour``: a keyword dump, lower-case and comma-separated."""
    items = [item.strip() for item in line.split(",")]
    return (
        len(items) >= 3
        and all(item and len(item.split()) <= 3 for item in items)
        and line == line.lower()
        and not line.rstrip().endswith((".", "!", "?"))
    )


#: Separators between the items of a menu or share bar: a pipe, a slash or a bullet
#: with spaces around it, or a run of two or more spaces (menus saved as text).
_MENU_SEPARATOR = re.compile(r"\s+[|/•·-]\s+|\s{2,}")
#: Separators of a breadcrumb trail ("Accueil > International > Europe de l'Est").
_CRUMB_SEPARATOR = re.compile(r"\s+[>›]\s+")
#: The label a breadcrumb trail may open with ("Sie befinden sich hier: Startseite > Welt").
_CRUMB_LABEL = re.compile(
    r"^(?:you are here|sie befinden sich hier|sie sind hier|u bent hier|vous êtes ici|usted está en"
    r"|está usted en|estás en|вы здесь)\s*:?\s*",
    re.IGNORECASE,
)
MIN_MENU_ITEMS: Final = 3
"""A menu has at least this many items; ``News | Brand`` or ``A / B`` may be a kicker."""
MAX_MENU_ITEM_WORDS: Final = 3
"""Menu items are a word or three ("Share on Facebook"); a headline's parts are longer."""
MIN_ITEMS_BESIDE_A_LONG_ONE: Final = 5
"""With this many short items, one item may be longer ("... | Jobs | Events |
Subscribe to EuroChem Watch Pro"): a call to subscribe closing a section menu."""
MAX_LONG_ITEM_WORDS: Final = 6
MAX_MENU_WORDS: Final = 40
"""Words of all items together: a site's section menu runs to a dozen entries."""
#: Brackets and spaces around a saved link's text ("[ Login ]", "[E-Paper]").
_LINK_BRACKETS = "[]() \t"


#: Account links: with one of them, two items make a menu ("Sign in | Subscribe").
_ACCOUNT_ITEMS: Final[frozenset[str]] = frozenset({
    "sign in", "log in", "login", "my account", "inloggen", "aanmelden", "mijn account",
    "anmelden", "einloggen", "mein konto", "войти", "вход", "личный кабинет",
    "iniciar sesión", "entrar", "mi cuenta", "se connecter", "connexion", "mon compte",
})  # fmt: skip


def _is_menu(line: str) -> bool:
    """``Home | World | Sport | Opinion``, ``Binnenland   Buitenland   Economie``,
    ``Share: Facebook | X | Email``, ``[Sign in]  [Subscribe]``, ``Accueil >
    International``: short items in a row, none of them a sentence."""
    crumbs = _menu_items(_CRUMB_LABEL.sub("", line.strip()), _CRUMB_SEPARATOR)
    if len(crumbs) >= 2 and all(_short_item(item) for item in crumbs):
        return True
    items = _menu_items(line, _MENU_SEPARATOR)
    item_words = sum(len(_words(item)) for item in items)
    account = any(item.casefold() in _ACCOUNT_ITEMS for item in items)
    if len(items) >= 2 and account and item_words <= MAX_SHORT_LINE_WORDS:
        return True
    if len(items) < MIN_MENU_ITEMS or item_words > MAX_MENU_WORDS:
        return False
    if any(not item or item.endswith((".", "!", "?")) for item in items):
        return False
    long_items = [item for item in items if not _short_item(item)]
    return not long_items or (
        len(long_items) == 1
        and len(items) - 1 >= MIN_ITEMS_BESIDE_A_LONG_ONE
        and len(_words(long_items[0])) <= MAX_LONG_ITEM_WORDS
    )


def _menu_items(line: str, separator: re.Pattern[str]) -> list[str]:
    """The items of ``line`` cut at ``separator``, without a saved link's brackets."""
    return [item.strip(_LINK_BRACKETS) for item in separator.split(line.strip())]


def _short_item(item: str) -> bool:
    return bool(item) and len(_words(item)) <= MAX_MENU_ITEM_WORDS and not item.endswith(".")


def is_byline_without_date(line: str) -> bool:
    """``By Jane Doe`` / ``Door Jan de Vries``: a credit, not content."""
    return _BYLINE_NO_DATE.match(line) is not None and len(_words(line)) <= _MAX_BYLINE_WORDS


def boilerplate_rule(line: str) -> str | None:
    """The name of the boilerplate rule a line matches, or None for content."""
    normalised = _normalise(line)
    if not normalised:
        return "punctuation_only"
    count = len(_words(normalised))
    # Legal lines first: a copyright line also ends the article (see _footer_start).
    for rule in ANY_LINE_RULES:
        if _rule_applies(rule, normalised, count, full=False):
            return rule.name
    for rule in FULL_LINE_RULES:
        if _rule_applies(rule, normalised, count, full=True):
            return rule.name
    for rule in SHORT_LINE_RULES:
        if _rule_applies(rule, normalised, count, full=False):
            return rule.name
    if _is_tag_list(line):
        return "tag_list"
    if _is_menu(line):
        return "menu"
    if is_byline_without_date(line):
        return "byline"
    return None


# --------------------------------------------------------------------------- #
# Prose
# --------------------------------------------------------------------------- #

_TOKEN = re.compile(r"\w+(?:['’]\w+)?")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    return {name: frozenset(justext.get_stoplist(name)) for name in LANGUAGE_STOPLISTS}


@lru_cache(maxsize=1)
def _all_stopwords() -> frozenset[str]:
    return frozenset().union(*_stoplists().values())


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def document_stoplist(lines: Sequence[str]) -> frozenset[str]:
    """Stopwords of the page's language, or of all our languages when unclear.

    Why per document: a German line scored against the English list looks like
    a list of names; the language is decided once from the whole page.
    """
    tokens = [t for line in lines for t in _tokens(line)]
    if not tokens:
        return _all_stopwords()
    lists = _stoplists()
    best = max(lists, key=lambda name: sum(t in lists[name] for t in tokens))
    share = sum(t in lists[best] for t in tokens) / len(tokens)
    return lists[best] if share >= MIN_LANGUAGE_SHARE else _all_stopwords()


def _stopword_density(line: str, stoplist: frozenset[str]) -> float:
    tokens = _tokens(line)
    return sum(t in stoplist for t in tokens) / len(tokens) if tokens else 0.0


def _is_title_case(words: Sequence[str]) -> bool:
    """Most words capitalised: headline style ("Pilot Jumps From A Sinking Tug")."""
    alpha = [w for w in words[1:] if w[:1].isalpha()]
    if len(alpha) < 3:
        return False
    return sum(w[0].isupper() for w in alpha) / len(alpha) >= 0.75


def is_prose(line: str, stoplist: frozenset[str]) -> bool:
    """Is this line a paragraph of running text (rather than a heading or UI)?

    A paragraph has several words, ends like a sentence and uses the language's
    function words. Long lines count without final punctuation because scrapes
    sometimes lose it; headline-cased lines never count, so a headline that
    contains a full stop ("X Did This. Now Y") is not mistaken for the lead.
    """
    words = _words(line)
    if len(words) < MIN_PROSE_WORDS:
        return False
    if _is_title_case(words) and len(words) < LONG_PROSE_WORDS:
        return False
    density = _stopword_density(line, stoplist)
    if len(words) >= LONG_PROSE_WORDS and density < MIN_STOPWORD_DENSITY:
        # A long line in another language than the page's (a quoted paragraph, a
        # page pasted together from two sources) is judged by its own language.
        density = max(density, _stopword_density(line, document_stoplist([line])))
    if _SENTENCE_END.search(line):
        return density >= MIN_STOPWORD_DENSITY
    return len(words) >= LONG_PROSE_WORDS and density >= LONG_PROSE_STOPWORD_DENSITY


# --------------------------------------------------------------------------- #
# Lines
# --------------------------------------------------------------------------- #


@dataclass
class _Line:
    """One non-empty input line and what the rules made of it."""

    index: int  # position among the input's lines
    original: str  # stripped input line
    text: str  # what would go into the body (a date header cut off)
    rule: str | None = None  # boilerplate rule name, None for content
    prose: bool = False


def _split(content: str) -> list[str]:
    """Input lines, stripped of surrounding whitespace and invisible marks."""
    return [line.strip().strip("\u200b\ufeff\u2060").strip() for line in content.splitlines()]


def _classify(lines: list[str], dates: DateFinding, header: Collection[int]) -> list[_Line]:
    """Non-empty lines with their boilerplate rule and prose flag; ``header`` holds
    the indexes of labelled metadata lines."""
    entries: list[_Line] = []
    for index, line in enumerate(lines):
        if not line:
            continue
        entry = _Line(index, line, line)
        if index in header:
            entry.rule = "labelled_header"
        elif index in dates.date_lines:
            rest = dates.date_lines[index].strip()
            if rest:
                entry.text = rest
            else:
                entry.rule = "dateline"
        if entry.rule is None:
            entry.rule = boilerplate_rule(entry.text)
        entries.append(entry)
    _mark_video_playlists(entries)
    _mark_related_links(entries)
    stoplist = document_stoplist([e.text for e in entries if e.rule is None])
    for entry in entries:
        entry.prose = entry.rule is None and is_prose(entry.text, stoplist)
    return entries


#: What a link in a list starts with: a dash, a bullet, an arrow.
_LINK_BULLETS = ("- ", "– ", "— ", "• ", "> ", "» ", "► ", "▪ ", "* ", "· ")


def _mark_related_links(entries: list[_Line]) -> None:
    """The bulleted lines right under a "Read more" heading ("Lees ook:", "À lire
    aussi", "Читайте также:") are other stories' headlines, even where a prose line
    after them keeps them inside the body."""
    heading = False
    for entry in entries:
        if entry.rule == "read_more":
            heading = True
        elif heading and entry.rule is None and entry.text.startswith(_LINK_BULLETS):
            entry.rule = "related_link"
        elif entry.rule is None:
            heading = False


#: A video teaser: its running time, then its headline ("1:27 1 dead after Fife
#: collision, police say"). Not a clock time ("10:03 PM - officers arrived").
_VIDEO_TEASER = re.compile(
    r"^(?P<length>(?:\d{1,2}:)?\d{1,2}:\d{2})\s+"
    r"(?!(?:a\.?m|p\.?m|uhr|uur|ч|horas?|heures?)\b)(?![-–—])\S",
    re.IGNORECASE,
)
#: A video player's button label at the end of the playing teaser ("... Pause").
_PLAYER_LABEL = re.compile(r"\s(?:Pause|Play)$")
#: A run of at least this many teasers is a playlist.
MIN_PLAYLIST_TEASERS: Final = 3


def _mark_video_playlists(entries: list[_Line]) -> None:
    """Teaser lines of a video playlist ("0:35 Two teens charged in ...") are page
    furniture: their headlines are other stories, whose casualties and places must
    not be read as this one's.

    Why runs: a live blog's entries also start with a time ("14:05 The minister
    arrives"). A playlist is told apart by its running times out of order (a blog's
    times run one way) or by the player's "Pause" label."""
    run: list[tuple[_Line, int]] = []
    for entry in [*entries, None]:
        seconds = _teaser_seconds(entry) if entry is not None else None
        if entry is not None and seconds is not None:
            run.append((entry, seconds))
            continue
        if _is_playlist(run):
            for member, _ in run:
                member.rule = "video_playlist"
        run = []


def _teaser_seconds(entry: _Line) -> int | None:
    """A teaser line's running time in seconds; None for any other line."""
    match = _VIDEO_TEASER.match(entry.text)
    if entry.rule is not None or match is None or len(_words(entry.text)) > MAX_SHORT_LINE_WORDS:
        return None
    total = 0
    for part in match["length"].split(":"):
        total = total * 60 + int(part)
    return total


def _is_playlist(run: list[tuple[_Line, int]]) -> bool:
    if any(_PLAYER_LABEL.search(entry.text) for entry, _ in run):
        return True
    if len(run) < MIN_PLAYLIST_TEASERS:
        return False
    times = [seconds for _, seconds in run]
    rising = all(a <= b for a, b in pairwise(times))
    falling = all(a >= b for a, b in pairwise(times))
    return not (rising or falling)


# --------------------------------------------------------------------------- #
# Structure: where the body starts and ends
# --------------------------------------------------------------------------- #

_BIO_ROLE = (
    r"correspondent|reporter|editor|journalist|writer|columnist|producer|contributor|analyst|"
    r"photographer|verslaggever|redacteur|correspondente?|korrespondent(?:in)?|"
    r"redakteur(?:in)?|reporterin|journalistin|periodista|corresponsal|redactora?|"
    r"journaliste|rédacteur|rédactrice|корреспондент|журналист(?:ка)?|редактор"
)
_BIO = re.compile(
    rf"\b(?:is|was|ist|war|es|est)\b[^.]{{0,80}}?\b(?:{_BIO_ROLE})\w*\s+"
    r"(?:for|at|with|voor|bij|für|bei|de|en|pour|à)\s+(?P<brand>.+)",
    re.IGNORECASE,
)
_RUN_BY = re.compile(
    r"\b(?:is|was|ist|war)\b[^.]{0,120}?\b(?:run|owned|operated|published)\s+by\s+(?P<brand>.+)",
    re.IGNORECASE,
)
_BRAND_END = re.compile(r"[.,;:!?](?:\s|$)|\s+(?:and|since|from|in|en|und|et|y|и)\s")


def _brand_from(rest: str) -> str | None:
    """The capitalised name at the start of ``rest`` (up to the sentence's end)."""
    cut = _BRAND_END.search(rest)
    head = rest[: cut.start()] if cut else rest
    tokens: list[str] = []
    for token in head.split():
        if not (token[:1].isupper() or token[:1].isdigit() or token[:1] in "«\"“'"):
            break
        tokens.append(token)
    brand = " ".join(tokens[:MAX_BRAND_WORDS]).strip(" .,;:'\"“”«»")
    return brand or None


def _bio_brand(line: str) -> str | None:
    """``X is a Senior Correspondent for BRAND`` / ``… network run by BRAND`` → BRAND."""
    match = _BIO.search(line) or _RUN_BY.search(line)
    return _brand_from(match["brand"]) if match else None


def _author_card_start(entries: list[_Line], body_start: int) -> int | None:
    """Where an author card (name line, then a bio sentence) begins, if any.

    Why a card ends the article: bios and the outlet's notices follow the story
    and are prose, so only this shape — a short name line right above a
    "… is a correspondent for …" sentence, in the second half of the page —
    separates them from the last paragraphs.
    """
    for pos in range(max(body_start + 1, len(entries) // 2), len(entries)):
        entry = entries[pos]
        if _bio_brand(entry.text) is None:
            continue
        above = entries[pos - 1]
        if above.prose or (above.rule is None and len(_words(above.text)) > MAX_BRAND_WORDS):
            continue
        start = pos - 1
        while start - 1 > body_start and not entries[start - 1].prose:
            start -= 1
        return start
    return None


def _footer_start(entries: list[_Line], body_start: int) -> int:
    """Position of the first footer line: a copyright line or an author card."""
    ends = [len(entries)]
    for pos in range(body_start + 1, len(entries)):
        if entries[pos].rule == "copyright":
            ends.append(pos)
            break
    card = _author_card_start(entries, body_start)
    if card is not None:
        ends.append(card)
    return min(ends)


# --------------------------------------------------------------------------- #
# Labelled header
# --------------------------------------------------------------------------- #

HEADER_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "title": ("title", "headline", "titel", "kop", "заголовок", "título", "titular", "titre"),
    "outlet": (
        "source", "outlet", "publication", "publisher", "newspaper", "bron", "krant",
        "quelle", "zeitung", "источник", "издание", "fuente", "medio", "periódico", "journal",
    ),
    "author": ("author", "by", "auteur", "door", "autor", "von", "автор", "por", "par"),
    "url": ("url", "link", "address", "adres", "adresse", "ссылка", "enlace", "lien"),
}  # fmt: skip
"""Field labels a saved text may start with ("Title: ...", "Quelle: ..."), per hint.

Why: scrapers and people saving an article by hand often put its metadata above
the text as ``Label: value`` lines. Read as such, the title is the title (not
"Title: ..."), the outlet is known, and none of it is taken for article text.
Dates under a label ("Published: ...", "Veröffentlicht: ...") are read by
:func:`~corroborate.extract.dates.find_published_in_text`, with its checks.
"""

_LABELLED_LINE = re.compile(r"^(?P<label>[^\W\d_]+(?: [^\W\d_]+)?)\s*[:：]\s*(?P<value>\S.*)$")
_LABEL_KEYS: Final[dict[str, str]] = {
    label: key for key, labels in HEADER_LABELS.items() for label in labels
}


def labelled_header(lines: Sequence[str]) -> dict[int, tuple[str, str]]:
    """``{line index: (hint key, value)}`` for the labelled metadata lines among the
    first :data:`~corroborate.extract.dates.HEADER_LINES` non-empty lines. A key's
    first line wins; a value longer than a headline is prose, not a field."""
    found: dict[int, tuple[str, str]] = {}
    seen: set[str] = set()
    nonempty = [i for i, line in enumerate(lines) if line]
    for index in nonempty[:HEADER_LINES]:
        match = _LABELLED_LINE.match(lines[index])
        key = _LABEL_KEYS.get(match["label"].casefold()) if match else None
        if match is None or key is None or key in seen:
            continue
        value = match["value"].strip()
        if len(_words(value)) <= MAX_TITLE_WORDS:
            found[index] = (key, value)
            seen.add(key)
    return found


# --------------------------------------------------------------------------- #
# Title and outlet
# --------------------------------------------------------------------------- #

_BRAND_SEPARATORS: Final[tuple[str, ...]] = (" | ", " - ", " – ", " — ", " :: ", " · ")
_KICKER_WORDS: Final[frozenset[str]] = frozenset({
    "EXCLUSIVE", "BREAKING", "WATCH", "LIVE", "UPDATE", "ANALYSIS", "OPINION", "EXKLUSIV",
    "EILMELDUNG", "EXCLUSIEF", "EXCLUSIVA", "EXCLUSIF", "ЭКСКЛЮЗИВ", "СРОЧНО",
})  # fmt: skip


def split_title_suffix(line: str) -> tuple[str, str, str] | None:
    """``Head - Brand`` → (head, separator, brand) when the tail is short enough (also
    an HTML page's ``<title>``, see ``extract.html``)."""
    for sep in _BRAND_SEPARATORS:
        head, found, tail = line.rpartition(sep)
        if found and head.strip() and 0 < len(_words(tail)) <= MAX_BRAND_WORDS:
            return head.strip(), sep, tail.strip()
    return None


def _suffix_brand(entries: list[_Line]) -> str | None:
    """A brand repeated as a title suffix: ``Title - Brand`` where ``Title`` is a line too."""
    texts = {e.text for e in entries}
    for entry in entries:
        split = split_title_suffix(entry.text)
        if split and split[0] in texts:
            return split[2]
    return None


_COPYRIGHT_NAME = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>.*)$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(
    r"[.,]?\s*(?:all rights reserved|alle rechte vorbehalten|alle rechten voorbehouden|"
    r"все права защищены|todos los derechos reservados|tous droits réservés)\b.*$",
    re.IGNORECASE,
)
_TRAILING_YEARS = re.compile(r"\s*\d{4}(?:\s*[-–]\s*\d{4})?$")
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:inc|llc|ltd|gmbh|b\.v|n\.v|bv|nv|ag|s\.a|sa|sas|s\.l|plc|corp)\.?$", re.IGNORECASE
)


#: Quotation marks around a brand ("© 2025 «Европейский вестник»").
_QUOTES = "«»\"“”„‘’'"


def copyright_holder(line: str) -> str | None:
    """``© 2026 Brand. All rights reserved.`` → ``Brand`` (legal suffixes and
    quotation marks dropped)."""
    match = _COPYRIGHT_NAME.match(line.strip())
    if not match:
        return None
    name = _RIGHTS.sub("", match["name"]).strip(" .,–-|")
    name = _TRAILING_YEARS.sub("", name).strip(" .,–-|")
    name = _LEGAL_SUFFIX.sub("", name).strip(" .,").strip(_QUOTES)
    if not name or len(_words(name)) > MAX_BRAND_WORDS or not name[:1].isalnum():
        return None
    return name


def _find_outlet(entries: list[_Line], footer: int, masthead: Sequence[_Line]) -> str | None:
    """Outlet from a title-suffix brand, a copyright line, a footer author bio or,
    failing those, the masthead."""
    brand = _suffix_brand(entries)
    if brand:
        return brand
    for entry in entries:
        holder = copyright_holder(entry.text) if entry.rule == "copyright" else None
        if holder:
            return holder
    for entry in entries[footer:]:
        bio = _bio_brand(entry.text)
        if bio:
            return bio
    return _masthead_brand(masthead)


def masthead_lines(entries: Sequence[_Line], body_start: int) -> list[_Line]:
    """The content-looking lines above the page's first menu: the outlet's name and
    slogan ("La Gazette du Rhône", "Inselnachrichten – Die Zeitung für Mallorca").

    Why: a saved page opens with the masthead, then the menus, then the story's
    kicker and headline; the masthead has the shape of a short headline, and with
    no repeat of the real one to go by it was taken for the title.
    """
    menu = next((pos for pos, e in enumerate(entries[:body_start]) if e.rule == "menu"), None)
    if menu is None:
        return []
    return [e for e in entries[:menu] if e.rule is None and not e.prose]


def _masthead_brand(masthead: Sequence[_Line]) -> str | None:
    """The outlet's name from the masthead's last line, without a slogan after a dash."""
    if not masthead:
        return None
    name = masthead[-1].text
    for sep in (" — ", " – ", " - ", " | ", ": "):
        name = name.split(sep, 1)[0]
    name = name.strip()
    return name if name and len(_words(name)) <= MAX_BRAND_WORDS else None


def strip_kicker(title: str) -> str:
    """Drop an ALL-CAPS kicker: ``HIGH WATER Harbour Pilot Escapes …`` → ``Harbour …``.

    A kicker is two or more upper-case words (or one known kicker word such as
    EXCLUSIVE) followed by a capitalised, mixed-case word and at least three
    more words. One upper-case word alone is kept: it is usually an acronym.
    """
    words = _words(title)
    caps = 0
    while caps < len(words) and _is_caps_word(words[caps]):
        caps += 1
    rest = words[caps:]
    known = caps >= 1 and words[0].strip(":|-–—").upper() in _KICKER_WORDS
    if (caps >= 2 or known) and len(rest) >= 3 and rest[0][:1].isupper():
        return " ".join(rest).lstrip(":|-–— ")
    return title


def _is_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and word.isupper() and not word.endswith(",")


def _strip_brand_suffix(title: str, outlet: str | None, texts: set[str]) -> str:
    """Drop ``| Brand`` always, ``- Brand`` only when Brand is known to be the outlet."""
    split = split_title_suffix(title)
    if not split:
        return title
    head, sep, brand = split
    known = brand == outlet or brand in texts
    return head if sep == " | " or known else title


def _is_headline_shaped(entry: _Line) -> bool:
    words = _words(entry.text)
    return (
        entry.rule is None
        and 2 <= len(words) <= MAX_TITLE_WORDS
        and not entry.text.endswith(".")
        and any(c.isalpha() for c in entry.text)
    )


def _choose_title(candidates: list[_Line], entries: list[_Line], brand: str | None) -> _Line | None:
    """The headline among the lines above the body.

    Preference: a line repeated on the page (as is, or as ``Line - Brand``),
    then the first line of at least four words (brand lines are shorter),
    then the first headline-shaped line.
    """
    counts = Counter(e.text for e in entries)
    shaped = [c for c in candidates if _is_headline_shaped(c) and c.text != brand]
    if not shaped:
        return None

    def repeated(candidate: _Line) -> bool:
        if counts[candidate.text] > 1:
            return True
        return any(
            (split := split_title_suffix(e.text)) is not None and split[0] == candidate.text
            for e in entries
        )

    def headline(candidate: _Line) -> bool:
        # an all-caps line of four words or more is a section kicker ("TEMPORAL EN LA
        # COMUNITAT VALENCIANA") when a mixed-case line is there too
        return len(_letter_words(candidate.text)) >= 4 and not candidate.text.isupper()

    for rank in (repeated, headline, lambda c: len(_letter_words(c.text)) >= 4, lambda c: True):
        for candidate in shaped:
            if rank(candidate):
                return candidate
    return None


def _is_title_line(text: str, variants: set[str]) -> bool:
    """Is this line the headline again (as found, cleaned, hinted, or ``- Brand``)?"""
    if text in variants:
        return True
    split = split_title_suffix(text)
    return split is not None and split[0] in variants


# --------------------------------------------------------------------------- #
# Assembly
# --------------------------------------------------------------------------- #


@dataclass
class _Layout:
    body_start: int
    body_end: int  # inclusive
    footer: int


def _layout(entries: list[_Line]) -> _Layout | None:
    """Body bounds: first paragraph to the last paragraph before the footer."""
    prose = [pos for pos, e in enumerate(entries) if e.prose]
    if not prose:
        return None
    start = prose[0]
    footer = _footer_start(entries, start)
    inside = [pos for pos in prose if pos < footer]
    return _Layout(start, inside[-1] if inside else start, footer)


def _drop_reason(
    pos: int, entry: _Line, layout: _Layout | None, variants: set[str], outlet: str | None
) -> str | None:
    """Why a line is not part of the body, or None to keep it."""
    if entry.rule:
        return entry.rule
    if _is_title_line(entry.text, variants):
        return "title"
    if outlet and entry.text.casefold() == outlet.casefold():
        return "brand_line"
    if layout is None:
        return None if len(_words(entry.text)) >= 4 else "short_line"
    if pos < layout.body_start:
        return "header"
    if pos > layout.body_end:
        return "footer"
    return None


def _assemble(
    entries: list[_Line], layout: _Layout | None, variants: set[str], outlet: str | None
) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Body paragraphs, removed lines, and (line, reason) for every line."""
    kept: list[str] = []
    removed: list[str] = []
    trace: list[tuple[str, str]] = []
    seen: set[str] = set()
    for pos, entry in enumerate(entries):
        reason = _drop_reason(pos, entry, layout, variants, outlet)
        if reason is None and " ".join(entry.text.split()) in seen:
            reason = "duplicate"
        if reason is None:
            kept.append(entry.text)
            seen.add(" ".join(entry.text.split()))
            if entry.text != entry.original:
                removed.append(entry.original.removesuffix(entry.text).strip())
            trace.append((entry.original, "keep"))
        else:
            removed.append(entry.original)
            trace.append((entry.original, reason))
    return kept, removed, trace


def _published(
    hints: dict[str, str], dates: DateFinding
) -> tuple[str | None, str | None, list[Problem]]:
    """Publication date: a valid hint wins; an invalid hint is a problem, not a date."""
    problems = list(dates.problems)
    hint = _hint(hints, "published")
    if hint and hints.get(FALLBACK_HINTS) and dates.published:
        return dates.published, dates.raw, problems
    if hint:
        iso = parse_human_date(hint)
        if iso:
            return iso, hint, problems
        message = f"published hint {hint!r} is not a valid calendar date; ignored"
        problems.append(Problem(code="malformed_date", message=message))
    return dates.published, dates.raw, problems


#: The kept lines where a lead with a wire dateline may start (after a heading or two).
LEAD_LINES: Final = 3


def _wire_dated(kept: Sequence[str]) -> tuple[str, str] | None:
    """(date, raw) from a wire dateline opening the lead ("GENEVA, March 3, 2026 (XPA) —")."""
    for line in kept[:LEAD_LINES]:
        wire = wire_dateline_date(line)
        if wire:
            return wire, line[:60]
    return None


def _hint(hints: dict[str, str], key: str) -> str | None:
    """A container hint, stripped; blank or non-text values count as absent."""
    value = hints.get(key)
    return (value.strip() or None) if isinstance(value, str) else None


@dataclass
class _Result:
    extraction: Extraction
    trace: list[tuple[str, str]]


def _chosen(
    hints: dict[str, str], fields: dict[str, str], key: str, found: str | None
) -> str | None:
    """A field's value: a container hint wins, then the text's labelled header, then
    what the page suggests; hints marked as defaults come last."""
    given = _hint(hints, key)
    if hints.get(FALLBACK_HINTS):
        return fields.get(key) or found or given
    return given or fields.get(key) or found


def _extract(content: str, hints: dict[str, str]) -> _Result:
    lines = _split(content)
    header = labelled_header(lines)
    fields = dict(header.values())
    dates = find_published_in_text(lines)
    entries = _classify(lines, dates, header)
    layout = _layout(entries)
    texts = {e.text for e in entries}
    footer = layout.footer if layout else len(entries)
    above_body = entries[: layout.body_start] if layout else entries
    masthead = masthead_lines(entries, len(above_body))
    outlet = _chosen(hints, fields, "outlet", _find_outlet(entries, footer, masthead))
    brand = _suffix_brand(entries) or outlet
    below_masthead = [e for e in above_body if e not in masthead]
    title_line = _choose_title(below_masthead, entries, brand) or _choose_title(
        above_body, entries, brand
    )
    raw_title = title_line.text if title_line else None
    title = _clean_title(raw_title, outlet, texts)
    hint_title = _hint(hints, "title") or fields.get("title")
    variants = {t for t in (raw_title, title, hint_title) if t}
    kept, removed, trace = _assemble(entries, layout, variants, outlet)
    published, published_raw, problems = _published(hints, dates)
    if published is None:
        published, published_raw = _wire_dated(kept) or (None, published_raw)
    if not kept:
        problems.append(Problem(code="no_text", message="no article text found in the page"))
    extraction = Extraction(
        text="\n\n".join(kept),
        title=_chosen(hints, fields, "title", title),
        outlet=outlet,
        author=_chosen(hints, fields, "author", None),
        url=_chosen(hints, fields, "url", None),
        published=published,
        published_raw=published_raw,
        problems=problems,
        removed_lines=removed,
    )
    return _Result(extraction, trace)


def _clean_title(raw: str | None, outlet: str | None, texts: set[str]) -> str | None:
    """Headline without its kicker and brand suffix (None stays None)."""
    if raw is None:
        return None
    cleaned = strip_kicker(_strip_brand_suffix(raw, outlet, texts)).strip()
    return cleaned or None


def extract_text(content: str, hints: dict[str, str] | None = None) -> Extraction:
    """Clean a plain-text scrape into article text, title, outlet and date.

    ``hints`` (``title``, ``outlet``, ``published``, ``url``) come from the
    container and win over what the page suggests; an invalid ``published``
    hint is reported as a problem and the page's own date is used instead.
    Never raises on odd content: an empty or all-boilerplate page gives empty
    text and a ``no_text`` problem.
    """
    return _extract(content, dict(hints or {})).extraction


def explain_lines(content: str, hints: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Each non-empty line with ``keep`` or the name of the rule that dropped it.

    For debugging and benchmarks: when a sentence goes missing, this says why.
    """
    return _extract(content, dict(hints or {})).trace


__all__ = [
    "ANY_LINE_RULES",
    "FULL_LINE_RULES",
    "SHORT_LINE_RULES",
    "Rule",
    "boilerplate_rule",
    "copyright_holder",
    "document_stoplist",
    "explain_lines",
    "extract_text",
    "is_byline_without_date",
    "is_prose",
    "strip_kicker",
]

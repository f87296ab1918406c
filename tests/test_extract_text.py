"""The plain-text scrape cleaner, on invented pages in several languages.

Every outlet, person and place in these fixtures is made up.
"""

# The fixture pages keep their paragraphs on one line each, as scrapes do.
# ruff: noqa: E501

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.extract.text import (
    boilerplate_rule,
    copyright_holder,
    explain_lines,
    extract_text,
    strip_kicker,
)
from corroborate.model import FALLBACK_HINTS

# --------------------------------------------------------------------------- #
# Fixtures
# --------------------------------------------------------------------------- #

ENGLISH_PAGE = """\
Skip to main content
Accessibility links
Breaking News

Ferry Service Suspended After Storm Damages Pier at Gullhaven

Ferry Service Suspended After Storm Damages Pier at Gullhaven
Listen
4 min read
This audio is AI-generated

The ferry between Gullhaven and Merrow Island will not run for at least two weeks after a storm tore away part of the main pier on Sunday night.

Harbour master Orla Penwith said divers found cracks in three of the supporting piles and that no vessel could dock safely until they were replaced.

What happens next

Islanders who rely on the crossing for work and school have been offered seats on a chartered boat, which will leave from the fishing quay twice a day.

The council said it would publish a repair schedule once engineers had finished their survey, which is expected to take until Friday.

The council said it would publish a repair schedule once engineers had finished their survey, which is expected to take until Friday.

Sign up for the Harbour Ledger morning newsletter
Share
Read more: Lighthouse keeper retires after 40 years
© 2025 Harbour Ledger. All rights reserved.
Privacy Policy
Do not sell or share my personal information
HARBOURLEDGER.COM
Back to top
"""

ENGLISH_BODY = [
    "The ferry between Gullhaven and Merrow Island will not run for at least two weeks after a"
    " storm tore away part of the main pier on Sunday night.",
    "Harbour master Orla Penwith said divers found cracks in three of the supporting piles and"
    " that no vessel could dock safely until they were replaced.",
    "What happens next",
    "Islanders who rely on the crossing for work and school have been offered seats on a"
    " chartered boat, which will leave from the fishing quay twice a day.",
    "The council said it would publish a repair schedule once engineers had finished their"
    " survey, which is expected to take until Friday.",
]

DUTCH_PAGE = """\
 date 2024-05-14 De gemeenteraad van Zeewolde heeft gisteravond ingestemd met de bouw van een nieuwe fietsbrug over de Hoornse Vaart.

Een brug van twaalf miljoen

Wethouder Maaike Verbrugge noemde het besluit een doorbraak voor de dorpen ten noorden van het kanaal. Volgens haar fietsen nu dagelijks honderden scholieren een omweg van bijna vijf kilometer.

De bouw begint naar verwachting in het voorjaar van 2025 en moet anderhalf jaar duren. De provincie betaalt een derde van de kosten.

Kritiek uit de oppositie

De oppositie vindt dat het geld beter besteed kan worden aan het onderhoud van bestaande wegen en vroeg om een nieuwe doorrekening van de kosten.
"""

GERMAN_PAGE = """\
Zum Inhalt springen
Menü
Rheinbote
Stadtrat streitet über neue Brücke | Rheinbote
Veröffentlicht am 3. März 2024
Von Lena Haberkorn

Der Stadtrat von Altkirchen hat am Dienstagabend mehr als vier Stunden über den geplanten Neubau der Mühlenbrücke gestritten.

Die alte Brücke ist seit dem Winter für Lastwagen gesperrt, weil Gutachter Risse im Mauerwerk gefunden haben.

Bürgermeister Jonas Feldmann sagte, eine Entscheidung solle noch vor der Sommerpause fallen.

Teilen
Datenschutz
Impressum
© 2024 Rheinbote GmbH. Alle Rechte vorbehalten.
"""

RUSSIAN_PAGE = """\
Перейти к содержанию
Поиск
Опубликовано 5 марта 2024

В Заречном открыли новый мост через реку

В городе Заречный в пятницу открыли новый пешеходный мост через реку Светлую, строительство которого заняло почти два года.

По словам главы администрации Ивана Соколова, мост соединит жилой район с парком и школой.

Читайте также: Как в Заречном готовятся к весне
Поделиться
Все права защищены
"""

BYLINE_PAGE = """\
Tags: weather | coast | ferries
Gale Warning Issued for Northern Coast
Waves crash over the harbour wall at Gullhaven on Monday. (Photo: Pell Agency)
By Tess Marlowe  |  Tuesday, 4 June 2024 09:15 AM

Forecasters issued a gale warning for the northern coast on Tuesday, advising small boats to stay in port until the weekend.

Wind speeds are expected to reach 90 kilometres per hour on exposed headlands, the regional weather office said.

Copyright 2024 Coastal Wire Media, Inc.
2024-44-04
462
"""

AUTHOR_CARD_PAGE = """\
NIGHT TRAIN Border Guards Search Forest After Passenger Vanishes

Border guards searched a pine forest near the village of Ostrava Mala through the night after a passenger went missing from a sealed transit train.

The train's conductor noticed an open door as the train slowed on a curve about ten kilometres from the border.

Police later said the passenger, a 24-year-old man, had contacted relatives from a petrol station in the next town.

Officials declined to say whether he would be charged with crossing the border illegally.

Mira Holt

Mira Holt is a Senior Correspondent for The Coastal Wire. She has covered border regions since 2016.
"""

LEAD_FIRST_PAGE = """\
The mayor of Tollbridge resigned on Monday after a report found that she had ignored warnings about the state of the old dam.

Questions about the dam

The report, written by an independent engineer, said cracks had been visible for at least six years before the spillway failed.
"""


# --------------------------------------------------------------------------- #
# Whole pages
# --------------------------------------------------------------------------- #


def test_english_page_body_is_exactly_the_paragraphs() -> None:
    result = extract_text(ENGLISH_PAGE)
    assert result.text.split("\n\n") == ENGLISH_BODY


def test_english_page_metadata() -> None:
    result = extract_text(ENGLISH_PAGE)
    assert result.title == "Ferry Service Suspended After Storm Damages Pier at Gullhaven"
    assert result.outlet == "Harbour Ledger"
    assert result.published is None
    assert result.problems == []


def test_english_page_boilerplate_is_in_removed_lines() -> None:
    result = extract_text(ENGLISH_PAGE)
    for line in [
        "Skip to main content",
        "Breaking News",
        "Listen",
        "4 min read",
        "This audio is AI-generated",
        "Sign up for the Harbour Ledger morning newsletter",
        "Share",
        "© 2025 Harbour Ledger. All rights reserved.",
        "Do not sell or share my personal information",
        "HARBOURLEDGER.COM",
        "Back to top",
    ]:
        assert line in result.removed_lines
        assert line not in result.text.split("\n\n")


def test_dutch_date_header_with_lead_on_the_same_line() -> None:
    result = extract_text(DUTCH_PAGE)
    paragraphs = result.text.split("\n\n")
    assert result.published == "2024-05-14"
    assert result.published_raw == "2024-05-14"
    assert result.title is None  # the first line is the lead, not a headline
    assert paragraphs[0].startswith("De gemeenteraad van Zeewolde heeft gisteravond")
    assert "date 2024-05-14" not in result.text
    assert "Een brug van twaalf miljoen" in paragraphs  # section heading kept
    assert "Kritiek uit de oppositie" in paragraphs
    assert result.outlet is None


def test_german_page_title_suffix_outlet_date_and_footer() -> None:
    result = extract_text(GERMAN_PAGE)
    paragraphs = result.text.split("\n\n")
    assert result.title == "Stadtrat streitet über neue Brücke"
    assert result.outlet == "Rheinbote"
    assert result.published == "2024-03-03"
    assert paragraphs[0].startswith("Der Stadtrat von Altkirchen")
    assert paragraphs[-1].startswith("Bürgermeister Jonas Feldmann")
    assert len(paragraphs) == 3
    for gone in ["Teilen", "Datenschutz", "Impressum", "Von Lena Haberkorn", "Rheinbote"]:
        assert gone not in paragraphs


def test_russian_page() -> None:
    result = extract_text(RUSSIAN_PAGE)
    paragraphs = result.text.split("\n\n")
    assert result.title == "В Заречном открыли новый мост через реку"
    assert result.published == "2024-03-05"
    assert paragraphs[0].startswith("В городе Заречный в пятницу")
    assert len(paragraphs) == 2
    assert not any(p.startswith(("Читайте также", "Поделиться", "Все права")) for p in paragraphs)


def test_byline_date_caption_and_malformed_footer_date() -> None:
    result = extract_text(BYLINE_PAGE)
    paragraphs = result.text.split("\n\n")
    assert result.title == "Gale Warning Issued for Northern Coast"
    assert result.published == "2024-06-04"
    assert result.published_raw == "Tuesday, 4 June 2024 09:15 AM"
    assert result.outlet == "Coastal Wire Media"
    assert [p.code for p in result.problems] == ["malformed_date"]
    assert "2024-44-04" in result.problems[0].message
    assert len(paragraphs) == 2
    assert not any("Tess Marlowe" in p or "Photo:" in p for p in paragraphs)


def test_author_card_gives_outlet_and_is_not_body() -> None:
    result = extract_text(AUTHOR_CARD_PAGE)
    assert result.title == "Border Guards Search Forest After Passenger Vanishes"
    assert result.outlet == "The Coastal Wire"
    assert result.text.split("\n\n")[-1].startswith("Officials declined to say")
    assert "Mira Holt" not in result.text


def test_lead_first_page_has_no_title_and_keeps_heading_in_body() -> None:
    result = extract_text(LEAD_FIRST_PAGE)
    assert result.title is None
    assert result.text.split("\n\n")[1] == "Questions about the dam"


def test_brand_suffix_line_names_the_outlet_and_is_removed() -> None:
    page = (
        "Glasswater Gazette\n\n"
        "Dock Workers Vote To End Strike\n\n"
        "Dock workers at the port of Glasswater voted on Thursday to end a strike that had"
        " lasted nine days.\n\n"
        "Dock Workers Vote To End Strike - Glasswater Gazette\n"
    )
    result = extract_text(page)
    assert result.title == "Dock Workers Vote To End Strike"
    assert result.outlet == "Glasswater Gazette"
    assert result.text.startswith("Dock workers at the port")
    assert "Glasswater Gazette" not in result.text.split("\n\n")


def test_repeated_headline_is_preferred_over_an_earlier_long_line() -> None:
    page = (
        "Weekend Sports Round Up And Results\n"
        "Tram Line Extension Approved\n"
        "Tram Line Extension Approved\n"
        "The city approved an extension of the tram line to the new hospital on Wednesday.\n"
    )
    assert extract_text(page).title == "Tram Line Extension Approved"


def test_duplicate_paragraphs_are_dropped_but_first_kept() -> None:
    paragraph = "The bridge will close for repairs from Monday, the transport office said."
    page = f"Bridge Closes For Repairs\n\n{paragraph}\n{paragraph}\n\nTraffic will be diverted."
    result = extract_text(page)
    assert result.text.split("\n\n").count(paragraph) == 1
    assert paragraph in result.removed_lines


def test_story_sentences_about_cookies_or_privacy_are_kept() -> None:
    page = (
        "Bakery Wins Regional Prize\n\n"
        "A small bakery in Merrow won the regional prize for its oat cookies on Saturday.\n\n"
        "The owner said privacy for her customers mattered more than the publicity.\n"
    )
    result = extract_text(page)
    assert len(result.text.split("\n\n")) == 2


def test_date_in_body_is_not_published() -> None:
    page = (
        "Festival Returns To The Old Quay\n\n"
        "The festival, first held on 4 June 1998, returns to the old quay this summer after"
        " a break of five years.\n"
    )
    assert extract_text(page).published is None


# --------------------------------------------------------------------------- #
# Hints
# --------------------------------------------------------------------------- #


def test_hints_win_over_the_page() -> None:
    hints = {
        "title": "Ferry suspended at Gullhaven",
        "outlet": "Ledger Online",
        "published": "2025-01-02T06:00:00Z",
        "url": "https://ledger.example/ferry",
    }
    result = extract_text(ENGLISH_PAGE, hints)
    assert result.title == "Ferry suspended at Gullhaven"
    assert result.outlet == "Ledger Online"
    assert result.published == "2025-01-02"
    assert result.url == "https://ledger.example/ferry"
    assert result.text.split("\n\n") == ENGLISH_BODY


def test_invalid_published_hint_is_a_problem_not_a_date() -> None:
    result = extract_text(GERMAN_PAGE, {"published": "2024-13-45"})
    assert result.published == "2024-03-03"  # the page's own date
    assert [p.code for p in result.problems] == ["malformed_date"]
    assert "2024-13-45" in result.problems[0].message


LABELLED_PAGES = {
    "en": """\
Title: Ferry pier at Gullhaven to reopen in May
Published: 2025-03-18
Source: Harbour Ledger
Author: Orla Penwith
URL: https://ledger.example/pier

The pier at Gullhaven will reopen in May after engineers replaced three of its supporting piles, the council said on Tuesday.

Source: the council's repair schedule lists the work as finished by the end of April.
""",
    "de": """\
Titel: Neue Fähre für Merrow ab Mai
Veröffentlicht: 18.03.2025
Quelle: Emsufer Zeitung
Autor: Jonas Reinholt

Die Fähre nach Merrow soll ab Mai wieder zweimal am Tag fahren, teilte der Hafenmeister am Dienstag mit.
""",
    "ru": """\
Заголовок: Паром до Мерроу возобновит рейсы в мае
Опубликовано: 18 марта 2025
Источник: Вечерний вестник

Паром до острова Мерроу возобновит рейсы в мае, сообщил во вторник начальник порта.
""",
}


@pytest.mark.parametrize(
    ("language", "title", "outlet"),
    [
        ("en", "Ferry pier at Gullhaven to reopen in May", "Harbour Ledger"),
        ("de", "Neue Fähre für Merrow ab Mai", "Emsufer Zeitung"),
        ("ru", "Паром до Мерроу возобновит рейсы в мае", "Вечерний вестник"),
    ],
)
def test_labelled_header_gives_title_and_outlet_and_is_not_text(
    language: str, title: str, outlet: str
) -> None:
    result = extract_text(LABELLED_PAGES[language])
    assert result.title == title
    assert result.outlet == outlet
    assert result.published == "2025-03-18"
    assert ":" not in result.text.split("\n\n")[0]
    assert title not in result.text


def test_labelled_header_author_and_url_and_a_later_label_is_text() -> None:
    result = extract_text(LABELLED_PAGES["en"])
    assert result.author == "Orla Penwith"
    assert result.url == "https://ledger.example/pier"
    assert result.text.split("\n\n") == [
        line for line in LABELLED_PAGES["en"].splitlines()[6:] if line
    ]


def test_hints_win_over_a_labelled_header_and_the_header_over_defaults() -> None:
    given = extract_text(LABELLED_PAGES["de"], {"title": "Fähre fährt wieder", "outlet": "EZ"})
    assert (given.title, given.outlet) == ("Fähre fährt wieder", "EZ")
    defaults = {"title": "Fähre", "outlet": "EZ", FALLBACK_HINTS: "1"}
    fallback = extract_text(LABELLED_PAGES["de"], defaults)
    assert (fallback.title, fallback.outlet) == ("Neue Fähre für Merrow ab Mai", "Emsufer Zeitung")


# --------------------------------------------------------------------------- #
# Rules
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    "line",
    [
        "Skip to footer",
        "Accessibility links",
        "TOP",
        "Top",
        "5 min",
        "3 min read",
        "Leestijd 4 minuten",
        "Listen",
        "XS",
        "XS SM MD LG",
        "  • 4x3 Image",
        "462",
        "editor@harbourledger.example",
        "https://harbourledger.example/news",
        "HARBOURLEDGER.COM",
        "Tags: ferries | storms",
        "Sign up for our daily newsletter",
        "Meld je aan voor de nieuwsbrief",
        "Jetzt abonnieren",
        "Подпишитесь на рассылку",
        "Privacy: your address stays with us.",
        "Read and post comments",
        "Download the Harbour Ledger App",
        "Follow us on social media",
        "For the full timetable, click here.",
        "Do not sell or share my personal information",
        "© 2025 Harbour Ledger. All rights reserved.",
        "Alle Rechte vorbehalten",
        "Все права защищены",
        "Lees ook: Nieuwe fietsbrug geopend",
        "Читайте также: Как прошла зима",
        "Advertisement",
        "Share",
        "We use cookies to improve your experience",
        "storms, ferries, harbour, weather",
        "► Related: Ferry crew rescued off the north pier",
        "RELATED STORY: Storm closes harbour road",
        "[RELATED: Pier reopens after repairs]",
        "PREVIOUS COVERAGE: Storm damages pier",
        "Read or Share this story: http://hbr.example/2xYz",
        "CLOSE Skip in Skip x Embed x Share Crews worked through the night to reopen the"
        " pier after Tuesday's storm, the harbour master said. | 1:12 Ferry back in service",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert boilerplate_rule(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Thousands rushed to sign up for the army after the speech.",
        "The republic must join the international community, the minister said.",
        "She baked cookies for the soldiers on the front.",
        "What happens next",
        "Ferry Service Suspended After Storm Damages Pier",
        "De gemeenteraad stemde in met de nieuwe brug.",
        "Der Stadtrat hat am Dienstag abgestimmt.",
        "Мост открыли в пятницу.",
        "Top officials met in the harbour office on Monday.",
        "Related charges: the skipper faces two counts of negligence over the collision.",
    ],
)
def test_content_lines_are_not_boilerplate(line: str) -> None:
    assert boilerplate_rule(line) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("HIGH WATER Harbour Pilot Escapes Sinking Tug", "Harbour Pilot Escapes Sinking Tug"),
        ("EXCLUSIVE: Mayor Plans To Sell Old Pier", "Mayor Plans To Sell Old Pier"),
        ("NATO Ministers Meet In Riga", "NATO Ministers Meet In Riga"),
        ("Harbour Pilot Escapes Sinking Tug", "Harbour Pilot Escapes Sinking Tug"),
    ],
)
def test_strip_kicker(title: str, expected: str) -> None:
    assert strip_kicker(title) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("© 2026 Harbour Ledger. All rights reserved.", "Harbour Ledger"),
        ("© Rheinbote GmbH", "Rheinbote"),
        ("Copyright 2019-2024 Glasswater Gazette", "Glasswater Gazette"),
        ("© Heidebote 2025 – Alle Rechte vorbehalten", "Heidebote"),
        ("© Kustkrant 2019-2024 | Alle rechten voorbehouden.", "Kustkrant"),
        ("© 2025 «Северный курьер». Все права защищены.", "Северный курьер"),
        ("© 2019–2026 Сормово-инфо. Все права защищены. 16+", "Сормово-инфо"),
        ("© 2026 La Voix du Quai SA. Tous droits réservés.", "La Voix du Quai"),
        ("©", None),
        ("© 2024", None),
    ],
)
def test_copyright_holder(line: str, expected: str | None) -> None:
    assert copyright_holder(line) == expected


def test_explain_lines_names_the_rule_for_each_drop() -> None:
    reasons = dict(explain_lines(ENGLISH_PAGE))
    assert reasons["Skip to main content"] == "navigation"
    assert reasons["Listen"] == "audio_or_reading_time"
    assert reasons["Ferry Service Suspended After Storm Damages Pier at Gullhaven"] == "title"
    assert reasons["What happens next"] == "keep"


def test_empty_and_all_boilerplate_pages() -> None:
    for page in ["", "\n\n  \n", "Skip to main content\nShare\n© 2024 Nobody\nTop"]:
        result = extract_text(page)
        assert result.text == ""
        assert [p.code for p in result.problems] == ["no_text"]


# --------------------------------------------------------------------------- #
# Properties
# --------------------------------------------------------------------------- #

_WORDS = st.sampled_from([
    "the", "a", "of", "ferry", "harbour", "said", "on", "Monday", "council", "de", "het",
    "brug", "der", "die", "Brücke", "и", "мост", "в", "Share", "Listen", "Top", "©", "2024",
    "By", "|", "5", "min", "Published:", "3", "March", "date", "2021-48-17", ".", ",", "?",
    "-", "Skip", "to", "main", "content", "Gullhaven", "Rheinbote",
])  # fmt: skip
_LINES = st.lists(_WORDS, max_size=30).map(" ".join)
_PAGES = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_LINES, st.just("")), max_size=25).map("\n".join),
)


def _input_lines(content: str) -> list[str]:
    return content.splitlines()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGES)
def test_extract_text_never_raises_and_paragraphs_come_from_input_lines(content: str) -> None:
    result = extract_text(content)
    lines = _input_lines(content)
    if not result.text:
        return
    for paragraph in result.text.split("\n\n"):
        assert paragraph
        assert paragraph == paragraph.strip()
        # A paragraph is an input line, or the tail of one after a date header.
        assert any(line.strip() == paragraph or line.rstrip().endswith(paragraph) for line in lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGES)
def test_published_is_valid_or_none(content: str) -> None:
    from datetime import date

    result = extract_text(content)
    if result.published is not None:
        assert date.fromisoformat(result.published).isoformat() == result.published
        assert result.published_raw


PLAYLIST_PAGE = """\
Crews rescue hikers stranded on Tallow Ridge

Two hikers stranded overnight on Tallow Ridge were lifted to safety by a county helicopter on Sunday morning, rescuers said.

0:45 Ridge rescue crews train with new winch Pause
1:27 Two hurt after bus slides off Quarry Road
0:35 Three charged in Ember Lake burglary
2:25 Council explains new parking rules

Both hikers were treated for mild hypothermia and released, a county spokeswoman said.
"""

LIVE_BLOG_PAGE = """\
Harbour strike: live updates

Dock workers in Gullhaven walked out on Monday over a pay offer the port authority called final.

09:10 Pickets gather at the north gate
09:45 Port authority asks for talks
10:30 First ferries cancelled

The union said the strike would last until Wednesday unless a new offer was made.
"""


def test_video_playlist_lines_are_dropped_wherever_they_stand() -> None:
    lines = dict(explain_lines(PLAYLIST_PAGE))
    assert lines["1:27 Two hurt after bus slides off Quarry Road"] == "video_playlist"
    assert lines["0:45 Ridge rescue crews train with new winch Pause"] == "video_playlist"
    body = extract_text(PLAYLIST_PAGE).text
    assert "Quarry Road" not in body and "Ember Lake" not in body
    assert body.endswith("released, a county spokeswoman said.")


def test_timed_live_blog_entries_in_order_are_not_a_playlist() -> None:
    lines = dict(explain_lines(LIVE_BLOG_PAGE))
    assert lines["09:45 Port authority asks for talks"] != "video_playlist"
    assert "First ferries cancelled" in extract_text(LIVE_BLOG_PAGE).text


MASTHEAD_PAGE = """Skip to content
Quayside Courier
Home | World | Business | Sport | Culture | Opinion
Sign in | Subscribe

WORLD | EUROPE

Lighthouse keeper rescues four kayakers off the northern cape

By Mara Olsson
12 May 2025 · 08:40

Share: Facebook | X | Email | Copy link

A lighthouse keeper pulled four kayakers from the water on Sunday after their boats capsized in a sudden squall off the northern cape.

The four, all from the same rowing club, had set out in calm weather and were about two kilometres from the shore when the wind rose.
"""

MENU_BY_SPACES_PAGE = """Naar inhoud springen
Kustbode
Binnenland   Buitenland   Economie   Sport   Reizen
Zoeken | Inloggen

Vuurtorenwachter redt vier kajakkers voor de noordkaap

maandag 12 mei 2025, 08:40

Een vuurtorenwachter heeft zondag vier kajakkers uit het water gehaald nadat hun boten in een plotselinge bui waren omgeslagen.

De vier, allemaal lid van dezelfde roeivereniging, waren bij kalm weer vertrokken en zaten ongeveer twee kilometer uit de kust toen de wind opstak.
"""


@pytest.mark.parametrize("page", [MASTHEAD_PAGE, MENU_BY_SPACES_PAGE])
def test_the_masthead_above_the_menus_is_the_outlet_not_the_title(page: str) -> None:
    result = extract_text(page)
    assert result.title is not None and "kayakers" in result.title.replace("kajakkers", "kayakers")
    assert result.outlet in ("Quayside Courier", "Kustbode")
    for furniture in ("Subscribe", "Inloggen", "Buitenland", "Copy link", "Quayside Courier"):
        assert furniture not in result.text


@pytest.mark.parametrize(
    "line",
    [
        "Home | World | Business | Sport | Culture | Opinion",
        "Binnenland   Buitenland   Economie   Sport   Reizen",
        "Главная   Новости   Происшествия   Транспорт",
        "Partager : Facebook | X | WhatsApp | E-mail | Imprimer",
        "Facebook | X | LinkedIn | Email",
        "Se connecter | Rechercher",
        "Sign in | Subscribe",
    ],
)
def test_menus_and_account_bars_are_boilerplate(line: str) -> None:
    assert boilerplate_rule(line) == "menu"


@pytest.mark.parametrize(
    "line",
    [
        "Paris | Berlin: ministers meet over the new rail link",
        "WORLD | EUROPE",
        "Four arrested over Antwerp jewellery heist",
    ],
)
def test_short_headlines_and_kickers_are_no_menu(line: str) -> None:
    assert boilerplate_rule(line) != "menu"


def test_a_second_stamp_after_the_publication_date_is_not_text() -> None:
    # a standfirst above the byline starts the body there, so the stamp is inside it
    page = MASTHEAD_PAGE.replace(
        "By Mara Olsson",
        "The four were treated for cold at the scene and are recovering at home.\n\nBy Mara Olsson",
    ).replace("12 May 2025 · 08:40", "Published: 12 May 2025 08:40 · Updated: 12 May 2025 10:15")
    result = extract_text(page)
    assert result.published == "2025-05-12"
    assert "Updated" not in result.text


def test_a_wire_dateline_dates_a_page_that_states_no_date_otherwise() -> None:
    page = MASTHEAD_PAGE.replace("12 May 2025 · 08:40\n", "").replace(
        "A lighthouse keeper", "NORDKAPP, Norway, May 12, 2025 (NPA) — A lighthouse keeper"
    )
    assert extract_text(page).published == "2025-05-12"
    unlabelled = page.replace("NORDKAPP, Norway, May 12, 2025 (NPA) — ", "On May 12, 2025, ")
    assert extract_text(unlabelled).published is None


@pytest.mark.parametrize(
    "line",
    [
        "Support Quayside Courier: independent news for €4.99 a month.",
        "Vous aimez nos articles ? Abonnez-vous dès 1 € par semaine.",
        "Anmelden | Abo ab 4,99 € im Monat",
        "Reageren is alleen mogelijk voor abonnees. Log in of neem een abonnement.",
        "Чтобы оставить комментарий, войдите через ВКонтакте или Telegram.",
        "Комментарии (96)",
        "Sign in or create your account to join the discussion.",
        "Most read",
        "Das könnte Sie auch interessieren",
        "Mehr aus dem Ressort",
        "Vous aimerez aussi",
        "Kommentare (12)   Kommentar schreiben",
        "Kommentare (3) – Die Kommentarfunktion ist für diesen Artikel geschlossen.",
        "Bitte beachten Sie unsere Netiquette.",
    ],
)
def test_subscription_and_comment_prompts_are_boilerplate(line: str) -> None:
    assert boilerplate_rule(line) in ("subscription", "comments", "ui_token", "read_more")


@pytest.mark.parametrize(
    "line",
    [
        "The fare rises to €4.99 a month for the 30,000 commuters on the line.",
        "Die Gebühr steigt auf 4,99 € im Monat, sagte der Sprecher am Dienstag vor Journalisten.",
    ],
)
def test_a_story_sentence_with_a_monthly_price_is_no_prompt(line: str) -> None:
    assert boilerplate_rule(line) is None


def test_bulleted_links_under_a_read_more_heading_are_not_text() -> None:
    page = MASTHEAD_PAGE + (
        "\nRead more:\n"
        "- Harbour police seize record 8 tonnes of cocaine\n"
        "- Ferry passenger numbers hit 26 million\n"
        "The club said all four would be back on the water within a week, weather allowing.\n"
    )
    result = extract_text(page)
    assert "8 tonnes" not in result.text and "26 million" not in result.text
    assert "back on the water within a week" in result.text


def test_an_all_caps_kicker_above_the_headline_is_not_the_title() -> None:
    page = MASTHEAD_PAGE.replace("WORLD | EUROPE", "STORMS ON THE NORTHERN CAPE")
    assert (
        extract_text(page).title == "Lighthouse keeper rescues four kayakers off the northern cape"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Start | Lokales | Politik | Wirtschaft | Sport | Kultur | Wetter | Verkehr | Abo | Jobs"
        " | Podcast",
        "Markets | Policy | Shipping | Ports | Jobs | Events | Subscribe to Harbour Weekly Pro",
        "Accueil > Régions > Bretagne",
        "Vous êtes ici : Accueil > Faits divers",
        "[Inloggen]   [Abonneer]   [Krant]",
        "[ Anmelden ]  [ E-Paper ]  [ Abo ]",
        "Partager : Facebook - X - Courriel - Copier le lien",
    ],
)
def test_long_section_menus_breadcrumbs_and_bracketed_links_are_menus(line: str) -> None:
    assert boilerplate_rule(line) == "menu"


@pytest.mark.parametrize(
    "line",
    [
        "Paris > Berlin: the new rail link cuts the trip to under four hours",
        "Storm Fenna - two dead as winds batter the coast",
        "The score was 3 - 1 - 0 after extra time.",
    ],
)
def test_headlines_with_separators_are_no_menu(line: str) -> None:
    assert boilerplate_rule(line) != "menu"


@pytest.mark.parametrize(
    "line",
    [
        "You have 3 free articles left this month. Subscribe for unlimited access.",
        "Il vous reste 2 articles gratuits ce mois-ci.",
        "Jetzt 4 Wochen für 1 € testen – danach 9,90 € monatlich",
        "[ Anmelden ]  [ Plus testen – 4 Wochen gratis ]",
        "We care about your privacy. We and our 312 partners use cookies and similar "
        "technologies to store and access information on your device, to measure audiences "
        "and to show you personalised content and ads. Accept / Reject / Settings",
        "Wij en onze partners gebruiken cookies om de site te laten werken, het gebruik te "
        "meten en je gepersonaliseerde advertenties te tonen.",
        "Nous et nos partenaires utilisons des cookies pour mesurer l'audience du site.",
        "Diese Seite verwendet Cookies. [Akzeptieren] [Ablehnen]",
        "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies "
        "destinés à mesurer l'audience et à vous proposer des publicités ciblées. Paramétrer",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle "
        "publicidad. Si continúa navegando, consideramos que acepta su uso. Más información",
        "Wenn Sie weiter surfen, stimmen Sie der Verwendung von Cookies zu. Mehr erfahren",
        "Home | News | UK | World | Europe | Business | Sport | Culture | Opinion | Podcasts "
        "| Sign in",
    ],
)
def test_paywall_counters_trial_offers_and_cookie_banners_are_boilerplate(line: str) -> None:
    assert boilerplate_rule(line) in ("subscription", "cookie_banner", "cookies_privacy", "menu")


@pytest.mark.parametrize(
    "line",
    [
        "Regulators said on Tuesday that the retailer's site used cookies to follow readers "
        "across other websites without their consent, and fined its owner €2 million.",
        "Le régulateur estime que la plupart des sites n'expliquent pas clairement ce qu'ils "
        "font des cookies que les internautes acceptent.",
    ],
)
def test_a_story_sentence_about_a_site_using_cookies_is_kept(line: str) -> None:
    assert boilerplate_rule(line) is None


def test_a_cookie_banner_above_the_story_does_not_hide_its_headline() -> None:
    banner = (
        "We care about your privacy. We and our partners use cookies to measure audiences and "
        "to show you personalised content. Accept / Reject / Settings\n"
        "You have 3 free articles left this month. Subscribe for unlimited access.\n"
        "You are here: Home > World > Europe\n"
    )
    page = MASTHEAD_PAGE.replace("Sign in | Subscribe\n", "Sign in | Subscribe\n" + banner)
    result = extract_text(page)
    assert result.title == "Lighthouse keeper rescues four kayakers off the northern cape"
    assert result.outlet == "Quayside Courier"
    for furniture in ("privacy", "free articles", "You are here"):
        assert furniture not in result.text

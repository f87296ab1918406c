"""Tests for HTML extraction and the extraction benchmark's metric.

Fixtures are invented pages (the outlet "Harbour Ledger" does not exist), written
to carry the boilerplate real news pages have: navigation, cookie banner, share
buttons, footer.
"""

from __future__ import annotations

import pytest

from corroborate.bench import BenchOptions, default_shared_dir
from corroborate.bench.extraction import (
    aggregate,
    exact_match,
    precision_score,
    recall_score,
    run,
    shingle_matching,
    shingles,
    tokenize,
)
from corroborate.extract.html import extract_html, validate_date
from corroborate.model import FALLBACK_HINTS, Extraction

PARAGRAPHS = [
    "The harbour authority of Port Kestrel approved a new breakwater on Tuesday, "
    "ending a dispute with local fishing cooperatives that had lasted three years.",
    "Under the agreement, construction will begin in the spring and the fishing "
    "fleet will keep access to the northern quay for the whole building period.",
    "Councillor Mara Ellison said the compromise protected both the fishermen and the "
    "town's ferry service, which has been disrupted by winter storms since 2019.",
    "The cooperative's chair, Tobias Renn, called the vote a fair outcome but warned "
    "that the cost estimate of 41 million euros could still rise before the tender.",
]


def article_page(published_meta: str = "2023-03-14T09:30:00+01:00") -> str:
    body = "\n".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Breakwater deal ends harbour dispute | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger">
<meta property="og:title" content="Breakwater deal ends harbour dispute">
<meta property="og:url" content="https://harbour-ledger.example/news/breakwater-deal">
<meta property="article:published_time" content="{published_meta}">
<meta name="author" content="Ines Calloway">
</head><body>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience.
 <button>Accept all cookies</button></div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
<h1>Breakwater deal ends harbour dispute</h1>
<p class="byline">By Ines Calloway</p>
{body}
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
 <a href="#">Email this article</a></div>
</article></main>
<footer><p>Copyright 2023 Harbour Ledger Media. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/imprint">Imprint</a></footer>
</body></html>"""


# ----------------------------------------------------------------- extract_html


def test_article_body_and_metadata() -> None:
    result = extract_html(article_page())
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    for boilerplate in ("Accept all cookies", "Share on Facebook", "Privacy policy", "Weather"):
        assert boilerplate not in result.text
    assert result.title == "Breakwater deal ends harbour dispute"
    assert result.outlet == "Harbour Ledger"
    assert result.author == "Ines Calloway"
    assert result.url == "https://harbour-ledger.example/news/breakwater-deal"
    assert result.published == "2023-03-14"
    assert result.problems == []


def test_paragraphs_are_separated_by_blank_lines() -> None:
    result = extract_html(article_page())
    assert f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" in result.text


def test_hints_win_over_the_page() -> None:
    hints = {
        "title": "Container title",
        "outlet": "Wire Service",
        "published": "2023-03-13",
        "url": "https://wire.example/a/1",
    }
    result = extract_html(article_page(), hints)
    assert (result.title, result.outlet, result.url) == (
        "Container title",
        "Wire Service",
        "https://wire.example/a/1",
    )
    assert (result.published, result.published_raw) == ("2023-03-13", "2023-03-13")


def test_malformed_meta_date_is_reported_not_repaired() -> None:
    result = extract_html(article_page(published_meta="2022-56-23"))
    assert result.published is None
    assert result.published_raw == "2022-56-23"
    assert [p.code for p in result.problems] == ["malformed_date"]
    assert PARAGRAPHS[0] in result.text


def test_a_page_with_broken_metadata_is_dated_by_its_byline() -> None:
    page = article_page(published_meta="2026-02-31T25:61:00Z").replace(
        '<p class="byline">By Ines Calloway</p>',
        '<p class="byline">By Ines Calloway | Feb. 18, 2026 · 7:05 a.m. CET | Harbour</p>',
    )
    result = extract_html(page)
    assert result.published == "2026-02-18"
    assert [p.code for p in result.problems] == ["malformed_date"]


def test_a_page_with_broken_metadata_is_dated_by_a_wire_dateline() -> None:
    page = article_page(published_meta="2023-02-30T08:00:00Z").replace(
        f"<p>{PARAGRAPHS[0]}</p>", f"<p>HARWICH, England, March 3, 2023 (HPA) — {PARAGRAPHS[0]}</p>"
    )
    assert extract_html(page).published == "2023-03-03"


def test_a_site_name_that_is_only_the_headline_gives_way_to_the_titles_brand() -> None:
    page = article_page().replace(
        '<meta property="og:site_name" content="Harbour Ledger">',
        '<meta property="og:site_name" content="Breakwater deal ends harbour dispute">',
    )
    assert extract_html(page).outlet == "Harbour Ledger"


def test_a_site_names_tagline_is_no_part_of_the_outlet() -> None:
    tagged = "Harbour Ledger - News and weather from the north quay"
    page = article_page().replace('content="Harbour Ledger">', f'content="{tagged}">')
    assert extract_html(page).outlet == "Harbour Ledger"
    short = article_page().replace('content="Harbour Ledger">', 'content="Harbour Ledger - News">')
    assert extract_html(short).outlet == "Harbour Ledger - News"


def test_a_site_name_that_is_an_address_gives_way_to_the_titles_brand() -> None:
    # "article:publisher" holds the outlet's page on a social network
    page = article_page().replace(
        '<meta property="og:site_name" content="Harbour Ledger">',
        '<meta property="article:publisher" content="https://www.facebook.com/harbourledger">',
    )
    assert extract_html(page).outlet == "Harbour Ledger"


@pytest.mark.parametrize(
    "stamp",
    [
        "Par Julien Ferrandi, avec AFP · Publié le mercredi 11 mars 2026 à 08h05",
        "Mittwoch, 25. März 2026, 06:45 Uhr · Von Jens Hartung",
        "· Updated 2 hours ago",
        "Von Jan-Hendrik Claußen",
    ],
)
def test_bylines_and_stamps_are_not_body_text(stamp: str) -> None:
    page = article_page().replace(
        '<p class="byline">By Ines Calloway</p>', f'<p class="signature">{stamp}</p>'
    )
    result = extract_html(page)
    assert stamp.strip("· ") not in result.text
    assert PARAGRAPHS[0] in result.text


def test_malformed_hint_date_falls_back_to_the_page() -> None:
    result = extract_html(article_page(), {"published": "2023-02-30"})
    assert result.published == "2023-03-14"
    assert [p.code for p in result.problems] == ["malformed_date"]


def test_script_never_reaches_text_or_title() -> None:
    page = (
        "<html><head><title><script>alert(1)</script>Quay reopens</title></head><body>"
        "<article><script>alert(1)</script>"
        + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
        + "<script>document.write('x')</script></article></body></html>"
    )
    result = extract_html(page)
    assert PARAGRAPHS[2] in result.text
    assert "alert" not in result.text and "document.write" not in result.text
    assert result.title == "Quay reopens"


def test_truncated_html_does_not_raise() -> None:
    truncated = article_page()[:1800]
    result = extract_html(truncated)
    assert isinstance(result, Extraction)
    assert "Port Kestrel" in result.text or result.problems


@pytest.mark.parametrize(
    "content",
    [
        "<html><body><div><p>Half a tag <b",
        "<<<>>>&&&;;</p></div></td>",
        "\x00\x01\x02 binary junk \xff\xfe",
        "<html><body>" + "<div>" * 10_000 + "<p>deep</p>",
    ],
    ids=["unclosed", "garbage", "control-chars", "unclosed-deep"],
)
def test_broken_html_returns_an_extraction(content: str) -> None:
    result = extract_html(content)
    assert isinstance(result, Extraction)
    if not result.text:
        assert result.problems, "an empty result must say why"


def test_ten_thousand_levels_of_nesting() -> None:
    depth = 10_000
    page = (
        "<html><body>"
        + "<div>" * depth
        + f"<p>{PARAGRAPHS[0]}</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    result = extract_html(page)
    assert isinstance(result, Extraction)
    assert result.text or result.problems


@pytest.mark.parametrize("content", ["", "   \n\t "])
def test_empty_document(content: str) -> None:
    result = extract_html(content)
    assert result.text == ""
    assert [p.code for p in result.problems] == ["empty_document"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-05-23", "2022-05-23"),
        ("2022-05-23T23:59:00-05:00", "2022-05-23"),
        ("Mon, 23 May 2022 10:00:00 GMT", "2022-05-23"),
        ("2022-56-23", None),
        ("2023-02-29", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_validate_date(raw: str, expected: str | None) -> None:
    assert validate_date(raw) == expected


# ----------------------------------------------------------------- benchmark metric


def test_tokenize_and_short_shingles() -> None:
    assert tokenize("Don't stop, 2x!") == ["Don", "t", "stop", "2x"]
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("") == {}


def test_shingle_matching_by_hand() -> None:
    # truth: a b c d e  -> shingles abcd, bcde
    # pred:  a b c d x y -> shingles abcd, bcdx, cdxy
    # tp = 1 (abcd), fp = 2, fn = 1; normalised by 4.
    tp, fp, fn = shingle_matching("a b c d e", "a b c d x y")
    assert (tp, fp, fn) == (0.25, 0.5, 0.25)
    assert precision_score(tp, fp, fn) == pytest.approx(1 / 3)
    assert recall_score(tp, fp, fn) == pytest.approx(1 / 2)


def test_aggregate_skips_empty_prediction_in_precision() -> None:
    perfect = shingle_matching("a b c d e", "a b c d e")  # (1, 0, 0)
    empty = shingle_matching("a b c d e", "")  # (0, 0, 1): no precision, recall 0
    half = shingle_matching("a b c d e", "a b c d x y")  # P 1/3, R 1/2
    precision, recall, f1 = aggregate([perfect, empty, half])
    assert precision == pytest.approx((1 + 1 / 3) / 2)  # empty prediction left out
    assert recall == pytest.approx((1 + 0 + 1 / 2) / 3)
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_both_empty_is_perfect_and_accuracy_is_token_equality() -> None:
    assert shingle_matching("", "") == (0.0, 0.0, 0.0)
    assert precision_score(0.0, 0.0, 0.0) == 1.0
    assert exact_match("Hello, world", "hello world") == 0.0
    assert exact_match("Hello, world!", "Hello\nworld") == 1.0


# ----------------------------------------------------------------- benchmark run


def test_benchmark_run_returns_tables() -> None:
    options = BenchOptions(limit=3)
    if not (options.shared / "bench-data").is_dir():
        pytest.skip(f"benchmark data not found under {default_shared_dir()}/bench-data")
    tables = run(options)
    assert tables
    for table in tables:
        assert table.rows and table.notes
        assert all(len(row) == len(table.columns) for row in table.rows)


def test_copyright_year_is_not_turned_into_a_publication_day() -> None:
    """htmldate pads a lone copyright year to January 1st; that is a guess we refuse."""
    paragraph = (
        "<p>The ferry operator confirmed that the evening crossing will resume next week "
        "after the damaged ramp has been replaced and inspected by the port engineers.</p>"
    )
    page = (
        "<html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1>"
        + paragraph * 4
        + "</article><footer><p>© 2024 Invented Tidings. All rights reserved.</p></footer>"
        "</body></html>"
    )
    extraction = extract_html(page)
    assert "evening crossing" in extraction.text
    assert extraction.published is None


def test_hints_marked_as_defaults_yield_to_the_pages_own_metadata() -> None:
    page = (
        "<html><head><title>Harbour crane collapses in storm</title>"
        '<meta property="og:site_name" content="Quayside Courier">'
        '<meta property="article:published_time" content="2024-03-02"></head>'
        "<body><article><h1>Harbour crane collapses in storm</h1>"
        + "<p>The crane at berth four folded in gusts of 120 km/h on Saturday night.</p>" * 6
        + "</article></body></html>"
    )
    feed = {"title": "Crane down", "outlet": "Regional News Digest", "published": "2024-03-05"}
    as_default = extract_html(page, {**feed, FALLBACK_HINTS: "1"})
    assert (as_default.title, as_default.outlet, as_default.published) == (
        "Harbour crane collapses in storm",
        "Quayside Courier",
        "2024-03-02",
    )
    from_container = extract_html(page, feed)
    assert (from_container.title, from_container.outlet, from_container.published) == (
        "Crane down",
        "Regional News Digest",
        "2024-03-05",
    )


def test_a_page_without_date_metadata_is_dated_by_its_published_label_not_a_teaser() -> None:
    # htmldate's extensive search reads the teasers' numeric dates, not the French label
    page = (
        article_page()
        .replace('<meta property="article:published_time" content="2023-03-14T09:30:00+01:00">', "")
        .replace(
            '<p class="byline">By Ines Calloway</p>',
            '<p class="byline">By Ines Calloway</p>'
            '<span class="date">Publié le mardi 11 août 2026 à 10h12</span>',
        )
        .replace(
            "</article></main>",
            '</article><aside><ul><li><a href="/n/1">Ferry strike ends</a> (06/08/2026)</li>'
            '<li><a href="/n/2">Quay works delayed</a> (05/08/2026)</li></ul></aside></main>',
        )
    )
    assert extract_html(page).published == "2026-08-11"
    # a page whose metadata declares its day keeps it
    declared = page.replace(
        '<meta name="author"',
        '<meta property="article:published_time" content="2026-08-10T22:00:00+00:00">\n'
        '<meta name="author"',
    )
    assert extract_html(declared).published == "2026-08-10"

"""The HTML report: offline, escaped, complete, clickable and deterministic.

The run results here are built by hand, with hostile titles and bodies, so each
property is checked on known data; one test renders the real demo corpus.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import html
import json
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from corroborate.model import (
    Article,
    Claim,
    Entity,
    Fact,
    Mention,
    Place,
    RunResult,
    Skipped,
    Story,
    TimelineEntry,
)
from corroborate.render import ISLAND_ID, render_report, write_report

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

TEXTS = {
    "a1": (
        f"Train derails {IMG} near Marleveen.\n\n"
        "\U0001f686 A freight train came off the tracks on Tuesday, injuring 14 people.\n\n"
        "The line was inspected in March."
    ),
    "a2": (
        "Goederentrein ontspoord bij Marleveen.\n\n"
        "Een goederentrein ontspoorde dinsdag; er raakten 17 mensen gewond.\n\n"
        f"Het spoor werd in maart gecontroleerd. {SCRIPT}"
    ),
    "a4": "Güterzug entgleist.\n\nDer Schaden liegt bei acht Millionen Euro, sagt Jürgen Halbach.",
}


def _article(article_id: str, **fields: Any) -> Article:
    return Article(id=article_id, source=f"in/{article_id}.html", content_hash=article_id, **fields)


def _claim(article: str, needle: str, **attributes: object) -> Claim:
    start = TEXTS[article].index(needle)
    return Claim(article, start, start + len(needle), needle, dict(attributes))


def _mention(article: str, needle: str) -> Mention:
    start = TEXTS[article].index(needle)
    return Mention(article, start, start + len(needle))


def hostile_result() -> RunResult:
    """Two languages, hostile strings everywhere a scraper can put them, one duplicate."""
    articles = [
        _article(
            "a1",
            text=TEXTS["a1"],
            title=f"{SCRIPT} Train derails",
            outlet=f"Gazette {IMG}",
            language="en",
            published="2025-10-14",
            url="https://example.com/a1?x=1&y=<b>",
        ),
        _article(
            "a2",
            text=TEXTS["a2"],
            title="Goederentrein ontspoord",
            outlet='Dagblad "Noord" & Co',
            language="nl",
            published="2025-10-15",
        ),
        _article(
            "a3",
            text=TEXTS["a1"] + " (copy)",
            title=f"COPY {IMG}",
            outlet="Syndicate",
            language="en",
            published="2025-10-14",
            duplicate_of="a1",
        ),
        _article("a4", text=TEXTS["a4"], title="Güterzug entgleist", outlet=None, language="de"),
    ]
    facts = [
        Fact(
            "f1",
            "quantity",
            f"people injured {SCRIPT}",
            "conflicting",
            [
                _claim("a1", "14", value=14.0, unit=None, normalized={"value": 14.0, "unit": None}),
                _claim("a2", "17", value=17.0, unit=None, normalized={"value": 17.0, "unit": None}),
            ],
            f"14 vs 17: beyond rounding {IMG}",
        ),
        Fact(
            "f2",
            "date",
            "date: inspected in March",
            "agreed",
            [
                _claim("a1", "March", date="2026-03-01", precision="month"),
                _claim("a2", "maart", date="2026-03-01", precision="month"),
            ],
            "March vs maart",
        ),
        Fact(
            "f3",
            "event",
            "A freight train came off the tracks",
            "agreed",
            [
                _claim("a1", "A freight train came off the tracks on Tuesday, injuring 14 people."),
                _claim("a2", "Een goederentrein ontspoorde dinsdag; er raakten 17 mensen gewond."),
            ],
            "reported by 2 sources",
        ),
        Fact(
            "f4",
            "quantity",
            "money: damage",
            "single_source",
            [
                _claim(
                    "a4",
                    "acht Millionen Euro",
                    value=8e6,
                    unit="EUR",
                    normalized={"value": 8e6, "unit": "EUR"},
                )
            ],
            "only a4 says 8,000,000 EUR",
        ),
        Fact(
            "f5",
            "event",
            "Halbach spoke",
            "single_source",
            [_claim("a4", "Der Schaden liegt bei acht Millionen Euro, sagt Jürgen Halbach.")],
            "only a4 says",
        ),
    ]
    entities = [
        Entity(
            "e1",
            "place",
            "Marleveen",
            ["Marleveen"],
            [_mention("a1", "Marleveen"), _mention("a2", "Marleveen")],
            Place("Marleveen", "NL", 52.4, 6.9, 1),
        ),
        Entity(
            "e2",
            "person",
            f"Jürgen {SCRIPT}",
            ["Jürgen Halbach", IMG],
            [_mention("a4", "Jürgen Halbach")],
        ),
        Entity(
            "e3",
            "place",
            "Hengelveld",
            [],
            [_mention("a1", "Train")],
            Place("Hengelveld", "NL", 52.2, 6.6, 2),
        ),
    ]
    event_a1 = _mention("a1", "A freight train came off the tracks on Tuesday, injuring 14 people.")
    timeline = [
        TimelineEntry(
            "2025-10-14",
            "day",
            "A freight train came off the tracks",
            [event_a1, _mention("a2", "Een goederentrein")],
        ),
        TimelineEntry(
            "2025-10-14", "day", f"Second thing that day {SCRIPT}", [_mention("a2", "17 mensen")]
        ),
        TimelineEntry(
            "2026-03-01",
            "month",
            "Track inspected",
            [_mention("a1", "The line was inspected in March.")],
        ),
        TimelineEntry(None, "after 2026-03-01", "Then something", [_mention("a2", "Het spoor")]),
        TimelineEntry(
            None, "day", "Yard reopened", [_mention("a4", "Halbach")], calendar="XXXX-06-17"
        ),
        TimelineEntry(None, "undated", "Halbach spoke", [_mention("a4", "sagt Jürgen Halbach")]),
    ]
    story = Story(
        "story-1",
        f"Freight train derails {SCRIPT}",
        ["a1", "a2", "a4"],
        ["story-2"],
        entities,
        facts,
        timeline,
    )
    other = Story("story-2", f"Other story {IMG}", ["a4"], ["story-1"])
    skipped = [Skipped("in/junk.bin", f"binary file {SCRIPT}")]
    return RunResult(articles, skipped, [story, other])


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    ancestors: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)


class Collector(HTMLParser):
    """Every start tag with its attributes and open ancestors, plus each element's raw text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[Node] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        entry = (tag, dict(attrs))
        self.nodes.append(Node(tag, dict(attrs), list(self.stack)))
        if tag not in {"meta", "br", "img", "input", "link"}:
            self.stack.append(entry)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)


def parse(document: str) -> Collector:
    parser = Collector()
    parser.feed(document)
    parser.close()
    assert not parser.stack, "elements left open"
    return parser


def island(document: str) -> dict[str, Any]:
    match = re.search(
        rf'<script type="application/json" id="{ISLAND_ID}">(.*?)</script>', document, re.S
    )
    assert match is not None
    raw = match.group(1)
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data: dict[str, Any] = json.loads(raw)
    return data


def spans(parser: Collector) -> set[tuple[int, int, int]]:
    return {
        (int(n.attrs["data-a"] or 0), int(n.attrs["data-s"] or 0), int(n.attrs["data-e"] or 0))
        for n in parser.nodes
        if "data-a" in n.attrs
    }


@pytest.fixture(scope="module")
def result() -> RunResult:
    return hostile_result()


@pytest.fixture(scope="module")
def document(result: RunResult) -> str:
    return render_report(result)


def test_document_is_complete_and_balanced(document: str) -> None:
    assert document.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert document.rstrip().endswith("</html>")
    parse(document)


def test_page_loads_nothing_from_the_network(document: str) -> None:
    parser = parse(document)
    for node in parser.nodes:
        assert node.tag not in {
            "img",
            "link",
            "iframe",
            "object",
            "embed",
            "video",
            "audio",
            "base",
        }
        for name, value in node.attrs.items():
            assert name not in {"src", "srcset", "xlink:href", "action", "poster", "background"}
            if name == "href":
                assert (value or "").startswith("#"), value
    assert not re.search(r"url\s*\(", document, re.I)
    assert not re.search(r"@import", document, re.I)
    csp = next(
        n.attrs["content"]
        for n in parser.nodes
        if n.attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and csp.startswith("default-src 'none';")


def test_csp_allows_exactly_our_style_and_script(document: str) -> None:
    """The hashes in the policy must match the inline blocks, or the browser drops them."""
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', document)
    assert csp is not None
    allowed = set(re.findall(r"'sha256-([^']+)'", html.unescape(csp.group(1))))
    style = re.search(r"<style>(.*?)</style>", document, re.S)
    script = re.search(r"<script>(.*?)</script>", document, re.S)
    assert style is not None and script is not None
    for block in (style.group(1), script.group(1)):
        assert base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() in allowed
    assert "'unsafe-inline'" not in csp.group(1)


def test_hostile_strings_only_escaped(document: str) -> None:
    assert SCRIPT not in document
    assert IMG not in document
    assert "onerror=" not in document.replace("onerror=alert", "")
    assert html.escape(SCRIPT) in document  # the title, the label, the skipped reason: as text
    assert html.escape(IMG) in document
    parser = parse(document)
    assert [n.tag for n in parser.nodes].count("script") == 2
    assert all(not name.startswith("on") for n in parser.nodes for name in n.attrs)
    assert parser.scripts[0].lstrip().startswith('{"articles"')


def test_every_story_fact_and_claim_is_shown(result: RunResult, document: str) -> None:
    parser = parse(document)
    ids = {n.attrs.get("id") for n in parser.nodes}
    clickable = spans(parser)
    number = {a.id: n for n, a in enumerate(result.articles)}
    for story in result.stories:
        assert story.id in ids
        assert html.escape(story.title) in document
        for fact in story.facts:
            assert html.escape(fact.label) in document
            assert html.escape(fact.explanation) in document
            for claim in fact.claims:
                assert (number[claim.article], claim.start, claim.end) in clickable
        for entity in story.entities:
            assert html.escape(entity.name) in document
            for alias in entity.aliases:
                assert html.escape(alias) in document
    for skipped in result.skipped:
        assert html.escape(skipped.reason) in document


def test_json_island_round_trips_with_matching_offsets(result: RunResult, document: str) -> None:
    data = island(document)
    assert [a["id"] for a in data["articles"]] == [a.id for a in result.articles]
    assert [a["text"] for a in data["articles"]] == [a.text for a in result.articles]
    texts = [a["text"] for a in data["articles"]]
    for article, start, end in spans(parse(document)):
        assert 0 <= start <= end <= len(texts[article])
    by_id = {a["id"]: a["text"] for a in data["articles"]}
    for fact in result.stories[0].facts:
        for claim in fact.claims:
            assert by_id[claim.article][claim.start : claim.end] == claim.text


def test_offsets_count_code_points_after_an_emoji(result: RunResult, document: str) -> None:
    """Python offsets are code points; the island keeps the emoji so the script can count them."""
    text = island(document)["articles"][0]["text"]
    assert "\U0001f686" in text
    claim = result.stories[0].facts[0].claims[0]
    assert text[claim.start : claim.end] == "14"


def test_timeline_has_one_mark_per_dated_entry(result: RunResult, document: str) -> None:
    parser = parse(document)
    story = result.stories[0]
    marks = [n for n in parser.nodes if n.attrs.get("class") == "tl-mark"]
    dated = [n for n, e in enumerate(story.timeline, start=1) if e.date is not None]
    assert sorted(int(m.attrs["data-entry"] or 0) for m in marks) == dated
    items = [n for n in parser.nodes if n.attrs.get("class") == "tl-entry"]
    assert len(items) == len(story.timeline)  # undated ones are listed, not plotted
    dots = [n for n in parser.nodes if (n.attrs.get("class") or "").startswith("tl-dot")]
    assert len(dots) == sum(len({m.article for m in story.timeline[n - 1].claims}) for n in dated)
    assert sum(1 for n in dots if n.attrs["class"] == "tl-dot hollow") == 1  # the month


def test_timeline_lists_a_day_without_a_year_as_the_sources_give_it(document: str) -> None:
    when = r'<span class="when">([^<]*)</span>\s*<span class="what">'
    assert re.search(when + "Yard reopened<", document)[1] == "17 Jun, year not given"  # type: ignore[index]
    assert re.search(when + "Halbach spoke<", document)[1] == "undated"  # type: ignore[index]
    assert "Events whose sources give no year are listed below, not plotted." in document


def test_places_plot_has_one_point_per_located_place(document: str) -> None:
    parser = parse(document)
    assert sum(1 for n in parser.nodes if n.attrs.get("class") == "place-dot") == 2


def test_a_continent_is_not_plotted_as_a_point() -> None:
    from corroborate.render.charts import _points
    from corroborate.render.sources import Sources

    article = Article("a", "a.txt", "a", "Trains from Europe reach Marleveen.")
    town = Entity("e1", "place", "Marleveen", [], [], Place("Marleveen", "NL", 52.4, 6.9, 1))
    continent = Entity("e2", "place", "Europe", [], [], Place("Europe", None, 48.7, 9.1, 3))
    points = _points([town, continent], Sources(RunResult(articles=[article])))
    assert [p.name for p in points] == ["Marleveen"]


def test_place_labels_cover_no_dot_and_the_most_named_place_is_labelled_first() -> None:
    from corroborate.render.charts import places_svg
    from corroborate.render.sources import Sources

    article = Article("a", "a.txt", "a", "x" * 40)

    def place(name: str, lon: float, lat: float, mentions: int) -> Entity:
        named = [Mention("a", n, n + 1) for n in range(mentions)]
        return Entity(name, "place", name, [name], named, Place(name, "RU", lat, lon, 1))

    # a town beside a big city named more often, a third place in the way of labels
    places = [
        place("Domodedovo", 37.75, 55.44, 1),
        place("Kybartai", 22.8, 54.64, 2),
        place("Kaliningrad", 20.5, 54.7, 8),
        place("Moscow", 37.6, 55.75, 6),
        place("Adler", 39.9, 43.4, 1),
    ]
    svg = str(places_svg(places, Sources(RunResult(articles=[article]))))
    dots = [
        (float(x), float(y)) for x, y in re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)"', svg)
    ]
    labels = {
        name: (float(x), float(y) - 12, float(x) + 6.5 * len(name), float(y))
        for x, y, name in re.findall(
            r'<text x="([-\d.]+)" y="([-\d.]+)" class="place-label">([^<]+)<', svg
        )
    }
    assert "Moscow" in labels and "Kaliningrad" in labels
    boxes = list(labels.values())
    for box in boxes:
        covered = [
            d
            for d in dots
            if box[0] < d[0] + 5 and d[0] - 5 < box[2] and box[1] < d[1] + 5 and d[1] - 5 < box[3]
        ]
        assert covered == []  # not even its own: it sits beside it
        others = [b for b in boxes if b is not box]
        assert not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in others
        )


def test_duplicates_are_folded_under_the_kept_article(result: RunResult, document: str) -> None:
    parser = parse(document)
    duplicate_rows = [n for n in parser.nodes if n.attrs.get("class") == "duplicate"]
    assert len(duplicate_rows) == 1
    ancestors = [tag for tag, _ in duplicate_rows[0].ancestors]
    assert "details" in ancestors
    folded = re.search(
        r"<summary>1 duplicate of this article</summary>(.*?)</details>", document, re.S
    )
    assert folded is not None and html.escape(f"COPY {IMG}") in folded.group(1)


def _span_key(node: Node) -> tuple[str | None, ...]:
    return tuple(node.attrs.get(name) for name in ("data-a", "data-s", "data-e"))


def test_single_source_items_start_collapsed(result: RunResult, document: str) -> None:
    parser = parse(document)
    number = {a.id: n for n, a in enumerate(result.articles)}
    for fact in result.stories[0].facts:
        claim = fact.claims[0]
        key = (str(number[claim.article]), str(claim.start), str(claim.end))
        button = next(n for n in parser.nodes if n.tag == "button" and _span_key(n) == key)
        closed = [a for tag, a in button.ancestors if tag == "details" and "open" not in a]
        assert bool(closed) == (fact.status == "single_source"), fact.label


def test_conflicts_are_called_out_and_coloured(result: RunResult, document: str) -> None:
    assert "Where the sources disagree" in document
    assert 'href="#story-1--f1"' in document and 'id="story-1--f1"' in document
    assert 'class="st-conflicting"' in document and 'class="st-agreed"' in document


def test_output_is_deterministic(result: RunResult, document: str) -> None:
    assert render_report(copy.deepcopy(result)) == document


def test_empty_result_renders() -> None:
    document = render_report(RunResult())
    parse(document)
    assert "No stories." in document and island(document) == {"articles": []}


def test_write_report_is_atomic(tmp_path: Path, result: RunResult, document: str) -> None:
    path = tmp_path / "out" / "report.html"
    write_report(result, path)
    assert path.read_text("utf-8") == document
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]


def _renamed(story: Story, suffix: str) -> Story:
    """A copy of ``story`` whose claims, mentions and articles point at ``id + suffix``."""
    copied = copy.deepcopy(story)
    copied.id += suffix
    copied.articles = [a + suffix for a in copied.articles]
    for fact in copied.facts:
        for claim in fact.claims:
            claim.article += suffix
    for entity in copied.entities:
        entity.mentions = [replace(m, article=m.article + suffix) for m in entity.mentions]
    for entry in copied.timeline:
        entry.claims = [replace(m, article=m.article + suffix) for m in entry.claims]
    return copied


def test_hundred_articles_render_every_timeline_mark() -> None:
    big = _many_stories(25)
    assert len(big.articles) == 100
    document = render_report(big)
    assert document.count('class="tl-mark"') == 25 * 3


def test_demo_corpus_report_has_every_story(tmp_path: Path) -> None:
    from corroborate.pipeline import run_pipeline

    demo = Path(__file__).resolve().parents[1] / "demo" / "corpus"
    result, _ = run_pipeline([demo], tmp_path)
    document = render_report(result)
    assert result.stories
    for story in result.stories:
        assert html.escape(story.title) in document
    parser = parse(document)
    assert all((n.attrs.get("href") or "#").startswith("#") for n in parser.nodes)
    texts = [a["text"] for a in island(document)["articles"]]
    assert all(end <= len(texts[article]) for article, _, end in spans(parser))


def test_a_converted_value_is_shown_with_its_unit_symbol() -> None:
    from corroborate.render.story import reading

    miles = Claim(
        "a", 0, 9, "140 miles",
        {"approximate": True, "unit": "mile", "quantity_kind": "length",
         "normalized": {"value": 225.308, "unit": "kilometer", "symbol": "km"}},
    )  # fmt: skip
    assert reading(miles) == "approx. = 225.3 km"
    # output written before symbols were recorded still reads
    del miles.attributes["normalized"]["symbol"]  # type: ignore[attr-defined]
    assert reading(miles) == "approx. = 225.3 kilometer"


def test_a_floor_or_a_ceiling_is_noted_beside_the_figure() -> None:
    from corroborate.render.story import reading

    crowd = Claim("a", 0, 6, "80,000", {"value": 80000.0, "quantity_kind": "count"})
    assert reading(crowd) == ""
    crowd.attributes["bound"] = "min"
    assert reading(crowd) == "at least"
    crowd.attributes["bound"] = "max"
    assert reading(crowd) == "at most"


def test_a_small_length_is_shown_in_its_smaller_unit() -> None:
    from corroborate.render.story import reading

    def length(text: str, unit: str, km: float, shown: str) -> Claim:
        normalized = {"value": km, "unit": "kilometer", "symbol": "km"}
        normalized |= {"shown": shown, "shown_unit": "meter"}
        return Claim("a", 0, len(text), text, {"unit": unit, "normalized": normalized})

    assert reading(length("5-foot-10", "foot", 0.001778, "1.8 m")) == "= 1.8 m"  # not "= 0 km"
    assert reading(length("300 meters", "meter", 0.3, "300 m")) == ""  # as written


def test_a_place_or_time_claim_shows_what_it_was_read_as() -> None:
    from corroborate.render.story import reading

    russian = Claim("a", 0, 11, "Нидерландов", {"place": "Netherlands", "country": "NL"})
    assert reading(russian) == "= Netherlands"
    landmark = Claim("a", 0, 9, "Marleveen", {"place": "Marleveen", "near": True})
    assert reading(landmark) == "near it"
    assert reading(Claim("a", 0, 6, "4.47am", {"time": "04:47"})) == "04:47"
    assert reading(Claim("a", 0, 5, "04:47", {"time": "04:47"})) == ""
    june = Claim("a", 0, 7, "June 17", {"date": "2025-06-17", "precision": "day"})
    assert reading(june) == "17 Jun 2025"
    year = Claim("a", 0, 4, "2023", {"date": "2023-01-01", "precision": "year"})
    assert reading(year) == ""  # reads as it is written


def _many_stories(count: int) -> RunResult:
    """``count`` renamed copies of the hostile story, each with its own articles, the
    first related to the last."""
    base = hostile_result()
    articles, stories = [], []
    for n in range(count):
        suffix = f"-{n}"
        for article in base.articles:
            duplicate = article.duplicate_of and article.duplicate_of + suffix
            articles.append(replace(article, id=article.id + suffix, duplicate_of=duplicate))
        story = _renamed(base.stories[0], suffix)
        story.title = f"Story number {n}"
        story.related = []
        stories.append(story)
    stories[0].related = [stories[-1].id]
    return RunResult(articles, [], stories)


def test_a_capped_report_shows_the_first_stories_and_names_the_rest() -> None:
    many = _many_stories(5)
    document = render_report(many, max_stories=2)
    parser = parse(document)
    sections = [n.attrs.get("id") for n in parser.nodes if n.attrs.get("class") == "story"]
    assert sections == [many.stories[0].id, many.stories[1].id]
    links = {n.attrs.get("href") for n in parser.nodes if n.tag == "a"}
    assert f"#{many.stories[1].id}" in links and f"#{many.stories[2].id}" not in links
    # the hidden stories are still named in the overview, and so is the related one
    assert all(f"Story number {n}" in document for n in range(5))
    assert "The 2 largest stories are shown in full" in document
    assert "holds all 5" in document
    # only the articles of the shown stories (and their duplicates) ride along
    carried = {a["id"] for a in island(document)["articles"]}
    assert carried == {a.id for a in many.articles if a.id.endswith(("-0", "-1"))}
    assert all(end <= len(island(document)["articles"][a]["text"]) for a, _, end in spans(parser))


def test_a_capped_report_stops_where_the_texts_pass_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import corroborate.render as render

    many = _many_stories(5)
    first = set(many.stories[0].articles)
    first_chars = sum(
        len(a.text) for a in many.articles if a.id in first or a.duplicate_of in first
    )
    monkeypatch.setattr(render, "REPORT_TEXT_CHARS", first_chars)
    document = render_report(many, max_stories=4)
    assert document.count('<article class="story"') == 1
    assert "The 1 largest stories are shown in full" in document
    monkeypatch.setattr(render, "REPORT_TEXT_CHARS", 1)  # the first story always shows
    assert render_report(many, max_stories=4).count('<article class="story"') == 1
    monkeypatch.setattr(render, "REPORT_TEXT_CHARS", 10**9)
    assert render_report(many, max_stories=4).count('<article class="story"') == 4


def test_an_uncapped_report_shows_every_story() -> None:
    many = _many_stories(5)
    document = render_report(many, max_stories=None)
    assert document.count('<article class="story"') == 5
    assert "largest stories are shown in full" not in document


def test_stories_json_is_written_a_record_a_line_and_reads_as_the_document(
    tmp_path: Path,
) -> None:
    from corroborate.report import stories_document, write_stories_json

    many = _many_stories(3)
    many.skipped.append(Skipped("in/junk.bin", f"binary file {SCRIPT}"))
    path = tmp_path / "stories.json"
    write_stories_json(many, path)
    text = path.read_text("utf-8")
    expected = json.loads(json.dumps(stories_document(many), ensure_ascii=False))
    assert json.loads(text) == expected
    lines = text.splitlines()
    records = len(many.articles) + len(many.skipped) + len(many.stories)
    assert sum(1 for line in lines if line.startswith("  {")) == records
    empty = tmp_path / "empty.json"
    write_stories_json(RunResult(), empty)
    assert json.loads(empty.read_text("utf-8")) == stories_document(RunResult())


def test_an_app_story_page_links_related_stories_to_their_pages() -> None:
    from corroborate.render.pages import story_page

    many = _many_stories(2)
    first = many.stories[0]
    members = set(first.articles)
    articles = [a for a in many.articles if a.id in members or a.duplicate_of in members]
    page = story_page(
        RunResult(articles, [], [first]), first.id, {s.id: s.title for s in many.stories}
    )
    assert page is not None
    parser = parse(page)
    related = [
        n
        for n in parser.nodes
        if n.tag == "a" and n.attrs.get("href") == f"/stories/{many.stories[1].id}"
    ]
    assert len(related) == 2  # the bar and the story's own "related:" line
    assert not any(n.attrs.get("href") == f"#{many.stories[1].id}" for n in parser.nodes)


def test_an_event_shows_the_date_its_timeline_entry_gives(document: str) -> None:
    # the event's sentences state no date of their own; its timeline entry has one
    label = '<div class="event-label">A freight train came off the tracks</div>'
    meta = re.search(re.escape(label) + r'\s*<div class="event-meta">(.*?)</div>', document)
    assert meta is not None and "14 Oct 2025" in meta[1]
    # the sources are named once, by the chips that open them
    assert "reported by 2 sources:" in meta[1]
    assert "reported by 2 sources<" not in meta[1]


def test_a_long_source_name_in_the_timeline_fits_left_of_the_chart() -> None:
    from corroborate.render.assets import CSS
    from corroborate.render.charts import (
        _LEFT,
        CHAR_WIDTH_SHARE,
        LANE_FONT_PX,
        PLACE_FONT_PX,
        timeline_svg,
    )
    from corroborate.render.sources import Sources

    name = "0123456789_0123456789abcdef.txt"
    article = Article(name, name, name, "On 17 June the yard reopened.")
    entry = TimelineEntry("2025-06-17", "day", "Yard reopened", [Mention(name, 3, 12)])
    svg = timeline_svg([entry], Sources(RunResult(articles=[article])), [name])
    label = re.search(r'class="tl-lane-label"[^>]*><title>[^<]*</title>([^<]*)<', svg)
    assert label is not None and label[1].endswith("…")
    assert len(label[1]) * CHAR_WIDTH_SHARE * LANE_FONT_PX <= _LEFT - 10
    assert f".tl-lane-label {{ font-size: {LANE_FONT_PX}px;" in CSS
    assert f".place-label {{ font-size: {PLACE_FONT_PX}px;" in CSS


def test_timeline_lanes_of_one_site_are_told_apart_by_their_day() -> None:
    from corroborate.render.charts import _LEFT, CHAR_WIDTH_SHARE, LANE_FONT_PX, timeline_svg
    from corroborate.render.sources import Sources

    text = "On 17 June the yard reopened."
    site = "https://www.quay.example/news/"
    articles = [
        Article("a", "a", "a", text, url=site + "a", published="2025-06-17T08:00:00"),
        Article("b", "b", "b", text, url=site + "b", published="2025-06-18"),
        Article("c", "c", "c", text, url="https://a-very-long-site-name.example/c"),
        Article("d", "d", "d", text, url="https://a-very-long-site-name.example/d"),
        Article("e", "e", "e", text, url="https://pier.example/e", published="2025-06-18"),
    ]
    ids = [a.id for a in articles]
    entry = TimelineEntry("2025-06-17", "day", "Yard reopened", [Mention(i, 3, 12) for i in ids])
    svg = timeline_svg([entry], Sources(RunResult(articles=articles)), ids)
    labels = re.findall(r'class="tl-lane-label"[^>]*><title>[^<]*</title>([^<]*)<', svg)
    assert labels[:2] == ["quay.example, 17 Jun", "quay.example, 18 Jun"]
    assert labels[2].endswith("…, undated") and labels[4] == "pier.example"
    assert all(len(label) * CHAR_WIDTH_SHARE * LANE_FONT_PX <= _LEFT - 10 for label in labels)
    # chips (events, timeline entries, entities) are told apart the same way, uncut
    sources = Sources(RunResult(articles=articles))
    assert [sources.chip_name(i) for i in ("b", "c", "e")] == [
        "quay.example, 18 Jun",
        "a-very-long-site-name.example, undated",
        "pier.example",
    ]


def test_a_timeline_a_little_wider_than_the_page_shrinks_and_a_long_one_scrolls() -> None:
    from corroborate.render.assets import CSS
    from corroborate.render.charts import FIT_WIDTH, timeline_svg
    from corroborate.render.sources import Sources

    article = Article("a", "a", "a", "On 17 June the yard reopened.")
    sources = Sources(RunResult(articles=[article]))

    def chart(days: int) -> tuple[str, float]:
        entries = [
            TimelineEntry(f"2025-06-{day:02d}", "day", f"Event {day}", [Mention("a", 3, 12)])
            for day in range(1, days + 1)
        ]
        svg = timeline_svg(entries, sources, ["a"])
        found = re.search(r'<svg[^>]*\bwidth="([\d.]+)"[^>]*class="([^"]*)"', svg)
        assert found is not None
        return found[2], float(found[1])

    few, few_width = chart(9)
    many, many_width = chart(30)
    assert 1100 < few_width <= FIT_WIDTH and few == "tl fit"
    assert many_width > FIT_WIDTH and many == "tl"
    assert "svg.tl.fit { max-width: 100%; height: auto; }" in CSS


def test_the_overview_counts_the_articles_that_name_no_outlet(document: str) -> None:
    # a4 names no outlet: "3 outlets" alone would leave it uncounted
    assert "1 article names none" in document


def test_the_overview_says_how_many_sites_the_articles_naming_no_outlet_came_from() -> None:
    from corroborate.render.overview import overview

    archived = "https://web.archive.org/web/2016/http://www.pier.example/b"
    articles = [
        Article("a", "a", "a", "Text.", url="https://quay.example/a"),
        Article("b", "b", "b", "Text.", url=archived),
        Article("c", "https://quay.example/c", "c", "Text."),
        Article("d", "/data/d.txt", "d", "Text."),
        Article("e", "e", "e", "Text.", outlet="Harbour Ledger", url="https://ledger.example/e"),
    ]
    page = str(overview(RunResult(articles=articles)))
    assert "4 articles name none, from 2 web sites" in page

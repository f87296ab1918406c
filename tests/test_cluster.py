"""The cluster stage on invented articles, embedded with the real default embedder."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from corroborate.bench.clustering import bcubed
from corroborate.cluster import (
    ClusterParams,
    cluster_stories,
    idf_cosine,
    number_tokens,
    story_id,
    year_tokens,
)
from corroborate.embed import get_embedder
from corroborate.model import StoryCandidate

# Two events on one theme (a bridge collapse), each in English, Dutch and German,
# and one unrelated article. All invented for this test.
ARTICLES = [
    StoryCandidate(
        "a-en",
        "The Marra bridge in Kessling collapsed on Tuesday morning, injuring 12 people. "
        "Mayor Elena Vostrikova said the 1974 steel bridge had been due for repairs. "
        "Three cars fell into the Marra river; divers rescued all drivers.",
        "Marra bridge collapses in Kessling, 12 injured",
        "en",
        "2031-03-04",
    ),
    StoryCandidate(
        "a-nl",
        "De Marrabrug in Kessling is dinsdagochtend ingestort, waarbij 12 mensen gewond "
        "raakten. Burgemeester Elena Vostrikova zei dat de stalen brug uit 1974 aan "
        "reparatie toe was. Drie auto's vielen in de rivier de Marra.",
        "Marrabrug in Kessling ingestort: 12 gewonden",
        "nl",
        "2031-03-04",
    ),
    StoryCandidate(
        "a-de",
        "Die Marra-Brücke in Kessling ist am Dienstagmorgen eingestürzt, 12 Menschen "
        "wurden verletzt. Bürgermeisterin Elena Vostrikova sagte, die Stahlbrücke von "
        "1974 hätte repariert werden sollen. Drei Autos stürzten in die Marra.",
        "Marra-Brücke in Kessling eingestürzt",
        "de",
        "2031-03-05",
    ),
    StoryCandidate(
        "b-en",
        "A footbridge over the Tallow canal in Dorvik gave way during a festival on "
        "Saturday, killing 4 people. Engineer Tomas Brandt blamed the 2019 wooden deck. "
        "Police in Dorvik have opened an investigation.",
        "Dorvik footbridge collapse kills 4 at festival",
        "en",
        "2031-08-19",
    ),
    StoryCandidate(
        "b-de",
        "In Dorvik ist am Samstag während eines Festivals eine Fußgängerbrücke über den "
        "Tallow-Kanal eingestürzt, 4 Menschen starben. Ingenieur Tomas Brandt machte das "
        "Holzdeck von 2019 verantwortlich. Die Polizei in Dorvik ermittelt.",
        "Fußgängerbrücke in Dorvik eingestürzt: 4 Tote",
        "de",
        "2031-08-19",
    ),
    StoryCandidate(
        "b-nl",
        "In Dorvik is zaterdag tijdens een festival een voetgangersbrug over het "
        "Tallowkanaal bezweken, 4 mensen kwamen om. Ingenieur Tomas Brandt wijst naar het "
        "houten dek uit 2019. De politie van Dorvik doet onderzoek.",
        "Voetgangersbrug in Dorvik bezweken, 4 doden",
        "nl",
        "2031-08-20",
    ),
    StoryCandidate(
        "c-en",
        "The Hollin bakery won the national sourdough prize for its rye loaf. Owner "
        "Priya Anand credits a starter culture kept alive since her grandmother's time.",
        "Hollin bakery wins sourdough prize",
        "en",
        "2031-05-02",
    ),
]


@pytest.fixture(scope="module")
def vectors() -> npt.NDArray[np.float32]:
    embedder = get_embedder()
    texts = [f"{a.title}\n{a.text}" for a in ARTICLES]
    result: npt.NDArray[np.float32] = embedder.encode(texts)
    return result


def test_two_events_one_theme_are_two_stories(
    vectors: npt.NDArray[np.float32],
) -> None:
    stories = cluster_stories(ARTICLES, vectors)
    groups = {frozenset(s.articles): s for s in stories}
    a = groups[frozenset({"a-en", "a-nl", "a-de"})]
    assert frozenset({"b-en", "b-de", "b-nl"}) in groups
    c = groups[frozenset({"c-en"})]
    assert len(stories) == 3
    assert c.related == []
    assert a.id == story_id(["a-en", "a-nl", "a-de"])
    assert all(s.entities == [] and s.facts == [] and s.timeline == [] for s in stories)


def test_deterministic_whatever_the_input_order(vectors: npt.NDArray[np.float32]) -> None:
    first = cluster_stories(ARTICLES, vectors)
    order = list(reversed(range(len(ARTICLES))))
    second = cluster_stories([ARTICLES[i] for i in order], vectors[order])
    assert first == second


def test_single_and_empty_input(vectors: npt.NDArray[np.float32]) -> None:
    assert cluster_stories([], np.zeros((0, 512), dtype=np.float32)) == []
    (story,) = cluster_stories(ARTICLES[:1], vectors[:1])
    assert story.articles == ["a-en"]
    assert story.title == "Marra bridge collapses in Kessling, 12 injured"
    assert story.related == []


def test_title_falls_back_to_first_sentence() -> None:
    item = StoryCandidate("x", "First sentence here. Second one.", None, "en")
    (story,) = cluster_stories([item], np.ones((1, 4), dtype=np.float32))
    assert story.title == "First sentence here."
    # an initial or a title's full stop ends no sentence
    item = StoryCandidate("y", "R. Kelly stays in jail, a judge ruled. Second one.", None, "en")
    (story,) = cluster_stories([item], np.ones((1, 4), dtype=np.float32))
    assert story.title == "R. Kelly stays in jail, a judge ruled."
    line = "Dr. Anna Berg wurde geehrt. Sie dankte.\nZweite Zeile."
    item = StoryCandidate("z", line, None, "de")
    (story,) = cluster_stories([item], np.ones((1, 4), dtype=np.float32))
    assert story.title == "Dr. Anna Berg wurde geehrt."


def test_mismatched_vectors_are_refused() -> None:
    with pytest.raises(ValueError):
        cluster_stories(ARTICLES[:2], np.ones((3, 4), dtype=np.float32), ClusterParams())


def test_bcubed_by_hand() -> None:
    # gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    # precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15
    # recall per item:    2/3, 2/3, 1/3, 1, 1 -> 11/15
    score = bcubed([0, 0, 1, 1, 1], ["g", "g", "g", "h", "h"])
    assert score.precision == pytest.approx(11 / 15)
    assert score.recall == pytest.approx(11 / 15)
    assert score.f1 == pytest.approx(11 / 15)
    perfect = bcubed([7, 7, 3], ["a", "a", "b"])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)


def test_title_in_the_preferred_language(vectors: npt.NDArray[np.float32]) -> None:
    for language, expected in (("nl", "a-nl"), ("de", "a-de"), ("en", "a-en")):
        params = ClusterParams(title_language=language)
        stories = cluster_stories(ARTICLES, vectors, params)
        story = next(s for s in stories if "a-en" in s.articles)
        titles = {a.id: a.title for a in ARTICLES}
        assert story.title == titles[expected]


def test_thin_evidence_counts_for_less() -> None:
    one_year_each = idf_cosine([["2019"], ["2021"], ["2019"]], support_tokens=3.0)
    many = idf_cosine([["a", "b", "c"], ["d", "e", "f"], ["a", "b", "c"]], support_tokens=3.0)
    assert one_year_each[1][0, 1] == pytest.approx(1 / 3)
    assert many[1][0, 1] == pytest.approx(1.0)
    assert one_year_each[0][0, 2] == pytest.approx(1.0)
    assert one_year_each[0][0, 1] == pytest.approx(0.0)
    empty = idf_cosine([[], ["a"], ["a"]])
    assert empty[1][0, 1] == 0.0 and empty[1][1, 2] == 1.0


def test_number_and_year_tokens() -> None:
    text = "In 2019, 1,200 people and 1.200 more; 007 agents, not 2150 or 1799."
    assert year_tokens(text) == ["2019"]
    assert number_tokens(text) == ["1200", "1200", "7", "2150", "1799"]


def _synthetic_block(
    events: int, seed: int
) -> tuple[list[StoryCandidate], npt.NDArray[np.float32]]:
    """Reports of invented events: each event has its own invented names, numbers, date
    and a point in a random embedding space; reports vary in wording and add noise."""
    rng = np.random.default_rng(seed)
    syllables = ["ka", "lo", "mir", "ta", "ven", "su", "dor", "ri", "pa", "zel", "on", "bru"]

    def name() -> str:
        return "".join(rng.choice(syllables, size=3)).capitalize()

    verbs = ["reported", "confirmed", "said", "announced"]
    items: list[StoryCandidate] = []
    rows: list[npt.NDArray[np.float64]] = []
    for event in range(events):
        town, person, count = name(), f"{name()} {name()}", int(rng.integers(2, 90))
        centre = rng.normal(size=48)
        day = f"2031-{1 + event % 12:02d}-{1 + event % 27:02d}"
        for report in range(int(rng.integers(2, 6))):
            text = (
                f"Officials in {town} {rng.choice(verbs)} that {count} people were hurt "
                f"when the storm reached {town}. Spokesperson {person} {rng.choice(verbs)} "
                f"the damage. Report {report}."
            )
            items.append(StoryCandidate(f"e{event:03d}-{report}", text, None, "en", day))
            rows.append(centre + rng.normal(scale=0.6, size=48))
    return items, np.asarray(rows, dtype=np.float32)


def test_large_block_path_gives_the_dense_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above DENSE_MAX only nearest-neighbour pairs are scored and the components they
    connect are clustered; on events this distinct that is exactly the dense result."""
    from corroborate.cluster import scoring
    from corroborate.cluster.blocks import cluster_block

    items, vectors = _synthetic_block(events=45, seed=7)
    params = ClusterParams()
    dense = cluster_stories(items, vectors, params)
    block = cluster_block(items, vectors, params)
    assert [(s.id, s.title, s.articles) for s in block] == [
        (s.id, s.title, s.articles) for s in dense
    ]
    assert len(dense) >= 40  # the events are told apart, not lumped
    for ours, theirs in zip(block, dense, strict=True):
        assert set(ours.related) <= set(theirs.related)
    monkeypatch.setattr(scoring, "DENSE_MAX", 20)
    switched = cluster_stories(list(reversed(items)), vectors[::-1], params)
    assert [s.articles for s in switched] == [s.articles for s in dense]


def test_a_component_too_big_to_score_densely_is_split(monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborate.cluster import scoring
    from corroborate.cluster.blocks import cluster_block

    items, vectors = _synthetic_block(events=12, seed=3)
    monkeypatch.setattr(scoring, "DENSE_MAX", 3)
    stories = cluster_block(items, vectors, ClusterParams())
    members = [a for story in stories for a in story.articles]
    assert sorted(members) == sorted(item.id for item in items)
    assert max(len(story.articles) for story in stories) <= 3
    assert any(len(story.articles) > 1 for story in stories)

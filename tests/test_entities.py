"""Story entities end to end: NER, alias linking and the stories.json contract.

Checked against the demo corpus's own answer key (``demo/expected.json``, written
for the demo): every alias we report belongs to at most one gold entity, and the
driver's spellings across four languages land in one entity.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.model import ENTITY_TYPES, Entity, RunResult
from corroborate.pipeline import STORE_NAME, RunOptions, mentions_key, run_pipeline
from corroborate.store import Store
from tests.conftest import DEMO_CORPUS, PROJECT

EXPECTED = json.loads((PROJECT / "demo" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunResult]:
    out = tmp_path_factory.mktemp("demo")
    result, _ = run_pipeline([DEMO_CORPUS], out, RunOptions())
    return out, result


def _all_entities(result: RunResult) -> list[Entity]:
    return [e for story in result.stories for e in story.entities]


def _gold_owner() -> dict[str, int]:
    """Surface form -> index of the gold entity it spells (forms shared by two are left out)."""
    owner: dict[str, int] = {}
    shared: set[str] = set()
    for index, gold in enumerate(EXPECTED["entities"]):
        for form in {gold["name"], *gold["aliases"]}:
            if form in owner and owner[form] != index:
                shared.add(form)
            owner[form] = index
    return {form: i for form, i in owner.items() if form not in shared}


def test_every_mention_points_at_its_text(demo_run: tuple[Path, RunResult]) -> None:
    _, result = demo_run
    texts = {a.id: a.text for a in result.articles}
    entities = _all_entities(result)
    assert len(entities) >= 10
    for entity in entities:
        assert entity.type in ENTITY_TYPES
        assert entity.mentions
        surfaces = {texts[m.article][m.start : m.end] for m in entity.mentions}
        assert surfaces == set(entity.aliases)


def test_story_entities_come_from_its_own_articles(demo_run: tuple[Path, RunResult]) -> None:
    _, result = demo_run
    for story in result.stories:
        assert {m.article for e in story.entities for m in e.mentions} <= set(story.articles)


def test_no_two_gold_entities_are_merged(demo_run: tuple[Path, RunResult]) -> None:
    _, result = demo_run
    owner = _gold_owner()
    for entity in _all_entities(result):
        golds = {owner[a] for a in entity.aliases if a in owner}
        assert len(golds) <= 1, f"{entity.name}: {sorted(entity.aliases)}"


def test_driver_spellings_across_languages_are_one_entity(
    demo_run: tuple[Path, RunResult],
) -> None:
    _, result = demo_run
    driver = EXPECTED["entities"][0]
    spellings = {driver["name"], *driver["aliases"]}
    holders = [e for e in _all_entities(result) if spellings & set(e.aliases)]
    best = max(holders, key=lambda e: len(spellings & set(e.aliases)))
    found = spellings & set(best.aliases)
    assert len(found) >= 4, found
    assert any(not s.isascii() for s in found) or len(found) >= 5
    languages = {a.id: a.language for a in result.articles}
    assert len({languages[m.article] for m in best.mentions}) >= 3


def test_places_resolve_with_coordinates(demo_run: tuple[Path, RunResult]) -> None:
    _, result = demo_run
    places = [e for e in _all_entities(result) if e.type == "place" and e.place is not None]
    assert places
    assert any(e.place and e.place.country == "DE" for e in places)
    for entity in places:
        assert entity.place is not None
        if entity.place.latitude is not None:
            assert -90 <= entity.place.latitude <= 90


def test_mentions_are_kept_in_the_store(demo_run: tuple[Path, RunResult]) -> None:
    out, result = demo_run
    with Store(out / STORE_NAME) as store:
        ids = [a.id for a in result.articles if a.duplicate_of is None]
        stored = store.mentions(mentions_key(RunOptions().recognizer), ids)
    assert set(stored) == set(ids)
    assert sum(len(found) for found in stored.values()) >= 20

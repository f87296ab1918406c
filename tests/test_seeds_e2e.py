"""End to end over the real seed pages, checked against their public answer key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from corroborate.bench.seeds import normalise, score_articles
from corroborate.model import Article
from corroborate.report import load_schema

from .conftest import load_stories, run_cli


@pytest.fixture(scope="module")
def seeds_run(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("seeds")
    code, output = run_cli("run", str(shared_dir / "corpus" / "seeds"), "--out", str(out), "-q")
    assert code == 0, output
    return load_stories(out)


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (shared_dir / "corpus" / "seeds.gold.json").read_text("utf-8")
    )
    return data


def _articles(stories: dict[str, Any]) -> dict[str, Article]:
    keys = {"id", "source", "text", "title", "outlet", "published", "language"}
    return {
        a["id"]: Article(content_hash="", **{k: v for k, v in a.items() if k in keys})
        for a in stories["articles"]
    }


def test_every_seed_becomes_one_article(seeds_run: dict[str, Any], gold: dict[str, Any]) -> None:
    assert sorted(a["id"] for a in seeds_run["articles"]) == sorted(gold["articles"])
    assert seeds_run["skipped"] == []


@pytest.mark.parametrize("field", ["language", "published", "outlet"])
def test_fields_match_the_key(seeds_run: dict[str, Any], gold: dict[str, Any], field: str) -> None:
    got = {a["id"]: a[field] for a in seeds_run["articles"]}
    want = {doc_id: expected[field] for doc_id, expected in gold["articles"].items()}
    assert got == want


def test_titles_match_the_key(seeds_run: dict[str, Any], gold: dict[str, Any]) -> None:
    got = {a["id"]: normalise(a["title"]) for a in seeds_run["articles"]}
    want = {doc_id: normalise(e["title"]) for doc_id, e in gold["articles"].items()}
    assert got == want


def test_boilerplate_gone_and_key_sentences_kept(
    seeds_run: dict[str, Any], gold: dict[str, Any]
) -> None:
    score = score_articles(_articles(seeds_run), gold)
    assert score.boilerplate_removed == score.boilerplate_total, score.misses
    assert score.kept == score.keep_total, score.misses


def test_malformed_date_is_a_problem_not_a_date(seeds_run: dict[str, Any]) -> None:
    flagged = [
        a for a in seeds_run["articles"]
        if any("2022-56-23" in p["message"] for p in a["problems"])
    ]  # fmt: skip
    assert len(flagged) == 1
    assert flagged[0]["published"] != "2022-56-23"
    assert all("56" not in (a["published"] or "")[5:7] for a in seeds_run["articles"])


def test_output_follows_the_published_schema(seeds_run: dict[str, Any]) -> None:
    jsonschema.validate(seeds_run, load_schema())
    assert seeds_run["schema"] == "corroborate/stories@1"


def test_stories_and_the_related_link_match_the_key(
    seeds_run: dict[str, Any], gold: dict[str, Any]
) -> None:
    ours = {frozenset(story["articles"]): story for story in seeds_run["stories"]}
    assert set(ours) == {frozenset(story["articles"]) for story in gold["stories"]}
    for story in gold["stories"]:
        if story.get("related_to") is not None:
            target = ours[frozenset(gold["stories"][story["related_to"]]["articles"])]
            assert target["id"] in ours[frozenset(story["articles"])]["related"]


def test_each_gold_alias_set_is_one_entity_and_none_share_one(
    seeds_run: dict[str, Any], gold: dict[str, Any]
) -> None:
    forms = [
        {normalise(alias) for alias in entity["aliases"]}
        for story in seeds_run["stories"]
        for entity in story["entities"]
    ]
    owner = {normalise(a): g["name"] for g in gold["entities"] for a in g["aliases"]}
    for entity in gold["entities"]:
        wanted = {normalise(alias) for alias in entity["aliases"]}
        assert any(wanted <= held for held in forms), entity["name"]
    for held in forms:
        assert len({owner[form] for form in held if form in owner}) <= 1, held


def _holds(fact: dict[str, Any], article: str, text: str) -> bool:
    """One of the fact's claims in ``article`` is the gold claim, or lies inside it or
    around it ("140 miles" for "roughly 140 miles")."""
    gold_text = normalise(text) or ""
    return any(
        claim["article"] == article
        and (ours := normalise(claim["text"]) or "")
        and (ours in gold_text or gold_text in ours)
        for claim in fact["claims"]
    )


def test_example_facts_of_the_key_hold_their_claims_with_the_status(
    seeds_run: dict[str, Any], gold: dict[str, Any]
) -> None:
    facts = [fact for story in seeds_run["stories"] for fact in story["facts"]]
    for example in gold["facts_examples"]:
        matching = [
            fact
            for fact in facts
            if all(_holds(fact, article, text) for article, text in example["claims"].items())
        ]
        assert [fact["status"] for fact in matching] == [example["status"]], example["what"]


def test_every_claim_is_the_text_at_its_offsets(seeds_run: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in seeds_run["articles"]}
    claims = [c for s in seeds_run["stories"] for f in s["facts"] for c in f["claims"]]
    assert claims
    assert all(texts[c["article"]][c["start"] : c["end"]] == c["text"] for c in claims)

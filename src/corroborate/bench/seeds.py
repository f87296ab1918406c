"""``corroborate bench seeds``: the pipeline against the seed pages' public answer key.

The baseline beside each figure is the untouched scrape: the file's text as is,
its first line as title, no date, no outlet. It shows what cleaning adds.
"""

from __future__ import annotations

import json
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from corroborate.bench import BenchOptions, BenchTable
from corroborate.ingest import decode_text
from corroborate.model import Article, RunResult
from corroborate.pipeline import run_pipeline


@dataclass
class SeedScore:
    """Counts of correct answers over the articles of the answer key."""

    articles: int = 0
    found: int = 0
    language: int = 0
    title: int = 0
    outlet: int = 0
    published: int = 0
    boilerplate_total: int = 0
    boilerplate_removed: int = 0
    keep_total: int = 0
    kept: int = 0
    misses: list[str] = field(default_factory=list)


def normalise(text: str | None) -> str | None:
    """Compare text as a reader would: Unicode-normalised, whitespace collapsed."""
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFKC", text).split())


def score_articles(articles: dict[str, Article], gold: dict[str, Any]) -> SeedScore:
    """Score extracted articles (by id) against the answer key's fields and line lists."""
    score = SeedScore()
    for doc_id, expected in gold["articles"].items():
        score.articles += 1
        article = articles.get(doc_id)
        if article is None:
            score.misses.append(f"{doc_id}: no article")
            continue
        score.found += 1
        _score_fields(score, doc_id, article, expected)
        _score_lines(score, doc_id, article, gold)
    return score


def _score_fields(
    score: SeedScore, doc_id: str, article: Article, expected: dict[str, Any]
) -> None:
    checks = {
        "language": (article.language, expected.get("language")),
        "title": (normalise(article.title), normalise(expected.get("title"))),
        "outlet": (article.outlet, expected.get("outlet")),
        "published": (article.published, expected.get("published")),
    }
    for name, (got, want) in checks.items():
        if got == want:
            setattr(score, name, getattr(score, name) + 1)
        else:
            score.misses.append(f"{doc_id}: {name} {got!r} != {want!r}")


def _score_lines(score: SeedScore, doc_id: str, article: Article, gold: dict[str, Any]) -> None:
    lines = {line.strip() for line in article.text.splitlines()}
    for line in gold.get("boilerplate_lines", {}).get(doc_id, []):
        score.boilerplate_total += 1
        if line.strip() in lines:
            score.misses.append(f"{doc_id}: boilerplate kept {line!r}")
        else:
            score.boilerplate_removed += 1
    for start in gold.get("must_keep_sentence_starts", {}).get(doc_id, []):
        score.keep_total += 1
        if start in article.text:
            score.kept += 1
        else:
            score.misses.append(f"{doc_id}: lost sentence {start!r}")


def baseline_articles(seed_dir: Path) -> dict[str, Article]:
    """The untouched scrape as an 'article': what a tool that does nothing would say."""
    articles = {}
    for path in sorted(seed_dir.glob("*.txt")):
        text = decode_text(path.read_bytes())
        first = next((line.strip() for line in text.splitlines() if line.strip()), None)
        articles[path.stem] = Article(id=path.stem, source=str(path), content_hash="", text=text,
                                      title=first)  # fmt: skip
    return articles


def run(options: BenchOptions) -> list[BenchTable]:
    seed_dir = options.shared / "corpus" / "seeds"
    gold = json.loads((options.shared / "corpus" / "seeds.gold.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result, _ = run_pipeline([seed_dir], Path(tmp))
        seconds = time.perf_counter() - started
        # The run's articles are read from its store, which goes with the folder.
        result = replace(result, articles=list(result.articles))
    ours = score_articles({a.id: a for a in result.articles}, gold)
    base = score_articles(baseline_articles(seed_dir), gold)
    table = BenchTable(
        title=f"seeds: {ours.articles} pages against seeds.gold.json ({seconds:.1f} s)",
        columns=["measure", "corroborate", "baseline (raw scrape)"],
        rows=[_row(name, ours, base) for name in _MEASURES],
        notes=["baseline: the scraped text as is, first line as title, no outlet or date"]
        + [f"miss: {m}" for m in ours.misses],
    )
    return [
        table,
        stories_table(result, gold),
        aliases_table(result, gold),
        facts_table(result, gold),
    ]


def facts_table(result: RunResult, gold: dict[str, Any]) -> BenchTable:
    """The answer key's example facts: which of their claims one of our facts holds, and
    its status; then the checks every claim must pass (span, and no invented dates)."""
    facts = [fact for story in result.stories for fact in story.facts]
    rows = [_fact_row(example, facts) for example in gold.get("facts_examples", [])]
    texts = {a.id: a.text for a in result.articles}
    claims = [c for f in facts for c in f.claims]
    exact = sum(texts.get(c.article, "")[c.start : c.end] == c.text for c in claims)
    rows.append(["every claim: text == article.text[start:end]", f"{exact}/{len(claims)}", "", ""])
    # a date with its year, or a month or day a source gives without one (XXXX-06-17)
    stated = {str(c.attributes.get("date") or c.attributes.get("value")) for c in claims}
    dated = [e.date or e.calendar for s in result.stories for e in s.timeline]
    grounded = sum(d in stated for d in dated if d)
    shown = f"{grounded}/{sum(map(bool, dated))}"
    rows.append(["timeline dates (with or without a year) that a claim states", shown, "", ""])
    return BenchTable(
        "seeds: example facts of seeds.gold.json",
        ["fact", "gold claims found", "status (gold)", "our explanation"],
        rows,
        notes=[
            "a gold claim is found when one of our claims in that article contains its "
            "text or lies inside it; the best-matching fact of any story is shown",
        ],
    )


def _fact_row(example: dict[str, Any], facts: list[Any]) -> list[str]:
    wanted: dict[str, str] = example["claims"]

    def hits(fact: Any) -> int:
        return sum(
            any(_same_claim(c.text, text) for c in fact.claims if c.article == article)
            for article, text in wanted.items()
        )

    best = max(facts, key=hits, default=None)
    if best is None or hits(best) == 0:
        return [example["what"], f"0/{len(wanted)}", f"none ({example['status']})", ""]
    extra = len({c.article for c in best.claims} - set(wanted))
    found = f"{hits(best)}/{len(wanted)}" + (f" (+{extra} other articles)" if extra else "")
    return [example["what"], found, f"{best.status} ({example['status']})", best.explanation]


def _same_claim(ours: str, gold: str) -> bool:
    a, b = normalise(ours) or "", normalise(gold) or ""
    return bool(a and b) and (a in b or b in a)


def stories_table(result: RunResult, gold: dict[str, Any]) -> BenchTable:
    """Our stories against the gold stories: exact groups, BCubed, the related link."""
    from corroborate.bench.clustering import bcubed

    gold_of = {a: i for i, story in enumerate(gold["stories"]) for a in story["articles"]}
    ours_of = {a: i for i, story in enumerate(result.stories) for a in story.articles}
    ids = sorted(gold_of)
    score = bcubed(
        [ours_of.get(a, -1 - k) for k, a in enumerate(ids)], [str(gold_of[a]) for a in ids]
    )
    gold_groups = {frozenset(s["articles"]) for s in gold["stories"]}
    ours_groups = {frozenset(s.articles) for s in result.stories}
    rows = [
        ["stories", str(len(result.stories)), str(len(gold["stories"]))],
        ["gold stories found exactly", str(len(gold_groups & ours_groups)), str(len(gold_groups))],
        ["BCubed F1 (P, R)", f"{score.f1:.3f} ({score.precision:.3f}, {score.recall:.3f})", "1"],
        ["related links to the gold's", _related_hits(result, gold), ""],
    ]
    notes = [f"ours: {sorted(s.articles)}" for s in result.stories]
    return BenchTable("seeds: stories", ["measure", "corroborate", "gold"], rows, notes)


def _related_hits(result: RunResult, gold: dict[str, Any]) -> str:
    """How many gold ``related_to`` links we make: a link from the story of the related
    story's first article to any story holding an article of the story it relates to."""
    story_of = {a: s for s in result.stories for a in s.articles}
    hits = total = 0
    for story in gold["stories"]:
        if story.get("related_to") is None:
            continue
        total += 1
        ours = story_of.get(story["articles"][0])
        targets = {
            story_of[a].id
            for a in gold["stories"][story["related_to"]]["articles"]
            if a in story_of
        }
        hits += ours is not None and bool(targets & set(ours.related))
    return f"{hits}/{total}"


def aliases_table(result: RunResult, gold: dict[str, Any]) -> BenchTable:
    """Each gold alias set should sit inside one of our entities, and no entity may
    hold two gold entities' names."""
    forms = [
        {normalise(a) for a in entity.aliases}
        for story in result.stories
        for entity in story.entities
    ]
    rows: list[list[str]] = []
    for gold_entity in gold["entities"]:
        wanted = {normalise(a) for a in gold_entity["aliases"]}
        holders = [f for f in forms if wanted & f]
        found = set().union(*holders) & wanted
        rows.append(
            [
                gold_entity["name"],
                gold_entity["type"],
                f"{len(found)}/{len(wanted)}",
                str(len(holders)),
                "yes" if any(wanted <= f for f in holders) else "no",
            ]
        )
    owners = {normalise(a): i for i, g in enumerate(gold["entities"]) for a in g["aliases"]}
    merged = sum(1 for f in forms if len({owners[n] for n in f if n in owners}) > 1)
    return BenchTable(
        "seeds: gold alias sets against our entities",
        [
            "gold entity",
            "type",
            "aliases found",
            "entities holding them (all stories)",
            "all in one",
        ],
        rows,
        [f"entities holding two gold entities (wrong merges): {merged}"],
    )


_MEASURES = {
    "articles found": ("found", "articles"),
    "language": ("language", "found"),
    "title": ("title", "found"),
    "outlet": ("outlet", "found"),
    "published date": ("published", "found"),
    "boilerplate lines removed": ("boilerplate_removed", "boilerplate_total"),
    "must-keep sentences kept": ("kept", "keep_total"),
}


def _row(name: str, ours: SeedScore, base: SeedScore) -> list[str]:
    hit, total = _MEASURES[name]
    return [name, _ratio(ours, hit, total), _ratio(base, hit, total)]


def _ratio(score: SeedScore, hit: str, total: str) -> str:
    return f"{getattr(score, hit)}/{getattr(score, total)}"

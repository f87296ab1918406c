"""The demo benchmark: the shipped demo's facts against its own answer key."""

from __future__ import annotations

from pathlib import Path

from corroborate.bench import get_benchmark
from corroborate.bench.demo import demo_table
from corroborate.store import Store


def _found(demo_run: Path) -> dict[str, str]:
    """Each row's "claims found" (a fact of the key, then the totals)."""
    with Store(demo_run / "corroborate.duckdb") as store:
        table = demo_table(store.articles(), store.stories())
    return {row[0]: row[1] for row in table.rows}


def test_every_fact_of_the_demo_key_gets_its_verdict(demo_run: Path) -> None:
    totals = _found(demo_run)
    assert totals["all facts: the key's verdict"] == "25/25"
    whole, facts = map(int, totals["all facts: whole, with the key's verdict"].split("/"))
    found, wanted = map(int, totals["all claims of the key found"].split("/"))
    assert facts == 25 and whole <= facts
    # every claim of the key stands in the text it is keyed to, and most are found
    assert wanted == 122 and found > wanted * 0.8


def test_the_benchmark_is_registered() -> None:
    assert get_benchmark("demo").__module__ == "corroborate.bench.demo"


def test_the_german_report_of_the_injured_is_one_of_the_conflicting_sources(
    demo_run: Path,
) -> None:
    # "nach Angaben der niederländischen Behörden 17 Menschen verletzt"
    assert _found(demo_run)["Marleveen: number of people injured (14 vs 17)"] == "8/8"

"""Watch: poll sources again and again, and say what changed in the stories each time.

Why a loop over the ordinary pipeline and nothing more: a run into the same folder
already reads only what is new (files by content hash, URLs by conditional request)
and re-clusters only the stories that new articles touch. What a person following a
story needs on top is the difference: which stories are new, which got new sources,
which facts changed their verdict (agreed -> conflicting). :func:`diff_stories`
computes that from the stories before and after a poll; :func:`watch` runs the polls,
appends each change to ``DIR/changes.jsonl`` and hands each poll to a callback (the
command line prints it).

Ctrl-C: the pipeline writes each document in its own transaction and closes the store
on the way out, so a KeyboardInterrupt, during a poll or between polls, leaves every
stored page in place and is passed on to the caller. The next poll or run goes on from
there: pages already stored are not fetched again, and their stories are built then.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from corroborate.model import Fact, RunResult, Story
from corroborate.pipeline import RunOptions, RunStats, run_pipeline, stored_stories

CHANGES_NAME = "changes.jsonl"
ChangeKind = Literal["new_story", "new_sources", "fact_status"]
#: Runs one poll: the pipeline, or the pipeline wrapped in a progress bar.
Runner = Callable[[Sequence[Path | str], Path, RunOptions], tuple[RunResult, RunStats]]

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86_400}


def parse_interval(text: str) -> float:
    """Seconds in an interval written ``30s``, ``10m``, ``1h``, ``1.5h`` or ``2d``
    (a bare number is seconds); ValueError with the accepted forms otherwise."""
    match = _INTERVAL.match(text)
    if match is None:
        raise ValueError(f"cannot read the interval {text!r}: use e.g. 30s, 10m, 1h")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


@dataclass(frozen=True)
class Change:
    """One thing that changed in the stories between two polls."""

    kind: ChangeKind
    #: The story's id now (ids follow the members, so a grown story has a new id).
    story: str
    title: str
    #: new_story: its articles; new_sources: the articles it gained.
    articles: tuple[str, ...] = ()
    #: Where those articles came from (URL, else file), in the same order.
    sources: tuple[str, ...] = ()
    fact: str | None = None
    label: str | None = None
    before: str | None = None
    after: str | None = None

    def record(self, poll: int, when: str) -> dict[str, Any]:
        """The JSON object logged for this change (empty fields left out)."""
        fields = {k: list(v) if isinstance(v, tuple) else v for k, v in vars(self).items()}
        return {"time": when, "poll": poll, **{k: v for k, v in fields.items() if v}}

    def describe(self) -> str:
        """One line for the console."""
        if self.kind == "new_story":
            return f"new story {self.title!r} ({len(self.articles)} articles)"
        if self.kind == "new_sources":
            return f"story {self.title!r}: new sources {', '.join(self.sources)}"
        return f"story {self.title!r}: fact {self.label!r} {self.before} -> {self.after}"


@dataclass(frozen=True)
class Poll:
    """What one poll did: the run's own counts, everything stored, what changed."""

    number: int
    time: str
    stats: RunStats
    result: RunResult
    changes: list[Change] = field(default_factory=list)


def watch(
    sources: Sequence[Path | str],
    out_dir: Path,
    every_s: float,
    *,
    polls: int | None = None,
    options: RunOptions | None = None,
    run: Runner = run_pipeline,
    on_poll: Callable[[Poll], None] | None = None,
    wait: Callable[[float], None] = time.sleep,
) -> int:
    """Poll ``sources`` into ``out_dir`` every ``every_s`` seconds; return the polls done.

    Stops after ``polls`` polls (never when None). The first poll is compared with what
    the store held before it, so a watch started again, or ``--polls 1`` from cron,
    reports what changed since the last run. ``wait`` sleeps between polls (tests pass
    a hook that changes the sources instead). KeyboardInterrupt is passed on.
    """
    options = options or RunOptions()
    before = stored_stories(out_dir, options)
    number = 0
    while polls is None or number < polls:
        if number:
            wait(every_s)
        number += 1
        result, stats = run(sources, out_dir, options)
        poll = Poll(number, _now(), stats, result, diff_stories(before, result))
        append_changes(out_dir / CHANGES_NAME, poll)
        if on_poll is not None:
            on_poll(poll)
        before = result.stories
    return number


def diff_stories(before: Sequence[Story], after: RunResult) -> list[Change]:
    """What changed from the stories ``before`` to those of ``after``, story by story."""
    origin = {a.id: a.url or a.source for a in after.articles}
    changes: list[Change] = []
    for story in after.stories:
        previous = _previous(story, before)
        if previous is None:
            changes.append(_change("new_story", story, story.articles, origin))
            continue
        added = [a for a in story.articles if a not in previous.articles]
        if added:
            changes.append(_change("new_sources", story, added, origin))
        changes.extend(_fact_changes(story, previous))
    return changes


def append_changes(path: Path, poll: Poll) -> None:
    """Append one JSON line per change, flushed to disk before the next poll starts."""
    if not poll.changes:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as log:
        for change in poll.changes:
            log.write(json.dumps(change.record(poll.number, poll.time), ensure_ascii=False))
            log.write("\n")


def _previous(story: Story, before: Sequence[Story]) -> Story | None:
    """The earlier version of ``story``: same id, else the one sharing most articles."""
    best: Story | None = None
    best_shared = 0
    members = set(story.articles)
    for old in before:
        if old.id == story.id:
            return old
        shared = len(members.intersection(old.articles))
        if shared > best_shared:
            best, best_shared = old, shared
    return best


def _fact_changes(story: Story, previous: Story) -> list[Change]:
    """Facts of ``story`` whose status differs from the same fact in ``previous``.

    A fact is the same by id, else by label when that label names one fact only (fact
    ids may follow their claims, which a new source changes).
    """
    by_id = {f.id: f for f in previous.facts}
    by_label = _unique_labels(previous.facts)
    changes: list[Change] = []
    for fact in story.facts:
        old = by_id.get(fact.id) or by_label.get(fact.label)
        if old is not None and old.status != fact.status:
            changes.append(
                Change(
                    "fact_status",
                    story.id,
                    story.title,
                    fact=fact.id,
                    label=fact.label,
                    before=old.status,
                    after=fact.status,
                )
            )
    return changes


def _unique_labels(facts: Sequence[Fact]) -> dict[str, Fact]:
    count: dict[str, int] = {}
    for fact in facts:
        count[fact.label] = count.get(fact.label, 0) + 1
    return {f.label: f for f in facts if count[f.label] == 1}


def _change(
    kind: ChangeKind, story: Story, articles: Sequence[str], origin: Mapping[str, str]
) -> Change:
    return Change(
        kind,
        story.id,
        story.title,
        articles=tuple(articles),
        sources=tuple(origin.get(a, a) for a in articles),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

"""Near-duplicate detection: syndicated copies fold, distinct write-ups stay apart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from corroborate.dedup import (
    BANDS,
    DedupItem,
    DuplicateUpdate,
    band_keys,
    find_duplicates,
    jaccard,
    shingles,
)

BODY = (
    "A freight train carrying grain left the rails near the river crossing on Tuesday night, "
    "injuring two crew members and closing the line for at least three days. The regional rail "
    "operator said the cause was not yet known and that investigators had reached the site by "
    "midnight. Residents reported a loud bang followed by the smell of diesel. Repair crews are "
    "expected to replace around 300 metres of track before services can resume on the route."
)
OTHER = (
    "The city council approved a new budget for public libraries on Monday, adding two mobile "
    "libraries and extending opening hours on Sundays. The vote passed with a large majority "
    "after a debate of more than four hours about staffing costs and building maintenance."
)


def test_syndicated_copy_with_new_headline_and_footer_is_a_duplicate() -> None:
    copy = "Rail line closed after derailment | Daily Example\n\n" + BODY + "\n\nShare this story."
    mapping = find_duplicates([DedupItem("b_copy", copy), DedupItem("a_orig", BODY)])
    assert mapping == {"a_orig": "b_copy"}  # the longer text is kept


def test_equal_length_copies_keep_the_smallest_id() -> None:
    mapping = find_duplicates([DedupItem("z", BODY), DedupItem("m", BODY), DedupItem("c", BODY)])
    assert mapping == {"m": "c", "z": "c"}


def test_distinct_articles_are_not_duplicates() -> None:
    assert find_duplicates([DedupItem("x", BODY), DedupItem("y", OTHER)]) == {}


def test_result_does_not_depend_on_input_order() -> None:
    items = [DedupItem("1", BODY), DedupItem("2", BODY + " Updated."), DedupItem("3", OTHER)]
    assert find_duplicates(items) == find_duplicates(list(reversed(items)))


def test_shingles_and_jaccard() -> None:
    assert shingles("one two three four") == {"one two three", "two three four"}
    assert jaccard({"a", "b"}, {"b", "c"}) == 1 / 3
    assert jaccard(set(), {"a"}) == 0.0


def _variants() -> list[DedupItem]:
    """Copies with small edits (near-duplicates of each other), lengths differing so that
    which copy is kept depends on who is in the group, and unrelated texts."""
    words = BODY.split()
    items = []
    for n in range(6):
        edited = words[:]
        edited[n * 7] = f"changed{n}"
        items.append(DedupItem(f"body-{n}", " ".join(edited + ["extra"] * n)))
    items += [DedupItem(f"other-{n}", OTHER + " Word" * n) for n in range(3)]
    items.append(DedupItem("alone", "A short note about something else entirely, on its own."))
    return items


class _Compared:
    """Compared articles kept in memory, as the store keeps them; records what is read."""

    def __init__(self) -> None:
        self.keys: dict[str, list[int]] = {}
        self.stored_texts: dict[str, str] = {}
        self.asked: list[str] = []

    def sharing_bands(self, keys: Mapping[str, Sequence[int]]) -> dict[str, list[str]]:
        found = {
            a: sorted(
                o
                for o, theirs in self.keys.items()
                if set(enumerate(mine)) & set(enumerate(theirs))
            )
            for a, mine in keys.items()
        }
        return {a: others for a, others in found.items() if others}

    def texts(self, ids: Sequence[str]) -> dict[str, str]:
        self.asked.extend(ids)
        return {i: self.stored_texts[i] for i in ids}

    def text_lengths(self, ids: Sequence[str]) -> dict[str, int]:
        return {i: len(self.stored_texts[i]) for i in ids}


def _incremental(batches: list[list[DedupItem]], chunk: int = 1000) -> dict[str, str]:
    compared = _Compared()
    mapping: dict[str, str] = {}
    for batch in batches:
        update = DuplicateUpdate(compared, mapping)
        for start in range(0, len(batch), chunk):
            part = batch[start : start + chunk]
            compared.keys.update(update.add(part))
            compared.stored_texts.update({item.id: item.text for item in part})
        mapping = update.mapping()
    assert set(compared.asked) <= set(compared.stored_texts)
    return mapping


def test_adding_articles_batch_by_batch_gives_the_groups_of_one_pass() -> None:
    import random

    items = _variants()
    expected = find_duplicates(items)
    assert len(set(expected.values())) == 2  # one kept body, one kept other
    for seed in range(8):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        cuts = sorted(random.Random(seed + 100).sample(range(1, len(shuffled)), 3))
        batches = [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(shuffled)], strict=True)]
        assert _incremental(batches) == expected, f"seed {seed}"
        assert _incremental(batches, chunk=2) == expected, f"seed {seed}, chunks of 2"


def test_a_new_longer_copy_becomes_the_kept_article() -> None:
    items = _variants()
    first = [i for i in items if i.id != "body-5"]
    mapping = _incremental([first, [i for i in items if i.id == "body-5"]])
    assert mapping["body-0"] == "body-5" and "body-5" not in mapping


def test_band_keys_are_stable_64_bit_hashes_one_a_band() -> None:
    keys = band_keys(BODY)
    assert keys == band_keys(BODY) and len(keys) == len(BANDS) > 10
    assert all(-(2**63) <= key < 2**63 for key in keys)
    assert not set(enumerate(keys)) & set(enumerate(band_keys(OTHER)))
    copy = BODY.replace("Tuesday", "Wednesday")
    assert set(enumerate(keys)) & set(enumerate(band_keys(copy)))  # a near-copy shares a band


def test_only_candidates_that_may_join_a_group_are_read() -> None:
    # Five stored copies already in one group: a new copy needs one comparison, not five.
    compared = _Compared()
    first = DuplicateUpdate(compared, {})
    copies = [DedupItem(f"copy-{n}", BODY + " x" * n) for n in range(5)]
    compared.keys.update(first.add(copies))
    compared.stored_texts.update({item.id: item.text for item in copies})
    mapping = first.mapping()
    assert len(mapping) == 4
    later = DuplicateUpdate(compared, mapping)
    later.add([DedupItem("copy-new", BODY + " y")])
    assert len(compared.asked) == 1
    assert later.mapping() == {**{f"copy-{n}": "copy-4" for n in range(4)}, "copy-new": "copy-4"}


def test_a_new_article_that_links_two_stored_groups_joins_them_into_one() -> None:
    # Chains: each text is a near-copy of its neighbour, not of texts further along.
    words = [f"w{n}" for n in range(300)]
    marks = [f"mark_with_a_long_name_{n}" for n in range(40)]  # the middle is the longest
    left = " ".join(words)
    tail = " ".join(words[:260] + [f"t{n}" for n in range(40)])  # left's copy, edited late
    middle = " ".join(marks + words[40:])
    right = " ".join(marks + [f"r{n}" for n in range(40)] + words[80:])
    near = [(left, middle), (middle, right), (left, tail)]
    far = [(left, right), (tail, middle)]
    assert all(jaccard(shingles(a), shingles(b)) >= 0.7 for a, b in near)
    assert all(jaccard(shingles(a), shingles(b)) < 0.7 for a, b in far)
    first = [DedupItem("a-left", left), DedupItem("b-tail", tail), DedupItem("c-right", right)]
    later = [DedupItem("d-middle", middle)]
    assert find_duplicates(first) == {"b-tail": "a-left"}
    expected = find_duplicates(first + later)
    assert expected == {"a-left": "d-middle", "b-tail": "d-middle", "c-right": "d-middle"}
    assert _incremental([first, later]) == expected

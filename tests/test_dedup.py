"""Near-duplicate detection: syndicated copies fold, distinct write-ups stay apart."""

from __future__ import annotations

from corroborate.dedup import DedupItem, find_duplicates, jaccard, shingles

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

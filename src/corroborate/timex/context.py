"""The reporting period: what "the quarter" and "a year ago" mean in an earnings story.

Business news reports on one period, named once ("the third quarter", "the
quarter ended Sept. 30") and then referred to as "the quarter" or "the latest
quarter"; figures are compared with "a year ago" / "a year earlier" /
"the year-ago quarter", which is that same quarter one year before. On
TempEval-3 train these comparisons are annotated as the quarter a year back
(``1988-Q3`` in an October 1989 story), not as the bare year.

So, reading the article in order:

* a quarter with a known value (``1989-Q3``) becomes the reporting quarter;
* "the quarter" (a reading marked ``ref="quarter"``) is the reporting quarter
  when one was named before it, else the last finished quarter before the
  publication date (its default value, computed by the rule);
* a one-year look back (``ref="year_back"``) is the reporting quarter a year
  earlier when there is one, else the year before the publication (default).

Nothing here invents a date: every value is either the rule's anchor-relative
default or a quarter the article itself named.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborate.timex.normalize import Reading, quarter_reading

QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")

Placed = tuple[int, int, Reading]


def settle_periods(chosen: list[Placed]) -> list[Placed]:
    """``chosen`` (in text order) with "the quarter" and "a year ago" read against the period."""
    period: tuple[int, int] | None = None
    settled: list[Placed] = []
    for start, end, reading in chosen:
        reading = settle(reading, period)
        found = QUARTER.match(reading.value or "")
        if found and reading.ref != "year_back":
            period = (int(found[1]), int(found[2]))
        settled.append((start, end, reading))
    return settled


def settle(reading: Reading, period: tuple[int, int] | None) -> Reading:
    """One reading against the reporting quarter named so far (None: none named yet)."""
    if period is None or reading.ref is None or reading.value is None:
        return reading
    year, quarter = period
    if reading.ref == "quarter":
        return replace(quarter_reading(year, quarter, True), ref=reading.ref)
    if reading.ref == "year_back":
        return replace(quarter_reading(year - 1, quarter, True), ref=reading.ref)
    return reading

"""Inline SVG charts drawn by hand: the story timeline and the places plot.

Why by hand: the report must be one offline file and the project carries no
plotting library; a few rectangles, circles and labels are all these charts need,
and writing them ourselves keeps the output byte-for-byte deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from corroborate.model import Entity, TimelineEntry
from corroborate.render.html import AttrValue, Html, el, fmt
from corroborate.render.sources import Sources, Span, format_date

_LANE_H = 24
_LEFT = 170
_TOP = 30
_SLOT = 18
_MIN_COLUMN = 88
_GAP = 44
_AXIS_H = 40
#: The labels' font sizes (``.tl-lane-label`` and ``.place-label`` in the stylesheet)
#: and the widest a character may be taken to be, on average, as a share of its font
#: size (digits of common sans-serif faces are about 0.64 of it).
LANE_FONT_PX = 12
PLACE_FONT_PX = 11
CHAR_WIDTH_SHARE = 0.65
#: Space between a lane's label and the chart.
_LABEL_PAD = 10
#: The longest lane label that fits left of the chart; longer ones are cut with "…"
#: (a file name of 24 characters had lost its first to the page's edge).
_LABEL_CHARS = int((_LEFT - _LABEL_PAD) / (CHAR_WIDTH_SHARE * LANE_FONT_PX))


def _text_width(text: str, font_px: int) -> float:
    """How wide ``text`` may be drawn, at most, in pixels."""
    return len(text) * CHAR_WIDTH_SHARE * font_px


_COARSE = frozenset({"week", "month", "season", "year", "decade", "century"})


@dataclass
class _Column:
    """Consecutive dated entries on one day, drawn side by side above one date label."""

    date: str
    precision: str
    entries: list[tuple[int, TimelineEntry]] = field(default_factory=list)
    x: float = 0.0
    width: float = 0.0


def _short(label: str, limit: int = _LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _columns(timeline: list[TimelineEntry]) -> list[_Column]:
    """Dated entries (numbered by their place in the whole timeline) grouped by date."""
    dated = [(n, e) for n, e in enumerate(timeline, start=1) if e.date is not None]
    dated.sort(key=lambda pair: (pair[1].date or "", pair[0]))
    columns: list[_Column] = []
    for number, entry in dated:
        if not columns or columns[-1].date != entry.date:
            columns.append(_Column(entry.date or "", entry.precision))
        columns[-1].entries.append((number, entry))
    x = float(_LEFT + 12)
    for column in columns:
        column.x = x
        column.width = max(_MIN_COLUMN, len(column.entries) * _SLOT)
        x += column.width + _GAP
    return columns


def _lanes(columns: list[_Column], story_articles: list[str]) -> list[str]:
    """One lane per cited article, in the story's order of articles."""
    cited = {m.article for c in columns for _, e in c.entries for m in e.claims}
    order = {article: n for n, article in enumerate(story_articles)}
    return sorted(cited, key=lambda a: (order.get(a, len(order)), a))


def _gap_label(earlier: str, later: str) -> str:
    """Elapsed time between two columns, since the axis is not to scale."""
    try:
        days = (date.fromisoformat(later) - date.fromisoformat(earlier)).days
    except ValueError:
        return ""
    if days < 60:
        return f"+{days} d"
    if days < 730:
        return f"+{round(days / 30.44)} mo"
    return f"+{round(days / 365.25)} y"


#: The widest timeline chart (px) that is scaled down to the width of the page
#: rather than scrolled: at most about 1.5 times a laptop's page (about 1,050 px),
#: so that its 10-12 px labels stay 7 px or more.
FIT_WIDTH = 1600


def _svg(width: float, height: float, label: str, *children: Html, class_: str) -> Html:
    return el(
        "svg",
        el("title", label),
        *children,
        viewBox=f"0 0 {fmt(width)} {fmt(height)}",
        width=fmt(width),
        height=fmt(height),
        role="img",
        aria_label=label,
        class_=class_,
    )


def _span_attrs(span: Span | None) -> dict[str, AttrValue]:
    if span is None:
        return {}
    return {"data_a": span.article, "data_s": span.start, "data_e": span.end}


def timeline_svg(
    timeline: list[TimelineEntry], sources: Sources, story_articles: list[str]
) -> Html:
    """Dated entries on an ordinal time axis, one lane per source.

    Each entry is one ``g.tl-mark`` with a dot in the lane of every source that
    states it (filled for a day, hollow for a month or coarser) joined by a line;
    the number above it is its number in the timeline list below the chart.
    Returns empty markup when no entry has a date.
    """
    columns = _columns(timeline)
    if not columns:
        return Html("")
    lanes = _lanes(columns, story_articles)
    lane_y = {article: _TOP + _LANE_H * (n + 0.5) for n, article in enumerate(lanes)}
    axis_y = _TOP + _LANE_H * len(lanes) + 6
    width = columns[-1].x + columns[-1].width + 12
    parts = [_lane_background(n, article, sources, width) for n, article in enumerate(lanes)]
    for n, column in enumerate(columns):
        parts.append(_column_frame(column, axis_y))
        if n:
            parts.append(_gap_text(columns[n - 1], column, axis_y))
        parts.extend(
            _mark(column, i, entry, lane_y, sources) for i, entry in enumerate(column.entries)
        )
    parts.append(el("line", x1=_LEFT, x2=fmt(width - 6), y1=axis_y, y2=axis_y, class_="tl-axis"))
    # a chart a little wider than the page is drawn smaller to fit it; a long one
    # keeps its size and scrolls, as shrinking it would leave its text unreadable
    fits = width <= FIT_WIDTH
    return _svg(
        width,
        axis_y + _AXIS_H - 6,
        "Timeline of dated events by source",
        *parts,
        class_="tl fit" if fits else "tl",
    )


def _lane_background(n: int, article: str, sources: Sources, width: float) -> Html:
    y = _TOP + _LANE_H * n
    name, day = sources.name(article), sources.day_if_shared(article)
    shown = _short(name) if day is None else f"{_short(name, _LABEL_CHARS - len(day) - 2)}, {day}"
    label = el(
        "text",
        el("title", sources.chip_name(article)),
        shown,
        x=_LEFT - _LABEL_PAD,
        y=fmt(y + _LANE_H * 0.66),
        class_="tl-lane-label",
        text_anchor="end",
    )
    stripe = el("rect", x=0, y=y, width=fmt(width), height=_LANE_H, class_=f"tl-lane l{n % 2}")
    return Html(stripe + label)


def _column_frame(column: _Column, axis_y: float) -> Html:
    middle = column.x + column.width / 2
    frame = el(
        "rect",
        x=fmt(column.x),
        y=_TOP - 4,
        width=fmt(column.width),
        height=fmt(axis_y - _TOP + 4),
        rx=4,
        class_="tl-col",
    )
    tick = el("line", x1=fmt(middle), x2=fmt(middle), y1=axis_y, y2=axis_y + 5, class_="tl-axis")
    label = el(
        "text",
        format_date(column.date, column.precision),
        x=fmt(middle),
        y=axis_y + 20,
        class_="tl-date",
        text_anchor="middle",
    )
    return Html(frame + tick + label)


def _gap_text(before: _Column, after: _Column, axis_y: float) -> Html:
    middle = before.x + before.width + _GAP / 2
    return el(
        "text",
        _gap_label(before.date, after.date),
        x=fmt(middle),
        y=axis_y - 4,
        class_="tl-gap",
        text_anchor="middle",
    )


def _mark(
    column: _Column,
    index: int,
    numbered: tuple[int, TimelineEntry],
    lane_y: dict[str, float],
    sources: Sources,
) -> Html:
    number, entry = numbered
    slots = len(column.entries)
    x = column.x + (column.width - slots * _SLOT) / 2 + _SLOT * (index + 0.5)
    first: dict[str, Span | None] = {}
    for claim in entry.claims:
        first.setdefault(claim.article, sources.span(claim.article, claim.start, claim.end))
    ys = sorted(lane_y[a] for a in first)
    names = ", ".join(sorted({sources.name(a) for a in first}))
    hollow = " hollow" if entry.precision in _COARSE else ""
    parts = [
        el(
            "title",
            f"#{number} {format_date(entry.date, entry.precision)}: {entry.label} ({names})",
        )
    ]
    parts.append(
        el("text", str(number), x=fmt(x), y=_TOP - 8, class_="tl-num", text_anchor="middle")
    )
    if len(ys) > 1:
        parts.append(
            el("line", x1=fmt(x), x2=fmt(x), y1=fmt(ys[0]), y2=fmt(ys[-1]), class_="tl-link")
        )
    for article, span in first.items():
        parts.append(
            el(
                "circle",
                cx=fmt(x),
                cy=fmt(lane_y[article]),
                r=6,
                class_=f"tl-dot{hollow}",
                **_span_attrs(span),
            )
        )
    return el("g", parts, class_="tl-mark", data_entry=number)


# --- places -----------------------------------------------------------------------------------

_MAP_W = 420
_MAP_H = 260
_MAP_PAD = 28
_STEPS = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 45.0, 90.0)


@dataclass(frozen=True)
class _Point:
    name: str
    lon: float
    lat: float
    span: Span | None
    #: How often the story names the place: the most named get their labels first.
    mentions: int = 1


@dataclass(frozen=True)
class _Frame:
    """Equirectangular projection of a lon/lat box onto the plot, longitudes shrunk by cos(lat)."""

    lon0: float
    lat0: float
    scale: float
    squeeze: float

    def x(self, lon: float) -> float:
        return _MAP_W / 2 + (lon - self.lon0) * self.scale * self.squeeze

    def y(self, lat: float) -> float:
        return _MAP_H / 2 - (lat - self.lat0) * self.scale


def _points(entities: list[Entity], sources: Sources) -> list[_Point]:
    """A point for each place in a country with coordinates: a continent or a sea
    ("Europe") has no country, and a dot in its middle would say it is a town."""
    points = []
    for entity in entities:
        place = entity.place
        if place is None or place.latitude is None or place.longitude is None:
            continue
        if place.country is None:
            continue
        mention = entity.mentions[0] if entity.mentions else None
        span = sources.span(mention.article, mention.start, mention.end) if mention else None
        points.append(
            _Point(entity.name, place.longitude, place.latitude, span, len(entity.mentions))
        )
    return points


def _frame(points: list[_Point]) -> _Frame:
    lons = [p.lon for p in points]
    lats = [p.lat for p in points]
    lat0 = (min(lats) + max(lats)) / 2
    squeeze = max(0.2, math.cos(math.radians(lat0)))
    lon_span = max(2.0, (max(lons) - min(lons)) * 1.3)
    lat_span = max(2.0, (max(lats) - min(lats)) * 1.3)
    scale = min((_MAP_W - 2 * _MAP_PAD) / (lon_span * squeeze), (_MAP_H - 2 * _MAP_PAD) / lat_span)
    return _Frame((min(lons) + max(lons)) / 2, lat0, scale, squeeze)


def _step(span_degrees: float) -> float:
    return next((s for s in _STEPS if span_degrees / s <= 6), _STEPS[-1])


def _graticule(frame: _Frame) -> list[Html]:
    """Grid lines every few degrees, labelled, so distances can be judged."""
    lon_lo = frame.lon0 - (_MAP_W / 2) / (frame.scale * frame.squeeze)
    lat_lo = frame.lat0 - (_MAP_H / 2) / frame.scale
    lon_step = _step(_MAP_W / (frame.scale * frame.squeeze))
    lat_step = _step(_MAP_H / frame.scale)
    parts = []
    for lon in _ticks(lon_lo, lon_step, lambda v: frame.x(v) < _MAP_W):
        x = fmt(frame.x(lon))
        parts.append(el("line", x1=x, x2=x, y1=0, y2=_MAP_H, class_="grid"))
        parts.append(el("text", _degrees(lon, "E", "W"), x=x, y=_MAP_H - 4, class_="grid-label"))
    for lat in _ticks(lat_lo, lat_step, lambda v: frame.y(v) > 0):
        y = fmt(frame.y(lat))
        parts.append(el("line", x1=0, x2=_MAP_W, y1=y, y2=y, class_="grid"))
        parts.append(el("text", _degrees(lat, "N", "S"), x=3, y=y, class_="grid-label"))
    return parts


def _ticks(low: float, step: float, inside: Callable[[float], bool]) -> list[float]:
    """Multiples of ``step`` from ``low`` up while ``inside`` holds (at most 20)."""
    first = math.ceil(low / step)
    values = [round((first + k) * step, 6) for k in range(20)]
    return [v for v in values if inside(v)]


def _degrees(value: float, positive: str, negative: str) -> str:
    shown = f"{abs(value):.1f}".removesuffix(".0")
    return f"{shown}°{positive if value >= 0 else negative}"


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two label boxes (x0, y0, x1, y1) intersect; a hidden label stays in the tooltip."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _where(point: _Point) -> str:
    return f"{_degrees(point.lat, 'N', 'S')}, {_degrees(point.lon, 'E', 'W')}"


_DOT_R = 5


def _labels(points: list[_Point], frame: _Frame) -> dict[_Point, Html]:
    """A label beside each dot where one fits: right of the dot, else left of it, above
    or below it, over no other label and no other dot. The places the story names most
    are labelled first ("Moscow" before "Domodedovo" beside it); a place left
    unlabelled keeps its name in the dot's tooltip."""
    dots = {point: (frame.x(point.lon), frame.y(point.lat)) for point in points}
    obstacles = {
        point: (x - _DOT_R, y - _DOT_R, x + _DOT_R, y + _DOT_R) for point, (x, y) in dots.items()
    }
    taken: list[tuple[float, float, float, float]] = []
    labels: dict[_Point, Html] = {}
    for point in sorted(points, key=lambda p: (-p.mentions, p.name)):
        x, y = dots[point]
        width = _text_width(point.name, PLACE_FONT_PX)
        others = [box for other, box in obstacles.items() if other != point]
        # right, left, above, below the dot; the text's baseline is 4 above a box's foot
        for left, top in ((x + 8, y - 8), (x - 8 - width, y - 8), (x - width / 2, y - 20),
                          (x - width / 2, y + 8)):  # fmt: skip
            box = (left, top, left + width, top + 12)
            inside = left >= 0 and box[2] <= _MAP_W and top >= 0 and box[3] <= _MAP_H
            if not inside or any(_overlap(box, o) for o in taken + others):
                continue
            taken.append(box)
            labels[point] = el(
                "text", point.name, x=fmt(left), y=fmt(top + 12), class_="place-label"
            )
            break
    return labels


def places_svg(entities: list[Entity], sources: Sources) -> Html:
    """A lon/lat scatter of the story's places that have coordinates (empty if none).

    No coastlines: the page must stay offline and small, and the grid plus the
    labels are enough to see which places are near each other.
    """
    points = _points(entities, sources)
    if not points:
        return Html("")
    frame = _frame(points)
    parts = _graticule(frame)
    labels = _labels(points, frame)
    for point in points:
        x, y = frame.x(point.lon), frame.y(point.lat)
        parts.append(
            el(
                "g",
                el("title", f"{point.name} ({_where(point)})"),
                el(
                    "circle",
                    cx=fmt(x),
                    cy=fmt(y),
                    r=5,
                    class_="place-dot",
                    **_span_attrs(point.span),
                ),
                labels.get(point),
                class_="place",
            )
        )
    return _svg(_MAP_W, _MAP_H, "Places by longitude and latitude", *parts, class_="places")

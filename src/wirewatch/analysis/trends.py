"""Trends between two actors: counts by quad class, Goldstein sums and a conflict index.

``pair_trend(rows, "PRK", "USA", period="week")`` buckets the events between the two actors
(both directions, kept apart) into days or ISO weeks, filling quiet periods with zeros so a
chart or a detector sees time as it passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..errors import InputError
from .rows import EventRow, actor_matches

PERIODS = ("day", "week")
DIRECTIONS = ("ab", "ba", "both")


def period_start(day: date, period: str) -> date:
    """The first day of the bucket holding ``day``: itself, or the Monday of its ISO week."""
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    raise InputError(f"unknown period {period!r} (use day or week)", origin="period")


def period_range(first: date, last: date, period: str) -> list[date]:
    """Every bucket start from ``first``'s bucket to ``last``'s, inclusive."""
    step = timedelta(days=1 if period == "day" else 7)
    cur, end = period_start(first, period), period_start(last, period)
    out = []
    while cur <= end:
        out.append(cur)
        cur += step
    return out


def conflict_index(cooperation: float, conflict: float) -> float | None:
    """Conflict–cooperation index in [-1, 1]: +1 all conflict, -1 all cooperation.

    Takes weighted totals (material acts weigh double, see ``EventRow.weight``); ``None``
    when there is nothing to weigh.
    """
    total = cooperation + conflict
    return None if total <= 0 else (conflict - cooperation) / total


@dataclass(slots=True)
class Bucket:
    """Running totals for one period and direction."""

    counts: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    uncoded: int = 0
    goldstein: float = 0.0
    conflict_weight: float = 0.0
    cooperation_weight: float = 0.0

    def add(self, row: EventRow) -> None:
        if row.quad_class in (1, 2, 3, 4):
            self.counts[row.quad_class - 1] += row.count
        else:
            self.uncoded += row.count
        self.goldstein += (row.goldstein or 0.0) * row.count
        if row.is_conflict:
            self.conflict_weight += row.weight * row.count
        elif row.is_cooperation:
            self.cooperation_weight += row.weight * row.count


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One period in one direction."""

    period: date
    direction: str
    """``ab`` (A acts on B), ``ba`` or ``both``."""
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    events: int
    goldstein: float
    conflict_index: float | None

    @property
    def conflict(self) -> int:
        return self.verbal_conflict + self.material_conflict

    @property
    def cooperation(self) -> int:
        return self.verbal_cooperation + self.material_cooperation

    def to_dict(self) -> dict[str, object]:
        return {
            "period": self.period.isoformat(), "direction": self.direction,
            "verbal_cooperation": self.verbal_cooperation,
            "material_cooperation": self.material_cooperation,
            "verbal_conflict": self.verbal_conflict,
            "material_conflict": self.material_conflict,
            "events": self.events, "goldstein": round(self.goldstein, 3),
            "conflict_index": None if self.conflict_index is None
            else round(self.conflict_index, 4),
        }


@dataclass(frozen=True, slots=True)
class PairTrend:
    """The trend between actors ``a`` and ``b``: one point per period and direction."""

    a: str
    b: str
    period: str
    points: tuple[TrendPoint, ...]

    def series(self, direction: str = "both") -> list[TrendPoint]:
        return [p for p in self.points if p.direction == direction]

    def to_dict(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "period": self.period,
                "points": [p.to_dict() for p in self.points]}


def pair_rows(rows: Iterable[EventRow], a: str, b: str) -> list[tuple[str, EventRow]]:
    """Rows between ``a`` and ``b`` (code prefixes) tagged ``ab`` or ``ba``, in date order.

    A row whose source and target both match both prefixes (``a == b``) counts as ``ab``.
    """
    out = []
    for row in rows:
        if actor_matches(row.source, a) and actor_matches(row.target, b):
            out.append(("ab", row))
        elif actor_matches(row.source, b) and actor_matches(row.target, a):
            out.append(("ba", row))
    out.sort(key=lambda t: t[1].day)
    return out


def _point(period: date, direction: str, bucket: Bucket) -> TrendPoint:
    c = bucket.counts
    return TrendPoint(
        period, direction, c[0], c[1], c[2], c[3], sum(c) + bucket.uncoded, bucket.goldstein,
        conflict_index(bucket.cooperation_weight, bucket.conflict_weight),
    )


def pair_trend(
    rows: Iterable[EventRow], a: str, b: str, *, period: str = "day",
    since: date | None = None, until: date | None = None,
) -> PairTrend:
    """Bucket the events between ``a`` and ``b`` by ``period`` (``day`` or ``week``).

    Periods run from ``since`` (or the first event) to ``until`` (or the last event) with
    quiet periods filled with zeros; each period has an ``ab``, a ``ba`` and a ``both`` point.
    """
    if period not in PERIODS:
        raise InputError(f"unknown period {period!r} (use day or week)", origin="period")
    tagged = [(d, r) for d, r in pair_rows(rows, a, b)
              if (since is None or r.day >= since) and (until is None or r.day <= until)]
    if not tagged and (since is None or until is None):
        return PairTrend(a, b, period, ())
    first = since or tagged[0][1].day
    last = until or tagged[-1][1].day
    buckets: dict[tuple[date, str], Bucket] = {}
    for direction, row in tagged:
        start = period_start(row.day, period)
        for key in ((start, direction), (start, "both")):
            buckets.setdefault(key, Bucket()).add(row)
    points = []
    for start in period_range(first, last, period):
        for direction in DIRECTIONS:
            points.append(_point(start, direction, buckets.get((start, direction), Bucket())))
    return PairTrend(a, b, period, tuple(points))


def daily_weights(
    rows: Iterable[EventRow], first: date | None = None, last: date | None = None
) -> tuple[list[date], list[float], list[float]]:
    """Days from ``first`` to ``last`` with the weighted conflict and cooperation per day."""
    rows = list(rows)
    if not rows and (first is None or last is None):
        return [], [], []
    first = first or min(r.day for r in rows)
    last = last or max(r.day for r in rows)
    days = period_range(first, last, "day")
    index = {d: i for i, d in enumerate(days)}
    conflict = [0.0] * len(days)
    cooperation = [0.0] * len(days)
    for r in rows:
        i = index.get(r.day)
        if i is None:
            continue
        if r.is_conflict:
            conflict[i] += r.weight * r.count
        elif r.is_cooperation:
            cooperation[i] += r.weight * r.count
    return days, conflict, cooperation

"""Escalation alerts: when conflict between two actors departs from its recent baseline.

For each day ``t`` the detector compares a short window (the last ``short_days`` days) with
the baseline window before it (``baseline_days`` days):

* the weighted conflict per day (material conflict weighs double) must sit ``z`` standard
  errors above the baseline mean, where the standard error is floored by a Poisson term so a
  quiet baseline does not turn every incident into an alarm, and
* the conflict–cooperation index of the short window must exceed the baseline index by
  ``min_index_rise`` — more conflict *relative to* cooperation, not just more news.

Consecutive alert days form one ``Alert`` (an episode); its ``day`` is the first day.
Thresholds were calibrated on the synthetic streams of ``benchmarks/trends.py`` (Poisson
background, planted escalations of 2–4× the conflict rate): see BENCHMARKS.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .rows import EventRow
from .trends import conflict_index, daily_weights, pair_rows

SHORT_DAYS = 3
BASELINE_DAYS = 28
MIN_BASELINE_DAYS = 14
Z_THRESHOLD = 3.5
MIN_INDEX_RISE = 0.2
MIN_CONFLICT_EVENTS = 3.0
"""Weighted conflict needed in the short window before anything is called an escalation."""


@dataclass(frozen=True, slots=True)
class DetectorSettings:
    short_days: int = SHORT_DAYS
    baseline_days: int = BASELINE_DAYS
    min_baseline_days: int = MIN_BASELINE_DAYS
    z_threshold: float = Z_THRESHOLD
    min_index_rise: float = MIN_INDEX_RISE
    min_conflict: float = MIN_CONFLICT_EVENTS


@dataclass(frozen=True, slots=True)
class Alert:
    """An escalation episode."""

    day: date
    """First day the alert fired."""
    last_day: date
    peak_day: date
    z: float
    """The largest z-score in the episode."""
    index: float
    """Conflict index of the short window on the peak day."""
    baseline_index: float
    conflict_per_day: float
    baseline_per_day: float

    def describe(self) -> str:
        return (f"{self.day.isoformat()}: conflict {self.conflict_per_day:.1f}/day vs "
                f"baseline {self.baseline_per_day:.1f}/day (z={self.z:.1f}), index "
                f"{self.baseline_index:+.2f} → {self.index:+.2f}")

    def to_dict(self) -> dict[str, object]:
        return {"day": self.day.isoformat(), "last_day": self.last_day.isoformat(),
                "peak_day": self.peak_day.isoformat(), "z": round(self.z, 2),
                "index": round(self.index, 3), "baseline_index": round(self.baseline_index, 3),
                "conflict_per_day": round(self.conflict_per_day, 2),
                "baseline_per_day": round(self.baseline_per_day, 2),
                "description": self.describe()}


@dataclass(frozen=True, slots=True)
class DayScore:
    """The detector's view of one day (kept for charts and tests)."""

    day: date
    z: float | None
    index: float | None
    baseline_index: float | None
    alert: bool


def score_days(
    days: list[date], conflict: list[float], cooperation: list[float],
    settings: DetectorSettings | None = None,
) -> list[DayScore]:
    """Score each day of a gap-free daily series; see the module docstring."""
    s = settings or DetectorSettings()
    out = []
    for t, day in enumerate(days):
        lo = max(0, t - s.short_days - s.baseline_days + 1)
        mid = t - s.short_days + 1
        if mid - lo < s.min_baseline_days:
            out.append(DayScore(day, None, None, None, False))
            continue
        base_c, base_p = conflict[lo:mid], cooperation[lo:mid]
        short_c, short_p = conflict[mid:t + 1], cooperation[mid:t + 1]
        n = len(base_c)
        mean = sum(base_c) / n
        sd = math.sqrt(sum((x - mean) ** 2 for x in base_c) / max(n - 1, 1))
        short_mean = sum(short_c) / s.short_days
        err = max(sd / math.sqrt(s.short_days), math.sqrt((mean + 0.5) / s.short_days))
        z = (short_mean - mean) / err
        idx = conflict_index(sum(short_p), sum(short_c))
        base_idx = conflict_index(sum(base_p), sum(base_c))
        base_idx_v = base_idx if base_idx is not None else -1.0
        alert = (
            z >= s.z_threshold and sum(short_c) >= s.min_conflict
            and idx is not None and idx - base_idx_v >= s.min_index_rise
        )
        out.append(DayScore(day, z, idx, base_idx, alert))
    return out


def _episodes(
    scores: list[DayScore], conflict: list[float], s: DetectorSettings
) -> list[Alert]:
    alerts: list[Alert] = []
    run: list[int] = []
    for i, sc in enumerate([*scores, None]):
        if sc is not None and sc.alert:
            run.append(i)
            continue
        if not run:
            continue
        peak = max(run, key=lambda j: scores[j].z or 0.0)
        ps = scores[peak]
        lo = max(0, peak - s.short_days - s.baseline_days + 1)
        mid = peak - s.short_days + 1
        alerts.append(Alert(
            day=scores[run[0]].day, last_day=scores[run[-1]].day, peak_day=ps.day,
            z=ps.z or 0.0, index=ps.index or 0.0,
            baseline_index=ps.baseline_index if ps.baseline_index is not None else -1.0,
            conflict_per_day=sum(conflict[mid:peak + 1]) / s.short_days,
            baseline_per_day=sum(conflict[lo:mid]) / max(mid - lo, 1),
        ))
        run = []
    return alerts


def detect_escalations(
    rows: Iterable[EventRow], a: str | None = None, b: str | None = None, *,
    since: date | None = None, until: date | None = None,
    settings: DetectorSettings | None = None,
) -> list[Alert]:
    """Escalation episodes in ``rows`` — between ``a`` and ``b`` (both directions) if given."""
    s = settings or DetectorSettings()
    selected = [r for _, r in pair_rows(rows, a, b)] if a and b else list(rows)
    selected = [r for r in selected
                if (since is None or r.day >= since) and (until is None or r.day <= until)]
    days, conflict, cooperation = daily_weights(selected, since, until)
    if not days:
        return []
    return _episodes(score_days(days, conflict, cooperation, s), conflict, s)

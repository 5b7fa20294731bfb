"""Analysis over event rows: dyads, trends, escalation alerts and reciprocity.

Pure functions: rows in, records out (no database, no I/O)::

    from wirewatch.analysis import EventRow, pair_trend, detect_escalations, reciprocity
    rows = [EventRow.from_mapping(r) for r in store_rows]
    trend = pair_trend(rows, "PRK", "USA", period="week")
    alerts = detect_escalations(rows, "PRK", "USA")
    rec = reciprocity(rows, "PRK", "USA", window_days=7)
"""

from __future__ import annotations

from .dyads import Dyad, actor_level, dyads
from .escalation import Alert, DayScore, DetectorSettings, detect_escalations, score_days
from .reciprocity import DirectionReciprocity, Reciprocity, reciprocity
from .rows import (
    EventRow,
    actor_matches,
    parse_day,
    parse_pair,
    rows_from_document,
    rows_from_mappings,
)
from .trends import PairTrend, TrendPoint, conflict_index, pair_rows, pair_trend, period_start

__all__ = [
    "Alert",
    "DayScore",
    "DetectorSettings",
    "DirectionReciprocity",
    "Dyad",
    "EventRow",
    "PairTrend",
    "Reciprocity",
    "TrendPoint",
    "actor_level",
    "actor_matches",
    "conflict_index",
    "detect_escalations",
    "dyads",
    "pair_rows",
    "pair_trend",
    "parse_day",
    "parse_pair",
    "period_start",
    "reciprocity",
    "rows_from_document",
    "rows_from_mappings",
    "score_days",
]

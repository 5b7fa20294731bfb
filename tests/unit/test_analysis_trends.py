"""Trends between actor pairs: buckets, directions, the conflict index, parsing."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.analysis import (
    EventRow,
    dyads,
    pair_trend,
    parse_pair,
    rows_from_document,
    rows_from_mappings,
)
from wirewatch.analysis.trends import conflict_index
from wirewatch.errors import InputError
from wirewatch.records import Actor, Article, Document, Event, EventDate


def row(day: str, src: str, tgt: str, quad: int, gold: float = 0.0) -> EventRow:
    return EventRow(date.fromisoformat(day), src, tgt, quad, gold)


ROWS = [
    row("2024-03-04", "PRKGOV", "USAGOV", 4, -9.0),   # Monday
    row("2024-03-04", "USAMIL", "PRKGOV", 3, -2.0),
    row("2024-03-06", "PRKMIL", "USA", 1, 3.0),
    row("2024-03-12", "USAGOV", "PRKGOV", 2, 7.0),   # next week
    row("2024-03-05", "KORGOV", "USAGOV", 1, 3.0),   # another pair: ignored
]


def test_daily_trend_separates_directions_and_fills_quiet_days() -> None:
    trend = pair_trend(ROWS, "PRK", "USA", period="day")
    both = trend.series("both")
    assert [p.period for p in both][:3] == [date(2024, 3, 4), date(2024, 3, 5), date(2024, 3, 6)]
    assert len(both) == 9  # 4th to 12th inclusive, quiet days kept
    first_ab = trend.series("ab")[0]
    first_ba = trend.series("ba")[0]
    assert (first_ab.material_conflict, first_ab.events) == (1, 1)
    assert (first_ba.verbal_conflict, first_ba.events) == (1, 1)
    assert both[0].goldstein == pytest.approx(-11.0)
    assert both[1].events == 0 and both[1].conflict_index is None


def test_weekly_trend_buckets_by_iso_week() -> None:
    trend = pair_trend(ROWS, "USA", "PRK", period="week")
    weeks = trend.series("both")
    assert [w.period for w in weeks] == [date(2024, 3, 4), date(2024, 3, 11)]
    assert weeks[0].events == 3 and weeks[1].material_cooperation == 1
    # USA is "a" here, so USA→PRK is the "ab" direction
    assert trend.series("ab")[1].material_cooperation == 1


def test_conflict_index_signs_and_weights() -> None:
    assert conflict_index(0, 2) == 1.0
    assert conflict_index(2, 0) == -1.0
    assert conflict_index(0, 0) is None
    week = pair_trend(ROWS, "PRK", "USA", period="week").series("both")[0]
    # material conflict (2) + verbal conflict (1) vs verbal cooperation (1)
    assert week.conflict_index == pytest.approx((3 - 1) / 4)


def test_since_until_bound_the_series() -> None:
    trend = pair_trend(ROWS, "PRK", "USA", since=date(2024, 3, 1), until=date(2024, 3, 5))
    both = trend.series("both")
    assert both[0].period == date(2024, 3, 1) and both[-1].period == date(2024, 3, 5)
    assert sum(p.events for p in both) == 2
    assert pair_trend([], "PRK", "USA").points == ()


def test_parse_pair_and_bad_input() -> None:
    assert parse_pair("prk-usa") == ("PRK", "USA")
    with pytest.raises(InputError, match="PRK-USA"):
        parse_pair("PRK")
    with pytest.raises(InputError):
        pair_trend(ROWS, "PRK", "USA", period="month")
    with pytest.raises(InputError, match="not an ISO date"):
        EventRow.from_mapping({"date": "yesterday", "source": "A", "target": "B"})


def test_rows_from_mappings_skips_undated_rows() -> None:
    rows = rows_from_mappings([
        {"id": "e1", "date": "2024-01-02T10:00:00", "source": "RUSMIL", "target": "UKR",
         "quad_class": 4, "goldstein": -10},
        {"id": "e2", "date": None, "source": "RUSMIL", "target": "UKR", "quad_class": 4},
    ])
    assert [(r.id, r.day, r.goldstein) for r in rows] == [("e1", date(2024, 1, 2), -10.0)]


def test_rows_from_document_expands_compound_actors_and_uses_dates() -> None:
    ev = Event("ev1", (Actor("US", actor_code="USA"), Actor("Seoul", actor_code="KOR")),
               (Actor("Pyongyang", actor_code="PRK"),), "173", "17", quad_class=4,
               goldstein=-5.0, date=EventDate("2024-05-02", "Thursday", True))
    undated = Event("ev2", (Actor("US", actor_code="USA"),), (Actor("x"),), "040", "04")
    doc = Document("d", Article(text="t", published="2024-05-04"), events=(ev, undated))
    rows = list(rows_from_document(doc))
    assert {(r.source, r.target) for r in rows} == {("USA", "PRK"), ("KOR", "PRK")}
    assert all(r.day == date(2024, 5, 2) for r in rows)


def test_dyads_aggregate_volume_and_tone_at_country_level() -> None:
    out = dyads(ROWS)
    top = out[0]
    assert (top.source, top.target, top.events) in {("PRK", "USA", 2), ("USA", "PRK", 2)}
    by_key = {(d.source, d.target): d for d in out}
    assert by_key[("PRK", "USA")].conflict == 1 and by_key[("PRK", "USA")].cooperation == 1
    assert by_key[("KOR", "USA")].conflict_index == -1.0
    assert len(dyads(ROWS, min_events=2)) == 2


def test_aggregated_rows_count_like_single_events() -> None:
    single = [row("2024-03-04", "PRK", "USA", 4, -10.0)] * 3 + [row("2024-03-04", "USA", "PRK", 1)]
    grouped = [EventRow(date(2024, 3, 4), "PRK", "USA", 4, -10.0, count=3),
               row("2024-03-04", "USA", "PRK", 1)]
    a = pair_trend(single, "PRK", "USA").series("both")[0]
    b = pair_trend(grouped, "PRK", "USA").series("both")[0]
    assert a == b and b.events == 4 and b.goldstein == pytest.approx(-30.0)
    assert dyads(grouped)[0].events == 3

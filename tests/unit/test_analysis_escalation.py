"""Escalation alerts and reciprocity on synthetic streams with planted structure."""

from __future__ import annotations

from datetime import date, timedelta

from wirewatch.analysis import EventRow, detect_escalations, reciprocity
from wirewatch.analysis.synthetic import background, plant_cycles, plant_escalation

START = date(2024, 1, 1)


def test_planted_escalation_is_found_within_days() -> None:
    onset = START + timedelta(days=70)
    found = 0
    for seed in range(8):
        rows = background(seed, START, 120) + plant_escalation(100 + seed, onset, 10, 4.0)
        alerts = detect_escalations(rows, "AAA", "BBB")
        hits = [a for a in alerts if onset <= a.day <= onset + timedelta(days=6)]
        found += bool(hits)
        if hits:
            assert hits[0].index > hits[0].baseline_index
            assert "baseline" in hits[0].describe()
    assert found >= 7


def test_quiet_background_rarely_alarms() -> None:
    alarms = sum(len(detect_escalations(background(seed, START, 200), "AAA", "BBB"))
                 for seed in range(10))
    assert alarms <= 12  # measured ~3 per 1,000 days (BENCHMARKS.md, trends); here 4


def test_more_cooperation_is_not_an_escalation() -> None:
    rows = background(3, START, 100)
    surge = [EventRow(START + timedelta(days=70 + i % 5), "AAAGOV", "BBBGOV", 2, 7.0)
             for i in range(60)]
    assert not [a for a in detect_escalations(rows + surge, "AAA", "BBB")
                if a.day >= START + timedelta(days=70)
                and a.day <= START + timedelta(days=76)]


def test_no_alert_without_a_baseline() -> None:
    rows = [EventRow(START, "AAA", "BBB", 4, -10.0)] * 20
    assert detect_escalations(rows, "AAA", "BBB") == []


def test_reciprocity_counts_answers_in_kind_and_delays() -> None:
    d = START
    rows = [
        EventRow(d, "AAAGOV", "BBBGOV", 4),                         # act, answered 2 days later
        EventRow(d + timedelta(days=2), "BBBMIL", "AAAGOV", 4),
        EventRow(d + timedelta(days=3), "AAAGOV", "BBBGOV", 4),     # answers B → a cycle of 3
        EventRow(d + timedelta(days=20), "AAAGOV", "BBBGOV", 3),    # never answered
        EventRow(d + timedelta(days=21), "BBBGOV", "AAAGOV", 4),    # wrong kind: no answer
        EventRow(d + timedelta(days=40), "AAAGOV", "BBBGOV", 3),    # answered too late
        EventRow(d + timedelta(days=50), "BBBGOV", "AAAGOV", 3),
        EventRow(d + timedelta(days=60), "AAAGOV", "BBBGOV", 1),    # cooperation: ignored
    ]
    rec = reciprocity(rows, "AAA", "BBB", window_days=7)
    assert (rec.a_to_b.acts, rec.a_to_b.answered) == (4, 1)
    assert rec.a_to_b.median_delay_days == 2.0
    assert (rec.b_to_a.acts, rec.b_to_a.answered) == (3, 1)
    assert rec.b_to_a.median_delay_days == 1.0
    assert (rec.cycles, rec.longest_cycle) == (1, 3)
    assert rec.to_dict()["a_to_b"]["rate"] == 0.25  # type: ignore[index]


def test_planted_cycles_raise_reciprocity_above_chance() -> None:
    from wirewatch.analysis.synthetic import Rates

    sparse = Rates(0.3, 0.1, 0.1, 0.03)
    plain = reciprocity(background(1, START, 150, rates=sparse), "AAA", "BBB")
    planted = reciprocity(background(1, START, 150, rates=sparse)
                          + plant_cycles(2, START, 150, 12, 4, 3), "AAA", "BBB")
    assert planted.cycles >= plain.cycles + 6
    assert (planted.a_to_b.answered + planted.b_to_a.answered
            > plain.a_to_b.answered + plain.b_to_a.answered + 20)

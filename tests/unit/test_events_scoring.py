"""Gold readers and scores, on small gold files written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import MalformedInputError
from wirewatch.events.codebook import lookup
from wirewatch.events.gold import read_petrarch, read_plover
from wirewatch.events.scoring import PRF, score
from wirewatch.records import Actor, Event, Span


def event(code: str, source: tuple[str, ...], target: tuple[str, ...] = (),
          modality: str = "asserted", confidence: float = 0.8) -> Event:
    entry = lookup(code)
    assert entry is not None
    return Event(code, tuple(Actor(c, actor_code=c) for c in source),
                 tuple(Actor(c, actor_code=c) for c in target), code, entry.root,
                 plover=entry.plover, modality=modality, confidence=confidence,
                 trigger=Span(0, 1))


def test_petrarch_reader_keeps_events_and_no_event_records_and_skips_errors(
        fixtures: Path) -> None:
    gold = read_petrarch(fixtures / "events" / "petrarch_sample.xml")
    assert [g.id for g in gold] == ["T-01", "T-02"]
    assert gold[0].events[0].source == ("RUS",) and gold[0].events[0].code == "190"
    assert gold[0].date == "2023-08-06" and gold[0].text == "Russia attacked Ukraine on Sunday."
    assert gold[1].no_event


def test_plover_reader_renames_old_labels_and_composes_codes(fixtures: Path) -> None:
    gold = read_plover(fixtures / "events" / "plover_sample.json")
    assert [g.category for g in gold] == ["ACCUSE", "AGREE"]
    assert gold[0].events[0].source == ("RURGOV",) and gold[0].events[0].target == ("FRE",)
    assert gold[1].events[0].target == ()


def test_malformed_gold_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(MalformedInputError, match=r"gold\.json"):
        read_plover(bad)


def test_prf() -> None:
    prf = PRF()
    prf.add(["190", "112"], ["190", "190"])
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)
    assert prf.precision == prf.recall == prf.f1 == 0.5


def test_petrarch_measures_expand_compound_actors(fixtures: Path) -> None:
    gold = read_petrarch(fixtures / "events" / "petrarch_sample.xml")
    predicted = [[event("190", ("RUS",), ("UKR", "BLR"))],
                 [event("042", ("RUS",), modality="negated")]]
    t = score(gold, predicted)["ALL"]
    assert (t.gold_events, t.correct, t.uncoded, t.extra) == (1, 1, 0, 1)
    assert t.false_event_sentences == 0  # a negated event is not coded
    assert t.levels["code"].f1 == 1.0 and t.country_hits == t.actor_pairs == 1


def test_plover_type_accuracy_and_false_events(fixtures: Path) -> None:
    gold = read_plover(fixtures / "events" / "plover_sample.json")
    predicted = [[event("112", ("RURGOV",), ("FRE",)),
                  event("194", ("FRE",), confidence=0.5)],
                 []]
    tallies = score(gold, predicted, "plover")
    assert tallies["ALL"].top_type_hits == 1 and tallies["ALL"].sentences == 2
    assert tallies["ACCUSE"].sector_hits == 1
    assert tallies["AGREE"].any_type_hits == 0

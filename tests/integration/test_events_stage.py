"""The ``events.coder`` stage end to end on a wire story written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.config import Settings
from wirewatch.pipeline import Pipeline
from wirewatch.records import Article, Document, Event, RawDocument

pytestmark = pytest.mark.model

STAGES = ("extract.article", "actors.entities", "events.coder")


@pytest.fixture(scope="module")
def korea_doc() -> Document:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "korea_wire.txt"
    raw = RawDocument("korea", path.read_text(encoding="utf-8"), "text", str(path),
                      published="2024-03-11T08:00:00Z")
    return Pipeline(Settings(pipeline=STAGES)).process(raw)


def find(doc: Document, cameo_prefix: str, trigger_word: str) -> Event:
    for e in doc.events:
        if e.cameo.startswith(cameo_prefix) and e.trigger and trigger_word in e.trigger.text:
            return e
    raise AssertionError(f"no {cameo_prefix} event on {trigger_word!r}: " + "; ".join(
        f"{e.cameo} {e.trigger.text if e.trigger else ''}" for e in doc.events))


def codes(actors: tuple[object, ...]) -> set[str]:
    return {getattr(a, "actor_code", None) or "" for a in actors}


def test_stage_is_recorded_and_events_serialise(korea_doc: Document) -> None:
    assert ("events.coder", "1") in {(s.stage, s.version) for s in korea_doc.pipeline}
    again = Document.from_dict(korea_doc.to_dict())
    assert again.events == korea_doc.events


def test_pledge_is_coded_with_its_modality_speaker_and_date(korea_doc: Document) -> None:
    e = find(korea_doc, "15", "bolster")
    assert e.modality == "pledged" and codes(e.source) == {"PRKGOV"}
    assert e.asserted_by is not None and "media" in e.asserted_by.name
    assert e.date is not None and e.date.value == "2024-03-11" and e.date.text == "Monday"


def test_planned_joint_exercise_has_a_compound_source(korea_doc: Document) -> None:
    e = find(korea_doc, "062", "drills")
    assert e.modality == "planned"
    assert {c[:3] for c in codes(e.source)} == {"USA", "KOR"}


def test_accusation_and_the_alleged_act(korea_doc: Document) -> None:
    accuse = find(korea_doc, "112", "accused")
    assert codes(accuse.source) == {"USAGOV"} and codes(accuse.target) == {"PRKGOV"}
    shipping = find(korea_doc, "072", "shipping")
    assert shipping.modality == "alleged" and codes(shipping.target) == {"RUS"}
    assert shipping.plover is not None and shipping.plover.type == "AID"


def test_meeting_has_the_place_where_it_happened_and_a_resolved_weekday(
        korea_doc: Document) -> None:
    e = find(korea_doc, "04", "met")
    assert {c[:3] for c in codes(e.source)} == {"RUS"} and {c[:3] for c in codes(e.target)} == {
        "CHN"}
    assert e.location is not None and e.location.name == "Beijing"
    assert e.date is not None and e.date.value == "2024-03-08"


def test_negation_and_possibility(korea_doc: Document) -> None:
    assert find(korea_doc, "04", "attend").modality == "negated"
    visit = find(korea_doc, "042", "visit Seoul") if any(
        e.trigger and e.trigger.text == "visit Seoul" for e in korea_doc.events) else None
    visits = [e for e in korea_doc.events if e.modality == "possible" and e.cameo == "042"]
    assert visits or visit is not None
    assert all(e.location is None or e.location.name != "Jakarta" for e in visits)


def test_protest_and_condemnation(korea_doc: Document) -> None:
    assert codes(find(korea_doc, "114", "protest").target) == {"PRKGOV"}
    assert find(korea_doc, "11", "condemned").source


def test_every_event_has_a_code_an_actor_and_evidence(korea_doc: Document) -> None:
    assert len(korea_doc.events) >= 8
    for e in korea_doc.events:
        assert e.source or e.target
        assert e.cameo.startswith(e.cameo_root) and e.quad_class in (1, 2, 3, 4)
        assert e.trigger is not None and e.sentence is not None and e.pattern
        assert 0 < e.confidence <= 1


def test_unknown_actors_give_no_events() -> None:
    text = ("The committee criticized the plan and praised the weather. "
            "The club demonstrated its new pool to the neighbours.")
    doc = Document("x", Article(text=text))
    doc = Pipeline(Settings(pipeline=("extract.article", "events.coder"))).analyse(doc)
    assert doc.events == ()

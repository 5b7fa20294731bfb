"""The document record: JSON round trip, schema, ids, and the stage trail."""

from __future__ import annotations

import json
import pickle

import jsonschema
import pytest

from wirewatch import schema
from wirewatch.records import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    EventDate,
    Location,
    Plover,
    Quote,
    Removed,
    Span,
    Speaker,
    content_id,
)


def full_document() -> Document:
    article = Article(
        title="Ministers meet in Geneva",
        text="GENEVA (AP) — The ministers met on Monday. “We agreed,” Ms Roe said.",
        published="2024-03-04",
        authors=("Jane Roe",),
        outlet="Example Wire",
        dateline="GENEVA (AP)",
        credits=("AP",),
        language="en",
        removed=(Removed("Advertisement", "advertisement"),),
    )
    roe = Entity("e1", "Jane Roe", "PERSON", "CHEGOV", ("minister",), None, (Span(50, 53, "Roe"),))
    quote = Quote("q1", "We agreed", "direct", 45, 54, Speaker("Jane Roe", "e1", "CHEGOV"), "said")
    event = Event(
        id="v1",
        source=(Actor("Jane Roe", "e1", "CHEGOV"),),
        target=(),
        cameo="036",
        cameo_root="03",
        plover=Plover("CONSULT", "visit", ("diplomatic",)),
        goldstein=4.0,
        quad_class=1,
        date=EventDate("2024-03-04", "Monday", True),
        location=Location("Geneva", "CHE", 2660646, 46.2, 6.14),
        confidence=0.8,
        trigger=Span(20, 23, "met"),
    )
    return Document("d1", article, (roe,), (quote,), (event,)).with_stage("extract.article", "1")


def test_round_trip_through_json_keeps_every_field() -> None:
    doc = full_document()
    again = Document.from_dict(json.loads(doc.to_json()))
    assert again == doc


def test_json_validates_against_committed_schema() -> None:
    jsonschema.validate(full_document().to_dict(), schema.load())


def test_committed_schema_is_up_to_date() -> None:
    assert schema.load() == schema.generate(), (
        "run: python -m wirewatch.schema > src/wirewatch/schema/document.schema.json"
    )


def test_records_are_frozen_and_picklable() -> None:
    doc = full_document()
    with pytest.raises(AttributeError):
        doc.id = "other"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_with_stage_appends_to_the_trail() -> None:
    doc = full_document().with_stage("events.coder", "2", events=())
    assert [s.stage for s in doc.pipeline] == ["extract.article", "events.coder"]
    assert doc.events == ()


def test_content_id_is_stable_and_separates_parts() -> None:
    assert content_id("a", "bc") == content_id("a", "bc")
    assert content_id("a", "bc") != content_id("ab", "c")
    assert len(content_id("x")) == 16


def test_unknown_keys_are_ignored_when_reading() -> None:
    data = full_document().to_dict()
    data["article"]["future_field"] = 1
    assert Document.from_dict(data).article.title == "Ministers meet in Geneva"

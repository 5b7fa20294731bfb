"""Actors found from context, end to end on a short wire story written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.config import Settings
from wirewatch.pipeline import Pipeline
from wirewatch.records import Document, Event, RawDocument

pytestmark = pytest.mark.model

STAGES = ("extract.article", "actors.entities", "events.coder")


@pytest.fixture(scope="module")
def doc() -> Document:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "context_wire.txt"
    raw = RawDocument("context", path.read_text(encoding="utf-8"), "text", str(path),
                      published="2024-03-11T08:00:00Z")
    return Pipeline(Settings(pipeline=STAGES)).process(raw)


def on(doc: Document, word: str) -> list[Event]:
    return [e for e in doc.events if e.trigger is not None and word in e.trigger.text]


def sources(e: Event) -> list[str]:
    return [a.actor_code or "" for a in e.source]


def test_a_parade_is_the_host_country_and_a_later_mention_reuses_it(doc: Document) -> None:
    parades = [e for e in doc.events if e.cameo == "150"]
    assert len(parades) == 2
    assert all(sources(e) == ["PRK"] for e in parades)


def test_an_unnamed_factory_is_in_the_urging_leaders_country(doc: Document) -> None:
    (urge,) = on(doc, "urged")
    assert [a.actor_code for a in urge.target] == ["PRKBUS"]


def test_its_in_a_purpose_clause_is_the_recipient(doc: Document) -> None:
    (fighting,) = on(doc, "fighting")
    assert sources(fighting) == ["RUS"]
    (sent,) = on(doc, "sent")
    assert sent.modality == "denied" and [a.actor_code for a in sent.target] == ["RUS"]

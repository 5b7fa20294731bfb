"""Attributions with no quotation marks and no "said": expectations, evidence, stances,
frames, intentions and questions (sentences written for these tests)."""

from __future__ import annotations

import pytest

from wirewatch.quotes import build_quotes
from wirewatch.records import Quote

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> object:
    from wirewatch.nlp import load_model

    return load_model()


def _one(nlp: object, text: str, cue: str) -> Quote:
    quotes = build_quotes(text, nlp(text))  # type: ignore[operator]
    found = [q for q in quotes if q.cue == cue]
    assert found, f"no quote with cue {cue!r} in {[(q.cue, q.text) for q in quotes]}"
    return found[0]


def test_passive_expectation_reports_the_whole_clause(nlp: object) -> None:
    q = _one(nlp, "The central bank is expected to raise rates at its December meeting.",
             "expected")
    assert q.text == "The central bank is expected to raise rates at its December meeting"
    assert q.speaker is None and q.kind == "indirect"


def test_appearance_verbs_vouch_for_their_clause(nlp: object) -> None:
    assert _one(nlp, "It appears that the ferry strike is over.", "appears").text == (
        "that the ferry strike is over")
    q = _one(nlp, "Both unions seem ready to sign the deal.", "seem")
    assert q.text == "Both unions seem ready to sign the deal"


def test_in_someones_view_frames_the_sentence(nlp: object) -> None:
    q = _one(nlp, "In Professor Lund's view, the port needs a second crane.", "view")
    assert q.text == "the port needs a second crane"
    assert q.speaker is not None and q.speaker.name.endswith("Lund")


def test_a_poll_shows_its_object(nlp: object) -> None:
    q = _one(nlp, "A new Harbour Herald poll shows the mayor trailing her rival by six points.",
             "shows")
    assert q.text == "the mayor trailing her rival by six points"
    assert q.speaker is not None and q.speaker.name.endswith("poll")


def test_intentions_and_refusals_report_their_infinitive(nlp: object) -> None:
    text = "Officials hope to reopen the bridge by May. The ministry declined to comment."
    quotes = build_quotes(text, nlp(text))  # type: ignore[operator]
    assert [(q.cue, q.text) for q in quotes] == [
        ("hope", "to reopen the bridge by May"), ("declined", "to comment")]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Officials"


def test_a_question_put_to_someone_is_reported(nlp: object) -> None:
    q = _one(nlp, "Asked whether he would run again, the governor smiled.", "Asked")
    assert q.text == "whether he would run again"


def test_reportedly_attributes_to_unnamed_sources(nlp: object) -> None:
    q = _one(nlp, "The harbour authority is reportedly planning to sell the old pier.",
             "reportedly")
    assert q.text.startswith("The harbour authority") and q.text.endswith("old pier")
    assert q.speaker is None


def test_a_hedge_inside_ones_own_words_is_not_a_report(nlp: object) -> None:
    text = "“I think the pier can be saved,” said Ada Moss, the harbour master."
    quotes = build_quotes(text, nlp(text))  # type: ignore[operator]
    assert [q.cue for q in quotes] == ["said"]
    text = "I think the pier can be saved. The council agreed."
    assert all(q.cue != "think" for q in build_quotes(text, nlp(text)))  # type: ignore[operator]

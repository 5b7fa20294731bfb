"""Reported speech and stance without a plain "X said that ...": asides, stance adjectives,
relative clauses, thought topics, implicit holders and nested reports (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from wirewatch.quotes import build_quotes
from wirewatch.records import Quote

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> object:
    from wirewatch.nlp import load_model

    return load_model()


def _quotes(nlp: object, text: str) -> list[Quote]:
    return build_quotes(text, nlp(text))  # type: ignore[operator,no-any-return]


def _one(nlp: object, text: str, cue: str) -> Quote:
    found = [q for q in _quotes(nlp, text) if q.cue == cue]
    assert found, f"no quote with cue {cue!r} in {[(q.cue, q.text) for q in _quotes(nlp, text)]}"
    return found[0]


def _speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def test_an_as_aside_reports_the_clause_it_hangs_on(nlp: object) -> None:
    q = _one(nlp, "The harbour will reopen in May, as the port authority reported on Tuesday.",
             "reported")
    assert q.text == "The harbour will reopen in May"
    assert _speaker(q) == "port authority"


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), [
    ("The ferry company is confident that the new route will pay off.", "confident",
     "that the new route will pay off", "ferry company"),
    ("Local fishermen are critical of the dredging plan.", "critical", "the dredging plan",
     "Local fishermen"),
    ("The mayor is eager to open the bridge before winter.", "eager",
     "to open the bridge before winter", "mayor"),
])
def test_stance_adjectives_report_their_complement(
    nlp: object, text: str, cue: str, content: str, speaker: str
) -> None:
    q = _one(nlp, text, cue)
    assert q.text == content
    assert _speaker(q) == speaker


def test_it_is_clear_is_not_a_stance(nlp: object) -> None:
    text = "It is clear that the pier needs repairs."
    assert all(q.cue != "clear" for q in _quotes(nlp, text))


def test_the_noun_a_relative_clause_hangs_on_is_what_was_said(nlp: object) -> None:
    q = _one(nlp, "It was a claim the senator later denied.", "denied")
    assert q.text == "a claim"
    assert _speaker(q) == "senator"
    q = _one(nlp, "The owner faces new allegations, which he has denied.", "denied")
    assert q.text.startswith("new allegations") and q.text.endswith("which")


def test_a_time_noun_is_not_what_a_relative_clause_reports(nlp: object) -> None:
    assert _quotes(nlp, "It rained the day the mayor testified.") == []
    assert _one(nlp, "It was the claim the mayor testified.", "testified").text == "the claim"


def test_what_a_thought_is_about(nlp: object) -> None:
    q = _one(nlp, "Many residents still believe in the old harbour.", "believe")
    assert q.text == "the old harbour"
    assert _speaker(q) == "Many residents"


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("The fishermen want a new pier.", "want", "a new pier"),
    ("The shipping firm seeks to expand its fleet.", "seeks", "to expand its fleet"),
    ("The mayor hopes to finish the pier by June.", "hopes", "to finish the pier by June"),
    ("Her support for the tariff surprised the council.", "support", "the tariff"),
])
def test_wishes_plans_and_support(nlp: object, text: str, cue: str, content: str) -> None:
    assert _one(nlp, text, cue).text == content


def test_a_participle_takes_the_subject_of_the_clause_above(nlp: object) -> None:
    q = _one(nlp, "The minister surprised the council by endorsing the new tariff.", "endorsing")
    assert q.text == "the new tariff"
    assert _speaker(q) == "minister"


def test_a_passive_report_to_a_listener_has_no_named_source(nlp: object) -> None:
    q = _one(nlp, "I was told that the pier would close in March.", "told")
    assert q.text == "that the pier would close in March"
    assert q.speaker is None


def test_a_question_put_before_the_answer(nlp: object) -> None:
    quotes = _quotes(nlp, "Asked about the budget, the mayor said the figures were final.")
    asked = next(q for q in quotes if q.cue == "Asked")
    said = next(q for q in quotes if q.cue == "said")
    assert asked.text == "the budget"
    assert said.text == "the figures were final" and _speaker(said) == "mayor"


def test_a_participle_after_a_comma_starts_a_new_statement(nlp: object) -> None:
    text = ("The mayor insisted that the port was safe, claiming that inspectors had found "
            "no cracks.")
    insisted = _one(nlp, text, "insisted")
    claiming = _one(nlp, text, "claiming")
    assert insisted.text == "that the port was safe"
    assert claiming.text == "that inspectors had found no cracks"
    assert _speaker(claiming) == "mayor"


def test_a_stance_nested_in_a_report_is_not_reported_on_its_own(nlp: object) -> None:
    text = "Lena Dahl said the plan to widen the channel would fail."
    quotes = _quotes(nlp, text)
    assert [q.cue for q in quotes] == ["said"]
    assert quotes[0].text == "the plan to widen the channel would fail"


def test_a_named_speaker_relayed_by_a_report_stays(nlp: object) -> None:
    text = "Kim Jong Un urged the factory to raise output, state media said."
    urged = _one(nlp, text, "urged")
    assert urged.via is not None and urged.via.name == "state media"


def test_a_speech_verb_joined_by_and_makes_a_second_statement(nlp: object) -> None:
    text = ('The mayor says he respects the governor and calls her "an extremely capable '
            'manager of the harbour."')
    says = _one(nlp, text, "says")
    calls = _one(nlp, text, "calls")
    assert says.text == "he respects the governor"
    assert "capable manager" in calls.text
    assert _speaker(calls) == "mayor"

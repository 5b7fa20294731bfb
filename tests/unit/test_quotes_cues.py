"""The cue lexicon data file and the country context of sector-only speakers."""

from __future__ import annotations

from types import SimpleNamespace

from wirewatch.quotes import cues
from wirewatch.quotes.stage import dominant_country
from wirewatch.records import Entity, Span


def test_lexicon_classes_load_from_the_data_file() -> None:
    assert {"say", "tell", "warn"} <= cues.SPEECH
    assert {"believe", "expect"} <= cues.THOUGHT
    assert {"plan", "hope", "decline"} <= cues.INTENT
    assert {"seem", "appear"} <= cues.EVIDENTIAL
    assert {"expect", "say", "see"} <= cues.PASSIVE
    assert "reportedly" in cues.ADVERBS
    assert {"decision", "proposal"} <= cues.INTENT_NOUNS
    assert {"view", "poll"} <= cues.FRAME_NOUNS
    assert "poll" in cues.EVIDENCE_SUBJECTS and "show" in cues.EVIDENCE_VERBS
    assert cues.is_cue_lemma("plan") and not cues.is_cue_lemma("eat")
    assert {"confident", "critical", "eager"} <= cues.STANCE_ADJECTIVES
    assert "clear" not in cues.STANCE_ADJECTIVES  # "it is clear that" is nobody's stance
    assert {"want", "seek"} <= cues.INTENT and {"support", "want"} <= cues.ATTITUDE
    assert "support" in cues.STANCE_NOUNS and "tell" in cues.PASSIVE


def test_known_lemmatizer_misses_are_repaired() -> None:
    assert cues.cue_lemma(SimpleNamespace(lemma_="hop", lower_="hoping")) == "hope"
    assert cues.cue_lemma(SimpleNamespace(lemma_="hop", lower_="hopes")) == "hope"
    assert cues.cue_lemma(SimpleNamespace(lemma_="hop", lower_="hopped")) == "hop"
    assert cues.cue_lemma(SimpleNamespace(lemma_="say", lower_="said")) == "say"


def _entity(eid: str, country: str | None, mentions: int) -> Entity:
    spans = tuple(Span(i * 10, i * 10 + 3) for i in range(mentions))
    return Entity(id=eid, name=eid, type="GPE", country=country, mentions=spans)


def test_dominant_country_is_the_most_mentioned() -> None:
    ents = [_entity("a", "PRK", 4), _entity("b", "KOR", 2), _entity("c", None, 9)]
    assert dominant_country(ents) == "PRK"
    assert dominant_country([_entity("c", None, 3)]) is None
    assert dominant_country([]) is None

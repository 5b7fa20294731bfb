"""The coder on hand-built dependency parses: no language model needed.

Each sentence is written as (word, lemma, POS, dependency, head index, entity type) rows, the
parse the English spaCy models give for it.
"""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from wirewatch.config import Settings  # noqa: E402
from wirewatch.events import EventCoder  # noqa: E402
from wirewatch.records import Article, Document, Event  # noqa: E402

Row = tuple[str, str, str, str, int, str]
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case forms), no model
TAGS = {"VERB": "VBD", "AUX": "VBD", "NOUN": "NN", "PROPN": "NNP", "ADP": "IN", "PART": "TO",
        "DET": "DT", "PUNCT": ".", "CCONJ": "CC", "ADJ": "JJ", "PRON": "PRP", "ADV": "RB"}
ACTORS = {"russia": "RUS", "ukraine": "UKR", "israel": "ISR", "jordan": "JOR", "iran": "IRN",
          "japan": "JPN", "iraq": "IRQ", "pyongyang": "PRKGOV", "u.s.": "USA"}


def toy_lookup(phrase: str, date: str | None) -> tuple[str, str, str] | None:
    code = ACTORS.get(phrase.lower().removeprefix("the "))
    return (code, phrase, "country") if code else None


def parse(rows: list[Row], tags: dict[int, str] | None = None) -> Any:
    words = [r[0] for r in rows]
    ents = []
    for i, r in enumerate(rows):
        if not r[5]:
            ents.append("O")
        else:
            inside = i > 0 and rows[i - 1][5] == r[5]
            ents.append(("I-" if inside else "B-") + r[5])
    return Doc(VOCAB, words=words, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               tags=[(tags or {}).get(i, TAGS[r[2]]) for i, r in enumerate(rows)],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], ents=ents)


def code(rows: list[Row], tags: dict[int, str] | None = None) -> list[Event]:
    parsed = parse(rows, tags)
    doc = Document("t", Article(text=parsed.text, published="2023-08-06", outlet="Wire"))
    coder = EventCoder(Settings(), lookup=toy_lookup, places=lambda name, countries: None)
    return coder.code(doc, parsed)


def summary(events: list[Event]) -> list[tuple[str, str, str, str]]:
    return [("+".join(a.actor_code or "?" for a in e.source), e.cameo,
             "+".join(a.actor_code or "?" for a in e.target), e.modality) for e in events]


ATTACK = [("Russia", "Russia", "PROPN", "nsubj", 1, "GPE"),
          ("attacked", "attack", "VERB", "ROOT", 1, ""),
          ("Ukraine", "Ukraine", "PROPN", "dobj", 1, "GPE"),
          (".", ".", "PUNCT", "punct", 1, "")]


def test_active_voice() -> None:
    (event,) = code(ATTACK)
    assert summary([event]) == [("RUS", "190", "UKR", "asserted")]
    assert event.plover is not None and event.plover.type == "ASSAULT"
    assert event.quad_class == 4 and event.goldstein == -10.0
    assert event.trigger is not None and event.trigger.text == "attacked"
    assert event.asserted_by is not None and event.asserted_by.name == "Wire"
    assert "attack" in (event.pattern or "")


def test_passive_voice_swaps_to_the_agent() -> None:
    rows = [("Ukraine", "Ukraine", "PROPN", "nsubjpass", 2, "GPE"),
            ("was", "be", "AUX", "auxpass", 2, ""),
            ("attacked", "attack", "VERB", "ROOT", 2, ""),
            ("by", "by", "ADP", "agent", 2, ""),
            ("Russia", "Russia", "PROPN", "pobj", 3, "GPE"),
            (".", ".", "PUNCT", "punct", 2, "")]
    assert summary(code(rows, {2: "VBN"})) == [("RUS", "190", "UKR", "asserted")]


def test_negation_marks_the_event_negated() -> None:
    rows = [("Russia", "Russia", "PROPN", "nsubj", 3, "GPE"),
            ("did", "do", "AUX", "aux", 3, ""),
            ("not", "not", "PART", "neg", 3, ""),
            ("attack", "attack", "VERB", "ROOT", 3, ""),
            ("Ukraine", "Ukraine", "PROPN", "dobj", 3, "GPE"),
            (".", ".", "PUNCT", "punct", 3, "")]
    assert summary(code(rows)) == [("RUS", "190", "UKR", "negated")]


def test_compound_actor_is_one_event() -> None:
    rows = [("Israel", "Israel", "PROPN", "nsubj", 3, "GPE"),
            ("and", "and", "CCONJ", "cc", 0, ""),
            ("Jordan", "Jordan", "PROPN", "conj", 0, "GPE"),
            ("signed", "sign", "VERB", "ROOT", 3, ""),
            ("an", "an", "DET", "det", 5, ""),
            ("agreement", "agreement", "NOUN", "dobj", 3, ""),
            (".", ".", "PUNCT", "punct", 3, "")]
    assert summary(code(rows)) == [("ISR+JOR", "057", "", "asserted")]


def test_accusation_codes_the_accusation_and_the_alleged_act() -> None:
    rows = [("The", "the", "DET", "det", 1, ""),
            ("U.S.", "U.S.", "PROPN", "nsubj", 2, "GPE"),
            ("accused", "accuse", "VERB", "ROOT", 2, ""),
            ("Pyongyang", "Pyongyang", "PROPN", "dobj", 2, "GPE"),
            ("of", "of", "ADP", "prep", 2, ""),
            ("supplying", "supply", "VERB", "pcomp", 4, ""),
            ("arms", "arm", "NOUN", "dobj", 5, ""),
            ("to", "to", "ADP", "prep", 5, ""),
            ("Russia", "Russia", "PROPN", "pobj", 7, "GPE"),
            (".", ".", "PUNCT", "punct", 2, "")]
    got = summary(code(rows, {5: "VBG"}))
    assert ("USA", "112", "PRKGOV", "asserted") in got
    assert ("PRKGOV", "072", "RUS", "alleged") in got


def test_pledge_to_provide_aid_is_an_intent_to_give_aid() -> None:
    rows = [("Japan", "Japan", "PROPN", "nsubj", 1, "GPE"),
            ("pledged", "pledge", "VERB", "ROOT", 1, ""),
            ("to", "to", "PART", "aux", 3, ""),
            ("provide", "provide", "VERB", "xcomp", 1, ""),
            ("aid", "aid", "NOUN", "dobj", 3, ""),
            ("to", "to", "ADP", "prep", 3, ""),
            ("Iraq", "Iraq", "PROPN", "pobj", 5, "GPE"),
            (".", ".", "PUNCT", "punct", 1, "")]
    (event,) = code(rows, {3: "VB"})
    assert summary([event]) == [("JPN", "033", "IRQ", "pledged")]
    assert event.plover is not None and event.plover.type == "AGREE"


def test_refusal_is_a_rejection_and_the_meeting_is_negated() -> None:
    rows = [("Iran", "Iran", "PROPN", "nsubj", 1, "GPE"),
            ("refused", "refuse", "VERB", "ROOT", 1, ""),
            ("to", "to", "PART", "aux", 3, ""),
            ("meet", "meet", "VERB", "xcomp", 1, ""),
            ("Israel", "Israel", "PROPN", "dobj", 3, "GPE"),
            (".", ".", "PUNCT", "punct", 1, "")]
    got = summary(code(rows, {3: "VB"}))
    assert ("IRN", "125", "ISR", "asserted") in got
    assert ("IRN", "040", "ISR", "negated") in got


def test_fails_closed_without_a_resolved_actor() -> None:
    rows = [("Officials", "official", "NOUN", "nsubj", 1, ""),
            ("attacked", "attack", "VERB", "ROOT", 1, ""),
            ("the", "the", "DET", "det", 3, ""),
            ("plan", "plan", "NOUN", "dobj", 1, ""),
            (".", ".", "PUNCT", "punct", 1, "")]
    assert code(rows) == []


def test_no_event_without_a_lexicon_pattern() -> None:
    rows = [("Russia", "Russia", "PROPN", "nsubj", 1, "GPE"),
            ("said", "say", "VERB", "ROOT", 1, ""),
            ("nothing", "nothing", "PRON", "dobj", 1, ""),
            (".", ".", "PUNCT", "punct", 1, "")]
    assert code(rows) == []

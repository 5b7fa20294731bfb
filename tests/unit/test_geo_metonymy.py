"""Metonymy heuristics on hand-built dependency parses (no model needed)."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

from wirewatch.geo import is_metonymic, literal_reason, metonymy_reason  # noqa: E402

_VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str]]) -> Any:
    """A ``Doc`` from ``(word, head index, dep, pos, lemma)`` rows."""
    words, heads, deps, pos, lemmas = (list(col) for col in zip(*rows))
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_subject_of_saying_is_an_actor() -> None:
    doc = parse([
        ("Moscow", 1, "nsubj", "PROPN", "Moscow"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("it", 4, "nsubj", "PRON", "it"),
        ("would", 4, "aux", "AUX", "would"),
        ("respond", 1, "ccomp", "VERB", "respond"),
    ])
    assert is_metonymic(doc[0:1])
    assert metonymy_reason(doc[0]) == "subject of 'said'"
    assert literal_reason(doc[0:1]) is None


def test_subject_of_a_locative_verb_stays_a_place() -> None:
    doc = parse([
        ("Manila", 1, "nsubj", "PROPN", "Manila"),
        ("lies", 1, "ROOT", "VERB", "lie"),
        ("on", 1, "prep", "ADP", "on"),
        ("Luzon", 2, "pobj", "PROPN", "Luzon"),
    ])
    assert not is_metonymic(doc[0]) and not is_metonymic(doc[3])


def test_conjoined_subjects_share_the_role() -> None:
    doc = parse([
        ("Washington", 3, "nsubj", "PROPN", "Washington"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("Seoul", 0, "conj", "PROPN", "Seoul"),
        ("agreed", 3, "ROOT", "VERB", "agree"),
    ])
    assert is_metonymic(doc[0:1]) and is_metonymic(doc[2:3])


def test_object_of_accusation_and_party_to_talks() -> None:
    doc = parse([
        ("Tokyo", 1, "nsubj", "PROPN", "Tokyo"),
        ("accused", 1, "ROOT", "VERB", "accuse"),
        ("Pyongyang", 1, "dobj", "PROPN", "Pyongyang"),
        ("after", 1, "prep", "ADP", "after"),
        ("talks", 3, "pobj", "NOUN", "talk"),
        ("with", 4, "prep", "ADP", "with"),
        ("Tehran", 5, "pobj", "PROPN", "Tehran"),
    ])
    assert is_metonymic(doc[2]) and is_metonymic(doc[6])
    assert literal_reason(doc[6]) is None


def test_literal_places() -> None:
    doc = parse([
        ("Protesters", 1, "nsubj", "NOUN", "protester"),
        ("gathered", 1, "ROOT", "VERB", "gather"),
        ("in", 1, "prep", "ADP", "in"),
        ("Manila", 2, "pobj", "PROPN", "Manila"),
        ("near", 1, "prep", "ADP", "near"),
        ("Japan", 7, "poss", "PROPN", "Japan"),
        ("'s", 5, "case", "PART", "'s"),
        ("coast", 4, "pobj", "NOUN", "coast"),
    ])
    assert not is_metonymic(doc[3]) and literal_reason(doc[3]) == "object of 'in'"
    assert not is_metonymic(doc[5]) and literal_reason(doc[5]) is not None


def test_possessor_and_modifier_of_agents() -> None:
    doc = parse([
        ("Beijing", 2, "poss", "PROPN", "Beijing"),
        ("'s", 0, "case", "PART", "'s"),
        ("decision", 5, "nsubj", "NOUN", "decision"),
        ("angered", 5, "aux", "AUX", "anger"),
        ("Manila", 5, "compound", "PROPN", "Manila"),
        ("officials", 5, "ROOT", "NOUN", "official"),
    ])
    assert metonymy_reason(doc[0]) == "possessor of 'decision'"
    assert metonymy_reason(doc[4]) == "modifier of 'officials'"


def test_place_inside_a_place_phrase_and_people_from_a_capital() -> None:
    doc = parse([
        ("Floods", 1, "nsubj", "NOUN", "flood"),
        ("hit", 1, "ROOT", "VERB", "hit"),
        ("villages", 1, "dobj", "NOUN", "village"),
        ("in", 2, "prep", "ADP", "in"),
        ("the", 6, "det", "DET", "the"),
        ("Rupununi", 6, "compound", "PROPN", "Rupununi"),
        ("region", 3, "pobj", "NOUN", "region"),
        ("and", 2, "cc", "CCONJ", "and"),
        ("officials", 2, "conj", "NOUN", "official"),
        ("from", 8, "prep", "ADP", "from"),
        ("Caracas", 9, "pobj", "PROPN", "Caracas"),
    ])
    assert literal_reason(doc[5]) == "object of 'in'"
    assert metonymy_reason(doc[10]) == "origin of 'officials'"

"""The indexed attribute-ruler matcher finds exactly what spaCy's own Matcher finds.

No trained model: a blank English pipeline with hand-set tags and dependencies.
"""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from wirewatch.nlp.attribute_rules import FastAttributeMatcher  # noqa: E402

PATTERNS: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "said"}]], "attrs": {"LEMMA": "say"}},
    {"patterns": [[{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}]],
     "attrs": {"POS": "PART", "LEMMA": "not"}},
    {"patterns": [[{"TAG": "IN", "DEP": "mark"}]], "attrs": {"POS": "SCONJ"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]],
     "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"REGEX": "^war"}}]], "attrs": {"LEMMA": "war"}},
    # an operator: left to spaCy's Matcher
    {"patterns": [[{"TAG": "JJ", "OP": "+"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "thing"},
     "index": -1},
    {"patterns": [[{"TAG": "VBD"}], [{"LOWER": "there"}]], "attrs": {"MORPH": "Tense=Past"}},
]

WORDS = ["Kim", "said", "there", "was", "n't", "a", "big", "bad", "warship", "because",
         "y'", "all", "were", "gon", "na", "go", "\n", "Seoul", "has", "warned"]
TAGS = ["NNP", "VBD", "EX", "VBD", "RB", "DT", "JJ", "JJ", "NN", "IN",
        "PRP", "DT", "VBD", "VBG", "TO", "VB", "_SP", "NNP", "VBZ", "VBN"]
DEPS = ["nsubj", "ROOT", "expl", "ccomp", "neg", "det", "amod", "amod", "attr", "mark",
        "nsubj", "appos", "advcl", "ROOT", "aux", "xcomp", "dep", "nsubj", "aux", "conj"]


def ruler_and_doc() -> tuple[Any, Any]:
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    heads = [1, 1, 3, 1, 3, 8, 8, 8, 3, 12, 12, 10, 3, 13, 15, 13, 15, 19, 19, 13]
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=heads)
    return ruler, doc


def test_same_matches_as_spacy_matcher() -> None:
    ruler, doc = ruler_and_doc()
    fast = FastAttributeMatcher(ruler)
    assert fast(doc) == ruler.match(doc)
    assert fast.n_fallback == 1  # only the pattern with an operator


def test_same_token_attributes_after_the_ruler_runs() -> None:
    ruler, doc = ruler_and_doc()
    _, doc2 = ruler_and_doc()
    ruler(doc)
    ruler.match = FastAttributeMatcher(ruler)
    ruler(doc2)

    def attrs(d: Any) -> list[tuple[str, str, str, str, str]]:
        return [(t.text, t.pos_, t.lemma_, str(t.morph), t.tag_) for t in d]

    assert attrs(doc) == attrs(doc2)
    said = doc2[1]
    assert (said.pos_, said.lemma_, str(said.morph)) == ("VERB", "say", "Tense=Past")
    assert doc2[3].pos_ == "VERB"  # "there was": the expletive pattern's second token
    assert doc2[4].lemma_ == "not" and doc2[13].lemma_ == "go" and doc2[10].lemma_ == "you"
    assert doc2[18].pos_ == "AUX" and doc2[16].pos_ == "SPACE"


def test_empty_doc_has_no_matches() -> None:
    from spacy.tokens import Doc

    ruler, _ = ruler_and_doc()
    assert FastAttributeMatcher(ruler)(Doc(ruler.vocab, words=[])) == []


def test_patterns_added_later_still_apply() -> None:
    ruler, doc = ruler_and_doc()
    ruler.match = FastAttributeMatcher(ruler)
    ruler.add([[{"LOWER": "seoul"}]], {"LEMMA": "Seoul-city"})
    ruler(doc)
    assert doc[17].lemma_ == "Seoul-city"

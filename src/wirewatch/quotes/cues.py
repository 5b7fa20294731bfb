"""The words that introduce reported speech, thought, evidence and stance, by class.

The lexicon lives in ``data/cues.txt`` (one ``[section]`` per class).  ``SPEECH`` verbs
attribute whatever clause or quotation they govern ("said", "warned").  ``THOUGHT`` verbs
(belief, perception, evidence: "believes", "shows") attribute only a full clause they
govern, since "she found the keys" reports nothing.  ``DIRECTIVE`` and ``INTENT`` verbs
report a demand, promise or plan through an infinitive ("urged the factory to move ahead",
"declined to comment").  ``EVIDENTIAL`` verbs ("seems", "appears") and ``PASSIVE`` reporting
verbs ("is expected to", "is seen as") vouch for their whole clause with no named speaker.
Lemmas, as spaCy's English lemmatizer gives them (``cue_lemma`` repairs a few).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def _sections() -> dict[str, tuple[str, ...]]:
    text = resources.files("wirewatch.quotes").joinpath("data", "cues.txt").read_text("utf-8")
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
        elif current is not None:
            current.extend(line.split())
    return {name: tuple(words) for name, words in out.items()}


def _words(section: str) -> frozenset[str]:
    return frozenset(_sections().get(section, ()))


SPEECH = _words("speech")
THOUGHT = _words("thought")
DIRECTIVE = _words("directive")
INTENT = _words("intent")
"""Verbs whose infinitive reports an intention or decision ("plans to", "declined to")."""
ATTITUDE = _words("attitude")
"""Stances and speech acts about a thing: the object is what is reported ("praised the
deal", "called for a ceasefire", "wants a recount")."""
QUOTING = _words("quoting")
"""Verbs that report words only next to a quotation or a colon ("“Stay!” read one sign")."""
EVIDENTIAL = _words("evidential")
PASSIVE = _words("passive")
"""Reporting verbs that attribute their clause when passive ("is expected to act")."""
ADVERBS = _words("adverbs")
"""Adverbs that attribute their clause to unnamed sources ("reportedly")."""
NOUNS = _words("nouns")
"""Nouns that report speech or belief through a clause: "his claim that the vote was rigged"."""
INTENT_NOUNS = _words("intent nouns")
STANCE_NOUNS = _words("stance nouns")
STANCE_ADJECTIVES = _words("stance adjectives")
"""Predicate adjectives whose complement is what their subject holds ("is sure that")."""
FRAME_NOUNS = _words("frame nouns")
"""Nouns that frame a sentence as someone's: "in X's view", "in a new poll"."""
EVIDENCE_SUBJECTS = _words("evidence subjects")
EVIDENCE_VERBS = _words("evidence verbs")
"""Verbs that report their object when their subject is evidence ("a poll shows X")."""
RELAYING = _words("relaying")
"""Cues that can relay someone else's words ("Kim urged …, state media said"): the speaker
of an attribution with one of these cues becomes the ``via`` of attributions inside it."""

PHRASES: tuple[str, ...] = ("according to",)
"""Multi-word cues that take their source as object: "according to KCNA"."""


def _lemma_fixes() -> dict[tuple[str, str], str]:
    fixes: dict[tuple[str, str], str] = {}
    for triple in _sections().get("lemma fixes", ()):
        wrong, right, surfaces = triple.split(":")
        for surface in surfaces.split(","):
            fixes[(wrong, surface)] = right
    return fixes


_FIXES = _lemma_fixes()
LEMMA_FIX_SOURCES = frozenset(wrong for wrong, _ in _FIXES)
"""Lemmas that ``cue_lemma`` may repair into another."""


def cue_lemma(tok: Any) -> str:
    """The lemma of a spaCy token, with the lemmatizer's known misses repaired."""
    lemma: str = tok.lemma_
    return _FIXES.get((lemma, tok.lower_), lemma)


def is_cue_lemma(lemma: str) -> bool:
    """Whether ``lemma`` can introduce reported speech or thought at all."""
    return (lemma in SPEECH or lemma in THOUGHT or lemma in DIRECTIVE or lemma in ATTITUDE
            or lemma in QUOTING or lemma in INTENT)

"""How sure the text is that an event happened: negation, modals and governing verbs.

A trigger's modality comes from its own clause ("did *not* attend", "*may* involve") and
from the verb that governs it ("*pledged* to speed up", "*accused* Pyongyang of supplying",
"*refused* to meet").  Word lists are English function words and common control verbs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MODALITIES = ("asserted", "negated", "planned", "pledged", "possible", "alleged", "denied",
              "demanded")

SCORED = frozenset({"asserted", "pledged", "planned"})
"""Modalities of events a CAMEO coder would record for the sentence (used by evaluation)."""

NEGATORS = frozenset({"not", "n't", "never", "no"})
POSSIBLE_AUX = frozenset({"may", "might", "could", "can"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "'d", "wo"})

INTENT_VERBS = frozenset({"pledge", "vow", "promise", "offer", "agree", "commit", "swear",
                          "undertake", "volunteer", "guarantee"})
INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "determined", "committed",
                               "eager"})
PLAN_VERBS = frozenset({"plan", "prepare", "intend", "aim", "schedule", "expect", "seek",
                        "want", "hope", "decide", "set", "mean", "consider", "try", "attempt",
                        "move", "begin", "start"})
POSSIBLE_VERBS = frozenset({"say", "indicate", "suggest", "appear", "seem"})
DEMAND_VERBS = frozenset({"demand", "urge", "call", "ask", "press", "request",
                          "appeal", "pressure", "push", "order", "tell", "invite", "encourage",
                          "require"})
REFUSE_VERBS = frozenset({"refuse", "decline", "fail", "reject", "oppose", "resist"})
ALLEGE_VERBS = frozenset({"accuse", "allege", "charge", "blame", "claim", "suspect",
                          "accusation", "allegation", "charges", "suspicion"})
DENY_VERBS = frozenset({"deny", "dismiss", "denial", "reject", "refute"})
THREATEN_VERBS = frozenset({"threaten", "threat"})
WARN_VERBS = frozenset({"warn", "warning"})

OBJECT_CONTROL = frozenset({"urge", "ask", "call", "force", "order", "tell", "invite",
                            "pressure", "press", "allow", "encourage", "persuade", "help",
                            "require", "permit", "accuse", "blame", "charge", "enable"})
"""Verbs whose object, not subject, does the complement: "urged *the factory* to expand"."""


@dataclass(frozen=True, slots=True)
class ClauseMood:
    """What a trigger's own clause says: negated, future, possible."""

    negated: bool = False
    future: bool = False
    possible: bool = False


def clause_mood(verb: Any) -> ClauseMood:
    """Negation and modal auxiliaries on ``verb`` (a spaCy token) and its auxiliaries."""
    negated = future = possible = False
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "neg" or (low in NEGATORS and child.dep_ in ("advmod", "det")):
            negated = True
        elif child.dep_ in ("aux", "auxpass"):
            if low in FUTURE_AUX or child.lemma_ == "will":
                future = True
            elif low in POSSIBLE_AUX:
                possible = True
    # "Kim *could* also be related to ..." / "is likely to" handled by callers
    return ClauseMood(negated, future, possible)


def governor_kind(lemma: str) -> str | None:
    """The modality family a governing verb or noun lends its complement."""
    if lemma in INTENT_VERBS or lemma in INTENT_ADJECTIVES:
        return "intent"
    if lemma in REFUSE_VERBS:
        return "refuse"
    if lemma in DENY_VERBS:
        return "deny"
    if lemma in ALLEGE_VERBS:
        return "allege"
    if lemma in THREATEN_VERBS:
        return "threaten"
    if lemma in WARN_VERBS:
        return "warn"
    if lemma in DEMAND_VERBS:
        return "demand"
    if lemma in PLAN_VERBS:
        return "plan"
    return None


KIND_MODALITY = {
    "intent": "pledged",
    "plan": "planned",
    "refuse": "negated",
    "deny": "denied",
    "allege": "alleged",
    "demand": "demanded",
    "appeal": "demanded",
    "threaten": "possible",
    "warn": "possible",
}

"""Dependency-tree helpers: who does the action of a verb, what it is done to.

All functions take spaCy tokens (typed ``Any`` so this module needs no spaCy import) and
follow the ClearNLP labels of the English spaCy models.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .modality import OBJECT_CONTROL

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd"})
RELATIVE = frozenset({"which", "who", "that", "whom"})
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp", "relcl", "acl"})


def children(tok: Any, *deps: str) -> Iterator[Any]:
    for child in tok.children:
        if child.dep_ in deps:
            yield child


def first(tok: Any, *deps: str) -> Any | None:
    return next(children(tok, *deps), None)


def is_passive(verb: Any) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def agent_of(verb: Any) -> Any | None:
    """The "by" phrase of a passive verb."""
    for agent in children(verb, "agent"):
        return first(agent, "pobj")
    return None


def direct_object(verb: Any) -> Any | None:
    """The direct object (for a passive verb, its grammatical subject)."""
    if is_passive(verb):
        return first(verb, *PASSIVE_SUBJECTS)
    return first(verb, *OBJECTS)


def prep_objects(tok: Any, prep: str) -> list[Any]:
    """Objects of preposition (or particle) ``prep`` attached to ``tok``."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ == prep:
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def subject_of(verb: Any, depth: int = 0) -> Any | None:
    """Who does ``verb``: its subject, the agent of a passive, or the controller of an
    infinitive/gerund ("urged *the factory* to expand", "*Kim* toured ... and pledged")."""
    if depth > 4:
        return None
    if is_passive(verb):
        agent = agent_of(verb)
        if agent is not None:
            return agent
    else:
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        # nearest subject on the left ("SEOUL (AP) — Kim inspected": Kim, not the dateline)
        left = [c for c in subjects if c.i < verb.i]
        subj = left[-1] if left else (subjects[0] if subjects else None)
        if subj is not None:
            if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subj
    if is_passive(verb):
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    dep = verb.dep_
    if dep == "acomp":  # "Syria is *willing* to ...": the copula's subject
        return subject_of(head, depth + 1)
    if dep == "conj":
        return subject_of(head, depth + 1)
    if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if dep == "xcomp" and head.lemma_ in OBJECT_CONTROL:
            obj = first(head, "dobj", "obj")
            if obj is not None:
                return obj
            for prep in ("on", "upon"):
                objs = prep_objects(head, prep)
                if objs:
                    return objs[0]
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
            return subject_of(head.head, depth + 1)
        return subject_of(head, depth + 1) if dep == "xcomp" else None
    if dep == "pcomp" and head.dep_ == "prep":
        governor = head.head
        if governor.lemma_ in OBJECT_CONTROL:
            obj = first(governor, "dobj", "obj")
            if obj is not None:
                return obj
        if governor.pos_ in ("VERB", "AUX"):
            return subject_of(governor, depth + 1)
        return None
    if dep == "advcl" and verb.tag_ in ("VBG", "VB"):
        return subject_of(head, depth + 1)
    if dep == "relcl" and head.pos_ in ("NOUN", "PROPN"):
        return None
    return None


def governing_verb(noun: Any, hops: int = 3) -> Any | None:
    """The verb a noun phrase hangs from ("prepared for their next round of *exercises*")."""
    tok = noun
    for _ in range(hops):
        if tok.dep_ in ("dobj", "obj", "pobj", "attr", "prep"):
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok
            continue
        if tok.dep_ in ("nsubj",) and tok.head.pos_ in ("VERB", "AUX"):
            return None
        return None
    return tok if tok.pos_ in ("VERB", "AUX") else None


def heads_in(tok: Any) -> list[Any]:
    """``tok`` and tokens conjoined to it."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out += heads_in(child)
    return out

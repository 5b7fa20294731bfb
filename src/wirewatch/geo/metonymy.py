"""Is a place name used as a place, or as an actor ("Moscow said", "talks with Seoul")?

Heuristics over a dependency parse (spaCy ``Token``/``Span``; works with any English model
that gives Universal-style ``dep_`` labels, and with hand-built ``Doc``s in tests):

* subject of a verb of saying or deciding: "Moscow *said*", "Washington and Seoul *agreed*";
* object of a verb aimed at an actor: "*accused* Pyongyang", "*urged* Beijing to…";
* agent of such a verb in the passive: "condemned *by* Tokyo";
* possessor of something a place cannot own: "Beijing's *decision*" (not "Japan's *coast*");
* modifier of an agent noun: "Moscow *officials*";
* object of "with/between/against" after a relation word: "*talks* with Tehran".

A conjunct inherits the role of the first conjunct ("Washington and Seoul agreed").
``literal_reason`` recognises the plainly locative uses ("*in* Manila", "*near* the shoal").
"""

from __future__ import annotations

from typing import Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


AGENT_VERBS = _words("""
say tell state announce declare claim insist add note stress warn threaten vow pledge promise
deny reject refuse accuse blame criticize criticise condemn denounce slam praise welcome
urge demand call ask appeal propose offer agree decide approve sign ratify order ban impose
sanction expel recall summon protest respond retaliate counter accept acknowledge confirm
admit hope want seek plan intend vote veto negotiate mediate broker pressure push press
support back oppose recognize recognise invite request suspend resume
cut sever restore halt launch deploy send dispatch fire strike attack invade annex seize
arrest detain release free execute test build develop supply sell buy export import
""")
"""Verbs whose subject is an agent: a place as their subject stands for its government."""

ADDRESSEE_VERBS = _words("""
accuse blame criticize criticise condemn denounce slam praise urge ask call press pressure
warn threaten sanction punish tell thank invite persuade convince lobby court engage
support back oppose recognize recognise help aid assist reassure provide give grant supply
arm fund equip
""")
"""Verbs whose object is an actor: "accused Pyongyang", "urged Beijing"."""

RELATION_WORDS = _words("""
talks talk ties tie relations relation relationship agreement deal accord treaty pact
dialogue negotiations negotiation dispute tension tensions conflict war rivalry cooperation
partnership alliance standoff confrontation summit meeting contacts trade
meet agree cooperate negotiate clash spar trade deal side align ally
""")
"""Nouns and verbs whose "with/between/against" object is a party, not a place."""

AGENT_NOUNS = _words("""
official officials government leader leaders leadership authorities authority diplomat
diplomats spokesperson spokesman spokeswoman ministry military forces troops regime
administration envoy envoys delegation negotiator negotiators side president minister
embassy allies ally
""")
"""Nouns a place name modifies when it stands for the state: "Moscow officials"."""

PLACE_NOUNS = _words("""
city capital town village coast coastline border borders territory territories island
islands region province state north south east west centre center outskirts suburbs
streets soil waters airspace mountains river port harbor harbour population residents
people citizens economy climate weather land area areas district districts countryside
history largest biggest oldest
""")
"""Possessed nouns that keep a place literal: "Japan's coast", "Manila's streets"."""

LOCATIVE_PREPS = _words("""
in at near off outside inside across into onto around along within throughout toward towards
over above below beneath through from
""")
"""Prepositions whose object is where something is or happens."""


def _root(obj: Any) -> Any:
    """The head token of a ``Span`` (or the ``Token`` itself)."""
    return getattr(obj, "root", obj)


def _first_conjunct(tok: Any) -> Any:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _lemma(tok: Any) -> str:
    return (tok.lemma_ or tok.text).lower()


def metonymy_reason(span: Any) -> str | None:
    """Why the place name ``span`` (a spaCy ``Span`` or ``Token``) stands for an actor."""
    tok = _first_conjunct(_root(span))
    dep, head = tok.dep_, tok.head
    verb = _lemma(head)
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX") and (
            verb in AGENT_VERBS or any(c.dep_ == "ccomp" for c in head.children)):
        return f"subject of '{head.text}'"
    if dep == "nsubjpass" and verb in ADDRESSEE_VERBS:
        return f"passive subject of '{head.text}'"
    if dep in ("dobj", "obj", "iobj", "dative") and verb in ADDRESSEE_VERBS:
        return f"object of '{head.text}'"
    if dep == "pobj":
        prep = head
        governor = prep.head
        by_agent = prep.dep_ == "agent" or (prep.lower_ == "by" and governor.pos_ == "VERB")
        if by_agent and (_lemma(governor) in AGENT_VERBS or _lemma(governor) in ADDRESSEE_VERBS):
            return f"agent of '{governor.text}'"
        if prep.lower_ in ("with", "between", "against", "and") and (
                _lemma(governor) in RELATION_WORDS or governor.lower_ in RELATION_WORDS):
            return f"party to '{governor.text}'"
        if prep.lower_ == "on" and _lemma(governor) in ("call", "pressure", "sanction"):
            return f"addressee of '{governor.text}'"
        if prep.lower_ == "from" and (governor.lower_ in AGENT_NOUNS
                                      or _lemma(governor) in AGENT_NOUNS):
            return f"origin of '{governor.text}'"
    if dep == "poss" and head.lower_ not in PLACE_NOUNS and _lemma(head) not in PLACE_NOUNS:
        return f"possessor of '{head.text}'"
    if dep in ("compound", "nmod", "amod") and (
            head.lower_ in AGENT_NOUNS or _lemma(head) in AGENT_NOUNS):
        return f"modifier of '{head.text}'"
    return None


def is_metonymic(span: Any) -> bool:
    """True when the place name ``span`` stands for an actor (a government, a side)."""
    return metonymy_reason(span) is not None


def _place_phrase(tok: Any) -> Any:
    """The head of the phrase a name fills: "Rupununi *region*", "the *island* of Palawan",
    "North Korea's *capital*, Pyongyang"; the token itself otherwise."""
    head = tok.head
    if tok.dep_ in ("compound", "appos") and head.lower_ in PLACE_NOUNS:
        return _first_conjunct(head)
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
        return _first_conjunct(head.head)
    return tok


def literal_reason(span: Any) -> str | None:
    """Why ``span`` names where something is or happens ("in Manila"), or ``None``."""
    if is_metonymic(span):
        return None
    tok = _first_conjunct(_root(span))
    tok = _place_phrase(tok)
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        return f"object of '{tok.head.text}'"
    if tok.dep_ in ("npadvmod", "advmod") and tok.head.pos_ == "VERB":
        return f"adverbial of '{tok.head.text}'"
    if tok.dep_ == "poss" and tok.head.lower_ in PLACE_NOUNS:
        return f"possessor of '{tok.head.text}'"
    return None

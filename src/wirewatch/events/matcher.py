"""Match lexicon patterns against the tokens of a parsed sentence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, Pattern
from .syntax import direct_object, subject_of

NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod"})


@dataclass
class Match:
    """A pattern that fired on a trigger token, with the words it used."""

    pattern: Pattern
    trigger: Any
    words: list[Any] = field(default_factory=list)
    obj: Any | None = None
    prep_objects: list[Any] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.pattern.code


def _lemma_forms(tok: Any) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _object_forms(obj: Any) -> set[str]:
    """The object's lemma and form, and those of its modifiers ("*diplomatic* ties")."""
    forms = _lemma_forms(obj)
    for child in obj.children:
        if child.dep_ in ("amod", "compound") and child.i < obj.i:
            forms |= _lemma_forms(child)
    return forms


def _find_prep(tokens: list[Any], word: str) -> Any | None:
    for tok in tokens:
        for child in tok.children:
            if child.lower_ == word and child.dep_ in ("prep", "prt", "agent", "dative",
                                                        "advmod", "mark"):
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs and all(g.ent_type_ in ("DATE", "TIME") for g in objs):
                    continue  # "fired ... on Monday": a time, not the pattern's "on"
                return child
    return None


NEUTRAL_SPEECH = frozenset({"say", "tell", "report", "add", "state", "note", "write"})
"""Attribution verbs: never events by an inflected form's own patterns ("SAID [023]")."""
BEFORE_WINDOW = 10
"""How many tokens before a trigger its pattern's preceding words are looked for."""
AFTER_WINDOW = 10
"""How many tokens after a trigger its pattern's following words are looked for."""
_SPELLINGS = {"n't": "not", "wo": "will", "ca": "can", "'ll": "will", "'d": "would"}


def _word_forms(tok: Any) -> set[str]:
    low = tok.lower_
    return {low, tok.lemma_.lower(), _SPELLINGS.get(low, low)}


def _pattern_word(word: str) -> str:
    return _SPELLINGS.get(word, word)


def _match_items(window: list[Any], items: tuple[tuple[tuple[str, ...], ...], ...]
                 ) -> list[Any] | None:
    """The tokens of ``window`` matching ``items`` in order (gaps allowed between items,
    each item's words adjacent), or ``None``."""
    found: list[Any] = []
    pos = 0
    for item in items:
        hit: tuple[int, int] | None = None
        for i in range(pos, len(window)):
            for seq in item:
                if i + len(seq) <= len(window) and all(
                        _pattern_word(w) in _word_forms(window[i + k])
                        for k, w in enumerate(seq)):
                    hit = (i, len(seq))
                    break
            if hit:
                break
        if hit is None:
            return None
        found += window[hit[0]:hit[0] + hit[1]]
        pos = hit[0] + hit[1]
    return found


def match_before(tok: Any, pattern: Pattern) -> list[Any] | None:
    """The tokens matching the pattern's words before the trigger, within
    ``BEFORE_WINDOW`` tokens of the sentence, or ``None``."""
    start = max(tok.sent.start, tok.i - BEFORE_WINDOW)
    return _match_items([t for t in tok.doc[start:tok.i] if not t.is_punct], pattern.before)


def match_after(tok: Any, pattern: Pattern) -> list[Any] | None:
    """The tokens matching the pattern's words after the trigger, within
    ``AFTER_WINDOW`` tokens of the sentence, or ``None``."""
    end = min(tok.sent.end, tok.i + 1 + AFTER_WINDOW)
    return _match_items([t for t in tok.doc[tok.i + 1:end] if not t.is_punct], pattern.after)


def _compound_subject(tok: Any) -> bool:
    subj = subject_of(tok)
    return subj is not None and any(c.dep_ == "conj" for c in subj.children)


def match_verb(tok: Any, pattern: Pattern) -> Match | None:
    words = [tok]
    obj = None
    hosts = [tok]
    if pattern.role == "intransitive" and direct_object(tok) is not None:
        return None
    if pattern.compound and not _compound_subject(tok):
        return None
    if pattern.before:
        before = match_before(tok, pattern)
        if before is None:
            return None
        words += before
    if pattern.after:
        # PETRARCH's words after the verb: matched in order; the object and prepositions
        # are then looked up on the parse only to find the target
        after = match_after(tok, pattern)
        if after is None:
            return None
        words += after
        obj = direct_object(tok)
        targets: list[Any] = []
        for word in pattern.preps:
            prep = _find_prep([tok] + ([obj] if obj is not None else []), word)
            if prep is not None:
                targets += [c for c in prep.children if c.dep_ == "pobj"]
        return Match(pattern, tok, words, obj, targets)
    if pattern.objects:
        obj = direct_object(tok)
        if obj is None and pattern.preps:
            # "remain on alert": the object sits in the pattern's prepositional phrase
            prep = _find_prep([tok], pattern.preps[-1])
            if prep is not None:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        if "*" not in pattern.objects and not (_object_forms(obj) & pattern.objects):
            return None
        words.append(obj)
        hosts.append(obj)
    prep_objs: list[Any] = []
    for word in pattern.preps:
        prep = _find_prep(hosts, word)
        if prep is None:
            return None
        words.append(prep)
        prep_objs += [c for c in prep.children if c.dep_ == "pobj"]
    return Match(pattern, tok, words, obj, prep_objs)


def match_noun(tok: Any, pattern: Pattern) -> Match | None:
    words = [tok]
    if pattern.objects:
        mods = [c for c in tok.children if c.dep_ in NOUN_MODIFIERS]
        hit = next((m for m in mods if _lemma_forms(m) & pattern.objects), None)
        if hit is None:
            return None
        words.append(hit)
    prep_objs: list[Any] = []
    for word in pattern.preps:
        prep = _find_prep([tok], word)
        if prep is None:
            return None
        words.append(prep)
        prep_objs += [c for c in prep.children if c.dep_ == "pobj"]
    return Match(pattern, tok, words, None, prep_objs)


def _stems(tok: Any) -> tuple[str, ...]:
    """Regular base forms of an inflected verb, tried when its lemma has no pattern."""
    w = tok.lower_
    if tok.tag_ in ("VBD", "VBN") and w.endswith("ed"):
        return (w[:-3] + "y",) if w.endswith("ied") else (w[:-2], w[:-1])
    if tok.tag_ == "VBG" and w.endswith("ing"):
        return (w[:-3], w[:-3] + "e")
    if tok.tag_ == "VBZ" and w.endswith("s"):
        return (w[:-2], w[:-1]) if w.endswith("es") else (w[:-1],)
    return ()


def match_token(tok: Any, lexicon: Lexicon) -> Match | None:
    """The most specific pattern firing on ``tok``, or ``None``."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT") or (
            tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT")):
        # "is *ready* to": predicate adjectives by their own form too; an inflected form
        # with patterns of its own ("--- MET [031:032] ---") before the lemma's
        own_form = lemma not in NEUTRAL_SPEECH and any(
            p.external for p in lexicon.for_verb(tok.lower_))  # a user dictionary's block
        keys: tuple[str, ...] = (tok.lower_, lemma) if tok.dep_ == "acomp" or own_form \
            else (lemma,)
        if not any(k in lexicon.verbs for k in keys):
            keys = _stems(tok)  # a lemma the tagger got wrong ("cordoned" -> "cordone")
        for key in dict.fromkeys(keys):
            for pattern in lexicon.for_verb(key):
                m = match_verb(tok, pattern)
                if m is not None:
                    return m
    elif tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("PERSON", "GPE", "ORG", "NORP"):
        for key in dict.fromkeys((lemma, tok.lower_)):
            for pattern in lexicon.for_noun(key):
                m = match_noun(tok, pattern)
                if m is not None:
                    return m
    return None


DECLARING = frozenset({"say", "declare", "insist", "reiterate", "conclude", "announce", "state",
                       "stress", "tell", "add", "argue", "write", "assert", "repeat"})
MUST_RULE = Pattern("100", "say", role="demand", source="rule: X said Y must do Z")


def must_clause_demand(tok: Any) -> Match | None:
    """"Russia said Sudan *must* return the helicopter": a demand by the speaker."""
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in DECLARING:
        return None
    must = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "must"), None)
    if must is None:
        return None
    return Match(MUST_RULE, tok.head, [tok.head, must])


def match_sentence(sent: Any, lexicon: Lexicon) -> dict[int, Match]:
    """Matches by token index for one sentence; object nouns a verb pattern used up are
    not matched again as noun events ("hold *talks*")."""
    found: dict[int, Match] = {}
    for tok in sent:
        m = match_token(tok, lexicon)
        if m is not None:
            found[tok.i] = m
    for tok in sent:
        demand = must_clause_demand(tok)
        if demand is not None and demand.trigger.i not in found:
            found[demand.trigger.i] = demand
    used = {w.i for m in found.values() if not m.pattern.noun for w in m.words[1:]}
    return {i: m for i, m in found.items()
            if not (m.pattern.noun and i in used and not m.pattern.governor)}

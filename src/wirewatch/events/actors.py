"""Turn the noun phrase at an event's argument into ``Actor`` records.

An argument resolves, in order, through the document's entities (their ids and actor codes,
from the ``actors.entities`` stage), then the actor knowledge base (``wirewatch.actors``)
on the whole noun phrase, its named-entity span and its head.  Pronouns take the most
recent compatible actor of the document.  Conjoined heads ("the United States and South
Korea") give one actor each: a compound actor stays one event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..nlp.spans import entity_at
from ..records import Actor, Entity, Quote

Lookup = Callable[[str, "str | None"], "tuple[str, str, str] | None"]
"""``lookup(phrase, date) -> (actor_code, canonical_name, kind) | None``."""

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
_NP_LEFT = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "case", "flat",
                      "npadvmod", "quantmod"})
QUANTITY_HEADS = frozenset({"thousand", "thousands", "hundred", "hundreds", "ten", "tens",
                            "dozen", "dozens", "group", "groups", "number", "crowd", "crowds",
                            "some", "many", "most", "all", "members", "member", "part",
                            "one", "two", "three", "several", "million", "millions", "scores"})
"""Heads that stand for the people in their of-phrase ("thousands *of students*")."""
_SKIP_WORDS = frozenset({"the", "a", "an", "'s", "’s", "'", "this", "that", "these", "those"})


def kb_lookup(settings: Any) -> Lookup | None:
    """A lookup over ``wirewatch.actors.load_kb(settings)``; ``None`` when that package
    (or its knowledge base) is not available."""
    try:
        from ..actors import load_kb
    except ImportError:
        return None
    kb = load_kb(settings)

    def lookup(phrase: str, date: str | None) -> tuple[str, str, str] | None:
        m = kb.match(phrase, date=date)
        if m is None or not getattr(m, "code", None):
            return None
        return m.code, m.name or phrase, getattr(m, "kind", "") or ""

    return lookup


def dateline_end(text: str, dateline: str | None) -> int:
    """Where the story begins when ``text`` opens with its ``dateline``."""
    if not dateline or not text.startswith(dateline):
        return 0
    end = len(dateline)
    while end < len(text) and text[end] in " \t-—–:,":
        end += 1
    return end


def conjuncts(token: Any) -> list[Any]:
    """``token`` and the heads conjoined to it ("X, Y and Z")."""
    out = [token]
    listed = any(c.dep_ == "cc" for c in token.children)
    for child in token.children:
        # "Mordor, the awful Fornost, and Gondor": in a list, an apposition is a member
        if (child.dep_ == "conj" or (listed and child.dep_ == "appos")) and \
                child.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(conjuncts(child))
    return sorted(out, key=lambda t: t.i)


def _beneficiary(pronoun: Any) -> Any | None:
    """The recipient a purpose clause's possessive refers to: "providing arms *to Russia*
    to aid *its* fighting" (Russia's fighting, not the provider's)."""
    if pronoun.dep_ != "poss":
        return None
    verb = pronoun.head
    for _ in range(2):  # "its fighting" / "its war efforts" up to the verb
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    if verb.pos_ != "VERB" or verb.dep_ not in ("advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    giver = verb.head
    for child in giver.children:
        if child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN"):
                return pobj
    return None


def phrase_tokens(head: Any) -> list[Any]:
    """The head and its left modifiers (no clauses, appositions or trailing phrases)."""
    tokens = [head]

    def add(tok: Any) -> None:
        for child in tok.lefts:
            if child.dep_ in _NP_LEFT:
                tokens.append(child)
                add(child)

    add(head)
    # "Ministry of Defense", "police in Jericho", "soldiers from Gondor": keep a trailing
    # phrase naming a place or organisation
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                    tokens += [child, *pobj.subtree]
    return sorted(tokens, key=lambda t: t.i)


def _clean(tokens: Sequence[Any]) -> str:
    words = [t.text for t in tokens if t.lower_ not in _SKIP_WORDS or t.i == tokens[-1].i]
    return " ".join(words).replace(" ’s", "’s").replace(" 's", "'s").strip()


@dataclass
class ActorResolver:
    """Resolve argument heads of one document to actors (keeps pronoun memory)."""

    entities: Sequence[Entity]
    lookup: Lookup | None
    date: str | None = None
    quotes: Sequence[Quote] = ()
    body_start: int = 0
    """Offset where the story starts after a dateline ("SEOUL, South Korea (AP) — ")."""

    def __post_init__(self) -> None:
        self._recent: list[tuple[Actor, str, bool]] = []
        self._spans = [(m.start, m.end, e) for e in self.entities for m in e.mentions]

    def _entity_at(self, start: int, end: int) -> Entity | None:
        best: Entity | None = None
        for s, e, ent in self._spans:
            if s < end and start < e and (ent.actor_code or best is None):
                best = ent
                if ent.actor_code:
                    break
        return best

    def _lookup(self, phrase: str) -> tuple[str, str, str] | None:
        if not phrase or self.lookup is None:
            return None
        return self.lookup(phrase, self.date)

    def remember(self, actor: Actor, kind: str, subject: bool = False) -> None:
        self._recent.append((actor, kind, subject))
        del self._recent[:-12]

    def resolve_head(self, head: Any) -> Actor | None:
        """One head token to an actor, or ``None``."""
        low = head.lower_
        if low in FIRST_PERSON:
            return self._speaker_at(head.idx)
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            recipient = _beneficiary(head) if low in GROUP_PRONOUNS else None
            if recipient is not None:
                actor = self.resolve_head(recipient)
                if actor is not None:
                    return Actor(actor.name, actor.entity, actor.actor_code)
            return self._pronoun(low, head.idx)
        subject = head.dep_ in ("nsubj", "nsubjpass")
        if head.lemma_.lower() in QUANTITY_HEADS or head.lower_ in QUANTITY_HEADS:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self.resolve_head(pobj)
        tokens = phrase_tokens(head)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        entity = self._entity_at(head.idx, head.idx + len(head.text))
        if entity is not None and entity.actor_code:
            code = entity.actor_code
            if len(tokens) > 1:
                # "Bree Prime Minister Romendacil": the phrase's role words refine the
                # entity's code (BRE -> BREGOV)
                hit = self._lookup(_clean(tokens))
                if hit is not None and len(hit[0]) > len(code) and hit[0].startswith(code):
                    code = hit[0]
            actor = Actor(entity.name, entity.id, code, start, end)
            self.remember(actor, "person" if entity.type == "PERSON" else "group", subject)
            return actor
        candidates = [_clean(tokens)]
        if head.ent_type_:
            ent = entity_at(head)
            if ent is not None:
                candidates.append(_clean(list(ent)))
        candidates.append(head.text)
        # "a Philippine navy supply boat": the modifiers name the actor behind a thing
        left = [tok for tok in tokens if tok.i < head.i and tok.lower_ not in _SKIP_WORDS]
        if head.pos_ == "NOUN" and left and left[0].ent_type_ in ("NORP", "GPE", "ORG"):
            candidates += [_clean(left[:k]) for k in range(len(left), 0, -1)]
        for phrase in dict.fromkeys(candidates):
            hit = self._lookup(phrase)
            if hit is not None:
                code, name, kind = hit
                actor = Actor(name, entity.id if entity else None, code, start, end)
                person = kind == "person" or head.ent_type_ == "PERSON"
                self.remember(actor, "person" if person else "group", subject)
                return actor
        return None

    def _speaker_at(self, offset: int) -> Actor | None:
        """"We" inside a quote is its speaker."""
        for q in self.quotes:
            if q.start <= offset < q.end and q.speaker is not None and q.speaker.actor_code:
                sp = q.speaker
                return Actor(sp.name, sp.entity, sp.actor_code)
        return None

    def _pronoun(self, low: str, offset: int | None = None) -> Actor | None:
        """The most recent compatible actor mentioned *before* ``offset`` (a subject
        preferred): "Ethiopia said it would ..., an official said" is Ethiopia."""
        want = "person" if low in PERSON_PRONOUNS else "group"
        fallback = None
        earlier = [r for r in self._recent
                   if offset is None or r[0].start is None or r[0].start < offset]
        earlier.sort(key=lambda r: -1 if r[0].start is None else r[0].start)
        for actor, kind, subject in reversed(earlier):
            if kind == want:
                if subject:
                    return Actor(actor.name, actor.entity, actor.actor_code)
                fallback = fallback or actor
        if fallback is None:
            return None
        return Actor(fallback.name, fallback.entity, fallback.actor_code)

    def _shared_agent(self, head: Any, siblings: Sequence[Any] = ()) -> list[Actor]:
        """Agents spread over conjoined places: "the foreign ministers of Guyana and
        Venezuela", "lawmakers (and officials) in A and B" give one actor per agent and
        place.  ``siblings`` are the head's conjuncts (the parse may hang "and B" on the
        first agent)."""
        if head.pos_ != "NOUN":
            return []
        prep = next((c for c in head.children if c.dep_ == "prep"
                     and c.lower_ in ("of", "in", "from")), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if prep is None or pobj is None or pobj.pos_ != "PROPN":
            return []
        places = conjuncts(pobj)
        places += [t for t in siblings if t.pos_ == "PROPN" and t.i > prep.i
                   and t not in places]
        agents = [head, *(t for t in siblings if t.pos_ == "NOUN" and t.i < prep.i
                          and t.i != head.i)]
        if len(places) < 2 and len(agents) < 2:
            return []
        out: list[Actor] = []
        for place in places:
            where = _clean(phrase_tokens(place) if place is not pobj else [pobj])
            for agent in agents:
                left = _clean([t for t in phrase_tokens(agent) if t.i <= agent.i])
                hit = self._lookup(f"{left} {prep.lower_} {where}")
                if hit is not None:
                    code, name, _ = hit
                    actor = Actor(name, None, code, place.idx, place.idx + len(place.text))
                    if actor not in out:
                        out.append(actor)
        return out

    def _coordinated(self, head: Any) -> list[Any]:
        """The head's conjuncts, and those hanging off a left modifier when the parse
        folds a coordination into the head's phrase ("Fornost and the evil awful
        *Gondor*": "Fornost" is a modifier of "Gondor" with a conjunct of its own)."""
        out = conjuncts(head)
        for child in head.lefts:
            if child.dep_ in ("nmod", "compound", "npadvmod") and \
                    child.pos_ in ("PROPN", "NOUN") and \
                    any(c.dep_ in ("cc", "conj") for c in child.children):
                out = [*conjuncts(child), *out]
        return out

    def resolve(self, head: Any | None) -> tuple[Actor, ...]:
        """The head and its conjuncts as actors (unresolved ones left out)."""
        if head is None:
            return ()
        out: list[Actor] = []
        heads = self._coordinated(head)
        shared_done = False
        for tok in heads:
            if tok.idx < self.body_start:
                continue  # the dateline's place is not an actor
            shared = [] if shared_done else self._shared_agent(tok, heads)
            if shared:
                out += [a for a in shared if a not in out]
                shared_done = True
                continue
            if shared_done and (tok.pos_ == "NOUN" or any(
                    a.start is not None and a.start <= tok.idx < a.end for a in out)):
                continue  # an agent or place already spread
            actor = self.resolve_head(tok)
            if actor is not None and all(a.actor_code != actor.actor_code or
                                         a.name != actor.name for a in out):
                out.append(actor)
        return tuple(out)

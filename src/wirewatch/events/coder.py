"""Code the events of one parsed article.

For each sentence: match the lexicon (``matcher``), link speech acts to the events they are
about (``pledged *to speed up*``, ``accused X *of supplying*``), settle each event's code
and modality, find its actors, date and place, and keep it only if the code is valid and
at least one actor resolved (fail closed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..nlp.spans import entity_at
from ..records import Actor, Event, Location, Plover, Quote, Span, content_id
from .actors import ActorResolver
from .codebook import lookup
from .lexicon import Lexicon
from .matcher import Match, match_sentence
from .modality import (
    FUTURE_AUX,
    INTENT_ADJECTIVES,
    KIND_MODALITY,
    clause_mood,
    governor_kind,
)
from .syntax import direct_object, first, governing_verb, prep_objects, subject_of
from .transform import is_cooperative, speech_act_code
from .when import resolve_date
from .where import PlaceResolver, find_place, locate

TARGET_PREPS = ("with", "to", "against", "on", "upon", "from", "into", "of", "at", "toward",
                "towards", "between", "for")
LIGHT_VERBS = frozenset({"hold", "conduct", "stage", "launch", "prepare", "begin", "start",
                         "plan", "carry", "mount", "make", "pay", "continue", "resume",
                         "announce", "order", "undertake", "complete", "stop", "end", "join",
                         "attend", "organize", "schedule", "have", "give", "issue",
                         "face", "level", "take", "lead", "intensify", "engage",
                         "step", "escalate"})
REPORTING_VERBS = frozenset({"say", "report", "tell", "announce", "add", "state", "claim",
                             "note", "quote", "confirm", "write", "insist", "believe", "think",
                             "argue", "estimate", "describe", "indicate"})
DATE_PREPS = frozenset({"on", "in", "during", "at", "since", "by", "until", "from", "for",
                        "through", "after", "before"})
HOSTILE_VERBS = frozenset({"retaliate", "fight", "attack", "destroy", "punish", "crush",
                           "strike", "avenge", "kill", "wipe", "invade", "bomb", "shoot",
                           "eliminate", "annihilate", "respond", "hit", "wage"})
INSTITUTION_SECTORS = {"factory": "BUS", "plant": "BUS", "company": "BUS", "firm": "BUS",
                       "enterprise": "BUS", "shipyard": "BUS", "mine": "BUS", "bank": "BUS",
                       "school": "EDU", "university": "EDU", "college": "EDU",
                       "hospital": "HLH", "clinic": "HLH"}
"""Unnamed institutions and their CAMEO sector codes."""
NON_COUNTRY_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "---", "UIS", "INT"})
MAX_TRIGGER_TOKENS = 8
"""Longest trigger span, in tokens, shown as the words that fired."""
SPEECH_KINDS = frozenset({"demand", "appeal", "refuse", "allege", "deny"})


@dataclass
class Draft:
    """An event being assembled."""

    match: Match
    code: str
    modality: str = "asserted"
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    note: str = ""
    absorbed: bool = False
    """A governor merged into its complement ("pledged to ..."): not emitted itself."""
    complement: Draft | None = None
    governor: Draft | None = None
    future: bool = False
    complement_ok: bool = False
    """An intent about an act outside the lexicon, coded as such (030/130)."""
    words: list[Any] = field(default_factory=list)
    reverse: bool = False
    """The target's act on the source (PETRARCH's ``[032:033]``)."""


@dataclass
class DocumentCoder:
    """Codes sentences of one document; create one per document."""

    lexicon: Lexicon
    resolver: ActorResolver
    doc_id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    quotes: Sequence[Quote] = ()
    places: PlaceResolver | None = None
    require_dyad: bool = False
    """Keep only events with both a source and a target (PETRARCH's ``require_dyad``)."""
    _noun_memory: dict[str, tuple[tuple[Actor, ...], tuple[Actor, ...]]] = field(
        default_factory=dict, repr=False)
    """Actors of the noun events coded so far, by lemma ("a parade ... the July 27 parade")."""

    def code(self, parsed: Any) -> list[Event]:
        events: list[Event] = []
        for sent in parsed.sents:
            events += self.code_sentence(sent)
        return events

    # -- linking speech acts to their complements ---------------------------------------

    def _complement_token(self, gov: Any, matches: dict[int, Match]) -> Any | None:
        """The coded event a governor is about, searching its clausal children."""
        queue = [c for c in gov.children if c.dep_ in ("xcomp", "ccomp", "acl", "dobj", "obj")]
        for prep in gov.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "to", "from", "over",
                                                       "against", "on"):
                queue += [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
        seen = 0
        while queue and seen < 12:
            tok = queue.pop(0)
            seen += 1
            if tok.i in matches and tok.i != gov.i:
                return tok
            if tok.pos_ in ("VERB", "AUX") and (tok.lemma_ in LIGHT_VERBS or
                                                governor_kind(tok.lemma_) == "plan"):
                queue += [c for c in tok.children if c.dep_ in ("dobj", "obj", "xcomp")]
                for prep in tok.children:
                    if prep.dep_ == "prep":
                        queue += [c for c in prep.children if c.dep_ == "pobj"]
            elif tok.pos_ in ("NOUN",) and tok.dep_ in ("dobj", "obj", "pobj"):
                queue += [c for c in tok.children if c.dep_ in ("acl", "ccomp")]
        return None

    def _governor_kind(self, gov: Any, matches: dict[int, Match]) -> str | None:
        m = matches.get(gov.i)
        if m is not None and m.pattern.governor:
            return m.pattern.role
        if m is not None:
            return governor_kind(gov.lemma_.lower())
        kind = governor_kind(gov.lemma_.lower())
        if kind in ("plan", "intent") or (gov.pos_ == "ADJ" and gov.lemma_ in INTENT_ADJECTIVES):
            return kind or "intent"
        return None

    # -- actors ---------------------------------------------------------------------------

    def _noun_sources(self, noun: Any) -> list[Any]:
        """Possessor, demonym or name modifier; else the subject of the light verb the
        noun hangs from ("the U.S. and South Korea prepared for ... exercises")."""
        out: list[Any] = []
        poss = first(noun, "poss")
        if poss is not None and poss.pos_ != "PRON":
            out.append(poss)
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and (
                child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
            ):
                out.append(child)
        verb = governing_verb(noun, 5)
        if verb is not None and (verb.lemma_ in LIGHT_VERBS or
                                 governor_kind(verb.lemma_) in ("plan", "intent")):
            subj = subject_of(verb)
            if subj is not None:
                out.append(subj)
        if poss is not None and poss.pos_ == "PRON":
            out.append(poss)
        return out

    def _source_heads(self, m: Match) -> list[Any]:
        tok = m.trigger
        if m.pattern.noun:
            return self._noun_sources(tok)
        subj = subject_of(tok)
        return [subj] if subj is not None else []

    def _target_heads(self, m: Match) -> list[Any]:
        if m.pattern.role == "notarget":
            return []
        tok = m.trigger
        out: list[Any] = list(m.prep_objects)
        specific_object = bool(m.pattern.objects - {"*"})
        if m.pattern.noun:
            for prep in TARGET_PREPS:
                out += prep_objects(tok, prep)
            return out
        obj = direct_object(tok)
        if obj is not None:
            # "condemned an attack *by Osgiliath soldiers*": the doer of the object act
            out += prep_objects(obj, "by")
        if obj is not None and not specific_object:
            out.append(obj)
        if obj is not None and specific_object:
            out += [c for c in obj.children if c.dep_ == "poss"]
            out.append(obj)  # "rammed a *Philippine navy* supply boat": the thing's owner
            for prep in ("with", "to", "against", "on", "of", "for", "between", "at"):
                out += prep_objects(obj, prep)
        out += [c for c in tok.children if c.dep_ in ("dative", "iobj")]
        for prep in ("with", "to", "against", "on", "upon"):
            out += prep_objects(tok, prep)
        if obj is not None:
            # "welcomed the resumption of ties *with Osgiliath*": one or two levels down
            for first_level in [*prep_objects(obj, "of"), obj]:
                for prep in ("with", "between", "to", "against", "on"):
                    out += prep_objects(first_level, prep)
        # "expressed regret that North Korea continues ...": the clause's subject
        for host in (tok, obj):
            if host is None:
                continue
            for clause in host.children:
                if clause.dep_ in ("ccomp", "acl", "relcl") and clause.pos_ in ("VERB", "AUX"):
                    subj = first(clause, "nsubj")
                    if subj is not None and subj.lower_ not in ("which", "who", "that"):
                        out.append(subj)
        return out

    def _resolve(self, heads: Sequence[Any], exclude: Sequence[Actor] = ()) -> tuple[Actor, ...]:
        taken = {(a.actor_code, a.name) for a in exclude}
        for head in heads:
            actors = tuple(a for a in self.resolver.resolve(head)
                           if (a.actor_code, a.name) not in taken)
            if actors:
                return actors
        return ()

    def _noun_context(self, d: Draft) -> None:
        """A noun event nobody is named for: the country where it happened ("a military
        parade in North Korea's capital, Pyongyang"), else the actors of an earlier
        mention of the same event ("*the* July 27 parade")."""
        tok = d.match.trigger
        place = find_place(tok, set())
        if place is not None:
            hosts = self._resolve([place])
            if hosts and hosts[0].actor_code and _is_country(hosts[0].actor_code):
                a = hosts[0]
                d.source = (Actor(a.name, a.entity, (a.actor_code or "")[:3], a.start, a.end),)
                d.note = (d.note + "; " if d.note else "") + "source: the country where it was"
                return
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                       for c in tok.children)
        earlier = self._noun_memory.get(tok.lemma_.lower())
        if definite and earlier is not None:
            d.source = tuple(Actor(a.name, a.entity, a.actor_code) for a in earlier[0])
            if not d.target:
                d.target = tuple(Actor(a.name, a.entity, a.actor_code) for a in earlier[1])
            d.note = (d.note + "; " if d.note else "") + "actors: an earlier mention"

    def _institution(self, d: Draft) -> Actor | None:
        """An unnamed institution as the target ("urged *the factory* to ..."): its sector
        in the country named on it, on an earlier mention, or else the source's country."""
        obj = d.match.obj if d.match.obj is not None else direct_object(d.match.trigger)
        if obj is None or obj.lemma_.lower() not in INSTITUTION_SECTORS:
            return None
        sector = INSTITUTION_SECTORS[obj.lemma_.lower()]
        country = self._named_country(obj)
        if country is None:
            for tok in reversed(obj.doc[:obj.i]):
                if tok.lemma_.lower() == obj.lemma_.lower():
                    country = self._named_country(tok)
                    if country is not None:
                        break
        why = "named on it or earlier"
        if country is None:
            codes = [a.actor_code for a in d.source if a.actor_code and _is_country(a.actor_code)]
            if not codes:
                return None
            country, why = (codes[0] or "")[:3], "the source's country"
        d.note = (d.note + "; " if d.note else "") + f"target: {obj.lemma_} in {why}"
        return Actor(_np_text(obj), None, country + sector, obj.idx, obj.idx + len(obj.text))

    def _named_country(self, noun: Any) -> str | None:
        """The country on a noun phrase ("North Korea's factory", "a factory in Chongjin")."""
        heads = [c for c in noun.children
                 if c.dep_ in ("poss", "amod", "compound", "nmod") and c.pos_ != "PRON"]
        heads += prep_objects(noun, "in")
        for head in heads:
            if head.ent_type_ not in ("GPE", "NORP", "LOC"):
                continue
            actors = self.resolver.resolve(head)
            if actors and actors[0].actor_code and _is_country(actors[0].actor_code):
                return (actors[0].actor_code or "")[:3]
        return None

    # -- the sentence -----------------------------------------------------------------------

    def code_sentence(self, sent: Any) -> list[Event]:
        matches = match_sentence(sent, self.lexicon)
        if not matches:
            # keep pronoun memory current even in sentences without events
            subj = first(sent.root, "nsubj")
            if subj is not None and subj.pos_ != "PRON":
                self.resolver.resolve_head(subj)
            return []
        drafts = {i: Draft(m, m.code, words=list(m.words)) for i, m in matches.items()}
        # subjects in reading order first, so pronouns can refer back to them
        for tok in sent:
            if tok.dep_ == "nsubj" and tok.pos_ in ("PROPN", "NOUN"):
                self.resolver.resolve_head(tok)
        # sources first (in order), so pronouns see earlier actors
        for i in sorted(drafts):
            d = drafts[i]
            heads = self._source_heads(d.match)
            d.source = self._resolve(heads)
            if not d.source and heads and heads[0].lower_ in ("we", "i"):
                # "'We express deep regret ...,' Koo said": the speaker of the sentence
                speaker = _reporter(d.match.trigger)
                if speaker is not None:
                    d.source = self._resolve([speaker])
        for d in drafts.values():
            if d.match.pattern.noun and not d.source:
                self._noun_context(d)
        for i in sorted(drafts):
            d = drafts[i]
            d.target = self._resolve(self._target_heads(d.match), d.source)
            if not d.target and d.source and not d.match.pattern.noun and \
                    d.match.pattern.role != "notarget":
                institution = self._institution(d)
                if institution is not None:
                    d.target = (institution,)
            if not d.target and d.source and d.match.pattern.role != "notarget" and \
                    not d.match.pattern.noun:
                # "departed *from Libya*", "warned *of* the Prince": the first actor named
                # in the verb's own phrase, other than the source itself
                own = {a.actor_code for a in d.source}
                d.target = tuple(a for a in self._resolve(
                    _phrase_heads(d.match.trigger, matches), d.source) if a.actor_code not in own)
                if d.target:
                    d.note = (d.note + "; " if d.note else "") + "target: first actor after it"
        for d in drafts.values():
            if d.match.pattern.noun and d.source:
                self._noun_memory[d.match.trigger.lemma_.lower()] = (d.source, d.target)
        # link governors to complements
        for i in sorted(drafts):
            gov_tok = drafts[i].match.trigger
            kind = self._governor_kind(gov_tok, matches)
            if kind is None:
                continue
            comp_tok = self._complement_token(gov_tok, matches)
            if comp_tok is None or comp_tok.i not in drafts:
                continue
            drafts[i].complement = drafts[comp_tok.i]
            drafts[comp_tok.i].governor = drafts[i]
        # governors that are not in the lexicon ("prepared for", "plans to", "ready to")
        for d in drafts.values():
            if d.governor is not None:
                continue
            head = d.match.trigger
            for _ in range(3):
                if head.dep_ not in ("xcomp", "ccomp", "pobj", "pcomp", "prep", "dobj", "acl"):
                    break
                parent = head.head
                if head.dep_ == "acl" and parent.i == d.match.trigger.i:
                    break
                kind = governor_kind(parent.lemma_.lower())
                if kind in ("plan", "intent") and parent.i not in drafts:
                    d.modality = KIND_MODALITY[kind]
                    d.note = f"governed by {parent.lemma_!r} ({kind})"
                    if kind == "intent":
                        self._apply_intent(d, parent.lemma_)
                    outer = _reported_as(parent)
                    if outer is not None:
                        d.modality = outer
                        d.note += f"; {outer}"
                    break
                head = parent
            # "exercises planned for later this month"
            for child in d.match.trigger.children:
                if child.dep_ == "acl" and governor_kind(child.lemma_.lower()) == "plan":
                    d.modality = "planned"
                    d.note = f"modified by {child.lemma_!r}"
        for d in drafts.values():
            if d.match.pattern.role == "intent" and d.complement is None:
                self._uncoded_intent(d)
            self._settle(d)
        events = []
        for d in drafts.values():
            if d.absorbed:
                continue
            event = self._event(d, sent)
            if event is not None:
                events.append(event)
            rev = d.match.pattern.reverse
            if event is not None and rev and d.source and d.target:
                # "[032:033]": the visited hosts the visitor
                back = replace(d, code=rev, source=d.target, target=d.source, reverse=True,
                               note=(d.note + "; " if d.note else "") + "the reverse act")
                other = self._event(back, sent)
                if other is not None:
                    events.append(other)
        return events

    def _uncoded_intent(self, d: Draft) -> None:
        """"agreed to set up a research centre": a promise about an act the lexicon does not
        code is still an intent to cooperate (030), or a threat (130) when the act is
        hostile."""
        comp = next((c for c in d.match.trigger.children
                     if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
        if comp is None:
            return
        hostile = comp.lemma_.lower() in HOSTILE_VERBS
        d.code = "130" if hostile else "030"
        d.modality = "asserted" if hostile else "pledged"
        d.note = f"promise to {comp.lemma_!r} (not in the lexicon) -> {d.code}"
        d.words.append(comp)
        d.complement_ok = True
        if not d.target:
            heads = [direct_object(comp)] if direct_object(comp) is not None else []
            for prep in ("to", "with", "against", "on", "for"):
                heads += prep_objects(comp, prep)
            d.target = self._resolve(heads, d.source)

    def _apply_intent(self, d: Draft, why: str) -> None:
        """A promise of a cooperative act is an intent (03x); of a hostile act against
        someone, a threat (13x).  Codes from a user's PETRARCH dictionary stay as written."""
        if d.match.pattern.external:
            return
        if is_cooperative(d.code):
            new = speech_act_code("intent", d.code)
            if new:
                d.note = f"{d.code} under {why!r} -> intent {new}"
                d.code = new
        elif d.target:
            new = speech_act_code("threaten", d.code)
            if new:
                d.note = f"{d.code} under {why!r} -> threat {new}"
                d.code, d.modality = new, "asserted"

    def _settle(self, d: Draft) -> None:
        m = d.match
        mood = clause_mood(m.trigger) if not m.pattern.noun else None
        verb = m.trigger if not m.pattern.noun else governing_verb(m.trigger)
        if mood is None and verb is not None:
            mood = clause_mood(verb)
        gov = d.governor
        if gov is not None:
            kind = gov.match.pattern.role
            if kind is None:
                kind = governor_kind(gov.match.trigger.lemma_.lower())
            if not d.source:
                d.source = gov.target if kind in ("demand", "appeal") and gov.target else gov.source
            if kind == "allege" and gov.match.pattern.noun and not gov.target:
                gov.target = d.source
            if kind == "deny" and d.match.pattern.role == "allege" and not gov.target:
                gov.target = d.source
            if kind == "intent":
                d.modality = "pledged"
                self._apply_intent(d, gov.match.trigger.lemma_)
                outer = _reported_as(gov.match.trigger)
                if outer is not None:
                    d.modality = outer
                    d.note += f"; {outer}"
                if not d.source:
                    d.source = gov.source
                gov.absorbed = True
            elif kind in ("threaten", "warn") and not d.match.pattern.external:
                new = speech_act_code("threaten", d.code)
                if kind == "warn" and is_cooperative(d.code):
                    new = None
                    gov.absorbed = True
                if new:
                    d.note = f"{d.code} under {gov.match.trigger.lemma_!r} -> threat {new}"
                    d.code = new
                    d.words = gov.words + d.words
                    gov.absorbed = True
                else:
                    d.modality = "possible"
            elif kind == "deny" and d.match.pattern.role == "allege":
                d.note = f"accusation denied by {gov.match.trigger.lemma_!r}"
            elif kind in KIND_MODALITY:
                d.modality = KIND_MODALITY[kind]
                d.note = f"{kind} by {gov.match.trigger.lemma_!r}"
                if kind == "allege" and gov.governor is not None:
                    outer_m = gov.governor.match
                    outer = outer_m.pattern.role or governor_kind(outer_m.trigger.lemma_.lower())
                    if outer == "deny":
                        d.modality = "denied"
            if (kind in SPEECH_KINDS and gov.match.pattern.governor and kind != "allege"
                    and not gov.match.pattern.external):
                if kind in ("demand", "appeal", "refuse"):
                    base = gov.match.pattern.code
                    new = speech_act_code(kind, d.code)
                    if new and base == speech_act_code(kind, None):
                        gov.code = new
                        gov.note = f"{kind} about {d.code} -> {new}"
                if not gov.target:
                    gov.target = (d.source if kind in ("demand", "appeal") and
                                  d.source != gov.source else d.target)
        if mood is None:
            return
        if d.modality == "asserted" and gov is None and _purpose(verb):
            d.modality = "possible"
            d.note = (d.note + "; " if d.note else "") + "purpose of another act"
            return
        if mood.negated and d.modality == "asserted" and not m.pattern.absorbs_negation:
            own_future = mood.future or any(
                c.lower_ in FUTURE_AUX for c in m.trigger.children if c.dep_ == "aux")
            if own_future and not m.pattern.external:
                new = speech_act_code("refuse", d.code)
                if new:
                    d.note = f"{d.code} negated in future -> rejection {new}"
                    d.code = new
                    return
            d.modality = "negated"
            return
        if d.modality == "asserted" and _conditional(m.trigger):
            if d.code.startswith("13") and _condition_follows(m.trigger):
                return  # a threat is a threat, conditions included ("... unless")
            if (not is_cooperative(d.code) and d.target and (mood.future or mood.possible)
                    and not m.pattern.external):
                new = speech_act_code("threaten", d.code)
                if new:
                    d.note = f"{d.code} promised on a condition -> threat {new}"
                    d.code = new
                    return
            d.modality = "possible"
            d.note = (d.note + "; " if d.note else "") + "conditional"
            return
        elif mood.possible and d.modality == "asserted":
            d.modality = "possible"
        elif mood.future and d.modality == "asserted" and gov is None:
            d.modality = "planned"
            d.future = True
            self._apply_intent(d, "will")

    # -- building the record ----------------------------------------------------------------

    def _asserted_by(self, m: Match, sent: Any) -> Actor:
        start = m.trigger.idx
        for q in self.quotes:
            if q.start <= start < q.end and q.speaker is not None:
                sp = q.speaker
                return Actor(sp.name, sp.entity, sp.actor_code, sp.start, sp.end)
        subj = _reporter(m.trigger)
        if subj is not None:
            actors = self.resolver.resolve(subj)
            if actors:
                return actors[0]
            return Actor(_np_text(subj), start=subj.idx, end=subj.idx + len(subj.text))
        for tok in sent:
            if tok.lower_ == "according" and tok.dep_ == "prep":
                for to in tok.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            actors = self.resolver.resolve(pobj)
                            if actors:
                                return actors[0]
        return Actor(self.outlet or "reporter")

    def _date(self, d: Draft, sent: Any) -> Any:
        m = d.match
        hosts = [m.trigger]
        verb = governing_verb(m.trigger) if m.pattern.noun else None
        if verb is not None:
            hosts.append(verb)
        if d.governor is not None:
            hosts.append(d.governor.match.trigger)
        for host in hosts:
            for child in host.children:
                if child.dep_ in ("npadvmod", "tmod", "obl", "compound", "nummod", "nmod") and \
                        child.ent_type_ == "DATE":
                    found = resolve_date(_ent_text(child), self.published, d.future)
                    if found.resolved or not self.published:
                        return found
                if child.dep_ == "prep" and child.lower_ in DATE_PREPS:
                    for pobj in child.children:
                        if pobj.ent_type_ == "DATE":
                            return resolve_date(_ent_text(pobj), self.published, d.future)
        # the date of the reporting clause: "..., state media said Sunday"
        root = sent.root
        if root.i != m.trigger.i and root.lemma_.lower() in REPORTING_VERBS:
            for child in root.children:
                if child.ent_type_ == "DATE" and child.dep_ in ("npadvmod", "tmod"):
                    return resolve_date(_ent_text(child), self.published, d.future)
        return None

    def _location(self, d: Draft) -> Location | None:
        used = {a.start for a in (*d.source, *d.target) if a.start is not None}
        used_idx = {t.i for t in d.match.trigger.sent if t.idx in used}
        visit = None
        if d.code in ("042", "043") and d.match.obj is None:
            visit = direct_object(d.match.trigger)
        if d.code == "042":
            visit = direct_object(d.match.trigger)
            if visit is not None:
                used_idx.discard(visit.i)
        place = find_place(d.match.trigger, used_idx, visit)
        if place is None:
            return None
        countries = [a.actor_code[:3] for a in (*d.source, *d.target) if a.actor_code]
        return locate(place, self.places, countries)

    def _event(self, d: Draft, sent: Any) -> Event | None:
        entry = lookup(d.code)
        if entry is None and not d.match.pattern.external:
            return None
        if d.match.pattern.needs_complement and d.complement is None and not d.complement_ok:
            return None
        if not d.source and not d.target:
            return None  # fail closed: no resolved actor
        reciprocal = len(d.source) > 1 and (d.match.pattern.compound or
                                            d.match.pattern.reverse is not None)
        if self.require_dyad and not (d.source and d.target) and not reciprocal:
            return None  # a compound source of a reciprocal act acts on its own members
        if d.match.pattern.governor and not d.match.pattern.noun and not d.source:
            return None  # "when asked whether ...": a speech act with no speaker
        m = d.match
        words = sorted({w.i: w for w in d.words}.values(), key=lambda w: w.i)
        if words[-1].i - words[0].i > MAX_TRIGGER_TOKENS:
            # words far apart: the trigger is the word that fired, not all in between
            words = [m.trigger]
        t_start = words[0].idx
        t_end = words[-1].idx + len(words[-1].text)
        confidence = 0.45
        confidence += 0.1 if m.pattern.specificity else 0.0
        confidence += 0.2 if d.source else 0.0
        confidence += 0.1 if d.target else 0.0
        confidence -= 0.05 if d.modality != "asserted" else 0.0
        confidence -= 0.05 if any(a.start is None for a in d.source) else 0.0
        explain = f"{m.pattern.describe()} <- {' '.join(w.text for w in words)}"
        if d.note:
            explain += f"; {d.note}"
        plover = entry.plover if entry else None
        return Event(
            id=(content_id(self.doc_id, str(t_start), d.code, "reverse") if d.reverse
                else content_id(self.doc_id, str(t_start), d.code)),
            source=d.source,
            target=d.target,
            cameo=d.code,
            cameo_root=entry.root if entry else d.code[:2],
            plover=Plover(plover.type, plover.mode, plover.context) if plover else None,
            goldstein=entry.goldstein if entry else None,
            quad_class=entry.quad_class if entry else None,
            modality=d.modality,
            asserted_by=self._asserted_by(m, sent),
            date=self._date(d, sent),
            location=self._location(d),
            confidence=round(min(confidence, 0.95), 2),
            trigger=Span(t_start, t_end, self.text[t_start:t_end]),
            sentence=Span(sent.start_char, sent.end_char),
            pattern=explain,
        )


PHRASE_STOPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "advcl", "relcl", "ccomp",
                          "parataxis", "mark", "punct", "cc", "conj", "aux", "auxpass", "neg",
                          "acl", "xcomp", "appos"})
"""Children whose subtrees lie outside a verb's own phrase (clauses, the subject)."""
PHRASE_HEADS = frozenset({"dobj", "obj", "pobj", "dative", "iobj", "attr", "oprd", "poss",
                          "nmod", "npadvmod"})


def _phrase_heads(trigger: Any, matches: dict[int, Match]) -> list[Any]:
    """Noun heads in the trigger's own phrase after it, in reading order, not inside a
    clause, another coded event's phrase or a date."""
    out: list[Any] = []
    stack = [c for c in trigger.children if c.i > trigger.i and c.dep_ not in PHRASE_STOPS]
    while stack:
        tok = stack.pop()
        if tok.i in matches or tok.ent_type_ in ("DATE", "TIME"):
            continue
        if tok.dep_ in PHRASE_HEADS and tok.pos_ in ("PROPN", "NOUN"):
            out.append(tok)
        stack += [c for c in tok.children if c.dep_ not in PHRASE_STOPS or c.dep_ == "conj"]
    return sorted(out, key=lambda t: t.i)


def _is_country(code: str) -> bool:
    """A code that starts with a country (``PRK``, ``PRKGOV``), not an IGO/NGO/agent."""
    head = code[:3]
    return len(code) >= 3 and head.isalpha() and head.isupper() and \
        head not in NON_COUNTRY_PREFIXES


def _reported_as(tok: Any) -> str | None:
    """``alleged``/``denied`` when ``tok`` sits in the content of a suspicion, accusation or
    denial ("suspicions the North was willing to supply arms")."""
    for _ in range(3):
        if tok.dep_ not in ("acl", "ccomp", "xcomp", "relcl", "acomp"):
            return None
        tok = tok.head
        kind = governor_kind(tok.lemma_.lower())
        if kind in ("allege", "deny"):
            return KIND_MODALITY[kind]
    return None


def _reporter(trigger: Any) -> Any | None:
    """The subject of the reporting verb whose clause holds ``trigger`` ("..., Koo said")."""
    tok = trigger
    while tok.head.i != tok.i:
        parent = tok.head
        if (parent.lemma_.lower() in REPORTING_VERBS and tok.dep_ in ("ccomp", "parataxis")
                and parent.i != trigger.i):
            return first(parent, "nsubj")
        tok = parent
    return None


def _condition_follows(tok: Any) -> bool:
    """The if/unless clause comes after the trigger: the condition of a threat ("threatened
    to ban voting if Hamas ran"), not a hypothetical frame ("If they meant that, ...")."""
    return any(t.dep_ == "mark" and t.lower_ in ("if", "unless") and t.i > tok.i
               for t in tok.sent)


def _purpose(verb: Any) -> bool:
    """An infinitive of purpose ("sent troops *to attack*", "to *support* its war effort")."""
    if verb is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "advcl":
        return True
    return verb.dep_ == "xcomp" and head.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "obj") for c in head.children)


def _conditional(tok: Any) -> bool:
    """Inside an if-clause, or a clause that has one ("If they meant X, they are ...")."""
    for _ in range(4):
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children) for c in tok.children):
            return True
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                       for m in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "pcomp"):
            return False
        tok = tok.head
    return False


def _ent_text(tok: Any) -> str:
    ent = entity_at(tok)
    return ent.text if ent is not None else tok.text


def _np_text(tok: Any) -> str:
    left = min((t.i for t in tok.subtree if t.i <= tok.i), default=tok.i)
    return tok.doc[left:tok.i + 1].text

"""Who is speaking: the grammatical source of a cue, and what name and entity it stands for.

``source_of(cue)`` finds the phrase that does the saying (subject, passive agent, the object
of "according to", the antecedent of "who said").  ``SpeakerResolver`` turns that phrase into
a ``Speaker``: pronouns go to the nearest compatible earlier person or organisation,
surnames to the full name given earlier, and any mention is linked to ``doc.entities`` by
span overlap when entities exist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..records import Entity, Speaker
from .spans import Token, overlaps, same_paragraph

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_NAME_DEPS = frozenset({"compound", "flat", "det", "amod", "poss", "case", "nmod", "nummod"})
_PERSON_TYPES = ("PERSON",)
_GROUP_TYPES = ("ORG", "GPE", "NORP")


@dataclass(frozen=True, slots=True)
class Source:
    """The phrase that does the saying: its head token and its character span."""

    head: Token
    start: int
    end: int
    antecedent: Token | None = None
    """For a relative pronoun ("who said"), the noun it stands for."""


def _phrase(head: Token) -> Source:
    """The noun phrase headed by ``head``: left modifiers and compounds, no clauses."""
    first = head
    for tok in head.lefts:
        if tok.dep_ in _NAME_DEPS or tok.dep_ in ("compound", "amod", "det", "poss", "nummod"):
            first = min(first, tok.left_edge, key=lambda t: t.i)
            break
    last = head
    for tok in head.rights:
        if tok.dep_ in ("compound", "flat") and tok.i == last.i + 1:
            last = tok
    return Source(head, first.idx, last.idx + len(last.text))


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS and same_paragraph(child, verb):
            return child  # type: ignore[no-any-return]
    for child in verb.children:  # passive agent: "it was reported by KCNA"
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand  # type: ignore[no-any-return]
    return None


def source_of(cue: Token) -> Source | None:
    """The source phrase of a cue verb (or of "according" in "according to X")."""
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return _phrase(obj)
        return None
    verb = cue
    for _ in range(4):
        subj = _subject(verb)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                src = _phrase(subj)
                return Source(subj, src.start, src.end, antecedent=verb.head)
            return _phrase(subj)
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return Source(verb.head, *(_phrase(verb.head).start, _phrase(verb.head).end),
                          antecedent=verb.head)
        if verb.dep_ in ("acl", "relcl") and verb.tag_ in ("VBD", "VBZ", "VBP") and (
            verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i
        ):
            return _phrase(verb.head)  # "a letter urging ...", a misparsed "A poll found that"
        if verb.dep_ == "pcomp" and verb.head.head is not verb.head:
            verb = verb.head.head  # "began by saying": the subject of "began"
            continue
        # Shared subjects: "... and said", "..., saying", "... to say"
        if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp") and verb.head is not verb:
            if verb.dep_ == "ccomp" and verb.i < verb.head.i:
                return None
            verb = verb.head
            continue
        return None
    return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name mention the resolver can point pronouns and surnames at."""

    start: int
    end: int
    name: str
    kind: str
    entity: Entity | None = None


def _entity_mentions(entities: Sequence[Entity]) -> list[Mention]:
    out = [
        Mention(span.start, span.end, ent.name, ent.type, ent)
        for ent in entities
        for span in ent.mentions
    ]
    return sorted(out, key=lambda m: m.start)


def _parse_mentions(parsed: object) -> list[Mention]:
    ents = getattr(parsed, "ents", ())
    return [Mention(e.start_char, e.end_char, e.text, e.label_) for e in ents]


ActorCoder = Callable[[str], str | None]


class SpeakerResolver:
    """Turn a ``Source`` into a ``Speaker`` for one document."""

    def __init__(
        self,
        text: str,
        parsed: object,
        entities: Sequence[Entity] = (),
        actor_code: ActorCoder | None = None,
    ) -> None:
        self.text = text
        self.entities = tuple(entities)
        self.mentions = _entity_mentions(entities) if entities else _parse_mentions(parsed)
        self.actor_code = actor_code
        self.recent: list[tuple[int, Speaker]] = []
        """Speakers already resolved, with the position they were resolved at."""

    def remember(self, position: int, speaker: Speaker) -> None:
        self.recent.append((position, speaker))

    def resolve(self, source: Source) -> Speaker:
        head = source.head
        phrase = self.text[source.start:source.end]
        lower = head.lower_
        target: Mention | None = None
        if source.antecedent is not None:
            ante = _phrase(source.antecedent)
            target = self._mention_at((ante.start, ante.end)) or Mention(
                ante.start, ante.end, self.text[ante.start:ante.end], "")
        elif lower in PERSON_PRONOUNS:
            target = self._previous(source.start, _PERSON_TYPES, prefer_speakers=True)
        elif lower in GROUP_PRONOUNS:
            target = self._previous(source.start, _GROUP_TYPES, window=400)
        elif lower in FIRST_PERSON:
            target = None
        else:
            target = self._mention_at((head.idx, head.idx + len(head.text)))
            if target is None:
                target = self._by_surname(head, source.start)
            proper = _proper_name(head)
            if target is not None and target.entity is None and len(proper) > len(target.name):
                target = Mention(target.start, target.end, proper, target.kind)
        name = target.name if target else _clean_name(phrase)
        if target is None or target.entity is None:
            name = self._known_speaker(name)
        entity = target.entity if target else None
        code = entity.actor_code if entity else None
        if code is None and self.actor_code is not None and lower not in FIRST_PERSON:
            code = self.actor_code(name)
        return Speaker(name=name, entity=entity.id if entity else None, actor_code=code,
                       start=source.start, end=source.end)

    def _in_sentence_before(self, before: int, kinds: tuple[str, ...]) -> Mention | None:
        """The nearest mention of ``kinds`` earlier in the pronoun's own sentence."""
        sent_start = max(self.text.rfind(". ", 0, before), self.text.rfind("\n", 0, before))
        for m in reversed(self.mentions):
            if sent_start < m.start and m.end <= before and m.kind in kinds:
                return self._full_name(m) if m.entity is None else m
        return None

    def _entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def _kind_of(self, speaker: Speaker) -> str | None:
        """The entity type of a resolved speaker (from its entity or a parse mention)."""
        ent = self._entity(speaker.entity)
        if ent is not None:
            return ent.type
        for m in self.mentions:
            if m.name == speaker.name or (speaker.name and speaker.name.endswith(m.name)):
                return m.kind
        return None

    def _known_speaker(self, name: str) -> str:
        """A one-word name ("Cheong") becomes the fuller name of an earlier speaker."""
        if " " in name or not name[:1].isupper():
            return name
        for _, spk in reversed(self.recent):
            if name in spk.name.split() and len(spk.name) > len(name):
                return spk.name
        return name

    def _mention_at(self, span: tuple[int, int]) -> Mention | None:
        """The mention holding the phrase's head (``span`` is the head token's span)."""
        best: Mention | None = None
        for m in self.mentions:
            if overlaps((m.start, m.end), span) and (
                best is None or (m.end - m.start) > (best.end - best.start)
            ):
                best = m
        if best is not None and best.entity is None:
            return self._full_name(best)
        return best

    def _full_name(self, mention: Mention) -> Mention:
        """A surname-only parse mention grows into the longest earlier name ending with it."""
        last = mention.name.split()[-1] if mention.name.split() else mention.name
        for m in self.mentions:
            if m.start >= mention.start:
                break
            parts = m.name.split()
            if m.kind == mention.kind and len(parts) > len(mention.name.split()) and (
                parts[-1] == last or last in parts
            ):
                return Mention(mention.start, mention.end, m.name, m.kind, m.entity)
        return mention

    def _by_surname(self, head: Token, before: int) -> Mention | None:
        if head.pos_ != "PROPN":
            return None
        for m in reversed(self.mentions):
            if m.start < before and head.text in m.name.split() and m.kind in _PERSON_TYPES:
                return m
        return None

    def _previous(
        self, before: int, kinds: tuple[str, ...], prefer_speakers: bool = False,
        window: int = 3000,
    ) -> Mention | None:
        if prefer_speakers:
            same_sentence = self._in_sentence_before(before, kinds)
            if same_sentence is not None:
                return same_sentence
            recent = [(p, s) for p, s in self.recent if p < before]
            para_start = self.text.rfind("\n\n", 0, before)
            prev_para = self.text.rfind("\n\n", 0, max(para_start, 0))
            if recent and recent[-1][0] >= prev_para:
                spk = recent[-1][1]
                kind = self._kind_of(spk)
                if kind in kinds:
                    return Mention(spk.start or 0, spk.end or 0, spk.name, kind,
                                   self._entity(spk.entity))
        for m in reversed(self.mentions):
            if m.end <= before and m.kind in kinds and before - m.end <= window:
                return self._full_name(m) if m.entity is None else m
        return None


def _proper_name(head: Token) -> str:
    """The run of proper nouns ending at ``head`` ("Cheong Seong Chang")."""
    if head.pos_ != "PROPN":
        return ""
    first = head
    doc = head.doc
    while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].head.i in (
        head.i, first.i
    ):
        first = doc[first.i - 1]
    if head.ent_type_ == "PERSON":  # "Mayor Anna Lind": the title is not the name
        while first.i < head.i and first.ent_type_ != "PERSON":
            first = doc[first.i + 1]
    return str(doc[first.i:head.i + 1].text)


def _clean_name(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) or phrase

"""Stage ``actors.entities``: people, organisations and places with actor codes and roles.

Mentions come from the shared spaCy parse, cleaned with the knowledge base
(``mentions``), grouped into entities (``linking``), given roles and affiliations from titles
and appositives (``roles``) and coded with the knowledge base for the article's date.
Capitals used as actors ("Pyongyang has denied…", "talks with Washington and Seoul") are
coded as their government; a capital used only as a place gets no actor code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..nlp.spans import doc_text
from ..records import Document, Entity, Span
from .dateline import read_dateline
from .kb import Agent, Entry, KnowledgeBase
from .linking import Cluster, link
from .mentions import Mention, collect
from .roles import RoleFinding, find_roles

#: prepositions after which a capital is a place, not an actor
_PLACE_PREPS = frozenset({"in", "at", "to", "from", "near", "into", "outside", "across",
                          "around", "of", "inside", "toward", "towards", "via", "through"})
_DIRECTIONS = ("North", "South", "East", "West")
#: sectors of public office: a person with one of these and no named country is taken to
#: belong to the story's home country (its dateline's, else the one it is clearly about)
OFFICIAL = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "SPY", "ELI"})
#: sectors of bodies (companies, media) too often foreign to the dateline to assume its country
FOREIGN_PRONE = frozenset({"BUS", "MED"})
#: company-name endings that make an organisation a business
CORPORATE = frozenset({"inc", "inc.", "ltd", "ltd.", "corp", "corp.", "llc", "plc", "asa", "as",
                       "ab", "ag", "sa", "s.a.", "gmbh", "co.", "nv", "n.v.", "spa", "oyj",
                       "holdings", "group", "bank"})
#: legal-form endings used by companies of only a few countries (ISO 3166 alpha-3)
LEGAL_FORM_COUNTRIES = {
    "asa": ("NOR",), "oyj": ("FIN",), "ab": ("SWE", "FIN"), "as": ("NOR", "DNK", "EST"),
    "gmbh": ("DEU", "AUT", "CHE"), "ag": ("DEU", "CHE", "AUT"), "spa": ("ITA",),
    "s.p.a.": ("ITA",), "plc": ("GBR", "IRL"), "nv": ("NLD", "BEL"), "n.v.": ("NLD", "BEL"),
    "kk": ("JPN",), "k.k.": ("JPN",), "bhd": ("MYS",), "tbk": ("IDN",), "pjsc": ("RUS", "ARE"),
}


@dataclass
class _Draft:
    cluster: Cluster
    id: str
    name: str = ""
    type: str = ""
    code: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    findings: list[RoleFinding] = field(default_factory=list)


_BASED = re.compile(r"([A-Z][\w.' ]*?)-based\b")


@dataclass(frozen=True, slots=True)
class _Context:
    country: str | None
    sector: str | None


def _capital_as_actor(doc: Any, m: Mention) -> bool:
    """Whether a capital's mention stands for its government (subject, "with Washington")."""
    tok = doc[m.tok_end - 1]
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "dobj"):
        return tok.dep_ != "dobj" or tok.head.lemma_ not in ("visit", "leave", "reach")
    if tok.dep_ == "pobj":
        return tok.head.lower_ not in _PLACE_PREPS
    return False


def _resolve_directions(doc: Any, mentions: list[Mention], kb: KnowledgeBase) -> None:
    """"the North" / "the South" → the one country of the story named "North …"/"South …"."""
    present = {m.country for m in mentions if m.country}
    for word in _DIRECTIONS:
        named = [c for c in present if (kb.country_name(c) or "").startswith(word + " ")]
        if len(named) != 1:
            continue
        for m in mentions:
            if m.text == word and not m.country:
                m.country, m.label = named[0], "GPE"
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        for tok in doc:
            if (tok.text == word and tok.i not in covered and tok.i > 0
                    and doc[tok.i - 1].lower_ == "the"
                    and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN")):
                mentions.append(Mention(tok.idx, tok.idx + len(word), word, "GPE", tok.i,
                                        tok.i + 1, None, named[0]))
    mentions.sort(key=lambda m: m.start)


def _dominant_country(clusters: list[Cluster]) -> str | None:
    """The country a story is about when it has no dateline: named at least twice and half
    again as often as any other."""
    counts = sorted(((len(c.mentions), c.key.split(":", 1)[1]) for c in clusters
                     if c.key.startswith("country:")), reverse=True)
    if not counts or counts[0][0] < 2:
        return None
    if len(counts) > 1 and counts[0][0] < 1.5 * counts[1][0]:
        return None
    return counts[0][1]


def _place_like(doc: Any, c: Cluster) -> bool:
    """A "person" every mention of which reads as a place ("in Khan Younis", "the Rafah …")."""
    for m in c.mentions:
        before = doc[m.tok_start - 1].lower_ if m.tok_start > 0 else ""
        if before not in ("in", "near", "at", "into", "from", "the", "outside"):
            return False
    return True


def _prefix_country(mentions: list[Mention], m: Mention, text: str) -> Mention | None:
    """The country named right before an organisation ("South Korea's", "Chinese")."""
    for prev in reversed(mentions):
        if prev.end > m.start:
            continue
        gap = text[prev.end:m.start]
        if prev.country and gap.strip() in ("", "'s", "’s", "'", "’"):
            return prev
        break
    return None


def _longest(names: list[str]) -> str:
    return max(names, key=lambda n: (len(n.split()), len(n)))


class EntityStage:
    """Fills ``doc.entities`` from the shared parse and the actor knowledge base."""

    name = "actors.entities"
    version = "2"
    needs_parse = True

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Document, ctx: Any) -> Document:
        if not doc.article.text.strip():
            return doc.with_stage(self.name, self.version, entities=())
        entities = self.entities(ctx.parse(), doc.article.published, doc.article.dateline)
        return doc.with_stage(self.name, self.version, entities=entities)

    def entities(self, parsed: Any, date: str | None = None,
                 dateline: str | None = None) -> tuple[Entity, ...]:
        """Entities of one parsed text (``parsed`` is a spaCy ``Doc``) published on ``date``."""
        return _Story(self.kb, parsed, date, dateline).entities()


class _Story:
    """One document's entities as they are worked out (no state outlives the document)."""

    def __init__(self, kb: KnowledgeBase, parsed: Any, date: str | None,
                 dateline: str | None) -> None:
        self.kb, self.parsed, self.date = kb, parsed, date
        self.line = read_dateline(doc_text(parsed), kb, dateline)
        self._home = self.line.country if self.line else None
        self._dateline_end = self.line.end if self.line else 0

    def entities(self) -> tuple[Entity, ...]:
        kb, parsed, date = self.kb, self.parsed, self.date
        text = doc_text(parsed)
        mentions = collect(parsed, kb, date, self.line.credit if self.line else None)
        _resolve_directions(parsed, mentions, kb)
        clusters = link(parsed, mentions, kb, date)
        self._home = (self._home or _dominant_country(clusters)
                      or self._home_of_officials(parsed, clusters, mentions, date))
        drafts = [_Draft(c, f"e{i + 1}") for i, c in enumerate(clusters)]
        owner: dict[int, _Draft] = {id(m): d for d in drafts for m in d.cluster.mentions}
        # organisations and places first: people take their codes from their affiliations
        for d in sorted(drafts, key=lambda d: d.cluster.label == "PERSON"):
            self._describe(d, parsed, text, mentions, date, owner)
        return tuple(
            Entity(d.id, d.name, d.type, d.code, tuple(dict.fromkeys(d.roles)), d.affiliation,
                   tuple(Span(m.start, m.end, text[m.start:m.end]) for m in d.cluster.mentions),
                   d.country)
            for d in drafts
        )

    # ------------------------------------------------------------------ per entity
    def _home_of_officials(self, parsed: Any, clusters: list[Cluster], mentions: list[Mention],
                           date: str | None) -> str | None:
        """The country whose officials the story names by bare titles ("Prime Minister X",
        "the Defence Secretary, Y"): known people of one country given a public-office title
        with no country or organisation in it."""
        votes: dict[str, int] = {}
        for c in clusters:
            entry = next((m.entry for m in c.mentions if m.entry is not None), None)
            if c.label != "PERSON" or entry is None or entry.kind != "person":
                continue
            country = (self.kb.lookup(entry.name, date) or entry).country
            if country and any(f.sector in OFFICIAL and f.country is None and f.affiliation is None
                               for m in c.mentions
                               for f in find_roles(parsed, m, self.kb, mentions)):
                votes[country] = votes.get(country, 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def _describe(self, d: _Draft, parsed: Any, text: str, mentions: list[Mention],
                  date: str | None, owner: dict[int, _Draft]) -> None:
        c = d.cluster
        entry = next((m.entry for m in c.mentions if m.entry is not None), None)
        names = [m.text for m in c.mentions]
        if c.key.startswith("country:"):
            iso = c.key.split(":", 1)[1]
            d.name, d.type = self.kb.country_name(iso) or _longest(names), "GPE"
            d.code = d.country = iso
        elif c.key.startswith("capital:") and entry is not None:
            d.name, d.type, d.country = entry.name, "GPE", entry.country
            if any(_capital_as_actor(parsed, m) for m in c.mentions
                   if m.start >= self._dateline_end):
                d.code = entry.full_code
        elif c.label == "PERSON" and entry is None and _place_like(parsed, c):
            d.name, d.type = _longest(names), "GPE"  # "in Khan Younis", "the Rafah crossing"
        elif c.label == "PERSON":
            self._describe_person(d, parsed, entry, names, mentions, date, owner)
        elif entry is not None:
            d.name, d.type = entry.name, "ORG" if entry.kind in ("org", "igo") else c.label
            d.code, d.country = entry.full_code or None, entry.country
            self._org_affiliation(d, mentions, text, owner)
        else:
            d.name, d.type = _longest(names), c.label
            if c.label == "ORG":
                self._describe_org(d, mentions, text, date, owner)

    def _describe_person(self, d: _Draft, parsed: Any, entry: Entry | None, names: list[str],
                         mentions: list[Mention], date: str | None,
                         owner: dict[int, _Draft]) -> None:
        d.type = "PERSON"
        d.name = _longest([*names, entry.name] if entry is not None else names)
        for m in d.cluster.mentions:
            d.findings.extend(find_roles(parsed, m, self.kb, mentions))
        d.roles = [f.role for f in d.findings]
        affiliated = next((f for f in d.findings if f.affiliation is not None), None)
        aff = owner.get(id(affiliated.affiliation)) if affiliated and affiliated.affiliation \
            else None
        if aff is not None and aff is not d:
            d.affiliation = aff.id
        if entry is not None and entry.kind == "person":
            dated = self.kb.lookup(entry.name, date) or entry
            d.code, d.country = dated.full_code or None, dated.country
            if not d.roles and dated.role:
                d.roles = [dated.role]
        else:
            self._code_person(d, aff)
        if d.affiliation is None and d.code and not d.country:
            body = next((x for x in owner.values() if x.type == "ORG" and x.code == d.code),
                        None)  # the head of an international organisation
            if body is not None:
                d.affiliation = body.id
        if d.affiliation is None and d.country:
            home = next((x for x in owner.values() if x.type == "GPE" and x.code == d.country
                         and x.cluster.key.startswith("country:")), None)
            if home is not None:
                d.affiliation = home.id

    def _code_person(self, d: _Draft, aff: _Draft | None) -> None:
        """A person the knowledge base does not know: coded from role and affiliation."""
        sector = next((f.sector for f in d.findings if f.sector), None)
        if aff is not None and aff.type != "GPE":
            d.code, d.country = aff.code, aff.country  # speaks for the organisation
            if d.code is None and sector and sector not in ("GOV", "LEG"):
                d.code = sector  # "chief executive of …" is business whatever the firm
            return
        country = aff.country if aff is not None else None
        if country is None:
            place = next((f.country for f in d.findings if f.country is not None), None)
            country = place.country if place is not None else None
        if country is None and sector in OFFICIAL:
            country = self._home
        d.country = country
        d.code = f"{country or ''}{sector or ''}" or None

    def _org_affiliation(self, d: _Draft, mentions: list[Mention], text: str,
                         owner: dict[int, _Draft]) -> Mention | None:
        for m in d.cluster.mentions:
            prev = _prefix_country(mentions, m, text)
            if prev is not None:
                aff = owner.get(id(prev))
                if aff is not None and aff is not d:
                    d.affiliation = aff.id
                    d.country = d.country or prev.country
                return prev
        return None

    def _describe_org(self, d: _Draft, mentions: list[Mention], text: str, date: str | None,
                      owner: dict[int, _Draft]) -> None:
        """An organisation the knowledge base does not know: sector from its name's words,
        country from a possessive or demonym before it or a country named in it."""
        self._org_affiliation(d, mentions, text, owner)
        parent = self._parent_org(d.name, date)
        if parent is not None:
            d.code, d.country = parent.full_code or None, d.country or parent.country
            return
        words = d.name.split()
        sector = None
        for i, j, what in self.kb.read(words, date):
            if isinstance(what, Agent) and what.sector:
                sector = what.sector
            elif isinstance(what, Entry) and what.kind in ("country", "capital") and not (
                    d.country or (self.kb.is_demonym(" ".join(words[i:j])) and i > 0)):
                d.country = what.country
            elif isinstance(what, Entry) and what.kind in ("org", "igo") and "of" in (
                    w.lower() for w in words[max(0, i - 2):i]):
                d.country = d.country or what.country  # "… Command of the PLA"
        for m in d.cluster.mentions:
            context = self._context_before(m, text)
            if context.sector:
                sector = sector or context.sector
            d.country = d.country or context.country
        endings = {m.text.split()[-1].lower() for m in d.cluster.mentions}
        endings |= {w.lower() for m in d.cluster.mentions  # "Helvion Energy" ASA: outside
                    for w in text[m.end:m.end + 10].split()[:1] if w[:1].isupper()}
        if endings & CORPORATE:
            sector = "BUS"
            for form in endings & LEGAL_FORM_COUNTRIES.keys():  # "Helvion Energy ASA"
                options = LEGAL_FORM_COUNTRIES[form]
                d.country = d.country or (self._home if self._home in options else
                                          options[0] if len(options) == 1 else None)
        sector = sector or self.kb.org_sector(d.name)
        if d.country is None and sector and sector not in FOREIGN_PRONE:
            d.country = self._home
        d.code = f"{d.country or ''}{sector or ''}" or None

    def _parent_org(self, name: str, date: str | None) -> Entry | None:
        """A known organisation that opens ``name``: "Greenpeace International",
        "Communist Party of China Central Committee" (at least three words, or a national or
        "International" branch)."""
        words = name.split()
        for n in range(len(words) - 1, 0, -1):
            entry = self.kb.lookup(" ".join(words[:n]), date)
            if entry is None or entry.kind not in ("org", "igo"):
                continue
            rest = words[n:]
            if n >= 3 or all(w.lower() in ("international", "global") or self.kb.country(w)
                             for w in rest):
                return entry
        return None

    def _context_before(self, m: Mention, text: str) -> _Context:
        """Words right before an organisation: "the Nairobi-based thinktank …"."""
        window = text[max(0, m.start - 60):m.start]
        window = window.rsplit(".", 1)[-1]
        country = sector = None
        based = _BASED.search(window)
        if based:
            country = self.kb.country(based.group(1))
        tail = window.split()[-2:]
        for w in tail:
            agent = self.kb.agent(w.strip(",;:"))
            if agent is not None and agent.sector and not agent.role and w.islower():
                sector = agent.sector
        return _Context(country, sector)

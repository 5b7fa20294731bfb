"""Roles and affiliations of people from titles and appositives.

    "Russian Defense Minister Sergei Shoigu"                → defense minister, of Russia
    "North Korean leader Kim Jong Un"                       → leader, of North Korea
    "Koo Byoungsam, spokesperson of South Korea's Unification Ministry, …"
                                                            → spokesperson, of the ministry
    "Cheong Seong Chang, an analyst at South Korea's Sejong Institute, said"
                                                            → analyst, of the institute
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .kb import ELITES, Agent, KnowledgeBase
from .mentions import Mention

#: tokens that may sit inside a title before a name ("chief of the General Staff")
_TITLE_INNER = frozenset({"of", "the", "'s", "’s", "-", "for", "and", "to", "at"})
#: honorifics between a title and a name ("Commander Gen. Paul LaCamera")
_HONORIFIC_GAP = frozenset({"gen.", "gen", "dr", "dr.", "sir", "adm.", "lt.", "col.", "rep.",
                            "sen.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "prof.", "prince"})
#: a country after these words is a topic or destination, not an affiliation ("envoy to Sudan")
_NOT_AFFILIATION = frozenset({"to", "on", "about", "toward", "towards", "against", "in"})
#: possessives that point back to the organisation last named ("its chairperson")
_BACK_POINTERS = frozenset({"its", "their"})
_APPOS_STOP = frozenset({",", ".", ";", ":", ")", "(", "—", "–", "\"", "“", "”"})
_RELATIVE = frozenset({"who", "which", "that", "whose", "whom", "where", "when"})
MAX_TITLE = 8
MAX_APPOSITIVE = 20


_PREPOSITIONS = frozenset({"of", "at", "for", "in", "with", "from", "to", "on", "by", "under"})


@dataclass(frozen=True, slots=True)
class RoleFinding:
    """A role read for a person mention.

    ``affiliation`` is the organisation (else country) mention inside the phrase, ``country``
    the last country named in it, ``sector`` the CAMEO sector the phrase gives.
    """

    role: str
    agent: Agent
    affiliation: Mention | None
    phrase: str
    sector: str | None = None
    country: Mention | None = None


def _title_zone(doc: Any, end: int) -> tuple[int, int]:
    """Token span of the title words that end right before token ``end``."""
    while end > 0 and doc[end - 1].lower_ in _HONORIFIC_GAP:
        end -= 1
    i = end - 1
    s = end
    while i >= 0 and end - i <= MAX_TITLE:
        tok = doc[i]
        if tok.is_sent_end and i != end - 1:
            break
        if tok.lower_ in _TITLE_INNER or tok.pos_ in ("PROPN", "NOUN", "ADJ") or (
                tok.is_title and tok.is_alpha):
            s = i
            i -= 1
            continue
        break
    while s < end and doc[s].lower_ in _TITLE_INNER:
        s += 1
    return s, end


def _starts_title(doc: Any, i: int, kb: KnowledgeBase) -> bool:
    """"managing director": a verb-looking word that opens a title."""
    return i + 1 < len(doc) and kb.agent(f"{doc[i].text} {doc[i + 1].text}") is not None


def _appositive_zone(doc: Any, m: Mention, kb: KnowledgeBase) -> tuple[int, int]:
    """Token span of ", an analyst at …," right after a person mention (empty if none)."""
    i = m.tok_end
    if i >= len(doc) or doc[i].text != ",":
        return i, i
    if i + 2 < len(doc) and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 2  # "Jane Doe, 45, a teacher"
    s = i + 1
    e = s
    while e < len(doc) and e - s < MAX_APPOSITIVE:
        tok = doc[e]
        if tok.text in _APPOS_STOP or tok.lower_ in _RELATIVE or (
                tok.pos_ in ("VERB", "AUX") and doc[e - 1].text != "-"  # "Nairobi-based"
                and not _starts_title(doc, e, kb)):
            break
        e += 1
    return s, e


def _fronted_zone(doc: Any, m: Mention) -> tuple[int, int]:
    """"The Prime Minister, Sir Keir Starmer, who …": the title before a comma."""
    comma = m.tok_start - 1
    while comma > 0 and doc[comma].lower_ in _HONORIFIC_GAP:
        comma -= 1  # "…, Prince Abdulaziz bin Salman,"
    if comma < 1 or doc[comma].text != "," or m.tok_end >= len(doc) or doc[m.tok_end].text != ",":
        return comma, comma
    s, e = _title_zone(doc, comma)
    if s >= e or (s > 0 and doc[s - 1].pos_ == "ADP"):
        return e, e
    return s, e


def _read_zone(doc: Any, s: int, e: int, kb: KnowledgeBase, mentions: list[Mention],
               *, head_first: bool) -> RoleFinding | None:
    if s >= e:
        return None
    idx = [i for i in range(s, e) if not doc[i].is_punct and doc[i].text not in ("'s", "’s")]
    words = [doc[i].text for i in idx]
    items = kb.read(words)
    agents = [(i, j, a) for i, j, a in items if isinstance(a, Agent)]
    chosen: tuple[int, int, Agent] | None = None
    if head_first:
        for i, j, a in agents:
            if any(w.lower() in _PREPOSITIONS for w in words[:i]) or i > 6:
                break
            if a.role:
                chosen = (i, j, a)
                # a run of agents ("foreign ministry spokesperson"): the last names the role
                nxt = next((x for x in agents if x[0] == j and x[2].role), None)
                if nxt is not None:
                    chosen = nxt
                break
    else:
        last = next((x for x in reversed(agents) if x[1] == len(words) and x[2].role), None)
        chosen = last
    if chosen is None:
        return None
    pos, _end, agent = chosen
    role = agent.role or agent.phrase
    before = [a for i, _j, a in agents if i <= pos and a.sector]
    sector = agent.sector or (before[-1].sector if before else None)
    if pos > 0 and words[pos - 1].lower() in ("former", "ex"):
        role, sector = f"former {role}", ELITES
    start_char, end_char = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    inside = [x for x in mentions if x.start >= start_char and x.end <= end_char
              and x.label != "PERSON" and not _after_topic_word(doc, x, s)]
    orgs = [x for x in inside if x.label == "ORG"]
    places = [x for x in inside if x.country is not None]
    affiliation = orgs[-1] if orgs else (
        _pointed_org(doc, s, e, words, mentions) or (places[-1] if places else None))
    return RoleFinding(role, agent, affiliation, doc[s:e].text, sector,
                       places[-1] if places else None)


def _after_topic_word(doc: Any, m: Mention, zone_start: int) -> bool:
    """"envoy to Sudan", "expert on Yemen": the name is what the role is about."""
    i = m.tok_start - 1
    while i > zone_start and doc[i].lower_ in ("the", "a", "an"):
        i -= 1
    return i >= zone_start and doc[i].lower_ in _NOT_AFFILIATION


def _pointed_org(doc: Any, s: int, e: int, words: list[str],
                 mentions: list[Mention]) -> Mention | None:
    """"its chairperson", "the ministry's spokesperson", "the union's president": the
    organisation named last before the phrase that the pointer word fits."""
    before = s - 1
    lead = doc[before].lower_ if before >= 0 else ""
    nouns = {w.lower() for w in words[:3]}
    earlier = [m for m in mentions if m.end <= doc[s].idx and m.label == "ORG"]
    if not earlier:
        return None
    if lead in _BACK_POINTERS or nouns & _BACK_POINTERS:
        return earlier[-1]
    for m in reversed(earlier[-6:]):
        if m.text.split()[-1].lower() in nouns:
            return m
    return None


def find_roles(doc: Any, m: Mention, kb: KnowledgeBase,
               mentions: list[Mention]) -> list[RoleFinding]:
    """Roles named for person mention ``m`` by a title before it or an appositive after it."""
    zones = (
        (_title_zone(doc, m.tok_start), False),
        (_fronted_zone(doc, m), True),
        (_appositive_zone(doc, m, kb), True),
    )
    found = []
    for (s, e), head_first in zones:
        finding = _read_zone(doc, s, e, kb, mentions, head_first=head_first)
        if finding is not None:
            found.append(finding)
    return found

"""Name mentions from a spaCy parse, cleaned with the knowledge base.

spaCy's small English model makes systematic mistakes that rules fix here: articles and
possessives inside spans ("the United States", "North Korea'"), titles tagged as organisations
("Defense" in "Defense Minister"), surnames tagged as places ("Cheong said"), joined
country pairs ("U.S.-South Korea"), half-found names ("Seong Chang" for "Cheong Seong Chang")
and names it misses that the knowledge base knows ("Pyongyang", "KCNA").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .kb import Entry, KnowledgeBase

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’", "s"})
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_JOINED = re.compile(r"[-–—/]")
_KIND_LABEL = {"country": "GPE", "capital": "GPE", "igo": "ORG", "org": "ORG",
               "person": "PERSON"}


@dataclass
class Mention:
    """One mention: character and token span, label, and what the knowledge base says."""

    start: int
    end: int
    text: str
    label: str
    tok_start: int
    tok_end: int
    entry: Entry | None = None
    country: str | None = None

    @property
    def words(self) -> list[str]:
        return self.text.split()


def _trim(doc: Any, s: int, e: int) -> tuple[int, int]:
    while s < e and doc[s].lower_ in _ARTICLES:
        s += 1
    while e > s and (doc[e - 1].text in _POSSESSIVE_TOKENS or doc[e - 1].is_punct):
        e -= 1
    return s, e


def _make(doc: Any, s: int, e: int, label: str, kb: KnowledgeBase,
          date: str | None) -> Mention | None:
    s, e = _trim(doc, s, e)
    if s >= e:
        return None
    span = doc[s:e]
    text = span.text
    start, end = span.start_char, span.end_char
    while text and text[-1] in "'’":
        text, end = text[:-1], end - 1
    if not any(c.isalpha() for c in text):
        return None
    m = Mention(start, end, text, label, s, e)
    _resolve(m, kb, date)
    return m


def _resolve(m: Mention, kb: KnowledgeBase, date: str | None) -> None:
    """Attach the knowledge-base entry and country; correct the label from it."""
    m.country = kb.country(m.text)
    entry = kb.lookup(m.text, date)
    if entry is not None and entry.kind in _KIND_LABEL:
        m.entry = entry
        m.country = m.country or entry.country
        if m.label != "NORP" or entry.kind not in ("country",):
            m.label = _KIND_LABEL[entry.kind]
    elif m.country and m.label not in ("NORP",):
        m.label = "GPE"


def _split_joined(doc: Any, m: Mention, kb: KnowledgeBase, date: str | None) -> list[Mention]:
    """"U.S.-South Korea" → two country mentions (when every part is a country)."""
    if m.country or not _JOINED.search(m.text):
        return [m]
    parts: list[Mention] = []
    pos = 0
    for piece in _JOINED.split(m.text):
        offset = m.text.find(piece, pos)
        pos = offset + len(piece)
        piece_s = piece.strip()
        if not piece_s:
            continue
        iso = kb.country(piece_s)
        if iso is None:
            continue
        start = m.start + offset + (len(piece) - len(piece.lstrip()))
        label = "NORP" if m.label == "NORP" and kb.entries(piece_s) and piece_s not in (
            kb.country_name(iso) or "") else "GPE"
        part = Mention(start, start + len(piece_s), piece_s, label, m.tok_start, m.tok_end)
        _resolve(part, kb, date)
        part.label = label if part.label != "PERSON" else label
        parts.append(part)
    return parts or [m]


def _is_title_word(doc: Any, i: int, kb: KnowledgeBase) -> bool:
    return kb.agent(doc[i].text) is not None


def _extend_person(doc: Any, s: int, e: int, taken: set[int], kb: KnowledgeBase) -> int:
    """Pull an adjacent capitalised word into a PERSON span ("Seong Chang" → "Cheong …")."""
    i = s - 1
    if i < 0 or i in taken:
        return s
    tok = doc[i]
    if (tok.tag_ == "NNP" and tok.is_title and not _is_title_word(doc, i, kb)
            and kb.country(tok.text) is None and not kb.entries(tok.text)
            and (tok.is_sent_start or i == 0 or doc[i - 1].is_punct
                 or doc[i - 1].tag_ not in ("NNP", "NNPS"))):
        return i
    return s


def collect(doc: Any, kb: KnowledgeBase, date: str | None = None) -> list[Mention]:
    """Cleaned mentions of people, organisations and places in ``doc``, in text order."""
    out: list[Mention] = []
    taken: set[int] = set()
    ents = [e for e in doc.ents if e.label_ in LABELS]
    for ent in ents:
        taken.update(range(ent.start, ent.end))
    for ent in ents:
        s, e, label = ent.start, ent.end, ent.label_
        if label == "PERSON":
            while e - s > 1 and _is_title_word(doc, s, kb):
                s += 1  # "President Biden" → "Biden"
            s = _extend_person(doc, s, e, taken, kb)
        if e - s == 1 and label in ("ORG", "NORP", "GPE") and e < len(doc):
            pair = f"{doc[s].text} {doc[e].text}"
            if kb.agent(pair) is not None and not kb.entries(doc[s].text):
                continue  # "Defense" of "Defense Minister"
        m = _make(doc, s, e, label, kb, date)
        if m is None:
            continue
        if _PLURAL_ACRONYM.match(m.text) and m.entry is None:
            continue  # "ICBMs"
        if m.label in ("ORG", "PERSON") and m.entry is None and kb.agent(m.text) is not None:
            continue  # a bare title or generic word tagged as a name
        out.extend(_split_joined(doc, m, kb, date))
    out.extend(_gazetteer(doc, kb, date, taken))
    out.sort(key=lambda m: m.start)
    return out


def _gazetteer(doc: Any, kb: KnowledgeBase, date: str | None, taken: set[int]) -> list[Mention]:
    """Knowledge-base names spaCy did not tag (capitalised words only)."""
    found: list[Mention] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if i in taken or not (tok.is_title or tok.is_upper) or not tok.is_alpha and "." not in \
                tok.text:
            i += 1
            continue
        hit = 0
        for j in range(min(n, i + 6), i, -1):
            if any(k in taken for k in range(i, j)) or doc[j - 1].is_punct:
                continue
            words = [t.text for t in doc[i:j]]
            entries = kb.entries(" ".join(words))
            if entries and any(e.kind in _KIND_LABEL for e in entries):
                if j - i == 1 and tok.is_sent_start and not tok.is_upper and tok.lower_ in (
                        "who", "us", "it", "may", "will"):
                    continue
                m = _make(doc, i, j, "ORG", kb, date)
                if m is not None and m.entry is not None:
                    found.append(m)
                    hit = j
                break
        i = hit if hit > i else i + 1
    return found

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

from .kb import Agent, Entry, KnowledgeBase
from .text import tokens

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’", "s"})
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_JOINED = re.compile(r"[-–—/]")
#: courtesy and rank titles dropped from the front of a person's name ("Dr", "Rep.")
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "prince",
    "princess", "sheikh", "sheik", "mr.", "mrs.", "ms.", "dr.", "prof.", "rep.", "sen.",
    "gen.", "lt.", "col.", "maj.", "capt.", "adm.", "gov.", "rev.", "hon.", "sgt.", "cmdr.",
})
#: words spaCy sometimes pulls into the front of a name ("Said Ohtani", "Former …")
_NOT_NAMES = frozenset({"former", "ex", "said", "says", "told", "asked", "added", "late"})
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
    if not any(c.isalpha() for c in text) or "\n" in text:
        return None  # names do not run across lines
    m = Mention(start, end, text, label, s, e)
    _resolve(m, kb, date)
    if m.entry is None and not any(c.isupper() for c in text):
        return None  # "balsam": names are capitalised unless the knowledge base knows them
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
        part.label = label
        parts.append(part)
    return parts or [m]


def _is_title_word(doc: Any, i: int, kb: KnowledgeBase) -> bool:
    return kb.agent(doc[i].text) is not None


def _strip_titles(doc: Any, s: int, e: int, kb: KnowledgeBase) -> int:
    """Move the start of a person span past honorifics and titles ("Former Speaker …")."""
    moved = True
    while moved and e - s > 1:
        moved = False
        if doc[s].lower_ in HONORIFICS or doc[s].lower_ in _NOT_NAMES:
            s, moved = s + 1, True
            continue
        for k in range(min(4, e - s - 1), 0, -1):
            if kb.agent(" ".join(t.text for t in doc[s:s + k])) is not None:
                s, moved = s + k, True
                break
    return s


def _title_cut(doc: Any, s: int, e: int, kb: KnowledgeBase) -> int | None:
    """Where a title starts inside tokens ``s:e`` that run on into it ("Defense" of "Defense
    Minister", "State" of "Secretary of State", "Ukrainian Prosecutor" of "… Prosecutor
    General"): the span keeps ``s:cut`` (a nationality, or nothing); ``None`` if no title."""
    lo, hi = max(0, s - 3), min(len(doc), e + 2)
    idx = [i for i in range(lo, hi) if not doc[i].is_punct and doc[i].text not in ("'s", "’s")]
    words = [doc[i].text for i in idx]
    for a, b, what in kb.read(words):
        if not isinstance(what, Agent):
            continue
        first, last = idx[a], idx[b - 1]
        if first <= s and last >= e - 1 and (first < s or last > e - 1):
            return s
        if s < first <= e - 1 < last and all(kb.country(doc[i].text) for i in range(s, first)):
            return first
    return None


def _person_like(doc: Any, s: int, e: int, kb: KnowledgeBase) -> bool:
    """An unknown two- or three-word "organisation" followed by ", director of …" is a
    person spaCy mislabelled ("Kelsey Davenport, director for …")."""
    if not 2 <= e - s <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in doc[s:e]):
        return False
    if kb.read([t.text for t in doc[s:e]]) or e + 1 >= len(doc) or doc[e].text != ",":
        return False
    words = [t.text for t in doc[e + 1:e + 5] if t.lower_ not in ("a", "an", "the")]
    items = kb.read(words)
    return bool(items) and items[0][0] == 0 and isinstance(items[0][2], Agent) and bool(
        items[0][2].role)


def _drop_descriptor(doc: Any, s: int, e: int, kb: KnowledgeBase) -> int:
    """"thinktank Power Shift Africa" → "Power Shift Africa" (lower-case generic words)."""
    while e - s > 1 and doc[s].is_lower and kb.agent(doc[s].text) is not None:
        s += 1
    return s


def _extend_person(doc: Any, s: int, e: int, taken: set[int], kb: KnowledgeBase) -> int:
    """Pull an adjacent capitalised word into a PERSON span ("Seong Chang" → "Cheong …")."""
    i = s - 1
    if i < 0 or i in taken:
        return s
    tok = doc[i]
    if (tok.tag_ == "NNP" and tok.is_title and not _is_title_word(doc, i, kb)
            and tok.lower_ not in HONORIFICS
            and kb.country(tok.text) is None and not kb.entries(tok.text)
            and (tok.is_sent_start or i == 0 or doc[i - 1].is_punct
                 or doc[i - 1].tag_ not in ("NNP", "NNPS"))):
        return i
    return s


def _merge_split_names(doc: Any, ents: list[Any],
                       kb: KnowledgeBase) -> list[tuple[int, int, str]]:
    """Token spans of entities, with a person's name split in two joined ("Maria Corina" +
    "Machado")."""
    out: list[tuple[int, int, str]] = []
    for ent in ents:
        if (out and out[-1][2] == "PERSON" and ent.start == out[-1][1] and len(ent) == 1
                and ent[0].is_title and not kb.entries(ent.text)
                and kb.country(ent.text) is None):
            out[-1] = (out[-1][0], ent.end, "PERSON")
            continue
        out.append((ent.start, ent.end, ent.label_))
    return out


def collect(doc: Any, kb: KnowledgeBase, date: str | None = None,
            skip: tuple[int, int] | None = None) -> list[Mention]:
    """Cleaned mentions of people, organisations and places in ``doc``, in text order.

    Names inside the character span ``skip`` (a dateline's wire credit) are left out.
    """
    out: list[Mention] = []
    taken: set[int] = set()
    ents = _merge_split_names(doc, [e for e in doc.ents if e.label_ in LABELS], kb)
    for s, e, _label in ents:
        taken.update(range(s, e))
    for s, e, label in ents:
        if skip and doc[s].idx < skip[1] and doc[e - 1].idx >= skip[0]:
            continue  # the wire credit in a dateline: "(AP)", "(Reuters)"
        if label == "ORG" and not kb.entries(doc[s:e].text) and _person_like(doc, s, e, kb):
            label = "PERSON"
        if label == "PERSON":
            s = _strip_titles(doc, s, e, kb)  # "President Biden", "Dr Alina Moroz"
            s = _extend_person(doc, s, e, taken, kb)
        elif label in ("ORG", "NORP", "GPE") and e - s <= 3 and not kb.entries(doc[s:e].text):
            cut = _title_cut(doc, s, e, kb)
            if cut is not None:
                if cut == s:
                    continue  # "Defense" of "Defense Minister"
                e, label = cut, "NORP"  # "Ukrainian" of "Ukrainian Prosecutor General"
        if label == "ORG":
            s = _drop_descriptor(doc, s, e, kb)
        m = _make(doc, s, e, label, kb, date)
        if m is None:
            continue
        if _PLURAL_ACRONYM.match(m.text) and m.entry is None:
            continue  # "ICBMs"
        if m.label in ("ORG", "PERSON") and m.entry is None and m.text.islower() and \
                kb.agent(m.text) is not None:
            continue  # a generic word tagged as a name
        out.extend(_split_joined(doc, m, kb, date))
    out.extend(_gazetteer(doc, kb, date, taken))
    out.sort(key=lambda m: m.start)
    return out


def _gazetteer(doc: Any, kb: KnowledgeBase, date: str | None, taken: set[int]) -> list[Mention]:
    """Knowledge-base names spaCy did not tag (capitalised words only)."""
    found: list[Mention] = []
    texts = [t.text for t in doc]
    n = len(texts)
    i = 0
    while i < n:
        word = texts[i]  # spaCy's is_title / is_upper are these str tests
        if i in taken or not (word.istitle() or word.isupper()) or not kb.may_start_name(
                " ".join(tokens(word)) or word):
            i += 1
            continue
        tok = doc[i]
        hit = 0
        for j in range(min(n, i + kb.max_words), i, -1):
            if any(k in taken for k in range(i, j)) or doc[j - 1].is_punct:
                continue
            entries = kb.entries(" ".join(texts[i:j]))
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

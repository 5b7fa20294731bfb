"""Within-document linking: mentions grouped into entities.

A surname or given name alone joins the nearest full name that has it ("Kim" → "Kim Jong Un",
"Shoigu" → "Sergei Shoigu"); a shorter form of a name joins the longer one; an acronym joins
its expansion ("KCNA" → "Korean Central News Agency"); countries gather their names,
possessives and demonyms ("North Korea's", "North Korean"); knowledge-base aliases join their
canonical entry ("Putin" → "Vladimir Putin").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .kb import KnowledgeBase
from .mentions import Mention, _make
from .text import key

_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "to", "de", "&"})


@dataclass
class Cluster:
    """Mentions of one entity, as they are gathered."""

    key: str
    label: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].start

    def add(self, m: Mention) -> None:
        self.mentions.append(m)


def initials(name: str) -> str:
    """"Korean Central News Agency" → "KCNA" (small words skipped)."""
    return "".join(w[0] for w in name.replace("-", " ").split()
                   if w and w.lower() not in _SMALL and w[0].isalpha()).upper()


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper() and " " not in text


def _base_key(m: Mention) -> str:
    entry = m.entry
    if entry is not None and entry.kind == "capital":
        return f"capital:{entry.name}"
    if m.country and (entry is None or entry.kind == "country") and m.label in (
            "GPE", "NORP", "LOC"):
        return f"country:{m.country}"
    if entry is not None:
        return f"kb:{entry.kind}:{entry.name}"
    return f"{m.label}:{key(m.text)}"


def _name_parts(c: Cluster) -> set[str]:
    parts: set[str] = set()
    for m in c.mentions:
        words = key(m.text).split()
        if len(words) >= 2:
            parts.update((words[0], words[-1]))
    entry = next((m.entry for m in c.mentions if m.entry is not None), None)
    if entry is not None:
        words = key(entry.name).split()
        if len(words) >= 2:
            parts.update((words[0], words[-1]))
    return parts


def _join_person(m: Mention, people: list[Cluster],
                 parts: dict[int, set[str]]) -> Cluster | None:
    """The person a lone name part belongs to: the nearest before it, else the first after."""
    word = key(m.text)
    if " " in word:
        return None
    for c in people:
        if id(c) not in parts:
            parts[id(c)] = _name_parts(c)
    owners = [c for c in people if word in parts[id(c)]]
    if not owners:
        return None
    before = [c for c in owners if c.first < m.start]
    if before:
        return max(before, key=lambda c: max(x.start for x in c.mentions if x.start < m.start))
    return min(owners, key=lambda c: c.first)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def link(doc: Any, mentions: list[Mention], kb: KnowledgeBase,
         date: str | None = None) -> list[Cluster]:
    """Group ``mentions`` into entity clusters, ordered by first mention."""
    clusters: dict[str, Cluster] = {}
    people: list[Cluster] = []
    loose: list[Mention] = []

    for m in mentions:
        is_person = m.label == "PERSON" or (m.entry is not None and m.entry.kind == "person")
        if is_person and len(m.words) < 2:
            loose.append(m)  # a full name in the story wins over the knowledge base's guess
            continue
        if m.entry is None and m.label in ("ORG", "GPE", "LOC") and len(m.words) == 1 \
                and not m.country:
            loose.append(m)  # maybe a surname spaCy mislabelled ("Cheong", "Kim")
            continue
        k = "person:" + (m.entry.name if m.entry is not None else key(m.text)) if is_person \
            else _base_key(m)
        if k not in clusters:
            clusters[k] = Cluster(k, "PERSON" if is_person else m.label)
            if is_person:
                people.append(clusters[k])
        clusters[k].add(m)

    _merge_short_names(clusters, people)
    _find_lone_surnames(doc, mentions, people, kb, date, loose)
    orgs = [c for c in clusters.values() if c.label == "ORG"]
    parts: dict[int, set[str]] = {}
    for m in loose:
        owner = _join_person(m, people, parts)
        if owner is not None:
            m.label = "PERSON"
            owner.add(m)
            continue
        owner = _join_org(m, orgs)
        if owner is not None and m.entry is None:
            m.label = "ORG"
            owner.add(m)
            continue
        if m.entry is not None and m.entry.kind == "person":
            m.label = "PERSON"
            k = f"person:{m.entry.name}"
        else:
            k = ("person:" if m.label == "PERSON" else f"{m.label}:") + key(m.text)
        if k not in clusters:
            clusters[k] = Cluster(k, m.label)
            if m.label == "PERSON":
                people.append(clusters[k])
        clusters[k].add(m)
    _merge_acronyms(clusters)
    _merge_short_orgs(clusters)
    out = [c for c in clusters.values() if c.mentions]
    for c in out:
        c.mentions.sort(key=lambda m: m.start)
    return sorted(out, key=lambda c: c.first)


def _merge_short_names(clusters: dict[str, Cluster], people: list[Cluster]) -> None:
    """"Seong Chang" joins "Cheong Seong Chang"; "Kim Jong" joins "Kim Jong Un"."""
    by_len = sorted(people, key=lambda c: -max(len(m.words) for m in c.mentions))
    for i, short in enumerate(by_len):
        if any(m.entry is not None for m in short.mentions):
            continue
        s_words = key(short.mentions[0].text).split()
        for long in by_len[:i]:
            if not long.mentions:
                continue
            if any(_contains(key(m.text).split(), s_words) for m in long.mentions):
                long.mentions.extend(short.mentions)
                short.mentions.clear()
                break
    people[:] = [c for c in people if c.mentions]
    for k in [k for k, c in clusters.items() if not c.mentions]:
        del clusters[k]


def _find_lone_surnames(doc: Any, mentions: list[Mention], people: list[Cluster],
                        kb: KnowledgeBase, date: str | None, loose: list[Mention]) -> None:
    """Name parts spaCy did not tag at all ("Koo said") become person mentions."""
    parts = {p for c in people for p in _name_parts(c)}
    if not parts:
        return
    covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    lowers = [t.lower_ for t in doc]
    for i in (i for i, low in enumerate(lowers) if low in parts and i not in covered):
        tok = doc[i]
        if not tok.is_title:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue  # part of a longer name spaCy missed
        m = _make(doc, tok.i, tok.i + 1, "PERSON", kb, date)
        if m is not None and m.entry is None:
            m.label = "PERSON"
            loose.append(m)
    loose.sort(key=lambda m: m.start)


def _merge_acronyms(clusters: dict[str, Cluster]) -> None:
    """An unknown acronym joins the organisation whose initials it is."""
    orgs = [c for c in clusters.values() if c.label == "ORG" and c.mentions]
    for c in orgs:
        text = c.mentions[0].text
        if not _is_acronym(text) or any(m.entry is not None for m in c.mentions):
            continue
        target = next((o for o in orgs if o is not c and o.mentions and any(
            len(m.words) > 1 and initials(m.text) == text.replace(".", "")
            for m in o.mentions)), None)
        if target is not None:
            target.mentions.extend(c.mentions)
            c.mentions.clear()


def _join_org(m: Mention, orgs: list[Cluster]) -> Cluster | None:
    """A lone capitalised word that opens or ends an organisation's name."""
    word = key(m.text)
    for c in orgs:
        for x in c.mentions:
            words = key(x.text).split()
            if (len(words) > 1 and word == words[0]) or (len(words) > 2 and word == words[-1]):
                return c  # "Nordvik" → "Nordvik Grid", "Dodgers" → "Los Angeles Dodgers"
    return None


def _merge_short_orgs(clusters: dict[str, Cluster]) -> None:
    """"Joint Chiefs" joins "Joint Chiefs of Staff"; "Helvion Energy" joins "… ASA"."""
    orgs = sorted((c for c in clusters.values() if c.label == "ORG" and c.mentions),
                  key=lambda c: -max(len(m.words) for m in c.mentions))
    for i, short in enumerate(orgs):
        s_words = key(short.mentions[0].text).split()
        short_known = any(m.entry is not None for m in short.mentions)
        for long in orgs[:i]:
            if not long.mentions:
                continue
            long_known = any(m.entry is not None for m in long.mentions)
            if short_known and long_known:
                continue
            if any(key(m.text).split()[:len(s_words)] == s_words and _contains(
                    key(m.text).split(), s_words) for m in long.mentions):
                long.mentions.extend(short.mentions)
                short.mentions.clear()
                break

"""The actor knowledge base: names → CAMEO-style actor codes, with date-dependent entries.

A ``KnowledgeBase`` holds *entries* (countries, capitals, organisations, people and anything a
user dictionary adds; each may be valid only between two dates) and *agents* (generic words
such as "minister" or "police" that carry a CAMEO sector).  ``match`` codes a whole noun phrase
by composing the two: ``"Russian troops"`` is RUS + MIL → ``RUSMIL``.

    kb = load_kb(settings)
    kb.match("North Korean leader Kim Jong Un", date="2023-08-01").code   # "PRKGOV"
    kb.country("Pyongyang")                                               # "PRK"
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .text import is_acronym, key, plural, tokens

#: kinds whose code is a country code that a sector can be appended to
COMPOSABLE = frozenset({"country", "capital"})
#: a word before an agent that makes it a former office holder (CAMEO "elites")
FORMER = frozenset({"former", "ex", "retired", "late"})
#: CAMEO sector for former office holders
ELITES = "ELI"


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """What a phrase resolves to.

    ``code`` is the CAMEO-style code (``PRKGOV``, ``NATO``, ``COP``); ``name`` the canonical name
    of the main actor; ``country`` ISO 3166 alpha-3 or ``None``; ``sector`` the CAMEO sector
    (``GOV``, ``MIL``…) or ``None``; ``kind`` one of ``country``, ``capital``, ``igo``,
    ``agent``, ``person``, ``org``; ``role`` the personal role named in the phrase, if any.
    """

    code: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str = "agent"
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One named actor, possibly valid only from ``start`` (inclusive) to ``end`` (exclusive)."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    start: str | None = None
    end: str | None = None
    priority: int = 0
    """Higher wins: built-in data is 0, user dictionaries 1."""

    @property
    def full_code(self) -> str:
        return self.code or f"{self.country or ''}{self.sector or ''}"

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def covers(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date < self.end)


@dataclass(frozen=True, slots=True)
class Agent:
    """A generic actor word: its CAMEO sector and the personal role it names."""

    phrase: str
    sector: str | None = None
    role: str | None = None
    prefix: bool = False
    """PETRARCH ``[NGO~]``: the sector goes before the country code, not after."""
    priority: int = 0


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    capitals: tuple[str, ...] = ()


def normalise_date(date: str | None) -> str | None:
    """``YYYY-MM-DD`` from ISO dates or datetimes, ``YYYYMMDD`` or ``None``."""
    if not date:
        return None
    text = str(date).strip()
    if len(text) >= 8 and text[:8].isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    return text[:10]


class KnowledgeBase:
    """Names, aliases and agents with their codes; see the module docstring."""

    def __init__(self) -> None:
        self._names: dict[str, list[Entry]] = {}
        self._acronyms: dict[str, list[Entry]] = {}
        self._stems: dict[str, list[Entry]] = {}
        self._agents: dict[str, Agent] = {}
        self._countries: dict[str, Country] = {}
        self._country_keys: dict[str, str] = {}
        self._country_acronyms: dict[str, str] = {}
        self._demonyms: set[str] = set()
        self._firsts: set[str] = set()
        self._org_words: dict[str, str] = {}
        self.max_words = 1

    # ------------------------------------------------------------------ building
    def add(self, entry: Entry, aliases: Iterable[str] = (), *, stem: bool = False,
            under_name: bool = True) -> None:
        """Add ``entry`` under its name (unless ``under_name`` is false) and ``aliases``.

        ``stem=True`` lets the last word match longer words too (PETRARCH entries without a
        trailing underscore: ``ARGENTIN`` matches "Argentina" and "Argentine").
        """
        names = (entry.name, *aliases) if under_name else tuple(aliases)
        for alias in dict.fromkeys(names):
            if not alias or not alias.strip():
                continue
            words = tokens(alias)
            if not words:
                continue
            self.max_words = max(self.max_words, len(words))
            self._firsts.add(words[0].lower())
            if entry.priority == 0 and len(words) == 1 and is_acronym(words[0]):
                self._acronyms.setdefault(words[0], []).append(entry)
                if len(words[0]) < 4:
                    continue
            k = " ".join(w.lower() for w in words)
            self._names.setdefault(k, []).append(entry)
            if stem and len(words[-1]) >= 5:
                self._stems.setdefault(k, []).append(entry)

    def add_agent(self, phrase: str, sector: str | None, role: str | None = None, *,
                  plural_form: str | None = None, prefix: bool = False,
                  priority: int = 0, with_plural: bool = True) -> None:
        """Add a generic agent word; its plural is derived unless ``plural_form`` is given."""
        agent = Agent(key(phrase), sector or None, role or None, prefix, priority)
        forms = [phrase]
        if plural_form:
            forms.append(plural_form)
        elif with_plural:
            words = key(phrase).split()
            if words:
                forms.append(" ".join([*words[:-1], plural(words[-1])]))
        for form in forms:
            k = key(form)
            if not k:
                continue
            old = self._agents.get(k)
            if old is not None and old.priority > priority:
                continue
            if old is not None and form != phrase and old.phrase == k:
                continue  # a derived plural never hides a word listed in its own right
            self._agents[k] = agent
            self.max_words = max(self.max_words, len(k.split()))

    def add_country(self, iso3: str, name: str, aliases: Iterable[str] = (),
                    demonyms: Iterable[str] = (), capitals: Iterable[str] = (),
                    priority: int = 0) -> None:
        """Add a country with its names, demonyms and capitals (capitals code as GOV)."""
        caps = tuple(c for c in capitals if c)
        self._countries[iso3] = Country(iso3, name, caps)
        self._demonyms.update(key(d) for d in demonyms)
        country = Entry(name, "country", iso3, priority=priority)
        names = [name, *aliases, *demonyms]
        self.add(country, names)
        for capital in caps:
            self.add(Entry(capital, "capital", iso3, "GOV", priority=priority))
        for n in (*names, *caps):
            words = tokens(n)
            if priority == 0 and len(words) == 1 and is_acronym(words[0]):
                self._country_acronyms[words[0]] = iso3
                if len(words[0]) < 4:
                    continue
            self._country_keys.setdefault(key(n), iso3)
            if priority:
                self._country_keys[key(n)] = iso3

    def add_org_word(self, word: str, sector: str) -> None:
        """A word that, ending an organisation's name, suggests its sector."""
        self._org_words[word.lower()] = sector

    # ------------------------------------------------------------------ lookups
    def org_sector(self, name: str) -> str | None:
        """The sector an organisation's name suggests by its last word, else ``None``."""
        words = tokens(name)
        return self._org_words.get(words[-1].lower()) if words else None

    def country(self, text: str) -> str | None:
        """ISO 3166 alpha-3 for a country name, alias, demonym or capital, else ``None``."""
        words = tokens(text)
        if len(words) == 1 and words[0] in self._country_acronyms:
            return self._country_acronyms[words[0]]
        return self._country_keys.get(" ".join(w.lower() for w in words))

    def may_start_name(self, word: str) -> bool:
        """Whether some known name begins with ``word`` (a cheap filter before lookups)."""
        return word.lower() in self._firsts or (bool(self._stems) and len(word) >= 5)

    def is_demonym(self, text: str) -> bool:
        """Whether ``text`` is a demonym or national adjective ("Russian", "North Korean")."""
        return key(text) in self._demonyms

    def country_name(self, iso3: str) -> str | None:
        """The English short name of a country code."""
        c = self._countries.get(iso3)
        return c.name if c else None

    def agent(self, text: str) -> Agent | None:
        """The generic agent ``text`` names (``"defense minister"``), else ``None``."""
        return self._agents.get(key(text))

    def entries(self, text: str) -> list[Entry]:
        """Every entry stored under exactly this name (case rules for acronyms apply)."""
        return self._candidates(tokens(text))

    def lookup(self, text: str, date: str | None = None) -> Entry | None:
        """The entry for the whole of ``text`` valid on ``date`` (best priority first)."""
        return self._pick(self._candidates(tokens(text)), normalise_date(date))

    def match(self, phrase: str, date: str | None = None) -> ActorMatch | None:
        """Code a noun phrase ("Russian Defense Minister", "Pyongyang", "police").

        A whole-phrase name wins; otherwise the phrase is read left to right for the longest
        known names and agents, and a person, else a country/organisation plus the head agent
        (the last one), make the code.  ``date`` (ISO) picks date-dependent entries.
        """
        day = normalise_date(date)
        words = tokens(phrase)
        if not words:
            return None
        whole = self._pick(self._candidates(words), day)
        if whole is not None:
            return self._entry_match(whole, day)
        return self._compose(words, day)

    def read(self, words: list[str],
             date: str | None = None) -> list[tuple[int, int, Entry | Agent]]:
        """The known names and agents in ``words``, longest first, left to right.

        Each item is ``(start, end, thing)`` over word indices; a name is resolved for ``date``.
        """
        out: list[tuple[int, int, Entry | Agent]] = []
        kept = [(n, " ".join(tokens(w))) for n, w in enumerate(words)]  # "People's" → "People"
        kept = [(n, w) for n, w in kept if w]  # articles dropped, as in every key
        at = [n for n, _w in kept]
        for i, j, what in self._scan([w for _n, w in kept]):
            if isinstance(what, Agent):
                out.append((at[i], at[j - 1] + 1, what))
            else:
                entry = self._pick(what, normalise_date(date))
                if entry is not None:
                    out.append((at[i], at[j - 1] + 1, entry))
        return out

    def __contains__(self, text: str) -> bool:
        return bool(self._candidates(tokens(text))) or key(text) in self._agents

    # ------------------------------------------------------------------ internals
    def _candidates(self, words: list[str]) -> list[Entry]:
        if not words:
            return []
        found: list[Entry] = []
        if len(words) == 1 and words[0] in self._acronyms:
            found.extend(self._acronyms[words[0]])
        k = " ".join(w.lower() for w in words)
        found.extend(self._names.get(k, ()))
        if not found and self._stems:
            last = words[-1].lower()
            head = " ".join(w.lower() for w in words[:-1])
            for cut in range(1, min(3, len(last) - 5) + 1):
                stem_key = f"{head} {last[:-cut]}".strip()
                if stem_key in self._stems:
                    found.extend(self._stems[stem_key])
                    break
        return found

    @staticmethod
    def _pick(candidates: list[Entry], date: str | None) -> Entry | None:
        if not candidates:
            return None
        top = max(e.priority for e in candidates)
        pool = [e for e in candidates if e.priority == top]
        undated = [e for e in pool if not e.dated]
        dated = [e for e in pool if e.dated]
        if date:
            for e in dated:
                if e.covers(date):
                    return e
            if undated:
                return undated[0]
            ended = [e for e in dated if e.kind == "person" and e.end and e.end <= date]
            if ended:  # out of office on that date: a former office holder
                last = max(ended, key=lambda e: e.end or "")
                return dataclasses.replace(last, sector=ELITES, role=f"former {last.role}"
                                           if last.role else None, code=None)
            earliest = min(dated, key=lambda e: e.start or "")
            if earliest.start and date < earliest.start:
                return dataclasses.replace(earliest, sector=None, role=None, code=None)
            return dated[0]
        if undated:
            return undated[0]
        return max(dated, key=lambda e: e.start or "")

    @staticmethod
    def _entry_match(entry: Entry, date: str | None) -> ActorMatch:
        code = entry.full_code
        return ActorMatch(code or entry.name, entry.name, entry.country, entry.sector,
                          entry.kind, entry.role)

    def _scan(self, words: list[str]) -> Iterator[tuple[int, int, list[Entry] | Agent]]:
        """Longest known names (preferred) or agents, left to right: (start, end, what)."""
        i, n = 0, len(words)
        while i < n:
            for j in range(min(n, i + self.max_words), i, -1):
                found = self._candidates(words[i:j])
                if found:
                    yield i, j, found
                    i = j
                    break
                agent = self._agents.get(" ".join(w.lower() for w in words[i:j]))
                if agent is not None:
                    yield i, j, agent
                    i = j
                    break
            else:
                i += 1

    def _compose(self, words: list[str], date: str | None) -> ActorMatch | None:
        actor: Entry | None = None
        head: Agent | None = None
        former = False
        actor_at = head_at = -1
        sector_agent: Agent | None = None
        for i, _j, what in self._scan(words):
            if isinstance(what, Agent):
                head, head_at = what, i
                sector_agent = what if what.sector else sector_agent
                former = i > 0 and words[i - 1].lower() in FORMER
                continue
            entry = self._pick(what, date)
            if entry is None:
                continue
            if entry.kind == "person":
                return self._entry_match(entry, date)
            if actor is None or (entry.kind not in COMPOSABLE and actor.kind in COMPOSABLE):
                actor, actor_at = entry, i  # a named organisation heads; a country modifies
        if actor is not None and actor.kind not in COMPOSABLE and head_at < actor_at:
            head = sector_agent = None  # "official KCNA": the agent only describes the name
        if actor is None and head is None:
            return None
        sector = ELITES if former and head is not None else (
            sector_agent.sector if sector_agent else None)
        role = head.role if head else None
        if head is not None and former and role:
            role = f"former {role}"
        if actor is None:
            if not sector:
                return None
            return ActorMatch(sector, head.phrase if head else sector, None, sector, "agent", role)
        if actor.kind in COMPOSABLE and sector:
            base = actor.code or actor.country or ""
            if actor.kind == "capital":
                base = actor.country or base
            code = f"{sector}{base}" if head and head.prefix else f"{base}{sector}"
            name = self.country_name(actor.country or "") or actor.name
            return ActorMatch(code, name, actor.country, sector, actor.kind, role)
        match = self._entry_match(actor, date)
        return dataclasses.replace(match, role=role or match.role)

    # ------------------------------------------------------------------ user data
    def load_petrarch_actors(self, path: str) -> int:
        """Add a PETRARCH-2 actor dictionary (user priority); returns entries added."""
        from .petrarch import read_actors

        return read_actors(self, path)

    def load_petrarch_agents(self, path: str) -> int:
        """Add a PETRARCH-2 agent dictionary (user priority); returns agents added."""
        from .petrarch import read_agents

        return read_agents(self, path)

    def load_user_file(self, path: str) -> int:
        """Add a user dictionary: YAML, CSV/TSV or PETRARCH-2 (see ``actors.userdict``)."""
        from .userdict import load_user_file

        return load_user_file(self, path)

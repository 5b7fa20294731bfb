"""User dictionaries: your own actors, agents and countries, listed in ``user_dictionaries``.

User entries win over the built-in ones.  Three formats are read, chosen by file name:

**YAML** (``.yaml``/``.yml``)::

    actors:
      - name: Koo Byoungsam            # canonical name (required)
        aliases: [Koo Byoung-sam, Koo]
        kind: person                   # person | org | igo | country | capital (default org)
        country: KOR                   # ISO 3166 alpha-3
        sector: GOV                    # CAMEO sector; code = country + sector …
        code: KORGOV                   # … unless given outright
        role: spokesperson
        start: 2023-01-01              # optional: valid from (inclusive)
        end: 2025-06-30                # optional: valid until (exclusive)
    agents:
      - phrase: coast guard            # generic words and their CAMEO sector
        sector: MIL
        role: coast guard officer      # optional personal role
        plural: coast guards           # optional (derived when left out)
    countries:
      - iso3: XKX
        name: Kosovo
        aliases: [Republic of Kosovo]
        demonyms: [Kosovar, Kosovan]
        capitals: [Pristina]

**CSV/TSV** (``.csv`` comma-, ``.tsv`` tab-separated; ``#`` lines are comments, lists inside a
cell are separated by ``|``): a header with ``name`` holds actors (columns as the YAML keys
above), one with ``phrase`` holds agents, one with ``iso3`` holds countries.

**PETRARCH-2** dictionaries (any other extension, e.g. ``PETR.Validate.actors.txt``): agent
dictionaries are recognised by ``agent`` in the file name or ``[~CODE]`` blocks.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .kb import Entry, KnowledgeBase
from .petrarch import USER_PRIORITY, read_actors, read_agents
from .tables import split_list

KINDS = frozenset({"person", "org", "igo", "country", "capital", "agent"})


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_list(value)
    if isinstance(value, Iterable):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value)]


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def add_actor(kb: KnowledgeBase, item: dict[str, Any], origin: str) -> None:
    """Add one user actor (a YAML mapping or CSV row)."""
    name = _text(item.get("name"))
    if not name:
        raise ConfigError("an actor entry has no name", origin=origin)
    kind = _text(item.get("kind")) or "org"
    if kind not in KINDS:
        raise ConfigError(f"actor {name!r}: unknown kind {kind!r}", origin=origin)
    country = (_text(item.get("country")) or "").upper() or None
    sector = (_text(item.get("sector")) or "").upper() or None
    code = (_text(item.get("code")) or "").upper() or None
    if not (code or country or sector):
        raise ConfigError(f"actor {name!r} needs a code, country or sector", origin=origin)
    entry = Entry(name, kind, country, sector, code, _text(item.get("role")),
                  _text(item.get("start")), _text(item.get("end")), USER_PRIORITY)
    kb.add(entry, _list(item.get("aliases")))


def add_agent(kb: KnowledgeBase, item: dict[str, Any], origin: str) -> None:
    """Add one user agent."""
    phrase = _text(item.get("phrase"))
    if not phrase:
        raise ConfigError("an agent entry has no phrase", origin=origin)
    kb.add_agent(phrase, (_text(item.get("sector")) or "").upper() or None,
                 _text(item.get("role")), plural_form=_text(item.get("plural")),
                 priority=USER_PRIORITY)


def add_country(kb: KnowledgeBase, item: dict[str, Any], origin: str) -> None:
    """Add (or override) one country."""
    iso3 = (_text(item.get("iso3")) or "").upper()
    name = _text(item.get("name"))
    if len(iso3) != 3 or not name:
        raise ConfigError("a country entry needs iso3 (3 letters) and name", origin=origin)
    kb.add_country(iso3, name, _list(item.get("aliases")), _list(item.get("demonyms")),
                   _list(item.get("capitals")), priority=USER_PRIORITY)


def _load_yaml(kb: KnowledgeBase, path: Path) -> int:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read user dictionary: {exc}", origin=str(path)) from exc
    if not isinstance(data, dict):
        raise ConfigError("a user dictionary must be a mapping with actors/agents/countries",
                          origin=str(path))
    unknown = set(data) - {"actors", "agents", "countries"}
    if unknown:
        raise ConfigError(f"unknown sections: {', '.join(sorted(unknown))}", origin=str(path))
    count = 0
    for section, add in (("countries", add_country), ("actors", add_actor),
                         ("agents", add_agent)):
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ConfigError(f"{section} must be a list", origin=str(path))
        for item in items:
            if not isinstance(item, dict):
                raise ConfigError(f"each of {section} must be a mapping", origin=str(path))
            add(kb, item, str(path))
            count += 1
    return count


def _load_table(kb: KnowledgeBase, path: Path, delimiter: str) -> int:
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8-sig").splitlines()
                 if ln.strip() and not ln.lstrip().startswith("#")]
    except OSError as exc:
        raise ConfigError(f"cannot read user dictionary: {exc.strerror}", origin=str(path)) from exc
    rows = list(csv.DictReader(lines, delimiter=delimiter))
    header = {h.strip().lower() for h in (rows[0].keys() if rows else []) if h}
    if "iso3" in header:
        add = add_country
    elif "phrase" in header:
        add = add_agent
    elif "name" in header:
        add = add_actor
    elif rows:
        raise ConfigError("header must name name, phrase or iso3 columns", origin=str(path))
    for row in rows:
        add(kb, {(k or "").strip().lower(): v for k, v in row.items()}, str(path))
    return len(rows)


def is_petrarch_agents(path: Path, text: str) -> bool:
    return "agent" in path.name.lower() or "[~" in text or "~]" in text


def load_user_file(kb: KnowledgeBase, path: str) -> int:
    """Add one user dictionary file to ``kb``; returns the number of entries read."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError("user dictionary not found", origin=str(p))
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _load_yaml(kb, p)
    if suffix in (".csv", ".tsv"):
        return _load_table(kb, p, "\t" if suffix == ".tsv" else ",")
    text = p.read_text(encoding="utf-8", errors="replace")
    if is_petrarch_agents(p, text):
        return read_agents(kb, str(p))
    return read_actors(kb, str(p))

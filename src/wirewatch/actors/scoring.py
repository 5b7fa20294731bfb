"""Score predicted entities against annotated articles.

An annotated article is ``NAME.txt`` (the article text) beside ``NAME.json``::

    {"published": "2024-03-04",
     "entities": [{"name": "Kim Jong Un", "type": "PERSON", "actor_code": "PRKGOV",
                   "roles": ["leader"], "affiliation": "North Korea", "aliases": ["Kim"]}, …],
     "capital_actors": [{"name": "Pyongyang", "actor_code": "PRKGOV"}]}

Measured: precision and recall of canonical people and organisations (a prediction matches
when its canonical name, or one of its mentions, is the gold name or a gold alias), and on the
matched ones role, actor-code and affiliation accuracy; plus how many capitals used as actors
got their government's code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Entity
from .text import key

SCORED_TYPES = ("PERSON", "ORG")


@dataclass(frozen=True)
class Annotated:
    name: str
    text: str
    published: str | None
    gold: list[dict[str, Any]]
    capital_actors: list[dict[str, Any]]


def load_annotated(folder: Path) -> list[Annotated]:
    """Every ``*.txt`` with its ``*.json`` in ``folder``, sorted by name."""
    out = []
    for txt in sorted(folder.glob("*.txt")):
        meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        out.append(Annotated(txt.stem, txt.read_text(encoding="utf-8"), meta.get("published"),
                             meta.get("entities", []), meta.get("capital_actors", [])))
    return out


@dataclass
class Tally:
    """Counts summed over articles; ratios as properties."""

    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED_TYPES, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED_TYPES, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED_TYPES, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED_TYPES, 0))
    roles: list[bool] = field(default_factory=list)
    codes: list[bool] = field(default_factory=list)
    affiliations: list[bool] = field(default_factory=list)
    capitals: list[bool] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def precision(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(SCORED_TYPES)
        p = sum(self.predicted[k] for k in kinds)
        return sum(self.correct[k] for k in kinds) / p if p else 0.0

    def recall(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(SCORED_TYPES)
        g = sum(self.gold[k] for k in kinds)
        return sum(self.found[k] for k in kinds) / g if g else 0.0

    def f1(self, kind: str | None = None) -> float:
        p, r = self.precision(kind), self.recall(kind)
        return 2 * p * r / (p + r) if p + r else 0.0

    @staticmethod
    def rate(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0


def _keys(gold: dict[str, Any]) -> set[str]:
    return {key(n) for n in (gold["name"], *gold.get("aliases", ()))}


def _matches(entity: Entity, keys: set[str]) -> bool:
    return key(entity.name) in keys or any(key(m.text) in keys for m in entity.mentions)


def _role(text: str) -> str:
    return text.lower().replace("defence", "defense").replace("-", " ")


def _role_ok(gold_roles: Iterable[str], predicted: Iterable[str]) -> bool:
    """A person's role is right when one of the gold roles is among the predicted ones."""
    norm = {_role(r) for r in predicted}
    return any(_role(r) in norm for r in gold_roles)


def score_article(tally: Tally, item: Annotated, entities: tuple[Entity, ...]) -> None:
    """Add one article's comparison to ``tally``."""
    by_id = {e.id: e for e in entities}
    scored = [e for e in entities if e.type in SCORED_TYPES]
    matched: set[str] = set()
    aliases = {key(g["name"]): _keys(g) for g in item.gold}
    for gold in item.gold:
        kind = gold.get("type", "PERSON")
        tally.gold[kind] += 1
        keys = _keys(gold)
        hit = next((e for e in scored if e.id not in matched and _matches(e, keys)), None)
        if hit is None:
            hit = next((e for e in entities if e.id not in matched and _matches(e, keys)), None)
        if hit is None:
            tally.misses.append(f"{item.name}: missed {kind} {gold['name']}")
            continue
        matched.add(hit.id)
        tally.found[kind] += 1
        if gold.get("roles"):
            ok = _role_ok(gold["roles"], hit.roles)
            tally.roles.append(ok)
            if not ok:
                tally.misses.append(f"{item.name}: {gold['name']} roles {hit.roles}")
        if gold.get("actor_code"):
            ok = hit.actor_code == gold["actor_code"]
            tally.codes.append(ok)
            if not ok:
                tally.misses.append(f"{item.name}: {gold['name']} code {hit.actor_code} "
                                    f"!= {gold['actor_code']}")
        if gold.get("affiliation"):
            aff = by_id.get(hit.affiliation or "")
            wanted = aliases.get(key(gold["affiliation"]), {key(gold["affiliation"])})
            ok = aff is not None and _matches(aff, wanted)
            tally.affiliations.append(ok)
            if not ok:
                tally.misses.append(f"{item.name}: {gold['name']} affiliation "
                                    f"{aff.name if aff else None} != {gold['affiliation']}")
    for e in scored:
        tally.predicted[e.type] += 1
        if e.id in matched:
            tally.correct[e.type] += 1
        else:
            tally.misses.append(f"{item.name}: extra {e.type} {e.name}")
    for cap in item.capital_actors:
        hit = next((e for e in entities if key(e.name) == key(cap["name"])), None)
        tally.capitals.append(hit is not None and hit.actor_code == cap["actor_code"])

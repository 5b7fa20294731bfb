"""Read queries over events, quotes and actors (used by the CLI, exports, API and dashboard).

Actor filters match CAMEO code prefixes: ``PRK`` matches ``PRK``, ``PRKGOV``, ``PRKMIL``…
(the first actor of each side is indexed; compound sides keep all actors in ``*_actors``).
Dates are ``YYYY-MM-DD`` strings, inclusive.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_, select, tuple_

from ..errors import StoreError
from . import schema as t
from .clustering import parse_day
from .codes import parse_code

ORDERS = ("newest", "oldest", "id")


class Clauses(Protocol):
    """Any filter that turns itself into WHERE clauses on ``events``."""

    def clauses(self) -> list[ColumnElement[bool]]: ...


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; ``None`` fields do not filter."""

    actor: str | None = None
    """Either side's code starts with this."""
    source: str | None = None
    target: str | None = None
    root: tuple[str, ...] | str | None = None
    """CAMEO root code(s): ``"19"`` or ``("18", "19", "20")``."""
    cameo: str | None = None
    """CAMEO code prefix (``"190"``)."""
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    quad_class: int | None = None
    country: str | None = None
    """ISO alpha-3 country of the event's place."""
    min_mentions: int | None = None

    def side_clauses(self) -> list[list[ColumnElement[bool]]]:
        """``clauses()`` as one list per actor side: with an ``actor`` filter, the events
        where the source matches and those where the target matches (an event of both is
        in both), so each side is one index range scan instead of an ``OR`` the planners
        answer by reading and sorting every event of the actor; else ``[clauses()]``."""
        if not self.actor:
            return [self.clauses()]
        rest = replace(self, actor=None).clauses()
        return [[side, *rest] for side in actor_sides(self.actor)]

    def clauses(self) -> list[ColumnElement[bool]]:
        e = t.events
        out: list[ColumnElement[bool]] = []
        if self.actor:
            out.append(or_(*actor_sides(self.actor)))
        if self.source:
            out.append(_actor(e.c.source_country, e.c.source_code, self.source))
        if self.target:
            out.append(_actor(e.c.target_country, e.c.target_code, self.target))
        if self.root:
            roots = (self.root,) if isinstance(self.root, str) else tuple(self.root)
            out.append(e.c.cameo_root.in_([r.zfill(2) for r in roots]))
        if self.cameo:
            out.append(_prefix(e.c.cameo, self.cameo, upper=False))
        if self.plover:
            out.append(e.c.plover_type == self.plover.upper())
        if self.since:
            out.append(e.c.day >= _day(self.since, "since"))
        if self.until:
            out.append(e.c.day <= _day(self.until, "until"))
        if self.quad_class is not None:
            out.append(e.c.quad_class == self.quad_class)
        if self.country:
            out.append(e.c.loc_country == self.country.upper())
        if self.min_mentions is not None:
            out.append(e.c.num_mentions >= self.min_mentions)
        return out


def actor_sides(value: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """The clauses "source matches ``value``" and "target matches ``value``"."""
    e = t.events
    return (_actor(e.c.source_country, e.c.source_code, value),
            _actor(e.c.target_country, e.c.target_code, value))


def _actor(country_col: Any, code_col: Any, value: str) -> ColumnElement[bool]:
    """Code prefix ``value``; a leading country code becomes an (indexed) equality."""
    value = value.strip().upper()
    parsed = parse_code(value)
    if parsed is None or parsed.country is None or len(value) < 3:
        return _prefix(code_col, value)
    if len(value) == 3:
        return country_col == value  # type: ignore[no-any-return]
    return and_(country_col == value[:3], _prefix(code_col, value))


def _prefix(col: Any, value: str, upper: bool = True) -> ColumnElement[bool]:
    value = value.strip().upper() if upper else value.strip()
    return and_(col >= value, col < value + "~")  # a range, so the index applies


def _day(value: str, name: str) -> int:
    if len(value) == 7:  # YYYY-MM
        value += "-01"
    day = parse_day(value)
    if day is None:
        raise StoreError(f"--{name} must be a date YYYY-MM-DD, not {value!r}")
    return day


@functools.lru_cache(maxsize=8192)
def iso_day(day: int | None) -> str | None:
    return None if day is None else f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


@dataclass(frozen=True)
class Page:
    """One page of results and the cursor to the next (``None`` at the end)."""

    rows: list[dict[str, Any]]
    next_cursor: str | None


def event_dict(r: Any, keys: Sequence[str] | None = None) -> dict[str, Any]:
    """An event row as the JSON the CLI, exports and API share (``keys``: the row's columns)."""
    d = dict(zip(keys, r)) if keys is not None else dict(r._mapping)
    d["date"] = iso_day(d.pop("day"))
    d["source_actors"] = json.loads(d.pop("source_codes") or "[]")
    d["target_actors"] = json.loads(d.pop("target_codes") or "[]")
    d.pop("cluster_key", None)
    return d


SPLIT_MAX_ROWS = 2000
"""Pages ending within this many rows read each actor side separately and merge them; a
deeper ``offset`` page reads that many rows anyway, so it keeps one ``OR`` query."""


def query_events(conn: Connection, f: EventFilter, limit: int = 100, offset: int = 0,
                 cursor: str | None = None, order: str = "newest") -> Page:
    """Events matching ``f``; page with ``offset`` or the ``cursor`` of the previous page."""
    if order not in ORDERS:
        raise StoreError(f"order must be one of {', '.join(ORDERS)}")
    offset = 0 if cursor else offset
    parts = f.side_clauses() if offset + limit <= SPLIT_MAX_ROWS else [f.clauses()]
    keys, rows = read_ordered(conn, parts, limit + 1, offset, order,
                              _after(cursor, order) if cursor else None)
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = None
    if more and rows:
        last = rows[-1]
        nxt = f"{last.id}" if order == "id" else f"{last.day}:{last.id}"
    return Page([event_dict(r, keys) for r in rows], nxt)


def read_ordered(conn: Connection, parts: list[list[ColumnElement[bool]]], limit: int,
                 offset: int = 0, order: str = "newest",
                 after: ColumnElement[bool] | None = None) -> tuple[list[str], list[Any]]:
    """Event rows ``offset`` to ``offset + limit`` in ``order`` of the union of ``parts``
    (lists of clauses, e.g. from ``side_clauses``): each part is read in order up to the
    last row wanted, then the parts are merged and rows in several parts kept once."""
    e = t.events
    keys: list[str] = [c.name for c in e.columns]
    rows: list[Any] = []
    for where in parts:
        q: Select[Any] = select(e).where(*where)
        if after is not None:
            q = q.where(after)
        if order == "newest":
            q = q.order_by(e.c.day.desc(), e.c.id.desc())
        elif order == "oldest":
            q = q.order_by(e.c.day, e.c.id)
        else:
            q = q.order_by(e.c.id)
        q = q.limit(limit).offset(offset) if len(parts) == 1 else q.limit(offset + limit)
        result = conn.execute(q)
        keys = list(result.keys())
        rows += result.all()
    if len(parts) == 1:
        return keys, rows
    unique = list({r.id: r for r in rows}.values())
    if order == "id":
        unique.sort(key=lambda r: r.id)
    else:
        unique.sort(key=lambda r: (r.day, r.id), reverse=order == "newest")
    return keys, unique[offset:offset + limit]


def _after(cursor: str, order: str) -> ColumnElement[bool]:
    e = t.events
    try:
        if order == "id":
            return e.c.id > int(cursor)
        day, ident = (int(x) for x in cursor.split(":"))
    except ValueError as exc:
        raise StoreError(f"bad cursor {cursor!r}") from exc
    if order == "newest":
        return tuple_(e.c.day, e.c.id) < tuple_(day, ident)
    return tuple_(e.c.day, e.c.id) > tuple_(day, ident)


def event_mentions(conn: Connection, event_id: int) -> list[dict[str, Any]]:
    """The mentions (one per reporting article) of one event."""
    m, d = t.event_mentions, t.documents
    q = (select(m, d.c.title, d.c.duplicate_of).join(d, d.c.id == m.c.doc_id)
         .where(m.c.event_id == event_id).order_by(m.c.id))
    out = []
    for r in conn.execute(q):
        row = dict(r._mapping)
        row["date"] = iso_day(row.pop("day"))
        row["source_actors"] = json.loads(row.pop("source_codes") or "[]")
        row["target_actors"] = json.loads(row.pop("target_codes") or "[]")
        row["stages"] = json.loads(row["stages"] or "[]")
        out.append(row)
    return out


def dyads(conn: Connection, f: EventFilter, limit: int = 100) -> list[dict[str, Any]]:
    """Source→target actor pairs by number of events."""
    e = t.events
    n = func.count().label("events")
    q = (select(e.c.source_code, e.c.target_code, n,
                func.sum(e.c.num_mentions).label("mentions"),
                func.avg(e.c.goldstein).label("mean_goldstein"))
         .where(*f.clauses(), e.c.source_code.is_not(None), e.c.target_code.is_not(None))
         .group_by(e.c.source_code, e.c.target_code).order_by(n.desc()).limit(limit))
    return [dict(r._mapping) for r in conn.execute(q)]


DAILY_GROUPS = {"root": "cameo_root", "quad": "quad_class", "plover": "plover_type"}


def daily_counts(conn: Connection, f: EventFilter, by: str | None = None) -> list[dict[str, Any]]:
    """Events and mentions per day (optionally per CAMEO root, quad class or PLOVER type).

    With an actor filter the counts are source-side + target-side - both sides: three
    index-only scans, where one ``OR`` query reads every matching event row.
    """
    e = t.events
    cols: list[Any] = [e.c.day]
    if by is not None:
        if by not in DAILY_GROUPS:
            raise StoreError(f"daily counts by {by!r}: use one of {', '.join(DAILY_GROUPS)}")
        cols.append(e.c[DAILY_GROUPS[by]].label("group"))
    keys = ["day", "group"][:len(cols)]

    def counts(where: list[ColumnElement[bool]]) -> list[Any]:
        q = (select(*cols, func.count().label("events"),
                    func.sum(e.c.num_mentions).label("mentions"))
             .where(*where).group_by(*cols).order_by(*cols))
        return list(conn.execute(q).all())

    if f.actor:
        src, tgt = actor_sides(f.actor)
        rest = replace(f, actor=None).clauses()
        totals: dict[tuple[Any, ...], list[int]] = {}
        for sign, where in ((1, [src, *rest]), (1, [tgt, *rest]), (-1, [src, tgt, *rest])):
            for rec in counts(where):
                acc = totals.setdefault(tuple(rec[:len(cols)]), [0, 0])
                acc[0] += sign * int(rec.events)
                acc[1] += sign * int(rec.mentions or 0)
        recs = [(*k, n, m) for k, (n, m) in
                sorted(totals.items(), key=lambda kv: [(v is not None, v) for v in kv[0]])
                if n > 0]
    else:
        recs = [tuple(r) for r in counts(f.clauses())]
    out = []
    for rec in recs:
        row: dict[str, Any] = dict(zip([*keys, "events", "mentions"], rec))
        row["day"] = iso_day(row["day"])
        row["mentions"] = int(row["mentions"] or 0)
        out.append(row)
    return out


def query_actors(conn: Connection, f: Clauses, limit: int = 100) -> list[dict[str, Any]]:
    """Actor codes with how often each is source and target of matching events."""
    e = t.events
    totals: dict[str, dict[str, Any]] = {}
    for side, code, name in (("as_source", e.c.source_code, e.c.source_name),
                             ("as_target", e.c.target_code, e.c.target_name)):
        q = (select(code.label("code"), func.min(name).label("name"), func.count().label("n"))
             .where(*f.clauses(), code.is_not(None)).group_by(code))
        for r in conn.execute(q):
            row = totals.setdefault(r.code, {"actor_code": r.code, "name": r.name,
                                             "as_source": 0, "as_target": 0})
            row[side] = int(r.n)
    for entry in totals.values():
        entry["events"] = entry["as_source"] + entry["as_target"]
    ranked = sorted(totals.values(), key=lambda a: (-a["events"], a["actor_code"]))
    return ranked[:limit]


@dataclass(frozen=True)
class QuoteFilter:
    """Which quotes to read; ``None`` fields do not filter."""

    speaker: str | None = None
    """Speaker actor code prefix, or a part of the speaker's name."""
    contains: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        q = t.quotes
        out: list[ColumnElement[bool]] = []
        if self.speaker:
            out.append(or_(_prefix(q.c.speaker_code, self.speaker),
                           func.lower(q.c.speaker_name).contains(self.speaker.lower())))
        if self.contains:
            out.append(func.lower(q.c.text).contains(self.contains.lower()))
        if self.outlet:
            out.append(q.c.outlet == self.outlet)
        if self.since:
            out.append(q.c.day >= _day(self.since, "since"))
        if self.until:
            out.append(q.c.day <= _day(self.until, "until"))
        if self.kind:
            out.append(q.c.kind == self.kind)
        return out


def query_quotes(conn: Connection, f: QuoteFilter, limit: int = 100,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Quotes with their speaker and article, newest first."""
    q, d = t.quotes, t.documents
    stmt = (select(q, d.c.url, d.c.title).join(d, d.c.id == q.c.doc_id).where(*f.clauses())
            .order_by(q.c.day.desc(), q.c.doc_id, q.c.start_char).limit(limit).offset(offset))
    out = []
    for r in conn.execute(stmt):
        row = dict(r._mapping)
        row["date"] = iso_day(row.pop("day"))
        out.append(row)
    return out

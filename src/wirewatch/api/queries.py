"""Read-only queries the API needs beyond the store's read API (SQLAlchemy Core, no SQL text).

The store's ``EventFilter`` covers actors, codes, dates and places; ``Filters`` adds
``modality`` and ``outlet`` (an outlet filter keeps events that outlet reported) and turns
everything into clauses over the store's tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, Select, func, select

from ..analysis import EventRow
from ..store import EventFilter
from ..store import schema as t
from ..store.queries import SPLIT_MAX_ROWS, event_dict, iso_day, read_ordered


@dataclass(frozen=True)
class Filters:
    """Every filter of ``wirewatch events`` plus modality and outlet; ``None`` = no filter."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    root: tuple[str, ...] | None = None
    cameo: str | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    quad_class: int | None = None
    country: str | None = None
    min_mentions: int | None = None
    modality: str | None = None
    outlet: str | None = None

    def store_filter(self) -> EventFilter:
        names = {f.name for f in fields(EventFilter)}
        return EventFilter(**{k: getattr(self, k) for k in names})

    def clauses(self) -> list[ColumnElement[bool]]:
        return [*self.store_filter().clauses(), *self._own_clauses()]

    def side_clauses(self) -> list[list[ColumnElement[bool]]]:
        """``clauses()`` split by actor side (see ``EventFilter.side_clauses``)."""
        own = self._own_clauses()
        return [[*part, *own] for part in self.store_filter().side_clauses()]

    def _own_clauses(self) -> list[ColumnElement[bool]]:
        """The filters ``EventFilter`` does not have: modality and outlet."""
        e, m = t.events, t.event_mentions
        out: list[ColumnElement[bool]] = []
        if self.modality:
            out.append(e.c.modality == self.modality.lower())
        if self.outlet:
            out.append(e.c.id.in_(select(m.c.event_id).where(m.c.outlet == self.outlet)))
        return out

    def as_params(self) -> dict[str, str]:
        """The filters as URL query parameters (for links that keep the view)."""
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None or v == ():
                continue
            key = "quad" if f.name == "quad_class" else f.name
            out[key] = ",".join(v) if isinstance(v, tuple) else str(v)
        return out


def _events(conn: Connection, q: Select[Any]) -> list[dict[str, Any]]:
    return [event_dict(r) for r in conn.execute(q)]


def search_events(conn: Connection, f: Filters, limit: int, offset: int = 0,
                  cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
    """Newest first; page by ``offset`` or by the ``cursor`` (``DAY:ID``) of the last page.

    An actor filter reads the source side and the target side separately (each an index
    scan in date order, stopping after the page) and merges them: one ``OR`` query would
    read and sort every event of the actor in the date range.
    """
    e = t.events
    after = None
    if cursor:
        day, ident = (int(x) for x in cursor.split(":"))
        after = (e.c.day < day) | ((e.c.day == day) & (e.c.id < ident))
        offset = 0
    parts = f.side_clauses() if offset + limit <= SPLIT_MAX_ROWS else [f.clauses()]
    _, rows = read_ordered(conn, parts, limit + 1, offset, "newest", after)
    nxt = f"{rows[limit - 1].day}:{rows[limit - 1].id}" if len(rows) > limit else None
    return [event_dict(r) for r in rows[:limit]], nxt


def iter_events(conn: Connection, f: Filters, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every matching event, newest first, in keyset pages (constant memory)."""
    cursor = None
    while True:
        rows, cursor = search_events(conn, f, batch, cursor=cursor)
        yield from rows
        if cursor is None:
            return


def get_event(conn: Connection, event_id: int) -> dict[str, Any] | None:
    rows = _events(conn, select(t.events).where(t.events.c.id == event_id))
    return rows[0] if rows else None


def list_articles(conn: Connection, *, outlet: str | None, contains: str | None,
                  limit: int, offset: int) -> list[dict[str, Any]]:
    d = t.documents
    q = select(d.c.id, d.c.url, d.c.outlet, d.c.title, d.c.published, d.c.language,
               d.c.version, d.c.duplicate_of, d.c.ingested_at)
    if outlet:
        q = q.where(d.c.outlet == outlet)
    if contains:
        q = q.where(func.lower(d.c.title).contains(contains.lower()))
    q = q.order_by(d.c.published.desc(), d.c.id).limit(limit).offset(offset)
    return [dict(r._mapping) for r in conn.execute(q)]


def outlets(conn: Connection, limit: int = 200) -> list[str]:
    d = t.documents
    q = (select(d.c.outlet).where(d.c.outlet.is_not(None)).group_by(d.c.outlet)
         .order_by(func.count().desc()).limit(limit))
    return [str(r[0]) for r in conn.execute(q)]


def codes_with_prefix(conn: Connection, column: Any, prefix: str, most: int = 200) -> list[str]:
    """The distinct codes in ``column`` starting with ``prefix``, by index skip-scan.

    One ``MIN(code) > previous`` seek per code, so a prefix with a handful of sector codes
    costs a handful of index probes however many events there are.
    """
    prefix = prefix.upper()
    hi = prefix + "~"
    out: list[str] = []
    last = prefix
    first = conn.execute(select(column).where(column == prefix).limit(1)).scalar()
    if first is not None:
        out.append(prefix)
    while len(out) < most:
        nxt = conn.execute(select(func.min(column)).where(column > last, column < hi)).scalar()
        if nxt is None:
            break
        out.append(str(nxt))
        last = str(nxt)
    return out


def _pair_clauses(conn: Connection, f: Filters, src: str, tgt: str) -> list[Any] | None:
    """Filters for events ``src`` → ``tgt`` as equality lists the pair index can seek."""
    e = t.events
    sources = codes_with_prefix(conn, e.c.source_code, src)
    targets = codes_with_prefix(conn, e.c.target_code, tgt)
    if not sources or not targets:
        return None
    rest = Filters(**{**{k.name: getattr(f, k.name) for k in fields(f)},
                      "actor": None, "source": None, "target": None})
    return [e.c.source_code.in_(sources), e.c.target_code.in_(targets), *rest.clauses()]


def pair_rows(conn: Connection, a: str, b: str, f: Filters) -> list[EventRow]:
    """Events between ``a`` and ``b`` (both ways) aggregated per day and quad class."""
    e = t.events
    out = []
    for src, tgt in ((a, b), (b, a)):
        where = _pair_clauses(conn, f, src, tgt)
        if where is None:
            continue
        q = (select(e.c.day, e.c.quad_class, func.count().label("n"),
                    func.avg(e.c.goldstein).label("g"))
             .where(*where).group_by(e.c.day, e.c.quad_class))
        for r in conn.execute(q):
            out.append(EventRow(_date(r.day), src, tgt, r.quad_class,
                                None if r.g is None else float(r.g), count=int(r.n)))
    return out


def _date(day: int) -> date:
    return date(day // 10000, day // 100 % 100, day % 100)


def pair_events(conn: Connection, a: str, b: str, f: Filters,
                limit: int = 100) -> list[dict[str, Any]]:
    """The newest events between ``a`` and ``b``, both directions, through the pair index."""
    e = t.events
    rows: list[dict[str, Any]] = []
    for src, tgt in ((a, b), (b, a)):
        where = _pair_clauses(conn, f, src, tgt)
        if where is not None:
            q = select(e).where(*where).order_by(e.c.day.desc(), e.c.id.desc()).limit(limit)
            rows += _events(conn, q)
    rows.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
    return rows[:limit]


def daily_by_quad(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Events per day split by quad class: ``[{day, q1, q2, q3, q4, events}]``."""
    e = t.events
    q = (select(e.c.day, e.c.quad_class, func.count().label("n")).where(*f.clauses())
         .group_by(e.c.day, e.c.quad_class).order_by(e.c.day))
    days: dict[int, dict[str, Any]] = {}
    for r in conn.execute(q):
        row = days.setdefault(r.day, {"day": iso_day(r.day), "q1": 0, "q2": 0, "q3": 0,
                                      "q4": 0, "events": 0})
        if r.quad_class in (1, 2, 3, 4):
            row[f"q{r.quad_class}"] += int(r.n)
        row["events"] += int(r.n)
    return list(days.values())



def dyad_edges(conn: Connection, f: Filters, limit: int,
               level: int = 3) -> list[dict[str, Any]]:
    """Directed pairs at country level (``level`` code letters) with volume and tone."""
    e = t.events
    src = func.substr(e.c.source_code, 1, level).label("source")
    tgt = func.substr(e.c.target_code, 1, level).label("target")
    n = func.count().label("events")
    conflict = func.sum((e.c.quad_class >= 3).cast(Integer)).label("conflict")
    q = (select(src, tgt, n, conflict, func.avg(e.c.goldstein).label("goldstein_mean"))
         .where(*f.clauses(), e.c.source_code.is_not(None), e.c.target_code.is_not(None))
         .group_by(src, tgt).order_by(n.desc()).limit(limit))
    out = []
    for r in conn.execute(q):
        row = dict(r._mapping)
        row["conflict"] = int(row["conflict"] or 0)
        g = row["goldstein_mean"]
        row["goldstein_mean"] = None if g is None else round(float(g), 3)
        out.append(row)
    return out


def locations(conn: Connection, f: Filters, limit: int) -> list[dict[str, Any]]:
    """Event places with coordinates, busiest first (for the map)."""
    e = t.events
    n = func.count().label("events")
    # round(x * 100) / 100, not round(x, 2): PostgreSQL has no round(double precision, int)
    lat, lon = func.round(e.c.loc_lat * 100) / 100, func.round(e.c.loc_lon * 100) / 100
    q = (select(e.c.loc_name.label("name"), e.c.loc_country.label("country"),
                lat.label("lat"), lon.label("lon"),
                n, func.avg(e.c.goldstein).label("goldstein_mean"))
         .where(*f.clauses(), e.c.loc_lat.is_not(None), e.c.loc_lon.is_not(None))
         .group_by(e.c.loc_name, e.c.loc_country, lat, lon)
         .order_by(n.desc()).limit(limit))
    return [dict(r._mapping) for r in conn.execute(q)]


def country_counts(conn: Connection, f: Filters) -> dict[str, int]:
    e = t.events
    q = (select(e.c.loc_country, func.count()).where(*f.clauses(), e.c.loc_country.is_not(None))
         .group_by(e.c.loc_country))
    return {str(c): int(n) for c, n in conn.execute(q)}


def mentions_of_document(conn: Connection, doc_id: str) -> list[dict[str, Any]]:
    m = t.event_mentions
    q = (select(m.c.id, m.c.event_id, m.c.cameo, m.c.trigger_text, m.c.sentence_start,
                m.c.sentence_end).where(m.c.doc_id == doc_id).order_by(m.c.sentence_start))
    return [dict(r._mapping) for r in conn.execute(q)]

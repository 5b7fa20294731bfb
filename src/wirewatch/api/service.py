"""What the API and the dashboard ask of the database, in one place (with caching)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select

from ..analysis import detect_escalations, pair_trend, parse_day, reciprocity
from ..store import QuoteFilter, Store
from ..store import schema as t
from ..store.queries import event_mentions, iso_day, query_actors
from . import queries
from .cache import TTLCache
from .queries import Filters

T = TypeVar("T")
OVERVIEW_DAYS = 30
"""With no date filter, the overview, network and map show the last 30 days with events."""
READ_CONCURRENCY = 4
"""Queries the API runs at once; more requests wait their turn. On a few cores more only
adds contention, and it stays within SQLAlchemy's default pool of 5 kept connections, so
busy moments reuse them instead of opening and closing overflow connections per request
(event search at 20 clients on 2 cores, ``benchmarks/api.py``: 3 to 8 alike, 16 a quarter
slower, unlimited slower still)."""


@dataclass
class Service:
    store: Store
    cache: TTLCache
    gate: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(READ_CONCURRENCY))

    def _connect(self) -> Connection:
        """A read-only connection (on SQLite a plain ``BEGIN``: readers never queue)."""
        return self.store.engine.connect().execution_options(readonly=True)

    def _read(self, fn: Callable[[Connection], T]) -> T:
        with self.gate, self._connect() as conn:
            return fn(conn)

    def _cached(self, key: tuple[Any, ...], fn: Callable[[Connection], T]) -> T:
        return self.cache.get_or_make(key, lambda: self._read(fn))

    # -- aggregates (cached) ---------------------------------------------------------------
    def last_day(self) -> str | None:
        def q(conn: Connection) -> str | None:
            return iso_day(conn.execute(select(func.max(t.events.c.day))).scalar())
        return self._cached(("last_day",), q)

    def default_window(self, f: Filters) -> Filters:
        """``f`` with ``since`` set to 30 days before the newest event when no dates are set."""
        if f.since or f.until:
            return f
        last = self.last_day()
        if last is None:
            return f
        since = (date.fromisoformat(last) - timedelta(days=OVERVIEW_DAYS - 1)).isoformat()
        return Filters(**{**f.__dict__, "since": since})

    def recent_year(self, f: Filters) -> Filters:
        """``f`` limited to the year before the newest event when no dates are set."""
        if f.since or f.until or self.last_day() is None:
            return f
        last = date.fromisoformat(self.last_day() or "")
        return Filters(**{**f.__dict__, "since": (last - timedelta(days=364)).isoformat()})

    def stats(self) -> dict[str, Any]:
        return self.cache.get_or_make(("stats",), self.store.stats)

    def daily(self, f: Filters) -> list[dict[str, Any]]:
        return self._cached(("daily", f), lambda c: queries.daily_by_quad(c, f))

    def actors(self, f: Filters, limit: int) -> list[dict[str, Any]]:
        return self._cached(("actors", f, limit), lambda c: query_actors(c, f, limit))

    def dyads(self, f: Filters, limit: int) -> list[dict[str, Any]]:
        return self._cached(("dyads", f, limit), lambda c: queries.dyad_edges(c, f, limit))

    def locations(self, f: Filters, limit: int) -> list[dict[str, Any]]:
        return self._cached(("loc", f, limit), lambda c: queries.locations(c, f, limit))

    def country_counts(self, f: Filters) -> dict[str, int]:
        return self._cached(("countries", f), lambda c: queries.country_counts(c, f))

    def latest(self, f: Filters, limit: int) -> list[dict[str, Any]]:
        """The newest events (cached like the other overview panels)."""
        return self._cached(("latest", f, limit),
                            lambda c: queries.search_events(c, f, limit)[0])

    def outlets(self) -> list[str]:
        return self._cached(("outlets",), queries.outlets)

    # -- rows --------------------------------------------------------------------------------
    def events(self, f: Filters, limit: int, offset: int = 0,
               cursor: str | None = None) -> tuple[list[dict[str, Any]], str | None]:
        return self._read(lambda c: queries.search_events(c, f, limit, offset, cursor))

    def iter_events(self, f: Filters) -> Iterator[dict[str, Any]]:
        with self._connect() as conn:
            yield from queries.iter_events(conn, f)

    def event(self, event_id: int) -> dict[str, Any] | None:
        return self._read(lambda c: queries.get_event(c, event_id))

    def mentions(self, event_id: int) -> list[dict[str, Any]]:
        return self._read(lambda c: event_mentions(c, event_id))

    def articles(self, outlet: str | None, contains: str | None, limit: int,
                 offset: int) -> list[dict[str, Any]]:
        return self._read(lambda c: queries.list_articles(
            c, outlet=outlet, contains=contains, limit=limit, offset=offset))

    def article(self, doc_id: str) -> dict[str, Any] | None:
        doc = self.store.get_document(doc_id)
        if doc is None:
            return None
        a = doc.article
        return {"id": doc.id, "url": a.url, "outlet": a.outlet, "title": a.title,
                "published": a.published, "language": a.language, "text": a.text,
                "authors": list(a.authors),
                "mentions": self._read(lambda c: queries.mentions_of_document(c, doc_id)),
                "quotes": [{"id": q.id, "start": q.start, "end": q.end, "kind": q.kind,
                            "speaker": q.speaker.name if q.speaker else None}
                           for q in doc.quotes]}

    def quotes(self, f: QuoteFilter, limit: int, offset: int) -> list[dict[str, Any]]:
        return self.store.query_quotes(f, limit, offset)

    def pair_events(self, a: str, b: str, f: Filters, limit: int = 100) -> list[dict[str, Any]]:
        return self._cached(("pair_events", a, b, f, limit),
                            lambda c: queries.pair_events(c, a, b, f, limit))

    # -- trends ------------------------------------------------------------------------------
    def trend(self, a: str, b: str, period: str, f: Filters,
              from_first_event: bool = False) -> dict[str, Any]:
        """Trend points, escalation alerts and reciprocity between ``a`` and ``b``.

        The series starts at ``f.since``, or at the first event when that is later and
        ``from_first_event`` is set (a default window rather than one the user chose).
        """
        def make(conn: Connection) -> dict[str, Any]:
            rows = queries.pair_rows(conn, a, b, f)
            since = parse_day(f.since + "-01" if f.since and len(f.since) == 7 else f.since) \
                if f.since else None
            if from_first_event and rows:
                first = min(r.day for r in rows)
                since = max(since, first) if since else first
            until = parse_day(f.until + "-01" if f.until and len(f.until) == 7 else f.until) \
                if f.until else None
            trend = pair_trend(rows, a, b, period=period, since=since, until=until)
            alerts = detect_escalations(rows, a, b, since=since, until=until)
            rec = reciprocity(rows, a, b)  # rows per day and quad class suffice
            return {"a": a, "b": b, "period": period,
                    "points": [p.to_dict() for p in trend.points],
                    "alerts": [x.to_dict() for x in alerts], "reciprocity": rec.to_dict()}
        return self._cached(("trend", a, b, period, f, from_first_event), make)

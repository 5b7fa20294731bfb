"""``Store``: write documents (one transaction each) and read them back."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, case, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from .. import __version__
from ..errors import StoreError
from ..records import Document, Event, Failure, Location
from . import minhash, queries, rows
from . import schema as t
from .clustering import DATE_WINDOW_DAYS as WINDOW
from .clustering import (
    Candidate,
    best_candidate,
    cluster_key,
    event_codes,
    event_day,
    parse_day,
    shift_day,
)
from .engine import DEFAULT_URL, is_sqlite, make_engine, writing
from .migrations import LATEST, current_version, migrate

OUTCOMES = ("stored", "duplicate", "new_version", "near_duplicate", "failed")

MAX_CANDIDATES = 1000
"""Most LSH band hits compared per new document (bounds the cost of boilerplate texts)."""


@dataclass
class IngestSummary:
    """What ``add_documents`` did.

    ``stored`` counts every newly stored document; ``new_version`` (a changed page at a URL
    already stored) and ``near_duplicate`` (linked to an earlier article of the same story)
    are the subsets of ``stored`` that are not new stories.  ``duplicate`` documents were
    already stored and were skipped; ``failed`` lists ``(id, reason)`` in ``failures``.
    """

    run_id: int = 0
    stored: int = 0
    duplicate: int = 0
    new_version: int = 0
    near_duplicate: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    event_mentions: int = 0
    events_created: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "stored": self.stored, "duplicate": self.duplicate,
            "new_version": self.new_version, "near_duplicate": self.near_duplicate,
            "failed": self.failed, "event_mentions": self.event_mentions,
            "events_created": self.events_created,
            "failures": [{"id": i, "error": e} for i, e in self.failures],
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _lock_id(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(),
                          "big", signed=True)


@dataclass
class _DocOutcome:
    outcome: str
    mentions: int = 0
    events_created: int = 0
    error: str = ""


def _one_line(exc: BaseException | None) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if orig is not None and str(orig).strip() else (
        type(exc).__name__)


class Store:
    """An event database.  Build one with ``open_store(url)``; use as a context manager."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        with self._read() as conn:
            return current_version(conn)

    def _read(self) -> Any:
        return self.engine.connect()

    # -- writing ---------------------------------------------------------------------------
    def add_documents(
        self, items: Iterable[Document | Failure], *, run_stages: Sequence[str] = (),
        on_item: Callable[[str, str], None] | None = None,
    ) -> IngestSummary:
        """Store each document in its own transaction; record failures; skip what is stored.

        Safe to rerun after a crash: a document is either stored whole or not at all, and
        stored ones are recognised and skipped.  ``on_item(id, outcome)`` is called after
        each item (outcome is one of ``OUTCOMES``).
        """
        summary = IngestSummary(run_id=self._start_run(run_stages))
        try:
            for item in items:
                if isinstance(item, Failure):
                    self._record_failure(item, summary.run_id)
                    summary.failed += 1
                    summary.failures.append((item.id, item.error))
                    outcome = "failed"
                else:
                    result = self._add_with_retry(item, summary.run_id)
                    outcome = result.outcome
                    if outcome == "failed":
                        reason = f"cannot store: {result.error}"
                        self._record_failure(Failure(item.id, item.article.url or item.id,
                                                     reason, "StoreError"), summary.run_id)
                        summary.failed += 1
                        summary.failures.append((item.id, reason))
                    elif outcome == "duplicate":
                        summary.duplicate += 1
                    else:
                        summary.stored += 1
                        summary.event_mentions += result.mentions
                        summary.events_created += result.events_created
                        if outcome == "new_version":
                            summary.new_version += 1
                        elif outcome == "near_duplicate":
                            summary.near_duplicate += 1
                if on_item is not None:
                    on_item(item.id, outcome)
        finally:
            self._finish_run(summary)
        return summary

    def add_document(self, doc: Document, run_id: int | None = None) -> str:
        """Store one document; its outcome (``stored``, ``duplicate``…)."""
        return self._add_with_retry(doc, run_id).outcome

    def _add_with_retry(self, doc: Document, run_id: int | None) -> _DocOutcome:
        """Store ``doc``; retry lock conflicts; a document the database refuses is ``failed``."""
        last: Exception | None = None
        for attempt in range(5):
            try:
                with writing(self.engine) as conn:
                    return self._add_one(conn, doc, run_id)
            except OperationalError as exc:  # deadlock, busy, lost connection: try again
                last = exc
                time.sleep(0.05 * (attempt + 1))
            except IntegrityError as exc:
                if self.has_document(doc.id):  # a concurrent writer stored it first
                    return _DocOutcome("duplicate")
                last = exc
            except SQLAlchemyError as exc:  # data this database cannot hold
                return _DocOutcome("failed", error=_one_line(exc))
        raise StoreError(f"could not store document: {_one_line(last)}",
                         origin=doc.article.url or doc.id)

    def _lock(self, conn: Connection, keys: Iterable[str]) -> None:
        """PostgreSQL: serialise writers on these keys (SQLite holds one write lock anyway)."""
        if is_sqlite(self.engine):
            return
        for lock in sorted({_lock_id(k) for k in keys}):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock})

    def _add_one(self, conn: Connection, doc: Document, run_id: int | None) -> _DocOutcome:
        url = doc.article.url
        chash = rows.content_hash(doc)
        self._lock(conn, [f"id:{doc.id}", f"url:{url}" if url else f"hash:{chash}"])
        docs = t.documents
        if conn.execute(select(docs.c.id).where(docs.c.id == doc.id)).first():
            return _DocOutcome("duplicate")
        version, previous = 1, None
        if url:
            versions = conn.execute(select(docs.c.id, docs.c.version, docs.c.content_hash,
                                           docs.c.duplicate_of)
                                    .where(docs.c.url == url).order_by(docs.c.version)).all()
            if any(v.content_hash == chash for v in versions):
                return _DocOutcome("duplicate")
            if versions:
                version, previous = versions[-1].version + 1, versions[-1]
        elif conn.execute(select(docs.c.id).where(and_(
                docs.c.content_hash == chash, docs.c.url.is_(None),
                docs.c.outlet.is_(None) if doc.article.outlet is None
                else docs.c.outlet == doc.article.outlet)).limit(1)).first():
            return _DocOutcome("duplicate")

        sig = minhash.signature_of(doc.article.text)
        bands = minhash.band_hashes(sig)
        dup_of, sim = self._near_duplicate(conn, sig, bands)
        if previous is not None:  # an updated page is the same article as its first version
            dup_of = previous.duplicate_of or previous.id
        now = _now()
        conn.execute(docs.insert(), rows.document_row(
            doc, version=version, run_id=run_id, ingested_at=now, duplicate_of=dup_of,
            similarity=sim, minhash=minhash.signature_bytes(sig)))
        if not minhash.is_empty(sig):
            conn.execute(t.doc_bands.insert(), [{"band": b, "hash": h, "doc_id": doc.id}
                                                for b, h in bands])
        if doc.entities:
            conn.execute(t.entities.insert(), rows.entity_rows(doc))
        mention_rows = rows.mention_rows(doc)
        if mention_rows:
            conn.execute(t.mentions.insert(), mention_rows)
        today = parse_day(now) or 19700101
        if doc.quotes:
            conn.execute(t.quotes.insert(),
                         rows.quote_rows(doc, parse_day(doc.article.published)))
        mentions, created = self._add_events(conn, doc, dup_of or doc.id, run_id, today, now)
        outcome = "new_version" if previous is not None else (
            "near_duplicate" if dup_of else "stored")
        return _DocOutcome(outcome, mentions, created)

    def _near_duplicate(self, conn: Connection, sig: Any,
                        bands: list[tuple[int, int]]) -> tuple[str | None, float | None]:
        """The group (first article) of the most similar stored document, if similar enough."""
        if minhash.is_empty(sig):
            return None, None
        b = t.doc_bands
        wanted = set(bands)
        cand_ids = {doc_id for band, hsh, doc_id in conn.execute(
            select(b.c.band, b.c.hash, b.c.doc_id).where(b.c.hash.in_([h for _, h in bands]))
            .limit(MAX_CANDIDATES)) if (band, hsh) in wanted}
        if not cand_ids:
            return None, None
        d = t.documents
        best: tuple[float, str] | None = None
        for doc_id, dup, blob in conn.execute(
                select(d.c.id, d.c.duplicate_of, d.c.minhash).where(d.c.id.in_(cand_ids))):
            if blob is None:
                continue
            s = minhash.similarity(sig, minhash.signature_from_bytes(blob))
            if s >= minhash.NEAR_DUPLICATE_JACCARD and (best is None or s > best[0]):
                best = (s, dup or doc_id)
        return (best[1], best[0]) if best else (None, None)

    def _add_events(self, conn: Connection, doc: Document, article_key: str,
                    run_id: int | None, today: int, now: str) -> tuple[int, int]:
        seen: set[str] = set()
        planned: list[tuple[Event, str, int]] = []
        for ev in doc.events:
            if ev.id in seen:
                continue
            seen.add(ev.id)
            planned.append((ev, cluster_key(ev), event_day(ev, doc, today)))
        if not planned:
            return 0, 0
        self._lock(conn, [f"event:{key}" for _, key, _ in planned])
        e, m = t.events, t.event_mentions
        touched: set[int] = set()
        created = 0
        for ev, key, day in planned:
            found = conn.execute(
                select(e.c.id, e.c.day, e.c.num_mentions, e.c.loc_name, e.c.loc_country,
                       e.c.loc_geonames_id, e.c.loc_lat, e.c.loc_lon, e.c.source_codes,
                       e.c.target_codes)
                .where(e.c.cluster_key == key,
                       e.c.day.between(shift_day(day, -WINDOW), shift_day(day, WINDOW)))).all()
            cands = [Candidate(r.id, r.day, _location(r), r.num_mentions,
                               _codes(r.source_codes), _codes(r.target_codes)) for r in found]
            chosen = best_candidate(day, ev.location, cands, event_codes(ev))
            if chosen is None:
                event_id = int(conn.execute(e.insert().returning(e.c.id),
                                            rows.event_row(ev, doc, key, day, now)).scalar_one())
                created += 1
            else:
                event_id = chosen.event_id
                if chosen.location is None and ev.location is not None:
                    conn.execute(e.update().where(e.c.id == event_id)
                                 .values(**rows.location_columns(ev.location)))
            counted = conn.execute(select(m.c.id).where(
                m.c.event_id == event_id, m.c.article_key == article_key,
                m.c.doc_id != doc.id).limit(1)).first() is None
            conn.execute(m.insert(), rows.event_mention_row(
                ev, doc, event_id=event_id, article_key=article_key, counted=counted,
                day=day, run_id=run_id))
            touched.add(event_id)
        for event_id in touched:
            self._recount(conn, event_id)
        return len(planned), created

    def _recount(self, conn: Connection, event_id: int) -> None:
        m = t.event_mentions
        source = func.coalesce(m.c.outlet, m.c.url, m.c.doc_id)
        n_mentions, n_articles, n_sources = conn.execute(select(
            func.coalesce(func.sum(case((m.c.counted, 1), else_=0)), 0),
            func.count(func.distinct(m.c.article_key)),
            func.count(func.distinct(source)),
        ).where(m.c.event_id == event_id)).one()
        conn.execute(t.events.update().where(t.events.c.id == event_id).values(
            num_mentions=int(n_mentions), num_articles=int(n_articles),
            num_sources=int(n_sources)))

    def _record_failure(self, item: Failure, run_id: int) -> None:
        with writing(self.engine) as conn:
            conn.execute(t.failures.insert().values(
                item_id=item.id[:200], origin=item.origin, error=item.error, kind=item.kind,
                run_id=run_id, failed_at=_now()))

    def _start_run(self, stages: Sequence[str]) -> int:
        with writing(self.engine) as conn:
            return int(conn.execute(t.runs.insert().values(
                started_at=_now(), stages=json.dumps(list(stages)),
                wirewatch_version=__version__).returning(t.runs.c.id)).scalar_one())

    def _finish_run(self, summary: IngestSummary) -> None:
        counts = {k: v for k, v in summary.as_dict().items() if k not in ("failures", "run_id")}
        with writing(self.engine) as conn:
            conn.execute(t.runs.update().where(t.runs.c.id == summary.run_id).values(
                finished_at=_now(), counts=json.dumps(counts)))

    # -- documents and state ---------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self._read() as conn:
            d = t.documents
            return conn.execute(select(d.c.id).where(d.c.id == doc_id)).first() is not None

    def get_document(self, doc_id: str) -> Document | None:
        with self._read() as conn:
            d = t.documents
            data = conn.execute(select(d.c.data).where(d.c.id == doc_id)).scalar()
        return Document.from_dict(json.loads(data)) if data else None

    def get_state(self, key: str) -> str | None:
        with self._read() as conn:
            value = conn.execute(select(t.state.c.value).where(t.state.c.key == key)).scalar()
        return None if value is None else str(value)

    def set_state(self, key: str, value: str) -> None:
        with writing(self.engine) as conn:
            self._lock(conn, [f"state:{key}"])
            s = t.state
            done = conn.execute(s.update().where(s.c.key == key)
                                .values(value=value, updated_at=_now())).rowcount
            if not done:
                conn.execute(s.insert().values(key=key, value=value, updated_at=_now()))

    def stats(self) -> dict[str, Any]:
        """Row counts and the schema version."""
        with self._read() as conn:
            def count(table: Any, *where: Any) -> int:
                return int(conn.execute(select(func.count()).select_from(table)
                                        .where(*where)).scalar_one())
            d, e = t.documents, t.events
            return {
                "database": self.url,
                "schema_version": current_version(conn),
                "latest_schema_version": LATEST,
                "documents": count(d),
                "new_versions": count(d, d.c.version > 1),
                "near_duplicates": count(d, d.c.duplicate_of.is_not(None)),
                "entities": count(t.entities),
                "quotes": count(t.quotes),
                "event_mentions": count(t.event_mentions),
                "events": count(e),
                "runs": count(t.runs),
                "failures": count(t.failures),
            }

    # -- reading events (see queries.py) ---------------------------------------------------
    def query_events(self, filters: queries.EventFilter | None = None, limit: int = 100,
                     offset: int = 0, cursor: str | None = None) -> queries.Page:
        with self._read() as conn:
            return queries.query_events(conn, filters or queries.EventFilter(), limit,
                                        offset, cursor)

    def iter_events(self, filters: queries.EventFilter | None = None,
                    batch_size: int = 5000) -> Iterator[dict[str, Any]]:
        """Every matching event in (day, id) order, fetched in pages (constant memory)."""
        cursor: str | None = None
        while True:
            page = self.query_events(filters, limit=batch_size, cursor=cursor)
            yield from page.rows
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def event_mentions(self, event_id: int) -> list[dict[str, Any]]:
        with self._read() as conn:
            return queries.event_mentions(conn, event_id)

    def query_quotes(self, filters: queries.QuoteFilter | None = None, limit: int = 100,
                     offset: int = 0) -> list[dict[str, Any]]:
        with self._read() as conn:
            return queries.query_quotes(conn, filters or queries.QuoteFilter(), limit, offset)

    def query_actors(self, filters: queries.EventFilter | None = None,
                     limit: int = 100) -> list[dict[str, Any]]:
        with self._read() as conn:
            return queries.query_actors(conn, filters or queries.EventFilter(), limit)

    def dyads(self, filters: queries.EventFilter | None = None,
              limit: int = 100) -> list[dict[str, Any]]:
        with self._read() as conn:
            return queries.dyads(conn, filters or queries.EventFilter(), limit)

    def daily_counts(self, filters: queries.EventFilter | None = None,
                     by: str | None = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            return queries.daily_counts(conn, filters or queries.EventFilter(), by)


def _codes(actors_json: str | None) -> tuple[str | None, ...]:
    return tuple(a.get("code") for a in json.loads(actors_json or "[]"))


def _location(r: Any) -> Location | None:
    if r.loc_name is None and r.loc_country is None:
        return None
    return Location(name=r.loc_name or "", country=r.loc_country, geonames_id=r.loc_geonames_id,
                    latitude=r.loc_lat, longitude=r.loc_lon)


def open_store(url: str = DEFAULT_URL, *, create: bool = True,
               migrate_schema: bool = True) -> Store:
    """Connect to ``url`` and bring its schema up to date (creating it when ``create``).

    With ``create=False`` a database without the wirewatch schema is an error (readers use
    this so a mistyped path does not silently give an empty database).
    """
    if not create and url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if path and path != ":memory:" and not os.path.exists(path):
            raise StoreError("no such database file (create it with `wirewatch db init`)",
                             origin=url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            version = current_version(conn)
    except SQLAlchemyError as exc:
        engine.dispose()
        orig = getattr(exc, "orig", None)
        first_line = (str(orig) if orig else str(exc)).splitlines()[0]
        raise StoreError(f"cannot open database: {first_line}", origin=url) from exc
    if version == 0 and not create:
        engine.dispose()
        raise StoreError("not a wirewatch database (create it with `wirewatch db init`)",
                         origin=url)
    if migrate_schema and version < LATEST:
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
    return Store(engine)

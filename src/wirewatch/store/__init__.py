"""The event database: store documents, deduplicate events, query and export.

One schema (SQLAlchemy Core) for SQLite (WAL mode; default ``sqlite:///wirewatch.db``) and
PostgreSQL (``postgresql://user@host:5432/db``; psycopg 3)::

    from wirewatch.store import open_store, EventFilter

    with open_store("sqlite:///wirewatch.db") as store:     # creates / migrates the schema
        summary = store.add_documents(docs_and_failures, run_stages=pipeline.stage_names)
        summary.stored, summary.duplicate, summary.new_version, summary.near_duplicate
        summary.failed, summary.failures                       # [(id, reason), ...]
        store.has_document(doc_id); store.get_document(doc_id)  # -> Document | None
        store.set_state("feed:https://…", "etag…"); store.get_state("feed:https://…")
        store.stats()                                           # row counts, schema version
        page = store.query_events(EventFilter(source="PRK", root="19", since="2024-01-01"),
                                  limit=50)                     # page.rows, page.next_cursor
        for ev in store.iter_events(EventFilter(actor="RUS")): ...   # streamed
        store.event_mentions(ev["id"])                          # one row per reporting article
        store.query_quotes(QuoteFilter(speaker="PRK")); store.query_actors(EventFilter())
        store.dyads(EventFilter(since="2024-01")); store.daily_counts(EventFilter(), by="root")

``add_documents`` takes ``Document`` or ``Failure`` items (what ``Pipeline.process_many``
yields).  Each document is stored in one transaction, so killing the process never leaves
a partial document; rerunning skips what is stored (same id, or same URL and content).
A changed page at a stored URL is a new version (the old one is kept).  Near-duplicate
articles (MinHash/LSH, ``minhash.py``) are stored and linked through ``duplicate_of`` and
are not counted twice.  Event mentions are clustered into events (``clustering.py``) that
carry ``num_mentions``, ``num_sources`` and ``num_articles`` as in GDELT 2.0.
Exports (GDELT 2.0 61 columns, CSV, JSONL, Parquet) live in ``export.py``.
"""

from __future__ import annotations

from .engine import DEFAULT_URL, make_engine
from .migrations import LATEST as LATEST_SCHEMA_VERSION
from .migrations import migrate
from .queries import EventFilter, Page, QuoteFilter
from .store import IngestSummary, Store, open_store

__all__ = [
    "DEFAULT_URL",
    "LATEST_SCHEMA_VERSION",
    "EventFilter",
    "IngestSummary",
    "Page",
    "QuoteFilter",
    "Store",
    "make_engine",
    "migrate",
    "open_store",
]

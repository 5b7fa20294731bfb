"""The database schema (SQLAlchemy Core), one for SQLite and PostgreSQL.

Tables and what they hold:

``documents``       one row per stored article version (full ``Document`` JSON in ``data``);
                    ``version`` counts versions of one URL, ``duplicate_of`` links a
                    near-duplicate to the first article of its group (``similarity`` = Jaccard)
``doc_bands``       MinHash LSH band hashes of each document (near-duplicate lookup)
``entities``        entities of each document; ``mentions`` their spans
``quotes``          attributed quotes of each document
``event_mentions``  one coded event as one article reports it (trigger, sentence, modality…)
``events``          deduplicated real-world events, GDELT-2.0 style, with ``num_mentions``,
                    ``num_sources`` and ``num_articles``
``runs``            each ingest run: pipeline stages and versions, counts
``failures``        inputs that failed, with the reason
``state``           small key/value store (feed watch state, resume markers)
``schema_migrations`` applied migrations

A column or table added by a later migration carries ``info={"since": N}``; migration ``N``
creates exactly those (see ``migrations.py``).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", Text, nullable=False),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    Column("stages", Text, nullable=False),
    Column("wirewatch_version", Text),
    Column("counts", Text),
)

documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Text),
    Column("language", Text),
    Column("content_hash", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("stages", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("ingested_at", Text, nullable=False),
    Column("duplicate_of", Text, info={"since": 2}),
    Column("similarity", Float, info={"since": 2}),
    Column("minhash", LargeBinary, info={"since": 2}),
    UniqueConstraint("url", "version", name="uq_documents_url_version"),
)
Index("ix_documents_url", documents.c.url)
Index("ix_documents_hash", documents.c.content_hash)
Index("ix_documents_duplicate_of", documents.c.duplicate_of, info={"since": 2})

doc_bands = Table(  # primary key led by ``hash``: the lookup is ``hash IN (...)``
    "doc_bands", metadata,
    Column("hash", BigInteger, primary_key=True, autoincrement=False),
    Column("band", Integer, primary_key=True, autoincrement=False),
    Column("doc_id", Text, ForeignKey("documents.id"), primary_key=True),
    info={"since": 2},
)

entities = Table(
    "entities", metadata,
    Column("doc_id", Text, ForeignKey("documents.id"), primary_key=True),
    Column("entity_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("actor_code", Text),
    Column("country", Text),
    Column("affiliation", Text),
    Column("roles", Text),
    Column("geonames_id", BigInteger),
)
Index("ix_entities_actor_code", entities.c.actor_code)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", Text, ForeignKey("documents.id"), nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text),
)
Index("ix_mentions_doc", mentions.c.doc_id, mentions.c.entity_id)

quotes = Table(
    "quotes", metadata,
    Column("doc_id", Text, ForeignKey("documents.id"), primary_key=True),
    Column("quote_id", Text, primary_key=True),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_entity", Text),
    Column("speaker_code", Text),
    Column("cue", Text),
    Column("via_name", Text),
    Column("via_code", Text),
    Column("day", Integer),
    Column("outlet", Text),
)
Index("ix_quotes_speaker_code", quotes.c.speaker_code)
Index("ix_quotes_day", quotes.c.day)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("cluster_key", Text, nullable=False),
    Column("day", Integer, nullable=False),
    Column("source_code", Text),
    Column("source_codes", Text),
    Column("source_name", Text),
    Column("source_country", Text),
    Column("target_code", Text),
    Column("target_codes", Text),
    Column("target_name", Text),
    Column("target_country", Text),
    Column("cameo", Text, nullable=False),
    Column("cameo_root", Text, nullable=False),
    Column("plover_type", Text),
    Column("plover_mode", Text),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("modality", Text),
    Column("is_root", Boolean, nullable=False, default=False),
    Column("loc_name", Text),
    Column("loc_country", Text),
    Column("loc_geonames_id", BigInteger),
    Column("loc_lat", Float),
    Column("loc_lon", Float),
    Column("loc_feature", Text),
    Column("num_mentions", Integer, nullable=False, default=0),
    Column("num_sources", Integer, nullable=False, default=0),
    Column("num_articles", Integer, nullable=False, default=0),
    Column("source_url", Text),
    Column("first_doc_id", Text),
    Column("date_added", Text, nullable=False),
)
Index("ix_events_cluster", events.c.cluster_key, events.c.day)
Index("ix_events_country_pair_day", events.c.source_country, events.c.target_country,
      events.c.day, info={"since": 4})
Index("ix_events_source_day", events.c.source_country, events.c.day, events.c.num_mentions,
      info={"since": 4})
Index("ix_events_target_country_day", events.c.target_country, events.c.day,
      events.c.num_mentions, info={"since": 4})
Index("ix_events_codes", events.c.source_code, events.c.target_code, info={"since": 4})
Index("ix_events_day_cover", events.c.day, events.c.cameo_root, events.c.quad_class,
      events.c.num_mentions, events.c.source_code, events.c.target_code, events.c.goldstein,
      info={"since": 4})
Index("ix_events_day_root", events.c.day, events.c.cameo_root, events.c.num_mentions,
      info={"since": 5})  # narrow cover for daily counts (by root) over long ranges
Index("ix_events_codes_day", events.c.source_code, events.c.target_code, events.c.day,
      events.c.quad_class, events.c.goldstein,
      info={"since": 5})  # actor-pair timelines: day range seeks, read from the index alone
Index("ix_events_target_codes_day", events.c.target_code, events.c.source_code, events.c.day,
      events.c.quad_class, events.c.goldstein,
      info={"since": 5})  # the same led by target (target code lookups, reverse direction)
# Event search (``read_ordered``: one actor side, newest first, a page at a time): seek the
# country, read in (day, id) order so the scan stops after the page, and test a CAMEO root
# filter on the index entry before reading the row. ``id`` is a key column, not SQLite's
# hidden rowid suffix, so PostgreSQL reads the order from the index too; the v4 indexes above
# (trailing ``num_mentions``, for covering daily counts) give neither.
Index("ix_events_source_search", events.c.source_country, events.c.day, events.c.id,
      events.c.cameo_root, info={"since": 6})
Index("ix_events_target_search", events.c.target_country, events.c.day, events.c.id,
      events.c.cameo_root, info={"since": 6})
Index("ix_events_root_day", events.c.cameo_root, events.c.day, info={"since": 3})
Index("ix_events_plover_day", events.c.plover_type, events.c.day, info={"since": 3})

event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
    Column("doc_id", Text, ForeignKey("documents.id"), nullable=False),
    Column("local_id", Text, nullable=False),
    Column("article_key", Text, nullable=False),
    Column("counted", Boolean, nullable=False, default=True),
    Column("outlet", Text),
    Column("url", Text),
    Column("day", Integer, nullable=False),
    Column("cameo", Text, nullable=False),
    Column("cameo_root", Text, nullable=False),
    Column("plover_type", Text),
    Column("plover_mode", Text),
    Column("source_codes", Text),
    Column("target_codes", Text),
    Column("modality", Text),
    Column("asserted_by", Text),
    Column("asserted_by_code", Text),
    Column("confidence", Float),
    Column("goldstein", Float),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("trigger_text", Text),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("pattern", Text),
    Column("loc_name", Text),
    Column("stages", Text),
    Column("run_id", Integer, ForeignKey("runs.id")),
    UniqueConstraint("doc_id", "local_id", name="uq_event_mentions_doc_local"),
)
Index("ix_event_mentions_event", event_mentions.c.event_id)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Text, nullable=False),
    Column("origin", Text),
    Column("error", Text, nullable=False),
    Column("kind", Text),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("failed_at", Text, nullable=False),
)
Index("ix_failures_item", failures.c.item_id)

state = Table(
    "state", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

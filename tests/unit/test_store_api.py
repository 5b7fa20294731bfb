"""The store's public API: what other packages (ingest, API, dashboard) import."""

from __future__ import annotations

import wirewatch.store as store_pkg
from wirewatch.store import EventFilter, IngestSummary
from wirewatch.store.migrations import LATEST, migrations


def test_public_names_exist_once() -> None:  # (ruff RUF022 keeps ``__all__`` sorted)
    assert len(set(store_pkg.__all__)) == len(store_pkg.__all__)
    assert all(hasattr(store_pkg, name) for name in store_pkg.__all__)


def test_migrations_are_numbered_in_order_without_gaps() -> None:
    versions = [m.version for m in migrations()]
    assert versions == list(range(1, LATEST + 1)) and all(m.name for m in migrations())


def test_summary_and_filter_defaults() -> None:
    s = IngestSummary()
    assert s.as_dict()["stored"] == 0 and s.failures == []
    assert EventFilter().clauses() == []
    assert len(EventFilter(actor="PRK", root=("18", "19"), since="2024-01").clauses()) == 3

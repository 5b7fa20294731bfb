"""Fixtures shared by the store-backed integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wirewatch.store.testing import postgres_unavailable, temporary_postgres_schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL: a SQLite file, then a throwaway PostgreSQL schema (skipped
    when no server answers)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ww.db'}"
        return
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    with temporary_postgres_schema() as url:
        yield url

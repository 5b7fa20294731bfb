"""Helpers for tests that need a real database: a throw-away PostgreSQL schema.

``temporary_postgres_schema()`` creates a uniquely named schema on the server named by
``$WIREWATCH_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``), yields a
URL whose ``search_path`` points at it, and drops it afterwards; ``postgres_unavailable()``
gives the reason to skip when the server cannot be reached.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

DEFAULT_TEST_PG = "postgresql://postgres@127.0.0.1:5432/test"


def pg_test_url() -> str:
    return os.environ.get("WIREWATCH_TEST_PG", DEFAULT_TEST_PG)


def _connect(url: str) -> object:
    import psycopg

    return psycopg.connect(url, connect_timeout=3, autocommit=True)


def postgres_unavailable(url: str | None = None) -> str | None:
    """``None`` when the server answers, else why not (for ``pytest.skip``)."""
    url = url or pg_test_url()
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    try:
        conn = _connect(url)
    except Exception as exc:  # any connection failure means: skip
        return f"PostgreSQL at {url} is unreachable: {str(exc).splitlines()[0]}"
    conn.close()  # type: ignore[attr-defined]
    return None


def with_search_path(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def temporary_postgres_schema(url: str | None = None, prefix: str = "ww_test") -> Iterator[str]:
    """A URL to a fresh, empty schema, dropped (with everything in it) afterwards."""
    url = url or pg_test_url()
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    conn = _connect(url)
    try:
        conn.execute(f'CREATE SCHEMA "{schema}"')  # type: ignore[attr-defined]
        yield with_search_path(url, schema)
    finally:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')  # type: ignore[attr-defined]
        conn.close()  # type: ignore[attr-defined]

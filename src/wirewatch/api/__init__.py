"""The analyst's API and dashboard (FastAPI): ``create_app(store, settings)``.

Read endpoints under ``/api`` (events with every filter of ``wirewatch events``, mentions,
articles, actors, dyads, quotes, daily counts, trends, CSV/JSONL exports), the dashboard
pages at ``/``, OpenAPI docs at ``/docs`` (assets served locally) and ``POST /documents``
(off unless a bearer token is configured).  ``wirewatch serve --db URL`` runs it.

FastAPI is imported only when an app is made, so ``wirewatch trends`` (which shares
``service.py`` and ``queries.py``) works without the ``serve`` extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ..config import Settings
    from ..store import Store


def create_app(store: Store, settings: Settings | None = None, **options: Any) -> FastAPI:
    """See ``wirewatch.api.app.create_app`` (options: token, max_body_bytes, cache_seconds)."""
    from .app import create_app as make

    return make(store, settings, **options)


__all__ = ["create_app"]

"""The analyst's API and dashboard (FastAPI): ``create_app(store, settings)``.

Read endpoints under ``/api`` (events with every filter of ``wirewatch events``, mentions,
articles, actors, dyads, quotes, daily counts, trends, CSV/JSONL exports), the dashboard
pages at ``/``, OpenAPI docs at ``/docs`` (assets served locally) and ``POST /documents``
(off unless a bearer token is configured).  ``wirewatch serve --db URL`` runs it.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]

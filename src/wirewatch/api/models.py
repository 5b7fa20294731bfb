"""Pydantic models at the API's edge (responses); records stay dataclasses inside."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ActorRef(Model):
    name: str | None = None
    code: str | None = None


class EventOut(Model):
    """A deduplicated real-world event (GDELT 2.0 style: mentions counted separately)."""

    id: int
    date: str | None = None
    source_code: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    target_code: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    source_actors: list[ActorRef] = []
    target_actors: list[ActorRef] = []
    cameo: str
    cameo_root: str
    plover_type: str | None = None
    plover_mode: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    modality: str | None = None
    loc_name: str | None = None
    loc_country: str | None = None
    loc_lat: float | None = None
    loc_lon: float | None = None
    num_mentions: int = 0
    num_sources: int = 0
    num_articles: int = 0
    source_url: str | None = None
    first_doc_id: str | None = None


class EventPage(Model):
    items: list[EventOut]
    next_cursor: str | None = None
    """Pass as ``cursor`` to get the next page; ``null`` on the last page."""


class MentionOut(Model):
    """One article's report of an event, with where in the text it was found."""

    id: int
    event_id: int
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    cameo: str
    modality: str | None = None
    asserted_by: str | None = None
    asserted_by_code: str | None = None
    confidence: float | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    trigger_text: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    pattern: str | None = None
    stages: list[str] = []
    duplicate_of: str | None = None
    counted: bool = True


class ArticleOut(Model):
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    version: int = 1
    duplicate_of: str | None = None


class ArticleDetail(ArticleOut):
    text: str
    authors: list[str] = []
    mentions: list[dict[str, Any]] = []


class ActorOut(Model):
    actor_code: str
    name: str | None = None
    as_source: int
    as_target: int
    events: int


class DyadOut(Model):
    source: str
    target: str
    events: int
    conflict: int
    goldstein_mean: float | None = None


class QuoteOut(Model):
    doc_id: str
    quote_id: str
    text: str
    kind: str
    start_char: int
    end_char: int
    speaker_name: str | None = None
    speaker_code: str | None = None
    cue: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


class DailyOut(Model):
    day: str
    q1: int
    q2: int
    q3: int
    q4: int
    events: int


class TrendOut(Model):
    """Trend, escalation alerts and reciprocity between two actors."""

    a: str
    b: str
    period: str
    points: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    reciprocity: dict[str, Any]


class DocumentIn(Model):
    """``POST /documents`` as JSON; a bare ``text/html`` or ``text/plain`` body also works."""

    html: str | None = None
    text: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None


class IngestOut(Model):
    id: str
    stored: bool
    outcome: str
    events: int
    quotes: int

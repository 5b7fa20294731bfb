"""JSON read endpoints under ``/api`` and streaming exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from ..analysis import parse_pair
from ..errors import InputError
from ..store import QuoteFilter
from .fastjson import FastJSON, event_json
from .models import (
    ActorOut,
    ArticleDetail,
    ArticleOut,
    DailyOut,
    DyadOut,
    EventOut,
    EventPage,
    MentionOut,
    QuoteOut,
    TrendOut,
)
from .params import DATE, Cursor, Limit, Offset, event_filters, real_date
from .queries import Filters
from .service import Service

router = APIRouter(prefix="/api")
FiltersDep = Annotated[Filters, Depends(event_filters)]
EXPORT_COLUMNS = (
    "id", "date", "source_code", "source_name", "target_code", "target_name", "cameo",
    "cameo_root", "plover_type", "plover_mode", "quad_class", "goldstein", "modality",
    "loc_name", "loc_country", "loc_lat", "loc_lon", "num_mentions", "num_sources",
    "num_articles", "source_url",
)


async def service(request: Request) -> Service:
    """The app's ``Service`` (``async``: no thread-pool hop for a lookup)."""
    svc: Service = request.app.state.service
    return svc


Svc = Annotated[Service, Depends(service)]


@router.get("/stats", summary="Row counts and schema version")
def stats(svc: Svc) -> dict[str, Any]:
    return svc.stats()


@router.get("/events", response_model=EventPage, response_class=FastJSON,
            summary="Search events (newest first)")
def events(svc: Svc, f: FiltersDep, limit: Limit = 50, offset: Offset = 0,
           cursor: Cursor = None) -> Response:
    rows, nxt = svc.events(f, limit, offset, cursor)
    return FastJSON({"items": [event_json(r) for r in rows], "next_cursor": nxt})


@router.get("/events/{event_id}", response_model=EventOut, response_class=FastJSON)
def event(svc: Svc, event_id: int) -> Response:
    found = svc.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return FastJSON(event_json(found))


@router.get("/events/{event_id}/mentions", response_model=list[MentionOut],
            summary="The articles that report an event, with trigger and sentence offsets")
def event_mentions(svc: Svc, event_id: int) -> list[dict[str, Any]]:
    if svc.event(event_id) is None:
        raise HTTPException(404, f"no event {event_id}")
    return svc.mentions(event_id)


@router.get("/articles", response_model=list[ArticleOut])
def articles(svc: Svc, outlet: str | None = None,
             q: Annotated[str | None, Query(max_length=200,
                                            description="Words in the title.")] = None,
             limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
    return svc.articles(outlet or None, q or None, limit, offset)


@router.get("/articles/{doc_id}", response_model=ArticleDetail)
def article(svc: Svc, doc_id: str) -> dict[str, Any]:
    found = svc.article(doc_id)
    if found is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    return found


@router.get("/actors", response_model=list[ActorOut], summary="Most active actors")
def actors(svc: Svc, f: FiltersDep, limit: Limit = 50) -> list[dict[str, Any]]:
    return svc.actors(f, limit)


@router.get("/dyads", response_model=list[DyadOut],
            summary="Directed country pairs with volume and tone (also the network edges)")
def dyads(svc: Svc, f: FiltersDep, limit: Limit = 100) -> list[dict[str, Any]]:
    return svc.dyads(f, limit)


@router.get("/locations", summary="Event places with coordinates (for the map)")
def locations(svc: Svc, f: FiltersDep, limit: Limit = 500) -> dict[str, Any]:
    return {"places": svc.locations(f, limit), "countries": svc.country_counts(f)}


@router.get("/daily", response_model=list[DailyOut], summary="Events per day by quad class")
def daily(svc: Svc, f: FiltersDep) -> list[dict[str, Any]]:
    return svc.daily(f)


@router.get("/quotes", response_model=list[QuoteOut])
def quotes(
    svc: Svc,
    speaker: Annotated[str | None, Query(max_length=100)] = None,
    contains: Annotated[str | None, Query(max_length=200)] = None,
    outlet: str | None = None,
    since: Annotated[str | None, Query(pattern=DATE)] = None,
    until: Annotated[str | None, Query(pattern=DATE)] = None,
    kind: Annotated[str | None, Query(pattern=r"^[a-z_]{1,20}$")] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> list[dict[str, Any]]:
    f = QuoteFilter(speaker=speaker or None, contains=contains or None, outlet=outlet or None,
                    since=real_date("since", since), until=real_date("until", until), kind=kind)
    return svc.quotes(f, limit, offset)


@router.get("/trends", response_model=TrendOut,
            summary="Trend, escalation alerts and reciprocity between two actors")
def trends(
    svc: Svc, f: FiltersDep,
    pair: Annotated[str, Query(description="Two actor code prefixes: PRK-USA.")],
    period: Annotated[str, Query(pattern="^(day|week)$")] = "week",
) -> dict[str, Any]:
    try:
        a, b = parse_pair(pair)
    except InputError as exc:
        raise HTTPException(422, f"pair: {exc.message}, not {pair!r}") from exc
    return svc.trend(a, b, period, f)


def _csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_COLUMNS)
    for i, row in enumerate(rows, 1):
        writer.writerow([row.get(c) for c in EXPORT_COLUMNS])
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _jsonl_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, default=str) + "\n"


@router.get("/export/events.{fmt}", summary="Stream all matching events as CSV or JSONL")
def export_events(svc: Svc, f: FiltersDep,
                  fmt: Annotated[str, Path(pattern="^(csv|jsonl)$")]) -> StreamingResponse:
    rows = svc.iter_events(f)
    if fmt == "csv":
        return StreamingResponse(_csv_lines(rows), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": "attachment; "
                                          "filename=events.csv"})
    return StreamingResponse(_jsonl_lines(rows), media_type="application/x-ndjson")

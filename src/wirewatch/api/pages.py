"""Server-rendered dashboard pages; charts are drawn by ``static/dashboard.js`` from JSON
embedded in the page, so each view is one request and every filter lives in the URL."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..analysis import parse_pair
from ..errors import InputError
from ..store import QuoteFilter
from ..web import TEMPLATES, WORLD_GEOJSON
from .params import Cursor, event_filters
from .queries import Filters
from .routes import Svc

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(TEMPLATES))
FiltersDep = Annotated[Filters, Depends(event_filters)]
PAIR_EVENTS = 50
"""Events listed under the pair charts; the rest are one click away on /events."""
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def _json(data: Any) -> str:
    """JSON safe to embed in a ``<script type="application/json">`` element."""
    return json.dumps(data, default=str).replace("</", "<\\/")


def _render(request: Request, name: str, svc: Any, f: Filters | None, **ctx: Any) -> Any:
    params = f.as_params() if f else {}
    return templates.TemplateResponse(request, name, {
        "filters": f or Filters(), "params": params, "query": urlencode(params),
        "outlets": svc.outlets() if svc else [], "quad_names": QUAD_NAMES, "json": _json,
        "urlencode": urlencode, **ctx,
    })


def error_page(request: Request, status: int, message: str) -> Any:
    resp = templates.TemplateResponse(request, "error.html", {
        "status": status, "message": message, "filters": Filters(), "params": {},
        "query": "", "outlets": [], "quad_names": QUAD_NAMES, "json": _json,
        "urlencode": urlencode, "hide_filters": True}, status_code=status)
    return resp


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, svc: Svc, f: FiltersDep) -> Any:
    window = svc.default_window(f)
    latest = svc.latest(window, 15)
    return _render(request, "overview.html", svc, f, window=window, stats=svc.stats(),
                   daily=svc.daily(window), actors=svc.actors(window, 12),
                   pairs=svc.dyads(window, 12), latest=latest)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, svc: Svc, f: FiltersDep, cursor: Cursor = None) -> Any:
    rows, nxt = svc.events(f, 50, cursor=cursor)
    return _render(request, "events.html", svc, f, rows=rows, next_cursor=nxt,
                   cursor=cursor)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def evidence(request: Request, svc: Svc, event_id: int,
             mention: Annotated[int | None, Query(ge=1)] = None) -> Any:
    ev = svc.event(event_id)
    if ev is None:
        raise HTTPException(404, f"no event {event_id}")
    mentions = svc.mentions(event_id)
    chosen = next((m for m in mentions if m["id"] == mention), mentions[0] if mentions else None)
    article = svc.article(chosen["doc_id"]) if chosen else None
    marked = highlight(article["text"], chosen) if article and chosen else None
    return _render(request, "evidence.html", svc, None, ev=ev, mentions=mentions,
                   chosen=chosen, article=article, marked=marked, hide_filters=True)


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, svc: Svc, doc_id: str,
                 start: Annotated[int | None, Query(ge=0)] = None,
                 end: Annotated[int | None, Query(ge=0)] = None) -> Any:
    article = svc.article(doc_id)
    if article is None:
        raise HTTPException(404, f"no article {doc_id!r}")
    span = {"sentence_start": start, "sentence_end": end} if start is not None and end else None
    return _render(request, "article.html", svc, None, article=article,
                   marked=highlight(article["text"], span), hide_filters=True)


@router.get("/pair", response_class=HTMLResponse)
def pair_page(request: Request, svc: Svc, f: FiltersDep,
              a: Annotated[str, Query(pattern=r"^[A-Za-z0-9]{1,32}$")] = "",
              b: Annotated[str, Query(pattern=r"^[A-Za-z0-9]{1,32}$")] = "",
              period: Annotated[str, Query(pattern="^(day|week)$")] = "week") -> Any:
    if not a or not b:
        pairs = svc.dyads(svc.default_window(f), 1)
        if not pairs:
            return _render(request, "pair.html", svc, f, a="", b="", period=period,
                           trend=None, rows=[])
        a, b = pairs[0]["source"], pairs[0]["target"]
    try:
        a, b = parse_pair(f"{a}-{b}")
    except InputError as exc:
        raise HTTPException(422, exc.message) from exc
    window = svc.recent_year(f)
    trend = svc.trend(a, b, period, window, from_first_event=window is not f)
    rows = svc.pair_events(a, b, window, PAIR_EVENTS)
    return _render(request, "pair.html", svc, f, a=a, b=b, period=period, trend=trend,
                   rows=rows, window=window)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, svc: Svc, f: FiltersDep,
                 edges: Annotated[int, Query(ge=5, le=500)] = 80) -> Any:
    window = svc.default_window(f)
    return _render(request, "network.html", svc, f, window=window,
                   edges=svc.dyads(window, edges), max_edges=edges)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, svc: Svc, f: FiltersDep) -> Any:
    window = svc.default_window(f)
    return _render(request, "map.html", svc, f, window=window,
                   places=svc.locations(window, 400), countries=svc.country_counts(window),
                   world_url=f"/static/{WORLD_GEOJSON}")


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, svc: Svc,
                speaker: Annotated[str | None, Query(max_length=100)] = None,
                contains: Annotated[str | None, Query(max_length=200)] = None,
                offset: Annotated[int, Query(ge=0)] = 0) -> Any:
    qf = QuoteFilter(speaker=speaker or None, contains=contains or None)
    rows = svc.quotes(qf, 50, offset)
    return _render(request, "quotes.html", svc, None, rows=rows, speaker=speaker or "",
                   contains=contains or "", offset=offset, hide_filters=True)


def highlight(text: str, span: dict[str, Any] | None) -> dict[str, Any]:
    """Split ``text`` around the evidence: ``before``, the sentence as ``parts`` (each
    ``(piece, is_trigger)``) and ``after``; no span (or a bad one) leaves all in ``before``."""
    whole = {"before": text, "parts": [], "after": ""}
    if not span:
        return whole
    n = len(text)

    def ok(a: Any, b: Any) -> bool:
        return isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= n

    s0, s1 = span.get("sentence_start"), span.get("sentence_end")
    t0, t1 = span.get("trigger_start"), span.get("trigger_end")
    if not ok(s0, s1):
        if not ok(t0, t1):
            return whole
        s0, s1 = t0, t1
    assert isinstance(s0, int) and isinstance(s1, int)
    if ok(t0, t1) and isinstance(t0, int) and isinstance(t1, int) and s0 <= t0 and t1 <= s1:
        parts = [(text[s0:t0], False), (text[t0:t1], True), (text[t1:s1], False)]
    else:
        parts = [(text[s0:s1], False)]
    return {"before": text[:s0], "parts": [p for p in parts if p[0]], "after": text[s1:]}

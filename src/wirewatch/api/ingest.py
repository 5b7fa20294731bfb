"""``POST /documents``: one article in, the pipeline run, the result stored.

Off unless a token is configured; the caller sends ``Authorization: Bearer TOKEN``.  The body
is JSON (``{"html"|"text", url?, published?, outlet?, title?}``) or a bare ``text/html`` /
``text/plain`` body with the same fields as query parameters.  Bodies over the size limit
are refused with 413 before they are read whole.
"""

from __future__ import annotations

import hmac
import json
import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import ValidationError

from ..errors import InputError, TooLargeError, WirewatchError
from ..ingest.inputs import raw_from_record
from ..pipeline import Pipeline
from .models import DocumentIn, IngestOut

router = APIRouter()
_pipeline_lock = threading.Lock()


def _check_token(request: Request) -> None:
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "POST /documents is off: start the server with a token "
                                 "(wirewatch serve --token-env NAME)")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip(), token):
        raise HTTPException(401, "missing or wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body over the {limit:,}-byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body over the {limit:,}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _record(body: bytes, content_type: str, params: dict[str, str]) -> dict[str, Any]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(415, "body must be UTF-8") from exc
    if content_type.startswith("application/json"):
        try:
            doc = DocumentIn.model_validate(json.loads(text))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise HTTPException(422, f"bad JSON document: {str(exc).splitlines()[0]}") from exc
        if (doc.html is None) == (doc.text is None):
            raise HTTPException(422, 'give exactly one of "html" or "text"')
        return {k: v for k, v in doc.model_dump().items() if v is not None}
    if content_type.startswith(("text/html", "application/xhtml")):
        kind = "html"
    elif content_type.startswith("text/plain"):
        kind = "text"
    else:
        raise HTTPException(415, "send application/json, text/html or text/plain")
    meta = {k: params[k] for k in ("url", "published", "outlet", "title") if params.get(k)}
    return {kind: text, **meta}


@router.post("/documents", response_model=IngestOut, status_code=201,
             summary="Ingest one article (HTML or text); needs the bearer token")
async def post_document(request: Request) -> dict[str, Any]:
    _check_token(request)
    body = await _read_limited(request, request.app.state.max_body_bytes)
    record = _record(body, request.headers.get("content-type", ""), dict(request.query_params))
    from starlette.concurrency import run_in_threadpool

    try:
        return await run_in_threadpool(_ingest, request, record)
    except TooLargeError as exc:
        raise HTTPException(413, str(exc)) from exc
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


def _ingest(request: Request, record: dict[str, Any]) -> dict[str, Any]:
    state = request.app.state
    raw = raw_from_record(record, "POST /documents")
    with _pipeline_lock:
        if state.pipeline is None:
            state.pipeline = Pipeline(state.settings)
        pipeline: Pipeline = state.pipeline
        try:
            doc = pipeline.process(raw)
        except InputError:
            raise
        except WirewatchError as exc:
            raise HTTPException(500, str(exc)) from exc
    outcome = state.service.store.add_document(doc)
    state.service.cache.clear()
    return {"id": doc.id, "stored": outcome != "duplicate", "outcome": outcome,
            "events": len(doc.events), "quotes": len(doc.quotes)}

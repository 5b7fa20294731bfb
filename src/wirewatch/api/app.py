"""The FastAPI app: JSON API under ``/api``, the dashboard at ``/``, docs at ``/docs``.

    from wirewatch.api import create_app
    from wirewatch.store import open_store
    app = create_app(open_store("sqlite:///wirewatch.db"), settings, token=None)

Every asset (swagger-ui, the world map, scripts, styles) is served by the app itself.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import Settings
from ..errors import InputError, StoreError
from ..store import Store
from ..web import STATIC, SWAGGER_DIR
from . import ingest, pages, routes
from .cache import TTLCache
from .service import Service

MAX_BODY_BYTES = 5_000_000
CACHE_SECONDS = 30.0
"""Dashboard aggregates are reused for this long (and dropped on ``POST /documents``)."""


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(store: Store, settings: Settings | None = None, *, token: str | None = None,
               max_body_bytes: int | None = None,
               cache_seconds: float = CACHE_SECONDS) -> FastAPI:
    """The app over ``store``; ``POST /documents`` is on only when ``token`` is given.

    ``token`` defaults to ``settings.extra["api_token"]``; ``max_body_bytes`` to the smaller
    of ``settings.max_input_bytes`` and 5 MB.
    """
    settings = settings or Settings()
    app = FastAPI(title="wirewatch", version=__version__, docs_url=None, redoc_url=None,
                  description="News events with provenance: events, mentions, actors, dyads, "
                              "quotes, trends and exports.")
    app.state.service = Service(store, TTLCache(cache_seconds))
    app.state.settings = settings
    app.state.token = token or settings.extra.get("api_token") or None
    app.state.max_body_bytes = max_body_bytes or min(settings.max_input_bytes, MAX_BODY_BYTES)
    app.state.pipeline = None
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.include_router(pages.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="wirewatch API",
            swagger_js_url=f"/static/{SWAGGER_DIR}/swagger-ui-bundle.js",
            swagger_css_url=f"/static/{SWAGGER_DIR}/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Any:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith(("/api", "/static", "/documents")) or \
                request.method != "GET":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Any:
        return _error(request, 422, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Any:
        return _error(request, 503, str(exc))

    return app


def _error(request: Request, status: int, message: str) -> Any:
    if request.url.path.startswith("/api") or request.method != "GET":
        return JSONResponse({"detail": message}, status_code=status)
    return pages.error_page(request, status, message)

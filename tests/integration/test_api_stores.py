"""The API contract on both stores: the same articles in SQLite and in PostgreSQL give the
same JSON, and the hand-built event JSON equals what the pydantic models would give."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.api.models import EventOut, EventPage
from wirewatch.api.queries import Filters
from wirewatch.api.sample import sample_documents
from wirewatch.config import Settings
from wirewatch.store import open_store
from wirewatch.store.testing import postgres_unavailable, temporary_postgres_schema

DOCS = sample_documents(days=30, per_day=2)


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("api_stores") / "api.db"
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    with temporary_postgres_schema(prefix="ww_api") as url:
        yield url


def _client(url: str) -> Iterator[TestClient]:
    store = open_store(url)
    store.add_documents(DOCS, run_stages=["test.v1"])
    with TestClient(create_app(store, Settings(), cache_seconds=0)) as c:
        yield c
    store.close()


@pytest.fixture(scope="module")
def sqlite_api(sqlite_url: str) -> Iterator[TestClient]:
    yield from _client(sqlite_url)


@pytest.fixture(scope="module")
def postgres_api(postgres_url: str) -> Iterator[TestClient]:
    yield from _client(postgres_url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def api(request: pytest.FixtureRequest) -> TestClient:
    client: TestClient = request.getfixturevalue(f"{request.param}_api")
    return client


SEARCHES: list[tuple[dict[str, Any], Filters, int]] = [
    ({"limit": 1000}, Filters(), 1000),
    ({"actor": "RUS", "limit": 20}, Filters(actor="RUS"), 20),
    ({"root": "19", "since": "2024-06-10"}, Filters(root=("19",), since="2024-06-10"), 50),
    ({"quad": 4, "min_mentions": 2}, Filters(quad_class=4, min_mentions=2), 50),
    ({"outlet": "Harbor Times", "limit": 5}, Filters(outlet="Harbor Times"), 5),
]


@pytest.mark.parametrize("params,f,limit", SEARCHES)
def test_event_json_is_what_the_pydantic_models_give(api: TestClient, params: dict[str, Any],
                                                     f: Filters, limit: int) -> None:
    r = api.get("/api/events", params=params)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    rows, nxt = api.app.state.service.events(f, limit)  # type: ignore[attr-defined]
    expected = EventPage.model_validate({"items": rows, "next_cursor": nxt}).model_dump(
        mode="json")
    # same keys in the same order, same values
    assert json.dumps(r.json()) == json.dumps(expected)
    first = r.json()["items"][0]
    assert list(first) == list(EventOut.model_fields)
    one = api.get(f"/api/events/{first['id']}")
    assert one.json() == first


def test_main_endpoints_answer(api: TestClient) -> None:
    stats = api.get("/api/stats").json()
    assert stats["events"] > 20
    assert api.get("/api/actors", params={"limit": 5}).json()[0]["events"] > 0
    assert api.get("/api/dyads").json()[0]["events"] > 0
    assert sum(d["events"] for d in api.get("/api/daily").json()) == stats["events"]
    loc = api.get("/api/locations").json()
    assert loc["places"] and loc["countries"]
    trend = api.get("/api/trends", params={"pair": "PRK-USA", "period": "week"}).json()
    assert trend["points"] and "reciprocity" in trend
    ev = api.get("/api/events", params={"limit": 1}).json()["items"][0]
    assert api.get(f"/api/events/{ev['id']}/mentions").json()
    assert api.get("/api/events/99999999").status_code == 404
    assert api.get("/api/articles", params={"limit": 3}).json()
    assert api.get("/api/quotes", params={"limit": 3}).status_code == 200
    lines = api.get("/api/export/events.jsonl", params={"actor": "UKR"}).text.splitlines()
    assert len(lines) == len(api.get("/api/events", params={"actor": "UKR",
                                                          "limit": 1000}).json()["items"])
    for page in ("/", "/events", "/pair?a=PRK&b=USA", "/map", "/network"):
        assert api.get(page).status_code == 200, page


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, abs_tol=1e-6)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    return bool(a == b)


@pytest.mark.postgres
@pytest.mark.parametrize("path", [
    "/api/stats", "/api/events?limit=1000", "/api/events?actor=PRK&root=19&limit=7",
    "/api/events?since=2024-06-15&quad=3", "/api/daily?actor=USA",
    "/api/trends?pair=PRK-USA&period=day", "/api/articles?limit=1000",
    "/api/events/5/mentions",
])
def test_sqlite_and_postgres_give_the_same_json(sqlite_api: TestClient,
                                                postgres_api: TestClient, path: str) -> None:
    a, b = sqlite_api.get(path), postgres_api.get(path)
    assert a.status_code == b.status_code == 200
    left, right = a.json(), b.json()
    if path == "/api/stats":  # the store reports its own kind
        left = {k: v for k, v in left.items() if k in ("events", "documents", "mentions")}
        right = {k: v for k, v in right.items() if k in left}
    assert _close(left, right), path


@pytest.mark.postgres
def test_map_places_are_the_same_on_both_stores(sqlite_api: TestClient,
                                                postgres_api: TestClient) -> None:
    a, b = (c.get("/api/locations", params={"limit": 1000}).json()
            for c in (sqlite_api, postgres_api))
    assert len(a["places"]) < 1000 and a["countries"] == b["countries"]

    def key(p: dict[str, Any]) -> tuple[Any, ...]:
        return (p["name"], p["country"], p["lat"], p["lon"])

    assert _close(sorted(a["places"], key=key), sorted(b["places"], key=key))
    assert all(round(p["lat"], 2) == p["lat"] for p in b["places"])


def test_openapi_still_documents_the_event_models(sqlite_api: TestClient) -> None:
    spec = sqlite_api.get("/openapi.json").json()
    for path, model in (("/api/events", "EventPage"), ("/api/events/{event_id}", "EventOut")):
        ok = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert ok["schema"]["$ref"].endswith(f"/{model}"), path
    assert "source_actors" in spec["components"]["schemas"]["EventOut"]["properties"]

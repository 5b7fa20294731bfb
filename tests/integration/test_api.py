"""The API over a small synthetic database: filters, pagination, errors, evidence, exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.api.sample import sample_documents
from wirewatch.config import Settings
from wirewatch.store import open_store


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("api") / "api.db"
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        store.add_documents(sample_documents(days=45, per_day=2), run_stages=["test.v1"])
    return url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    store = open_store(db_url)
    with TestClient(create_app(store, Settings(), cache_seconds=0)) as c:
        yield c
    store.close()


def test_event_filters_change_the_rows(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert len(everything) > 50
    rus = client.get("/api/events", params={"actor": "RUS", "limit": 1000}).json()["items"]
    assert rus and len(rus) < len(everything)
    assert all("RUS" in (e["source_code"] + e["target_code"]) for e in rus)
    assault = client.get("/api/events", params={"root": "19", "plover": "assault"}).json()
    assert assault["items"] and {e["cameo_root"] for e in assault["items"]} == {"19"}
    quad = client.get("/api/events", params={"quad": 1, "limit": 1000}).json()["items"]
    assert {e["quad_class"] for e in quad} == {1}
    late = client.get("/api/events", params={"since": "2024-06-20", "limit": 1000}).json()
    assert late["items"] and min(e["date"] for e in late["items"]) >= "2024-06-20"
    alleged = client.get("/api/events", params={"modality": "alleged", "limit": 1000}).json()
    assert alleged["items"] and {e["modality"] for e in alleged["items"]} == {"alleged"}


def test_outlet_filter_keeps_events_that_outlet_reported(client: TestClient) -> None:
    outlet = "Harbor Times"
    rows = client.get("/api/events", params={"outlet": outlet, "limit": 1000}).json()["items"]
    total = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert 0 < len(rows) < len(total)
    for e in rows[:5]:
        outlets = {m["outlet"] for m in client.get(f"/api/events/{e['id']}/mentions").json()}
        assert outlet in outlets


def test_cursor_pagination_walks_every_event_once(client: TestClient) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 37}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/events", params=params).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == client.get("/api/stats").json()["events"]


@pytest.mark.parametrize("params,needle", [
    ({"since": "2024-13-01"}, "since"),
    ({"since": "June"}, "since"),
    ({"since": "2024-06-10", "until": "2024-06-01"}, "after"),
    ({"limit": 0}, "limit"),
    ({"limit": 5000}, "limit"),
    ({"root": "nineteen"}, "root"),
    ({"quad": 7}, "quad"),
    ({"modality": "maybe"}, "modality"),
    ({"actor": "PRK;DROP"}, "actor"),
    ({"cursor": "abc"}, "cursor"),
])
def test_bad_parameters_are_clear_4xx(client: TestClient, params: dict[str, object],
                                      needle: str) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert needle in r.json()["detail"]


def test_missing_things_are_404(client: TestClient) -> None:
    assert client.get("/api/events/999999").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/events/999999").status_code == 404
    assert "no event" in client.get("/events/999999").text


def test_mentions_point_at_the_sentence_in_the_article(client: TestClient) -> None:
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    mentions = client.get(f"/api/events/{ev['id']}/mentions").json()
    assert mentions
    m = mentions[0]
    article = client.get(f"/api/articles/{m['doc_id']}").json()
    sentence = article["text"][m["sentence_start"]:m["sentence_end"]]
    assert m["trigger_text"] in sentence
    assert m["pattern"] and m["stages"]
    page = client.get(f"/events/{ev['id']}").text
    assert 'id="evidence-sentence"' in page and 'class="trigger"' in page


def test_multi_outlet_events_link_every_mention(client: TestClient) -> None:
    rows = client.get("/api/events", params={"min_mentions": 2, "limit": 5}).json()["items"]
    assert rows, "the sample corpus has stories told by two outlets"
    ev = rows[0]
    mentions = client.get(f"/api/events/{ev['id']}/mentions").json()
    assert len(mentions) >= 2
    html = client.get(f"/events/{ev['id']}").text
    for m in mentions:
        assert f"?mention={m['id']}" in html


def test_actors_dyads_daily_locations(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 5}).json()
    assert actors[0]["events"] >= actors[-1]["events"]
    dyads = client.get("/api/dyads").json()
    assert {"source", "target", "events", "conflict", "goldstein_mean"} <= set(dyads[0])
    assert all(len(d["source"]) == 3 for d in dyads)
    daily = client.get("/api/daily", params={"actor": "PRK"}).json()
    assert daily and all(d["events"] == d["q1"] + d["q2"] + d["q3"] + d["q4"] for d in daily)
    loc = client.get("/api/locations").json()
    assert loc["places"] and "PRK" in loc["countries"]
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in loc["places"])


def test_trends_endpoint_has_points_alerts_and_reciprocity(client: TestClient) -> None:
    t = client.get("/api/trends", params={"pair": "PRK-USA", "period": "day"}).json()
    assert (t["a"], t["b"], t["period"]) == ("PRK", "USA", "day")
    both = [p for p in t["points"] if p["direction"] == "both"]
    ab = [p for p in t["points"] if p["direction"] == "ab"]
    assert len(both) == len(ab) and sum(p["events"] for p in both) > 0
    assert sum(p["events"] for p in both) == sum(
        p["events"] for p in t["points"] if p["direction"] != "both")
    assert {"a_to_b", "b_to_a", "cycles"} <= set(t["reciprocity"])
    assert isinstance(t["alerts"], list)
    bad = client.get("/api/trends", params={"pair": "PRK"})
    assert bad.status_code == 422 and "PRK-USA" in bad.json()["detail"]


def test_quotes_link_to_their_article(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 3}).json()
    assert quotes
    q = quotes[0]
    text = client.get(f"/api/articles/{q['doc_id']}").json()["text"]
    assert text[q["start_char"]:q["end_char"]] == q["text"]
    assert client.get("/api/quotes", params={"since": "2024-02-30"}).status_code == 422


def test_exports_stream_every_matching_event(client: TestClient) -> None:
    n = len(client.get("/api/events", params={"actor": "UKR", "limit": 1000}).json()["items"])
    r = client.get("/api/export/events.csv", params={"actor": "UKR"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == n and all("UKR" in r["source_code"] + r["target_code"] for r in rows)
    lines = client.get("/api/export/events.jsonl", params={"actor": "UKR"}).text.splitlines()
    assert len(lines) == n and json.loads(lines[0])["id"]
    assert client.get("/api/export/events.xml").status_code == 422


def test_docs_are_served_without_a_cdn(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "cdn" not in html.lower() and "http://" not in html and "https://" not in html
    for path in ("/static/vendor/swagger-ui-dist-5.35.0/swagger-ui-bundle.js",
                 "/static/vendor/swagger-ui-dist-5.35.0/swagger-ui.css", "/openapi.json"):
        assert client.get(path).status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/documents" in spec["paths"]


def test_pages_render_and_keep_filters_in_links(client: TestClient) -> None:
    for path in ("/", "/events", "/pair", "/network", "/map", "/quotes"):
        assert client.get(path).status_code == 200, path
    html = client.get("/", params={"actor": "RUS", "root": "19"}).text
    assert 'href="/events?actor=RUS&amp;root=19"' in html
    assert client.get("/pair", params={"a": "PRK", "b": "USA"}).status_code == 200
    assert client.get("/", params={"since": "nope"}).status_code == 422


def test_post_documents_is_off_without_a_token(client: TestClient) -> None:
    r = client.post("/documents", json={"text": "Hello."})
    assert r.status_code == 403 and "token" in r.json()["detail"]


def test_post_documents_with_token(db_url: str, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    app = create_app(store, Settings(), token="s3cret", max_body_bytes=2_000)
    text = ("Officials in the port city said on Monday that the new ferry line would open "
            "next month, linking the two islands for the first time in a decade.\n\n"
            "The operator expects about 400 passengers a day during the summer season.")
    with TestClient(app) as c:
        assert c.post("/documents", json={"text": text}).status_code == 401
        auth = {"Authorization": "Bearer s3cret"}
        assert c.post("/documents", json={"text": text},
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
        r = c.post("/documents", json={"text": text, "outlet": "Island Post",
                                       "published": "2024-05-01"}, headers=auth)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["stored"] and body["outcome"] == "stored"
        again = c.post("/documents", json={"text": text, "outlet": "Island Post",
                                           "published": "2024-05-01"}, headers=auth)
        assert again.json()["outcome"] == "duplicate"
        plain = c.post("/documents", content=text.replace("ferry", "bridge").encode(),
                       params={"outlet": "Island Post"},
                       headers={**auth, "Content-Type": "text/plain"})
        assert plain.status_code == 201
        assert c.get("/api/articles", params={"outlet": "Island Post"}).json()
        big = c.post("/documents", content=b"x" * 5_000,
                     headers={**auth, "Content-Type": "text/plain"})
        assert big.status_code == 413
        assert c.post("/documents", json={"html": "<p>a</p>", "text": "a"},
                      headers=auth).status_code == 422
        assert c.post("/documents", content=b"{}", headers={
            **auth, "Content-Type": "application/pdf"}).status_code == 415
    store.close()

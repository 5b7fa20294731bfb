"""The dashboard in a real browser: pages load cleanly, filters change the data, events open
their evidence with the sentence highlighted.  Screenshots go to docs/screenshots/."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.network]
# Screenshots for the README are refreshed only on request (WIREWATCH_SCREENSHOTS=1), so a
# test run leaves the checkout unchanged; otherwise they go to a temporary folder.
SHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
         if os.environ.get("WIREWATCH_SCREENSHOTS") == "1"
         else Path(tempfile.mkdtemp(prefix="wirewatch-shots-")))


class Watched:
    """A page whose console errors, page errors and off-host requests are recorded."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", self._failed)
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "about:"))
                else self.foreign.append(r.url))


    def _failed(self, request: Any) -> None:
        # A click that navigates away cancels requests still loading (the favicon): not an error.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.errors.append(f"failed: {request.url} {request.failure}")


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    p = context.new_page()
    p.set_default_timeout(10_000)
    watched = Watched(p, live_server)
    yield watched
    context.close()


@pytest.mark.parametrize("path,ready,shot", [
    ("/", "#daily-chart svg rect", "overview"),
    ("/events", "table.events tbody tr", None),
    ("/pair?a=PRK&b=USA&period=week", "[data-chart=index] svg circle", "pair"),
    ("/network", "#network svg .node", "network"),
    ("/map", "#map svg path.country", "map"),
    ("/quotes", "#quotes tbody tr", None),
    ("/docs", ".swagger-ui .info", "api-docs"),
])
def test_page_loads_without_console_errors(page: Watched, live_server: str, path: str,
                                           ready: str, shot: str | None) -> None:
    page.page.goto(live_server + path)
    page.page.wait_for_selector(ready)
    page.page.wait_for_load_state("networkidle")
    assert page.errors == [], page.errors
    assert page.foreign == [], f"fetched from outside the app: {page.foreign}"
    if shot:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=False)


def test_filters_change_the_data_and_stay_in_the_url(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/events")
    before = p.locator("table.events tbody tr").count()
    p.fill("input[name=actor]", "RUS")
    p.select_option("select[name=quad]", "4")
    p.click("form#filters button[type=submit]")
    p.wait_for_url("**actor=RUS**")
    query = parse_qs(urlparse(p.url).query)
    assert query["actor"] == ["RUS"] and query["quad"] == ["4"]
    rows = p.locator("table.events tbody tr")
    assert 0 < rows.count() <= before
    for text in rows.locator("td:nth-child(5)").all_inner_texts():
        assert text.strip() == "material conflict"
    for src, tgt in zip(rows.locator("td:nth-child(2)").all_inner_texts(),
                        rows.locator("td:nth-child(4)").all_inner_texts(), strict=True):
        assert "RUS" in src + tgt
    # the filter survives navigation to another view
    p.click("nav a[data-nav=overview]")
    assert "actor=RUS" in p.url
    assert p.input_value("input[name=actor]") == "RUS"
    assert page.errors == []


def test_clicking_an_event_opens_its_evidence(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/")
    link = p.locator("table.events a.event-link").first
    code = link.inner_text().split(" ")[0]
    link.click()
    p.wait_for_selector("#evidence-sentence")
    sentence = p.locator("#evidence-sentence")
    assert sentence.is_visible()
    trigger = p.locator("#evidence-trigger").inner_text()
    assert trigger and trigger in sentence.inner_text()
    assert code in p.locator("h2").first.inner_text()
    assert p.locator("#field-pattern").inner_text().strip() not in ("", "—")
    assert p.locator("#field-modality").inner_text().strip()
    sentence.scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(SHOTS / "evidence.png"))
    assert page.errors == []


def test_other_mentions_of_an_event_are_linked(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/events?min_mentions=2")
    p.locator("table.events a.event-link").first.click()
    items = p.locator("#mentions li a")
    assert items.count() >= 2
    first_outlet = p.locator("#mentions li.current").inner_text()
    other = p.locator("#mentions li:not(.current) a").first
    other.click()
    p.wait_for_selector("#evidence-sentence")
    assert p.locator("#mentions li.current").inner_text() != first_outlet
    assert page.errors == []


def test_network_edge_opens_the_pair_view(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/network")
    p.wait_for_selector("#network svg a.edge")
    href = p.locator("#network svg a.edge").first.get_attribute("href")
    assert href and href.startswith("/pair?")
    p.goto(live_server + href)
    p.wait_for_selector("[data-chart=trend] svg")
    assert page.errors == []

"""Watch RSS/Atom feeds: each poll ingests only items not seen before.

What has been seen lives in the store (``feed:URL`` holds the feed's validators,
``feed-item:ID`` one item), written only after the item is stored, so a restart neither
re-ingests nor loses anything.  A feed that is down is logged and recorded as a failure;
the other feeds go on.  An item whose page failed for a passing reason (timeout, 5xx) is
retried on later polls, at most ``MAX_ITEM_ATTEMPTS`` times.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..errors import ConfigError, WirewatchError
from ..records import Document, Failure, RawDocument, content_id
from .feeds import fetch_feed, item_document
from .fetch import Fetcher
from .state import load_json, save_json

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..scale.run import DocumentStore

MAX_ITEM_ATTEMPTS = 3
TRANSIENT_KINDS = frozenset({"FetchTimeoutError", "HTTPStatusError", "FetchError"})
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``15m``, ``30s``, ``2h``, ``1d`` or a bare number of seconds."""
    m = _INTERVAL.match(text)
    if not m or float(m[1]) <= 0:
        raise ConfigError(f"bad interval {text!r}: use e.g. 30s, 15m, 1h")
    return float(m[1]) * _UNIT_SECONDS[m[2].lower()]


@dataclass
class PollResult:
    """What one poll of all feeds did."""

    new_items: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: int = 0
    feeds_down: list[str] = field(default_factory=list)

    def line(self) -> str:
        down = f", {len(self.feeds_down)} feed(s) down" if self.feeds_down else ""
        return (f"{self.new_items} new item(s): {self.stored} stored, {self.duplicate} "
                f"duplicate, {self.failed} failed{down}")


def _item_key(feed_url: str, item_key: str) -> str:
    return f"feed-item:{content_id(feed_url, item_key)}"


class FeedWatcher:
    """Polls feeds and stores their new items through one pipeline (model loaded once)."""

    def __init__(
        self,
        feeds: Sequence[str],
        settings: Settings,
        store: DocumentStore,
        *,
        fetcher: Fetcher | None = None,
        pipeline: Pipeline | None = None,
        log: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.feeds = list(feeds)
        self.settings = settings
        self.store = store
        self.fetcher = fetcher or Fetcher(settings)
        self._pipeline = pipeline
        self.log = log
        self._kinds: dict[str, str] = {}

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def poll(self) -> PollResult:
        """Poll every feed once; never raises for a feed or an item that fails."""
        result = PollResult()
        for feed_url in self.feeds:
            try:
                self._poll_feed(feed_url, result)
            except WirewatchError as exc:
                result.feeds_down.append(feed_url)
                self.log(f"feed down: {exc}")
                self.store.add_documents([Failure(content_id(feed_url), feed_url, str(exc),
                                                  type(exc).__name__)],
                                         run_stages=self.pipeline.stage_names)
        return result

    def _poll_feed(self, feed_url: str, result: PollResult) -> None:
        known = load_json(self.store, f"feed:{feed_url}") or {}
        feed, validators = fetch_feed(self.fetcher, feed_url, known.get("etag"),
                                      known.get("last_modified"))
        if feed is None:
            self.log(f"{feed_url}: unchanged")
            return
        fresh = [item for item in feed.items
                 if not self._seen(_item_key(feed_url, item.key))]
        keys: dict[str, str] = {}
        raws: list[RawDocument | Failure] = []
        for item in fresh:
            raw = item_document(self.fetcher, feed, item, self.settings.max_input_bytes)
            key = _item_key(feed_url, item.key)
            if isinstance(raw, RawDocument) and self.store.has_document(raw.id):
                save_json(self.store, key, {"id": raw.id, "done": True})
                continue
            keys[raw.id] = key
            raws.append(raw)
        result.new_items += len(raws)
        if raws:
            self.store.add_documents(
                self._processed(raws), run_stages=self.pipeline.stage_names,
                on_item=lambda doc_id, outcome: self._mark(keys.get(doc_id), doc_id, outcome,
                                                           result))
        save_json(self.store, f"feed:{feed_url}", validators)
        self.log(f"{feed_url}: {len(feed.items)} item(s), {len(raws)} new")

    def _processed(self, raws: list[RawDocument | Failure]) -> Iterator[Document | Failure]:
        from ..scale.local import process_safely

        self._kinds.update({r.id: r.kind for r in raws if isinstance(r, Failure)})
        yield from process_safely(self.pipeline, raws)

    def _seen(self, key: str) -> bool:
        state = load_json(self.store, key)
        return bool(state and (state.get("done")
                               or int(state.get("attempts", 0)) >= MAX_ITEM_ATTEMPTS))

    def _mark(self, key: str | None, doc_id: str, outcome: str, result: PollResult) -> None:
        if outcome == "duplicate":
            result.duplicate += 1
        elif outcome == "failed":
            result.failed += 1
        else:
            result.stored += 1
        if key is None:
            return
        if outcome == "failed" and self._kinds.get(doc_id) in TRANSIENT_KINDS:
            attempts = int((load_json(self.store, key) or {}).get("attempts", 0)) + 1
            save_json(self.store, key, {"id": doc_id, "attempts": attempts})
        else:
            save_json(self.store, key, {"id": doc_id, "done": True})

    def run(
        self,
        interval: float,
        *,
        once: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        cycles: int | None = None,
    ) -> list[PollResult]:
        """Poll every ``interval`` seconds until interrupted (or once / ``cycles`` times)."""
        results: list[PollResult] = []
        while True:
            result = self.poll()
            results.append(result)
            self.log(result.line())
            if once or (cycles is not None and len(results) >= cycles):
                return results
            sleep(interval)

    def close(self) -> None:
        self.fetcher.close()


def describe(results: list[PollResult]) -> dict[str, Any]:
    """Totals over several polls (for ``--json``)."""
    return {
        "polls": len(results),
        "new_items": sum(r.new_items for r in results),
        "stored": sum(r.stored for r in results),
        "duplicate": sum(r.duplicate for r in results),
        "failed": sum(r.failed for r in results),
        "feeds_down": sorted({u for r in results for u in r.feeds_down}),
    }

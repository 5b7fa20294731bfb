"""A small time-bounded cache for dashboard aggregates (counts change only on ingest).

* Fresh for ``seconds``; after that, a stale value is still served (up to ``stale_factor``
  times as long) while one background thread recomputes it, so a busy dashboard never
  waits on an expired entry.
* Single flight: when many requests miss the same key at once, one computes, the rest wait
  for its result instead of running the same query twenty times.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class TTLCache:
    """``get_or_make(key, make)``; ``clear()`` after writes; ``seconds=0`` disables it."""

    def __init__(self, seconds: float, size: int = 512, stale_factor: float = 10.0) -> None:
        self.seconds = seconds
        self.size = size
        self.stale_seconds = seconds * stale_factor
        self._items: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._flights: dict[Hashable, threading.Lock] = {}
        self._refreshing: set[Hashable] = set()

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        if self.seconds <= 0:
            return make()
        with self._lock:
            hit = self._items.get(key)
            age = time.monotonic() - hit[0] if hit else None
            if hit is not None and age is not None and age < self.seconds:
                self._items.move_to_end(key)
                return hit[1]  # type: ignore[return-value]
            if hit is not None and age is not None and age < self.stale_seconds:
                if key not in self._refreshing:
                    self._refreshing.add(key)
                    threading.Thread(target=self._refresh, args=(key, make),
                                     daemon=True).start()
                return hit[1]  # type: ignore[return-value]
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                hit = self._items.get(key)
                if hit is not None and time.monotonic() - hit[0] < self.seconds:
                    return hit[1]  # type: ignore[return-value]
            value = make()
            self._store(key, value)
        with self._lock:
            self._flights.pop(key, None)
        return value

    def _refresh(self, key: Hashable, make: Callable[[], object]) -> None:
        try:
            self._store(key, make())
        except Exception:  # a failed refresh keeps the stale value
            pass
        finally:
            with self._lock:
                self._refreshing.discard(key)

    def _store(self, key: Hashable, value: object) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

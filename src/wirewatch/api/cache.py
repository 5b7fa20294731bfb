"""A small time-bounded cache for dashboard aggregates (counts change only on ingest)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class TTLCache:
    """``get_or_make(key, make)`` keeps results for ``seconds``; ``clear()`` after writes."""

    def __init__(self, seconds: float, size: int = 512) -> None:
        self.seconds = seconds
        self.size = size
        self._items: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, make: Callable[[], T]) -> T:
        if self.seconds <= 0:
            return make()
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and now - hit[0] < self.seconds:
                self._items.move_to_end(key)
                return hit[1]  # type: ignore[return-value]
        value = make()
        with self._lock:
            self._items[key] = (now, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

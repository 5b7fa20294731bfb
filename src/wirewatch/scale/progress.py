"""Progress for long runs: a live bar with rate and ETA on a terminal, log lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

LOG_EVERY_SECONDS = 30.0
"""Plain-log mode writes one line at most this often (plus one at the end)."""
BAR_EVERY_SECONDS = 0.2


def _duration(seconds: float) -> str:
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """Counts finished items and reports them on ``stream`` (stderr by default)."""

    def __init__(
        self,
        total: int | None = None,
        *,
        stream: TextIO | None = None,
        live: bool | None = None,
        label: str = "ingest",
        clock: Callable[[], float] = time.monotonic,
        log_every: float = LOG_EVERY_SECONDS,
    ) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.total = total
        self.label = label
        self.clock = clock
        self.log_every = log_every
        self.done = 0
        self.failed = 0
        self.start = clock()
        self._last = self.start

    def update(self, n: int = 1, *, failed: int = 0) -> None:
        self.done += n
        self.failed += failed
        now = self.clock()
        if now - self._last >= (BAR_EVERY_SECONDS if self.live else self.log_every):
            self._last = now
            self._emit(now)

    @property
    def rate(self) -> float:
        elapsed = self.clock() - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self, now: float | None = None) -> str:
        """``ingest 120/1,000 (12%) 8.1/s ETA 1:48, 2 failed`` (no total: no percent/ETA)."""
        now = self.clock() if now is None else now
        elapsed = now - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        parts = [self.label]
        if self.total:
            pct = 100 * self.done / self.total
            parts.append(f"{self.done:,}/{self.total:,} ({pct:.0f}%)")
        else:
            parts.append(f"{self.done:,}")
        parts.append(f"{rate:.1f}/s")
        if self.total and rate > 0:
            parts.append(f"ETA {_duration((self.total - self.done) / rate)}")
        parts.append(f"elapsed {_duration(elapsed)}")
        text = " ".join(parts)
        return f"{text}, {self.failed:,} failed" if self.failed else text

    def _emit(self, now: float) -> None:
        if self.live:
            width = 24
            bar = ""
            if self.total:
                filled = min(width, int(width * self.done / self.total))
                bar = "[" + "#" * filled + "." * (width - filled) + "] "
            self.stream.write("\r\x1b[K" + bar + self.line(now))
        else:
            self.stream.write("wirewatch: " + self.line(now) + "\n")
        self.stream.flush()

    def close(self) -> None:
        """The final state, ending the live line."""
        self._emit(self.clock())
        if self.live:
            self.stream.write("\n")
            self.stream.flush()

"""``run_ingest``: resumable runs, summaries and progress reporting (SQLite, no model)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from wirewatch.config import Settings
from wirewatch.records import Document, Failure
from wirewatch.scale.progress import Progress
from wirewatch.scale.run import run_ingest
from wirewatch.store import Store, open_store

SETTINGS = Settings(pipeline=("extract.article",))


class Interrupted(Exception):
    pass


class CrashingStore:
    """Wraps a store; the run dies (like Ctrl-C) after ``after`` documents were handed over."""

    def __init__(self, store: Store, after: int) -> None:
        self.store = store
        self.after = after

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def add_documents(self, items: Iterable[Document | Failure], **kw: Any) -> Any:
        def limited() -> Iterator[Document | Failure]:
            for n, item in enumerate(items):
                if n == self.after:
                    raise Interrupted
                yield item

        return self.store.add_documents(limited(), **kw)


def quiet() -> Progress:
    return Progress(stream=io.StringIO(), live=False)


def test_interrupted_run_resumes_without_redoing_or_duplicating(
    fixtures: Path, tmp_path: Path
) -> None:
    site = str(fixtures / "sources" / "site")
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        with pytest.raises(Interrupted):
            run_ingest([site], SETTINGS, CrashingStore(store, 2), progress=quiet())  # type: ignore[arg-type]
        assert store.stats()["documents"] == 2
        summary = run_ingest([site], SETTINGS, store, progress=quiet())
        assert summary.skipped["already in the store"] == 2
        assert summary.processed == 3 and summary.stored.stored == 3
        assert store.stats()["documents"] == 5
        again = run_ingest([site], SETTINGS, store, progress=quiet())
        assert again.processed == 0 and again.skipped["already in the store"] == 5


def test_summary_counts_failures_by_reason(fixtures: Path, tmp_path: Path) -> None:
    empty = tmp_path / "in" / "empty.html"
    empty.parent.mkdir()
    empty.write_text("   ")
    (tmp_path / "in" / "scan.html").write_bytes(b"%PDF-1.7 binary pretending to be a page")
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        summary = run_ingest([str(tmp_path / "in"), str(fixtures / "sources" / "site")],
                             SETTINGS, store, exclude=["drafts/*"], progress=quiet())
    assert summary.processed == 6 and summary.failures == 2
    assert summary.failed == {"EmptyInputError": 1, "BinaryInputError": 1}
    text = "\n".join(summary.lines())
    assert "processed 6 input(s)" in text and "failed 2" in text
    assert "1 × BinaryInputError" in text and "store: stored 4" in text


def test_progress_plain_log_lines_when_not_a_terminal() -> None:
    out = io.StringIO()
    now = [0.0]
    progress = Progress(100, stream=out, live=False, clock=lambda: now[0], log_every=10)
    for _ in range(50):
        now[0] += 0.5
        progress.update()
    progress.close()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue() and len(lines) == 3  # at 10 s, 20 s and the end
    assert lines[-1] == "wirewatch: ingest 50/100 (50%) 2.0/s ETA 0:25 elapsed 0:25"


def test_progress_bar_with_rate_and_eta_on_a_terminal() -> None:
    out = io.StringIO()
    now = [0.0]
    progress = Progress(10, stream=out, live=True, clock=lambda: now[0])
    for _ in range(4):
        now[0] += 1.0
        progress.update(failed=1)
    assert out.getvalue().startswith("\r\x1b[K[")
    assert "4/10 (40%) 1.0/s ETA 0:06" in out.getvalue() and "4 failed" in out.getvalue()

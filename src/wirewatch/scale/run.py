"""``wirewatch ingest`` as a library call: inputs -> pipeline (local or Spark) -> store.

Resumable: an input whose document id the store already has is skipped before any work,
so rerunning an interrupted run finishes it without redoing or duplicating anything.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..config import Settings
from ..ingest.fetch import Fetcher
from ..ingest.sources import Skipped, count_inputs, iter_inputs
from ..ingest.state import StateStore
from ..records import Document, Failure, RawDocument
from .progress import Progress


class DocumentStore(StateStore, Protocol):
    """The part of ``wirewatch.store.Store`` an ingest run writes to."""

    def add_documents(
        self, items: Iterable[Document | Failure], *, run_stages: Sequence[str] = (),
        on_item: Callable[[str, str], None] | None = None,
    ) -> Any: ...


@dataclass
class RunSummary:
    """What a run did; ``stored`` is the store's own summary (new/duplicate/versions)."""

    processed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    stored: Any = None
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    def lines(self) -> list[str]:
        """Human-readable summary, one fact a line."""
        rate = self.processed / self.seconds if self.seconds > 0 else 0.0
        out = [f"processed {self.processed:,} input(s) in {self.seconds:.1f}s ({rate:.1f}/s)"]
        if self.stored is not None:
            facts = [f"{name.replace('_', ' ')} {getattr(self.stored, name):,}"
                     for name in ("stored", "duplicate", "new_version", "near_duplicate")
                     if isinstance(getattr(self.stored, name, None), int)]
            if facts:
                out.append("store: " + ", ".join(facts))
        for reason, n in sorted(self.skipped.items()):
            out.append(f"skipped {n:,}: {reason}")
        out.append(f"failed {self.failures:,}")
        out += [f"  {n:,} × {kind}" for kind, n in self.failed.most_common()]
        return out


def error_kind(failure: Failure) -> str:
    """A failure's reason class for summaries (``NoArticleError``, ``FetchTimeoutError``…)."""
    return failure.kind if failure.kind and failure.kind != "error" else "error"


def stage_names(settings: Settings) -> list[str]:
    from ..pipeline import Pipeline

    return Pipeline(settings).stage_names


def run_ingest(
    specs: Sequence[str],
    settings: Settings,
    store: DocumentStore,
    *,
    workers: int = 1,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    engine: str = "local",
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
    spark_master: str = "local[*]",
) -> RunSummary:
    """Read ``specs``, process what the store lacks, and store it; return what happened."""
    summary = RunSummary()
    started = time.monotonic()
    if progress is None:
        progress = Progress(count_inputs(specs, include, exclude))
    inputs = iter_inputs(specs, settings, include=include, exclude=exclude, fetcher=fetcher,
                         state=store)
    fresh = _skip_known(inputs, store, summary, progress)
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings)  # stage factories run once here; workers build their own
    if engine == "spark":
        from .spark import process_spark

        results: Iterable[Document | Failure] = process_spark(fresh, settings,
                                                              master=spark_master)
    else:
        from .local import process_local

        results = process_local(fresh, settings, workers, pipeline=pipeline)
    summary.stored = store.add_documents(_counted(results, summary, progress),
                                         run_stages=pipeline.stage_names)
    progress.close()
    summary.seconds = time.monotonic() - started
    return summary


def _skip_known(items: Iterable[RawDocument | Failure | Skipped], store: StateStore,
                summary: RunSummary, progress: Progress) -> Iterator[RawDocument | Failure]:
    for item in items:
        if isinstance(item, Skipped):
            summary.skipped[item.reason] += 1
            progress.update()
        elif isinstance(item, RawDocument) and store.has_document(item.id):
            summary.skipped["already in the store"] += 1
            progress.update()
        else:
            yield item


def _counted(results: Iterable[Document | Failure], summary: RunSummary,
             progress: Progress) -> Iterator[Document | Failure]:
    for item in results:
        summary.processed += 1
        if isinstance(item, Failure):
            summary.failed[error_kind(item)] += 1
        progress.update(failed=int(isinstance(item, Failure)))
        yield item

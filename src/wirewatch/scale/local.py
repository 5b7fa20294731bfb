"""Run the pipeline over many inputs, in this process or in a local process pool.

Inputs are grouped into shards; each worker process builds one ``Pipeline`` (one model
load) in its initializer and returns plain ``Document``/``Failure`` records, never parse
objects.  Results come back in input order, so a run gives the same records whatever the
number of workers.  At most a few shards per worker are in flight, so memory stays flat on
inputs of any size.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any

from ..config import Settings
from ..pipeline import Pipeline
from ..records import Document, Failure, RawDocument

SHARD_SIZE = 16
"""Inputs per task: big enough to batch ``nlp.pipe``, small enough to balance workers."""
SHARDS_IN_FLIGHT_PER_WORKER = 3

_WORKER_PIPELINE: Pipeline | None = None


def process_safely(
    pipeline: Pipeline, items: list[RawDocument | Failure]
) -> list[Document | Failure]:
    """``pipeline.process_many`` over ``items``; an unexpected crash fails one item, not all."""
    try:
        return list(pipeline.process_many(items))
    except Exception:  # isolate the record that crashed a stage
        out: list[Document | Failure] = []
        for item in items:
            out.extend(_process_one(pipeline, item))
        return out


def _process_one(pipeline: Pipeline, item: RawDocument | Failure) -> list[Document | Failure]:
    try:
        return list(pipeline.process_many([item]))
    except Exception as exc:
        assert isinstance(item, RawDocument)
        detail = " ".join(str(exc).split())[:200]
        return [Failure(item.id, item.origin, f"{item.origin}: stage crashed: "
                        f"{type(exc).__name__}: {detail} [WW600]", "StageCrash")]


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(settings)
    if _WORKER_PIPELINE.needs_parse:
        from ..nlp import load_model

        load_model(settings.model)


def _run_shard(shard: list[RawDocument | Failure]) -> list[Document | Failure]:
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return process_safely(_WORKER_PIPELINE, shard)


def shards(items: Iterable[Any], size: int = SHARD_SIZE) -> Iterator[list[Any]]:
    shard: list[Any] = []
    for item in items:
        shard.append(item)
        if len(shard) >= size:
            yield shard
            shard = []
    if shard:
        yield shard


def process_local(
    items: Iterable[RawDocument | Failure],
    settings: Settings,
    workers: int = 1,
    *,
    shard_size: int = SHARD_SIZE,
    pipeline: Pipeline | None = None,
) -> Iterator[Document | Failure]:
    """Documents (or failures) for ``items``, in order, using ``workers`` processes."""
    if workers <= 1:
        pipe = pipeline or Pipeline(settings)
        for shard in shards(items, shard_size):
            yield from process_safely(pipe, shard)
        return
    ctx = multiprocessing.get_context("spawn")
    window = workers * SHARDS_IN_FLIGHT_PER_WORKER
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: deque[AsyncResult[list[Document | Failure]]] = deque()
        for shard in shards(items, shard_size):
            pending.append(pool.apply_async(_run_shard, (shard,)))
            while len(pending) >= window or (pending and pending[0].ready()):
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

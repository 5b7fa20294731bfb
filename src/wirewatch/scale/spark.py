"""Scale-out on Apache Spark, in the pattern of Common Crawl's PySpark jobs.

A manifest lists inputs (one path or URL a line: HTML/text files, folders, WARCs, JSONL).
Each input becomes one task; inside each partition one ``Pipeline`` (one model load)
processes its records, and a bad record becomes a row with an ``error``, never a failed
job.  The output is Parquet, one row per document: ``id``, the document JSON, ``error``,
plus ``source``/``seq`` so loading keeps input order.  ``load_parquet`` then streams the rows
back as records for any store (``wirewatch load``).

Needs ``pip install wirewatch[spark]`` and Java 17+.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ConfigError, InputError
from ..records import Document, Failure, RawDocument
from .local import process_safely, shards

RUN_INFO = "_wirewatch_run.json"
"""Side file in the Parquet folder: stage names and counts (Spark ignores ``_`` files)."""
COLUMNS = ("source", "seq", "id", "origin", "document", "error", "error_kind")


@dataclass(frozen=True)
class SparkRun:
    """Counts from one Spark job."""

    out: str
    inputs: int
    documents: int
    failures: int
    stages: tuple[str, ...]


QUICK_START_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
"""Driver JVM flags that cut Spark's start-up time for short local jobs (tests)."""


def spark_session(master: str = "local[2]", app: str = "wirewatch",
                  conf: dict[str, str] | None = None) -> Any:
    """A SparkSession; local masters bind to 127.0.0.1 with the UI off; ``conf`` adds settings."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("Spark is not installed: pip install 'wirewatch[spark]'") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master).appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.python.worker.reuse", "true")
    )
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _row(source: int, seq: int, item: Document | Failure) -> tuple[Any, ...]:
    if isinstance(item, Document):
        return (source, seq, item.id, item.article.url or item.id, item.to_json(), None, None)
    return (source, seq, item.id, item.origin, None, item.error, item.kind)


def process_inputs_partition(
    settings: Settings, indexed_specs: Iterable[tuple[str, int]]
) -> Iterator[tuple[Any, ...]]:
    """Spark ``mapPartitions`` body: one Pipeline per partition, each input spec in turn."""
    from ..ingest.sources import Skipped, iter_inputs
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings)
    for spec, source in indexed_specs:
        items = (i for i in iter_inputs([spec], settings) if not isinstance(i, Skipped))
        seq = 0
        for shard in shards(items):
            for result in process_safely(pipeline, shard):
                yield _row(source, seq, result)
                seq += 1


def process_records_partition(
    settings: Settings, indexed: Iterable[tuple[list[RawDocument | Failure], int]]
) -> Iterator[tuple[Any, ...]]:
    """Spark ``mapPartitions`` body for records already read by the driver."""
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings)
    for shard, source in indexed:
        for seq, result in enumerate(process_safely(pipeline, shard)):
            yield _row(source, seq, result)


def _schema() -> Any:
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType([
        StructField("source", LongType(), False), StructField("seq", LongType(), False),
        StructField("id", StringType(), False), StructField("origin", StringType(), True),
        StructField("document", StringType(), True), StructField("error", StringType(), True),
        StructField("error_kind", StringType(), True),
    ])


def read_manifest(path: str | Path) -> list[str]:
    """Inputs listed in a manifest: one a line; blank lines and ``#`` comments ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read manifest: {exc.strerror or exc}", str(path)) from exc
    specs = [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]
    if not specs:
        raise InputError("manifest lists no inputs", str(path))
    return specs


def run_spark_job(
    specs: list[str], out: str | Path, settings: Settings, *, master: str = "local[2]",
    session: Any = None,
) -> SparkRun:
    """Process each input spec as one Spark task and write Parquet rows to ``out``."""
    from .run import stage_names

    spark = session or spark_session(master)
    sc = spark.sparkContext
    rdd = sc.parallelize(list(zip(specs, range(len(specs)), strict=True)), max(1, len(specs)))
    rows = rdd.mapPartitions(lambda part: process_inputs_partition(settings, part))
    frame = spark.createDataFrame(rows, _schema())
    frame.write.mode("overwrite").parquet(str(out))
    return _finish(out, len(specs), settings, stage_names(settings))


def _finish(out: str | Path, inputs: int, settings: Settings, stages: list[str]) -> SparkRun:
    import pyarrow.parquet as pq

    table = pq.read_table(str(out), columns=["error"])
    documents = table.column("error").null_count
    failures = table.num_rows - documents
    run = SparkRun(str(out), inputs, documents, failures, tuple(stages))
    Path(out, RUN_INFO).write_text(json.dumps({
        "stages": list(stages), "inputs": inputs, "documents": documents,
        "failures": failures, "pipeline": list(settings.pipeline),
    }, indent=1), encoding="utf-8")
    return run


def load_parquet(folder: str | Path) -> Iterator[Document | Failure]:
    """The records in a Parquet folder written by a Spark job, in input order."""
    import pyarrow.parquet as pq

    path = Path(folder)
    if not path.is_dir():
        raise InputError("not a Parquet folder", str(folder))
    try:
        table = pq.read_table(str(path)).sort_by([("source", "ascending"), ("seq", "ascending")])
    except Exception as exc:  # pyarrow raises several unrelated types for bad files
        raise InputError(f"cannot read Parquet: {exc}", str(folder)) from exc
    for row in table.to_pylist():
        if row["document"] is not None:
            yield Document.from_dict(json.loads(row["document"]))
        else:
            yield Failure(row["id"], row["origin"] or row["id"], row["error"] or "unknown error",
                          row["error_kind"] or "error")


def parquet_stages(folder: str | Path) -> list[str] | None:
    """Stage names recorded by the job that wrote ``folder``, if it recorded them."""
    info = Path(folder, RUN_INFO)
    if not info.is_file():
        return None
    stages = json.loads(info.read_text(encoding="utf-8")).get("stages")
    return [str(s) for s in stages] if isinstance(stages, list) else None


def process_spark(
    items: Iterable[RawDocument | Failure], settings: Settings, *, master: str = "local[*]",
    session: Any = None, shard_size: int = 16,
) -> Iterator[Document | Failure]:
    """Process records on Spark (shards as tasks) and stream the results back in order."""
    spark = session or spark_session(master)
    sc = spark.sparkContext
    batch = [(shard, i) for i, shard in enumerate(shards(items, shard_size))]
    if not batch:
        return
    slices = min(len(batch), max(1, sc.defaultParallelism * 4))
    rdd = sc.parallelize(batch, slices)
    rows = rdd.mapPartitions(lambda part: process_records_partition(settings, part)).collect()
    for row in sorted(rows, key=lambda r: (r[0], r[1])):
        _, _, rid, origin, document, error, kind = row
        if document is not None:
            yield Document.from_dict(json.loads(document))
        else:
            yield Failure(rid, origin or rid, error or "unknown error", kind or "error")

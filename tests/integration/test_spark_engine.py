"""Spark in local mode (127.0.0.1, 2 cores) gives the same records as the local engine."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.config import Settings
from wirewatch.ingest.sources import iter_sources
from wirewatch.records import Document, Failure
from wirewatch.scale.local import process_local

pytestmark = [pytest.mark.spark, pytest.mark.slow]
pytest.importorskip("pyspark")

SETTINGS = Settings(pipeline=("extract.article",))


def page(i: int) -> str:
    return (f"<html><head><title>Grid upgrade, part {i}</title></head><body><article>"
            f"<p>Part {i}: engineers began replacing transmission lines in the hill districts "
            "on Monday, the energy agency said, a project meant to end the winter outages.</p>"
            f"<p>The agency said {i + 3} crews would work through the summer.</p>"
            "</article></body></html>")


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-06-01T12:00:00Z"}))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from wirewatch.scale.spark import QUICK_START_JVM, spark_session

    session = spark_session("local[2]", "wirewatch-test",
                            conf={"spark.driver.extraJavaOptions": QUICK_START_JVM,
                                  "spark.default.parallelism": "2"})
    yield session
    session.stop()


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(6):
        (folder / f"p{i}.html").write_text(page(i), encoding="utf-8")
    (folder / "empty.txt").write_text(" ")
    write_warc(tmp_path / "crawl.warc.gz", [(f"https://grid.example/{i}", page(10 + i))
                                            for i in range(4)])
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "j1", "html": page(20)}) + "\nnot json\n")
    return [str(folder), str(tmp_path / "crawl.warc.gz"), str(batch), str(tmp_path / "gone")]


def local_records(specs: list[str]) -> list[Document | Failure]:
    return list(process_local(iter_sources(specs, SETTINGS), SETTINGS, 1))


def test_spark_job_matches_local_engine_and_loads(spark: Any, inputs: list[str],
                                                  tmp_path: Path) -> None:
    from wirewatch.scale.spark import load_parquet

    out = tmp_path / "out.parquet"
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("# inputs\n" + "\n".join(inputs) + "\n")
    config = tmp_path / "ww.yaml"
    config.write_text("pipeline: [extract.article]\n")
    job = CliRunner().invoke(main, ["spark", str(manifest), "--out", str(out), "--master",
                                    "local[2]", "--config", str(config)])  # reuses `spark`
    assert job.exit_code == 0, job.output
    run = json.loads(job.stdout.strip().splitlines()[-1])
    assert (run["inputs"], run["documents"], run["failures"]) == (4, 11, 3)
    expected = local_records(inputs)
    got = list(load_parquet(out))
    assert got == expected  # empty file, bad JSON line and missing path are failure rows
    assert {type(f).__name__ for f in got if isinstance(f, Failure)} == {"Failure"}

    result = CliRunner().invoke(main, ["load", str(out), "--db",
                                       f"sqlite:///{tmp_path / 'l.db'}"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["stored"] == 11 and counts["failed"] == 3
    again = CliRunner().invoke(main, ["load", str(out), "--db", f"sqlite:///{tmp_path / 'l.db'}"])
    assert json.loads(again.stdout)["duplicate"] == 11  # loading twice adds nothing


def test_ingest_engine_spark_matches_local(spark: Any, inputs: list[str],
                                           tmp_path: Path) -> None:
    from wirewatch.scale.progress import Progress
    from wirewatch.scale.run import run_ingest
    from wirewatch.scale.spark import process_spark
    from wirewatch.store import open_store

    got = list(process_spark(iter_sources(inputs, SETTINGS), SETTINGS, session=spark,
                             shard_size=3))
    assert got == local_records(inputs)
    with open_store(f"sqlite:///{tmp_path / 'e.db'}") as store:  # ingest --engine spark
        summary = run_ingest(inputs, SETTINGS, store, engine="spark",
                             progress=Progress(stream=io.StringIO(), live=False))
        assert summary.processed == 14 and summary.stored.stored == 11
        assert store.stats()["documents"] == 11

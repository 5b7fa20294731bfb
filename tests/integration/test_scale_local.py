"""The local process pool: same records whatever the number of workers; CLI ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.config import Settings
from wirewatch.ingest.sources import iter_sources
from wirewatch.records import Document, Failure
from wirewatch.scale.local import process_local

SETTINGS = Settings(pipeline=("extract.article",))
TOPICS = ["harbour", "railway", "election", "drought", "fishing rights", "border crossing"]


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` small invented articles (plus one empty file that must fail)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"{i:03d}.html").write_text(
            f"<html><head><title>Talks on the {topic} dispute, round {i}</title></head><body>"
            f"<article><p>Negotiators met for round {i} of talks on the {topic} dispute on "
            "Tuesday, the foreign ministry said, and agreed to meet again next month.</p>"
            f"<p>Officials said {i % 7 + 2} working groups would prepare proposals before "
            "the next meeting, which is expected to take place in the capital.</p>"
            "</article></body></html>", encoding="utf-8")
    (folder / "zz-empty.txt").write_text("")
    return folder


def test_two_workers_give_the_same_records_as_one(tmp_path: Path) -> None:
    corpus = str(write_corpus(tmp_path / "c", 40))
    one = list(process_local(iter_sources([corpus], SETTINGS), SETTINGS, 1))
    two = list(process_local(iter_sources([corpus], SETTINGS), SETTINGS, 2, shard_size=3))
    assert [type(x).__name__ for x in one] == ["Document"] * 40 + ["Failure"]
    assert one == two  # same records, same order
    assert isinstance(two[0], Document) and isinstance(two[-1], Failure)


@pytest.mark.slow
def test_cli_ingest_with_workers_and_resume(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 30)
    config = tmp_path / "ww.yaml"
    config.write_text("pipeline: [extract.article]\n")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    args = ["ingest", str(corpus), "--workers", "2", "--exclude", "zz-*", "--db", db,
            "--json", "--config", str(config)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    out = json.loads(first.stdout.strip().splitlines()[-1])
    assert out["processed"] == 30 and out["store"]["stored"] == 30 and out["failed"] == {}
    assert "wirewatch: ingest 30/30 (100%)" in first.stderr  # plain log line, not a tty
    second = CliRunner().invoke(main, args)
    out = json.loads(second.stdout.strip().splitlines()[-1])
    assert out["processed"] == 0 and out["skipped"] == {"already in the store": 30}

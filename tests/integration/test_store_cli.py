"""``wirewatch db``, ``events``, ``quotes``, ``actors`` and ``export`` through the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.store import open_store
from wirewatch.store.migrations import LATEST
from wirewatch.store.synthetic import planted_corpus


def test_db_commands_and_queries(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    missing = runner.invoke(main, ["events", "--db", url])
    assert missing.exit_code == 1 and "db init" in missing.output
    init = runner.invoke(main, ["db", "init", "--db", url])
    assert init.exit_code == 0 and f"schema version {LATEST}" in init.output
    migrate = runner.invoke(main, ["db", "migrate", "--db", url])
    assert "up to date" in migrate.output
    docs = [p.doc for p in planted_corpus(seed=3, stories=12)]
    with open_store(url) as store:
        store.add_documents(docs)
    stats = json.loads(runner.invoke(main, ["db", "stats", "--db", url, "--json"]).output)
    assert stats["documents"] == len(docs) and stats["events"] > 0

    table = runner.invoke(main, ["events", "--db", url, "--limit", "5"])
    assert table.exit_code == 0 and table.output.splitlines()[0].startswith("id  date")
    assert len(table.output.splitlines()) == 6
    out = runner.invoke(main, ["events", "--db", url, "--format", "jsonl", "--mentions",
                               "--limit", "100"]).output
    events = [json.loads(line) for line in out.splitlines()]
    assert sum(len(e["mentions"]) for e in events) == len(docs)
    some = events[0]["source_actors"][0]["code"][:3]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(
        main, ["events", "--db", url, "--source", some, "--format", "csv"]).output)))
    assert rows and all(r["source_actors"].startswith(some) for r in rows)
    actors = runner.invoke(main, ["actors", "--db", url, "--format", "csv"]).output
    assert actors.startswith("actor_code,name,events")
    quotes = runner.invoke(main, ["quotes", "--db", url, "--format", "jsonl"])
    assert quotes.exit_code == 0 and quotes.output == ""

    target = tmp_path / "out.tsv"
    res = runner.invoke(main, ["export", "--db", url, "--format", "gdelt", "--out", str(target),
                               "--root", events[0]["cameo_root"]])
    assert res.exit_code == 0, res.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    bad = runner.invoke(main, ["events", "--db", url, "--since", "yesterday"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output

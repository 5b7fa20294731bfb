"""The quick start's main job: the bundled corpus into SQLite, with a summary, idempotently."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import main
from wirewatch.store import EventFilter, open_store

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_demo_fills_the_database_and_reruns_add_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    first = CliRunner().invoke(main, ["demo", "--db", url, "--no-serve"])
    assert first.exit_code == 0, first.output
    assert "stored 24" in first.output
    assert "Most active actors:" in first.output
    with open_store(url) as store:
        counts = {k: v for k, v in store.stats().items() if k != "runs"}
        events = store.query_events(EventFilter(), limit=500).rows
    assert events, "the demo corpus must yield events"
    assert {"PHL", "CHN", "GUY", "VEN"} & {e["source_code"] for e in events}
    second = CliRunner().invoke(main, ["demo", "--db", url, "--no-serve"])
    assert second.exit_code == 0, second.output
    assert "stored 0" in second.output
    with open_store(url) as store:
        again = {k: v for k, v in store.stats().items() if k != "runs"}
        assert again == counts, "a rerun must not add or lose rows (only a run record)"

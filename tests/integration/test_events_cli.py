"""``wirewatch evaluate events`` on a small gold folder written for these tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirewatch.cli import main

pytestmark = pytest.mark.model


def test_evaluate_events_reads_plover_layout(tmp_path: Path, fixtures: Path) -> None:
    gold = tmp_path / "plover_gsr" / "gold_standard_records"
    gold.mkdir(parents=True)
    shutil.copy(fixtures / "events" / "plover_sample.json", gold / "PLOVER_GSR_CAMEO.txt")
    result = CliRunner().invoke(main, ["evaluate", "events", "--data", str(tmp_path),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows["PLOVER gold"]["sentences"] == 2


def test_evaluate_events_without_gold_fails_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "events", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "no PETRARCH-2 records or PLOVER gold found" in result.output

"""The geo.places stage and the evaluate-geo command on a small fixture."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wirewatch import registry
from wirewatch.config import Settings
from wirewatch.geo import dateline_place
from wirewatch.geo.evaluate import evaluate
from wirewatch.records import Article, Document, Entity, Span


def _doc() -> Document:
    text = "Officials in Alexandria and Pineville, Louisiana, met. Egypt was not involved."
    ents = (
        Entity("e1", "Alexandria", "GPE", mentions=(Span(13, 23, "Alexandria"),)),
        Entity("e2", "Pineville", "GPE", mentions=(Span(28, 37, "Pineville"),)),
        Entity("e3", "Louisiana", "GPE"),
        Entity("e4", "Egypt", "GPE", actor_code="EGY", country="EGY"),
        Entity("e5", "Dana Holt", "PERSON"),
        Entity("e6", "Zyxtopia Flats", "LOC"),
    )
    return Document("d1", Article(text=text), entities=ents)


def test_stage_sets_geonames_ids_and_countries_in_context() -> None:
    stage = registry.get("geo.places").factory(Settings())
    out = stage(_doc(), None)
    by_id = {e.id: e for e in out.entities}
    assert by_id["e1"].geonames_id == 4314550 and by_id["e1"].country == "USA"
    assert by_id["e2"].geonames_id == 4337291
    assert by_id["e3"].geonames_id == 4331987
    assert by_id["e4"].geonames_id == 357994  # a country entity keeps its country
    assert by_id["e5"] == _doc().entities[4]  # people untouched
    assert by_id["e6"].geonames_id is None  # unknown place left as it was
    assert out.pipeline[-1].stage == "geo.places" and out.pipeline[-1].version == "1"


def test_dateline_place() -> None:
    loc = dateline_place("GEORGETOWN, Guyana (AP) —")
    assert loc is not None and loc.country == "GUY" and loc.feature == "PPLC"
    assert dateline_place("MANILA/BEIJING, March 23 (Reuters) -").name == "Manila"  # type: ignore[union-attr]
    assert dateline_place("") is None


def test_evaluate_fixture_beats_population_baseline(fixtures: Path) -> None:
    results = evaluate(fixtures / "geo" / "mini.xml")["mini"]
    ours, base = results["wirewatch"], results["baseline (most populous)"]
    assert ours["toponyms"] == 4  # the toponym without a gaztag is not scored
    assert ours["accuracy"] == 1.0 and ours["acc@161km"] == 1.0
    assert base["accuracy"] < ours["accuracy"]  # the baseline picks Alexandria, Egypt


def test_cli_evaluate_geo(fixtures: Path, tmp_path: Path) -> None:
    from wirewatch.cli import main

    runner = CliRunner()
    res = runner.invoke(main, ["evaluate", "geo", "--data", str(fixtures / "geo"),
                               "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["mini"]["wirewatch"]["accuracy"] == 1.0
    bad = runner.invoke(main, ["evaluate", "geo", "--data", str(tmp_path)])
    assert bad.exit_code == 1
    assert "no geoparsing XML files found" in bad.output and len(bad.output.splitlines()) == 1

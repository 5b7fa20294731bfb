"""Package contract: public API, exception tree, stage registry, CLI extract contract."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import wirewatch
from wirewatch import errors, registry
from wirewatch.cli import main
from wirewatch.config import Settings, load_settings
from wirewatch.pipeline import Pipeline

STORY = (
    "Ministers pledge new border talks\n\n"
    "Advertisement\n\n"
    "BERLIN (Reuters) — Foreign ministers from Germany and Poland agreed on Tuesday to hold "
    "new talks on border security next month, officials said, after weeks of tension over "
    "migration and the closure of two crossings.\n\n"
    "The ministers said the talks would take place in Warsaw and would include interior "
    "ministry officials from both countries as well as representatives of the police.\n"
)


def test_public_api_is_sorted_and_complete() -> None:
    assert wirewatch.__all__ == sorted(wirewatch.__all__, key=str)
    for name in wirewatch.__all__:
        assert hasattr(wirewatch, name), name


def test_every_error_is_one_line_naming_input_with_unique_code() -> None:
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)
               if issubclass(c, errors.WirewatchError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
    err = errors.EmptyInputError("input is\nempty", origin="page.html")
    assert str(err) == "page.html: input is empty [WW101]"
    assert isinstance(err, errors.InputError)


def test_registry_resolves_newest_and_rejects_unknown() -> None:
    info = registry.get("extract.article")
    assert registry.get(info.full_name) is info
    with pytest.raises(errors.StageError):
        registry.get("extract.nothing")
    with pytest.raises(errors.StageError):
        registry.get("nosuchpackage.stage")


def test_pipeline_records_its_stages() -> None:
    doc = Pipeline(Settings(pipeline=("extract.article",))).process(
        wirewatch.RawDocument("x", STORY, "text", "test")
    )
    assert doc.pipeline[0].stage == "extract.article"
    assert doc.article.title == "Ministers pledge new border talks"


def test_config_file_unknown_keys_are_an_error(tmp_path: Path) -> None:
    cfg = tmp_path / "w.yaml"
    cfg.write_text("pipeline: [extract.article]\nmax_input_bytes: 1000\n")
    assert load_settings(cfg).max_input_bytes == 1000
    cfg.write_text("no_such_setting: 1\n")
    with pytest.raises(errors.ConfigError, match="no_such_setting"):
        load_settings(cfg)


@pytest.fixture
def extract_only(tmp_path: Path) -> str:
    """A config that runs extraction alone (unit tests need no language model)."""
    cfg = tmp_path / "extract-only.yaml"
    cfg.write_text("pipeline: [extract.article]\n", encoding="utf-8")
    return str(cfg)


def test_cli_extract_prints_the_contract_fields(tmp_path: Path, extract_only: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(path), "--published", "2024-05-07", "--config", extract_only]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"id", "article", "entities", "quotes", "events", "pipeline"}
    art = data["article"]
    assert set(art) >= {"title", "text", "published", "authors", "outlet", "dateline",
                        "credits", "language", "removed"}
    assert art["published"] == "2024-05-07"
    assert "Advertisement" not in art["text"]


def test_cli_batch_keeps_order_and_reports_bad_lines(tmp_path: Path, extract_only: str) -> None:
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        "{not json",
        json.dumps({"id": "c", "html": ""}),
        json.dumps({"id": "d", "text": STORY.replace("Poland", "France")}),
    ]
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--batch", str(batch), "--config", extract_only])
    assert result.exit_code == 0
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "line-2", "c", "d"]
    assert "error" in out[1] and "error" in out[2]
    assert "France" in out[3]["article"]["text"]


def test_cli_missing_file_is_one_line_error() -> None:
    result = CliRunner().invoke(main, ["extract", "does/not/exist.html"])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "does/not/exist.html" in result.stderr

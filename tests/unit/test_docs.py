"""The README documents what the code does: commands, quick start, settings, errors, links."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click
import pytest

from wirewatch import errors
from wirewatch.cli import main
from wirewatch.config import Settings

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    """The text of the README's ``## title`` section, up to the next ``## ``."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _command_lines(text: str) -> list[str]:
    """Commands inside the ```sh blocks of ``text``, comments and blank lines dropped."""
    lines: list[str] = []
    for block in re.findall(r"```(?:sh|bash|console)\n(.*?)```", text, re.S):
        for line in block.splitlines():
            command = line.split("#", 1)[0].strip()
            if command:
                lines.append(command)
    return lines


def _cli_names() -> list[str]:
    """``NAME`` for every top-level command and ``GROUP NAME`` for every subcommand."""
    names: list[str] = []
    for name, command in sorted(main.commands.items()):
        names.append(name)
        if isinstance(command, click.Group):
            names += [f"{name} {sub}" for sub in sorted(command.commands)]
    return names


def test_cli_has_the_groups_the_readme_describes() -> None:
    names = _cli_names()
    assert {"db init", "db migrate", "db stats"} <= set(names)
    assert {"evaluate events", "evaluate quotes", "evaluate geo"} <= set(names)


@pytest.mark.parametrize("name", _cli_names())
def test_every_command_is_documented(name: str) -> None:
    pattern = r"wirewatch\s+" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])"
    assert re.search(pattern, README), f"README never shows `wirewatch {name}`"


def test_quick_start_is_first_and_has_exactly_make_demo_and_make_test() -> None:
    first = re.search(r"^## (.+)$", README, re.M)
    assert first and first.group(1) == "Quick start"
    assert _command_lines(_section("Quick start")) == ["make demo", "make test"]


def test_makefile_has_the_quick_start_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = dict(re.findall(r"^([\w-]+):[^=\n]*\n((?:\t.*\n?)*)", makefile, re.M))
    assert "demo" in targets and "test" in targets
    assert "wirewatch demo" in targets["demo"]
    for tool in ("ruff", "mypy", "pytest"):
        assert tool in targets["test"], f"make test does not run {tool}"


def test_ci_calls_make_test() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [ln.strip() for ln in script.splitlines() if ln.strip() and not ln.startswith("#")]
    assert "make test" in commands


def test_every_setting_is_documented() -> None:
    configuration = _section("Configuration")
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in configuration, f"setting {field.name} is not in the README"


def test_every_error_class_and_code_is_documented() -> None:
    section = _section("Errors")
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert re.search(rf"\b{name}\s+{cls.code}\b", section), f"{name} {cls.code} missing"


def test_local_links_and_images_exist() -> None:
    targets = re.findall(r"\]\(((?!https?:|#)[^)\s]+)\)", README)
    assert targets, "README links no local files"
    missing = [t for t in targets if not (ROOT / t).exists()]
    assert not missing, f"README links to missing files: {missing}"


def test_table_of_contents_points_at_real_sections() -> None:
    anchors = re.findall(r"\]\(#([\w-]+)\)", README)
    headings = {
        re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
        for h in re.findall(r"^#{2,3} (.+)$", README, re.M)
    }
    assert anchors and not set(anchors) - headings

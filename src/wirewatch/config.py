"""Settings: defaults, overridable from a YAML file (``--config`` or ``$WIREWATCH_CONFIG``).

Example ``wirewatch.yaml``::

    pipeline: [extract.article, actors.entities, quotes.attribution, events.coder]
    model: en_core_web_sm
    user_dictionaries: [my_actors.yaml, PETR.Validate.actors.txt]
    max_input_bytes: 20000000
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_PIPELINE: tuple[str, ...] = (
    "extract.article", "actors.entities", "quotes.attribution", "geo.places", "events.coder",
)
"""Stages run by ``wirewatch extract`` and ``ingest`` unless the config names others."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable.  Frozen and picklable, so workers get their own copy."""

    pipeline: tuple[str, ...] = DEFAULT_PIPELINE
    model: str | None = None
    """spaCy pipeline name; ``None`` picks ``en_core_web_sm`` or its PyPI re-upload."""
    user_dictionaries: tuple[str, ...] = ()
    """User actor/agent files (YAML, CSV or PETRARCH-2 format); their entries win."""
    max_input_bytes: int = 20_000_000
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    fetch_max_redirects: int = 5
    user_agent: str = "wirewatch (+https://pypi.org/project/wirewatch/)"
    per_host_delay: float = 1.0
    explain: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def load_settings(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Settings from ``path`` (or ``$WIREWATCH_CONFIG``), then ``overrides``."""
    path = path or os.environ.get("WIREWATCH_CONFIG")
    values: dict[str, Any] = {}
    if path:
        import yaml

        p = Path(path)
        try:
            loaded = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read config: {exc}", origin=str(p)) from exc
        if not isinstance(loaded, dict):
            raise ConfigError("config must be a mapping", origin=str(p))
        names = {f.name for f in dataclasses.fields(Settings)}
        unknown = set(loaded) - names
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}", origin=str(p))
        for key, value in loaded.items():
            if key in ("pipeline", "user_dictionaries"):
                value = tuple(
                    str((p.parent / v).resolve()) if key == "user_dictionaries" else v
                    for v in (value or ())
                )
            values[key] = value
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)

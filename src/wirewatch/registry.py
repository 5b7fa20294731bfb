"""Named, versioned pipeline stages.

A stage is registered under ``PACKAGE.NAME`` with a version; its full name is
``PACKAGE.NAME.vVERSION`` (``events.coder.v1``) and is stored with every output so any row
can be traced to the code that made it.  Looking up ``PACKAGE.NAME`` without a version
gives the newest.  Stages live in ``wirewatch.PACKAGE`` and register themselves on import;
``get`` imports the package on demand, so only the stages a pipeline uses are loaded.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .errors import StageError

if TYPE_CHECKING:
    from .config import Settings
    from .records import Document, RawDocument


class Context(Protocol):
    """What a stage may ask of the pipeline for the document at hand."""

    settings: Settings

    def parse(self) -> Any:
        """The language-model parse of ``article.text`` (made once, shared by stages)."""


class Stage(Protocol):
    """A pure step ``Document -> Document``; no network, no database."""

    name: str
    version: str

    def __call__(self, doc: Document, ctx: Context) -> Document: ...


class Extractor(Protocol):
    """The first step ``RawDocument -> Document``."""

    name: str
    version: str

    def __call__(self, raw: RawDocument, settings: Settings) -> Document: ...


@dataclass(frozen=True)
class StageInfo:
    name: str
    version: str
    factory: Callable[[Settings], Any]
    assigns: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.name}.v{self.version}"


_STAGES: dict[str, StageInfo] = {}
_VERSIONED = re.compile(r"^(?P<name>.+)\.v(?P<version>\d+)$")


def register(
    name: str,
    version: str,
    *,
    assigns: tuple[str, ...] = (),
    requires: tuple[str, ...] = (),
) -> Callable[[Callable[[Settings], Any]], Callable[[Settings], Any]]:
    """Decorator registering a stage factory ``factory(settings) -> stage``."""

    def deco(factory: Callable[[Settings], Any]) -> Callable[[Settings], Any]:
        info = StageInfo(name, str(version), factory, assigns, requires)
        _STAGES[info.full_name] = info
        return factory

    return deco


def _newest(name: str) -> StageInfo | None:
    found = [s for s in _STAGES.values() if s.name == name]
    return max(found, key=lambda s: int(s.version)) if found else None


def get(name: str) -> StageInfo:
    """The stage registered as ``name`` (``pkg.stage`` for the newest, or ``pkg.stage.vN``)."""
    package = name.split(".", 1)[0]
    try:
        importlib.import_module(f"wirewatch.{package}")
    except ModuleNotFoundError as exc:
        raise StageError(f"unknown stage {name!r}: no package wirewatch.{package}") from exc
    match = _VERSIONED.match(name)
    info = _STAGES.get(name) if match else _newest(name)
    if info is None:
        known = ", ".join(sorted(_STAGES)) or "none"
        raise StageError(f"unknown stage {name!r} (registered: {known})")
    return info


STAGE_PACKAGES = ("extract", "actors", "geo", "quotes", "events")


def registered(load: bool = True) -> list[StageInfo]:
    """All registered stages; with ``load``, first import every built-in stage package."""
    if load:
        for package in STAGE_PACKAGES:
            try:
                importlib.import_module(f"wirewatch.{package}")
            except ModuleNotFoundError:
                continue
    return sorted(_STAGES.values(), key=lambda s: s.full_name)

"""Actors: the knowledge base of actor codes, and the ``actors.entities`` stage.

    from wirewatch.actors import load_kb
    kb = load_kb(settings)                      # built-in data + settings.user_dictionaries
    kb.match("Russian Defense Minister", date="2023-08-01").code   # "RUSMIL"
    kb.country("North Korean")                                     # "PRK"

User dictionary formats are described in ``wirewatch.actors.userdict``.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any

from .kb import ActorMatch, Agent, Entry, KnowledgeBase

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["ActorMatch", "Agent", "Entry", "KnowledgeBase", "builtin_kb", "load_kb"]


def builtin_kb() -> KnowledgeBase:
    """A fresh knowledge base holding only the built-in data."""
    from .builtin import load_builtin

    return load_builtin(KnowledgeBase())


def _stamp(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0


@functools.lru_cache(maxsize=8)
def _cached(paths: tuple[str, ...], stamps: tuple[float, ...]) -> KnowledgeBase:
    kb = builtin_kb()
    for path in paths:
        kb.load_user_file(path)
    return kb


def load_kb(settings: Settings | None = None) -> KnowledgeBase:
    """The knowledge base for ``settings`` (cached per process; user entries win).

    Treat the result as read-only: it is shared by every caller with the same dictionaries.
    """
    paths = tuple(settings.user_dictionaries) if settings is not None else ()
    return _cached(paths, tuple(_stamp(p) for p in paths))


def _register() -> None:
    from ..registry import register

    @register("actors.entities", "2", assigns=("entities",), requires=("article",))
    def _make_entity_stage(settings: Settings) -> Any:
        from .entities import EntityStage

        return EntityStage(load_kb(settings))


_register()

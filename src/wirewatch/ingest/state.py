"""What sources remember between runs (fetch validators, seen feed items), kept in the store."""

from __future__ import annotations

import json
from typing import Any, Protocol


class StateStore(Protocol):
    """The part of ``wirewatch.store.Store`` that sources use."""

    def get_state(self, key: str) -> Any: ...

    def set_state(self, key: str, value: Any) -> None: ...

    def has_document(self, doc_id: str) -> bool: ...


class MemoryState:
    """An in-process ``StateStore`` (for runs without a database, and for tests)."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.documents: set[str] = set()

    def get_state(self, key: str) -> Any:
        return self.values.get(key)

    def set_state(self, key: str, value: Any) -> None:
        self.values[key] = value

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self.documents


def load_json(state: StateStore | None, key: str) -> dict[str, Any] | None:
    """A JSON object saved under ``key`` (stores may hand back text or decoded JSON)."""
    if state is None:
        return None
    value = state.get_state(key)
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def save_json(state: StateStore | None, key: str, value: dict[str, Any]) -> None:
    if state is not None:
        state.set_state(key, json.dumps(value, sort_keys=True))

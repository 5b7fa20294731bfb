"""Typed, immutable records that carry one news document through every stage.

Every record is a frozen dataclass (cheap, hashable, picklable for process pools and
Spark).  ``Document.to_dict()`` gives the versioned JSON form described by
``schema/document.schema.json``; ``Document.from_dict()`` reads it back.

All character offsets (``start``/``end``) point into ``Article.text``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, TypeVar, Union

SCHEMA_VERSION = "1.0"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``[start, end)`` in ``Article.text`` with its text."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input that extraction stripped, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class FieldSource:
    """Where an article field came from: the method and, if in the text, the span."""

    field: str
    method: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The clean article: body text plus its metadata."""

    title: str | None = None
    text: str = ""
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    dateline: str | None = None
    credits: tuple[str, ...] = ()
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    url: str | None = None
    published_source: str | None = None
    """``page``, ``text``, ``override``, ``feed`` or ``capture`` (a WARC capture date)."""
    input_kind: str | None = None
    """``html`` or ``text``: the shape of the input the article came from."""
    provenance: tuple[FieldSource, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, linked across its mentions."""

    id: str
    name: str
    type: str
    actor_code: str | None = None
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    """Entity id of the organisation or country the role belongs to."""
    mentions: tuple[Span, ...] = ()
    country: str | None = None
    """ISO 3166 alpha-3 of the country the entity belongs to, when known."""
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to."""

    name: str
    entity: str | None = None
    actor_code: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct, partial, mixed or indirect statement with its speaker."""

    id: str
    text: str
    kind: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    via: Speaker | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event."""

    name: str
    entity: str | None = None
    actor_code: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    """PLOVER event type, mode and context."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Location:
    """A resolved place."""

    name: str
    country: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: ``value`` (ISO date) when resolved, else only ``text``."""

    value: str | None = None
    text: str | None = None
    resolved: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where."""

    id: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    cameo: str
    cameo_root: str
    plover: Plover | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    modality: str = "asserted"
    asserted_by: Actor | None = None
    date: EventDate | None = None
    location: Location | None = None
    confidence: float = 0.0
    trigger: Span | None = None
    sentence: Span | None = None
    pattern: str | None = None
    """The lexicon pattern that fired (shown by ``--explain``)."""


@dataclass(frozen=True, slots=True)
class StageRun:
    """A stage that produced part of the record: its registered name and version."""

    stage: str
    version: str


@dataclass(frozen=True, slots=True)
class Document:
    """One news document as it moves through the pipeline."""

    id: str
    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    pipeline: tuple[StageRun, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (lists, dicts, ``None`` kept)."""
        out = to_jsonable(self)
        assert isinstance(out, dict)
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return from_jsonable(cls, data)

    def with_stage(self, stage: str, version: str, **changes: Any) -> Document:
        """A copy with ``changes`` applied and the stage appended to ``pipeline``."""
        return dataclasses.replace(
            self, pipeline=(*self.pipeline, StageRun(stage, version)), **changes
        )


@dataclass(frozen=True, slots=True)
class RawDocument:
    """An input before extraction: HTML or already-scraped text, with what we know of it."""

    id: str
    content: str
    kind: str
    """``html`` or ``text``."""
    origin: str
    """Where it came from (path, URL, ``stdin``, ``batch:LINE``): named in errors."""
    url: str | None = None
    published: str | None = None
    published_source: str | None = None
    outlet: str | None = None
    title: str | None = None
    fetched_at: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, kept so batch runs can report it."""

    id: str
    origin: str
    error: str
    kind: str = "error"


def content_id(*parts: str | None) -> str:
    """A stable 16-hex-digit id from the given strings."""
    h = hashlib.sha256()
    for p in parts:
        h.update((p or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


def to_jsonable(value: Any) -> Any:
    """Convert records (recursively) to JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (item,) = typing.get_args(tp)[:1]
        return tuple(_convert(item, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_jsonable(tp, value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def from_jsonable(cls: type[T], data: dict[str, Any]) -> T:
    """Build record ``cls`` from its JSON form, ignoring unknown keys."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "Document",
    "Entity",
    "Event",
    "EventDate",
    "Failure",
    "FieldSource",
    "Location",
    "Plover",
    "Quote",
    "RawDocument",
    "Removed",
    "Span",
    "Speaker",
    "StageRun",
    "content_id",
    "from_jsonable",
    "to_jsonable",
]

"""The JSON Schema of the document JSON (``document.schema.json``), generated from the records.

Regenerate after changing ``records.py``::

    python -m wirewatch.schema > src/wirewatch/schema/document.schema.json

(a test fails while the committed file is stale).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import types
import typing
from importlib import resources
from typing import Any, Union

from .. import records
from ..records import SCHEMA_VERSION, Document

SCHEMA_ID = f"https://wirewatch.dev/schema/document-{SCHEMA_VERSION}.json"


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = typing.get_args(tp)
        inner = [_type_schema(a, defs) for a in args if a is not type(None)]
        schema = inner[0] if len(inner) == 1 else {"anyOf": inner}
        if type(None) in args:
            return {"anyOf": [schema, {"type": "null"}]}
        return schema
    if origin is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], defs)}
    if origin is dict:
        return {"type": "object"}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        _define(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    return {}


def _define(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ in defs:
        return defs[cls.__name__]  # type: ignore[no-any-return]
    defs[cls.__name__] = {}
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required = []  # to_dict() always writes every field
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints[f.name], defs)
        doc = _field_docs(cls).get(f.name)
        if doc:
            prop = {**prop, "description": doc}
        props[f.name] = prop
        required.append(f.name)
    body: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": props,
        "required": required,
    }
    defs[cls.__name__] = body
    return body


def _field_docs(cls: type) -> dict[str, str]:
    """Attribute docstrings (a string literal right after a field) from the source."""
    import ast
    import inspect

    try:
        tree = ast.parse(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    out: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for prev, node in itertools.pairwise(body):
        if (isinstance(prev, ast.AnnAssign) and isinstance(prev.target, ast.Name)
                and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            out[prev.target.id] = " ".join(node.value.value.split())
    return out


def generate() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for ``Document.to_dict()``."""
    defs: dict[str, Any] = {}
    root = dict(_define(Document, defs))
    defs.pop("Document")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"wirewatch document {SCHEMA_VERSION}",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def load() -> dict[str, Any]:
    """The committed schema file."""
    text = resources.files(__package__).joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


__all__ = ["SCHEMA_ID", "generate", "load", "records"]

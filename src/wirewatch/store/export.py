"""Stream events out as GDELT 2.0 TSV, CSV, JSONL or Parquet (constant memory).

Events are read in pages (``Store.iter_events``) and written as they come, so exporting a
million events needs no more memory than one page.  The Parquet schema is
``parquet_schema()`` (one row per event; actor lists as ``list<struct<name, code>>``; every
field carries a ``description``).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import StoreError
from .gdelt import gdelt_line, gdelt_rows
from .queries import EventFilter
from .store import Store

FORMATS = ("gdelt", "csv", "jsonl", "parquet")

FLAT_COLUMNS: tuple[str, ...] = (
    "id", "date", "source_code", "source_name", "source_country", "source_actors",
    "target_code", "target_name", "target_country", "target_actors", "cameo", "cameo_root",
    "plover_type", "plover_mode", "quad_class", "goldstein", "modality", "is_root",
    "loc_name", "loc_country", "loc_geonames_id", "loc_lat", "loc_lon", "loc_feature",
    "num_mentions", "num_sources", "num_articles", "source_url", "first_doc_id", "date_added",
)
"""Columns of the CSV export (actor lists joined with ``+``, codes or else names)."""


def parquet_schema() -> Any:
    """The Parquet export's schema; each field's ``description`` metadata documents it."""
    import pyarrow as pa

    actor = pa.struct([("name", pa.string()), ("code", pa.string())])

    def f(name: str, typ: Any, doc: str) -> Any:
        return pa.field(name, typ, metadata={"description": doc})

    return pa.schema([
        f("id", pa.int64(), "event id (stable within one database)"),
        f("date", pa.date32(), "event date (resolved, else publication date)"),
        f("source_code", pa.string(), "CAMEO code of the first source actor"),
        f("source_name", pa.string(), "name of the first source actor"),
        f("source_country", pa.string(), "country part of source_code"),
        f("source_actors", pa.list_(actor), "all source actors"),
        f("target_code", pa.string(), "CAMEO code of the first target actor"),
        f("target_name", pa.string(), "name of the first target actor"),
        f("target_country", pa.string(), "country part of target_code"),
        f("target_actors", pa.list_(actor), "all target actors"),
        f("cameo", pa.string(), "CAMEO event code"),
        f("cameo_root", pa.string(), "CAMEO root code (2 digits)"),
        f("plover_type", pa.string(), "PLOVER event type"),
        f("plover_mode", pa.string(), "PLOVER mode"),
        f("quad_class", pa.int8(), "1 verbal coop., 2 material coop., 3 verbal conflict, "
                                   "4 material conflict"),
        f("goldstein", pa.float32(), "Goldstein scale, -10..10"),
        f("modality", pa.string(), "asserted, claimed, denied, threatened, …"),
        f("is_root", pa.bool_(), "reported in the first paragraph"),
        f("loc_name", pa.string(), "place name"),
        f("loc_country", pa.string(), "ISO 3166 alpha-3 of the place"),
        f("loc_geonames_id", pa.int64(), "GeoNames id of the place"),
        f("loc_lat", pa.float64(), "latitude"),
        f("loc_lon", pa.float64(), "longitude"),
        f("loc_feature", pa.string(), "place feature class/code"),
        f("num_mentions", pa.int32(),
          "mentions; a near-duplicate of an article already counted adds none"),
        f("num_sources", pa.int32(), "distinct outlets reporting it"),
        f("num_articles", pa.int32(), "distinct articles (near-duplicates counted once)"),
        f("source_url", pa.string(), "URL of the first article reporting it"),
        f("first_doc_id", pa.string(), "document id of that article"),
        f("date_added", pa.string(), "when it was first stored (ISO 8601, UTC)"),
    ])


def _joined(actors: list[dict[str, Any]]) -> str:
    return "+".join(a.get("code") or a.get("name") or "" for a in actors)


def _flat(ev: dict[str, Any]) -> list[Any]:
    row = dict(ev)
    row["source_actors"] = _joined(ev.get("source_actors") or [])
    row["target_actors"] = _joined(ev.get("target_actors") or [])
    row["is_root"] = int(bool(ev.get("is_root")))
    return ["" if row.get(c) is None else row.get(c) for c in FLAT_COLUMNS]


def write_gdelt(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for ev in events:
        for cells in gdelt_rows(ev):
            out.write(gdelt_line(cells))
            n += 1
    return n


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    n = 0
    for ev in events:
        writer.writerow(_flat(ev))
        n += 1
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n


PARQUET_BATCH = 20_000


def write_parquet(events: Iterable[dict[str, Any]], path: str | Path) -> int:
    """Write ``events`` to a Parquet file in row groups of ``PARQUET_BATCH``."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    names = schema.names
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            cols = {name: [r.get(name) for r in batch] for name in names}
            cols["date"] = [dt.date.fromisoformat(d) if d else None for d in cols["date"]]
            writer.write_table(pa.Table.from_pydict(cols, schema=schema))
            batch.clear()

        for ev in events:
            batch.append(ev)
            n += 1
            if len(batch) >= PARQUET_BATCH:
                flush()
        if batch:
            flush()
    return n


TextWriter = Callable[[Iterable[dict[str, Any]], IO[str]], int]
_TEXT: dict[str, TextWriter] = {"gdelt": write_gdelt, "csv": write_csv, "jsonl": write_jsonl}


def export_events(store: Store, fmt: str, out: str | Path,
                  filters: EventFilter | None = None) -> int:
    """Write matching events to ``out`` (a path, or ``-`` for stdout); rows written.

    For ``gdelt`` the count is of GDELT rows (compound actors expanded pairwise).
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    events = store.iter_events(filters)
    if fmt == "parquet":
        if str(out) == "-":
            raise StoreError("Parquet needs a file: give --out PATH")
        return write_parquet(events, out)
    if str(out) == "-":
        return _TEXT[fmt](events, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return _TEXT[fmt](events, fh)

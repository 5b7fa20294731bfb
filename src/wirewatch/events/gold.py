"""Readers for public event gold data: PETRARCH-2 validation records and PLOVER's gold.

Both become ``GoldSentence`` lists.  Nothing here is bundled: the files are read from the
directory the user names (``wirewatch evaluate events --data DIR``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import MalformedInputError

PETRARCH_RECORDS = "petrarch2_unittest/petrarch2/data/text/PETR.UnitTest.records.xml"
PETRARCH_DICTIONARIES = "petrarch2_unittest/petrarch2/data/dictionaries"
PLOVER_GOLD = "plover_gsr/gold_standard_records/PLOVER_GSR_CAMEO.txt"

PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT",
                  "INVESTIGATE": "ACCUSE"}
"""PLOVER 0.5/0.6 labels used by the gold file -> the current manual's labels."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: tuple[str, ...]
    target: tuple[str, ...]
    code: str | None = None
    """CAMEO (or PETRARCH dictionary) code, when the gold gives one."""
    plover: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    category: str
    date: str | None
    events: tuple[GoldEvent, ...]

    @property
    def no_event(self) -> bool:
        return not self.events


def _iso(yyyymmdd: str | None) -> str | None:
    if not yyyymmdd or len(yyyymmdd) != 8 or not yyyymmdd.isdigit():
        return yyyymmdd or None
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"


def read_petrarch(path: Path) -> list[GoldSentence]:
    """PETRARCH-2 ``PETR.UnitTest.records.xml``; records coded as errors are skipped."""
    from lxml import etree

    try:
        root = etree.fromstring(path.read_bytes(), parser=etree.XMLParser(recover=True))
    except (OSError, etree.XMLSyntaxError) as exc:
        raise MalformedInputError(f"cannot read PETRARCH records: {exc}", origin=str(path)) \
            from exc
    out: list[GoldSentence] = []
    for s in root.iter("Sentence"):
        codings = list(s.iter("EventCoding"))
        if any(c.get("error") is not None for c in codings):
            continue
        events = tuple(
            GoldEvent((c.get("sourcecode", "").strip('"'),), (c.get("targetcode", "").strip('"'),),
                      c.get("eventcode"))
            for c in codings if c.get("eventcode")
        )
        text = " ".join((s.findtext("Text") or "").split())
        if not text:
            continue
        out.append(GoldSentence(s.get("id", ""), text, (s.get("category") or "").rstrip("x"),
                                _iso(s.get("date")), events))
    return out


def _actors(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    codes = []
    for item in value:
        if isinstance(item, dict) and item.get("code"):
            codes.append(str(item["code"]) + str(item.get("sector") or ""))
    return tuple(codes)


def read_plover(path: Path) -> list[GoldSentence]:
    """PLOVER's ``PLOVER_GSR_CAMEO.txt`` (a JSON list); the DOCUMENT header is skipped."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MalformedInputError(f"cannot read PLOVER gold: {exc}", origin=str(path)) from exc
    out: list[GoldSentence] = []
    for rec in data:
        label = str(rec.get("event", ""))
        if label == "DOCUMENT" or not rec.get("text"):
            continue
        label = PLOVER_RENAMED.get(label, label)
        event = GoldEvent(_actors(rec.get("source")), _actors(rec.get("target")), None, label)
        out.append(GoldSentence(str(rec.get("id", "")), " ".join(str(rec["text"]).split()),
                                label, rec.get("date"), (event,)))
    return out


def find_data(data: Path) -> tuple[Path | None, Path | None, Path | None]:
    """(PETRARCH records, PETRARCH dictionaries dir, PLOVER gold) under ``data`` (the
    ``events`` folder or its parent); ``None`` for what is missing."""
    for base in (data, data / "events"):
        records, dicts, plover = (base / PETRARCH_RECORDS, base / PETRARCH_DICTIONARIES,
                                  base / PLOVER_GOLD)
        if records.exists() or plover.exists():
            return (records if records.exists() else None, dicts if dicts.exists() else None,
                    plover if plover.exists() else None)
    return None, None, None

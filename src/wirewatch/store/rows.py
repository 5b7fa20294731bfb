"""Records to table rows (pure functions): documents, entities, mentions, quotes, events."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..records import Actor, Document, Event, Location

JsonRow = dict[str, Any]


def content_hash(doc: Document) -> str:
    """SHA-256 of the article's title and whitespace-normalised text."""
    body = " ".join((doc.article.text or "").split())
    title = " ".join((doc.article.title or "").split())
    return hashlib.sha256(f"{title}\x00{body}".encode("utf-8", "surrogatepass")).hexdigest()


def stages_json(doc: Document) -> str:
    return json.dumps([f"{s.stage}.v{s.version}" for s in doc.pipeline])


def document_row(doc: Document, **extra: Any) -> JsonRow:
    a = doc.article
    return {
        "id": doc.id, "url": a.url, "outlet": a.outlet, "title": a.title,
        "published": a.published, "language": a.language, "content_hash": content_hash(doc),
        "stages": stages_json(doc), "data": doc.to_json(), **extra,
    }


def entity_rows(doc: Document) -> list[JsonRow]:
    return [{
        "doc_id": doc.id, "entity_id": e.id, "name": e.name, "type": e.type,
        "actor_code": e.actor_code, "country": e.country, "affiliation": e.affiliation,
        "roles": json.dumps(list(e.roles)) if e.roles else None, "geonames_id": e.geonames_id,
    } for e in _unique(doc.entities, lambda e: e.id)]


def mention_rows(doc: Document) -> list[JsonRow]:
    return [{
        "doc_id": doc.id, "entity_id": e.id, "start_char": m.start, "end_char": m.end,
        "text": m.text,
    } for e in doc.entities for m in e.mentions]


def quote_rows(doc: Document, day: int | None) -> list[JsonRow]:
    return [{
        "doc_id": doc.id, "quote_id": q.id, "text": q.text, "kind": q.kind,
        "start_char": q.start, "end_char": q.end,
        "speaker_name": q.speaker.name if q.speaker else None,
        "speaker_entity": q.speaker.entity if q.speaker else None,
        "speaker_code": q.speaker.actor_code if q.speaker else None,
        "cue": q.cue, "via_name": q.via.name if q.via else None,
        "via_code": q.via.actor_code if q.via else None,
        "day": day, "outlet": doc.article.outlet,
    } for q in _unique(doc.quotes, lambda q: q.id)]


def actors_json(actors: tuple[Actor, ...]) -> str:
    return json.dumps([{"name": a.name, "code": a.actor_code} for a in actors],
                      ensure_ascii=False)


def _first_code(actors: tuple[Actor, ...]) -> str | None:
    return next((a.actor_code.upper() for a in actors if a.actor_code), None)


def _first_name(actors: tuple[Actor, ...]) -> str | None:
    return actors[0].name if actors else None


def location_columns(loc: Location | None) -> JsonRow:
    if loc is None:
        return {"loc_name": None, "loc_country": None, "loc_geonames_id": None,
                "loc_lat": None, "loc_lon": None, "loc_feature": None}
    return {"loc_name": loc.name, "loc_country": loc.country, "loc_geonames_id": loc.geonames_id,
            "loc_lat": loc.latitude, "loc_lon": loc.longitude, "loc_feature": loc.feature}


def event_row(ev: Event, doc: Document, key: str, day: int, now: str) -> JsonRow:
    """A new deduplicated event, described by its first mention."""
    from .codes import parse_code

    src, tgt = _first_code(ev.source), _first_code(ev.target)
    src_p, tgt_p = parse_code(src), parse_code(tgt)
    return {
        "cluster_key": key, "day": day,
        "source_code": src, "source_codes": actors_json(ev.source),
        "source_name": _first_name(ev.source), "source_country": src_p.country if src_p else None,
        "target_code": tgt, "target_codes": actors_json(ev.target),
        "target_name": _first_name(ev.target), "target_country": tgt_p.country if tgt_p else None,
        "cameo": ev.cameo, "cameo_root": ev.cameo_root,
        "plover_type": ev.plover.type if ev.plover else None,
        "plover_mode": ev.plover.mode if ev.plover else None,
        "quad_class": ev.quad_class, "goldstein": ev.goldstein, "modality": ev.modality,
        "is_root": in_lead(ev, doc), **location_columns(ev.location),
        "num_mentions": 0, "num_sources": 0, "num_articles": 0,
        "source_url": doc.article.url, "first_doc_id": doc.id, "date_added": now,
    }


def in_lead(ev: Event, doc: Document) -> bool:
    """Whether the event is reported in the article's first paragraph (GDELT's IsRootEvent)."""
    where = ev.sentence or ev.trigger
    if where is None:
        return False
    text = doc.article.text
    end = text.find("\n\n")
    return where.start < (end if end > 0 else len(text))


def event_mention_row(ev: Event, doc: Document, **extra: Any) -> JsonRow:
    """One article's report of an event, with where in the text it was found."""
    ab = ev.asserted_by
    return {
        "doc_id": doc.id, "local_id": ev.id, "outlet": doc.article.outlet, "url": doc.article.url,
        "cameo": ev.cameo, "cameo_root": ev.cameo_root,
        "plover_type": ev.plover.type if ev.plover else None,
        "plover_mode": ev.plover.mode if ev.plover else None,
        "source_codes": actors_json(ev.source), "target_codes": actors_json(ev.target),
        "modality": ev.modality, "asserted_by": ab.name if ab else None,
        "asserted_by_code": ab.actor_code if ab else None,
        "confidence": ev.confidence, "goldstein": ev.goldstein,
        "trigger_start": ev.trigger.start if ev.trigger else None,
        "trigger_end": ev.trigger.end if ev.trigger else None,
        "trigger_text": ev.trigger.text if ev.trigger else None,
        "sentence_start": ev.sentence.start if ev.sentence else None,
        "sentence_end": ev.sentence.end if ev.sentence else None,
        "pattern": ev.pattern, "loc_name": ev.location.name if ev.location else None,
        "stages": stages_json(doc), **extra,
    }


def _unique(items: tuple[Any, ...], key: Any) -> list[Any]:
    seen: set[Any] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out

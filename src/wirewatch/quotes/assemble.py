"""Turn ``Attribution`` findings into ``Quote`` records: speaker, kind, cue and via."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..records import Entity, Quote, Speaker, content_id
from .attribution import Attribution, find_attributions
from .cues import RELAYING
from .marks import QuotedSpan, find_quoted
from .spans import contains, overlaps
from .speakers import FIRST_PERSON, ActorCoder, SpeakerResolver

DIRECT_SHARE = 0.9
"""Content at least this quoted (by letters) is a direct quote."""
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def quote_kind(text: str, parts: Sequence[tuple[int, int]], quotes: Sequence[QuotedSpan],
               parsed: Any = None) -> str:
    """``direct`` (all quoted), ``indirect`` (no quotation), ``mixed`` (quoted clause in a
    paraphrase) or ``partial`` (a quoted word or phrase in a paraphrase)."""
    total = inside = 0
    pieces: list[tuple[int, int]] = []
    for start, end in parts:
        for q in quotes:
            if overlaps((start, end), (q.inner_start, q.inner_end)):
                pieces.append((max(start, q.inner_start), min(end, q.inner_end)))
        total += _alnum(text, start, end)
        reach = start  # letters of [start, end) inside the union of the pieces so far
        for a, b in sorted(pieces):
            a, b = max(a, reach), min(b, end)
            if a < b:
                inside += _alnum(text, a, b)
                reach = b
    if not total or not inside:
        return "indirect"
    if inside / total >= DIRECT_SHARE:
        return "direct"
    if parsed is not None and any(_has_finite_verb(parsed, a, b) for a, b in pieces):
        return "mixed"
    return "partial"


def _alnum(text: str, start: int, end: int) -> int:
    return sum(map(str.isalnum, text[start:end]))


def _has_finite_verb(parsed: Any, start: int, end: int) -> bool:
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_ in _FINITE_TAGS for t in span)


def _content_text(text: str, parts: Sequence[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in parts)


def build_quotes(
    text: str,
    parsed: Any,
    entities: Sequence[Entity] = (),
    actor_code: ActorCoder | None = None,
    doc_id: str = "",
) -> list[Quote]:
    """The ``Quote`` records of one article, in text order."""
    quotes = find_quoted(text)
    found = find_attributions(text, parsed, quotes)
    resolver = SpeakerResolver(text, parsed, entities, actor_code)
    speakers: list[Speaker | None] = []
    for att in found:
        speaker = resolver.resolve(att.source) if att.source is not None else None
        if speaker is not None and att.cue is not None:
            resolver.remember(att.cue[0], speaker)
        speakers.append(speaker)
    relays = [_relays(att) for att in found]
    out: list[Quote] = []
    for index, att in enumerate(found):
        cue_text = text[att.cue[0]:att.cue[1]] if att.cue else None
        via = _via(index, found, speakers, relays)
        speaker = speakers[index]
        if speaker is not None and via is not None and speaker.name.lower() in FIRST_PERSON:
            # "I think ..." inside someone's quotation: that someone thinks it
            speaker = replace(via, start=speaker.start, end=speaker.end)
            via = None
        kind = quote_kind(text, att.parts, quotes, parsed)
        out.append(Quote(
            id=content_id(doc_id, str(att.start), str(att.end), "quote"),
            text=_content_text(text, att.parts),
            kind=kind,
            start=att.start,
            end=att.end,
            speaker=speaker,
            cue=cue_text,
            cue_start=att.cue[0] if att.cue else None,
            cue_end=att.cue[1] if att.cue else None,
            via=via,
        ))
    return out


def _relays(att: Attribution) -> bool:
    tok = att.cue_token
    return tok is not None and (tok.lemma_ in RELAYING or tok.lower_ in RELAYING)


def _via(index: int, found: Sequence[Attribution], speakers: Sequence[Speaker | None],
         relays: Sequence[bool]) -> Speaker | None:
    """The speaker of the innermost other attribution whose content holds this one's cue."""
    att = found[index]
    mine = speakers[index]
    anchor = att.cue or (att.start, att.end)
    best: tuple[int, Speaker] | None = None
    for j, other in enumerate(found):
        spk = speakers[j]
        if j == index or spk is None or not relays[j]:
            continue
        if mine is not None and spk.name == mine.name:
            continue
        if any(contains(p, anchor) for p in other.parts) and (att.start, att.end) != (
            other.start, other.end
        ):
            size = other.end - other.start
            if best is None or size < best[0]:
                best = (size, spk)
    return best[1] if best else None

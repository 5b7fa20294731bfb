"""The ``events.coder`` stage: fill ``doc.events`` from the shared parse."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..registry import Context, register
from .actors import ActorResolver, Lookup, dateline_end, kb_lookup
from .coder import DocumentCoder
from .lexicon import load_lexicon
from .when import parse_published
from .where import PlaceResolver, geo_resolver

if TYPE_CHECKING:
    from ..config import Settings
    from ..records import Document


class EventCoder:
    """Who did what to whom, when and where: CAMEO/PLOVER events with modality.

    ``lookup`` and ``places`` default to ``wirewatch.actors`` and ``wirewatch.geo``; tests
    and evaluations may pass their own.  Extra lexicon files (same format as
    ``data/lexicon.txt``, or PETRARCH-2 verb dictionaries) come from
    ``settings.extra["event_lexicons"]``; ``settings.extra["event_builtin_lexicon"] = False``
    codes with those alone; ``settings.extra["event_require_dyad"] = True`` keeps only events
    with both a source and a target.
    """

    name = "events.coder"
    version = "1"
    needs_parse = True

    def __init__(self, settings: Settings, lookup: Lookup | None = None,
                 places: PlaceResolver | None = None) -> None:
        self.settings = settings
        extra = tuple(str(p) for p in settings.extra.get("event_lexicons", ()))
        self.lexicon = load_lexicon(extra, bool(settings.extra.get("event_builtin_lexicon", True)))
        self._lookup = lookup
        self._lookup_ready = lookup is not None
        self._places = places
        self._places_ready = places is not None

    @property
    def lookup(self) -> Lookup | None:
        if not self._lookup_ready:
            self._lookup = kb_lookup(self.settings)
            self._lookup_ready = True
        return self._lookup

    @property
    def places(self) -> PlaceResolver | None:
        if not self._places_ready:
            self._places = geo_resolver()
            self._places_ready = True
        return self._places

    def code(self, doc: Document, parsed: Any) -> list[Any]:
        """The events of ``doc`` given its spaCy parse."""
        article = doc.article
        pub = parse_published(article.published)
        resolver = ActorResolver(doc.entities, self.lookup, pub.isoformat() if pub else None,
                                 doc.quotes, dateline_end(article.text, article.dateline))
        coder = DocumentCoder(
            self.lexicon, resolver, doc.id, article.text, article.published, article.outlet,
            doc.quotes, self.places,
            require_dyad=bool(self.settings.extra.get("event_require_dyad", False)),
        )
        return coder.code(parsed)

    def __call__(self, doc: Document, ctx: Context) -> Document:
        if not doc.article.text.strip():
            return doc.with_stage(self.name, self.version, events=())
        events = self.code(doc, ctx.parse())
        return doc.with_stage(self.name, self.version, events=tuple(events))


@register("events.coder", "1", assigns=("events",))
def make_event_coder(settings: Settings) -> EventCoder:
    return EventCoder(settings)

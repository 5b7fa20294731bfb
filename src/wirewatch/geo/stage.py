"""The ``geo.places`` stage: GeoNames ids and countries for the places in ``doc.entities``."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

from ..config import Settings
from ..records import Document, Entity
from ..registry import register
from .gazetteer import Gazetteer, Place, load_gazetteer
from .mentions import GeoContext, PlaceMention, anchors, geo_context
from .resolve import score_candidates

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
VERSION = "1"


class PlacesStage:
    """Resolve GPE/LOC/FAC entities against the gazetteer, in the light of the whole document.

    Sets ``geonames_id`` (when the place is in GeoNames) and ``country`` (ISO3, when the
    entity has none yet).  Pure: the gazetteer is loaded once, when the stage is made.
    """

    name = "geo.places"
    version = VERSION
    needs_parse = False

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def __call__(self, doc: Document, ctx: Any) -> Document:
        places = [e for e in doc.entities if e.type in PLACE_TYPES]
        if not places:
            return doc.with_stage(self.name, self.version)
        context = self._context(doc.entities, places)
        resolved = {e.id: self._resolve(e, context) for e in places}
        entities = tuple(resolved.get(e.id) or e for e in doc.entities)
        return doc.with_stage(self.name, self.version, entities=entities)

    def _context(self, entities: tuple[Entity, ...], places: list[Entity]) -> GeoContext:
        mentions = [PlaceMention(0, 0, e.name) for e in places]
        base = geo_context(anchors(mentions))
        countries: Counter[str] = Counter(base.countries)
        countries.update(e.country for e in entities if e.country)
        return GeoContext(tuple(c for c, _ in countries.most_common()), base.admin1, base.near)

    def _resolve(self, entity: Entity, context: GeoContext) -> Entity | None:
        place = self._place(entity, context)
        if place is None:
            return None
        return dataclasses.replace(
            entity,
            geonames_id=place.geonames_id if place.geonames_id is not None
            else entity.geonames_id,
            country=entity.country or place.country,
        )

    def _place(self, entity: Entity, context: GeoContext) -> Place | None:
        if entity.country and entity.actor_code == entity.country:
            country = self.gaz.countries.get(entity.country)
            if country is not None:
                return country
        countries = (entity.country, *context.countries) if entity.country \
            else context.countries
        names = [entity.name, *(m.text for m in entity.mentions)]
        for name in dict.fromkeys(n for n in names if n):
            scored = score_candidates(name, context_countries=countries,
                                      context_admin1=context.admin1, near=context.near,
                                      gaz=self.gaz)
            if entity.country:
                scored = [s for s in scored if s[1].country == entity.country] or scored
            if scored:
                return scored[0][1]
        return None


@register("geo.places", VERSION, assigns=("entities",), requires=("entities",))
def places_stage(settings: Settings) -> PlacesStage:
    """Factory: the stage with the process-wide gazetteer."""
    return PlacesStage(load_gazetteer())

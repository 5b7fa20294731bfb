"""Geography: an offline gazetteer, place resolution in context, and metonymy heuristics.

Public API::

    resolve_place("Alexandria", context_countries=["USA"])  -> records.Location | None
    place_mentions(text)      -> [PlaceMention]  capitalised names the gazetteer knows
    resolve_mentions(text)    -> [Location]      each resolved with the text's own context
    is_metonymic(span)        -> bool            "Moscow said": an actor, not a place
    literal_reason(span)      -> str | None      "in Manila": where something happens
    event_place(sentence)     -> Location | None the literal place of a parsed sentence
    dateline_place(dateline)  -> Location | None "MANILA, Philippines (AP) —"

The ``geo.places`` stage (registered here) sets ``geonames_id`` and ``country`` on the
GPE/LOC/FAC entities of a document.  The gazetteer loads on first use, not on import.
"""

from __future__ import annotations

from .gazetteer import Gazetteer, Place, load_gazetteer, normalize
from .locate import dateline_place, event_place
from .mentions import GeoContext, PlaceMention, geo_context, place_mentions, resolve_mentions
from .metonymy import is_metonymic, literal_reason, metonymy_reason
from .resolve import haversine_km, resolve_place, score_candidates
from .stage import PlacesStage, places_stage

__all__ = [
    "Gazetteer",
    "GeoContext",
    "Place",
    "PlaceMention",
    "PlacesStage",
    "dateline_place",
    "event_place",
    "geo_context",
    "haversine_km",
    "is_metonymic",
    "literal_reason",
    "load_gazetteer",
    "metonymy_reason",
    "normalize",
    "place_mentions",
    "places_stage",
    "resolve_mentions",
    "resolve_place",
    "score_candidates",
]

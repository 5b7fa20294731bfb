"""Events: who did what to whom, when and where (CAMEO and PLOVER, with modality).

The ``events.coder`` stage matches a pattern lexicon (``data/lexicon.txt``, organised by
CAMEO code) over the dependency parse, links speech acts to the events they are about,
resolves actors through ``doc.entities`` and the actor knowledge base, and fails closed.
"""

from __future__ import annotations

from .codebook import CameoCode, codebook, lookup
from .lexicon import Lexicon, Pattern, load_lexicon
from .modality import MODALITIES, SCORED
from .stage import EventCoder, make_event_coder
from .when import resolve_date

__all__ = [
    "MODALITIES",
    "SCORED",
    "CameoCode",
    "EventCoder",
    "Lexicon",
    "Pattern",
    "codebook",
    "load_lexicon",
    "lookup",
    "make_event_coder",
    "resolve_date",
]

"""The ``quotes.attribution`` stage: fill ``doc.quotes`` from the shared parse."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..registry import Context, register
from .assemble import build_quotes
from .speakers import ActorCoder

if TYPE_CHECKING:
    from ..config import Settings
    from ..records import Document, Entity


def dominant_country(entities: Sequence[Entity]) -> str | None:
    """The country (ISO alpha-3) most mentioned among ``entities``, if any."""
    counts: Counter[str] = Counter()
    for ent in entities:
        if ent.country and len(ent.country) == 3 and ent.country.isalpha():
            counts[ent.country.upper()] += max(1, len(ent.mentions))
    return counts.most_common(1)[0][0] if counts else None


FOREIGN_PRONE_SOURCES = frozenset({"EDU", "NGO", "BUS"})
"""Sectors of unnamed sources ("experts", "analysts", "rights groups") too often from another
country than the one a story is about to give them its country."""


def _actor_coder(settings: Settings, date: str | None, country: str | None) -> ActorCoder:
    """The actors knowledge base as a name -> actor code function (for speakers that are
    not linked to an entity, such as "state media" or "the ministry").  A bare sector
    ("state media" -> MED) takes the article's dominant ``country`` (-> PRKMED), except for
    sources often foreign to it ("experts" stay EDU)."""
    from ..actors import load_kb

    kb = load_kb(settings)

    def code(name: str) -> str | None:
        found = kb.match(name, date)
        if found is None:
            return None
        if (found.sector and not found.country and country and found.code == found.sector
                and found.sector not in FOREIGN_PRONE_SOURCES):
            return country + found.sector
        return found.code

    return code


class QuoteAttribution:
    """Attributed quotes and reported speech, with speakers linked to ``doc.entities``."""

    name = "quotes.attribution"
    version = "2"
    needs_parse = True

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Document, ctx: Context) -> Document:
        text = doc.article.text
        if not text.strip():
            return doc.with_stage(self.name, self.version, quotes=())
        parsed = ctx.parse()
        coder = _actor_coder(self.settings, doc.article.published,
                              dominant_country(doc.entities))
        quotes = build_quotes(text, parsed, doc.entities, coder, doc.id)
        return doc.with_stage(self.name, self.version, quotes=tuple(quotes))


@register("quotes.attribution", "2", assigns=("quotes",), requires=("article",))
def make_attribution(settings: Settings) -> QuoteAttribution:
    return QuoteAttribution(settings)

"""The ``quotes.attribution`` stage: fill ``doc.quotes`` from the shared parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import Context, register
from .assemble import build_quotes
from .speakers import ActorCoder

if TYPE_CHECKING:
    from ..config import Settings
    from ..records import Document


def _actor_coder(settings: Settings, date: str | None) -> ActorCoder:
    """The actors knowledge base as a name -> actor code function (for speakers that are
    not linked to an entity, such as "state media" or "the ministry")."""
    from ..actors import load_kb

    kb = load_kb(settings)

    def code(name: str) -> str | None:
        found = kb.match(name, date)
        return found.code if found is not None else None

    return code


class QuoteAttribution:
    """Attributed quotes and reported speech, with speakers linked to ``doc.entities``."""

    name = "quotes.attribution"
    version = "1"
    needs_parse = True

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Document, ctx: Context) -> Document:
        text = doc.article.text
        if not text.strip():
            return doc.with_stage(self.name, self.version, quotes=())
        parsed = ctx.parse()
        coder = _actor_coder(self.settings, doc.article.published)
        quotes = build_quotes(text, parsed, doc.entities, coder, doc.id)
        return doc.with_stage(self.name, self.version, quotes=tuple(quotes))


@register("quotes.attribution", "1", assigns=("quotes",), requires=("article",))
def make_attribution(settings: Settings) -> QuoteAttribution:
    return QuoteAttribution(settings)

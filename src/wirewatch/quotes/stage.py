"""The ``quotes.attribution`` stage: fill ``doc.quotes`` from the shared parse."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..registry import Context, register
from .assemble import build_quotes
from .speakers import ActorCoder

if TYPE_CHECKING:
    from ..config import Settings
    from ..records import Document


def _actor_coder(settings: Settings, date: str | None) -> ActorCoder | None:
    """``wirewatch.actors``' knowledge base as a name -> actor code function, when present."""
    try:
        from ..actors import load_kb  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        kb = load_kb(settings)
    except Exception:  # the knowledge base is optional here; speakers work without codes
        return None

    def code(name: str) -> str | None:
        try:
            found = kb.match(name, date)
        except Exception:
            return None
        if found is None or isinstance(found, str):
            return found
        value = getattr(found, "actor_code", None) or getattr(found, "code", None)
        return value if isinstance(value, str) else None

    return code


class QuoteAttribution:
    """Attributed quotes and reported speech, with speakers linked to ``doc.entities``."""

    name = "quotes.attribution"
    version = "1"
    needs_parse = True

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._kb_loaded = False
        self._coder: Any = None

    def _coder_for(self, date: str | None) -> ActorCoder | None:
        base = _actor_coder(self.settings, date)
        return base

    def __call__(self, doc: Document, ctx: Context) -> Document:
        text = doc.article.text
        if not text.strip():
            return doc.with_stage(self.name, self.version, quotes=())
        parsed = ctx.parse()
        quotes = build_quotes(text, parsed, doc.entities,
                              self._coder_for(doc.article.published), doc.id)
        return doc.with_stage(self.name, self.version, quotes=tuple(quotes))


@register("quotes.attribution", "1", assigns=("quotes",), requires=("article",))
def make_attribution(settings: Settings) -> QuoteAttribution:
    return QuoteAttribution(settings)

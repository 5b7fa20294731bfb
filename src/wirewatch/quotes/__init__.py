"""Quotes and reported speech: who said what, in whose words, through whom.

The ``quotes.attribution`` stage (registered on import) fills ``Document.quotes``;
``build_quotes`` does the same for any text and spaCy parse; ``find_quoted`` finds quoted
passages by their marks alone.
"""

from .assemble import build_quotes, quote_kind
from .marks import QuotedSpan, find_quoted
from .stage import QuoteAttribution

__all__ = ["QuoteAttribution", "QuotedSpan", "build_quotes", "find_quoted", "quote_kind"]

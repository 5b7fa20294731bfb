"""Small lookups over a parsed spaCy ``Doc`` that avoid rebuilding ``doc.ents``."""

from __future__ import annotations

from typing import Any


def entity_at(tok: Any) -> Any | None:
    """The named-entity ``Span`` that ``tok`` belongs to, or None.

    Equal to ``next(e for e in tok.doc.ents if e.start <= tok.i < e.end)``, found from the
    token's IOB tags instead of building every entity span of the document.
    """
    if tok.ent_iob_ not in ("B", "I"):
        return None
    from spacy.tokens import Span

    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type)


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per document (spaCy rebuilds it from every token each time)."""
    text = doc.user_data.get("wirewatch.text")
    if text is None:
        text = doc.user_data["wirewatch.text"] = doc.text
    return str(text)

"""Extraction: raw HTML or scraped text to a clean ``Article`` (stage ``extract.article``)."""

from __future__ import annotations

from ..registry import register
from .article import ArticleExtractor, extract_article

__all__ = ["ArticleExtractor", "extract_article"]


@register("extract.article", "1", assigns=("article",))
def _make_article_extractor(settings: object) -> ArticleExtractor:
    return ArticleExtractor()

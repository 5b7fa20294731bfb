"""Inputs to raw documents: files, folders, stdin, URLs, URL lists, feeds, WARCs, JSONL."""

from .fetch import Fetcher, Page, check_url, fetch_url
from .inputs import is_url, iter_batch, read_input
from .sources import Skipped, SourceReader, count_inputs, iter_inputs, iter_sources

__all__ = [
    "Fetcher",
    "Page",
    "Skipped",
    "SourceReader",
    "check_url",
    "count_inputs",
    "fetch_url",
    "is_url",
    "iter_batch",
    "iter_inputs",
    "iter_sources",
    "read_input",
]

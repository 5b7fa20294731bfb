"""Inputs to raw documents: files, stdin, URLs and JSONL batches."""

from .inputs import is_url, iter_batch, read_input

__all__ = ["is_url", "iter_batch", "read_input"]

"""Expand user inputs into raw documents.

An input is one of: a file (``.html``/``.htm``/``.txt``, gzip or not), a folder tree of
them, ``-`` (stdin), a JSONL batch (``.jsonl``), a WARC archive (``.warc``/``.warc.gz``), a
feed file (``.rss``/``.atom``/``.xml``), a URL list (``.urls``, or a text file holding only
URLs), or a URL (an article page or a feed).  URLs go through one polite ``Fetcher``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import InputError, WirewatchError
from ..records import Failure, RawDocument, content_id
from .feeds import item_document, looks_like_feed, parse_feed
from .fetch import FEED_TYPES, HTML_TYPES, Fetcher
from .files import WARC_SUFFIXES, walk_folder
from .inputs import is_url, iter_batch, read_bytes, read_input
from .raw import raw_from_bytes
from .state import StateStore, load_json, save_json
from .warc import iter_warc

FEED_SUFFIXES = (".rss", ".atom", ".xml")
URL_LIST_SUFFIXES = (".urls",)
_URL_SNIFF_BYTES = 65536


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input passed over on purpose (unchanged since the last fetch, already stored)."""

    id: str
    origin: str
    reason: str


Item = RawDocument | Failure | Skipped


def _failure(origin: str, exc: WirewatchError) -> Failure:
    return Failure(content_id(origin), origin, str(exc), type(exc).__name__)


def read_url_list(path: Path) -> list[str] | None:
    """The URLs listed in ``path`` (one a line, ``#`` comments), or ``None`` if it is not a list."""
    try:
        with path.open("rb") as fh:
            head = fh.read(_URL_SNIFF_BYTES)
    except OSError:
        return None
    lines = [ln.strip() for ln in head.decode("utf-8", "replace").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    all_urls = bool(lines) and all(
        ln.split("://", 1)[0].lower() in ("http", "https") and " " not in ln for ln in lines)
    if not path.name.lower().endswith(URL_LIST_SUFFIXES) and not all_urls:
        return None
    text = path.read_text(encoding="utf-8", errors="replace")
    urls = [ln.strip() for ln in text.splitlines()]
    return [u for u in urls if u and not u.startswith("#")]


class SourceReader:
    """Turns input specs into raw documents, remembering fetch validators in ``state``."""

    def __init__(
        self,
        settings: Settings,
        *,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
        fetcher: Fetcher | None = None,
        state: StateStore | None = None,
    ) -> None:
        self.settings = settings
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self._fetcher = fetcher
        self.state = state

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def read(self, specs: Iterable[str]) -> Iterator[Item]:
        for spec in specs:
            yield from self.read_one(spec)

    def read_one(self, spec: str) -> Iterator[Item]:
        """Everything in one input spec, in a stable order."""
        if spec != "-" and is_url(spec):
            yield from self.read_url(spec, follow_feeds=True)
            return
        path = Path(spec)
        if spec != "-" and path.is_dir():
            for child in walk_folder(path, self.include, self.exclude):
                yield from self.read_file(child)
            return
        if spec != "-" and not path.exists():
            yield _failure(spec, InputError("no such file or folder", spec))
            return
        yield from self.read_file(path) if spec != "-" else self._read_plain(spec)

    def read_file(self, path: Path) -> Iterator[Item]:
        name = path.name.lower()
        spec = str(path)
        if name.endswith(".jsonl"):
            with path.open(encoding="utf-8") as fh:
                yield from iter_batch(fh, spec)
        elif name.endswith(WARC_SUFFIXES):
            yield from iter_warc(path, self.settings.max_input_bytes)
        elif name.endswith(FEED_SUFFIXES):
            yield from self._read_feed_file(path)
        elif (urls := read_url_list(path)) is not None:
            for url in urls:
                yield from self.read_url(url, follow_feeds=False)
        else:
            yield from self._read_plain(spec)

    def _read_plain(self, spec: str) -> Iterator[Item]:
        try:
            yield read_input(spec, self.settings)
        except WirewatchError as exc:
            yield _failure(spec, exc)

    def _read_feed_file(self, path: Path) -> Iterator[Item]:
        try:
            data, origin = read_bytes(str(path), self.settings)
            feed = parse_feed(data, origin)
        except WirewatchError as exc:
            yield _failure(str(path), exc)
            return
        for item in feed.items:
            yield item_document(self.fetcher, feed, item, self.settings.max_input_bytes)

    def read_url(self, url: str, *, follow_feeds: bool) -> Iterator[Item]:
        """One URL: an article page, or (with ``follow_feeds``) a feed whose items are fetched.

        A refetch sends the stored ETag/Last-Modified; a 304 for a document the store
        already has is ``Skipped``.  Validators are saved with the document id they produced.
        """
        key = f"fetch:{url}"
        known = load_json(self.state, key)
        usable = bool(known and known.get("id") and self.state is not None
                      and self.state.has_document(str(known["id"])))
        accept = (*HTML_TYPES, *FEED_TYPES) if follow_feeds else HTML_TYPES
        try:
            page = self.fetcher.fetch(
                url, accept=accept,
                etag=known.get("etag") if usable and known else None,
                last_modified=known.get("last_modified") if usable and known else None)
            if page.not_modified and known:
                yield Skipped(str(known["id"]), url, "unchanged since the last fetch (HTTP 304)")
                return
            if follow_feeds and (page.content_type in FEED_TYPES or looks_like_feed(page.content)):
                feed = parse_feed(page.content, url)
                for item in feed.items:
                    yield item_document(self.fetcher, feed, item, self.settings.max_input_bytes)
                return
            raw = raw_from_bytes(page.content, url, self.settings.max_input_bytes, url=page.url,
                                 fetched_at=page.fetched_at)
        except WirewatchError as exc:
            yield _failure(url, exc)
            return
        save_json(self.state, key, {"etag": page.etag, "last_modified": page.last_modified,
                                    "id": raw.id})
        yield raw


def iter_inputs(
    specs: Iterable[str],
    settings: Settings,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    fetcher: Fetcher | None = None,
    state: StateStore | None = None,
) -> Iterator[Item]:
    """Raw documents, failures and deliberate skips from each spec, in order."""
    reader = SourceReader(settings, include=include, exclude=exclude, fetcher=fetcher,
                          state=state)
    try:
        yield from reader.read(specs)
    finally:
        if fetcher is None:
            reader.close()


def iter_sources(
    specs: Iterable[str],
    settings: Settings,
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[RawDocument | Failure]:
    """Raw documents from each spec, in order; an unreadable one becomes a ``Failure``."""
    for item in iter_inputs(specs, settings, include=include, exclude=exclude):
        if not isinstance(item, Skipped):
            yield item


def count_inputs(specs: Iterable[str], include: Sequence[str] = (),
                 exclude: Sequence[str] = ()) -> int | None:
    """How many documents the specs hold, when cheap to know (files only); else ``None``."""
    total = 0
    for spec in specs:
        if spec == "-" or is_url(spec):
            return None
        path = Path(spec)
        files = list(walk_folder(path, include, exclude)) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith(WARC_SUFFIXES + FEED_SUFFIXES):
                return None
            if name.endswith(".jsonl"):
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            elif (urls := read_url_list(f)) is not None:
                total += len(urls)
            else:
                total += 1
    return total


__all__ = ["Item", "Skipped", "SourceReader", "count_inputs", "iter_inputs", "iter_sources"]

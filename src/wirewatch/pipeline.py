"""Run the configured stages over raw documents.

``Pipeline(settings).process(raw)`` turns one ``RawDocument`` into a ``Document``;
``process_many`` streams many, parsing article texts in batches with the model loaded once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from . import registry
from .config import Settings
from .errors import StageError, WirewatchError
from .records import Document, Failure, RawDocument


class DocContext:
    """Per-document context handed to stages: settings and a lazily made, shared parse."""

    def __init__(self, settings: Settings, doc: Document, parsed: Any = None) -> None:
        self.settings = settings
        self._text = doc.article.text
        self._parsed = parsed

    def parse(self) -> Any:
        if self._parsed is None:
            from .nlp import load_model

            self._parsed = load_model(self.settings.model)(self._text)
        return self._parsed


class Pipeline:
    """An extractor followed by analysis stages, all named in ``settings.pipeline``."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        names = list(self.settings.pipeline)
        if not names:
            raise StageError("the pipeline names no stages")
        first = registry.get(names[0])
        if first.name.split(".", 1)[0] != "extract":
            raise StageError(f"the first stage must be an extractor, not {first.full_name}")
        self.extractor = first.factory(self.settings)
        self.stages = [registry.get(n).factory(self.settings) for n in names[1:]]
        self.needs_parse = any(getattr(s, "needs_parse", False) for s in self.stages)

    @property
    def stage_names(self) -> list[str]:
        return [f"{s.name}.v{s.version}" for s in (self.extractor, *self.stages)]

    def extract(self, raw: RawDocument) -> Document:
        return self.extractor(raw, self.settings)  # type: ignore[no-any-return]

    def analyse(self, doc: Document, parsed: Any = None) -> Document:
        ctx = DocContext(self.settings, doc, parsed)
        for stage in self.stages:
            doc = stage(doc, ctx)
        return doc

    def process(self, raw: RawDocument) -> Document:
        """One raw input to a full document; raises ``WirewatchError`` on bad input."""
        return self.analyse(self.extract(raw))

    def process_many(
        self, items: Iterable[RawDocument | Failure], batch_size: int = 32
    ) -> Iterator[Document | Failure]:
        """Stream results in input order; a bad item becomes a ``Failure``, the rest go on."""
        batch: list[Document | Failure] = []
        for item in items:
            batch.append(self._extract_safely(item))
            if len(batch) >= batch_size:
                yield from self._analyse_batch(batch)
                batch = []
        if batch:
            yield from self._analyse_batch(batch)

    def _extract_safely(self, item: RawDocument | Failure) -> Document | Failure:
        if isinstance(item, Failure):
            return item
        try:
            return self.extract(item)
        except WirewatchError as exc:
            return Failure(item.id, item.origin, str(exc), type(exc).__name__)

    def _analyse_batch(self, batch: list[Document | Failure]) -> Iterator[Document | Failure]:
        docs = [d for d in batch if isinstance(d, Document)]
        parses: dict[int, Any] = {}
        if self.needs_parse and docs:
            from .nlp import load_model

            nlp = load_model(self.settings.model)
            for d, parsed in zip(docs, nlp.pipe(d.article.text for d in docs), strict=True):
                parses[id(d)] = parsed
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield self.analyse(item, parses.pop(id(item), None))  # frees each Doc
            except WirewatchError as exc:
                yield Failure(item.id, item.article.url or item.id, str(exc), type(exc).__name__)

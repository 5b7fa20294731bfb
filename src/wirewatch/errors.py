"""The one exception tree of wirewatch.

Catch at the level you care about::

    WirewatchError                  every error wirewatch raises on purpose
    ├── InputError                  the input itself is unusable (named in ``origin``)
    │   ├── EmptyInputError         nothing there (empty file, whitespace only)
    │   ├── BinaryInputError        not text (image, PDF, archive…)
    │   ├── EncodingError           text whose encoding could not be determined
    │   ├── TooLargeError           over the configured size limit
    │   ├── MalformedInputError     broken JSONL line, feed, WARC record…
    │   └── NoArticleError          a page with no article in it (index, 404)
    ├── FetchError                  a URL could not be fetched
    │   ├── UnsafeURLError          refused before fetching (scheme, host)
    │   ├── FetchTimeoutError       too slow
    │   ├── HTTPStatusError         non-success status after retries
    │   └── DisallowedError         robots.txt forbids it
    ├── ConfigError                 bad configuration or user dictionary
    ├── ModelError                  a language model could not be loaded
    ├── StoreError                  database problems
    │   └── MigrationError          schema migration failed or is missing
    └── StageError                  a pipeline stage is unknown or failed

Every error carries a stable ``code`` (``WW1xx`` input, ``WW2xx`` fetch, ``WW3xx`` config,
``WW4xx`` model, ``WW5xx`` store, ``WW6xx`` stage) and formats as one line naming the input.
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class; ``str(err)`` is one line: ``origin: message [code]``."""

    code = "WW000"

    def __init__(self, message: str, origin: str | None = None) -> None:
        super().__init__(message)
        self.message = " ".join(str(message).split())
        self.origin = origin

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(WirewatchError):
    code = "WW100"


class EmptyInputError(InputError):
    code = "WW101"


class BinaryInputError(InputError):
    code = "WW102"


class EncodingError(InputError):
    code = "WW103"


class TooLargeError(InputError):
    code = "WW104"


class MalformedInputError(InputError):
    code = "WW105"


class NoArticleError(InputError):
    code = "WW106"


class FetchError(WirewatchError):
    code = "WW200"


class UnsafeURLError(FetchError):
    code = "WW201"


class FetchTimeoutError(FetchError):
    code = "WW202"


class HTTPStatusError(FetchError):
    code = "WW203"

    def __init__(self, message: str, origin: str | None = None, status: int = 0) -> None:
        super().__init__(message, origin)
        self.status = status


class DisallowedError(FetchError):
    code = "WW204"


class ConfigError(WirewatchError):
    code = "WW300"


class ModelError(WirewatchError):
    code = "WW400"


class StoreError(WirewatchError):
    code = "WW500"


class MigrationError(StoreError):
    code = "WW501"


class StageError(WirewatchError):
    code = "WW600"


__all__ = [
    "BinaryInputError",
    "ConfigError",
    "DisallowedError",
    "EmptyInputError",
    "EncodingError",
    "FetchError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "InputError",
    "MalformedInputError",
    "MigrationError",
    "ModelError",
    "NoArticleError",
    "StageError",
    "StoreError",
    "TooLargeError",
    "UnsafeURLError",
    "WirewatchError",
]

"""The CAMEO codebook with Goldstein weights, quad classes and the PLOVER mapping.

Read once per process from ``data/cameo.tsv`` (sources cited in its header).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ..errors import ConfigError
from ..records import Plover


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code and what it maps to."""

    code: str
    name: str
    goldstein: float
    plover: Plover | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.code)


def quad_class(code: str) -> int:
    """GDELT's quad class of a CAMEO code: 1 verbal coop, 2 material coop, 3 verbal conflict,
    4 material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _field(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _parse(text: str, origin: str) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 6:
            raise ConfigError(f"line {n}: expected 6 tab-separated fields", origin=origin)
        code, weight, ptype, mode, context, name = parts
        plover = None
        if _field(ptype):
            contexts = tuple(c for c in (context.split(";") if _field(context) else ()) if c)
            plover = Plover(ptype.strip(), _field(mode), contexts)
        codes[code] = CameoCode(code, name.strip(), float(weight), plover)
    return codes


@functools.lru_cache(maxsize=1)
def codebook() -> dict[str, CameoCode]:
    """All CAMEO codes (two-, three- and four-digit) by code."""
    path = resources.files("wirewatch.events") / "data" / "cameo.tsv"
    return _parse(path.read_text(encoding="utf-8"), "events/data/cameo.tsv")


def lookup(code: str) -> CameoCode | None:
    """The codebook entry for ``code`` (``None`` when it is not a CAMEO code)."""
    return codebook().get(code)


def is_valid(code: str) -> bool:
    return code in codebook()

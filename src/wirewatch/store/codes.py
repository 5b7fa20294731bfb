"""Split CAMEO actor codes into country, known group and type codes (as GDELT does).

A CAMEO actor code is a run of 3-letter chunks: an optional country or region (``PRK``),
then role/type codes (``GOV``, ``MIL``…) and known groups (``UNO``…): ``PRKGOVMIL``.
Codes after the CAMEO actor codebook (Schrodt 2012, "CAMEO Conflict and Mediation Event
Observations: Actor Codebook", roles and organisation-type codes).
"""

from __future__ import annotations

from dataclasses import dataclass

TYPE_CODES = frozenset({
    # primary roles
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
    # other roles and sectors
    "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
    "REF", "MOD", "RAD", "PTY", "REL", "SET", "IGO", "NGO", "NGM", "MNC", "IMG",
})
"""Role and sector codes that go to ``Type1Code``…``Type3Code``."""

NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "UIS"})
"""Leading chunks that mark a transnational actor (no country)."""


@dataclass(frozen=True)
class ParsedCode:
    """The parts of one actor code."""

    code: str
    country: str | None
    known_group: str | None
    types: tuple[str, ...]

    @property
    def sector(self) -> str | None:
        """The first type code (``GOV`` in ``PRKGOVMIL``)."""
        return self.types[0] if self.types else None

    @property
    def cluster_key(self) -> str:
        """Country plus sector: the level at which event mentions are matched."""
        return f"{self.country or self.known_group or '---'}{self.sector or ''}"


def parse_code(code: str | None) -> ParsedCode | None:
    """``parse_code("PRKGOVMIL")`` → country PRK, types (GOV, MIL); ``None`` for no code."""
    if not code:
        return None
    code = code.strip().upper()
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country: str | None = None
    if chunks and chunks[0] not in NON_STATE_PREFIXES and chunks[0] not in TYPE_CODES:
        country = chunks.pop(0)
    types: list[str] = []
    group: str | None = None
    for chunk in chunks:
        if chunk in TYPE_CODES and len(types) < 3:
            types.append(chunk)
        elif group is None and chunk not in TYPE_CODES and len(chunk) == 3:
            group = chunk
    return ParsedCode(code, country, group, tuple(types))

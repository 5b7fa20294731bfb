"""Read PETRARCH-2 (TABARI-style) actor and agent dictionaries into a ``KnowledgeBase``.

Actors::

    NORTH_KOREA  [PRK]          # a name, its code and a comment
    +PYONGYANG                  # a synonym of the entry above
    SAM_GAMGEE [HOB]            # the default code, then date restrictions:
        [HOBCIV <20080120]      #   before a date
        [HOBMIL 20080120-20121109]
        [HOBELI >20130119]      #   after a date (YYMMDD or YYYYMMDD)

Underscores join words; a trailing underscore (``LIBYA_``) forbids matching longer words, its
absence lets the last word match a longer one (``ARGENTIN`` → "Argentina").  When several
restrictions cover a date, the first listed wins.

Agents::

    !PERSON! = MAN, MEN, WOMAN, WOMEN     # a substitution set
    FOREIGN_MINISTER [~GOVFRM]            # ~CODE: appended after the actor's code
    HUMAN_RIGHTS_BODY  [NGO~]             # CODE~: put before it
    GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]    # explicit plural; {} means no plural
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import ConfigError
from .kb import Entry, KnowledgeBase

USER_PRIORITY = 1
_BLOCK_COMMENT = re.compile(r"<!\s*--.*?-->", re.S)
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(
    r"^\s*(?P<code>[^\s<>\d][^\s<>]*)?\s*"
    r"(?:(?P<op>[<>])\s*(?P<d>\d{6,8})|(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8}))?\s*$"
)
_SUBSTITUTION = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$", re.I)
_PLURAL = re.compile(r"\{([^}]*)\}")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(f"cannot read dictionary: {exc.strerror or exc}", origin=path) from exc


def _lines(text: str) -> list[str]:
    """Lines with block and ``#`` comments removed (empty lines kept out)."""
    text = _BLOCK_COMMENT.sub("\n", text)
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line)
    return out


def parse_date(value: str) -> dt.date:
    """``YYMMDD`` (years below 30 are 20xx) or ``YYYYMMDD``."""
    if len(value) == 6:
        yy = int(value[:2])
        value = f"{2000 + yy if yy < 30 else 1900 + yy}{value[2:]}"
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def parse_code(block: str, origin: str) -> tuple[str, str | None, str | None]:
    """A ``[CODE …]`` block's code and its validity ``(start, end)`` as ISO dates."""
    m = _RESTRICTION.match(block)
    if not m or not m.group("code"):
        raise ConfigError(f"bad code block [{block}]", origin=origin)
    code = m.group("code").upper().split("/")[0]
    start = end = None
    try:
        if m.group("op") == "<":
            end = parse_date(m.group("d")).isoformat()
        elif m.group("op") == ">":
            start = (parse_date(m.group("d")) + dt.timedelta(days=1)).isoformat()
        elif m.group("a"):
            start = parse_date(m.group("a")).isoformat()
            end = (parse_date(m.group("b")) + dt.timedelta(days=1)).isoformat()
    except ValueError as exc:
        raise ConfigError(f"bad date in [{block}]: {exc}", origin=origin) from exc
    return code, start, end


def _name(raw: str) -> tuple[str, bool]:
    """The readable name of a dictionary phrase and whether its last word may be a stem."""
    raw = raw.strip()
    return raw.replace("_", " ").strip(), not raw.endswith("_")


def _kind(code: str) -> str:
    return "country" if len(code) == 3 and code.isalpha() else "org"


def read_actors(kb: KnowledgeBase, path: str) -> int:
    """Add the actors of a PETRARCH-2 actor dictionary to ``kb``; returns how many names."""
    groups: list[tuple[list[str], list[str]]] = []  # (names, code blocks)
    for line in _lines(_read(path)):
        stripped = line.strip()
        if stripped.startswith("+"):
            if groups:
                groups[-1][0].append(_CODE_BLOCK.sub(" ", stripped[1:]).strip())
                groups[-1][1].extend(_CODE_BLOCK.findall(stripped))
            continue
        blocks = _CODE_BLOCK.findall(stripped)
        head = _CODE_BLOCK.sub(" ", stripped).strip()
        if head and not line[:1].isspace():
            groups.append(([head], blocks))
        elif groups:
            groups[-1][1].extend(blocks)
    added = 0
    for names, blocks in groups:
        codes = [parse_code(b, path) for b in blocks if b.strip()]
        if not codes:
            continue
        primary, stem = _name(names[0])
        aliases = [_name(n) for n in names[1:]]
        for code, start, end in codes:
            entry = Entry(primary, _kind(code), code=code, start=start, end=end,
                          priority=USER_PRIORITY)
            kb.add(entry, stem=stem)
            for alias, alias_stem in aliases:
                kb.add(entry, [alias], stem=alias_stem, under_name=False)
        added += len(names)
    return added


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """A phrase with each ``!SET!`` marker replaced by each of its words."""
    for marker, words in sets.items():
        if marker in phrase:
            return [x for w in words for x in _expand(phrase.replace(marker, w, 1), sets)]
    return [phrase]


def read_agents(kb: KnowledgeBase, path: str) -> int:
    """Add the agents of a PETRARCH-2 agent dictionary to ``kb``; returns how many phrases."""
    sets: dict[str, list[str]] = {}
    added = 0
    for line in _lines(_read(path)):
        sub = _SUBSTITUTION.match(line)
        if sub:
            sets[sub.group(1).upper()] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        blocks = _CODE_BLOCK.findall(line)
        if not blocks:
            continue
        code = blocks[0].strip().upper()
        prefix = code.endswith("~") and not code.startswith("~")
        sector = code.strip("~").strip() or None
        rest = _CODE_BLOCK.sub(" ", line)
        plural_m = _PLURAL.search(rest)
        phrase = _PLURAL.sub(" ", rest).strip()
        if not phrase:
            continue
        plural_forms = [p.strip() for p in plural_m.group(1).split(",")] if plural_m else []
        for form in _expand(phrase.upper(), sets):
            name, _ = _name(form)
            explicit = next((_name(p)[0] for p in plural_forms if p), None)
            kb.add_agent(name, sector, None, plural_form=explicit, prefix=prefix,
                         priority=USER_PRIORITY, with_plural=plural_m is None)
            added += 1
    return added

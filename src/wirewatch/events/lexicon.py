"""The trigger lexicon: verb and noun patterns organised by CAMEO code.

The format is described at the top of ``data/lexicon.txt``.  Users may add their own
lexicon files in the same format (``Settings.extra["event_lexicons"]``); their patterns are
tried before the built-in ones.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from .codebook import is_valid

GOVERNOR_ROLES = frozenset({"intent", "demand", "appeal", "refuse", "threaten", "warn",
                            "allege", "deny"})
"""Options marking a governor: a verb whose complement clause ("pledged *to speed up*",
"accused X *of supplying*") is coded too."""
ROLES = GOVERNOR_ROLES | {"notarget", "intransitive"}
"""All options after ``:``; ``intransitive`` fires only without a direct object."""
NEGATIONS = frozenset({"not", "n't", "never", "neither", "nor", "no"})


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon line: a trigger lemma and the words it needs around it."""

    code: str
    lemma: str
    noun: bool = False
    objects: frozenset[str] = frozenset()
    """Lemmas the direct object (or, for nouns, a modifier) must have; ``{"*"}`` any."""
    preps: tuple[str, ...] = ()
    """Particles or prepositions that must hang off the trigger, in order."""
    role: str | None = None
    source: str = ""
    """Where it was read (``lexicon.txt:123``), shown by ``--explain``."""
    external: bool = False
    """From a user's PETRARCH dictionary: its code is kept even outside CAMEO."""
    before: tuple[tuple[tuple[str, ...], ...], ...] = ()
    """Words that must come before the trigger, in order (gaps allowed): each item lists
    alternative word sequences ("heavily", or a synset such as "did n't" | "will not")."""
    after: tuple[tuple[tuple[str, ...], ...], ...] = ()
    """Words that must follow the trigger, in order (gaps allowed between items, not inside
    one): PETRARCH's phrase after ``*``.  When set, ``objects``/``preps`` only help find
    the target."""
    reverse: str | None = None
    """PETRARCH's ``[032:033]``: the code of the target's act on the source, coded too."""
    compound: bool = False
    """Fires only when the subject is compound ("Gondor and Osgiliath *delayed* ...")."""

    @property
    def specificity(self) -> int:
        words = (sum(max(map(len, item)) for item in self.after) if self.after else
                 len(self.preps) + (2 if self.objects - {"*"} else 1 if self.objects else 0))
        return words + sum(max(map(len, item)) for item in self.before) + int(self.compound)

    @property
    def absorbs_negation(self) -> bool:
        """The pattern spells out a negation ("will not *"): its code already says it."""
        return any(word in NEGATIONS for item in self.before for seq in item for word in seq)

    @property
    def needs_complement(self) -> bool:
        """Fires only about another coded event ("pledged *to meet*", "warned *it would*")."""
        return self.role in ("intent", "warn")

    @property
    def governor(self) -> bool:
        return self.role in GOVERNOR_ROLES

    def describe(self) -> str:
        text = ("~" if self.noun else "") + self.lemma
        if self.objects:
            text += " +" + "|".join(sorted(self.objects))
        if self.preps:
            text += " " + " ".join(self.preps)
        if self.before:
            text = " ".join("|".join(" ".join(seq) for seq in item) for item in self.before) + \
                " * " + text
        if self.compound:
            text = "% " + text
        if self.role:
            text += f" :{self.role}"
        return f"{self.code} {text} ({self.source})"


@dataclass(frozen=True)
class Lexicon:
    """Patterns indexed by trigger lemma, separately for verbs and nouns."""

    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]

    def for_verb(self, lemma: str) -> tuple[Pattern, ...]:
        return self.verbs.get(lemma, ())

    def for_noun(self, lemma: str) -> tuple[Pattern, ...]:
        return self.nouns.get(lemma, ())

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))


def parse_pattern(code: str, line: str, source: str) -> Pattern:
    """One pattern line (without comment) under section ``code``."""
    role = None
    if ":" in line:
        line, role = (part.strip() for part in line.split(":", 1))
        if role not in ROLES:
            raise ConfigError(f"unknown pattern option :{role}", origin=source)
    words = line.split()
    if not words:
        raise ConfigError("empty pattern", origin=source)
    head, rest = words[0].lower(), words[1:]
    noun = head.startswith("~")
    lemma = head.lstrip("~")
    objects: set[str] = set()
    preps: list[str] = []
    for word in rest:
        if word.startswith("+"):
            objects.update(w.lower() for w in word[1:].split("|") if w)
        else:
            preps.append(word.lower())
    return Pattern(code, lemma, noun, frozenset(objects), tuple(preps), role, source)


def parse_lexicon(text: str, origin: str) -> list[Pattern]:
    """All patterns in a lexicon file's text."""
    patterns: list[Pattern] = []
    code: str | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{origin}:{n}"
        if line.startswith("["):
            code = line[1:line.index("]")].strip() if "]" in line else ""
            if not is_valid(code):
                raise ConfigError(f"{code!r} is not a CAMEO code", origin=where)
            continue
        if code is None:
            raise ConfigError("pattern before the first [CODE] section", origin=where)
        patterns.append(parse_pattern(code, line, where))
    return patterns


def build(patterns: Iterable[Pattern]) -> Lexicon:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in patterns:
        (nouns if p.noun else verbs).setdefault(p.lemma, []).append(p)

    def ordered(index: dict[str, list[Pattern]]) -> dict[str, tuple[Pattern, ...]]:
        # most specific first; a stable sort keeps file order (user files first) on ties
        return {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in index.items()}

    return Lexicon(ordered(verbs), ordered(nouns))


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[str, ...] = (), builtin: bool = True) -> Lexicon:
    """The built-in lexicon (unless ``builtin`` is false), with patterns from
    ``extra_files`` (wirewatch lexicon format or PETRARCH-2 verb dictionaries) tried first."""
    from .petrarch_verbs import looks_like_petrarch, read_petrarch_verbs

    patterns: list[Pattern] = []
    for name in extra_files:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise ConfigError(f"cannot read event lexicon: {exc.strerror}", origin=name) from exc
        if looks_like_petrarch(text):
            patterns += read_petrarch_verbs(text, path.name)
        else:
            patterns += parse_lexicon(text, path.name)
    if builtin:
        data = resources.files("wirewatch.events") / "data" / "lexicon.txt"
        patterns += parse_lexicon(data.read_text(encoding="utf-8"), "lexicon.txt")
    return build(patterns)

"""Normalising names and phrases so that dictionary keys and queries compare equal.

Keys are lower case, with curly quotes straightened, hyphens and dashes turned into spaces,
possessive ``'s`` and the articles ``the``/``a``/``an`` dropped.  ``Kim Jong-un`` and
``Kim Jong Un`` give the same key; so do ``North Korea's`` and ``North Korea``.
"""

from __future__ import annotations

import functools
import re

ARTICLES = frozenset({"the", "a", "an"})
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_DASHES = re.compile(r"[\-‐‑‒–—―_]+")
_TOKEN = re.compile(r"[^\s,;:!?()\[\]{}\"/]+")
_POSSESSIVE = re.compile(r"'s?$", re.I)


def straighten(text: str) -> str:
    """Curly quotes and apostrophes made straight."""
    return text.translate(_QUOTES)


def tokens(text: str) -> list[str]:
    """Words of ``text`` in their original case, possessives and articles dropped.

    ``"South Korea's Unification Ministry"`` gives ``["South", "Korea", "Unification",
    "Ministry"]``; a trailing full stop is kept only on abbreviations such as ``U.S.``.
    """
    return list(_tokens(text))


@functools.lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _TOKEN.findall(_DASHES.sub(" ", straighten(text))):
        if raw.lower() in ("'s", "'"):
            continue  # a possessive split off by a tokenizer
        word = raw
        if word.endswith("."):
            inner = word[:-1]
            if "." not in inner:
                word = inner
        word = _POSSESSIVE.sub("", word) if len(word) > 2 else word
        word = word.strip("'")
        if word and word.lower() not in ARTICLES:
            out.append(word)
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The dictionary key of a name or phrase."""
    return " ".join(t.lower() for t in tokens(text))


def is_acronym(text: str) -> bool:
    """One all-capitals word (``NATO``, ``WHO``, ``US``): matched case-sensitively."""
    word = text.strip()
    return (
        " " not in word
        and "." not in word
        and any(c.isalpha() for c in word)
        and word.upper() == word
        and len(word) <= 8
    )


def plural(word: str) -> str:
    """The English plural of a (lower-case) agent word: minister→ministers, man→men."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"

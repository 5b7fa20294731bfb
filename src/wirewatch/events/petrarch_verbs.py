"""Read a PETRARCH-2 verb dictionary as wirewatch lexicon patterns.

PETRARCH-2 verb files hold blocks ``--- VERB [code] ---`` followed by the verb's forms and
lines ``- words * words [code]`` (``*`` is the verb; ``_`` joins words; ``&NAME`` is a synonym
set defined by ``&NAME`` and ``+word`` lines; ``$``/``+``/``%``/``^`` mark source, target,
compound and skipped words).  wirewatch keeps what its dependency matcher can check: the
verb's default code, and patterns whose words follow the verb (a preposition or particle,
then the object's head word).  Patterns that need words *before* the verb are left out.
Codes are kept as written (the validation dictionary uses many pre-CAMEO codes).
"""

from __future__ import annotations

import re

from .lexicon import Pattern

_BLOCK = re.compile(r"^---\s+(?P<verb>[^\[\s]+)\s*\[(?P<code>[^\]]*)\](?:\s*\[[^\]]*\])*\s*---")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
_PREPS = frozenset({"for", "to", "with", "on", "upon", "in", "against", "down", "off", "from",
                    "out", "up", "into", "over", "at", "by", "about", "of", "back", "away"})
_MARKERS = frozenset({"$", "+", "%", "^", "*"})
_AUXILIARIES = frozenset({"have", "has", "had", "will", "would", "be", "is", "was", "were",
                          "been", "did", "does", "do", "can", "could", "may", "might"})
"""Words before the verb that the parse already reads as tense: no constraint."""


def _code(raw: str) -> str | None:
    code = raw.split(":", 1)[0].strip()
    return code if code and re.fullmatch(r"\d{2,4}[A-Za-z]?", code) else None


def _lemma(word: str) -> str:
    return word.strip("_{}").lower().replace("_", " ").split(" ")[0]


def read_petrarch_verbs(text: str, origin: str) -> list[Pattern]:
    """Patterns from the text of a PETRARCH-2 verb dictionary."""
    synsets: dict[str, list[str]] = {}
    current_set: str | None = None
    patterns: list[Pattern] = []
    verb: str | None = None
    verb_code: str | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!"):
            continue
        where = f"{origin}:{n}"
        stripped = line.strip()
        if stripped.startswith("&"):
            current_set = stripped.split()[0].rstrip("_").upper()
            synsets[current_set] = []
            continue
        if current_set and stripped.startswith("+"):
            synsets[current_set].append(stripped[1:].strip().replace("_", " ").lower())
            continue
        block = _BLOCK.match(stripped)
        if block:
            current_set = None
            verb = _lemma(block["verb"])
            verb_code = _code(block["code"])
            if verb_code:
                patterns.append(Pattern(verb_code, verb, source=where, external=True))
            continue
        if verb is None:
            if current_set and stripped.startswith("+"):
                synsets[current_set].append(stripped[1:].strip().replace("_", " ").lower())
            continue
        if stripped.startswith("-"):
            found = _CODE.search(stripped)
            code = _code(found["code"]) if found else None
            body = stripped[1:found.start() if found else None].replace("_", " ").split()
            if code is None or "*" not in body:
                continue
            star = body.index("*")
            before = [w for w in body[:star]
                      if w not in _MARKERS and w.lower() not in _AUXILIARIES]
            if before:
                continue  # needs words before the verb: not checkable on a parse
            after = [w for w in body[star + 1:] if w not in _MARKERS]
            preps: list[str] = []
            objects: set[str] = set()
            for word in after:
                if word.startswith("&"):
                    for item in synsets.get(word.rstrip("_").upper(), []):
                        objects.add(item.split()[-1])
                elif word.lower() in _PREPS and not objects:
                    preps.append(word.lower())
                else:
                    objects = {word.lower()}
            if not preps and not objects:
                if code != verb_code:  # "- % HAVE * [191]": another code for the bare verb
                    patterns.append(Pattern(code, verb, source=where, external=True))
                continue
            patterns.append(Pattern(code, verb, objects=frozenset(objects), preps=tuple(preps),
                                    source=where, external=True))
        elif stripped.startswith("+") or stripped.split()[0].isupper():
            # other forms of the verb ("+BREAK_DOWN", "BAN {BANS BANNED}", "DOWNPLAY [014]")
            word = _lemma(stripped.lstrip("+").split()[0])
            own = _CODE.search(stripped)
            code = _code(own["code"]) if own else verb_code
            if word and word != verb and code:
                patterns.append(Pattern(code, word, source=where, external=True))
    return patterns


def looks_like_petrarch(text: str) -> bool:
    """True for a PETRARCH-2 verb dictionary (``--- VERB [code] ---`` blocks)."""
    return any(_BLOCK.match(line.strip()) for line in text.splitlines()[:400])

"""Read a PETRARCH-2 verb dictionary as wirewatch lexicon patterns.

PETRARCH-2 verb files hold blocks ``--- VERB [code] ---`` followed by the verb's forms and
lines ``- words * words [code]`` (``*`` is the verb; ``_`` joins words; ``&NAME`` is a synonym
set defined by ``&NAME`` and ``+word`` lines; ``$``/``+``/``%``/``^`` mark source, target,
compound and skipped words).  wirewatch keeps what its dependency matcher can check: the
verb's default code, words that follow the verb (a preposition or particle, then the
object's head word), words that precede it (adverbs, auxiliaries, negations, governing
verbs: matched in order in a short window before the trigger) and ``%`` before the verb
(a compound subject).  Patterns that put the source or target (``$``/``+``) before the verb
are left out: the parse already says who does what.
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


def _code(raw: str) -> str | None:
    code = raw.split(":", 1)[0].strip()
    return code if code and re.fullmatch(r"\d{2,4}[A-Za-z]?", code) else None


def _reverse(raw: str) -> str | None:
    """The code after ``:`` in ``[032:033]``: the target's act on the source (a visit is
    hosted by the visited)."""
    return _code(raw.split(":", 1)[1]) if ":" in raw else None


def _lemma(word: str) -> str:
    return word.strip("_{}").lower().replace("_", " ").split(" ")[0]


Item = tuple[tuple[str, ...], ...]
"""One pattern element: its alternative word sequences."""
MAX_ALTERNATIVES = 64


def _expand(part: str, synsets: dict[str, list[str]], depth: int = 0) -> list[tuple[str, ...]]:
    """The word sequences one ``_``-joined part stands for (a word, or a synset's members,
    themselves possibly synsets)."""
    if not part.startswith("&"):
        return [(part.lower(),)]
    if depth > 3:
        return []
    out: list[tuple[str, ...]] = []
    for member in synsets.get(part.rstrip("_").upper(), []):
        seqs: list[tuple[str, ...]] = [()]
        for word in member.split():
            seqs = [s + x for s in seqs for x in _expand(word, synsets, depth + 1)]
        out += [s for s in seqs if s]
    return out


def _items(groups: list[str], synsets: dict[str, list[str]]) -> tuple[Item, ...]:
    """Pattern elements from whitespace-separated groups; ``_`` joins words that must be
    adjacent ("NEW_&TIETYPES_RELATIONS" is one element: "new military relations", ...)."""
    items: list[Item] = []
    for group in groups:
        seqs: list[tuple[str, ...]] = [()]
        for part in (p for p in group.split("_") if p and p not in _MARKERS):
            seqs = [s + x for s in seqs for x in _expand(part, synsets)][:MAX_ALTERNATIVES]
        seqs = [s for s in seqs if s]
        if seqs:
            items.append(tuple(dict.fromkeys(seqs)))
    return tuple(items)


def read_petrarch_verbs(text: str, origin: str) -> list[Pattern]:
    """Patterns from the text of a PETRARCH-2 verb dictionary."""
    synsets: dict[str, list[str]] = {}
    current_set: str | None = None
    patterns: list[Pattern] = []
    verb: str | None = None
    forms: list[str] = []
    verb_code: str | None = None
    verb_reverse: str | None = None
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
            forms = [verb]
            verb_code = _code(block["code"])
            verb_reverse = _reverse(block["code"])
            if verb_code:
                patterns.append(Pattern(verb_code, verb, source=where, external=True,
                                        reverse=verb_reverse))
            continue
        if verb is None:
            if current_set and stripped.startswith("+"):
                synsets[current_set].append(stripped[1:].strip().replace("_", " ").lower())
            continue
        if stripped.startswith("-"):
            found = _CODE.search(stripped)
            code = _code(found["code"]) if found else None
            reverse = _reverse(found["code"]) if found else None
            raw_body = stripped[1:found.start() if found else None].replace("*", " * ")
            groups = raw_body.split()
            if code is None or "*" not in groups:
                continue
            star = groups.index("*")
            head_parts = [p for g in groups[:star] for p in g.split("_")]
            if any(w in ("$", "+") for w in head_parts):
                continue  # source or target before the verb: roles a parse already gives
            compound = "%" in head_parts
            before = _items(groups[:star], synsets)
            after_items = _items(groups[star + 1:], synsets)
            after = [w for g in groups[star + 1:] for w in g.split("_")
                     if w and w not in _MARKERS]
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
            if not after_items and not before and not compound:
                if code != verb_code:  # "- HAVE * [191]": another code for the bare verb
                    patterns += [Pattern(code, form, source=where, external=True,
                                         reverse=reverse) for form in forms]
                continue
            # a block's patterns hold for all its forms ("DELAY", "POSTPONE", ...)
            patterns += [Pattern(code, form, objects=frozenset(objects), preps=tuple(preps),
                                 source=where, external=True, before=before,
                                 after=after_items, compound=compound, reverse=reverse)
                         for form in forms]
        elif stripped.startswith("+") or stripped.split()[0].isupper():
            # other forms of the verb ("+BREAK_DOWN", "BAN {BANS BANNED}", "DOWNPLAY [014]")
            word = _lemma(stripped.lstrip("+").split()[0])
            own = _CODE.search(stripped)
            code = _code(own["code"]) if own else verb_code
            reverse = _reverse(own["code"]) if own else verb_reverse
            if word and word != verb and code:
                patterns.append(Pattern(code, word, source=where, external=True,
                                        reverse=reverse))
                if word not in forms:
                    forms.append(word)
    return patterns


def looks_like_petrarch(text: str) -> bool:
    """True for a PETRARCH-2 verb dictionary (``--- VERB [code] ---`` blocks)."""
    return any(_BLOCK.match(line.strip()) for line in text.splitlines()[:400])

"""A faster, output-identical matcher for spaCy's ``attribute_ruler``.

The stock ``attribute_ruler`` of ``en_core_web_sm`` checks its ~180 token patterns with a
general ``Matcher``: about 11% of the whole parse.  Almost all of those patterns look at one
token's TAG / LOWER / DEP / IS_SPACE, so here they are indexed by tag and lower-case form
and checked with plain comparisons.  The matches found are exactly the stock ones (same
pattern ids, same spans, same order), and they are applied by the ruler's own
``set_annotations``, so every token attribute comes out the same.  Any pattern using a
feature this module does not know (operators, other attributes, other predicates) is left
to a small spaCy ``Matcher`` holding just those patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Features = tuple[str, str, str, bool]
"""The token features the rules read: (TAG, LOWER, DEP, IS_SPACE)."""
Check = Callable[[Features], bool]
Rule = tuple[int, list[Check]]

MEMO_SIZE = 200_000
"""Distinct token feature tuples remembered between documents (then forgotten at once)."""

_INDEX = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


def _value_check(pos: int, value: Any) -> Check | None:
    """A test of one feature against a pattern value; ``None`` when not understood."""
    if isinstance(value, bool):
        if pos != 3:
            return None
        return lambda f: f[pos] is value
    if isinstance(value, str):
        if pos == 3:
            return None
        return lambda f: f[pos] == value
    if isinstance(value, dict) and len(value) == 1 and pos != 3:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) \
                and all(isinstance(a, str) for a in arg):
            members = frozenset(arg)
            if op == "IN":
                return lambda f: f[pos] in members
            return lambda f: f[pos] not in members
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda f: search(str(f[pos])) is not None
    return None


def _token_check(spec: dict[str, Any]) -> Check | None:
    checks: list[Check] = []
    for key, value in spec.items():
        pos = _INDEX.get(key)
        check = None if pos is None else _value_check(pos, value)
        if check is None:
            return None
        checks.append(check)
    return lambda f: all(c(f) for c in checks)


def _literals(spec: dict[str, Any], key: str) -> list[str] | None:
    """The values ``key`` must take for the spec to match, when it names them outright."""
    value = spec.get(key)
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return [v for v in value["IN"] if isinstance(v, str)]
    return None


class FastAttributeMatcher:
    """Stands in for ``AttributeRuler.match``: the same matches, found by indexed lookups.

    Single-token patterns naming only a TAG, or a TAG and a LOWER form, are dictionary
    lookups; other patterns are indexed by a literal value of their first token (TAG, then
    LOWER, DEP, IS_SPACE) and checked in full.  Which patterns a token with given features
    starts is remembered, so a common word costs one lookup.
    """

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.n_rules = len(ruler.attrs)
        self.strings = ruler.vocab.strings
        self.fallback = Matcher(ruler.vocab)
        self.n_fallback = 0
        self.tag_only: dict[str, list[int]] = {}
        self.tag_lower: dict[tuple[str, str], list[int]] = {}
        self.indexed: list[dict[Any, list[Rule]]] = [{}, {}, {}, {}]
        self.anywhere: list[Rule] = []
        self._memo: dict[Features, list[tuple[int, list[Check]]]] = {}
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                self._add(attr_id, pattern)

    def _add(self, attr_id: int, pattern: Any) -> None:
        checks = [_token_check(spec) if isinstance(spec, dict) else None for spec in pattern]
        if not pattern or any(c is None for c in checks):
            self.fallback.add(str(attr_id), [pattern])
            self.n_fallback += 1
            return
        first = pattern[0]
        tags, lowers = _literals(first, "TAG"), _literals(first, "LOWER")
        simple = set(first) == {"TAG"} or (set(first) == {"TAG", "LOWER"} and lowers is not None)
        if len(pattern) == 1 and tags is not None and simple:
            for tag in dict.fromkeys(tags):
                if lowers is None:
                    self.tag_only.setdefault(tag, []).append(attr_id)
                for lower in dict.fromkeys(lowers or ()):
                    self.tag_lower.setdefault((tag, lower), []).append(attr_id)
            return
        rule = (attr_id, [c for c in checks if c is not None])
        for pos, key in enumerate(_INDEX):
            values: list[Any] | None
            if key == "IS_SPACE":
                values = [first[key]] if isinstance(first.get(key), bool) else None
            else:
                values = _literals(first, key)
            if values is not None:
                for value in dict.fromkeys(values):
                    self.indexed[pos].setdefault(value, []).append(rule)
                return
        self.anywhere.append(rule)

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        if len(self.ruler.attrs) != self.n_rules:  # patterns added since: spaCy's own way
            return type(self.ruler).match(self.ruler, doc)  # type: ignore[no-any-return]
        feats: list[Features] = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        n = len(feats)
        found: list[tuple[int, int, int]] = []
        memo = self._memo
        if len(memo) > MEMO_SIZE:
            memo.clear()
        for start, f in enumerate(feats):
            hits = memo.get(f)
            if hits is None:
                hits = memo[f] = self._first_token_hits(f)
            for attr_id, rest in hits:
                end = start + 1 + len(rest)
                if not rest or (end <= n and all(
                        c(feats[start + 1 + i]) for i, c in enumerate(rest))):
                    found.append((attr_id, start, end))
        if self.n_fallback:
            for m_id, s, e in self.fallback(doc, allow_missing=True, as_spans=False):
                found.append((int(self.strings[m_id]), s, e))
        matches = [(a, self.strings[str(a)], s, e) for a, s, e in found]
        matches.sort()
        return matches

    def _first_token_hits(self, f: Features) -> list[tuple[int, list[Check]]]:
        """The patterns whose first token matches features ``f``, with their other tokens'
        checks (empty for one-token patterns)."""
        hits: list[tuple[int, list[Check]]] = [(a, []) for a in self.tag_only.get(f[0], ())]
        hits += [(a, []) for a in self.tag_lower.get((f[0], f[1]), ())]
        for pos in (0, 1, 2, 3):
            for attr_id, checks in self.indexed[pos].get(f[pos], ()):
                if checks[0](f):
                    hits.append((attr_id, checks[1:]))
        for attr_id, checks in self.anywhere:
            if checks[0](f):
                hits.append((attr_id, checks[1:]))
        return hits


def speed_up_attribute_ruler(nlp: Any) -> bool:
    """Give ``nlp``'s ``attribute_ruler`` the indexed matcher; False when it has none."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not hasattr(ruler, "match") or not hasattr(ruler, "patterns"):
        return False
    ruler.match = FastAttributeMatcher(ruler)
    return True

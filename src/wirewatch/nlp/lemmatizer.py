"""The rule lemmatizer's lookups made cheap: same lemmas as spaCy's, computed once per word form.

spaCy's rule lemmatizer caches only some of its answers (base forms and proper nouns are
worked out again for every token) and checks candidate forms against word lists of up to
57,000 entries by scanning them.  Here every answer is cached by (word, part of speech,
morphology), which is all it depends on, and the word lists become sets.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


def _rule_lemmatizer(lem: Any) -> Callable[[Any], list[str]]:
    """A ``rule_lemmatize`` equal to ``lem``'s, with set lookups and a full cache."""
    from spacy.errors import Warnings

    index_table = lem.lookups.get_table("lemma_index", {})
    exc_table = lem.lookups.get_table("lemma_exc", {})
    rules_table = lem.lookups.get_table("lemma_rules", {})
    cache: dict[tuple[int, int, int], list[str]] = {}
    indexes: dict[str, frozenset[str]] = {}

    def work(token: Any) -> list[str]:
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return [string.lower()]
        if lem.is_base_form(token):
            return [string.lower()]
        index_list = index_table.get(univ_pos)
        exceptions = exc_table.get(univ_pos)
        rules = rules_table.get(univ_pos)
        if not any((index_list, exceptions, rules)):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = indexes.get(univ_pos)
        if index is None:
            index = indexes[univ_pos] = frozenset(index_list or ())
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules or ():
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in (exceptions or {}).get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms

    def rule_lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = cache.get(key)
        if forms is None:
            forms = cache[key] = work(token)
        return forms

    return rule_lemmatize


def speed_up_lemmatizer(nlp: Any, probe: list[str]) -> bool:
    """Give ``nlp``'s rule lemmatizer the cached, set-based lookups if they agree on ``probe``."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    if getattr(lem, "mode", None) != "rule":
        return False
    fast = _rule_lemmatizer(lem)
    later = nlp.pipe_names[nlp.pipe_names.index("lemmatizer"):]
    with nlp.select_pipes(disable=later):  # POS and morphology set, lemmas not yet
        tokens = [t for doc in nlp.pipe(probe) for t in doc]
    if [fast(t) for t in tokens] != [lem.rule_lemmatize(t) for t in tokens]:
        log.warning("keeping spaCy's lemmatizer: the cached one disagrees on the probe text")
        return False
    lem.lemmatize = fast
    return True

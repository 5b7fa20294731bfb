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
        self._labelled = self._labels != 0
        self._label_ids = np.unique(self._labels)
        self._move_label = np.searchsorted(self._label_ids, self._labels)
        self._any_unseen = bool(self._unseen.any())
        self._penalty: np.ndarray | None = None

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
        stock = self.__dict__.get("stock")
        if stock is None:  # not set up yet (e.g. while unpickling)
            raise AttributeError(attr)
        return getattr(stock, attr)

    # -- decoding -----------------------------------------------------------------------
    def annotate(self, docs: list[Any]) -> None:
        """Find and set the entities of ``docs`` (in place)."""
        from spacy.attrs import ENT_IOB
        from spacy.tokens import Span

        if any(doc.has_annotation("ENT_IOB") and np.any(doc.to_array([ENT_IOB]))
               for doc in docs if len(doc)):
            for doc in docs:
                self.stock(doc)
            return
        for doc, ents in zip(docs, self.decode(docs), strict=True):
            doc.set_ents([Span(doc, s, e, label=int(lab)) for s, e, lab in ents],
                         default="outside")

    def decode(self, docs: list[Any]) -> list[list[tuple[int, int, int]]]:
        """The entities (start, end, label id) of each doc, as the greedy stock decoder finds."""
        from spacy.attrs import IS_SPACE, SENT_START

        lengths = np.asarray([len(doc) for doc in docs], dtype="int64")
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        if not lengths.any():
            return found
        tokvecs = self._tok2vec.predict(docs)
        cached = self._lower.predict(tokvecs)  # (N+1, nF, nO, nP); row 0 is the padding
        nO, nP = self._nO, self._nP
        # piece-major columns, so the maxout is an elementwise maximum of column blocks
        C0, C1, C2 = (np.ascontiguousarray(cached[:, f].transpose(0, 2, 1).reshape(-1, nO * nP))
                      for f in range(3))
        bias = np.ascontiguousarray(self._bias.reshape(nO, nP).T.reshape(-1))
        flags = np.concatenate([doc.to_array([SENT_START, IS_SPACE]).reshape(len(doc), 2)
                                for doc in docs if len(doc)]).astype("int64")
        n_tokens = len(flags)
        ends = np.cumsum(lengths)
        starts = ends - lengths
        is_last = np.zeros(n_tokens + 1, dtype=bool)
        is_last[ends[lengths > 0] - 1] = True
        next_starts = np.concatenate([flags[1:, 0] == 1, [False]]) & ~is_last[:-1]
        space = flags[:, 1] != 0
        # the state of a closed entity: can begin (a multi-token one), can be a unit
        closed_code = (~is_last[:-1] & ~next_starts & ~space) * 2 + ~space
        can_continue = (~is_last[:-1] & ~next_starts).astype("int64")
        penalty = self._penalties()
        # documents longest first: the unfinished ones at step t are a prefix
        order = np.argsort(-lengths, kind="stable")
        base = starts[order]
        steps = np.arange(int(lengths.max()))
        n_active = len(docs) - np.searchsorted(np.sort(lengths), steps, side="right")
        is_open = np.zeros(len(docs), dtype=bool)
        ent_start = np.zeros(len(docs), dtype="int64")  # token index in the batch
        ent_label = np.zeros(len(docs), dtype="int64")  # index into self._label_ids
        W_up_T, b_up = self._W_up.T, self._b_up
        kinds, move_label = self._kinds, self._move_label
        n_closed = 4
        for t in steps.tolist():
            k = int(n_active[t])
            b0 = base[:k] + t
            opened = is_open[:k]
            # features: next token, entity start, previous token (if inside an entity); -1 → pad
            H = C0[b0 + 1] + C1[np.where(opened, ent_start[:k] + 1, 0)]
            H += C2[np.where(opened, b0, 0)]
            H += bias
            H = np.maximum(H[:, :nO], H[:, nO:]) if nP == 2 else H.reshape(k, nP, nO).max(1)
            S = H @ W_up_T
            S += b_up
            if self._any_unseen:
                S[:, self._unseen] = S.min()
            state = np.where(opened, n_closed + ent_label[:k] * 2 + can_continue[b0],
                             closed_code[b0])
            S += penalty[state]
            best = S.argmax(axis=1)
            kind = kinds[best]
            for i in np.flatnonzero((kind == LAST) | (kind == UNIT)):
                if kind[i] == LAST:
                    found[order[i]].append((int(ent_start[i] - base[i]), t + 1,
                                            int(self._label_ids[ent_label[i]])))
                elif kind[i] == UNIT:
                    found[order[i]].append((t, t + 1, int(self._label_ids[move_label[best[i]]])))
            began = kind == BEGIN
            if began.any():
                is_open[:k][began] = True
                ent_start[:k][began] = b0[began]
                ent_label[:k][began] = move_label[best[began]]
            is_open[:k][kind == LAST] = False
        return found

    def _penalties(self) -> np.ndarray:
        """0 for valid moves, -inf for the rest, by state: rows 0–3 closed, then open ones.

        Closed row ``code``: bit 2 = may begin a multi-token entity, bit 1 = may be a unit.
        Open row ``4 + 2 * label + c``: c = 1 if the entity may continue past this token.
        """
        if self._penalty is not None:
            return self._penalty
        kinds, labelled = self._kinds, self._labelled
        rows = []
        for code in range(4):
            ok = kinds == OUT
            if code & 2:
                ok = ok | ((kinds == BEGIN) & labelled)
            if code & 1:
                ok = ok | ((kinds == UNIT) & labelled)
            rows.append(ok)
        for label in range(len(self._label_ids)):
            same = labelled & (self._move_label == label)
            for cont in (0, 1):
                ok = same & (kinds == LAST)
                if cont:
                    ok = ok | (same & (kinds == IN))
                rows.append(ok)
        self._penalty = np.where(np.asarray(rows), 0.0, -np.inf).astype("float32")
        return self._penalty


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

"""A faster forward pass for spaCy's CNN token-to-vector layers: same weights, same numbers.

The small English pipeline runs two copies of spaCy's ``Tok2Vec`` architecture (hash
embeddings of NORM/PREFIX/SUFFIX/SHAPE, a Maxout+LayerNorm mix, four residual windowed Maxout
layers): one shared by tagger and parser, one inside the NER.  Together they are about half of
the parse.  This module compiles such a layer into an inference-only ``thinc`` model that

* folds the first Maxout into the embedding tables: ``concat(E1[h1], …) @ W`` equals
  ``Σ (E_i @ W_i)[h_i]``, so the widest matrix product becomes row lookups;
* keeps Maxout pieces in separate column blocks, so the max is two elementwise passes;
* multiplies by transposed weights laid out for BLAS (numpy's ``dot``).

Padding between documents, window expansion and the residual sums follow thinc exactly, so
the vectors match the stock layer to float rounding (checked on a probe text when compiled;
any mismatch keeps the stock layer).  Training still uses the stock layer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

NAME = "wirewatch_tok2vec"
TOLERANCE = 1e-3
"""Largest absolute difference from the stock output allowed by the self-check."""


class _Maxout:
    """A Maxout(+LayerNorm) layer with weights rearranged for inference."""

    def __init__(self, maxout: Any, norm: Any | None) -> None:
        W = maxout.get_param("W")  # (nO, nP, nI)
        b = maxout.get_param("b")  # (nO, nP)
        self.nO, self.nP, self.nI = (int(d) for d in W.shape)
        # rows ordered piece-major: columns [p*nO:(p+1)*nO] of the product are piece p
        self.W = np.ascontiguousarray(W.transpose(1, 0, 2).reshape(self.nP * self.nO, self.nI),
                                      dtype="float32")
        self.b = np.ascontiguousarray(b.T.reshape(self.nP * self.nO), dtype="float32")
        self.G = None if norm is None else np.asarray(norm.get_param("G"), dtype="float32")
        self.g_b = None if norm is None else np.asarray(norm.get_param("b"), dtype="float32")

    def finish(self, Y: np.ndarray) -> np.ndarray:
        """Bias, max over pieces and layer norm of the pre-activation ``Y``."""
        Y += self.b
        nO = self.nO
        best = np.maximum(Y[:, :nO], Y[:, nO:2 * nO])
        for p in range(2, self.nP):
            np.maximum(best, Y[:, p * nO:(p + 1) * nO], out=best)
        if self.G is None:
            return best
        width = best.shape[1]
        best -= best.mean(axis=1, keepdims=True)
        var = np.einsum("ij,ij->i", best, best)[:, None]
        var /= width
        var += 1e-08
        best *= var ** (-1.0 / 2.0)
        best *= self.G
        best += self.g_b
        return best

    def __call__(self, X: np.ndarray) -> np.ndarray:
        return self.finish(np.dot(X, self.W.T))


class CompiledTok2Vec:
    """The arrays of one compiled Tok2Vec layer and its forward pass."""

    def __init__(self, layer: Any) -> None:
        parts = _leaves(layer)
        names = [p.name.split("(")[0] for p in parts]
        if names != ["extract_features", "list2ragged", "with_array", "with_array",
                     "ragged2list", "with_array"]:
            raise ValueError(f"unexpected tok2vec layout: {names}")
        extract, _, concat_wa, mix_wa, _, encoder = parts
        self.columns = list(extract.attrs["columns"])
        self.mix = _Maxout(*_maxout_norm(_leaves(mix_wa.layers[0])))
        # fold the mix's matrix into each embedding table: Σ_i E_i[h_i] @ W_i
        self.tables: list[tuple[np.ndarray, int, int]] = []
        offset = 0
        for getter_embed in concat_wa.layers[0].layers:
            hashembed = _leaves(getter_embed)[-1]
            _expect(hashembed, "hashembed")
            E = np.asarray(hashembed.get_param("E"), dtype="float32")
            width = E.shape[1]
            projected = E @ self.mix.W[:, offset:offset + width].T
            self.tables.append((np.ascontiguousarray(projected, dtype="float32"),
                                int(hashembed.attrs["seed"]), int(hashembed.attrs["column"])))
            offset += width
        if offset != self.mix.nI:
            raise ValueError("embedding widths do not add up to the mix layer's input")
        self.pad = int(encoder.attrs["pad"])
        self.blocks: list[tuple[int, _Maxout]] = []
        for residual in _leaves(encoder.layers[0]):
            _expect(residual, "residual(")
            window, *rest = _leaves(residual.layers[0])
            _expect(window, "expand_window")
            self.blocks.append((int(window.attrs["window_size"]), _Maxout(*_maxout_norm(rest))))
        self.nO = self.mix.nO

    def __call__(self, docs: list[Any], ops: Any) -> list[np.ndarray]:
        lengths = [len(doc) for doc in docs]
        total = sum(lengths)
        nO = self.nO
        if total == 0:
            return [np.zeros((n, nO), dtype="float32") for n in lengths]
        ids = np.concatenate([np.asarray(doc.to_array(self.columns), dtype="uint64")
                              .reshape(len(doc), -1) for doc in docs if len(doc)])
        Y = np.zeros((total, self.mix.nP * nO), dtype="float32")
        for projected, seed, column in self.tables:
            keys = ops.hash(np.ascontiguousarray(ids[:, column]), seed) % projected.shape[0]
            Y += ops.gather_add(projected, keys)
        tokens = self.mix.finish(Y)
        # thinc's with_array(pad=…): `pad` zero rows before, between and after documents
        pad = self.pad
        starts: list[int] = []  # row of each document's first token (empty ones: none)
        row = pad
        for n in lengths:
            starts.append(row)
            row += n + pad if n else 0
        X = np.zeros((row, nO), dtype="float32")
        src = 0
        for start, n in zip(starts, lengths, strict=True):
            X[start:start + n] = tokens[src:src + n]
            src += n
        for window, block in self.blocks:
            X = X + block(ops.seq2col(X, window))
        return [X[start:start + n] for start, n in zip(starts, lengths, strict=True)]


def _leaves(model: Any) -> list[Any]:
    """The layers of a (nested) chain in order; other combinators stay whole."""
    if getattr(model._func, "__module__", "") == "thinc.layers.chain":
        return [leaf for layer in model.layers for leaf in _leaves(layer)]
    return [model]


def _maxout_norm(layers: list[Any]) -> tuple[Any, Any]:
    """The Maxout and LayerNorm of ``layers`` (dropout, a no-op at inference, allowed)."""
    kept = [layer for layer in layers if layer.name != "dropout"]
    if [layer.name for layer in kept] != ["maxout", "layernorm"]:
        raise ValueError(f"expected maxout>>layernorm, found {[x.name for x in kept]}")
    return kept[0], kept[1]


def _expect(model: Any, prefix: str) -> None:
    if not model.name.startswith(prefix):
        raise ValueError(f"expected a {prefix} layer, found {model.name}")


def compile_tok2vec(layer: Any, probe: list[Any]) -> Any | None:
    """An inference model equivalent to the stock Tok2Vec ``layer``, or None if it differs.

    ``probe`` is a list of docs the two are compared on.
    """
    from thinc.api import Model

    try:
        compiled = CompiledTok2Vec(layer)
    except (ValueError, KeyError, AttributeError, IndexError) as exc:
        log.info("keeping spaCy's tok2vec: %s", exc)
        return None

    def forward(model: Any, docs: list[Any], is_train: bool) -> tuple[Any, Callable[..., Any]]:
        if is_train:
            return layer(docs, is_train)
        return compiled(docs, model.ops), _no_backprop

    fast: Any = Model(NAME, forward, dims={"nO": compiled.nO, "nI": None}, ops=layer.ops)
    fast.attrs["stock"] = layer
    expected = layer.predict(probe)
    got = fast.predict(probe)
    worst = max((float(np.abs(a - b).max()) for a, b in zip(expected, got, strict=True)
                 if len(a)), default=0.0)
    if worst > TOLERANCE:
        log.warning("keeping spaCy's tok2vec: compiled output differs by %.2g", worst)
        return None
    return fast


def _no_backprop(*_: Any) -> Any:
    raise NotImplementedError("the compiled tok2vec is for inference; train with the stock one")


def accelerate(nlp: Any) -> list[str]:
    """Swap the compiled tok2vec into ``nlp``'s components where it matches; names swapped."""
    probe = [nlp.make_doc(PROBE), nlp.make_doc(""), nlp.make_doc(PROBE[:90])]
    done: list[str] = []
    for name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "layers"):
            continue
        if name == "tok2vec" or model.name.startswith("extract_features>>"):
            fast = compile_tok2vec(model, probe)
            if fast is not None:
                pipe.model = fast
                done.append(name)
            continue
        if not model.has_ref("tok2vec"):
            continue
        inner = model.get_ref("tok2vec")
        if not inner.layers or not inner.layers[0].name.startswith("extract_features>>"):
            continue  # listens to a shared tok2vec
        fast = compile_tok2vec(inner.layers[0], probe)
        if fast is not None:
            inner.layers[0] = fast
            done.append(name)
    return done


PROBE = (
    "SEOUL, March 3 (Wirewatch) - North Korea's foreign ministry said on Sunday it \"will never\" "
    "accept the U.S.-South Korean drills, which 12,000 troops joined near Paju; Kim Yo-jong "
    "warned Washington.  The U.N. envoy, Dr. Maria Lopez-Vidal, met officials in Geneva!"
)
"""Text the compiled layer is checked against the stock one on: names, numbers, punctuation."""

"""Numpy inference for the neural *induction* model (the network ``train_induction.py`` trains).

Program synthesis (:mod:`likewise.learning.model`) writes a program that the examples'
outputs come from; induction, as in RobustFill (Devlin et al., ICML 2017), skips the program:
given a task's examples (input row -> output) and a new input row, the network writes the new
row's output directly, character by character (:mod:`likewise.learning.charset` ids, ``SEP``
meaning "stop"). Nothing guarantees that the outputs of several rows follow one rule, but no
program needs to exist in the language either.

The network:

- one character embedding, shared by every reader and by the decoder's input;
- each example, its inputs and its output as one string (``charset.encode(inputs + [output])``)
  read by a bidirectional GRU: its final state is the example's vector, max-pooled over the
  examples into a task vector; its per-character states are the *context*, all the examples
  one after another;
- the new row (``charset.encode(inputs)``) read by another bidirectional GRU: per-character
  states (the *query*) and a final state;
- a two-layer GRU decoder over the previous output character (``SEP`` before the first),
  started from ``tanh(Linear([task vector, query's final state]))``. Each layer's state attends
  (scaled dot product) to the query's characters and, separately, to the context's characters
  (which carry the constants the outputs share). Layer 2 reads layer 1's state and its two
  attention contexts; layer 2's state and its own two contexts are the features.
- a pointer-generator output: ``p_gen = sigmoid(Linear(features))``, and the next character's
  distribution is ``p_gen * softmax(Linear(features))`` plus ``1 - p_gen`` times layer 2's
  attention weights over the query's characters, added onto those characters' ids. Copying
  is how most of an output gets written, whatever the characters are.

As in the synthesis model, no attention context is fed back into the recurrence that produced
its query, so training runs each layer over the whole output at once (a fused GRU).

Characters outside printable ASCII are one id, ``UNK``: when greedy decoding picks ``UNK``, the
character written is the one of the query position, among the ``UNK`` ones, that layer 2's
copy attention weighs most, so accented letters and other Unicode copy through; with no
``UNK`` in the query it is U+FFFD. :meth:`InductionModel.log_prob` scores such characters as
``UNK`` (the class, not the character).

This module needs only numpy (the weights come from the ``.npz`` training exports, with the
torch parameter names); every operation mirrors the torch forward pass. Set
``OPENBLAS_NUM_THREADS=1`` before numpy is imported for speed (see ``model.py``).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from likewise.learning import charset
from likewise.learning.network import Network, gru, gru_shapes, lin, sigmoid

__all__ = [
    "MAX_OUTPUT",
    "InductionConfig",
    "InductionModel",
    "context_ids",
    "evaluate",
    "param_shapes",
    "query_ids",
    "target_ids",
]

Row = tuple[str, ...]
Examples = Sequence[tuple[Sequence[str], str]]

MAX_OUTPUT = 100  # characters an output may have (the sampler's bound)
TINY = 1e-20  # probabilities are floored here before the log (as in training)


@dataclass(frozen=True)
class InductionConfig:
    char_dim: int = 32
    enc_hidden: int = 48  # per direction
    dec_hidden: int = 160
    max_query: int = 160  # ids of a new row (its inputs)
    max_context: int = 240  # ids of an example (its inputs and output)


def context_ids(inputs: Sequence[str], output: str, max_len: int) -> list[int]:
    return charset.encode([*inputs, output], max_len)


def query_ids(inputs: Sequence[str], max_len: int) -> list[int]:
    return charset.encode(list(inputs), max_len)


def target_ids(output: str) -> list[int]:
    """The characters to write, then ``SEP`` (dropped past ``MAX_OUTPUT`` characters)."""
    return charset.encode([output], MAX_OUTPUT + 1)


def _query_chars(inputs: Sequence[str], max_len: int) -> list[str]:
    """The character at each position of ``query_ids(inputs)`` ("" at a ``SEP``)."""
    chars: list[str] = []
    for s in inputs:
        chars.extend(s)
        chars.append("")
        if len(chars) >= max_len:
            break
    return chars[:max_len]


def param_shapes(c: InductionConfig) -> dict[str, tuple[int, ...]]:
    """Every parameter's name (as in the torch module's state_dict) and shape."""
    e, he, hd, v = c.char_dim, c.enc_hidden, c.dec_hidden, charset.SIZE
    d = 2 * he  # an encoded character
    f = hd + 2 * d  # the features
    one = ("_l0",)
    return {
        "char_emb.weight": (v, e),
        **gru_shapes("enc_ctx.fwd", e, he, one),
        **gru_shapes("enc_ctx.bwd", e, he, one),
        **gru_shapes("enc_qry.fwd", e, he, one),
        **gru_shapes("enc_qry.bwd", e, he, one),
        "init.weight": (2 * hd, 2 * d),
        "init.bias": (2 * hd,),
        **gru_shapes("dec1", e, hd, one),
        "q1_qry.weight": (d, hd),
        "q1_ctx.weight": (d, hd),
        **gru_shapes("dec2", hd + 2 * d, hd, one),
        "q2_qry.weight": (d, hd),
        "q2_ctx.weight": (d, hd),
        "gen.weight": (v, f),
        "gen.bias": (v,),
        "gate.weight": (1, f),
        "gate.bias": (1,),
    }


def _softmax(s: np.ndarray) -> np.ndarray:
    p = np.exp(s - s.max(axis=-1, keepdims=True))
    return p / p.sum(axis=-1, keepdims=True)


def resolve_unk(weights: np.ndarray, ids: Sequence[int], chars: Sequence[str]) -> str:
    """The character a generated ``UNK`` stands for: that of the query position, among the
    ``UNK`` ones, with the highest copy weight; U+FFFD when the query has none."""
    unk = [i for i, t in enumerate(ids) if t == charset.UNK]
    if not unk:
        return charset.UNK_CHAR
    return chars[max(unk, key=lambda i: weights[i])]


@dataclass(frozen=True)
class _Context:
    """A task's examples, read once: every example's character states, padding left out."""

    keys: np.ndarray  # (Lctx, D)
    task: np.ndarray  # (D,): the examples' final states, max-pooled


@dataclass(frozen=True)
class _Query:
    """K new rows, read (L: the longest row's ids)."""

    states: np.ndarray  # (K, L, D)
    mask: np.ndarray  # (K, L)
    final: np.ndarray  # (K, D)
    ids: np.ndarray  # (K, L), PAD past each row's end
    onehot: np.ndarray  # (K, L, V): ids as one-hot rows (zero past the end)
    chars: list[list[str]]  # per row, the character at each position


class InductionModel(Network):
    """The trained induction network: writes new rows' outputs given a task's examples."""

    KIND = "induction"
    CONFIG = InductionConfig
    shapes = staticmethod(param_shapes)

    def __init__(self, params: Mapping[str, np.ndarray], config: InductionConfig) -> None:
        super().__init__(params, config)
        p = self.p
        # Layer 1's input gates for every character at once.
        self._char_gates = p["char_emb.weight"] @ p["dec1.weight_ih_l0"].T + p["dec1.bias_ih_l0"]

    # --- the network ---------------------------------------------------------------------

    def _context(self, examples: list[tuple[Row, str]]) -> _Context:
        m = self.config.max_context
        out, mask, final = self._bigru("enc_ctx", [context_ids(e, o, m) for e, o in examples])
        return _Context(out[mask], final.max(axis=0))

    def _query(self, rows: Sequence[Row]) -> _Query:
        m = self.config.max_query
        ids = [query_ids(r, m) for r in rows]
        states, mask, final = self._bigru("enc_qry", ids)
        padded = np.zeros(mask.shape, dtype=np.int64)
        for i, r in enumerate(ids):
            padded[i, : len(r)] = r
        onehot = np.eye(charset.SIZE, dtype=np.float32)[padded] * mask[..., None]
        chars = [_query_chars(r, m) for r in rows]
        return _Query(states, mask, final, padded, onehot, chars)

    def _initial(self, ctx: _Context, qry: _Query) -> tuple[np.ndarray, np.ndarray]:
        """The decoder layers' first states, each (K, Hd)."""
        task = np.broadcast_to(ctx.task, qry.final.shape)
        h0 = np.tanh(
            np.concatenate([task, qry.final], axis=-1) @ self.p["init.weight"].T
            + self.p["init.bias"]
        )
        h1, h2 = np.split(h0, 2, axis=-1)
        return h1, h2

    def _contexts(
        self, layer: int, h: np.ndarray, ctx: _Context, qry: _Query
    ) -> tuple[list[np.ndarray], np.ndarray]:
        """Layer ``layer``'s attention from states h (K, Hd): [h, query context, example
        context], and the weights (K, L) over the query's characters."""
        scale = np.sqrt(np.float32(qry.states.shape[-1]))
        q = lin(h, self.p[f"q{layer}_qry.weight"])
        s = (q[:, None, :] @ qry.states.transpose(0, 2, 1))[:, 0] / scale
        w = _softmax(np.where(qry.mask, s, -np.inf))
        c_qry = (w[:, None, :] @ qry.states)[:, 0]
        a = _softmax(lin(h, self.p[f"q{layer}_ctx.weight"]) @ ctx.keys.T / scale)
        return [h, c_qry, a @ ctx.keys], w

    def _step(
        self, ctx: _Context, qry: _Query, prev: np.ndarray, state: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
        """Feed the previous characters (K,): the next one's distribution (K, V), layer 2's
        copy weights (K, L) and the new state."""
        p = self.p
        h1 = gru(self._char_gates[prev], state[0], p["dec1.weight_hh_l0"], p["dec1.bias_hh_l0"])
        x2, _ = self._contexts(1, h1, ctx, qry)
        gi2 = lin(np.concatenate(x2, axis=-1), p["dec2.weight_ih_l0"]) + p["dec2.bias_ih_l0"]
        h2 = gru(gi2, state[1], p["dec2.weight_hh_l0"], p["dec2.bias_hh_l0"])
        feats, w = self._contexts(2, h2, ctx, qry)
        f = np.concatenate(feats, axis=-1)
        p_gen = sigmoid(lin(f, p["gate.weight"]) + p["gate.bias"])  # (K, 1)
        gen = _softmax(lin(f, p["gen.weight"]) + p["gen.bias"])
        copy = (w[:, None, :] @ qry.onehot)[:, 0]
        return p_gen * gen + (1.0 - p_gen) * copy, w, (h1, h2)

    # --- using it --------------------------------------------------------------------------

    def predict(self, examples: Examples, new_inputs: Sequence[Sequence[str]]) -> list[str]:
        """The greedy output of each new row (at most ``MAX_OUTPUT`` characters), all rows
        decoded together; the examples are read once."""
        shown, rows = _check(examples, new_inputs)
        if not rows:
            return []
        ctx, qry = self._context(shown), self._query(rows)
        state = self._initial(ctx, qry)
        k = len(rows)
        prev = np.full(k, charset.SEP)
        out: list[list[str]] = [[] for _ in range(k)]
        live = np.ones(k, dtype=bool)
        for _ in range(MAX_OUTPUT):
            probs, w, state = self._step(ctx, qry, prev, state)
            probs[:, charset.PAD] = -1.0
            prev = probs.argmax(axis=-1)
            for i in np.flatnonzero(live):
                t = int(prev[i])
                if t == charset.SEP:
                    live[i] = False
                elif t == charset.UNK:
                    out[i].append(resolve_unk(w[i], qry.ids[i], qry.chars[i]))
                else:
                    out[i].append(charset.CHARS[t - 3])
            if not live.any():
                break
        return ["".join(o) for o in out]

    def log_prob(self, examples: Examples, new_input: Sequence[str], output: str) -> float:
        """log p(output | examples, new_input), teacher-forced: the sum over ``output``'s
        character ids and the closing ``SEP`` (non-ASCII characters count as ``UNK``)."""
        shown, rows = _check(examples, [new_input])
        ctx, qry = self._context(shown), self._query(rows)
        state = self._initial(ctx, qry)
        total, prev = 0.0, charset.SEP
        for t in target_ids(output):
            probs, _, state = self._step(ctx, qry, np.array([prev]), state)
            total += float(np.log(max(float(probs[0, t]), TINY)))
            prev = t
        return total


def _row(inputs: Sequence[str], what: str) -> Row:
    if isinstance(inputs, str) or not all(isinstance(s, str) for s in inputs):
        raise ValueError(f"{what} must be a sequence of strings, got {inputs!r}")
    return tuple(inputs)


def _check(examples: Examples, new_inputs: Sequence[Sequence[str]]) -> tuple[list, list[Row]]:
    """The examples and new rows as tuples, or a ValueError: no examples, a row that is not
    strings, or rows with different numbers of columns."""
    if not examples:
        raise ValueError("no examples")
    shown = []
    for ex in examples:
        if len(ex) != 2 or not isinstance(ex[1], str):
            raise ValueError(f"an example is (inputs, output string), got {ex!r}")
        shown.append((_row(ex[0], "an example's inputs"), ex[1]))
    rows = [_row(r, "a new row") for r in new_inputs]
    widths = {len(e) for e, _ in shown} | {len(r) for r in rows}
    if len(widths) > 1:
        raise ValueError(f"rows have different numbers of columns: {sorted(widths)}")
    if 0 in widths:
        raise ValueError("rows have no columns")
    return shown, rows


def evaluate(model: InductionModel, tasks: Sequence[Mapping]) -> dict[str, float]:
    """On suite tasks (``benchmarks/FORMAT``): the ``train`` examples shown, each ``test``
    output predicted. Exact per-example accuracy, all-test-examples task accuracy, and time."""
    hits = solved = n_rows = 0
    t0 = time.perf_counter()
    for t in tasks:
        shown = [(tuple(e["inputs"]), e["output"]) for e in t["train"]]
        got = model.predict(shown, [tuple(e["inputs"]) for e in t["test"]])
        ok = [g == e["output"] for g, e in zip(got, t["test"], strict=True)]
        hits, n_rows, solved = hits + sum(ok), n_rows + len(ok), solved + all(ok)
    secs = time.perf_counter() - t0
    return {
        "example_acc": hits / max(n_rows, 1),
        "task_acc": solved / max(len(tasks), 1),
        "ms_per_task": 1000 * secs / max(len(tasks), 1),
    }

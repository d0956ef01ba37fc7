"""Numpy inference for the neural program synthesizer (the network ``train.py`` trains).

The network, after RobustFill's Attention-B with late pooling (Devlin et al., ICML 2017): per
example, the input row and the output are read by their own bidirectional GRU over character
embeddings (:mod:`likewise.learning.charset`). The decoder over program tokens
(:mod:`likewise.lang.vocab`) runs once per example, in two GRU layers, both started from the
encoders' final states. Each layer attends to the output's characters, then, with that
context, to the input's ("double attention"). Layer 1 reads the tokens; layer 2 reads layer
1's state and contexts, so it knows where the attention has been. Layer 2's state and
contexts make a feature vector per example; the examples' vectors are max-pooled before the
softmax over the vocabulary, so every example's decoder follows the same program.

Unlike RobustFill, no attention context is fed back into the recurrence that produced its
query: so in training each layer runs over the whole program at once (a fused GRU and batched
matrix products), many times faster on a CPU than a step-by-step loop.

This module needs only numpy: the weights come from the ``.npz`` that training exports, with
the torch parameter names, and every operation here mirrors the torch forward pass. Beam search
with pruning by the examples is :mod:`likewise.learning.beam`.

Speed: the products are small, so numpy's BLAS is best left to one thread (set
``OPENBLAS_NUM_THREADS=1`` before numpy is imported, or use threadpoolctl); on a busy two-core
machine its default threads made beam search 2 to 10 times slower.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from likewise.errors import ParseError
from likewise.lang.ast import Node
from likewise.lang.vocab import BOS, EOS, VOCAB, decode, encode
from likewise.learning import charset, grammar
from likewise.learning.network import Network, gru, gru_shapes, lin

__all__ = ["Config", "Encoded", "NeuralModel", "param_shapes"]

Examples = Sequence[tuple[Sequence[str], str]]


@dataclass(frozen=True)
class Config:
    char_dim: int = 32
    enc_hidden: int = 64  # per direction
    tok_dim: int = 64
    dec_hidden: int = 192
    max_chars: int = charset.MAX_LEN


def param_shapes(c: Config) -> dict[str, tuple[int, ...]]:
    """Every parameter's name (as in the torch module's state_dict) and shape."""
    he, hd, v = c.enc_hidden, c.dec_hidden, len(VOCAB)
    d = 2 * he  # an encoded character
    one = ("_l0",)
    return {
        "char_emb.weight": (charset.SIZE, c.char_dim),
        **gru_shapes("enc_in.fwd", c.char_dim, he, one),
        **gru_shapes("enc_in.bwd", c.char_dim, he, one),
        **gru_shapes("enc_out.fwd", c.char_dim, he, one),
        **gru_shapes("enc_out.bwd", c.char_dim, he, one),
        "init.weight": (2 * hd, 2 * d),
        "init.bias": (2 * hd,),
        "tok_emb.weight": (v, c.tok_dim),
        **gru_shapes("dec1", c.tok_dim, hd, one),
        "q1_out.weight": (d, hd),
        "q1_in.weight": (d, hd + d),
        **gru_shapes("dec2", hd + 2 * d, hd, one),
        "q2_out.weight": (d, hd),
        "q2_in.weight": (d, hd + d),
        "combine.weight": (hd, hd + 2 * d),
        "combine.bias": (hd,),
        "proj.weight": (v, hd),
        "proj.bias": (v,),
    }


def _attend(q: np.ndarray, keys: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Dot-product attention: q (N, K, D) over keys (N, L, D) with mask (N, L)."""
    s = (q @ keys.transpose(0, 2, 1)) / np.sqrt(np.float32(keys.shape[-1]))
    s = np.where(mask[:, None, :], s, -np.inf)
    p = np.exp(s - s.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    return p @ keys


def log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


@dataclass(frozen=True)
class Encoded:
    """A task's examples, read by the encoders (N examples, L characters)."""

    envs: tuple[tuple[str, ...], ...]
    outputs: tuple[str, ...]
    n_inputs: int
    enc_in: np.ndarray  # (N, L, 2He)
    mask_in: np.ndarray  # (N, L)
    enc_out: np.ndarray
    mask_out: np.ndarray
    h0: np.ndarray  # (2, N, Hd): the decoder layers' first states


State = tuple[np.ndarray, np.ndarray]  # the decoder layers' states, each (N, K, Hd)


class NeuralModel(Network):
    """The trained network, for scoring programs and searching for them given examples."""

    KIND = "synthesis"
    CONFIG = Config
    shapes = staticmethod(param_shapes)

    @classmethod
    def meta(cls) -> dict:
        return {**super().meta(), "vocab": list(VOCAB)}

    def __init__(self, params: Mapping[str, np.ndarray], config: Config) -> None:
        super().__init__(params, config)
        # Layer 1's input gates for every token at once.
        p = self.p
        self._tok_gates = p["tok_emb.weight"] @ p["dec1.weight_ih_l0"].T + p["dec1.bias_ih_l0"]

    # --- the network ---------------------------------------------------------------------

    def encode(self, examples: Examples) -> Encoded:
        if not examples:
            raise ValueError("no examples")
        envs = tuple(tuple(inputs) for inputs, _ in examples)
        outputs = tuple(out for _, out in examples)
        m = self.config.max_chars
        enc_in, mask_in, fin_in = self._bigru("enc_in", [charset.encode(e, m) for e in envs])
        enc_out, mask_out, fin_out = self._bigru(
            "enc_out", [charset.encode([o], m) for o in outputs]
        )
        h0 = np.tanh(
            np.concatenate([fin_in, fin_out], axis=-1) @ self.p["init.weight"].T
            + self.p["init.bias"]
        )
        n_inputs = max(len(e) for e in envs)
        h0 = np.stack(np.split(h0, 2, axis=-1))
        return Encoded(envs, outputs, n_inputs, enc_in, mask_in, enc_out, mask_out, h0)

    def initial(self, enc: Encoded, k: int = 1) -> State:
        """The decoder state before the first token, for k programs."""
        h1, h2 = np.repeat(enc.h0[:, :, None, :], k, axis=2)
        return h1, h2

    def _attend2(self, layer: int, h: np.ndarray, enc: Encoded) -> list[np.ndarray]:
        """Layer ``layer``'s double attention from states h (N, K, Hd): [h, c_out, c_in]."""
        c_out = _attend(lin(h, self.p[f"q{layer}_out.weight"]), enc.enc_out, enc.mask_out)
        q_in = lin(np.concatenate([h, c_out], axis=-1), self.p[f"q{layer}_in.weight"])
        return [h, c_out, _attend(q_in, enc.enc_in, enc.mask_in)]

    def step(self, enc: Encoded, tokens: np.ndarray, state: State) -> tuple[np.ndarray, State]:
        """Feed the last tokens (K,) of K programs in ``state``: return the next token's logits
        (K, V) and the new state."""
        p = self.p
        h1 = gru(
            self._tok_gates[tokens][None], state[0], p["dec1.weight_hh_l0"], p["dec1.bias_hh_l0"]
        )
        x2 = np.concatenate(self._attend2(1, h1, enc), axis=-1)
        gi2 = lin(x2, p["dec2.weight_ih_l0"]) + p["dec2.bias_ih_l0"]
        h2 = gru(gi2, state[1], p["dec2.weight_hh_l0"], p["dec2.bias_hh_l0"])
        feats = np.concatenate(self._attend2(2, h2, enc), axis=-1)
        a = np.tanh(lin(feats, p["combine.weight"]) + p["combine.bias"])
        logits = a.max(axis=0) @ p["proj.weight"].T + p["proj.bias"]
        return logits, (h1, h2)

    # --- using it --------------------------------------------------------------------------

    def token_logits(self, examples: Examples | Encoded, ids: Sequence[int]) -> np.ndarray:
        """Teacher-forced logits (len(ids) - 1, V): row t predicts ``ids[t + 1]``."""
        enc = examples if isinstance(examples, Encoded) else self.encode(examples)
        state = self.initial(enc)
        rows = []
        for t in ids[:-1]:
            logits, state = self.step(enc, np.array([t]), state)
            rows.append(logits[0])
        return np.stack(rows)

    def score(self, examples: Examples | Encoded, program: Node) -> float:
        """log p(program | examples): the sum of its tokens' log-probabilities, EOS included."""
        ids = encode(program)
        logp = log_softmax(self.token_logits(examples, ids))
        return float(logp[np.arange(len(ids) - 1), ids[1:]].sum())

    def score_many(self, examples: Examples | Encoded, programs: Sequence[Node]) -> list[float]:
        """:meth:`score` of several programs at once (one teacher-forced pass over all)."""
        if not programs:
            return []
        enc = examples if isinstance(examples, Encoded) else self.encode(examples)
        seqs = [encode(p) for p in programs]
        width = max(len(s) for s in seqs)
        ids = np.full((len(seqs), width), EOS, dtype=np.int64)
        for k, s in enumerate(seqs):
            ids[k, : len(s)] = s
        total = np.zeros(len(seqs))
        state = self.initial(enc, len(seqs))
        for t in range(width - 1):
            logits, state = self.step(enc, ids[:, t], state)
            logp = log_softmax(logits)[np.arange(len(seqs)), ids[:, t + 1]]
            total += np.where(np.array([len(s) > t + 1 for s in seqs]), logp, 0.0)
        return total.tolist()

    def greedy(self, examples: Examples | Encoded, max_len: int = 128) -> Node | None:
        """The most likely token at each step, within the grammar; None past ``max_len``."""
        enc = examples if isinstance(examples, Encoded) else self.encode(examples)
        state = self.initial(enc)
        ids, gstate = [BOS], grammar.START
        for _ in range(max_len):
            logits, state = self.step(enc, np.array(ids[-1:]), state)
            ok = grammar.allowed(gstate, enc.n_inputs)
            tok = int(np.argmax(np.where(ok, logits[0], -np.inf)))
            ids.append(tok)
            if tok == EOS:
                try:
                    return decode(ids)
                except ParseError:  # pragma: no cover - the grammar forbids it
                    return None
            gstate = grammar.advance(gstate, tok)
        return None

    def search(self, examples: Examples, beam: int = 100, **kwargs) -> list[tuple[Node, float]]:
        """Programs consistent with the examples, best first, with their log-probabilities:
        see :func:`likewise.learning.beam.beam_search`."""
        from likewise.learning.beam import beam_search

        return beam_search(self, examples, beam=beam, **kwargs)

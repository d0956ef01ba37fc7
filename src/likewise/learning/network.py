"""What the numpy networks share: weights checked against their config, ``.npz`` files, and the
bidirectional GRU that reads characters.

A subclass names its ``KIND``, its config class and :meth:`Network.shapes` (every parameter's
torch name and shape); the ``.npz`` holds the parameters under those names and a ``__meta__``
JSON string with the kind, the config and the character set (and whatever
:meth:`Network.meta` adds), so a file is never read by the wrong network or alphabet.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, ClassVar, Self

import numpy as np

from likewise.learning import charset


def lin(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """x @ w.T over the last axis, as one 2-D product (numpy loops over the leading axes of a
    3-D one)."""
    return (x.reshape(-1, x.shape[-1]) @ w.T).reshape(*x.shape[:-1], w.shape[0])


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def gru(gi: np.ndarray, h: np.ndarray, w_hh: np.ndarray, b_hh: np.ndarray) -> np.ndarray:
    """One GRU step (torch's gate order r, z, n) from the input's gate pre-activations."""
    n = h.shape[-1]
    gh = lin(h, w_hh) + b_hh
    r = sigmoid(gi[..., :n] + gh[..., :n])
    z = sigmoid(gi[..., n : 2 * n] + gh[..., n : 2 * n])
    cand = np.tanh(gi[..., 2 * n :] + r * gh[..., 2 * n :])
    return (1.0 - z) * cand + z * h


def gru_shapes(prefix: str, n_in: int, n_hidden: int, suffixes: Sequence[str]) -> dict:
    out = {}
    for s in suffixes:
        out[f"{prefix}.weight_ih{s}"] = (3 * n_hidden, n_in)
        out[f"{prefix}.weight_hh{s}"] = (3 * n_hidden, n_hidden)
        out[f"{prefix}.bias_ih{s}"] = (3 * n_hidden,)
        out[f"{prefix}.bias_hh{s}"] = (3 * n_hidden,)
    return out


class Network:
    """A network's weights, for inference in numpy."""

    KIND: ClassVar[str]
    CONFIG: ClassVar[type]

    @staticmethod
    def shapes(config: Any) -> dict[str, tuple[int, ...]]:
        raise NotImplementedError

    @classmethod
    def meta(cls) -> dict[str, Any]:
        """What a file must agree on besides its kind and config."""
        return {"charset": charset.CHARS}

    def __init__(self, params: Mapping[str, np.ndarray], config: Any) -> None:
        shapes = self.shapes(config)
        if set(params) != set(shapes):
            raise ValueError(f"parameters differ from the config's: {set(params) ^ set(shapes)}")
        for name, shape in shapes.items():
            if tuple(params[name].shape) != shape:
                raise ValueError(f"{name} has shape {params[name].shape}, expected {shape}")
        self.config = config
        self.p = {k: np.asarray(v, dtype=np.float32) for k, v in params.items()}

    @classmethod
    def load(cls, path: str | Path) -> Self:
        with np.load(path, allow_pickle=False) as f:
            meta = json.loads(str(f["__meta__"]))
            params = {k: f[k] for k in f.files if k != "__meta__"}
        kind = meta.get("kind", "synthesis")  # files before "kind" were synthesis models
        if kind != cls.KIND:
            raise ValueError(f"{path} holds {kind} weights, not {cls.KIND} weights")
        for key, value in cls.meta().items():
            if meta.get(key) != value:
                raise ValueError(f"{path} was trained with another {key}")
        return cls(params, cls.CONFIG(**meta["config"]))

    @classmethod
    def save_params(cls, path: str | Path, params: Mapping[str, np.ndarray], config: Any) -> None:
        """Write ``params`` and ``config`` as an ``.npz`` that :meth:`load` reads (atomically)."""
        path = Path(path)
        meta = {"kind": cls.KIND, "config": asdict(config), **cls.meta()}
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as f:
            np.savez(f, __meta__=np.array(json.dumps(meta)), **params)
        tmp.replace(path)

    @classmethod
    def random(cls, config: Any, seed: int = 0, scale: float = 0.3) -> Self:
        """Untrained weights (for tests)."""
        rng = np.random.default_rng(seed)
        params = {
            k: rng.uniform(-scale, scale, shape).astype(np.float32)
            for k, shape in cls.shapes(config).items()
        }
        return cls(params, config)

    def n_params(self) -> int:
        return sum(v.size for v in self.p.values())

    def _bigru(self, name: str, ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Outputs (N, L, 2He), zero past each sequence's end, its mask, and final states
        (N, 2He) of the bidirectional GRU ``name`` over padded character ids."""
        n, he = len(ids), self.config.enc_hidden
        length = max(len(r) for r in ids)
        padded = np.zeros((n, length), dtype=np.int64)
        for i, r in enumerate(ids):
            padded[i, : len(r)] = r
        lens = np.array([len(r) for r in ids])
        mask = np.arange(length)[None, :] < lens[:, None]
        x = self.p["char_emb.weight"][padded]
        out = np.zeros((n, length, 2 * he), dtype=np.float32)
        finals = []
        for d, part in enumerate((f"{name}.fwd", f"{name}.bwd")):
            gi = lin(x, self.p[f"{part}.weight_ih_l0"]) + self.p[f"{part}.bias_ih_l0"]
            w_hh, b_hh = self.p[f"{part}.weight_hh_l0"], self.p[f"{part}.bias_hh_l0"]
            h = np.zeros((n, he), dtype=np.float32)
            for t in range(length) if d == 0 else reversed(range(length)):
                m = mask[:, t, None]
                h = np.where(m, gru(gi[:, t], h, w_hh, b_hh), h)
                out[:, t, d * he : (d + 1) * he] = np.where(m, h, 0.0)
            finals.append(h)
        return out, mask, np.concatenate(finals, axis=-1)

"""The token grammar of programs as a pushdown automaton, for constrained decoding.

A decoding state is a tuple of the items still expected, the next one last. ``allowed`` gives
the vocabulary ids that may come next, ``advance`` the state after one of them. The language is
the one :func:`likewise.lang.vocab.from_tokens` reads, with narrowings that decoding for a task
wants: only the task's input columns, a Concat has at least one part, a constant and a literal
pattern at least one character, and a ``<bigint>`` at most ``MAX_DIGITS`` digits (so no
runaway scale or width reaches the interpreter).

``TOP_PARTS`` is the state inside a top-level ``Concat`` right after a part has been completed:
the moment a partial program can be checked against the examples.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from likewise.lang.ast import NODE_TYPES, sig_fields
from likewise.lang.vocab import EOS, VOCAB

State = tuple[str, ...]

MAX_DIGITS = 5
START: State = ("S",)  # a program is a string expression
TOP_PARTS: State = ("parts+",)
_ID = {t: i for i, t in enumerate(VOCAB)}
CLOSE = _ID[")"]
_UCHAR, _BIGINT, _INPUT, _LIT = _ID["<u>"], _ID["<bigint>"], _ID["<input>"], _ID["<lit>"]
_CHARS = frozenset(_ID[f"'{chr(c)}'"] for c in range(0x20, 0x7F))
_DIGITS = frozenset(_ID[f"'{d}'"] for d in "0123456789")
_INTS = frozenset(_ID[str(i)] for i in range(-100, 101))
_SIGNS = frozenset((_ID["+"], _ID["-"]))
_HEXES = frozenset(_ID[f"h{h}"] for h in "0123456789abcdef")
_INPUTS = {_ID[f"x{i}"]: i for i in range(1, 9)}
_KINDS = {"S": "S", "I": "I", "B": "B", "P": "P", "src": "S", "S*": "parts"}
# The items an operator token pushes: its arguments, the first one last.
_ARGS: dict[int, State] = {
    _ID[name]: tuple(_KINDS.get(k, k) for _, k in reversed(sig_fields(cls)))
    for name, cls in NODE_TYPES.items()
    if name != "Input" and name in _ID  # (not the operators the network does not write)
}
_ARGS[_ID["Const"]] = ("text1",)  # a non-empty constant
_TYPE_OF = {i: NODE_TYPES[VOCAB[i]].TYPE for i in _ARGS}
_OPS_OF = {k: frozenset(i for i, t in _TYPE_OF.items() if t == k) for k in "SIBP"}
_PREFIXED = {
    k: frozenset(i for i, t in enumerate(VOCAB) if t.startswith(k + ":"))
    for k in ("tok", "case", "bound")
}


def _mask(ids: frozenset[int] | set[int]) -> np.ndarray:
    m = np.zeros(len(VOCAB), dtype=bool)
    m[list(ids)] = True
    m.flags.writeable = False
    return m


def allowed(state: State, n_inputs: int) -> np.ndarray:
    """A boolean mask over the vocabulary of the ids that may follow in ``state``, for a task
    with ``n_inputs`` input columns (read-only, shared)."""
    return _allowed(state[-1] if state else "", n_inputs)


@cache
def _allowed(top: str, n_inputs: int) -> np.ndarray:
    if not top:
        return _mask({EOS})
    if top in ("S", "parts", "parts+"):
        ids = set(_OPS_OF["S"]) | {i for i, k in _INPUTS.items() if k <= n_inputs}
        if n_inputs > len(_INPUTS):
            ids.add(_INPUT)
        if top == "parts+":
            ids.add(CLOSE)
        return _mask(ids)
    if top in "IBP":
        return _mask(_OPS_OF[top])
    if top in ("text", "text1"):  # text1: the first character of a non-empty text
        return _mask(_CHARS | {_UCHAR} | ({CLOSE} if top == "text" else set()))
    if top == "pat":
        return _mask(_PREFIXED["tok"] | {_LIT})
    if top == "int":
        return _mask(_INTS | {_BIGINT})
    if top == "sign":
        return _mask(_SIGNS)
    if top.startswith("digits:"):
        n = int(top[7:])
        return _mask((_DIGITS if n < MAX_DIGITS else set()) | ({CLOSE} if n else set()))
    if top == "hex":
        return _mask(_HEXES)
    return _mask(_PREFIXED[top])  # case, bound


def advance(state: State, tok: int) -> State:
    """The state after ``tok``, which must be allowed in ``state``."""
    top, rest = state[-1], state[:-1]
    if top in ("S", "I", "B", "P", "parts", "parts+"):
        if top == "parts+" and tok == CLOSE:
            return rest
        if top.startswith("parts"):
            rest = (*rest, "parts+")
        if tok in _INPUTS:
            return rest
        if tok == _INPUT:
            return (*rest, "int")
        return rest + _ARGS[tok]
    if top in ("text", "text1"):
        if tok == CLOSE:
            return rest
        return (*rest, "text", *("hex",) * 6) if tok == _UCHAR else (*rest, "text")
    if top == "pat":
        return (*rest, "text1") if tok == _LIT else rest
    if top == "int":
        return (*rest, "digits:0", "sign") if tok == _BIGINT else rest
    if top.startswith("digits:") and tok != CLOSE:
        return (*rest, f"digits:{int(top[7:]) + 1}")
    return rest  # sign, the closing ")" of digits, hex, case, bound, tok

"""Programs as token sequences over a fixed vocabulary, for neural models.

A program is written in prefix (Polish) notation: the operator's name, then its arguments in
``SIG`` order, ``src`` arguments included (never defaulted), so decoding needs no look-ahead.
Only variable-length things carry a closing ``)``:

  Concat                 ``Concat`` part ... ``)``
  text (Const, Replace)  one token per character, then ``)``
  literal pattern        ``<lit>`` one token per character ``)``; token classes are ``tok:Word``
  character              ``'a'`` for printable ASCII, else ``<u>`` and six hex digits ``h0``..``hf``
  integer                ``-100`` .. ``100``, else ``<bigint>`` ``+``/``-`` decimal digits ``)``
  input column           ``x1`` .. ``x8``, else ``<input>`` and the column number (an integer)
  case, bound            ``case:Lower``, ``bound:End``

``to_tokens``/``from_tokens`` convert between programs and token strings, ``encode``/``decode``
between programs and vocabulary ids (with ``BOS`` ... ``EOS``). The vocabulary is built
deterministically at import, so ids are stable as long as the language is.
"""

from __future__ import annotations

from collections.abc import Sequence

from likewise.errors import ParseError
from likewise.lang.ast import BOUNDS, CASES, NODE_TYPES, TOKEN_CLASSES, Input, Node, sig_fields

__all__ = ["BOS", "EOS", "PAD", "VOCAB", "decode", "encode", "from_tokens", "to_tokens", "writable"]

CLOSE = ")"
_UCHAR, _BIGINT, _INPUT, _LIT, _PLUS, _MINUS = "<u>", "<bigint>", "<input>", "<lit>", "+", "-"
_SMALL = 100  # integers -_SMALL.._SMALL are single tokens
_NAMED_INPUTS = 8  # x1..x8 are single tokens
# Operators the network writes: the language the shipped weights were trained on, whose
# vocabulary they are tied to. ``HasAtLeast`` came later; only the symbolic search uses it.
UNWRITTEN = frozenset({"HasAtLeast"})
_OPERATORS = tuple(name for name in NODE_TYPES if name != "Input" and name not in UNWRITTEN)
_HEX = "0123456789abcdef"


def _char_token(c: str) -> str:
    return f"'{c}'"


VOCAB: tuple[str, ...] = (
    ("<pad>", "<bos>", "<eos>", CLOSE, _UCHAR, _BIGINT, _INPUT, _LIT, _PLUS, _MINUS)
    + _OPERATORS
    + tuple(f"x{i}" for i in range(1, _NAMED_INPUTS + 1))
    + tuple(f"tok:{t}" for t in TOKEN_CLASSES)
    + tuple(f"case:{c}" for c in CASES)
    + tuple(f"bound:{b}" for b in BOUNDS)
    + tuple(str(i) for i in range(-_SMALL, _SMALL + 1))
    + tuple(_char_token(chr(c)) for c in range(0x20, 0x7F))
    + tuple(f"h{h}" for h in _HEX)
)
_ID = {t: i for i, t in enumerate(VOCAB)}
assert len(_ID) == len(VOCAB), "vocabulary tokens must be distinct"
PAD, BOS, EOS = _ID["<pad>"], _ID["<bos>"], _ID["<eos>"]

_CHARS = {_char_token(chr(c)): chr(c) for c in range(0x20, 0x7F)}
_INPUTS = {f"x{i + 1}": i for i in range(_NAMED_INPUTS)}
_DIGITS = frozenset(_char_token(d) for d in "0123456789")


# --- programs to tokens -------------------------------------------------------------------


def to_tokens(node: Node) -> list[str]:
    """The token sequence of a program (without BOS/EOS)."""
    out: list[str] = []
    _emit(node, out)
    return out


def writable(node: Node) -> bool:
    """Whether ``node`` is written in the network's vocabulary (see ``UNWRITTEN``; nor are
    fields between marks, ``("Field", "/")``, a pattern that came later too)."""
    if type(node).__name__ in UNWRITTEN:
        return False
    pats = (getattr(node, f) for f, kind in sig_fields(type(node)) if kind == "pat")
    if any(isinstance(p, tuple) and p[0] not in TOKEN_CLASSES for p in pats):
        return False
    return all(map(writable, node.children()))


def encode(node: Node) -> list[int]:
    """Vocabulary ids of a program, framed as ``BOS ... EOS``."""
    return [BOS, *(_ID[t] for t in to_tokens(node)), EOS]


def _emit(node: Node, out: list[str]) -> None:
    if not isinstance(node, Node):
        raise TypeError(f"expected a program node, got {node!r}")
    if isinstance(node, Input):
        if 0 <= node.index < _NAMED_INPUTS:
            out.append(f"x{node.index + 1}")
        else:
            out.append(_INPUT)
            _emit_int(node.index + 1, out)
        return
    if type(node).__name__ in UNWRITTEN:
        raise ValueError(f"{type(node).__name__} is not in the network's vocabulary")
    out.append(type(node).__name__)
    for fname, kind in sig_fields(type(node)):
        v = getattr(node, fname)
        if kind in ("S", "I", "B", "P", "src"):
            _emit(v, out)
        elif kind == "S*":
            for part in v:
                _emit(part, out)
            out.append(CLOSE)
        elif kind == "pat":
            if isinstance(v, str):
                out.append(_LIT)
                _emit_text(v, out)
            elif isinstance(v, tuple) and len(v) == 1 and v[0] in TOKEN_CLASSES:
                out.append(f"tok:{v[0]}")
            else:
                raise ValueError(f"not a pattern: {v!r}")
        elif kind == "text":
            _emit_text(v, out)
        elif kind == "int":
            _emit_int(v, out)
        elif kind == "case" and v in CASES:
            out.append(f"case:{v}")
        elif kind == "bound" and v in BOUNDS:
            out.append(f"bound:{v}")
        else:
            raise ValueError(f"{type(node).__name__}.{fname} has an invalid value {v!r}")


def _emit_text(s: str, out: list[str]) -> None:
    for c in s:
        if " " <= c <= "~":
            out.append(_char_token(c))
        else:  # any code point fits in six hex digits (<= 0x10FFFF)
            out.append(_UCHAR)
            out.extend(f"h{h}" for h in f"{ord(c):06x}")
    out.append(CLOSE)


def _emit_int(v: int, out: list[str]) -> None:
    if -_SMALL <= v <= _SMALL:
        out.append(str(v))
        return
    out += [_BIGINT, _MINUS if v < 0 else _PLUS]
    out.extend(_char_token(d) for d in _decimal(abs(v)))
    out.append(CLOSE)


_CHUNK = 1000  # str()/int() refuse very long decimals (sys.int_info), so convert in chunks


def _decimal(n: int) -> str:
    chunks = []
    while n >= 10**_CHUNK:
        n, r = divmod(n, 10**_CHUNK)
        chunks.append(str(r).zfill(_CHUNK))
    return str(n) + "".join(reversed(chunks))


def _from_decimal(digits: str) -> int:
    n = 0
    for a in range(0, len(digits), _CHUNK):
        chunk = digits[a : a + _CHUNK]
        n = n * 10 ** len(chunk) + int(chunk)
    return n


# --- tokens to programs -------------------------------------------------------------------


def from_tokens(tokens: Sequence[str]) -> Node:
    """Read a program from its tokens; raises :class:`ParseError` if they do not form one."""
    if isinstance(tokens, str) or not all(isinstance(t, str) for t in tokens):
        raise ParseError("expected a sequence of token strings")
    for at, t in enumerate(tokens):
        if t not in _ID:
            raise ParseError(f"unknown token {t!r} at {at}")
    r = _Reader(list(tokens))
    try:
        node = r.expr(None)
    except RecursionError:
        raise ParseError("the program is nested too deeply") from None
    if r.i != len(r.toks):
        raise ParseError(f"unexpected {r.toks[r.i]!r} at {r.i} after a complete program")
    return node


def decode(ids: Sequence[int]) -> Node:
    """Read a program from vocabulary ids. A leading BOS is optional; after EOS (also optional)
    only PAD may follow, and trailing PADs are ignored, so padded model output decodes as is."""
    ids = list(ids)
    for at, i in enumerate(ids):
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(VOCAB):
            raise ParseError(f"{i!r} at {at} is not a vocabulary id")
    if ids and ids[0] == BOS:
        ids = ids[1:]
    if EOS in ids:
        end = ids.index(EOS)
        if any(i != PAD for i in ids[end + 1 :]):
            raise ParseError("only padding may follow EOS")
        ids = ids[:end]
    while ids and ids[-1] == PAD:
        ids.pop()
    return from_tokens([VOCAB[i] for i in ids])


class _Reader:
    def __init__(self, toks: list[str]) -> None:
        self.toks = toks
        self.i = 0

    def next(self, what: str) -> str:
        if self.i >= len(self.toks):
            raise ParseError(f"the tokens end where {what} was expected")
        self.i += 1
        return self.toks[self.i - 1]

    def fail(self, what: str, got: str) -> ParseError:
        return ParseError(f"expected {what} at {self.i - 1} but found {got!r}")

    def expr(self, want: str | None) -> Node:
        what = f"an expression of type {want}" if want else "an expression"
        t = self.next(what)
        if t in _INPUTS:
            node: Node = Input(_INPUTS[t])
        elif t == _INPUT:
            node = Input(self.integer() - 1)
        elif t in _OPERATORS:
            node = self.operator(NODE_TYPES[t])
        else:
            raise self.fail(what, t)
        if want and want != node.TYPE:
            raise ParseError(f"{t} at {self.i - 1} has type {node.TYPE} where {want} was expected")
        return node

    def operator(self, cls: type[Node]) -> Node:
        args: list[object] = []
        for _, kind in sig_fields(cls):
            if kind in ("S", "I", "B", "P", "src"):
                args.append(self.expr("S" if kind == "src" else kind))
            elif kind == "S*":
                parts = []
                while self.i < len(self.toks) and self.toks[self.i] != CLOSE:
                    parts.append(self.expr("S"))
                self.next(f"{CLOSE!r} closing {cls.__name__}")
                args.append(tuple(parts))
            elif kind == "pat":
                t = self.next("a pattern")
                if t == _LIT:
                    args.append(self.text())
                elif t.startswith("tok:"):
                    args.append((t[4:],))
                else:
                    raise self.fail("a pattern", t)
            elif kind == "text":
                args.append(self.text())
            elif kind == "int":
                args.append(self.integer())
            else:  # case or bound: an enum with a prefix
                t = self.next(f"a {kind}")
                if not t.startswith(kind + ":"):
                    raise self.fail(f"a {kind}", t)
                args.append(t[len(kind) + 1 :])
        return cls(*args)

    def text(self) -> str:
        chars = []
        while True:
            t = self.next(f"a character or {CLOSE!r}")
            if t == CLOSE:
                return "".join(chars)
            if t in _CHARS:
                chars.append(_CHARS[t])
            elif t == _UCHAR:
                code = int("".join(self.hex_digit() for _ in range(6)), 16)
                if code > 0x10FFFF:
                    raise ParseError(f"code point {code:#x} before {self.i} is out of range")
                chars.append(chr(code))
            else:
                raise self.fail(f"a character or {CLOSE!r}", t)

    def hex_digit(self) -> str:
        t = self.next("a hex digit")
        if len(t) != 2 or t[0] != "h" or t[1] not in _HEX:
            raise self.fail("a hex digit", t)
        return t[1]

    def integer(self) -> int:
        t = self.next("an integer")
        if t == _BIGINT:
            sign = self.next("a sign")
            if sign not in (_PLUS, _MINUS):
                raise self.fail("a sign", sign)
            digits = []
            while (t := self.next(f"a digit or {CLOSE!r}")) != CLOSE:
                if t not in _DIGITS:
                    raise self.fail(f"a digit or {CLOSE!r}", t)
                digits.append(_CHARS[t])
            if not digits:
                raise ParseError(f"an integer at {self.i - 1} has no digits")
            n = _from_decimal("".join(digits))
            return -n if sign == _MINUS else n
        try:
            n = int(t)
        except ValueError:
            raise self.fail("an integer", t) from None
        if not -_SMALL <= n <= _SMALL or t != str(n):  # only the integer tokens themselves
            raise self.fail("an integer", t)
        return n

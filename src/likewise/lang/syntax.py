"""The readable text form of programs: ``show`` prints it, ``parse`` reads it back.

``parse(show(p)) == p`` for every program. Input columns are written ``x1, x2, ...``; string
literals are double-quoted with JSON escapes; token classes and enum values are bare names.
An operator's ``src`` argument is left out when it is ``x1``.
"""

from __future__ import annotations

import json
import re

from likewise.errors import ParseError
from likewise.lang import runtime as rt
from likewise.lang.ast import (
    BOUNDS,
    CASES,
    NODE_TYPES,
    TOKEN_CLASSES,
    Input,
    Node,
    defaults,
    sig_fields,
)


def show_text(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def show_pat(p) -> str:
    if isinstance(p, tuple):
        return p[0] if len(p) == 1 else f"{p[0]}({show_text(p[1])})"
    return show_text(p)


def show(node: Node) -> str:
    if isinstance(node, Input):
        return f"x{node.index + 1}"
    name = type(node).__name__
    if name == "Const":
        return show_text(node.text)  # type: ignore[attr-defined]
    if name == "IntConst":
        return str(node.value)  # type: ignore[attr-defined]
    parts = []
    sig = list(sig_fields(type(node)))
    omit = defaults(type(node))
    while sig and sig[-1][0] in omit and getattr(node, sig[-1][0]) == omit[sig[-1][0]]:
        sig.pop()  # trailing arguments at their default are left out
    for fname, kind in sig:
        v = getattr(node, fname)
        if kind == "S*":
            parts.extend(str(p) for p in v)
        elif kind == "pat":
            parts.append(show_pat(v))
        elif kind == "text":
            parts.append(show_text(v))
        elif kind in ("int", "case", "bound"):
            parts.append(str(v))
        else:
            parts.append(str(v))
    return f"{name}({', '.join(parts)})"


_TOKEN = re.compile(
    r'\s*(?:(?P<str>"(?:[^"\\]|\\.)*")|(?P<int>-?\d+)|(?P<name>[A-Za-z_]\w*)|(?P<p>[(),]))', re.S
)


class _Reader:
    def __init__(self, text: str) -> None:
        self.toks: list[tuple[str, str, int]] = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m:
                raise ParseError(
                    f"unexpected character {text[pos:].lstrip()[:1]!r} at offset {pos}"
                )
            kind = m.lastgroup or ""
            self.toks.append((kind, m.group(kind), m.start(kind)))
            pos = m.end()
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.i] if self.i < len(self.toks) else ("eof", "", -1)

    def take(self, kind: str, value: str | None = None) -> str:
        k, v, at = self.peek()
        if k != kind or (value is not None and v != value):
            want = value or kind
            got = "the end" if k == "eof" else repr(v)
            raise ParseError(f"expected {want} but found {got} at offset {at}")
        self.i += 1
        return v

    def text(self) -> str:
        raw = self.take("str")
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            raise ParseError(f"bad string literal {raw}") from None

    def integer(self) -> int:
        return int(self.take("int"))

    def enum(self, allowed: tuple[str, ...]) -> str:
        v = self.take("name")
        if v not in allowed:
            raise ParseError(f"expected one of {', '.join(allowed)} but found {v!r}")
        return v

    def pat(self):
        if self.peek()[0] == "str":
            t = self.text()
            if not t:
                raise ParseError("a literal pattern cannot be empty")
            return t
        if self.peek()[1] == "Field":
            self.take("name")
            self.take("p", "(")
            mark = self.text()
            self.take("p", ")")
            if len(mark) != 1 or rt._is_alnum(mark):
                raise ParseError(
                    f"a field's mark is one character, not a letter or digit: {mark!r}"
                )
            return ("Field", mark)
        return (self.enum(TOKEN_CLASSES),)

    def expr(self) -> Node:
        k, v, at = self.peek()
        if k == "str":
            return NODE_TYPES["Const"](self.text())  # type: ignore[call-arg]
        if k == "int":
            return NODE_TYPES["IntConst"](self.integer())  # type: ignore[call-arg]
        if k == "name" and re.fullmatch(r"x[1-9]\d*", v):
            self.i += 1
            return Input(int(v[1:]) - 1)
        name = self.take("name")
        cls = NODE_TYPES.get(name)
        if cls is None or name in ("Const", "IntConst", "Input"):
            raise ParseError(f"unknown operator {name!r} at offset {at}")
        self.take("p", "(")
        args = []
        optional = defaults(cls)
        for n, (fname, kind) in enumerate(sig_fields(cls)):
            if fname in optional and self.peek()[1] == ")":
                break
            if n:
                self.take("p", ",")
            if kind == "S*":
                parts = [self.expr()]
                while self.peek()[1] == ",":
                    self.take("p", ",")
                    parts.append(self.expr())
                args.append(tuple(parts))
            elif kind == "pat":
                args.append(self.pat())
            elif kind == "text":
                args.append(self.text())
            elif kind == "int":
                args.append(self.integer())
            elif kind == "case":
                args.append(self.enum(CASES))
            elif kind == "bound":
                args.append(self.enum(BOUNDS))
            else:
                args.append(self.expr())
        self.take("p", ")")
        node = cls(*args)
        _check_types(node)
        return node


def _check_types(node: Node) -> None:
    for fname, kind in sig_fields(type(node)):
        v = getattr(node, fname)
        want = {"src": "S", "S": "S", "I": "I", "B": "B", "P": "P"}.get(kind)
        if want and want != v.TYPE:
            raise ParseError(
                f"{type(node).__name__}: argument {fname!r} must be of type {want}, got {show(v)}"
            )
        if kind == "S*" and any(p.TYPE != "S" for p in v):
            raise ParseError(f"{type(node).__name__}: every part must be a string expression")


def parse(text: str) -> Node:
    """Read a program from its text form; raises :class:`ParseError` with the offending place."""
    if not isinstance(text, str):
        raise ParseError(f"program text must be a string, not {type(text).__name__}")
    r = _Reader(text)
    node = r.expr()
    if r.peek()[0] != "eof":
        raise ParseError(f"unexpected {r.peek()[1]!r} after the program at offset {r.peek()[2]}")
    return node

"""Rewrite general slices into RobustFill's named operators when the meaning is identical.

Synthesizers build ``Slice(start, end, src)``; users read ``GetToken(Word, -1)`` more easily.
Every rewrite here is exact on all inputs (the tests check it on random strings).
"""

from __future__ import annotations

from dataclasses import fields, replace

from likewise.lang.ast import (
    Abs,
    Concat,
    GetFrom,
    GetSpan,
    GetToken,
    GetUpto,
    Node,
    Pos,
    Slice,
    SubStr,
)


def canonical(node: Node) -> Node:
    changes = {}
    for f in fields(node):  # type: ignore[arg-type]
        v = getattr(node, f.name)
        if isinstance(v, Node):
            changes[f.name] = canonical(v)
        elif isinstance(v, tuple) and v and isinstance(v[0], Node):
            changes[f.name] = tuple(canonical(p) for p in v)
    if changes:
        node = replace(node, **changes)  # type: ignore[type-var]
    if isinstance(node, Concat) and len(node.parts) == 1:
        return node.parts[0]
    if isinstance(node, Slice):
        return _slice(node)
    return node


def _slice(node: Slice) -> Node:
    a, b, src = node.start, node.end, node.src
    if isinstance(a, Abs) and isinstance(b, Abs):
        if a.k == 0 and b.k == -1:
            return src
        if a.k != -1:
            return SubStr(a.k + 1, b.k, src)
    if isinstance(a, Pos) and isinstance(b, Pos):
        if a.pat == b.pat and a.i == b.i and a.bound == "Start" and b.bound == "End":
            return GetToken(a.pat, a.i, src)
        return GetSpan(a.pat, a.i, a.bound, b.pat, b.i, b.bound, src)
    if a == Abs(0) and isinstance(b, Pos) and b.i == 1 and b.bound == "End":
        return GetUpto(b.pat, src)
    if b == Abs(-1) and isinstance(a, Pos) and a.i == 1 and a.bound == "End":
        return GetFrom(a.pat, src)
    return node

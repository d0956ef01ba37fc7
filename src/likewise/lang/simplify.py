"""Rewrite general slices into RobustFill's named operators when the meaning is identical.

Synthesizers build ``Slice(start, end, src)``; users read ``GetToken(Word, -1)`` more easily.
Every rewrite here is exact on all inputs (the tests check it on random strings).
"""

from __future__ import annotations

from dataclasses import fields, replace

from likewise.lang.ast import (
    Abs,
    Concat,
    Const,
    FormatDate,
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
    if isinstance(node, Concat):
        parts = _merge_dates(node.parts)
        return parts[0] if len(parts) == 1 else Concat(parts)
    if isinstance(node, Slice):
        return _slice(node)
    return node


def _merge_dates(parts: tuple[Node, ...]) -> tuple[Node, ...]:
    """Fields of one date, with constants between them, become one FormatDate."""
    out: list[Node] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if isinstance(p, FormatDate) and _whole(p.out_fmt):
            fmt, j = p.out_fmt, i + 1
            while True:
                k = j
                between = ""
                while k < len(parts) and isinstance(parts[k], Const):
                    between += parts[k].text  # type: ignore[attr-defined]
                    k += 1
                nxt = parts[k] if k < len(parts) else None
                if not (
                    isinstance(nxt, FormatDate)
                    and _whole(nxt.out_fmt)
                    and (nxt.in_fmt, nxt.unit, nxt.shift, nxt.src)
                    == (p.in_fmt, p.unit, p.shift, p.src)
                ):
                    break
                fmt += between.replace("%", "%%") + nxt.out_fmt
                j = k + 1
            out.append(replace(p, out_fmt=fmt))
            i = j
        else:
            out.append(p)
            i += 1
    return tuple(out)


def _whole(fmt: str) -> bool:
    """The format ends on a complete directive or text, not on a lone ``%``."""
    return (len(fmt) - len(fmt.rstrip("%"))) % 2 == 0


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

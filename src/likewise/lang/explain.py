"""Which part of the output came from where: input spans, constants, or computation."""

from __future__ import annotations

from dataclasses import dataclass

from likewise.lang import runtime as rt
from likewise.lang.ast import (
    Concat,
    Const,
    GetAll,
    GetFirst,
    GetFrom,
    GetSpan,
    GetToken,
    GetUpto,
    If,
    Input,
    Node,
    Slice,
    SubStr,
    ToCase,
    eval_pos,
)


@dataclass(frozen=True)
class Span:
    """``output[start:end]`` came from ``source``: ``"input"`` (column ``column``,
    characters ``input_start:input_end``), ``"constant"``, or ``"computed"`` (by ``node``)."""

    start: int
    end: int
    text: str
    source: str
    column: int | None = None
    input_start: int | None = None
    input_end: int | None = None
    node: str = ""


def _bounds(node: Node, s: str) -> list[tuple[int, int]] | None:
    """The spans of ``s`` an extraction takes, or None if ``node`` is no extraction."""
    one: tuple[int | None, int | None] | None = None
    if isinstance(node, Slice):
        one = (eval_pos(node.start, s), eval_pos(node.end, s))
    elif isinstance(node, GetSpan):
        one = (
            rt.tok_pos(s, node.r1, node.i1, node.y1 == "End"),
            rt.tok_pos(s, node.r2, node.i2, node.y2 == "End"),
        )
    elif isinstance(node, SubStr):
        one = (rt.abs_pos(s, node.k1 - 1), rt.abs_pos(s, node.k2))
    elif isinstance(node, GetToken):
        m = rt.nth(rt.matches(s, node.pat), node.i)
        one = m if m else (None, None)
    elif isinstance(node, GetUpto | GetFrom):
        ms = rt.matches(s, node.pat)
        if not ms:
            return []
        one = (0, ms[0][1]) if isinstance(node, GetUpto) else (ms[0][1], len(s))
    elif isinstance(node, GetAll):
        return list(rt.matches(s, node.pat))
    elif isinstance(node, GetFirst):
        ms = rt.matches(s, node.pat)
        return list(ms[: node.i] if node.i > 0 else ms[node.i :])
    else:
        return None
    a, b = one
    return [(a, b)] if a is not None and b is not None and a <= b else []


def _trace(node: Node, env: tuple[str, ...], at: int) -> list[Span]:
    value = node.run(env)
    if not isinstance(value, str):
        return []
    if isinstance(node, Input):
        return [Span(at, at + len(value), value, "input", node.index, 0, len(value))]
    if isinstance(node, Const):
        return [Span(at, at + len(value), value, "constant")] if value else []
    if isinstance(node, Concat):
        out, pos = [], at
        for part in node.parts:
            out.extend(_trace(part, env, pos))
            pos += len(part.run(env) or "")
        return out
    if isinstance(node, If):
        branch = node.then if node.cond.run(env) else node.other
        return _trace(branch, env, at)
    if isinstance(node, ToCase):
        inner = _trace(node.src, env, at)
        if sum(len(s.text) for s in inner) == len(value):  # case changes kept every length
            return [
                Span(s.start, s.end, value[s.start - at : s.end - at], s.source, s.column,
                     s.input_start, s.input_end, s.node or str(node))
                for s in inner
            ]  # fmt: skip
    src = getattr(node, "src", None)
    if isinstance(src, Node):
        s = src.run(env)
        spans = _bounds(node, s) if isinstance(s, str) else None
        if spans is not None:
            inner = _trace(src, env, 0)
            base = inner[0] if len(inner) == 1 and inner[0].source == "input" else None
            out, pos = [], at
            for a, b in spans:
                if b > a:
                    if base is not None:
                        off = base.input_start or 0
                        out.append(
                            Span(pos, pos + b - a, s[a:b], "input", base.column, off + a, off + b)
                        )
                    else:
                        out.append(Span(pos, pos + b - a, s[a:b], "computed", node=str(node)))
                    pos += b - a
            return out
    return [Span(at, at + len(value), value, "computed", node=str(node))] if value else []


def explain(node: Node, env: tuple[str, ...]) -> list[Span]:
    """The output's spans in order, each with its origin; empty when there is no value."""
    return _trace(node, env, 0)

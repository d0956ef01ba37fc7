"""Integer ranges of programs, for backends whose integers are 64-bit."""

from __future__ import annotations

from likewise.errors import NotCompilable
from likewise.lang import ast

# Integer subtrees are compiled only when every value they can take fits in this bound.
INT_BOUND = 2**62


def int_bounds(node: ast.Node, max_len: int) -> tuple[int, int]:
    """The least and greatest value an integer subtree can take, for strings of at most
    ``max_len`` characters; NotCompilable when they may not fit in 64 bits (the interpreter's
    integers are unbounded) or the operator has no native form."""
    if isinstance(node, ast.IntConst):
        lo = hi = node.value
    elif isinstance(node, ast.Len):
        lo, hi = 0, max_len
    elif isinstance(node, ast.IndexOf):
        lo, hi = -1, max_len
    elif isinstance(node, ast.Plus | ast.Minus):
        (a, b), (c, d) = int_bounds(node.a, max_len), int_bounds(node.b, max_len)
        lo, hi = (a + c, b + d) if isinstance(node, ast.Plus) else (a - d, b - c)
    elif isinstance(node, ast.IntIf):
        (a, b), (c, d) = int_bounds(node.then, max_len), int_bounds(node.other, max_len)
        lo, hi = min(a, c), max(b, d)
    else:
        raise NotCompilable(f"no native form of {type(node).__name__}")
    if lo < -INT_BOUND or hi > INT_BOUND:
        raise NotCompilable(f"{node} may not fit in 64 bits")
    return lo, hi

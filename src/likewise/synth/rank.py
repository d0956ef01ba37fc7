"""Ranking: a cost for every program (lower is more plausible), and reranking on unlabeled rows.

The cost prefers what generalizes: few segments, token-based positions over absolute ones,
small match indices, short constants made of punctuation rather than letters, shallow nesting.
"""

from __future__ import annotations

from collections.abc import Sequence

from likewise.lang.ast import Abs, Const, Input, IntConst, Node, Pattern, Pos, Slice, ToCase

TOKEN_COST = {
    "Word": 0.3,
    "Number": 0.3,
    "Alphanum": 0.45,
    "PropCase": 0.5,
    "AllCaps": 0.55,
    "Lower": 0.55,
    "Digit": 0.9,
    "Char": 1.0,
}


WHOLE_TOKEN = 0.35  # a slice from a token's start to its end is a GetToken: cheaper


def pat_cost(p: Pattern) -> float:
    if isinstance(p, tuple):
        return TOKEN_COST[p[0]]
    return 0.35 if len(p) == 1 else 0.5 + 0.05 * len(p)


def const_cost(text: str, hints: Sequence[str] = ()) -> float:
    """Letters and digits in a constant are expensive (they usually come from the input),
    unless they belong to a constant the caller suggested. Past the first two, each costs
    less: a whole word ("normal") is likelier a constant than a couple of copied letters."""
    covered = [False] * len(text)
    for h in hints:
        if len(h) >= 2:
            i = text.find(h)
            while i >= 0:
                covered[i : i + len(h)] = [True] * len(h)
                i = text.find(h, i + 1)
    total, alnum = 0.5, 0
    for c, cov in zip(text, covered, strict=True):
        if not c.isalnum():
            total += 0.1
        elif cov:
            total += 0.3
        else:
            total += 2.2 if alnum < 2 else 0.6
            alnum += 1
    return total


ROUNDING_COST = {
    "half-up": 0.0,
    "half-even": 0.05,
    "down": 0.1,
    "floor": 0.15,
    "ceiling": 0.15,
    "up": 0.2,
}


def date_cost(directive: str, unit: str, wordy: bool = False) -> float:
    """One date field written out: cheaper than copying digits, so dates read as dates.
    Where the examples cannot tell, numbers are zero-padded, except next to words."""
    unpadded = "-" in directive or directive == "%o"
    return 0.8 + (0.3 if unit else 0) + (0.01 if unpadded != wordy else 0)


def number_cost(
    decimals: int, group: str, point: str, rounding: str, width: int, scale: int
) -> float:
    return (
        1.3
        + (0.1 if group else 0)
        + (0.1 if point != "." else 0)
        + (ROUNDING_COST[rounding] if decimals >= 0 else 0)
        + 0.03 * max(decimals, 0)
        + (0.1 if decimals == -2 else 0)
        + (0.2 if width else 0)
        + 0.2 * abs(scale)
    )


def cost(node: Node) -> float:
    if isinstance(node, Input):
        return 0.2
    if isinstance(node, Const):
        return const_cost(node.text)
    if isinstance(node, IntConst):
        return 0.3 + 0.05 * min(abs(node.value), 20)
    if isinstance(node, Abs):
        if node.k in (0, -1):
            return 0.1
        near = min(abs(node.k), abs(node.k + 1))  # characters from the nearer end
        return 0.35 + 0.06 * near + (0.3 if near > 3 else 0)
    if isinstance(node, Pos):
        return pat_cost(node.pat) + 0.15 * (abs(node.i) - 1) + (0.02 if node.i < 0 else 0)
    if isinstance(node, Slice):
        src = 0.0 if isinstance(node.src, Input) else 0.3 + cost(node.src)
        a, b = node.start, node.end
        whole_token = isinstance(a, Pos) and isinstance(b, Pos) and (a.pat, a.i) == (b.pat, b.i)
        return 1 + cost(a) + cost(b) + src - (WHOLE_TOKEN if whole_token else 0)
    if isinstance(node, ToCase):
        return 0.6 + cost(node.src)
    base = 1.0 + sum(cost(c) for c in node.children())
    pat = getattr(node, "pat", None)
    if pat is not None:  # RobustFill operators built directly (e.g. by bottom-up search)
        base += pat_cost(pat) + 0.15 * (abs(getattr(node, "i", 1)) - 1)
    if type(node).__name__ == "Concat":
        return base - 1.0
    return base


def tied(cost: float) -> float:
    """The cost as ranking compares it: costs equal up to float noise are ties."""
    return round(cost, 6)


def rerank(
    candidates: Sequence[tuple[float, Node]], rows: Sequence[tuple[str, ...]]
) -> list[tuple[float, Node]]:
    """Penalize programs that give no value, or an empty one, on unlabeled rows. The sort is
    stable: ties keep the order they come in."""
    if not rows:
        return sorted(candidates, key=lambda c: tied(c[0]))
    out = []
    for c, p in candidates:
        bad = 0
        for r in rows:
            try:
                v = p.run(r)
            except RecursionError:
                v = None
            bad += 1 if v is None else (0.3 if v == "" else 0)
        out.append((c + 3.0 * bad / len(rows), p))
    return sorted(out, key=lambda c: tied(c[0]))

"""Character edit distance between texts: how far a program's output is from an example's."""

from __future__ import annotations


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; above ``limit`` it returns ``limit + 1`` early."""
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if limit is not None and min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1] if limit is None or prev[-1] <= limit else limit + 1


def infix_distance(piece: str, text: str, limit: int | None = None) -> int:
    """The fewest character edits that make ``piece`` into some part of ``text``; above
    ``limit`` it returns ``limit + 1`` early."""
    if piece in text:
        return 0
    prev = [0] * (len(text) + 1)  # (the part may start anywhere in the text)
    for i, cp in enumerate(piece, 1):
        cur = [i]
        for j, ct in enumerate(text, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cp != ct)))
        if limit is not None and min(cur) > limit:  # (no row's least is less than the last's)
            return limit + 1
        prev = cur
    best = min(prev)  # (and end anywhere)
    return best if limit is None or best <= limit else limit + 1

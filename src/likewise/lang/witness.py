"""Inverse semantics ("witness functions"): which arguments make an operator produce a value.

Each function here inverts one forward operator of :mod:`likewise.lang.ast`; the tests check
every witness against the forward semantics. Synthesizers compose these and know no operator
beyond them.
"""

from __future__ import annotations

from collections.abc import Iterable

from likewise.lang import runtime as rt
from likewise.lang.ast import CASES, DELIMITERS, TOKEN_CLASSES, Abs, Node, Pattern, Pos

TOKEN_PATTERNS: tuple[Pattern, ...] = tuple((t,) for t in TOKEN_CLASSES)


def patterns_for(strings: Iterable[str], extra: Iterable[str] = ()) -> list[Pattern]:
    """Patterns worth trying on these strings: all token classes, the delimiters present, and
    the runs of non-alphanumeric characters (like ``", "``) present in every string."""
    strings = list(strings)
    pats: list[Pattern] = list(TOKEN_PATTERNS)
    seen: set[str] = set()
    for d in DELIMITERS:
        if any(d in s for s in strings):
            pats.append(d)
            seen.add(d)
    runs: set[str] | None = None
    for s in strings:
        here = {s[a:b] for a, b in _symbol_runs(s) if b - a > 1}
        runs = here if runs is None else runs & here
    for r in sorted(runs or ()) + [e for e in extra if e]:
        if r not in seen and len(r) <= 12:
            pats.append(r)
            seen.add(r)
    return pats


def _symbol_runs(s: str) -> list[tuple[int, int]]:
    out, i = [], 0
    while i < len(s):
        if not rt._is_alnum(s[i]):
            j = i + 1
            while j < len(s) and not rt._is_alnum(s[j]):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def positions(s: str, pats: Iterable[Pattern], max_index: int = 8) -> dict[int, list[Node]]:
    """Witness of ``Abs``/``Pos``: for each boundary k of s, the position expressions that
    evaluate to k on s. Match indices are limited to ``max_index`` from either end."""
    out: dict[int, list[Node]] = {k: [Abs(k), Abs(k - len(s) - 1)] for k in range(len(s) + 1)}
    for p in pats:
        ms = rt.matches(s, p)
        m = len(ms)
        for j, (a, b) in enumerate(ms):
            for i in (j + 1, j - m):
                if abs(i) <= max_index:
                    out[a].append(Pos(p, i, "Start"))
                    out[b].append(Pos(p, i, "End"))
    return out


def case_witnesses(target: str, source: str) -> list[str | None]:
    """Witness of ``ToCase``: the cases (None for unchanged) that turn ``source`` into ``target``."""
    out: list[str | None] = [None] if source == target else []
    for c in CASES:
        if rt.to_case(source, c) == target and source != target:
            out.append(c)
    return out


def concat_splits(target: str) -> Iterable[tuple[str, str]]:
    """Witness of ``Concat``: every way to split the target into a non-empty head and a tail."""
    for j in range(1, len(target) + 1):
        yield target[:j], target[j:]

"""The noise model: programs that fit all examples but one or two, and how far off those are.

A user's example may hold a typo. For each way of setting aside one example (or two, with four
or more examples), the synthesizers learn from the rest; a program then pays for each character
edit between its output and the set-aside example's given output. It wins over the programs
that fit everything only when it is simpler by more than the edits cost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

from likewise.lang.ast import Node
from likewise.synth.deadline import Timeout

Examples = Sequence[tuple[tuple[str, ...], str]]
Learner = Callable[[Examples], list[tuple[float, Node]]]
# (example index, given output, output the program gives: None where it gives no value, as
# when the example's input is mistyped)
Suspect = tuple[int, str, str | None]

EDIT_COST = 3.0  # cost units per character edit; a typo-free program must be this much worse


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


def max_edits(output: str) -> int:
    """How many edits still read as a typo of ``output`` rather than another value: one per
    three characters, at most three (so outputs under three characters have no typos)."""
    return min(3, len(output) // 3)


def candidates(
    examples: Examples,
    learn: Learner,
    max_out: int = 1,
    deadline: Callable[[], None] = lambda: None,
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """Programs learned with ``1..max_out`` examples set aside, each with its noise cost.
    Past the deadline it returns what it has."""
    out: list[tuple[float, Node, tuple[Suspect, ...]]] = []
    n = len(examples)
    for size in range(1, max_out + 1):
        if n - size < 1:
            break
        for left in combinations(range(n), size):
            try:
                deadline()
            except Timeout:
                return out
            kept = [ex for i, ex in enumerate(examples) if i not in left]
            for c, prog in learn(kept):
                suspects: list[Suspect] = []
                total = c
                for i in left:
                    inputs, given = examples[i]
                    got = prog.run(inputs)
                    limit = max_edits(given)
                    if got is None:
                        # No value on it: the input itself looks mistyped. Charge the most a
                        # typo may cost, and expect nothing in particular.
                        d, got = max(limit, 1), None
                    elif not isinstance(got, str):
                        break
                    else:
                        # A deleted character can make the given output short: the longer
                        # of the two says how many edits a typo may take.
                        limit = max_edits(max(got, given, key=len))
                        d = edit_distance(got, given, limit)
                        if d == 0 or d > limit:
                            break
                    suspects.append((i, given, got))
                    total += EDIT_COST * d
                else:
                    # Typos are random: the same "typo" twice is a pattern the program misses.
                    if len({g for _, g, _ in suspects}) == len(suspects):
                        out.append((total, prog, tuple(suspects)))
    return out

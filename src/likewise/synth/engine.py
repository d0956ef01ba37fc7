"""Runs the synthesizers to a deadline and pools their candidates.

Order: the version space (fast, covers most real tasks), conditionals over it, then bottom-up
enumeration for nested and arithmetic programs. A short bottom-up pass also runs when the version
space succeeds, because a small nested program (``Replace("-", "")``) can beat a long concatenation
or a conditional.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from likewise.lang.ast import Node
from likewise.lang.simplify import canonical
from likewise.synth import bottom_up, conditionals, version_space
from likewise.synth.deadline import Deadline, Timeout
from likewise.synth.rank import rerank

Examples = Sequence[tuple[tuple[str, ...], str]]
# A single program costing more than this is probably contrived: try conditionals as well.
CONTRIVED = 8.0


@dataclass(frozen=True)
class Candidate:
    cost: float
    program: Node
    engine: str


@dataclass(frozen=True)
class Failure:
    """Why no program was found: a message a user can act on, and the examples involved."""

    message: str
    examples: tuple[int, ...]


def synthesize(
    examples: Examples,
    rows: Sequence[tuple[str, ...]] = (),
    constants: Sequence[str] = (),
    timeout: float = 2.0,
    k: int = 5,
) -> list[Candidate] | Failure:
    # Keep a little of the budget to explain a failure, so the whole call ends in time.
    deadline = Deadline(timeout * 0.9)
    found: list[tuple[float, Node, str]] = []

    def run(engine: str, fraction: float, fn) -> None:
        with contextlib.suppress(Timeout):
            found.extend((c, p, engine) for c, p in fn(deadline.sub(fraction)))

    run("version-space", 0.6, lambda d: version_space.synthesize(examples, constants, d, k))
    run("bottom-up", 0.1, lambda d: bottom_up.synthesize(examples, constants, d, max_size=4))
    if not found or min(c for c, _, _ in found) > CONTRIVED:
        run(
            "conditional",
            0.7,
            lambda d: conditionals.synthesize(
                examples, lambda ex: version_space.synthesize(ex, constants, d, 1), d
            ),
        )
    if not found:
        run("bottom-up", 1.0, lambda d: bottom_up.synthesize(examples, constants, d))
    if not found:
        spare = Deadline(max(0.0, deadline.left()) + timeout * 0.08)
        return _diagnose(examples, constants, spare, deadline.left() <= 0)
    engines = {}
    pool = []
    for c, p, engine in found:
        p = canonical(p)
        if p not in engines:
            engines[p] = engine
            pool.append((c, p))
    return [Candidate(c, p, engines[p]) for c, p in rerank(pool, rows)[:k]]


def _diagnose(
    examples: Examples, constants: Sequence[str], deadline: Deadline, timed_out: bool
) -> Failure:
    alone = []
    try:
        for i, ex in enumerate(examples):
            if not version_space.synthesize([ex], constants, deadline, 1):
                alone.append(i)
    except Timeout:
        pass
    if alone:
        which = ", ".join(str(i + 1) for i in alone)
        return Failure(
            f"example {which}: the output cannot be built from the input's text, case changes "
            "and constants",
            tuple(alone),
        )
    clash = _first_clash(examples, constants, deadline)
    if clash:
        a, b = clash
        return Failure(
            f"examples {a + 1} and {b + 1} need different programs, and no simple test on the "
            "inputs tells them apart" + (" in the time given" if timed_out else ""),
            clash,
        )
    return Failure(
        "no program reproduces all the examples" + (" in the time given" if timed_out else ""),
        tuple(range(len(examples))),
    )


def _first_clash(
    examples: Examples, constants: Sequence[str], deadline: Deadline
) -> tuple[int, int] | None:
    try:
        for b in range(1, len(examples)):
            for a in range(b):
                if not version_space.synthesize([examples[a], examples[b]], constants, deadline, 1):
                    return (a, b)
    except Timeout:
        pass
    return None

"""The neural models' parts in ``learn()``: the synthesis model's programs (beam search) and
likelihood (a ranking feature), and the induction model's outputs (a cross-check of a program's
outputs, read by ``Program.confidence``).

The network (:mod:`likewise.learning.model`) reads the examples and gives
``log p(program | examples)``. Consistent candidates, whichever engine found them, are ranked
by their hand-written cost (:mod:`likewise.synth.rank`); where costs tie, as they do for the
many programs that read the same text off the examples in different ways, the likelier
program given the examples comes first: a prior learned from random programs (RobustFill's
lesson, and PROSE's learned ranking). Adding the log-likelihood to every cost instead lost 5
or 6 realistic tasks at 0.02 to 0.1 cost units per nat: a prior learned from random programs
finds spelled-out date formats and rare operators unlikely. Within ties it costs one
realistic task (a date format; see docs/benchmarks.md).

The weights ship in the package (``likewise/learning/weights/*.npz``); inference is numpy,
with BLAS held to one thread (its threads only slow these small products down). Without the
weights, ``model()`` and ``induction()`` return None after a one-line warning: ``learn()``
stays symbolic and confidence is the programs' agreement alone.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from likewise.lang.ast import Node
from likewise.lang.vocab import writable
from likewise.synth.deadline import Deadline
from likewise.synth.edits import edit_distance
from likewise.synth.noise import max_edits
from likewise.synth.rank import constant_chars, cost, tied

if TYPE_CHECKING:
    from likewise.learning.induction import InductionModel
    from likewise.learning.model import NeuralModel

WEIGHTS = Path(__file__).resolve().parents[1] / "learning" / "weights" / "synthesis.npz"
INDUCTION_WEIGHTS = WEIGHTS.with_name("induction.npz")
RESCORE = 10  # at most this many programs tied for the lowest cost are scored
MIN_BEAM_SECONDS = 0.05
INDUCTION_WEIGHT = 0.2  # how much a trusted induction model's disagreement lowers confidence

Examples = Sequence[tuple[tuple[str, ...], str]]


@functools.cache
def model() -> NeuralModel | None:
    """The shipped synthesis model, or None (with a warning) where it cannot be loaded."""
    from likewise.learning.model import NeuralModel

    return _load(NeuralModel.load, WEIGHTS, "neural model", "learning symbolically")


@functools.cache
def induction() -> InductionModel | None:
    """The shipped induction model, or None (with a warning) where it cannot be loaded."""
    from likewise.learning.induction import InductionModel

    return _load(InductionModel.load, INDUCTION_WEIGHTS, "induction model", "no cross-check")


def _load(load, path: Path, what: str, instead: str):
    try:
        return load(path)
    except (OSError, ValueError, KeyError) as e:
        warnings.warn(f"likewise: the {what} is unavailable ({e}); {instead}", RuntimeWarning, 4)
        return None


@functools.cache
def _blas():
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def search(
    net: NeuralModel,
    examples: Examples,
    deadline: Deadline,
    beam: int,
    first: int | None = None,
    n_results: int = 3,
    spare: int = 0,
) -> list[tuple[float, Node]]:
    """Programs the model spells that reproduce every example (all but ``spare`` of them),
    with their hand-written costs. With ``first``, the beam widens: ``first`` entries (cheap,
    and enough when the model is sure), then ``beam`` with the time left if that found
    nothing."""
    from likewise.learning.beam import beam_search

    found: list = []
    enc = None
    for width in dict.fromkeys((min(first or beam, beam), beam)):
        if any(fits(p, examples) for p, _ in found) or deadline.left() < MIN_BEAM_SECONDS:
            break
        with _blas().limit(limits=1, user_api="blas"):
            enc = enc or net.encode(examples)
            found = beam_search(
                net,
                enc,
                beam=width,
                n_results=n_results,
                timeout=deadline.left(),
                spare=spare,
                typo=_reads_as_typo,
            )
    return [(cost(p), p) for p, _ in found]


def _reads_as_typo(got: object, given: str) -> bool:
    """Whether ``given`` may be a typo of ``got``, a program's output (see noise.max_edits)."""
    if not isinstance(got, str):
        return False
    limit = max_edits(max(got, given, key=len))
    return edit_distance(got, given, limit) <= limit


def fits(program: Node, examples: Examples) -> bool:
    """Whether ``program`` reproduces every example."""
    return all(program.run(inputs) == output for inputs, output in examples)


def induce(
    examples: Examples, rows: Sequence[tuple[str, ...]], chunk: int = 256
) -> list[str] | None:
    """The induction model's output for each row given the examples, or None without it."""
    net = induction()
    if net is None:
        return None
    out: list[str] = []
    with _blas().limit(limits=1, user_api="blas"):
        for i in range(0, len(rows), chunk):
            out.extend(net.predict(examples, rows[i : i + chunk]))
    return out


def induction_reliability(examples: Examples) -> float:
    """How often the induction model generates each example's output from the others (0
    with fewer than 2 examples or without the model)."""
    if len(examples) < 2 or induction() is None:
        return 0.0
    hits = 0
    for i, (row, out) in enumerate(examples):
        rest = [*examples[:i], *examples[i + 1 :]]
        hits += (induce(rest, [row]) or [None])[0] == out
    return hits / len(examples)


def break_ties(
    net: NeuralModel, examples: Examples, ranked: Sequence[tuple[float, Node]]
) -> list[tuple[float, Node]]:
    """``ranked`` (by cost, then by fewer constant letters and digits) with the programs that
    tie for the first on both (up to ``RESCORE`` of them: ways of reading the same text off
    the examples) in order of their likelihood given the examples, the likeliest first. A
    program that copies from the input stays ahead of one that writes the same text as a
    constant, however likely the network finds constants."""
    ranked = list(ranked)
    if not ranked:
        return ranked

    def key(c: float, p: Node) -> tuple[float, int]:
        return tied(c), constant_chars(p)

    best = key(*ranked[0])
    n = next((i for i, (c, p) in enumerate(ranked) if key(c, p) != best), len(ranked))
    n = min(n, RESCORE)
    if n < 2 or not all(writable(p) for _, p in ranked[:n]):
        return ranked
    with _blas().limit(limits=1, user_api="blas"):
        logp = net.score_many(examples, [p for _, p in ranked[:n]])
    order = sorted(range(n), key=lambda i: -logp[i])
    return [ranked[i] for i in order] + ranked[n:]


class CrossCheck:
    """The induction model's opinion of a program's outputs, for ``Program.confidence``: per
    row, 1 where the model writes the same output from the examples (or the row is an
    example's), else lower by ``INDUCTION_WEIGHT`` times how often the model reproduces each
    example from the others (so a model that cannot do this task changes nothing). Alone, a
    disagreement does not flag a row whose plausible programs all agree
    (``UNCERTAIN_BELOW`` is 0.75); it tips rows where they already partly disagree."""

    def __init__(self, examples: Examples) -> None:
        self.examples = list(examples)
        self.known = dict(self.examples)
        self.trust: float | None = None  # computed on first use

    def __call__(
        self, rows: Sequence[tuple[str, ...]], values: Sequence[str | None]
    ) -> list[float]:
        if self.trust is None:
            self.trust = induction_reliability(self.examples)
        todo = [i for i, r in enumerate(rows) if r not in self.known]
        induced = induce(self.examples, [rows[i] for i in todo]) if self.trust and todo else None
        out = [1.0] * len(rows)
        for i, guess in zip(todo, induced or (), strict=False):
            if guess != values[i]:
                out[i] = 1.0 - INDUCTION_WEIGHT * self.trust
        return out

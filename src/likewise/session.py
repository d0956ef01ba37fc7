"""Resolving ambiguity: which rows are worth labeling next, and a stateful session for it.

This is PROSE's "significant inputs": rows where the plausible programs disagree most.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from likewise.api import learn
from likewise.program import Cell, Program, Row, as_row

SUGGEST_ALTERNATIVES = 12  # more competing programs find more rows worth asking about


@dataclass(frozen=True)
class Suggestion:
    """A row worth labeling: the competing outputs, most plausible first, with their weights,
    and how much of the plausible programs' disagreement over all the rows its answer is
    expected to settle (in rows: 1.0 settles one row outright)."""

    index: int  # position in the rows given
    row: tuple[str, ...]
    outputs: tuple[tuple[str | None, float], ...]
    settles: float = 0.0

    @property
    def disagreement(self) -> float:
        return 1.0 - self.outputs[0][1] if self.outputs else 0.0


MAX_LOOKAHEAD = 64  # ways the programs split on a row, each weighed for what its answer settles


def rank_rows(program: Program, rows: Sequence[tuple[str, ...]], k: int) -> list[Suggestion]:
    """The ``k`` rows (at most) whose answer is expected to settle most of what the plausible
    programs disagree on over all ``rows``; ties go to the row they disagree on most. Asking
    about a row keeps the programs that give its answer: a row whose answer only settles
    itself is worth less than one that tells a constant from a copied text everywhere."""
    weights = program._weights()
    total = sum(w for w, _ in weights)
    share = np.array([w / total for w, _ in weights])
    outs = [[p._run(row) for _, p in weights] for row in rows]  # per row, per program
    split = [n for n, o in enumerate(outs) if len(set(o)) > 1]
    if not split:
        return []
    # same[m, i, j]: programs i and j agree on the m-th row they disagree on.
    code = [{o: c for c, o in enumerate(outs[n])} for n in split]
    codes = np.array([[code[m][o] for o in outs[n]] for m, n in enumerate(split)])
    same = codes[:, :, None] == codes[:, None, :]

    def unsettled(kept: np.ndarray) -> float:
        """The disagreement left over the rows among the programs ``kept`` (a mask)."""
        w = share * kept
        votes = same @ w  # (rows, programs): the weight agreeing with each program's output
        return float(np.sum(1.0 - votes[:, kept].max(axis=1) / w.sum()))

    before = unsettled(np.ones(len(share), dtype=bool))
    settles: dict[tuple, float] = {}
    found = []
    for n in split:
        votes: dict[str | None, float] = {}
        for o, w in zip(outs[n], share, strict=True):
            votes[o] = votes.get(o, 0.0) + float(w)
        groups = tuple(tuple(i for i, o in enumerate(outs[n]) if o == out) for out in votes)
        if groups not in settles and len(settles) < MAX_LOOKAHEAD:
            left = 0.0
            for g in groups:
                kept = np.zeros(len(share), dtype=bool)
                kept[list(g)] = True
                left += share[kept].sum() * unsettled(kept)
            settles[groups] = before - left
        outputs = tuple(sorted(votes.items(), key=lambda kv: -kv[1]))
        found.append(Suggestion(n, rows[n], outputs, round(settles.get(groups, 0.0), 9)))
    found.sort(key=lambda s: (-s.settles, -s.disagreement, s.index))
    return found[:k]


def shape(row: tuple[str, ...]) -> str:
    """A row's format: digits as 9, letters as a, runs collapsed ("(555) 123-4567" is "(9) 9-9")."""
    out = []
    for text in row:
        for c in text:
            c = "9" if c in "0123456789" else "a" if c.isalpha() else c
            if not out or out[-1] != c or c not in "9a":
                out.append(c)
        out.append("|")
    return "".join(out)


def suggest(
    examples: Iterable[tuple[Row, str]], rows: Iterable[Row], k: int = 3, timeout: float = 2.0
) -> list[Suggestion]:
    """The ``k`` rows (at most) most worth labeling: where the plausible programs disagree,
    the row whose answer is expected to settle most of their disagreement over all the rows
    first (see :func:`rank_rows`), each with the competing outputs. When fewer disagree, rows of a format no example shows follow, the most
    common format first: their one plausible output is the least tested. An empty list means
    every row agrees and looks like an example."""
    examples, rows = list(examples), list(rows)
    program = learn(examples, inputs=rows, timeout=timeout, alternatives=SUGGEST_ALTERNATIVES)
    clean = [as_row(r, program.ncols, f"row {n + 1}") for n, r in enumerate(rows)]
    found = rank_rows(program, clean, k)
    seen = {shape(as_row(i, program.ncols)) for i, _ in examples}
    asked = {s.index for s in found}
    counts: dict[str, int] = {}
    for row in clean:
        counts[shape(row)] = counts.get(shape(row), 0) + 1
    new = [n for n, r in enumerate(clean) if shape(r) not in seen and n not in asked]
    new.sort(key=lambda n: (-counts[shape(clean[n])], n))
    for n in new[: max(0, k - len(found))]:
        found.append(Suggestion(n, clean[n], ((program._run(clean[n]), 1.0),)))
    return found


class Session:
    """Interactive learning: add examples and rows, relearn, ask which row to label next.

    >>> s = Session(rows=["Alan Turing", "Grace Hopper"])
    >>> s.add_example("John Smith", "Smith, J.")
    >>> s.program("Grace Hopper")
    'Hopper, G.'
    """

    def __init__(
        self,
        examples: Iterable[tuple[Row, str]] = (),
        rows: Iterable[Row] = (),
        timeout: float = 2.0,
    ) -> None:
        self.examples: list[tuple[Row, str]] = list(examples)
        self.rows: list[Row] = list(rows)
        self.timeout = timeout
        self._program: Program | None = None

    def add_example(self, inputs: Row, output: str) -> None:
        self.examples.append((inputs, output))
        self._program = None

    def drop_last_example(self) -> tuple[Row, str]:
        self._program = None
        return self.examples.pop()

    def add_rows(self, rows: Iterable[Row]) -> None:
        self.rows.extend(rows)
        self._program = None

    @property
    def program(self) -> Program:
        """The program learned from the current examples (relearned after any change)."""
        if self._program is None:
            self._program = learn(
                self.examples,
                inputs=self.rows,
                timeout=self.timeout,
                alternatives=SUGGEST_ALTERNATIVES,
            )
        return self._program

    def suggest(self, k: int = 3) -> list[Suggestion]:
        prog = self.program
        return rank_rows(prog, [as_row(r, prog.ncols) for r in self.rows], k)

    def apply(self) -> list[Cell]:
        """Every row's output, with confidence and an uncertainty flag."""
        return self.program.apply(self.rows, on_uncertain="flag")

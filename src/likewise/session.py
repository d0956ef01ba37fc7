"""Resolving ambiguity: which rows are worth labeling next, and a stateful session for it.

This is PROSE's "significant inputs": rows where the plausible programs disagree most.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from likewise.api import learn
from likewise.lang import runtime as rt
from likewise.program import Cell, Program, Row, as_row

SUGGEST_ALTERNATIVES = 12  # more competing programs find more rows worth asking about


@dataclass(frozen=True)
class Suggestion:
    """A row worth labeling: the competing outputs, most plausible first, with their weights,
    and how much of the plausible programs' disagreement over all the rows its answer is
    expected to settle (in rows: 1.0 settles one row outright). A row the programs agree on
    but no example vouches for (see :func:`unlike_examples`) has its one output, weight 1."""

    index: int  # position in the rows given
    row: tuple[str, ...]
    outputs: tuple[tuple[str | None, float], ...]
    settles: float = 0.0

    @property
    def disagreement(self) -> float:
        return 1.0 - self.outputs[0][1] if self.outputs else 0.0


# A number no further past the examples' range than this (on a log10 scale: 358 -> 412) is
# not worth asking about when the programs agree on it: a threshold the examples never reached
# is unlikely to fall in so small a gap.
NEAR_RANGE = 0.1
_LETTERS = re.compile(r"[^\W\d_]+")
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
    examples: Iterable[tuple[Row, str]],
    rows: Iterable[Row],
    k: int = 3,
    timeout: float = 2.0,
    *,
    trusted: Iterable[int] = (),
) -> list[Suggestion]:
    """The ``k`` rows (at most) most worth labeling: where the plausible programs disagree,
    the row whose answer is expected to settle most of their disagreement over all the rows
    first (see :func:`rank_rows`), each with the competing outputs. When fewer disagree, rows
    no example vouches for follow (see :func:`unlike_examples`). An empty list means every
    row agrees and looks like an example. ``trusted`` examples (indices) hold no typo, such as
    the answers to earlier questions (see :func:`likewise.learn`)."""
    examples, rows = list(examples), list(rows)
    program = learn(
        examples,
        inputs=rows,
        timeout=timeout,
        alternatives=SUGGEST_ALTERNATIVES,
        trusted=trusted,
    )
    return _questions(program, examples, rows, k)


def _questions(
    program: Program, examples: Sequence[tuple[Row, str]], rows: Sequence[Row], k: int
) -> list[Suggestion]:
    clean = [as_row(r, program.ncols, f"row {n + 1}") for n, r in enumerate(rows)]
    found = rank_rows(program, clean, k)
    asked = {s.index for s in found}
    unlike = [n for n in unlike_examples(program, examples, clean) if n not in asked]
    for n in unlike[: max(0, k - len(found))]:
        found.append(Suggestion(n, clean[n], ((program._run(clean[n]), 1.0),)))
    return found


def unlike_examples(
    program: Program, examples: Sequence[tuple[Row, str]], rows: Sequence[tuple[str, ...]]
) -> list[int]:
    """The rows no example vouches for, most telling first: rows the program gives no value;
    rows of a format no example shows, or with a word that recurs in the rows and that no
    example shows ("http" where the examples show "https" and no scheme: a kind of row of its
    own), those that share it with the most rows first; numbers beyond the range the examples
    span by more than ``NEAR_RANGE`` (the farthest first: a threshold's label the examples
    never reached may lie there); rows whose output has a format no example's output shows."""
    inputs = [as_row(i, program.ncols) for i, _ in examples]
    seen_in = {shape(r) for r in inputs}
    seen_out = {shape((o,)) for _, o in examples}
    spans = [_span([r[c] for r in inputs]) for c in range(program.ncols)]
    counts = Counter(shape(r) for r in rows)
    seen_words = set().union(*map(_words, inputs))
    recurring = Counter(w for r in rows for w in _words(r) - seen_words)
    ranked = []
    for n, row in enumerate(rows):
        out = program._run(row)
        beyond = max(_beyond(v, span) for v, span in zip(row, spans, strict=True))
        shared = max(
            [counts[shape(row)] if shape(row) not in seen_in else 0]
            + [recurring[w] for w in _words(row) - seen_words if recurring[w] > 1]
        )
        if out is None:
            ranked.append(((0, 0.0), n))
        elif shared:
            ranked.append(((1, -shared), n))
        elif beyond > NEAR_RANGE:
            ranked.append(((2, -beyond), n))
        elif shape((out,)) not in seen_out:
            ranked.append(((3, 0.0), n))
    return [n for _, n in sorted(ranked)]


def _words(row: tuple[str, ...]) -> set[tuple[int, str]]:
    """A row's runs of letters, in small letters, each with its column."""
    return {(c, w.lower()) for c, text in enumerate(row) for w in _LETTERS.findall(text)}


def _magnitude(text: str) -> float | None:
    """A number's place on a signed log scale (so 10 -> 100 is as far as 100 -> 1000)."""
    value = rt._read_number(text)
    number = float(value) if value is not None else math.nan
    if not math.isfinite(number):  # not a number, or too large for a float
        return None
    return math.copysign(math.log10(1 + abs(number)), number)


def _span(values: Sequence[str]) -> tuple[float, float] | None:
    """The range of a column whose every example value is a number, else None."""
    found = [_magnitude(v) for v in values]
    if not found or None in found:
        return None
    return min(found), max(found)  # type: ignore[type-var]


def _beyond(text: str, span: tuple[float, float] | None) -> float:
    """How far the number in ``text`` lies outside ``span`` (0 inside it or if not a number)."""
    m = _magnitude(text) if span else None
    if m is None or span is None:
        return 0.0
    return max(0.0, span[0] - m, m - span[1])


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
        self.trusted: set[int] = set()  # the examples that answer a question: no typo there
        self.rows: list[Row] = list(rows)
        self.timeout = timeout
        self._program: Program | None = None

    def add_example(self, inputs: Row, output: str, trusted: bool = False) -> None:
        """Add an example; a ``trusted`` one (an answer to a question the user was shown) is
        never read as a typo."""
        if trusted:
            self.trusted.add(len(self.examples))
        self.examples.append((inputs, output))
        self._program = None

    def drop_last_example(self) -> tuple[Row, str]:
        self._program = None
        self.trusted.discard(len(self.examples) - 1)
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
                trusted=self.trusted,
            )
        return self._program

    def suggest(self, k: int = 3) -> list[Suggestion]:
        """The rows most worth labeling next (see :func:`likewise.suggest`)."""
        return _questions(self.program, self.examples, self.rows, k)

    def apply(self) -> list[Cell]:
        """Every row's output, with confidence and an uncertainty flag."""
        return self.program.apply(self.rows, on_uncertain="flag")

"""The :class:`Program` value users hold: callable, printable, serializable, exportable."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, overload

from likewise.errors import InvalidInput, ParseError
from likewise.lang.ast import Node
from likewise.lang.describe import describe
from likewise.lang.explain import Span, explain
from likewise.lang.syntax import parse

Row = str | Sequence[str]
FORMAT_VERSION = 1
UNCERTAIN_BELOW = 0.75  # a row whose confidence is lower is flagged by apply(on_uncertain="flag")


@dataclass(frozen=True)
class Cell:
    """One applied output with how sure the program is of it (see :meth:`Program.confidence`)."""

    value: str | None
    confidence: float
    uncertain: bool


def as_row(row: object, ncols: int, what: str = "row") -> tuple[str, ...]:
    """Normalize one input row (a string or a sequence of strings) to a tuple of strings."""
    if isinstance(row, str):
        values: tuple = (row,)
    elif isinstance(row, (tuple, list)):
        values = tuple(row)
    else:
        raise InvalidInput(
            f"{what} must be a string or a tuple of strings, not {type(row).__name__}"
        )
    for v in values:
        if not isinstance(v, str):
            raise InvalidInput(f"{what}: every column must be a string, got {type(v).__name__}")
    if len(values) != ncols:
        raise InvalidInput(f"{what} has {len(values)} column(s); this program reads {ncols}")
    return values


class Program:
    """A learned string program. ``str(p)`` is its readable text; ``p(x)`` runs it."""

    __slots__ = (
        "_alternatives",
        "_check",
        "cost",
        "engine",
        "ncols",
        "node",
        "notes",
        "suspect_examples",
    )

    def __init__(
        self,
        node: Node,
        ncols: int = 1,
        *,
        cost: float = 0.0,
        engine: str = "",
        alternatives: Sequence[Program] = (),
        suspects: Sequence[tuple[int, str, str | None]] = (),
        check: Callable[[Sequence[tuple[str, ...]], Sequence[str | None]], list[float]]
        | None = None,
    ) -> None:
        if node.TYPE != "S":
            raise ParseError(f"a program must produce a string, but {node} produces {node.TYPE}")
        self.node = node
        self.ncols = max(ncols, max(node.inputs_used(), default=-1) + 1)
        self.cost = cost
        self.engine = engine
        self._alternatives = tuple(alternatives)
        # A second opinion on outputs (the induction model's, from learn()): a factor per row
        # that lowers its confidence.
        self._check = check
        # Examples this program does not reproduce because they look mistyped:
        # (index in the examples given, the output given, the output this program gives, or
        # None where the example's input looks mistyped: the program gives no value for it, or
        # gives the given output once one character of the input is corrected).
        self.suspect_examples: list[tuple[int, str, str | None]] = list(suspects)
        # Things the user should know, e.g. that the rows cannot decide day/month order.
        self.notes: list[str] = []

    def with_alternatives(self, alternatives: Sequence[Program]) -> Program:
        prog = Program(
            self.node,
            self.ncols,
            cost=self.cost,
            engine=self.engine,
            alternatives=alternatives,
            suspects=self.suspect_examples,
            check=self._check,
        )
        prog.notes.extend(self.notes)
        return prog

    @classmethod
    def parse(cls, text: str, ncols: int = 1) -> Program:
        return cls(parse(text), ncols)

    def __call__(self, *columns: str) -> str | None:
        """The output for one row, or None where the program has no value on it."""
        return self._run(as_row(columns[0] if len(columns) == 1 else columns, self.ncols))

    def _run(self, row: tuple[str, ...]) -> str | None:
        try:
            v = self.node.run(row)
        except (RecursionError, MemoryError):
            return None
        return v if isinstance(v, str) else None

    @overload
    def apply(
        self, rows: Iterable[Row], on_uncertain: Literal["fill"] = "fill"
    ) -> list[str | None]: ...
    @overload
    def apply(self, rows: Iterable[Row], on_uncertain: Literal["flag"]) -> list[Cell]: ...

    def apply(
        self, rows: Iterable[Row], on_uncertain: str = "fill"
    ) -> list[str | None] | list[Cell]:
        """Outputs for many rows; each row is a string or a tuple of strings.

        ``on_uncertain="flag"`` returns a :class:`Cell` per row instead, marking the rows where
        the plausible programs disagree, or where the induction model expects another output,
        rather than filling them silently.
        """
        if on_uncertain not in ("fill", "flag"):
            raise InvalidInput(f"on_uncertain must be 'fill' or 'flag', not {on_uncertain!r}")
        clean = [as_row(r, self.ncols, f"row {n + 1}") for n, r in enumerate(rows)]
        if on_uncertain == "fill":
            return [self._run(r) for r in clean]
        values = [self._run(r) for r in clean]
        cells = []
        for r, value, check in zip(clean, values, self._cross_check(clean, values), strict=True):
            conf = self._agreement(r, value) * check
            cells.append(Cell(value, conf, value is None or conf < UNCERTAIN_BELOW))
        return cells

    def _weights(self) -> list[tuple[float, Program]]:
        """This program and its alternatives, weighted by plausibility (softmax of -cost)."""
        progs = [self, *self._alternatives]
        return [(math.exp(-(p.cost - self.cost)), p) for p in progs]

    def _agreement(self, row: tuple[str, ...], mine: str | None) -> float:
        if mine is None:
            return 0.0
        weights = self._weights()
        agree = sum(w for w, p in weights if p._run(row) == mine)
        return agree / sum(w for w, _ in weights)

    def _cross_check(
        self, rows: Sequence[tuple[str, ...]], values: Sequence[str | None]
    ) -> list[float]:
        return self._check(rows, values) if self._check and rows else [1.0] * len(rows)

    def _confidence(self, row: tuple[str, ...]) -> float:
        mine = self._run(row)
        return self._agreement(row, mine) * self._cross_check([row], [mine])[0]

    def confidence(self, *columns: str) -> float:
        """How sure this program is of its output on a row (0 to 1): how much the plausible
        programs agree with it, lowered where the induction model expects another output."""
        return self._confidence(as_row(columns[0] if len(columns) == 1 else columns, self.ncols))

    def explain(self, *columns: str) -> list[Span]:
        """Which input span or constant produced each part of the output on a row."""
        row = as_row(columns[0] if len(columns) == 1 else columns, self.ncols)
        return explain(self.node, row)

    def describe(self) -> str:
        """A one-line English description of the program."""
        return describe(self.node)

    def alternatives(self, k: int = 3) -> list[Program]:
        """The next-best programs found, most plausible first (all fit the examples)."""
        return list(self._alternatives[:k])

    def to_polars(self, *columns: object, strict: bool = False) -> Any:
        """A native ``polars.Expr`` computing this program over ``columns`` (expressions or
        column names, one per input column). Operators polars cannot express run through the
        interpreter in ``map_batches``; ``strict=True`` raises ``NotCompilable`` instead."""
        from likewise.backends.polars import to_polars

        self._check_columns(columns)
        return to_polars(self.node, columns, strict=strict)  # type: ignore[arg-type]

    def to_spark(self, *columns: object, strict: bool = False) -> Any:
        """A native ``pyspark.sql.Column`` computing this program over ``columns`` (columns or
        column names, one per input column). Operators Spark cannot express run through the
        interpreter in an Arrow-optimized Python UDF; ``strict=True`` raises ``NotCompilable``
        instead."""
        from likewise.backends.spark import to_spark

        self._check_columns(columns)
        return to_spark(self.node, columns, strict=strict)  # type: ignore[arg-type]

    def _check_columns(self, columns: Sequence[object]) -> None:
        if len(columns) != self.ncols:
            raise InvalidInput(
                f"this program reads {self.ncols} column(s), but {len(columns)} were given"
            )

    def to_python(self, name: str = "transform") -> str:
        """Standalone Python source (standard library only) defining ``name(x1, ...)``."""
        from likewise.backends.python import to_python

        return to_python(self.node, name, self.ncols)

    def __str__(self) -> str:
        return str(self.node)

    def __repr__(self) -> str:
        return f"Program({self.node})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Program) and (self.node, self.ncols) == (other.node, other.ncols)

    def __hash__(self) -> int:
        return hash((self.node, self.ncols))


def dumps(program: Program) -> str:
    """Serialize to a small JSON document (the program's text form and its column count)."""
    return json.dumps(
        {"likewise": FORMAT_VERSION, "program": str(program.node), "columns": program.ncols},
        ensure_ascii=False,
    )


def loads(data: str) -> Program:
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, TypeError) as e:
        raise ParseError(f"not a serialized likewise program: {e}") from None
    if not isinstance(doc, dict) or doc.get("likewise") != FORMAT_VERSION:
        raise ParseError("not a serialized likewise program (missing 'likewise': 1)")
    text, ncols = doc.get("program"), doc.get("columns", 1)
    if not isinstance(text, str) or not isinstance(ncols, int) or ncols < 1:
        raise ParseError("a serialized program needs a 'program' string and a 'columns' count")
    return Program(parse(text), ncols)

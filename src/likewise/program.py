"""The :class:`Program` value users hold: callable, printable, serializable, exportable."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from likewise.errors import InvalidInput, ParseError
from likewise.lang.ast import Node
from likewise.lang.syntax import parse

Row = str | Sequence[str]
FORMAT_VERSION = 1


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

    __slots__ = ("_alternatives", "cost", "engine", "ncols", "node")

    def __init__(
        self,
        node: Node,
        ncols: int = 1,
        *,
        cost: float = 0.0,
        engine: str = "",
        alternatives: Sequence[Program] = (),
    ) -> None:
        if node.TYPE != "S":
            raise ParseError(f"a program must produce a string, but {node} produces {node.TYPE}")
        self.node = node
        self.ncols = max(ncols, max(node.inputs_used(), default=-1) + 1)
        self.cost = cost
        self.engine = engine
        self._alternatives = tuple(alternatives)

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

    def apply(self, rows: Iterable[Row]) -> list[str | None]:
        """Outputs for many rows; each row is a string or a tuple of strings."""
        return [self._run(as_row(r, self.ncols, f"row {n + 1}")) for n, r in enumerate(rows)]

    def alternatives(self, k: int = 3) -> list[Program]:
        """The next-best programs found, most plausible first (all fit the examples)."""
        return list(self._alternatives[:k])

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

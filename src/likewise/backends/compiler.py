"""What the polars and Spark compilers share: one rule per operator, and a fallback to the
interpreter for a subtree that has no native form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from likewise.backends.bounds import int_bounds
from likewise.errors import NotCompilable
from likewise.lang import ast

E = TypeVar("E")  # the engine's expression type


class Compiler(Generic[E]):
    """Compiles a tree into an ``E``. Subclasses set the engine's name, the longest string it
    holds, their ``RULES`` (operator -> function of the compiler and the node) and
    ``fallback``."""

    ENGINE: ClassVar[str]
    MAX_LEN: ClassVar[int]
    RULES: ClassVar[dict[type[ast.Node], Callable[[Any, Any], Any]]]

    def __init__(self, cols: list[E], strict: bool) -> None:
        self.cols = cols
        self.strict = strict

    def expr(self, node: ast.Node) -> E:
        rule = self.RULES.get(type(node))
        try:
            if rule is None:
                raise NotCompilable(f"{self.ENGINE} has no native form of {type(node).__name__}")
            if node.TYPE == "I":
                int_bounds(node, self.MAX_LEN)
            return rule(self, node)
        except NotCompilable:
            # An integer subtree may hold integers too large for 64 bits: its parent falls back.
            if self.strict or node.TYPE == "I":
                raise
            return self.fallback(node)

    def fallback(self, node: ast.Node) -> E:
        """The interpreter over whole batches, for this subtree only."""
        raise NotImplementedError

"""The program language: immutable trees, one class per operator.

Each class names its arguments in ``SIG`` (used by the printer, parser, tokenizer and Python
backend) and gives its forward semantics in ``run``, via :mod:`likewise.lang.runtime`. Inverse
semantics (which arguments could produce a given output) live in :mod:`likewise.lang.witness`.

Argument kinds in ``SIG``:
  S, I, B   a string-, integer- or Boolean-valued sub-expression
  S*        one or more string sub-expressions
  P         a position (``Abs`` or ``Pos``)
  pat       a pattern: a token class such as ``Word`` or a literal string
  int, text a literal integer or string
  case      Proper | AllCaps | Lower
  bound     Start | End
  src       the string the operator reads (default: the first input column, omitted in text)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from functools import cache
from types import MappingProxyType
from typing import Any, ClassVar

from likewise.lang import runtime as rt

TOKEN_CLASSES = ("Number", "Word", "Alphanum", "AllCaps", "PropCase", "Lower", "Digit", "Char")
DELIMITERS = "&,.?!@()[]%{}/:;$#\"' "
CASES = ("Proper", "AllCaps", "Lower")
BOUNDS = ("Start", "End")

# ("Word",) is a token class; ("Field", "/") a run of anything but "/"; a plain string is a
# literal.
Pattern = tuple[str] | tuple[str, str] | str
Value = str | int | bool | None


def tok(name: str) -> tuple[str]:
    assert name in TOKEN_CLASSES, name
    return (name,)


def field(mark: str) -> tuple[str, str]:
    """The pattern of the fields between ``mark``s (one character, not a letter or digit)."""
    assert len(mark) == 1 and not rt._is_alnum(mark), mark
    return ("Field", mark)


class Node:
    """Base of every program node. Subclasses are frozen dataclasses."""

    SIG: ClassVar[tuple[str, ...]] = ()
    TYPE: ClassVar[str] = "S"  # S, I, B or P
    RT: ClassVar[str] = ""  # the runtime function implementing it

    def run(self, env: tuple[str, ...]) -> Value:
        args = [a.run(env) if isinstance(a, Node) else a for a in self.args()]
        return getattr(rt, self.RT)(*args)

    def args(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _field_names(type(self)))

    def children(self) -> tuple[Node, ...]:
        out: list[Node] = []
        for a in self.args():
            if isinstance(a, Node):
                out.append(a)
            elif isinstance(a, tuple) and a and isinstance(a[0], Node):
                out.extend(a)
        return tuple(out)

    def size(self) -> int:
        return 1 + sum(c.size() for c in self.children())

    def inputs_used(self) -> set[int]:
        if isinstance(self, Input):
            return {self.index}
        return set().union(*(c.inputs_used() for c in self.children()))

    def __str__(self) -> str:
        if isinstance(self, Input):  # also needed while this module is still loading
            return f"x{self.index + 1}"
        # Shown once per node: rankings break ties by the text, many times over.
        shown = self.__dict__.get("_shown")
        if shown is None:
            from likewise.lang.syntax import show

            shown = show(self)
            object.__setattr__(self, "_shown", shown)
        return shown

    __repr__ = __str__


# --- leaves -------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Input(Node):
    """Input column ``index`` (0-based; written x1, x2, ...)."""

    index: int
    SIG = ("int",)

    def run(self, env):
        return env[self.index] if 0 <= self.index < len(env) else None


X0 = Input(0)


@dataclass(frozen=True, repr=False)
class Const(Node):
    text: str
    SIG = ("text",)

    def run(self, env):
        return self.text


@dataclass(frozen=True, repr=False)
class IntConst(Node):
    value: int
    SIG = ("int",)
    TYPE = "I"

    def run(self, env):
        return self.value


# --- positions ----------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Abs(Node):
    """Boundary k of the string: k >= 0 from the start, k < 0 from the end (-1 is the end)."""

    k: int
    SIG = ("int",)
    TYPE = "P"


@dataclass(frozen=True, repr=False)
class Pos(Node):
    """The Start or End of the i-th match of a pattern (i < 0 counts from the end)."""

    pat: Pattern
    i: int
    bound: str
    SIG = ("pat", "int", "bound")
    TYPE = "P"


def eval_pos(p: Node, s: str | None) -> int | None:
    if isinstance(p, Abs):
        return rt.abs_pos(s, p.k)
    assert isinstance(p, Pos)
    return rt.tok_pos(s, p.pat, p.i, p.bound == "End")


# --- RobustFill's string operators ---------------------------------------------------------


@dataclass(frozen=True, repr=False)
class Concat(Node):
    parts: tuple[Node, ...]
    SIG = ("S*",)
    RT = "concat"

    def run(self, env):
        out = []
        for p in self.parts:
            v = p.run(env)
            if v is None:
                return None
            out.append(v)
        return "".join(out)


@dataclass(frozen=True, repr=False)
class Slice(Node):
    """The text between two positions (the general form of GetSpan and SubStr)."""

    start: Node
    end: Node
    src: Node = X0
    SIG = ("P", "P", "src")

    def run(self, env):
        s = self.src.run(env)
        return rt.span(s, eval_pos(self.start, s), eval_pos(self.end, s))


@dataclass(frozen=True, repr=False)
class SubStr(Node):
    k1: int
    k2: int
    src: Node = X0
    SIG = ("int", "int", "src")
    RT = "sub_str"

    def args(self):
        return (self.src, self.k1, self.k2)


@dataclass(frozen=True, repr=False)
class GetSpan(Node):
    r1: Pattern
    i1: int
    y1: str
    r2: Pattern
    i2: int
    y2: str
    src: Node = X0
    SIG = ("pat", "int", "bound", "pat", "int", "bound", "src")

    def run(self, env):
        s = self.src.run(env)
        return rt.span(
            s,
            rt.tok_pos(s, self.r1, self.i1, self.y1 == "End"),
            rt.tok_pos(s, self.r2, self.i2, self.y2 == "End"),
        )


@dataclass(frozen=True, repr=False)
class GetToken(Node):
    pat: Pattern
    i: int
    src: Node = X0
    SIG = ("pat", "int", "src")
    RT = "get_token"

    def args(self):
        return (self.src, self.pat, self.i)


@dataclass(frozen=True, repr=False)
class GetUpto(Node):
    pat: Pattern
    src: Node = X0
    SIG = ("pat", "src")
    RT = "get_upto"

    def args(self):
        return (self.src, self.pat)


@dataclass(frozen=True, repr=False)
class GetFrom(Node):
    pat: Pattern
    src: Node = X0
    SIG = ("pat", "src")
    RT = "get_from"

    def args(self):
        return (self.src, self.pat)


@dataclass(frozen=True, repr=False)
class GetFirst(Node):
    pat: Pattern
    i: int
    src: Node = X0
    SIG = ("pat", "int", "src")
    RT = "get_first"

    def args(self):
        return (self.src, self.pat, self.i)


@dataclass(frozen=True, repr=False)
class GetAll(Node):
    pat: Pattern
    src: Node = X0
    SIG = ("pat", "src")
    RT = "get_all"

    def args(self):
        return (self.src, self.pat)


@dataclass(frozen=True, repr=False)
class JoinAll(Node):
    """All matches of a pattern joined by ``sep`` (GetAll with a separator)."""

    pat: Pattern
    sep: str
    src: Node = X0
    SIG = ("pat", "text", "src")
    RT = "join_all"

    def args(self):
        return (self.src, self.pat, self.sep)


@dataclass(frozen=True, repr=False)
class ToCase(Node):
    case: str
    src: Node = X0
    SIG = ("case", "src")
    RT = "to_case"

    def args(self):
        return (self.src, self.case)


@dataclass(frozen=True, repr=False)
class Replace(Node):
    """Replace every occurrence of ``old`` by ``new``."""

    old: str
    new: str
    src: Node = X0
    SIG = ("text", "text", "src")
    RT = "replace_all"

    def args(self):
        return (self.src, self.old, self.new)


@dataclass(frozen=True, repr=False)
class Trim(Node):
    src: Node = X0
    SIG = ("src",)
    RT = "trim"


# --- SMT-LIB string theory (the SyGuS operators) -------------------------------------------


@dataclass(frozen=True, repr=False)
class StrReplace(Node):
    """Replace the first occurrence (SMT-LIB ``str.replace``)."""

    s: Node
    old: Node
    new: Node
    SIG = ("S", "S", "S")
    RT = "str_replace"


@dataclass(frozen=True, repr=False)
class StrAt(Node):
    s: Node
    i: Node
    SIG = ("S", "I")
    RT = "str_at"


@dataclass(frozen=True, repr=False)
class StrSubstr(Node):
    s: Node
    i: Node
    n: Node
    SIG = ("S", "I", "I")
    RT = "str_substr"


@dataclass(frozen=True, repr=False)
class IntToStr(Node):
    n: Node
    SIG = ("I",)
    RT = "int_to_str"


@dataclass(frozen=True, repr=False)
class Len(Node):
    s: Node
    SIG = ("S",)
    TYPE = "I"
    RT = "str_len"


@dataclass(frozen=True, repr=False)
class IndexOf(Node):
    s: Node
    t: Node
    i: Node
    SIG = ("S", "S", "I")
    TYPE = "I"
    RT = "str_indexof"


@dataclass(frozen=True, repr=False)
class StrToInt(Node):
    s: Node
    SIG = ("S",)
    TYPE = "I"
    RT = "str_to_int"


@dataclass(frozen=True, repr=False)
class Plus(Node):
    a: Node
    b: Node
    SIG = ("I", "I")
    TYPE = "I"
    RT = "plus"


@dataclass(frozen=True, repr=False)
class Minus(Node):
    a: Node
    b: Node
    SIG = ("I", "I")
    TYPE = "I"
    RT = "minus"


# --- predicates and conditionals -------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class PrefixOf(Node):
    """``a`` is a prefix of ``b``."""

    a: Node
    b: Node
    SIG = ("S", "S")
    TYPE = "B"
    RT = "prefix_of"


@dataclass(frozen=True, repr=False)
class SuffixOf(Node):
    a: Node
    b: Node
    SIG = ("S", "S")
    TYPE = "B"
    RT = "suffix_of"


@dataclass(frozen=True, repr=False)
class Contains(Node):
    """``a`` contains ``b``."""

    a: Node
    b: Node
    SIG = ("S", "S")
    TYPE = "B"
    RT = "contains"


@dataclass(frozen=True, repr=False)
class Eq(Node):
    a: Node
    b: Node
    SIG = ("S", "S")
    TYPE = "B"
    RT = "equals"


@dataclass(frozen=True, repr=False)
class IntEq(Node):
    a: Node
    b: Node
    SIG = ("I", "I")
    TYPE = "B"
    RT = "equals"


@dataclass(frozen=True, repr=False)
class Has(Node):
    """The text has at least one match of the pattern."""

    pat: Pattern
    src: Node = X0
    SIG = ("pat", "src")
    TYPE = "B"
    RT = "has"

    def args(self):
        return (self.src, self.pat)


@dataclass(frozen=True, repr=False)
class HasAtLeast(Node):
    """The text has at least ``k`` matches of the pattern (FlashFill's ``Match``): a third
    word, a second comma."""

    pat: Pattern
    k: int
    src: Node = X0
    SIG = ("pat", "int", "src")
    TYPE = "B"
    RT = "has_at_least"

    def args(self):
        return (self.src, self.pat, self.k)


@dataclass(frozen=True, repr=False)
class Not(Node):
    b: Node
    SIG = ("B",)
    TYPE = "B"
    RT = "negate"


@dataclass(frozen=True, repr=False)
class If(Node):
    """``then`` where ``cond`` holds, else ``other``. A chain of Ifs is a switch."""

    cond: Node
    then: Node
    other: Node
    SIG = ("B", "S", "S")
    RT = "ite"

    def run(self, env):
        c = self.cond.run(env)
        if c is None:
            return None
        return (self.then if c else self.other).run(env)


@dataclass(frozen=True, repr=False)
class IntIf(Node):
    cond: Node
    then: Node
    other: Node
    SIG = ("B", "I", "I")
    TYPE = "I"
    RT = "ite"

    run = If.run


# --- dates and numbers -------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class FormatDate(Node):
    """Read a date/time written as ``in_fmt``, round it down to ``unit`` (``~hour`` and
    ``~15min`` round to nearest), move it by ``shift`` minutes, and write it as ``out_fmt``.
    Directives: runtime.py."""

    in_fmt: str
    out_fmt: str
    unit: str = ""
    shift: int = 0
    src: Node = X0
    SIG = ("text", "text", "text", "int", "src")
    RT = "format_date"

    def args(self):
        return (self.src, self.in_fmt, self.out_fmt, self.unit, self.shift)


@dataclass(frozen=True, repr=False)
class FormatNumber(Node):
    """Read a written number and write it with ``decimals`` places (-1: as many as it has,
    -2: as few as it needs),
    rounded by ``rounding``, thousands grouped by ``group``, ``point`` as decimal point,
    integer digits zero-padded to ``width``, after multiplying by 10**``scale``."""

    decimals: int
    group: str = ""
    point: str = "."
    rounding: str = "half-even"
    width: int = 0
    scale: int = 0
    src: Node = X0
    SIG = ("int", "text", "text", "text", "int", "int", "src")
    RT = "format_number"

    def args(self):
        return (
            self.src,
            self.decimals,
            self.group,
            self.point,
            self.rounding,
            self.width,
            self.scale,
        )


@dataclass(frozen=True, repr=False)
class Bucket(Node):
    """The range of ``width`` integers the number falls in ("20-29")."""

    width: int
    src: Node = X0
    SIG = ("int", "src")
    RT = "bucket"

    def args(self):
        return (self.src, self.width)


@dataclass(frozen=True, repr=False)
class AtLeast(Node):
    """The text is a number no smaller than ``threshold``."""

    threshold: str
    src: Node = X0
    SIG = ("text", "src")
    TYPE = "B"
    RT = "at_least"

    def args(self):
        return (self.src, self.threshold)


@dataclass(frozen=True, repr=False)
class Above(Node):
    """The text is a number greater than ``threshold``."""

    threshold: str
    src: Node = X0
    SIG = ("text", "src")
    TYPE = "B"
    RT = "above"

    def args(self):
        return (self.src, self.threshold)


NODE_TYPES: dict[str, type[Node]] = {
    c.__name__: c
    for c in (
        Input, Const, IntConst, Abs, Pos, Concat, Slice, SubStr, GetSpan, GetToken, GetUpto,
        GetFrom, GetFirst, GetAll, ToCase, Replace, Trim, StrReplace, StrAt, StrSubstr, IntToStr,
        Len, IndexOf, StrToInt, Plus, Minus, PrefixOf, SuffixOf, Contains, Eq, IntEq, Has,
        HasAtLeast, Not,
        If, IntIf, FormatDate, FormatNumber, Bucket, AtLeast, Above, JoinAll,
    )
}  # fmt: skip


@cache
def _field_names(cls: type[Node]) -> tuple[str, ...]:
    """The names of ``cls``'s fields (``args`` is called on every run of a program)."""
    return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]


@cache
def sig_fields(cls: type[Node]) -> tuple[tuple[str, str], ...]:
    """(field name, argument kind) pairs in the order the text form writes them."""
    return tuple((f.name, k) for f, k in zip(fields(cls), cls.SIG, strict=True))  # type: ignore[arg-type]


@cache
def defaults(cls: type[Node]) -> Mapping[str, object]:
    """The fields that have a default, and its value (trailing defaults are left unwritten)."""
    return MappingProxyType({f.name: f.default for f in fields(cls) if f.default is not MISSING})  # type: ignore[arg-type]

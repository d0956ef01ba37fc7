"""Compile programs to native Spark columns.

``to_spark(node, ["name"])`` returns one ``pyspark.sql.Column`` built from Spark's own string,
array and arithmetic functions, so the program runs in the JVM with no Python per row. It
mirrors :mod:`likewise.backends.polars` operator by operator. An operator with no native form
becomes an Arrow-optimized Python UDF running the interpreter on that subtree only;
``strict=True`` raises :class:`~likewise.errors.NotCompilable` instead. The interpreter
defines the meaning: a null is the interpreter's ``None`` ("no value"), and the differential
tests hold every native form to it.

What Spark does differently, and how the columns here make up for it:

* ``regexp_extract`` gives ``""`` where nothing matches: matches are read with
  ``regexp_extract_all`` and ``get``, which gives null past the end of the array.
* Positions are 1-based and ``substring`` takes 32-bit arguments: every position is checked
  against the text's length (in characters, as Python counts them) before it is used.
* ANSI mode (on by default in Spark 4) raises on overflow and on bad casts: integer subtrees
  whose values could leave 64 bits are not compiled (their parent falls back, as in polars),
  every cast is of a value already checked, and nothing else here can raise, with ANSI mode
  on or off.
* Java's regex engine and ICU know other Unicode versions than Python: character classes
  and case changes come from Python's tables (:mod:`likewise.backends.spark_text`).
* Strings are compared byte for byte (collation ``UTF8_BINARY``) whatever the columns' or
  the session's default collation.
* A value read many times is named once with a transform over a one-element array
  (``spark_text.bind``), which Spark evaluates without code generation; Spark refuses a
  Python UDF inside such a lambda, so around a fallback values are copied instead.

Known limits: the Unicode tables are those of the Python that compiles the program (the
fallback UDFs use the executors' Python); a text longer than 2**31 - 2 characters (beyond
what a Spark row holds in practice) would overflow ``substring``'s 32-bit arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pyspark.sql import Column
from pyspark.sql import functions as F

from likewise.backends import regex
from likewise.backends.compiler import Compiler
from likewise.backends.spark_dates import format_date
from likewise.backends.spark_text import (
    bind,
    dialect,
    is_latin,
    latin,
    latin_dialect,
    latin_run,
    lower_text,
    proper_text,
    upper_text,
)
from likewise.lang import ast

__all__ = ["to_spark"]

TYPES = {"S": "string", "I": "bigint", "B": "boolean"}
# What str.strip() removes: every character for which str.isspace() holds.
WHITESPACE = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
MAX_LEN = 2**31 - 1  # the most characters a Spark string holds


def to_spark(node: ast.Node, columns: Sequence[Column | str], *, strict: bool = False) -> Column:
    """A Spark column computing ``node`` with input column ``k`` read from ``columns[k]`` (a
    column or a column name)."""
    if node.TYPE not in ("S", "B"):
        raise ValueError(f"to_spark compiles string and Boolean programs, not {node}")
    cols = [F.col(c) if isinstance(c, str) else c for c in columns]
    exact = _Compiler(cols, strict).expr(node)
    if not set(_texts(node)) <= set(latin()):
        return exact
    fast = _Compiler(cols, strict, latin=True).expr(node)
    if str(fast) == str(exact):
        return exact
    # Only rows holding a character outside latin() need the exact (slow) classes and case
    # changes: every string the program builds from latin() inputs and constants is latin().
    used = [i for i in sorted(node.inputs_used()) if i < len(cols)]  # the others are null
    if not used:
        return exact
    latin_rows = _all([is_latin(_binary(cols[i].cast("string"))) for i in used])
    return F.when(latin_rows, fast).otherwise(exact)


def _texts(node: ast.Node) -> str:
    """Every character of the program's constants and patterns."""
    out = []
    for a in node.args():
        if isinstance(a, str):
            out.append(a)
        elif isinstance(a, tuple) and not (a and isinstance(a[0], ast.Node)):
            out.extend(x for x in a if isinstance(x, str))
    return "".join(out) + "".join(_texts(ch) for ch in node.children())


def _all(conds: list[Column]) -> Column:
    out = conds[0]
    for cond in conds[1:]:
        out = out & cond
    return out


def _binary(c: Column) -> Column:
    return F.collate(c, "UTF8_BINARY")


def _text(text: str) -> Column:
    return _binary(F.lit(text))


def _int(v: int) -> Column:
    return F.lit(v).cast("bigint")


def _nothing(node: ast.Node) -> Column:
    return F.lit(None).cast(TYPES[node.TYPE])


class _Compiler(Compiler[Column]):
    ENGINE = "Spark"
    MAX_LEN = MAX_LEN  # the module's bound, above

    def __init__(self, cols: list[Column], strict: bool, latin: bool = False) -> None:
        super().__init__(cols, strict)
        self.latin = latin  # compile for rows of spark_text.latin() characters only
        self.d = latin_dialect() if latin else dialect()
        self.udfs = 0  # fallbacks so far: Spark refuses a Python UDF inside a lambda

    def fallback(self, node: ast.Node) -> Column:
        """The interpreter in an Arrow-optimized Python UDF, for this subtree only."""
        used = sorted(node.inputs_used())
        if not used:
            value = node.run(())
            return _nothing(node) if value is None else F.lit(value).cast(TYPES[node.TYPE])
        width = max(used) + 1

        def run(*values: str | None) -> Any:
            env: list[Any] = [None] * width
            for i, v in zip(used, values, strict=True):
                env[i] = v
            return node.run(tuple(env))

        self.udfs += 1
        udf = F.udf(run, TYPES[node.TYPE], useArrow=True)
        return udf(*(self.input(i) for i in used))

    def input(self, index: int) -> Column:
        if index < len(self.cols):
            return _binary(self.cols[index].cast("string"))
        return _nothing(ast.Const(""))

    def src(self, node: Any) -> Column:
        return self.expr(node.src)

    def let(self, child: ast.Node, fn: Callable[[Column], Column]) -> Column:
        """``fn`` of the compiled ``child``, which ``fn`` may read many times: a compound
        child is computed once and named (see ``spark_text.bind``), not copied."""
        value = self.expr(child)
        if isinstance(child, (ast.Input, ast.Const, ast.IntConst)):
            return fn(value)
        return bind(value, fn)

    def let_all(self, children: Sequence[ast.Node], fn: Callable[..., Column]) -> Column:
        """``fn`` of several compiled children, each compound one computed once, unless one
        of them runs the interpreter: a Python UDF cannot be inside a lambda, so then they
        are copied."""
        before = self.udfs
        values = [self.expr(child) for child in children]
        compound = [not isinstance(ch, (ast.Input, ast.Const, ast.IntConst)) for ch in children]
        if self.udfs > before or not any(compound):
            return fn(*values)

        def bind_from(k: int, bound: list[Column]) -> Column:
            if k == len(values):
                return fn(*bound)
            if not compound[k]:
                return bind_from(k + 1, [*bound, values[k]])
            return bind(values[k], lambda v: bind_from(k + 1, [*bound, v]))

        return bind_from(0, [])

    # --- positions ---------------------------------------------------------------------

    def pos(self, p: ast.Node, s: Column) -> Column:
        """A boundary (0-based, in characters) of ``s``, or null."""
        n = F.char_length(s).cast("bigint")
        if isinstance(p, ast.Abs):
            if p.k > MAX_LEN or p.k < -MAX_LEN - 1:
                return F.lit(None).cast("bigint")  # never a boundary
            if p.k >= 0:
                return F.when(n >= p.k, _int(p.k))
            q = n + (p.k + 1)
            return F.when(q >= 0, q)
        assert isinstance(p, ast.Pos)
        return boundary(s, n, p.pat, p.i, p.bound == "End", self.d)

    def span(self, s: Column, p1: Column, p2: Column) -> Column:
        return F.when(p1 <= p2, _substr(s, p1, p2 - p1))


def _substr(s: Column, start: Column, length: Column | None = None) -> Column:
    """``s[start:start + length]`` for a 0-based ``start`` and a ``length`` that are checked
    boundaries of ``s`` (so they fit the 32 bits ``substring`` takes)."""
    if length is None:
        length = F.char_length(s)
    return F.substr(s, (start + 1).cast("int"), length.cast("int"))


def _first(rx: str, s: Column, group: int = 0) -> Column:
    """The text of ``group`` in the first match of ``rx`` in ``s``, or null (no match)."""
    return F.get(F.regexp_extract_all(s, F.lit(rx), F.lit(group)), 0)


def _search(rx: str, s: Column) -> Column:
    """The first match of ``rx``, a regex that never matches empty text, or null: one
    ``regexp_extract``, cheaper than building the array of every match."""
    return F.nullif(F.regexp_extract(s, rx, 0), F.lit(""))


def boundary(s: Column, n: Column, pat: ast.Pattern, i: int, end: bool, d: regex.Dialect) -> Column:
    """The start or end (in characters) of the i-th match of ``pat`` in ``s`` (length ``n``)."""
    if isinstance(pat, str) and len(pat) > 1 and i < 0:
        return _literal_from_end(s, pat, i, end)
    b = regex.boundary(pat, i, end, d)
    length = F.char_length(_first(b.rx, s, b.group)).cast("bigint") - b.trim
    return length if i > 0 else n - length


def _literal_from_end(s: Column, lit: str, i: int, end: bool) -> Column:
    """Counting from the end needs the number of matches: split on the literal (left to
    right, without overlap, as the runtime scans); the text before the match is the pieces
    before it joined by the literal."""
    pieces = F.split(s, F.lit(regex.escape(lit)), -1)
    j = F.size(pieces).cast("bigint") - 1 + i  # the match's 0-based index from the start
    before = F.slice(pieces, F.lit(1), F.greatest(j + 1, _int(0)).cast("int"))
    start = F.char_length(F.array_join(before, lit)).cast("bigint")
    return F.when(j >= 0, start + len(lit) if end else start)


def _matches(s: Column, pat: ast.Pattern, d: regex.Dialect) -> Column:
    return F.regexp_extract_all(s, F.lit(regex.token(pat, d)), F.lit(0))


# --- one rule per operator -------------------------------------------------------------------


def _get_token(c: _Compiler, node: ast.GetToken) -> Column:
    s = c.src(node)
    if node.i == 0:
        return _nothing(node)
    if c.latin and isinstance(node.pat, tuple):
        run = latin_run(s, node.pat[0], node.i)
        if run is not None:
            return run
    if node.i == 1:
        return _search(regex.token(node.pat, c.d), s)
    if abs(node.i) > MAX_LEN:
        return _nothing(node)
    return F.try_element_at(_matches(s, node.pat, c.d), _int(node.i).cast("int"))


def _get_first(c: _Compiler, node: ast.GetFirst) -> Column:
    ms = _matches(c.src(node), node.pat, c.d)
    if node.i == 0 or abs(node.i) > MAX_LEN:
        return _nothing(node)
    k = abs(node.i)
    chosen = F.slice(ms, F.lit(1 if node.i > 0 else -k), F.lit(k))
    return F.when(F.size(ms) >= k, F.array_join(chosen, ""))


def _upto_from(c: _Compiler, node: ast.GetUpto | ast.GetFrom) -> Column:
    s = c.src(node)
    upto = _first(regex.boundary(node.pat, 1, True, c.d).rx, s)
    if isinstance(node, ast.GetUpto):
        return upto
    return F.when(upto.isNotNull(), _substr(s, F.char_length(upto)))


def _has(c: _Compiler, node: ast.Has) -> Column:
    s = c.src(node)
    if node.pat == "":
        return F.when(s.isNotNull(), F.lit(False))
    return s.rlike(regex.token(node.pat, c.d))


def _has_at_least(c: _Compiler, node: ast.HasAtLeast) -> Column:
    s = c.src(node)
    if node.pat == "":
        return F.when(s.isNotNull(), F.lit(False))
    return F.regexp_count(s, F.lit(regex.token(node.pat, c.d))) >= node.k


def _to_case(c: _Compiler, node: ast.ToCase) -> Column:
    if c.latin and node.case in ("Lower", "AllCaps"):  # Spark's own, exact on latin() text
        return (F.lower if node.case == "Lower" else F.upper)(c.src(node))
    if node.case == "Lower":
        return c.let(node.src, lower_text)
    if node.case == "AllCaps":
        return c.let(node.src, upper_text)
    return proper_text(c.src(node))


def _replace(c: _Compiler, node: ast.Replace) -> Column:
    s = c.src(node)
    return F.replace(s, _text(node.old), _text(node.new)) if node.old else s


def _slice(c: _Compiler, node: ast.Slice) -> Column:
    s = c.src(node)
    return c.span(s, c.pos(node.start, s), c.pos(node.end, s))


def _sub_str(c: _Compiler, node: ast.SubStr) -> Column:
    s = c.src(node)
    return c.span(s, c.pos(ast.Abs(node.k1 - 1), s), c.pos(ast.Abs(node.k2), s))


def _get_span(c: _Compiler, node: ast.GetSpan) -> Column:
    s = c.src(node)
    n = F.char_length(s).cast("bigint")
    p1 = boundary(s, n, node.r1, node.i1, node.y1 == "End", c.d)
    p2 = boundary(s, n, node.r2, node.i2, node.y2 == "End", c.d)
    return c.span(s, p1, p2)


def _if(c: _Compiler, node: ast.If | ast.IntIf) -> Column:
    cond = c.expr(node.cond)
    return (
        F.when(cond.isNull(), _nothing(node))
        .when(cond, c.expr(node.then))
        .otherwise(c.expr(node.other))
    )


def _any_null(*args: Column) -> Column:
    out = args[0].isNull()
    for a in args[1:]:
        out = out | a.isNull()
    return out


def _str_at(c: _Compiler, node: ast.StrAt) -> Column:
    s, i = c.expr(node.s), c.expr(node.i)
    ok = (i >= 0) & (i < F.char_length(s))
    return (
        F.when(_any_null(s, i), _nothing(node))
        .when(ok, _substr(s, i, F.lit(1)))
        .otherwise(_text(""))
    )


def _str_substr(c: _Compiler, node: ast.StrSubstr) -> Column:
    s, i, k = c.expr(node.s), c.expr(node.i), c.expr(node.n)
    n = F.char_length(s).cast("bigint")
    ok = (i >= 0) & (i < n) & (k > 0)
    return (
        F.when(_any_null(s, i, k), _nothing(node))
        .when(ok, _substr(s, i, F.least(k, n)))
        .otherwise(_text(""))
    )


def _str_replace(c: _Compiler, node: ast.StrReplace) -> Column:
    def replace(s: Column, old: Column, new: Column) -> Column:
        at = F.position(old, s).cast("bigint") - 1  # 0-based; -1 where old is not in s
        rest = _substr(s, at + F.char_length(old), F.char_length(s))
        return (
            F.when(_any_null(s, old, new), _nothing(node))
            .when(F.char_length(old) == 0, F.concat(new, s))
            .when(at >= 0, F.concat(_substr(s, _int(0), at), new, rest))
            .otherwise(s)
        )

    return c.let_all([node.s, node.old, node.new], replace)


def _index_of(c: _Compiler, node: ast.IndexOf) -> Column:
    def index_of(s: Column, t: Column, i: Column) -> Column:
        n = F.char_length(s).cast("bigint")
        ok = (i >= 0) & (i <= n)
        start = F.when(ok, i + 1).otherwise(1).cast("int")
        found = F.position(t, s, start).cast("bigint") - 1
        return (
            F.when(_any_null(s, t, i), _nothing(node))
            .when(~ok, _int(-1))
            .when(F.char_length(t) == 0, i)  # Spark finds "" at 1 whatever the start
            .otherwise(found)
        )

    return c.let_all([node.s, node.t, node.i], index_of)


def _int_to_str(c: _Compiler, node: ast.IntToStr) -> Column:
    v = c.expr(node.n)
    return F.when(v < 0, _text("")).otherwise(_binary(v.cast("string")))


def _binary_op(op: Callable[[Column, Column], Column]) -> Callable[[_Compiler, Any], Column]:
    return lambda c, node: op(c.expr(node.a), c.expr(node.b))


def _format_date(c: _Compiler, node: ast.FormatDate) -> Column:
    args = (node.in_fmt, node.out_fmt, node.unit, node.shift)
    return _binary(c.let(node.src, lambda s: format_date(s, *args)))


_RULES: dict[type[ast.Node], Callable[[_Compiler, Any], Column]] = {
    ast.Input: lambda c, node: c.input(node.index),
    ast.Const: lambda c, node: _text(node.text),
    ast.IntConst: lambda c, node: _int(node.value),
    ast.Concat: lambda c, node: F.concat(*(c.expr(p) for p in node.parts)),
    ast.Slice: _slice,
    ast.SubStr: _sub_str,
    ast.GetSpan: _get_span,
    ast.GetToken: _get_token,
    ast.GetUpto: _upto_from,
    ast.GetFrom: _upto_from,
    ast.GetFirst: _get_first,
    ast.GetAll: lambda c, node: F.array_join(_matches(c.src(node), node.pat, c.d), ""),
    ast.JoinAll: lambda c, node: F.array_join(_matches(c.src(node), node.pat, c.d), node.sep),
    ast.ToCase: _to_case,
    ast.Replace: _replace,
    ast.Trim: lambda c, node: F.btrim(c.src(node), _text(WHITESPACE)),
    ast.StrReplace: _str_replace,
    ast.StrAt: _str_at,
    ast.StrSubstr: _str_substr,
    ast.IntToStr: _int_to_str,
    ast.Len: lambda c, node: F.char_length(c.expr(node.s)).cast("bigint"),
    ast.IndexOf: _index_of,
    ast.Plus: _binary_op(lambda a, b: a + b),
    ast.Minus: _binary_op(lambda a, b: a - b),
    ast.PrefixOf: _binary_op(lambda a, b: F.startswith(b, a)),
    ast.SuffixOf: _binary_op(lambda a, b: F.endswith(b, a)),
    ast.Contains: _binary_op(lambda a, b: F.contains(a, b)),
    ast.Eq: _binary_op(lambda a, b: a == b),
    ast.IntEq: _binary_op(lambda a, b: a == b),
    ast.Has: _has,
    ast.HasAtLeast: _has_at_least,
    ast.Not: lambda c, node: ~c.expr(node.b),
    ast.If: _if,
    ast.IntIf: _if,
    ast.FormatDate: _format_date,
}
_Compiler.RULES = _RULES

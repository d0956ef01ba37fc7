"""Compile programs to native polars expressions.

``to_polars(node, [pl.col("name")])`` returns one ``pl.Expr`` built from polars' own string,
list and temporal functions, so the program runs in polars' engine, in parallel and streaming,
with no Python per row. An operator with no native form (see ``docs/backends.md``) becomes a
``map_batches`` over the interpreter for that subtree only; ``strict=True`` raises
:class:`~likewise.errors.NotCompilable` instead. The interpreter defines the meaning: a null
is the interpreter's ``None`` ("no value"), and the differential tests hold every native form
to it.

Importing this module registers the expression namespace ``pl.col("name").likewise.apply(p)``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from likewise.backends import regex
from likewise.backends.compiler import Compiler
from likewise.backends.polars_dates import format_date
from likewise.errors import NotCompilable
from likewise.lang import ast

_D = regex.rust  # the dialect, built once from Python's Unicode tables

if TYPE_CHECKING:
    from likewise.program import Program

__all__ = ["to_polars"]

DTYPES = {"S": pl.String, "I": pl.Int64, "B": pl.Boolean}
# What str.strip() removes: every character for which str.isspace() holds.
WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


def to_polars(node: ast.Node, columns: Sequence[pl.Expr | str], *, strict: bool = False) -> pl.Expr:
    """A polars expression computing ``node`` with input column ``k`` read from
    ``columns[k]`` (an expression or a column name)."""
    if node.TYPE not in ("S", "B"):
        raise ValueError(f"to_polars compiles string and Boolean programs, not {node}")
    cols = [pl.col(c) if isinstance(c, str) else c for c in columns]
    out = _Compiler(cols, strict).expr(node)
    if not cols:
        return out
    # One value per row, even for a constant or where a whole batch takes one branch of a
    # when/then (polars then yields a single value): a struct with the first column broadcasts
    # it, at no cost otherwise.
    out = pl.struct(_out=out, _row=cols[0]).struct.field("_out")
    name = cols[0].meta.output_name(raise_if_undetermined=False)
    return out.alias(name) if name else out


class _Compiler(Compiler[pl.Expr]):
    ENGINE = "polars"
    MAX_LEN = 2**32 - 1  # the most characters a polars string holds

    def fallback(self, node: ast.Node) -> pl.Expr:
        """The interpreter over whole batches, for this subtree only."""
        dtype = DTYPES[node.TYPE]
        used = sorted(node.inputs_used())
        if not used:
            return pl.lit(node.run(()), dtype=dtype)
        width = max(used) + 1

        def run(batch: pl.Series) -> pl.Series:
            columns = [batch.struct.field(f"x{i}").to_list() for i in used]
            out = []
            for values in zip(*columns, strict=True):
                env: list[Any] = [None] * width
                for i, v in zip(used, values, strict=True):
                    env[i] = v
                out.append(node.run(tuple(env)))
            return pl.Series(out, dtype=dtype)

        fields = [self.input(i).alias(f"x{i}") for i in used]
        return pl.struct(fields).map_batches(run, return_dtype=dtype, is_elementwise=True)

    def input(self, index: int) -> pl.Expr:
        if index < len(self.cols):
            return self.cols[index].cast(pl.String)
        return pl.lit(None, dtype=pl.String)

    def src(self, node: Any) -> pl.Expr:
        return self.expr(node.src)

    # --- positions ---------------------------------------------------------------------


def position(p: ast.Node, s: pl.Expr) -> pl.Expr:
    """``ast.eval_pos``: boundary ``p`` of ``s`` in characters, or null."""
    n = s.str.len_chars().cast(pl.Int64)
    if isinstance(p, ast.Abs):
        if p.k >= 0:  # a text of one byte or more has one character or more: no counting
            have = s.str.len_bytes().cast(pl.Int64) if p.k <= 1 else n
            return pl.when(have >= p.k).then(pl.lit(p.k))
        q = n + (p.k + 1)
        return pl.when(q >= 0).then(q)
    assert isinstance(p, ast.Pos)
    return boundary(s, n, p.pat, p.i, p.bound == "End")


def span(s: pl.Expr, start: ast.Node, end: ast.Node) -> pl.Expr:
    """The text of ``s`` between two positions, or null where the start is after the end.
    Struct fields name ``s`` and the positions, so each is computed once per row."""
    text, a, b = pl.field("s"), pl.field("a"), pl.field("b")
    return (
        pl.struct(s=s)
        .struct.with_fields(a=position(start, text), b=position(end, text))
        .struct.with_fields(o=pl.when(a <= b).then(text.str.slice(a, (b - a).clip(0))))
        .struct.field("o")
    )


def boundary(s: pl.Expr, n: pl.Expr, pat: ast.Pattern, i: int, end: bool) -> pl.Expr:
    """The start or end (in characters) of the i-th match of ``pat`` in ``s`` (length ``n``)."""
    if isinstance(pat, str) and len(pat) > 1 and i < 0:
        return _literal_from_end(s, pat, i, end)
    b = regex.boundary(pat, i, end, _D())
    length = s.str.extract(b.rx, b.group).str.len_chars().cast(pl.Int64) - b.trim
    return length if i > 0 else n - length


def _literal_from_end(s: pl.Expr, lit: str, i: int, end: bool) -> pl.Expr:
    """Counting from the end needs the number of matches: split on the literal (left to
    right, without overlap, as the runtime scans) and add up the pieces before the match."""
    pieces = s.str.split(lit)
    j = pieces.list.len().cast(pl.Int64) - 1 + i  # the match's 0-based index from the start
    before = pieces.list.head((j + 1).clip(lower_bound=0))
    start = before.list.eval(pl.element().str.len_chars()).list.sum().cast(pl.Int64)
    start = start + j * len(lit)
    return pl.when(j >= 0).then(start + len(lit) if end else start)


def _matches(s: pl.Expr, pat: ast.Pattern) -> pl.Expr:
    return s.str.extract_all(regex.token(pat, _D()))


def _nothing(node: ast.Node) -> pl.Expr:
    return pl.lit(None, dtype=DTYPES[node.TYPE])


# --- one rule per operator -------------------------------------------------------------------


def _get_token(c: _Compiler, node: ast.GetToken) -> pl.Expr:
    s = c.src(node)
    if node.i == 0:
        return _nothing(node)
    token = regex.token(node.pat, _D())
    if node.i == 1:
        return s.str.extract(token, 0)
    from_end = regex.last(node.pat, node.i, _D())
    if from_end is not None:  # a search or two instead of a list of every match
        tail = s.str.extract(from_end, 0)
        after = regex.after_last(node.pat, _D())
        if after is None:  # single characters
            return tail.str.slice(0, 1)
        if node.i == -1:  # the last run, then only other characters: drop those
            return tail.str.replace(after, "")
        return tail.str.extract(rf"\A{token}", 0)
    return _matches(s, node.pat).list.get(node.i - 1 if node.i > 0 else node.i, null_on_oob=True)


def _get_first(c: _Compiler, node: ast.GetFirst) -> pl.Expr:
    ms = _matches(c.src(node), node.pat)
    if node.i == 0:
        return _nothing(node)
    chosen = ms.list.head(node.i) if node.i > 0 else ms.list.tail(-node.i)
    return pl.when(ms.list.len() >= abs(node.i)).then(chosen.list.join(""))


def _upto_from(c: _Compiler, node: ast.GetUpto | ast.GetFrom) -> pl.Expr:
    s = c.src(node)
    upto = s.str.extract(regex.boundary(node.pat, 1, True, _D()).rx, 0)
    if isinstance(node, ast.GetUpto):
        return upto
    return s.str.slice(upto.str.len_chars())


def _has(c: _Compiler, node: ast.Has) -> pl.Expr:
    s = c.src(node)
    if node.pat == "":
        return pl.when(s.is_not_null()).then(pl.lit(False))
    return s.str.contains(regex.token(node.pat, _D()))


def _has_at_least(c: _Compiler, node: ast.HasAtLeast) -> pl.Expr:
    s = c.src(node)
    if node.pat == "":
        return pl.when(s.is_not_null()).then(pl.lit(False))
    return s.str.count_matches(regex.token(node.pat, _D())) >= node.k


def _proper(s: pl.Expr) -> pl.Expr:
    """runtime.proper, one character at a time inside each row's list of characters."""
    e = pl.element()

    def alpha(x: pl.Expr) -> pl.Expr:
        return x.str.contains(rf"\A{_D().letter}\z").fill_null(False)

    prev, prev2 = e.shift(1), e.shift(2)
    inside = alpha(prev) | ((prev == "'").fill_null(False) & alpha(prev2))
    cased = pl.when(inside).then(e.str.to_lowercase()).otherwise(e.str.to_uppercase())
    return s.str.split("").list.eval(cased).list.join("")


def _to_case(c: _Compiler, node: ast.ToCase) -> pl.Expr:
    s = c.src(node)
    if node.case == "Lower":
        return s.str.to_lowercase()
    if node.case == "AllCaps":
        return s.str.to_uppercase()
    return _proper(s)


def _replace(c: _Compiler, node: ast.Replace) -> pl.Expr:
    s = c.src(node)
    return s.str.replace_all(node.old, node.new, literal=True) if node.old else s


def _slice(c: _Compiler, node: ast.Slice | ast.SubStr | ast.GetSpan) -> pl.Expr:
    if isinstance(node, ast.SubStr):
        start, end = ast.Abs(node.k1 - 1), ast.Abs(node.k2)
    elif isinstance(node, ast.GetSpan):
        start, end = ast.Pos(node.r1, node.i1, node.y1), ast.Pos(node.r2, node.i2, node.y2)
    else:
        start, end = node.start, node.end
    if isinstance(start, ast.Abs) and isinstance(end, ast.Abs):
        fixed = _fixed_span(c.src(node), start.k, end.k)
        if fixed is not None:
            return fixed
    return span(c.src(node), start, end)


def _fixed_span(s: pl.Expr, a: int, b: int) -> pl.Expr | None:
    """Between two boundaries counted from the same end: one slice, valid when the text is
    long enough. None for boundaries counted from different ends."""
    n = s.str.len_chars()
    if (a >= 0) != (b >= 0):
        return None
    if a > b:
        return pl.lit(None, dtype=pl.String)
    if a >= 0:
        return pl.when(n >= b).then(s.str.slice(a, b - a))
    back_a, back_b = -a - 1, -b - 1  # characters after each boundary
    text = s.str.slice(-back_a, back_a - back_b) if back_a else pl.lit("")
    return pl.when(n >= back_a).then(text)


def _if(c: _Compiler, node: ast.If | ast.IntIf) -> pl.Expr:
    cond = c.expr(node.cond)
    return (
        pl.when(cond.is_null())
        .then(_nothing(node))
        .when(cond)
        .then(c.expr(node.then))
        .otherwise(c.expr(node.other))
    )


def _null_if_any(*args: pl.Expr) -> pl.Expr:
    out = args[0].is_null()
    for a in args[1:]:
        out = out | a.is_null()
    return out


def _str_at(c: _Compiler, node: ast.StrAt) -> pl.Expr:
    s, i = c.expr(node.s), c.expr(node.i)
    ok = (i >= 0) & (i < s.str.len_chars().cast(pl.Int64))
    return (
        pl.when(_null_if_any(s, i))
        .then(_nothing(node))
        .when(ok)
        .then(s.str.slice(i.clip(lower_bound=0), 1))
        .otherwise(pl.lit(""))
    )


def _str_substr(c: _Compiler, node: ast.StrSubstr) -> pl.Expr:
    s, i, k = c.expr(node.s), c.expr(node.i), c.expr(node.n)
    ok = (i >= 0) & (i < s.str.len_chars().cast(pl.Int64)) & (k > 0)
    return (
        pl.when(_null_if_any(s, i, k))
        .then(_nothing(node))
        .when(ok)
        .then(s.str.slice(i.clip(lower_bound=0), k.clip(lower_bound=0)))
        .otherwise(pl.lit(""))
    )


def _str_replace(c: _Compiler, node: ast.StrReplace) -> pl.Expr:
    if not isinstance(node.old, ast.Const):
        raise NotCompilable("str.replace with a computed pattern")
    if not node.s.inputs_used() and node.new.inputs_used():
        raise NotCompilable("polars replaces in a constant only with a constant")
    s, new = c.expr(node.s), c.expr(node.new)
    if not node.old.text:
        return pl.concat_str([new, s])
    return pl.when(new.is_not_null()).then(s.str.replace(node.old.text, new, literal=True, n=1))


def _index_of(c: _Compiler, node: ast.IndexOf) -> pl.Expr:
    if not isinstance(node.t, ast.Const):
        raise NotCompilable("str.indexof with a computed needle")
    s, i = c.expr(node.s), c.expr(node.i)
    n = s.str.len_chars().cast(pl.Int64)
    rest = s.str.slice(i.clip(lower_bound=0))
    before = rest.str.extract(rf"(?s)\A(.*?){regex.escape(node.t.text)}", 1)
    found = before.str.len_chars().cast(pl.Int64) + i
    return (
        pl.when(_null_if_any(s, i))
        .then(_nothing(node))
        .when((i >= 0) & (i <= n) & found.is_not_null())
        .then(found)
        .otherwise(pl.lit(-1))
    )


def _int_to_str(c: _Compiler, node: ast.IntToStr) -> pl.Expr:
    v = c.expr(node.n)
    return pl.when(v < 0).then(pl.lit("")).otherwise(v.cast(pl.String))


def _binary(op: Callable[[pl.Expr, pl.Expr], pl.Expr]) -> Callable[[_Compiler, Any], pl.Expr]:
    return lambda c, node: op(c.expr(node.a), c.expr(node.b))


def _equals(c: _Compiler, node: ast.Eq | ast.IntEq) -> pl.Expr:
    # polars 2.1 mis-sizes `literal == when(...)` when every row of a batch takes one branch,
    # so a side without inputs goes on the right.
    a, b = (node.b, node.a) if not node.a.inputs_used() else (node.a, node.b)
    return c.expr(a) == c.expr(b)


def _format_date(c: _Compiler, node: ast.FormatDate) -> pl.Expr:
    return format_date(c.src(node), node.in_fmt, node.out_fmt, node.unit, node.shift)


_RULES: dict[type[ast.Node], Callable[[_Compiler, Any], pl.Expr]] = {
    ast.Input: lambda c, node: c.input(node.index),
    ast.Const: lambda c, node: pl.lit(node.text, dtype=pl.String),
    ast.IntConst: lambda c, node: pl.lit(node.value, dtype=pl.Int64),
    ast.Concat: lambda c, node: pl.concat_str([c.expr(p) for p in node.parts]),
    ast.Slice: _slice,
    ast.SubStr: _slice,
    ast.GetSpan: _slice,
    ast.GetToken: _get_token,
    ast.GetUpto: _upto_from,
    ast.GetFrom: _upto_from,
    ast.GetFirst: _get_first,
    ast.GetAll: lambda c, node: _matches(c.src(node), node.pat).list.join(""),
    ast.JoinAll: lambda c, node: _matches(c.src(node), node.pat).list.join(node.sep),
    ast.ToCase: _to_case,
    ast.Replace: _replace,
    ast.Trim: lambda c, node: c.src(node).str.strip_chars(WHITESPACE),
    ast.StrReplace: _str_replace,
    ast.StrAt: _str_at,
    ast.StrSubstr: _str_substr,
    ast.IntToStr: _int_to_str,
    ast.Len: lambda c, node: c.expr(node.s).str.len_chars().cast(pl.Int64),
    ast.IndexOf: _index_of,
    ast.Plus: _binary(lambda a, b: a + b),
    ast.Minus: _binary(lambda a, b: a - b),
    ast.PrefixOf: _binary(lambda a, b: b.str.starts_with(a)),
    ast.SuffixOf: _binary(lambda a, b: b.str.ends_with(a)),
    ast.Contains: _binary(lambda a, b: a.str.contains(b, literal=True)),
    ast.Eq: _equals,
    ast.IntEq: _equals,
    ast.Has: _has,
    ast.HasAtLeast: _has_at_least,
    ast.Not: lambda c, node: ~c.expr(node.b),
    ast.If: _if,
    ast.IntIf: _if,
    ast.FormatDate: _format_date,
}


@pl.api.register_expr_namespace("likewise")
class LikewiseNamespace:
    """``pl.col("name").likewise.apply(program)``; more columns: ``apply(program, "b", ...)``."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def apply(self, program: Program, *more: pl.Expr | str) -> pl.Expr:
        return program.to_polars(self._expr, *more)


_Compiler.RULES = _RULES

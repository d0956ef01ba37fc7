"""Hypothesis strategies: random well-typed programs over the whole language, and inputs."""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st

from likewise.lang import ast
from likewise.lang.ast import BOUNDS, CASES, NODE_TYPES, TOKEN_CLASSES, Node, sig_fields

MAX_DEPTH = 4

# Text that exercises Unicode corners: combining marks, case changes that change length
# ("ß" -> "SS", "İ" -> "i̇"), title-case letters, non-ASCII digits, emoji. No surrogates.
TRICKY = "é\u0301ßİǅΣς٣５😀🇫🇷\u200b\t\n"
unicode_text = st.text(
    st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(TRICKY)), max_size=8
)

WORDS = ("Pizza", "hut", "JANUARY", "McDonald", "o'neil", "CPT", "x", "Zürich")
DELIMS = (" ", ",", ", ", ".", "-", "/", "(", ")", "[", "]", ":", "@", "'", '"')
realistic_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.integers(0, 99999).map(str),
        st.sampled_from(DELIMS),
    ),
    max_size=8,
).map("".join)

texts = st.one_of(realistic_text, unicode_text)

token_patterns = st.sampled_from([(t,) for t in TOKEN_CLASSES])
literal_patterns = st.one_of(
    st.sampled_from(DELIMS + ("ab", "Hut", "0", "é", "--")), st.text(min_size=1, max_size=3)
)
field_patterns = st.sampled_from([ast.field(d) for d in (" ", "/", ",", ".", "-", ":")])
patterns = st.one_of(token_patterns, field_patterns, literal_patterns)

small_ints = st.integers(-6, 6)
wide_ints = st.one_of(small_ints, st.integers(-100, 100))
positions = st.one_of(
    st.builds(ast.Abs, small_ints),
    st.builds(ast.Pos, patterns, small_ints, st.sampled_from(BOUNDS)),
)

_BY_TYPE: dict[str, list[type[Node]]] = {}
for _cls in NODE_TYPES.values():
    if _cls not in (ast.Input, ast.Const, ast.IntConst, ast.Abs, ast.Pos):
        _BY_TYPE.setdefault(_cls.TYPE, []).append(_cls)


def _leaves(type_: str, ncols: int) -> st.SearchStrategy[Node]:
    if type_ == "S":
        return st.one_of(
            st.builds(ast.Input, st.integers(0, ncols - 1)), st.builds(ast.Const, texts)
        )
    if type_ == "I":
        return st.builds(ast.IntConst, wide_ints)
    if type_ == "B":
        return st.builds(ast.Has, patterns, st.builds(ast.Input, st.integers(0, ncols - 1)))
    assert type_ == "P"
    return positions


def _arg(cls: type[Node], kind: str, depth: int, ncols: int) -> st.SearchStrategy:
    if kind in ("S", "I", "B"):
        return exprs(kind, depth, ncols)
    if kind == "src":
        return exprs("S", depth, ncols)
    if kind == "S*":
        return st.lists(exprs("S", depth, ncols), min_size=1, max_size=3).map(tuple)
    if kind == "P":
        return positions
    if kind == "pat":
        return patterns
    if kind == "int":
        return wide_ints if cls is ast.SubStr else small_ints
    if kind == "text":
        return texts
    if kind == "case":
        return st.sampled_from(CASES)
    assert kind == "bound", kind
    return st.sampled_from(BOUNDS)


@cache  # strategies are built once per (type, depth): the tree of them would be huge
def exprs(type_: str = "S", depth: int = MAX_DEPTH, ncols: int = 2) -> st.SearchStrategy[Node]:
    """Well-typed expressions of type S, I, B or P, at most ``depth`` operators deep."""
    leaves = _leaves(type_, ncols)
    if depth <= 0 or type_ == "P":
        return leaves
    compound = [
        st.builds(cls, *(_arg(cls, kind, depth - 1, ncols) for _, kind in sig_fields(cls)))
        for cls in _BY_TYPE[type_]
    ]
    return st.one_of(leaves, *compound)  # leaves first: hypothesis shrinks towards them


def programs(ncols: int = 2) -> st.SearchStrategy[Node]:
    """Random programs of every type that a program can have (string, integer or Boolean)."""
    return st.one_of(exprs("S", ncols=ncols), exprs("I", ncols=ncols), exprs("B", ncols=ncols))


def inputs(ncols: int = 2) -> st.SearchStrategy[tuple[str, ...]]:
    """Input rows: arbitrary Unicode (empty strings included) or realistic text."""
    return st.tuples(*[texts] * ncols)


# Programs every backend must compile natively (strict=True) and run exactly.
NATIVE = [
    'Concat(GetToken(Word, -1), ", ", SubStr(1, 1), ".")',
    "ToCase(Proper, GetToken(Word, 1))",
    "ToCase(AllCaps, GetSpan(Word, 1, Start, Number, -1, End))",
    'GetSpan(" - ", -1, End, " - ", -2, Start)',
    'GetSpan(PropCase, 2, Start, "ab", 1, End)',
    "GetFirst(Digit, -3)",
    'JoinAll(Number, "-")',
    'GetFrom(", ")',
    "GetUpto(AllCaps)",
    'Replace(".", "/", Trim())',
    'If(Has(Number), GetAll(Number), "none")',
    'If(HasAtLeast(Word, 3), GetToken(Word, 2), If(HasAtLeast(", ", 2, x2), x2, "-"))',
    'FormatDate("%m/%d/%Y", "%Y-%m-%d")',
    'FormatDate("%b %-d, %Y %I:%M %p", "%A %o %B %y %H:%M:%S q%q", "~15min", 30)',
    'FormatDate("%Y-%m-%d", "%d.%m.%Y", "month-end")',
    'Concat(GetToken(Field(" "), -2), GetSpan(Field("-"), 1, End, Field(" "), 3, Start))',
    'GetSpan(Field("/"), 2, Start, Field("/"), -1, End)',
    'If(Has(Field(",")), JoinAll(Field(" "), "+"), "")',
]


EXACT_DATES = [
    "3/4/2020", "03/14/2024", " 3/4/2020", "3/ 4/2020", "3/4/20", "3/4/+2020", "12/31/0000",
    "2/29/2023", "2/29/2024", "03/14/20245", "x 3/4/2020 y", "13/1/2020", "1/32/2020",
    "2020-01-02T03:04:05", "2020-01-02t03:04:05", "2020-1-2T3:04:05", "2020-01-02T24:00:00",
    "2020-01-02T23:60:00", "2020-01-02T23:59:60", "2020-01-02T23:59", "0001-01-01T00:00:00",
    "9999-12-31T23:59:59", "", None,
]  # fmt: skip
# Times with AM/PM, or text like it, after them: formats that read an hour without %p read
# nothing there.
HOUR_ROWS = [
    "1:23 pm", "1:23pm", "1:23 p.m.", "1:23 PM.", "13:23 AM", "1:23 Am!", "1:23  pm", "1:23 pmx",
    "10:30 Amsterdam", "1:23 pm\u00e9", "1:23 pm\u212a", "1:23 p", "1:23 pm\u0000", "12:00\npm",
    "9:05:07 am", "21:05:07 amber", "2020-01-02T03:04 pm", "2020-01-02T03:04", "7 pm", "7 pmt", "", None,
]  # fmt: skip
HOUR_PROGRAMS = [
    'FormatDate("%H:%M", "%H:%M")',
    'FormatDate("%-I:%M", "%H:%M")',
    'FormatDate("%-H:%M:%S", "%-I %p")',
    'FormatDate("%Y-%m-%dT%H:%M", "%Y%m%d %H")',
    'FormatDate("%-H", "%H:00")',
    'FormatDate("%-I:%M %p", "%H:%M")',
]
EXACT_DATE_PROGRAMS = [
    'FormatDate("%m/%d/%Y", "%Y-%m-%d")',
    'FormatDate("%-m/%-d/%Y", "%d %B %Y", "week", 2880)',
    'FormatDate("%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M", "~15min", -30)',
    'FormatDate("%Y-%m-%dT%H:%M", "%Y%m%d")',
    'FormatDate("%Y%m%d", "%Y-%m-%d")',
]

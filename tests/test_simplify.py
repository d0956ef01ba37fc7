"""``lang.simplify.canonical``: rewrites slices into named operators without changing meaning."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from likewise.lang.ast import (
    Abs,
    Concat,
    Const,
    GetFrom,
    GetSpan,
    GetToken,
    GetUpto,
    Has,
    If,
    Input,
    Pos,
    Slice,
    SubStr,
    ToCase,
    tok,
)
from likewise.lang.simplify import canonical
from likewise.lang.syntax import parse, show
from strategies import exprs, inputs, patterns, positions, programs, small_ints, texts

PROPS = settings(max_examples=150, deadline=None, derandomize=True)
FEW = settings(max_examples=60, deadline=None, derandomize=True)
WORD, NUMBER = tok("Word"), tok("Number")
X1, X2 = Input(0), Input(1)

# Positions biased towards the shapes the rewrites look for.
special_positions = st.one_of(
    st.sampled_from([Abs(0), Abs(-1), Abs(1), Abs(-2)]),
    st.builds(Pos, patterns, st.sampled_from([1, -1, 2]), st.sampled_from(["Start", "End"])),
)
any_position = st.one_of(positions, special_positions)
sources = st.one_of(st.just(X1), st.just(X2), st.builds(Const, texts), exprs("S", depth=1, ncols=2))
slices = st.recursive(
    st.builds(Slice, any_position, any_position, sources),
    lambda inner: st.one_of(
        st.builds(Slice, any_position, any_position, inner),
        st.lists(inner, min_size=1, max_size=3).map(lambda ps: Concat(tuple(ps))),
        st.builds(ToCase, st.sampled_from(["Proper", "AllCaps", "Lower"]), inner),
    ),
    max_leaves=4,
)
# Rows whose tokens make the position patterns match often.
rows = st.lists(inputs(2), min_size=1, max_size=4)


def _same_everywhere(p, q, envs):
    for env in envs:
        assert q.run(env) == p.run(env), (str(p), str(q), env)


@PROPS
@given(slices, rows)
def test_canonical_slices_keep_their_value(p, envs):
    q = canonical(p)
    _same_everywhere(p, q, envs)


@PROPS
@given(programs(2), rows)
def test_canonical_programs_keep_their_value(p, envs):
    q = canonical(p)
    assert q.TYPE == p.TYPE
    _same_everywhere(p, q, envs)


@FEW
@given(st.one_of(slices, programs(2)))
def test_canonical_is_idempotent_and_prints(p):
    q = canonical(p)
    assert canonical(q) == q
    assert parse(show(q)) == q
    assert q.size() <= p.size()
    assert "Slice(Abs(0), Abs(-1)" not in show(q)


@FEW
@given(any_position, any_position, texts)
def test_canonical_single_slice_on_text(a, b, s):
    p = Slice(a, b, X1)
    assert canonical(p).run((s,)) == p.run((s,))


@pytest.mark.parametrize(
    "before, after",
    [
        (Slice(Pos(WORD, 1, "Start"), Pos(WORD, 1, "End")), GetToken(WORD, 1)),
        (Slice(Pos(WORD, -1, "Start"), Pos(WORD, -1, "End"), X2), GetToken(WORD, -1, X2)),
        (Slice(Pos(",", 2, "Start"), Pos(",", 2, "End")), GetToken(",", 2)),
        (Slice(Abs(0), Abs(-1)), X1),
        (Slice(Abs(0), Abs(-1), X2), X2),
        (Slice(Abs(0), Abs(3)), SubStr(1, 3)),
        (Slice(Abs(2), Abs(-1)), SubStr(3, -1)),
        (Slice(Abs(-3), Abs(-1)), SubStr(-2, -1)),
        (Slice(Abs(1), Abs(2), X2), SubStr(2, 2, X2)),
        (Slice(Abs(0), Pos(" ", 1, "End")), GetUpto(" ")),
        (Slice(Abs(0), Pos(NUMBER, 1, "End")), GetUpto(NUMBER)),
        (Slice(Pos("-", 1, "End"), Abs(-1)), GetFrom("-")),
        (Slice(Pos(WORD, 1, "End"), Abs(-1), X2), GetFrom(WORD, X2)),
        (
            Slice(Pos(WORD, 1, "Start"), Pos(NUMBER, -1, "End")),
            GetSpan(WORD, 1, "Start", NUMBER, -1, "End"),
        ),
        (
            Slice(Pos(WORD, 2, "End"), Pos(WORD, 2, "Start")),
            GetSpan(WORD, 2, "End", WORD, 2, "Start"),
        ),
        (Concat((Slice(Abs(0), Abs(-1)),)), X1),
        (
            Concat((Slice(Pos(WORD, -1, "Start"), Pos(WORD, -1, "End")), Const(", "))),
            Concat((GetToken(WORD, -1), Const(", "))),
        ),
        (
            ToCase("Proper", Slice(Abs(0), Abs(1))),
            ToCase("Proper", SubStr(1, 1)),
        ),
        (
            If(Has(WORD), Slice(Abs(0), Abs(-1)), Slice(Pos(":", 1, "End"), Abs(-1))),
            If(Has(WORD), X1, GetFrom(":")),
        ),
        # Nested sources are simplified too.
        (
            Slice(Pos(WORD, 1, "Start"), Pos(WORD, 1, "End"), Slice(Abs(0), Abs(-1), X2)),
            GetToken(WORD, 1, X2),
        ),
    ],
    ids=str,
)
def test_concrete_rewrites(before, after):
    assert canonical(before) == after
    for s in ["John Smith", "a-b-c 12 x", "", "Mr. O'Neil, 42", "😀 x: y"]:
        env = (s, s[::-1])
        assert after.run(env) == before.run(env), s


@pytest.mark.parametrize(
    "kept",
    [
        Slice(Abs(-1), Abs(-1)),  # SubStr cannot start at the end boundary
        Slice(Abs(0), Pos(" ", 2, "End")),  # not the first match
        Slice(Abs(1), Pos(" ", 1, "End")),  # not from the start
        Slice(Pos(" ", 1, "Start"), Abs(-1)),  # from a Start, not an End
        Slice(Pos(WORD, 1, "End"), Abs(-2)),  # not to the very end
        Slice(Abs(0), Pos(WORD, 1, "Start")),
        Concat((Const("a"), X1)),
        X1,
        Const(""),
    ],
    ids=str,
)
def test_shapes_left_alone(kept):
    assert canonical(kept) == kept


@FEW
@given(small_ints, small_ints, texts)
def test_abs_abs_substr_agrees(a, b, s):
    p = Slice(Abs(a), Abs(b))
    q = canonical(p)
    assert q.run((s,)) == p.run((s,))
    if a != -1 and not (a == 0 and b == -1):
        assert isinstance(q, SubStr)

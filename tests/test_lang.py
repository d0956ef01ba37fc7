"""The language: every operator's semantics on hand-worked values, and properties of the
interpreter, the text form and the witness functions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from likewise.errors import ParseError
from likewise.lang.ast import (
    Abs,
    Concat,
    Const,
    Contains,
    Eq,
    GetAll,
    GetFirst,
    GetFrom,
    GetSpan,
    GetToken,
    GetUpto,
    Has,
    If,
    IndexOf,
    Input,
    IntConst,
    IntEq,
    IntIf,
    IntToStr,
    Len,
    Minus,
    Not,
    Plus,
    Pos,
    PrefixOf,
    Replace,
    Slice,
    StrAt,
    StrReplace,
    StrSubstr,
    StrToInt,
    SubStr,
    SuffixOf,
    ToCase,
    Trim,
    eval_pos,
    field,
    tok,
)
from likewise.lang.syntax import parse, show
from likewise.lang.witness import patterns_for, positions
from strategies import exprs, inputs, patterns, programs, texts

PROPS = settings(max_examples=200, deadline=None, derandomize=True)
WORD, NUMBER = tok("Word"), tok("Number")


def run(node, *env):
    return node.run(env)


# --- RobustFill operators ------------------------------------------------------------------


def test_examples_from_the_brief():
    assert run(GetToken(WORD, -1), "Pizza Hut") == "Hut"
    assert run(ToCase("Lower", SubStr(1, 3)), "January") == "jan"
    prog = Concat((GetSpan("[", 1, "Start", NUMBER, 1, "End"), Const("]")))
    assert run(prog, "[CPT-101") == "[CPT-101]"


MIXED = "ab12 CDe Fgh-x9Y"


def all_tokens(cls: str, s: str) -> list[str]:
    out, i = [], 1
    while (t := run(GetToken(tok(cls), i), s)) is not None:
        out.append(t)
        i += 1
    return out


@pytest.mark.parametrize(
    "cls, expected",
    [
        ("Number", ["12", "9"]),
        ("Word", ["ab", "CDe", "Fgh", "x", "Y"]),
        ("Alphanum", ["ab12", "CDe", "Fgh", "x9Y"]),
        ("AllCaps", ["CD", "F", "Y"]),
        ("Lower", ["ab", "e", "gh", "x"]),
        ("PropCase", ["De", "Fgh"]),  # the final "Y" has no lower-case letter after it
        ("Digit", ["1", "2", "9"]),
        ("Char", list("ab12CDeFghx9Y")),
    ],
)
def test_token_classes(cls, expected):
    assert all_tokens(cls, MIXED) == expected
    assert run(GetAll(tok(cls)), MIXED) == "".join(expected)
    assert run(Has(tok(cls)), MIXED) is True


def test_fields_between_marks():
    # A field is a run of anything but its mark: empty fields between marks are skipped.
    url = "https://github.com/pandas-dev/pandas"
    assert run(GetToken(field("/"), 3), url) == "pandas-dev"
    assert run(GetToken(field("/"), -1), url) == "pandas"
    assert run(GetToken(field("/"), 5), url) is None
    assert run(GetToken(field(" "), 1), "solo") == "solo"  # one field, no mark
    assert run(GetAll(field(",")), ",a,,b c,") == "ab c"
    assert parse('GetToken(Field("/"), 3)') == GetToken(field("/"), 3)
    assert str(GetToken(field("/"), 3)) == 'GetToken(Field("/"), 3)'
    for bad in ('Field("ab")', 'Field("a")', 'Field("")'):
        with pytest.raises(ParseError, match="a field's mark"):
            parse(f"GetToken({bad}, 1)")


def test_token_classes_beyond_ascii():
    assert all_tokens("Word", "Zürich straße") == ["Zürich", "straße"]
    assert all_tokens("Number", "٣4") == ["4"]  # only ASCII digits count as digits


def test_get_token_indices():
    assert run(GetToken(WORD, 1), "Pizza Hut") == "Pizza"
    assert run(GetToken(WORD, -2), "Pizza Hut") == "Pizza"
    assert run(GetToken(WORD, 3), "Pizza Hut") is None
    assert run(GetToken(WORD, -3), "Pizza Hut") is None
    assert run(GetToken(WORD, 0), "Pizza Hut") is None
    assert run(GetToken(" ", 1), "Pizza Hut") == " "
    assert run(GetToken(NUMBER, 1), "Pizza Hut") is None


def test_sub_str():
    assert run(SubStr(-3, -1), "January") == "ary"
    assert run(SubStr(2, -2), "January") == "anuar"
    assert run(SubStr(1, 7), "January") == "January"
    assert run(SubStr(4, 3), "January") == ""  # empty, boundaries 3..3
    assert run(SubStr(5, 3), "January") is None  # boundaries cross
    assert run(SubStr(5, 10), "January") is None
    assert run(SubStr(-9, 2), "January") is None


def test_slice_and_positions():
    s = "Pizza Hut"
    assert run(Slice(Abs(0), Pos(" ", 1, "Start")), s) == "Pizza"
    assert run(Slice(Pos(WORD, -1, "Start"), Abs(-1)), s) == "Hut"
    assert run(Slice(Abs(3), Abs(1)), s) is None
    assert run(Slice(Abs(0), Abs(10)), s) is None
    assert (
        eval_pos(Abs(-1), s) == 9 and eval_pos(Abs(-10), s) == 0 and eval_pos(Abs(-11), s) is None
    )
    assert eval_pos(Pos(WORD, 2, "End"), s) == 9
    assert eval_pos(Pos(WORD, 2, "End"), None) is None
    assert run(GetSpan(WORD, 1, "End", WORD, 2, "Start"), s) == " "
    assert run(GetSpan(WORD, 2, "Start", WORD, 1, "End"), s) is None


def test_get_upto_from_first_all():
    assert run(GetUpto(","), "a,b,c") == "a,"
    assert run(GetFrom(","), "a,b,c") == "b,c"
    assert run(GetUpto(NUMBER), "ab12cd") == "ab12"
    assert run(GetFrom(NUMBER), "ab12cd") == "cd"
    assert run(GetUpto(";"), "a,b") is None and run(GetFrom(";"), "a,b") is None
    assert run(GetFirst(WORD, 2), "one two three") == "onetwo"
    assert run(GetFirst(WORD, -2), "one two three") == "twothree"
    assert run(GetFirst(WORD, 4), "one two three") is None
    assert run(GetFirst(WORD, 0), "one two three") is None
    assert run(GetAll(NUMBER), "a1b22c333") == "122333"
    assert run(GetAll(NUMBER), "abc") == ""


def test_case_replace_trim():
    assert run(ToCase("Proper"), "hELLO wORLD") == "Hello World"
    assert run(ToCase("Proper"), "o'neil-smith") == "O'neil-Smith"
    assert run(ToCase("AllCaps"), "straße") == "STRASSE"
    assert run(ToCase("Lower"), "ABC d") == "abc d"
    assert run(Replace("-", "/"), "2020-01-02") == "2020/01/02"
    assert run(Replace("", "x"), "ab") == "ab"
    assert run(Trim(), "  a b \t") == "a b"


def test_inputs_consts_and_none_propagation():
    assert run(Input(1), "a", "b") == "b"
    assert run(Input(2), "a", "b") is None
    assert run(Const("é"), "a") == "é" and run(IntConst(-4), "a") == -4
    assert run(Concat((Const("a"), Input(1))), "x", "y") == "ay"
    assert run(Concat((GetToken(NUMBER, 1), Const("x"))), "abc") is None
    assert run(ToCase("Lower", GetToken(NUMBER, 1)), "abc") is None
    assert run(Trim(Input(3)), "abc") is None
    assert run(Len(Input(3)), "abc") is None


# --- SMT-LIB operators ---------------------------------------------------------------------


def c(s: str) -> Const:
    return Const(s)


def n(i: int) -> IntConst:
    return IntConst(i)


def test_str_at():
    assert run(StrAt(c("abc"), n(1)), "") == "b"
    assert run(StrAt(c("abc"), n(3)), "") == ""
    assert run(StrAt(c("abc"), n(-1)), "") == ""


def test_str_substr():
    assert run(StrSubstr(c("hello"), n(1), n(3)), "") == "ell"
    assert run(StrSubstr(c("hello"), n(3), n(10)), "") == "lo"
    assert run(StrSubstr(c("hello"), n(5), n(1)), "") == ""
    assert run(StrSubstr(c("hello"), n(-1), n(2)), "") == ""
    assert run(StrSubstr(c("hello"), n(0), n(0)), "") == ""
    assert run(StrSubstr(c("hello"), n(0), n(-2)), "") == ""


def test_str_indexof():
    assert run(IndexOf(c("abcabc"), c("c"), n(3)), "") == 5
    assert run(IndexOf(c("abcabc"), c("c"), n(0)), "") == 2
    assert run(IndexOf(c("abc"), c(""), n(1)), "") == 1
    assert run(IndexOf(c("abc"), c(""), n(3)), "") == 3
    assert run(IndexOf(c("abc"), c(""), n(4)), "") == -1
    assert run(IndexOf(c("abc"), c("z"), n(0)), "") == -1
    assert run(IndexOf(c("abc"), c("a"), n(-1)), "") == -1


def test_str_int_conversions():
    assert run(StrToInt(c("")), "") == -1
    assert run(StrToInt(c("0042")), "") == 42
    assert run(StrToInt(c("4a")), "") == -1
    assert run(StrToInt(c("-3")), "") == -1
    assert run(StrToInt(c("٣")), "") == -1  # not an ASCII digit
    assert run(IntToStr(n(-5)), "") == ""
    assert run(IntToStr(n(0)), "") == "0"
    assert run(IntToStr(n(42)), "") == "42"


def test_str_replace_and_len():
    assert run(StrReplace(c("abcabc"), c("b"), c("X")), "") == "aXcabc"
    assert run(StrReplace(c("abc"), c(""), c("X")), "") == "Xabc"  # empty pattern: prepend
    assert run(StrReplace(c("abc"), c("z"), c("X")), "") == "abc"
    assert run(Len(c("héllo")), "") == 5
    assert run(Plus(n(2), Len(Input(0))), "abc") == 5
    assert run(Minus(n(2), n(7)), "") == -5


def test_predicates_and_conditionals():
    assert run(PrefixOf(c("ab"), c("abc")), "") is True
    assert run(PrefixOf(c("bc"), c("abc")), "") is False
    assert run(SuffixOf(c("bc"), c("abc")), "") is True
    assert run(Contains(c("abc"), c("bc")), "") is True  # a contains b
    assert run(Contains(c("bc"), c("abc")), "") is False
    assert run(Eq(c("a"), Input(0)), "a") is True
    assert run(IntEq(Len(Input(0)), n(2)), "abc") is False
    assert run(Not(Has(NUMBER)), "abc") is True
    choose = If(Has(NUMBER), c("num"), c("text"))
    assert run(choose, "a1") == "num" and run(choose, "ab") == "text"
    undefined = If(Eq(GetToken(NUMBER, 1), c("1")), c("one"), c("other"))
    assert run(undefined, "abc") is None  # no value for the condition: no value at all
    assert run(IntIf(Has(WORD), n(1), n(2)), "123") == 2
    assert run(Not(Eq(GetToken(NUMBER, 1), c("1"))), "abc") is None


# --- properties ----------------------------------------------------------------------------

_PY_TYPE = {"S": str, "I": int, "B": bool}


@PROPS
@given(programs(), inputs())
def test_interpreter_is_total_and_well_typed(prog, env):
    v = prog.run(env)
    assert v is None or type(v) is _PY_TYPE[prog.TYPE]


@PROPS
@given(exprs("S", ncols=3), inputs(1))
def test_missing_columns_give_no_value_not_errors(prog, env):
    v = prog.run(env)
    assert v is None or type(v) is str


@PROPS
@given(programs(ncols=3))
def test_text_form_round_trips(prog):
    text = show(prog)
    assert parse(text) == prog
    assert str(prog) == text


@PROPS
@given(texts, st.lists(patterns, max_size=6))
def test_position_witnesses_evaluate_to_their_boundary(s, pats):
    out = positions(s, pats)
    assert sorted(out) == list(range(len(s) + 1))
    for k, exprs_k in out.items():
        for p in exprs_k:
            assert eval_pos(p, s) == k, (p, s, k)


@PROPS
@given(texts)
def test_position_witnesses_with_suggested_patterns(s):
    pats = patterns_for([s, s.upper()])
    assert all(p != "" for p in pats)
    for k, exprs_k in positions(s, pats).items():
        assert all(eval_pos(p, s) == k for p in exprs_k)


def test_patterns_hold_the_fields_of_the_marks():
    pats = patterns_for(["a/b c", "d/e"])
    assert field("/") in pats and field(" ") in pats and field("-") not in pats


def test_patterns_hold_the_marks_present_the_commonest():
    pats = patterns_for(["ab+cd-ef|g", "x|y+z|w"])
    assert {"+", "-", "|"} <= set(pats)
    assert "," not in pats
    arrows = "".join(chr(0x2190 + i) for i in range(20)) + "\u21ff" * 3  # 8 at most
    assert [p for p in patterns_for([arrows]) if isinstance(p, str)] == [
        "\u2190", "\u2191", "\u2192", "\u2193", "\u2194", "\u2195", "\u2196", "\u21ff",
    ]  # fmt: skip

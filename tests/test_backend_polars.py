"""The polars backend agrees with the interpreter, row for row, nulls included."""

from __future__ import annotations

import random

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import (
    EXACT_DATE_PROGRAMS,
    EXACT_DATES,
    HOUR_PROGRAMS,
    HOUR_ROWS,
    NATIVE,
    exprs,
    texts,
)

from likewise.backends.polars import to_polars
from likewise.errors import NotCompilable
from likewise.lang.syntax import parse
from likewise.learning.sampler import sample_task
from likewise.program import Program

rows = st.lists(st.tuples(st.none() | texts, st.none() | texts), min_size=1, max_size=6)


def run_polars(node, data, strict=False):
    df = pl.DataFrame(
        {"a": [r[0] for r in data], "b": [r[1] for r in data]},
        schema={"a": pl.String, "b": pl.String},
    )
    return df.select(out=to_polars(node, ["a", "b"], strict=strict))["out"].to_list()


def assert_same(node, data, strict=False):
    expected = [node.run(r) for r in data]
    assert run_polars(node, data, strict) == expected, str(node)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(exprs("S"), exprs("B")), rows)
def test_random_programs_agree(node, data):
    assert_same(node, data)


SAMPLES = [
    ("John Smith", "x"),
    ("Ann-Marie O'Neil 42 - 7 - b", ""),
    ("", ""),
    (None, None),
    ("ab 12 CD 345 6 Ef gh", "1"),
    ("07/04/2024", "2/29/2023"),
    ("Jan 5, 2024 11:52 pm", None),
    ("2024-02-29", "9999-12-31"),
    ("12/31/9999", "x"),
    ("Dec 31, 9999 11:59 PM", ""),
    ("Zürich İstanbul ǅemal ßtraße", "é\u0301"),
    ("13/45/2024", "00/10/2020"),
]


@pytest.mark.parametrize("text", NATIVE)
def test_native_forms_need_no_fallback(text):
    node = parse(text)
    assert_same(node, SAMPLES, strict=True)


@given(
    st.sampled_from(NATIVE[-3:]),
    st.lists(
        st.tuples(
            st.one_of(
                st.none(),
                texts,
                st.from_regex(
                    r"\A([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|(Jan|Feb|dec)\.? [0-9]{1,2}, [0-9]{4} [0-9]{1,2}:[0-9]{2} [AaPp]\.?[mM])\Z"
                ),
            ),
            st.just(""),
        ),
        min_size=1,
        max_size=5,
    ),
)
@settings(max_examples=200, deadline=None)
def test_dates_agree(text, data):
    assert_same(parse(text), data)


def test_fallback_is_per_subtree_and_strict_refuses():
    node = parse("Concat(GetToken(Word, 1), FormatNumber(2))")
    data = [("ab 3.14159",), ("x",), (None,)]
    df = pl.DataFrame({"a": [r[0] for r in data]}, schema={"a": pl.String})
    assert df.select(o=to_polars(node, ["a"]))["o"].to_list() == [node.run(r) for r in data]
    with pytest.raises(NotCompilable):
        to_polars(node, ["a"], strict=True)


def test_program_method_and_namespace():
    prog = Program.parse('Concat(GetToken(Word, 2), ", ", GetToken(Word, 1))')
    df = pl.DataFrame({"name": ["Ada Lovelace", "Alan"]})
    a = df.select(prog.to_polars(pl.col("name")))
    b = df.select(pl.col("name").likewise.apply(prog))
    assert a.to_series().to_list() == b.to_series().to_list() == ["Lovelace, Ada", None]


def test_sampled_tasks_agree_with_mixed_rows():
    """Programs from the task sampler, on their own inputs plus empty, null and odd rows."""
    rng = random.Random(7)
    extra = [("",), (None,), ("é\u0301 ß İ 😀 ٣",), ("  12,5 Jan 3, 2020 (x) ",)]
    checked = 0
    while checked < 150:
        task = sample_task(rng)
        if task is None:
            continue
        node, examples = task
        ncols = len(examples[0][0])
        data = [env for env, _ in examples] + [row * ncols for row in extra]
        names = [f"c{i}" for i in range(ncols)]
        df = pl.DataFrame(
            {n: [r[i] for r in data] for i, n in enumerate(names)},
            schema={n: pl.String for n in names},
        )
        got = df.select(o=to_polars(node, names))["o"].to_list()
        assert got == [node.run(r) for r in data], str(node)
        checked += 1


@pytest.mark.parametrize(
    "text",
    [
        "IntToStr(Plus(Len(x1), 100000000000000000000))",
        "IntToStr(Plus(Len(x1), 9223372036854775807))",
        "IntToStr(StrToInt(x1))",
    ],
)
def test_integers_beyond_64_bits_fall_back(text):
    node = parse(text)
    assert_same(node, [("abc", ""), ("99999999999999999999999", ""), (None, None)])
    with pytest.raises(NotCompilable):
        to_polars(node, ["a", "b"], strict=True)


def test_replace_in_a_constant_by_a_column():
    assert_same(parse('StrReplace("", "0", x1)'), [(None, None), ("", None), ("a", "b")])


@pytest.mark.parametrize("text", EXACT_DATE_PROGRAMS)
def test_dates_on_the_fast_path_and_off_it(text):
    """Rows that are exactly one date go through polars' own parser; the rest, and every row
    that parser would read otherwise (spaces, signs, short years, out-of-range fields), through
    the runtime's regex."""
    assert_same(parse(text), [(s, "") for s in EXACT_DATES], strict=True)


@pytest.mark.parametrize("cls", ["Word", "Alphanum", "Number", "AllCaps", "Lower", "Digit", "Char"])
def test_first_and_last_runs(cls):
    """The last run is the match from it to the end less the other characters after it."""
    rng = random.Random(3)
    chars = "aZé ÉƛǅΣ-.,19٣\U0001d518\u0301"
    rows = ["".join(rng.choice(chars) for _ in range(rng.randrange(12))) for _ in range(80)]
    for i in (1, -1, -2):
        assert_same(parse(f"GetToken({cls}, {i})"), [(r, "") for r in [*rows, "", None]], True)


@pytest.mark.parametrize("text", HOUR_PROGRAMS)
def test_am_pm_after_an_hour_read_without_it(text):
    node = parse(text)
    assert_same(node, [(s, "") for s in HOUR_ROWS], strict=True)
    assert any(node.run((s,)) is not None for s in HOUR_ROWS)

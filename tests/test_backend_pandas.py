"""The pandas accessors give the interpreter's values on the frame's own index."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import exprs, texts

import likewise.backends.pandas  # noqa: F401  (registers the accessors)
from likewise import InvalidInput, Program

SWAP = Program.parse('Concat(GetToken(Word, 2), ", ", GetToken(Word, 1))')
NAMES = ["Ada Lovelace", None, "Alan", "Ünal Öz", ""]


def expected(prog, *columns):
    rows = zip(*columns, strict=True)
    return [None if any(v is None for v in r) else prog(*r) for r in rows]


def as_list(series):
    return [None if pd.isna(v) else v for v in series]


def test_series_accessor_keeps_index_and_name():
    s = pd.Series(NAMES, index=[10, 11, 12, 13, 14], name="name")
    out = s.likewise.apply(SWAP)
    assert list(out.index) == [10, 11, 12, 13, 14]
    assert out.name == "name"
    assert as_list(out) == expected(SWAP, NAMES)


def test_frame_accessor_reads_several_columns_and_numbers_as_text():
    prog = Program.parse('Concat(x1, "/", GetToken(Number, 1, x2))', 2)
    df = pd.DataFrame({"a": ["x", "y", None], "b": [1.5, np.nan, 30]})
    assert as_list(df.likewise.apply(prog, ["a", "b"])) == ["x/1", None, None]
    assert as_list(df["a"].likewise.apply(prog, df["b"])) == ["x/1", None, None]


def test_missing_column_is_a_clear_error():
    df = pd.DataFrame({"a": ["x"]})
    with pytest.raises(InvalidInput, match="no column named 'zz'"):
        df.likewise.apply(SWAP, "zz")
    with pytest.raises(InvalidInput, match="reads 1 column"):
        df.likewise.apply(SWAP, ["a", "a"])


@settings(max_examples=60, deadline=None)
@given(exprs("S", ncols=2), st.lists(st.tuples(st.none() | texts, st.none() | texts), max_size=5))
def test_random_programs_agree(node, data):
    prog = Program(node, 2)
    df = pd.DataFrame({"a": [r[0] for r in data], "b": [r[1] for r in data]}, dtype="string")
    got = as_list(df.likewise.apply(prog, ["a", "b"]))
    assert got == [node.run(r) for r in data], str(node)

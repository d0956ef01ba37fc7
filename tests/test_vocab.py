"""The token form of programs: exact round trips over a fixed vocabulary."""

from __future__ import annotations

import contextlib
import hashlib

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from likewise.errors import ParseError
from likewise.lang import ast, vocab
from likewise.lang.syntax import parse
from likewise.lang.vocab import BOS, EOS, PAD, VOCAB, decode, encode, from_tokens, to_tokens
from strategies import programs, texts

PROPS = settings(max_examples=200, deadline=None, derandomize=True)


@PROPS
@given(programs(ncols=10))
def test_round_trip(prog):
    assume(vocab.writable(prog))
    tokens = to_tokens(prog)
    assert all(t in VOCAB for t in tokens)
    assert from_tokens(tokens) == prog
    ids = encode(prog)
    assert ids[0] == BOS and ids[-1] == EOS
    assert decode(ids) == prog
    assert decode(ids + [PAD] * 3) == prog
    assert decode(ids[1:-1]) == prog


def test_an_operator_the_network_does_not_write_has_no_tokens():
    counted = parse('If(HasAtLeast(Word, 3), x1, "")')
    assert not vocab.writable(counted)
    assert vocab.writable(parse('If(Has(Word), x1, "")'))
    with pytest.raises(ValueError, match="HasAtLeast is not in the network's vocabulary"):
        to_tokens(counted)
    assert "HasAtLeast" not in VOCAB


@PROPS
@given(texts, st.integers(), st.integers(-1, 40))
def test_round_trip_of_any_text_and_integer(text, value, column):
    for prog in (
        ast.Const(text),
        ast.Replace(text or "x", text, ast.Input(column)),
        ast.GetToken(text or "x", value),
        ast.IntConst(value),
    ):
        assert decode(encode(prog)) == prog


def test_huge_integers_round_trip():
    for v in (10**5000, -(10**5000) - 7, 101, -101):
        assert decode(encode(ast.IntConst(v))) == ast.IntConst(v)


def test_token_form():
    prog = parse('Concat(GetToken(Word, -1), ")", x2)')
    assert to_tokens(prog) == [
        "Concat", "GetToken", "tok:Word", "-1", "x1", "Const", "')'", ")", "x2", ")",
    ]  # fmt: skip
    assert to_tokens(ast.Const("é")) == ["Const", "<u>", "h0", "h0", "h0", "h0", "he", "h9", ")"]
    assert to_tokens(ast.Input(8)) == ["<input>", "9"]
    assert to_tokens(ast.IntConst(-250)) == ["IntConst", "<bigint>", "-", "'2'", "'5'", "'0'", ")"]


def test_vocabulary_is_fixed():
    assert len(VOCAB) == len(set(VOCAB)) == 383
    assert (PAD, BOS, EOS) == (0, 1, 2)
    assert VOCAB[:4] == ("<pad>", "<bos>", "<eos>", ")")
    # Any change to the order changes every trained model's ids: make it deliberate.
    digest = hashlib.sha256("\n".join(VOCAB).encode()).hexdigest()
    assert digest == "5a71858cfa95cab8f92edc03df9b6a75f86d3e13055c477f87874c0e7eda7a9b"
    assert vocab.VOCAB is VOCAB
    assert set(ast.NODE_TYPES) - {"Input"} - vocab.UNWRITTEN <= set(VOCAB)


MALFORMED = [
    [],
    ["Concat"],
    ["Concat", "x1"],  # no closing token
    ["GetToken", "tok:Word", "1"],  # src missing
    ["GetToken", "tok:Word", "x1", "x1"],  # not an integer
    ["GetToken", "case:Lower", "1", "x1"],  # not a pattern
    ["ToCase", "bound:End", "x1"],
    ["Len", "x1", "x1"],  # trailing tokens
    ["Len", "IntConst", "3"],  # wrong type
    ["Plus", "x1", "x2"],
    ["Slice", "x1", "Abs", "0", "x1"],  # a string where a position belongs
    ["Const", "'a'"],  # unterminated text
    ["Const", "<u>", "h1", "h1"],  # truncated code point
    ["Const", "<u>", "hf", "hf", "hf", "hf", "hf", "hf", ")"],  # beyond U+10FFFF
    ["Const", "x1", ")"],
    ["IntConst", "<bigint>", "'1'", ")"],  # no sign
    ["IntConst", "<bigint>", "+", ")"],  # no digits
    ["IntConst", "<bigint>", "+", "'a'", ")"],
    ["<input>", "x1"],
    ["Word"],
    ["no such token"],
    [")"],
    ["<pad>"],
    ["Trim"] * 5000 + ["x1"],  # too deep to read recursively, but still a clean error
]


@pytest.mark.parametrize("tokens", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_tokens_raise_parse_error(tokens):
    if len(tokens) > 1000:  # deep but well-formed: either reads or fails cleanly
        with contextlib.suppress(ParseError):
            from_tokens(tokens)
        return
    with pytest.raises(ParseError):
        from_tokens(tokens)


@pytest.mark.parametrize(
    "ids",
    [
        [],
        [BOS, EOS],
        [BOS, 10**6],
        [-1],
        [True],
        [BOS, VOCAB.index("x1"), EOS, VOCAB.index("x1")],
        ["x1"],
    ],
)
def test_malformed_ids_raise_parse_error(ids):
    with pytest.raises(ParseError):
        decode(ids)


def test_not_a_token_list():
    with pytest.raises(ParseError):
        from_tokens("x1")  # type: ignore[arg-type]
    with pytest.raises(ParseError):
        from_tokens([1, 2])  # type: ignore[list-item]

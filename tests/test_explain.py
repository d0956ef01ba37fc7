"""Program.explain (where each part of the output came from) and Program.describe (English)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import likewise
from likewise import Program, Span
from likewise.lang.describe import describe
from likewise.lang.explain import explain
from strategies import inputs, programs

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
SHORT = 'Concat(GetToken(Word, -1), ", ", SubStr(1, 1), ".")'


def plain(spans: list[Span]) -> list[tuple]:
    return [(s.source, s.column, s.input_start, s.input_end, s.text) for s in spans]


def check_tiling(spans: list[Span], output: str, row: tuple[str, ...]) -> None:
    """Spans cover the output in order, without gaps or overlaps, and point at real text."""
    pos = 0
    for s in spans:
        assert s.start == pos
        assert s.end - s.start == len(s.text)
        assert output[s.start : s.end] == s.text
        assert s.source in ("input", "constant", "computed")
        if s.source == "input":
            assert s.column is not None and 0 <= s.column < len(row)
            assert s.input_start is not None and s.input_end is not None
            assert 0 <= s.input_start <= s.input_end <= len(row[s.column])
            original = row[s.column][s.input_start : s.input_end]
            if s.node.startswith("ToCase"):
                # A case change keeps the characters' origin but not their case.
                assert len(original) == len(s.text)
                assert original.casefold() == s.text.casefold()
            else:
                assert original == s.text
        else:
            assert s.column is None and s.input_start is None and s.input_end is None
            assert s.text, "only input spans may be empty"
        if s.source == "computed":
            assert s.node
        pos = s.end
    assert pos == len(output)
    assert "".join(s.text for s in spans) == output


def test_explain_names_example() -> None:
    spans = Program.parse(SHORT).explain("Alan Turing")
    assert plain(spans) == [
        ("input", 0, 5, 11, "Turing"),
        ("constant", None, None, None, ", "),
        ("input", 0, 0, 1, "A"),
        ("constant", None, None, None, "."),
    ]
    assert [(s.start, s.end) for s in spans] == [(0, 6), (6, 8), (8, 9), (9, 10)]
    check_tiling(spans, "Turing, A.", ("Alan Turing",))


def test_explain_learned_program() -> None:
    prog = likewise.learn([("John Smith", "Smith, J."), ("Jane Doe", "Doe, J.")], timeout=2)
    spans = prog.explain("Grace Hopper")
    check_tiling(spans, "Hopper, G.", ("Grace Hopper",))
    assert [s.text for s in spans if s.source == "input"] == ["Hopper", "G"]


def test_explain_two_columns() -> None:
    prog = Program.parse('Concat(GetToken(Word, 1, x2), " ", ToCase(AllCaps, x1))', 2)
    row = ("smith", "John Q")
    spans = prog.explain(*row)
    assert plain(spans) == [
        ("input", 1, 0, 4, "John"),
        ("constant", None, None, None, " "),
        ("input", 0, 0, 5, "SMITH"),
    ]
    assert spans[2].node.startswith("ToCase")
    assert spans[0].node == ""
    check_tiling(spans, "John SMITH", row)


def test_explain_second_column_whole() -> None:
    spans = Program.parse('Concat(x2, "-", x1)', 2).explain("a", "bc")
    assert plain(spans) == [
        ("input", 1, 0, 2, "bc"),
        ("constant", None, None, None, "-"),
        ("input", 0, 0, 1, "a"),
    ]


def test_explain_if_follows_the_branch_taken() -> None:
    prog = Program.parse('If(PrefixOf("J", x1), "jay", GetToken(Word, 2))')
    assert plain(prog.explain("Jim Beam")) == [("constant", None, None, None, "jay")]
    assert plain(prog.explain("Kim Beam")) == [("input", 0, 4, 8, "Beam")]
    assert prog.explain("Kim") == []  # the branch taken has no value


def test_explain_to_case_keeps_input_offsets() -> None:
    spans = Program.parse("ToCase(Proper, x1)").explain("hello world")
    assert plain(spans) == [("input", 0, 0, 11, "Hello World")]
    spans = Program.parse('Concat(ToCase(AllCaps, GetToken(Word, 2)), "!")').explain("a bc")
    assert plain(spans) == [("input", 0, 2, 4, "BC"), ("constant", None, None, None, "!")]


def test_explain_case_change_that_changes_length_is_computed() -> None:
    spans = Program.parse("ToCase(AllCaps, x1)").explain("straße")
    assert "".join(s.text for s in spans) == "STRASSE"
    assert [s.source for s in spans] == ["computed"]


def test_explain_nested_extraction_maps_to_input_offsets() -> None:
    prog = Program.parse("SubStr(1, 1, GetToken(Word, 2))")
    assert plain(prog.explain("Alan Mathison Turing")) == [("input", 0, 5, 6, "M")]
    prog = Program.parse("SubStr(-3, -1, GetToken(Word, -1))")
    assert plain(prog.explain("Alan Mathison Turing")) == [("input", 0, 17, 20, "ing")]
    prog = Program.parse('GetToken(Number, 1, GetFrom(":"))')
    assert plain(prog.explain("ab12:x 345")) == [("input", 0, 7, 10, "345")]


@pytest.mark.parametrize(
    ("text", "row", "expected"),
    [
        ("SubStr(2, 4)", "abcdef", [("input", 0, 1, 4, "bcd")]),
        ("SubStr(-3, -1)", "abcdef", [("input", 0, 3, 6, "def")]),
        ('GetUpto(" ")', "ab cd", [("input", 0, 0, 3, "ab ")]),
        ('GetFrom(" ")', "ab cd", [("input", 0, 3, 5, "cd")]),
        ("GetSpan(Word, 1, Start, Word, 2, End)", "one two three", [("input", 0, 0, 7, "one two")]),
        (
            "GetAll(Digit)",
            "a1b2c3",
            [("input", 0, 1, 2, "1"), ("input", 0, 3, 4, "2"), ("input", 0, 5, 6, "3")],
        ),
        ("GetFirst(Word, 2)", "ab cd ef", [("input", 0, 0, 2, "ab"), ("input", 0, 3, 5, "cd")]),
        ("GetFirst(Word, -1)", "ab cd ef", [("input", 0, 6, 8, "ef")]),
        ('Replace("-", "")', "555-1234", [("computed", None, None, None, "5551234")]),
    ],
)
def test_explain_extractions(text: str, row: str, expected: list[tuple]) -> None:
    prog = Program.parse(text)
    spans = prog.explain(row)
    assert plain(spans) == expected
    check_tiling(spans, prog(row), (row,))


def test_explain_no_value_gives_no_spans() -> None:
    assert Program.parse("GetToken(Number, 3)").explain("a 1") == []
    assert Program.parse(SHORT).explain("") == []
    assert Program.parse('Concat("x", GetToken(Word, 2))').explain("one") == []


def test_explain_empty_output() -> None:
    spans = Program.parse('""').explain("anything")
    assert "".join(s.text for s in spans) == ""
    assert all(s.text == "" for s in spans)


@SETTINGS
@given(programs(ncols=2), inputs(2))
def test_explain_spans_tile_the_output(node, row) -> None:
    try:
        value = node.run(row)
    except (RecursionError, MemoryError):
        return
    spans = explain(node, row)
    if not isinstance(value, str):
        assert spans == []
        return
    check_tiling(spans, value, row)


@SETTINGS
@given(programs(ncols=2))
def test_describe_never_raises(node) -> None:
    text = describe(node)
    assert isinstance(text, str)
    assert text


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (SHORT, "the last word, then ', ', then the first character, then '.'"),
        ("SubStr(1, 1, GetToken(Word, 2))", "the first character of the 2nd word"),
        ("GetToken(Number, -2)", "the 2nd-to-last number"),
        ("GetToken(Word, 11)", "the 11th word"),
        ("GetToken(Word, 22)", "the 22nd word"),
        ("GetToken(Word, 13)", "the 13th word"),
        ("SubStr(1, 3)", "the first 3 characters"),
        ("SubStr(-4, -1)", "the last 4 characters"),
        ("SubStr(-1, -1)", "the last character"),
        ("SubStr(2, 5)", "characters 2 to 5"),
        ("SubStr(3, -1)", "everything from character 3"),
        ('GetUpto("@")', "everything up to the first '@'"),
        ('GetFrom(", ")', "everything after the first ', '"),
        ("GetAll(Digit)", "all the digits, joined"),
        ("GetFirst(Word, 2)", "the first 2 words, joined"),
        ("ToCase(AllCaps, x1)", "the input in capitals"),
        ("ToCase(Lower, GetToken(Word, 1))", "the first word in lower case"),
        ('Replace("-", "")', "the input with each '-' replaced by ''"),
        ("Trim(x1)", "the input without surrounding spaces"),
        (
            'If(PrefixOf("J", x1), "jay", GetToken(Word, 1))',
            "if the input starts with 'J': 'jay'; otherwise the first word",
        ),
        (
            "GetSpan(Word, 1, Start, Word, 2, End)",
            "the text from the start of the first word to the end of the 2nd word",
        ),
        (
            'Slice(Abs(0), Pos("@", 1, Start))',
            "the text from the start to the start of the first '@'",
        ),
        ('Concat(x2, " ", x1)', "column 2, then ' ', then the input"),
        ('"say \\"hi\\""', '"say \\"hi\\""'),
    ],
)
def test_describe(text: str, english: str) -> None:
    assert Program.parse(text, 2).describe() == english


def test_describe_learned_program() -> None:
    prog = likewise.learn([("John Smith", "Smith, J."), ("Jane Doe", "Doe, J.")], timeout=2)
    assert prog.describe() == "the last word, then ', ', then the first character, then '.'"

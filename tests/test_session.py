"""Resolving ambiguity: suggest(), Session, and flagged cells with their confidence."""

from __future__ import annotations

import math
import re

import pytest

import likewise
from likewise import Cell, InvalidInput, Session, Suggestion, suggest
from likewise.lang.syntax import parse
from likewise.session import rank_rows, unlike_examples
from likewise.synth import neural

# Email user names: two examples fit "the first word" as well as "everything before the @".
EMAIL_EXAMPLES = [("john@example.com", "john"), ("amy@acme.org", "amy")]
EMAIL_ROWS = ["x.y@foo.net", "bob-smith@mail.co.uk", "ann.lee@uni.edu", "zed@zed.io"]


def user_name(email: str) -> str:
    return email.split("@")[0]


def first_word(email: str) -> str:
    return re.match(r"[a-z]*", email).group()


def last_word(name: str) -> str:
    return name.split()[-1]


def check_suggestions(found: list[Suggestion], rows: list, k: int) -> None:
    assert len(found) <= k
    for s in found:
        assert isinstance(s, Suggestion)
        assert 0 <= s.index < len(rows)
        assert s.row == likewise.program.as_row(rows[s.index], len(s.row))
        # Rows the programs disagree on; after them, a row no example vouches for may come
        # with its one output (see likewise.session.unlike_examples).
        assert len(s.outputs) >= 2 or (s.outputs[0][1] == 1.0 and s.settles == 0)
        assert math.isclose(sum(w for _, w in s.outputs), 1.0, abs_tol=1e-9)
        weights = [w for _, w in s.outputs]
        assert weights == sorted(weights, reverse=True)
        assert all(0 < w <= 1 for w in weights)
        assert len({out for out, _ in s.outputs}) == len(s.outputs)
        assert 0.0 <= s.disagreement <= 1.0
        assert math.isclose(s.disagreement, 1 - s.outputs[0][1])
    assert len({s.index for s in found}) == len(found)
    assert all(s.settles >= 0 for s in found)
    keys = [(-s.settles, -s.disagreement, s.index) for s in found]
    assert keys == sorted(keys)


def test_suggest_returns_ambiguous_rows_ranked() -> None:
    found = suggest(EMAIL_EXAMPLES, EMAIL_ROWS, k=3, timeout=2)
    check_suggestions(found, EMAIL_ROWS, 3)
    assert found, "first word and 'before the @' disagree on dotted user names"
    # zed@zed.io is read the same way by every program.
    assert 3 not in {s.index for s in found}
    top = found[0]
    outs = {out for out, _ in top.outputs}
    assert user_name(EMAIL_ROWS[top.index]) in outs


def test_suggest_with_a_larger_spread_of_disagreement() -> None:
    rows = ["x@foo-bar.net", "bob@mail.co.uk", "ann.lee@uni.edu"]
    examples = [("john@example.com", "example"), ("amy@acme.org", "acme")]
    found = suggest(examples, rows, k=3, timeout=2)
    check_suggestions(found, rows, 3)
    assert len(found) >= 2


def test_suggest_k_limits_the_count() -> None:
    found = suggest(EMAIL_EXAMPLES, EMAIL_ROWS, k=1, timeout=2)
    check_suggestions(found, EMAIL_ROWS, 1)
    assert len(found) == 1
    assert found == suggest(EMAIL_EXAMPLES, EMAIL_ROWS, k=3, timeout=2)[:1]


def test_suggest_is_empty_when_every_program_agrees() -> None:
    examples = [("John Smith", "John"), ("Jane Doe", "Jane")]
    # Every program that fits the examples agrees on the examples' own inputs.
    assert suggest(examples, ["Jane Doe", "John Smith"], k=3, timeout=2) == []
    rows = ["Alexander Great", "Bo Li", "Mary Ann Lee", "Kate Bush"]
    check_suggestions(suggest(examples, rows, k=3, timeout=2), rows, 3)
    prog = likewise.learn(examples, inputs=rows, timeout=2)
    # Only the induction model's cross-check may lower the confidence, never below the flag.
    cells = prog.apply(rows, "flag")
    assert all(c.confidence >= 1 - neural.INDUCTION_WEIGHT and not c.uncertain for c in cells)


def test_suggest_with_no_rows() -> None:
    assert suggest(EMAIL_EXAMPLES, [], k=3, timeout=2) == []


def test_suggest_rejects_rows_with_the_wrong_column_count() -> None:
    with pytest.raises(InvalidInput):
        suggest(EMAIL_EXAMPLES, [("a", "b")], k=3, timeout=2)


def test_suggest_on_two_columns() -> None:
    examples = [(("John", "Smith"), "Smith, J."), (("Jane", "Doe"), "Doe, J.")]
    rows = [("Ada", "Lovelace"), ("Mary Ann", "Lee Jones"), ("Bo", "Li")]
    found = suggest(examples, rows, k=3, timeout=2)
    check_suggestions(found, rows, 3)


def test_rank_rows_directly() -> None:
    prog = likewise.learn(EMAIL_EXAMPLES, inputs=EMAIL_ROWS, timeout=2)
    rows = [(r,) for r in EMAIL_ROWS]
    found = rank_rows(prog, rows, 10)
    check_suggestions(found, rows, 10)
    for s in found:
        assert prog(s.row[0]) in {out for out, _ in s.outputs}
    # A program with no alternatives never disagrees with itself.
    alone = likewise.Program(prog.node, prog.ncols)
    assert rank_rows(alone, rows, 10) == []


def test_the_row_whose_answer_settles_most_rows_comes_first() -> None:
    # Four equally plausible programs. On the one-word row they split two ways (keep its case
    # or upper-case it), and so they do on each two-word row (first or last word), but the
    # answer for a two-word row settles all three of them.
    first, last = "GetToken(Word, 1)", "GetToken(Word, -1)"
    texts = [first, f'If(Contains(x1, " "), {first}, ToCase(AllCaps, x1))', last]
    texts.append(f'If(Contains(x1, " "), {last}, ToCase(AllCaps, x1))')
    progs = [likewise.Program(parse(t)) for t in texts]
    prog = likewise.Program(progs[0].node, alternatives=progs[1:])
    rows = [("ab",), ("c d",), ("e f",), ("g h",)]
    found = rank_rows(prog, rows, 4)
    check_suggestions(found, rows, 4)
    assert [s.index for s in found] == [1, 2, 3, 0]
    assert all(s.disagreement == pytest.approx(0.5) for s in found)
    assert [s.settles for s in found] == pytest.approx([1.5, 1.5, 1.5, 0.5])


def test_disagreement_of_an_empty_suggestion_is_zero() -> None:
    assert Suggestion(0, ("x",), ()).disagreement == 0.0
    assert Suggestion(0, ("x",), (("a", 0.7), ("b", 0.3))).disagreement == pytest.approx(0.3)


# --- flagged cells and confidence ----------------------------------------------------------


def test_apply_flag_gives_cells() -> None:
    prog = likewise.learn(EMAIL_EXAMPLES, inputs=EMAIL_ROWS, timeout=2)
    rows = [*EMAIL_ROWS, "no at sign here", ""]
    cells = prog.apply(rows, on_uncertain="flag")
    assert len(cells) == len(rows)
    assert [c.value for c in cells] == prog.apply(rows)
    for row, cell in zip(rows, cells, strict=True):
        assert isinstance(cell, Cell)
        assert 0.0 <= cell.confidence <= 1.0
        assert cell.confidence == pytest.approx(prog.confidence(row))
        if cell.value is None:
            assert cell.uncertain
            assert cell.confidence == 0.0
        assert cell.uncertain == (cell.value is None or cell.confidence < 0.75)
    by_row = dict(zip(rows, cells, strict=True))
    assert by_row[""].value is None and by_row[""].uncertain
    assert not by_row["zed@zed.io"].uncertain
    assert by_row["zed@zed.io"].confidence == 1.0
    assert any(c.uncertain and c.value is not None for c in cells)


def test_apply_rejects_unknown_on_uncertain() -> None:
    prog = likewise.learn(EMAIL_EXAMPLES, timeout=2)
    for bad in ("skip", "FLAG", "", None):
        with pytest.raises(InvalidInput, match="on_uncertain"):
            prog.apply(EMAIL_ROWS, on_uncertain=bad)


def test_confidence_of_a_program_alone_is_all_or_nothing() -> None:
    prog = likewise.Program.parse("GetToken(Word, 2)")
    assert prog.confidence("Alan Turing") == 1.0
    assert prog.confidence("Alan") == 0.0
    assert prog.apply(["Alan"], on_uncertain="flag") == [Cell(None, 0.0, True)]
    assert prog.apply(["Alan Turing"], on_uncertain="flag") == [Cell("Turing", 1.0, False)]


def test_confidence_on_two_columns_and_bad_rows() -> None:
    prog = likewise.learn([(("John", "Smith"), "Smith, J."), (("Jane", "Doe"), "Doe, J.")])
    c = prog.confidence("Ada", "Lovelace")
    assert 0.0 < c <= 1.0
    with pytest.raises(InvalidInput):
        prog.confidence("only one column")


# --- Session -------------------------------------------------------------------------------


def test_session_relearns_after_a_disambiguating_example() -> None:
    s = Session(EMAIL_EXAMPLES, rows=EMAIL_ROWS, timeout=2)
    before = s.program
    assert before is s.program  # cached until something changes
    assert [before(r) for r in EMAIL_ROWS] != [first_word(r) for r in EMAIL_ROWS]
    s.add_example("x.y@foo.net", "x")
    after = s.program
    assert after != before
    assert [after(r) for r in EMAIL_ROWS] == [first_word(r) for r in EMAIL_ROWS]
    # Nothing is left to disagree on: only the row of a format no example shows is worth a
    # look, with its one output.
    assert [(s.index, s.outputs) for s in s.suggest()] == [(1, (("bob", 1.0),))]
    cells = s.apply()
    assert [c.value for c in cells] == [first_word(r) for r in EMAIL_ROWS]
    assert all(isinstance(c, Cell) and not c.uncertain for c in cells)


def test_session_add_rows_relearns_and_suggests_among_them() -> None:
    s = Session(timeout=2)
    assert s.examples == [] and s.rows == []
    s.add_example("john@example.com", "john")
    s.add_example("amy@acme.org", "amy")
    first = s.program
    assert s.suggest() == []  # no rows yet
    assert s.apply() == []
    s.add_rows(EMAIL_ROWS)
    assert s.rows == EMAIL_ROWS
    found = s.suggest(2)
    check_suggestions(found, EMAIL_ROWS, 2)
    assert found
    assert s.program is not first  # rows changed, so the program was relearned
    cells = s.apply()
    assert len(cells) == len(EMAIL_ROWS)
    assert all(0.0 <= c.confidence <= 1.0 for c in cells)


def test_session_with_no_examples_raises() -> None:
    s = Session(rows=["a"], timeout=1)
    with pytest.raises(likewise.InvalidExamples):
        _ = s.program


def test_session_docstring_example() -> None:
    s = Session(rows=["Alan Turing", "Grace Hopper"], timeout=2)
    s.add_example("John Smith", "Smith, J.")
    assert s.program("Grace Hopper") == "Hopper, G."


# --- the ask protocol, simulated -----------------------------------------------------------


def ask_until_settled(examples, rows, truth, questions: int):
    """Answer suggest()'s top question with the true output, ``questions`` times at most."""
    examples = list(examples)
    asked = []
    for _ in range(questions):
        found = suggest(examples, rows, k=1, timeout=2)
        if not found:
            break
        n = found[0].index
        asked.append(n)
        examples.append((rows[n], truth(rows[n])))
    return likewise.learn(examples, inputs=rows, timeout=2), asked


@pytest.mark.parametrize(
    ("examples", "rows", "truth"),
    [
        (EMAIL_EXAMPLES, EMAIL_ROWS, first_word),
        ([("Anna Smith", "Smith"), ("Bo Li", "Li")], ["Mary Ann Lee", "Alan M Turing"], last_word),
    ],
)
def test_answering_suggestions_fixes_the_program(examples, rows, truth) -> None:
    before = likewise.learn(examples, inputs=rows, timeout=2)
    if truth is first_word:
        assert any(before(r) != truth(r) for r in rows), "the task should start out wrong"
    prog, asked = ask_until_settled(examples, rows, truth, questions=3)
    assert asked
    assert [prog(r) for r in rows] == [truth(r) for r in rows]


def test_one_answer_settles_the_user_name_task() -> None:
    prog, asked = ask_until_settled(EMAIL_EXAMPLES, EMAIL_ROWS, user_name, questions=1)
    assert len(asked) == 1
    assert [prog(r) for r in EMAIL_ROWS] == [user_name(r) for r in EMAIL_ROWS]
    assert prog("first.last@host.com") == "first.last"


def test_one_answer_settles_a_conditional_branch() -> None:
    # Two examples of a conditional leave its branch a constant or a text built from the
    # input: the rows where those disagree are worth asking about, and one answer settles it.
    examples = [("0", "Out of stock"), ("45", "In stock (45)")]
    rows = ["144", "0", "7", "45"]

    def truth(row: str) -> str:
        return f"In stock ({row})" if row != "0" else "Out of stock"

    assert likewise.learn(examples, inputs=rows, timeout=2)("144") != truth("144")
    found = suggest(examples, rows, k=3, timeout=2)
    check_suggestions(found, rows, 3)
    assert found and {out for out, _ in found[0].outputs} >= {truth(rows[found[0].index])}
    prog, asked = ask_until_settled(examples, rows, truth, questions=1)
    assert len(asked) == 1
    assert [prog(r) for r in [*rows, "980"]] == [truth(r) for r in [*rows, "980"]]


def test_suggest_asks_where_rounding_rules_disagree() -> None:
    # "254.03 -> 254", "-399.67 -> -400": rounding half up and rounding down (floor) both fit.
    examples = [("254.03", "254"), ("-399.67", "-400")]
    rows = ["470.30", "322.60", "482.08"]
    found = suggest(examples, rows, k=3, timeout=2)
    assert found[0].index == 1
    assert {out for out, _ in found[0].outputs} == {"323", "322"}


def test_shape_of_a_row() -> None:
    from likewise.session import shape

    assert shape(("(555) 123-4567",)) == "(9) 9-9|"
    assert shape(("Ada", "x1")) == "a|a9|"


def test_suggest_asks_about_a_row_of_an_unseen_format() -> None:
    examples = [("John Smith", "John"), ("Jane Doe", "Jane")]
    rows = ["Jane Doe", "Li  Wei"]  # the second has a double space: no example looks like it
    found = suggest(examples, rows, k=3, timeout=2)
    check_suggestions(found, rows, 3)
    assert [s.index for s in found] == [1]


def test_rows_no_example_vouches_for_come_most_telling_first() -> None:
    prog = likewise.Program(parse("SubStr(1, 3)"))
    examples = [("abc-d", "abc"), ("xyzw-v", "xyz")]
    rows = [("ab-cd",), ("no",), ("q r",), ("abcd-e",)]
    # "no": no value; "q r": a format no example shows; "ab-cd": an output of a format no
    # example's output shows; "abcd-e" looks like the examples in and out.
    assert unlike_examples(prog, examples, rows) == [1, 2, 0]


def test_a_row_with_a_recurring_word_no_example_shows_is_worth_asking() -> None:
    # Every program agrees on every row. "http" recurs in the rows and no example shows it:
    # its three rows are a kind of their own, before the two of a format no example shows.
    prog = likewise.Program(parse('Concat("https://", GetToken(Field("/"), -1))'))
    examples = [
        ("site.com", "https://site.com"),
        ("https://www.ab-cd.net", "https://www.ab-cd.net"),
    ]
    rows = [("https://new.com",), ("http://x-y.biz",), ("http://www.z.net",), ("http://q.org",)]
    assert unlike_examples(prog, examples, rows) == [1, 2, 3, 0]
    # A word that one row alone holds is no kind of row.
    assert unlike_examples(prog, examples, rows[:2]) == [0, 1]


def test_an_answer_is_never_read_as_a_typo() -> None:
    examples = [("yes ", "Yes"), ("NO", "No"), ("n", "No")]
    # Beside two examples, "No" for "n" reads as "N" typed with an "o" too many.
    assert likewise.learn(examples, timeout=2).suspect_examples == [(2, "No", "N")]
    # Given as the answer to a question, it is meant.
    prog = likewise.learn(examples, timeout=2, trusted=[2])
    assert prog.suspect_examples == [] and prog("n") == "No"
    # A repeat of a trusted example is trusted too.
    prog = likewise.learn([*examples[:2], examples[2], examples[2]], timeout=2, trusted=[3])
    assert prog.suspect_examples == [] and prog("n") == "No"
    session = Session(examples[:2], rows=["n", "y"], timeout=2)
    session.add_example("n", "No", trusted=True)
    assert session.trusted == {2} and session.program("n") == "No"
    assert session.drop_last_example() == ("n", "No") and session.trusted == set()
    assert session.program("n") == "N"


@pytest.mark.parametrize("trusted", [[3], [-1], [True], ["0"], 0, "0", None])
def test_trusted_must_name_examples(trusted) -> None:
    with pytest.raises(likewise.InvalidExamples, match="trusted must list indices of the 3"):
        likewise.learn([("a", "A"), ("b", "B"), ("c", "C")], trusted=trusted)


def test_numbers_beyond_the_examples_range_are_worth_asking_farthest_first() -> None:
    prog = likewise.Program(parse('If(AtLeast("0"), "mild", "cold")'))
    examples = [("-15", "cold"), ("23", "mild")]
    rows = [("5",), ("44",), ("-2",), ("300",), ("-40",)]
    assert unlike_examples(prog, examples, rows) == [3, 4, 1]


def test_a_number_just_past_the_examples_range_is_not_worth_asking() -> None:
    prog = likewise.Program(parse('If(AtLeast("0"), Concat("+", x1), x1)'))
    examples = [("487", "+487"), ("-358", "-358")]
    rows = [("-412",), ("139",), ("5200",)]  # -412 is hardly further out than -358
    assert unlike_examples(prog, examples, rows) == [2]


def test_suggest_asks_beyond_the_examples_when_every_program_agrees() -> None:
    # A third label ("hot") may lie where no example reached; every program learned from
    # these two examples agrees on every row, so the row beyond their range is asked. (A row
    # between -15 and 0 would be asked first: "at least 0" and "above -15" disagree there.)
    examples = [("-15", "cold"), ("23", "mild")]
    rows = ["5", "44", "17", "12"]
    found = suggest(examples, rows, k=3, timeout=2)
    assert [(s.index, s.outputs) for s in found] == [(1, (("mild", 1.0),))]
    session = Session(examples, rows=rows, timeout=2)
    assert session.suggest() == found

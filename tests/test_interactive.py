"""``likewise apply --interactive``: scripted answers through CliRunner, a real process, and
``likewise.interactive.run`` driven directly with a fake ``ask``."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import likewise
from likewise import interactive
from likewise.cli import app

SRC = Path(__file__).resolve().parent.parent / "src"
ROWS = [
    ("1", "john@example.com", "Oslo"),
    ("2", "amy@acme.org", "Rome"),
    ("3", "x.y@foo.net", "Lima"),
    ("4", "bob-smith@mail.co.uk", "Kyiv"),
    ("5", "ann.lee@uni.edu", "Baku"),
]
EXAMPLES = ["-e", "john@example.com => john", "-e", "amy@acme.org => amy"]
FIRST_WORD = ["john", "amy", "x", "bob", "ann"]
USER_NAME = ["john", "amy", "x.y", "bob-smith", "ann.lee"]
QUESTION = "row 3 'x.y@foo.net' could be:"
BEFORE_AT = 'GetToken(Field("@"), 1)'  # what the two examples fill by default


@pytest.fixture
def emails(tmp_path: Path) -> Path:
    path = tmp_path / "emails.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "email", "city"])
        w.writerows(ROWS)
    return path


def run_cli(path: Path | str, answers: str, *extra: str):
    args = ["apply", "--interactive", str(path), "--column", "email", "--timeout", "2", *extra]
    return CliRunner().invoke(app, args, input=answers)


def filled(stdout: str, column: str = "email") -> list[str]:
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert [(r["id"], r["city"]) for r in rows] == [(i, c) for i, _, c in ROWS]
    return [r[column] for r in rows]


# --- through CliRunner ---------------------------------------------------------------------


def test_enter_accepts_the_preview(emails: Path) -> None:
    r = run_cli(emails, "\n", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert f"program  {BEFORE_AT}" in r.stderr
    assert "the first '@'-separated part" in r.stderr
    assert "john@example.com" in r.stderr  # the preview table
    assert "5 rows, 3 uncertain" in r.stderr
    assert QUESTION in r.stderr
    assert "1) 'x.y'" in r.stderr and "2) 'x'" in r.stderr
    assert f"likewise: program {BEFORE_AT}" in r.stderr
    assert r.stdout.splitlines()[0] == "id,email,city"
    assert filled(r.stdout) == USER_NAME
    assert "john@example.com" not in r.stdout  # the preview stays on stderr


def test_typing_the_output_changes_the_program(emails: Path) -> None:
    r = run_cli(emails, "x\n\n", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert QUESTION in r.stderr
    # Then nothing is left to disagree on, but one row is of a format no example shows.
    unlike = "no example looks like row 4 'bob-smith@mail.co.uk', which gets 'bob'"
    assert "every row has one plausible output; " + unlike in " ".join(r.stderr.split())
    assert "likewise: program GetToken(Word, 1)" in r.stderr
    assert filled(r.stdout) == FIRST_WORD


def test_a_number_picks_that_competing_output(emails: Path) -> None:
    r = run_cli(emails, "2\n\n", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert filled(r.stdout) == FIRST_WORD
    r = run_cli(emails, "1\n\n", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert filled(r.stdout) == USER_NAME


def test_an_out_of_range_number_is_taken_as_typed_text(emails: Path) -> None:
    # "9" is not one of the two listed choices: it becomes the typed output for row 3.
    r = run_cli(emails, "9\nq\n", *EXAMPLES)
    assert r.exit_code == 0
    assert r.stdout == ""
    # The answer became an example: the program was learned again with it, and row 3 is not
    # asked about again.
    assert r.stderr.count("program  ") == 2 and r.stderr.count(QUESTION) == 1, r.stderr
    # An answer is what the user means, never read as a typo (of "y", one edit away): the
    # fill writes it.
    r = run_cli(emails, "9\n\n", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert filled(r.stdout)[2] == "9"


def test_q_writes_nothing_and_exits_zero(emails: Path) -> None:
    r = run_cli(emails, "q\n", *EXAMPLES)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert "stopped without writing anything" in r.stderr
    r = run_cli(emails, "Q\n", *EXAMPLES)
    assert r.exit_code == 0 and r.stdout == ""


def test_end_of_input_is_like_q(emails: Path) -> None:
    r = run_cli(emails, "", *EXAMPLES)
    assert r.exit_code == 0
    assert r.stdout == ""
    assert "stopped without writing anything" in r.stderr


def test_stdin_as_the_file_is_a_usage_error() -> None:
    r = CliRunner().invoke(
        app, ["apply", "--interactive", "-", "--column", "email", *EXAMPLES], input="\n"
    )
    assert r.exit_code == 2
    assert "--interactive needs a FILE" in r.stderr
    assert r.stdout == ""


def test_an_impossible_example_is_dropped_and_the_loop_goes_on(emails: Path) -> None:
    # Labeling row 1 with another output than its example: no program can give both.
    r = run_cli(emails, "row 1\nnope\nx.y\n\n", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert "same input 'john@example.com'" in r.stderr
    assert "dropped the last example 'john@example.com' => 'nope'" in r.stderr
    assert r.stderr.count(QUESTION) == 2  # asked again after the drop
    assert filled(r.stdout) == USER_NAME


def test_row_n_labels_another_row(emails: Path) -> None:
    r = run_cli(emails, "row 4\nbob-smith\n\n", *EXAMPLES)
    assert r.exit_code == 0, r.output
    assert "output for row 4 'bob-smith@mail.co.uk'" in r.stderr
    assert filled(r.stdout) == USER_NAME


def test_without_examples_it_asks_for_row_one(emails: Path) -> None:
    r = run_cli(emails, "john\n\n")
    assert r.exit_code == 0, r.output
    assert "output for row 1 'john@example.com'" in r.stderr
    assert filled(r.stdout) == USER_NAME


def test_output_column_keeps_the_input(emails: Path) -> None:
    r = run_cli(emails, "x.y\n\n", *EXAMPLES, "--output-column", "user")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "id,email,city,user"
    assert filled(r.stdout, "user") == USER_NAME
    assert filled(r.stdout, "email") == [e for _, e, _ in ROWS]


def test_plain_text_file_without_column(tmp_path: Path) -> None:
    path = tmp_path / "names.txt"
    path.write_text("John Smith\nJane Doe\nAlan Turing\n", encoding="utf-8")
    r = CliRunner().invoke(
        app,
        ["apply", "--interactive", str(path), "-e", "John Smith => Smith, J.", "--timeout", "2"],
        input="\n",
    )
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["Smith, J.", "Doe, J.", "Turing, A."]


def test_conflicting_initial_examples_do_not_crash(emails: Path) -> None:
    examples = ["-e", "john@example.com => a", "-e", "john@example.com => b"]
    examples += ["-e", "amy@acme.org => amy"]
    r = run_cli(emails, "\n", *examples)
    assert not isinstance(r.exception, likewise.LikewiseError), r.exception
    assert r.exit_code in (0, 2)


# --- as a real process ---------------------------------------------------------------------


def test_real_process_with_typed_answers(emails: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200"}
    cmd = [sys.executable, "-c", "from likewise.cli import main; main()"]
    cmd += ["apply", "--interactive", str(emails), "--column", "email", "--timeout", "2"]
    cmd += EXAMPLES
    done = subprocess.run(
        cmd, input="x\n\n", capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert QUESTION in done.stderr
    assert f"program  {BEFORE_AT}" in done.stderr
    assert "likewise: program GetToken(Word, 1)" in done.stderr
    assert filled(done.stdout) == FIRST_WORD

    quit_ = subprocess.run(
        cmd, input="q\n", capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert quit_.returncode == 0
    assert quit_.stdout == ""


# --- interactive.run with a fake ask -------------------------------------------------------


class Script:
    """Answers prompts from a list, recording each prompt."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        assert self.answers, f"asked more than scripted: {prompt!r}"
        return self.answers.pop(0)


def console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, width=200, color_system=None), buf


EMAILS = [e for _, e, _ in ROWS]
PAIRS = [("john@example.com", "john"), ("amy@acme.org", "amy")]


def test_run_accepts_with_enter() -> None:
    con, buf = console()
    ask = Script("")
    prog = interactive.run(EMAILS, PAIRS, con, ask, timeout=2)
    assert prog is not None
    assert prog.apply(EMAILS) == USER_NAME
    assert len(ask.prompts) == 1 and ask.prompts[0].startswith("row 3 ")
    out = buf.getvalue()
    assert QUESTION in out
    assert "3 uncertain" in out and "x.y ?" in out


def test_run_typed_answer_relearns() -> None:
    con, buf = console()
    ask = Script("x", "")
    prog = interactive.run(EMAILS, PAIRS, con, ask, timeout=2)
    assert prog is not None
    assert prog.apply(EMAILS) == FIRST_WORD
    # Nothing is left to disagree on; the row of a format no example shows is shown.
    assert ask.prompts[1].startswith("row 4 (type its output, 1 to confirm it")
    assert "0 uncertain" in buf.getvalue()


def test_run_one_confirms_the_output_of_a_row_unlike_the_examples() -> None:
    con, _ = console()
    ask = Script("x", "1", "")
    prog = interactive.run(EMAILS, PAIRS, con, ask, timeout=2)
    assert prog is not None and prog.apply(EMAILS) == FIRST_WORD
    # "1" made row 4's output an example, so it is not shown again.
    assert ask.prompts[1].startswith("row 4 (") and ask.prompts[2].startswith("Enter to accept")


def test_run_quit_returns_none() -> None:
    con, _ = console()
    assert interactive.run(EMAILS, PAIRS, con, Script(" q "), timeout=2) is None


def test_run_on_an_empty_column() -> None:
    con, buf = console()
    ask = Script()
    assert interactive.run([], PAIRS, con, ask, timeout=1) is None
    assert "the column is empty" in buf.getvalue()
    assert ask.prompts == []


def test_run_without_examples_skips_empty_answers() -> None:
    con, _ = console()
    ask = Script("", "john", "")
    prog = interactive.run(EMAILS, [], con, ask, timeout=2)
    assert prog is not None and prog("ann@x.org") == "ann"
    assert ask.prompts[0].startswith("output for row 1 'john@example.com'")
    assert ask.prompts[1].startswith("output for row 1 ")


def test_run_choice_without_a_value_asks_again() -> None:
    # For 'ann.lee@uni.edu' one of the plausible programs has no value.
    rows = ["x@foo-bar.net", "bob@mail.co.uk", "ann.lee@uni.edu"]
    pairs = [("john@example.com", "example"), ("amy@acme.org", "acme")]
    found = likewise.suggest(pairs, rows, k=1, timeout=2)
    assert found
    choices = [out for out, _ in found[0].outputs]
    if None not in choices:
        pytest.skip("no competing program without a value here")
    con, buf = console()
    pick = str(choices.index(None) + 1)
    ask = Script(pick, "q")
    assert interactive.run(rows, pairs, con, ask, timeout=2) is None
    assert "that choice has no value; type the output instead" in buf.getvalue()
    assert "(no value)" in buf.getvalue()
    assert len(ask.prompts) == 2


def test_run_row_command_out_of_range_is_ignored() -> None:
    con, _ = console()
    ask = Script("row 99", "row 0", "")
    prog = interactive.run(EMAILS, PAIRS, con, ask, timeout=2)
    assert prog is not None and prog.apply(EMAILS) == USER_NAME
    assert len(ask.prompts) == 3

"""The ``likewise`` command line, driven through typer's CliRunner and as a real process."""

from __future__ import annotations

import ast
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from likewise.cli import app, parse_example

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PEOPLE = FIXTURES / "people.csv"
SUITE = FIXTURES / "tiny_suite.json"

NAMES = ["-e", "John Smith => Smith, J.", "-e", "Jane Doe => Doe, J."]
SHORT = 'Concat(GetToken(Word, -1), ", ", SubStr(1, 1), ".")'
IMPOSSIBLE = ["-e", "abc => q", "-e", "def => r", "-e", "ghi => s", "-e", "jkl => t"]
IMPOSSIBLE += ["-e", "mno => u"]  # five constants: more than a decision list routes


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# ------------------------------------------------------------------------------------ learn


def test_learn_prints_the_program(runner):
    r = invoke(runner, "learn", *NAMES)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip() == SHORT


def test_learn_alternatives(runner):
    r = invoke(runner, "learn", *NAMES, "--alternatives", "2")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == SHORT
    assert len(lines) == 3
    assert all(line.startswith("  or: ") for line in lines[1:])


def test_learn_several_columns(runner):
    r = invoke(
        runner, "learn", "-e", "Launa | Withers => Withers, L.", "-e", "Brendan | Hage => Hage, B."
    )
    assert r.exit_code == 0
    assert "x2" in r.stdout


def test_parse_example():
    assert parse_example("a | b => c => d") == (("a", "b"), "c => d")
    assert parse_example("x => ") == (("x",), "")


def test_bad_example_syntax(runner):
    r = invoke(runner, "learn", "-e", "John Smith -> Smith")
    assert r.exit_code == 2
    assert "'=>'" in r.stderr
    assert "John Smith -> Smith" in r.stderr
    assert r.stdout == ""


def test_no_examples_is_a_usage_error(runner):
    r = invoke(runner, "learn")
    assert r.exit_code == 2
    assert "-e" in r.stderr


def test_contradictory_examples_exit_2(runner):
    r = invoke(runner, "learn", "-e", "a => 1", "-e", "a => 2")
    assert r.exit_code == 2
    assert "examples 1 and 2" in r.stderr


def test_no_program_found_exits_1(runner):
    r = invoke(runner, "learn", *IMPOSSIBLE, "--timeout", "0.5")
    assert r.exit_code == 1
    assert "no program found" in r.stderr
    assert r.stdout == ""


def test_bad_timeout_exits_2(runner):
    r = invoke(runner, "learn", *NAMES, "--timeout", "0")
    assert r.exit_code == 2
    assert "timeout" in r.stderr


# ------------------------------------------------------------------------------------ apply


def test_apply_text_file(runner, tmp_path):
    f = tmp_path / "names.txt"
    f.write_text("Alan Turing\nGrace Hopper\r\nAda Lovelace", encoding="utf-8")
    r = invoke(runner, "apply", *NAMES, str(f))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "Turing, A.\nHopper, G.\nLovelace, A.\n"
    assert SHORT in r.stderr  # the learned program is reported on stderr


def test_apply_stdin(runner):
    r = invoke(runner, "apply", *NAMES, "-", input="Alan Turing\nGrace Hopper\n")
    assert r.exit_code == 0
    assert r.stdout == "Turing, A.\nHopper, G.\n"
    r = invoke(runner, "apply", *NAMES, input="Alan Turing\n")  # FILE defaults to -
    assert r.stdout == "Turing, A.\n"


def test_apply_rows_without_value_are_empty_and_counted(runner):
    r = invoke(runner, "apply", "--program", "GetToken(Word, 2)", "-", input="a b\nsolo\n\nc d\n")
    assert r.exit_code == 0
    assert r.stdout == "b\n\n\nd\n"
    assert "2 row(s)" in r.stderr


def test_apply_program_option(runner, tmp_path):
    f = tmp_path / "names.txt"
    f.write_text("Alan Turing\nCher\n", encoding="utf-8")
    r = invoke(runner, "apply", "--program", "GetToken(Word, -1)", str(f))
    assert r.exit_code == 0
    assert r.stdout == "Turing\nCher\n"
    assert "row(s)" not in r.stderr


def test_apply_bad_program_text(runner):
    r = invoke(runner, "apply", "--program", "Bogus(", "-", input="x\n")
    assert r.exit_code == 2
    assert "--program" in r.stderr


def test_apply_multi_column_program_refused(runner):
    r = invoke(runner, "apply", "--program", "Concat(x1, x2)", "-", input="x\n")
    assert r.exit_code == 2
    assert "2 columns" in r.stderr


def test_apply_csv_column_replaces_in_place(runner):
    r = invoke(runner, "apply", "--column", "name", "--program", "GetToken(Word, -1)", str(PEOPLE))
    assert r.exit_code == 0, r.stderr
    with PEOPLE.open(encoding="utf-8", newline="") as f:
        original = list(csv.reader(f))
    rows = csv_rows(r.stdout)
    assert rows[0] == original[0]
    assert [row[0] for row in rows[1:]] == ["John", "Doe", "Cher"]
    # The other columns come through unchanged, embedded commas and quotes included.
    assert [row[1:] for row in rows] == [row[1:] for row in original]
    assert '"Paris, France"' in r.stdout
    assert '"says ""hi"""' in r.stdout


def test_apply_csv_output_column(runner):
    prog = 'Concat(GetToken(Word, -1), ", ", SubStr(1, 1))'
    r = invoke(
        runner,
        "apply",
        "--column",
        "name",
        "--output-column",
        "short",
        "--program",
        prog,
        str(PEOPLE),
    )
    assert r.exit_code == 0, r.stderr
    with PEOPLE.open(encoding="utf-8", newline="") as f:
        original = list(csv.reader(f))
    rows = csv_rows(r.stdout)
    assert rows[0] == [*original[0], "short"]
    assert [row[:-1] for row in rows[1:]] == original[1:]
    assert [row[-1] for row in rows[1:]] == ["John, S", "Doe, J", "Cher, C"]
    assert r.stdout.splitlines()[1] == '"Smith, John",Seattle,"says ""hi""","John, S"'


def test_apply_csv_learned(runner):
    r = invoke(
        runner,
        "apply",
        "--column",
        "city",
        "--output-column",
        "first",
        "-e",
        "Los Angeles => Los",
        "-e",
        "New York => New",
        str(PEOPLE),
    )
    assert r.exit_code == 0, r.stderr
    rows = csv_rows(r.stdout)
    assert [row[-1] for row in rows] == ["first", "Seattle", "Paris", "Los"]


CODES = ["-e", "BN-19244 => 19244", "-e", "XH-34790 => discontinued", "-e", "AE-23711 => 23711"]
CODE_ROWS = ["XK-82156", "AJ-89714", "XN-74711", "PC-99636", "XD-26820"]
CODE_FILL = ["discontinued", "89714", "discontinued", "99636", "discontinued"]


@pytest.mark.parametrize("table", [False, True])
def test_apply_learns_with_the_first_rows_of_the_file(runner, tmp_path, table):
    # The examples cannot tell "contains XH" from "starts with X"; the file's rows can.
    src = tmp_path / ("codes.csv" if table else "codes.txt")
    src.write_text("\n".join(["code", *CODE_ROWS] if table else CODE_ROWS) + "\n")
    column = ["--column", "code", "--engine", "python"] if table else []
    r = invoke(runner, "apply", *column, *CODES, str(src))
    assert r.exit_code == 0, r.stderr
    out = [row[0] for row in csv_rows(r.stdout)[1:]] if table else r.stdout.splitlines()
    assert out == CODE_FILL
    # From standard input, read once as it is applied, the examples alone decide.
    r = invoke(runner, "apply", *CODES, "-", input="\n".join(CODE_ROWS) + "\n")
    assert r.stdout.splitlines()[0] == "82156"


def test_apply_unknown_column(runner):
    r = invoke(runner, "apply", "--column", "nope", "--program", "x1", str(PEOPLE))
    assert r.exit_code == 2
    assert "'nope'" in r.stderr
    assert "name, city, note" in r.stderr


def test_apply_output_column_on_ragged_rows(runner, tmp_path):
    f = tmp_path / "ragged.csv"
    f.write_text("name,city\nBob Smith\nAda Lovelace,London\n", encoding="utf-8")
    r = invoke(
        runner,
        "apply",
        "--column",
        "name",
        "--output-column",
        "short",
        "--program",
        "GetToken(Word, -1)",
        str(f),
    )
    assert r.exit_code == 0
    rows = csv_rows(r.stdout)
    header = rows[0]
    assert header == ["name", "city", "short"]
    short = header.index("short")
    assert [row[short] if short < len(row) else None for row in rows[1:]] == [
        "Smith",
        "Lovelace",
    ]


def test_apply_csv_with_byte_order_mark(runner, tmp_path):
    f = tmp_path / "bom.csv"
    f.write_bytes(b"\xef\xbb\xbfname,city\nBob Smith,Oslo\n")
    r = invoke(runner, "apply", "--column", "name", "--program", "GetToken(Word, -1)", str(f))
    assert r.exit_code == 0, r.stderr
    assert csv_rows(r.stdout)[1] == ["Smith", "Oslo"]


def test_apply_empty_csv(runner, tmp_path):
    f = tmp_path / "empty.csv"
    f.write_text("", encoding="utf-8")
    r = invoke(runner, "apply", "--column", "name", "--program", "x1", str(f))
    assert r.exit_code == 2
    assert "empty" in r.stderr


def test_apply_missing_file(runner, tmp_path):
    missing = tmp_path / "does-not-exist.txt"
    r = invoke(runner, "apply", "--program", "x1", str(missing))
    assert r.exit_code == 2
    assert "cannot read" in r.stderr
    assert str(missing) in r.stderr


def test_apply_non_utf8_file(runner, tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("café\nnaïve\n".encode("latin-1"))
    r = invoke(runner, "apply", "--program", "x1", str(f))
    assert r.exit_code == 2
    assert "not UTF-8" in r.stderr


# ----------------------------------------------------------------------------------- export


def test_export_python(runner):
    r = invoke(runner, "export", "--to", "python", *NAMES)
    assert r.exit_code == 0, r.stderr
    tree = ast.parse(r.stdout)
    assert any(isinstance(n, ast.FunctionDef) and n.name == "transform" for n in tree.body)
    namespace: dict = {}
    exec(r.stdout, namespace)
    assert namespace["transform"]("Alan Turing") == "Turing, A."
    assert namespace["transform"]("Cher") == "Cher, C."
    assert namespace["transform"]("") is None


def test_export_custom_name_and_errors(runner):
    r = invoke(runner, "export", *NAMES, "--name", "shorten")
    assert r.exit_code == 0
    namespace: dict = {}
    exec(r.stdout, namespace)
    assert namespace["shorten"]("Grace Hopper") == "Hopper, G."
    r = invoke(runner, "export", *NAMES, "--to", "rust")
    assert r.exit_code == 2
    assert "python" in r.stderr
    r = invoke(runner, "export", *NAMES, "--name", "not an identifier")
    assert r.exit_code == 2


# ------------------------------------------------------------------------------------ bench


def test_bench_json_suite(runner, tmp_path):
    out = tmp_path / "results.json"
    r = invoke(runner, "bench", str(SUITE), "--timeout", "0.5", "--json", str(out))
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    rows = {
        line.split()[0]: line
        for line in lines
        if line and not line[0].isdigit() and not line.startswith("by category")
    }
    assert set(rows) == {"short-name", "first-word-only", "impossible"}
    assert "generalized" in rows["short-name"] and "held-out ok" in rows["short-name"]
    assert "held-out WRONG" in rows["first-word-only"]
    assert "failed" in rows["impossible"]
    summary = lines[-1]
    assert summary.startswith("3 tasks: 2 consistent, 1/2 generalized, 1 failed, 0 unsupported")
    doc = json.loads(out.read_text(encoding="utf-8"))
    s = doc["summary"]
    assert (s["tasks"], s["consistent"], s["generalized"], s["with_held_out"]) == (3, 2, 1, 2)
    assert (s["failed"], s["unsupported"]) == (1, 0)
    assert doc["meta"]["timeout"] == 0.5
    assert doc["meta"]["observe"] is None
    by_name = {x["name"]: x for x in doc["results"]}
    assert by_name["short-name"]["status"] == "generalized"
    assert by_name["first-word-only"]["status"] == "consistent"
    assert by_name["first-word-only"]["generalized"] is False
    assert by_name["impossible"]["status"] == "failed"
    assert by_name["impossible"]["error"]


def test_bench_observe(runner, tmp_path):
    out = tmp_path / "results.json"
    r = invoke(
        runner, "bench", str(SUITE), "--timeout", "0.5", "--observe", "1", "--json", str(out)
    )
    assert r.exit_code == 0, r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["meta"]["observe"] == 1
    by_name = {x["name"]: x for x in doc["results"]}
    # With one example shown, the five-constant task is easy on the shown row and the other
    # four rows are held out, where a constant cannot be right.
    assert by_name["impossible"]["consistent"] is True
    assert by_name["impossible"]["generalized"] is False
    s = doc["summary"]
    assert s["tasks"] == 3 and s["failed"] == 0 and s["with_held_out"] == 3
    assert r.stdout.splitlines()[-1].startswith("3 tasks: 3 consistent")


def test_bench_missing_suite(runner, tmp_path):
    r = invoke(runner, "bench", str(tmp_path / "nope.json"))
    assert r.exit_code == 2
    assert "no such file" in r.stderr


def test_bench_malformed_suite(runner, tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('{"tasks": [{"name": "x", "train": []}]}', encoding="utf-8")
    r = invoke(runner, "bench", str(f))
    assert r.exit_code == 2
    assert "train" in r.stderr


# ------------------------------------------------------------------------- real processes


def _cli(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from likewise.cli import main; main()", *args],
        input=input,
        capture_output=True,
        timeout=60,
    )


def test_subprocess_apply_stdin_and_learn():
    p = _cli("apply", *NAMES, "-", input=b"Alan Turing\nGrace Hopper\n")
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode("utf-8") == "Turing, A.\nHopper, G.\n"
    assert SHORT in p.stderr.decode("utf-8")


def test_subprocess_exit_codes(tmp_path):
    p = _cli("learn", "-e", "no arrow here")
    assert p.returncode == 2
    assert b"=>" in p.stderr
    f = tmp_path / "bad.txt"
    f.write_bytes(b"\xff\xfe\x00bad\n")
    p = _cli("apply", "--program", "x1", str(f))
    assert p.returncode == 2
    assert b"UTF-8" in p.stderr


def test_subprocess_unicode_round_trip(tmp_path):
    f = tmp_path / "u.txt"
    f.write_text("😀 smile\nה שלום\nna\u0308ive x\n", encoding="utf-8")
    p = _cli("apply", "--program", "GetToken(Word, -1)", str(f))
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode("utf-8") == "smile\nשלום\nx\n"

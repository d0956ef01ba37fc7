"""``likewise apply`` on CSV, TSV, Parquet and JSON Lines files through polars: formats, columns,
safe writes and errors."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from likewise import files
from likewise.cli import app
from likewise.program import Program

pl = pytest.importorskip("polars")

SHORT = 'Concat(GetToken(Word, -1), ", ", SubStr(1, 1), ".")'
PROG = Program.parse(SHORT)
# Non-ASCII, empty, wordless, embedded separators, quotes and a line break.
NAMES = [
    "Alan Turing",
    "María José Carreño",
    "",
    "李 王",
    "Zoë Ngô",
    'Smith, "Jr" John',
    "  Cher  ",
    "123 456",
    "line\nbreak",
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str | Path, input: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


def apply_short(runner: CliRunner, src: Path, out: Path, *more: str | Path):
    """``likewise apply SRC -o OUT`` of the SHORT program into a new column ``short``."""
    args = ["--column", "name", "--output-column", "short", "-o", out, "--program", SHORT]
    return invoke(runner, "apply", src, *args, *more)


def expected(values: list[str | None]) -> list[str | None]:
    """The interpreter's output row by row; a null input has no value."""
    return [None if v is None else PROG._run((v,)) for v in values]


def write_table(path: Path, rows: list[list[str]], sep: str = ",") -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=sep, lineterminator="\n").writerows(rows)


def read_table(path: Path, sep: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter=sep))


def table(path: Path, fmt: str) -> list[dict[str, object]]:
    """An output file's rows as dicts (CSV and TSV fields are strings, never null)."""
    if fmt in ("csv", "tsv"):
        header, *rows = read_table(path, files.SEPARATORS[fmt])
        return [dict(zip(header, row, strict=True)) for row in rows]
    if fmt == "parquet":
        return pl.read_parquet(path).to_dicts()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def no_temporaries(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def one_line_error(r, *words: str) -> None:
    assert r.exit_code == 2, r.stdout + r.stderr
    assert r.stderr.startswith("likewise: ")
    assert r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr
    for w in words:
        assert w in r.stderr, r.stderr


# ----------------------------------------------------------------------------------- formats


@pytest.mark.parametrize("ext", [".csv", ".tsv", ".tab"])
def test_text_formats_round_trip(runner, tmp_path, ext):
    fmt = files.format_of(f"file{ext}")
    sep = files.SEPARATORS[fmt]
    src, out = tmp_path / f"in{ext}", tmp_path / f"out{ext}"
    write_table(src, [["id", "name"], *([str(i), n] for i, n in enumerate(NAMES))], sep)
    r = apply_short(runner, src, out)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    rows = table(out, fmt)
    assert [row["id"] for row in rows] == [str(i) for i in range(len(NAMES))]
    assert [row["name"] for row in rows] == NAMES
    # No value is an empty field, as the interpreter path writes it.
    assert [row["short"] for row in rows] == [v or "" for v in expected(NAMES)]
    assert f"{expected(NAMES).count(None)} row(s) had no value" in r.stderr


@pytest.mark.parametrize("ext", [".parquet", ".pq", ".jsonl", ".ndjson"])
def test_typed_formats_round_trip_with_nulls(runner, tmp_path, ext):
    fmt = files.format_of(f"file{ext}")
    values = [*NAMES, None]
    df = pl.DataFrame({"id": list(range(len(values))), "name": values})
    src, out = tmp_path / f"in{ext}", tmp_path / f"out{ext}"
    df.write_parquet(src) if fmt == "parquet" else df.write_ndjson(src)
    r = apply_short(runner, src, out)
    assert r.exit_code == 0, r.stderr
    rows = table(out, fmt)
    assert [row["id"] for row in rows] == list(range(len(values)))  # other columns keep types
    assert [row["name"] for row in rows] == values
    assert [row["short"] for row in rows] == expected(values)  # null where no value


def test_non_string_columns_are_read_as_text(runner, tmp_path):
    src, out = tmp_path / "in.parquet", tmp_path / "out.csv"
    days = [dt.date(2024, 1, 2), dt.date(1999, 12, 31)]
    pl.DataFrame({"n": [1234, -5], "day": days, "x": [1.5, 2.0]}).write_parquet(src)
    r = invoke(
        runner,
        "apply",
        src,
        "--column",
        "day",
        "--column",
        "n",
        "--column",
        "x",
        "--output-column",
        "out",
        "--program",
        'Concat(x1, "|", x2, "|", x3)',
        "-o",
        out,
    )
    assert r.exit_code == 0, r.stderr
    assert [row["out"] for row in table(out, "csv")] == ["2024-01-02|1234|1.5", "1999-12-31|-5|2.0"]


def test_csv_to_parquet_and_stdout_formats(runner, tmp_path):
    src = tmp_path / "in.csv"
    write_table(src, [["name"], ["Ada Lovelace"], [""]])
    out = tmp_path / "out.parquet"
    r = invoke(runner, "apply", src, "--column", "name", "-o", out, "--program", SHORT)
    assert r.exit_code == 0, r.stderr
    assert table(out, "parquet") == [{"name": "Lovelace, A."}, {"name": None}]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"name": "Ada Lovelace"}\n{"name": "Zoë Ngô"}\n', encoding="utf-8")
    r = invoke(runner, "apply", jsonl, "--column", "name", "--program", SHORT)
    assert r.exit_code == 0, r.stderr
    assert [json.loads(x) for x in r.stdout.splitlines()] == [
        {"name": "Lovelace, A."},
        {"name": "Ngô, Z."},
    ]


def test_format_option_overrides_the_extension(runner, tmp_path):
    src = tmp_path / "names.txt"
    write_table(src, [["name", "city"], ["Ada Lovelace", "London, UK"]], "\t")
    r = invoke(runner, "apply", src, "--format", "tsv", "--column", "name", "--program", SHORT)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "name\tcity\nLovelace, A.\tLondon, UK\n"
    r = invoke(runner, "apply", src, "--format", "xml", "--column", "name", "--program", SHORT)
    one_line_error(r, "--format", "jsonl")


# ----------------------------------------------------------------------------------- columns


def test_several_columns_in_program_order(runner, tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write_table(src, [["first", "last"], ["Launa", "Withers"], ["Brendan", "Hage"], ["", ""]])
    r = invoke(
        runner,
        "apply",
        src,
        "--column",
        "last",
        "--column",
        "first",
        "--output-column",
        "short",
        "-e",
        "Withers | Launa => Withers, L.",
        "-e",
        "Hage | Brendan => Hage, B.",
        "-o",
        out,
    )
    assert r.exit_code == 0, r.stderr
    rows = read_table(out)
    assert rows[0] == ["first", "last", "short"]
    assert [row[2] for row in rows[1:]] == ["Withers, L.", "Hage, B.", ""]


def test_learning_reads_the_first_rows_of_a_parquet_file(runner, tmp_path):
    # "XH" is all the examples show of the rows to mark; the file's rows start "X".
    src, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    codes = ["XK-82156", "AJ-89714", "XN-74711", "PC-99636", "XD-26820"]
    pl.DataFrame({"id": [1, 2, 3, 4, 5], "code": codes}).write_parquet(src)
    examples = ["-e", "BN-19244 => 19244", "-e", "XH-34790 => discontinued"]
    examples += ["-e", "AE-23711 => 23711"]
    r = invoke(
        runner, "apply", src, "--column", "code", "--output-column", "n", *examples, "-o", out
    )
    assert r.exit_code == 0, r.stderr
    assert pl.read_parquet(out)["n"].to_list()[:3] == ["discontinued", "89714", "discontinued"]
    assert files.sample(src, "parquet", ["code", "id"], 2) == [("XK-82156", "1"), ("AJ-89714", "2")]


def test_several_columns_need_an_output_column(runner, tmp_path):
    src = tmp_path / "in.csv"
    write_table(src, [["a", "b"], ["x", "y"]])
    r = invoke(runner, "apply", src, "--column", "a", "--column", "b", "--program", "x1")
    one_line_error(r, "--output-column")
    r = invoke(runner, "apply", src, "--column", "a", "--program", "Concat(x1, x2)")
    one_line_error(r, "2 column(s)", "1 were given")


def test_replace_keeps_the_column_in_place_and_other_bytes(runner, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,name,note\n1,Ada Lovelace,\n2,"Smith, John","says ""hi"""\n', "utf-8")
    r = invoke(runner, "apply", src, "--column", "name", "--in-place", "--program", SHORT)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert src.read_text("utf-8") == 'id,name,note\n1,"Lovelace, A.",\n2,"John, S.","says ""hi"""\n'


def test_in_place_new_column(runner, tmp_path):
    src = tmp_path / "in.parquet"
    pl.DataFrame({"name": ["Alan Turing", None]}).write_parquet(src)
    r = invoke(
        runner,
        "apply",
        src,
        "--column",
        "name",
        "--output-column",
        "short",
        "--in-place",
        "--program",
        SHORT,
    )
    assert r.exit_code == 0, r.stderr
    assert table(src, "parquet") == [
        {"name": "Alan Turing", "short": "Turing, A."},
        {"name": None, "short": None},
    ]


def test_output_column_that_exists_is_refused(runner, tmp_path):
    src = tmp_path / "in.csv"
    write_table(src, [["name", "short"], ["Ada Lovelace", "keep me"]])
    before = src.read_bytes()
    r = invoke(
        runner,
        "apply",
        src,
        "--column",
        "name",
        "--output-column",
        "short",
        "--in-place",
        "--program",
        SHORT,
    )
    one_line_error(r, "'short'", "already a column")
    assert src.read_bytes() == before


def test_missing_column(runner, tmp_path):
    for ext in (".csv", ".parquet", ".jsonl"):
        src = tmp_path / f"in{ext}"
        df = pl.DataFrame({"name": ["a"], "city": ["b"]})
        {".csv": df.write_csv, ".parquet": df.write_parquet, ".jsonl": df.write_ndjson}[ext](src)
        r = invoke(
            runner,
            "apply",
            src,
            "--column",
            "nope",
            "--program",
            "x1",
            "-o",
            tmp_path / f"out{ext}",
        )
        one_line_error(r, "'nope'", "name, city")
        assert not (tmp_path / f"out{ext}").exists()
        assert no_temporaries(tmp_path)


# ------------------------------------------------------------------------------------ safety


def test_existing_output_is_refused_without_force(runner, tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write_table(src, [["name"], ["Ada Lovelace"]])
    out.write_text("precious\n", encoding="utf-8")
    r = invoke(runner, "apply", src, "--column", "name", "-o", out, "--program", SHORT)
    one_line_error(r, str(out), "--force")
    assert out.read_text(encoding="utf-8") == "precious\n"
    r = invoke(runner, "apply", src, "--column", "name", "-o", out, "--program", SHORT, "--force")
    assert r.exit_code == 0, r.stderr
    assert read_table(out) == [["name"], ["Lovelace, A."]]


def test_in_place_and_output_options_checked_first(runner, tmp_path):
    src = tmp_path / "in.csv"
    write_table(src, [["name"], ["Ada Lovelace"]])
    r = invoke(
        runner,
        "apply",
        src,
        "--column",
        "name",
        "--in-place",
        "-o",
        tmp_path / "o.csv",
        "-e",
        "never => learned",
    )
    one_line_error(r, "--in-place", "--output")
    r = invoke(runner, "apply", "-", "--in-place", "--program", "x1", input="x\n")
    one_line_error(r, "--in-place needs a FILE")
    r = invoke(runner, "apply", src, "--column", "name", "--program", SHORT, "--format", "parquet")
    assert r.exit_code == 2
    r = invoke(runner, "apply", src, "--column", "name", "--program", SHORT, "-o", tmp_path)
    one_line_error(r, "exists")


def test_failure_midway_leaves_input_and_output_intact(runner, tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    # A row far down the file with too many fields: polars fails after writing has begun.
    good = "".join(f"{i},Name {i}\n" for i in range(50_000))
    src.write_text(f"id,name\n{good}50000,Bad Row,extra\n", encoding="utf-8")
    out.write_text("previous output\n", encoding="utf-8")
    before = src.read_bytes()
    r = invoke(runner, "apply", src, "--column", "name", "-o", out, "--force", "--program", SHORT)
    one_line_error(r, str(src), "malformed CSV", "more fields")
    assert out.read_text(encoding="utf-8") == "previous output\n"
    r = invoke(runner, "apply", src, "--column", "name", "--in-place", "--program", SHORT)
    one_line_error(r, "malformed CSV")
    assert src.read_bytes() == before
    assert no_temporaries(tmp_path)


@pytest.mark.parametrize("error", [RuntimeError("disk died"), KeyboardInterrupt()])
def test_writer_raising_leaves_files_intact(runner, tmp_path, monkeypatch, error):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"name": "Ada Lovelace"}\n', encoding="utf-8")
    out.write_text("old\n", encoding="utf-8")
    real_sink = files._sink

    def sink_then_fail(lf, dest, fmt):
        real_sink(lf, dest, fmt)  # the temporary file is complete, but not yet renamed
        assert Path(dest).read_text(encoding="utf-8")
        raise error

    monkeypatch.setattr(files, "_sink", sink_then_fail)
    for args in (["-o", str(out), "--force"], ["--in-place"]):
        r = runner.invoke(app, ["apply", str(src), "--column", "name", "--program", SHORT, *args])
        assert r.exit_code != 0
        if isinstance(error, RuntimeError):  # a bug, not a usage error: it propagates
            assert r.exception is error
    assert out.read_text(encoding="utf-8") == "old\n"
    assert src.read_text(encoding="utf-8") == '{"name": "Ada Lovelace"}\n'
    assert no_temporaries(tmp_path)


def test_text_mode_output_file_is_written_whole(runner, tmp_path):
    src, out = tmp_path / "names.txt", tmp_path / "out.txt"
    src.write_text("Alan Turing\nGrace Hopper\n", encoding="utf-8")
    r = invoke(runner, "apply", src, "-o", out, "--program", SHORT)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert out.read_text(encoding="utf-8") == "Turing, A.\nHopper, G.\n"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine\n\xff\xfe\n")
    r = invoke(runner, "apply", bad, "-o", out, "--force", "--program", SHORT)
    one_line_error(r, "not UTF-8")
    assert out.read_text(encoding="utf-8") == "Turing, A.\nHopper, G.\n"
    assert no_temporaries(tmp_path)


# ------------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("ragged.csv", b"a,b\nx,y\nx,y,z\n", ["malformed CSV", "more fields"]),
        ("quote.csv", b'a,b\n"open,x\ny,z\n', ["malformed CSV"]),
        ("latin1.csv", "a\ncafé\n".encode("latin-1"), ["not UTF-8"]),
        ("bad.parquet", b"not a parquet file", ["malformed Parquet"]),
        ("bad.jsonl", b'{"a": "x"}\n{"a": \n', ["malformed JSON Lines"]),
        ("empty.csv", b"", ["is empty"]),
        ("empty.parquet", b"", ["is empty"]),
        ("empty.jsonl", b"", ["is empty"]),
    ],
)
def test_malformed_inputs_are_one_line_errors(runner, tmp_path, name, content, words):
    src, out = tmp_path / name, tmp_path / f"out-{name}"
    src.write_bytes(content)
    r = invoke(runner, "apply", src, "--column", "a", "--program", "x1", "-o", out)
    one_line_error(r, *words)
    assert not out.exists()
    assert no_temporaries(tmp_path)


def test_engines(runner, tmp_path):
    src = tmp_path / "in.csv"
    write_table(src, [["name", "note"], *([n, "x"] for n in NAMES)])
    outs = {}
    for engine in ("polars", "python"):
        outs[engine] = tmp_path / f"{engine}.csv"
        r = invoke(
            runner,
            "apply",
            src,
            "--column",
            "name",
            "--engine",
            engine,
            "--program",
            SHORT,
            "-o",
            outs[engine],
        )
        assert r.exit_code == 0, r.stderr
    assert read_table(outs["polars"]) == read_table(outs["python"])
    r = invoke(runner, "apply", src, "--column", "name", "--engine", "spark", "--program", SHORT)
    one_line_error(r, "spark")
    r = invoke(runner, "apply", src, "--column", "name", "--engine", "duckdb", "--program", "x1")
    one_line_error(r, "--engine", "polars")
    r = invoke(runner, "apply", "-", "--engine", "polars", "--program", "x1", input="x\n")
    one_line_error(r, "--engine polars")


def test_parquet_needs_a_file_output(runner, tmp_path):
    src = tmp_path / "in.parquet"
    pl.DataFrame({"a": ["x"]}).write_parquet(src)
    r = invoke(runner, "apply", src, "--column", "a", "--program", "x1")
    one_line_error(r, "--output")
    r = invoke(runner, "apply", src, "--program", "x1", "-o", tmp_path / "o.parquet")
    one_line_error(r, "--column")
    r = invoke(
        runner,
        "apply",
        "-",
        "--column",
        "a",
        "--program",
        "x1",
        "-o",
        tmp_path / "o.pq",
        input="a\nx\n",
    )
    one_line_error(r, "Parquet")
    assert not (tmp_path / "o.pq").exists()


# ---------------------------------------------------------------------------------- progress


def test_piped_output_has_no_progress_text(tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    write_table(src, [["name"], *([f"Name {i}"] for i in range(5000))])
    expected_csv = "name\n" + "Name\n" * 5000
    for extra in ([], ["-o", str(out)]):
        p = subprocess.run(
            [
                sys.executable,
                "-c",
                "from likewise.cli import main; main()",
                "apply",
                str(src),
                "--column",
                "name",
                "--program",
                "GetToken(Word, 1)",
                *extra,
            ],
            capture_output=True,
            timeout=120,
            text=True,
        )
        assert p.returncode == 0, p.stderr
        assert p.stderr == ""
        assert p.stdout == ("" if extra else expected_csv)
    assert out.read_text(encoding="utf-8") == expected_csv


# ------------------------------------------------------------------------------------- spark


def test_spark_engine_writes_what_polars_writes(runner, tmp_path):
    pytest.importorskip("pyspark")
    if not hasattr(Program, "to_spark") or not shutil.which("java"):
        pytest.skip("the Spark engine needs Program.to_spark and a Java runtime")
    src = tmp_path / "in.csv"
    write_table(src, [["id", "name", "note"], *([str(i), n, ""] for i, n in enumerate(NAMES))])
    for engine in ("polars", "spark"):
        r = invoke(
            runner,
            "apply",
            src,
            "--column",
            "name",
            "--output-column",
            "short",
            "--program",
            SHORT,
            "--engine",
            engine,
            "--master",
            "local[1]",
            "-o",
            tmp_path / f"{engine}.csv",
        )
        assert r.exit_code == 0, r.stderr
    assert read_table(tmp_path / "spark.csv") == read_table(tmp_path / "polars.csv")
    r = invoke(
        runner,
        "apply",
        src,
        "--column",
        "nope",
        "--program",
        "x1",
        "--engine",
        "spark",
        "-o",
        tmp_path / "out.csv",
    )
    assert r.exit_code == 2
    assert "'nope'" in r.stderr
    r = invoke(runner, "apply", src, "--column", "name", "--program", "x1", "--engine", "spark")
    one_line_error(r, "--engine spark writes files")
    assert no_temporaries(tmp_path)


def test_output_as_second_argument(runner, tmp_path):
    src, dest = tmp_path / "in.csv", tmp_path / "out.parquet"
    write_table(src, [["name"], *[[n] for n in NAMES]])
    r = invoke(runner, "apply", src, dest, "--column", "name", "--program", SHORT)
    assert r.exit_code == 0, r.output
    assert pl.read_parquet(dest)["name"].to_list() == expected(NAMES)
    r = invoke(runner, "apply", src, dest, "-o", tmp_path / "x.csv", "--column", "name",
               "--program", SHORT)  # fmt: skip
    assert r.exit_code == 2 and "give the output file once" in r.output

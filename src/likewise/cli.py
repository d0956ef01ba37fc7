"""The ``likewise`` command line: learn, apply (a Unix filter, or one CSV column), export, bench.

Exit codes: 0 success, 1 no program found, 2 usage error or bad input.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from likewise.api import learn as learn_program
from likewise.errors import InvalidExamples, LikewiseError, NoProgramFound
from likewise.program import Program

EXIT_NO_PROGRAM = 1
EXIT_USAGE = 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Programming by example for text: show a few input => output pairs, get a program.",
)

ExampleOpt = Annotated[
    list[str],
    typer.Option(
        "--example",
        "-e",
        help="An example 'input => output'. Several input columns: 'a | b => out'.",
    ),
]
TimeoutOpt = Annotated[float, typer.Option(help="Seconds to search for a program.")]


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(f"likewise: {message}", err=True)
    return typer.Exit(code)


def parse_example(
    text: str, sep: str = " => ", col_sep: str = " | "
) -> tuple[tuple[str, ...], str]:
    if sep not in text:
        raise InvalidExamples(f"example {text!r} has no {sep.strip()!r}: write 'input{sep}output'")
    left, right = text.split(sep, 1)
    return tuple(left.split(col_sep)), right


def _learn(
    examples: list[str], timeout: float, rows: list[tuple[str, ...]] | None = None
) -> Program:
    if not examples:
        raise _fail("give at least one example with -e 'input => output'")
    try:
        pairs = [parse_example(e) for e in examples]
        return learn_program(pairs, inputs=rows, timeout=timeout)
    except NoProgramFound as e:
        raise _fail(f"no program found: {e}", EXIT_NO_PROGRAM) from None
    except LikewiseError as e:
        raise _fail(str(e)) from None


@app.command()
def learn(
    example: ExampleOpt = None,  # type: ignore[assignment]
    timeout: TimeoutOpt = 2.0,
    alternatives: Annotated[int, typer.Option(help="Also print this many alternatives.")] = 0,
) -> None:
    """Learn a program from examples and print it."""
    prog = _learn(example or [], timeout)
    typer.echo(str(prog))
    for alt in prog.alternatives(alternatives):
        typer.echo(f"  or: {alt}")


@app.command()
def export(
    example: ExampleOpt = None,  # type: ignore[assignment]
    to: Annotated[str, typer.Option(help="Target: python.")] = "python",
    name: Annotated[str, typer.Option(help="Name of the emitted function.")] = "transform",
    timeout: TimeoutOpt = 2.0,
) -> None:
    """Learn a program and print it as standalone source code."""
    if to != "python":
        raise _fail(f"unknown export target {to!r}; available: python")
    if not name.isidentifier():
        raise _fail(f"--name {name!r} is not a Python identifier")
    typer.echo(_learn(example or [], timeout).to_python(name), nl=False)


def _progress(enabled: bool):
    """A rich progress bar on stderr when a person is watching, else nothing."""
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


@app.command()
def apply(
    file: Annotated[str, typer.Argument(help="Input file, or - for standard input.")] = "-",
    example: ExampleOpt = None,  # type: ignore[assignment]
    column: Annotated[
        str | None, typer.Option(help="Transform this column of a CSV file (with a header).")
    ] = None,
    output_column: Annotated[
        str | None, typer.Option(help="Write results to this new column (default: replace).")
    ] = None,
    program: Annotated[
        str | None, typer.Option(help="Apply this program text instead of learning one.")
    ] = None,
    timeout: TimeoutOpt = 2.0,
) -> None:
    """Transform every line of FILE (or one CSV column), streaming to standard output.

    Rows where the program has no value are written as empty strings, and counted on stderr.
    """
    if program is not None:
        try:
            prog = Program.parse(program)
        except LikewiseError as e:
            raise _fail(f"--program: {e}") from None
    else:
        prog = _learn(example or [], timeout)
        typer.echo(f"likewise: program {prog}", err=True)
    if prog.ncols != 1:
        raise _fail(f"this program reads {prog.ncols} columns; apply transforms one column")
    try:
        stream = sys.stdin if file == "-" else open(file, encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as e:
        raise _fail(f"cannot read {file}: {e.strerror}") from None
    progress = _progress(sys.stderr.isatty())
    missing = 0
    try:
        with stream:
            rows = (
                _csv_rows(stream, column, output_column, prog) if column else _lines(stream, prog)
            )
            if progress:
                with progress:
                    bar = progress.add_task("applying", total=None)
                    for n, (line, none) in enumerate(rows, 1):
                        sys.stdout.write(line)
                        missing += none
                        if n % 1000 == 0:
                            progress.update(bar, completed=n)
            else:
                for line, none in rows:
                    sys.stdout.write(line)
                    missing += none
    except UnicodeDecodeError as e:
        raise _fail(f"{file} is not UTF-8 text ({e.reason} at byte {e.start})") from None
    except csv.Error as e:
        raise _fail(f"{file}: malformed CSV: {e}") from None
    if missing:
        typer.echo(f"likewise: {missing} row(s) had no value and were left empty", err=True)


def _lines(stream, prog: Program) -> Iterator[tuple[str, bool]]:
    for raw in stream:
        line = raw[:-1] if raw.endswith("\n") else raw
        line = line[:-1] if line.endswith("\r") else line
        out = prog._run((line,))
        yield (out if out is not None else "") + "\n", out is None


def _csv_rows(stream, column: str, output_column: str | None, prog: Program):
    import io

    reader = csv.reader(stream)
    header = next(reader, None)
    if header is None:
        raise _fail("the CSV file is empty")
    if column not in header:
        raise _fail(f"no column {column!r}; the columns are: {', '.join(header)}")
    idx = header.index(column)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")

    def emit(row: list[str]) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        return buf.getvalue()

    yield emit(header + [output_column] if output_column else header), False
    for row in reader:
        value = row[idx] if idx < len(row) else ""
        out = prog._run((value,))
        result = out if out is not None else ""
        if output_column:
            row = row + [result]
        elif idx < len(row):
            row[idx] = result
        yield emit(row), out is None


@app.command()
def bench(
    suites: Annotated[list[str], typer.Argument(help="JSON suites, .sl files, or folders.")],
    timeout: Annotated[float, typer.Option(help="Seconds per task.")] = 10.0,
    observe: Annotated[
        int | None, typer.Option(help="Show only the first K examples; the rest are held out.")
    ] = None,
    test_suffix: Annotated[
        str | None,
        typer.Option(help="Score SyGuS task X on the examples of X<SUFFIX>.sl (e.g. -long)."),
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write results here.")] = None,
) -> None:
    """Run benchmark suites and print one row per task and a summary."""
    from likewise import bench as b

    try:
        entries = b.load(suites, test_suffix)
    except LikewiseError as e:
        raise _fail(str(e)) from None

    def show(r: b.Result) -> None:
        held = (
            ""
            if r.generalized is None
            else (" held-out ok" if r.generalized else " held-out WRONG")
        )
        detail = r.program or r.error
        typer.echo(f"{r.name:48.48s} {r.status:12s} {r.seconds:7.3f}s{held}  {detail[:120]}")

    results = b.run(entries, timeout, observe, show)
    s = b.summary(results)
    typer.echo(
        f"\n{s['tasks']} tasks: {s['consistent']} consistent, "
        f"{s['generalized']}/{s['with_held_out']} generalized, {s['failed']} failed, "
        f"{s['unsupported']} unsupported; median {s['median_seconds']:.3f}s, "
        f"p95 {s['p95_seconds']:.3f}s"
    )
    if json_out:
        meta = {
            "suites": suites,
            "timeout": timeout,
            "observe": observe,
            "test_suffix": test_suffix,
        }
        json_out.write_text(json.dumps(b.as_json(results, meta), indent=1), encoding="utf-8")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()

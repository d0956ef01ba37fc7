"""The ``likewise`` command line: learn, apply (a Unix filter, or one CSV column), export, bench.

Exit codes: 0 success, 1 no program found, 2 usage error or bad input.
"""

from __future__ import annotations

import contextlib
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
        prog = learn_program(pairs, inputs=rows, timeout=timeout)
    except NoProgramFound as e:
        raise _fail(f"no program found: {e}", EXIT_NO_PROGRAM) from None
    except LikewiseError as e:
        raise _fail(str(e)) from None
    for note in prog.notes:
        typer.echo(f"likewise: note: {note}", err=True)
    for i, given, expected in prog.suspect_examples:
        if expected is None:
            says = "its input looks mistyped: the program gives no value for it"
        else:
            says = f"output {given!r} looks like a typo of {expected!r}"
        typer.echo(f"likewise: example {i + 1}: {says}", err=True)
    return prog


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
    interactive: Annotated[
        bool,
        typer.Option(
            help="Preview the fill, answer the rows that settle ambiguity, then write it."
        ),
    ] = False,
    timeout: TimeoutOpt = 2.0,
) -> None:
    """Transform every line of FILE (or one CSV column), streaming to standard output.

    Rows where the program has no value are written as empty strings, and counted on stderr.
    """
    if interactive:
        prog = _interactive(file, column, example or [], timeout)
    elif program is not None:
        try:
            prog = Program.parse(program)
        except LikewiseError as e:
            raise _fail(f"--program: {e}") from None
    else:
        prog = _learn(example or [], timeout)
        typer.echo(f"likewise: program {prog}", err=True)
    if prog.ncols != 1:
        raise _fail(f"this program reads {prog.ncols} columns; apply transforms one column")
    progress = _progress(sys.stderr.isatty())
    missing = 0
    with _reading(file) as stream:
        rows = _csv_rows(stream, column, output_column, prog) if column else _lines(stream, prog)
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
    if missing:
        typer.echo(f"likewise: {missing} row(s) had no value and were left empty", err=True)


@contextlib.contextmanager
def _reading(file: str):
    """The input stream, with decoding and CSV errors turned into clear usage errors."""
    try:
        stream = sys.stdin if file == "-" else open(file, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except OSError as e:
        raise _fail(f"cannot read {file}: {e.strerror}") from None
    try:
        with stream:
            yield stream
    except UnicodeDecodeError as e:
        raise _fail(f"{file} is not UTF-8 text ({e.reason} at byte {e.start})") from None
    except csv.Error as e:
        raise _fail(f"{file}: malformed CSV: {e}") from None


def _interactive(file: str, column: str | None, examples: list[str], timeout: float) -> Program:
    from rich.console import Console

    from likewise import interactive

    if file == "-":
        raise _fail("--interactive needs a FILE: standard input carries your answers")
    with _reading(file) as stream:
        if column:
            values = [out for out, _ in _csv_rows(stream, column, None, None)][1:]
        else:
            values = [line.rstrip("\r\n") for line in stream]
    try:
        pairs = [parse_example(e) for e in examples]
    except LikewiseError as e:
        raise _fail(str(e)) from None
    if any(len(inp) != 1 for inp, _ in pairs):
        raise _fail("--interactive fills one column: give one-column examples")
    console = Console(stderr=True, highlight=False)

    def ask(prompt: str) -> str:
        console.print(prompt, end="")
        line = sys.stdin.readline()
        if not line:  # end of input: leave as if 'q'
            return "q"
        return line.rstrip("\r\n")

    prog = interactive.run(values[:5000], [(i[0], o) for i, o in pairs], console, ask, timeout)
    if prog is None:
        raise _fail("stopped without writing anything", 0)
    typer.echo(f"likewise: program {prog}", err=True)
    return prog


def _lines(stream, prog: Program) -> Iterator[tuple[str, bool]]:
    for raw in stream:
        line = raw[:-1] if raw.endswith("\n") else raw
        line = line[:-1] if line.endswith("\r") else line
        out = prog._run((line,))
        yield (out if out is not None else "") + "\n", out is None


def _csv_rows(stream, column: str, output_column: str | None, prog: Program | None):
    """CSV lines out, with ``column`` transformed by ``prog`` (or, without one, each row's
    value of the column in place of the line)."""
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
        if prog is None:
            yield value, False
            continue
        out = prog._run((value,))
        result = out if out is not None else ""
        if output_column:
            row = row + [""] * (len(header) - len(row)) + [result]
        elif idx < len(row):
            row[idx] = result
        yield emit(row), out is None


@app.command()
def bench(
    suites: Annotated[
        list[str],
        typer.Argument(help="JSON suites, .sl files, folders of them, or .txt lists of them."),
    ],
    timeout: Annotated[float, typer.Option(help="Seconds per task.")] = 10.0,
    observe: Annotated[
        int | None, typer.Option(help="Show only the first K examples; the rest are held out.")
    ] = None,
    test_suffix: Annotated[
        str | None,
        typer.Option(help="Score SyGuS task X on the examples of X<SUFFIX>.sl (e.g. -long)."),
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write results here.")] = None,
    noise: Annotated[
        int, typer.Option(help="Inject this many random character edits into the shown examples.")
    ] = 0,
    seed: Annotated[int, typer.Option(help="Seed for --noise.")] = 0,
    exact: Annotated[
        bool, typer.Option(help="Learn with noise=0: every shown example must be reproduced.")
    ] = False,
    ask: Annotated[
        int,
        typer.Option(
            help="Answer this many suggest() questions from the held-out rows before learning."
        ),
    ] = 0,
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

    results = b.run(entries, timeout, observe, show, noise, seed, exact, ask)
    typer.echo("")
    tags = b.by_tag(results)
    if len(tags) > 1:
        typer.echo(
            "by category, generalized: "
            + ", ".join(f"{t or '-'} {g}/{n} ({100 * g / n:.0f}%)" for t, (g, n) in tags.items())
        )
    s = b.summary(results)
    typer.echo(
        f"{s['tasks']} tasks: {s['consistent']} consistent, "
        f"{s['generalized']}/{s['with_held_out']} generalized, {s['failed']} failed, "
        f"{s['unsupported']} unsupported; median {s['median_seconds']:.3f}s, "
        f"p95 {s['p95_seconds']:.3f}s"
    )
    if noise:
        typer.echo(
            f"typo'd examples named as suspects: {s['suspects_named']}/{s['suspects_expected']}"
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

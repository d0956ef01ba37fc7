"""The ``likewise`` command line: learn, apply (a Unix filter, or columns of a file), export, bench.

Exit codes: 0 success, 1 no program found, 2 usage error or bad input.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from likewise import files
from likewise.api import MAX_CHARS
from likewise.api import learn as learn_program
from likewise.errors import InvalidExamples, LikewiseError, NoProgramFound
from likewise.program import Program

EXIT_NO_PROGRAM = 1
EXIT_USAGE = 2
SAMPLE_ROWS = 200  # a FILE's first rows, read as unlabeled rows while learning (see learn())

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
        # Rows of another width are reported once learned (the program reads N columns...).
        same = [
            r for r in rows or () if len(r) == len(pairs[0][0]) and max(map(len, r)) <= MAX_CHARS
        ]
        prog = learn_program(pairs, inputs=same, timeout=timeout)
    except NoProgramFound as e:
        raise _fail(f"no program found: {e}", EXIT_NO_PROGRAM) from None
    except LikewiseError as e:
        raise _fail(str(e)) from None
    for note in prog.notes:
        typer.echo(f"likewise: note: {note}", err=True)
    for i, given, expected in prog.suspect_examples:
        if expected is None:
            says = f"its input looks mistyped (output {given!r} kept)"
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
    from rich.progress import BarColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed or 0:,.0f} rows/s")

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        Rate(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


ENGINES = ("auto", "polars", "python", "spark")


@app.command()
def apply(
    file: Annotated[str, typer.Argument(help="Input file, or - for standard input.")] = "-",
    out_file: Annotated[
        Path | None,
        typer.Argument(metavar="[OUTPUT]", help="Write to this file, as --output does."),
    ] = None,
    example: ExampleOpt = None,  # type: ignore[assignment]
    column: Annotated[
        list[str] | None,
        typer.Option(
            help="Transform this column of a CSV, TSV, Parquet or JSON Lines file (with a "
            "header). Repeat it for a program of several columns, in the program's order."
        ),
    ] = None,
    output_column: Annotated[
        str | None,
        typer.Option(help="Write results to this new column (default: replace --column)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (its extension picks the format)."),
    ] = None,
    in_place: Annotated[bool, typer.Option(help="Rewrite FILE itself.")] = False,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --output file.")] = False,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Read FILE as csv, tsv, parquet or jsonl (default: by its extension).",
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            help="polars, python (the interpreter) or spark; auto: polars for a FILE's "
            "--column, python for lines of text and standard input."
        ),
    ] = "auto",
    master: Annotated[str, typer.Option(help="Spark master URL for --engine spark.")] = (
        "local[*]"
    ),
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
    """Transform every line of FILE, or columns of a CSV, TSV, Parquet or JSON Lines file,
    streaming to standard output or to --output.

    Learning reads FILE's first 200 rows too: they help choose between programs that fit the
    examples. Rows where the program has no value are written as empty strings (null in
    Parquet and JSON Lines), and counted on stderr. Files are written whole or not at all.
    """
    columns = column or []
    if out_file is not None:
        if output is not None:
            raise _fail("give the output file once: as OUTPUT or as --output")
        output = out_file
    fmt, out_fmt, dest = _check_apply(file, columns, output_column, output, in_place, force, format)
    engine = _engine(engine, file, fmt, columns, out_fmt, dest)
    if interactive:
        prog = _interactive(file, columns, fmt, example or [], timeout)
    elif program is not None:
        try:
            prog = Program.parse(program, max(1, len(columns)))
        except LikewiseError as e:
            raise _fail(f"--program: {e}") from None
    else:
        # Standard input is read once, as it is applied; a FILE's first rows help choose.
        rows = None if file == "-" else _first_rows(file, fmt, columns, SAMPLE_ROWS)
        prog = _learn(example or [], timeout, rows)
        typer.echo(f"likewise: program {prog}", err=True)
    if not columns and prog.ncols != 1:
        raise _fail(f"this program reads {prog.ncols} columns: name them with --column")
    if columns and prog.ncols != len(columns):
        raise _fail(f"this program reads {prog.ncols} column(s), but {len(columns)} were given")
    target = output_column or (columns[0] if columns else "")
    missing = 0
    if engine == "polars":
        missing = _apply_polars(prog, Path(file), fmt, columns, target, dest, out_fmt)
    elif engine == "python":
        missing = _apply_python(prog, file, fmt, columns, output_column, dest, out_fmt)
    else:
        assert dest is not None
        try:
            files.apply_spark(prog, Path(file), fmt, columns, target, dest, out_fmt, master)
        except LikewiseError as e:
            raise _fail(str(e)) from None
    if missing:
        typer.echo(f"likewise: {missing} row(s) had no value and were left empty", err=True)


def _check_apply(
    file: str,
    columns: list[str],
    output_column: str | None,
    output: Path | None,
    in_place: bool,
    force: bool,
    format: str | None,
) -> tuple[str, str, Path | None]:
    """The input format, the output format and the output file (None: standard output),
    checked before any time goes into learning."""
    if format is not None and format not in files.FORMATS:
        raise _fail(f"unknown --format {format!r}; available: {', '.join(files.FORMATS)}")
    if in_place and output is not None:
        raise _fail("give --in-place or --output, not both")
    if in_place and file == "-":
        raise _fail("--in-place needs a FILE")
    if output is not None and output.exists() and not force:
        raise _fail(f"{output} exists: pass --force to overwrite it")
    if output is not None and output.is_dir():
        raise _fail(f"--output {output} is a directory")
    if len(columns) > 1 and output_column is None:
        raise _fail("a program of several columns writes a new column: give --output-column")
    fmt = format or (files.format_of(file) if file != "-" else None) or "csv"
    dest = Path(file) if in_place else output
    out_fmt = fmt if in_place or dest is None else files.format_of(dest) or fmt
    if fmt in ("parquet", "jsonl") and (file == "-" or not columns):
        raise _fail(f"{files.NAMES[fmt]} input needs a FILE and --column")
    if out_fmt == "parquet" and dest is None:
        raise _fail("Parquet output goes to a file: give --output PATH")
    return fmt, out_fmt, dest


def _engine(
    engine: str, file: str, fmt: str, columns: list[str], out_fmt: str, dest: Path | None
) -> str:
    if engine not in ENGINES:
        raise _fail(f"unknown --engine {engine!r}; available: {', '.join(ENGINES)}")
    table = bool(columns) and file != "-"
    if engine == "auto":
        engine = "polars" if table and _has_polars() else "python"
    if engine != "python" and not table:
        raise _fail(f"--engine {engine} reads columns of a FILE: give FILE and --column")
    if engine == "python" and {fmt, out_fmt} - {"csv", "tsv"}:
        raise _fail(
            "Parquet and JSON Lines need polars (pip install 'likewise[polars]') or spark, "
            "and a FILE with --column"
        )
    if engine == "spark" and dest is None:
        raise _fail("--engine spark writes files: give --output PATH or --in-place")
    return engine


def _has_polars() -> bool:
    try:
        import polars  # noqa: F401
    except ImportError:
        return False
    return True


def _apply_polars(
    prog: Program,
    src: Path,
    fmt: str,
    columns: list[str],
    target: str,
    dest: Path | None,
    out_fmt: str,
) -> int:
    progress = _progress(sys.stderr.isatty())
    with progress or contextlib.nullcontext():
        on_rows = None
        if progress is not None:
            bar = progress.add_task("applying", total=None)

            def on_rows(n: int) -> None:
                progress.update(bar, completed=n)

        out = _Stdout()
        try:
            if dest is None:
                counts = files.apply(prog, src, fmt, columns, target, out, out_fmt, on_rows)
                out.flush()
            else:
                with files.replacing(dest) as tmp:
                    counts = files.apply(prog, src, fmt, columns, target, tmp, out_fmt, on_rows)
        except LikewiseError as e:
            if out.broken:
                raise BrokenPipeError from None
            raise _fail(str(e)) from None
    return counts.missing


class _Stdout:
    """Standard output's bytes for polars, remembering a closed pipe (e.g. into `head`),
    which polars may report as another error."""

    broken = False

    def write(self, data: bytes) -> int:
        try:
            return sys.stdout.buffer.write(data)
        except BrokenPipeError:
            self.broken = True
            raise

    def flush(self) -> None:
        sys.stdout.buffer.flush()


def _apply_python(
    prog: Program,
    file: str,
    fmt: str,
    columns: list[str],
    output_column: str | None,
    dest: Path | None,
    out_fmt: str,
) -> int:
    """The interpreter, line by line: for standard input, lines of text, or when asked."""
    progress = _progress(sys.stderr.isatty())
    missing = 0
    with contextlib.ExitStack() as stack:
        stream = stack.enter_context(_reading(file))
        out = sys.stdout
        if dest is not None:
            try:
                tmp = stack.enter_context(files.replacing(dest))
            except LikewiseError as e:
                raise _fail(str(e)) from None
            out = stack.enter_context(tmp.open("w", encoding="utf-8", newline=""))
        if columns:
            sep_in, sep_out = files.SEPARATORS[fmt], files.SEPARATORS[out_fmt]
            rows = _csv_rows(stream, columns, output_column, prog, sep_in, sep_out)
        else:
            rows = _lines(stream, prog)
        if progress:
            stack.enter_context(progress)
            bar = progress.add_task("applying", total=None)
        for n, (line, none) in enumerate(rows, 1):
            out.write(line)
            missing += none
            if progress and n % 1000 == 0:
                progress.update(bar, completed=n)
    return missing


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


def _first_rows(file: str, fmt: str, columns: list[str], n: int) -> list[tuple[str, ...]]:
    """The first ``n`` rows of FILE's ``columns`` (or its lines), as the program reads them."""
    if columns and fmt not in files.SEPARATORS:
        try:
            return files.sample(Path(file), fmt, columns, n)
        except LikewiseError as e:
            raise _fail(str(e)) from None
    with _reading(file) as stream:
        if columns:
            sep = files.SEPARATORS[fmt]
            rows = _csv_rows(stream, columns, None, None, sep, sep)
            return [values for values, _ in itertools.islice(rows, 1, n + 1)]  # type: ignore[misc]
        return [(line.rstrip("\r\n"),) for line in itertools.islice(stream, n)]


def _interactive(
    file: str, columns: list[str], fmt: str, examples: list[str], timeout: float
) -> Program:
    from rich.console import Console

    from likewise import interactive

    if file == "-":
        raise _fail("--interactive needs a FILE: standard input carries your answers")
    if len(columns) > 1:
        raise _fail("--interactive fills one column: give one --column")
    values = [row[0] for row in _first_rows(file, fmt, columns, 5000)]
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

    prog = interactive.run(values, [(i[0], o) for i, o in pairs], console, ask, timeout)
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


def _csv_rows(
    stream,
    columns: list[str],
    output_column: str | None,
    prog: Program | None,
    sep_in: str = ",",
    sep_out: str = ",",
) -> Iterator[tuple[str, bool]]:
    """CSV lines out, with the program's output on ``columns`` in ``output_column`` (or, in
    place of the first of them, without one; without a program, each row's values of
    ``columns`` in place of the line)."""
    import io

    reader = csv.reader(stream, delimiter=sep_in)
    header = next(reader, None)
    if header is None:
        raise _fail("the CSV file is empty")
    for c in columns:
        if c not in header:
            raise _fail(f"no column {c!r}; the columns are: {', '.join(header)}")
    if output_column in header and output_column not in columns:
        raise _fail(f"--output-column {output_column!r} is already a column of the file")
    idxs = [header.index(c) for c in columns]
    new = output_column is not None and output_column not in header
    target = idxs[0] if output_column is None or new else header.index(output_column)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep_out, lineterminator="\n")

    def emit(row: list[str]) -> str:
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        return buf.getvalue()

    yield emit(header + [output_column] if new else header), False  # type: ignore[list-item]
    for row in reader:
        values = tuple(row[i] if i < len(row) else "" for i in idxs)
        if prog is None:
            yield values, False  # type: ignore[misc]
            continue
        out = prog._run(values)
        result = out if out is not None else ""
        if new:
            row = row + [""] * (len(header) - len(row)) + [result]
        elif target < len(row):
            row[target] = result
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
            help="Answer this many suggest() questions from the held-out rows, then learn with"
            " the rest of them as unlabeled rows."
        ),
    ] = 0,
    engine: Annotated[
        str,
        typer.Option(help="Synthesizer: auto (symbolic and neural together), symbolic, neural."),
    ] = "auto",
    limit: Annotated[int | None, typer.Option(help="Run only the first N tasks.", min=1)] = None,
) -> None:
    """Run benchmark suites and print one row per task and a summary."""
    from likewise import bench as b
    from likewise.synth.engine import ENGINES

    if engine not in ENGINES:
        raise _fail(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")

    try:
        entries = b.load(suites, test_suffix)[:limit]
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

    results = b.run(entries, timeout, observe, show, noise, seed, exact, ask, engine)
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
            "engine": engine,
            "limit": limit,
        }
        json_out.write_text(json.dumps(b.as_json(results, meta), indent=1), encoding="utf-8")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()

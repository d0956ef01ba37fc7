"""Apply a program to columns of a CSV, TSV, Parquet or JSON Lines file with polars, streaming.

The input is scanned lazily, the program becomes one polars expression
(:meth:`Program.to_polars`) and the result goes to a streaming sink, so memory stays bounded
however large the file (``benchmarks/backends/memory.py`` measures it). A file output is
written beside its destination under a temporary name and renamed over it only once complete,
so a failure midway leaves the input and any existing output as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from likewise.errors import LikewiseError

if TYPE_CHECKING:
    import polars as pl

    from likewise.program import Program

FORMATS = ("csv", "tsv", "parquet", "jsonl")
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SEPARATORS = {"csv": ",", "tsv": "\t"}
NAMES = {"csv": "CSV", "tsv": "TSV", "parquet": "Parquet", "jsonl": "JSON Lines"}
# Bytes of CSV polars parses at a time (an internal polars setting; an environment variable
# of the same name wins). Its default holds several hundred MB in flight; 1 MB keeps a run
# near 150 MB at the same speed.
CSV_CHUNK_BYTES = 1 << 20


class FileError(LikewiseError):
    """A file that cannot be read as its format, or an output that cannot be written."""


class Writable(Protocol):
    """Where polars can write bytes: a binary file, or standard output's buffer."""

    def write(self, data: bytes, /) -> int: ...


@dataclass
class Counts:
    """Rows written, and how many of them the program gave no value for."""

    rows: int = 0
    missing: int = 0


def format_of(path: str | Path) -> str | None:
    """The format a file name's extension says, or None."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def scan(src: Path, fmt: str, empty_is_null: bool = False) -> pl.LazyFrame:
    """A lazy frame over ``src``; CSV and TSV columns are all read as strings."""
    import polars as pl

    if fmt in SEPARATORS:
        os.environ.setdefault("POLARS_CSV_CHUNK_SIZE", str(CSV_CHUNK_BYTES))
        return pl.scan_csv(
            src,
            separator=SEPARATORS[fmt],
            infer_schema=False,
            empty_string_is_null=empty_is_null,
        )
    if fmt == "parquet":
        return pl.scan_parquet(src)
    # The whole file decides the columns: a key first seen late would otherwise be dropped.
    return pl.scan_ndjson(src, infer_schema_length=None)


def sample(src: Path, fmt: str, columns: list[str], n: int) -> list[tuple[str, ...]]:
    """The first ``n`` rows of ``columns`` as the program sees them."""
    with _reading(src, fmt):
        lf = scan(src, fmt)
        schema = lf.collect_schema()
        _check_columns(schema, columns)
        frame = lf.select([_as_text(c, schema[c]) for c in columns]).head(n).collect()
    return [tuple(v or "" for v in row) for row in frame.iter_rows()]


def apply(
    prog: Program,
    src: Path,
    fmt: str,
    columns: Sequence[str],
    output_column: str,
    dest: Path | Writable,
    out_fmt: str,
    on_rows: Callable[[int], None] | None = None,
) -> Counts:
    """Write ``src`` to ``dest`` with ``output_column`` holding the program's output on
    ``columns`` (a new column, or one of ``columns`` replaced in place).

    CSV and TSV outputs write "no value" as an empty field; Parquet and JSON Lines as null.
    Non-string inputs are read as polars casts them to text (``12``, ``1.5``, ``2024-01-02``).
    """
    import polars as pl

    counts = Counts()

    def count(batch: pl.Series) -> pl.Series:
        counts.rows += len(batch)
        counts.missing += batch.null_count()
        if on_rows is not None:
            on_rows(counts.rows)
        return batch

    text_out = out_fmt in SEPARATORS
    with _reading(src, fmt):
        # CSV to CSV: empty fields read as null are written back empty, not as "".
        lf = scan(src, fmt, empty_is_null=fmt in SEPARATORS and text_out)
        schema = lf.collect_schema()
        _check_columns(schema, list(columns))
        if output_column in schema and output_column not in columns:
            raise FileError(f"--output-column {output_column!r} is already a column of {src}")
        inputs = [_as_text(c, schema[c]) for c in columns]
        if fmt in SEPARATORS:  # an empty CSV field is an empty string, never "no value"
            inputs = [e.fill_null("") for e in inputs]
        out = prog.to_polars(*inputs).map_batches(
            count, return_dtype=pl.String, is_elementwise=True
        )
        lf = lf.with_columns(out.alias(output_column))
        if text_out:  # "" and "no value" alike as an empty field (not `replace`: it buffers)
            result = pl.col(output_column)
            lf = lf.with_columns(pl.when(result != "").then(result).alias(output_column))
        _sink(lf, dest, out_fmt)
    return counts


def _as_text(column: str, dtype: pl.DataType) -> pl.Expr:
    import polars as pl

    if dtype == pl.String:
        return pl.col(column)
    if dtype.is_nested() or dtype == pl.Object:
        raise FileError(f"column {column!r} holds {dtype}, not text, numbers or dates")
    return pl.col(column).cast(pl.String)


def _check_columns(schema: pl.Schema, columns: list[str]) -> None:
    for c in columns:
        if c not in schema:
            raise FileError(f"no column {c!r}; the columns are: {', '.join(schema)}")


def _sink(lf: pl.LazyFrame, dest: Path | Writable, fmt: str) -> None:
    sync = {"sync_on_close": "all"} if isinstance(dest, Path) else {}
    if fmt in SEPARATORS:
        lf.sink_csv(dest, separator=SEPARATORS[fmt], check_extension=False, **sync)  # type: ignore[arg-type]
    elif fmt == "parquet":
        lf.sink_parquet(dest, **sync)  # type: ignore[arg-type]
    else:
        lf.sink_ndjson(dest, check_extension=False, **sync)  # type: ignore[arg-type]


@contextlib.contextmanager
def _reading(src: Path, fmt: str) -> Iterator[None]:
    """polars' errors about ``src`` (and about writing) as one-line FileErrors."""
    import polars as pl

    try:
        empty = src.stat().st_size == 0
    except OSError as e:
        raise FileError(f"cannot read {src}: {e.strerror or e}") from None
    if empty:
        raise FileError(f"{src} is empty")
    try:
        yield
    except pl.exceptions.PolarsError as e:
        raise FileError(f"{src}: {_reason(str(e), fmt)}") from None
    except OSError as e:  # polars reports a failed read or write as a bare OSError
        raise FileError(f"input/output error: {e}") from None


def _reason(message: str, fmt: str) -> str:
    """polars' message up to its advice, on one line."""
    first = " ".join(message.strip().split("\n\n")[0].split()) or "unreadable"
    if "utf-8" in first.lower() or "utf8" in first.lower():
        return "not UTF-8 text"
    if len(first) > 160:
        first = first[:157] + "..."
    return f"malformed {NAMES[fmt]}: {first}"


@contextlib.contextmanager
def replacing(dest: Path) -> Iterator[Path]:
    """A fresh path beside ``dest``, renamed over it when the block completes and removed if
    it fails, so ``dest`` is never seen half written. An existing ``dest`` keeps its mode."""
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.open("xb").close()
        if dest.exists():
            shutil.copymode(dest, tmp)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise FileError(f"cannot write {dest}: {e.strerror or e}") from None
    try:
        yield tmp
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def apply_spark(
    prog: Program,
    src: Path,
    fmt: str,
    columns: Sequence[str],
    output_column: str,
    dest: Path,
    out_fmt: str,
    master: str,
) -> None:
    """:func:`apply` with Spark (``spark.read``, :meth:`Program.to_spark`, one output file)."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    # Fallback UDFs run in Python workers that must import likewise: by default, this Python.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName("likewise")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sep = SEPARATORS.get(fmt, ",")
    try:
        with _reading(src, fmt):
            if fmt == "parquet":
                df = spark.read.parquet(str(src))
            elif fmt == "jsonl":
                df = spark.read.json(str(src), mode="FAILFAST")
            else:
                df = spark.read.csv(
                    str(src), header=True, sep=sep, escape='"', multiLine=True, mode="FAILFAST"
                )
            missing = [c for c in columns if c not in df.columns]
            if missing:
                raise FileError(
                    f"no column {missing[0]!r}; the columns are: {', '.join(df.columns)}"
                )
            if output_column in df.columns and output_column not in columns:
                raise FileError(f"--output-column {output_column!r} is already a column of {src}")
            inputs = [F.col(c).cast("string") for c in columns]
            if fmt in SEPARATORS:  # Spark reads an empty field as null: the program sees ""
                inputs = [F.coalesce(c, F.lit("")) for c in inputs]
            out = df.withColumn(output_column, prog.to_spark(*inputs)).coalesce(1).write
            with replacing(dest) as tmp:
                parts = tmp.with_suffix(".parts")
                try:
                    if out_fmt in SEPARATORS:
                        out.csv(
                            str(parts),
                            header=True,
                            sep=SEPARATORS[out_fmt],
                            escape='"',
                            emptyValue="",
                            ignoreLeadingWhiteSpace=False,  # Spark trims when writing
                            ignoreTrailingWhiteSpace=False,
                        )
                    elif out_fmt == "parquet":
                        out.parquet(str(parts))
                    else:
                        out.json(str(parts), ignoreNullFields=False)
                    os.replace(next(parts.glob("part-*")), tmp)
                finally:
                    shutil.rmtree(parts, ignore_errors=True)
    except (PySparkException, Py4JError) as e:
        raise FileError(f"{src}: {_reason(str(e), fmt)}") from None

"""Throughput of learned programs compiled to polars (and Spark) against hand-written native
expressions and the interpreter.

    python benchmarks/backends/throughput.py --rows 10000000
    python benchmarks/backends/throughput.py --rows 10000000 --spark-rows 10000000

Three programs are learned from two or three examples each (nothing is written by hand on the
likewise side): a token extraction with a case change, a date reformat and a conditional. Each
runs on the same generated column; every compiled output is checked against the hand-written
one on all rows, and against the interpreter on the interpreter's sample.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import polars as pl

import likewise

FIRST = ["Ada", "Alan", "Grace", "Édouard", "Linus", "Barbara", "Ken", "Zoë", "Dennis", "Frances"]
LAST = ["Lovelace", "Turing", "Hopper", "Lucas", "Torvalds", "Liskov", "Thompson", "Ritchie"]
DOMAINS = ["example.com", "mail.org", "uni.edu", "data.io"]


@dataclass
class Case:
    name: str
    column: str
    examples: list[tuple[str, str]]
    hand: Callable[[pl.Expr], pl.Expr]


CASES = [
    Case(
        "token + case",
        "name",
        [("Ada Lovelace", "LOVELACE, A"), ("Grace Brewster Hopper", "HOPPER, G")],
        lambda c: pl.concat_str(
            [
                c.str.extract(r"(\p{L}+)[^\p{L}]*$", 1).str.to_uppercase(),
                pl.lit(", "),
                c.str.slice(0, 1),
            ]
        ),
    ),
    Case(
        "date reformat",
        "date",
        [("03/14/2024", "2024-03-14"), ("12/01/1999", "1999-12-01"), ("07/30/2010", "2010-07-30")],
        lambda c: c.str.strptime(pl.Date, "%m/%d/%Y", strict=False).dt.strftime("%Y-%m-%d"),
    ),
    Case(
        "conditional",
        "contact",
        [
            ("ada@example.com", "example.com"),
            ("555-0100", "phone"),
            ("k@uni.edu", "uni.edu"),
            ("555-0199", "phone"),
        ],
        lambda c: (
            pl.when(c.str.contains("@", literal=True))
            .then(c.str.extract(r"@(.*)$", 1))
            .otherwise(pl.lit("phone"))
        ),
    ),
]


def make_frame(rows: int, seed: int = 0) -> pl.DataFrame:
    rng = np.random.default_rng(seed)

    def pick(words: list[str]) -> pl.Series:
        return pl.Series(np.array(words, dtype=object)[rng.integers(0, len(words), rows)])

    first, last = pick(FIRST), pick(LAST)
    days = rng.integers(0, 365 * 60, rows)
    dates = (pl.Series(days).cast(pl.Date) + pl.duration(days=0)).dt.strftime("%m/%d/%Y")
    phone = pl.Series(rng.integers(0, 10000, rows)).cast(pl.String).str.zfill(4)
    is_mail = pl.Series(rng.random(rows) < 0.5)
    mail = first.str.to_lowercase() + "@" + pick(DOMAINS)
    return pl.DataFrame(
        {
            "name": first + " " + last,
            "date": pl.select(dates).to_series(),
            "contact": pl.select(pl.when(is_mail).then(mail).otherwise("555-" + phone)).to_series(),
        }
    )


def timed(*fns: Callable[[], object], repeat: int = 3) -> list[float]:
    """The best time of each function over ``repeat`` rounds, the functions taking turns in
    each round so that a slow spell of the machine does not fall on one of them only."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t)
    return best


def bench_polars(df: pl.DataFrame, interp_rows: int) -> None:
    print(f"polars {pl.__version__}, {len(df):,} rows, threads={pl.thread_pool_size()}")
    print(
        f"{'program':15} {'compiled/s':>12} {'hand/s':>12} {'interp/s':>10} "
        f"{'vs hand':>8} {'vs interp':>10}  program"
    )
    for case in CASES:
        prog = likewise.learn(case.examples)
        col = pl.col(case.column)
        compiled, hand = prog.to_polars(col, strict=True), case.hand(col)
        got = df.select(compiled).to_series()
        want = df.select(hand).to_series()
        assert got.to_list() == want.to_list(), f"{case.name}: compiled != hand-written"
        sample = df[case.column][:interp_rows].to_list()
        assert [prog(x) for x in sample] == got[:interp_rows].to_list(), (
            f"{case.name}: compiled != interpreter"
        )
        t_comp, t_hand, t_int = timed(
            lambda compiled=compiled: df.select(compiled),
            lambda hand=hand: df.select(hand),
            lambda prog=prog, sample=sample: [prog(x) for x in sample],
            repeat=5,
        )
        n = len(df)
        print(
            f"{case.name:15} {n / t_comp:12,.0f} {n / t_hand:12,.0f} {interp_rows / t_int:10,.0f} "
            f"{t_hand / t_comp:8.2f}x {(n / t_comp) / (interp_rows / t_int):9.1f}x  {prog}"
        )


def bench_spark(df: pl.DataFrame, master: str) -> None:
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the UDF workers import likewise

    spark = (
        SparkSession.builder.master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    path = "/tmp/likewise-throughput.parquet"
    df.write_parquet(path)
    sdf = spark.read.parquet(path).cache()
    n = sdf.count()
    print(f"spark {spark.version} {master}, {n:,} rows")
    print(f"{'program':15} {'compiled/s':>12} {'udf/s':>12} {'ratio':>8}")
    for case in CASES:
        prog = likewise.learn(case.examples)
        compiled = prog.to_spark(F.col(case.column), strict=True)
        udf = F.udf(lambda x, prog=prog: None if x is None else prog(x), "string", useArrow=True)

        def run(column):
            return sdf.select(F.sum(F.length(column))).collect()

        assert run(compiled) == run(udf(F.col(case.column))), case.name
        t_comp, t_udf = timed(
            lambda compiled=compiled: run(compiled),
            lambda udf=udf, case=case: run(udf(F.col(case.column))),
            repeat=2,
        )
        print(f"{case.name:15} {n / t_comp:12,.0f} {n / t_udf:12,.0f} {t_udf / t_comp:7.1f}x")
    spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--interp-rows", type=int, default=200_000)
    ap.add_argument("--spark-rows", type=int, default=0, help="0 skips Spark")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--spark-only", action="store_true", help="skip the polars table")
    args = ap.parse_args()
    df = make_frame(max(args.rows, args.spark_rows) if args.spark_only else args.rows)
    if not args.spark_only:
        bench_polars(df, min(args.interp_rows, args.rows))
    if args.spark_rows:
        bench_spark(df.head(args.spark_rows), args.master)


if __name__ == "__main__":
    main()

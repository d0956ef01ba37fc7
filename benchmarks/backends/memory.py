"""Peak memory of ``likewise apply`` on a CSV file of a requested size.

    python benchmarks/backends/memory.py --size-mb 1200 --limit-mb 256
    python benchmarks/backends/memory.py --size-mb 5000 --limit-mb 256 --dir /big/tmp

Generates a CSV (names with non-ASCII letters and empty values, a quoted field with a comma),
runs ``likewise apply FILE --column name --output-column short -o OUT`` in a child process and
measures its peak resident memory: the kernel's own peak (``ru_maxrss`` from ``wait4``, what
``/usr/bin/time -v`` reports) and, by polling ``/proc``, how much of it was anonymous memory
and how much mapped file pages. The child is killed if it goes over ``--limit-mb``.
``RLIMIT_AS`` is no use as the limit: polars reserves far more address space than it touches
(over 1 GB of virtual memory on a tiny file). Then the output is checked: its row count, and
every ``--every``-th row against the interpreter. Files go to a temporary folder in ``--dir``,
removed at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import polars as pl

from likewise.program import Program

FIRST = ["Ada", "Alan", "Grace", "María José", "Zoë", "李", "Ólafur", "Linus", "", "Ken"]
LAST = ["Lovelace", "Turing", "Hopper", "Carreño", "Ngô", "王", "Arnalds", "", "Thompson"]
PROGRAM = 'Concat(GetToken(Word, -1), ", ", SubStr(1, 1), ".")'
CHUNK_ROWS = 500_000


def generate(path: Path, size_mb: float, seed: int) -> int:
    """Write about ``size_mb`` MB of CSV to ``path``; returns the number of rows."""
    rng = np.random.default_rng(seed)
    first, last = pl.Series(FIRST), pl.Series(LAST)
    target, rows = size_mb * 1e6, 0
    with path.open("wb") as f:
        while f.tell() < target:
            n = CHUNK_ROWS
            df = pl.DataFrame(
                {
                    "id": np.arange(rows, rows + n),
                    "first": first.gather(rng.integers(0, len(FIRST), n)),
                    "last": last.gather(rng.integers(0, len(LAST), n)),
                    "city": rng.integers(0, 1000, n),
                }
            ).select(
                pl.col("id"),
                pl.concat_str("first", "last", separator=" ").str.strip_chars().alias("name"),
                pl.format("City {}, XY", "city").alias("city"),
            )
            df.write_csv(f, include_header=rows == 0)
            rows += n
    return rows


class Watch:
    """Polls a process's memory every few milliseconds; kills it past ``limit`` bytes."""

    def __init__(self, pid: int, limit: int) -> None:
        self.pid, self.limit = pid, limit
        self.peak = {"VmRSS": 0, "RssAnon": 0, "RssFile": 0}
        self.killed = False
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        while True:
            try:
                with open(f"/proc/{self.pid}/status") as f:
                    for line in f:
                        key, _, value = line.partition(":")
                        if key in self.peak:
                            self.peak[key] = max(self.peak[key], int(value.split()[0]) * 1024)
            except (OSError, ValueError):
                return
            if self.peak["VmRSS"] > self.limit and not self.killed:
                self.killed = True
                os.kill(self.pid, 9)
            time.sleep(0.005)


def check(src: Path, out: Path, every: int, program: str) -> tuple[int, int, int]:
    """(rows in the output, rows compared with the interpreter, mismatches)."""
    prog = Program.parse(program)

    def sample(path: Path, column: str) -> list[str]:
        lf = pl.scan_csv(path, infer_schema=False, empty_string_is_null=False)
        picked = lf.with_row_index().filter(pl.col("index") % every == 0)
        return picked.select(pl.col(column).fill_null("")).collect().to_series().to_list()

    written = pl.scan_csv(out, infer_schema=False).select(pl.len()).collect().item()
    names, shorts = sample(src, "name"), sample(out, "short")
    bad = sum((prog._run((n,)) or "") != s for n, s in zip(names, shorts, strict=True))
    return written, len(names), bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=1200, help="CSV size to generate (MB)")
    ap.add_argument("--limit-mb", type=float, default=256, help="peak RSS allowed (MB)")
    ap.add_argument("--every", type=int, default=10_000, help="check every N-th row")
    ap.add_argument("--program", default=PROGRAM, help="program text to apply to 'name'")
    ap.add_argument("--dir", default=tempfile.gettempdir(), help="where the files go")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="likewise-memory-", dir=args.dir))
    src, out = folder / "input.csv", folder / "output.csv"
    try:
        start = time.perf_counter()
        rows = generate(src, args.size_mb, args.seed)
        size = src.stat().st_size
        print(f"input: {size / 1e6:,.0f} MB, {rows:,} rows ({time.perf_counter() - start:.0f}s)")
        cmd = [
            sys.executable,
            "-c",
            "from likewise.cli import main; main()",
            "apply",
            str(src),
            "--column",
            "name",
            "--output-column",
            "short",
            "--program",
            args.program,
            "-o",
            str(out),
        ]
        limit = int(args.limit_mb * 2**20)
        start = time.perf_counter()
        pid = os.posix_spawn(sys.executable, cmd, os.environ)
        watch = Watch(pid, limit)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
        peak = usage.ru_maxrss * 1024  # kilobytes on Linux
        code = os.waitstatus_to_exitcode(status)
        watch.thread.join(timeout=1)
        mb = 2**20
        print(
            f"apply: exit {code}, {seconds:.1f}s, {rows / seconds:,.0f} rows/s, "
            f"{size / mb / seconds:,.0f} MiB/s"
        )
        print(
            f"peak RSS: {peak / mb:,.0f} MiB (limit {args.limit_mb:,.0f} MiB); polled: anonymous "
            f"{watch.peak['RssAnon'] / mb:,.0f} MiB, file pages {watch.peak['RssFile'] / mb:,.0f} MiB"
        )
        if watch.killed or code != 0:
            sys.exit(f"FAIL: {'killed over the limit' if watch.killed else f'exit code {code}'}")
        written, compared, bad = check(src, out, args.every, args.program)
        print(
            f"output: {written:,} rows; {compared:,} sampled rows, {bad} differ from the interpreter"
        )
        ok = written == rows and bad == 0 and peak <= limit
        print("PASS" if ok else "FAIL")
        sys.exit(0 if ok else 1)
    finally:
        if args.keep:
            print(f"files kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

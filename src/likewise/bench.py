"""The benchmark runner behind ``likewise bench``: load suites, learn each task, score it.

Scoring follows ``FORMAT.md`` (RobustFill's protocol): *consistent* when the program reproduces
every shown example, *generalized* when it also reproduces every held-out one.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from likewise.api import learn
from likewise.errors import LikewiseError, SuiteError
from likewise.sygus import load_sygus
from likewise.tasks import Task, load_suite


@dataclass
class Entry:
    """One task to run, or the reason it could not be loaded."""

    name: str
    task: Task | None
    error: str = ""


@dataclass
class Result:
    name: str
    status: str  # generalized | consistent | wrong | failed | unsupported
    consistent: bool
    generalized: bool | None  # None when there is nothing held out
    seconds: float
    program: str = ""
    error: str = ""


def load(paths: Iterable[str | Path], test_suffix: str | None = None) -> list[Entry]:
    """Entries from JSON suites, SyGuS ``.sl`` files, or folders of either (sorted by name).

    With ``test_suffix`` (e.g. ``-long``), a SyGuS task ``X`` is scored on the examples of the
    sibling file ``X<suffix>.sl``, and files whose names end in a known variant suffix are
    not run on their own.
    """
    entries: list[Entry] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.suffix in (".sl", ".json"))
            if not files:
                raise SuiteError(f"{p}: no .sl or .json files in this folder")
        elif p.exists():
            files = [p]
        else:
            raise SuiteError(f"{p}: no such file or folder")
        for f in files:
            if f.suffix == ".json":
                _, tasks = load_suite(f)
                entries.extend(Entry(t.name, t) for t in tasks)
            elif f.suffix == ".sl":
                if test_suffix and _is_variant(f.stem):
                    continue
                entries.append(_sygus_entry(f, test_suffix))
            else:
                raise SuiteError(f"{f}: expected a .json suite or a .sl SyGuS file")
    return entries


_VARIANTS = ("-long-repeat", "-long", "_short", "-short", "_small")


def _is_variant(stem: str) -> bool:
    return stem.endswith(_VARIANTS)


def _sygus_entry(f: Path, test_suffix: str | None) -> Entry:
    try:
        task = load_sygus(f)
    except SuiteError as e:
        return Entry(f.stem, None, str(e))
    if test_suffix:
        sibling = f.with_name(f.stem + test_suffix + ".sl")
        if sibling.exists():  # else the task runs with nothing held out
            held = load_sygus(sibling)
            task = Task(task.name, task.train, held.train, task.tags, task.constants)
    return Entry(f.stem, task)


def run_task(task: Task, timeout: float, observe: int | None = None) -> Result:
    task = task.observe(observe)
    start = time.perf_counter()
    try:
        prog = learn(
            [(e.inputs, e.output) for e in task.train], timeout=timeout, constants=task.constants
        )
    except LikewiseError as e:
        held = False if task.test else None
        return Result(task.name, "failed", False, held, time.perf_counter() - start, error=str(e))
    seconds = time.perf_counter() - start
    consistent = all(prog(*e.inputs) == e.output for e in task.train)
    generalized = all(prog(*e.inputs) == e.output for e in task.test) if task.test else None
    status = "consistent" if consistent else "wrong"
    if consistent and generalized:
        status = "generalized"
    return Result(task.name, status, consistent, generalized, seconds, str(prog))


def run(
    entries: list[Entry],
    timeout: float,
    observe: int | None = None,
    progress: Callable[[Result], None] = lambda r: None,
) -> list[Result]:
    results = []
    for e in entries:
        if e.task is None:
            r = Result(e.name, "unsupported", False, None, 0.0, error=e.error)
        else:
            r = run_task(e.task, timeout, observe)
        results.append(r)
        progress(r)
    return results


def summary(results: list[Result]) -> dict:
    times = sorted(r.seconds for r in results if r.status != "unsupported")
    held = [r for r in results if r.generalized is not None]
    return {
        "tasks": len(results),
        "consistent": sum(r.consistent for r in results),
        "generalized": sum(bool(r.generalized) for r in held),
        "with_held_out": len(held),
        "failed": sum(r.status == "failed" for r in results),
        "unsupported": sum(r.status == "unsupported" for r in results),
        "median_seconds": statistics.median(times) if times else 0.0,
        "p95_seconds": times[min(len(times) - 1, int(0.95 * len(times)))] if times else 0.0,
    }


def as_json(results: list[Result], meta: dict) -> dict:
    return {"meta": meta, "summary": summary(results), "results": [asdict(r) for r in results]}

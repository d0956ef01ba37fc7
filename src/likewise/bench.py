"""The benchmark runner behind ``likewise bench``: load suites, learn each task, score it.

Scoring follows ``FORMAT.md`` (RobustFill's protocol): *consistent* when the program reproduces
every shown example, *generalized* when it also reproduces every held-out one.
"""

from __future__ import annotations

import contextlib
import random
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from likewise.api import learn
from likewise.errors import LikewiseError, SuiteError
from likewise.sygus import load_sygus
from likewise.tasks import Example, Task, load_suite, typos


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
    # With injected noise: were the examples that the program (rightly) does not reproduce all
    # named as suspects? None when that does not apply.
    suspects_named: bool | None = None
    tag: str = ""  # the task's first tag (its category)


def load(paths: Iterable[str | Path], test_suffix: str | None = None) -> list[Entry]:
    """Entries from JSON suites, SyGuS ``.sl`` files, folders of either (sorted by name), or
    ``.txt`` lists of such files.

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
        elif p.suffix == ".txt" and p.exists():
            files = _listed(p)
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


def _listed(p: Path) -> list[Path]:
    """The files a list names, one path per line relative to the list ('#' starts a comment)."""
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise SuiteError(f"cannot read {p}: {e}") from None
    files = [
        p.parent / ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")
    ]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise SuiteError(f"{p} lists files that do not exist: {', '.join(missing[:3])}")
    return files


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
            try:
                held = load_sygus(sibling)
            except SuiteError as e:
                return Entry(f.stem, None, f"held-out file: {e}")
            task = Task(task.name, task.train, held.train, task.tags, task.constants)
    return Entry(f.stem, task)


def corrupt(task: Task, edits: int, seed: int) -> Task:
    """``task`` with ``edits`` random character edits in its shown examples (see
    :func:`likewise.tasks.typos`). The random stream depends only on the seed and the task's
    name."""
    rng = random.Random(f"{seed}:{task.name}")
    noisy = typos([(e.inputs, e.output) for e in task.train], edits, rng)
    train = tuple(Example(inputs, output) for inputs, output in noisy)
    return Task(task.name, train, task.test, task.tags, task.constants)


def run_task(
    task: Task,
    timeout: float,
    observe: int | None = None,
    noise: int = 0,
    seed: int = 0,
    exact: bool = False,
    ask: int = 0,
    engine: str = "auto",
) -> Result:
    task = task.observe(observe)
    tag = task.tags[0] if task.tags else ""
    if noise:
        task = corrupt(task, noise, seed)
    start = time.perf_counter()
    shown = len(task.train)
    with contextlib.suppress(LikewiseError):  # the learn below reports any failure
        task = _ask(task, ask, timeout)
    try:
        prog = learn(
            [(e.inputs, e.output) for e in task.train],
            # Asking, the held-out rows are the unlabeled rows: learn with them, as a Session does.
            inputs=[e.inputs for e in task.test] if ask else (),
            timeout=timeout,
            constants=task.constants,
            noise=0 if exact else "auto",
            engine=engine,
            trusted=range(shown, len(task.train)),  # the answers hold no typo
        )
    except LikewiseError as e:
        held = False if task.test else None
        seconds = time.perf_counter() - start
        return Result(task.name, "failed", False, held, seconds, error=str(e), tag=tag)
    seconds = time.perf_counter() - start
    try:
        # An example the program names as a likely typo does not count against it.
        suspects = {i for i, _, _ in prog.suspect_examples}
        consistent = all(
            prog(*e.inputs) == e.output or i in suspects for i, e in enumerate(task.train)
        )
        generalized = all(prog(*e.inputs) == e.output for e in task.test) if task.test else None
    except LikewiseError as e:  # e.g. held-out rows with another column count
        return Result(
            task.name, "failed", False, False, seconds, str(prog), f"scoring: {e}", tag=tag
        )
    status = "consistent" if consistent else "wrong"
    if consistent and generalized:
        status = "generalized"
    named = None
    if noise and generalized:
        missed = {i for i, e in enumerate(task.train) if prog(*e.inputs) != e.output}
        if missed:
            named = missed <= suspects
    return Result(task.name, status, consistent, generalized, seconds, str(prog), "", named, tag)


def _ask(task: Task, questions: int, timeout: float) -> Task:
    """Simulate a user answering ``suggest()``: the held-out rows are the unlabeled rows; the
    suggested row's true output becomes a shown example (and leaves the held-out set)."""
    from likewise.session import suggest

    shown = len(task.train)
    for _ in range(questions):
        rows = [e.inputs for e in task.test]
        if not rows:
            break
        examples = [(e.inputs, e.output) for e in task.train]
        picks = suggest(examples, rows, 1, timeout, trusted=range(shown, len(examples)))
        if not picks:
            break
        n = picks[0].index
        task = Task(
            task.name,
            (*task.train, task.test[n]),
            task.test[:n] + task.test[n + 1 :],
            task.tags,
            task.constants,
        )
    return task


def run(
    entries: list[Entry],
    timeout: float,
    observe: int | None = None,
    progress: Callable[[Result], None] = lambda r: None,
    noise: int = 0,
    seed: int = 0,
    exact: bool = False,
    ask: int = 0,
    engine: str = "auto",
) -> list[Result]:
    results = []
    for e in entries:
        if e.task is None:
            r = Result(e.name, "unsupported", False, None, 0.0, error=e.error)
        else:
            r = run_task(e.task, timeout, observe, noise, seed, exact, ask, engine)
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
        "suspects_named": sum(r.suspects_named is True for r in results),
        "suspects_expected": sum(r.suspects_named is not None for r in results),
        "median_seconds": statistics.median(times) if times else 0.0,
        "p95_seconds": times[min(len(times) - 1, int(0.95 * len(times)))] if times else 0.0,
    }


def by_tag(results: list[Result]) -> dict[str, tuple[int, int]]:
    """Per category (first tag): (generalized, tasks with held-out examples)."""
    out: dict[str, tuple[int, int]] = {}
    for r in results:
        if r.generalized is not None:
            g, n = out.get(r.tag, (0, 0))
            out[r.tag] = (g + bool(r.generalized), n + 1)
    return dict(sorted(out.items()))


def as_json(results: list[Result], meta: dict) -> dict:
    return {
        "meta": meta,
        "summary": summary(results),
        "by_tag": by_tag(results),
        "results": [asdict(r) for r in results],
    }

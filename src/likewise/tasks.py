"""Task suites: the JSON format every benchmark uses (see docs/benchmarks.md).

A suite is ``{"suite": name, "tasks": [{"name", "train", "test", "tags"}]}`` where each example is
``{"inputs": [str, ...], "output": str}``. Strings are kept exactly as written: nothing is trimmed.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from likewise.errors import SuiteError


@dataclass(frozen=True)
class Example:
    inputs: tuple[str, ...]
    output: str


@dataclass(frozen=True)
class Task:
    name: str
    train: tuple[Example, ...]
    test: tuple[Example, ...] = ()
    tags: tuple[str, ...] = ()
    # Literal strings a task's source suggests (e.g. a SyGuS grammar's constants); hints only.
    constants: tuple[str, ...] = field(default=(), compare=False)

    def observe(self, k: int | None) -> Task:
        """Show only the first ``k`` train examples; the rest join the held-out test set."""
        if k is None or k >= len(self.train):
            return self
        return Task(
            self.name, self.train[:k], self.train[k:] + self.test, self.tags, self.constants
        )


TYPO_ALPHABET = string.ascii_letters + string.digits + " .,-/"


def typos(
    examples: Sequence[tuple[tuple[str, ...], str]], edits: int, rng: random.Random
) -> list[tuple[tuple[str, ...], str]]:
    """``examples`` with ``edits`` random character edits (insert, delete or substitute one
    character from ``TYPO_ALPHABET``), each in a uniformly chosen example and field (an input
    or the output): the noise protocol of ``FORMAT.md``."""
    rows = [[*inputs, output] for inputs, output in examples]
    for _ in range(edits):
        i = rng.randrange(len(rows))
        f = rng.randrange(len(rows[i]))
        s = rows[i][f]
        op = rng.choice(("insert", "delete", "substitute") if s else ("insert",))
        at = rng.randrange(len(s) + (op == "insert"))
        c = rng.choice(TYPO_ALPHABET)
        if op == "insert":
            s = s[:at] + c + s[at:]
        elif op == "delete":
            s = s[:at] + s[at + 1 :]
        else:
            s = s[:at] + c + s[at + 1 :]
        rows[i][f] = s
    return [(tuple(r[:-1]), r[-1]) for r in rows]


def _example(obj: object, where: str) -> Example:
    if not isinstance(obj, dict) or "inputs" not in obj or "output" not in obj:
        raise SuiteError(f"{where}: an example must be an object with 'inputs' and 'output'")
    inputs, output = obj["inputs"], obj["output"]
    if not isinstance(inputs, list) or not all(isinstance(s, str) for s in inputs):
        raise SuiteError(f"{where}: 'inputs' must be a list of strings")
    if not isinstance(output, str):
        raise SuiteError(f"{where}: 'output' must be a string")
    return Example(tuple(inputs), output)


def parse_suite(data: object, source: str = "<suite>") -> tuple[str, list[Task]]:
    """Validate a decoded JSON suite and return ``(suite name, tasks)``."""
    if not isinstance(data, dict) or not isinstance(data.get("tasks"), list):
        raise SuiteError(f"{source}: a suite is an object with a 'tasks' list")
    tasks = []
    for n, t in enumerate(data["tasks"]):
        if not isinstance(t, dict):
            raise SuiteError(f"{source}: task {n} is not an object")
        name = str(t.get("name", f"task-{n}"))
        where = f"{source}: task {name!r}"
        train = t.get("train")
        if not isinstance(train, list) or not train:
            raise SuiteError(f"{where}: 'train' must be a non-empty list")
        test = t.get("test", [])
        if not isinstance(test, list):
            raise SuiteError(f"{where}: 'test' must be a list")
        tags = t.get("tags", [])
        tasks.append(
            Task(
                name,
                tuple(_example(e, where) for e in train),
                tuple(_example(e, where) for e in test),
                tuple(str(x) for x in tags) if isinstance(tags, list) else (),
            )
        )
    return str(data.get("suite", Path(source).stem)), tasks


def load_suite(path: str | Path) -> tuple[str, list[Task]]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise SuiteError(f"cannot read {path}: {e}") from None
    except json.JSONDecodeError as e:
        raise SuiteError(f"{path} is not valid JSON: {e}") from None
    return parse_suite(data, str(path))


def dump_suite(name: str, tasks: list[Task]) -> dict:
    def ex(e: Example) -> dict:
        return {"inputs": list(e.inputs), "output": e.output}

    return {
        "suite": name,
        "tasks": [
            {
                "name": t.name,
                "train": [ex(e) for e in t.train],
                "test": [ex(e) for e in t.test],
                "tags": list(t.tags),
            }
            for t in tasks
        ],
    }

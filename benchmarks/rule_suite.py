"""What the suites written as rules share (`fresh`, `fresh2`): each task is a plain-Python
rule applied to 10 hand-picked inputs, the first 6 examples `train` and the last 4 `test`,
written to the standard JSON format. It does not import `likewise`."""

import calendar
import json
from pathlib import Path

# Month names and abbreviations, in English: Python reads the "C" locale unless told otherwise.
MON = list(calendar.month_abbr)[1:]
MONL = list(calendar.month_name)[1:]


class RuleSuite:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tasks: list[dict] = []

    def task(self, name, tags, rows, f) -> None:
        """A task: ``f`` applied to each of the 10 ``rows`` (a tuple is several columns)."""
        assert len(rows) == 10, name
        ex = []
        for r in rows:
            ins = list(r) if isinstance(r, tuple) else [r]
            ex.append({"inputs": ins, "output": f(*ins)})
        self.tasks.append({"name": name, "train": ex[:6], "test": ex[6:], "tags": tags})

    def write(self, path: Path, count: int) -> None:
        """Check the suite (``count`` tasks, distinct names, text outputs, one output per
        input) and write it to ``path``."""
        assert len(self.tasks) == count, len(self.tasks)
        assert len({t["name"] for t in self.tasks}) == count
        for t in self.tasks:
            outs = {}
            for e in t["train"] + t["test"]:
                assert isinstance(e["output"], str), t["name"]
                assert outs.setdefault(tuple(e["inputs"]), e["output"]) == e["output"], t["name"]
        with path.open("w", encoding="utf-8") as f:
            json.dump({"suite": self.name, "tasks": self.tasks}, f, ensure_ascii=False, indent=1)
            f.write("\n")

"""The neural synthesizer alone on the synthetic test set, at several beam widths.

    python benchmarks/synthetic/synthesis.py [--model PATH] [--tasks 200] [--beam 1 10 100]

For each task, beam search (with pruning by the 4 shown examples) returns its most likely
program consistent with them; the task *generalizes* when that program also reproduces all 6
held-out examples. *Per example* is the share of held-out examples it reproduces (0 for a task
with no program), the metric to compare with the induction model's. No symbolic engine, no
hand-written ranking: the network alone. Prints one line per beam width.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: small products, one thread

from likewise.learning.beam import beam_search  # noqa: E402
from likewise.learning.model import NeuralModel  # noqa: E402
from likewise.synth.neural import WEIGHTS  # noqa: E402

SUITE = Path(__file__).with_name("test.json")


def _outputs(prog, rows):
    out = []
    for r in rows:
        try:
            out.append(prog.run(r))
        except Exception:  # a spelled program may fail in any way: it is just wrong there
            out.append(None)
    return out


def run(model: NeuralModel, tasks: list[dict], beam: int, timeout: float) -> dict:
    found = generalized = 0
    per_example: list[float] = []
    seconds: list[float] = []
    for t in tasks:
        shown = [(tuple(e["inputs"]), e["output"]) for e in t["train"]]
        held = [(tuple(e["inputs"]), e["output"]) for e in t["test"]]
        start = time.perf_counter()
        best = beam_search(model, shown, beam=beam, n_results=1, timeout=timeout)
        seconds.append(time.perf_counter() - start)
        if not best:
            per_example.append(0.0)
            continue
        found += 1
        got = _outputs(best[0][0], [r for r, _ in held])
        hits = sum(g == o for g, (_, o) in zip(got, held, strict=True))
        per_example.append(hits / len(held))
        generalized += hits == len(held)
    n = len(tasks)
    return {
        "beam": beam,
        "tasks": n,
        "consistent": found / n,
        "generalized": generalized / n,
        "per_example": statistics.fmean(per_example),
        "median_s": statistics.median(seconds),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default=str(WEIGHTS))
    p.add_argument("--suite", default=str(SUITE))
    p.add_argument("--tasks", type=int, default=200, help="the first N tasks")
    p.add_argument("--beam", type=int, nargs="+", default=[1, 10, 100])
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per search")
    a = p.parse_args()
    model = NeuralModel.load(a.model)
    tasks = json.loads(Path(a.suite).read_text(encoding="utf-8"))["tasks"][: a.tasks]
    for beam in a.beam:
        r = run(model, tasks, beam, a.timeout)
        print(
            f"beam {beam:4d}: {r['tasks']} tasks, consistent {r['consistent']:.1%}, "
            f"generalized {r['generalized']:.1%}, per held-out example {r['per_example']:.1%}, "
            f"median {r['median_s']:.2f} s/task",
            flush=True,
        )


if __name__ == "__main__":
    main()

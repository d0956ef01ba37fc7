"""The neural induction model on the synthetic suite: outputs written directly, no program.

    python benchmarks/synthetic/induction.py [--model PATH] [--tasks N]

For each of the first N tasks of ``test.json``, the 4 ``train`` examples are shown and the 6
``test`` outputs predicted (greedy decoding, :class:`likewise.learning.induction.InductionModel`).
Prints the exact per-example accuracy, the share of tasks with all 6 exact, and ms per task.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small products: one BLAS thread is fastest

from likewise.learning.induction import InductionModel, evaluate  # noqa: E402
from likewise.synth.neural import INDUCTION_WEIGHTS  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", default=str(INDUCTION_WEIGHTS), help="default: the shipped one")
    p.add_argument("--suite", default=str(HERE / "test.json"))
    p.add_argument("--tasks", type=int, default=1000, help="the first N tasks")
    a = p.parse_args(argv)
    model = InductionModel.load(a.model)
    tasks = json.loads(Path(a.suite).read_text(encoding="utf-8"))["tasks"][: a.tasks]
    res = evaluate(model, tasks)
    n_rows = sum(len(t["test"]) for t in tasks)
    print(f"model: {a.model} ({model.n_params()} parameters)")
    print(f"tasks: {len(tasks)} ({n_rows} held-out examples)")
    print(f"per-example exact: {res['example_acc']:.1%}")
    print(f"all held-out exact: {res['task_acc']:.1%}")
    print(f"ms per task: {res['ms_per_task']:.1f}")


if __name__ == "__main__":
    main()

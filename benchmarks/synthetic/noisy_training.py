"""Does training on noisy examples hurt clean accuracy? (RobustFill, section 7, says no.)

    python benchmarks/synthetic/noisy_training.py --out DIR [--minutes 5] [--noise 0.5]
        [--device cpu|cuda] [--workers 1] [--tasks 200] [--beam 10]

Trains two synthesis models side by side, from scratch, for the same wall-clock budget and with
the same seed and configuration as the shipped one: one on clean tasks, one where a share
(``--noise``) of the tasks carry 1 or 2 random character edits in their shown examples
(``likewise.tasks.typos``; the target program is the clean one). Then scores both on the first
``--tasks`` tasks of the synthetic test set, clean and with 1 edit in the shown examples
(``bench --noise 1`` protocol, seed 0): the greedy program (and, clean, beam search with
pruning). Prints one line per model and test set, and writes ``DIR/results.json``.

    --score DIR scores the two models already in DIR (e.g. trained elsewhere) without training.

A short budget trains far less than the shipped model: this compares the two recipes at equal
cost, it does not reproduce the shipped model's accuracy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: small products, one thread

from likewise.tasks import typos  # noqa: E402

SUITE = Path(__file__).with_name("test.json")


def _noisy(task: dict) -> dict:
    rng = random.Random(f"0:{task['name']}")
    shown = typos([(tuple(e["inputs"]), e["output"]) for e in task["train"]], 1, rng)
    train = [{"inputs": list(i), "output": o} for i, o in shown]
    return {**task, "train": train}


def _score(args: tuple[str, str, int, int]) -> tuple[str, str, dict]:
    """Clean: :func:`likewise.learning.train.evaluate`. With typos, the beam's pruning by the
    shown outputs cannot keep the true program, so only the greedy program counts: the exact
    program, and all 6 held-out (clean) outputs right."""
    from likewise.learning.model import NeuralModel
    from likewise.learning.train import evaluate

    model_dir, which, n, beam = args
    tasks = json.loads(SUITE.read_text(encoding="utf-8"))["tasks"][:n]
    model = NeuralModel.load(Path(model_dir) / "model.npz")
    if which == "clean":
        return model_dir, which, evaluate(model, tasks, beam)
    exact = held = 0
    for t in map(_noisy, tasks):
        prog = model.greedy(model.encode([(tuple(e["inputs"]), e["output"]) for e in t["train"]]))
        exact += prog is not None and str(prog) == t["program"]
        held += prog is not None and _solves(prog, t["test"])
    return model_dir, which, {"exact": exact / n, "generalizes": held / n}


def _solves(prog, rows: list[dict]) -> bool:
    try:
        return all(prog.run(tuple(e["inputs"])) == e["output"] for e in rows)
    except Exception:  # a spelled program may fail in any way: it is just wrong there
        return False


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--minutes", type=float, default=5)
    p.add_argument("--noise", type=float, default=0.5)
    p.add_argument("--device", default="cpu")
    p.add_argument("--workers", type=int, default=1, help="sampling processes per model")
    p.add_argument("--tasks", type=int, default=200)
    p.add_argument("--beam", type=int, default=10)
    p.add_argument("--score", action="store_true", help="score DIR's models, train nothing")
    a = p.parse_args()
    out = Path(a.out)
    runs = {"clean": 0.0, f"noise {a.noise}": a.noise}
    procs = []
    for name, noise in runs.items() if not a.score else ():
        d = out / name.replace(" ", "-")
        cmd = [sys.executable, "-m", "likewise.learning.train", "--out", str(d)]
        cmd += ["--seed", "1", "--budget-minutes", str(a.minutes), "--device", a.device]
        cmd += ["--workers", str(a.workers), "--noise", str(noise), "--eval-tasks", "0"]
        cmd += ["--dec-hidden", "192", "--enc-hidden", "64", "--log-every", "200"]
        d.mkdir(parents=True, exist_ok=True)
        log = open(d / "train.out", "w", encoding="utf-8")  # noqa: SIM115 - the child's log
        procs.append((name, d, subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)))
    for name, d, proc in procs:
        if proc.wait() != 0:
            sys.exit(f"training {name} failed: see {d / 'train.out'}")
    dirs = [out / name.replace(" ", "-") for name in runs]
    jobs = [(str(d), which, a.tasks, a.beam) for d in dirs for which in ("clean", "noise 1")]
    results = []
    with ProcessPoolExecutor(len(jobs)) as pool:
        for model_dir, which, res in pool.map(_score, jobs):
            last = json.loads((Path(model_dir) / "log.jsonl").read_text().splitlines()[-1])
            row = {"model": Path(model_dir).name, "steps": last["end"], "test": which, **res}
            results.append(row)
            print(json.dumps(row), flush=True)
    (out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

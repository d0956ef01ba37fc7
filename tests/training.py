"""The check both training commands share: a run stopped and resumed equals an unbroken one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np


def check_resume(
    main: Callable[[list[str]], None],
    load: Callable[[Path], object],
    tmp_path: Path,
    tasks: list[dict],
    sizes: list[str],
    acc: str,
) -> list[dict]:
    """Train 5 steps straight and 3 + 2 with a resume, on a tiny network (``sizes``), with
    ``tasks`` as the held-out suite; check the log (``acc``: its accuracy key), that the two
    runs export the same weights and that no temporary file is left. Returns the log."""
    suite = tmp_path / "suite.json"
    suite.write_text(json.dumps({"tasks": tasks}))
    common = [
        "--threads", "1", "--workers", "0", "--batch-size", "4", "--chunk", "2", *sizes,
        "--eval-suite", str(suite), "--eval-tasks", "1", "--log-every", "1",
        "--min-lr", "1", "--warmup", "1",  # a constant learning rate: no time-based decay
    ]  # fmt: skip
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    main(["--out", str(whole), "--max-steps", "5", *common])
    main(["--out", str(parts), "--max-steps", "3", *common])
    main(["--out", str(parts), "--max-steps", "5", "--resume", *common])
    log = [json.loads(line) for line in (whole / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in log if "step" in r] == [1, 2, 3, 4, 5]
    assert all(np.isfinite(r["loss"]) and 0 <= r[acc] <= 1 for r in log if "step" in r)
    assert [r for r in log if "eval" in r]
    # The resumed run saw the same batches and optimizer state as the unbroken one.
    a, b = load(whole / "model.npz"), load(parts / "model.npz")
    for k in a.p:
        np.testing.assert_array_equal(a.p[k], b.p[k])
    assert not list(whole.glob("*.tmp"))
    return log

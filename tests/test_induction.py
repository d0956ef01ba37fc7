"""The neural induction model: numpy inference, its torch mirror, training and resuming.

Tests that need torch skip without it (``pip install .[train]``); the rest need only numpy.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from tests.training import check_resume

from likewise.learning import charset
from likewise.learning.induction import (
    MAX_OUTPUT,
    InductionConfig,
    InductionModel,
    evaluate,
    resolve_unk,
    target_ids,
)
from likewise.learning.model import Config, NeuralModel
from likewise.learning.sampler import sample_task

TINY = InductionConfig(char_dim=8, enc_hidden=8, dec_hidden=16)
EXAMPLES = [
    (("alpha beta gamma",), "alpha gamma"),
    (("river stone lake",), "river lake"),
    (("north data blue silver",), "north silver"),
    (("john smith",), "john smith"),
]
ROWS = [("kappa delta",), ("josé garcía müller",), ("",)]


def _tasks(n: int, n_examples: int = 5, seed: int = 11) -> list[list]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        task = sample_task(rng, n_examples)
        if task:
            out.append(task[1])
    return out


# --- the numpy network ---------------------------------------------------------------------------


def test_predict_returns_strings_and_batches_rows_independently():
    model = InductionModel.random(TINY, seed=1)
    got = model.predict(EXAMPLES, ROWS)
    assert len(got) == len(ROWS)
    assert all(isinstance(s, str) and len(s) <= MAX_OUTPUT for s in got)
    assert [model.predict(EXAMPLES, [r])[0] for r in ROWS] == got
    assert model.predict(EXAMPLES, []) == []


def test_log_prob_is_a_log_probability():
    model = InductionModel.random(TINY, seed=2)
    lp = model.log_prob(EXAMPLES, ("kappa delta",), "kappa")
    assert np.isfinite(lp) and lp < 0
    # Every next character's distribution sums to 1: the log-probabilities of the one-character
    # outputs (and of the empty one) add up to at most 1.
    singles = [model.log_prob(EXAMPLES, ("ab",), c) for c in charset.CHARS]
    assert sum(np.exp(singles)) + np.exp(model.log_prob(EXAMPLES, ("ab",), "")) <= 1 + 1e-5


def test_resolve_unk_picks_the_most_weighted_unknown_character():
    ids = charset.encode(["üaé"])
    assert ids[0] == ids[2] == charset.UNK
    chars = ["ü", "a", "é", ""]
    assert resolve_unk(np.array([0.1, 0.5, 0.3, 0.1]), ids, chars) == "é"
    assert resolve_unk(np.array([0.4, 0.1, 0.3, 0.2]), ids, chars) == "ü"
    assert resolve_unk(np.array([0.5, 0.5]), charset.encode(["a"]), ["a", ""]) == "\ufffd"


def _crafted(**changes: float) -> InductionModel:
    model = InductionModel.random(TINY, seed=3)
    p = dict(model.p)
    p["q2_qry.weight"] = np.zeros_like(p["q2_qry.weight"])  # uniform copy attention
    p["gate.bias"] = np.array([changes.get("gate", -50.0)], dtype=np.float32)
    gen_bias = np.zeros_like(p["gen.bias"])
    gen_bias[charset.UNK] = changes.get("unk", 0.0)
    p["gen.bias"] = gen_bias
    return InductionModel(p, TINY)


def test_greedy_copies_non_ascii_characters_through():
    model = _crafted()  # p_gen ~ 0: copy only, uniformly over the query's positions
    # Positions: x, UNK, UNK, SEP: UNK is the likeliest id, the first "é" the character.
    assert model.predict(EXAMPLES, [("xéé",)]) == ["é" * MAX_OUTPUT]
    # Positions: a, SEP: "a" and the end are equally likely; argmax takes the lower id (SEP).
    assert model.predict(EXAMPLES, [("a",)]) == [""]
    # A generated UNK with no UNK in the query to copy.
    model = _crafted(gate=50.0, unk=50.0)
    assert model.predict(EXAMPLES, [("abc",)]) == ["\ufffd" * MAX_OUTPUT]


def test_save_and_load(tmp_path):
    model = InductionModel.random(TINY, seed=4)
    path = tmp_path / "m.npz"
    InductionModel.save_params(path, model.p, TINY)
    again = InductionModel.load(path)
    assert again.config == TINY and again.n_params() == model.n_params()
    assert again.predict(EXAMPLES, ROWS) == model.predict(EXAMPLES, ROWS)
    assert again.log_prob(EXAMPLES, ROWS[0], "kappa") == model.log_prob(EXAMPLES, ROWS[0], "kappa")
    assert not list(tmp_path.glob("*.tmp"))
    with pytest.raises(ValueError, match="gen.bias"):
        InductionModel({k: v for k, v in model.p.items() if k != "gen.bias"}, TINY)
    synth = tmp_path / "synth.npz"
    small = Config(char_dim=8, enc_hidden=8, tok_dim=8, dec_hidden=16)
    NeuralModel.save_params(synth, NeuralModel.random(small).p, small)
    with pytest.raises(ValueError, match="holds synthesis weights, not induction weights"):
        InductionModel.load(synth)
    with pytest.raises(ValueError, match="holds induction weights, not synthesis weights"):
        NeuralModel.load(path)


def test_bad_input_is_a_value_error():
    model = InductionModel.random(TINY)
    with pytest.raises(ValueError, match="no examples"):
        model.predict([], [("a",)])
    with pytest.raises(ValueError, match="columns"):
        model.predict(EXAMPLES, [("a", "b")])
    with pytest.raises(ValueError, match="columns"):
        model.predict([(("a",), "a"), (("a", "b"), "b")], [("a",)])
    with pytest.raises(ValueError, match="columns"):
        model.log_prob(EXAMPLES, ("a", "b"), "a")
    with pytest.raises(ValueError, match="sequence of strings"):
        model.predict(EXAMPLES, ["abc"])
    with pytest.raises(ValueError, match="output string"):
        model.predict([(("a",), 3)], [("a",)])


def test_evaluate_counts_exact_outputs():
    model = _crafted()
    task = {
        "train": [{"inputs": list(e), "output": o} for e, o in EXAMPLES],
        "test": [{"inputs": ["xéé"], "output": "é" * MAX_OUTPUT}, {"inputs": ["a"], "output": ""}],
    }
    res = evaluate(model, [task, {**task, "test": task["test"][:1] * 2}])
    assert res["example_acc"] == 1.0 and res["task_acc"] == 1.0 and res["ms_per_task"] > 0
    task["test"][1]["output"] = "b"
    res = evaluate(model, [task])
    assert res["example_acc"] == 0.5 and res["task_acc"] == 0.0


# --- torch: the numpy mirror, training ------------------------------------------------------


@pytest.mark.parametrize("n_queries", [2, 0])
def test_numpy_matches_torch(n_queries):
    torch = pytest.importorskip("torch")
    from likewise.learning.train_induction import InductionNet, collate, numpy_model

    torch.manual_seed(0)
    net = InductionNet(TINY)
    tasks = _tasks(4, seed=2)
    batch = {k: torch.from_numpy(v) for k, v in collate(tasks, TINY, n_queries).items()}
    with torch.no_grad():
        logp, targets, mask = net(batch)
    model = numpy_model(net)
    n_q = n_queries or len(tasks[0])
    row = 0
    for task in tasks:
        for k in range(n_q):
            ids = target_ids(task[k][1])
            n = len(ids)
            assert targets[row : row + n].tolist() == ids
            want = float(logp[row : row + n].gather(1, targets[row : row + n, None]).sum())
            context = task[:k] + task[k + 1 :]
            assert model.log_prob(context, task[k][0], task[k][1]) == pytest.approx(want, abs=1e-3)
            row += n
    assert row == len(targets) == int(mask.sum())
    assert np.allclose(logp.exp().sum(-1).numpy(), 1, atol=1e-4)


def test_training_checkpoints_resumes_and_exports(tmp_path):
    pytest.importorskip("torch")
    from likewise.learning.train_induction import main

    tasks = [
        {
            "program": "unused",
            "train": [{"inputs": list(e), "output": o} for e, o in ex[:4]],
            "test": [{"inputs": list(e), "output": o} for e, o in ex[4:]],
        }
        for ex in _tasks(2, n_examples=6)
    ]
    sizes = ["--char-dim", "8", "--enc-hidden", "8", "--dec-hidden", "16"]
    log = check_resume(main, InductionModel.load, tmp_path, tasks, sizes, "char_acc")
    assert {"example_acc", "task_acc", "ms_per_task"} <= set(log[-2])
    assert InductionModel.load(tmp_path / "whole" / "model.npz").config == TINY

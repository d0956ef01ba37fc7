"""Train the neural program synthesizer on sampled tasks (needs torch: ``pip install .[train]``).

    python -m likewise.learning.train --out DIR [--budget-minutes 150] [--threads 2] [--resume]

Tasks come from :func:`likewise.learning.sampler.sample_task`, 4 examples each, in chunks: chunk
``c`` is drawn from ``random.Random("likewise-train/SEED/c")`` (never the test suite's seed),
sorted by program length into batches (less padding) and shuffled, so the stream is fixed by
the seed and a resumed run sees the same batches as an unbroken one. Programs of the held-out
suite are skipped. Training is teacher forcing on ``vocab.encode(program)``. With ``--noise P``,
a share P of the tasks get 1 or 2 typos in their examples (``likewise.tasks.typos``) and keep
the clean program as the target (see ``benchmarks/synthetic/noisy_training.py``).

``DIR`` gets ``checkpoint.pt`` (model, optimizer, step, elapsed time), ``model.npz`` (the
weights for :class:`likewise.learning.model.NeuralModel`) every ``--checkpoint-minutes`` and at
the end, both written atomically, and ``log.jsonl``: training lines (step, elapsed, loss, token
accuracy) and evaluation lines (greedy decoding and beam search on a slice of the held-out
suite: the exact program, consistency with the 4 shown examples, all 10 examples).

Nothing that ``import likewise`` loads imports this module.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # numpy's BLAS, for evaluation: before numpy

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils.data import DataLoader, IterableDataset, get_worker_info  # noqa: E402

from likewise.lang.vocab import PAD, VOCAB, encode  # noqa: E402
from likewise.learning import charset  # noqa: E402
from likewise.learning.model import Config, NeuralModel  # noqa: E402
from likewise.learning.sampler import sample_task  # noqa: E402
from likewise.tasks import typos  # noqa: E402

SUITE = Path(__file__).resolve().parents[3] / "benchmarks" / "synthetic" / "test.json"
Batch = dict[str, torch.Tensor]


# --- the network ---------------------------------------------------------------------------


def _attend(q: torch.Tensor, keys: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Dot-product attention of queries (R, T, D) over keys (R, L, D) with mask (R, L)."""
    s = torch.bmm(q, keys.transpose(1, 2)) / math.sqrt(keys.shape[-1])
    p = s.masked_fill(~mask[:, None, :], float("-inf")).softmax(-1)
    return torch.bmm(p, keys)


class _BiGRU(nn.Module):
    """A bidirectional GRU over padded sequences, with each sequence's backward pass starting
    at its own end (as packed sequences would, but about 3 times faster on a CPU): outputs
    (R, L, 2H), zero past the ends, and final states (R, 2H)."""

    def __init__(self, n_in: int, n_hidden: int) -> None:
        super().__init__()
        self.fwd = nn.GRU(n_in, n_hidden, batch_first=True)
        self.bwd = nn.GRU(n_in, n_hidden, batch_first=True)

    def forward(self, x: torch.Tensor, lens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        length = x.shape[1]
        t = torch.arange(length, device=x.device)[None, :]
        mask = (t < lens[:, None]).unsqueeze(-1)
        # Reverses each sequence's first lens[r] steps (an involution); padding stays put.
        rev = torch.where(mask.squeeze(-1), lens[:, None] - 1 - t, t)
        last = (lens - 1)[:, None]

        def gather(y: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
            return y.gather(1, idx.unsqueeze(-1).expand(-1, -1, y.shape[-1]))

        out_f, _ = self.fwd(x)
        out_b = gather(self.bwd(gather(x, rev))[0], rev)
        final = torch.cat([gather(out_f, last).squeeze(1), out_b[:, 0]], dim=-1)
        return torch.cat([out_f, out_b], dim=-1) * mask, final


class Net(nn.Module):
    """The network of :mod:`likewise.learning.model`, for training."""

    def __init__(self, c: Config) -> None:
        super().__init__()
        he, hd, v = c.enc_hidden, c.dec_hidden, len(VOCAB)
        d = 2 * he
        self.config = c
        self.char_emb = nn.Embedding(charset.SIZE, c.char_dim)
        self.enc_in = _BiGRU(c.char_dim, he)
        self.enc_out = _BiGRU(c.char_dim, he)
        self.init = nn.Linear(2 * d, 2 * hd)
        self.tok_emb = nn.Embedding(v, c.tok_dim)
        self.dec1 = nn.GRU(c.tok_dim, hd, batch_first=True)
        self.q1_out = nn.Linear(hd, d, bias=False)
        self.q1_in = nn.Linear(hd + d, d, bias=False)
        self.dec2 = nn.GRU(hd + 2 * d, hd, batch_first=True)
        self.q2_out = nn.Linear(hd, d, bias=False)
        self.q2_in = nn.Linear(hd + d, d, bias=False)
        self.combine = nn.Linear(hd + 2 * d, hd)
        self.proj = nn.Linear(hd, v)

    def _encode(
        self, gru: _BiGRU, ids: torch.Tensor, lens: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        out, final = gru(self.char_emb(ids), lens)
        return out, torch.arange(ids.shape[1], device=ids.device)[None, :] < lens[:, None], final

    def forward(self, b: Batch) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Teacher-forced logits (M, V) of the M target tokens, the targets (M,), and where they
        are: a mask (tasks, steps) whose True cells, in row-major order, are the M rows."""
        n_tasks, n_ex = b["inp"].shape[:2]
        enc_in, mask_in, fin_in = self._encode(
            self.enc_in, b["inp"].flatten(0, 1), b["inp_len"].flatten()
        )
        enc_out, mask_out, fin_out = self._encode(
            self.enc_out, b["out"].flatten(0, 1), b["out_len"].flatten()
        )
        h0 = torch.tanh(self.init(torch.cat([fin_in, fin_out], dim=-1)))
        h0_1, h0_2 = (h.unsqueeze(0).contiguous() for h in h0.chunk(2, dim=-1))
        n_steps = int(b["prog_len"].max())
        prog = b["prog"][:, : n_steps + 1]
        x = self.tok_emb(prog[:, :-1]).repeat_interleave(n_ex, dim=0)  # (R, T, Et)

        def attend2(h: torch.Tensor, q_out: nn.Linear, q_in: nn.Linear) -> torch.Tensor:
            c_out = _attend(q_out(h), enc_out, mask_out)
            c_in = _attend(q_in(torch.cat([h, c_out], -1)), enc_in, mask_in)
            return torch.cat([h, c_out, c_in], -1)

        h1, _ = self.dec1(x, h0_1)
        h2, _ = self.dec2(attend2(h1, self.q1_out, self.q1_in), h0_2)
        a = torch.tanh(self.combine(attend2(h2, self.q2_out, self.q2_in)))
        pooled = a.view(n_tasks, n_ex, n_steps, -1).amax(dim=1)
        mask = torch.arange(n_steps, device=prog.device)[None, :] < b["prog_len"][:, None]
        return self.proj(pooled[mask]), prog[:, 1:][mask], mask


def export_params(net: Net) -> dict[str, np.ndarray]:
    return {k: v.detach().cpu().numpy().astype(np.float32) for k, v in net.state_dict().items()}


def numpy_model(net: Net) -> NeuralModel:
    return NeuralModel(export_params(net), net.config)


# --- data ------------------------------------------------------------------------------------


def collate(tasks: list[tuple[list[int], list[tuple[tuple[str, ...], str]]]], max_chars: int):
    """Padded arrays of a batch of (program ids, examples) tasks with equally many examples."""
    n_ex = len(tasks[0][1])
    inp = [[charset.encode(env, max_chars) for env, _ in ex] for _, ex in tasks]
    out = [[charset.encode([o], max_chars) for _, o in ex] for _, ex in tasks]

    def pad(rows: list[list[list[int]]]) -> tuple[np.ndarray, np.ndarray]:
        length = max(len(r) for task in rows for r in task)
        ids = np.full((len(rows), n_ex, length), charset.PAD, dtype=np.int64)
        lens = np.zeros((len(rows), n_ex), dtype=np.int64)
        for i, task in enumerate(rows):
            for j, r in enumerate(task):
                ids[i, j, : len(r)] = r
                lens[i, j] = len(r)
        return ids, lens

    prog = np.full((len(tasks), max(len(p) for p, _ in tasks)), PAD, dtype=np.int64)
    for i, (p, _) in enumerate(tasks):
        prog[i, : len(p)] = p
    (inp_ids, inp_len), (out_ids, out_len) = pad(inp), pad(out)
    prog_len = np.array([len(p) - 1 for p, _ in tasks], dtype=np.int64)  # targets per task
    return {
        "inp": inp_ids,
        "inp_len": inp_len,
        "out": out_ids,
        "out_len": out_len,
        "prog": prog,
        "prog_len": prog_len,
    }


def with_typos(task: tuple, share: float, rng: random.Random) -> tuple | None:
    """With probability ``share``, ``task`` (program, examples) with 1 or 2 typos in its
    examples and the same program: what the network sees when a user mistypes. None when a
    typo empties an output. ``share`` 0 draws nothing from ``rng``."""
    if not share or rng.random() >= share:
        return task
    noisy = typos(task[1], rng.choice((1, 2)), rng)
    return None if any(not out for _, out in noisy) else (task[0], noisy)


class Chunks(IterableDataset):
    """Chunks of batches, chunk ``start``, ``start + 1``, ... (workers take turns)."""

    def __init__(self, a: argparse.Namespace, start: int, skip: frozenset[str]) -> None:
        self.a, self.start, self.skip = a, start, skip

    def chunk(self, c: int) -> list[dict]:
        a = self.a
        rng = random.Random(f"likewise-train/{a.seed}/{c}")
        tasks = []
        while len(tasks) < a.chunk * a.batch_size:
            task = sample_task(rng, a.examples)
            if task is None:
                continue
            task = with_typos(task, a.noise, rng)
            if task is None:
                continue
            ids = encode(task[0])
            if len(ids) <= a.max_program and str(task[0]) not in self.skip:
                tasks.append((ids, task[1]))
        tasks.sort(key=lambda t: len(t[0]))
        bs = a.batch_size
        batches = [collate(tasks[i : i + bs], a.max_chars) for i in range(0, len(tasks), bs)]
        rng.shuffle(batches)
        return batches

    def __iter__(self) -> Iterator[list[dict]]:
        info = get_worker_info()
        worker, n_workers = (info.id, info.num_workers) if info else (0, 1)
        c = self.start + worker
        while True:
            yield self.chunk(c)
            c += n_workers


# --- evaluation ------------------------------------------------------------------------------


def load_eval(path: Path, n: int) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["tasks"][:n]


def evaluate(model: NeuralModel, tasks: list[dict], beam: int) -> dict[str, float]:
    """Greedy decoding, and beam search with pruning (beam > 0), on 4 shown examples each:
    the exact program, consistency with the shown examples, all examples."""
    from likewise.learning.beam import beam_search

    counts = dict.fromkeys(("exact", "consistent", "generalizes"), 0)
    if beam:
        counts.update(dict.fromkeys(("beam_found", "beam_generalizes"), 0))
    for t in tasks:
        shown = [(tuple(e["inputs"]), e["output"]) for e in t["train"]]
        every = shown + [(tuple(e["inputs"]), e["output"]) for e in t["test"]]
        enc = model.encode(shown)
        prog = model.greedy(enc)
        if prog is not None:
            counts["exact"] += str(prog) == t["program"]
            counts["consistent"] += _solves(prog, shown)
            counts["generalizes"] += _solves(prog, every)
        if beam:
            found = beam_search(model, enc, beam=beam, n_results=1, timeout=1.0)
            counts["beam_found"] += bool(found)
            counts["beam_generalizes"] += bool(found) and _solves(found[0][0], every)
    return {k: v / len(tasks) for k, v in counts.items()}


def _solves(prog, examples) -> bool:
    try:
        return all(prog.run(env) == out for env, out in examples)
    except Exception:
        return False


# --- training --------------------------------------------------------------------------------


def _save_atomic(obj: object, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def _lr(a: argparse.Namespace, step: int, elapsed: float) -> float:
    warm = min(1.0, (step + 1) / a.warmup)
    frac = min(1.0, elapsed / (60 * a.budget_minutes))  # cosine decay over the time budget
    return a.lr * warm * (a.min_lr + (1 - a.min_lr) * 0.5 * (1 + math.cos(math.pi * frac)))


@dataclass
class Recipe:
    """What a training run of one network needs besides the loop that :func:`run` shares: its
    config (from the arguments; a resumed run takes the checkpoint's), how to build the torch
    network and its batches, its loss, its numpy export and its held-out evaluation."""

    config: Any  # a frozen dataclass
    net: Callable[[Any], nn.Module]
    batches: Callable[[int, frozenset[str], Any], IterableDataset]  # (first chunk, skip, config)
    # (loss, correct predictions, targets, tasks) of a batch
    loss: Callable[[nn.Module, Batch], tuple[torch.Tensor, int, int, int]]
    save_npz: Callable[[Path, dict[str, np.ndarray], Any], None]
    evaluate: Callable[[nn.Module, list[dict]], dict[str, float]]
    unit: str  # what the targets are, for the log ("token": "token_acc")


def run(a: argparse.Namespace, recipe: Recipe) -> None:
    """The training loop: budget, resume, learning-rate schedule, log, checkpoints, evals."""
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    ckpt_path, npz_path, log_path = out / "checkpoint.pt", out / "model.npz", out / "log.jsonl"
    config = recipe.config
    step, elapsed, state = 0, 0.0, None
    if a.resume and ckpt_path.exists():
        state = torch.load(ckpt_path, weights_only=True, map_location="cpu")
        config = type(config)(**state["config"])
        step, elapsed = state["step"], state["elapsed"]
    device = torch.device(a.device)
    net = recipe.net(config).to(device)
    opt = torch.optim.Adam(net.parameters(), lr=a.lr)
    if state is not None:
        net.load_state_dict(state["model"])
        opt.load_state_dict(state["optim"])
    n_params = sum(p.numel() for p in net.parameters())
    eval_tasks = load_eval(Path(a.eval_suite), a.eval_tasks) if a.eval_tasks else []
    skip = frozenset(t["program"] for t in load_eval(Path(a.eval_suite), 10**9))
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run

    def write(rec: dict) -> None:
        log.write(json.dumps(rec) + "\n")
        log.flush()
        print(json.dumps(rec), flush=True)

    def checkpoint() -> None:
        _save_atomic(
            {
                "model": net.state_dict(),
                "optim": opt.state_dict(),
                "step": step,
                "elapsed": elapsed,
                "config": asdict(config),
                "args": vars(a),
            },
            ckpt_path,
        )
        recipe.save_npz(npz_path, export_params(net), config)

    def run_eval() -> None:
        nonlocal evaluated
        if eval_tasks and evaluated != step:
            evaluated = step
            net.eval()
            t0 = time.monotonic()
            res = recipe.evaluate(net, eval_tasks)
            write({"eval": step, "elapsed": round(elapsed), **res, "secs": time.monotonic() - t0})
            net.train()

    evaluated = -1  # the step of the last evaluation
    write({"start": step, "params": n_params, "config": asdict(config), "args": vars(a)})
    chunk0, skip_batches = divmod(step, a.chunk)
    loader = DataLoader(
        recipe.batches(chunk0, skip, config),
        batch_size=None,
        num_workers=a.workers,
        prefetch_factor=2 if a.workers else None,
        persistent_workers=False,
    )
    t_start = time.monotonic() - elapsed
    last_ckpt = last_eval = time.monotonic()
    sums = {"loss": 0.0, "acc": 0.0, "targets": 0, "tasks": 0}
    t_log, paused = time.monotonic(), 0.0  # paused: checkpoint and evaluation time since t_log
    done = False
    for chunk in loader:
        for b in chunk[skip_batches:]:
            elapsed = time.monotonic() - t_start
            if elapsed >= 60 * a.budget_minutes or (a.max_steps and step >= a.max_steps):
                done = True
                break
            for g in opt.param_groups:
                g["lr"] = _lr(a, step, elapsed)
            b = {k: v.to(device, non_blocking=True) for k, v in b.items()}
            loss, correct, n, tasks = recipe.loss(net, b)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), a.clip)
            opt.step()
            step += 1
            sums["loss"] += loss.item() * n
            sums["acc"] += correct
            sums["targets"] += n
            sums["tasks"] += tasks
            if step % a.log_every == 0:
                now = time.monotonic()
                write(
                    {
                        "step": step,
                        "elapsed": round(now - t_start, 1),
                        "loss": sums["loss"] / sums["targets"],
                        f"{recipe.unit}_acc": sums["acc"] / sums["targets"],
                        "tasks_per_s": sums["tasks"] / (now - t_log - paused),
                        "lr": opt.param_groups[0]["lr"],
                    }
                )
                sums = dict.fromkeys(sums, 0)
                t_log, paused = now, 0.0
            if time.monotonic() - last_ckpt >= 60 * a.checkpoint_minutes:
                elapsed = time.monotonic() - t_start
                checkpoint()
                paused += time.monotonic() - t_start - elapsed
                last_ckpt = time.monotonic()
            if time.monotonic() - last_eval >= 60 * a.eval_minutes:
                elapsed = time.monotonic() - t_start
                run_eval()
                paused += time.monotonic() - t_start - elapsed
                last_eval = time.monotonic()
        skip_batches = 0
        if done:
            break
    elapsed = time.monotonic() - t_start
    checkpoint()
    run_eval()
    write({"end": step, "elapsed": round(elapsed, 1)})
    log.close()


def classifier_loss(
    criterion: Callable[[torch.Tensor, torch.Tensor], torch.Tensor], lengths: str
) -> Callable[[nn.Module, Batch], tuple[torch.Tensor, int, int, int]]:
    """A :class:`Recipe` loss for a network whose forward gives (scores, targets, mask):
    ``criterion`` of them, the argmax hits, the targets, and the tasks (rows of ``lengths``)."""

    def loss(net: nn.Module, b: Batch) -> tuple[torch.Tensor, int, int, int]:
        scores, targets, _ = net(b)
        correct = int((scores.argmax(-1) == targets).sum().item())
        return criterion(scores, targets), correct, len(targets), len(b[lengths])

    return loss


def train(a: argparse.Namespace) -> None:
    run(
        a,
        Recipe(
            config=Config(a.char_dim, a.enc_hidden, a.tok_dim, a.dec_hidden, a.max_chars),
            net=Net,
            batches=lambda start, skip, _config: Chunks(a, start, skip),
            loss=classifier_loss(nn.functional.cross_entropy, "prog_len"),
            save_npz=NeuralModel.save_params,
            evaluate=lambda net, tasks: evaluate(numpy_model(net), tasks, a.eval_beam),
            unit="token",
        ),
    )


def run_parser(
    doc: str, budget: float, examples: int, eval_minutes: float
) -> argparse.ArgumentParser:
    """The options of :func:`run` (each network adds its own)."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--out", required=True, help="directory for checkpoint, model.npz, log")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--budget-minutes", type=float, default=budget, help="total, resumes included")
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many (0: no limit)")
    p.add_argument("--resume", action="store_true", help="continue DIR/checkpoint.pt if any")
    p.add_argument("--threads", type=int, default=1, help="torch threads")
    p.add_argument("--device", default="cpu", help="torch device (e.g. cuda for experiments)")
    p.add_argument("--workers", type=int, default=1, help="task-sampling processes (0: inline)")
    p.add_argument("--batch-size", type=int, default=32, help="tasks per batch")
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--min-lr", type=float, default=0.05, help="final lr, as a fraction")
    p.add_argument("--warmup", type=int, default=200, help="steps")
    p.add_argument("--clip", type=float, default=1.0, help="gradient norm")
    p.add_argument("--examples", type=int, default=examples, help="examples per task")
    p.add_argument("--chunk", type=int, default=8, help="batches sorted by length together")
    p.add_argument("--log-every", type=int, default=50, help="steps")
    p.add_argument("--checkpoint-minutes", type=float, default=5)
    p.add_argument("--eval-minutes", type=float, default=eval_minutes)
    p.add_argument("--eval-suite", default=str(SUITE))
    p.add_argument("--eval-tasks", type=int, default=100)
    return p


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = run_parser(__doc__, budget=150, examples=4, eval_minutes=15)
    p.add_argument("--max-program", type=int, default=100, help="tokens; longer are skipped")
    p.add_argument("--char-dim", type=int, default=Config.char_dim)
    p.add_argument("--enc-hidden", type=int, default=Config.enc_hidden, help="per direction")
    p.add_argument("--tok-dim", type=int, default=Config.tok_dim)
    p.add_argument("--dec-hidden", type=int, default=Config.dec_hidden)
    p.add_argument("--max-chars", type=int, default=Config.max_chars)
    p.add_argument("--eval-beam", type=int, default=10, help="0: greedy only")
    p.add_argument("--noise", type=float, default=0.0, help="share of tasks given 1-2 typos")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    train(parse_args(argv))


if __name__ == "__main__":
    main()

"""Train the neural induction model on sampled tasks (needs torch: ``pip install .[train]``).

    python -m likewise.learning.train_induction --out DIR [--budget-minutes 95] [--resume]

The network is :mod:`likewise.learning.induction`'s (its numpy mirror, which this exports).

Data: chunk ``c`` of tasks is drawn from ``random.Random("likewise-induce/SEED/c")`` with
:func:`~likewise.learning.sampler.sample_task`, 5 examples each (``--examples``), programs of
the held-out suite skipped; a chunk's tasks are sorted by their longest output into batches
(less padding) and the batches shuffled, so the stream is fixed by the seed and a resumed run
sees the same batches as an unbroken one (:class:`likewise.learning.train.Chunks` does the
turns between workers).

Each task's first 2 examples (``--queries``) are queries, each with the other 4 as its context
(so 4 shown examples, as in evaluation): 2 training items for the price of reading the 5
examples once (the context's states are computed once per task and masked per query) and of
sampling one task, which is slow Python. Measured on one busy core (encoders of 64 per
direction, decoder of 128): all 5 as queries trains 12 tasks/s (62 items/s), 2 gives 35 tasks/s
(71 items/s), 1 gives 47 (47 items/s): 2 decodes the most outputs per second while seeing
nearly the most tasks. The default sizes (48, 160) train about 30 tasks/s with 2. The
sampler's examples are in random order, so the first 2 are as good as any.

Training is teacher forcing with the pointer-generator's negative log-likelihood of each
output's characters and closing ``SEP``. ``DIR`` gets ``checkpoint.pt``, ``model.npz`` (every
``--checkpoint-minutes`` and at the end, both atomic) and ``log.jsonl``: training lines (loss
per character, character accuracy, tasks/s) and evaluation lines (greedy outputs of the 6
held-out examples of the first ``--eval-tasks`` suite tasks given their 4 shown ones: exact
per-example accuracy and all-6 task accuracy).

Nothing that ``import likewise`` loads imports this module.
"""

from __future__ import annotations

import argparse
import math
import os
import random

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # numpy's BLAS, for evaluation: before numpy

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

from likewise.learning import charset  # noqa: E402
from likewise.learning.induction import (  # noqa: E402
    TINY,
    InductionConfig,
    InductionModel,
    context_ids,
    evaluate,
    query_ids,
    target_ids,
)
from likewise.learning.sampler import sample_task  # noqa: E402
from likewise.learning.train import (  # noqa: E402
    Chunks,
    Recipe,
    _BiGRU,
    classifier_loss,
    export_params,
    run,
    run_parser,
)

Batch = dict[str, torch.Tensor]
Task = list[tuple[tuple[str, ...], str]]


# --- the network ---------------------------------------------------------------------------


def _attend(
    q: torch.Tensor, keys: torch.Tensor, mask: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Dot-product attention of queries (R, T, D) over keys (R, L, D) with mask (R, L): the
    contexts (R, T, D) and the weights (R, T, L)."""
    s = torch.bmm(q, keys.transpose(1, 2)) / math.sqrt(keys.shape[-1])
    p = s.masked_fill(~mask[:, None, :], float("-inf")).softmax(-1)
    return torch.bmm(p, keys), p


class InductionNet(nn.Module):
    """The network of :mod:`likewise.learning.induction`, for training."""

    def __init__(self, c: InductionConfig) -> None:
        super().__init__()
        e, he, hd, v = c.char_dim, c.enc_hidden, c.dec_hidden, charset.SIZE
        d = 2 * he
        self.config = c
        self.char_emb = nn.Embedding(v, e)
        self.enc_ctx = _BiGRU(e, he)
        self.enc_qry = _BiGRU(e, he)
        self.init = nn.Linear(2 * d, 2 * hd)
        self.dec1 = nn.GRU(e, hd, batch_first=True)
        self.q1_qry = nn.Linear(hd, d, bias=False)
        self.q1_ctx = nn.Linear(hd, d, bias=False)
        self.dec2 = nn.GRU(hd + 2 * d, hd, batch_first=True)
        self.q2_qry = nn.Linear(hd, d, bias=False)
        self.q2_ctx = nn.Linear(hd, d, bias=False)
        self.gen = nn.Linear(hd + 2 * d, v)
        self.gate = nn.Linear(hd + 2 * d, 1)

    def forward(self, b: Batch) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Teacher-forced log-probabilities (M, V) of the M target characters, the targets
        (M,), and where they are: a mask (items, steps), items being (task, query) in
        row-major order, whose True cells, in row-major order, are the M rows.

        Item (task i, query k) has example k as its query and the task's other examples as
        its context, which every example's states are masked to."""
        n_tasks, n_ex, len_ctx = b["ctx"].shape
        n_q = b["qry"].shape[1]
        n_items = n_tasks * n_q
        ctx_out, ctx_fin = self.enc_ctx(
            self.char_emb(b["ctx"].flatten(0, 1)), b["ctx_len"].flatten()
        )
        d = ctx_fin.shape[-1]
        others = ~torch.eye(
            n_q, n_ex, dtype=torch.bool, device=ctx_fin.device
        )  # [k, j]: example j is k's context
        task = ctx_fin.view(n_tasks, 1, n_ex, d).masked_fill(~others[None, :, :, None], -math.inf)
        task = task.amax(dim=2).reshape(n_items, d)
        keys = ctx_out.view(n_tasks, n_ex * len_ctx, d)  # all examples' characters, in a row
        pos = (
            torch.arange(len_ctx, device=b["ctx_len"].device)[None, None, :]
            < b["ctx_len"][..., None]
        )
        ctx_mask = (others[None, :, :, None] & pos[:, None]).view(n_tasks, n_q, 1, -1)

        qry, qry_len = b["qry"].flatten(0, 1), b["qry_len"].flatten()
        qry_out, qry_fin = self.enc_qry(self.char_emb(qry), qry_len)
        qry_mask = torch.arange(qry.shape[1], device=qry.device)[None, :] < qry_len[:, None]

        h0 = torch.tanh(self.init(torch.cat([task, qry_fin], dim=-1)))
        h0_1, h0_2 = (h.unsqueeze(0).contiguous() for h in h0.chunk(2, dim=-1))
        tgt_len = b["tgt_len"].flatten()
        n_steps = int(tgt_len.max())
        tgt = b["tgt"].flatten(0, 1)[:, :n_steps]
        prev = torch.cat([torch.full_like(tgt[:, :1], charset.SEP), tgt[:, :-1]], dim=1)

        def contexts(h: torch.Tensor, layer: int) -> tuple[torch.Tensor, torch.Tensor]:
            c_qry, w = _attend(getattr(self, f"q{layer}_qry")(h), qry_out, qry_mask)
            q = getattr(self, f"q{layer}_ctx")(h).view(n_tasks, n_q * n_steps, d)
            s = torch.bmm(q, keys.transpose(1, 2)) / math.sqrt(d)
            s = s.view(n_tasks, n_q, n_steps, -1).masked_fill(~ctx_mask, -math.inf)
            a = s.softmax(-1).view(n_tasks, n_q * n_steps, -1)
            c_ctx = torch.bmm(a, keys).view(n_items, n_steps, d)
            return torch.cat([h, c_qry, c_ctx], dim=-1), w

        h1, _ = self.dec1(self.char_emb(prev), h0_1)
        x2, _ = contexts(h1, 1)
        h2, _ = self.dec2(x2, h0_2)
        feats, w = contexts(h2, 2)
        p_gen = torch.sigmoid(self.gate(feats))
        onehot = nn.functional.one_hot(qry, charset.SIZE).to(w.dtype) * qry_mask[..., None]
        probs = p_gen * self.gen(feats).softmax(-1) + (1 - p_gen) * torch.bmm(w, onehot)
        mask = torch.arange(n_steps, device=tgt_len.device)[None, :] < tgt_len[:, None]
        return probs[mask].clamp_min(TINY).log(), tgt[mask], mask


def numpy_model(net: InductionNet) -> InductionModel:
    return InductionModel(export_params(net), net.config)


# --- data ------------------------------------------------------------------------------------


def _pad(rows: list[list[list[int]]]) -> tuple[np.ndarray, np.ndarray]:
    """Ids (tasks, examples, L) padded with PAD, and lengths (tasks, examples)."""
    length = max(len(r) for task in rows for r in task)
    ids = np.full((len(rows), len(rows[0]), length), charset.PAD, dtype=np.int64)
    lens = np.zeros(ids.shape[:2], dtype=np.int64)
    for i, task in enumerate(rows):
        for j, r in enumerate(task):
            ids[i, j, : len(r)] = r
            lens[i, j] = len(r)
    return ids, lens


def collate(tasks: list[Task], c: InductionConfig, n_queries: int = 0) -> dict[str, np.ndarray]:
    """Padded arrays of a batch of tasks with equally many examples: each example as context
    (inputs and output), and the first ``n_queries`` (0: all) as query (inputs) and as target
    (output)."""
    n_q = n_queries or len(tasks[0])
    ctx, ctx_len = _pad([[context_ids(e, o, c.max_context) for e, o in t] for t in tasks])
    qry, qry_len = _pad([[query_ids(e, c.max_query) for e, _ in t[:n_q]] for t in tasks])
    tgt, tgt_len = _pad([[target_ids(o) for _, o in t[:n_q]] for t in tasks])
    return {
        "ctx": ctx,
        "ctx_len": ctx_len,
        "qry": qry,
        "qry_len": qry_len,
        "tgt": tgt,
        "tgt_len": tgt_len,
    }


class InductionChunks(Chunks):
    """:class:`likewise.learning.train.Chunks` of induction batches."""

    def __init__(
        self, a: argparse.Namespace, start: int, skip: frozenset[str], config: InductionConfig
    ) -> None:
        super().__init__(a, start, skip)
        self.config = config

    def chunk(self, c: int) -> list[dict]:
        a = self.a
        rng = random.Random(f"likewise-induce/{a.seed}/{c}")
        tasks: list[Task] = []
        while len(tasks) < a.chunk * a.batch_size:
            task = sample_task(rng, a.examples)
            if task is not None and str(task[0]) not in self.skip:
                tasks.append(task[1])
        tasks.sort(key=lambda t: max(len(o) for _, o in t[: a.queries]))
        bs, cfg = a.batch_size, self.config
        batches = [collate(tasks[i : i + bs], cfg, a.queries) for i in range(0, len(tasks), bs)]
        rng.shuffle(batches)
        return batches


# --- training --------------------------------------------------------------------------------


def train(a: argparse.Namespace) -> None:
    if not 1 <= a.queries < a.examples:
        raise ValueError("--queries must be at least 1 and less than --examples (needs a context)")
    config = InductionConfig(a.char_dim, a.enc_hidden, a.dec_hidden, a.max_query, a.max_context)
    run(
        a,
        Recipe(
            config=config,
            net=InductionNet,
            batches=lambda start, skip, c: InductionChunks(a, start, skip, c),
            loss=classifier_loss(nn.functional.nll_loss, "tgt_len"),
            save_npz=InductionModel.save_params,
            evaluate=lambda net, tasks: {"tasks": len(tasks), **evaluate(numpy_model(net), tasks)},
            unit="char",
        ),
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = run_parser(__doc__, budget=95, examples=5, eval_minutes=20)
    c = InductionConfig
    p.add_argument("--queries", type=int, default=2, help="of the examples, queries in turn")
    p.add_argument("--char-dim", type=int, default=c.char_dim)
    p.add_argument("--enc-hidden", type=int, default=c.enc_hidden, help="per direction")
    p.add_argument("--dec-hidden", type=int, default=c.dec_hidden)
    p.add_argument("--max-query", type=int, default=c.max_query, help="ids of a new row")
    p.add_argument("--max-context", type=int, default=c.max_context, help="ids of an example")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    train(parse_args(argv))


if __name__ == "__main__":
    main()

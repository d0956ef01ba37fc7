"""Beam search over program tokens with RobustFill's pruning by the examples ("DP" beam).

Every beam entry carries its grammar state (:mod:`likewise.learning.grammar`), so only
well-formed programs over the task's columns are spelled. Inside a top-level ``Concat``, each
time a part is completed the interpreter runs that part on every example's inputs; the entry
is dropped unless the text produced so far is still a prefix of every output. Finished
programs are run on the examples, and the consistent ones are returned, best first, with their
log-probabilities (the model's, unchanged by the grammar's masking: ``NeuralModel.score``
gives the same number).

An example may hold a typo, and then the pruning drops the right program. With ``spare``
examples, an entry survives missing that many; each example it is seen to miss costs it
``MISS_PENALTY`` of its log-probability, and it takes a place in the beam only with that lower
score. A finished program that misses examples the pruning did not see (outside a top-level
``Concat``) pays ``MISS_PENALTY`` once.

The network steps all entries and examples at once (see ``NeuralModel.step``); the per-entry
work is the bookkeeping of the few candidates that enter the beam.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from likewise.errors import ParseError
from likewise.lang.ast import Node
from likewise.lang.vocab import BOS, EOS, VOCAB, decode, from_tokens
from likewise.learning import grammar
from likewise.learning.model import Encoded, log_softmax

if TYPE_CHECKING:
    from likewise.learning.model import NeuralModel

__all__ = ["SearchStats", "beam_search"]

Examples = Sequence[tuple[Sequence[str], str]]
# With spare examples, what an entry's log-probability loses when it first misses one: it
# keeps its place only against entries this much less likely that miss none.
MISS_PENALTY = 3.0


@dataclass
class SearchStats:
    """What a search did, for tests and tuning."""

    steps: int = 0
    part_checks: int = 0  # completed top-level parts run on the examples (cache misses)
    pruned: list[tuple[int, ...]] = field(default_factory=list)  # token ids of dropped entries
    finished: int = 0  # complete programs checked against the examples
    consistent: int = 0


@dataclass(frozen=True)
class _Entry:
    ids: tuple[int, ...]  # BOS and the tokens so far
    state: grammar.State
    partial: tuple[str, ...]  # per example, the output of the completed top-level parts
    part_start: int  # where the current top-level part starts in ids
    missed: frozenset[int] = frozenset()  # examples whose output the parts so far miss


def _run(node: Node, env: tuple[str, ...]) -> object:
    try:
        return node.run(env)
    except Exception:  # a program the model spelled may fail in any way: it is just wrong
        return None


def beam_search(
    model: NeuralModel,
    examples: Examples | Encoded,
    beam: int = 100,
    max_len: int = 128,
    n_results: int | None = None,
    prune: bool = True,
    timeout: float | None = None,
    stats: SearchStats | None = None,
    spare: int = 0,
    typo: Callable[[object, str], bool] | None = None,
) -> list[tuple[Node, float]]:
    """Programs consistent with ``examples``, best first, with their log-probabilities.

    ``beam`` entries are kept per step. The search ends when no entry is left, after
    ``max_len`` tokens, after ``timeout`` seconds, or once ``n_results`` consistent programs
    are found and no entry can beat the worst of them. ``prune=False`` turns off the checks
    of partial programs (finished ones are still checked). With ``spare``, a program may
    miss that many examples (which may hold typos; the caller tells which), and scores
    ``MISS_PENALTY`` less; it counts among the ``n_results``, with that score, where ``typo``
    says that what it gives each missed example reads as a typo of the example's output.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    stats = stats if stats is not None else SearchStats()
    enc = examples if isinstance(examples, Encoded) else model.encode(examples)
    outputs, envs, n_vocab = enc.outputs, enc.envs, len(VOCAB)
    part_cache: dict[tuple[int, ...], tuple[str | None, ...]] = {}
    results: list[tuple[Node, float]] = []
    counted: list[float] = []  # the scores of the results that count towards n_results
    live = [_Entry((BOS,), grammar.START, ("",) * len(outputs), 1)]
    scores = np.zeros(1)
    state = model.initial(enc)

    def bar() -> float:  # what a program must score to be among the n_results best found
        if n_results is None or len(counted) < n_results:
            return -np.inf
        return sorted(counted, reverse=True)[n_results - 1]

    def run_part(ids: tuple[int, ...]) -> tuple[str | None, ...]:
        if ids not in part_cache:
            stats.part_checks += 1
            node = from_tokens([VOCAB[i] for i in ids])
            vals = [_run(node, env) for env in envs]
            part_cache[ids] = tuple(v if isinstance(v, str) else None for v in vals)
        return part_cache[ids]

    def finish(ids: tuple[int, ...], score: float, seen: int) -> None:
        stats.finished += 1
        try:
            node = decode(ids)
        except ParseError:  # pragma: no cover - the grammar forbids it
            return
        try:  # (a program that fails on an example in any way is just wrong)
            missed = [
                (got, out)
                for env, out in zip(envs, outputs, strict=True)
                if (got := node.run(env)) != out
            ]
        except Exception:
            return
        if len(missed) <= spare:
            stats.consistent += 1
            score -= MISS_PENALTY * (len(missed) > seen)
            results.append((node, score))
            if all(typo is not None and typo(got, out) for got, out in missed):
                counted.append(score)

    for _ in range(max_len):
        if not live or scores[0] < bar():
            break
        if deadline is not None and time.monotonic() > deadline:
            break
        stats.steps += 1
        last = np.array([e.ids[-1] for e in live])
        logits, new_state = model.step(enc, last, state)
        masks = np.stack([grammar.allowed(e.state, enc.n_inputs) for e in live])
        cand = np.where(masks, scores[:, None] + log_softmax(logits), -np.inf).ravel()
        finite = np.flatnonzero(cand > -np.inf)
        order = finite[np.argsort(-cand[finite], kind="stable")]
        kept: list[_Entry] = []
        parents: list[int] = []
        new_scores: list[float] = []
        held: list[tuple[float, _Entry, int]] = []  # entries that just missed an example
        threshold = bar()
        for flat in order:
            score = float(cand[flat])
            if len(kept) == beam or score < threshold:
                break
            k, tok = divmod(int(flat), n_vocab)
            entry = live[k]
            ids = (*entry.ids, tok)
            if tok == EOS:
                finish(ids, score, len(entry.missed))
                threshold = bar()
                continue
            state = grammar.advance(entry.state, tok)
            partial, part_start, missed = entry.partial, entry.part_start, entry.missed
            if state == grammar.TOP_PARTS:  # a top-level part is complete: ids[part_start:]
                if prune:
                    outs = run_part(ids[part_start:])
                    missed = missed | {
                        i
                        for i, (o, p, q) in enumerate(zip(outputs, partial, outs, strict=True))
                        if q is None or not o.startswith(p + q)
                    }
                    if len(missed) > spare:
                        stats.pruned.append(ids)
                        continue
                    partial = tuple(p + (q or "") for p, q in zip(partial, outs, strict=True))
                    if len(missed) > len(entry.missed):  # it pays for the typo it assumes
                        entry = _Entry(ids, state, partial, len(ids), missed)
                        held.append((score - MISS_PENALTY, entry, k))
                        continue
                part_start = len(ids)
            elif state == ("parts",):  # just after the top-level Concat
                part_start = len(ids)
            kept.append(_Entry(ids, state, partial, part_start, missed))
            parents.append(k)
            new_scores.append(score)
        if held:  # they take the places their lowered scores earn
            ranked = [*zip(new_scores, kept, parents, strict=True), *held]
            ranked.sort(key=lambda x: -x[0])
            new_scores, kept, parents = map(list, zip(*ranked[:beam], strict=True))
        if not kept:
            break
        live, scores = kept, np.array(new_scores)
        state = (new_state[0][:, parents], new_state[1][:, parents])
    results.sort(key=lambda r: -r[1])
    best: dict[Node, float] = {}  # a program may be spelled twice (a small <bigint>)
    for node, score in results:
        best.setdefault(node, score)
    return list(best.items())

"""The neural synthesizer: character set, token grammar, numpy network, beam search, training.

Tests that need torch skip without it (``pip install .[train]``); the rest need only numpy.
"""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest
from tests.training import check_resume

from likewise.lang.ast import Concat, Const, GetToken, Node
from likewise.lang.vocab import BOS, EOS, VOCAB, encode, from_tokens
from likewise.learning import charset, grammar
from likewise.learning.beam import SearchStats, beam_search
from likewise.learning.model import Config, NeuralModel, log_softmax
from likewise.learning.sampler import sample_task

TINY = Config(char_dim=8, enc_hidden=8, tok_dim=8, dec_hidden=16)
EXAMPLES = [
    (("alpha beta gamma",), "alpha gamma"),
    (("river stone lake",), "river lake"),
    (("north data blue silver",), "north silver"),
    (("john smith",), "john smith"),
]
TARGET = Concat((GetToken(("Word",), 1), Const(" "), GetToken(("Word",), -1)))


def _tasks(n: int, n_examples: int = 4, seed: int = 11) -> list[tuple[Node, list]]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        task = sample_task(rng, n_examples)
        if task:
            out.append(task)
    return out


def _consistent(prog: Node, examples) -> bool:
    return all(prog.run(env) == out for env, out in examples)


# --- character set ---------------------------------------------------------------------------


def test_charset_round_trip():
    rows = [("John Smith", "x,y"), ("",), ("~!@# 09 az AZ",)]
    for row in rows:
        ids = charset.encode(row)
        assert ids.count(charset.SEP) == len(row) and ids[-1] == charset.SEP
        assert all(0 <= i < charset.SIZE for i in ids)
        assert charset.decode(ids) == list(row)
        assert charset.decode(ids + [charset.PAD] * 3) == list(row)
    assert charset.SIZE == 98 and len(set(charset.CHARS)) == 95


def test_charset_unknown_and_truncation():
    assert charset.encode(["é\t"]) == [charset.UNK, charset.UNK, charset.SEP]
    assert charset.decode(charset.encode(["café"])) == ["caf" + charset.UNK_CHAR]
    ids = charset.encode(["a" * 80, "b" * 80], max_len=100)
    assert len(ids) == 100 and ids[80] == charset.SEP
    assert charset.decode(ids) == ["a" * 80, "b" * 19]
    with pytest.raises(TypeError):
        charset.encode("abc")


# --- token grammar -----------------------------------------------------------------------------


def test_grammar_accepts_sampled_programs():
    for prog, examples in _tasks(150):
        state, n_inputs = grammar.START, len(examples[0][0])
        for tok in encode(prog)[1:]:
            assert grammar.allowed(state, n_inputs)[tok], (prog, VOCAB[tok], state)
            if tok == EOS:
                assert state == ()
                break
            state = grammar.advance(state, tok)


def test_grammar_narrows_to_the_task():
    ids = {t: i for i, t in enumerate(VOCAB)}
    start = grammar.allowed(grammar.START, 2)
    assert start[ids["x1"]] and start[ids["x2"]] and not start[ids["x3"]]
    assert not start[ids[")"]] and not start[EOS] and not start[ids["Len"]]
    assert not grammar.allowed(("parts",), 1)[ids[")"]]  # a Concat has a part
    assert grammar.allowed(("parts+",), 1)[ids[")"]]
    const = grammar.advance(("S",), ids["Const"])
    assert not grammar.allowed(const, 1)[ids[")"]]  # a constant has a character
    assert grammar.allowed(grammar.advance(const, ids["'a'"]), 1)[ids[")"]]
    state = grammar.advance(("int",), ids["<bigint>"])
    state = grammar.advance(state, ids["+"])
    for _ in range(grammar.MAX_DIGITS):
        state = grammar.advance(state, ids["'9'"])
    assert not grammar.allowed(state, 1)[ids["'9'"]] and grammar.allowed(state, 1)[ids[")"]]


# --- the numpy network ---------------------------------------------------------------------------


def test_score_is_the_sum_of_token_log_probabilities():
    model = NeuralModel.random(TINY, seed=3)
    ids = encode(TARGET)
    enc = model.encode(EXAMPLES)
    state, total = model.initial(enc), 0.0
    for prev, nxt in zip(ids, ids[1:], strict=False):
        logits, state = model.step(enc, np.array([prev]), state)
        logits = logits[0].astype(np.float64)
        total += logits[nxt] - np.log(np.exp(logits - logits.max()).sum()) - logits.max()
    assert model.score(EXAMPLES, TARGET) == pytest.approx(total, abs=1e-4)
    assert model.score(enc, TARGET) == pytest.approx(total, abs=1e-4)
    assert np.allclose(np.exp(log_softmax(model.token_logits(enc, ids))).sum(-1), 1, atol=1e-5)


def test_steps_are_independent_across_beam_entries():
    model = NeuralModel.random(TINY, seed=4)
    enc = model.encode(EXAMPLES)
    tokens = np.array([BOS, 7, 30, BOS])
    logits, _ = model.step(enc, tokens, model.initial(enc, 4))
    for k, t in enumerate(tokens):
        one, _ = model.step(enc, np.array([t]), model.initial(enc))
        assert np.allclose(one[0], logits[k], atol=1e-5)
    assert np.allclose(logits[0], logits[3], atol=1e-6)


def test_save_and_load(tmp_path):
    model = NeuralModel.random(TINY, seed=5)
    path = tmp_path / "m.npz"
    NeuralModel.save_params(path, model.p, TINY)
    again = NeuralModel.load(path)
    assert again.config == TINY and again.n_params() == model.n_params()
    assert again.score(EXAMPLES, TARGET) == model.score(EXAMPLES, TARGET)
    with pytest.raises(ValueError):
        NeuralModel({k: v for k, v in model.p.items() if k != "proj.bias"}, TINY)


def test_greedy_spells_a_program():
    model = NeuralModel.random(TINY, seed=6)
    prog = model.greedy(EXAMPLES, max_len=200)
    assert prog is None or isinstance(prog, Node)


# --- beam search ------------------------------------------------------------------------------


class Scripted(NeuralModel):
    """A fake network that favours, at step t, token t of TARGET, and a few wrong tokens less:
    beam search then explores many programs that start like TARGET, most of them wrong."""

    target = np.array(encode(TARGET))
    wrong = [VOCAB.index(t) for t in ("2", "-2", "'-'", "x1", "Const", "tok:Number", ")")]

    def initial(self, enc, k=1):
        pos = np.zeros((len(enc.outputs), k, 1))  # the state counts the steps
        return pos, pos

    def step(self, enc, tokens, state):
        pos = state[0][0, :, 0].astype(int)
        logits = np.zeros((len(tokens), len(VOCAB)))
        logits[:, self.wrong] = 2.0
        logits[np.arange(len(tokens)), self.target[np.minimum(pos + 1, len(self.target) - 1)]] = 3.5
        return logits, (state[0] + 1, state[1] + 1)


def _scripted() -> Scripted:
    return Scripted(NeuralModel.random(TINY).p, TINY)


def _top_parts(ids: tuple[int, ...]) -> list[Node]:
    """The completed parts of a partial top-level Concat, by the grammar, independently of how
    the beam tracked them."""
    state, start, parts = grammar.START, 2, []
    assert VOCAB[ids[1]] == "Concat"
    for at in range(1, len(ids)):
        state = grammar.advance(state, ids[at])
        if state == grammar.TOP_PARTS:
            parts.append(from_tokens([VOCAB[i] for i in ids[start : at + 1]]))
            start = at + 1
    return parts


def test_beam_search_returns_consistent_programs_and_prunes_only_inconsistent_ones():
    model = _scripted()
    stats = SearchStats()
    found = beam_search(model, EXAMPLES, beam=100, max_len=40, stats=stats)
    assert found and TARGET in [p for p, _ in found]
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
    assert len({p for p, _ in found}) == len(found)
    for prog, score in found:
        assert _consistent(prog, EXAMPLES)
        assert score == pytest.approx(model.score(EXAMPLES, prog), abs=1e-3)
    assert stats.part_checks > 0 and stats.pruned
    for ids in stats.pruned:  # the completed parts so far do not begin every output
        outs = [Concat(tuple(_top_parts(ids))).run(env) for env, _ in EXAMPLES]
        assert not all(
            o is not None and want.startswith(o)
            for o, (_, want) in zip(outs, EXAMPLES, strict=True)
        )


def test_pruning_checks_parts_only_when_asked_and_finds_what_the_plain_beam_finds():
    model = _scripted()
    plain, pruned = SearchStats(), SearchStats()
    without = beam_search(model, EXAMPLES, beam=30, prune=False, stats=plain)
    with_ = beam_search(model, EXAMPLES, beam=30, stats=pruned)
    assert plain.part_checks == 0 and not plain.pruned
    assert pruned.part_checks > 0
    assert all(_consistent(p, EXAMPLES) for p, _ in without + with_)
    # Pruning frees beam slots for consistent prefixes: it finds at least as much here.
    assert len(with_) >= len(without)
    assert pruned.finished < plain.finished  # and fewer dead ends get to EOS


def test_a_spare_example_keeps_the_program_a_typo_would_prune():
    model = _scripted()
    typo = [*EXAMPLES[:2], (EXAMPLES[2][0], "north silvr"), EXAMPLES[3]]
    assert TARGET not in [p for p, _ in beam_search(model, typo, beam=100, max_len=40)]
    found = beam_search(model, typo, beam=100, max_len=40, spare=1)
    assert TARGET in [p for p, _ in found]
    for prog, _ in found:  # each misses one example at most
        assert sum(prog.run(env) != out for env, out in typo) <= 1


def test_a_near_miss_ends_the_search_only_where_it_reads_as_a_typo():
    model = _scripted()
    typo = [*EXAMPLES[:2], (EXAMPLES[2][0], "north silvr"), EXAMPLES[3]]

    def search(reads_as_typo):
        stats = SearchStats()
        found = beam_search(
            model, typo, beam=100, max_len=40, n_results=1, spare=1, typo=reads_as_typo, stats=stats
        )
        return [p for p, _ in found], stats.steps

    found, steps = search(lambda got, given: True)
    assert found[0] == TARGET  # the likeliest near miss, and then the search ends
    never, steps_never = search(lambda got, given: False)
    assert TARGET in never and steps < steps_never  # no typo: it searches on
    assert search(None)[1] == steps_never


def test_beam_search_stops_early_with_n_results():
    model = _scripted()
    best = beam_search(model, EXAMPLES, beam=100, n_results=1)
    assert best and best[0][1] == beam_search(model, EXAMPLES, beam=100)[0][1]
    assert model.search(EXAMPLES, beam=5, timeout=0.0) == []


# --- torch: training and the numpy mirror ---------------------------------------------------


def test_library_does_not_import_torch():
    code = (
        "import sys, likewise; assert 'likewise.learning.model' not in sys.modules; "
        "import likewise.learning.model, likewise.learning.beam, likewise.learning.induction; "
        "sys.exit('torch' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_numpy_matches_torch():
    torch = pytest.importorskip("torch")
    from likewise.learning.train import Net, collate, numpy_model

    torch.manual_seed(0)
    net = Net(TINY)
    tasks = [(encode(p), ex) for p, ex in _tasks(6, n_examples=3, seed=2)]
    batch = {k: torch.from_numpy(v) for k, v in collate(tasks, TINY.max_chars).items()}
    with torch.no_grad():
        logits, targets, mask = net(batch)
    model = numpy_model(net)
    row = 0
    for (ids, examples), m in zip(tasks, mask, strict=True):
        n = int(m.sum())
        assert n == len(ids) - 1
        assert targets[row : row + n].tolist() == ids[1:]
        np.testing.assert_allclose(
            model.token_logits(examples, ids), logits[row : row + n].numpy(), atol=1e-4
        )
        row += n
    assert row == len(targets)


def test_training_checkpoints_resumes_and_exports(tmp_path):
    pytest.importorskip("torch")
    from likewise.learning.train import main

    tasks = [
        {
            "program": str(p),
            "train": [{"inputs": list(e), "output": o} for e, o in ex[:4]],
            "test": [{"inputs": list(e), "output": o} for e, o in ex[4:]],
        }
        for p, ex in _tasks(3, n_examples=6)
    ]
    sizes = ["--char-dim", "8", "--enc-hidden", "8", "--tok-dim", "8", "--dec-hidden", "16"]
    log = check_resume(
        main, NeuralModel.load, tmp_path, tasks, [*sizes, "--eval-beam", "2"], "token_acc"
    )
    assert {"exact", "beam_found"} <= set(log[-2])
    assert NeuralModel.load(tmp_path / "whole" / "model.npz").config == TINY


def test_training_with_typos_keeps_the_program_and_edits_one_or_two_characters():
    pytest.importorskip("torch")
    from likewise.learning.train import with_typos
    from likewise.synth.edits import edit_distance

    changed = 0
    for (prog, examples), seed in zip(_tasks(30, n_examples=4), range(30), strict=True):
        task = (prog, examples)
        assert with_typos(task, 0.0, random.Random(seed)) is task
        noisy = with_typos(task, 1.0, random.Random(seed))
        assert noisy == with_typos(task, 1.0, random.Random(seed))  # deterministic
        if noisy is None:  # a typo emptied an output
            continue
        assert noisy[0] is prog
        edits = sum(
            edit_distance(a, b)
            for (env, out), (env2, out2) in zip(examples, noisy[1], strict=True)
            for a, b in zip((*env, out), (*env2, out2), strict=True)
        )
        assert edits <= 2  # 0 when a substitution kept the character
        changed += edits > 0
    assert changed >= 20

"""The RobustFill-style random task sampler (likewise.learning.sampler)."""

from __future__ import annotations

import json
import random
from functools import cache

from likewise.lang.ast import Concat, GetSpan, If, Node
from likewise.lang.runtime import matches
from likewise.lang.syntax import parse
from likewise.learning.sampler import (
    MAX_OUTPUT,
    MAX_PARTS,
    Example,
    dumps_suite,
    input_sampler,
    main,
    make_suite,
    requirements,
    sample_program,
    sample_task,
)
from likewise.tasks import parse_suite


@cache
def _tasks(seed: int = 7, n: int = 200) -> tuple[tuple[Node, list[Example]], ...]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        task = sample_task(rng)
        assert task is not None
        out.append(task)
    return tuple(out)


def _has(node: Node, cls: type) -> bool:
    return isinstance(node, cls) or any(_has(c, cls) for c in node.children())


def test_same_seed_same_tasks_other_seed_other_tasks():
    assert make_suite(3, 20) == make_suite(3, 20)
    assert make_suite(3, 20)["tasks"][0]["train"] != make_suite(4, 20)["tasks"][0]["train"]
    a, b = random.Random(11), random.Random(11)
    assert [str(sample_program(a, 2)) for _ in range(50)] == [
        str(sample_program(b, 2)) for _ in range(50)
    ]


def test_outputs_are_the_interpreters_and_within_bounds():
    for program, examples in _tasks():
        assert len(examples) == 10
        assert len({env for env, _ in examples}) == 10  # distinct inputs
        assert len({out for _, out in examples}) > 1  # not a constant program
        for env, out in examples:
            assert program.run(env) == out
            assert isinstance(out, str) and 0 < len(out) <= MAX_OUTPUT


def test_program_shape_and_text_form_round_trips():
    for program, _ in _tasks():
        parts = program.parts if isinstance(program, Concat) else (program,)
        assert 1 <= len(parts) <= MAX_PARTS
        assert not (isinstance(program, Concat) and len(parts) == 1)
        assert parse(str(program)) == program


def test_sampler_covers_the_operators():
    text = " ".join(str(p) for p, _ in _tasks())
    for op in (
        "Concat", "GetToken", "SubStr", "GetSpan", "GetUpto", "GetFrom", "GetFirst", "GetAll",
        "JoinAll", "ToCase", "Replace", "Trim", "If", "FormatDate", "FormatNumber", "Bucket",
    ):  # fmt: skip
        assert f"{op}(" in text, op
    assert any(ord(c) > 127 for _, ex in _tasks() for env, _ in ex for c in "".join(env))


def test_inputs_meet_the_requirements():
    """Without spans (whose two ends may come in either order) or conditionals (whose branches
    need not both have values), every generated input gives the program a value."""
    rng = random.Random(5)
    checked = 0
    for _ in range(300):
        n_inputs = rng.choice((1, 2))
        program = sample_program(rng, n_inputs)
        if _has(program, GetSpan) or _has(program, If):
            continue
        row = input_sampler(rng, program, n_inputs)
        for _ in range(5):
            env = row(rng)
            assert program.run(env) is not None, (str(program), env)
            checked += 1
    assert checked > 500


def test_requirements_count_what_the_program_indexes():
    program = parse(
        'Concat(GetToken(Number, 4), GetUpto(","), GetSpan(Word, -3, End, ",", 3, Start))'
    )
    needs = requirements(program, 1)[0]
    assert needs.counts == {("Number",): 4, ",": 3, ("Word",): 3}
    rng = random.Random(0)
    row = input_sampler(rng, program, 1)
    for _ in range(50):
        (s,) = row(rng)
        assert s.count(",") >= 3 and len(matches(s, ("Number",))) >= 4
        assert len(matches(s, ("Word",))) >= 3
    assert requirements(parse("SubStr(3, -2)"), 1)[0].length == 3
    assert (
        requirements(parse('FormatDate("%Y-%m-%d", "%d/%m/%Y", "", 0, x2)'), 2)[1].date
        == "%Y-%m-%d"
    )


def test_suite_matches_the_format(tmp_path):
    suite = make_suite(20261126, 15, observed=4, heldout=6)
    name, tasks = parse_suite(json.loads(dumps_suite(suite)))
    assert name == "synthetic" and len(tasks) == 15
    for raw, task in zip(suite["tasks"], tasks, strict=True):
        assert raw["name"] == task.name and task.name.startswith("synthetic-20261126-")
        assert len(task.train) == 4 and len(task.test) == 6
        assert raw["tags"] == ["synthetic"]
        program = parse(raw["program"])
        for e in task.train + task.test:
            assert program.run(e.inputs) == e.output
    out = tmp_path / "s.json"
    main(["--seed", "20261126", "--tasks", "15", "--out", str(out)])
    assert json.loads(out.read_text(encoding="utf-8")) == suite

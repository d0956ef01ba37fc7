"""The benchmark runner: loading suites and SyGuS folders, running tasks, scoring, summaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from likewise import bench
from likewise.errors import SuiteError
from likewise.tasks import Example, Task

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TRACK = SHARED / "benchmarks" / "sygus_pbe_strings" / "PBE_Strings_Track"


def sl(fname: str, params: list[str], examples: list[tuple[tuple[str, ...], str]], ret="String"):
    """The text of a small SyGuS v2 PBE file."""
    ps = " ".join(f"({p} String)" for p in params)
    lines = ["(set-logic SLIA)", f"(synth-fun {fname} ({ps}) {ret})"]
    lines += [f"(declare-var {p} String)" for p in params]
    for ins, out in examples:
        args = " ".join(json.dumps(s) for s in ins)
        lines.append(f"(constraint (= ({fname} {args}) {json.dumps(out)}))")
    lines.append("(check-synth)")
    return "\n".join(lines) + "\n"


LAST = [(("John Smith",), "Smith"), (("Jane Doe",), "Doe")]
LAST_LONG = [*LAST, (("Alan Turing",), "Turing"), (("Grace Hopper",), "Hopper")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "last.sl").write_text(sl("f", ["name"], LAST), encoding="utf-8")
    (tmp_path / "last-long.sl").write_text(sl("f", ["name"], LAST_LONG), encoding="utf-8")
    (tmp_path / "last_small.sl").write_text(sl("f", ["name"], LAST[:1]), encoding="utf-8")
    (tmp_path / "join.sl").write_text(
        sl("g", ["a", "b"], [(("x", "y"), "x-y"), (("pq", "rs"), "pq-rs")]), encoding="utf-8"
    )
    (tmp_path / "count.sl").write_text(
        "(set-logic SLIA)\n(synth-fun f ((s String)) Int)\n"
        '(constraint (= (f "abc") 3))\n(check-synth)\n',
        encoding="utf-8",
    )
    (tmp_path / "notes.txt").write_text("not a task", encoding="utf-8")
    return tmp_path


def test_load_folder_without_suffix(folder):
    entries = bench.load([folder])
    names = [e.name for e in entries]
    # Sorted by file name, only .sl/.json files, variants run on their own.
    assert names == ["count", "join", "last-long", "last", "last_small"]
    by = {e.name: e for e in entries}
    assert by["count"].task is None
    assert "Int" in by["count"].error
    assert by["last"].task is not None
    assert [(ex.inputs, ex.output) for ex in by["last"].task.train] == LAST
    assert by["last"].task.test == ()
    assert by["join"].task.train[0] == Example(("x", "y"), "x-y")


def test_load_folder_with_test_suffix(folder):
    entries = bench.load([str(folder)], test_suffix="-long")
    by = {e.name: e for e in entries}
    assert sorted(by) == ["count", "join", "last"]  # -long and _small variants are not run
    last = by["last"].task
    assert last is not None
    assert [(ex.inputs, ex.output) for ex in last.train] == LAST
    assert [(ex.inputs, ex.output) for ex in last.test] == LAST_LONG
    assert by["join"].task.test == ()  # no sibling: nothing held out
    assert by["count"].task is None


def test_load_errors(tmp_path):
    with pytest.raises(SuiteError, match="no such file"):
        bench.load([tmp_path / "missing"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SuiteError, match="no .sl or .json"):
        bench.load([empty])
    other = tmp_path / "x.csv"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(SuiteError, match="expected"):
        bench.load([other])
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SuiteError, match="not valid JSON"):
        bench.load([bad])


def test_load_txt_list(folder):
    lst = folder / "list.txt"
    lst.write_text("# quick tasks\nlast.sl\n\n  join.sl  \n", encoding="utf-8")
    entries = bench.load([lst], test_suffix="-long")
    assert [e.name for e in entries] == ["last", "join"]  # in the list's order
    assert len(entries[0].task.test) == len(LAST_LONG)
    lst.write_text("last.sl\nmissing.sl\n", encoding="utf-8")
    with pytest.raises(SuiteError, match="missing.sl"):
        bench.load([lst])


def test_load_json_suite_fixture():
    entries = bench.load([FIXTURES / "tiny_suite.json"])
    assert [e.name for e in entries] == ["short-name", "first-word-only", "impossible"]
    t = entries[0].task
    assert t is not None and len(t.train) == 3 and len(t.test) == 1 and t.tags == ("names",)


def test_run_and_summary(folder):
    entries = bench.load([folder], test_suffix="-long")
    seen = []
    results = bench.run(entries, 1.0, progress=seen.append)
    assert [r.name for r in seen] == [r.name for r in results] == [e.name for e in entries]
    by = {r.name: r for r in results}
    assert by["count"].status == "unsupported" and by["count"].seconds == 0.0
    assert by["last"].status == "generalized"
    assert by["last"].consistent and by["last"].generalized is True
    assert by["join"].status == "consistent" and by["join"].generalized is None
    s = bench.summary(results)
    assert s["tasks"] == 3
    assert s["consistent"] == 2
    assert s["generalized"] == 1
    assert s["with_held_out"] == 1
    assert s["failed"] == 0
    assert s["unsupported"] == 1
    assert 0 <= s["median_seconds"] <= s["p95_seconds"]
    doc = bench.as_json(results, {"k": 1})
    assert doc["meta"] == {"k": 1}
    assert doc["summary"] == s
    assert [r["name"] for r in doc["results"]] == [r.name for r in results]
    json.dumps(doc)  # serializable


def test_summary_counts_by_hand():
    R = bench.Result
    results = [
        R("a", "generalized", True, True, 1.0),
        R("b", "consistent", True, False, 2.0),
        R("c", "wrong", False, False, 3.0),
        R("d", "failed", False, None, 4.0),
        R("e", "unsupported", False, None, 0.0),
        R("f", "consistent", True, None, 5.0),
    ]
    s = bench.summary(results)
    assert s["tasks"] == 6
    assert s["consistent"] == 3
    assert s["generalized"] == 1
    assert s["with_held_out"] == 3
    assert s["failed"] == 1
    assert s["unsupported"] == 1
    assert s["median_seconds"] == 3.0  # unsupported tasks are not timed
    assert s["p95_seconds"] == 5.0
    empty = bench.summary([])
    assert empty["tasks"] == 0 and empty["median_seconds"] == 0.0 and empty["p95_seconds"] == 0.0


def test_run_task_failed_and_wrong():
    impossible = Task(
        "imp",
        tuple(
            Example((i,), o)
            for i, o in zip(["abc", "def", "ghi", "jkl", "mno"], "qrstu", strict=True)
        ),
        (Example(("zzz",), "v"),),
    )
    r = bench.run_task(impossible, 0.5)
    assert r.status == "failed" and not r.consistent and r.generalized is False
    assert r.error and r.program == ""
    ambiguous = Task(
        "amb", (Example(("John Smith",), "John"),), (Example(("Mary Ann Jones",), "Mary Ann"),)
    )
    r = bench.run_task(ambiguous, 1.0)
    assert r.status == "consistent" and r.consistent and r.generalized is False
    assert r.program


def test_task_observe():
    ex = tuple(Example((str(i),), str(i)) for i in range(4))
    held = (Example(("h",), "h"),)
    t = Task("t", ex, held, ("tag",), ("c",))
    assert t.observe(None) is t
    assert t.observe(4) is t
    assert t.observe(10) is t
    o = t.observe(1)
    assert o.train == ex[:1]
    assert o.test == ex[1:] + held  # the unseen train examples are held out first
    assert o.name == "t" and o.tags == ("tag",) and o.constants == ("c",)
    assert t.observe(3).train == ex[:3] and t.observe(3).test == (ex[3], *held)
    assert len(o.train) + len(o.test) == len(t.train) + len(t.test)


def test_run_with_observe():
    _, tasks = __import__("likewise.tasks", fromlist=["load_suite"]).load_suite(
        FIXTURES / "tiny_suite.json"
    )
    entries = [bench.Entry(t.name, t) for t in tasks]
    results = bench.run(entries, 0.5, observe=1)
    by = {r.name: r for r in results}
    assert by["impossible"].status == "consistent"  # one shown row: a constant fits
    assert by["impossible"].generalized is False
    assert bench.summary(results)["with_held_out"] == 3


def test_asking_labels_the_suggested_row_and_learns_with_the_rest(monkeypatch):
    # "john@example.com" and "amy@acme.org" fit the first word and the text before "@"; the
    # rows tell them apart, and the answer becomes a shown example.
    shown = (Example(("john@example.com",), "john"), Example(("amy@acme.org",), "amy"))
    held = tuple(
        Example((e,), e.split("@")[0]) for e in ("x.y@foo.net", "bob-smith@mail.co.uk", "zed@z.io")
    )
    task = Task("user", shown, held, (), ())
    asked = bench._ask(task, 1, 2.0)
    assert asked.train[:2] == shown and len(asked.train) == 3
    assert asked.train[2] in held and asked.train[2].inputs != ("zed@z.io",)  # a row in doubt
    assert set(asked.test) == set(held) - {asked.train[2]}
    seen, real = [], bench.learn

    def spy(examples, **options):
        seen.append(list(options["inputs"]))
        return real(examples, **options)

    monkeypatch.setattr(bench, "learn", spy)
    result = bench.run_task(task, 2.0, ask=1)
    assert result.generalized
    assert seen[-1] == [e.inputs for e in asked.test]  # the unlabeled rows, as a Session has


def test_mismatched_test_columns_do_not_crash_the_run(tmp_path):
    f = tmp_path / "arity.json"
    f.write_text(
        json.dumps(
            {
                "tasks": [
                    {
                        "name": "t",
                        "train": [{"inputs": ["a b"], "output": "b"}],
                        "test": [{"inputs": ["c", "d"], "output": "d"}],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    try:
        entries = bench.load([f])
    except SuiteError:
        return  # rejecting the suite up front is fine too
    results = bench.run(entries, 1.0)
    assert results[0].generalized is not True


def test_malformed_sibling_does_not_abort_the_folder(folder):
    (folder / "join-long.sl").write_text('(synth-fun g ((a String)) String)\n(constraint (= (g "x"')
    entries = bench.load([folder], test_suffix="-long")
    assert {"count", "join", "last"} <= {e.name for e in entries}


# ------------------------------------------------------------------ the real SyGuS track

QUICK = ["bikes", "phone-1", "firstname", "reverse-name", "name-combine-4"]


@pytest.mark.parametrize("name", QUICK)
def test_real_track_quick_tasks(name):
    path = TRACK / f"{name}.sl"
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    [entry] = bench.load([path], test_suffix="-long")
    assert entry.task is not None, entry.error
    assert entry.task.train
    r = bench.run_task(entry.task, 5.0)
    assert r.consistent, (r.status, r.error)
    assert r.status in ("consistent", "generalized")

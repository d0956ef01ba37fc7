"""The Python backend: emitted code is standalone and agrees with the interpreter."""

from __future__ import annotations

import ast as pyast
import inspect
import subprocess
import sys

import pytest
from hypothesis import given, settings

import likewise.backends.python as backend
from likewise.backends import to_python
from likewise.lang import ast
from likewise.lang.syntax import parse
from strategies import HOUR_PROGRAMS, HOUR_ROWS, inputs, programs

PROPS = settings(max_examples=200, deadline=None, derandomize=True)


def compile_fn(source: str, name: str = "transform"):
    namespace: dict = {}
    exec(compile(source, "<generated>", "exec"), namespace)  # only tests run generated code
    return namespace[name]


def imported_modules(source: str) -> set[str]:
    out = set()
    for node in pyast.walk(pyast.parse(source)):
        if isinstance(node, pyast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, pyast.ImportFrom):
            out.add((node.module or "").split(".")[0])
    return out


@PROPS
@given(programs(ncols=2), inputs(2))
def test_generated_code_agrees_with_the_interpreter(prog, env):
    fn = compile_fn(to_python(prog, ncols=2))
    assert fn(*env) == prog.run(env)


@PROPS
@given(programs(ncols=3), inputs(1))
def test_missing_arguments_mean_no_value(prog, env):
    fn = compile_fn(to_python(prog, name="f"), "f")
    assert fn(*env) == prog.run(env)


@PROPS
@given(programs(ncols=3))
def test_generated_code_uses_only_the_standard_library(prog):
    source = to_python(prog)
    assert imported_modules(source) <= set(sys.stdlib_module_names) | {"__future__"}
    assert "likewise" not in imported_modules(source)
    assert str(prog) in pyast.get_docstring(pyast.parse(source))


HAND_WRITTEN = [
    ("GetToken(Word, -1)", ("Pizza Hut",), "Hut"),
    ("ToCase(Lower, SubStr(1, 3))", ("January",), "jan"),
    ('Concat(GetSpan("[", 1, Start, Number, 1, End), "]")', ("[CPT-101",), "[CPT-101]"),
    ('Concat(GetToken(Word, 1, x2), ", ", x1)', ("Ada", "Lovelace"), "Lovelace, Ada"),
    ('If(Has(Number), "has \\"digits\\"", Trim(x1))', ("  ab ",), "ab"),
    ('Len(StrReplace(x1, "", "é"))', ("abc",), 4),
    ('IntEq(IndexOf(x1, "", 3), 3)', ("abc",), True),
    ('Slice(Pos("\\\\", 1, End), Abs(-1), Slice(Abs(0), Abs(-2)))', ("a\\bc!",), "bc"),
]


@pytest.mark.parametrize("text, env, expected", HAND_WRITTEN)
def test_hand_written_programs(text, env, expected):
    prog = parse(text)
    assert prog.run(env) == expected
    assert compile_fn(to_python(prog))(*env) == expected


@pytest.mark.parametrize("text", HOUR_PROGRAMS)
def test_am_pm_after_an_hour_read_without_it(text):
    prog = parse(text)
    fn = compile_fn(to_python(prog))
    assert [fn(s) for s in HOUR_ROWS] == [prog.run((s,)) for s in HOUR_ROWS]


def test_signature_and_parameters():
    source = to_python(parse("Concat(x1, x3)"), name="join", ncols=2)
    fn = compile_fn(source, "join")
    params = list(inspect.signature(fn).parameters.values())
    assert [p.name for p in params] == ["x1", "x2", "x3"]
    assert params[0].default is inspect.Parameter.empty and params[2].default is None
    assert fn("a", "b", "c") == "ac" and fn("a") is None
    assert len(inspect.signature(compile_fn(to_python(ast.Const("k"), ncols=4))).parameters) == 4


def test_only_needed_helpers_are_copied():
    source = to_python(parse("Trim(x1)"))
    names = {n.name for n in pyast.parse(source).body if isinstance(n, pyast.FunctionDef)}
    assert names == {"trim", "transform"}
    assert "import" not in source.replace("from __future__ import annotations", "")


def test_nested_slices_evaluate_their_source_once():
    prog: ast.Node = ast.X0
    for _ in range(40):  # naive inlining would evaluate x1 2**40 times
        prog = ast.Slice(ast.Abs(0), ast.Abs(-1), prog)
    assert compile_fn(to_python(prog))("abc") == "abc"


def test_emitted_module_runs_without_likewise(tmp_path):
    (tmp_path / "generated.py").write_text(
        to_python(parse("ToCase(Proper, GetAll(Word))")), "utf-8"
    )
    code = "import generated; print(generated.transform('ab-cd 12ef'))"
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {code}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "Abcdef"


def test_rejects_bad_requests():
    with pytest.raises(ValueError):
        to_python(ast.Abs(0))  # a position is not a program
    for name in ("not valid", "class", "matches"):
        with pytest.raises(ValueError):
            to_python(ast.X0, name=name)


def test_backend_never_evaluates_code():
    tree = pyast.parse(inspect.getsource(backend))
    calls = [n for n in pyast.walk(tree) if isinstance(n, pyast.Call)]
    called = {n.func.id for n in calls if isinstance(n.func, pyast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__"}
    assert backend.__all__ == ["to_python"]

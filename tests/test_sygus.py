"""Tests for the SyGuS-IF PBE reader (likewise.sygus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from likewise.errors import SuiteError
from likewise.sygus import load_sygus, parse_sygus
from likewise.tasks import Example

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "sygus_pbe_strings"

V1_GRAMMAR = """
; a v1 file with a grammar
(set-logic SLIA)
(synth-fun f ((name String)) String
    ((Start String (ntString))
     (ntString String (name " " "." "" " "
                       (str.++ ntString ntString)
                       (str.substr ntString ntInt ntInt)))
     (ntInt Int (0 1 -1 (- 2) (str.len ntString)))))
(declare-var name String)
(constraint (= (f "Nancy FreeHafer") "N.F."))
(constraint (= (f "  Andrew Cencici ") "A.C.")) ; trailing comment
(constraint (= "M.B." (f "Mariya Sergienko")))
(check-synth)
"""


def test_v1_with_grammar():
    t = parse_sygus(V1_GRAMMAR, "initials")
    assert t.name == "initials"
    assert t.train == (
        Example(("Nancy FreeHafer",), "N.F."),
        Example(("  Andrew Cencici ",), "A.C."),
        Example(("Mariya Sergienko",), "M.B."),
    )
    assert t.test == ()
    assert t.tags == ("sygus",)
    assert t.constants == (" ", ".")  # deduplicated, "" left out


V2_TEXT = '''
(set-logic SLIA)
(synth-fun f ((x String) (y String)) String
    ((Start String) (I Int))
    ((Start String (x y "say ""hi""" "" (str.++ Start Start) (str.at Start I)))
     (I Int (0 1 (- 1)))))
(declare-var x String)
(constraint (= (f "a ""quoted"" word" "b") "a""b"))
(constraint (= (f "" " tab\tand  spaces ") """"))
(constraint (= (f "back\\slash" "\\u{41}\\u0042") "C:\\"))
(check-synth)
'''


def test_v2_doubled_quotes_backslashes_and_unicode():
    t = parse_sygus(V2_TEXT)
    assert t.name == "<sygus>"
    assert t.train == (
        Example(('a "quoted" word', "b"), 'a"b'),
        Example(("", " tab\tand  spaces "), '"'),
        Example(("back\\slash", "AB"), "C:\\"),
    )
    assert t.constants == ('say "hi"',)


def test_v1_backslash_escapes():
    text = r"""
(set-logic SLIA)
(synth-fun f ((s String)) String ((Start String (s "\"" (str.++ Start Start)))))
(constraint (= (f "say \"hi\"") "\\hi\\"))
(constraint (= (f "a\\u0041") "\u0041"))
"""
    t = parse_sygus(text)
    assert t.train == (
        Example(('say "hi"',), "\\hi\\"),
        Example(("a\\u0041",), "A"),
    )
    assert t.constants == ('"',)


def test_v1_backslash_escapes_without_grammar():
    # No grammar, so no syntax tells v1 from v2: the v2 reading is not a PBE task, v1 is.
    text = r"""(synth-fun f ((s String)) String)
(constraint (= (f "say \"hi\"") "\\hi\\"))"""
    assert parse_sygus(text).train == (Example(('say "hi"',), "\\hi\\"),)
    # ... while a file that is valid v2 keeps its backslashes literally.
    text2 = r"""(synth-fun f ((s String)) String)
(constraint (= (f "C:\") "\n"))"""
    assert parse_sygus(text2).train == (Example(("C:\\",), "\\n"),)


def test_multi_argument_and_no_grammar_and_skipped_commands():
    text = """
(set-logic SLIA)
(set-option :produce-models true)
(define-fun helper ((a String)) String (str.++ a "!"))
(declare-fun g (String) String)
(synth-fun concat3 ((a String) (b String) (c String)) String)
(declare-var a String)
(constraint (= (concat3 "x" "y" "z") "x-y-z"))
(constraint (= (concat3 "x" "y" "z") "x-y-z"))
(constraint (= (concat3 "x" "y" "z") "other"))
(check-synth)
"""
    t = parse_sygus(text, "c3")
    assert [e.inputs for e in t.train] == [("x", "y", "z")] * 3
    assert [e.output for e in t.train] == ["x-y-z", "x-y-z", "other"]
    assert t.constants == ()


def test_zero_argument_function():
    t = parse_sygus('(synth-fun k () String)\n(constraint (= k "const"))')
    assert t.train == (Example((), "const"),)


def test_int_return_rejected():
    text = '(synth-fun f ((s String)) Int)\n(constraint (= (f "abc") 3))'
    with pytest.raises(SuiteError, match="returns Int; only String-valued PBE tasks"):
        parse_sygus(text, "len")


def test_bool_return_rejected():
    text = '(synth-fun f ((s String)) Bool)\n(constraint (= (f "abc") true))'
    with pytest.raises(SuiteError, match="len: synth-fun returns Bool"):
        parse_sygus(text, "len")


def test_int_parameter_rejected():
    text = '(synth-fun f ((s String) (n Int)) String)\n(constraint (= (f "abc" 1) "b"))'
    with pytest.raises(SuiteError, match="parameter n has sort Int"):
        parse_sygus(text)


def test_non_pbe_constraint_rejected():
    text = """
(synth-fun f ((s String)) String)
(declare-var s String)
(constraint (= (f "a") "A"))
(constraint (= (str.len (f s)) (str.len s)))
"""
    with pytest.raises(SuiteError, match=r"t: not a programming-by-example spec: constraint"):
        parse_sygus(text, "t")
    text2 = "(synth-fun f ((s String)) String)\n(declare-var s String)\n(constraint (= (f s) s))"
    with pytest.raises(SuiteError, match="not a programming-by-example spec"):
        parse_sygus(text2, "t")
    text3 = '(synth-fun f ((s String)) String)\n(constraint (= (f "a") (str.++ "b" "c")))'
    with pytest.raises(SuiteError, match="not a programming-by-example spec"):
        parse_sygus(text3, "t")


def test_no_constraints_and_no_synth_fun():
    with pytest.raises(SuiteError, match="no constraints"):
        parse_sygus("(synth-fun f ((s String)) String)\n(check-synth)")
    with pytest.raises(SuiteError, match="no synth-fun"):
        parse_sygus('(constraint (= (f "a") "b"))')
    with pytest.raises(SuiteError, match="2 synth-fun"):
        parse_sygus("(synth-fun f () String)\n(synth-fun g () String)")


def test_arity_mismatch():
    text = '(synth-fun f ((a String) (b String)) String)\n(constraint (= (f "x") "y"))'
    with pytest.raises(SuiteError, match=r"line 2: f takes 2 argument\(s\)"):
        parse_sygus(text, "ar")


def test_wrong_literal_sort_in_constraint():
    text = '(synth-fun f ((a String)) String)\n(constraint (= (f "x") (- 1)))'
    with pytest.raises(SuiteError, match="Int literal"):
        parse_sygus(text)


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ('(synth-fun f ((s String)) String)\n(constraint (= (f "a") "b")', "line 2: unbalanced"),
        ('(synth-fun f ((s String)) String))\n(constraint (= (f "a") "b"))', "line 1: unexpected"),
        ('(synth-fun f ((s String)) String)\n\n(constraint (= (f "a) "b"))', "unterminated string"),
        ("(synth-fun f ((s String)) String)\n(constraint (= (f |a) b))", "unterminated"),
        ("hello", "stray atom"),
        ("()", "empty command"),
        ("(synth-fun)", "malformed synth-fun"),
        ("(synth-fun f (s) String)", "malformed synth-fun parameter"),
        ("(synth-fun f ((s String)) String)\n(constraint)", "malformed constraint"),
        ("", "no synth-fun"),
    ],
)
def test_malformed(text, pattern):
    with pytest.raises(SuiteError, match=pattern) as info:
        parse_sygus(text, "bad.sl")
    assert str(info.value).startswith("bad.sl")


def test_load_sygus_errors_and_name(tmp_path):
    p = tmp_path / "my-task.sl"
    p.write_text(V1_GRAMMAR, encoding="utf-8")
    assert load_sygus(p).name == "my-task"
    assert load_sygus(str(p)).train[0].output == "N.F."
    with pytest.raises(SuiteError, match="cannot read"):
        load_sygus(tmp_path / "missing.sl")
    bad = tmp_path / "bad.sl"
    bad.write_bytes(b"\xff\xfe(")
    with pytest.raises(SuiteError, match="cannot read"):
        load_sygus(bad)


def test_strings_track_benchmarks():
    folder = BENCH / "PBE_Strings_Track"
    files = sorted(folder.glob("*.sl")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"{folder} is absent")
    loaded = 0
    for f in files:
        if f.name == "max3.sl":
            with pytest.raises(SuiteError):
                load_sygus(f)
            continue
        t = load_sygus(f)
        assert t.name == f.stem
        assert len(t.train) >= 1, f.name
        assert all(isinstance(s, str) for e in t.train for s in (*e.inputs, e.output))
        loaded += 1
    assert loaded == len(files) - 1


def test_euphony_benchmarks():
    folder = BENCH / "PBE_SLIA_2019_euphony"
    files = sorted(folder.glob("*.sl")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"{folder} is absent")
    loaded, rejected = [], []
    for f in files:
        try:
            t = load_sygus(f)
        except SuiteError as e:
            rejected.append((f.name, str(e)))
            continue
        assert len(t.train) >= 1, f.name
        loaded.append(f.name)
    print(f"euphony: {len(loaded)} of {len(files)} load, {len(rejected)} rejected")
    assert loaded  # at least the String -> String ones load

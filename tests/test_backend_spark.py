"""The Spark backend agrees with the interpreter, row for row, nulls included."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import (
    EXACT_DATE_PROGRAMS,
    EXACT_DATES,
    HOUR_PROGRAMS,
    HOUR_ROWS,
    exprs,
    texts,
)
from tests.strategies import NATIVE as POLARS_NATIVE

from likewise.errors import InvalidInput, NotCompilable
from likewise.lang.syntax import parse
from likewise.learning.sampler import sample_task
from likewise.program import Program

pytest.importorskip("pyspark", reason="the Spark backend needs pyspark (pip install pyspark)")
if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
    pytest.skip("the Spark backend needs a Java runtime (none found)", allow_module_level=True)

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

from likewise.backends.spark import to_spark  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the fallback UDFs' workers
    session = (
        SparkSession.builder.master("local[2]")
        .appName("likewise-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def frame(spark, data, ncols=2):
    names = [f"c{i}" for i in range(ncols)]
    return spark.createDataFrame(data, ", ".join(f"{n} string" for n in names)), names


def run_spark(spark, nodes, data, strict=False, columns=None):
    """Every program's outputs on every row, from one select."""
    df, names = frame(spark, data, len(data[0]))
    if columns is None:
        columns = [to_spark(node, names, strict=strict) for node in nodes]
    rows = df.select(*(c.alias(f"o{k}") for k, c in enumerate(columns))).collect()
    return [[row[k] for row in rows] for k in range(len(nodes))]


def assert_same(spark, nodes, data, strict=False, columns=None):
    for node, got in zip(nodes, run_spark(spark, nodes, data, strict, columns), strict=True):
        assert got == [node.run(r) for r in data], str(node)


@pytest.fixture
def interpreted(spark):
    """Spark's interpreted evaluation, for tests that run each new program on a few rows:
    generating and compiling Java for a program costs far more than running it there. (The
    tests of representative programs run with code generation, Spark's default.)"""
    confs = {"spark.sql.codegen.wholeStage": "false", "spark.sql.codegen.factoryMode": "NO_CODEGEN"}
    for k, v in confs.items():
        spark.conf.set(k, v)
    yield spark
    for k in confs:
        spark.conf.unset(k)


rows = st.lists(st.tuples(st.none() | texts, st.none() | texts), min_size=1, max_size=6)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.one_of(exprs("S"), exprs("B")), min_size=1, max_size=3), rows)
def test_random_programs_agree(interpreted, nodes, data):
    assert_same(interpreted, nodes, data)


NATIVE = [
    *POLARS_NATIVE,
    # Beyond the polars list: Python's case rules and the SMT-LIB operators.
    "ToCase(Lower, Concat(x1, x2))",
    "ToCase(Proper, x2)",
    "ToCase(AllCaps, x2)",
    'StrReplace(x1, " ", x2)',
    "StrReplace(x1, x2, x1)",
    "IntToStr(IndexOf(x1, x2, Minus(Len(x1), 4)))",
    "If(PrefixOf(x2, x1), StrAt(x1, Plus(Len(x2), 1)), StrSubstr(x1, 2, 3))",
    'If(Contains(x1, " "), "yes", If(SuffixOf(x2, x1), "end", "no"))',
    'FormatDate("%d %B %Y", "%a %-m/%-d/%y %-I %p", "week", -90)',
]
SAMPLES = [
    ("John Smith", "x"),
    ("Ann-Marie O'Neil 42 - 7 - b", ""),
    ("", ""),
    (None, None),
    ("ab 12 CD 345 6 Ef gh", "1"),
    ("07/04/2024", "2/29/2023"),
    ("Jan 5, 2024 11:52 pm", None),
    ("2024-02-29", "9999-12-31"),
    ("12/31/9999", "x"),
    ("Dec 31, 9999 11:59 PM", ""),
    ("Zürich İstanbul ǅemal ßtraße ΌΣΟΣ ΣΑΣ. ΑΣ'Σ", "é\u0301 ŉ ﬁ 𐐀𐐨 ƛ ɤ Ⱟ"),
    ("13/45/2024", "00/10/2020"),
    ("1 JANUARY 0001 sept 3 aprıl 𝟘 ١٢", "3 auguſt 2020 DEC. 5th 2021"),
    ("\u3000\x85 trim me\t\u2028", "e"),
]


def test_native_forms_need_no_fallback(spark):
    """The programs above compile with no UDF and agree on every sample (Spark's code
    generation on, as by default)."""
    nodes = [parse(text) for text in NATIVE]
    assert_same(spark, nodes, SAMPLES, strict=True)


def test_native_forms_without_ansi_mode(interpreted):
    nodes = [parse(text) for text in NATIVE]
    interpreted.conf.set("spark.sql.ansi.enabled", "false")
    try:
        assert_same(interpreted, nodes, SAMPLES, strict=True)
    finally:
        interpreted.conf.unset("spark.sql.ansi.enabled")


date_rows = st.lists(
    st.tuples(
        st.one_of(
            st.none(),
            texts,
            st.from_regex(
                r"\A([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|(Jan|Feb|dec)\.? [0-9]{1,2}, [0-9]{4} [0-9]{1,2}:[0-9]{2} [AaPp]\.?[mM])\Z"
            ),
        ),
        st.just(""),
    ),
    min_size=1,
    max_size=20,
)
DATES = [parse(t) for t in NATIVE if t.startswith("FormatDate")]


@pytest.fixture(scope="module")
def date_columns(spark):
    return [to_spark(node, ["c0", "c1"], strict=True) for node in DATES]


@given(date_rows)
@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_dates_agree(interpreted, date_columns, data):
    assert_same(interpreted, DATES, data, columns=date_columns)


def test_first_and_last_runs(spark):
    """Latin text takes the first and last runs of a class without a regex (other characters
    become spaces); other text takes the regex. Both agree with the interpreter."""
    from likewise.backends.spark_text import latin

    rng = random.Random(3)
    chars = latin() + " -.,1\u01c5\U0001d518\u0301"
    rows = ["".join(rng.choice(chars) for _ in range(rng.randrange(12))) for _ in range(60)]
    rows += ["  Ada  Lovelace-  ", "Zoë Édouard 42", "", None]
    classes = ("Word", "Alphanum", "Number", "AllCaps", "Lower", "Digit")
    nodes = [parse(f"GetToken({t}, {i})") for t in classes for i in (1, -1, 2)]
    assert_same(spark, nodes, [(r,) for r in rows], strict=True)


def test_dates_with_odd_rows_and_the_calendar_ends(spark):
    """The rows that polars reads by two routes, and rounding past year 9999."""
    nodes = [parse(t) for t in EXACT_DATE_PROGRAMS]
    assert_same(spark, nodes, [(s, "") for s in EXACT_DATES], strict=True)


def test_am_pm_after_an_hour_read_without_it(spark):
    nodes = [parse(t) for t in HOUR_PROGRAMS]
    assert_same(spark, nodes, [(s, "") for s in HOUR_ROWS], strict=True)


def test_fallback_is_per_subtree_and_strict_refuses(spark):
    nodes = [
        parse("Concat(GetToken(Word, 1), FormatNumber(2))"),
        parse("IntToStr(Plus(StrToInt(x1), 1))"),  # an integer subtree: its parent falls back
        parse('If(AtLeast("10"), "big", Concat(x1, " is small"))'),
        parse('Concat(Bucket(10, "23"), x1)'),  # no input: computed once, as a constant
    ]
    data = [("ab 3.14159",), ("12",), ("",), (None,)]
    assert_same(spark, nodes, data)
    for node in nodes[:3]:
        with pytest.raises(NotCompilable):
            to_spark(node, ["c0"], strict=True)


def test_integers_beyond_64_bits_fall_back(spark):
    node = parse(f"IntToStr(Plus(Len(x1), {2**63}))")
    assert_same(spark, [node], [("abc",), (None,)])
    with pytest.raises(NotCompilable):
        to_spark(node, ["c0"], strict=True)


def test_program_method(spark):
    prog = Program.parse('Concat(GetToken(Word, 2), ", ", GetToken(Word, 1))')
    df = spark.createDataFrame([("Ada Lovelace",), ("Alan",), (None,)], "name string")
    got = [r[0] for r in df.select(prog.to_spark("name")).collect()]
    assert got == [prog("Ada Lovelace"), None, None] == ["Lovelace, Ada", None, None]
    assert [r[0] for r in df.select(prog.to_spark(F.col("name"))).collect()] == got
    with pytest.raises(InvalidInput):
        prog.to_spark("name", "other")


def test_non_string_and_collated_columns(spark):
    """Inputs are read as text, compared byte for byte whatever their collation."""
    node = parse('If(Contains(x1, "ab"), Replace("a", "-", x1), IntToStr(Len(x2)))')
    df = spark.sql(
        "SELECT collate(a, 'UTF8_LCASE') AS a, b FROM VALUES ('xAB', 12), ('ab', 7) AS t(a, b)"
    )
    got = [r[0] for r in df.select(to_spark(node, ["a", "b"])).collect()]
    assert got == [node.run(("xAB", "12")), node.run(("ab", "7"))] == ["2", "-b"]


def test_sampled_tasks_agree_with_mixed_rows(spark):
    """Programs from the task sampler, on their own inputs plus empty, null and odd rows."""
    rng = random.Random(7)
    extra = [("",), (None,), ("é\u0301 ß İ 😀 ٣",), ("  12,5 Jan 3, 2020 (x) ",)]
    by_width: dict[int, list] = {}
    while sum(len(v) for v in by_width.values()) < 30:
        task = sample_task(rng)
        if task is not None:
            node, examples = task
            by_width.setdefault(len(examples[0][0]), []).append((node, examples))
    for ncols, tasks in by_width.items():
        data = [env for _, examples in tasks for env, _ in examples]
        data += [row * ncols for row in extra]
        assert_same(spark, [node for node, _ in tasks], data)


def test_importing_likewise_does_not_import_pyspark():
    code = "import sys, likewise, likewise.program; assert 'pyspark' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_spark_case_changes_agree_with_python_on_latin_text(spark):
    """The fast path (rows of spark_text.latin() characters) uses Spark's own upper and lower
    (ICU): they must be Python's on every such character, alone and in one text."""
    from likewise.backends.spark_text import latin

    chars = latin()
    data = [(c,) for c in chars] + [(chars,), (chars[::-1],)]
    df = spark.createDataFrame(data, "s string")
    rows = df.select("s", F.upper("s").alias("u"), F.lower("s").alias("l")).collect()
    assert [(r.u, r.l) for r in rows] == [(r.s.upper(), r.s.lower()) for r in rows]
    assert all(set(c.upper() + c.lower()) <= set(chars) for c in chars)

"""A seeded random sampler of by-example tasks, following RobustFill (Devlin et al., ICML 2017).

A program is a ``Concat`` of 1 to 10 parts (a lone part stands alone). A part is a constant, an
extraction (GetToken, SubStr, GetSpan, GetUpto, GetFrom, GetFirst, GetAll, JoinAll), a nesting
of an extraction or of the input (ToCase, Replace, Trim), or, less often, a conditional. A few
programs read a date or number column instead, through FormatDate, FormatNumber or Bucket.

Inputs are made to fit the program: ``requirements`` collects, per input column, the least
number of matches of every pattern the program indexes (the 4th Number needs 4 numbers); an
input is a random string of words, numbers and delimiters to which the missing matches are
then added. Outputs come from the reference interpreter (``node.run``).

Run ``python -m likewise.learning.sampler --seed S --tasks N --out PATH`` to write a suite in
the JSON suite format of ``../shared/benchmarks/FORMAT.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from likewise.lang import runtime as rt
from likewise.lang.ast import (
    BOUNDS,
    CASES,
    DELIMITERS,
    TOKEN_CLASSES,
    Above,
    AtLeast,
    Bucket,
    Concat,
    Const,
    Contains,
    FormatDate,
    FormatNumber,
    GetAll,
    GetFirst,
    GetFrom,
    GetSpan,
    GetToken,
    GetUpto,
    Has,
    If,
    Input,
    JoinAll,
    Node,
    Pattern,
    PrefixOf,
    Replace,
    SubStr,
    ToCase,
    Trim,
)

MAX_PARTS = 10
MAX_OUTPUT = 100
INPUT_TRIES = 20  # fresh inputs tried for one example before the program is given up
PROGRAM_TRIES = 200  # programs tried by sample_task before it returns None
INDICES = (1, 2, 3, 4, 5, -5, -4, -3, -2, -1)
CHAR_POSITIONS = (1, 2, 3, 4, 5, 6, 7, 8)

WORDS = (
    "apple", "river", "house", "market", "garden", "north", "office", "street", "data", "blue",
    "quick", "silver", "john", "smith", "maria", "london", "paris", "table", "window", "order",
    "report", "green", "alpha", "delta", "kappa", "summer", "winter", "stone", "field", "lake",
)  # fmt: skip
ACCENTED = ("josé", "zoë", "müller", "café", "åsa", "renée", "garcía", "élan", "niño", "øre")
# Separators between tokens: mostly spaces, and every delimiter a program may name.
SEPARATORS = (" ",) * 24 + (", ", ",", ".", "/", ":", "; ", "-", "_", " (", ") ", "@", "#")
SEPARATORS += tuple(d for d in DELIMITERS if d != " ")
CONSTANTS = tuple(DELIMITERS) + (" - ", ", ", ": ", "Mr. ", "Dr. ", "ID", "No.", "x", "km", "of")
PREFIXES = ("Dr.", "Mr.", "Re:", "The", "#")
JOINERS = (" ", ", ", "-", "/", ";", ".")
LABELS = {"date": ("Date: ", "Due ", "On "), "number": ("Total: ", "Price ", "Qty ")}

# Dates: input formats by kind, and the output formats each kind can feed.
DATE_INPUTS = {
    "date": (
        "%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y",
        "%d %b %Y", "%-m/%-d/%y", "%Y/%m/%d",
    ),
    "time": ("%H:%M", "%I:%M %p", "%H:%M:%S"),
    "datetime": ("%Y-%m-%d %H:%M", "%m/%d/%Y %I:%M %p"),
}  # fmt: skip
DATE_OUTPUTS = (
    "%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%B %-d, %Y", "%d %b %Y", "%A", "%a", "%b %Y", "%Y",
    "%B", "Q%q %Y", "%o of %B", "%-m/%-d", "%Y%m%d", "%d.%m.%Y", "%A, %B %-d",
)  # fmt: skip
TIME_OUTPUTS = ("%H:%M", "%I:%M %p", "%-I %p", "%Hh%M", "%H")
DATE_UNITS = ("week", "month", "quarter", "year", "month-end")
TIME_UNITS = ("hour", "15min", "~hour", "~15min")
NUMBER_STYLES = ("int", "dec", "group", "money", "eu", "pct")
THRESHOLDS = ("10", "50", "100", "1000", "10000")

Example = tuple[tuple[str, ...], str]


# --- programs ------------------------------------------------------------------------------


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(tuple(weights), tuple(weights.values()))[0]


def _token(rng: random.Random) -> tuple[str]:
    return (rng.choice(TOKEN_CLASSES),)


def _pattern(rng: random.Random) -> Pattern:
    return _token(rng) if rng.random() < 0.6 else rng.choice(DELIMITERS)


def _extraction(rng: random.Random, x: Input, kind: str = "") -> Node:
    kind = kind or _pick(
        rng,
        {"GetToken": 6, "SubStr": 3, "GetSpan": 4, "GetUpto": 2, "GetFrom": 2, "GetFirst": 2,
         "GetAll": 1, "JoinAll": 1},
    )  # fmt: skip
    if kind == "GetToken":
        return GetToken(_token(rng), rng.choice(INDICES), x)
    if kind == "SubStr":
        a, b = rng.choice(CHAR_POSITIONS), rng.choice(CHAR_POSITIONS)
        shape = rng.random()
        if shape < 0.4:  # from the start
            return SubStr(min(a, b), max(a, b), x)
        if shape < 0.8:  # from the end
            return SubStr(-max(a, b), -min(a, b), x)
        return SubStr(a, -b, x)  # trims both ends
    if kind == "GetSpan":
        r1, r2 = _pattern(rng), _pattern(rng)
        i1, i2 = rng.choice(INDICES), rng.choice(INDICES)
        y1, y2 = rng.choice(BOUNDS), rng.choice(BOUNDS)
        if rng.random() < 0.5:  # one pattern, in order: most often defined
            r2 = r1
            i1, i2 = sorted(rng.sample(INDICES[:5] if i1 > 0 else INDICES[5:], 2))
        return GetSpan(r1, i1, y1, r2, i2, y2, x)
    if kind in ("GetUpto", "GetFrom"):
        return (GetUpto if kind == "GetUpto" else GetFrom)(_pattern(rng), x)
    if kind == "GetFirst":
        return GetFirst(_token(rng), rng.choice(INDICES), x)
    if kind == "GetAll":
        return GetAll(_token(rng), x)
    return JoinAll(_token(rng), rng.choice(JOINERS), x)


def _span(rng: random.Random, x: Input) -> Node:
    """An extraction that may hold several tokens (the ones worth replacing in or trimming)."""
    return _extraction(rng, x, rng.choice(("GetSpan", "GetUpto", "GetFrom", "SubStr")))


def _condition(rng: random.Random, x: Input) -> Node:
    kind = _pick(rng, {"Has": 3, "Contains": 2, "PrefixOf": 1})
    if kind == "Has":
        return Has(rng.choice((("Number",), ("AllCaps",), *DELIMITERS)), x)
    if kind == "Contains":
        return Contains(x, Const(rng.choice(DELIMITERS)))
    return PrefixOf(Const(rng.choice(PREFIXES)), x)


def _text_part(rng: random.Random, x: Input, nested_if: bool = True) -> Node:
    kind = _pick(
        rng,
        {"Const": 15, "Extract": 45, "ToCase": 12, "Replace": 7, "Trim": 4,
         "If": 5 if nested_if else 0},
    )  # fmt: skip
    if kind == "Const":
        return Const(rng.choice(CONSTANTS))
    if kind == "ToCase":
        return ToCase(rng.choice(CASES), x if rng.random() < 0.3 else _extraction(rng, x))
    if kind == "Replace":
        old, new = rng.sample(DELIMITERS, 2)
        return Replace(old, new, x if rng.random() < 0.5 else _span(rng, x))
    if kind == "Trim":
        return Trim(x if rng.random() < 0.3 else _span(rng, x))
    if kind == "If":
        then, other = _text_part(rng, x, False), _text_part(rng, x, False)
        return If(_condition(rng, x), then, other)
    return _extraction(rng, x)


def _date_part(rng: random.Random, x: Input, in_fmt: str) -> Node:
    kind = next(k for k, fmts in DATE_INPUTS.items() if in_fmt in fmts)
    outs = {"date": DATE_OUTPUTS, "time": TIME_OUTPUTS}.get(kind, DATE_OUTPUTS + TIME_OUTPUTS)
    out = rng.choice(outs)
    timed = out in TIME_OUTPUTS
    unit = rng.choice(TIME_UNITS if timed else DATE_UNITS) if rng.random() < 0.25 else ""
    shift = 0
    if rng.random() < 0.2:
        shift = rng.choice((-1, 1)) * rng.randint(1, 12) * (15 if timed else 1440)
    return FormatDate(in_fmt, out, unit, shift, x)


def _number_part(rng: random.Random, x: Input, nested_if: bool = True) -> Node:
    kind = _pick(rng, {"FormatNumber": 5, "Bucket": 2, "If": 2 if nested_if else 0})
    if kind == "Bucket":
        return Bucket(rng.choice((5, 10, 25, 100, 1000)), x)
    if kind == "If":
        test = rng.choice((Above, AtLeast))(rng.choice(THRESHOLDS), x)
        then, other = rng.sample(("high", "low", "large", "small", "yes", "no"), 2)
        if rng.random() < 0.5:
            return If(test, Const(then), _number_part(rng, x, False))
        return If(test, Const(then), Const(other))
    point = rng.choice((".", ".", ","))
    group = rng.choice(("", "", ",", " ", ".") if point == "," else ("", "", ",", " "))
    if group == point:
        group = ""
    rounding = "half-even" if rng.random() < 0.6 else rng.choice(rt.ROUNDINGS)
    width = rng.choice((3, 4, 6)) if rng.random() < 0.1 else 0
    scale = rng.choice((-2, 2, 3)) if rng.random() < 0.15 else 0
    return FormatNumber(rng.choice((0, 1, 2, 2, -2)), group, point, rounding, width, scale, x)


def sample_program(rng: random.Random, n_inputs: int = 1) -> Node:
    """A random program over ``n_inputs`` columns: a Concat of 1-10 parts, or a lone part."""
    kinds: list[str] = ["text"] * n_inputs
    data = rng.random() < 0.15
    if data:  # one column holds dates or numbers; its parts read it as such
        c = rng.randrange(n_inputs)
        if rng.random() < 0.55:
            group = rng.choice(("date", "date", "time", "datetime"))
            kinds[c] = rng.choice(DATE_INPUTS[group])
        else:
            kinds[c] = "number"

    def data_part(c: int) -> Node:
        x, kind = Input(c), kinds[c]
        return _number_part(rng, x) if kind == "number" else _date_part(rng, x, kind)

    def part(c: int) -> Node:
        if kinds[c] == "text":
            return _text_part(rng, Input(c))
        return Const(rng.choice(CONSTANTS)) if rng.random() < 0.25 else data_part(c)

    n = rng.randint(1, 3 if data else MAX_PARTS)
    parts = [part(rng.randrange(n_inputs)) for _ in range(n)]
    if data:  # at least one part reads the data column
        parts[rng.randrange(n)] = data_part(next(i for i, k in enumerate(kinds) if k != "text"))
    return parts[0] if n == 1 else Concat(tuple(parts))


# --- requirements on the inputs --------------------------------------------------------------


@dataclass
class Needs:
    """What one input column must hold for a program to have a value on it."""

    counts: dict[Pattern, int] = field(default_factory=dict)  # least number of matches
    length: int = 0  # least number of characters
    toggles: list[Pattern] = field(default_factory=list)  # present in about half the inputs
    prefixes: list[str] = field(default_factory=list)  # a prefix in about half the inputs
    pad: bool = False  # spaces at the ends, sometimes (for Trim)
    date: str = ""  # the column is a date written in this format
    number: bool = False  # the column is a number

    def need(self, pat: Pattern, k: int) -> None:
        self.counts[pat] = max(self.counts.get(pat, 0), abs(k))


def _column(node: Node) -> int:
    """The input column a node reads (through any nesting), or -1."""
    while not isinstance(node, Input):
        src = getattr(node, "src", None)
        if not isinstance(src, Node):
            return -1
        node = src
    return node.index


def requirements(program: Node, n_inputs: int) -> list[Needs]:
    """Per input column, what an input must hold for ``program`` to have a value on it."""
    needs = [Needs() for _ in range(n_inputs)]
    _collect(program, needs, frozenset())
    return needs


def _collect(node: Node, needs: list[Needs], skip: frozenset[Pattern]) -> None:
    c = _column(node.cond if isinstance(node, If) else node)
    col = needs[c] if 0 <= c < len(needs) else Needs()
    if isinstance(node, If):
        cond = node.cond
        if isinstance(cond, Has):
            col.toggles.append(cond.pat)  # an If reads the column its condition reads
            skip = skip | {cond.pat}  # a branch may rely on what the condition tests
        elif isinstance(cond, Contains) and isinstance(cond.b, Const):
            needs[_column(cond.a)].toggles.append(cond.b.text)
            skip = skip | {cond.b.text}
        elif isinstance(cond, PrefixOf) and isinstance(cond.a, Const):
            needs[_column(cond.b)].prefixes.append(cond.a.text)
        elif isinstance(cond, Above | AtLeast):
            col.number = True
        _collect(node.then, needs, skip)
        _collect(node.other, needs, skip)
        return
    wants: list[tuple[Pattern, int]] = []
    if isinstance(node, GetToken | GetFirst):
        wants.append((node.pat, node.i))
    elif isinstance(node, GetUpto | GetFrom | GetAll | JoinAll):
        wants.append((node.pat, 1))
    elif isinstance(node, GetSpan):
        wants += [(node.r1, node.i1), (node.r2, node.i2)]
    elif isinstance(node, Replace):
        wants.append((node.old, 1))
    elif isinstance(node, SubStr):
        k1, k2 = node.k1, node.k2
        col.length = max(col.length, k2 if k2 > 0 else -k1 if k1 < 0 else k1 - k2 - 2)
    elif isinstance(node, Trim):
        col.pad = True
    elif isinstance(node, FormatDate):
        col.date = node.in_fmt
    elif isinstance(node, FormatNumber | Bucket):
        col.number = True
    for pat, k in wants:
        if pat not in skip:
            col.need(pat, k)
    for child in node.children():
        _collect(child, needs, skip)


# --- inputs ----------------------------------------------------------------------------------


def _word(rng: random.Random) -> str:
    if rng.random() < 0.2:
        w = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 7)))
    else:
        w = rng.choice(ACCENTED if rng.random() < 0.08 else WORDS)
    style = rng.random()
    if style < 0.5:
        return w.capitalize()
    if style < 0.75:
        return w
    if style < 0.9:
        return w.upper()
    return w.capitalize() + rng.choice(WORDS).capitalize()  # McDonald-style


def _number(rng: random.Random) -> str:
    return str(rng.randint(0, 10 ** rng.randint(1, 4) - 1))


def _piece(rng: random.Random, pat: Pattern) -> str:
    """A token holding at least one match of the token class ``pat``."""
    kind = pat[0] if isinstance(pat, tuple) else "Word"
    if kind in ("Number", "Digit"):
        return _number(rng)
    if kind == "AllCaps":
        return _word(rng).upper()
    if kind == "Lower":
        return _word(rng).lower()
    if kind == "PropCase":
        return _word(rng).lower().capitalize()
    if kind in ("Alphanum", "Char") and rng.random() < 0.5:
        return _word(rng).upper()[:2] + _number(rng)
    return _word(rng)


class _Text:
    """Tokens (even places) and the separators between them (odd places)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.items: list[str] = []
        for _ in range(rng.randint(1, 6)):
            self.add(_number(rng) if rng.random() < 0.3 else _piece(rng, ("Word",)))

    def __str__(self) -> str:
        return "".join(self.items)

    def add(self, token: str, sep: str = "") -> None:
        """Insert ``token`` at a random token boundary, apart from its neighbours."""
        sep = sep or self.rng.choice(SEPARATORS)
        j = 2 * self.rng.randint(0, (len(self.items) + 1) // 2)
        if not self.items:
            self.items = [token]
        elif j >= len(self.items):
            self.items += [sep, token]
        else:
            self.items[j:j] = [token, sep]

    def drop(self, pat: Pattern) -> None:
        """Remove every match of ``pat`` (tokens and separators that hold one become '-')."""
        self.items = ["-" if rt.matches(s, pat) else s for s in self.items]

    def count(self, pat: Pattern) -> int:
        return len(rt.matches(str(self), pat))


def _text_input(rng: random.Random, needs: Needs) -> str:
    text = _Text(rng)
    for pat in needs.toggles:
        if rng.random() < 0.5:
            text.drop(pat)
        elif isinstance(pat, str):
            text.add(_word(rng), pat)
        else:
            text.add(_piece(rng, pat))
    for pat, k in needs.counts.items():
        while text.count(pat) < k:
            if isinstance(pat, str):
                text.add(_word(rng), pat)
            else:
                text.add(_piece(rng, pat))
    while len(str(text)) < needs.length:
        text.add(_word(rng))
    s = str(text)
    for prefix in needs.prefixes:
        if rng.random() < 0.5:
            s = s if s.startswith(prefix) else f"{prefix} {s}"
        while s.startswith(prefix):
            s = f"{_word(rng)} {s}"
    if needs.pad and rng.random() < 0.6:
        s = " " * rng.randint(0, 2) + s + " " * rng.randint(1, 2)
    return s


def _date_input(rng: random.Random, fmt: str) -> str:
    t = datetime.datetime(
        rng.randint(1980, 2030), rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23),
        rng.randrange(0, 60), rng.randrange(0, 60),
    )  # fmt: skip
    return rt.render_date(t, fmt)


def _number_input(rng: random.Random, style: str) -> str:
    whole = rng.randint(0, 10 ** rng.randint(1, 6) - 1)
    cents = f"{rng.randint(0, 99):02d}"
    if style == "int":
        return str(whole if rng.random() < 0.9 else -whole)
    if style == "dec":
        sign = "-" if rng.random() < 0.1 else ""
        return f"{sign}{whole}.{rng.randint(0, 999):0{rng.randint(1, 3)}d}"
    if style == "group":
        return f"{whole:,}.{cents}"
    if style == "money":
        return f"${whole:,}.{cents}"
    if style == "eu":
        return f"{whole:,}".replace(",", ".") + "," + cents
    return f"{rng.randint(0, 100)}.{rng.randint(0, 9)}%"


@dataclass(frozen=True)
class _Column:
    """How the inputs of one column are made, fixed for a whole task."""

    needs: Needs
    style: str = ""  # number style
    label: str = ""  # text before a date or number

    def sample(self, rng: random.Random) -> str:
        if self.needs.date:
            return self.label + _date_input(rng, self.needs.date)
        if self.needs.number:
            return self.label + _number_input(rng, self.style)
        return _text_input(rng, self.needs)


def _columns(rng: random.Random, needs: list[Needs]) -> list[_Column]:
    out = []
    for n in needs:
        kind = "date" if n.date else "number" if n.number else ""
        label = rng.choice(LABELS[kind]) if kind and rng.random() < 0.2 else ""
        out.append(_Column(n, rng.choice(NUMBER_STYLES) if n.number else "", label))
    return out


# --- tasks and suites ------------------------------------------------------------------------


def input_sampler(
    rng: random.Random, program: Node, n_inputs: int
) -> Callable[[random.Random], tuple[str, ...]]:
    """A maker of input rows that meet ``requirements(program)``; the number style and any
    label of a date or number column are drawn now, once for all the rows."""
    columns = _columns(rng, requirements(program, n_inputs))
    return lambda r: tuple(col.sample(r) for col in columns)


def _conditions_vary(program: Node, envs: list[tuple[str, ...]]) -> bool:
    """Every If in the program takes both branches on some of the inputs."""
    stack = [program]
    while stack:
        node = stack.pop()
        if isinstance(node, If) and len({node.cond.run(env) for env in envs}) < 2:
            return False
        stack.extend(node.children())
    return True


def _try_task(
    rng: random.Random, n_examples: int, n_inputs: int
) -> tuple[Node, list[Example]] | None:
    program = sample_program(rng, n_inputs)
    sample_row = input_sampler(rng, program, n_inputs)
    examples: list[Example] = []
    seen: set[tuple[str, ...]] = set()
    for _ in range(n_examples):
        for _ in range(INPUT_TRIES):
            env = sample_row(rng)
            out = program.run(env)
            if env not in seen and isinstance(out, str) and 0 < len(out) <= MAX_OUTPUT:
                break
        else:
            return None
        seen.add(env)
        examples.append((env, out))
    envs = [env for env, _ in examples]
    if len({out for _, out in examples}) < 2 or not _conditions_vary(program, envs):
        return None
    return program, examples


def sample_task(
    rng: random.Random, n_examples: int = 10, n_inputs: int | None = None
) -> tuple[Node, list[Example]] | None:
    """A random program and ``n_examples`` (inputs, output) pairs it produces.

    Every output is the interpreter's, non-empty and at most 100 characters; the inputs are
    distinct and the outputs not all equal. ``n_inputs`` (default: 1, 2 or 3 at random) is the
    number of input columns. Programs that cannot meet this are redrawn, up to a bound; None
    when none did. Deterministic given the state of ``rng``.
    """
    for _ in range(PROGRAM_TRIES):
        n = n_inputs or rng.choices((1, 2, 3), (80, 15, 5))[0]
        task = _try_task(rng, n_examples, n)
        if task:
            return task
    return None


def make_suite(seed: int, n_tasks: int, observed: int = 4, heldout: int = 6) -> dict:
    """A suite of ``n_tasks`` random tasks in the JSON suite format (``FORMAT.md``):
    ``observed`` examples in ``train``, ``heldout`` in ``test``, the program in ``program``."""
    rng = random.Random(seed)
    tasks = []
    for k in range(n_tasks):
        task = None
        while task is None:
            task = sample_task(rng, observed + heldout)
        program, examples = task
        rows = [{"inputs": list(env), "output": out} for env, out in examples]
        tasks.append(
            {
                "name": f"synthetic-{seed}-{k:05d}",
                "train": rows[:observed],
                "test": rows[observed:],
                "tags": ["synthetic"],
                "program": str(program),
            }
        )
    return {"suite": "synthetic", "tasks": tasks}


def dumps_suite(suite: dict) -> str:
    """The suite as JSON text, one task a line."""
    head = json.dumps({k: v for k, v in suite.items() if k != "tasks"}, ensure_ascii=False)
    lines = ",\n".join(json.dumps(t, ensure_ascii=False) for t in suite["tasks"])
    return head[:-1] + ', "tasks": [\n' + lines + "\n]}\n"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Write a suite of random RobustFill-style tasks.")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--tasks", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--observed", type=int, default=4)
    p.add_argument("--heldout", type=int, default=6)
    a = p.parse_args(argv)
    suite = make_suite(a.seed, a.tasks, a.observed, a.heldout)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(dumps_suite(suite), encoding="utf-8")


if __name__ == "__main__":
    main()

"""The public entry points: ``learn`` a program from examples."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from likewise.errors import InvalidExamples, InvalidInput, LikewiseError, NoProgramFound
from likewise.lang import runtime
from likewise.lang.ast import FormatDate, Node
from likewise.program import Program, Row, as_row
from likewise.synth import engine as synth
from likewise.synth import neural

MAX_CHARS = 10_000  # per string in an example; synthesis cost grows with length


def _examples(
    examples: object, typos: bool = False
) -> tuple[list[tuple[tuple[str, ...], str]], list[int], list[int], str | None]:
    """Validated examples without repeats, each one's index in the caller's list, each of the
    caller's examples' index among them, and what the first two examples with the same input
    but different outputs are, if any. That is an error, unless ``typos`` may explain it: one
    of the two mistyped (an input, or an output), where four examples or more (few enough
    for the noise model) can tell which. (From
    three, a conditional learned from the other two may route either: "john@example.com"
    mistyped for one with a "y" in it, as "amy@acme.org" has.)"""
    if isinstance(examples, (str, bytes)) or not isinstance(examples, Iterable):
        raise InvalidExamples("examples must be a list of (input, output) pairs")
    items = list(examples)
    if not items:
        raise InvalidExamples("no examples given: pass at least one (input, output) pair")
    out: list[tuple[tuple[str, ...], str]] = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, (tuple, list)) or len(item) != 2:
            raise InvalidExamples(f"example {n} must be an (input, output) pair, got {item!r:.80}")
        inp, output = item
        if not isinstance(output, str):
            raise InvalidExamples(
                f"example {n}: the output must be a string, not {type(output).__name__}"
            )
        try:
            row = as_row(
                inp, len(inp) if isinstance(inp, (tuple, list)) else 1, f"example {n} input"
            )
        except InvalidInput as e:
            raise InvalidExamples(str(e)) from None
        if not row:
            raise InvalidExamples(f"example {n} has no input columns")
        for s in (*row, output):
            if len(s) > MAX_CHARS:
                raise InvalidExamples(
                    f"example {n} has a string of {len(s):,} characters; the limit is {MAX_CHARS:,}"
                )
        if out and len(row) != len(out[0][0]):
            raise InvalidExamples(
                f"example {n} has {len(row)} input column(s) but example 1 has {len(out[0][0])}"
            )
        out.append((row, output))
    seen: dict[tuple[str, ...], int] = {}
    clash = None
    for n, (row, output) in enumerate(out):
        if row in seen and out[seen[row]][1] != output and clash is None:
            m = seen[row]
            clash = (
                f"examples {m + 1} and {n + 1} have the same input {row if len(row) > 1 else row[0]!r}"
                f" but different outputs ({out[m][1]!r} vs {output!r})"
            )
        seen.setdefault(row, n)
    # Repeated identical examples add nothing.
    first = {ex: n for n, ex in reversed(list(enumerate(out)))}
    keep = sorted(first.values())
    if clash and not (typos and 4 <= len(keep) <= synth.MAX_NOISY_EXAMPLES):
        raise InvalidExamples(clash)
    return [out[n] for n in keep], keep, [keep.index(first[ex]) for ex in out], clash


def _trusted(trusted: object, where: list[int]) -> frozenset[int]:
    """The examples ``trusted`` names (indices in the caller's list), as indices among the
    examples without repeats (``where``)."""
    items = (
        list(trusted)
        if isinstance(trusted, Iterable) and not isinstance(trusted, (str, bytes))
        else None
    )
    if items is None or any(
        isinstance(n, bool) or not isinstance(n, int) or not 0 <= n < len(where) for n in items
    ):
        raise InvalidExamples(
            f"trusted must list indices of the {len(where)} examples (0 to {len(where) - 1}), "
            f"got {trusted!r:.80}"
        )
    return frozenset(where[n] for n in items)


def learn(
    examples: Iterable[tuple[Row, str]],
    inputs: Iterable[Row] | None = None,
    timeout: float = 2.0,
    *,
    noise: str | int = "auto",
    constants: Sequence[str] = (),
    alternatives: int = 4,
    engine: str = "auto",
    trusted: Iterable[int] = (),
) -> Program:
    """Learn the most plausible program that maps every example's input to its output.

    ``examples`` are ``(input, output)`` pairs; an input is a string, or a tuple of strings for
    several columns. ``inputs`` are optional unlabeled rows: programs that fail on them rank
    lower. ``noise="auto"`` lets a simpler program win that misses an example or two by a
    few typed characters; those examples are listed in ``Program.suspect_examples``.
    ``noise=0`` demands that every example is reproduced exactly. ``constants`` are optional
    literal strings worth trying. ``alternatives`` bounds how many next-best programs are kept
    (they feed ``Program.alternatives``, confidence and ``suggest``). ``engine="auto"`` joins
    the symbolic synthesizers and the neural models (the beam search adds candidates, the
    likelihood breaks ties between equally cheap ones, the induction model cross-checks
    outputs for ``confidence``); ``"symbolic"`` or ``"neural"`` uses one side alone.
    ``trusted`` are the indices of examples known to be right, such as a user's answers to
    :func:`likewise.suggest`: the noise model never reads them as typos. Raises
    :class:`InvalidExamples` for unusable examples (two with the same input and different
    outputs, unless the noise model reads one of them as a typo) and :class:`NoProgramFound`
    when nothing in the language fits within ``timeout`` seconds.
    """
    exs, original, where, clash = _examples(examples, typos=noise == "auto")
    ncols = len(exs[0][0])
    sure = _trusted(trusted, where)
    if not isinstance(alternatives, int) or alternatives < 0:
        raise InvalidExamples(f"alternatives must be a whole number >= 0, got {alternatives!r}")
    if noise not in ("auto", 0):
        raise InvalidExamples(f"noise must be 'auto' or 0, got {noise!r}")
    if engine not in synth.ENGINES:
        raise InvalidExamples(f"engine must be one of {', '.join(synth.ENGINES)}, got {engine!r}")
    rows = [as_row(r, ncols, f"unlabeled row {n + 1}") for n, r in enumerate(inputs or ())]
    if not isinstance(timeout, (int, float)) or not math.isfinite(timeout) or timeout <= 0:
        raise InvalidExamples(f"timeout must be a positive number of seconds, got {timeout!r}")
    found = synth.synthesize(
        exs,
        rows[:1000],
        tuple(constants),
        float(timeout),
        alternatives + 1,
        noise == "auto",
        engine,
        sure,
    )
    if isinstance(found, synth.Failure):
        if clash:
            raise InvalidExamples(f"{clash}, and no program reads one of them as a typo")
        raise NoProgramFound(found.message, tuple(original[i] for i in found.examples))
    # The induction model's second opinion on the outputs, read when confidence is asked for.
    check = neural.CrossCheck(exs) if engine != "symbolic" else None
    progs = [
        Program(
            c.program,
            ncols,
            cost=c.cost,
            engine=c.engine,
            suspects=[(original[i], given, got) for i, given, got in c.suspects],
            check=check if n == 0 else None,
        )
        for n, c in enumerate(found)
    ]
    best = progs[0].with_alternatives(progs[1:])
    best.notes.extend(_ambiguous_dates(best.node, [r for r, _ in exs] + rows))
    return best


def induce(examples: Iterable[tuple[Row, str]], rows: Iterable[Row]) -> list[str]:
    """Each row's output generated character by character from the examples by the neural
    induction model, with no program in between (RobustFill's induction). Such outputs are
    a guess to compare with, not a program: ``learn`` uses them to lower the confidence of
    rows where they disagree with its program's."""
    exs, _, _, _ = _examples(examples)
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
        raise InvalidInput("rows must be a list of input rows (strings or tuples of strings)")
    clean = [as_row(r, len(exs[0][0]), f"row {n + 1}") for n, r in enumerate(rows)]
    out = neural.induce(exs, clean)
    if out is None:
        raise LikewiseError("the induction model is unavailable (no model weights)")
    return out


def _ambiguous_dates(node: Node, rows: list[tuple[str, ...]]) -> list[str]:
    """Say so when every row reads as a date both day-first and month-first."""
    notes = []
    for n in _walk(node):
        if isinstance(n, FormatDate):
            swapped = _swap_day_month(n.in_fmt)
            values = [n.src.run(r) for r in rows]
            if swapped != n.in_fmt and all(
                v is None or runtime.parse_date(v, swapped) is not None for v in values
            ):
                notes.append(
                    f"dates are read as {n.in_fmt!r}, but every row also reads as {swapped!r}: "
                    "give a row whose day is above 12 to settle day/month order"
                )
    return list(dict.fromkeys(notes))


def _swap_day_month(fmt: str) -> str:
    out = []
    for part in runtime._directives(fmt):
        if isinstance(part, tuple):
            letter, padded = part
            out.append("%" + ("" if padded else "-") + {"d": "m", "m": "d"}.get(letter, letter))
        else:
            out.append(part.replace("%", "%%"))
    return "".join(out)


def _walk(node: Node):
    yield node
    for c in node.children():
        yield from _walk(c)

"""Bottom-up enumeration with observational equivalence (BUSTLE's baseline search).

Programs are built smallest first from inputs, constants and the operators below. A *value* is
a program's result on every example; of all programs with the same value only the first (the
smallest) is kept. The search stops at the first string value equal to the outputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import product

from likewise.lang import runtime as rt
from likewise.lang.ast import (
    CASES,
    DELIMITERS,
    TOKEN_CLASSES,
    Concat,
    Const,
    Contains,
    Eq,
    GetAll,
    GetToken,
    If,
    IndexOf,
    Input,
    IntConst,
    IntEq,
    IntToStr,
    Len,
    Minus,
    Node,
    Plus,
    PrefixOf,
    Replace,
    StrAt,
    StrReplace,
    StrSubstr,
    StrToInt,
    SuffixOf,
    ToCase,
    Trim,
    tok,
)
from likewise.synth.rank import cost

Examples = Sequence[tuple[tuple[str, ...], str]]
NEAR = 10  # programs that miss an example or two, kept where asked for (see synthesize)


@dataclass(frozen=True)
class Op:
    name: str
    args: tuple[str, ...]  # argument types: S, I, B
    ret: str
    fn: Callable
    build: Callable[..., Node]


def _concat(a: Node, b: Node) -> Node:
    parts = (a.parts if isinstance(a, Concat) else (a,)) + (
        b.parts if isinstance(b, Concat) else (b,)
    )
    return Concat(parts)


OPS: tuple[Op, ...] = (
    Op("Concat", ("S", "S"), "S", lambda a, b: a + b, _concat),
    Op("StrReplace", ("S", "S", "S"), "S", rt.str_replace, StrReplace),
    Op("StrAt", ("S", "I"), "S", rt.str_at, StrAt),
    Op("StrSubstr", ("S", "I", "I"), "S", rt.str_substr, StrSubstr),
    Op("IntToStr", ("I",), "S", rt.int_to_str, IntToStr),
    Op("Trim", ("S",), "S", rt.trim, Trim),
    *(
        Op(f"ToCase{c}", ("S",), "S", lambda s, c=c: rt.to_case(s, c), lambda s, c=c: ToCase(c, s))
        for c in CASES
    ),
    Op("If", ("B", "S", "S"), "S", lambda c, a, b: a if c else b, If),
    Op("Len", ("S",), "I", rt.str_len, Len),
    Op("IndexOf", ("S", "S", "I"), "I", rt.str_indexof, IndexOf),
    Op("StrToInt", ("S",), "I", rt.str_to_int, StrToInt),
    Op("Plus", ("I", "I"), "I", rt.plus, Plus),
    Op("Minus", ("I", "I"), "I", rt.minus, Minus),
    Op("PrefixOf", ("S", "S"), "B", rt.prefix_of, PrefixOf),
    Op("SuffixOf", ("S", "S"), "B", rt.suffix_of, SuffixOf),
    Op("Contains", ("S", "S"), "B", rt.contains, Contains),
    Op("Eq", ("S", "S"), "B", rt.equals, Eq),
    Op("IntEq", ("I", "I"), "B", rt.equals, IntEq),
)


def _leaf_constants(examples: Examples, hints: Sequence[str]) -> list[str]:
    outs = [o for _, o in examples]
    ins = [s for i, _ in examples for s in i]
    consts = ["", " ", *hints]
    # Symbols present in outputs (separators to add) or only in inputs (to remove).
    for ch in sorted({c for s in outs + ins for c in s if not c.isalnum()}):
        consts.append(ch)
    common = set.intersection(*(set(_symbols(o)) for o in outs)) if outs else set()
    consts.extend(sorted(common))
    return list(dict.fromkeys(c for c in consts if len(c) <= 20))


def _symbols(s: str) -> Iterator[str]:
    """Runs of characters that are not letters or digits."""
    run = ""
    for c in s:
        if c.isalnum():
            if run:
                yield run
            run = ""
        else:
            run += c
    if run:
        yield run


def synthesize(
    examples: Examples,
    constants: Sequence[str] = (),
    deadline: Callable[[], None] = lambda: None,
    max_size: int = 12,
    near: list[tuple[float, Node]] | None = None,
    spare: int = 1,
) -> list[tuple[float, Node]]:
    """The first (smallest) program whose value on every example is the output; [] if none.
    Into ``near``, where given, go the first ``NEAR`` programs whose value is the output on
    every example but ``spare`` at most (on one at least): the examples they miss may hold
    typos."""
    target = tuple(o for _, o in examples)
    n = len(examples)
    cap = 2 * max(len(s) for ex in examples for s in (*ex[0], ex[1])) + 10
    pools: dict[str, dict[tuple, Node]] = {"S": {}, "I": {}, "B": {}}
    by_size: dict[tuple[str, int], list[tuple[tuple, Node]]] = {}

    def add(t: str, size: int, value: tuple, node: Node) -> Node | None:
        if value in pools[t] or any(v is None for v in value):
            return None
        if t == "S" and any(len(v) > cap for v in value):
            return None
        if t == "I" and any(abs(v) > 10**6 for v in value):
            return None
        pools[t][value] = node
        by_size.setdefault((t, size), []).append((value, node))
        if t != "S":
            return None
        if near is not None and len(near) < NEAR:
            missed = sum(v != o for v, o in zip(value, target, strict=True))
            if 0 < missed <= min(spare, n - 1):
                near.append((cost(node), node))
        return node if value == target else None

    leaves: list[tuple[str, tuple, Node]] = []
    ncols = len(examples[0][0])
    for c in range(ncols):
        leaves.append(("S", tuple(ex[0][c] for ex in examples), Input(c)))
    for c in range(ncols):  # token extractions, so that nesting around them is cheap to reach
        for t in TOKEN_CLASSES:
            node = GetAll(tok(t), Input(c))
            leaves.append(("S", tuple(node.run(ex[0]) for ex in examples), node))
        for t in ("Word", "Number", "Alphanum"):
            for i in (1, 2, -1):
                node = GetToken(tok(t), i, Input(c))
                leaves.append(("S", tuple(node.run(ex[0]) for ex in examples), node))
    for s in _leaf_constants(examples, constants):
        leaves.append(("S", (s,) * n, Const(s)))
    for k in (0, 1, 2, 3, -1):
        leaves.append(("I", (k,) * n, IntConst(k)))
    for t, value, node in leaves:
        if add(t, 1, value, node) is not None:
            return [(cost(node), node)]
    # Replace(old, new) with constant arguments: removing or swapping symbols is common.
    marks = DELIMITERS + "-_<>=+*|~^`\\\t"
    symbols = [c for c in marks if any(c in s for ex in examples for s in ex[0])]
    added = [c for c in marks if c not in symbols and any(c in ex[1] for ex in examples)]
    for size in range(2, max_size + 1):
        for op in OPS:
            deadline()
            seen = pools[op.ret]
            for combo, value in _expand(op, size, by_size, n, deadline):
                if value in seen:
                    continue
                node = op.build(*(c[1] for c in combo))
                if add(op.ret, size, value, node) is not None:
                    return [(cost(node), node)]
        if size == 2:
            for (value, src), old in product(list(by_size.get(("S", 1), [])), symbols):
                for new in ("", " ", *[d for d in symbols + added if d != old]):
                    v = tuple(s.replace(old, new) for s in value)
                    node = Replace(old, new, src)
                    if add("S", 3, v, node) is not None:
                        return [(cost(node), node)]
    return []


def _expand(op: Op, size: int, by_size, n: int, deadline) -> Iterator[tuple[tuple, tuple]]:
    arity = len(op.args)
    for sizes in _compositions(size - 1, arity):
        lists = [by_size.get((t, s), []) for t, s in zip(op.args, sizes, strict=True)]
        if not all(lists):
            continue
        count = 0
        for combo in product(*lists):
            count += 1
            if count % 128 == 0:
                deadline()
            try:
                value = tuple(map(op.fn, *(c[0] for c in combo)))
            except (ValueError, OverflowError, MemoryError):
                continue
            yield combo, value


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    if parts == 1:
        if total >= 1:
            yield (total,)
        return
    for first in range(1, total - parts + 2):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)

"""Deductive synthesis over a version space, FlashFill-style.

The outputs are built as a concatenation of *atoms*: constants, or substrings of an input
(optionally case-changed) between two positions. Positions come from the witness functions of
``Abs``/``Pos``; position expressions are grouped by their values on all examples (observational
equivalence), so one group stands for every expression that behaves the same on the examples.
Atoms are grouped the same way by their outputs. The search walks all examples at once: a state
holds an offset into every output, and a step is an atom whose output on every example continues
that example's output at its offset. This is the intersection of the per-example DAGs of
FlashFill, built lazily. The cheapest paths (see :mod:`likewise.synth.rank`) are the programs.
Dates, numbers and number ranges give atoms too: fields written by FormatDate, FormatNumber and
Bucket (``_format_atoms``).
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from likewise.lang import runtime as rt
from likewise.lang import witness
from likewise.lang.ast import (
    CASES,
    Abs,
    Bucket,
    Concat,
    Const,
    FormatDate,
    FormatNumber,
    GetAll,
    Input,
    JoinAll,
    Node,
    Pos,
    Replace,
    Slice,
    ToCase,
    eval_pos,
    tok,
)
from likewise.synth import rank
from likewise.synth.deadline import Timeout
from likewise.synth.edits import edit_distance, infix_distance
from likewise.synth.rank import const_cost, cost, slice_discount

Examples = Sequence[tuple[tuple[str, ...], str]]
TOP = 4  # plans kept per state
PER_GROUP = 3  # equivalent atoms kept per behaviour
TIME_SHIFTS = (15, 30, 45, 60, 90, 120, -15, -30, -60)  # minutes, for times
DATE_SHIFTS = tuple(d * 1440 for d in (1, 7, 14, 30, -1, -7))  # days, for dates
NEAR_END = 3  # how far into a nested source its slices may start or end
CONSTANT_LIKE = 3.0  # extra cost of copying text that is identical in every example
MARGIN = 3.0  # alternatives costing more than the best plus this are not searched for
# With aims, how much more the search may go on for a program near them: learned from the
# examples but one, with a typo, the cheapest programs may all read the one set aside
# wrong ("IMG_20230412_153045.jpg" cut at absolute positions, not "Screenshot_2023...").
AIM_MARGIN = 6.0
AIM_PLANS = 4  # plans past the k cheapest searched for one near the aims, at most
NEAR_AIM = 2  # edits from the aims within which a program is near them
NEAR_EDITS = 40  # past this many edits from an aim, all programs are as far (see _distance)
# Date fields written in words, with the names they write.
_NAMES = {
    "%B": rt.MONTHS,
    "%b": tuple(m[:3] for m in rt.MONTHS),
    "%A": rt.WEEKDAYS,
    "%a": tuple(d[:3] for d in rt.WEEKDAYS),
    "%p": ("AM", "PM"),
}


def _cased_names(outs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Per date field in words, the cases besides its own that an output writes one of its
    names in ("MAR" of "12-MAR-23", "pm")."""
    words = {w for o in outs for w in re.findall(r"[^\W\d_]+", o)}
    out: dict[str, tuple[str, ...]] = {}
    for d, names in _NAMES.items():
        cases = [f for f in ("AllCaps", "Lower") if {rt.to_case(n, f) for n in names} & words]
        if cases:
            out[d] = tuple(cases)
    return out


@dataclass(frozen=True)
class _Source:
    node: Node  # what the atom slices: an input, or a token of an input
    values: tuple[str, ...]  # its value on each example
    # Nested sources (a token, words joined) are sliced only near their ends: "the first
    # letter of the second word", "the last two digits".
    absolute_only: bool


@dataclass
class _Atom:
    out: tuple[str, ...]
    cost: float
    node: Node
    copies: bool = False  # a format that gives the text it reads on the examples


def _sources(examples: Examples) -> list[_Source]:
    ncols = len(examples[0][0])
    out: list[_Source] = []
    seen: set[tuple[str, ...]] = set()
    for c in range(ncols):
        vals = tuple(ex[0][c] for ex in examples)
        if vals in seen:
            continue
        seen.add(vals)
        out.append(_Source(Input(c), vals, False))
    for c in range(ncols):
        for t in ("Word", "Alphanum", "Number"):
            for i in (1, 2, 3, -1, -2):
                vals = tuple(rt.get_token(ex[0][c], tok(t), i) for ex in examples)
                if any(v is None for v in vals) or vals in seen:
                    continue
                seen.add(vals)
                node = Slice(Pos(tok(t), i, "Start"), Pos(tok(t), i, "End"), Input(c))
                out.append(_Source(node, vals, True))
    outs = [ex[1] for ex in examples]
    # An input with a mark that some value holds and no output does changed into another
    # that an output holds, between characters that the input has around the first: the
    # "2019/01/book-keep" sliced after "/" as "Book Keep", and "tests/test_api.py" as
    # "tests.test_api" beside "utils.py".
    for c in range(ncols):
        vals = [ex[0][c] for ex in examples]
        marks = set.union(*({ch for ch in v if not rt._is_alnum(ch)} for v in vals))
        for old in sorted(m for m in marks if not any(m in o for o in outs)):
            for new in sorted({ch for o in outs for ch in o if not rt._is_alnum(ch)} - {old}):
                node = Replace(old, new, Input(c))
                values = tuple(node.run(ex[0]) for ex in examples)
                if values not in seen and _joins(new, values, vals, outs):
                    seen.add(values)
                    out.append(_Source(node, values, False))
    # All the words (or numbers, capitals...) joined by a separator the outputs use.
    seps = [d for d in (" ", ".", "-", ", ", "/", "_", "") if not d or any(d in o for o in outs)]
    for c in range(ncols):
        for t in ("Word", "Alphanum", "AllCaps", "Number"):
            for sep in seps:
                node = JoinAll(tok(t), sep, Input(c)) if sep else GetAll(tok(t), Input(c))
                vals = tuple(node.run(ex[0]) for ex in examples)
                if vals in seen or not any(vals):
                    continue
                seen.add(vals)  # type: ignore[arg-type]
                out.append(_Source(node, vals, True))
    return out


def _joins(mark: str, changed: Sequence[str], values: Sequence[str], outs: Sequence[str]) -> bool:
    """Whether an output has ``mark`` beside characters (one each side, where it has them)
    that a ``changed`` value has around it and the value as it was does not (letter case
    aside)."""
    for new, old, o in zip(changed, values, outs, strict=True):
        for i, ch in enumerate(o):
            piece = o[max(i - 1, 0) : i + 2].lower()
            if ch == mark and len(piece) > 1 and piece in new.lower() and piece not in old.lower():
                return True
    return False


def _position_classes(
    src: _Source, pats, per_group: int, probes: Sequence[tuple[str, ...]]
) -> dict[int, list[tuple[tuple[int, ...], list[tuple[Node, float, tuple]]]]]:
    """Position expressions on the pivot example, grouped by their values on all examples:
    of each group, the ``per_group`` cheapest that differ on the inputs ``probes`` (see
    synthesize), each with its cost and its values there."""
    s0 = src.values[0]
    probed = [src.node.run(p) for p in probes]
    if src.absolute_only:
        n = len(s0)
        ends = {k for k in range(n + 1) if k <= NEAR_END or n - k <= NEAR_END}
        per = {k: [Abs(k), Abs(k - n - 1)] for k in sorted(ends)}
    else:
        per = witness.positions(s0, pats)
    classes: dict[int, list[tuple[tuple[int, ...], list[tuple[Node, float, tuple]]]]] = {}
    for k0, exprs in per.items():
        groups: dict[tuple[int, ...], list[Node]] = {}
        for e in exprs:
            vec = [k0]
            for s in src.values[1:]:
                v = eval_pos(e, s)
                if v is None:
                    break
                vec.append(v)
            else:
                groups.setdefault(tuple(vec), []).append(e)
        classes[k0] = []
        for v, es in groups.items():
            ranked = sorted(
                (
                    (e, cost(e), tuple(s if s is None else eval_pos(e, s) for s in probed))
                    for e in es
                ),
                key=lambda item: item[1],
            )
            classes[k0].append((v, _distinct(ranked, 2, per_group, bool(probes))))
    return classes


def _distinct(ranked: list[tuple], at: int, per_group: int, probed: bool) -> list[tuple]:
    """Of ``ranked``, the ``PER_GROUP`` first, then up to ``per_group`` in all of those whose
    item ``at`` (what it gives on the probes) no earlier one has; where nothing was
    ``probed``, the ``per_group`` first."""
    if not probed:
        return ranked[:per_group]
    out = ranked[:PER_GROUP]
    seen = {item[at] for item in out}
    for item in ranked[PER_GROUP:]:
        if len(out) >= per_group:
            break
        if item[at] not in seen:
            seen.add(item[at])
            out.append(item)
    return out


def _atoms(
    examples: Examples,
    constants: Sequence[str],
    deadline: Callable[[], None],
    per_group: int,
    probes: Sequence[tuple[str, ...]],
    aims: Sequence[str] = (),
    telling: bool = False,
):
    outs = [ex[1] for ex in examples]
    pats = witness.patterns_for([v for ex in examples for v in ex[0]], constants)
    # Atoms grouped by their outputs (and, for date fields, by the date they read).
    groups: dict[tuple, list[_Atom]] = {}
    variants: list[str | None] = [None, *CASES]
    for src in _sources(examples):
        classes = _position_classes(src, pats, per_group, probes)
        base = 1.0 if isinstance(src.node, Input) else 1.3 + cost(src.node)  # a slice's cost
        s0 = src.values[0]
        bounds = sorted(classes)
        for ai, a in enumerate(bounds):
            deadline()
            for b in bounds[ai:]:
                alive = []
                for f in variants:
                    piece = s0[a:b] if f is None else rt.to_case(s0[a:b], f)
                    if piece in outs[0] and (f is None or piece != s0[a:b]):
                        alive.append(f)
                if not alive:
                    break
                for u_vec, u_exprs in classes[a]:
                    for w_vec, w_exprs in classes[b]:
                        for f in alive:
                            vec = _check(src.values, u_vec, w_vec, f, outs)
                            if vec is None or (a == b and not any(vec)):
                                continue
                            groups.setdefault((vec, None), []).extend(
                                _atoms_for(
                                    vec,
                                    src,
                                    base,
                                    u_exprs,
                                    w_exprs,
                                    f,
                                    u_vec,
                                    w_vec,
                                    per_group,
                                    probes,
                                    aims,
                                )
                            )
    for atom in _format_atoms(_sources(examples), outs, deadline, probes):
        groups.setdefault((atom.out, _date_key(atom.node)), []).append(atom)
    for key, atoms in groups.items():
        # A format that copies its text costs the copy and its own cost: a copy reads better.
        plain = min((a.cost for a in atoms if not a.copies), default=0.0)
        atoms = [replace(a, cost=plain + a.cost) if a.copies else a for a in atoms]
        ranked = sorted(atoms, key=lambda a: a.cost)
        if probes and len(ranked) > PER_GROUP:
            ranked = [(a, tuple(a.node.run(p) for p in probes)) for a in ranked]
            kept = _distinct(ranked, 1, per_group, True)
            told = _telling(ranked, kept, aims) if telling else []
            groups[key] = [a for a, _ in kept + told]
        else:
            groups[key] = ranked[:per_group]
    return groups


def _format_atoms(
    sources: list[_Source], outs: list[str], deadline, probes: Sequence[tuple[str, ...]] = ()
) -> list[_Atom]:
    """Dates re-formatted, numbers re-written, and number ranges: atoms whose pieces of
    output are computed rather than copied. Each candidate is tried on the pivot example
    first, so that the many settings cost little on many examples. One that copies its text
    on the examples is kept only where there are ``probes`` (the inputs of examples set
    aside): it may write another there (the examples' "12" copied, or padded to two digits:
    "3" or "03"). The numbers of the probes tell which number settings to try too."""
    out: list[_Atom] = []

    def keep(write, items: Sequence, make: Callable[[], tuple[Node, float]], chancy=False) -> None:
        """Keep the atom that ``make`` builds (with its cost) where ``write`` gives on every
        example of ``items`` a piece of its output (built only then: most settings miss)."""
        first = write(items[0])
        if first is None or first not in outs[0]:
            return
        vec = [first]
        for item, o in zip(items[1:], outs[1:], strict=True):
            piece = write(item)
            if piece is None or piece not in o:
                return
            vec.append(piece)
        node, c = make()
        if chancy and all(len(p) == 1 for p in vec):
            c += 1.0  # one-digit results of a number are easily met by chance ("0" of "0%")
        copies = tuple(vec) == vals
        if any(vec) and (probes or not copies):  # a plain copy reads better
            c += rank.cost(node.src) - 0.2  # type: ignore[attr-defined]
            out.append(_Atom(tuple(vec), c, node, copies))

    digits_out = any(ch in rt.DIGITS for o in outs for ch in o)
    cased = _cased_names(outs)
    wordy = any(ch.isalpha() for o in outs for ch in o)  # "March 4" rather than "March 04"
    ampm = rank.shows_ampm(outs)
    seen_numbers: set[tuple] = set()
    for src in sources:
        deadline()
        vals = src.values
        if not src.absolute_only:
            for fmt in witness.date_formats(vals):
                timed = any(h in fmt for h in ("%H", "%-H", "%I", "%-I"))
                shifts = TIME_SHIFTS if timed else DATE_SHIFTS
                for unit, shift in [(u, 0) for u in rt.ROUND_UNITS] + [("", m) for m in shifts]:
                    dates = [
                        rt.shift_date(rt.round_date(rt.parse_date(v, fmt), unit), shift)
                        for v in vals
                    ]
                    if None in dates:
                        continue
                    extra = (rank.SHIFTED if shift else 0.0) + rank.read_cost(fmt)
                    for d in witness.DATE_DIRECTIVES:

                        def field(d=d, fmt=fmt, unit=unit, shift=shift, extra=extra, src=src):
                            c = rank.date_cost(d, unit, wordy) + rank.field_cost(fmt, d, ampm)
                            return FormatDate(fmt, d, unit, shift, src.node), c + extra

                        keep(lambda t, d=d: rt.render_date(t, d), dates, field)
                        # A name in capitals or small letters ("12-MAR-23", "1:23 pm"): the
                        # field, cased (what ToCase costs, where keep adds the field's).
                        for case in cased.get(d, ()):
                            write = lambda t, d=d, f=case: rt.to_case(rt.render_date(t, d), f)  # noqa: E731
                            make = lambda f=case, field=field: (  # noqa: E731
                                ToCase(f, field()[0]),
                                rank.TO_CASE + 0.2,
                            )
                            keep(write, dates, make)
        if not digits_out:
            continue
        nums = tuple(rt.parse_number(v) for v in vals)
        if None in nums or nums in seen_numbers:
            continue
        seen_numbers.add(nums)
        probed = (rt.parse_number(v) for v in map(src.node.run, probes) if isinstance(v, str))
        others = [n for n in probed if n is not None]
        for spec in witness.number_specs(outs, nums, vals, others):
            keep(
                lambda n, spec=spec: rt.render_number(n, *spec),
                nums,
                lambda spec=spec, src=src: (FormatNumber(*spec, src.node), rank.number_cost(*spec)),
                chancy=True,
            )
        for width in (5, 10, 20, 25, 50, 100, 1000):
            keep(
                lambda v, w=width: rt.bucket(v, w),
                vals,
                lambda w=width, src=src: (Bucket(w, src.node), rank.BUCKET),
            )
    return out


TELLING = 30  # atoms of a group (the cheapest) weighed for what they tell (see _telling)


def _telling(ranked: list[tuple], kept: list[tuple], aims: Sequence[str]) -> list[tuple]:
    """Of ``ranked`` (atoms alike on the examples, cheapest first, each with what it gives
    on the probes), for each probe the one that gives there the most of its output in
    ``aims`` (its length less the edits that make it part of the aim), where that is more
    than any atom ``kept`` gives there: of the atoms that write "52.18", the one that
    writes "81,264.09" for an example set aside that shows "81,264.09)" (its separator never
    shown by the examples learned from)."""
    out: list[tuple] = []
    for i, aim in enumerate(aims):

        def told(item: tuple, most: int = 0, i: int = i, aim: str = aim) -> int:
            """How much of the aim the item gives, where that is more than ``most``."""
            piece = item[1][i]
            if not isinstance(piece, str) or len(piece) <= most:
                return 0
            return len(piece) - infix_distance(piece, aim, len(piece) - most - 1)

        most = max(map(told, kept + out))
        best = None
        for item in ranked[:TELLING]:  # (cheapest first: the first of the most)
            if (t := told(item, most)) > most:
                best, most = item, t
        if best is not None:
            out.append(best)
    return out


def _check(values, u_vec, w_vec, f, outs) -> tuple[str, ...] | None:
    vec = []
    for s, u, w, o in zip(values, u_vec, w_vec, outs, strict=True):
        if u > w:
            return None
        piece = s[u:w] if f is None else rt.to_case(s[u:w], f)
        if piece not in o:
            return None
        vec.append(piece)
    return tuple(vec)


def _constant_like(src: _Source, u_vec, w_vec) -> bool:
    """The slice sits inside text that is the same in every example (like the "Rs" of
    "Rs. 12.50"): copying it cannot be told from writing a constant, which reads better."""
    if len(src.values) < 2:
        return False
    text = None
    for s, u, w in zip(src.values, u_vec, w_vec, strict=True):
        while u > 0 and rt._is_alnum(s[u - 1]):
            u -= 1
        while w < len(s) and rt._is_alnum(s[w]):
            w += 1
        if text is None:
            text = s[u:w]
        elif s[u:w] != text:
            return False
    return any(rt._is_alnum(c) for c in text or "")


def _atoms_for(
    vec,
    src: _Source,
    base: float,
    u_exprs,
    w_exprs,
    f,
    u_vec,
    w_vec,
    per_group: int,
    probes: Sequence[tuple[str, ...]],
    aims: Sequence[str],
) -> list[_Atom]:
    """The slices between two position classes, cheapest first (at most ``per_group``, that
    differ on the ``probes``: see _distinct). Costs are those of ``rank.cost`` for a Slice,
    added up here from the positions' costs (and ``base``, what the slice of ``src`` costs
    besides). A slice of text alike in every example costs more (see _constant_like), unless
    what it gives on the probes differs and each of their outputs ``aims`` holds it: the
    "30" of "45.5 x 30 x 2" and "30 x 30 x 30", where the example set aside gives "60" and
    shows "120 x 60 x 75"."""
    out = []
    extra = base
    if f is not None:
        extra += rank.TO_CASE
    alike = _constant_like(src, u_vec, w_vec)
    probed = [src.node.run(p) for p in probes] if alike and aims else []
    for u, cu, pu in u_exprs:
        for w, cw, pw in w_exprs:
            c = extra + cu + cw - slice_discount(u, w)
            if alike and not (aims and _told(probed, pu, pw, f, aims, vec[0])):
                c += CONSTANT_LIKE
            out.append((c, u, w, (pu, pw)))
    out.sort(key=lambda x: x[0])
    atoms = []
    for c, u, w, _ in _distinct(out, 3, per_group, bool(probes)):
        node: Node = Slice(u, w, src.node)
        atoms.append(_Atom(vec, c, node if f is None else ToCase(f, node)))
    return atoms


def _told(probed: list, pu: tuple, pw: tuple, f, aims: Sequence[str], value: str) -> bool:
    """Whether a slice (from positions ``pu`` to ``pw`` on the ``probed`` texts) gives on
    every probe a text that its output ``aims`` holds, other than ``value`` on one at least."""
    pieces = []
    for s, u, w, aim in zip(probed, pu, pw, aims, strict=True):
        if s is None or u is None or w is None or u >= w:
            return False
        piece = s[u:w] if f is None else rt.to_case(s[u:w], f)
        if piece not in aim:
            return False
        pieces.append(piece)
    return any(p != value for p in pieces)


def synthesize(
    examples: Examples,
    constants: Sequence[str] = (),
    deadline: Callable[[], None] = lambda: None,
    k: int = 5,
    per_group: int = PER_GROUP,
    probes: Sequence[tuple[str, ...]] = (),
    aims: Sequence[str] = (),
    branch: bool = False,
) -> list[tuple[float, Node]]:
    """The ``k`` cheapest concatenation programs consistent with all examples (maybe none).
    Of the atoms (and positions) that behave alike on the examples, ``per_group`` are kept,
    each behaving otherwise on the inputs ``probes`` where there are some: the cheapest
    program is found with one, its variants (which may differ on other inputs) need more.
    With ``probes``, the ``k`` taken are the cheapest of each behaviour there, then the
    rest, and they come cheapest first: programs alike on the probes read them alike (see
    :mod:`likewise.synth.noise`). With the probes' outputs ``aims`` too, the program
    nearest them follows, where it is nearer than those: the one example set aside may be
    the only one to show two things (the hours of "8:45-9:15" both unpadded), which no
    variant that swaps one atom shows (see _nearest). Learning a ``branch`` of a decision
    list again with the examples set aside that it routes there (see
    conditionals._relearned), the groups keep the atoms that tell their outputs (see
    _telling), and the search goes no further for it than for the ``k`` cheapest."""
    if not examples:
        return []
    # The example with the longest output leads; the others are checked against it.
    order = sorted(range(len(examples)), key=lambda i: -len(examples[i][1]))
    examples = [examples[i] for i in order]
    outs = [ex[1] for ex in examples]
    ampm = rank.shows_ampm(outs)
    if not outs[0]:
        return [(const_cost(""), Const(""))] if not any(outs) else []
    groups = _atoms(examples, constants, deadline, per_group, probes, aims, branch)
    n = len(outs)
    # Atoms indexed by their output on the pivot, then, example by example, by the length of
    # their output there and that output: a state looks up the atoms that fit every example
    # (see _fitting); atoms empty on the pivot, by the first example they are not empty on,
    # then alike from there.
    by_pivot: dict[str, dict] = {}
    empty_pivot: dict[int, dict] = {}
    for order_, ((vec, _), atoms) in enumerate(groups.items()):
        first = next(i for i, v in enumerate(vec) if v)
        node = by_pivot.setdefault(vec[0], {}) if first == 0 else empty_pivot.setdefault(first, {})
        for piece in vec[first + 1 :] if first == 0 else vec[first:]:
            node = node.setdefault(len(piece), {}).setdefault(piece, {})
        node.setdefault(None, []).append((order_, atoms))
    final = tuple(len(o) for o in outs)

    pivot = outs[0]
    ends: dict[int, dict[int, dict]] = {}  # per offset into the pivot, atoms by where they end

    def steps(state: tuple[int, ...]) -> list[tuple[float, object, tuple[int, ...], tuple | None]]:
        """Each step from ``state``: its cost, a constant or atoms, the next state, and the
        atoms' date key (see _date_key)."""
        out: list[tuple[float, object, tuple[int, ...], tuple | None]] = []
        o0 = state[0]
        if o0 not in ends:
            ends[o0] = {
                j: by_pivot[pivot[o0:j]]
                for j in range(o0 + 1, len(pivot) + 1)
                if pivot[o0:j] in by_pivot
            }
        at = ends[o0]
        # A constant fits as far as every output goes on as the pivot does.
        common = len(pivot) - o0
        for i in range(1, n):
            common = _common_prefix(pivot, o0, outs[i], state[i], common)
        for j in range(o0 + 1, max(o0 + common, max(at, default=0)) + 1):
            if j <= o0 + common:
                t = pivot[o0:j]
                out.append((const_cost(t, constants), t, tuple(s + len(t) for s in state), None))
            node = at.get(j)
            if node is not None:
                for _, group in sorted(_fitting(node, state, outs, 1), key=lambda f: f[0]):
                    nxt = tuple(s + len(p) for s, p in zip(state, group[0].out, strict=True))
                    out.append((group[0].cost, group, nxt, _date_key(group[0].node)))
        for i, node in sorted(empty_pivot.items()):
            for _, group in sorted(_fitting(node, state, outs, i), key=lambda f: f[0]):
                nxt = tuple(s + len(p) for s, p in zip(state, group[0].out, strict=True))
                out.append((group[0].cost, group, nxt, _date_key(group[0].node)))
        return out

    # Uniform-cost search for the k cheapest paths; each state is expanded at most TOP times.
    # A state also records whether the last step was a constant: two constants in a row are
    # the same program as one longer constant, so that step is not taken.
    # A state also remembers the date being written (input format, rounding, source) and the
    # constant written since its last field: when another field of the same date follows, the
    # two are one FormatDate, so that field costs little and the constant is refunded down to
    # what it costs inside a format (the price of its characters, not of a constant).
    start = (tuple(0 for _ in outs), False, None, "")
    # A path is linked back to front: (last step, the path before it), () at the start.
    heap: list[tuple[float, int, tuple, tuple]] = [(0.0, 0, start, ())]
    expanded: dict[tuple, int] = {}
    # Per state, the TOP cheapest costs it was pushed with: one pushed at no less would be
    # popped after TOP expansions of it, and skipped.
    pushed: dict[tuple, list[float]] = {}
    memo: dict[tuple[int, ...], list] = {}
    counter = 1
    results: list[tuple[float, Node]] = []
    plans: list[tuple[float, tuple]] = []  # each with its cost
    # Past k plans, plans that tie the cheapest are still found, for the tie-break below;
    # with aims, plans until one comes near them (see _near), up to AIM_MARGIN and AIM_PLANS.
    near_aims = not aims or branch
    while heap and (
        len(plans) < k
        or (results and rank.tied(heap[0][0]) <= rank.tied(results[0][0]))
        or (not near_aims and len(plans) < k + AIM_PLANS)
    ):
        c, _, key, path = heapq.heappop(heap)
        if results and c > results[0][0] + (MARGIN if near_aims else AIM_MARGIN):
            break  # alternatives this much worse are not worth the search
        if expanded.get(key, 0) >= TOP:
            continue
        expanded[key] = expanded.get(key, 0) + 1
        state, after_const, date, pending = key
        if state == final:
            plan = []
            while path:
                step, path = path
                plan.append(step)
            plans.append((c, tuple(reversed(plan))))
            results.extend(_instances(*plans[-1]))
            near_aims = near_aims or _near(_nearest(plans[-1:], probes, aims)[0])
            continue
        try:
            deadline()
        except Timeout:
            if results:
                break  # keep what was found
            raise
        if state not in memo:
            memo[state] = steps(state)
        for sc, step, nxt, step_date in memo[state]:
            if isinstance(step, str):
                if after_const:
                    continue
                nkey = (nxt, True, date, step if date is not None else "")
            else:
                if step_date is not None and step_date == date:
                    refund = const_cost("") if pending else 0.0
                    field = step[0].node
                    sc = (
                        rank.SAME_DATE + rank.field_cost(field.in_fmt, field.out_fmt, ampm) - refund
                    )
                nkey = (nxt, False, step_date, "")
            costs = pushed.get(nkey)
            if costs is None:
                pushed[nkey] = [c + sc]
            elif len(costs) < TOP or c + sc < costs[-1]:
                bisect.insort(costs, c + sc)
                del costs[TOP:]
            else:
                continue
            heapq.heappush(heap, (c + sc, counter, nkey, (step, path)))
            counter += 1
    results.sort(key=lambda r: (rank.tied(r[0]), rank.constant_chars(r[1])))
    ranked = list({str(p): (c, p) for c, p in reversed(results)}.values())[::-1]
    if not probes:
        return ranked[:k]
    # Programs alike on the probes read them alike: each behaviour there first, cheapest first.
    taken = rank.varied(ranked, lambda r: tuple(r[1].run(x) for x in probes), k)
    if aims and plans:
        d, cost, program = _nearest(plans, probes, aims)
        if all(d < _distance(p, probes, aims) for _, p in taken):
            taken.append((cost, program))
    return taken


def _common_prefix(a: str, i: int, b: str, j: int, limit: int) -> int:
    """How long ``a`` from ``i`` and ``b`` from ``j`` go on alike, up to ``limit``."""
    lo, hi = 0, min(limit, len(b) - j)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if b.startswith(a[i : i + mid], j):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _date_key(node: Node) -> tuple | None:
    if isinstance(node, FormatDate):
        return (node.in_fmt, node.unit, node.shift, node.src)
    return None


def _fitting(node: dict, state: tuple[int, ...], outs: Sequence[str], i: int) -> list:
    """The atoms under ``node`` (see synthesize's index) whose outputs on examples ``i`` on
    are the text at ``state`` there."""
    if i == len(outs):
        return node[None]
    found = []
    for length, by_piece in node.items():
        child = by_piece.get(outs[i][state[i] : state[i] + length])
        if child is not None:
            found.extend(_fitting(child, state, outs, i + 1))
    return found


def _distance(
    program: Node, probes: Sequence[tuple[str, ...]], aims: Sequence[str]
) -> tuple[int, int]:
    """How far what ``program`` gives on the ``probes`` is from the ``aims``: the parts of it
    that give nothing there, then the character edits from what the others give (counting
    parts, a program nears the aims part by part: see _nearest). Giving an aim itself is no
    nearer than the furthest: a program that reproduces an example set aside does not read
    it as a typo."""
    parts = program.parts if isinstance(program, Concat) else (program,)
    missed, edits = 0, 0
    for x, aim in zip(probes, aims, strict=True):
        got = [part.run(x) for part in parts]
        given = [g for g in got if isinstance(g, str)]
        text = "".join(given)
        if len(given) == len(got) and text == aim:
            missed += len(parts)
        else:
            missed += len(got) - len(given)
            edits += edit_distance(text, aim, NEAR_EDITS)
    return missed, edits


def _near(distance: tuple[int, int]) -> bool:
    missed, edits = distance
    return missed == 0 and edits <= NEAR_AIM


def _nearest(
    plans: Sequence[tuple[float, tuple]],
    probes: Sequence[tuple[str, ...]],
    aims: Sequence[str],
) -> tuple[tuple[int, int], float, Node]:
    """Of the programs that the ``plans`` (each with its cost, at least one) make with any
    choice of their atoms, one nearest the ``aims`` on the ``probes``, with how near and its
    cost, found atom by atom from the cheapest choice: each step takes the alternative that
    brings the program nearer, where one does."""
    found = []
    for c, plan in plans:
        choice: dict[int, int] = {}
        program = _build(plan, choice)
        d = _distance(program, probes, aims)
        for i, step in enumerate(plan):
            if isinstance(step, str):
                continue
            for r in range(1, len(step)):
                trial = {**choice, i: r}
                other = _build(plan, trial)
                if (e := _distance(other, probes, aims)) < d:
                    choice, program, d = trial, other, e
        cost = c + sum(plan[i][r].cost - plan[i][0].cost for i, r in choice.items())
        found.append((d, cost, program))
    return min(found, key=lambda f: f[:2])


def _instances(c: float, plan: tuple) -> list[tuple[float, Node]]:
    """The plan's cheapest program, and the variants that swap one atom for an equivalent one
    (same outputs on the examples, maybe different elsewhere): the real ambiguity."""
    out = [(c, _build(plan, {}))]
    for i, step in enumerate(plan):
        if not isinstance(step, str):
            for r in range(1, len(step)):
                out.append((c + step[r].cost - step[0].cost, _build(plan, {i: r})))
    return out


def _build(plan: tuple, choice: dict[int, int]) -> Node:
    parts: list[Node] = []
    for i, step in enumerate(plan):
        if isinstance(step, str):
            parts.append(Const(step))
        else:
            parts.append(step[choice.get(i, 0)].node)
    return parts[0] if len(parts) == 1 else Concat(tuple(parts))

"""Ranking: a cost for every program (lower is more plausible), and reranking on unlabeled rows.

The cost prefers what generalizes: few segments, token-based positions over absolute ones,
small match indices, short constants made of punctuation rather than letters, shallow nesting.
A program costs the same whichever engine spelled it: the version space prices slices and
date fields as it builds them, and :func:`cost` prices the named forms (``GetToken``,
``SubStr``, a merged ``FormatDate``...) as the slices and fields they stand for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from itertools import pairwise
from typing import TypeVar

from likewise.lang import runtime as rt
from likewise.lang.ast import (
    Abs,
    Bucket,
    Concat,
    Const,
    FormatDate,
    FormatNumber,
    GetFrom,
    GetSpan,
    GetToken,
    GetUpto,
    If,
    Input,
    IntConst,
    Node,
    Pattern,
    Pos,
    Slice,
    StrReplace,
    SubStr,
    ToCase,
    eval_pos,
)
from likewise.lang.witness import rounded_away

T = TypeVar("T")

TOKEN_COST = {
    "Word": 0.3,
    "Number": 0.3,
    "Alphanum": 0.45,
    "PropCase": 0.5,
    "AllCaps": 0.55,
    "Lower": 0.55,
    "Digit": 0.9,
    "Char": 1.0,
    "Field": 0.3,  # as a word: of the two, a field holds what the data puts there
}


TO_CASE = 0.6  # text in another case costs this more than the text
WHOLE_TOKEN = 0.35  # a slice from a token's start to its end is a GetToken: cheaper
# A slice between two marks in a row (a field: "M" of "JKT/NVY/M/2231") wins a tie with one
# bounded otherwise (the last word): a field holds whatever the data puts there ("32", "s.kim").
FIELD = 0.005


def slice_discount(start: Node, end: Node) -> float:
    """What a slice from ``start`` to ``end`` costs less than its two positions: a whole token,
    or a field (see ``FIELD``)."""
    if not (isinstance(start, Pos) and isinstance(end, Pos)):
        return 0.0
    if (start.pat, start.i) == (end.pat, end.i):
        return WHOLE_TOKEN
    mark = start.pat
    field = (
        mark == end.pat
        and isinstance(mark, str)
        and len(mark) == 1
        and not mark.isalnum()
        and (start.bound, end.bound) == ("End", "Start")
        and end.i == start.i + 1
        and end.i != 0
    )
    return FIELD if field else 0.0


# The parts between spaces cost a little more than words: words in running text carry marks
# ("Paris," of "Paris, France"), where parts between other marks hold what the data puts there.
SPACED = 0.02


def pat_cost(p: Pattern) -> float:
    if isinstance(p, tuple):
        return TOKEN_COST[p[0]] + (SPACED if p[0] == "Field" and p[1].isspace() else 0.0)
    return 0.35 if len(p) == 1 else 0.5 + 0.05 * len(p)


def const_cost(text: str, hints: Sequence[str] = ()) -> float:
    """Letters and digits in a constant are expensive (they usually come from the input),
    unless they belong to a constant the caller suggested. Past the first two, each costs
    less: a whole word ("normal") is likelier a constant than a couple of copied letters."""
    covered = [False] * len(text)
    for h in hints:
        if len(h) >= 2:
            i = text.find(h)
            while i >= 0:
                covered[i : i + len(h)] = [True] * len(h)
                i = text.find(h, i + 1)
    total, alnum = 0.5, 0
    for c, cov in zip(text, covered, strict=True):
        if not c.isalnum():
            total += 0.1
        elif cov:
            total += 0.3
        else:
            total += 2.2 if alnum < 2 else 0.6
            alnum += 1
    return total


ROUNDING_COST = {
    "half-up": 0.0,
    "half-even": 0.05,
    "down": 0.1,
    "floor": 0.15,
    "ceiling": 0.15,
    "up": 0.2,
}


def date_cost(directive: str, unit: str, wordy: bool = False) -> float:
    """One date field written out: cheaper than copying digits, so dates read as dates.
    Where the examples cannot tell, numbers are zero-padded, except next to words."""
    unpadded = "-" in directive or directive == "%o"
    return 0.8 + (0.3 if unit else 0) + (0.01 if unpadded != wordy else 0)


SAME_DATE = 0.15  # another field of the date the previous field wrote
SHIFTED = 0.4  # a date moved by a fixed time
BUCKET = 1.2
_DIRECTIVE = re.compile(r"%-?[A-Za-z]")
# The parts of a date (year, month, day, time of day) that a field needs, by its letter. A
# part the input does not hold takes its default (1900, January, the 1st, midnight): a time
# read without seconds shows ":00" naturally, but a year of 1900, or an hour from a date, is an
# accident of the examples.
_PARTS = {"Y": "y", "y": "y", "m": "m", "B": "m", "b": "m", "q": "m", "d": "d", "e": "d"}
_PARTS |= {"o": "d", "A": "ymd", "a": "ymd", "H": "t", "I": "t", "M": "t", "S": "t", "p": "t"}
DEFAULT_PART = 0.5
CLOCK = 0.02  # an hour on the clock the outputs do not show (12-hour without AM/PM, or 24 with)
_AMPM = re.compile(r"(?<![A-Za-z])[AaPp]\.?[Mm](?![A-Za-z])")


def shows_ampm(outputs: Sequence[str]) -> bool:
    return any(_AMPM.search(o) for o in outputs)


def field_cost(in_fmt: str, directive: str, ampm: bool) -> float:
    """What a date field costs beyond its place in the date: showing a part of the date that
    the input does not hold, or the hour on a clock that the outputs (``ampm``) do not use."""
    held = {_PARTS.get(f[-1], "") for f in _DIRECTIVE.findall(in_fmt)}
    c = DEFAULT_PART if any(p not in held for p in _PARTS.get(directive[-1], "")) else 0.0
    if directive[-1] in "HI" and (directive[-1] == "I") != ampm:
        c += CLOCK
    return c


LITERAL_LETTER = 0.1  # a letter that the input format reads as it is


def read_cost(in_fmt: str) -> float:
    """What a date's input format costs: its letters outside the fields. A format that reads
    one example's words as they are ("%H:%M aVm" for "12:54 aVm") tests for that text as
    well as reading a date, as a conditional's test would."""
    return LITERAL_LETTER * sum(c.isalpha() for c in _DIRECTIVE.sub("", in_fmt.replace("%%", "")))


def format_date_cost(node: FormatDate) -> float:
    """What the version space pays for this date written out: its first field, each further
    field at ``SAME_DATE``, the text between fields at the price of its characters as a
    constant, text before or after them as a constant, and each field's :func:`field_cost`."""
    fields = _DIRECTIVE.findall(node.out_fmt)
    if not fields:
        return const_cost(node.out_fmt)
    lead, *between, trail = _DIRECTIVE.split(node.out_fmt)
    text = sum(const_cost(t) - const_cost("") for t in between if t)
    text += sum(const_cost(t) for t in (lead, trail) if t)
    wordy = any(f in ("%B", "%b", "%A", "%a", "%o", "%p") for f in fields)
    first = date_cost(fields[0], node.unit, wordy) + (SHIFTED if node.shift else 0)
    first += read_cost(node.in_fmt)
    extra = sum(field_cost(node.in_fmt, f, "%p" in fields) for f in fields)
    return first + SAME_DATE * (len(fields) - 1) + text + extra


def number_cost(
    decimals: int, group: str, point: str, rounding: str, width: int, scale: int
) -> float:
    return (
        1.3
        + (0.1 if group else 0)
        + (0.1 if point != "." else 0)
        + (ROUNDING_COST[rounding] if decimals >= 0 else 0)
        + 0.03 * max(decimals, 0)
        + (0.1 if decimals == -2 else 0)
        + (0.2 if width else 0)
        + 0.2 * abs(scale)
    )


def slice_form(node: Node) -> Node:
    """The ``Slice`` that :func:`likewise.lang.simplify.canonical` names ``node`` (GetToken,
    GetSpan, SubStr, GetUpto, GetFrom), or ``node`` itself: the form the version space prices,
    so that a program costs the same whichever engine spelled it."""
    if isinstance(node, SubStr):
        return Slice(Abs(node.k1 - 1), Abs(node.k2), node.src)
    if isinstance(node, GetToken):
        return Slice(Pos(node.pat, node.i, "Start"), Pos(node.pat, node.i, "End"), node.src)
    if isinstance(node, GetSpan):
        a, b = Pos(node.r1, node.i1, node.y1), Pos(node.r2, node.i2, node.y2)
        return Slice(a, b, node.src)
    if isinstance(node, GetUpto):
        return Slice(Abs(0), Pos(node.pat, 1, "End"), node.src)
    if isinstance(node, GetFrom):
        return Slice(Pos(node.pat, 1, "End"), Abs(-1), node.src)
    return node


FAR = 3  # characters from the nearer end past which an absolute position is far
# What a slice that falls where it does by chance costs (see coincidences), and a test for
# digits in a column of numbers (see likewise.synth.conditionals.predicates).
COINCIDENCE = 2.0


def coincidences(program: Node, inputs: Sequence[tuple[str, ...]]) -> int:
    """How many slices of ``program`` look like coincidences of the ``inputs`` that reach
    them: those with an absolute position far from either end (more than ``FAR`` characters)
    that counts past text of another shape on each (digits, letters, each other character as
    it is), those from a token to an absolute position inside the text (or back): that one
    comes after the other only as the token falls, and those between two patterns that meet
    on some inputs and not on others (see _by_chance). Ten digits from the end of a phone
    number's digits is a rule; fifteen characters from the end of "+1 816 432 8469" and "+33
    5 32 68 83 5" lands on the country code of each by chance, and so does the slice from the
    first number to the second character, empty on "(897) 247-7889" and "2" on
    "250.635.9580". So does a replacement that replaces nothing on any of them: the text it
    looks for is empty (then it puts its text first) or not there; a program that prepends a
    "+" by replacing the letters of "487" reads the mistyped "-L358" alone. So does a number
    scaled down and rounded away (see :func:`likewise.lang.witness.rounded_away`)."""
    if isinstance(program, If):
        taken = [x for x in inputs if program.cond.run(x)]
        rest = [x for x in inputs if not program.cond.run(x)]
        return coincidences(program.then, taken) + coincidences(program.other, rest)
    node = slice_form(program)
    found = sum(coincidences(c, inputs) for c in node.children())
    if isinstance(node, Slice) and len(inputs) > 1:
        found += _by_chance(node, inputs)
    if isinstance(node, Concat) and len(inputs) > 1:
        parts = [slice_form(p) for p in node.parts]
        found += sum(_overlap_by_chance(a, b, inputs) for a, b in pairwise(parts))
        found += sum(_cut_short(a, b, inputs) for a, b in pairwise(parts))
    if isinstance(node, StrReplace) and inputs:
        found += not any(_replaces(node, x) for x in inputs)
    if isinstance(node, FormatNumber) and node.scale < 0:
        texts = [node.src.run(x) for x in inputs]
        nums = [rt.parse_number(t) for t in texts if isinstance(t, str)]
        found += rounded_away([n for n in nums if n is not None], node.decimals, node.scale)
    return found


def _replaces(node: StrReplace, inputs: tuple[str, ...]) -> bool:
    """Whether ``node`` finds the text it looks for, not empty, in its text on ``inputs``."""
    s, old = node.s.run(inputs), node.old.run(inputs)
    return isinstance(s, str) and isinstance(old, str) and old != "" and old in s


def _overlap_by_chance(a: Node, b: Node, inputs: Sequence[tuple[str, ...]]) -> bool:
    """Whether slices ``a`` then ``b`` of one input copy some of its text twice on some of
    the ``inputs`` (``b`` starts before ``a`` ends) and not on others: the comma of
    "Johnsonview, WV" copied again after the whole text, where "New Emilyton, GA, USA" is
    cut at that comma."""
    if not (isinstance(a, Slice) and isinstance(b, Slice) and isinstance(a.src, Input)):
        return False
    if a.src != b.src:
        return False
    overlaps = set()
    for x in inputs:
        text = a.src.run(x)
        end, start = eval_pos(a.end, text), eval_pos(b.start, text)
        if end is not None and start is not None:
            overlaps.add(start < end)
    return len(overlaps) > 1


def _cut_short(a: Node, b: Node, inputs: Sequence[tuple[str, ...]]) -> bool:
    """Whether a constant letter or digit beside slice ``a`` or ``b`` is on every one of the
    ``inputs`` the character of its text just past that end of the slice: the "1" after the
    first digit of "11987654321", "21998877665" and "31991234567" is the second digit of
    each, copied (all three area codes end in 1)."""
    if isinstance(a, Slice) and isinstance(b, Const) and b.text[:1].isalnum():
        cut, c, after = a, b.text[0], True
    elif isinstance(a, Const) and isinstance(b, Slice) and a.text[-1:].isalnum():
        cut, c, after = b, a.text[-1], False
    else:
        return False
    for x in inputs:
        text = cut.src.run(x)
        if not isinstance(text, str):
            return False
        k = eval_pos(cut.end if after else cut.start, text)
        if k is None or not (0 <= k < len(text) if after else 0 < k <= len(text)):
            return False
        if text[k if after else k - 1] != c:
            return False
    return True


def _by_chance(node: Slice, inputs: Sequence[tuple[str, ...]]) -> bool:
    a, b = node.start, node.end
    if (isinstance(a, Pos) and isinstance(b, Abs) and b.k != -1) or (
        isinstance(a, Abs) and a.k != 0 and isinstance(b, Pos)
    ):
        return True
    texts = [t for t in (node.src.run(x) for x in inputs) if isinstance(t, str)]
    if isinstance(a, Pos) and isinstance(b, Pos) and a.pat != b.pat:
        # Two bounds of different kinds that meet on some texts and not on others: the
        # text from the first "." to the end of the second word, empty where the second
        # word ends at the first "." ("jlee@nwtraders.co.uk") and not elsewhere.
        spans = [(eval_pos(a, t), eval_pos(b, t)) for t in texts]
        empty = {u == w for u, w in spans if u is not None and w is not None}
        if len(empty) > 1:
            return True
    if all(isinstance(at, Abs) and _far(at) for at in (a, b)) and len({len(t) for t in texts}) > 1:
        # Letters cut from inside a word by counting, in texts of different lengths: the
        # sixth letter of "Köhler" and "Guibert" (both "r"). A fixed-width code is as long in
        # every text, and digits are counted ("20240315").
        for t in texts:
            cuts = [eval_pos(at, t) for at in (a, b)]
            if any(k is not None and 0 < k < len(t) and t[k - 1 : k + 1].isalpha() for k in cuts):
                return True
    for at in (a, b):
        if isinstance(at, Abs) and _far(at):
            spans = set()
            for t in texts:
                k = eval_pos(at, t)
                if k is not None:
                    spans.add(_shape(t[:k] if at.k >= 0 else t[k:]))
            if len(spans) > 1:
                return True
    return False


def _far(at: Abs) -> bool:
    return min(abs(at.k), abs(at.k + 1)) > FAR


def inner_characters(program: Node, inputs: tuple[str, ...]) -> int:
    """How many single characters ``program`` copies from inside a text (neither its first
    nor its last) by where they fall: a branch that serves one example shows no more than
    that such a character is there (the "0" of "-805", for a "0" that negative numbers give).
    """
    node = slice_form(program)
    found = sum(inner_characters(c, inputs) for c in node.children())
    if isinstance(node, Slice) and isinstance(node.start, Abs) and isinstance(node.end, Abs):
        got = node.run(inputs)
        found += node.start.k != 0 and node.end.k != -1 and isinstance(got, str) and len(got) == 1
    return found


def split_words(program: Node, inputs: tuple[str, ...]) -> int:
    """How many words of its output ``program`` writes partly copied and partly as a
    constant (letters on both sides where a copy meets a constant): a branch that serves one
    example shows no more than that the letters are there ("gov" of "nasa.gov", then
    "ernment")."""
    if not isinstance(program, Concat):
        return 0
    pieces = [(isinstance(p, Const), p.run(inputs)) for p in program.parts]
    found = 0
    for (const_a, a), (const_b, b) in pairwise(pieces):
        if const_a != const_b and isinstance(a, str) and isinstance(b, str) and a and b:
            found += a[-1].isalpha() and b[0].isalpha()
    return found


def _shape(text: str) -> str:
    return "".join("0" if c.isdigit() else "a" if c.isalpha() else c for c in text)


def _text_cost(node: Node) -> float:
    """The cost of a piece of output text: a whole input there is the version space's
    ``Slice(Abs(0), Abs(-1))`` of it."""
    return cost(Slice(Abs(0), Abs(-1), node) if isinstance(node, Input) else node)


def cost(node: Node) -> float:
    node = slice_form(node)
    if isinstance(node, Input):
        return 0.2
    if isinstance(node, Const):
        return const_cost(node.text)
    if isinstance(node, IntConst):
        return 0.3 + 0.05 * min(abs(node.value), 20)
    if isinstance(node, Abs):
        if node.k in (0, -1):
            return 0.1
        near = min(abs(node.k), abs(node.k + 1))  # characters from the nearer end
        return 0.35 + 0.06 * near + (0.3 if near > 3 else 0)
    if isinstance(node, Pos):
        return pat_cost(node.pat) + 0.15 * (abs(node.i) - 1) + (0.02 if node.i < 0 else 0)
    if isinstance(node, Slice):
        src = 0.0 if isinstance(node.src, Input) else 0.3 + cost(node.src)
        a, b = node.start, node.end
        return 1 + cost(a) + cost(b) + src - slice_discount(a, b)
    if isinstance(node, ToCase):
        return TO_CASE + _text_cost(node.src)
    # Computed atoms, as the version space prices them (its sources cost 0.2 less).
    if isinstance(node, FormatDate):
        return format_date_cost(node) + cost(node.src) - 0.2
    if isinstance(node, FormatNumber):
        spec = (node.decimals, node.group, node.point, node.rounding, node.width, node.scale)
        return number_cost(*spec) + cost(node.src) - 0.2
    if isinstance(node, Bucket):
        return BUCKET + cost(node.src) - 0.2
    if isinstance(node, Concat):
        return sum(_text_cost(p) for p in node.parts)
    base = 1.0 + sum(cost(c) for c in node.children())
    pat = getattr(node, "pat", None)
    if pat is not None:  # RobustFill operators built directly (e.g. by bottom-up search)
        base += pat_cost(pat) + 0.15 * (abs(getattr(node, "i", 1)) - 1)
    return base


def tied(cost: float) -> float:
    """The cost as ranking compares it: costs equal up to float noise are ties."""
    return round(cost, 6)


def varied(ranked: Sequence[T], key: Callable[[T], Hashable], k: int) -> list[T]:
    """``k`` of ``ranked`` (cheapest first): the cheapest of each ``key`` first, then the
    rest; back in their order. Where the key is what a program does on the examples that the
    noise model sets aside, programs alike there read them alike: those that differ there
    are the alternatives worth keeping."""
    seen: set = set()
    first, rest = [], []
    for at, item in enumerate(ranked):
        mark = key(item)
        (rest if mark in seen else first).append(at)
        seen.add(mark)
    return [ranked[at] for at in sorted([*first, *rest][:k])]


def constant_chars(node: Node) -> int:
    """The letters and digits a program writes as constants. Of two programs that cost the
    same, the one that copies more from the input generalizes more often ("65 days overdue"
    against Concat(x1, " days overdue"))."""
    own = sum(ch.isalnum() for ch in node.text) if isinstance(node, Const) else 0
    return own + sum(constant_chars(c) for c in node.children())


def rerank(
    candidates: Sequence[tuple[float, Node]], rows: Sequence[tuple[str, ...]]
) -> list[tuple[float, Node]]:
    """Penalize programs that give no value, or an empty one, on unlabeled rows. The sort is
    stable: ties keep the order they come in."""
    if not rows:
        return sorted(candidates, key=lambda c: tied(c[0]))
    out = []
    for c, p in candidates:
        bad = 0
        for r in rows:
            try:
                v = p.run(r)
            except RecursionError:
                v = None
            bad += 1 if v is None else (0.3 if v == "" else 0)
        out.append((c + 3.0 * bad / len(rows), p))
    return sorted(out, key=lambda c: tied(c[0]))

"""Inverse semantics ("witness functions"): which arguments make an operator produce a value.

Each function here inverts one forward operator of :mod:`likewise.lang.ast`; the tests check
every witness against the forward semantics. Synthesizers call these rather than re-deriving
the inverses themselves.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from likewise.lang import runtime as rt
from likewise.lang.ast import DELIMITERS, TOKEN_CLASSES, Abs, Node, Pattern, Pos, field

TOKEN_PATTERNS: tuple[Pattern, ...] = tuple((t,) for t in TOKEN_CLASSES)


MAX_MARKS = 8  # marks other than RobustFill's delimiters tried as patterns: the commonest


def patterns_for(strings: Iterable[str], extra: Iterable[str] = ()) -> list[Pattern]:
    """Patterns worth trying on these strings: all token classes, the delimiters present and
    the other marks present (``"+"``, ``"-"``), the fields between each of those
    (``("Field", "/")``), and the runs of non-alphanumeric characters (like
    ``", "``) present in every string."""
    strings = list(strings)
    pats: list[Pattern] = list(TOKEN_PATTERNS)
    seen: set[str] = set()
    marks = Counter(c for s in strings for c in s if not rt._is_alnum(c))
    others = sorted(set(marks) - set(DELIMITERS), key=lambda c: (-marks[c], c))[:MAX_MARKS]
    for d in [*DELIMITERS, *sorted(others)]:
        if d in marks:
            pats.append(d)
            seen.add(d)
    # The fields between each mark: "/" of paths and URLs, and "?" of some, where the first
    # field is the whole URL when it has no query. They come first, the marks that most
    # strings hold, the most often, first: of positions that cost the same, the first few
    # are kept (see likewise.synth.version_space).
    held = Counter(c for s in strings for c in set(s))
    order = sorted(seen, key=lambda d: (-held[d], -marks[d], d))
    pats[:0] = [field(d) for d in order]
    runs: set[str] | None = None
    for s in strings:
        here = {s[a:b] for a, b in _symbol_runs(s) if b - a > 1}
        runs = here if runs is None else runs & here
    for r in sorted(runs or ()) + [e for e in extra if e]:
        if r not in seen and len(r) <= 12:
            pats.append(r)
            seen.add(r)
    return pats


def _symbol_runs(s: str) -> list[tuple[int, int]]:
    out, i = [], 0
    while i < len(s):
        if not rt._is_alnum(s[i]):
            j = i + 1
            while j < len(s) and not rt._is_alnum(s[j]):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def positions(s: str, pats: Iterable[Pattern], max_index: int = 8) -> dict[int, list[Node]]:
    """Witness of ``Abs``/``Pos``: for each boundary k of s, the position expressions that
    evaluate to k on s. Match indices are limited to ``max_index`` from either end."""
    out: dict[int, list[Node]] = {k: [Abs(k), Abs(k - len(s) - 1)] for k in range(len(s) + 1)}
    for p in pats:
        ms = rt.matches(s, p)
        m = len(ms)
        for j, (a, b) in enumerate(ms):
            for i in (j + 1, j - m):
                if abs(i) <= max_index:
                    out[a].append(Pos(p, i, "Start"))
                    out[b].append(Pos(p, i, "End"))
    return out


# --- dates -------------------------------------------------------------------------------

DATE_DIRECTIVES = (
    "%Y", "%y", "%m", "%-m", "%d", "%-d", "%o", "%B", "%b", "%A", "%a",
    "%H", "%-H", "%I", "%-I", "%M", "%S", "%p", "%q",
)  # fmt: skip


def _runs(s: str) -> list[tuple[str, str]]:
    """``s`` as (kind, text) runs: digits ``D``, letters ``L``, any other character ``O``."""
    out: list[tuple[str, str]] = []
    for c in s:
        kind = "D" if c in rt.DIGITS else "L" if c.isalpha() else "O"
        if out and kind != "O" and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + c)
        else:
            out.append((kind, c))
    return out


def _word_role(words: list[str]) -> str | None:
    low = [w.lower() for w in words]
    names = [
        ("%B", [m.lower() for m in rt.MONTHS]),
        ("%b", [m[:3].lower() for m in rt.MONTHS]),
        ("%A", [d.lower() for d in rt.WEEKDAYS]),
        ("%a", [d[:3].lower() for d in rt.WEEKDAYS]),
        ("%p", ["am", "pm"]),
    ]
    for directive, allowed in names:
        if all(w in allowed for w in low):
            return directive
    if all(w in ("st", "nd", "rd", "th") for w in low):
        return "ordinal"
    return None if len(set(words)) > 1 else "literal"


def date_formats(values: Sequence[str], limit: int = 6) -> list[str]:
    """Witness of ``FormatDate``'s input format: the formats that read every value as a
    date or time. Day/month orders that every value allows all come back. When the values are
    more than a date ("Shipped 13 Oct 2007 (UPS)"), formats of a date inside the first value
    that is found in every value."""
    if not values or any(len(v) > 200 for v in values):
        return []
    found = _date_formats(values, limit)
    if all(_decimal(v) for v in values):
        # A decimal number is a number: "€55.07" is a price, not July 2055 (but "2023.05" may
        # be a year and a month).
        return [f for f in found if "%Y" in f]
    return found


def _date_formats(values: Sequence[str], limit: int) -> list[str]:
    whole = _whole_formats(values, limit)
    if whole:
        return whole
    found: list[str] = []
    # (Formats of the first value's dates, or, where it has none that reads every value, of
    # the second's: the first may be one the parser reads past, "001:30" beside "07:16".)
    for pivot in dict.fromkeys(values[:2]):
        runs = _runs(pivot)
        for a in range(len(runs)):
            if runs[a][0] == "O":
                continue
            for b in range(a + 2, min(len(runs), a + 12) + 1):
                window = runs[a:b]
                if window[-1][0] == "O" or sum(k == "D" for k, _ in window) < 2:
                    continue
                for fmt in _whole_formats(["".join(t for _, t in window)], limit):
                    if fmt not in found and all(rt.parse_date(v, fmt) is not None for v in values):
                        found.append(fmt)
            if len(found) >= limit:
                break
        if found:
            break
    # The longest formats first: they read the most of each value.
    return sorted(found, key=len, reverse=True)[:limit]


def _decimal(text: str) -> bool:
    """Whether ``text`` is one number with one decimal point or comma ("$9.77", "3,5")."""
    return sum(c in ".," for c in text) == 1 and rt._read_number(text) is not None


def _whole_formats(values: Sequence[str], limit: int) -> list[str]:
    if any(len(v) > 60 for v in values):
        return []
    shapes = [_runs(v) for v in values]
    kinds = [k for k, _ in shapes[0]]
    if any([k for k, _ in sh] != kinds for sh in shapes) or "D" not in kinds:
        return []
    columns = [[sh[i][1] for sh in shapes] for i in range(len(kinds))]
    if not _separated(kinds, columns):
        return []
    # Each position: a fixed piece of text, or the directives it could be.
    options: list[list[str]] = []
    has_month_name = False
    for i, (kind, col) in enumerate(zip(kinds, columns, strict=True)):
        if kind == "O":
            if len(set(col)) > 1:
                return []
            options.append([col[0].replace("%", "%%")])
        elif kind == "L":
            role = _word_role(col)
            if role is None:
                return []
            if role == "ordinal":
                if i == 0 or kinds[i - 1] != "D":
                    return []
                options.append([""])
                options[i - 1] = ["%o"] if "%d" in options[i - 1] or "%-d" in options[i - 1] else []
            elif role == "literal":
                options.append([col[0].replace("%", "%%")])
            else:
                has_month_name |= role in ("%B", "%b")
                options.append([role])
        else:
            options.append(_digit_roles(col, i, kinds, columns))
    found: list[str] = []
    for combo in itertools.product(*options):
        fmt = "".join(combo)
        letters = [d[0] for d in rt._directives(fmt) if isinstance(d, tuple)]
        if any(sum(x in group for x in letters) > 1 for group in _EXCLUSIVE):
            continue
        if not _plausible(set(letters), has_month_name):
            continue
        if all(rt.parse_date(v, fmt) is not None for v in values):
            found.append(fmt)
            if len(found) >= limit:
                break
    return found


DATE_MARKS = " -/.,:_"  # what may part two numbers of a date or a time


def _separated(kinds: list[str], columns: list[list[str]]) -> bool:
    """Whether the marks between any two numbers are those of dates and times: 5'11" is a
    height, not the 11th of May."""
    digits = [i for i, k in enumerate(kinds) if k == "D"]
    for a, b in itertools.pairwise(digits):
        marks = [columns[i][0] for i in range(a + 1, b) if kinds[i] == "O"]
        if len(marks) == b - a - 1 and any(m not in DATE_MARKS for m in marks):
            return False
    return True


_EXCLUSIVE = ("Yy", "HI", "Bbmq", "Aa", "do", "M", "S", "p")


def _digit_roles(col: list[str], i: int, kinds: list[str], columns: list[list[str]]) -> list[str]:
    widths = {len(v) for v in col}
    nums = [int(v) for v in col]
    before = columns[i - 1][0] if i > 0 and kinds[i - 1] == "O" else ""
    after = columns[i + 1][0] if i + 1 < len(kinds) and kinds[i + 1] == "O" else ""
    pad = "" if widths == {2} else "-"
    if widths == {4}:
        return ["%Y"]
    if widths == {8}:
        return ["%Y%m%d"]
    if max(widths) > 2:
        return []
    twelve_hour = any(
        k == "L" and _word_role(c) == "%p" for k, c in zip(kinds, columns, strict=True)
    )
    if after == ":" and before != ":":  # an hour
        top = 12 if twelve_hour else 23
        return [f"%{pad}{'I' if twelve_hour else 'H'}"] if max(nums) <= top else []
    if before == ":":  # minutes after the first colon, seconds after the second
        colons = sum(
            1 for k, c in zip(kinds[:i], columns[:i], strict=True) if k == "O" and c[0] == ":"
        )
        return [("%M" if colons == 1 else "%S")] if widths == {2} and max(nums) <= 59 else []
    roles = []
    if max(nums) <= 12 and min(nums) >= 1:
        roles.append(f"%{pad}m")
    if max(nums) <= 31 and min(nums) >= 1:
        roles.append(f"%{pad}d")
    if widths == {2}:
        roles.append("%y")
    return roles


def _plausible(letters: set[str], month_name: bool) -> bool:
    """A date needs a month and a day or year; a time needs hours and minutes."""
    date = ("m" in letters or month_name or "B" in letters or "b" in letters) and (
        "d" in letters or "o" in letters or "Y" in letters or "y" in letters
    )
    time = "H" in letters or "I" in letters
    if "I" in letters and "p" not in letters:
        return False
    if "M" in letters and not time or "S" in letters and "M" not in letters:
        return False
    return date or (time and "M" in letters)


# --- numbers -----------------------------------------------------------------------------


_THOUSANDS = re.compile(r"\d[kK]\b")
_MILLIONS = re.compile(r"\d ?(?:[mM]\b|million)")


def _shown_scales(outputs: Sequence[str], texts: Sequence[str]) -> list[int]:
    """Scales by a thousand or a million that the text shows: a number in thousands or
    millions read ("$92.5k", "1.2M"), or written in millions."""
    found = []
    if any(_THOUSANDS.search(t) for t in texts):
        found.append(3)
    if any(_MILLIONS.search(t) for t in texts):
        found.append(6)
    if any(_MILLIONS.search(o) for o in outputs):
        found.append(-6)
    return found


def rounded_away(numbers: Iterable, decimals: int, scale: int) -> bool:
    """Whether numbers (decimals) scaled down by ``scale`` and rounded to a whole number
    lose one whole: hundreds or thousands rounded write 0 or 1 for a number below them
    ("0%" for 97.79 in thousands, "00" for 24 in hundreds) by where it falls."""
    return (
        scale < 0
        and decimals == 0
        and any(n.is_finite() and 0 < abs(n.scaleb(scale)) < 1 for n in numbers)
    )


def number_specs(
    outputs: Sequence[str], numbers: Sequence = (), texts: Sequence[str] = (), others: Sequence = ()
) -> list[tuple[int, str, str, str, int, int]]:
    """Candidate ``FormatNumber`` settings (decimals, group, point, rounding, width, scale),
    limited by what the outputs show (zero padding only when they have leading zeros) and by
    the ``numbers`` to write: a thousands separator only when one reaches a thousand, one
    rounding rule only when no number needs rounding, one decimal point when no decimals are
    written (two that write the same text would crowd out alternatives that differ). The
    numbers are scaled as percentages, in thousands, and as the ``texts`` they are read from
    show (see _shown_scales), but not scaled down and rounded away (see rounded_away). A
    thousands separator, too, where one of the ``others`` reaches a thousand: numbers the
    program will write that no output shows (the inputs of examples set aside as typos)."""
    widths = {0}
    for o in outputs:
        for a, b in rt.matches(o, ("Number",)):
            if o[a] == "0" and b - a > 1:
                widths.add(b - a)
    marks = (("", "."), (",", "."), ("", ","), (".", ","), (" ", ","), (" ", "."), ("'", "."))
    specs = []
    for scale in (0, 2, -2, -3, *_shown_scales(outputs, texts)):
        scaled = [n.scaleb(scale) for n in numbers]
        big = not numbers or any(abs(n.scaleb(scale)) >= 1000 for n in (*numbers, *others))
        places = max((-n.as_tuple().exponent for n in scaled if n.is_finite()), default=99)
        for decimals in (-1, -2, 0, 1, 2, 3, 4):
            if rounded_away(numbers, decimals, scale):
                continue
            rounds = decimals >= 0 and places > decimals
            groups = set()
            for group, point in marks if big else (("", "."), ("", ",")):
                if decimals == 0 and group in groups:
                    continue  # no decimal point is written: this mark is one already tried
                groups.add(group)
                for rounding in rt.ROUNDINGS if rounds else ("half-up",):
                    for width in sorted(widths):
                        specs.append((decimals, group, point, rounding, width, scale))
    return specs

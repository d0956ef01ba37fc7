"""Token patterns as regular expressions, for engines without lookaround.

Polars (Rust ``regex``), DuckDB (RE2) and Spark (``java.util.regex``) all find matches left to
right without overlap, like :func:`likewise.lang.runtime.matches`. A token class that is a run
of one character class is matched greedily, so each match is a maximal run, as in the runtime.

A *boundary* (the start or end of the i-th match) becomes a regex whose match is the text
before the boundary (``i > 0``, anchored at the start) or after it (``i < 0``, anchored at the
end), give or take a fixed number of characters; the boundary is then a length in characters.
The regexes have no capture groups where that can be said without them, since Rust's engine
then needs no capturing search. The repetitions below alternate between a class and its
complement, so each regex has exactly one way to match and lands on the runtime's
boundaries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from likewise.errors import NotCompilable
from likewise.lang.ast import Pattern

_SPECIAL = set("\\.+*?()|[]{}^$#&-~")


@dataclass(frozen=True)
class Dialect:
    """How one regex engine writes Unicode properties (``str.isupper`` and friends)."""

    letter: str
    upper: str
    lower: str


Ranges = list[tuple[int, int]]


@cache
def all_chars() -> str:
    """Every code point a Python string can hold, surrogates excluded."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))


def ranges(pred: Callable[[str], bool], chars: str | None = None) -> Ranges:
    """The code points (of ``chars``, sorted; default: all) for which ``pred`` holds, as
    inclusive ranges."""
    out: Ranges = []
    for ch in all_chars() if chars is None else chars:
        if pred(ch):
            c = ord(ch)
            if out and out[-1][1] == c - 1:
                out[-1] = (out[-1][0], c)
            else:
                out.append((c, c))
    return out


def atom(lo: int, hi: int) -> str:
    """One range of a character class (``\\x{...}`` is understood by Rust and Java)."""
    return f"\\x{{{lo:X}}}" if lo == hi else f"\\x{{{lo:X}}}-\\x{{{hi:X}}}"


@cache
def rust() -> Dialect:
    """Rust's ``regex`` with classes of exactly the characters for which Python's
    ``str.isalpha``, ``str.isupper`` and ``str.islower`` hold: the crate's own Unicode tables
    are newer than Python's and differ on about 9,000 characters (nearly all unassigned in
    Python's version, a few whose properties changed)."""

    def flat(pred: Callable[[str], bool]) -> str:
        return "[" + "".join(atom(lo, hi) for lo, hi in ranges(pred)) + "]"

    return Dialect(letter=flat(str.isalpha), upper=flat(str.isupper), lower=flat(str.islower))


def escape(text: str) -> str:
    """``text`` as a regex matching itself, in every dialect here."""
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def _class(pat: Pattern, d: Dialect) -> tuple[str, str, bool] | None:
    """The character class of a token class (``[...]``) and its complement, and whether its
    matches are runs (True) or single characters (False); None for PropCase and literals."""
    if isinstance(pat, str):
        return (f"[{escape(pat)}]", f"[^{escape(pat)}]", False) if len(pat) == 1 else None
    if pat[0] == "Field":  # a run of anything but the mark
        return f"[^{escape(pat[1])}]", f"[{escape(pat[1])}]", True
    c, run = {
        "Number": ("0-9", True),
        "Word": (d.letter, True),
        "Alphanum": (d.letter + "0-9", True),
        "AllCaps": (d.upper, True),
        "Lower": (d.lower, True),
        "Digit": ("0-9", False),
        "Char": (d.letter + "0-9", False),
    }.get(pat[0], (None, False))
    return None if c is None else (f"[{c}]", f"[^{c}]", run)


def token(pat: Pattern, d: Dialect) -> str:
    """A regex for one match of ``pat`` (use it with find-all or contains)."""
    if isinstance(pat, str):
        if not pat:
            raise NotCompilable("an empty literal pattern matches nothing")
        return escape(pat)
    if pat[0] == "PropCase":
        return f"{d.upper}{d.lower}+"
    yes, _, run = _class(pat, d)  # type: ignore[misc]
    return f"{yes}+" if run else yes


class Boundary(NamedTuple):
    """Where the start or end of a match lies: the text before it (``i > 0``) or after it
    (``i < 0``) is group ``group`` of the first match of ``rx``, less its last (``i > 0``) or
    first (``i < 0``) ``trim`` characters. ``rx`` has no capture group where ``group`` is 0:
    engines that search without captures (Rust's DFAs) then run several times faster."""

    rx: str
    group: int = 0
    trim: int = 0


def boundary(pat: Pattern, i: int, end: bool, d: Dialect) -> Boundary:
    """The :class:`Boundary` of the start (or the end, with ``end``) of the i-th match of
    ``pat``. Raises NotCompilable when no regex without lookaround can say it."""
    if i == 0 or (isinstance(pat, str) and not pat):
        raise NotCompilable("position of a match that cannot exist")
    k = abs(i)
    cls = _class(pat, d)
    if cls is not None:
        yes, no, run = cls
        if run:
            if i > 0:
                head = rf"\A{no}*(?:{yes}+{no}+){{{k - 1}}}{yes}"
                return Boundary(head + "+") if end else Boundary(head, trim=1)
            tail = f"(?:{no}+{yes}+){{{k - 1}}}{no}*\\z"
            return Boundary(yes + tail, trim=1) if end else Boundary(f"{yes}+{tail}")
        if i > 0:
            if end:
                return Boundary(rf"\A(?:{no}*{yes}){{{k}}}")
            return Boundary(rf"\A(?:{no}*{yes}){{{k - 1}}}{no}*{yes}", trim=1)
        tail = f"{yes}(?:{no}*{yes}){{{k - 1}}}{no}*\\z"
        return Boundary(tail, trim=1) if end else Boundary(tail)
    if i < 0 and pat == ("PropCase",):
        # After the start of the k-th match from the end come exactly k matches. Text without
        # a match has no upper-case letter right before a lower-case one; the upper-case run it
        # may end with belongs to the next match's first letter.
        u, lo = d.upper, d.lower
        m = f"{u}{lo}+"
        gap = f"(?:[^{u}]|{u}+[^{u}{lo}])*{u}*"
        rest = f"(?:{gap}{m}){{{k - 1}}}{gap}"
        return Boundary(rf"{m}({rest})\z", group=1) if end else Boundary(rf"{m}{rest}\z")
    if i < 0:  # "no later match" needs lookahead for a literal of several characters
        raise NotCompilable(f"the {i}th match of {pat!r} counted from the end")
    m = token(pat, d)
    if end:
        return Boundary(rf"(?s)\A(?:.*?{m}){{{k}}}")
    first, width = (escape(pat), len(pat)) if isinstance(pat, str) else (f"{d.upper}{d.lower}", 2)
    return Boundary(rf"(?s)\A(?:.*?{m}){{{k - 1}}}.*?{first}", trim=width)


def last(pat: Pattern, i: int, d: Dialect) -> str | None:
    """A regex without capture groups whose first match begins with the i-th match counted
    from the end (``i < 0``): with the whole run, for token classes of runs, or as its first
    character, for classes of single characters; None for the other patterns."""
    cls = _class(pat, d) if i < 0 and not isinstance(pat, str) else None
    if cls is None:
        return None
    yes, no, run = cls
    if run:
        return rf"{yes}+(?:{no}+{yes}+){{{-i - 1}}}{no}*\z"
    return rf"{yes}(?:{no}*{yes}){{{-i - 1}}}{no}*\z"


def after_last(pat: Pattern, d: Dialect) -> str | None:
    """A regex for the text after the last match of a token class of runs (the other
    characters, up to the end), so that removing it from ``last(pat, -1)``'s match leaves the
    match; None for the other patterns."""
    cls = _class(pat, d) if not isinstance(pat, str) else None
    if cls is None or not cls[2]:
        return None
    return rf"{cls[1]}+\z"

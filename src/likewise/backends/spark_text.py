"""Python's own Unicode semantics, written as Spark expressions.

Spark reads text with ``java.util.regex`` (the Unicode version of the executors' JVM: 13.0 in
Java 17) and changes case with ICU (a newer Unicode version still), while the interpreter uses
Python's ``unicodedata``. Their answers differ on the characters one version knows and the
other does not (``\\p{L}`` misses the letters added in Unicode 14, ICU upper-cases ``ɤ``,
Python leaves it). So nothing here asks the JVM what a character is: the character classes
are spelled out from Python's tables, and case changes are ``translate`` tables built from
``str.upper`` and ``str.lower``, plus the few characters whose case takes several
characters, plus the final-sigma rule of ``str.lower``. The results are the interpreter's
on every JVM.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from pyspark.sql import Column
from pyspark.sql import functions as F

from likewise.backends import regex
from likewise.backends.regex import Ranges, all_chars, ranges


def java_class(rs: Ranges) -> str:
    """A Java character class (``[...]``, usable alone or nested in another class) holding
    exactly the code points of ``rs``. Java tests the members of a class one after another,
    so long lists go in buckets, each guarded by the span it covers: a character is tested
    against one bucket's members, not all of them."""
    if not rs:
        return r"[^\x{0}-\x{10FFFF}]"
    size = max(8, int(len(rs) ** 0.5))
    if len(rs) <= size:
        return "[" + "".join(regex.atom(lo, hi) for lo, hi in rs) + "]"
    buckets = []
    for k in range(0, len(rs), size):
        chunk = rs[k : k + size]
        inner = "".join(regex.atom(lo, hi) for lo, hi in chunk)
        buckets.append(f"[{regex.atom(chunk[0][0], chunk[-1][1])}&&[{inner}]]")
    return "[" + "".join(buckets) + "]"


@cache
def dialect() -> regex.Dialect:
    """Token classes as Java classes of exactly the characters for which Python's
    ``str.isalpha``, ``str.isupper`` and ``str.islower`` hold."""
    return regex.Dialect(
        letter=java_class(ranges(str.isalpha)),
        upper=java_class(ranges(str.isupper)),
        lower=java_class(ranges(str.islower)),
    )


# --- the fast path: rows of old Latin text ----------------------------------------------------

LATIN_END = 0x24F  # Basic Latin to Latin Extended-B, assigned in Unicode 1.1 to 4.1


@cache
def latin() -> str:
    """The characters up to U+024F (assigned by Unicode 5.0) whose upper- and lower-case forms
    (and theirs) are such characters too, less the cased letters with no other case. Spark's
    own ``upper`` and ``lower`` (ICU, bundled with Spark) change their case as Python does:
    ``tests/test_backend_spark.py`` checks every one of them on the Spark that runs it."""

    def paired(ch: str) -> bool:
        # A cased letter with no other case (like "ƛ" in Python's Unicode, whose capital
        # came in Unicode 16) may gain one in a later version: left out.
        return not (ch.islower() and ch.upper() == ch or ch.isupper() and ch.lower() == ch)

    keep = {chr(c) for c in range(LATIN_END + 1) if paired(chr(c))}
    while True:
        drop = {c for c in keep if not all(o in keep for o in c.upper() + c.lower())}
        if not drop:
            return "".join(sorted(keep))
        keep -= drop


def latin_ranges(pred: Callable[[str], bool] = lambda ch: True) -> Ranges:
    return ranges(pred, latin())


@cache
@cache
def latin_dialect() -> regex.Dialect:
    """:func:`dialect` for text made of :func:`latin` characters only: small classes of BMP
    ranges, which Java tests quickly (in order: ASCII first)."""

    def flat(pred: Callable[[str], bool]) -> str:
        return "[" + "".join(regex.atom(lo, hi) for lo, hi in latin_ranges(pred)) + "]"

    return regex.Dialect(letter=flat(str.isalpha), upper=flat(str.isupper), lower=flat(str.islower))


_RUNS: dict[str, Callable[[str], bool]] = {
    "Number": lambda ch: "0" <= ch <= "9",
    "Word": str.isalpha,
    "Alphanum": lambda ch: ch.isalpha() or "0" <= ch <= "9",
    "AllCaps": str.isupper,
    "Lower": str.islower,
}


def latin_run(s: Column, cls: str, i: int) -> Column | None:
    """The first (``i`` = 1) or last (``i`` = -1) run of token class ``cls`` in ``s``, text of
    :func:`latin` characters only, without a regex: every other character becomes a space
    (``translate``), and the run is the first or last piece between spaces. None for other
    classes and other ``i``."""
    member = _RUNS.get(cls)
    if member is None or i not in (1, -1):
        return None
    others = "".join(ch for ch in latin() if not member(ch))
    spaced = F.translate(s, others, " " * len(others))
    if i == 1:
        run = F.substring_index(F.ltrim(spaced, F.lit(" ")), " ", 1)
    else:
        run = F.substring_index(F.rtrim(spaced, F.lit(" ")), " ", -1)
    return F.nullif(run, F.lit(""))


def is_latin(s: Column) -> Column:
    """Whether ``s`` holds :func:`latin` characters only (null for null), without a regex:
    ASCII text by its length in bytes, other text by deleting every latin() character
    (``translate``, twice as fast as a regex search in Java) and finding nothing left."""
    return (F.octet_length(s) == F.char_length(s)) | (
        F.octet_length(F.translate(s, latin(), "")) == 0
    )


# --- case ----------------------------------------------------------------------------------


@cache
def _case_tables(which: str, only: str | None = None) -> tuple[str, str, dict[str, str]]:
    """(from, to) for ``translate`` (the one-to-one changes) and the one-to-many changes,
    of every character or of the characters in ``only``."""
    change = str.upper if which == "upper" else str.lower
    src, dst, multi = [], [], {}
    for ch in all_chars() if only is None else only:
        out = change(ch)
        if out == ch:
            continue
        if len(out) == 1:
            src.append(ch)
            dst.append(out)
        else:
            multi[ch] = out
    return "".join(src), "".join(dst), multi


def bind(value: Column, fn: Callable[[Column], Column]) -> Column:
    """``fn(value)`` with ``value`` computed once: Spark columns are trees, so a column used
    twice is two copies of its whole expression (and nested reuse multiplies them). A
    transform over a one-element array names the value instead."""
    return F.get(F.transform(F.array(value), fn), 0)


def const_array(items: list[str]) -> Column:
    """A constant array of strings (one literal, not one per item)."""
    return F.split(F.lit("\u0000".join(items)), F.lit("\u0000"), -1)


def change_char(ch: Column, which: str, only: str | None = None) -> Column:
    """``ch.upper()`` (or ``lower``) of a one-character string ``ch`` (read several times)."""
    src, dst, multi = _case_tables(which, only)
    out = F.translate(ch, src, dst)
    if not multi:
        return out
    at = F.array_position(const_array(list(multi)), ch).cast("int") - 1
    expanded = F.get(const_array(list(multi.values())), at)
    return F.when(F.translate(ch, "".join(multi), "") == "", expanded).otherwise(out)


def change_chars(s: Column, which: str, only: str | None = None) -> Column:
    """``s.upper()`` without its context rules (or ``lower``): each character changed on its
    own. ``s`` is read several times: pass a column or a bound value."""
    src, dst, multi = _case_tables(which, only)
    out = F.translate(s, src, dst)
    if not multi:
        return out
    # Only rows holding a character that becomes several take the slow way, one at a time.
    has_multi = F.length(F.translate(s, "".join(multi), "")) < F.length(s)
    chars = F.regexp_extract_all(s, F.lit("(?s)."), F.lit(0))
    one_by_one = F.array_join(F.transform(chars, lambda ch: change_char(ch, which, only)), "")
    return F.when(has_multi, one_by_one).otherwise(out)


def upper_text(s: Column) -> Column:
    """``str.upper`` (``s`` is read several times)."""
    return change_chars(s, "upper")


@cache
def _sigma_rule() -> tuple[str, str]:
    """Java classes for Python's final-sigma rule: cased characters that are not
    case-ignorable, and case-ignorable characters (Python does not expose either property:
    they are read off ``str.lower`` itself)."""
    sigma, final = "\u03a3", "\u03c2"
    # x + sigma lowers to a final sigma iff x is cased and not case-ignorable; "A" + x + sigma
    # iff x is that or case-ignorable.
    cased = ranges(lambda ch: (ch + sigma).lower()[-1] == final)
    either = ranges(lambda ch: ("A" + ch + sigma).lower()[-1] == final)
    cased_set = {c for lo, hi in cased for c in range(lo, hi + 1)}
    ignorable = [(c, c) for lo, hi in either for c in range(lo, hi + 1) if c not in cased_set]
    merged: Ranges = []
    for lo, hi in ignorable:
        if merged and merged[-1][1] == lo - 1:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return java_class(cased), java_class(merged)


def lower_text(s: Column) -> Column:
    """``str.lower``: each character lowered, and a capital sigma that ends a word (Unicode's
    Final_Sigma context, as Python tests it) becomes a final sigma (``s`` is read several
    times)."""
    cased, ign = _sigma_rule()
    final = F.regexp_replace(s, F.lit(f"({cased}{ign}*)\u03a3(?!{ign}*{cased})"), F.lit("$1\u03c2"))
    marked = F.when(F.instr(s, "\u03a3") > 0, final).otherwise(s)
    return bind(marked, lambda v: change_chars(v, "lower"))


def is_letter(ch: Column) -> Column:
    """Whether a one-character string is a letter (``str.isalpha``); False for null."""
    return F.coalesce(ch.rlike(rf"\A{dialect().letter}\z"), F.lit(False))


def proper_text(s: Column) -> Column:
    """runtime.proper: each character upper-cased, or lower-cased where it follows a letter
    (or an apostrophe that follows a letter)."""
    chars = F.regexp_extract_all(s, F.lit("(?s)."), F.lit(0))

    def per_row(cs: Column) -> Column:
        def one(ch: Column, i: Column) -> Column:
            prev, prev2 = F.get(cs, i - 1), F.get(cs, i - 2)
            inside = is_letter(prev) | (F.coalesce(prev == "'", F.lit(False)) & is_letter(prev2))
            lower, upper = change_char(ch, "lower"), change_char(ch, "upper")
            return F.when(inside, lower).otherwise(upper)

        return F.array_join(F.transform(cs, one), "")

    return bind(chars, per_row)


# --- case-insensitive matching ---------------------------------------------------------------


@cache
def ascii_folds() -> str:
    """The characters ``re.IGNORECASE`` matches to an ASCII letter ("K" also matches the
    Kelvin sign)."""
    found = set(re.findall("(?i)[a-z]", all_chars()))
    return "".join(sorted(found))


@cache
def fold(ch: str) -> str:
    """A Java regex matching the characters that ``re.IGNORECASE`` matches to ``ch``."""
    same = sorted(set(re.findall("(?i)" + re.escape(ch), all_chars())) | {ch})
    if len(same) == 1:
        return regex.escape(ch)
    return "[" + "".join(regex.escape(c) for c in same) + "]"


def fold_regex(rx: str) -> str:
    """A Python regex made of literal characters, escapes, groups, alternations, quantifiers
    and simple brackets, rewritten for Java with ``re.IGNORECASE``'s matching spelled out
    character by character (Java's own case-insensitive mode folds differently)."""
    out, i, depth = [], 0, 0
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            out.append(rx[i : i + 2])
            i += 2
            continue
        if c == "{" and depth == 0:  # a quantifier
            j = rx.index("}", i)
            out.append(rx[i : j + 1])
            i = j + 1
            continue
        if c == "(" and rx.startswith("(?:", i):
            out.append("(?:")
            i += 3
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        if c.isalpha():
            f = fold(c)
            out.append(f[1:-1] if depth and f.startswith("[") else f)
        else:
            out.append(c)
        i += 1
    return "".join(out)

"""The primitive operations behind every operator, as plain total functions.

The reference interpreter calls these, and ``to_python()`` copies their source into the code it
emits, so the two cannot drift apart. Rules: standard library only; every function accepts
``None`` ("no value") for any argument and then returns ``None``; nothing raises on any string.

A *pattern* is either a token class, written as a 1-tuple such as ``("Word",)``, or a literal
string that is matched as is.
"""

from __future__ import annotations

from functools import lru_cache

DIGITS = "0123456789"


def _is_alnum(c):
    return c.isalpha() or c in DIGITS


# Token classes that are maximal runs of one character class.
_RUNS = {
    "Number": lambda c: c in DIGITS,
    "Word": str.isalpha,
    "Alphanum": _is_alnum,
    "AllCaps": str.isupper,
    "Lower": str.islower,
}
# Token classes that are single characters.
_SINGLE = {"Digit": lambda c: c in DIGITS, "Char": _is_alnum}


@lru_cache(maxsize=65536)
def matches(s, pat):
    """All matches of ``pat`` in ``s`` as (start, end) pairs, left to right, not overlapping."""
    out = []
    n = len(s)
    if isinstance(pat, str):
        if pat:
            i = s.find(pat)
            while i >= 0:
                out.append((i, i + len(pat)))
                i = s.find(pat, i + len(pat))
        return tuple(out)
    kind = pat[0]
    if kind in _RUNS:
        ok = _RUNS[kind]
        i = 0
        while i < n:
            if ok(s[i]):
                j = i + 1
                while j < n and ok(s[j]):
                    j += 1
                out.append((i, j))
                i = j
            else:
                i += 1
    elif kind in _SINGLE:
        ok = _SINGLE[kind]
        out = [(i, i + 1) for i in range(n) if ok(s[i])]
    elif kind == "PropCase":  # an upper-case letter followed by one or more lower-case letters
        i = 0
        while i < n - 1:
            if s[i].isupper() and s[i + 1].islower():
                j = i + 2
                while j < n and s[j].islower():
                    j += 1
                out.append((i, j))
                i = j
            else:
                i += 1
    return tuple(out)


def nth(ms, i):
    """The i-th item (1-based; negative counts from the end), or None."""
    if i > 0 and i <= len(ms):
        return ms[i - 1]
    if i < 0 and -i <= len(ms):
        return ms[i]
    return None


def abs_pos(s, k):
    """Boundary k of s: k >= 0 counts from the start, k < 0 from the end (-1 is the end)."""
    if s is None:
        return None
    p = k if k >= 0 else len(s) + 1 + k
    return p if 0 <= p <= len(s) else None


def tok_pos(s, pat, i, end):
    """Start (end=False) or end (end=True) boundary of the i-th match of pat in s."""
    if s is None:
        return None
    m = nth(matches(s, pat), i)
    return None if m is None else m[1 if end else 0]


def span(s, p1, p2):
    if s is None or p1 is None or p2 is None or p1 > p2:
        return None
    return s[p1:p2]


def sub_str(s, k1, k2):
    """RobustFill SubStr: characters k1..k2 inclusive, 1-based, negative from the end (-1 last).

    Exactly the text between boundaries k1 - 1 and k2 (see ``abs_pos``).
    """
    if s is None:
        return None
    return span(s, abs_pos(s, k1 - 1), abs_pos(s, k2))


def get_token(s, pat, i):
    if s is None:
        return None
    m = nth(matches(s, pat), i)
    return None if m is None else s[m[0] : m[1]]


def get_upto(s, pat):
    if s is None:
        return None
    ms = matches(s, pat)
    return s[: ms[0][1]] if ms else None


def get_from(s, pat):
    if s is None:
        return None
    ms = matches(s, pat)
    return s[ms[0][1] :] if ms else None


def get_first(s, pat, i):
    """The first i matches concatenated (i < 0: the last -i matches)."""
    if s is None:
        return None
    ms = matches(s, pat)
    if i == 0 or abs(i) > len(ms):
        return None
    chosen = ms[:i] if i > 0 else ms[i:]
    return "".join(s[a:b] for a, b in chosen)


def get_all(s, pat):
    if s is None:
        return None
    return "".join(s[a:b] for a, b in matches(s, pat))


def proper(s):
    """Upper-case the first letter of each word, lower-case the rest (apostrophes stay inside)."""
    out = []
    prev = ""
    for c in s:
        inside = prev.isalpha() or (prev == "'" and len(out) > 1 and out[-2].isalpha())
        out.append(c.lower() if inside else c.upper())
        prev = c
    return "".join(out)


def to_case(s, case):
    if s is None:
        return None
    if case == "Lower":
        return s.lower()
    if case == "AllCaps":
        return s.upper()
    return proper(s)


def replace_all(s, old, new):
    if s is None or old is None or new is None:
        return None
    return s.replace(old, new) if old else s


def trim(s):
    return None if s is None else s.strip()


def concat(*parts):
    if any(p is None for p in parts):
        return None
    return "".join(parts)


# SMT-LIB string theory, total as the standard defines it.


def str_replace(s, t, u):
    if s is None or t is None or u is None:
        return None
    return s.replace(t, u, 1) if t else u + s


def str_at(s, i):
    if s is None or i is None:
        return None
    return s[i] if 0 <= i < len(s) else ""


def str_substr(s, i, n):
    if s is None or i is None or n is None:
        return None
    return s[i : i + n] if 0 <= i < len(s) and n > 0 else ""


def str_len(s):
    return None if s is None else len(s)


def str_indexof(s, t, i):
    if s is None or t is None or i is None:
        return None
    return s.find(t, i) if 0 <= i <= len(s) else -1


def int_to_str(n):
    if n is None:
        return None
    if n < 0:
        return ""
    if n >= 10**4000:  # beyond Python's int-to-str conversion limit
        return None
    return str(n)


def str_to_int(s):
    if s is None:
        return None
    if not s or not all(c in DIGITS for c in s):
        return -1
    return int(s) if len(s) <= 4000 else None


def plus(a, b):
    return None if a is None or b is None else a + b


def minus(a, b):
    return None if a is None or b is None else a - b


def prefix_of(a, b):
    return None if a is None or b is None else b.startswith(a)


def suffix_of(a, b):
    return None if a is None or b is None else b.endswith(a)


def contains(a, b):
    return None if a is None or b is None else b in a


def equals(a, b):
    return None if a is None or b is None else a == b


def has(s, pat):
    return None if s is None else bool(matches(s, pat))


def negate(b):
    return None if b is None else not b


def ite(c, a, b):
    if c is None:
        return None
    return a if c else b

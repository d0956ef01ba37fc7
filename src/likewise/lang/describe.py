"""A one-line English description of a program."""

from __future__ import annotations

import json

from likewise.lang.ast import (
    Abs,
    Concat,
    Const,
    Contains,
    Eq,
    GetAll,
    GetFirst,
    GetFrom,
    GetSpan,
    GetToken,
    GetUpto,
    Has,
    HasAtLeast,
    If,
    Input,
    JoinAll,
    Node,
    Not,
    Pos,
    PrefixOf,
    Replace,
    Slice,
    SubStr,
    SuffixOf,
    ToCase,
    Trim,
)

TOKEN_NAMES = {
    "Number": ("number", "numbers"),
    "Word": ("word", "words"),
    "Alphanum": ("run of letters and digits", "runs of letters and digits"),
    "AllCaps": ("run of capitals", "runs of capitals"),
    "PropCase": ("capitalized word", "capitalized words"),
    "Lower": ("lower-case run", "lower-case runs"),
    "Digit": ("digit", "digits"),
    "Char": ("letter or digit", "letters and digits"),
}
MARK_NAMES = {" ": "space", ",": "comma", ";": "semicolon", "\t": "tab"}
CASE_NAMES = {"Lower": "in lower case", "AllCaps": "in capitals", "Proper": "capitalized"}


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).replace('"', "'") if '"' not in s else json.dumps(s)


def _ordinal(i: int) -> str:
    if i == 1:
        return "first"
    if i == -1:
        return "last"
    if i > 0:
        suffix = "th" if 10 <= i % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
        return f"{i}{suffix}"
    return f"{_ordinal(-i)}-to-last" if i < -1 else "last"


def _is_field(p) -> bool:
    return isinstance(p, tuple) and p[0] == "Field"


def _pat(p, plural: bool = False) -> str:
    if _is_field(p):
        return f"{MARK_NAMES.get(p[1], _q(p[1]))}-separated part" + ("s" if plural else "")
    if isinstance(p, tuple):
        return TOKEN_NAMES[p[0]][plural]
    return _q(p) + ("s" if plural else "")


def _source(src: Node) -> str:
    return "" if src == Input(0) else f" of {describe(src)}"


def _position(p: Node) -> str:
    if isinstance(p, Abs):
        if p.k == 0:
            return "the start"
        if p.k == -1:
            return "the end"
        return f"character {p.k}" if p.k > 0 else f"{-p.k - 1} characters before the end"
    assert isinstance(p, Pos)
    side = "start" if p.bound == "Start" else "end"
    return f"the {side} of the {_ordinal(p.i)} {_pat(p.pat)}"


def _substr(k1: int, k2: int) -> str:
    if k1 == 1 and k2 == 1:
        return "the first character"
    if k1 == -1 and k2 == -1:
        return "the last character"
    if k1 == 1 and k2 > 0:
        return f"the first {k2} characters"
    if k2 == -1 and k1 < 0:
        return f"the last {-k1} characters"
    if k1 == 1 and k2 < 0:
        return f"all but the last {-k2 - 1} characters" if k2 < -1 else "everything"
    if k2 == -1 and k1 > 0:
        return f"everything from character {k1}"
    return f"characters {k1} to {k2}"


def describe(node: Node) -> str:
    if isinstance(node, Input):
        return "the input" if node.index == 0 else f"column {node.index + 1}"
    if isinstance(node, Const):
        return _q(node.text)
    if isinstance(node, Concat):
        return ", then ".join(describe(p) for p in node.parts)
    if isinstance(node, GetToken):
        return f"the {_ordinal(node.i)} {_pat(node.pat)}{_source(node.src)}"
    if isinstance(node, SubStr):
        return _substr(node.k1, node.k2) + _source(node.src)
    if isinstance(node, GetUpto):
        end = "the end of " if _is_field(node.pat) else ""
        return f"everything up to {end}the first {_pat(node.pat)}{_source(node.src)}"
    if isinstance(node, GetFrom):
        return f"everything after the first {_pat(node.pat)}{_source(node.src)}"
    if isinstance(node, GetFirst):
        which = f"first {node.i}" if node.i > 0 else f"last {-node.i}"
        return f"the {which} {_pat(node.pat, True)}{_source(node.src)}, joined"
    if isinstance(node, JoinAll):
        return f"all the {_pat(node.pat, True)}{_source(node.src)}, joined by {_q(node.sep)}"
    if isinstance(node, GetAll):
        return f"all the {_pat(node.pat, True)}{_source(node.src)}, joined"
    if isinstance(node, GetSpan):
        a = Pos(node.r1, node.i1, node.y1)
        b = Pos(node.r2, node.i2, node.y2)
        return f"the text from {_position(a)} to {_position(b)}{_source(node.src)}"
    if isinstance(node, Slice):
        return f"the text from {_position(node.start)} to {_position(node.end)}{_source(node.src)}"
    if isinstance(node, ToCase):
        return f"{describe(node.src)} {CASE_NAMES[node.case]}"
    if isinstance(node, Replace):
        return f"{describe(node.src)} with each {_q(node.old)} replaced by {_q(node.new)}"
    if isinstance(node, Trim):
        return f"{describe(node.src)} without surrounding spaces"
    if isinstance(node, If):
        return f"if {describe(node.cond)}: {describe(node.then)}; otherwise {describe(node.other)}"
    if isinstance(node, Contains):
        return f"{describe(node.a)} contains {describe(node.b)}"
    if isinstance(node, PrefixOf):
        return f"{describe(node.b)} starts with {describe(node.a)}"
    if isinstance(node, SuffixOf):
        return f"{describe(node.b)} ends with {describe(node.a)}"
    if isinstance(node, Eq):
        if isinstance(node.a, Input) and isinstance(node.b, Input):
            return f"column {node.a.index + 1} is the same as column {node.b.index + 1}"
        return f"{describe(node.a)} is {describe(node.b)}"
    if isinstance(node, Has):
        return f"{describe(node.src)} has a {_pat(node.pat)}"
    if isinstance(node, HasAtLeast):
        return f"{describe(node.src)} has {node.k} {_pat(node.pat, plural=True)} or more"
    if isinstance(node, Not):
        return f"not ({describe(node.b)})"
    return str(node)  # the SMT-LIB operators read best in their own notation

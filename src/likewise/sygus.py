"""Read SyGuS-IF (``.sl``) programming-by-example string tasks, in v1 or v2 syntax.

Only the PBE fragment is supported: a single ``synth-fun`` whose parameters and result are all
``String``, specified by constraints of the form ``(constraint (= (f "in" ...) "out"))`` (or the
mirror ``(= "out" (f "in" ...))``). Each such constraint becomes one :class:`Example`, in file
order. Anything else (logical specs over declared variables, Int/Bool-valued functions, ...)
raises :class:`SuiteError`.

String literals. SMT-LIB 2.6 / SyGuS-IF v2 writes a ``"`` inside a string as ``""`` and treats a
backslash as an ordinary character, apart from the unicode escapes ``\\u{X..}`` / ``\\uXXXX``.
Some SyGuS v1 files instead escape with a backslash (``\\"`` and ``\\\\``). The two readings only
differ when a string literal contains a backslash; then the file is read with v1 escapes if it
has v1-only syntax (a v1-style grammar, ``set-options``, ...) or does not lex as v2, strictly as
v2 if it has v2-only syntax, and otherwise as v2 first, falling back to v1 when the v2 reading is
not a valid PBE task. ``""`` always means one ``"``; every other character is kept exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from likewise.errors import SuiteError
from likewise.tasks import Example, Task

__all__ = ["load_sygus", "parse_sygus"]


# ----------------------------------------------------------------------------- s-expressions


@dataclass(frozen=True)
class _Str:
    """A string literal (kept apart from symbols, which are plain ``str``)."""

    value: str


class _List(list):
    """A parenthesised list, remembering the line it starts on."""

    line: int = 0


_Atom = _Str | str | int
_SExpr = _Atom | _List

_DELIMS = set(' \t\r\n\f\v();"|')
_NUMERAL = re.compile(r"-?[0-9]+\Z")
_UNICODE = re.compile(r"\\u\{([0-9a-fA-F]{1,5})\}|\\u([0-9a-fA-F]{4})")


class _LexError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _unicode_char(m: re.Match[str]) -> str | None:
    code = int(m.group(1) or m.group(2), 16)
    # SMT-LIB 2.6 strings: at most 5 hex digits, the first one <= 2 (code points <= 0x2FFFF).
    return chr(code) if code <= 0x2FFFF else None


def _lex(text: str, v1_escapes: bool) -> tuple[list[tuple[str, object, int]], bool]:
    """Return ``(tokens, saw_backslash_in_a_string)``; tokens are ``(kind, value, line)``."""
    toks: list[tuple[str, object, int]] = []
    saw_backslash = False
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r\f\v":
            i += 1
        elif c == ";":
            while i < n and text[i] != "\n":
                i += 1
        elif c == "(" or c == ")":
            toks.append((c, c, line))
            i += 1
        elif c == '"':
            start_line = line
            i += 1
            buf: list[str] = []
            while True:
                if i >= n:
                    raise _LexError("unterminated string literal", start_line)
                ch = text[i]
                if ch == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                if ch == "\\":
                    saw_backslash = True
                    m = _UNICODE.match(text, i)
                    if m and (ch_u := _unicode_char(m)) is not None:
                        buf.append(ch_u)
                        i = m.end()
                        continue
                    if v1_escapes and i + 1 < n and text[i + 1] in '"\\':
                        buf.append(text[i + 1])
                        i += 2
                        continue
                if ch == "\n":
                    line += 1
                buf.append(ch)
                i += 1
            value = "".join(buf)
            toks.append(("str", value, start_line))
        elif c == "|":
            start_line = line
            j = text.find("|", i + 1)
            if j < 0:
                raise _LexError("unterminated |quoted symbol|", start_line)
            sym = text[i + 1 : j]
            line += sym.count("\n")
            toks.append(("sym", sym, start_line))
            i = j + 1
        else:
            j = i
            while j < n and text[j] not in _DELIMS:
                j += 1
            word = text[i:j]
            if _NUMERAL.match(word):
                toks.append(("int", int(word), line))
            else:
                toks.append(("sym", word, line))
            i = j
    return toks, saw_backslash


def _build(toks: list[tuple[str, object, int]]) -> list[_SExpr]:
    top: list[_SExpr] = []
    stack: list[_List] = []
    for kind, value, line in toks:
        if kind == "(":
            lst = _List()
            lst.line = line
            (stack[-1] if stack else top).append(lst)
            stack.append(lst)
        elif kind == ")":
            if not stack:
                raise _LexError("unexpected ')'", line)
            stack.pop()
        else:
            atom: _SExpr = _Str(value) if kind == "str" else value  # type: ignore[assignment]
            if not stack:
                raise _LexError(f"stray atom {_show(atom)} outside any command", line)
            stack[-1].append(atom)
    if stack:
        raise _LexError("unbalanced parentheses: '(' is never closed", stack[-1].line)
    return top


def _read(text: str) -> list[list[_SExpr]]:
    """Candidate readings of ``text``, most likely first (usually exactly one).

    Raises the strict v2 lexing error when no reading lexes.
    """
    try:
        toks, saw_backslash = _lex(text, v1_escapes=False)
        v2 = _build(toks)
    except _LexError as v2_error:
        # Maybe a v1 file with \" escapes, which derails strict v2 lexing.
        try:
            return [_build(_lex(text, v1_escapes=True)[0])]
        except _LexError:
            raise v2_error from None
    if not saw_backslash:
        return [v2]  # both dialects read the file the same way
    try:
        v1 = _build(_lex(text, v1_escapes=True)[0])
    except _LexError:
        return [v2]
    dialect = _dialect(v2)
    if dialect == 1:
        return [v1, v2]
    if dialect == 2:
        return [v2]
    return [v2, v1]  # no telling: prefer the current standard, fall back to v1


def _dialect(forms: list[_SExpr]) -> int | None:
    """1 or 2 if the file uses syntax only SyGuS-IF v1 / v2 has (v2 wins), else None."""
    v1 = False
    for f in forms:
        if not isinstance(f, _List) or not f or not isinstance(f[0], str):
            continue
        head = f[0]
        if head in ("set-feature", "declare-datatype", "declare-datatypes", "assume"):
            return 2
        if head in ("set-options", "declare-primed-var", "synth-inv"):
            v1 = True
        if head == "synth-fun" and len(f) == 6:
            # v2: (synth-fun f params sort ((Start String) ...) ((Start String (...)) ...))
            return 2
        if head == "synth-fun" and len(f) == 5:
            grammar = f[4]
            # v1: (synth-fun f params sort ((Start String (rules ...)) ...))
            if (
                isinstance(grammar, _List)
                and grammar
                and isinstance(grammar[0], _List)
                and len(grammar[0]) == 3
            ):
                v1 = True
    return 1 if v1 else None


def _show(e: _SExpr, limit: int = 80) -> str:
    def render(x: _SExpr) -> str:
        if isinstance(x, _List):
            return "(" + " ".join(render(y) for y in x) + ")"
        if isinstance(x, _Str):
            return '"' + x.value.replace('"', '""') + '"'
        return str(x)

    s = render(e)
    return s if len(s) <= limit else s[: limit - 3] + "..."


# ----------------------------------------------------------------------------- the task


def _sort_name(s: _SExpr) -> str:
    return _show(s, limit=40)


def _literal(e: _SExpr) -> tuple[str, object] | None:
    """``(sort, value)`` of a literal constant, or None if ``e`` is not one."""
    if isinstance(e, _Str):
        return "String", e.value
    if isinstance(e, int):
        return "Int", e
    if e in ("true", "false"):
        return "Bool", e == "true"
    if isinstance(e, _List) and len(e) == 2 and e[0] == "-" and isinstance(e[1], int):
        return "Int", -e[1]
    return None


def _strings_in(e: _SExpr, out: list[str]) -> None:
    if isinstance(e, _Str):
        out.append(e.value)
    elif isinstance(e, _List):
        for x in e:
            _strings_in(x, out)


def parse_sygus(text: str, name: str = "<sygus>") -> Task:
    """Parse the text of a SyGuS-IF PBE string problem into a :class:`Task` (``test`` empty)."""
    try:
        readings = _read(text)
    except _LexError as e:
        raise SuiteError(f"{name}: line {e.line}: {e.message}") from None
    errors: list[SuiteError] = []
    for forms in readings:
        try:
            return _task(forms, name)
        except SuiteError as e:
            errors.append(e)
    raise errors[0]  # the error of the most likely reading


def _task(forms: list[_SExpr], name: str) -> Task:
    synth: list[_List] = []
    constraints: list[_List] = []
    for f in forms:
        if not isinstance(f, _List) or not f:
            raise SuiteError(f"{name}: line {getattr(f, 'line', '?')}: empty command ()")
        head = f[0]
        if head == "synth-fun":
            synth.append(f)
        elif head == "constraint":
            constraints.append(f)
        elif head in ("synth-inv", "inv-constraint", "chc-constraint", "assume"):
            raise SuiteError(
                f"{name}: line {f.line}: not a programming-by-example spec: {head} is unsupported"
            )
        # set-logic, set-option(s), set-feature, define-fun, declare-var, declare-fun,
        # check-synth, declare-datatype(s), define-sort ... carry nothing a PBE task needs.

    if not synth:
        raise SuiteError(f"{name}: no synth-fun")
    if len(synth) > 1:
        raise SuiteError(f"{name}: {len(synth)} synth-fun commands; only one is supported")
    sf = synth[0]
    if len(sf) < 4 or not isinstance(sf[1], str) or not isinstance(sf[2], _List):
        raise SuiteError(f"{name}: line {sf.line}: malformed synth-fun {_show(sf)}")
    fname, params, ret = sf[1], sf[2], sf[3]

    if ret != "String":
        raise SuiteError(
            f"{name}: synth-fun returns {_sort_name(ret)}; "
            "only String-valued PBE tasks are supported"
        )
    param_names: list[str] = []
    for p in params:
        if not (isinstance(p, _List) and len(p) == 2 and isinstance(p[0], str)):
            raise SuiteError(f"{name}: line {sf.line}: malformed synth-fun parameter {_show(p)}")
        if p[1] != "String":
            raise SuiteError(
                f"{name}: synth-fun parameter {p[0]} has sort {_sort_name(p[1])}; "
                "only String parameters are supported"
            )
        param_names.append(p[0])
    arity = len(param_names)

    constants: list[str] = []
    for g in sf[4:]:
        _strings_in(g, constants)
    constants = list(dict.fromkeys(c for c in constants if c != ""))

    if not constraints:
        raise SuiteError(f"{name}: no constraints, so no examples")

    def not_pbe(c: _List) -> SuiteError:
        return SuiteError(
            f"{name}: not a programming-by-example spec: constraint {_show(c)}"
            f' is not (= ({fname} "...") "...")'
        )

    def call_args(e: _SExpr) -> list[_SExpr] | None:
        if arity == 0 and e == fname:
            return []
        if isinstance(e, _List) and e and e[0] == fname:
            return list(e[1:])
        return None

    train: list[Example] = []
    for c in constraints:
        if len(c) != 2:
            raise SuiteError(f"{name}: line {c.line}: malformed constraint {_show(c)}")
        body = c[1]
        if not (isinstance(body, _List) and len(body) == 3 and body[0] == "="):
            raise not_pbe(c)
        lhs, rhs = body[1], body[2]
        args, out = call_args(lhs), rhs
        if args is None:
            args, out = call_args(rhs), lhs
        if args is None:
            raise not_pbe(c)
        if len(args) != arity:
            raise SuiteError(
                f"{name}: line {c.line}: {fname} takes {arity} argument(s) "
                f"but constraint {_show(c)} gives {len(args)}"
            )
        inputs: list[str] = []
        for a in [*args, out]:
            lit = _literal(a)
            if lit is None:
                raise not_pbe(c)
            if lit[0] != "String":
                raise SuiteError(
                    f"{name}: line {c.line}: constraint {_show(c)} has the {lit[0]} literal "
                    f"{_show(a)} where a String is expected"
                )
            inputs.append(lit[1])  # type: ignore[arg-type]
        train.append(Example(tuple(inputs[:-1]), inputs[-1]))

    return Task(name, tuple(train), (), ("sygus",), tuple(constants))


def load_sygus(path: str | Path) -> Task:
    """Read a ``.sl`` file; the task is named after the file's stem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise SuiteError(f"cannot read {path}: {e}") from None
    return parse_sygus(text, path.stem)

"""``FormatDate`` as native polars expressions: read the fields with one regex, check them as
``datetime`` would, round and shift with polars' temporal functions, and write the output
field by field (no strftime, so no locale and no platform differences)."""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce
from itertools import pairwise
from operator import and_

import polars as pl

from likewise.backends import regex
from likewise.errors import NotCompilable
from likewise.lang import runtime as rt

_TRUNCATE = {
    "day": "1d",
    "week": "1w",
    "month": "1mo",
    "quarter": "1q",
    "year": "1y",
    "hour": "1h",
    "15min": "15m",
}


def _num(x: pl.Expr) -> pl.Expr:
    return x.cast(pl.Int64, strict=False)


def _either(a: pl.Expr | None, b: pl.Expr) -> pl.Expr:
    return b if a is None else a | b


def _parse(s: pl.Expr, fmt: str, timed: bool) -> pl.Expr:
    """runtime.parse_date: a Datetime (a Date unless ``timed``: when neither the format read
    nor anything after needs the time of day), or null where the text has no valid date."""
    fast = _strptime(fmt, timed)
    if fast is None:
        return _read(s, fmt, timed)
    exact, parse = fast
    rows = pl.struct(s=s, exact=s.str.contains(exact))
    return rows.struct.with_fields(
        out=pl.coalesce(
            pl.when(pl.field("exact")).then(parse(pl.field("s"))),
            _read(pl.when(~pl.field("exact")).then(pl.field("s")), fmt, timed),
        )
    ).struct.field("out")


# The fields polars' own parser (chrono, cached per distinct value) reads exactly as
# runtime.parse_date does on text that these patterns match whole.
_EXACT = {
    "Y": "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])",
    "m": "(?:0?[1-9]|1[0-2])",
    "d": "(?:0?[1-9]|[12][0-9]|3[01])",
    "H": "(?:[01]?[0-9]|2[0-3])",
    "M": "[0-5][0-9]",
    "S": "[0-5][0-9]",
}


def _strptime(fmt: str, timed: bool) -> tuple[str, Callable[[pl.Expr], pl.Expr]] | None:
    """The fast path for rows that are exactly one date of a numeric format: a regex matching
    those rows whole and the ``str.strptime`` that reads them; None where the format has a
    field chrono reads otherwise, lacks the year, month or day, repeats a field, or has two
    fields with no literal between them."""
    directives = rt._directives(fmt)
    letters = [d[0] for d in directives if isinstance(d, tuple)]
    clock = set(letters) & set("HMS")
    if (
        not set("Ymd") <= set(letters) <= set(_EXACT)
        or len(set(letters)) < len(letters)
        or (clock and not {"H", "M"} <= clock)
        or any(not isinstance(d, tuple) and d.isdigit() for d in directives)
        or any(isinstance(a, tuple) and isinstance(b, tuple) for a, b in pairwise(directives))
    ):
        return None
    exact = "".join(_EXACT[d[0]] if isinstance(d, tuple) else regex.escape(d) for d in directives)
    chrono = "".join(
        "%" + d[0] if isinstance(d, tuple) else d.replace("%", "%%") for d in directives
    )
    if clock:
        return f"^{exact}$", lambda s: s.str.strptime(pl.Datetime("us"), chrono, strict=False)
    dtype = pl.Datetime("us") if timed else pl.Date
    return f"^{exact}$", lambda s: s.str.strptime(pl.Date, chrono, strict=False).cast(dtype)


def _days(y: pl.Expr, m: pl.Expr, d: pl.Expr) -> pl.Expr:
    """Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
    days_from_civil, for years >= 1)."""
    y = y - (m <= 2).cast(pl.Int64)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _month_days(y: pl.Expr, m: pl.Expr) -> pl.Expr:
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    return 30 + (m + m // 8) % 2 - (m == 2).cast(pl.Int64) * (2 - leap.cast(pl.Int64))


def _read(s: pl.Expr, fmt: str, timed: bool) -> pl.Expr:
    """runtime.parse_date by its own regex: the fields as integers, checked and counted in
    integer arithmetic as ``datetime()`` would."""
    parts, letters = [], []
    for d in rt._directives(fmt):
        if isinstance(d, tuple):
            parts.append(rt._DATE_FIELDS[d[0]])
            letters.append(d[0])
        else:
            parts.append(regex.escape(d))
    if not letters:
        raise NotCompilable("a date format with no fields")
    cased = any(c.isalpha() for p in parts for c in p.replace("[0-9]", ""))
    # The last group holds the text just after the match, for rt.AFTER_HOUR.
    groups = s.str.extract_groups(("(?i)" if cased else "") + "".join(parts) + "((?s:.){0,6})")
    f: dict[str, int | pl.Expr] = dict(rt._DEFAULT_FIELDS)
    pm: pl.Expr | None = None
    bad: pl.Expr | None = None
    if rt.hour_unmarked(letters):
        after = pl.field(str(len(letters) + 1)) + "!"
        bad = after.str.contains("^" + rt.AFTER_HOUR)
    for k, letter in enumerate(letters):
        text = pl.field(str(k + 1))
        if letter == "y":
            f["Y"] = _num(text) + pl.when(_num(text) < 50).then(2000).otherwise(1900)
        elif letter in "Bb":
            months = {m[:3].lower(): i + 1 for i, m in enumerate(rt.MONTHS)}
            key = text.str.to_lowercase().str.slice(0, 3)
            month = key.replace_strict(months, default=None, return_dtype=pl.Int64)
            f["m"] = month
            bad = _either(bad, month.is_null())
        elif letter in "Aa":
            key = text.str.to_lowercase().str.slice(0, 3)
            bad = _either(bad, ~key.is_in([w[:3].lower() for w in rt.WEEKDAYS]))
        elif letter == "o":
            f["d"] = _num(text)
        elif letter == "p":
            pm = text.str.to_lowercase().str.starts_with("p")
        elif letter == "I":
            f["H"] = _num(text)
            bad = _either(bad, ~_num(text).is_between(1, 12))
        elif letter == "q":
            f["m"] = 3 * _num(text) - 2
        else:
            f[letter] = _num(text)
    if pm is not None:
        f["H"] = f["H"] % 12 + pl.when(pm).then(12).otherwise(0)
    # The fields read are computed once, as fields of a struct beside the regex's groups
    # (polars has no other way to name a value inside one expression); the fields the format
    # lacks stay constants, with nothing to check.
    read = {k: v for k, v in f.items() if isinstance(v, pl.Expr)}
    fields = groups.struct.with_fields(**read, **({} if bad is None else {"bad": bad}))
    y, m, d, hh, mm, ss = (pl.field(k) if k in read else pl.lit(f[k]) for k in "YmdHMS")
    checks = [pl.field("1").is_not_null()] + ([] if bad is None else [~pl.field("bad")])
    for k, lo, hi in (("Y", 1, 9999), ("m", 1, 12), ("H", 0, 23), ("M", 0, 59), ("S", 0, 59)):
        if k in read:
            checks.append(pl.field(k).is_between(lo, hi))
    if "d" in read:
        checks.append(d.is_between(1, _month_days(y, m)))
    ok = reduce(and_, checks)
    if timed:
        seconds = _days(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss
        stamp = (seconds * 1_000_000).cast(pl.Datetime("us"))
    else:  # a Date: cheaper to build and to write
        stamp = _days(y, m, d).cast(pl.Int32).cast(pl.Date)
    return fields.struct.with_fields(out=pl.when(ok).then(stamp)).struct.field("out")


def _letters(fmt: str) -> list[str]:
    return [d[0] for d in rt._directives(fmt) if isinstance(d, tuple)]


def _round(t: pl.Expr, unit: str) -> pl.Expr:
    """runtime.round_date."""
    if not unit:
        return t
    if unit in _TRUNCATE:
        return t.dt.truncate(_TRUNCATE[unit])
    if unit == "month-end":  # the runtime gives no value past the calendar's last month
        last = (t.dt.year() == 9999) & (t.dt.month() == 12)
        return pl.when(~last).then(t.dt.truncate("1d").dt.month_end())
    if unit in ("~hour", "~15min"):
        step = 60 if unit == "~hour" else 15
        minutes = t.dt.hour().cast(pl.Int64) * 60 + t.dt.minute() + (t.dt.second() >= 30)
        minutes = (minutes + step // 2) // step * step
        return t.dt.truncate("1d") + pl.duration(minutes=minutes)
    raise NotCompilable(f"rounding to {unit!r}")


def _render(t: pl.Expr, fmt: str) -> pl.Expr:
    """runtime.render_date, through chrono's strftime (English names, no locale) except for
    the ordinal day and the quarter, which it lacks."""
    pieces: list[pl.Expr] = []
    chrono = ""
    for d in rt._directives(fmt):
        if not isinstance(d, tuple):
            chrono += d.replace("%", "%%")
            continue
        letter, pad = d
        if letter not in "oq":
            chrono += "%" + ("-" if not pad and letter in "mdHI" else "") + letter
            continue
        if chrono:
            pieces.append(t.dt.strftime(chrono))
            chrono = ""
        if letter == "q":
            pieces.append(t.dt.quarter().cast(pl.String))
        else:
            day = t.dt.day().cast(pl.Int64)
            suffix = (day % 10).replace_strict(
                {1: "st", 2: "nd", 3: "rd"}, default="th", return_dtype=pl.String
            )
            teen = (day % 100).is_between(10, 20)
            pieces.append(day.cast(pl.String) + pl.when(teen).then(pl.lit("th")).otherwise(suffix))
    if chrono:
        pieces.append(t.dt.strftime(chrono))
    return pieces[0] if len(pieces) == 1 else pl.concat_str(pieces)


def _in_calendar(t: pl.Expr, step: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """``step(t)``, or null outside years 1 to 9999."""
    inside = pl.field("t").dt.year().is_between(1, 9999)
    stepped = pl.struct(t=t).struct.with_fields(t=step(pl.field("t")))
    return stepped.struct.with_fields(t=pl.when(inside).then(pl.field("t"))).struct.field("t")


def format_date(s: pl.Expr, in_fmt: str, out_fmt: str, unit: str, shift: int) -> pl.Expr:
    """runtime.format_date."""
    if abs(shift) > 10**8:
        return pl.lit(None, dtype=pl.String)
    timed = bool(
        set(_letters(in_fmt) + _letters(out_fmt)) & set("HIMSp")
        or unit in ("hour", "15min", "~hour", "~15min")
        or shift % 1440
    )
    t = _parse(s, in_fmt, timed)
    # Past the calendar's ends (years 1 to 9999) rounding and shifting give no value.
    if unit:
        t = _in_calendar(t, lambda t: _round(t, unit))
    if shift:
        t = _in_calendar(t, lambda t: t + pl.duration(minutes=shift))
    return _render(t, out_fmt)

"""``FormatDate`` as native polars expressions: read the fields with one regex, check them as
``datetime`` would, round and shift with polars' temporal functions, and write the output
field by field (no strftime, so no locale and no platform differences)."""

from __future__ import annotations

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


def _names(names: tuple[str, ...], start: int) -> dict[int, str]:
    return {i + start: name for i, name in enumerate(names)}


def _parse(s: pl.Expr, fmt: str) -> pl.Expr:
    """runtime.parse_date: a Datetime, or null where the text has no valid date."""
    parts, letters = [], []
    for d in rt._directives(fmt):
        if isinstance(d, tuple):
            parts.append(rt._DATE_FIELDS[d[0]])
            letters.append(d[0])
        else:
            parts.append(regex.escape(d))
    if not letters:
        raise NotCompilable("a date format with no fields")
    groups = s.str.extract_groups("(?i)" + "".join(parts))
    f: dict[str, pl.Expr] = {k: pl.lit(v) for k, v in rt._DEFAULT_FIELDS.items()}
    pm: pl.Expr | None = None
    bad = pl.lit(False)
    for k, letter in enumerate(letters):
        text = groups.struct.field(str(k + 1))
        if letter == "y":
            f["Y"] = _num(text) + pl.when(_num(text) < 50).then(2000).otherwise(1900)
        elif letter in "Bb":
            months = {m[:3].lower(): i + 1 for i, m in enumerate(rt.MONTHS)}
            key = text.str.to_lowercase().str.slice(0, 3)
            f["m"] = key.replace_strict(months, default=None, return_dtype=pl.Int64)
            bad = bad | f["m"].is_null()
        elif letter in "Aa":
            key = text.str.to_lowercase().str.slice(0, 3)
            bad = bad | ~key.is_in([w[:3].lower() for w in rt.WEEKDAYS])
        elif letter == "o":
            f["d"] = _num(text)
        elif letter == "p":
            pm = text.str.to_lowercase().str.starts_with("p")
        elif letter == "I":
            f["H"] = _num(text)
            bad = bad | (f["H"] < 1) | (f["H"] > 12)
        elif letter == "q":
            f["m"] = 3 * _num(text) - 2
        else:
            f[letter] = _num(text)
    if pm is not None:
        f["H"] = f["H"] % 12 + pl.when(pm).then(12).otherwise(0)
    y, m, d = f["Y"], f["m"], f["d"]
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    days = (
        pl.when(m == 2)
        .then(pl.when(leap).then(29).otherwise(28))
        .when(m.is_in([4, 6, 9, 11]))
        .then(30)
        .otherwise(31)
    )
    ok = (
        groups.struct.field("1").is_not_null()
        & ~bad
        & y.is_between(1, 9999)
        & m.is_between(1, 12)
        & d.is_between(1, days)
        & f["H"].is_between(0, 23)
        & f["M"].is_between(0, 59)
        & f["S"].is_between(0, 59)
    ).fill_null(False)
    safe = {k: pl.when(ok).then(v).otherwise(1 if k in "Ymd" else 0) for k, v in f.items()}
    stamp = pl.datetime(safe["Y"], safe["m"], safe["d"], safe["H"], safe["M"], safe["S"])
    return pl.when(ok).then(stamp)


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
    """runtime.render_date."""
    pieces: list[pl.Expr] = []
    hour = t.dt.hour().cast(pl.Int64)
    for d in rt._directives(fmt):
        if not isinstance(d, tuple):
            pieces.append(pl.lit(d))
            continue
        letter, pad = d
        number = {
            "m": t.dt.month(),
            "d": t.dt.day(),
            "H": hour,
            "I": pl.when(hour % 12 == 0).then(12).otherwise(hour % 12),
        }.get(letter)
        if number is not None:
            text = number.cast(pl.String)
            pieces.append(text.str.zfill(2) if pad else text)
        elif letter in "YyMSq":
            value = {
                "Y": (t.dt.year(), 4),
                "y": (t.dt.year() % 100, 2),
                "M": (t.dt.minute(), 2),
                "S": (t.dt.second(), 2),
                "q": (t.dt.quarter(), 1),
            }[letter]
            pieces.append(value[0].cast(pl.String).str.zfill(value[1]))
        elif letter == "o":
            day = t.dt.day().cast(pl.Int64)
            suffix = (
                pl.when((day % 100).is_between(10, 20))
                .then(pl.lit("th"))
                .otherwise(
                    (day % 10).replace_strict(
                        {1: "st", 2: "nd", 3: "rd"}, default="th", return_dtype=pl.String
                    )
                )
            )
            pieces.append(pl.concat_str([day.cast(pl.String), suffix]))
        elif letter in "BbAa":
            names = rt.MONTHS if letter in "Bb" else rt.WEEKDAYS
            key = t.dt.month() if letter in "Bb" else t.dt.weekday()
            table = _names(tuple(n if letter.isupper() else n[:3] for n in names), 1)
            pieces.append(key.cast(pl.Int64).replace_strict(table, return_dtype=pl.String))
        else:  # "p"
            pieces.append(pl.when(hour < 12).then(pl.lit("AM")).otherwise(pl.lit("PM")))
    return pl.when(t.is_not_null()).then(pl.concat_str(pieces))


def format_date(s: pl.Expr, in_fmt: str, out_fmt: str, unit: str, shift: int) -> pl.Expr:
    """runtime.format_date."""
    if abs(shift) > 10**8:
        return pl.lit(None, dtype=pl.String)
    t = _round(_parse(s, in_fmt), unit)
    if shift:
        t = t + pl.duration(minutes=shift)
    t = pl.when(t.dt.year().is_between(1, 9999)).then(t)
    return _render(t, out_fmt)

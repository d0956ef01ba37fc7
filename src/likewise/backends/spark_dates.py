"""``FormatDate`` as native Spark expressions, mirroring :mod:`likewise.backends.polars_dates`.

The fields are read with one regex (Python's case-insensitive matching spelled out for
Java), checked as ``datetime`` would, and the moment is then plain integer arithmetic on
seconds since 0000-03-01 in the proleptic Gregorian calendar (the calendar of Python's
``datetime``): no Spark timestamps, so no session time zone, no daylight-saving gaps and no
ANSI-mode errors. Intermediate values are named with ``bind`` (Spark columns are trees). The output is written field by field (no ``date_format``, whose patterns
and names depend on the JVM's locale).
"""

from __future__ import annotations

from collections.abc import Callable

from pyspark.sql import Column
from pyspark.sql import functions as F

from likewise.backends.spark_text import (
    ascii_folds,
    bind,
    change_chars,
    const_array,
    fold,
    fold_regex,
)
from likewise.errors import NotCompilable
from likewise.lang import runtime as rt

DAY = 86400
_SEP = "\u0000"  # never inside a field's text (digits and letters)
# Day numbers count from 0000-03-01 (H. Hinnant's epoch), so every valid moment is a
# positive number of seconds and integer division truncates as floor division would.
EPOCH = 719468  # days from 0000-03-01 to 1970-01-01
T_MIN = (EPOCH - 719162) * DAY  # 0001-01-01 00:00:00
T_MAX = (EPOCH + 2932896 + 1) * DAY - 1  # 9999-12-31 23:59:59


def _int(x: int) -> Column:
    return F.lit(x).cast("bigint")


def div(x: Column, n: int) -> Column:
    """``x // n`` for ``x >= 0`` (Spark's ``div`` truncates)."""
    return F.call_function("div", x, _int(n))


def mod(x: Column, n: int) -> Column:
    """``x % n`` for ``x >= 0``."""
    return x % _int(n)


def _days(y: Column, m: Column, d: Column) -> Column:
    """The day number of a valid date (``y``, ``m`` and ``d`` are read several times)."""
    y = y - F.when(m <= 2, 1).otherwise(0)  # the year from March on
    doy = div(153 * (m + F.when(m > 2, -3).otherwise(9)) + 2, 5) + d - 1
    return y * 365 + div(y, 4) - div(y, 100) + div(y, 400) + doy


def _civil(days: Column) -> Column:
    """A struct (y, m, d) of a day number."""

    def from_era(e: Column) -> Column:
        era, doe = e["era"], e["doe"]
        yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146096), 365)
        return bind(F.struct(era.alias("era"), doe.alias("doe"), yoe.alias("yoe")), from_yoe)

    def from_yoe(e: Column) -> Column:
        doy = e["doe"] - (365 * e["yoe"] + div(e["yoe"], 4) - div(e["yoe"], 100))
        mp = div(5 * doy + 2, 153)
        year = e["yoe"] + e["era"] * 400
        return bind(F.struct(year.alias("year"), doy.alias("doy"), mp.alias("mp")), finish)

    def finish(e: Column) -> Column:
        mp = e["mp"]
        m = F.when(mp < 10, mp + 3).otherwise(mp - 9)
        y = e["year"] + F.when(mp >= 10, 1).otherwise(0)
        d = e["doy"] - div(153 * mp + 2, 5) + 1
        return F.struct(y.alias("y"), m.alias("m"), d.alias("d"))

    def start(z: Column) -> Column:
        era = div(z, 146097)
        return bind(F.struct(era.alias("era"), (z - era * 146097).alias("doe")), from_era)

    return bind(days, start)


def _days_in_month(y: Column, m: Column) -> Column:
    leap = ((mod(y, 4) == 0) & (mod(y, 100) != 0)) | (mod(y, 400) == 0)
    return (
        F.when(m == 2, F.when(leap, 29).otherwise(28)).when(m.isin(4, 6, 9, 11), 30).otherwise(31)
    )


def _lower(text: Column) -> Column:
    """``text.lower()`` for the text of a name field (letters that fold to ASCII ones)."""
    return change_chars(text, "lower", ascii_folds())


def _in_range(t: Column) -> Column:
    return bind(t, lambda v: F.when((v >= T_MIN) & (v <= T_MAX), v))


def _read(s: Column, fmt: str, use: Callable[[dict[str, Column], Column], Column]) -> Column:
    """``use(fields, ok)`` on the fields of the first match of ``fmt`` in ``s`` (runtime.parse_date),
    where ``ok`` says whether they make a valid moment; null where nothing matches."""
    parts, letters = [], []
    for d in rt._directives(fmt):
        if isinstance(d, tuple):
            parts.append(fold_regex(rt._DATE_FIELDS[d[0]]))
            letters.append(d[0])
        else:
            parts.append("".join(fold(c) for c in d))
    if not letters:
        raise NotCompilable("a date format with no fields")
    rx = "".join(parts)
    # One pass: the groups of the first match and the text just after it (for rt.AFTER_HOUR),
    # joined by a character no field holds.
    joined = F.regexp_replace(
        s,
        F.lit(rf"(?s)\A.*?(?:{rx})(.{{0,6}}).*\z"),
        F.lit(_SEP.join(f"${k + 1}" for k in range(len(letters) + 1))),
    )

    def fields(groups: Column) -> Column:
        f: dict[str, Column] = {k: _int(v) for k, v in rt._DEFAULT_FIELDS.items()}
        pm: Column | None = None
        bad = F.lit(False)
        if rt.hour_unmarked(letters):
            after = F.concat(F.get(groups, len(letters)), F.lit("!"))
            bad = after.rlike("^" + rt.AFTER_HOUR)
        for k, letter in enumerate(letters):
            text = F.get(groups, k)
            num = text.try_cast("bigint")
            if letter == "y":
                f["Y"] = num + F.when(num < 50, 2000).otherwise(1900)
            elif letter in "Bb":
                key = F.substr(_lower(text), F.lit(1), F.lit(3))
                months = const_array([m[:3].lower() for m in rt.MONTHS])
                f["m"] = F.array_position(months, key)
                bad = bad | (f["m"] == 0)
            elif letter in "Aa":
                key = F.substr(_lower(text), F.lit(1), F.lit(3))
                bad = bad | ~key.isin(*(w[:3].lower() for w in rt.WEEKDAYS))
            elif letter == "o":
                f["d"] = num
            elif letter == "p":
                pm = F.startswith(_lower(text), F.lit("p"))
            elif letter == "I":
                f["H"] = num
                bad = bad | (num < 1) | (num > 12)
            elif letter == "q":
                f["m"] = 3 * num - 2
            else:
                f[letter] = num
        if pm is not None:
            f["H"] = F.pmod(f["H"], _int(12)) + F.when(pm, 12).otherwise(0)
        f = {k: v.cast("bigint") for k, v in f.items()}
        y, m, d = f["Y"], f["m"], f["d"]
        ok = (
            ~bad
            & y.between(1, 9999)
            & m.between(1, 12)
            & (d >= 1)
            & (d <= _days_in_month(y, m))
            & f["H"].between(0, 23)
            & f["M"].between(0, 59)
            & f["S"].between(0, 59)
        )
        return use(f, F.coalesce(ok, F.lit(False)))

    return F.when(s.rlike(rx), bind(F.split(joined, F.lit(_SEP), -1), fields))


def _seconds(f: dict[str, Column]) -> Column:
    return _days(f["Y"], f["m"], f["d"]) * DAY + f["H"] * 3600 + f["M"] * 60 + f["S"]


def _parse(s: Column, fmt: str) -> Column:
    """runtime.parse_date: seconds, or null where the text has no valid date."""
    return _read(s, fmt, lambda f, ok: F.when(ok, _seconds(f)))


def _round(t: Column, unit: str) -> Column:
    """runtime.round_date, on seconds (``t`` is read several times)."""
    if not unit:
        return t
    days, secs = div(t, DAY), mod(t, DAY)
    if unit == "day":
        return days * DAY
    if unit == "week":
        return (days - mod(days + 2, 7)) * DAY  # weeks start on Monday
    if unit in ("hour", "15min"):
        return t - mod(t, 3600 if unit == "hour" else 900)
    if unit in ("~hour", "~15min"):
        step = 60 if unit == "~hour" else 15
        minutes = div(secs, 60) + F.when(mod(secs, 60) >= 30, 1).otherwise(0)
        minutes = div(minutes + step // 2, step) * step
        return days * DAY + minutes * 60

    def start(c: Column) -> Column:
        y, m = c["y"], c["m"]
        if unit == "month":
            return _days(y, m, _int(1)) * DAY
        if unit == "quarter":
            return _days(y, div(m - 1, 3) * 3 + 1, _int(1)) * DAY
        if unit == "year":
            return _days(y, _int(1), _int(1)) * DAY
        assert unit == "month-end"  # the runtime gives no value in the calendar's last month
        return F.when((y != 9999) | (m != 12), _days(y, m, _days_in_month(y, m)) * DAY)

    return bind(_civil(days), start)


def _digits(x: Column, width: int) -> Column:
    return F.lpad(x.cast("string"), width, "0")


def _write(fmt: str, f: dict[str, Column], weekday: Callable[[], Column]) -> Column:
    """runtime.render_date of the moment with fields ``f`` (Y, m, d, H, M, S; each read
    several times); ``weekday()`` gives its day of the week (Monday is 0)."""
    y, m, d, hour = f["Y"], f["m"], f["d"], f["H"]
    numbers: dict[str, Callable[[], tuple[Column, int]]] = {
        "Y": lambda: (y, 4),
        "y": lambda: (mod(y, 100), 2),
        "m": lambda: (m, 2),
        "d": lambda: (d, 2),
        "H": lambda: (hour, 2),
        "I": lambda: (F.when(mod(hour, 12) == 0, 12).otherwise(mod(hour, 12)), 2),
        "M": lambda: (f["M"], 2),
        "S": lambda: (f["S"], 2),
        "q": lambda: (div(m - 1, 3) + 1, 1),
    }
    pieces: list[Column] = []
    for directive in rt._directives(fmt):
        if not isinstance(directive, tuple):
            pieces.append(F.lit(directive))
            continue
        letter, pad = directive
        if letter in numbers:
            value, width = numbers[letter]()
            # %-m, %-d, %-H and %-I drop the zero; the others always pad
            padded = pad or letter not in "mdHI"
            pieces.append(_digits(value, width) if padded else value.cast("string"))
        elif letter == "o":
            suffix = (
                F.when(mod(d, 100).between(10, 20), "th")
                .when(mod(d, 10) == 1, "st")
                .when(mod(d, 10) == 2, "nd")
                .when(mod(d, 10) == 3, "rd")
                .otherwise("th")
            )
            pieces.append(F.concat(d.cast("string"), suffix))
        elif letter in "BbAa":
            names = rt.MONTHS if letter in "Bb" else rt.WEEKDAYS
            table = const_array([n if letter.isupper() else n[:3] for n in names])
            key = m - 1 if letter in "Bb" else weekday()
            pieces.append(F.get(table, key.cast("int")))
        else:  # "p"
            pieces.append(F.when(hour < 12, "AM").otherwise("PM"))
    return F.concat(*pieces) if pieces else F.lit("")


def _render(t: Column, fmt: str) -> Column:
    """runtime.render_date (``t`` is read several times)."""
    days, secs = div(t, DAY), mod(t, DAY)

    def write(c: Column) -> Column:
        f = {"Y": c["y"], "m": c["m"], "d": c["d"], "H": div(secs, 3600)}
        f |= {"M": div(mod(secs, 3600), 60), "S": mod(secs, 60)}
        return _write(fmt, f, lambda: mod(days + 2, 7))  # Monday is 0

    return F.when(t.isNotNull(), bind(_civil(days), write))


def format_date(s: Column, in_fmt: str, out_fmt: str, unit: str, shift: int) -> Column:
    """runtime.format_date."""
    if abs(shift) > 10**8 or unit not in rt.ROUND_UNITS:
        return F.lit(None).cast("string")
    if not unit and not shift:  # the fields as read, with no detour through seconds
        weekday = lambda f: lambda: mod(_days(f["Y"], f["m"], f["d"]) + 2, 7)  # noqa: E731
        return _read(s, in_fmt, lambda f, ok: F.when(ok, _write(out_fmt, f, weekday(f))))
    t = _parse(s, in_fmt)
    if unit:
        t = _in_range(bind(t, lambda v: _round(v, unit)))
    if shift:
        t = _in_range(t + shift * 60)
    return bind(t, lambda v: _render(v, out_fmt))

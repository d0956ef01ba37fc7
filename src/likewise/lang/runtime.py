"""The primitive operations behind every operator, as plain total functions.

The reference interpreter calls these, and ``to_python()`` copies their source into the code it
emits, so the two cannot drift apart. Rules: standard library only; every function accepts
``None`` ("no value") for any argument and then returns ``None``; nothing raises on any string.

A *pattern* is either a token class, written as a 1-tuple such as ``("Word",)``, a field
between marks, written ``("Field", "/")`` (a run of anything but the mark), or a literal
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
    elif kind == "Field":  # a run of anything but the mark pat[1]: "a/b//c" has a, b and c
        mark = pat[1]
        i = 0
        while i < n:
            if s[i] != mark:
                j = s.find(mark, i)
                j = n if j < 0 else j
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


def join_all(s, pat, sep):
    """All matches of ``pat``, joined by ``sep``."""
    if s is None or sep is None:
        return None
    return sep.join(s[a:b] for a, b in matches(s, pat))


@lru_cache(maxsize=65536)
def proper(s):
    """Upper-case the first letter of each word, lower-case the rest (apostrophes stay inside)."""
    out = []
    for i, c in enumerate(s):
        inside = i > 0 and (
            s[i - 1].isalpha() or (s[i - 1] == "'" and i > 1 and s[i - 2].isalpha())
        )
        out.append(c.lower() if inside else c.upper())
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


def has_at_least(s, pat, k):
    return None if s is None else len(matches(s, pat)) >= k


def negate(b):
    return None if b is None else not b


def ite(c, a, b):
    if c is None:
        return None
    return a if c else b


# Dates and times. A format is text with directives (strftime-like, English names, no locale):
# %Y 4-digit year, %y 2-digit year (00-49 -> 2000s, 50-99 -> 1900s), %m / %-m month with /
# without zero padding, %d / %-d day, %o ordinal day (1st), %B / %b month name / 3-letter
# abbreviation, %A / %a weekday name / abbreviation, %H / %-H hour (24h), %I / %-I hour (12h),
# %M minute, %S second, %p AM/PM, %q quarter (1-4), %% a percent sign.
# Parsing accepts 1 or 2 digits for month, day and hour, any letter case for names, and finds
# the first place in the text where the whole format matches. A format with an hour but no %p
# reads nothing where AM or PM follows that place: "1:23 pm" is not the 24-hour time 01:23.

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DATE_FIELDS = {
    "Y": r"([0-9]{4})",
    "y": r"([0-9]{2})",
    "m": r"([0-9]{1,2})",
    "d": r"([0-9]{1,2})",
    "o": r"([0-9]{1,2})(?:st|nd|rd|th)",
    "B": "(" + "|".join(MONTHS) + ")",
    "b": "(" + "|".join(m[:3] for m in MONTHS) + r")\.?",
    "A": "(" + "|".join(WEEKDAYS) + ")",
    "a": "(" + "|".join(w[:3] for w in WEEKDAYS) + r")\.?",
    "H": r"([0-9]{1,2})",
    "I": r"([0-9]{1,2})",
    "M": r"([0-9]{2})",
    "S": r"([0-9]{2})",
    "p": r"([AaPp])\.?[Mm]\.?",
    "q": r"([1-4])",
}


_DEFAULT_FIELDS = {"Y": 2000, "m": 1, "d": 1, "H": 0, "M": 0, "S": 0}


def _directives(fmt):
    """Split a format into literal strings and (directive letter, pad) pairs."""
    out, i = [], 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            nxt = fmt[i + 1]
            if nxt == "%":
                out.append("%")
                i += 2
                continue
            pad = nxt != "-"
            letter = fmt[i + 2] if not pad and i + 2 < len(fmt) else nxt
            if letter in _DATE_FIELDS:
                out.append((letter, pad))
                i += 2 if pad else 3
                continue
        out.append(c)
        i += 1
    return out


# What, after a format's match, marks its time as 12-hour when the format has no %p: AM or PM
# (dotted or not, after at most one space) not followed by a letter. It is matched on the text
# after the match with "!" appended, case-sensitively, so that every backend reads it alike.
AFTER_HOUR = r" ?[AaPp]\.?[Mm]\.?[^A-Za-z]"


def hour_unmarked(letters):
    """Whether a format with these directive letters reads an hour but no AM/PM."""
    return ("H" in letters or "I" in letters) and "p" not in letters


@lru_cache(maxsize=1024)
def _date_regex(fmt):
    import re

    parts, letters = [], []
    for d in _directives(fmt):
        if isinstance(d, tuple):
            parts.append(_DATE_FIELDS[d[0]])
            letters.append(d[0])
        else:
            parts.append(re.escape(d))
    return re.compile("".join(parts), re.IGNORECASE), tuple(letters)


def parse_date(s, fmt):
    """The datetime the first match of ``fmt`` in ``s`` denotes, or None (also where AM or PM
    follows an hour read without %p). Missing fields take the year 2000, January, the 1st,
    midnight."""
    import datetime

    if s is None or fmt is None:
        return None
    import re

    rx, letters = _date_regex(fmt)
    m = rx.search(s)
    if not m or (hour_unmarked(letters) and re.match(AFTER_HOUR, s[m.end() : m.end() + 6] + "!")):
        return None
    f = dict(_DEFAULT_FIELDS)
    pm = None
    for letter, text in zip(letters, m.groups(), strict=True):
        low = text.lower()
        if letter == "y":
            f["Y"] = 2000 + int(text) if int(text) < 50 else 1900 + int(text)
        elif letter in "BbAa":
            names = MONTHS if letter in "Bb" else WEEKDAYS
            n = next((i for i, name in enumerate(names) if name.lower().startswith(low[:3])), None)
            if n is None:  # matched only by case folding, e.g. a long s in "Auguſt"
                return None
            if letter in "Bb":
                f["m"] = n + 1
        elif letter == "o":
            f["d"] = int(text)
        elif letter == "p":
            pm = low.startswith("p")
        elif letter == "I":
            f["H"] = int(text)
            if not 1 <= f["H"] <= 12:
                return None
        elif letter == "q":
            f["m"] = 3 * int(text) - 2
        else:
            f[letter] = int(text)
    if pm is not None:
        f["H"] = f["H"] % 12 + (12 if pm else 0)
    try:
        return datetime.datetime(f["Y"], f["m"], f["d"], f["H"], f["M"], f["S"])
    except ValueError:
        return None


def _ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def render_date(t, fmt):
    if t is None:
        return None
    out = []
    for d in _directives(fmt):
        if not isinstance(d, tuple):
            out.append(d)
            continue
        letter, pad = d
        hour12 = t.hour % 12 or 12
        value = {
            "Y": f"{t.year:04d}",
            "y": f"{t.year % 100:02d}",
            "m": t.month,
            "d": t.day,
            "o": _ordinal(t.day),
            "B": MONTHS[t.month - 1],
            "b": MONTHS[t.month - 1][:3],
            "A": WEEKDAYS[t.weekday()],
            "a": WEEKDAYS[t.weekday()][:3],
            "H": t.hour,
            "I": hour12,
            "M": f"{t.minute:02d}",
            "S": f"{t.second:02d}",
            "p": "AM" if t.hour < 12 else "PM",
            "q": str((t.month - 1) // 3 + 1),
        }[letter]
        out.append(f"{value:02d}" if isinstance(value, int) and pad else str(value))
    return "".join(out)


ROUND_UNITS = (
    "", "day", "week", "month", "quarter", "year", "hour", "15min", "~hour", "~15min", "month-end",
)  # fmt: skip


def round_date(t, unit):
    """Round down to the start of the unit (weeks start on Monday); ``~`` rounds to nearest;
    ``month-end`` moves to the last day of the month. None past the end of the calendar."""
    if t is None or unit not in ROUND_UNITS:
        return None
    try:
        return _round_date(t, unit)
    except OverflowError:
        return None


def _round_date(t, unit):
    import datetime

    if unit == "month-end":
        start = t.replace(day=1, hour=0, minute=0, second=0)
        return (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    if unit.startswith("~"):
        step = 60 if unit == "~hour" else 15
        minutes = t.hour * 60 + t.minute + (t.second >= 30)
        minutes = (minutes + step // 2) // step * step
        return datetime.datetime(t.year, t.month, t.day) + datetime.timedelta(minutes=minutes)
    if unit in ("hour", "15min"):
        step = 60 if unit == "hour" else 15
        return t.replace(minute=t.minute // step * step if step < 60 else 0, second=0)
    if unit:
        t = t.replace(hour=0, minute=0, second=0)
    if unit == "week":
        return t - datetime.timedelta(days=t.weekday())
    if unit == "month":
        return t.replace(day=1)
    if unit == "quarter":
        return t.replace(month=(t.month - 1) // 3 * 3 + 1, day=1)
    if unit == "year":
        return t.replace(month=1, day=1)
    return t


def shift_date(t, minutes):
    import datetime

    if t is None or abs(minutes) > 10**8:
        return None
    try:
        return t + datetime.timedelta(minutes=minutes)
    except OverflowError:
        return None


def format_date(s, in_fmt, out_fmt, unit, shift):
    return render_date(shift_date(round_date(parse_date(s, in_fmt), unit), shift), out_fmt)


# Numbers, parsed from the common written forms and formatted exactly (decimal arithmetic).

ROUNDINGS = ("half-even", "half-up", "down", "up", "floor", "ceiling")
_CURRENCY = "$€£¥₹₩₽¢"


@lru_cache(maxsize=65536)
def parse_number(s):
    """The number written in ``s`` (signs, currency, percent, thousands separators, decimal
    comma, parentheses for negatives, exponents), or None. A lone comma followed by exactly
    three digits is a thousands separator; otherwise the last comma or dot is the decimal
    point. When ``s`` is more than a number, the first number written in it is read."""
    if s is None:
        return None
    whole = _read_number(s)
    if whole is not None or len(s) > 1000:
        return whole
    i = next((i for i, c in enumerate(s) if c in DIGITS), None)
    if i is None:
        return None
    a, b = i, i
    while b < len(s) and (
        s[b] in DIGITS or (s[b] in ",." and b + 1 < len(s) and s[b + 1] in DIGITS)
    ):
        b += 1
    while a > 0 and s[a - 1] in _CURRENCY + "(":
        a -= 1
    if "(" in s[a:i]:  # "(1,234.50)" inside text is negative; "(3 of 5)" is not
        if b < len(s) and s[b] == ")":
            b += 1
        else:
            a = s.index("(", a) + 1
    if a > 0 and s[a - 1] in "-−+" and (a == 1 or not _is_alnum(s[a - 2])):
        a -= 1
    return _read_number(s[a:b])


def _read_number(s):
    import decimal

    t = s.strip()
    neg = False
    if t.startswith("(") and t.endswith(")"):
        neg, t = True, t[1:-1].strip()
    for code in ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "INR"):
        if t[:3].upper() == code or t[-3:].upper() == code:
            t = (t[3:] if t[:3].upper() == code else t[:-3]).strip()
            break
    t = t.strip(_CURRENCY + " ").rstrip("%").strip()
    if t and t[0] in "+-−":
        neg, t = neg != (t[0] != "+"), t[1:].strip(_CURRENCY + " ")
    t = t.replace(" ", "").replace("'", "").replace("\u00a0", "")
    if not t or len(t) > 100:
        return None
    mantissa, e, exp = t.partition("e") if "e" in t else t.partition("E")
    power = exp[1:] if exp[:1] in ("+", "-") else exp
    if e and not (power and all(c in DIGITS for c in power) and len(exp) < 5):
        return None
    commas, dots = mantissa.count(","), mantissa.count(".")
    if commas and dots:
        point = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
    elif commas + dots == 1:
        sep = "," if commas else "."
        head, _, tail = mantissa.partition(sep)
        point = "" if len(tail) == 3 and head and sep == "," else sep
    else:
        point = ""
    group = {"": ",.", ",": ".", ".": ","}[point]
    digits = mantissa
    for g in group:
        digits = digits.replace(g, "")
    if point:
        digits = digits.replace(point, ".")
    if not digits or not all(c in DIGITS + "." for c in digits) or digits.count(".") > 1:
        return None
    if digits == ".":
        return None
    value = decimal.Decimal(digits + (e + exp if e else ""))
    return -value if neg else value


def render_number(v, decimals, group, point, rounding, width, scale):
    """Write a number with ``decimals`` places (-1: as many as it has, -2: as few as it
    needs), rounded by the named rule, integer digits zero-padded to ``width``, thousands
    grouped by ``group``. Exact for up to 100 significant digits; None beyond."""
    if v is None or rounding not in ROUNDINGS or abs(scale) > 20 or not 0 <= width <= 50:
        return None
    # (Keyed by the digits as written: 1.0 and 1.00 are equal numbers written apart.)
    return _rendered(v.as_tuple(), decimals, group, point, rounding, width, scale)


@lru_cache(maxsize=65536)
def _rendered(digits, decimals, group, point, rounding, width, scale):
    import decimal

    with decimal.localcontext(decimal.Context(prec=100)):
        v = decimal.Decimal(digits).scaleb(scale)
        return _render_number(v, decimals, group, point, rounding, width)


def _render_number(v, decimals, group, point, rounding, width):
    import decimal

    if decimals >= 0:
        mode = {
            "half-even": decimal.ROUND_HALF_EVEN,
            "half-up": decimal.ROUND_HALF_UP,
            "down": decimal.ROUND_DOWN,
            "up": decimal.ROUND_UP,
            "floor": decimal.ROUND_FLOOR,
            "ceiling": decimal.ROUND_CEILING,
        }[rounding]
        if decimals > 20 or v.adjusted() > 60 or len(v.as_tuple().digits) > 80:
            return None
        v = v.quantize(decimal.Decimal(1).scaleb(-decimals), rounding=mode)
    elif v.adjusted() > 60 or v.adjusted() < -60:
        return None
    elif decimals == -2:  # as few places as the value needs
        v = v.normalize()
    text = f"{abs(v):f}"
    whole, _, frac = text.partition(".")
    whole = whole.zfill(width)
    if group:
        parts = []
        while len(whole) > 3:
            parts.append(whole[-3:])
            whole = whole[:-3]
        whole = group.join([whole, *reversed(parts)])
    sign = "-" if v < 0 and any(c not in "0" for c in text if c != ".") else ""
    return sign + whole + (point + frac if frac else "")


def format_number(s, decimals, group, point, rounding, width, scale):
    return render_number(parse_number(s), decimals, group, point, rounding, width, scale)


def bucket(s, width):
    """The range of ``width`` integers holding the number: 23 with width 10 is "20-29"."""
    import decimal

    v = parse_number(s)
    if v is None or width <= 0 or v.adjusted() > 60:
        return None
    with decimal.localcontext(decimal.Context(prec=100)):
        low = int((v / width).to_integral_value(decimal.ROUND_FLOOR)) * width
    return f"{low}-{low + width - 1}"


def compare_number(s, threshold):
    """-1, 0 or 1 as the number in ``s`` is below, at or above ``threshold`` (a decimal)."""
    import decimal

    v = parse_number(s)
    if v is None or threshold is None:
        return None
    try:
        t = decimal.Decimal(threshold)
        return (v > t) - (v < t)
    except (decimal.InvalidOperation, ValueError):
        return None


def at_least(s, threshold):
    c = compare_number(s, threshold)
    return None if c is None else c >= 0


def above(s, threshold):
    c = compare_number(s, threshold)
    return None if c is None else c > 0

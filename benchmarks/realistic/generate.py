"""Generate the `realistic` benchmark suite: Flash-Fill-style string tasks over fake but
realistic data (names, addresses, phones, dates, money, ...).

Every task is declared right next to its reference function with the ``@task`` decorator:

    @task("phone-area-code", "phones", gen_phone_any)
    def _(s):
        return digits(s)[-10:-7]

``gen`` makes the inputs of one example (a string, or a tuple of strings for several columns)
from a ``G`` (seeded ``random.Random`` + seeded Faker instances + example index ``i``); the
decorated function is the reference: plain Python that maps the inputs to the output string.
Every output in the suite is produced by calling the reference on that example's inputs.

When a reference has branches, ``branch=`` names a function of the inputs; examples are then
interleaved round-robin across branches so that the first 4 (the observed ones) show every
branch (up to 4 of them).

Run:  .venv/bin/python benchmarks/realistic/generate.py   ->  benchmarks/realistic/realistic.json
The output is byte-for-byte reproducible for a given Faker version (see README.md).

This script deliberately does not import ``likewise``.
"""

from __future__ import annotations

import calendar
import json
import math
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

from faker import Faker

SEED = 20240515
N_EXAMPLES = 10
POOL = 60  # distinct candidates generated per task before selecting 10
OUT = Path(__file__).with_name("realistic.json")
LOCALES = ["en_US", "de_DE", "es_ES", "fr_FR", "vi_VN"]
CATEGORIES = [
    "dates",
    "times",
    "numbers",
    "currency",
    "conditionals",
    "names",
    "addresses",
    "phones",
    "emails",
    "urls",
    "paths",
    "codes",
    "multicolumn",
]

Faker.seed(SEED)
_FAKERS = {loc: Faker(loc) for loc in LOCALES}


class G:
    """What an input generator gets: ``r`` (random.Random), ``f(locale)`` (Faker), ``i``."""

    def __init__(self, r: random.Random, i: int):
        self.r = r
        self.i = i

    def f(self, locale: str = "en_US") -> Faker:
        return _FAKERS[locale]


@dataclass
class Task:
    name: str
    category: str
    gen: Callable[[G], object]
    ref: Callable[..., str]
    branch: Callable[..., object] | None = None
    tags: tuple[str, ...] = ()
    examples: list = field(default_factory=list)


TASKS: list[Task] = []


def task(name: str, category: str, gen, branch=None, tags=()):
    assert category in CATEGORIES, category

    def deco(ref):
        TASKS.append(Task(name, category, gen, ref, branch, tuple(tags)))
        return ref

    return deco


def build(t: Task) -> list[dict]:
    seed = zlib.crc32(f"{SEED}:{t.name}".encode())
    r = random.Random(seed)
    for k, fk in enumerate(_FAKERS.values()):
        fk.seed_instance(seed + k)
    pool: list[tuple[str, ...]] = []
    seen: set[tuple[str, ...]] = set()
    attempt = 0
    while len(pool) < POOL and attempt < POOL * 20:
        raw = t.gen(G(r, attempt))
        attempt += 1
        inputs = (raw,) if isinstance(raw, str) else tuple(raw)
        assert all(isinstance(s, str) for s in inputs), (t.name, inputs)
        if inputs not in seen:
            seen.add(inputs)
            pool.append(inputs)
    assert len(pool) >= N_EXAMPLES, (t.name, len(pool))
    if t.branch is None:
        chosen = pool[:N_EXAMPLES]
    else:
        groups: dict[object, list] = {}
        for inp in pool:
            groups.setdefault(t.branch(*inp), []).append(inp)
        chosen, queues = [], list(groups.values())
        while len(chosen) < N_EXAMPLES:
            for q in queues:
                if q and len(chosen) < N_EXAMPLES:
                    chosen.append(q.pop(0))
    examples, by_input = [], {}
    for inp in chosen:
        out = t.ref(*inp)
        assert isinstance(out, str), (t.name, inp, out)
        assert by_input.setdefault(inp, out) == out, (t.name, inp)
        examples.append({"inputs": list(inp), "output": out})
    assert len(examples) == N_EXAMPLES and len(set(chosen)) == N_EXAMPLES, t.name
    return examples


# ----------------------------------------------------------------------------- helpers

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MON = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DE_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rdate(g: G, lo: int = 1998, hi: int = 2029) -> date:
    start = date(lo, 1, 1)
    return start + timedelta(days=g.r.randrange((date(hi, 12, 31) - start).days + 1))


def iso(d: date) -> str:
    return d.isoformat()


def parse_iso(s: str) -> date:
    return date.fromisoformat(s)


def h12(h: int, m: int) -> str:
    return f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"


def dec(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


def fmt_money(d: Decimal) -> str:
    return f"{d.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"


def plain(d: Decimal) -> str:
    """A Decimal without exponent or trailing zeros."""
    s = format(d.normalize(), "f")
    return s


def single_word(g: G, fn) -> str:
    while True:
        w = fn()
        if " " not in w and "." not in w:
            return w


def first_name(g: G, loc="en_US") -> str:
    return single_word(g, g.f(loc).first_name)


def last_name(g: G, loc="en_US") -> str:
    return single_word(g, g.f(loc).last_name)


def vi_name(g: G) -> str:
    f = g.f("vi_VN")
    given = f.first_name_male() if g.r.random() < 0.5 else f.first_name_female()
    return f"{f.last_name()} {f.middle_name()} {given}"


def person(g: G, loc="en_US", middle: float = 0.0) -> str:
    """First [Middle] Last, single-word parts; middle with probability ``middle``."""
    if loc == "vi_VN":
        return vi_name(g)
    parts = [first_name(g, loc)]
    if g.r.random() < middle:
        parts.append(first_name(g, loc))
    parts.append(last_name(g, loc))
    return " ".join(parts)


def person_alt_middle(loc="en_US"):
    """Names where every other example has a middle name (so the first 4 show both)."""

    def gen(g: G) -> str:
        return person(g, loc, middle=1.0 if g.i % 2 else 0.0)

    return gen


def ascii_person(g: G, middle=0.0) -> str:
    while True:
        n = person(g, "en_US", middle)
        if n.isascii() and "'" not in n:
            return n


def us_phone_digits(g: G) -> str:
    return (
        f"{g.r.randint(2, 9)}{g.r.randint(0, 9)}{g.r.randint(0, 9)}"
        f"{g.r.randint(2, 9)}{g.r.randint(0, 9)}{g.r.randint(0, 9)}{g.r.randint(0, 9999):04d}"
    )


PHONE_STYLES = [
    "({a}) {b}-{c}",
    "{a}-{b}-{c}",
    "{a}.{b}.{c}",
    "+1 {a} {b} {c}",
    "{a} {b} {c}",
    "1-{a}-{b}-{c}",
    "+1 ({a}) {b}-{c}",
]


def fmt_phone(d: str, style: str) -> str:
    return style.format(a=d[:3], b=d[3:6], c=d[6:])


def gen_phone(style: str):
    return lambda g: fmt_phone(us_phone_digits(g), style)


def gen_phone_any(g: G) -> str:
    return fmt_phone(us_phone_digits(g), PHONE_STYLES[g.i % len(PHONE_STYLES)])


def us_street(g: G, apt: float = 0.0) -> str:
    f = g.f()
    s = f"{int(f.building_number())} {f.street_name()}"  # street_address() may already add an apt
    if g.r.random() < apt:
        s += " " + f.secondary_address()
    return s


def us_line(g: G, apt: float = 0.0) -> tuple[str, str, str, str]:
    f = g.f()
    return (
        us_street(g, apt),
        f.city(),
        f.state_abbr(include_territories=False, include_freely_associated_states=False),
        f.zipcode(),
    )


def email_for(g: G, name: str, domain: str | None = None) -> str:
    f = g.f()
    first, last = name.lower().split()[0], name.lower().split()[-1]
    local = g.r.choice(
        [
            f"{first}.{last}",
            f"{first[0]}{last}",
            f"{first}_{last}",
            f"{first}{g.r.randint(1, 99)}",
            f"{last}.{first}",
        ]
    )
    return f"{local}@{domain or g.r.choice([f.free_email_domain(), f.domain_name()])}"


def money_str(g: G, lo=1, hi=99999, places=None) -> Decimal:
    cents = g.r.randint(lo * 100, hi * 100)
    # log-uniform-ish magnitudes: shrink some
    cents //= 10 ** g.r.randint(0, 3)
    d = Decimal(cents) / 100
    return d


# ----------------------------------------------------------------------------- dates (42)


def gen_iso(g):
    return iso(rdate(g))


@task("date-iso-to-dmy-slash", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@task("date-iso-to-mdy-slash", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


@task("date-mdy-slash-to-long", "dates", lambda g: rdate(g).strftime("%m/%d/%Y"))
def _(s):
    m, d, y = s.split("/")
    return f"{MONTHS[int(m) - 1]} {int(d)}, {y}"


@task(
    "date-dmy-abbr-to-iso",
    "dates",
    lambda g: (lambda d: f"{d.day} {MON[d.month - 1]} {d.year}")(rdate(g)),
)
def _(s):
    d, m, y = s.split()
    return f"{y}-{MON.index(m) + 1:02d}-{int(d):02d}"


@task("date-iso-to-weekday-long", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}"


@task("date-iso-weekday-name", "dates", gen_iso)
def _(s):
    return WEEKDAYS[parse_iso(s).weekday()]


@task("date-dmy-slash-weekday-abbr", "dates", lambda g: rdate(g).strftime("%d/%m/%Y"))
def _(s):
    d, m, y = map(int, s.split("/"))
    return WEEKDAYS[date(y, m, d).weekday()][:3]


@task(
    "date-mdy-2digit-year-to-iso",
    "dates",
    lambda g: (lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}")(rdate(g, 2000, 2029)),
)
def _(s):
    m, d, y = s.split("/")
    return f"20{y}-{int(m):02d}-{int(d):02d}"


def gen_iso_no_teen_day(g):
    """ISO dates avoiding days 11-13, whose "th" can't be told from "1st/2nd/3rd" in 4 rows."""
    while (d := rdate(g)).day in (11, 12, 13):
        pass
    return iso(d)


@task(
    "date-iso-to-ordinal-long",
    "dates",
    gen_iso_no_teen_day,
    branch=lambda s: ordinal(int(s[-2:]))[-2:],
)
def _(s):
    d = parse_iso(s)
    return f"{MONTHS[d.month - 1]} {ordinal(d.day)}, {d.year}"


@task(
    "date-ordinal-long-to-iso",
    "dates",
    lambda g: (lambda d: f"{MONTHS[d.month - 1]} {ordinal(d.day)}, {d.year}")(rdate(g)),
    branch=lambda s: s.split()[1][-3:-1],
)
def _(s):
    m, d, y = s.replace(",", "").split()
    return f"{y}-{MONTHS.index(m) + 1:02d}-{int(d[:-2]):02d}"


@task("date-iso-year", "dates", gen_iso)
def _(s):
    return s[:4]


@task(
    "date-long-month-name",
    "dates",
    lambda g: (lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}")(rdate(g)),
)
def _(s):
    return s.split()[0]


@task("date-iso-to-quarter", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


@task("date-iso-first-of-month", "dates", gen_iso)
def _(s):
    return parse_iso(s).replace(day=1).isoformat()


@task("date-iso-last-of-month", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return d.replace(day=calendar.monthrange(d.year, d.month)[1]).isoformat()


@task("date-iso-monday-of-week", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return (d - timedelta(days=d.weekday())).isoformat()


@task("date-iso-quarter-start", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1).isoformat()


@task("date-iso-to-month-year-abbr", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{MON[d.month - 1]} {d.year}"


@task("date-iso-to-month-year-long", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{MONTHS[d.month - 1]} {d.year}"


@task("date-mdy-to-year-month", "dates", lambda g: rdate(g).strftime("%m/%d/%Y"))
def _(s):
    m, d, y = s.split("/")
    return f"{y}-{m}"


@task(
    "date-dmy-ambiguous-to-iso",
    "dates",
    lambda g: rdate(g).strftime("%d/%m/%Y"),
    branch=lambda s: int(s[:2]) > 12,
)
def _(s):
    d, m, y = s.split("/")
    return f"{y}-{m}-{d}"


@task(
    "date-mdy-ambiguous-to-iso",
    "dates",
    lambda g: rdate(g).strftime("%m/%d/%Y"),
    branch=lambda s: int(s[3:5]) > 12,
)
def _(s):
    m, d, y = s.split("/")
    return f"{y}-{m}-{d}"


@task(
    "date-dmy-ambiguous-to-long",
    "dates",
    lambda g: rdate(g).strftime("%d/%m/%Y"),
    branch=lambda s: int(s[:2]) > 12,
)
def _(s):
    d, m, y = s.split("/")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def gen_dt(g):
    d = rdate(g)
    return datetime(
        d.year, d.month, d.day, g.r.randrange(24), g.r.randrange(0, 60, 5), 0
    ).isoformat()


@task("datetime-iso-to-readable", "dates", gen_dt, branch=lambda s: int(s[11:13]) >= 12)
def _(s):
    t = datetime.fromisoformat(s)
    return f"{t.day} {MON[t.month - 1]} {t.year} {h12(t.hour, t.minute)}"


@task("datetime-iso-date-part", "dates", lambda g: gen_dt(g).replace("T", " "))
def _(s):
    return s.split(" ")[0]


@task("datetime-iso-z-to-date-time", "dates", lambda g: gen_dt(g) + "Z")
def _(s):
    return s[:10] + " " + s[11:16]


@task(
    "datetime-us-12h-to-iso",
    "dates",
    lambda g: (lambda t: f"{t:%m/%d/%Y} {h12(t.hour, t.minute)}")(
        datetime.fromisoformat(gen_dt(g))
    ),
    branch=lambda s: s.endswith("PM"),
)
def _(s):
    d, hm, ampm = s.split()
    m, dd, y = d.split("/")
    h, mi = map(int, hm.split(":"))
    h = h % 12 + (12 if ampm == "PM" else 0)
    return f"{y}-{m}-{dd} {h:02d}:{mi:02d}"


@task("date-iso-to-dmy-dot", "dates", gen_iso, tags=("de",))
def _(s):
    d = parse_iso(s)
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


@task("date-dmy-dot-to-iso", "dates", lambda g: rdate(g).strftime("%d.%m.%Y"), tags=("de",))
def _(s):
    d, m, y = s.split(".")
    return f"{y}-{m}-{d}"


@task("date-iso-to-compact", "dates", gen_iso)
def _(s):
    return s.replace("-", "")


@task("date-compact-to-iso", "dates", lambda g: rdate(g).strftime("%Y%m%d"))
def _(s):
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


@task(
    "date-long-to-dmy-abbr-dash",
    "dates",
    lambda g: (lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}")(rdate(g)),
)
def _(s):
    m, d, y = s.replace(",", "").split()
    return f"{int(d):02d}-{m[:3]}-{y}"


@task(
    "date-abbr-dash-to-mdy",
    "dates",
    lambda g: (lambda d: f"{d.day:02d}-{MON[d.month - 1]}-{d.year}")(rdate(g)),
)
def _(s):
    d, m, y = s.split("-")
    return f"{MON.index(m) + 1:02d}/{d}/{y}"


@task("date-iso-to-dmy-2digit-year", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"


@task(
    "date-mdy-unpadded-to-padded",
    "dates",
    lambda g: (lambda d: f"{d.month}/{d.day}/{d.year}")(rdate(g)),
    branch=lambda s: (len(s.split("/")[0]), len(s.split("/")[1])),
)
def _(s):
    m, d, y = s.split("/")
    return f"{int(m):02d}/{int(d):02d}/{y}"


@task(
    "date-weekday-long-strip-weekday",
    "dates",
    lambda g: (lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}")(
        rdate(g)
    ),
)
def _(s):
    return s.split(", ", 1)[1]


@task(
    "date-weekday-long-to-iso",
    "dates",
    lambda g: (lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}")(
        rdate(g)
    ),
)
def _(s):
    _, md, y = s.split(", ")
    m, d = md.split()
    return f"{y}-{MONTHS.index(m) + 1:02d}-{int(d):02d}"


@task(
    "date-iso-plus-7-days",
    "dates",
    gen_iso,
    branch=lambda s: parse_iso(s).month != (parse_iso(s) + timedelta(days=7)).month,
)
def _(s):
    return (parse_iso(s) + timedelta(days=7)).isoformat()


@task("date-iso-to-us-abbr", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{MON[d.month - 1]} {d.day}, {d.year}"


@task(
    "date-us-abbr-to-iso",
    "dates",
    lambda g: (lambda d: f"{MON[d.month - 1]} {d.day}, {d.year}")(rdate(g)),
)
def _(s):
    m, d, y = s.replace(",", "").split()
    return f"{y}-{MON.index(m) + 1:02d}-{int(d):02d}"


SHIP_TEMPLATES = [
    "Order shipped on {d} via {c}",
    "Delivered {d} to front desk",
    "Shipped {d} ({c} tracking)",
    "{c}: picked up {d}",
]


@task(
    "date-extract-from-sentence-to-iso",
    "dates",
    lambda g: g.r.choice(SHIP_TEMPLATES).format(
        d=(lambda d: f"{d.day} {MON[d.month - 1]} {d.year}")(rdate(g)),
        c=g.r.choice(["UPS", "FedEx", "DHL", "USPS"]),
    ),
)
def _(s):
    d, m, y = re.search(r"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", s).groups()
    return f"{y}-{MON.index(m) + 1:02d}-{int(d):02d}"


@task("date-iso-to-month-day-abbr", "dates", gen_iso)
def _(s):
    d = parse_iso(s)
    return f"{MON[d.month - 1]} {d.day}"


@task(
    "date-german-long-to-iso",
    "dates",
    lambda g: (lambda d: f"{d.day}. {DE_MONTHS[d.month - 1]} {d.year}")(rdate(g)),
    tags=("de",),
)
def _(s):
    d, m, y = s.split()
    return f"{y}-{DE_MONTHS.index(m) + 1:02d}-{int(d[:-1]):02d}"


@task("date-iso-to-french-long", "dates", gen_iso, tags=("fr",))
def _(s):
    d = parse_iso(s)
    return f"{d.day} {FR_MONTHS[d.month - 1]} {d.year}"


@task(
    "date-iso-month-number",
    "dates",
    lambda g: (lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}")(rdate(g)),
)
def _(s):
    return str(MONTHS.index(s.split()[0]) + 1)


# ----------------------------------------------------------------------------- times (16)


def gen_hm(g):
    return f"{g.r.randrange(24):02d}:{g.r.randrange(60):02d}"


def hour_branch(s):
    h = int(s.split(":")[0])
    return 0 if h == 0 else 1 if h < 12 else 2 if h == 12 else 3


def gen_hm_edges(g):
    h = (
        [0, g.r.randrange(1, 12), 12, g.r.randrange(13, 24)][g.i % 4]
        if g.i < 8
        else g.r.randrange(24)
    )
    return f"{h:02d}:{g.r.randrange(60):02d}"


@task("time-24h-to-12h", "times", gen_hm_edges, branch=hour_branch)
def _(s):
    h, m = map(int, s.split(":"))
    return h12(h, m)


def gen_12h_loose(g):
    h = (
        [12, g.r.randrange(1, 12), 12, g.r.randrange(1, 12)][g.i % 4]
        if g.i < 8
        else g.r.randrange(1, 13)
    )
    ampm = ["am", "am", "pm", "pm"][g.i % 4] if g.i < 8 else g.r.choice(["am", "pm"])
    if g.r.random() < 0.5:
        ampm = ampm.upper()
    sep = g.r.choice([" ", " ", ""])
    return f"{h}:{g.r.randrange(60):02d}{sep}{ampm}"


@task(
    "time-12h-to-24h",
    "times",
    gen_12h_loose,
    branch=lambda s: (s.startswith("12:"), s.lower().endswith("pm")),
)
def _(s):
    hm, ampm = s[:-2].strip(), s[-2:].lower()
    h, m = map(int, hm.split(":"))
    h = h % 12 + (12 if ampm == "pm" else 0)
    return f"{h:02d}:{m:02d}"


@task("time-floor-hour", "times", gen_hm)
def _(s):
    return s[:3] + "00"


def gen_hm_some_half(g):
    m = 30 if g.i % 3 == 0 else g.r.randrange(60)
    return f"{g.r.randrange(23):02d}:{m:02d}"


@task(
    "time-round-nearest-hour-half-up",
    "times",
    gen_hm_some_half,
    branch=lambda s: (int(s[3:]) >= 30, s.endswith(":30")),
)
def _(s):
    h, m = map(int, s.split(":"))
    return f"{h + (m >= 30):02d}:00"


@task("time-floor-15-min", "times", gen_hm)
def _(s):
    h, m = map(int, s.split(":"))
    return f"{h:02d}:{m // 15 * 15:02d}"


@task(
    "time-round-nearest-15-min",
    "times",
    lambda g: f"{g.r.randrange(23):02d}:{g.r.randrange(60):02d}",
    branch=lambda s: int(s[3:]) % 15 >= 8,
)
def _(s):
    h, m = map(int, s.split(":"))
    q = (m + 7) // 15 * 15
    return f"{h + q // 60:02d}:{q % 60:02d}"


@task("time-extract-hour", "times", lambda g: gen_hm(g) + f":{g.r.randrange(60):02d}")
def _(s):
    return s.split(":")[0]


@task(
    "time-slot-plus-30-min",
    "times",
    lambda g: f"{g.r.randrange(7, 20)}:{g.r.choice([0, 15, 30, 45]):02d}",
    branch=lambda s: int(s.split(":")[1]) >= 30,
)
def _(s):
    h, m = map(int, s.split(":"))
    e = h * 60 + m + 30
    return f"{h}:{m:02d}-{e // 60}:{e % 60:02d}"


@task(
    "time-strip-timezone",
    "times",
    lambda g: gen_hm(g) + ["", " UTC", " EST", "", " GMT", " CET", "Z"][g.i % 7],
    branch=lambda s: s[5:].strip() == "",
)
def _(s):
    return s[:5]


@task("time-hms-to-hm", "times", lambda g: gen_hm(g) + f":{g.r.randrange(60):02d}")
def _(s):
    return s[:5]


@task(
    "time-duration-to-minutes", "times", lambda g: f"{g.r.randrange(0, 10)}:{g.r.randrange(60):02d}"
)
def _(s):
    h, m = map(int, s.split(":"))
    return str(h * 60 + m)


@task("time-minutes-to-duration", "times", lambda g: str(g.r.randrange(5, 600)))
def _(s):
    n = int(s)
    return f"{n // 60}:{n % 60:02d}"


@task(
    "time-12h-to-hour-label",
    "times",
    lambda g: h12(g.r.randrange(24), g.r.randrange(60)),
    branch=lambda s: s[-2:],
)
def _(s):
    return s.split(":")[0] + " " + s[-2:]


@task("time-compact-to-colon", "times", lambda g: gen_hm(g).replace(":", ""))
def _(s):
    return s[:2] + ":" + s[2:]


@task(
    "time-24h-to-short-12h",
    "times",
    lambda g: f"{g.r.randrange(24):02d}:{g.r.choice([0, 0, 15, 30, 45, g.r.randrange(60)]):02d}",
    branch=lambda s: (s.endswith(":00"), int(s[:2]) >= 12),
)
def _(s):
    h, m = map(int, s.split(":"))
    suffix = "am" if h < 12 else "pm"
    return f"{(h % 12) or 12}{suffix}" if m == 0 else f"{(h % 12) or 12}:{m:02d}{suffix}"


@task("time-seconds-to-mmss", "times", lambda g: str(g.r.randrange(3, 3600)))
def _(s):
    n = int(s)
    return f"{n // 60}:{n % 60:02d}"


# ----------------------------------------------------------------------------- numbers (33)


def gen_tie_3dp(g):
    """A positive number with 3 decimals; every 3rd is an exact tie (x.xx5)."""
    whole = g.r.choice([g.r.randrange(10), g.r.randrange(100), g.r.randrange(10000)])
    if g.i % 3 == 0:
        frac = g.r.randrange(100) * 10 + 5
        return f"{whole}.{frac:03d}"
    return (
        f"{whole}.{g.r.randrange(1000):03d}".rstrip("0")
        if g.r.random() < 0.2
        else f"{whole}.{g.r.randrange(1000):03d}"
    )


def tie_branch_2(s):
    frac = s.split(".")[1] if "." in s else ""
    if len(frac) == 3 and frac[2] == "5":
        return "tie-odd" if int(frac[1]) % 2 else "tie-even"
    return "no-tie"


def q(s: str, exp: str, mode) -> str:
    return str(Decimal(s).quantize(Decimal(exp), mode))


@task("number-round-2-half-up", "numbers", gen_tie_3dp, branch=tie_branch_2)
def _(s):
    return q(s, "0.01", ROUND_HALF_UP)


@task("number-round-2-half-even", "numbers", gen_tie_3dp, branch=tie_branch_2)
def _(s):
    return q(s, "0.01", ROUND_HALF_EVEN)


def gen_tie_1dp(g):
    whole = g.r.randrange(200)
    d = 5 if g.i % 2 == 0 else g.r.randrange(10)
    return f"{whole}.{d}" + ("" if g.r.random() < 0.7 else str(g.r.randrange(10)))


def tie_branch_0(s):
    w, f = s.split(".")
    return ("tie-odd" if int(w) % 2 else "tie-even") if f == "5" else ("up" if f >= "5" else "down")


@task("number-round-0-half-up", "numbers", gen_tie_1dp, branch=tie_branch_0)
def _(s):
    return q(s, "1", ROUND_HALF_UP)


@task("number-round-0-half-even", "numbers", gen_tie_1dp, branch=tie_branch_0)
def _(s):
    return q(s, "1", ROUND_HALF_EVEN)


def gen_signed_2dp(g):
    v = f"{g.r.randrange(500)}.{g.r.randrange(1, 100):02d}"
    return ("-" + v) if g.i % 2 else v


@task("number-floor-int", "numbers", gen_signed_2dp, branch=lambda s: s.startswith("-"))
def _(s):
    return str(math.floor(Decimal(s)))


@task("number-ceil-int", "numbers", gen_signed_2dp, branch=lambda s: s.startswith("-"))
def _(s):
    return str(math.ceil(Decimal(s)))


@task(
    "number-truncate-1-decimal",
    "numbers",
    lambda g: ("-" if g.i % 2 else "") + f"{g.r.randrange(1000)}.{g.r.randrange(1000):03d}",
    branch=lambda s: s.startswith("-"),
)
def _(s):
    return q(s, "0.1", ROUND_DOWN)


@task(
    "number-round-1-half-up",
    "numbers",
    lambda g: (
        f"{g.r.randrange(1000)}.{g.r.randrange(10)}{5 if g.i % 3 == 0 else g.r.randrange(10)}"
    ),
    branch=lambda s: s[-1] == "5",
)
def _(s):
    return q(s, "0.1", ROUND_HALF_UP)


def gen_int_magnitude(g, lo_digits=1, hi_digits=9):
    n = g.r.randint(lo_digits, hi_digits)
    return str(g.r.randrange(10 ** (n - 1), 10**n))


@task("number-thousands-separator", "numbers", lambda g: gen_int_magnitude(g, 3, 10))
def _(s):
    return f"{int(s):,}"


@task(
    "number-thousands-separator-2dp",
    "numbers",
    lambda g: (
        gen_int_magnitude(g, 3, 8) + g.r.choice(["", ".5", ".25", f".{g.r.randrange(100):02d}"])
    ),
    branch=lambda s: len(s.split(".")[1]) if "." in s else 0,
)
def _(s):
    return f"{Decimal(s):,.2f}"


@task(
    "number-remove-thousands-separator",
    "numbers",
    lambda g: f"{int(gen_int_magnitude(g, 3, 10)):,}",
)
def _(s):
    return s.replace(",", "")


@task(
    "number-european-to-plain",
    "numbers",
    lambda g: (
        f"{Decimal(gen_int_magnitude(g, 1, 8)) / 100:,.2f}".replace(",", "_")
        .replace(".", ",")
        .replace("_", ".")
    ),
    tags=("de",),
)
def _(s):
    return s.replace(".", "").replace(",", ".")


@task(
    "number-plain-to-european",
    "numbers",
    lambda g: f"{Decimal(gen_int_magnitude(g, 3, 9)) / 100:.2f}",
    tags=("de",),
)
def _(s):
    return f"{Decimal(s):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


@task("number-zero-pad-5", "numbers", lambda g: gen_int_magnitude(g, 1, 5))
def _(s):
    return s.zfill(5)


@task(
    "number-strip-leading-zeros",
    "numbers",
    lambda g: gen_int_magnitude(g, 1, 6).zfill(g.r.randint(6, 8)),
)
def _(s):
    return s.lstrip("0") or "0"


def gen_fraction(g):
    return (
        "0." + str(g.r.randrange(1, 1000)).zfill(3).rstrip("0")
        if g.r.random() < 0.85
        else "1." + str(g.r.randrange(10, 100))
    )


@task("number-fraction-to-percent", "numbers", gen_fraction)
def _(s):
    return plain(Decimal(s) * 100) + "%"


@task(
    "number-percent-to-fraction",
    "numbers",
    lambda g: (
        (
            plain(Decimal(g.r.randrange(1, 1000)) / 10)
            if g.r.random() < 0.7
            else str(g.r.randrange(1, 101))
        )
        + "%"
    ),
)
def _(s):
    return plain(Decimal(s.rstrip("%")) / 100)


@task(
    "number-fraction-to-percent-rounded",
    "numbers",
    lambda g: "0." + f"{g.r.randrange(1, 10000):04d}",
)
def _(s):
    return str((Decimal(s) * 100).quantize(Decimal("1"), ROUND_HALF_UP)) + "%"


@task(
    "number-parentheses-negative-to-signed",
    "numbers",
    lambda g: (lambda v: f"({v})" if g.i % 2 else v)(f"{money_str(g):,.2f}"),
    branch=lambda s: s.startswith("("),
)
def _(s):
    s = s.replace(",", "")
    return "-" + s[1:-1] if s.startswith("(") else s


@task(
    "number-signed-to-parentheses",
    "numbers",
    lambda g: ("-" if g.i % 2 == 0 else "") + plain(money_str(g)),
    branch=lambda s: s.startswith("-"),
)
def _(s):
    d = Decimal(s)
    body = f"{abs(d):,.2f}"
    return f"({body})" if d < 0 else body


def gen_sci(g):
    mant = plain(Decimal(g.r.randrange(10, 1000)) / 100)
    e = g.r.choice([1, 2, 3, 4, 5, 6, -1, -2, -3])
    e = -abs(e) if g.i % 2 else abs(e)
    return f"{mant}{g.r.choice(['e', 'e', 'E'])}{e}"


@task("number-scientific-to-plain", "numbers", gen_sci, branch=lambda s: "-" in s)
def _(s):
    return plain(Decimal(s))


@task("number-bucket-by-10", "numbers", lambda g: str(g.r.randrange(0, 100)))
def _(s):
    lo = int(s) // 10 * 10
    return f"{lo}-{lo + 9}"


@task("number-bucket-by-100", "numbers", lambda g: str(g.r.randrange(0, 1000)))
def _(s):
    lo = int(s) // 100 * 100
    return f"{lo}-{lo + 99}"


@task(
    "number-integer-part",
    "numbers",
    lambda g: f"{gen_int_magnitude(g, 1, 6)}.{gen_int_magnitude(g, 1, 4)}",
)
def _(s):
    return s.split(".")[0]


@task(
    "number-fractional-digits",
    "numbers",
    lambda g: f"{gen_int_magnitude(g, 1, 6)}.{gen_int_magnitude(g, 1, 4)}",
)
def _(s):
    return s.split(".")[1]


@task(
    "number-remove-sign",
    "numbers",
    lambda g: ["-", "+", "", "-"][g.i % 4] + plain(money_str(g, 1, 999)),
    branch=lambda s: s[0] if s[0] in "+-" else "",
)
def _(s):
    return s.lstrip("+-")


@task(
    "number-space-thousands-separator",
    "numbers",
    lambda g: gen_int_magnitude(g, 3, 9),
    tags=("fr",),
)
def _(s):
    return f"{int(s):,}".replace(",", " ")


@task(
    "number-thousands-to-k",
    "numbers",
    lambda g: str(g.r.randrange(1, 10 ** g.r.randint(1, 3)) * 1000),
)
def _(s):
    return f"{int(s) // 1000}K"


@task(
    "number-ordinal-suffix",
    "numbers",
    # last digit cycles 1, 2, 3, other; tens digit never 1 (no 11th-13th: not learnable from 4 rows)
    lambda g: str(
        ([1, 2, 3, g.r.choice([4, 5, 6, 7, 8, 9, 0])][g.i % 4])
        + 10 * (g.r.choice([0, 0, 2, 3, 4, 5, 6, 7, 8, 9]) + 10 * g.r.choice([0, 0, 0, 1, 2]))
        or 10
    ),
    branch=lambda s: ordinal(int(s))[-2:],
)
def _(s):
    return ordinal(int(s))


@task(
    "number-explicit-plus-sign",
    "numbers",
    lambda g: ("-" if g.i % 2 else "") + str(g.r.randrange(1, 500)),
    branch=lambda s: s.startswith("-"),
)
def _(s):
    return s if s.startswith("-") else "+" + s


@task(
    "number-swiss-apostrophe-to-plain",
    "numbers",
    lambda g: f"{Decimal(gen_int_magnitude(g, 5, 9)) / 100:,.2f}".replace(",", "'"),
    tags=("ch",),
)
def _(s):
    return s.replace("'", "")


@task(
    "number-fixed-2-decimals",
    "numbers",
    lambda g: [
        str(g.r.randrange(1, 1000)),
        f"{g.r.randrange(1000)}.{g.r.randrange(1, 10)}",
        f"{g.r.randrange(1000)}.{g.r.randrange(10, 100)}",
    ][g.i % 3],
    branch=lambda s: len(s.split(".")[1]) if "." in s else 0,
)
def _(s):
    return f"{Decimal(s):.2f}"


@task(
    "number-digits-only-from-text",
    "numbers",
    lambda g: g.r.choice(
        ["Qty: {n}", "{n} units", "approx. {n} pcs", "Count = {n}", "#{n}"]
    ).format(n=g.r.randrange(1, 5000)),
)
def _(s):
    return digits(s)


# ----------------------------------------------------------------------------- currency (16)


def gen_usd_loose(g):
    d = money_str(g)
    s = [f"{d:,.0f}" if d == d.to_integral() else f"{d:,.2f}", f"{d:,.2f}"[:-1], f"{d:,.2f}"][
        g.i % 3
    ]
    return "$" + s


@task(
    "currency-usd-to-plain-2dp",
    "currency",
    gen_usd_loose,
    branch=lambda s: len(s.split(".")[1]) if "." in s else 0,
)
def _(s):
    return str(dec(s.lstrip("$")).quantize(Decimal("0.01")))


@task(
    "currency-plain-to-usd",
    "currency",
    lambda g: plain(money_str(g)),
    branch=lambda s: len(s.split(".")[1]) if "." in s else 0,
)
def _(s):
    return "$" + f"{Decimal(s):,.2f}"


@task(
    "currency-eur-code-to-symbol",
    "currency",
    lambda g: "EUR " + f"{money_str(g, 1, 999):.2f}".replace(".", ","),
    tags=("de",),
)
def _(s):
    return s[4:].replace(",", ".") + " €"


@task(
    "currency-eur-german-to-plain",
    "currency",
    lambda g: f"{money_str(g):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") + " €",
    tags=("de",),
)
def _(s):
    return s[:-2].replace(".", "").replace(",", ".")


@task(
    "currency-usd-parentheses-to-signed",
    "currency",
    lambda g: (lambda v: f"(${v})" if g.i % 2 else f"${v}")(f"{money_str(g):,.2f}"),
    branch=lambda s: s.startswith("("),
)
def _(s):
    neg = s.startswith("(")
    v = s.strip("()$").replace(",", "")
    return "-" + v if neg else v


@task(
    "currency-cents-to-dollars",
    "currency",
    lambda g: str(g.r.randrange(1, 10 ** g.r.randint(3, 8))),
)
def _(s):
    return "$" + f"{Decimal(int(s)) / 100:,.2f}"


@task("currency-dollars-to-cents", "currency", lambda g: "$" + f"{money_str(g, 1, 9999):.2f}")
def _(s):
    return str(int(Decimal(s[1:]) * 100))


@task("currency-gbp-to-code", "currency", lambda g: "£" + f"{money_str(g):,.2f}", tags=("uk",))
def _(s):
    return "GBP " + s[1:].replace(",", "")


@task(
    "currency-usd-round-to-dollar-half-up",
    "currency",
    lambda g: (
        "$"
        + f"{(money_str(g) if g.i % 3 else (money_str(g).to_integral_value(ROUND_DOWN) + Decimal('0.50'))):,.2f}"
    ),
    branch=lambda s: s.endswith(".50"),
)
def _(s):
    return "$" + f"{dec(s[1:]).quantize(Decimal('1'), ROUND_HALF_UP):,}"


@task("currency-usd-code-suffix-to-symbol", "currency", lambda g: f"{money_str(g):.2f} USD")
def _(s):
    return "$" + f"{Decimal(s.split()[0]):,.2f}"


@task(
    "currency-yen-to-code",
    "currency",
    lambda g: "¥" + f"{g.r.randrange(100, 10 ** g.r.randint(3, 8)):,}",
    tags=("jp",),
)
def _(s):
    return s[1:] + " JPY"


@task(
    "currency-add-10pct-tax",
    "currency",
    lambda g: (
        "$"
        + f"{Decimal(g.r.randrange(1, 2000)) * g.r.choice([1, 1, Decimal('0.5'), Decimal('0.1')]):.2f}"
    ),
)
def _(s):
    return "$" + str((Decimal(s[1:]) * Decimal("1.1")).quantize(Decimal("0.01"), ROUND_HALF_UP))


@task(
    "currency-amount-from-text",
    "currency",
    lambda g: g.r.choice(
        ["Total due: ${v}", "Amount paid ${v} on card", "Balance: ${v}", "Refund of ${v} issued"]
    ).format(v=f"{money_str(g):,.2f}"),
)
def _(s):
    return re.search(r"\$([\d,]+\.\d\d)", s).group(1).replace(",", "")


@task("currency-inr-to-code", "currency", lambda g: "Rs. " + f"{money_str(g):,.2f}", tags=("in",))
def _(s):
    return "INR " + s[4:].replace(",", "")


@task(
    "currency-symbol-to-code",
    "currency",
    lambda g: ["$", "€", "£"][g.i % 3] + f"{money_str(g, 1, 9999):.2f}",
    branch=lambda s: s[0],
)
def _(s):
    return {"$": "USD", "€": "EUR", "£": "GBP"}[s[0]] + " " + s[1:]


@task(
    "currency-usd-to-thousands-k",
    "currency",
    lambda g: "$" + f"{g.r.randrange(10, 9999) * 100:,}",
    branch=lambda s: s.endswith(",000"),
)
def _(s):
    n = Decimal(s[1:].replace(",", "")) / 1000
    return "$" + plain(n) + "K"


# ----------------------------------------------------------------------------- conditionals (27)


@task(
    "cond-phone-add-country-code",
    "conditionals",
    lambda g: fmt_phone(us_phone_digits(g), ["{a}-{b}-{c}", "+1 {a}-{b}-{c}"][g.i % 2]),
    branch=lambda s: s.startswith("+"),
)
def _(s):
    return s if s.startswith("+1 ") else "+1 " + s


@task(
    "cond-append-usa-when-missing",
    "conditionals",
    lambda g: (
        f"{g.f().city()}, {g.f().state_abbr(include_territories=False, include_freely_associated_states=False)}"
        + ("" if g.i % 2 == 0 else ", USA")
    ),
    branch=lambda s: s.endswith("USA"),
)
def _(s):
    return s if s.endswith(", USA") else s + ", USA"


@task(
    "cond-code-discontinued-else-number",
    "conditionals",
    lambda g: (
        f"{'X' if g.i % 2 else g.r.choice('ABCDMP')}{g.r.choice('ABCDEFGHJKLMNP')}-{g.r.randrange(100, 99999)}"
    ),
    branch=lambda s: s[0] == "X",
)
def _(s):
    return "discontinued" if s.startswith("X") else s.split("-")[1]


@task(
    "cond-letter-grade",
    "conditionals",
    lambda g: str(
        [
            g.r.randrange(90, 101),
            g.r.randrange(80, 90),
            g.r.randrange(70, 80),
            g.r.randrange(25, 70),
        ][g.i % 4]
    ),
    branch=lambda s: min(max(int(s) // 10, 6), 9),
)
def _(s):
    n = int(s)
    return "A" if n >= 90 else "B" if n >= 80 else "C" if n >= 70 else "F"


@task(
    "cond-sign-label",
    "conditionals",
    lambda g: (
        ["-" + plain(money_str(g, 1, 99)), plain(money_str(g, 1, 99)), "0"][g.i % 3]
        if g.i < 6 or g.i % 3
        else ["0", "0.00", "-0"][g.i // 3 % 3]
    ),
    branch=lambda s: "neg" if Decimal(s) < 0 else "pos" if Decimal(s) > 0 else "zero",
)
def _(s):
    d = Decimal(s)
    return "negative" if d < 0 else "positive" if d > 0 else "zero"


@task(
    "cond-first-name-or-customer",
    "conditionals",
    lambda g: "" if g.i % 3 == 1 else person(g, g.r.choice(["en_US", "fr_FR", "de_DE"]), 0.3),
    branch=lambda s: s == "",
)
def _(s):
    return s.split()[0] if s.strip() else "Customer"


@task(
    "cond-empty-to-na",
    "conditionals",
    lambda g: "" if g.i % 2 else g.f().company(),
    branch=lambda s: s == "",
)
def _(s):
    return s if s else "N/A"


@task(
    "cond-pass-fail-50",
    "conditionals",
    lambda g: str(g.r.randrange(0, 101)),
    branch=lambda s: int(s) >= 50,
)
def _(s):
    return "PASS" if int(s) >= 50 else "FAIL"


@task(
    "cond-even-odd",
    "conditionals",
    lambda g: str(g.r.randrange(0, 10000)),
    branch=lambda s: int(s) % 2,
)
def _(s):
    return "even" if int(s) % 2 == 0 else "odd"


@task(
    "cond-age-group",
    "conditionals",
    lambda g: str([g.r.randrange(1, 18), g.r.randrange(18, 65), g.r.randrange(65, 100)][g.i % 3]),
    branch=lambda s: (int(s) >= 18) + (int(s) >= 65),
)
def _(s):
    n = int(s)
    return "minor" if n < 18 else "adult" if n < 65 else "senior"


@task(
    "cond-http-status-class",
    "conditionals",
    lambda g: str(
        g.r.choice(
            [[200, 201, 204], [301, 302, 304], [400, 401, 403, 404, 429], [500, 502, 503]][g.i % 4]
        )
    ),
    branch=lambda s: s[0],
)
def _(s):
    return {"2": "success", "3": "redirect", "4": "client error", "5": "server error"}[s[0]]


@task(
    "cond-title-from-gender",
    "conditionals",
    lambda g: (["F", "M"][g.i % 2], last_name(g, g.r.choice(["en_US", "de_DE", "fr_FR"]))),
    branch=lambda sex, last: sex,
)
def _(sex, last):
    return ("Ms. " if sex == "F" else "Mr. ") + last


@task(
    "cond-yes-no-normalize",
    "conditionals",
    lambda g: (
        g.r.choice([["Y", "yes", "YES", "Yes", "y"], ["N", "no", "NO", "No", "n"]][g.i % 2])
        + g.r.choice(["", "", " "])
    ),
    branch=lambda s: s.strip().lower()[0],
)
def _(s):
    return "Yes" if s.strip().lower().startswith("y") else "No"


@task(
    "cond-url-add-https-when-missing",
    "conditionals",
    lambda g: (
        ["", "https://", "http://", ""][g.i % 4] + g.r.choice(["", "www."]) + g.f().domain_name()
    ),
    branch=lambda s: s.split(":")[0] if "://" in s else "none",
)
def _(s):
    return s if "://" in s else "https://" + s


@task(
    "cond-name-last-comma-first-to-first-last",
    "conditionals",
    lambda g: (lambda f, last: f"{last}, {f}" if g.i % 2 == 0 else f"{f} {last}")(
        first_name(g), last_name(g)
    ),
    branch=lambda s: "," in s,
)
def _(s):
    if "," in s:
        last, first = [p.strip() for p in s.split(",", 1)]
        return f"{first} {last}"
    return s


@task(
    "cond-zip-restore-leading-zero",
    "conditionals",
    lambda g: str([g.r.randrange(1000, 10000), g.r.randrange(10000, 99999)][g.i % 2]),
    branch=lambda s: len(s),
)
def _(s):
    return s.zfill(5)


@task(
    "cond-stock-status",
    "conditionals",
    lambda g: "0" if g.i % 3 == 0 else str(g.r.randrange(1, 250)),
    branch=lambda s: s == "0",
)
def _(s):
    return "Out of stock" if int(s) == 0 else f"In stock ({s})"


@task(
    "cond-pluralize-items",
    "conditionals",
    lambda g: str([1, g.r.randrange(2, 50), 0, g.r.randrange(2, 500)][g.i % 4]),
    branch=lambda s: s == "1",
)
def _(s):
    return f"{s} item" if s == "1" else f"{s} items"


@task(
    "cond-discount-over-100",
    "conditionals",
    lambda g: (
        f"{[g.r.randrange(5, 100), g.r.randrange(100, 900)][g.i % 2]}.{g.r.randrange(100):02d}"
    ),
    branch=lambda s: Decimal(s) >= 100,
)
def _(s):
    return "10%" if Decimal(s) >= 100 else "0%"


@task(
    "cond-middle-initial-if-present",
    "conditionals",
    person_alt_middle("en_US"),
    branch=lambda s: len(s.split()),
)
def _(s):
    p = s.split()
    return f"{p[0]} {p[1][0]}. {p[2]}" if len(p) == 3 else s


@task(
    "cond-clamp-negative-to-zero",
    "conditionals",
    lambda g: ("-" if g.i % 2 else "") + str(g.r.randrange(1, 1000)),
    branch=lambda s: s.startswith("-"),
)
def _(s):
    return "0" if int(s) < 0 else s


@task(
    "cond-cap-at-100",
    "conditionals",
    lambda g: str([g.r.randrange(0, 100), g.r.randrange(101, 400)][g.i % 2]),
    branch=lambda s: int(s) > 100,
)
def _(s):
    return str(min(int(s), 100))


@task(
    "cond-priority-from-subject",
    "conditionals",
    lambda g: ("URGENT: " if g.i % 2 == 0 else "") + g.f().sentence(nb_words=5).rstrip("."),
    branch=lambda s: s.startswith("URGENT"),
)
def _(s):
    return "high" if s.startswith("URGENT:") else "normal"


@task(
    "cond-phone-extension-or-none",
    "conditionals",
    lambda g: (
        fmt_phone(us_phone_digits(g), "{a}-{b}-{c}")
        + (f" x{g.r.randrange(10, 9999)}" if g.i % 2 == 0 else "")
    ),
    branch=lambda s: " x" in s,
)
def _(s):
    return s.split(" x")[1] if " x" in s else "none"


@task(
    "cond-strip-honorific",
    "conditionals",
    lambda g: (
        (g.r.choice(["Dr. ", "Mr. ", "Ms. ", "Mrs. ", "Prof. "]) if g.i % 2 == 0 else "")
        + person(g, "en_US")
    ),
    branch=lambda s: "." in s,
)
def _(s):
    p = s.split(" ", 1)
    return p[1] if p[0].endswith(".") else s


@task(
    "cond-overdue-label",
    "conditionals",
    lambda g: str([g.r.randrange(1, 90), 0, -g.r.randrange(1, 30)][g.i % 3]),
    branch=lambda s: (int(s) > 0) - (int(s) < 0),
)
def _(s):
    n = int(s)
    return f"{n} days overdue" if n > 0 else "on time"


@task(
    "cond-temperature-label",
    "conditionals",
    lambda g: str([g.r.randrange(-20, 10), g.r.randrange(10, 25), g.r.randrange(25, 45)][g.i % 3]),
    branch=lambda s: (int(s) >= 10) + (int(s) >= 25),
)
def _(s):
    n = int(s)
    return "cold" if n < 10 else "mild" if n < 25 else "hot"


# ----------------------------------------------------------------------------- names (21)


@task("names-initials-en", "names", person_alt_middle("en_US"), tags=("en_US",))
def _(s):
    return "".join(p[0] + "." for p in s.split())


@task("names-initials-de", "names", lambda g: person(g, "de_DE", 0.25), tags=("de_DE",))
def _(s):
    return "".join(p[0] + "." for p in s.split())


@task("names-initials-vi", "names", vi_name, tags=("vi_VN",))
def _(s):
    return "".join(p[0] for p in s.split())


@task("names-last-comma-first-initial-en", "names", person_alt_middle("en_US"), tags=("en_US",))
def _(s):
    p = s.split()
    return f"{p[-1]}, {p[0][0]}."


@task("names-last-comma-first-initial-fr", "names", person_alt_middle("fr_FR"), tags=("fr_FR",))
def _(s):
    p = s.split()
    return f"{p[-1]}, {p[0][0]}."


def cap_word(w):
    return "-".join(x[:1].upper() + x[1:] for x in w.split("-"))


@task(
    "names-proper-case-from-lower-en",
    "names",
    lambda g: person(g, "en_US", 0.3).lower(),
    tags=("en_US",),
)
def _(s):
    return " ".join(cap_word(w) for w in s.split(" "))


@task(
    "names-proper-case-from-upper-de",
    "names",
    lambda g: person(g, "de_DE", 0.2).upper(),
    tags=("de_DE",),
)
def _(s):
    return " ".join(cap_word(w.lower()) for w in s.split(" "))


@task(
    "names-proper-case-from-lower-es",
    "names",
    lambda g: person(g, "es_ES", 0.3).lower(),
    tags=("es_ES",),
)
def _(s):
    return " ".join(cap_word(w) for w in s.split(" "))


@task("names-first-name-en", "names", person_alt_middle("en_US"), tags=("en_US",))
def _(s):
    return s.split()[0]


@task("names-first-name-fr", "names", person_alt_middle("fr_FR"), tags=("fr_FR",))
def _(s):
    return s.split()[0]


@task("names-last-name-de", "names", person_alt_middle("de_DE"), tags=("de_DE",))
def _(s):
    return s.split()[-1]


@task("names-last-upper-comma-first", "names", lambda g: person(g, "en_US"), tags=("en_US",))
def _(s):
    f, last = s.split()
    return f"{last.upper()}, {f}"


@task(
    "names-first-last-to-last-comma-first-es",
    "names",
    lambda g: person(g, "es_ES"),
    tags=("es_ES",),
)
def _(s):
    f, last = s.split()
    return f"{last}, {f}"


@task("names-username-initial-last", "names", lambda g: ascii_person(g), tags=("en_US",))
def _(s):
    f, last = s.split()
    return (f[0] + last).lower()


@task("names-middle-initial", "names", lambda g: person(g, "en_US", 1.0), tags=("en_US",))
def _(s):
    return s.split()[1][0]


@task(
    "names-first-and-last-initial",
    "names",
    lambda g: person(g, g.r.choice(["en_US", "fr_FR", "de_DE"])),
)
def _(s):
    f, last = s.split()
    return f"{f} {last[0]}."


@task("names-greeting-first", "names", lambda g: person(g, g.r.choice(["en_US", "es_ES"]), 0.3))
def _(s):
    return f"Hi {s.split()[0]},"


@task("names-vi-family-name", "names", vi_name, tags=("vi_VN",))
def _(s):
    return s.split()[0]


@task("names-vi-given-name", "names", vi_name, tags=("vi_VN",))
def _(s):
    return s.split()[-1]


@task(
    "names-es-first-surname",
    "names",
    lambda g: f"{first_name(g, 'es_ES')} {last_name(g, 'es_ES')} {last_name(g, 'es_ES')}",
    tags=("es_ES",),
)
def _(s):
    return s.split()[1]


@task(
    "names-collapse-spaces",
    "names",
    lambda g: (
        lambda p: (
            g.r.choice(["", " ", "  "])
            + (" " * g.r.randint(1, 3)).join(p)
            + g.r.choice(["", " ", "   "])
        )
    )(person(g, g.r.choice(["en_US", "fr_FR", "de_DE"]), 0.3).split()),
    branch=lambda s: s != s.strip(),
)
def _(s):
    return " ".join(s.split())


# ----------------------------------------------------------------------------- addresses (13)


def gen_us_oneline(apt=0.0):
    def gen(g):
        st, city, state, z = us_line(g, apt)
        return f"{st}, {city}, {state} {z}"

    return gen


def gen_us_oneline_alt_apt(g):
    st, city, state, z = us_line(g, 0.0)
    if g.i % 2:
        st += " " + g.f().secondary_address()
    return f"{st}, {city}, {state} {z}"


@task("addr-zip-from-line", "addresses", gen_us_oneline(0.3))
def _(s):
    return s.split()[-1]


@task("addr-state-from-line", "addresses", gen_us_oneline(0.3))
def _(s):
    return s.split()[-2]


@task("addr-city-from-line", "addresses", gen_us_oneline_alt_apt)
def _(s):
    return s.split(", ")[-2]


@task("addr-street-number", "addresses", gen_us_oneline(0.3))
def _(s):
    return s.split()[0]


@task(
    "addr-street-line-with-optional-apt",
    "addresses",
    gen_us_oneline_alt_apt,
    branch=lambda s: ("Apt." in s) or ("Suite" in s),
)
def _(s):
    return s.split(", ")[0]


@task(
    "addr-zip5-from-zip",
    "addresses",
    lambda g: g.f().zipcode_plus4() if g.i % 2 == 0 else g.f().zipcode(),
    branch=lambda s: "-" in s,
)
def _(s):
    return s[:5]


@task(
    "addr-apartment-number-or-dash",
    "addresses",
    gen_us_oneline_alt_apt,
    branch=lambda s: ("Apt." in s) or ("Suite" in s),
)
def _(s):
    m = re.search(r"(?:Apt\.|Suite) (\w+)", s)
    return m.group(1) if m else "-"


def gen_de_addr(g):
    f = g.f("de_DE")
    return f"{f.street_address()}, {f.postcode()} {f.city()}"


@task("addr-de-postcode", "addresses", gen_de_addr, tags=("de_DE",))
def _(s):
    return re.search(r", (\d{5}) ", s).group(1)


@task("addr-de-city", "addresses", gen_de_addr, tags=("de_DE",))
def _(s):
    return s.rsplit(", ", 1)[1].split(" ", 1)[1]


@task(
    "addr-city-state-proper-case",
    "addresses",
    lambda g: (
        f"{g.f().city()}, {g.f().state_abbr(include_territories=False, include_freely_associated_states=False)}".lower()
    ),
)
def _(s):
    city, state = s.split(", ")
    return " ".join(w.capitalize() for w in city.split()) + ", " + state.upper()


@task(
    "addr-abbreviate-street-type",
    "addresses",
    lambda g: (
        f"{int(g.f().building_number())} {g.f().last_name()} {['Street', 'Avenue', 'Road', 'Street', 'Avenue'][g.i % 5]}"
    ),
    branch=lambda s: s.split()[-1],
)
def _(s):
    abbr = {"Street": "St", "Avenue": "Ave", "Road": "Rd"}
    head, typ = s.rsplit(" ", 1)
    return f"{head} {abbr[typ]}"


def gen_fr_addr(g):
    f = g.f("fr_FR")
    return f"{f.street_address()}, {f.postcode()} {f.city()}"


@task("addr-fr-postcode", "addresses", gen_fr_addr, tags=("fr_FR",))
def _(s):
    return re.search(r", (\d{5}) ", s).group(1)


@task(
    "addr-two-line-to-one-line",
    "addresses",
    lambda g: (lambda a: f"{a[0]}\n{a[1]}, {a[2]} {a[3]}")(us_line(g, 0.3)),
)
def _(s):
    return s.replace("\n", ", ")


# ----------------------------------------------------------------------------- phones (13)


@task("phone-area-code", "phones", gen_phone_any)
def _(s):
    return digits(s)[-10:-7]


@task("phone-digits-only", "phones", gen_phone_any)
def _(s):
    return digits(s)[-10:]


@task("phone-format-parentheses", "phones", lambda g: us_phone_digits(g))
def _(s):
    return fmt_phone(s, "({a}) {b}-{c}")


@task("phone-dots-to-dashes", "phones", gen_phone("{a}.{b}.{c}"))
def _(s):
    return s.replace(".", "-")


@task("phone-any-format-to-dashes", "phones", gen_phone_any)
def _(s):
    return fmt_phone(digits(s)[-10:], "{a}-{b}-{c}")


@task("phone-last-four", "phones", gen_phone_any)
def _(s):
    return digits(s)[-4:]


@task("phone-to-e164", "phones", gen_phone("({a}) {b}-{c}"))
def _(s):
    return "+1" + digits(s)


@task("phone-mask-all-but-last-four", "phones", gen_phone("{a}-{b}-{c}"))
def _(s):
    return "***-***-" + s[-4:]


@task(
    "phone-strip-extension",
    "phones",
    lambda g: (
        fmt_phone(us_phone_digits(g), "{a}-{b}-{c}")
        + ("" if g.i % 2 else g.r.choice([" ext. ", " ext ", " x"]) + str(g.r.randrange(1, 9999)))
    ),
    branch=lambda s: len(s) > 12,
)
def _(s):
    return s[:12]


def gen_de_phone(g):
    area = g.r.choice(["30", "40", "89", "69", "221", "211", "711", "351", "341", "511"])
    return f"0{area} {g.r.randrange(10**5, 10**8)}"


@task("phone-de-national-to-international", "phones", gen_de_phone, tags=("de",))
def _(s):
    return "+49 " + s[1:]


@task(
    "phone-uk-international-to-national",
    "phones",
    lambda g: (
        f"+44 {g.r.choice(['20', '161', '121', '131', '113'])} {g.r.randrange(1000, 9999)} {g.r.randrange(1000, 9999)}"
    ),
    tags=("uk",),
)
def _(s):
    return "0" + s[4:]


@task("phone-exchange-code", "phones", gen_phone("({a}) {b}-{c}"))
def _(s):
    return s[6:9]


@task(
    "phone-international-country-code",
    "phones",
    lambda g: [
        f"+1 {us_phone_digits(g)[:3]} {g.r.randrange(200, 999)} {g.r.randrange(1000, 9999)}",
        f"+33 {g.r.randrange(1, 9)} {g.r.randrange(10, 99)} {g.r.randrange(10, 99)} {g.r.randrange(10, 99)} {g.r.randrange(10, 99)}",
        f"+49 {g.r.randrange(30, 999)} {g.r.randrange(10**5, 10**8)}",
        f"+84 {g.r.randrange(20, 99)} {g.r.randrange(1000, 9999)} {g.r.randrange(100, 999)}",
        f"+353 {g.r.randrange(1, 99)} {g.r.randrange(100, 999)} {g.r.randrange(1000, 9999)}",
    ][g.i % 5],
    branch=lambda s: s.split()[0],
)
def _(s):
    return s.split()[0][1:]


# ----------------------------------------------------------------------------- emails (10)


def gen_email(g):
    return email_for(g, ascii_person(g))


@task("email-username", "emails", gen_email)
def _(s):
    return s.split("@")[0]


@task("email-domain", "emails", gen_email)
def _(s):
    return s.split("@")[1]


@task("email-tld", "emails", gen_email)
def _(s):
    return s.rsplit(".", 1)[1]


@task(
    "email-dotted-to-name",
    "emails",
    lambda g: (lambda n: f"{n.split()[0].lower()}.{n.split()[1].lower()}@{g.f().domain_name()}")(
        ascii_person(g)
    ),
)
def _(s):
    return " ".join(p.capitalize() for p in s.split("@")[0].split("."))


@task(
    "email-lowercase",
    "emails",
    lambda g: (
        lambda n: (
            f"{n.split()[0]}.{n.split()[1]}@{g.r.choice(['Example.COM', 'Acme.com', 'GMAIL.com', 'Contoso.Org'])}"
        )
    )(ascii_person(g)),
)
def _(s):
    return s.lower()


@task("email-mask-local-part", "emails", gen_email)
def _(s):
    local, domain = s.split("@")
    return f"{local[0]}***@{domain}"


@task(
    "email-organization-name",
    "emails",
    lambda g: email_for(g, ascii_person(g), g.f().domain_name()),
)
def _(s):
    return s.split("@")[1].split(".")[0]


def gen_display_email(g):
    n = ascii_person(g)
    return f"{n} <{email_for(g, n)}>"


@task("email-from-display-address", "emails", gen_display_email)
def _(s):
    return s[s.index("<") + 1 : -1]


@task("email-display-name", "emails", gen_display_email)
def _(s):
    return s.split(" <")[0]


@task(
    "email-strip-plus-tag",
    "emails",
    lambda g: (
        lambda e: (
            e.replace("@", "+" + g.r.choice(["news", "shop", "work", "test", "2024"]) + "@")
            if g.i % 2 == 0
            else e
        )
    )(gen_email(g)),
    branch=lambda s: "+" in s,
)
def _(s):
    local, domain = s.split("@")
    return local.split("+")[0] + "@" + domain


# ----------------------------------------------------------------------------- urls (8)


def gen_full_url(g):
    f = g.f()
    host = g.r.choice(["www.", "", "blog.", "shop.", "www."]) + f.domain_name()
    url = f"{g.r.choice(['https', 'https', 'http'])}://{host}/{f.uri_path(deep=g.r.randint(1, 3))}"
    if g.r.random() < 0.5:
        url += f"?{f.word()}={g.r.randrange(1, 999)}"
    return url


@task("url-host", "urls", gen_full_url)
def _(s):
    return s.split("://")[1].split("/")[0]


@task(
    "url-domain-without-www",
    "urls",
    lambda g: f"https://{['www.', ''][g.i % 2]}{g.f().domain_name()}/{g.f().uri_path()}",
    branch=lambda s: "www." in s,
)
def _(s):
    host = s.split("://")[1].split("/")[0]
    return host[4:] if host.startswith("www.") else host


@task("url-path", "urls", gen_full_url)
def _(s):
    rest = s.split("://")[1]
    return "/" + rest.split("/", 1)[1].split("?")[0]


@task("url-scheme", "urls", gen_full_url)
def _(s):
    return s.split("://")[0]


@task(
    "url-query-id-value",
    "urls",
    lambda g: (
        f"https://{g.f().domain_name()}/{g.f().uri_path(deep=1)}?id={g.r.randrange(1, 10 ** g.r.randint(1, 7))}"
        + g.r.choice(["", f"&ref={g.f().word()}", f"&page={g.r.randrange(1, 20)}"])
    ),
)
def _(s):
    return s.split("id=")[1].split("&")[0]


@task("url-strip-query", "urls", gen_full_url, branch=lambda s: "?" in s)
def _(s):
    return s.split("?")[0]


def gen_slug_url(g):
    f = g.f()
    d = rdate(g, 2015, 2024)
    return f"https://{f.domain_name()}/blog/{d.year}/{d.month:02d}/{'-'.join(f.words(g.r.randint(2, 5))).lower()}"


@task("url-last-segment", "urls", gen_slug_url)
def _(s):
    return s.rsplit("/", 1)[1]


@task("url-slug-to-title", "urls", gen_slug_url)
def _(s):
    return " ".join(w.capitalize() for w in s.rsplit("/", 1)[1].split("-"))


# ----------------------------------------------------------------------------- paths (8)


def gen_posix_path(g):
    f = g.f()
    p = f.file_path(depth=g.r.randint(1, 4))
    if g.r.random() < 0.15:
        p = p.rsplit(".", 1)[0] + ".tar.gz"
    return p


@task("path-extension", "paths", gen_posix_path)
def _(s):
    return s.rsplit(".", 1)[1]


@task("path-basename", "paths", gen_posix_path)
def _(s):
    return s.rsplit("/", 1)[1]


@task("path-stem", "paths", lambda g: g.f().file_path(depth=g.r.randint(1, 4)))
def _(s):
    return s.rsplit("/", 1)[1].rsplit(".", 1)[0]


@task("path-dirname", "paths", gen_posix_path)
def _(s):
    return s.rsplit("/", 1)[0]


def gen_win_path(g):
    f = g.f()
    user = f.user_name()
    parts = [g.r.choice(["C:", "D:"]), "Users", user] + f.words(g.r.randint(0, 2)) + [f.file_name()]
    return "\\".join(parts)


@task("path-windows-basename", "paths", gen_win_path)
def _(s):
    return s.rsplit("\\", 1)[1]


@task("path-windows-to-forward-slashes", "paths", gen_win_path)
def _(s):
    return s.replace("\\", "/")


@task(
    "path-change-extension-md-to-html",
    "paths",
    lambda g: (
        "docs/"
        + "/".join(
            g.f().words(g.r.randint(0, 2)) + ["-".join(g.f().words(g.r.randint(1, 3))) + ".md"]
        )
    ),
)
def _(s):
    return s[:-3] + ".html"


@task("path-top-directory", "paths", gen_posix_path)
def _(s):
    return s.split("/")[1]


# ----------------------------------------------------------------------------- codes (11)

COLORS = ["BLK", "WHT", "RED", "BLU", "GRN", "GRY", "NVY", "YLW"]


def gen_sku(g):
    return f"SKU-{g.r.randrange(1, 99999):05d}-{g.r.choice(COLORS)}"


@task("code-sku-number", "codes", gen_sku)
def _(s):
    return s.split("-")[1]


@task("code-sku-color", "codes", gen_sku)
def _(s):
    return s.split("-")[2]


def gen_invoice(g):
    return f"INV-{g.r.randrange(2015, 2026)}-{g.r.randrange(1, 10 ** g.r.randint(1, 6)):06d}"


@task("code-invoice-sequence-number", "codes", gen_invoice)
def _(s):
    return str(int(s.split("-")[2]))


@task("code-invoice-year", "codes", gen_invoice)
def _(s):
    return s.split("-")[1]


@task(
    "code-product-to-upper-dashes",
    "codes",
    lambda g: (
        f"{''.join(g.r.choice('abcdefghkmnprstwxz') for _ in range(g.r.randint(2, 3)))} {g.r.randrange(10, 9999)} {g.r.choice('abcdefghjkxz')}".replace(
            " ", g.r.choice([" ", "  ", " "]), 1
        )
    ),
)
def _(s):
    return "-".join(s.split()).upper()


@task(
    "code-billing-pad-sequence",
    "codes",
    lambda g: (
        f"{g.f().company().split()[0].split(',')[0].split('-')[0].upper()[:4]} {g.r.randrange(2018, 2026)} {g.r.randrange(1, 999)}"
    ),
)
def _(s):
    pre, year, n = s.split()
    return f"{pre}-{year}-{int(n):03d}"


@task(
    "code-order-path-to-dash",
    "codes",
    lambda g: f"ORD/{g.r.randrange(2018, 2026)}/{g.r.randrange(1, 9999):04d}",
)
def _(s):
    return s[4:].replace("/", "-")


@task("code-isbn-strip-dashes", "codes", lambda g: g.f().isbn13())
def _(s):
    return s.replace("-", "")


@task("code-ean13-grouped", "codes", lambda g: g.f().ean13())
def _(s):
    return f"{s[0]} {s[1:7]} {s[7:]}"


@task(
    "code-part-number-pad-4",
    "codes",
    lambda g: f"{g.r.choice(['P', 'PN', 'X'])}-{g.r.randrange(1, 10 ** g.r.randint(1, 4))}",
)
def _(s):
    pre, n = s.split("-")
    return f"{pre}-{int(n):04d}"


@task(
    "code-po-number-normalize",
    "codes",
    lambda g: (
        f"{g.r.choice(['PO', 'po', 'PO', 'P.O.'])}{g.r.choice([' ', '', '  ', '#', ' #'])}{g.r.randrange(10000, 99999)}"
    ),
)
def _(s):
    return "PO-" + digits(s)


# ----------------------------------------------------------------------------- multicolumn (16)


def gen_first_last(loc_choices=("en_US", "de_DE", "fr_FR", "es_ES")):
    def gen(g):
        loc = g.r.choice(loc_choices)
        return first_name(g, loc), last_name(g, loc)

    return gen


@task("mc-first-last-to-full", "multicolumn", gen_first_last())
def _(f, last):
    return f"{f} {last}"


@task("mc-last-comma-first", "multicolumn", gen_first_last())
def _(f, last):
    return f"{last}, {f}"


@task("mc-email-from-names", "multicolumn", gen_first_last(("en_US",)))
def _(f, last):
    return f"{f.lower()}.{last.lower()}@acme.com"


@task(
    "mc-email-from-names-and-domain",
    "multicolumn",
    lambda g: (*gen_first_last(("en_US",))(g), g.f().domain_name()),
)
def _(f, last, d):
    return f"{f[0].lower()}{last.lower()}@{d}"


@task(
    "mc-city-state-zip",
    "multicolumn",
    lambda g: (
        g.f().city(),
        g.f().state_abbr(include_territories=False, include_freely_associated_states=False),
        g.f().zipcode(),
    ),
)
def _(c, s, z):
    return f"{c}, {s} {z}"


@task("mc-initials-from-columns", "multicolumn", gen_first_last())
def _(f, last):
    return f[0] + last[0]


@task(
    "mc-date-from-parts",
    "multicolumn",
    lambda g: (lambda d: (str(d.year), str(d.month), str(d.day)))(rdate(g)),
    branch=lambda y, m, d: (len(m), len(d)),
)
def _(y, m, d):
    return f"{y}-{int(m):02d}-{int(d):02d}"


@task(
    "mc-time-from-parts",
    "multicolumn",
    lambda g: (str(g.r.randrange(24)), str(g.r.randrange(60))),
    branch=lambda h, m: (len(h), len(m)),
)
def _(h, m):
    return f"{int(h):02d}:{int(m):02d}"


@task("mc-username-initial-last", "multicolumn", gen_first_last(("en_US",)))
def _(f, last):
    return (f[0] + last).lower()


@task("mc-full-address", "multicolumn", lambda g: us_line(g, 0.3))
def _(st, c, s, z):
    return f"{st}, {c}, {s} {z}"


@task(
    "mc-price-times-quantity",
    "multicolumn",
    lambda g: (str(g.r.randrange(1, 13)), f"{Decimal(g.r.randrange(99, 20000)) / 100:.2f}"),
)
def _(qty, price):
    return f"{int(qty) * Decimal(price):.2f}"


@task(
    "mc-name-with-optional-title",
    "multicolumn",
    lambda g: (["Dr.", "", "Ms.", "", "Mr.", "Prof."][g.i % 6], *gen_first_last()(g)),
    branch=lambda t, f, last: t == "",
)
def _(t, f, last):
    return f"{t} {f} {last}" if t else f"{f} {last}"


@task(
    "mc-phone-from-parts",
    "multicolumn",
    lambda g: (lambda d: (d[:3], d[3:6], d[6:]))(us_phone_digits(g)),
)
def _(a, b, c):
    return f"({a}) {b}-{c}"


@task(
    "mc-sku-from-attributes",
    "multicolumn",
    lambda g: (
        g.r.choice(
            ["shirt", "jacket", "sweater", "hoodie", "trousers", "scarf", "beanie", "socks"]
        ),
        g.r.choice(["blue", "black", "white", "green", "orange", "purple", "grey"]),
        g.r.choice(["XS", "S", "M", "L", "XL"]),
    ),
)
def _(item, color, size):
    return f"{item[:3].upper()}-{color[:3].upper()}-{size}"


@task(
    "mc-first-optional-middle-last",
    "multicolumn",
    lambda g: (first_name(g), first_name(g) if g.i % 2 else "", last_name(g)),
    branch=lambda f, m, last: m == "",
)
def _(f, m, last):
    return f"{f} {m[0]}. {last}" if m else f"{f} {last}"


@task("mc-date-time-to-iso-datetime", "multicolumn", lambda g: (iso(rdate(g)), gen_hm(g)))
def _(d, t):
    return f"{d}T{t}:00"


@task(
    "mc-amount-and-currency-code",
    "multicolumn",
    lambda g: (plain(money_str(g)), g.r.choice(["USD", "EUR", "GBP", "CAD", "CHF"])),
    branch=lambda a, c: "." in a,
)
def _(a, c):
    return f"{Decimal(a):.2f} {c}"


# ----------------------------------------------------------------------------- main


def main() -> int:
    names = [t.name for t in TASKS]
    dupes = [n for n, c in Counter(names).items() if c > 1]
    assert not dupes, dupes
    tasks_json = []
    for t in TASKS:
        tasks_json.append(
            {
                "name": t.name,
                "train": build(t),
                "test": [],
                "tags": [t.category, *t.tags],
            }
        )
    suite = {"suite": "realistic", "tasks": tasks_json}
    text = json.dumps(suite, ensure_ascii=False, indent=1) + "\n"
    OUT.write_text(text, encoding="utf-8")

    # sanity: the file round-trips and has the expected structure
    data = json.loads(OUT.read_text(encoding="utf-8"))
    assert data["suite"] == "realistic" and len(data["tasks"]) == len(TASKS)
    for t in data["tasks"]:
        assert set(t) == {"name", "train", "test", "tags"} and t["test"] == []
        assert len(t["train"]) == N_EXAMPLES
        for e in t["train"]:
            assert isinstance(e["output"], str) and all(isinstance(x, str) for x in e["inputs"])

    counts = Counter(t.category for t in TASKS)
    for c in CATEGORIES:
        print(f"{c:14s} {counts[c]:4d}")
    print(f"{'total':14s} {len(TASKS):4d}")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

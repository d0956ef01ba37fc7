"""Conditionals, FlashFill-style: partition the examples, learn a program per part, and a
predicate on the inputs that routes each row to its part (a decision list of ``If``s)."""

from __future__ import annotations

import decimal
import itertools
from collections.abc import Callable, Iterator, Sequence
from itertools import permutations

from likewise.lang import runtime as rt
from likewise.lang.ast import (
    TOKEN_CLASSES,
    Above,
    AtLeast,
    Const,
    Contains,
    Eq,
    Has,
    HasAtLeast,
    If,
    Input,
    Node,
    Not,
    PrefixOf,
    SuffixOf,
    tok,
)
from likewise.synth.deadline import Timeout
from likewise.synth.edits import edit_distance
from likewise.synth.rank import COINCIDENCE, inner_characters, pat_cost, split_words, varied
from likewise.synth.rank import cost as program_cost

Examples = Sequence[tuple[tuple[str, ...], str]]
Learner = Callable[[Examples], list[tuple[float, Node]]]
MAX_BRANCHES = 4
ALTERNATIVES_PER_PART = 3  # a test's or a branch's options tried in the alternatives
# Tests that count matches ("has a third word"): of these token classes, up to this many.
COUNTED = ("Word", "Number", "PropCase", "AllCaps")
MAX_COUNT = 4
SINGLE = 0.1  # a test for a text that one example alone holds (see _singles)
COUNT = 0.15  # what a test costs more for each match it counts past the first
SAME_BEHAVIOUR = 8  # tests kept that route the examples alike (see predicates)
SEEDS = 4  # examples a greedy partition is grown from, each in turn (see partitions)
OWN_SLACK = 0.1  # a shared program this near an example's own is its own (see partition)


def partition(
    examples: Examples, learn: Learner, seed: int = 0
) -> list[tuple[list[int], list[tuple[float, Node]]]]:
    """Greedy clusters of examples that one branch program explains, the first grown from the
    ``seed``-th example, each with the programs that explain it (the learner's, cheapest
    first)."""
    remaining = [seed, *(i for i in range(len(examples)) if i != seed)]
    clusters = []
    while remaining:
        seed, rest = remaining[0], remaining[1:]
        members = [seed]
        best = learn([examples[seed]])
        if not best:
            raise _Unexplained(seed)
        for i in rest:
            found = learn([examples[j] for j in sorted([*members, i])])
            # Join only if the shared program stays about as simple as the cluster's, or is
            # the example's own: a merge that needs a much more contrived program is a sign
            # that the rows want different programs. (Against the cluster's alone, a program
            # that fits "M", "Köhler" -> "Mr. Köhler" by chance, copying the "M" and the "r",
            # would keep out "Mr. Guibert", whose own program explains both.)
            if found and (
                _about_as_simple(found[0][0], best[0][0]) or _own(found[0][0], learn, examples[i])
            ):
                members.append(i)
                best = found
        clusters.append((members, _lone(best, examples[seed]) if len(members) == 1 else best))
        remaining = [i for i in remaining if i not in members]
    return clusters


def partitions(
    examples: Examples, learn: Learner, seeds: int = SEEDS
) -> Iterator[list[tuple[list[int], list[tuple[float, Node]]]]]:
    """The distinct partitions that :func:`partition` grows from the first example, then from
    each other of the first ``seeds`` that a program about as simple as the simplest explains
    alone. Which example a greedy cluster starts from decides what joins it: from "brown.com"
    (which wants "https://" put before it) "https://newman.com" joins by a contrived slice;
    from "https://www.hernandez-bryant.net" (copied) it joins as a copy. Grown from an example
    that only a contrived program explains (a mistyped one, "herman.Wom" for "https://herman.com"),
    a cluster would gather others under that program. Then the partitions of the examples
    by their own programs (see :func:`_by_own`), from the same examples in turn."""
    first = partition(examples, learn)
    yield first
    seen = {frozenset(frozenset(m) for m, _ in first)}
    alone = [learn([ex]) for ex in examples[:seeds]]
    simplest = min(found[0][0] for found in alone if found)
    seeds_ok = [
        seed
        for seed in range(1, len(alone))
        if alone[seed] and _about_as_simple(alone[seed][0][0], simplest)
    ]
    grown = itertools.chain(
        (partition(examples, learn, seed) for seed in seeds_ok),
        (_by_own(examples, learn, seed) for seed in [0, *seeds_ok]),
    )
    for clusters in grown:
        key = frozenset(frozenset(m) for m, _ in clusters)
        if key not in seen:
            seen.add(key)
            yield clusters


def _by_own(
    examples: Examples, learn: Learner, seed: int = 0
) -> list[tuple[list[int], list[tuple[float, Node]]]]:
    """Clusters of the examples that a program of one example alone explains, the first that
    of the ``seed``-th: of its programs about as simple as its simplest, the one that explains
    the most examples left. Greedy merging may join two rows by a program that fits both by
    chance ("cindy_kelly+shop@x.com" and "marcus.garrison@y.com", by their two first words)
    where each row's own program ("up to the +", a copy) tells the clusters apart."""
    remaining = [seed, *(i for i in range(len(examples)) if i != seed)]
    clusters = []
    while remaining:
        first = remaining[0]
        own = learn([examples[first]])
        if not own:
            raise _Unexplained(first)
        members = [first]
        for c, p in own:
            if not _about_as_simple(c, own[0][0]):
                break
            fits = [i for i in remaining if p.run(examples[i][0]) == examples[i][1]]
            if len(fits) > len(members):
                members = fits
        found = learn([examples[i] for i in sorted(members)]) if len(members) > 1 else []
        if not found:
            members, found = [first], _lone(own, examples[first])
        clusters.append((members, found))
        remaining = [i for i in remaining if i not in members]
    return clusters


def _lone(
    found: list[tuple[float, Node]], example: tuple[tuple[str, ...], str]
) -> list[tuple[float, Node]]:
    """The programs for a branch that serves one ``example`` alone: one example shows no more
    than that a character is where a program copies it from ("0" of "-805", for the "0" that
    negative numbers give), so that costs ``COINCIDENCE`` more (see
    :func:`likewise.synth.rank.inner_characters`), and the output written as it is competes."""
    inputs, output = example
    priced = [
        (c + COINCIDENCE * (inner_characters(p, inputs) + split_words(p, inputs)), p)
        for c, p in found
    ]
    if not any(isinstance(p, Const) for _, p in found):
        priced.append((program_cost(Const(output)), Const(output)))
    return sorted(priced, key=lambda f: (f[0], str(f[1])))


def _own(cost: float, learn: Learner, example: tuple[tuple[str, ...], str]) -> bool:
    """Whether a program of ``cost`` is about the cheapest that explains ``example`` alone."""
    alone = learn([example])
    return bool(alone) and cost <= alone[0][0] + OWN_SLACK


def _about_as_simple(cost: float, base: float) -> bool:
    return cost <= max(base * 1.3, base + 1.5)


class _Unexplained(Exception):
    def __init__(self, index: int) -> None:
        self.index = index


def predicate_cost(p: Node) -> float:
    """Tests read best when short: a word the rows contain, a prefix, a round threshold."""
    if isinstance(p, Not):
        return predicate_cost(p.b) + 0.3
    if isinstance(p, Has):
        return 1.2 + pat_cost(p.pat)
    if isinstance(p, HasAtLeast):
        return 1.2 + pat_cost(p.pat) + COUNT * (p.k - 1)
    if isinstance(p, Eq):
        return 1.0
    text = next((a.text for a in p.children() if isinstance(a, Const)), "")
    if isinstance(p, AtLeast | Above):  # round thresholds read best: 0, 10, 100
        digits = p.threshold.lstrip("-").replace(".", "").strip("0")
        return 0.9 + 0.15 * len(digits) + (0.2 if isinstance(p, Above) and digits else 0)
    base = 1.0 if isinstance(p, Contains) else 1.1
    # Digits in a text test are usually a coincidence of the examples' numbers.
    return base + 0.1 * len(text) + (0.4 if text.isdigit() else 0)


Tests = dict[tuple[bool, ...], list[tuple[float, Node]]]
Cluster = tuple[list[int], list[tuple[float, Node]]]  # examples, and the programs that fit them


def predicates(inputs: Sequence[tuple[str, ...]], probes: Sequence[tuple[str, ...]] = ()) -> Tests:
    """Candidate tests on the inputs: per behaviour on the given rows, and on the ``probes``
    after them, the ``SAME_BEHAVIOUR`` simplest, cheapest first (the unlabeled rows may tell
    them apart; see :class:`Routing`)."""
    found: Tests = {}

    def add(p: Node, extra: float = 0.0) -> None:
        vec = tuple(bool(p.run(r)) for r in (*inputs, *probes))
        _keep(found.setdefault(vec, []), predicate_cost(p) + extra, p)

    ncols = len(inputs[0])
    for c in range(ncols):
        x = Input(c)
        # Thresholds where every value reads as a number, and all but one at most are just a
        # number ("92Q" among "93", "327", "268" may be a mistyped one). There, a test for
        # digits in the text is a coincidence of the examples' numbers ("41" and "40" begin
        # with a "4", "72" and "8" do not).
        values = {r[c] for r in inputs}
        nums = sorted({rt.parse_number(v) for v in values} - {None})
        whole = sum(rt._read_number(v) is not None for v in values)
        numeric = len(nums) == len(values) > 1 and whole >= max(2, len(values) - 1)

        def text_test(p: Node, text: str, extra: float = 0.0, numeric: bool = numeric) -> None:
            add(p, extra + (COINCIDENCE if numeric and text.isdigit() else 0.0))

        add(Eq(x, Const("")))
        for t in TOKEN_CLASSES:
            add(Has(tok(t), x))
        if not numeric:  # (how many digits a number has is a threshold's business)
            for pat in _counted(inputs, c):
                most = max(len(rt.matches(r[c], pat)) for r in inputs)
                for k in range(2, min(most, MAX_COUNT) + 1):
                    add(HasAtLeast(pat, k, x))
        words: set[str] = set()
        for r in inputs:
            s = r[c]
            tokens = [s[a:b] for a, b in rt.matches(s, tok("Alphanum"))]
            words.update(tokens)
            for d in {ch for ch in s if not ch.isalnum()}:
                words.add(d)
                for piece in s.split(d):
                    if piece:
                        words.update((piece, d + piece, piece + d))
            for n in (1, 2, 3, 4, 5):
                if len(s) > n:  # a piece of a word is likelier a coincidence than a word
                    text_test(PrefixOf(Const(s[:n]), x), s[:n], 0.4 * _cuts_word(s, n))
                    text_test(SuffixOf(Const(s[-n:]), x), s[-n:], 0.4 * _cuts_word(s, len(s) - n))
            if tokens:
                text_test(PrefixOf(Const(tokens[0]), x), tokens[0])
                text_test(SuffixOf(Const(tokens[-1]), x), tokens[-1])
        for w in sorted(words, key=lambda w: (len(w), w))[:400]:
            # Between equals, a mark near the start (the ":" of "https://") reads as the
            # format of the row more than one deep inside it.
            held = [r[c] for r in inputs if w in r[c]]
            if held:
                at = sum(s.find(w) / len(s) for s in held) / len(held)
                pieces = sum(_in_word(s, w) for s in held) / len(held)
                text_test(Contains(x, Const(w)), w, 0.05 * at + PIECE * pieces)
        if numeric:
            for a, b in itertools.pairwise(nums):
                add(AtLeast(_roundest(a, b), x))
                add(Above(f"{a.normalize():f}", x))
    # Two columns that hold the same text on some rows and not on others ("US", "US" and
    # "US", "CA": a domestic shipment and a foreign one).
    for a, b in itertools.combinations(range(ncols), 2):
        add(Eq(Input(a), Input(b)))
    # Each behaviour's tests, negated, join the opposite behaviour's (a threshold's negation
    # may read better than a coincidental text that routes the examples alike: "1" in "1").
    for vec, tests in list(found.items()):
        for c, p in tests:
            _keep(found.setdefault(tuple(not v for v in vec), []), c + 0.3, Not(p))
    return found


def _counted(inputs: Sequence[tuple[str, ...]], c: int) -> list:
    """What a test may count in column ``c``: words, numbers, capitalized and upper-case
    words, and each mark the inputs hold (the second comma of an address)."""
    marks = sorted({ch for r in inputs for ch in r[c] if not ch.isalnum()})
    return [tok(t) for t in COUNTED] + marks


def _keep(tests: list[tuple[float, Node]], cost: float, test: Node) -> None:
    """Add ``test`` to ``tests`` (cheapest first), keeping the ``SAME_BEHAVIOUR`` cheapest."""
    if len(tests) >= SAME_BEHAVIOUR and cost > tests[-1][0]:
        return  # (it would be the last, and dropped)
    if all(test != t for _, t in tests):
        tests.append((cost, test))
        tests.sort(key=lambda t: (t[0], str(t[1])))
        del tests[SAME_BEHAVIOUR:]


PIECE = 0.4  # what a test pays for a text that is a piece of a word (see _in_word)


def _in_word(s: str, w: str) -> bool:
    """Whether the first ``w`` in ``s`` is a piece of a longer word or number: a letter beside
    a letter, or a digit beside a digit, at one of its ends (the "R" of "Rachel"). As with a
    prefix that cuts a word, a test for it is likelier a coincidence of the examples."""
    a = s.find(w)
    b = a + len(w)
    return (a > 0 and _same_kind(s[a - 1], w[0])) or (b < len(s) and _same_kind(w[-1], s[b]))


def _same_kind(a: str, b: str) -> bool:
    return (a.isalpha() and b.isalpha()) or (a.isdigit() and b.isdigit())


def _cuts_word(s: str, i: int) -> bool:
    return 0 < i < len(s) and rt._is_alnum(s[i - 1]) and rt._is_alnum(s[i])


def _roundest(a, b) -> str:
    """The roundest number t with a < t <= b, written plainly (a threshold between values)."""
    for k in range(12, -7, -1):
        for m in (1, 5, 2):
            step = decimal.Decimal(m).scaleb(k)
            t = ((a / step).to_integral_value(decimal.ROUND_FLOOR) + 1) * step
            if a < t <= b:
                return f"{t.normalize():f}"
    return f"{b:f}"


class Routing:
    """What a test for a word pays where no unlabeled row holds that word. The rows and the
    examples come from one column: of two tests that route the examples alike, the one for a
    word that no row holds ("XH" in "XH-34790", where the rows start "XK", "XN"...) reads a
    coincidence of that example, not the rule. The charge is ``EMPTY_SIDE`` for each side of
    the test that an example takes and none of ``MIN_ROWS`` rows or more does. Tests for
    punctuation (the "-" of a negative number, which no row need be), thresholds and kinds
    of token are not charged: that the rows fall on one side of them says nothing against
    them. (Charging every test by how rare its sides are among the rows moved thresholds
    towards the middle of the rows: "at least 10" for "above 0".) It reads the first
    ``MAX_ROWS`` rows that are not examples; a test further down a decision list is charged
    as if it saw them all."""

    EMPTY_SIDE = 1.0
    MIN_ROWS = 3
    MAX_ROWS = 200

    def __init__(self, rows: Sequence[tuple[str, ...]], inputs: Sequence[tuple[str, ...]]):
        shown = set(inputs)
        self.rows = [r for r in rows if r not in shown][: self.MAX_ROWS]
        self.passed: dict[Node, int] = {}

    def cost(self, test: Node, passed: int, failed: int) -> float:
        """The charge for ``test``, which ``passed`` examples pass and ``failed`` fail."""
        inner = test.b if isinstance(test, Not) else test
        text = next((a.text for a in inner.children() if isinstance(a, Const)), "")
        word = isinstance(inner, Contains | PrefixOf | SuffixOf) and any(map(str.isalnum, text))
        if len(self.rows) < self.MIN_ROWS or not word:
            return 0.0
        if test not in self.passed:
            self.passed[test] = sum(bool(test.run(r)) for r in self.rows)
        k = self.passed[test]
        return self.EMPTY_SIDE * ((passed > 0 and k == 0) + (failed > 0 and k == len(self.rows)))


def synthesize(
    examples: Examples,
    learn: Learner,
    deadline: Callable[[], None],
    k: int = 1,
    rows: Sequence[tuple[str, ...]] = (),
    probes: Sequence[tuple[str, ...]] = (),
    aims: Sequence[str] = (),
    relearn: Callable[[Examples, Examples], list[tuple[float, Node]]] | None = None,
) -> list[tuple[float, Node]]:
    """The ``k`` cheapest decision lists over the partitions of the examples (see
    :func:`partitions`), or [] if none is found. Besides the cheapest, the others change one
    thing: a branch's program for the learner's next one, or a test for the next cheapest one
    that fits. Few examples leave these close (a constant or the text it copies, one
    threshold or another): they are the alternatives that tell which rows are worth asking
    about. Of the tests that route the examples alike, the one that costs least
    with what :class:`Routing` charges for how it splits the unlabeled ``rows`` is taken; those
    that route the ``probes`` (inputs of examples set aside as typos) differently count as
    other tests, so that the alternatives hold them (from "Bristol, RI" and "Lakewood, OH,
    USA", a test for "OH" or for "USA": only one copies "Nw Haven, CT, USA" as it is). With
    the probes' outputs ``aims``, the list nearest them follows, where it is nearer than
    those, and that list with branches learned again (see _relearned). Out of time after
    the first partition, the lists found so far count."""
    preds = predicates([ex[0] for ex in examples], probes)
    routing = Routing(rows, [ex[0] for ex in examples])
    width = 1 if k == 1 else ALTERNATIVES_PER_PART
    found: dict[Node, float] = {}
    tried = 0
    try:
        for clusters in partitions(examples, lambda ex: (deadline(), learn(ex))[1]):
            if 2 <= len(clusters) <= MAX_BRANCHES:
                _decision_lists(clusters, preds, routing, width, deadline, found)
            tried += 1
    except _Unexplained:
        return []
    except Timeout:
        if not tried:
            raise
    ranked = sorted(((c, p) for p, c in found.items()), key=lambda f: (f[0], str(f[1])))
    # With probes, the cheapest list of each other way of routing them too (see _beside).
    shown = [x for x, _ in examples]
    routes = [tuple(_beside(p, shown, x) for x in probes) for _, p in ranked]
    seen = set(routes[:k])
    more = []
    for listed, route in zip(ranked[k:], routes[k:], strict=True):
        if route not in seen:
            seen.add(route)
            more.append(listed)
    taken = ranked[:k] + more
    if not aims or not ranked:
        return taken
    far = {p: _far(p, probes, aims) for _, p in ranked}
    nearest = min(ranked, key=lambda f: far[f[1]])
    if relearn is not None:
        nearest = _relearned(nearest, examples, relearn, probes, aims)
        far[nearest[1]] = _far(nearest[1], probes, aims)
    if all(far[nearest[1]] < far[p] for _, p in taken):
        taken.append(nearest)
    return taken


NEAR_EDITS = 20  # past this many edits from an aim, all programs are as far (see _far)


def _far(program: Node, probes: Sequence[tuple[str, ...]], aims: Sequence[str]) -> int:
    """How many character edits what ``program`` gives on the ``probes`` is from the
    ``aims``, in all."""
    total = 0
    for x, aim in zip(probes, aims, strict=True):
        got = program.run(x)
        total += edit_distance(got, aim, NEAR_EDITS) if isinstance(got, str) else NEAR_EDITS + 1
    return total


def _relearned(
    listed: tuple[float, Node],
    examples: Examples,
    relearn: Callable[[Examples, Examples], list[tuple[float, Node]]],
    probes: Sequence[tuple[str, ...]],
    aims: Sequence[str],
) -> tuple[float, Node]:
    """The decision list ``listed`` (its cost and program), with each branch that gives the
    probes it takes more edits from their aims than there are probes learned again with
    those probes and their aims (by ``relearn``), where one of the programs learned so
    gives nearer (its cost in place of the branch's). An example set aside as a typo may be the only one of its
    branch to show what the branch writes: "81,264.09)" where "-52.18 -> (52.18)", the one
    negative number learned from, shows no thousands separator."""
    cost, prog = listed
    tests, branches, node = [], [], prog
    while isinstance(node, If):
        tests.append(node.cond)
        branches.append(node.then)
        node = node.other
    branches.append(node)
    routed = [branch(prog, x) for x in probes]
    for n, old in enumerate(branches):
        mine = [(x, aim) for x, aim, b in zip(probes, aims, routed, strict=True) if b == n]
        xs, ys = [x for x, _ in mine], [y for _, y in mine]
        if not mine or _far(old, xs, ys) <= len(mine):
            continue
        learned = relearn([ex for ex in examples if branch(prog, ex[0]) == n], mine)
        was = next((c for c, p in learned if p == old), None)
        if was is None:
            continue
        c, new = min(learned, key=lambda f: (_far(f[1], xs, ys), f[0]))
        if _far(new, xs, ys) < _far(old, xs, ys):
            cost, branches[n] = cost - was + c, new
    program = branches[-1]
    for test, then in zip(reversed(tests), reversed(branches[:-1]), strict=True):
        program = If(test, then, program)
    return cost, program


def branch(prog: Node, inputs: tuple[str, ...]) -> int:
    """Which branch of ``prog``'s chain of conditionals serves ``inputs`` (0 if none)."""
    n = 0
    while isinstance(prog, If) and not prog.cond.run(inputs):
        prog, n = prog.other, n + 1
    return n


def _beside(prog: Node, shown: Sequence[tuple[str, ...]], inputs: tuple[str, ...]) -> frozenset:
    """The examples (their inputs ``shown``) that ``prog`` routes as it routes ``inputs``.
    For the noise model's learner, the decision lists that route the examples it sets aside
    (the probes) with other examples are the alternatives worth keeping (from "Michael Abbott"
    and "Michael Thomas Young", a test for "Young" and one for a second space: only the
    latter takes "fimothy J. Meadows" for a typo of "Timothy J. Meadows"); so are the tests
    that route them otherwise, among a part's options."""
    b = branch(prog, inputs)
    return frozenset(i for i, x in enumerate(shown) if branch(prog, x) == b)


def _singles(test: Node, members: set[int], later: set[int]) -> float:
    """What a test for a text costs more where it holds on one example alone, and the
    examples after it in the list are two or more: a text of one example tells it from any
    other, where one that two examples share ("10:30" against "19:00" and "03:00": ":00"
    more than "10:") is a pattern."""
    single = len(members) == 1 and len(later) >= 2
    return SINGLE if single and isinstance(test, Contains | PrefixOf | SuffixOf) else 0.0


ELSEWHERE = 0.3  # a test on a column other than those its branches read differently


def _elsewhere(test: Node, taken: Cluster, later: Sequence[Cluster]) -> float:
    """What a test costs more where the branch it takes (the cheapest program of the cluster
    ``taken``) and the ones after it read different columns, and it tests none of those: a
    middle name copied where there is one is told by the middle name ("Craig" and "Jessica"
    against "" and a mistyped "H"), not by a first name that begins with "T"."""
    if not taken[1] or not all(c[1] for c in later):
        return 0.0
    read = taken[1][0][1].inputs_used()
    after = set().union(*(c[1][0][1].inputs_used() for c in later))
    differ = read ^ after
    return ELSEWHERE if differ and not test.inputs_used() & differ else 0.0


def _decision_lists(
    clusters: list[Cluster],
    preds: Tests,
    routing: Routing,
    width: int,
    deadline: Callable[[], None],
    found: dict[Node, float],
) -> None:
    """Into ``found``, each decision list over ``clusters`` (in every order) with its cost:
    the cheapest tests and branch programs, and those that change one of them (``width``
    options of each part)."""
    shown = sum(len(members) for members, _ in clusters)  # (the probes' routes come after)
    for order in permutations(range(len(clusters))):
        deadline()
        guards: list[list[tuple[float, Node]]] = []  # per test, the cheapest that fit
        for pos, ci in enumerate(order[:-1]):
            members = set(clusters[ci][0])
            later = {i for cj in order[pos + 1 :] for i in clusters[cj][0]}
            # Per behaviour on the examples, the cheapest test once the rows have been read.
            fits = []
            for vec, tests in preds.items():
                if all(vec[i] for i in members) and not any(vec[i] for i in later):
                    charged = [
                        (
                            c
                            + routing.cost(p, len(members), len(later))
                            + _singles(p, members, later)
                            + _elsewhere(
                                p, clusters[ci], [clusters[cj] for cj in order[pos + 1 :]]
                            ),
                            p,
                        )
                        for c, p in tests
                    ]
                    fits.append((*min(charged, key=lambda f: (f[0], str(f[1]))), vec[shown:]))
            if not fits:
                break
            fits.sort(key=lambda f: (f[0], str(f[1])))
            guards.append([(c, p) for c, p, _ in varied(fits, lambda f: f[2], width)])
        else:
            # The parts of the decision list: its tests, then its branches' programs.
            options = [*guards, *(clusters[ci][1][:width] for ci in order)]
            base = [0] * len(options)  # which option of each part
            changed = [
                [*base[:part], j, *base[part + 1 :]]
                for part, opts in enumerate(options)
                for j in range(1, len(opts))
            ]
            for v in [base, *changed]:
                picked = [options[part][j] for part, j in enumerate(v)]
                cost = sum(c for c, _ in picked) + 1.0 * len(guards)
                tests, progs = picked[: len(guards)], picked[len(guards) :]
                program = progs[-1][1]
                for (_, test), (_, branch) in zip(
                    reversed(tests), reversed(progs[:-1]), strict=True
                ):
                    program = If(test, branch, program)
                if cost < found.get(program, float("inf")):
                    found[program] = cost

"""Runs the synthesizers to a deadline and pools their candidates.

Order: the version space (fast, covers most real tasks), a short bottom-up pass (a small nested
program such as ``Replace("-", "")`` can beat a long concatenation or a conditional),
conditionals over the version space when nothing simple fits, then bottom-up enumeration to the
deadline. With the noise model on, programs that miss an example or two by a typo compete too.

The neural synthesizer (:mod:`likewise.synth.neural`) joins in with ``engine="auto"``: its beam
search adds candidates when the version space finds nothing or only a contrived program (they
are priced by the same cost, :func:`likewise.synth.rank.cost`), and its likelihood breaks ties
between the cheapest candidates of the pool. ``engine="neural"`` uses the beam
search alone, ``engine="symbolic"`` never the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from likewise.lang.ast import Const, Contains, If, Node, Not, PrefixOf, SuffixOf
from likewise.lang.simplify import canonical
from likewise.synth import bottom_up, conditionals, neural, version_space
from likewise.synth import noise as noise_model
from likewise.synth.deadline import Deadline, Timeout
from likewise.synth.edits import edit_distance
from likewise.synth.rank import COINCIDENCE, coincidences, constant_chars, rerank, tied

Examples = Sequence[tuple[tuple[str, ...], str]]
# A single program costing more than this is probably contrived: try conditionals as well.
CONTRIVED = 8.0
# The noise model's learner tries conditionals sooner: learned from the examples but one, a
# conditional may explain them plainly where one program takes contortions ("7:01AM",
# "1:23 pm": one date format with a space, one without).
NOISE_CONTRIVED = 6.0
MAX_NOISY_EXAMPLES = 10
# What a conditional pays for a branch that serves one example of four or more, where the
# network spelled a program without one that fits every example: the branch memorizes its
# example, the network's program explains them all with one rule.
SET_APART = 3.0
ENGINES = ("auto", "symbolic", "neural")
PER_BRANCH = conditionals.ALTERNATIVES_PER_PART  # programs learned per branch of a conditional
BEAM = 100  # the neural engine's beam width
FIRST_BEAM = 10  # in the hybrid, a first, narrower beam (see neural.search)
VS_SHARE = 0.6  # of the search time, for the version space (the rest: the other engines)
VS_SHARE_WITH_NET = 0.3  # of the search time, for the version space when a beam may follow
# Of the noise model's learner's time, for the version space. Where it is slow (long outputs),
# a program learned without the mistyped example is found in time (at a 2 s budget, one way
# had 0.24 s: with 0.6 of it the version space ran out of time), and the conditionals, which
# learn their branches with it too, would hardly finish in what is left.
NOISE_VS_SHARE = 0.85
# The beam search runs when the version space finds nothing simple, for at most BEAM_SECONDS
# (a beam of 100 usually ends well within a second) and BEAM_SHARE of all the time left. If the
# version space ran out of time (long outputs: the network's ground), the beam runs at once;
# if it failed quickly (the examples need a conditional, or hold a typo), after the
# conditionals (even where they found a pattern: a decision list of "0" padding formats loses
# to the network's one format with a width).
BEAM_SHARE = 0.6
SPARE_TWO_FROM = 4  # with this many examples, the beam lets a program miss two of them
BEAM_SECONDS = 1.0
NEAR = 10  # of the beam's programs that miss examples, the likeliest this many are kept
NOISE_DECISION_LISTS = 3  # decision lists the noise model's learner keeps (see _search)
# The noise model's learner keeps more of the programs that behave alike on the examples it
# learns from: they may differ on the examples set aside, which one of them reads as typos
# (from "gpiKappa" and "n}SSummer", the last capitalized word is also all that follows its
# capital, but not in "Gmdkkyq; NORTH").
NOISE_PER_GROUP = 6
TYPOS_FIRST_SHARE = 0.5  # of the exact search's time left, for typos_first (see _search)
VS_FIRST_SHARE = 0.5  # of typos_first's time, for the version space (the small search: the rest)


@dataclass(frozen=True)
class Candidate:
    cost: float
    program: Node
    engine: str
    # Examples this program does not reproduce, believed to hold typos: (index, given, its output).
    suspects: tuple[tuple[int, str, str | None], ...] = ()


@dataclass(frozen=True)
class Failure:
    """Why no program was found: a message a user can act on, and the examples involved."""

    message: str
    examples: tuple[int, ...]


Found = list[tuple[float, Node, str]]


class _Remembered:
    """The version space (keeping ``per_group`` programs alike on the examples, that differ
    on the inputs of the other examples ``probes``: see version_space.synthesize) and the
    short bottom-up search over ``constants``, remembering what each learned from each list
    of examples: the noise model learns from the same examples more than once."""

    def __init__(
        self,
        constants: Sequence[str],
        per_group: int = version_space.PER_GROUP,
        probes: Examples = (),
        branches: _Remembered | None = None,
    ) -> None:
        self.constants = constants
        self.per_group = per_group
        self.probes = probes
        # What learns a conditional's branches: the noise model's learner shares the exact
        # search's (their branches serve the same few examples).
        self.branches = branches or self
        self.learned: dict[tuple, list[tuple[float, Node]]] = {}

    def version_space(
        self, examples: Examples, deadline: Deadline, k: int, aside: Examples | None = None
    ) -> list:
        """Programs that fit ``examples``, differing on the ``probes`` that are not among
        them, or on the examples ``aside`` where given: a branch learned again is given the
        set-aside examples that its decision list routes there (see
        conditionals._relearned)."""
        probes = self.aside(examples) if aside is None else list(aside)
        branch = bool(aside)  # (see version_space.synthesize)
        return self._recall(
            ("vs", tuple(examples), k, tuple(probes), branch),
            lambda: version_space.synthesize(
                examples,
                self.constants,
                deadline,
                k,
                self.per_group,
                [x for x, _ in probes],
                [y for _, y in probes],
                branch,
            ),
        )

    def aside(self, examples: Examples) -> Examples:
        """The ``probes`` that are not among ``examples``: the examples learned from tell
        apart nothing that they agree on."""
        return [(x, y) for x, y in self.probes if (x, y) not in examples]

    def probed(self, examples: Examples) -> list[tuple[str, ...]]:
        """The inputs of the ``probes`` that are not among ``examples``."""
        return [x for x, _ in self.aside(examples)]

    def small(
        self,
        examples: Examples,
        deadline: Deadline,
        near: list[tuple[float, Node]] | None = None,
        spare: int = 1,
    ) -> list:
        """The smallest program of at most 4 nodes that fits, if any. Into ``near``, where
        given, go those that miss ``spare`` examples at most, where it is first asked."""
        return self._recall(
            ("small", tuple(examples)),
            lambda: bottom_up.synthesize(
                examples, self.constants, deadline, max_size=4, near=near, spare=spare
            ),
        )

    def _recall(self, key: tuple, learn: Callable[[], list]) -> list:
        if key not in self.learned:
            self.learned[key] = learn()
        return self.learned[key]


def _search(
    examples: Examples,
    engines: _Remembered,
    deadline: Deadline,
    k: int,
    full: bool = True,
    net: neural.NeuralModel | None = None,
    outer: Deadline | None = None,
    near: list[tuple[float, Node]] | None = None,
    typos_first: Callable[[Deadline], bool] | None = None,
    rows: Sequence[tuple[str, ...]] = (),
    chance: Callable[[Node], float] = lambda program: 0.0,
) -> Found:
    """Programs that reproduce every example, from each engine in turn (without the long
    bottom-up search unless ``full``; with the neural beam search where there is a ``net``
    and nothing simple fits, timed by the ``outer`` deadline that ``deadline`` is part of).
    Into ``near``, where given, go the beam's programs that miss one example or two (the
    likeliest ``NEAR`` of them), and the small search's (the first ``bottom_up.NEAR``). Where
    nothing simple fits, ``typos_first`` (given a share of the time) looks for programs that
    read an example as a typo before the conditionals and the beam run, and says whether it
    found one that is not contrived: then the beam does not run. Conditionals weigh their
    tests by how they route the unlabeled ``rows``. A program is contrived by its cost with
    what its slices that fall where they do by ``chance`` cost."""
    found: Found = []

    def run(engine: str, fraction: float | Deadline, fn) -> bool:
        """Whether ``engine`` finished in its time."""
        try:
            d = fraction if isinstance(fraction, Deadline) else deadline.sub(fraction)
            found.extend((c, p, engine) for c, p in fn(d))
        except Timeout:
            return False
        return True

    def contrived(at: float = CONTRIVED) -> bool:
        return not found or min(c + chance(p) for c, p, _ in found) > at

    # With a network, the version space leaves it time: it fails slowly on long outputs. The
    # noise model's learner has no network, and little else to try where the version space
    # is slow: it gets the more time.
    vs_share = (VS_SHARE if full else NOISE_VS_SHARE) if net is None else VS_SHARE_WITH_NET
    finished = run("version-space", vs_share, lambda d: engines.version_space(examples, d, k))
    wants_beam = net is not None and contrived()

    spent = 0.0  # on typos_first: it comes out of the noise model's later time, not the beam's

    def beam() -> None:
        left = (outer or deadline).left()
        run("neural", Deadline(min(BEAM_SECONDS, (left + spent) * BEAM_SHARE, left)), spelled)

    # Two typos may fall in two examples of four or more: two may miss.
    spare = 0 if near is None else 1 + (len(examples) >= SPARE_TWO_FROM)

    def spelled(d: Deadline) -> list[tuple[float, Node]]:
        got = neural.search(net, examples, d, BEAM, FIRST_BEAM, spare=spare)
        exact = [(c, p) for c, p in got if neural.fits(p, examples)]
        if near is not None:
            near.extend([(c, p) for c, p in got if (c, p) not in exact][:NEAR])
        return exact

    if wants_beam and not finished:
        beam()
    run("bottom-up", 0.1, lambda d: engines.small(examples, d, near, spare))
    if typos_first is not None and contrived():
        started = time.monotonic()
        wants_beam = wants_beam and not typos_first(deadline.sub(TYPOS_FIRST_SHARE))
        spent = time.monotonic() - started
    # Alternative decision lists serve suggest() and confidence; the noise model's learner
    # (not ``full``) keeps a few: the cheapest list learned without a mistyped example may
    # route it to the wrong branch, where the next (another test alike on the others) does not.
    k_cond = k if full else NOISE_DECISION_LISTS
    if contrived(CONTRIVED if full else NOISE_CONTRIVED):
        run(
            "conditional",
            0.7,
            lambda d: conditionals.synthesize(
                examples,
                lambda ex: engines.branches.version_space(ex, d, min(k_cond, PER_BRANCH)),
                d,
                k_cond,
                rows,
                # The noise model's learner keeps tests that route the examples it sets aside
                # differently: one of them may read a set-aside example as a typo.
                engines.probed(examples),
                [y for _, y in engines.aside(examples)],
                # A branch of the list nearest those examples is learned again with them
                # where it gives one far off: it may be the only one to show what the
                # branch writes (a thousands separator).
                lambda ex, aside: engines.branches.version_space(
                    ex, d, min(k_cond, PER_BRANCH), aside
                ),
            ),
        )
    if wants_beam and finished:
        beam()
    if not found and full:
        run("bottom-up", 1.0, lambda d: bottom_up.synthesize(examples, engines.constants, d))
    return found


def _quick(engines: _Remembered, rows: Sequence[tuple[str, ...]]):
    """The learner for the noise model: every engine but the long bottom-up search."""

    def learn(examples: Examples, deadline: Deadline) -> list[tuple[float, Node]]:
        k = _noise_k(examples)
        found = _search(examples, engines, deadline, k, full=False, rows=rows)
        return [(c, p) for c, p, _ in found]

    return learn


def _noise_k(examples: Examples) -> int:
    """How many programs the noise model learns from examples: from two or fewer, many tie."""
    return 8 if len(examples) <= 2 else 3


def synthesize(
    examples: Examples,
    rows: Sequence[tuple[str, ...]] = (),
    constants: Sequence[str] = (),
    timeout: float = 2.0,
    k: int = 5,
    noise: bool = True,
    engine: str = "auto",
    trusted: frozenset[int] = frozenset(),
) -> list[Candidate] | Failure:
    """The ``k`` most plausible programs, or why there is none.

    With ``noise``, programs that miss one or two examples by a few character edits compete
    too (see :mod:`likewise.synth.noise`), and carry the examples they believe are wrong;
    never one of the examples ``trusted``. ``engine`` is one of ``ENGINES``.
    """
    # Keep a little of the budget to explain a failure, so the whole call ends in time.
    deadline = Deadline(timeout * 0.9)
    net = neural.model() if engine != "symbolic" else None
    if engine == "neural":
        if net is None:
            return Failure("the neural engine is unavailable (no model weights)", ())
        found = neural.search(net, examples, deadline, BEAM)
        if not found:
            return Failure(
                "the neural engine found no program that reproduces every example"
                + (" in the time given" if deadline.left() <= 0 else ""),
                tuple(range(len(examples))),
            )
        return _ranked(net, examples, rows, k, [(c, p, "neural", ()) for c, p in found])
    n = len(examples)
    # Setting examples aside is for the few examples a person types, not for long lists.
    noise = noise and n <= MAX_NOISY_EXAMPLES
    exact_share = 0.6 if noise and n >= 2 else 1.0
    near: list[tuple[float, Node]] | None = [] if noise and n >= 3 else None
    engines = _Remembered(constants)
    # The noise model's learner: the programs it learns differ on the examples set aside.
    noisy = _Remembered(constants, NOISE_PER_GROUP, examples, engines)
    memos = (engines.learned, noisy.learned)  # (what the noise model's copies learn comes back)
    first: list[tuple[float, Node, tuple]] = []

    def chance(program: Node, suspects: tuple = ()) -> float:
        """What the slices of ``program`` that fall where they do by chance cost, on the
        examples it does not read as typos (see :func:`likewise.synth.rank.coincidences`;
        "r02-438-2865" is no shape of a phone number): as much whichever engine spelled it."""
        named = _named(suspects)
        inputs = [x for i, (x, _) in enumerate(examples) if i not in named]
        return COINCIDENCE * coincidences(program, inputs)

    def typos_first(d: Deadline) -> bool:
        """Whether a small program, or else the version space, learned from all examples but
        one finds a program that is not contrived for all the typo it reads. (Setting two
        examples aside here as well lost realistic tasks with two typos: 166 against 174.)"""
        # (The small search is slow on long texts, where the version space is fast: the
        # version space goes first, with half of the time at most.)
        for learn, share in (
            (lambda ex, d: noisy.version_space(ex, d, _noise_k(ex)), VS_FIRST_SHARE),
            (noisy.small, 1.0),
        ):
            first.extend(noise_model.candidates(examples, learn, 1, d.sub(share), memos))
        return any(c + chance(p, s) <= CONTRIVED for c, p, s in first)

    # Two examples with the same input and different outputs (let through by likewise.api
    # only for the noise model): no program gives both, one of them holds a typo.
    clash = len({x for x, _ in examples}) < n
    found = (
        []
        if clash
        else _search(
            examples,
            engines,
            deadline.sub(exact_share),
            k,
            net=net,
            outer=deadline,
            near=near,
            typos_first=typos_first if near is not None else None,
            rows=rows,
            chance=chance,
        )
    )
    found = [(c + chance(p), p, e) for c, p, e in found]
    pool: list[tuple[float, Node, str, tuple]] = [(c, p, e, ()) for c, p, e in found]
    top = _cheapest(found)
    best = min(c for c, _, _ in found) if found else None
    # A set-aside example can only win by being simpler by more than one edit's cost. A
    # conditional that sets one example apart is what a typo looks like, however cheap; one
    # that is a pattern (see _is_pattern) a typo must beat by another edit's cost, and so must
    # two where the pattern bends to no example ("Mr. " and "Ms. " by gender are no two typos
    # of one title). Not a reading that names examples the pattern bends to, nor one that
    # keeps the pattern, routing the examples as it does: the typo is then in what a branch
    # writes ("3" for "93" under the cap of 100).
    # A reading that keeps a word that looks misspelt pays for it, and one that leaves a
    # mistyped input uncounted for the typo (see noise_model.misspelt, noise_model.strays):
    # however cheap, the exact program then competes with the readings. So does one that bends
    # to an example (see noise_model.bent): a part or a setting serves that example alone.
    misspelt = set(noise_model.misspelt(examples)) if noise else set()
    strays = noise_model.mistyped_inputs(examples) if noise else {}
    if (
        noise
        and n >= 2
        and (
            best is None
            or (
                n >= 3
                and (
                    best > noise_model.EDIT_COST + 1.5
                    or isinstance(top, If)
                    or misspelt
                    or strays
                    or noise_model.bent(top, examples)
                )
            )
        )
    ):
        pattern = _is_pattern(top, examples, deadline)
        extra = noise_model.EDIT_COST if pattern else 0.0
        # Two typos pay it too where the pattern bends to no example (each branch writes its
        # examples alike); else the typos may be what it bends to.
        bends_to = noise_model.bent(top, examples) if pattern else frozenset()
        extra_two = extra if pattern and not bends_to else 0.0
        learner = _quick(noisy, rows)
        # Two examples may be set aside where nothing plain fits: a conditional that is no
        # pattern may be setting one mistyped example apart and bending to the other. So may
        # two whose inputs hold a stray character each: a pattern may read both as they are.
        plain = best is not None and best <= CONTRIVED and not (isinstance(top, If) and not pattern)
        max_out = 2 if n >= 4 and (not plain or len(strays) >= 2) else 1
        for c, p, suspects in [
            *first,
            *noise_model.near_misses(examples, near or [], deadline),
            *noise_model.candidates(examples, learner, max_out, deadline, memos),
        ]:
            pays = extra if len(suspects) == 1 else extra_two
            if pays and (
                _named(suspects) <= bends_to or _routes(p, examples) == _routes(top, examples)
            ):
                pays = 0.0
            pool.append((c + pays + chance(p, suspects), p, "noise", suspects))
    if clash:
        # A conditional tells two examples with the same input apart only by a test that the
        # typo read in one of them flips: "john@example.com" meant without the "com" that
        # routes the other to "nope". That is no reading to trust. One that reads a typo in
        # the output alone routes both alike ("penUding" for the "pending" of an empty row).
        pool = [
            r for r in pool if not isinstance(r[1], If) or _outputs_mistyped(r[1], examples, r[3])
        ]
    pool = [r for r in pool if not _named(r[3]) & trusted]
    if not pool:
        spare = Deadline(max(0.0, deadline.left()) + timeout * 0.08)
        return _diagnose(examples, constants, spare, deadline.left() <= 0)
    # A program that sets one example apart as a typo and another with a branch of its own
    # explains the examples twice over; so does any such branch where one program without
    # branches explains them all (the network's, or one that reads some as typos).
    # So does a program that bends to examples (see noise_model.bent) that another reading
    # names as typos.
    uniform = any(e in ("neural", "noise") and not isinstance(p, If) for _, p, e, _ in pool)
    readings = {_named(s) for _, _, _, s in pool}
    pool = [
        (
            c
            + noise_model.MISSPELT * noise_model.left_misspelt(examples, misspelt, s)
            + noise_model.strays(p, examples, strays, s)
            + SET_APART
            * (
                ((uniform or bool(s)) and _sets_one_apart(p, examples, s))
                or _bends(p, examples, _named(s), readings)
            ),
            p,
            e,
            noise_model.unread_strays(p, examples, strays, s),
        )
        for c, p, e, s in pool
    ]
    return _ranked(net, examples, rows, k, pool)


def _ranked(
    net: neural.NeuralModel | None,
    examples: Examples,
    rows: Sequence[tuple[str, ...]],
    k: int,
    pool: list[tuple[float, Node, str, tuple]],
) -> list[Candidate]:
    """The ``k`` best of the pool, each program once: by cost, ties broken by the model's
    likelihood where there is a model (else by fewer constant characters, then text), then
    penalized for failing on the unlabeled rows."""
    seen: dict[Node, tuple[str, tuple]] = {}
    ranked = []
    for c, p, engine, suspects in sorted(pool, key=lambda x: x[0]):
        p = canonical(p)
        if p not in seen:
            seen[p] = (engine, suspects)
            ranked.append((c, p))
    ranked.sort(key=lambda x: (tied(x[0]), constant_chars(x[1]), str(x[1])))
    if net is not None:
        ranked = neural.break_ties(net, examples, ranked)
    return [Candidate(c, p, *seen[p]) for c, p in rerank(ranked, rows)[:k]]


def _outputs_mistyped(program: Node, examples: Examples, suspects: tuple) -> bool:
    """Whether ``suspects`` read a typo only in outputs where an example's input is another's:
    ``program`` gives the output they expect from the input as it was given."""
    inputs = [x for x, _ in examples]
    return all(
        inputs.count(examples[i][0]) == 1
        or (got is not None and program.run(examples[i][0]) == got)
        for i, _, got in suspects
    )


def _named(suspects: tuple) -> frozenset[int]:
    """The examples a reading names as typos."""
    return frozenset(i for i, _, _ in suspects)


def _bends(
    program: Node, examples: Examples, named: frozenset[int], readings: set[frozenset[int]]
) -> bool:
    """Whether ``program``, reading the examples ``named`` as typos, bends to others (see
    noise_model.bent) that one of the ``readings`` names as typos, beside any that both name
    ("7277" for "727", where a piece of the program serves that example alone, and another
    reading names it), or only to those it names itself: it explains them twice, bending to
    one typo and reading another (it cuts "/sIrv" around the "I" and reads "usHers.csv" as a
    typo of "users.csv")."""
    beside = {r - named for r in readings} - {frozenset()}
    if not beside and not named:  # (bent reads every example's output: only where it matters)
        return False
    odd = noise_model.bent(program, examples)
    return (bool(odd) and odd <= named) or (odd - named) in beside


def _cheapest(found: Found) -> Node | None:
    return min(found, key=lambda f: f[0])[1] if found else None


def _branches(program: If, examples: Examples) -> list[tuple[Node, int]]:
    """Each branch of an If chain, with how many examples it serves."""
    out = []
    node, rows = program, [ex[0] for ex in examples]
    while isinstance(node, If):
        taken = [r for r in rows if node.cond.run(r)]
        out.append((node.then, len(taken)))
        rows = [r for r in rows if r not in taken]
        node = node.other
    return [*out, (node, len(rows))]


def _routes(program: Node | None, examples: Examples) -> frozenset[frozenset[int]]:
    """How ``program``'s branches group the examples (one group where it has none)."""
    groups: dict[int, set[int]] = {}
    for i, (x, _) in enumerate(examples):
        groups.setdefault(conditionals.branch(program, x), set()).add(i)
    return frozenset(map(frozenset, groups.values()))


def _is_pattern(program: Node | None, examples: Examples, deadline: Deadline) -> bool:
    """Whether ``program`` is a conditional whose every branch serves two examples or more,
    and none of whose branches fits the examples it does not serve as typos (one of them
    alone fitting all the examples but one, say): else the conditional may only be setting
    mistyped examples apart. Nor is one that tests for digits in a text (the leading "9" of
    "93" and "92Q", where "w68" and a mistyped "92Q" leave no threshold): that is likelier a
    coincidence of the examples' numbers than a rule. Past the ``deadline`` it counts as a
    pattern."""
    if not isinstance(program, If) or _tests_digits(program):
        return False
    branches = _branches(program, examples)
    if min(size for _, size in branches) < 2:
        return False
    try:
        for b, _ in branches:
            missed = tuple(i for i, (x, y) in enumerate(examples) if b.run(x) != y)
            if len(missed) <= 1 or noise_model.typos(examples, missed, b, deadline):
                return False
    except Timeout:
        pass
    return True


def _tests_digits(program: Node) -> bool:
    """Whether a test of ``program``'s chain of conditionals looks for digits in a text."""
    while isinstance(program, If):
        test = program.cond.b if isinstance(program.cond, Not) else program.cond
        text = next((c.text for c in test.children() if isinstance(c, Const)), "")
        if isinstance(test, Contains | PrefixOf | SuffixOf) and text.isdigit():
            return True
        program = program.other
    return False


def _sets_one_apart(program: Node, examples: Examples, suspects: tuple) -> bool:
    """Whether ``program`` is a conditional with a branch for a single one of four or more
    examples (not one of those the ``suspects`` name as typos): that branch memorizes its
    example rather than shows a rule. Not where the branch writes a label (see
    :func:`_label`), as another example gives it too, or would without its typo ("10%"
    beside "1%" read as a typo of it). A typo'd example alone in its branch may write what
    only it shows ("normal" for "noral"), but not nothing: a branch that gives no value on
    its one example serves none. Nor an example with an empty input: an empty cell is a kind
    of its own ("N/A" for a missing name, a middle name left out), not one example memorized."""
    if len(examples) < 4 or not isinstance(program, If):
        return False
    named = _named(suspects)
    meant = [y for _, y in examples]
    for i, _, expected in suspects:
        meant[i] = meant[i] if expected is None else expected
    branches = [b for b, _ in _branches(program, examples)]
    served = [conditionals.branch(program, x) for x, _ in examples]
    return any(
        (i not in named or program.run(examples[i][0]) is None)
        and "" not in examples[i][0]
        and served.count(served[i]) == 1
        and not _label(branches, served[i], examples, i, meant)
        for i in range(len(examples))
    )


def _label(branches: list[Node], b: int, examples: Examples, i: int, meant: Sequence[str]) -> bool:
    """Whether branch ``b``, the only one to serve example ``i``, writes a label: a constant
    that other examples give too, as ``meant`` (another, mistyped, may be routed elsewhere:
    "100" for "32s7"), or one of constants only, where no other branch gives example ``i``'s
    output within a typo (a label given once: "senior" beside "minor" and "adult")."""
    inputs, given = examples[i]
    if not isinstance(branches[b], Const):
        return False
    if list(meant).count(given) > 1:
        return True
    if not all(isinstance(branch, Const) for branch in branches):
        return False
    for other in branches[:b] + branches[b + 1 :]:
        got = other.run(inputs)
        # (As with typos, a blank output may be a one-character label deleted.)
        limit = noise_model.max_edits(max(got, given, key=len)) or int(given == "")
        if edit_distance(got, given, limit) <= limit:
            return False
    return True


def _diagnose(
    examples: Examples, constants: Sequence[str], deadline: Deadline, timed_out: bool
) -> Failure:
    alone = []
    try:
        for i, ex in enumerate(examples):
            if not version_space.synthesize([ex], constants, deadline, 1):
                alone.append(i)
    except Timeout:
        pass
    if alone:
        which = ", ".join(str(i + 1) for i in alone)
        return Failure(
            f"example {which}: the output cannot be built from the input's text, case changes "
            "and constants",
            tuple(alone),
        )
    clash = _first_clash(examples, constants, deadline)
    if clash:
        a, b = clash
        return Failure(
            f"examples {a + 1} and {b + 1} need different programs, and no simple test on the "
            "inputs tells them apart" + (" in the time given" if timed_out else ""),
            clash,
        )
    return Failure(
        "no program reproduces all the examples" + (" in the time given" if timed_out else ""),
        tuple(range(len(examples))),
    )


def _first_clash(
    examples: Examples, constants: Sequence[str], deadline: Deadline
) -> tuple[int, int] | None:
    try:
        for b in range(1, len(examples)):
            for a in range(b):
                if not version_space.synthesize([examples[a], examples[b]], constants, deadline, 1):
                    return (a, b)
    except Timeout:
        pass
    return None

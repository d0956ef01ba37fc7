"""The noise model: programs that fit all examples but one or two, and how far off those are.

A user's example may hold a typo. For each way of setting aside one example (or two, with four
or more examples), the synthesizers learn from the rest; a program then pays for each character
edit between its output and the set-aside example's given output, or for one edit to the
example's input where correcting one character there makes it give the given output. A
conditional learned without the example may test the wrong thing on it; where one of its
branches nearly gives the example's output, the examples are learned again with that output
corrected; so are they where the output is a typo of another example's, where a word of it
looks misspelt (a label given once) or two outputs hold stray letters in numbers, where two
set-aside outputs are typos of one text, or where undoing one of two or three edits may leave
what only that example shows. The oddest example is set aside first. An input with a stray
character looks mistyped. A program wins over the programs that fit everything only when it
is simpler by more than the edits cost.
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import fields, replace
from itertools import chain, combinations

from likewise.lang.ast import Bucket, FormatDate, FormatNumber, If, Node, StrToInt
from likewise.lang.explain import explain
from likewise.synth import conditionals, lanes, spelling
from likewise.synth.deadline import Deadline, Timeout
from likewise.synth.edits import edit_distance

Examples = Sequence[tuple[tuple[str, ...], str]]
Learner = Callable[[Examples, Deadline], list[tuple[float, Node]]]
# (example index, given output, output the program gives: None where the example's input looks
# mistyped, because the program gives no value for it or gives the given output once one
# character of the input is corrected)
Suspect = tuple[int, str, str | None]

EDIT_COST = 3.0  # cost units per character edit; a typo-free program must be this much worse
MISSPELT = EDIT_COST + 1.0  # a reading that keeps a misspelt output word (see misspelt)
# A dropped character that fits among its neighbours (see typo_cost) costs this less.
DROPPED = 0.75
# An input the program reads nothing from, that no one edit fixes, is a typo no likelier than
# one that a single edit fixes: beside its edits, it costs this (see typos).
UNREAD = 1.0
# Where either the input or the output may hold a typo (see _copy_fixes), the input's costs
# this more: the user typed the output; the input likelier came as it is from the data.
TYPED = 0.05
SHORT = 2  # an output this long may be another example's by a typo (see _output_edits)
MAX_REPAIR_LENGTH = 200  # inputs longer than this are not searched for a mistyped character
MAX_ALPHABET = 80  # characters tried in place of a mistyped one, at most
_WORD = re.compile(r"[^\W_]+")  # letters and digits
_LETTERS = re.compile(r"[^\W\d_]+")
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = set(_OPEN.values())


def typo_cost(meant: str, given: str, edits: int, others: Sequence[str] = ()) -> float:
    """What ``edits`` character edits that make ``meant`` into ``given`` cost. A dropped
    character costs ``DROPPED`` less where it fits among its neighbours (a letter beside a
    letter, a digit beside a digit, or the same character), or, a mark, where one of the
    ``others`` (the other examples' outputs) has it at the same place (see _placed): an
    added character is random and seldom fits, so one that fits is likelier meant and
    dropped ("discontinue" beside "discontinued"; the "." of "Mr. Guibert" beside "Ms.
    Miller"), and one that does not likelier added (the "W" of "10%W" beside "10%"). For the
    same reason a character replaced by one that fits its neighbours where it did not costs
    ``DROPPED`` more ("100" is no likely typo of "10,", where "10," is one of "100"), and so
    does one added where one of the ``others`` has it ("Mr. Köhler" is no likely typo of "Mr
    Köhler" beside "Ms. Miller"), or where it makes a field as wide as the others' (see
    :func:`_widens`)."""
    edited = _edits(meant, given)
    # (Nor does a character fit that would make a field wider than the others': "105/08"
    # is no likely meaning of "15/08" beside "01/03" and "22/08"; that costs more.)
    over = [not text and b > a and _overfills(meant, a, given, others) for a, b, text in edited]
    dropped = sum(
        not text and b > a and (_fits(meant, a) or _placed(meant, a, others)) and not o
        for (a, b, text), o in zip(edited, over, strict=True)
    )
    fitted = sum(
        bool(text) and b > a and not _fits(meant, a) and _fits(meant[:a] + text + meant[b:], a)
        for a, b, text in edited
    )
    # (Likewise, a character put in where the others have it is likelier meant.)
    fitted += sum(
        not text and b > a and (_placed(given, a, others) or _widens(given, a, others))
        for a, b, text in _edits(given, meant)
    )
    return EDIT_COST * edits - DROPPED * min(edits, dropped) + DROPPED * (fitted + sum(over))


def input_cost(meant: str, typed: str, edits: int, others: Sequence[str] = ()) -> float:
    """As :func:`typo_cost`, for an input ``typed`` where ``meant`` was: an edit that makes a
    word of ``typed`` in the dictionary (see :mod:`likewise.synth.spelling`) one that is not
    costs an edit more. A typo seldom makes a word of a non-word: "December 29, 2004" is no
    likely typo of "JDecember 29, 2004". (An output is another matter: where a program copies
    a mistyped input, what it gives holds the non-word that the user's output corrects.)"""
    cost = typo_cost(meant, typed, edits, others)
    lost = set(_LETTERS.findall(typed)) - set(_LETTERS.findall(meant))
    if not any(len(w) >= spelling.MIN_LENGTH and spelling.known(w) for w in lost):
        return cost
    made = set(_LETTERS.findall(meant)) - set(_LETTERS.findall(typed))
    return cost if any(spelling.known(w) for w in made) else cost + EDIT_COST


def _fits(text: str, at: int) -> bool:
    """Whether the character at ``at`` is of a kind with a neighbour (see typo_cost)."""
    kind = _kind(text[at])
    return any(_kind(text[n]) == kind for n in (at - 1, at + 1) if 0 <= n < len(text))


def _placed(text: str, at: int, others: Sequence[str]) -> bool:
    """Whether ``text``'s character at ``at`` is a mark (neither letter nor digit: the format's)
    that one of ``others`` has at the same place, from the start or from the end (see
    typo_cost). (Letters and digits fall on their like by chance.)"""
    back, mark = at - len(text), text[at]
    return not mark.isalnum() and any(
        (at < len(o) and o[at] == mark) or (-back <= len(o) and o[back] == mark) for o in others
    )


def _widens(text: str, at: int, others: Sequence[str]) -> bool:
    """Whether ``text``'s character at ``at`` is a digit that makes its run of digits as
    long as the run at the same place (counted from the start, or from the end) is in every
    one of ``others``, two at least: a field of fixed width ("5910.09" beside "774.35" and
    "-1.18", where "5910.0" falls short). (Where the widths vary, or are one, it says
    nothing; nor of letters, where the same word of two letters is no field: the "O" of
    "PO-91884" may be typed or dropped like any.)"""
    if len(others) < 2 or not text[at].isdigit():
        return False
    mine = _runs(text)
    k = next(n for n, (a, b) in enumerate(mine) if a <= at < b)
    width, kind = mine[k][1] - mine[k][0], _kind(text[at])
    if width < 2:  # (one digit each is as likely the numbers' size: "3", "1", "7")
        return False

    def alike(other: str, place: int) -> bool:
        runs = _runs(other)
        if not -len(runs) <= place < len(runs):
            return False
        a, b = runs[place]
        return b - a == width and _kind(other[a]) == kind

    return any(all(alike(o, place) for o in others) for place in (k, k - len(mine)))


def _overfills(meant: str, at: int, given: str, others: Sequence[str]) -> bool:
    """Whether ``meant``'s digit at ``at``, dropped from ``given``, would widen a run that
    ``given`` holds as wide as each of ``others`` does (see :func:`_widens`)."""
    if not meant[at].isdigit():
        return False
    kind = _kind(meant[at])
    near = [n for n in (at - 1, at) if 0 <= n < len(given) and _kind(given[n]) == kind]
    return bool(near) and _widens(given, near[0], others)


def _runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s runs of letters, of digits, and of each mark alone."""
    runs: list[tuple[int, int]] = []
    for at, c in enumerate(text):
        if runs and c.isalnum() and _kind(c) == _kind(text[at - 1]):
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def _others(examples: Examples, i: int) -> list[str]:
    """The outputs of the examples but ``i``."""
    return [y for j, (_, y) in enumerate(examples) if j != i]


def _other_inputs(examples: Examples, i: int) -> list[str]:
    """The inputs of the examples but ``i``, each example's joined as :func:`typos` joins
    a mistyped one's to price it."""
    return ["".join(x) for j, (x, _) in enumerate(examples) if j != i]


def _kind(c: str) -> str:
    return "a" if c.isalpha() else "0" if c.isdigit() else c


def max_edits(output: str, label: bool = True) -> int:
    """How many edits still read as a typo of ``output`` rather than another value: one per
    three characters, at most three, and one in two characters ("32" for the hour "12"). A
    single character has no typos: any edit makes another value. An output computed from its
    input rather than a ``label`` that other examples give too may take one edit per three
    characters begun ("3:b32" for "23:32"): a label two edits from another ("mild", "cold")
    may be another label, a text built from the input hardly another rule's."""
    if len(output) <= 2:
        return len(output) // 2
    return min(3, len(output) // 3 if label else -(-len(output) // 3))


def input_repaired(
    prog: Node,
    inputs: tuple[str, ...],
    given: str,
    alphabet: str,
    deadline: Callable[[], None],
    price: Callable[[tuple[str, ...]], float | None] | None = None,
) -> tuple[str, ...] | None:
    """``inputs`` with the first character edit to one of them (deleting a character, or
    putting one of ``alphabet`` between two or in place of one) that makes ``prog`` give
    ``given``, or None: the input looks mistyped and the output right. As with outputs, a
    single character has no typos: any edit makes another value. After the deletions, the
    edits that undo what tells the program's output from ``given`` go first (see
    :func:`_undoing`): trying every edit of a long input takes a while. With ``price``, only
    an edit it prices (not None) counts, and where the first costs more than an edit (a
    character put in that looks meant: the "1" of "15/08/2626" read as "5/08/2626"), a later
    one that does not wins ("15/08/2026")."""
    if not max_edits(given):
        return None
    read = prog.inputs_used()
    tries = chain(
        _one_edit(inputs, "", deadline, read),  # (deletions only)
        _undoing(inputs, prog.run(inputs), given, alphabet, read),
        _one_edit(inputs, alphabet, deadline, read),
    )
    first = None
    for fixed in tries:
        if prog.run(fixed) != given:
            continue
        if price is None:
            return fixed
        cost = price(fixed)
        if cost is not None and cost <= EDIT_COST:
            return fixed
        if cost is not None and first is None:
            first = fixed
    return first


MAX_UNDONE = 3  # edits between a program's output and the given one that _undoing undoes


def _undoing(
    inputs: tuple[str, ...], got: str | None, given: str, alphabet: str, read: set[int]
) -> Iterator[tuple[str, ...]]:
    """``inputs`` with one edit (to one of those ``read``) that does to them what an edit
    making ``got`` into ``given`` does, where ``MAX_UNDONE`` at most make it: a character of
    ``got`` replaced (by one of ``alphabet``) or dropped where an input holds it, or one of
    ``given`` and ``alphabet`` put in anywhere ("9F" for "97", where the program copies the
    "F" into its output)."""
    if not isinstance(got, str) or edit_distance(got, given, MAX_UNDONE) > MAX_UNDONE:
        return
    for a, b, text in _edits(got, given):
        if text and text not in alphabet:
            continue
        for f, s in enumerate(inputs):
            if len(s) > MAX_REPAIR_LENGTH or f not in read:
                continue
            if b > a:  # got[a] replaced, or dropped
                fixed = (s[:p] + text + s[p + 1 :] for p in range(len(s)) if s[p] == got[a])
            else:
                fixed = (s[:p] + text + s[p:] for p in range(len(s) + 1))
            yield from ((*inputs[:f], x, *inputs[f + 1 :]) for x in fixed)


def _repaired_near(
    prog: Node, examples: Examples, i: int, deadline: Callable[[], None]
) -> tuple[tuple[str, ...], str] | None:
    """As :func:`input_repaired` for example ``i``, but where what ``prog`` gives on the
    repaired inputs is a typo of one edit from the output (see :func:`_output_edits`): a typo
    in the input and one in the output. With what it gives. Not a repair that leaves a stray
    character (see :func:`mistyped_inputs`) that the program reads around: "$5,565y.7" for
    "$5,56y.7" is still mistyped."""
    inputs, given = examples[i]
    if not max_edits(given):
        return None
    for fixed in _one_edit(inputs, _alphabet(examples, i), deadline, prog.inputs_used()):
        got = prog.run(fixed)
        if (
            isinstance(got, str)
            and _output_edits(examples, i, got) == 1
            and _clears(examples, i, fixed)
        ):
            return fixed, got
    return None


def _output_edits(examples: Examples, i: int, got: str | None) -> int | None:
    """How many edits make what a program gives on example ``i`` into its output, where they
    read as a typo of it; else None."""
    given = examples[i][1]
    if got is None:
        return None
    # (A typo would not happen to give another example's output: the same output twice is
    # what the user meant, and its input may hold the typo. Unless the output is short, and
    # the program computes what it gives from the input rather than writes a label that other
    # examples give too: "1" for the month "12", beside January's "1".)
    label = got in _others(examples, i)
    if (label or len(given) > SHORT) and given in _others(examples, i):
        return None
    # A deleted character can make the given output short: the longer of the two says how
    # many edits a typo may take.
    limit = max_edits(max(got, given, key=len), label)
    # A deleted character can also empty an output of one: the cell left blank. And a
    # character the program computes from the input (the middle name's initial "L") may be
    # replaced by one the input does not hold ("N"): as any edit of one character makes
    # another value, that counts as two edits.
    limit = limit or int(given == "")
    if not (limit or label) and len(got) == len(given) == 1:
        return 2 if given.lower() not in "".join(examples[i][0]).lower() else None
    d = edit_distance(got, given, limit)
    # (Nor would a typo happen to balance the brackets that the output meant to leave open:
    # "(45.10)" is no typo of "X45.10)".)
    return d if d <= limit and (_balanced(got) or not _balanced(given)) else None


def _one_edit(
    inputs: tuple[str, ...],
    alphabet: str,
    deadline: Callable[[], None],
    read: set[int] | None = None,
) -> Iterator[tuple[str, ...]]:
    """``inputs`` with one character edit to one of them (an empty one: a character put in),
    of those ``read`` where given (an edit to an input a program does not read changes
    nothing it gives)."""
    for f, s in enumerate(inputs):
        if len(s) > MAX_REPAIR_LENGTH or (read is not None and f not in read):
            continue
        deletions = (s[:at] + s[at + 1 :] for at in range(len(s)))
        substitutions = (
            s[:at] + c + s[at + 1 :] for at in range(len(s)) for c in alphabet if c != s[at]
        )
        insertions = (s[:at] + c + s[at:] for at in range(len(s) + 1) for c in alphabet)
        # (A character put back is likelier what a typo dropped than one taken out or
        # replaced is what it added: see typo_cost. It goes before those.)
        for n, fixed in enumerate(chain(deletions, insertions, substitutions)):
            if n % 256 == 0:
                deadline()
            yield (*inputs[:f], fixed, *inputs[f + 1 :])


def _alphabet(examples: Examples, i: int) -> str:
    """What a mistyped character of example ``i``'s input most likely stood for: a character
    of its output or of another example's input."""
    chars = set(examples[i][1])
    for j, (inputs, _) in enumerate(examples):
        if j != i:
            chars.update(*inputs)
    return "".join(sorted(chars))[:MAX_ALPHABET]


def candidates(
    examples: Examples,
    learn: Learner,
    max_out: int,
    deadline: Deadline,
    memos: Sequence[dict] = (),
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """Programs learned with ``1..max_out`` examples set aside, each with its noise cost.
    Each way of setting examples aside has an equal share of the time left (what one leaves
    goes to the rest): learning from a mistyped example fails slowly, and the way that sets
    it aside, maybe the last, finds the program fast. A way that keeps two examples with the
    same input (and different outputs) is not tried. Past the deadline it returns what it
    has. On two cores, a copy of this process takes the ways in turn with it (see
    :mod:`likewise.synth.lanes`: a share is then of two processes' time, the other on a way
    of its own), and sends back what ``learn`` remembers in ``memos``."""
    n = len(examples)
    odd = oddness(examples)
    ways = [
        left
        for size in range(1, max_out + 1)
        if n - size >= 1
        for left in sorted(combinations(range(n), size), key=lambda w: -sum(odd[i] for i in w))
        if len({x for i, (x, _) in enumerate(examples) if i not in left}) == n - size
    ]
    # The oddest example, where it stands out, is the likeliest typo: setting it aside first
    # gets a larger share of the time.
    first, second, *_ = sorted(odd, reverse=True) + [0, 0]
    stands_out = first - second >= STANDS_OUT

    def work(at: int, running: int) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
        found: list[tuple[float, Node, tuple[Suspect, ...]]] = []
        if deadline.left() > 0:
            # (Of the ways left, and the one that each other process is on.)
            share = running / (len(ways) - at + running - 1)
            d = deadline.sub(max(share, ODDEST_SHARE) if at == 0 and stands_out else share)
            with contextlib.suppress(Timeout):  # (what it found in time stays in found)
                found.extend(_set_aside(examples, ways[at], learn, d))
        return found

    return lanes.spread(len(ways), work, deadline, memos)


STANDS_OUT = 2  # oddness (see below) by which the oddest example stands out
ODDEST_SHARE = 0.5  # of the time, for setting aside an example that stands out
_GRAM = 3


def oddness(examples: Examples) -> list[int]:
    """Per example, how many runs of three characters of its output (any case) neither its
    inputs nor another example's output hold. A typo in the output makes up to three such
    runs, one in the input that the output copies from as many; copied text and constants
    make none, but where pieces meet."""
    outputs = Counter(g for _, y in examples for g in set(_grams(y)))  # outputs holding each
    out = []
    for inputs, given in examples:
        read = {g for s in inputs for g in _grams(s)}
        out.append(sum(g not in read and outputs[g] == 1 for g in _grams(given)))
    return out


def _grams(text: str) -> list[str]:
    """The runs of ``_GRAM`` characters of ``text``, in any case."""
    low = text.lower()
    return [low[a : a + _GRAM] for a in range(len(low) - _GRAM + 1)]


def _set_aside(
    examples: Examples, left: tuple[int, ...], learn: Learner, d: Deadline
) -> Iterator[tuple[float, Node, tuple[Suspect, ...]]]:
    """The programs learned without the examples ``left``, that read those as typos."""
    kept = [ex for i, ex in enumerate(examples) if i not in left]
    learned = learn(kept, d)
    for c, prog, found in _read(examples, [(c, p, left) for c, p in learned], d):
        if found is not None:
            yield (c + found[0], prog, found[1])
        elif len(left) == 1 and isinstance(prog, If):
            yield from _another_branch(examples, left[0], prog, learn, d)
    yield from _respelt(examples, left, learn, d)
    yield from _copies(examples, left, learn, d)
    if len(left) == 2:
        yield from _consensus(examples, left, learn, d)
    if len(left) == 1:
        yield from _another_label(examples, left[0], learn, d)
        if learned:
            yield from _half_corrected(examples, left[0], learned[0][1], learn, d)
            yield from _corrected_input(examples, left[0], learned[0][1], learn, d)


def _read(
    examples: Examples,
    programs: Sequence[tuple[float, Node, tuple[int, ...]]],
    deadline: Callable[[], None],
) -> Iterator[tuple[float, Node, tuple[float, tuple[Suspect, ...]] | None]]:
    """Each of ``programs`` (with the examples it sets aside) with what :func:`typos` makes of
    it. Those that read the examples as typos of what they give go first: trying every edit of
    an input for the others is slow on long inputs, and the time may run out."""
    later = []
    for c, prog, left in programs:
        found = typos(examples, left, prog, deadline, repair=False)
        if found is None:
            later.append((c, prog, left))
        else:
            yield c, prog, found
    for c, prog, left in later:
        yield c, prog, typos(examples, left, prog, deadline)


def near_misses(
    examples: Examples, programs: Sequence[tuple[float, Node]], deadline: Callable[[], None]
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """Of ``programs`` that miss some examples (a beam search's, or the short bottom-up
    search's), those that miss them by typos, each with its noise cost. Past the deadline it
    returns what it has."""
    out = []
    try:
        missed = [
            (c, p, tuple(i for i, ex in enumerate(examples) if p.run(ex[0]) != ex[1]))
            for c, p in programs
        ]
        for c, prog, found in _read(examples, missed, deadline):
            if found is not None:
                out.append((c + found[0], prog, found[1]))
    except Timeout:
        pass
    return out


def _unstrayed(examples: Examples, i: int) -> bool:
    """Whether example ``i``'s output is one of its inputs without its stray character (see
    :func:`mistyped_inputs`): what the user meant, as an output equal to its input is, so the
    typo is the input's. No reading corrects that output ("-358" for "-L358" is no typo of
    "L358")."""
    return examples[i][1] in mistyped_inputs(examples).get(i, ())


def _another_branch(
    examples: Examples, i: int, prog: If, learn: Learner, deadline: Deadline
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """A conditional learned without example ``i`` may test the wrong thing on it (one example
    of a branch shows no more than one way to recognise it), yet one of its branches gives
    nearly the given output there: the output looks like a typo of that branch's, and the
    examples with that output corrected are learned again."""
    inputs, given = examples[i]
    if _unstrayed(examples, i):
        return []
    branches, node = [], prog
    while isinstance(node, If):
        branches.append(node.then)
        node = node.other
    for branch in [*branches, node]:
        fixed = branch.run(inputs)
        if not isinstance(fixed, str) or fixed == given:
            continue
        limit = max_edits(max(fixed, given, key=len))
        d = edit_distance(fixed, given, limit)
        if d <= limit:
            corrected = [*examples[:i], (inputs, fixed), *examples[i + 1 :]]
            suspect = ((i, given, fixed),)
            cost = typo_cost(fixed, given, d, _others(examples, i))
            return [(c + cost, p, suspect) for c, p in learn(corrected, deadline)]
    return []


def _consensus(
    examples: Examples, left: tuple[int, ...], learn: Learner, deadline: Deadline
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """Two set-aside examples may hold two typos of one output that no other example gives
    ("PASb" and "PASgS" for "PASS"): no program learned without them could write it. Of
    the texts a typo from each, the one with the fewest words that look misspelt, then the
    fewest characters that only one of them holds (a character that a typo put in, rather
    than one it took out), then whose typos cost least (see typo_cost), where one does, the
    examples are learned again with both outputs corrected to it ("discontinued" of
    "discontinue" and "discontinuKd", not "discontinud")."""
    i, j = left
    a, b = examples[i][1], examples[j][1]
    if min(max_edits(a), max_edits(b)) < 1 or edit_distance(a, b, 2) != 2:
        return []
    stray = set(a) ^ set(b)
    alphabet = "".join(sorted(set(a) | set(b)))
    centers = {
        c: (
            sum(spelling.respelt(w) is not None for w in _WORD.findall(c)),
            len(stray & set(c)),
            typo_cost(c, a, 1) + typo_cost(c, b, 1),
        )
        for (c,) in _one_edit((a,), alphabet, deadline)
        if edit_distance(c, b, 1) == 1
    }
    best = min(centers.values(), default=None)
    if list(centers.values()).count(best) != 1:
        return []
    (fixed,) = (c for c, key in centers.items() if key == best)
    corrected = [(x, fixed) if k in left else (x, y) for k, (x, y) in enumerate(examples)]
    suspects = ((i, a, fixed), (j, b, fixed))
    cost = best[2]
    return [(c + cost, p, suspects) for c, p in learn(corrected, deadline)]


def _another_label(
    examples: Examples, i: int, learn: Learner, deadline: Deadline
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """Example ``i``'s output may be a typo of another example's ("0Y" for "0") where no
    program learned without it gives that output there (it takes the "0" from the other
    example's input "-406"): the examples are learned again with the output corrected to
    the nearest other output within a typo's reach (where one is nearest)."""
    inputs, given = examples[i]
    if _unstrayed(examples, i):
        return []
    near: dict[str, int] = {}
    for y in set(_others(examples, i)) - {given}:
        limit = max_edits(max(y, given, key=len))
        if limit and (d := edit_distance(y, given, limit)) <= limit:
            near[y] = d
    best = min(near.values(), default=0)
    if not best or list(near.values()).count(best) > 1:
        return []
    (fixed,) = (y for y, d in near.items() if d == best)
    corrected = [*examples[:i], (inputs, fixed), *examples[i + 1 :]]
    suspect = ((i, given, fixed),)
    cost = typo_cost(fixed, given, best, _others(examples, i))
    return [(c + cost, p, suspect) for c, p in learn(corrected, deadline)]


def misspelt(examples: Examples, numbers: bool = True) -> dict[int, str]:
    """Per example whose output holds a word that looks mistyped, that output corrected: a
    word that looks misspelt (see :func:`likewise.synth.spelling.respelt`), or, with
    ``numbers``, a number with a stray letter ("512.0a5", "0Y") where other examples' outputs
    hold no letter (but other stray ones, none the same: two typos may both stray), or, where
    two other examples' outputs at least hold none of its kind, a word with one stray
    character (see :func:`_odd_kind`: "Fh" for the grade "F"). Where no
    input holds the word, nor does a misspelt one hold a word of its input ("jhouse" is "j"
    and the "House" of "Justin House"), no other example's output holds it (the same word
    twice is what the user meant), and it is the output's only such word. A program can only
    write such a word from a constant, and a user is likelier to mistype a word than to mean
    one a letter from it."""
    out = {}
    for i, (inputs, given) in enumerate(examples):
        texts = [s.lower() for j, (xs, y) in enumerate(examples) for s in (*xs, y) if j != i]
        texts += [s.lower() for s in inputs]
        parts = {w.lower() for s in inputs for w in _WORD.findall(s) if len(w) >= 3}
        others = " ".join(_others(examples, i)).lower()
        # (Other outputs hold no letter but stray ones, none the same: two typos may stray.)
        numeric = numbers and all(w.isdigit() or _unlettered(w) for w in _WORD.findall(others))
        kinds = {_case(c) for y in _others(examples, i) for c in y}
        fixes = []
        for m in _WORD.finditer(given):
            w = m.group()
            fixed = spelling.respelt(w)
            if fixed is not None and any(p in w.lower() for p in parts):
                fixed = None
            if fixed is None and numeric and (unlettered := _unlettered(w)):
                stray = next(c for c in w if not c.isdigit())
                fixed = unlettered if stray.lower() not in others else None
            if fixed is None and len(examples) >= 3:
                fixed = _odd_kind(w, kinds)
            if fixed is not None and not any(w.lower() in t for t in texts):
                fixes.append((m.start(), m.end(), fixed))
        if len(fixes) == 1:
            ((a, b, fixed),) = fixes
            out[i] = (given[:a] + fixed + given[b:], given[a:b], fixed)
    # A word that another's correction gives is what the user meant: "landline" beside
    # "lanEdline", however a dictionary would respell it.
    meant = {fixed for _, _, fixed in out.values()}
    return {i: text for i, (text, word, _) in out.items() if word not in meant}


def left_misspelt(examples: Examples, flagged: Collection[int], suspects: Sequence[Suspect]) -> int:
    """How many of the examples ``flagged`` (see :func:`misspelt`) a reading with ``suspects``
    leaves with a word that looks mistyped: those whose output it does not correct (reading
    a typo in the input alone, if any), and those it corrects but keeps a character in of a
    kind that no other example's output holds, nor its input ("h" for "Fh" beside the grades
    "A", "B" and "C"; the "8" of "www.butler8sellers.com" is the input's)."""
    expected = {i: e for i, _, e in suspects if e is not None}
    left = 0
    for i in flagged:
        if i not in expected:
            left += 1
            continue
        kinds = {_case(c) for y in _others(examples, i) for c in y}
        held = "".join(examples[i][0])
        left += any(c.isalnum() and _case(c) not in kinds and c not in held for c in expected[i])
    return left


def _odd_kind(word: str, kinds: set[str]) -> str | None:
    """``word`` without its one character of a kind (see :func:`_case`) not among ``kinds``,
    where the rest holds a letter: the "h" of "Fh" beside the grades "A", "B" and "C", the
    "7" of "ho7" beside "cold" and "mild". (A letter in a number: see :func:`misspelt`.)"""
    odd = [k for k, c in enumerate(word) if _case(c) not in kinds]
    if len(odd) != 1 or len(word) < 2:
        return None
    rest = word[: odd[0]] + word[odd[0] + 1 :]
    return rest if any(c.isalpha() for c in rest) else None


def _case(c: str) -> str:
    """A character's kind: a capital, a small letter, a digit, or else itself."""
    return "A" if c.isupper() else "a" if c.islower() else "0" if c.isdigit() else c


def _unlettered(word: str) -> str | None:
    """``word`` without its one letter, where the rest are digits (none, for a letter alone)."""
    letters = [c for c in word if not c.isdigit()]
    return word.replace(letters[0], "") if len(letters) == 1 else None


def mistyped_inputs(examples: Examples) -> dict[int, tuple[str, ...]]:
    """Per example whose input holds a word with a stray character, the inputs without it:
    a number with one letter ("0.92n", "w68"), or a letter alone ("n"), where the same input
    of the other examples (two at least) holds numbers and no letter but a stray one, or no
    word that mixes letters and digits (and the number has two digits; "07P:25"), not the
    same letter; or a word with one digit that the same input of another example holds
    without it ("ht8tps"), or a run of letters with one in the other case (see
    :func:`_odd_case`) that it holds without that one, in any case ("aVm" beside "AM"); or a
    mark too many (see :func:`_extra_mark`); or one capital inside a word where the others
    are in small letters (see :func:`_odd_capital`), or one digit inside a word where the
    others hold none (see :func:`_odd_digit`). A typo makes such words (see
    :func:`typos`)."""
    out = {}
    for i, (inputs, _) in enumerate(examples):
        fixed = list(inputs)
        for col, text in enumerate(inputs):
            others = [xs[col] for j, (xs, _) in enumerate(examples) if j != i]
            words = {w for o in others for w in _WORD.findall(o)}
            runs = {r for o in others for r in _LETTERS.findall(o)}
            held = " ".join(others).lower()
            lettered = sum(
                any(not c.isdigit() for w in _WORD.findall(o) for c in w) for o in others
            )
            numeric = (
                len(others) >= 2
                and lettered <= 1
                and bool(words)
                and all(w.isdigit() or _unlettered(w) for w in words)
            )
            # (Where no other word mixes letters and digits, a number of two digits or more
            # with one letter glued in is no code: "07P:25" beside "22:27 UTC".)
            mixed = any(not w.isdigit() and not w.isalpha() for w in words)
            for w in set(_WORD.findall(text)) - words:
                digits = [c for c in w if c.isdigit()]
                plain = _unlettered(w)
                if plain is not None and (numeric or not mixed and len(digits) >= 2):
                    stray = next(c for c in w if not c.isdigit())
                    if stray.lower() not in held:
                        fixed[col] = fixed[col].replace(w, plain)
                elif len(digits) == 1 and len(w) > 2 and w.replace(digits[0], "") in words:
                    fixed[col] = fixed[col].replace(w, w.replace(digits[0], ""))
            lowered = {r.lower() for r in runs}
            for w in set(_LETTERS.findall(text)) - runs:
                if (plain := _odd_case(w)) is not None and plain.lower() in lowered:
                    fixed[col] = fixed[col].replace(w, plain)
            if fixed[col] == text and len(others) >= 2:
                fixed[col] = (
                    _extra_mark(text, others)
                    or _odd_capital(text, others)
                    or _odd_digit(text, others)
                    or text
                )

        if tuple(fixed) != inputs:
            out[i] = tuple(fixed)
    return out


def _extra_mark(text: str, others: Sequence[str]) -> str | None:
    """``text`` without a mark (a character neither letter nor digit) that it holds once more
    than each of ``others`` does, where they agree on how many, and where one way only to
    drop it from inside a number or a word leaves the shape of one of them (its letters,
    digits and marks): "69.375" of "69.3.75" beside "71.445", "74220" of "7 4220" beside
    "10115". (Between a number and a word, a mark parts them: "08:24 EST" beside "22:27UTC"
    and two times without a zone.)"""
    shapes = {_shaped(o) for o in others}
    for mark in {c for c in text if not c.isalnum()}:
        counts = {o.count(mark) for o in others}
        if counts == {0} and mark in ".,":
            continue  # a decimal point or a thousands separator: "$92.5k" beside "$120k"
        if len(counts) == 1 and text.count(mark) == counts.pop() + 1:
            drops = {
                text[:k] + text[k + 1 :]
                for k, c in enumerate(text[1:-1], 1)
                if c == mark and text[k - 1].isalnum() and _kind(text[k - 1]) == _kind(text[k + 1])
            }
            fits = [d for d in drops if _shaped(d) in shapes]
            if len(fits) == 1:
                return fits[0]
    return None


def _odd_capital(text: str, others: Sequence[str]) -> str | None:
    """``text`` without its one capital letter, where that letter follows a letter or a digit
    and each of ``others`` holds small letters and no capital: the "D" of "stuart-lewisD.biz"
    beside "brown.com", the "X" of "john89X+shop@cochran.biz" beside other email addresses.
    (A column in small letters keeps to them: a capital typed inside a word is a slip.)"""
    if any(not any(c.islower() for c in o) or any(c.isupper() for c in o) for o in others):
        return None
    upper = [k for k, c in enumerate(text) if c.isupper()]
    if len(upper) != 1 or upper[0] == 0 or not text[upper[0] - 1].isalnum():
        return None
    return text[: upper[0]] + text[upper[0] + 1 :]


def _odd_digit(text: str, others: Sequence[str]) -> str | None:
    """``text`` without its one digit, where that digit stands inside the text before a
    letter (between two, or starting a word) and each of ``others`` holds letters and no
    digit: the "8" of "jlee8nwtraders.co.uk" beside other email addresses, the "9" of
    "Márquez,9Gabriel" beside other names. (A column without digits has none typed inside a
    word but by a slip; "jlee8@" may end a name with a number.)"""
    if any(not any(c.isalpha() for c in o) or any(c.isdigit() for c in o) for o in others):
        return None
    digits = [k for k, c in enumerate(text) if c.isdigit()]
    if len(digits) != 1 or not 0 < digits[0] < len(text) - 1:
        return None
    at = digits[0]
    if not text[at + 1].isalpha():
        return None
    return text[:at] + text[at + 1 :]


def _shaped(text: str) -> str:
    return "".join(map(_kind, text))


def _odd_case(word: str) -> str | None:
    """``word`` without its one letter in the other case, where it has three letters or more
    and no other character: a capital inside a lower-case word ("aVm"), or a small letter
    inside a capitalized one, not at its end ("AMm"; the "s" of "IDs" is a plural)."""
    if len(word) < 3 or not word.isalpha():
        return None
    upper = [k for k, c in enumerate(word) if c.isupper()]
    lower = [k for k, c in enumerate(word) if c.islower()]
    if len(upper) == 1 and len(lower) >= 2 and upper[0] > 0:
        return word[: upper[0]] + word[upper[0] + 1 :]
    if len(lower) == 1 and len(upper) >= 2 and lower[0] < len(word) - 1:
        return word[: lower[0]] + word[lower[0] + 1 :]
    return None


def _respelt(
    examples: Examples, left: tuple[int, ...], learn: Learner, deadline: Deadline
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """The outputs of the examples ``left`` may each hold a word that looks mistyped and that
    no other example shows (a label given once, "noral" for "normal"; the letter of
    "512.0a5"): no program learned without them could write the word. The examples are
    learned again with those words corrected (see :func:`misspelt`). A stray letter is
    dropped only from two examples: one example set aside shows no less (and the letter may
    stand for a digit: "0k/21/2020"). Of two examples, one may be corrected and the other
    stay aside, its input read as mistyped (see :func:`typos`): "10:B0" with "10:30am",
    beside "1:1O9pm" for "1:19pm", the only other example with minutes."""
    fixes = misspelt(examples, numbers=len(left) > 1)
    fixed = [i for i in left if i in fixes]
    if not fixed:
        return []
    rest = tuple(i for i in left if i not in fixes)
    corrected = [(x, fixes[i]) if i in fixed else (x, y) for i, (x, y) in enumerate(examples)]
    suspects = tuple((i, examples[i][1], fixes[i]) for i in fixed)
    cost = sum(typo_cost(fixes[i], examples[i][1], 1, _others(examples, i)) for i in fixed)
    # (The one aside is read as mistyped in its input, expecting nothing in particular: read
    # as an output typo, with one output corrected, a constant "0%" reads "X0%" and "10%".)
    return [
        (c + cost + typo, p, tuple(sorted(suspects + found)))
        for c, p, typo, found in _learned_aside(corrected, rest, learn, deadline)
        if all(expected is None for _, _, expected in found)
    ]


def _learned_aside(
    examples: Examples, aside: tuple[int, ...], learn: Learner, deadline: Deadline
) -> Iterator[tuple[float, Node, float, tuple[Suspect, ...]]]:
    """The programs learned from ``examples`` (some corrected) without those ``aside``, each
    with its cost, what it costs to read those as typos (see :func:`typos`), and which they
    are."""
    kept = [ex for j, ex in enumerate(examples) if j not in aside]
    for c, p in learn(kept, deadline):
        found = typos(examples, aside, p, deadline) if aside else (0.0, ())
        if found is not None:
            yield c, p, *found


def _half_corrected(
    examples: Examples, i: int, prog: Node, learn: Learner, deadline: Deadline
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """Where the program learned without example ``i`` misses its output by two or three
    edits, one may be the typo and the rest what the program gets wrong, the example being
    the only one to show it ("X81,234.75)" for "(81,234.75)", where no other negative
    number has a thousands separator): the examples are learned again with each edit in turn
    undone."""
    inputs, given = examples[i]
    got = prog.run(inputs)
    if not isinstance(got, str) or edit_distance(got, given, 3) not in (2, 3):
        return []
    out = []
    for a, b, text in _edits(given, got):
        fixed = given[:a] + text + given[b:]
        corrected = [*examples[:i], (inputs, fixed), *examples[i + 1 :]]
        suspect = ((i, given, fixed),)
        cost = typo_cost(fixed, given, 1, _others(examples, i))
        out.extend((c + cost, p, suspect) for c, p in learn(corrected, deadline))
    return out


_APART = 100  # an edit's cost in _edits, where a character replaced by another kind costs one more


def _touched(meant: str, given: str) -> set[int]:
    """The characters of ``meant`` that a cheapest alignment (see _edits) drops or replaces
    to give ``given``."""
    return {a for a, b, _ in _edits(meant, given) if b > a}


def _edits(source: str, target: str) -> list[tuple[int, int, str]]:
    """The edits of a cheapest alignment that make ``source`` into ``target``, each as the
    span of ``source`` it replaces (one character, or none) and what it puts there. Of the
    alignments with the fewest edits, one that replaces characters by their like (a letter
    by a letter, a digit by a digit: see typo_cost) the most: "Mr Guibert" is "Mt. Guibert"
    with the "t" replaced and the "." dropped, not the other way round."""

    def swap(a: str, b: str) -> int:
        return 0 if a == b else _APART + (_kind(a) != _kind(b))

    rows = [[_APART * j for j in range(len(target) + 1)]]
    for i, a in enumerate(source, 1):
        row = [_APART * i]
        for j, b in enumerate(target, 1):
            row.append(min(rows[-1][j] + _APART, row[j - 1] + _APART, rows[-1][j - 1] + swap(a, b)))
        rows.append(row)
    out = []
    i, j = len(source), len(target)
    while i or j:
        if i and j and rows[i][j] == rows[i - 1][j - 1] + swap(source[i - 1], target[j - 1]):
            if source[i - 1] != target[j - 1]:
                out.append((i - 1, i, target[j - 1]))
            i, j = i - 1, j - 1
        elif i and rows[i][j] == rows[i - 1][j] + _APART:
            out.append((i - 1, i, ""))
            i -= 1
        else:
            out.append((i, i, target[j - 1]))
            j -= 1
    return out


def _copies(
    examples: Examples, left: tuple[int, ...], learn: Learner, deadline: Deadline
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """An example set aside may nearly copy its input, with a typo on one side (see
    :func:`_copy_fixes`), or hold a stray character in its input (see
    :func:`mistyped_inputs`). Where it is the only one to show something ("Jeffrey cisher"
    from "Jeffrey  Fisher", where spaces collapse), or the only one of a branch but for
    another typo ("Rachel Johnso" beside "R-gina Cruz", each meant as it is; "-7q8.67" beside
    "e67,593.34)"), no program learned without it can tell: the examples are learned again
    with it corrected (either side; the stray character dropped, where no other example's
    input holds one: the "x" of "x7823" and the "S" of "S2199" may be the format), the other
    set aside (and read as a typo, see :func:`typos`)."""
    out = []
    stray = mistyped_inputs(examples)
    # (Nor is an input meant as the output has it where that would put a stray character in
    # it, beside the other inputs with theirs dropped: "88V.52" for "881.52" among prices.)
    plain = [(stray.get(j, x), y) for j, (x, y) in enumerate(examples)]
    for k, i in enumerate(left):
        aside = left[:k] + left[k + 1 :]
        fixes = _copy_fixes(examples, i)
        if list(stray) == [i]:
            fixes.append(((stray[i], examples[i][1]), EDIT_COST, None))
        for example, price, expected in fixes:
            if expected is None and i in mistyped_inputs([*plain[:i], example, *plain[i + 1 :]]):
                continue
            if expected is not None and _unstrayed(examples, i):
                continue
            corrected = [*examples[:i], example, *examples[i + 1 :]]
            for c, p, typo, found in _learned_aside(corrected, aside, learn, deadline):
                suspects = sorted([(i, examples[i][1], expected), *found])
                out.append((c + price + typo, p, tuple(suspects)))
    return out


def _copy_fixes(examples: Examples, i: int) -> list[tuple[tuple, float, str | None]]:
    """Example ``i`` corrected where its output nearly copies its input, each way with what
    the typo costs and what the example should give (None where the input is mistyped): the
    output copying the input's word, and the input holding the output's, where exactly one
    word of the output is no word of the input but one edit from one ("cott" in the input,
    "Scott" in the output: either may be the typo); else where the whole output is one edit
    from an input ("Regina Cruz" and "R-gina Cruz"). An output word may copy an input word
    in another case (upper, lower or capitalized): then only the output is corrected. The
    input's reading costs a whole edit, or the output's where that is more, and ``TYPED``
    more: the user typed the output, and the input likelier came as it is from the data
    ("http://ghi-jklxorg" is the output's "." mistyped, not the input's "x"). Not for texts longer than
    ``MAX_REPAIR_LENGTH``: comparing them takes a while."""
    inputs, given = examples[i]
    if not max_edits(given) or max(map(len, (given, *inputs))) > MAX_REPAIR_LENGTH:
        return []
    words = {w for s in inputs for w in _WORD.findall(s) if len(w) >= 3}
    variants = words | {f(w) for w in words for f in (str.upper, str.lower, str.capitalize)}
    fixes = set()
    for m in _WORD.finditer(given):
        w = m.group()
        if len(w) < 3 or w in variants or w.isdigit():
            continue
        near = {v for v in words if edit_distance(w, v, 1) == 1} or {
            v for v in variants if edit_distance(w, v, 1) == 1
        }
        fixes |= {(m.start(), m.end(), v) for v in near}
    typed = None  # (the input's column, as the output has it)
    if len(fixes) == 1:
        ((a, b, word),) = fixes
        fixed = given[:a] + word + given[b:]
        spans = [
            (col, m.start(), m.end())
            for col, s in enumerate(inputs)
            for m in _WORD.finditer(s)
            if m.group() == word
        ]
        if len(spans) == 1:
            ((col, x, y),) = spans
            typed = (col, inputs[col][:x] + given[a:b] + inputs[col][y:])
    elif fixes:
        return []
    else:
        near = [col for col, s in enumerate(inputs) if edit_distance(s, given, 1) == 1]
        if not near:
            return []
        fixed, typed = inputs[near[0]], (near[0], given)
    output_cost = typo_cost(fixed, given, 1)
    out = [((inputs, fixed), output_cost, fixed)]
    if typed is not None:
        col, text = typed
        meant = (*inputs[:col], text, *inputs[col + 1 :])
        out.append(((meant, given), max(EDIT_COST, output_cost) + TYPED, None))
    return out


def _corrected_input(
    examples: Examples, i: int, prog: Node, learn: Learner, deadline: Deadline
) -> list[tuple[float, Node, tuple[Suspect, ...]]]:
    """Where the program learned without example ``i`` gives nothing for its input, the input
    looks mistyped ("8:4I5"). Where the example is also the only one to show something (that
    hours are not padded), no program learned without it gives its output: the examples are
    learned again with the input corrected by the one edit that brings the program's output
    nearest the given one (the first such, at most ``max_edits`` away)."""
    inputs, given = examples[i]
    if prog.run(inputs) is not None or not max_edits(given):
        return []
    best, fixed_inputs = max_edits(given) + 1, None
    for fixed in _one_edit(inputs, _alphabet(examples, i), deadline, prog.inputs_used()):
        got = prog.run(fixed)
        if isinstance(got, str):
            d = edit_distance(got, given, best - 1)
            if d < best:
                best, fixed_inputs = d, fixed
    if fixed_inputs is None or best == 0:  # none, or typos' input repair found it
        return []
    corrected = [*examples[:i], (fixed_inputs, given), *examples[i + 1 :]]
    cost = input_cost("".join(fixed_inputs), "".join(inputs), 1, _other_inputs(examples, i))
    return [(c + cost, p, ((i, given, None),)) for c, p in learn(corrected, deadline)]


def bent(prog: Node, examples: Examples) -> frozenset[int]:
    """The examples ``prog`` builds of more or fewer pieces (input spans, constants, computed
    text, with spans that adjoin in the input counted as one) than most examples the same
    branch serves, or of more where as many are built each way. A program that cuts
    "803,215" into "8" and "03,215" only to drop the comma of "3,518" in one example bends
    to that example, as a conditional with a branch for it does; so does a part that is
    empty on one example but no other, or on all but one, and a setting that changes the
    output of one example of three or more alone (see :func:`_settings`): a date moved by
    a week where "December 29" gives the month "1", zeros padding "971" alone of the codes."""
    groups: dict[int, list[tuple[int, int]]] = {}
    for i, (inputs, _) in enumerate(examples):
        if prog.run(inputs) is not None:  # (on an input it cannot read, it builds nothing)
            groups.setdefault(conditionals.branch(prog, inputs), []).append(
                (i, _pieces(prog, inputs))
            )
    out: set[int] = set()
    for members in groups.values():
        counts = Counter(pieces for _, pieces in members)
        usual = min(counts, key=lambda pieces: (-counts[pieces], pieces))
        out.update(i for i, pieces in members if pieces != usual)
    if len(examples) >= 3:
        inputs = [x for x, _ in examples]
        got = [prog.run(x) for x in inputs]
        for plain in _settings(prog, inputs):
            changed = [i for i, x in enumerate(inputs) if plain.run(x) != got[i]]
            if len(changed) == 1:
                out.update(changed)
    return frozenset(out)


def _settings(node: Node, inputs: Sequence[tuple[str, ...]]) -> Iterator[Node]:
    """``node`` with one setting of its formats undone: the move of the dates it writes (of
    all their fields at once), or the zero-padding width of one number (and of its like) that
    pads it to a length that the numbers it leaves alone do not have on these ``inputs``
    ("971" to "0971" beside "38200"; "3" to "03" beside "12" is a month's format)."""
    unmoved = _rebuilt(node, lambda n: replace(n, shift=0) if isinstance(n, FormatDate) else n)
    if unmoved != node:
        yield unmoved
    for one in {n for n in _nodes(node) if isinstance(n, FormatNumber) and n.width}:
        bare = replace(one, width=0)
        lengths: dict[bool, set[int]] = {True: set(), False: set()}
        for x in inputs:
            text = one.run(x)
            if isinstance(text, str):
                lengths[text != bare.run(x)].add(len(text))
        if not lengths[True] & lengths[False]:
            yield _rebuilt(node, lambda n, one=one: replace(n, width=0) if n == one else n)


def _nodes(node: Node) -> Iterator[Node]:
    """``node`` and every node under it."""
    yield node
    for child in node.children():
        yield from _nodes(child)


def _rebuilt(node: Node, change: Callable[[Node], Node]) -> Node:
    """``node`` with ``change`` made to each of its nodes, from the leaves up."""
    parts = {}
    for f in fields(node):  # type: ignore[arg-type]
        v = getattr(node, f.name)
        if isinstance(v, Node):
            parts[f.name] = _rebuilt(v, change)
        elif isinstance(v, tuple) and any(isinstance(x, Node) for x in v):
            parts[f.name] = tuple(_rebuilt(x, change) if isinstance(x, Node) else x for x in v)
    return change(replace(node, **parts) if parts else node)  # type: ignore[type-var]


def _pieces(prog: Node, inputs: tuple[str, ...]) -> int:
    """How many pieces ``prog``'s output is made of on ``inputs``: input spans, constants and
    computed text, with adjoining constants, or spans that adjoin in the input, as one."""
    count, last = 0, None
    for span in explain(prog, inputs):
        joined = (
            last is not None
            and span.source == last.source
            and (
                span.source == "constant"
                or (
                    span.source == "input"
                    and (span.column, span.input_start) == (last.column, last.input_end)
                )
            )
        )
        count += not joined
        last = span
    return count


def typos(
    examples: Examples,
    left: tuple[int, ...],
    prog: Node,
    deadline: Callable[[], None],
    repair: bool = True,
) -> tuple[float, tuple[Suspect, ...]] | None:
    """What the set-aside examples cost ``prog`` as typos, and which they are; None where one
    is not a typo of what it gives (or is reproduced: a smaller set-aside covers that).
    Without ``repair``, None too where an input would have to be tried for a typo."""
    suspects: list[Suspect] = []
    changes: list[set[tuple[str, ...]]] = []  # what each typo changed (see _changed)
    total = 0.0
    unread = 0  # inputs the program reads nothing from, and one edit does not fix
    for i in left:
        inputs, given = examples[i]
        got = prog.run(inputs)
        if got is not None and not isinstance(got, str):
            return None
        if got == given or given in inputs and not _undone(examples, left, got, given):
            # (An output that copies its input is what the user meant: a typo would not
            # happen to make the one text equal to the other. Unless it drops the one
            # character that the program adds, as two other examples at least show.)
            return None
        d = _output_edits(examples, i, got)
        # (One edit to the input costs less than two to the output: "9R7" is "97" mistyped,
        # and "0-9" for "90-99" follows.)
        fixed = near = None
        # (An input that another example has, with another output, is likelier the typo.)
        clashes = any(x == inputs for j, (x, _) in enumerate(examples) if j != i)
        stray = mistyped_inputs(examples).get(i) if d == 1 else None
        if stray:
            # An input with a stray character ("58O.740.7582" for "584") is likelier the typo
            # than the output is, where that character deleted or replaced gives the output
            # (and leaves no stray one).
            edits = _stray_edits(inputs, stray, _alphabet(examples, i))
            fixed = next(
                (f for f in edits if prog.run(f) == given and _clears(examples, i, f)), None
            )
        elif d == 1 and not clashes:
            # The input may hold the typo instead, where that reads cheaper: a mark dropped
            # where the other inputs have it ("Tampa, FL USA" beside "Saint Paul, MN, USA"),
            # not one added to the output where the other outputs have it.
            # (Those edits are few: tried without ``repair`` too.)
            fixed = _cheaper_input(prog, examples, i, got)
        elif d is None or d > 1 or clashes:
            if not repair:
                return None
            # (An edit that leaves a stray character in place explains another typo than the
            # one the input shows: "&=refQold" for "&refQold".)
            fixed = input_repaired(
                prog, inputs, given, _alphabet(examples, i), deadline, _pricer(examples, i)
            )
            # Both may hold a typo: where the program reads nothing of the input, and the
            # input looks malformed ("28/0i6/2013" with "8 June 2013"; not "Jones", too short
            # for a slice from the sixth letter), or the output looks misspelt itself ("6,,27"
            # with "6y6.27"). Else one typo in each would make up what the input does not
            # show: "(45" for "45", where "X(45)" is one edit from "(45)".
            if not fixed and (
                clashes
                or d is None
                and (
                    _unparsed(prog, inputs) or i in mistyped_inputs(examples)
                    if got is None
                    else i in misspelt(examples)
                )
            ):
                near = _repaired_near(prog, examples, i, deadline)
            # An input with a stray character, where the output is further off, may hold
            # one typo of two: the program copies the "r" of "r02-438-28165" where "902" was
            # meant. With that character corrected, the other typo may be in the input too,
            # or in the output (see _stray_fixes).
            if not fixed and not near and i in mistyped_inputs(examples):
                fixed, near = _stray_fixes(prog, examples, i, deadline)
        # (Where the program finds no date or number in the input, reading one typo in it and
        # one in the output costs no more than reading the input as malformed: see below.)
        malformed = got is None and not unread and _unparsed(prog, inputs)
        if near:
            fixed, got = near
        if fixed:
            meant, typed = "".join(fixed), "".join(inputs)
            if near and _nearer_copy(inputs, given, edit_distance(meant, typed) + 1):
                return None
            cost = input_cost(meant, typed, edit_distance(meant, typed), _other_inputs(examples, i))
            # (An input short of a ":" and an output short of one are two typos: the program
            # would want the one and write the other.)
            changed = {("input", *c) for c in set().union(*map(_changed, fixed, inputs))}
            if near:
                cost += typo_cost(got, given, 1, _others(examples, i))
                changed |= _changed(got, given)
                whole = EDIT_COST * max(max_edits(given), 1) + UNREAD
                if malformed and any(max_edits(s) for s in inputs) and whole < cost:
                    cost, unread, got = whole, 1, None
            else:
                got = None  # the input is mistyped; the output is what to expect
            total += cost
            changes.append(changed)
        elif d is not None:
            if _nearer_copy(inputs, given, d) or _unstrayed(examples, i):
                return None
            total += typo_cost(got, given, d, _others(examples, i))
            changes.append(_changed(got, given))
        elif (
            (got is None or _misread(prog, examples, i))
            and any(max_edits(s) for s in inputs)
            and not unread
        ):
            # No value on it, or one that a stray character makes ("$5,56y.7" read as 5.56):
            # the input itself looks mistyped, but no one edit fixes it. Charge the most a
            # typo may cost, and expect nothing in particular. Where one edit was tried, the
            # input holds two typos at least, unless a part of the program that reads a date
            # or a number finds none there: that says the input is malformed ("07P:5"), where
            # a slice that finds no place in "MariaLake 7915!Order" says nothing of it. (An
            # input of one character holds no typo, nor do two inputs the program cannot
            # read: it just fails on them.)
            unread, got = 1, None
            tried = max_edits(given) > 0  # (see input_repaired)
            two = tried and not _unparsed(prog, inputs)
            total += EDIT_COST * max(max_edits(given), 2 if two else 1) + UNREAD
        else:
            return None
        suspects.append((i, given, got))
    # Typos are random: the same "typo" twice is a pattern the program misses, whether the
    # same given output or the same character dropped or added, to an output or an input
    # ("+358" for "-358", "+376" for "376": the program adds a "+" that the examples do not
    # have; "7:1AM" and "12:57pm" for "7:1 AM" and "12:57 pm": it wants a space).
    if len({g for _, g, _ in suspects}) < len(suspects):
        return None
    if any(a & b for a, b in combinations(changes, 2)):
        return None
    # So are two typos of one text that the program writes that change the same character
    # of it ("0%" and "W0%" where "10%" is written: the "1" dropped from the one, replaced in
    # the other), where "co" and "cm" for "com" lose one character each.
    for (_, a, got), (_, b, other) in combinations(suspects, 2):
        if got is not None and got == other and _touched(got, a) & _touched(got, b):
            return None
    # So is a character dropped, or added, at the same end of two outputs ("972477889" and
    # "8865314835" for "8972477889" and "18865314835": the program keeps a digit too many).
    ends = [_end_edit(got, given) for _, given, got in suspects if got is not None]
    if len({e for e in ends if e}) < len([e for e in ends if e]):
        return None
    # Nor would two typos both fall by chance on the same small piece of the program's output
    # (the letter after "M" that it takes from the name: "Ms. Miller", "Mr. Guibert" for "Mr.
    # Miller", "Mt. Guibert"): the piece is wrong. (The hour of "l5:21" and "t1:34" is two
    # fifths of each output: two typos may well both fall there.)
    if len(suspects) > 1:
        hits = [_piece_hits(prog, examples[i][0], got, given) for i, given, got in suspects]
        for n in set.intersection(*(set(h) for h in hits)):
            if math.prod(h[n] for h in hits) < CHANCE:
                return None
    return total, tuple(suspects)


def _nearer_copy(inputs: tuple[str, ...], given: str, edits: int) -> bool:
    """Whether ``given`` is fewer than ``edits`` edits (the typos a reading counts in it) from
    one of the ``inputs`` as given, and not equal to it (see :func:`typos`): it is then
    likelier a copy of that input, mistyped, than a typo of what the program writes
    ("http://stuart-lewisxbiz" is one edit from its input, two from
    "https://stuart-lewis.biz": no "s" dropped, too, by chance)."""
    return any(0 < edit_distance(given, text, edits - 1) < edits for text in inputs)


def _pricer(examples: Examples, i: int) -> Callable[[tuple[str, ...]], float | None]:
    """What one edit making example ``i``'s inputs into the ones given costs (see
    :func:`typo_cost`), or None where those hold a stray character that the edit leaves (see
    :func:`_clears`)."""
    typed, others = "".join(examples[i][0]), _other_inputs(examples, i)
    stray = i in mistyped_inputs(examples)

    def price(fixed: tuple[str, ...]) -> float | None:
        if stray and not _clears(examples, i, fixed):
            return None
        return input_cost("".join(fixed), typed, 1, others)

    return price


def _cheaper_input(prog: Node, examples: Examples, i: int, got: str) -> tuple[str, ...] | None:
    """Example ``i``'s inputs with the one edit that does to them what the edit making
    ``got`` (what ``prog`` gives) into the output does, where that edit adds a character
    that looks meant (the other outputs have it there: see :func:`typo_cost`), ``prog``
    then gives the output, and the input's edit, a character dropped, costs less; else None.
    (The user typed the output: a plain typo there, as "Dose" for "Doe", is likelier than
    one in the input, whatever a character dropped there costs; and a character replaced
    in the input by the output's, the "B" of "/tagBcategory", would make the input the
    typo'd text.)"""
    inputs, given = examples[i]
    read = prog.inputs_used()
    output_cost = typo_cost(got, given, 1, _others(examples, i))
    added = [a == b for a, b, _ in _edits(got, given)]
    if output_cost <= EDIT_COST or added != [True]:
        return None
    for fixed in _undoing(inputs, got, given, _alphabet(examples, i), read):
        if prog.run(fixed) == given:
            cost = input_cost("".join(fixed), "".join(inputs), 1, _other_inputs(examples, i))
            return fixed if cost < output_cost else None
    return None


def _undone(examples: Examples, left: tuple[int, ...], got: str | None, given: str) -> bool:
    """Whether ``given``, an output equal to its input, is what the program gives (``got``)
    with one character dropped, where two examples at least, not ``left`` aside, change their
    input: the typo dropped the one character the program adds ("297.55" for "$297.55").
    Not a character replaced or added: a typo would not happen to give the input's one there
    ("-358" for "+358", where the program marks positive numbers). Nor one beside a mark, or
    beside its like: the input may hold already what the program adds to others ("Ok.." for
    "Ok.", "+-376" for "-376")."""
    changed = sum(y not in x for j, (x, y) in enumerate(examples) if j not in left)
    if got is None or changed < 2 or len(got) != len(given) + 1:
        return False
    if edit_distance(got, given, 1) != 1:
        return False
    ((a, b, _),) = _edits(got, given)
    beside = got[max(a - 1, 0) : a] + got[b : b + 1]
    return got[a] not in beside and all(c.isalnum() for c in beside)


def _unparsed(prog: Node, inputs: tuple[str, ...]) -> bool:
    """Whether a part of ``prog`` that reads a date or a number from a text finds none in the
    text it reads from ``inputs``."""
    for node in _nodes(prog):
        if isinstance(node, FormatDate | FormatNumber | Bucket | StrToInt):
            texts = [c.run(inputs) for c in node.children()]
            if all(isinstance(t, str) for t in texts) and node.run(inputs) is None:
                return True
    return False


def _end_edit(got: str, given: str) -> str | None:
    """Where ``given`` is ``got`` with a character dropped or added at one end, which: "drop
    start", "add end"... Not where the character has its like beside it: then the edit may
    as well fall inside the run ("0971" is "00971" with either "0" dropped)."""
    for edit, short, long in (("drop", given, got), ("add", got, given)):
        if len(long) == len(short) + 1:
            if long[1:] == short and long[1:2] != long[:1]:
                return f"{edit} start"
            if long[:-1] == short and long[-2:-1] != long[-1:]:
                return f"{edit} end"
    return None


CHANCE = 0.05  # below this, typos did not fall where they did by chance (see typos)


def strays(
    prog: Node,
    examples: Examples,
    mistyped: dict[int, tuple[str, ...]],
    suspects: Sequence[Suspect],
) -> float:
    """What a reading of ``prog`` with ``suspects`` pays for the examples whose inputs hold a
    stray character (``mistyped``, see :func:`mistyped_inputs`) where it does not read them
    as mistyped: unnamed, it keeps a word that looks mistyped (``MISSPELT``), unless it reads
    nothing of the character (see :func:`unread_strays`): it then names the input's typo,
    and pays for it as a reading that sets the example aside would; named for a
    typo in the output only (expecting what the program gives on the input as it is), it
    leaves the input's typo uncounted: an edit where the program reads around the character
    (gives what it gives without it: "75Q12" and "9(677) ...", two typos, where a program
    that reads the digits around the "Q" counts one), and ``MISSPELT`` where what it expects
    turns on the character, other than by copying it (a test for "U54" that routes it to
    "adult", where "54" goes elsewhere: the input is read as meant)."""
    named = {i: got for i, _, got in suspects}
    total = 0.0
    for i, fixed in mistyped.items():
        if i not in named:
            if not _reads_nothing_of(prog, examples, i, fixed):
                total += MISSPELT
            else:  # (the cheapest way to correct it: the program gives the same every way)
                total += _stray_cost(tuple(examples), i, fixed)
        elif named[i] is not None and named[i] == prog.run(examples[i][0]):
            meant = prog.run(fixed)
            if meant == named[i]:
                total += EDIT_COST
            elif meant is None or edit_distance(meant, named[i], 1) > 1:
                total += MISSPELT
    return total


@functools.lru_cache(maxsize=256)
def _stray_cost(examples: Examples, i: int, meant: tuple[str, ...]) -> float:
    """What the cheapest correction of the stray character of example ``i``'s inputs (the
    one ``meant`` drops) costs as a typo (see :func:`strays`)."""
    inputs, others = examples[i][0], _other_inputs(examples, i)
    return min(
        input_cost("".join(e), "".join(inputs), 1, others)
        for e in _stray_edits(inputs, meant, _alphabet(examples, i))
    )


def unread_strays(
    prog: Node,
    examples: Examples,
    mistyped: dict[int, tuple[str, ...]],
    suspects: Sequence[Suspect],
) -> tuple[Suspect, ...]:
    """``suspects`` with each example that a reading leaves unnamed and whose input holds a
    stray character (``mistyped``, see :func:`mistyped_inputs`) the program reads nothing of
    named too, as a mistyped input ("refQold" in a URL it takes the id from)."""
    named = {i for i, _, _ in suspects}
    unread = [
        (i, examples[i][1], None)
        for i, fixed in mistyped.items()
        if i not in named and _reads_nothing_of(prog, examples, i, fixed)
    ]
    return tuple(sorted((*suspects, *unread), key=lambda s: s[0])) if unread else tuple(suspects)


def _reads_nothing_of(prog: Node, examples: Examples, i: int, meant: tuple[str, ...]) -> bool:
    """Whether ``prog`` gives example ``i``'s output with its stray character (the one
    ``meant`` drops), without it and with it replaced by any likely character of the kind of
    a neighbour (a small letter, a capital, a digit, or the same mark): it reads nothing of
    it. Not a program that reads around it ("09" and ":41" of "09Q:41"): a digit there
    changes what it gives; nor a conditional, whose tests read the whole input ("c" routed
    to "cold" for holding neither "19" nor "31"). (A capital for the "4" of "Lete4llier"
    would change where the last capital is; a typo there would not have given one.)"""
    if _tests(prog):
        return False
    inputs, given = examples[i]
    col = next(c for c, (s, m) in enumerate(zip(inputs, meant, strict=True)) if s != m)
    at = _stray_at(inputs[col], meant[col])
    near = inputs[col][max(at - 1, 0) : at] + inputs[col][at + 1 : at + 2]
    likely = "".join(c for c in _alphabet(examples, i) if any(_like(c, n) for n in near))
    edits = chain((inputs,), _stray_edits(inputs, meant, likely))
    return all(prog.run(e) == given for e in edits)


def _like(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are both small letters, both capitals, both digits, or one mark."""
    return a == b or any(f(a) and f(b) for f in (str.islower, str.isupper, str.isdigit))


def _tests(node: Node) -> bool:
    """Whether ``node`` is, or holds, a conditional."""
    return isinstance(node, If) or any(map(_tests, node.children()))


def _stray_edits(
    inputs: tuple[str, ...], meant: tuple[str, ...], alphabet: str
) -> Iterator[tuple[str, ...]]:
    """``inputs`` with the stray character that ``meant`` drops (see :func:`mistyped_inputs`)
    deleted, or replaced by one of ``alphabet``."""
    for col, (s, m) in enumerate(zip(inputs, meant, strict=True)):
        if s != m:
            at = _stray_at(s, m)
            for c in ("", *alphabet):
                yield (*inputs[:col], s[:at] + c + s[at + 1 :], *inputs[col + 1 :])


def _stray_at(text: str, meant: str) -> int:
    """Where ``text``'s stray character is, that ``meant`` drops."""
    return next(
        (k for k, (a, b) in enumerate(zip(text, meant, strict=False)) if a != b), len(meant)
    )


def _stray_fixes(
    prog: Node, examples: Examples, i: int, deadline: Callable[[], None]
) -> tuple[tuple[str, ...] | None, tuple[tuple[str, ...], str] | None]:
    """Example ``i``'s inputs with their stray character (see :func:`mistyped_inputs`) deleted
    or replaced and one more edit, where the program then gives the output ("r02-438-28165"
    for "902-438-2865", where it keeps the last twelve characters; "$2,4q.3" for
    "$2,409.3"); else with the stray character corrected alone, where the program then gives
    a typo of one edit from the output, with what it gives; else neither."""
    inputs, given = examples[i]
    alphabet = _alphabet(examples, i)
    near = None
    for fixed in _stray_edits(inputs, mistyped_inputs(examples)[i], alphabet):
        if not _clears(examples, i, fixed):
            continue
        got = prog.run(fixed)
        read = prog.inputs_used()
        tries = chain(
            _one_edit(fixed, "", deadline, read), _undoing(fixed, got, given, alphabet, read)
        )
        twice = next((f for f in tries if prog.run(f) == given), None)
        if twice is not None:
            return twice, None
        if near is None and _output_edits(examples, i, got) == 1:
            near = fixed, got
    return None, near


def _clears(examples: Examples, i: int, fixed: tuple[str, ...]) -> bool:
    """Whether example ``i``'s inputs as ``fixed`` hold no stray character (see
    :func:`mistyped_inputs`)."""
    return i not in mistyped_inputs([*examples[:i], (fixed, examples[i][1]), *examples[i + 1 :]])


def _misread(prog: Node, examples: Examples, i: int) -> bool:
    """Whether what ``prog`` gives on example ``i`` turns on a stray character of its input
    (see :func:`mistyped_inputs`): it says nothing then of what the input meant gives. Not
    where the program reads around it ("M76" is 76 to a threshold, as "76" is)."""
    fixed = mistyped_inputs(examples).get(i)
    return fixed is not None and prog.run(fixed) != prog.run(examples[i][0])


def _piece_hits(
    prog: Node, inputs: tuple[str, ...], got: str | None, given: str
) -> dict[int, float]:
    """Which pieces of ``prog``'s output ``got`` (see :func:`explain`) the changed characters
    making it ``given`` fall on, each with the chance that one of the edits falls there: the
    piece's share of the output, times the edits. A character added or dropped falls on no
    piece (a mistyped input makes one: "5" for "45" gives "In stock (5)" for "In stock
    (45)"), but counts among the edits ("Ms. Miler" for "Mr. Miller" is two edits, one of
    them on the letter after "M")."""
    edits = _edits(got, given) if got else []
    changed = [a for a, b, text in edits if b > a and text]
    out = {}
    for n, span in enumerate(explain(prog, inputs) if changed else ()):
        if any(span.start <= a < span.end for a in changed):
            out[n] = min(1.0, len(edits) * (span.end - span.start) / len(got))
    return out


def _balanced(text: str) -> bool:
    """Whether every bracket of ``text`` closes in turn."""
    stack: list[str] = []
    for c in text:
        if c in _OPEN:
            stack.append(_OPEN[c])
        elif c in _CLOSE and (not stack or stack.pop() != c):
            return False
    return not stack


def _changed(got: str, given: str) -> set[tuple[str, str]]:
    """What a cheapest alignment of a program's output with the given output changes: the
    characters it drops from the former ("-", c), those it replaces, with what replaces them
    ("~", c + r), and those it adds from the latter ("+", c). (A "0" replaced in "0.0a389" and
    one dropped in "7000" for "70000" are two typos, not the same one twice.) So the same
    letter typed in two words falls there by chance ("MaTch" and "ATugust"), and so does the
    same "0" mistyped as "1" and as "S", where "Ms." for "Mr." twice is a pattern."""
    out: set[tuple[str, str]] = set()
    for a, b, text in _edits(got, given):
        if b > a:
            out.add(("~", got[a] + text) if text else ("-", got[a]))
        else:
            out.add(("+", text))
    return out

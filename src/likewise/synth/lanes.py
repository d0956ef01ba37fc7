"""Runs independent searches on two cores at once, where the machine has two.

A forked copy of this process and this process take the jobs in turn, each the next one left
(from a queue: a pipe holding the jobs' numbers). The copy writes what each job found, and then
what its learners learned on the way, to a file that this process reads once it is done with
its own jobs. The jobs poll a deadline: past it (and ``GRACE``), the copy is stopped, and what
it wrote of the jobs it finished stays. The copy only searches: it prints nothing and leaves
through ``os._exit``.

Forking is safe only in a process that runs one thread: a notebook's kernel runs several, and
so does a Spark driver. Nor is it on macOS, whose system libraries may start threads of their
own (Python's multiprocessing spawns there), or on Windows, which has no ``os.fork``. There,
and where there is one core, the jobs run one after another in this process, as they do
inside a copy (a copy forks no copy of its own).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import TypeVar

from likewise.synth.deadline import Deadline

Found = TypeVar("Found")

GRACE = 0.3  # seconds past the deadline that a copy has to finish a job and write it
MIN_SECONDS = 0.1  # with less time left than this, the jobs are not worth a fork
_HEADER = struct.Struct("<Q")
_in_copy = False  # whether this process is a forked copy


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every system)
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether jobs may run in a forked copy of this process (see the module's docs)."""
    return (
        sys.platform.startswith("linux")
        and not _in_copy
        and cores() >= 2
        and threading.active_count() == 1
    )


def spread(
    count: int,
    work: Callable[[int, int], list[Found]],
    deadline: Deadline,
    memos: Sequence[MutableMapping] = (),
) -> list[Found]:
    """What ``work`` finds for each of ``count`` jobs, in their order. ``work(at, running)``
    does job ``at`` while ``running`` processes take the jobs in turn, each the next one
    left, and shares out its time accordingly. What the copy adds to the dicts ``memos`` (its
    learners' memory) is added to them here."""
    if count < 2 or count > _MAX_JOBS or deadline.left() < MIN_SECONDS or not can_fork():
        return _here(count, work)
    try:
        written = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the with below)
    except OSError:  # (no room for the file: the jobs run here)
        return _here(count, work)
    known = [set(memo) for memo in memos]
    found: dict[int, list[Found]] = {}
    with written:
        opened: list[int] = []
        try:
            queue, queue_in = os.pipe()  # the jobs left, taken in turn by both processes
            opened += (queue, queue_in)
            os.write(queue_in, bytes(range(count)))
            os.set_blocking(queue, False)
            done, done_in_copy = os.pipe()  # (the copy's end closes as it ends)
            opened += (done, done_in_copy)
            pid = os.fork()
        except OSError:  # (no pipe or process to spare: the jobs run here)
            for fd in opened:
                os.close(fd)
            return _here(count, work)
        os.close(queue_in)
        if pid == 0:
            os.close(done)
            _copy(queue, work, written.fileno(), memos, known)
        os.close(done_in_copy)
        try:
            for at in _taken(queue):
                found[at] = work(at, 2)
            _wait(done, deadline)
        finally:
            os.close(done)
            os.close(queue)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):  # (reaped by a handler of the caller's)
                os.waitpid(pid, 0)
        written.seek(0)
        theirs, learned = _read(written.read())
    found.update(theirs)
    for memo, more in zip(memos, learned, strict=False):  # (nothing learned: a stopped copy)
        for key, value in more.items():
            memo.setdefault(key, value)
    return [f for at in sorted(found) for f in found[at]]


_MAX_JOBS = 256  # (a job's number is one byte in the queue)


def _here(count: int, work: Callable[[int, int], list[Found]]) -> list[Found]:
    """The jobs done one after another in this process."""
    return [f for at in range(count) for f in work(at, 1)]


def _taken(queue: int) -> Iterator[int]:
    """The jobs this process takes from the ``queue``, one at a time, until none is left."""
    while True:
        try:
            taken = os.read(queue, 1)
        except BlockingIOError:
            return
        if not taken:
            return
        yield taken[0]


def _copy(
    queue: int,
    work: Callable[[int, int], list[Found]],
    fd: int,
    memos: Sequence[MutableMapping],
    known: Sequence[set],
) -> None:
    """In the forked copy: does the jobs it takes from the ``queue``, writes what each found
    and what ``memos`` gained to ``fd``, and ends the process."""
    global _in_copy
    _in_copy = True
    code = 1
    try:
        for at in _taken(queue):
            _write(fd, ("found", (at, work(at, 2))))
        learned = [
            {k: v for k, v in m.items() if k not in s} for m, s in zip(memos, known, strict=True)
        ]
        _write(fd, ("learned", learned))
        code = 0
    finally:
        os._exit(code)


def _write(fd: int, message: tuple) -> None:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _wait(done: int, deadline: Deadline) -> None:
    """Until the copy ends (its end of the pipe ``done`` closes) or the deadline and
    ``GRACE`` pass."""
    left = max(0.0, deadline.left()) + GRACE
    with contextlib.suppress(InterruptedError):
        select.select([done], [], [], left)


def _read(data: bytes) -> tuple[dict[int, list], list[dict]]:
    """What the copy wrote: what each job it did found, and what its learners learned
    (nothing, where it was stopped before the end; a message cut short is dropped)."""
    found: dict[int, list] = {}
    learned: list[dict] = []
    at = 0
    while at + _HEADER.size <= len(data):
        (size,) = _HEADER.unpack_from(data, at)
        at += _HEADER.size
        if at + size > len(data):
            break
        kind, value = pickle.loads(data[at : at + size])
        at += size
        if kind == "found":
            found[value[0]] = value[1]
        else:
            learned = value
    return found, learned

"""Jobs spread over two processes (likewise.synth.lanes) and the noise model that uses them."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time

import pytest

from likewise import learn
from likewise.synth import lanes
from likewise.synth.deadline import Deadline


@pytest.fixture
def one_thread(monkeypatch):
    """The Spark tests, earlier in the same process, leave py4j's threads behind, and
    spread() then runs the jobs here; the copies of these tests run only their own jobs."""
    monkeypatch.setattr(lanes.threading, "active_count", lambda: 1)


def forks(test):
    """A test of jobs spread over a forked copy."""
    linux = sys.platform.startswith("linux") and lanes.cores() >= 2
    test = pytest.mark.skipif(not linux, reason="needs Linux and two cores")(test)
    return pytest.mark.usefixtures("one_thread")(test)


def _children() -> set[str]:
    """The processes this one started that are still there (a Spark test's JVM, say)."""
    found: set[str] = set()
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as f:
            found.update(f.read().split())
    return found


def _open_files() -> set[str]:
    """The pipes and unnamed files this process holds open (not the sockets of a Spark
    test's gateway, which its threads may open and close meanwhile)."""
    held = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # (closed since it was listed)
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("pipe:") or target.endswith("(deleted)"):
                held.add(f"{fd} {target}")
    return held


@forks
def test_jobs_come_back_in_order_from_both_processes():
    def work(at: int, running: int) -> list[tuple[int, int, int]]:
        time.sleep(0.02)  # (long enough that both processes take jobs)
        return [(at, running, os.getpid())]

    before, children = _open_files(), _children()
    found = lanes.spread(9, work, Deadline(30))
    assert _open_files() == before  # (the pipes and the file are closed)
    assert _children() == children  # (the copy has ended and is reaped)
    assert [at for at, _, _ in found] == list(range(9))
    assert {running for _, running, _ in found} == {2}
    assert len({pid for _, _, pid in found}) == 2


@forks
def test_what_the_copy_learns_comes_back():
    memo: dict[str, int] = {"known": 0}

    def work(at: int, running: int) -> list[int]:
        time.sleep(0.02)
        memo[f"job {at}"] = at
        return [at]

    assert lanes.spread(6, work, Deadline(30), [memo]) == list(range(6))
    assert memo == {"known": 0, **{f"job {at}": at for at in range(6)}}


@forks
def test_a_copy_past_the_deadline_is_stopped_and_what_it_finished_stays():
    def work(at: int, running: int) -> list[int]:
        if lanes._in_copy and at == 3:
            time.sleep(3600)  # (a job that never polls the deadline)
        time.sleep(0.05)
        return [at]

    children = _children()
    found = lanes.spread(8, work, Deadline(1.0))
    assert set(range(8)) - {3} <= set(found)
    assert found == sorted(found)
    assert _children() == children


@forks
def test_a_job_that_fails_in_the_copy_leaves_the_others_to_this_process():
    def work(at: int, running: int) -> list[int]:
        if lanes._in_copy:
            raise ValueError("broken")
        time.sleep(0.02)
        return [at]

    children = _children()
    found = lanes.spread(5, work, Deadline(30))
    assert len(found) >= 4  # (the copy took one job at most, and failed it)
    assert found == sorted(found)
    assert _children() == children


def test_with_another_thread_running_the_jobs_run_here():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not lanes.can_fork()
        found = lanes.spread(4, lambda at, running: [(at, running, os.getpid())], Deadline(30))
    finally:
        stop.set()
        other.join()
    assert found == [(at, 1, os.getpid()) for at in range(4)]


def test_one_job_runs_here():
    assert lanes.spread(1, lambda at, running: [(at, running)], Deadline(30)) == [(0, 1)]


@forks
def test_the_noise_model_reads_the_same_typos_on_one_core_or_two(monkeypatch):
    examples = [
        ("John Smith", "Smith, J."),
        ("Ann Lee", "Lee, A."),
        ("Bo Diddley", "Diddly, B."),
        ("Carla Reyes", "Reyes, C."),
    ]
    two = learn(examples, timeout=20)
    monkeypatch.setattr(lanes, "can_fork", lambda: False)
    one = learn(examples, timeout=20)
    assert str(two) == str(one)
    assert two.suspect_examples == one.suspect_examples == [(2, "Diddly, B.", "Diddley, B.")]


@forks
def test_on_two_cores_a_way_shares_the_time_of_both_with_the_ways_left():
    from likewise.synth.noise import candidates

    examples = [(("Ada Lovelace",), "Lovelace"), (("Alan Turing",), "Turing")]
    examples += [(("Grace Hopper",), "Hopper"), (("Edsger Dijkstra",), "Dijkstra")]
    shares: dict[int, float] = {}  # per example set aside (what the copy learns comes back)

    def learn(kept, deadline):
        (aside,) = (i for i, ex in enumerate(examples) if ex not in kept)
        shares[aside] = deadline.left()
        time.sleep(0.05)
        return []

    candidates(examples, learn, 1, Deadline(30), [shares])
    # Four ways, two processes: the first two start at once, the others as those end.
    assert 11 < shares[0] <= 12  # 2 / (4 + 1) of the time: the other process is on another
    assert 14 < shares[1] <= 15  # 2 / (3 + 1)
    assert 19 < shares[2] <= 20 and 29 < shares[3] <= 30  # the last gets all that is left


@forks
def test_where_no_process_can_be_forked_the_jobs_run_here(monkeypatch):
    def no_fork() -> int:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    found = lanes.spread(3, lambda at, running: [(at, running, os.getpid())], Deadline(30))
    assert found == [(at, 1, os.getpid()) for at in range(3)]

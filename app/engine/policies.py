"""Schedulers: who runs next. The engine never chooses by itself; a policy always does.

A policy hands out *slices*: "run thread T for up to N steps". The runner runs the slice until
it is used up, the thread cannot move, or (with `until_breaker`) the thread reaches a point
where CPython would let another thread take the GIL.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from .errors import ScheduleError
from .machine import DEFAULT_SWITCH_INTERVAL, SWITCH_INTERVAL, Machine
from .primitives import timing_out
from .schedule import Turn, turns

POLICIES = ("rr", "random", "cpython")
#: The policy a program runs under unless it or its scenario says otherwise.
DEFAULT_POLICY = "rr"
#: The `cpython` policy's switch interval, in steps. CPython's is 5 ms, tens of thousands of
#: our steps; 1,000 keeps switches visible in a lesson while a short loop (a tutorial's 50
#: random draws in a thread) still runs in one turn, as it does in CPython.
SWITCH_STEPS = 1000
#: The time CPython takes for a step of ours, a call and a line written (a print, a log record
#: to a pipe), in ns: what the `cpython` policy counts so that sleepers wake while others work.
STEP_NS = 50
CALL_NS = 1_000
WRITE_NS = 10_000
#: The instructions whose step is a call (a primitive's method, a library function), which
#: costs CALL_NS more: a queue's put or a lock's acquire is a microsecond in CPython.
CALLS = frozenset({"CALL", "CALL_METHOD", "CALL_SPREAD", "CALL_METHOD_SPREAD", "CALL_TARGET"})


class Slice(NamedTuple):
    tid: int
    steps: int
    #: After `steps`, keep going until the thread passes an eval-breaker point.
    until_breaker: bool = False
    #: The thread must be able to take every step (an explicit schedule); otherwise the slice
    #: just ends early when the thread blocks or finishes.
    strict: bool = False
    #: The most steps the slice may take, breaker or not (0: no such bound): a policy's turn
    #: in a schedule ends at its count exactly.
    most: int = 0


class Policy(Protocol):
    """Chooses the next slice.

    `pick` is called whenever the previous slice ended, with the machine and the thread that
    ran last (None at the start). It returns None when it has no thread to offer: nobody can
    move (the run is over or deadlocked), or an explicit schedule has been used up. A policy
    that never chooses a thread that cannot move (see `Machine.enabled`, `Machine.can_run`)
    is never told off; an explicit schedule is, with a ScheduleError.

    A policy that always runs the lowest enabled thread for one step:

        class Lowest:
            def pick(self, m, last):
                enabled = m.enabled()
                return Slice(enabled[0], 1) if enabled else None
    """

    def pick(self, m: Machine, last: int | None) -> Slice | None: ...


class Explicit:
    """Follow a schedule exactly. A step the schedule names but the thread cannot take is a
    ScheduleError that says why (blocked, finished, no such thread). A policy's turn
    (`~cpython900000`) is that policy, started afresh, choosing up to that many steps."""

    def __init__(self, text: str) -> None:
        self._follow(turns(text))

    @classmethod
    def of(cls, runs: Sequence[Turn]) -> Explicit:
        """Follow turns already read (a resolved run's, which may be more than a text holds)."""
        self = cls.__new__(cls)
        self._follow(runs)
        return self

    def _follow(self, runs: Sequence[Turn]) -> None:
        self.runs = runs
        self.index = 0
        #: The policy whose turn it is, and the steps it has left to choose (None: to the end).
        self.policy: Policy | None = None
        self.left: int | None = None
        if any(isinstance(who, str) for who, _ in self.runs):
            self.elapse = self._elapse

    def pick(self, m: Machine, last: int | None) -> Slice | None:
        if self.policy is not None:
            if self.left is None or self.left > 0:
                chosen = self.policy.pick(m, last)
                if chosen is not None:
                    return chosen if self.left is None else chosen._replace(most=self.left)
            self.policy = None  # its turn is over (or the run is: a turn is at most its count)
        if self.index >= len(self.runs):
            return None
        who, count = self.runs[self.index]
        self.index += 1
        if isinstance(who, str):
            try:
                self.policy, self.left = policy_of(who), count
            except ValueError as e:
                raise ScheduleError(f"bad schedule: {e}") from None
            return self.pick(m, last)
        if who >= len(m.threads):
            raise ScheduleError(no_such_thread(m, who))
        assert count is not None
        return Slice(who, count, strict=True)

    def _elapse(self, m: Machine, steps: int, calls: int) -> None:
        """Count a policy's steps against its turn (and its own clock, if it keeps one)."""
        if self.policy is None:
            return
        if self.left is not None:
            self.left -= steps
        elapse = getattr(self.policy, "elapse", None)
        if elapse is not None:
            elapse(m, steps, calls)


class Until:
    """A policy that stops choosing, between two of its slices, once `stop(steps)` says so
    (`steps`: how many it has chosen so far): a caller's own limit, such as its time for one
    request, which the engine cannot know of. A run stopped so (PAUSED, `paused`) goes on
    later, `run(..., resume=...)` with this same policy, exactly as if it had not stopped."""

    def __init__(self, policy: Policy, stop: Callable[[int], bool], steps: int = 0) -> None:
        self.policy, self.stop, self.steps = policy, stop, steps
        self.paused = False

    def pick(self, m: Machine, last: int | None) -> Slice | None:
        if self.stop(self.steps):
            self.paused = True
            return None
        return self.policy.pick(m, last)

    def elapse(self, m: Machine, steps: int, calls: int) -> None:
        """After each slice (the runner says how long it was)."""
        self.steps += steps
        elapse = getattr(self.policy, "elapse", None)
        if elapse is not None:
            elapse(m, steps, calls)


def no_such_thread(m: Machine, tid: int) -> str:
    return (f"the schedule names thread {tid}, but the program has only {len(m.threads)} "
            f"thread(s) so far")


class RoundRobin:
    """Each thread in turn (by id) runs `quantum` steps, or until it blocks or finishes."""

    def __init__(self, quantum: int = 1) -> None:
        if quantum < 1:
            raise ValueError("the quantum must be at least 1")
        self.quantum = quantum

    def pick(self, m: Machine, last: int | None) -> Slice | None:
        tid = _next_after(m, last)
        return None if tid is None else Slice(tid, self.quantum)


class Random:
    """A uniformly random enabled thread each step, reproducible from its seed."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)

    def pick(self, m: Machine, last: int | None) -> Slice | None:
        enabled = m.enabled()
        return Slice(self.rng.choice(enabled), 1) if enabled else None


class CPython:
    """Like CPython 3.10–3.13 with the GIL (SEMANTICS.md §7, §10).

    The running thread keeps the GIL for about `interval` steps (the switch interval); then a
    switch is requested, and it is taken at the thread's next eval-breaker point (a call, a
    loop back-edge, a function entry), or earlier when the thread blocks or sleeps. The next
    thread is the next ready one by id, as if the waiting threads took turns.

    The interval is a time in CPython, so where in a loop the request lands varies from one
    switch to the next; here each slice draws its length between half and one and a half
    intervals from a generator seeded with `seed`, so runs stay reproducible. A program's
    `sys.setswitchinterval(s)` scales the interval by `s / 0.005` (stdlib/sys.py).

    Time (stdlib/time.py): the program's clock moves only with sleeps and timeouts, but this
    policy also counts the time CPython would take for the work done since (`elapse`: each
    step STEP_NS, each call CALL_NS more, each line written WRITE_NS). A thread asleep
    (`time.sleep`), or in a timed wait that nothing has ended, runs once that time reaches
    its wake-up time (its step then moves the clock there), or when no other thread can run:
    then the one due first (ties: the next by id). So a thread that works without ever
    sleeping (`while not event.is_set(): q.put(...)`) does not keep a sleeper from waking,
    and the main thread's `time.sleep(0.1); event.set()` ends its loop, as in a real run.
    """

    def __init__(self, interval: int = SWITCH_STEPS, seed: int = 0) -> None:
        if interval < 1:
            raise ValueError("the switch interval must be at least 1 step")
        self.interval = interval
        self.rng = random.Random(seed)
        #: The machine run, the time its work has taken (ns, on the clock's scale) and the
        #: lines it had written at the last `elapse`.
        self.machine: Machine | None = None
        self.now = 0
        self.writes = 0

    def elapse(self, m: Machine, steps: int, calls: int) -> None:
        """Count the time a slice of `steps` steps, `calls` of them calls, took (the runner
        calls this after each)."""
        if m is not self.machine:
            self.machine, self.now, self.writes = m, 0, 0
        writes = len(m.output) + len(m.errput)
        self.now = max(self.now, m.clock) + (steps * STEP_NS + calls * CALL_NS
                                             + (writes - self.writes) * WRITE_NS)
        self.writes = writes

    def pick(self, m: Machine, last: int | None) -> Slice | None:
        if m is not self.machine:
            self.machine, self.now, self.writes = m, 0, 0
        tid = _next_awake(m, last, max(self.now, m.clock))
        if tid is None:
            return None
        interval = self.interval
        chosen = m.globals.get(SWITCH_INTERVAL)
        if chosen is not None:  # sys.setswitchinterval: the default's share of it
            interval = max(1, min(10**9, round(interval * chosen / DEFAULT_SWITCH_INTERVAL)))
        low = max(1, interval // 2)
        return Slice(tid, self.rng.randint(low, low + interval), until_breaker=True)


def _next_after(m: Machine, last: int | None) -> int | None:
    """The first thread after `last` (by id, wrapping around) that can move."""
    if m.over():
        return None
    threads = m.threads
    n = len(threads)
    start = 0 if last is None else last + 1
    for i in range(n):
        th = threads[(start + i) % n]
        if m.can_run(th):
            return th.tid
    return None


def _next_awake(m: Machine, last: int | None, now: int) -> int | None:
    """A thread just started, if it can move; else the first thread after `last` that can
    move without time passing beyond `now`; if none, the one whose sleep or timeout ends
    first."""
    if m.over():
        return None
    threads = m.threads
    started, m.handoff = m.handoff, None
    if started is not None:
        th = threads[started]
        if m.can_run(th) and th.until is None and th.wait is None:
            return started
    n = len(threads)
    start = 0 if last is None else last + 1
    clock = now
    first: int | None = None
    due = 0
    for i in range(n):
        th = threads[(start + i) % n]
        if not m.can_run(th):
            continue
        until = th.until
        if until is None and th.wait is not None:
            until = timing_out(m, th)
        if until is None or until <= clock:
            return th.tid
        if first is None or until < due:
            first, due = th.tid, until
    return first


def policy_of(spec: str) -> Policy:
    """The policy a schedule's turn names: `rr`, or with its parameter after a dot, `rr.100`
    (the quantum), `cpython.50` (the switch interval), `random.7` (the seed)."""
    name, _, param = spec.partition(".")
    value = int(param) if param else None
    return make_policy(name, seed=value) if name == "random" else make_policy(name, value)


def make_policy(name: str, quantum: int | None = None, seed: int | None = None) -> Policy:
    if name == "rr":
        return RoundRobin(quantum or 1)
    if name == "random":
        return Random(seed or 0)
    if name == "cpython":
        return CPython(quantum or SWITCH_STEPS, seed or 0)
    raise ValueError(f"unknown policy {name!r}: choose one of {', '.join(POLICIES)}")

"""Run a program under a policy: the loop that the CLI, the pages and the tests all use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .code import Instr
from .descriptions import why_blocked
from .errors import BudgetError, ScheduleError
from .machine import Machine, Thread, program_line
from .policies import CALLS, Policy, Slice, no_such_thread
from .program import Program
from .schedule import encode_runs
from .threadstate import ALIVE, CRASHED, FINISHED, NEW, NO_BREAK, YIELD
from .trace import DEADLOCK, DONE, LIMIT, PAUSED, Run, Step, describe, outcome_of

DEFAULT_MAX_STEPS = 2_000_000


def run(program: Program, policy: Policy, *, max_steps: int = DEFAULT_MAX_STEPS,
        record: bool = True, then: Policy | None = None,
        on_step: Callable[[Step], object] | None = None,
        on_event: Callable[[int, Thread, Any], object] | None = None,
        resume: tuple[Machine, int, int | None] | None = None) -> Run:
    """Run `program` until it ends, the policy stops, or `max_steps` steps were taken.

    With `record`, every step is kept in words (a trace); without, only the count, which is
    what makes multi-million-step runs fast. Given `on_step`, each step in words goes to it
    as it is taken, and none is kept: the CLI streams a million-step trace this way in flat
    memory, while the engine itself does no I/O. Given `on_event` instead, each step's index,
    thread and raw event go to it, without words (the page notes lost updates this way).
    `then` takes over when `policy` stops (an explicit schedule followed by round-robin,
    say). `resume` goes on from a run's machine (stepped on here), the steps it took and the
    thread that took the last one, instead of from the start; the schedule returned is then
    only the steps taken here. A policy that stops choosing (PAUSED) between two slices can
    be run on later, with `resume`, exactly as if it had not stopped.
    """
    m, count, last = resume or (Machine(program, start=False), 0, None)
    steps: list[Step] = []
    if on_step is None and record and on_event is None:
        on_step = steps.append
    watch = _watcher(m, on_step, on_event)
    schedule = _Schedule()
    tid = done = 0
    advance = m.advance
    elapse = getattr(policy, "elapse", None)
    try:
        if resume is None:
            m.begin()
        while True:
            chosen = policy.pick(m, last)
            if chosen is None and then is not None:
                policy, then = then, None
                chosen = policy.pick(m, last)
            if chosen is None or count >= max_steps:
                kind, reason = _stopped(m, chosen, max_steps)
                break
            tid = chosen.tid
            th = m.threads[tid]
            m.handoff = None  # a start() hands the GIL over at the next pick only
            budget = min(chosen.steps, max_steps - count)
            breaker = chosen.until_breaker
            # A policy's turn ends at its count, breaker or not (a slice still ends early
            # where it would without a count).
            most = chosen.most or max_steps
            budget = min(budget, most)
            done = calls = 0
            # Run the slice: `budget` steps, then (cpython) on until an eval-breaker point.
            # A sleep (YIELD) ends it at once; a thread that cannot move ends it early.
            while True:
                if done >= budget and (not breaker or th.brk or count >= max_steps
                                       or done >= most):
                    break
                if th.state == ALIVE and not (th.daemon and m.over()):
                    f = th.frames[-1]
                    ins = f.code.instrs[f.pc]
                    guard = ins.guard
                    if guard is None or guard(m, th):
                        th.brk = NO_BREAK
                        if watch is None:
                            advance(th, ins)
                        else:
                            watch(th, ins, count)
                        if elapse is not None and ins.op in CALLS:
                            calls += 1
                        count += 1
                        done += 1
                        if breaker and (th.brk == YIELD or th.until is not None or
                                        m.handoff is not None):
                            break  # it let the GIL go (a loop's back-edge may follow a sleep)
                        continue
                _stuck(m, chosen, count)  # it cannot move (now)
                break
            if done:
                schedule.add(tid, done)
                last = tid
                if elapse is not None:  # the `cpython` policy counts the work's time
                    elapse(m, done, calls)
            elif not chosen.strict:
                last = tid  # it could not move after all: let the policy move on
    except BudgetError as e:
        kind, reason = LIMIT, str(e)
        if done:  # the slice's steps before the one that blew it
            schedule.add(tid, done)

    outcome = outcome_of(m, kind, count, reason)
    return Run(schedule.text(), outcome, steps, m)


def _watcher(m: Machine, on_step: Callable[[Step], object] | None,
             on_event: Callable[[int, Thread, Any], object] | None
             ) -> Callable[[Thread, Instr, int], object] | None:
    """How a watched run takes a step: in words to `on_step`, or raw to `on_event`. None
    when nobody watches, so that the fast path calls `advance` itself, one test a step."""
    if on_step is not None:
        return lambda th, ins, index: on_step(recorded_step(m, th, ins, index))
    if on_event is not None:
        advance = m.advance
        return lambda th, ins, index: on_event(index, th, advance(th, ins))
    return None


def _stopped(m: Machine, chosen: Slice | None, max_steps: int) -> tuple[str, str]:
    """How a run ends once no turn is taken: over or deadlocked when no thread can move,
    else paused (the policy chose none) or at the step limit; and the limit's reason."""
    if not m.enabled():
        return (DONE if m.over() else DEADLOCK), ""
    if chosen is None:
        return PAUSED, ""
    return LIMIT, f"the step limit of {max_steps:,} was reached"


def _stuck(m: Machine, chosen: Slice, count: int) -> None:
    """The chosen thread cannot move: a strict turn (an explicit schedule's) is then a
    ScheduleError; any other just ends early."""
    if chosen.strict:
        raise ScheduleError(cannot(m, chosen.tid, count))


class _Schedule:
    """The turns taken so far, kept mostly as text: a million one-step turns (round-robin)
    hold about two megabytes, not a million tuples."""

    #: Turns kept as tuples before they are encoded.
    BATCH = 4096

    def __init__(self) -> None:
        self.done: list[str] = []
        self.runs: list[tuple[int, int]] = []

    def add(self, tid: int, count: int) -> None:
        runs = self.runs
        if runs and runs[-1][0] == tid:
            runs[-1] = (tid, runs[-1][1] + count)
        elif len(runs) < self.BATCH:
            runs.append((tid, count))
        else:
            # Adjacent turns here never share a thread, so the text of all but the last (which
            # the next turn may extend) is final.
            self.done.append(encode_runs(runs[:-1]))
            del runs[:-1]
            runs.append((tid, count))

    def text(self) -> str:
        return "".join(self.done) + encode_runs(self.runs)


def recorded_step(m: Machine, th: Thread, ins: Instr, index: int) -> Step:
    """Take the thread's next step (`ins`, already checked to be possible), in words."""
    line = ins.line or program_line(th)
    event = m.advance(th, ins)
    kind, words, changes = describe(event)
    variable = event[1] if kind in ("read", "write") else ""
    return Step(index, th.tid, th.name, line, kind, words, changes, variable)


def require_step(m: Machine, tid: int, count: int) -> None:
    """A ScheduleError unless thread `tid` exists and can take step `count + 1` now."""
    if tid >= len(m.threads):
        raise ScheduleError(f"step {count + 1}: {no_such_thread(m, tid)}")
    if tid not in m.enabled():
        raise ScheduleError(cannot(m, tid, count))


def cannot(m: Machine, tid: int, count: int) -> str:
    """Why thread `tid` cannot take step `count + 1`, for a ScheduleError."""
    th = m.threads[tid]
    at = f"step {count + 1}"
    if th.state == NEW:
        return f"{at}: {th.name} has not been started yet"
    if th.state in (FINISHED, CRASHED):
        return f"{at}: {th.name} has already {th.state}"
    if m.over():
        return f"{at}: the program has already ended"
    return f"{at}: {th.name} cannot run: {why_blocked(m, th)}"

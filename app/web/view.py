"""What the simulator page shows, computed from the program, the schedule and the step.

Pure: the same arguments give the same view. The templates only lay it out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from typing import Any

from ..engine import (
    ALIVE,
    DEADLOCK,
    DONE,
    LIMIT,
    Barrier,
    BudgetError,
    Condition,
    Event,
    Explicit,
    Lock,
    Machine,
    Outcome,
    Primitive,
    Program,
    RLock,
    ScheduleError,
    Semaphore,
    Step,
    clone,
    decode,
    describe,
    encode,
    length,
    make_policy,
    outcome_of,
    primitives_of,
    represent,
    require_step,
    run,
    shown,
    thread_letter,
    why_blocked,
)
from ..engine.stdlib.queue import Queue
from .crashes import Crash, crashed
from .explain import lost_update, register
from .output import Printed, printed
from .replay import REPLAYS
from .state import Panel, panel
from .timeline import Cell, lanes

#: How far "Run to end" goes in one click (most programs end well before).
RUN_AHEAD = 500


@dataclass
class ThreadView:
    tid: int
    letter: str
    name: str
    status: str  # ready, blocked, waiting, finished, crashed, new
    reason: str
    line: int | None
    first_line: int
    last_line: int
    next_action: str
    register: list[str]
    register_source: str  # "step 4: read counter → 0": where the register's value came from
    stale: str  # the other thread's write since that read ("" when the register is current)
    step_schedule: str | None  # the schedule after stepping this thread, None if it cannot


@dataclass
class PrimitiveView:
    label: str
    kind: str
    state: str
    detail: str
    queue: list[str] = field(default_factory=list)
    #: A semaphore's or barrier's slots, full or not, drawn one by one when there are few
    #: (a `Barrier(3000000)` is told in words only: its page stays small).
    slots: tuple[bool, ...] = ()
    #: A queue's items, the next one out first (at most `Queue.contents` shows).
    items: tuple[str, ...] = ()


@dataclass
class Node:
    name: str
    x: float
    y: float


@dataclass
class Edge:
    """`source` waits for `target` (through `label`, the lock `target` holds): a curve from
    (x1, y1) to (x2, y2) bending through (cx, cy), so that opposite edges do not overlap."""

    x1: float
    y1: float
    cx: float
    cy: float
    x2: float
    y2: float
    label: str


@dataclass
class WaitGraph:
    nodes: list[Node]
    edges: list[Edge]


def wait_graph(outcome: Outcome, size: float = 260) -> WaitGraph | None:
    """The deadlock's wait-for graph laid out on a circle, for a small SVG drawing."""
    waiting = [b for b in outcome.blocked if b.waits_for]
    if outcome.kind != DEADLOCK or not waiting:
        return None
    names = list(dict.fromkeys([b.thread for b in outcome.blocked] +
                               [b.waits_for for b in waiting if b.waits_for]))
    centre, radius = size / 2, size / 2 - 40
    places = {}
    for i, name in enumerate(names):
        angle = 2 * math.pi * i / len(names) - math.pi / 2
        places[name] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    holds = {b.thread: b.holds for b in outcome.blocked}
    edges = []
    for b in waiting:
        assert b.waits_for is not None
        (x1, y1), (x2, y2) = places[b.thread], places[b.waits_for]
        # Stop short of the target's label so the arrowhead stays visible.
        dx, dy = x2 - x1, y2 - y1
        length_ = math.hypot(dx, dy) or 1
        shrink = 32 / length_
        label = next((lock for lock in holds.get(b.waits_for, ()) if lock in b.reason), "")
        bend = 28 / length_  # to the right of the direction of travel
        cx, cy = (x1 + x2) / 2 - dy * bend, (y1 + y2) / 2 + dx * bend
        edges.append(Edge(x1 + dx * shrink, y1 + dy * shrink, cx, cy, x2 - dx * shrink,
                          y2 - dy * shrink, label))
    return WaitGraph([Node(n, *places[n]) for n in names], edges)


@dataclass
class SimView:
    program: Program
    schedule: str  # the whole schedule (it may run past `at`)
    at: int
    total: int
    threads: list[ThreadView]
    shared: Panel  # the shared values, marked against the step before
    printed: Printed  # the output so far, line by line, with who printed it
    primitives: list[PrimitiveView]
    outcome: Outcome | None  # set when the run has ended at `at`
    lanes: list[tuple[str, list[Cell | int]]]  # a cell, or a gap of that many steps
    policy: str
    last_action: str
    lost_update: str  # the sentence for a last step that lost an update, or ""
    lost_updates: int
    #: The machine at step `at` (for goal checks).
    machine: Machine


def build(program: Program, schedule: str, at: int | None, policy: str, max_steps: int
          ) -> SimView:
    """The page's state, for schedules of up to `max_steps` steps (longer ones are for the
    command line). Raises ScheduleError for a schedule that cannot be followed."""
    tids = schedule_steps(schedule, max_steps)
    at = len(tids) if at is None else max(0, min(at, len(tids)))
    # A budget blown by a step ends the run there: the schedule keeps that step (so its
    # address shows the stop) and goes no further.
    if at < len(tids):  # the steps after `at` must be followable too (Forward, Last)
        whole = REPLAYS.at(program, tids, max_steps)  # kept: the next pages use it
        if whole.stopped:
            tids = tids[:len(whole.steps) + 1]
            at = min(at, len(tids))
    # The page before first, so that this one is a step on from it (and the state panel
    # marks what that step changed).
    before = REPLAYS.at(program, tids[:at - 1], max_steps).machine if at else None
    replayed = REPLAYS.at(program, tids[:at], max_steps)
    m, steps, marks, stopped = replayed[:4]
    if stopped:
        tids = tids[:len(steps) + 1] if len(steps) < at else tids[:at]
        at = len(tids)
    ended = stopped or not m.enabled()
    ahead = None  # the step Forward takes: its thread's next action, without a twin to step
    if at < len(tids) and not stopped:
        after = REPLAYS.at(program, tids[:at + 1], max_steps)  # kept for the next page
        ahead = None if after.stopped else after.steps[-1]
    stepper = Stepper(tids, at)
    return SimView(
        program=program, schedule=stepper.whole, at=at, total=len(tids),
        threads=[_thread(m, th, stepper, at, steps, stopped, ahead, max_steps,
                         replayed.crashes) for th in m.threads],
        printed=printed(m, replayed.writers, at - 1),
        shared=panel(before if len(steps) == at else None, m, steps),
        primitives=[_primitive(m, p) for p in primitives_of(m)],
        outcome=(outcome_of(m, LIMIT, at, stopped) if stopped else
                 outcome_of(m, DONE if m.over() else DEADLOCK, at) if ended else None),
        lanes=lanes(m.threads, steps, marks, at),
        policy=policy,
        last_action=f"{steps[-1].thread}: {steps[-1].action}{crashed(m, replayed.crashes, at)}"
        if steps else "",
        lost_update=lost_update(steps) if len(steps) == at else "",
        lost_updates=marks.lost, machine=m,
    )


def followable(program: Program, schedule: str, max_steps: int) -> str | None:
    """The longest start of `schedule` that can be followed (a mistyped link's way on), or
    None when its text cannot even be read."""
    try:
        tids = schedule_steps(schedule, max_steps)
    except ScheduleError:
        return None
    m = REPLAYS.at(program, (), max_steps).machine.copy()
    for i, tid in enumerate(tids):
        try:
            require_step(m, tid, i)
        except ScheduleError:
            return encode(list(tids[:i]))
        try:
            m.step(tid)
        except BudgetError:  # the page shows where a budget stops the run
            return encode(list(tids[:i + 1]))
    return schedule


@lru_cache(maxsize=256)
def schedule_steps(schedule: str, max_steps: int) -> tuple[int, ...]:
    """The schedule's thread ids, step by step (a ScheduleError past `max_steps`): decoded
    once for all the pages along a learner's schedule."""
    if length(schedule) > max_steps:  # counted before anything is expanded
        raise ScheduleError(f"the page shows schedules of up to {max_steps:,} steps; "
                            f"use `interleave run --summary` for longer runs")
    return tuple(decode(schedule, max_steps))


def advanced(program: Program, schedule: str, at: int, policy: str, how: str, max_steps: int
             ) -> tuple[str, int]:
    """Where "Step ▶" (`how="step"`) or "Run to end" (`"end"`) by the policy leads from step
    `at`: the policy's run from there (up to RUN_AHEAD steps, kept in the schedule so that
    Forward replays it) and the step to show."""
    prefix = encode(decode(schedule, max_steps)[:at])
    result = run(program, Explicit(prefix), then=make_policy(policy), record=False,
                 max_steps=min(max_steps, at + RUN_AHEAD))
    ahead = result.schedule
    if result.outcome.kind == LIMIT and not result.outcome.reason.startswith("the step limit"):
        ahead += _blowing_step(program, ahead)  # so the page gets to show why it stopped
    total = length(ahead)
    return ahead, min(total, at + 1) if how == "step" else total


def _blowing_step(program: Program, schedule: str) -> str:
    """The letter of the first thread whose step after `schedule` blows a budget ("" if
    none does, or the schedule itself cannot be followed, or a budget blew before it ended:
    in MainThread's first local instructions, say, which leave no step to show)."""
    result = run(program, Explicit(schedule), record=False)
    m = result.machine
    if m is None or result.outcome.kind == LIMIT:
        return ""
    for tid in m.enabled():
        try:
            clone(m).step(tid)
        except BudgetError:
            return thread_letter(tid)
    return ""


class Stepper:
    """The schedule after choosing a thread at step `at`, for each thread's Step button: the
    later steps are kept only when the same thread was chosen there before. The schedule's
    runs are encoded once for all the pages along it, not once per thread."""

    def __init__(self, tids: Sequence[int], at: int) -> None:
        self.tids, self.at = tids, at
        runs, texts = _runs(tuple(tids))
        self.whole = "".join(texts)
        i = pos = 0  # runs[:i] cover the first `pos` steps of the prefix
        while i < len(runs) and pos + runs[i][1] <= at:
            pos += runs[i][1]
            i += 1
        if pos < at:  # the prefix ends inside run i
            self.head, self.last_run = "".join(texts[:i]), at - pos
            self.prefix = self.head + thread_letter(runs[i][0]) + (
                str(at - pos) if at - pos > 1 else "")
        else:
            self.prefix = "".join(texts[:i])
            self.head = "".join(texts[:i - 1]) if i else ""
            self.last_run = runs[i - 1][1] if i else 0

    def schedule(self, tid: int) -> str:
        tids, at = self.tids, self.at
        if at < len(tids) and tids[at] == tid:
            return self.whole
        if at and tids[at - 1] == tid:  # one more step in the prefix's last run
            return f"{self.head}{thread_letter(tid)}{self.last_run + 1}"
        return self.prefix + thread_letter(tid)


@lru_cache(maxsize=256)
def _runs(tids: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """A schedule's runs (thread, steps) and their texts, the same for every page along it."""
    runs = tuple((t, len(list(g))) for t, g in groupby(tids))
    return runs, tuple(thread_letter(t) + (str(n) if n > 1 else "") for t, n in runs)


def _thread(m: Machine, th: Any, stepper: Stepper, at: int, steps: Sequence[Step],
            stopped: str, ahead: Step | None, max_steps: int, crashes: Sequence[Crash]
            ) -> ThreadView:
    target = getattr(th.target, "fn", th.target)  # a bound method's function
    code = th.frames[0].code if th.frames else getattr(target, "code", None)
    first = max(code.first_line, 1) if code is not None else 1  # a library's code: line 0
    last = code.last_line if code is not None and code.last_line else len(m.program.lines)
    if th.tid == 0:  # the module body: skip a leading comment header (a scenario's metadata)
        lines = m.program.lines
        first = next((i + 1 for i, text in enumerate(lines)
                      if text.strip() and not text.lstrip().startswith("#")), 1)
        last = len(lines)
    status, reason, line, action = "new", "not started yet", None, ""
    if th.state == ALIVE:
        ins = m.next_instr(th)
        line = ins.line or None  # 0: inside a library's own loop (a pool's worker), no line
        inner = th.frames[-1].code
        if line and not first <= line <= last and inner.first_line <= line <= inner.last_line:
            first, last = inner.first_line, inner.last_line  # in a call: show the callee
        blocked = why_blocked(m, th)
        if stopped:
            status, reason = "stopped", f"the run stopped: {stopped}"
        elif blocked is None and not m.over():
            status, reason = "ready", ""
            if ahead is not None and ahead.tid == th.tid:
                action = ahead.action
            else:
                try:
                    action = describe(clone(m).step(th.tid))[1]
                except BudgetError as e:  # the step itself blows a budget: Step shows it
                    action = f"(stops the run: {e})"
        else:
            status = "waiting" if blocked and blocked.startswith(("waiting", "notified")) else (
                "blocked")
            reason = blocked or "the program has ended"
    elif th.state in ("finished", "crashed"):
        status = th.state
        reason = next((f"{e.type}: {e.message}" for tid, e in m.errors if tid == th.tid), "")
        site = next((c for c in crashes if c.tid == th.tid and c.line), None)
        if site is not None:  # the line that raised, in the listing even if in a callee
            line, first, last = site.line, min(first, site.first_line), max(last, site.last_line)
            reason += f" at line {site.line}"
    register, source, stale = _register(th, steps)
    can = status == "ready" and at < max_steps
    if status == "ready" and not can:
        reason = (f"the page follows runs up to {max_steps:,} steps: continue with "
                  f"`interleave run`")
    return ThreadView(
        tid=th.tid, letter=thread_letter(th.tid), name=th.name, status=status, reason=reason,
        line=line, first_line=first, last_line=last, next_action=action, register=register,
        register_source=source, stale=stale,
        step_schedule=stepper.schedule(th.tid) if can else None)


def _register(th: Any, steps: Sequence[Step]) -> tuple[list[str], str, str]:
    """Values the thread holds mid-statement (read but not yet written), where they came from
    (its last read, in words), and, when the variable it read has been written by another
    thread since, that write ("" if none: the register is not stale)."""
    if th.state != ALIVE or not th.frames[-1].stack:
        return [], "", ""
    values = [shown(v) for v in th.frames[-1].stack
              if isinstance(v, int | float | str | bool | type(None))]
    reg = register(th.tid, steps)
    if reg.read is None or not values:
        return values, "", ""
    since = reg.overwritten_by
    return (values, f"step {reg.read.index + 1}: {reg.read.action}",
            f"{since.thread} wrote {since.action.removeprefix('write ')} at step "
            f"{since.index + 1}" if since else "")


def _primitive(m: Machine, p: Primitive) -> PrimitiveView:
    names = lambda tids: [m.threads[t].name for t in tids]  # noqa: E731
    if isinstance(p, RLock):
        holder = "unowned" if p.holder is None else (
            f"owned by {m.threads[p.holder].name}, depth {p.count}")
        return PrimitiveView(p.label, "RLock", "held" if p.holder is not None else "free",
                             holder)
    if isinstance(p, Lock):
        holder = (f"acquired by {m.threads[p.holder].name}" if p.locked and p.holder is not None
                  else "unlocked")
        return PrimitiveView(p.label, "Lock", "held" if p.locked else "free", holder)
    if isinstance(p, Condition):
        return PrimitiveView(p.label, "Condition", "held" if p.lock.locked else "free",
                             f"lock {p.lock.label}: {p.lock.describe()}", names(p.waiters))
    if isinstance(p, Semaphore):
        return PrimitiveView(p.label, p.kind, "free" if p.value else "empty",
                             f"value {represent(p.value)}" + (
                                 f" (bound {represent(p.initial)})" if p.bounded else ""),
                             names(p.waiters), _slots(p.value, p.initial))
    if isinstance(p, Event):
        return PrimitiveView(p.label, "Event", "set" if p.flag else "clear",
                             "flag set" if p.flag else "flag not set", names(p.waiters))
    if isinstance(p, Barrier):
        return PrimitiveView(p.label, "Barrier", "broken" if p.state == -2 else "ok",
                             p.describe(), names(p.waiters), _slots(p.count, p.parties))
    if isinstance(p, Queue):
        return PrimitiveView(p.label, p.kind, "full" if p.full_now() else (
            "ok" if p.items else "empty"), p.describe(),
            names(p.getters + p.putters + p.joiners), items=tuple(p.contents()))
    return PrimitiveView(p.label, p.kind, "", p.describe())


#: The most slots a primitive is drawn with.
SLOTS = 32


def _slots(full: int, total: int) -> tuple[bool, ...]:
    return tuple(i < full for i in range(total)) if 0 < total <= SLOTS else ()

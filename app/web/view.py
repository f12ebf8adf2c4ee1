"""What the simulator page shows, computed from the program, the schedule and the step.

Pure: the same arguments give the same view. The templates only lay it out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..engine import (
    ALIVE,
    CRASHED,
    DEADLOCK,
    DONE,
    FINISHED,
    LIMIT,
    NEW,
    BudgetError,
    Machine,
    Outcome,
    PrimitiveInfo,
    Program,
    ScheduleError,
    Step,
    ThreadInfo,
    clone,
    describe,
    describe_primitives,
    describe_threads,
    outcome_of,
    require_step,
    thread_letter,
)
from ..engine.schedule import encode_runs
from .crashes import Crash, crashed
from .errors import Pending
from .expand import Expansion, expansion
from .explain import lost_update, register
from .output import Printed, printed
from .overview import Band, overview
from .plan import Plan, explicit
from .replay import Replays
from .state import Panel, panel
from .timeline import Cell, lanes

#: How far "Step ▶" lets the policy go ahead (kept in the schedule, for Forward).
RUN_AHEAD = 500
#: The most steps MainThread's set-up may take.
SETUP_STEPS = 200


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
    #: The line's read-modify-write in steps, the next one marked (None if it is not one).
    expansion: Expansion | None = None


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
    overview: tuple[Band, ...]  # a long run's bands: the whole run, the stretch around `at`
    policy: str
    last_action: str
    lost_update: str  # the sentence for a last step that lost an update, or ""
    lost_updates: int
    #: The machine at step `at` (for goal checks).
    machine: Machine
    #: The page's limit a policy's run reached at this step, in words ("" if none).
    limit: str = ""


def build(replays: Replays, program: Program, schedule: str, at: int | None, policy: str,
          max_steps: int) -> SimView:
    """The page's state, for schedules of up to `max_steps` steps (longer ones are for the
    command line). Raises ScheduleError for a schedule that cannot be followed."""
    plan = replays.plan(program, schedule, max_steps)
    total = plan.total
    at = total if at is None else max(0, min(at, total))
    # A budget blown by a step ends the run there: the schedule keeps that step (so its
    # address shows the stop) and goes no further.
    whole = replays.at(program, plan, total)  # the steps after `at` must be followable too
    if whole.stopped:
        total = whole.at + 1
        at = min(at, total)
    # The page before first, so that this one is a step on from it (and the state panel
    # marks what that step changed).
    before = replays.at(program, plan, at - 1).machine if at else None
    replayed = replays.at(program, plan, at)
    m, steps, marks, stopped = replayed.machine, replayed.steps, replayed.marks, replayed.stopped
    if stopped:
        at = total = min(at, replayed.at + 1)
    elif at == total and plan.stopped:  # a policy's run blew a budget after this step
        stopped = plan.stopped
    ended = stopped or not m.enabled()
    ahead = None  # the step Forward takes: its thread's next action, without a twin to step
    if at < total and not stopped:
        after = replays.at(program, plan, at + 1)  # kept for the next page
        ahead = None if after.stopped else after.steps[-1]
    taken = replayed.at == at  # the step shown was taken (not the one that blew a budget)
    threads = describe_threads(m)
    return SimView(
        program=program, schedule=plan.text if total == plan.total else plan.cut(total),
        at=at, total=total,
        threads=[_thread(m, th, plan, at, steps, stopped, ahead, max_steps,
                         replayed.crashes) for th in threads],
        printed=printed(m, replayed.writers, at - 1),
        shared=panel(before if taken else None, m, steps, [th.name for th in threads]),
        primitives=[_primitive(p) for p in describe_primitives(m)],
        outcome=(outcome_of(m, LIMIT, at, stopped) if stopped else
                 outcome_of(m, DONE if m.over() else DEADLOCK, at) if ended else None),
        lanes=lanes(threads, marks, at),
        overview=overview(plan, whole.marks, at, total),
        policy=policy,
        last_action=(f"{steps[-1].thread}: {steps[-1].action}"
                     f"{crashed(threads, replayed.crashes, at)}")
        if steps and steps[-1].index == at - 1 else "",
        lost_update=lost_update(steps) if taken else "",
        lost_updates=marks.lost, machine=m, limit=plan.limit if at == total else "",
    )


def set_up(replays: Replays, program: Program, max_steps: int) -> str:
    """MainThread's set-up: its steps until every thread it has made has started (a
    scenario's first page can open there, so that the learner's first click is a choice
    that matters). Empty if it makes none before it waits or ends."""
    m = clone(replays.at(program, explicit("", max_steps) or Plan("", (), ()), 0).machine)
    steps = 0
    while steps < SETUP_STEPS and _setting_up(m) and 0 in m.enabled():
        m.step(0)
        steps += 1
    return "" if _setting_up(m) else encode_runs([(0, steps)])


def _setting_up(m: Machine) -> bool:
    """MainThread has made no thread yet, or one it has not started."""
    threads = describe_threads(m)
    return len(threads) == 1 or any(th.state == NEW for th in threads)


def followable(replays: Replays, program: Program, schedule: str, max_steps: int
               ) -> str | None:
    """The longest start of `schedule` that can be followed (a mistyped link's way on), or
    None when its text cannot even be read (or leaves steps to a policy, whose run is
    followed or not)."""
    try:
        plan = explicit(schedule, max_steps)
    except ScheduleError:
        return None
    if plan is None:
        return None
    m = clone(replays.at(program, plan, 0).machine)
    for i in range(plan.total):
        tid = plan.tid(i)
        try:
            require_step(m, tid, i)
        except ScheduleError:
            return plan.cut(i)
        try:
            m.step(tid)
        except BudgetError:  # the page shows where a budget stops the run
            return plan.cut(i + 1)
    return schedule


def advanced(replays: Replays, program: Program, schedule: str, at: int | None, policy: str,
             how: str, max_steps: int, deadline: float | None = None
             ) -> tuple[str, int | None]:
    """Where "Step ▶" (`how="step"`) or "Run to end" (`"end"`) by the policy leads from step
    `at` (None: the end): the schedule on from there, and the step to show (None: its end).
    Along a run the policy is already making, both go on with it; elsewhere the policy takes
    over from step `at` (for RUN_AHEAD steps, kept in the schedule so that Forward replays
    them, or to the end). Pending if the schedule's own run is not ready by `deadline`."""
    plan = replays.plan(program, schedule, max_steps, deadline)
    if plan.interrupted:
        raise Pending(plan.total, plan.cut)
    at = plan.total if at is None else max(0, min(at, plan.total))
    step = at + 1 if how == "step" else None
    if at < plan.total and plan.policy_at(at) == policy and (
            how == "step" or plan.open_ended):
        return plan.text, step
    return plan.going_on(at, policy, RUN_AHEAD if how == "step" else None), step


def _thread(m: Machine, th: ThreadInfo, plan: Plan, at: int, steps: Sequence[Step],
            stopped: str, ahead: Step | None, max_steps: int, crashes: Sequence[Crash]
            ) -> ThreadView:
    first = max(th.lines[0], 1) if th.lines else 1  # a library's code: line 0
    last = th.lines[1] if th.lines and th.lines[1] else len(m.program.lines)
    if th.tid == 0:  # the module body: skip a leading comment header (a scenario's metadata)
        lines = m.program.lines
        first = next((i + 1 for i, text in enumerate(lines)
                      if text.strip() and not text.lstrip().startswith("#")), 1)
        last = len(lines)
    status, reason, line, action, kind = NEW, "not started yet", None, "", ""
    if th.state == ALIVE:
        line = th.line  # None inside a library's own loop (a pool's worker): no line
        inner = th.callee_lines
        if line and inner and not first <= line <= last and inner[0] <= line <= inner[1]:
            first, last = inner  # in a call: show the callee
        blocked = th.blocked
        if stopped:
            status, reason = "stopped", f"the run stopped: {stopped}"
        elif blocked is None and not m.over():
            status, reason = "ready", ""
            if ahead is not None and ahead.tid == th.tid:
                kind, action = ahead.kind, ahead.action
            else:
                try:
                    kind, action = describe(clone(m).step(th.tid))[:2]
                except BudgetError as e:  # the step itself blows a budget: Step shows it
                    action = f"(stops the run: {e})"
        else:
            status = "waiting" if blocked and blocked.startswith(("waiting", "notified")) else (
                "blocked")
            reason = blocked or "the program has ended"
    elif th.state in (FINISHED, CRASHED):
        status = th.state
        reason = th.error
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
        step_schedule=plan.then(at, th.tid) if can else None,
        expansion=expansion(m.program.lines[line - 1], kind) if line and kind else None)


def _register(th: ThreadInfo, steps: Sequence[Step]) -> tuple[list[str], str, str]:
    """Values the thread holds mid-statement (read but not yet written), where they came from
    (its last read, in words), and, when the variable it read has been written by another
    thread since, that write ("" if none: the register is not stale)."""
    values = list(th.holding)
    if not values:
        return values, "", ""
    reg = register(th.tid, steps)
    if reg.read is None:
        return values, "", ""
    since = reg.overwritten_by
    return (values, f"step {reg.read.index + 1}: {reg.read.action}",
            f"{since.thread} wrote {since.action.removeprefix('write ')} at step "
            f"{since.index + 1}" if since else "")


def _primitive(p: PrimitiveInfo) -> PrimitiveView:
    return PrimitiveView(p.label, p.kind, p.state, p.detail, list(p.waiters),
                         _slots(p.filled, p.capacity), p.items)


#: The most slots a primitive is drawn with.
SLOTS = 32


def _slots(full: int, total: int) -> tuple[bool, ...]:
    return tuple(i < full for i in range(total)) if 0 < total <= SLOTS else ()

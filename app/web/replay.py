"""Replays, remembered: compiled programs, the runs schedules resolve to, and the machine at
each step shown.

A learner's next click is usually one step past the page they are on, so the machine for a
prefix is kept (least recently used first out) and the next page takes a step or a few from
the nearest kept prefix (with several workers, the previous page may have come from another)
instead of replaying the whole schedule. A long run (a million steps of the lesson's counter)
is stepped without words, noting only what the page needs of it (lost updates, who printed
what, who crashed), and its machine is kept every CHECKPOINT steps on the way: any step of it
is then a short replay from the checkpoint before, with the last KEEP steps in words for the
timeline. Only an optimisation: every page is still a pure function of its URL, computed the
same way on a cold server.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from time import monotonic
from typing import Any, NamedTuple, TypeVar

from ..engine import (
    LIMIT,
    PAUSED,
    BudgetError,
    Budgets,
    Explicit,
    Machine,
    Program,
    Step,
    Until,
    clone,
    compile_program,
    run,
)
from ..engine.schedule import Turn, runs_of, turns
from ..engine.snapshot import copied
from .crashes import Crash, watching
from .output import Writers
from .plan import Plan, explicit
from .timeline import Marks

#: Steps a replay keeps in words, the last ones: the timeline shows the 120 before the step
#: shown, the register looks further back for its thread's last read.
KEEP = 400
#: A long replay keeps its machine every this many steps.
CHECKPOINT = 16_384
#: The bytes of machines one long replay keeps as checkpoints (a program with a million-item
#: list keeps fewer): past them, later steps replay from the last one kept.
CHECKPOINT_BYTES = 16_000_000
#: How far back to look for a kept prefix (a learner's last page) before a checkpoint.
MAX_STEP_ON = 8
#: How the runner words the page's own limit of steps.
STEP_LIMIT = "the step limit"


class Replayed(NamedTuple):
    machine: Machine
    #: The steps taken.
    at: int
    #: The last steps (up to KEEP) in words, ending at step `at`; none for a checkpoint.
    steps: tuple[Step, ...]
    #: Their timeline cells, and the run's lost updates and hand-offs so far.
    marks: Marks
    #: Why the run stopped before step `at + 1`, when a budget stopped it ("" if not).
    stopped: str = ""
    #: Which step wrote each text of the machine's output (output.py).
    writers: Writers = Writers()
    #: Where each thread that crashed raised its exception.
    crashes: tuple[Crash, ...] = ()

    @property
    def whole(self) -> bool:
        """Whether its steps in words cover the last KEEP (a checkpoint's do not)."""
        return self.at - len(self.steps) <= max(0, self.at - KEEP)


MAX_ENTRIES = 512
MAX_PLANS = 64
K = TypeVar("K")
V = TypeVar("V")


class _Kept(OrderedDict[K, V]):
    """At most `size` entries, the least recently used first out, shared by a process's
    page threads."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size
        self.lock = threading.Lock()

    def fresh(self, key: K) -> V | None:
        """The entry, now the most recently used (None if there is none)."""
        with self.lock:
            found = self.get(key)
            if found is not None:
                self.move_to_end(key)
            return found

    def keep(self, key: K, value: V, first: bool = False) -> V:
        """Keep `value` (with `first`, unless another request kept one meanwhile: that one)."""
        with self.lock:
            if first and key in self:
                return self[key]
            self[key] = value
            self.move_to_end(key)
            while len(self) > self.size:
                self.popitem(last=False)
            return value


class _PolicyRun:
    """A policy's run from some prefix, as far as it has gone: its runs and steps, whether it
    went as far as it can (`ended`: the program's end, a deadlock, the page's limit or a
    budget, which `stopped` names), and if not, what goes on with it: the machine (stepped
    by `going`), the policy and the thread that ran last. A request that runs out of time
    leaves it there, between two of the policy's slices, and the next one runs it on
    exactly as if it had never stopped."""

    def __init__(self, going: _Going | None, policy: Explicit | None, last: int | None,
                 stopped: str = "") -> None:
        self.runs: list[tuple[int, int]] = []
        self.steps = 0
        self.ended = going is None
        self.stopped = stopped
        self.going, self.policy, self.last = going, policy, last
        self.lock = threading.Lock()

    def go(self, program: Program, need: int | None, max_steps: int,
           deadline: float | None) -> None:
        """On until it has `need` steps (None: to its end), or `deadline` (time.monotonic)
        passes: both only between two of the policy's slices."""
        going, policy = self.going, self.policy
        assert going is not None and policy is not None
        start = going.at
        until = Until(policy, lambda steps: (need is not None and steps >= need) or (
            deadline is not None and monotonic() > deadline), self.steps)
        result = run(program, until, record=False, max_steps=max_steps,
                     on_event=going.quiet(), resume=(going.machine, start, self.last))
        for tid, n in runs_of(result.schedule):
            if self.runs and self.runs[-1][0] == tid:
                self.runs[-1] = (tid, self.runs[-1][1] + n)
            else:
                self.runs.append((tid, n))
        self.steps += result.outcome.step_count - start
        going.at = result.outcome.step_count
        if self.runs:
            self.last = self.runs[-1][0]
        if result.outcome.kind != PAUSED or not until.paused:
            self.stopped = result.outcome.reason if result.outcome.kind == LIMIT else ""
            going.finish(self.stopped)
            self.ended, self.going, self.policy = True, None, None


def _first(runs: list[tuple[int, int]], steps: int) -> list[tuple[int, int]]:
    """The runs of the first `steps` steps."""
    kept = []
    for tid, n in runs:
        if steps <= 0:
            break
        kept.append((tid, min(n, steps)))
        steps -= n
    return kept


def _limit_words(reason: str) -> str:
    """The runner's words for the page's own limit, with the way on."""
    return (f"{reason.replace(STEP_LIMIT, 'the page’s limit')}, and the program goes on: "
            f"`interleave run` follows it further")


@lru_cache(maxsize=256)
def compiled(source: str, filename: str, budgets: Budgets) -> Program:
    """Programs never change once compiled, so requests for the same source share one."""
    return compile_program(source, filename, budgets)


Key = tuple[str, Budgets, str]


class Replays:
    """Machines at schedule prefixes, and plans of schedules. Kept machines are never
    stepped, only copied."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        #: (program source, its budgets, the prefix's text) → the machine there.
        self.entries: _Kept[Key, Replayed] = _Kept(size)
        self.plans: _Kept[tuple[str, Budgets, str, int], Plan] = _Kept(MAX_PLANS)
        #: (source, budgets, the text before a policy's turn, the policy, the step limit) →
        #: the policy's run from there, as far as it has been taken.
        self.policy_runs: _Kept[tuple[str, Budgets, str, str, int], _PolicyRun] = (
            _Kept(MAX_PLANS))

    def plan(self, program: Program, text: str, max_steps: int,
             deadline: float | None = None) -> Plan:
        """`text` resolved: a text that names every thread is its own plan; one that leaves
        steps to a policy is run (once, kept) from its first such turn, up to `max_steps`
        steps in all (ScheduleError if it cannot be followed or is over that). A run still
        going at `deadline` (time.monotonic) stops there, kept for the next request to go on
        with: its plan is `interrupted`."""
        found = explicit(text, max_steps)
        if found is not None:
            return found
        key = (program.source, program.budgets, text, max_steps)
        if (found := self.plans.fresh(key)) is not None:
            return found
        found = self._resolve(program, text, max_steps, deadline)
        if found.interrupted:
            return found  # only part of it: the next request goes on with its run
        return self.plans.keep(key, found)

    def _resolve(self, program: Program, text: str, max_steps: int,
                 deadline: float | None) -> Plan:
        """Turn by turn: a thread's turn is its steps; a policy's is its run from there,
        taken from a run of the same policy from the same prefix when one is kept (a
        learner's branch off a million-step run does not run that million again)."""
        given = turns(text)
        head: list[Turn] = []
        runs: list[tuple[int, int]] = []
        for who, count in given:
            if isinstance(who, int):
                head.append((who, count))
                runs.append((who, count or 0))
                continue
            before = Plan("", head, runs)
            got = self._policy_run(program, before, who, count, max_steps, deadline)
            taken = got.runs if count is None or got.steps <= count else _first(got.runs, count)
            took = sum(n for _, n in taken)
            head.append((who, took))
            runs += taken
            if not got.ended and took < (count or max_steps):  # out of time: a later request
                return Plan(text, head, runs, interrupted=True)  # goes on with it
            if (count is None or took < count) and got.stopped:  # it went as far as it could
                if got.stopped.startswith(STEP_LIMIT):
                    return Plan(text, head, runs, limit=_limit_words(got.stopped),
                                open_ended=count is None)
                return Plan(text, head, runs, got.stopped, open_ended=count is None)
        return Plan(text, head, runs, open_ended=given[-1][1] is None)

    def _policy_run(self, program: Program, before: Plan, policy: str, count: int | None,
                    max_steps: int, deadline: float | None) -> _PolicyRun:
        """The run of `policy` from the end of `before`, with `count` steps (None: to the
        end) unless it ends first or `deadline` passes; a kept one if it goes far enough,
        run on from where it stopped if not."""
        prefix = before.cut(before.total)
        key = (program.source, program.budgets, prefix, policy, max_steps)
        found = self.policy_runs.fresh(key)
        if found is None:
            start = before.total
            at = self.at(program, before, start)
            if at.stopped or at.at < start:
                found = _PolicyRun(None, None, None, at.stopped)
            else:
                going = _Going(self, program, at, lambda n: f"{prefix}~{policy}{n - start}")
                found = _PolicyRun(going, Explicit.of([(policy, None)]),
                                   before.tid(start - 1) if start else None)
            found = self.policy_runs.keep(key, found, first=True)
        with found.lock:  # one request at a time runs it on
            if not found.ended and (count is None or found.steps < count):
                found.go(program, count, max_steps, deadline)
        return found

    def at(self, program: Program, plan: Plan, steps: int) -> Replayed:
        """The machine after the plan's first `steps` steps, its last steps in words, or
        where a budget stopped the run before (ScheduleError if a step cannot be taken)."""
        key = (program.source, program.budgets, plan.cut(steps))
        found = self.entries.fresh(key)
        if found is not None and (found.whole or found.stopped):
            return found
        start = self._nearest(program, plan, steps)
        return self.entries.keep(key, _Going(self, program, start, plan.cut).follow(plan, steps))

    def _nearest(self, program: Program, plan: Plan, steps: int) -> Replayed:
        """The kept prefix to go on from: the learner's last page a few steps back, else the
        checkpoint before the steps to show in words, else the start."""
        for back in range(1, min(steps, MAX_STEP_ON) + 1):
            found = self.entries.fresh((program.source, program.budgets, plan.cut(steps - back)))
            if found is not None and (found.whole or found.stopped):
                return found
        for at in range((steps - KEEP) // CHECKPOINT * CHECKPOINT, 0, -CHECKPOINT):
            found = self.entries.fresh((program.source, program.budgets, plan.cut(at)))
            if found is not None:
                return found
        return _begun(program)


def _begun(program: Program) -> Replayed:
    """The machine before the first step (MainThread's set-up done)."""
    m = Machine(program, start=False)
    raised: dict[int, Crash] = {}
    m.unwind = watching(m, raised)  # type: ignore[method-assign]
    try:
        m.begin()
    except BudgetError as e:  # the run stops before its first step
        return Replayed(m, 0, (), Marks(), str(e))
    finally:
        del m.unwind
    return Replayed(m, 0, (), Marks(), crashes=tuple(raised[t] for t, _ in m.errors))


class _Going:
    """A replay going on from a kept prefix (on a copy of its machine): noting what the page
    needs of each step, keeping a checkpoint every CHECKPOINT steps (named by `name`, the
    text of a step count), and the last steps in words."""

    def __init__(self, replays: Replays, program: Program, start: Replayed,
                 name: Callable[[int], str]) -> None:
        self.replays, self.program, self.start, self.name = replays, program, start, name
        self.machine = m = clone(start.machine)
        self.at = start.at
        self.marks = start.marks.copy()
        self.writers, self.crashes = start.writers, start.crashes
        self.out, self.err, self.errors = len(m.output), len(m.errput), len(m.errors)
        self.raised: dict[int, Crash] = {}
        self.words: list[Step] = []
        self.kept_bytes = 0
        m.unwind = watching(m, self.raised)  # type: ignore[method-assign]

    def follow(self, plan: Plan, steps: int) -> Replayed:
        """On along the plan to `steps` steps: without words up to the last KEEP, then in
        words. A budget blown on the way stops the replay there."""
        if self.start.stopped:
            del self.machine.unwind
            return self.start
        stopped = ""
        for stop, quiet in ((steps - KEEP, True), (steps, False)):
            at = self.at
            if at >= stop:
                continue
            result = run(self.program, Explicit.of(_turns(plan, at, stop)), record=False,
                         max_steps=stop, on_event=self.quiet() if quiet else None,
                         on_step=None if quiet else self.step,
                         resume=(self.machine, at, plan.tid(at - 1) if at else None))
            self.at = result.outcome.step_count
            if result.outcome.kind == LIMIT:
                stopped = result.outcome.reason
                break
        return self.finish(stopped)

    def quiet(self) -> Callable[[int, Any, Any], None]:
        """What to do after each step taken without words (its index counted from 0, its
        thread, its raw event): note what the page needs of it. A closure over locals: it
        runs a million times for a long run."""
        m, note, after = self.machine, self.marks.noting(), self._after
        reads = self.marks.reads  # a read only notes where its thread read (Marks.noting)
        output, errors = m.output, m.errors
        printed, crashed = len(output), len(errors)
        due = (self.at // CHECKPOINT + 1) * CHECKPOINT - 1  # the step a checkpoint follows

        def event(index: int, th: Any, event: Any) -> None:
            nonlocal printed, crashed, due
            kind = event[0]
            if kind == "read":
                reads[(th.tid, event[1])] = index
            elif kind == "write":
                note(index, th.tid, kind, event[1])
            elif kind != "compute" or len(output) != printed:  # a call may print, or log
                after(index, th.tid)
                printed = len(output)
            if len(errors) != crashed:  # a thread crashed (maybe in the local code after)
                after(index, th.tid)
                crashed = len(errors)
            if index == due:
                due += CHECKPOINT
                self.at = index + 1
                if self.kept_bytes < CHECKPOINT_BYTES:
                    self.replays.entries.keep(self._key(self.at), self._kept(()))
        return event

    def step(self, s: Step) -> None:
        """A step in words."""
        self.words.append(s)
        self._after(s.index, s.tid)
        self.at = s.index + 1

    def _after(self, index: int, tid: int) -> None:
        m = self.machine
        if len(m.output) != self.out or len(m.errput) != self.err:
            self.writers = self.writers.add(m, index, tid)
            self.out, self.err = len(m.output), len(m.errput)
        if len(m.errors) != self.errors:
            self.crashes += tuple(self.raised.get(t, Crash(t, 0, 0, 0))._replace(step=index)
                                  for t, _ in m.errors[self.errors:])
            self.errors = len(m.errors)

    def finish(self, stopped: str) -> Replayed:
        """The replay where it stopped: a plain machine again (it is kept, and copied)."""
        del self.machine.unwind
        words = tuple(self.words)
        self.marks.add(words, KEEP)
        if len(words) < KEEP and (not words or words[0].index == self.start.at):
            words = (self.start.steps + words)[-KEEP:]  # the kept prefix's words before
        return self._kept(words, stopped)

    def _kept(self, words: tuple[Step, ...], stopped: str = "") -> Replayed:
        m = self.machine
        if not words and not stopped:  # a checkpoint, kept while the replay goes on: a copy
            m, size = copied(m)
            self.kept_bytes += size
        return Replayed(m, self.at, words, self.marks.copy(), stopped, self.writers,
                        self.crashes)

    def _key(self, at: int) -> Key:
        return (self.program.source, self.program.budgets, self.name(at))


def _turns(plan: Plan, start: int, stop: int) -> list[Turn]:
    return [(tid, end - first) for tid, first, end in plan.runs(start, stop)]


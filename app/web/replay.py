"""Replays, remembered: compiled programs, and the machine at each schedule prefix shown.

A learner's next click is usually one step past the page they are on, so the machine for a
prefix is kept (least recently used first out) and the next page takes a step or a few from
the nearest kept prefix (with several workers, the previous page may have come from another)
instead of replaying the whole schedule. Only an optimisation: every page is still a pure
function of its URL, computed the same way on a cold server.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..engine import (
    BudgetError,
    Budgets,
    Machine,
    Program,
    Step,
    compile_program,
    recorded_step,
    require_step,
)
from .crashes import Crash, watching
from .output import Writers
from .timeline import Marks


class Replayed(NamedTuple):
    machine: Machine
    steps: tuple[Step, ...]
    #: The steps' timeline cells, extended with the steps (a prefix one step on adds one).
    marks: Marks
    #: Why the run stopped short of the schedule's end, when a budget stopped it ("" if not).
    stopped: str = ""
    #: Which step wrote each text of the machine's output (output.py).
    writers: Writers = Writers()
    #: Where each thread that crashed raised its exception.
    crashes: tuple[Crash, ...] = ()


MAX_ENTRIES = 512
#: How far back to look for a kept prefix before replaying from the start.
MAX_STEP_ON = 8


@lru_cache(maxsize=256)
def compiled(source: str, filename: str, budgets: Budgets) -> Program:
    """Programs never change once compiled, so requests for the same source share one."""
    return compile_program(source, filename, budgets)


class Replays:
    """Machines at schedule prefixes. Cached machines are never stepped, only copied."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        #: (program source, its budgets, schedule as a tuple of thread ids) → the machine
        #: and its steps.
        self.entries: OrderedDict[tuple[str, Budgets, tuple[int, ...]],
                                  Replayed] = OrderedDict()
        self.lock = threading.Lock()

    def at(self, program: Program, tids: Sequence[int], max_steps: int) -> Replayed:
        """The machine after `tids` and its steps in words (ScheduleError if impossible), or
        where a budget stopped the run before."""
        key = (program.source, program.budgets, tuple(tids))
        found = self._get(key)
        if found is not None:
            return found
        try:
            found = self._step_on(program, tids) or self._replay(program, tids, max_steps)
        except BudgetError:  # a budget blown by these steps: the full run reports it
            found = self._replay(program, tids, max_steps)
        with self.lock:
            self.entries[key] = found
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return found

    def _step_on(self, program: Program, tids: Sequence[int]) -> Replayed | None:
        """From the nearest kept prefix a few steps back, if there is one."""
        for back in range(1, min(len(tids), MAX_STEP_ON) + 1):
            parent = self._get((program.source, program.budgets, tuple(tids[:-back])))
            if parent is None:
                continue
            if parent.stopped:
                return parent
            return _stepped(parent, parent.machine.copy(), tids, len(tids) - back)
        return None

    @staticmethod
    def _replay(program: Program, tids: Sequence[int], max_steps: int) -> Replayed:
        """From the start. A budget blown on the way stops the run there, as `run` stops."""
        m = Machine(program, start=False)
        raised: dict[int, Crash] = {}
        m.unwind = watching(m, raised)  # type: ignore[method-assign]
        try:
            m.begin()
        except BudgetError as e:
            return Replayed(m, (), Marks(), str(e))
        finally:
            del m.unwind
        start = Replayed(m, (), Marks(), crashes=tuple(raised[t] for t, _ in m.errors))
        if len(tids) > max_steps:  # what `run` stops at
            tids = tids[:max_steps]
        return _stepped(start, m, tids, 0, stop=True)

    def _get(self, key: tuple[str, Budgets, tuple[int, ...]]) -> Replayed | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found


def _stepped(parent: Replayed, m: Machine, tids: Sequence[int], start: int,
             stop: bool = False) -> Replayed:
    """`parent` taken on along `tids` from step `start`, on `m` (its machine's copy). With
    `stop`, a budget blown by a step ends the replay there; without, it propagates."""
    steps: list[Step] = []
    writers, crashes = parent.writers, parent.crashes
    stopped = ""
    raised: dict[int, Crash] = {}
    m.unwind = watching(m, raised)  # type: ignore[method-assign]
    try:
        for i in range(start, len(tids)):
            tid = tids[i]
            if tid >= len(m.threads) or m.over() or not m.can_run(m.threads[tid]):
                require_step(m, tid, i)  # it cannot: this says why
            th = m.threads[tid]
            errors = len(m.errors)
            steps.append(recorded_step(m, th, m.next_instr(th), i))
            writers = writers.add(m, i, tid)
            crashes += tuple(raised.get(t, Crash(t, 0, 0, 0))._replace(step=i)
                             for t, _ in m.errors[errors:])
    except BudgetError as e:
        if not stop:
            raise
        stopped = str(e)
    finally:
        del m.unwind  # the machine is kept, and copied: it must be a plain one again
    return Replayed(m, parent.steps + tuple(steps), parent.marks.add(steps), stopped, writers,
                    crashes)


REPLAYS = Replays()

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
    LIMIT,
    BudgetError,
    Budgets,
    Explicit,
    Machine,
    Program,
    Step,
    compile_program,
    encode,
    recorded_step,
    require_step,
    run,
)
from .timeline import Marks


class Replayed(NamedTuple):
    machine: Machine
    steps: tuple[Step, ...]
    #: The steps' timeline cells, extended with the steps (a prefix one step on adds one).
    marks: Marks
    #: Why the run stopped short of the schedule's end, when a budget stopped it ("" if not).
    stopped: str = ""


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
            m = parent.machine.copy()
            steps: list[Step] = []
            for i in range(len(tids) - back, len(tids)):
                tid = tids[i]
                require_step(m, tid, i)
                th = m.threads[tid]
                steps.append(recorded_step(m, th, m.next_instr(th), i))
            return Replayed(m, parent.steps + tuple(steps), parent.marks.add(steps))
        return None

    @staticmethod
    def _replay(program: Program, tids: Sequence[int], max_steps: int) -> Replayed:
        result = run(program, Explicit(encode(list(tids))), record=True, max_steps=max_steps)
        assert result.machine is not None
        stopped = result.outcome.reason if result.outcome.kind == LIMIT else ""
        return Replayed(result.machine, tuple(result.steps), Marks().add(result.steps), stopped)

    def _get(self, key: tuple[str, Budgets, tuple[int, ...]]) -> Replayed | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found


REPLAYS = Replays()

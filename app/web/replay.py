"""Replays, remembered: compiled programs, and the machine at each schedule prefix shown.

A learner's next click is usually one step past the page they are on, so the machine for a
prefix is kept (least recently used first out) and the next page takes one step from it
instead of replaying the whole schedule. Only an optimisation: every page is still a pure
function of its URL, computed the same way on a cold server.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import lru_cache

from ..engine import (
    BudgetError,
    Explicit,
    Machine,
    Program,
    ScheduleError,
    Step,
    cannot,
    compile_program,
    encode,
    recorded_step,
    run,
)

MAX_ENTRIES = 512


@lru_cache(maxsize=256)
def compiled(source: str, filename: str) -> Program:
    """Programs never change once compiled, so requests for the same source share one."""
    return compile_program(source, filename)


class Replays:
    """Machines at schedule prefixes. Cached machines are never stepped, only copied."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[str, str], tuple[Machine, tuple[Step, ...]]] = (
            OrderedDict())
        self.lock = threading.Lock()

    def at(self, program: Program, tids: list[int], max_steps: int
           ) -> tuple[Machine, tuple[Step, ...]]:
        """The machine after `tids` and its steps in words (ScheduleError if impossible)."""
        key = (program.source, encode(tids))
        found = self._get(key)
        if found is not None:
            return found
        parent = self._get((program.source, encode(tids[:-1]))) if tids else None
        try:
            m, steps = self._step_on(parent, tids) if parent is not None else self._replay(
                program, key[1], max_steps)
        except BudgetError:  # a budget blown by this step: the full run reports it
            m, steps = self._replay(program, key[1], max_steps)
        with self.lock:
            self.entries[key] = (m, steps)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return m, steps

    @staticmethod
    def _step_on(parent: tuple[Machine, tuple[Step, ...]], tids: list[int]
                 ) -> tuple[Machine, tuple[Step, ...]]:
        m = parent[0].copy()
        tid = tids[-1]
        if tid >= len(m.threads) or tid not in m.enabled():
            raise ScheduleError(cannot(m, tid, len(tids) - 1) if tid < len(m.threads) else
                                f"the schedule names thread {tid}, but the program has "
                                f"only {len(m.threads)} thread(s) so far")
        th = m.threads[tid]
        return m, (*parent[1], recorded_step(m, th, m.next_instr(th), len(tids) - 1))

    @staticmethod
    def _replay(program: Program, schedule: str, max_steps: int
                ) -> tuple[Machine, tuple[Step, ...]]:
        result = run(program, Explicit(schedule), record=True, max_steps=max_steps)
        assert result.machine is not None
        return result.machine, tuple(result.steps)

    def _get(self, key: tuple[str, str]) -> tuple[Machine, tuple[Step, ...]] | None:
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found


REPLAYS = Replays()

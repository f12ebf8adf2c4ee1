"""Probes: whole runs under policies, so that a search too big to finish still answers.

A breadth-first walk stopped by its budget may not have reached a single end of a long program
(the lesson's counter has 1.2 million steps). A probe runs the program from the search's
start to its end under a policy, named as a policy's turn of a schedule (`~rr.100`), so that
its outcome comes with a witness that is a short text and replays exactly. Probes go deep
where the walk goes wide: round-robin with a quantum that falls between a read and its write,
the CPython-like policy, seeded random ones. What they find is not counted ("found so far").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .goal import Goal
from .machine import Machine
from .policies import Explicit, Until
from .program import Program
from .runner import DEFAULT_MAX_STEPS, run
from .trace import LIMIT, Outcome

#: The policies probed, in order: each is a schedule's policy turn (app/engine/schedule.py).
#: What CPython would do first; for a goal, which is most often a bad interleaving, the
#: policies that switch threads often.
PROBES = ("cpython", "rr.100", "rr.7", "random.1", "rr", "random.2")
GOAL_PROBES = ("rr.100", "rr.7", "random.1", "rr", "cpython", "random.2")


@dataclass(frozen=True)
class Probed:
    outcome: Outcome
    #: The schedule that replays it: the search's prefix and the policy's turn.
    witness: str
    machine: Machine

    def meets(self, goal: Goal) -> bool:
        return goal.holds(self.machine, self.outcome.kind != LIMIT)


def probe(program: Program, prefix: str, out_of_time: Callable[[], bool],
          goal: Goal | None = None, max_steps: int = DEFAULT_MAX_STEPS) -> list[Probed]:
    """The outcome of each probe that ends before `out_of_time()` (asked between slices),
    until one reaches `goal`. A run the step limit stops is no outcome: it may well go on
    for ever."""
    found = []
    for spec in PROBES if goal is None else GOAL_PROBES:
        if out_of_time():
            break
        witness = f"{prefix}~{spec}"
        policy = Until(Explicit(witness), lambda _steps: out_of_time())
        result = run(program, policy, record=False, max_steps=max_steps)
        if policy.paused:
            break
        outcome, m = result.outcome, result.machine
        if m is None or (outcome.kind == LIMIT and outcome.reason.startswith("the step limit")):
            continue
        found.append(Probed(outcome, witness, m))
        if goal is not None and found[-1].meets(goal):
            break
    return found

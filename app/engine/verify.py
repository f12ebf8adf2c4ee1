"""The verifier: does a learner's schedule meet a challenge? The schedule itself is the proof.

A goal about the end (`counter == 1`, `deadlock`) is met when the schedule runs the program to
its end and the goal holds there. A goal about states along the way (`at(8, 9) >= 2`) is met
at the first step where it holds, so a schedule may stop right there. A schedule that cannot
be followed is a ScheduleError, like everywhere else: an autograder must tell a wrong answer
(not met) from a broken one (an error).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import BudgetError, ScheduleError
from .goal import Goal
from .machine import Machine
from .policies import Explicit
from .program import Program
from .runner import DEFAULT_MAX_STEPS, require_step, run
from .schedule import decode, length, runs_of, turns
from .trace import DEADLOCK, DONE, LIMIT, PAUSED, Outcome, outcome_of


@dataclass(frozen=True)
class Verdict:
    met: bool
    goal: str
    #: Steps followed: the whole schedule, or up to where an along-the-way goal held.
    steps: int
    outcome: Outcome
    #: Why the goal is not met, in words ("" when it is).
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"met": self.met, "goal": self.goal, "steps": self.steps,
                "reason": self.reason, "outcome": self.outcome.to_dict()}


def verify(program: Program, goal: Goal, schedule: str,
           max_steps: int = DEFAULT_MAX_STEPS) -> Verdict:
    """Follow `schedule` step by step and judge `goal` on the way (anytime goals) or at the
    end (every other goal). A schedule that leaves steps to a policy (`~rr.100`, a probe's
    witness) is run first, within `max_steps`."""
    steps = length(schedule)  # counted before anything is expanded
    if steps > max_steps:
        raise ScheduleError(f"the schedule has {steps:,} steps, over the limit of "
                            f"{max_steps:,}")
    if any(isinstance(who, str) for who, _ in turns(schedule)):
        ran = run(program, Explicit(schedule), record=False, max_steps=max_steps)
        if not goal.anytime and ran.machine is not None and ran.outcome.kind != LIMIT:
            return _verdict(goal, ran.machine, ran.outcome.step_count,
                            goal.holds(ran.machine, not ran.machine.enabled()))
        tids = [tid for tid, n in runs_of(ran.schedule) for _ in range(n)]
    else:
        tids = decode(schedule, max_steps)
    m = Machine(program, start=False)
    count = 0
    try:
        m.begin()
        if goal.anytime and goal.holds(m, not m.enabled()):
            return _verdict(goal, m, 0, True)
        for tid in tids:
            require_step(m, tid, count)
            m.step(tid)
            count += 1
            if goal.anytime and goal.holds(m, not m.enabled()):
                return _verdict(goal, m, count, True)
    except BudgetError as e:
        outcome = outcome_of(m, LIMIT, count, str(e))
        return Verdict(False, goal.text, count, outcome, f"the run stopped: {e}")
    ended = not m.enabled()
    met = goal.holds(m, ended)
    return _verdict(goal, m, count, met)


def _verdict(goal: Goal, m: Machine, count: int, met: bool) -> Verdict:
    ended = not m.enabled()
    kind = (DONE if m.over() else DEADLOCK) if ended else PAUSED
    outcome = outcome_of(m, kind, count)
    if met:
        reason = ""
    elif goal.anytime:
        reason = "no state along the schedule meets the goal"
    elif not ended:
        steps = f"{count} step" + ("" if count == 1 else "s")
        reason = (f"the schedule stops after {steps}, before the program ends: the goal is "
                  f"about the end")
    else:
        reason = "the run ends, but the goal does not hold there"
    return Verdict(met, goal.text, count, outcome, reason)

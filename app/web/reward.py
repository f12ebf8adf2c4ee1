"""The reward for a met challenge: why it was met, in the engine's own words, the lesson to
remember, and the way on along the path.

The why is read off the run, never written by hand: the first lost update (who read what,
and whose write it wiped out), the deadlock's waits, or the exception raised. A goal met
without any of them (`peak == 2`, or a proof's one run: `not deadlock`) is told as the goal
and the values it read.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

from .. import scenarios
from ..engine import DEADLOCK, Outcome, Step
from .explain import register


@dataclass(frozen=True)
class Reward:
    why: tuple[str, ...]
    lesson: str
    next: scenarios.Scenario | None  # the next scenario on the path (None after the last)
    explore_url: str


def reward(scenario: scenarios.Scenario, outcome: Outcome, steps: Sequence[Step],
           lost: int) -> Reward:
    """For a run that met `scenario`'s goal, ending in `outcome` after `steps` (its last
    steps in words) with `lost` updates lost in all."""
    why = [*_deadlock(outcome), *_errors(outcome)]
    first = lost_sentence(steps)
    if first:
        why.append(first + (f" In all, {lost} updates were lost." if lost > 1 else ""))
    if not why:
        why.append(_values(scenario.goal, outcome))
    if scenario.claim:  # one run is an example of the claim, not its proof
        why.append("That is one schedule; the challenge is about every one of them, and the "
                   "explorer proves it by walking them all.")
        return Reward(tuple(why), scenario.lesson, following(scenario),
                      f"/s/{scenario.id}?explore=1")
    return Reward(tuple(why), scenario.lesson, following(scenario), f"/explore/s/{scenario.id}")


def _values(goal: str, outcome: Outcome) -> str:
    """A goal met with nothing else to tell: the goal, and the values it read."""
    names = dict.fromkeys(n.id for n in ast.walk(ast.parse(goal.strip(), mode="eval"))
                          if isinstance(n, ast.Name) and n.id in outcome.globals)
    values = ", ".join(f"{name} = {outcome.globals[name]!r}" for name in names)
    return f"The run ends with `{goal.strip()}` true" + (f": {values}." if values else ".")


def following(scenario: scenarios.Scenario) -> scenarios.Scenario | None:
    """The scenario after this one on the path."""
    ids = list(scenarios.catalog())
    at = ids.index(scenario.id) if scenario.id in ids else len(ids)
    return scenarios.catalog()[ids[at + 1]] if at + 1 < len(ids) else None


def lost_sentence(steps: Sequence[Step]) -> str:
    """The first lost update among `steps`, said as who read what and whose write was lost
    ("Thread-1 and Thread-2 both read counter → 0, …"), or ""."""
    for i, write in enumerate(steps):
        if write.kind != "write":
            continue
        mine = register(write.tid, steps[:i])
        if mine.read is None or mine.overwritten_by is None \
                or mine.read.variable != write.variable:
            continue
        other, name = mine.overwritten_by, write.variable
        before = [s for s in steps if s.index < other.index]
        theirs = register(other.tid, before).read
        seen, wrote = _value(mine.read, " → "), _value(write, " ← ")
        if theirs is not None and theirs.variable == name and _value(theirs, " → ") == seen:
            a, b = sorted((mine.read, theirs), key=lambda s: s.index)
            return (f"{a.thread} and {b.thread} both read {name} → {seen} before "
                    f"either wrote it back, so both wrote {wrote} and one update was lost.")
        return (f"{write.thread} read {name} → {seen}, then {other.thread} wrote "
                f"{name} ← {_value(other, ' ← ')}, and {write.thread} wrote back {wrote}, "
                f"computed from its stale read: what {other.thread} wrote since that read "
                f"was lost.")
    return ""


def _value(step: Step, arrow: str) -> str:
    return step.action.partition(arrow)[2]


def _deadlock(outcome: Outcome) -> list[str]:
    if outcome.kind != DEADLOCK:
        return []
    # MainThread's join is a consequence, not a cause: said only when it is all there is.
    stuck = [b for b in outcome.blocked if "(join)" not in b.reason] or list(outcome.blocked)
    waits = "; ".join(
        f"{b.thread}{' holds ' + ', '.join(b.holds) + ' and is' if b.holds else ' is'} "
        f"{b.reason}" for b in stuck)
    return [f"{waits}. No thread can ever move again: a deadlock."]


def _errors(outcome: Outcome) -> list[str]:
    return [f"{e.thread} raised {e.type}{': ' + e.message if e.message else ''}."
            for e in outcome.errors]

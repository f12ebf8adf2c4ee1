"""What a search answers, and that its witnesses replay: for the tests that compare two
searches of one program (reduced and unreduced, with and without twins)."""

from __future__ import annotations

from app.engine import Explicit, run
from app.engine.explorer import LIVELOCK, Exploration
from app.engine.program import Program
from app.engine.racing import races_at


def answers(result: Exploration) -> tuple:
    """What a search answers, but for witnesses (a reduced one may be longer)."""
    outcomes = sorted((o.outcome.kind, repr(sorted(o.outcome.globals.items())),
                       o.outcome.output, tuple(map(str, o.outcome.errors)), o.schedules)
                      for o in result.outcomes)
    # A race by place and accesses: which threads it names depends on the state the walk met
    # it in first (`assert_witnesses_replay` replays each to both threads about to make them).
    races = sorted((r.variable, *sorted(((r.first.line, r.first.kind),
                                         (r.second.line, r.second.kind))))
                   for r in result.races)
    deadlocks = sorted(repr(d.cycle) + repr(d.blocked) for d in result.deadlocks)
    goal = None if result.goal is None else (result.goal["reachable"], result.goal["proof"])
    return result.complete, outcomes, races, deadlocks, goal, result.schedules


def assert_witnesses_replay(program: Program, result: Exploration) -> None:
    """Every outcome's witness replays to it, and every race's to a state where both its
    threads are about to make its accesses."""
    for found in result.outcomes:
        replayed = run(program, Explicit(found.witness)).outcome
        # A livelock's witness reaches the cycle, where the run pauses.
        kind = "paused" if found.outcome.kind == LIVELOCK else found.outcome.kind
        assert (replayed.kind, replayed.globals, replayed.output) == (
            kind, found.outcome.globals, found.outcome.output)
    for race in result.races:
        m = run(program, Explicit(race.witness), record=False).machine
        assert m is not None and any(
            r.variable == race.variable and {r.first, r.second} == {race.first, race.second}
            for r in races_at(m)), race

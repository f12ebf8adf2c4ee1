"""The verifier: a schedule is the proof that a challenge is met. Checked against the explorer,
which knows every outcome: its witnesses must verify, and goals it proves impossible must not."""

from __future__ import annotations

import json

import pytest

from app import scenarios
from app.cli import main
from app.engine import ScheduleError, compile_program, explore, parse_goal, verify
from tests.support.replaying import LONG_SCENARIOS

CRITICAL = """\
import threading
inside = 0
def work():
    global inside
    inside += 1
    inside -= 1
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
"""

#: Challenges the explorer settles quickly (the long scenarios count to 100,000).
WITH_GOALS = [s for s in scenarios.builtin().values() if s.goal and s.id not in LONG_SCENARIOS]


@pytest.mark.parametrize("scenario", WITH_GOALS, ids=lambda s: s.id)
def test_the_explorers_witness_for_every_challenge_verifies(scenario):
    program = compile_program(scenario.source)
    goal = parse_goal(scenario.goal)
    found = explore(program, goal=goal, max_seconds=20).goal
    assert found is not None
    if found["reachable"]:
        verdict = verify(program, goal, found["witness"])
        assert verdict.met and verdict.reason == ""
    else:
        assert found["proof"]


def test_a_schedule_that_ends_elsewhere_is_not_met_and_says_why():
    s = scenarios.get("race-counter")
    program, goal = compile_program(s.source), parse_goal(s.goal)
    sequential = verify(program, goal, "a3b6c6a4")
    assert sequential.outcome.kind == "done" and sequential.outcome.globals["counter"] == 4
    assert not sequential.met and "does not hold there" in sequential.reason
    short = verify(program, goal, "a")
    assert not short.met and "stops after 1 step," in short.reason


def test_an_along_the_way_goal_is_met_where_it_first_holds():
    program = compile_program(CRITICAL)
    goal = parse_goal("at(6) >= 2")  # both threads between their two updates
    verdict = verify(program, goal, "a3b3c3b3c3a2")
    assert verdict.met and verdict.steps == 9 and verdict.outcome.kind == "paused"
    assert not verify(program, goal, "a3b6c6a2").met


def test_a_schedule_that_cannot_be_followed_is_an_error_not_a_verdict():
    program, goal = compile_program(CRITICAL), parse_goal("inside == 0")
    with pytest.raises(ScheduleError, match="step 1"):
        verify(program, goal, "b")
    with pytest.raises(ScheduleError, match="over the limit"):
        verify(program, goal, "a999999999")


def test_verify_command_exit_status_says_met_or_not(capsys):
    assert main(["verify", "race-counter", "--schedule", "a3b5cbac5a3"]) == 0
    assert capsys.readouterr().out.startswith("met: counter < 4")
    assert main(["verify", "race-counter", "--schedule", "a", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["met"] is False and data["outcome"]["kind"] == "paused"
    assert main(["verify", "race-counter", "--schedule", "q"]) == 2
    assert "step 1" in capsys.readouterr().err

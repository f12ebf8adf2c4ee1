"""The built-in scenarios: well-formed, real Python, and ending the way their texts say."""

from __future__ import annotations

import ast

import pytest

from app import scenarios
from app.engine import (
    POLICIES,
    CPython,
    Explicit,
    RoundRobin,
    compile_program,
    make_policy,
    run,
)

ALL = scenarios.builtin()

#: How each scenario ends under its own policy within STEP_BUDGET steps.
KINDS = {
    "lesson-counter": "limit",  # 1.2 million steps
    "gil-call-race": "limit",  # 800 thousand steps
    "race-counter": "done",
    "lock-counter": "done",
    "rlock-reentrant": "done",
    "lock-self-deadlock": "deadlock",
    "semaphore-pool": "done",
    "bounded-semaphore": "done",
    "deadlock-two-locks": "done",
    "lock-ordering": "done",
    "lock-timeout": "done",
    "condition-queue": "done",
    "condition-if-bug": "done",
    "lost-wakeup": "done",
    "lost-wakeup-fixed": "done",
    "event-flag": "done",
    "barrier-phases": "done",
    "gil-misconception": "done",
}
STEP_BUDGET = 20_000

#: What each explanation says real CPython 3.10-3.13 prints; the cpython policy must agree.
CPYTHON_PRINTS = {
    "race-counter": ["4"],
    "lock-counter": ["4"],
    "rlock-reentrant": ["Inside inner", "Inside inner", "done"],
    "semaphore-pool": ["most connections in use at once: 1"],
    "bounded-semaphore": ["worker done", "main done"],
    "deadlock-two-locks": ["both threads finished"],
    "lock-ordering": ["both threads finished"],
    "lock-timeout": ["gave up: []"],
    "condition-queue": ["consumed: ['job', 'job']"],
    "condition-if-bug": ["consumed: ['job', 'job']"],
    "lost-wakeup": ["waiter: ready = True", "done"],
    "lost-wakeup-fixed": ["waiter: ready = True", "done"],
    "event-flag": ["served: ['db.local', 'db.local']", "requests that had to wait: 2"],
    "barrier-phases": ["[3, 3, 3]"],
    "gil-misconception": ["-1 ['alice', 'bob']"],
}


def test_the_lessons_scenarios_are_all_there():
    assert set(ALL) == set(KINDS)
    # The path's order: the race first, the GIL last (issue 15).
    assert list(ALL)[:2] == ["race-counter", "lock-counter"]
    assert list(ALL)[-1] == "gil-misconception"


@pytest.mark.parametrize("sid", sorted(ALL))
def test_scenario_header_is_complete(sid):
    s = ALL[sid]
    assert s.id == sid and scenarios.get(sid) is s
    assert scenarios.get(sid.replace("-", "_")) is s
    for field in ("title", "idea", "explain", "challenge", "goal", "primitive", "difficulty",
                  "lesson", "aim"):
        assert getattr(s, field).strip(), field
    assert s.policy in POLICIES
    assert isinstance(s.order, int)
    assert set(s.to_dict()) == {"id", "title", "idea", "explain", "challenge", "goal", "policy"}
    assert s.to_dict(with_source=True)["source"] == s.source


@pytest.mark.parametrize("sid", sorted(ALL))
def test_scenario_is_real_python_and_compiles(sid):
    source = ALL[sid].source
    ast.parse(source)  # what CPython would run: the header is comments
    program = compile_program(source)
    assert program.source == source


@pytest.mark.parametrize("sid", sorted(ALL))
def test_scenario_ends_as_expected_under_its_policy(sid):
    program = compile_program(ALL[sid].source)
    outcome = run(program, make_policy(ALL[sid].policy), max_steps=STEP_BUDGET,
                  record=False).outcome
    assert outcome.kind == KINDS[sid], outcome.reason
    if outcome.kind == "limit":
        assert outcome.step_count == STEP_BUDGET
    # Only the buggy cleanup's extra release fails; nothing else raises under any policy.
    assert [e.type for e in outcome.errors] == (
        ["ValueError"] if sid == "bounded-semaphore" else [])


@pytest.mark.parametrize("sid", sorted(CPYTHON_PRINTS))
def test_the_cpython_policy_prints_what_real_cpython_prints(sid):
    outcome = run(compile_program(ALL[sid].source), CPython(), record=False).outcome
    assert list(outcome.output) == CPYTHON_PRINTS[sid]


def test_lesson_counter_prints_400000_under_the_cpython_policy():
    # SEMANTICS.md §7, §10: no eval-breaker point between the read and the write.
    program = compile_program(ALL["lesson-counter"].source)
    outcome = run(program, CPython(), record=False).outcome
    assert outcome.kind == "done"
    assert outcome.output == ("400000",)
    assert outcome.step_count == 1_200_011


def test_lesson_counter_loses_updates_when_switches_land_anywhere():
    # A quantum of 1000 steps is not a multiple of the loop's three steps per increment, so
    # switches fall between reads and writes.
    program = compile_program(ALL["lesson-counter"].source)
    outcome = run(program, RoundRobin(1000), record=False).outcome
    assert outcome.kind == "done"
    assert int(outcome.output[0]) < 400000


def _full_count(source: str) -> int:
    """threads x increments: the product of the program's `range(N)` constants."""
    total = 1
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "range" and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)):
            total *= node.args[0].value
    return total


@pytest.mark.parametrize("sid", ["lesson-counter", "race-counter", "gil-call-race"])
def test_counter_goal_matches_the_programs_full_count(sid):
    s = ALL[sid]
    assert s.goal == f"counter < {_full_count(s.source)}"


def test_gil_call_race_loses_updates_even_under_the_cpython_policy():
    program = compile_program(ALL["gil-call-race"].source)
    outcome = run(program, CPython(), record=False).outcome
    assert outcome.kind == "done"
    assert int(outcome.output[0]) < _full_count(ALL["gil-call-race"].source)


@pytest.mark.parametrize(("sid", "schedule", "kind", "output"), [
    ("race-counter", "a3bcb2c2b3c3a4", "done", ["3"]),
    ("race-counter", "a3bc4b5c2a4", "done", ["2"]),
    ("deadlock-two-locks", "a2bc", "deadlock", []),
    ("lost-wakeup", "a3c4", "deadlock", []),
])
def test_challenges_can_be_met_by_hand(sid, schedule, kind, output):
    outcome = run(compile_program(ALL[sid].source), Explicit(schedule), then=RoundRobin(1)).outcome
    assert outcome.kind == kind
    assert list(outcome.output) == output

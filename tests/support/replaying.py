"""Replaying runs: a run's schedule, given back to the engine, must reproduce it exactly; the
built-in scenarios compiled, and which are short enough to replay many times."""

from __future__ import annotations

from app import scenarios
from app.engine import DEFAULT_BUDGETS, Explicit, Policy, Program, Random, compile_program, run

#: Millions of steps each: replayed once in test_scenarios, not in every property.
LONG_SCENARIOS = {"lesson-counter", "gil-call-race"}
SHORT_SCENARIOS = sorted(set(scenarios.builtin()) - LONG_SCENARIOS)


def scenario_program(scenario_id: str) -> Program:
    """The built-in scenario `scenario_id`, compiled."""
    return compile_program(scenarios.builtin()[scenario_id].source, "<test>", DEFAULT_BUDGETS)


def assert_replays(program: Program, seed: int, policy: Policy | None = None) -> None:
    """A run by `policy` (random from `seed` by default) ends, and its schedule replays it."""
    first = run(program, policy or Random(seed), max_steps=20_000)
    assert first.outcome.kind in ("done", "deadlock")
    again = run(program, Explicit(first.schedule), max_steps=20_000)
    assert again.schedule == first.schedule
    assert again.steps == first.steps
    assert again.outcome == first.outcome

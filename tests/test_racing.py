"""races_at: the conflicting steps side by side in one state (app/engine/racing.py)."""

from app import scenarios
from app.engine import Explicit, compile_program, explore, races_at, run


def machine(scenario: str, schedule: str):
    program = compile_program(scenarios.get(scenario).source)
    return run(program, Explicit(schedule), record=False).machine


def test_every_race_witness_leads_to_its_race() -> None:
    program = compile_program(scenarios.get("race-counter").source)
    for race in explore(program).races:
        here = races_at(run(program, Explicit(race.witness), record=False).machine)
        assert [(r.variable, r.first, r.second) for r in here] == [
            (race.variable, race.first, race.second)]


def test_no_race_where_nothing_conflicts() -> None:
    assert races_at(machine("race-counter", "a3")) == []  # only Thread-1 can move
    assert races_at(machine("lock-counter", "a3b3")) == []

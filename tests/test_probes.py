"""Probes (issue 18): a search too big to finish still answers, with outcomes found by whole
runs under policies, each with a short witness that replays; a goal search is goal-directed."""

from __future__ import annotations

import time

import pytest

from app.engine import (
    DEFAULT_BUDGETS,
    Explicit,
    compile_program,
    explore,
    parse_goal,
    run,
    verify,
)
from app.engine.probes import probe
from tests.support.replaying import scenario_program


@pytest.fixture(scope="module")
def lesson():  # noqa: ANN201
    return scenario_program("lesson-counter")


def test_a_goal_search_on_the_lessons_counter_finds_a_short_witness(lesson):
    start = time.perf_counter()
    found = explore(lesson, goal=parse_goal("counter < 400000"), max_states=1_000,
                    goal_directed=True)
    assert time.perf_counter() - start < 10  # under 2 s on an idle machine: bench/explore.py
    assert found.goal is not None and found.goal["reachable"] and not found.goal["proof"]
    witness = found.goal["witness"]
    assert len(witness) < 20  # a policy's turn: `~rr.100`
    ran = run(lesson, Explicit(witness), record=False)
    assert ran.outcome.kind == "done" and ran.outcome.globals["counter"] < 400_000


def test_a_search_that_cannot_finish_shows_what_it_found_so_far(lesson):
    """Stopped by its states (the page's 5 s is enough on an idle machine: bench/explore.py);
    probes have half the time."""
    found = explore(lesson, max_seconds=12, max_states=1_000)
    assert not found.complete
    counters = {f.outcome.globals["counter"]: f for f in found.outcomes}
    assert 400_000 in counters and min(counters) < 400_000
    for f in found.outcomes:  # not counted, and each replays to its outcome
        assert f.found_by and f.schedules is None and f.to_dict()["found_by"] == f.found_by
        assert run(lesson, Explicit(f.witness), record=False).outcome.globals == (
            f.outcome.globals)


@pytest.mark.parametrize("scenario_id", ["race-counter", "deadlock-two-locks", "lock-counter"])
def test_a_search_that_finishes_is_not_changed_by_probes(scenario_id):
    found = explore(scenario_program(scenario_id))
    assert found.complete and all(not f.found_by for f in found.outcomes)
    assert all(f.schedules is not None for f in found.outcomes)


def test_probes_stop_when_out_of_time_and_skip_runs_that_never_end():
    spin = compile_program("import threading\nn = 0\ndef spin():\n    global n\n"
                           "    while True:\n        n += 1\n"
                           "threading.Thread(target=spin).start()\n", "<test>", DEFAULT_BUDGETS)
    assert probe(spin, "", lambda: True) == []  # no time: no probe
    found = probe(spin, "", lambda: False, max_steps=5_000)
    assert found == []  # each probe stopped by the step limit: no outcome


def test_a_probes_witness_verifies(lesson):
    """`/api/verify` and `interleave verify` take a witness that leaves steps to a policy."""
    verdict = verify(lesson, parse_goal("counter < 400000"), "~rr.100")
    assert verdict.met and verdict.steps == 1_200_011
    assert not verify(lesson, parse_goal("counter < 400000"), "~cpython").met


def test_a_page_exploration_with_a_challenge_still_shows_what_cpython_does(lesson):
    """Not goal-directed (the page's question is every outcome): probes go on past the goal."""
    found = explore(lesson, goal=parse_goal("counter < 400000"), max_seconds=12,
                    max_states=1_000)
    counters = {f.outcome.globals["counter"] for f in found.outcomes}
    assert 400_000 in counters and min(counters) < 400_000
    assert found.goal is not None and found.goal["reachable"]


def test_a_program_walked_whole_at_once_is_not_probed(monkeypatch, lesson):
    """Probes run only when a first walk does not finish: a program that can run for ever
    would keep each one going to the step limit."""
    import app.engine.explorer as explorer

    probed = []
    monkeypatch.setattr(explorer, "probe", lambda *a, **k: probed.append(a) or [])
    forever = compile_program("""\
import threading
a = 0
def spin():
    global a
    while True:
        a = 1 - a
t = threading.Thread(target=spin)
t.start()
t.join()
""")
    assert explorer.explore(forever).complete and not probed
    explorer.explore(lesson, max_states=1_000)
    assert probed


def test_counting_every_schedule_gets_the_whole_time_after_a_quick_walk():
    """The first walk of a program walked whole at once has a short time; counting its
    schedules walks every move (35,666 states for 3 x 3 increments) with all of it."""
    from app.sized import counter

    found = explore(compile_program(counter(3, 3)))
    assert found.complete and not found.not_counted
    assert found.schedules == sum(f.schedules for f in found.outcomes)


def test_a_walk_stopped_by_the_first_walks_clock_goes_on_from_where_it_stopped(monkeypatch):
    """After the probes, the walk is not started again: the same walk goes on."""
    import app.engine.explorer as explorer
    from app.sized import counter

    program = compile_program(counter(3, 2))
    whole = explorer.explore(program, count=False)
    walks = []
    original = explorer._Walk.__init__

    def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        walks.append(self)
        original(self, *args, **kwargs)

    probed = []
    monkeypatch.setattr(explorer, "QUICK_WALK_SECONDS", 0.0)
    monkeypatch.setattr(explorer._Walk, "__init__", counted)
    monkeypatch.setattr(explorer, "probe", lambda *a, **k: probed.append(a) or [])
    resumed = explorer.explore(program, count=False)
    assert probed  # the first walk stopped (before its first state)
    assert len(walks) == 1
    assert (resumed.states, resumed.transitions) == (whole.states, whole.transitions)
    assert [f.outcome for f in resumed.outcomes] == [f.outcome for f in whole.outcomes]

"""A schedule's policy turns (`~cpython900000`): the text form, and runs that follow them
exactly as the policy's own run goes (app/engine/schedule.py, policies.Explicit)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.engine import (
    Explicit,
    ScheduleError,
    make_policy,
    run,
)
from app.engine.schedule import decode_runs, encode_runs, length, open_ended, turns
from tests.support.replaying import scenario_program

SHORT = ["race-counter", "lock-counter", "condition-queue", "semaphore-pool",
         "deadlock-two-locks", "barrier-phases", "lost-wakeup", "event-flag"]


def test_the_text_form_of_a_policy_turn():
    assert turns("a2~cpython900000c~rr") == [(0, 2), ("cpython", 900000), (2, 1), ("rr", None)]
    assert encode_runs([(0, 2), ("cpython", 5), ("cpython", 5), (1, 1), (1, 2)]) == (
        "a2~cpython5~cpython5b3")  # a policy's turns are not merged: each starts it afresh
    assert length("a2~rr5~random") == 7 and open_ended("a~rr") and not open_ended("~rr5")


@pytest.mark.parametrize(("text", "words"), [
    ("~rr~cpython", "`~rr` with no count runs to the end, so nothing can follow it"),
    ("~rr0", "a repeat count of 0"),
    ("~Rr5", "expected a thread letter"),
])
def test_a_bad_policy_turn_says_what_is_wrong(text, words):
    with pytest.raises(ScheduleError, match=words):
        turns(text)


def test_an_unknown_policy_is_named_when_followed():
    with pytest.raises(ScheduleError, match="unknown policy 'fifo'"):
        run(scenario_program("race-counter"), Explicit("a~fifo"), record=False)


def test_a_schedule_that_needs_a_run_to_expand_says_so():
    with pytest.raises(ScheduleError, match="leaves steps to the rr policy"):
        decode_runs("a3~rr")


@pytest.mark.parametrize("policy", ["rr", "random", "cpython"])
@pytest.mark.parametrize("scenario_id", SHORT)
def test_an_open_ended_turn_is_the_policys_own_run(scenario_id, policy):
    p = scenario_program(scenario_id)
    own = run(p, make_policy(policy), record=False)
    followed = run(p, Explicit(f"~{policy}"), record=False)
    assert followed.schedule == own.schedule
    assert followed.outcome.output == own.outcome.output


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SHORT), st.sampled_from(["rr", "random", "cpython"]), st.data())
def test_a_counted_turn_takes_the_first_steps_of_the_open_ended_one(scenario_id, policy, data):
    p = scenario_program(scenario_id)
    whole = run(p, Explicit(f"~{policy}"), record=False)
    steps = sum(n for _, n in turns(whole.schedule))
    n = data.draw(st.integers(1, steps + 3))
    part = run(p, Explicit(f"~{policy}{n}"), record=False)
    taken = sum(c for _, c in turns(part.schedule))
    assert taken == min(n, steps)  # at most its count: the run may end first
    assert [t for t, c in turns(part.schedule) for _ in range(c)] == [
        t for t, c in turns(whole.schedule) for _ in range(c)][:taken]


def test_a_turn_after_a_prefix_starts_the_policy_afresh_there():
    p = scenario_program("race-counter")
    prefix = run(p, Explicit("a3"), record=False).schedule
    after = run(p, Explicit(f"{prefix}~rr"), record=False)
    then = run(p, Explicit(prefix), then=make_policy("rr"), record=False)
    assert after.schedule == then.schedule


def test_a_policy_that_pauses_between_slices_goes_on_later_as_if_it_had_not():
    """The page's runs stop at a request's deadline this way, and the next request resumes."""
    p = scenario_program("lesson-counter")
    whole = run(p, make_policy("cpython"), record=False, max_steps=60_000)

    class Pausing:  # the cpython policy, stopping every third slice
        def __init__(self) -> None:
            self.inner, self.picks = make_policy("cpython"), 0
            self.elapse = self.inner.elapse

        def pick(self, m, last):  # noqa: ANN001, ANN202
            self.picks += 1
            return None if self.picks % 3 == 0 else self.inner.pick(m, last)

    policy, text, machine, count, last = Pausing(), "", None, 0, None
    while count < 60_000:
        part = run(p, policy, record=False, max_steps=60_000,
                   resume=None if machine is None else (machine, count, last))
        machine, count = part.machine, part.outcome.step_count
        text += part.schedule
        last = turns(part.schedule)[-1][0] if part.schedule else last
    assert encode_runs(turns(text)) == whole.schedule

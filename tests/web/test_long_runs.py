"""Long runs on the page (issue 14 §2): a policy's run resolved once, any step of it
replayed from the checkpoint before, the same whatever the cache holds."""

from __future__ import annotations

from time import monotonic

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import scenarios
from app.engine import DEFAULT_BUDGETS, Explicit, ScheduleError, run
from app.engine.schedule import runs_of
from app.web.overview import overview
from app.web.replay import CHECKPOINT, Replays, compiled
from app.web.view import advanced, build

SHORT = ["race-counter", "lock-counter", "condition-queue", "semaphore-pool",
         "deadlock-two-locks", "lost-wakeup", "barrier-phases"]


def program(scenario_id: str):  # noqa: ANN201
    source = scenarios.builtin()[scenario_id].source
    return compiled(source, f"{scenario_id}.py", DEFAULT_BUDGETS)


texts = st.lists(st.one_of(st.sampled_from(["a", "b", "c", "a2", "b3"]),
                           st.sampled_from(["~rr", "~random", "~cpython"]).flatmap(
                               lambda p: st.integers(1, 30).map(lambda n: f"{p}{n}"))),
                 max_size=4).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SHORT), texts, st.sampled_from(["", "~rr", "~cpython"]))
def test_a_plan_names_the_steps_a_run_of_its_text_takes(scenario_id, text, tail):
    """Resolved turn by turn from kept machines, a plan is the engine's own run of the text,
    whichever plans a cache resolved before."""
    p = program(scenario_id)
    text += tail
    try:
        ran = run(p, Explicit(text), record=False)
    except ScheduleError as e:  # the page refuses what the engine refuses, in its words
        with pytest.raises(ScheduleError) as refused:
            replays = Replays()
            plan = replays.plan(p, text, 10_000)
            replays.at(p, plan, plan.total)
        assert str(refused.value).split(": ", 1)[-1] == str(e).split(": ", 1)[-1]
        return
    warm = Replays()
    warm.plan(p, text[:len(text) // 2].rstrip("~abcdefghijklmnopqrstuvwxyz") + "~rr", 10_000)
    for replays in (Replays(), warm):
        plan = replays.plan(p, text, 10_000)
        assert [t for t, s, e in plan.runs(0, plan.total) for _ in range(e - s)] == [
            t for t, n in runs_of(ran.schedule) for _ in range(n)]
        end = replays.at(p, plan, plan.total)
        assert end.machine.output == ran.machine.output


LESSON = "lesson-counter"


@pytest.fixture(scope="module")
def lesson():  # noqa: ANN201
    return program(LESSON)


def test_the_lessons_counter_runs_to_its_end_on_the_page(lesson):
    replays = Replays()
    text, at = advanced(replays, lesson, "", 0, "cpython", "end", 2_000_000)
    assert (text, at) == ("~cpython", None)
    view = build(replays, lesson, text, at, "cpython", 2_000_000)
    assert view.at == view.total == 1_200_011
    assert view.outcome is not None and view.outcome.kind == "done"
    assert [line.text for line in view.printed.lines] == ["400000"]
    assert [b.label for b in view.overview] == ["the whole run", "around this step"]


def test_a_step_of_a_long_run_is_its_machine_there_with_its_last_steps(lesson):
    replays = Replays()
    plan = replays.plan(lesson, "~cpython", 2_000_000)
    at = 900_000
    shown = replays.at(lesson, plan, at)
    fresh = run(lesson, Explicit(plan.cut(at)), record=False)
    assert shown.at == at and shown.machine.globals["counter"] == fresh.machine.globals["counter"]
    assert [s.index for s in shown.steps][-3:] == [at - 3, at - 2, at - 1]
    # Kept every CHECKPOINT steps on the way, so the page before it is a short replay.
    assert (lesson.source, lesson.budgets, plan.cut(at // CHECKPOINT * CHECKPOINT)) in (
        replays.entries)


def test_a_branch_off_a_long_run_reuses_it(lesson):
    replays = Replays()
    plan = replays.plan(lesson, "~cpython", 2_000_000)
    branch = plan.then(900_000, 3)
    assert branch == ("~cpython900000d" if plan.tid(900_000) != 3 else "~cpython")
    start = monotonic()
    branched = replays.plan(lesson, branch, 2_000_000)
    assert monotonic() - start < 0.1  # the first 900,000 steps are the kept run's
    assert branched.total == 900_001 and branched.tid(900_000) == 3


def test_a_run_out_of_time_goes_on_at_the_next_request_as_if_it_had_not_stopped(lesson):
    replays = Replays()
    hops = 0
    while (plan := replays.plan(lesson, "~cpython", 2_000_000, monotonic() + 0.2)).interrupted:
        hops += 1
        assert hops < 40
    assert hops >= 2
    cold = Replays().plan(lesson, "~cpython", 2_000_000)
    assert plan.total == cold.total == 1_200_011
    assert list(plan.run_tids) == list(cold.run_tids)
    assert list(plan.run_ends) == list(cold.run_ends)
    end = replays.at(lesson, plan, plan.total)
    assert end.machine.output == ["400000\n"] or "".join(end.machine.output) == "400000\n"


def test_the_pages_step_limit_stops_a_run_and_says_so():
    spin = "import threading\nn = 0\ndef spin():\n    global n\n    while True:\n        n += 1\n"
    p = compiled(spin + "threading.Thread(target=spin).start()\n", "spin.py", DEFAULT_BUDGETS)
    replays = Replays()
    plan = replays.plan(p, "~rr", 50_000)
    assert plan.total == 50_000
    assert plan.limit.startswith("the page’s limit of 50,000 was reached")
    view = build(replays, p, "~rr", None, "rr", 50_000)
    assert view.limit == plan.limit and view.outcome is None
    assert all(t.step_schedule is None for t in view.threads)  # no step past the limit


def test_the_overview_marks_lost_updates_where_they_happen():
    source = scenarios.builtin()[LESSON].source.replace("100_000", "3_000")
    p = compiled(source, "small.py", DEFAULT_BUDGETS)
    replays = Replays()
    plan = replays.plan(p, "~rr", 2_000_000)  # one step each: updates lost all along
    end = replays.at(p, plan, plan.total)
    whole, near = overview(plan, end.marks, plan.total, plan.total)
    assert sum(c.lost for c in whole.columns) == end.marks.lost > 0
    assert whole.columns[-1].current and near.end == plan.total
    shares = whole.columns[10].shares
    assert shares[0] == 0 and abs(sum(shares) - 1) < 1e-9


def test_the_last_request_of_a_long_run_lands_on_the_pages_own_address(client):
    """A run too long for one request asks again with `wait=N`; the last answer moves to the
    page's own address (a redirect, or the pushed URL under htmx), without `wait`."""
    r = client.get("/s/race-counter?schedule=a3~rr&wait=2")
    assert r.status_code == 303 and "wait" not in r.headers["location"]
    assert "schedule=a3~rr&at=19" in r.headers["location"]
    r = client.get("/s/race-counter?schedule=a3~rr&wait=2",
                   headers={"HX-Request": "true", "HX-Request-Type": "partial"})
    assert r.status_code == 200 and "wait" not in r.headers["HX-Push-Url"]

"""`policies`: who runs next. Round-robin, random and CPython-like policies, explicit
schedules, a caller's stop (`Until`), and policies named by text."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.engine import (
    DONE,
    PAUSED,
    CPython,
    Explicit,
    Machine,
    Random,
    RoundRobin,
    ScheduleError,
    Slice,
    Until,
    compile_program,
    decode,
    make_policy,
    run,
)
from app.engine.policies import SWITCH_STEPS, policy_of

# Three threads, each adding to a shared counter in a loop; no thread ever blocks.
THREE = compile_program(textwrap.dedent("""
    import threading
    counter = 0
    def work():
        global counter
        for _ in range(3):
            counter += 1
    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(counter)
"""))

LOCKED = compile_program(textwrap.dedent("""
    import threading
    lock = threading.Lock()
    def work():
        with lock:
            pass
    lock.acquire()
    t = threading.Thread(target=work)
    t.start()
    lock.release()
    t.join()
"""))


def _all_started() -> Machine:
    """THREE's machine once MainThread has started all three threads."""
    m = Machine(THREE)
    while len(m.threads) < 4 or not m.threads[3].frames:
        m.step(0)
    return m


def test_round_robin_goes_to_the_next_thread_by_id_wrapping_around() -> None:
    m = _all_started()
    assert m.enabled() == [1, 2, 3]  # MainThread waits to join thread 1
    rr = RoundRobin(4)
    assert rr.pick(m, None) == Slice(1, 4)
    assert rr.pick(m, 1) == Slice(2, 4)
    assert rr.pick(m, 3) == Slice(1, 4)


def test_round_robin_skips_threads_that_cannot_move() -> None:
    m = Machine(LOCKED)
    while len(m.threads) < 2 or not m.threads[1].frames:
        m.step(0)
    assert m.enabled() == [0]
    assert RoundRobin().pick(m, 0) == Slice(0, 1)  # thread 1 waits for the lock


def test_round_robin_runs_each_thread_for_its_quantum() -> None:
    # Each turn is 3 steps but where the thread blocks (MainThread's join) or ends; turns of
    # MainThread that start the three threads merge into one ("a3b3c3ab3…").
    assert run(THREE, RoundRobin(3)).schedule == "a3b3c3ab3c3d3b3c3d3a2d3a3"
    assert run(THREE, RoundRobin(100)).schedule == "a4b9c9d9a5"
    with pytest.raises(ValueError, match="at least 1"):
        RoundRobin(0)


@given(seed=st.integers(0, 2**32 - 1))
def test_a_random_run_is_reproducible_from_its_seed(seed: int) -> None:
    first = run(THREE, Random(seed), record=False)
    assert run(THREE, Random(seed), record=False).schedule == first.schedule
    assert first.outcome.kind == DONE


def test_random_runs_differ_with_their_seeds() -> None:
    assert len({run(THREE, Random(seed), record=False).schedule for seed in range(10)}) > 1


def test_cpython_slices_are_about_the_switch_interval_long() -> None:
    m = _all_started()
    policy = CPython(100, seed=3)
    for _ in range(50):
        chosen = policy.pick(m, 0)
        assert chosen is not None and chosen.until_breaker
        assert 50 <= chosen.steps <= 150
    with pytest.raises(ValueError, match="at least 1 step"):
        CPython(0)


def test_cpython_hands_the_gil_to_a_thread_just_started() -> None:
    m = Machine(THREE)
    while m.handoff is None:
        m.step(0)
    assert m.handoff == 1 and m.enabled() == [0, 1]
    chosen = CPython().pick(m, 0)
    assert chosen is not None and chosen.tid == 1
    assert m.handoff is None  # taken at this choice only
    chosen = CPython().pick(m, 1)
    assert chosen is not None and chosen.tid == 0


def test_an_explicit_schedule_is_followed_then_used_up() -> None:
    m = _all_started()
    policy = Explicit("a2cb")
    assert [policy.pick(m, None) for _ in range(4)] == [
        Slice(0, 2, strict=True), Slice(2, 1, strict=True), Slice(1, 1, strict=True), None]
    assert Explicit.of([(0, 2), (2, 1)]).pick(m, None) == Slice(0, 2, strict=True)


def test_an_explicit_schedule_says_why_a_step_cannot_be_taken() -> None:
    assert run(LOCKED, Explicit("a3b2a")).outcome.kind == DONE
    for schedule, why in [
        ("h", "the schedule names thread 7, but the program has only 1 thread(s) so far"),
        ("ab", "step 2: Thread-1 (work) has not been started yet"),
        ("a2b", "step 3: Thread-1 (work) cannot run: blocked on lock (held by MainThread)"),
        ("a3b3", "step 6: Thread-1 (work) has already finished"),
    ]:
        with pytest.raises(ScheduleError) as caught:
            run(LOCKED, Explicit(schedule))
        assert why in str(caught.value)


def test_an_explicit_schedule_then_another_policy() -> None:
    whole = run(THREE, Explicit("a4b2"), then=RoundRobin())
    assert whole.outcome.kind == DONE
    assert decode(whole.schedule)[:7] == [0, 0, 0, 0, 1, 1, 2]  # then thread 2, round-robin


def test_until_pauses_between_slices_and_the_run_goes_on_as_if_it_had_not() -> None:
    straight = run(THREE, RoundRobin(2))
    policy = Until(RoundRobin(2), lambda steps: steps >= 7)
    first = run(THREE, policy)
    assert policy.paused and first.outcome.kind == PAUSED
    assert 7 <= len(first.steps) < len(straight.steps)
    assert first.machine is not None
    policy.stop = lambda steps: False
    rest = run(THREE, policy, resume=(first.machine, len(first.steps),
                                      first.steps[-1].tid))
    assert decode(first.schedule) + decode(rest.schedule) == decode(straight.schedule)
    assert rest.outcome.output == straight.outcome.output  # a lost update either way: ("4",)
    assert rest.outcome.globals == straight.outcome.globals


def test_a_policy_is_named_by_text() -> None:
    assert isinstance(make_policy("rr"), RoundRobin)
    assert make_policy("rr", 5).quantum == 5  # type: ignore[attr-defined]
    assert make_policy("cpython").interval == SWITCH_STEPS  # type: ignore[attr-defined]
    assert policy_of("rr.100").quantum == 100  # type: ignore[attr-defined]
    assert policy_of("cpython.50").interval == 50  # type: ignore[attr-defined]
    seeded = run(THREE, policy_of("random.7"), record=False).schedule
    assert seeded == run(THREE, Random(7), record=False).schedule
    with pytest.raises(ValueError, match="unknown policy 'fifo': choose one of rr, random, cp"):
        make_policy("fifo")


def test_any_object_with_pick_is_a_policy() -> None:
    class Lowest:
        def pick(self, m: Machine, last: int | None) -> Slice | None:
            enabled = m.enabled()
            return Slice(enabled[0], 1) if enabled else None

    lowest = run(THREE, Lowest())
    assert lowest.outcome.kind == DONE
    assert lowest.outcome.output == ("9",)

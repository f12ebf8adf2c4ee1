"""`runner`: a run under a policy, how it ends, what it records, and the schedule it writes;
the reasons a step cannot be taken."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import (
    DEADLOCK,
    DONE,
    LIMIT,
    PAUSED,
    Explicit,
    Machine,
    RoundRobin,
    ScheduleError,
    compile_program,
    encode,
    recorded_step,
    require_step,
    run,
)


def _program(source: str):  # noqa: ANN202
    return compile_program(textwrap.dedent(source))


COUNTER = _program("""
    import threading
    counter = 0
    def work():
        global counter
        for _ in range(3):
            counter += 1
    t = threading.Thread(target=work)
    t.start()
    work()
    t.join()
    print(counter)
""")


def test_a_run_that_ends_is_done() -> None:
    done = run(COUNTER, RoundRobin())
    assert done.outcome.kind == DONE
    assert done.outcome.step_count == len(done.steps) > 0
    assert [s.index for s in done.steps] == list(range(len(done.steps)))
    assert done.schedule == encode([s.tid for s in done.steps])


def test_threads_that_can_never_move_are_a_deadlock() -> None:
    stuck = run(_program("""
        import threading
        lock = threading.Lock()
        lock.acquire()
        lock.acquire()
    """), RoundRobin())
    assert stuck.outcome.kind == DEADLOCK


def test_the_step_limit_ends_a_run_and_says_so() -> None:
    cut = run(COUNTER, RoundRobin(), max_steps=5)
    assert cut.outcome.kind == LIMIT
    assert "the step limit of 5 was reached" in cut.outcome.reason
    assert len(cut.steps) == 5


def test_a_policy_that_stops_choosing_pauses_the_run() -> None:
    paused = run(COUNTER, Explicit("a3"))
    assert paused.outcome.kind == PAUSED
    assert paused.schedule == "a3"


def test_a_blown_budget_ends_the_run_with_its_reason() -> None:
    blown = run(_program("x = 2 ** 10 ** 9"), RoundRobin())
    assert blown.outcome.kind == LIMIT
    assert "is over the limit of 100,000 bits for one integer" in blown.outcome.reason
    assert blown.schedule == ""  # blown before MainThread's first step


def test_without_recording_only_the_count_and_schedule_are_kept() -> None:
    recorded = run(COUNTER, RoundRobin())
    bare = run(COUNTER, RoundRobin(), record=False)
    assert bare.steps == []
    assert bare.schedule == recorded.schedule
    assert bare.outcome == recorded.outcome


def test_steps_streamed_to_on_step_are_not_kept() -> None:
    streamed: list = []
    result = run(COUNTER, RoundRobin(), on_step=streamed.append)
    assert result.steps == []
    assert streamed == run(COUNTER, RoundRobin()).steps


def test_on_event_gets_each_steps_index_thread_and_raw_event() -> None:
    seen: list = []
    result = run(COUNTER, RoundRobin(), on_event=lambda i, th, ev: seen.append((i, th.tid, ev)))
    assert result.steps == []
    assert [i for i, _, _ in seen] == list(range(result.outcome.step_count))
    assert encode([tid for _, tid, _ in seen]) == result.schedule
    assert ("write", "counter") in {ev[:2] for _, _, ev in seen if isinstance(ev, tuple)}


def test_a_long_run_of_short_turns_writes_its_whole_schedule() -> None:
    # Over 4,096 one-step turns: the schedule is written in batches along the way.
    ping_pong = _program("""
        import threading
        n = 0
        def work():
            global n
            for _ in range(1500):
                n += 1
        t = threading.Thread(target=work)
        t.start()
        work()
        t.join()
    """)
    result = run(ping_pong, RoundRobin())
    tids = [s.tid for s in result.steps]
    assert sum(1 for a, b in zip(tids, tids[1:], strict=False) if a != b) > 4096
    assert result.schedule == encode(tids)
    assert run(ping_pong, Explicit(result.schedule), record=False).outcome == result.outcome


def test_require_step_says_why_a_thread_cannot_move() -> None:
    m = Machine(COUNTER)
    require_step(m, 0, 0)
    with pytest.raises(ScheduleError, match="step 1: the schedule names thread 3"):
        require_step(m, 3, 0)
    while len(m.threads) < 2:
        m.step(0)
    with pytest.raises(ScheduleError, match="step 2: Thread-1 .work. has not been started yet"):
        require_step(m, 1, 1)


def test_a_recorded_step_names_the_variable_it_reads_or_writes() -> None:
    m = Machine(COUNTER)
    th = m.threads[0]
    step = recorded_step(m, th, m.next_instr(th), 0)
    assert (step.index, step.tid, step.thread, step.kind, step.variable) == (
        0, 0, "MainThread", "write", "counter")
    assert step.changes == {"counter": "0"}
    assert step.line == 3

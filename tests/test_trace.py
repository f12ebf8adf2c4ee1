"""`trace`: a run's steps in words and how it ended (the outcome: globals, output, uncaught
errors, who is blocked on what)."""

from __future__ import annotations

import json
import textwrap

import pytest

from app.engine import (
    DEADLOCK,
    DONE,
    LIMIT,
    PAUSED,
    Blocked,
    Explicit,
    Lock,
    RoundRobin,
    Uncaught,
    compile_program,
    describe,
    run,
)


def _run(source: str, schedule: str | None = None, **options: object):  # noqa: ANN202
    program = compile_program(textwrap.dedent(source))
    return run(program, RoundRobin() if schedule is None else Explicit(schedule), **options)


def test_reads_writes_and_computations_in_words() -> None:
    assert describe(("read", "counter", 3)) == ("read", "read counter → 3", {})
    assert describe(("write", "counter", 4)) == ("write", "write counter ← 4", {"counter": "4"})
    assert describe(("compute", 3, "+", 1, 4)) == ("compute", "3 + 1 = 4", {})
    assert describe(("write", "name", "ada")) == ("write", "write name ← 'ada'", {"name": "'ada'"})
    assert describe(("write", "big", 10 ** 200))[1].startswith("write big ← 1000")


def test_calls_and_tests_show_their_result() -> None:
    assert describe(("call", "len(items)", 2)) == ("call", "len(items) → 2", {})
    assert describe(("call", "items.append(1)", None)) == ("call", "items.append(1)", {})
    assert describe(("call", "x ← f()", 5)) == ("call", "x ← f()", {})  # already says it
    assert describe(("test", "if ready", False)) == ("test", "if ready → False", {})


def test_a_sync_step_says_how_the_primitive_changed() -> None:
    lock = Lock()
    lock.label = "lock"
    kind, words, changes = describe(("sync", "acquire lock", lock))
    assert (kind, words) == ("sync", "acquire lock")
    assert changes == {"lock": lock.describe()}
    assert describe(("sync", "sleep 0.1", None)) == ("sync", "sleep 0.1", {})


def test_a_finished_run_reports_globals_output_and_uncaught_errors() -> None:
    done = _run("""
        import threading
        items = [1, 2]
        lock = threading.Lock()
        def fail():
            raise ValueError("no")
        t = threading.Thread(target=fail)
        t.start()
        t.join()
        print("end")
    """)
    outcome = done.outcome
    assert outcome.kind == DONE
    assert outcome.globals == {"items": [1, 2]}  # not the lock, not the function
    assert outcome.output == ("end",)
    assert outcome.errors == (Uncaught("Thread-1 (fail)", "ValueError", "no"),)
    assert str(outcome.errors[0]) == "Thread-1 (fail): ValueError: no"
    assert outcome.blocked == ()
    assert outcome.summary() == f"finished after {outcome.step_count:,} steps"
    assert json.loads(json.dumps(done.to_dict()))["outcome"]["errors"] == [
        {"thread": "Thread-1 (fail)", "type": "ValueError", "message": "no"}]
    # The thread's report, on stderr as CPython writes it (tests/test_tracebacks.py has it whole).
    stderr = outcome.to_dict()["stderr"]
    assert stderr[0] == "Exception in thread Thread-1 (fail):" and stderr[-1] == "ValueError: no"


def test_a_deadlock_says_who_holds_what_and_waits_for_whom() -> None:
    stuck = _run("""
        import threading
        a = threading.Lock()
        b = threading.Lock()
        def one():
            with a:
                with b:
                    pass
        def two():
            with b:
                with a:
                    pass
        t1 = threading.Thread(target=one)
        t2 = threading.Thread(target=two)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
    """, "abac")  # each thread takes its first lock
    outcome = stuck.outcome
    assert outcome.kind == DEADLOCK
    assert outcome.summary().startswith("DEADLOCK after")
    by_thread = {b.thread: b for b in outcome.blocked}
    assert by_thread["Thread-1 (one)"].holds == ("a",)
    assert by_thread["Thread-2 (two)"].holds == ("b",)
    assert by_thread["Thread-1 (one)"].waits_for == "Thread-2 (two)"
    assert by_thread["Thread-2 (two)"].waits_for == "Thread-1 (one)"
    assert by_thread["MainThread"].waits_for == "Thread-1 (one)"
    assert by_thread["Thread-1 (one)"].reason == "blocked on b (held by Thread-2 (two))"


@pytest.mark.parametrize(("kind", "options", "schedule"), [
    (PAUSED, {}, "a"),
    (LIMIT, {"max_steps": 1}, None),
])
def test_a_run_stopped_between_steps_says_who_is_blocked(kind: str, options: dict,
                                                        schedule: str | None) -> None:
    cut = _run("""
        import threading
        lock = threading.Lock()
        lock.acquire()
        t = threading.Thread(target=lock.acquire)
        t.start()
    """, schedule, **options)
    assert cut.outcome.kind == kind
    assert all(isinstance(b, Blocked) for b in cut.outcome.blocked)
    assert [b.thread for b in cut.outcome.blocked] == ["MainThread"]
    assert cut.outcome.blocked[0].reason == "ready"


def test_stderr_is_kept_apart_and_in_order_with_stdout() -> None:
    logged = _run("""
        import logging
        print("one")
        logging.warning("two")
        print("three")
    """)
    outcome = logged.outcome
    assert outcome.output == ("one", "three")
    assert outcome.stderr == ("WARNING:root:two",)
    assert outcome.transcript == (("stdout", "one"), ("stderr", "WARNING:root:two"),
                                  ("stdout", "three"))
    assert outcome.to_dict()["stderr"] == ["WARNING:root:two"]

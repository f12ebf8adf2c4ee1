"""Threads and primitives described for display (app/engine/descriptions.py): what the page,
the offline file and the trace read of a machine, through the engine's public names only."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from app.engine import (
    ALIVE,
    CRASHED,
    DEADLOCK,
    FINISHED,
    NEW,
    Machine,
    Place,
    PrimitiveInfo,
    ThreadInfo,
    compile_program,
    describe_primitive,
    describe_primitives,
    describe_threads,
    outcome_of,
    place_of,
    primitives_of,
    thread_values,
)

MAIN, ONE, TWO = 0, 1, 2

CROSSED = """
import threading
a = threading.Lock()
b = threading.RLock()
def one():
    with a:
        with b:
            pass
def two():
    with b:
        with b:
            with a:
                pass
t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
"""


def machine(source: str) -> Machine:
    return Machine(compile_program(textwrap.dedent(source)))


def thread(m: Machine, tid: int) -> ThreadInfo:
    return describe_threads(m)[tid]


def primitive(m: Machine, label: str) -> PrimitiveInfo:
    (found,) = [p for p in describe_primitives(m) if p.label == label]
    return found


def step_while(m: Machine, tid: int, going: Callable[[], bool]) -> None:
    while going() and tid in m.enabled():
        m.step(tid)


def started(source: str) -> Machine:
    """The machine once MainThread has run to its end."""
    m = machine(source)
    step_while(m, MAIN, lambda: True)
    return m


def crossed() -> Machine:
    """CROSSED deadlocked: Thread-1 holds a and waits for b, Thread-2 holds b twice and waits
    for a."""
    m = started(CROSSED)
    step_while(m, ONE, lambda: "a" not in thread(m, ONE).holds)
    step_while(m, TWO, lambda: True)
    step_while(m, ONE, lambda: True)
    return m


def test_a_thread_not_started_has_its_targets_lines_and_no_next_line() -> None:
    one = thread(machine(CROSSED), ONE)
    assert (one.name, one.state, one.line, one.lines) == ("Thread-1 (one)", NEW, None, (5, 8))
    assert one.blocked is None and one.holds == () and one.waits_for is None


def test_a_ready_thread_has_a_next_line_and_is_not_blocked() -> None:
    one = thread(started(CROSSED), ONE)
    assert (one.state, one.line, one.callee_lines, one.blocked) == (ALIVE, 6, (5, 8), None)
    assert thread(started(CROSSED), MAIN).state == FINISHED


def test_a_deadlock_says_who_holds_what_and_waits_for_whom() -> None:
    m = crossed()
    one, two = thread(m, ONE), thread(m, TWO)
    assert (one.holds, one.waits_for) == (("a",), "Thread-2 (two)")
    assert (two.holds, two.waits_for) == (("b",), "Thread-1 (one)")
    assert one.blocked == "blocked on b (held by Thread-2 (two))"
    # The outcome's wait-for graph is these descriptions.
    blocked = outcome_of(m, DEADLOCK, 0).blocked
    assert [(b.thread, b.reason, b.holds, b.waits_for) for b in blocked] == [
        (t.name, t.blocked, t.holds, t.waits_for) for t in (one, two)]


def test_locks_say_who_holds_them_and_how_deep() -> None:
    m = crossed()
    assert primitive(m, "a") == PrimitiveInfo("a", "Lock", "held", "acquired by Thread-1 (one)",
                                              "Thread-1 (one)")
    b = primitive(m, "b")
    assert (b.kind, b.state, b.holder, b.depth) == ("RLock", "held", "Thread-2 (two)", 2)
    assert b.detail == "owned by Thread-2 (two), depth 2"
    assert [(p.state, p.holder) for p in describe_primitives(started(CROSSED))] == [
        ("free", None), ("free", None)]


def test_a_thread_mid_statement_holds_what_it_read() -> None:
    m = started("""
        import threading
        counter = 41
        def add():
            global counter
            counter += 1
        threading.Thread(target=add).start()
    """)
    step_while(m, ONE, lambda: thread(m, ONE).holding == ())
    assert thread(m, ONE).holding == ("41",)


def test_a_crashed_thread_says_what_it_raised() -> None:
    m = started("""
        import threading
        def fail():
            raise ValueError("no")
        threading.Thread(target=fail).start()
    """)
    step_while(m, ONE, lambda: True)
    one = thread(m, ONE)
    assert (one.state, one.error, one.line) == (CRASHED, "ValueError: no", None)


def test_an_exception_without_a_message_is_its_type_alone() -> None:
    m = started("""
        import threading
        def fail():
            raise ValueError
        threading.Thread(target=fail).start()
    """)
    step_while(m, ONE, lambda: True)
    assert thread(m, ONE).error == "ValueError"


def test_a_thread_s_place_is_its_line_in_the_function_it_is_in() -> None:
    assert place_of(machine(CROSSED).threads[ONE]) is None  # not started: no code yet
    m = started(CROSSED)
    assert place_of(m.threads[ONE]) == Place(6, 5, 8)
    assert place_of(m.threads[MAIN]) is None  # ended


def test_the_threads_hold_their_objects_and_their_frames_local_names() -> None:
    m = machine("""
        import threading
        gate = threading.Event()
        def work(n):
            held = [n, n]
            gate.wait()
        t = threading.Thread(target=work, args=(3,))
        t.start()
        gate.wait()
    """)
    step_while(m, MAIN, lambda: True)
    step_while(m, ONE, lambda: True)
    main, one, *held = thread_values(m)  # MainThread's module frame is the globals: not here
    assert (main.name, one, held) == ("MainThread", m.globals["t"], [3, [3, 3]])


def test_semaphores_barriers_and_events_count_and_list_their_waiters() -> None:
    m = started("""
        import threading
        s = threading.BoundedSemaphore(2)
        gate = threading.Event()
        done = threading.Barrier(3)
        def work():
            with s:
                gate.wait()
        for _ in range(3):
            threading.Thread(target=work).start()
    """)
    for tid in (1, 2, 3):
        step_while(m, tid, lambda: True)
    s, gate, done = primitive(m, "s"), primitive(m, "gate"), primitive(m, "done")
    assert (s.kind, s.state, s.detail, s.filled, s.capacity) == (
        "BoundedSemaphore", "empty", "value 0 (bound 2)", 0, 2)
    assert s.waiters == ("Thread-3 (work)",)
    assert (gate.state, gate.detail) == ("clear", "flag not set")
    assert gate.waiters == ("Thread-1 (work)", "Thread-2 (work)")
    assert (done.state, done.filled, done.capacity, done.waiters) == ("ok", 0, 3, ())


def test_a_condition_describes_its_lock_and_a_queue_its_items() -> None:
    m = started("""
        import queue, threading
        q = queue.LifoQueue()
        q.put("a")
        q.put("b")
        c = threading.Condition()
        def wait():
            with c:
                c.wait()
        threading.Thread(target=wait).start()
    """)
    step_while(m, ONE, lambda: True)
    q, c = primitive(m, "q"), primitive(m, "c")
    assert (q.kind, q.state, q.items) == ("LifoQueue", "ok", ("'b'", "'a'"))
    assert (c.kind, c.state, c.waiters, c.holder) == ("Condition", "free",
                                                      ("Thread-1 (wait)",), None)
    assert c.lock is not None and c.lock.kind == "RLock" and c.lock.state == "free"


def test_a_primitive_is_described_with_the_names_given() -> None:
    m = crossed()
    (a,) = [p for p in primitives_of(m) if p.label == "a"]
    assert describe_primitive(a, ["main", "first", "second"]).holder == "first"

"""The threading primitives against SEMANTICS.md §1–§6: CPython 3.13's exact error messages,
timeouts as scheduling choices, wake-up order, and the state each primitive keeps."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import Machine, Random, RoundRobin, clone, compile_program, run

# -- errors, with CPython's exact types and messages --------------------------------------------

MAIN_THREAD_ERRORS = [
    ("release unlocked lock", "l = threading.Lock()\nl.release()",
     "RuntimeError", "release unlocked lock"),
    ("release an unowned RLock", "r = threading.RLock()\nr.release()",
     "RuntimeError", "cannot release un-acquired lock"),
    ("release an RLock once too often", "r = threading.RLock()\nr.acquire()\nr.release()\n"
     "r.release()", "RuntimeError", "cannot release un-acquired lock"),
    ("wait without the lock", "c = threading.Condition()\nc.wait()",
     "RuntimeError", "cannot wait on un-acquired lock"),
    ("wait_for without the lock", "c = threading.Condition()\nc.wait_for(lambda: False)",
     "RuntimeError", "cannot wait on un-acquired lock"),
    ("notify without the lock", "c = threading.Condition()\nc.notify()",
     "RuntimeError", "cannot notify on un-acquired lock"),
    ("notify_all without the lock", "c = threading.Condition(threading.Lock())\nc.notify_all()",
     "RuntimeError", "cannot notify on un-acquired lock"),
    ("bounded semaphore released too often", "s = threading.BoundedSemaphore(2)\ns.release()",
     "ValueError", "Semaphore released too many times"),
    ("bounded release(n) over the bound", "s = threading.BoundedSemaphore(2)\ns.acquire()\n"
     "s.release(2)", "ValueError", "Semaphore released too many times"),
    ("negative semaphore", "s = threading.Semaphore(-1)",
     "ValueError", "semaphore initial value must be >= 0"),
    ("negative bounded semaphore", "s = threading.BoundedSemaphore(-1)",
     "ValueError", "semaphore initial value must be >= 0"),
    ("release(0)", "s = threading.Semaphore(1)\ns.release(0)",
     "ValueError", "n must be one or more"),
    ("bounded release(0)", "s = threading.BoundedSemaphore(1)\ns.release(0)",
     "ValueError", "n must be one or more"),
    ("lock: timeout on a non-blocking call", "l = threading.Lock()\nl.acquire(False, 1)",
     "ValueError", "can't specify a timeout for a non-blocking call"),
    ("rlock: timeout on a non-blocking call", "r = threading.RLock()\nr.acquire(blocking=False, "
     "timeout=0.5)", "ValueError", "can't specify a timeout for a non-blocking call"),
    ("semaphore: timeout on a non-blocking call", "s = threading.Semaphore(1)\ns.acquire(False, 1)",
     "ValueError", "can't specify timeout for non-blocking acquire"),
    ("lock: negative timeout", "l = threading.Lock()\nl.acquire(timeout=-2)",
     "ValueError", "timeout value must be a non-negative number"),
    ("rlock: negative timeout", "r = threading.RLock()\nr.acquire(True, -0.5)",
     "ValueError", "timeout value must be a non-negative number"),
    ("barrier of no parties", "b = threading.Barrier(0)", "ValueError", "parties must be > 0"),
    ("barrier of negative parties", "b = threading.Barrier(-3)",
     "ValueError", "parties must be > 0"),
    ("start twice", "def f():\n    pass\nt = threading.Thread(target=f)\nt.start()\nt.start()",
     "RuntimeError", "threads can only be started once"),
    ("join the current thread", "threading.current_thread().join()",
     "RuntimeError", "cannot join current thread"),
    ("join before start", "def f():\n    pass\nt = threading.Thread(target=f)\nt.join()",
     "RuntimeError", "cannot join thread before it is started"),
    ("broken barrier", "b = threading.Barrier(2)\nb.abort()\nb.wait()", "BrokenBarrierError", ""),
    ("timeout past TIMEOUT_MAX", "l = threading.Lock()\nl.acquire()\n"
     "l.acquire(timeout=threading.TIMEOUT_MAX * 2)", "OverflowError", "timeout value is too large"),
]


@pytest.mark.parametrize(("source", "kind", "message"),
                         [pytest.param(s, k, m, id=i) for i, s, k, m in MAIN_THREAD_ERRORS])
def test_misuse_raises_cpythons_error(run_source, source, kind, message):
    outcome = run_source("import threading\n" + source).outcome
    assert outcome.kind == "done"
    assert [(e.thread, e.type, e.message) for e in outcome.errors] == [
        ("MainThread", kind, message)]


def test_absurd_timeout_overflows_the_platform_time(run_source):
    outcome = run_source("import threading\nl = threading.Lock()\nl.acquire(timeout=1e100)").outcome
    assert [(e.type, e.message) for e in outcome.errors] == [
        ("OverflowError", "timestamp out of range for platform time_t")]


def test_timeout_of_the_wrong_type(run_source):
    outcome = run_source("import threading\nl = threading.Lock()\nl.acquire(timeout='x')").outcome
    assert [(e.type, e.message) for e in outcome.errors] == [
        ("TypeError", "'str' object cannot be interpreted as an integer")]


def test_join_of_the_current_thread_from_a_thread(run_source):
    outcome = run_source("""
        import threading
        def f():
            threading.current_thread().join()
        t = threading.Thread(target=f)
        t.start()
        t.join()
        print("main goes on")
    """).outcome
    assert outcome.output == ("main goes on",)
    assert [str(e) for e in outcome.errors] == [
        "Thread-1 (f): RuntimeError: cannot join current thread"]


def test_broken_barrier_error_is_a_runtime_error_and_thread_error_is_runtime_error(run_source):
    outcome = run_source("""
        import threading
        b = threading.Barrier(2)
        b.abort()
        try:
            b.wait()
        except RuntimeError:
            print("caught as RuntimeError")
        try:
            threading.Lock().release()
        except threading.ThreadError as e:
            print("ThreadError:", e.args)
        print(b.broken)
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("caught as RuntimeError", "ThreadError: ('release unlocked lock',)",
                              "True")


def test_uncaught_error_in_a_thread_ends_only_that_thread(run_source):
    outcome = run_source("""
        import threading
        def f():
            raise ValueError("in thread")
        t = threading.Thread(target=f, name="worker")
        t.start()
        t.join()
        print("main goes on")
    """).outcome
    assert outcome.kind == "done"
    assert outcome.output == ("main goes on",)
    assert [e.to_dict() for e in outcome.errors] == [
        {"thread": "worker", "type": "ValueError", "message": "in thread"}]


def test_thread_target_with_missing_arguments(run_source):
    outcome = run_source("""
        import threading
        def f(a, b):
            print(a + b)
        t = threading.Thread(target=f, args=(1,))
        t.start()
        t.join()
        print("main goes on")
    """).outcome
    assert outcome.output == ("main goes on",)
    assert [str(e) for e in outcome.errors] == [
        "Thread-1 (f): TypeError: f() missing 1 required positional argument: 'b'"]


def test_default_thread_names_follow_the_targets_name(run_source):
    outcome = run_source("""
        import threading
        l = threading.Lock()
        t1 = threading.Thread(target=print, args=("hi",))
        t2 = threading.Thread(target=lambda: None)
        t3 = threading.Thread(target=l.release)
        print(t1.name, t2.name, t3.name, sep=" | ")
    """).outcome
    assert outcome.output == ("Thread-1 (print) | Thread-2 (<lambda>) | Thread-3 (release)",)


def test_thread_objects_keep_their_identity(run_source):
    outcome = run_source("""
        import threading
        me = threading.current_thread()
        def f():
            print(threading.current_thread() is t, threading.current_thread() is me)
        t = threading.Thread(target=f)
        t.start()
        t.join()
        print(threading.current_thread() is threading.main_thread(), me is threading.main_thread())
    """).outcome
    assert outcome.output == ("True False", "True True")


def test_thread_handles_compare_equal(run_source):
    outcome = run_source("""
        import threading
        def f():
            print(threading.current_thread() == t, threading.current_thread().name)
        t = threading.Thread(target=f, name="w")
        t.start()
        t.join()
        print(threading.current_thread() == threading.main_thread())
    """).outcome
    assert outcome.output == ("True w", "True")


def test_thread_names_and_attributes(run_source):
    outcome = run_source("""
        import threading
        def work(x, y=2):
            print("in", threading.current_thread().name, x, y)
        t = threading.Thread(target=work, args=(1,), kwargs={"y": 3}, name="worker")
        u = threading.Thread(target=work, args=(0,))
        v = threading.Thread()
        print(t.name, u.name, v.name, t.is_alive(), t.daemon)
        t.start()
        t.join()
        print(t.is_alive(), threading.current_thread().name, threading.main_thread().name)
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("worker Thread-1 (work) Thread-2 False False", "in worker 1 3",
                              "False MainThread MainThread")


# -- Lock ----------------------------------------------------------------------------------------


def test_lock_basics(run_source):
    outcome = run_source("""
        import threading
        l = threading.Lock()
        print(l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0), l.acquire(True, 0))
        l.release()
        print(l.locked(), l.acquire(False, -1), l.locked())
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("True True False False False", "False True True")


def test_a_lock_acquired_twice_by_its_holder_deadlocks(reachable):
    got = reachable("""
        import threading
        l = threading.Lock()
        def f():
            l.acquire()
            l.acquire()
        t = threading.Thread(target=f)
        t.start()
        t.join()
    """)
    assert {(r.kind, r.blocked) for r in got} == {("deadlock", ("MainThread", "Thread-1 (f)"))}


def test_a_lock_can_be_released_by_another_thread(run_source):
    outcome = run_source("""
        import threading
        l = threading.Lock()
        def f():
            l.release()
        l.acquire()
        t = threading.Thread(target=f)
        t.start()
        t.join()
        print(l.locked())
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("False",)


TIMED_ACQUIRE = """
    import threading
    lock = threading.Lock()
    results = []
    def holder():
        with lock:
            pass
    def trier():
        results.append(lock.acquire(timeout=5))
    t1 = threading.Thread(target=holder)
    t2 = threading.Thread(target=trier)
    t1.start()
    t2.start()
    t2.join()
"""


def test_timed_acquire_can_time_out_while_the_lock_is_held(reachable):
    assert {tuple(r.globals["results"]) for r in reachable(TIMED_ACQUIRE, ["results"])} == {
        (True,), (False,)}


def test_timed_acquire_of_a_free_lock_never_times_out(reachable):
    free = TIMED_ACQUIRE.replace("        with lock:\n            pass", "        pass")
    assert {tuple(r.globals["results"]) for r in reachable(free, ["results"])} == {(True,)}


def test_timed_acquire_never_blocks_the_schedule():
    """Walk every state: a thread in a timed acquire always has a move (take or time out)."""
    program = compile_program(textwrap.dedent(TIMED_ACQUIRE))
    stack = [Machine(program)]
    states = 0
    while stack:
        m = stack.pop()
        states += 1
        trier = m.threads[2] if len(m.threads) > 2 else None
        if trier is not None and trier.state == "alive":
            assert 2 in m.enabled()
        for tid in m.enabled():
            twin = clone(m)
            twin.step(tid)
            stack.append(twin)
    assert states > 10


# -- RLock ---------------------------------------------------------------------------------------


def test_rlock_recursion(run_source):
    outcome = run_source("""
        import threading
        r = threading.RLock()
        print(r.acquire(), r.acquire(), r.acquire(False), r.acquire(timeout=1))
        for _ in range(4):
            r.release()
        try:
            r.release()
        except RuntimeError as e:
            print("fifth:", e.args)
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("True True True True", "fifth: ('cannot release un-acquired lock',)")


def test_rlock_is_free_for_others_only_when_its_count_drops_to_zero(reachable):
    got = reachable("""
        import threading
        r = threading.RLock()
        log = []
        def owner():
            with r:
                with r:
                    log.append("inner")
                log.append("outer")
        def other():
            with r:
                log.append("other")
        t1 = threading.Thread(target=owner)
        t2 = threading.Thread(target=other)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
    """, ["log"])
    assert {tuple(r.globals["log"]) for r in got} == {
        ("inner", "outer", "other"), ("other", "inner", "outer")}
    assert {r.kind for r in got} == {"done"}


def test_rlock_released_by_a_non_owner_raises(reachable):
    got = reachable("""
        import threading
        r = threading.RLock()
        def owner():
            r.acquire()
        def thief():
            r.release()
        t1 = threading.Thread(target=owner)
        t2 = threading.Thread(target=thief, name="thief")
        t1.start()
        t2.start()
        t1.join()
        t2.join()
    """)
    assert {r.errors for r in got} == {("thief: RuntimeError: cannot release un-acquired lock",)}


# -- Condition -----------------------------------------------------------------------------------

FIFO_NOTIFY = """
    import threading
    cond = threading.Condition()
    ready = threading.Semaphore(0)
    wait_order = []
    woken = []
    def waiter(n):
        with cond:
            wait_order.append(n)
            ready.release()
            cond.wait()
            woken.append(n)
    def notifier():
        ready.acquire()
        ready.acquire()
        with cond:
            cond.notify({n})
    threads = [threading.Thread(target=waiter, args=(i,)) for i in (1, 2, 3)]
    threads.append(threading.Thread(target=notifier))
    for t in threads:
        t.start()
"""


@pytest.mark.parametrize("n", [1, 2])
def test_notify_wakes_the_n_oldest_waiters(run_source, n):
    # Three waiters, too many schedules to enumerate (SEMANTICS row S20 does two): random ones.
    # Only the first two are known to wait when notify(n) runs; those woken are the n oldest.
    for seed in range(25):
        outcome = run_source(FIFO_NOTIFY.format(n=n), Random(seed)).outcome
        assert outcome.kind == "deadlock"
        assert sorted(outcome.globals["woken"]) == sorted(outcome.globals["wait_order"][:n])
        assert len(outcome.blocked) == 3 - n


def test_notify_without_waiters_and_non_positive_n_are_no_ops(run_source):
    outcome = run_source("""
        import threading
        c = threading.Condition(threading.Lock())
        with c:
            c.notify()
            c.notify(0)
            c.notify(-1)
            c.notify_all()
            print(c.wait(0), c.wait(timeout=0.01), c.wait(-1))
        print(c.wait_for(lambda: "x"))
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("False False False", "x")


WAIT_WITH_TIMEOUT = """
    import threading
    c = threading.Condition()
    results = []
    def waiter():
        with c:
            results.append(c.wait(1))
    def notifier():
        with c:
            c.notify()
    t1 = threading.Thread(target=waiter)
    t2 = threading.Thread(target=notifier)
    t1.start()
    {start_notifier}
    t1.join()
"""


def test_timed_wait_returns_true_when_notified_and_false_on_timeout(reachable):
    got = reachable(WAIT_WITH_TIMEOUT.format(start_notifier="t2.start()"), ["results"])
    assert {tuple(r.globals["results"]) for r in got} == {(True,), (False,)}


def test_timed_wait_without_a_notifier_returns_false(reachable):
    got = reachable(WAIT_WITH_TIMEOUT.format(start_notifier="pass"), ["results"])
    assert {(r.kind, tuple(r.globals["results"])) for r in got} == {("done", (False,))}


def test_wait_over_an_rlock_held_twice_restores_the_count(reachable):
    got = reachable("""
        import threading
        r = threading.RLock()
        cond = threading.Condition(r)
        holding = threading.Event()
        released = 0
        def waiter():
            global released
            with r:
                with r:
                    holding.set()
                    cond.wait()
                    for _ in range(3):
                        try:
                            r.release()
                            released += 1
                        except RuntimeError:
                            pass
        def notifier():
            holding.wait()
            with cond:  # wait() let go of both levels, or this would block for ever
                cond.notify()
        t1 = threading.Thread(target=waiter)
        t2 = threading.Thread(target=notifier)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
    """, ["released"])
    # Two releases succeed after the wake-up (the count is 2 again), the third raises, and the
    # `with` exits then raise in turn: their errors end the waiter.
    assert {r.globals["released"] for r in got} == {2}
    assert {r.kind for r in got} == {"done"}
    assert {r.errors for r in got} == {
        ("Thread-1 (waiter): RuntimeError: cannot release un-acquired lock",)}


def test_condition_over_a_lock_counts_any_holder_as_owner(reachable):
    # SEMANTICS.md §3: Condition(Lock())._is_owned is "locked by anyone".
    got = reachable("""
        import threading
        c = threading.Condition(threading.Lock())
        res = []
        def holder():
            c.acquire()
            res.append("h")
            c.release()
        def notifier():
            try:
                c.notify()
                res.append("ok")
            except RuntimeError:
                res.append("err")
        t1 = threading.Thread(target=holder)
        t2 = threading.Thread(target=notifier)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
    """, ["res"])
    assert {tuple(r.globals["res"]) for r in got} == {
        ("h", "ok"), ("ok", "h"), ("h", "err"), ("err", "h")}


def test_wait_for_returns_the_predicates_last_value(reachable):
    got = reachable("""
        import threading
        c = threading.Condition()
        n = 0
        res = []
        def w():
            with c:
                res.append(c.wait_for(lambda: n, 1))
        def setter():
            global n
            with c:
                n = 5
                c.notify()
        t1 = threading.Thread(target=w)
        t2 = threading.Thread(target=setter)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
    """, ["res"])
    assert {tuple(r.globals["res"]) for r in got} == {(0,), (5,)}


def test_a_notify_can_be_used_up_by_a_timed_out_waiter(reachable):
    # SEMANTICS.md §3, timed-wait subtlety: a waiter that timed out stays queued until it has
    # the lock again, and a notify() in that window picks it: the untimed waiter hangs.
    got = reachable("""
        import threading
        c = threading.Condition()
        res = []
        def timed():
            with c:
                res.append(("timed", c.wait(1)))
        def untimed():
            with c:
                res.append(("untimed", c.wait()))
        def notifier():
            with c:
                c.notify()
        for f in (timed, untimed, notifier):
            threading.Thread(target=f).start()
    """, ["res"])
    assert ("deadlock", (("timed", False),)) in {
        (r.kind, tuple(r.globals["res"])) for r in got}


# -- Semaphore -----------------------------------------------------------------------------------


def test_semaphore_basics(run_source):
    outcome = run_source("""
        import threading
        s = threading.Semaphore(0)
        print(s.acquire(False), s.acquire(timeout=0))
        s.release(3)
        print(s.acquire(), s.acquire(), s.acquire(), s.acquire(False))
        s.release()
        s.release()
        b = threading.Semaphore()
        print(b.acquire(), b.acquire(blocking=False))
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("False False", "True True True False", "True False")


def test_a_plain_semaphore_grows_past_its_initial_value(run_source):
    outcome = run_source("""
        import threading
        s = threading.Semaphore(1)
        s.release()
        s.release()
        n = 0
        while s.acquire(False):
            n += 1
        print(n)
    """).outcome
    assert outcome.output == ("3",)


def test_release_n_wakes_n_waiters(reachable):
    got = reachable("""
        import threading
        s = threading.Semaphore(0)
        through = []
        def acquirer(n):
            s.acquire()
            through.append(n)
        def releaser():
            s.release(2)
        for target, args in ((acquirer, (1,)), (acquirer, (2,)), (releaser, ())):
            threading.Thread(target=target, args=args).start()
    """, ["through"])
    assert {(r.kind, tuple(sorted(r.globals["through"]))) for r in got} == {("done", (1, 2))}


def test_a_newcomer_can_take_a_released_unit_from_a_woken_waiter(reachable):
    got = reachable("""
        import threading
        s = threading.Semaphore(0)
        res = []
        def acquirer():
            s.acquire()
            res.append("waiter")
        def barger():
            res.append(s.acquire(False))
        t1 = threading.Thread(target=acquirer)
        t2 = threading.Thread(target=s.release)
        t3 = threading.Thread(target=barger)
        t1.start()
        t2.start()
        t3.start()
    """, ["res"])
    assert ("deadlock", (True,)) in {(r.kind, tuple(r.globals["res"])) for r in got}


def test_bounded_semaphore_checks_before_changing_its_value(run_source):
    outcome = run_source("""
        import threading
        s = threading.BoundedSemaphore(2)
        s.acquire()
        try:
            s.release(2)
        except ValueError as e:
            print(e.args)
        n = 0
        while s.acquire(False):
            n += 1
        print(n)
    """).outcome
    assert outcome.output == ("('Semaphore released too many times',)", "1")


# -- Event ---------------------------------------------------------------------------------------


def test_event_basics(run_source):
    outcome = run_source("""
        import threading
        e = threading.Event()
        print(e.is_set(), e.wait(0), e.wait(0.5))
        e.set()
        print(e.is_set(), e.wait(), e.wait(1))
        e.clear()
        print(e.is_set(), e.wait(0.0))
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("False False False", "True True True", "False False")


def test_event_wait_returns_true_even_if_cleared_before_the_waiter_runs(reachable):
    got = reachable("""
        import threading
        ev = threading.Event()
        returned = []
        def waiter():
            returned.append(ev.wait())
        def flipper():
            ev.set()
            ev.clear()
        t1 = threading.Thread(target=waiter)
        t2 = threading.Thread(target=flipper)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
        flag = ev.is_set()
    """, ["returned", "flag"])
    assert {(r.kind, tuple(r.globals["returned"]), r.globals["flag"]) for r in got} == {
        ("done", (True,), False), ("deadlock", (), None)}


def test_event_timed_wait_returns_false_only_on_timeout(reachable):
    got = reachable("""
        import threading
        ev = threading.Event()
        returned = []
        def waiter():
            returned.append(ev.wait(2))
        t = threading.Thread(target=waiter)
        t.start()
        ev.set()
        t.join()
    """, ["returned"])
    assert {tuple(r.globals["returned"]) for r in got} == {(True,), (False,)}


def test_join_with_a_timeout_returns_with_the_thread_alive(reachable):
    got = reachable("""
        import threading
        ev = threading.Event()
        def waiter():
            ev.wait()
        t = threading.Thread(target=waiter)
        t.start()
        first = t.join(0.5)
        alive = t.is_alive()
        ev.set()
        t.join()
        after = t.is_alive()
    """, ["first", "alive", "after"])
    assert {tuple(sorted(r.globals.items())) for r in got} == {
        (("after", False), ("alive", True), ("first", None))}


# -- Barrier -------------------------------------------------------------------------------------

BARRIER = """
    import threading
    ran_action = []
    def action():
        ran_action.append(threading.current_thread().name)
    barrier = threading.Barrier({parties}, action=action)
    indices = {{}}
    def worker():
        indices[threading.current_thread().name] = barrier.wait()
    threads = [threading.Thread(target=worker) for _ in range({parties})]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
"""


def _check_barrier_outcome(kind: str, globals_: dict, parties: int) -> None:
    assert kind == "done"
    indices = globals_["indices"]
    assert sorted(indices.values()) == list(range(parties))
    assert len(globals_["ran_action"]) == 1
    # The last to arrive (index parties - 1) runs the action, in its own thread.
    assert indices[globals_["ran_action"][0]] == parties - 1


def test_barrier_indices_and_action_in_every_schedule(reachable):
    got = reachable(BARRIER.format(parties=2), ["indices", "ran_action"])
    assert len(got) == 4  # either thread can arrive first, and the two get back in either order
    for r in got:
        _check_barrier_outcome(r.kind, r.globals, 2)


@pytest.mark.parametrize("seed", range(12))
def test_barrier_of_three_indices_and_action_under_random_schedules(run_source, seed):
    outcome = run_source(BARRIER.format(parties=3), Random(seed)).outcome
    _check_barrier_outcome(outcome.kind, outcome.globals, 3)


def test_barrier_action_that_raises_breaks_the_barrier(reachable):
    got = reachable("""
        import threading
        def boom():
            raise KeyError("boom")
        b = threading.Barrier(2, action=boom)
        def w():
            b.wait()
        t1 = threading.Thread(target=w)
        t2 = threading.Thread(target=w)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
        broken = b.broken
    """, ["broken"])
    assert {r.errors for r in got} == {
        ("Thread-1 (w): KeyError: 'boom'", "Thread-2 (w): BrokenBarrierError"),
        ("Thread-1 (w): BrokenBarrierError", "Thread-2 (w): KeyError: 'boom'")}
    assert {r.globals["broken"] for r in got} == {True}


def test_barrier_timeout_breaks_it_for_everyone(reachable):
    got = reachable("""
        import threading
        b = threading.Barrier(2, timeout=1)
        def w():
            b.wait()
        t1 = threading.Thread(target=w)
        t2 = threading.Thread(target=w)
        t1.start()
        t2.start()
        t1.join()
        t2.join()
        broken = b.broken
    """, ["broken"])
    assert {(r.globals["broken"], r.errors) for r in got} == {
        (False, ()),
        (True, ("Thread-1 (w): BrokenBarrierError", "Thread-2 (w): BrokenBarrierError"))}


def test_barrier_reset_and_abort(run_source):
    outcome = run_source("""
        import threading
        b = threading.Barrier(1)
        print(b.wait(), b.parties, b.n_waiting, b.broken)
        b.abort()
        print(b.broken)
        b.reset()
        print(b.broken, b.wait())
    """).outcome
    assert outcome.errors == ()
    assert outcome.output == ("0 1 0 False", "True", "False 0")


def test_barrier_reset_breaks_the_current_waiters(reachable):
    got = reachable("""
        import threading
        b = threading.Barrier(2)
        def w():
            b.wait()
        t = threading.Thread(target=w)
        t.start()
        b.reset()
        b.abort()
        t.join()
    """)
    assert {r.errors for r in got} == {("Thread-1 (w): BrokenBarrierError",)}


# -- threads and the end of the program ---------------------------------------------------------


def test_daemon_threads_are_stopped_when_the_program_ends(run_source):
    outcome = run_source("""
        import threading
        out = []
        def spin():
            while True:
                out.append(1)
                out.pop()
        t = threading.Thread(target=spin, daemon=True)
        t.start()
        print(t.daemon)
    """).outcome
    assert outcome.kind == "done"
    assert outcome.output == ("True",)


def test_thread_local_keeps_one_namespace_per_thread(run_source):
    outcome = run_source("""
        import threading
        local = threading.local()
        lock = threading.Lock()
        seen = []
        def f(n):
            local.v = n
            with lock:
                seen.append(local.v)
        threads = [threading.Thread(target=f, args=(i,)) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        local.v = "main"
        print(sorted(seen), local.v)
    """, RoundRobin(1)).outcome
    assert outcome.output == ("[0, 1, 2] main",)


def test_an_rlock_says_whether_the_caller_owns_it_as_cpython_does(run_cpython):
    """`_is_owned()` and `_recursion_count()`: private, but lessons print them."""
    source = textwrap.dedent("""
        import threading
        r = threading.RLock()
        seen = []
        def other():
            seen.append((r._is_owned(), r._recursion_count()))
        print(r._is_owned(), r._recursion_count())
        with r:
            with r:
                print(r._is_owned(), r._recursion_count())
                t = threading.Thread(target=other)
                t.start()
                t.join()
        print(seen, r._is_owned(), r._recursion_count())
    """)
    done = run(compile_program(source), RoundRobin(1), record=False).outcome
    assert list(done.output) == run_cpython(source)[0]

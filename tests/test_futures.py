"""`concurrent.futures` (app/engine/stdlib/futures.py, future.py): programs whose output does
not depend on the schedule print what CPython 3.13 prints under every policy (worker names,
`map`'s order, exceptions raised again, cancellation, callbacks, `wait`, `as_completed`);
and facts read off CPython 3.13's Lib/concurrent/futures/thread.py and _base.py, checked over
every schedule by the explorer."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import CPython, Random, RoundRobin, compile_program, explore, run
from app.engine.errors import CompileError
from tests.support.running import as_run_cpython

POLICIES = (RoundRobin(1), RoundRobin(7), Random(0), Random(1), Random(2), CPython())

DETERMINISTIC = {
    "worker names and prefixes": """
        import threading
        from concurrent.futures import ThreadPoolExecutor
        def who(x):
            return threading.current_thread().name, x
        with ThreadPoolExecutor(max_workers=1) as a:
            print(a.submit(who, 1).result())
        with ThreadPoolExecutor(1, thread_name_prefix="io") as b:
            print(b.submit(who, 2).result())
        with ThreadPoolExecutor(1) as c:
            print(list(c.map(who, [3, 4])))
        print(threading.active_count())
    """,
    "map keeps the order and raises where the failing result is reached": """
        import concurrent.futures
        def check(n):
            if n < 0:
                raise ValueError(f"negative: {n}")
            return n * n
        with concurrent.futures.ThreadPoolExecutor(4) as ex:
            print(list(ex.map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6, 7])))
            try:
                for r in ex.map(check, [1, 2, -1, 4]):
                    print("got", r)
            except ValueError as e:
                print("ValueError:", e)
            for name, sq in zip(["a", "b"], ex.map(check, [3, 4])):
                print(name, sq)
            print(list(ex.map(check, [])))
    """,
    "a task's exception is kept in its future and raised again": """
        from concurrent.futures import ThreadPoolExecutor
        def boom(n):
            raise ValueError(f"bad {n}")
        with ThreadPoolExecutor(2) as ex:
            f = ex.submit(boom, 1)
            print(repr(f.exception()))
            try:
                f.result()
            except ValueError as err:
                print("caught", err)
            print(ex.submit(boom).exception())
            print(ex.submit(boom, n=3).exception())
        ex.submit(boom, 2)
    """,
    "an uncaught exception from result()": """
        from concurrent.futures import ThreadPoolExecutor
        def boom():
            raise KeyError("k")
        with ThreadPoolExecutor() as ex:
            ex.submit(boom).result()
    """,
    "cancel and callbacks": """
        import threading
        from concurrent.futures import ThreadPoolExecutor, CancelledError
        started, gate, gate2 = threading.Event(), threading.Event(), threading.Event()
        def block():
            started.set()
            gate.wait()
            return "opened"
        def block2():
            gate2.wait()
            return 2
        def report(f):
            print("callback:", f.cancelled(), threading.current_thread().name)
        with ThreadPoolExecutor(max_workers=1) as ex:
            a = ex.submit(block)
            b = ex.submit(print, "never runs")
            b.add_done_callback(report)
            started.wait()
            print(b.cancel(), b.cancel(), b.cancelled(), b.done(), b.running())
            print(a.running(), a.cancel())
            gate.set()
            print(a.result(), a.done(), a.cancel(), a.cancelled())
            a.add_done_callback(report)
            try:
                b.result()
            except CancelledError:
                print("b was cancelled")
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="w") as ex:
            c = ex.submit(block2)
            c.add_done_callback(report)
            gate2.set()
        print("end", c.result())
    """,
    "shutdown cancels queued calls and refuses new ones": """
        import threading
        from concurrent.futures import ThreadPoolExecutor
        started, gate = threading.Event(), threading.Event()
        def block():
            started.set()
            gate.wait()
            return "opened"
        ex = ThreadPoolExecutor(max_workers=1)
        a = ex.submit(block)
        fs = [ex.submit(print, i) for i in range(3)]
        started.wait()
        ex.shutdown(wait=False, cancel_futures=True)
        print([f.cancelled() for f in fs])
        try:
            ex.submit(print, 1)
        except RuntimeError as e:
            print("RuntimeError:", e)
        gate.set()
        print(a.result())
        ex.shutdown()
        print("joined", threading.active_count())
    """,
    "as_completed yields in completion order": """
        import threading
        from concurrent.futures import ThreadPoolExecutor, as_completed
        events = {"b": threading.Event(), "c": threading.Event()}
        def job(name):
            if name in events:
                events[name].wait()
            return name
        with ThreadPoolExecutor(max_workers=3) as ex:
            fs = [ex.submit(job, name) for name in "abc"]
            for f in as_completed(fs + fs[:1]):
                name = f.result()
                print("completed", name)
                if name == "a":
                    events["c"].set()
                if name == "c":
                    events["b"].set()
    """,
    "map walks any iterable, as zip does": """
        import itertools
        from concurrent.futures import ThreadPoolExecutor
        class Countdown:
            def __init__(self, n):
                self.n = n
            def __iter__(self):
                return self
            def __next__(self):
                if self.n == 0:
                    raise StopIteration
                self.n -= 1
                return self.n
        def gen():
            for i in range(3):
                print("gen yields", i)
                yield i
        prices = {"apple": 3, "pear": 5}
        with ThreadPoolExecutor(2) as ex:
            print(list(ex.map(lambda x: x * 2, gen())))
            print(list(ex.map(abs, {-3}, iter([7, 8]))))
            print(list(ex.map(lambda k, v: f"{k}={v}", prices, prices.values())))
            print(list(ex.map(pow, map(int, ["2", "3"]), itertools.count(2))))
            print(list(ex.map(lambda p: p, enumerate(filter(None, [0, "a", "b"])))))
            print(list(ex.map(lambda x: -x, Countdown(3))), list(ex.map(abs, reversed([-1, 2]))))
            print(list(ex.map(abs, ex.map(lambda x: -x, [1, 2]))))
            try:
                ex.map(abs, 5)
            except TypeError as e:
                print(e)
    """,
    "wait and as_completed take any iterable of futures": """
        import threading
        from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
        gate = threading.Event()
        def job(x):
            if x == 0:
                gate.wait()
            return x
        with ThreadPoolExecutor(3) as ex:
            fs = {ex.submit(job, i): i for i in range(3)}
            done, not_done = wait(f for f in fs if fs[f] > 0)
            print(len(done), len(not_done))
            first = wait(iter(list(fs)), return_when=FIRST_COMPLETED)
            print(len(first.done) >= 1, len(wait(map(lambda f: f, fs), timeout=0).done) >= 2)
            gate.set()
            print(sorted(f.result() for f in as_completed(f for f in fs)))
            print(len(wait(map(lambda f: f, fs)).done))
    """,
    "a with block left by an exception still waits for the calls": """
        import time
        from concurrent.futures import ThreadPoolExecutor
        def job(n):
            time.sleep(0.05)
            print("job", n, "done")
        try:
            with ThreadPoolExecutor(1) as ex:
                fs = [ex.submit(job, i) for i in range(3)]
                raise KeyError("oops")
        except KeyError as e:
            print("caught", e, [f.done() for f in fs])
    """,
    "wait and timeouts": """
        import threading
        import concurrent.futures as cf
        gate = threading.Event()
        def job(x):
            if x == "gated":
                gate.wait()
            if x == "boom":
                raise RuntimeError(x)
            return x
        with cf.ThreadPoolExecutor(max_workers=3) as ex:
            a = ex.submit(job, "a")
            g = ex.submit(job, "gated")
            done, not_done = cf.wait([a, g], return_when=cf.FIRST_COMPLETED)
            print(len(done), len(not_done), a in done, g in not_done)
            print(type(done).__name__, type(not_done).__name__, done | not_done == {a, g})
            print(cf.wait([a])._fields, sorted(cf.wait([a])._asdict()))
            for f in done:
                print("done:", f.result())
            print([len(s) for s in cf.wait([g], timeout=0)])
            b = ex.submit(job, "boom")
            print([len(s) for s in cf.wait([g, b], return_when=cf.FIRST_EXCEPTION)])
            try:
                g.result(timeout=0)
            except TimeoutError as e:
                print("timeout", repr(e))
            try:
                for f in cf.as_completed([g, a], timeout=0):
                    print("first", f.result())
            except TimeoutError as e:
                print("as_completed:", e)
            try:
                cf.wait([g], return_when="SOMETIMES")
            except ValueError as e:
                print("ValueError:", e)
            gate.set()
            print([len(s) for s in cf.wait([a, g, b])], cf.ALL_COMPLETED)
    """,
    "the program ends without shutdown: queued calls still run": """
        from concurrent.futures import ThreadPoolExecutor
        ex = ThreadPoolExecutor(max_workers=1)
        for i in range(3):
            ex.submit(print, "call", i)
    """,
    "an initializer, and one that fails": """
        import threading
        from concurrent.futures import ThreadPoolExecutor, BrokenExecutor
        local = threading.local()
        def init(tag):
            local.tag = tag
        def job(x):
            return local.tag + str(x)
        with ThreadPoolExecutor(1, initializer=init, initargs=("t",)) as ex:
            print(list(ex.map(job, [1, 2])))
        def bad_init():
            raise ValueError("no")
        ex = ThreadPoolExecutor(1, initializer=bad_init)
        f = ex.submit(job, 1)
        try:
            f.result()
        except BrokenExecutor as e:
            print("broken:", e)
        try:
            ex.submit(job, 2)
        except BrokenExecutor as e:
            print("broken again:", e)
        ex.shutdown()
    """,
    "star arguments to submit, map and wait": """
        from concurrent.futures import ThreadPoolExecutor, wait
        def f(a, b, *, c=0):
            return a + b + c
        args = (1, 2)
        kw = {"c": 3}
        with ThreadPoolExecutor(2) as ex:
            print(ex.submit(f, *args).result(), ex.submit(f, *args, **kw).result(),
                  ex.submit(f, 1, *[5], c=1).result())
            print(list(ex.map(f, *[[1, 2], [3, 4]])))
            print(len(wait(*[[ex.submit(f, 1, 1)]]).done))
            try:
                ex.submit(*[])
            except TypeError as e:
                print(e)
    """,
    "a method that may wait, called as a value (by a worker too)": """
        import threading
        from concurrent.futures import ThreadPoolExecutor
        barrier = threading.Barrier(3)
        ev = threading.Event()
        lock = threading.Lock()
        acquire, release = lock.acquire, lock.release
        print(acquire(), lock.locked())
        release()
        with ThreadPoolExecutor(3) as ex:
            fs = [ex.submit(barrier.wait) for _ in range(3)]
            print(sorted(f.result() for f in fs))
            w = ex.submit(ev.wait)
            s = ex.submit(ev.set)
            print(w.result(), s.result())
            sub = ex.submit
            print(sub(len, "abc").result())
        t = threading.Thread(target=print, args=("hi",))
        start, join = t.start, t.join
        start()
        join()
    """,
    "built-ins and methods that walk results wait for them": """
        from concurrent.futures import ThreadPoolExecutor, as_completed
        import time
        def sq(x):
            time.sleep(0.01)
            return x * x
        with ThreadPoolExecutor(3) as ex:
            print(sum(ex.map(sq, range(5))))
            print(max(ex.map(sq, [3, 1, 2])), min(ex.map(sq, [3, 1, 2])))
            print(sorted(ex.map(sq, [3, 1, 2]), reverse=True), tuple(ex.map(sq, [1, 2])))
            print(dict(zip("ab", ex.map(sq, [1, 2]))))
            for i, v in enumerate(ex.map(sq, [4, 5])):
                print(i, v)
            print(", ".join(ex.map(str, [1, 2, 3])))
            out = []
            out.extend(ex.map(sq, [6, 7]))
            print(out)
            print(sorted(f.result() for f in as_completed([ex.submit(sq, 2), ex.submit(sq, 3)])))
            print(len(list(as_completed([ex.submit(sq, 2)]))))
            print(any(ex.map(sq, [0, 0])), all(ex.map(sq, [1, 2])))
    """,
    "argument errors": """
        from concurrent.futures import ThreadPoolExecutor
        for n in (0, -1):
            try:
                ThreadPoolExecutor(n)
            except ValueError as e:
                print("ValueError:", e)
        with ThreadPoolExecutor(1) as ex:
            try:
                ex.submit()
            except TypeError as e:
                print("TypeError:", e)
            try:
                ex.map(print, [1], bad=2)
            except TypeError as e:
                print("TypeError:", e)
        pool = ThreadPoolExecutor(1)
        def stop():
            pool.shutdown()
        print(repr(pool.submit(stop).exception()))
    """,
}


#: Programs whose stderr holds a traceback CPython's pool logs, not an uncaught exception
#: ("Exception in initializer:"): only their stdout is compared.
LOGGED = {"an initializer, and one that fails"}


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_a_deterministic_executor_program_prints_what_cpython_prints(run_cpython, name):
    source = textwrap.dedent(DETERMINISTIC[name])
    output, errors = run_cpython(source)
    for policy in POLICIES:
        got_output, got_errors = as_run_cpython(source, policy)
        assert got_output == output, type(policy).__name__
        assert got_errors == ([] if name in LOGGED else errors), type(policy).__name__


# -- facts from CPython 3.13's source, over every schedule ------------------------------------


def _outcomes(source: str) -> set[tuple[str, ...]]:
    result = explore(compile_program(textwrap.dedent(source)))
    assert result.complete
    assert {found.outcome.kind for found in result.outcomes} == {"done"}
    return {tuple(found.outcome.output) for found in result.outcomes}


def test_a_worker_starts_only_when_no_worker_is_idle():
    """thread.py `_adjust_thread_count`: `if self._idle_semaphore.acquire(timeout=0): return`,
    and a worker releases the semaphore only when it finds the queue empty (3.13.0 `_worker`).
    A second call submitted after the first one's result may find the first worker idle, or
    still between finishing and going idle: both happen."""
    assert _outcomes("""
        import threading
        from concurrent.futures import ThreadPoolExecutor
        def who():
            return threading.current_thread().name
        with ThreadPoolExecutor(max_workers=5) as ex:
            first = ex.submit(who).result()
            second = ex.submit(who).result()
        print(first, second)
    """) == {("ThreadPoolExecutor-0_0 ThreadPoolExecutor-0_0",),
             ("ThreadPoolExecutor-0_0 ThreadPoolExecutor-0_1",)}


def test_never_more_workers_than_max_workers_and_names_count_up():
    """`num_threads < self._max_workers`, named '%s_%d' % (prefix, num_threads)."""
    outcomes = _outcomes("""
        import threading
        from concurrent.futures import ThreadPoolExecutor
        def who(x):
            return threading.current_thread().name
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="p") as ex:
            names = list(ex.map(who, [1, 2, 3]))
        print(names)
    """)
    seen = {name for (line,) in outcomes for name in eval(line)}  # noqa: S307 - our output
    assert seen == {"p_0", "p_1"}


def test_one_worker_runs_the_calls_in_submission_order():
    """A SimpleQueue is FIFO: with one worker the calls run in the order submitted."""
    assert _outcomes("""
        from concurrent.futures import ThreadPoolExecutor
        log = []
        with ThreadPoolExecutor(max_workers=1) as ex:
            for i in range(3):
                ex.submit(log.append, i)
        print(log)
    """) == {("[0, 1, 2]",)}


def test_cancel_succeeds_only_before_a_worker_takes_the_call():
    """`cancel()`: False once RUNNING or FINISHED; a cancelled call never runs
    (`set_running_or_notify_cancel` returns False)."""
    assert _outcomes("""
        from concurrent.futures import ThreadPoolExecutor
        ran = []
        with ThreadPoolExecutor(max_workers=1) as ex:
            f = ex.submit(ran.append, 1)
            cancelled = f.cancel()
        print(cancelled, ran)
    """) == {("True []",), ("False [1]",)}


def test_map_queues_every_call_before_the_first_result_is_asked_for():
    """`Executor.map`: `fs = [self.submit(fn, *args) for args in zip(*iterables)]` runs
    before `result_iterator()` is returned ("Yield must be hidden in closure so that the
    futures are submitted before the first iterator value is required"); and the end of
    `with` (`shutdown(wait=True)`) returns once every queued call has run."""
    assert _outcomes("""
        from concurrent.futures import ThreadPoolExecutor
        log = []
        with ThreadPoolExecutor(max_workers=2) as ex:
            results = ex.map(log.append, [1, 2])
        print(sorted(log))
    """) == {("[1, 2]",)}


def test_a_shutdown_elsewhere_stops_a_map_between_two_calls():
    """`map` submits its calls one by one, each `submit` under the pool's lock: a
    `shutdown` by another thread can come between two, and the next submit raises."""
    assert _outcomes("""
        import threading
        from concurrent.futures import ThreadPoolExecutor
        ex = ThreadPoolExecutor(1)
        got = []
        def mapper():
            try:
                got.append(len(list(ex.map(abs, [1, 2]))))
            except RuntimeError as e:
                got.append(str(e))
        t = threading.Thread(target=mapper)
        t.start()
        ex.shutdown(wait=False)
        t.join()
        print(got)
    """) == {("[2]",), ("['cannot schedule new futures after shutdown']",)}


def test_at_exit_every_pool_ends_its_workers_once_the_queue_is_empty():
    """`threading._register_atexit(_python_exit)`: before the interpreter joins its threads,
    every pool's queue gets None, behind the calls still queued: no schedule deadlocks."""
    assert _outcomes("""
        from concurrent.futures import ThreadPoolExecutor
        ex = ThreadPoolExecutor(max_workers=2)
        out = []
        for i in range(2):
            ex.submit(out.append, i)
        def last():
            print(sorted(out))
        ex.submit(last)
    """) <= {("[0, 1]",), ("[0]",), ("[1]",), ("[]",)}


def test_a_worker_waiting_on_a_call_queued_behind_it_deadlocks_and_the_report_names_it():
    program = compile_program(textwrap.dedent("""
        from concurrent.futures import ThreadPoolExecutor
        ex = ThreadPoolExecutor(max_workers=1)
        def outer():
            inner = ex.submit(print, "inner")
            return inner.result()
        ex.submit(outer).result()
    """))
    outcome = run(program, CPython()).outcome
    assert outcome.kind == "deadlock"
    reasons = {b.thread: b.reason for b in outcome.blocked}
    assert reasons["ThreadPoolExecutor-0_0"].startswith("waiting for the result of Future#")
    assert "(print('inner'))" in reasons["ThreadPoolExecutor-0_0"]
    assert "(outer())" in reasons["MainThread"]


def test_the_module_is_imported_as_cpython_allows():
    for source in ("import concurrent.futures\nprint(concurrent.futures.ALL_COMPLETED)",
                   "import concurrent.futures as cf\nprint(cf.FIRST_COMPLETED)",
                   "from concurrent import futures\nprint(futures.FIRST_EXCEPTION)"):
        assert run(compile_program(source), RoundRobin()).outcome.output[0].startswith(
            ("ALL", "FIRST"))
    annotated = ("from concurrent.futures import Executor, Future, ThreadPoolExecutor\n"
                 "def run(pool: Executor, n: int) -> Future:\n    return pool.submit(abs, n)\n"
                 "with ThreadPoolExecutor(1) as ex:\n    print(run(ex, -3).result())\n")
    assert run(compile_program(annotated), RoundRobin()).outcome.output == ("3",)
    with pytest.raises(CompileError, match="can only be used in annotations"):
        compile_program("from concurrent.futures import Executor\nExecutor()")
    with pytest.raises(CompileError, match="ProcessPoolExecutor"):
        compile_program("from concurrent.futures import ProcessPoolExecutor")
    with pytest.raises(CompileError, match="can only be used as"):
        compile_program("import concurrent.futures\nx = concurrent.futures")


def test_the_modules_timeout_error_is_the_builtin_one(run_cpython):
    """Since 3.11 `concurrent.futures.TimeoutError` is an alias of `TimeoutError`."""
    source = textwrap.dedent("""
        import concurrent.futures as cf
        from concurrent.futures import TimeoutError as FuturesTimeout
        print(cf.TimeoutError is TimeoutError, FuturesTimeout is TimeoutError)
        print(cf.CancelledError is TimeoutError, issubclass(cf.TimeoutError, OSError))
    """)
    assert as_run_cpython(source, RoundRobin()) == run_cpython(source)


def test_a_new_worker_runs_before_submit_returns(run_cpython):
    """`_adjust_thread_count`'s `t.start()` waits for the worker to run, which takes the call
    at once: the first future is running (cannot be cancelled) when `submit` returns."""
    source = textwrap.dedent("""
        import time
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=1) as ex:
            futures = [ex.submit(time.sleep, 0.1) for i in range(3)]
            print([f.running() for f in futures], futures[0].cancel(), futures[2].cancel())
        print([f.cancelled() for f in futures], [f.done() for f in futures])
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_timed_map_and_as_completed_wait_on_the_virtual_clock(run_cpython):
    """`map(…, timeout=t)` (deadline from the call of map) and `as_completed(fs, timeout=t)`
    (from its first item) wait for each result up to their deadline, in a `for` loop, in
    `next()` and in a built-in walking them, and time out only once it has passed."""
    source = textwrap.dedent("""
        import time
        from concurrent.futures import ThreadPoolExecutor, as_completed
        def slow(x):
            time.sleep(x)
            return x
        with ThreadPoolExecutor(4) as ex:
            print(list(ex.map(slow, [0.2, 0.1], timeout=5)))
            try:
                for r in ex.map(slow, [0.1, 0.5, 0.2], timeout=0.3):
                    print("map", r)
            except TimeoutError:
                print("map timed out")
            fs = [ex.submit(slow, t) for t in (0.3, 0.1, 0.6)]
            try:
                for f in as_completed(fs, timeout=0.4):
                    print("as_completed", f.result())
            except TimeoutError as e:
                print("TimeoutError:", e)
            print([f.done() for f in fs])
            print(next(ex.map(slow, [0.1], timeout=1)))
            fs = [ex.submit(slow, t) for t in (0.3, 0.1)]
            print(next(as_completed(fs)).result(), next(as_completed(fs, timeout=0.5)).result())
            try:
                next(as_completed([ex.submit(slow, 0.2)], timeout=0.1))
            except TimeoutError as e:
                print("TimeoutError:", e)
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_a_set_of_futures_iterates_in_the_order_they_were_made_and_survives_a_snapshot():
    """A future's hash is its number (future.Future): `wait`'s sets, and a set kept where
    a callback reaches it, read back from a snapshot, in the same order in every state."""
    source = """
        from concurrent.futures import ThreadPoolExecutor, wait
        class Tracker:
            def __init__(self):
                self.pending = set()
            def done(self, f):
                self.pending.discard(f)
        t = Tracker()
        with ThreadPoolExecutor(1) as ex:
            fs = [ex.submit(pow, n, 2) for n in (3, 2)]
            for f in fs:
                t.pending.add(f)
                f.add_done_callback(t.done)
            done, _ = wait(reversed(fs))
            print([f.result() for f in done], [f.result() for f in set(reversed(fs))])
        print(len(t.pending))
    """
    assert _outcomes(source) == {("[9, 4] [9, 4]", "0")}


def test_the_private_attributes_tutorials_print(run_cpython):
    """`executor._max_workers` (the default's `min(32, cpu_count + 4)`) and its siblings."""
    source = textwrap.dedent("""
        import os
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor() as ex:
            print(ex._max_workers == min(32, os.cpu_count() + 4), ex._shutdown)
            print(ex._thread_name_prefix.startswith("ThreadPoolExecutor-"), ex._initargs)
        pool = ThreadPoolExecutor(3, "io", initializer=print, initargs=("x",))
        print(pool._max_workers, pool._thread_name_prefix, pool._initializer is print)
        pool.shutdown()
        print(pool._shutdown, ex._shutdown)
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_a_class_derived_from_the_pool_sees_maps_submits(run_cpython):
    """A subclass's `submit` override (counting, logging) is what CPython's `Executor.map`
    calls for each item; `super()` reaches the pool; map's timeout still holds."""
    source = textwrap.dedent("""
        import threading, time
        from concurrent.futures import ThreadPoolExecutor, as_completed
        class LoggingExecutor(ThreadPoolExecutor):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.submitted = []
            def submit(self, fn, /, *args, **kwargs):
                self.submitted.append(fn.__name__)
                return super().submit(fn, *args, **kwargs)
            def shutdown(self, wait=True, **kwargs):
                print("shutting down after", len(self.submitted), "tasks")
                super().shutdown(wait, **kwargs)
        def who(x):
            time.sleep(0.01 * x)
            return threading.current_thread().name, x
        with LoggingExecutor(max_workers=2, thread_name_prefix="log") as ex:
            print(isinstance(ex, ThreadPoolExecutor), type(ex).__name__, ex._max_workers)
            print(list(ex.map(who, [3, 1, 2])))
            fs = [ex.submit(who, 0) for _ in range(2)]
            print(sorted(f.result()[1] for f in as_completed(fs)))
            try:
                for r in ex.map(time.sleep, [0.5, 0.01], timeout=0.1):
                    print("slept", r)
            except TimeoutError:
                print("map timed out")
            print(ex.submitted)
        print(ex._shutdown)
        class Plain(ThreadPoolExecutor):
            pass
        p = Plain()
        print(p.submit(sum, [1, 2]).result(), p._thread_name_prefix)
        p.shutdown()
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_setting_a_done_future_names_it_as_its_repr_does():
    """CPython: `InvalidStateError: FINISHED: <Future at 0x… state=finished returned int>`;
    ours is the same but for the address, which no two runs share."""
    source = textwrap.dedent("""
        from concurrent.futures import Future, InvalidStateError
        f = Future()
        f.set_result(1)
        try:
            f.set_exception(ValueError())
        except InvalidStateError as e:
            print(e)
    """)
    output, _ = as_run_cpython(source, CPython())
    assert output == ["FINISHED: <Future state=finished returned int>"]

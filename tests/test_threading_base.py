"""stdlib/threading_base.py: a program's class that derives from `threading.Event`,
`Semaphore` or `BoundedSemaphore` runs CPython's own code for them, its overrides called from
it (and `with` calling Semaphore's own acquire, as CPython's `__enter__ = acquire` does); each
program prints what CPython 3.13 prints (the `run_cpython` fixture)."""

from __future__ import annotations

import textwrap

import pytest

from tests.support.running import outcome

PROGRAMS = {
    "latch-and-logging-semaphore": """
        import threading, time
        class CountdownLatch(threading.Event):
            def __init__(self, count):
                super().__init__()
                self.count = count
                self.lock = threading.Lock()
            def count_down(self):
                with self.lock:
                    self.count -= 1
                    if self.count == 0:
                        self.set()
        class LoggingSemaphore(threading.BoundedSemaphore):
            def acquire(self, blocking=True, timeout=None):
                got = super().acquire(blocking, timeout)
                log.append(("acquire", got))
                return got
            def release(self, n=1):
                super().release(n)
                log.append(("release", n))
        log = []
        latch = CountdownLatch(3)
        sem = LoggingSemaphore(2)
        def worker(i):
            with sem:
                time.sleep(0.01 * i)
            latch.count_down()
        ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
        for t in ts:
            t.start()
        print("latch opened:", latch.wait(timeout=1), latch.count, latch.is_set())
        for t in ts:
            t.join()
        print(sorted(log), sem._value)
        try:
            sem.release()
        except ValueError as e:
            print("ValueError:", e)
        print(isinstance(latch, threading.Event), CountdownLatch.__mro__)
        print(sem.acquire(False), sem.acquire(False), sem.acquire(False))
        try:
            sem.acquire(False, 1)
        except ValueError as e:
            print("ValueError:", e)
        latch.clear()
        print(latch.wait(0.05), latch.is_set())
    """,
    "semaphore-errors-and-timeouts": """
        import threading
        class Gate(threading.Semaphore):
            pass
        for value in (-1, 0):
            try:
                g = Gate(value)
            except ValueError as e:
                print("ValueError:", e)
        print(g.acquire(timeout=0.05), g._value)
        try:
            g.release(0)
        except ValueError as e:
            print("ValueError:", e)
        g.release(3)
        print(g._value, isinstance(g, threading.Semaphore), type(g).__mro__[1])
    """,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_primitive_subclass_prints_what_cpython_prints(run_cpython, name):
    source = textwrap.dedent(PROGRAMS[name])
    done = outcome(source)
    assert done.kind == "done" and not done.errors, (done.reason, done.errors)
    assert list(done.output) == run_cpython(source)[0]

"""stdlib/atexit.py: the registered functions run last in, first out, once the main thread's
code is over and the non-daemon threads have ended; each program prints what CPython 3.13
prints (stdout and stderr)."""

from __future__ import annotations

import subprocess
import textwrap

import pytest

from tests.support.running import outcome

PROGRAMS = {
    "lifo-with-arguments": """
        import atexit
        def goodbye(name, adjective="nice"):
            print("goodbye", name, adjective)
        atexit.register(goodbye, "first")
        atexit.register(goodbye, "second", adjective="cruel")
        @atexit.register
        def cleanup():
            print("cleanup")
        print("main done")
    """,
    "after-the-non-daemon-threads": """
        import atexit, threading, time
        atexit.register(print, "exit handler")
        def worker(n):
            time.sleep(0.05 * n)
            print("worker", n, "done")
        for n in (1, 2):
            threading.Thread(target=worker, args=(n,)).start()
        print("main done")
    """,
    "unregister": """
        import atexit
        def a():
            print("a")
        def b():
            print("b")
        atexit.register(a)
        atexit.register(b)
        atexit.register(a)
        atexit.unregister(a)
        atexit.unregister(print)
    """,
    "after-sys-exit-and-registered-from-a-thread": """
        import atexit, sys, threading
        def worker():
            atexit.register(print, "registered by", threading.current_thread().name)
        t = threading.Thread(target=worker, name="w")
        t.start()
        t.join()
        sys.exit(0)
    """,
    "a-thread-pool-ends-first": """
        import atexit, time
        from concurrent.futures import ThreadPoolExecutor
        pool = ThreadPoolExecutor(max_workers=2)
        def late():
            pool.shutdown(wait=True)
            try:
                pool.submit(print, "never")
            except RuntimeError as e:
                print("RuntimeError:", e)
        atexit.register(late)
        for n in range(3):
            pool.submit(time.sleep, 0.05 * n)
        print("main done")
    """,
    "a-daemon-still-runs": """
        import atexit, threading, time
        stop = threading.Event()
        def ticker():
            while not stop.is_set():
                time.sleep(0.01)
            print("ticker saw stop")
        def shutdown():
            stop.set()
            time.sleep(0.1)
            print("shutdown done")
        atexit.register(shutdown)
        threading.Thread(target=ticker, daemon=True).start()
        print("main done")
    """,
}


@pytest.fixture
def cpython(cpython_exe):
    """`source` run by CPython: its stdout and stderr lines."""
    def run_it(source: str) -> tuple[list[str], list[str]]:
        done = subprocess.run([cpython_exe, "-c", source], capture_output=True, text=True,
                              timeout=30)
        return done.stdout.splitlines(), done.stderr.splitlines()
    return run_it


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_functions_run_as_in_cpython(cpython, name):
    source = textwrap.dedent(PROGRAMS[name])
    done = outcome(source)
    assert done.kind == "done" and not done.errors, (done.reason, done.errors)
    assert (list(done.output), list(done.stderr)) == cpython(source)


def test_a_function_that_raises_is_reported_and_the_rest_run(cpython):
    source = textwrap.dedent("""
        import atexit
        def boom():
            raise ValueError("bad")
        atexit.register(print, "still runs")
        atexit.register(boom)
    """)
    done = outcome(source)
    stdout, stderr = cpython(source)
    assert list(done.output) == stdout == ["still runs"]
    first = "Exception ignored in atexit callback <function boom"  # then its address
    assert done.stderr[0].startswith(first) and stderr[0].startswith(first)
    assert done.stderr[-1] == stderr[-1] == "ValueError: bad"

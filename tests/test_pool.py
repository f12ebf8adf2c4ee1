"""`multiprocessing.pool.ThreadPool` and `multiprocessing.dummy.Pool` (app/engine/stdlib/pool.py):
programs whose output does not hang on which worker takes which task print what CPython 3.13
prints: the threads a pool starts and their names, `map`'s chunks and order, results and
exceptions raised again, callbacks, timeouts, and the pool's states and messages."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import CPython, RoundRobin, compile_program
from app.engine.errors import CompileError
from tests.support.running import as_run_cpython

PROGRAMS = {
    "the threads a pool starts, and what is left after its with block": """
        import threading
        from multiprocessing.dummy import Pool as ThreadPool
        print(threading.active_count())
        with ThreadPool(2) as pool:
            print(sorted(t.name for t in threading.enumerate()))
            print(all(t.daemon for t in threading.enumerate()[1:]))
            print(pool.map(len, ["a", "bb", ""]))
            print(pool)
        print(threading.active_count(), pool)
        t = threading.Thread(target=print, args=("next thread",))
        print(t.name)
    """,
    "map's chunks, order and the other ways to call": """
        import threading, time
        from multiprocessing.pool import ThreadPool
        def tagged(x):
            time.sleep(0.01 * (4 - x))
            return x * x
        def show_chunks(x):
            return x
        pool = ThreadPool(processes=1)
        print(pool.map(tagged, range(5)))
        print(pool.map(tagged, range(4), chunksize=3))
        print(list(pool.imap(tagged, range(4))), list(pool.imap(tagged, [], chunksize=2)))
        print(sorted(pool.imap_unordered(tagged, range(4), chunksize=2)))
        print(pool.starmap(pow, [(2, 5), (3, 3)]), pool.apply(divmod, (17, 5)))
        print(pool.apply(sorted, ([3, 1, 2],), {"reverse": True}))
        print(pool.map(show_chunks, []))
        pool.close()
        pool.join()
    """,
    "exceptions, callbacks and timeouts": """
        import time
        import multiprocessing
        from multiprocessing.pool import ThreadPool
        def check(x):
            if x == 3:
                raise ValueError(f"bad item {x}")
            return -x
        with ThreadPool(3) as pool:
            try:
                pool.map(check, range(6))
            except ValueError as e:
                print("map:", e)
            r = pool.apply_async(check, (3,))
            r.wait()
            print(r.ready(), r.successful())
            try:
                r.get()
            except ValueError as e:
                print("get:", e)
            seen = []
            pool.map_async(check, [1, 2], callback=seen.append).wait()
            pool.apply_async(check, (3,), error_callback=lambda e: seen.append(repr(e))).wait()
            print(seen)
            try:
                for value in pool.imap(check, range(5)):
                    print("imap", value)
            except ValueError as e:
                print("imap:", e)
            slow = pool.apply_async(time.sleep, (0.3,))
            try:
                slow.get(timeout=0.05)
            except multiprocessing.TimeoutError:
                print("timed out, ready:", slow.ready())
            print(slow.get(timeout=1))
    """,
    "a pool's states and CPython's messages": """
        from multiprocessing.pool import ThreadPool
        from multiprocessing import cpu_count
        pool = ThreadPool(2)
        try:
            pool.join()
        except ValueError as e:
            print(e)
        pool.close()
        print(pool)
        for call in (lambda: pool.map(abs, [1]), lambda: pool.apply_async(abs, (1,))):
            try:
                call()
            except ValueError as e:
                print(e)
        pool.join()
        pool.terminate()
        print(pool)
        for bad in (0, -1):
            try:
                ThreadPool(bad)
            except ValueError as e:
                print(e)
        try:
            ThreadPool(1, initializer=5)
        except TypeError as e:
            print(e)
        print(cpu_count() > 0)
    """,
    "callbacks run in the result handler": """
        import threading
        from multiprocessing.pool import ThreadPool
        def where(value):
            print("callback", value, "in", threading.current_thread().name)
        with ThreadPool(2) as pool:
            pool.apply_async(abs, (-3,), callback=where).wait()
            pool.map_async(abs, [-1, -2], callback=where).wait()
            pool.apply_async(int, ("x",), error_callback=where).wait()
    """,
    "an initializer runs in each worker": """
        import threading
        from multiprocessing.dummy import Pool
        names = []
        def setup(tag):
            names.append((tag, threading.current_thread().name))
        with Pool(2, setup, ("init",)) as pool:
            print(pool.apply(len, ("abc",)))
        print(sorted(names))
    """,
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_a_pool_program_prints_what_cpython_prints(run_cpython, name):
    source = textwrap.dedent(PROGRAMS[name])
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_a_pool_program_runs_under_any_policy():
    source = textwrap.dedent(PROGRAMS["map's chunks, order and the other ways to call"])
    output, errors = as_run_cpython(source, RoundRobin(3))
    assert output[0] == "[0, 1, 4, 9, 16]" and errors == []


@pytest.mark.parametrize("source", [
    "from multiprocessing import Pool\n",
    "from multiprocessing.pool import Pool\n",
    "import multiprocessing\nmultiprocessing.Process(target=print)\n",
])
def test_process_pools_and_processes_stay_refused(source):
    with pytest.raises(CompileError, match="not supported"):
        compile_program(source)

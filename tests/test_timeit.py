"""stdlib/timeit.py: `default_timer` is `time.perf_counter` on the virtual clock, and
`timeit`/`repeat`/`Timer` run a callable as the thread's own calls, as CPython 3.13's do; a
string of code is refused."""

from __future__ import annotations

from app.engine import CPython
from tests.support.running import as_run_cpython, outcome

PROGRAM = """
import threading
import time
import timeit
from timeit import default_timer as timer

def work():
    time.sleep(0.2)

start = timer()
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = timer() - start
print(f"threads: {elapsed:.1f}s")
calls = []
t = timeit.timeit(lambda: calls.append(1), number=5)
print(len(calls), t < 1, timer is time.perf_counter)
print(len(timeit.repeat(lambda: time.sleep(0.01), repeat=3, number=2)))
print(round(timeit.Timer(lambda: time.sleep(0.1)).timeit(number=3), 1))
"""


def test_timing_threads_and_callables_prints_what_cpython_prints(run_cpython):
    assert as_run_cpython(PROGRAM, CPython()) == run_cpython(PROGRAM)


def test_a_string_of_code_is_refused():
    done = outcome("import timeit\ntimeit.timeit('x = 1', number=3)\n")
    assert [(e.type, "string of code" in e.message) for e in done.errors] == [
        ("ValueError", True)]

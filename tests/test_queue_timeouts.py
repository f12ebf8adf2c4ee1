"""A queue's timed `get`/`put` on the virtual clock (docs/semantics.md, "The virtual clock"):
its time-out step moves the clock to its deadline, and under the `cpython` policy a thread
whose sleep ends first runs before it, as in CPython."""

from __future__ import annotations

from app.engine import CPython
from tests.support.running import as_run_cpython

LATE_PUT = """
import queue, threading, time
q = queue.Queue()
start = time.time()
def late():
    time.sleep(0.3)
    q.put("late")
threading.Thread(target=late).start()
try:
    print(q.get(timeout=0.1))
except queue.Empty:
    print("timed out after", round(time.time() - start, 1))
print(q.get(timeout=1), round(time.time() - start, 1))
"""


def test_a_timed_get_waits_on_the_clock(run_cpython):
    assert as_run_cpython(LATE_PUT, CPython()) == run_cpython(LATE_PUT)


#: A timed put on a full queue, and a timed get that waits again after a wake that another
#: thread's get made come to nothing (it keeps its deadline).
FULL_AND_RACED = """
import queue, threading, time
q = queue.Queue(maxsize=1)
q.put(0)
start = time.time()
got = []
def drain():
    time.sleep(0.3)
    got.append((q.get(), round(time.time() - start, 1)))
drainer = threading.Thread(target=drain)
drainer.start()
try:
    q.put(1, timeout=0.1)
except queue.Full:
    print("full after", round(time.time() - start, 1))
q.put(2, timeout=1)
drainer.join()
print("put at", round(time.time() - start, 1), "drained", got)
e = queue.Queue()
def thief():
    time.sleep(0.2)
    e.put("x")
    got.append(e.get())
stealer = threading.Thread(target=thief)
stealer.start()
try:
    e.get(timeout=0.5)
    print("got it")
except queue.Empty:
    print("empty after", round(time.time() - start, 1))
stealer.join()
print(got)
"""


def test_a_timed_put_and_a_wait_again_keep_to_the_clock(run_cpython):
    assert as_run_cpython(FULL_AND_RACED, CPython()) == run_cpython(FULL_AND_RACED)

"""A queue's timed `get`/`put` on the virtual clock (docs/semantics.md, "The virtual clock"):
its *time out* step should move the clock to its deadline, and under the `cpython` policy a
thread whose sleep ends first should run before it. stdlib/queue.py parks a timed wait with
no deadline, so the wait times out at once without moving the clock: strict xfail until the
queue gives its waits a deadline (`primitives.start_timer` on parking, `time_out` when it
times out), as the other primitives do."""

from __future__ import annotations

import pytest

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


@pytest.mark.xfail(strict=True, reason="stdlib/queue.py: a timed wait has no deadline")
def test_a_timed_get_waits_on_the_clock(run_cpython):
    assert as_run_cpython(LATE_PUT, CPython()) == run_cpython(LATE_PUT)

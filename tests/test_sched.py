"""`sched` (app/engine/stdlib/sched.py): CPython's scheduler, run on the virtual clock, prints
what CPython 3.13 prints: events in order of time, then priority, then entry; cancelled ones
never run; events entered from another thread while `run()` sleeps; `run(blocking=False)`."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import CPython
from tests.support.running import as_run_cpython

PROGRAMS = {
    "time, priority and entry order, cancel, the queue": """
        import sched, time
        s = sched.scheduler(time.time, time.sleep)
        start = time.time()
        def event(name):
            print("EVENT", round(time.time() - start, 2), name)
        # enter() of equal delays: CPython's clock moves between the calls, ours does not
        # (computing takes no time); enterabs() gives equal times in both.
        s.enterabs(start + 0.2, 1, event, ("first",))
        s.enter(0.3, 1, event, argument=("second",))
        s.enterabs(start + 0.2, 2, event, kwargs={"name": "low priority"})
        s.enterabs(start + 0.2, 1, event, ("same time, entered later",))
        gone = s.enter(0.1, 1, event, ("cancelled",))
        s.cancel(gone)
        print(len(s.queue), s.empty(), [e.priority for e in s.queue])
        s.run()
        print(s.empty(), type(gone).__name__, gone.sequence, gone.argument)
        try:
            s.cancel(gone)
        except ValueError as e:
            print("ValueError")
    """,
    "events entered from another thread while run() sleeps": """
        import sched, threading, time
        s = sched.scheduler()
        def tick(n):
            print("tick", n, threading.current_thread().name)
            if n < 3:
                s.enter(0.1, 1, tick, (n + 1,))
        s.enter(0.1, 1, tick, (1,))
        runner = threading.Thread(target=s.run, name="runner")
        runner.start()
        time.sleep(0.05)
        s.enter(0.1, 0, print, ("from main",))
        runner.join()
        later = sched.scheduler()
        later.enter(2, 1, print, ("never",))
        print(round(later.run(blocking=False), 1), later.empty())
    """,
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_a_sched_program_prints_what_cpython_prints(run_cpython, name):
    source = textwrap.dedent(PROGRAMS[name])
    assert as_run_cpython(source, CPython()) == run_cpython(source)

"""Queues whose state a shared part keeps beside its bytes (`app/engine/lifted.py`), and their
calls worked out on that state rather than run by the interpreter: every step lands where a
replay from scratch does, and outcomes and counts are those of an unreduced walk."""

from __future__ import annotations

import pytest

from app.engine import compile_program
from app.engine.explorer import explore
from app.engine.machine import Machine
from app.sized import producers_consumers
from tests.support.walking import walk

#: Two producers and two consumers of a queue of two places: threads wait to put and to get,
#: and are woken by each other's calls.
BOUNDED = producers_consumers(2, 1)
#: A worker that ends on a sentinel; MainThread joins the queue (task_done wakes it).
TASKS = """
import queue
import threading
q = queue.Queue()
done = []
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        done.append(item * 2)
        q.task_done()
t = threading.Thread(target=worker)
t.start()
for i in range(3):
    q.put(i)
q.join()
q.put(None)
t.join()
print(sorted(done), q.unfinished_tasks)
"""
#: Calls that raise (Empty, Full), calls with timeouts (a deadline on the clock), and the
#: nowait forms, in threads that race.
RAISING = """
import queue
import threading
q = queue.Queue(maxsize=1)
got = []
def taker():
    try:
        got.append(q.get_nowait())
    except queue.Empty:
        got.append("empty")
    try:
        got.append(q.get(timeout=0.5))
    except queue.Empty:
        got.append("timeout")
def giver():
    try:
        q.put_nowait(("a", 1))
        q.put(("b", 2), timeout=0.1)
    except queue.Full:
        got.append("full")
ts = [threading.Thread(target=taker), threading.Thread(target=giver)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(got, q.qsize(), q.empty(), q.full())
"""
#: A LIFO and a priority queue; items that are lists (kept in the bytes, not lifted); a
#: program holding the queue's deque (`q.queue`) and using its mutex.
KINDS = """
import queue
import threading
lifo = queue.LifoQueue()
prio = queue.PriorityQueue()
lists = queue.Queue()
seen = lists.queue
def worker(n):
    lifo.put(n)
    prio.put((3 - n, str(n)))
    lists.put([n])
    with lists.mutex:
        size = len(seen)
    print(n, size, lifo.get(), prio.get(), lists.get())
ts = [threading.Thread(target=worker, args=(n,)) for n in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"""
#: A queue no global names: each thread's own, waited in (a deadlock), and one handed to
#: the threads as an argument.
PRIVATE = """
import queue
import threading
def lonely():
    mine = queue.Queue()
    mine.get()
def passer(q, n):
    q.put(n)
    print(q.get())
shared = queue.Queue(maxsize=1)
ts = [threading.Thread(target=lonely), threading.Thread(target=passer, args=(shared, 1)),
      threading.Thread(target=passer, args=(shared, 2))]
for t in ts:
    t.start()
"""
#: Shut down while a consumer waits (3.13's `shutdown`).
SHUTDOWN = """
import queue
import threading
q = queue.Queue()
def consumer():
    try:
        while True:
            print(q.get())
    except queue.ShutDown:
        print("shut down")
t = threading.Thread(target=consumer)
t.start()
q.put(1)
q.shutdown()
t.join()
"""
SOURCES = {"bounded": BOUNDED, "tasks": TASKS, "raising": RAISING, "kinds": KINDS,
           "private": PRIVATE, "shutdown": SHUTDOWN}


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_every_step_on_a_queue_lands_where_a_replay_does(source):
    walk(compile_program(source), limit=3000)


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_calls_worked_out_keep_every_outcome_and_count(source):
    """The walk with steps alone and twins finds what the walk of every move does, and the
    counts of schedules are the same."""
    program = compile_program(source)
    full = explore(program, reduce=False, max_seconds=60)
    reduced = explore(program, max_seconds=60)
    assert full.complete and reduced.complete
    assert sorted((o.outcome.output, o.schedules) for o in full.outcomes) == sorted(
        (o.outcome.output, o.schedules) for o in reduced.outcomes)


def test_two_producers_and_two_consumers_run_the_interpreter_rarely(monkeypatch):
    """A put or a get is worked out on the queue's state, and the thread's frames after it
    looked up by what it got: the interpreter runs once per (thread, frames, what it got),
    not once per state (it ran 9,450 times for 4,050 states)."""
    runs = []
    step = Machine.step

    def counted(m: Machine, tid: int) -> object:
        runs.append(tid)
        return step(m, tid)

    monkeypatch.setattr(Machine, "step", counted)
    result = explore(compile_program(producers_consumers(2, 2)), count=False)
    assert result.complete and result.states == 4_050
    assert len(runs) < 600


def test_mainthread_loops_over_its_threads_by_the_rest_of_the_shared_part(monkeypatch):
    """MainThread's `for t in threads:` (a list built with `+=`, so a step) and its starts and
    joins read only the rest of the shared part, never the queue's state beside it: each is
    remembered by (frames, rest), and the walk of every move runs the interpreter 163 times
    for 87,035 steps (8,109 times when they were remembered by the queue's state too)."""
    runs = []
    step = Machine.step

    def counted(m: Machine, tid: int) -> object:
        runs.append(tid)
        return step(m, tid)

    monkeypatch.setattr(Machine, "step", counted)
    result = explore(compile_program(producers_consumers(2, 2)), count=False, reduce=False)
    assert result.complete and (result.states, result.transitions) == (24_657, 87_035)
    assert runs.count(0) < 100

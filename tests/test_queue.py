"""`queue` (app/engine/stdlib/queue.py): differential tests against CPython 3.13 for programs
whose output is deterministic (one consumer), facts read off CPython 3.13's `Lib/queue.py`
checked over every schedule, a queue that never loses or duplicates an item under random
schedules, the explorer's parts, and the page's view of a queue."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine import Explicit, Machine, compile_program, encode, make_policy, run, why_blocked
from app.engine.trace import DEADLOCK, DONE
from tests.support.bruteforce import enumerate_outcomes
from tests.support.running import outcome
from tests.support.walking import walk

# -- differential: the same output as CPython 3.13 -----------------------------------------

SINGLE_THREAD = """
import queue
q = queue.Queue(maxsize=2)
print(q.maxsize, q.qsize(), q.empty(), q.full())
q.put(1); q.put_nowait(2)
print(q.qsize(), q.empty(), q.full())
try:
    q.put(3, block=False)
except queue.Full:
    print("full!")
try:
    q.put(3, timeout=0)
except queue.Full as e:
    print("full again", repr(e))
try:
    q.put(3, timeout=-1)
except ValueError as e:
    print(e)
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("empty")
try:
    q.get(timeout=-1)
except ValueError as e:
    print(e)
try:
    q.get(True, 0)
except Exception as e:
    print("exc", repr(e))
l = queue.LifoQueue()
for i in range(4):
    l.put(i)
print([l.get() for _ in range(4)])
p = queue.PriorityQueue()
for x in [(3, 'c'), (1, 'a'), (2, 'b')]:
    p.put(x)
print([p.get() for _ in range(3)])
s = queue.SimpleQueue()
s.put(5); s.put_nowait(6)
print(s.qsize(), s.get(), s.get_nowait(), s.empty())
for _ in range(2):
    q.task_done()
try:
    q.task_done()
except ValueError as e:
    print(e)
q.join()
print(q.unfinished_tasks, list(q.queue))
q.put(7)
q.shutdown()
try:
    q.put(1)
except queue.ShutDown:
    print("shut")
print(q.get())
try:
    q.get()
except queue.ShutDown:
    print("shut get")
q2 = queue.Queue()
q2.put(1); q2.put(2)
q2.shutdown(immediate=True)
print(q2.qsize(), q2.unfinished_tasks, q2.empty())
try:
    q2.get(block=False)
except queue.ShutDown:
    print("ShutDown before Empty")
"""

#: One consumer, a bounded queue (the producer waits for room), task_done and join.
BOUNDED_PIPELINE = """
import queue, threading
q = queue.Queue(maxsize=1)
out = queue.Queue()
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        out.put(item * 10)
        q.task_done()
t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    q.put(i)
q.put(None)
q.join()
t.join()
res = []
while not out.empty():
    res.append(out.get())
print(res)
"""

#: Workers, daemon threads blocked in get() forever once the work is done.
DAEMON_WORKERS = """
from queue import Queue
import threading
tasks = Queue()
total = 0
lock = threading.Lock()
def worker():
    global total
    while True:
        n = tasks.get()
        with lock:
            total += n
        tasks.task_done()
for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for n in range(1, 21):
    tasks.put(n)
tasks.join()
print("total", total, "left", tasks.qsize())
"""

#: A consumer that gives up after a timeout, and a LIFO stack handed through a queue.
TIMEOUTS = """
import queue, threading
q = queue.Queue()
got = []
def consumer():
    while True:
        try:
            got.append(q.get(timeout=0.5))
        except queue.Empty:
            break
for i in range(3):
    q.put(i)
t = threading.Thread(target=consumer)
t.start()
t.join()
print(got)
stack = queue.LifoQueue(maxsize=3)
for w in "abc":
    stack.put(w)
print(stack.full(), [stack.get() for _ in range(3)], stack.empty())
"""

#: A producer that shuts the queue down; the consumer drains it and stops at ShutDown.
SHUTDOWN = """
import queue, threading
q = queue.Queue()
seen = []
def consumer():
    try:
        while True:
            seen.append(q.get())
    except queue.ShutDown:
        seen.append("shut down")
t = threading.Thread(target=consumer)
t.start()
for i in range(4):
    q.put(i)
q.shutdown()
t.join()
print(seen)
"""


@pytest.mark.parametrize("source", [SINGLE_THREAD, BOUNDED_PIPELINE, DAEMON_WORKERS, TIMEOUTS,
                                    SHUTDOWN],
                         ids=["single", "bounded", "daemons", "timeouts", "shutdown"])
def test_a_single_consumer_program_prints_what_cpython_prints(source, run_cpython):
    expected, errors = run_cpython(source)
    assert not errors
    result = outcome(source)
    assert result.kind == DONE and not result.errors
    assert list(result.output) == expected


ARGUMENT_ERRORS = """
import queue
calls = [lambda: queue.LifoQueue().put(), lambda: queue.Queue().get(1, 2, 3),
         lambda: queue.Queue().qsize(1), lambda: queue.Queue().put(1, x=2),
         lambda: queue.Queue().put(1, item=2), lambda: queue.Queue().shutdown(1, 2),
         lambda: queue.PriorityQueue().get_nowait(1)]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
"""


#: The recipe that empties a queue under its mutex, and a thread's put waiting for it.
MUTEX = """
import queue, threading
q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), type(q.mutex).__name__, q.mutex.locked(), q.not_empty is q.not_empty)
print(type(q.all_tasks_done).__name__, type(q.not_full).__name__)
with q.mutex:
    print(q.mutex.locked(), len(q.queue))
    q.queue.clear()
print(q.qsize(), q.empty(), q.mutex.locked(), q.unfinished_tasks)
def producer():
    for i in range(3):
        q.put(i)
        print('put', i)
t = threading.Thread(target=producer)
with q.mutex:
    t.start()
    print('holding', len(q.queue))
t.join()
print(q.qsize())
with q.mutex:
    q.queue.clear()
    q.all_tasks_done.notify_all()
    q.unfinished_tasks = 0
q.join()
print('joined', q.unfinished_tasks, q.qsize())
with q.not_empty:
    print(q.mutex.locked())
"""


def test_a_queue_s_mutex_and_conditions_are_cpython_s(run_cpython):
    expected, errors = run_cpython(MUTEX)
    assert not errors
    result = outcome(MUTEX)
    assert result.kind == DONE and not result.errors
    assert list(result.output) == expected


def test_no_call_on_a_queue_runs_while_a_thread_holds_its_mutex():
    """CPython's every method takes `q.mutex`: in no schedule does a put or a qsize land
    between two reads of `q.queue` under it, and a put under it deadlocks."""
    counts = outcomes("""
        import queue, threading
        q = queue.Queue()
        def other():
            q.put(1)
            q.qsize()
            q.put_nowait(2)
        t = threading.Thread(target=other)
        t.start()
        with q.mutex:
            before = len(q.queue)
            after = len(q.queue)
        t.join()
    """, ["before", "after"])
    assert {sig[1] for sig in counts} == {f"[('after', {n}), ('before', {n})]" for n in (0, 1, 2)}
    result = outcome("""
        import queue
        jobs = queue.Queue()
        with jobs.mutex:
            jobs.put(1)
    """)
    assert result.kind == DEADLOCK
    assert [b.reason for b in result.blocked] == ["blocked on jobs.mutex (it holds it itself)"]


def test_a_wrong_call_is_worded_as_cpython_words_it(run_cpython):
    expected, _ = run_cpython(ARGUMENT_ERRORS)
    assert list(outcome(ARGUMENT_ERRORS).output) == expected and len(expected) == 7


def test_an_uncaught_empty_names_the_class():
    result = outcome("""
        import queue
        queue.Queue().get_nowait()
    """)
    assert [(e.type, e.message) for e in result.errors] == [("Empty", "")]


def test_a_method_queues_do_not_have_is_an_attribute_error():
    result = outcome("""
        import queue
        try:
            queue.SimpleQueue().join()
        except AttributeError as e:
            print(e)
    """)
    assert result.output == ("'SimpleQueue' object has no attribute 'join'",)


# -- facts from Lib/queue.py, over every schedule --------------------------------------------


def outcomes(source: str, keys=None):
    return enumerate_outcomes(compile_program(textwrap.dedent(source)), keys)


def test_get_waits_for_an_item_and_fifo_order_holds_in_every_schedule():
    """`get` waits on `not_empty` until `put` notifies it; items leave in the order put."""
    counts = outcomes("""
        import queue, threading
        q = queue.Queue()
        got = []
        def consumer():
            got.append(q.get())
            got.append(q.get())
        t = threading.Thread(target=consumer)
        t.start()
        q.put("a")
        q.put("b")
        t.join()
    """, ["got"])
    assert {sig[:2] for sig in counts} == {(DONE, "[('got', ['a', 'b'])]")}


def test_put_on_a_full_queue_waits_for_a_get():
    """`put` waits on `not_full` while qsize() >= maxsize; `get` notifies one putter."""
    counts = outcomes("""
        import queue, threading
        q = queue.Queue(maxsize=1)
        order = []
        def producer():
            q.put(1)
            q.put(2)
            order.append("put 2")
        t = threading.Thread(target=producer)
        t.start()
        for _ in range(2):
            order.append("get")
            q.get()
        t.join()
    """, ["order"])
    orders = {sig[1] for sig in counts}
    assert all(sig[0] == DONE for sig in counts)
    # "put 2" can only happen after the first get made room.
    assert orders == {"[('order', ['get', 'put 2', 'get'])]",
                      "[('order', ['get', 'get', 'put 2'])]"}


def test_join_returns_only_after_every_task_is_done():
    counts = outcomes("""
        import queue, threading
        q = queue.Queue()
        log = []
        def worker():
            for _ in range(2):
                q.get()
                log.append("done")
                q.task_done()
        q.put(1)
        q.put(2)
        t = threading.Thread(target=worker)
        t.start()
        q.join()
        log.append("joined")
    """, ["log"])
    assert {sig[:2] for sig in counts} == {(DONE, "[('log', ['done', 'done', 'joined'])]")}


def test_the_oldest_waiting_getter_is_woken_first():
    """`not_empty.notify()` wakes the getter that has waited longest (FIFO): with A and then B
    waiting, the first put lets A move and B stays asleep; the second wakes B."""
    m = Machine(compile_program(textwrap.dedent("""
        import queue, threading
        q = queue.Queue()
        got = []
        def getter(name):
            got.append((name, q.get()))
        a = threading.Thread(target=getter, args=("A",))
        b = threading.Thread(target=getter, args=("B",))
        a.start()
        b.start()
        q.put(1)
        q.put(2)
    """)))
    main, a, b = 0, 1, 2
    m.step(main)
    m.step(main)
    for tid in (a, b):
        while tid in m.enabled():
            m.step(tid)
    assert why_blocked(m, m.threads[b]) == "waiting for an item on q"
    m.step(main)  # put(1)
    assert a in m.enabled() and b not in m.enabled()
    m.step(main)  # put(2)
    assert a in m.enabled() and b in m.enabled()


def test_a_getter_nobody_feeds_deadlocks_and_the_report_names_the_queue():
    result = outcome("""
        import queue, threading
        jobs = queue.Queue()
        t = threading.Thread(target=lambda: jobs.get())
        t.start()
        t.join()
    """)
    assert result.kind == DEADLOCK
    reasons = {b.thread: b.reason for b in result.blocked}
    assert reasons["Thread-1 (<lambda>)"] == "waiting for an item on jobs"


def test_a_timed_get_may_time_out_in_some_schedules_and_never_deadlocks():
    counts = outcomes("""
        import queue, threading
        q = queue.Queue()
        got = []
        def consumer():
            try:
                got.append(q.get(timeout=1))
            except queue.Empty:
                got.append("empty")
        t = threading.Thread(target=consumer)
        t.start()
        q.put(5)
        t.join()
    """, ["got"])
    assert {sig[:2] for sig in counts} == {(DONE, "[('got', [5])]"),
                                          (DONE, "[('got', ['empty'])]")}


def test_shutdown_wakes_blocked_getters_with_shutdown():
    counts = outcomes("""
        import queue, threading
        q = queue.Queue()
        got = []
        def consumer():
            try:
                q.get()
            except queue.ShutDown:
                got.append("shut down")
        t = threading.Thread(target=consumer)
        t.start()
        q.shutdown()
        t.join()
    """, ["got"])
    assert {sig[:2] for sig in counts} == {(DONE, "[('got', ['shut down'])]")}


def test_shutdown_immediate_releases_join():
    counts = outcomes("""
        import queue, threading
        q = queue.Queue()
        q.put(1)
        q.put(2)
        log = []
        def closer():
            q.shutdown(immediate=True)
        t = threading.Thread(target=closer)
        t.start()
        q.join()
        log.append(q.qsize())
        t.join()
    """, ["log"])
    assert {sig[:2] for sig in counts} == {(DONE, "[('log', [0])]")}


def test_task_done_too_many_times_is_a_value_error():
    result = outcome("""
        import queue
        q = queue.Queue()
        q.put(1)
        q.get()
        q.task_done()
        q.task_done()
    """)
    assert [(e.type, e.message) for e in result.errors] == [
        ("ValueError", "task_done() called too many times")]


def test_each_put_and_get_is_one_step():
    steps = run(compile_program(textwrap.dedent("""
        import queue
        q = queue.Queue()
        q.put(1)
        x = q.get()
    """)), Explicit(""), record=True)
    assert steps.outcome.kind != DONE  # an empty schedule stops at the first step
    trace = run(compile_program("import queue\nq = queue.Queue()\nq.put(1)\nx = q.get()\n"),
                make_policy("rr"), record=True).steps
    assert [s.action for s in trace] == ["put 1 on q → 1 queued", "get from q → 1"]


# -- a queue never loses or duplicates an item -------------------------------------------------

MANY_TO_MANY = """
import queue, threading
q = queue.Queue(maxsize={maxsize})
got = []
lock = threading.Lock()
def producer(base):
    for i in range({per}):
        q.put(base + i)
def consumer():
    while True:
        item = q.get({timed})
        if item is None:
            break
        with lock:
            got.append(item)
ps = [threading.Thread(target=producer, args=(100 * k,)) for k in range({producers})]
cs = [threading.Thread(target=consumer) for _ in range({consumers})]
for t in ps + cs:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    q.put(None)
for t in cs:
    t.join()
print(sorted(got))
"""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maxsize=st.integers(0, 3), per=st.integers(1, 4), producers=st.integers(1, 3),
       consumers=st.integers(1, 3), seed=st.integers(0, 2**32 - 1))
def test_a_queue_never_loses_or_duplicates_an_item(maxsize, per, producers, consumers, seed):
    source = MANY_TO_MANY.format(maxsize=maxsize, per=per, producers=producers,
                                 consumers=consumers, timed="")
    result = outcome(source, "random", seed)
    assert result.kind == DONE and not result.errors
    expected = sorted(100 * k + i for k in range(producers) for i in range(per))
    assert result.output == (str(expected),)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maxsize=st.integers(0, 2), timed=st.sampled_from(["", "timeout=1"]),
       seed=st.integers(0, 2**32 - 1))
def test_a_random_run_of_a_queue_program_replays_exactly(maxsize, timed, seed):
    source = MANY_TO_MANY.format(maxsize=maxsize, per=2, producers=2, consumers=2,
                                 timed=timed)
    if timed:  # a timed get may give up: the consumer then stops on Empty
        source = source.replace("item = q.get(timeout=1)", "try:\n            item = "
                                "q.get(timeout=1)\n        except queue.Empty:\n"
                                "            break")
    program = compile_program(source)
    first = run(program, make_policy("random", seed=seed), max_steps=20_000)
    assert first.outcome.kind in (DONE, DEADLOCK)
    again = run(program, Explicit(first.schedule), max_steps=20_000)
    assert again.steps == first.steps and again.outcome == first.outcome


# -- explorer and page -------------------------------------------------------------------------


def test_every_step_on_a_queue_lands_where_a_replay_does():
    source = MANY_TO_MANY.format(maxsize=1, per=2, producers=1, consumers=2, timed="")
    walk(compile_program(source), limit=600)


TIMED_AND_JOINED = """
import queue, threading
q = queue.LifoQueue(maxsize=1)
log = []
def worker():
    while True:
        try:
            item = q.get(timeout=0.1)
        except queue.Empty:
            log.append("idle")
            break
        except queue.ShutDown:
            break
        log.append(item)
        q.task_done()
t = threading.Thread(target=worker)
t.start()
try:
    q.put(1, timeout=0.1)
    q.put(2, timeout=0.1)
except queue.Full:
    log.append("full")
q.join()
q.shutdown()
t.join()
"""


def test_every_timed_and_joined_step_lands_where_a_replay_does():
    walk(compile_program(TIMED_AND_JOINED), limit=800)


def test_the_page_shows_a_queue_s_items_and_who_waits():
    from app.web.replay import Replays
    from app.web.view import build

    program = compile_program(textwrap.dedent("""
        import queue, threading
        q = queue.LifoQueue()
        q.put("a")
        q.put("b")
        done = queue.Queue()
        def worker():
            done.get()
        t = threading.Thread(target=worker)
        t.start()
    """))
    view = build(Replays(), program, encode([0, 0, 0, 1]), None, "rr", 100)
    queues = {p.label: p for p in view.primitives}
    assert queues["q"].items == ("'b'", "'a'")
    assert queues["q"].kind == "LifoQueue"
    assert queues["done"].queue == ["Thread-1 (worker)"]
    assert "1 waiting to get" in queues["done"].detail


def test_a_queue_s_method_as_a_thread_target_waits_in_the_call():
    """`Thread(target=q.get)`: the thread parks in the call as one written out would."""
    result = outcome("""
        import queue, threading
        q = queue.Queue()
        t = threading.Thread(target=q.get)
        t.start()
        q.put(5)
        t.join()
        print(q.qsize())
    """, "rr")
    assert result.kind == DONE and result.output == ("0",)
    stuck = outcome("""
        import queue, threading
        q = queue.Queue()
        t = threading.Thread(target=q.get)
        t.start()
        t.join()
    """, "rr")
    assert stuck.kind == DEADLOCK
    assert {b.thread: b.reason for b in stuck.blocked}["Thread-1 (get)"] == (
        "waiting for an item on q")


def test_every_step_under_a_queue_s_mutex_lands_where_a_replay_does():
    walk(compile_program(textwrap.dedent("""
        import queue, threading
        q = queue.Queue(maxsize=1)
        def worker():
            q.put(1)
            with q.mutex:
                q.queue.clear()
                q.all_tasks_done.notify_all()
                q.unfinished_tasks = 0
        t = threading.Thread(target=worker)
        t.start()
        q.get()
        q.join()
        t.join()
    """)), limit=600)

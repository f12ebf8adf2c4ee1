"""Symmetry (app/engine/symmetry.py): a walk that keeps one twin of states that differ only in
which of some threads alike is doing what answers as the walk that keeps every twin.

The same outcomes, deadlocks and goal answers; the same races, as places and accesses (which
threads a race names depends on which twin was kept); every witness replays, to its outcome,
or to a state where the race's two threads are both about to make its accesses.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.engine import Explicit, compile_program, explorer, run
from app.engine.explorer import Exploration, explore
from app.engine.parts import Parts, RestId
from app.engine.schedule import decode
from app.engine.symmetry import NoRun, Symmetry, may_use
from app.sized import counter
from tests.support.answering import answers, assert_witnesses_replay


def assert_twins_answer_alike(source: str) -> tuple[Exploration, Exploration]:
    """The walk with symmetry answers as the one without, and its witnesses replay."""
    program = compile_program(source)
    kept = explore(program, count=False)
    every = explore(program, count=False, symmetry=False)
    assert every.complete, every.stopped
    assert answers(kept) == answers(every)
    assert kept.states <= every.states
    assert_witnesses_replay(program, kept)
    return kept, every


def test_the_counters_keep_one_twin_of_each_state():
    for threads, k in ((2, 2), (3, 2), (3, 3)):
        kept, every = assert_twins_answer_alike(counter(threads, k))
        assert kept.states * (threads - 1) < every.states, (threads, k)


LOCKED = """\
import threading
total = 0
lock = threading.Lock()
def work():
    global total
    with lock:
        total += 1
    print("done", total)
    with lock:
        total += 1
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
"""

IN_MAIN = """\
import threading
hits = []
def work(step):
    hits.append(step)
    if len(hits) > 1:
        hits.pop()
def main():
    threads = []
    for _ in range(3):
        threads.append(threading.Thread(target=work, args=(1,)))
    for t in threads:
        t.start()
    for thread in threads:
        thread.join()
    print(hits)
if __name__ == "__main__":
    main()
"""


SEMAPHORE = """\
import threading
import queue
done = queue.Queue()
pool = threading.BoundedSemaphore(2)
busy = 0
def work():
    global busy
    with pool:
        busy += 1
        busy -= 1
    done.put(busy)
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(done.qsize(), busy)
"""


#: A thread in the library's own code (a lazy map's loop) when the walk looks for twins.
MAPPED = """\
import threading
counter = 0
def bump(x):
    global counter
    counter += x
    return counter
def work():
    list(map(bump, [1, 2]))
threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
print(counter)
"""


#: Consumers alike waiting in `get` while others run: a thread waiting moves with its place
#: in the queue's list of getters.
CONSUMERS = """\
import threading
import queue
q = queue.Queue(maxsize=1)
got = []
def producer(n):
    for i in range(2):
        q.put((n, i))
def consumer():
    for _ in range(2):
        got.append(q.get())
threads = [threading.Thread(target=producer, args=(n,)) for n in range(2)]
threads += [threading.Thread(target=consumer) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(got), q.qsize())
"""


@pytest.mark.parametrize("source", [LOCKED, IN_MAIN, SEMAPHORE, MAPPED, CONSUMERS],
                         ids=["lock", "main", "sem", "map", "consumers"])
def test_threads_alike_with_locks_and_arguments(source):
    kept, every = assert_twins_answer_alike(source)
    assert kept.states < every.states


#: Runs whose report names a thread (a crash, a deadlock): the walk keeps every twin.
NAMED = {
    "crash": """\
import threading
n = 0
def work():
    global n
    n += 1
    if n == 1:
        raise ValueError("first")
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
print(n)
""",
    "deadlock": """\
import threading
lock = threading.Lock()
n = 0
def work():
    global n
    lock.acquire()
    n += 1
    if n < 2:
        lock.release()
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads: t.start()
for t in threads: t.join()
""",
}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_a_run_that_names_a_thread_walks_every_twin(name):
    kept, _ = assert_twins_answer_alike(NAMED[name])
    assert any(o.outcome.kind != "done" or o.outcome.errors for o in kept.outcomes)


#: Programs whose threads can be told apart: nothing is merged, and the answers are the same.
APART = {
    "names": "import threading\nn = 0\ndef work():\n    global n\n    n += 1\n"
             "    print(threading.current_thread().name, n)\n",
    "between joins": "import threading\nn = 0\ndef work():\n    global n\n    n += 1\n"
                     "    n += 1\n",
}
_MAIN = ("threads = [threading.Thread(target=work) for _ in range(3)]\n"
         "for t in threads: t.start()\n")


def test_joins_in_a_row_are_a_join_loop():
    """`t1.join(); t2.join()`: nothing else between the joins, as in a loop."""
    source = counter(3, 2).replace(
        "threads = [threading.Thread(target=work) for _ in range(3)]\n"
        "for t in threads: t.start()\nfor t in threads: t.join()\n",
        "a = threading.Thread(target=work)\nb = threading.Thread(target=work)\n"
        "c = threading.Thread(target=work)\na.start(); b.start(); c.start()\n"
        "a.join(); b.join()\nc.join()\n")
    assert "c.join()" in source
    kept, every = assert_twins_answer_alike(source)
    assert kept.twins_merged and kept.states * 2 < every.states
    # A print after the first join: only the two joined after it, with nothing between, may
    # trade places once MainThread waits for the second.
    assert_twins_answer_alike(
        source.replace("a.join(); b.join()", "a.join()\nprint(counter)\nb.join()"))


def test_threads_told_apart_are_not_merged():
    names = compile_program(APART["names"] + _MAIN + "for t in threads: t.join()\n")
    assert not may_use(names)
    assert_twins_answer_alike(APART["names"] + _MAIN + "for t in threads: t.join()\n")
    # MainThread prints between two joins: which thread finishes first is seen.
    between = APART["between joins"] + _MAIN + (
        "for t in threads:\n    t.join()\n    print(n)\n")
    kept, every = assert_twins_answer_alike(between)
    assert kept.states == every.states


SNIPPETS = [
    "n += 1",
    "with lock:\n    n += 1",
    "x = n\nn = x + 2",
    "items.append(1)",
    "if items:\n    items.pop()",
    "print('at', n)",
    "if n == 3:\n    raise RuntimeError('three')",
    "lock.acquire()\nn -= 1\nlock.release()",
    "time.sleep(0.1)",
    "for _ in range(2):\n    n += k",
    "with sem:\n    n += 1",
    "ev.set()",
    "if ev.is_set():\n    n += 1",
    "q.put(n)",
    "if not q.empty():\n    q.get()",
    "q.put(k)\nn += q.get()",
    "if n == 0:\n    ev.wait()\nelse:\n    ev.set()",
    "items.extend(map(abs, [n, -n]))",
    "total = sum(x for x in items)\nn += total % 2",
    "for x in (i * k for i in range(2)):\n    n += x",
]


#: How MainThread makes, starts and joins its threads: alike, or in two groups by argument;
#: joined in a loop at module level, in a function, over a tuple, or with a print between
#: joins (which tells the threads apart).
MAINS = {
    "loop": ["threads = [threading.Thread(target=work, args=(1,)) for _ in range({n})]",
             "for t in threads:", "    t.start()", "for t in threads:", "    t.join()"],
    "groups": ["threads = [threading.Thread(target=work, args=(i % 2,)) for i in range({n})]",
               "for t in threads:", "    t.start()", "for t in threads:", "    t.join()"],
    "function": ["def main():", "    threads = []", "    for _ in range({n}):",
                 "        threads.append(threading.Thread(target=work, args=(1,)))",
                 "    for t in threads:", "        t.start()", "    for t in threads:",
                 "        t.join()", "main()"],
    "tuple": ["a = threading.Thread(target=work, args=(1,))",
              "b = threading.Thread(target=work, args=(1,))", "a.start()", "b.start()",
              "for t in (a, b):", "    t.join()"],
    "in a row": ["a = threading.Thread(target=work, args=(1,))",
                 "b = threading.Thread(target=work, args=(1,))",
                 "c = threading.Thread(target=work, args=(1,))",
                 "a.start(); b.start(); c.start()", "a.join(); b.join()", "c.join()"],
    "print in a row": ["a = threading.Thread(target=work, args=(1,))",
                       "b = threading.Thread(target=work, args=(1,))",
                       "a.start(); b.start()", "a.join()", "print(n)", "b.join()"],
    "print between joins": [
        "threads = [threading.Thread(target=work, args=(1,)) for _ in range({n})]",
        "for t in threads:", "    t.start()", "for t in threads:", "    t.join()",
        "    print('joined', n)"],
}


@st.composite
def alike_programs(draw) -> str:
    body = draw(st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=3))
    threads = draw(st.integers(2, 4))
    main = draw(st.sampled_from(sorted(MAINS)))
    lines = ["import threading", "import time", "import queue", "n = 0", "items = []",
             "lock = threading.Lock()", "sem = threading.Semaphore(2)", "ev = threading.Event()",
             "q = queue.Queue()", "def work(k):", "    global n"]
    for snippet in body:
        lines += ["    " + line for line in snippet.splitlines()]
    lines += [line.format(n=threads) for line in MAINS[main]]
    lines += ["print(n, items)"]
    return "\n".join(lines) + "\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=alike_programs())
def test_generated_programs_of_threads_alike(source):
    program = compile_program(source)
    assume(explore(program, max_states=4_000, count=False, symmetry=False).complete)
    assert_twins_answer_alike(source)


@pytest.mark.parametrize("prefix", ["a4", "a4b3c2", "a4c2b1d2"])
def test_from_a_step_a_learner_is_looking_at(prefix):
    """Exploring from a schedule's prefix: every witness starts with it and replays, and the
    schedules counted (on the graph of every move) are the same."""
    program = compile_program(counter(3, 2))
    kept = explore(program, prefix=prefix)
    every = explore(program, prefix=prefix, symmetry=False)
    assert kept.states < every.states
    assert sorted((o.outcome.output, o.schedules) for o in kept.outcomes) == sorted(
        (o.outcome.output, o.schedules) for o in every.outcomes)
    for found in kept.outcomes:
        assert decode(found.witness)[:len(decode(prefix))] == decode(prefix)
        assert run(program, Explicit(found.witness)).outcome.output == found.outcome.output


def test_the_answer_says_whether_twins_were_merged():
    assert explore(compile_program(counter(3, 2)), count=False).twins_merged
    assert explore(compile_program(counter(3, 2)), count=False).to_dict()["twins_merged"]
    assert not explore(compile_program(counter(3, 2)), count=False, symmetry=False).twins_merged
    assert not explore(compile_program(NAMED["crash"]), count=False).twins_merged


def test_a_walk_stops_making_plans_that_do_not_pay():
    """Each new shared part costs a plan (a machine read); past 256, a walk that has turned
    fewer states into twins than a quarter of the plans it has made makes no more (its
    answers are the same: a twin kept is never wrong)."""
    program = compile_program(counter(2, 1))
    symmetry = Symmetry(Parts(run(program, Explicit(""), record=False).machine,
                              lambda *_: None))
    symmetry.plans.update({(RestId(i), 2): None for i in range(255)})
    assert symmetry._worth_a_plan()
    symmetry.plans[RestId(255), 2] = None
    symmetry.merged = 63
    assert not symmetry._worth_a_plan()
    symmetry.merged = 64
    assert symmetry._worth_a_plan()


def test_a_witness_no_run_stands_for_walks_again_keeping_every_twin(monkeypatch):
    """Should a path of twins have no run (twins this module took for alike that were not),
    the explorer does not fail: it walks again keeping every twin."""
    def no_run(*args):
        raise NoRun("Thread-2 cannot move")
    monkeypatch.setattr(explorer, "concrete", no_run)
    found = explore(compile_program(counter(3, 2)), count=False)
    assert found.complete and not found.twins_merged
    assert sorted(o.outcome.output for o in found.outcomes) == [(str(n),) for n in range(2, 7)]

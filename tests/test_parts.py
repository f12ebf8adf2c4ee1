"""States in parts: a remembered step must land exactly where running the schedule lands."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app import scenarios
from app.engine import compile_program
from app.engine.explorer import explore
from app.engine.machine import Machine
from app.engine.parts import WHOLE
from app.sized import counter, philosophers
from tests.support.bruteforce import enumerate_outcomes, signature
from tests.support.generated import threaded_programs
from tests.support.walking import walk

SEMANTICS = sorted((Path(__file__).parent / "programs" / "semantics").glob("*.py"))

#: A list handed from one thread to another and kept by both: no shared variable holds it,
#: so the shared part takes it in (`Parts._split`'s `both`), and both threads' frames name it
#: by its position there: the consumer's `+= 10` is on the producer's list.
HANDED_OVER = """
import threading
box = []
total = 0
def producer():
    global total
    item = [1]
    box.append(item)
    item[0] += 1
    total += item[0]
def consumer():
    global total
    if box:
        got = box.pop()
        got[0] += 10
        total += got[0]
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print(total)
"""


#: A shared list replaced by an equal one while a thread still holds the old: the shared part
#: writes the same bytes, but its objects are not the same ones.
REPLACED = """
import threading
g = [1]
def worker():
    global g
    mine = g
    g = [1]
    mine.append(2)
t = threading.Thread(target=worker)
t.start()
t.join()
print(g)
"""


@pytest.mark.parametrize("path", SEMANTICS, ids=lambda p: p.stem)
def test_every_step_of_the_semantics_corpus_lands_where_a_replay_does(path):
    walk(compile_program(path.read_text()))


@pytest.mark.parametrize("scenario", sorted(scenarios.catalog()))
def test_every_step_of_a_scenario_lands_where_a_replay_does(scenario):
    walk(compile_program(scenarios.get(scenario).source), limit=400)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=threaded_programs())
def test_every_step_of_a_generated_program_lands_where_a_replay_does(source):
    walk(compile_program(source), limit=300)


#: Lists a function's locals hand to a thread pool's workers, which MainThread's frames keep
#: while a worker's hold them.
HANDED_TO_POOL = """
from concurrent.futures import ThreadPoolExecutor
def count(words, seen):
    seen.append(len(words))
    return len(words)
def main():
    seen = []
    chunks = [["a", "b"], ["c"]]
    with ThreadPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(count, chunk, seen) for chunk in chunks]
        print(sum(f.result() for f in futures), sorted(seen), chunks)
main()
"""


def test_lists_handed_to_a_pool_are_shared_by_position():
    states = walk(compile_program(HANDED_TO_POOL), limit=1500)
    assert not any(state[1] == WHOLE for state in states)


def test_an_object_two_threads_keep_is_shared_by_position_and_counts_stay_exact():
    program = compile_program(HANDED_OVER)
    states = walk(program)
    assert not any(state[1] == WHOLE for state in states)
    result = explore(program)
    got: dict = {}
    for found in result.outcomes:
        key = signature(found.outcome)
        got[key] = got.get(key, 0) + found.schedules
    assert got == enumerate_outcomes(program)


def test_an_equal_object_in_place_of_a_held_one_is_not_the_same_object():
    program = compile_program(REPLACED)
    walk(program)
    assert [f.outcome.output for f in explore(program).outcomes] == [("[1]",)]


#: A thread pool (concurrent.futures): workers started by submit, taking calls off the
#: pool's queue, idle and woken, futures waited for in completion order.
POOL = """
from concurrent.futures import ThreadPoolExecutor, as_completed
total = 0
def add(n):
    global total
    total += n
    return n
with ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(add, 1), ex.submit(add, 2)]
    for f in as_completed(fs):
        print(f.result())
print(total)
"""
#: A pool small enough to enumerate every schedule of.
SMALL_POOL = """
from concurrent.futures import ThreadPoolExecutor
total = 0
def add(n):
    global total
    total += n
    return n
ex = ThreadPoolExecutor(max_workers=2)
a = ex.submit(add, 1)
total += 10
print(a.result(), total)
ex.shutdown()
"""


def test_every_step_of_a_thread_pool_lands_where_a_replay_does_and_counts_stay_exact():
    walk(compile_program(POOL))
    program = compile_program(SMALL_POOL)
    walk(program)
    result = explore(program)
    got: dict = {}
    for found in result.outcomes:
        key = signature(found.outcome)
        got[key] = got.get(key, 0) + found.schedules
    assert got == enumerate_outcomes(program)
    assert {found.outcome.output for found in result.outcomes} == {
        ("1 11",), ("1 10",), ("1 1",)}


#: Plain steps of every kind: reads and writes of numbers (0.0 and -0.0 among them, equal but
#: not the same to a program), arithmetic, and last writes that end a thread, a daemon's too.
PLAIN = """
import threading
x = 0.0
n = 0
def flip():
    global x, n
    x = -0.0
    n += 1
def copy():
    global x, n
    v = x
    n += 1
    x = v * 2
def count():
    global n
    n += 1
threads = [threading.Thread(target=flip), threading.Thread(target=copy),
           threading.Thread(target=count, daemon=True)]
for t in threads:
    t.start()
threads[0].join()
threads[1].join()
print(x, n)
"""


#: Local instructions that read what other threads change (another thread's ident, a lock's
#: state in its text) right after a read of a number: those reads are not plain steps.
UNSEALED = """
import threading
x = 0
seen = ""
lock = threading.Lock()
def late():
    with lock:
        pass
def watch():
    global x, seen
    v = x
    started = helper.ident is not None
    text = str(lock)
    x = v + 1
    seen = text if started else "not started"
helper = threading.Thread(target=late)
w1 = threading.Thread(target=watch)
w2 = threading.Thread(target=watch)
w1.start()
w2.start()
helper.start()
w1.join()
w2.join()
helper.join()
print(x, seen)
"""


#: Threads holding two locks in locals while they take plain steps, and looking at the one
#: another thread takes (its text, by `str` or `%`, says whether it is locked) right after
#: one: that step is not plain, the ones before are.
HOLDING = """
import threading
x = 0
seen = []
lock = threading.Lock()
other = threading.Lock()
def hold():
    global x
    mine, theirs = lock, other
    with mine:
        x += 1
        x = x * 2
        text = str(theirs)
    seen.append(text)
def peek():
    global x
    mine, theirs = lock, other
    with mine:
        x += 1
        text = "%s" % theirs
    seen.append(text)
def bump():
    global x
    with other:
        x += 5
threads = [threading.Thread(target=hold), threading.Thread(target=bump),
           threading.Thread(target=peek)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(x, seen)
"""


#: Items of a shared list read by plain steps while other threads change the list: a read
#: is remembered by every item, not only the one it reads.
ITEMS = """
import threading
nums = [1, 2.5]
locks = [threading.Lock(), threading.Lock()]
got = 0
def read(i):
    global got
    with locks[i]:
        x = nums[-1]
        got = x
def grow():
    nums.append(7)
    nums[0] = 5
threads = [threading.Thread(target=read, args=(0,)), threading.Thread(target=grow),
           threading.Thread(target=read, args=(1,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(got, nums)
"""


#: Threads drawing from the `random` module's one generator (whose state is in the shared
#: part) between plain steps, with and without a lock around the draws; and threads each with
#: a seeded generator of their own, in a local, held by the frames, or in a shared list.
RANDOM_DRAWS = """
import random
import threading
total = 0
def draw(n):
    global total
    x = random.randint(1, 6)
    total += x
    print(n, x, random.random())
    total += n
ts = [threading.Thread(target=draw, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"""
RANDOM_LOCKED = """
import random
import threading
lock = threading.Lock()
total = 0
def draw(n):
    global total
    with lock:
        total += random.choice([1, 2, 3])
        x = random.uniform(0, n)
    total += n
    with lock:
        print(x, random.sample(range(9), 2))
ts = [threading.Thread(target=draw, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
"""
RANDOM_PER_THREAD = """
import random
import threading
total = 0
rngs = [random.Random(7), random.Random(7)]
def draw(n):
    global total
    mine = random.Random(n)
    total += mine.randint(1, 6) + rngs[n].randint(1, 3)
    shared = rngs[0]
    print(n, shared.randint(1, 3))
ts = [threading.Thread(target=draw, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total)
"""


@pytest.mark.parametrize("source", [PLAIN, UNSEALED, HOLDING, ITEMS, counter(3, 2),
                                    counter(3, 2, lock=True), philosophers(3), RANDOM_DRAWS,
                                    RANDOM_LOCKED, RANDOM_PER_THREAD],
                         ids=["plain", "unsealed", "holding", "items", "counter-3x2",
                              "lock-counter-3x2", "philosophers-3", "random-draws",
                              "random-locked", "random-per-thread"])
def test_every_plain_step_lands_where_a_replay_does(source):
    walk(compile_program(source), limit=5000)


def _small_draws(body: str, setup: str = "") -> str:
    """Two threads that each run `body` once (n is 1 or 10), few enough schedules to
    enumerate."""
    return (f"import random\nimport threading\ntotal = 0\n{setup}def draw(n):\n"
            f"    global total\n" + textwrap.indent(body, "    ") +
            "a = threading.Thread(target=draw, args=(1,))\n"
            "b = threading.Thread(target=draw, args=(10,))\na.start()\nb.start()\n")


@pytest.mark.parametrize("source", [
    _small_draws("x = random.randint(1, 100)\ntotal += x * n\n"),
    _small_draws("with lock:\n    total += random.randint(1, 100) * n\n",
                 "lock = threading.Lock()\n"),
    _small_draws("mine = random.Random(n)\n"
                 "total += mine.randint(1, 6) + rngs[0].randint(1, 100) * n\n",
                 "rngs = [random.Random(7)]\n"),
], ids=["draws", "locked", "per-thread"])
def test_draws_keep_every_outcome_and_count(source):
    """The generators' states are part of the states: schedules that draw in another order
    reach other outcomes, counted exactly."""
    program = compile_program(source)
    result = explore(program)
    got: dict = {}
    for found in result.outcomes:
        key = signature(found.outcome)
        got[key] = got.get(key, 0) + found.schedules
    assert result.complete
    assert got == enumerate_outcomes(program)
    assert len(got) > 1


@pytest.fixture
def interpreted(monkeypatch) -> list[str]:
    """The instruction of every step the interpreter runs (not looked up), in order."""
    ops: list[str] = []
    step = Machine.step

    def counted(m: Machine, tid: int) -> object:
        f = m.threads[tid].frames[-1]
        ops.append(f.code.instrs[f.pc].op)
        return step(m, tid)

    monkeypatch.setattr(Machine, "step", counted)
    return ops


def test_plain_steps_run_the_interpreter_once_per_thread_frames_and_value(interpreted):
    """3 x 3 increments: 93,928 steps between 35,666 states; the interpreter runs only for a
    step's first (thread, frames, value read) and for MainThread's steps."""
    result = explore(compile_program(counter(3, 3)), reduce=False)
    assert (result.states, result.transitions, result.schedules) == (
        35_666, 93_928, 4_199_629_611_176)
    # 295; it was 3,942 when steps were remembered by the whole shared part
    assert len(interpreted) < 400


def test_steps_under_a_lock_and_calls_on_it_run_the_interpreter_once_per_state(interpreted):
    """3 x 3 increments under a lock: a thread's frames hold the lock (by its position in
    the shared part's table), and its read, add and write are plain all the same, once per
    (thread, frames, value read); its calls on the lock once per (thread, frames, lock state)."""
    result = explore(compile_program(counter(3, 3, lock=True)), reduce=False)
    assert (result.states, result.transitions, result.schedules) == (901, 1_251, 2_469_140)
    # 63 of each: 3 threads x 3 rounds x the values each round can read (and MainThread's
    # `counter = 0` and final read). It was 162 of each when only frames holding no object
    # of the shared part could take plain steps.
    assert [interpreted.count(op) for op in ("READ", "COMPUTE_CONST", "WRITE")] == [
        63 + 1, 63, 63 + 1]
    # The calls on the lock are plain too, remembered by its state: once per thread and round
    # (there were 162 of each), and MainThread's starts and joins, which read only the rest of
    # the shared part, once per (frames, rest): 14 (82 when remembered by the values too).
    assert interpreted.count("CALL_METHOD") == 9 + 9 + 14


def test_philosophers_take_forks_from_a_list_in_plain_steps(interpreted):
    """4 dining philosophers: `forks[i]` reads an item of a shared list, remembered by the
    list's items, and the arithmetic of `forks[(i + 1) % N]` after taking the first fork is
    on numbers only: MainThread's starts and joins are most of what the interpreter runs."""
    result = explore(compile_program(philosophers(4)), reduce=False)
    assert (result.states, result.transitions, result.schedules) == (
        5_983, 16_974, 8_367_183_185_063_908)
    # MainThread's 180 joins and 149 starts, then the forks' first calls
    assert interpreted.count("CALL_METHOD") - 180 - 149 < 20
    # 402; 4,281 when steps under a lock and on the list were never plain
    assert len(interpreted) < 450



#: Producers and a consumer on a queue of one place: they wait often, and the consumer holds a
#: lock its thread was handed (an object the shared part reaches after the producers' headers).
WAITING = """
import queue
import threading
q = queue.Queue(maxsize=1)
def producer(n):
    for i in range(2):
        q.put((n, i))
def consumer(mine):
    for _ in range(4):
        with mine:
            q.get()
threads = [threading.Thread(target=producer, args=(n,)) for n in range(2)]
threads.append(threading.Thread(target=consumer, args=(threading.Lock(),)))
for t in threads: t.start()
for t in threads: t.join()
"""


def test_a_thread_that_waits_moves_no_object_other_frames_hold(interpreted):
    """What a thread waits in is held by its header only: it takes no position in the shared
    part's table, so the steps that start or end a wait are remembered like any other."""
    program = compile_program(WAITING)
    walk(program)
    interpreted.clear()
    result = explore(program, reduce=False)
    assert (result.states, result.transitions) == (343, 689)
    assert len(interpreted) < 460  # 517 when a wait moved the objects after it


def test_a_global_only_mainthread_names_is_kept_with_its_frames(interpreted):
    """`for t in threads: t.join()` writes `t`, which no function names: it is kept with
    MainThread's frames, not in the shared part. The other threads' steps are then remembered
    whatever thread `t` holds, and a join of a thread that has finished, which writes nothing
    another thread can read, is walked alone."""
    explore(compile_program(WAITING), reduce=False)
    assert len(interpreted) < 400  # 451 when `t` was in the shared part
    reduced = explore(compile_program(counter(3, 3)), symmetry=False)
    assert (reduced.states, reduced.schedules) == (7_663, 4_199_629_611_176)  # 9,169 states

#: Steps that may be plain, and local code around them: floats (0.0 and -0.0), arithmetic,
#: branches on shared values, loops, a caught exception, an early return, a lock held (in a
#: local too, and looked at after a plain step), calls on locks (reentrant, trying, timing
#: out, releasing one not held), items of lists (of locks, and of numbers other threads
#: change), and arithmetic after a plain step (on numbers, and on a lock).
PLAIN_SNIPPETS = [
    "a += 1",
    "a = -a",
    "b = a * 2",
    "if a > 0:\n    b += n",
    "for _ in range(2):\n    a += n",
    "x = a\nb = x + 0.5",
    "try:\n    b = 1 / a\nexcept ZeroDivisionError:\n    b = -0.0",
    "if b:\n    return",
    "with lock:\n    a += n",
    "mine = lock\nwith mine:\n    b = a + n\n    a = str(mine) if b > 9 else b",
    "if lock.acquire(False):\n    a += 1\n    lock.release()",
    "with rlock:\n    with rlock:\n        b += n",
    "try:\n    lock.release()\nexcept RuntimeError:\n    b = -1",
    "if lock.acquire(timeout=1):\n    b = a\n    lock.release()",
    "with locks[n % 2]:\n    a += n",
    "with locks[0]:\n    with locks[(n + 1) % 2]:\n        b = -a",
    "with lock:\n    a += 1\n    same = lock == locks[n % 2]",
    "x = nums[-1]\nb = x",
    "nums.append(n)",
    "nums[0] = a",
]


@st.composite
def plain_programs(draw) -> str:
    """Two or three threads of plain steps (the third a daemon), some holding a lock."""
    threads = draw(st.integers(2, 3))
    lines = ["import threading", f"a = {draw(st.sampled_from(['0', '0.0', '1']))}", "b = 0",
             "lock = threading.Lock()", "rlock = threading.RLock()",
             "locks = [threading.Lock(), threading.Lock()]", "nums = [1, 2.5]"]
    for i in range(threads):
        lines += [f"def worker{i}(n):", "    global a, b"]
        for snippet in draw(st.lists(st.sampled_from(PLAIN_SNIPPETS), min_size=1,
                                     max_size=2 if threads == 2 else 1)):
            lines += ["    " + line for line in snippet.splitlines()]
    lines += [f"t{i} = threading.Thread(target=worker{i}, args=({i + 1},), "
              f"daemon={i == 2})" for i in range(threads)]
    lines += [f"t{i}.start()" for i in range(threads)]
    lines += [f"t{i}.join()" for i in range(min(threads, 2))]
    lines += ["print(a, b)"]
    return "\n".join(lines) + "\n"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=plain_programs())
def test_every_step_of_a_generated_plain_program_lands_where_a_replay_does(source):
    walk(compile_program(source), limit=800)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(source=plain_programs())
def test_plain_steps_keep_every_outcome_and_count(source):
    program = compile_program(source)
    result = explore(program)
    assume(result.schedules is not None and result.schedules <= 20_000)  # to enumerate
    got: dict = {}
    for found in result.outcomes:
        key = signature(found.outcome)
        got[key] = got.get(key, 0) + found.schedules
    assert got == enumerate_outcomes(program)

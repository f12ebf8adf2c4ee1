"""The reduced search answers exactly as the search of every move (app/engine/reduction.py).

On every scenario, the corpus programs small enough to walk whole, programs made to defeat
the reduction, and generated programs: the same outcomes, races, deadlocks and goal answers,
and the same schedule counts (which are made on the unreduced graph). Every witness of the
reduced search replays to its outcome.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from app import scenarios
from app.engine import Machine, compile_program
from app.engine.explorer import Exploration, explore
from app.engine.goal import parse_goal
from app.engine.reduction import unseen
from tests.support.answering import answers, assert_witnesses_replay
from tests.support.generated import threaded_programs

PROGRAMS = Path(__file__).parent / "programs"
#: Millions of steps a run: no search of them finishes.
LONG_SCENARIOS = {"lesson-counter", "gil-call-race"}
#: Corpus programs whose unreduced graph is small enough to walk in a test.
SMALL = 1_500


def assert_same_answers(source: str, goal: str | None = None, count: bool = True
                        ) -> Exploration:
    program = compile_program(source)
    parsed = None if goal is None else parse_goal(goal)
    # Time enough on a loaded machine: a search stopped by the clock counts nothing.
    reduced = explore(program, goal=parsed, count=count, max_seconds=120)
    full = explore(program, goal=parsed, count=count, reduce=False, max_seconds=120)
    assert full.complete, full.stopped
    assert answers(reduced) == answers(full)
    assert reduced.states <= full.states
    assert_witnesses_replay(program, reduced)
    return reduced


@pytest.mark.parametrize("scenario", sorted(set(scenarios.builtin()) - LONG_SCENARIOS))
def test_every_scenario(scenario):
    found = scenarios.get(scenario)
    assert_same_answers(found.source, found.goal or None)


#: The SEMANTICS corpus and the hold-out style programs written by others.
CORPUS = sorted([*(PROGRAMS / "semantics").glob("*.py"), *(PROGRAMS / "real").glob("*.py")])


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_programs(path):
    program = compile_program(path.read_text())
    whole = explore(program, max_states=SMALL, max_seconds=0.2, reduce=False, count=False)
    if not whole.complete:
        pytest.skip(f"too big to walk whole in a test ({whole.stopped})")
    assert_same_answers(path.read_text(), count=False)


COUNTER = """\
import threading
counter = 0
def work():
    global counter
    for _ in range(2):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"""


def test_the_counter_walks_far_fewer_states():
    """Local adds and unseen starts are walked alone: the answers stay, the states go."""
    reduced = assert_same_answers(COUNTER)
    full = explore(compile_program(COUNTER), reduce=False)
    assert reduced.states < 0.4 * full.states  # 1,204 of 3,828


THREADS_ADDED = """\
import threading
total = []
def work(n):
    total.append(n)
threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
threads += [threading.Thread(target=work, args=(n,)) for n in range(2, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(total))
"""


def test_reads_of_a_list_no_worker_can_reach_are_walked_alone():
    """MainThread's `for t in threads:` reads a list only it holds (`+=` keeps the compiler
    from knowing: the explorer sees it): each next item is private."""
    reduced = assert_same_answers(THREADS_ADDED)
    full = explore(compile_program(THREADS_ADDED), reduce=False)
    assert reduced.states < 0.25 * full.states  # 115 of 574 (409 with each item interleaved)


#: Programs where another thread can see a start, or whose adds are not local: nothing may
#: be walked alone there that another thread's step depends on.
DEFEATING = {
    "a worker joins a thread it is handed": """\
import threading
order = []
def first():
    order.append(1)
def second(other):
    other.join()
    order.append(2)
a = threading.Thread(target=first)
b = threading.Thread(target=second, args=(a,))
b.start()
a.start()
b.join()
print(order)
""",
    "a worker asks whether a global thread is alive": """\
import threading
seen = []
def watch():
    seen.append(t.is_alive())
def work():
    pass
w = threading.Thread(target=watch)
t = threading.Thread(target=work)
w.start()
t.start()
w.join()
t.join()
print(seen)
""",
    "a worker counts the threads": """\
import threading
def work():
    print(threading.active_count())
a = threading.Thread(target=work)
b = threading.Thread(target=work)
a.start()
b.start()
a.join()
b.join()
""",
    "a worker lists the threads": """\
import threading
from threading import enumerate as threads
def work():
    print(len(threads()))
a = threading.Thread(target=work)
b = threading.Thread(target=work)
a.start()
b.start()
""",
    "a worker prints a thread it holds": """\
import threading
def show(t):
    print(t.ident is None)
x = threading.Thread(target=print)
s = threading.Thread(target=show, args=(x,))
s.start()
x.start()
""",
    "a worker starts a thread another worker joins": """\
import threading
box = []
def child():
    box.append("child")
def parent():
    c = threading.Thread(target=child)
    box.append(c)
    c.start()
def joiner():
    while not box:
        pass
    box[0].join()
p = threading.Thread(target=parent)
j = threading.Thread(target=joiner)
p.start()
j.start()
""",
    "a subclass's own start": """\
import threading
log = []
class Loud(threading.Thread):
    def start(self):
        log.append("start")
        super().start()
    def run(self):
        log.append("run")
def other():
    log.append("other")
o = threading.Thread(target=other)
o.start()
Loud().start()
o.join()
""",
    "a worker appends to the list MainThread reads": """\
import threading
jobs = [1, 2]
def work():
    jobs.append(3)
t = threading.Thread(target=work)
last = 0
t.start()
last = jobs[-1]
t.join()
print(last)
""",
    "a worker is handed the list MainThread reads": """\
import threading
def work(box):
    box.append(len(box))
    box[0] = 9
box = [0]
box += [1]
t = threading.Thread(target=work, args=(box,))
t.start()
print(box[0], box[-1])
t.join()
""",
    "a worker reaches the dict MainThread reads through an object": """\
import threading
class Holder:
    pass
holder = Holder()
scores = {"a": 1}
holder.scores = scores
def work():
    holder.scores["a"] = 2
t = threading.Thread(target=work)
t.start()
print(scores["a"])
t.join()
""",
    "adding lists is no local step": """\
import threading
items = [1]
def work():
    global items
    mine = items
    mine += [2]
a = threading.Thread(target=work)
b = threading.Thread(target=work)
a.start()
b.start()
a.join()
b.join()
print(items)
""",
    "an add that fails, ending its thread": """\
import threading
counter = 0
def work(n):
    global counter
    counter += n
a = threading.Thread(target=work, args=(None,))
b = threading.Thread(target=work, args=(2,))
a.start()
b.start()
a.join()
print(threading.active_count(), counter)
""",
    "a livelock of local steps": """\
import threading
flag = 0
def spin():
    x = 0
    while True:
        x = (x + 1) % 2
def work():
    global flag
    flag += 1
a = threading.Thread(target=spin, daemon=True)
b = threading.Thread(target=work)
a.start()
b.start()
""",
}


@pytest.mark.parametrize("name", DEFEATING)
def test_programs_made_to_defeat_the_reduction(name):
    assert_same_answers(DEFEATING[name])


def test_a_goal_about_states_along_the_way_walks_every_state():
    """`at(line)` sees where each thread is, which a local step changes."""
    assert_same_answers(COUNTER, goal="at(6) >= 3")


def test_a_goal_about_the_end():
    assert_same_answers(COUNTER, goal="counter == 2")


def test_counts_not_made_are_said_so():
    program = compile_program(COUNTER)
    assert explore(program, count=False).not_counted == "not asked for"
    small = explore(program, max_states=60)
    assert small.not_counted and all(o.schedules is None for o in small.outcomes)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=threaded_programs())
def test_generated_programs(source):
    program = compile_program(source)
    assume(explore(program, max_states=3_000, reduce=False, count=False).complete)
    assert_same_answers(source)


def _about_to_start(size: int) -> Machine:
    """A machine whose MainThread is about to start Thread-1, and a global of `size` items
    that the thread's function names."""
    program = compile_program(
        "import threading\n"
        f"data = list(range({size}))\n"
        "def work():\n    data.append(1)\n"
        "t = threading.Thread(target=work)\nt.start()\n")
    m = Machine(program)
    while m.next_instr(m.threads[0]).op != "CALL_METHOD":
        m.step(0)
    return m


def test_a_start_is_unseen_only_as_far_as_it_was_looked_through():
    """Whether another thread can reach a handle is looked for through a bounded amount of
    what they can reach: past it, the start counts as seen (walked with the others)."""
    assert unseen(_about_to_start(10), 0, 1)
    assert not unseen(_about_to_start(400_000), 0, 1)

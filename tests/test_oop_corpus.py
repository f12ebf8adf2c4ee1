"""Object-oriented threading programs (tests/programs/oop/), written in the styles of
tutorials, books, course repositories and Stack Overflow answers: each runs as written
under the `cpython` policy, and one whose output CPython 3.13 prints the same in three runs
must print exactly that (issue 13)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.engine import DONE, compile_program, make_policy, run
from tests.support.walking import walk

OOP = Path(__file__).parent / "programs" / "oop"
NAMES = sorted(p.stem for p in OOP.glob("*.py"))


def test_the_corpus_is_large_and_realistic():
    assert len(NAMES) >= 25
    for name in NAMES:
        assert 14 <= len((OOP / f"{name}.py").read_text().splitlines()) <= 83, name


@pytest.mark.parametrize("name", NAMES)
def test_program_prints_what_cpython_prints(name, cpython_exe):
    path = OOP / f"{name}.py"
    outcome = run(compile_program(path.read_text()), make_policy("cpython"),
                  record=False).outcome
    assert outcome.kind == DONE, (outcome.kind, outcome.reason)
    done = [subprocess.run([cpython_exe, str(path)], capture_output=True, text=True,
                           timeout=60) for _ in range(3)]
    if "Traceback" not in done[0].stderr:  # no uncaught exception there: none here
        assert not outcome.errors, outcome.errors
    runs = {d.stdout for d in done}
    if len(runs) == 1:
        assert list(outcome.output) == runs.pop().splitlines()


#: The object model's new parts in one program (an enumeration, a frozen dataclass, a
#: `threading.local` subclass, a class iterated by a generator, `+=` by `__iadd__`, an
#: `__exit__` that swallows the exception): each state survives snapshots.
PARTS = """
import threading
from dataclasses import dataclass
from enum import Enum

class Color(Enum):
    RED = 1
    BLUE = 2

@dataclass(frozen=True)
class P:
    x: int

class Ctx(threading.local):
    def __init__(self):
        self.n = 0

class Box:
    def __init__(self):
        self.items = []
    def __iter__(self):
        for item in self.items:
            yield item
    def __iadd__(self, item):
        self.items.append(item)
        return self
    def __enter__(self):
        return self
    def __exit__(self, kind, value, tb):
        return kind is KeyError

box = Box()
ctx = Ctx()

def work(color):
    global box
    with box:
        box += P(color.value)
        ctx.n += 1
        raise KeyError(color.name)
    print(ctx.n, [p.x for p in box])

threads = [threading.Thread(target=work, args=(c,)) for c in Color]
for t in threads:
    t.start()
for t in threads:
    t.join()
"""


def test_every_step_of_an_object_model_program_lands_where_a_replay_does():
    walk(compile_program(PARTS), limit=400)
    outcome = run(compile_program(PARTS), make_policy("cpython"), record=False).outcome
    assert outcome.kind == DONE and not outcome.errors
    assert list(outcome.output) == ["1 [1]", "1 [1, 2]"]


def test_matrix_multiplication_is_an_operator_of_the_programs_classes(run_cpython):
    source = "try:\n    x = 1 @ 2\nexcept TypeError as e:\n    print(e)\n"
    outcome = run(compile_program(source), make_policy("cpython"), record=False).outcome
    assert list(outcome.output) == run_cpython(source)[0]


#: A property whose getter and setter take the object's lock, read by MainThread while
#: workers hold it: the getter runs as the thread's own call, so it waits for the lock
#: under every policy instead of failing inside a step.
LOCKED_PROPERTY = """
import threading

class Account:
    def __init__(self):
        self._balance = 0
        self._lock = threading.Lock()

    @property
    def balance(self):
        with self._lock:
            return self._balance

    @balance.setter
    def balance(self, value):
        with self._lock:
            self._balance = value

    def deposit(self, n):
        with self._lock:
            self._balance += n

acct = Account()

def worker():
    for _ in range(200):
        acct.deposit(1)

threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
seen = [acct.balance for _ in range(20)]
for t in threads:
    t.join()
acct.balance += 5
print(acct.balance, len(seen), seen == sorted(seen))
"""


@pytest.mark.parametrize("policy", ["rr", "random", "cpython"])
def test_a_property_taking_a_lock_waits_for_it(policy):
    outcome = run(compile_program(LOCKED_PROPERTY), make_policy(policy), record=False).outcome
    assert outcome.kind == DONE and not outcome.errors, outcome.errors
    assert list(outcome.output) == ["605 20 True"]


def test_every_step_of_a_locked_property_lands_where_a_replay_does():
    walk(compile_program(LOCKED_PROPERTY.replace("range(200)", "range(2)").replace(
        "range(20)", "range(2)")), limit=300)


#: `print(obj)`, `str(obj)`, `repr(obj)` and f-string fields of an object whose `__str__` /
#: `__repr__` takes its lock, while another thread may hold it.
LOCKED_TEXT = """
import threading

class Account:
    def __init__(self):
        self.balance = 0
        self.lock = threading.Lock()
    def deposit(self, n):
        with self.lock:
            self.balance += n
    def __str__(self):
        with self.lock:
            return f"Account({self.balance})"
    def __repr__(self):
        with self.lock:
            return "A<%d>" % self.balance

acct = Account()

def worker():
    for _ in range(N):
        acct.deposit(1)

t = threading.Thread(target=worker)
t.start()
texts = [str(acct), repr(acct), f"{acct!r:>6}|{acct}"]
print(acct, "x", sep="")
t.join()
print(acct, repr(acct), f"[{acct!s:^14}]", len(texts))
"""


@pytest.mark.parametrize("policy", ["rr", "random", "cpython"])
def test_an_objects_text_taking_its_lock_waits_for_it(policy):
    program = compile_program(LOCKED_TEXT.replace("N", "300"))
    outcome = run(program, make_policy(policy), record=False).outcome
    assert outcome.kind == DONE and not outcome.errors, outcome.errors
    assert outcome.output[-1] == "Account(300) A<300> [ Account(300) ] 3"


def test_every_step_of_a_locked_text_lands_where_a_replay_does():
    walk(compile_program(LOCKED_TEXT.replace("N", "1")), limit=300)


INT_ENUM = """
import queue
from enum import IntEnum

class Priority(IntEnum):
    HIGH = 1
    MEDIUM = 2
    LOW = 3

q = queue.PriorityQueue()
for p, job in [(Priority.LOW, "sweep"), (Priority.HIGH, "fire"), (Priority.MEDIUM, "mail")]:
    q.put((p, job))
print([q.get()[1] for _ in range(3)])
print(Priority.HIGH < Priority.LOW, Priority.HIGH == 1, Priority.LOW + 1, int(Priority.MEDIUM))
print(repr(Priority.HIGH), str(Priority.HIGH), f"{Priority.LOW:03d}", [10, 20][Priority.HIGH])
print({Priority.HIGH: "x"}[1], Priority(2), max(Priority), sorted(Priority, reverse=True))
"""


def test_an_int_enum_acts_as_its_int(run_cpython):
    outcome = run(compile_program(INT_ENUM), make_policy("cpython"), record=False).outcome
    assert list(outcome.output) == run_cpython(INT_ENUM)[0]


@pytest.mark.parametrize("name", NAMES)
def test_every_step_of_a_recorded_run_has_words(name):
    """Recording (the page, the CLI's trace) describes every step, those that run a
    property's setter or an object's `__str__` for `print` included."""
    result = run(compile_program((OOP / f"{name}.py").read_text()), make_policy("rr"),
                 record=True)
    assert result.outcome.kind == DONE


#: The consumer idiom `for item in iter(q.get, None)`: the loop waits in `get` as a call of
#: `q.get()` would.
CALL_ITER = """
import queue
import threading

q = queue.Queue()
got = []

class Consumer(threading.Thread):
    def run(self):
        for item in iter(q.get, None):
            got.append(item * 2)

c = Consumer()
c.start()
for i in range(COUNT):
    q.put(i)
q.put(None)
c.join()
print(got, next(iter(lambda: 42, None)))
"""


@pytest.mark.parametrize("policy", ["rr", "random", "cpython"])
def test_iter_with_a_sentinel_waits_in_the_queues_get(policy, run_cpython):
    source = CALL_ITER.replace("COUNT", "4")
    outcome = run(compile_program(source), make_policy(policy), record=True).outcome
    assert outcome.kind == DONE and not outcome.errors, outcome.errors
    assert list(outcome.output) == run_cpython(source)[0]


def test_every_step_of_iter_with_a_sentinel_lands_where_a_replay_does():
    walk(compile_program(CALL_ITER.replace("COUNT", "1")), limit=300)

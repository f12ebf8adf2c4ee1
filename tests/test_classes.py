"""Classes (issue 13): what a program's classes and their objects do, against CPython 3.13;
which of their attribute accesses are steps; and that the explorer's states keep them."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine import compile_program, make_policy, run
from tests.support.generated import threaded_programs
from tests.support.replaying import assert_replays
from tests.support.walking import walk

PROGRAMS = {
    "methods and attributes": """
        class Account:
            bank = "First"
            count = 0

            def __init__(self, owner, balance=0):
                self.owner = owner
                self._balance = balance
                Account.count += 1

            @property
            def balance(self):
                return self._balance

            @balance.setter
            def balance(self, value):
                if value < 0:
                    raise ValueError("negative balance")
                self._balance = value

            @staticmethod
            def fee(amount):
                return amount // 100

            @classmethod
            def opened(cls):
                return f"{cls.__name__}: {cls.count}"

            def __str__(self):
                return f"{self.owner} has {self.balance}"

            def __repr__(self):
                return f"Account({self.owner!r}, {self.balance})"

        a = Account("ann", 250)
        b = Account("bob")
        b.balance = 40
        try:
            b.balance = -1
        except ValueError as e:
            print("refused:", e)
        print(a, b, sep=" / ")
        print([a, b], repr(a), f"{b!r}")
        print(Account.fee(1234), a.fee(99), Account.opened(), a.bank, Account.count)
        print(type(a).__name__, a.__class__.__name__, isinstance(a, Account),
              isinstance(1, Account))
        try:
            a.missing
        except AttributeError as e:
            print(e)
        try:
            Account()
        except TypeError as e:
            print(e)
    """,
    "inheritance and super": """
        class Animal:
            def __init__(self, name):
                self.name = name

            def speak(self):
                return "..."

            def describe(self):
                return f"{self.name} says {self.speak()}"

        class Dog(Animal):
            def __init__(self, name, tricks=()):
                super().__init__(name)
                self.tricks = list(tricks)

            def speak(self):
                return "woof"

        class Puppy(Dog):
            def speak(self):
                return super().speak() + "!"

        class Mixin:
            def tag(self):
                return "mixed " + self.name

        class Both(Puppy, Mixin):
            pass

        for pet in (Animal("generic"), Dog("rex", ["sit"]), Puppy("bit"), Both("x")):
            print(pet.describe(), isinstance(pet, Dog), issubclass(type(pet), Animal))
        print(Both("y").tag(), Both("z").tricks)
    """,
    "special methods": """
        class Version:
            def __init__(self, major, minor):
                self.major, self.minor = major, minor

            def __eq__(self, other):
                return (self.major, self.minor) == (other.major, other.minor)

            def __lt__(self, other):
                return (self.major, self.minor) < (other.major, other.minor)

            def __hash__(self):
                return hash((self.major, self.minor))

            def __repr__(self):
                return f"v{self.major}.{self.minor}"

        class Bag:
            def __init__(self):
                self.items = []

            def __len__(self):
                return len(self.items)

            def __contains__(self, item):
                return item in self.items

            def __enter__(self):
                print("enter")
                return self

            def __exit__(self, kind, value, tb):
                print("exit", kind)
                return False

        versions = [Version(3, 12), Version(3, 9), Version(2, 7), Version(3, 9)]
        print(sorted(versions), max(versions), min(versions))
        print(Version(3, 9) == Version(3, 9), Version(3, 9) != Version(3, 10),
              Version(3, 9) in versions)
        print(len({v: 1 for v in versions}), versions.index(Version(2, 7)),
              versions.count(Version(3, 9)))
        with Bag() as bag:
            bag.items.append(1)
            print(len(bag), 1 in bag, 2 in bag, bool(bag), bool(Bag()))
        try:
            Version(1, 0) < 3
        except AttributeError as e:
            print("AttributeError", e)
    """,
    "exceptions": """
        class BankError(Exception):
            pass

        class InsufficientFunds(BankError):
            def __init__(self, needed, available):
                super().__init__(f"need {needed}, have {available}")
                self.needed = needed
                self.available = available

        class Plain(ValueError):
            pass

        def withdraw(balance, amount):
            if amount > balance:
                raise InsufficientFunds(amount, balance)
            return balance - amount

        try:
            withdraw(10, 50)
        except BankError as e:
            print(type(e).__name__, e, e.needed, e.available, e.args, isinstance(e, Exception))
        try:
            raise Plain("bad", 2)
        except ValueError as e:
            print(repr(e), e.args, str(e))
        try:
            raise BankError
        except Exception as e:
            print(repr(e), isinstance(e, BankError))
        print(issubclass(InsufficientFunds, Exception), issubclass(Plain, KeyError))
    """,
    "dataclasses": """
        from dataclasses import dataclass, field

        @dataclass
        class Point:
            x: int
            y: int = 0

        @dataclass(order=True)
        class Job:
            priority: int
            name: str = "job"
            tags: list = field(default_factory=list, repr=False)

        p = Point(1, 2)
        print(p, Point(3), p == Point(1, 2), p == Point(2, 1))
        jobs = [Job(3, "c"), Job(1, "a"), Job(2)]
        jobs[0].tags.append("urgent")
        print(sorted(jobs), jobs[0].tags, Job(1, "a") < Job(1, "b"))
        try:
            Point()
        except TypeError as e:
            print(e)
    """,
    "decorators": """
        import threading

        def logged(fn):
            def wrapper(*args, **kwargs):
                print("calling", fn.__name__, args)
                result = fn(*args, **kwargs)
                print("done", result)
                return result
            return wrapper

        def repeat(times):
            def decorate(fn):
                def wrapper(*args):
                    return [fn(*args) for _ in range(times)]
                return wrapper
            return decorate

        @logged
        def add(a, b):
            return a + b

        @repeat(3)
        def hello(name):
            return "hi " + name

        add(2, 3)
        print(hello("ann"))
        t = threading.Thread(target=add, args=(1, 1))
        t.start()
        t.join()
    """,
    "thread subclasses": """
        import threading

        class Worker(threading.Thread):
            def __init__(self, n, lock, totals):
                super().__init__(name=f"worker-{n}", daemon=False)
                self.n = n
                self.lock = lock
                self.totals = totals
                self.result = None

            def run(self):
                self.result = self.n * self.n
                with self.lock:
                    self.totals.append(self.result)

        class Quiet(threading.Thread):
            def run(self):
                print("quiet", self.name, threading.current_thread() is self)

        lock = threading.Lock()
        totals = []
        workers = [Worker(i, lock, totals) for i in range(3)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print([w.result for w in workers], sorted(totals), [w.name for w in workers])
        q = Quiet()
        q.start()
        q.join()
        print(q.is_alive(), isinstance(q, threading.Thread), q.daemon)
        t = threading.Thread(target=print, args=("plain",))
        t.extra = 5
        t.start()
        t.join()
        print(t.extra)
        class Broken(threading.Thread):
            def __init__(self):
                self.x = 1
        try:
            Broken().start()
        except RuntimeError as e:
            print(e)
    """,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_prints_what_cpython_prints(name, run_cpython):
    source = textwrap.dedent(PROGRAMS[name])
    expected, errors = run_cpython(source)
    outcome = run(compile_program(source), make_policy("cpython"), record=False).outcome
    assert outcome.kind == "done", outcome.reason
    assert [(e.thread, e.type, e.message) for e in outcome.errors] == errors
    assert list(outcome.output) == expected


SHARED_BALANCE = """
import threading

class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()

    def withdraw(self, amount):
        self.balance -= amount

acct = Account(100)
t = threading.Thread(target=acct.withdraw, args=(30,))
t.start()
acct.withdraw(20)
t.join()
print(acct.balance)
"""


def test_an_attribute_assigned_outside_init_is_read_computed_and_written_in_steps():
    steps = run(compile_program(SHARED_BALANCE), make_policy("rr"), record=True).steps
    # __init__'s write of the object still being built, and reading the lock only __init__
    # sets, are local; each withdraw is read → compute → write, in both threads.
    for tid in (0, 1):
        mine = [s for s in steps if s.tid == tid and s.kind in ("read", "write", "compute")]
        assert [s.kind for s in mine][:3] == ["read", "compute", "write"]
        assert mine[0].action.startswith("read acct.balance → 100")


def test_two_threads_can_lose_an_update_on_an_object():
    program = compile_program(SHARED_BALANCE)
    # Round-robin interleaves the two reads of 100: one withdrawal is lost.
    assert run(program, make_policy("rr"), record=False).outcome.output in {("70",), ("80",)}
    assert run(program, make_policy("cpython"), record=False).outcome.output == ("50",)


@pytest.mark.parametrize("name", ["thread subclasses", "exceptions", "dataclasses"])
def test_every_step_of_a_class_program_lands_where_a_replay_does(name):
    walk(compile_program(textwrap.dedent(PROGRAMS[name])), limit=300)


def test_every_step_on_a_shared_object_lands_where_a_replay_does():
    states = walk(compile_program(SHARED_BALANCE))
    assert len(states) > 10


def test_the_explorer_finds_every_outcome_and_the_race_on_an_attribute():
    from app.engine.explorer import explore

    found = explore(compile_program(SHARED_BALANCE))
    assert {f.outcome.output for f in found.outcomes} == {("50",), ("70",), ("80",)}
    assert {(r.variable, *sorted((r.first.kind, r.second.kind))) for r in found.races} >= {
        ("acct.balance", "read", "write"), ("acct.balance", "write", "write")}


@st.composite
def object_programs(draw) -> str:
    """The generated threaded programs of test_properties, their shared state kept in an
    object (`box.counter += 1`, `box.items.append(n)`) by Thread subclasses."""
    body = draw(threaded_programs())
    workers = body.split("def worker")
    head = workers[0].replace("counter = 0\nitems = []\n", "")
    head += ("class Box:\n    def __init__(self):\n        self.counter = 0\n"
             "        self.items = []\n\nbox = Box()\n\n")
    lines = []
    for worker in workers[1:]:
        number, _, rest = worker.partition("(n):\n    global counter\n")
        code = rest.split("\nt0 = ")[0].replace("counter", "box.counter").replace(
            "items", "box.items")
        lines.append(f"class Worker{number}(threading.Thread):\n    def __init__(self, n):\n"
                     f"        super().__init__()\n        self.n = n\n\n"
                     f"    def run(self):\n        n = self.n\n"
                     + "\n".join("    " + line for line in code.splitlines() if line))
    count = len(workers) - 1
    tail = [f"t{i} = Worker{i}({i})" for i in range(count)]
    tail += [f"t{i}.start()" for i in range(count)] + [f"t{i}.join()" for i in range(count)]
    tail.append("print(box.counter, box.items)")
    return head + "\n\n".join(lines) + "\n\n" + "\n".join(tail) + "\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=object_programs(), seed=st.integers(0, 2**32 - 1))
def test_a_random_run_of_a_generated_object_program_replays_exactly(source, seed):
    assert_replays(compile_program(source), seed)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=object_programs())
def test_every_step_of_a_generated_object_program_lands_where_a_replay_does(source):
    walk(compile_program(source), limit=200)

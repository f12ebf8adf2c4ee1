"""nested.py: a program's own function called from inside one step (a `defaultdict`
factory, `__eq__` reached from `in`, `__lt__` from a sort) runs to its end there (a `key=`
function of the program's runs as the thread's own code: keyed.py); either way, the results
and errors are CPython 3.13's (the `cpython_worker` fixture). A nested call that would wait
is refused in words, and an endless one stops at the budget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.engine import RoundRobin, compile_program, run
from app.engine.budgets import Budgets
from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PROGRAMS = [
    "def key(x):\n    print('key', x)\n    return -x\nprint(sorted([2, 1, 3], key=key))",
    "def key(x):\n    return 1 / x\nsorted([1, 0], key=key)",
    "def key(x):\n    try:\n        return 1 / x\n    except ZeroDivisionError:\n        return 0\n"
    "print(max([1, 0, 2], key=key), min([3, 1], key=key))",
    "import collections\ncalls = []\ndef make():\n    calls.append(1)\n    return len(calls)\n"
    "d = collections.defaultdict(make)\nprint(d['a'], d['b'], d['a'], calls)",
    "class A:\n    def __init__(self, n):\n        self.n = n\n    def __eq__(self, o):\n"
    "        print('eq', self.n, o.n)\n        return self.n == o.n\n"
    "print(A(1) in [A(2), A(1), A(3)])",
    "class A:\n    def __str__(self):\n        print('making text')\n        return 'A!'\n"
    "print(A())",
    "class A:\n    def __str__(self):\n        raise ValueError('no text')\nprint(A())",
    "def key(x):\n    return key2(x)\ndef key2(x):\n    return [x]\nprint(sorted('bca', key=key))",
    "def gen():\n    yield 3\n    yield 1\nprint(sorted(gen(), key=lambda v: -v))",
    "def rec(x):\n    return rec(x)\nsorted([1], key=rec)",
    "import functools\n@functools.lru_cache\ndef f(n):\n"
    "    return n if n < 2 else f(n - 1) + f(n - 2)\n"
    "print(sorted(range(5), key=f))",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_a_nested_call_answers_as_in_cpython(cpython_worker: Answer, program):
    assert as_cpython_worker(program) == cpython_worker(program)


#: An ordering a sort calls inside its step (a key function runs as the thread's own code).
ORDERED = ("import threading\nlock = threading.Lock()\nclass K:\n    def __init__(self, n):\n"
           "        self.n = n\n    def __lt__(self, o):\n        BODY\n"
           "        return self.n < o.n\n")


def test_a_call_that_would_wait_is_refused_in_words():
    program = compile_program(
        ORDERED.replace("BODY", "with lock: pass") + "def holder():\n    lock.acquire()\n"
        "t = threading.Thread(target=holder)\nt.start()\nt.join()\n"
        "try:\n    sorted([K(2), K(1)])\nexcept RuntimeError as e:\n    print(e)\n")
    output = run(program, RoundRobin()).outcome.output
    assert output[0].startswith("line 7: blocked on lock (held by Thread-1 (holder)); a call "
                                "inside a key function, a factory or a special method cannot "
                                "wait in this simulator")


def test_an_endless_ordering_stops_at_the_budget_shared_by_its_calls():
    program = compile_program(ORDERED.replace("BODY", "while True: pass")
                              + "sorted([K(2), K(1)])\n", budgets=Budgets(local_ops=5_000))
    outcome = run(program, RoundRobin()).outcome
    assert outcome.kind == "limit" and "5,000 operations inside the calls made by one built-in" \
        in outcome.reason


def test_the_steps_of_a_nested_call_are_not_recorded():
    program = compile_program(ORDERED.replace("BODY", "print('lt', self.n, o.n)")
                              + "items = [K(3), K(1)]\ndef g():\n"
                              "    print([k.n for k in sorted(items)])\n"
                              "threading.Thread(target=g).start()\n")
    result = run(program, RoundRobin())
    assert list(result.outcome.output) == ["lt 1 3", "[1, 3]"]
    assert 7 not in [s.line for s in result.steps]


def test_a_key_function_runs_as_the_threads_own_code():
    """`sorted(xs, key=f)` calls `f` on each item first, as the thread's own steps: one that
    waits for a lock waits, and its prints are steps of their own."""
    program = compile_program(
        "import threading\nlock = threading.Lock()\nitems = [3, 1, 2]\ndef key(x):\n"
        "    print('k', x)\n    with lock:\n        return x\ndef g():\n"
        "    print(sorted(items, key=key))\nlock.acquire()\n"
        "t = threading.Thread(target=g)\nt.start()\nlock.release()\nt.join()\n")
    result = run(program, RoundRobin())
    assert list(result.outcome.output) == ["k 3", "k 1", "k 2", "[1, 2, 3]"]
    assert 5 in [s.line for s in result.steps]

"""nested.py: a program's own function called from inside one step (a `key=` function, a
`defaultdict` factory, `__str__` or `__eq__` reached from `print` or `==`) runs to its end
there: the results and errors are CPython 3.13's (the `cpython_worker` fixture); a call that
would wait is refused in words, and an endless one stops at the budget."""

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


def test_a_call_that_would_wait_is_refused_in_words():
    program = compile_program(
        "import threading\nlock = threading.Lock()\ndef key(x):\n    with lock:\n"
        "        return x\ndef holder():\n    lock.acquire()\nt = threading.Thread(target=holder)\n"
        "t.start()\nt.join()\ntry:\n    sorted([2, 1], key=key)\nexcept RuntimeError as e:\n"
        "    print(e)\n")
    output = run(program, RoundRobin()).outcome.output
    assert output == ["line 4: waiting for lock (held by Thread-1 (holder)); a call inside a "
                      "key function, a factory or a special method cannot wait in this "
                      "simulator"] or ("cannot wait in this simulator" in output[0]
                                       and output[0].startswith("line 4:"))


def test_an_endless_key_function_stops_at_the_budget_shared_by_its_calls():
    program = compile_program("def key(x):\n    while True:\n        pass\n"
                              "sorted([1, 2], key=key)\n", budgets=Budgets(local_ops=5_000))
    outcome = run(program, RoundRobin()).outcome
    assert outcome.kind == "limit" and "5,000 operations inside the calls made by one built-in" \
        in outcome.reason


def test_the_steps_of_a_nested_call_are_not_recorded():
    program = compile_program("import threading\nitems = [3, 1, 2]\ndef key(x):\n"
                              "    print('k', x)\n    return x\ndef g():\n"
                              "    print(sorted(items, key=key))\n"
                              "threading.Thread(target=g).start()\n")
    result = run(program, RoundRobin())
    assert list(result.outcome.output) == ["k 3", "k 1", "k 2", "[1, 2, 3]"]
    assert 4 not in [s.line for s in result.steps]

"""stdlib/functools.py: `reduce`, `partial`, `wraps`, `total_ordering`, `lru_cache` and
`cache`, against CPython 3.13 (the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PROGRAMS = [
    "print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), "
    "functools.reduce(lambda a, b: a + b, [], 10), functools.reduce(max, 'bca'))",
    "functools.reduce(lambda a, b: a, [])",
    "functools.reduce(5, [1, 2])",
    "functools.reduce(lambda a, b: a)",
    "def f(a, b, c=0):\n    return (a, b, c)\np = functools.partial(f, 1, c=3)\n"
    "print(p(2), p(2, c=4), p.args, p.keywords, p.func is f)",
    "p = functools.partial(functools.partial(max, 1), 5)\nprint(p(3), p())",
    "functools.partial()",
    "functools.partial(5)",
    "def deco(fn):\n    @functools.wraps(fn)\n    def inner(*a, **k):\n        return fn(*a, **k)\n"
    "    return inner\n@deco\ndef named(x):\n    return x\nprint(named.__name__, named(3))",
    "@functools.total_ordering\nclass V:\n    def __init__(self, x):\n        self.x = x\n"
    "    def __eq__(self, o):\n        return self.x == o.x\n    def __lt__(self, o):\n"
    "        return self.x < o.x\nprint(V(1) <= V(2), V(2) >= V(2), V(3) > V(1), V(1) >= V(2))",
    "@functools.lru_cache(maxsize=2)\ndef sq(n):\n    print('computing', n)\n    return n * n\n"
    "print(sq(2), sq(2), sq(3), sq(4), sq(2))\nprint(sq.cache_info())\nsq.cache_clear()\n"
    "print(sq.cache_info())",
    "@functools.cache\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
    "print(fib(60), fib.cache_info().hits)",
    "@functools.lru_cache\ndef f(x):\n    return x\nf([1])",
    "@functools.lru_cache(maxsize=None)\ndef f(x, y=1):\n    return x + y\n"
    "print(f(1), f(1, y=1), f(1, 1), f.cache_info())",
    "class Cell:\n    def __init__(self):\n        self.alive = False\n"
    "    def set_state(self, state, reason='?'):\n        self.alive = state\n"
    "        return reason\n    set_alive = functools.partialmethod(set_state, True, "
    "reason='born')\n    set_dead = functools.partialmethod(set_state, False)\n"
    "c = Cell()\nprint(c.set_alive(), c.alive, c.set_dead(reason='old'), c.alive)",
    "functools.partialmethod(5)",
    "@functools.lru_cache\ndef f(x):\n    return x\nf(1)\nf(1)\ninfo = f.cache_info()\n"
    "print(info._fields, info._asdict(), info._replace(hits=0))",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_functools_answers_as_in_cpython(cpython_worker: Answer, program):
    source = "import functools\ntry:\n" + "".join(
        f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_lru_cache_on_a_method_binds_self(cpython_worker):
    """CPython's cache wrapper is a descriptor: `self` is passed, and is part of the key."""
    source = """
import functools
class Fib:
    def __init__(self):
        self.calls = 0
    @functools.lru_cache(maxsize=None)
    def fib(self, n):
        self.calls += 1
        return n if n < 2 else self.fib(n - 1) + self.fib(n - 2)
f = Fib()
print(f.fib(20), f.calls, Fib.fib.cache_info().hits)
"""
    assert as_cpython_worker(source) == cpython_worker(source)


CMP = """\
import functools
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date"]
"""


@pytest.mark.parametrize("program", [
    "print(sorted(words, key=functools.cmp_to_key(by_len_then_alpha)))",
    "words.sort(key=functools.cmp_to_key(by_len_then_alpha), reverse=True)\nprint(words)",
    "print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))",
    "print(max(words, key=functools.cmp_to_key(by_len_then_alpha)), "
    "min([5, 2, 8], key=functools.cmp_to_key(lambda a, b: a - b)))",
    "print(sorted([1, 2], key=functools.cmp_to_key(lambda a, b: 'x')))",
    "k = functools.cmp_to_key(by_len_then_alpha)\nprint(k('ab') < k('abc'))",
])
def test_cmp_to_key_orders_by_the_programs_function(cpython_worker: Answer, program):
    source = CMP + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)

"""protocols.py: iterating an object of a program's class (`__iter__`, `__next__`, the
`__getitem__` sequence protocol) and Python's arithmetic operators on one (`__add__`,
`__radd__`, `__iadd__`, unary and number conversions), against CPython 3.13 (the
`cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        for x in self.items:
            yield x
class Wrap:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        return iter(self.items)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x})"
    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        return V(other + self.x) if isinstance(other, int) else NotImplemented
    def __mul__(self, k):
        return V(self.x * k)
    def __neg__(self):
        return V(-self.x)
    def __abs__(self):
        return V(abs(self.x))
    def __int__(self):
        return self.x
    def __float__(self):
        return 'not a float'
class Acc:
    def __init__(self):
        self.total = 0
    def __iadd__(self, n):
        self.total += n
        return self
    def __repr__(self):
        return f"Acc({self.total})"
class Plain:
    pass
class BadIter:
    def __iter__(self):
        return 5
"""

PROGRAMS = [
    "print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)), max(Countdown(2)))",
    "for x in Countdown(2):\n    print(x)",
    "c = Countdown(3)\nprint(next(c), iter(c) is c, list(c), list(c))",
    "print(list(Bag(1, 'a')), [x * 2 for x in Bag(1, 2)], 'a' in Bag('a'), dict(Bag((1, 2))))",
    "b = Bag(1, 2)\nit = iter(b)\nprint(next(it), next(it), next(it, 'end'))",
    "print(list(Wrap(3, 4)), tuple(Wrap()), set(Wrap(1, 1)), list(zip(Wrap(1, 2), Bag('x'))))",
    "print(list(Seq()), 20 in Seq(), 5 in Seq(), [x for x in Seq()], list(enumerate(Seq())))",
    "a, b, c = Seq()\nprint(a, b, c)",
    "first, *rest = Countdown(4)\nprint(first, rest)",
    "for x in Plain():\n    pass",
    "list(Plain())",
    "iter(BadIter())",
    "for x in BadIter():\n    pass",
    "next(Plain())",
    "print(V(1) + V(2), V(1) + 5, 5 + V(1), V(2) * 3, -V(3), abs(V(-4)), int(V(7)))",
    "print(sum([V(1), V(2)]), sum([V(1)], V(10)))",
    "class W:\n    def __radd__(self, other):\n        return 'W.__radd__'\n"
    "print(Plain() + W(), V(1) + W(), 1 + W())",
    "Plain() + V(2)",
    "V(1) + 'a'",
    "'a' + V(1)",
    "[1] + V(1)",
    "V(1) - V(2)",
    "3 * V(1)",
    "float(V(1))",
    "float(Plain())",
    "int(Plain())",
    "-Plain()",
    "+V(1)",
    "~Plain()",
    "abs(Plain())",
    "Plain() ** 2",
    "2 ** Plain()",
    "Plain() @ Plain()",
    "a = Acc()\nb = a\na += 5\na += 2\nprint(a, b is a)",
    "v = V(1)\nw = v\nv += 4\nprint(v, w, v is w)",
    "p = Plain()\np += 1",
    "p = Plain()\np **= 2",
    "p = Plain()\np //= 2",
    "range(Plain())",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_protocols_answer_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.xfail(strict=True, reason="an object as a list index says \"'Plain' object cannot "
                                       "be interpreted as an integer\" (range()'s words); an "
                                       "in-place operator refused by an object on the right "
                                       "names the plain operator ('+', not '+=')")
@pytest.mark.parametrize("program", ["[1, 2][Plain()]", "x = 3\nx += Plain()"])
def test_refusals_worded_from_the_wrong_call(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


_SYMBOLS = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]


_OPERANDS = ["Plain()", "V(2)", "3", "'s'", "[1]", "None"]


@pytest.mark.parametrize("inplace", [False, True])
@pytest.mark.parametrize("op", _SYMBOLS)
def test_an_operator_on_objects_answers_as_in_cpython(cpython_worker: Answer, op, inplace):
    """Every pair of operands, an object of the program's on one side or both."""
    source = PRELUDE
    for left in _OPERANDS:
        for right in _OPERANDS:
            if inplace and right in ("Plain()", "V(2)") and left not in ("Plain()", "V(2)"):
                continue  # test_refusals_worded_from_the_wrong_call
            statement = (f"x = {left}\n    x {op}= {right}\n    print(x)" if inplace
                         else f"print({left} {op} {right})")
            source += (f"try:\n    {statement}\nexcept Exception as e:\n"
                       f"    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)

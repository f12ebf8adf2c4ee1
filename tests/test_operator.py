"""stdlib/operator.py: `itemgetter`, `attrgetter` and the operator functions, against CPython
3.13 (the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import operator
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.me = self
rows = [('b', 2), ('a', 3), ('c', 1)]
people = [P('x', 30), P('y', 20)]
"""

CALLS = [
    "sorted(rows, key=operator.itemgetter(1))", "operator.itemgetter(0, 1)(('q', 'r', 's'))",
    "operator.itemgetter('k')({'k': 5})", "operator.itemgetter(9)([1])",
    "operator.itemgetter()",
    "[p.name for p in sorted(people, key=operator.attrgetter('age'))]",
    "operator.attrgetter('name', 'age')(people[0])", "operator.attrgetter('me.me.name')(people[1])",
    "operator.attrgetter('nope')(people[0])", "operator.attrgetter(1)",
    "operator.add(1, 2), operator.sub(5, 3), operator.mul('a', 3), operator.truediv(1, 4)",
    "operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 5), operator.neg(3)",
    "operator.lt(1, 2), operator.le(2, 2), operator.eq('a', 'a'), operator.ne(1, 1), "
    "operator.gt(1, 2), operator.ge(3, 2)",
    "operator.contains([1, 2], 2), operator.contains('abc', 'z')", "operator.concat([1], [2])",
    "operator.concat(1, 2)", "operator.getitem({'a': 1}, 'a')", "operator.getitem([1], 5)",
    "operator.truediv(1, 0)", "operator.add(1, 'a')", "operator.lt(1, 'a')",
    "operator.not_(0), operator.truth([1]), operator.abs(-2), operator.invert(5)",
    "operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 3)",
    "operator.itemgetter(1)", "repr(operator.itemgetter(1)) != ''",
]


@pytest.mark.parametrize("call", CALLS)
def test_operator_answers_as_in_cpython(cpython_worker: Answer, call):
    source = (PRELUDE + f"try:\n    print({call})\nexcept Exception as e:\n"
              f"    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)

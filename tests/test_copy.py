"""stdlib/copy.py: `copy` and `deepcopy` of built-in data and a program's objects, against
CPython 3.13 (the `cpython_worker` fixture): which objects are new, which are shared, and what
cannot be copied."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import collections
import copy
import threading
class Node:
    def __init__(self, value, kids=()):
        self.value = value
        self.kids = list(kids)
inner = [1, 2]
data = {'a': inner, 'b': (inner, 3), 'c': {4}, 'd': 'text'}
"""

PROGRAMS = [
    "s = copy.copy(data)\nd = copy.deepcopy(data)\nprint(s == data, s is data, s['a'] is inner, "
    "d == data, d['a'] is inner, d['b'][0] is d['a'], d['c'] is data['c'])",
    "t = (1, 'x', (2,))\nprint(copy.copy(t) is t, copy.deepcopy(t) is t)",
    "t = (1, [2])\nd = copy.deepcopy(t)\nprint(d == t, d is t, d[1] is t[1])",
    "print(copy.copy(5), copy.deepcopy('s'), copy.copy(None), copy.deepcopy(2.5))",
    "a = [1]\na.append(a)\nb = copy.deepcopy(a)\nprint(b[1] is b, b[1] is a, len(b))",
    "q = collections.deque([[1], [2]])\nr = copy.deepcopy(q)\ns = copy.copy(q)\n"
    "print(r, r[0] is q[0], s[0] is q[0], type(r).__name__)",
    "c = collections.Counter('abca')\nprint(copy.copy(c), copy.deepcopy(c) == c)",
    "dd = collections.defaultdict(list, {'k': [1]})\nee = copy.deepcopy(dd)\nee['z'].append(2)\n"
    "print(sorted(ee.items()), ee['k'] is dd['k'], 'z' in dd)",
    "od = collections.OrderedDict(b=1, a=[2])\n"
    "print(copy.deepcopy(od), copy.copy(od)['a'] is od['a'])",
    "n = Node(1, [Node(2)])\nm = copy.copy(n)\nd = copy.deepcopy(n)\n"
    "print(m is n, m.kids is n.kids, d.kids is n.kids, d.kids[0].value, d.kids[0] is n.kids[0])",
    "n = Node(1)\nn.kids.append(n)\nd = copy.deepcopy(n)\nprint(d.kids[0] is d)",
    "copy.copy(threading.Lock())",
    "copy.deepcopy([threading.Lock()])",
    "copy.deepcopy({'l': threading.RLock()})",
    "print(copy.copy(range(3)), copy.deepcopy(frozenset([1])), copy.copy([1, [2]])[1] is not None)",
    "s = {1, 2}\nprint(copy.copy(s) == s, copy.copy(s) is s)",
    "copy.copy()", "copy.copy(1, 2)", "copy.deepcopy()", "copy.deepcopy(1, {}, [], 4)",
    "print(copy.deepcopy([1], {}))",
    "t = ((1, 'a'), (2, (3,)))\nprint(copy.deepcopy(t) is t, copy.deepcopy([t])[0] is t)",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_copies_answer_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)

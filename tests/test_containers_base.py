"""stdlib/containers_base.py: classes deriving from `dict`, `list`, `collections.UserDict` and
`UserList`, against CPython 3.13 (the `run_cpython` fixture): overriding methods that call
`super()`, `__missing__`, C's `update` that bypasses `__setitem__`, UserDict's that does not,
threads sharing one under a lock; and the explorer's parts of one held by threads."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import RoundRobin, compile_program
from tests.support.running import as_run_cpython
from tests.support.walking import walk

DERIVED = """
import collections, json, threading
from collections import UserDict, UserList

class Registry(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)

class Counts(dict):
    def __missing__(self, key):
        return 0

class LockedDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
    def incr(self, key):
        with self._lock:
            self[key] = self.get(key, 0) + 1

r = Registry(a=1)
r["b"] = 2
r.update(c=3)
print(r, len(r), r["a"], "b" in r, list(r), sorted(r.items()), r.get("z", 9))
print(isinstance(r, dict), type(r).__name__, r == {"a": 1, "b": 2, "c": 3}, dict(r))
c = Counts()
print(c["x"], c.get("x"), len(c))
d = LockedDict()
ts = [threading.Thread(target=lambda: [d.incr("n") for _ in range(5)]) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(d, d["n"], d.pop("n"), d)

class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
s += [4]
print(s, s.peek(), len(s), s[1:3], s == [1, 2, 3, 4], sum(s), 3 in s, list(reversed(s)))
print(isinstance(s, list), [x * 2 for x in s], s.pop(), s, sorted(s, reverse=True))

class Upper(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)
u = Upper({"a": 1}, b=2)
u.update(c=3)
print(u, u.data, len(u), "A" in u, u.get("B"), isinstance(u, UserDict))

class Log(UserList):
    def append(self, item):
        super().append(f"<{item}>")
log = Log(["x"])
log.append("y")
print(log, log.data, log[0], log[0:1], type(log[0:1]).__name__, len(log))
print(UserDict(a=1), UserList([1, 2]))
for e in (lambda: r["missing"], lambda: s.remove(99)):
    try:
        e()
    except (KeyError, ValueError) as ex:
        print(type(ex).__name__, ex)
"""

READ_AS_BUILT_INS = """
import json, copy
class R(dict):
    pass
r = R(a=1, b=[2])
for k, v in r.items():
    print(k, v)
def f(**kw):
    return kw
print(sorted(r), f(**r), {**r}, len(r), bool(R()), str(r), f"{r}", r.keys(), list(r.values()))
print(copy.deepcopy(r), copy.copy(r), type(copy.copy(r)).__name__)
class L(list):
    pass
l = L([3, 1])
print([*l], max(l), tuple(l), set(l), ", ".join(map(str, l)), l * 2, l + [5])
"""

AS_JSON = """
import json
class R(dict):
    pass
class L(list):
    pass
r = R(a=1, b=L([1, R(c=2)]))
print(json.dumps(r), json.dumps([r, {"x": L()}], sort_keys=True))
x = []
x.append(x)
try:
    json.dumps(L([x]))
except ValueError as e:
    print(e)
"""


@pytest.mark.parametrize("source", [DERIVED, READ_AS_BUILT_INS, AS_JSON],
                         ids=["derived", "read", "json"])
def test_a_class_deriving_from_a_container_answers_as_cpython(run_cpython, source):
    assert as_run_cpython(source, RoundRobin()) == run_cpython(source)


def test_every_step_on_a_dict_subclass_lands_where_a_replay_does():
    walk(compile_program(textwrap.dedent("""
        import threading
        class Tally(dict):
            def __missing__(self, key):
                return 0
        tally = Tally()
        def count():
            tally["n"] = tally["n"] + 1
        ts = [threading.Thread(target=count) for _ in range(2)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print(tally)
    """)), limit=400)

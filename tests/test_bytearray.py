"""`bytearray` (conversions.py, calls.SAFE_METHODS): made as CPython makes it, changed in
place by a list's methods and by item and slice assignment, read as bytes are, and sized
against the items budget before it grows; compared with CPython 3.13."""

from __future__ import annotations

import pytest

from app.engine import compile_program, explore
from tests.support.running import as_cpython_worker, outcome

MADE = ["'x'", "-1", "1.5", "[256]", "[1.5]", "b'x', 'utf-8'", "1, 2, 3, 4", "None", "{1: 2}",
        "'é', 'ascii'", "bytearray(b'q')", "(i for i in range(3))", "range(4)", "3", "",
        "'hé', 'utf-8'", "x=1"]

READ = [
    "b.pop(10)", "b.remove(9)", "b.append(300)", "b.append('a')", "b.insert(0, -1)", "hash(b)",
    "{b}", "b + 'x'", "b * 2", "2 * b", "b == b'abc'", "b < b'abd'", "type(iter(b)).__name__",
    "type(reversed(b)).__name__", "b[5]", "bytearray.fromhex('41 42')", "str(b)", "f'{b}'",
    "f'{b!r:>30}'", "format(b, 'x')", "b.extend([1, 'a'])", "b.extend(5)", "b.index(99)",
    "b.replace(b'a', b'zz')", "b.split(b'b')", "b'-'.join([b, b'x'])", "b.join([b'1', b'2'])",
    "b.decode('ascii')", "type(b.upper())", "b.copy()", "b[::-1]", "b[-1]", "list(reversed(b))",
    "sum(b)", "sorted(b)", "max(b)", "b.center(9, b'*')", "int.from_bytes(b, 'big')",
    "isinstance(b, bytearray)", "isinstance(b, bytes)", "type(b)", "bytearray", "len(b)",
    "98 in b", "b'bc' in b", "b.startswith(b'ab')", "b.hex(':')", "bytes(b)", "(b, [b])",
    "{'k': b}", "b.count(b'a')", "b.find(b'c')", "bytearray(b'a b').split()", "b.strip(b'a')",
    "b.zfill(6)", "b.isalpha()", "b.title()",
]

CHANGED = """
c = bytearray(b"hello world")
c[0] = 72
c[6:11] = b"THERE"
c += b"!"
c.reverse()
c.reverse()
del c[5]
del c[0:1]
c.extend(range(65, 68))
c.extend(b"xy")
c.extend(bytearray(b"z"))
print(c, len(c), c.pop(), c.pop(0), c)
c[0:2] = (x for x in range(3))
print(c)
c.clear()
print(c, not c, bool(bytearray(1)))
d = bytearray(b"ab")
e = d
d += b"c"
print(e is d, e)
f = bytearray(b"ab")
g = f * 2
f *= 2
print(f, g)
for x in bytearray(b"hi"):
    print(x, end=" ")
print([x + 1 for x in bytearray(b"\\x01\\x02")], dict(zip(bytearray(b"ab"), "xy")))
h = bytearray(3)
h[1] = 255
for bad in (256, "a"):
    try:
        h[0] = bad
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
try:
    h[0:1] = 5
except TypeError as err:
    print(err)
print(h, h == bytes(h), "%s" % h)
xs = [1, 2, 3]
xs[1:] = (x * 10 for x in range(2))
print(xs)
"""


def _program(expression: str) -> str:
    return (f"b = bytearray(b'abc')\ntry:\n    print(repr({expression}))\n"
            f"except Exception as e:\n    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("args", MADE)
def test_made_as_in_cpython(cpython_worker, args):
    for kind in ("bytes", "bytearray"):
        source = _program(f"{kind}({args})")
        assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("expression", READ)
def test_read_as_in_cpython(cpython_worker, expression):
    source = _program(expression)
    assert as_cpython_worker(source) == cpython_worker(source)


def test_changed_in_place_as_in_cpython(cpython_worker):
    assert as_cpython_worker(CHANGED) == cpython_worker(CHANGED)


@pytest.mark.parametrize(("source", "says"), [
    ("x = bytearray(10**9)\n", "bytearray(1,000,000,000) is over the limit"),
    ("x = bytearray(b'ab') * 10**9\n", "repeating a sequence"),
    ("b = bytearray(b'x')\nwhile True:\n    b.extend(b)\n", "would make"),
    ("b = bytearray(b'x' * 600_000)\nc = bytearray(b'y')\nc += b\nc += b\n", "joining"),
    ("b = bytearray(1000)\nc = b.replace(b'\\x00', b'x' * 10000)\n", "would make"),
    ("b = bytearray(1000)\nc = b'x' * 2000\nd = c.join([b] * 1000)\n", "would make"),
    ("xs = [0]\nxs[0:1] = range(10**9)\n", "walking range"),
])
def test_what_would_grow_past_the_budget_is_refused_first(source, says):
    done = outcome(source)
    assert done.kind == "limit" and says in done.reason, done.reason


def test_a_bytearray_added_to_itself_raises_cpythons_buffer_error(cpython_worker):
    source = "b = bytearray(b'x')\ntry:\n    b += b\nexcept BufferError as e:\n    print(e)\n"
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_shared_bytearray_is_a_container_other_threads_race_on():
    source = """
import threading
buf = bytearray()
def f(c):
    buf.append(c)
    buf[0] = c
ts = [threading.Thread(target=f, args=(i,)) for i in (65, 66)]
for t in ts: t.start()
for t in ts: t.join()
print(buf)
"""
    found = explore(compile_program(source))
    assert {o.outcome.output for o in found.outcomes} == {
        ("bytearray(b'AB')",), ("bytearray(b'BA')",), ("bytearray(b'AA')",),
        ("bytearray(b'BB')",)}
    assert {r.variable for r in found.races} == {"buf", "buf[0]"}

"""stdlib/weakref.py: `ref`, the weak dictionaries, `WeakSet` and `finalize` print what
CPython 3.13 prints while their objects are alive (the simulator never collects one), and
alive finalizers run at exit, last made first."""

from __future__ import annotations

import textwrap

from app.engine import CPython, RoundRobin
from tests.support.running import as_run_cpython, outcome

PROGRAM = """
import weakref, threading

class Resource:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Resource({self.name!r})"

a, b = Resource("a"), Resource("b")
r = weakref.ref(a)
print(r() is a, r().name, type(r).__name__, isinstance(r, weakref.ref), callable(r))
print(hash(r) == hash(a), r == weakref.ref(a))
cache = weakref.WeakValueDictionary()
cache["a"] = a
cache["b"] = b
print(len(cache), "a" in cache, cache["a"], cache.get("zz"), sorted(cache.keys()), dict(cache))
print(type(cache).__name__, [ref() for ref in cache.valuerefs()])
try:
    cache["n"] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    cache["zz"]
except KeyError as e:
    print("KeyError:", e)
owners = weakref.WeakKeyDictionary()
owners[a] = 1
owners[b] = 2
print(len(owners), owners[a], sorted(owners.values()))
s = weakref.WeakSet()
s.add(a); s.add(a); s.add(b)
print(len(s), a in s, 5 in s, sorted(x.name for x in s))
s.discard(a)
print(len(s), list(s))
try:
    weakref.ref([1])
except TypeError as e:
    print("TypeError:", e)
lock_registry = weakref.WeakValueDictionary()
def get_lock(key):
    lock = lock_registry.get(key)
    if lock is None:
        lock = threading.Lock()
        lock_registry[key] = lock
    return lock
print(get_lock("x") is get_lock("x"))
f = weakref.finalize(a, print, "finalizing", "a")
g = weakref.finalize(b, print, "finalizing", "b")
print(f.alive, f.peek()[1:], f.atexit)
g()
print(g.alive, g())
h = weakref.finalize(a, lambda: print("detached"))
print(h.detach()[0] is a, h.alive)
print("end of program")
"""


def test_weak_references_to_live_objects_answer_as_in_cpython(run_cpython):
    expected = run_cpython(PROGRAM)
    for policy in (RoundRobin(1), CPython()):
        assert as_run_cpython(PROGRAM, policy) == expected


def test_a_finalizer_that_raises_at_exit_is_reported_and_the_others_still_run(run_cpython):
    source = textwrap.dedent("""
        import weakref
        class Thing:
            pass
        t = Thing()
        def boom():
            raise ValueError("at exit")
        weakref.finalize(t, print, "first made, last run")
        weakref.finalize(t, boom)
        weakref.finalize(t, print, "last made, first run")
    """)
    expected_output, _ = run_cpython(source)
    done = outcome(source)
    assert list(done.output) == expected_output
    assert done.stderr[0] == "Traceback (most recent call last):"
    assert done.stderr[-1] == "ValueError: at exit"


def test_a_program_whose_classes_define_no_special_method_uses_them(run_cpython):
    """Their operators are their written special methods (compiler's _SPECIAL_NAMES)."""
    source = textwrap.dedent("""
        import weakref
        class Box:
            pass
        b = Box()
        d = weakref.WeakValueDictionary({"b": b})
        s = weakref.WeakSet([b])
        print(len(d), d["b"] is b, b in s, weakref.ref(b) == weakref.ref(b))
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)

"""calls.py: calling values, methods of built-in values and thread objects, and reading,
writing and deleting attributes, against CPython 3.13 (the `cpython_worker` fixture): the same
results, and the same errors word for word."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from app.engine import CPython, RoundRobin, compile_program, run
from tests.support.running import as_cpython_worker, as_run_cpython

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import threading
def f(a, b=2):
    return a + b
def rec(n):
    return rec(n + 1)
class K:
    def m(self, x):
        return x
    @staticmethod
    def s(x):
        return -x
    @classmethod
    def c(cls, x):
        return cls.__name__, x
k = K()
xs = [3, 1, 2]
d = {'a': 1}
t = threading.Thread(target=f, args=(1,))
"""

STATEMENTS = [
    # calling values
    "print(f(1), f(1, 3), f(b=5, a=1), f(*[1], **{'b': 4}))",
    "f.x = 1\nprint(f.x)",  # a function's own attributes
    "5()", "'a'()", "None()", "xs()", "f(*5)", "f(**5)", "f(**{1: 2})", "print(*5)",
    "print(*[1, 2], sep='-')", "print(1, end='!\\n')", "print(1, sep=5)",
    "f(1, **{'a': 2})", "rec(0)",
    "print(k.m(1), K.m(k, 2), k.s(3), K.s(4), k.c(5), K.c(6))", "K.m(1)", "k.m()",
    "k.m(1, 2)", "print((lambda *a, **k: (a, k))(1, z=2))",
    # methods of built-in values
    "xs.append()", "xs.append(1, 2)", "xs.sort(reverse=True); print(xs)", "xs.foo()",
    "print(xs.index(2), xs.count(3), xs.pop(), xs)", "xs.index(9)", "xs.pop(9)",
    "[].pop()", "print('a,b'.split(','), 'ab'.upper(), ' x '.strip(), 'a'.join('xyz'))",
    "'a'.join([1])", "'a'.foo", "print(d.get('a'), d.get('z', 0), d.pop('a'), d)",
    "d.pop('z')", "print(d.setdefault('b', []), d)", "d.update(1)",
    "print('abc'.replace('b', 'x', 1), 'a'.startswith(('a', 'b')), 'x'.center(5, '*'))",
    "print(xs.copy() is xs, xs.copy() == xs)", "xs.insert(0)", "{1}.add()",
    "print((1, 2, 1).count(1), (1, 2).index(2), 'abc'.find('c'), 'abc'.index('z'))",
    "print(len.__name__, f.__name__, K.__name__, k.m.__name__)",
    # attributes
    "x = 1\nx.y = 2", "xs.y = 1", "del xs.y", "print(k.z)", "k.z = 1\nprint(k.z)\ndel k.z\nk.z",
    "del k.q", "print(f.nope)", "None.x", "print(type(xs).__name__)", "d.x = 1",
    "print.x = 1", "del print.x", "del (1).x", "int.nope", "ValueError.nope", "len(ValueError)",
    "import collections\ncollections.deque.nope", "import queue\nqueue.Queue.nope",
    "threading.Thread.nope", "type(None).nope",
    # thread objects
    # (never a default thread name: the worker's threads are numbered across programs)
    "t.start()\nt.start()", "t.join()", "print(t.daemon, t.ident, t.is_alive())",
    "t.is_alive(1)", "t.start()\nt.join(-1)\nt.join(None)\nprint(t.is_alive())",
    "threading.current_thread().join()", "t.start(1)", "t.run(1)", "t.daemon = 'yes'\nt.start()\n"
    "t.join()\nprint(t.daemon)", "t.start()\nt.join()\nt.daemon = True",
    "t.name = 5\nprint(t.name)", "t.nope", "t.start()\nt.join(timeout='x')",
    "t.start()\nt.join([1])", "threading.Thread(target=f, args=5).start()",
    "threading.Thread(f)", "threading.Thread(foo=1)", "threading.Thread(None, f, 'n', (), {}, 1)",
    "threading.Thread(None, f, target=f)", "print(threading.Thread(name='n', daemon=True).daemon)",
]


def _program(statement: str) -> str:
    body = "".join(f"    {line}\n" for line in statement.splitlines())
    return f"{PRELUDE}try:\n{body}except Exception as e:\n    print(type(e).__name__, e)\n"


@pytest.mark.parametrize("statement", [*STATEMENTS, "print((1).real, (1.5).imag)"])
def test_a_call_answers_as_in_cpython(cpython_worker: Answer, statement):
    source = _program(statement)
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.xfail(strict=True, reason="not modelled: the dunder attributes of built-in "
                                       "values")
@pytest.mark.parametrize("statement", ["print(xs.__class__.__name__, xs.__len__())"])
def test_attributes_not_modelled(cpython_worker: Answer, statement):
    source = _program(statement)
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize(("statement", "step"), [
    ("xs.append(1)", True), ("len(xs)", True), ("d.get('a')", True), ("f(1)", False),
    ("'a'.upper()", False), ("(1, 2).count(1)", False), ("abs(-1)", False)])
def test_a_call_is_a_step_when_it_touches_a_container(statement, step):
    program = compile_program(f"import threading\nxs = [1]\nd = {{'a': 1}}\ndef f(a):\n"
                              f"    return a\ndef g():\n    x = {statement}\n"
                              f"threading.Thread(target=g).start()\n")
    lines = {s.line for s in run(program, RoundRobin()).steps}
    assert (7 in lines) == step


def test_a_method_an_object_holds_is_the_call_itself(run_cpython):
    """`self.get = q.get`, `self.now = time.monotonic`, `now = time.monotonic` in a class
    (sched's `timefunc`): `obj.get()` is the queue's get, a step that waits as `q.get()` does,
    and `obj.now()` reads the clock when it runs (it ran unseen, before a sleep ended, or
    crashed the engine when it had to wait)."""
    source = textwrap.dedent("""
        import threading, queue, time
        class Clock:
            now = time.monotonic
        class Worker:
            def __init__(self, q, lock):
                self.get = q.get
                self.acquire = lock.acquire
                self.release = lock.release
                self.nap = time.sleep
        start = time.monotonic()
        q = queue.Queue()
        lock = threading.Lock()
        w, clock = Worker(q, lock), Clock()
        def producer():
            time.sleep(0.1)
            q.put("item")
        threading.Thread(target=producer).start()
        print("got", w.get(), round(clock.now() - start, 1))
        w.nap(0.1)
        print(round(clock.now() - start, 1))
        w.acquire()
        def other():
            with lock:
                print("other got the lock at", round(time.monotonic() - start, 1))
        t = threading.Thread(target=other)
        t.start()
        w.nap(0.1)
        print("main releases at", round(clock.now() - start, 1))
        w.release()
        t.join()
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_a_partial_of_a_primitives_method_waits_as_the_method_does(run_cpython):
    """`functools.partial(q.get, timeout=1)()`, a partial as a thread's target: the call is
    the queue's get, a step that waits (it raised Empty at once)."""
    source = textwrap.dedent("""
        import functools, queue, threading, time
        q = queue.Queue()
        getter = functools.partial(q.get, timeout=1)
        def producer():
            time.sleep(0.1)
            q.put("x")
        threading.Thread(target=producer).start()
        print(getter())
        print(functools.partial(threading.Event().wait, 0.05)())
        t = threading.Thread(target=functools.partial(q.get, timeout=1))
        t.start()
        time.sleep(0.05)
        q.put("z")
        t.join()
        print(q.empty(), t.is_alive())
        lock = threading.Lock()
        lock.acquire()
        print(functools.partial(lock.acquire, timeout=0.05)())
        class Consumer:
            def __init__(self):
                self.next_item = functools.partial(q.get, timeout=1)
        threading.Thread(target=lambda: (time.sleep(0.1), q.put("late"))).start()
        print(Consumer().next_item())
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)


def test_thread_methods_taken_from_the_class_wait_as_the_threads_own(run_cpython):
    """`list(map(threading.Thread.join, threads))` joins each thread (it returned at once)."""
    source = textwrap.dedent("""
        import threading, time
        def work(n):
            time.sleep(0.05 * n)
            print("worker", n, "done")
        threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
        list(map(threading.Thread.start, threads))
        list(map(threading.Thread.join, threads))
        print("all joined", [t.is_alive() for t in threads])
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)

"""stdlib/dispatch.py: `functools.singledispatch` and `singledispatchmethod`, against CPython
3.13 (the `cpython_worker` and `run_cpython` fixtures)."""

from __future__ import annotations

import textwrap

import pytest

from app.engine import CPython, RoundRobin
from tests.support.running import as_cpython_worker, as_run_cpython

PROGRAMS = {
    "by annotation, by class, as a call, unions and bool": """
        from functools import singledispatch
        from typing import Optional, Union
        @singledispatch
        def process(arg):
            return f"default {arg}"
        @process.register
        def _(arg: int):
            return f"int {arg}"
        @process.register(list)
        def _(arg):
            return f"list of {len(arg)}"
        def handle_str(arg):
            return "str " + arg.upper()
        process.register(str, handle_str)
        @process.register
        def _(arg: float | tuple):
            return f"number or tuple {arg}"
        @process.register
        def _(arg: Optional[dict]):
            return "dict or None"
        @process.register
        def _(arg: "Union[set, frozenset]"):
            return "a set"
        for x in (1, "hi", [1, 2], 2.5, (1,), None, {}, {3}, frozenset(), True, b"x"):
            print(process(x))
        print(process.dispatch(bool).__name__, process.dispatch(bytes) is process.__wrapped__)
        print(sorted(k.__name__ for k in process.registry), process.__name__)
    """,
    "the most derived class wins, and the first of the MRO among unrelated ones": """
        import functools
        class Animal: pass
        class Dog(Animal): pass
        class A: pass
        class B: pass
        class C(B, A): pass
        class MyDict(dict): pass
        @functools.singledispatch
        def kind(obj):
            return "object"
        @kind.register
        def _(obj: Animal):
            return "animal"
        @kind.register(A)
        @kind.register(B)
        def _(obj):
            return "A or B"
        @kind.register
        def _(obj: dict):
            return "dict"
        print(kind(Dog()), kind(C()), kind(MyDict()), kind(3))
        print(kind.dispatch(Dog) is kind.dispatch(Animal))
    """,
    "CPython's errors": """
        from functools import singledispatch
        from typing import List
        @singledispatch
        def f(x):
            pass
        def attempt(fn):
            try:
                fn()
            except TypeError as e:
                print(str(e).split(" at 0x")[0].split(">")[0])
        attempt(lambda: f.register(42, print))
        attempt(lambda: f.register(lambda x: x))
        def hinted_list():
            @f.register
            def _(x: List[int]):
                pass
        attempt(hinted_list)
        def hinted_number():
            @f.register
            def _(x: 5):
                pass
        attempt(hinted_number)
        attempt(f)
    """,
    "singledispatchmethod": """
        import functools
        class Formatter:
            def __init__(self, prefix):
                self.prefix = prefix
            @functools.singledispatchmethod
            def fmt(self, value):
                return f"{self.prefix}?{value!r}"
            @fmt.register
            def _(self, value: int):
                return f"{self.prefix}int {value}"
            @fmt.register
            def _(self, value: bool):
                return f"{self.prefix}bool {value}"
            @fmt.register(list)
            def _(self, value):
                return self.prefix + ",".join(self.fmt(v) for v in value)
        f = Formatter("> ")
        print(f.fmt(3), f.fmt(True), f.fmt("s"), f.fmt([1, False]), Formatter.fmt.__name__)
        try:
            f.fmt()
        except TypeError as e:
            print(e)
    """,
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_singledispatch_answers_as_in_cpython(cpython_worker, name):
    source = textwrap.dedent(PROGRAMS[name])
    assert as_cpython_worker(source) == cpython_worker(source)


def test_an_implementation_runs_as_the_threads_own_call(run_cpython):
    """The registered function may take a lock: it is the thread's call, not one made inside
    a step (where a wait is refused)."""
    source = textwrap.dedent("""
        import functools, threading
        @functools.singledispatch
        def add(x):
            raise TypeError("unsupported")
        total = []
        guard = threading.Lock()
        @add.register
        def _(x: int):
            with guard:
                total.append(x)
        threads = [threading.Thread(target=add, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(sorted(total))
    """)
    expected = run_cpython(source)
    for policy in (RoundRobin(1), CPython()):
        assert as_run_cpython(source, policy) == expected

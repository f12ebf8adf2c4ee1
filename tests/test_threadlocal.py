"""`threadlocal`: objects of a `threading.local` subclass. Each thread sees its own attributes,
and `__init__` runs again, with the object's arguments, in each other thread at its first touch;
checked against CPython (the oracle) under every schedule the engine can take."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from app.engine import DONE, RoundRobin, compile_program, run

# Each thread runs alone (joined before the next starts): the output is the same in every run.
PROGRAMS = {
    "init_runs_per_thread": """
        import threading
        class Context(threading.local):
            made = 0
            def __init__(self, name, level=1):
                Context.made += 1
                self.name = name
                self.level = level
            def describe(self):
                return f"{self.name}:{self.level}"
        ctx = Context("base", level=2)
        def work(n):
            before = ctx.describe()
            ctx.level = n
            print(threading.current_thread().name, before, ctx.describe())
        for n in (5, 6):
            t = threading.Thread(target=work, args=(n,))
            t.start()
            t.join()
        print(ctx.describe(), Context.made)
    """,
    "plain_local_starts_empty": """
        import threading
        data = threading.local()
        data.x = 1
        def work():
            print(hasattr(data, "x"))
            data.x = 2
            print(data.x)
        t = threading.Thread(target=work)
        t.start()
        t.join()
        print(data.x)
    """,
    "methods_are_shared": """
        import threading
        class Counter(threading.local):
            def __init__(self):
                self.n = 0
            def bump(self):
                self.n += 1
                return self.n
        c = Counter()
        c.bump()
        c.bump()
        def work():
            print(c.bump(), c.bump())
        t = threading.Thread(target=work)
        t.start()
        t.join()
        print(c.n)
    """,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_a_local_object_behaves_as_in_cpython(
        name: str, run_cpython: Callable[[str], tuple[list[str], list]],
        reachable: Callable[..., list[Any]]) -> None:
    source = textwrap.dedent(PROGRAMS[name])
    output, errors = run_cpython(source)
    assert not errors
    engine = run(compile_program(source), RoundRobin())
    assert engine.outcome.kind == DONE
    assert list(engine.outcome.output) == output
    assert {r.kind for r in reachable(source)} == {DONE}  # no schedule ends otherwise

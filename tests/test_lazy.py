"""lazy.py: `map`, `filter`, and `zip` and `enumerate` over iterators are lazy, as CPython
3.13's are (the `cpython_worker` and `run_cpython` fixtures): nothing runs until they are
walked, they stop where the consumer stops, and a function `map` calls is the consumer's
code; and generators.collect: a built-in that takes every item of a generator runs it first
as the thread's own code."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from app.engine import CPython, Random, RoundRobin, compile_program, run
from tests.support.running import as_cpython_worker, as_run_cpython

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import itertools
def nat():
    n = 0
    while True:
        print('gives', n)
        yield n
        n += 1
def loud(x):
    print('called', x)
    return x * 10
xs = [1, 2, 3]
"""

PROGRAMS = [
    "m = map(print, xs)\nprint('made', type(m).__name__)\nprint(list(m), list(m))",
    "m = map(loud, xs)\nprint(next(m))\nprint(list(m))",
    "print(next(filter(None, iter([0, '', 5, 6]))))",
    "f = filter(lambda v: v > 1, nat())\nprint(next(f), next(f))",
    "print(list(zip(itertools.count(), 'abc')))",
    "print(list(zip(nat(), 'ab')))\nprint(list(zip('ab', nat())))",
    "for i, v in enumerate(nat(), 1):\n    if i > 2:\n        break\n    print(i, v)",
    "print(list(enumerate(x * 2 for x in range(3))), list(enumerate('ab', start=5)))",
    "print(list(map(lambda a, b: a * b, [1, 2, 3], (4, 5))))",
    "print(list(map(loud, nat().__class__ and [1])) if False else list(map(str, range(3))))",
    "mm = map(str, range(3))\nprint(next(mm), list(mm), sorted(map(abs, {-3, 2})))",
    "print(sum(map(len, ['ab', 'c'])), ','.join(map(str, range(3))), max(map(abs, [-5, 2])))",
    "a, b = map(int, '34')\nprint(a, b, *map(str, [7, 8]))",
    "print(list(zip(*zip([1, 2], [3, 4]))), list(zip()))",
    "m = map(str, xs)\nprint(iter(m) is m, 1 in map(int, '123'), 9 in map(int, '12'))",
    "print(any(loud(x) > 15 for x in xs), any(map(lambda x: loud(x) > 15, xs)))",
    "print(list(filter(None, [0, 1, '', 'x'])), list(filter(lambda w: len(w) > 1, ['a', 'bc'])))",
    "print(list(map(loud, filter(lambda v: v % 2, map(lambda v: v + 1, xs)))))",
    "print(dict(zip('ab', map(loud, xs))), list(zip(map(loud, xs), 'a')))",
    "print(list(zip((x for x in xs), 'abcde')), list(zip(nat(), nat(), 'x')))",
]

ERRORS = [
    "map(len)",
    "map(len, 5)",
    "filter(None, 3)",
    "zip(1)",
    "enumerate(nat(), 'x')",
    "list(map(lambda x: 1 / x, [1, 0]))",
    "map(5, [1])\nprint('lazy')\nlist(map(5, [1]))",
    "list(zip([1, 2], (x for x in [1]), strict=True))",
    "list(zip((x for x in [1, 2]), [1], strict=True))",
    "list(zip((x for x in [1]), [1, 2], strict=True))",
    "list(zip((x for x in [1]), [1], [1, 2], strict=True))",
    "list(zip((x for x in [1, 2]), [1, 2], [1], strict=True))",
    "list(zip([1, 2], [1], strict=True))",
    "map(str, xs).send(1)",
    "filter(None, xs).close()",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_a_lazy_builtin_runs_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", ERRORS)
def test_a_lazy_builtin_fails_when_and_as_cpython_does(cpython_worker: Answer, program):
    source = PRELUDE + program + "\n"
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_lazy_builtin_reads_as_in_cpython(cpython_worker: Answer):
    source = "print(map(str, []), filter(None, []), zip(iter([]), iter(())))\n"
    expected = cpython_worker(source)
    expected["output"] = [re.sub(r" at 0x[0-9a-f]+", "", line) for line in expected["output"]]
    assert as_cpython_worker(source) == expected


THREADED = {
    "a map's function that takes a lock is the consumer's step": """
        import threading
        lock = threading.Lock()
        got = []
        def f(x):
            with lock:
                got.append(x)
                return x * 10
        seen = []
        def worker(name):
            for v in map(f, [1, 2]):
                seen.append((name, v))
        ts = [threading.Thread(target=worker, args=(n,)) for n in "ab"]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print(sorted(got), sorted(seen))
    """,
    "results of futures, summed, sorted and joined, wait in the thread": """
        from concurrent.futures import ThreadPoolExecutor
        def sq(x):
            return x * x
        with ThreadPoolExecutor(2) as ex:
            print(list(map(str, ex.map(sq, [1, 2, 3]))))
            print(list(zip("abc", ex.map(sq, [1, 2, 3]))))
            futs = [ex.submit(sq, i) for i in range(4)]
            print(sum(f.result() for f in futs), sorted(f.result() for f in futs))
            print(", ".join(str(f.result()) for f in futs), max(f.result() for f in futs))
            for name, r in zip(["a", "b"], ex.map(sq, [5, 6])):
                print(name, r)
    """,
}


@pytest.mark.parametrize("name", THREADED)
def test_a_threaded_program_prints_what_cpython_prints(run_cpython, name):
    source = textwrap.dedent(THREADED[name])
    expected = run_cpython(source)
    for policy in (RoundRobin(1), RoundRobin(5), Random(0), CPython()):
        output, errors = as_run_cpython(source, policy)
        assert output == expected[0] and errors == expected[1], policy


def test_the_steps_of_a_maps_loop_are_the_consumers_at_its_line():
    program = compile_program(
        "import threading\nshared = [1, 2]\nlock = threading.Lock()\ndef f(x):\n"
        "    with lock:\n        return x\ndef worker():\n    for v in map(f, shared):\n"
        "        pass\nt = threading.Thread(target=worker)\nt.start()\nt.join()\n")
    steps = [(s.line, s.action) for s in run(program, RoundRobin()).steps
             if s.thread == "Thread-1 (worker)"]
    assert [line for line, _ in steps] == [8, 8, 5, 6, 8, 5, 6, 8]
    assert steps[0][1].startswith("map(f, shared)")
    assert steps[1][1].startswith("next item of [1, 2]")


def test_map_over_a_huge_range_is_refused_when_walked_not_when_made():
    made = run(compile_program("m = map(str, range(10**12))\nprint(next(m))\n"),
               RoundRobin(), record=False).outcome
    assert made.kind == "done" and list(made.output) == ["0"]
    walked = run(compile_program("print(sum(map(len, map(str, range(10**12)))))\n"),
                 RoundRobin(), record=False).outcome
    assert walked.kind == "limit"


def test_any_and_all_over_code_that_waits_run_as_the_threads_own(run_cpython):
    """`all(f.result() for f in fs)`: the generator's items are the thread's own steps, so a
    result not ready yet is waited for (it was a RuntimeError: a nested call cannot wait),
    and the walk stops at the first deciding item, as CPython's does."""
    source = textwrap.dedent("""
        import time
        from concurrent.futures import ThreadPoolExecutor
        def slow(x):
            time.sleep(0.05)
            return x
        def noisy(xs):
            for x in xs:
                print("yield", x)
                yield x
        with ThreadPoolExecutor(3) as ex:
            fs = [ex.submit(slow, i) for i in range(3)]
            print(all(f.result() >= 0 for f in fs))
            fs = [ex.submit(slow, i) for i in range(3)]
            print(any(f.result() > 0 for f in fs))
        print(any(x > 1 for x in noisy([0, 2, 5])), all(noisy([1, 0, 3])), any([]), all(()))
    """)
    assert as_run_cpython(source, CPython()) == run_cpython(source)
